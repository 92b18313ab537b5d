"""Scores from cached statistics must equal sacrebleu's own, figure for figure."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
import sacrebleu

from reviewapp.scoring import (
    BLEU_KEY,
    CHRF_KEY,
    CHRF_PLUS_KEY,
    METRIC_KEYS,
    TER_KEY,
    MetricSettings,
    SegmentStats,
    aggregate_esa,
    compare_systems,
    corpus_scores,
    count_words,
    metric_settings,
    mqm_assessment,
    mqm_penalty,
    mqm_score_per_100_words,
    mqm_weight,
    scores_from_totals,
    segment_scores,
    segment_statistics,
    sentence_scores,
)

DEMO_DATA = Path(__file__).resolve().parent.parent / "reviewapp" / "demo_data"

# What an editor fixes in the demo machine translation: names and mistranslated terms.
DEMO_CORRECTIONS = {
    "آساد الشباني": "أسعد الشيباني",
    "رون ديمر": "رون ديرمر",
    "والأمراض الجلدية": "وديرمر",
    "الإضرابات الإسرائيلية": "الضربات الإسرائيلية",
    "بالنزاهة الإقليمية لسوريا": "بوحدة أراضي سوريا",
    "Sweida": "السويداء",
    "سويدا": "السويداء",
    "سني بدوين": "البدو السنة",
    "ارتفاع الجولان": "مرتفعات الجولان",
    "موفاك تافيف": "موفق طريف",
    "توماس": "توم باراك",
    "وكالة فرانس برس": "فرانس برس",
}


def paragraphs(path: Path) -> list[str]:
    return [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]


def demo_pairs() -> tuple[list[str], list[str]]:
    machine = paragraphs(DEMO_DATA / "paris-talks.ar.txt")
    corrected = []
    for paragraph in machine:
        for wrong, right in DEMO_CORRECTIONS.items():
            paragraph = paragraph.replace(wrong, right)
        corrected.append(paragraph)
    return machine, corrected


DEMO_MT, DEMO_POST_EDIT = demo_pairs()

CORPORA = {
    "arabic demo article": ("ar", DEMO_MT, DEMO_POST_EDIT),
    "english": (
        "en",
        ["Israeli labour strikes hit the south.", "The talks centred on de-escalation ."],
        ["Israeli strikes hit the south.", "The talks centred on de-escalation and calm."],
    ),
    "identical texts": ("ar", DEMO_POST_EDIT[:3], DEMO_POST_EDIT[:3]),
    "empty correction": ("ar", [DEMO_MT[0], DEMO_MT[1]], ["", DEMO_POST_EDIT[1]]),
    "empty machine translation": ("en", ["", "A second line."], ["Something.", "A second line."]),
    "single segment": ("ar", DEMO_MT[4:5], DEMO_POST_EDIT[4:5]),
    "chinese": (
        "zh",
        ["叙利亚和以色列在巴黎举行会谈。", "德尔默是战略事务部长"],
        ["叙利亚与以色列在巴黎会谈。", "德尔默是以色列战略事务部长。"],
    ),
    "japanese without mecab": ("ja", ["パリで会談が行われた。"], ["パリで会談が開かれた。"]),
}


def sacrebleu_metrics(lang: str) -> dict[str, sacrebleu.metrics.base.Metric]:
    settings = metric_settings(lang)
    return {
        BLEU_KEY: sacrebleu.BLEU(tokenize=settings.bleu_tokenizer),
        CHRF_KEY: sacrebleu.CHRF(),
        CHRF_PLUS_KEY: sacrebleu.CHRF(word_order=2),
        TER_KEY: sacrebleu.TER(
            normalized=settings.ter_asian_support, asian_support=settings.ter_asian_support
        ),
    }


@pytest.mark.parametrize(("lang", "hypotheses", "references"), CORPORA.values(), ids=CORPORA)
def test_corpus_scores_equal_sacrebleu_corpus_score(
    lang: str, hypotheses: list[str], references: list[str]
) -> None:
    stats = [segment_statistics(h, r, lang) for h, r in zip(hypotheses, references, strict=True)]
    ours = corpus_scores(stats, lang)
    assert set(ours) == set(METRIC_KEYS)
    for key, metric in sacrebleu_metrics(lang).items():
        expected = metric.corpus_score(hypotheses, [references])
        assert ours[key].score == expected.score, key
        assert ours[key].name == expected.name
        assert ours[key].signature == metric.get_signature().format()


@pytest.mark.parametrize(("lang", "hypotheses", "references"), CORPORA.values(), ids=CORPORA)
def test_sentence_scores_equal_sacrebleu_sentence_score(
    lang: str, hypotheses: list[str], references: list[str]
) -> None:
    settings = metric_settings(lang)
    expected_metrics = sacrebleu_metrics(lang)
    expected_metrics[BLEU_KEY] = sacrebleu.BLEU(
        tokenize=settings.bleu_tokenizer, effective_order=True
    )
    for hypothesis, reference in zip(hypotheses, references, strict=True):
        ours = sentence_scores(hypothesis, reference, lang)
        for key, metric in expected_metrics.items():
            assert ours[key] == metric.sentence_score(hypothesis, [reference]).score, key


def test_identical_texts_score_perfectly() -> None:
    scores = sentence_scores(DEMO_POST_EDIT[2], DEMO_POST_EDIT[2], "ar")
    assert math.isclose(scores[BLEU_KEY], 100.0)
    assert scores[CHRF_KEY] == scores[CHRF_PLUS_KEY] == 100.0
    assert scores[TER_KEY] == 0.0


def test_corrections_lower_the_scores_of_the_demo_article() -> None:
    scores = corpus_scores(
        (segment_statistics(h, r, "ar") for h, r in zip(DEMO_MT, DEMO_POST_EDIT, strict=True)),
        "ar",
    )
    assert 0.0 < scores[BLEU_KEY].score < 100.0
    assert 0.0 < scores[TER_KEY].score < 100.0


def test_corpus_score_is_not_the_mean_of_sentence_scores() -> None:
    stats = [segment_statistics(h, r, "ar") for h, r in zip(DEMO_MT, DEMO_POST_EDIT, strict=True)]
    mean_bleu = sum(segment_scores(s)[BLEU_KEY] for s in stats) / len(stats)
    assert corpus_scores(stats, "ar")[BLEU_KEY].score != pytest.approx(mean_bleu)


def test_statistics_survive_a_json_round_trip() -> None:
    stats = [segment_statistics(h, r, "ar") for h, r in zip(DEMO_MT, DEMO_POST_EDIT, strict=True)]
    stored = [SegmentStats.from_json(json.loads(json.dumps(s.to_json()))) for s in stats]
    assert stored == stats
    assert corpus_scores(stored, "ar") == corpus_scores(stats, "ar")


def test_running_total_follows_an_edit_without_rescoring() -> None:
    stats = [segment_statistics(h, r, "ar") for h, r in zip(DEMO_MT, DEMO_POST_EDIT, strict=True)]
    settings = metric_settings("ar")
    total = SegmentStats.total(stats, settings)
    edited = segment_statistics(DEMO_MT[4], DEMO_MT[4], "ar")
    updated = total - stats[4] + edited
    edited_stats = [*stats[:4], edited, *stats[5:]]
    assert updated == SegmentStats.total(edited_stats, settings)
    assert scores_from_totals(updated) == corpus_scores(edited_stats, "ar")
    assert scores_from_totals(updated) != scores_from_totals(total)


def test_empty_corpus_scores_zero() -> None:
    assert all(score.score == 0.0 for score in corpus_scores([], "ar").values())


def test_statistics_of_other_tokenisation_are_refused() -> None:
    chinese = segment_statistics("巴黎会谈", "巴黎的会谈", "zh")
    with pytest.raises(ValueError):
        corpus_scores([chinese], "ar")


@pytest.mark.parametrize(
    ("code", "tokenizer", "asian"),
    [
        ("ar", "13a", False),
        ("ar-EG", "13a", False),
        ("en", "13a", False),
        ("zh-Hant_TW", "zh", True),
        ("ja", "char", True),
        ("ko", "13a", False),
        ("th", "char", False),
    ],
)
def test_metric_settings_per_language(code: str, tokenizer: str, asian: bool) -> None:
    assert metric_settings(code) == MetricSettings(tokenizer, asian)


# --- MQM ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("category", "severity", "weight"),
    [
        ("accuracy/mistranslation", "minor", 1.0),
        ("accuracy/mistranslation", "major", 5.0),
        ("Fluency/Punctuation", "minor", 0.1),
        ("fluency/punctuation", "major", 5.0),
        ("untranslated", "major", 25.0),
        ("accuracy/untranslated", "critical", 25.0),
        ("untranslated", "minor", 1.0),
        ("terminology", "critical", 25.0),
        ("style", "neutral", 0.0),
    ],
)
def test_mqm_weights(category: str, severity: str, weight: float) -> None:
    assert mqm_weight(category, severity) == weight


def test_mqm_critical_weight_is_configurable() -> None:
    flags = [("accuracy/mistranslation", "critical"), ("fluency/grammar", "minor")]
    assert mqm_penalty(flags, critical_weight=10.0) == 11.0
    assert mqm_penalty(flags) == 26.0
    assert mqm_penalty([("untranslated", "critical")], critical_weight=10.0) == 25.0


def test_unknown_severity_is_refused() -> None:
    with pytest.raises(ValueError):
        mqm_penalty([("accuracy", "catastrophic")])


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("رون ديرمر ، وزير الشؤون الاستراتيجية", 5),
        ("Ron Dermer, Israel's strategic affairs minister.", 6),
        ("德尔默是部长。", 6),
        ("パリで会談", 4),  # a katakana run is one word (UAX #29)
        ("  ", 0),
    ],
)
def test_count_words(text: str, words: int) -> None:
    assert count_words(text) == words


@pytest.mark.parametrize(
    ("penalty", "words", "per_100"),
    [(5.0, 50, 10.0), (0.0, 0, 0.0), (1.0, 200, 0.5)],
)
def test_mqm_score_per_100_words(penalty: float, words: int, per_100: float) -> None:
    assert mqm_score_per_100_words(penalty, words) == per_100


def test_mqm_penalty_on_a_wordless_text_is_refused() -> None:
    with pytest.raises(ValueError):
        mqm_score_per_100_words(1.0, 0)


@pytest.mark.parametrize(
    ("flags", "words", "passed"),
    [
        ([("accuracy/mistranslation", "major")], 100, True),
        ([("accuracy/mistranslation", "major"), ("fluency/grammar", "minor")], 100, False),
        ([("untranslated", "major")], 1000, True),
        ([], 10, True),
    ],
)
def test_mqm_assessment_pass_fail(flags: list[tuple[str, str]], words: int, passed: bool) -> None:
    assessment = mqm_assessment(flags, words, threshold=5.0)
    assert assessment.passed is passed
    assert assessment.per_100_words == mqm_score_per_100_words(mqm_penalty(flags), words)


def test_esa_aggregate() -> None:
    summary = aggregate_esa([70.0, 90.0, 80.0])
    assert (summary.mean, summary.count) == (80.0, 3)
    assert aggregate_esa([]).mean is None
    with pytest.raises(ValueError):
        aggregate_esa([101.0])


# --- system comparison ----------------------------------------------------------------


def degrade(text: str) -> str:
    words = text.split()
    return " ".join(words[::2])


SYSTEMS = {
    "raw machine translation": DEMO_MT,
    "degraded": [degrade(p) for p in DEMO_MT],
    "post-edited": DEMO_POST_EDIT,
}


def test_compare_systems_ranks_and_matches_sacrebleu() -> None:
    rankings = compare_systems(
        DEMO_POST_EDIT, SYSTEMS, "ar", n_samples=200, mqm_per_100_words={"degraded": 12.5}
    )
    assert [r.system for r in rankings] == ["post-edited", "raw machine translation", "degraded"]
    assert [r.rank for r in rankings] == [1, 2, 3]
    assert rankings[0].is_baseline and rankings[0].chrf.p_value is None
    for ranking in rankings:
        hypotheses = SYSTEMS[ranking.system]
        bleu = sacrebleu.BLEU().corpus_score(hypotheses, [DEMO_POST_EDIT]).score
        chrf = sacrebleu.CHRF().corpus_score(hypotheses, [DEMO_POST_EDIT]).score
        assert (ranking.bleu.score, ranking.chrf.score) == (bleu, chrf)
        assert "bs:200" in ranking.bleu.signature
    degraded = rankings[2]
    assert degraded.mqm_per_100_words == 12.5 and rankings[1].mqm_per_100_words is None
    assert degraded.bleu.differs_from_baseline() and degraded.chrf.differs_from_baseline()
    assert 0.0 < degraded.chrf.p_value < 0.05


def test_compare_systems_against_a_chosen_baseline_is_reproducible() -> None:
    def run() -> list[tuple[str, float | None]]:
        rankings = compare_systems(
            DEMO_POST_EDIT, SYSTEMS, "ar", baseline="raw machine translation", n_samples=100
        )
        return [(r.system, r.bleu.p_value) for r in rankings]

    first = run()
    assert first == run()
    assert dict(first)["raw machine translation"] is None
    assert dict(first)["post-edited"] is not None


def test_compare_systems_refuses_misaligned_output() -> None:
    with pytest.raises(ValueError):
        compare_systems(DEMO_POST_EDIT, {"short": DEMO_MT[:3]}, "ar")
