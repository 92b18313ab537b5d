"""Automatic checks on the review page: the summary, reruns, accepting and dismissing
suggestions, fixing a correction everywhere, and a project's check settings."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRefresh

from reviewapp import services
from reviewapp.access import document_for, finding_for, project_for, translation_for
from reviewapp.checking import check_name, fix_hits
from reviewapp.checks import CHECKS
from reviewapp.models import CheckDismissal, CheckFinding, Document, Project, Segment, Translation
from reviewapp.views.review import after_segment_change, render_segment

SUMMARY_TEMPLATE = "reviewapp/findings_summary.html"
FIX_TEMPLATE = "reviewapp/fix_everywhere.html"
SETTINGS_TEMPLATE = "reviewapp/check_settings.html"


def _summary_context(document: Document, translation: Translation) -> dict:
    counts = (
        CheckFinding.objects.filter(segment__translation=translation)
        .values("check_id")
        .annotate(count=Count("pk"))
        .order_by("-count", "check_id")
    )
    return {
        "document": document,
        "translation": translation,
        "check_counts": [(check_name(row["check_id"]), row["count"]) for row in counts],
        "total": sum(row["count"] for row in counts),
        "dismissed": CheckDismissal.objects.filter(segment__translation=translation).count(),
    }


@login_required
def document_checks(request: HttpRequest, document_id: int) -> HttpResponse:
    """The checks summary (counts by check); POST runs every check again."""
    document = document_for(request, document_id)
    translation = translation_for(request, document, request.GET.get("translation"))
    if request.method == "POST":
        services.document_run_checks(document=document)
        if request.htmx:
            # Every segment on the page may have new suggestions.
            return HttpResponseClientRefresh()
        messages.success(request, "The checks ran again on the whole document.")
        return redirect(f"{document.get_absolute_url()}?translation={translation.pk}")
    if request.method != "GET":
        return HttpResponse(status=405, headers={"Allow": "GET, POST"})
    context = _summary_context(document, translation)
    if request.htmx:
        return TemplateResponse(request, SUMMARY_TEMPLATE + "#summary", context)
    context["project"] = document.project
    return TemplateResponse(request, SUMMARY_TEMPLATE, context)


@login_required
@require_POST
def finding_accept(request: HttpRequest, finding_id: int) -> HttpResponse:
    finding = finding_for(request, finding_id)
    try:
        services.finding_accept(finding=finding, user=request.user)
    except services.ReviewError as error:
        return render_segment(request, finding.segment, status=422, error=str(error))
    return after_segment_change(request, finding.segment)


class DismissForm(forms.Form):
    reason = forms.CharField(required=False, max_length=500)


@login_required
@require_POST
def finding_dismiss(request: HttpRequest, finding_id: int) -> HttpResponse:
    finding = finding_for(request, finding_id)
    form = DismissForm(request.POST)
    if not form.is_valid():
        return render_segment(
            request, finding.segment, status=422, error="Keep the reason under 500 characters."
        )
    services.finding_dismiss(finding=finding, user=request.user, reason=form.cleaned_data["reason"])
    return after_segment_change(request, finding.segment)


class FixForm(forms.Form):
    wrong = forms.CharField(max_length=500, error_messages={"required": "Give the wrong words."})
    right = forms.CharField(
        max_length=500, error_messages={"required": "Give the correction to write instead."}
    )
    scope = forms.ChoiceField(
        choices=[("document", "This document"), ("project", "Every document of the project")],
        initial="document",
        required=False,
    )

    def scope_documents(self, document: Document) -> list[Document]:
        if self.cleaned_data.get("scope") == "project":
            return list(
                document.project.documents.filter(
                    source_lang=document.source_lang, target_lang=document.target_lang
                )
            )
        return [document]


def _choices(values: list[str]) -> list[services.FixChoice] | None:
    choices = []
    for value in values:
        parts = value.split(":")
        if len(parts) != 4 or not all(part.isdigit() for part in parts):
            return None
        choices.append(services.FixChoice(*(int(part) for part in parts)))
    return choices


@login_required
def fix_everywhere(request: HttpRequest, document_id: int) -> HttpResponse:
    """Preview every place the same wrong words stand (GET), and apply the ticked ones."""
    document = document_for(request, document_id)
    if request.method not in ("GET", "POST"):
        return HttpResponse(status=405, headers={"Allow": "GET, POST"})
    form = FixForm(request.POST if request.method == "POST" else request.GET)
    context: dict = {"document": document, "project": document.project, "form": form}
    status = 200
    if form.is_valid():
        wrong, right = form.cleaned_data["wrong"], form.cleaned_data["right"]
        documents = form.scope_documents(document)
        if request.method == "POST":
            choices = _choices(request.POST.getlist("hit"))
            if choices is None:
                context["error"] = "The list of places to change was damaged; nothing changed."
                status = 422
            elif not choices:
                context["error"] = "Tick at least one place to change."
                status = 422
            else:
                context["outcome"] = services.fix_everywhere_apply(
                    segments=Segment.objects.filter(translation__document__in=documents),
                    user=request.user,
                    wrong=wrong,
                    right=right,
                    choices=choices,
                )
        context["hits"] = fix_hits(document.project, documents, wrong, right)
    elif form.is_bound and form.data:
        status = 422
    template = FIX_TEMPLATE + "#fix" if request.htmx else FIX_TEMPLATE
    return TemplateResponse(request, template, context, status=status)


class CheckSettingsForm(forms.Form):
    enabled = forms.MultipleChoiceField(
        choices=[(check_id, check.name) for check_id, check in CHECKS.items()],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose among the listed checks."},
    )


def _check_rows(project: Project) -> list[dict]:
    disabled = set(project.disabled_checks or ())
    return [
        {
            "id": check_id,
            "name": check.name,
            "description": check.description,
            "source_languages": sorted(check.source_languages or ()),
            "target_languages": sorted(check.target_languages or ()),
            "enabled": check_id not in disabled,
        }
        for check_id, check in CHECKS.items()
    ]


@login_required
def check_settings(request: HttpRequest, project_id: int) -> HttpResponse:
    project = project_for(request, project_id, admin=True)
    status = 200
    if request.method == "POST":
        form = CheckSettingsForm(request.POST)
        if form.is_valid():
            enabled = set(form.cleaned_data["enabled"])
            services.project_set_disabled_checks(
                project=project, disabled=[c for c in CHECKS if c not in enabled]
            )
            messages.success(
                request, "Check settings saved; the documents are being checked again."
            )
            return redirect("check_settings", project.pk)
        status = 422
    elif request.method == "GET":
        form = CheckSettingsForm()
    else:
        return HttpResponse(status=405, headers={"Allow": "GET, POST"})
    context = {"project": project, "checks": _check_rows(project), "form": form}
    return TemplateResponse(request, SETTINGS_TEMPLATE, context, status=status)
