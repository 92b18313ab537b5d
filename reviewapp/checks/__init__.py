"""Automatic quality checks: run_checks applies every registered check."""

from collections.abc import Sequence

from reviewapp.checks import (  # noqa: F401  (each module registers its checks)
    consistency,
    names,
    numbers,
    punctuation,
    terms,
    untranslated,
)
from reviewapp.checks.base import (
    CHECKS,
    Check,
    CheckContext,
    Finding,
    GlossaryEntry,
    PhrasingRule,
    SegmentPair,
)
from reviewapp.checks.fix import propose_fix_everywhere
from reviewapp.collection import cycle_collection_paused

__all__ = [
    "CHECKS",
    "Check",
    "CheckContext",
    "Finding",
    "GlossaryEntry",
    "PhrasingRule",
    "SegmentPair",
    "propose_fix_everywhere",
    "run_checks",
]


def run_checks(
    pairs: Sequence[SegmentPair],
    context: CheckContext | None = None,
    disabled: frozenset[str] | set[str] = frozenset(),
) -> list[tuple[int, Finding]]:
    """Findings of every enabled check as (segment position, finding), in segment order."""
    context = context or CheckContext()
    with cycle_collection_paused():
        findings = [
            result
            for check_id, check in CHECKS.items()
            if check_id not in disabled
            for result in check.check_document(pairs, context)
        ]
    findings.sort(key=lambda item: (item[0], item[1].source_start or 0))
    return findings
