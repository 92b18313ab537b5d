"""The JSON REST API for automation: the review data, edits and exports, behind API tokens.

It reuses the pages' rules rather than restating them: the bearer token sets
`request.user`, so the access helpers (reviewapp/access.py) decide what a
caller may see exactly as for the pages, and every write goes through
reviewapp/services.py.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime
from typing import Any, Self

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils import timezone
from ninja import Field, NinjaAPI, Query, Schema, Status
from ninja.openapi.docs import Swagger
from ninja.renderers import JSONRenderer
from ninja.security import HttpBearer
from pydantic import model_validator

from reviewapp import services
from reviewapp.access import document_for, flag_for, project_for, segment_for, translation_for
from reviewapp.alignment import align_document
from reviewapp.exporters import ExportOptions
from reviewapp.exporting import UnknownFormat, export_project, export_translation
from reviewapp.importers import ImportRejected, read_bilingual
from reviewapp.languages import is_known_language
from reviewapp.models import (
    ApiToken,
    Category,
    Document,
    Flag,
    Project,
    Segment,
    Severity,
    Side,
    Translation,
)
from reviewapp.reports import load_report_data, scores_json, system_scores
from reviewapp.views.exports import streamed

KEY_PREFIX = "rvw_"
# Enough of the key to tell tokens apart in a list, far too little to guess the rest.
SHOWN_PREFIX_LENGTH = 12
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500


# --- tokens -----------------------------------------------------------------------------


def key_hash(key: str) -> str:
    # Keys are 256 random bits, so a plain fast hash is enough: nothing to brute-force.
    return hashlib.sha256(key.encode()).hexdigest()


def api_token_create(*, user: AbstractBaseUser, name: str) -> tuple[ApiToken, str]:
    """A new token and its key; the key is not stored and cannot be shown again."""
    name = name.strip()
    if not name:
        raise services.ReviewError("Give the token a name, such as the script that will use it.")
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name[:100], prefix=key[:SHOWN_PREFIX_LENGTH], key_hash=key_hash(key)
    )
    return token, key


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> AbstractBaseUser | None:
        found = (
            ApiToken.objects.select_related("user")
            .filter(key_hash=key_hash(token), user__is_active=True)
            .first()
        )
        if found is None:
            return None
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
        request.user = found.user
        return found.user


class LocalSwagger(Swagger):
    """Swagger UI from the files django-ninja ships, never from a CDN.

    ninja falls back to a CDN page when it is not an installed app, because
    only then are its templates and static files found; this refuses instead.
    """

    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs: Any) -> HttpResponse:
        if not apps.is_installed("ninja"):
            raise Http404("The API docs page needs 'ninja' in INSTALLED_APPS.")
        return super().render_page(request, api, **kwargs)


class UnicodeJSONRenderer(JSONRenderer):
    # Arabic (or any script) stays readable in the responses instead of \uXXXX escapes.
    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    title="Translation review API",
    version="1",
    description="Projects, documents, segments, flags, edits, scores and exports. "
    "Send `Authorization: Bearer <key>` with a key from the API tokens page.",
    auth=TokenAuth(),
    urls_namespace="api",
    docs=LocalSwagger(),
    renderer=UnicodeJSONRenderer(),
)


def _error(request: HttpRequest, message: str, status: int) -> HttpResponse:
    return api.create_response(request, {"detail": message}, status=status)


@api.exception_handler(PermissionDenied)
def _forbidden(request: HttpRequest, error: PermissionDenied) -> HttpResponse:
    return _error(request, str(error) or "You may not do this.", 403)


@api.exception_handler(services.ReviewError)
@api.exception_handler(ImportRejected)
@api.exception_handler(UnknownFormat)
def _unprocessable(request: HttpRequest, error: ValueError) -> HttpResponse:
    return _error(request, str(error), 422)


# --- schemas ----------------------------------------------------------------------------


class ErrorOut(Schema):
    detail: str


class ProjectOut(Schema):
    id: int
    name: str
    created_at: datetime


class TranslationOut(Schema):
    id: int
    system: str
    created_at: datetime


class DocumentOut(Schema):
    id: int
    project_id: int
    title: str
    source_lang: str
    target_lang: str
    created_at: datetime
    translations: list[TranslationOut]

    @staticmethod
    def resolve_translations(document: Document) -> list[Translation]:
        return list(document.translations.all())


class FlagOut(Schema):
    id: int
    segment_id: int
    side: Side
    start: int
    end: int
    quote: str
    stale: bool
    category: Category
    severity: Severity
    comment: str
    suggestion: str
    author: str | None
    created_at: datetime
    resolved: bool
    from_check: str

    @staticmethod
    def resolve_author(flag: Flag) -> str | None:
        return flag.author.get_username() if flag.author else None

    @staticmethod
    def resolve_resolved(flag: Flag) -> bool:
        return flag.is_resolved


class SegmentOut(Schema):
    id: int
    translation_id: int
    position: int
    paragraph: int
    source_text: str
    mt_text: str
    text: str
    version: int
    approved: bool
    approved_at: datetime | None
    flags: list[FlagOut]

    @staticmethod
    def resolve_approved(segment: Segment) -> bool:
        return segment.is_approved

    @staticmethod
    def resolve_flags(segment: Segment) -> list[Flag]:
        return list(segment.flags.all())


class SegmentPage(Schema):
    items: list[SegmentOut]
    page: int
    page_size: int
    count: int
    next_page: int | None


class DocumentIn(Schema):
    """Either the two texts (paragraphs separated by blank lines) or one bilingual file."""

    title: str = Field(min_length=1, max_length=300)
    source_lang: str | None = Field(None, description="Required with texts; files may declare it.")
    target_lang: str | None = Field(None, description="Required with texts; files may declare it.")
    system: str = Field("Machine translation", min_length=1, max_length=100)
    source_text: str | None = None
    translation_text: str | None = None
    file_name: str | None = Field(None, description="Its extension names the format: .tmx, .xlf…")
    file_content: str | None = Field(None, description="The bilingual file's text.")

    @model_validator(mode="after")
    def one_kind_of_content(self) -> Self:
        texts = (self.source_text, self.translation_text)
        file = (self.file_name, self.file_content)
        has_texts, has_file = any(v is not None for v in texts), any(v is not None for v in file)
        if has_texts == has_file:
            raise ValueError("Send either source_text and translation_text, or a bilingual file.")
        if None in (texts if has_texts else file):
            raise ValueError(
                "Send both source_text and translation_text."
                if has_texts
                else "Send both file_name and file_content."
            )
        return self


class DocumentCreated(Schema):
    document: DocumentOut
    segment_count: int
    warnings: list[str]


class EditIn(Schema):
    text: str
    base_version: int = Field(ge=0, description="The version the correction was made on.")


class ConflictOut(Schema):
    detail: str
    theirs: str = Field(description="The text saved meanwhile.")
    mine: str = Field(description="The text this request tried to save.")
    version: int
    base_version: int


class ApprovalIn(Schema):
    approved: bool = True


class FlagIn(Schema):
    side: Side = Side.TARGET
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    version: int | None = Field(
        None, ge=0, description="The translation version the offsets index; now if omitted."
    )
    category: Category
    severity: Severity
    comment: str = ""
    suggestion: str = ""


class ResolveIn(Schema):
    resolved: bool = True


class MetricOut(Schema):
    name: str
    score: float
    signature: str = Field(description="sacrebleu's signature: how the score was computed.")


class SystemScores(Schema):
    """One system's scores; MQM and ESA as reviewapp.reports computes them."""

    label: str = Field(description="The system's name.")
    target_lang: str
    segments: int
    post_edit: dict[str, MetricOut] = Field(
        description="BLEU, chrF, chrF++ and TER of the machine translation against the "
        "corrected text."
    )
    reference: dict[str, MetricOut] | None = Field(
        description="The same against imported reference translations, where there are any."
    )
    reference_segments: int
    mqm: dict[str, Any] | None
    esa: dict[str, Any]


class ExportQuery(Schema):
    format: str = Field(description="txt, docx, tmx, xliff12, xliff20, csv, tsv, jsonl or mqm.")
    approved_only: bool = False
    fallback_to_mt: bool = True
    mark_unreviewed: bool = False

    def options(self) -> ExportOptions:
        return ExportOptions(
            approved_only=self.approved_only,
            fallback_to_mt=self.fallback_to_mt,
            mark_unreviewed=self.mark_unreviewed,
        )


# --- queries ----------------------------------------------------------------------------


def documents_with_translations() -> QuerySet[Document]:
    return Document.objects.prefetch_related("translations")


def segments_with_flags() -> QuerySet[Segment]:
    return Segment.objects.prefetch_related(
        Prefetch("flags", queryset=Flag.objects.select_related("author"))
    )


def segment_out(segment: Segment) -> Segment:
    """The segment as saved, with what SegmentOut reads."""
    return segments_with_flags().get(pk=segment.pk)


def checked_language(code: str | None, role: str) -> str:
    if not code:
        raise services.ReviewError(f"Give the {role} language (for example en or ar).")
    if not is_known_language(code):
        raise services.ReviewError(f"{code!r} is not a known language code.")
    return code


# --- endpoints --------------------------------------------------------------------------


@api.get("/projects", response=list[ProjectOut], tags=["projects"])
def list_projects(request: HttpRequest) -> QuerySet[Project]:
    return Project.objects.visible_to(request.user)


@api.get("/projects/{project_id}", response=ProjectOut, tags=["projects"])
def get_project(request: HttpRequest, project_id: int) -> Project:
    return project_for(request, project_id)


@api.get("/projects/{project_id}/documents", response=list[DocumentOut], tags=["documents"])
def list_documents(request: HttpRequest, project_id: int) -> QuerySet[Document]:
    project = project_for(request, project_id)
    return documents_with_translations().filter(project=project)


@api.post(
    "/projects/{project_id}/documents",
    response={201: DocumentCreated, 403: ErrorOut, 422: ErrorOut},
    tags=["documents"],
)
def create_document(
    request: HttpRequest, project_id: int, payload: DocumentIn
) -> Status[dict[str, Any]]:
    """Admins only. Texts are split into sentences and aligned; files keep their own pairs."""
    project = project_for(request, project_id, admin=True)
    warnings: list[str] = []
    if payload.file_content is not None:
        imported = read_bilingual(
            payload.file_name or "",
            payload.file_content.encode("utf-8"),
            max_bytes=settings.IMPORT_MAX_BYTES,
            declared_encoding="utf-8",
        )
        warnings = imported.warnings
        source_lang = checked_language(payload.source_lang or imported.source_lang, "source")
        target_lang = checked_language(payload.target_lang or imported.target_lang, "target")
        pairs = [services.SegmentPair(p.paragraph, p.source, p.target) for p in imported.pairs]
    else:
        source_lang = checked_language(payload.source_lang, "source")
        target_lang = checked_language(payload.target_lang, "target")
        aligned = align_document(
            payload.source_text or "", payload.translation_text or "", source_lang, target_lang
        )
        pairs = [services.SegmentPair(a.paragraph, a.source, a.target) for a in aligned]
    document = services.document_create(
        project=project,
        title=payload.title,
        source_lang=source_lang,
        target_lang=target_lang,
        pairs=pairs,
        user=request.user,
        system=payload.system,
    )
    return Status(
        201,
        {
            "document": documents_with_translations().get(pk=document.pk),
            "segment_count": document.segments().count(),
            "warnings": warnings,
        },
    )


@api.get("/documents/{document_id}", response=DocumentOut, tags=["documents"])
def get_document(request: HttpRequest, document_id: int) -> Document:
    document = document_for(request, document_id)
    return documents_with_translations().get(pk=document.pk)


@api.get("/documents/{document_id}/segments", response=SegmentPage, tags=["segments"])
def list_segments(
    request: HttpRequest,
    document_id: int,
    translation: int | None = None,
    page: int = Query(1, ge=1),
    page_size: int = Query(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE),
) -> dict[str, Any]:
    """One page of a translation's segments in document order (the first system by default)."""
    document = document_for(request, document_id)
    chosen = translation_for(request, document, str(translation) if translation else None)
    count = chosen.segments.count()
    offset = (page - 1) * page_size
    items = list(
        segments_with_flags()
        .filter(translation=chosen)
        .order_by("position")[offset : offset + page_size]
    )
    return {
        "items": items,
        "page": page,
        "page_size": page_size,
        "count": count,
        "next_page": page + 1 if offset + page_size < count else None,
    }


@api.get("/segments/{segment_id}", response=SegmentOut, tags=["segments"])
def get_segment(request: HttpRequest, segment_id: int) -> Segment:
    return segment_out(segment_for(request, segment_id))


@api.put(
    "/segments/{segment_id}/text",
    response={200: SegmentOut, 409: ConflictOut, 422: ErrorOut},
    tags=["edits"],
)
def save_text(request: HttpRequest, segment_id: int, payload: EditIn) -> Status[Any]:
    """Save a correction made on `base_version`; 409 with both texts if someone saved since."""
    segment = segment_for(request, segment_id)
    try:
        services.segment_save_text(
            segment=segment, user=request.user, text=payload.text, base_version=payload.base_version
        )
    except services.EditConflict as conflict:
        return Status(
            409,
            {
                "detail": str(conflict),
                "theirs": conflict.segment.text,
                "mine": conflict.attempted_text,
                "version": conflict.segment.version,
                "base_version": conflict.base_version,
            },
        )
    return Status(200, segment_out(segment))


@api.post("/segments/{segment_id}/approval", response=SegmentOut, tags=["edits"])
def set_approval(request: HttpRequest, segment_id: int, payload: ApprovalIn) -> Segment:
    segment = segment_for(request, segment_id)
    services.segment_set_approved(segment=segment, user=request.user, approved=payload.approved)
    return segment_out(segment)


@api.get("/segments/{segment_id}/flags", response=list[FlagOut], tags=["flags"])
def list_flags(request: HttpRequest, segment_id: int) -> list[Flag]:
    return list(segment_out(segment_for(request, segment_id)).flags.all())


@api.post("/segments/{segment_id}/flags", response={201: FlagOut, 422: ErrorOut}, tags=["flags"])
def create_flag(request: HttpRequest, segment_id: int, payload: FlagIn) -> Status[Flag]:
    segment = segment_for(request, segment_id)
    flag = services.flag_create(
        segment=segment,
        user=request.user,
        side=payload.side,
        start=payload.start,
        end=payload.end,
        version=segment.version if payload.version is None else payload.version,
        category=payload.category,
        severity=payload.severity,
        comment=payload.comment,
        suggestion=payload.suggestion,
    )
    return Status(201, flag)


@api.post("/flags/{flag_id}/resolve", response={200: FlagOut, 403: ErrorOut}, tags=["flags"])
def resolve_flag(request: HttpRequest, flag_id: int, payload: ResolveIn) -> Flag:
    flag = flag_for(request, flag_id, change=True)
    services.flag_set_resolved(flag=flag, user=request.user, resolved=payload.resolved)
    return flag


@api.delete("/flags/{flag_id}", response={204: None, 403: ErrorOut}, tags=["flags"])
def delete_flag(request: HttpRequest, flag_id: int) -> Status[None]:
    flag_for(request, flag_id, change=True).delete()
    return Status(204, None)


def scores_by_system(project: Project, segments: QuerySet[Segment]) -> list[dict[str, Any]]:
    return [scores_json(scores) for scores in system_scores(load_report_data(project, segments))]


@api.get("/documents/{document_id}/scores", response=list[SystemScores], tags=["scores"])
def document_scores(request: HttpRequest, document_id: int) -> list[dict[str, Any]]:
    """Corpus scores per machine translation system, as on the document's report."""
    document = document_for(request, document_id)
    return scores_by_system(document.project, document.segments())


@api.get("/projects/{project_id}/scores", response=list[SystemScores], tags=["scores"])
def project_scores(request: HttpRequest, project_id: int) -> list[dict[str, Any]]:
    """Corpus scores per machine translation system over every document of the project."""
    project = project_for(request, project_id)
    return scores_by_system(project, Segment.objects.filter(translation__document__project=project))


@api.get(
    "/documents/{document_id}/export",
    response={200: None, 403: ErrorOut, 422: ErrorOut},
    tags=["exports"],
)
def export_document(
    request: HttpRequest,
    document_id: int,
    query: Query[ExportQuery],
    translation: int | None = None,
) -> StreamingHttpResponse:
    """Admins only: the document in any export format, streamed."""
    document = document_for(request, document_id, admin=True)
    chosen = translation_for(request, document, str(translation) if translation else None)
    return streamed(
        export_translation(
            translation=chosen, identifier=query.format, options=query.options(), user=request.user
        )
    )


@api.get(
    "/projects/{project_id}/export",
    response={200: None, 403: ErrorOut, 422: ErrorOut},
    tags=["exports"],
)
def export_whole_project(
    request: HttpRequest, project_id: int, query: Query[ExportQuery]
) -> StreamingHttpResponse:
    """Admins only: every document and system of the project as one zip, streamed."""
    project = project_for(request, project_id, admin=True)
    return streamed(
        export_project(
            project=project, identifier=query.format, options=query.options(), user=request.user
        )
    )
