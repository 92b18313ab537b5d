"""Tokenisation and script detection shared by the checks."""

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cached_property, lru_cache
from itertools import repeat
from operator import add, itemgetter
from typing import NamedTuple

from reviewapp.checks.base import CheckContext, SegmentPair, primary_language
from reviewapp.transliteration import ARABIC_MARKS, normalise_for_matching, word_stems

# A word: letters and the combining marks on them (Arabic vowel signs and shadda,
# which the regex module's word class leaves out: "وقّعت" is one word), with inner
# apostrophes ("O'Brien") but not the English possessive, which is not part of the name.
_LETTER = r"[^\W\d_]"
_LATIN_MARKS = "\u0300-\u036f"
_MARKS = _LATIN_MARKS + ARABIC_MARKS


def _word_pattern(letter: str, marks: str) -> str:
    """Letters, then marks each followed by more letters or none; disjoint classes, so
    the match is linear."""
    return rf"{letter}+(?:[{marks}]+{letter}*)*"


_ANY_WORD = _word_pattern(_LETTER, _MARKS)
WORD_PATTERN = re.compile(rf"{_ANY_WORD}(?:['’](?!s\b){_ANY_WORD})*")
_ARABIC_SCRIPT = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_ARABIC_LETTER = re.compile(rf"[{_ARABIC_SCRIPT}]")
# In a text of both scripts, a word also ends where the script changes: Arabic writes
# its conjunctions and prepositions joined to the next word, a Latin one too ("وTencent":
# "and Tencent"), and that Latin word is still a word left untranslated.
_ARABIC_WORD = _word_pattern(rf"(?:(?=[{_ARABIC_SCRIPT}]){_LETTER})", _MARKS)
_OTHER_WORD = _word_pattern(rf"(?:(?![{_ARABIC_SCRIPT}]){_LETTER})", _LATIN_MARKS)
_MIXED_SCRIPT_WORD_PATTERN = re.compile(
    rf"{_ARABIC_WORD}|{_OTHER_WORD}(?:['’](?!s\b){_OTHER_WORD})*"
)


def _word_matches(text: str) -> list[re.Match[str]]:
    pattern = (
        _MIXED_SCRIPT_WORD_PATTERN
        if _LETTER_OUTSIDE_ARABIC.search(text) and _ARABIC_LETTER.search(text)
        else WORD_PATTERN
    )
    return list(pattern.finditer(text))


# Words and target words are named tuples rather than frozen dataclasses: every check
# splits every segment into them, and a tuple is several times faster to create.
class Word(NamedTuple):
    start: int
    end: int
    text: str

    @property
    def is_latin(self) -> bool:
        return is_latin_word(self.text)


# Words are built by map() over the matches, from C functions only: the named tuple's
# own constructor is a Python function, and so is a loop body, which together took
# most of the time of splitting a long document.
_new_tuple = tuple.__new__
_match_start = re.Match.start
_match_end = re.Match.end
_match_text = re.Match.group


def words(text: str) -> list[Word]:
    matches = _word_matches(text)
    return list(
        map(
            _new_tuple,
            repeat(Word),
            zip(
                map(_match_start, matches),
                map(_match_end, matches),
                map(_match_text, matches),
                strict=True,
            ),
        )
    )


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


# A letter outside the Arabic block (a word character that is no digit or underscore,
# as every letter is). A text without one has no Latin letter, which this scan tells
# several times faster than classifying every character with str.translate.
_LETTER_OUTSIDE_ARABIC = re.compile(r"[^\W\d_\u0600-\u06ff]")


def has_latin_letters(text: str) -> bool:
    return _LETTER_OUTSIDE_ARABIC.search(text) is not None and "L" in text.translate(
        _SCRIPT_CLASSES
    )


def is_latin_script_text(text: str) -> bool:
    """Whether most letters of the text are Latin."""
    if _LETTER_OUTSIDE_ARABIC.search(text) is None:
        # No Latin letter: Latin only in the sense that no letter is of another script.
        return not any(map(str.isalpha, text))
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
    # Built straight from the matches (see words) rather than through with_readings, so
    # that each word is built once.
    matches = _word_matches(text)
    texts = list(map(_match_text, matches))
    return _target_word_list(
        zip(map(_match_start, matches), map(_match_end, matches), texts, strict=True),
        texts,
        language,
    )


def with_readings(text_words: Sequence[Word], language: str) -> list[TargetWord]:
    return _target_word_list(text_words, map(_WORD_TEXT, text_words), language)


_WORD_TEXT = itemgetter(2)


def _target_word_list(
    spans: Iterable[tuple[int, int, str]], texts: Iterable[str], language: str
) -> list[TargetWord]:
    """TargetWords of (start, end, text) triples and their texts, built in C (see words):
    each triple is joined with the (stems, is_latin) pair of its text."""
    readings = map(_target_word_readings, texts, repeat(language))
    return list(map(_new_tuple, repeat(TargetWord), map(add, spans, readings)))


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
        language = primary_language(self.pair.target_lang)
        # Most runs need the target words only with their readings: built in one step.
        if "target" in self.__dict__:
            return with_readings(self.target, language)
        return target_words(self.pair.target, language)


def segment_words(pair: SegmentPair, context: CheckContext) -> SegmentWords:
    """The pair's words, from the run's context once any check has split them."""
    by_pair: dict[SegmentPair, SegmentWords] = context.shared.setdefault(  # type: ignore[assignment]
        "text:segment_words", {}
    )
    found = by_pair.get(pair)
    if found is None:
        found = by_pair[pair] = SegmentWords(pair)
    return found
