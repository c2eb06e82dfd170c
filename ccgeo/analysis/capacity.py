"""Capacity-aware access to labs: 2SFCA, E2SFCA and AccessMod-style capacity-limited coverage.

Lab capacity and demand share one unit, tests per year (demand = population x cancer incidence x
eligible fraction, `resources/demand.toml`); times are seconds inside and minutes in options.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import geopandas as gpd
import numpy as np
import pandas as pd
import scipy.sparse as sp

from ccgeo.analysis.snapping import (
    DEFAULT_MAX_SNAP_M,
    DEFAULT_WALK_KMH,
    SnappedPoints,
    snap_points,
)
from ccgeo.errors import InputError, check_cancel
from ccgeo.model.facilities import Facilities
from ccgeo.model.schema import CAPABILITIES
from ccgeo.network.routing import catchments
from ccgeo.params import load_toml, resource
from ccgeo.progress import ProgressCallback, report_progress, scaled_progress

if TYPE_CHECKING:
    import threading

    from ccgeo.model.demand import Demand
    from ccgeo.model.network import Network

#: The bundled demand parameters (incidence, eligible fraction per capability, their sources).
BUNDLED_DEMAND = "demand.toml"

#: Catchment of plain 2SFCA, minutes (the last band of the PySAL `access` E2SFCA default).
DEFAULT_MAX_MINUTES = 30.0

#: E2SFCA travel-time bands, upper bounds in minutes, each inclusive (PySAL `access` default
#: ``weights.step_fn({10: 1, 20: 0.68, 30: 0.22})``, after Luo and Qi 2009).
E2SFCA_BANDS_MINUTES: tuple[float, ...] = (10.0, 20.0, 30.0)

#: E2SFCA weight of each band (PySAL `access` default).
E2SFCA_WEIGHTS: tuple[float, ...] = (1.0, 0.68, 0.22)

#: Capacity column of the facility schema, tests per year.
CAPACITY_COLUMN = "capacity_tests_per_year"

Method = Literal["2sfca", "e2sfca"]
DemandUnit = Literal["tests", "people"]
LabOrder = Literal["capacity", "given", "time"]

#: Largest number of (demand point, candidate, lab) rows expanded at once when building the
#: lab x demand time matrix (about 40 bytes each).
_CHUNK_PAIRS = 5_000_000

#: Tolerance on capacity and demand sums, tests per year: float cumsums must not make a lab look
#: capacity-limited when it covered everything in reach.
_REL_TOL = 1e-9


# ---------------------------------------------------------------------------------------------
# demand for tests


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
        _check_capability(capability)
        return self.incidence_per_100k / 100_000.0 * self.eligible_fraction[capability]


def load_demand_parameters(path: str | Path | None = None) -> DemandParameters:
    """Read the bundled demand parameters, and a user's file over them.

    Parameters
    ----------
    path
        A TOML file in the format of ``resources/demand.toml``; its values replace the bundled
        ones key by key (a value given without ``basis`` is cited as coming from this file).
        None reads the bundled file only.

    Returns
    -------
    DemandParameters

    Raises
    ------
    InputError
        If a file is missing or not valid TOML, or a key is unknown or a value is not a number in
        range; every problem is listed with its file, key and value.
    """
    tables = _read_demand_toml(resource(BUNDLED_DEMAND))
    sources = [str(resource(BUNDLED_DEMAND))]
    incidence = dict(tables.get("incidence", {}))
    caps = {c: dict(t) for c, t in tables.get("capabilities", {}).items()}
    if path is not None:
        user_path = Path(path)
        user = _read_demand_toml(user_path)
        sources.append(str(user_path))
        cite = f"user file {user_path.name}"
        if "incidence" in user:
            incidence.update(user["incidence"])
            if "basis" not in user["incidence"]:
                incidence["basis"] = cite
        for cap, table in user.get("capabilities", {}).items():
            merged = caps.get(cap, {}) | table
            if "basis" not in table:
                merged["basis"] = cite
            caps[cap] = merged
    where = Path(path) if path is not None else resource(BUNDLED_DEMAND)
    problems: list[str] = []
    rate = incidence.get("per_100k_per_year")
    if not _is_number(rate) or not 0 < float(rate) <= 100_000:
        problems.append(
            f"[incidence] per_100k_per_year = {rate!r}: expected a number of new cancer cases per "
            "100,000 people per year, above 0 and at most 100000 (world: 196.9)"
        )
    fractions: dict[str, float] = {}
    basis: dict[str, str] = {"incidence": str(incidence.get("basis", ""))}
    for cap in CAPABILITIES:
        table = caps.get(cap)
        if table is None or "eligible_fraction" not in table:
            problems.append(f"[capabilities.{cap}] eligible_fraction is missing")
            continue
        value = table["eligible_fraction"]
        if not _is_number(value) or not 0 <= float(value) <= 1:
            problems.append(
                f"[capabilities.{cap}] eligible_fraction = {value!r}: expected the share of "
                "incident cancers needing this test, a number from 0 to 1 (10 % is 0.10)"
            )
            continue
        fractions[cap] = float(value)
        basis[cap] = str(table.get("basis", ""))
    if problems:
        msg = (
            "demand parameters are not usable: "
            + "; ".join(problems)
            + ". Fix these values (see the comments at the top of resources/demand.toml)."
        )
        raise InputError(msg, path=where)
    return DemandParameters(float(rate), fractions, basis, tuple(sources))  # type: ignore[arg-type]


def test_demand(
    population: np.ndarray | Sequence[float] | pd.Series,
    *,
    capability: str,
    # (PT028: ruff takes `test_demand` for a pytest test by its name)
    incidence_per_100k: float | None = None,  # noqa: PT028
    eligible_fraction: float | None = None,  # noqa: PT028
    params: DemandParameters | None = None,  # noqa: PT028
) -> np.ndarray:
    """Tests per year needed at each demand point: population x incidence x eligible fraction.

    Parameters
    ----------
    population
        People at each demand point.
    capability
        The test's capability (one of `ccgeo.model.CAPABILITIES`), which picks the eligible
        fraction.
    incidence_per_100k
        New cancer cases per 100,000 people per year, replacing the parameters' value.
    eligible_fraction
        Share of incident cancers needing this test (0..1), replacing the parameters' value.
    params
        Demand parameters; None reads the bundled ``resources/demand.toml``.

    Returns
    -------
    float64 (n,)
        Tests per year at each point.

    Raises
    ------
    InputError
        If a population is negative or not finite, or a rate is out of range.
    """
    _check_capability(capability)
    pop = np.asarray(population, dtype=np.float64).reshape(-1)
    bad = np.flatnonzero(~np.isfinite(pop) | (pop < 0))
    if len(bad):
        msg = (
            f"population should be 0 or more people at every point; points "
            f"{_listing(bad.tolist())} hold {_listing(pop[bad].tolist())}"
        )
        raise InputError(msg)
    if incidence_per_100k is None or eligible_fraction is None:
        params = params if params is not None else load_demand_parameters()
    if incidence_per_100k is None:
        rate = params.incidence_per_100k  # type: ignore[union-attr]
    else:
        rate = float(incidence_per_100k)
        if not 0 < rate <= 100_000:
            msg = (
                f"`incidence_per_100k` should be new cancer cases per 100,000 people per year, "
                f"above 0 and at most 100000, got {incidence_per_100k!r}"
            )
            raise InputError(msg)
    if eligible_fraction is None:
        fraction = params.eligible_fraction[capability]  # type: ignore[union-attr]
    else:
        fraction = float(eligible_fraction)
        if not 0 <= fraction <= 1:
            msg = (
                f"`eligible_fraction` should be a share from 0 to 1 (10 % is 0.10), "
                f"got {eligible_fraction!r}"
            )
            raise InputError(msg)
    return pop * (rate / 100_000.0) * fraction


# `test_demand` is not a test: keep pytest from collecting it when a test module imports it
test_demand.__test__ = False  # type: ignore[attr-defined]


# ---------------------------------------------------------------------------------------------
# the lab x demand time matrix


def lab_demand_times(
    net: Network,
    lab_nodes: np.ndarray,
    snapped: SnappedPoints,
    *,
    max_seconds: float,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> sp.csr_matrix:
    """Travel time from every demand point to every lab within a limit, as a sparse matrix.

    The time from a point to a lab is the best over the point's candidate nodes of the walk to
    the node plus the node's network time to the lab (the rule of
    `SnappedPoints.seconds_via`, so that these times agree with the nearest-lab analysis).
    One bounded search per lab (`ccgeo.network.routing.catchments`), then a vectorised join of
    the catchments with the candidates; no dense lab x point array is ever built.

    Parameters
    ----------
    net
        Road network of the travel mode.
    lab_nodes
        Network node of each lab.
    snapped
        Demand points tied to their candidate nodes (`ccgeo.analysis.snapping.snap_points`).
    max_seconds
        Time limit, seconds, inclusive.
    progress, cancel
        ``progress(fraction, text)`` and a `threading.Event`.

    Returns
    -------
    scipy.sparse.csr_matrix (k labs, n points)
        Seconds from point ``i`` to lab ``j`` at ``[j, i]``; a stored entry (zeros included:
        a point on a lab's node) is a pair within the limit, an absent one is beyond it.
    """
    lab_nodes = np.asarray(lab_nodes, dtype=np.int64).reshape(-1)
    k, n = len(lab_nodes), len(snapped)
    catch = catchments(
        net,
        lab_nodes,
        max_seconds=max_seconds,
        direction="to_lab",
        progress=scaled_progress(progress, 0.0, 0.6),
        cancel=cancel,
    )
    limit = catch.max_seconds
    report_progress(progress, 0.6, "joining catchments with demand points")
    # catchment entries regrouped by node: for node v, the labs it reaches and in what time
    entry_lab = np.repeat(np.arange(k, dtype=np.int64), catch.counts)
    by_node = np.argsort(catch.nodes, kind="stable")
    e_lab, e_sec = entry_lab[by_node], catch.seconds[by_node]
    node_ptr = np.zeros(net.n_nodes + 1, dtype=np.int64)
    np.cumsum(np.bincount(catch.nodes, minlength=net.n_nodes), out=node_ptr[1:])

    cand, walk = snapped.nodes, snapped.walk_seconds
    usable = (cand >= 0) & (walk <= limit)
    pt, col = np.nonzero(usable)  # row-major: grouped by point
    node = cand[pt, col]
    w = walk[pt, col]
    deg = node_ptr[node + 1] - node_ptr[node]
    # chunks end on point boundaries, so each (point, lab) pair is reduced within one chunk
    per_point = np.bincount(pt, weights=deg, minlength=n)
    cum = np.cumsum(per_point)
    cuts = np.searchsorted(cum, np.arange(_CHUNK_PAIRS, cum[-1] if n else 0, _CHUNK_PAIRS))
    point_bounds = np.unique(np.concatenate([[0], cuts + 1, [n]])).clip(0, n)
    row_bounds = np.searchsorted(pt, point_bounds)
    parts_i: list[np.ndarray] = []
    parts_j: list[np.ndarray] = []
    parts_t: list[np.ndarray] = []
    starts_empty = np.empty(0, dtype=np.int64)
    for a, b in itertools.pairwise(row_bounds):
        check_cancel(cancel)
        if b <= a:
            continue
        d = deg[a:b]
        total = int(d.sum())
        if total == 0:
            continue
        rep = np.repeat(np.arange(b - a), d)
        first = np.cumsum(d) - d
        idx = node_ptr[node[a:b]][rep] + (np.arange(total) - first[rep])
        i = pt[a:b][rep]
        j = e_lab[idx]
        # same order of addition as SnappedPoints.seconds_via: walk + node time
        t = w[a:b][rep] + e_sec[idx]
        keep = t <= limit
        i, j, t = i[keep], j[keep], t[keep]
        # the best candidate of each (point, lab) pair: group by pair, minimum time per group
        key = i * max(k, 1) + j
        order = np.argsort(key, kind="stable")
        key = key[order]
        starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]]) if len(key) else starts_empty
        parts_i.append(i[order][starts])
        parts_j.append(j[order][starts])
        parts_t.append(np.minimum.reduceat(t[order], starts) if len(starts) else t[:0])
        report_progress(progress, 0.6 + 0.4 * b / max(len(pt), 1), "lab x demand times")
    check_cancel(cancel)
    i = np.concatenate(parts_i) if parts_i else np.empty(0, np.int64)
    j = np.concatenate(parts_j) if parts_j else np.empty(0, np.int64)
    t = np.concatenate(parts_t) if parts_t else np.empty(0, np.float64)
    report_progress(progress, 1.0, f"{len(t)} lab-point pairs within {limit / 60:g} min")
    return _csr_from_pairs(j, i, t, (k, n))


# ---------------------------------------------------------------------------------------------
# 2SFCA / E2SFCA


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
        Lab capacity, tests per year; NaN for labs without a capacity (excluded).
    lab_demand : float64 (k,)
        Weighted demand within each lab's catchment (Σ_k W(t_kj) P_k), in ``demand_unit``.
    ratio : float64 (k,)
        R_j = S_j / lab_demand; NaN for excluded labs and labs with no demand in reach.
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
        ``ratio``, ``status`` (``"ok"``, ``"no capacity"``, ``"no demand in reach"``).
    districts : DataFrame
        Per district (``""`` = outside every district): ``district_id``, ``population``,
        ``demand``, ``accessibility`` (population-weighted mean), ``population_no_lab``.
    excluded_labs : tuple of str
        Ids of labs left out because their capacity is unknown.
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
    warnings: tuple[str, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        for value in vars(self).values():
            if isinstance(value, np.ndarray):
                value.setflags(write=False)

    @property
    def mean_accessibility(self) -> float:
        """Population-weighted mean accessibility over all points (unreached ones count as 0)."""
        total = float(self.population.sum())
        return float(self.population @ self.accessibility / total) if total > 0 else math.nan

    @property
    def population_no_lab(self) -> float:
        """People with no lab with capacity within the last band."""
        return float(self.population[self.labs_in_reach == 0].sum())


def fca_from_times(
    times: sp.spmatrix | sp.sparray | np.ndarray,
    supply: np.ndarray | Sequence[float],
    demand: np.ndarray | Sequence[float],
    *,
    method: Method = "2sfca",
    max_minutes: float | None = None,
    bands_minutes: Sequence[float] | None = None,
    weights: Sequence[float] | None = None,
    demand_unit: DemandUnit = "tests",
    population: np.ndarray | Sequence[float] | None = None,
    district_ids: np.ndarray | Sequence[str] | None = None,
    lab_ids: Sequence[str] | np.ndarray | None = None,
    lab_names: Sequence[str] | np.ndarray | None = None,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> FcaResult:
    """2SFCA or E2SFCA on an explicit lab x demand time matrix.

    2SFCA (Luo and Wang 2003): R_j = S_j / Σ_{k: t_kj ≤ T} P_k and A_i = Σ_{j: t_ij ≤ T} R_j.
    E2SFCA (Luo and Qi 2009): the same with a weight W per travel-time band on both steps,
    R_j = S_j / Σ_k W(t_kj) P_k and A_i = Σ_j W(t_ij) R_j; each band's upper bound is
    inclusive, as in PySAL `access` (``t`` = 10 min is in the first band).

    Parameters
    ----------
    times
        ``(k labs, n points)`` travel seconds from point ``i`` to lab ``j`` at ``[j, i]``. Sparse:
        a stored entry is a reachable pair (explicit zeros are 0 s), an absent one is
        unreachable. Dense: ``inf`` marks unreachable pairs.
    supply
        Capacity of each lab, tests per year; NaN where unknown (the lab is excluded and named in
        the warnings).
    demand
        Demand at each point (tests per year, or people), ≥ 0.
    method
        ``"2sfca"`` or ``"e2sfca"``.
    max_minutes
        2SFCA catchment, minutes, inclusive (default `DEFAULT_MAX_MINUTES`); not used by
        E2SFCA, whose catchment is its last band.
    bands_minutes, weights
        E2SFCA bands (increasing inclusive upper bounds, minutes) and their weights (≥ 0);
        defaults `E2SFCA_BANDS_MINUTES` and `E2SFCA_WEIGHTS`.
    demand_unit
        ``"tests"`` (tests per year) or ``"people"``: only names the unit of the result.
    population
        People at each point, the weights of district means; defaults to ``demand``.
    district_ids
        District of each point (``""`` for none); None puts all points in one district ``""``.
    lab_ids, lab_names
        Identifiers and names of the labs for the tables; default ``"0"``, ``"1"``, ...
    progress, cancel
        ``progress(fraction, text)`` and a `threading.Event`.

    Returns
    -------
    FcaResult

    Raises
    ------
    InputError
        If shapes disagree, a time is negative or NaN, a capacity is negative or infinite, a
        demand is negative, or the bands or weights are malformed.
    Cancelled
        If ``cancel`` is set.
    """
    check_cancel(cancel)
    report_progress(progress, 0.0, f"{method.upper()}: checking inputs")
    bands, band_w = _bands(method, max_minutes, bands_minutes, weights)
    if demand_unit not in ("tests", "people"):
        msg = f"`demand_unit` should be 'tests' or 'people', got {demand_unit!r}"
        raise InputError(msg)
    s, d = _supply(supply), _demand(demand, "demand")
    k, n = len(s), len(d)
    rows, cols, t = _pairs(times, (k, n))
    pop = d if population is None else _demand(population, "population")
    if len(pop) != n:
        msg = f"`population` has {len(pop)} values for {n} demand points"
        raise InputError(msg)
    ids = _lab_ids(lab_ids, k)
    names = ids if lab_names is None else np.asarray(lab_names, dtype=object)

    has_cap = np.isfinite(s)
    limit = bands[-1] * 60.0
    # weight of each pair from its band: the first band whose inclusive upper bound holds it
    inside = has_cap[rows] & (t <= limit)
    rows, cols, t = rows[inside], cols[inside], t[inside]
    w = np.asarray(band_w)[np.searchsorted(np.asarray(bands) * 60.0, t, side="left")]
    W = sp.csr_matrix((w, (rows, cols)), shape=(k, n))
    check_cancel(cancel)
    report_progress(progress, 0.5, f"{method.upper()}: ratios")
    lab_demand = np.asarray(W @ d, dtype=np.float64).reshape(-1)
    lab_demand[~has_cap] = np.nan
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(has_cap & (lab_demand > 0), s / lab_demand, np.nan)
    access = np.asarray(W.T @ np.nan_to_num(ratio, nan=0.0), dtype=np.float64).reshape(-1)
    in_reach = np.bincount(cols, minlength=n).astype(np.int64)

    status = np.where(
        ~has_cap, "no capacity", np.where(np.isnan(ratio), "no demand in reach", "ok")
    )
    labs = pd.DataFrame(
        {
            "lab_id": ids,
            "name": names,
            CAPACITY_COLUMN: s,
            "demand_in_reach": lab_demand,
            "ratio": ratio,
            "status": status,
        }
    )
    dist = _district_ids(district_ids, n)
    districts = _district_table(
        dist,
        pop,
        {"demand": d, "population_no_lab": np.where(in_reach == 0, pop, 0.0)},
        weighted={"accessibility": access},
    )
    warnings: list[str] = []
    excluded = tuple(str(x) for x in ids[~has_cap])
    if excluded:
        warnings.append(
            f"{len(excluded)} of {k} labs have no known capacity and were left out of the ratios: "
            f"{_listing(list(excluded))}; enter their {CAPACITY_COLUMN} to include them"
        )
    idle = ids[has_cap & np.isnan(ratio)]
    if len(idle):
        warnings.append(
            f"{len(idle)} labs reach no demand within {bands[-1]:g} min and add nothing: "
            f"{_listing([str(x) for x in idle])}"
        )
    unreached = in_reach == 0
    if unreached.any():
        warnings.append(
            f"{int(unreached.sum())} of {n} demand points ({_fmt(float(pop[unreached].sum()))} "
            f"people) reach no lab with capacity within {bands[-1]:g} min: accessibility 0"
        )
    unit = (
        "tests per year available per test per year needed"
        if demand_unit == "tests"
        else "tests per year per person"
    )
    report_progress(progress, 1.0, f"{method.upper()} done")
    return FcaResult(
        method=method,
        demand_unit=demand_unit,
        unit=unit,
        bands_minutes=tuple(bands),
        weights=tuple(band_w),
        lab_ids=ids,
        supply=s,
        lab_demand=lab_demand,
        ratio=ratio,
        demand=d,
        population=pop,
        accessibility=access,
        labs_in_reach=in_reach,
        labs=labs,
        districts=districts,
        excluded_labs=excluded,
        warnings=tuple(warnings),
    )


def fca(
    net: Network,
    labs: Facilities | gpd.GeoDataFrame,
    demand: Demand,
    *,
    method: Method = "2sfca",
    capability: str | None = None,
    max_minutes: float | None = None,
    bands_minutes: Sequence[float] | None = None,
    weights: Sequence[float] | None = None,
    capacity_column: str = CAPACITY_COLUMN,
    demand_unit: DemandUnit = "tests",
    params: DemandParameters | None = None,
    max_snap_m: float = DEFAULT_MAX_SNAP_M,
    walk_kmh: float = DEFAULT_WALK_KMH,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> FcaResult:
    """2SFCA or E2SFCA over a road network: lab capacity against demand for tests.

    Labs are placed on their nearest node of the network's main component; demand points walk
    to their candidate nodes (`ccgeo.analysis.snapping`), and a point's time to a lab is the
    best candidate's walk plus network time, as in the nearest-lab analysis. See
    `fca_from_times` for the formulas.

    Parameters
    ----------
    net
        Road network of the travel mode.
    labs
        The labs (`Facilities`, or a point GeoDataFrame in EPSG:4326 with ``capacity_column``).
        With ``capability`` given, facilities unable to do it are left out (and counted in the
        warnings).
    demand
        Population points.
    method
        ``"2sfca"`` or ``"e2sfca"``.
    capability
        The test (one of `ccgeo.model.CAPABILITIES`); needed for ``demand_unit="tests"``.
    max_minutes, bands_minutes, weights
        Catchment (2SFCA) or bands and weights (E2SFCA), minutes; see `fca_from_times`.
    capacity_column
        Column of lab capacity, tests per year (NaN = unknown: excluded with a warning).
    demand_unit
        ``"tests"``: demand = population x incidence x eligible fraction (`test_demand`);
        ``"people"``: demand = population.
    params
        Demand parameters; None reads the bundled ``resources/demand.toml``.
    max_snap_m, walk_kmh
        Snapping distance (metres) and walking speed (km/h) of the off-network leg.
    progress, cancel
        ``progress(fraction, text)`` and a `threading.Event`.

    Returns
    -------
    FcaResult
    """
    bands, _ = _bands(method, max_minutes, bands_minutes, weights)
    prep = _prepare(
        net,
        labs,
        demand,
        capability=capability,
        capacity_column=capacity_column,
        demand_unit=demand_unit,
        params=params,
        max_seconds=bands[-1] * 60.0,
        max_snap_m=max_snap_m,
        walk_kmh=walk_kmh,
        progress=scaled_progress(progress, 0.0, 0.85),
        cancel=cancel,
    )
    result = fca_from_times(
        prep.times,
        prep.supply,
        prep.demand,
        method=method,
        max_minutes=max_minutes,
        bands_minutes=bands_minutes,
        weights=weights,
        demand_unit=demand_unit,
        population=prep.population,
        district_ids=prep.district_ids,
        lab_ids=prep.lab_ids,
        lab_names=prep.lab_names,
        progress=scaled_progress(progress, 0.85, 1.0),
        cancel=cancel,
    )
    return _with_warnings(result, prep.warnings)


# ---------------------------------------------------------------------------------------------
# capacity-limited coverage


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
        Capacity, tests per year; NaN for labs without one (excluded).
    covered : float64 (k,)
        Demand each lab covers, in the demand's unit (tests per year); ≤ capacity.
    radius_minutes : float64 (k,)
        Travel time the catchment grew to: the time of the point where capacity ran out, or
        ``max_minutes`` when the time limit stopped it; NaN for excluded labs.
    stopped_by : object (k,)
        ``"capacity"``, ``"time"``, or ``"no capacity"`` (excluded).
    rank : int64 (k,)
        Position of each lab in the processing order (0 first), -1 for excluded labs.
    demand : float64 (n,)
        Demand at each point.
    population : float64 (n,)
        People at each point.
    covered_demand : float64 (n,)
        Demand covered at each point, by all labs together; ≤ ``demand``.
    lab : int64 (n,)
        The lab that covered the largest part of each point, -1 where none.
    labs : DataFrame
        Per lab: ``lab_id``, ``name``, ``rank``, ``capacity_tests_per_year``,
        ``demand_in_reach`` (before any lab ran), ``covered``, ``capacity_used`` (share),
        ``radius_minutes``, ``stopped_by``.
    districts : DataFrame
        Per district: ``district_id``, ``population``, ``demand``, ``covered``,
        ``covered_share``, ``population_covered``.
    totals : dict
        ``demand``, ``covered``, ``covered_share``, ``population``, ``population_covered``
        (people x covered share), ``capacity`` (labs included), ``capacity_used``,
        ``demand_out_of_reach`` (no lab within the limit).
    excluded_labs : tuple of str
        Labs without a known capacity.
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
    warnings: tuple[str, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        for value in vars(self).values():
            if isinstance(value, np.ndarray):
                value.setflags(write=False)

    @property
    def covered_share(self) -> np.ndarray:
        """Share of each point's demand that is covered (0..1; 0 where the demand is 0)."""
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(self.demand > 0, self.covered_demand / self.demand, 0.0)


def capacity_coverage_from_times(
    times: sp.spmatrix | sp.sparray | np.ndarray,
    capacity: np.ndarray | Sequence[float],
    demand: np.ndarray | Sequence[float],
    *,
    max_minutes: float,
    order: LabOrder = "capacity",
    population: np.ndarray | Sequence[float] | None = None,
    district_ids: np.ndarray | Sequence[str] | None = None,
    lab_ids: Sequence[str] | np.ndarray | None = None,
    lab_names: Sequence[str] | np.ndarray | None = None,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> CoverageResult:
    """Capacity-limited coverage (AccessMod "geographic coverage") on an explicit time matrix.

    Labs are taken one at a time in ``order``. Each lab's catchment grows in travel time over
    the demand not yet covered, nearest first, until the demand it takes reaches its capacity or
    the next point is beyond ``max_minutes``; what it covers is removed before the next lab.
    Partial rule: the points at the travel time where capacity runs out (usually one point, all
    points at exactly that time when there is a tie) share what capacity is left in proportion
    to their uncovered demand, so no capacity is wasted and the nearer points are covered in
    full. A point may so be covered in part by one lab and for the rest by a later one.

    Parameters
    ----------
    times
        ``(k labs, n points)`` travel seconds, as in `fca_from_times`.
    capacity
        Capacity of each lab in the demand's unit (tests per year); NaN = unknown (excluded,
        named in the warnings).
    demand
        Demand at each point (tests per year).
    max_minutes
        Time limit of every catchment, minutes, inclusive.
    order
        ``"capacity"`` (default): largest capacity first, because the big labs are the
        referral hubs samples are sent to by default, and letting them take the nearest demand
        first leaves the small labs the demand they are placed to serve; AccessMod lets the user
        choose, and the result depends on it, so it is stated in the result.
        ``"given"``: the order of the labs as passed. ``"time"``: largest demand within
        ``max_minutes`` first (AccessMod's "population within a travel time" order).
        Ties keep the given order.
    population
        People at each point; defaults to ``demand``.
    district_ids, lab_ids, lab_names
        As in `fca_from_times`.
    progress, cancel
        ``progress(fraction, text)`` and a `threading.Event`, checked between labs.

    Returns
    -------
    CoverageResult

    Raises
    ------
    InputError
        If shapes disagree or a time, capacity or demand is invalid.
    Cancelled
        If ``cancel`` is set.
    """
    check_cancel(cancel)
    limit_min = _check_minutes(max_minutes, "max_minutes")
    if order not in ("capacity", "given", "time"):
        msg = f"`order` should be 'capacity', 'given' or 'time', got {order!r}"
        raise InputError(msg)
    cap, d = _supply(capacity, what="capacity"), _demand(demand, "demand")
    k, n = len(cap), len(d)
    rows, cols, t = _pairs(times, (k, n))
    pop = d if population is None else _demand(population, "population")
    if len(pop) != n:
        msg = f"`population` has {len(pop)} values for {n} demand points"
        raise InputError(msg)
    ids = _lab_ids(lab_ids, k)
    names = ids if lab_names is None else np.asarray(lab_names, dtype=object)
    has_cap = np.isfinite(cap)

    limit = limit_min * 60.0
    inside = has_cap[rows] & (t <= limit)
    rows, cols, t = rows[inside], cols[inside], t[inside]
    # each lab's catchment, nearest first; pairs come sorted by (lab, point) and the sort is
    # stable, so ties at the same time keep the lower point index first
    by = np.lexsort((t, rows))
    rows, cols, t = rows[by], cols[by], t[by]
    ptr = np.zeros(k + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=k), out=ptr[1:])
    in_reach = np.bincount(rows, weights=d[cols], minlength=k)

    included = np.flatnonzero(has_cap)
    if order == "capacity":
        seq = included[np.argsort(-cap[included], kind="stable")]
    elif order == "time":
        seq = included[np.argsort(-in_reach[included], kind="stable")]
    else:
        seq = included
    rank = np.full(k, -1, dtype=np.int64)
    rank[seq] = np.arange(len(seq))

    remaining = d.copy()
    covered = np.full(k, np.nan)
    radius = np.full(k, np.nan)
    stopped = np.full(k, "no capacity", dtype=object)
    best_amount = np.zeros(n)
    best_lab = np.full(n, -1, dtype=np.int64)
    for step, j in enumerate(seq):
        check_cancel(cancel)
        report_progress(progress, step / max(len(seq), 1), f"coverage: lab {step + 1} of {k}")
        a, b = ptr[j], ptr[j + 1]
        pts, tj = cols[a:b], t[a:b]
        left = remaining[pts]
        amount, radius[j], stopped[j] = _grow(left, tj, float(cap[j]), limit_min)
        covered[j] = float(amount.sum())
        remaining[pts] = np.maximum(left - amount, 0.0)
        gain = amount > best_amount[pts]
        best_amount[pts[gain]] = amount[gain]
        best_lab[pts[gain]] = j
    check_cancel(cancel)
    covered_demand = np.minimum(d - remaining, d)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(d > 0, covered_demand / d, 0.0)
        used = np.where(cap > 0, covered / cap, np.where(has_cap, 0.0, np.nan))

    reach_any = np.zeros(n, dtype=bool)
    reach_any[cols] = True
    labs = pd.DataFrame(
        {
            "lab_id": ids,
            "name": names,
            "rank": rank,
            CAPACITY_COLUMN: cap,
            "demand_in_reach": np.where(has_cap, in_reach, np.nan),
            "covered": covered,
            "capacity_used": used,
            "radius_minutes": radius,
            "stopped_by": stopped,
        }
    )
    dist = _district_ids(district_ids, n)
    districts = _district_table(
        dist, pop, {"demand": d, "covered": covered_demand, "population_covered": pop * share}
    )
    with np.errstate(divide="ignore", invalid="ignore"):
        districts.insert(
            4,
            "covered_share",
            np.where(districts["demand"] > 0, districts["covered"] / districts["demand"], 0.0),
        )
    total_demand = float(d.sum())
    total_cap = float(cap[has_cap].sum())
    totals = {
        "demand": total_demand,
        "covered": float(covered_demand.sum()),
        "covered_share": float(covered_demand.sum() / total_demand) if total_demand else 0.0,
        "population": float(pop.sum()),
        "population_covered": float((pop * share).sum()),
        "capacity": total_cap,
        "capacity_used": float(np.nansum(covered) / total_cap) if total_cap else 0.0,
        "demand_out_of_reach": float(d[~reach_any].sum()),
    }
    warnings: list[str] = []
    excluded = tuple(str(x) for x in ids[~has_cap])
    if excluded:
        warnings.append(
            f"{len(excluded)} of {k} labs have no known capacity and cover nothing: "
            f"{_listing(list(excluded))}; enter their {CAPACITY_COLUMN} to include them"
        )
    if (~reach_any).any():
        warnings.append(
            f"{int((~reach_any).sum())} of {n} demand points "
            f"({_fmt(float(pop[~reach_any].sum()))} people) reach no lab with capacity within "
            f"{limit_min:g} min"
        )
    report_progress(progress, 1.0, f"coverage: {100 * totals['covered_share']:.1f} % covered")
    return CoverageResult(
        order=order,
        max_minutes=limit_min,
        lab_ids=ids,
        capacity=cap,
        covered=covered,
        radius_minutes=radius,
        stopped_by=stopped,
        rank=rank,
        demand=d,
        population=pop,
        covered_demand=covered_demand,
        lab=best_lab,
        labs=labs,
        districts=districts,
        totals=totals,
        excluded_labs=excluded,
        warnings=tuple(warnings),
    )


def capacity_coverage(
    net: Network,
    labs: Facilities | gpd.GeoDataFrame,
    demand: Demand,
    *,
    max_minutes: float,
    order: LabOrder = "capacity",
    capability: str | None = None,
    capacity_column: str = CAPACITY_COLUMN,
    params: DemandParameters | None = None,
    max_snap_m: float = DEFAULT_MAX_SNAP_M,
    walk_kmh: float = DEFAULT_WALK_KMH,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> CoverageResult:
    """Capacity-limited coverage over a road network, demand in tests per year.

    Demand is population x incidence x eligible fraction of ``capability`` (`test_demand`), so
    that it shares the unit of lab capacity. See `capacity_coverage_from_times` for the rule.

    Parameters
    ----------
    net
        Road network of the travel mode.
    labs
        The labs (`Facilities` or a point GeoDataFrame in EPSG:4326 with ``capacity_column``);
        with ``capability`` given, facilities unable to do it are left out.
    demand
        Population points.
    max_minutes
        Time limit of every catchment, minutes, inclusive.
    order
        Processing order of the labs: ``"capacity"`` (largest first), ``"given"`` or ``"time"``
        (largest demand within ``max_minutes`` first).
    capability
        The test (one of `ccgeo.model.CAPABILITIES`), which sets the demand for it.
    capacity_column
        Column of lab capacity, tests per year (NaN = unknown: excluded with a warning).
    params
        Demand parameters; None reads the bundled ``resources/demand.toml``.
    max_snap_m, walk_kmh
        Snapping distance (metres) and walking speed (km/h) of the off-network leg.
    progress, cancel
        ``progress(fraction, text)`` and a `threading.Event`.

    Returns
    -------
    CoverageResult
    """
    limit_min = _check_minutes(max_minutes, "max_minutes")
    if capability is None:
        msg = (
            "`capability` is needed to count demand in tests per year (population x incidence "
            "x eligible fraction); pass e.g. capability='pcr'"
        )
        raise InputError(msg)
    prep = _prepare(
        net,
        labs,
        demand,
        capability=capability,
        capacity_column=capacity_column,
        demand_unit="tests",
        params=params,
        max_seconds=limit_min * 60.0,
        max_snap_m=max_snap_m,
        walk_kmh=walk_kmh,
        progress=scaled_progress(progress, 0.0, 0.85),
        cancel=cancel,
    )
    result = capacity_coverage_from_times(
        prep.times,
        prep.supply,
        prep.demand,
        max_minutes=limit_min,
        order=order,
        population=prep.population,
        district_ids=prep.district_ids,
        lab_ids=prep.lab_ids,
        lab_names=prep.lab_names,
        progress=scaled_progress(progress, 0.85, 1.0),
        cancel=cancel,
    )
    return _with_warnings(result, prep.warnings)


# ---------------------------------------------------------------------------------------------
# helpers


@dataclass(frozen=True, eq=False)
class _Prepared:
    times: sp.csr_matrix
    supply: np.ndarray
    demand: np.ndarray
    population: np.ndarray
    district_ids: np.ndarray
    lab_ids: np.ndarray
    lab_names: np.ndarray
    warnings: tuple[str, ...]


def _prepare(
    net: Network,
    labs: Facilities | gpd.GeoDataFrame,
    demand: Demand,
    *,
    capability: str | None,
    capacity_column: str,
    demand_unit: str,
    params: DemandParameters | None,
    max_seconds: float,
    max_snap_m: float,
    walk_kmh: float,
    progress: ProgressCallback | None,
    cancel: threading.Event | None,
) -> _Prepared:
    """Labs and demand on the network, and the lab x demand times between them."""
    check_cancel(cancel)
    warnings: list[str] = []
    gdf = labs.gdf if isinstance(labs, Facilities) else labs
    if not isinstance(gdf, gpd.GeoDataFrame):
        msg = f"`labs` should be Facilities or a GeoDataFrame, got {type(labs).__name__}"
        raise InputError(msg)
    if demand_unit not in ("tests", "people"):
        msg = f"`demand_unit` should be 'tests' or 'people', got {demand_unit!r}"
        raise InputError(msg)
    if capability is not None:
        _check_capability(capability)
        if capability in gdf.columns:
            able = gdf[capability].fillna(False).to_numpy(dtype=bool)
            if not able.all():
                warnings.append(
                    f"{int((~able).sum())} of {len(gdf)} facilities cannot do {capability} "
                    "and were left out"
                )
                gdf = gdf.loc[able]
    if demand_unit == "tests" and capability is None:
        msg = (
            "`capability` is needed to count demand in tests per year (population x incidence "
            "x eligible fraction); pass e.g. capability='pcr', or demand_unit='people'"
        )
        raise InputError(msg)
    if gdf.crs is None:
        msg = "the labs have no coordinate reference system; set it (EPSG:4326 for lon/lat)"
        raise InputError(msg)
    if gdf.crs.to_epsg() != 4326:
        gdf = gdf.to_crs(4326)
    if len(gdf) == 0:
        raise InputError("no lab to analyse: the lab layer is empty after filtering")
    ids = (
        gdf["facility_id"].astype(str).to_numpy(dtype=object)
        if "facility_id" in gdf.columns
        else gdf.index.astype(str).to_numpy(dtype=object)
    )
    names = gdf["name"].astype(str).to_numpy(dtype=object) if "name" in gdf.columns else ids
    supply = _capacity_column(gdf, capacity_column, ids)

    report_progress(progress, 0.0, "placing labs and demand on the network")
    lab_lonlat = np.column_stack([gdf.geometry.x.to_numpy(), gdf.geometry.y.to_numpy()])
    lab_nodes, lab_m = net.snap(lab_lonlat, main_component_only=True)
    far = lab_m > max_snap_m
    if far.any():
        items = [f"{ids[i]} ({lab_m[i]:.0f} m)" for i in np.flatnonzero(far)]
        warnings.append(
            f"{int(far.sum())} labs lie more than {max_snap_m:g} m from the {net.mode} network "
            f"and were placed on its nearest node: {_listing(items)}; check their coordinates"
        )
    gdf_d = demand.gdf
    pop = gdf_d["population"].to_numpy(dtype=np.float64)
    d_lonlat = np.column_stack([gdf_d.geometry.x.to_numpy(), gdf_d.geometry.y.to_numpy()])
    snapped = snap_points(net, d_lonlat, max_snap_m=max_snap_m, walk_kmh=walk_kmh)
    off = snapped.off_network
    if off.any():
        warnings.append(
            f"{int(off.sum())} demand points ({_fmt(float(pop[off].sum()))} people) lie more "
            f"than {max_snap_m:g} m from the {net.mode} network and reach no lab"
        )
    values = (
        test_demand(pop, capability=capability, params=params)
        if demand_unit == "tests"
        else pop.copy()
    )
    included = np.flatnonzero(np.isfinite(supply))
    times_in = lab_demand_times(
        net,
        lab_nodes[included],
        snapped,
        max_seconds=max_seconds,
        progress=scaled_progress(progress, 0.05, 1.0),
        cancel=cancel,
    )
    coo = times_in.tocoo()
    times = _csr_from_pairs(
        included[coo.row].astype(np.int64),
        coo.col.astype(np.int64),
        coo.data,
        (len(supply), len(pop)),
    )
    district = (
        gdf_d["district_id"].fillna("").astype(str).to_numpy(dtype=object)
        if "district_id" in gdf_d.columns
        else np.full(len(pop), "", dtype=object)
    )
    return _Prepared(times, supply, values, pop, district, ids, names, tuple(warnings))


def _grow(
    left: np.ndarray, t: np.ndarray, capacity: float, max_minutes: float
) -> tuple[np.ndarray, float, str]:
    """Grow one catchment nearest first; return the amount taken per point, radius and stop."""
    cum = np.cumsum(left)
    total = float(cum[-1]) if len(cum) else 0.0
    if total <= capacity * (1 + _REL_TOL):
        return left.copy(), max_minutes, "time"
    if capacity <= 0:
        return np.zeros_like(left), 0.0, "capacity"
    b = int(np.searchsorted(cum, capacity, side="right"))
    t_stop = t[b]
    # the points at the stopping time share what is left, in proportion to their demand
    g0 = int(np.searchsorted(t, t_stop, side="left"))
    g1 = int(np.searchsorted(t, t_stop, side="right"))
    before = float(cum[g0 - 1]) if g0 > 0 else 0.0
    group = float(cum[g1 - 1]) - before
    amount = np.zeros_like(left)
    amount[:g0] = left[:g0]
    share = min(max((capacity - before) / group, 0.0), 1.0) if group > 0 else 0.0
    amount[g0:g1] = left[g0:g1] * share
    return amount, float(t_stop) / 60.0, "capacity"


def _bands(
    method: str,
    max_minutes: float | None,
    bands_minutes: Sequence[float] | None,
    weights: Sequence[float] | None,
) -> tuple[list[float], list[float]]:
    """The travel-time bands (inclusive upper bounds, minutes) and their weights."""
    if method == "2sfca":
        if bands_minutes is not None or weights is not None:
            msg = "`bands_minutes` and `weights` belong to method='e2sfca'; 2SFCA uses max_minutes"
            raise InputError(msg)
        limit = DEFAULT_MAX_MINUTES if max_minutes is None else max_minutes
        return [_check_minutes(limit, "max_minutes")], [1.0]
    if method != "e2sfca":
        msg = f"`method` should be '2sfca' or 'e2sfca', got {method!r}"
        raise InputError(msg)
    if max_minutes is not None:
        msg = (
            "E2SFCA takes its catchment from `bands_minutes` (the last band's bound); "
            f"drop max_minutes={max_minutes!r} or give bands ending there"
        )
        raise InputError(msg)
    bands = [float(b) for b in (E2SFCA_BANDS_MINUTES if bands_minutes is None else bands_minutes)]
    w = [float(x) for x in (E2SFCA_WEIGHTS if weights is None else weights)]
    if bands_minutes is not None and weights is None and len(bands) != len(E2SFCA_WEIGHTS):
        msg = f"give `weights` for the {len(bands)} bands {bands} (the defaults are for 3 bands)"
        raise InputError(msg)
    if len(bands) != len(w) or not bands:
        msg = f"`bands_minutes` {bands} and `weights` {w} should have the same, non-zero length"
        raise InputError(msg)
    arr = np.asarray(bands)
    if not (np.isfinite(arr).all() and arr[0] > 0 and (np.diff(arr) > 0).all()):
        msg = f"`bands_minutes` should be increasing positive minutes, got {bands}"
        raise InputError(msg)
    if not all(math.isfinite(x) and x >= 0 for x in w):
        msg = f"`weights` should be finite numbers ≥ 0, got {w}"
        raise InputError(msg)
    return bands, w


def _check_minutes(value: float, what: str) -> float:
    minutes = float(value)
    if not (math.isfinite(minutes) and minutes > 0):
        msg = f"`{what}` should be a positive number of minutes, got {value!r}"
        raise InputError(msg)
    return minutes


def _pairs(
    times: sp.spmatrix | sp.sparray | np.ndarray, shape: tuple[int, int]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows (labs), columns (points) and seconds of the reachable pairs of a time matrix."""
    canonical = False
    if sp.issparse(times) and times.format == "csr":
        # a canonical CSR (what `lab_demand_times` returns) holds each pair once, sorted
        canonical = bool(times.has_canonical_format)
        rows = np.repeat(np.arange(times.shape[0], dtype=np.int64), np.diff(times.indptr))
        cols, t = times.indices.astype(np.int64), times.data
    elif sp.issparse(times):
        # not through CSR: converting to it would add up duplicate pairs' times
        coo = sp.coo_matrix(times)
        rows, cols, t = coo.row.astype(np.int64), coo.col.astype(np.int64), coo.data
    else:
        dense = np.asarray(times, dtype=np.float64)
        if dense.ndim != 2:
            msg = f"`times` should be a (labs, points) matrix of seconds, got shape {dense.shape}"
            raise InputError(msg)
        rows, cols = np.nonzero(~np.isposinf(dense))
        t = dense[rows, cols]
        rows, cols = rows.astype(np.int64), cols.astype(np.int64)
    if tuple(times.shape) != shape:
        msg = (
            f"`times` has shape {tuple(times.shape)}; expected (labs, points) = {shape}: "
            "rows are labs, columns demand points"
        )
        raise InputError(msg)
    t = np.asarray(t, dtype=np.float64)
    bad = ~(t >= 0) | np.isinf(t)
    if bad.any():
        x = int(np.flatnonzero(bad)[0])
        msg = (
            f"`times` holds {int(bad.sum())} invalid travel times, e.g. {t[x]!r} for lab "
            f"{rows[x]} and point {cols[x]}; expected seconds ≥ 0 (unreachable = absent or inf)"
        )
        raise InputError(msg)
    if canonical or not sp.issparse(times):
        return rows, cols, t
    # a pair stored twice (an unsummed sparse matrix) counts once, at its shortest time
    order = np.lexsort((t, cols, rows))
    rows, cols, t = rows[order], cols[order], t[order]
    first = np.ones(len(t), dtype=bool)
    first[1:] = (rows[1:] != rows[:-1]) | (cols[1:] != cols[:-1])
    return rows[first], cols[first], t[first]


def _supply(values: np.ndarray | Sequence[float], *, what: str = "supply") -> np.ndarray:
    s = np.asarray(values, dtype=np.float64).reshape(-1)
    bad = np.flatnonzero(np.isinf(s) | (s < 0))
    if len(bad):
        msg = (
            f"`{what}` should be tests per year ≥ 0 (NaN where unknown); labs "
            f"{_listing(bad.tolist())} hold {_listing(s[bad].tolist())}"
        )
        raise InputError(msg)
    return s


def _demand(values: np.ndarray | Sequence[float], what: str) -> np.ndarray:
    d = np.asarray(values, dtype=np.float64).reshape(-1)
    bad = np.flatnonzero(~np.isfinite(d) | (d < 0))
    if len(bad):
        msg = (
            f"`{what}` should be finite and ≥ 0 at every point; points "
            f"{_listing(bad.tolist())} hold {_listing(d[bad].tolist())}"
        )
        raise InputError(msg)
    return d


def _capacity_column(gdf: pd.DataFrame, column: str, ids: np.ndarray) -> np.ndarray:
    if column not in gdf.columns:
        msg = (
            f"the labs have no column {column!r} of capacity (tests per year); the columns are "
            f"{_listing([str(c) for c in gdf.columns])}; pass `capacity_column=`"
        )
        raise InputError(msg)
    raw = gdf[column]
    values = pd.to_numeric(raw, errors="coerce").to_numpy(dtype=np.float64)
    text = raw.astype(str).str.strip()
    unreadable = np.isnan(values) & raw.notna().to_numpy() & (text != "").to_numpy()
    bad = unreadable | np.isinf(values) | (values < 0)
    if bad.any():
        items = [f"{ids[i]} ({raw.iloc[i]!r})" for i in np.flatnonzero(bad)]
        msg = (
            f"{column!r} should be a number of tests per year ≥ 0, or empty when unknown; "
            f"labs {_listing(items)} hold something else: fix those values"
        )
        raise InputError(msg)
    return values


def _lab_ids(lab_ids: Sequence[str] | np.ndarray | None, k: int) -> np.ndarray:
    if lab_ids is None:
        return np.array([str(i) for i in range(k)], dtype=object)
    ids = np.asarray(lab_ids, dtype=object).reshape(-1)
    if len(ids) != k:
        msg = f"`lab_ids` has {len(ids)} values for {k} labs"
        raise InputError(msg)
    return ids


def _district_ids(district_ids: np.ndarray | Sequence[str] | None, n: int) -> np.ndarray:
    if district_ids is None:
        return np.full(n, "", dtype=object)
    ids = np.asarray(district_ids, dtype=object).reshape(-1)
    if len(ids) != n:
        msg = f"`district_ids` has {len(ids)} values for {n} demand points"
        raise InputError(msg)
    return ids


def _district_table(
    district: np.ndarray,
    population: np.ndarray,
    sums: Mapping[str, np.ndarray],
    *,
    weighted: Mapping[str, np.ndarray] | None = None,
) -> pd.DataFrame:
    """Per-district sums, and population-weighted means of ``weighted``, without a Python loop."""
    codes, uniques = pd.factorize(pd.Series(district, dtype=object).fillna("").astype(str))
    m = len(uniques)
    pop = np.bincount(codes, weights=population, minlength=m)
    data: dict[str, Any] = {"district_id": uniques.to_numpy(dtype=object), "population": pop}
    for name, values in sums.items():
        data[name] = np.bincount(codes, weights=values, minlength=m)
    for name, values in (weighted or {}).items():
        num = np.bincount(codes, weights=values * population, minlength=m)
        with np.errstate(divide="ignore", invalid="ignore"):
            data[name] = np.where(pop > 0, num / pop, np.nan)
    return pd.DataFrame(data).sort_values("district_id", ignore_index=True)


def _csr_from_pairs(
    rows: np.ndarray, cols: np.ndarray, data: np.ndarray, shape: tuple[int, int]
) -> sp.csr_matrix:
    """A CSR matrix from unique (row, col) pairs that keeps explicit zeros (0 s is reachable)."""
    order = np.lexsort((cols, rows))
    indptr = np.zeros(shape[0] + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=shape[0]), out=indptr[1:])
    return sp.csr_matrix(
        (np.asarray(data, dtype=np.float64)[order], cols[order], indptr), shape=shape
    )


def _with_warnings(result: Any, extra: tuple[str, ...]) -> Any:
    if not extra:
        return result
    return replace(result, warnings=(*extra, *result.warnings))


def _check_capability(capability: str) -> None:
    if capability not in CAPABILITIES:
        msg = f"`capability` should be one of {', '.join(CAPABILITIES)}, got {capability!r}"
        raise InputError(msg)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _read_demand_toml(path: Path) -> dict[str, Any]:
    data = load_toml(path, what="demand file", example=BUNDLED_DEMAND)
    problems: list[str] = []
    for key in data:
        if key not in ("incidence", "capabilities"):
            problems.append(f"unknown key {key!r} (expected [incidence] or [capabilities.<cap>])")
    incidence = data.get("incidence", {})
    if not isinstance(incidence, dict):
        problems.append(f"incidence = {incidence!r} should be a table [incidence]")
    else:
        problems += [
            f"unknown key [incidence] {k!r} (expected per_100k_per_year, basis)"
            for k in incidence
            if k not in ("per_100k_per_year", "basis")
        ]
    caps = data.get("capabilities", {})
    if not isinstance(caps, dict):
        problems.append(f"capabilities = {caps!r} should be tables [capabilities.<cap>]")
        caps = {}
    for cap, table in caps.items():
        if cap not in CAPABILITIES:
            problems.append(
                f"unknown capability [capabilities.{cap}] "
                f"(expected one of {', '.join(CAPABILITIES)})"
            )
        elif not isinstance(table, dict):
            problems.append(f"[capabilities] {cap} = {table!r} should be a table")
        else:
            problems += [
                f"unknown key [capabilities.{cap}] {k!r} (expected eligible_fraction, basis)"
                for k in table
                if k not in ("eligible_fraction", "basis")
            ]
    if problems:
        raise InputError("; ".join(problems), path=path)
    return data


def _listing(items: Sequence[Any], limit: int = 8) -> str:
    shown = ", ".join(f"{x:g}" if isinstance(x, float) else str(x) for x in items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


def _fmt(people: float) -> str:
    return f"{people:,.0f}"
