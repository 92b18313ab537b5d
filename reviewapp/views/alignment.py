"""Repairing the alignment on the review screen: merge a pair with the next, split one side
at the cursor, undo the last repair.

A repair renumbers the segments after it, so a successful one reloads the review page at
the repaired segment (htmx is told to redirect); a refused one shows its message in the row.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from reviewapp import services
from reviewapp.access import document_for, segment_for, translation_for
from reviewapp.models import Segment, Side, Translation
from reviewapp.views.review import render_segment


class SplitForm(forms.Form):
    side = forms.ChoiceField(choices=Side.choices)
    offset = forms.IntegerField(min_value=0)


def _review_at(request: HttpRequest, translation: Translation, position: int) -> HttpResponse:
    segment = translation.segments.filter(position__lte=position).order_by("-position").first()
    url = (
        f"{translation.document.get_absolute_url()}?translation={translation.pk}"
        f"&page={position // settings.REVIEW_PAGE_SIZE + 1}"
    )
    if segment is not None:
        url += f"#seg-{segment.pk}"
    if request.htmx:
        return HttpResponseClientRedirect(url)
    return redirect(url)


def _repair(
    request: HttpRequest, segment: Segment, repair: Callable[[], object], done: str
) -> HttpResponse:
    """Run `repair`; its ReviewError is shown in the segment's row, success as `done` on the
    reloaded page. The repair locks and reads the segment afresh, so `segment` still holds
    the position it had."""
    try:
        repair()
    except services.ReviewError as error:
        return render_segment(request, segment, status=422, error=str(error))
    messages.success(request, done)
    return _review_at(request, segment.translation, segment.position)


@login_required
@require_POST
def segment_merge(request: HttpRequest, segment_id: int) -> HttpResponse:
    segment = segment_for(request, segment_id)
    return _repair(
        request,
        segment,
        partial(services.segment_merge_with_next, segment=segment, user=request.user),
        f"Segments {segment.number} and {segment.number + 1} are now one segment.",
    )


@login_required
@require_POST
def segment_split(request: HttpRequest, segment_id: int) -> HttpResponse:
    segment = segment_for(request, segment_id)
    form = SplitForm(request.POST)
    if not form.is_valid():
        return render_segment(
            request,
            segment,
            status=422,
            error="Click in the text where it should be split, then split.",
        )
    side = Side(form.cleaned_data["side"]).label.lower()
    return _repair(
        request,
        segment,
        partial(services.segment_split, segment=segment, user=request.user, **form.cleaned_data),
        f"The {side} of segment {segment.number} is now split into two segments.",
    )


@login_required
@require_POST
def alignment_undo(request: HttpRequest, document_id: int) -> HttpResponse:
    document = document_for(request, document_id)
    translation = translation_for(request, document, request.POST.get("translation"))
    change = services.alignment_change_last(translation)
    if change is None:
        messages.error(request, "There is no alignment change to undo.")
        return _review_at(request, translation, 0)
    try:
        services.alignment_change_undo(change=change, user=request.user)
    except services.ReviewError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Undid the {change.kind} at segment {change.position + 1}.")
    return _review_at(request, translation, change.position)
