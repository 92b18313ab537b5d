"""The XML exchange formats of translation tools: TMX 1.4, XLIFF 1.2 and XLIFF 2.0.

Written with lxml's incremental writer (`etree.xmlfile`), which escapes text
and attributes and serialises as it goes: each unit is drained from the buffer
as soon as it is written, so the document is never held whole.  lxml refuses
characters XML cannot carry, so every string passes through `xml_safe` first.
"""

from __future__ import annotations

import io
from abc import abstractmethod
from collections.abc import Iterable, Iterator
from itertools import groupby
from operator import attrgetter
from typing import Any, ClassVar

from lxml import etree

from reviewapp.exporters.base import (
    Exporter,
    ExportFlag,
    ExportMeta,
    ExportOptions,
    ExportSegment,
    ReviewState,
    describe_flag,
    exported_text,
    review_state,
    xml_safe,
)
from reviewapp.languages import text_direction

PRODUCT = "reviewapp"
XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"
XML_LANG = f"{{{XML_NAMESPACE}}}lang"
XML_SPACE = f"{{{XML_NAMESPACE}}}space"
XLIFF_12_NAMESPACE = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF_20_NAMESPACE = "urn:oasis:names:tc:xliff:document:2.0"
XLIFF_MATCHES_NAMESPACE = "urn:oasis:names:tc:xliff:matches:2.0"

# XLIFF note priorities run from 1 (most important) to 10.
_NOTE_PRIORITY = {"critical": "1", "major": "3", "minor": "5"}
_DEFAULT_NOTE_PRIORITY = "5"

XLIFF_12_STATES = {
    ReviewState.UNREVIEWED: "needs-review-translation",
    ReviewState.EDITED: "translated",
    ReviewState.APPROVED: "signed-off",
    ReviewState.FINAL: "signed-off",
}
XLIFF_20_STATES = {
    ReviewState.UNREVIEWED: "initial",
    ReviewState.EDITED: "translated",
    ReviewState.APPROVED: "reviewed",
    ReviewState.FINAL: "final",
}


def note_priority(flag: ExportFlag) -> str:
    return _NOTE_PRIORITY.get(flag.severity, _DEFAULT_NOTE_PRIORITY)


class XmlWriter:
    """lxml's incremental writer over a buffer that the exporter empties after each unit."""

    def __init__(self) -> None:
        self.buffer = io.BytesIO()
        self.xmlfile = etree.xmlfile(self.buffer, encoding="utf-8", buffered=False)

    def element(self, tag: str, attributes: dict[str, str] | None = None, **kwargs: Any) -> Any:
        safe = {name: xml_safe(value) for name, value in (attributes or {}).items()}
        return self.output.element(tag, safe, **kwargs)

    def text_element(self, tag: str, text: str, attributes: dict[str, str] | None = None) -> None:
        with self.element(tag, attributes):
            self.output.write(xml_safe(text))

    def take(self) -> bytes:
        written = self.buffer.getvalue()
        self.buffer.seek(0)
        self.buffer.truncate()
        return written

    def __enter__(self) -> XmlWriter:
        self.output = self.xmlfile.__enter__()
        self.output.write_declaration()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.xmlfile.__exit__(*exc_info)


class XmlExporter(Exporter):
    namespace: ClassVar[str] = ""

    @classmethod
    def tag(cls, name: str) -> str:
        return f"{{{cls.namespace}}}{name}" if cls.namespace else name

    def pieces(
        self, segments: Iterable[ExportSegment], meta: ExportMeta, options: ExportOptions
    ) -> Iterator[bytes]:
        writer = XmlWriter()
        with writer:
            for _ in self.write(writer, segments, meta, options):
                yield writer.take()
        yield writer.take()

    @abstractmethod
    def write(
        self,
        writer: XmlWriter,
        segments: Iterable[ExportSegment],
        meta: ExportMeta,
        options: ExportOptions,
    ) -> Iterator[None]:
        """Writes the document, pausing (yielding) after each unit so the buffer can drain."""


class TmxExporter(XmlExporter):
    """TMX 1.4b: the source and the exported translation of each segment as a translation unit.

    The raw machine translation rides along as a `x-mt` property of the target
    variant, review state and paragraph as unit properties, flags as notes.
    """

    identifier = "tmx"
    verbose_name = "TMX 1.4 translation memory"
    extension = "tmx"
    content_type = "application/x-tmx+xml"

    def write(
        self,
        writer: XmlWriter,
        segments: Iterable[ExportSegment],
        meta: ExportMeta,
        options: ExportOptions,
    ) -> Iterator[None]:
        header = {
            "creationtool": PRODUCT,
            "creationtoolversion": "1",
            "segtype": "sentence",
            "o-tmf": PRODUCT,
            "adminlang": "en",
            "srclang": meta.source_lang,
            "datatype": "plaintext",
            "creationdate": meta.exported_at.strftime("%Y%m%dT%H%M%SZ"),
            "creationid": meta.exported_by,
        }
        with writer.element("tmx", {"version": "1.4"}, nsmap={"xml": XML_NAMESPACE}):
            with writer.element("header", header):
                writer.text_element("prop", meta.document_title, {"type": "x-document"})
                writer.text_element("prop", meta.system_name, {"type": "x-system"})
            with writer.element("body"):
                for segment in segments:
                    self.write_unit(writer, segment, meta, options)
                    yield

    def write_unit(
        self, writer: XmlWriter, segment: ExportSegment, meta: ExportMeta, options: ExportOptions
    ) -> None:
        unit = {"tuid": str(segment.position)}
        if segment.editor:
            unit["changeid"] = segment.editor
        with writer.element("tu", unit):
            writer.text_element("prop", str(segment.paragraph), {"type": "x-paragraph"})
            writer.text_element("prop", review_state(segment), {"type": "x-state"})
            for name, score in sorted(segment.scores.items()):
                writer.text_element("prop", repr(score), {"type": f"x-score-{name}"})
            for flag in segment.flags:
                writer.text_element("note", describe_flag(segment, flag))
            with writer.element("tuv", {XML_LANG: meta.source_lang}):
                writer.text_element("seg", segment.source)
            with writer.element("tuv", {XML_LANG: meta.target_lang}):
                writer.text_element("prop", segment.machine_translation, {"type": "x-mt"})
                writer.text_element("seg", exported_text(segment, options))


class Xliff12Exporter(XmlExporter):
    """XLIFF 1.2: a group per paragraph, a trans-unit per segment.

    The target's `state` and the unit's `approved` say where review stands;
    the machine translation is an `alt-trans` from the MT system, flags are notes.
    """

    identifier = "xliff12"
    verbose_name = "XLIFF 1.2"
    extension = "xlf"
    content_type = "application/x-xliff+xml"
    namespace = XLIFF_12_NAMESPACE

    def write(
        self,
        writer: XmlWriter,
        segments: Iterable[ExportSegment],
        meta: ExportMeta,
        options: ExportOptions,
    ) -> Iterator[None]:
        file_attributes = {
            "original": meta.document_id,
            "source-language": meta.source_lang,
            "target-language": meta.target_lang,
            "datatype": "plaintext",
            "product-name": meta.project,
            "date": meta.exported_at.isoformat(),
        }
        namespaces = {None: XLIFF_12_NAMESPACE, "xml": XML_NAMESPACE}
        with (
            writer.element(self.tag("xliff"), {"version": "1.2"}, nsmap=namespaces),
            writer.element(self.tag("file"), file_attributes),
        ):
            with writer.element(self.tag("header")):
                writer.text_element(
                    self.tag("note"), meta.document_title, {"from": meta.exported_by}
                )
            with writer.element(self.tag("body")):
                for paragraph, units in groupby(segments, key=attrgetter("paragraph")):
                    with writer.element(self.tag("group"), {"id": f"p{paragraph}"}):
                        for segment in units:
                            self.write_unit(writer, segment, meta, options)
                            yield

    def write_unit(
        self, writer: XmlWriter, segment: ExportSegment, meta: ExportMeta, options: ExportOptions
    ) -> None:
        unit = {
            "id": str(segment.position),
            "approved": "yes" if segment.approved else "no",
            XML_SPACE: "preserve",
        }
        target = {XML_LANG: meta.target_lang, "state": XLIFF_12_STATES[review_state(segment)]}
        with writer.element(self.tag("trans-unit"), unit):
            writer.text_element(self.tag("source"), segment.source, {XML_LANG: meta.source_lang})
            writer.text_element(self.tag("target"), exported_text(segment, options), target)
            with writer.element(self.tag("alt-trans"), {"origin": meta.system_name}):
                writer.text_element(
                    "target", segment.machine_translation, {XML_LANG: meta.target_lang}
                )
            for flag in segment.flags:
                note = {"annotates": flag.side, "priority": note_priority(flag)}
                if flag.author:
                    note["from"] = flag.author
                writer.text_element(self.tag("note"), describe_flag(segment, flag), note)


class Xliff20Exporter(XmlExporter):
    """XLIFF 2.0 core: a unit per paragraph, a segment per sentence, as the standard intends.

    Each segment's `state` says where its review stands; each machine
    translation is a match of type "mt" (Translation Candidates module) that
    refers to its segment; flags are the unit's notes.  A unit is written once
    its paragraph is complete, so memory holds one paragraph at a time.
    """

    identifier = "xliff20"
    verbose_name = "XLIFF 2.0"
    extension = "xliff"
    content_type = "application/xliff+xml"
    namespace = XLIFF_20_NAMESPACE

    def write(
        self,
        writer: XmlWriter,
        segments: Iterable[ExportSegment],
        meta: ExportMeta,
        options: ExportOptions,
    ) -> Iterator[None]:
        root = {
            "version": "2.0",
            "srcLang": meta.source_lang,
            "trgLang": meta.target_lang,
            XML_SPACE: "preserve",
        }
        file_attributes = {
            "id": "f1",
            "original": meta.document_id,
            "srcDir": text_direction(meta.source_lang),
            "trgDir": text_direction(meta.target_lang),
        }
        namespaces = {
            None: XLIFF_20_NAMESPACE,
            "mtc": XLIFF_MATCHES_NAMESPACE,
            "xml": XML_NAMESPACE,
        }
        with (
            writer.element(self.tag("xliff"), root, nsmap=namespaces),
            writer.element(self.tag("file"), file_attributes),
        ):
            with writer.element(self.tag("notes")):
                writer.text_element(self.tag("note"), meta.document_title, {"category": "title"})
            empty = True
            for paragraph, sentences in groupby(segments, key=attrgetter("paragraph")):
                self.write_unit(writer, paragraph, list(sentences), meta, options)
                empty = False
                yield
            if empty:
                # The schema wants at least one unit or group in a file, and an
                # empty group is the one way to say "nothing selected".
                writer.text_element(self.tag("group"), "", {"id": "empty"})

    def write_unit(
        self,
        writer: XmlWriter,
        paragraph: int,
        sentences: list[ExportSegment],
        meta: ExportMeta,
        options: ExportOptions,
    ) -> None:
        tag = self.tag
        with writer.element(tag("unit"), {"id": f"u{paragraph}"}):
            with writer.element(f"{{{XLIFF_MATCHES_NAMESPACE}}}matches"):
                for segment in sentences:
                    match = {
                        "ref": f"#s{segment.position}",
                        "type": "mt",
                        "origin": meta.system_name,
                    }
                    with writer.element(f"{{{XLIFF_MATCHES_NAMESPACE}}}match", match):
                        writer.text_element(tag("source"), segment.source)
                        writer.text_element(tag("target"), segment.machine_translation)
            notes = [(segment, flag) for segment in sentences for flag in segment.flags]
            if notes:
                with writer.element(tag("notes")):
                    for index, (segment, flag) in enumerate(notes):
                        note = {
                            "id": f"n{segment.position}.{index}",
                            "appliesTo": flag.side,
                            "category": flag.category,
                            "priority": note_priority(flag),
                        }
                        writer.text_element(tag("note"), describe_flag(segment, flag), note)
            for segment in sentences:
                state = {
                    "id": f"s{segment.position}",
                    "state": XLIFF_20_STATES[review_state(segment)],
                }
                with writer.element(tag("segment"), state):
                    writer.text_element(tag("source"), segment.source)
                    writer.text_element(tag("target"), exported_text(segment, options))
