"""Approving segments, undoing it, and a document becoming complete."""

import pytest
from django.urls import reverse

from tests.conftest import HTMX


def approve(client, segment, approved="1", **headers):
    return client.post(
        reverse("segment_approve", args=[segment.pk]), {"approved": approved}, **headers
    )


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "fragment"])
def test_approve_and_undo(as_editor, editor, segments, headers):
    segment = segments[0]
    response = approve(as_editor, segment, **headers)
    assert response.status_code == (200 if headers else 302)
    segment.refresh_from_db()
    assert segment.is_approved and segment.approved_by == editor
    if headers:
        assert "Approved · undo" in response.content.decode()
    approve(as_editor, segment, "0", **headers)
    segment.refresh_from_db()
    assert not segment.is_approved and segment.approved_by is None


def test_document_complete_when_every_segment_is_approved(as_editor, document, segments):
    for segment in segments[:-1]:
        approve(as_editor, segment)
    assert not document.is_complete()
    project_page = as_editor.get(reverse("project", args=[document.project_id])).content.decode()
    assert "3 / 4 approved" in project_page and "Complete" not in project_page
    approve(as_editor, segments[-1])
    assert document.is_complete()
    project_page = as_editor.get(reverse("project", args=[document.project_id])).content.decode()
    assert "4 / 4 approved" in project_page and "Complete" in project_page
    review_page = as_editor.get(reverse("review", args=[document.pk])).content.decode()
    assert "4 / 4 segments approved" in review_page and "Complete" in review_page
