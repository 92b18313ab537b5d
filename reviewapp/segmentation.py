"""Paragraph and sentence segmentation for source texts and their translations.

The sentence splitter is rule-based and written by hand on purpose:

* pysbd's Arabic mode treats the Arabic comma (،) as a sentence end, which cuts almost
  every Arabic news sentence in two; its other languages differ in how they treat quotes
  and headlines, and the review screen needs one behaviour for both sides of a pair.
* NLTK's Punkt needs model files downloaded at run time, which the app may not do.
* ICU/UAX #29 sentence breaks (the only other installed option) know no abbreviations.

Decisions that hold for every language:

* A line break always ends a sentence: a headline or list item without final punctuation
  is its own sentence, and sentences never run across lines or paragraphs.
* The Arabic comma (،) never ends a sentence.
* The semicolon (; and Arabic ؛) never ends a sentence.  Arabic writers use ؛ between
  clauses that belong to one sentence (often where English would use a comma or "because"),
  and English and French translations keep such clauses together; splitting there would
  create sentences that have no counterpart on the other side.
* An ellipsis ends a sentence only when an upper-case letter follows; in scripts without
  case (Arabic, Hebrew, CJK...) writers use it as a pause inside sentences, so it does not.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from reviewapp.languages import base_language

_LINE_BREAK_PARAGRAPH_SEPARATORS = re.compile(r"[\f\v\x1c\x1d\x1e\u2029]")

# A run of sentence-final marks. ";" here is U+037E, the Greek question mark, not the
# ASCII semicolon; ۔ is the Urdu full stop and । the Devanagari danda.
_TERMINATOR_RUN = re.compile(r"[.!?…؟۔।‼⁇⁈⁉\u037e。！？｡]+")
_FULLWIDTH_TERMINATORS = frozenset("。！？｡")
_ELLIPSIS_RUN = re.compile(r"^(?:…+|\.{2,}|[.…]{2,})$")

# Closing quotes and brackets that stay with the sentence they close; French guillemets
# may be preceded by a (non-breaking) space.
_CLOSERS = re.compile(r"(?:[ \u00a0\u202f]?[»›]|[”’\"')\]}）」』»›])*")
_OPENERS = "\"'“‘„«‹([{（「『¿¡"

_NEXT_TOKEN = re.compile(r"\s*(\S+)")
_DOTTED_ABBREVIATION = re.compile(r"^(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}$")
_DIGITS = re.compile(r"^\d+$")
_LIST_MARKER = re.compile(r"^(?:\d{1,3}|[^\W\d_])$")

# Languages that write ordinal numbers with a full stop ("am 3. Oktober").
_ORDINAL_DOT_LANGUAGES = frozenset(
    {"de", "da", "no", "nb", "nn", "fi", "is", "cs", "sk", "pl", "hu", "sl", "hr", "sr", "et"}
)
# Languages whose sentences are joined without a space.
_UNSPACED_LANGUAGES = frozenset({"zh", "ja", "yue", "wuu", "lzh", "th", "lo", "my", "km"})


@dataclass(frozen=True)
class _LanguageRules:
    """Abbreviations are lower-case and without their final full stop."""

    never_final: frozenset[str] = frozenset()
    # Abbreviations that may also end a sentence: they do when a typical sentence opener
    # follows ("in the U.S. The talks..." but "U.S. officials").
    maybe_final: frozenset[str] = frozenset()
    sentence_openers: frozenset[str] = field(default_factory=frozenset)
    # Abbreviations that are only abbreviations when a number follows ("No. 5", "p. 12").
    before_numbers: frozenset[str] = frozenset()


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_COMMON_RULES = _LanguageRules(
    never_final=_words("dr drs prof mr mrs ms mme mlle st sr jr gen col lt capt sgt gov sen rep"),
    maybe_final=_words("etc"),
    before_numbers=_words("no nos nr art p pp vol fig ch sec"),
)

_LANGUAGE_RULES: dict[str, _LanguageRules] = {
    "en": _LanguageRules(
        never_final=_words(
            "e.g i.e cf vs approx dept est fig inc ltd co corp mt ft rev hon pres supt "
            "jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun"
        ),
        maybe_final=_words("u.s u.k u.n e.u a.m p.m etc inc ltd co corp jr sr"),
        sentence_openers=_words(
            "the a an he she it they we i you this that these those there his her its their "
            "our my but and or so yet then in on at for if when while as after before since "
            "meanwhile however although though officials many some most all both"
        ),
    ),
    "de": _LanguageRules(
        never_final=_words(
            "z.b d.h u.a bzw ca vgl sog ggf evtl inkl nr str abs hr fr dipl jh jhd "
            "jan feb märz apr aug sept okt nov dez"
        ),
        maybe_final=_words("usw etc u.ä"),
        sentence_openers=_words(
            "der die das ein eine er sie es wir ich dies diese dieser aber und doch dann in im "
            "am auf als wenn nach vor seit"
        ),
    ),
    "fr": _LanguageRules(
        never_final=_words("cf av bd boul env p.ex mgr me vve janv févr avr juil sept oct nov déc"),
        maybe_final=_words("etc j.-c"),
        sentence_openers=_words(
            "le la les un une il elle ils elles nous je on ce cette ces mais et puis en dans "
            "au aux si quand après avant depuis"
        ),
    ),
    "es": _LanguageRules(
        never_final=_words("sra srta dña d ud uds av avda pág núm ene abr ago sept oct dic"),
        maybe_final=_words("etc ee.uu"),
        sentence_openers=_words(
            "el la los las un una él ella ellos nosotros yo este esta estos pero y en si "
            "cuando después antes desde"
        ),
    ),
    "ru": _LanguageRules(
        never_final=_words("т.е т.д т.п т.к г гг ул им пр см тыс млн млрд руб проф акад"),
        maybe_final=_words("и.т.д"),
    ),
    # Arabic abbreviates titles with a single letter ("د." for Dr.); those are covered by
    # the single-letter rule. These are the common multi-letter ones.
    "ar": _LanguageRules(never_final=_words("أ.د ص.ب")),
}


def joins_without_space(lang: str) -> bool:
    """Whether consecutive sentences of this language are written without a space."""
    return base_language(lang) in _UNSPACED_LANGUAGES


def join_sentences(sentences: list[str], lang: str) -> str:
    """Joins sentences of one language back into running text."""
    return ("" if joins_without_space(lang) else " ").join(sentences)


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs separated by blank lines (or form feeds), stripped, empty ones dropped."""
    text = _LINE_BREAK_PARAGRAPH_SEPARATORS.sub("\n\n", text)
    paragraphs: list[str] = []
    current: list[str] = []
    for line in text.splitlines():
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    if current:
        paragraphs.append("\n".join(current))
    return paragraphs


@lru_cache(maxsize=256)
def _rules_for(lang: str) -> _LanguageRules:
    specific = _LANGUAGE_RULES.get(base_language(lang), _LanguageRules())
    return _LanguageRules(
        never_final=_COMMON_RULES.never_final | specific.never_final,
        maybe_final=_COMMON_RULES.maybe_final | specific.maybe_final,
        sentence_openers=specific.sentence_openers,
        before_numbers=_COMMON_RULES.before_numbers | specific.before_numbers,
    )


def _strip_openers(token: str) -> str:
    return token.lstrip(_OPENERS)


def _full_stop_ends_sentence(
    sentence_so_far: str, next_token: str, rules: _LanguageRules, base_lang: str
) -> bool:
    """Decides whether a single full stop followed by a space ends the sentence."""
    # The word the full stop ends; none when a space comes before the stop. (Split from
    # the right: a regex anchored at the end would be tried at every position.)
    if not sentence_so_far or sentence_so_far[-1].isspace():
        return False
    words_so_far = sentence_so_far.rsplit(maxsplit=1)
    last_token = words_so_far[-1]
    last = _strip_openers(last_token).lower()
    next_word = _strip_openers(next_token)
    if len(words_so_far) == 1 and _LIST_MARKER.match(last):
        return False
    if len(last) == 1 and last.isalpha():
        return False
    if last in rules.never_final:
        return False
    if last in rules.before_numbers and next_word[:1].isdigit():
        return False
    if base_lang in _ORDINAL_DOT_LANGUAGES and _DIGITS.match(last) and len(last) <= 2:
        return False
    if last in rules.maybe_final or _DOTTED_ABBREVIATION.match(last):
        return next_word.lower() in rules.sentence_openers
    return True


def _ends_sentence(
    line: str, start: int, run: re.Match[str], end: int, rules: _LanguageRules, base_lang: str
) -> bool:
    """Whether the terminator `run`, with closers up to `end`, ends the sentence at `start`."""
    marks = run.group()
    if _FULLWIDTH_TERMINATORS.issuperset(marks):
        return True
    # The rest of the line is read in place, not sliced off: a copy for every full stop
    # would make a long unbroken text cost the square of its length.
    if not line[end : end + 1].isspace():
        return False
    next_match = _NEXT_TOKEN.match(line, end)
    if next_match is None:
        return True
    next_token = next_match.group(1)
    first_letter = next((char for char in next_token if char.isalnum()), "")
    if first_letter.islower():
        return False
    if _ELLIPSIS_RUN.match(marks):
        return first_letter.isupper()
    if marks == ".":
        return _full_stop_ends_sentence(line[start : run.start()], next_token, rules, base_lang)
    return True


def _split_line(line: str, rules: _LanguageRules, base_lang: str) -> list[str]:
    sentences: list[str] = []
    start = 0
    for run in _TERMINATOR_RUN.finditer(line):
        closers = _CLOSERS.match(line, run.end())
        end = closers.end() if closers else run.end()
        if _ends_sentence(line, start, run, end, rules, base_lang):
            sentences.append(line[start:end].strip())
            start = end
    sentences.append(line[start:].strip())
    return [sentence for sentence in sentences if sentence]


def split_sentences(text: str, lang: str) -> list[str]:
    """Sentences of `text` in language `lang` (BCP 47 code), never running across lines."""
    rules = _rules_for(lang)
    base_lang = base_language(lang)
    sentences: list[str] = []
    for line in text.splitlines():
        sentences.extend(_split_line(line.strip(), rules, base_lang))
    return sentences


def segment_document(text: str, lang: str) -> list[list[str]]:
    """Paragraphs of the document, each as its list of sentences."""
    return [split_sentences(paragraph, lang) for paragraph in split_paragraphs(text)]
