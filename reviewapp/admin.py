from django.contrib import admin

from reviewapp import models


class MembershipInline(admin.TabularInline):
    model = models.Membership
    extra = 1
    autocomplete_fields = ["user"]


@admin.register(models.Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ["name", "created_at"]
    search_fields = ["name"]
    inlines = [MembershipInline]


@admin.register(models.Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["project", "user", "created_at"]
    list_filter = ["project"]


@admin.register(models.Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "project", "source_lang", "target_lang", "created_at"]
    list_filter = ["project", "source_lang", "target_lang"]
    search_fields = ["title"]


@admin.register(models.Translation)
class TranslationAdmin(admin.ModelAdmin):
    list_display = ["document", "system", "created_at"]
    search_fields = ["document__title", "system"]


@admin.register(models.Segment)
class SegmentAdmin(admin.ModelAdmin):
    list_display = ["translation", "position", "paragraph", "version", "approved_at"]
    list_filter = ["translation__document__project"]
    search_fields = ["source_text", "text"]
    raw_id_fields = ["translation"]
    readonly_fields = ["mt_text"]


@admin.register(models.Revision)
class RevisionAdmin(admin.ModelAdmin):
    list_display = ["segment", "number", "author", "created_at"]
    raw_id_fields = ["segment"]


@admin.register(models.Flag)
class FlagAdmin(admin.ModelAdmin):
    list_display = ["segment", "side", "category", "severity", "author", "stale", "resolved_at"]
    list_filter = ["category", "severity", "stale"]
    raw_id_fields = ["segment"]


@admin.register(models.ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = ["pk", "project", "status", "progress", "created_by", "created_at"]
    list_filter = ["status"]
    exclude = ["source_data", "target_data", "bilingual_data"]


@admin.register(models.AlignmentChange)
class AlignmentChangeAdmin(admin.ModelAdmin):
    list_display = ["translation", "kind", "side", "position", "created_by", "undone_at"]
    raw_id_fields = ["translation"]


@admin.register(models.CheckFinding)
class CheckFindingAdmin(admin.ModelAdmin):
    list_display = ["segment", "check_id", "kind", "message"]
    list_filter = ["check_id", "kind"]
    raw_id_fields = ["segment"]


@admin.register(models.CheckDismissal)
class CheckDismissalAdmin(admin.ModelAdmin):
    list_display = ["segment", "check_id", "dismissed_by", "created_at"]
    raw_id_fields = ["segment"]


@admin.register(models.GlossaryEntry)
class GlossaryEntryAdmin(admin.ModelAdmin):
    list_display = ["source_term", "target_term", "project"]
    list_filter = ["project"]
    search_fields = ["source_term", "target_term"]


@admin.register(models.PhrasingRule)
class PhrasingRuleAdmin(admin.ModelAdmin):
    list_display = ["pattern", "is_regex", "source_condition", "project", "enabled"]
    list_filter = ["project", "enabled"]


@admin.register(models.ExportRecord)
class ExportRecordAdmin(admin.ModelAdmin):
    list_display = ["format", "project", "document", "user", "created_at"]
    list_filter = ["format"]


@admin.register(models.ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "created_at", "last_used_at"]
    readonly_fields = ["prefix", "key_hash"]
