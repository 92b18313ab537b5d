"""Tokenisation and script detection shared by the checks."""

import re
import unicodedata
from collections.abc import Sequence
from functools import cached_property, lru_cache
from typing import NamedTuple

from reviewapp.checks.base import CheckContext, SegmentPair, primary_language
from reviewapp.transliteration import normalise_for_matching, word_stems

# A word: letters and combining marks, with inner apostrophes ("O'Brien") but not
# the English possessive, which is not part of the name.
WORD_PATTERN = re.compile(r"[^\W\d_]+(?:['’](?!s\b)[^\W\d_]+)*")


# Words and target words are named tuples rather than frozen dataclasses: every check
# splits every segment into them, and a tuple is several times faster to create.
class Word(NamedTuple):
    start: int
    end: int
    text: str

    @property
    def is_latin(self) -> bool:
        return is_latin_word(self.text)


def words(text: str) -> list[Word]:
    # tuple.__new__ rather than Word(...): the named tuple's own constructor is a
    # Python function, a quarter of the time of splitting a long document.
    return [
        tuple.__new__(Word, (match.start(), match.end(), match.group(0)))
        for match in WORD_PATTERN.finditer(text)
    ]


class _ScriptClasses(dict[int, str]):
    """Character code -> "L" for a Latin letter, "O" for a letter of another script,
    "" for anything else; filled on first use, so that str.translate classifies the
    letters of a whole text in C instead of a Python loop over its characters."""

    def __missing__(self, code: int) -> str:
        character = chr(code)
        if not character.isalpha():
            script = ""
        else:
            script = "L" if unicodedata.name(character, "").startswith("LATIN") else "O"
        self[code] = script
        return script


_SCRIPT_CLASSES = _ScriptClasses()


def is_latin_word(text: str) -> bool:
    scripts = text.translate(_SCRIPT_CLASSES)
    return "L" in scripts and "O" not in scripts


def has_latin_letters(text: str) -> bool:
    return "L" in text.translate(_SCRIPT_CLASSES)


def is_latin_script_text(text: str) -> bool:
    """Whether most letters of the text are Latin."""
    scripts = text.translate(_SCRIPT_CLASSES)
    return scripts.count("L") >= scripts.count("O")


def is_acronym(text: str) -> bool:
    return len(text) >= 2 and text.isupper()


def is_kept_in_latin(text: str) -> bool:
    """Acronyms (BBC) and brands with inner capitals (OpenAI, iPhone) are commonly
    left in Latin script in translations."""
    return is_acronym(text) or any(character.isupper() for character in text[1:])


class TargetWord(NamedTuple):
    start: int
    end: int
    text: str
    stems: tuple[str, ...]
    is_latin: bool


def target_words(text: str, language: str) -> list[TargetWord]:
    """Target words with their normalised readings (Arabic clitics stripped)."""
    return with_readings(words(text), language)


def with_readings(text_words: Sequence[Word], language: str) -> list[TargetWord]:
    # tuple.__new__ for the reason given in words.
    return [
        tuple.__new__(
            TargetWord,
            (word.start, word.end, word.text, *_target_word_readings(word.text, language)),
        )
        for word in text_words
    ]


@lru_cache(maxsize=65536)
def _target_word_readings(text: str, language: str) -> tuple[tuple[str, ...], bool]:
    """Stems and script of a target word; words recur throughout a document."""
    return word_stems(normalise_for_matching(text), language), is_latin_word(text)


class SegmentWords:
    """The words of one segment pair, split once per run and shared by every check that
    needs them (see segment_words): several checks split the same texts."""

    def __init__(self, pair: SegmentPair) -> None:
        self.pair = pair

    @cached_property
    def source(self) -> list[Word]:
        return words(self.pair.source)

    @cached_property
    def target(self) -> list[Word]:
        return words(self.pair.target)

    @cached_property
    def target_readings(self) -> list[TargetWord]:
        return with_readings(self.target, primary_language(self.pair.target_lang))


def segment_words(pair: SegmentPair, context: CheckContext) -> SegmentWords:
    """The pair's words, from the run's context once any check has split them."""
    by_pair: dict[SegmentPair, SegmentWords] = context.shared.setdefault(  # type: ignore[assignment]
        "text:segment_words", {}
    )
    found = by_pair.get(pair)
    if found is None:
        found = by_pair[pair] = SegmentWords(pair)
    return found
