"""The project glossary: page, adding terms (also from the review page), import, export."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from reviewapp.glossary_io import GlossaryTerm, read_tbx, write_tbx
from reviewapp.models import CheckFinding, GlossaryEntry
from tests.conftest import HTMX

CLIENTS = [("as_admin", 200), ("as_editor", 200), ("as_outsider", 404), ("as_anonymous", 302)]


@pytest.mark.parametrize(("client_name", "status"), CLIENTS)
def test_page_permissions(request, project, client_name, status):
    client = request.getfixturevalue(client_name)
    assert client.get(reverse("glossary", args=[project.pk])).status_code == status


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "fragment"])
def test_adding_a_term_flags_segments_without_it(as_editor, project, segments, headers):
    response = as_editor.post(
        reverse("glossary", args=[project.pk]),
        {"source_term": "Asaad al-Shaibani", "target_term": "أسعد حسن الشيباني"},
        **headers,
    )
    assert response.status_code == (200 if headers else 302)
    if headers:
        assert "<html" not in response.content.decode()
    assert GlossaryEntry.objects.filter(project=project).count() == 1
    finding = CheckFinding.objects.get(check_id="glossary")
    assert finding.segment == segments[1] and finding.suggestion == "أسعد حسن الشيباني"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"source_term": "", "target_term": "x"}, "Give the term."),
        ({"source_term": "Sweida", "target_term": ""}, "Give its approved translation."),
    ],
)
@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "fragment"])
def test_bad_terms_change_nothing(as_editor, project, data, message, headers):
    response = as_editor.post(reverse("glossary", args=[project.pk]), data, **headers)
    assert response.status_code == 422 and message in response.content.decode()
    assert not GlossaryEntry.objects.exists()


def test_duplicate_term_is_refused(as_editor, project):
    data = {"source_term": "Sweida", "target_term": "السويداء"}
    as_editor.post(reverse("glossary", args=[project.pk]), data)
    response = as_editor.post(reverse("glossary", args=[project.pk]), data)
    assert response.status_code == 422 and "already has" in response.content.decode()
    assert GlossaryEntry.objects.count() == 1


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("terms.csv", "Sweida,السويداء,\nBaku,باكو,city\n".encode()),
        (
            "terms.tbx",
            write_tbx(
                [GlossaryTerm("Sweida", "السويداء"), GlossaryTerm("Baku", "باكو")], "en", "ar"
            ),
        ),
    ],
)
def test_admin_imports_csv_and_tbx(as_admin, project, document, name, content):
    response = as_admin.post(
        reverse("glossary_import", args=[project.pk]),
        {"file": SimpleUploadedFile(name, content), "source_lang": "en", "target_lang": "ar"},
    )
    assert response.status_code == 302
    assert set(project.glossary.values_list("source_term", flat=True)) == {"Sweida", "Baku"}


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("terms.tbx", b'<!DOCTYPE m [<!ENTITY a "x">]><martif>&a;</martif>', "entities"),
        ("terms.pdf", b"%PDF", "Give a .csv or .tbx file."),
        ("terms.csv", b"source,target\n", "holds no terms"),
        ("terms.csv", b"", "The submitted file is empty."),
    ],
)
def test_bad_imports_change_nothing(as_admin, project, document, name, content, message):
    response = as_admin.post(
        reverse("glossary_import", args=[project.pk]),
        {"file": SimpleUploadedFile(name, content), "source_lang": "en", "target_lang": "ar"},
    )
    assert response.status_code == 422 and message in response.content.decode()
    assert not GlossaryEntry.objects.exists()


@pytest.mark.parametrize(("client_name", "status"), [("as_editor", 403), ("as_outsider", 404)])
def test_import_export_and_delete_are_for_admins(request, project, client_name, status):
    client = request.getfixturevalue(client_name)
    entry = GlossaryEntry.objects.create(project=project, source_term="a", target_term="b")
    assert client.get(reverse("glossary_export", args=[project.pk, "csv"])).status_code == status
    assert client.post(reverse("glossary_delete", args=[entry.pk])).status_code == status
    assert GlossaryEntry.objects.filter(pk=entry.pk).exists()


def test_export_round_trips(as_admin, project, document):
    GlossaryEntry.objects.create(project=project, source_term="Sweida", target_term="السويداء")
    tbx = as_admin.get(reverse("glossary_export", args=[project.pk, "tbx"])).content
    assert read_tbx(tbx, "en", "ar") == [GlossaryTerm("Sweida", "السويداء")]
    csv = as_admin.get(reverse("glossary_export", args=[project.pk, "csv"])).content.decode()
    assert "Sweida,السويداء" in csv
