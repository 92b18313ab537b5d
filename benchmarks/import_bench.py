"""Importing 50,000 sentence pairs through the app's real path, against a bare sqlite3 insert.

Usage: .venv/bin/python benchmarks/import_bench.py [--pairs N] [--with-checks] [--only tsv|texts]

Sentence pairs are the demo article's sentences, numbered so that every pair differs. Four
timings, each into a fresh temporary SQLite database (migrated by this script):
  baseline   sqlite3 executemany of the same rows into a table shaped like the segments
  app table  the same, every column filled, into a copy of the app's own segment table
  tsv        one TSV file: read_bilingual + language check + services.document_create
  texts      two plain texts: read + align_document + language check + document_create
Peak memory is the process's peak resident size after each step (it only grows).
Before the timings, one import of a few pairs loads what a worker loads once in its life
(lingua's language models, Babel's locale data); its time is printed on its own line.
document_create queues the project's automatic checks; with --with-checks they run in the
timed import itself (the immediate task backend), else they are disabled.
"""

from __future__ import annotations

import argparse
import resource
import sqlite3
import time
from datetime import UTC, datetime

from _support import migrated_app_database

WORK = migrated_app_database("import-bench-", IMPORT_MAX_BYTES=str(1024 * 1024 * 1024))

from django.test import override_settings  # noqa: E402

from reviewapp import checks  # noqa: E402
from reviewapp.demo import DEMO_DIR  # noqa: E402
from reviewapp.models import Project, Segment  # noqa: E402
from reviewapp.segmentation import segment_document  # noqa: E402
from reviewapp.tasks import ImportFile, ImportFiles, ImportOptions, import_now  # noqa: E402


def peak_megabytes() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def demo_pairs(count: int) -> list[tuple[str, str]]:
    source = [
        s for p in segment_document((DEMO_DIR / "paris-talks.en.txt").read_text(), "en") for s in p
    ]
    target = [
        s for p in segment_document((DEMO_DIR / "paris-talks.ar.txt").read_text(), "ar") for s in p
    ]
    return [
        (f"{source[i % len(source)]} ({i})", f"{target[i % len(target)]} ({i})")
        for i in range(count)
    ]


def baseline(pairs: list[tuple[str, str]]) -> float:
    connection = sqlite3.connect(WORK / "baseline.sqlite3")
    connection.execute(
        "CREATE TABLE segment (id INTEGER PRIMARY KEY, translation_id INTEGER, position INTEGER,"
        " paragraph INTEGER, source_text TEXT, mt_text TEXT, text TEXT, version INTEGER,"
        " UNIQUE (translation_id, position))"
    )
    started = time.perf_counter()
    with connection:
        connection.executemany(
            "INSERT INTO segment (translation_id, position, paragraph, source_text, mt_text,"
            " text, version) VALUES (1, ?, ?, ?, ?, ?, 0)",
            ((i, i // 5, s, t, t) for i, (s, t) in enumerate(pairs)),
        )
    return time.perf_counter() - started


def baseline_on_app_table(pairs: list[tuple[str, str]]) -> float:
    """The same rows, every column filled, into a copy of the app's segment table: its
    constraints and indexes cost the database itself more than the bare table above."""
    with sqlite3.connect(WORK / "app.sqlite3") as app:
        schema = [
            sql
            for (sql,) in app.execute(
                "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL",
                (Segment._meta.db_table,),
            )
        ]
    connection = sqlite3.connect(WORK / "baseline-app-table.sqlite3")
    for statement in schema:
        connection.execute(statement)
    now = datetime.now(UTC).isoformat(" ")
    started = time.perf_counter()
    with connection:
        connection.executemany(
            f"INSERT INTO {Segment._meta.db_table} (translation_id, position, paragraph,"
            " source_text, mt_text, text, version, reference_text, approved_at,"
            " approved_by_id, esa_score, score_stats, updated_at)"
            " VALUES (1, ?, ?, ?, ?, ?, 0, '', NULL, NULL, NULL, NULL, ?)",
            ((i, i // 5, s, t, t, now) for i, (s, t) in enumerate(pairs)),
        )
    return time.perf_counter() - started


def import_files(pairs: list[tuple[str, str]]) -> dict[str, ImportFiles]:
    """The pairs as one TSV file, and as two plain texts of five sentences a paragraph."""
    tsv = "en\tar\n" + "".join(f"{s}\t{t}\n" for s, t in pairs)
    source_text = "\n\n".join(
        " ".join(s for s, _ in pairs[i : i + 5]) for i in range(0, len(pairs), 5)
    )
    target_text = "\n\n".join(
        " ".join(t for _, t in pairs[i : i + 5]) for i in range(0, len(pairs), 5)
    )
    return {
        "tsv": ImportFiles(bilingual=ImportFile("pairs.tsv", tsv.encode())),
        "texts": ImportFiles(
            source=ImportFile("en.txt", source_text.encode()),
            translation=ImportFile("ar.txt", target_text.encode()),
        ),
    }


def timed_import(project: Project, files: ImportFiles, title: str) -> tuple[float, int]:
    options = ImportOptions(title=title, source_lang="en", target_lang="ar")
    started = time.perf_counter()
    result = import_now(files, options, project=project, user=None)
    return time.perf_counter() - started, result.segment_count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=50_000)
    parser.add_argument("--with-checks", action="store_true")
    parser.add_argument("--only", choices=["tsv", "texts"])
    arguments = parser.parse_args()
    count = arguments.pairs
    project = Project.objects.create(
        name="Benchmark", disabled_checks=[] if arguments.with_checks else list(checks.CHECKS)
    )
    if arguments.with_checks:
        # override_settings, not assignment: the task backends are rebuilt on its signal.
        override_settings(
            TASKS={"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
        ).enable()
    pairs = demo_pairs(count)
    runs = import_files(pairs)
    if arguments.only:
        runs = {arguments.only: runs[arguments.only]}
    size = sum(files.total_bytes() for files in runs.values()) / 1e6
    print(f"{count} pairs; files {size:.1f} MB; temporary databases in {WORK}")
    warm_up_seconds = sum(
        timed_import(project, files, f"warm-up {name}")[0]
        for name, files in import_files(pairs[:10]).items()
    )
    print(f"warm-up   {warm_up_seconds:7.2f} s  (10 pairs each way; loads models once)")
    base_seconds = baseline(pairs)
    base_rate = count / base_seconds
    print(
        f"baseline  {base_seconds:7.2f} s  {base_rate:10.0f} pairs/s  peak {peak_megabytes():6.0f} MB"
    )
    table_seconds = baseline_on_app_table(pairs)
    table_rate = count / table_seconds
    print(
        f"app table {table_seconds:7.2f} s  {table_rate:10.0f} pairs/s  (baseline on the app's table)"
    )
    for name, files in runs.items():
        seconds, segments = timed_import(project, files, name)
        rate = segments / seconds
        print(
            f"{name:8}  {seconds:7.2f} s  {rate:10.0f} pairs/s  peak {peak_megabytes():6.0f} MB"
            f"  {rate / base_rate:6.1%} of baseline, {rate / table_rate:6.1%} of app table"
            f"  ({segments} segments)"
        )


if __name__ == "__main__":
    main()
