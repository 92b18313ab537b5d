"""Plain text and Word exports of the corrected translation."""

from __future__ import annotations

import dataclasses
import io

import docx
import pytest
from docx.enum.text import WD_COLOR_INDEX

from reviewapp.exporters import EXPORTERS
from reviewapp.exporters.base import ExportOptions, ExportSegment, exported_text
from reviewapp.exporters.text import UNREVIEWED_MARK, one_line
from tests.test_exporters_base import CONTROL_CHARACTERS, META, export, review_segments


def expected_lines(segments: list[ExportSegment], options: ExportOptions) -> list[str]:
    paragraphs: dict[int, list[str]] = {}
    for segment in segments:
        if options.approved_only and not segment.approved:
            continue
        paragraphs.setdefault(segment.paragraph, []).append(
            one_line(exported_text(segment, options))
        )
    return [" ".join(text for text in texts if text) for texts in paragraphs.values()]


@pytest.mark.parametrize(
    "options",
    [ExportOptions(), ExportOptions(fallback_to_mt=False), ExportOptions(approved_only=True)],
)
def test_plain_text_has_one_line_per_paragraph(options: ExportOptions) -> None:
    text = export("txt", options).decode("utf-8")
    assert text.endswith("\n")
    assert text.splitlines() == expected_lines(review_segments(), options)


def test_plain_text_carries_the_corrections_and_no_control_characters() -> None:
    text = export("txt").decode("utf-8")
    assert "الغارات" in text and "الإضرابات" not in text
    assert "الأمراض الجلدية" in text  # flagged but not yet corrected: still the MT
    assert "\u202eمعكوس\u202c" in text
    assert not set(CONTROL_CHARACTERS) & set(text)
    last_line = text.splitlines()[-1]
    assert last_line.endswith("أفادت وكالة فرانس برس.")
    assert "\tمع تبويب وسطر" in last_line


def test_plain_text_joins_sentences_without_spaces_in_chinese() -> None:
    segments = [
        ExportSegment(0, 0, "Talks began.", "会谈开始了。"),
        ExportSegment(1, 0, "They ended.", "会谈结束了。"),
    ]
    meta = dataclasses.replace(META, target_lang="zh-Hans")
    data = b"".join(EXPORTERS["txt"]().stream(segments, meta))
    assert data.decode() == "会谈开始了。会谈结束了。\n"


def test_plain_text_marks_only_unreviewed_sentences() -> None:
    segments = review_segments()
    lines = export("txt", ExportOptions(mark_unreviewed=True)).decode().splitlines()
    for line, segment in zip(lines, segments, strict=False):
        unreviewed = segment.corrected is None and not segment.approved
        assert line.startswith(UNREVIEWED_MARK) == unreviewed
    assert lines[-1].count(UNREVIEWED_MARK) == 1


def read_docx(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


@pytest.mark.parametrize("options", [ExportOptions(), ExportOptions(approved_only=True)])
def test_word_document_has_the_plain_text_paragraphs(options: ExportOptions) -> None:
    document = read_docx(export("docx", options))
    title, *paragraphs = (paragraph.text for paragraph in document.paragraphs)
    assert title == "Paris talks: Syria & Israel <draft>"
    assert paragraphs == export("txt", options).decode().splitlines()


@pytest.mark.parametrize(("target_lang", "right_to_left"), [("ar", True), ("de", False)])
def test_word_paragraph_direction_follows_the_target_language(
    target_lang: str, right_to_left: bool
) -> None:
    meta = dataclasses.replace(META, target_lang=target_lang)
    data = b"".join(EXPORTERS["docx"]().stream(review_segments(), meta))
    body = read_docx(data).paragraphs[1:]
    assert all(bool(p._p.xpath("./w:pPr/w:bidi")) == right_to_left for p in body)
    assert all(bool(run.font.rtl) == right_to_left for paragraph in body for run in paragraph.runs)


def test_word_highlights_unreviewed_sentences_instead_of_changing_them() -> None:
    document = read_docx(export("docx", ExportOptions(mark_unreviewed=True)))
    highlighted = [
        run.text.strip()
        for paragraph in document.paragraphs
        for run in paragraph.runs
        if run.font.highlight_color == WD_COLOR_INDEX.YELLOW
    ]
    unreviewed = [
        one_line(segment.machine_translation)
        for segment in review_segments()
        if segment.corrected is None and not segment.approved
    ]
    assert highlighted == unreviewed
    assert not any(UNREVIEWED_MARK in paragraph.text for paragraph in document.paragraphs)
