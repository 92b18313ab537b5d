"""Language plausibility checks with lingua (its models ship inside the wheel).

Findings are warnings for the user, never errors: detection on short or mixed text can be
wrong, and the editor knows best.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from babel import Locale, UnknownLocaleError
from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

# Detection reads only this much of each side: plenty for a verdict, and about 10 ms a
# check whatever the size of the file.
SAMPLE_CHARACTERS = 1000
# Below this, lingua's guesses on a single phrase are too often wrong to bother the user.
MIN_SAMPLE_CHARACTERS = 20

# Languages a newsroom is likely to publish in. Restricting the set makes detection faster
# and steadier; languages declared by a document are added to it when lingua knows them.
COMMON_LANGUAGE_CODES = (
    "ar", "bn", "de", "el", "en", "es", "fa", "fr", "he", "hi", "id", "it", "ja", "ko",
    "nl", "pl", "pt", "ru", "sv", "sw", "tr", "uk", "ur", "vi", "zh",
)  # fmt: skip


def lingua_language(code: str) -> Language | None:
    """The lingua language for a BCP 47 code such as "ar" or "pt-BR", if lingua has it."""
    primary = code.strip().replace("_", "-").split("-", 1)[0].lower()
    try:
        return Language.from_iso_code_639_1(IsoCode639_1.from_str(primary))
    except ValueError:
        return None


@cache
def detector_for(languages: frozenset[Language]) -> LanguageDetector:
    # Default (high accuracy) mode: measured in benchmarks/import_bench_formats.py, low
    # accuracy mode was no faster on paragraph samples and less accurate on sentences.
    return LanguageDetectorBuilder.from_languages(*languages).build()


def detector(*extra: Language | None) -> LanguageDetector:
    common = (lingua_language(code) for code in COMMON_LANGUAGE_CODES)
    return detector_for(frozenset(lang for lang in (*common, *extra) if lang is not None))


def language_name(code: str) -> str:
    try:
        return Locale.parse(code.replace("-", "_")).get_display_name("en") or code
    except (UnknownLocaleError, ValueError):
        return code


def sample_text(texts: Iterable[str], limit: int = SAMPLE_CHARACTERS) -> str:
    """The first `limit` characters of the texts, joined by newlines, for check_languages."""
    collected: list[str] = []
    length = 0
    for text in texts:
        if length >= limit:
            break
        collected.append(text)
        length += len(text) + 1
    return "\n".join(collected)[:limit]


def check_languages(
    source_sample: str, target_sample: str, source_lang: str, target_lang: str
) -> list[str]:
    """Warnings when the translation is identical to the source, the columns look
    swapped, or either side reads as another language than declared."""
    # Whitespace is normalised before the cut so that layout alone never hides identity.
    source_text = " ".join(source_sample[: 2 * SAMPLE_CHARACTERS].split())[:SAMPLE_CHARACTERS]
    target_text = " ".join(target_sample[: 2 * SAMPLE_CHARACTERS].split())[:SAMPLE_CHARACTERS]
    if source_text and source_text == target_text:
        return ["The translation is identical to the source: it has not been translated."]
    expected_source, expected_target = lingua_language(source_lang), lingua_language(target_lang)
    if expected_source is None or expected_target is None or expected_source == expected_target:
        return []
    language_detector = detector(expected_source, expected_target)

    def detect(text: str) -> Language | None:
        if len(text) < MIN_SAMPLE_CHARACTERS:
            return None
        return language_detector.detect_language_of(text)

    found_source, found_target = detect(source_text), detect(target_text)
    if found_source == expected_target and found_target == expected_source:
        return [
            f"Source and translation look swapped: the source reads as "
            f"{language_name(target_lang)} and the translation as {language_name(source_lang)}."
        ]
    warnings: list[str] = []
    for role, found, expected, code in (
        ("source", found_source, expected_source, source_lang),
        ("translation", found_target, expected_target, target_lang),
    ):
        if found is not None and found != expected:
            found_code = found.iso_code_639_1.name.lower()
            warnings.append(
                f"The {role} looks like {language_name(found_code)}, not {language_name(code)}."
            )
    return warnings
