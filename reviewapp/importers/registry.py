"""The registered formats and the entry points that pick one for an uploaded file."""

from __future__ import annotations

from pathlib import PurePath

from reviewapp.importers.base import (
    BilingualDocument,
    BilingualFormat,
    ImportFormat,
    ImportRejected,
    MonolingualFormat,
    check_size,
    decode_bytes,
    sniff_head,
)
from reviewapp.importers.delimited import CsvFormat, TsvFormat
from reviewapp.importers.gettext_po import GettextFormat
from reviewapp.importers.jsonlines import JsonLinesFormat
from reviewapp.importers.plaintext import PlainTextFormat
from reviewapp.importers.webpage import HtmlFormat
from reviewapp.importers.word import WordFormat
from reviewapp.importers.xml_formats import TmxFormat, Xliff1Format, Xliff2Format

# Sniffing order matters: specific signatures first, plain text (which accepts anything) last.
FORMATS: tuple[ImportFormat, ...] = (
    WordFormat(),
    TmxFormat(),
    Xliff2Format(),
    Xliff1Format(),
    HtmlFormat(),
    GettextFormat(),
    JsonLinesFormat(),
    CsvFormat(),
    TsvFormat(),
    PlainTextFormat(),
)
FORMATS_BY_IDENTIFIER: dict[str, ImportFormat] = {fmt.identifier: fmt for fmt in FORMATS}
MONOLINGUAL_FORMATS: tuple[MonolingualFormat, ...] = tuple(
    fmt for fmt in FORMATS if isinstance(fmt, MonolingualFormat)
)
BILINGUAL_FORMATS: tuple[BilingualFormat, ...] = tuple(
    fmt for fmt in FORMATS if isinstance(fmt, BilingualFormat)
)


def accepted_extensions(formats: tuple[ImportFormat, ...]) -> list[str]:
    """For the file input's accept attribute."""
    return sorted({extension for fmt in formats for extension in fmt.extensions})


def detect_format(filename: str, data: bytes) -> ImportFormat:
    """The format named by the file extension; content decides when the extension is
    shared (XLIFF 1.2 and 2.0) or unknown. Falls back to plain text."""
    extension = PurePath(filename).suffix.lower()
    by_extension = [fmt for fmt in FORMATS if extension in fmt.extensions]
    if len(by_extension) == 1:
        return by_extension[0]
    head = sniff_head(data)
    candidates = by_extension or list(FORMATS)
    return next((fmt for fmt in candidates if fmt.sniff(data, head)), candidates[-1])


def read_monolingual(
    filename: str, data: bytes, *, max_bytes: int, declared_encoding: str | None = None
) -> str:
    """The text of one side of an article, paragraphs separated by one blank line."""
    return read_monolingual_with_warnings(
        filename, data, max_bytes=max_bytes, declared_encoding=declared_encoding
    )[0]


def read_monolingual_with_warnings(
    filename: str, data: bytes, *, max_bytes: int, declared_encoding: str | None = None
) -> tuple[str, list[str]]:
    """read_monolingual's text, and remarks for the user such as a guessed encoding."""
    check_size(data, max_bytes)
    fmt = detect_format(filename, data)
    if not isinstance(fmt, MonolingualFormat):
        raise ImportRejected(
            f"{fmt.label} files hold source and translation together; "
            "import this file as an aligned bilingual file."
        )
    return fmt.read_with_warnings(data, max_bytes=max_bytes, declared_encoding=declared_encoding)


def read_bilingual(
    filename: str, data: bytes, *, max_bytes: int, declared_encoding: str | None = None
) -> BilingualDocument:
    """Aligned source/translation pairs with the languages the file declares."""
    check_size(data, max_bytes)
    fmt = detect_format(filename, data)
    if not isinstance(fmt, BilingualFormat):
        if not isinstance(fmt, WordFormat):
            # Empty or binary uploads deserve that message, not one about the format.
            decode_bytes(data, declared_encoding)
        raise ImportRejected(
            f"{fmt.label} files hold only one language. Use a bilingual format "
            f"({', '.join(accepted_extensions(BILINGUAL_FORMATS))}) or import the source "
            "and the translation as two files."
        )
    return fmt.read(data, max_bytes=max_bytes, declared_encoding=declared_encoding)
