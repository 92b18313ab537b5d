"""What every exporter shares: the data it receives, the options, and the streaming contract.

Exporters are pure: they take plain dataclasses, never model instances, so the
views decide what to query and the formats can be tested without a database.
"""

from __future__ import annotations

import io
import re
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, ClassVar, Literal

from anyascii import anyascii

from reviewapp.languages import base_language

# Big enough that a streaming response is not a storm of tiny writes, small
# enough that memory stays flat however long the document is.
CHUNK_BYTES = 64 * 1024

# Everything XML 1.0 forbids.  The document formats (text, Word) drop the same
# characters so that no format shows a reader something another one hides.
_XML_FORBIDDEN = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

# Target languages whose writing puts no space between sentences.  CLDR (and so
# Babel) has no such property, hence the closed list.
_LANGUAGES_WITHOUT_SPACES = frozenset({"ja", "km", "lo", "my", "th", "zh", "yue", "wuu", "bo"})


class ReviewState(StrEnum):
    """Where a segment stands in review; each format maps it onto its own vocabulary."""

    UNREVIEWED = "unreviewed"  # machine translation nobody has edited or approved
    EDITED = "edited"  # corrected, not yet approved
    APPROVED = "approved"  # approved while some flags are still open
    FINAL = "final"  # approved with every flag resolved


@dataclass(frozen=True, slots=True)
class ExportFlag:
    """An error an editor marked; `start`/`end` index the text of `side` (see `flagged_text`)."""

    side: Literal["source", "target"]
    start: int
    end: int
    category: str
    severity: str
    comment: str = ""
    suggestion: str = ""
    author: str = ""
    resolved: bool = False
    stale: bool = False

    @property
    def is_open(self) -> bool:
        return not (self.resolved or self.stale)


@dataclass(frozen=True, slots=True)
class ExportSegment:
    position: int
    paragraph: int
    source: str
    machine_translation: str
    corrected: str | None = None  # None when nobody edited the machine translation
    approved: bool = False
    flags: list[ExportFlag] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)
    editor: str = ""


@dataclass(frozen=True, slots=True)
class ExportOptions:
    approved_only: bool = False
    fallback_to_mt: bool = True
    mark_unreviewed: bool = False


@dataclass(frozen=True, slots=True)
class ExportMeta:
    project: str
    document_title: str
    document_id: str
    system_name: str
    source_lang: str
    target_lang: str
    exported_by: str
    exported_at: datetime


def exported_text(segment: ExportSegment, options: ExportOptions) -> str:
    """The translation a segment exports as: the correction, else (if allowed) the MT."""
    if segment.corrected is not None:
        return segment.corrected
    return segment.machine_translation if options.fallback_to_mt else ""


def current_translation(segment: ExportSegment) -> str:
    """The translation as it stands now, whatever the options: what target flags index."""
    return segment.machine_translation if segment.corrected is None else segment.corrected


def flagged_text(segment: ExportSegment, flag: ExportFlag) -> str:
    return segment.source if flag.side == "source" else current_translation(segment)


def flag_quote(segment: ExportSegment, flag: ExportFlag) -> str:
    """The words a flag marks, or "" when edits have removed them."""
    if flag.stale:
        return ""
    return flagged_text(segment, flag)[flag.start : flag.end]


def review_state(segment: ExportSegment) -> ReviewState:
    if segment.approved:
        if any(flag.is_open for flag in segment.flags):
            return ReviewState.APPROVED
        return ReviewState.FINAL
    if segment.corrected is None:
        return ReviewState.UNREVIEWED
    return ReviewState.EDITED


def is_unreviewed(segment: ExportSegment) -> bool:
    return review_state(segment) is ReviewState.UNREVIEWED


def selected_segments(
    segments: Iterable[ExportSegment], options: ExportOptions
) -> Iterator[ExportSegment]:
    return (segment for segment in segments if segment.approved or not options.approved_only)


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 cannot carry (controls, lone surrogates).

    Bidi controls such as U+202E are legal characters and stay: they are part
    of the text an editor may need to see.
    """
    return _XML_FORBIDDEN.sub("", text)


def describe_flag(segment: ExportSegment, flag: ExportFlag) -> str:
    """One line a translator can read in a CAT tool's notes pane."""
    parts = [f"[{flag.severity}] {flag.category}"]
    quote = flag_quote(segment, flag)
    if quote:
        parts.append(f"«{quote}» ({flag.side})")
    if flag.comment:
        parts.append(flag.comment)
    if flag.suggestion:
        parts.append(f"suggestion: {flag.suggestion}")
    if flag.author:
        parts.append(f"by {flag.author}")
    if flag.resolved:
        parts.append("resolved")
    if flag.stale:
        parts.append("words since edited away")
    return " — ".join(parts)


def sentence_separator(language: str) -> str:
    return "" if base_language(language) in _LANGUAGES_WITHOUT_SPACES else " "


def slug(text: str) -> str:
    """An ASCII file-name stem; anyascii transliterates titles in any script."""
    stem = re.sub(r"[^a-z0-9]+", "-", anyascii(text).lower()).strip("-")
    return stem[:80].rstrip("-") or "document"


def batched(pieces: Iterable[bytes], size: int = CHUNK_BYTES) -> Iterator[bytes]:
    """Joins small pieces into chunks of about `size` bytes, holding at most one chunk."""
    pending: list[bytes] = []
    pending_bytes = 0
    for piece in pieces:
        pending.append(piece)
        pending_bytes += len(piece)
        if pending_bytes >= size:
            yield b"".join(pending)
            pending.clear()
            pending_bytes = 0
    if pending:
        yield b"".join(pending)


class Exporter(ABC):
    """One export format.  `stream` consumes the segments lazily and yields byte chunks.

    Segments must arrive in document order (by position): formats that group
    by paragraph do so on the fly, without looking ahead.
    """

    identifier: ClassVar[str]
    verbose_name: ClassVar[str]
    extension: ClassVar[str]
    content_type: ClassVar[str]

    def filename(self, meta: ExportMeta) -> str:
        return f"{slug(meta.document_title)}.{base_language(meta.target_lang)}.{self.extension}"

    def stream(
        self,
        segments: Iterable[ExportSegment],
        meta: ExportMeta,
        options: ExportOptions | None = None,
    ) -> Iterator[bytes]:
        chosen = options or ExportOptions()
        return batched(self.pieces(selected_segments(segments, chosen), meta, chosen))

    @abstractmethod
    def pieces(
        self, segments: Iterable[ExportSegment], meta: ExportMeta, options: ExportOptions
    ) -> Iterator[bytes]:
        """The document as a sequence of small byte strings, from already selected segments."""


class ZipSink(io.RawIOBase):
    """The file zipfile writes to: it keeps what was written until the generator takes it.

    Being unseekable makes zipfile follow each member with a data descriptor
    instead of seeking back to its header, which is what lets the file stream.
    """

    def __init__(self) -> None:
        super().__init__()
        self._pending = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self._pending += data
        return len(data)

    def take(self) -> bytes:
        taken = bytes(self._pending)
        self._pending.clear()
        return taken
