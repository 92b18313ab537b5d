"""Automatic quality checks: run_checks applies every registered check."""

from collections.abc import Sequence

from reviewapp.checks import names  # noqa: F401  (registers its check)
from reviewapp.checks.base import (
    CHECKS,
    Check,
    CheckContext,
    Finding,
    GlossaryEntry,
    PhrasingRule,
    SegmentPair,
)

__all__ = [
    "CHECKS",
    "Check",
    "CheckContext",
    "Finding",
    "GlossaryEntry",
    "PhrasingRule",
    "SegmentPair",
    "run_checks",
]


def run_checks(
    pairs: Sequence[SegmentPair],
    context: CheckContext | None = None,
    disabled: frozenset[str] | set[str] = frozenset(),
) -> list[tuple[int, Finding]]:
    """Findings of every enabled check as (segment position, finding), in segment order."""
    context = context or CheckContext()
    findings = [
        result
        for check_id, check in CHECKS.items()
        if check_id not in disabled
        for result in check.check_document(pairs, context)
    ]
    findings.sort(key=lambda item: (item[0], item[1].source_start or 0))
    return findings
