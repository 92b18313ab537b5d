"""TMX and XLIFF exports: well-formed whatever the text, readable by translate-toolkit, valid."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from translate.storage import tmx, xliff

import reviewapp
from reviewapp.exporters.base import ExportOptions, exported_text, review_state, xml_safe
from reviewapp.exporters.xml_formats import (
    XLIFF_12_NAMESPACE,
    XLIFF_12_STATES,
    XLIFF_20_NAMESPACE,
    XLIFF_20_STATES,
    XLIFF_MATCHES_NAMESPACE,
    XML_LANG,
)
from tests.test_exporters_base import (
    CONTROL_CHARACTERS,
    HOSTILE_SOURCE,
    HOSTILE_TRANSLATION,
    export,
    review_segments,
)

SCHEMAS = Path(reviewapp.__file__).parent / "schemas"
XML_FORMATS = ["tmx", "xliff12", "xliff20"]
OPTION_SETS = [
    ExportOptions(),
    ExportOptions(fallback_to_mt=False),
    ExportOptions(approved_only=True),
    ExportOptions(mark_unreviewed=True),
]
XLIFF_2 = {"x": XLIFF_20_NAMESPACE, "mtc": XLIFF_MATCHES_NAMESPACE}


@pytest.fixture(scope="module")
def xliff_20_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "xliff_core_2.0.xsd")))


def expected_pairs(options: ExportOptions) -> list[tuple[str, str]]:
    return [
        (xml_safe(segment.source), xml_safe(exported_text(segment, options)))
        for segment in review_segments()
        if segment.approved or not options.approved_only
    ]


@pytest.mark.parametrize("identifier", XML_FORMATS)
def test_hostile_text_stays_well_formed_and_readable(identifier: str) -> None:
    data = export(identifier)
    assert not set(CONTROL_CHARACTERS) & set(data.decode("utf-8"))
    texts = "".join(etree.fromstring(data).itertext())
    assert xml_safe(HOSTILE_SOURCE) in texts
    assert xml_safe(HOSTILE_TRANSLATION).replace("نص", "نص مصحح") in texts
    assert "\u202eمعكوس\u202c" in texts
    assert b"<script>" not in data and b"&lt;script&gt;" in data


@pytest.mark.parametrize("options", OPTION_SETS)
def test_tmx_reads_back_with_translate_toolkit(options: ExportOptions) -> None:
    store = tmx.tmxfile.parsestring(export("tmx", options))
    pairs = [(unit.source, unit.gettarget("ar")) for unit in store.units]
    assert pairs == expected_pairs(options)


def test_tmx_keeps_the_machine_translation_and_review_state() -> None:
    root = etree.fromstring(export("tmx"))
    units = root.findall("body/tu")
    segments = review_segments()
    assert root.find("header").get("srclang") == "en"
    for unit, segment in zip(units, segments, strict=True):
        source, target = unit.findall("tuv")
        assert (source.get(XML_LANG), target.get(XML_LANG)) == ("en", "ar")
        assert target.findtext("prop[@type='x-mt']") == xml_safe(segment.machine_translation)
        assert unit.findtext("prop[@type='x-state']") == review_state(segment)
        assert unit.findtext("prop[@type='x-paragraph']") == str(segment.paragraph)
        assert len(unit.findall("note")) == len(segment.flags)


@pytest.mark.parametrize("options", OPTION_SETS)
def test_xliff_12_reads_back_with_translate_toolkit(options: ExportOptions) -> None:
    store = xliff.xlifffile.parsestring(export("xliff12", options))
    pairs = [(unit.source, unit.target) for unit in store.units if not unit.isheader()]
    assert pairs == expected_pairs(options)
    assert store.getsourcelanguage() == "en" and store.gettargetlanguage() == "ar"


def test_xliff_12_states_alternatives_and_notes() -> None:
    store = xliff.xlifffile.parsestring(export("xliff12"))
    units = [unit for unit in store.units if not unit.isheader()]
    segments = review_segments()
    assert len(units) == len(segments)
    for unit, segment in zip(units, segments, strict=True):
        target = unit.xmlelement.find(f"{{{XLIFF_12_NAMESPACE}}}target")
        assert target.get("state") == XLIFF_12_STATES[review_state(segment)]
        assert unit.isapproved() == segment.approved
        assert [alternative.target for alternative in unit.getalttrans()] == [
            xml_safe(segment.machine_translation)
        ]
        assert len(unit.getnotes().splitlines()) == len(segment.flags)
    assert {
        target.get("state")
        for target in store.document.iter(f"{{{XLIFF_12_NAMESPACE}}}target")
        if target.get("state")
    } == {"needs-review-translation", "translated", "signed-off"}


@pytest.mark.parametrize("options", OPTION_SETS)
def test_xliff_20_is_valid_against_the_oasis_schema(
    xliff_20_schema: etree.XMLSchema, options: ExportOptions
) -> None:
    document = etree.fromstring(export("xliff20", options))
    assert xliff_20_schema.validate(document), xliff_20_schema.error_log
    segments = document.iterfind(".//x:unit/x:segment", XLIFF_2)
    pairs = [
        (s.findtext("x:source", namespaces=XLIFF_2), s.findtext("x:target", namespaces=XLIFF_2))
        for s in segments
    ]
    assert pairs == expected_pairs(options)


def test_xliff_20_schema_check_is_real(xliff_20_schema: etree.XMLSchema) -> None:
    document = etree.fromstring(export("xliff20"))
    document.find(".//x:segment", XLIFF_2).set("state", "signed-off")
    assert not xliff_20_schema.validate(document)


def test_xliff_20_units_are_paragraphs_with_states_and_machine_translations() -> None:
    document = etree.fromstring(export("xliff20"))
    segments = review_segments()
    units = document.findall(".//x:unit", XLIFF_2)
    assert len(units) == len({segment.paragraph for segment in segments})
    by_id = {element.get("id"): element for element in document.iterfind(".//x:segment", XLIFF_2)}
    matches = {
        match.get("ref"): match.findtext("x:target", namespaces=XLIFF_2)
        for match in document.iterfind(".//mtc:match", XLIFF_2)
    }
    for segment in segments:
        element = by_id[f"s{segment.position}"]
        assert element.get("state") == XLIFF_20_STATES[review_state(segment)]
        assert matches[f"#s{segment.position}"] == xml_safe(segment.machine_translation)
    notes = document.findall(".//x:unit/x:notes/x:note", XLIFF_2)
    assert len(notes) == sum(len(segment.flags) for segment in segments)
    assert {note.get("appliesTo") for note in notes} == {"source", "target"}
    assert document.find("x:file", XLIFF_2).get("trgDir") == "rtl"
