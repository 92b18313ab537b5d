"""Automatic checks on the review page: suggestions, accept, dismiss, summary, reruns,
fix everywhere and the project's check settings."""

import re

import pytest
from django.urls import reverse

from reviewapp import services
from reviewapp.checking import fingerprint
from reviewapp.models import CheckDismissal, CheckFinding, Flag, Revision
from tests.conftest import HTMX


@pytest.fixture(autouse=True)
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


def review_html(client, document):
    return client.get(reverse("review", args=[document.pk])).content.decode()


def findings_of(segment, check_id=None):
    rows = CheckFinding.objects.filter(segment=segment)
    return list(rows.filter(check_id=check_id) if check_id else rows)


def test_import_stores_findings(segments):
    assert findings_of(segments[1], "names"), "Dermer rendered as skin diseases is reported"
    assert findings_of(segments[3], "phrasing"), "labour strikes for military strikes"
    assert not findings_of(segments[0])


def test_review_page_shows_suggestions_unlike_flags(as_editor, document, segments):
    html = review_html(as_editor, document)
    assert 'class="finding ' in html and "Suggestion" in html
    assert "Known bad renderings" in html and "data-target-start=" in html
    assert reverse("finding_accept", args=[findings_of(segments[3])[0].pk]) in html


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "fragment"])
def test_accept_creates_a_prefilled_flag_and_the_finding_stays_gone(
    as_editor, editor, segments, headers
):
    finding = findings_of(segments[3], "phrasing")[0]
    response = as_editor.post(reverse("finding_accept", args=[finding.pk]), **headers)
    assert response.status_code == (200 if headers else 302)
    flag = Flag.objects.get(segment=segments[3])
    assert flag.from_check == "phrasing" and flag.author == editor
    assert flag.quote == finding.target_span and flag.suggestion == finding.suggestion
    assert flag.category == finding.category and flag.side == "target"
    services.document_run_checks(document=segments[3].translation.document)
    assert not findings_of(segments[3], "phrasing")


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "fragment"])
def test_dismissal_outlives_reruns_and_shows_who_and_why(as_editor, segments, headers):
    finding = findings_of(segments[1], "names")[0]
    response = as_editor.post(
        reverse("finding_dismiss", args=[finding.pk]), {"reason": "House style"}, **headers
    )
    assert response.status_code == (200 if headers else 302)
    dismissal = CheckDismissal.objects.get(segment=segments[1])
    assert dismissal.fingerprint == fingerprint(
        finding.check_id, finding.kind, finding.source_span, finding.target_span
    )
    services.document_run_checks(document=segments[1].translation.document)
    assert not CheckFinding.objects.filter(pk=finding.pk).exists()
    assert finding.fingerprint not in {f.fingerprint for f in findings_of(segments[1])}
    assert findings_of(segments[1], "phrasing"), "other findings of the segment come back"
    html = review_html(as_editor, segments[1].translation.document)
    assert "dismissed by editor" in html and "House style" in html


def test_edit_reruns_segment_checks(as_editor, editor, segments):
    segment = segments[3]
    assert findings_of(segment, "phrasing")
    services.segment_save_text(
        segment=segment, user=editor, text="واستمرت الضربات الإسرائيلية.", base_version=0
    )
    assert not findings_of(segment, "phrasing")


@pytest.mark.parametrize(
    ("text", "still_reported"),
    [("التقى رون ديرمر بأسعد الشيباني.", False), ("التقى الأمراض الجلدية بأسعد الشيباني!", True)],
    ids=["corrected", "unrelated-edit"],
)
def test_edit_reruns_document_checks_after_commit(
    editor, segments, text, still_reported, django_capture_on_commit_callbacks
):
    segment = segments[1]
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.segment_save_text(segment=segment, user=editor, text=text, base_version=0)
        assert not findings_of(segment, "names"), "old offsets are dropped at once"
    assert callbacks, "the checks that compare segments are queued after the commit"
    dermer = [f for f in findings_of(segment, "names") if f.source_span == "Dermer"]
    assert bool(dermer) is still_reported


@pytest.mark.parametrize(
    ("client_name", "status"),
    [("as_admin", 200), ("as_editor", 200), ("as_outsider", 404), ("as_anonymous", 302)],
)
@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "fragment"])
def test_summary_permissions(request, document, client_name, status, headers):
    client = request.getfixturevalue(client_name)
    response = client.get(reverse("document_checks", args=[document.pk]), **headers)
    assert response.status_code == status
    if status == 200:
        html = response.content.decode()
        assert "Known bad renderings" in html and "Run checks again" in html
        assert ("<html" in html) is (not headers)


@pytest.mark.parametrize(
    ("client_name", "status"),
    [("as_editor", 404), ("as_outsider", 404), ("as_anonymous", 302)],
)
def test_accept_and_dismiss_need_membership(request, segments, client_name, status, other_editor):
    finding = findings_of(segments[3])[0]
    if client_name == "as_editor":
        client = request.getfixturevalue("as_outsider")
    else:
        client = request.getfixturevalue(client_name)
    for name in ("finding_accept", "finding_dismiss"):
        assert client.post(reverse(name, args=[finding.pk])).status_code == status
    assert CheckFinding.objects.filter(pk=finding.pk).exists()
    assert not Flag.objects.exists() and not CheckDismissal.objects.exists()


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "fragment"])
def test_run_checks_again_restores_deleted_findings(as_editor, document, segments, headers):
    count = CheckFinding.objects.filter(segment__translation__document=document).count()
    CheckFinding.objects.all().delete()
    response = as_editor.post(reverse("document_checks", args=[document.pk]), **headers)
    assert response.status_code == (200 if headers else 302)
    if headers:
        assert response.headers["HX-Refresh"] == "true"
    assert CheckFinding.objects.filter(segment__translation__document=document).count() == count


@pytest.mark.parametrize(
    ("client_name", "status"),
    [("as_admin", 200), ("as_editor", 403), ("as_outsider", 404), ("as_anonymous", 302)],
)
def test_check_settings_is_for_admins(request, project, client_name, status):
    client = request.getfixturevalue(client_name)
    assert client.get(reverse("check_settings", args=[project.pk])).status_code == status
    response = client.post(reverse("check_settings", args=[project.pk]), {"enabled": ["names"]})
    assert response.status_code == (302 if status == 200 else status)
    project.refresh_from_db()
    assert ("phrasing" in project.disabled_checks) is (status == 200)


def test_switching_a_check_off_removes_its_findings_and_on_finds_again(
    as_admin, project, segments, django_capture_on_commit_callbacks
):
    url = reverse("check_settings", args=[project.pk])
    all_checks = ["names", "numbers", "punctuation", "untranslated", "glossary", "consistency"]
    with django_capture_on_commit_callbacks(execute=True):
        as_admin.post(url, {"enabled": all_checks})
    assert not CheckFinding.objects.filter(check_id="phrasing").exists()
    html = as_admin.get(url).content.decode()
    assert 'value="phrasing" id="check-phrasing">' in html
    with django_capture_on_commit_callbacks(execute=True):
        as_admin.post(url, {"enabled": [*all_checks, "phrasing"]})
    assert CheckFinding.objects.filter(check_id="phrasing").exists()


def test_check_settings_refuses_unknown_checks(as_admin, project):
    response = as_admin.post(reverse("check_settings", args=[project.pk]), {"enabled": ["nope"]})
    assert response.status_code == 422
    assert "Choose among the listed checks." in response.content.decode()
    project.refresh_from_db()
    assert project.disabled_checks == []


@pytest.fixture
def repeated(project):
    """A document where the same wrong rendering of a name stands three times."""
    return services.document_create(
        project=project,
        title="Dermer again",
        source_lang="en",
        target_lang="ar",
        pairs=[
            services.SegmentPair(0, "Dermer spoke.", "تحدث الأمراض الجلدية."),
            services.SegmentPair(0, "Dermer left.", "وغادر الأمراض الجلدية باريس."),
            services.SegmentPair(1, "Dermer returned.", "عاد والأمراض الجلدية."),
            services.SegmentPair(1, "Skin care.", "الأمراض الجلديةالمزمنة"),
        ],
        user=None,
    )


def fix_url(document, wrong="الأمراض الجلدية", right="ديرمر"):
    return reverse("fix_everywhere", args=[document.pk]) + f"?wrong={wrong}&right={right}"


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "fragment"])
def test_fix_everywhere_previews_whole_word_hits_with_context(as_editor, repeated, headers):
    response = as_editor.get(fix_url(repeated), **headers)
    html = response.content.decode()
    assert response.status_code == 200 and ("<html" in html) is (not headers)
    assert html.count('name="hit"') == 3, "the glued word in segment 4 is not a hit"
    assert "<del>الأمراض الجلدية</del><ins>ديرمر</ins>" in html
    assert 'lang="ar" dir="rtl"' in html


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "fragment"])
def test_fix_everywhere_applies_ticked_hits_one_revision_each(as_editor, editor, repeated, headers):
    segments = list(repeated.segments().order_by("position"))
    html = as_editor.get(fix_url(repeated)).content.decode()
    hits = [value for value in _hit_values(html) if not value.startswith(f"{segments[1].pk}:")]
    response = as_editor.post(
        reverse("fix_everywhere", args=[repeated.pk]),
        {"wrong": "الأمراض الجلدية", "right": "ديرمر", "scope": "document", "hit": hits},
        **headers,
    )
    assert response.status_code == 200
    assert "Changed 2 segments" in response.content.decode()
    texts = [s.text for s in repeated.segments().order_by("position")]
    assert texts[:3] == ["تحدث ديرمر.", "وغادر الأمراض الجلدية باريس.", "عاد وديرمر."]
    assert Revision.objects.filter(segment__translation__document=repeated).count() == 2


def _hit_values(html):
    return re.findall(r'name="hit" value="([0-9:]+)"', html)


def test_fix_everywhere_skips_and_reports_segments_saved_since_the_preview(
    as_editor, editor, repeated
):
    segments = list(repeated.segments().order_by("position"))
    hits = _hit_values(as_editor.get(fix_url(repeated)).content.decode())
    services.segment_save_text(
        segment=segments[0], user=editor, text="تحدث الأمراض الجلدية اليوم.", base_version=0
    )
    response = as_editor.post(
        reverse("fix_everywhere", args=[repeated.pk]),
        {"wrong": "الأمراض الجلدية", "right": "ديرمر", "hit": hits},
    )
    html = response.content.decode()
    assert "Changed 2 segments" in html and "Skipped 1 segment" in html
    segments[0].refresh_from_db()
    assert segments[0].text == "تحدث الأمراض الجلدية اليوم."


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"wrong": "الأمراض الجلدية", "right": "ديرمر", "hit": ["1:x:2"]}, "damaged"),
        ({"wrong": "الأمراض الجلدية", "right": "ديرمر"}, "Tick at least one"),
        ({"wrong": "الأمراض الجلدية", "right": "", "hit": ["1:0:0:3"]}, "Give the correction"),
    ],
)
def test_fix_everywhere_bad_input_changes_nothing(as_editor, repeated, data, message):
    response = as_editor.post(reverse("fix_everywhere", args=[repeated.pk]), data)
    assert response.status_code == 422 and message in response.content.decode()
    assert not Revision.objects.exists()


@pytest.mark.parametrize(
    ("client_name", "status"),
    [("as_admin", 200), ("as_editor", 200), ("as_outsider", 404), ("as_anonymous", 302)],
)
def test_fix_everywhere_permissions(request, repeated, client_name, status):
    client = request.getfixturevalue(client_name)
    assert client.get(fix_url(repeated)).status_code == status


def test_flag_with_a_suggestion_offers_fix_everywhere(as_editor, editor, segments):
    services.flag_create(
        segment=segments[1],
        user=editor,
        side="target",
        start=6,
        end=21,
        version=0,
        category="mistranslated_name",
        severity="major",
        suggestion="ديرمر",
    )
    html = review_html(as_editor, segments[1].translation.document)
    assert "Fix everywhere: " in html and "Flag this everywhere" in html
