"""The corrected translation as a Word document, streamed.

A .docx is a zip of XML parts.  All parts but the body are small and fixed, so
they are copied from python-docx's own default template (its styles, theme,
settings and relationships); the core properties get the title and author.
The body, word/document.xml, is written paragraph by paragraph with lxml's
incremental writer straight into its zip member, and the zip is written to an
unseekable sink whose bytes are yielded as they come: memory does not grow
with the document.  python-docx itself is not used to build the body because
it keeps the whole document tree in memory until it saves.
"""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import docx
from babel.core import get_global, parse_locale
from docx.opc.coreprops import CoreProperties
from docx.opc.oxml import serialize_part_xml
from docx.oxml.parser import parse_xml
from lxml import etree

from reviewapp.charts import text_direction as written_direction
from reviewapp.exporters.base import (
    Exporter,
    ExportMeta,
    ExportOptions,
    ExportSegment,
    ZipSink,
    sentence_separator,
    xml_safe,
)
from reviewapp.exporters.text import paragraph_sentences
from reviewapp.languages import text_direction

TEMPLATE = Path(docx.__file__).parent / "templates" / "default.docx"
DOCUMENT_PART = "word/document.xml"
CORE_PROPERTIES_PART = "docProps/core.xml"

W_NAMESPACE = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"
XML_SPACE = f"{{{XML_NAMESPACE}}}space"
HEADING_STYLE = "Heading1"  # the style id of "Heading 1" in the template's styles.xml


def w(name: str) -> str:
    return f"{{{W_NAMESPACE}}}{name}"


@dataclass(frozen=True, slots=True)
class TemplateDocument:
    """What the streamed body needs from the template's word/document.xml."""

    root: etree._Element  # w:document, with the namespaces and mc:Ignorable Word expects
    body: etree._Element
    section_properties: etree._Element  # page size and margins, the body's last child


@lru_cache(maxsize=1)
def template_document() -> TemplateDocument:
    with zipfile.ZipFile(TEMPLATE) as template:
        root = etree.fromstring(template.read(DOCUMENT_PART))
    body = root.find(w("body"))
    section_properties = body.find(w("sectPr"))
    section_properties.tail = None  # the template's indentation, which would follow it
    return TemplateDocument(root=root, body=body, section_properties=section_properties)


@lru_cache(maxsize=256)
def word_language_tag(code: str) -> str:
    """A BCP 47 tag with a region, as Word's language list names languages ("ar" -> "ar-EG").

    Word matches w:lang against its regional languages (for proofing tools),
    so a bare language gets the region CLDR deems most likely for it.
    """
    try:
        language, territory, script, _ = parse_locale(code.replace("-", "_"))
    except ValueError:
        return code
    if territory is None:
        likely = get_global("likely_subtags")
        expanded = likely.get(f"{language}_{script}") or likely.get(language)
        if expanded:
            territory = parse_locale(expanded)[1]
    return "-".join(part for part in (language, script, territory) if part)


def core_properties_xml(template_xml: bytes, meta: ExportMeta) -> bytes:
    element = parse_xml(template_xml)
    properties = CoreProperties(element)
    properties.title = xml_safe(meta.document_title)
    properties.author = xml_safe(meta.exported_by)
    properties.created = properties.modified = meta.exported_at
    return serialize_part_xml(element)


@dataclass(frozen=True, slots=True)
class RunStyle:
    right_to_left: bool
    language_tag: str | None  # None where the language of the text is not known


def write_empty(output: Any, tag: str, attributes: dict[str, str] | None = None) -> None:
    with output.element(tag, attributes or {}):
        pass


def write_run(output: Any, text: str, style: RunStyle, highlighted: bool) -> None:
    with output.element(w("r")):
        if highlighted or style.right_to_left or style.language_tag:
            # Children in the order ECMA-376 fixes for CT_RPr.
            with output.element(w("rPr")):
                if highlighted:
                    write_empty(output, w("highlight"), {w("val"): "yellow"})
                if style.right_to_left:
                    write_empty(output, w("rtl"))
                if style.language_tag:
                    tag = style.language_tag
                    write_empty(
                        output, w("lang"), {w("val"): tag, w("eastAsia"): tag, w("bidi"): tag}
                    )
        # WordprocessingML writes a tab as its own element, as python-docx and Word do.
        for index, piece in enumerate(text.split("\t")):
            if index:
                write_empty(output, w("tab"))
            if piece:
                with output.element(w("t"), {XML_SPACE: "preserve"}):
                    output.write(piece)


def write_paragraph(
    output: Any,
    runs: Iterable[tuple[str, bool]],
    style: RunStyle,
    paragraph_style: str | None = None,
) -> None:
    with output.element(w("p")):
        if paragraph_style or style.right_to_left:
            with output.element(w("pPr")):
                if paragraph_style:
                    write_empty(output, w("pStyle"), {w("val"): paragraph_style})
                if style.right_to_left:
                    write_empty(output, w("bidi"))
        for text, highlighted in runs:
            write_run(output, text, style, highlighted)


def write_document(
    member: Any,
    segments: Iterable[ExportSegment],
    meta: ExportMeta,
    options: ExportOptions,
) -> Iterator[None]:
    """Writes word/document.xml into `member`, pausing after each paragraph."""
    template = template_document()
    title = xml_safe(meta.document_title)
    title_style = RunStyle(right_to_left=written_direction(title) == "rtl", language_tag=None)
    body_style = RunStyle(
        right_to_left=text_direction(meta.target_lang) == "rtl",
        language_tag=word_language_tag(meta.target_lang),
    )
    separator = sentence_separator(meta.target_lang)
    with etree.xmlfile(member, encoding="UTF-8") as output:
        output.write_declaration(standalone=True)
        root = template.root
        # lxml's incremental writer invents a prefix for xml:space unless the
        # xml prefix is declared, and XML forbids any other prefix for it.
        namespaces = {**root.nsmap, "xml": XML_NAMESPACE}
        with (
            output.element(root.tag, dict(root.attrib), nsmap=namespaces),
            output.element(template.body.tag),
        ):
            write_paragraph(output, [(title, False)], title_style, HEADING_STYLE)
            for sentences in paragraph_sentences(segments, options):
                runs = (
                    (sentence if index == 0 else separator + sentence, marked)
                    for index, (sentence, marked) in enumerate(sentences)
                )
                write_paragraph(output, runs, body_style)
                yield
            output.write(template.section_properties)


class DocxExporter(Exporter):
    identifier = "docx"
    verbose_name = "Word document (corrected translation)"
    extension = "docx"
    content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    def pieces(
        self, segments: Iterable[ExportSegment], meta: ExportMeta, options: ExportOptions
    ) -> Iterator[bytes]:
        sink = ZipSink()
        # The export time, not the clock, dates the members: the same review
        # exports as the same bytes.
        date_time = meta.exported_at.timetuple()[:6]
        with (
            zipfile.ZipFile(TEMPLATE) as template,
            zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as package,
        ):
            for template_member in template.infolist():
                name = template_member.filename
                member_info = zipfile.ZipInfo(name, date_time=date_time)
                member_info.compress_type = zipfile.ZIP_DEFLATED
                # No zip64 headers even for the body: some versions of Office
                # refuse them, and zipfile still stops a member at 2 GiB, far
                # beyond what Word opens.
                with package.open(member_info, "w") as member:
                    if name == DOCUMENT_PART:
                        for _ in write_document(member, segments, meta, options):
                            yield sink.take()
                    elif name == CORE_PROPERTIES_PART:
                        member.write(core_properties_xml(template.read(name), meta))
                    else:
                        with template.open(template_member) as template_part:
                            shutil.copyfileobj(template_part, member)
                yield sink.take()
        yield sink.take()
