import pytest

from reviewapp.languages import is_known_language, language_name, text_direction


@pytest.mark.parametrize(
    ("code", "direction"),
    [
        ("ar", "rtl"),
        ("ar-EG", "rtl"),
        ("he", "rtl"),
        ("fa", "rtl"),
        ("ur", "rtl"),
        ("en", "ltr"),
        ("zh_Hans", "ltr"),
        ("fr", "ltr"),
    ],
)
def test_text_direction(code, direction):
    assert text_direction(code) == direction


def test_language_names_come_from_cldr():
    assert language_name("ar") == "Arabic"
    assert language_name("de") == "German"
    assert language_name("not a code") == "not a code"
    assert is_known_language("ar") and not is_known_language("qq")
