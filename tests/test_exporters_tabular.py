"""CSV, TSV, JSON Lines and MQM exports: text kept intact, one record per segment or flag."""

from __future__ import annotations

import csv
import io
import json

import pytest

from reviewapp.exporters.base import (
    ExportOptions,
    ExportSegment,
    exported_text,
    flag_quote,
    review_state,
    xml_safe,
)
from reviewapp.exporters.tabular import MQM_COLUMNS, NO_ERROR, REVIEW_COLUMNS
from tests.test_exporters_base import META, export, review_segments

TSV_UNESCAPES = {"\\t": "\t", "\\n": "\n", "\\r": "\r", "\\\\": "\\"}


def unescape_tsv(field: str) -> str:
    out, index = [], 0
    while index < len(field):
        pair = field[index : index + 2]
        if pair in TSV_UNESCAPES:
            out.append(TSV_UNESCAPES[pair])
            index += 2
        else:
            out.append(field[index])
            index += 1
    return "".join(out)


def read_tsv(data: bytes) -> list[list[str]]:
    lines = data.decode("utf-8").split("\n")
    assert lines.pop() == ""
    return [[unescape_tsv(field) for field in line.split("\t")] for line in lines]


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize(("identifier", "reader"), [("csv", read_csv), ("tsv", read_tsv)])
@pytest.mark.parametrize("options", [ExportOptions(), ExportOptions(fallback_to_mt=False)])
def test_review_table_keeps_every_character_xml_allows(
    identifier, reader, options: ExportOptions
) -> None:
    header, *rows = reader(export(identifier, options))
    assert tuple(header) == REVIEW_COLUMNS
    segments = review_segments()
    assert len(rows) == len(segments)
    for row, segment in zip(rows, segments, strict=True):
        record = dict(zip(header, row, strict=True))
        assert record["source"] == xml_safe(segment.source)
        assert record["machine_translation"] == xml_safe(segment.machine_translation)
        assert record["corrected"] == xml_safe(segment.corrected or "")
        assert record["target"] == xml_safe(exported_text(segment, options))
        assert record["state"] == review_state(segment)
        assert record["approved"] == ("yes" if segment.approved else "no")
        assert int(record["flags"]) == len(segment.flags)
        assert json.loads(record["scores"] or "{}") == segment.scores


def test_tsv_lines_never_break_inside_a_field() -> None:
    lines = export("tsv").decode().split("\n")[:-1]
    assert {line.count("\t") for line in lines} == {len(REVIEW_COLUMNS) - 1}
    assert len(lines) == len(review_segments()) + 1
    assert "\x00" not in "".join(lines)


@pytest.mark.parametrize("options", [ExportOptions(), ExportOptions(approved_only=True)])
def test_json_lines_one_object_per_segment(options: ExportOptions) -> None:
    text = export("jsonl", options).decode("utf-8")
    records = [json.loads(line) for line in text.splitlines()]
    segments = [s for s in review_segments() if s.approved or not options.approved_only]
    assert len(records) == len(segments)
    for record, segment in zip(records, segments, strict=True):
        assert record["source"] == segment.source
        assert record["machine_translation"] == segment.machine_translation
        assert record["corrected"] == segment.corrected
        assert record["target"] == exported_text(segment, options)
        assert record["scores"] == segment.scores
        assert [flag["quote"] for flag in record["flags"]] == [
            flag_quote(segment, flag) for flag in segment.flags
        ]
        assert (record["source_lang"], record["target_lang"]) == ("en", "ar")


def test_json_lines_escapes_unicode_line_separators() -> None:
    segment = ExportSegment(0, 0, "one\u2028two\x85three", "واحد\u2029اثنان")
    text = export("jsonl", segments=[segment]).decode()
    assert len(text.splitlines()) == 1
    assert json.loads(text)["source"] == segment.source


def test_mqm_has_one_row_per_flag_and_no_error_rows_for_clean_segments() -> None:
    header, *rows = read_tsv(export("mqm"))
    assert tuple(header) == MQM_COLUMNS
    segments = review_segments()
    assert len(rows) == sum(max(1, len(segment.flags)) for segment in segments)
    records = [dict(zip(header, row, strict=True)) for row in rows]
    assert {record["system"] for record in records} == {xml_safe(META.system_name)}
    clean = [record for record in records if record["category"] == NO_ERROR]
    assert len(clean) == sum(not segment.flags for segment in segments)
    assert all("<v>" not in record["target"] + record["source"] for record in clean)


@pytest.mark.parametrize(
    ("category", "column", "span"),
    [
        ("mistranslated_name", "target", "<v>الأمراض الجلدية</v>"),
        ("terminology", "source", "<v>territorial integrity</v>"),
    ],
)
def test_mqm_wraps_the_error_span_on_its_side(category: str, column: str, span: str) -> None:
    header, *rows = read_tsv(export("mqm"))
    record = next(dict(zip(header, row, strict=True)) for row in rows if row[7] == category)
    other = "source" if column == "target" else "target"
    assert span in record[column]
    assert "<v>" not in record[other]
    assert record[column].replace("<v>", "").replace("</v>", "") in {
        segment.source if column == "source" else (segment.corrected or segment.machine_translation)
        for segment in review_segments()
    }


def test_mqm_keeps_a_flag_whose_words_were_edited_away_without_a_span() -> None:
    header, *rows = read_tsv(export("mqm"))
    record = next(dict(zip(header, row, strict=True)) for row in rows if row[7] == "mistranslation")
    assert record["severity"] == "major"
    assert "<v>" not in record["source"] + record["target"]
    assert "الغارات" in record["target"]
