"""Agreement between two editors' flags on the same document."""

from __future__ import annotations

import pytest

from reviewapp.agreement import (
    EditorFlag,
    cohen_kappa,
    editor_agreement,
    flagged_agreement,
    segment_differences,
    severity_agreement,
    span_agreement,
)

# The demo article's third segment: both editors catch the garbled minister's name
# "رون ديمر" (target offsets 137-145), only one catches "آساد الشباني" (offsets 82-94);
# in the fifth, "الإضرابات الإسرائيلية" (labour strikes, 136-157) is flagged whole or in part.
EDITOR_A = [
    EditorFlag(2, 82, 94, "major", "accuracy/mistranslation"),
    EditorFlag(2, 137, 145, "major", "accuracy/mistranslation"),
    EditorFlag(4, 136, 157, "critical", "accuracy/mistranslation"),
]
EDITOR_B = [
    EditorFlag(2, 137, 145, "minor", "accuracy/mistranslation"),
    EditorFlag(4, 136, 145, "critical", "accuracy/mistranslation"),
    EditorFlag(7, 0, 5, "minor", "fluency/grammar"),
]
SEGMENTS = 10


@pytest.mark.parametrize(
    ("table", "kappa"),
    [
        # Textbook 2x2 table [[yes/yes, yes/no], [no/yes, no/no]]: p_o 0.7, p_e 0.5.
        ([[20, 5], [10, 15]], 0.4),
        # Agreement no better than chance.
        ([[25, 25], [25, 25]], 0.0),
        # Perfect agreement.
        ([[10, 0], [0, 30]], 1.0),
        # Systematic disagreement: p_o 0, p_e 0.5.
        ([[0, 10], [10, 0]], -1.0),
    ],
)
def test_cohen_kappa_of_known_tables(table: list[list[int]], kappa: float) -> None:
    labels_a, labels_b = [], []
    for row, label_a in zip(table, ("yes", "no"), strict=True):
        for count, label_b in zip(row, ("yes", "no"), strict=True):
            labels_a += [label_a] * count
            labels_b += [label_b] * count
    assert cohen_kappa(labels_a, labels_b) == pytest.approx(kappa)


def test_kappa_is_undefined_when_chance_agreement_is_total() -> None:
    assert cohen_kappa(["clean"] * 4, ["clean"] * 4) is None
    assert cohen_kappa([], []) is None


def test_flagged_agreement() -> None:
    score = flagged_agreement(EDITOR_A, EDITOR_B, SEGMENTS)
    # Segments 2 and 4 flagged by both, 7 only by B, seven clean for both.
    flagged_a = [s in (2, 4) for s in range(SEGMENTS)]
    flagged_b = [s in (2, 4, 7) for s in range(SEGMENTS)]
    assert score.items == SEGMENTS
    assert score.percent_agreement == 90.0
    assert score.kappa == pytest.approx(cohen_kappa(flagged_a, flagged_b))
    assert 0.0 < score.kappa < 1.0


def test_severity_agreement_uses_each_segments_highest_severity() -> None:
    score = severity_agreement(EDITOR_A, EDITOR_B, SEGMENTS)
    # Segment 2: major vs minor; segment 4: critical vs critical; segment 7: none vs minor.
    assert score.percent_agreement == 80.0
    severities_a = ["none"] * SEGMENTS
    severities_b = ["none"] * SEGMENTS
    severities_a[2], severities_a[4] = "major", "critical"
    severities_b[2], severities_b[4], severities_b[7] = "minor", "critical", "minor"
    assert score.kappa == pytest.approx(cohen_kappa(severities_a, severities_b))


def test_span_agreement_counts_characters() -> None:
    spans = span_agreement(EDITOR_A, EDITOR_B)
    characters_a = 12 + 8 + 21
    characters_b = 8 + 9 + 5
    shared = 8 + 9
    assert (spans.characters_a, spans.characters_b, spans.shared_characters) == (
        characters_a,
        characters_b,
        shared,
    )
    assert spans.precision == pytest.approx(shared / characters_b)
    assert spans.recall == pytest.approx(shared / characters_a)
    assert spans.f1 == pytest.approx(2 * shared / (characters_a + characters_b))


@pytest.mark.parametrize(
    ("flags_a", "flags_b", "f1"),
    [
        ([EditorFlag(0, 0, 10)], [EditorFlag(0, 0, 10)], 1.0),
        ([EditorFlag(0, 0, 10)], [EditorFlag(0, 5, 15)], 0.5),
        ([EditorFlag(0, 0, 10)], [EditorFlag(1, 0, 10)], 0.0),
        ([EditorFlag(0, 0, 10), EditorFlag(0, 5, 10)], [EditorFlag(0, 0, 10)], 1.0),
        ([], [], None),
    ],
)
def test_span_f1(flags_a: list[EditorFlag], flags_b: list[EditorFlag], f1: float | None) -> None:
    assert span_agreement(flags_a, flags_b).f1 == f1


def test_segment_differences_for_the_side_by_side_view() -> None:
    differences = {d.segment: d for d in segment_differences(EDITOR_A, EDITOR_B)}
    assert sorted(differences) == [2, 4, 7]
    third = differences[2]
    assert (third.severity_a, third.severity_b) == ("major", "minor")
    assert third.shared == [(137, 145)]
    assert third.only_a == [(82, 94)]
    assert third.only_b == []
    assert differences[4].only_a == [(145, 157)] and differences[4].shared == [(136, 145)]
    assert differences[7].flags_a == [] and differences[7].only_b == [(0, 5)]


def test_identical_flags_show_no_differences() -> None:
    agreement = editor_agreement(EDITOR_A, list(EDITOR_A), SEGMENTS)
    assert agreement.differences == []
    assert agreement.flagged.percent_agreement == 100.0
    assert agreement.flagged.kappa == 1.0
    assert agreement.spans.f1 == 1.0


@pytest.mark.parametrize(
    "arguments",
    [(0, 5, 3, "minor"), (-1, 0, 3, "minor"), (0, 0, 3, "catastrophic"), (0, 0, 3, "none")],
)
def test_invalid_flags_are_refused(arguments: tuple[int, int, int, str]) -> None:
    with pytest.raises(ValueError):
        EditorFlag(*arguments)


def test_flag_beyond_the_document_is_refused() -> None:
    with pytest.raises(ValueError):
        flagged_agreement([EditorFlag(10, 0, 1)], [], SEGMENTS)
