"""JSON Lines: one object per line.

Keys: the source under "source" (or "src"), the translation under "target" (or "tgt",
"mt", "translation", the names MT toolkits and quality-estimation datasets use). An
optional integer "paragraph" groups lines into paragraphs (otherwise every line is its own
paragraph); optional "source_lang" / "target_lang" on any line give the languages.
"""

from __future__ import annotations

import json
import re
from collections.abc import Hashable
from typing import Any

from reviewapp.importers.base import (
    BilingualDocument,
    BilingualFormat,
    ImportRejected,
    decode_bytes,
    make_document,
)

SOURCE_KEYS = ("source", "src")
TARGET_KEYS = ("target", "tgt", "mt", "translation")
JSON_OBJECT_LINE = re.compile(r"^\s*\{.*\}\s*$", re.M)


def first_text(record: dict[str, Any], keys: tuple[str, ...], line: int, role: str) -> str:
    for key in keys:
        if key in record:
            value = record[key]
            if not isinstance(value, str):
                raise ImportRejected(f"Line {line}: “{key}” must be a string.")
            return value
    names = " or ".join(f"“{key}”" for key in keys)
    raise ImportRejected(f"Line {line}: the {role} is missing (expected {names}).")


class JsonLinesFormat(BilingualFormat):
    identifier = "jsonl"
    label = "JSON Lines"
    extensions = (".jsonl", ".ndjson")

    def sniff(self, data: bytes, head: str) -> bool:
        first_line = head.lstrip().split("\n", 1)[0]
        return bool(JSON_OBJECT_LINE.match(first_line)) and any(
            f'"{key}"' in first_line for key in SOURCE_KEYS
        )

    def read(
        self, data: bytes, *, max_bytes: int, declared_encoding: str | None
    ) -> BilingualDocument:
        decoded = decode_bytes(data, declared_encoding)
        rows: list[tuple[str, str, Hashable]] = []
        languages: dict[str, str] = {}
        for line, text in enumerate(decoded.text.split("\n"), start=1):
            if not text.strip():
                continue
            try:
                record = json.loads(text)
            except json.JSONDecodeError as error:
                raise ImportRejected(f"Line {line} is not valid JSON: {error.msg}.") from None
            if not isinstance(record, dict):
                raise ImportRejected(f"Line {line} is not a JSON object.")
            paragraph = record.get("paragraph")
            if paragraph is not None and (
                not isinstance(paragraph, int) or isinstance(paragraph, bool)
            ):
                raise ImportRejected(f"Line {line}: “paragraph” must be a whole number.")
            for key in ("source_lang", "target_lang"):
                if isinstance(record.get(key), str):
                    languages.setdefault(key, record[key])
            rows.append(
                (
                    first_text(record, SOURCE_KEYS, line, "source"),
                    first_text(record, TARGET_KEYS, line, "translation"),
                    ("line", line) if paragraph is None else ("paragraph", paragraph),
                )
            )
        return make_document(
            rows,
            source_lang=languages.get("source_lang"),
            target_lang=languages.get("target_lang"),
            warnings=decoded.warnings(),
        )
