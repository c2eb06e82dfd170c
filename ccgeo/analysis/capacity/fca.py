"""2SFCA and E2SFCA: lab capacity against the demand within reach, and each point's share of it.

2SFCA after Luo and Wang (2003), E2SFCA after Luo and Qi (2009) with the PySAL `access` default
bands and weights; each band's upper bound is inclusive.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ccgeo.analysis.capacity.common import (
    CAPACITY_COLUMN,
    MatrixInputs,
    check_minutes,
    district_table,
    fmt_people,
    listing,
)
from ccgeo.analysis.capacity.times import Prepared, labs_on_all, prepare, spread
from ccgeo.errors import InputError, check_cancel
from ccgeo.i18n import N_, _, ngettext
from ccgeo.labels import format_threshold
from ccgeo.model.capacity import DemandParameters, FcaResult
from ccgeo.progress import ProgressCallback, report_progress, scaled_progress

if TYPE_CHECKING:
    import threading

    import geopandas as gpd

    from ccgeo.model.demand import Demand
    from ccgeo.model.facilities import Facilities
    from ccgeo.model.network import Network
    from ccgeo.model.settings import CapacitySettings

#: Catchment of plain 2SFCA, minutes (the last band of the PySAL `access` E2SFCA default).
DEFAULT_MAX_MINUTES = 30.0

#: E2SFCA travel-time bands, upper bounds in minutes, each inclusive (PySAL `access` default
#: ``weights.step_fn({10: 1, 20: 0.68, 30: 0.22})``, after Luo and Qi 2009).
E2SFCA_BANDS_MINUTES: tuple[float, ...] = (10.0, 20.0, 30.0)

#: E2SFCA weight of each band (PySAL `access` default).
E2SFCA_WEIGHTS: tuple[float, ...] = (1.0, 0.68, 0.22)

Method = Literal["2sfca", "e2sfca"]
DemandUnit = Literal["tests", "people"]

#: The unit of ratios and accessibility, in words, by demand unit (kept in English in the
#: result, as a key of summary.json; translated where shown with `ccgeo.i18n.gettext`).
_UNITS = {
    "tests": N_("tests per year available per test per year needed"),
    "people": N_("tests per year per person"),
}


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
        Capacity of each lab, tests per year; NaN where unknown (excluded, named in the warnings).
    demand
        Demand at each point (tests per year, or people), ≥ 0.
    method
        ``"2sfca"`` or ``"e2sfca"``.
    max_minutes
        2SFCA catchment, minutes, inclusive (default `DEFAULT_MAX_MINUTES`); E2SFCA's is its
        last band.
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
        If shapes disagree, or a time, capacity, demand, band or weight is malformed.
    Cancelled
        If ``cancel`` is set.
    """
    check_cancel(cancel)
    report_progress(progress, 0.0, _("{method}: checking inputs").format(method=method.upper()))
    bands, band_w = _bands(method, max_minutes, bands_minutes, weights)
    if demand_unit not in ("tests", "people"):
        msg = _("`demand_unit` should be 'tests' or 'people', got {unit!r}")
        msg = msg.format(unit=demand_unit)
        raise InputError(msg)
    x = MatrixInputs.check(times, supply, demand, population, district_ids, lab_ids, lab_names)
    W, in_reach = _band_weights(x, bands, band_w)
    check_cancel(cancel)
    report_progress(progress, 0.5, _("{method}: ratios").format(method=method.upper()))
    result = _fca_result(x, W, in_reach, method, demand_unit, bands, band_w)
    report_progress(progress, 1.0, _("{method} done").format(method=method.upper()))
    return result


def _band_weights(
    x: MatrixInputs, bands: list[float], band_w: list[float]
) -> tuple[sp.csr_matrix, np.ndarray]:
    """The (labs, points) weight matrix W(t), and how many labs with capacity each point reaches."""
    k, n = len(x.supply), len(x.demand)
    inside = np.isfinite(x.supply)[x.rows] & (x.t <= bands[-1] * 60.0)
    rows, cols, t = x.rows[inside], x.cols[inside], x.t[inside]
    # weight of each pair from its band: the first band whose inclusive upper bound holds it
    w = np.asarray(band_w)[np.searchsorted(np.asarray(bands) * 60.0, t, side="left")]
    W = sp.csr_matrix((w, (rows, cols)), shape=(k, n))
    return W, np.bincount(cols, minlength=n).astype(np.int64)


def _fca_result(
    x: MatrixInputs,
    W: sp.csr_matrix,
    in_reach: np.ndarray,
    method: str,
    demand_unit: str,
    bands: list[float],
    band_w: list[float],
) -> FcaResult:
    """Ratios of the labs, accessibility of the points, and their tables."""
    s, d, pop = x.supply, x.demand, x.population
    has_cap = np.isfinite(s)
    lab_demand = np.asarray(W @ d, dtype=np.float64).reshape(-1)
    lab_demand[~has_cap] = np.nan
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(has_cap & (lab_demand > 0), s / lab_demand, np.nan)
    access = np.asarray(W.T @ np.nan_to_num(ratio, nan=0.0), dtype=np.float64).reshape(-1)
    districts = district_table(
        x.district_ids,
        pop,
        {"demand": d, "population_no_lab": np.where(in_reach == 0, pop, 0.0)},
        weighted={"accessibility": access},
    )
    return FcaResult(
        method=method,
        demand_unit=demand_unit,
        unit=_UNITS[demand_unit],
        bands_minutes=tuple(bands),
        weights=tuple(band_w),
        lab_ids=x.lab_ids,
        supply=s,
        lab_demand=lab_demand,
        ratio=ratio,
        demand=d,
        population=pop,
        accessibility=access,
        labs_in_reach=in_reach,
        labs=_fca_labs_table(x.lab_ids, x.lab_names, s, lab_demand, ratio),
        districts=districts,
        excluded_labs=tuple(str(i) for i in x.lab_ids[~has_cap]),
        warnings=tuple(_fca_warnings(x.lab_ids, s, ratio, in_reach, pop, bands[-1])),
    )


def _fca_labs_table(
    ids: np.ndarray, names: np.ndarray, s: np.ndarray, lab_demand: np.ndarray, ratio: np.ndarray
) -> pd.DataFrame:
    status = np.where(
        ~np.isfinite(s), "no capacity", np.where(np.isnan(ratio), "no demand in reach", "ok")
    )
    return pd.DataFrame(
        {
            "lab_id": ids,
            "name": names,
            CAPACITY_COLUMN: s,
            "demand_in_reach": lab_demand,
            "ratio": ratio,
            "status": status,
        }
    )


def _fca_warnings(
    ids: np.ndarray,
    s: np.ndarray,
    ratio: np.ndarray,
    in_reach: np.ndarray,
    pop: np.ndarray,
    reach_minutes: float,
) -> list[str]:
    """Labs without capacity, labs reaching no demand, points reaching no lab."""
    warnings: list[str] = []
    has_cap = np.isfinite(s)
    excluded = [str(x) for x in ids[~has_cap]]
    if excluded:
        text = _(
            "{count} of {k} labs have no known capacity and were left out of the ratios: {labs}; "
            "enter their {column} to include them"
        )
        labs = listing(excluded)
        warnings.append(
            text.format(count=len(excluded), k=len(s), labs=labs, column=CAPACITY_COLUMN)
        )
    minutes = format_threshold(reach_minutes)
    idle = ids[has_cap & np.isnan(ratio)]
    if len(idle):
        text = ngettext(
            "{count} labs reach no demand within {minutes} and add nothing: {labs}",
            "{count} labs reach no demand within {minutes} and add nothing: {labs}",
            len(idle),
        )
        labs = listing([str(x) for x in idle])
        warnings.append(text.format(count=len(idle), minutes=minutes, labs=labs))
    unreached = in_reach == 0
    if unreached.any():
        text = _(
            "{count} of {n} demand points ({people} people) reach no lab with capacity within "
            "{minutes}: accessibility 0"
        )
        people = fmt_people(float(pop[unreached].sum()))
        count = int(unreached.sum())
        warnings.append(text.format(count=count, n=len(pop), people=people, minutes=minutes))
    return warnings


def _bands(
    method: str,
    max_minutes: float | None,
    bands_minutes: Sequence[float] | None,
    weights: Sequence[float] | None,
) -> tuple[list[float], list[float]]:
    """The travel-time bands (inclusive upper bounds, minutes) and their weights."""
    if method == "2sfca":
        if bands_minutes is not None or weights is not None:
            msg = _(
                "`bands_minutes` and `weights` belong to method='e2sfca'; 2SFCA uses max_minutes"
            )
            raise InputError(msg)
        limit = DEFAULT_MAX_MINUTES if max_minutes is None else max_minutes
        return [check_minutes(limit, "max_minutes")], [1.0]
    if method != "e2sfca":
        msg = _("`method` should be '2sfca' or 'e2sfca', got {method!r}").format(method=method)
        raise InputError(msg)
    if max_minutes is not None:
        msg = _(
            "E2SFCA takes its catchment from `bands_minutes` (the last band's bound); drop "
            "max_minutes={value!r} or give bands ending there"
        ).format(value=max_minutes)
        raise InputError(msg)
    bands = [float(b) for b in (E2SFCA_BANDS_MINUTES if bands_minutes is None else bands_minutes)]
    w = [float(x) for x in (E2SFCA_WEIGHTS if weights is None else weights)]
    if bands_minutes is not None and weights is None and len(bands) != len(E2SFCA_WEIGHTS):
        msg = _("give `weights` for the {count} bands {bands} (the defaults are for 3 bands)")
        msg = msg.format(count=len(bands), bands=bands)
        raise InputError(msg)
    if len(bands) != len(w) or not bands:
        msg = _(
            "`bands_minutes` {bands} and `weights` {weights} should have the same, non-zero length"
        )
        msg = msg.format(bands=bands, weights=w)
        raise InputError(msg)
    arr = np.asarray(bands)
    if not (np.isfinite(arr).all() and arr[0] > 0 and (np.diff(arr) > 0).all()):
        msg = _("`bands_minutes` should be increasing positive minutes, got {bands}")
        msg = msg.format(bands=bands)
        raise InputError(msg)
    if not all(math.isfinite(x) and x >= 0 for x in w):
        msg = _("`weights` should be finite numbers ≥ 0, got {weights}").format(weights=w)
        raise InputError(msg)
    return bands, w


# ---------------------------------------------------------------------------------------------
# over a road network


def fca(
    net: Network,
    labs: Facilities | gpd.GeoDataFrame,
    demand: Demand,
    settings: CapacitySettings,
    *,
    params: DemandParameters | None = None,
    capacity_column: str = CAPACITY_COLUMN,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> FcaResult:
    """2SFCA or E2SFCA over a road network: lab capacity against demand for tests.

    Labs are placed by `ccgeo.analysis.placement.place_labs` (a lab farther than
    ``settings.snapping.max_snap_m`` from every road is left out: status `NOT_ON_NETWORK` and
    the reason in the labs table, named in the warnings); demand points walk to their candidate
    nodes (`ccgeo.analysis.placement.snap_points`), and a point's time to a lab is the best
    candidate's walk plus network time, as in the access analysis. See `fca_from_times` for the
    formulas.

    Parameters
    ----------
    net
        Road network of the travel mode.
    labs
        `Facilities`, or a point GeoDataFrame in EPSG:4326 with ``capacity_column``; facilities
        unable to do ``settings.capability`` or below ``settings.quality`` are left out (and
        counted in the warnings).
    demand
        Population points (`Demand`, or a point GeoDataFrame with ``population``).
    settings
        ``method`` (``"2sfca"`` with catchment ``minutes``; ``"e2sfca"`` with ``bands_minutes``
        and ``weights``), ``demand_unit`` (``"tests"``: population x incidence x eligible
        fraction of ``capability``, `test_demand`; ``"people"``: population), ``capability``,
        ``quality`` and ``snapping`` (metres, km/h).
    params
        Demand parameters (`load_demand_parameters`); None reads ``settings.demand`` over the
        bundled ``resources/demand.toml`` (or the bundled file alone).
    capacity_column
        Column of lab capacity, tests per year (NaN = unknown: excluded with a warning).
    progress, cancel
        ``progress(fraction, text)`` and a `threading.Event`.

    Returns
    -------
    FcaResult
        Over every lab given (after the capability and quality filters), in their order.

    Raises
    ------
    InputError
        If ``settings.method`` is ``"coverage"`` (run `capacity_coverage`), the labs are empty
        after filtering, or a capacity, demand or coordinate is unusable.
    Cancelled
        If ``cancel`` is set.
    """
    options = _method_options(settings)
    prep = prepare(
        net,
        labs,
        demand,
        settings,
        demand_unit=settings.demand_unit,
        params=params,
        capacity_column=capacity_column,
        max_seconds=settings.reach_minutes * 60.0,
        progress=scaled_progress(progress, 0.0, 0.85),
        cancel=cancel,
    )
    result = fca_from_times(
        prep.times,
        prep.supply,
        prep.demand,
        **options,
        **prep.labels(),
        progress=scaled_progress(progress, 0.85, 1.0),
        cancel=cancel,
    )
    return _on_all_labs(result, prep)


def _method_options(settings: CapacitySettings) -> dict[str, Any]:
    """The options of `fca_from_times` that ``settings`` sets: method, catchment or bands."""
    if settings.method == "2sfca":
        limit: dict[str, Any] = {"max_minutes": float(settings.minutes)}
    elif settings.method == "e2sfca":
        limit = {"bands_minutes": settings.bands_minutes, "weights": settings.weights}
    else:
        msg = _(
            "`fca` runs the methods '2sfca' and 'e2sfca', got {method!r}; capacity-limited "
            "coverage is `capacity_coverage`"
        ).format(method=settings.method)
        raise InputError(msg)
    return {"method": settings.method, "demand_unit": settings.demand_unit, **limit}


def _on_all_labs(result: FcaResult, prep: Prepared) -> FcaResult:
    """The result over every lab given: labs not on the network named, with their reason."""
    return replace(
        result,
        lab_ids=prep.labs.table["facility_id"].to_numpy(dtype=object),
        supply=prep.capacity.copy(),
        lab_demand=spread(result.lab_demand, prep, np.nan),
        ratio=spread(result.ratio, prep, np.nan),
        labs=labs_on_all(result.labs, prep, "status"),
        off_network_labs=prep.off_network_labs,
        warnings=(*prep.warnings, *result.warnings),
    )
