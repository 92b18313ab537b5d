"""Language checks warn about wrong, identical and swapped languages, and stay quiet otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewapp.importers import check_languages, sample_text
from reviewapp.importers.languages import SAMPLE_CHARACTERS

DEMO = Path(__file__).parent.parent / "reviewapp" / "demo_data"
ENGLISH = (DEMO / "paris-talks.en.txt").read_text(encoding="utf-8")
ARABIC = (DEMO / "paris-talks.ar.txt").read_text(encoding="utf-8")
FRENCH = (
    "Les ministres syrien et israélien ont quitté une réunion à Paris en promettant "
    "d'apaiser les tensions entre les deux pays et de calmer les tensions confessionnelles."
)


@pytest.mark.parametrize(
    ("source", "target", "source_lang", "target_lang", "expected"),
    [
        (ENGLISH, ARABIC, "en", "ar", []),
        (ENGLISH, ARABIC, "en-GB", "ar_SA", []),
        (ENGLISH, FRENCH, "en", "fr", []),
        (ENGLISH, FRENCH, "en", "ar", ["The translation looks like French, not Arabic."]),
        (FRENCH, ARABIC, "en", "ar", ["The source looks like French, not English."]),
        (
            ARABIC,
            ENGLISH,
            "en",
            "ar",
            [
                "Source and translation look swapped: the source reads as Arabic "
                "and the translation as English."
            ],
        ),
        (
            ENGLISH,
            ENGLISH.replace("\n\n", "\n"),
            "en",
            "ar",
            ["The translation is identical to the source: it has not been translated."],
        ),
        (ENGLISH, ARABIC, "en", "fa", ["The translation looks like Arabic, not Persian."]),
        # Languages lingua does not know, and samples too short to judge, are not checked.
        (ENGLISH, ARABIC, "en", "tlh", []),
        ("Baku", "باكو", "ar", "en", []),
    ],
)
def test_check_languages(
    source: str, target: str, source_lang: str, target_lang: str, expected: list[str]
) -> None:
    assert check_languages(source, target, source_lang, target_lang) == expected


def test_sample_text_stops_at_the_limit() -> None:
    paragraphs = ARABIC.split("\n\n")
    sample = sample_text(paragraphs)
    assert len(sample) == SAMPLE_CHARACTERS
    assert sample.startswith(paragraphs[0] + "\n" + paragraphs[1])
    assert sample_text(paragraphs[:2]) == "\n".join(paragraphs[:2])
