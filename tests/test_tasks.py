"""The background import: job states, atomic failure, and the real database queue and worker."""

import pytest
from django.core.management import call_command
from django.test import override_settings

from reviewapp.models import Document, ImportJob, Segment
from reviewapp.tasks import ImportFile, ImportFiles, ImportOptions, import_job_create, run_import
from tests.test_views_imports import AR, EN, IMMEDIATE_TASKS

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
OPTIONS = ImportOptions(title="Paris", source_lang="en", target_lang="ar", system="Engine A")


def texts(source: str, translation: str) -> ImportFiles:
    return ImportFiles(
        source=ImportFile("en.txt", source.encode()),
        translation=ImportFile("ar.txt", translation.encode()),
    )


@override_settings(TASKS=IMMEDIATE_TASKS)
def test_job_imports_and_records_the_outcome(project, admin):
    job = import_job_create(project=project, user=admin, files=texts(EN, AR), options=OPTIONS)
    assert job.status == ImportJob.Status.DONE and job.progress == 100
    assert job.task_id and job.finished_at is not None
    assert job.files == {"source": "en.txt", "translation": "ar.txt"}
    assert job.document.title == "Paris" and job.document.segments().count() == 3
    assert job.message == "Imported 3 segments into “Paris”."
    assert (job.source_data, job.target_data) == (None, None)


@pytest.mark.parametrize(
    ("source", "translation", "message"),
    [("", AR, "empty"), (EN, EN, "identical to the source")],
)
@override_settings(TASKS=IMMEDIATE_TASKS)
def test_rejected_job_fails_with_its_message_and_saves_nothing(
    project, admin, source, translation, message
):
    job = import_job_create(
        project=project, user=admin, files=texts(source, translation), options=OPTIONS
    )
    assert job.status == ImportJob.Status.FAILED and message in job.message
    assert job.document is None and not Document.objects.exists()


@override_settings(TASKS=IMMEDIATE_TASKS)
def test_failure_while_saving_leaves_nothing(project, admin, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    # The last step of the save, after every segment row is written.
    monkeypatch.setattr("reviewapp.services._enqueue_document_checks", broken)
    job = import_job_create(project=project, user=admin, files=texts(EN, AR), options=OPTIONS)
    assert job.status == ImportJob.Status.FAILED and "nothing was saved" in job.message
    assert not Document.objects.exists() and not Segment.objects.exists()


@override_settings(TASKS=IMMEDIATE_TASKS)
def test_a_job_runs_once(project, admin):
    job = import_job_create(project=project, user=admin, files=texts(EN, AR), options=OPTIONS)
    assert run_import.call(job.pk) == job.document_id
    assert Document.objects.count() == 1


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_database_queue_and_worker(project, admin):
    job = import_job_create(project=project, user=admin, files=texts(EN, AR), options=OPTIONS)
    assert job.status == ImportJob.Status.QUEUED and not Document.objects.exists()
    call_command("db_worker", "--batch", "--no-startup-delay", "--queue-name", "default")
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE, job.message
    assert job.document.segments().count() == 3
