"""Phrasing rules: the project list, invalid expressions, and "flag this everywhere"."""

import pytest
from django.urls import reverse

from reviewapp import services
from reviewapp.models import CheckFinding, PhrasingRule
from tests.conftest import HTMX

CLIENTS = [("as_admin", 200), ("as_editor", 200), ("as_outsider", 404), ("as_anonymous", 302)]


@pytest.mark.parametrize(("client_name", "status"), CLIENTS)
def test_page_permissions(request, project, client_name, status):
    client = request.getfixturevalue(client_name)
    assert client.get(reverse("rules", args=[project.pk])).status_code == status


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "fragment"])
def test_adding_a_rule_flags_it_everywhere(as_editor, project, segments, headers):
    response = as_editor.post(
        reverse("rules", args=[project.pk]),
        {"pattern": "محادثات", "suggestion": "مباحثات", "category": "awkward", "severity": "minor"},
        **headers,
    )
    assert response.status_code == (200 if headers else 302)
    if headers:
        assert "found in 1 segment." in response.content.decode()
    assert CheckFinding.objects.filter(segment=segments[0], check_id="phrasing").exists()


@pytest.mark.parametrize(
    ("pattern", "message"),
    [("إضراب(ات", "not a valid regular expression"), ("x*", "matches empty text")],
)
@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "fragment"])
def test_invalid_regex_is_refused_and_nothing_saved(as_editor, project, pattern, message, headers):
    response = as_editor.post(
        reverse("rules", args=[project.pk]),
        {"pattern": pattern, "is_regex": "on", "category": "awkward", "severity": "major"},
        **headers,
    )
    assert response.status_code == 422 and message in response.content.decode()
    assert not PhrasingRule.objects.exists()


@pytest.mark.parametrize("condition", ["strike(s", "[sz", "*strikes"])
@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "fragment"])
def test_invalid_source_condition_is_refused_and_nothing_saved(
    as_editor, project, condition, headers
):
    response = as_editor.post(
        reverse("rules", args=[project.pk]),
        {
            "pattern": "إضرابات",
            "source_condition": condition,
            "category": "awkward",
            "severity": "major",
        },
        **headers,
    )
    assert response.status_code == 422
    assert "is not a valid regular expression" in response.content.decode()
    assert not PhrasingRule.objects.exists()


def test_escaped_source_condition_is_kept(as_editor, project):
    as_editor.post(
        reverse("rules", args=[project.pk]),
        {
            "pattern": "إضرابات",
            "source_condition": r"C\+\+",
            "category": "awkward",
            "severity": "major",
        },
    )
    assert PhrasingRule.objects.get().source_condition == r"C\+\+"


def test_flag_this_everywhere_makes_a_rule_from_the_flag(as_editor, editor, project, segments):
    flag = services.flag_create(
        segment=segments[2],
        user=editor,
        side="target",
        start=0,
        end=6,
        version=0,
        category="awkward",
        severity="major",
        suggestion="وبحثا",
    )
    response = as_editor.post(reverse("rule_from_flag", args=[flag.pk]), follow=True)
    rule = PhrasingRule.objects.get()
    assert (rule.pattern, rule.suggestion, rule.is_regex) == ("وناقشا", "وبحثا", False)
    assert "stands in 1 segment" in response.content.decode()


@pytest.mark.parametrize(("client_name", "status"), [("as_editor", 403), ("as_outsider", 404)])
def test_switching_off_and_removing_rules_is_for_admins(request, project, client_name, status):
    client = request.getfixturevalue(client_name)
    rule = PhrasingRule.objects.create(project=project, pattern="x")
    assert (
        client.post(reverse("rule_toggle", args=[rule.pk]), {"enabled": "0"}).status_code == status
    )
    assert client.post(reverse("rule_delete", args=[rule.pk])).status_code == status
    rule.refresh_from_db()
    assert rule.enabled


def test_switched_off_rule_finds_nothing(as_admin, project, segments):
    as_admin.post(
        reverse("rules", args=[project.pk]),
        {"pattern": "محادثات", "category": "awkward", "severity": "major"},
    )
    rule = PhrasingRule.objects.get()
    as_admin.post(reverse("rule_toggle", args=[rule.pk]), {"enabled": "0"})
    assert not CheckFinding.objects.filter(segment=segments[0], check_id="phrasing").exists()
