"""Demand × site travel times on the road network, kept sparse (only the pairs within the limit),
and the sparse-matrix helpers the siting models share.

People are tied to the network by `ccgeo.analysis.placement.snap_points`, and existing labs and
candidate sites by `ccgeo.analysis.placement.place_labs`: the rule of every other analysis.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import geopandas as gpd
import numpy as np
import pandas as pd
import scipy.sparse as sp

from ccgeo.analysis.placement import (
    LabPlacement,
    SnappedPoints,
    demand_frame,
    district_names,
    place_labs,
    point_lonlat,
    snap_points,
)
from ccgeo.analysis.siting.candidates import check_candidates
from ccgeo.errors import InputError, check_cancel
from ccgeo.i18n import _, ngettext
from ccgeo.labels import format_number
from ccgeo.memory import release_free_memory
from ccgeo.model.facilities import Facilities
from ccgeo.network.isochrones import INCLUSIVE_TOLERANCE_S
from ccgeo.network.routing import Catchments, CatchmentSearch, nearest_lab_times
from ccgeo.progress import ProgressCallback, report_progress, scaled_progress

if TYPE_CHECKING:
    import threading

    from ccgeo.model.demand import Demand
    from ccgeo.model.network import Network
    from ccgeo.model.settings import Snapping

#: Sites one thread searches in a round (between two looks at Cancel): a round's catchments
#: are held only until turned into pairs, so memory follows the round, not the sites.
_SITES_PER_THREAD = 4
#: Labs or sites left out listed one per line up to this many; more are summed up in one line.
_LEFT_OUT_LINES = 8


def demand_site_seconds(
    net: Network,
    snapped: SnappedPoints,
    site_nodes: np.ndarray,
    *,
    max_seconds: float,
    rows: np.ndarray | None = None,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> sp.csr_matrix:
    """Travel time from each demand point to each site, kept only where within the limit.

    One bounded Dijkstra per site towards it (`ccgeo.network.routing.CatchmentSearch` with direction
    ``"to_lab"``); the time of a point is ``min_k(walk_k + node_time[node_k])`` over its
    candidate nodes, the same rule as the access analysis (`SnappedPoints.seconds_via`). Sites
    are processed in chunks of a few million cells, so memory grows with the pairs kept within
    the limit, never with demand × sites.

    Parameters
    ----------
    net
        The road network of the travel mode.
    snapped
        The demand points tied to the network (`ccgeo.analysis.placement.snap_points`).
    site_nodes
        Network node of each site.
    max_seconds
        Time limit, seconds, inclusive.
    rows
        Boolean mask of the demand points to compute (default all); the others get no pairs.
    progress, cancel
        ``progress(fraction, text)`` and a `threading.Event`.

    Returns
    -------
    scipy.sparse.csr_matrix
        ``(n_demand, n_sites)`` seconds; a stored entry (zero included) is a pair within the limit,
        an absent one is beyond it.
    """
    n = len(snapped)
    sites = np.asarray(site_nodes, dtype=np.int64)
    m = len(sites)
    limit = float(max_seconds) + INCLUSIVE_TOLERANCE_S
    cand_nodes = np.where(snapped.nodes >= 0, snapped.nodes, 0)
    walk = np.where(snapped.nodes >= 0, snapped.walk_seconds, np.inf)
    # only points that can walk to a node within the limit can be covered at all
    reach = walk.min(axis=1, initial=np.inf) <= limit
    live = np.flatnonzero(reach if rows is None else reach & np.asarray(rows, dtype=bool))
    entries = _NodeEntries.build(cand_nodes[live], walk[live], net.n_nodes, limit)
    pieces: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []

    def announce(start: int) -> None:
        text = _("travel times to site {site} of {count}").format(site=start + 1, count=m)
        report_progress(progress, start / max(m, 1), text)

    # a few sites per thread at a time: only one round of catchments is ever held
    rounds = CatchmentSearch(net, "to_lab").rounds(
        sites, limit, per_thread=_SITES_PER_THREAD, announce=announce, cancel=cancel
    )
    for start, cat in rounds:
        site, dem, secs = entries.pairs(cat)
        pieces.append((live[dem].astype(np.int32), (site + start).astype(np.int32), secs))
    check_cancel(cancel)
    text = ngettext("travel times to {count} sites done", "travel times to {count} sites done", m)
    report_progress(progress, 1.0, text.format(count=m))
    r = np.concatenate([p[0] for p in pieces]) if pieces else np.empty(0, np.int32)
    c = np.concatenate([p[1] for p in pieces]) if pieces else np.empty(0, np.int32)
    v = np.concatenate([p[2] for p in pieces]) if pieces else np.empty(0, np.float64)
    del pieces
    return csr_from_pairs(r, c, v, (n, m))


@dataclass(frozen=True)
class _NodeEntries:
    """The demand points' candidate nodes inverted: node ``v`` is a candidate of the live points
    ``point[starts[v]:starts[v + 1]]``, ``walk`` seconds away (only walks within the limit)."""

    starts: np.ndarray
    point: np.ndarray
    walk: np.ndarray

    @classmethod
    def build(
        cls, cand_nodes: np.ndarray, walk: np.ndarray, n_nodes: int, limit: float
    ) -> _NodeEntries:
        point = np.repeat(np.arange(len(cand_nodes)), cand_nodes.shape[1])
        node, secs = cand_nodes.ravel(), walk.ravel()
        ok = secs <= limit
        node, secs, point = node[ok], secs[ok], point[ok]
        order = np.argsort(node, kind="stable")
        starts = np.zeros(n_nodes + 1, dtype=np.int32 if len(node) < 2**31 else np.int64)
        np.cumsum(np.bincount(node, minlength=n_nodes), out=starts[1:])
        return cls(starts, point[order], secs[order])

    def pairs(self, cat: Catchments) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(site in ``cat``, live demand row, seconds) within the limit: the access rule, the
        best over a point's candidate nodes of walk + network time."""
        from ccgeo.network.kernels import point_pairs

        n_points = int(self.point.max()) + 1 if len(self.point) else 0
        return point_pairs(
            cat.counts,
            cat.nodes,
            cat.seconds,
            self.starts,
            self.point,
            self.walk,
            cat.max_seconds,
            n_points,
        )


# -- sparse helpers ------------------------------------------------------------------------------


def csr_from_pairs(
    rows: np.ndarray, cols: np.ndarray, vals: np.ndarray, shape: tuple[int, int]
) -> sp.csr_matrix:
    """CSR from unique (row, col) pairs, keeping explicit zeros (a time of 0 s is a pair)."""
    # 32-bit indices while they fit: half the memory on instances of tens of millions of pairs
    itype = np.int32 if max(len(vals), *shape) < 2**31 - 1 else np.int64
    order = np.lexsort((cols, rows)) if len(rows) else np.empty(0, np.int64)
    indptr = np.zeros(shape[0] + 1, dtype=itype)
    np.cumsum(np.bincount(rows, minlength=shape[0]), out=indptr[1:])
    out = sp.csr_matrix(
        (np.asarray(vals, np.float64)[order], np.asarray(cols, itype)[order], indptr),
        shape=shape,
    )
    out.has_sorted_indices = True
    return out


def pairs_within(cost_matrix: np.ndarray | sp.spmatrix, max_seconds: float) -> sp.csr_matrix:
    """The pairs of a demand × site matrix within ``max_seconds`` (inclusive), as sparse seconds.

    A dense matrix gives its finite entries within the limit (``inf`` or NaN: unreachable); a
    sparse one its stored entries within the limit (zeros included).
    """
    limit = float(max_seconds) + INCLUSIVE_TOLERANCE_S
    if sp.issparse(cost_matrix):
        csr = sp.csr_matrix(cost_matrix, dtype=np.float64, copy=True)
        csr.sum_duplicates()
        coo = csr.tocoo()
        keep = coo.data <= limit
        return csr_from_pairs(coo.row[keep], coo.col[keep], coo.data[keep], csr.shape)
    dense = np.asarray(cost_matrix, dtype=np.float64)
    if dense.ndim != 2:
        msg = _("the cost matrix should be 2-d (demand × candidates), got {shape}")
        msg = msg.format(shape=dense.shape)
        raise InputError(msg)
    r, c = np.nonzero(np.isfinite(dense) & (dense <= limit))
    return csr_from_pairs(r, c, dense[r, c], dense.shape)


def merge_identical_rows(csr: sp.csr_matrix, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Group rows with the same set of columns; returns one row index per group and the
    groups' summed weights.

    Demand points reaching exactly the same sites are interchangeable in every coverage model
    here, so merging them is exact and shrinks the MILP (2,000 rows instead of 30,000 on the
    demo city). Rows are grouped by two random 64-bit hashes of their column sets, then every
    member is compared with its group's first row; a (vanishingly rare) collision stays apart.
    """
    csr = csr.copy()
    csr.sort_indices()
    n, m = csr.shape
    rng = np.random.default_rng(20240611)
    h1 = rng.integers(1, 2**62, size=m, dtype=np.int64)
    h2 = rng.integers(1, 2**62, size=m, dtype=np.int64)
    nnz = np.diff(csr.indptr)
    row_of = np.repeat(np.arange(n), nnz)
    k1 = np.zeros(n, dtype=np.int64)
    k2 = np.zeros(n, dtype=np.int64)
    with np.errstate(over="ignore"):
        np.add.at(k1, row_of, h1[csr.indices])
        np.add.at(k2, row_of, h2[csr.indices])
    group, _ = pd.factorize(pd.MultiIndex.from_arrays([k1, k2, nnz]))
    first = np.full(int(group.max()) + 1 if n else 0, -1, dtype=np.int64)
    first[group[::-1]] = np.arange(n)[::-1]
    rep = first[group]
    # exact check: each member's k-th column equals its representative's k-th column
    within = np.arange(csr.nnz) - np.repeat(csr.indptr[:-1], nnz)
    same_col = csr.indices == csr.indices[np.repeat(csr.indptr[rep], nnz) + within]
    apart = np.unique(row_of[~same_col])
    rep[apart] = apart
    reps, inverse = np.unique(rep, return_inverse=True)
    merged = np.bincount(inverse, weights=np.asarray(weights, np.float64), minlength=len(reps))
    return reps, merged


def row_min(cost: sp.csr_matrix, columns: np.ndarray) -> np.ndarray:
    """Smallest stored value per row over the given columns; ``inf`` where none."""
    n, m = cost.shape
    out = np.full(n, np.inf)
    if len(columns) == 0 or cost.nnz == 0:
        return out
    pick = np.zeros(m, dtype=bool)
    pick[np.asarray(columns, dtype=np.int64)] = True
    mask = pick[cost.indices]
    rows = np.repeat(np.arange(n), np.diff(cost.indptr))[mask]
    np.minimum.at(out, rows, cost.data[mask])
    return out


def restricted(cost: sp.csr_matrix, chosen: np.ndarray) -> sp.csr_matrix:
    """The matrix columns of ``chosen`` only, in that order (one pass over the pairs)."""
    n, m = cost.shape
    local = np.full(m, -1, dtype=np.int64)
    local[chosen] = np.arange(len(chosen))
    loc = local[cost.indices]
    mask = loc >= 0
    rows = np.repeat(np.arange(n), np.diff(cost.indptr))[mask]
    return csr_from_pairs(rows, loc[mask], cost.data[mask], (n, len(chosen)))


# -- everything a model needs from the network ---------------------------------------------------


@dataclass(frozen=True, eq=False)
class NetworkInputs:
    """The arrays of a siting model built on a road network (see `network_inputs`).

    `model_options` gives them as the keyword arguments of the model classes.
    """

    cost: sp.csr_matrix
    weights: np.ndarray
    existing_seconds: np.ndarray
    candidates: gpd.GeoDataFrame
    population: np.ndarray
    district_ids: np.ndarray
    district_names: dict[str, str] | None
    existing_cost: sp.csr_matrix | None
    existing_capacity: np.ndarray | None
    weight_unit: str
    warnings: tuple[str, ...]
    #: How the points were tied to the network and the mode, for the result's settings.
    settings: dict[str, Any]

    def model_options(self) -> dict[str, Any]:
        """Keyword arguments of `ccgeo.analysis.siting.models.SitingModel` (cost and weights
        apart)."""
        return {
            "existing_seconds": self.existing_seconds,
            "candidates": self.candidates,
            "population": self.population,
            "district_ids": self.district_ids,
            "district_names": self.district_names,
            "existing_cost": self.existing_cost,
            "existing_capacity": self.existing_capacity,
            "weight_unit": self.weight_unit,
            "warnings": self.warnings,
            "extra_settings": self.settings,
        }


def network_inputs(
    net: Network,
    demand: Demand | gpd.GeoDataFrame,
    candidates: gpd.GeoDataFrame,
    existing_labs: Facilities | gpd.GeoDataFrame | np.ndarray | None,
    *,
    max_seconds: float,
    snapping: Snapping,
    districts: gpd.GeoDataFrame | None = None,
    tests_per_person_year: float | None = None,
    covered_rows: bool = True,
    lab_cost: bool = False,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> NetworkInputs:
    """People, candidate sites and existing labs on the network, and the demand × site times.

    ``covered_rows=False`` skips the pairs of demand already within the limit of a lab (they
    cannot change a coverage objective); ``lab_cost=True`` also builds the demand × existing-lab
    times (for the capacity constraint). Labs and sites left out by the placement rule are
    listed in the warnings with the reason.
    """
    gdf_demand = demand_frame(demand, districts=districts)
    population, weights, weight_unit = demand_weights(gdf_demand, tests_per_person_year)
    check_cancel(cancel)
    report_progress(progress, 0.0, _("placing the people on the network"))
    snapped = snap_points(
        net,
        point_lonlat(gdf_demand, what="demand"),
        snapping,
        progress=scaled_progress(progress, 0.0, 0.05),
        cancel=cancel,
    )
    cands, c_nodes, warnings = place_candidates(net, candidates, snapping, cancel=cancel)
    lab_nodes, lab_capacity, lab_warnings = place_existing_labs(
        net, existing_labs, snapping, cancel=cancel
    )
    warnings += lab_warnings
    check_cancel(cancel)
    report_progress(progress, 0.05, _nearest_existing_text(len(lab_nodes)))
    limit = max_seconds + INCLUSIVE_TOLERANCE_S
    near = nearest_lab_times(net, lab_nodes, max_seconds=limit, cancel=cancel)
    existing, _best = snapped.seconds_via(near.seconds)
    del near, _best  # the nodes' times, no longer needed while the pairs are searched
    # demand already within the limit of a lab cannot change a coverage objective: its
    # pairs are not built (exact, and most of the pairs when labs cover most people)
    rows = None if covered_rows else existing > limit
    with_labs = lab_cost and len(lab_nodes) > 0
    cost, existing_cost = _pair_seconds(
        net,
        snapped,
        c_nodes,
        lab_nodes if with_labs else None,
        max_seconds=max_seconds,
        rows=rows,
        progress=scaled_progress(progress, 0.1, 1.0),
        cancel=cancel,
    )
    warnings += _off_network_warning(snapped, population)
    release_free_memory()  # the searches' working arrays, freed, go back to the system
    report_progress(progress, 1.0, _("siting model built"))
    return NetworkInputs(
        cost=cost,
        weights=weights,
        existing_seconds=existing,
        candidates=cands,
        population=population,
        district_ids=gdf_demand["district_id"].to_numpy(dtype=object),
        district_names=district_names(districts),
        existing_cost=existing_cost,
        existing_capacity=lab_capacity if with_labs else None,
        weight_unit=weight_unit,
        warnings=tuple(warnings),
        settings={
            "max_snap_m": snapping.max_snap_m,
            "walk_kmh": snapping.walk_kmh,
            "candidates": snapping.candidates,
            "mode": net.mode,
        },
    )


def _pair_seconds(
    net: Network,
    snapped: SnappedPoints,
    site_nodes: np.ndarray,
    lab_nodes: np.ndarray | None,
    *,
    max_seconds: float,
    rows: np.ndarray | None,
    progress: ProgressCallback | None,
    cancel: threading.Event | None,
) -> tuple[sp.csr_matrix, sp.csr_matrix | None]:
    """The demand × site seconds (of ``rows``), and the demand × existing-lab seconds when
    ``lab_nodes`` are given (`demand_site_seconds`)."""
    sites_end = 1.0 if lab_nodes is None else 8.0 / 9.0  # the labs' pairs take the last ninth
    cost = demand_site_seconds(
        net,
        snapped,
        site_nodes,
        max_seconds=max_seconds,
        rows=rows,
        progress=scaled_progress(progress, 0.0, sites_end),
        cancel=cancel,
    )
    if lab_nodes is None:
        return cost, None
    existing_cost = demand_site_seconds(
        net,
        snapped,
        lab_nodes,
        max_seconds=max_seconds,
        progress=scaled_progress(progress, sites_end, 1.0),
        cancel=cancel,
    )
    return cost, existing_cost


def _nearest_existing_text(count: int) -> str:
    """The progress text of the search for the nearest of ``count`` existing labs."""
    return ngettext(
        "time to the nearest of {count} existing labs",
        "time to the nearest of {count} existing labs",
        count,
    ).format(count=count)


def demand_weights(
    gdf_demand: gpd.GeoDataFrame, tests_per_person_year: float | None
) -> tuple[np.ndarray, np.ndarray, str]:
    """Population, the weights of the models (people, or tests per year) and their unit."""
    population = gdf_demand["population"].to_numpy(dtype=np.float64)
    if tests_per_person_year is None:
        return population, population, "people"
    if not (tests_per_person_year > 0 and math.isfinite(tests_per_person_year)):
        msg = _(
            "`tests_per_person_year` should be a positive rate (e.g. 0.0005 = 50 tests per "
            "100,000 people), got {value!r}"
        ).format(value=tests_per_person_year)
        raise InputError(msg)
    return population, population * float(tests_per_person_year), "tests per year"


def place_candidates(
    net: Network,
    candidates: gpd.GeoDataFrame,
    snapping: Snapping,
    *,
    cancel: threading.Event | None = None,
) -> tuple[gpd.GeoDataFrame, np.ndarray, list[str]]:
    """The candidate sites on the network by the placement rule: the usable ones, their nodes
    and a warning for those left out (``cancel``: see `place_labs`).

    Raises
    ------
    InputError
        When no candidate site lies near the network.
    """
    cands = check_candidates(candidates)
    if len(cands):
        point_lonlat(cands, what="candidate")  # names the rows without a place
    placement = place_labs(
        net, cands.assign(facility_id=cands["candidate_id"]), snapping, cancel=cancel
    )
    usable = placement.usable
    warnings = left_out_lines(placement, _("candidate site"), _("candidate sites"))
    cands = cands.loc[usable].reset_index(drop=True)
    if len(cands) == 0:
        msg = _(
            "no candidate site lies near the road network; add facilities to upgrade, grid "
            "sites or your own sites"
        )
        raise InputError(msg)
    return cands, placement.nodes[usable], warnings


def place_existing_labs(
    net: Network,
    labs: Facilities | gpd.GeoDataFrame | np.ndarray | None,
    snapping: Snapping,
    *,
    cancel: threading.Event | None = None,
) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Nodes and capacities (tests per year, NaN unknown) of the existing labs on the network,
    and a warning for the labs left out by the placement rule (``cancel``: see `place_labs`)."""
    if labs is None:
        return np.empty(0, dtype=np.int64), np.empty(0), []
    placement = place_labs(net, labs, snapping, cancel=cancel)
    usable = placement.usable
    gdf_labs = labs.gdf if isinstance(labs, Facilities) else None
    if gdf_labs is not None and "capacity_tests_per_year" in gdf_labs:
        capacity = gdf_labs["capacity_tests_per_year"].to_numpy(float)[usable]
    else:
        capacity = np.full(int(usable.sum()), np.nan)
    warnings = left_out_lines(placement, _("existing lab"), _("existing labs"))
    return placement.nodes[usable], capacity, warnings


def left_out_lines(placement: LabPlacement, singular: str, plural: str) -> list[str]:
    """The labs (or sites) left out by the placement rule: one line each with the reason, or one
    sentence naming them when there are many."""
    lines = placement.left_out()
    if len(lines) <= _LEFT_OUT_LINES:
        text = _("{singular} left out: {line}")
        return [text.format(singular=singular, line=line) for line in lines]
    return [
        _("{plural} left out: {warning}").format(plural=plural, warning=placement.warning(plural))
    ]


def _off_network_warning(snapped: SnappedPoints, population: np.ndarray) -> list[str]:
    off = snapped.off_network
    if not off.any():
        return []
    text = ngettext(
        "{people} people at {count} demand points are more than {max_snap_m:g} m from a road: no "
        "site can cover them, they stay in the totals",
        "{people} people at {count} demand points are more than {max_snap_m:g} m from a road: no "
        "site can cover them, they stay in the totals",
        int(off.sum()),
    )
    people = format_number(population[off].sum())
    return [text.format(people=people, count=int(off.sum()), max_snap_m=snapped.max_snap_m)]
