from django.contrib.auth.models import AnonymousUser

from reviewapp import services
from reviewapp.models import Project
from tests.conftest import make_flag


def test_projects_visible_to_each_role(admin, editor, outsider, project):
    assert project in Project.objects.visible_to(admin)
    assert list(Project.objects.visible_to(editor)) == [project]
    assert project not in Project.objects.visible_to(outsider)
    assert not Project.objects.visible_to(AnonymousUser()).exists()


def test_documents_with_progress_counts(project, document, segments, editor):
    services.segment_set_approved(segment=segments[0], user=editor, approved=True)
    make_flag(segments[1], editor)
    resolved = make_flag(segments[2], editor)
    services.flag_set_resolved(flag=resolved, user=editor, resolved=True)
    row = project.documents_with_progress().get()
    assert (row.segment_count, row.approved_count, row.open_flag_count) == (4, 1, 1)


def test_flag_changes_by_author_or_admin(segments, editor, other_editor, admin):
    flag = make_flag(segments[1], editor)
    assert flag.can_change(editor) and flag.can_change(admin)
    assert not flag.can_change(other_editor) and not flag.can_change(AnonymousUser())


def test_machine_translation_is_never_changed(segments, editor):
    segment = segments[1]
    original = segment.mt_text
    services.segment_save_text(segment=segment, user=editor, text="نص جديد", base_version=0)
    services.segment_restore_revision(segment=segment, user=editor, number=1)
    segment.refresh_from_db()
    assert segment.mt_text == original and segment.version == 2
