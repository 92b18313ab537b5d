"""API tokens: the key is shown once, only its hash is kept, and it authenticates as its user."""

from __future__ import annotations

import hashlib
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from reviewapp.api import api_token_create
from reviewapp.models import ApiToken
from tests.conftest import HTMX


def bearer(key: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


@pytest.mark.parametrize(
    "authorization",
    [None, "Bearer ", "Bearer rvw_not-a-real-key", "Basic YWRtaW46cGFzcw=="],
    ids=["none", "empty", "unknown", "basic"],
)
def test_requests_without_a_valid_token_get_401(client, admin, authorization):
    headers = {"HTTP_AUTHORIZATION": authorization} if authorization else {}
    assert client.get("/api/projects", **headers).status_code == 401


def test_a_logged_in_session_is_not_enough(as_admin):
    assert as_admin.get("/api/projects").status_code == 401


def test_key_is_stored_only_as_its_hash_and_authenticates(client, editor):
    token, key = api_token_create(user=editor, name="nightly")
    assert token.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert key.startswith(token.prefix) and key not in str(ApiToken.objects.values())
    assert token.last_used_at is None
    assert client.get("/api/projects", **bearer(key)).status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_inactive_users_token_is_refused(client, editor):
    _, key = api_token_create(user=editor, name="old")
    editor.is_active = False
    editor.save()
    assert client.get("/api/projects", **bearer(key)).status_code == 401


def test_command_prints_a_working_key(client, editor):
    out = io.StringIO()
    call_command("create_api_token", "editor", "--name", "ci", stdout=out)
    key = out.getvalue().strip()
    assert ApiToken.objects.get().name == "ci"
    assert client.get("/api/projects", **bearer(key)).status_code == 200


@pytest.mark.parametrize(
    ("arguments", "message"),
    [(["nobody", "--name", "ci"], "No user"), (["editor", "--name", "  "], "name")],
)
def test_command_refuses_bad_input(editor, arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command("create_api_token", *arguments, stdout=io.StringIO())
    assert not ApiToken.objects.exists()


@pytest.mark.parametrize(
    ("client_name", "status"),
    [("as_admin", 200), ("as_editor", 200), ("as_outsider", 200), ("as_anonymous", 302)],
)
def test_token_page_is_for_any_logged_in_user(request, client_name, status):
    client = request.getfixturevalue(client_name)
    assert client.get(reverse("api_tokens")).status_code == status


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "fragment"])
def test_create_shows_the_key_once_then_revoke(as_editor, editor, client, headers):
    response = as_editor.post(reverse("api_tokens"), {"name": "نشرة"}, **headers)
    assert response.status_code == 200
    page = response.content.decode()
    assert ("<html" in page) is not bool(headers)
    token = ApiToken.objects.get(user=editor)
    key = page.split('class="key" dir="ltr" lang="en">')[1].split("<")[0]
    assert token.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert key not in as_editor.get(reverse("api_tokens")).content.decode()
    response = as_editor.post(reverse("api_token_revoke", args=[token.pk]), **headers)
    assert response.status_code == (200 if headers else 302)
    assert not ApiToken.objects.exists()
    assert client.get("/api/projects", **bearer(key)).status_code == 401


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "fragment"])
def test_nameless_token_is_refused(as_editor, headers):
    response = as_editor.post(reverse("api_tokens"), {"name": " "}, **headers)
    assert response.status_code == 422
    assert "Give the token a name" in response.content.decode()
    assert not ApiToken.objects.exists()


def test_nobody_revokes_anothers_token(as_outsider, as_anonymous, editor):
    token, _ = api_token_create(user=editor, name="mine")
    assert as_outsider.post(reverse("api_token_revoke", args=[token.pk])).status_code == 404
    assert as_anonymous.post(reverse("api_token_revoke", args=[token.pk])).status_code == 302
    assert ApiToken.objects.filter(pk=token.pk).exists()


def test_schema_is_served_without_a_token(client, db):
    schema = client.get("/api/openapi.json").json()
    assert schema["components"]["securitySchemes"]["TokenAuth"]["scheme"] == "bearer"
    for path in ("/api/segments/{segment_id}/text", "/api/documents/{document_id}/export"):
        assert path in schema["paths"]


def test_docs_page_uses_no_cdn(client, db):
    page = client.get("/api/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower() and "https://" not in page


def test_docs_page_refuses_rather_than_use_a_cdn(client, db, settings):
    settings.INSTALLED_APPS = [app for app in settings.INSTALLED_APPS if app != "ninja"]
    response = client.get("/api/docs")
    assert response.status_code == 404
    assert "cdn" not in response.content.decode().lower()
