"""Correcting a translation inline: revisions, the untouched machine translation, conflicts."""

import pytest
from django.urls import reverse

from reviewapp.models import Revision
from tests.conftest import HTMX, client_for


def edit(client, segment, text, base_version, **headers):
    return client.post(
        reverse("segment_edit", args=[segment.pk]),
        {"text": text, "base_version": base_version},
        **headers,
    )


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "fragment"])
def test_edit_form(as_editor, segments, headers):
    response = as_editor.get(reverse("segment_edit", args=[segments[1].pk]), **headers)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="text"' in html and 'name="base_version"' in html
    assert 'dir="rtl"' in html
    assert ("<html" in html) is (not headers)


def test_save_as_fragment_returns_the_updated_segment(as_editor, editor, segments):
    segment = segments[1]
    response = edit(as_editor, segment, "التقى رون ديرمر بأسعد الشيباني.", 0, **HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html and "التقى رون ديرمر بأسعد الشيباني." in html
    segment.refresh_from_db()
    assert segment.text == "التقى رون ديرمر بأسعد الشيباني." and segment.version == 1
    assert segment.mt_text == "التقى الأمراض الجلدية بأسعد الشيباني."
    revision = Revision.objects.get(segment=segment)
    assert (revision.number, revision.author, revision.text) == (1, editor, segment.text)


def test_save_as_full_page_redirects_back_to_the_segment(as_editor, segments):
    response = edit(as_editor, segments[1], "نص مصحح", 0)
    assert response.status_code == 302
    assert response.url.endswith(f"#seg-{segments[1].pk}")


def test_empty_text_is_refused_and_changes_nothing(as_editor, segments):
    response = edit(as_editor, segments[1], "   ", 0, **HTMX)
    assert response.status_code == 422
    assert "This field is required" in response.content.decode()
    segments[1].refresh_from_db()
    assert segments[1].version == 0


def test_unchanged_text_adds_no_revision(as_editor, segments):
    edit(as_editor, segments[1], segments[1].text, 0, **HTMX)
    assert not Revision.objects.exists()


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "fragment"])
def test_second_save_from_the_same_version_is_a_conflict(editor, other_editor, segments, headers):
    segment = segments[1]
    first, second = client_for(editor), client_for(other_editor)
    assert edit(first, segment, "النسخة الأولى", 0).status_code == 302
    response = edit(second, segment, "النسخة الثانية", 0, **headers)
    assert response.status_code == 409
    html = response.content.decode()
    assert "النسخة الأولى" in html and "النسخة الثانية" in html
    assert ("<html" in html) is (not headers)
    segment.refresh_from_db()
    assert segment.text == "النسخة الأولى" and segment.version == 1
    # Choosing their own text after seeing the conflict saves it on top of the first.
    assert edit(second, segment, "النسخة الثانية", 1, **headers).status_code in (200, 302)
    segment.refresh_from_db()
    assert segment.text == "النسخة الثانية" and segment.version == 2
    assert list(segment.revisions.values_list("text", flat=True)) == [
        "النسخة الأولى",
        "النسخة الثانية",
    ]


def test_same_text_saved_twice_is_no_conflict(editor, other_editor, segments):
    edit(client_for(editor), segments[1], "النص نفسه", 0)
    response = edit(client_for(other_editor), segments[1], "النص نفسه", 0, **HTMX)
    assert response.status_code == 200
    assert Revision.objects.count() == 1


def test_a_correction_far_longer_than_its_source_is_refused(as_editor, segments):
    segment = segments[1]
    response = edit(as_editor, segment, "نص " * 20000, 0, **HTMX)
    assert response.status_code == 422
    assert "far more than its source" in response.content.decode()
    segment.refresh_from_db()
    assert segment.version == 0
