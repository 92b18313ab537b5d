"""Punctuation and spacing conventions of the target language."""

import re
from collections.abc import Iterable

from reviewapp.checks.base import (
    Check,
    CheckContext,
    Finding,
    SegmentPair,
    primary_language,
    register,
)
from reviewapp.transliteration import ARABIC_SCRIPT_LANGUAGES

# Punctuation that Arabic script replaces with its own marks.
ARABIC_PUNCTUATION = {",": "،", ";": "؛", "?": "؟"}
_SPACE_BEFORE_ARABIC_MARK = re.compile(r"[ \t\u00a0]+(?=[،؛؟])")
# A Latin mark counts only between Arabic-script words (not in "3,5" or a URL).
_LATIN_MARK_IN_ARABIC = re.compile(r"(?<=[\u0600-\u06ff])\s*([,;?])(?=\s*[\u0600-\u06ff]|\s*$)")
_DOUBLE_SPACE = re.compile(r"(?<=\S) {2,}(?=\S)")
# The word is possessive (\w++): it has to end where the spaces start, and backing off
# letter by letter before failing made this the slowest scan of the check.
_REPEATED_WORD = re.compile(r"\b(\w++)(\s+\1\b)+", re.IGNORECASE)
# Single curly quotes are left out: "’" is also the apostrophe.
PAIRS = {"(": ")", "[": "]", "{": "}", "«": "»", "“": "”"}
_CLOSING_TO_OPENING = {closing: opening for opening, closing in PAIRS.items()}
SYMMETRIC_QUOTES = ('"',)
# Only these characters matter to unbalanced_marks; the regex finds them in C.
_MARKS = re.compile(
    "[" + re.escape("".join(PAIRS) + "".join(PAIRS.values()) + "".join(SYMMETRIC_QUOTES)) + "]"
)


def unbalanced_marks(text: str) -> list[tuple[int, str]]:
    """Positions of brackets and quotes without partner, as (offset, mark)."""
    stack: list[tuple[int, str]] = []
    unmatched: list[tuple[int, str]] = []
    quote_offsets: dict[str, list[int]] = {}
    for match in _MARKS.finditer(text):
        offset, character = match.start(), match.group(0)
        if character in PAIRS:
            stack.append((offset, character))
        elif character in _CLOSING_TO_OPENING:
            if stack and stack[-1][1] == _CLOSING_TO_OPENING[character]:
                stack.pop()
            else:
                unmatched.append((offset, character))
        else:
            quote_offsets.setdefault(character, []).append(offset)
    unmatched.extend(stack)
    for quote, offsets in quote_offsets.items():
        if len(offsets) % 2:
            unmatched.append((offsets[-1], quote))
    return sorted(unmatched)


@register
class PunctuationCheck(Check):
    check_id = "punctuation"
    name = "Punctuation and spacing"
    description = (
        "No space before Arabic comma, semicolon or question mark; no Latin , ; ? in "
        "Arabic-script text; balanced quotes and brackets; no double spaces or repeated words."
    )

    def check_segment(self, pair: SegmentPair, context: CheckContext) -> Iterable[Finding]:
        target = pair.target
        if primary_language(pair.target_lang) in ARABIC_SCRIPT_LANGUAGES:
            # Each scan only when its marks are there: most segments have none of them.
            if "،" in target or "؛" in target or "؟" in target:
                for match in _SPACE_BEFORE_ARABIC_MARK.finditer(target):
                    mark = target[match.end()]
                    yield self._finding(
                        pair,
                        "punctuation_space",
                        match.start(),
                        match.end() + 1,
                        mark,
                        f"No space goes before “{mark}”.",
                    )
            if "," in target or ";" in target or "?" in target:
                for match in _LATIN_MARK_IN_ARABIC.finditer(target):
                    mark = match.group(1)
                    yield self._finding(
                        pair,
                        "latin_punctuation",
                        match.start(1),
                        match.end(1),
                        ARABIC_PUNCTUATION[mark],
                        f"Use the Arabic “{ARABIC_PUNCTUATION[mark]}” instead of “{mark}”.",
                    )
        # The source is scanned only for what the target has.
        target_unbalanced = unbalanced_marks(target)
        if target_unbalanced:
            source_unbalanced = {mark for _, mark in unbalanced_marks(pair.source)}
            for offset, mark in target_unbalanced:
                if mark not in source_unbalanced:
                    yield self._finding(
                        pair,
                        "unbalanced",
                        offset,
                        offset + 1,
                        "",
                        f"“{mark}” has no matching partner.",
                    )
        if "  " in target:
            for match in _DOUBLE_SPACE.finditer(target):
                yield self._finding(
                    pair, "double_space", match.start(), match.end(), " ", "Double space."
                )
        target_repeats = list(_REPEATED_WORD.finditer(target))
        if target_repeats:
            source_repeats = {
                match.group(0).casefold() for match in _REPEATED_WORD.finditer(pair.source)
            }
            for match in target_repeats:
                if match.group(0).casefold() not in source_repeats:
                    yield self._finding(
                        pair,
                        "repeated_word",
                        match.start(),
                        match.end(),
                        match.group(1),
                        f"The word “{match.group(1)}” is repeated.",
                        category="grammar",
                    )

    def _finding(
        self,
        pair: SegmentPair,
        kind: str,
        start: int,
        end: int,
        suggestion: str,
        message: str,
        category: str = "punctuation",
    ) -> Finding:
        return Finding(
            check_id=self.check_id,
            kind=kind,
            source_start=None,
            source_end=None,
            target_start=start,
            target_end=end,
            source_text="",
            target_text=pair.target[start:end],
            message=message,
            suggestion=suggestion,
            category=category,  # type: ignore[arg-type]
            severity="minor",
        )
