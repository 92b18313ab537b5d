"""From the database to the exporters: segments read in chunks, exports recorded, project zips.

Everything here is lazy: a document of any length is read `CHUNK_SIZE` rows
at a time (with the flags of those rows only) and turned into ExportSegment
rows one by one, so the pages, the API and the command stream in flat memory.
"""

from __future__ import annotations

import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import batched
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone

from reviewapp.exporters import EXPORTERS, Exporter, ExportFlag, ExportMeta, ExportOptions
from reviewapp.exporters.base import ExportSegment, ZipSink, slug
from reviewapp.models import (
    Document,
    ExportRecord,
    Flag,
    Project,
    Revision,
    Segment,
    Side,
    Translation,
)
from reviewapp.reports import POST_EDIT
from reviewapp.scoring import SegmentStats, segment_scores

# Rows per query: each chunk costs one segment query and one flag query.
CHUNK_SIZE = 2000
ESA_KEY = "esa"
ZIP_CONTENT_TYPE = "application/zip"


class UnknownFormat(ValueError):
    """The format identifier names no exporter; the message lists the known ones."""

    def __init__(self, identifier: str) -> None:
        super().__init__(
            f"Unknown export format {identifier!r}; choose one of {', '.join(EXPORTERS)}."
        )


@dataclass(frozen=True)
class PreparedExport:
    """What a response needs before the first byte: headers, and the bytes to come."""

    content_type: str
    filename: str
    segment_count: int
    chunks: Iterator[bytes]


def exporter_for(identifier: str) -> Exporter:
    exporter_class = EXPORTERS.get(identifier)
    if exporter_class is None:
        raise UnknownFormat(identifier)
    return exporter_class()


def options_record(options: ExportOptions) -> dict[str, bool]:
    return {
        "approved_only": options.approved_only,
        "fallback_to_mt": options.fallback_to_mt,
        "mark_unreviewed": options.mark_unreviewed,
    }


def selected_rows(segments: QuerySet[Segment], options: ExportOptions) -> QuerySet[Segment]:
    # Filtering here as well as in the exporters keeps unapproved rows off the wire
    # and makes the recorded count the exported count.
    return segments.filter(approved_at__isnull=False) if options.approved_only else segments


# Plain values, not model instances: a prefetched flag points back to its segment, and
# those reference cycles wait for the cyclic garbage collector, so memory grew with the
# document; dictionaries are freed as soon as a row is exported.
SEGMENT_FIELDS = (
    "pk",
    "position",
    "paragraph",
    "source_text",
    "mt_text",
    "text",
    "version",
    "approved_at",
    "approved_by__username",
    "last_editor",
    "score_stats",
    "esa_score",
)
FLAG_FIELDS = (
    "segment_id",
    "side",
    "start",
    "end",
    "category",
    "severity",
    "comment",
    "suggestion",
    "author__username",
    "resolved_at",
    "stale",
)
Row = dict[str, Any]


def export_rows(translation: Translation, options: ExportOptions) -> QuerySet[Segment, Row]:
    last_editor = (
        Revision.objects.filter(segment=OuterRef("pk"))
        .order_by("-number")
        .values("author__username")[:1]
    )
    return (
        selected_rows(Segment.objects.filter(translation=translation), options)
        .order_by("position")
        .annotate(last_editor=Subquery(last_editor))
        .values(*SEGMENT_FIELDS)
    )


def flags_by_segment(segment_ids: list[int]) -> dict[int, list[ExportFlag]]:
    flags: dict[int, list[ExportFlag]] = defaultdict(list)
    rows = Flag.objects.filter(segment_id__in=segment_ids).order_by("segment_id", "start", "pk")
    for flag in rows.values(*FLAG_FIELDS):
        flags[flag["segment_id"]].append(
            ExportFlag(
                side="source" if flag["side"] == Side.SOURCE else "target",
                start=flag["start"],
                end=flag["end"],
                category=flag["category"],
                severity=flag["severity"],
                comment=flag["comment"],
                suggestion=flag["suggestion"],
                author=flag["author__username"] or "",
                resolved=flag["resolved_at"] is not None,
                stale=flag["stale"],
            )
        )
    return flags


def stored_scores(row: Row) -> dict[str, float]:
    """Post-edit sentence scores from the cached statistics (none until reports.py has
    scored the segment) and the ESA score."""
    post_edit = (row["score_stats"] or {}).get(POST_EDIT)
    scores = segment_scores(SegmentStats.from_json(post_edit)) if post_edit else {}
    if row["esa_score"] is not None:
        scores[ESA_KEY] = float(row["esa_score"])
    return scores


def export_segment(row: Row, flags: list[ExportFlag]) -> ExportSegment:
    """One row of export_rows, with its flags."""
    return ExportSegment(
        position=row["position"],
        paragraph=row["paragraph"],
        source=row["source_text"],
        machine_translation=row["mt_text"],
        corrected=row["text"] if row["version"] > 0 else None,
        approved=row["approved_at"] is not None,
        flags=flags,
        scores=stored_scores(row),
        editor=row["approved_by__username"] or row["last_editor"] or "",
    )


def export_segments(
    translation: Translation, options: ExportOptions, *, chunk_size: int = CHUNK_SIZE
) -> Iterator[ExportSegment]:
    """The translation's segments in order, read `chunk_size` rows (and their flags) at a time."""
    rows = export_rows(translation, options).iterator(chunk_size=chunk_size)
    for chunk in batched(rows, chunk_size):
        flags = flags_by_segment([row["pk"] for row in chunk])
        for row in chunk:
            yield export_segment(row, flags.get(row["pk"], []))


def export_meta(translation: Translation, user: AbstractBaseUser | None) -> ExportMeta:
    document = translation.document
    return ExportMeta(
        project=document.project.name,
        document_title=document.title,
        document_id=str(document.pk),
        system_name=translation.system,
        source_lang=document.source_lang,
        target_lang=document.target_lang,
        exported_by=user.get_username() if user else "",
        exported_at=timezone.now(),
    )


def record_export(
    *,
    user: AbstractBaseUser | None,
    project: Project,
    document: Document | None,
    exporter: Exporter,
    options: ExportOptions,
    segment_count: int,
    extra: dict[str, Any] | None = None,
) -> ExportRecord:
    return ExportRecord.objects.create(
        user=user,
        project=project,
        document=document,
        format=exporter.identifier,
        options={**options_record(options), **(extra or {})},
        segment_count=segment_count,
    )


def export_translation(
    *,
    translation: Translation,
    identifier: str,
    options: ExportOptions,
    user: AbstractBaseUser | None,
) -> PreparedExport:
    """Records the export and returns its bytes as a lazy stream.

    Raises UnknownFormat before anything is recorded.
    """
    exporter = exporter_for(identifier)
    document = translation.document
    meta = export_meta(translation, user)
    segment_count = selected_rows(translation.segments.all(), options).count()
    record_export(
        user=user,
        project=document.project,
        document=document,
        exporter=exporter,
        options=options,
        segment_count=segment_count,
        extra={"system": translation.system},
    )
    return PreparedExport(
        content_type=exporter.content_type,
        filename=exporter.filename(meta),
        segment_count=segment_count,
        chunks=exporter.stream(export_segments(translation, options), meta, options),
    )


def zip_stream(members: Iterable[tuple[str, Iterable[bytes]]]) -> Iterator[bytes]:
    """A zip archive of (name, chunks) members, yielded as it is written."""
    # Deflate buffers input, so many writes produce nothing yet: skip those.
    return (piece for piece in _zip_pieces(members) if piece)


def _zip_pieces(members: Iterable[tuple[str, Iterable[bytes]]]) -> Iterator[bytes]:
    sink = ZipSink()
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, chunks in members:
            # Member sizes are unknown up front; zip64 headers allow any size.
            with archive.open(name, "w", force_zip64=True) as member:
                for chunk in chunks:
                    member.write(chunk)
                    yield sink.take()
            yield sink.take()
    yield sink.take()


def project_translations(project: Project) -> QuerySet[Translation]:
    return (
        Translation.objects.filter(document__project=project)
        .select_related("document__project")
        .order_by("document__created_at", "document__pk", "created_at", "pk")
    )


def export_project(
    *, project: Project, identifier: str, options: ExportOptions, user: AbstractBaseUser
) -> PreparedExport:
    """Every document and system of the project as one zip, streamed member by member."""
    exporter = exporter_for(identifier)
    segment_count = selected_rows(
        Segment.objects.filter(translation__document__project=project), options
    ).count()
    record_export(
        user=user,
        project=project,
        document=None,
        exporter=exporter,
        options=options,
        segment_count=segment_count,
    )

    def members() -> Iterator[tuple[str, Iterator[bytes]]]:
        for translation in project_translations(project):
            meta = export_meta(translation, user)
            name = f"{translation.document_id}-{slug(translation.system)}-{exporter.filename(meta)}"
            rows = export_segments(translation, options)
            yield name, exporter.stream(rows, meta, options)

    return PreparedExport(
        content_type=ZIP_CONTENT_TYPE,
        filename=f"{slug(project.name)}.{exporter.identifier}.zip",
        segment_count=segment_count,
        chunks=zip_stream(members()),
    )
