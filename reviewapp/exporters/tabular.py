"""Spreadsheet-shaped formats: review data as CSV or TSV, and MQM annotations in the WMT layout."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence

from reviewapp.exporters.base import (
    Exporter,
    ExportMeta,
    ExportOptions,
    ExportSegment,
    current_translation,
    exported_text,
    flag_quote,
    flagged_text,
    review_state,
    xml_safe,
)

REVIEW_COLUMNS = (
    "position",
    "paragraph",
    "source",
    "machine_translation",
    "corrected",
    "target",
    "state",
    "approved",
    "flags",
    "open_flags",
    "editor",
    "scores",
)

MQM_COLUMNS = (
    "system",
    "doc",
    "doc_id",
    "seg_id",
    "rater",
    "source",
    "target",
    "category",
    "severity",
    "comment",
)
NO_ERROR = "No-error"

# IANA's text/tab-separated-values forbids tabs and line breaks inside a field
# and defines no quoting, so TSV tools (and WMT's MQM files) use backslash
# escapes; csv.writer's QUOTE_NONE mode would leave a raw line break behind
# its escape character, so fields are escaped by hand (the backslash first).
# Chained str.replace runs in C; str.translate with a mapping is ~10x slower.
_TSV_ESCAPES = (("\\", "\\\\"), ("\t", "\\t"), ("\n", "\\n"), ("\r", "\\r"))


def tsv_field(text: str) -> str:
    escaped = xml_safe(text)
    for character, escape in _TSV_ESCAPES:
        escaped = escaped.replace(character, escape)
    return escaped


def tsv_line(fields: Sequence[str]) -> bytes:
    return ("\t".join(tsv_field(value) for value in fields) + "\n").encode()


def review_row(segment: ExportSegment, options: ExportOptions) -> list[str]:
    return [
        str(segment.position),
        str(segment.paragraph),
        segment.source,
        segment.machine_translation,
        segment.corrected or "",
        exported_text(segment, options),
        review_state(segment),
        "yes" if segment.approved else "no",
        str(len(segment.flags)),
        str(sum(flag.is_open for flag in segment.flags)),
        segment.editor,
        json.dumps(segment.scores, ensure_ascii=False, sort_keys=True) if segment.scores else "",
    ]


class CsvExporter(Exporter):
    """One row per segment, RFC 4180 quoting, with a byte-order mark so Excel reads UTF-8.

    Like TSV it drops the control characters XML forbids: a NUL byte makes
    most tools (and this product's importer) take the file for binary.
    """

    identifier = "csv"
    verbose_name = "CSV spreadsheet (review data)"
    extension = "csv"
    content_type = "text/csv; charset=utf-8"

    def pieces(
        self, segments: Iterable[ExportSegment], meta: ExportMeta, options: ExportOptions
    ) -> Iterator[bytes]:
        row_text = io.StringIO()
        writer = csv.writer(row_text)
        writer.writerow(REVIEW_COLUMNS)
        yield "\ufeff".encode() + row_text.getvalue().encode()
        for segment in segments:
            row_text.seek(0)
            row_text.truncate()
            writer.writerow([xml_safe(value) for value in review_row(segment, options)])
            yield row_text.getvalue().encode()


class TsvExporter(Exporter):
    """The CSV columns, tab-separated, with tabs and line breaks in text backslash-escaped."""

    identifier = "tsv"
    verbose_name = "TSV table (review data)"
    extension = "tsv"
    content_type = "text/tab-separated-values; charset=utf-8"

    def pieces(
        self, segments: Iterable[ExportSegment], meta: ExportMeta, options: ExportOptions
    ) -> Iterator[bytes]:
        yield tsv_line(REVIEW_COLUMNS)
        for segment in segments:
            yield tsv_line(review_row(segment, options))


def marked_span(text: str, start: int, end: int) -> str:
    return f"{text[:start]}<v>{text[start:end]}</v>{text[end:]}"


class MqmExporter(Exporter):
    """MQM error annotations as WMT publishes them: one row per flag, "No-error" for clean rows.

    The flagged words are wrapped in <v>…</v> on the side the flag is on; the
    target is the translation the flags were made on (the current one), since
    MQM rates a text, not the export options.  A flag whose words were edited
    away has no span to mark and keeps only its category, severity and comment.
    """

    identifier = "mqm"
    verbose_name = "MQM annotations (WMT TSV)"
    extension = "mqm.tsv"
    content_type = "text/tab-separated-values; charset=utf-8"

    def pieces(
        self, segments: Iterable[ExportSegment], meta: ExportMeta, options: ExportOptions
    ) -> Iterator[bytes]:
        yield tsv_line(MQM_COLUMNS)
        for segment in segments:
            yield from self.rows(segment, meta)

    def rows(self, segment: ExportSegment, meta: ExportMeta) -> Iterator[bytes]:
        head = [meta.system_name, meta.document_title, meta.document_id, str(segment.position)]
        source = segment.source
        target = current_translation(segment)
        if not segment.flags:
            yield tsv_line([*head, segment.editor, source, target, NO_ERROR, NO_ERROR, ""])
            return
        for flag in segment.flags:
            marked_source, marked_target = source, target
            if flag_quote(segment, flag):
                marked = marked_span(flagged_text(segment, flag), flag.start, flag.end)
                if flag.side == "source":
                    marked_source = marked
                else:
                    marked_target = marked
            rater = flag.author or segment.editor
            fields = [flag.category, flag.severity, flag.comment]
            yield tsv_line([*head, rater, marked_source, marked_target, *fields])
