"""What the progress page of a city says (`ccgeo.tasks.compare.Progress`), as blocks of
`ccgeo.report.methods` in the language of the moment: the HTML page, the PDF and the app's
table read the same blocks, so their words and numbers cannot drift apart.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from ccgeo.analysis.readiness.progress import _GROUP, change_text, group_words
from ccgeo.analysis.readiness.scorecard import draft_note, indicator_words, name_of_test, value_text
from ccgeo.i18n import _
from ccgeo.labels import MISSING
from ccgeo.report.methods import Block, Bullets, Heading, Paragraph, Table
from ccgeo.tasks.compare import PROGRESS_QUALITY, Progress

#: Districts listed among those whose coverage rose most, and among those whose fell most.
DISTRICTS_LISTED = 5

_NUMBERS = ("r", "r", "r")


def progress_title(progress: Progress) -> str:
    """``"Progress over time: Vila Demo (baseline: v1) → Vila Demo (after: v2)"``."""
    return _("Progress over time: {before} → {after}").format(
        before=progress.before.city, after=progress.after.city
    )


def sources_line(progress: Progress) -> str:
    """``"Baseline: v1.ccgeo; after: v2.ccgeo"``: the project files compared."""
    return _("Baseline: {before}; after: {after}").format(
        before=_file_name(progress.before.source), after=_file_name(progress.after.source)
    )


def _file_name(path: Path | None) -> str:
    return path.name if path is not None else MISSING


def indicator_text(indicator: str) -> str:
    """An indicator in words, its group first: ``"Women: 60-minute coverage"``."""
    group = _GROUP.match(indicator)
    if group is None:
        return indicator_words(indicator)
    return _("{group}: {indicator}").format(
        group=group_words(group["kind"], group["group"]),
        indicator=indicator_words(group["base"]),
    )


def city_table(progress: Progress) -> Table:
    """The city's indicators before and after, the change and the levels (draft scale): those
    of labs of any quality and those that do not depend on the quality level, as the sentences
    (`progress_quality_note` says where the other quality levels are)."""
    table = progress.table
    city = table[(table["scope"] == "city") & table["quality"].isin([PROGRESS_QUALITY, ""])]
    rows = tuple(
        (
            name_of_test(str(row.test)),
            indicator_text(str(row.indicator)),
            *_values(row),
            _level(row.level_before),
            _level(row.level_after),
        )
        for row in city.itertuples(index=False)
    )
    columns = (
        _("Test"),
        _("Indicator"),
        _("Before"),
        _("After"),
        _("Change"),
        _("Level before"),
        _("Level after"),
    )
    return Table(columns=columns, rows=rows, align=("l", "l", *_NUMBERS, "r", "r"))


def progress_quality_note() -> str:
    """Which labs the table counts, and where the rest is."""
    return _(
        "Labs of any quality level; progress.csv also has the labs in external quality "
        "assessment and the accredited labs."
    )


def _values(row: object) -> tuple[str, str, str]:
    """Before, after and change of a row of the progress table, with their unit (a dash for a
    value a version could not compute)."""
    unit = str(row.unit)  # type: ignore[attr-defined]
    before, after, change = (
        float(row.before),  # type: ignore[attr-defined]
        float(row.after),  # type: ignore[attr-defined]
        float(row.change),  # type: ignore[attr-defined]
    )
    return (
        MISSING if math.isnan(before) else value_text(before, unit),
        MISSING if math.isnan(after) else value_text(after, unit),
        MISSING if math.isnan(change) else change_text(change, unit),
    )


def _level(level: object) -> str:
    return MISSING if pd.isna(level) else str(int(level))  # type: ignore[call-overload]


def districts_moved(progress: Progress, *, limit: int = DISTRICTS_LISTED) -> tuple[Table, Table]:
    """The districts whose coverage (labs of any quality) rose most, and those whose fell most:
    at most ``limit`` rows each, the largest change first."""
    table = progress.table
    moved = table[
        (table["scope"] == "district")
        & (table["quality"] == PROGRESS_QUALITY)
        & table["change"].notna()
    ]
    best = moved[moved["change"] > 0].sort_values("change", ascending=False, kind="stable")
    worst = moved[moved["change"] < 0].sort_values("change", kind="stable")
    return _district_table(best.head(limit)), _district_table(worst.head(limit))


def _district_table(rows: pd.DataFrame) -> Table:
    cells = tuple(
        (
            str(row.district_name) or str(row.district_id),
            name_of_test(str(row.test)),
            indicator_words(str(row.indicator)),
            *_values(row),
        )
        for row in rows.itertuples(index=False)
    )
    columns = (_("District"), _("Test"), _("Indicator"), _("Before"), _("After"), _("Change"))
    return Table(columns=columns, rows=cells, align=("l", "l", "l", *_NUMBERS))


def progress_blocks(progress: Progress, run_logs: Mapping[str, Path]) -> list[Block]:
    """The page after its title and draft note: the sentences (what changed, for whom, by how
    much), the city's indicators, the districts that moved most, and how to reproduce it all
    (``run_logs``: the run log of each version by its city name)."""
    best, worst = districts_moved(progress)
    blocks: list[Block] = [Heading(_("What changed")), Bullets(tuple(progress.sentences))]
    blocks.append(Heading(_("The city's indicators, before and after")))
    blocks.append(Paragraph(draft_note(progress.scale), note=True))
    blocks += [Paragraph(progress_quality_note(), note=True), city_table(progress)]
    blocks.append(Heading(_("Districts whose coverage rose most")))
    blocks.append(best if best.rows else Paragraph(_("No district's coverage rose.")))
    blocks.append(Heading(_("Districts whose coverage fell most")))
    blocks.append(worst if worst.rows else Paragraph(_("No district's coverage fell.")))
    blocks.append(Heading(_("How to reproduce these figures")))
    text = _(
        "Each version's run log records the ccgeo version, the command, the settings and the "
        "input files with their sizes and SHA-256 checksums: {before} ({before_log}) and "
        "{after} ({after_log})."
    )
    blocks.append(
        Paragraph(
            text.format(
                before=progress.before.city,
                before_log=run_logs[progress.before.city].name,
                after=progress.after.city,
                after_log=run_logs[progress.after.city].name,
            ),
            note=True,
        )
    )
    return blocks


__all__ = [
    "DISTRICTS_LISTED",
    "city_table",
    "districts_moved",
    "indicator_text",
    "progress_blocks",
    "progress_quality_note",
    "progress_title",
    "sources_line",
]
