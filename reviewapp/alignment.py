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
path touches the band's edge, so two 10,000-sentence texts align in seconds.
"""

import json
import math
import re
import unicodedata
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from anyascii import anyascii

from reviewapp.segmentation import join_sentences, segment_document
from reviewapp.transliteration import normalise_for_matching, skeleton, word_stems

Link = tuple[tuple[int, ...], tuple[int, ...]]
Shape = tuple[int, int]
# Cost of every link of one shape ending at source position `row` and at each target
# position start..stop (positions count the sentences consumed so far).
LinkCost = Callable[[Shape, int, int, int], np.ndarray]

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


def _best_path(
    band: _Band, shapes: Sequence[Shape], link_cost: LinkCost
) -> tuple[list[Link], bool]:
    """The cheapest monotonic path through the band, and whether it touches the band's edge."""
    lower, upper = band.lower, band.upper
    source_count, target_count = len(lower) - 1, upper[-1]
    totals: list[np.ndarray] = []
    choices: list[np.ndarray] = []
    insertion = shapes.index((0, 1)) if (0, 1) in shapes else None
    for row in range(source_count + 1):
        first, last = lower[row], upper[row]
        best = np.full(last - first + 1, np.inf)
        choice = np.full(last - first + 1, -1, dtype=np.int8)
        if row == 0:
            best[0] = 0.0
        for shape_index, (source_step, target_step) in enumerate(shapes):
            if source_step == 0 or source_step > row:
                continue
            previous = row - source_step
            start = max(first, lower[previous] + target_step)
            stop = min(last, upper[previous] + target_step)
            if start > stop:
                continue
            candidate = totals[previous][
                start - target_step - lower[previous] : stop - target_step - lower[previous] + 1
            ] + link_cost((source_step, target_step), row, start, stop)
            window = best[start - first : stop - first + 1]
            better = candidate < window
            window[better] = candidate[better]
            choice[start - first : stop - first + 1][better] = shape_index
        if insertion is not None and last > first:
            # A target-only link extends the same row; the running minimum over
            # best[k] + (cost of inserting targets k+1..j) solves the whole row at once.
            steps = np.zeros(last - first + 1)
            steps[1:] = link_cost((0, 1), row, first + 1, last)
            accumulated = np.cumsum(steps)
            extended = np.minimum.accumulate(best - accumulated) + accumulated
            inserted = extended < best - 1e-9
            best = np.where(inserted, extended, best)
            choice[inserted] = insertion
        totals.append(best)
        choices.append(choice)
    links: list[Link] = []
    touches_edge = False
    row, column = source_count, target_count
    while row > 0 or column > 0:
        first, last = lower[row], upper[row]
        touches_edge |= (column == first > 0) or (column == last < target_count)
        source_step, target_step = shapes[choices[row][column - first]]
        links.append(
            (tuple(range(row - source_step, row)), tuple(range(column - target_step, column)))
        )
        row, column = row - source_step, column - target_step
    links.reverse()
    return links, touches_edge


def _align_in_widening_band(
    source_count: int,
    target_count: int,
    shapes: Sequence[Shape],
    cost_for_band: Callable[[_Band], LinkCost],
) -> list[Link]:
    if source_count == 0 or target_count == 0:
        return [((i,), ()) for i in range(source_count)] + [((), (j,)) for j in range(target_count)]
    longer, shorter = max(source_count, target_count), min(source_count, target_count)
    half_width = max(INITIAL_BAND_HALF_WIDTH, 2 * math.ceil(longer / shorter) + 4)
    while True:
        band = _Band.around_diagonal(source_count, target_count, half_width)
        links, touches_edge = _best_path(band, shapes, cost_for_band(band))
        if not touches_edge or half_width >= longer:
            return links
        half_width *= 2


def _group_lengths(lengths: Sequence[int], max_group: int) -> list[np.ndarray]:
    """group[k][j]: total length of the k sentences ending before position j."""
    prefix = np.concatenate(([0.0], np.cumsum(np.asarray(lengths, dtype=np.float64))))
    positions = np.arange(len(prefix))
    return [prefix - prefix[np.maximum(positions - size, 0)] for size in range(max_group + 1)]


def _length_link_cost(
    source_lengths: Sequence[int],
    target_lengths: Sequence[int],
    priors: dict[Shape, float],
    ratio: float,
    variance: float,
) -> LinkCost:
    largest = max(max(shape) for shape in priors)
    source_groups = _group_lengths(source_lengths, largest)
    target_groups = _group_lengths(target_lengths, largest)
    prior_costs = {shape: -math.log(prior) for shape, prior in priors.items()}

    def cost(shape: Shape, row: int, start: int, stop: int) -> np.ndarray:
        source_step, target_step = shape
        return prior_costs[shape] + _length_cost(
            source_groups[source_step][row],
            target_groups[target_step][start : stop + 1],
            ratio,
            variance,
        )

    return cost


def gale_church(source_lengths: Sequence[int], target_lengths: Sequence[int]) -> list[Link]:
    """Length-only Gale-Church alignment (c=1, s2=6.8, the 1993 priors) as a baseline."""
    link_cost = _length_link_cost(
        source_lengths, target_lengths, GALE_CHURCH_PRIORS, GALE_CHURCH_RATIO, GALE_CHURCH_VARIANCE
    )
    return _align_in_widening_band(
        len(source_lengths), len(target_lengths), list(GALE_CHURCH_PRIORS), lambda _band: link_cost
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


@dataclass(frozen=True, slots=True)
class _SentenceAnchors:
    """Keys are kept in tuples of distinct keys, not frozensets: they are only iterated,
    and a 50,000-sentence document's sets took more memory than its text."""

    numbers: tuple[str, ...]
    marks: tuple[str, ...]
    # First letters of long Latin-script words, for cognates between languages that
    # share the script ("Expedition", "expédition"), after Simard et al. (1992).
    cognates: tuple[str, ...]
    # Skeleton keys of each capitalised word: a name matches when any of its keys occurs
    # among the other side's word keys.
    names: tuple[frozenset[str], ...]
    # The keys of each word as _word_keys caches them, shared by every sentence with the
    # word, rather than one set of all of a sentence's keys.
    keys_of_words: tuple[frozenset[str], ...]

    @property
    def word_keys(self) -> frozenset[str]:
        return frozenset().union(*self.keys_of_words)

    @classmethod
    def merged(cls, parts: Sequence["_SentenceAnchors"]) -> "_SentenceAnchors":
        """The anchors of the sentences' text joined, from each sentence's."""
        return cls(
            numbers=_distinct(key for part in parts for key in part.numbers),
            marks=_distinct(key for part in parts for key in part.marks),
            cognates=_distinct(key for part in parts for key in part.cognates),
            names=tuple(keys for part in parts for keys in part.names),
            keys_of_words=tuple(keys for part in parts for keys in part.keys_of_words),
        )


def _distinct(keys: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(keys))


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


@lru_cache(maxsize=131072)
def _number_tokens(number: str) -> tuple[str, ...]:
    """The digits of a number; round thousands also as a count of thousands, since
    "19,000" is often written "19 ألف" or "19 mille"."""
    digits = "".join(str(unicodedata.digit(char)) for char in number if char.isdigit())
    if len(digits) > 3 and digits.endswith("000"):
        return digits, digits[:-3], "thousand"
    return (digits,)


def sentence_anchors(sentence: str, lang: str) -> _SentenceAnchors:
    words = _WORD.findall(sentence)
    return _SentenceAnchors(
        numbers=_distinct(
            [token for number in _NUMBER.findall(sentence) for token in _number_tokens(number)]
            + [token for word in words for token in _number_word_tokens(word, lang)]
        ),
        marks=_distinct(
            _MARK_OF_CHARACTER[char] for char in sentence if char in _MARK_OF_CHARACTER
        ),
        cognates=_distinct(
            _cognate_key(word) for word in words if len(word) >= COGNATE_PREFIX and _is_latin(word)
        ),
        names=tuple(
            keys for word in words if word[0].isupper() and (keys := _word_keys(word, lang))
        ),
        keys_of_words=tuple(keys for word in words if (keys := _word_keys(word, lang))),
    )


class _Postings:
    """Sorted sentence numbers of one side for each anchor key."""

    def __init__(self, keys_per_sentence: Iterable[Collection[str]]) -> None:
        self._sentences: dict[str, list[int]] = defaultdict(list)
        for sentence, keys in enumerate(keys_per_sentence):
            for key in keys:
                self._sentences[key].append(sentence)

    def within(self, key: str, start: int, stop: int) -> list[int]:
        sentences = self._sentences.get(key)
        if not sentences:
            return []
        first = bisect_left(sentences, start)
        return sentences[first : bisect_left(sentences, stop, lo=first)]


def _prefix_counts(flags: Iterable[bool]) -> np.ndarray:
    return np.concatenate(([0], np.cumsum(np.fromiter(flags, dtype=np.int64))))


class _AnchorIndex:
    """Anchors of both sides, indexed to find the sentences of one side that share a key."""

    def __init__(self, source: list[_SentenceAnchors], target: list[_SentenceAnchors]) -> None:
        self.source = source
        self.target = target
        # Words are only looked up by the other side's names: indexing just the keys that
        # some name has keeps the index small (most words are not names).
        source_name_keys = frozenset().union(*(keys for a in source for keys in a.names))
        target_name_keys = frozenset().union(*(keys for a in target for keys in a.names))
        self.source_words = _Postings(anchors.word_keys & target_name_keys for anchors in source)
        self.target_words = _Postings(anchors.word_keys & source_name_keys for anchors in target)
        self.target_numbers = _Postings(anchors.numbers for anchors in target)
        self.target_marks = _Postings(anchors.marks for anchors in target)
        self.target_cognates = _Postings(anchors.cognates for anchors in target)
        self.numbered_sources = _prefix_counts(bool(anchors.numbers) for anchors in source)
        self.numbered_targets = _prefix_counts(bool(anchors.numbers) for anchors in target)

    def pair_scores(self, band: _Band) -> tuple["_AnchorScores", "_AnchorScores"]:
        """Anchor scores of each source sentence against the targets its links may reach:
        all anchors weighted, and shared numbers alone.

        Row s of the scores covers targets window_starts[s] onwards.
        """
        largest = max(max(shape) for shape in ALIGNMENT_PRIORS)
        source_count = len(self.source)
        # Sentence s takes part in links ending at source positions s+1 .. s+largest.
        window_starts = [band.lower[s + 1] - largest for s in range(source_count)]
        width = 1 + max(
            band.upper[min(s + largest, source_count)] - window_starts[s]
            for s in range(source_count)
        )
        scores = np.zeros((source_count, width))
        shared_numbers = np.zeros((source_count, width))
        for sentence, anchors in enumerate(self.source):
            start = window_starts[sentence]
            row = scores[sentence]
            for name_keys in anchors.names:
                hits = {
                    t
                    for key in name_keys
                    for t in self.target_words.within(key, start, start + width)
                }
                row[[t - start for t in hits]] += NAME_ANCHOR_WEIGHT
            for number in anchors.numbers:
                for t in self.target_numbers.within(number, start, start + width):
                    row[t - start] += NUMBER_ANCHOR_WEIGHT
                    shared_numbers[sentence, t - start] += 1
            for mark in anchors.marks:
                for t in self.target_marks.within(mark, start, start + width):
                    row[t - start] += MARK_ANCHOR_WEIGHT
            for cognate in anchors.cognates:
                for t in self.target_cognates.within(cognate, start, start + width):
                    row[t - start] += COGNATE_ANCHOR_WEIGHT
        # Names written with capitals on the target side (an Arabic source has none).
        slope = source_count / len(self.target)
        for t, anchors in enumerate(self.target):
            if not anchors.names:
                continue
            first = max(0, math.floor(t * slope) - width)
            for name_keys in anchors.names:
                hits = {
                    s
                    for key in name_keys
                    for s in self.source_words.within(key, first, first + 2 * width)
                }
                for s in hits:
                    if 0 <= t - window_starts[s] < width:
                        scores[s, t - window_starts[s]] += NAME_ANCHOR_WEIGHT
        return (
            _AnchorScores(scores, window_starts, len(self.target)),
            _AnchorScores(shared_numbers, window_starts, len(self.target)),
        )


class _AnchorScores:
    """Pair scores of sentences in a band, and the scores of sentence groups built on them.

    A group's score is what its source side shares with its target side, counting each
    sentence at most up to its best single match: otherwise a name repeated in three
    neighbouring targets would reward linking all three to one source sentence.
    """

    def __init__(self, scores: np.ndarray, window_starts: list[int], target_count: int) -> None:
        self.scores = scores
        self.window_starts = window_starts
        self.cumulative = np.zeros((scores.shape[0], scores.shape[1] + 1))
        np.cumsum(scores, axis=1, out=self.cumulative[:, 1:])
        self.source_caps = scores.max(axis=1, initial=0.0)
        self.target_caps = np.zeros(target_count + 1)
        for sentence, start in enumerate(window_starts):
            first = max(start, 0)
            stop = min(start + scores.shape[1], target_count)
            if stop > first:
                np.maximum(
                    self.target_caps[first:stop],
                    scores[sentence, first - start : stop - start],
                    out=self.target_caps[first:stop],
                )

    def group_scores(self, shape: Shape, row: int, start: int, stop: int) -> np.ndarray:
        """Scores of links of `shape` ending at source position `row`, targets start..stop."""
        # Called for every row and shape of every search: sums start from the scalar 0.0
        # rather than np.zeros, since on the short rows of a paragraph's sentences numpy's
        # call overhead is most of the cost.
        source_step, target_step = shape
        count = stop - start + 1
        source_side: np.ndarray | float = 0.0
        target_totals: list[np.ndarray | float] = [0.0] * target_step
        for sentence in range(row - source_step, row):
            offset = start - self.window_starts[sentence]
            sums = self.cumulative[sentence]
            shared = (
                sums[offset : offset + count]
                - sums[offset - target_step : offset - target_step + count]
            )
            source_side = source_side + np.minimum(shared, self.source_caps[sentence])
            scores = self.scores[sentence]
            for back in range(1, target_step + 1):
                target_totals[back - 1] = (
                    target_totals[back - 1] + scores[offset - back : offset - back + count]
                )
        target_side: np.ndarray | float = 0.0
        for back in range(1, target_step + 1):
            target_side = target_side + np.minimum(
                target_totals[back - 1], self.target_caps[start - back : stop - back + 1]
            )
        return np.minimum(source_side, target_side)


def _anchored_link_cost(length_cost: LinkCost, index: _AnchorIndex, band: _Band) -> LinkCost:
    # An untranslated sentence costs the same whatever its length: Gale-Church's length
    # term makes dropping a long sentence so dear that the aligner would rather glue it
    # to a neighbour, which corrupts two links instead of leaving one sentence out.
    skip_costs = {shape: -math.log(ALIGNMENT_PRIORS[shape]) for shape in ((1, 0), (0, 1))}
    anchor_scores, number_scores = index.pair_scores(band)

    def cost(shape: Shape, row: int, start: int, stop: int) -> np.ndarray:
        if 0 in shape:
            return np.full(stop - start + 1, skip_costs[shape])
        source_step, target_step = shape
        total = length_cost(shape, row, start, stop) - anchor_scores.group_scores(
            shape, row, start, stop
        )
        # Numbers on either side and none shared: evidence against the link, which a
        # skipped sentence does not pay.
        sources = index.numbered_sources
        targets = index.numbered_targets
        numbered = (sources[row] - sources[row - source_step] > 0) | (
            targets[start : stop + 1] - targets[start - target_step : stop - target_step + 1] > 0
        )
        disagree = numbered & (number_scores.group_scores(shape, row, start, stop) == 0)
        total += NUMBER_MISMATCH_COST * disagree
        return total

    return cost


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
    return _align_anchored(
        source_lengths,
        target_lengths,
        [sentence_anchors(sentence, source_lang) for sentence in source],
        [sentence_anchors(sentence, target_lang) for sentence in target],
        length_ratio,
    )


def _align_anchored(
    source_lengths: list[int],
    target_lengths: list[int],
    source_anchors: list[_SentenceAnchors],
    target_anchors: list[_SentenceAnchors],
    length_ratio: float,
) -> list[Link]:
    length_cost = _length_link_cost(
        source_lengths, target_lengths, ALIGNMENT_PRIORS, length_ratio, ALIGNMENT_VARIANCE
    )
    index = _AnchorIndex(source_anchors, target_anchors)

    def cost_for_band(band: _Band) -> LinkCost:
        return _anchored_link_cost(length_cost, index, band)

    return _align_in_widening_band(
        len(source_lengths), len(target_lengths), list(ALIGNMENT_PRIORS), cost_for_band
    )


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
    segments: list[AlignedSegment] = []
    paragraph = first_paragraph
    for source_indices, target_indices in links:
        if source_indices:
            paragraph = source_paragraph_of[source_indices[0]]
        segments.append(
            AlignedSegment(
                paragraph=paragraph,
                source=join_sentences([source[i] for i in source_indices], source_lang),
                target=join_sentences([target[j] for j in target_indices], target_lang),
            )
        )
    return segments


def align_document(
    source_text: str, target_text: str, source_lang: str, target_lang: str
) -> list[AlignedSegment]:
    """Aligned segments of a document and its translation, in document order.

    Paragraphs are aligned first when both sides have the same number of them, then the
    sentences inside each group of aligned paragraphs; otherwise (one side is a single
    block, or the counts differ) sentences are aligned across the whole text and the
    paragraph numbers come from the source side.
    """
    source_document = segment_document(source_text, source_lang)
    target_document = segment_document(target_text, target_lang)
    source = [sentence for paragraph in source_document for sentence in paragraph]
    target = [sentence for paragraph in target_document for sentence in paragraph]
    source_paragraph_of = [
        number for number, paragraph in enumerate(source_document) for _ in paragraph
    ]
    source_lengths = [len(sentence) for sentence in source]
    target_lengths = [len(sentence) for sentence in target]
    ratio = max(sum(target_lengths), 1) / max(sum(source_lengths), 1)
    # Each sentence's anchors are found once: the paragraphs' are merged from them.
    source_anchors = [sentence_anchors(sentence, source_lang) for sentence in source]
    target_anchors = [sentence_anchors(sentence, target_lang) for sentence in target]
    if len(source_document) != len(target_document) or len(source_document) < 2:
        links = _align_anchored(
            source_lengths, target_lengths, source_anchors, target_anchors, ratio
        )
        return _segments_from_links(
            links, source, target, source_paragraph_of, source_lang, target_lang
        )
    source_spans = _paragraph_spans(source_document)
    target_spans = _paragraph_spans(target_document)
    source_separator = len(join_sentences(["", ""], source_lang))
    target_separator = len(join_sentences(["", ""], target_lang))
    paragraph_links = _align_anchored(
        [_joined_length(source_lengths[span], source_separator) for span in source_spans],
        [_joined_length(target_lengths[span], target_separator) for span in target_spans],
        [_SentenceAnchors.merged(source_anchors[span]) for span in source_spans],
        [_SentenceAnchors.merged(target_anchors[span]) for span in target_spans],
        ratio,
    )
    segments: list[AlignedSegment] = []
    for source_paragraphs, target_paragraphs in paragraph_links:
        source_group = _group_indices(source_paragraphs, source_spans)
        target_group = _group_indices(target_paragraphs, target_spans)
        group_source = [source[i] for i in source_group]
        group_target = [target[j] for j in target_group]
        links = _align_anchored(
            [source_lengths[i] for i in source_group],
            [target_lengths[j] for j in target_group],
            [source_anchors[i] for i in source_group],
            [target_anchors[j] for j in target_group],
            ratio,
        )
        first_paragraph = (
            source_paragraphs[0]
            if source_paragraphs
            else (segments[-1].paragraph if segments else 0)
        )
        segments.extend(
            _segments_from_links(
                links,
                group_source,
                group_target,
                [source_paragraph_of[i] for i in source_group],
                source_lang,
                target_lang,
                first_paragraph,
            )
        )
    return segments


def _paragraph_spans(document: list[list[str]]) -> list[slice]:
    """Where each paragraph's sentences are in the document's list of sentences."""
    spans: list[slice] = []
    start = 0
    for paragraph in document:
        spans.append(slice(start, start + len(paragraph)))
        start += len(paragraph)
    return spans


def _joined_length(lengths: list[int], separator: int) -> int:
    """The length of sentences joined with a separator, as join_sentences joins them."""
    return sum(lengths) + separator * max(len(lengths) - 1, 0)


def _group_indices(paragraphs: tuple[int, ...], spans: list[slice]) -> list[int]:
    return [i for p in paragraphs for i in range(spans[p].start, spans[p].stop)]


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
