"""The review screen: segment pairs side by side, edits, history and approval."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET, require_POST

from reviewapp import services
from reviewapp.access import document_for, segment_for, translation_for
from reviewapp.checking import attach_findings
from reviewapp.forms import EditForm, FlagForm, RestoreForm
from reviewapp.highlight import text_runs
from reviewapp.models import (
    AnyUser,
    Category,
    CheckDismissal,
    Document,
    Flag,
    Segment,
    Severity,
    Side,
    Translation,
)
from reviewapp.textdiff import word_diff

TEMPLATE = "reviewapp/review.html"


def prepare_segments(segments: list[Segment], user: AnyUser) -> list[Segment]:
    """Attach what the segment template renders: flags and highlighted runs.

    Expects flags prefetched (with their authors), so this adds no queries.
    """
    for segment in segments:
        flags = list(segment.flags.all())
        for flag in flags:
            flag.user_can_change = flag.can_change(user)
        segment.flag_list = flags
        live = [flag for flag in flags if not flag.stale and not flag.is_resolved]
        segment.source_runs = text_runs(
            segment.source_text,
            [(f.start, f.end, f.pk) for f in live if f.side == Side.SOURCE],
        )
        segment.target_runs = text_runs(
            segment.text, [(f.start, f.end, f.pk) for f in live if f.side == Side.TARGET]
        )
        attach_findings(segment)
    return segments


def segments_for_review() -> QuerySet[Segment]:
    """Segments with what a review row shows: flags and their authors, check findings, and
    dismissals with who dismissed them."""
    return Segment.objects.prefetch_related(
        Prefetch("flags", queryset=Flag.objects.select_related("author")),
        "findings",
        Prefetch("dismissals", queryset=CheckDismissal.objects.select_related("dismissed_by")),
    )


def _page_number(request: HttpRequest) -> int:
    value = request.GET.get("page", "1")
    return int(value) if value.isdigit() and int(value) > 0 else 1


def _segment_page(translation: Translation, page: int, user: AnyUser) -> tuple[list[Segment], bool]:
    size = settings.REVIEW_PAGE_SIZE
    offset = (page - 1) * size
    # One row more than the page tells whether another page follows,
    # without a COUNT over the whole document.
    rows = list(
        segments_for_review()
        .filter(translation=translation)
        .order_by("position")[offset : offset + size + 1]
    )
    return prepare_segments(rows[:size], user), len(rows) > size


def _progress(translation: Translation) -> dict[str, int]:
    counts = translation.segments.aggregate(
        total=Count("pk"), approved=Count("pk", filter=Q(approved_at__isnull=False))
    )
    counts["percent"] = round(100 * counts["approved"] / counts["total"]) if counts["total"] else 0
    return counts


def _review_context(request: HttpRequest, document: Document, translation: Translation) -> dict:
    return {
        "document": document,
        "project": document.project,
        "translation": translation,
        "categories": Category.choices,
        "severities": Severity.choices,
    }


@login_required
@require_GET
def review(request: HttpRequest, document_id: int) -> HttpResponse:
    document = document_for(request, document_id)
    translation = translation_for(request, document, request.GET.get("translation"))
    page = _page_number(request)
    segments, has_more = _segment_page(translation, page, request.user)
    context = _review_context(request, document, translation)
    context.update(segments=segments, page=page, has_more=has_more, next_page=page + 1)
    if request.htmx:
        return TemplateResponse(request, TEMPLATE + "#segment-page", context)
    context.update(
        progress=_progress(translation),
        translations=list(document.translations.all()),
        last_alignment_change=services.alignment_change_last(translation),
    )
    return TemplateResponse(request, TEMPLATE, context)


def _segment_context(request: HttpRequest, segment: Segment, **extra: object) -> dict:
    segment = prepare_segments([segments_for_review().get(pk=segment.pk)], request.user)[0]
    document = segment.translation.document
    context = _review_context(request, document, segment.translation)
    context.update(segment=segment, **extra)
    return context


def render_segment(
    request: HttpRequest, segment: Segment, *, status: int = 200, **extra: object
) -> HttpResponse:
    """The segment row as a fragment for htmx, or as a page of its own."""
    context = _segment_context(request, segment, **extra)
    if request.htmx:
        return TemplateResponse(request, TEMPLATE + "#segment", context, status=status)
    return TemplateResponse(request, "reviewapp/segment_page.html", context, status=status)


def back_to_segment(segment: Segment) -> HttpResponse:
    document = segment.translation.document
    return redirect(
        f"{document.get_absolute_url()}?translation={segment.translation_id}"
        f"&page={segment.position // settings.REVIEW_PAGE_SIZE + 1}#seg-{segment.pk}"
    )


def after_segment_change(request: HttpRequest, segment: Segment) -> HttpResponse:
    """The changed segment's row for htmx; otherwise back to it on the review page."""
    if request.htmx:
        return render_segment(request, segment)
    return back_to_segment(segment)


@login_required
@require_GET
def segment(request: HttpRequest, segment_id: int) -> HttpResponse:
    return render_segment(request, segment_for(request, segment_id))


@login_required
def segment_edit(request: HttpRequest, segment_id: int) -> HttpResponse:
    segment = segment_for(request, segment_id)
    if request.method == "GET":
        form = EditForm(initial={"text": segment.text, "base_version": segment.version})
        return render_segment(request, segment, edit_form=form)
    if request.method != "POST":
        return HttpResponse(status=405, headers={"Allow": "GET, POST"})
    form = EditForm(request.POST)
    if not form.is_valid():
        return render_segment(request, segment, status=422, edit_form=form)
    try:
        services.segment_save_text(
            segment=segment,
            user=request.user,
            text=form.cleaned_data["text"],
            base_version=form.cleaned_data["base_version"],
        )
    except services.EditConflict as conflict:
        return render_segment(
            request,
            segment,
            status=409,
            conflict=conflict,
            theirs=conflict.segment.text,
            mine=conflict.attempted_text,
        )
    except services.ReviewError as error:
        return render_segment(request, segment, status=422, edit_form=form, error=str(error))
    return after_segment_change(request, segment)


@login_required
@require_GET
def segment_history(request: HttpRequest, segment_id: int) -> HttpResponse:
    segment = segment_for(request, segment_id)
    revisions = list(segment.revisions.select_related("author").order_by("-number"))
    for revision in revisions:
        revision.diff = word_diff(segment.mt_text, revision.text)
    return render_segment(request, segment, revisions=revisions, show_history=True)


@login_required
@require_POST
def segment_restore(request: HttpRequest, segment_id: int) -> HttpResponse:
    segment = segment_for(request, segment_id)
    form = RestoreForm(request.POST)
    if not form.is_valid():
        return render_segment(request, segment, status=422, error="Choose a version to restore.")
    try:
        services.segment_restore_revision(
            segment=segment, user=request.user, number=form.cleaned_data["number"]
        )
    except services.ReviewError as error:
        return render_segment(request, segment, status=422, error=str(error))
    return after_segment_change(request, segment)


@login_required
@require_POST
def segment_approve(request: HttpRequest, segment_id: int) -> HttpResponse:
    segment = segment_for(request, segment_id)
    approved = request.POST.get("approved", "1") == "1"
    services.segment_set_approved(segment=segment, user=request.user, approved=approved)
    return after_segment_change(request, segment)


@login_required
@require_POST
def flag_create(request: HttpRequest, segment_id: int) -> HttpResponse:
    segment = segment_for(request, segment_id)
    form = FlagForm(request.POST)
    if not form.is_valid():
        return render_segment(request, segment, status=422, flag_form=form)
    try:
        services.flag_create(segment=segment, user=request.user, **form.cleaned_data)
    except services.ReviewError as error:
        return render_segment(request, segment, status=422, flag_form=form, error=str(error))
    return after_segment_change(request, segment)
