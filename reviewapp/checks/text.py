"""Tokenisation and script detection shared by the checks."""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from reviewapp.transliteration import normalise_for_matching, word_stems

# A word: letters and combining marks, with inner apostrophes ("O'Brien") but not
# the English possessive, which is not part of the name.
WORD_PATTERN = re.compile(r"[^\W\d_]+(?:['’](?!s\b)[^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class Word:
    start: int
    end: int
    text: str

    @property
    def is_latin(self) -> bool:
        return is_latin_word(self.text)


def words(text: str) -> list[Word]:
    return [
        Word(match.start(), match.end(), match.group(0)) for match in WORD_PATTERN.finditer(text)
    ]


@lru_cache(maxsize=4096)
def _is_latin_letter(character: str) -> bool:
    return unicodedata.name(character, "").startswith("LATIN")


def is_latin_word(text: str) -> bool:
    letters = [character for character in text if character.isalpha()]
    return bool(letters) and all(_is_latin_letter(character) for character in letters)


def is_latin_script_text(text: str) -> bool:
    """Whether most letters of the text are Latin."""
    latin = other = 0
    for character in text:
        if character.isalpha():
            if _is_latin_letter(character):
                latin += 1
            else:
                other += 1
    return latin >= other


def is_acronym(text: str) -> bool:
    return len(text) >= 2 and text.isupper()


def is_kept_in_latin(text: str) -> bool:
    """Acronyms (BBC) and brands with inner capitals (OpenAI, iPhone) are commonly
    left in Latin script in translations."""
    return is_acronym(text) or any(character.isupper() for character in text[1:])


@dataclass(frozen=True, slots=True)
class TargetWord:
    start: int
    end: int
    text: str
    stems: tuple[str, ...]
    is_latin: bool


def target_words(text: str, language: str) -> list[TargetWord]:
    """Target words with their normalised readings (Arabic clitics stripped)."""
    return [
        TargetWord(
            word.start,
            word.end,
            word.text,
            word_stems(normalise_for_matching(word.text), language),
            word.is_latin,
        )
        for word in words(text)
    ]
