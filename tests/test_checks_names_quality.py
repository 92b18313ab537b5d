"""Precision and recall of the name check on the labelled name test set."""

from pathlib import Path

import pytest

from reviewapp.checks.evaluation import KindScore, load_test_set, score_names

TEST_SET = Path(__file__).resolve().parent / "data" / "names" / "names.en-ar.jsonl"


@pytest.fixture(scope="module")
def scores() -> dict[str, KindScore]:
    return score_names(load_test_set(TEST_SET))


def test_test_set_is_large_and_varied() -> None:
    records = load_test_set(TEST_SET)
    labels = [kind for record in records for kind in record["names"].values()]
    assert len(labels) >= 150
    assert {record["topic"] for record in records} >= {
        "politics",
        "sport",
        "business",
        "science",
        "culture",
    }
    for kind in ("name_missing", "name_misspelled", "name_latin"):
        assert labels.count(kind) >= 20


NOT_YET_REACHED = pytest.mark.xfail(
    strict=True, reason="below target; see the floors in test_no_regression_below_floor"
)


@pytest.mark.parametrize(
    ("kind", "metric", "target"),
    [
        pytest.param("name_missing", "precision", 0.9, marks=NOT_YET_REACHED),
        ("name_missing", "recall", 0.9),
        ("name_latin", "precision", 0.9),
        ("name_latin", "recall", 0.9),
        ("name_misspelled", "precision", 0.8),
        ("name_misspelled", "recall", 0.8),
    ],
)
def test_quality_target(
    kind: str, metric: str, target: float, scores: dict[str, KindScore]
) -> None:
    assert getattr(scores[kind], metric) >= target


@pytest.mark.parametrize(
    ("kind", "metric", "floor"),
    [("name_missing", "precision", 0.8)],
)
def test_no_regression_below_floor(
    kind: str, metric: str, floor: float, scores: dict[str, KindScore]
) -> None:
    assert getattr(scores[kind], metric) >= floor


FRESH_SET = TEST_SET.with_name("names-fresh.en-ar.jsonl")


@pytest.mark.parametrize(
    ("kind", "metric", "floor"),
    [
        ("name_missing", "precision", 0.7),
        ("name_missing", "recall", 0.9),
        ("name_latin", "precision", 0.9),
        ("name_latin", "recall", 0.9),
    ],
)
def test_fresh_held_out_set_stays_above_floor(kind: str, metric: str, floor: float) -> None:
    assert getattr(score_names(load_test_set(FRESH_SET))[kind], metric) >= floor
