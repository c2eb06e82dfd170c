"""Lab capacity against the need for tests: demand parameters and the results of 2SFCA, E2SFCA
and capacity-limited coverage (computed by `ccgeo.analysis.capacity`). Pure data, no file I/O.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ccgeo.errors import InputError
from ccgeo.i18n import N_, _
from ccgeo.model.schema import CAPABILITIES

#: Status (FCA) and ``stopped_by`` (coverage) of a lab the placement rule left out: a value of
#: the result tables, in English; shown as ``ccgeo.i18n._(NOT_ON_NETWORK)``.
NOT_ON_NETWORK = N_("not on the network")


def check_capability(capability: str) -> None:
    """Raise `InputError` unless ``capability`` is one of `CAPABILITIES`."""
    if capability not in CAPABILITIES:
        msg = _("`capability` should be one of {allowed}, got {value!r}").format(
            allowed=", ".join(CAPABILITIES), value=capability
        )
        raise InputError(msg)


def _freeze_arrays(result: object) -> None:
    for value in vars(result).values():
        if isinstance(value, np.ndarray):
            value.setflags(write=False)


def _number(value: float) -> float | None:
    """A plain float for JSON, None for NaN."""
    return None if math.isnan(value) else float(value)


@dataclass(frozen=True)
class DemandParameters:
    """How many tests per year a population needs, per capability.

    Attributes
    ----------
    incidence_per_100k : float
        New cancer cases (all sites) per 100,000 people per year.
    eligible_fraction : dict
        Share of incident cancers needing a test of each capability per year (0..1).
    basis : dict
        Where each number comes from, by ``"incidence"`` and capability name; what a report's
        methods page cites.
    sources : tuple of str
        The files read, the bundled one first.
    """

    incidence_per_100k: float
    eligible_fraction: Mapping[str, float]
    basis: Mapping[str, str]
    sources: tuple[str, ...] = ()

    def tests_per_person(self, capability: str) -> float:
        """Tests per person per year for ``capability``: incidence / 100,000 x eligible fraction."""
        check_capability(capability)
        return self.incidence_per_100k / 100_000.0 * self.eligible_fraction[capability]


@dataclass(frozen=True, eq=False)
class FcaResult:
    """Two-step floating catchment accessibility: supply-to-demand ratios of labs and points.

    With ``demand_unit="tests"``, ``ratio`` is tests per year a lab can run per test per year
    needed within its catchment, and ``accessibility`` sums those ratios over the labs a point
    reaches: 1.0 means the capacity within reach matches the need, 0.5 half of it. With
    ``demand_unit="people"`` both are tests per year per person (x 100,000 for a rate per
    100,000 people).

    Attributes
    ----------
    method : str
        ``"2sfca"`` or ``"e2sfca"``.
    demand_unit : str
        ``"tests"`` or ``"people"``.
    unit : str
        The unit of ``ratio`` and ``accessibility`` in words.
    bands_minutes, weights : tuple of float
        Travel-time bands (inclusive upper bounds, minutes) and their weights; one band of
        weight 1 for 2SFCA.
    lab_ids : object (k,)
        Lab identifiers.
    supply : float64 (k,)
        Lab capacity, tests per year; NaN for labs without a capacity (excluded). A lab not on
        the network keeps its capacity here but takes no part.
    lab_demand : float64 (k,)
        Weighted demand within each lab's catchment (Σ_k W(t_kj) P_k), in ``demand_unit``;
        NaN for labs left out.
    ratio : float64 (k,)
        R_j = S_j / lab_demand; NaN for labs left out and labs with no demand in reach.
    demand : float64 (n,)
        Demand at each point, in ``demand_unit``.
    population : float64 (n,)
        People at each point (the weights of district means).
    accessibility : float64 (n,)
        A_i = Σ_j W(t_ij) R_j; 0 where no lab with capacity is within reach.
    labs_in_reach : int64 (n,)
        Number of labs with capacity within the last band of each point.
    labs : DataFrame
        Per lab: ``lab_id``, ``name``, ``capacity_tests_per_year``, ``demand_in_reach``,
        ``ratio``, ``status`` (``"ok"``, ``"no capacity"``, ``"no demand in reach"``, or
        `NOT_ON_NETWORK` over a network); over a network also ``reason`` (why a lab is not on
        the network, or a caution about its placement; ``""`` otherwise).
    districts : DataFrame
        Per district (``""`` = outside every district): ``district_id``, ``population``,
        ``demand``, ``accessibility`` (population-weighted mean), ``population_no_lab``.
    excluded_labs : tuple of str
        Ids of labs left out because their capacity is unknown.
    off_network_labs : tuple of str
        Ids of labs left out because they lie farther than the maximum snap distance from
        every road (`ccgeo.analysis.placement.place_labs`).
    warnings : tuple of str
        What the user must know about the result (labs excluded, points off the network, ...).
    """

    method: str
    demand_unit: str
    unit: str
    bands_minutes: tuple[float, ...]
    weights: tuple[float, ...]
    lab_ids: np.ndarray
    supply: np.ndarray
    lab_demand: np.ndarray
    ratio: np.ndarray
    demand: np.ndarray
    population: np.ndarray
    accessibility: np.ndarray
    labs_in_reach: np.ndarray
    labs: pd.DataFrame
    districts: pd.DataFrame
    excluded_labs: tuple[str, ...] = ()
    off_network_labs: tuple[str, ...] = ()
    warnings: tuple[str, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        _freeze_arrays(self)

    @property
    def mean_accessibility(self) -> float:
        """Population-weighted mean accessibility over all points (unreached ones count as 0)."""
        total = float(self.population.sum())
        return float(self.population @ self.accessibility / total) if total > 0 else math.nan

    @property
    def population_no_lab(self) -> float:
        """People with no lab with capacity within the last band."""
        return float(self.population[self.labs_in_reach == 0].sum())

    def per_point(self) -> dict[str, np.ndarray]:
        """Columns of the demand points table: ``accessibility`` and ``labs_in_reach``."""
        return {"accessibility": self.accessibility, "labs_in_reach": self.labs_in_reach}

    def summary(self) -> dict[str, Any]:
        """The headline numbers, JSON-ready (plain floats; NaN as None)."""
        return {
            "method": self.method,
            "unit": self.unit,
            "demand_unit": self.demand_unit,
            "bands_minutes": list(self.bands_minutes),
            "weights": list(self.weights),
            "mean_accessibility": _number(self.mean_accessibility),
            "population_no_lab_in_reach": self.population_no_lab,
            "demand": float(self.demand.sum()),
            "labs": len(self.lab_ids),
            "excluded_labs": list(self.excluded_labs),
            "off_network_labs": list(self.off_network_labs),
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True, eq=False)
class CoverageResult:
    """AccessMod-style geographic coverage: what each lab's capacity covers, nearest first.

    Attributes
    ----------
    order : str
        How labs were ordered (``"capacity"``, ``"given"`` or ``"time"``).
    max_minutes : float
        Time limit of every catchment, minutes, inclusive.
    lab_ids : object (k,)
        Lab identifiers.
    capacity : float64 (k,)
        Capacity, tests per year; NaN for labs without one (excluded). A lab not on the
        network keeps its capacity here but takes no part.
    covered : float64 (k,)
        Demand each lab covers, in the demand's unit (tests per year); ≤ capacity; NaN for
        labs left out.
    radius_minutes : float64 (k,)
        Travel time the catchment grew to: the time of the point where capacity ran out, or
        ``max_minutes`` when the time limit stopped it; NaN for labs left out.
    stopped_by : object (k,)
        ``"capacity"``, ``"time"``, ``"no capacity"`` (excluded), or `NOT_ON_NETWORK`.
    rank : int64 (k,)
        Position of each lab in the processing order (0 first), -1 for labs left out.
    demand : float64 (n,)
        Demand at each point.
    population : float64 (n,)
        People at each point.
    covered_demand : float64 (n,)
        Demand covered at each point, by all labs together; ≤ ``demand``.
    lab : int64 (n,)
        The lab (row of ``lab_ids``) that covered the largest part of each point, -1 where none.
    labs : DataFrame
        Per lab: ``lab_id``, ``name``, ``rank``, ``capacity_tests_per_year``,
        ``demand_in_reach`` (before any lab ran), ``covered``, ``capacity_used`` (share),
        ``radius_minutes``, ``stopped_by``; over a network also ``reason`` (why a lab is not on
        the network, or a caution about its placement; ``""`` otherwise).
    districts : DataFrame
        Per district: ``district_id``, ``population``, ``demand``, ``covered``,
        ``covered_share``, ``population_covered``.
    totals : dict
        ``demand``, ``covered``, ``covered_share``, ``population``, ``population_covered``
        (people x covered share), ``capacity`` (labs included), ``capacity_used``,
        ``demand_out_of_reach`` (no lab within the limit).
    excluded_labs : tuple of str
        Labs without a known capacity.
    off_network_labs : tuple of str
        Labs farther than the maximum snap distance from every road, left out.
    warnings : tuple of str
    """

    order: str
    max_minutes: float
    lab_ids: np.ndarray
    capacity: np.ndarray
    covered: np.ndarray
    radius_minutes: np.ndarray
    stopped_by: np.ndarray
    rank: np.ndarray
    demand: np.ndarray
    population: np.ndarray
    covered_demand: np.ndarray
    lab: np.ndarray
    labs: pd.DataFrame
    districts: pd.DataFrame
    totals: dict[str, float]
    excluded_labs: tuple[str, ...] = ()
    off_network_labs: tuple[str, ...] = ()
    warnings: tuple[str, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        _freeze_arrays(self)

    @property
    def covered_share(self) -> np.ndarray:
        """Share of each point's demand that is covered (0..1; 0 where the demand is 0)."""
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(self.demand > 0, self.covered_demand / self.demand, 0.0)

    def per_point(self) -> dict[str, np.ndarray]:
        """Columns of the demand points table: ``covered_tests`` and ``lab`` (the lab row that
        covered most of the point, -1 for none)."""
        return {"covered_tests": self.covered_demand, "lab": self.lab}

    def summary(self) -> dict[str, Any]:
        """The headline numbers, JSON-ready (plain floats)."""
        return {
            "method": "coverage",
            "order": self.order,
            "max_minutes": float(self.max_minutes),
            **{key: float(value) for key, value in self.totals.items()},
            "labs": len(self.lab_ids),
            "excluded_labs": list(self.excluded_labs),
            "off_network_labs": list(self.off_network_labs),
            "warnings": list(self.warnings),
        }
