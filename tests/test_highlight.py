import pytest

from reviewapp.highlight import Run, direction_runs, text_runs


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("plain", [], [Run("plain", ())]),
        ("abcdef", [(1, 3, 7)], [Run("a", ()), Run("bc", (7,)), Run("def", ())]),
        ("abcdef", [(0, 4, 1), (2, 6, 2)], [Run("ab", (1,)), Run("cd", (1, 2)), Run("ef", (2,))]),
        ("ab\u202ecd", [], [Run("ab", ()), Run("\u202e", (), True), Run("cd", ())]),
        ("abc", [(1, 99, 3)], [Run("a", ()), Run("bc", (3,))]),
    ],
)
def test_text_runs(text, spans, expected):
    runs = text_runs(text, spans)
    assert runs == expected
    assert "".join(run.text for run in runs) == text


def test_control_runs_name_their_codepoint():
    assert text_runs("\u2067x", [])[0].codepoint == "U+2067"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain English", [("plain English", False)]),
        ("نص عربي", [("نص عربي", True)]),
        (
            "“Sectarian strains” are tensions, “التوترات الطائفية”; “السلالات” are breeds.",
            [
                ("“Sectarian strains” are tensions, “", False),
                ("التوترات الطائفية", True),
                ("”; “", False),
                ("السلالات", True),
                ("” are breeds.", False),
            ],
        ),
        ("13 يوليو 2025 in Paris", [("13 ", False), ("يوليو", True), (" 2025 in Paris", False)]),
    ],
)
def test_direction_runs(text, expected):
    assert direction_runs(text) == expected
