"""Flagging spans of the source or translation, and the flags' life after edits."""

import pytest
from django.urls import reverse

from reviewapp import services
from reviewapp.models import Flag
from tests.conftest import HTMX, make_flag

DERMER = "الأمراض الجلدية"


def flag_data(segment, quote, side="target", version=0, **extra):
    text = segment.source_text if side == "source" else segment.text
    start = text.index(quote)
    data = {
        "side": side,
        "start": start,
        "end": start + len(quote),
        "version": version,
        "category": "mistranslated_name",
        "severity": "critical",
        "comment": "Dermer is a name",
        "suggestion": "رون ديرمر",
    }
    data.update(extra)
    return data


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "fragment"])
def test_flag_a_span_of_the_translation(as_editor, editor, segments, headers):
    segment = segments[1]
    response = as_editor.post(
        reverse("flag_create", args=[segment.pk]), flag_data(segment, DERMER), **headers
    )
    assert response.status_code == (200 if headers else 302)
    flag = Flag.objects.get()
    assert (flag.quote, flag.author, flag.side, flag.made_on_version) == (
        DERMER,
        editor,
        "target",
        0,
    )
    assert segment.text[flag.start : flag.end] == DERMER
    assert (flag.suggestion, flag.comment) == ("رون ديرمر", "Dermer is a name")
    if headers:
        html = response.content.decode()
        assert f'<mark data-flags="{flag.pk}">{DERMER}</mark>' in html
        assert "Mistranslated name" in html and "Critical" in html


def test_flag_a_span_of_the_source_for_an_omission(as_editor, segments):
    segment = segments[1]
    data = flag_data(segment, "Ron Dermer", side="source", category="omission")
    as_editor.post(reverse("flag_create", args=[segment.pk]), data, **HTMX)
    flag = Flag.objects.get()
    assert (flag.side, flag.quote, flag.category) == ("source", "Ron Dermer", "omission")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"start": 5, "end": 5}, "Select the words"),
        ({"start": 0, "end": 999}, "Select the words"),
        ({"category": "nonsense"}, "Select a valid choice"),
        ({"severity": "fatal"}, "Select a valid choice"),
        ({"version": 7}, "does not exist"),
    ],
)
def test_bad_flag_is_refused_with_a_message(as_editor, segments, change, message):
    segment = segments[1]
    response = as_editor.post(
        reverse("flag_create", args=[segment.pk]), flag_data(segment, DERMER, **change), **HTMX
    )
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not Flag.objects.exists()


def test_flag_made_on_an_older_version_lands_on_the_current_text(as_editor, editor, segments):
    segment = segments[1]
    data = flag_data(segment, DERMER, version=0)
    services.segment_save_text(
        segment=segment, user=editor, text="لقد " + segment.text, base_version=0
    )
    as_editor.post(reverse("flag_create", args=[segment.pk]), data, **HTMX)
    flag = Flag.objects.get()
    segment.refresh_from_db()
    assert (flag.made_on_version, flag.made_start) == (0, segment.mt_text.index(DERMER))
    assert segment.text[flag.start : flag.end] == DERMER and not flag.stale


def test_flag_follows_its_words_and_goes_stale_when_they_are_gone(as_editor, editor, segments):
    segment = segments[1]
    as_editor.post(
        reverse("flag_create", args=[segment.pk]), flag_data(segment, "الشيباني"), **HTMX
    )
    flag = Flag.objects.get()
    services.segment_save_text(
        segment=segment, user=editor, text="التقى رون ديرمر بأسعد الشيباني.", base_version=0
    )
    flag.refresh_from_db()
    segment.refresh_from_db()
    assert not flag.stale and segment.text[flag.start : flag.end] == "الشيباني"
    services.segment_save_text(
        segment=segment, user=editor, text="التقى رون ديرمر بأسعد.", base_version=1
    )
    flag.refresh_from_db()
    assert flag.stale
    assert (flag.made_on_version, flag.quote) == (0, "الشيباني")
    html = as_editor.get(reverse("segment", args=[segment.pk]), **HTMX).content.decode()
    assert "Stale" in html and "<mark" not in html


@pytest.fixture
def flag(segments, editor):
    return make_flag(
        segments[1], editor, start=6, end=21, category="mistranslated_name", severity="critical"
    )


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "fragment"])
def test_resolve_and_reopen(as_editor, editor, flag, headers):
    response = as_editor.post(reverse("flag_resolve", args=[flag.pk]), {"resolved": "1"}, **headers)
    assert response.status_code == (200 if headers else 302)
    flag.refresh_from_db()
    assert flag.is_resolved and flag.resolved_by == editor
    as_editor.post(reverse("flag_resolve", args=[flag.pk]), {"resolved": "0"}, **headers)
    flag.refresh_from_db()
    assert not flag.is_resolved


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "fragment"])
def test_delete(as_editor, flag, headers):
    response = as_editor.post(reverse("flag_delete", args=[flag.pk]), **headers)
    assert response.status_code == (200 if headers else 302)
    assert not Flag.objects.exists()


def test_open_flags_counted_on_the_project_page(as_editor, flag, document):
    html = as_editor.get(reverse("project", args=[document.project_id])).content.decode()
    assert '<td class="num">1</td>' in html
    services.flag_set_resolved(flag=flag, user=flag.author, resolved=True)
    html = as_editor.get(reverse("project", args=[document.project_id])).content.decode()
    assert '<td class="num">0</td>' in html
