"""Admins download a document in any format, or a project as a zip; editors may not."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.urls import reverse

from reviewapp import services
from reviewapp.exporters import EXPORTERS
from reviewapp.importers import read_bilingual
from reviewapp.models import ExportRecord, Side
from reviewapp.reports import refresh_score_stats
from reviewapp.scoring import sentence_scores

BILINGUAL = ["tmx", "xliff12", "xliff20", "csv", "tsv", "jsonl"]
CORRECTED = "التقى رون ديرمر بأسعد الشيباني."
STRIKES = "الإضرابات"


@pytest.fixture
def reviewed(admin, segments):
    """The fixture document with one correction, one approval and one flag."""
    services.segment_save_text(segment=segments[1], user=admin, text=CORRECTED, base_version=0)
    services.segment_set_approved(segment=segments[1], user=admin, approved=True)
    start = segments[3].mt_text.index(STRIKES)
    services.flag_create(
        segment=segments[3],
        user=admin,
        side=Side.TARGET,
        start=start,
        end=start + len(STRIKES),
        version=0,
        category="mistranslation",
        severity="major",
        comment="military strikes, not labour strikes",
    )
    return segments


def download(client, document, **query):
    return client.get(reverse("document_export", args=[document.pk]), query)


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_export_is_the_corrected_text_one_paragraph_per_line(as_admin, admin, segments, document):
    services.segment_save_text(segment=segments[1], user=admin, text=CORRECTED, base_version=0)
    response = as_admin.get(reverse("export_text", args=[document.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert b"".join(response).decode("utf-8") == (
        "محادثات في باريس\n"
        "التقى رون ديرمر بأسعد الشيباني. وناقشا Sweida.\n"
        "واستمرت الإضرابات الإسرائيلية.\n"
    )


@pytest.mark.parametrize(
    ("client_name", "status"),
    [("as_admin", 200), ("as_editor", 403), ("as_outsider", 404), ("as_anonymous", 302)],
)
@pytest.mark.parametrize("route", ["export_text", "document_export", "project_export"])
def test_only_admins_export(request, document, client_name, status, route):
    client = request.getfixturevalue(client_name)
    target = document.project_id if route == "project_export" else document.pk
    assert client.get(reverse(route, args=[target])).status_code == status
    assert client.get(reverse(route, args=[target]), {"format": "csv"}).status_code == status


def test_export_page_lists_every_format_and_the_options(as_admin, document):
    response = as_admin.get(reverse("document_export", args=[document.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    for identifier, exporter in EXPORTERS.items():
        assert f'value="{identifier}"' in page and exporter.verbose_name in page
    for option in ("approved_only", "no_fallback", "mark_unreviewed"):
        assert f'name="{option}"' in page
    assert "Nothing exported yet." in page


@pytest.mark.parametrize("identifier", list(EXPORTERS))
def test_every_format_downloads_and_is_recorded(as_admin, admin, document, reviewed, identifier):
    exporter = EXPORTERS[identifier]
    response = download(as_admin, document, format=identifier, approved_only="on")
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == exporter.content_type
    assert f".{exporter.extension}" in response["Content-Disposition"]
    assert body(response)
    record = ExportRecord.objects.get()
    assert (record.user, record.project, record.document) == (admin, document.project, document)
    assert record.format == identifier
    assert record.options["approved_only"] and record.options["fallback_to_mt"]
    assert record.segment_count == 1


@pytest.mark.parametrize("identifier", BILINGUAL)
def test_bilingual_export_from_the_app_imports_back(as_admin, document, reviewed, identifier):
    response = download(as_admin, document, format=identifier)
    filename = response["Content-Disposition"].split("filename=")[1].strip('"')
    imported = read_bilingual(filename, body(response), max_bytes=10_000_000)
    expected = [(s.source_text, s.text) for s in document.segments().order_by("position")]
    assert [(pair.source, pair.target) for pair in imported.pairs] == expected
    paragraphs = [pair.paragraph for pair in imported.pairs]
    assert [b - a for a, b in zip(paragraphs, paragraphs[1:], strict=False)] == [1, 0, 1]


@pytest.mark.parametrize(
    ("query", "expected_lines"),
    [
        ({}, ["محادثات في باريس", f"{CORRECTED} وناقشا Sweida.", "واستمرت الإضرابات الإسرائيلية."]),
        ({"approved_only": "on"}, [CORRECTED]),
        ({"no_fallback": "on"}, ["", CORRECTED, ""]),
        (
            {"mark_unreviewed": "on"},
            [
                "\u26a0 محادثات في باريس",
                f"{CORRECTED} \u26a0 وناقشا Sweida.",
                "\u26a0 واستمرت الإضرابات الإسرائيلية.",
            ],
        ),
    ],
    ids=["default", "approved-only", "no-fallback", "marked"],
)
def test_options_shape_the_text(as_admin, document, reviewed, query, expected_lines):
    response = download(as_admin, document, format="txt", **query)
    assert body(response).decode().splitlines() == expected_lines


def test_jsonl_carries_flags_and_mt(as_admin, document, reviewed):
    rows = [
        json.loads(line)
        for line in body(download(as_admin, document, format="jsonl")).split(b"\n")
        if line
    ]
    assert [row["machine_translation"] for row in rows] == [s.mt_text for s in reviewed]
    assert rows[1]["corrected"] == CORRECTED and rows[1]["state"] == "final"
    assert rows[0]["corrected"] is None and rows[0]["state"] == "unreviewed"
    assert [flag["quote"] for flag in rows[3]["flags"]] == [STRIKES]
    assert rows[3]["flags"][0]["author"] == "admin"


def test_mqm_marks_the_flagged_words(as_admin, document, reviewed):
    lines = body(download(as_admin, document, format="mqm")).decode().splitlines()
    assert lines[0].split("\t") == [
        "system", "doc", "doc_id", "seg_id", "rater", "source", "target", "category", "severity", "comment",
    ]  # fmt: skip
    flagged = [line.split("\t") for line in lines[1:] if "<v>" in line]
    assert len(flagged) == 1 and f"<v>{STRIKES}</v>" in flagged[0][6]
    assert sum("No-error" in line for line in lines) == 3


@pytest.mark.parametrize(
    "query",
    [{"format": "pdf"}, {"format": ""}, {"format": "<script>"}],
    ids=["unknown", "empty", "hostile"],
)
def test_bad_format_is_refused_with_a_message(as_admin, document, query):
    response = download(as_admin, document, **query)
    assert response.status_code == 400
    assert "Choose" in response.content.decode()
    assert "<script>" not in response.content.decode()
    assert not ExportRecord.objects.exists()


def test_unknown_translation_is_404(as_admin, document):
    response = download(as_admin, document, format="csv", translation="999999")
    assert response.status_code == 404
    assert not ExportRecord.objects.exists()


def test_project_zip_holds_every_document_and_system(as_admin, admin, project, document, reviewed):
    second = services.document_create(
        project=project,
        title="Baku",
        source_lang="en",
        target_lang="fr",
        pairs=[services.SegmentPair(0, "Talks in Baku.", "Pourparlers à Bakou.")],
        user=admin,
        system="System B",
    )
    response = as_admin.get(reverse("project_export", args=[project.pk]), {"format": "tmx"})
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(body(response)))
    assert archive.testzip() is None
    names = archive.namelist()
    assert names == [
        f"{document.pk}-machine-translation-talks-in-paris.ar.tmx",
        f"{second.pk}-system-b-baku.fr.tmx",
    ]
    imported = read_bilingual(names[1], archive.read(names[1]), max_bytes=1_000_000)
    assert [(p.source, p.target) for p in imported.pairs] == [
        ("Talks in Baku.", "Pourparlers à Bakou.")
    ]
    record = ExportRecord.objects.get()
    assert record.document is None and record.segment_count == 5
    page = as_admin.get(reverse("project_export", args=[project.pk])).content.decode()
    assert "Whole project" in page and "tmx" in page


def test_export_history_is_listed_on_the_page(as_admin, document, reviewed):
    download(as_admin, document, format="xliff20", mark_unreviewed="on")
    page = as_admin.get(reverse("document_export", args=[document.pk])).content.decode()
    assert "xliff20" in page and "unreviewed marked" in page


def test_jsonl_carries_cached_scores_and_esa(as_admin, document, reviewed):
    segment = reviewed[1]
    segment.refresh_from_db()
    refresh_score_stats(segment)
    segment.esa_score = 80
    segment.save(update_fields=["score_stats", "esa_score"])
    lines = body(download(as_admin, document, format="jsonl")).splitlines()
    scores = json.loads(lines[1])["scores"]
    expected = sentence_scores(segment.mt_text, CORRECTED, document.target_lang)
    assert scores == pytest.approx({**expected, "esa": 80.0})
