"""Admin downloads: one document in any export format, or a whole project as a zip."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from reviewapp.access import document_for, project_for, translation_for
from reviewapp.exporters import EXPORTERS, ExportOptions
from reviewapp.exporters.text import PlainTextExporter
from reviewapp.exporting import PreparedExport, export_project, export_translation
from reviewapp.models import Document, ExportRecord, Project, Translation

TEMPLATE = "reviewapp/export.html"
RECENT_EXPORTS = 10


class ExportForm(forms.Form):
    format = forms.ChoiceField(
        choices=[(identifier, exporter.verbose_name) for identifier, exporter in EXPORTERS.items()],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose a format.",
            "invalid_choice": "Choose a listed format.",
        },
    )
    approved_only = forms.BooleanField(required=False, label="Only approved segments")
    no_fallback = forms.BooleanField(
        required=False,
        label="Leave unreviewed segments empty instead of falling back to the machine translation",
    )
    mark_unreviewed = forms.BooleanField(required=False, label="Mark unreviewed segments")

    def export_options(self) -> ExportOptions:
        return ExportOptions(
            approved_only=self.cleaned_data["approved_only"],
            fallback_to_mt=not self.cleaned_data["no_fallback"],
            mark_unreviewed=self.cleaned_data["mark_unreviewed"],
        )


def streamed(prepared: PreparedExport) -> StreamingHttpResponse:
    response = StreamingHttpResponse(prepared.chunks, content_type=prepared.content_type)
    response["Content-Disposition"] = content_disposition_header(True, prepared.filename)
    return response


def _download_or_page(
    request: HttpRequest,
    export: Callable[..., PreparedExport],
    *,
    project: Project,
    document: Document | None = None,
    translation: Translation | None = None,
) -> HttpResponse:
    """With a format in the query string, `export`'s download in it; otherwise, or when the
    choice is invalid, the export page."""
    form = ExportForm(request.GET if "format" in request.GET else None)
    if form.is_valid():
        return streamed(
            export(
                identifier=form.cleaned_data["format"],
                options=form.export_options(),
                user=request.user,
            )
        )
    records = ExportRecord.objects.filter(project=project).select_related("user", "document")
    if document is not None:
        records = records.filter(document=document)
    context = {
        "form": form,
        "project": project,
        "document": document,
        "translation": translation,
        "translations": list(document.translations.all()) if document else [],
        "records": records[:RECENT_EXPORTS],
    }
    # A bound form reaching the page failed validation: the download was refused.
    return TemplateResponse(request, TEMPLATE, context, status=400 if form.is_bound else 200)


@login_required
@require_GET
def document_export(request: HttpRequest, document_id: int) -> HttpResponse:
    """The export page; with a format in the query string, the download itself."""
    document = document_for(request, document_id, admin=True)
    translation = translation_for(request, document, request.GET.get("translation"))
    return _download_or_page(
        request,
        partial(export_translation, translation=translation),
        project=document.project,
        document=document,
        translation=translation,
    )


@login_required
@require_GET
def project_export(request: HttpRequest, project_id: int) -> HttpResponse:
    """The project's export page; with a format, every document in that format as one zip."""
    project = project_for(request, project_id, admin=True)
    return _download_or_page(request, partial(export_project, project=project), project=project)


@login_required
@require_GET
def export_text(request: HttpRequest, document_id: int) -> HttpResponse:
    """The corrected text, one paragraph per line: the review page's one-click download."""
    document = document_for(request, document_id, admin=True)
    translation = translation_for(request, document, request.GET.get("translation"))
    return streamed(
        export_translation(
            translation=translation,
            identifier=PlainTextExporter.identifier,
            options=ExportOptions(),
            user=request.user,
        )
    )
