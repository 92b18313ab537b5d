"""Repairing alignment: merge, split and undo keep every correction, flag and approval."""

import pytest

from reviewapp import services
from reviewapp.models import AlignmentChange, Flag, Revision, Segment, Side


def state_of(document) -> list[tuple]:
    """Everything an editor sees or did, in document order."""
    rows = []
    for segment in document.segments().order_by("position"):
        rows.append(
            (
                segment.pk,
                segment.position,
                segment.paragraph,
                segment.source_text,
                segment.mt_text,
                segment.text,
                segment.version,
                segment.approved_at,
                tuple(segment.revisions.order_by("number").values_list("pk", "number", "text")),
                tuple(
                    segment.flags.order_by("pk").values_list(
                        "pk", "side", "start", "end", "stale", "made_on_version", "made_start"
                    )
                ),
            )
        )
    return rows


def flag(segment, user, side, words, version=None):
    text = segment.source_text if side == Side.SOURCE else segment.text
    start = text.index(words)
    return services.flag_create(
        segment=segment,
        user=user,
        side=side,
        start=start,
        end=start + len(words),
        version=segment.version if version is None else version,
        category="mistranslated_name",
        severity="major",
    )


def fresh(segment) -> Segment:
    return Segment.objects.get(pk=segment.pk)


def assert_flag_on_words(flag_id: int, words: str) -> None:
    found = Flag.objects.get(pk=flag_id)
    text = found.segment.text_of_side(found.side)
    assert text[found.start : found.end] == words and not found.stale


@pytest.mark.parametrize("edit_first", [False, True])
@pytest.mark.parametrize("edit_second", [False, True])
def test_merge_joins_both_sides_and_keeps_work(document, segments, editor, edit_first, edit_second):
    first, second = segments[1], segments[2]
    first_text = "التقى رون ديرمر بأسعد الشيباني." if edit_first else first.mt_text
    second_text = "وناقشا السويداء." if edit_second else second.mt_text
    for segment, text in ((first, first_text), (second, second_text)):
        if text != segment.mt_text:
            services.segment_save_text(segment=segment, user=editor, text=text, base_version=0)
    second = fresh(second)
    source_flag = flag(second, editor, Side.SOURCE, "Sweida")
    target_words = "السويداء" if edit_second else "Sweida"
    target_flag = flag(second, editor, Side.TARGET, target_words)
    first_flag = flag(fresh(first), editor, Side.TARGET, "بأسعد")
    services.segment_set_approved(segment=first, user=editor, approved=True)
    before = state_of(document)

    change = services.segment_merge_with_next(segment=first, user=editor)

    merged = fresh(first)
    assert merged.source_text == "Ron Dermer met Asaad al-Shaibani. They discussed Sweida."
    assert merged.mt_text == "التقى الأمراض الجلدية بأسعد الشيباني. وناقشا Sweida."
    assert merged.text == f"{first_text} {second_text}"
    assert merged.version == int(edit_first) + int(edit_second) + (edit_first or edit_second)
    assert not merged.is_approved, "half of the merged segment was never approved"
    assert not Segment.objects.filter(pk=second.pk).exists()
    assert [s.position for s in document.segments().order_by("position")] == [0, 1, 2]
    for flag_id, words in ((source_flag.pk, "Sweida"), (target_flag.pk, target_words)):
        assert_flag_on_words(flag_id, words)
    assert_flag_on_words(first_flag.pk, "بأسعد")
    assert Revision.objects.filter(segment=merged).count() == merged.version
    assert change.kind == "merge" and change.position == 1

    services.alignment_change_undo(change=change, user=editor)
    assert state_of(document) == before
    assert AlignmentChange.objects.get(pk=change.pk).undone_at is not None


@pytest.mark.parametrize(
    ("side", "at", "head", "tail"),
    [
        (Side.SOURCE, "Asaad", "Ron Dermer met", "Asaad al-Shaibani."),
        (Side.TARGET, "بأسعد", "التقى الأمراض الجلدية", "بأسعد الشيباني."),
    ],
)
@pytest.mark.parametrize("edited", [False, True])
def test_split_moves_the_tail_into_a_new_segment(
    document, segments, editor, side, at, head, tail, edited
):
    segment = segments[1]
    if edited:
        services.segment_save_text(
            segment=segment,
            user=editor,
            text="التقى الأمراض الجلدية بأسعد الشيباني!",
            base_version=0,
        )
    segment = fresh(segment)
    tail_flag = flag(segment, editor, side, "الشيباني" if side == Side.TARGET else "Shaibani")
    head_flag = flag(segment, editor, side, "الأمراض" if side == Side.TARGET else "Dermer")
    before = state_of(document)
    offset = segment.text_of_side(side).index(at) - 1

    change = services.segment_split(segment=segment, user=editor, side=side, offset=offset)

    rows = list(document.segments().order_by("position"))
    assert [s.position for s in rows] == [0, 1, 2, 3, 4]
    first, new = rows[1], rows[2]
    assert first.pk == segment.pk and new.paragraph == first.paragraph
    if edited and side == Side.TARGET:
        tail = tail.replace(".", "!")
    assert first.text_of_side(side) == head and new.text_of_side(side) == tail
    other = Side.TARGET if side == Side.SOURCE else Side.SOURCE
    assert new.text_of_side(other) == ""
    if side == Side.TARGET and not edited:
        assert (first.mt_text, new.mt_text) == (head, tail) and new.version == 0
    if side == Side.TARGET and edited:
        assert first.mt_text == segment.mt_text, "the machine translation is never rewritten"
        assert new.version == 1 and first.version == segment.version + 1
    assert_flag_on_words(tail_flag.pk, "الشيباني" if side == Side.TARGET else "Shaibani")
    assert Flag.objects.get(pk=tail_flag.pk).segment_id == new.pk
    assert Flag.objects.get(pk=head_flag.pk).segment_id == first.pk

    services.alignment_change_undo(change=change, user=editor)
    assert state_of(document) == before


@pytest.mark.parametrize("offset", [0, 33, 100, -1])
def test_split_needs_words_on_both_sides_of_the_cut(segments, editor, offset):
    segment = segments[1]
    with pytest.raises(services.ReviewError, match="inside the text"):
        services.segment_split(segment=segment, user=editor, side=Side.SOURCE, offset=offset)
    assert not AlignmentChange.objects.exists()


def test_split_inside_a_flag_is_refused(document, segments, editor):
    segment = segments[1]
    flag(segment, editor, Side.SOURCE, "Ron Dermer")
    before = state_of(document)
    with pytest.raises(services.ReviewError, match="flag covers"):
        services.segment_split(segment=segment, user=editor, side=Side.SOURCE, offset=4)
    assert state_of(document) == before


def test_last_segment_has_nothing_to_merge_with(document, segments, editor):
    before = state_of(document)
    with pytest.raises(services.ReviewError, match="last segment"):
        services.segment_merge_with_next(segment=segments[-1], user=editor)
    assert state_of(document) == before


def test_undo_refuses_after_a_later_edit_and_keeps_it(document, segments, editor):
    change = services.segment_merge_with_next(segment=segments[0], user=editor)
    merged = fresh(segments[0])
    services.segment_save_text(segment=merged, user=editor, text="نص جديد", base_version=0)
    after_edit = state_of(document)
    with pytest.raises(services.ReviewError, match="changed after"):
        services.alignment_change_undo(change=change, user=editor)
    assert state_of(document) == after_edit


def test_only_the_last_change_is_undone_and_in_reverse_order(document, segments, editor):
    original = state_of(document)
    first = services.segment_merge_with_next(segment=segments[0], user=editor)
    middle = state_of(document)
    second = services.segment_split(
        segment=fresh(segments[3]), user=editor, side=Side.SOURCE, offset=7
    )
    with pytest.raises(services.ReviewError, match="last alignment change"):
        services.alignment_change_undo(change=first, user=editor)
    services.alignment_change_undo(change=second, user=editor)
    assert state_of(document) == middle
    services.alignment_change_undo(change=first, user=editor)
    assert state_of(document) == original


def test_flag_made_after_a_merge_survives_its_undo(document, segments, editor):
    change = services.segment_merge_with_next(segment=segments[1], user=editor)
    late = flag(fresh(segments[1]), editor, Side.TARGET, "Sweida")
    services.alignment_change_undo(change=change, user=editor)
    moved = Flag.objects.get(pk=late.pk)
    assert moved.segment_id == segments[1].pk and moved.stale
