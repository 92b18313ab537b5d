"""The review page: segment pairs side by side, paged, as a page and as an htmx fragment."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reviewapp import services
from reviewapp.models import CheckDismissal, CheckFinding, Project
from tests.conftest import HTMX, make_flag


def review_url(document, **params):
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return reverse("review", args=[document.pk]) + (f"?{query}" if query else "")


def test_full_page_shows_every_pair_numbered_by_paragraph(as_editor, document):
    response = as_editor.get(review_url(document))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" in html and "Paragraph 1" in html and "Paragraph 3" in html
    for text in ("Ron Dermer met Asaad al-Shaibani.", "التقى الأمراض الجلدية بأسعد الشيباني."):
        assert text in html
    assert 'title="Segment 4"' in html
    assert "0 / 4 segments approved" in html


def test_fragment_is_only_the_segments(as_editor, document):
    response = as_editor.get(review_url(document, page=1), **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and 'class="segment' in html


def test_each_text_carries_its_language_and_direction(as_editor, document):
    html = as_editor.get(review_url(document)).content.decode()
    assert 'class="text source" lang="en" dir="ltr"' in html
    assert 'class="text target" lang="ar" dir="rtl"' in html


@pytest.mark.parametrize(
    ("target_lang", "direction"),
    [("he", "rtl"), ("fa", "rtl"), ("ur", "rtl"), ("de", "ltr"), ("zh-Hans", "ltr")],
)
def test_direction_follows_the_target_language(as_admin, project, target_lang, direction):
    document = services.document_create(
        project=project,
        title="t",
        source_lang="en",
        target_lang=target_lang,
        pairs=[services.SegmentPair(0, "Hello.", "...")],
        user=None,
    )
    html = as_admin.get(review_url(document)).content.decode()
    assert f'class="text target" lang="{target_lang}" dir="{direction}"' in html


def test_hostile_text_is_inert(as_editor, project, editor):
    hostile = "<script>alert(1)</script> <b>bold</b> \u202eevil\u202c تم"
    document = services.document_create(
        project=project,
        title="<i>title</i>",
        source_lang="en",
        target_lang="ar",
        pairs=[
            services.SegmentPair(0, hostile, hostile),
            services.SegmentPair(0, "next", "التالي"),
        ],
        user=None,
    )
    html = as_editor.get(review_url(document)).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>bold</b>" not in html and "<i>title</i>" not in html
    # The override is rendered inside its own isolated, visibly marked element.
    assert 'data-codepoint="U+202E"' in html
    assert '<span class="bidi-control" data-codepoint="U+202E"' in html


def make_long_document(project, size):
    return services.document_create(
        project=project,
        title=f"long {size}",
        source_lang="en",
        target_lang="ar",
        pairs=[services.SegmentPair(i // 3, f"Sentence {i}.", f"الجملة {i}.") for i in range(size)],
        user=None,
    )


def count_queries(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    assert response.status_code == 200
    return len(queries)


def add_finding_and_dismissal(segment, user):
    CheckFinding.objects.create(
        segment=segment,
        check_id="phrasing",
        kind="phrasing",
        target_start=0,
        target_end=3,
        target_span=segment.text[:3],
        message="A known bad rendering.",
        category="mistranslation",
        severity="major",
        fingerprint=f"phrasing-{segment.pk}",
    )
    CheckDismissal.objects.create(
        segment=segment, check_id="names", fingerprint=f"names-{segment.pk}", dismissed_by=user
    )


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "fragment"])
def test_queries_per_page_do_not_grow_with_the_document(
    as_admin, project, admin, headers, settings
):
    settings.REVIEW_PAGE_SIZE = 10
    small, large = make_long_document(project, 12), make_long_document(project, 300)
    for document in (small, large):
        for segment in document.segments()[:5]:
            make_flag(segment, admin)
            add_finding_and_dismissal(segment, admin)
    small_count = count_queries(as_admin, review_url(small), **headers)
    large_count = count_queries(as_admin, review_url(large), **headers)
    later_page = count_queries(as_admin, review_url(large, page=7), **headers)
    assert small_count == large_count == later_page


def test_pages_follow_each_other_without_gaps(as_editor, project, editor, settings):
    settings.REVIEW_PAGE_SIZE = 10
    document = make_long_document(Project.objects.get(name="Newsdesk"), 25)
    seen = []
    for page in (1, 2, 3):
        html = as_editor.get(review_url(document, page=page), **HTMX).content.decode()
        seen += [n for n in range(25) if f"Sentence {n}." in html]
        assert ("page=" + str(page + 1)) in html if page < 3 else "load-more" not in html
    assert seen == list(range(25))


def test_system_switcher_shows_the_chosen_translation(as_editor, document):
    from reviewapp.models import Segment, Translation

    other = Translation.objects.create(document=document, system="Second engine")
    Segment.objects.create(
        translation=other,
        position=0,
        paragraph=0,
        source_text="Talks in Paris",
        mt_text="مباحثات باريس",
        text="مباحثات باريس",
    )
    html = as_editor.get(review_url(document, translation=other.pk)).content.decode()
    assert "مباحثات باريس" in html and "Second engine" in html
    assert "محادثات في باريس" not in html


def test_unknown_translation_is_404(as_editor, document):
    assert as_editor.get(review_url(document, translation="999999")).status_code == 404
    assert as_editor.get(review_url(document, translation="abc")).status_code == 404


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "fragment"])
def test_single_segment_view(as_editor, segments, headers):
    response = as_editor.get(reverse("segment", args=[segments[1].pk]), **headers)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ron Dermer met Asaad al-Shaibani." in html
    assert ("<html" in html) is (not headers)
