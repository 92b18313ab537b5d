"""Quality and speed of the automatic checks.

Usage: python benchmarks/checks_bench.py [NAME_TEST_SET.jsonl] [SEGMENTS]

Prints precision and recall per name finding kind on the labelled name test set (its
dev half, its held-out half and the whole) and on the fresh held-out set, then the time of all checks on a document of SEGMENTS segment pairs (10,000 by
default, cycled from the demo article and the test set) beside a baseline measured in
the same run: one plain regex scan of the same text for words and numbers.
"""

import re
import sys
import time
from itertools import cycle, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reviewapp.checks import CheckContext, SegmentPair, run_checks  # noqa: E402
from reviewapp.checks.evaluation import load_test_set, score_names, split_half  # noqa: E402
from reviewapp.transliteration import skeleton, skeleton_distance  # noqa: E402

DEFAULT_TEST_SET = ROOT / "tests" / "data" / "names" / "names.en-ar.jsonl"
FRESH_TEST_SET = ROOT / "tests" / "data" / "names" / "names-fresh.en-ar.jsonl"
DEMO_DIRECTORY = ROOT / "reviewapp" / "demo_data"
BASELINE_PATTERN = re.compile(r"\w+|\d+(?:[.,]\d+)?")


def document(records: list[dict], size: int) -> list[SegmentPair]:
    demo = [
        (DEMO_DIRECTORY / f"paris-talks.{language}.txt").read_text(encoding="utf-8").split("\n\n")
        for language in ("en", "ar")
    ]
    texts = list(zip(*demo, strict=True)) + [(r["source"], r["target"]) for r in records]
    return [
        SegmentPair(position, source, target, "en", "ar")
        for position, (source, target) in enumerate(islice(cycle(texts), size), 1)
    ]


def print_scores(title: str, records: list[dict]) -> None:
    labels = sum(len(record["names"]) for record in records)
    print(f"\n{title}: {len(records)} pairs, {labels} labelled names")
    print(f"{'kind':<18}{'precision':>10}{'recall':>8}{'TP':>5}{'FP':>5}{'FN':>5}")
    for kind, score in score_names(records).items():
        print(
            f"{kind:<18}{score.precision:>10.3f}{score.recall:>8.3f}"
            f"{score.true_positives:>5}{score.false_positives:>5}{score.false_negatives:>5}"
        )


def main() -> None:
    test_set = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_TEST_SET
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    records = load_test_set(test_set)
    parts = {
        f"{test_set.name} {half} half": [r for r in records if split_half(r) == half]
        for half in ("dev", "held-out")
    }
    parts[f"{test_set.name} whole"] = records
    if test_set == DEFAULT_TEST_SET:
        parts[f"{FRESH_TEST_SET.name} (held out)"] = load_test_set(FRESH_TEST_SET)
    for title, part in parts.items():
        print_scores(title, part)

    pairs = document(records, size)
    # Cold caches, so that the test-set run above does not speed up the timing.
    skeleton.cache_clear()
    skeleton_distance.cache_clear()
    started = time.perf_counter()
    findings = run_checks(pairs, CheckContext())
    checks_seconds = time.perf_counter() - started

    started = time.perf_counter()
    tokens = sum(
        len(BASELINE_PATTERN.findall(pair.source)) + len(BASELINE_PATTERN.findall(pair.target))
        for pair in pairs
    )
    baseline_seconds = time.perf_counter() - started
    print(f"\nspeed on {len(pairs)} segment pairs ({tokens} tokens):")
    print(f"  all checks:          {checks_seconds:8.3f} s  ({len(findings)} findings)")
    print(f"  baseline regex scan: {baseline_seconds:8.3f} s")
    print(f"  ratio checks/baseline: {checks_seconds / baseline_seconds:.0f}x")


if __name__ == "__main__":
    main()
