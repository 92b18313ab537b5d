"""Review data as JSON Lines: one self-contained object per segment."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from typing import Any

from reviewapp.exporters.base import (
    Exporter,
    ExportMeta,
    ExportOptions,
    ExportSegment,
    exported_text,
    flag_quote,
    review_state,
)

# json.dumps leaves these raw with ensure_ascii=False, yet str.splitlines()
# and many line readers break on them: escaped, one object stays one line.
_LINE_BREAKING_ESCAPES = (("\x85", "\\u0085"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def one_json_line(record: dict[str, Any]) -> str:
    line = json.dumps(record, ensure_ascii=False)
    for character, escape in _LINE_BREAKING_ESCAPES:
        line = line.replace(character, escape)
    return line


def segment_record(
    segment: ExportSegment, meta: ExportMeta, options: ExportOptions
) -> dict[str, Any]:
    return {
        "document_id": meta.document_id,
        "position": segment.position,
        "paragraph": segment.paragraph,
        "source_lang": meta.source_lang,
        "target_lang": meta.target_lang,
        "source": segment.source,
        "machine_translation": segment.machine_translation,
        "corrected": segment.corrected,
        "target": exported_text(segment, options),
        "state": review_state(segment),
        "approved": segment.approved,
        "editor": segment.editor,
        "flags": [{**asdict(flag), "quote": flag_quote(segment, flag)} for flag in segment.flags],
        "scores": segment.scores,
    }


class JsonLinesExporter(Exporter):
    identifier = "jsonl"
    verbose_name = "JSON Lines (review data)"
    extension = "jsonl"
    content_type = "application/jsonl"

    def pieces(
        self, segments: Iterable[ExportSegment], meta: ExportMeta, options: ExportOptions
    ) -> Iterator[bytes]:
        for segment in segments:
            yield (one_json_line(segment_record(segment, meta, options)) + "\n").encode()
