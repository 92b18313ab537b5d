"""Importing 50,000 sentence pairs through the app's real path, against a bare sqlite3 insert.

Usage: .venv/bin/python benchmarks/import_bench.py [--pairs N] [--repeat N] [--with-checks]
       [--only tsv|texts]

Sentence pairs are the demo article's sentences, numbered so that every pair differs. Five
timings, each into a fresh SQLite database (a copy of one migrated by this script):
  baseline   sqlite3 executemany of the same rows into a table shaped like the segments
  app table  the same, every column filled, into a copy of the app's own segment table
  tsv        one TSV file: read_bilingual + language check + services.document_create
  texts      two plain texts (five sentences a paragraph): read + split into sentences +
             align + language check + document_create
  floor      "texts, no alignment (floor)": the same sentences as two plain texts, one a
             paragraph, through the same import path with sentence splitting and alignment
             swapped for a trivial pairing (paragraphs split at blank lines, zipped one to
             one): what the rest of the two-text import (decode, language check, insert,
             commit) costs for the same 50,000 rows, which no aligner can remove.
Each repetition times the baselines and then each import, so that both see the same load;
the best (minimum) and the median of the repetitions are printed, and the ratios are those
of the best times. Peak memory is the process's peak resident size (it only grows) read
after each path's first run, so it includes everything the process held before.
Before the timings, one import of a few pairs loads what a worker loads once in its life
(lingua's language models, Babel's locale data); its time is printed on its own line.
document_create queues the project's automatic checks; with --with-checks they run in the
timed import itself (the immediate task backend), else they are disabled.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sqlite3
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from datetime import UTC, datetime
from pathlib import Path
from unittest import mock

from _support import migrated_app_database

WORK = migrated_app_database("import-bench-", IMPORT_MAX_BYTES=str(1024 * 1024 * 1024))

from django.db import connections  # noqa: E402
from django.test import override_settings  # noqa: E402

from reviewapp import checks, tasks  # noqa: E402
from reviewapp.alignment import AlignedSegment  # noqa: E402
from reviewapp.demo import DEMO_DIR  # noqa: E402
from reviewapp.models import Project, Segment  # noqa: E402
from reviewapp.segmentation import segment_document  # noqa: E402
from reviewapp.tasks import ImportFile, ImportFiles, ImportOptions, import_now  # noqa: E402

FLOOR = "texts, no alignment (floor)"


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


def remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def baseline(pairs: list[tuple[str, str]], path: Path) -> float:
    connection = sqlite3.connect(path)
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
    seconds = time.perf_counter() - started
    connection.close()
    return seconds


def baseline_on_app_table(pairs: list[tuple[str, str]], path: Path) -> float:
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
    connection = sqlite3.connect(path)
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
    seconds = time.perf_counter() - started
    connection.close()
    return seconds


def tsv_file(pairs: list[tuple[str, str]]) -> ImportFiles:
    tsv = "en\tar\n" + "".join(f"{s}\t{t}\n" for s, t in pairs)
    return ImportFiles(bilingual=ImportFile("pairs.tsv", tsv.encode()))


def text_files(pairs: list[tuple[str, str]], per_paragraph: int) -> ImportFiles:
    source, target = (
        "\n\n".join(
            " ".join(pair[side] for pair in pairs[i : i + per_paragraph])
            for i in range(0, len(pairs), per_paragraph)
        )
        for side in (0, 1)
    )
    return ImportFiles(
        source=ImportFile("en.txt", source.encode()),
        translation=ImportFile("ar.txt", target.encode()),
    )


# Each path's files are made just before its import and dropped after it, so that an
# import's peak memory holds its own files only.
IMPORTS: dict[str, Callable[[list[tuple[str, str]]], ImportFiles]] = {
    "tsv": tsv_file,
    "texts": lambda pairs: text_files(pairs, 5),
    FLOOR: lambda pairs: text_files(pairs, 1),
}


def paragraphs_as_sentences(text: str, lang: str) -> list[list[str]]:
    """Stands in for segment_document in the floor: the reader joins paragraphs with
    one blank line, and each paragraph is taken as one sentence, unsplit."""
    return [[paragraph] for paragraph in text.split("\n\n")]


def zipped(
    source: list[list[str]], target: list[list[str]], source_lang: str, target_lang: str
) -> list[AlignedSegment]:
    """Stands in for align_segmented in the floor: paragraph i with paragraph i."""
    return [
        AlignedSegment(number, source_paragraph, target_paragraph)
        for number, ([source_paragraph], [target_paragraph]) in enumerate(
            zip(source, target, strict=True)
        )
    ]


@contextmanager
def without_alignment() -> Iterator[None]:
    # Monkeypatched here, in the benchmark only: the app's import path runs as it is,
    # with the names tasks.py calls for splitting and aligning bound to trivial stand-ins
    # for the length of the timed import. The app has no hook for this.
    with (
        mock.patch.object(tasks, "segment_document", paragraphs_as_sentences),
        mock.patch.object(tasks, "align_segmented", zipped),
    ):
        yield


@contextmanager
def fresh_app_database(template: Path, path: Path) -> Iterator[None]:
    """The app's database switched to a copy of `template` for the block, then removed."""
    connection = connections["default"]
    connection.close()
    shutil.copyfile(template, path)
    connection.settings_dict["NAME"] = str(path)
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["NAME"] = str(template)
        remove_database(path)


def timed_import(project: Project, files: ImportFiles, title: str) -> tuple[float, int]:
    options = ImportOptions(title=title, source_lang="en", target_lang="ar")
    started = time.perf_counter()
    result = import_now(files, options, project=project, user=None)
    return time.perf_counter() - started, result.segment_count


class Timings:
    """Seconds of each path's runs, its row count, its files' size and the process's
    peak after its first run."""

    def __init__(self) -> None:
        self.seconds: dict[str, list[float]] = {}
        self.rows: dict[str, int] = {}
        self.megabytes: dict[str, float] = {}
        self.peaks: dict[str, float] = {}

    def add(self, name: str, seconds: float, rows: int, megabytes: float = 0.0) -> None:
        self.seconds.setdefault(name, []).append(seconds)
        self.rows[name] = rows
        self.megabytes[name] = megabytes
        self.peaks.setdefault(name, peak_megabytes())

    def best(self, name: str) -> float:
        return min(self.seconds[name])

    def median(self, name: str) -> float:
        return statistics.median(self.seconds[name])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each path (default 3)")
    parser.add_argument("--with-checks", action="store_true")
    parser.add_argument(
        "--only", choices=["tsv", "texts"], help="texts also runs the floor beside it"
    )
    arguments = parser.parse_args()
    if arguments.repeat < 1:
        parser.error("--repeat must be at least 1")
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
    runs = {
        name: make
        for name, make in IMPORTS.items()
        if arguments.only is None or (name == "tsv") == (arguments.only == "tsv")
    }
    print(f"{count} pairs; {arguments.repeat} runs of each path; temporary databases in {WORK}")
    warm_up_seconds = sum(
        timed_import(project, make(pairs[:10]), f"warm-up {name}")[0] for name, make in runs.items()
    )
    print(f"warm-up   {warm_up_seconds:7.2f} s  (10 pairs each way; loads models once)")
    # Every import starts from a copy of the database as it is now: migrated, with the
    # project and the warm-up's documents.
    connections["default"].close()
    template = WORK / "app.sqlite3"
    timings = Timings()
    baselines: dict[str, Callable[[list[tuple[str, str]], Path], float]] = {
        "baseline": baseline,
        "app table": baseline_on_app_table,
    }
    for run in range(1, arguments.repeat + 1):
        line = []
        for name, insert in baselines.items():
            path = WORK / f"{name.replace(' ', '-')}-{run}.sqlite3"
            timings.add(name, insert(pairs, path), count)
            remove_database(path)
            line.append(f"{name} {timings.seconds[name][-1]:.2f} s")
        for name, make in runs.items():
            files = make(pairs)
            path = WORK / f"import-{run}.sqlite3"
            swapped = without_alignment() if name == FLOOR else nullcontext()
            with fresh_app_database(template, path), swapped:
                seconds, segments = timed_import(project, files, name)
            timings.add(name, seconds, segments, files.total_bytes() / 1e6)
            del files
            line.append(f"{name} {seconds:.2f} s")
        print(f"run {run}: " + ", ".join(line))
    base_rate = count / timings.best("baseline")
    table_rate = count / timings.best("app table")
    print(
        f"\n{'path':28} {'best s':>7} {'median s':>8} {'rows/s':>9} {'of baseline':>11}"
        f" {'of app table':>12} {'rows':>6} {'files MB':>8} {'peak MB':>7}"
    )
    for name in timings.seconds:
        rate = timings.rows[name] / timings.best(name)
        shares = (
            f"{rate / base_rate:11.1%} {rate / table_rate:12.1%}"
            if name not in baselines
            else " " * 24
        )
        size = f"{timings.megabytes[name]:8.1f}" if name not in baselines else " " * 8
        print(
            f"{name:28} {timings.best(name):7.2f} {timings.median(name):8.2f} {rate:9.0f}"
            f" {shares} {timings.rows[name]:6} {size}"
            f" {timings.peaks[name]:7.0f}"
        )
    if "texts" in timings.seconds and FLOOR in timings.seconds:
        print(
            f"floor / texts, best times: {timings.best(FLOOR) / timings.best('texts'):.1%}"
            f" (medians {timings.median(FLOOR) / timings.median('texts'):.1%})"
        )
    print(
        "Ratios from the best times. Peak: the process's peak resident size after the"
        " path's first run (it only grows)."
    )


if __name__ == "__main__":
    main()
