"""Repairing alignment on the review screen: merge, split at the cursor, undo."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from reviewapp import services
from reviewapp.models import AlignmentChange
from tests.conftest import HTMX


def merge(client, segment, **headers):
    return client.post(reverse("segment_merge", args=[segment.pk]), **headers)


def split(client, segment, side="source", offset=14, **headers):
    return client.post(
        reverse("segment_split", args=[segment.pk]), {"side": side, "offset": offset}, **headers
    )


def undo(client, document, translation, **headers):
    return client.post(
        reverse("alignment_undo", args=[document.pk]), {"translation": translation.pk}, **headers
    )


def texts(document) -> list[tuple[str, str]]:
    return list(document.segments().order_by("position").values_list("source_text", "text"))


@pytest.mark.parametrize(
    ("client_name", "status"),
    [("as_admin", 302), ("as_editor", 302), ("as_outsider", 404), ("as_anonymous", 302)],
)
@pytest.mark.parametrize("action", [merge, split])
def test_who_may_repair(request, segments, client_name, status, action):
    client = request.getfixturevalue(client_name)
    response = action(client, segments[1])
    assert response.status_code == status
    changed = AlignmentChange.objects.exists()
    assert changed == (client_name in ("as_admin", "as_editor"))
    if client_name == "as_anonymous":
        assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    ("client_name", "status"),
    [("as_editor", 302), ("as_outsider", 404), ("as_anonymous", 302)],
)
def test_who_may_undo(request, document, segments, editor, client_name, status):
    services.segment_merge_with_next(segment=segments[0], user=editor)
    merged = texts(document)
    response = undo(request.getfixturevalue(client_name), document, segments[0].translation)
    assert response.status_code == status
    assert (texts(document) == merged) == (client_name != "as_editor")


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "fragment"])
def test_merge_then_undo(as_editor, document, segments, headers):
    original = texts(document)
    response = merge(as_editor, segments[1], **headers)
    expected = f"/documents/{document.pk}/?translation={segments[1].translation_id}&page=1#seg-{segments[1].pk}"
    if headers:
        assert response.status_code == 200 and response["HX-Redirect"] == expected
    else:
        assert response.status_code == 302 and response["Location"] == expected
    assert texts(document)[1] == (
        "Ron Dermer met Asaad al-Shaibani. They discussed Sweida.",
        "التقى الأمراض الجلدية بأسعد الشيباني. وناقشا Sweida.",
    )
    page = as_editor.get(expected).content.decode()
    assert "Segments 2 and 3 are now one segment." in page
    undo(as_editor, document, segments[1].translation, **headers)
    assert texts(document) == original


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "fragment"])
@pytest.mark.parametrize(
    ("side", "offset", "head", "tail"),
    [
        ("source", 14, ("Ron Dermer met", "التقى الأمراض الجلدية بأسعد الشيباني."),
         ("Asaad al-Shaibani.", "")),
        ("target", 21, ("Ron Dermer met Asaad al-Shaibani.", "التقى الأمراض الجلدية"),
         ("", "بأسعد الشيباني.")),
    ],
)  # fmt: skip
def test_split_at_the_cursor(as_editor, document, segments, headers, side, offset, head, tail):
    response = split(as_editor, segments[1], side, offset, **headers)
    assert response.status_code == (200 if headers else 302)
    assert texts(document)[1:3] == [head, tail]


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "fragment"])
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"side": "source", "offset": 0}, "Put the cursor inside the text"),
        ({"side": "source", "offset": "x"}, "Click in the text where it should be split"),
        ({"side": "middle", "offset": 3}, "Click in the text where it should be split"),
        ({}, "Click in the text where it should be split"),
    ],
)
def test_bad_split_shows_a_message_and_changes_nothing(
    as_editor, document, segments, headers, data, message
):
    before = texts(document)
    response = as_editor.post(reverse("segment_split", args=[segments[1].pk]), data, **headers)
    assert response.status_code == 422
    page = response.content.decode()
    assert message in page and ("<html" in page) == (not headers)
    assert texts(document) == before and not AlignmentChange.objects.exists()


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "fragment"])
def test_merging_the_last_segment_is_refused(as_editor, document, segments, headers):
    before = texts(document)
    response = merge(as_editor, segments[-1], **headers)
    assert response.status_code == 422 and "no next one" in response.content.decode()
    assert texts(document) == before


def test_undo_with_nothing_to_undo(as_editor, document, segments):
    response = undo(as_editor, document, segments[0].translation, follow=True)
    assert "There is no alignment change to undo." in response.content.decode()


def test_undo_after_an_edit_is_refused_and_keeps_the_edit(as_editor, editor, document, segments):
    services.segment_merge_with_next(segment=segments[0], user=editor)
    merged = segments[0].__class__.objects.get(pk=segments[0].pk)
    services.segment_save_text(segment=merged, user=editor, text="نص مصحح", base_version=0)
    after_edit = texts(document)
    response = undo(as_editor, document, segments[0].translation, follow=True)
    assert "changed after the alignment change" in response.content.decode()
    assert texts(document) == after_edit


def test_controls_partial(rf, document, segments, editor):
    request = rf.get("/")
    request.user = editor
    context = {"segment": segments[1], "document": document, "translation": segments[1].translation}
    controls = render_to_string(
        "reviewapp/alignment_controls.html#segment-controls", context, request
    )
    assert reverse("segment_merge", args=[segments[1].pk]) in controls
    assert controls.count('data-split-url="' + reverse("segment_split", args=[segments[1].pk])) == 2
    undo_link = render_to_string("reviewapp/alignment_controls.html#undo", context, request)
    assert reverse("alignment_undo", args=[document.pk]) in undo_link
    assert f'value="{segments[1].translation_id}"' in undo_link
