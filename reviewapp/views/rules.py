"""A project's known bad machine renderings (phrasing rules), and "flag this everywhere"."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from reviewapp import services
from reviewapp.access import flag_for, phrasing_rule_for, project_for
from reviewapp.languages import text_direction
from reviewapp.models import Category, Severity
from reviewapp.views.glossary import project_languages

TEMPLATE = "reviewapp/rules.html"


class PhrasingRuleForm(forms.Form):
    pattern = forms.CharField(
        max_length=500, error_messages={"required": "Give the words or expression to look for."}
    )
    is_regex = forms.BooleanField(required=False, label="Regular expression")
    source_condition = forms.CharField(required=False, max_length=300)
    message = forms.CharField(required=False, max_length=500)
    suggestion = forms.CharField(required=False, max_length=500)
    category = forms.ChoiceField(choices=Category.choices, initial=Category.AWKWARD)
    severity = forms.ChoiceField(choices=Severity.choices, initial=Severity.MAJOR)


def _page(request: HttpRequest, project, form: PhrasingRuleForm, *, status: int = 200, **extra):
    source_lang, target_lang = project_languages(project)
    context = {
        "project": project,
        "rules": list(project.phrasing_rules.select_related("created_by")),
        "form": form,
        "source_lang": source_lang,
        "target_lang": target_lang,
        "source_dir": text_direction(source_lang or "en"),
        "target_dir": text_direction(target_lang or "en"),
        **extra,
    }
    template = TEMPLATE + "#rules" if request.htmx else TEMPLATE
    return TemplateResponse(request, template, context, status=status)


@login_required
def rules(request: HttpRequest, project_id: int) -> HttpResponse:
    """The project's rules; POST adds one (invalid expressions are refused, nothing saved)."""
    project = project_for(request, project_id)
    if request.method == "GET":
        return _page(request, project, PhrasingRuleForm())
    if request.method != "POST":
        return HttpResponse(status=405, headers={"Allow": "GET, POST"})
    form = PhrasingRuleForm(request.POST)
    if not form.is_valid():
        return _page(request, project, form, status=422)
    try:
        rule, hits = services.phrasing_rule_create(
            project=project, user=request.user, **form.cleaned_data
        )
    except services.ReviewError as error:
        return _page(request, project, form, status=422, error=str(error))
    message = f"Saved “{rule.pattern}”: found in {hits} segment{'s' if hits != 1 else ''}."
    if request.htmx:
        return _page(request, project, PhrasingRuleForm(), notice=message)
    messages.success(request, message)
    return redirect("rules", project.pk)


@login_required
@require_POST
def rule_from_flag(request: HttpRequest, flag_id: int) -> HttpResponse:
    """“Flag this everywhere”: the flag's words and correction become a project rule."""
    flag = flag_for(request, flag_id)
    document = flag.segment.translation.document
    try:
        rule, hits = services.phrasing_rule_from_flag(flag=flag, user=request.user)
    except services.ReviewError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            f"Now flagged everywhere: “{rule.pattern}” stands in {hits} "
            f"segment{'s' if hits != 1 else ''} of the project.",
        )
    return redirect(f"{document.get_absolute_url()}?translation={flag.segment.translation_id}")


@login_required
@require_POST
def rule_toggle(request: HttpRequest, rule_id: int) -> HttpResponse:
    rule = phrasing_rule_for(request, rule_id)
    services.phrasing_rule_set_enabled(rule=rule, enabled=request.POST.get("enabled") == "1")
    return redirect("rules", rule.project_id)


@login_required
@require_POST
def rule_delete(request: HttpRequest, rule_id: int) -> HttpResponse:
    rule = phrasing_rule_for(request, rule_id)
    services.phrasing_rule_delete(rule=rule)
    messages.success(request, f"Removed the rule “{rule.pattern}”.")
    return redirect("rules", rule.project_id)
