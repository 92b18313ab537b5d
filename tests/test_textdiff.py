import pytest

from reviewapp.textdiff import DiffPart, word_diff


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("same text", "same text", [DiffPart("equal", "same text")]),
        (
            "التقى الأمراض الجلدية بأسعد الشيباني.",
            "التقى رون ديرمر بأسعد الشيباني.",
            [
                DiffPart("equal", "التقى "),
                DiffPart("delete", "الأمراض الجلدية"),
                DiffPart("insert", "رون ديرمر"),
                DiffPart("equal", " بأسعد الشيباني."),
            ],
        ),
        ("a b", "a b c", [DiffPart("equal", "a b"), DiffPart("insert", " c")]),
        ("", "new", [DiffPart("insert", "new")]),
        (
            "Israeli strikes.",
            "Israeli strikes!",
            [
                DiffPart("equal", "Israeli strikes"),
                DiffPart("delete", "."),
                DiffPart("insert", "!"),
            ],
        ),
    ],
)
def test_word_diff(old, new, expected):
    assert word_diff(old, new) == expected


@pytest.mark.parametrize(
    ("old", "new"),
    [("a b c d", "a x c y"), ("الجملة الأولى، والثانية", "الجملة، الأولى والثالثة"), ("x", "")],
)
def test_diff_rebuilds_both_texts(old, new):
    parts = word_diff(old, new)
    assert "".join(p.text for p in parts if p.kind != "insert") == old
    assert "".join(p.text for p in parts if p.kind != "delete") == new
