"""Who may reach each view: admins everything, editors their projects, nobody else any data."""

import pytest
from django.urls import reverse

from tests.conftest import client_for, make_flag


def endpoints(document, segment, flag):
    return [
        ("GET", reverse("home"), {}),
        ("GET", reverse("project", args=[document.project_id]), {}),
        ("GET", reverse("review", args=[document.pk]), {}),
        ("GET", reverse("segment", args=[segment.pk]), {}),
        ("GET", reverse("segment_edit", args=[segment.pk]), {}),
        ("POST", reverse("segment_edit", args=[segment.pk]), {"text": "نص", "base_version": 0}),
        ("GET", reverse("segment_history", args=[segment.pk]), {}),
        ("POST", reverse("segment_restore", args=[segment.pk]), {"number": 0}),
        ("POST", reverse("segment_approve", args=[segment.pk]), {"approved": "1"}),
        (
            "POST",
            reverse("flag_create", args=[segment.pk]),
            {
                "side": "target",
                "start": 0,
                "end": 3,
                "version": 0,
                "category": "other",
                "severity": "minor",
            },
        ),
        ("POST", reverse("flag_resolve", args=[flag.pk]), {"resolved": "1"}),
        ("POST", reverse("flag_delete", args=[flag.pk]), {}),
        ("GET", reverse("export_text", args=[document.pk]), {}),
    ]


@pytest.fixture
def flag(segments, editor):

    return make_flag(
        segments[1], editor, start=6, end=21, category="mistranslated_name", severity="critical"
    )


def call(client, method, url, data):
    return client.get(url, data) if method == "GET" else client.post(url, data)


# Expected status per role; redirects (302) are successful POSTs without htmx.
EXPECTED = {
    "admin": {"export_text": 200},
    "editor": {"export_text": 403},
}


@pytest.mark.parametrize("role", ["admin", "editor", "outsider", "anonymous"])
def test_every_view_answers_each_role(role, request, document, segments, flag):
    user = None if role == "anonymous" else request.getfixturevalue(role)
    client = client_for(user)
    for method, url, data in endpoints(document, segments[1], flag):
        response = call(client, method, url, data)
        name = url
        if role == "anonymous":
            assert response.status_code == 302, name
            assert response.url.startswith(reverse("login")), name
        elif role == "outsider":
            if url == reverse("home"):
                assert response.status_code == 200
                assert b"Newsdesk" not in response.content
            else:
                assert response.status_code == 404, name
        else:
            assert response.status_code in (200, 302, 403), name
            if "export.txt" in url:
                assert response.status_code == EXPECTED[role]["export_text"]
            else:
                assert response.status_code in (200, 302), name


def test_outsider_changes_nothing(as_outsider, segments, flag):
    segment = segments[1]
    as_outsider.post(reverse("segment_edit", args=[segment.pk]), {"text": "x", "base_version": 0})
    as_outsider.post(reverse("segment_approve", args=[segment.pk]), {"approved": "1"})
    as_outsider.post(reverse("flag_delete", args=[flag.pk]))
    segment.refresh_from_db()
    assert segment.version == 0 and segment.approved_at is None
    assert segment.flags.filter(pk=flag.pk).exists()


def test_editor_cannot_change_someone_elses_flag(segments, flag, other_editor):
    client = client_for(other_editor)
    assert client.post(reverse("flag_delete", args=[flag.pk])).status_code == 403
    assert client.post(reverse("flag_resolve", args=[flag.pk])).status_code == 403
    flag.refresh_from_db()
    assert flag.resolved_at is None


def test_admin_may_change_any_flag(as_admin, flag):
    assert as_admin.post(reverse("flag_delete", args=[flag.pk])).status_code == 302
    assert not type(flag).objects.filter(pk=flag.pk).exists()


def test_admin_sees_every_project_editor_only_theirs(as_admin, as_editor, project, outsider):
    assert b"Elsewhere" in as_admin.get(reverse("home")).content
    page = as_editor.get(reverse("home")).content
    assert b"Newsdesk" in page and b"Elsewhere" not in page
