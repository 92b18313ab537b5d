"""Importer speed per format, and lingua's low-accuracy mode against its default.

Usage: PYTHONPATH=. .venv/bin/python benchmarks/import_bench_formats.py [TEXT_BERG_DIR]

TEXT_BERG_DIR (e.g. /work/shared/benchmarks/text-berg-de-fr) adds a German/French
per-sentence detection accuracy to the demo article's English/Arabic one.

Baselines, measured in the same run: for parsing, splitting the same pairs out of a
UTF-8 TSV with str.split (the least any importer must do); for language detection,
lingua's default (high accuracy) mode. Each lingua mode runs in a fresh process so that
model loading is measured, not shared.
"""

from __future__ import annotations

import multiprocessing
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from _support import demo_paragraphs
from lingua import Language, LanguageDetectorBuilder

from reviewapp.exporters import EXPORTERS, ExportMeta, ExportOptions, ExportSegment
from reviewapp.importers import check_languages, decode_text, read_bilingual, sample_text
from reviewapp.importers.languages import COMMON_LANGUAGE_CODES, lingua_language

TARGET_BYTES = 5 * 1024 * 1024
BILINGUAL_EXPORTS = ("tsv", "csv", "jsonl", "tmx", "xliff12", "xliff20")


def best_of(repeats: int, action: Callable[[], object]) -> float:
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return min(timings)


def big_segments() -> list[ExportSegment]:
    english, arabic = demo_paragraphs("en"), demo_paragraphs("ar")
    per_copy = sum(len(e.encode()) + len(a.encode()) for e, a in zip(english, arabic, strict=True))
    segments = []
    for copy in range(TARGET_BYTES // per_copy + 1):
        for index, (source, target) in enumerate(zip(english, arabic, strict=True)):
            position = copy * len(english) + index
            segments.append(ExportSegment(position, position, source, target))
    return segments


def bench_formats() -> None:
    segments = big_segments()
    meta = ExportMeta("bench", "Paris talks", "d1", "mt", "en", "ar", "bench", datetime.now(UTC))
    files = {
        identifier: b"".join(EXPORTERS[identifier]().stream(segments, meta, ExportOptions()))
        for identifier in BILINGUAL_EXPORTS
    }
    tsv_text = files["tsv"]

    def baseline() -> list[list[str]]:
        return [line.split("\t") for line in tsv_text.decode("utf-8").split("\n")]

    base = best_of(3, baseline)
    print(f"Parsing {len(segments)} pairs; baseline str.split on {len(tsv_text) / 1e6:.1f} MB TSV")
    print(f"  {'baseline':10} {base * 1000:8.1f} ms  ratio 1.00")
    for identifier, data in files.items():
        limit = len(data) + 1
        document = read_bilingual(f"bench.{identifier}", data, max_bytes=limit)
        assert len(document) == len(segments), identifier
        took = best_of(3, lambda d=data, n=identifier, m=limit: read_bilingual(n, d, max_bytes=m))
        rate = len(data) / took / 1e6
        print(
            f"  {identifier:10} {took * 1000:8.1f} ms  ratio {took / base:6.2f}"
            f"  ({len(data) / 1e6:.1f} MB, {rate:.1f} MB/s)"
        )
    arabic_text = "\n\n".join(demo_paragraphs("ar"))
    copies = TARGET_BYTES // len(arabic_text.encode("cp1256"))
    legacy = ("\n\n".join([arabic_text] * copies)).encode("cp1256")
    utf8 = legacy.decode("cp1256").encode("utf-8")
    utf8_time = best_of(3, lambda: decode_text(utf8))
    legacy_time = best_of(3, lambda: decode_text(legacy))
    print(
        f"Decoding {len(legacy) / 1e6:.1f} MB Arabic: UTF-8 {utf8_time * 1000:.1f} ms (baseline), "
        f"windows-1256 by detection {legacy_time * 1000:.1f} ms, ratio {legacy_time / utf8_time:.2f}"
    )


def detection_run(low_accuracy: bool, samples: list[tuple[str, str]]) -> tuple[float, float, float]:
    """(build plus first detection s, mean detection s, accuracy) in a fresh process."""
    languages = [lingua_language(code) for code in COMMON_LANGUAGE_CODES]
    started = time.perf_counter()
    builder = LanguageDetectorBuilder.from_languages(*[lang for lang in languages if lang])
    detector = (builder.with_low_accuracy_mode() if low_accuracy else builder).build()
    detector.detect_language_of(samples[0][0])
    first = time.perf_counter() - started
    started = time.perf_counter()
    found = [detector.detect_language_of(text) for text, _ in samples]
    mean = (time.perf_counter() - started) / len(samples)
    correct = sum(
        language is not None and language == Language.from_str(expected)
        for language, (_, expected) in zip(found, samples, strict=True)
    )
    return first, mean, correct / len(samples)


def bench_detection(label: str, samples: list[tuple[str, str]]) -> None:
    context = multiprocessing.get_context("spawn")
    results = {}
    for low_accuracy in (False, True):
        with context.Pool(1) as pool:
            results[low_accuracy] = pool.apply(detection_run, (low_accuracy, samples))
    (base_first, base_mean, base_accuracy) = results[False]
    (low_first, low_mean, low_accuracy_share) = results[True]
    print(f"lingua on {label} ({len(samples)} samples):")
    print(
        f"  high accuracy (baseline): load+first {base_first * 1000:.0f} ms, "
        f"{base_mean * 1000:.2f} ms/sample, accuracy {base_accuracy:.3f}"
    )
    print(
        f"  low accuracy: load+first {low_first * 1000:.0f} ms "
        f"(ratio {low_first / base_first:.2f}), {low_mean * 1000:.2f} ms/sample "
        f"(ratio {low_mean / base_mean:.2f}), accuracy {low_accuracy_share:.3f}"
    )


def text_berg_samples(folder: Path) -> list[tuple[str, str]]:
    samples = []
    for path in sorted(folder.glob("test*.de")) + sorted(folder.glob("test*.fr")):
        expected = "german" if path.suffix == ".de" else "french"
        lines = path.read_text(encoding="utf-8").splitlines()
        samples.extend((line, expected) for line in lines if line.strip())
    return samples


def bench_check_languages() -> None:
    english, arabic = demo_paragraphs("en"), demo_paragraphs("ar")
    source, target = sample_text(english * 50), sample_text(arabic * 50)
    check_languages(source, target, "en", "ar")
    took = best_of(5, lambda: check_languages(source, target, "en", "ar"))
    print(f"check_languages on {len(source)}-character samples (warm): {took * 1000:.2f} ms")


def main() -> None:
    bench_formats()
    english, arabic = demo_paragraphs("en"), demo_paragraphs("ar")
    demo = [(text, "english") for text in english] + [(text, "arabic") for text in arabic]
    bench_detection("demo paragraphs, en/ar", demo)
    if len(sys.argv) > 1:
        bench_detection("Text+Berg sentences, de/fr", text_berg_samples(Path(sys.argv[1])))
    bench_check_languages()


if __name__ == "__main__":
    main()
