"""The corrected translation as a plain UTF-8 text file, one paragraph per line."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import groupby
from operator import attrgetter

from reviewapp.exporters.base import (
    Exporter,
    ExportMeta,
    ExportOptions,
    ExportSegment,
    exported_text,
    is_unreviewed,
    sentence_separator,
    xml_safe,
)

# Every character Unicode treats as a line or paragraph break: inside a
# sentence one would split a paragraph across lines.
_LINE_BREAKS = re.compile("[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+")

# A symbol, not a word: a Latin "[unreviewed]" at the start of an Arabic line
# would be its first strong character and flip the whole line to left-to-right
# in viewers that guess direction.  U+26A0 is direction-neutral in every script.
UNREVIEWED_MARK = "\u26a0 "


def one_line(text: str) -> str:
    return _LINE_BREAKS.sub(" ", xml_safe(text)).strip()


def paragraph_sentences(
    segments: Iterable[ExportSegment], options: ExportOptions
) -> Iterator[list[tuple[str, bool]]]:
    """Each paragraph's sentences as (one-line text, whether to mark it unreviewed).

    A sentence with no text is left out unless it is to be marked, so that a
    reader still sees where an unreviewed sentence was withheld.
    """
    for _, paragraph in groupby(segments, key=attrgetter("paragraph")):
        sentences = []
        for segment in paragraph:
            sentence = one_line(exported_text(segment, options))
            marked = options.mark_unreviewed and is_unreviewed(segment)
            if sentence or marked:
                sentences.append((sentence, marked))
        yield sentences


class PlainTextExporter(Exporter):
    identifier = "txt"
    verbose_name = "Plain text (corrected translation)"
    extension = "txt"
    content_type = "text/plain; charset=utf-8"

    def pieces(
        self, segments: Iterable[ExportSegment], meta: ExportMeta, options: ExportOptions
    ) -> Iterator[bytes]:
        separator = sentence_separator(meta.target_lang)
        for sentences in paragraph_sentences(segments, options):
            line = separator.join(
                UNREVIEWED_MARK + sentence if marked else sentence for sentence, marked in sentences
            )
            yield (line + "\n").encode()
