"""Translation quality figures: post-edit effort, MQM penalties and MT system comparison.

Post-edit effort compares the machine translation (hypothesis) with the editor's corrected
translation (reference) using sacrebleu's BLEU, chrF, chrF++ and TER. Every segment's
*sufficient statistics* are computed once (and can be cached as JSON on the segment row);
document, system and project scores are then sums of those statistics turned into scores
exactly as sacrebleu's own ``corpus_score`` does, never averages of sentence scores.

Pure module: no Django imports, so it is tested and benchmarked without a database.
"""

from __future__ import annotations

import importlib.util
import math
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

import unicode_segmentation_rs
from sacrebleu.metrics import BLEU, CHRF, TER
from sacrebleu.metrics.base import Metric
from sacrebleu.metrics.helpers import extract_all_char_ngrams, extract_word_ngrams
from sacrebleu.significance import PairedTest

from reviewapp.languages import base_language

BLEU_KEY = "bleu"
CHRF_KEY = "chrf"
CHRF_PLUS_KEY = "chrf++"
TER_KEY = "ter"
METRIC_KEYS: tuple[str, ...] = (BLEU_KEY, CHRF_KEY, CHRF_PLUS_KEY, TER_KEY)

# chrF++ is chrF plus word unigrams and bigrams (Popović 2017), sacrebleu's definition.
CHRF_PLUS_WORD_ORDER = 2

# Scripts written without spaces between words: whitespace tokenisation would make each
# clause one "word", so BLEU falls back to characters (sacrebleu's own 'char' tokenizer).
_UNSPACED_SCRIPT_LANGUAGES = frozenset({"th", "lo", "km", "my", "bo", "dz"})
# TER's tokenizer splits CJK into characters only with normalisation plus asian_support.
_CJK_LANGUAGES = frozenset({"zh", "ja", "yue", "wuu"})
_MECAB_TOKENIZERS: dict[str, tuple[str, str]] = {
    # language: (sacrebleu tokenizer, the Python module it needs)
    "ja": ("ja-mecab", "MeCab"),
    "ko": ("ko-mecab", "mecab_ko"),
}


@dataclass(frozen=True, slots=True)
class MetricSettings:
    """How the target language is tokenised; stats made with other settings cannot be summed."""

    bleu_tokenizer: str
    ter_asian_support: bool


def metric_settings(target_lang: str) -> MetricSettings:
    """The single place where the target language picks sacrebleu's tokenisation.

    '13a' (sacrebleu's default, WMT's standard) serves Arabic and every space-delimited
    language; 'zh' for Chinese; MeCab tokenizers for Japanese and Korean only when MeCab is
    installed (otherwise characters for Japanese and '13a' for space-delimited Korean);
    characters for Thai, Lao, Khmer, Burmese, Tibetan. 'flores200' is never chosen: it
    downloads a SentencePiece model at run time.
    """
    language = base_language(target_lang)
    if language == "zh":
        tokenizer = "zh"
    elif language in _MECAB_TOKENIZERS:
        mecab_tokenizer, module = _MECAB_TOKENIZERS[language]
        if importlib.util.find_spec(module) is not None:
            tokenizer = mecab_tokenizer
        else:
            tokenizer = "char" if language == "ja" else "13a"
    elif language in _UNSPACED_SCRIPT_LANGUAGES:
        tokenizer = "char"
    else:
        tokenizer = BLEU.TOKENIZER_DEFAULT
    return MetricSettings(bleu_tokenizer=tokenizer, ter_asian_support=language in _CJK_LANGUAGES)


@dataclass(frozen=True, slots=True)
class _Metrics:
    corpus_bleu: BLEU
    sentence_bleu: BLEU
    chrf: CHRF
    chrf_plus: CHRF
    ter: TER


@cache
def _metrics(settings: MetricSettings) -> _Metrics:
    metrics = _Metrics(
        corpus_bleu=BLEU(tokenize=settings.bleu_tokenizer),
        # sacrebleu's sentence_bleu default: orders without matches are left out.
        sentence_bleu=BLEU(tokenize=settings.bleu_tokenizer, effective_order=True),
        chrf=CHRF(),
        chrf_plus=CHRF(word_order=CHRF_PLUS_WORD_ORDER),
        ter=TER(normalized=settings.ter_asian_support, asian_support=settings.ter_asian_support),
    )
    for metric in (metrics.corpus_bleu, metrics.chrf, metrics.chrf_plus, metrics.ter):
        # sacrebleu learns the reference count while caching references, which we bypass;
        # the signature needs it, and a post-edit is always exactly one reference.
        metric.num_refs = 1
    return metrics


def _single_reference_statistics(metric: Metric, hypothesis: str, reference: str) -> list[Any]:
    # The same steps as Metric._extract_corpus_statistics for one segment, without building
    # a reference cache per call (that cache would be thrown away at once).
    reference_info = metric._extract_reference_info([metric._preprocess_segment(reference)])
    return metric._compute_segment_statistics(
        metric._preprocess_segment(hypothesis), reference_info
    )


def _column_sums(rows: Iterable[Sequence[float]], width: int) -> list[Any]:
    sums = [sum(column) for column in zip(*rows, strict=True)]
    return sums or [0] * width


@dataclass(frozen=True, slots=True)
class SegmentStats:
    """sacrebleu sufficient statistics of one segment (or, summed, of a whole corpus).

    bleu: [hyp_len, ref_len, matches per order..., totals per order...];
    chrf: [hyp, ref, match] per character order; chrf_words: the same for chrF++'s word
    orders (chrF++ statistics are chrf + chrf_words); ter: [edits, reference length].
    Statistics are additive, so a running document total can be kept current with
    ``total - old_segment + new_segment`` instead of rescoring the document.
    """

    settings: MetricSettings
    bleu: tuple[int, ...]
    chrf: tuple[int, ...]
    chrf_words: tuple[int, ...]
    ter: tuple[float, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "bleu_tokenizer": self.settings.bleu_tokenizer,
            "ter_asian_support": self.settings.ter_asian_support,
            "bleu": list(self.bleu),
            "chrf": list(self.chrf),
            "chrf_words": list(self.chrf_words),
            "ter": list(self.ter),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SegmentStats:
        return cls(
            settings=MetricSettings(data["bleu_tokenizer"], data["ter_asian_support"]),
            bleu=tuple(data["bleu"]),
            chrf=tuple(data["chrf"]),
            chrf_words=tuple(data["chrf_words"]),
            ter=tuple(data["ter"]),
        )

    @classmethod
    def zero(cls, settings: MetricSettings) -> SegmentStats:
        """The statistics of an empty corpus: the start of a running total."""
        bleu_width = 2 + 2 * _metrics(settings).corpus_bleu.max_ngram_order
        chrf_width = 3 * CHRF.CHAR_ORDER
        return cls(
            settings,
            (0,) * bleu_width,
            (0,) * chrf_width,
            (0,) * (3 * CHRF_PLUS_WORD_ORDER),
            (0.0, 0.0),
        )

    @classmethod
    def total(cls, segments: Iterable[SegmentStats], settings: MetricSettings) -> SegmentStats:
        """The corpus statistics: column sums over all segments, checked for equal settings."""
        segments = list(segments)
        if any(segment.settings != settings for segment in segments):
            raise ValueError(f"statistics made with other tokenisation than {settings}")
        empty = cls.zero(settings)
        return cls(
            settings,
            tuple(_column_sums((s.bleu for s in segments), len(empty.bleu))),
            tuple(_column_sums((s.chrf for s in segments), len(empty.chrf))),
            tuple(_column_sums((s.chrf_words for s in segments), len(empty.chrf_words))),
            tuple(_column_sums((s.ter for s in segments), len(empty.ter))),
        )

    def _combine(self, other: SegmentStats, sign: int) -> SegmentStats:
        if other.settings != self.settings:
            raise ValueError("cannot combine statistics made with different tokenisation")
        return SegmentStats(
            self.settings,
            tuple(a + sign * b for a, b in zip(self.bleu, other.bleu, strict=True)),
            tuple(a + sign * b for a, b in zip(self.chrf, other.chrf, strict=True)),
            tuple(a + sign * b for a, b in zip(self.chrf_words, other.chrf_words, strict=True)),
            tuple(a + sign * b for a, b in zip(self.ter, other.ter, strict=True)),
        )

    def __add__(self, other: SegmentStats) -> SegmentStats:
        return self._combine(other, 1)

    def __sub__(self, other: SegmentStats) -> SegmentStats:
        return self._combine(other, -1)


class MetricScore(NamedTuple):
    name: str
    score: float
    signature: str


def segment_statistics(hypothesis: str, reference: str, target_lang: str) -> SegmentStats:
    """Sufficient statistics of one machine translation against its correction (or reference)."""
    settings = metric_settings(target_lang)
    metrics = _metrics(settings)
    chrf = metrics.chrf
    # chrF++ shares chrF's character statistics; extracting them once saves a third of the
    # chrF work. The order of operations is sacrebleu's CHRF._compute_segment_statistics.
    hyp_text, ref_text = chrf._preprocess_segment(hypothesis), chrf._preprocess_segment(reference)
    char_stats: list[int] = []
    for hyp_ngrams, ref_ngrams in zip(
        extract_all_char_ngrams(hyp_text, chrf.char_order, chrf.whitespace),
        extract_all_char_ngrams(ref_text, chrf.char_order, chrf.whitespace),
        strict=True,
    ):
        char_stats.extend(CHRF._get_match_statistics(hyp_ngrams, ref_ngrams))
    hyp_words = metrics.chrf_plus._remove_punctuation(hyp_text)
    ref_words = metrics.chrf_plus._remove_punctuation(ref_text)
    word_stats: list[int] = []
    for order in range(1, CHRF_PLUS_WORD_ORDER + 1):
        word_stats.extend(
            CHRF._get_match_statistics(
                extract_word_ngrams(hyp_words, order), extract_word_ngrams(ref_words, order)
            )
        )
    return SegmentStats(
        settings=settings,
        bleu=tuple(_single_reference_statistics(metrics.corpus_bleu, hypothesis, reference)),
        chrf=tuple(char_stats),
        chrf_words=tuple(word_stats),
        ter=tuple(_single_reference_statistics(metrics.ter, hypothesis, reference)),
    )


def scores_from_totals(totals: SegmentStats) -> dict[str, MetricScore]:
    """Corpus-level scores from summed statistics, each with its sacrebleu signature."""
    metrics = _metrics(totals.settings)
    computed = {
        BLEU_KEY: (metrics.corpus_bleu, list(totals.bleu)),
        CHRF_KEY: (metrics.chrf, list(totals.chrf)),
        CHRF_PLUS_KEY: (metrics.chrf_plus, list(totals.chrf + totals.chrf_words)),
        TER_KEY: (metrics.ter, list(totals.ter)),
    }
    result: dict[str, MetricScore] = {}
    for key, (metric, stats) in computed.items():
        score = metric._compute_score_from_stats(stats)
        result[key] = MetricScore(score.name, score.score, metric.get_signature().format())
    return result


def corpus_scores(stats: Iterable[SegmentStats], target_lang: str) -> dict[str, MetricScore]:
    """Document, system or project scores: sacrebleu corpus scores from per-segment stats.

    An empty corpus scores 0 on every metric.
    """
    return scores_from_totals(SegmentStats.total(stats, metric_settings(target_lang)))


def segment_scores(stats: SegmentStats) -> dict[str, float]:
    """Sentence-level scores from cached statistics, as sacrebleu's sentence_* functions give."""
    metrics = _metrics(stats.settings)
    return {
        BLEU_KEY: metrics.sentence_bleu._compute_score_from_stats(list(stats.bleu)).score,
        CHRF_KEY: metrics.chrf._compute_f_score(list(stats.chrf)),
        CHRF_PLUS_KEY: metrics.chrf_plus._compute_f_score(list(stats.chrf + stats.chrf_words)),
        TER_KEY: metrics.ter._compute_score_from_stats(list(stats.ter)).score,
    }


def sentence_scores(hypothesis: str, reference: str, target_lang: str) -> dict[str, float]:
    """BLEU, chrF, chrF++ and TER of one segment (BLEU with effective order, as sacrebleu)."""
    return segment_scores(segment_statistics(hypothesis, reference, target_lang))


# --- MQM -------------------------------------------------------------------------------

# Freitag et al. 2021 ("Experts, Errors, and Context"), the weights WMT uses for MQM.
MQM_SEVERITY_WEIGHTS: dict[str, float] = {"neutral": 0.0, "minor": 1.0, "major": 5.0}
MQM_MINOR_PUNCTUATION_WEIGHT = 0.1
MQM_NON_TRANSLATION_WEIGHT = 25.0
DEFAULT_CRITICAL_WEIGHT = 25.0
_NON_TRANSLATION_CATEGORIES = frozenset({"untranslated", "non-translation", "non_translation"})
# A project policy rather than a standard: more than one major error (5 points) per 100
# source words fails.
DEFAULT_MQM_THRESHOLD_PER_100_WORDS = 5.0


def _leaf_category(category: str) -> str:
    # Categories may be hierarchical ("Fluency/Punctuation"); weights depend on the leaf.
    return category.rsplit("/", 1)[-1].strip().lower()


def mqm_weight(
    category: str, severity: str, *, critical_weight: float = DEFAULT_CRITICAL_WEIGHT
) -> float:
    """The penalty of one flagged error under the WMT MQM weighting."""
    leaf = _leaf_category(category)
    level = severity.strip().lower()
    non_translation = leaf in _NON_TRANSLATION_CATEGORIES
    if level == "critical":
        # A non-translation never weighs less than its WMT weight, whatever critical weighs.
        return (
            max(critical_weight, MQM_NON_TRANSLATION_WEIGHT) if non_translation else critical_weight
        )
    if level not in MQM_SEVERITY_WEIGHTS:
        raise ValueError(f"unknown MQM severity {severity!r}")
    if level == "major" and non_translation:
        return MQM_NON_TRANSLATION_WEIGHT
    if level == "minor" and leaf == "punctuation":
        return MQM_MINOR_PUNCTUATION_WEIGHT
    return MQM_SEVERITY_WEIGHTS[level]


def mqm_penalty(
    flags: Iterable[tuple[str, str]], *, critical_weight: float = DEFAULT_CRITICAL_WEIGHT
) -> float:
    """Total MQM penalty of (category, severity) flags."""
    return math.fsum(
        mqm_weight(category, severity, critical_weight=critical_weight)
        for category, severity in flags
    )


def count_words(text: str) -> int:
    """Words by Unicode word boundaries (UAX #29): Arabic and other spaced scripts count
    words, Chinese and Japanese count characters (a katakana run, as in a loanword, is one
    word), punctuation counts nothing."""
    return len(unicode_segmentation_rs.unicode_words(text))


def mqm_score_per_100_words(total_penalty: float, source_word_count: int) -> float:
    """Penalty points per 100 source words (lower is better)."""
    if source_word_count < 0:
        raise ValueError("a word count cannot be negative")
    if source_word_count == 0:
        if total_penalty:
            raise ValueError("errors flagged on a text without words cannot be normalised")
        return 0.0
    return 100.0 * total_penalty / source_word_count


@dataclass(frozen=True, slots=True)
class MqmAssessment:
    penalty: float
    source_words: int
    per_100_words: float
    threshold: float
    passed: bool


def mqm_assessment(
    flags: Iterable[tuple[str, str]],
    source_word_count: int,
    *,
    threshold: float = DEFAULT_MQM_THRESHOLD_PER_100_WORDS,
    critical_weight: float = DEFAULT_CRITICAL_WEIGHT,
) -> MqmAssessment:
    """MQM verdict for a segment or a document: passes when the penalty per 100 source words
    is at most the threshold."""
    penalty = mqm_penalty(flags, critical_weight=critical_weight)
    per_100 = mqm_score_per_100_words(penalty, source_word_count)
    return MqmAssessment(penalty, source_word_count, per_100, threshold, per_100 <= threshold)


@dataclass(frozen=True, slots=True)
class EsaSummary:
    """Error Span Annotation scores (0-100 per segment); mean is None when nothing is scored."""

    mean: float | None
    count: int


def aggregate_esa(scores: Iterable[float]) -> EsaSummary:
    values = list(scores)
    if any(not 0.0 <= value <= 100.0 for value in values):
        raise ValueError("ESA scores lie between 0 and 100")
    return EsaSummary(statistics.fmean(values) if values else None, len(values))


# --- MT system comparison ----------------------------------------------------------------

DEFAULT_BOOTSTRAP_SAMPLES = 1000
DEFAULT_SIGNIFICANCE_LEVEL = 0.05


@dataclass(frozen=True, slots=True)
class SystemMetricResult:
    """A system's corpus score with paired-bootstrap figures; p_value is None for the
    baseline itself."""

    name: str
    score: float
    p_value: float | None
    bootstrap_mean: float | None
    confidence_interval: float | None
    signature: str

    def differs_from_baseline(self, alpha: float = DEFAULT_SIGNIFICANCE_LEVEL) -> bool:
        return self.p_value is not None and self.p_value < alpha


@dataclass(frozen=True, slots=True)
class SystemRanking:
    system: str
    rank: int
    is_baseline: bool
    bleu: SystemMetricResult
    chrf: SystemMetricResult
    mqm_per_100_words: float | None


def compare_systems(
    references: list[str],
    systems: dict[str, list[str]],
    target_lang: str,
    *,
    baseline: str | None = None,
    rank_by: str = CHRF_KEY,
    mqm_per_100_words: Mapping[str, float] | None = None,
    n_samples: int = DEFAULT_BOOTSTRAP_SAMPLES,
) -> list[SystemRanking]:
    """Rank MT systems translating the same source against the corrected translation.

    p-values come from sacrebleu's paired bootstrap resampling against ``baseline``
    (default: the best system by ``rank_by``, 'bleu' or 'chrf'). MQM penalties per 100
    words, computed by the caller from editors' flags, are carried alongside.
    """
    if not systems:
        raise ValueError("no systems to compare")
    if rank_by not in (BLEU_KEY, CHRF_KEY):
        raise ValueError(f"systems are ranked by {BLEU_KEY!r} or {CHRF_KEY!r}")
    for name, hypotheses in systems.items():
        if len(hypotheses) != len(references):
            raise ValueError(f"{name!r} has {len(hypotheses)} segments, not {len(references)}")
    settings = metric_settings(target_lang)
    metrics: dict[str, Metric] = {
        BLEU_KEY: BLEU(tokenize=settings.bleu_tokenizer),
        CHRF_KEY: CHRF(),
    }
    ranking_metric = metrics[rank_by]
    ranking_scores = {
        name: ranking_metric.corpus_score(hypotheses, [references]).score
        for name, hypotheses in systems.items()
    }
    if baseline is None:
        baseline = max(ranking_scores, key=lambda name: ranking_scores[name])
    elif baseline not in systems:
        raise ValueError(f"unknown baseline system {baseline!r}")
    ordered = [baseline, *(name for name in systems if name != baseline)]
    signatures, results = PairedTest(
        [(name, systems[name]) for name in ordered],
        metrics,
        [references],
        test_type="bs",
        n_samples=n_samples,
    )()
    # PairedTest reports by sacrebleu's score names ('BLEU', 'chrF2'), in insertion order.
    (bleu_name, bleu_results), (chrf_name, chrf_results) = (
        (name, column) for name, column in results.items() if name != "System"
    )

    def metric_result(name: str, result: Any) -> SystemMetricResult:
        return SystemMetricResult(
            name=name,
            score=result.score,
            p_value=result.p_value,
            bootstrap_mean=None if result.mean is None else float(result.mean),
            confidence_interval=None if result.ci is None else float(result.ci),
            signature=signatures[name].format(),
        )

    mqm = mqm_per_100_words or {}
    rankings = []
    for position, name in enumerate(ordered):
        better = sum(score > ranking_scores[name] for score in ranking_scores.values())
        rankings.append(
            SystemRanking(
                system=name,
                rank=better + 1,
                is_baseline=name == baseline,
                bleu=metric_result(bleu_name, bleu_results[position]),
                chrf=metric_result(chrf_name, chrf_results[position]),
                mqm_per_100_words=mqm.get(name),
            )
        )
    return sorted(rankings, key=lambda ranking: (ranking.rank, not ranking.is_baseline))
