"""The evidence of one city and of several compared: what `ccgeo compare`, File ▸ Compare
Cities and the Python API compute once (`ccgeo.tasks.compare`) and every output reads (the
tables, charts, maps, dashboard, PDF brief and DHIS2 export of `ccgeo.report.compare`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ccgeo.analysis.readiness.rows import INDICATOR_COLUMNS

if TYPE_CHECKING:
    from pathlib import Path

    from ccgeo.analysis.access import AccessResult
    from ccgeo.analysis.readiness.scorecard import ReadinessScale, Scorecard

#: Columns of the comparison's tidy table (`Comparison.indicators`), in this order.
TIDY_COLUMNS: tuple[str, ...] = ("city", "test", "quality", "indicator", "value", "unit", "level")
#: Columns of the coverage curves (`CityEvidence.curves`); ``share`` is in % (0-100).
CURVE_COLUMNS: tuple[str, ...] = ("city", "test", "quality", "minutes", "share")
#: Minutes of the coverage curves: every 5 minutes up to 3 hours.
CURVE_MINUTES: tuple[float, ...] = tuple(float(m) for m in range(5, 181, 5))


@dataclass(frozen=True, eq=False)
class CityEvidence:
    """One city's readiness evidence.

    Attributes
    ----------
    city : str
        The project's name.
    source : Path or None
        The project file (or batch scenario folder) it was computed from.
    indicators : DataFrame
        `city_indicators` with the scale's ``level`` and ``draft`` (`assign_levels`); the
        columns of `INDICATOR_COLUMNS` plus ``level``, ``draft``.
    districts : DataFrame
        `district_indicators`: coverage per district, test, quality and threshold.
    curves : DataFrame
        `CURVE_COLUMNS`: the share of people within each of `CURVE_MINUTES` of a lab, per test
        and quality.
    scorecard : Scorecard
        The city's scorecard (each domain at its weakest test), with its actions.
    access : mapping
        ``(test, quality)`` → the `AccessResult` the coverage came from (for the maps).
    run_log : mapping
        What was run, with which settings and files (the run log of every output).
    """

    city: str
    source: Path | None
    indicators: pd.DataFrame
    districts: pd.DataFrame
    curves: pd.DataFrame
    scorecard: Scorecard
    access: Mapping[tuple[str, str], AccessResult] = field(default_factory=dict)
    run_log: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class Comparison:
    """Several cities' evidence on one readiness scale.

    Attributes
    ----------
    cities : tuple of CityEvidence
        In the order given.
    scale : ReadinessScale
        The (draft) scale every level was assigned with.
    """

    cities: tuple[CityEvidence, ...]
    scale: ReadinessScale

    @property
    def indicators(self) -> pd.DataFrame:
        """The tidy table of every city: `TIDY_COLUMNS` (values in their units, ``level`` 1-5
        or missing)."""
        frames = [c.indicators for c in self.cities]
        if not frames:
            return pd.DataFrame(columns=list(TIDY_COLUMNS))
        table = pd.concat(frames, ignore_index=True)
        return table[list(TIDY_COLUMNS)]

    @property
    def curves(self) -> pd.DataFrame:
        """Every city's coverage curves (`CURVE_COLUMNS`)."""
        frames = [c.curves for c in self.cities]
        if not frames:
            return pd.DataFrame(columns=list(CURVE_COLUMNS))
        return pd.concat(frames, ignore_index=True)[list(CURVE_COLUMNS)]


def coverage_curve(
    seconds: np.ndarray,
    population: np.ndarray,
    *,
    minutes: tuple[float, ...] = CURVE_MINUTES,
) -> np.ndarray:
    """Share of people (%) within each of ``minutes`` of a lab, inclusive, from each person's
    time in seconds (``inf`` unreached): the coverage rule of `ccgeo.analysis.access` at every
    point of the curve, so that its 30, 60 and 120 minutes are the indicators' values."""
    from ccgeo.analysis.access import coverage_table

    pop = np.asarray(population, dtype=np.float64)
    table = coverage_table(np.asarray(seconds, dtype=np.float64), pop, None, list(minutes))
    by_minutes = dict(zip(table["threshold_min"], table["share"], strict=True))
    return np.array([100.0 * by_minutes.get(float(m), np.nan) for m in minutes])


__all__ = [
    "CURVE_COLUMNS",
    "CURVE_MINUTES",
    "INDICATOR_COLUMNS",
    "TIDY_COLUMNS",
    "CityEvidence",
    "Comparison",
    "coverage_curve",
]
