"""All checks on a 10,000-segment document through services.document_run_checks.

Usage: python benchmarks/checks_app_bench.py [SEGMENTS]

Runs in a temporary SQLite database, on two documents: the demo article's paragraphs
cycled, and distinct segments recombined from names, numbers and phrases
(checks_bench.varied_texts). The documents are created first, with their findings, so
the timed run also replaces stored findings. The baseline, measured in the same run, is
the pure reviewapp.checks.run_checks on the same pairs without the database, so the
ratio is the cost of reading segments and writing findings. Target: under 10 s.

Both share a large document's name alignment among CHECK_PROCESSES processes, as the
app does (the setting's default: the cores, at most 4); CHECK_PROCESSES=1 measures one
process.

Then the time of each check on its own, in registry order with one context, as
run_checks runs them: work the checks share (splitting segments into words, aligning
names) counts for the first check that asks for it.
"""

import sys
import time
from itertools import cycle, islice

from _support import demo_paragraphs, migrated_app_database

migrated_app_database("checks-app-bench-")

from checks_bench import varied_texts  # noqa: E402
from django.conf import settings  # noqa: E402

from reviewapp import checks, services  # noqa: E402
from reviewapp.checks.names import clear_run_cache  # noqa: E402
from reviewapp.models import CheckFinding, Project  # noqa: E402
from reviewapp.transliteration import clear_distance_cache, skeleton  # noqa: E402


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    demo = list(zip(demo_paragraphs("en"), demo_paragraphs("ar"), strict=True))
    documents = {
        "demo paragraphs cycled": list(islice(cycle(demo), size)),
        "distinct segments": varied_texts(size),
    }
    project = Project.objects.create(name="Benchmark")
    print(f"segments: {size}, CHECK_PROCESSES: {settings.CHECK_PROCESSES}")
    for title, texts in documents.items():
        measure(project, title, texts)


def cold_caches() -> None:
    """Empty the caches a run fills, so that an earlier run does not speed up the next."""
    skeleton.cache_clear()
    clear_distance_cache()
    clear_run_cache()


def measure(project: Project, title: str, texts: list[tuple[str, str]]) -> None:
    pairs = [
        services.SegmentPair(number // 5, source, target)
        for number, (source, target) in enumerate(texts)
    ]
    document = services.document_create(
        project=project,
        title=title,
        source_lang="en",
        target_lang="ar",
        pairs=pairs,
        user=None,
    )
    pure_pairs = [
        checks.SegmentPair(position, pair.source, pair.target, "en", "ar")
        for position, pair in enumerate(pairs)
    ]
    # Cold caches for both runs: creating the document already ran the checks.
    cold_caches()
    started = time.perf_counter()
    baseline_count = len(
        checks.run_checks(pure_pairs, checks.CheckContext(processes=settings.CHECK_PROCESSES))
    )
    baseline = time.perf_counter() - started
    cold_caches()
    started = time.perf_counter()
    stored = services.document_run_checks(document=document)
    app = time.perf_counter() - started
    assert stored == CheckFinding.objects.filter(segment__translation__document=document).count()
    print(f"\n{title}:")
    print(f"  baseline (pure run_checks, no database): {baseline:.2f} s, {baseline_count} findings")
    print(f"  document_run_checks (read, check, replace rows): {app:.2f} s, {stored} findings")
    print(f"  ratio app / baseline: {app / baseline:.2f}")
    print(f"  target < 10 s: {'met' if app < 10 else 'MISSED'}")
    print_check_times(pure_pairs)


def print_check_times(pairs: list[checks.SegmentPair]) -> None:
    cold_caches()
    context = checks.CheckContext(processes=settings.CHECK_PROCESSES)
    print("  each check on its own (pure run_checks):")
    total = 0.0
    for check_id in checks.CHECKS:
        started = time.perf_counter()
        found = checks.run_checks(pairs, context, disabled=set(checks.CHECKS) - {check_id})
        seconds = time.perf_counter() - started
        total += seconds
        print(f"    {check_id:<14}{seconds:6.2f} s {len(found):7} findings")
    print(f"    {'all':<14}{total:6.2f} s")


if __name__ == "__main__":
    main()
