"""The one way views reach an object: it exists and this user may see it, or 404/403.

Outsiders get 404 rather than 403 for things in projects they do not belong
to, so the answer does not reveal what exists.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from reviewapp.models import (
    ApiToken,
    CheckFinding,
    Document,
    Flag,
    GlossaryEntry,
    ImportJob,
    PhrasingRule,
    Project,
    Segment,
    Translation,
    is_admin,
)


def _require_review(request: HttpRequest, project: Project) -> None:
    if not project.can_review(request.user):
        raise Http404("No such project.")


def _require_admin(request: HttpRequest) -> None:
    if not is_admin(request.user):
        raise PermissionDenied("Only admins may do this.")


def project_for(request: HttpRequest, project_id: int, *, admin: bool = False) -> Project:
    project = get_object_or_404(Project, pk=project_id)
    _require_review(request, project)
    if admin:
        _require_admin(request)
    return project


def document_for(request: HttpRequest, document_id: int, *, admin: bool = False) -> Document:
    document = get_object_or_404(Document.objects.select_related("project"), pk=document_id)
    _require_review(request, document.project)
    if admin:
        _require_admin(request)
    return document


def translation_for(
    request: HttpRequest, document: Document, translation_id: str | None
) -> Translation:
    translations = document.translations.all()
    if translation_id:
        if not translation_id.isdigit():
            raise Http404("No such translation.")
        return get_object_or_404(translations, pk=int(translation_id))
    translation = translations.first()
    if translation is None:
        raise Http404("This document has no translation.")
    return translation


def segment_for(request: HttpRequest, segment_id: int) -> Segment:
    segment = get_object_or_404(
        Segment.objects.select_related("translation__document__project"), pk=segment_id
    )
    _require_review(request, segment.translation.document.project)
    return segment


def flag_for(request: HttpRequest, flag_id: int, *, change: bool = False) -> Flag:
    flag = get_object_or_404(
        Flag.objects.select_related("segment__translation__document__project"), pk=flag_id
    )
    _require_review(request, flag.segment.translation.document.project)
    if change and not flag.can_change(request.user):
        raise PermissionDenied("Only the flag's author or an admin may change it.")
    return flag


def finding_for(request: HttpRequest, finding_id: int) -> CheckFinding:
    finding = get_object_or_404(
        CheckFinding.objects.select_related("segment__translation__document__project"),
        pk=finding_id,
    )
    _require_review(request, finding.segment.translation.document.project)
    return finding


def glossary_entry_for(request: HttpRequest, entry_id: int) -> GlossaryEntry:
    """Only admins change a glossary."""
    entry = get_object_or_404(GlossaryEntry, pk=entry_id)
    project_for(request, entry.project_id, admin=True)
    return entry


def phrasing_rule_for(request: HttpRequest, rule_id: int) -> PhrasingRule:
    """Only admins change a project's rules."""
    rule = get_object_or_404(PhrasingRule, pk=rule_id)
    project_for(request, rule.project_id, admin=True)
    return rule


def import_job_for(project: Project, job_id: int) -> ImportJob:
    """A job of `project`, which the caller has already reached through project_for."""
    return get_object_or_404(project.import_jobs.select_related("document"), pk=job_id)


def api_token_for(request: HttpRequest, token_id: int) -> ApiToken:
    # Only the user's own tokens are found: anyone else's is a 404, like an unknown id.
    return get_object_or_404(request.user.api_tokens, pk=token_id)
