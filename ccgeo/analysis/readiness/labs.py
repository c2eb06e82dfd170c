"""Laboratory indicators read from the facility layer: capacity against expected tests, the
quality of the capable labs, and their workforce per million people."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ccgeo.analysis.capacity import test_demand
from ccgeo.analysis.readiness.rows import Row, percent
from ccgeo.i18n import _
from ccgeo.model.schema import WORKFORCE_COLUMNS

if TYPE_CHECKING:
    from ccgeo.model.capacity import DemandParameters
    from ccgeo.model.facilities import Facilities

#: Indicator of each workforce column of the facility layer.
WORKFORCE_INDICATORS: dict[str, str] = {
    "pathologists": "pathologists_per_million",
    "molecular_technologists": "molecular_staff_per_million",
}

#: Indicator of each quality filter of the capable labs' quality shares.
QUALITY_SHARES: dict[str, str] = {"eqa": "labs_eqa_share", "accredited": "labs_accredited_share"}


def capacity_row(
    facilities: Facilities,
    population: float,
    test: str,
    quality: str,
    *,
    params: DemandParameters,
) -> Row:
    """``capacity_ratio``: tests a year the capable labs can do over the tests a year expected
    (population x incidence x eligible fraction, `ccgeo.analysis.capacity.test_demand`).

    A lab without a capacity counts as 0 (said in the note); NaN when no capable lab gives one.
    """
    expected = float(test_demand([population], capability=test, params=params)[0])
    capacity = facilities.capable(test, quality=quality).gdf["capacity_tests_per_year"]
    known = capacity[np.isfinite(capacity.to_numpy(dtype=float))]
    if expected <= 0:
        return Row(test, quality, "capacity_ratio", math.nan, _("no expected tests: no people"))
    if len(capacity) and not len(known):
        note = _("no capable lab gives its capacity (tests per year)")
        return Row(test, quality, "capacity_ratio", math.nan, note)
    note = _unknown_note(len(capacity) - len(known), len(capacity), _("capacity"))
    return Row(test, quality, "capacity_ratio", float(known.sum()) / expected, note)


def _unknown_note(unknown: int, labs: int, what: str) -> str:
    """``"2 of 5 capable labs give no capacity: counted as 0"``, or ``""``."""
    if not unknown:
        return ""
    text = _("{unknown} of {labs} capable labs give no {what}: counted as 0")
    return text.format(unknown=unknown, labs=labs, what=what)


def quality_rows(facilities: Facilities, test: str) -> list[Row]:
    """``labs_eqa_share`` and ``labs_accredited_share``: capable labs (at any quality) in EQA or
    accredited, % (quality ``""``); NaN when no lab does the test."""
    capable = len(facilities.capable(test))
    note = "" if capable else _("no lab does this test")
    return [
        Row(test, "", name, percent(len(facilities.capable(test, quality=q)), capable), note)
        for q, name in QUALITY_SHARES.items()
    ]


def workforce_rows(facilities: Facilities, population: float, test: str) -> list[Row]:
    """Pathologists and molecular technologists of the labs doing ``test`` (any quality) per
    million people (quality ``""``); NaN when the facility layer lacks the column."""
    capable = facilities.capable(test).gdf
    rows = []
    for column in WORKFORCE_COLUMNS:
        name = WORKFORCE_INDICATORS[column]
        if column not in capable.columns:
            note = _("the facility file has no {column} column").format(column=column)
            rows.append(Row(test, "", name, math.nan, note))
            continue
        staff = pd.to_numeric(capable[column], errors="coerce").to_numpy(dtype=float)
        known = staff[np.isfinite(staff)]
        if population <= 0 or (len(staff) and not len(known)):
            note = _("no people") if population <= 0 else _("no capable lab gives this count")
            rows.append(Row(test, "", name, math.nan, note))
            continue
        note = _unknown_note(len(staff) - len(known), len(staff), column)
        rows.append(Row(test, "", name, float(known.sum()) * 1e6 / population, note))
    return rows
