"""Project scores through the app (database, cached statistics) beside sacrebleu's own.

Usage: .venv/bin/python benchmarks/report_bench.py [--segments N] [--lang CODE]
       [--corpus FILE ...]

Creates a project of N segments (default 50,000) in a temporary SQLite database, with the
machine translations and corrections of benchmarks/scores_bench.py, then times in one run:
  sacrebleu  BLEU/CHRF/CHRF++/TER .corpus_score on the same lists (the baseline)
  cold       reports.project_report with no cached statistics: computes and stores them
  warm       reports.project_report again, reading the cached statistics
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _support import migrated_app_database

BATCH = 2000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=50_000)
    parser.add_argument("--lang", default="ar", help="target language code")
    parser.add_argument("--corpus", type=Path, nargs="*", default=[])
    args = parser.parse_args()

    migrated_app_database("report-bench-")
    run(args)


def run(args: argparse.Namespace) -> None:
    from scores_bench import clear_tokenizer_caches, load_words, synthesise_pairs

    from reviewapp import reports, scoring
    from reviewapp.models import Document, Project, Segment, Translation

    words = load_words(args.corpus, args.lang)
    if not words:
        sys.exit("the corpus has no words")
    hypotheses, references = synthesise_pairs(words, args.segments)
    project = Project.objects.create(name="Benchmark")
    document = Document.objects.create(
        project=project, title="Benchmark", source_lang="en", target_lang=args.lang
    )
    translation = Translation.objects.create(document=document, system="Engine")
    # Corrections written directly, as an import of already post-edited text would: no
    # statistics are cached, so the first report computes them all.
    Segment.objects.bulk_create(
        (
            Segment(
                translation=translation,
                position=position,
                paragraph=position,
                source_text=reference,
                mt_text=hypothesis,
                text=reference,
                version=int(hypothesis != reference),
            )
            for position, (hypothesis, reference) in enumerate(
                zip(hypotheses, references, strict=True)
            )
        ),
        batch_size=BATCH,
    )
    print(f"{args.segments} segments in a temporary SQLite database, target '{args.lang}'")

    settings = scoring.metric_settings(args.lang)

    def sacrebleu_scores() -> dict[str, float]:
        import sacrebleu

        metrics = {
            scoring.BLEU_KEY: sacrebleu.BLEU(tokenize=settings.bleu_tokenizer),
            scoring.CHRF_KEY: sacrebleu.CHRF(),
            scoring.CHRF_PLUS_KEY: sacrebleu.CHRF(word_order=2),
            scoring.TER_KEY: sacrebleu.TER(
                normalized=settings.ter_asian_support, asian_support=settings.ter_asian_support
            ),
        }
        return {k: m.corpus_score(hypotheses, [references]).score for k, m in metrics.items()}

    def timed(run_once: Callable[[], Any]) -> tuple[float, Any]:
        clear_tokenizer_caches()
        start = time.perf_counter()
        result = run_once()
        return time.perf_counter() - start, result

    baseline_seconds, baseline = timed(sacrebleu_scores)
    cold_seconds, cold = timed(lambda: reports.project_report(project))
    warm_seconds, warm = timed(lambda: reports.project_report(project))
    assert cold.data.stats_computed == args.segments and warm.data.stats_computed == 0

    (overall,) = warm.overall
    print(f"{'metric':8} {'sacrebleu':>12} {'app':>12}  equal")
    for key, score in baseline.items():
        ours = overall.post_edit[key].score
        print(f"{key:8} {score:12.6f} {ours:12.6f}  {abs(score - ours) < 1e-9}")
    print(f"sacrebleu corpus_score x4 (baseline):   {baseline_seconds:8.3f} s")
    print(
        f"cold report (compute + store stats):    {cold_seconds:8.3f} s"
        f"  ratio to baseline {cold_seconds / baseline_seconds:.3f}"
    )
    print(
        f"warm report (cached stats):             {warm_seconds:8.3f} s"
        f"  ratio to baseline {warm_seconds / baseline_seconds:.4f}"
    )


if __name__ == "__main__":
    main()
