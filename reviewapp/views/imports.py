"""Importing a document from pasted text or uploaded files, and following a background import.

Small imports run in the request, so the editor sees errors in the form at once and the
page works without a worker; larger ones go to the task worker and the page polls the job.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET, require_http_methods

from reviewapp.access import import_job_for, project_for
from reviewapp.importers import (
    BILINGUAL_FORMATS,
    MONOLINGUAL_FORMATS,
    ImportRejected,
    accepted_extensions,
)
from reviewapp.importers.base import format_size
from reviewapp.languages import is_known_language, language_choices, text_direction
from reviewapp.models import ImportJob, Project
from reviewapp.tasks import (
    DEFAULT_SYSTEM,
    ImportFile,
    ImportFiles,
    ImportOptions,
    LanguageWarning,
    import_job_create,
    import_now,
)

TEMPLATE = "reviewapp/import.html"
# Aligning this much text takes well under a second (benchmarks/import_bench.py), short
# enough to answer in the request.
INLINE_IMPORT_MAX_BYTES = 256 * 1024
ENCODINGS = [
    ("", "Detect automatically"),
    ("utf-8", "UTF-8"),
    ("utf-16", "UTF-16"),
    ("windows-1256", "Windows-1256 (Arabic)"),
    ("iso-8859-6", "ISO-8859-6 (Arabic)"),
    ("windows-1255", "Windows-1255 (Hebrew)"),
    ("windows-1251", "Windows-1251 (Cyrillic)"),
    ("windows-1252", "Windows-1252 (Western)"),
    ("gb18030", "GB18030 (Chinese)"),
    ("shift_jis", "Shift JIS (Japanese)"),
]


class ImportForm(forms.Form):
    title = forms.CharField(max_length=300, required=False)
    source_lang = forms.CharField(max_length=20, required=False, label="Source language")
    target_lang = forms.CharField(max_length=20, required=False, label="Target language")
    system = forms.CharField(max_length=100, initial=DEFAULT_SYSTEM, label="Machine translation")
    document = forms.TypedChoiceField(
        coerce=int, required=False, empty_value=None, label="Add to document"
    )
    source_text = forms.CharField(required=False, strip=False, widget=forms.Textarea)
    translation_text = forms.CharField(required=False, strip=False, widget=forms.Textarea)
    source_file = forms.FileField(required=False)
    translation_file = forms.FileField(required=False)
    bilingual_file = forms.FileField(required=False)
    reference_text = forms.CharField(required=False, strip=False, widget=forms.Textarea)
    reference_file = forms.FileField(required=False)
    encoding = forms.ChoiceField(choices=ENCODINGS, required=False)
    ignore_language_warnings = forms.BooleanField(
        required=False, label="Import even though the languages look wrong"
    )

    def __init__(self, *args: object, project: Project, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["document"].choices = [("", "A new document")] + [
            (document.pk, document.title) for document in project.documents.all()
        ]

    def _upload(self, role: str) -> ImportFile | None:
        upload: UploadedFile | None = self.cleaned_data.get(f"{role}_file")
        if upload is not None:
            # Refused before reading, so that a huge upload never fills the memory.
            if upload.size > settings.IMPORT_MAX_BYTES:
                raise forms.ValidationError(
                    f"“{upload.name}” is too large ({format_size(upload.size)}); "
                    f"the limit is {format_size(settings.IMPORT_MAX_BYTES)}."
                )
            return ImportFile(upload.name, upload.read())
        text = self.cleaned_data.get(f"{role}_text", "")
        if text.strip():
            return ImportFile(f"pasted {role}.txt", text.encode("utf-8"))
        return None

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.errors:
            return cleaned
        uploads = {role: self._upload(role) for role in ("source", "translation")}
        bilingual = self._upload("bilingual")
        reference = self._upload("reference")
        if reference is not None:
            if bilingual is not None or uploads["translation"] is not None:
                raise forms.ValidationError(
                    "Import the reference translation on its own, without a machine translation."
                )
            if cleaned["document"] is None:
                raise forms.ValidationError(
                    "Choose the document (“Add to document”) the reference translation belongs to."
                )
            cleaned["files"] = ImportFiles(reference=reference)
            return cleaned
        if bilingual is not None and any(uploads.values()):
            raise forms.ValidationError(
                "Import either one bilingual file or a source and a translation, not both."
            )
        if bilingual is None and uploads["translation"] is None:
            raise forms.ValidationError(
                "Paste or upload the translation (and its source), or upload a bilingual file."
            )
        if bilingual is None and uploads["source"] is None and cleaned["document"] is None:
            raise forms.ValidationError("Paste or upload the source text too.")
        cleaned["files"] = ImportFiles(bilingual=bilingual) if bilingual else ImportFiles(**uploads)
        return cleaned

    def options(self) -> ImportOptions:
        data = self.cleaned_data
        return ImportOptions(
            title=data["title"],
            source_lang=data["source_lang"],
            target_lang=data["target_lang"],
            system=data["system"],
            encoding=data["encoding"] or None,
            document_id=data["document"],
            ignore_language_warnings=data["ignore_language_warnings"],
        )


def _render(
    request: HttpRequest,
    project: Project,
    form: ImportForm,
    *,
    status: int = 200,
    language_warning: bool = False,
) -> TemplateResponse:
    context = {
        "project": project,
        "form": form,
        "jobs": project.import_jobs.all()[:10],
        "languages": language_choices(),
        "language_warning": language_warning,
        "monolingual_accept": ",".join(accepted_extensions(MONOLINGUAL_FORMATS)),
        "bilingual_accept": ",".join(accepted_extensions(BILINGUAL_FORMATS)),
        "max_size": format_size(settings.IMPORT_MAX_BYTES),
    }
    for role in ("source", "target"):
        code = (form[f"{role}_lang"].value() or "").strip()
        known = is_known_language(code) if code else False
        context[f"{role}_lang"] = code if known else ""
        # Until the language is known, the browser judges the direction from the text.
        context[f"{role}_dir"] = text_direction(code) if known else "auto"
    return TemplateResponse(request, TEMPLATE, context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def import_document(request: HttpRequest, project_id: int) -> HttpResponse:
    project = project_for(request, project_id, admin=True)
    if request.method == "GET":
        # ?document=ID comes from the review page's "add another system" link.
        initial = {"document": request.GET.get("document", "")}
        return _render(request, project, ImportForm(project=project, initial=initial))
    form = ImportForm(request.POST, request.FILES, project=project)
    if not form.is_valid():
        return _render(request, project, form, status=422)
    files, options = form.cleaned_data["files"], form.options()
    if files.total_bytes() > INLINE_IMPORT_MAX_BYTES:
        job = import_job_create(project=project, user=request.user, files=files, options=options)
        return redirect("import_job", project.pk, job.pk)
    try:
        result = import_now(files, options, project=project, user=request.user)
    except ImportRejected as error:
        form.add_error(None, str(error))
        language_warning = isinstance(error, LanguageWarning)
        return _render(request, project, form, status=422, language_warning=language_warning)
    messages.success(request, result.summary())
    for warning in result.warnings:
        messages.warning(request, warning)
    if result.reference:
        return redirect(result.document.get_absolute_url())
    translation = result.document.translations.get(system=options.system.strip() or DEFAULT_SYSTEM)
    return redirect(f"{result.document.get_absolute_url()}?translation={translation.pk}")


@login_required
@require_GET
def import_job(request: HttpRequest, project_id: int, job_id: int) -> HttpResponse:
    """The job's progress and outcome; htmx polls the fragment until the job is finished."""
    project = project_for(request, project_id, admin=True)
    job = import_job_for(project, job_id)
    context = {
        "project": project,
        "job": job,
        "finished": job.status in (ImportJob.Status.DONE, ImportJob.Status.FAILED),
    }
    if request.htmx:
        return TemplateResponse(request, "reviewapp/import_job.html#job", context)
    return TemplateResponse(request, "reviewapp/import_job.html", context)
