"""Report pages, chart downloads and the ESA score: as page and fragment, for every role."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from reviewapp import services
from reviewapp.models import Segment
from tests.conftest import HTMX, client_for

DERMER = "الأمراض الجلدية"


@pytest.fixture
def reviewed(document, segments, editor, other_editor):
    """Both editors flag the mistranslated name; one corrects the segment."""
    segment = segments[1]
    start = segment.text.index(DERMER)
    for user, length, severity in ((editor, len(DERMER), "critical"), (other_editor, 7, "major")):
        services.flag_create(
            segment=segment,
            user=user,
            side="target",
            start=start,
            end=start + length,
            version=0,
            category="mistranslated_name",
            severity=severity,
        )
    services.segment_save_text(
        segment=segment, user=editor, text="التقى رون ديرمر بأسعد الشيباني.", base_version=0
    )
    return document


def report_urls(document, segment):
    return {
        "document_report": reverse("document_report", args=[document.pk]),
        "project_report": reverse("project_report", args=[document.project_id]),
        "segment_esa": reverse("segment_esa", args=[segment.pk]),
    }


@pytest.mark.parametrize("role", ["admin", "editor", "outsider", "anonymous"])
@pytest.mark.parametrize("name", ["document_report", "project_report", "segment_esa"])
def test_who_may_see_reports(request, role, name, reviewed, segments):
    user = None if role == "anonymous" else request.getfixturevalue(role)
    response = client_for(user).get(report_urls(reviewed, segments[1])[name])
    if role == "anonymous":
        assert response.status_code == 302 and response.url.startswith(reverse("login"))
    elif role == "outsider":
        assert response.status_code == 404
    else:
        assert response.status_code == 200


@pytest.mark.parametrize("role", ["outsider", "anonymous"])
def test_only_reviewers_set_esa_scores(request, role, segments):
    user = None if role == "anonymous" else request.getfixturevalue(role)
    response = client_for(user).post(reverse("segment_esa", args=[segments[1].pk]), {"score": 50})
    assert response.status_code in (302, 404)
    assert Segment.objects.get(pk=segments[1].pk).esa_score is None


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "fragment"])
def test_document_report(as_editor, reviewed, headers):
    response = as_editor.get(reverse("document_report", args=[reviewed.pk]), **headers)
    html = response.content.decode()
    assert response.status_code == 200
    assert ("<html" in html) == (not headers)
    assert 'id="report"' in html
    for text in ("BLEU", "chrF++", "TER", "nrefs:1|case:mixed", "Fail", "Mistranslated name"):
        assert text in html, text
    assert "<svg" in html and "Errors by category and severity" in html
    # The machine translation and correction keep their language and direction.
    assert f'lang="ar" dir="rtl" class="text">التقى {DERMER}' in html
    assert 'id="agreement"' in html and "editor" in html and "second-editor" in html


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "fragment"])
def test_project_report(as_admin, reviewed, headers):
    response = as_admin.get(reverse("project_report", args=[reviewed.project_id]), **headers)
    html = response.content.decode()
    assert response.status_code == 200
    assert ("<html" in html) == (not headers)
    assert "By document" in html and "Talks in Paris" in html
    assert reverse("document_report", args=[reviewed.pk]) in html


def test_agreement_fragment_for_a_chosen_pair(as_editor, reviewed, editor, other_editor):
    response = as_editor.get(
        reverse("document_report", args=[reviewed.pk]),
        {"editor_a": other_editor.pk, "editor_b": editor.pk},
        HTTP_HX_TARGET="agreement",
        **HTMX,
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="agreement"')
    assert "Character F1" in html and 'class="agree-shared"' in html


@pytest.mark.parametrize(
    "choice",
    [{"editor_a": "x", "editor_b": "1"}, {"editor_a": "1", "editor_b": "1"}, {"editor_a": "999"}],
)
def test_bad_editor_choice_gets_a_message(as_editor, reviewed, choice):
    response = as_editor.get(
        reverse("document_report", args=[reviewed.pk]), choice, HTTP_HX_TARGET="agreement", **HTMX
    )
    assert response.status_code == 422
    assert "Choose two different editors" in response.content.decode()


def test_no_agreement_with_a_single_editor(as_editor, document, segments):
    html = as_editor.get(reverse("document_report", args=[document.pk])).content.decode()
    assert "Agreement needs two editors" in html


@pytest.mark.parametrize(
    ("view", "chart"),
    [
        ("document_report", "categories"),
        ("document_report", "systems"),
        ("document_report", "editors"),
        ("project_report", "documents"),
    ],
)
def test_chart_csv_is_the_chart_table(as_editor, reviewed, view, chart):
    target = reviewed.pk if view == "document_report" else reviewed.project_id
    url = reverse(view, args=[target])
    response = as_editor.get(url, {"format": "csv", "chart": chart})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    page = as_editor.get(url).content.decode()
    assert len(rows) > 1
    for cell in rows[0] + [row[0] for row in rows[1:]]:
        assert cell in page


def test_unknown_chart_is_refused(as_editor, reviewed):
    response = as_editor.get(
        reverse("document_report", args=[reviewed.pk]), {"format": "csv", "chart": "pie"}
    )
    assert response.status_code == 400
    assert "Unknown chart 'pie'" in response.content.decode()


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "fragment"])
def test_esa_form(as_editor, segments, headers):
    response = as_editor.get(reverse("segment_esa", args=[segments[1].pk]), **headers)
    html = response.content.decode()
    assert response.status_code == 200
    assert ("<html" in html) == (not headers)
    assert f'id="esa-{segments[1].pk}"' in html and 'name="score"' in html


@pytest.mark.parametrize(("headers", "status"), [({}, 302), (HTMX, 200)], ids=["page", "fragment"])
@pytest.mark.parametrize(("value", "stored"), [("70", 70), ("0", 0), ("100", 100), ("", None)])
def test_set_esa_score(as_editor, segments, headers, status, value, stored):
    Segment.objects.filter(pk=segments[1].pk).update(esa_score=40)
    response = as_editor.post(
        reverse("segment_esa", args=[segments[1].pk]), {"score": value}, **headers
    )
    assert response.status_code == status
    assert Segment.objects.get(pk=segments[1].pk).esa_score == stored


@pytest.mark.parametrize("value", ["101", "-1", "seventy", "7.5"])
def test_bad_esa_score_changes_nothing(as_editor, segments, value):
    Segment.objects.filter(pk=segments[1].pk).update(esa_score=40)
    response = as_editor.post(
        reverse("segment_esa", args=[segments[1].pk]), {"score": value}, **HTMX
    )
    assert response.status_code == 422
    assert 'role="alert"' in response.content.decode()
    assert Segment.objects.get(pk=segments[1].pk).esa_score == 40


def test_esa_scores_show_in_the_report(as_editor, reviewed, segments):
    for segment, score in zip(segments[:2], (60, 90), strict=True):
        as_editor.post(reverse("segment_esa", args=[segment.pk]), {"score": score}, **HTMX)
    html = as_editor.get(reverse("document_report", args=[reviewed.pk])).content.decode()
    assert '75.0 <span class="who">(2)</span>' in html


def test_report_queries_do_not_grow_with_segments(
    as_editor, reviewed, django_assert_max_num_queries
):
    as_editor.get(reverse("document_report", args=[reviewed.pk]))
    with django_assert_max_num_queries(20):
        as_editor.get(reverse("document_report", args=[reviewed.pk]))
