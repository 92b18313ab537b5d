"""The Word export as a stream: a valid package, written while the segments are read."""

from __future__ import annotations

import dataclasses
import io
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest

from reviewapp.exporters import EXPORTERS
from reviewapp.exporters.base import CHUNK_BYTES, ExportMeta, ExportOptions, ExportSegment
from reviewapp.exporters.word import TEMPLATE, word_language_tag
from tests.test_exporters_base import META, endless_segments, review_segments

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def word_export(segments, meta: ExportMeta = META, options: ExportOptions | None = None) -> bytes:
    return b"".join(EXPORTERS["docx"]().stream(segments, meta, options))


def read_docx(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def test_word_streams_lazily_from_an_endless_document() -> None:
    # One chunk, not two as for the other formats: deflate shrinks these
    # identical sentences about a thousandfold, so each chunk costs seconds.
    first = next(EXPORTERS["docx"]().stream(endless_segments(), META, ExportOptions()))
    assert CHUNK_BYTES <= len(first) < 2 * CHUNK_BYTES
    assert first.startswith(b"PK\x03\x04")


def test_word_export_is_sent_before_the_segments_are_all_read_and_opens() -> None:
    total = 30_000
    read = 0

    def counted(segments: Iterator[ExportSegment]) -> Iterator[ExportSegment]:
        nonlocal read
        for segment in segments:
            read += 1
            yield segment

    # Numbered, so that deflate cannot shrink the body to nearly nothing.
    source = (ExportSegment(n, n // 3, f"Talk {n}.", f"محادثة {n}.") for n in range(total))
    chunks = EXPORTERS["docx"]().stream(counted(source), META)
    first = next(chunks)
    assert 0 < read < total
    document = read_docx(first + b"".join(chunks))
    assert read == total
    title, *paragraphs = document.paragraphs
    assert title.text == META.document_title and title.style.name == "Heading 1"
    assert len(paragraphs) == total // 3
    assert paragraphs[-1].text == "محادثة 29997. محادثة 29998. محادثة 29999."


def test_word_package_holds_every_template_part_and_no_zip64() -> None:
    with zipfile.ZipFile(io.BytesIO(word_export(review_segments()))) as package:
        assert package.testzip() is None
        names = [info.filename for info in package.infolist()]
        # zip64 extra fields (header id 0x0001) make some Office versions refuse a file.
        assert not any(info.extra.startswith(b"\x01\x00") for info in package.infolist())
    with zipfile.ZipFile(TEMPLATE) as template:
        assert names == template.namelist()


def test_word_export_is_the_same_bytes_for_the_same_review() -> None:
    assert word_export(review_segments()) == word_export(review_segments())


def test_word_core_properties_carry_title_author_and_export_time() -> None:
    properties = read_docx(word_export(review_segments())).core_properties
    assert properties.title == META.document_title
    assert properties.author == META.exported_by
    assert properties.created == properties.modified == META.exported_at


@pytest.mark.parametrize(
    ("target_lang", "right_to_left"),
    [("ar", True), ("ar-SY", True), ("fa", True), ("he", True), ("de", False), ("zh-Hans", False)],
)
def test_word_body_paragraphs_and_runs_follow_the_target_direction(
    target_lang: str, right_to_left: bool
) -> None:
    meta = dataclasses.replace(META, target_lang=target_lang)
    body = read_docx(word_export(review_segments(), meta)).paragraphs[1:]
    assert body
    for paragraph in body:
        assert bool(paragraph._p.xpath("./w:pPr/w:bidi")) == right_to_left
        assert paragraph.runs
        for run in paragraph.runs:
            assert bool(run.font.rtl) == right_to_left
            (language,) = run._r.xpath("./w:rPr/w:lang")
            assert language.get(f"{W}val") == word_language_tag(target_lang)
            assert language.get(f"{W}bidi") == word_language_tag(target_lang)


@pytest.mark.parametrize(
    ("title", "right_to_left"),
    [("محادثات باريس", True), ("Paris talks", False), ("«محادثات» Paris", True)],
)
def test_word_heading_direction_follows_its_own_text(title: str, right_to_left: bool) -> None:
    meta = dataclasses.replace(META, document_title=title, target_lang="en")
    heading = read_docx(word_export(review_segments(), meta)).paragraphs[0]
    assert heading.text == title
    assert bool(heading._p.xpath("./w:pPr/w:bidi")) == right_to_left


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("ar", "ar-EG"),
        ("ar-SA", "ar-SA"),
        ("ar_SA", "ar-SA"),
        ("de", "de-DE"),
        ("zh-Hant", "zh-Hant-TW"),
        ("pt-BR", "pt-BR"),
        ("not a code", "not a code"),
    ],
)
def test_word_language_tag_adds_the_likely_region(code: str, expected: str) -> None:
    assert word_language_tag(code) == expected


@pytest.mark.parametrize(
    ("target_lang", "joined"), [("th", "ก.ข."), ("ja", "ก.ข."), ("ar", "ก. ข.")]
)
def test_word_sentences_are_joined_as_the_target_language_writes(
    target_lang: str, joined: str
) -> None:
    segments = [ExportSegment(0, 0, "A.", "ก."), ExportSegment(1, 0, "B.", "ข.")]
    meta = dataclasses.replace(META, target_lang=target_lang)
    (paragraph,) = read_docx(word_export(segments, meta)).paragraphs[1:]
    assert paragraph.text == joined
    assert len(paragraph.runs) == 2


def test_word_tabs_are_tab_elements() -> None:
    segments = [ExportSegment(0, 0, "a\tb", "أ\tب")]
    (paragraph,) = read_docx(word_export(segments)).paragraphs[1:]
    assert paragraph.text == "أ\tب"
    assert paragraph._p.xpath("./w:r/w:tab")
    assert not any("\t" in text for text in paragraph._p.xpath("./w:r/w:t/text()"))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_word_export_converts_with_libreoffice(tmp_path: Path) -> None:
    exported = tmp_path / "paris-talks.ar.docx"
    exported.write_bytes(word_export(review_segments()))
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "txt:Text", "--outdir", str(tmp_path), exported],
        check=True,
        capture_output=True,
        timeout=120,
    )
    text = (tmp_path / "paris-talks.ar.txt").read_text(encoding="utf-8-sig")
    assert "الغارات" in text and META.document_title in text
