"""Aligned pairs in two columns: TSV and CSV.

A first row such as "source<TAB>target" or "en,ar" is a header, and language codes in it
become the document's languages. Consecutive rows form one paragraph when the file
separates paragraphs with blank rows; otherwise every row is its own paragraph.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Hashable, Iterator

from babel import Locale, UnknownLocaleError

from reviewapp.importers.base import (
    BilingualDocument,
    BilingualFormat,
    ImportRejected,
    decode_bytes,
    make_document,
)

HEADER_WORDS = frozenset(
    {
        "source", "target", "src", "tgt", "original", "translation", "mt",
        "source text", "target text", "source_text", "target_text", "machine translation",
    }
)  # fmt: skip
LANGUAGE_CODE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")
SNIFF_CHARACTERS = 64 * 1024


def language_code(cell: str) -> str | None:
    code = cell.strip()
    if not LANGUAGE_CODE.fullmatch(code):
        return None
    try:
        Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None
    return code


def read_header(cells: list[str]) -> tuple[bool, str | None, str | None]:
    """Whether `cells` is a header row, and the source and target languages it names."""
    if len(cells) < 2:
        return False, None, None
    first, second = (cell.strip().lower() for cell in cells[:2])
    if first in HEADER_WORDS and second in HEADER_WORDS:
        return True, None, None
    source_lang, target_lang = language_code(cells[0]), language_code(cells[1])
    if source_lang and target_lang and source_lang.lower() != target_lang.lower():
        return True, source_lang, target_lang
    return False, None, None


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
    def records(self, text: str) -> Iterator[tuple[int, list[str]]]:
        """(line number, cells) for every record of the file."""
        reader = csv.reader(io.StringIO(text, newline=""), self.dialect(text))
        for cells in reader:
            yield reader.line_num, cells

    def dialect(self, text: str) -> type[csv.Dialect] | csv.Dialect:
        raise NotImplementedError

    def read(
        self, data: bytes, *, max_bytes: int, declared_encoding: str | None
    ) -> BilingualDocument:
        decoded = decode_bytes(data, declared_encoding)
        try:
            records = list(self.records(decoded.text))
        except csv.Error as error:
            raise ImportRejected(f"The {self.label} file is malformed: {error}.") from None
        source_lang = target_lang = None
        rows: list[tuple[str, str, int]] = []
        block = 0
        blank_rows_between = False
        for index, (line, cells) in enumerate(records):
            if not any(cell.strip() for cell in cells):
                block += 1
                continue
            if index == 0:
                is_header, source_lang, target_lang = read_header(cells)
                if is_header:
                    continue
            blank_rows_between = blank_rows_between or bool(rows and rows[-1][2] != block)
            filled = len(cells)
            while filled and not cells[filled - 1].strip():
                filled -= 1
            if filled > 2 or len(cells) < 2:
                raise ImportRejected(
                    f"Line {line}: expected two columns (source and translation), "
                    f"found {max(filled, len(cells))}."
                )
            rows.append((cells[0], cells[1], block))
        keyed: list[tuple[str, str, Hashable]] = [
            (source, target, block_key if blank_rows_between else position)
            for position, (source, target, block_key) in enumerate(rows)
        ]
        return make_document(
            keyed, source_lang=source_lang, target_lang=target_lang, warnings=decoded.warnings()
        )


class PlainTab(csv.excel_tab):
    quoting = csv.QUOTE_NONE


class TsvFormat(DelimitedFormat):
    identifier = "tsv"
    label = "Tab-separated values (TSV)"
    extensions = (".tsv", ".tab")

    def sniff(self, data: bytes, head: str) -> bool:
        lines = [line for line in head.split("\n")[:20] if line.strip()]
        return bool(lines) and all(line.count("\t") >= 1 for line in lines)

    def dialect(self, text: str) -> type[csv.Dialect] | csv.Dialect:
        return csv.excel_tab if tsv_uses_quoting(text) else PlainTab


class CsvFormat(DelimitedFormat):
    identifier = "csv"
    label = "Comma-separated values (CSV)"
    extensions = (".csv",)

    def sniff(self, data: bytes, head: str) -> bool:
        # Prose is full of commas, so without the extension only a header row is evidence.
        first_line = head.split("\n", 1)[0]
        try:
            cells = next(csv.reader([first_line], self.dialect(head)))
        except (csv.Error, StopIteration):
            return False
        return read_header(cells)[0]

    def dialect(self, text: str) -> type[csv.Dialect] | csv.Dialect:
        try:
            return csv.Sniffer().sniff(text[:SNIFF_CHARACTERS], delimiters=",;")
        except csv.Error:
            return csv.excel
