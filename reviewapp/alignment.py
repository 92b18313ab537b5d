"""Bilingual sentence alignment of a source text and its translation.

Links between sentence groups (1-1, 1-2, 2-1, 1-0, 0-1, 2-2, 1-3, 3-1) are chosen by
dynamic programming over two kinds of evidence:

* length, as in Gale & Church (1993): translated character counts are roughly
  proportional; the proportion is estimated from the two texts, so no language pair
  needs its own parameters;
* anchors that survive translation: numbers (any digits, separators ignored, and
  number and month words listed in data/alignment_number_words.json), names
  (romanised and reduced to consonant skeletons so "Dermer" meets "ديرمر"), and marks
  such as questions (? ؟), exclamations, quotes and brackets.

The search is restricted to a band around the diagonal and widened only when the best
path touches the band's edge, so two 10,000-sentence texts align in well under a second.

The work is done in numpy a band (or a batch of bands) at a time, not a cell at a time:
anchors are integer tables, the sentence pairs sharing one are found by sorted joins,
each cell's costs are computed for many rows at once, and the small alignments inside
the paragraphs of a document are solved together, padded to a few shared sizes.
"""

import itertools
import json
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np
from anyascii import anyascii

from reviewapp.collection import cycle_collection_paused
from reviewapp.segmentation import join_sentences, segment_document
from reviewapp.transliteration import normalise_for_matching, skeleton, word_stems

Link = tuple[tuple[int, ...], tuple[int, ...]]
Shape = tuple[int, int]

GALE_CHURCH_PRIORS: dict[Shape, float] = {
    (1, 1): 0.89,
    (1, 0): 0.0099,
    (0, 1): 0.0099,
    (2, 1): 0.089,
    (1, 2): 0.089,
    (2, 2): 0.011,
}
GALE_CHURCH_RATIO = 1.0
GALE_CHURCH_VARIANCE = 6.8

ALIGNMENT_PRIORS: dict[Shape, float] = {
    (1, 1): 0.89,
    (1, 0): 0.04,
    (0, 1): 0.04,
    (2, 1): 0.09,
    (1, 2): 0.09,
    (2, 2): 0.005,
    (3, 1): 0.005,
    (1, 3): 0.005,
}
ALIGNMENT_VARIANCE = 6.8
# Cost in nats saved per anchor that a link's two sides share.
NAME_ANCHOR_WEIGHT = 1.5
NUMBER_ANCHOR_WEIGHT = 2.0
MARK_ANCHOR_WEIGHT = 1.0
COGNATE_ANCHOR_WEIGHT = 0.3
NUMBER_MISMATCH_COST = 1.0
COGNATE_PREFIX = 4
# Skeletons this short ("mn", "fy") match too many unrelated words to count.
MIN_SKELETON_LENGTH = 2
INITIAL_BAND_HALF_WIDTH = 30


@dataclass(frozen=True)
class AlignedSegment:
    """One link of an aligned document; `paragraph` is the 0-based source paragraph."""

    paragraph: int
    source: str
    target: str


# --- length model ---------------------------------------------------------------------

_TAIL_STEP = 0.001
_TAIL_LIMIT = 60.0


@lru_cache(maxsize=1)
def _tail_cost_table() -> np.ndarray:
    """-log P(|Z| >= x) for a standard normal Z on a grid of x.

    numpy has no erfc and scipy is not a dependency; a table read with np.interp keeps
    the per-cell cost vectorised. Far in the tail erfc underflows, so the asymptotic
    expansion log erfc(z) ~ -z^2 - log(z sqrt(pi)) takes over.
    """
    grid = np.arange(0.0, _TAIL_LIMIT + _TAIL_STEP, _TAIL_STEP)
    costs = np.empty_like(grid)
    for index, x in enumerate(grid):
        z = x / math.sqrt(2.0)
        tail = math.erfc(z)
        costs[index] = (
            -math.log(tail) if tail > 1e-300 else z * z + math.log(z * math.sqrt(math.pi))
        )
    return costs


def _length_cost(
    source_lengths: np.ndarray, target_lengths: np.ndarray, ratio: float, variance: float
) -> np.ndarray:
    """Gale-Church cost of the length difference of linked groups."""
    mean = np.maximum((source_lengths + target_lengths / ratio) / 2.0, 1.0)
    delta = np.abs(source_lengths * ratio - target_lengths) / np.sqrt(mean * variance)
    table = _tail_cost_table()
    return table[np.minimum((delta / _TAIL_STEP).astype(np.int64), len(table) - 1)]


# --- banded dynamic programming -------------------------------------------------------


@dataclass(frozen=True)
class _Band:
    """For each source position i, the target positions lower[i]..upper[i] searched."""

    lower: list[int]
    upper: list[int]

    @classmethod
    def around_diagonal(cls, source_count: int, target_count: int, half_width: int) -> "_Band":
        slope = target_count / source_count
        lower = [max(0, math.floor(i * slope - half_width)) for i in range(source_count + 1)]
        upper = [
            min(target_count, math.ceil(i * slope + half_width)) for i in range(source_count + 1)
        ]
        lower[0] = 0
        upper[-1] = target_count
        return cls(lower, upper)

    # Cached: it is read for every chunk of rows, and a long band has many rows.
    @cached_property
    def width(self) -> int:
        return max(last - first for first, last in zip(self.lower, self.upper, strict=True)) + 1

    # Cached: the length costs and the anchor costs both read it, and on a long band it
    # is a large array.
    @cached_property
    def positions(self) -> np.ndarray:
        """positions[i, c]: the target position of column c of row i, held at the row's
        last position past its end so that every cell indexes real data."""
        lower = np.asarray(self.lower)[:, None]
        return np.minimum(lower + np.arange(self.width), np.asarray(self.upper)[:, None])


@dataclass(frozen=True)
class _Problems:
    """Alignment problems solved together in one band: problem g links the source
    sentences source_starts[g] .. + source_counts[g] with the target sentences
    target_starts[g] .. + target_counts[g]. Smaller problems are padded to the largest;
    a position's cost and best path depend only on the sentences before it, so the
    padding never changes a problem's own cells."""

    source_starts: np.ndarray
    source_counts: np.ndarray
    target_starts: np.ndarray
    target_counts: np.ndarray
    source_size: int
    target_size: int

    @classmethod
    def single(
        cls, source_start: int, source_count: int, target_start: int, target_count: int
    ) -> "_Problems":
        return cls(
            np.array([source_start]),
            np.array([source_count]),
            np.array([target_start]),
            np.array([target_count]),
            source_count,
            target_count,
        )

    def local_prefix(self, prefix: np.ndarray, source_side: bool) -> np.ndarray:
        """prefix (cumulative over a whole side, from 0) restarted at each problem's
        first sentence, one row a problem, held at the problem's total past its end."""
        starts, counts, size = (
            (self.source_starts, self.source_counts, self.source_size)
            if source_side
            else (self.target_starts, self.target_counts, self.target_size)
        )
        ends = starts[:, None] + np.minimum(np.arange(size + 1), counts[:, None])
        return prefix[ends] - prefix[starts][:, None]


# Costs of the links of each shape ending at each cell of band rows first..stop-1, for
# each problem: costs[shape, problem, row - first, column].
RowCosts = Callable[[int, int], np.ndarray]
# The row costs of problems in a band; what they share (anchor windows) is built once.
CellCosts = Callable[[_Problems, _Band], RowCosts]
# Rows of costs are computed this many cells at a time (shapes x problems x columns x
# rows), so that a long text's band never needs all its costs in memory at once.
COST_CHUNK_CELLS = 1 << 18


def _best_paths(
    problems: _Problems, band: _Band, shapes: Sequence[Shape], row_costs: RowCosts
) -> tuple[list[list[Link]], bool]:
    """The cheapest monotonic path through the band for each problem, and whether any
    path touches the band's edge.

    Ties go to the shape listed first; target-only links are taken after the others, by
    a running minimum along the row, only where they save more than 1e-9.
    """
    lower, upper = band.lower, band.upper
    problem_count, width = len(problems.source_counts), band.width
    row_count = len(lower)
    chunk_rows = max(1, COST_CHUNK_CELLS // (len(shapes) * problem_count * width))
    # totals[row, problem, column], and one more row of infinities for the links that
    # would start outside the band: each row's candidates are then one gather.
    totals = np.full((row_count + 1, problem_count, width), np.inf)
    flat_totals = totals.reshape(-1)
    choices = np.full((row_count, problem_count, width), -1, dtype=np.int8)
    insertion = shapes.index((0, 1)) if (0, 1) in shapes else None
    linking = np.array([k for k, (source_step, _) in enumerate(shapes) if source_step > 0])
    for row in range(row_count):
        first, last = lower[row], upper[row]
        if row % chunk_rows == 0:
            chunk_stop = min(row + chunk_rows, row_count)
            costs = row_costs(row, chunk_stop)
            linking_costs = costs[linking]
            predecessors = _predecessors(
                band, [shapes[k] for k in linking], problem_count, row, chunk_stop
            )
            # Within a row, each problem's cells come `width` after the previous one's.
            predecessors = predecessors[:, None] + (np.arange(problem_count) * width)[:, None, None]
            if insertion is not None:
                # What inserting targets 1..c costs after column 0, for every row.
                steps = costs[insertion].copy()
                steps[:, :, 0] = 0.0
                accumulated = np.cumsum(steps, axis=2)
        cost_row = row % chunk_rows
        best = totals[row]
        choice = choices[row]
        if row == 0:
            best[:, 0] = 0.0
        else:
            candidates = flat_totals[predecessors[:, :, cost_row]]
            candidates += linking_costs[:, :, cost_row]
            choice[:] = linking[candidates.argmin(axis=0)]
            candidates.min(axis=0, out=best)
        if insertion is not None and last > first:
            # A target-only link extends the same row; the running minimum over
            # best[k] + (cost of inserting targets k+1..j) solves the whole row at once.
            columns = last - first + 1
            row_accumulated = accumulated[:, cost_row, :columns]
            row_best = best[:, :columns]
            extended = np.minimum.accumulate(row_best - row_accumulated, axis=1)
            extended += row_accumulated
            inserted = extended < row_best - 1e-9
            np.copyto(row_best, extended, where=inserted)
            np.copyto(choice[:, :columns], insertion, where=inserted)
    return _trace_back(problems, band, shapes, choices)


def _predecessors(
    band: _Band, shapes: Sequence[Shape], problem_count: int, first_row: int, stop_row: int
) -> np.ndarray:
    """predecessors[shape, row - first_row, column]: where in the flattened totals
    (rows x problems x band width) problem 0's link of the shape ending at the cell
    starts; in the extra row of infinities where that is outside the band."""
    lower = np.asarray(band.lower)
    upper = np.asarray(band.upper)
    row_count, width = len(lower), band.width
    row_stride = problem_count * width
    rows = np.arange(first_row, stop_row)[:, None]
    positions = lower[rows] + np.arange(width)
    result = np.empty((len(shapes), stop_row - first_row, width), dtype=np.int64)
    for index, (source_step, target_step) in enumerate(shapes):
        previous = np.maximum(rows - source_step, 0)
        start_positions = positions - target_step
        inside = (
            (rows >= source_step)
            & (positions <= upper[rows])
            & (start_positions >= lower[previous])
            & (start_positions <= upper[previous])
        )
        result[index] = np.where(
            inside,
            previous * row_stride + start_positions - lower[previous],
            row_count * row_stride,
        )
    return result


def _trace_back(
    problems: _Problems, band: _Band, shapes: Sequence[Shape], choices: np.ndarray
) -> tuple[list[list[Link]], bool]:
    lower, upper = band.lower, band.upper
    target_count = upper[-1]
    touches_edge = False
    links: list[list[Link]] = []
    for problem, (row, column) in enumerate(
        zip(problems.source_counts.tolist(), problems.target_counts.tolist(), strict=True)
    ):
        path: list[Link] = []
        while row > 0 or column > 0:
            first, last = lower[row], upper[row]
            touches_edge |= (column == first > 0) or (column == last < target_count)
            source_step, target_step = shapes[choices.item(row, problem, column - first)]
            path.append(
                (tuple(range(row - source_step, row)), tuple(range(column - target_step, column)))
            )
            row, column = row - source_step, column - target_step
        path.reverse()
        links.append(path)
    return links, touches_edge


def _align_in_widening_band(
    source_count: int,
    target_count: int,
    shapes: Sequence[Shape],
    cell_costs: CellCosts,
    source_start: int = 0,
    target_start: int = 0,
) -> list[Link]:
    if source_count == 0 or target_count == 0:
        return [((i,), ()) for i in range(source_count)] + [((), (j,)) for j in range(target_count)]
    problems = _Problems.single(source_start, source_count, target_start, target_count)
    longer, shorter = max(source_count, target_count), min(source_count, target_count)
    half_width = max(INITIAL_BAND_HALF_WIDTH, 2 * math.ceil(longer / shorter) + 4)
    while True:
        band = _Band.around_diagonal(source_count, target_count, half_width)
        (links,), touches_edge = _best_paths(problems, band, shapes, cell_costs(problems, band))
        if not touches_edge or half_width >= longer:
            return links
        half_width *= 2


def _prefix(values: Iterable[float]) -> np.ndarray:
    return np.concatenate(([0.0], np.cumsum(np.fromiter(values, dtype=np.float64))))


def _length_costs(
    source_prefix: np.ndarray,
    target_prefix: np.ndarray,
    priors: dict[Shape, float],
    ratio: float,
    variance: float,
) -> CellCosts:
    """Prior plus Gale-Church length cost of every link shape at every cell; the
    prefixes are of sentence lengths over whole sides."""

    def costs(problems: _Problems, band: _Band) -> RowCosts:
        sources = problems.local_prefix(source_prefix, source_side=True)
        targets = problems.local_prefix(target_prefix, source_side=False)
        positions = band.positions

        def row_costs(first: int, stop: int) -> np.ndarray:
            rows = np.arange(first, stop)[:, None]
            cells = positions[first:stop]
            result = np.empty((len(priors), len(sources), stop - first, band.width))
            for index, ((source_step, target_step), prior) in enumerate(priors.items()):
                result[index] = -math.log(prior) + _length_cost(
                    (sources[:, rows] - sources[:, np.maximum(rows - source_step, 0)]),
                    (targets[:, cells] - targets[:, np.maximum(cells - target_step, 0)]),
                    ratio,
                    variance,
                )
            return result

        return row_costs

    return costs


def gale_church(source_lengths: Sequence[int], target_lengths: Sequence[int]) -> list[Link]:
    """Length-only Gale-Church alignment (c=1, s2=6.8, the 1993 priors) as a baseline."""
    cell_costs = _length_costs(
        _prefix(source_lengths),
        _prefix(target_lengths),
        GALE_CHURCH_PRIORS,
        GALE_CHURCH_RATIO,
        GALE_CHURCH_VARIANCE,
    )
    return _align_in_widening_band(
        len(source_lengths), len(target_lengths), list(GALE_CHURCH_PRIORS), cell_costs
    )


# --- anchors --------------------------------------------------------------------------

_NUMBER = re.compile(r"\d+(?:[.,٫٬'’\u00a0\u202f]\d+)*")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_MARK_CLASSES = {
    "?": "?؟？\u037e¿",
    "!": "!！¡",
    '"': '"“”„«»‹›「」『』',
    "(": "()[]（）",
}
_MARK_OF_CHARACTER = {char: mark for mark, chars in _MARK_CLASSES.items() for char in chars}
_MARK = re.compile("[" + re.escape("".join(_MARK_OF_CHARACTER)) + "]")


@dataclass(frozen=True)
class _SentenceAnchors:
    """The anchors of one sentence as strings, to inspect what the aligner sees."""

    numbers: frozenset[str]
    marks: frozenset[str]
    cognates: frozenset[str]
    # Skeleton keys of each capitalised word: a name matches when any of its keys occurs
    # among the other side's word keys.
    names: tuple[frozenset[str], ...]
    word_keys: frozenset[str]


# The vowel classes of transliteration.skeleton: vowels are left out of the keys because
# Arabic script rarely writes short ones ("Dermer", "ديرمر").
_SKELETON_VOWELS = str.maketrans("", "", "AIU")
_REPEATS = re.compile(r"(.)\1+")


def _consonants(word: str) -> str:
    return _REPEATS.sub(r"\1", skeleton(word).translate(_SKELETON_VOWELS))


@lru_cache(maxsize=131072)
def _word_keys(word: str, lang: str) -> frozenset[str]:
    """Skeletons of the word's readings, plus each with one letter dropped.

    Dropping one letter on both sides lets spellings that differ in one consonant
    ("Azerbaijan" z, "أذربيجان" dh) meet through exact keys; a weighted edit distance
    for every sentence pair in the band would be far too slow for long texts.
    """
    keys: set[str] = set()
    for stem in word_stems(word, lang):
        stem_skeleton = _consonants(stem)
        if len(stem_skeleton) < MIN_SKELETON_LENGTH:
            continue
        keys.add(stem_skeleton)
        if len(stem_skeleton) >= 4:
            keys.update(
                stem_skeleton[:k] + stem_skeleton[k + 1 :] for k in range(len(stem_skeleton))
            )
    return frozenset(keys)


@lru_cache(maxsize=131072)
def _is_latin(word: str) -> bool:
    return all(unicodedata.name(char, "").startswith("LATIN") for char in word)


# Cached like _word_keys: every sentence with the word then holds the same key string
# instead of a copy of its own.
@lru_cache(maxsize=131072)
def _cognate_key(word: str) -> str:
    return anyascii(word).lower()[:COGNATE_PREFIX]


NUMBER_WORDS_PATH = Path(__file__).resolve().parent / "data" / "alignment_number_words.json"


@lru_cache(maxsize=1)
def _number_words() -> dict[str, dict[str, tuple[str, ...]]]:
    data = json.loads(NUMBER_WORDS_PATH.read_text(encoding="utf-8"))
    return {
        lang: {word: tuple(tokens) for word, tokens in words.items()}
        for lang, words in data.items()
        if isinstance(words, dict)
    }


@lru_cache(maxsize=131072)
def _number_word_tokens(word: str, lang: str) -> tuple[str, ...]:
    words = _number_words().get(lang.split("-")[0].lower())
    if not words:
        return ()
    for stem in word_stems(normalise_for_matching(word), lang):
        if stem in words:
            return words[stem]
    return ()


# The separators _NUMBER allows between digits that are ASCII characters.
_ASCII_NUMBER_SEPARATORS = str.maketrans("", "", ".,'")


def _number_tokens(number: str) -> tuple[str, ...]:
    """The digits of a number; round thousands also as a count of thousands, since
    "19,000" is often written "19 ألف" or "19 mille"."""
    if number.isascii():
        # Most numbers are ASCII; their digits are what is left without the separators.
        digits = number.translate(_ASCII_NUMBER_SEPARATORS)
    else:
        digits = "".join(str(unicodedata.digit(char)) for char in number if char.isdigit())
    if len(digits) > 3 and digits.endswith("000"):
        return digits, digits[:-3], "thousand"
    return (digits,)


@dataclass(frozen=True, slots=True)
class _WordAnchors:
    # Number and month words ("nineteen", "تموز") as number tokens.
    numbers: tuple[str, ...]
    # First letters of long Latin-script words, for cognates between languages that
    # share the script ("Expedition", "expédition"), after Simard et al. (1992).
    cognate: str | None
    keys: frozenset[str]
    is_name: bool


@lru_cache(maxsize=131072)
def _word_anchors(word: str, lang: str) -> _WordAnchors:
    keys = _word_keys(word, lang)
    return _WordAnchors(
        numbers=_number_word_tokens(word, lang),
        cognate=_cognate_key(word) if len(word) >= COGNATE_PREFIX and _is_latin(word) else None,
        keys=keys,
        is_name=word[0].isupper() and bool(keys),
    )


def sentence_anchors(sentence: str, lang: str) -> _SentenceAnchors:
    """What the aligner sees of one sentence, as strings: tokens are found as
    _anchor_tables finds them, and read by the same per-token rules."""
    tokens = _Tokens.find([sentence])
    in_order = [tokens.distinct[number] for number in tokens.numbers.tolist()]
    words = [_word_anchors(token, lang) for token in in_order if not _is_number_or_mark(token)]
    return _SentenceAnchors(
        numbers=frozenset(
            number for token in in_order if token[0].isdecimal() for number in _number_tokens(token)
        ).union(*(word.numbers for word in words)),
        marks=frozenset(
            _MARK_OF_CHARACTER[token] for token in in_order if token in _MARK_OF_CHARACTER
        ),
        cognates=frozenset(word.cognate for word in words if word.cognate),
        names=tuple(word.keys for word in words if word.is_name),
        word_keys=frozenset().union(*(word.keys for word in words)),
    )


# Kinds of keyed anchors in an _AnchorTable, and what sharing one is worth.
_NUMBER_KIND, _MARK_KIND, _COGNATE_KIND = 0, 1, 2
_KEYED_KINDS = ((_NUMBER_KIND, "numbers"), (_MARK_KIND, "marks"), (_COGNATE_KIND, "cognates"))


@dataclass(frozen=True)
class _AnchorTable:
    """The anchors of one side's sentences (or paragraphs) as integer arrays, so that the
    sentences sharing a key are found for every sentence at once.

    Keys are numbered by one dictionary shared by both sides. Rows are sentences. The
    arrays are 32-bit (kinds 8-bit), half what a long text's tables would take in 64
    bits; where a key and a row are combined into one number, that is made in 64 bits.
    """

    count: int
    # Distinct (row, key) entries of numbers, marks and cognates, with their kind.
    key_rows: np.ndarray
    key_ids: np.ndarray
    key_kinds: np.ndarray
    # One entry per skeleton key of each name occurrence.
    name_rows: np.ndarray
    name_occurrences: np.ndarray
    name_keys: np.ndarray
    # Distinct (row, key) entries of word keys, only of keys that some name of the other
    # side has: words are only looked up by names, and most words are not names.
    word_rows: np.ndarray
    word_keys: np.ndarray

    @property
    def numbered(self) -> np.ndarray:
        """How many rows before each position have a number."""
        has_number = np.zeros(self.count, dtype=bool)
        has_number[self.key_rows[self.key_kinds == _NUMBER_KIND]] = True
        return np.concatenate(([0], np.cumsum(has_number)))

    def within(self, first_row: int, stop_row: int) -> "_AnchorTable":
        """The entries of rows first_row..stop_row-1, which keep their numbers: what one
        piece of a document needs, found without reading the rest (entries are in row
        order)."""

        def rows(entry_rows: np.ndarray) -> slice:
            return slice(*np.searchsorted(entry_rows, (first_row, stop_row)).tolist())

        keys, names, words = rows(self.key_rows), rows(self.name_rows), rows(self.word_rows)
        return _AnchorTable(
            count=self.count,
            key_rows=self.key_rows[keys],
            key_ids=self.key_ids[keys],
            key_kinds=self.key_kinds[keys],
            name_rows=self.name_rows[names],
            name_occurrences=self.name_occurrences[names],
            name_keys=self.name_keys[names],
            word_rows=self.word_rows[words],
            word_keys=self.word_keys[words],
        )

    def merged(self, group_of_row: np.ndarray, group_count: int) -> "_AnchorTable":
        """The anchors of groups of consecutive rows (sentences into paragraphs)."""
        key_rows, key_ids = _distinct_entries(group_of_row[self.key_rows], self.key_ids)
        word_rows, word_keys = _distinct_entries(group_of_row[self.word_rows], self.word_keys)
        return _AnchorTable(
            count=group_count,
            key_rows=key_rows,
            key_ids=key_ids,
            key_kinds=_kinds_of(key_ids, self.key_ids, self.key_kinds),
            name_rows=group_of_row[self.name_rows],
            name_occurrences=self.name_occurrences,
            name_keys=self.name_keys,
            word_rows=word_rows,
            word_keys=word_keys,
        )


def _distinct_entries(rows: np.ndarray, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct (row, key) entries, sorted by row and then key, in 32 bits."""
    if not len(rows):
        return rows.astype(np.int32), keys.astype(np.int32)
    # Sorted in place as one number a pair: sorting the numbers costs less time and
    # memory than the stable argsort np.unique(return_index=True) makes.
    stride = int(keys.max()) + 1
    combined = rows.astype(np.int64) * stride
    combined += keys
    combined.sort()
    distinct = combined[np.concatenate(([True], combined[1:] != combined[:-1]))]
    del combined
    return (distinct // stride).astype(np.int32), (distinct % stride).astype(np.int32)


def _kinds_of(keys: np.ndarray, known_keys: np.ndarray, known_kinds: np.ndarray) -> np.ndarray:
    """The kind of each of `keys`, read from entries whose kinds are known (a key
    number stands for one (kind, value) pair, so it has one kind)."""
    kind_of_key = np.zeros(int(known_keys.max(initial=-1)) + 1, dtype=np.int8)
    kind_of_key[known_keys] = known_kinds
    return kind_of_key[keys]


class _Numbering(dict[str, int]):
    """Numbers strings 0, 1, 2... in the order they are first looked up."""

    def __missing__(self, key: str) -> int:
        number = self[key] = len(self)
        return number


@dataclass(frozen=True)
class _Tokens:
    """The words, numbers and marks of sentences: the distinct tokens, and the row
    (sentence) and distinct-token number of each token in text order."""

    distinct: list[str]
    rows: np.ndarray
    numbers: np.ndarray

    @classmethod
    def find(cls, sentences: Sequence[str]) -> "_Tokens":
        # No token spans a space: the text is cut at spaces, and the pattern runs once
        # on each distinct piece ("talks", "(1948).") instead of over the whole text.
        # Sentences are separated by a line break piece of their own (number 0), which
        # moves to the next row. The text is cut a block of sentences at a time, so that
        # its pieces as strings never all wait in memory.
        token_numbers: dict[str, int] = {}
        piece_numbers = _Numbering({"\n": 0})
        tokens_of_piece: list[list[int]] = [[]]
        blocks: list[np.ndarray] = []
        for start in range(0, len(sentences), TOKEN_BLOCK_SENTENCES):
            block = sentences[start : start + TOKEN_BLOCK_SENTENCES]
            pieces = " \n ".join(sentence.replace("\n", " ") for sentence in block).split(" ")
            pieces.append("\n")
            known = len(piece_numbers)
            # New pieces are numbered as they are met, in the same pass that reads the
            # numbers of the known ones.
            blocks.append(
                np.fromiter(
                    map(piece_numbers.__getitem__, pieces), dtype=np.int32, count=len(pieces)
                )
            )
            for piece in itertools.islice(piece_numbers, known, None):
                tokens_of_piece.append(
                    [
                        token_numbers.setdefault(token, len(token_numbers))
                        for token in _TOKEN.findall(piece)
                    ]
                )
        pieces = np.concatenate(blocks) if blocks else np.zeros(0, dtype=np.int32)
        piece_rows = np.cumsum(pieces == 0, dtype=np.int32)
        positions, numbers = _expand(pieces, tokens_of_piece)
        return cls(list(token_numbers), piece_rows[positions], numbers)

    def expand(self, values: Sequence[Sequence[int]]) -> tuple[np.ndarray, np.ndarray]:
        """(token position, value) for every value of every token, in text order, where
        values[n] are the values of distinct token n."""
        return _expand(self.numbers, values)


def _expand(numbers: np.ndarray, values: Sequence[Sequence[int]]) -> tuple[np.ndarray, np.ndarray]:
    """(position, value) for every value of every item of `numbers`, in order, where
    values[n] are the values of item number n."""
    # Everything in 32 bits, and one temporary an output entry: a long text has millions.
    lengths = np.fromiter(map(len, values), dtype=np.int32, count=len(values))
    flat = np.fromiter(itertools.chain.from_iterable(values), dtype=np.int32)
    counts = lengths[numbers]
    positions = np.repeat(np.arange(len(numbers), dtype=np.int32), counts)
    # Output entry e of item position p reads flat[e + shift[p]]: the item's first value
    # in flat, less the output entries before position p.
    shift = np.cumsum(lengths, dtype=np.int32)[numbers]
    shift -= np.cumsum(counts, dtype=np.int32)
    index = np.arange(len(positions), dtype=np.int32)
    index += shift[positions]
    return positions, flat[index]


TOKEN_BLOCK_SENTENCES = 4096
# Words, numbers and marks start with different characters, so one pattern finds what
# three would.
_TOKEN = re.compile("|".join(f"(?:{p.pattern})" for p in (_WORD, _NUMBER, _MARK)))


def _anchor_tables(
    source: Sequence[str], source_lang: str, target: Sequence[str], target_lang: str
) -> tuple[_AnchorTable, _AnchorTable]:
    """The anchor tables of both sides, found in one pass over each side's text, with
    each distinct word looked at once."""
    sides = []
    for sentences, lang in ((source, source_lang), (target, target_lang)):
        tokens = _Tokens.find(sentences)
        words = [
            _word_anchors(token, lang) if not _is_number_or_mark(token) else None
            for token in tokens.distinct
        ]
        sides.append((len(sentences), tokens, words))
    name_keys = [
        frozenset().union(*(word.keys for word in words if word and word.is_name))
        for _, _, words in sides
    ]
    key_numbers: dict[object, int] = {}
    # The keys of each distinct number, shared by both sides. Numbers are not cached for
    # longer: most are met in one document only, and a cache of every number aligned
    # would hold memory for the worker's life.
    number_keys: dict[str, list[int]] = {}
    source_table, target_table = (
        _anchor_table(count, tokens, words, other_name_keys, key_numbers, number_keys)
        for (count, tokens, words), other_name_keys in zip(sides, reversed(name_keys), strict=True)
    )
    return source_table, target_table


def _is_number_or_mark(token: str) -> bool:
    # re's \d is Unicode's decimal digits, as str.isdecimal.
    return token[0].isdecimal() or token in _MARK_OF_CHARACTER


def _anchor_table(
    count: int,
    tokens: _Tokens,
    words: list[_WordAnchors | None],
    other_name_keys: frozenset[str],
    key_numbers: dict[object, int],
    number_keys: dict[str, list[int]],
) -> _AnchorTable:
    """`words` holds the anchors of each distinct token that is a word, None for the
    numbers and marks; `number_keys` the key numbers of the numbers read so far."""

    def number_of(key: object) -> int:
        return key_numbers.setdefault(key, len(key_numbers))

    def numbers(token: str, word: _WordAnchors | None) -> list[int]:
        if word is not None:
            return [number_of((_NUMBER_KIND, number)) for number in word.numbers]
        if token[0].isdecimal():
            keys = number_keys.get(token)
            if keys is None:
                keys = number_keys[token] = [
                    number_of((_NUMBER_KIND, number)) for number in _number_tokens(token)
                ]
            return keys
        return []

    keyed = {
        _NUMBER_KIND: [
            numbers(token, word) for token, word in zip(tokens.distinct, words, strict=True)
        ],
        _MARK_KIND: [
            [number_of((_MARK_KIND, _MARK_OF_CHARACTER[token]))]
            if token in _MARK_OF_CHARACTER
            else []
            for token in tokens.distinct
        ],
        _COGNATE_KIND: [
            [number_of((_COGNATE_KIND, word.cognate))] if word and word.cognate else []
            for word in words
        ],
    }
    key_rows: list[np.ndarray] = []
    key_ids: list[np.ndarray] = []
    kind_of_key = np.zeros(len(key_numbers), dtype=np.int8)
    for kind, values in keyed.items():
        positions, ids = tokens.expand(values)
        key_rows.append(tokens.rows[positions])
        key_ids.append(ids)
        kind_of_key[ids] = kind
    del keyed, positions, ids
    distinct_key_rows, distinct_key_ids = _distinct_entries(
        np.concatenate(key_rows), np.concatenate(key_ids)
    )
    del key_rows, key_ids
    name_positions, name_keys = tokens.expand(
        [[number_of(key) for key in word.keys] if word and word.is_name else [] for word in words]
    )
    # Each word that is a name is one occurrence, numbered by its place among them.
    name_occurrences = (
        np.cumsum(np.concatenate(([1], np.diff(name_positions) != 0)), dtype=np.int32) - 1
    )
    word_positions, word_keys = tokens.expand(
        [
            [number_of(key) for key in word.keys if key in other_name_keys] if word else []
            for word in words
        ]
    )
    word_rows, distinct_word_keys = _distinct_entries(tokens.rows[word_positions], word_keys)
    return _AnchorTable(
        count=count,
        key_rows=distinct_key_rows,
        key_ids=distinct_key_ids,
        key_kinds=kind_of_key[distinct_key_ids],
        name_rows=tokens.rows[name_positions],
        name_occurrences=name_occurrences[: len(name_positions)],
        name_keys=name_keys,
        word_rows=word_rows,
        word_keys=distinct_word_keys,
    )


class _KeyIndex:
    """(row, key) entries of one side sorted by key and row, to find for entries of the
    other side the rows with the same key in a window."""

    def __init__(self, rows: np.ndarray, keys: np.ndarray, row_count: int) -> None:
        self.row_count = row_count
        self.stride = row_count + 1
        combined = keys.astype(np.int64) * self.stride + rows
        order = np.argsort(combined, kind="stable")
        self.combined = combined[order]
        self.rows = rows[order]

    def matches(
        self, rows: np.ndarray, keys: np.ndarray, windows: tuple[np.ndarray, np.ndarray]
    ) -> tuple[np.ndarray, np.ndarray]:
        """For each entry (row, key), the indexed rows with its key in the entry's row's
        window (low[row]..high[row]-1): (entry numbers, indexed rows) of every match."""
        low = np.clip(windows[0][rows], 0, self.row_count)
        high = np.clip(windows[1][rows], low, self.row_count)
        key_starts = keys.astype(np.int64) * self.stride
        first = np.searchsorted(self.combined, key_starts + low)
        counts = np.searchsorted(self.combined, key_starts + high) - first
        entries = np.repeat(np.arange(len(keys)), counts)
        ends = np.cumsum(counts)
        within = np.arange(ends[-1] if len(ends) else 0) - np.repeat(ends - counts, counts)
        return entries, self.rows[np.repeat(first, counts) + within]


# Entries are matched this many at a time, so that the matches (a name's keys meet each
# matching word's keys many times over) never all wait in memory at once.
MATCH_CHUNK_ENTRIES = 1 << 13


def _chunks(cut_points: np.ndarray, count: int) -> Iterator[slice]:
    """Slices of about MATCH_CHUNK_ENTRIES of `count` entries, cut only at cut_points."""
    cuts = np.unique(
        cut_points[np.searchsorted(cut_points, np.arange(0, count, MATCH_CHUNK_ENTRIES))]
    ).tolist()
    for start, stop in itertools.pairwise(cuts + [count]):
        yield slice(start, stop)


def _add_counts(counts: np.ndarray, cells: np.ndarray) -> None:
    """counts[cell] += 1 for each cell; the cells of a chunk lie close together."""
    if len(cells):
        lowest = int(cells.min())
        added = np.bincount(cells - lowest)
        counts[lowest : lowest + len(added)] += added


def _with_window(rows: np.ndarray, windows: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """Which entries' rows have a window to search (rows of the problems being solved)."""
    return windows[1][rows] > windows[0][rows]


def _first_of_runs(sorted_values: np.ndarray) -> np.ndarray:
    """Where each run of equal values starts in a sorted array."""
    return np.flatnonzero(np.concatenate(([True], sorted_values[1:] != sorted_values[:-1])))


def _distinct_matches(
    occurrences: np.ndarray, columns: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Distinct (occurrence, column) pairs of matches sorted by occurrence: a name
    matches a sentence once however many of its keys the sentence has."""
    if not len(occurrences):
        return occurrences, columns
    starts = _first_of_runs(occurrences)
    # seen[run, column], flattened: one index array is several times faster to scatter
    # and gather with than two.
    width = int(columns.max()) + 1
    seen = np.zeros(len(starts) * width, dtype=bool)
    runs = np.repeat(np.arange(len(starts)), np.diff(np.append(starts, len(occurrences))))
    seen[runs * width + columns] = True
    rows, distinct_columns = np.divmod(np.flatnonzero(seen), width)
    return occurrences[starts][rows], distinct_columns


def _count_name_hits(
    counts: np.ndarray,
    names: _AnchorTable,
    words: _AnchorTable,
    windows: tuple[np.ndarray, np.ndarray],
    cells_of_hits: Callable[[np.ndarray, np.ndarray], np.ndarray],
) -> None:
    """Counts once, in the cell of (row of a name, row of the other side), each name
    occurrence and each row of `words` in the name's window with a word matching it."""
    low = windows[0]
    # Occurrences are numbered in row order, so a piece's are consecutive.
    first_occurrence = int(names.name_occurrences[0]) if len(names.name_occurrences) else 0
    row_of_occurrence = np.zeros(
        names.name_occurrences.max(initial=-1) + 1 - first_occurrence, dtype=np.int64
    )
    row_of_occurrence[names.name_occurrences - first_occurrence] = names.name_rows
    index = _KeyIndex(words.word_rows, words.word_keys, words.count)
    # A row's entries stay together, and with them each occurrence's.
    searched = _with_window(names.name_rows, windows)
    name_rows, name_keys = names.name_rows[searched], names.name_keys[searched]
    name_occurrences = names.name_occurrences[searched]
    for chunk in _chunks(_first_of_runs(name_occurrences), len(name_occurrences)):
        rows = name_rows[chunk]
        entries, word_rows = index.matches(rows, name_keys[chunk], windows)
        occurrences, columns = _distinct_matches(
            name_occurrences[chunk][entries], word_rows - low[rows[entries]]
        )
        hit_rows = row_of_occurrence[occurrences - first_occurrence]
        _add_counts(counts, cells_of_hits(hit_rows, low[hit_rows] + columns))


_SOURCE_NAME_KIND, _TARGET_NAME_KIND = len(_KEYED_KINDS), len(_KEYED_KINDS) + 1


def _pair_counts(
    source: _AnchorTable,
    target: _AnchorTable,
    cell_of_pair: Callable[[np.ndarray, np.ndarray], np.ndarray],
    cell_count: int,
    target_windows: tuple[np.ndarray, np.ndarray],
    source_windows: tuple[np.ndarray, np.ndarray],
) -> tuple[np.ndarray, np.ndarray]:
    """Anchor scores and shared numbers of source sentence s with the targets in
    target_windows (low[s]..high[s]-1), in the cells that cell_of_pair gives.

    Each name counts once per sentence of the other side that has a word matching it;
    names written with capitals on the target side (an Arabic source has none) look for
    source words in source_windows.
    """
    counts = np.zeros((_TARGET_NAME_KIND + 1, cell_count), dtype=np.int32)
    index = _KeyIndex(target.key_rows, target.key_ids, target.count)
    searched = _with_window(source.key_rows, target_windows)
    key_rows, key_ids = source.key_rows[searched], source.key_ids[searched]
    key_kinds = source.key_kinds[searched]
    for chunk in _chunks(np.arange(len(key_rows)), len(key_rows)):
        rows = key_rows[chunk]
        entries, targets = index.matches(rows, key_ids[chunk], target_windows)
        kinds = key_kinds[chunk][entries]
        for kind, _ in _KEYED_KINDS:
            of_kind = kinds == kind
            _add_counts(counts[kind], cell_of_pair(rows[entries[of_kind]], targets[of_kind]))
    _count_name_hits(counts[_SOURCE_NAME_KIND], source, target, target_windows, cell_of_pair)
    target_low, target_high = target_windows

    def cells_of_target_names(targets: np.ndarray, sources: np.ndarray) -> np.ndarray:
        # A target's name counts only for sources whose window holds that target.
        inside = (target_low[sources] <= targets) & (targets < target_high[sources])
        return cell_of_pair(sources[inside], targets[inside])

    _count_name_hits(
        counts[_TARGET_NAME_KIND], target, source, source_windows, cells_of_target_names
    )
    # The sums are taken in the order the weights were tuned with (whole-number weights
    # first, then each cognate, then each target-side name), so that float rounding,
    # and with it every tie between paths, comes out the same.
    scores = (
        NAME_ANCHOR_WEIGHT * counts[_SOURCE_NAME_KIND]
        + NUMBER_ANCHOR_WEIGHT * counts[_NUMBER_KIND]
        + MARK_ANCHOR_WEIGHT * counts[_MARK_KIND]
    )
    for weight, kind in (
        (COGNATE_ANCHOR_WEIGHT, _COGNATE_KIND),
        (NAME_ANCHOR_WEIGHT, _TARGET_NAME_KIND),
    ):
        for count in range(int(counts[kind].max(initial=0))):
            scores += np.where(counts[kind] > count, weight, 0.0)
    return scores, counts[_NUMBER_KIND].astype(np.float64)


# A link groups at most this many sentences on either side.
_LARGEST_GROUP = max(max(shape) for shape in ALIGNMENT_PRIORS)


@dataclass(frozen=True)
class _Windows:
    """Pair scores of each problem's source sentences against the targets their links
    may reach: row s covers local target positions starts[s] onwards.

    A group's score is what its source side shares with its target side, counting each
    sentence at most up to its best single match: otherwise a name repeated in three
    neighbouring targets would reward linking all three to one source sentence.
    """

    starts: np.ndarray
    scores: np.ndarray
    cumulative: np.ndarray
    source_caps: np.ndarray
    target_caps: np.ndarray

    @classmethod
    def build(cls, starts: np.ndarray, scores: np.ndarray, target_size: int) -> "_Windows":
        """Windows from scores[problem, source sentence, window column]."""
        cumulative = np.zeros(scores.shape[:2] + (scores.shape[2] + 1,))
        np.cumsum(scores, axis=2, out=cumulative[:, :, 1:])
        target_caps = np.zeros((scores.shape[0], target_size + 1))
        # Flat indices, which numpy reads and writes faster than index tuples; every
        # scored cell is a target of its own problem, so none crosses into the next.
        scored = np.flatnonzero(scores)
        problem_sentences, columns = np.divmod(scored, scores.shape[2])
        problems, sentences = np.divmod(problem_sentences, scores.shape[1])
        np.maximum.at(
            target_caps.reshape(-1),
            problems * (target_size + 1) + starts[sentences] + columns,
            scores.reshape(-1)[scored],
        )
        return cls(starts, scores, cumulative, scores.max(axis=2, initial=0.0), target_caps)

    def group_scores(self, shape: Shape, rows: np.ndarray, positions: np.ndarray) -> np.ndarray:
        """Scores of links of `shape` ending at each source row and target position."""
        source_step, target_step = shape
        source_side: np.ndarray | float = 0.0
        target_totals: list[np.ndarray | float] = [0.0] * target_step
        for back_sentence in range(source_step, 0, -1):
            sentence = rows - back_sentence
            offsets = positions - self.starts[sentence]
            shared = self._at(self.cumulative, sentence, offsets) - self._at(
                self.cumulative, sentence, offsets - target_step
            )
            source_side = source_side + np.minimum(shared, self.source_caps[:, sentence])
            for back in range(1, target_step + 1):
                target_totals[back - 1] = target_totals[back - 1] + self._at(
                    self.scores, sentence, offsets - back
                )
        target_side: np.ndarray | float = 0.0
        for back in range(1, target_step + 1):
            target_side = target_side + np.minimum(
                target_totals[back - 1], self.target_caps[:, np.maximum(positions - back, 0)]
            )
        return np.minimum(source_side, target_side)

    @staticmethod
    def _at(values: np.ndarray, sentences: np.ndarray, offsets: np.ndarray) -> np.ndarray:
        # One flat index into the last two axes: numpy gathers with one index array
        # several times faster than with two broadcast against each other.
        columns = values.shape[2]
        flat_index = sentences * columns + np.clip(offsets, 0, columns - 1)
        return np.take(values.reshape(values.shape[0], -1), flat_index, axis=1)


@dataclass(frozen=True)
class _Sides:
    """What the aligner knows of both sides' sentences (or paragraphs)."""

    source_prefix: np.ndarray
    target_prefix: np.ndarray
    source: _AnchorTable
    target: _AnchorTable
    ratio: float


def _anchored_costs(sides: _Sides) -> CellCosts:
    length_costs = _length_costs(
        sides.source_prefix, sides.target_prefix, ALIGNMENT_PRIORS, sides.ratio, ALIGNMENT_VARIANCE
    )
    source_numbered = sides.source.numbered
    target_numbered = sides.target.numbered

    def costs(problems: _Problems, band: _Band) -> RowCosts:
        length_row_costs = length_costs(problems, band)
        anchors, numbers = _band_windows(sides, problems, band)
        sources_numbered = problems.local_prefix(source_numbered, source_side=True)
        targets_numbered = problems.local_prefix(target_numbered, source_side=False)
        positions = band.positions

        def row_costs(first: int, stop: int) -> np.ndarray:
            result = length_row_costs(first, stop)
            for index, shape in enumerate(ALIGNMENT_PRIORS):
                source_step, target_step = shape
                if 0 in shape:
                    # An untranslated sentence costs the same whatever its length:
                    # Gale-Church's length term makes dropping a long sentence so dear
                    # that the aligner would rather glue it to a neighbour, which
                    # corrupts two links instead of leaving one sentence out.
                    result[index] = -math.log(ALIGNMENT_PRIORS[shape])
                    continue
                begin = max(first, source_step)
                if begin >= stop:
                    continue
                rows = np.arange(begin, stop)[:, None]
                cells = positions[begin:stop]
                total = result[index, :, begin - first :] - anchors.group_scores(shape, rows, cells)
                # Numbers on either side and none shared: evidence against the link,
                # which a skipped sentence does not pay.
                numbered = (
                    sources_numbered[:, rows] - sources_numbered[:, rows - source_step] > 0
                ) | (
                    targets_numbered[:, cells]
                    - targets_numbered[:, np.maximum(cells - target_step, 0)]
                    > 0
                )
                disagree = numbered & (numbers.group_scores(shape, rows, cells) == 0)
                total += NUMBER_MISMATCH_COST * disagree
                result[index, :, begin - first :] = total
            return result

        return row_costs

    return costs


def _band_windows(sides: _Sides, problems: _Problems, band: _Band) -> tuple[_Windows, _Windows]:
    """Anchor scores, and shared numbers alone, of each source sentence against the
    targets its links may reach in the band."""
    source_size = problems.source_size
    # Sentence s takes part in links ending at source positions s+1 .. s+_LARGEST_GROUP.
    starts = np.asarray(band.lower[1:]) - _LARGEST_GROUP
    upper = np.asarray(band.upper)
    width = 1 + int(
        (upper[np.minimum(np.arange(source_size) + _LARGEST_GROUP, source_size)] - starts).max()
    )
    # Windows of padded problems are as wide as the problem's own would be: a
    # target-side name looks for source words around the problem's own diagonal.
    own_widths = width - (problems.target_size - problems.target_counts)
    problem, local = _rows_of(problems.source_counts)
    rows = problems.source_starts[problem] + local
    first_cell = np.zeros(sides.source.count, dtype=np.int64)
    first_cell[rows] = (problem * source_size + local) * width - (
        problems.target_starts[problem] + starts[local]
    )
    target_low = np.zeros(sides.source.count, dtype=np.int64)
    target_high = np.zeros(sides.source.count, dtype=np.int64)
    target_low[rows] = problems.target_starts[problem] + np.maximum(starts[local], 0)
    target_high[rows] = problems.target_starts[problem] + np.minimum(
        starts[local] + own_widths[problem], problems.target_counts[problem]
    )
    problem, local = _rows_of(problems.target_counts)
    rows = problems.target_starts[problem] + local
    slopes = problems.source_counts / problems.target_counts
    first = np.maximum(0, np.floor(local * slopes[problem]).astype(np.int64) - own_widths[problem])
    source_low = np.zeros(sides.target.count, dtype=np.int64)
    source_high = np.zeros(sides.target.count, dtype=np.int64)
    source_low[rows] = problems.source_starts[problem] + first
    source_high[rows] = problems.source_starts[problem] + np.minimum(
        first + 2 * own_widths[problem], problems.source_counts[problem]
    )
    shape = (len(problems.source_counts), source_size, width)
    scores, shared_numbers = _pair_counts(
        sides.source.within(
            int(problems.source_starts[0]),
            int(problems.source_starts[-1] + problems.source_counts[-1]),
        ),
        sides.target.within(
            int(problems.target_starts[0]),
            int(problems.target_starts[-1] + problems.target_counts[-1]),
        ),
        lambda sources, targets: first_cell[sources] + targets,
        math.prod(shape),
        (target_low, target_high),
        (source_low, source_high),
    )
    return (
        _Windows.build(starts, scores.reshape(shape), problems.target_size),
        _Windows.build(starts, shared_numbers.reshape(shape), problems.target_size),
    )


def _rows_of(counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(problem, position in the problem) of every sentence of problems of these sizes."""
    problem = np.repeat(np.arange(len(counts)), counts)
    ends = np.cumsum(counts)
    return problem, np.arange(ends[-1]) - np.repeat(ends - counts, counts)


@cycle_collection_paused()
def align_sentences(
    source: list[str],
    target: list[str],
    source_lang: str,
    target_lang: str,
    length_ratio: float | None = None,
) -> list[Link]:
    """Monotonic links covering every sentence once; an empty side marks 1-0 or 0-1.

    `length_ratio` (target characters per source character) defaults to the ratio of
    the two texts; pass the whole document's ratio when aligning pieces of it.
    """
    source_lengths = [len(sentence) for sentence in source]
    target_lengths = [len(sentence) for sentence in target]
    if length_ratio is None:
        length_ratio = max(sum(target_lengths), 1) / max(sum(source_lengths), 1)
    source_table, target_table = _anchor_tables(source, source_lang, target, target_lang)
    sides = _Sides(
        _prefix(source_lengths), _prefix(target_lengths), source_table, target_table, length_ratio
    )
    return _align_in_widening_band(
        len(source), len(target), list(ALIGNMENT_PRIORS), _anchored_costs(sides)
    )


def _align_groups(sides: _Sides, groups: Sequence[tuple[int, int, int, int]]) -> list[list[Link]]:
    """Links inside each group (source start, source count, target start, target count)
    of consecutive sentences.

    Groups that fit in the initial band (the band then holds every cell, so it is never
    widened) are solved together, padded to a few common sizes; larger ones alone.
    """
    links: list[list[Link]] = [[] for _ in groups]
    cell_costs = _anchored_costs(sides)
    batches: dict[tuple[int, int], list[int]] = defaultdict(list)
    for number, (source_start, source_count, target_start, target_count) in enumerate(groups):
        if source_count == 0 or target_count == 0:
            links[number] = [((i,), ()) for i in range(source_count)] + [
                ((), (j,)) for j in range(target_count)
            ]
        elif max(source_count, target_count) <= INITIAL_BAND_HALF_WIDTH:
            batches[(_padded(source_count), _padded(target_count))].append(number)
        else:
            links[number] = _align_in_widening_band(
                source_count,
                target_count,
                list(ALIGNMENT_PRIORS),
                cell_costs,
                source_start,
                target_start,
            )
    for (source_size, target_size), numbers in batches.items():
        starts_and_counts = zip(*(groups[number] for number in numbers), strict=True)
        problems = _Problems(
            *(np.array(column) for column in starts_and_counts), source_size, target_size
        )
        band = _Band([0] * (source_size + 1), [target_size] * (source_size + 1))
        batch_links, _ = _best_paths(
            problems, band, list(ALIGNMENT_PRIORS), cell_costs(problems, band)
        )
        for number, group_links in zip(numbers, batch_links, strict=True):
            links[number] = group_links
    return links


def _padded(count: int) -> int:
    """Group sizes are padded to a few steps, so a few batches hold every group: small
    sizes, the commonest, are kept as they are, since padding costs cells."""
    return count if count <= 6 else 1 << (count - 1).bit_length()


# --- documents ------------------------------------------------------------------------


def _segments_from_links(
    links: list[Link],
    source: list[str],
    target: list[str],
    source_paragraph_of: list[int],
    source_lang: str,
    target_lang: str,
    first_paragraph: int = 0,
) -> list[AlignedSegment]:
    # Sentences are joined as join_sentences joins them, with its separator found once.
    source_separator = join_sentences(["", ""], source_lang)
    target_separator = join_sentences(["", ""], target_lang)
    segments: list[AlignedSegment] = []
    paragraph = first_paragraph
    for source_indices, target_indices in links:
        if source_indices:
            paragraph = source_paragraph_of[source_indices[0]]
        segments.append(
            AlignedSegment(
                paragraph=paragraph,
                source=source_separator.join([source[i] for i in source_indices]),
                target=target_separator.join([target[j] for j in target_indices]),
            )
        )
    return segments


@cycle_collection_paused()
def align_document(
    source_text: str, target_text: str, source_lang: str, target_lang: str
) -> list[AlignedSegment]:
    """Aligned segments of a document and its translation, in document order.

    Paragraphs are aligned first when both sides have the same number of them, then the
    sentences inside each group of aligned paragraphs; otherwise (one side is a single
    block, or the counts differ) sentences are aligned across the whole text and the
    paragraph numbers come from the source side.
    """
    return align_segmented(
        segment_document(source_text, source_lang),
        segment_document(target_text, target_lang),
        source_lang,
        target_lang,
    )


@cycle_collection_paused()
def align_segmented(
    source_document: list[list[str]],
    target_document: list[list[str]],
    source_lang: str,
    target_lang: str,
) -> list[AlignedSegment]:
    """align_document for texts already split by segment_document (each paragraph as its
    list of sentences): a caller that splits the texts itself may let them go before
    they are aligned, since the alignment needs only the sentences."""
    source = [sentence for paragraph in source_document for sentence in paragraph]
    target = [sentence for paragraph in target_document for sentence in paragraph]
    source_paragraph_of = [
        number for number, paragraph in enumerate(source_document) for _ in paragraph
    ]
    target_paragraph_of = [
        number for number, paragraph in enumerate(target_document) for _ in paragraph
    ]
    source_lengths = [len(sentence) for sentence in source]
    target_lengths = [len(sentence) for sentence in target]
    ratio = max(sum(target_lengths), 1) / max(sum(source_lengths), 1)
    # Each sentence's anchors are found once: the paragraphs' are merged from them.
    source_table, target_table = _anchor_tables(source, source_lang, target, target_lang)
    sentences = _Sides(
        _prefix(source_lengths), _prefix(target_lengths), source_table, target_table, ratio
    )
    if len(source_document) != len(target_document) or len(source_document) < 2:
        links = _align_in_widening_band(
            len(source), len(target), list(ALIGNMENT_PRIORS), _anchored_costs(sentences)
        )
        return _segments_from_links(
            links, source, target, source_paragraph_of, source_lang, target_lang
        )
    source_separator = len(join_sentences(["", ""], source_lang))
    target_separator = len(join_sentences(["", ""], target_lang))
    paragraphs = _Sides(
        _prefix(_joined_length(paragraph, source_separator) for paragraph in source_document),
        _prefix(_joined_length(paragraph, target_separator) for paragraph in target_document),
        source_table.merged(np.asarray(source_paragraph_of, dtype=np.int32), len(source_document)),
        target_table.merged(np.asarray(target_paragraph_of, dtype=np.int32), len(target_document)),
        ratio,
    )
    paragraph_links = _align_in_widening_band(
        len(source_document),
        len(target_document),
        list(ALIGNMENT_PRIORS),
        _anchored_costs(paragraphs),
    )
    source_firsts = np.concatenate(([0], np.cumsum([len(p) for p in source_document]))).tolist()
    target_firsts = np.concatenate(([0], np.cumsum([len(p) for p in target_document]))).tolist()
    groups = [
        _sentence_group(source_paragraphs, source_firsts)
        + _sentence_group(target_paragraphs, target_firsts)
        for source_paragraphs, target_paragraphs in paragraph_links
    ]
    segments: list[AlignedSegment] = []
    for (source_paragraphs, _), (
        source_start,
        source_count,
        target_start,
        target_count,
    ), links in zip(paragraph_links, groups, _align_groups(sentences, groups), strict=True):
        first_paragraph = (
            source_paragraphs[0]
            if source_paragraphs
            else (segments[-1].paragraph if segments else 0)
        )
        segments.extend(
            _segments_from_links(
                links,
                source[source_start : source_start + source_count],
                target[target_start : target_start + target_count],
                source_paragraph_of[source_start : source_start + source_count],
                source_lang,
                target_lang,
                first_paragraph,
            )
        )
    return segments


def _sentence_group(paragraphs: tuple[int, ...], firsts: list[int]) -> tuple[int, int]:
    """(first sentence, sentence count) of consecutive paragraphs; (first, 0) for none."""
    if not paragraphs:
        return (0, 0)
    return (firsts[paragraphs[0]], firsts[paragraphs[-1] + 1] - firsts[paragraphs[0]])


def _joined_length(sentences: list[str], separator: int) -> int:
    """The length of sentences joined with a separator, as join_sentences joins them."""
    return sum(map(len, sentences)) + separator * max(len(sentences) - 1, 0)


# --- evaluation -----------------------------------------------------------------------

_LINK_LINE = re.compile(r"^\s*\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]\s*$")


def parse_links(text: str) -> list[Link]:
    """Links written one a line as "[0, 1]:[2]" (the Text+Berg and Vecalign format)."""
    links: list[Link] = []
    for line in text.splitlines():
        match = _LINK_LINE.match(line)
        if match is None:
            continue
        source, target = (
            tuple(int(index) for index in side.split(",") if index.strip())
            for side in match.groups()
        )
        links.append((source, target))
    return links


def format_links(links: list[Link]) -> str:
    return "".join(
        f"[{', '.join(map(str, source))}]:[{', '.join(map(str, target))}]\n"
        for source, target in links
    )


@dataclass(frozen=True)
class AlignmentScores:
    strict_precision: float
    strict_recall: float
    strict_f1: float
    lax_precision: float
    lax_recall: float
    lax_f1: float


def _true_positives(reference: list[Link], candidate: list[Link]) -> tuple[int, int, int]:
    """(strict hits, lax hits, candidate links) of candidate links against reference links.

    Lax: the link overlaps one reference link on both sides.
    """
    reference_set = set(reference)
    reference_of_source: dict[int, set[int]] = defaultdict(set)
    reference_of_target: dict[int, set[int]] = defaultdict(set)
    for number, (source, target) in enumerate(reference):
        for i in source:
            reference_of_source[i].add(number)
        for j in target:
            reference_of_target[j].add(number)
    strict = lax = 0
    for link in candidate:
        source, target = link
        if link in reference_set:
            strict += 1
            lax += 1
            continue
        by_source = set().union(*(reference_of_source[i] for i in source))
        by_target = set().union(*(reference_of_target[j] for j in target))
        lax += bool(by_source & by_target)
    return strict, lax, len(candidate)


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score_alignments(gold: list[list[Link]], test: list[list[Link]]) -> AlignmentScores:
    """Precision, recall and F1 summed over documents, as in Thompson & Koehn (2019).

    Precision counts every test link; recall counts gold links non-empty on both sides.
    """
    strict_p = lax_p = count_p = strict_r = lax_r = count_r = 0
    for gold_links, test_links in zip(gold, test, strict=True):
        gold_links = [link for link in gold_links if link[0] or link[1]]
        test_links = [link for link in test_links if link[0] or link[1]]
        strict, lax, count = _true_positives(gold_links, test_links)
        strict_p, lax_p, count_p = strict_p + strict, lax_p + lax, count_p + count
        strict, lax, count = _true_positives(
            [link for link in test_links if link[0] and link[1]],
            [link for link in gold_links if link[0] and link[1]],
        )
        strict_r, lax_r, count_r = strict_r + strict, lax_r + lax, count_r + count
    precision = (strict_p / count_p, lax_p / count_p) if count_p else (0.0, 0.0)
    recall = (strict_r / count_r, lax_r / count_r) if count_r else (0.0, 0.0)
    return AlignmentScores(
        strict_precision=precision[0],
        strict_recall=recall[0],
        strict_f1=_f1(precision[0], recall[0]),
        lax_precision=precision[1],
        lax_recall=recall[1],
        lax_f1=_f1(precision[1], recall[1]),
    )
