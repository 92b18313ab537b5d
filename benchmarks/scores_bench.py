"""Post-edit scores for a 50,000-segment project: our statistics path against sacrebleu's own.

Usage: .venv/bin/python benchmarks/scores_bench.py [--segments N] [--lang CODE]
       [--corpus FILE ...]

Without --corpus, references are word windows drawn from the demo article in the target
language; with --corpus (e.g. a sentence-per-line file under /work/shared/benchmarks) its
lines are used. Machine translations are those references with random word edits
(substitutions, deletions, insertions, swaps), a share left untouched as editors accept
many segments as they are. Three timings, each with sacrebleu's tokenizer caches emptied:
  sacrebleu  BLEU/CHRF/CHRF++/TER .corpus_score on the lists (the baseline)
  cold       segment_statistics for every pair, then corpus_scores
  cached     corpus_scores from statistics already computed (as read from the database)
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sacrebleu
from sacrebleu.tokenizers import tokenizer_13a, tokenizer_char, tokenizer_ter, tokenizer_zh

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reviewapp.scoring import (  # noqa: E402
    BLEU_KEY,
    CHRF_KEY,
    CHRF_PLUS_KEY,
    TER_KEY,
    SegmentStats,
    corpus_scores,
    metric_settings,
    segment_statistics,
)

DEMO_DATA = Path(__file__).resolve().parent.parent / "reviewapp" / "demo_data"
UNEDITED_SHARE = 0.2
SEED = 20250714


def clear_tokenizer_caches() -> None:
    # sacrebleu memoises tokenised lines; each timed run must start cold to be comparable.
    for tokenizer in (
        tokenizer_13a.Tokenizer13a,
        tokenizer_char.TokenizerChar,
        tokenizer_zh.TokenizerZh,
        tokenizer_ter.TercomTokenizer,
    ):
        tokenizer.__call__.cache_clear()


def load_words(corpus_files: list[Path], lang: str) -> list[str]:
    files = corpus_files or [DEMO_DATA / f"paris-talks.{lang}.txt"]
    return [word for path in files for word in path.read_text(encoding="utf-8").split()]


def synthesise_pairs(words: list[str], segments: int) -> tuple[list[str], list[str]]:
    """(machine translations, post-edits): post-edits are word windows of the corpus."""
    rng = random.Random(SEED)
    hypotheses, references = [], []
    for _ in range(segments):
        length = rng.randint(6, 35)
        start = rng.randrange(max(1, len(words) - length))
        reference = words[start : start + length]
        hypothesis = list(reference)
        if rng.random() >= UNEDITED_SHARE:
            for _ in range(rng.randint(1, max(1, length // 4))):
                position = rng.randrange(len(hypothesis))
                edit = rng.choice(("substitute", "delete", "insert", "swap"))
                if edit == "substitute":
                    hypothesis[position] = rng.choice(words)
                elif edit == "delete" and len(hypothesis) > 1:
                    del hypothesis[position]
                elif edit == "insert":
                    hypothesis.insert(position, rng.choice(words))
                elif position + 1 < len(hypothesis):
                    hypothesis[position], hypothesis[position + 1] = (
                        hypothesis[position + 1],
                        hypothesis[position],
                    )
        hypotheses.append(" ".join(hypothesis))
        references.append(" ".join(reference))
    return hypotheses, references


def timed(run: Callable[[], Any]) -> tuple[float, Any]:
    clear_tokenizer_caches()
    start = time.perf_counter()
    result = run()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=50_000)
    parser.add_argument("--lang", default="ar", help="target language code")
    parser.add_argument("--corpus", type=Path, nargs="*", default=[])
    args = parser.parse_args()

    corpus_words = load_words(args.corpus, args.lang)
    if not corpus_words:
        parser.error("the corpus has no words")
    hypotheses, references = synthesise_pairs(corpus_words, args.segments)
    words = sum(len(reference.split()) for reference in references)
    print(f"{len(hypotheses)} segments, {words} post-edited words, target '{args.lang}'")
    settings = metric_settings(args.lang)

    def sacrebleu_scores() -> dict[str, float]:
        refs = [references]
        return {
            BLEU_KEY: sacrebleu.BLEU(tokenize=settings.bleu_tokenizer)
            .corpus_score(hypotheses, refs)
            .score,
            CHRF_KEY: sacrebleu.CHRF().corpus_score(hypotheses, refs).score,
            CHRF_PLUS_KEY: sacrebleu.CHRF(word_order=2).corpus_score(hypotheses, refs).score,
            TER_KEY: sacrebleu.TER(
                normalized=settings.ter_asian_support, asian_support=settings.ter_asian_support
            )
            .corpus_score(hypotheses, refs)
            .score,
        }

    def cold_path() -> tuple[list[SegmentStats], dict[str, float]]:
        stats = [
            segment_statistics(hyp, ref, args.lang)
            for hyp, ref in zip(hypotheses, references, strict=True)
        ]
        return stats, {key: m.score for key, m in corpus_scores(stats, args.lang).items()}

    baseline_seconds, baseline = timed(sacrebleu_scores)
    cold_seconds, (stats, ours) = timed(cold_path)
    cached_seconds, cached = timed(lambda: corpus_scores(stats, args.lang))
    stored = [json.loads(json.dumps(segment.to_json())) for segment in stats]
    stored_seconds, _ = timed(
        lambda: corpus_scores((SegmentStats.from_json(row) for row in stored), args.lang)
    )

    print(f"{'metric':8} {'sacrebleu':>12} {'ours':>12}  equal")
    for key in baseline:
        print(f"{key:8} {baseline[key]:12.6f} {ours[key]:12.6f}  {baseline[key] == ours[key]}")
    assert {key: m.score for key, m in cached.items()} == ours
    print(f"sacrebleu corpus_score x4 (baseline): {baseline_seconds:8.3f} s")
    print(
        f"cold: stats + aggregation:            {cold_seconds:8.3f} s"
        f"  ratio to baseline {cold_seconds / baseline_seconds:.3f}"
    )
    print(
        f"cached: aggregation of stats:         {cached_seconds:8.3f} s"
        f"  ratio to baseline {cached_seconds / baseline_seconds:.5f}"
    )
    print(
        f"cached, from JSON rows:               {stored_seconds:8.3f} s"
        f"  ratio to baseline {stored_seconds / baseline_seconds:.5f}"
    )


if __name__ == "__main__":
    main()
