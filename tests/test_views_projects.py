"""The project list and the project page."""

from django.urls import reverse

from reviewapp import services
from tests.conftest import make_flag


def test_home_lists_the_editors_projects(as_editor, project):
    html = as_editor.get(reverse("home")).content.decode()
    assert project.name in html and reverse("project", args=[project.pk]) in html


def test_home_for_someone_in_no_project(db, django_user_model, client):
    client.force_login(django_user_model.objects.create_user("newcomer"))
    assert "not a member of any project" in client.get(reverse("home")).content.decode()


def test_project_page_lists_documents_with_progress_and_flags(
    as_editor, editor, document, segments
):
    services.segment_set_approved(segment=segments[0], user=editor, approved=True)
    make_flag(segments[1], editor)
    html = as_editor.get(reverse("project", args=[document.project_id])).content.decode()
    assert "Talks in Paris" in html and "English → Arabic" in html
    assert "1 / 4 approved" in html and '<td class="num">1</td>' in html
    assert reverse("document_report", args=[document.pk]) in html


def test_admin_links_only_for_admins(as_admin, as_editor, document):
    url = reverse("project", args=[document.project_id])
    import_link = reverse("import_document", args=[document.project_id])
    assert import_link in as_admin.get(url).content.decode()
    assert import_link not in as_editor.get(url).content.decode()


def test_unknown_project_is_404(as_admin):
    assert as_admin.get(reverse("project", args=[999999])).status_code == 404
