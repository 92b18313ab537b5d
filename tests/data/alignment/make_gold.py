"""Builds the English-Arabic gold alignments in this folder from parallel sentence pairs.

Run from the repository root: python tests/data/alignment/make_gold.py
The pairs are the demo article's paragraphs and news_pool.tsv (the development
documents news-a and news-b), and the heldout_pool_*.tsv files (the held-out documents
heldout-*, on other topics, never used to choose the aligner's parameters). Each
document merges, drops and regroups its pairs with a fixed seed, so the files are
reproducible.
"""

import random
from pathlib import Path

from reviewapp.alignment import Link, format_links
from reviewapp.segmentation import split_paragraphs

HERE = Path(__file__).resolve().parent
DEMO = HERE.parent.parent.parent / "reviewapp" / "demo_data"


def read_pool(path: Path) -> list[tuple[str, str]]:
    return [
        (english, arabic)
        for english, arabic in (
            line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
        )
    ]


def parallel_units() -> list[tuple[str, str]]:
    english = split_paragraphs((DEMO / "paris-talks.en.txt").read_text(encoding="utf-8"))
    arabic = split_paragraphs((DEMO / "paris-talks.ar.txt").read_text(encoding="utf-8"))
    return list(zip(english, arabic, strict=True)) + read_pool(HERE / "news_pool.tsv")


def build(units: list[tuple[str, str]], seed: int) -> tuple[list[str], list[str], list[Link]]:
    """Source lines, target lines and gold links after random merges and drops.

    A merge puts two or three consecutive sentences of one side on one line, as a
    segmenter that missed a boundary would; a drop leaves a sentence untranslated.
    """
    rng = random.Random(seed)
    source: list[str] = []
    target: list[str] = []
    links: list[Link] = []
    position = 0
    while position < len(units):
        roll = rng.random()
        group = 1
        if roll < 0.16 and position + 1 < len(units):
            group = 3 if roll < 0.015 and position + 2 < len(units) else 2
        chunk = units[position : position + group]
        english = [en for en, _ in chunk]
        arabic = [ar for _, ar in chunk]
        if group > 1 and roll < 0.09:
            arabic = [" ".join(arabic)]
        elif group > 1:
            english = [" ".join(english)]
        elif 0.16 <= roll < 0.19:
            arabic = []
        elif 0.19 <= roll < 0.22:
            english = []
        links.append(
            (
                tuple(range(len(source), len(source) + len(english))),
                tuple(range(len(target), len(target) + len(arabic))),
            )
        )
        source.extend(english)
        target.extend(arabic)
        position += group
    return source, target, links


def main() -> None:
    units = parallel_units()
    reordered = units[21:] + units[:21]
    documents = (
        ("news-a", units, 1),
        ("news-b", reordered, 2),
        ("heldout-sport-weather", read_pool(HERE / "heldout_pool_sport_weather.tsv"), 3),
        ("heldout-economy-science", read_pool(HERE / "heldout_pool_economy_science.tsv"), 4),
    )
    for name, document_units, seed in documents:
        source, target, links = build(document_units, seed)
        (HERE / f"{name}.en").write_text("\n".join(source) + "\n", encoding="utf-8")
        (HERE / f"{name}.ar").write_text("\n".join(target) + "\n", encoding="utf-8")
        (HERE / f"{name}.enar").write_text(format_links(links), encoding="utf-8")


if __name__ == "__main__":
    main()
