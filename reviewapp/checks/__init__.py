"""Automatic quality checks: run_checks applies every registered check."""

import gc
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
    # The checks make millions of short-lived words, tuples and matches and no cyclic
    # garbage (a collection after a 10,000-segment run finds none), yet each burst of
    # them would start a collection that walks every object alive: a fifth of the time
    # of a long document. Whatever cycles there are wait for the next collection.
    collecting = gc.isenabled()
    gc.disable()
    try:
        findings = [
            result
            for check_id, check in CHECKS.items()
            if check_id not in disabled
            for result in check.check_document(pairs, context)
        ]
    finally:
        if collecting:
            gc.enable()
    findings.sort(key=lambda item: (item[0], item[1].source_start or 0))
    return findings
