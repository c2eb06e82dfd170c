"""Access and equity indicators, read from an access result (`ccgeo.analysis.access.access`).

The coverage rule is the access analysis' own (`ccgeo.analysis.access.coverage_table`): these
functions only pick rows of its table, or give it other population weights (by sex, by age band).

Population by sex and age band: demand points whose frame has columns ``pop_<sex>_<band>``, where
``<sex>`` is ``f`` or ``m`` and ``<band>`` an age band written with underscores (``pop_f_15_49``,
``pop_m_65_plus``), people of that sex and band at each point. A sex's coverage counts every band
of it, a band's coverage both sexes.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ccgeo.analysis.access import CITY_ID, coverage_table
from ccgeo.analysis.readiness.rows import EQUITY_MINUTES, THRESHOLDS_MINUTES, Row, missing
from ccgeo.i18n import _

if TYPE_CHECKING:
    from ccgeo.analysis.access import AccessResult
    from ccgeo.model.demand import Demand

#: A population column by sex and age band: ``pop_f_15_49``.
BAND_COLUMN = re.compile(r"^pop_(?P<sex>[fm])_(?P<band>\d+(?:_(?:\d+|plus))?)$")

#: Share of districts in the best- and worst-served groups.
FIFTH = 0.2

EQUITY_NAMES: tuple[str, ...] = (
    "coverage_60min_worst_fifth",
    "coverage_60min_best_fifth",
    "coverage_60min_gap",
)

#: Columns of `district_rows`.
DISTRICT_COLUMNS: tuple[str, ...] = (
    "district_id",
    "district_name",
    "threshold_min",
    "population",
    "covered",
    "share",
)


def coverage_rows(result: AccessResult, test: str, quality: str) -> list[Row]:
    """``coverage_<T>min``: people within T minutes of a lab doing ``test`` at ``quality``, %."""
    city = result.city_coverage().set_index("threshold_min")
    rows = []
    for minutes in THRESHOLDS_MINUTES:
        share = float(city.loc[minutes, "share"])
        note = _("no people in the study area") if math.isnan(share) else ""
        rows.append(Row(test, quality, f"coverage_{minutes:g}min", 100.0 * share, note))
    return rows


def district_rows(result: AccessResult) -> pd.DataFrame:
    """The coverage table of the access result without the whole-area rows (`DISTRICT_COLUMNS`;
    people in no district keep ``district_id`` ``""``)."""
    table = result.coverage
    return table.loc[table["district_id"] != CITY_ID, list(DISTRICT_COLUMNS)].reset_index(drop=True)


def equity_rows(result: AccessResult, test: str, quality: str) -> list[Row]:
    """Coverage within 60 minutes of the worst- and best-served fifth of districts, and the gap.

    Districts with people are ranked by their 60-minute share (ties by id); each fifth is the
    ``ceil(n / 5)`` districts at one end, its coverage their covered people over their people.
    """
    table = district_rows(result)
    ranked = table[
        (table["threshold_min"] == EQUITY_MINUTES)
        & (table["district_id"] != "")
        & (table["population"] > 0)
    ].sort_values(["share", "district_id"], kind="stable")
    if len(ranked) < 2:
        note = _("needs two districts with people or more; the project has {n}").format(
            n=len(ranked)
        )
        return missing(test, quality, EQUITY_NAMES, note)
    k = math.ceil(FIFTH * len(ranked))
    worst, best = _share(ranked.head(k)), _share(ranked.tail(k))
    values = (worst, best, best - worst)
    return [Row(test, quality, n, v) for n, v in zip(EQUITY_NAMES, values, strict=True)]


def _share(rows: pd.DataFrame) -> float:
    """Covered people of ``rows`` over their people, %."""
    return 100.0 * float(rows["covered"].sum()) / float(rows["population"].sum())


def band_rows(result: AccessResult, demand: Demand, test: str, quality: str) -> list[Row]:
    """``coverage_60min_sex_<f|m>`` and ``coverage_60min_age_<band>`` from the demand's
    ``pop_<sex>_<band>`` columns (none when it has no such column)."""
    columns = {c: BAND_COLUMN.match(c) for c in demand.gdf.columns}
    found = {c: m for c, m in columns.items() if m is not None}
    if not found:
        return []
    people = _band_people(result, demand, list(found))
    groups: dict[str, list[str]] = {}
    for column, match in found.items():
        groups.setdefault(f"coverage_60min_sex_{match['sex']}", []).append(column)
        groups.setdefault(f"coverage_60min_age_{match['band']}", []).append(column)
    seconds = result.demand["seconds"].to_numpy(dtype=float)
    status = result.demand["status"].to_numpy()
    rows = []
    for name, cols in sorted(groups.items()):
        weights = people[cols].sum(axis=1).to_numpy(dtype=float)
        table = coverage_table(seconds, weights, None, [EQUITY_MINUTES], status=status)
        share = float(table["share"].iat[0])
        note = _("no people in this group") if math.isnan(share) else ""
        rows.append(Row(test, quality, name, 100.0 * share, note))
    return rows


def _band_people(result: AccessResult, demand: Demand, columns: list[str]) -> pd.DataFrame:
    """People by sex and band at each demand point of the result (matched by ``demand_id``)."""
    frame = pd.DataFrame(demand.gdf[["demand_id", *columns]]).drop_duplicates("demand_id")
    values = frame.set_index("demand_id")[columns].apply(pd.to_numeric, errors="coerce")
    people = values.reindex(result.demand["demand_id"].to_numpy())
    return people.fillna(0.0).clip(lower=0.0).set_axis(np.arange(len(people)))
