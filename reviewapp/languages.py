"""Language facts the interface needs: names and writing direction."""

from functools import lru_cache

from babel import Locale, UnknownLocaleError

# Scripts written right to left, by ISO 639 code: CLDR knows the direction of
# each locale, but asking Babel for every segment render would be slow, and a
# closed set keeps the answer stable for codes Babel does not know.
RTL_LANGUAGES = frozenset(
    {"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku", "ps", "sd", "syr", "ug", "ur", "yi"}
)


def base_language(code: str) -> str:
    return code.replace("_", "-").split("-")[0].lower()


def text_direction(code: str) -> str:
    return "rtl" if base_language(code) in RTL_LANGUAGES else "ltr"


@lru_cache(maxsize=256)
def language_name(code: str) -> str:
    try:
        return Locale.parse(code.replace("-", "_")).get_display_name("en") or code
    except (ValueError, UnknownLocaleError):
        return code


@lru_cache(maxsize=1)
def language_choices() -> list[tuple[str, str]]:
    english = Locale("en")
    return sorted(
        ((code, name) for code, name in english.languages.items() if len(code) in (2, 3)),
        key=lambda item: item[1],
    )


def is_known_language(code: str) -> bool:
    return base_language(code) in dict(language_choices())
