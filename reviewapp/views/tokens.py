"""API tokens of the logged-in user: create one (its key is shown once) or revoke one."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods, require_POST

from reviewapp.access import api_token_for
from reviewapp.api import api_token_create
from reviewapp.services import ReviewError

TEMPLATE = "reviewapp/api_tokens.html"


def _render(
    request: HttpRequest, *, status: int = 200, new_key: str = "", error: str = ""
) -> TemplateResponse:
    context = {"tokens": request.user.api_tokens.all(), "new_key": new_key, "error": error}
    template = TEMPLATE + "#token-panel" if request.htmx else TEMPLATE
    return TemplateResponse(request, template, context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def api_tokens(request: HttpRequest) -> HttpResponse:
    """The token list; a POST creates a token and shows its key this once."""
    if request.method == "GET":
        return _render(request)
    try:
        _, key = api_token_create(user=request.user, name=request.POST.get("name", ""))
    except ReviewError as error:
        return _render(request, status=422, error=str(error))
    return _render(request, new_key=key)


@login_required
@require_POST
def api_token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    api_token_for(request, token_id).delete()
    if request.htmx:
        return _render(request)
    return redirect("api_tokens")
