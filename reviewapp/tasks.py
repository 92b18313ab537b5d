"""Importing documents: files in, aligned segment pairs out, saved as a document.

The browser, the command line and the background worker all go through
`prepare_import` and `save_import`; `run_import` is the worker's entry point.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.tasks import task
from django.utils import timezone

from reviewapp import services
from reviewapp.alignment import align_segmented
from reviewapp.importers import (
    ImportRejected,
    PairColumns,
    check_languages,
    read_bilingual,
    read_monolingual_with_warnings,
    sample_text,
)
from reviewapp.languages import is_known_language, language_name
from reviewapp.models import Document, ImportJob, Project, Translation
from reviewapp.segmentation import join_sentences, segment_document

logger = logging.getLogger(__name__)

DEFAULT_SYSTEM = "Machine translation"
TITLE_LENGTH = 100

Progress = Callable[[int, str], None]


def no_progress(percent: int, message: str) -> None:
    """For callers with nobody watching the import."""


class LanguageWarning(ImportRejected):
    """The texts do not read as the languages given; the user may import them anyway."""


@dataclass(frozen=True)
class ImportFile:
    name: str
    data: bytes


@dataclass(frozen=True)
class ImportOptions:
    title: str = ""
    source_lang: str = ""
    target_lang: str = ""
    system: str = DEFAULT_SYSTEM
    encoding: str | None = None
    document_id: int | None = None
    ignore_language_warnings: bool = False

    def as_params(self) -> dict:
        return {
            "title": self.title,
            "source_lang": self.source_lang,
            "target_lang": self.target_lang,
            "system": self.system,
            "encoding": self.encoding,
            "document_id": self.document_id,
            "ignore_language_warnings": self.ignore_language_warnings,
        }


@dataclass(frozen=True)
class ImportFiles:
    """Either two monolingual files (the source may be left out when adding a system to a
    document), one bilingual file, or a document's reference translation alone."""

    source: ImportFile | None = None
    translation: ImportFile | None = None
    bilingual: ImportFile | None = None
    reference: ImportFile | None = None

    def total_bytes(self) -> int:
        uploads = (self.source, self.translation, self.bilingual, self.reference)
        return sum(len(upload.data) for upload in uploads if upload)


@dataclass
class PreparedImport:
    pairs: PairColumns
    source_lang: str
    target_lang: str
    warnings: list[str] = field(default_factory=list)


def _rejected_in(label: str, error: ImportRejected) -> ImportRejected:
    return ImportRejected(f"{label}: {error}")


def _read_text(label: str, upload: ImportFile, encoding: str | None) -> tuple[str, list[str]]:
    max_bytes = settings.IMPORT_MAX_BYTES
    try:
        text, warnings = read_monolingual_with_warnings(
            upload.name, upload.data, max_bytes=max_bytes, declared_encoding=encoding
        )
    except ImportRejected as error:
        raise _rejected_in(f"{label} “{upload.name}”", error) from None
    return text, [f"{label}: {warning}" for warning in warnings]


def _read_sentences(
    label: str, upload: ImportFile, encoding: str | None, lang: str
) -> tuple[list[list[str]], list[str]]:
    """The file's paragraphs, each as its list of sentences. The text itself is let go
    here: on a large import it is tens of megabytes that the alignment does not need."""
    text, warnings = _read_text(label, upload, encoding)
    return segment_document(text, lang), warnings


def _document_source_text(document: Document) -> str:
    """The document's source as running text, paragraph by paragraph, from its first system."""
    translation = document.translations.first()
    if translation is None:
        raise ImportRejected("The document has no text to align the translation with.")
    paragraphs: dict[int, list[str]] = {}
    for paragraph, source in translation.segments.order_by("position").values_list(
        "paragraph", "source_text"
    ):
        if source:
            paragraphs.setdefault(paragraph, []).append(source)
    return "\n\n".join(
        join_sentences(sentences, document.source_lang) for sentences in paragraphs.values()
    )


def _checked_language(code: str, role: str) -> str:
    code = code.strip().replace("_", "-")
    if not code:
        raise ImportRejected(f"Give the {role} language (a code such as en or ar).")
    if not is_known_language(code):
        raise ImportRejected(f"“{code}” is not a language code (use codes such as en or ar).")
    return code


def _bilingual_pairs(
    upload: ImportFile, options: ImportOptions, document: Document | None
) -> PreparedImport:
    try:
        bilingual = read_bilingual(
            upload.name,
            upload.data,
            max_bytes=settings.IMPORT_MAX_BYTES,
            declared_encoding=options.encoding,
        )
    except ImportRejected as error:
        raise _rejected_in(f"Bilingual file “{upload.name}”", error) from None
    warnings = list(bilingual.warnings)
    languages = []
    for role, given, declared, fixed in (
        ("source", options.source_lang, bilingual.source_lang, document and document.source_lang),
        ("target", options.target_lang, bilingual.target_lang, document and document.target_lang),
    ):
        code = fixed or given or declared or ""
        if declared and code and declared.lower() != code.lower():
            warnings.append(
                f"The file declares the {role} language as {language_name(declared)}; "
                f"it was imported as {language_name(code)}."
            )
        languages.append(_checked_language(code, role))
    return PreparedImport(
        pairs=PairColumns(bilingual.sources, bilingual.targets, bilingual.paragraphs),
        source_lang=languages[0],
        target_lang=languages[1],
        warnings=warnings,
    )


def _monolingual_pairs(
    files: ImportFiles, options: ImportOptions, document: Document | None, progress: Progress
) -> PreparedImport:
    if files.translation is None or (files.source is None and document is None):
        raise ImportRejected("Give both the source and the translation, or one bilingual file.")
    if document is not None:
        source_lang, target_lang = document.source_lang, document.target_lang
        source, warnings = segment_document(_document_source_text(document), source_lang), []
    else:
        source_lang = _checked_language(options.source_lang, "source")
        target_lang = _checked_language(options.target_lang, "target")
        source, warnings = _read_sentences("Source", files.source, options.encoding, source_lang)
    target, target_warnings = _read_sentences(
        "Translation", files.translation, options.encoding, target_lang
    )
    progress(30, "Aligning sentences")
    segments = align_segmented(source, target, source_lang, target_lang)
    return PreparedImport(
        pairs=PairColumns(
            [segment.source for segment in segments],
            [segment.target for segment in segments],
            [segment.paragraph for segment in segments],
        ),
        source_lang=source_lang,
        target_lang=target_lang,
        warnings=warnings + target_warnings,
    )


def prepare_import(
    files: ImportFiles,
    options: ImportOptions,
    *,
    document: Document | None = None,
    progress: Progress = no_progress,
) -> PreparedImport:
    """Parse and align the files; raises ImportRejected with a message for the user.

    `document`: the document a further machine translation is added to; its languages
    and source text are used.
    """
    progress(10, "Reading the files")
    if files.bilingual is not None:
        prepared = _bilingual_pairs(files.bilingual, options, document)
    else:
        prepared = _monolingual_pairs(files, options, document, progress)
    progress(60, "Checking the languages")
    language_warnings = check_languages(
        sample_text(prepared.pairs.sources),
        sample_text(prepared.pairs.targets),
        prepared.source_lang,
        prepared.target_lang,
    )
    if language_warnings and not options.ignore_language_warnings:
        raise LanguageWarning(" ".join(language_warnings))
    prepared.warnings.extend(language_warnings)
    return prepared


def _default_title(prepared: PreparedImport) -> str:
    first = next((source for source in prepared.pairs.sources if source.strip()), "")
    first = " ".join(first.split())
    if len(first) <= TITLE_LENGTH:
        return first or "Untitled"
    return first[: TITLE_LENGTH - 1].rsplit(" ", 1)[0] + "…"


def save_import(
    prepared: PreparedImport,
    options: ImportOptions,
    *,
    project: Project,
    user: AbstractBaseUser | None,
    document: Document | None = None,
) -> Document:
    """Create the document, or add the translation to `document`; all or nothing."""
    system = options.system.strip() or DEFAULT_SYSTEM
    try:
        if document is not None:
            services.translation_create(document=document, system=system, pairs=prepared.pairs)
            return document
        return services.document_create(
            project=project,
            title=options.title.strip() or _default_title(prepared),
            source_lang=prepared.source_lang,
            target_lang=prepared.target_lang,
            pairs=prepared.pairs,
            user=user,
            system=system,
        )
    except services.ReviewError as error:
        raise ImportRejected(str(error)) from None


def target_document(project: Project, document_id: int | None) -> Document | None:
    if document_id is None:
        return None
    document = project.documents.filter(pk=document_id).first()
    if document is None:
        raise ImportRejected(f"Project “{project}” has no document {document_id}.")
    return document


@dataclass(frozen=True)
class ImportResult:
    document: Document
    segment_count: int
    warnings: list[str]
    reference: bool = False

    def summary(self) -> str:
        if self.reference:
            return (
                f"Set the reference translation of {self.segment_count} segments "
                f"in “{self.document.title}”."
            )
        return f"Imported {self.segment_count} segments into “{self.document.title}”."


def set_reference(
    upload: ImportFile,
    options: ImportOptions,
    *,
    document: Document | None,
    user: AbstractBaseUser | None,
    progress: Progress = no_progress,
) -> ImportResult:
    """Store a human reference translation on every system's segments of `document`."""
    if document is None:
        raise ImportRejected("Choose the document the reference translation belongs to.")
    progress(10, "Reading the reference translation")
    source_text = _document_source_text(document)
    reference_text, warnings = _read_text("Reference translation", upload, options.encoding)
    language_warnings = check_languages(
        sample_text([source_text]),
        sample_text([reference_text]),
        document.source_lang,
        document.target_lang,
    )
    if language_warnings and not options.ignore_language_warnings:
        raise LanguageWarning(" ".join(language_warnings))
    progress(40, "Aligning the reference with the source")
    try:
        with transaction.atomic():
            counts = [
                services.translation_set_reference(
                    translation=translation, reference_text=reference_text, user=user
                )
                for translation in document.translations.all()
            ]
    except services.ReviewError as error:
        raise ImportRejected(str(error)) from None
    return ImportResult(document, max(counts), warnings + language_warnings, reference=True)


def import_now(
    files: ImportFiles,
    options: ImportOptions,
    *,
    project: Project,
    user: AbstractBaseUser | None,
    progress: Progress = no_progress,
) -> ImportResult:
    """Import in the calling process."""
    document = target_document(project, options.document_id)
    if files.reference is not None:
        return set_reference(
            files.reference, options, document=document, user=user, progress=progress
        )
    prepared = prepare_import(files, options, document=document, progress=progress)
    progress(70, f"Saving {len(prepared.pairs)} segments")
    saved = save_import(prepared, options, project=project, user=user, document=document)
    return ImportResult(saved, len(prepared.pairs), prepared.warnings)


# --- background jobs ----------------------------------------------------------------------

ROLES = ("source", "translation", "bilingual", "reference")
# A reference is imported on its own, never with a translation, so it travels in the
# translation's column.
DATA_FIELDS = {
    "source": "source_data",
    "translation": "target_data",
    "bilingual": "bilingual_data",
    "reference": "target_data",
}


def import_job_create(
    *, project: Project, user: AbstractBaseUser, files: ImportFiles, options: ImportOptions
) -> ImportJob:
    """Store the files and options and queue the import for the worker."""
    uploads = {role: getattr(files, role) for role in ROLES}
    job = ImportJob.objects.create(
        project=project,
        created_by=user,
        params=options.as_params(),
        files={role: upload.name for role, upload in uploads.items() if upload},
        **{DATA_FIELDS[role]: upload.data for role, upload in uploads.items() if upload},
    )
    result = run_import.enqueue(job.pk)
    ImportJob.objects.filter(pk=job.pk).update(task_id=str(result.id))
    job.refresh_from_db()
    return job


def _job_files(job: ImportJob) -> ImportFiles:
    uploads = {}
    for role in ROLES:
        data = getattr(job, DATA_FIELDS[role])
        if data is not None and role in job.files:
            uploads[role] = ImportFile(job.files[role], bytes(data))
    return ImportFiles(**uploads)


def _finish_job(job: ImportJob, **fields: object) -> None:
    # The files are needed no more, and may be large.
    fields.update(source_data=None, target_data=None, bilingual_data=None)
    fields.update(finished_at=timezone.now())
    ImportJob.objects.filter(pk=job.pk).update(**fields)


@task()
def run_import(job_id: int) -> int | None:
    """Run a queued import; the job row records progress, the outcome and any warnings.

    Progress is reported between steps only: the segments are saved in one
    transaction, and rows written inside it are invisible to the page until it commits.
    """
    job = ImportJob.objects.select_related("project", "created_by").get(pk=job_id)
    if job.status != ImportJob.Status.QUEUED:
        return job.document_id

    def progress(percent: int, message: str) -> None:
        ImportJob.objects.filter(pk=job.pk).update(progress=percent, message=message)

    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.RUNNING)
    try:
        result = import_now(
            _job_files(job),
            ImportOptions(**job.params),
            project=job.project,
            user=job.created_by,
            progress=progress,
        )
    except ImportRejected as error:
        _finish_job(job, status=ImportJob.Status.FAILED, message=str(error))
        return None
    except Exception:
        logger.exception("Import job %s failed", job.pk)
        _finish_job(
            job,
            status=ImportJob.Status.FAILED,
            message="The import failed because of an error in the application; nothing was saved.",
        )
        raise
    _finish_job(
        job,
        status=ImportJob.Status.DONE,
        progress=100,
        message=result.summary(),
        warnings=result.warnings,
        document=result.document,
    )
    return result.document.pk


# --- automatic checks ---------------------------------------------------------------------


@task()
def run_translation_checks(translation_id: int, check_ids: list[str]) -> int | None:
    """Re-run the checks that compare segments after an edit; None if the translation went."""
    translation = (
        Translation.objects.select_related("document__project").filter(pk=translation_id).first()
    )
    if translation is None:
        return None
    return services.translation_run_checks(translation=translation, check_ids=check_ids)


@task()
def run_document_checks(document_id: int) -> int | None:
    """Re-run every enabled check on a document; None if the document went."""
    document = Document.objects.select_related("project").filter(pk=document_id).first()
    if document is None:
        return None
    return services.document_run_checks(document=document)
