"""Every bilingual export imports back, through the importers, as the segments it came from."""

from __future__ import annotations

import pytest

from reviewapp.exporters import EXPORTERS
from reviewapp.exporters.base import ExportOptions, ExportSegment, exported_text, xml_safe
from tests.test_exporters_base import META, export, review_segments

importers = pytest.importorskip("reviewapp.importers")

BILINGUAL = ["tmx", "xliff12", "xliff20", "csv", "tsv", "jsonl"]


def paragraph_starts(paragraphs: list[int]) -> list[bool]:
    """Where a new paragraph begins: importers number paragraphs afresh, so compare that."""
    return [
        index == 0 or paragraph != paragraphs[index - 1]
        for index, paragraph in enumerate(paragraphs)
    ]


def expected_text(identifier: str, text: str) -> str:
    """JSON can carry any character; the other formats drop those XML forbids."""
    return text if identifier == "jsonl" else xml_safe(text)


@pytest.mark.parametrize("identifier", BILINGUAL)
@pytest.mark.parametrize(
    "options", [ExportOptions(), ExportOptions(approved_only=True)], ids=["all", "approved"]
)
def test_export_imports_back_to_the_same_segments(identifier: str, options: ExportOptions) -> None:
    segments: list[ExportSegment] = [
        s for s in review_segments() if s.approved or not options.approved_only
    ]
    filename = EXPORTERS[identifier]().filename(META)
    document = importers.read_bilingual(filename, export(identifier, options), max_bytes=10_000_000)
    assert [(pair.source, pair.target) for pair in document.pairs] == [
        (expected_text(identifier, s.source), expected_text(identifier, exported_text(s, options)))
        for s in segments
    ]
    assert paragraph_starts([pair.paragraph for pair in document.pairs]) == paragraph_starts(
        [segment.paragraph for segment in segments]
    )
    if identifier not in {"csv", "tsv"}:
        assert (document.source_lang, document.target_lang) == ("en", "ar")
