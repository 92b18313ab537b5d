"""Report pages: scores, MQM, errors, charts and editor agreement per document and project."""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from reviewapp import charts, reports
from reviewapp.access import document_for, project_for, segment_for, translation_for
from reviewapp.models import Document, Project, Segment
from reviewapp.views.review import back_to_segment

DOCUMENT_TEMPLATE = "reviewapp/report_document.html"
PROJECT_TEMPLATE = "reviewapp/report_project.html"
ESA_TEMPLATE = "reviewapp/report_esa.html"
ESA_PAGE_TEMPLATE = "reviewapp/report_esa_page.html"

# Scores run 0-100 on one scale so systems can be compared by eye; MQM and counts scale
# to their largest value.
_DRAWERS: dict[str, Callable[[charts.ChartData, str], str]] = {
    "categories": lambda data, name: charts.stacked_bar_chart(data, chart_id=f"chart-{name}"),
    "systems": lambda data, name: charts.horizontal_bar_chart(
        data, chart_id=f"chart-{name}", max_value=100
    ),
    "editors": lambda data, name: charts.horizontal_bar_chart(data, chart_id=f"chart-{name}"),
    "documents": lambda data, name: charts.horizontal_bar_chart(data, chart_id=f"chart-{name}"),
}
DOCUMENT_CHARTS = ("categories", "systems", "editors")
PROJECT_CHARTS = ("categories", "systems", "editors", "documents")


@dataclass(frozen=True, slots=True)
class ChartView:
    name: str
    svg: str
    table: list[list[str | float]]


@dataclass(frozen=True, slots=True)
class ScoreTable:
    """One table of scores: post-edit (MT against the correction, with MQM and ESA) or
    reference (MT against the imported reference translation)."""

    title: str
    heading: str
    rows: list[tuple[reports.Scores, list]]
    signatures: list[tuple[str, str]]
    quality: bool


def _score_table(
    title: str, heading: str, scores: list[reports.Scores], *, reference: bool = False
) -> ScoreTable:
    if reference:
        scores = [entry for entry in scores if entry.reference is not None]
    return ScoreTable(
        title=title,
        heading=heading,
        rows=[(entry, entry.reference_metrics if reference else entry.metrics) for entry in scores],
        signatures=reports.signatures(scores, reference=reference),
        quality=not reference,
    )


def _score_tables(report: reports.Report, *, per_document: bool) -> list[ScoreTable]:
    tables = [
        _score_table(
            "Whole " + ("project" if per_document else "document"), "Scope", report.overall
        ),
        _score_table("Against the reference translation", "Scope", report.overall, reference=True),
    ]
    if per_document:
        documents = [scores for _, scores in report.documents]
        tables.append(_score_table("By document", "Document", documents))
    tables += [
        _score_table("By MT system", "MT system", report.systems),
        _score_table(
            "By MT system, against the reference", "MT system", report.systems, reference=True
        ),
        _score_table("By editor", "Editor", report.editors),
    ]
    return [table for table in tables if table.rows]


def _chart_views(report: reports.Report, names: tuple[str, ...]) -> list[ChartView]:
    return [
        ChartView(name, _DRAWERS[name](report.chart_data[name], name), charts.chart_table(data))
        for name in names
        if (data := report.chart_data[name]).categories
    ]


def _chart_csv(report: reports.Report, names: tuple[str, ...], name: str) -> HttpResponse:
    if name not in names:
        return HttpResponseBadRequest(
            f"Unknown chart {name!r}; choose one of: {', '.join(names)}.",
            content_type="text/plain; charset=utf-8",
        )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    csv.writer(response).writerows(charts.chart_table(report.chart_data[name]))
    return response


def _editor_choice(value: str | None, authors: dict[int, str]) -> int | None:
    return int(value) if value and value.isdigit() and int(value) in authors else None


def _agreement_context(
    request: HttpRequest, document: Document, data: reports.ReportData
) -> tuple[dict, int]:
    translation = translation_for(request, document, request.GET.get("translation"))
    authors = dict(reports.flag_authors(data, translation.pk))
    context: dict = {"agreement_translation": translation, "authors": authors}
    asked = "editor_a" in request.GET or "editor_b" in request.GET
    if asked:
        editor_a = _editor_choice(request.GET.get("editor_a"), authors)
        editor_b = _editor_choice(request.GET.get("editor_b"), authors)
        if editor_a is None or editor_b is None or editor_a == editor_b:
            context["agreement_error"] = (
                "Choose two different editors who flagged errors in this translation."
            )
            return context, 422
    elif len(authors) >= 2:
        editor_a, editor_b = list(authors)[:2]
    else:
        return context, 200
    context.update(
        editor_a=editor_a,
        editor_b=editor_b,
        agreement=reports.editor_agreement(data, translation, editor_a, editor_b),
    )
    return context, 200


@login_required
@require_GET
def document_report(request: HttpRequest, document_id: int) -> HttpResponse:
    document = document_for(request, document_id)
    report = reports.document_report(document)
    if request.GET.get("format") == "csv":
        return _chart_csv(report, DOCUMENT_CHARTS, request.GET.get("chart", ""))
    context, status = _agreement_context(request, document, report.data)
    context.update(document=document, project=document.project, report=report)
    if request.htmx and request.htmx.target == "agreement":
        return TemplateResponse(request, DOCUMENT_TEMPLATE + "#agreement", context, status=status)
    context.update(
        score_tables=_score_tables(report, per_document=False),
        comparison=reports.compare_document_systems(report.data, document),
        translations=list(document.translations.all()),
        chart_views=_chart_views(report, DOCUMENT_CHARTS),
    )
    if request.htmx:
        return TemplateResponse(request, DOCUMENT_TEMPLATE + "#report", context, status=status)
    return TemplateResponse(request, DOCUMENT_TEMPLATE, context, status=status)


@login_required
@require_GET
def project_report(request: HttpRequest, project_id: int) -> HttpResponse:
    project: Project = project_for(request, project_id)
    report = reports.project_report(project)
    if request.GET.get("format") == "csv":
        return _chart_csv(report, PROJECT_CHARTS, request.GET.get("chart", ""))
    context = {
        "project": project,
        "report": report,
        "score_tables": _score_tables(report, per_document=True),
        "chart_views": _chart_views(report, PROJECT_CHARTS),
    }
    if request.htmx:
        return TemplateResponse(request, PROJECT_TEMPLATE + "#report", context)
    return TemplateResponse(request, PROJECT_TEMPLATE, context)


class EsaForm(forms.Form):
    score = forms.IntegerField(
        min_value=0,
        max_value=100,
        required=False,
        error_messages={"invalid": "Enter a whole number from 0 to 100, or leave it empty."},
    )


def _render_esa(
    request: HttpRequest, segment: Segment, form: EsaForm, *, status: int = 200
) -> HttpResponse:
    context = {"segment": segment, "document": segment.translation.document, "esa_form": form}
    template = ESA_TEMPLATE if request.htmx else ESA_PAGE_TEMPLATE
    return TemplateResponse(request, template, context, status=status)


@login_required
def segment_esa(request: HttpRequest, segment_id: int) -> HttpResponse:
    """The editor's ESA score (0-100) of a segment; an empty value clears it."""
    segment = segment_for(request, segment_id)
    if request.method == "GET":
        return _render_esa(request, segment, EsaForm(initial={"score": segment.esa_score}))
    if request.method != "POST":
        return HttpResponse(status=405, headers={"Allow": "GET, POST"})
    form = EsaForm(request.POST)
    if not form.is_valid():
        return _render_esa(request, segment, form, status=422)
    segment.esa_score = form.cleaned_data["score"]
    segment.save(update_fields=["esa_score"])
    if request.htmx:
        return _render_esa(request, segment, EsaForm(initial={"score": segment.esa_score}))
    return back_to_segment(segment)
