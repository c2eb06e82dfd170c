"""New testing hubs: MCLP, p-median and target coverage (LSCP), existing labs fixed as open.

Exact MILPs with HiGHS, or lazy greedy (CELF) with a stated bound for large instances; times come
from bounded searches on the road network, never from a dense all-pairs matrix.
"""

from __future__ import annotations

import heapq
import json
import math
import os
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Literal

import geopandas as gpd
import numpy as np
import pandas as pd
import scipy.sparse as sp
import shapely

from ccgeo.analysis.access import (
    coverage_table,
    demand_frame,
    district_names,
    labs_table,
    point_lonlat,
    snap_labs,
    underserved_areas,
)
from ccgeo.analysis.snapping import (
    DEFAULT_CANDIDATES,
    DEFAULT_MAX_SNAP_M,
    DEFAULT_WALK_KMH,
    SnappedPoints,
    snap_points,
)
from ccgeo.errors import InputError, check_cancel
from ccgeo.geo import local_utm_crs, unproject_xy
from ccgeo.model.demand import Demand
from ccgeo.model.facilities import Facilities
from ccgeo.network.isochrones import INCLUSIVE_TOLERANCE_S
from ccgeo.network.routing import catchments, nearest_lab_times
from ccgeo.progress import ProgressCallback, report_progress, scaled_progress

if TYPE_CHECKING:
    import threading

    from ccgeo.model.network import Network

#: The siting models.
SITING_MODELS: tuple[str, ...] = ("mclp", "pmedian", "lscp")
#: Where candidate sites come from: facilities to upgrade, a grid over underserved areas, the user.
CANDIDATE_KINDS: tuple[str, ...] = ("upgrade", "grid", "user")
#: Columns of a candidate layer (EPSG:4326).
CANDIDATE_COLUMNS: tuple[str, ...] = (
    "candidate_id",
    "name",
    "kind",
    "capacity_tests_per_year",
    "geometry",
)
#: Default spacing of grid candidates, metres.
DEFAULT_GRID_SPACING_M = 1_000.0
#: The coverage curve runs from 1 to this many hubs (fewer when there are fewer candidates).
DEFAULT_CURVE_HUBS = 10
#: With ``solver="auto"``, instances with more (aggregated) demand-candidate pairs than this go
#: to the lazy greedy: a HiGHS MILP of that size takes minutes and gigabytes.
MILP_MAX_PAIRS = 2_000_000
#: The same for p-median, whose MILP has one variable and one row per pair.
PMEDIAN_MILP_MAX_PAIRS = 200_000
#: Relative gap at which HiGHS stops: small enough that the optimum matches other exact solvers.
MILP_REL_GAP = 1e-9
#: Cells (sites × nodes or sites × demand points) of one piece of the matrix build (8 bytes each).
_CHUNK_CELLS = 4_000_000

Solver = Literal["auto", "milp", "greedy"]


# -- candidates ----------------------------------------------------------------------------------


def _candidate_frame(
    ids: Sequence[str],
    names: Sequence[str],
    kind: str,
    capacity: Sequence[float] | np.ndarray,
    lonlat: np.ndarray,
) -> gpd.GeoDataFrame:
    lonlat = np.asarray(lonlat, dtype=np.float64).reshape(-1, 2)
    return gpd.GeoDataFrame(
        {
            "candidate_id": np.asarray([str(i) for i in ids], dtype=object),
            "name": np.asarray([str(n) for n in names], dtype=object),
            "kind": np.full(len(lonlat), kind, dtype=object),
            "capacity_tests_per_year": np.asarray(capacity, dtype=np.float64),
        },
        geometry=gpd.points_from_xy(lonlat[:, 0], lonlat[:, 1]),
        crs="EPSG:4326",
    )


def candidates_from_facilities(
    fac: Facilities,
    capability: str,
    *,
    quality: str = "any",
    exclude: Iterable[str] = (),
) -> gpd.GeoDataFrame:
    """Facilities that do not yet count as labs for ``capability``: candidates for an upgrade.

    Parameters
    ----------
    fac
        All facilities.
    capability
        The test the new hubs will do (one of `ccgeo.model.CAPABILITIES`).
    quality
        The quality filter of the labs that count (a lab with the capability but without the
        quality is a candidate too: upgrading it means bringing it to the standard).
    exclude
        Facility ids that must not be chosen (a planner's veto).

    Returns
    -------
    GeoDataFrame
        `CANDIDATE_COLUMNS` in EPSG:4326, ``kind == "upgrade"``, ``candidate_id`` the facility id,
        ``capacity_tests_per_year`` from the facility (NaN when unknown).
    """
    gdf = fac.gdf
    capable_ids = set(fac.capable(capability, quality=quality).gdf["facility_id"].astype(str))
    excluded = {str(e) for e in exclude}
    ids = gdf["facility_id"].astype(str).to_numpy()
    keep = ~np.isin(ids, list(capable_ids | excluded))
    sub = gdf.loc[keep]
    return _candidate_frame(
        sub["facility_id"].astype(str).tolist(),
        sub["name"].astype(str).tolist(),
        "upgrade",
        sub["capacity_tests_per_year"].to_numpy(dtype=np.float64),
        np.column_stack([sub.geometry.x.to_numpy(), sub.geometry.y.to_numpy()]),
    )


def candidates_grid(
    areas_gdf: gpd.GeoDataFrame,
    *,
    spacing_m: float = DEFAULT_GRID_SPACING_M,
    prefix: str = "grid",
) -> gpd.GeoDataFrame:
    """A square grid of candidate sites over polygons (underserved areas, say).

    Grid points sit on multiples of ``spacing_m`` in the local UTM zone (so the same areas always
    give the same points); an area too small to hold a grid point gets one site at an inner point,
    so that no underserved pocket is left without a candidate.

    Parameters
    ----------
    areas_gdf
        Polygons in any CRS.
    spacing_m
        Distance between grid points, metres.
    prefix
        Ids are ``f"{prefix}-1"``, ``f"{prefix}-2"``, ...

    Returns
    -------
    GeoDataFrame
        `CANDIDATE_COLUMNS` in EPSG:4326, ``kind == "grid"``, capacity NaN.
    """
    if not (spacing_m > 0 and math.isfinite(spacing_m)):
        msg = f"`spacing_m` should be a positive distance in metres, got {spacing_m!r}"
        raise InputError(msg)
    if areas_gdf.crs is None:
        msg = "the areas have no CRS; set it (EPSG:4326 for longitude/latitude)"
        raise InputError(msg)
    areas = areas_gdf[~(areas_gdf.geometry.isna() | areas_gdf.geometry.is_empty)]
    if areas.empty:
        return _candidate_frame([], [], "grid", [], np.empty((0, 2)))
    lonlat_areas = areas.to_crs("EPSG:4326")
    centre = lonlat_areas.geometry.union_all().centroid
    utm = local_utm_crs(centre.x, centre.y)
    polys = lonlat_areas.to_crs(utm).geometry.to_numpy()
    west, south, east, north = shapely.total_bounds(polys)
    xs = np.arange(math.floor(west / spacing_m), math.ceil(east / spacing_m) + 1) * spacing_m
    ys = np.arange(math.floor(south / spacing_m), math.ceil(north / spacing_m) + 1) * spacing_m
    if len(xs) * len(ys) > 50_000_000:
        msg = (
            f"a {spacing_m:g} m grid over these areas would hold {len(xs) * len(ys):,} points; "
            "use a larger `grid_spacing_m`"
        )
        raise InputError(msg)
    gx, gy = np.meshgrid(xs, ys)
    gx, gy = gx.ravel(), gy.ravel()
    union = shapely.union_all(polys)
    inside = shapely.contains_xy(union, gx, gy)
    pts = np.column_stack([gx[inside], gy[inside]])
    # small areas that caught no grid point still get one site
    covered = _areas_with_points(polys, pts)
    lonely = polys[~covered]
    if len(lonely):
        inner = shapely.get_coordinates(shapely.point_on_surface(lonely))
        pts = np.vstack([pts, inner]) if len(pts) else inner
    lonlat = unproject_xy(pts, utm) if len(pts) else np.empty((0, 2))
    ids = [f"{prefix}-{i + 1}" for i in range(len(lonlat))]
    names = [f"grid site {i + 1} ({lo:.4f}, {la:.4f})" for i, (lo, la) in enumerate(lonlat)]
    return _candidate_frame(ids, names, "grid", np.full(len(lonlat), np.nan), lonlat)


def _areas_with_points(polys: np.ndarray, pts: np.ndarray) -> np.ndarray:
    """Whether each polygon holds at least one of the points (STRtree query)."""
    out = np.zeros(len(polys), dtype=bool)
    if len(pts) == 0:
        return out
    tree = shapely.STRtree(shapely.points(pts))
    hit = tree.query(polys, predicate="contains")
    out[np.unique(hit[0])] = True
    return out


def candidates_from_points(
    lonlat: np.ndarray,
    ids: Sequence[str],
    *,
    names: Sequence[str] | None = None,
    capacity_tests_per_year: Sequence[float] | None = None,
) -> gpd.GeoDataFrame:
    """Candidate sites the user placed on the map.

    Parameters
    ----------
    lonlat
        ``(k, 2)`` longitude, latitude in degrees (EPSG:4326).
    ids
        One unique id per site.
    names
        Display names (default the ids).
    capacity_tests_per_year
        Capacity of each site if it opened, tests per year (default unknown).

    Returns
    -------
    GeoDataFrame
        `CANDIDATE_COLUMNS` in EPSG:4326, ``kind == "user"``.
    """
    pts = np.asarray(lonlat, dtype=np.float64)
    if pts.size == 0:
        pts = pts.reshape(0, 2)
    if pts.ndim != 2 or pts.shape[1] != 2:
        msg = f"`lonlat` should be a (k, 2) array of longitude, latitude, got shape {pts.shape}"
        raise InputError(msg)
    if len(ids) != len(pts):
        msg = f"{len(ids)} ids for {len(pts)} sites; give one id per site"
        raise InputError(msg)
    bad = np.flatnonzero(~np.isfinite(pts).all(axis=1) | (np.abs(pts[:, 1]) > 90))
    if len(bad):
        msg = (
            f"sites {[str(ids[i]) for i in bad[:10]]} have no valid longitude/latitude; "
            "place them again"
        )
        raise InputError(msg)
    names = list(ids) if names is None else list(names)
    cap = np.full(len(pts), np.nan) if capacity_tests_per_year is None else capacity_tests_per_year
    return _candidate_frame(list(ids), names, "user", cap, pts)


# -- the demand × site matrix --------------------------------------------------------------------


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

    One bounded Dijkstra per site towards it (`ccgeo.network.routing.catchments` with direction
    ``"to_lab"``); the time of a point is ``min_k(walk_k + node_time[node_k])`` over its
    candidate nodes, the same rule as the access analysis (`SnappedPoints.seconds_via`). Sites
    are processed in chunks of a few million cells, so memory grows with the pairs kept within
    the limit, never with demand × sites.

    Parameters
    ----------
    net
        The road network of the travel mode.
    snapped
        The demand points tied to the network (`ccgeo.analysis.snapping.snap_points`).
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
    cand_nodes, walk = cand_nodes[live], walk[live]
    width = max(net.n_nodes, len(live) * max(walk.shape[1], 1), 1)
    chunk = int(np.clip(_CHUNK_CELLS // width, 1, 512))
    out_rows: list[np.ndarray] = []
    out_cols: list[np.ndarray] = []
    out_vals: list[np.ndarray] = []
    for start in range(0, m, chunk):
        check_cancel(cancel)
        report_progress(progress, start / max(m, 1), f"travel times to site {start + 1} of {m}")
        stop = min(m, start + chunk)
        cat = catchments(net, sites[start:stop], max_seconds=limit, direction="to_lab")
        node_secs = np.full((stop - start, net.n_nodes), np.inf)
        node_secs[np.repeat(np.arange(stop - start), cat.counts), cat.nodes] = cat.seconds
        # the access rule: best over the point's candidate nodes of walk + network time
        secs = np.full((stop - start, len(live)), np.inf)
        for k in range(walk.shape[1]):
            np.minimum(secs, node_secs[:, cand_nodes[:, k]] + walk[None, :, k], out=secs)
        site, dem = np.nonzero(secs <= limit)
        out_rows.append(live[dem].astype(np.int32))
        out_cols.append((site + start).astype(np.int32))
        out_vals.append(secs[site, dem])
        del node_secs, secs, site, dem
    check_cancel(cancel)
    report_progress(progress, 1.0, f"travel times to {m} sites done")
    r = np.concatenate(out_rows) if out_rows else np.empty(0, np.int32)
    c = np.concatenate(out_cols) if out_cols else np.empty(0, np.int32)
    v = np.concatenate(out_vals) if out_vals else np.empty(0, np.float64)
    del out_rows, out_cols, out_vals
    return _csr_from_pairs(r, c, v, (n, m))


def _csr_from_pairs(
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


def _merge_identical_rows(csr: sp.csr_matrix, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
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


def _row_min(cost: sp.csr_matrix, columns: np.ndarray) -> np.ndarray:
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


# -- the result ----------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class SitingResult:
    """The chosen hubs and everything needed to explain them (arrays and tables, no Qt).

    Attributes
    ----------
    model : str
        ``"mclp"``, ``"pmedian"`` or ``"lscp"``.
    objective : float
        MCLP: demand newly within the limit (people, or tests per year) thanks to the new hubs
        (with ``capacity``: newly served within the limit and the labs' capacities); p-median:
        population-weighted travel seconds, times capped as `settings` say; LSCP: the number
        of hubs.
    bound : float
        Best proven bound on the optimum: an upper bound for MCLP, a lower bound for p-median
        and LSCP. Equal to ``objective`` when the solution is proven optimal.
    gap : float
        ``|bound - objective| / max(|objective|, |bound|)``; 0 when proven optimal.
    solver : str
        ``"highs-milp"`` or ``"greedy-celf"``.
    status : str
        ``"optimal"``, ``"time_limit"`` (best found when HiGHS stopped; ``gap`` says how good)
        or ``"heuristic"`` (greedy, within ``gap`` of the optimum).
    seconds : float
        Wall time of the solve, seconds (the coverage curve included).
    build_seconds : float
        Wall time of building the model (matrix of travel times), seconds.
    hubs : GeoDataFrame
        The chosen sites in rank order, EPSG:4326: ``rank``, ``candidate_id``, ``name``,
        ``kind``, ``gain`` (what the hub adds given the hubs ranked before it, in the
        objective's unit; positive for p-median too: the weighted seconds it saves),
        ``cumulative``, ``covered_after`` and ``share_after`` (demand within the limit with hubs
        1..rank), ``capacity_tests_per_year``, ``geometry`` (None for matrix-only models).
        The rank is greedy over the chosen set: hub 1 adds the most alone, hub 2 the most given
        hub 1, and so on; the gains sum to the objective gain of the whole set.
    curve : DataFrame
        Coverage as hubs are added, one row per number of hubs (1..10 at most): ``hubs``,
        ``objective``, ``covered`` and ``share`` (within the limit, existing labs included),
        ``bound``, ``gap``, ``method`` (``"milp"``: each point an exact MILP warm-started from
        the greedy; ``"greedy"``: the greedy sequence with its online bound).
    districts : DataFrame
        Per district (the whole area first, id ``"ALL"``): ``district_id``, ``district_name``,
        ``population``, ``covered_before``, ``share_before``, ``covered_after``,
        ``share_after``, ``gained``; people within the limit (the geographic coverage, whatever
        the model).
    totals : dict
        ``weight_total`` (all demand, off-network included), ``covered_before``,
        ``covered_after``, ``share_before``, ``share_after`` (in the demand's weight unit),
        ``mean_minutes_before``/``after`` (times capped at the p-median cap).
    settings : dict
        The model's settings (limit in minutes, penalty, weights unit, ...).
    warnings : tuple of str
        What the planner should know.
    """

    model: str
    objective: float
    bound: float
    gap: float
    solver: str
    status: str
    seconds: float
    build_seconds: float
    hubs: gpd.GeoDataFrame
    curve: pd.DataFrame
    districts: pd.DataFrame
    totals: dict[str, Any]
    settings: dict[str, Any]
    warnings: tuple[str, ...] = field(default_factory=tuple)

    @property
    def chosen_ids(self) -> tuple[str, ...]:
        """Candidate ids of the chosen hubs, in rank order."""
        return tuple(self.hubs["candidate_id"].astype(str))

    @property
    def marginal_gains(self) -> np.ndarray:
        """Gain of each ranked hub given the ones before it (objective unit)."""
        return self.hubs["gain"].to_numpy(dtype=np.float64)

    def summary_lines(self) -> list[str]:
        """One sentence per hub, for a report or the command line."""
        unit = self.settings.get("weight_unit", "people")
        minutes = self.settings.get("minutes")
        out = []
        for row in self.hubs.itertuples(index=False):
            if self.model == "pmedian":
                total = max(float(self.totals["weight_total"]), 1e-12)
                out.append(
                    f"hub {row.rank} ({row.name}) cuts the mean time by "
                    f"{row.gain / total / 60.0:.2f} min"
                )
            else:
                out.append(
                    f"hub {row.rank} ({row.name}) adds {row.gain:,.0f} {unit} within "
                    f"{minutes:g} min"
                )
        return out

    def to_json_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (plain floats; infinities as None): objective, hubs, gains, gap."""
        hubs = []
        for row in self.hubs.itertuples(index=False):
            geom = row.geometry
            hubs.append(
                {
                    "rank": int(row.rank),
                    "candidate_id": str(row.candidate_id),
                    "name": str(row.name),
                    "kind": str(row.kind),
                    "gain": _num(row.gain),
                    "cumulative": _num(row.cumulative),
                    "covered_after": _num(row.covered_after),
                    "share_after": _num(row.share_after),
                    "capacity_tests_per_year": _num(row.capacity_tests_per_year),
                    "lon": None if geom is None else float(geom.x),
                    "lat": None if geom is None else float(geom.y),
                }
            )
        return {
            "model": self.model,
            "objective": _num(self.objective),
            "bound": _num(self.bound),
            "gap": _num(self.gap),
            "solver": self.solver,
            "status": self.status,
            "seconds": _num(self.seconds),
            "build_seconds": _num(self.build_seconds),
            "hubs": hubs,
            "marginal_gains": [_num(g) for g in self.marginal_gains],
            "summary": self.summary_lines(),
            "curve": [
                {k: (_num(v) if isinstance(v, float) else v) for k, v in rec.items()}
                for rec in self.curve.to_dict("records")
            ],
            "districts": [
                {k: (_num(v) if isinstance(v, float) else v) for k, v in rec.items()}
                for rec in self.districts.to_dict("records")
            ],
            "totals": {k: _num(v) for k, v in self.totals.items()},
            "settings": _jsonable(self.settings),
            "warnings": list(self.warnings),
        }

    def write(self, out_dir: str | Path) -> dict[str, Path]:
        """Write ``siting.json`` and ``siting.gpkg`` (layers ``hubs`` and ``districts``).

        Returns
        -------
        dict
            ``{"json": path, "gpkg": path}``.
        """
        folder = Path(out_dir)
        folder.mkdir(parents=True, exist_ok=True)
        json_path = folder / "siting.json"
        json_path.write_text(
            json.dumps(self.to_json_dict(), ensure_ascii=False, indent=2), encoding="utf-8"
        )
        gpkg = folder / "siting.gpkg"
        if gpkg.exists():
            gpkg.unlink()
        hubs = self.hubs
        if hubs.geometry.isna().all():
            hubs = hubs.set_crs("EPSG:4326", allow_override=True)
        hubs.to_file(gpkg, layer="hubs", driver="GPKG")
        table = gpd.GeoDataFrame(
            self.districts, geometry=gpd.GeoSeries([None] * len(self.districts)), crs="EPSG:4326"
        )
        table.to_file(gpkg, layer="districts", driver="GPKG")
        return {"json": json_path, "gpkg": gpkg}


def _num(value: Any) -> float | None:
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def _jsonable(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, float | np.floating):
        return _num(value)
    if isinstance(value, np.integer):
        return int(value)
    return value


# -- HiGHS ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _MilpOutcome:
    x: np.ndarray
    objective: float
    bound: float
    status: str


_BANNER_SHOWN = False


def _new_highs() -> Any:
    """A silent HiGHS instance.

    HiGHS prints its banner to the process's stdout when the first instance is made, before
    any option can be set; that line would corrupt a command's machine-readable output, so the
    first construction runs with file descriptor 1 pointed at the null device.
    """
    global _BANNER_SHOWN
    import highspy

    if _BANNER_SHOWN:
        h = highspy.Highs()
    else:
        sys.stdout.flush()
        saved = os.dup(1)
        try:
            with open(os.devnull, "wb") as null:
                os.dup2(null.fileno(), 1)
                h = highspy.Highs()
        finally:
            os.dup2(saved, 1)
            os.close(saved)
        _BANNER_SHOWN = True
    h.setOptionValue("output_flag", False)
    return h


def _solve_milp(
    *,
    cost: np.ndarray,
    lower: np.ndarray,
    upper: np.ndarray,
    integer: np.ndarray,
    matrix: sp.csc_matrix,
    row_lower: np.ndarray,
    row_upper: np.ndarray,
    maximize: bool,
    time_limit_s: float,
    start: np.ndarray | None,
    cancel: threading.Event | None,
    what: str,
    presolve: bool = False,
) -> _MilpOutcome:
    """Solve one MILP (or LP when nothing is integer) with HiGHS; errors become InputError."""
    import highspy

    h = _new_highs()
    h.setOptionValue("time_limit", float(time_limit_s))
    h.setOptionValue("mip_rel_gap", MILP_REL_GAP)
    h.setOptionValue("threads", 1)
    # the greedy warm start is a good incumbent already; this heuristic costs 0.1 s per solve
    h.setOptionValue("mip_heuristic_run_feasibility_jump", False)
    # HiGHS's presolve probes every coverage variable as an implied binary: on covering models
    # that costs seconds (16 s of 18 s on a 2,000 × 200 instance) and saves nothing; the
    # assignment models (capacity, p-median) need it (1.5 s with it, > 20 s without)
    h.setOptionValue("presolve", "on" if presolve else "off")
    lp = highspy.HighsLp()
    n_col, n_row = len(cost), len(row_lower)
    lp.num_col_, lp.num_row_ = n_col, n_row
    lp.col_cost_ = np.asarray(cost, np.float64)
    lp.col_lower_ = np.asarray(lower, np.float64)
    lp.col_upper_ = np.asarray(upper, np.float64)
    lp.row_lower_ = np.asarray(row_lower, np.float64)
    lp.row_upper_ = np.asarray(row_upper, np.float64)
    lp.sense_ = highspy.ObjSense.kMaximize if maximize else highspy.ObjSense.kMinimize
    csc = matrix.tocsc()
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = csc.indptr.astype(np.int32)
    lp.a_matrix_.index_ = csc.indices.astype(np.int32)
    lp.a_matrix_.value_ = csc.data.astype(np.float64)
    lp.a_matrix_.num_col_, lp.a_matrix_.num_row_ = n_col, n_row
    if integer.any():
        kinds = np.where(integer, 1, 0)
        lp.integrality_ = [
            highspy.HighsVarType.kInteger if k else highspy.HighsVarType.kContinuous for k in kinds
        ]
    h.passModel(lp)
    if start is not None and integer.any():
        sol = highspy.HighsSolution()
        sol.col_value = np.asarray(start, np.float64).tolist()
        sol.value_valid = True
        h.setSolution(sol)
    if cancel is not None:

        def interrupt(event: Any) -> None:
            if cancel.is_set():
                event.interrupt()

        h.cbMipInterrupt.subscribe(interrupt)
        h.cbSimplexInterrupt.subscribe(interrupt)
    h.run()
    check_cancel(cancel)
    status = h.getModelStatus()
    name = h.modelStatusToString(status)
    info = h.getInfo()
    has_solution = info.primal_solution_status == 2  # kSolutionStatusFeasible
    if status == highspy.HighsModelStatus.kOptimal:
        label = "optimal"
    elif status in (
        highspy.HighsModelStatus.kTimeLimit,
        highspy.HighsModelStatus.kIterationLimit,
        highspy.HighsModelStatus.kSolutionLimit,
        highspy.HighsModelStatus.kInterrupt,
    ):
        if not has_solution:
            msg = (
                f"{what}: HiGHS stopped ({name}) after {time_limit_s:g} s before finding any "
                "solution; raise the time limit or use the greedy solver"
            )
            raise InputError(msg)
        label = "time_limit"
    elif status == highspy.HighsModelStatus.kInfeasible:
        msg = f"{what}: the model has no solution (HiGHS: {name}); check the targets and sites"
        raise InputError(msg)
    else:
        msg = f"{what}: HiGHS could not solve the model (status {name}); try the greedy solver"
        raise InputError(msg)
    x = np.asarray(h.getSolution().col_value, dtype=np.float64)
    objective = float(info.objective_function_value)
    if integer.any():
        bound = float(info.mip_dual_bound)
        if label == "optimal":
            bound = objective
    else:
        bound = objective
    return _MilpOutcome(x, objective, bound, label)


# -- lazy greedy ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Greedy:
    order: np.ndarray  # chosen columns in pick order
    gains: np.ndarray  # gain of each pick
    bounds: np.ndarray  # best online upper bound on the optimal total gain of p picks, p = 1..


def _celf(
    csc: sp.csc_matrix,
    weights: np.ndarray,
    start: np.ndarray,
    picks: int,
    *,
    values: np.ndarray | None = None,
    bound_picks: int | None = None,
    target: float | None = None,
    cancel: threading.Event | None = None,
) -> _Greedy:
    """Lazy greedy (CELF) for a monotone submodular gain, with an online bound.

    Opening column ``j`` improves row ``i`` from its current value ``d_i`` to
    ``min(d_i, v_ij)``; its gain is ``sum_i w_i max(0, d_i - v_ij)``. MCLP is the case
    ``d = 1`` (not yet covered), ``v = 0``; p-median the case ``d`` = current time, ``v`` = time
    to ``j``. Stale gains are upper bounds of current ones (submodularity), so a popped column
    whose gain is fresh for this round is the best (Leskovec et al. 2007). For any set ``S``,
    the optimum of ``q`` picks is at most ``f(S) +`` the ``q`` largest gains over ``S`` (Minoux
    1978), and stale gains may stand in for those gains: the bound costs nothing extra.

    Parameters
    ----------
    csc
        Rows × columns pattern; ``values`` (default 0) are the row values after opening.
    weights, start
        Row weights and current row values ``d``.
    picks
        Columns to pick at most.
    bound_picks
        Bounds are kept for 1..``bound_picks`` picks (default ``picks``).
    values
        Row value after opening each pair's column (default 0: covered).
    target
        Stop as soon as the total gain reaches it (LSCP).
    cancel
        A `threading.Event`, checked every pick.
    """
    m = csc.shape[1]
    w = np.asarray(weights, dtype=np.float64)
    d = np.asarray(start, dtype=np.float64).copy()
    ptr, rows = csc.indptr, csc.indices
    vals = np.zeros(len(rows)) if values is None else np.asarray(values, dtype=np.float64)
    q = min(picks, m) if bound_picks is None else bound_picks
    col_of = np.repeat(np.arange(m), np.diff(ptr))

    def all_gains() -> np.ndarray:
        return np.bincount(col_of, weights=w[rows] * np.maximum(d[rows] - vals, 0.0), minlength=m)

    heap = [(-float(g), j, 0) for j, g in enumerate(all_gains().tolist())]
    heapq.heapify(heap)
    order: list[int] = []
    gains: list[float] = []
    best = np.full(q, np.inf)
    value = 0.0

    def tighten(top: np.ndarray) -> None:
        top = np.concatenate([np.maximum(top[:q], 0.0), np.zeros(max(q - len(top), 0))])
        np.minimum(best, value + np.cumsum(top), out=best)

    rnd = 0
    while len(order) < min(picks, m):
        check_cancel(cancel)
        if q:
            tighten(np.array([-g for g, _, _ in heapq.nsmallest(q, heap)]))
        while True:
            neg, j, seen = heapq.heappop(heap)
            if seen == rnd:
                break
            a, b = ptr[j], ptr[j + 1]
            r = rows[a:b]
            g = float(np.dot(w[r], np.maximum(d[r] - vals[a:b], 0.0)))
            heapq.heappush(heap, (-g, j, rnd))
        order.append(j)
        gains.append(-neg)
        value += -neg
        a, b = ptr[j], ptr[j + 1]
        d[rows[a:b]] = np.minimum(d[rows[a:b]], vals[a:b])
        rnd += 1
        if target is not None and value >= target:
            break
    if q:
        # exact gains over the final set: one vectorised pass, often the tightest bound
        exact = all_gains()
        exact[np.asarray(order, dtype=np.int64)] = 0.0
        tighten(np.sort(exact)[::-1])
        # and the optimum of k picks is at least what the greedy found with k picks
        found = np.cumsum(np.asarray(gains, dtype=np.float64))[:q]
        found = np.concatenate([found, np.full(q - len(found), value)])
        best = np.maximum(best, found)
    return _Greedy(np.asarray(order, dtype=np.int64), np.asarray(gains, dtype=np.float64), best)


# -- the models ----------------------------------------------------------------------------------


class _SitingModel:
    """Shared data and machinery of the siting models (see `MCLP`, `PMedian`, `LSCP`).

    Parameters
    ----------
    cost
        ``(n_demand, n_candidates)`` sparse seconds; a stored entry is a pair within
        ``max_seconds``.
    weights
        ``(n_demand,)`` demand of each point (people, or tests per year).
    max_seconds
        The coverage limit, seconds, inclusive.
    existing_seconds
        ``(n_demand,)`` seconds to the nearest existing lab (``inf`` beyond reach); these labs
        are fixed as open.
    candidates
        GeoDataFrame with `CANDIDATE_COLUMNS` (ids, names, places, capacity), one per column.
    population, district_ids, district_names
        For the before/after table (default: the weights, no districts).
    existing_cost, existing_capacity
        Sparse seconds from demand to each existing lab and their capacities (tests per year,
        NaN unlimited); needed only for the capacity constraint.
    """

    name: ClassVar[str] = ""
    #: Whether pairs of demand already covered by existing labs matter to the objective.
    _needs_covered_rows: ClassVar[bool] = True

    def __init__(
        self,
        cost: sp.csr_matrix,
        weights: np.ndarray,
        *,
        max_seconds: float,
        existing_seconds: np.ndarray | None = None,
        candidates: gpd.GeoDataFrame | None = None,
        population: np.ndarray | None = None,
        district_ids: np.ndarray | None = None,
        district_names: Mapping[str, str] | None = None,
        existing_cost: sp.csr_matrix | None = None,
        existing_capacity: np.ndarray | None = None,
        weight_unit: str = "people",
        build_seconds: float = 0.0,
        warnings: Sequence[str] = (),
        extra_settings: Mapping[str, Any] | None = None,
    ) -> None:
        cost = sp.csr_matrix(cost)
        n, m = cost.shape
        w = np.asarray(weights, dtype=np.float64).ravel()
        if w.shape != (n,):
            msg = f"{len(w)} demand weights for a matrix of {n} demand rows; give one per row"
            raise InputError(msg)
        if not (np.isfinite(w).all() and (w >= 0).all()):
            bad = int(np.flatnonzero(~(np.isfinite(w) & (w >= 0)))[0])
            msg = f"demand weights should be 0 or more; row {bad} holds {w[bad]!r}"
            raise InputError(msg)
        if not (max_seconds > 0 and math.isfinite(max_seconds)):
            msg = f"the time limit should be a positive number of seconds, got {max_seconds!r}"
            raise InputError(msg)
        if cost.nnz and (cost.data < 0).any():
            msg = "travel times in the cost matrix should be 0 seconds or more"
            raise InputError(msg)
        e = np.full(n, np.inf) if existing_seconds is None else np.asarray(existing_seconds, float)
        if e.shape != (n,):
            msg = f"{len(e)} existing-lab times for {n} demand rows; give one per row"
            raise InputError(msg)
        if candidates is None:
            candidates = _candidate_frame(
                [f"site-{j}" for j in range(m)],
                [f"site {j}" for j in range(m)],
                "user",
                np.full(m, np.nan),
                np.full((m, 2), np.nan),
            )
            candidates["geometry"] = None
        if len(candidates) != m:
            msg = f"{len(candidates)} candidates for a matrix of {m} columns; give one per column"
            raise InputError(msg)
        self.cost: sp.csr_matrix = cost
        self.weights = w
        self.max_seconds = float(max_seconds)
        self.existing_seconds = e
        self.candidates = candidates.reset_index(drop=True)
        self.population = w if population is None else np.asarray(population, dtype=np.float64)
        self.district_ids = (
            np.full(n, "", dtype=object) if district_ids is None else np.asarray(district_ids)
        )
        self.district_names = dict(district_names) if district_names else None
        self.existing_cost = None if existing_cost is None else sp.csr_matrix(existing_cost)
        self.existing_capacity = existing_capacity
        self.weight_unit = weight_unit
        self.build_seconds = float(build_seconds)
        self.warnings = tuple(warnings)
        self.extra_settings = dict(extra_settings or {})
        self._limit = self.max_seconds + INCLUSIVE_TOLERANCE_S

    # -- constructors ------------------------------------------------------------------------

    @classmethod
    def from_cost_matrix(
        cls,
        cost_matrix: np.ndarray | sp.spmatrix,
        weights: np.ndarray,
        *,
        max_seconds: float,
        existing_seconds: np.ndarray | None = None,
        candidate_ids: Sequence[str] | None = None,
        **options: Any,
    ) -> _SitingModel:
        """A model from a demand × candidate matrix of seconds.

        Parameters
        ----------
        cost_matrix
            Seconds from each demand point (rows) to each candidate (columns): a dense array
            (``inf`` or NaN where unreachable; pairs beyond ``max_seconds`` are dropped) or a
            sparse matrix whose stored entries are the pairs within the limit.
        weights
            Demand per row (people, or tests per year).
        max_seconds
            Coverage limit, seconds, inclusive.
        existing_seconds
            Seconds from each row to the nearest existing lab (fixed open); default none.
        candidate_ids
            Ids of the columns (default ``site-0``, ``site-1``, ...).
        **options
            Further keyword arguments of the model class (``penalty_seconds`` for `PMedian`,
            ``capacity`` ...).
        """
        limit = float(max_seconds) + INCLUSIVE_TOLERANCE_S
        if sp.issparse(cost_matrix):
            csr = sp.csr_matrix(cost_matrix, dtype=np.float64, copy=True)
            csr.sum_duplicates()
            coo = csr.tocoo()
            keep = coo.data <= limit
            csr = _csr_from_pairs(coo.row[keep], coo.col[keep], coo.data[keep], csr.shape)
        else:
            dense = np.asarray(cost_matrix, dtype=np.float64)
            if dense.ndim != 2:
                msg = f"the cost matrix should be 2-d (demand × candidates), got {dense.shape}"
                raise InputError(msg)
            r, c = np.nonzero(np.isfinite(dense) & (dense <= limit))
            csr = _csr_from_pairs(r, c, dense[r, c], dense.shape)
        candidates = options.pop("candidates", None)
        if candidates is None and candidate_ids is not None:
            ids = [str(i) for i in candidate_ids]
            candidates = _candidate_frame(
                ids, ids, "user", np.full(len(ids), np.nan), np.full((len(ids), 2), np.nan)
            )
            candidates["geometry"] = None
        return cls(
            csr,
            weights,
            max_seconds=max_seconds,
            existing_seconds=existing_seconds,
            candidates=candidates,
            **options,
        )

    @classmethod
    def from_network(
        cls,
        net: Network,
        demand: Demand | gpd.GeoDataFrame,
        candidates: gpd.GeoDataFrame,
        existing_labs: Facilities | gpd.GeoDataFrame | np.ndarray | None,
        *,
        minutes: float,
        districts: gpd.GeoDataFrame | None = None,
        tests_per_person_year: float | None = None,
        capacity: bool = False,
        max_snap_m: float = DEFAULT_MAX_SNAP_M,
        walk_kmh: float = DEFAULT_WALK_KMH,
        snap_candidates: int = DEFAULT_CANDIDATES,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
        **options: Any,
    ) -> _SitingModel:
        """A model on a road network: bounded searches from every candidate, none all-pairs.

        Parameters
        ----------
        net
            The road network of the travel mode.
        demand
            Where people live (`Demand` or a point GeoDataFrame with ``population``).
        candidates
            Candidate sites (`candidates_from_facilities`, `candidates_grid`,
            `candidates_from_points`, concatenated as needed).
        existing_labs
            Labs already able to do the test, fixed as open (Facilities, points, or a lon/lat
            array); None for none.
        minutes
            Coverage limit, minutes, inclusive.
        districts
            District polygons, for names and the before/after table.
        tests_per_person_year
            When given, demand is counted in tests per year: population × this rate (cancer
            incidence × share eligible for the test); needed with ``capacity``.
        capacity
            Build the existing labs' own catchments too, for the capacity constraint.
        max_snap_m, walk_kmh, snap_candidates
            Tying points to the network, as in the access analysis.
        progress, cancel
            ``progress(fraction, text)`` and a `threading.Event`.
        **options
            Further keyword arguments of the model class.

        Raises
        ------
        InputError
            Bad minutes, no demand, or no candidate usable on the network.
        """
        t0 = time.perf_counter()
        if not (minutes > 0 and math.isfinite(minutes)):
            msg = f"`minutes` should be a positive number of minutes, got {minutes!r}"
            raise InputError(msg)
        max_seconds = float(minutes) * 60.0
        warnings: list[str] = []
        gdf_demand = demand_frame(demand, districts=districts)
        population = gdf_demand["population"].to_numpy(dtype=np.float64)
        weight_unit = "people"
        weights = population
        if tests_per_person_year is not None:
            if not (tests_per_person_year > 0 and math.isfinite(tests_per_person_year)):
                msg = (
                    "`tests_per_person_year` should be a positive rate (e.g. 0.0005 = 50 tests "
                    f"per 100,000 people), got {tests_per_person_year!r}"
                )
                raise InputError(msg)
            weights = population * float(tests_per_person_year)
            weight_unit = "tests per year"
        check_cancel(cancel)
        report_progress(progress, 0.0, "placing the people on the network")
        snapped = snap_points(
            net,
            point_lonlat(gdf_demand, what="demand"),
            max_snap_m=max_snap_m,
            walk_kmh=walk_kmh,
            candidates=snap_candidates,
        )
        cands = _check_candidates(candidates)
        c_nodes, _, c_usable, _ = snap_labs(
            net,
            point_lonlat(cands, what="candidate") if len(cands) else np.empty((0, 2)),
            max_snap_m=max_snap_m,
        )
        if (~c_usable).any():
            bad = cands.loc[~c_usable, "candidate_id"].astype(str).tolist()
            warnings.append(
                f"{len(bad)} candidate sites lie more than {max_snap_m:g} m from a road and are "
                f"left out: {', '.join(bad[:8])}{' ...' if len(bad) > 8 else ''}"
            )
        cands = cands.loc[c_usable].reset_index(drop=True)
        c_nodes = c_nodes[c_usable]
        if len(cands) == 0:
            msg = (
                "no candidate site lies near the road network; add facilities to upgrade, grid "
                "sites or your own sites"
            )
            raise InputError(msg)
        lab_nodes = np.empty(0, dtype=np.int64)
        lab_capacity = np.empty(0)
        if existing_labs is not None:
            lab_table, lab_lonlat = labs_table(existing_labs)
            l_nodes, _, l_usable, _ = snap_labs(net, lab_lonlat, max_snap_m=max_snap_m)
            if (~l_usable).any():
                warnings.append(
                    f"{int((~l_usable).sum())} existing labs lie more than {max_snap_m:g} m from "
                    "a road and are not counted"
                )
            lab_nodes = l_nodes[l_usable]
            gdf_labs = existing_labs.gdf if isinstance(existing_labs, Facilities) else None
            if gdf_labs is not None and "capacity_tests_per_year" in gdf_labs:
                lab_capacity = gdf_labs["capacity_tests_per_year"].to_numpy(float)[l_usable]
            else:
                lab_capacity = np.full(len(lab_nodes), np.nan)
            del lab_table
        check_cancel(cancel)
        report_progress(progress, 0.05, f"time to the nearest of {len(lab_nodes)} existing labs")
        near = nearest_lab_times(net, lab_nodes, max_seconds=max_seconds + INCLUSIVE_TOLERANCE_S)
        existing, _ = snapped.seconds_via(near.seconds)
        # demand already within the limit of a lab cannot change a coverage objective: its
        # pairs are not built (exact, and most of the pairs when labs cover most people)
        skip = not (cls._needs_covered_rows or capacity)
        rows = existing > max_seconds + INCLUSIVE_TOLERANCE_S if skip else None
        cost = demand_site_seconds(
            net,
            snapped,
            c_nodes,
            max_seconds=max_seconds,
            rows=rows,
            progress=scaled_progress(progress, 0.1, 0.9 if capacity else 1.0),
            cancel=cancel,
        )
        existing_cost = None
        if capacity and len(lab_nodes):
            existing_cost = demand_site_seconds(
                net,
                snapped,
                lab_nodes,
                max_seconds=max_seconds,
                progress=scaled_progress(progress, 0.9, 1.0),
                cancel=cancel,
            )
        off = snapped.off_network
        if off.any():
            warnings.append(
                f"{population[off].sum():,.0f} people at {int(off.sum())} demand points are more "
                f"than {max_snap_m:g} m from a road: no site can cover them, they stay in the "
                "totals"
            )
        report_progress(progress, 1.0, "siting model built")
        return cls(
            cost,
            weights,
            max_seconds=max_seconds,
            existing_seconds=existing,
            candidates=cands,
            population=population,
            district_ids=gdf_demand["district_id"].to_numpy(dtype=object),
            district_names=district_names(districts),
            existing_cost=existing_cost,
            existing_capacity=lab_capacity if existing_cost is not None else None,
            weight_unit=weight_unit,
            build_seconds=time.perf_counter() - t0,
            warnings=warnings,
            extra_settings={"max_snap_m": max_snap_m, "walk_kmh": walk_kmh, "mode": net.mode},
            **({"capacity": True} if capacity else {}),
            **options,
        )

    # -- shared pieces -----------------------------------------------------------------------

    @property
    def n_candidates(self) -> int:
        """Number of candidate sites (matrix columns)."""
        return int(self.cost.shape[1])

    @property
    def weight_total(self) -> float:
        """All demand, off-network and unreachable included."""
        return float(self.weights.sum())

    def _covered_before(self) -> np.ndarray:
        return self.existing_seconds <= self._limit

    def _check_hubs(self, hubs: int) -> int:
        if isinstance(hubs, bool) or int(hubs) != hubs or hubs < 1:
            msg = f"the number of new hubs should be a whole number of 1 or more, got {hubs!r}"
            raise InputError(msg)
        m = self.n_candidates
        if hubs > m:
            msg = (
                f"{hubs} new hubs were asked for but there are only {m} candidate sites; ask "
                f"for {m} or fewer, or add candidates (grid sites, your own sites)"
            )
            raise InputError(msg)
        return int(hubs)

    def _check_reach(self) -> None:
        if self.cost.nnz == 0:
            minutes = self.max_seconds / 60.0
            share = float(self.weights[self._covered_before()].sum()) / max(
                self.weight_total, 1e-12
            )
            msg = (
                f"none of the {self.n_candidates} candidate sites brings anyone new within "
                f"{minutes:g} min (existing labs already reach {100 * share:.1f} % of demand; "
                "the others are beyond every candidate); raise the time limit or add candidates "
                "nearer to the people not yet served"
            )
            raise InputError(msg)

    def _coverage_pattern(self) -> tuple[sp.csc_matrix, np.ndarray]:
        """Rows not yet covered that some candidate covers, identical rows merged.

        Returns the 0/1 pattern (rows × candidates, CSC) and the summed weight of each row.
        """
        need = ~self._covered_before() & (np.diff(self.cost.indptr) > 0) & (self.weights > 0)
        sub = self.cost[np.flatnonzero(need)]
        if sub.shape[0] == 0:
            return sp.csc_matrix((0, sub.shape[1])), np.zeros(0)
        reps, w = _merge_identical_rows(sub, self.weights[need])
        pattern = sub[reps]
        pattern.data = np.ones_like(pattern.data)
        return pattern.tocsc(), w

    def _seconds_after(self, chosen: np.ndarray) -> np.ndarray:
        return np.minimum(self.existing_seconds, _row_min(self.cost, chosen))

    def _districts(self, chosen: np.ndarray) -> pd.DataFrame:
        minutes = self.max_seconds / 60.0
        before = coverage_table(
            self.existing_seconds,
            self.population,
            self.district_ids,
            [minutes],
            district_names=self.district_names,
        )
        after = coverage_table(
            self._seconds_after(chosen),
            self.population,
            self.district_ids,
            [minutes],
            district_names=self.district_names,
        )
        return pd.DataFrame(
            {
                "district_id": before["district_id"],
                "district_name": before["district_name"],
                "population": before["population"],
                "covered_before": before["covered"],
                "share_before": before["share"],
                "covered_after": after["covered"],
                "share_after": after["share"],
                "gained": after["covered"] - before["covered"],
            }
        )

    def _mean_minutes(self, seconds: np.ndarray) -> float:
        total = self.weight_total
        if total <= 0:
            return float("nan")
        capped = np.minimum(seconds, self._cap_seconds())
        return float((self.weights * capped).sum() / total / 60.0)

    def _cap_seconds(self) -> float:
        return self.max_seconds

    def _set_gain(self, best_new: np.ndarray, chosen: np.ndarray) -> float:
        """Objective gain of opening ``chosen`` (larger is better), given each row's best time
        over them (``inf`` where none within the limit)."""
        covered = (self.existing_seconds <= self._limit) | (best_new <= self._limit)
        return float(self.weights[covered].sum()) - float(
            self.weights[self._covered_before()].sum()
        )

    def _restricted(self, chosen: np.ndarray) -> sp.csr_matrix:
        """The matrix columns of ``chosen`` only, in that order (one pass over the pairs)."""
        n, m = self.cost.shape
        local = np.full(m, -1, dtype=np.int64)
        local[chosen] = np.arange(len(chosen))
        loc = local[self.cost.indices]
        mask = loc >= 0
        rows = np.repeat(np.arange(n), np.diff(self.cost.indptr))[mask]
        return _csr_from_pairs(rows, loc[mask], self.cost.data[mask], (n, len(chosen)))

    def _rank(self, chosen: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Order the chosen sites greedily by what each adds given the ones ranked before.

        Returns the order (candidate columns), the gain of each, and the demand within the
        limit after each prefix.
        """
        chosen = np.asarray(chosen, dtype=np.int64)
        sub = self._restricted(chosen)
        left = list(range(len(chosen)))
        order: list[int] = []
        gains: list[float] = []
        covered: list[float] = []
        current = 0.0
        while left:
            values = [
                self._set_gain(_row_min(sub, np.array([*order, k])), chosen[[*order, k]])
                for k in left
            ]
            best = int(np.argmax(values))
            order.append(left.pop(best))
            gains.append(values[best] - current)
            current = values[best]
            after = np.minimum(self.existing_seconds, _row_min(sub, np.array(order)))
            covered.append(float(self.weights[after <= self._limit].sum()))
        return (
            chosen[np.asarray(order, dtype=np.int64)],
            np.asarray(gains, dtype=np.float64),
            np.asarray(covered, dtype=np.float64),
        )

    def _hubs_table(
        self, order: np.ndarray, gains: np.ndarray, covered: np.ndarray
    ) -> gpd.GeoDataFrame:
        cands = self.candidates.iloc[order].reset_index(drop=True)
        total = self.weight_total
        return gpd.GeoDataFrame(
            {
                "rank": np.arange(1, len(order) + 1, dtype=np.int64),
                "candidate_id": cands["candidate_id"].astype(str).to_numpy(dtype=object),
                "name": cands["name"].astype(str).to_numpy(dtype=object),
                "kind": cands["kind"].astype(str).to_numpy(dtype=object),
                "gain": gains,
                "cumulative": np.cumsum(gains),
                "covered_after": covered,
                "share_after": covered / total if total > 0 else np.full(len(order), np.nan),
                "capacity_tests_per_year": cands["capacity_tests_per_year"].to_numpy(float),
            },
            geometry=cands.geometry.to_numpy(),
            crs="EPSG:4326",
        )

    def _result(
        self,
        *,
        chosen: np.ndarray,
        objective: float,
        bound: float,
        solver: str,
        status: str,
        t0: float,
        curve: pd.DataFrame,
        maximize: bool,
        warnings: Sequence[str] = (),
        settings: Mapping[str, Any] | None = None,
    ) -> SitingResult:
        order, gains, covered = self._rank(chosen)
        before = self.existing_seconds
        after = self._seconds_after(order)
        total = self.weight_total
        cov_before = float(self.weights[before <= self._limit].sum())
        cov_after = float(self.weights[after <= self._limit].sum())
        scale = max(abs(objective), abs(bound), 1e-12)
        gap = abs(bound - objective) / scale if math.isfinite(bound) else float("inf")
        if not maximize:
            gap = max(objective - bound, 0.0) / scale
        return SitingResult(
            model=self.name,
            objective=float(objective),
            bound=float(bound),
            gap=float(gap),
            solver=solver,
            status=status,
            seconds=time.perf_counter() - t0,
            build_seconds=self.build_seconds,
            hubs=self._hubs_table(order, gains, covered),
            curve=curve,
            districts=self._districts(order),
            totals={
                "weight_total": total,
                "covered_before": cov_before,
                "covered_after": cov_after,
                "share_before": cov_before / total if total > 0 else float("nan"),
                "share_after": cov_after / total if total > 0 else float("nan"),
                "mean_minutes_before": self._mean_minutes(before),
                "mean_minutes_after": self._mean_minutes(after),
            },
            settings={
                "model": self.name,
                "minutes": self.max_seconds / 60.0,
                "candidates": self.n_candidates,
                "demand_points": int(self.cost.shape[0]),
                "weight_unit": self.weight_unit,
                "rank_rule": (
                    "greedy over the chosen set: each hub's gain is what it adds given the hubs "
                    "ranked before it"
                ),
                **self.extra_settings,
                **dict(settings or {}),
            },
            warnings=(*self.warnings, *warnings),
        )

    def _choose_solver(self, solver: str, pairs: int, *, max_pairs: int = MILP_MAX_PAIRS) -> str:
        if solver not in ("auto", "milp", "greedy"):
            msg = f"`solver` should be 'auto', 'milp' or 'greedy', got {solver!r}"
            raise InputError(msg)
        if solver == "auto":
            return "milp" if pairs <= max_pairs else "greedy"
        return solver

    def _coverage_curve(
        self,
        pattern: sp.csc_matrix,
        w: np.ndarray,
        greedy: _Greedy,
        *,
        method: str,
        upto: int,
        time_limit_s: float,
        cancel: threading.Event | None,
        progress: ProgressCallback | None,
    ) -> pd.DataFrame:
        """MCLP optimum (or greedy with bound) for 1..upto hubs."""
        rows = []
        base = float(self.weights[self._covered_before()].sum())
        total = self.weight_total
        for p in range(1, upto + 1):
            check_cancel(cancel)
            report_progress(progress, (p - 1) / upto, f"coverage curve: {p} hubs")
            if method == "milp":
                out = _mclp_milp(
                    pattern, w, p, greedy.order[:p], time_limit_s=time_limit_s, cancel=cancel
                )
                obj, bound = out.objective, out.bound
            else:
                obj = float(greedy.gains[:p].sum())
                bound = float(min(greedy.bounds[p - 1], obj / (1 - 1 / math.e)))
            covered = base + obj
            rows.append(
                {
                    "hubs": p,
                    "objective": obj,
                    "covered": covered,
                    "share": covered / total if total > 0 else float("nan"),
                    "bound": bound,
                    "gap": (bound - obj) / max(bound, 1e-12) if bound > 0 else 0.0,
                    "method": method,
                }
            )
        return pd.DataFrame(
            rows, columns=["hubs", "objective", "covered", "share", "bound", "gap", "method"]
        )


def _check_candidates(candidates: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    if not isinstance(candidates, gpd.GeoDataFrame):
        msg = (
            f"candidates should be a GeoDataFrame from candidates_from_facilities, "
            f"candidates_grid or candidates_from_points, got {type(candidates).__name__}"
        )
        raise InputError(msg)
    missing = [c for c in CANDIDATE_COLUMNS if c != "geometry" and c not in candidates]
    if missing:
        msg = f"the candidate layer lacks the columns {missing}; build it with candidates_*"
        raise InputError(msg)
    if candidates.crs is None:
        msg = "the candidate sites have no CRS; set it (EPSG:4326 for longitude/latitude)"
        raise InputError(msg)
    gdf = candidates.to_crs("EPSG:4326") if candidates.crs.to_epsg() != 4326 else candidates
    ids = gdf["candidate_id"].astype(str)
    dup = ids[ids.duplicated()].unique().tolist()
    if dup:
        msg = f"candidate ids must be unique; {dup[:8]} appear more than once"
        raise InputError(msg)
    return gdf.reset_index(drop=True)


def _mclp_milp(
    pattern: sp.csc_matrix,
    w: np.ndarray,
    hubs: int,
    start: np.ndarray | None,
    *,
    time_limit_s: float,
    cancel: threading.Event | None,
) -> _MilpOutcome:
    """max sum w_r x_r s.t. x_r <= sum_j a_rj y_j, sum y = hubs, y binary, 0 <= x <= 1.

    ``x`` may stay continuous: with ``y`` integral its best value is 0 or 1 anyway, and HiGHS
    branches on ``m`` variables instead of ``m + r``.
    """
    r, m = pattern.shape
    a = sp.hstack([-pattern, sp.identity(r, format="csc")], format="csc")
    card = sp.csc_matrix(np.concatenate([np.ones(m), np.zeros(r)])[None, :])
    matrix = sp.vstack([a, card], format="csc")
    x0 = None
    if start is not None:
        y = np.zeros(m)
        y[np.asarray(start, dtype=np.int64)] = 1.0
        x0 = np.concatenate([y, np.minimum(pattern @ y, 1.0)])
    return _solve_milp(
        cost=np.concatenate([np.zeros(m), w]),
        lower=np.zeros(m + r),
        upper=np.ones(m + r),
        integer=np.concatenate([np.ones(m, bool), np.zeros(r, bool)]),
        matrix=matrix,
        row_lower=np.concatenate([np.full(r, -np.inf), [hubs]]),
        row_upper=np.concatenate([np.zeros(r), [hubs]]),
        maximize=True,
        time_limit_s=time_limit_s,
        start=x0,
        cancel=cancel,
        what=f"maximal coverage with {hubs} hubs",
    )


class MCLP(_SitingModel):
    """Maximal covering: the most demand newly within the limit with ``hubs`` new hubs.

    Existing labs are fixed as open: demand they already reach counts as covered and the
    objective counts only demand the new hubs bring within reach. With ``capacity=True`` it is
    the capacitated MCLP: demand (tests per year) is assigned to labs within the limit, a lab
    serves at most its capacity (fractional assignment allowed: a district's demand may split
    between two labs), and the objective is the demand newly served.

    Build with `MCLP.from_cost_matrix` or `MCLP.from_network`, then `solve`.
    """

    name: ClassVar[str] = "mclp"
    _needs_covered_rows: ClassVar[bool] = False

    def __init__(
        self,
        cost: sp.csr_matrix,
        weights: np.ndarray,
        *,
        capacity: bool = False,
        capacities: np.ndarray | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(cost, weights, **kwargs)
        self.capacity = bool(capacity)
        caps = (
            self.candidates["capacity_tests_per_year"].to_numpy(dtype=np.float64)
            if capacities is None
            else np.asarray(capacities, dtype=np.float64)
        )
        if caps.shape != (self.n_candidates,):
            msg = f"{len(caps)} capacities for {self.n_candidates} candidates; give one each"
            raise InputError(msg)
        if self.capacity and (caps < 0).any():
            msg = "site capacities should be 0 or more tests per year"
            raise InputError(msg)
        self.capacities = caps
        self._served_cache: dict[tuple[int, ...], float] = {}

    def _set_gain(self, best_new: np.ndarray, chosen: np.ndarray) -> float:
        if self.capacity:
            return self._served(chosen) - self._served_base
        return super()._set_gain(best_new, chosen)

    def solve(
        self,
        hubs: int = 3,
        *,
        solver: Solver = "auto",
        time_limit_s: float = 60.0,
        curve_hubs: int = DEFAULT_CURVE_HUBS,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> SitingResult:
        """Choose the hubs.

        Parameters
        ----------
        hubs
            Number of new hubs (p).
        solver
            ``"milp"`` (exact, HiGHS), ``"greedy"`` (lazy greedy with a bound) or ``"auto"``
            (MILP unless the instance has more than `MILP_MAX_PAIRS` pairs).
        time_limit_s
            HiGHS time limit per MILP, seconds; when hit, the best solution is kept and the
            gap reported.
        curve_hubs
            Compute the coverage curve for 1..``curve_hubs`` hubs (0: none).
        progress, cancel
            ``progress(fraction, text)`` and a `threading.Event`.

        Returns
        -------
        SitingResult

        Raises
        ------
        InputError
            Too many hubs for the candidates, nothing in reach, or a solver failure.
        Cancelled
            If ``cancel`` is set.
        """
        t0 = time.perf_counter()
        p = self._check_hubs(hubs)
        self._check_reach()
        check_cancel(cancel)
        report_progress(progress, 0.0, "preparing the coverage model")
        pattern, w = self._coverage_pattern()
        if self.capacity:
            return self._solve_capacitated(p, t0, time_limit_s, curve_hubs, progress, cancel)
        method = self._choose_solver(solver, pattern.nnz)
        upto = min(max(int(curve_hubs), 0), self.n_candidates)
        greedy = _celf(pattern, w, np.ones(len(w)), max(p, upto), cancel=cancel)
        greedy = _pad_greedy(greedy, self.n_candidates, max(p, upto))
        warnings: list[str] = []
        if method == "milp":
            report_progress(progress, 0.1, f"solving the MILP for {p} hubs (HiGHS)")
            out = _mclp_milp(
                pattern, w, p, greedy.order[:p], time_limit_s=time_limit_s, cancel=cancel
            )
            chosen = _picked(out.x[: self.n_candidates], p)
            objective, bound, status = out.objective, out.bound, out.status
            bound = min(bound, float(greedy.bounds[p - 1]))
            if objective < float(greedy.gains[:p].sum()):
                chosen, objective = greedy.order[:p], float(greedy.gains[:p].sum())
            if status != "optimal":
                warnings.append(
                    f"HiGHS reached its {time_limit_s:g} s limit: the hubs are the best found, "
                    f"within {100 * (bound - objective) / max(bound, 1e-12):.2f} % of the optimum"
                )
            solver_name = "highs-milp"
        else:
            chosen = greedy.order[:p]
            objective = float(greedy.gains[:p].sum())
            bound = float(min(greedy.bounds[p - 1], objective / (1 - 1 / math.e)))
            status = "optimal" if bound - objective <= 1e-9 * max(bound, 1) else "heuristic"
            solver_name = "greedy-celf"
        curve = self._coverage_curve(
            pattern,
            w,
            greedy,
            method=method,
            upto=upto,
            time_limit_s=time_limit_s,
            cancel=cancel,
            progress=scaled_progress(progress, 0.5, 0.95),
        )
        report_progress(progress, 1.0, "hubs chosen")
        return self._result(
            chosen=chosen,
            objective=objective,
            bound=bound,
            solver=solver_name,
            status=status,
            t0=t0,
            curve=curve,
            maximize=True,
            warnings=warnings,
            settings={"hubs": p, "objective": f"{self.weight_unit} newly within the limit"},
        )

    # -- capacity ------------------------------------------------------------------------------

    def _capacity_pairs(
        self,
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Demand-lab pairs within the limit and capacities, candidates first.

        Returns the pairs' rows (merged demand groups) and columns (columns ``m..`` are the
        existing labs), each group's demand, the candidates' capacities and the existing labs'
        capacities (unlimited ones as more than all demand). Existing labs given only as times
        (no catchments) form one unlimited lab.
        """
        big = self.weight_total + 1.0
        m = self.n_candidates
        cand_caps = np.where(np.isnan(self.capacities), big, self.capacities)
        n_of = np.diff(self.cost.indptr)
        rows = [np.repeat(np.arange(self.cost.shape[0]), n_of)]
        cols = [self.cost.indices.astype(np.int64)]
        if self.existing_cost is not None:
            ex = self.existing_cost
            rows.append(np.repeat(np.arange(ex.shape[0]), np.diff(ex.indptr)))
            cols.append(m + ex.indices.astype(np.int64))
            ex_caps = np.asarray(self.existing_capacity, dtype=np.float64)
            ex_caps = np.where(np.isnan(ex_caps), big, ex_caps)
        else:
            covered = np.flatnonzero(self._covered_before())
            rows.append(covered)
            cols.append(np.full(len(covered), m, dtype=np.int64))
            ex_caps = np.array([big])
        pi, pj = np.concatenate(rows), np.concatenate(cols)
        keep = self.weights[pi] > 0
        pi, pj = pi[keep], pj[keep]
        # demand points reaching the same labs are interchangeable under fractional assignment
        n_cols = m + len(ex_caps)
        both = sp.csr_matrix((np.ones(len(pi)), (pi, pj)), shape=(self.cost.shape[0], n_cols))
        used = np.flatnonzero(np.diff(both.indptr) > 0)
        if len(used) == 0:
            return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0), cand_caps, ex_caps
        sub = both[used]
        reps, wr = _merge_identical_rows(sub, self.weights[used])
        merged = sub[reps].tocoo()
        return merged.row.astype(np.int64), merged.col.astype(np.int64), wr, cand_caps, ex_caps

    def _capacitated_lp(
        self,
        hubs: int,
        *,
        fixed_open: np.ndarray | None = None,
        start: np.ndarray | None = None,
        time_limit_s: float = 60.0,
        cancel: threading.Event | None = None,
    ) -> _MilpOutcome:
        """The capacitated MCLP as a MILP on the sparse pairs.

        max sum w_i z_ij over pairs within the limit; per demand sum_j z_ij <= 1; per candidate
        pair z_ij <= y_j; per lab sum_i w_i z_ij <= cap_j (times y_j for candidates);
        sum y = hubs. With ``fixed_open`` the sites are given and it is an LP of the demand
        that set serves.
        """
        pi, pj, wr, cand_caps, ex_caps = self._capacity_pairs()
        m, k = self.n_candidates, len(pi)
        z = m + np.arange(k)
        dem_rows = pi
        n_dem = len(wr)
        cand = np.flatnonzero(pj < m)
        link_rows = n_dem + np.arange(len(cand))
        cap0 = n_dem + len(cand)  # capacity rows: one per column (candidates, then labs)
        card = cap0 + m + len(ex_caps)
        r_idx = np.concatenate(
            [dem_rows, link_rows, link_rows, cap0 + pj, cap0 + np.arange(m), np.full(m, card)]
        )
        c_idx = np.concatenate([z, z[cand], pj[cand], z, np.arange(m), np.arange(m)])
        vals = np.concatenate(
            [np.ones(k), np.ones(len(cand)), -np.ones(len(cand)), wr[pi], -cand_caps, np.ones(m)]
        )
        matrix = sp.csc_matrix((vals, (r_idx, c_idx)), shape=(card + 1, m + k))
        row_lower = np.full(card + 1, -np.inf)
        row_upper = np.concatenate(
            [np.ones(n_dem), np.zeros(len(cand)), np.zeros(m), ex_caps, [hubs]]
        )
        row_lower[card] = hubs
        lower, upper = np.zeros(m + k), np.ones(m + k)
        integer = np.zeros(m + k, dtype=bool)
        if fixed_open is None:
            integer[:m] = True
        else:
            y = np.zeros(m)
            y[np.asarray(fixed_open, dtype=np.int64)] = 1.0
            lower[:m] = upper[:m] = y
            row_lower[card], row_upper[card] = -np.inf, np.inf
        x0 = None
        if start is not None:
            x0 = np.zeros(m + k)
            x0[np.asarray(start, dtype=np.int64)] = 1.0
        return _solve_milp(
            cost=np.concatenate([np.zeros(m), wr[pi]]),
            lower=lower,
            upper=upper,
            integer=integer,
            matrix=matrix,
            row_lower=row_lower,
            row_upper=row_upper,
            maximize=True,
            time_limit_s=time_limit_s,
            start=x0,
            cancel=cancel,
            what=f"capacitated coverage with {hubs} hubs",
            presolve=True,
        )

    def _served(self, chosen: np.ndarray) -> float:
        """Demand served (within the limit and the capacities) with ``chosen`` open: an LP."""
        key = tuple(sorted(int(j) for j in chosen))
        if key not in self._served_cache:
            out = self._capacitated_lp(len(key), fixed_open=np.asarray(key, dtype=np.int64))
            self._served_cache[key] = out.objective
        return self._served_cache[key]

    @property
    def _served_base(self) -> float:
        return self._served(np.empty(0, dtype=np.int64))

    def _solve_capacitated(
        self,
        p: int,
        t0: float,
        time_limit_s: float,
        curve_hubs: int,
        progress: ProgressCallback | None,
        cancel: threading.Event | None,
    ) -> SitingResult:
        base = self._served_base
        report_progress(progress, 0.1, f"solving the capacitated MILP for {p} hubs (HiGHS)")
        upto = min(max(int(curve_hubs), 0), self.n_candidates)
        rows = []
        chosen = np.empty(0, dtype=np.int64)
        objective = bound = 0.0
        status = "optimal"
        total = self.weight_total
        # warm start: the uncapacitated greedy's sites with nobody assigned (always feasible)
        pattern, w = self._coverage_pattern()
        greedy = _pad_greedy(
            _celf(pattern, w, np.ones(len(w)), max(p, upto), cancel=cancel),
            self.n_candidates,
            max(p, upto),
        )
        for q in sorted({*range(1, upto + 1), p}):
            check_cancel(cancel)
            report_progress(progress, 0.1 + 0.8 * q / max(p, upto), f"capacitated MILP, {q} hubs")
            out = self._capacitated_lp(
                q, start=greedy.order[:q], time_limit_s=time_limit_s, cancel=cancel
            )
            pick = _picked(out.x[: self.n_candidates], q)
            if q <= upto:
                served = out.objective
                rows.append(
                    {
                        "hubs": q,
                        "objective": served - base,
                        "covered": served,
                        "share": served / total if total > 0 else float("nan"),
                        "bound": out.bound - base,
                        "gap": (out.bound - out.objective) / max(out.bound, 1e-12),
                        "method": "milp",
                    }
                )
            if q == p:
                chosen, objective, bound, status = (
                    pick,
                    out.objective - base,
                    out.bound - base,
                    out.status,
                )
        curve = pd.DataFrame(
            rows, columns=["hubs", "objective", "covered", "share", "bound", "gap", "method"]
        )
        return self._result(
            chosen=chosen,
            objective=objective,
            bound=bound,
            solver="highs-milp",
            status=status,
            t0=t0,
            curve=curve,
            maximize=True,
            settings={
                "hubs": p,
                "capacity": True,
                "served_before": base,
                "objective": f"{self.weight_unit} newly served within the limit and capacity",
                "assignment": "fractional: a demand point may be split between labs",
            },
        )


def _picked(y: np.ndarray, hubs: int) -> np.ndarray:
    """The ``hubs`` open sites of a MILP solution (largest values; integral up to tolerance)."""
    order = np.argsort(-np.asarray(y), kind="stable")[:hubs]
    return np.sort(order)


def _pad_greedy(greedy: _Greedy, m: int, picks: int) -> _Greedy:
    """Fill a greedy run that stopped early (nothing left to gain) with unused columns."""
    if len(greedy.order) >= picks:
        return greedy
    rest = np.setdiff1d(np.arange(m), greedy.order)[: picks - len(greedy.order)]
    return _Greedy(
        np.concatenate([greedy.order, rest]),
        np.concatenate([greedy.gains, np.zeros(len(rest))]),
        greedy.bounds,
    )


class PMedian(_SitingModel):
    """p-median: the least population-weighted travel time with ``hubs`` new hubs.

    Each person's time is ``min(existing lab, chosen hubs, cap)``: times are found only up to
    the search limit (``max_seconds``), and anyone with no lab or hub within it counts at
    ``penalty_seconds`` (default: the limit itself). So the objective is a *capped* p-median;
    with the cap above every real time (a generous limit) it is the classic one. spopt's
    ``PMedian`` on the dense matrix ``min(t_ij, penalty)`` (penalty where unreachable) has the
    same optimum.

    Parameters
    ----------
    penalty_seconds
        Time counted for demand beyond the limit of every lab and hub, seconds (≥ the limit).
    """

    name: ClassVar[str] = "pmedian"

    def __init__(
        self,
        cost: sp.csr_matrix,
        weights: np.ndarray,
        *,
        penalty_seconds: float | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(cost, weights, **kwargs)
        penalty = self.max_seconds if penalty_seconds is None else float(penalty_seconds)
        if not (penalty >= self.max_seconds and math.isfinite(penalty)):
            msg = (
                f"`penalty_seconds` should be at least the time limit ({self.max_seconds:g} s), "
                f"got {penalty_seconds!r}"
            )
            raise InputError(msg)
        self.penalty_seconds = penalty

    def _cap_seconds(self) -> float:
        return self.penalty_seconds

    def _fallback(self) -> np.ndarray:
        e = np.where(self.existing_seconds <= self._limit, self.existing_seconds, np.inf)
        return np.minimum(e, self.penalty_seconds)

    def _set_gain(self, best_new: np.ndarray, chosen: np.ndarray) -> float:
        f = self._fallback()
        return float((self.weights * (f - np.minimum(f, best_new))).sum())

    def _improving_pairs(self) -> sp.csc_matrix:
        """Pairs that beat the person's fallback time (others can never be used)."""
        coo = self.cost.tocoo()
        f = self._fallback()
        keep = (coo.data < f[coo.row]) & (self.weights[coo.row] > 0)
        return _csr_from_pairs(coo.row[keep], coo.col[keep], coo.data[keep], coo.shape).tocsc()

    def solve(
        self,
        hubs: int = 3,
        *,
        solver: Solver = "auto",
        time_limit_s: float = 60.0,
        curve_hubs: int = DEFAULT_CURVE_HUBS,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> SitingResult:
        """Choose the hubs minimising the population-weighted (capped) travel time.

        Parameters are those of `MCLP.solve`; the coverage curve is the MCLP one (people within
        the limit for 1..``curve_hubs`` hubs), for comparison.
        """
        t0 = time.perf_counter()
        p = self._check_hubs(hubs)
        self._check_reach()
        check_cancel(cancel)
        report_progress(progress, 0.0, "preparing the p-median model")
        pairs = self._improving_pairs()
        f = self._fallback()
        base = float((self.weights * f).sum())
        method = self._choose_solver(solver, pairs.nnz, max_pairs=PMEDIAN_MILP_MAX_PAIRS)
        greedy = _celf(pairs, self.weights, f, p, values=pairs.data, cancel=cancel)
        greedy = _pad_greedy(greedy, self.n_candidates, p)
        warnings: list[str] = []
        chosen = greedy.order[:p]
        objective = base - float(greedy.gains[:p].sum())
        bound = base - float(greedy.bounds[p - 1])
        status, solver_name = "heuristic", "greedy-celf"
        if method == "milp":
            report_progress(progress, 0.1, f"solving the p-median MILP for {p} hubs (HiGHS)")
            out = self._milp(pairs, f, p, chosen, time_limit_s, cancel)
            solver_name = "highs-milp"
            # HiGHS's incumbent started from the greedy, so it is never worse
            if base + out.objective <= objective:
                chosen = _picked(out.x[: self.n_candidates], p)
                objective = base + out.objective
            bound = max(bound, base + out.bound)
            if out.status != "optimal":
                warnings.append(
                    f"HiGHS reached its {time_limit_s:g} s limit: the hubs are the best found, "
                    f"within {100 * (objective - bound) / max(objective, 1e-12):.2f} % of the "
                    "optimum"
                )
        if objective - bound <= 1e-9 * max(abs(objective), 1.0):
            status = "optimal"
        elif method == "milp":
            status = "time_limit"
        upto = min(max(int(curve_hubs), 0), self.n_candidates)
        curve = pd.DataFrame(
            columns=["hubs", "objective", "covered", "share", "bound", "gap", "method"]
        )
        if upto:
            pattern, w = self._coverage_pattern()
            g = _pad_greedy(
                _celf(pattern, w, np.ones(len(w)), upto, cancel=cancel), self.n_candidates, upto
            )
            curve = self._coverage_curve(
                pattern,
                w,
                g,
                method=method,
                upto=upto,
                time_limit_s=time_limit_s,
                cancel=cancel,
                progress=scaled_progress(progress, 0.5, 0.95),
            )
        return self._result(
            chosen=chosen,
            objective=objective,
            bound=bound,
            solver=solver_name,
            status=status,
            t0=t0,
            curve=curve,
            maximize=False,
            warnings=warnings,
            settings={
                "hubs": p,
                "penalty_minutes": self.penalty_seconds / 60.0,
                "objective": (
                    f"{self.weight_unit} × seconds to the nearest lab, each time capped at "
                    f"{self.penalty_seconds / 60.0:g} min (unreachable counts as the cap)"
                ),
                "mean_minutes": objective / max(self.weight_total, 1e-12) / 60.0,
            },
        )

    def _milp(
        self,
        pairs: sp.csc_matrix,
        f: np.ndarray,
        hubs: int,
        start: np.ndarray,
        time_limit_s: float,
        cancel: threading.Event | None,
    ) -> _MilpOutcome:
        """min sum w_i (t_ij - f_i) z_ij; sum_j z_ij <= 1; z_ij <= y_j; sum y = hubs."""
        m = self.n_candidates
        coo = pairs.tocoo()
        pi, pj, t = coo.row, coo.col, coo.data
        k = len(pi)
        dem_rows, _ = pd.factorize(pi) if k else (np.zeros(0, np.int64), None)
        n_dem = int(dem_rows.max() + 1) if k else 0
        z = m + np.arange(k)
        link = n_dem + np.arange(k)
        card = n_dem + k
        r_idx = np.concatenate([dem_rows, link, link, np.full(m, card)])
        c_idx = np.concatenate([z, z, pj, np.arange(m)])
        vals = np.concatenate([np.ones(k), np.ones(k), -np.ones(k), np.ones(m)])
        matrix = sp.csc_matrix((vals, (r_idx, c_idx)), shape=(card + 1, m + k))
        x0 = np.zeros(m + k)
        x0[start] = 1.0
        # warm start: each person to their best open site
        open_ = np.zeros(m, dtype=bool)
        open_[start] = True
        usable = open_[pj]
        if usable.any():
            cand_idx = np.flatnonzero(usable)
            order = np.lexsort((t[cand_idx], pi[cand_idx]))
            srt = cand_idx[order]
            first = np.ones(len(srt), dtype=bool)
            first[1:] = pi[srt][1:] != pi[srt][:-1]
            x0[m + srt[first]] = 1.0
        return _solve_milp(
            cost=np.concatenate([np.zeros(m), self.weights[pi] * (t - f[pi])]),
            lower=np.zeros(m + k),
            upper=np.ones(m + k),
            integer=np.concatenate([np.ones(m, bool), np.zeros(k, bool)]),
            matrix=matrix,
            row_lower=np.concatenate([np.full(n_dem + k, -np.inf), [hubs]]),
            row_upper=np.concatenate([np.ones(n_dem), np.zeros(k), [hubs]]),
            maximize=False,
            time_limit_s=time_limit_s,
            start=x0,
            cancel=cancel,
            what=f"p-median with {hubs} hubs",
            presolve=True,
        )


class LSCP(_SitingModel):
    """Target coverage: the fewest new hubs that bring the share within the limit to a target.

    The share counts all demand (off-network and unreachable people included), and existing
    labs count toward it. ``target_share = 1`` is the classic LSCP (cover everyone). Among the
    solutions with the fewest hubs, the one covering the most demand is returned (a second
    MILP: MCLP with that many hubs), so the hubs are not merely enough but the best of their
    number.
    """

    name: ClassVar[str] = "lscp"
    _needs_covered_rows: ClassVar[bool] = False

    def solve(
        self,
        target_share: float = 0.8,
        *,
        solver: Solver = "auto",
        time_limit_s: float = 60.0,
        curve_hubs: int = DEFAULT_CURVE_HUBS,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> SitingResult:
        """Find the fewest hubs reaching ``target_share`` of demand within the limit.

        Parameters
        ----------
        target_share
            Share of all demand to bring within the limit, 0..1 (0.8: the Lancet Commission's
            80 %-within-2-hours indicator when the limit is 120 min).
        solver, time_limit_s, curve_hubs, progress, cancel
            As in `MCLP.solve`. The greedy's lower bound on the number of hubs is the fewest
            sites whose single-site gains could add up to the need.

        Raises
        ------
        InputError
            When even opening every candidate cannot reach the target (the message gives the
            best share possible).
        """
        t0 = time.perf_counter()
        if not (0 < target_share <= 1):
            msg = (
                "`target_share` should be a share between 0 and 1 (0.8 = 80 %), got "
                f"{target_share!r}"
            )
            raise InputError(msg)
        self._check_reach()
        total = self.weight_total
        minutes = self.max_seconds / 60.0
        base = float(self.weights[self._covered_before()].sum())
        need = target_share * total - base
        pattern, w = self._coverage_pattern()
        upto = min(max(int(curve_hubs), 0), self.n_candidates)
        settings = {"target_share": float(target_share), "objective": "number of new hubs"}
        if need <= 1e-9 * max(total, 1.0):
            empty = np.empty(0, dtype=np.int64)
            msg = (
                f"the existing labs already bring {100 * base / total:.1f} % within {minutes:g} "
                f"min, at or above the target {100 * target_share:g} %: no new hub is needed"
            )
            return self._result(
                chosen=empty,
                objective=0.0,
                bound=0.0,
                solver="none",
                status="optimal",
                t0=t0,
                curve=self._empty_curve(),
                maximize=False,
                warnings=[msg],
                settings=settings,
            )
        best = base + float(w.sum())
        if best < target_share * total - 1e-9 * max(total, 1.0):
            msg = (
                f"even opening all {self.n_candidates} candidates covers only "
                f"{100 * best / total:.1f} % within {minutes:g} min; the target "
                f"{100 * target_share:g} % cannot be met: lower it or add grid candidates"
            )
            raise InputError(msg)
        method = self._choose_solver(solver, pattern.nnz)
        greedy = _celf(
            pattern,
            w,
            np.ones(len(w)),
            self.n_candidates,
            bound_picks=0,
            target=need,
            cancel=cancel,
        )
        reached = np.cumsum(greedy.gains) >= need - 1e-9 * max(total, 1.0)
        p_greedy = int(np.argmax(reached)) + 1
        # no p sites can add more than the p largest single-site gains
        singles = np.sort(np.asarray(pattern.T @ w).ravel())[::-1]
        p_lower = int(np.argmax(np.cumsum(singles) >= need - 1e-9 * max(total, 1.0))) + 1
        if method == "milp":
            report_progress(progress, 0.1, "solving the fewest-hubs MILP (HiGHS)")
            out = self._min_sites_milp(
                pattern, w, need, greedy.order[:p_greedy], time_limit_s, cancel
            )
            p_opt = round(out.objective)
            lower = max(p_lower, math.ceil(out.bound - 1e-6))
            # the best coverage with that many hubs
            cover = _mclp_milp(
                pattern,
                w,
                p_opt,
                _picked(out.x[: self.n_candidates], p_opt),
                time_limit_s=time_limit_s,
                cancel=cancel,
            )
            chosen = _picked(cover.x[: self.n_candidates], p_opt)
            status = "optimal" if out.status == "optimal" and lower >= p_opt else out.status
            solver_name = "highs-milp"
        else:
            p_opt, lower = p_greedy, p_lower
            chosen = greedy.order[:p_greedy]
            status = "optimal" if lower >= p_opt else "heuristic"
            solver_name = "greedy-celf"
        curve = self._empty_curve()
        if upto:
            g = _pad_greedy(
                _celf(pattern, w, np.ones(len(w)), upto, cancel=cancel), self.n_candidates, upto
            )
            curve = self._coverage_curve(
                pattern,
                w,
                g,
                method=method,
                upto=upto,
                time_limit_s=time_limit_s,
                cancel=cancel,
                progress=scaled_progress(progress, 0.5, 0.95),
            )
        settings["hubs_lower_bound"] = int(lower)
        return self._result(
            chosen=chosen,
            objective=float(p_opt),
            bound=float(lower),
            solver=solver_name,
            status=status,
            t0=t0,
            curve=curve,
            maximize=False,
            settings=settings,
        )

    @staticmethod
    def _empty_curve() -> pd.DataFrame:
        return pd.DataFrame(
            columns=["hubs", "objective", "covered", "share", "bound", "gap", "method"]
        )

    def _min_sites_milp(
        self,
        pattern: sp.csc_matrix,
        w: np.ndarray,
        need: float,
        start: np.ndarray,
        time_limit_s: float,
        cancel: threading.Event | None,
    ) -> _MilpOutcome:
        """min sum y s.t. sum w_r x_r >= need, x_r <= sum_j a_rj y_j, y binary, 0 <= x <= 1."""
        r, m = pattern.shape
        a = sp.hstack([-pattern, sp.identity(r, format="csc")], format="csc")
        cover = sp.csc_matrix(np.concatenate([np.zeros(m), w])[None, :])
        matrix = sp.vstack([a, cover], format="csc")
        y = np.zeros(m)
        y[start] = 1.0
        x0 = np.concatenate([y, np.minimum(pattern @ y, 1.0)])
        # a hair of slack so that floating sums of weights never make an exact target infeasible
        slack = 1e-9 * max(self.weight_total, 1.0)
        return _solve_milp(
            cost=np.concatenate([np.ones(m), np.zeros(r)]),
            lower=np.zeros(m + r),
            upper=np.ones(m + r),
            integer=np.concatenate([np.ones(m, bool), np.zeros(r, bool)]),
            matrix=matrix,
            row_lower=np.concatenate([np.full(r, -np.inf), [need - slack]]),
            row_upper=np.concatenate([np.zeros(r), [np.inf]]),
            maximize=False,
            time_limit_s=time_limit_s,
            start=x0,
            cancel=cancel,
            what="fewest hubs for the target",
        )


# -- one call for the app and the command line ---------------------------------------------------


def site_hubs(
    net: Network,
    demand: Demand | gpd.GeoDataFrame,
    facilities: Facilities,
    *,
    capability: str,
    quality: str = "any",
    model: str = "mclp",
    hubs: int = 3,
    minutes: float = 60.0,
    target_share: float | None = None,
    candidates: Sequence[str | gpd.GeoDataFrame] = ("upgrade",),
    grid_spacing_m: float = DEFAULT_GRID_SPACING_M,
    capacity: bool = False,
    tests_per_person_year: float | None = None,
    hub_capacity_tests_per_year: float | None = None,
    penalty_minutes: float | None = None,
    exclude: Iterable[str] = (),
    districts: gpd.GeoDataFrame | None = None,
    solver: Solver = "auto",
    time_limit_s: float = 60.0,
    curve_hubs: int = DEFAULT_CURVE_HUBS,
    max_snap_m: float = DEFAULT_MAX_SNAP_M,
    walk_kmh: float = DEFAULT_WALK_KMH,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> SitingResult:
    """Choose new testing hubs for a capability, existing capable labs fixed as open.

    Parameters
    ----------
    net
        The road network of the travel mode.
    demand
        Where people live.
    facilities
        All facilities: those able to do ``capability`` (meeting ``quality``) are the existing
        labs; the others are upgrade candidates.
    capability, quality
        The test and the quality filter of the labs that count.
    model
        ``"mclp"`` (most people within ``minutes`` with ``hubs`` hubs), ``"pmedian"`` (least
        population-weighted time, capped at ``penalty_minutes``) or ``"lscp"`` (fewest hubs
        for ``target_share`` within ``minutes``).
    hubs
        Number of new hubs (MCLP, p-median).
    minutes
        Coverage limit, minutes, inclusive (also the search limit of p-median).
    target_share
        LSCP target, 0..1 (default 0.8).
    candidates
        Candidate sources: ``"upgrade"`` (facilities lacking the capability), ``"grid"`` (a
        grid over the areas beyond ``minutes`` of the existing labs), and candidate
        GeoDataFrames (`candidates_from_points` for sites placed on the map).
    grid_spacing_m
        Spacing of grid candidates, metres.
    capacity
        Capacitated MCLP: a lab serves at most ``capacity_tests_per_year``; demand is counted
        in tests per year, so ``tests_per_person_year`` is required.
    tests_per_person_year
        Tests per person per year (cancer incidence × share eligible); weights demand.
    hub_capacity_tests_per_year
        Capacity of candidate sites that have none (grid and user sites, facilities without a
        number); without it they are unlimited.
    penalty_minutes
        p-median: time counted for people beyond ``minutes`` of every lab (default ``minutes``).
    exclude
        Candidate ids that must not be chosen.
    districts
        District polygons for the before/after table.
    solver, time_limit_s, curve_hubs
        As in `MCLP.solve`.
    max_snap_m, walk_kmh
        Off-network leg, as in the access analysis.
    progress, cancel
        ``progress(fraction, text)`` and a `threading.Event`.

    Returns
    -------
    SitingResult

    Raises
    ------
    InputError
        Unknown model or candidate source, no candidates, too many hubs, nothing within reach,
        an infeasible target, capacity without a test rate, or a solver failure.
    Cancelled
        If ``cancel`` is set.
    """
    if model not in SITING_MODELS:
        msg = f"`model` should be one of {', '.join(SITING_MODELS)}, got {model!r}"
        raise InputError(msg)
    if capacity and model != "mclp":
        msg = f"the capacity constraint applies to the MCLP model, not to {model!r}"
        raise InputError(msg)
    if capacity and tests_per_person_year is None:
        msg = (
            "with `capacity`, demand must be in tests per year like the labs' capacity: give "
            "`tests_per_person_year` (population × cancer incidence × share eligible)"
        )
        raise InputError(msg)
    if capacity and solver == "greedy":
        msg = "the capacitated model is solved as a MILP only; use solver 'milp' or 'auto'"
        raise InputError(msg)
    if not (minutes > 0 and math.isfinite(minutes)):
        msg = f"`minutes` should be a positive number of minutes, got {minutes!r}"
        raise InputError(msg)
    labs = facilities.capable(capability, quality=quality)
    excluded = {str(e) for e in exclude}
    parts: list[gpd.GeoDataFrame] = []
    warnings: list[str] = []
    for source in candidates:
        if isinstance(source, gpd.GeoDataFrame):
            parts.append(_check_candidates(source))
        elif source == "upgrade":
            parts.append(candidates_from_facilities(facilities, capability, quality=quality))
        elif source == "grid":
            areas = _underserved(
                net,
                demand,
                labs,
                minutes=minutes,
                districts=districts,
                max_snap_m=max_snap_m,
                walk_kmh=walk_kmh,
                cancel=cancel,
            )
            parts.append(candidates_grid(areas, spacing_m=grid_spacing_m))
        else:
            msg = (
                f"candidate source {source!r} is unknown; use 'upgrade', 'grid' or a layer from "
                "candidates_from_points"
            )
            raise InputError(msg)
    if not parts:
        msg = "no candidate source was given; use 'upgrade', 'grid' or your own sites"
        raise InputError(msg)
    cands = pd.concat(parts, ignore_index=True)
    cands = gpd.GeoDataFrame(cands, geometry="geometry", crs="EPSG:4326")
    unknown = excluded - set(cands["candidate_id"].astype(str))
    if unknown:
        warnings.append(f"excluded ids not among the candidates: {', '.join(sorted(unknown))}")
    cands = cands[~cands["candidate_id"].astype(str).isin(excluded)].reset_index(drop=True)
    if hub_capacity_tests_per_year is not None:
        cap = cands["capacity_tests_per_year"].to_numpy(dtype=np.float64)
        cands["capacity_tests_per_year"] = np.where(
            np.isnan(cap), float(hub_capacity_tests_per_year), cap
        )
    if capacity and cands["capacity_tests_per_year"].isna().any():
        warnings.append(
            f"{int(cands['capacity_tests_per_year'].isna().sum())} candidate sites have no "
            "capacity and count as unlimited; set `hub_capacity_tests_per_year`"
        )
    if cands.empty:
        msg = (
            f"no candidate site is left for {capability} (every facility is already a lab or "
            "excluded); add grid candidates or your own sites"
        )
        raise InputError(msg)
    cls: type[_SitingModel] = {"mclp": MCLP, "pmedian": PMedian, "lscp": LSCP}[model]
    options: dict[str, Any] = {}
    if model == "pmedian" and penalty_minutes is not None:
        options["penalty_seconds"] = float(penalty_minutes) * 60.0
    built = cls.from_network(
        net,
        demand,
        cands,
        labs,
        minutes=minutes,
        districts=districts,
        tests_per_person_year=tests_per_person_year,
        capacity=capacity,
        max_snap_m=max_snap_m,
        walk_kmh=walk_kmh,
        progress=scaled_progress(progress, 0.0, 0.5),
        cancel=cancel,
        **options,
    )
    built.warnings = (*warnings, *built.warnings)
    built.extra_settings.update(
        {
            "capability": capability,
            "quality": quality,
            "sources": [s if isinstance(s, str) else "user" for s in candidates],
        }
    )
    solve_progress = scaled_progress(progress, 0.5, 1.0)
    if isinstance(built, LSCP):
        return built.solve(
            0.8 if target_share is None else float(target_share),
            solver=solver,
            time_limit_s=time_limit_s,
            curve_hubs=curve_hubs,
            progress=solve_progress,
            cancel=cancel,
        )
    assert isinstance(built, MCLP | PMedian)
    return built.solve(
        hubs,
        solver=solver,
        time_limit_s=time_limit_s,
        curve_hubs=curve_hubs,
        progress=solve_progress,
        cancel=cancel,
    )


def _underserved(
    net: Network,
    demand: Demand | gpd.GeoDataFrame,
    labs: Facilities,
    *,
    minutes: float,
    districts: gpd.GeoDataFrame | None,
    max_snap_m: float,
    walk_kmh: float,
    cancel: threading.Event | None,
) -> gpd.GeoDataFrame:
    """Areas beyond ``minutes`` of the existing labs: where grid candidates go."""
    gdf = demand_frame(demand, districts=districts)
    snapped = snap_points(
        net, point_lonlat(gdf, what="demand"), max_snap_m=max_snap_m, walk_kmh=walk_kmh
    )
    _, lab_lonlat = labs_table(labs)
    nodes, _, usable, _ = snap_labs(net, lab_lonlat, max_snap_m=max_snap_m)
    near = nearest_lab_times(net, nodes[usable], cancel=cancel)
    seconds, _ = snapped.seconds_via(near.seconds)
    status = np.where(np.isfinite(seconds), "reached", "unreachable").astype(object)
    status[snapped.off_network] = "off_network"
    frame = gdf.assign(seconds=seconds, status=status)
    cell = getattr(demand, "cell_size_m", None)
    return underserved_areas(
        frame, threshold_minutes=minutes, crs=net.crs, cell_size_m=cell, cancel=cancel
    )


__all__ = [
    "CANDIDATE_COLUMNS",
    "CANDIDATE_KINDS",
    "LSCP",
    "MCLP",
    "SITING_MODELS",
    "PMedian",
    "SitingResult",
    "candidates_from_facilities",
    "candidates_from_points",
    "candidates_grid",
    "demand_site_seconds",
    "site_hubs",
]
