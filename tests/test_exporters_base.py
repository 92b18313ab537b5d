"""The shared exporter contract, and the review data the other exporter tests use."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from reviewapp.exporters import EXPORTERS
from reviewapp.exporters.base import (
    CHUNK_BYTES,
    ExportFlag,
    ExportMeta,
    ExportOptions,
    ExportSegment,
    ReviewState,
    exported_text,
    flag_quote,
    review_state,
    selected_segments,
    sentence_separator,
    slug,
    xml_safe,
)
from tests.conftest import demo_paragraphs

META = ExportMeta(
    project="Newsroom desk",
    document_title="Paris talks: Syria & Israel <draft>",
    document_id="paris-talks",
    system_name="MT engine \x07 v1",
    source_lang="en",
    target_lang="ar",
    exported_by="Lina",
    exported_at=datetime(2025, 8, 20, 9, 30, tzinfo=UTC),
)

# Markup, an ampersand, a right-to-left override, C0 controls, a tab and a line
# break: what a scraped article or a careless paste can put into a segment.
HOSTILE_SOURCE = 'Say <script>alert("x")</script> & "more" \u202eevil\u202c \x00\x1b end'
HOSTILE_TRANSLATION = "نص <b>عربي</b> & \u202eمعكوس\u202c\x0b\tمع تبويب\nوسطر 😀"
CONTROL_CHARACTERS = "\x00\x07\x0b\x1b"


def span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def corrected_segment(
    segment: ExportSegment, wrong: str, right: str, **changes: object
) -> ExportSegment:
    return dataclasses.replace(
        segment, corrected=segment.machine_translation.replace(wrong, right), **changes
    )


def review_segments() -> list[ExportSegment]:
    """The demo article, one segment a paragraph, in every review state, plus hostile text."""
    segments = [
        ExportSegment(position=index, paragraph=index, source=source, machine_translation=mt)
        for index, (source, mt) in enumerate(
            zip(demo_paragraphs("en"), demo_paragraphs("ar"), strict=True)
        )
    ]
    dermer = next(i for i, s in enumerate(segments) if "الأمراض الجلدية" in s.machine_translation)
    start, end = span(segments[dermer].machine_translation, "الأمراض الجلدية")
    segments[dermer] = dataclasses.replace(
        segments[dermer],
        flags=[
            ExportFlag(
                "target", start, end, "mistranslated_name", "critical",
                comment="Ron Dermer rendered as “skin diseases”", suggestion="ديرمر",
                author="Lina",
            )
        ],
        scores={"chrf": 41.5, "bleu": 12.25},
    )  # fmt: skip
    strikes = next(i for i, s in enumerate(segments) if "الإضرابات" in s.machine_translation)
    segments[strikes] = corrected_segment(
        segments[strikes], "الإضرابات", "الغارات",
        approved=True, editor="Omar",
        flags=[ExportFlag("target", 0, 3, "mistranslation", "major", resolved=True, stale=True)],
    )  # fmt: skip
    integrity = next(i for i, s in enumerate(segments) if "territorial integrity" in s.source)
    source_start, source_end = span(segments[integrity].source, "territorial integrity")
    segments[integrity] = corrected_segment(
        segments[integrity], "بالنزاهة الإقليمية", "بوحدة أراضي",
        approved=True, editor="Omar",
        flags=[
            ExportFlag("source", source_start, source_end, "terminology", "minor", author="Omar"),
        ],
    )  # fmt: skip
    sweida = next(i for i, s in enumerate(segments) if "Sweida province" in s.source)
    segments[sweida] = corrected_segment(segments[sweida], "سويدا", "السويداء", editor="Omar")
    paragraph = len(segments)
    segments += [
        ExportSegment(
            len(segments), paragraph, HOSTILE_SOURCE, HOSTILE_TRANSLATION,
            corrected=HOSTILE_TRANSLATION.replace("نص", "نص مصحح"), editor="O'Brien & <Co>",
        ),
        ExportSegment(len(segments) + 1, paragraph, "AFP reported it.", "أفادت وكالة فرانس برس."),
    ]  # fmt: skip
    return segments


def endless_segments() -> Iterator[ExportSegment]:
    for position in itertools.count():
        yield ExportSegment(position, position // 3, "Tom Barrack met Mowafaq Tarif.", "توم باراك")


# Word compresses the repeated test sentences so well that a chunk needs ~100,000 of them;
# tests/test_exporters_word.py checks its laziness on its own terms.
STREAMING = sorted(identifier for identifier in EXPORTERS if identifier != "docx")


def export(identifier: str, options: ExportOptions | None = None, segments=None) -> bytes:
    chosen = review_segments() if segments is None else segments
    return b"".join(EXPORTERS[identifier]().stream(chosen, META, options))


def test_demo_data_is_aligned() -> None:
    assert len(demo_paragraphs("en")) == len(demo_paragraphs("ar")) == 21


@pytest.mark.parametrize(
    ("corrected", "fallback_to_mt", "expected"),
    [
        ("ديرمر", True, "ديرمر"),
        ("ديرمر", False, "ديرمر"),
        ("", True, ""),
        (None, True, "الأمراض الجلدية"),
        (None, False, ""),
    ],
)
def test_exported_text(corrected: str | None, fallback_to_mt: bool, expected: str) -> None:
    segment = ExportSegment(0, 0, "Dermer", "الأمراض الجلدية", corrected=corrected)
    assert exported_text(segment, ExportOptions(fallback_to_mt=fallback_to_mt)) == expected


OPEN = ExportFlag("target", 0, 1, "other", "minor")
RESOLVED = dataclasses.replace(OPEN, resolved=True)


@pytest.mark.parametrize(
    ("corrected", "approved", "flags", "expected"),
    [
        (None, False, [], ReviewState.UNREVIEWED),
        (None, False, [OPEN], ReviewState.UNREVIEWED),
        ("x", False, [], ReviewState.EDITED),
        (None, True, [], ReviewState.FINAL),
        ("x", True, [RESOLVED], ReviewState.FINAL),
        ("x", True, [OPEN, RESOLVED], ReviewState.APPROVED),
    ],
)
def test_review_state(
    corrected: str | None, approved: bool, flags: list[ExportFlag], expected: ReviewState
) -> None:
    segment = ExportSegment(0, 0, "s", "t", corrected=corrected, approved=approved, flags=flags)
    assert review_state(segment) is expected


@pytest.mark.parametrize("approved_only", [False, True])
def test_selected_segments(approved_only: bool) -> None:
    segments = review_segments()
    chosen = list(selected_segments(iter(segments), ExportOptions(approved_only=approved_only)))
    expected = [s for s in segments if s.approved or not approved_only]
    assert chosen == expected
    assert len(expected) > 0


def test_flag_quotes_follow_the_side_and_staleness() -> None:
    quotes = [flag_quote(segment, flag) for segment in review_segments() for flag in segment.flags]
    assert sorted(quotes) == sorted(["الأمراض الجلدية", "", "territorial integrity"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\x00b\x1bc\x7f", "abc\x7f"),
        ("\ud800lone surrogate", "lone surrogate"),
        ("\ufffe\uffff", ""),
        ("tab\tline\nreturn\r", "tab\tline\nreturn\r"),
        ("\u202eمعكوس\u202c \u200fعربي\u200e 😀", "\u202eمعكوس\u202c \u200fعربي\u200e 😀"),
    ],
)
def test_xml_safe(text: str, expected: str) -> None:
    assert xml_safe(text) == expected


@pytest.mark.parametrize(
    ("language", "separator"),
    [("ar", " "), ("en-GB", " "), ("zh-Hant", ""), ("ja_JP", ""), ("th", ""), ("ko", " ")],
)
def test_sentence_separator(language: str, separator: str) -> None:
    assert sentence_separator(language) == separator


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Paris talks: Syria & Israel", "paris-talks-syria-israel"),
        ("محادثات باريس", "mhdtht-brys"),
        ("«»", "document"),
    ],
)
def test_slug(title: str, expected: str) -> None:
    assert slug(title) == expected


def test_registry_describes_every_format_distinctly() -> None:
    assert len(EXPORTERS) == 9
    for identifier, exporter in EXPORTERS.items():
        assert exporter.identifier == identifier
        assert exporter.verbose_name and exporter.content_type
        assert (
            exporter().filename(META) == f"paris-talks-syria-israel-draft.ar.{exporter.extension}"
        )
    assert len({exporter.extension for exporter in EXPORTERS.values()}) == len(EXPORTERS)


@pytest.mark.parametrize("identifier", STREAMING)
def test_streams_lazily_from_an_endless_document(identifier: str) -> None:
    chunks = EXPORTERS[identifier]().stream(endless_segments(), META, ExportOptions())
    first, second = next(chunks), next(chunks)
    assert CHUNK_BYTES <= len(first) < 2 * CHUNK_BYTES
    assert CHUNK_BYTES <= len(second) < 2 * CHUNK_BYTES


@pytest.mark.parametrize("identifier", sorted(EXPORTERS))
def test_an_empty_selection_exports_an_empty_document(identifier: str) -> None:
    unapproved = [review_segments()[0]]
    data = export(identifier, ExportOptions(approved_only=True), segments=unapproved)
    everything = export(identifier, segments=unapproved)
    # Line formats hold nothing but segments; the others keep their header or wrapper.
    if identifier in {"txt", "jsonl"}:
        assert data == b""
    else:
        assert data and len(data) < len(everything)
