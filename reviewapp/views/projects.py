"""Project list and project page."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from reviewapp.access import project_for
from reviewapp.models import Project


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    projects = Project.objects.visible_to(request.user)
    return render(request, "reviewapp/home.html", {"projects": projects})


@login_required
@require_GET
def project(request: HttpRequest, project_id: int) -> HttpResponse:
    project = project_for(request, project_id)
    documents = list(project.documents_with_progress())
    for document in documents:
        document.percent = (
            round(100 * document.approved_count / document.segment_count)
            if document.segment_count
            else 0
        )
    return render(request, "reviewapp/project.html", {"project": project, "documents": documents})
