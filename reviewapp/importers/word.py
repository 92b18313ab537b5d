"""Word documents (.docx) through python-docx."""

from __future__ import annotations

import io
import zipfile

from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from reviewapp.importers.base import (
    ImportRejected,
    MonolingualFormat,
    binary_signature,
    join_paragraphs,
)

WORD_MAIN_PART = "word/document.xml"
# Text compresses about tenfold; far beyond that a .docx is a decompression bomb.
MAX_EXPANSION = 30


def table_paragraphs(table: Table) -> list[str]:
    texts: list[str] = []
    # Holding the cell elements themselves (not their id()) keeps the lxml proxies alive,
    # so identity stays meaningful.
    seen_cells: set[object] = set()
    for row in table.rows:
        for cell in row.cells:
            # python-docx repeats a merged cell once per grid column it spans.
            if cell._tc in seen_cells:
                continue
            seen_cells.add(cell._tc)
            texts.extend(paragraph.text for paragraph in cell.paragraphs)
            for inner in cell.tables:
                texts.extend(table_paragraphs(inner))
    return texts


def check_word_archive(data: bytes, max_bytes: int) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        kind = binary_signature(data)
        raise ImportRejected(
            f"The file is not a Word document (.docx){f': it is {kind}' if kind else ''}."
        ) from None
    with archive:
        names = set(archive.namelist())
        if WORD_MAIN_PART not in names:
            raise ImportRejected(
                "The file is a ZIP archive but not a Word document (.docx): "
                "it has no word/document.xml."
            )
        unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > MAX_EXPANSION * max_bytes:
        raise ImportRejected("The Word document unpacks to an implausible size; it is refused.")


class WordFormat(MonolingualFormat):
    identifier = "docx"
    label = "Word document"
    extensions = (".docx",)

    def sniff(self, data: bytes, head: str) -> bool:
        return data.startswith(b"PK\x03\x04") and WORD_MAIN_PART.encode() in data

    def read(self, data: bytes, *, max_bytes: int, declared_encoding: str | None) -> str:
        check_word_archive(data, max_bytes)
        try:
            document = Document(io.BytesIO(data))
        except Exception as error:  # python-docx raises many unrelated types on broken parts
            raise ImportRejected(f"The Word document could not be read ({error}).") from None
        texts: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Paragraph):
                texts.append(block.text)
            else:
                texts.extend(table_paragraphs(block))
        text = join_paragraphs(texts)
        if not text:
            raise ImportRejected("The Word document contains no text.")
        return text
