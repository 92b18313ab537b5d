"""SVG charts: well-formed, accessible, escaped, right-to-left aware and to scale."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ElementTree

import pytest
from defusedxml.ElementTree import fromstring

from reviewapp.charts import (
    ChartData,
    chart_table,
    horizontal_bar_chart,
    stacked_bar_chart,
    text_direction,
)

SVG = "{http://www.w3.org/2000/svg}"

ERRORS_BY_SEVERITY = ChartData(
    title="الأخطاء حسب الفئة والخطورة",
    description="Flagged errors in the Paris talks article, by category and severity.",
    category_label="الفئة",
    categories=["ترجمة خاطئة", "Names & <terms>", "علامات الترقيم"],
    series=["طفيف", "major", "critical"],
    values=[[3.0, 2.0, 1.0], [1.0, 4.0, 0.0], [5.0, 0.0, 0.0]],
)
SCORES_PER_SYSTEM = ChartData(
    title="Scores per system",
    description="BLEU and chrF of each MT system against the post-edit.",
    category_label="System",
    categories=["system-a", "نظام ب"],
    series=["BLEU", "chrF"],
    values=[[42.5, 61.0], [30.25, 55.5]],
)
ERRORS_BY_CATEGORY = ChartData(
    title="Errors by category",
    description="Number of flags per category.",
    category_label="Category",
    categories=["mistranslation", "untranslated"],
    series=["errors"],
    values=[[8.0], [2.0]],
)

CHARTS = {
    "stacked": (stacked_bar_chart, ERRORS_BY_SEVERITY),
    "grouped": (horizontal_bar_chart, SCORES_PER_SYSTEM),
    "plain": (horizontal_bar_chart, ERRORS_BY_CATEGORY),
}


def render(name: str) -> ElementTree.Element:
    draw, data = CHARTS[name]
    return fromstring(draw(data, chart_id=f"chart-{name}"))


def data_bars(svg: ElementTree.Element) -> list[ElementTree.Element]:
    """The bars (rects with a tooltip), not the legend swatches."""
    return [rect for rect in svg.iter(f"{SVG}rect") if rect.find(f"{SVG}title") is not None]


@pytest.mark.parametrize("name", CHARTS)
def test_chart_is_accessible_svg(name: str) -> None:
    svg = render(name)
    _, data = CHARTS[name]
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == f"chart-{name}-title chart-{name}-desc"
    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert title is not None and title.get("id") == f"chart-{name}-title"
    assert title.text == data.title
    assert desc is not None and desc.text == data.description
    assert "Noto Sans Arabic" in svg.get("font-family", "")


@pytest.mark.parametrize("name", CHARTS)
def test_every_label_is_drawn_as_text(name: str) -> None:
    _, data = CHARTS[name]
    texts = {text.text for text in render(name).iter(f"{SVG}text")}
    assert set(data.categories) <= texts
    if len(data.series) > 1:
        assert set(data.series) <= texts


def test_labels_are_escaped() -> None:
    markup = stacked_bar_chart(ERRORS_BY_SEVERITY, chart_id='x" onload="alert(1)')
    assert "<terms>" not in markup and "&lt;terms&gt;" in markup
    assert 'onload="' not in markup
    assert fromstring(markup).get("onload") is None


@pytest.mark.parametrize(
    ("label", "direction", "anchor"),
    [("ترجمة خاطئة", "rtl", "start"), ("Names & <terms>", "ltr", "end")],
)
def test_category_labels_are_right_aligned_in_their_own_direction(
    label: str, direction: str, anchor: str
) -> None:
    (text,) = [t for t in render("stacked").iter(f"{SVG}text") if t.text == label]
    assert text.get("direction") == direction
    assert text.get("unicode-bidi") == "embed"
    assert text.get("text-anchor") == anchor


@pytest.mark.parametrize(
    ("text", "direction"),
    [("سانا", "rtl"), ("SANA", "ltr"), ("2024 سانا", "rtl"), ("42", "ltr"), ("שלום", "rtl")],
)
def test_text_direction(text: str, direction: str) -> None:
    assert text_direction(text) == direction


def test_grouped_bars_are_to_scale() -> None:
    svg = fromstring(horizontal_bar_chart(SCORES_PER_SYSTEM, chart_id="s", max_value=100))
    widths = [float(rect.get("width", "")) for rect in data_bars(svg)]
    values = [value for row in SCORES_PER_SYSTEM.values for value in row]
    assert len(widths) == len(values)
    for width, value in zip(widths, values, strict=True):
        assert width / widths[0] == pytest.approx(value / values[0], abs=0.01)


def test_stacked_bars_are_to_scale_and_skip_empty_parts() -> None:
    bars = data_bars(render("stacked"))
    nonzero = [value for row in ERRORS_BY_SEVERITY.values for value in row if value]
    assert len(bars) == len(nonzero)
    widths = [float(rect.get("width", "")) for rect in bars]
    for width, value in zip(widths, nonzero, strict=True):
        assert width / widths[0] == pytest.approx(value / nonzero[0], abs=0.01)


def test_numbers_follow_the_locale() -> None:
    data = ChartData("t", "d", "c", ["x"], ["v"], [[1234.5]])
    assert ">1.234,5<" in horizontal_bar_chart(data, chart_id="n", locale="de")
    assert ">1,234.5<" in horizontal_bar_chart(data, chart_id="n", locale="en")


def test_empty_chart_is_still_valid_svg() -> None:
    data = ChartData("t", "d", "c", [], ["v"], [])
    assert data_bars(fromstring(horizontal_bar_chart(data, chart_id="e"))) == []
    assert data_bars(fromstring(stacked_bar_chart(data, chart_id="e"))) == []


@pytest.mark.parametrize("name", CHARTS)
def test_chart_table_matches_the_data_and_writes_csv(name: str) -> None:
    _, data = CHARTS[name]
    rows = chart_table(data)
    assert rows[0] == [data.category_label, *data.series]
    assert [row[0] for row in rows[1:]] == list(data.categories)
    assert [row[1:] for row in rows[1:]] == [list(values) for values in data.values]
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    assert list(csv.reader(io.StringIO(buffer.getvalue())))[1][0] == data.categories[0]


@pytest.mark.parametrize(
    ("categories", "series", "values"),
    [(["a"], ["v"], []), (["a"], ["v", "w"], [[1.0]]), (["a"], ["v"], [[-1.0]])],
)
def test_inconsistent_data_is_refused(
    categories: list[str], series: list[str], values: list[list[float]]
) -> None:
    with pytest.raises(ValueError):
        ChartData("t", "d", "c", categories, series, values)
