"""Aligned pairs in columns: TSV and CSV.

A first row such as "source<TAB>target" or "en,ar" is a header, and language codes in it
become the document's languages; a header may also name more columns (as review exports
do), and then "source", "target" (or "translation", "mt", ...) and "paragraph" are picked
by name. Paragraphs come from a "paragraph" column; else consecutive rows form one
paragraph when the file separates paragraphs with blank rows; else every row is its own.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import repeat

from babel import Locale, UnknownLocaleError

from reviewapp.importers.base import (
    BilingualDocument,
    BilingualFormat,
    ImportRejected,
    decode_bytes,
    document_from_columns,
    is_blank,
)

# Column names, best first: review exports carry both "machine_translation" and the
# reviewed "target", and the reviewed one is what an import should take.
SOURCE_COLUMNS = ("source", "src", "source text", "source_text", "original")
TARGET_COLUMNS = (
    "target", "tgt", "translation", "target text", "target_text",
    "mt", "machine_translation", "machine translation",
)  # fmt: skip
PARAGRAPH_COLUMN = "paragraph"
LANGUAGE_CODE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")
SNIFF_CHARACTERS = 64 * 1024
TSV_ESCAPE = re.compile(r"\\([tnr\\])")
TSV_UNESCAPED = {"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}


@dataclass(frozen=True)
class Columns:
    """Where source, target and (optionally) paragraph are, and the languages a header named."""

    source: int = 0
    target: int = 1
    paragraph: int | None = None
    source_lang: str | None = None
    target_lang: str | None = None
    named: bool = False


def language_code(cell: str) -> str | None:
    code = cell.strip()
    if not LANGUAGE_CODE.fullmatch(code):
        return None
    try:
        Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None
    return code


def first_column(names: list[str], wanted: tuple[str, ...]) -> int | None:
    return next((names.index(name) for name in wanted if name in names), None)


def read_header(cells: list[str]) -> Columns | None:
    """The columns a header row names, or None when `cells` is data."""
    names = [cell.strip().lower() for cell in cells]
    source, target = first_column(names, SOURCE_COLUMNS), first_column(names, TARGET_COLUMNS)
    if source is not None and target is not None:
        return Columns(source, target, first_column(names, (PARAGRAPH_COLUMN,)), named=True)
    if len(cells) == 2:
        source_lang, target_lang = language_code(cells[0]), language_code(cells[1])
        if source_lang and target_lang and source_lang.lower() != target_lang.lower():
            return Columns(source_lang=source_lang, target_lang=target_lang)
    return None


def tsv_uses_quoting(text: str) -> bool:
    """Whether a TSV file quotes fields the way spreadsheets and Python's csv do.

    Plain TSV (the IANA definition) has no quoting, and news text often starts a field with
    a quotation mark, so quoting is only assumed on evidence: a quoted field with a doubled
    quote inside, or one whose quote stays open at the end of the line (an embedded newline
    or tab).
    """
    for line in text[:SNIFF_CHARACTERS].split("\n"):
        for cell in line.split("\t"):
            if cell.startswith('"') and ('""' in cell or cell.count('"') % 2):
                return True
    return False


class DelimitedFormat(BilingualFormat):
    def records(self, text: str) -> Iterable[tuple[int, list[str]]]:
        """(line number, cells) for every record of the file."""
        raise NotImplementedError

    def read(
        self, data: bytes, *, max_bytes: int, declared_encoding: str | None
    ) -> BilingualDocument:
        decoded = decode_bytes(data, declared_encoding)
        sources: list[str] = []
        targets: list[str] = []
        paragraph_values: list[str] = []
        blocks: list[int] = []  # the blank-row-separated block each row is in
        columns: Columns | None = None
        two_plain_columns = False  # no header, or one naming languages: cells are source, target
        block = 0
        try:
            for line, cells in self.records(decoded.text):
                if two_plain_columns and len(cells) == 2:
                    # Most rows of most files; the general branch below gives the same result.
                    source, target = cells
                    if (not source or source.isspace()) and (not target or target.isspace()):
                        block += 1
                        continue
                else:
                    joined = "".join(cells)
                    if is_blank(joined):
                        block += 1
                        continue
                    if columns is None:
                        header = read_header(cells)
                        columns = header or Columns()
                        two_plain_columns = not columns.named
                        if header:
                            continue
                    if columns.named or len(cells) != 2:
                        self.check_columns(line, cells, columns)
                    source, target = cells[columns.source], cells[columns.target]
                    if columns.paragraph is not None:
                        paragraph_values.append(cells[columns.paragraph].strip())
                sources.append(source)
                targets.append(target)
                blocks.append(block)
        except csv.Error as error:
            raise ImportRejected(f"The {self.label} file is malformed: {error}.") from None
        # Blocks only grow, so the first and last row tell whether blank rows separate them;
        # if not, every row is its own paragraph.
        row_groups = blocks if blocks and blocks[0] != blocks[-1] else range(len(blocks))
        # A paragraph column's values are str and groups int, so the two never meet.
        paragraph_keys: Sequence[Hashable] = (
            [value or group for value, group in zip(paragraph_values, row_groups, strict=True)]
            if paragraph_values
            else row_groups
        )
        return document_from_columns(
            sources,
            targets,
            paragraph_keys,
            source_lang=columns.source_lang if columns else None,
            target_lang=columns.target_lang if columns else None,
            warnings=decoded.warnings(),
        )

    def check_columns(self, line: int, cells: list[str], columns: Columns) -> None:
        if columns.named:
            if len(cells) <= max(columns.source, columns.target, columns.paragraph or 0):
                raise ImportRejected(
                    f"Line {line}: found {len(cells)} columns; the header names more."
                )
            return
        filled = len(cells)
        while filled and not cells[filled - 1].strip():
            filled -= 1
        # A trailing empty column is an untranslated segment, not a missing column.
        if filled > 2 or len(cells) < 2:
            raise ImportRejected(
                f"Line {line}: expected two columns (source and translation), "
                f"found {max(filled, len(cells))}."
            )


def csv_records(
    text: str, dialect: type[csv.Dialect] | csv.Dialect
) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    for cells in reader:
        yield reader.line_num, cells


def unescape_tsv(cell: str) -> str:
    return TSV_ESCAPE.sub(lambda match: TSV_UNESCAPED[match.group(1)], cell)


class TsvFormat(DelimitedFormat):
    """TSV as IANA defines it (no quoting), with the backslash escapes (\\t, \\n, \\\\) that
    PostgreSQL, WMT's files and our own exports use for tabs and line breaks inside a field;
    spreadsheet-style quoted TSV is recognised and read with the csv module."""

    identifier = "tsv"
    label = "Tab-separated values (TSV)"
    extensions = (".tsv", ".tab")

    def sniff(self, data: bytes, head: str) -> bool:
        lines = [line for line in head.split("\n")[:20] if line.strip()]
        return bool(lines) and all(line.count("\t") >= 1 for line in lines)

    def records(self, text: str) -> Iterable[tuple[int, list[str]]]:
        if tsv_uses_quoting(text):
            return csv_records(text, csv.excel_tab)
        cells = map(str.split, text.split("\n"), repeat("\t"))
        if "\\" in text:
            cells = ([unescape_tsv(cell) for cell in record] for record in cells)
        return enumerate(cells, start=1)


class SemicolonSeparated(csv.excel):
    delimiter = ";"


class CsvFormat(DelimitedFormat):
    identifier = "csv"
    label = "Comma-separated values (CSV)"
    extensions = (".csv",)

    def sniff(self, data: bytes, head: str) -> bool:
        # Prose is full of commas, so without the extension only a header row is evidence.
        first_line = head.split("\n", 1)[0]
        cells = next(csv_records(first_line, self.dialect(head)), (0, []))[1]
        return read_header(cells) is not None

    def dialect(self, text: str) -> type[csv.Dialect]:
        # csv.Sniffer also guesses quoting and gets it wrong on prose full of quotation
        # marks; only the delimiter varies in practice (";" from European spreadsheets).
        first_line = text.split("\n", 1)[0]
        by_comma = next(csv.reader([first_line]), [])
        by_semicolon = next(csv.reader([first_line], SemicolonSeparated), [])
        return SemicolonSeparated if len(by_semicolon) > len(by_comma) else csv.excel

    def records(self, text: str) -> Iterable[tuple[int, list[str]]]:
        return csv_records(text, self.dialect(text))
