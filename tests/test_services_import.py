"""Saving imported pairs: every segment column filled as a new segment has it, batches,
all-or-nothing, and the document's checks queued for the worker."""

import datetime

import pytest
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from reviewapp import services
from reviewapp.importers import PairColumns
from reviewapp.models import CheckFinding, Document, Segment

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
IMMEDIATE_TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}

PAIRS = [
    services.SegmentPair(0, "Talks in Paris", "محادثات في باريس"),
    services.SegmentPair(1, "Ron Dermer met Asaad al-Shaibani.", "التقى الأمراض الجلدية."),
    services.SegmentPair(1, "They discussed Sweida.", "وناقشا Sweida."),
    services.SegmentPair(2, "Israeli strikes continued.", "واستمرت الإضرابات الإسرائيلية."),
    services.SegmentPair(3, "", "نص بلا مصدر"),
]


def create(project, pairs=PAIRS, **options) -> Document:
    return services.document_create(
        project=project,
        title="Talks in Paris",
        source_lang="en",
        target_lang="ar",
        pairs=pairs,
        user=None,
        **options,
    )


def as_columns(pairs: list[services.SegmentPair]) -> PairColumns:
    return PairColumns(
        [pair.source for pair in pairs],
        [pair.target for pair in pairs],
        [pair.paragraph for pair in pairs],
    )


@pytest.mark.parametrize("batch_size", [1, 2, len(PAIRS), 1000])
@pytest.mark.parametrize("given_as", [iter, as_columns])
def test_segments_hold_the_pairs_in_order_whatever_the_batch_size(project, batch_size, given_as):
    document = create(project, pairs=given_as(PAIRS), batch_size=batch_size)
    stored = list(
        document.segments()
        .order_by("position")
        .values_list("position", "paragraph", "source_text", "mt_text", "text")
    )
    assert stored == [
        (position, pair.paragraph, pair.source, pair.target, pair.target)
        for position, pair in enumerate(PAIRS)
    ]


def test_other_columns_are_those_of_a_new_segment(project):
    before = timezone.now()
    document = create(project)
    fresh = Segment()
    for segment in document.segments():
        assert (segment.version, segment.reference_text) == (fresh.version, fresh.reference_text)
        assert segment.approved_at is None and segment.approved_by is None
        assert segment.esa_score is None and segment.score_stats is None
        assert before <= segment.updated_at <= timezone.now() + datetime.timedelta(seconds=1)
        assert not segment.is_edited and not segment.is_approved


def test_a_second_system_gets_its_own_segments(project):
    document = create(project)
    translation = services.translation_create(
        document=document, system="Engine B", pairs=PAIRS[:2], batch_size=1
    )
    assert list(translation.segments.values_list("position", flat=True)) == [0, 1]
    assert Segment.objects.count() == len(PAIRS) + 2


@pytest.mark.parametrize(
    ("system", "pairs", "message"),
    [("Engine B", [], "no text"), ("Machine translation", PAIRS, "already has a translation")],
    ids=["empty", "same system"],
)
def test_rejected_translation_saves_nothing(project, system, pairs, message):
    document = create(project)
    with pytest.raises(services.ReviewError, match=message):
        services.translation_create(document=document, system=system, pairs=pairs)
    assert document.translations.count() == 1 and Segment.objects.count() == len(PAIRS)


@override_settings(TASKS=DATABASE_TASKS)
def test_checks_are_queued_for_the_worker_not_run_during_the_import(project):
    document = create(project)
    assert not CheckFinding.objects.exists()
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "reviewapp.tasks.run_document_checks"
    assert queued.args_kwargs["args"] == [document.pk]


@override_settings(TASKS=IMMEDIATE_TASKS)
def test_queued_checks_find_the_wrong_name(project):
    document = create(project)
    dermer = document.segments().get(position=1)
    assert CheckFinding.objects.filter(segment=dermer, check_id="names").exists()
