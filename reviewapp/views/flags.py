"""Resolving and deleting flags; flags are created from the review screen."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_POST

from reviewapp import services
from reviewapp.access import flag_for
from reviewapp.views.review import after_segment_change


@login_required
@require_POST
def flag_resolve(request: HttpRequest, flag_id: int) -> HttpResponse:
    flag = flag_for(request, flag_id, change=True)
    resolved = request.POST.get("resolved", "1") == "1"
    services.flag_set_resolved(flag=flag, user=request.user, resolved=resolved)
    return after_segment_change(request, flag.segment)


@login_required
@require_POST
def flag_delete(request: HttpRequest, flag_id: int) -> HttpResponse:
    flag = flag_for(request, flag_id, change=True)
    segment = flag.segment
    flag.delete()
    return after_segment_change(request, segment)
