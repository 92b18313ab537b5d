"""Sentence alignment quality and speed: our aligner against the Gale-Church baseline.

Usage: python benchmarks/alignment_bench.py [--textberg /work/shared/benchmarks/text-berg-de-fr]

Prints strict and lax precision, recall and F1 summed over the documents of each gold
set (Text+Berg German-French when its folder is given, and the English-Arabic gold sets
in tests/data/alignment), then the time to align two 10,000-sentence texts synthesised
from the English-Arabic pairs. The baseline runs in the same process on the same input.

Each gold set is split once: the development half is what the aligner's parameters
were chosen on, the held-out half was never looked at while choosing them (Text+Berg
documents 4-6; the English-Arabic documents built from heldout_pool_*.tsv). Figures
are printed for each half and for all documents.
"""

import argparse
import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reviewapp.alignment import (  # noqa: E402
    Link,
    align_sentences,
    gale_church,
    parse_links,
    score_alignments,
)

GOLD = ROOT / "tests" / "data" / "alignment"
ENGLISH_ARABIC_DEVELOPMENT = ("paris-talks.paragraphs", "paris-talks.block", "news-a", "news-b")
ENGLISH_ARABIC_HELD_OUT = ("heldout-sport-weather", "heldout-economy-science")
TEXT_BERG_DEVELOPMENT = range(4)
TEXT_BERG_HELD_OUT = range(4, 7)
SYNTHETIC_SENTENCES = 10_000

Document = tuple[list[str], list[str], list[Link]]
Aligner = Callable[[list[str], list[str]], list[Link]]


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def gold_document(stem: Path, source_lang: str, target_lang: str) -> Document:
    return (
        read_lines(stem.with_name(f"{stem.name}.{source_lang}")),
        read_lines(stem.with_name(f"{stem.name}.{target_lang}")),
        parse_links(
            stem.with_name(f"{stem.name}.{source_lang}{target_lang}").read_text(encoding="utf-8")
        ),
    )


def text_berg(folder: Path, numbers: range) -> list[Document]:
    return [gold_document(folder / f"test{number}", "de", "fr") for number in numbers]


def english_arabic(names: tuple[str, ...]) -> list[Document]:
    return [gold_document(GOLD / name, "en", "ar") for name in names]


def aligners(source_lang: str, target_lang: str) -> dict[str, Aligner]:
    return {
        "ours": lambda source, target: align_sentences(source, target, source_lang, target_lang),
        "gale-church": lambda source, target: gale_church(
            [len(sentence) for sentence in source], [len(sentence) for sentence in target]
        ),
    }


def report(title: str, documents: list[Document], source_lang: str, target_lang: str) -> None:
    sentences = sum(len(source) + len(target) for source, target, _ in documents)
    print(f"\n{title}: {len(documents)} documents, {sentences} sentences")
    print(
        f"{'aligner':<12} {'strict P':>8} {'R':>6} {'F1':>6}   {'lax P':>6} {'R':>6} {'F1':>6}  time"
    )
    results: dict[str, float] = {}
    for name, align in aligners(source_lang, target_lang).items():
        started = time.perf_counter()
        links = [align(source, target) for source, target, _ in documents]
        elapsed = time.perf_counter() - started
        scores = score_alignments([gold for _, _, gold in documents], links)
        results[name] = scores.strict_f1
        print(
            f"{name:<12} {scores.strict_precision:8.4f} {scores.strict_recall:6.4f} "
            f"{scores.strict_f1:6.4f}   {scores.lax_precision:6.4f} {scores.lax_recall:6.4f} "
            f"{scores.lax_f1:6.4f}  {elapsed:.2f} s"
        )
    print(f"strict F1 ratio ours / gale-church: {results['ours'] / results['gale-church']:.3f}")


def synthetic_document(pairs: list[tuple[str, str]], size: int, seed: int) -> Document:
    """About `size` sentences a side: the pairs repeated with new numbers, some dropped
    on one side and some merged onto one line, so no stretch of the text repeats exactly."""
    rng = random.Random(seed)
    source: list[str] = []
    target: list[str] = []
    links: list[Link] = []
    while len(source) < size:
        english, arabic = pairs[rng.randrange(len(pairs))]
        numbers = {number: str(rng.randrange(2, 5000)) for number in re.findall(r"\d+", english)}
        for old, new in numbers.items():
            english = re.sub(rf"\b{old}\b", new, english)
            arabic = re.sub(rf"\b{old}\b", new, arabic)
        roll = rng.random()
        if roll < 0.03:
            links.append(((len(source),), ()))
            source.append(english)
        elif roll < 0.06:
            links.append(((), (len(target),)))
            target.append(arabic)
        elif roll < 0.11 and links and links[-1][0] and len(links[-1][1]) == 1:
            # The translation of this sentence joins the previous target line.
            previous_source, previous_target = links[-1]
            links[-1] = (previous_source + (len(source),), previous_target)
            source.append(english)
            target[-1] = f"{target[-1]} {arabic}"
        else:
            links.append(((len(source),), (len(target),)))
            source.append(english)
            target.append(arabic)
    return source, target, links


def one_to_one_pairs(documents: list[Document]) -> list[tuple[str, str]]:
    return [
        (source[s[0]], target[t[0]])
        for source, target, links in documents
        for s, t in links
        if len(s) == len(t) == 1
    ]


def report_halves(
    title: str,
    development: list[Document],
    held_out: list[Document],
    source_lang: str,
    target_lang: str,
) -> None:
    report(f"{title}, development", development, source_lang, target_lang)
    report(f"{title}, held out", held_out, source_lang, target_lang)
    report(f"{title}, all", development + held_out, source_lang, target_lang)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--textberg", type=Path, help="folder with test0.de .. test6.defr")
    arguments = parser.parse_args()
    if arguments.textberg:
        report_halves(
            "Text+Berg de-fr",
            text_berg(arguments.textberg, TEXT_BERG_DEVELOPMENT),
            text_berg(arguments.textberg, TEXT_BERG_HELD_OUT),
            "de",
            "fr",
        )
    arabic_development = english_arabic(ENGLISH_ARABIC_DEVELOPMENT)
    arabic_held_out = english_arabic(ENGLISH_ARABIC_HELD_OUT)
    report_halves("English-Arabic", arabic_development, arabic_held_out, "en", "ar")
    synthetic = synthetic_document(
        one_to_one_pairs(arabic_development), SYNTHETIC_SENTENCES, seed=7
    )
    report(
        f"Synthetic English-Arabic, {len(synthetic[0])} x {len(synthetic[1])} sentences",
        [synthetic],
        "en",
        "ar",
    )


if __name__ == "__main__":
    main()
