"""The charts of a many-city comparison as small, deterministic SVG documents (no Qt, no plotting
library): coverage curves by minutes, cities ranked on an indicator, the levels as a heat table,
and the legend of the small-multiple maps. The dashboard inlines them; the PDF brief paints the
same files (`ccgeo.report.compare_pdf`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

import pandas as pd

from ccgeo.analysis.readiness.evidence import Comparison
from ccgeo.analysis.readiness.scorecard import (
    ReadinessScale,
    Scorecard,
    domain_words,
    indicator_words,
    name_of_test,
    unit_words,
)
from ccgeo.i18n import _
from ccgeo.labels import MISSING, format_number, format_percent, format_ratio, format_threshold
from ccgeo.styles import COURIER_COLORS, INK

#: Colours of levels 1-5 (ColorBrewer RdBu, five classes: apart for the colour-blind, red the
#: lowest, blue the highest) and of a domain without a level.
LEVEL_COLORS: tuple[str, ...] = ("#CA0020", "#F4A582", "#F7F7F7", "#92C5DE", "#0571B0")
NO_LEVEL_COLOR = "#E0E0E0"
#: Levels whose colour is dark enough to carry white numbers.
_WHITE_TEXT_LEVELS = (1, 5)
#: One colour per city (Okabe and Ito's eight, as the couriers: apart for the colour-blind).
CITY_COLORS: tuple[str, ...] = COURIER_COLORS

_FONT = "DejaVu Sans, Arial, sans-serif"
_GREY = "#607D8B"
_GRID = "#CFD8DC"
_WIDTH = 640.0
#: Ranked bars are narrower: the brief sets them two abreast.
_BAR_WIDTH = 480.0


@dataclass(frozen=True)
class Chart:
    """One chart: its file stem (``coverage_pcr``), its title and its SVG text."""

    name: str
    title: str
    svg: str


class _Svg:
    """An SVG document built element by element, numbers written with one decimal."""

    def __init__(self, width: float, height: float, title: str) -> None:
        self.width, self.height = width, height
        self.parts = [f"<title>{escape(title)}</title>"]

    def rect(self, x: float, y: float, w: float, h: float, fill: str, *, stroke: str = "") -> None:
        line = f' stroke="{stroke}" stroke-width="0.8"' if stroke else ""
        self.parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" height="{max(h, 0):.1f}" '
            f'fill="{fill}"{line}/>'
        )

    def line(
        self, x1: float, y1: float, x2: float, y2: float, color: str, *, dash: bool = False
    ) -> None:
        pattern = ' stroke-dasharray="4,3"' if dash else ""
        self.parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{color}" '
            f'stroke-width="1"{pattern}/>'
        )

    def polyline(self, points: Sequence[tuple[float, float]], color: str) -> None:
        text = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        self.parts.append(
            f'<polyline points="{text}" fill="none" stroke="{color}" stroke-width="2.2" '
            'stroke-linejoin="round"/>'
        )

    def text(
        self,
        x: float,
        y: float,
        text: str,
        *,
        anchor: str = "start",
        size: float = 11.0,
        bold: bool = False,
        fill: str = INK,
    ) -> None:
        weight = ' font-weight="bold"' if bold else ""
        self.parts.append(
            f'<text x="{x:.1f}" y="{y:.1f}" font-family={quoteattr(_FONT)} font-size="{size:g}" '
            f'text-anchor="{anchor}" fill="{fill}"{weight}>{escape(text)}</text>'
        )

    def document(self) -> str:
        head = (
            f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{self.width:.0f}" '
            f'height="{self.height:.0f}" viewBox="0 0 {self.width:.0f} {self.height:.0f}">'
        )
        background = f'<rect width="{self.width:.0f}" height="{self.height:.0f}" fill="#FFFFFF"/>'
        return "\n".join([head, background, *self.parts, "</svg>"]) + "\n"


def city_color(index: int) -> str:
    """The colour of the ``index``-th city of a comparison."""
    return CITY_COLORS[index % len(CITY_COLORS)]


def level_text_color(level: int | None) -> str:
    """White on the darkest level colours, ink elsewhere."""
    return "#FFFFFF" if level in _WHITE_TEXT_LEVELS else INK


def level_color(level: int | None) -> str:
    """The fill of ``level`` (1-5), or of a missing level."""
    return LEVEL_COLORS[level - 1] if level in range(1, 6) else NO_LEVEL_COLOR


# -- coverage curves -------------------------------------------------------------------------------


def coverage_chart(comparison: Comparison, test: str, *, quality: str = "any") -> Chart:
    """Share of people (%) within each number of minutes of a lab doing ``test``: a line per
    city, the indicator thresholds (30, 60, 120 min) marked."""
    title = _("People within each travel time of a lab doing {test}").format(
        test=name_of_test(test, quality)
    )
    left, top, plot_w, plot_h = 56.0, 34.0, 400.0, 240.0
    svg = _Svg(_WIDTH, top + plot_h + 52.0, title)
    svg.text(left, 20.0, title, bold=True, size=12.0)
    curves = comparison.curves
    curves = curves.loc[(curves["test"] == test) & (curves["quality"] == quality)]
    top_minutes = float(curves["minutes"].max()) if len(curves) else 180.0

    def px(minutes: float, share: float) -> tuple[float, float]:
        return left + plot_w * minutes / top_minutes, top + plot_h * (1.0 - share / 100.0)

    for share in range(0, 101, 20):
        _x, y = px(0.0, share)
        svg.line(left, y, left + plot_w, y, _GRID)
        svg.text(left - 6, y + 4, format_percent(share), anchor="end", size=10.0, fill=_GREY)
    for minutes in range(0, int(top_minutes) + 1, 30):
        x, _y = px(minutes, 0.0)
        svg.text(x, top + plot_h + 16, format_number(minutes), anchor="middle", size=10.0)
    for minutes in (30.0, 60.0, 120.0):
        x, _y = px(minutes, 0.0)
        svg.line(x, top, x, top + plot_h, _GREY, dash=True)
    svg.line(left, top + plot_h, left + plot_w, top + plot_h, INK)
    svg.text(left + plot_w / 2, top + plot_h + 34, _("minutes of travel"), anchor="middle")
    for i, city in enumerate(comparison.cities):
        rows = curves.loc[curves["city"] == city.city].sort_values("minutes")
        rows = rows.loc[rows["share"].notna()]
        points = [
            px(0.0, 0.0),
            *(px(m, s) for m, s in zip(rows["minutes"], rows["share"], strict=True)),
        ]
        if len(points) > 1:
            svg.polyline(points, city_color(i))
        _legend_row(svg, left + plot_w + 20, top + 8 + 20 * i, city.city, city_color(i))
    return Chart(f"coverage_{test}", title, svg.document())


def _legend_row(svg: _Svg, x: float, y: float, label: str, color: str) -> None:
    svg.rect(x, y - 5, 18, 4, color)
    svg.text(x + 24, y, _short(label, 22), size=10.5)


def _short(text: str, chars: int) -> str:
    return text if len(text) <= chars else text[: chars - 1] + "…"


# -- ranked bars -----------------------------------------------------------------------------------


def bar_chart(comparison: Comparison, indicator: str, test: str, quality: str) -> Chart:
    """The cities ranked on one indicator of one test, best first, each bar in the colour of
    its level and labelled with its value; a city without a value last, marked as such."""
    scale = comparison.scale
    found = scale.scale_for(indicator)
    table = comparison.indicators
    rows = table.loc[
        (table["indicator"] == indicator) & (table["test"] == test) & (table["quality"] == quality)
    ]
    values = {c.city: math.nan for c in comparison.cities}
    levels: dict[str, int | None] = {}
    for row in rows.itertuples(index=False):
        values[row.city] = float(row.value)
        levels[row.city] = None if pd.isna(row.level) else int(row.level)
    lower_better = found is not None and found.better == "lower"
    order = sorted(
        values,
        key=lambda c: (math.isnan(values[c]), values[c] if lower_better else -values[c]),
    )
    what = _capital(indicator_words(indicator))
    title = _("{what}: {test}").format(what=what, test=name_of_test(test, quality))
    left, top, plot_w, bar_h = 150.0, 34.0, 230.0, 22.0
    svg = _Svg(_BAR_WIDTH, top + bar_h * len(order) + 44.0, title)
    svg.text(12.0, 20.0, _short(title, 66), bold=True, size=12.0)
    finite = [v for v in values.values() if math.isfinite(v)]
    unit = rows["unit"].iloc[0] if len(rows) else ""
    top_value = 100.0 if unit == "%" else max([*finite, 1e-9]) * 1.1
    for i, city in enumerate(order):
        y = top + bar_h * i
        value = values[city]
        svg.text(left - 8, y + 15, _short(city, 22), anchor="end", size=10.5)
        if math.isnan(value):
            svg.text(left + 4, y + 15, _("not computed"), size=10.0, fill=_GREY)
            continue
        width = plot_w * max(min(value / top_value, 1.0), 0.0)
        svg.rect(left, y + 3, width, bar_h - 6, level_color(levels.get(city)), stroke=INK)
        label = value_text(scale, indicator, value, unit)
        svg.text(left + width + 6, y + 15, label, size=10.5)
    svg.line(left, top - 2, left, top + bar_h * len(order) + 2, INK)
    better = _("lower is better") if lower_better else _("higher is better")
    if found is not None:
        better = _("{better}; bars coloured by level (draft scale)").format(better=better)
    svg.text(left, top + bar_h * len(order) + 24, better, size=10.0, fill=_GREY)
    return Chart(f"bars_{indicator}_{test}_{quality or 'all'}", title, svg.document())


def value_text(scale: ReadinessScale, indicator: str, value: float, unit: str) -> str:
    """A value with its unit, as the scorecard writes it (`IndicatorScale.value_text`)."""
    if math.isnan(value):
        return MISSING
    found = scale.scale_for(indicator)
    if found is not None and found.unit == unit:
        return found.value_text(value)
    if unit == "%":
        return format_percent(value, decimals=1)
    return f"{format_ratio(value)} {unit_words(unit)}".strip()


def bar_keys(comparison: Comparison) -> list[tuple[str, str, str]]:
    """``(indicator, test, quality)`` of the ranked bars: every indicator on the scale at the
    quality ``any`` (or without one) that some city has a value of, in the table's order."""
    table = comparison.indicators
    rows = table.loc[table["quality"].isin(["any", ""]) & table["value"].notna()]
    keys = rows[["indicator", "test", "quality"]].drop_duplicates()
    return [
        (str(i), str(t), str(q))
        for i, t, q in keys.itertuples(index=False)
        if comparison.scale.scale_for(str(i)) is not None
    ]


# -- the levels as a heat table --------------------------------------------------------------------


def level_table_chart(comparison: Comparison, cards: Sequence[Scorecard]) -> Chart:
    """Cities (rows) × domains (columns), each cell in its level's colour with the level
    written in it, ``–`` where no level could be given."""
    domains = [d.domain for d in cards[0].domains] if cards else []
    if comparison.scale.draft:
        title = _("Readiness levels 1–5 by domain (draft scale)")
    else:
        title = _("Readiness levels 1–5 by domain")
    left, top, cell_w, cell_h = 170.0, 78.0, 62.0, 30.0
    width = max(_WIDTH, left + cell_w * len(domains) + 12)
    svg = _Svg(width, top + cell_h * len(cards) + 62.0, title)
    svg.text(12.0, 20.0, title, bold=True, size=12.0)
    for j, domain in enumerate(domains):
        x = left + cell_w * j + cell_w / 2
        for k, word in enumerate(_two_lines(domain_words(domain))):
            svg.text(x, top - 24 + 12 * k, word, anchor="middle", size=9.5)
    for i, card in enumerate(cards):
        y = top + cell_h * i
        svg.text(left - 8, y + 19, _short(card.city, 26), anchor="end", size=10.5)
        for j, found in enumerate(card.domains):
            x = left + cell_w * j
            svg.rect(x, y, cell_w, cell_h, level_color(found.level), stroke="#FFFFFF")
            number = MISSING if found.level is None else str(found.level)
            svg.text(
                x + cell_w / 2,
                y + 20,
                number,
                anchor="middle",
                bold=True,
                size=13.0,
                fill=level_text_color(found.level),
            )
    _level_key(svg, left, top + cell_h * len(cards) + 22)
    return Chart("levels", title, svg.document())


def _two_lines(text: str) -> list[str]:
    """A column header on at most two lines, split at the middle space."""
    words = text.split()
    if len(words) < 2:
        return [text]
    cut = max(range(1, len(words)), key=lambda k: -abs(len(" ".join(words[:k])) - len(text) / 2))
    return [" ".join(words[:cut]), " ".join(words[cut:])]


def _level_key(svg: _Svg, x: float, y: float) -> None:
    svg.text(x - 8, y + 14, _("level"), anchor="end", size=10.0)
    for level in range(1, 6):
        left = x + 34 * (level - 1)
        svg.rect(left, y, 30, 20, level_color(level), stroke=_GREY)
        svg.text(left + 15, y + 14, str(level), anchor="middle", fill=level_text_color(level))
    left = x + 34 * 5 + 8
    svg.rect(left, y, 30, 20, NO_LEVEL_COLOR, stroke=_GREY)
    svg.text(left + 15, y + 14, MISSING, anchor="middle")
    svg.text(left + 38, y + 14, _("not computed"), size=10.0, fill=_GREY)


# -- the maps' legend ------------------------------------------------------------------------------


def map_legend_svg(entries: Sequence[tuple[str, str]], title: str) -> str:
    """The legend shared by every small-multiple map: ``(label, colour)`` swatches in a row."""
    svg = _Svg(_WIDTH, 58.0, title)
    svg.text(12.0, 18.0, title, bold=True, size=11.0)
    x = 12.0
    for label, color in entries:
        svg.rect(x, 30.0, 16.0, 14.0, color, stroke=INK)
        svg.text(x + 22, 42.0, label, size=10.5)
        x += 34.0 + 6.4 * len(label)
    return svg.document()


def time_band_labels(thresholds: Sequence[float]) -> list[str]:
    """``["≤ 30 min", "30–60 min", "60–120 min", "beyond 120 min or no lab"]``."""
    labels, low = [], 0.0
    for high in thresholds:
        if low <= 0:
            labels.append(f"≤ {format_threshold(high)}")
        else:
            labels.append(f"{format_number(low)}–{format_threshold(high)}")
        low = high
    labels.append(
        _("beyond {minutes} or no lab reached").format(minutes=format_threshold(thresholds[-1]))
    )
    return labels


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


__all__ = [
    "CITY_COLORS",
    "LEVEL_COLORS",
    "NO_LEVEL_COLOR",
    "Chart",
    "bar_chart",
    "bar_keys",
    "city_color",
    "coverage_chart",
    "level_color",
    "level_table_chart",
    "map_legend_svg",
    "time_band_labels",
    "value_text",
]
