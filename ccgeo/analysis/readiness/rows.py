"""The rows of the readiness table: indicator names, their units, and one row as the parts make it.

Names and units are fixed English tokens (a machine reads them: the scorecard, the CSV, DHIS2);
the ``note`` of a row is a sentence for the planner, in the current language.
"""

from __future__ import annotations

import math
from typing import NamedTuple

#: Columns of the table of `city_indicators`, in order.
INDICATOR_COLUMNS: tuple[str, ...] = (
    "city",
    "test",
    "quality",
    "indicator",
    "value",
    "unit",
    "note",
)

#: Quality levels of the labs that count, as in `ccgeo.model.schema.QUALITY_FILTERS`.
QUALITIES: tuple[str, ...] = ("any", "eqa", "accredited")

#: Coverage thresholds of the access indicators, minutes (inclusive).
THRESHOLDS_MINUTES: tuple[float, ...] = (30.0, 60.0, 120.0)
#: Threshold of the equity indicators, minutes.
EQUITY_MINUTES = 60.0

PERCENT = "%"
WORKING_DAYS = "working days"
RATIO = "ratio"
PER_MILLION = "per million"
POINTS = "points"

#: Unit of every indicator with a fixed name (by sex and by age band: `PERCENT`).
UNITS: dict[str, str] = {
    **{f"coverage_{t:g}min": PERCENT for t in THRESHOLDS_MINUTES},
    "turnaround_median_days": WORKING_DAYS,
    "turnaround_p90_days": WORKING_DAYS,
    "routes_within_limits": PERCENT,
    "capacity_ratio": RATIO,
    "labs_eqa_share": PERCENT,
    "labs_accredited_share": PERCENT,
    "pathologists_per_million": PER_MILLION,
    "molecular_staff_per_million": PER_MILLION,
    "coverage_60min_worst_fifth": PERCENT,
    "coverage_60min_best_fifth": PERCENT,
    "coverage_60min_gap": POINTS,
}


class Row(NamedTuple):
    """One indicator of one test at one quality level (``quality`` ``""``: it does not depend on
    it); ``value`` NaN when it cannot be computed, with the reason in ``note``."""

    test: str
    quality: str
    indicator: str
    value: float
    note: str = ""

    @property
    def unit(self) -> str:
        """The indicator's unit (coverage by sex or age band: %)."""
        return UNITS.get(self.indicator, PERCENT)


def missing(test: str, quality: str, names: tuple[str, ...], note: str) -> list[Row]:
    """Rows of indicators that cannot be computed, all with the same reason."""
    return [Row(test, quality, name, math.nan, note) for name in names]


def percent(part: float, whole: float) -> float:
    """``100 * part / whole``, NaN when ``whole`` is 0."""
    return 100.0 * part / whole if whole > 0 else math.nan
