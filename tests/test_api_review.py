"""The REST API answers as the pages do: the same people see and change the same things."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from django.contrib.auth.models import User

from reviewapp import services
from reviewapp.api import api_token_create
from reviewapp.exporters import EXPORTERS
from reviewapp.importers import read_bilingual
from reviewapp.models import Document, ExportRecord, Flag, Segment, Side, Translation
from reviewapp.scoring import corpus_scores, segment_statistics

DEMO = Path(__file__).resolve().parent.parent / "reviewapp" / "demo_data"
CORRECTED = "التقى رون ديرمر بأسعد الشيباني."


class Api:
    """A test client speaking JSON with one user's bearer token."""

    def __init__(self, client, user: User | None) -> None:
        self.client = client
        self.headers = {}
        if user is not None:
            _, key = api_token_create(user=user, name="tests")
            self.headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"}

    def get(self, path: str, **query: object):
        return self.client.get("/api" + path, query, **self.headers)

    def send(self, method: str, path: str, payload: object = None):
        call = getattr(self.client, method)
        body = {} if payload is None else {"data": json.dumps(payload)}
        return call("/api" + path, content_type="application/json", **body, **self.headers)


@pytest.fixture
def api_as(client, request):
    def make(role: str) -> Api:
        user = None if role == "anonymous" else request.getfixturevalue(role)
        return Api(client, user)

    return make


ROLES = [("admin", True), ("editor", True), ("outsider", False), ("anonymous", False)]


@pytest.mark.parametrize(("role", "sees"), ROLES)
def test_reading_follows_membership(api_as, document, segments, role, sees):
    api = api_as(role)
    listed = api.get("/projects")
    if role == "anonymous":
        assert listed.status_code == 401
        return
    assert (document.project.name in [p["name"] for p in listed.json()]) is sees
    expected = 200 if sees else 404
    for path in (
        f"/projects/{document.project_id}",
        f"/projects/{document.project_id}/documents",
        f"/documents/{document.pk}",
        f"/documents/{document.pk}/segments",
        f"/documents/{document.pk}/scores",
        f"/segments/{segments[0].pk}",
        f"/segments/{segments[0].pk}/flags",
    ):
        assert api.get(path).status_code == expected, path


@pytest.mark.parametrize("page_size", [1, 3, 4, 10])
def test_segments_are_paged_in_document_order(api_as, document, segments, page_size):
    api, seen, page = api_as("editor"), [], 1
    while page:
        body = api.get(f"/documents/{document.pk}/segments", page=page, page_size=page_size).json()
        assert body["count"] == len(segments) and len(body["items"]) <= page_size
        seen += [item["id"] for item in body["items"]]
        page = body["next_page"]
    assert seen == [segment.pk for segment in segments]


@pytest.mark.parametrize("query", [{"page": 0}, {"page_size": 0}, {"page_size": 10_000}])
def test_bad_paging_is_422(api_as, document, query):
    assert api_as("editor").get(f"/documents/{document.pk}/segments", **query).status_code == 422


def test_text_comes_back_unescaped(api_as, segments):
    response = api_as("editor").get(f"/segments/{segments[1].pk}")
    assert segments[1].mt_text in response.content.decode("utf-8")
    assert response.json()["text"] == segments[1].mt_text


def test_edit_then_conflict_returns_both_texts(api_as, segments):
    api, segment = api_as("editor"), segments[1]
    saved = api.send("put", f"/segments/{segment.pk}/text", {"text": CORRECTED, "base_version": 0})
    assert saved.status_code == 200
    assert (saved.json()["text"], saved.json()["version"]) == (CORRECTED, 1)
    stale = api.send("put", f"/segments/{segment.pk}/text", {"text": "نص آخر.", "base_version": 0})
    assert stale.status_code == 409
    body = stale.json()
    assert (body["theirs"], body["mine"], body["version"], body["base_version"]) == (
        CORRECTED,
        "نص آخر.",
        1,
        0,
    )
    segment.refresh_from_db()
    assert segment.text == CORRECTED


@pytest.mark.parametrize(
    "payload",
    [{"text": "   ", "base_version": 0}, {"text": "x"}, {"text": "x", "base_version": -1}],
    ids=["blank", "no-version", "negative"],
)
def test_bad_edit_is_422_and_changes_nothing(api_as, segments, payload):
    response = api_as("editor").send("put", f"/segments/{segments[0].pk}/text", payload)
    assert response.status_code == 422
    assert Segment.objects.get(pk=segments[0].pk).version == 0


def test_approve_and_undo(api_as, editor, segments):
    api, segment = api_as("editor"), segments[0]
    assert api.send("post", f"/segments/{segment.pk}/approval", {}).json()["approved"] is True
    assert Segment.objects.get(pk=segment.pk).approved_by == editor
    body = api.send("post", f"/segments/{segment.pk}/approval", {"approved": False}).json()
    assert body["approved"] is False and body["approved_at"] is None


@pytest.mark.parametrize("role", ["outsider", "anonymous"])
def test_outsiders_change_nothing(api_as, segments, role):
    api, segment = api_as(role), segments[0]
    expected = 401 if role == "anonymous" else 404
    edit = {"text": "x", "base_version": 0}
    assert api.send("put", f"/segments/{segment.pk}/text", edit).status_code == expected
    assert api.send("post", f"/segments/{segment.pk}/approval", {}).status_code == expected
    flag = {"start": 0, "end": 3, "category": "other", "severity": "minor"}
    assert api.send("post", f"/segments/{segment.pk}/flags", flag).status_code == expected
    segment.refresh_from_db()
    assert (segment.version, segment.approved_at, segment.flags.count()) == (0, None, 0)


def test_flag_lifecycle(api_as, segments):
    api, segment = api_as("editor"), segments[1]
    quote = "الأمراض الجلدية"
    start = segment.mt_text.index(quote)
    created = api.send(
        "post",
        f"/segments/{segment.pk}/flags",
        {
            "start": start,
            "end": start + len(quote),
            "category": "mistranslated_name",
            "severity": "critical",
            "comment": "Dermer is a name",
            "suggestion": "ديرمر",
        },
    )
    assert created.status_code == 201
    flag = created.json()
    assert (flag["quote"], flag["side"], flag["author"]) == (quote, "target", "editor")
    assert [f["id"] for f in api.get(f"/segments/{segment.pk}/flags").json()] == [flag["id"]]
    resolved = api.send("post", f"/flags/{flag['id']}/resolve", {})
    assert resolved.status_code == 200 and resolved.json()["resolved"] is True
    assert api.send("delete", f"/flags/{flag['id']}").status_code == 204
    assert not Flag.objects.exists()


@pytest.mark.parametrize(
    "payload",
    [
        {"start": 5, "end": 2, "category": "other", "severity": "minor"},
        {"start": 0, "end": 10_000, "category": "other", "severity": "minor"},
        {"start": 0, "end": 3, "category": "nonsense", "severity": "minor"},
        {"start": 0, "end": 3, "category": "other", "severity": "fatal"},
        {"start": 0, "end": 3, "category": "other", "severity": "minor", "side": "middle"},
    ],
    ids=["reversed", "past-end", "category", "severity", "side"],
)
def test_bad_flag_is_422(api_as, segments, payload):
    response = api_as("editor").send("post", f"/segments/{segments[0].pk}/flags", payload)
    assert response.status_code == 422
    assert not Flag.objects.exists()


def test_only_author_or_admin_changes_a_flag(api_as, client, editor, other_editor, segments):
    flag = services.flag_create(
        segment=segments[0], user=editor, side=Side.SOURCE, start=0, end=5, version=0,
        category="other", severity="minor",
    )  # fmt: skip
    other = Api(client, other_editor)
    assert other.send("post", f"/flags/{flag.pk}/resolve", {}).status_code == 403
    assert other.send("delete", f"/flags/{flag.pk}").status_code == 403
    assert api_as("admin").send("delete", f"/flags/{flag.pk}").status_code == 204


def test_scores_per_system_match_scoring(api_as, admin, document, segments):
    services.segment_save_text(segment=segments[1], user=admin, text=CORRECTED, base_version=0)
    second = Translation.objects.create(document=document, system="Second system")
    Segment.objects.bulk_create(
        Segment(translation=second, position=s.position, paragraph=s.paragraph,
                source_text=s.source_text, mt_text=s.mt_text, text=s.mt_text)
        for s in segments
    )  # fmt: skip
    body = api_as("editor").get(f"/documents/{document.pk}/scores").json()
    assert [(row["label"], row["segments"]) for row in body] == [
        ("Machine translation", 4),
        ("Second system", 4),
    ]
    texts = [(s.mt_text, CORRECTED if s.pk == segments[1].pk else s.text) for s in segments]
    expected = corpus_scores([segment_statistics(mt, ref, "ar") for mt, ref in texts], "ar")
    assert {key: metric["score"] for key, metric in body[0]["post_edit"].items()} == (
        pytest.approx({key: metric.score for key, metric in expected.items()})
    )
    assert body[1]["post_edit"]["chrf"]["score"] == pytest.approx(100.0)
    project_body = api_as("editor").get(f"/projects/{document.project_id}/scores").json()
    assert [row["label"] for row in project_body] == [row["label"] for row in body]


@pytest.mark.parametrize(("role", "status"), [("admin", 200), ("editor", 403), ("outsider", 404)])
def test_exports_are_admin_only(api_as, document, role, status):
    api = api_as(role)
    assert api.get(f"/documents/{document.pk}/export", format="csv").status_code == status
    assert api.get(f"/projects/{document.project_id}/export", format="csv").status_code == status
    assert ExportRecord.objects.count() == (2 if status == 200 else 0)


@pytest.mark.parametrize("identifier", ["tmx", "xliff12", "xliff20", "csv", "tsv", "jsonl"])
def test_export_streams_and_imports_back(api_as, document, segments, identifier):
    response = api_as("admin").get(f"/documents/{document.pk}/export", format=identifier)
    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"] == EXPORTERS[identifier].content_type
    filename = response["Content-Disposition"].split("filename=")[1].strip('"')
    imported = read_bilingual(filename, b"".join(response.streaming_content), max_bytes=10**7)
    assert [(p.source, p.target) for p in imported.pairs] == [
        (s.source_text, s.text) for s in segments
    ]


def test_project_export_is_a_zip(api_as, document):
    response = api_as("admin").get(f"/projects/{document.project_id}/export", format="jsonl")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert len(archive.read(archive.namelist()[0]).splitlines()) == 4


@pytest.mark.parametrize("query", [{"format": "pdf"}, {}], ids=["unknown", "missing"])
def test_bad_export_format_is_422(api_as, document, query):
    response = api_as("admin").get(f"/documents/{document.pk}/export", **query)
    assert response.status_code == 422
    assert not ExportRecord.objects.exists()


def demo_paragraphs(language: str) -> str:
    return (DEMO / f"paris-talks.{language}.txt").read_text(encoding="utf-8")


def test_admin_creates_a_document_from_two_texts(api_as, project):
    response = api_as("admin").send(
        "post",
        f"/projects/{project.pk}/documents",
        {
            "title": "Paris talks",
            "source_lang": "en",
            "target_lang": "ar",
            "source_text": demo_paragraphs("en"),
            "translation_text": demo_paragraphs("ar"),
        },
    )
    assert response.status_code == 201
    body = response.json()
    document = Document.objects.get(pk=body["document"]["id"])
    segments = list(document.segments().order_by("position"))
    assert body["segment_count"] == len(segments) >= 21
    assert len({segment.paragraph for segment in segments}) == 21
    assert any("Dermer" in s.source_text and "الأمراض الجلدية" in s.mt_text for s in segments)


def test_admin_creates_a_document_from_a_bilingual_file(api_as, admin, project, document, segments):
    exported = api_as("admin").get(f"/documents/{document.pk}/export", format="xliff20")
    content = b"".join(exported.streaming_content).decode("utf-8")
    response = api_as("admin").send(
        "post",
        f"/projects/{project.pk}/documents",
        {"title": "Copy", "file_name": "copy.xlf", "file_content": content, "system": "Copy"},
    )
    assert response.status_code == 201
    created = Document.objects.get(pk=response.json()["document"]["id"])
    assert (created.source_lang, created.target_lang) == ("en", "ar")
    assert [(s.source_text, s.mt_text) for s in created.segments().order_by("position")] == [
        (s.source_text, s.text) for s in segments
    ]


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"title": "x", "source_lang": "en", "target_lang": "ar"}, "either"),
        ({"title": "x", "source_text": "a", "translation_text": "b"}, "source language"),
        (
            {"title": "x", "source_lang": "en", "target_lang": "zz-nope", "source_text": "a",
             "translation_text": "b"},
            "not a known language",
        ),
        ({"title": "x", "source_lang": "en", "target_lang": "ar", "source_text": "a"}, "both"),
        ({"title": "x", "file_name": "a.txt", "file_content": "just text"}, "one language"),
        (
            {"title": "x", "source_lang": "en", "target_lang": "ar", "source_text": " ",
             "translation_text": " "},
            "no text",
        ),
        ({"title": "", "source_lang": "en", "target_lang": "ar", "source_text": "a",
          "translation_text": "b"}, "title"),
    ],
    ids=["nothing", "no-language", "bad-language", "half", "monolingual", "empty", "no-title"],
)  # fmt: skip
def test_bad_document_is_refused_and_nothing_is_created(api_as, project, payload, message):
    response = api_as("admin").send("post", f"/projects/{project.pk}/documents", payload)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not Document.objects.exists()


@pytest.mark.parametrize(("role", "status"), [("editor", 403), ("outsider", 404)])
def test_only_admins_create_documents(api_as, project, role, status):
    payload = {"title": "x", "source_lang": "en", "target_lang": "ar", "source_text": "Hi.",
               "translation_text": "مرحبا."}  # fmt: skip
    response = api_as(role).send("post", f"/projects/{project.pk}/documents", payload)
    assert response.status_code == status
    assert not Document.objects.exists()
