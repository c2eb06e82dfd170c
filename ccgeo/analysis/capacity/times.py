"""Labs and demand on the network, and the lab x demand travel times between them.

Labs are placed by `ccgeo.analysis.placement.place_labs` and people by
`ccgeo.analysis.placement.snap_points`, the rule every analysis shares: a lab farther than the
maximum snap distance from every road is left out (and listed with the reason), as in the access
analysis. `prepare` gathers what 2SFCA, E2SFCA and coverage all need; `lab_demand_times` is the
sparse time matrix.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import geopandas as gpd
import numpy as np
import pandas as pd
import scipy.sparse as sp

from ccgeo.analysis.capacity.common import (
    CAPACITY_COLUMN,
    csr_from_pairs,
    fmt_people,
    listing,
)
from ccgeo.analysis.capacity.demand import load_demand_parameters, test_demand
from ccgeo.analysis.placement import (
    LabPlacement,
    SnappedPoints,
    demand_frame,
    place_labs,
    point_lonlat,
    snap_points,
)
from ccgeo.errors import InputError, check_cancel
from ccgeo.i18n import _, ngettext
from ccgeo.labels import format_threshold
from ccgeo.model.capacity import NOT_ON_NETWORK, DemandParameters
from ccgeo.model.facilities import Facilities, quality_mask
from ccgeo.model.roads import mode_words
from ccgeo.network.routing import Catchments, catchments
from ccgeo.progress import ProgressCallback, report_progress, scaled_progress

if TYPE_CHECKING:
    import threading

    from ccgeo.model.demand import Demand
    from ccgeo.model.network import Network
    from ccgeo.model.settings import CapacitySettings

#: Largest number of (demand point, candidate, lab) rows expanded at once when building the
#: lab x demand time matrix (about 40 bytes each).
_CHUNK_PAIRS = 5_000_000


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
        Demand points tied to their candidate nodes (`ccgeo.analysis.placement.snap_points`).
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
    report_progress(progress, 0.6, _("joining catchments with demand points"))
    i, j, t = _join_catchments(
        catch, net.n_nodes, snapped, progress=scaled_progress(progress, 0.6, 1.0), cancel=cancel
    )
    text = ngettext(
        "{count} lab-point pairs within {minutes}",
        "{count} lab-point pairs within {minutes}",
        len(t),
    )
    report_progress(
        progress, 1.0, text.format(count=len(t), minutes=format_threshold(catch.max_seconds / 60))
    )
    return csr_from_pairs(j, i, t, (k, n))


def _join_catchments(
    catch: Catchments,
    n_nodes: int,
    snapped: SnappedPoints,
    *,
    progress: ProgressCallback | None,
    cancel: threading.Event | None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Point, lab and best seconds of every (point, lab) pair within the catchments' limit."""
    k, n, limit = len(catch), len(snapped), catch.max_seconds
    # catchment entries regrouped by node: for node v, the labs it reaches and in what time
    entry_lab = np.repeat(np.arange(k, dtype=np.int64), catch.counts)
    by_node = np.argsort(catch.nodes, kind="stable")
    e_lab, e_sec = entry_lab[by_node], catch.seconds[by_node]
    node_ptr = np.zeros(n_nodes + 1, dtype=np.int64)
    np.cumsum(np.bincount(catch.nodes, minlength=n_nodes), out=node_ptr[1:])

    cand, walk = snapped.nodes, snapped.walk_seconds
    usable = (cand >= 0) & (walk <= limit)
    pt, col = np.nonzero(usable)  # row-major: grouped by point
    node = cand[pt, col]
    w = walk[pt, col]
    deg = node_ptr[node + 1] - node_ptr[node]
    # chunks end on point boundaries, so each (point, lab) pair is reduced within one chunk
    cum = np.cumsum(np.bincount(pt, weights=deg, minlength=n))
    cuts = np.searchsorted(cum, np.arange(_CHUNK_PAIRS, cum[-1] if n else 0, _CHUNK_PAIRS))
    point_bounds = np.unique(np.concatenate([[0], cuts + 1, [n]])).clip(0, n)
    row_bounds = np.searchsorted(pt, point_bounds)
    parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    for a, b in itertools.pairwise(row_bounds):
        check_cancel(cancel)
        d = deg[a:b]
        total = int(d.sum())
        if b <= a or total == 0:
            continue
        rep = np.repeat(np.arange(b - a), d)
        first = np.cumsum(d) - d
        idx = node_ptr[node[a:b]][rep] + (np.arange(total) - first[rep])
        # same order of addition as SnappedPoints.seconds_via: walk + node time
        t = w[a:b][rep] + e_sec[idx]
        keep = t <= limit
        parts.append(_best_per_pair(pt[a:b][rep][keep], e_lab[idx][keep], t[keep], k))
        report_progress(progress, b / max(len(pt), 1), _("lab x demand times"))
    check_cancel(cancel)
    if not parts:
        return np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, np.float64)
    i, j, t = (np.concatenate(p) for p in zip(*parts, strict=True))
    return i, j, t


def _best_per_pair(
    i: np.ndarray, j: np.ndarray, t: np.ndarray, k: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The best candidate of each (point, lab) pair: group by pair, minimum time per group."""
    key = i * max(k, 1) + j
    order = np.argsort(key, kind="stable")
    key = key[order]
    if not len(key):
        return i[:0], j[:0], t[:0]
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
    return i[order][starts], j[order][starts], np.minimum.reduceat(t[order], starts)


# ---------------------------------------------------------------------------------------------
# labs and demand of an analysis


@dataclass(frozen=True, eq=False)
class Prepared:
    """Labs and demand on the network and the times between them.

    ``labs`` holds every lab given (after the capability and quality filters), ``capacity``
    their capacity; the other per-lab arrays and the rows of ``times`` are the labs on the
    network only (``labs.used``), in that order.
    """

    times: sp.csr_matrix
    supply: np.ndarray
    demand: np.ndarray
    population: np.ndarray
    district_ids: np.ndarray
    lab_ids: np.ndarray
    lab_names: np.ndarray
    labs: LabPlacement
    capacity: np.ndarray
    warnings: tuple[str, ...]

    @property
    def used(self) -> np.ndarray:
        """Rows of ``labs`` on the network."""
        return self.labs.used

    def labels(self) -> dict[str, np.ndarray]:
        """The per-point and per-lab keywords of `fca_from_times` and coverage."""
        return {
            "population": self.population,
            "district_ids": self.district_ids,
            "lab_ids": self.lab_ids,
            "lab_names": self.lab_names,
        }

    @property
    def off_network_labs(self) -> tuple[str, ...]:
        """Ids of the labs left out by the placement rule."""
        ids = self.labs.table["facility_id"].to_numpy(dtype=object)
        return tuple(str(x) for x in ids[~self.labs.usable])


def prepare(
    net: Network,
    labs: Facilities | gpd.GeoDataFrame,
    demand: Demand | gpd.GeoDataFrame,
    settings: CapacitySettings,
    *,
    demand_unit: str,
    params: DemandParameters | None,
    capacity_column: str,
    max_seconds: float,
    progress: ProgressCallback | None,
    cancel: threading.Event | None,
) -> Prepared:
    """Labs and demand on the network, and the lab x demand times between them.

    Demand is in ``demand_unit``: tests per year of ``settings.capability`` (with ``params``,
    else the demand file of ``settings``, else the bundled one), or people.
    """
    check_cancel(cancel)
    gdf, warnings = _chosen_labs(labs, settings)
    report_progress(progress, 0.0, _("placing labs and demand on the network"))
    placement = place_labs(net, gdf, settings.snapping)
    table = placement.table
    ids = table["facility_id"].to_numpy(dtype=object)
    capacity = _capacity_column(gdf, capacity_column, ids)
    warnings += _placement_warnings(placement)
    frame = demand_frame(demand, districts=None)
    pop = frame["population"].to_numpy(dtype=np.float64)
    snapped = snap_points(net, point_lonlat(frame, what="demand"), settings.snapping)
    off = snapped.off_network
    if off.any():
        text = ngettext(
            "{count} demand points ({people} people) lie more than {max_snap_m:g} m from the "
            "{mode} network and reach no lab",
            "{count} demand points ({people} people) lie more than {max_snap_m:g} m from the "
            "{mode} network and reach no lab",
            int(off.sum()),
        )
        people = fmt_people(float(pop[off].sum()))
        max_snap_m, mode = settings.snapping.max_snap_m, mode_words(net.mode)
        warnings.append(
            text.format(count=int(off.sum()), people=people, max_snap_m=max_snap_m, mode=mode)
        )
    if demand_unit == "tests":
        params = params if params is not None else load_demand_parameters(settings.demand)
        values = test_demand(pop, capability=settings.capability, params=params)
    else:
        values = pop.copy()
    used = placement.used
    routed = np.flatnonzero(np.isfinite(capacity[used]))  # rows of the used labs with capacity
    times_in = lab_demand_times(
        net,
        placement.nodes[used[routed]],
        snapped,
        max_seconds=max_seconds,
        progress=scaled_progress(progress, 0.05, 1.0),
        cancel=cancel,
    )
    coo = times_in.tocoo()
    times = csr_from_pairs(
        routed[coo.row].astype(np.int64), coo.col.astype(np.int64), coo.data, (len(used), len(pop))
    )
    return Prepared(
        times=times,
        supply=capacity[used],
        demand=values,
        population=pop,
        district_ids=frame["district_id"].to_numpy(dtype=object),
        lab_ids=ids[used],
        lab_names=table["name"].to_numpy(dtype=object)[used],
        labs=placement,
        capacity=capacity,
        warnings=tuple(warnings),
    )


def _chosen_labs(
    labs: Facilities | gpd.GeoDataFrame, settings: CapacitySettings
) -> tuple[gpd.GeoDataFrame, list[str]]:
    """The labs able to do ``settings.capability`` and meeting ``settings.quality``.

    A GeoDataFrame is filtered on the capability column and the ``eqa`` / ``accreditation``
    columns when it has them, as `Facilities` are; the labs left out are counted in a warning.
    """
    gdf = labs.gdf if isinstance(labs, Facilities) else labs
    if not isinstance(gdf, gpd.GeoDataFrame):
        msg = _("`labs` should be Facilities or a GeoDataFrame, got {kind}")
        msg = msg.format(kind=type(labs).__name__)
        raise InputError(msg)
    warnings: list[str] = []
    capability, quality = settings.capability, settings.quality
    if capability in gdf.columns:
        able = gdf[capability].fillna(False).to_numpy(dtype=bool)
        if not able.all():
            text = _("{count} of {n} facilities cannot do {capability} and were left out")
            warnings.append(
                text.format(count=int((~able).sum()), n=len(gdf), capability=capability)
            )
            gdf = gdf.loc[able]
    if quality != "any":
        if not {"eqa", "accreditation"} <= set(gdf.columns):
            msg = _(
                "the quality filter {quality!r} needs the labs' `eqa` and `accreditation` "
                "columns, which they lack; choose quality 'any' or import them as facilities"
            ).format(quality=quality)
            raise InputError(msg)
        good = quality_mask(gdf, quality)
        if not good.all():
            text = _(
                "{count} of {n} facilities do not meet the quality filter {quality!r} and were "
                "left out"
            )
            warnings.append(text.format(count=int((~good).sum()), n=len(gdf), quality=quality))
            gdf = gdf.loc[good]
    if len(gdf) == 0:
        raise InputError(_("no lab to analyse: the lab layer is empty after filtering"))
    return gdf, warnings


def _placement_warnings(placement: LabPlacement) -> list[str]:
    """The labs the placement rule left out, named; a sentence when none is left."""
    out = []
    if not placement.usable.any():
        text = _("no lab lies within {max_snap_m:g} m of the {mode} network: no demand is reached")
        out.append(text.format(max_snap_m=placement.max_snap_m, mode=mode_words(placement.mode)))
    left_out = placement.warning()
    if left_out:
        out.append(
            _("{left_out} (see the reason of each in the labs table)").format(left_out=left_out)
        )
    return out


def _capacity_column(gdf: pd.DataFrame, column: str, ids: np.ndarray) -> np.ndarray:
    if column not in gdf.columns:
        msg = _(
            "the labs have no column {column!r} of capacity (tests per year); the columns are "
            "{columns}; pass `capacity_column=`"
        ).format(column=column, columns=listing([str(c) for c in gdf.columns]))
        raise InputError(msg)
    raw = gdf[column]
    values = pd.to_numeric(raw, errors="coerce").to_numpy(dtype=np.float64)
    text = raw.astype(str).str.strip()
    unreadable = np.isnan(values) & raw.notna().to_numpy() & (text != "").to_numpy()
    bad = unreadable | np.isinf(values) | (values < 0)
    if bad.any():
        items = [f"{ids[i]} ({raw.iloc[i]!r})" for i in np.flatnonzero(bad)]
        msg = _(
            "{column!r} should be a number of tests per year ≥ 0, or empty when unknown; labs "
            "{labs} hold something else: fix those values"
        ).format(column=column, labs=listing(items))
        raise InputError(msg)
    return values


# ---------------------------------------------------------------------------------------------
# results over every lab given


def spread(values: np.ndarray, prep: Prepared, fill: Any) -> np.ndarray:
    """Per-lab ``values`` of the labs on the network spread over every lab, ``fill`` elsewhere."""
    values = np.asarray(values)
    out = np.full(len(prep.labs), fill, dtype=values.dtype)
    out[prep.used] = values
    return out


def labs_on_all(sub: pd.DataFrame, prep: Prepared, status_column: str) -> pd.DataFrame:
    """The labs table of the labs on the network extended to every lab given.

    Labs left out keep their id, name and capacity; ``status_column`` says `NOT_ON_NETWORK`,
    numbers are NaN (ranks -1), and the ``reason`` column (every lab) says why.
    """
    data: dict[str, np.ndarray] = {}
    for name in sub.columns:
        values = sub[name].to_numpy()
        if values.dtype.kind in "iu":
            fill: Any = -1
        elif values.dtype.kind == "f":
            fill = np.nan
        else:
            values, fill = values.astype(object), None
        data[name] = spread(values, prep, fill)
    table = prep.labs.table
    data["lab_id"] = table["facility_id"].to_numpy(dtype=object)
    data["name"] = table["name"].to_numpy(dtype=object)
    data[CAPACITY_COLUMN] = prep.capacity.copy()
    data[status_column] = np.where(prep.labs.usable, data[status_column], NOT_ON_NETWORK)
    data["reason"] = table["reason"].to_numpy(dtype=object)
    return pd.DataFrame(data)
