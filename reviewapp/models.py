"""The review data: projects, documents, segment pairs and what editors do to them."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from reviewapp.languages import language_name, text_direction

User = settings.AUTH_USER_MODEL
AnyUser = AbstractBaseUser | AnonymousUser


def is_admin(user: AnyUser) -> bool:
    return bool(user.is_authenticated and (user.is_staff or user.is_superuser))


class Category(models.TextChoices):
    """Error categories after MQM, with the two a newsroom meets most first."""

    MISTRANSLATED_NAME = "mistranslated_name", "Mistranslated name"
    AWKWARD = "awkward", "Awkward phrasing (literal, unnatural)"
    MISTRANSLATION = "mistranslation", "Mistranslation"
    OMISSION = "omission", "Omission"
    ADDITION = "addition", "Addition"
    UNTRANSLATED = "untranslated", "Untranslated"
    GRAMMAR = "grammar", "Grammar"
    SPELLING = "spelling", "Spelling"
    PUNCTUATION = "punctuation", "Punctuation"
    TERMINOLOGY = "terminology", "Terminology"
    OTHER = "other", "Other"


class Severity(models.TextChoices):
    MINOR = "minor", "Minor"
    MAJOR = "major", "Major"
    CRITICAL = "critical", "Critical"


class Side(models.TextChoices):
    SOURCE = "source", "Source"
    TARGET = "target", "Translation"


class ProjectQuerySet(models.QuerySet["Project"]):
    def visible_to(self, user: AnyUser) -> ProjectQuerySet:
        if is_admin(user):
            return self.all()
        if not user.is_authenticated:
            return self.none()
        return self.filter(memberships__user=user)


class Project(models.Model):
    name = models.CharField(max_length=200, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    members = models.ManyToManyField(User, through="Membership", related_name="projects")
    disabled_checks = models.JSONField(default=list, blank=True)
    mqm_critical_weight = models.FloatField(default=25.0)
    mqm_pass_threshold = models.FloatField(
        default=5.0, help_text="Highest MQM penalty per 100 source words that still passes."
    )

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("project", args=[self.pk])

    def is_member(self, user: AnyUser) -> bool:
        return bool(user.is_authenticated and self.memberships.filter(user_id=user.pk).exists())

    def can_review(self, user: AnyUser) -> bool:
        return is_admin(user) or self.is_member(user)

    def documents_with_progress(self) -> models.QuerySet[Document]:
        return self.documents.annotate(
            segment_count=Count("translations__segments", distinct=True),
            approved_count=Count(
                "translations__segments",
                filter=Q(translations__segments__approved_at__isnull=False),
                distinct=True,
            ),
            open_flag_count=Count(
                "translations__segments__flags",
                filter=Q(translations__segments__flags__resolved_at__isnull=True),
                distinct=True,
            ),
        ).order_by("created_at", "pk")


class Membership(models.Model):
    project = models.ForeignKey(Project, models.CASCADE, related_name="memberships")
    user = models.ForeignKey(User, models.CASCADE, related_name="memberships")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["project", "user"], name="one_membership_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.project}"


class Document(models.Model):
    project = models.ForeignKey(Project, models.CASCADE, related_name="documents")
    title = models.CharField(max_length=300)
    source_lang = models.CharField(max_length=20)
    target_lang = models.CharField(max_length=20)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(User, models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("review", args=[self.pk])

    @property
    def source_dir(self) -> str:
        return text_direction(self.source_lang)

    @property
    def target_dir(self) -> str:
        return text_direction(self.target_lang)

    @property
    def language_pair(self) -> str:
        return f"{language_name(self.source_lang)} → {language_name(self.target_lang)}"

    def segments(self) -> models.QuerySet[Segment]:
        return Segment.objects.filter(translation__document=self)

    def is_complete(self) -> bool:
        segments = self.segments()
        return segments.exists() and not segments.filter(approved_at__isnull=True).exists()


class Translation(models.Model):
    """One machine translation system's output for a document."""

    document = models.ForeignKey(Document, models.CASCADE, related_name="translations")
    system = models.CharField(max_length=100, default="Machine translation")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "system"], name="one_translation_per_system"
            )
        ]

    def __str__(self) -> str:
        return f"{self.document} ({self.system})"


class Segment(models.Model):
    """A sentence pair: the source, its machine translation and the current correction.

    `mt_text` is never changed after import; every correction is a Revision,
    and `text`/`version` mirror the newest one so pages need no extra query.
    """

    translation = models.ForeignKey(Translation, models.CASCADE, related_name="segments")
    position = models.PositiveIntegerField()
    paragraph = models.PositiveIntegerField()
    source_text = models.TextField()
    mt_text = models.TextField()
    text = models.TextField()
    version = models.PositiveIntegerField(default=0)
    reference_text = models.TextField(blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(User, models.SET_NULL, null=True, blank=True, related_name="+")
    esa_score = models.PositiveSmallIntegerField(null=True, blank=True)
    score_stats = models.JSONField(null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["translation", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["translation", "position"], name="one_segment_per_position"
            )
        ]

    def __str__(self) -> str:
        return f"{self.translation} #{self.position}"

    @property
    def number(self) -> int:
        return self.position + 1

    @property
    def is_approved(self) -> bool:
        return self.approved_at is not None

    @property
    def is_edited(self) -> bool:
        return self.version > 0

    def text_of_side(self, side: str) -> str:
        return self.source_text if side == Side.SOURCE else self.text


class Revision(models.Model):
    segment = models.ForeignKey(Segment, models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    text = models.TextField()
    author = models.ForeignKey(User, models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    restored_from = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["segment", "number"]
        constraints = [
            models.UniqueConstraint(fields=["segment", "number"], name="one_revision_per_number")
        ]

    def __str__(self) -> str:
        return f"{self.segment} v{self.number}"


class Flag(models.Model):
    """An error an editor marked on a span of the source or the translation.

    `made_on_version`, `made_start` and `made_end` keep the offsets into the
    exact text the editor saw; `start`/`end` follow the words through later
    edits, and `stale` says the words are gone.
    """

    segment = models.ForeignKey(Segment, models.CASCADE, related_name="flags")
    side = models.CharField(max_length=10, choices=Side.choices, default=Side.TARGET)
    made_on_version = models.PositiveIntegerField()
    made_start = models.PositiveIntegerField()
    made_end = models.PositiveIntegerField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    quote = models.TextField()
    stale = models.BooleanField(default=False)
    category = models.CharField(max_length=30, choices=Category.choices)
    severity = models.CharField(max_length=10, choices=Severity.choices)
    comment = models.TextField(blank=True)
    suggestion = models.TextField(blank=True)
    author = models.ForeignKey(User, models.SET_NULL, null=True, related_name="flags")
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(User, models.SET_NULL, null=True, blank=True, related_name="+")
    from_check = models.CharField(
        max_length=50, blank=True, help_text="The check whose finding an editor accepted."
    )

    class Meta:
        ordering = ["segment", "start", "pk"]

    def __str__(self) -> str:
        return f"{self.get_category_display()} ({self.severity}) on {self.segment}"

    @property
    def is_resolved(self) -> bool:
        return self.resolved_at is not None

    def can_change(self, user: AnyUser) -> bool:
        return is_admin(user) or (user.is_authenticated and self.author_id == user.pk)


class ImportJob(models.Model):
    """An import running in the background; its files wait here until the worker takes them."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    project = models.ForeignKey(Project, models.CASCADE, related_name="import_jobs")
    created_by = models.ForeignKey(User, models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    message = models.TextField(blank=True)
    warnings = models.JSONField(default=list, blank=True)
    params = models.JSONField(default=dict, blank=True)
    files = models.JSONField(default=dict, blank=True, help_text="File names by role.")
    source_data = models.BinaryField(null=True, blank=True)
    target_data = models.BinaryField(null=True, blank=True)
    bilingual_data = models.BinaryField(null=True, blank=True)
    document = models.ForeignKey(
        Document, models.SET_NULL, null=True, blank=True, related_name="import_jobs"
    )
    task_id = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Import {self.pk} ({self.status})"


class AlignmentChange(models.Model):
    """A merge or split of segments, with what it replaced, so it can be undone."""

    translation = models.ForeignKey(Translation, models.CASCADE, related_name="alignment_changes")
    kind = models.CharField(max_length=10)
    side = models.CharField(max_length=10, choices=Side.choices)
    position = models.PositiveIntegerField()
    before = models.JSONField()
    after = models.JSONField(default=list)
    created_by = models.ForeignKey(User, models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    undone_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.kind} at {self.position} in {self.translation}"


class CheckFinding(models.Model):
    """A problem an automatic check found; rerunning the checks replaces these rows."""

    segment = models.ForeignKey(Segment, models.CASCADE, related_name="findings")
    check_id = models.CharField(max_length=50)
    kind = models.CharField(max_length=50)
    source_start = models.PositiveIntegerField(null=True, blank=True)
    source_end = models.PositiveIntegerField(null=True, blank=True)
    target_start = models.PositiveIntegerField(null=True, blank=True)
    target_end = models.PositiveIntegerField(null=True, blank=True)
    source_span = models.TextField(blank=True)
    target_span = models.TextField(blank=True)
    message = models.TextField()
    suggestion = models.TextField(blank=True)
    category = models.CharField(max_length=30, choices=Category.choices)
    severity = models.CharField(max_length=10, choices=Severity.choices)
    fingerprint = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["segment", "pk"]
        indexes = [models.Index(fields=["segment", "check_id"])]

    def __str__(self) -> str:
        return f"{self.check_id}: {self.message}"


class CheckDismissal(models.Model):
    """An editor's decision that a finding is not a problem; it outlives reruns."""

    segment = models.ForeignKey(Segment, models.CASCADE, related_name="dismissals")
    check_id = models.CharField(max_length=50)
    fingerprint = models.CharField(max_length=64)
    reason = models.TextField(blank=True)
    dismissed_by = models.ForeignKey(User, models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["segment", "check_id", "fingerprint"], name="one_dismissal_per_finding"
            )
        ]

    def __str__(self) -> str:
        return f"{self.check_id} dismissed on {self.segment}"


class GlossaryEntry(models.Model):
    project = models.ForeignKey(Project, models.CASCADE, related_name="glossary")
    source_term = models.CharField(max_length=300)
    target_term = models.CharField(max_length=300)
    note = models.TextField(blank=True)
    created_by = models.ForeignKey(User, models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["source_term"]
        verbose_name_plural = "glossary entries"
        constraints = [
            models.UniqueConstraint(
                fields=["project", "source_term", "target_term"], name="one_glossary_pair"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source_term} → {self.target_term}"


class PhrasingRule(models.Model):
    """A known bad machine rendering, flagged wherever it appears in a project."""

    project = models.ForeignKey(Project, models.CASCADE, related_name="phrasing_rules")
    pattern = models.CharField(max_length=500)
    is_regex = models.BooleanField(default=False)
    source_condition = models.CharField(max_length=300, blank=True)
    message = models.CharField(max_length=500, blank=True)
    suggestion = models.CharField(max_length=500, blank=True)
    category = models.CharField(max_length=30, choices=Category.choices, default=Category.AWKWARD)
    severity = models.CharField(max_length=10, choices=Severity.choices, default=Severity.MAJOR)
    enabled = models.BooleanField(default=True)
    created_by = models.ForeignKey(User, models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pattern"]

    def __str__(self) -> str:
        return self.pattern


class ExportRecord(models.Model):
    user = models.ForeignKey(User, models.SET_NULL, null=True, related_name="+")
    project = models.ForeignKey(Project, models.CASCADE, related_name="exports")
    document = models.ForeignKey(
        Document, models.SET_NULL, null=True, blank=True, related_name="exports"
    )
    format = models.CharField(max_length=30)
    options = models.JSONField(default=dict, blank=True)
    segment_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.format} export by {self.user} at {self.created_at:%Y-%m-%d %H:%M}"


class ApiToken(models.Model):
    """A token for the REST API; only its hash is stored."""

    user = models.ForeignKey(User, models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=12)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
