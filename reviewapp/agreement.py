"""Agreement between two editors who flagged errors in the same document.

Three views: whether each segment was flagged at all, the highest severity each editor
gave each segment (both as percent agreement and Cohen's kappa), and which target-side
characters each editor marked (character-level precision, recall and F1). A per-segment
list of the differences feeds the side-by-side view.

Pure module: no Django imports.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

NO_FLAG = "none"
# Severity labels in increasing order; a segment's label is the highest one flagged.
SEVERITY_RANKS: dict[str, int] = {NO_FLAG: 0, "neutral": 1, "minor": 2, "major": 3, "critical": 4}

CharacterRange = tuple[int, int]


@dataclass(frozen=True, slots=True)
class EditorFlag:
    """One flagged span: segment position in the document and target-side character offsets
    (end exclusive)."""

    segment: int
    start: int
    end: int
    severity: str = "minor"
    category: str = ""

    def __post_init__(self) -> None:
        if self.segment < 0 or not 0 <= self.start <= self.end:
            raise ValueError(f"invalid flag position {self}")
        if self.severity.lower() not in SEVERITY_RANKS or self.severity.lower() == NO_FLAG:
            raise ValueError(f"unknown severity {self.severity!r}")


@dataclass(frozen=True, slots=True)
class AgreementScore:
    """percent_agreement is 0-100; kappa is None where chance agreement is already total
    (both editors gave every segment the same single label) and kappa is undefined."""

    percent_agreement: float | None
    kappa: float | None
    items: int


@dataclass(frozen=True, slots=True)
class SpanAgreement:
    """Character-level overlap, editor B measured against editor A (F1 is symmetric).
    None where neither editor marked any character."""

    shared_characters: int
    characters_a: int
    characters_b: int
    precision: float | None
    recall: float | None
    f1: float | None


@dataclass(frozen=True, slots=True)
class SegmentDifference:
    segment: int
    severity_a: str
    severity_b: str
    shared: list[CharacterRange]
    only_a: list[CharacterRange]
    only_b: list[CharacterRange]
    flags_a: list[EditorFlag]
    flags_b: list[EditorFlag]


@dataclass(frozen=True, slots=True)
class EditorAgreement:
    flagged: AgreementScore
    severity: AgreementScore
    spans: SpanAgreement
    differences: list[SegmentDifference]


def cohen_kappa(labels_a: Sequence[Hashable], labels_b: Sequence[Hashable]) -> float | None:
    """Cohen's kappa of two raters' labels for the same items.

    Written here because it is one formula; scikit-learn would bring SciPy in for it.
    """
    if len(labels_a) != len(labels_b):
        raise ValueError("both editors must label the same items")
    items = len(labels_a)
    if items == 0:
        return None
    observed = sum(a == b for a, b in zip(labels_a, labels_b, strict=True)) / items
    counts_a, counts_b = Counter(labels_a), Counter(labels_b)
    expected = sum(counts_a[label] * counts_b[label] for label in counts_a) / items**2
    if expected == 1.0:
        return None
    return (observed - expected) / (1.0 - expected)


def _agreement(labels_a: Sequence[Hashable], labels_b: Sequence[Hashable]) -> AgreementScore:
    items = len(labels_a)
    agreeing = sum(a == b for a, b in zip(labels_a, labels_b, strict=True))
    percent = 100.0 * agreeing / items if items else None
    return AgreementScore(percent, cohen_kappa(labels_a, labels_b), items)


def _by_segment(flags: Iterable[EditorFlag]) -> dict[int, list[EditorFlag]]:
    grouped: dict[int, list[EditorFlag]] = {}
    for flag in flags:
        grouped.setdefault(flag.segment, []).append(flag)
    return grouped


def _highest_severity(flags: Iterable[EditorFlag]) -> str:
    return max(
        (flag.severity.lower() for flag in flags), key=SEVERITY_RANKS.__getitem__, default=NO_FLAG
    )


def _segment_severities(flags: Iterable[EditorFlag], segment_count: int) -> list[str]:
    grouped = _by_segment(flags)
    if grouped and max(grouped) >= segment_count:
        raise ValueError(f"flag on segment {max(grouped)} of a {segment_count}-segment text")
    return [_highest_severity(grouped.get(segment, [])) for segment in range(segment_count)]


def flagged_agreement(
    flags_a: Iterable[EditorFlag], flags_b: Iterable[EditorFlag], segment_count: int
) -> AgreementScore:
    """Agreement on which segments are flagged and which are clean."""
    flagged_a = [s != NO_FLAG for s in _segment_severities(flags_a, segment_count)]
    flagged_b = [s != NO_FLAG for s in _segment_severities(flags_b, segment_count)]
    return _agreement(flagged_a, flagged_b)


def severity_agreement(
    flags_a: Iterable[EditorFlag], flags_b: Iterable[EditorFlag], segment_count: int
) -> AgreementScore:
    """Agreement on each segment's highest severity ('none' for a clean segment)."""
    return _agreement(
        _segment_severities(flags_a, segment_count), _segment_severities(flags_b, segment_count)
    )


def _flagged_characters(flags: Iterable[EditorFlag]) -> set[tuple[int, int]]:
    return {(flag.segment, offset) for flag in flags for offset in range(flag.start, flag.end)}


def span_agreement(flags_a: Iterable[EditorFlag], flags_b: Iterable[EditorFlag]) -> SpanAgreement:
    """Character-level precision, recall and F1 of B's flagged characters against A's."""
    characters_a, characters_b = _flagged_characters(flags_a), _flagged_characters(flags_b)
    shared = len(characters_a & characters_b)
    precision = shared / len(characters_b) if characters_b else None
    recall = shared / len(characters_a) if characters_a else None
    total = len(characters_a) + len(characters_b)
    f1 = 2 * shared / total if total else None
    return SpanAgreement(shared, len(characters_a), len(characters_b), precision, recall, f1)


def _ranges(offsets: Iterable[int]) -> list[CharacterRange]:
    """Sorted offsets as (start, end-exclusive) runs."""
    runs: list[CharacterRange] = []
    for offset in sorted(offsets):
        if runs and runs[-1][1] == offset:
            runs[-1] = (runs[-1][0], offset + 1)
        else:
            runs.append((offset, offset + 1))
    return runs


def segment_differences(
    flags_a: Iterable[EditorFlag], flags_b: Iterable[EditorFlag]
) -> list[SegmentDifference]:
    """The segments where the editors differ in marked characters or highest severity,
    in document order."""
    by_segment_a, by_segment_b = _by_segment(flags_a), _by_segment(flags_b)
    differences = []
    for segment in sorted(by_segment_a.keys() | by_segment_b.keys()):
        segment_a, segment_b = by_segment_a.get(segment, []), by_segment_b.get(segment, [])
        offsets_a = {offset for _, offset in _flagged_characters(segment_a)}
        offsets_b = {offset for _, offset in _flagged_characters(segment_b)}
        severity_a, severity_b = _highest_severity(segment_a), _highest_severity(segment_b)
        if offsets_a == offsets_b and severity_a == severity_b:
            continue
        differences.append(
            SegmentDifference(
                segment=segment,
                severity_a=severity_a,
                severity_b=severity_b,
                shared=_ranges(offsets_a & offsets_b),
                only_a=_ranges(offsets_a - offsets_b),
                only_b=_ranges(offsets_b - offsets_a),
                flags_a=segment_a,
                flags_b=segment_b,
            )
        )
    return differences


def editor_agreement(
    flags_a: Iterable[EditorFlag], flags_b: Iterable[EditorFlag], segment_count: int
) -> EditorAgreement:
    """All agreement figures of two editors on a document of ``segment_count`` segments."""
    flags_a, flags_b = list(flags_a), list(flags_b)
    return EditorAgreement(
        flagged=flagged_agreement(flags_a, flags_b, segment_count),
        severity=severity_agreement(flags_a, flags_b, segment_count),
        spans=span_agreement(flags_a, flags_b),
        differences=segment_differences(flags_a, flags_b),
    )
