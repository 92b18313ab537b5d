import pytest

from reviewapp.anchoring import Anchor, reanchor


@pytest.mark.parametrize(
    ("quote", "start", "new_text", "expected"),
    [
        ("ديمر", 40, "وزير الشؤون الإستراتيجية الإسرائيلية ، رون ديمر", Anchor(43, 47, False)),
        ("ديمر", 0, "رون ديرمر", Anchor(0, 4, True)),
        # Of two occurrences, the one nearest the old place keeps the flag.
        ("سوريا", 20, "سوريا ثم سوريا ثم سوريا", Anchor(18, 23, False)),
        ("سوريا", 0, "سوريا ثم سوريا", Anchor(0, 5, False)),
        ("word", 50, "short", Anchor(5, 5, True)),
        ("", 0, "anything", Anchor(0, 0, True)),
    ],
)
def test_reanchor(quote, start, new_text, expected):
    assert reanchor(quote, start, new_text) == expected
