"""A project's glossary: list, add (also from the review page), delete, import, export."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET, require_POST

from reviewapp import services
from reviewapp.access import glossary_entry_for, project_for
from reviewapp.glossary_io import GlossaryTerm, read_csv, read_tbx, write_csv, write_tbx
from reviewapp.importers import ImportRejected
from reviewapp.languages import is_known_language, text_direction
from reviewapp.models import Project

TEMPLATE = "reviewapp/glossary.html"
MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class GlossaryEntryForm(forms.Form):
    source_term = forms.CharField(max_length=300, error_messages={"required": "Give the term."})
    target_term = forms.CharField(
        max_length=300, error_messages={"required": "Give its approved translation."}
    )
    note = forms.CharField(required=False, max_length=1000)


def _language(value: str) -> str:
    value = value.strip().replace("_", "-")
    if not is_known_language(value):
        raise forms.ValidationError(f"“{value}” is not a language code (use codes such as en).")
    return value


class GlossaryImportForm(forms.Form):
    file = forms.FileField(error_messages={"required": "Choose a CSV or TBX file."})
    source_lang = forms.CharField(max_length=20, required=False)
    target_lang = forms.CharField(max_length=20, required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The file is larger than 5 MB.")
        if not upload.name.lower().endswith((".csv", ".tsv", ".txt", ".tbx", ".xml")):
            raise forms.ValidationError("Give a .csv or .tbx file.")
        return upload

    def terms(self) -> list[GlossaryTerm]:
        upload = self.cleaned_data["file"]
        data = upload.read()
        if upload.name.lower().endswith((".tbx", ".xml")):
            source, target = self.cleaned_data["source_lang"], self.cleaned_data["target_lang"]
            if not source or not target:
                raise ImportRejected("Give the source and target languages of the TBX file.")
            return read_tbx(data, _language(source), _language(target))
        return read_csv(data)


def project_languages(project: Project) -> tuple[str, str]:
    """The language pair of the project's first document; glossaries hold one pair."""
    document = project.documents.order_by("created_at", "pk").first()
    return (document.source_lang, document.target_lang) if document else ("", "")


def _page(request: HttpRequest, project: Project, *, status: int = 200, **extra: object):
    source_lang, target_lang = project_languages(project)
    context = {
        "project": project,
        "entries": list(project.glossary.select_related("created_by")),
        "form": GlossaryEntryForm(),
        "import_form": GlossaryImportForm(
            initial={"source_lang": source_lang, "target_lang": target_lang}
        ),
        "source_lang": source_lang,
        "target_lang": target_lang,
        "source_dir": text_direction(source_lang or "en"),
        "target_dir": text_direction(target_lang or "en"),
        **extra,
    }
    return TemplateResponse(request, TEMPLATE, context, status=status)


@login_required
def glossary(request: HttpRequest, project_id: int) -> HttpResponse:
    """The glossary page; POST adds a term (from here or, as htmx, from the review page)."""
    project = project_for(request, project_id)
    if request.method == "GET":
        return _page(request, project)
    if request.method != "POST":
        return HttpResponse(status=405, headers={"Allow": "GET, POST"})
    form = GlossaryEntryForm(request.POST)
    error = ""
    if form.is_valid():
        try:
            entry = services.glossary_entry_create(
                project=project, user=request.user, **form.cleaned_data
            )
        except services.ReviewError as problem:
            error = str(problem)
    else:
        error = " ".join(message for errors in form.errors.values() for message in errors)
    if request.htmx:
        context = {"project": project, "error": error, "entry": None if error else entry}
        return TemplateResponse(request, TEMPLATE + "#added", context, status=422 if error else 200)
    if error:
        return _page(request, project, status=422, form=form, error=error)
    messages.success(request, f"Added “{entry.source_term}” → “{entry.target_term}”.")
    return redirect("glossary", project.pk)


@login_required
@require_POST
def glossary_delete(request: HttpRequest, entry_id: int) -> HttpResponse:
    entry = glossary_entry_for(request, entry_id)
    services.glossary_entry_delete(entry=entry)
    messages.success(request, f"Removed “{entry.source_term}” from the glossary.")
    return redirect("glossary", entry.project_id)


@login_required
@require_POST
def glossary_import(request: HttpRequest, project_id: int) -> HttpResponse:
    project = project_for(request, project_id, admin=True)
    form = GlossaryImportForm(request.POST, request.FILES)
    if not form.is_valid():
        error = " ".join(message for errors in form.errors.values() for message in errors)
        return _page(request, project, status=422, import_error=error)
    try:
        terms = form.terms()
    except (ImportRejected, forms.ValidationError) as problem:
        message = problem.messages[0] if isinstance(problem, forms.ValidationError) else problem
        return _page(request, project, status=422, import_error=str(message))
    if not terms:
        return _page(request, project, status=422, import_error="The file holds no terms.")
    added, known = services.glossary_import(
        project=project, user=request.user, terms=[term.as_row() for term in terms]
    )
    messages.success(request, f"Imported {added} terms ({known} were already in the glossary).")
    return redirect("glossary", project.pk)


@login_required
@require_GET
def glossary_export(request: HttpRequest, project_id: int, file_format: str) -> HttpResponse:
    project = project_for(request, project_id, admin=True)
    terms = [
        GlossaryTerm(entry.source_term, entry.target_term, entry.note)
        for entry in project.glossary.all()
    ]
    if file_format == "csv":
        body: str | bytes = write_csv(terms)
        content_type = "text/csv; charset=utf-8"
    else:
        source_lang, target_lang = project_languages(project)
        body = write_tbx(terms, source_lang or "und", target_lang or "und")
        content_type = "application/x-tbx+xml"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(
        True, f"glossary-{project.pk}.{file_format}"
    )
    return response
