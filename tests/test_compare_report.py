"""The visual outputs of a many-city comparison: SVG charts, same-scale map panels, the offline
dashboard and the PDF brief (rendered by poppler, its text read back), in English and Spanish."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from ccgeo.analysis.readiness import (
    access_runs,
    assign_levels,
    city_indicators,
    district_indicators,
    draft_note,
    load_readiness,
    scorecards,
)
from ccgeo.analysis.readiness.evidence import (
    CURVE_COLUMNS,
    CURVE_MINUTES,
    CityEvidence,
    Comparison,
    coverage_curve,
)
from ccgeo.analysis.readiness.scorecard import domain_words
from ccgeo.i18n import _, using_language
from ccgeo.report.compare_charts import LEVEL_COLORS, level_color, level_table_chart

TESTS = ("pcr", "ihc")
CITIES = ("Vila Demo", "Vila Demo B")
poppler = pytest.mark.skipif(
    shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None,
    reason="poppler-utils (pdftoppm, pdftotext) is not installed: apt install it",
)


def _evidence(project, runs, scale, city: str) -> CityEvidence:
    """One city's evidence from the demo's access runs, under the name ``city``."""
    indicators = assign_levels(city_indicators(project, runs=runs).assign(city=city), scale)
    curves = []
    for run in runs:
        demand = run.result.demand
        share = coverage_curve(demand["seconds"].to_numpy(), demand["population"].to_numpy())
        curves += [
            {"city": city, "test": run.test, "quality": run.quality, "minutes": m, "share": s}
            for m, s in zip(CURVE_MINUTES, share, strict=True)
        ]
    return CityEvidence(
        city=city,
        source=None,
        indicators=indicators,
        districts=district_indicators(project, runs=runs).assign(city=city),
        curves=pd.DataFrame(curves, columns=list(CURVE_COLUMNS)),
        scorecard=scorecards(indicators, scale)[0],
        access={(r.test, r.quality): r.result for r in runs},
        run_log={"command": "ccgeo compare demo", "version": "test"},
    )


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    from ccgeo.demo import load_demo_project

    project = load_demo_project()
    runs = access_runs(project, tests=TESTS, qualities=("any",))
    scale = load_readiness()
    return Comparison(tuple(_evidence(project, runs, scale, c) for c in CITIES), scale)


@pytest.fixture(scope="module")
def written(comparison: Comparison, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from ccgeo.report.compare import write_compare_report

    return write_compare_report(comparison, tmp_path_factory.mktemp("en"), language="en")


@pytest.fixture(scope="module")
def written_es(comparison: Comparison, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from ccgeo.report.compare import write_compare_report

    return write_compare_report(comparison, tmp_path_factory.mktemp("es"), language="es")


def pdf_text(path: Path) -> str:
    run = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(run.stdout.replace("\xa0", " ").replace("\u202f", " ").split())


def plain(text: str) -> str:
    return " ".join(text.split())


def test_every_file_is_written(written: dict[str, Path]) -> None:
    for kind in ("dashboard", "brief", "map_legend", "chart_levels", "map_1", "map_2"):
        assert written[kind].is_file(), kind
        assert written[kind].stat().st_size > 0, kind
    for test in TESTS:
        assert written[f"chart_coverage_{test}"].parent.name == "charts"
    bars = [k for k in written if k.startswith("chart_bars_")]
    assert "chart_bars_coverage_60min_pcr_any" in bars
    assert written["run_log_1"].name.startswith("run_log_compare_01_")


def test_the_svgs_parse_and_the_heat_table_writes_each_level(
    written: dict[str, Path], comparison: Comparison
) -> None:
    for path in [p for p in written.values() if p.suffix == ".svg"]:
        ET.parse(path)  # raises on malformed XML
    root = ET.parse(written["chart_levels"]).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    texts = [t.text for t in root.iter(f"{ns}text")]
    card = comparison.cities[0].scorecard
    cells = ["–" if d.level is None else str(d.level) for d in card.domains]
    title = root.find(f"{ns}title").text
    assert "draft" in title
    fills = [r.get("fill") for r in root.iter(f"{ns}rect")]
    for domain in card.domains:
        assert level_color(domain.level) in fills
    # the cells of each city, in the domains' order, follow the headers
    assert texts.count(cells[0]) >= len(CITIES)


def test_coverage_curve_reaches_the_indicator_at_60_minutes(
    written: dict[str, Path], comparison: Comparison
) -> None:
    """The curve's points are the shares the indicator table gives (the chart's y axis: 100 %
    at the top, 0 at the bottom of a 240-px plot starting at y = 34)."""
    root = ET.parse(written["chart_coverage_pcr"]).getroot()
    lines = root.findall("{http://www.w3.org/2000/svg}polyline")
    assert len(lines) == len(CITIES)
    table = comparison.indicators
    share = float(
        table.loc[
            (table["indicator"] == "coverage_60min") & (table["test"] == "pcr"), "value"
        ].iloc[0]
    )
    points = [tuple(map(float, p.split(","))) for p in lines[0].get("points").split()]
    x60 = 56.0 + 400.0 * 60.0 / max(CURVE_MINUTES)
    y = next(y for x, y in points if abs(x - x60) < 0.1)
    assert y == pytest.approx(34.0 + 240.0 * (1 - share / 100.0), abs=0.1)


def test_level_colours_stay_apart_for_the_colour_blind() -> None:
    from colour_vision import delta_e, hex_rgb

    for vision in ("normal", "deuteranopia", "protanopia", "tritanopia"):
        for i, a in enumerate(LEVEL_COLORS):
            for b in LEVEL_COLORS[i + 1 :]:
                assert delta_e(hex_rgb(a), hex_rgb(b), vision) > 10, (vision, a, b)


def test_maps_share_one_scale(written: dict[str, Path]) -> None:
    from PySide6.QtGui import QImage

    sizes = {QImage(str(written[k])).size().toTuple() for k in ("map_1", "map_2")}
    assert len(sizes) == 1
    a, b = (QImage(str(written[k])) for k in ("map_1", "map_2"))
    # the same city under two names: the same pixels outside the name label
    assert a.copy(0, 60, a.width(), a.height() - 60) == b.copy(0, 60, b.width(), b.height() - 60)


def test_dashboard_is_offline_and_names_every_city(
    written: dict[str, Path], comparison: Comparison
) -> None:
    html = written["dashboard"].read_text(encoding="utf-8")
    loads = re.findall(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, flags=re.I)
    assert not loads
    assert "url(http" not in html
    assert "@import" not in html
    assert "<script src" not in html
    for city in CITIES:
        assert city in html
    assert html.count(_escape(draft_note(comparison.scale))) >= 3
    assert html.count("data:image/png;base64,") == len(CITIES)
    assert html.count("<svg") >= 1 + len(TESTS)
    assert "Lowest domain" in html
    assert 'class="sortable"' in html
    assert "addEventListener" in html


def _escape(text: str) -> str:
    from html import escape

    return escape(text)


@poppler
def test_brief_renders_and_says_cities_levels_and_draft(
    written: dict[str, Path], comparison: Comparison, tmp_path: Path
) -> None:
    pdf = written["brief"]
    subprocess.run(["pdftoppm", "-r", "24", "-png", str(pdf), str(tmp_path / "p")], check=True)
    pages = sorted(tmp_path.glob("p*.png"))
    assert len(pages) >= 2 + len(CITIES)
    text = pdf_text(pdf)
    for city in CITIES:
        assert f"Scorecard: {city}" in text
    assert plain(draft_note(comparison.scale)) in text
    card = comparison.cities[0].scorecard
    for domain in card.domains:
        assert plain(domain.driver) in text
    assert plain(card.lowest_text()) in text
    assert "ccgeo evidence brief" in text


@poppler
def test_spanish_outputs_have_translated_headings(
    written_es: dict[str, Path], comparison: Comparison
) -> None:
    with using_language("es"):
        note = draft_note(comparison.scale)
        heading = _("Methods and assumptions")
        domain = domain_words("access")
        scorecard = _("Scorecard: {city}").format(city=CITIES[0])
    with using_language("en"):
        english_note = draft_note(comparison.scale)
    assert note != english_note
    assert heading != "Methods and assumptions"
    html = written_es["dashboard"].read_text(encoding="utf-8")
    assert _escape(note) in html
    assert _escape(english_note) not in html
    assert heading in html
    assert domain in html
    assert '<html lang="es">' in html
    text = pdf_text(written_es["brief"])
    assert plain(note) in text
    assert heading in text
    assert scorecard in text


def test_the_heat_table_marks_a_missing_level(comparison: Comparison) -> None:
    """A domain without a level is grey with a dash, not level 1."""
    cards = [c.scorecard for c in comparison.cities]
    missing = [d for d in cards[0].domains if d.level is None]
    assert missing, "the demo has domains without a level (no referral plan, no workforce)"
    svg = level_table_chart(comparison, cards).svg
    assert svg.count(">–<") >= len(missing) * len(cards)
    assert np.isfinite([float(d.value) for d in cards[0].domains if d.level is not None]).all()
