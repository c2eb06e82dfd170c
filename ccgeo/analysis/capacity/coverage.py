"""Capacity-limited coverage (AccessMod "geographic coverage"): what each lab's capacity covers.

Labs are taken one at a time; each catchment grows nearest first over the demand not yet covered
until the lab's capacity or the time limit stops it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ccgeo.analysis.capacity.common import (
    CAPACITY_COLUMN,
    REL_TOL,
    MatrixInputs,
    check_minutes,
    district_table,
    fmt_people,
    listing,
)
from ccgeo.analysis.capacity.times import Prepared, labs_on_all, prepare, spread
from ccgeo.errors import InputError, check_cancel
from ccgeo.i18n import _
from ccgeo.labels import format_threshold
from ccgeo.model.capacity import NOT_ON_NETWORK, CoverageResult, DemandParameters
from ccgeo.progress import ProgressCallback, report_progress, scaled_progress

if TYPE_CHECKING:
    import threading

    import geopandas as gpd

    from ccgeo.model.demand import Demand
    from ccgeo.model.facilities import Facilities
    from ccgeo.model.network import Network
    from ccgeo.model.settings import CapacitySettings

LabOrder = Literal["capacity", "given", "time"]


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
    limit_min = check_minutes(max_minutes, "max_minutes")
    if order not in ("capacity", "given", "time"):
        msg = _("`order` should be 'capacity', 'given' or 'time', got {order!r}").format(
            order=order
        )
        raise InputError(msg)
    x = MatrixInputs.check(
        times, capacity, demand, population, district_ids, lab_ids, lab_names, what="capacity"
    )
    reach = _Reach.of(x, limit_min * 60.0)
    seq = _lab_sequence(order, x.supply, reach.in_reach)
    run = _run_labs(reach, seq, x, limit_min, progress=progress, cancel=cancel)
    check_cancel(cancel)
    result = _coverage_result(order, limit_min, x, reach, run)
    share = 100 * result.totals["covered_share"]
    report_progress(progress, 1.0, _("coverage: {share:.1f} % covered").format(share=share))
    return result


@dataclass(frozen=True, eq=False)
class _Reach:
    """The reachable pairs of the labs with capacity, grouped by lab, nearest first."""

    cols: np.ndarray  # point of each pair
    t: np.ndarray  # seconds of each pair
    ptr: np.ndarray  # lab j's pairs are [ptr[j], ptr[j + 1])
    in_reach: np.ndarray  # demand within the limit of each lab, before any lab ran
    reach_any: np.ndarray  # points within the limit of some lab with capacity

    @classmethod
    def of(cls, x: MatrixInputs, limit_s: float) -> _Reach:
        """The pairs within ``limit_s`` seconds of the labs with capacity."""
        k = len(x.supply)
        inside = np.isfinite(x.supply)[x.rows] & (x.t <= limit_s)
        rows, cols, t = x.rows[inside], x.cols[inside], x.t[inside]
        # pairs come sorted by (lab, point) and the sort is stable, so ties at the same time
        # keep the lower point index first
        by = np.lexsort((t, rows))
        rows, cols, t = rows[by], cols[by], t[by]
        ptr = np.zeros(k + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows, minlength=k), out=ptr[1:])
        reach_any = np.zeros(len(x.demand), dtype=bool)
        reach_any[cols] = True
        in_reach = np.bincount(rows, weights=x.demand[cols], minlength=k)
        return cls(cols, t, ptr, in_reach, reach_any)


def _lab_sequence(order: str, cap: np.ndarray, in_reach: np.ndarray) -> np.ndarray:
    """The labs with capacity in processing order; ties keep the given order."""
    included = np.flatnonzero(np.isfinite(cap))
    if order == "capacity":
        return included[np.argsort(-cap[included], kind="stable")]
    if order == "time":
        return included[np.argsort(-in_reach[included], kind="stable")]
    return included


@dataclass(frozen=True, eq=False)
class _Run:
    """What each lab covered and where its catchment stopped."""

    rank: np.ndarray
    covered: np.ndarray
    radius: np.ndarray
    stopped: np.ndarray
    covered_demand: np.ndarray
    best_lab: np.ndarray


def _run_labs(
    reach: _Reach,
    seq: np.ndarray,
    x: MatrixInputs,
    limit_min: float,
    *,
    progress: ProgressCallback | None,
    cancel: threading.Event | None,
) -> _Run:
    """Grow the catchment of each lab of ``seq`` in turn over the demand still uncovered."""
    cap, d = x.supply, x.demand
    k, n = len(cap), len(d)
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
        text = _("coverage: lab {step} of {k}").format(step=step + 1, k=k)
        report_progress(progress, step / max(len(seq), 1), text)
        a, b = reach.ptr[j], reach.ptr[j + 1]
        pts, tj = reach.cols[a:b], reach.t[a:b]
        left = remaining[pts]
        amount, radius[j], stopped[j] = _grow(left, tj, float(cap[j]), limit_min)
        covered[j] = float(amount.sum())
        remaining[pts] = np.maximum(left - amount, 0.0)
        gain = amount > best_amount[pts]
        best_amount[pts[gain]] = amount[gain]
        best_lab[pts[gain]] = j
    covered_demand = np.minimum(d - remaining, d)
    return _Run(rank, covered, radius, stopped, covered_demand, best_lab)


def _grow(
    left: np.ndarray, t: np.ndarray, capacity: float, max_minutes: float
) -> tuple[np.ndarray, float, str]:
    """Grow one catchment nearest first; return the amount taken per point, radius and stop."""
    cum = np.cumsum(left)
    total = float(cum[-1]) if len(cum) else 0.0
    if total <= capacity * (1 + REL_TOL):
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


def _coverage_result(
    order: str, limit_min: float, x: MatrixInputs, reach: _Reach, run: _Run
) -> CoverageResult:
    """The tables, totals and warnings of a coverage run."""
    cap, d, pop = x.supply, x.demand, x.population
    has_cap = np.isfinite(cap)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(d > 0, run.covered_demand / d, 0.0)
        used = np.where(cap > 0, run.covered / cap, np.where(has_cap, 0.0, np.nan))
    labs = pd.DataFrame(
        {
            "lab_id": x.lab_ids,
            "name": x.lab_names,
            "rank": run.rank,
            CAPACITY_COLUMN: cap,
            "demand_in_reach": np.where(has_cap, reach.in_reach, np.nan),
            "covered": run.covered,
            "capacity_used": used,
            "radius_minutes": run.radius,
            "stopped_by": run.stopped,
        }
    )
    return CoverageResult(
        order=order,
        max_minutes=limit_min,
        lab_ids=x.lab_ids,
        capacity=cap,
        covered=run.covered,
        radius_minutes=run.radius,
        stopped_by=run.stopped,
        rank=run.rank,
        demand=d,
        population=pop,
        covered_demand=run.covered_demand,
        lab=run.best_lab,
        labs=labs,
        districts=_coverage_districts(x, run.covered_demand, share),
        totals=_totals(x, share, reach, run),
        excluded_labs=tuple(str(i) for i in x.lab_ids[~has_cap]),
        warnings=tuple(_coverage_warnings(x, reach.reach_any, limit_min)),
    )


def _coverage_districts(
    x: MatrixInputs, covered_demand: np.ndarray, share: np.ndarray
) -> pd.DataFrame:
    pop = x.population
    districts = district_table(
        x.district_ids,
        pop,
        {"demand": x.demand, "covered": covered_demand, "population_covered": pop * share},
    )
    with np.errstate(divide="ignore", invalid="ignore"):
        districts.insert(
            4,
            "covered_share",
            np.where(districts["demand"] > 0, districts["covered"] / districts["demand"], 0.0),
        )
    return districts


def _totals(x: MatrixInputs, share: np.ndarray, reach: _Reach, run: _Run) -> dict[str, float]:
    cap, d, pop = x.supply, x.demand, x.population
    total_demand = float(d.sum())
    total_cap = float(cap[np.isfinite(cap)].sum())
    covered = float(run.covered_demand.sum())
    return {
        "demand": total_demand,
        "covered": covered,
        "covered_share": covered / total_demand if total_demand else 0.0,
        "population": float(pop.sum()),
        "population_covered": float((pop * share).sum()),
        "capacity": total_cap,
        "capacity_used": float(np.nansum(run.covered) / total_cap) if total_cap else 0.0,
        "demand_out_of_reach": float(d[~reach.reach_any].sum()),
    }


def _coverage_warnings(x: MatrixInputs, reach_any: np.ndarray, limit_min: float) -> list[str]:
    ids, cap, pop = x.lab_ids, x.supply, x.population
    warnings: list[str] = []
    excluded = [str(x) for x in ids[~np.isfinite(cap)]]
    if excluded:
        text = _(
            "{count} of {k} labs have no known capacity and cover nothing: {labs}; enter their "
            "{column} to include them"
        )
        warnings.append(
            text.format(
                count=len(excluded), k=len(cap), labs=listing(excluded), column=CAPACITY_COLUMN
            )
        )
    if (~reach_any).any():
        text = _(
            "{count} of {n} demand points ({people} people) reach no lab with capacity within "
            "{minutes}"
        )
        people = fmt_people(float(pop[~reach_any].sum()))
        count, minutes = int((~reach_any).sum()), format_threshold(limit_min)
        warnings.append(text.format(count=count, n=len(pop), people=people, minutes=minutes))
    return warnings


# ---------------------------------------------------------------------------------------------
# over a road network


def capacity_coverage(
    net: Network,
    labs: Facilities | gpd.GeoDataFrame,
    demand: Demand,
    settings: CapacitySettings,
    *,
    params: DemandParameters | None = None,
    capacity_column: str = CAPACITY_COLUMN,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> CoverageResult:
    """Capacity-limited coverage over a road network, demand in tests per year.

    Demand is population x incidence x eligible fraction of ``settings.capability``
    (`test_demand`), so that it shares the unit of lab capacity. Labs are placed by
    `ccgeo.analysis.placement.place_labs`: a lab farther than ``settings.snapping.max_snap_m``
    from every road is left out (``stopped_by`` `NOT_ON_NETWORK` and the reason in the labs
    table, named in the warnings). See `capacity_coverage_from_times` for the rule.

    Parameters
    ----------
    net
        Road network of the travel mode.
    labs
        `Facilities` or a point GeoDataFrame in EPSG:4326 with ``capacity_column``; facilities
        unable to do ``settings.capability`` or below ``settings.quality`` are left out.
    demand
        Population points (`Demand`, or a point GeoDataFrame with ``population``).
    settings
        ``minutes`` (time limit of every catchment, inclusive), ``order`` (see
        `capacity_coverage_from_times`), ``capability``, ``quality`` and ``snapping``.
    params
        Demand parameters (`load_demand_parameters`); None reads ``settings.demand`` over the
        bundled ``resources/demand.toml`` (or the bundled file alone).
    capacity_column
        Column of lab capacity, tests per year (NaN = unknown: excluded with a warning).
    progress, cancel
        ``progress(fraction, text)`` and a `threading.Event`.

    Returns
    -------
    CoverageResult
        Over every lab given (after the capability and quality filters), in their order.

    Raises
    ------
    InputError
        If ``settings.demand_unit`` is not ``"tests"``, no lab is left after filtering, or a
        capacity, demand or coordinate is unusable.
    Cancelled
        If ``cancel`` is set.
    """
    _check_tests_unit(settings)
    prep = prepare(
        net,
        labs,
        demand,
        settings,
        demand_unit="tests",
        params=params,
        capacity_column=capacity_column,
        max_seconds=settings.minutes * 60.0,
        progress=scaled_progress(progress, 0.0, 0.85),
        cancel=cancel,
    )
    result = capacity_coverage_from_times(
        prep.times,
        prep.supply,
        prep.demand,
        max_minutes=settings.minutes,
        order=settings.order,  # type: ignore[arg-type]
        **prep.labels(),
        progress=scaled_progress(progress, 0.85, 1.0),
        cancel=cancel,
    )
    return _on_all_labs(result, prep)


def _on_all_labs(result: CoverageResult, prep: Prepared) -> CoverageResult:
    """The result over every lab given: labs not on the network named, with their reason."""
    lab = np.full(len(result.lab), -1, dtype=np.int64)
    reached = result.lab >= 0
    lab[reached] = prep.used[result.lab[reached]]
    return replace(
        result,
        lab_ids=prep.labs.table["facility_id"].to_numpy(dtype=object),
        capacity=prep.capacity.copy(),
        covered=spread(result.covered, prep, np.nan),
        radius_minutes=spread(result.radius_minutes, prep, np.nan),
        stopped_by=spread(result.stopped_by, prep, NOT_ON_NETWORK),
        rank=spread(result.rank, prep, -1),
        lab=lab,
        labs=labs_on_all(result.labs, prep, "stopped_by"),
        off_network_labs=prep.off_network_labs,
        warnings=(*prep.warnings, *result.warnings),
    )


def _check_tests_unit(settings: CapacitySettings) -> None:
    """Coverage weighs tests per year against capacity: `InputError` for another demand unit."""
    if settings.demand_unit != "tests":
        msg = _(
            "coverage counts tests per year, the unit of capacity: set demand_unit to 'tests', "
            "not {unit!r}"
        )
        raise InputError(msg.format(unit=settings.demand_unit))
