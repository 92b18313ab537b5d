"""Export through the whole app: database -> view -> exporter -> bytes, at 10,000 and 100,000 segments.

A temporary SQLite database is filled with a document of the demo article's
paragraphs, cycled (a third corrected and flagged, half approved).  Each
format is downloaded through the export view with Django's test client and
every streamed byte consumed.  Time is measured in one pass, peak Python
memory (tracemalloc) in a second, so tracing does not slow the timing.  The
baseline reads the same rows with sqlite3 and writes them with csv.writer,
in the same run.  A streaming path's peak should not grow with the document:
the 100k/10k ratio of the peaks should stay near 1.

    .venv/bin/python benchmarks/export_view_bench.py [--sizes 10000 100000] [--formats csv tmx ...]
"""

from __future__ import annotations

import argparse
import csv
import sqlite3
import time
import tracemalloc
from collections.abc import Callable

from _support import demo_paragraphs, migrated_app_database

DATABASE = migrated_app_database("export-view-bench-", ALLOWED_HOSTS="testserver") / "app.sqlite3"

from django.contrib.auth.models import User  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from reviewapp.models import Document, Flag, Project, Segment, Translation  # noqa: E402

BASELINE = "baseline: sqlite3 + csv.writer"


class DiscardingWriter:
    def write(self, text: str) -> int:
        return len(text)


def fill(project: Project, admin: User, count: int) -> Translation:
    document = Document.objects.create(
        project=project, title=f"Paris talks x{count}", source_lang="en", target_lang="ar"
    )
    translation = Translation.objects.create(document=document)
    sources, targets = demo_paragraphs("en"), demo_paragraphs("ar")
    segments = []
    for position in range(count):
        target = targets[position % len(targets)]
        edited = position % 3 == 0
        segments.append(
            Segment(
                translation=translation,
                position=position,
                paragraph=position // 3,
                source_text=sources[position % len(sources)],
                mt_text=target,
                text=target[::-1] if edited else target,
                version=1 if edited else 0,
                approved_by=admin if position % 2 == 0 else None,
                approved_at=document.created_at if position % 2 == 0 else None,
            )
        )
    Segment.objects.bulk_create(segments, batch_size=5000)
    flagged = Segment.objects.filter(translation=translation, version=1).values_list("pk", "text")
    Flag.objects.bulk_create(
        (
            Flag(segment_id=pk, made_on_version=1, made_start=0, made_end=5, start=0, end=5,
                 quote=text[:5], category="mistranslation", severity="major", author=admin)
            for pk, text in flagged.iterator()
        ),
        batch_size=5000,
    )  # fmt: skip
    return translation


def through_the_view(client: Client, document_id: int, identifier: str) -> Callable[[], int]:
    def run() -> int:
        url = reverse("document_export", args=[document_id])
        response = client.get(url, {"format": identifier})
        assert response.status_code == 200, response.status_code
        return sum(len(chunk) for chunk in response.streaming_content)

    return run


def baseline(translation_id: int) -> Callable[[], int]:
    def run() -> int:
        connection = sqlite3.connect(DATABASE)
        rows = connection.execute(
            "SELECT position, source_text, mt_text, text FROM reviewapp_segment "
            "WHERE translation_id = ? ORDER BY position",
            (translation_id,),
        )
        writer = csv.writer(DiscardingWriter())
        written = 0
        for row in rows:
            written += writer.writerow(row)
        connection.close()
        return written

    return run


def measure(run: Callable[[], int]) -> tuple[float, int, int]:
    """Seconds (untraced), peak traced bytes, bytes produced."""
    started = time.perf_counter()
    produced = run()
    seconds = time.perf_counter() - started
    tracemalloc.start()
    run()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak, produced


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--formats", nargs="+", default=["csv", "tmx", "xliff20", "jsonl", "mqm"])
    args = parser.parse_args()

    admin = User.objects.create_user("bench", is_staff=True, is_superuser=True)
    project = Project.objects.create(name="Benchmark")
    client = Client()
    client.force_login(admin)

    results: dict[tuple[str, int], tuple[float, int, int]] = {}
    for size in args.sizes:
        translation = fill(project, admin, size)
        results[BASELINE, size] = measure(baseline(translation.pk))
        for identifier in args.formats:
            run = through_the_view(client, translation.document_id, identifier)
            results[identifier, size] = measure(run)

    names = [BASELINE, *args.formats]
    print(f"{'path':<32}{'segments':>10}{'seconds':>10}{'MB out':>9}{'peak MiB':>10}"
          f"{'x baseline time':>17}{'x baseline peak':>17}")  # fmt: skip
    for size in args.sizes:
        base_seconds, base_peak, _ = results[BASELINE, size]
        for name in names:
            seconds, peak, produced = results[name, size]
            print(
                f"{name:<32}{size:>10}{seconds:>10.2f}{produced / 1e6:>9.1f}"
                f"{peak / 2**20:>10.2f}{seconds / base_seconds:>17.1f}{peak / base_peak:>17.1f}"
            )
    if len(args.sizes) > 1:
        small, large = min(args.sizes), max(args.sizes)
        print(f"\npeak memory growth {large:,} vs {small:,} segments (1.0 = flat):")
        for name in names:
            print(f"  {name:<30}{results[name, large][1] / results[name, small][1]:>6.2f}")
    DATABASE.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
