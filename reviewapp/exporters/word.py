"""The corrected translation as a Word document.

A .docx is a zip whose main part must be complete before it is compressed, and
python-docx holds the whole document tree in memory, so this format cannot
stream.  Memory is bounded instead: one run per sentence and nothing else per
segment, and the finished file is spooled to a temporary file (on disk past
a few MiB) and sent from there in chunks.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator
from functools import partial

from docx import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.text.paragraph import Paragraph

from reviewapp.exporters.base import (
    CHUNK_BYTES,
    Exporter,
    ExportMeta,
    ExportOptions,
    ExportSegment,
    sentence_separator,
    xml_safe,
)
from reviewapp.exporters.text import paragraph_sentences
from reviewapp.languages import text_direction

# python-docx has no public setting for a paragraph's direction, and w:bidi
# must come before these siblings inside w:pPr (ECMA-376 CT_PPrBase order).
_TAGS_AFTER_BIDI = (
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)

SPOOL_BYTES = 8 * 1024 * 1024


def make_right_to_left(paragraph: Paragraph) -> None:
    paragraph_properties = paragraph._p.get_or_add_pPr()
    paragraph_properties.insert_element_before(OxmlElement("w:bidi"), *_TAGS_AFTER_BIDI)


class DocxExporter(Exporter):
    identifier = "docx"
    verbose_name = "Word document (corrected translation)"
    extension = "docx"
    content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    def pieces(
        self, segments: Iterable[ExportSegment], meta: ExportMeta, options: ExportOptions
    ) -> Iterator[bytes]:
        document = Document()
        document.core_properties.title = xml_safe(meta.document_title)
        document.core_properties.author = xml_safe(meta.exported_by)
        document.add_heading(xml_safe(meta.document_title), level=1)
        right_to_left = text_direction(meta.target_lang) == "rtl"
        separator = sentence_separator(meta.target_lang)
        # Document.add_paragraph looks for the body's closing section properties
        # by scanning every paragraph so far, which makes long documents take
        # quadratic time; inserting before that element directly does not.
        section_properties = document.element.body.sectPr
        for sentences in paragraph_sentences(segments, options):
            paragraph_element = OxmlElement("w:p")
            section_properties.addprevious(paragraph_element)
            paragraph = Paragraph(paragraph_element, document)
            if right_to_left:
                make_right_to_left(paragraph)
            for index, (sentence, marked) in enumerate(sentences):
                run = paragraph.add_run(sentence if index == 0 else separator + sentence)
                run.font.rtl = right_to_left or None
                if marked:
                    run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES) as spool:
            document.save(spool)
            del document
            spool.seek(0)
            yield from iter(partial(spool.read, CHUNK_BYTES), b"")
