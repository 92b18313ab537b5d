"""Plain text, Word and HTML come back as paragraphs separated by one blank line."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document

from reviewapp.importers import (
    ImportRejected,
    detect_format,
    read_monolingual,
    read_monolingual_with_warnings,
)
from tests.conftest import demo_paragraphs

DATA = Path(__file__).parent / "data" / "import"
DEMO = Path(__file__).parent.parent / "reviewapp" / "demo_data"
MAX_BYTES = 1024 * 1024


def word_document(paragraphs: list[str], table_rows: list[list[str]] | None = None) -> bytes:
    document = Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table_rows:
        table = document.add_table(rows=len(table_rows), cols=len(table_rows[0]))
        for row, texts in zip(table.rows, table_rows, strict=True):
            for cell, text in zip(row.cells, texts, strict=True):
                cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_demo_article_keeps_its_21_paragraphs(language: str) -> None:
    data = (DEMO / f"paris-talks.{language}.txt").read_bytes()
    text = read_monolingual(f"paris-talks.{language}.txt", data, max_bytes=MAX_BYTES)
    assert text.split("\n\n") == demo_paragraphs(language)
    assert len(text.split("\n\n")) == 21


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("One.\r\n\r\n\r\n\r\nTwo.\r\n", "One.\n\nTwo."),
        ("  \n\nOne.\n \t \nTwo,\nstill two.\n\n", "One.\n\nTwo,\nstill two."),
    ],
)
def test_plain_text_blank_lines_are_normalised(raw: str, expected: str) -> None:
    assert read_monolingual("a.txt", raw.encode(), max_bytes=MAX_BYTES) == expected


@pytest.mark.parametrize("language", ["en", "ar"])
def test_word_document_paragraphs_kept_and_empty_ones_dropped(language: str) -> None:
    paragraphs = demo_paragraphs(language)
    with_blanks = [text for paragraph in paragraphs for text in (paragraph, "", "  ")]
    text = read_monolingual("article.docx", word_document(with_blanks), max_bytes=MAX_BYTES)
    assert text.split("\n\n") == paragraphs


def test_word_tables_are_read_once_per_cell() -> None:
    data = word_document(["Headline"], [["Baku", "Azerbaijan"], ["AFP", "SANA"]])
    text = read_monolingual("a.docx", data, max_bytes=MAX_BYTES)
    assert text.split("\n\n") == ["Headline", "Baku", "Azerbaijan", "AFP", "SANA"]


def zip_archive(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("filename", "data", "message"),
    [
        ("a.docx", zip_archive({"notes.txt": b"hello"}), "ZIP archive but not a Word document"),
        ("a.docx", b"plain text pretending", "not a Word document"),
        ("a.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "save it as .docx"),
        ("a.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "not a Word .*old Word"),
        ("a.docx", word_document(["", "   "]), "contains no text"),
        ("a.html", b"<html><body><script>x()</script></body></html>", "no visible text"),
        ("a.txt", b"", "empty"),
        ("a.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "PNG image"),
        ("a.tmx", (DATA / "pairs.tmx").read_bytes(), "import this file as an aligned bilingual"),
    ],
)
def test_bad_monolingual_input_is_refused(filename: str, data: bytes, message: str) -> None:
    with pytest.raises(ImportRejected, match=message):
        read_monolingual(filename, data, max_bytes=MAX_BYTES)


def test_word_decompression_bomb_is_refused() -> None:
    data = word_document(["a" * 5_000_000])
    with pytest.raises(ImportRejected, match="implausible size"):
        read_monolingual("a.docx", data, max_bytes=len(data))


def test_html_visible_text_only() -> None:
    data = (DATA / "article.html").read_bytes()
    text = read_monolingual("article.html", data, max_bytes=MAX_BYTES)
    english = demo_paragraphs("en")
    assert text.split("\n\n") == [
        "Home",
        english[0],
        english[1],
        "The talks between Syria's foreign minister, Asaad al-Shaibani,\n"
        "and Israel's strategic affairs minister, Ron Dermer, met.",
    ]
    assert "not article text" not in text


def test_html_in_windows_1256_by_its_meta_charset() -> None:
    headline = demo_paragraphs("ar")[0]
    page = f'<html><head><meta charset="windows-1256"></head><body><p>{headline}</p></body></html>'
    assert read_monolingual("a.htm", page.encode("cp1256"), max_bytes=MAX_BYTES) == headline


@pytest.mark.parametrize(
    ("filename", "data", "identifier"),
    [
        ("article.txt", b"Baku", "txt"),
        ("article", b"Baku", "txt"),
        ("article.md", b"<!DOCTYPE html><html><p>Baku</p></html>", "html"),
        ("ARTICLE.HTM", b"Baku", "html"),
        ("download", word_document(["Baku"]), "docx"),
    ],
)
def test_detect_format(filename: str, data: bytes, identifier: str) -> None:
    assert detect_format(filename, data).identifier == identifier


def test_size_limit() -> None:
    with pytest.raises(ImportRejected, match=r"too large \(2.0 KB\); the limit is 1.0 KB"):
        read_monolingual("a.txt", b"a" * 2048, max_bytes=1024)


@pytest.mark.parametrize(
    ("filename", "encoding", "declared", "guessed"),
    [
        ("article.txt", "cp1256", None, True),
        ("article.txt", "cp1256", "cp1256", False),
        ("article.txt", "utf-8", None, False),
        ("article.docx", None, None, False),
    ],
)
def test_warnings_say_when_the_encoding_was_guessed(
    filename: str, encoding: str | None, declared: str | None, guessed: bool
) -> None:
    paragraphs = demo_paragraphs("ar")
    data = "\n\n".join(paragraphs).encode(encoding) if encoding else word_document(paragraphs)
    text, warnings = read_monolingual_with_warnings(
        filename, data, max_bytes=MAX_BYTES, declared_encoding=declared
    )
    assert text == read_monolingual(filename, data, max_bytes=MAX_BYTES, declared_encoding=declared)
    assert text.split("\n\n") == paragraphs
    assert any("was read as" in warning for warning in warnings) == guessed
