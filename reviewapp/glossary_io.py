"""Glossary files: CSV (source term, approved translation, note) and TBX.

TBX goes through translate-toolkit's tbx storage; every file is first parsed by
defusedxml (through the importers' parse_safely), which refuses entity declarations and
external references, so only a harmless file reaches lxml.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass

from translate.storage import tbx

from reviewapp.importers import ImportRejected
from reviewapp.importers.base import decode_bytes
from reviewapp.importers.xml_formats import expect_root, local_name, parse_safely

CSV_HEADER = ("source_term", "target_term", "note")
# Header cells people write in glossary spreadsheets, in the column order above.
HEADER_WORDS = frozenset(
    {"source", "source term", "source_term", "term", "target", "target term", "target_term"}
    | {"translation", "approved translation", "note", "notes", "comment"}
)
MAX_TERM_LENGTH = 300
DELIMITERS = (",", ";", "\t")


@dataclass(frozen=True)
class GlossaryTerm:
    source_term: str
    target_term: str
    note: str = ""

    def as_row(self) -> tuple[str, str, str]:
        return self.source_term, self.target_term, self.note


def _term(source: str, target: str, note: str) -> GlossaryTerm | None:
    source, target = " ".join(source.split()), " ".join(target.split())
    if not source or not target:
        return None
    if len(source) > MAX_TERM_LENGTH or len(target) > MAX_TERM_LENGTH:
        raise ImportRejected(
            f"The term “{source[:40]}” is longer than {MAX_TERM_LENGTH} characters."
        )
    return GlossaryTerm(source, target, note.strip())


def read_csv(data: bytes) -> list[GlossaryTerm]:
    """Rows of source term, approved translation and an optional note; a header row is
    recognised and skipped, rows without both terms are left out."""
    text = decode_bytes(data, None).text
    # csv.Sniffer guesses wrong on short files; spreadsheets export with one of these,
    # and the header or first row holds the most of the one used.
    first_line = text.lstrip("\ufeff").split("\n", 1)[0]
    delimiter = max(DELIMITERS, key=first_line.count)
    terms = []
    for number, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), 1):
        cells = [cell.strip() for cell in row]
        if number == 1 and cells and all(cell.lower() in HEADER_WORDS for cell in cells if cell):
            continue
        if not any(cells):
            continue
        if len(cells) < 2:
            raise ImportRejected(
                f"Row {number} has one column; give the source term and its translation."
            )
        term = _term(cells[0], cells[1], cells[2] if len(cells) > 2 else "")
        if term:
            terms.append(term)
    return terms


def write_csv(terms: Iterable[GlossaryTerm]) -> str:
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow(CSV_HEADER)
    writer.writerows(term.as_row() for term in terms)
    return output.getvalue()


def read_tbx(data: bytes, source_lang: str, target_lang: str) -> list[GlossaryTerm]:
    """The entries with a term in both languages; notes of the entry are joined."""
    utf8, root, _ = parse_safely(data, None)
    if local_name(root.tag) != "tbx":  # TBX v3 names its root tbx, earlier versions martif
        expect_root(root, "martif", "TBX")
    store = tbx.tbxfile.parsestring(utf8, sourcelanguage=source_lang, targetlanguage=target_lang)
    terms = []
    for unit in store.units:
        term = _term(unit.source or "", unit.target or "", unit.getnotes() or "")
        if term:
            terms.append(term)
    return terms


def write_tbx(terms: Iterable[GlossaryTerm], source_lang: str, target_lang: str) -> bytes:
    store = tbx.tbxfile(sourcelanguage=source_lang, targetlanguage=target_lang)
    for term in terms:
        unit = store.addsourceunit(term.source_term)
        unit.settarget(term.target_term)
        if term.note:
            unit.addnote(term.note, origin="translator")
    return bytes(store)
