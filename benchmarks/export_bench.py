"""Export speed and memory per format at 10,000 and 100,000 segments.

Each (format, size) runs twice in fresh subprocesses, exporting synthetic
segments (the demo article's paragraphs, cycled, a third of them corrected and
flagged) to /dev/null.  The plain run gives the time and the growth of the
peak resident set during the export (ru_maxrss after minus before: it counts
lxml's and python-docx's C allocations, but reads 0 while the export stays
under the peak that imports left); the traced run gives tracemalloc's peak of
the Python heap.  A streaming format's peaks should not grow with the
document: the 100k/10k ratio of the heap peak should be near 1.
The baseline writes the same three text columns with csv.writer.

    .venv/bin/python benchmarks/export_bench.py [--sizes 10000 100000] [--formats csv tmx ...]
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Iterator
from datetime import UTC, datetime

from _support import demo_paragraphs

from reviewapp.exporters import EXPORTERS  # noqa: E402
from reviewapp.exporters.base import ExportFlag, ExportMeta, ExportSegment  # noqa: E402

BASELINE = "baseline-csv.writer"
META = ExportMeta(
    project="Benchmark",
    document_title="Paris talks",
    document_id="paris-talks",
    system_name="MT",
    source_lang="en",
    target_lang="ar",
    exported_by="bench",
    exported_at=datetime(2025, 1, 1, tzinfo=UTC),
)


def synthetic_segments(count: int) -> Iterator[ExportSegment]:
    sources, translations = demo_paragraphs("en"), demo_paragraphs("ar")
    for position in range(count):
        source = sources[position % len(sources)]
        translation = translations[position % len(translations)]
        edited = position % 3 == 0
        yield ExportSegment(
            position=position,
            paragraph=position // 3,
            source=source,
            machine_translation=translation,
            corrected=translation[::-1] if edited else None,
            approved=position % 2 == 0,
            flags=[ExportFlag("target", 0, 5, "mistranslation", "major", "wrong")]
            if edited
            else [],
            scores={"chrf": 50.0},
            editor="editor",
        )


def peak_rss_bytes() -> int:
    # Linux reports ru_maxrss in KiB.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def run_one(identifier: str, count: int, traced: bool) -> dict[str, float]:
    """Runs inside the subprocess: one export to /dev/null, timed or traced."""
    if traced:
        tracemalloc.start()
    before = peak_rss_bytes()
    started = time.perf_counter()
    written = 0
    with open("/dev/null", "wb") as sink:
        if identifier == BASELINE:
            with open("/dev/null", "w", encoding="utf-8", newline="") as text_sink:
                writer = csv.writer(text_sink)
                for segment in synthetic_segments(count):
                    writer.writerow(
                        (segment.source, segment.machine_translation, segment.corrected or "")
                    )
        else:
            for chunk in EXPORTERS[identifier]().stream(synthetic_segments(count), META):
                sink.write(chunk)
                written += len(chunk)
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "segments_per_second": count / seconds,
        "peak_growth_bytes": peak_rss_bytes() - before,
        "bytes_written": written,
        "traced_peak_bytes": tracemalloc.get_traced_memory()[1] if traced else 0,
    }


def child_run(identifier: str, count: int, traced: bool) -> dict[str, float]:
    completed = subprocess.run(
        [sys.executable, __file__, "--child", identifier, str(count), str(int(traced))],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(completed.stdout)


def measure(identifier: str, count: int) -> dict[str, float]:
    """Time and resident-set growth from a plain run, Python heap peak from a traced one."""
    result = child_run(identifier, count, traced=False)
    result["traced_peak_bytes"] = child_run(identifier, count, traced=True)["traced_peak_bytes"]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=[10_000, 100_000])
    parser.add_argument("--formats", nargs="*", default=[BASELINE, *EXPORTERS])
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        identifier, count, traced = arguments.child
        print(json.dumps(run_one(identifier, int(count), traced == "1")))
        return
    small, large = arguments.sizes
    print(
        f"{'format':<20} {'size':>7} {'seconds':>8} {'seg/s':>9} {'out MiB':>8} "
        f"{'heap MiB':>9} {'rss+ MiB':>9} {'heap ratio':>10} {'rss+ ratio':>10} {'vs base':>8}"
    )
    baseline_seconds: dict[int, float] = {}
    for identifier in arguments.formats:
        results = {size: measure(identifier, size) for size in (small, large)}
        if identifier == BASELINE:
            baseline_seconds = {size: results[size]["seconds"] for size in results}
        ratios = {
            key: results[large][key] / results[small][key] if results[small][key] else float("nan")
            for key in ("traced_peak_bytes", "peak_growth_bytes")
        }
        for size, result in results.items():
            shown = size == large
            versus = result["seconds"] / baseline_seconds[size] if baseline_seconds else 0.0
            print(
                f"{identifier:<20} {size:>7} {result['seconds']:>8.2f} "
                f"{result['segments_per_second']:>9.0f} {result['bytes_written'] / 2**20:>8.1f} "
                f"{result['traced_peak_bytes'] / 2**20:>9.2f} "
                f"{result['peak_growth_bytes'] / 2**20:>9.1f} "
                f"{ratios['traced_peak_bytes'] if shown else float('nan'):>10.2f} "
                f"{ratios['peak_growth_bytes'] if shown else float('nan'):>10.2f} "
                f"{versus:>7.1f}x"
            )


if __name__ == "__main__":
    main()
