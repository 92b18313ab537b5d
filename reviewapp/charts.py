"""SVG charts drawn by the app itself: no JavaScript, no CDN, so they work offline and in
exported reports.

Every chart is built from a ``ChartData`` table whose labels come from the caller (already
translated), and ``chart_table`` gives the same table as rows for the accessible HTML table
beside the chart and for the CSV download. Labels in right-to-left scripts such as Arabic
are drawn right to left and anchored on their right edge.

Pure module: no Django imports.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from babel.numbers import format_decimal

# Arabic-capable faces come before the generic fallbacks so Arabic labels never fall back
# to a font without Arabic glyphs.
FONT_FAMILY = (
    "system-ui, 'Segoe UI', 'Noto Sans', 'Noto Sans Arabic', 'Noto Naskh Arabic', "
    "Tahoma, 'Geeza Pro', 'DejaVu Sans', Arial, sans-serif"
)
# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000")

WIDTH = 640
LABEL_WIDTH = 200
VALUE_WIDTH = 70
BAR_HEIGHT = 18
ROW_GAP = 10
TOP_MARGIN = 12
LEGEND_HEIGHT = 24
FONT_SIZE = 13
PLOT_WIDTH = WIDTH - LABEL_WIDTH - VALUE_WIDTH


@dataclass(frozen=True, slots=True)
class ChartData:
    """A table: one row per category (e.g. error category, MT system), one column per
    series (e.g. severity, metric). ``category_label`` heads the first column."""

    title: str
    description: str
    category_label: str
    categories: Sequence[str]
    series: Sequence[str]
    values: Sequence[Sequence[float]]

    def __post_init__(self) -> None:
        if len(self.values) != len(self.categories) or any(
            len(row) != len(self.series) for row in self.values
        ):
            raise ValueError("values must have one row per category and one column per series")
        if any(value < 0 for row in self.values for value in row):
            raise ValueError("bar charts show non-negative values")


def text_direction(text: str) -> str:
    """'rtl' or 'ltr' from the first strongly directional character (Unicode bidi rule P2)."""
    for character in text:
        bidi_class = unicodedata.bidirectional(character)
        if bidi_class in ("R", "AL"):
            return "rtl"
        if bidi_class == "L":
            return "ltr"
    return "ltr"


def _text(label: str, x: float, y: float, *, align_end: bool, extra: str = "") -> str:
    """A <text> whose visual right edge (align_end) or left edge sits at x, in either
    direction: for right-to-left text 'start' is the right edge."""
    direction = text_direction(label)
    anchor = "end" if align_end == (direction == "ltr") else "start"
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" direction="{direction}" '
        f'unicode-bidi="embed" dominant-baseline="middle"{extra}>{escape(label)}</text>'
    )


def _number(value: float, locale: str) -> str:
    return format_decimal(value, format="#,##0.##", locale=locale)


def _legend(series: Sequence[str]) -> list[str]:
    if len(series) < 2:
        return []
    parts = []
    slot = PLOT_WIDTH / len(series)
    for index, name in enumerate(series):
        x = LABEL_WIDTH + index * slot
        parts.append(
            f'<rect x="{x:.1f}" y="{TOP_MARGIN:.1f}" width="12" height="12" '
            f'fill="{PALETTE[index % len(PALETTE)]}"/>'
        )
        parts.append(_text(name, x + 16, TOP_MARGIN + 6, align_end=False))
    return parts


def _bar(x: float, y: float, width: float, colour: str, tooltip: str) -> str:
    return (
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{BAR_HEIGHT}" '
        f'fill="{colour}"><title>{escape(tooltip)}</title></rect>'
    )


def _svg(data: ChartData, chart_id: str, body: list[str], rows_height: float) -> str:
    top = TOP_MARGIN + (LEGEND_HEIGHT if len(data.series) > 1 else 0)
    height = top + rows_height + TOP_MARGIN
    ident = escape(chart_id)
    return "".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" role="img" '
            f'aria-labelledby="{ident}-title {ident}-desc" viewBox="0 0 {WIDTH} {height:.0f}" '
            f'width="{WIDTH}" height="{height:.0f}" font-family="{escape(FONT_FAMILY)}" '
            f'font-size="{FONT_SIZE}">',
            f'<title id="{ident}-title">{escape(data.title)}</title>',
            f'<desc id="{ident}-desc">{escape(data.description)}</desc>',
            *_legend(data.series),
            f'<g transform="translate(0 {top})">',
            *body,
            "</g></svg>",
        ]
    )


def _scale(maximum: float) -> float:
    return PLOT_WIDTH / maximum if maximum > 0 else 0.0


def horizontal_bar_chart(
    data: ChartData, *, chart_id: str, max_value: float | None = None, locale: str = "en"
) -> str:
    """One bar per category and series: a plain bar chart with one series (errors by
    category), grouped bars with several (BLEU, chrF and MQM per MT system).
    ``max_value`` fixes the scale, e.g. 100 for scores."""
    maximum = max_value if max_value is not None else max(map(max, data.values), default=0.0)
    scale = _scale(maximum)
    row_height = BAR_HEIGHT * len(data.series) + ROW_GAP
    body = []
    for row, (category, values) in enumerate(zip(data.categories, data.values, strict=True)):
        y = row * row_height
        body.append(
            _text(category, LABEL_WIDTH - 8, y + row_height / 2 - ROW_GAP / 2, align_end=True)
        )
        for index, (name, value) in enumerate(zip(data.series, values, strict=True)):
            bar_y = y + index * BAR_HEIGHT
            width = min(value, maximum) * scale
            label = _number(value, locale)
            body.append(
                _bar(
                    LABEL_WIDTH,
                    bar_y,
                    width,
                    PALETTE[index % len(PALETTE)],
                    f"{category}, {name}: {label}",
                )
            )
            body.append(
                _text(label, LABEL_WIDTH + width + 4, bar_y + BAR_HEIGHT / 2, align_end=False)
            )
    return _svg(data, chart_id, body, row_height * len(data.categories))


def stacked_bar_chart(data: ChartData, *, chart_id: str, locale: str = "en") -> str:
    """One bar per category, split by series: errors by category and severity."""
    totals = [sum(values) for values in data.values]
    scale = _scale(max(totals, default=0.0))
    row_height = BAR_HEIGHT + ROW_GAP
    body = []
    for row, (category, values) in enumerate(zip(data.categories, data.values, strict=True)):
        y = row * row_height
        body.append(_text(category, LABEL_WIDTH - 8, y + BAR_HEIGHT / 2, align_end=True))
        x = float(LABEL_WIDTH)
        for index, (name, value) in enumerate(zip(data.series, values, strict=True)):
            if value:
                tooltip = f"{category}, {name}: {_number(value, locale)}"
                body.append(_bar(x, y, value * scale, PALETTE[index % len(PALETTE)], tooltip))
                x += value * scale
        body.append(_text(_number(totals[row], locale), x + 4, y + BAR_HEIGHT / 2, align_end=False))
    return _svg(data, chart_id, body, row_height * len(data.categories))


def chart_table(data: ChartData) -> list[list[str | float]]:
    """The chart's table: a header row, then one row per category (for HTML and CSV)."""
    return [
        [data.category_label, *data.series],
        *(
            [category, *values]
            for category, values in zip(data.categories, data.values, strict=True)
        ),
    ]
