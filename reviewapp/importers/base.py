"""Shared pieces of the importers: errors, results, byte decoding and the format base classes.

Everything here is pure: bytes in, text or dataclasses out, no Django.
"""

from __future__ import annotations

import codecs
import re
from abc import ABC, abstractmethod
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from charset_normalizer import from_bytes


class ImportRejected(ValueError):
    """The file cannot be imported; the message is shown to the user as is."""


@dataclass(frozen=True)
class ImportedPair:
    source: str
    target: str
    paragraph: int


@dataclass
class PairColumns:
    """Aligned pairs as parallel lists, entry i of each list belonging to pair i.

    Three lists are three objects for the garbage collector to walk, where a file of 50,000
    pairs as pair objects would be 50,000, walked again and again while the import runs.
    """

    sources: list[str]
    targets: list[str]
    paragraphs: list[int]  # numbered from 0, as services.SegmentPair

    def __len__(self) -> int:
        return len(self.sources)

    @property
    def pairs(self) -> list[ImportedPair]:
        return list(map(ImportedPair, self.sources, self.targets, self.paragraphs))


@dataclass
class BilingualDocument(PairColumns):
    source_lang: str | None = None
    target_lang: str | None = None
    # Non-fatal remarks for the user, kept apart from ImportRejected which stops the import.
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    # True when the encoding came from statistical detection, not from a BOM, a declaration
    # or UTF-8 validity: the only case where the reading can be wrong without an error.
    guessed: bool

    def warnings(self) -> list[str]:
        if not self.guessed:
            return []
        return [
            f"The file is not UTF-8; it was read as {self.encoding}. "
            "If letters look wrong, import it again and choose its encoding."
        ]


BINARY_SIGNATURES: dict[bytes, str] = {
    b"\x89PNG\r\n\x1a\n": "a PNG image",
    b"%PDF-": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"PK\x05\x06": "a ZIP archive",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": "an old Word or Excel file (.doc/.xls); save it as .docx",
    b"GIF87a": "a GIF image",
    b"GIF89a": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\x1f\x8b": "a gzip archive",
    b"BZh": "a bzip2 archive",
    b"7z\xbc\xaf\x27\x1c": "a 7-Zip archive",
    b"Rar!\x1a\x07": "a RAR archive",
    b"\x7fELF": "a program",
    b"MZ": "a Windows program",
    b"RIFF": "a media file",
    b"OggS": "a media file",
    b"ID3": "an MP3 file",
    b"\x00\x00\x00\x18ftyp": "a video file",
    b"\x00\x00\x00\x20ftyp": "a video file",
    b"SQLite format 3\x00": "a database file",
}

# UTF-32 LE must be tried before UTF-16 LE: its BOM starts with the UTF-16 LE one.
BYTE_ORDER_MARKS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Control characters other than tab, newline, vertical tab, form feed and carriage return
# never occur in real text; a few stray ones are tolerated, many mean binary data.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
MAX_CONTROL_CHARACTER_SHARE = 0.001

# A well-formed multi-byte UTF-8 sequence. Legacy single-byte text almost never forms these,
# so a file full of them that still fails to decode as UTF-8 is damaged UTF-8, not cp1256.
UTF8_MULTIBYTE_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
NON_ASCII_BYTE = re.compile(rb"[\x80-\xff]")

SNIFF_BYTES = 8192


def format_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size} bytes"


def check_size(data: bytes, max_bytes: int) -> None:
    if len(data) > max_bytes:
        raise ImportRejected(
            f"The file is too large ({format_size(len(data))}); "
            f"the limit is {format_size(max_bytes)}."
        )


def binary_signature(data: bytes) -> str | None:
    """Names the kind of binary file `data` starts like, if any."""
    for signature, description in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            return description
    return None


def not_text(reason: str) -> ImportRejected:
    return ImportRejected(f"The file does not look like text: {reason}.")


def bom_encoding(data: bytes) -> str | None:
    for bom, encoding in BYTE_ORDER_MARKS:
        if data.startswith(bom):
            return encoding
    return None


def utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM, recognised by the NUL high bytes of its ASCII characters."""
    sample = data[:SNIFF_BYTES]
    if len(sample) < 4 or len(data) % 2:
        return None
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / len(sample[1::2])
    # Spaces, digits, punctuation and newlines are ASCII in every script, so even Arabic or
    # CJK UTF-16 text has NULs in a fair share of one byte column and few in the other;
    # legacy 8-bit text has none, and binary data has them evenly spread.
    if odd_nuls >= 0.05 and even_nuls <= odd_nuls / 10:
        return "utf-16-le"
    if even_nuls >= 0.05 and odd_nuls <= even_nuls / 10:
        return "utf-16-be"
    return None


def line_of_offset(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode_strictly(data: bytes, encoding: str, *, said_by: str) -> str:
    try:
        return data.decode(encoding)
    except LookupError:
        raise ImportRejected(f"Unknown text encoding “{encoding}”.") from None
    except UnicodeDecodeError as error:
        line = line_of_offset(data, error.start)
        raise ImportRejected(
            f"{said_by} {encoding}, but line {line} contains bytes that are not valid "
            f"{encoding}. Save the file as UTF-8 or choose its real encoding."
        ) from None


def looks_like_damaged_utf8(data: bytes) -> bool:
    non_ascii = len(NON_ASCII_BYTE.findall(data))
    in_sequences = sum(len(match) for match in UTF8_MULTIBYTE_SEQUENCE.findall(data))
    return non_ascii > 0 and in_sequences / non_ascii > 0.5


def decode_undeclared(data: bytes) -> DecodedText:
    utf16 = utf16_without_bom(data)
    if utf16:
        text = decode_strictly(data, utf16, said_by="The file looks like")
        return DecodedText(text, utf16, False)
    if b"\x00" in data:
        raise not_text("it contains NUL bytes")
    try:
        return DecodedText(data.decode("utf-8"), "utf-8", False)
    except UnicodeDecodeError as error:
        if looks_like_damaged_utf8(data):
            line = line_of_offset(data, error.start)
            raise ImportRejected(
                f"The file is mostly UTF-8 but line {line} contains bytes that are not valid "
                "UTF-8 (mixed or damaged encodings). Save the file as UTF-8 and try again."
            ) from None
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise not_text("it is not valid in any text encoding")
    return DecodedText(str(best), best.encoding, True)


def count_control_characters(data: bytes, decoded: DecodedText) -> int:
    if decoded.encoding in ("utf-8", "utf-8-sig"):
        # UTF-8 writes these characters as the same single bytes and uses those bytes for
        # nothing else, and deleting bytes is four times faster than a regex on the text.
        return len(data) - len(data.translate(None, CONTROL_BYTES))
    return len(CONTROL_CHARACTERS.findall(decoded.text))


def decode_bytes(data: bytes, declared_encoding: str | None = None) -> DecodedText:
    """Decodes file bytes without ever guessing silently wrong.

    A byte order mark wins, then the declared encoding, then UTF-16 recognised by its NUL
    pattern, then UTF-8, and only then statistical detection by charset-normalizer
    (reported through `DecodedText.guessed`). Line endings become "\\n".
    """
    if not data or data.isspace():
        raise ImportRejected("The file is empty.")
    signature = binary_signature(data)
    if signature:
        raise not_text(f"it is {signature}")
    bom = bom_encoding(data)
    if bom:
        decoded = DecodedText(
            decode_strictly(data, bom, said_by="The file starts with a byte order mark for"),
            bom,
            False,
        )
    elif declared_encoding:
        decoded = DecodedText(
            decode_strictly(data, declared_encoding, said_by="The file is declared as"),
            declared_encoding,
            False,
        )
    else:
        decoded = decode_undeclared(data)
    text = decoded.text.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    control_characters = count_control_characters(data, decoded)
    if "\x00" in text or control_characters > MAX_CONTROL_CHARACTER_SHARE * len(text):
        raise not_text("it contains control characters that text files never have")
    if not text or text.isspace():
        raise ImportRejected("The file contains only blank space.")
    return DecodedText(text, decoded.encoding, decoded.guessed)


def decode_text(data: bytes, declared_encoding: str | None = None) -> str:
    return decode_bytes(data, declared_encoding).text


def sniff_head(data: bytes) -> str:
    """The start of the file as text, good enough to recognise markup and delimiters."""
    encoding = bom_encoding(data) or utf16_without_bom(data) or "utf-8"
    head = data[:SNIFF_BYTES]
    if encoding.startswith("utf-16"):
        head = head[: len(head) // 2 * 2]
    return head.decode(encoding, errors="replace").removeprefix("\ufeff")


BLANK_LINES = re.compile(r"\n[ \t\f\v]*\n\s*")


def join_paragraphs(paragraphs: Iterable[str]) -> str:
    """Paragraphs separated by one blank line; empty ones dropped, inner blank lines closed."""
    kept = (BLANK_LINES.sub("\n", paragraph.strip()) for paragraph in paragraphs)
    return "\n\n".join(paragraph for paragraph in kept if paragraph)


def normalize_language_code(code: str | None) -> str | None:
    """BCP 47 spelling ("pt_BR" becomes "pt-BR"); blank codes become None."""
    if code is None or not code.strip():
        return None
    return code.strip().replace("_", "-")


def is_blank(text: str) -> bool:
    # isspace rather than strip: no copy of the text.
    return not text or text.isspace()


def make_document(
    rows: Iterable[tuple[str, str, Hashable]],
    *,
    source_lang: str | None,
    target_lang: str | None,
    warnings: list[str],
) -> BilingualDocument:
    """Builds the document from (source, target, paragraph key) rows; see document_from_columns."""
    sources: list[str] = []
    targets: list[str] = []
    keys: list[Hashable] = []
    for source, target, key in rows:
        sources.append(source)
        targets.append(target)
        keys.append(key)
    return document_from_columns(
        sources, targets, keys, source_lang=source_lang, target_lang=target_lang, warnings=warnings
    )


def document_from_columns(
    sources: list[str],
    targets: list[str],
    keys: Sequence[Hashable],
    *,
    source_lang: str | None,
    target_lang: str | None,
    warnings: list[str],
) -> BilingualDocument:
    """Builds the document from parallel lists of sources, targets and paragraph keys,
    skipping pairs empty on both sides.

    Paragraphs are numbered from 0 in order of their keys' first appearance. Files of
    50,000 rows and more go through here, so the usual file, where every pair has a
    translation, is read with list methods that run in C rather than a loop a row.
    """
    untranslated = targets.count("") + sum(map(str.isspace, targets))
    if untranslated:
        kept = [
            row
            for row, (source, target) in enumerate(zip(sources, targets, strict=True))
            if not (is_blank(source) and is_blank(target))
        ]
        untranslated -= len(sources) - len(kept)
        sources = [sources[row] for row in kept]
        targets = [targets[row] for row in kept]
        keys = [keys[row] for row in kept]
    if not sources:
        raise ImportRejected("The file contains no translation pairs.")
    if untranslated:
        warnings = [*warnings, f"{untranslated} of {len(sources)} segments have no translation."]
    if keys == range(len(keys)):
        # Row numbers from a reader whose rows are each a paragraph: already numbered.
        paragraphs = list(keys)
    else:
        numbers: dict[Hashable, int] = {}
        paragraphs = [numbers.setdefault(key, len(numbers)) for key in keys]
    return BilingualDocument(
        sources=sources,
        targets=targets,
        paragraphs=paragraphs,
        source_lang=normalize_language_code(source_lang),
        target_lang=normalize_language_code(target_lang),
        warnings=warnings,
    )


class ImportFormat(ABC):
    """A file format the importers understand, in the manner of pretix's exporters."""

    identifier: ClassVar[str]
    label: ClassVar[str]
    extensions: ClassVar[tuple[str, ...]]
    bilingual: ClassVar[bool]

    @abstractmethod
    def sniff(self, data: bytes, head: str) -> bool:
        """Whether the content looks like this format; used when the extension does not say."""


class MonolingualFormat(ImportFormat):
    bilingual = False

    @abstractmethod
    def read(self, data: bytes, *, max_bytes: int, declared_encoding: str | None) -> str:
        """The text, paragraphs separated by one blank line."""

    def read_with_warnings(
        self, data: bytes, *, max_bytes: int, declared_encoding: str | None
    ) -> tuple[str, list[str]]:
        """The text and remarks for the user, such as an encoding that was guessed."""
        return self.read(data, max_bytes=max_bytes, declared_encoding=declared_encoding), []


class BilingualFormat(ImportFormat):
    bilingual = True

    @abstractmethod
    def read(
        self, data: bytes, *, max_bytes: int, declared_encoding: str | None
    ) -> BilingualDocument: ...
