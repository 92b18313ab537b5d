"""Every bilingual format reads the same three demo pairs; hostile files are refused clearly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reviewapp.importers import (
    BilingualDocument,
    ImportedPair,
    ImportRejected,
    detect_format,
    read_bilingual,
)
from tests.conftest import demo_paragraphs

DATA = Path(__file__).parent / "data" / "import"
MAX_BYTES = 1024 * 1024
# The demo paragraphs the sample files hold: the headline, the Dermer/al-Shaibani talks,
# and the Baku paragraph where "Dermer" became "skin diseases".
DEMO_PARAGRAPHS = (0, 2, 19)


def demo_pairs() -> list[tuple[str, str]]:
    source, target = demo_paragraphs("en"), demo_paragraphs("ar")
    return [(source[index], target[index]) for index in DEMO_PARAGRAPHS]


def read_sample(name: str) -> BilingualDocument:
    return read_bilingual(name, (DATA / name).read_bytes(), max_bytes=MAX_BYTES)


@pytest.mark.parametrize(
    ("name", "paragraphs", "languages"),
    [
        ("pairs.tsv", [0, 1, 1], ("en", "ar")),  # language header, blank row between paragraphs
        ("pairs-noheader.tsv", [0, 1, 2], (None, None)),
        ("pairs.csv", [0, 1, 1], (None, None)),  # named header with a paragraph column
        ("pairs.jsonl", [0, 1, 1], ("en", "ar")),  # "src"/"mt" aliases
        ("pairs.tmx", [0, 1, 1], ("en", "ar")),  # x-paragraph property
        ("pairs-12.xlf", [0, 1, 1], ("en", "ar")),  # groups
        ("pairs-20.xlf", [0, 1, 1], ("en", "ar")),  # two segments in one unit
        ("pairs.po", [0, 1, 2], ("en", "ar")),
    ],
)
def test_every_format_reads_the_demo_pairs(
    name: str, paragraphs: list[int], languages: tuple[str | None, str | None]
) -> None:
    document = read_sample(name)
    expected = [
        ImportedPair(source, target, paragraph)
        for (source, target), paragraph in zip(demo_pairs(), paragraphs, strict=True)
    ]
    assert document.pairs == expected
    assert (document.source_lang, document.target_lang) == languages
    assert document.warnings == []


@pytest.mark.parametrize(
    ("name", "identifier"),
    [
        ("pairs.tsv", "tsv"),
        ("pairs.csv", "csv"),
        ("pairs.jsonl", "jsonl"),
        ("pairs.tmx", "tmx"),
        ("pairs-12.xlf", "xliff12"),
        ("pairs-20.xlf", "xliff20"),
        ("pairs.po", "po"),
    ],
)
def test_content_decides_when_the_extension_does_not(name: str, identifier: str) -> None:
    data = (DATA / name).read_bytes()
    assert detect_format(name, data).identifier == identifier
    assert detect_format("upload.dat", data).identifier == identifier
    assert read_bilingual("upload", data, max_bytes=MAX_BYTES) == read_sample(name)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("billion-laughs.tmx", "billion laughs"),
        ("xxe.xlf", "XXE"),
        ("malformed.tmx", "not well-formed XML: mismatched tag at line 6"),
    ],
)
def test_hostile_xml_is_refused(name: str, message: str) -> None:
    with pytest.raises(ImportRejected, match=message):
        read_sample(name)


TSV_HEADER = "source\ttarget\n"


@pytest.mark.parametrize(
    ("filename", "text", "expected"),
    [
        # Plain TSV keeps a leading quotation mark as text.
        ("a.tsv", '"Quoted," SANA said.\t"مقتبس"\n', [('"Quoted," SANA said.', '"مقتبس"')]),
        # Backslash escapes, as our TSV exports write them.
        (
            "a.tsv",
            "Line one\\nline two\\tand tab\tسطر\\\\\n",
            [("Line one\nline two\tand tab", "سطر\\")],
        ),
        # Spreadsheet-style quoting with an embedded newline.
        ("a.tsv", '"Two\nlines ""quoted"""\tسطران\n', [('Two\nlines "quoted"', "سطران")]),
        ("a.csv", 'source,target\n"Sweida,\nSyria",السويداء\n', [("Sweida,\nSyria", "السويداء")]),
        ("a.csv", "src;tgt\nBaku;باكو\n", [("Baku", "باكو")]),
        # A review export: many columns, the reviewed "target" wins over the raw MT.
        (
            "a.tsv",
            "position\tparagraph\tsource\tmachine_translation\ttarget\n"
            "0\t0\tRon Dermer\tالأمراض الجلدية\tرون ديرمر\n",
            [("Ron Dermer", "رون ديرمر")],
        ),
        ("a.jsonl", '{"source": "Baku", "target": "باكو"}\n\n', [("Baku", "باكو")]),
    ],
)
def test_delimited_and_json_lines_details(
    filename: str, text: str, expected: list[tuple[str, str]]
) -> None:
    document = read_bilingual(filename, text.encode(), max_bytes=MAX_BYTES)
    assert [(pair.source, pair.target) for pair in document.pairs] == expected


@pytest.mark.parametrize(
    ("filename", "data", "message"),
    [
        ("a.tsv", b"", "empty"),
        ("a.tsv", b" \n\t\n", "empty"),
        ("a.tsv", b"only one column\n", "Line 1: expected two columns"),
        ("a.tsv", b"a\tb\n\nc\td\te\n", "Line 3: expected two columns .* found 3"),
        (
            "a.jsonl",
            b'{"source": "a", "target": "b"}\n{"source": "a"\n',
            "Line 2 is not valid JSON",
        ),
        ("a.jsonl", b'{"source": "a"}\n', "translation is missing"),
        ("a.jsonl", b'{"source": "a", "target": 3}\n', "must be a string"),
        ("a.tmx", b"<html><body>hi</body></html>", "not a TMX"),
        ("a.txt", b"Just prose.\n", "hold only one language"),
        (
            "a.png",
            b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
            "does not look like text: it is a PNG image",
        ),
        ("a.tsv", b"source\ttarget\n", "no translation pairs"),
        ("a.po", b'msgid ""\nmsgstr ""\n"Language: ar\\n"\n', "no translation pairs"),
    ],
)
def test_bad_bilingual_input_is_refused(filename: str, data: bytes, message: str) -> None:
    with pytest.raises(ImportRejected, match=message):
        read_bilingual(filename, data, max_bytes=MAX_BYTES)


def test_size_limit_applies_before_parsing() -> None:
    data = (DATA / "billion-laughs.tmx").read_bytes()
    with pytest.raises(ImportRejected, match="too large"):
        read_bilingual("pairs.tmx", data, max_bytes=len(data) - 1)


def test_untranslated_segments_are_kept_with_a_warning() -> None:
    data = b"source\ttarget\nRon Dermer\t\nBaku\t\xd8\xa8\xd8\xa7\xd9\x83\xd9\x88\n"
    document = read_bilingual("a.tsv", data, max_bytes=MAX_BYTES)
    assert [pair.target for pair in document.pairs] == ["", "باكو"]
    assert document.warnings == ["1 of 2 segments have no translation."]


def test_tmx_with_more_languages_keeps_the_first_target_and_warns() -> None:
    tmx = (DATA / "pairs.tmx").read_text(encoding="utf-8")
    extra = tmx.replace("</tuv></tu>", '</tuv><tuv xml:lang="fr"><seg>Bakou</seg></tuv></tu>')
    document = read_bilingual("a.tmx", extra.encode(), max_bytes=MAX_BYTES)
    assert [pair.target for pair in document.pairs] == [target for _, target in demo_pairs()]
    assert document.warnings == ["The file holds 3 languages; only en and ar were imported."]


def test_cp1256_tsv_is_read_by_detection_and_says_so() -> None:
    text = "".join(f"{source}\t{target}\n" for source, target in demo_pairs())
    document = read_bilingual("a.tsv", text.encode("cp1256"), max_bytes=MAX_BYTES)
    assert [(pair.source, pair.target) for pair in document.pairs] == demo_pairs()
    assert len(document.warnings) == 1 and "cp1256" in document.warnings[0]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-8-sig"])
def test_xml_in_other_unicode_encodings(encoding: str) -> None:
    text = (DATA / "pairs-12.xlf").read_text(encoding="utf-8")
    declared = text.replace('encoding="UTF-8"', f'encoding="{encoding.split("-le")[0]}"')
    document = read_bilingual("a.xlf", declared.encode(encoding), max_bytes=MAX_BYTES)
    assert document.pairs == read_sample("pairs-12.xlf").pairs


def test_po_in_a_legacy_charset() -> None:
    text = (DATA / "pairs.po").read_text(encoding="utf-8")
    legacy = text.replace("charset=UTF-8", "charset=windows-1256").encode("cp1256")
    assert read_bilingual("a.po", legacy, max_bytes=MAX_BYTES) == read_sample("pairs.po")


@pytest.mark.parametrize(
    ("text", "expected", "languages"),
    [
        # Rows of spaces and tabs separate paragraphs like empty ones.
        (
            "en\tar\nOne.\tواحد.\n \t \nTwo.\tاثنان.\n\t\nThree.\tثلاثة.\n",
            [("One.", "واحد.", 0), ("Two.", "اثنان.", 1), ("Three.", "ثلاثة.", 2)],
            ("en", "ar"),
        ),
        # Without blank rows every row is its own paragraph; a side may be empty.
        (
            "One.\tواحد.\nTwo.\t\n\tثلاثة.\n",
            [("One.", "واحد.", 0), ("Two.", "", 1), ("", "ثلاثة.", 2)],
            (None, None),
        ),
        # A trailing empty third cell is an untranslated pair, not a third column.
        (
            "One.\tواحد.\n\nTwo.\t\t\n",
            [("One.", "واحد.", 0), ("Two.", "", 1)],
            (None, None),
        ),
    ],
)
def test_tsv_rows_blank_rows_and_paragraphs(
    text: str, expected: list[tuple[str, str, int]], languages: tuple[str | None, str | None]
) -> None:
    document = read_bilingual("a.tsv", text.encode(), max_bytes=MAX_BYTES)
    assert document.pairs == [ImportedPair(*pair) for pair in expected]
    assert (document.source_lang, document.target_lang) == languages


def test_json_lines_paragraph_keys_are_numbered_from_zero_in_order() -> None:
    lines = [{"source": str(n), "target": str(n), "paragraph": paragraph} for n, paragraph in
             enumerate([7, 7, 3, 9])]  # fmt: skip
    data = "\n".join(json.dumps(line) for line in lines).encode()
    document = read_bilingual("a.jsonl", data, max_bytes=MAX_BYTES)
    assert [pair.paragraph for pair in document.pairs] == [0, 0, 1, 2]
