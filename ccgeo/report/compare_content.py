"""What the dashboard and the PDF brief of a many-city comparison say, as blocks of
`ccgeo.report.methods` (headings, paragraphs, bullets, tables) in the language of the moment:
both outputs render the same blocks, so their words and numbers cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from pathlib import Path

from ccgeo import __version__
from ccgeo.analysis.readiness.evidence import CityEvidence, Comparison
from ccgeo.analysis.readiness.scorecard import (
    ReadinessScale,
    Scorecard,
    actions_to_raise,
    domain_words,
    draft_note,
    indicator_words,
    name_of_test,
    scorecard,
    unit_words,
)
from ccgeo.i18n import _
from ccgeo.labels import MISSING, format_date
from ccgeo.report.compare_charts import value_text
from ccgeo.report.methods import Block, Bullets, Heading, Paragraph, Table


def brief_title() -> str:
    """The title of the dashboard and of the brief."""
    return _("Diagnostic readiness of cities: evidence brief")


def cities_line(comparison: Comparison) -> str:
    """``"Cities: A, B"``."""
    return _("Cities: {cities}").format(cities=", ".join(c.city for c in comparison.cities))


def made_line(day: dt.date) -> str:
    """``"Made on 3 December 2026 with ccgeo 0.10.0"``."""
    return _("Made on {date} with ccgeo {version}").format(
        date=format_date(day), version=__version__
    )


def card_in_language(city: CityEvidence, comparison: Comparison) -> Scorecard:
    """The city's scorecard with its drivers and actions written in the current language (a card
    keeps the words of the language it was made in)."""
    card = city.scorecard
    fresh = scorecard(city.indicators, city.city, comparison.scale, test=card.test)
    if not card.actions:
        return fresh
    suggestions = [a.suggestion for a in card.actions]
    return actions_to_raise(fresh, suggestions, limit=len(suggestions))


def level_words(level: int | None) -> str:
    """``"3"``, or ``"–"`` when there is no level."""
    return MISSING if level is None else str(level)


def scorecard_blocks(card: Scorecard, comparison: Comparison, run_log: str) -> list[Block]:
    """One city's scorecard: the draft note, each domain's level and what drives it, the lowest
    domains and the actions that would raise them, and where its run log is."""
    blocks: list[Block] = [Paragraph(draft_note(comparison.scale), note=True)]
    rows = tuple((domain_words(d.domain), level_words(d.level), d.driver) for d in card.domains)
    columns = (_("Domain"), _("Level"), _("What drives it"))
    blocks.append(Table(columns=columns, rows=rows, align=("l", "r", "l")))
    blocks.append(Paragraph(card.lowest_text()))
    blocks.append(Heading(_("Actions that would raise the lowest")))
    if card.actions:
        blocks.append(Bullets(tuple(a.sentence for a in card.actions)))
    else:
        text = _(
            "No action found: the siting and referral results of this city suggest no change "
            "that raises its lowest domain."
        )
        blocks.append(Paragraph(text))
    blocks.append(Paragraph(run_log, note=True))
    return blocks


def run_log_text(city: CityEvidence, path: Path | None) -> str:
    """Where the run that made a city's figures is recorded, to reproduce them."""
    if path is None:
        return _("No run log was recorded for {city}.").format(city=city.city)
    source = str(city.source.name) if city.source is not None else MISSING
    return _("Computed from {source}; run log: {log}").format(source=source, log=path.name)


def indicator_table(comparison: Comparison) -> Table:
    """The tidy table as printed: city, test, quality, indicator (in words), value with its
    unit, level."""
    scale = comparison.scale
    rows = []
    for row in comparison.indicators.itertuples(index=False):
        value = float(row.value)
        level = None if _missing(row.level) else int(row.level)
        rows.append(
            (
                str(row.city),
                name_of_test(str(row.test)) if row.test else MISSING,
                str(row.quality) or MISSING,
                indicator_words(str(row.indicator)),
                value_text(scale, str(row.indicator), value, str(row.unit)),
                level_words(level),
            )
        )
    columns = (_("City"), _("Test"), _("Quality"), _("Indicator"), _("Value"), _("Level"))
    return Table(columns=columns, rows=tuple(rows), align=("l", "l", "l", "l", "r", "r"))


def _missing(value: object) -> bool:
    try:
        return value is None or math.isnan(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return True


def methods_blocks(comparison: Comparison, run_logs: Mapping[str, Path | None]) -> list[Block]:
    """Indicator definitions with their cut points and sources, the coverage rule, and how to
    reproduce every figure."""
    scale = comparison.scale
    blocks: list[Block] = [Paragraph(draft_note(scale))]
    blocks.append(Heading(_("Indicators and the levels of the scale")))
    rows = []
    for found in scale.indicators:
        ranges = [found.range_text(level) for level in range(1, 6)]
        unit = unit_words(found.unit) or MISSING
        rows.append((indicator_words(found.name), unit, *ranges, found.basis or MISSING))
    columns = (
        _("Indicator"),
        _("Unit"),
        *(_("Level {level}").format(level=level) for level in range(1, 6)),
        _("Source of the thresholds"),
    )
    blocks.append(Table(columns=columns, rows=tuple(rows), align=("l",) * len(columns)))
    blocks.append(Heading(_("Domains")))
    blocks.append(
        Bullets(
            tuple(
                _("{domain}: {indicator}, at its weakest test").format(
                    domain=domain_words(rule.name), indicator=indicator_words(rule.indicator)
                )
                for rule in scale.domains
            )
        )
    )
    blocks.append(Heading(_("How coverage is counted")))
    blocks.append(
        Paragraph(
            _(
                "Coverage is the share of people whose travel time over the road network to the "
                "nearest lab doing the test, at the quality level shown, is at most the "
                "threshold (inclusive). The curves apply the same rule every 5 minutes, so "
                "their values at 30, 60 and 120 minutes are the indicators'."
            )
        )
    )
    blocks.append(Paragraph(_("Thresholds read from: {files}").format(files=_sources(scale))))
    blocks.append(Heading(_("How to reproduce these figures")))
    blocks.append(
        Paragraph(
            _(
                "Each city's run log records the ccgeo version, the command, the settings and "
                "the input files with their sizes and SHA-256 checksums; run the same command "
                "on the same files to get the same table."
            )
        )
    )
    rows_log = tuple(
        (c.city, str(c.source) if c.source is not None else MISSING, _log_name(run_logs[c.city]))
        for c in comparison.cities
    )
    columns_log = (_("City"), _("Project"), _("Run log"))
    blocks.append(Table(columns=columns_log, rows=rows_log, align=("l", "l", "l")))
    return blocks


def _log_name(path: Path | None) -> str:
    return path.name if path is not None else MISSING


def _sources(scale: ReadinessScale) -> str:
    return ", ".join(Path(s).name for s in scale.sources) or MISSING


__all__ = [
    "brief_title",
    "card_in_language",
    "cities_line",
    "indicator_table",
    "level_words",
    "made_line",
    "methods_blocks",
    "run_log_text",
    "scorecard_blocks",
]
