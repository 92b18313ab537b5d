"""Script-independent comparison of proper names by consonant skeleton.

A name written in Latin script ("Dermer") and its transliteration in another script
("ديرمر") are both romanised, then reduced to a skeleton of consonant classes; vowels,
hamza and ain vanish (though still parting the letters around them) because Arabic
script rarely writes short vowels and Latin spellings rarely write hamza or ain. Skeletons are compared with a weighted edit
distance in which the usual transliteration variants (p/b, v/f, g/j/q/k, t/th, ...)
and the semivowels w/y and h cost little. A Latin-script name is also read by the
spelling rules of the languages it may come from (SPELLING_CONVENTIONS), since the
translation renders how it is said ("Scholz", "شولتس").
"""

import math
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from anyascii import anyascii

# The combining marks of Arabic script (vowel signs, shadda, Quranic marks), as a
# character class's ranges.
ARABIC_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
# What reading a word leaves out: the marks, the Quranic signs and small letters among
# them, and tatweel.
ARABIC_DIACRITICS = re.compile(f"[{ARABIC_MARKS}\u06dd\u06de\u06e5\u06e6\u06e9\u0640]")
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "و", "ئ": "ي", "ى": "ي"})
# Arabic-script letters straight to skeleton classes. Written by hand because
# anyascii drops the long vowel ا and writes ة as "h", both of which carry the vowel
# information that tells a name from a common word, and because its two-letter
# spellings (ث "th", ظ+ه "zh") would be misread as Latin digraphs. Hamza and ain
# map to nothing: Latin spellings of names rarely write them.
_SEPARATOR = "-"
_ARABIC_CLASSES = str.maketrans(
    {
        **dict.fromkeys("اأآٱىة", "A"),
        "إ": "I",
        # Hamza and ain vanish but still part the letters around them: "معمر" is not
        # "مر" (Muammar), "جعجع" not "ج".
        "ء": _SEPARATOR,
        "ع": _SEPARATOR,
        "ؤ": "U",
        "ئ": "I",
        "و": "U",
        "ي": "I",
        "ی": "I",
        "ب": "b",
        "پ": "b",
        "ت": "t",
        "ط": "t",
        "ث": "T",
        "ج": "j",
        "چ": "S",
        "ژ": "j",
        "ح": "h",
        "ه": "h",
        "خ": "X",
        "د": "d",
        # Dad is said d in Arabic but z in Persian and Turkic names (رضا "Reza"), and
        # romanised dh as well: a class of its own, near all three.
        "ض": "Z",
        "ذ": "D",
        "ر": "r",
        "ز": "z",
        "ظ": "z",
        "س": "s",
        "ص": "s",
        "ش": "S",
        "غ": "G",
        "ف": "f",
        "ڤ": "f",
        "ق": "q",
        "ك": "k",
        "ک": "k",
        "گ": "g",
        "ل": "l",
        "م": "m",
        "ن": "n",
    }
)
# A word-initial alif only seats the opening vowel, whichever it is ("إديسون" Edison,
# "أوباما" Obama): it says nothing about that vowel. Before a long-vowel letter that
# letter tells the vowel; before a consonant the seat stands for a vowel of any class
# (VOWEL_SEAT), which a name opening with a consonant does not have ("Rice" is not
# "الأرز", "rz").
_INITIAL_ALIF = re.compile("^[اأإ]")
_INITIAL_ALIF_BEFORE_CONSONANT = re.compile("^[اأإ](?![اأإآويىئؤ])")
VOWEL_SEAT = "V"
_ARABIC_LETTER = re.compile("[\u0600-\u06ff]")
_ARABIC_CONJUNCTIONS = ("و", "ف")
_ARABIC_PREPOSITIONS = ("ب", "ل", "ك")
_NISBA_PLURAL_SUFFIXES = ("يون", "يين")
ARABIC_SCRIPT_LANGUAGES = frozenset({"ar", "fa", "ur", "ps", "ckb", "sd", "ug"})

# Longest spellings first so that "sch" wins over "sh" and "s".
_LATIN_GRAPHEMES: tuple[tuple[str, str], ...] = (
    ("sch", "S"),
    ("tch", "S"),
    ("tth", "T"),
    ("sh", "S"),
    ("ch", "S"),
    ("zh", "j"),
    ("kh", "X"),
    ("gh", "G"),
    ("th", "T"),
    ("dh", "D"),
    ("ph", "f"),
    ("ck", "k"),
    ("qu", "k"),
    ("dj", "j"),
    ("x", "ks"),
    ("p", "b"),
    ("v", "f"),
    ("c", "k"),
)
_GRAPHEME_PATTERN = re.compile("|".join(re.escape(spelling) for spelling, _ in _LATIN_GRAPHEMES))
_GRAPHEME_CLASS = dict(_LATIN_GRAPHEMES)
_SOFT_C = re.compile(r"c(?=[eiy])")
_SOFT_G = re.compile(r"g(?=[eiy])")
# A silent final e ("George", "Dominique") has no counterpart in other scripts.
_SILENT_FINAL_E = re.compile(r"(?<=[^aeiouy])e$")
# Vowels are kept as three weak classes: Arabic writes long vowels (ا و ي) and
# leaves short ones out, so a missing vowel costs little but a different one costs
# more ("Tarif" is closer to "طريف" than to "أطراف").
_VOWEL_CLASSES = str.maketrans(
    {"a": "A", "e": "I", "i": "I", "y": "I", "o": "U", "u": "U", "w": "U"}
)
_VOWELS = frozenset("AIU" + VOWEL_SEAT)
_SEMIVOWELS = frozenset("IU")
VOWEL_INDEL_COST = 0.15
VOWEL_SUBSTITUTION_COST = 0.4
_WEAK_CONSONANTS = frozenset("h")

# Pairs of classes that transliterations commonly confuse; unordered.
_CHEAP_SUBSTITUTIONS: dict[frozenset[str], float] = {
    frozenset(pair): cost
    for pair, cost in (
        ("tT", 0.3),
        ("sT", 0.3),
        ("dD", 0.3),
        # English "th" is said both ways, so romanisations write it for ذ too
        # ("Hathloul", الهذلول).
        ("TD", 0.3),
        ("zD", 0.3),
        ("dZ", 0.15),
        ("DZ", 0.2),
        ("zZ", 0.3),
        ("zs", 0.4),
        ("kq", 0.3),
        ("gq", 0.25),
        ("gj", 0.3),
        ("gG", 0.2),
        ("jG", 0.3),
        # Spanish j (Javier, خافيير), Dutch and Slavic j (Kaja, كايا). Not j and s:
        # no language says one as the other, and the cheap pair let garbled renderings
        # through, Turkish c read as j then written س ("Boric" as بوريس) or a ç
        # written ج ("Ozcivit" as أوزجيت).
        ("jX", 0.5),
        ("jI", 0.5),
        # Castilian z (Núñez, نونيث).
        ("zT", 0.4),
        ("gk", 0.4),
        ("Xk", 0.3),
        ("Xh", 0.3),
        ("Ss", 0.4),
        ("Sk", 0.4),
        ("Sj", 0.5),
        ("Gq", 0.4),
    )
}
WEAK_CONSONANT_INDEL_COST = 0.4
# Substitutions whose cost depends on which side has which letter: (the name's class,
# the rendering's class) -> cost, before _CHEAP_SUBSTITUTIONS. An English s is often
# said z (a final s after a voiced sound, an s between vowels: "Williams", ويليامز;
# "Scorsese", سكورسيزي), so s written ز is a usual variant; a z is not said s but in
# the languages whose conventions respell it (Portuguese final z, German z as ts), so
# z written س is a misspelling ("Sarkozy", ساركوسي; all 12 studied sets agree). A
# name's ch or sh is not said k: where a language says ch as k, its convention respells
# it (Italian "ch", "Chris" كريس), so ش or تش written ك is a misspelling ("Kelce", read
# the Italian way, as كيلكي), while a name's k-like c said ch is a usual variant
# ("Pogacar", بوغاتشار). Nor is it said s: a language whose sz or s is s has its
# convention (Hungarian "Laszlo", لاسلو), so ش or تش written س is a misspelling
# ("Vakhsh", فاخس; "Akhannouch", أخنوس), while a name's s written ش stays a usual
# variant, since English texts drop the marks of ş and š ("Dusan", دوشان). A name's
# j is never said as غ, while the j of the English reading of a g before e or i often
# is, which the hard_g reading says ("Dommaraju", دوماراغو; "Tiger", تايغر).
_DIRECTED_SUBSTITUTIONS: dict[tuple[str, str], float] = {
    ("z", "s"): 1.0,
    ("S", "k"): 1.0,
    ("S", "s"): 1.0,
    ("j", "G"): 1.0,
}


def fold_arabic(text: str) -> str:
    """Arabic text without diacritics or tatweel, with hamza seats and alif maqsura unified."""
    return ARABIC_DIACRITICS.sub("", text).translate(_ARABIC_FOLD)


class _FoldedCharacters(dict[int, str]):
    """Character code -> the character Arabic-folded and lower-cased (when that keeps
    it one character), or "" for diacritics and tatweel; filled on first use, so that
    str.translate folds a whole text in C."""

    def __missing__(self, code: int) -> str:
        character = fold_arabic(chr(code))
        lower = character.lower()
        self[code] = folded = lower if len(lower) == 1 else character
        return folded


_FOLDED_CHARACTERS = _FoldedCharacters()


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """Lower-case Arabic-folded text, and for each of its characters the offset in text.

    Characters are folded one by one so that every folded character maps back to one
    original character; diacritics and tatweel are dropped.
    """
    folded = text.translate(_FOLDED_CHARACTERS)
    if len(folded) == len(text):
        return folded, list(range(len(text)))
    return folded, [
        offset for offset, character in enumerate(text) if _FOLDED_CHARACTERS[ord(character)]
    ]


def normalise_for_matching(text: str) -> str:
    """Case-folded, NFKC text with Arabic folding, for exact comparisons of spellings."""
    return fold_arabic(unicodedata.normalize("NFKC", text)).casefold()


def arabic_stems(word: str) -> tuple[str, ...]:
    """The word and its readings without conjunction, preposition and article prefixes.

    Arabic writes و ف ب ل ك and the article ال attached to the next word, so
    "بالدروز" must also be read as "دروز". All readings are kept because a name may
    itself start with one of these letters ("باكو").
    """
    # An ordered set (a dictionary): the order of the readings decides which one a
    # match reports, and a set's order changes with every process's string hashing.
    stems = {word: None}
    for conjunction_stripped in _strip_any(word, _ARABIC_CONJUNCTIONS):
        for preposition_stripped in _strip_any(conjunction_stripped, _ARABIC_PREPOSITIONS):
            stems[preposition_stripped] = None
            for article in ("ال", "ل"):
                if preposition_stripped.startswith(article) and len(preposition_stripped) > 3:
                    stems[preposition_stripped[len(article) :]] = None
    # A people named after a place or founder is a nisba plural ("الحوثيون", "Houthis"):
    # its singular, the nisba, is what matches the name.
    stems.update(
        dict.fromkeys(
            stem[: -len(suffix)] + "ي"
            for stem in tuple(stems)
            for suffix in _NISBA_PLURAL_SUFFIXES
            if stem.endswith(suffix) and len(stem) > len(suffix) + 2
        )
    )
    return tuple(stem for stem in stems if stem)


def _strip_any(word: str, prefixes: tuple[str, ...]) -> list[str]:
    readings = [word]
    if len(word) > 3 and word[0] in prefixes:
        readings.append(word[1:])
    return readings


def word_stems(word: str, language: str) -> tuple[str, ...]:
    """Readings of a target-language word to compare with a name."""
    if language.split("-")[0].split("_")[0] in ARABIC_SCRIPT_LANGUAGES:
        return arabic_stems(fold_arabic(word))
    return (word,)


@lru_cache(maxsize=65536)
def reading_skeleton(text: str) -> str:
    """skeleton of a target reading compared with names, with an opening alif before a
    consonant kept as VOWEL_SEAT."""
    if _ARABIC_LETTER.search(text):
        return skeleton(_seated(ARABIC_DIACRITICS.sub("", text)))
    return skeleton(text)


def _seated(bare_text: str) -> str:
    return _INITIAL_ALIF_BEFORE_CONSONANT.sub(VOWEL_SEAT, bare_text)


@lru_cache(maxsize=65536)
def skeleton(text: str) -> str:
    """Skeleton of a name in any script: consonant classes and weak vowel classes.

    Latin-script names are read with English spelling rules; name_skeletons adds the
    readings of other languages. Doubled letters are collapsed, because Arabic does
    not write gemination ("Barrack", "باراك") but does write both consonants of
    "Google" ("غوغل").
    """
    if _ARABIC_LETTER.search(text):
        return _merged_classes(
            _arabic_classes(_INITIAL_ALIF.sub("", ARABIC_DIACRITICS.sub("", text)))
        )
    return _merged_classes(_latin_classes(text.lower()))


_NOT_A_CLASS = re.compile("[^a-zA-Z-]")
_DOUBLED_LETTERS = re.compile(r"(.)\1+")


def _arabic_classes(text: str) -> str:
    """Classes of Arabic-script text without diacritics, before two-letter spellings
    and doubled letters are merged."""
    return _NOT_A_CLASS.sub("", text.translate(_ARABIC_CLASSES))


def _merged_classes(classes: str) -> str:
    # Arabic spells English "j" and "ch" with two letters (دج, تش), and so do other
    # languages' Latin spellings (Polish "dzh" after respelling, "Andrzej").
    joined = classes.replace("dj", "j").replace("tS", "S")
    return collapse_doubled_letters(joined).replace(_SEPARATOR, "")


def collapse_doubled_letters(text: str) -> str:
    """The text with each run of one letter written once ("ss" as "s")."""
    return _DOUBLED_LETTERS.sub(r"\1", text)


def joined_skeleton(first: str, following: Sequence[str]) -> str:
    """reading_skeleton(first + "".join(following)) from the cached classes of each part.

    Every run of up to three target words is a candidate rendering of a name, so each
    word is read in several runs; most runs occur once, and reading them whole was the
    better part of the name check's time.
    """
    head = _part_classes(first)
    parts = [_part_classes(part) for part in following]
    if head is None or not (head[0] or any(part and part[0] for part in parts)):
        # The initial alif rule would apply to a later part, or the run is read by
        # Latin spelling rules, which span the parts.
        return reading_skeleton(first + "".join(following))
    return _merged_classes(head[1] + "".join(part[2] for part in parts if part))


@lru_cache(maxsize=65536)
def _part_classes(text: str) -> tuple[bool, str, str] | None:
    """Whether the text holds Arabic script, and its classes at the start of a run and
    further in; None when it has nothing but diacritics."""
    bare = ARABIC_DIACRITICS.sub("", text)
    if not bare:
        return None
    return (
        _ARABIC_LETTER.search(text) is not None,
        _arabic_classes(_INITIAL_ALIF.sub("", _seated(bare))),
        _arabic_classes(bare),
    )


def _latin_classes(lower_text: str) -> str:
    # A hyphen, which a spelling convention may insert, keeps two letters from being read
    # as one digraph.
    latin = re.sub(r"[^a-z-]", "", anyascii(lower_text).lower())
    latin = _SILENT_FINAL_E.sub("", _SOFT_G.sub("j", _SOFT_C.sub("s", latin)))
    classes = _GRAPHEME_PATTERN.sub(lambda match: _GRAPHEME_CLASS[match.group(0)], latin)
    return classes.replace("-", "").translate(_VOWEL_CLASSES)


# How other languages spell sounds, rewritten into the English spellings that
# skeleton reads. An English text keeps a name's native spelling ("Scholz",
# "Wojcicki", "Charpentier") while a translation renders how it is said (شولتس,
# فويتسيكي, شاربنتييه); the origin of a name is not known, so every convention is
# tried and the closest reading wins. Rules apply in order to the lower-case name,
# before diacritics are dropped, so that "ć", "ş" and "ç" still tell their sound.
SPELLING_CONVENTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    # A German s before a vowel is voiced ("Rosa", روزا), and g is always hard.
    "german": (
        ("sch", "sh"),
        ("tz", "ts"),
        ("z", "ts"),
        ("(?<![ts])s(?=[aeiouäöü])", "z"),
        ("w", "v"),
        ("j", "y"),
        ("g(?=[eiy])", "gh"),
        ("ei", "ai"),
        ("ie", "i"),
        ("eu", "oi"),
        ("ch", "kh"),
        ("ä|ae", "e"),
        ("ö|oe", "o"),
        ("ü|ue", "u"),
    ),
    # Polish, Czech and the languages of former Yugoslavia; English texts mostly drop
    # the diacritics, so a final "-ic" is read as "-ić".
    "slavic": (
        ("ic$", "ich"),
        ("[ćč]|cz", "ch"),
        ("[šś]|sz", "sh"),
        ("[žźż]|rz", "zh"),
        ("đ|dj", "dy"),
        ("ł", "w"),
        ("ck", "k"),
        ("c(?!h)", "ts"),
        ("w", "v"),
        ("j", "y"),
    ),
    # Final s, t, d and x are silent (but the s of "-us", mostly Latin and said:
    # "Fabius", فابيوس), and so are "es" after a consonant ("Charles",
    # شارل) and the r of "-ier"; "ch" is "sh". Final
    # "-mp" and "-mps" are silent after the vowel they nasalise, which Arabic writes
    # with ن, as for "-n" ("Beauchamp", بوشان; "temps", تان). English texts drop the
    # cedilla, so a c inside a word is read ç where ç mostly stands, before "oi", "on"
    # and "ao" ("Francois", فرانسوا; "Curacao", كوراساو), not before every a, o or u:
    # "Nicolas" is نيكولا. The t of "-nt" and the c of "-nc" and "-rc" are silent too
    # ("Laurent", لوران; "Blanc", بلان; "Leclerc", لوكلير).
    "french": (
        ("ç|(?<=[a-z])c(?=oi|on|ao)", "s"),
        ("ier$", "ie"),
        ("e?au(?:lt|x)?$|eau", "o"),
        ("ou", "u"),
        ("oi", "wa"),
        ("gn", "ny"),
        ("qu", "k"),
        ("ch", "sh"),
        ("j", "zh"),
        ("e(?=n[^aeiou])", "a"),
        ("(?<=[^aeiou])es$", ""),
        ("(?<=[aeiouyr])(?:[tdx]|ts|ds)$|(?<=[aeioyr])s$", ""),
        ("(?<=n)ts?$|(?<=[nr])cs?$", ""),
        ("mps?$", "n"),
    ),
    # Dutch g is said in the throat, as Arabic خ, except in "ng".
    "dutch": (
        ("ij", "ai"),
        ("oe", "u"),
        ("sch", "skh"),
        ("(?<!n)g", "kh"),
        ("j", "y"),
        ("w", "v"),
    ),
    # Hungarian sz is s, cs is ch and zs is zh ("Laszlo", لاسلو; "Szoboszlai",
    # سوبوسلاي), while the Polish sz of the Slavic reading is sh.
    "hungarian": (("cs", "ch"), ("zs", "zh"), ("sz", "s")),
    # Italian and Romanian: c and g before e and i are "ch" and "j", "ch" and "gh" are
    # hard, "sc" before e and i is "sh".
    "italian": (
        ("ch", "k"),
        ("gh", "g"),
        ("sc(?=[ei])", "sh"),
        ("c(?=[ei])", "ch"),
        ("gli", "ly"),
        ("gn", "ny"),
        ("[șş]", "sh"),
        ("[țţ]", "ts"),
    ),
    # Spanish j, and g before e and i, are said in the throat, as Arabic خ. Spanish
    # writes Arabic ج as y, which it says alike between vowels ("Nayib", نجيب).
    "spanish": (
        ("j", "kh"),
        ("(?<=[aeiou])y(?=[aeiou])", "j"),
        ("ll", "y"),
        ("ñ", "ny"),
        ("g(?=[ei])", "kh"),
    ),
    "portuguese": (("lh", "ly"), ("nh", "ny"), ("ç", "s"), ("z$", "s")),
    # Persian v is said, and written in Arabic script, as w (و); gh and q are one sound.
    # Not a final v, which is mostly Slavic "-ov" and written ف ("Peskov", بيسكوف).
    "persian": (("v(?!$)", "w"), ("gh", "q")),
    # Chinese pinyin.
    "pinyin": (("zh", "j"), ("x", "sh"), ("q", "ch"), ("c(?!h)", "ts")),
    "gaelic": (("^ma?c", "mak"),),
    # Turkish ğ is all but silent, but Arabic writes it غ (Erdoğan, أردوغان), as the
    # English reading does. Turkish spells the final d of names from Arabic as said, t
    # ("Ahmet", أحمد; "Murat", مراد).
    "turkish": (("ç", "ch"), ("ş", "sh"), ("ı", "i"), ("c(?!h)", "j"), ("(?<=[aeiou])t$", "d")),
    # Irish s before e or i is "sh" in a name's first syllable, and bh and mh are v
    # ("Sean", شون; "Siobhan", شيفون).
    "irish": (("^s(?=ea|io|in[eé]a)", "sh"), ("[bm]h", "v")),
    # Arabic names in Latin letters: the article of "Abdel Fattah" belongs, in Arabic
    # script, to the next word (عبد الفتاح),
    # and "zh", "dh" and "sh" after a vowel may be two letters ("Azhar", أزهر; "Adham",
    # أدهم; "Ishaq", إسحاق, as in English compounds: "Gateshead", غيتسهيد), kept apart
    # by a hyphen from the English digraphs.
    "arabic": (
        ("^abd[eu]l$", "abd"),
        ("^abd[eu]l(?=.)", "abdal"),
        ("(?<=[aeiou])([zds])h", r"\1-h"),
        # "Zinedine", "Nasreddine": the article of الدين written into the name.
        ("(?<=[a-z])[aeiu]?d?dine?$", "aldin"),
        # The feminine ending ة, written -ah or -eh ("Odeh", عودة), but not the h of
        # Allah, which is said; before Allah, ة is said t but still written ة
        # ("Hibatullah", هبة الله).
        ("(?<=[a-z])[ae]t[uoa]llah$", "a-allah"),
        ("(?<=[^aeiou])(?<!ll)[ae]h$", "a"),
    ),
    # English place names end in "-cester" said "ster" ("Gloucester", غلوستر),
    # gh after i and a final b after m are silent ("Wright", رايت; "Combs", كومز).
    "english": (("(?<=[a-z])cester$", "ster"), ("igh", "i"), ("mb(?=s?$)", "m")),
    # A g before e, i or y is hard in most languages, and in many English names
    # ("Tiger", تايغر; "Gerhard", غيرهارد), where the English reading makes it j.
    "hard_g": (("g(?=[eiy])", "gh"),),
    # English plural of a nisba ("Houthis", "Alawites" aside): the singular.
    "plural": (("(?<=i)s$", ""),),
}
_CONVENTION_RULES = tuple(
    tuple((re.compile(pattern), replacement) for pattern, replacement in rules)
    for rules in SPELLING_CONVENTIONS.values()
)


@lru_cache(maxsize=65536)
def name_skeletons(name: str) -> tuple[str, ...]:
    """Skeletons of a name under English spelling and every other spelling convention
    that changes it, English first, without repeats."""
    readings = [skeleton(name)]
    if _ARABIC_LETTER.search(name):
        return tuple(readings)
    lower = name.lower()
    for rules in _CONVENTION_RULES:
        respelled = lower
        for pattern, replacement in rules:
            respelled = pattern.sub(replacement, respelled)
        if respelled != lower:
            reading = _merged_classes(_latin_classes(respelled))
            if reading not in readings:
                readings.append(reading)
    return tuple(readings)


def _substitution_cost(a: str, b: str) -> float:
    if a == b:
        return 0.0
    if a in _VOWELS and b in _VOWELS:
        return 0.0 if VOWEL_SEAT in (a, b) else VOWEL_SUBSTITUTION_COST
    directed = _DIRECTED_SUBSTITUTIONS.get((a, b))
    if directed is not None:
        return directed
    return _CHEAP_SUBSTITUTIONS.get(frozenset((a, b)), 1.0)


def _indel_cost(symbol: str) -> float:
    if symbol in _VOWELS:
        return VOWEL_INDEL_COST
    return WEAK_CONSONANT_INDEL_COST if symbol in _WEAK_CONSONANTS else 1.0


class _IndelCosts(dict[str, float]):
    """Symbol -> insertion or deletion cost, filled on first use: a dictionary look-up
    in the inner loop of the edit distance instead of a function call."""

    def __missing__(self, symbol: str) -> float:
        self[symbol] = cost = _indel_cost(symbol)
        return cost


class _SubstitutionCosts(dict[str, float]):
    def __init__(self, symbol: str) -> None:
        super().__init__()
        self.symbol = symbol

    def __missing__(self, other: str) -> float:
        self[other] = cost = _substitution_cost(self.symbol, other)
        return cost


class _SubstitutionTable(dict[str, _SubstitutionCosts]):
    """Symbol -> (other symbol -> substitution cost), filled on first use."""

    def __missing__(self, symbol: str) -> _SubstitutionCosts:
        self[symbol] = costs = _SubstitutionCosts(symbol)
        return costs


_INDEL_COSTS = _IndelCosts()


@lru_cache(maxsize=65536)
def _positional_indel_costs(skeleton_text: str) -> tuple[float, ...]:
    """Insertion or deletion cost of each symbol of a skeleton, in its place: an h
    between two vowels is said in every language ("Takahashi", تاكاهاشي), so it costs a
    full consonant there, while elsewhere it may be silent or part of a digraph
    ("John", جون; "Bahn", بان). Not after a first w, which the skeleton writes as a
    vowel ("Whitaker", ويتاكر), nor after i: Arabic writes a final e as يه, which runs
    into the next word of a rendering ("JR", جيه آر)."""
    costs = [_INDEL_COSTS[symbol] for symbol in skeleton_text]
    for index in range(1, len(skeleton_text) - 1):
        before = skeleton_text[index - 1]
        if (
            skeleton_text[index] in _WEAK_CONSONANTS
            and before in _VOWELS
            and before != "I"
            and not (index == 1 and before in _SEMIVOWELS)
            and skeleton_text[index + 1] in _VOWELS
        ):
            costs[index] = FULL_EDIT_COST
    # A tuple: the cache hands the same object to every caller.
    return tuple(costs)


_SUBSTITUTION_COSTS = _SubstitutionTable()
TRANSPOSITION_COST = 1.0


def _bounded_distance(a: str, b: str, limit: float) -> float:
    """The weighted edit distance when it is at most limit, else infinity.

    Rows are abandoned once the distance can no longer come within limit: no cell
    below is smaller than the smallest of the current row, or of the row before plus a
    transposition.
    """
    insertions = _positional_indel_costs(b)
    deletions = _positional_indel_costs(a)
    previous = [0.0]
    for cost in insertions:
        previous.append(previous[-1] + cost)
    before_previous: list[float] = previous
    previous_symbol = ""
    for symbol_a, deletion in zip(a, deletions, strict=True):
        substitutions = _SUBSTITUTION_COSTS[symbol_a]
        cell = previous[0] + deletion
        current = [cell]
        for column, symbol_b in enumerate(b):
            cell = min(
                previous[column + 1] + deletion,
                cell + insertions[column],
                previous[column] + substitutions[symbol_b],
            )
            if (
                column
                and symbol_a == b[column - 1]
                and previous_symbol == symbol_b
                and symbol_a != symbol_b
            ):
                cell = min(cell, before_previous[column - 1] + TRANSPOSITION_COST)
            current.append(cell)
        if min(current) > limit and min(previous) + TRANSPOSITION_COST > limit:
            return math.inf
        before_previous, previous, previous_symbol = previous, current, symbol_a
    return previous[-1] if previous[-1] <= limit else math.inf


FULL_EDIT_COST = 1.0


@lru_cache(maxsize=65536)
def _required_symbol_sets(name_skeleton: str) -> tuple[frozenset[str], ...]:
    """For each symbol of the skeleton that costs a full edit to delete or insert, the
    symbols that stand in for it at less than a full edit, itself included."""
    return tuple(
        frozenset(
            {symbol}
            | {
                other
                for pair, cost in _CHEAP_SUBSTITUTIONS.items()
                if symbol in pair and cost < FULL_EDIT_COST
                for other in pair
            }
        )
        for symbol in name_skeleton
        if symbol not in _VOWELS and _indel_cost(symbol) >= FULL_EDIT_COST
    )


def _unmatched_symbol_bound(a: str, b: str) -> float:
    """A lower bound of the distance, far cheaper than computing it: a symbol of a that
    b holds no stand-in for costs a full edit (a deletion or a full substitution; a swap
    needs the symbol itself), one edit per symbol. Only a's symbols are counted: a is
    the name, whose sets are cached, while b is mostly a new run of words."""
    symbols_b = set(b)
    return FULL_EDIT_COST * sum(
        symbols_b.isdisjoint(stand_ins) for stand_ins in _required_symbol_sets(a)
    )


# Skeleton pairs recur across a document (a name against the same common words in
# every segment). For each name skeleton, a table of the other skeletons met so far:
# the exact distance (zero or more), or -1 - limit for a limit the distance is known to
# exceed. One look-up in the name's table is what the name check's inner loop costs.
_distance_tables: dict[str, dict[str, float]] = {}
_cached_distance_count = 0
MAX_CACHED_DISTANCES = 1 << 20


def distance_table(name_skeleton: str) -> dict[str, float]:
    """The cached distances from a skeleton, as skeleton_distance_within fills them: a
    value of zero or more is the exact distance, a negative one is -1 - a limit that the
    distance exceeds."""
    table = _distance_tables.get(name_skeleton)
    if table is None:
        table = _distance_tables[name_skeleton] = {}
    return table


def skeleton_distance_within(a: str, b: str, limit: float) -> float:
    """skeleton_distance(a, b) when it is at most limit, else infinity; far cheaper
    than the full distance when the skeletons are far apart."""
    global _cached_distance_count
    table = distance_table(a)
    known = table.get(b)
    if known is not None:
        if known >= 0:
            return known if known <= limit else math.inf
        if -1.0 - known >= limit:
            return math.inf
    if _cached_distance_count > MAX_CACHED_DISTANCES:
        clear_distance_cache()
        table = distance_table(a)
    distance = math.inf if _unmatched_symbol_bound(a, b) > limit else _bounded_distance(a, b, limit)
    if b not in table:
        _cached_distance_count += 1
    table[b] = -1.0 - limit if distance == math.inf else distance
    return distance


def clear_distance_cache() -> None:
    global _cached_distance_count
    _distance_tables.clear()
    _cached_distance_count = 0


def skeleton_distance(a: str, b: str) -> float:
    """Weighted edit distance between two skeletons, with swaps of adjacent letters.

    Written by hand because the general edit-distance libraries take one cost per
    operation, while transliteration needs costs per pair of letters.
    """
    return skeleton_distance_within(a, b, math.inf)


@lru_cache(maxsize=1 << 16)
def consonant_count(name_skeleton: str) -> int:
    """Consonants of a skeleton; asked for every candidate run of every segment, while
    the skeletons recur."""
    return len(name_skeleton) - sum(map(name_skeleton.count, _VOWELS))


def name_distance(name: str, rendering: str) -> float:
    """Distance between a name and a rendering of it, in any scripts, under the
    spelling convention that brings them closest."""
    rendering_skeleton = reading_skeleton(rendering)
    return min(
        skeleton_distance(name_skeleton, rendering_skeleton)
        for name_skeleton in name_skeletons(name)
    )


def spelling_edits(a: str, b: str) -> int:
    """Letters added, dropped, changed or swapped with their neighbour to turn one
    spelling into another (optimal string alignment): how far a written word is from a
    name's established spelling letter by letter, where a transliteration's distance
    forgives what sounds alike."""
    previous_row: list[int] = []
    row = list(range(len(b) + 1))
    for i, letter in enumerate(a, 1):
        before_previous, previous_row = previous_row, row
        row = [i] + [0] * len(b)
        for j, other in enumerate(b, 1):
            row[j] = min(
                previous_row[j] + 1,
                row[j - 1] + 1,
                previous_row[j - 1] + (letter != other),
            )
            if i > 1 and j > 1 and letter == b[j - 2] and a[i - 2] == other:
                row[j] = min(row[j], before_previous[j - 2] + 1)
    return row[-1]


def _consonants(name_skeleton: str) -> list[str]:
    return [symbol for symbol in name_skeleton if symbol not in _VOWELS]


# A skeleton that lines up only past a dropped first consonant must still have this
# many consonants to go on: "Broad" is not lined up with "عريض" by "rd".
MIN_CONSONANTS_AFTER_SKIP = 3


def same_leading_consonants(a: str, b: str, count: int = 1, skip: bool = True) -> bool:
    """Whether two skeletons start with the same count consonants in the same order, up
    to usual variants, or, if skip, do so once a first consonant dropped from one of
    them is passed over ("Wembanyama", "ويبانياما" line up from the b)."""
    if count == 1 and a[:1] == b[:1] and a[:1] in _SEMIVOWELS:
        # A name's first w or y is a consonant that the skeleton writes as a vowel
        # ("Winfrey", "ويلفري": the w lines them up).
        return True
    consonants_a, consonants_b = _consonants(a), _consonants(b)
    if _lined_up(consonants_a, consonants_b, count):
        return True
    return skip and any(
        min(len(rest_a), len(rest_b)) >= MIN_CONSONANTS_AFTER_SKIP
        and _lined_up(rest_a, rest_b, count)
        for rest_a, rest_b in ((consonants_a[1:], consonants_b), (consonants_a, consonants_b[1:]))
    )


def lined_up_after_first(a: str, b: str, count: int = 2) -> bool:
    """Whether two skeletons line up on the count consonants after their first ones,
    which may differ ("Jokic", "نوكيتش": k and ch after j and n)."""
    consonants_a, consonants_b = _consonants(a), _consonants(b)
    return min(len(consonants_a), len(consonants_b)) > count and _lined_up(
        consonants_a[1:], consonants_b[1:], count
    )


def _lined_up(consonants_a: list[str], consonants_b: list[str], count: int) -> bool:
    # Either way round: lining up asks whether two letters are alike, not whether one
    # renders the other (_DIRECTED_SUBSTITUTIONS).
    leading_a, leading_b = consonants_a[:count], consonants_b[:count]
    return len(leading_a) == len(leading_b) == count and all(
        min(_substitution_cost(symbol_a, symbol_b), _substitution_cost(symbol_b, symbol_a)) < 1.0
        for symbol_a, symbol_b in zip(leading_a, leading_b, strict=True)
    )
