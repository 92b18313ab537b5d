"""XML exchange formats: TMX 1.4, XLIFF 1.2 and XLIFF 2.0, read by translate-toolkit.

Every file is first parsed by defusedxml, which refuses entity declarations (the
"billion laughs" expansion and XXE external entities both need one) and external
references; only a file that passes is handed to translate-toolkit's lxml parser. A plain
DOCTYPE line such as `<!DOCTYPE tmx SYSTEM "tmx14.dtd">` is accepted: translate-toolkit
writes it into every TMX, and nothing loads it.

Paragraphs: a TMX <tu> may carry <prop type="x-paragraph">N</prop>, otherwise every <tu>
is a paragraph; in XLIFF the units of one <group> (1.2 trans-units, 2.0 units) share a
paragraph, as do the segments of one XLIFF 2.0 <unit>; any other unit is its own.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from typing import Any
from xml.etree.ElementTree import Element, ParseError

from bs4.dammit import EncodingDetector
from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden
from defusedxml.ElementTree import fromstring
from lxml import etree
from translate.storage import tmx, xliff, xliff2

from reviewapp.importers.base import (
    BilingualDocument,
    BilingualFormat,
    DecodedText,
    ImportRejected,
    decode_bytes,
    make_document,
)

XML_DECLARATION = re.compile(r"^\s*<\?xml\b[^>]*\?>")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XLIFF_1_NAMESPACE = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF_2_NAMESPACE = "urn:oasis:names:tc:xliff:document:2.0"
TMX_PARAGRAPH_PROPERTY = "x-paragraph"
XLIFF_VERSION = re.compile(r"<xliff\b[^>]*?\bversion\s*=\s*[\"'](\d)", re.S)


def parse_safely(data: bytes, declared_encoding: str | None) -> tuple[bytes, Element, DecodedText]:
    """UTF-8 bytes without XML declaration, their safe parse, and how they were decoded.

    Decoding here rather than in the XML parser gives XML the same encoding checks and
    messages as every other format, and lets the user override a wrong declaration.
    """
    declared = declared_encoding or EncodingDetector.find_declared_encoding(data, is_html=False)
    decoded = decode_bytes(data, declared)
    utf8 = XML_DECLARATION.sub("", decoded.text, count=1).encode("utf-8")
    try:
        root = fromstring(utf8, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except EntitiesForbidden:
        raise ImportRejected(
            "The file declares XML entities (<!ENTITY …>). They are refused because they can "
            "expand to gigabytes (“billion laughs”) or read files from the server (XXE)."
        ) from None
    except DTDForbidden:
        raise ImportRejected("The file contains a document type definition (DTD).") from None
    except DefusedXmlException:
        raise ImportRejected("The file refers to external XML resources.") from None
    except ParseError as error:
        line, column = error.position
        reason = str(error).split(":", 1)[0]
        raise ImportRejected(
            f"The file is not well-formed XML: {reason} at line {line}, column {column + 1}."
        ) from None
    return utf8, root, decoded


def local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def expect_root(root: Element, name: str, label: str) -> None:
    if local_name(root.tag) != name:
        raise ImportRejected(f"This is not a {label} file: its root element is <{root.tag}>.")


def load_store(store_class: Any, utf8: bytes, label: str) -> Any:
    try:
        return store_class.parsestring(utf8)
    except (ValueError, AssertionError, StopIteration, etree.XMLSyntaxError) as error:
        raise ImportRejected(f"The {label} file could not be read: {error}") from None


def paragraph_key(unit: etree._Element) -> etree._Element:
    """The enclosing <group> when there is one, else the unit itself.

    lxml hands out the same proxy object while a reference is held, so elements work as
    dictionary keys for make_document.
    """
    parent = unit.getparent()
    if parent is not None and etree.QName(parent).localname == "group":
        return parent
    return unit


class XmlFormat(BilingualFormat):
    root_name = ""

    def read(
        self, data: bytes, *, max_bytes: int, declared_encoding: str | None
    ) -> BilingualDocument:
        utf8, root, decoded = parse_safely(data, declared_encoding)
        expect_root(root, self.root_name, self.label)
        return self.read_tree(utf8, root, decoded.warnings())

    def read_tree(self, utf8: bytes, root: Element, warnings: list[str]) -> BilingualDocument:
        raise NotImplementedError


class TmxFormat(XmlFormat):
    identifier = "tmx"
    label = "TMX translation memory"
    extensions = (".tmx",)
    root_name = "tmx"

    def sniff(self, data: bytes, head: str) -> bool:
        return "<tmx" in head

    def read_tree(self, utf8: bytes, root: Element, warnings: list[str]) -> BilingualDocument:
        header = root.find("header")
        declared_source = header.get("srclang") if header is not None else None
        languages = list(dict.fromkeys(tuv.get(XML_LANG, "") for tuv in root.iter("tuv")))
        if not declared_source or declared_source == "*all*":
            declared_source = languages[0] if languages else None
        if declared_source is None:
            raise ImportRejected("The file contains no translation pairs.")
        others = [lang for lang in languages if lang.lower() != declared_source.lower()]
        target_lang = others[0] if others else None
        if len(others) > 1:
            warnings = [
                *warnings,
                f"The file holds {len(others) + 1} languages; only {declared_source} and "
                f"{target_lang} were imported.",
            ]
        store = load_store(tmx.tmxfile, utf8, self.label)
        store.setsourcelanguage(declared_source)
        rows: list[tuple[str, str, Hashable]] = []
        for position, unit in enumerate(store.units):
            paragraph = unit.xmlelement.find(f"prop[@type='{TMX_PARAGRAPH_PROPERTY}']")
            key = ("prop", paragraph.text) if paragraph is not None else ("tu", position)
            target = unit.gettarget(target_lang) if target_lang else ""
            rows.append((unit.source or "", target or "", key))
        return make_document(
            rows, source_lang=declared_source, target_lang=target_lang, warnings=warnings
        )


class XliffFormat(XmlFormat):
    """XLIFF 1.2 and 2.0 share their extensions; the version attribute or namespace decides."""

    extensions = (".xlf", ".xliff")
    root_name = "xliff"
    major_version = ""
    namespace = ""

    def sniff(self, data: bytes, head: str) -> bool:
        version = XLIFF_VERSION.search(head)
        return self.namespace in head or bool(version and version.group(1) == self.major_version)


class Xliff1Format(XliffFormat):
    identifier = "xliff12"
    label = "XLIFF 1.2"
    major_version = "1"
    namespace = XLIFF_1_NAMESPACE

    def read_tree(self, utf8: bytes, root: Element, warnings: list[str]) -> BilingualDocument:
        store = load_store(xliff.xlifffile, utf8, self.label)
        rows: list[tuple[str, str, Hashable]] = []
        for unit in store.units:
            if unit.isheader():
                continue
            rows.append((unit.source or "", unit.target or "", paragraph_key(unit.xmlelement)))
        file_node = next((child for child in root if local_name(child.tag) == "file"), None)
        return make_document(
            rows,
            source_lang=file_node.get("source-language") if file_node is not None else None,
            target_lang=file_node.get("target-language") if file_node is not None else None,
            warnings=warnings,
        )


class Xliff2Format(XliffFormat):
    identifier = "xliff20"
    label = "XLIFF 2.0"
    major_version = "2"
    namespace = XLIFF_2_NAMESPACE

    def read_tree(self, utf8: bytes, root: Element, warnings: list[str]) -> BilingualDocument:
        store = load_store(xliff2.Xliff2File, utf8, self.label)
        rows: list[tuple[str, str, Hashable]] = [
            (unit.source or "", unit.target or "", paragraph_key(unit.getunitelement()))
            for unit in store.units
        ]
        return make_document(
            rows,
            source_lang=root.get("srcLang"),
            target_lang=root.get("trgLang"),
            warnings=warnings,
        )
