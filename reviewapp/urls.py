from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import path

from reviewapp.api import api
from reviewapp.views import alignment, exports, flags, imports, projects, reports, review, tokens

urlpatterns = [
    path("", projects.home, name="home"),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("projects/<int:project_id>/", projects.project, name="project"),
    path("documents/<int:document_id>/", review.review, name="review"),
    path("documents/<int:document_id>/export.txt", exports.export_text, name="export_text"),
    path("segments/<int:segment_id>/", review.segment, name="segment"),
    path("segments/<int:segment_id>/edit/", review.segment_edit, name="segment_edit"),
    path("segments/<int:segment_id>/history/", review.segment_history, name="segment_history"),
    path("segments/<int:segment_id>/restore/", review.segment_restore, name="segment_restore"),
    path("segments/<int:segment_id>/approve/", review.segment_approve, name="segment_approve"),
    path("segments/<int:segment_id>/flags/", review.flag_create, name="flag_create"),
    path("flags/<int:flag_id>/resolve/", flags.flag_resolve, name="flag_resolve"),
    path("flags/<int:flag_id>/delete/", flags.flag_delete, name="flag_delete"),
    path("documents/<int:document_id>/export/", exports.document_export, name="document_export"),
    path("projects/<int:project_id>/export/", exports.project_export, name="project_export"),
    path("api-tokens/", tokens.api_tokens, name="api_tokens"),
    path("api-tokens/<int:token_id>/revoke/", tokens.api_token_revoke, name="api_token_revoke"),
    path("api/", api.urls),
    path("projects/<int:project_id>/import/", imports.import_document, name="import_document"),
    path("projects/<int:project_id>/imports/<int:job_id>/", imports.import_job, name="import_job"),
    path("segments/<int:segment_id>/merge/", alignment.segment_merge, name="segment_merge"),
    path("segments/<int:segment_id>/split/", alignment.segment_split, name="segment_split"),
    path(
        "documents/<int:document_id>/alignment/undo/",
        alignment.alignment_undo,
        name="alignment_undo",
    ),
    path("documents/<int:document_id>/report/", reports.document_report, name="document_report"),
    path("projects/<int:project_id>/report/", reports.project_report, name="project_report"),
    path("segments/<int:segment_id>/esa/", reports.segment_esa, name="segment_esa"),
    path("admin/", admin.site.urls),
]
