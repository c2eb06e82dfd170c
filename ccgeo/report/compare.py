"""The visual outputs of a many-city comparison (`ccgeo compare`, File ▸ Compare Cities): charts
as SVG, small-multiple maps, an offline HTML dashboard and a PDF evidence brief, all read from one
`ccgeo.analysis.readiness.evidence.Comparison` and all in the same language.

- `ccgeo.report.compare_charts`: the SVG charts (no Qt);
- `ccgeo.report.compare_maps`: the map panels (QtGui offscreen);
- `ccgeo.report.compare_content`: the words and tables both documents show;
- `ccgeo.report.compare_html` and `ccgeo.report.compare_pdf`: the two documents.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

from ccgeo.analysis.readiness.evidence import Comparison
from ccgeo.analysis.readiness.scorecard import draft_note, name_of_test
from ccgeo.errors import InputError
from ccgeo.i18n import _, using_language
from ccgeo.labels import format_number
from ccgeo.report.compare_charts import (
    Chart,
    bar_chart,
    bar_keys,
    coverage_chart,
    level_table_chart,
)
from ccgeo.report.compare_content import (
    brief_title,
    card_in_language,
    cities_line,
    indicator_table,
    made_line,
    methods_blocks,
    run_log_text,
    scorecard_blocks,
)
from ccgeo.report.compare_html import DashboardParts, write_dashboard
from ccgeo.report.compare_maps import SmallMultiples, map_title, slug, write_small_multiples
from ccgeo.report.compare_pdf import BriefParts, write_brief
from ccgeo.report.export import write_run_log

#: Names of the files in the output folder.
DASHBOARD = "dashboard.html"
BRIEF = "brief.pdf"


def write_compare_report(
    comparison: Comparison,
    out_dir: str | Path,
    *,
    language: str | None = None,
    map_test: str | None = None,
) -> dict[str, Path]:
    """Write the charts, maps, dashboard and brief of ``comparison`` in ``out_dir``.

    Parameters
    ----------
    comparison
        The cities' evidence (`ccgeo.tasks.compare.compare_projects`); the maps need each
        city's access result for ``map_test`` at quality ``any``.
    out_dir
        Created if missing. Written: ``charts/*.svg`` (levels, coverage curves by test, ranked
        bars by indicator), ``maps/NN_<city>.png`` and ``maps/legend.svg``, ``dashboard.html``
        (offline, self-contained), ``brief.pdf`` and ``run_log_compare_<city>.json`` for each
        city that carries a run log.
    language
        Language of every word, number and date (`ccgeo.i18n.LANGUAGES`); default the current.
    map_test
        The test of the maps (``"pcr"``); default the first test of the coverage curves.

    Returns
    -------
    dict
        The paths by kind: ``dashboard``, ``brief``, ``map_legend``, ``chart_<name>``,
        ``map_<n>``, ``run_log_<n>`` (``n`` from 1, the cities' order).

    Raises
    ------
    InputError
        If the comparison has no city or no coverage curve, or a file cannot be written.
    """
    speaking = using_language(language) if language is not None else contextlib.nullcontext()
    with speaking:
        return _write(comparison, Path(out_dir), map_test=map_test)


def _write(comparison: Comparison, out: Path, *, map_test: str | None) -> dict[str, Path]:
    tests = _tests(comparison)
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    logs = _run_logs(comparison, out, written)
    cards = [card_in_language(c, comparison) for c in comparison.cities]
    levels = level_table_chart(comparison, cards)
    coverage = tuple(coverage_chart(comparison, t) for t in tests)
    bars = tuple(bar_chart(comparison, *key) for key in bar_keys(comparison))
    for chart in (levels, *coverage, *bars):
        written[f"chart_{chart.name}"] = _write_chart(chart, out)
    maps = write_small_multiples(comparison, out, test=map_test or tests[0])
    written["map_legend"] = maps.legend
    written.update({f"map_{i + 1}": p for i, (_c, p) in enumerate(maps.panels) if p is not None})
    draft = draft_note(comparison.scale)
    card_blocks = tuple(
        (c.city, scorecard_blocks(card, comparison, run_log_text(c, logs[c.city])))
        for c, card in zip(comparison.cities, cards, strict=True)
    )
    lines = (cities_line(comparison), made_line(dt.date.today()))
    title = brief_title()
    legend = maps.legend.read_text(encoding="utf-8")
    methods = methods_blocks(comparison, logs)
    table = comparison.indicators
    written["dashboard"] = write_dashboard(
        DashboardParts(
            title=title,
            lines=lines,
            draft=draft,
            indicators=indicator_table(comparison),
            sort_keys=tuple(
                (_sort_key(v), _sort_key(lv))
                for v, lv in zip(table["value"], table["level"], strict=True)
            ),
            level_chart=levels,
            charts=(*coverage, *bars),
            map_title=map_title(maps.test, maps.quality),
            map_legend=legend,
            maps=maps.panels,
            map_note=_map_note(maps),
            cards=card_blocks,
            methods=methods,
        ),
        out / DASHBOARD,
    )
    written["brief"] = write_brief(
        BriefParts(
            title=title,
            lines=lines,
            draft=draft,
            level_chart=levels,
            cards=card_blocks,
            coverage=coverage,
            bars=bars,
            map_title=map_title(maps.test, maps.quality),
            map_legend=legend,
            maps=maps.panels,
            map_note=_map_note(maps),
            methods=methods,
        ),
        out / BRIEF,
    )
    return written


def _tests(comparison: Comparison) -> list[str]:
    """The tests of the coverage curves, in their order.

    Raises
    ------
    InputError
        When there is no city or no curve to draw.
    """
    if not comparison.cities:
        raise InputError(_("the comparison has no city; give at least one project"))
    tests = [str(t) for t in comparison.curves["test"].drop_duplicates()]
    if not tests:
        msg = _("the comparison has no coverage curve; run it with at least one test")
        raise InputError(msg)
    return tests


def _run_logs(
    comparison: Comparison, out: Path, written: dict[str, Path]
) -> dict[str, Path | None]:
    """Each city's run log, written beside the outputs (None for a city without one)."""
    logs: dict[str, Path | None] = {}
    for i, city in enumerate(comparison.cities):
        if not city.run_log:
            logs[city.city] = None
            continue
        path = write_run_log(out, f"compare_{i + 1:02d}_{slug(city.city)}", city.run_log)
        written[f"run_log_{i + 1}"] = path
        logs[city.city] = path
    return logs


def _write_chart(chart: Chart, out: Path) -> Path:
    folder = out / "charts"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{chart.name}.svg"
    path.write_text(chart.svg, encoding="utf-8")
    return path


def _map_note(maps: SmallMultiples) -> str:
    """That every panel has the same scale, and which."""
    return _(
        "Every panel is drawn at the same scale ({metres} m per pixel), centred on its city; "
        "the colour is each person's travel time to the nearest lab doing {test}."
    ).format(metres=format_number(maps.m_per_px, decimals=0), test=name_of_test(maps.test))


def _sort_key(value: object) -> str:
    """A table cell's number for sorting, "" when missing."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return ""
    return "" if number != number else repr(number)


__all__ = ["BRIEF", "DASHBOARD", "write_compare_report"]
