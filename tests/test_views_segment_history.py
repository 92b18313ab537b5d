"""History of a segment with word diffs against the machine translation, and restoring."""

import pytest
from django.urls import reverse

from reviewapp import services
from tests.conftest import HTMX


@pytest.fixture
def edited(segments, editor):
    segment = segments[1]
    services.segment_save_text(
        segment=segment, user=editor, text="التقى رون ديرمر بأسعد الشيباني.", base_version=0
    )
    services.segment_save_text(
        segment=segment, user=editor, text="التقى رون ديرمر بالشيباني.", base_version=1
    )
    return segment


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "fragment"])
def test_history_lists_revisions_with_word_diffs(as_editor, edited, headers):
    response = as_editor.get(reverse("segment_history", args=[edited.pk]), **headers)
    html = response.content.decode()
    assert response.status_code == 200
    assert ("<html" in html) is (not headers)
    assert "v2" in html and "v1" in html and "v0 · machine translation" in html
    assert "<del>الأمراض الجلدية</del>" in html and "<ins>رون ديرمر</ins>" in html
    assert "Restore v1" in html and "Restore v0" in html and "Restore v2" not in html


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "fragment"])
def test_restore_makes_a_new_revision(as_editor, edited, headers):
    response = as_editor.post(
        reverse("segment_restore", args=[edited.pk]), {"number": 0}, **headers
    )
    assert response.status_code == (200 if headers else 302)
    edited.refresh_from_db()
    assert edited.version == 3 and edited.text == edited.mt_text
    assert edited.revisions.get(number=3).restored_from == 0


def test_restoring_a_missing_version_changes_nothing(as_editor, edited):
    response = as_editor.post(reverse("segment_restore", args=[edited.pk]), {"number": 9}, **HTMX)
    assert response.status_code == 422
    assert "does not exist" in response.content.decode()
    edited.refresh_from_db()
    assert edited.version == 2
