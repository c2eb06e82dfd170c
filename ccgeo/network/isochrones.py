"""Isochrone polygons that follow the road network: a travel-time surface on a grid, polygonized.

Each grid cell takes the time of the best of its nearest network nodes plus the walk to it, the
same rule as the demand (`ccgeo.analysis.placement`), so a person inside a band polygon is counted
within that band by the coverage table; areas far from every road stay outside (no convex hulls).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import geopandas as gpd
import numpy as np
import shapely
from affine import Affine
from pyproj import CRS
from rasterio.features import shapes
from rasterio.transform import from_origin

from ccgeo.errors import InputError, check_cancel
from ccgeo.i18n import _, ngettext
from ccgeo.model.settings import Snapping
from ccgeo.network.snapping import join_network
from ccgeo.progress import ProgressCallback, report_progress, scaled_progress

if TYPE_CHECKING:
    import threading

    from ccgeo.model.network import Network
    from ccgeo.model.road_index import RoadPieces
    from ccgeo.network.routing import Catchments

#: Times within this many seconds above a threshold count as at it: sums of arc times in floating
#: point may land a hair above an exact threshold, and a planner must never lose the last minute.
INCLUSIVE_TOLERANCE_S = 1e-6

#: Default cell size of the travel-time surface, metres.
DEFAULT_CELL_M = 50.0

#: Default largest number of cells of one surface; the cell grows to stay under it.
DEFAULT_MAX_CELLS = 4_000_000

#: Fewest and most cells of a band surface, and roads per cell between (`road_time_surface`):
#: the grid of a map follows the road density up to about the pixels of a screen, so a country
#: gets cells near the 1 km of its population raster whatever its number of roads, a city keeps
#: fine ones, and the isochrones stay a small part of a run.
MAP_MIN_CELLS, MAP_MAX_CELLS, MAP_EDGES_PER_CELL = 250_000, 1_000_000, 4

#: Cells per KD-tree query chunk: bounds memory and lets ``cancel`` act between chunks.
_CHUNK_CELLS = 65_536

#: Road points per chunk of the road surface: cancel acts between chunks (~20 ms each).
_CHUNK_POINTS = 262_144
#: Straight edges put on the grid between two looks at Cancel.
_CHUNK_EDGES = 1 << 20


@dataclass(frozen=True, eq=False)
class TimeSurface:
    """Travel seconds on a north-up grid in the network's projected CRS.

    Attributes
    ----------
    seconds : float64 (rows, cols)
        Time from each cell centre to the nearest lab, seconds: walk to one of the nearest
        network nodes, then the network time from there; ``inf`` where no node with a finite
        time lies within the walking distance.
    transform : affine.Affine
        Cell ``(row, col)`` to map coordinates (metres in ``crs``), as rasterio uses it.
    crs : pyproj.CRS
        The network's local UTM zone.
    cell_m : float
        Cell size, metres (square cells).
    """

    seconds: np.ndarray
    transform: Affine
    crs: CRS
    cell_m: float

    def __post_init__(self) -> None:
        self.seconds.setflags(write=False)

    @property
    def shape(self) -> tuple[int, int]:
        """``(rows, cols)``."""
        return self.seconds.shape  # type: ignore[return-value]

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """``(west, south, east, north)`` in metres of ``crs``."""
        rows, cols = self.shape
        west, north = self.transform.c, self.transform.f
        return west, north - rows * self.cell_m, west + cols * self.cell_m, north

    def cell_centres(self) -> np.ndarray:
        """``(rows * cols, 2)`` x, y of every cell centre in row-major order, metres."""
        rows, cols = self.shape
        return _centres(self.transform, rows, cols, 0, rows)


def time_surface(
    net: Network,
    node_seconds: np.ndarray,
    *,
    cell_m: float = DEFAULT_CELL_M,
    snapping: Snapping | None = None,
    bounds: Sequence[float] | None = None,
    max_cells: int = DEFAULT_MAX_CELLS,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> TimeSurface:
    """Travel-time surface: each cell's time through the best of its ways onto the network.

    A cell joins the network as a person does (`ccgeo.network.snapping.join_network`: a walk at
    `walk_kmh` to the nearest road within `max_snap_m` and along it to either end of its edge,
    or a straight walk to one of its `candidates` nearest junctions); its time is the least of
    (time to the node + the node's time), computed in chunks (no Python loop over cells).

    Parameters
    ----------
    net
        The road network; the grid is laid in its UTM CRS.
    node_seconds
        ``(n_nodes,)`` seconds from each node to the nearest lab; ``inf`` where none.
    cell_m
        Cell size, metres; grown when the grid would exceed ``max_cells``.
    snapping
        ``max_snap_m`` (farthest walk from a cell centre to a road, metres), ``walk_kmh`` and
        ``candidates`` (nearest junctions tried per cell), as for people. Default `Snapping()`.
    bounds
        ``(west, south, east, north)`` metres in ``net.crs``; by default the box around the
        nodes with a finite time, grown by ``max_snap_m``.
    max_cells
        Largest number of cells.
    progress, cancel
        ``progress(fraction, text)`` and a `threading.Event`, checked between chunks.

    Returns
    -------
    TimeSurface
        An empty ``(0, 0)`` surface when no node has a finite time.

    Raises
    ------
    InputError
        If a parameter is out of range.
    Cancelled
        If ``cancel`` is set.
    """
    times = _check_node_seconds(net, node_seconds)
    snapping = snapping or Snapping()
    _check_positive(cell_m=cell_m)
    if max_cells < 1:
        msg = _("`max_cells` should be at least 1, got {value}").format(value=max_cells)
        raise InputError(msg)
    finite = np.isfinite(times)
    if bounds is None and not finite.any():
        return TimeSurface(np.empty((0, 0)), Affine.identity(), net.crs, float(cell_m))
    box = _surface_box(net, finite, bounds, margin_m=snapping.max_snap_m)
    transform, rows, cols, cell = _surface_grid(box, cell_m=cell_m, max_cells=max_cells)
    if not finite.any():
        return TimeSurface(np.full((rows, cols), np.inf), transform, net.crs, cell)
    seconds = _cell_seconds(
        net, times, transform, (rows, cols), snapping, progress=progress, cancel=cancel
    )
    check_cancel(cancel)
    text = _("travel-time surface: {rows} x {cols} cells of {cell:g} m")
    report_progress(progress, 1.0, text.format(rows=rows, cols=cols, cell=cell))
    return TimeSurface(seconds, transform, net.crs, cell)


def road_time_surface(
    net: Network,
    node_seconds: np.ndarray,
    *,
    cell_m: float = DEFAULT_CELL_M,
    snapping: Snapping | None = None,
    bounds: Sequence[float] | None = None,
    max_cells: int = DEFAULT_MAX_CELLS,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> TimeSurface:
    """Travel-time surface rasterised from the roads' own times: the fast surface of maps.

    Points every half cell along each road that has an end with a finite time take the time of
    the way on from there (along the road at its speed, or on foot where the mode may not go,
    to the better end, then that node's time); each cell holds the least of the points in it.
    A cell without a road takes the time of its nearest road cell plus the straight walk at
    ``walk_kmh`` between the two cell centres, up to ``max_snap_m`` (``inf`` farther). Unlike
    `time_surface` no cell is snapped on its own, so the cost grows with the road length and
    the cells, not with a nearest-road search per cell; a cell's time may differ from a
    person's at its centre by the walk within a cell.

    Parameters and returns are those of `time_surface`; ``progress`` and ``cancel`` act between
    chunks of road points.
    """
    times = _check_node_seconds(net, node_seconds)
    snapping = snapping or Snapping()
    _check_positive(cell_m=cell_m)
    if max_cells < 1:
        msg = _("`max_cells` should be at least 1, got {value}").format(value=max_cells)
        raise InputError(msg)
    finite = np.isfinite(times)
    if bounds is None and not finite.any():
        return TimeSurface(np.empty((0, 0)), Affine.identity(), net.crs, float(cell_m))
    box = _surface_box(net, finite, bounds, margin_m=snapping.max_snap_m)
    transform, rows, cols, cell = _surface_grid(box, cell_m=cell_m, max_cells=max_cells)
    road = _road_cells(net, times, transform, (rows, cols), snapping, progress, cancel)
    check_cancel(cancel)
    seconds = _walk_off_road(road, cell, snapping, cancel)
    text = _("travel-time surface: {rows} x {cols} cells of {cell:g} m")
    report_progress(progress, 1.0, text.format(rows=rows, cols=cols, cell=cell))
    return TimeSurface(seconds, transform, net.crs, cell)


def isochrone_bands(
    net: Network,
    node_seconds: np.ndarray,
    bands_minutes: Sequence[float],
    *,
    cumulative: bool = False,
    cell_m: float = DEFAULT_CELL_M,
    snapping: Snapping | None = None,
    simplify_m: float | None = None,
    max_cells: int | None = None,
    exact: bool = False,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> gpd.GeoDataFrame:
    """Isochrone polygons of time bands around the labs, merged over all labs.

    Parameters
    ----------
    net
        The road network.
    node_seconds
        ``(n_nodes,)`` seconds from each node to its nearest lab (``inf`` where none), as
        `ccgeo.network.routing.nearest_lab_times` gives.
    bands_minutes
        Upper bounds of the bands, minutes, inclusive (``30, 60, 120``).
    cumulative
        False: disjoint rings, band ``i`` holds the area with ``from < t <= to`` (the first band
        starts at 0 inclusive). True: band ``i`` holds everything with ``t <= to``.
    cell_m, snapping
        As in `time_surface`.
    max_cells
        Largest number of cells of the surface. Default: for the fast surface about one cell per
        `MAP_EDGES_PER_CELL` roads, kept between `MAP_MIN_CELLS` and `MAP_MAX_CELLS` (a map's
        grid, near 1 km over a country); for ``exact`` `DEFAULT_MAX_CELLS`.
    simplify_m
        Simplification tolerance, metres; default half a cell. Bands are simplified one by one,
        so neighbouring rings may overlap or part by up to this distance.
    exact
        False (default): the surface rasterised from the roads' times (`road_time_surface`,
        fast at national scale). True: every cell joined to the network as a person is
        (`time_surface`: the same rule as the coverage table, slower).
    progress, cancel
        ``progress(fraction, text)`` and a `threading.Event`.

    Returns
    -------
    GeoDataFrame
        One row per band, in EPSG:4326: ``band_min_from``, ``band_min_to``, ``area_km2``
        (measured on the grid before simplification) and ``geometry`` (valid (Multi)Polygon,
        empty when no cell is in the band).
    """
    bands = _check_bands(bands_minutes)
    times = _check_node_seconds(net, node_seconds)
    # nodes beyond the last band cannot put a cell inside it: leave them out of the grid's extent
    times = np.where(times <= bands[-1] * 60.0 + INCLUSIVE_TOLERANCE_S, times, np.inf)
    surface = (time_surface if exact else road_time_surface)(
        net,
        times,
        cell_m=cell_m,
        snapping=snapping,
        max_cells=_band_cells(net, max_cells, exact=exact),
        progress=scaled_progress(progress, 0.0, 0.7),
        cancel=cancel,
    )
    check_cancel(cancel)
    report_progress(progress, 0.7, _("isochrone polygons"))
    rows = _band_rows(surface, bands, cumulative=cumulative, simplify_m=simplify_m, cancel=cancel)
    text = ngettext("{count} isochrone bands", "{count} isochrone bands", len(bands))
    report_progress(progress, 1.0, text.format(count=len(bands)))
    return _band_frame(rows, extra={})


def lab_isochrones(
    net: Network,
    catchments: Catchments,
    *,
    bands_minutes: Sequence[float] | None = None,
    cumulative: bool = False,
    cell_m: float = DEFAULT_CELL_M,
    snapping: Snapping | None = None,
    simplify_m: float | None = None,
    max_cells: int | None = None,
    exact: bool = False,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> gpd.GeoDataFrame:
    """Isochrone polygons of each lab on its own, from per-lab catchments.

    Each lab's grid covers only the box around the nodes of its catchment (grown by
    ``max_snap_m``), so many small catchments stay cheap.

    Parameters
    ----------
    net
        The road network the catchments were computed on.
    catchments
        From `ccgeo.network.routing.catchments` (direction ``"to_lab"`` for patients).
    bands_minutes
        Band upper bounds, minutes, inclusive; none above the catchments' limit. Default: one
        band up to the limit.
    cumulative, cell_m, snapping, simplify_m, max_cells, exact
        As in `isochrone_bands`.
    progress, cancel
        ``progress(fraction, text)`` and a `threading.Event`, checked between labs.

    Returns
    -------
    GeoDataFrame
        In EPSG:4326, one row per lab and band: ``lab`` (index into the catchments' labs),
        ``lab_node``, ``band_min_from``, ``band_min_to``, ``area_km2``, ``geometry``.

    Raises
    ------
    InputError
        If a band reaches beyond the time limit the catchments were computed with.
    """
    bands = _catchment_bands(net, catchments, bands_minutes)
    rows: list[dict[str, Any]] = []
    times = np.full(net.n_nodes, np.inf)
    k = len(catchments)
    for lab in range(k):
        check_cancel(cancel)
        text = _("isochrones of lab {lab} of {count}").format(lab=lab + 1, count=k)
        report_progress(progress, lab / max(k, 1), text)
        nodes, secs = catchments.for_lab(lab)
        times[nodes] = secs
        surface = (time_surface if exact else road_time_surface)(
            net,
            times,
            cell_m=cell_m,
            snapping=snapping,
            max_cells=_band_cells(net, max_cells, exact=exact),
            cancel=cancel,
        )
        times[nodes] = np.inf
        for row in _band_rows(
            surface, bands, cumulative=cumulative, simplify_m=simplify_m, cancel=cancel
        ):
            rows.append({"lab": lab, "lab_node": int(catchments.lab_nodes[lab]), **row})
    text = ngettext("isochrones of {count} labs", "isochrones of {count} labs", k)
    report_progress(progress, 1.0, text.format(count=k))
    return _band_frame(rows, extra={"lab": "int64", "lab_node": "int64"})


def polygons_of_classes(
    classes: np.ndarray,
    transform: Affine,
    *,
    crs: CRS,
    simplify_m: float = 0.0,
) -> dict[int, shapely.Geometry]:
    """Polygons of the cells of each class of a grid, in EPSG:4326.

    Parameters
    ----------
    classes
        Integer grid; cells below 0 belong to no class.
    transform
        Cell to map coordinates (metres in ``crs``).
    crs
        Projected CRS of the grid.
    simplify_m
        Topology-preserving simplification tolerance, metres (0: none).

    Returns
    -------
    dict
        Class value → valid (Multi)Polygon in EPSG:4326, for the classes present.
    """
    grid = np.ascontiguousarray(classes, dtype=np.int32)
    parts: dict[int, list[Any]] = {}
    # rasterio traces each 4-connected region once, in C; only whole regions come back to Python
    for geom, value in shapes(grid, mask=grid >= 0, connectivity=4, transform=transform):
        parts.setdefault(int(value), []).append(shapely.geometry.shape(geom))
    if not parts:
        return {}
    keys = sorted(parts)
    # regions of one class touch at most at corners, so a multipolygon of them is valid as is
    merged = np.array([shapely.multipolygons(parts[key]) for key in keys], dtype=object)
    if simplify_m > 0:
        merged = shapely.simplify(merged, simplify_m, preserve_topology=True)
    lonlat = gpd.GeoSeries(merged, crs=crs).to_crs("EPSG:4326").to_numpy()
    return {key: _polygonal(geom) for key, geom in zip(keys, lonlat, strict=True)}


# -- helpers -------------------------------------------------------------------------------------


def _surface_box(
    net: Network,
    finite: np.ndarray,
    bounds: Sequence[float] | None,
    *,
    margin_m: float,
) -> tuple[float, float, float, float]:
    """``(west, south, east, north)`` of a surface, metres in ``net.crs``.

    ``bounds`` when given (checked to have an area), else the box around the nodes where
    ``finite`` holds, grown by ``margin_m`` (the farthest walk to a node).
    """
    if bounds is None:
        where = finite[:, None]
        lo = np.min(net.node_xy, axis=0, where=where, initial=np.inf) - margin_m
        hi = np.max(net.node_xy, axis=0, where=where, initial=-np.inf) + margin_m
        return float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1])
    west, south, east, north = (float(v) for v in bounds)
    if not (east > west and north > south):
        msg = _("`bounds` should be (west, south, east, north) with area, got {bounds}")
        msg = msg.format(bounds=tuple(bounds))
        raise InputError(msg)
    return west, south, east, north


def _surface_grid(
    box: tuple[float, float, float, float], *, cell_m: float, max_cells: int
) -> tuple[Affine, int, int, float]:
    """The grid over ``box``: its transform, rows, columns and cell size (metres).

    Cells grow beyond ``cell_m`` when the grid would hold more than ``max_cells``.
    """
    west, south, east, north = box
    width, height = east - west, north - south
    cell = float(cell_m)
    if (width / cell) * (height / cell) > max_cells:
        # coarser cells rather than a grid the laptop cannot hold
        cell = math.ceil(math.sqrt(width * height / max_cells))
    # cell edges on multiples of the cell size: every surface of a network shares one lattice,
    # so per-lab and merged polygons agree cell for cell
    west, south = math.floor(west / cell) * cell, math.floor(south / cell) * cell
    east, north = math.ceil(east / cell) * cell, math.ceil(north / cell) * cell
    cols = max(1, round((east - west) / cell))
    rows = max(1, round((north - south) / cell))
    return from_origin(west, north, cell, cell), rows, cols, cell


def _cell_seconds(
    net: Network,
    times: np.ndarray,
    transform: Affine,
    shape: tuple[int, int],
    snapping: Snapping,
    *,
    progress: ProgressCallback | None,
    cancel: threading.Event | None,
) -> np.ndarray:
    """``(rows, cols)`` seconds of each cell through the best of its candidate nodes, in chunks.

    A cell joins the network by the rule people do (`ccgeo.network.snapping.join_network`: the
    walk to the nearest road within ``snapping.max_snap_m``, then along it, or a straight walk
    to a nearby junction); its time is the least over its candidates of the time to the node
    plus the node's time, ``inf`` if none.
    """
    rows, cols = shape
    out = np.full(rows * cols, np.inf)
    rows_per_chunk = max(1, _CHUNK_CELLS // cols)
    for r0 in range(0, rows, rows_per_chunk):
        check_cancel(cancel)
        text = _("travel-time surface: row {row} of {rows}").format(row=r0, rows=rows)
        report_progress(progress, r0 / rows, text)
        r1 = min(rows, r0 + rows_per_chunk)
        joins = join_network(net, _centres(transform, rows, cols, r0, r1), snapping, cancel=cancel)
        found = joins.nodes >= 0
        via = np.full(joins.nodes.shape, np.inf)
        # the same sum, in the same order, as SnappedPoints.seconds_via: join + node time
        via[found] = joins.seconds[found] + times[joins.nodes[found]]
        out[r0 * cols : r1 * cols] = via.min(axis=1)
    return out.reshape(rows, cols)


def _band_cells(net: Network, max_cells: int | None, *, exact: bool) -> int:
    """Most cells of a band surface: ``max_cells`` when given, else `DEFAULT_MAX_CELLS` for the
    exact surface and, for the fast one, a map's grid: `MAP_MIN_CELLS`, more on networks with
    more roads, up to `MAP_MAX_CELLS`."""
    if max_cells is not None:
        return int(max_cells)
    if exact:
        return DEFAULT_MAX_CELLS
    return int(min(MAP_MAX_CELLS, max(MAP_MIN_CELLS, net.n_edges // MAP_EDGES_PER_CELL)))


def _road_cells(
    net: Network,
    times: np.ndarray,
    transform: Affine,
    shape: tuple[int, int],
    snapping: Snapping,
    progress: ProgressCallback | None,
    cancel: threading.Event | None,
) -> np.ndarray:
    """``(rows, cols)`` least time of the road points in each cell, ``inf`` where none.

    The points: every node with a finite time, then points every half cell along each road with
    an end of finite time. A straight road (two vertices, as most national ones) is sampled
    between its nodes, one point per half cell; a road with bends along its pieces in the road
    index. Work is cut in chunks of about `_CHUNK_POINTS` points, ``cancel`` checked between.
    """
    from ccgeo.network.kernels import straight_cells

    grid = _CellMin(transform, shape)
    finite = np.isfinite(times)
    grid.put(net.node_xy[finite], times[finite])
    edge_ok = finite[net.edge_u] | finite[net.edge_v]
    straight = np.diff(net.geom_offsets) == 2
    ways = _RoadWays(net, times, snapping.walk_kmh / 3.6)
    spacing = 0.5 * transform.a
    edges = np.flatnonzero(edge_ok & straight)
    curved = net.road_index(cancel=cancel).pieces(np.flatnonzero(edge_ok & ~straight))
    total = len(edges) + len(curved)
    t = transform
    cells = (t.c, t.a, t.f, t.e, grid.rows, grid.cols)
    for lo in range(0, len(edges), _CHUNK_EDGES):
        check_cancel(cancel)
        report_progress(progress, lo / max(total, 1), _("isochrones: roads on the grid"))
        part = edges[lo : lo + _CHUNK_EDGES]
        u, v = net.edge_u[part], net.edge_v[part]
        n = np.maximum(1, np.ceil(np.hypot(*(net.node_xy[v] - net.node_xy[u]).T) / spacing))
        n = n.astype(np.int64)
        # inner points where both ends have a time (the nodes are in already), every point else
        both = finite[u] & finite[v]
        first = np.where(both, 1, 0)
        counts = np.where(both, n - 1, n + 1)
        straight_cells(
            net.node_xy,
            net.edge_u,
            net.edge_v,
            part,
            n,
            first,
            counts,
            ways.arrays,
            cells,
            grid.out,
        )
    if len(curved):
        _curved_points(curved, ways, grid, spacing, progress, cancel, (len(edges), total))
    return grid.out.reshape(shape)


def _curved_points(
    pieces: RoadPieces,
    ways: _RoadWays,
    grid: _CellMin,
    spacing: float,
    progress: ProgressCallback | None,
    cancel: threading.Event | None,
    done_total: tuple[int, int],
) -> None:
    """Points every ``spacing`` metres along ``pieces`` of the road index, both ends included."""
    lengths = np.hypot(pieces.step[:, 0], pieces.step[:, 1])
    counts = np.maximum(2, np.ceil(lengths / spacing).astype(np.int64) + 1)
    done, total = done_total
    for lo, hi in _chunks(counts):
        check_cancel(cancel)
        report_progress(progress, (done + lo) / total, _("isochrones: roads on the grid"))
        k, j = _expand(counts[lo:hi])
        share = j / (counts[lo:hi][k] - 1)
        piece = np.arange(lo, hi)[k]
        xy = pieces.start[piece] + share[:, None] * pieces.step[piece]
        along = pieces.along[piece] + share * lengths[lo:hi][k]
        length = pieces.edge_length[piece]
        frac = np.divide(along, length, out=np.zeros_like(along), where=length > 0)
        grid.put(xy, ways.seconds(pieces.edge[piece], frac))


def _chunks(counts: np.ndarray):
    """``(lo, hi)`` ranges of ``counts`` whose sums stay near `_CHUNK_POINTS`."""
    if not len(counts):
        return []
    cut = np.searchsorted(
        np.cumsum(counts), np.arange(1, int(counts.sum()) // _CHUNK_POINTS + 1) * _CHUNK_POINTS
    )
    bounds = np.unique(np.r_[0, cut, len(counts)])
    return list(itertools.pairwise(bounds.tolist()))


def _expand(counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For ``counts``: the item of each of their ``sum(counts)`` slots and its rank in the item."""
    k = np.repeat(np.arange(len(counts)), counts)
    j = np.arange(len(k)) - np.repeat(np.cumsum(counts) - counts, counts)
    return k, j


class _CellMin:
    """A flat grid keeping the least time put into each cell."""

    def __init__(self, transform: Affine, shape: tuple[int, int]) -> None:
        self.transform, (self.rows, self.cols) = transform, shape
        self.out = np.full(self.rows * self.cols, np.inf)

    def put(self, xy: np.ndarray, seconds: np.ndarray) -> None:
        t = self.transform
        col = np.floor((xy[:, 0] - t.c) / t.a).astype(np.int64)
        row = np.floor((xy[:, 1] - t.f) / t.e).astype(np.int64)
        inside = (row >= 0) & (row < self.rows) & (col >= 0) & (col < self.cols)
        np.minimum.at(self.out, row[inside] * self.cols + col[inside], seconds[inside])


class _RoadWays:
    """Time from a point on an edge on to the labs, by the rule of `join_network`."""

    def __init__(self, net: Network, times: np.ndarray, walk_mps: float) -> None:
        # per-edge values are gathered for the edges asked only: a country's roads beyond the
        # last band are never touched
        self.u, self.v, self.times = net.edge_u, net.edge_v, times
        self.drive, self.length, self.walk_mps = net.edge_seconds, net.edge_length_m, walk_mps
        # which way the mode may drive along each edge, from the arcs of the graph
        self.to_u = np.zeros(len(self.u), dtype=bool)
        self.to_v = np.zeros(len(self.u), dtype=bool)
        self.to_u[net.arc_edge[net.arc_reversed]] = True
        self.to_v[net.arc_edge[~net.arc_reversed]] = True

    @property
    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, float, np.ndarray, np.ndarray]:
        """``(times per node, drive seconds, length, walking m/s, open towards u, towards v)``:
        what `ccgeo.network.kernels.straight_cells` needs."""
        return self.times, self.drive, self.length, self.walk_mps, self.to_u, self.to_v

    def seconds(self, edge: np.ndarray, frac: np.ndarray) -> np.ndarray:
        """Seconds from ``frac`` (0 at ``u``, 1 at ``v``) along each ``edge`` to the labs
        (`ccgeo.network.kernels.times_along`, the rule of every point of the grid)."""
        from ccgeo.network.kernels import times_along

        return times_along(
            frac,
            self.drive[edge],
            self.length[edge] / self.walk_mps,
            self.times[self.u[edge]],
            self.times[self.v[edge]],
            self.to_u[edge],
            self.to_v[edge],
        )


def _walk_off_road(
    road: np.ndarray, cell: float, snapping: Snapping, cancel: threading.Event | None = None
) -> np.ndarray:
    """Each cell's time through its nearest road cell, walking up to ``max_snap_m``.

    Computed in blocks of rows (about 4 `_CHUNK_POINTS` cells), ``cancel`` checked between:
    each block sees the roads up to ``max_snap_m`` above and below it, all a walk may reach, so
    the blocks give the same answer as one transform of the whole grid.
    """
    from scipy.ndimage import distance_transform_edt

    rows, cols = road.shape
    out = np.full(road.shape, np.inf)
    has_road = np.isfinite(road)
    reach = math.ceil(snapping.max_snap_m / cell) + 1
    block = max(4 * _CHUNK_POINTS // max(cols, 1), 2 * reach)
    walk_mps = snapping.walk_kmh / 3.6
    for r0 in range(0, rows, block):
        check_cancel(cancel)
        r1 = min(rows, r0 + block)
        lo, hi = max(0, r0 - reach), min(rows, r1 + reach)
        if not has_road[lo:hi].any():
            continue
        dist, (ri, ci) = distance_transform_edt(
            ~has_road[lo:hi], sampling=cell, return_indices=True
        )
        part = slice(r0 - lo, r1 - lo)
        times = road[lo:hi][ri[part], ci[part]] + dist[part] / walk_mps
        times[dist[part] > snapping.max_snap_m] = np.inf
        out[r0:r1] = times
    return out


def _catchment_bands(
    net: Network, catchments: Catchments, bands_minutes: Sequence[float] | None
) -> np.ndarray:
    """The bands of `lab_isochrones`, minutes, checked against the catchments and the network.

    Raises
    ------
    InputError
        If a band reaches beyond the catchments' time limit, no band is given for catchments
        without a limit, or the catchments belong to another network.
    """
    limit_min = catchments.max_seconds / 60.0
    if bands_minutes is None:
        if not math.isfinite(limit_min):
            msg = _("catchments without a time limit need explicit `bands_minutes`")
            raise InputError(msg)
        bands_minutes = (limit_min,)
    bands = _check_bands(bands_minutes)
    if bands[-1] * 60.0 > catchments.max_seconds + INCLUSIVE_TOLERANCE_S:
        msg = _(
            "the catchments reach {limit:g} min, but bands up to {last:g} min were asked for; "
            "compute the catchments with max_seconds >= {seconds:g}"
        ).format(limit=limit_min, last=bands[-1], seconds=bands[-1] * 60)
        raise InputError(msg)
    if len(catchments.nodes) and catchments.nodes.max() >= net.n_nodes:
        msg = _("the catchments were computed on another network (node indices out of range)")
        raise InputError(msg)
    return bands


def _band_rows(
    surface: TimeSurface,
    bands: np.ndarray,
    *,
    cumulative: bool,
    simplify_m: float | None,
    cancel: threading.Event | None,
) -> list[dict[str, Any]]:
    """One dict per band: from/to minutes, area, geometry."""
    tol = surface.cell_m / 2 if simplify_m is None else float(simplify_m)
    limits = bands * 60.0 + INCLUSIVE_TOLERANCE_S
    secs = surface.seconds
    geoms: dict[int, shapely.Geometry] = {}
    cells = np.zeros(len(bands), dtype=np.int64)
    if secs.size:
        # band of each cell: the first whose upper bound is >= its time (inclusive)
        band = np.searchsorted(limits, secs, side="left").astype(np.int32)
        band[band >= len(bands)] = -1
        cells = np.bincount(band[band >= 0], minlength=len(bands))
        if cumulative:
            cells = np.cumsum(cells)
            for i in range(len(bands)):
                check_cancel(cancel)
                inside = np.where((band >= 0) & (band <= i), 0, -1)
                geoms[i] = polygons_of_classes(
                    inside, surface.transform, crs=surface.crs, simplify_m=tol
                ).get(0, shapely.MultiPolygon())
        else:
            geoms = polygons_of_classes(band, surface.transform, crs=surface.crs, simplify_m=tol)
    cell_km2 = surface.cell_m**2 / 1e6
    return [
        {
            "band_min_from": 0.0 if cumulative or i == 0 else float(bands[i - 1]),
            "band_min_to": float(bands[i]),
            "area_km2": float(cells[i] * cell_km2),
            "geometry": geoms.get(i, shapely.MultiPolygon()),
        }
        for i in range(len(bands))
    ]


def _band_frame(rows: list[dict[str, Any]], *, extra: dict[str, str]) -> gpd.GeoDataFrame:
    columns = [*extra, "band_min_from", "band_min_to", "area_km2"]
    if not rows:
        data = {c: np.empty(0, dtype=extra.get(c, "float64")) for c in columns}
        return gpd.GeoDataFrame(data, geometry=gpd.GeoSeries([], crs="EPSG:4326"))
    gdf = gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")
    return gdf[[*columns, "geometry"]]


def _polygonal(geom: shapely.Geometry) -> shapely.Geometry:
    """``geom`` made valid, keeping only its polygons, as a MultiPolygon."""
    if geom is None or geom.is_empty:
        return shapely.MultiPolygon()
    if not geom.is_valid:
        geom = shapely.make_valid(geom)
    parts = shapely.get_parts(geom)
    polys = [p for p in parts if p.geom_type in ("Polygon", "MultiPolygon")]
    flat = [q for p in polys for q in shapely.get_parts(p)]
    return shapely.MultiPolygon(flat) if flat else shapely.MultiPolygon()


def _centres(transform: Affine, rows: int, cols: int, r0: int, r1: int) -> np.ndarray:
    """Cell centres of rows ``r0 .. r1 - 1``, row-major, metres."""
    cell_x, cell_y = transform.a, transform.e
    xs = transform.c + cell_x * (np.arange(cols) + 0.5)
    ys = transform.f + cell_y * (np.arange(r0, r1) + 0.5)
    return np.column_stack([np.tile(xs, r1 - r0), np.repeat(ys, cols)])


def _check_node_seconds(net: Network, node_seconds: np.ndarray) -> np.ndarray:
    times = np.asarray(node_seconds, dtype=np.float64)
    if times.shape != (net.n_nodes,):
        msg = _(
            "`node_seconds` should hold one time per network node ({nodes}), got shape {shape}"
        ).format(nodes=net.n_nodes, shape=times.shape)
        raise InputError(msg)
    if np.isnan(times).any() or (times < 0).any():
        msg = _(
            "`node_seconds` should be 0 or more seconds, or inf where unreachable; got NaN or < 0"
        )
        raise InputError(msg)
    return times


def _check_bands(bands_minutes: Sequence[float]) -> np.ndarray:
    try:
        bands = np.asarray(list(bands_minutes), dtype=np.float64)
    except (TypeError, ValueError):
        msg = _("`bands_minutes` should be numbers of minutes, got {value!r}")
        msg = msg.format(value=bands_minutes)
        raise InputError(msg) from None
    if bands.size == 0 or not np.isfinite(bands).all() or (bands <= 0).any():
        msg = _("`bands_minutes` should be positive finite minutes, got {value}")
        msg = msg.format(value=list(bands_minutes))
        raise InputError(msg)
    return np.unique(bands)


def _check_positive(**values: float) -> None:
    for name, value in values.items():
        if not (value > 0 and math.isfinite(value)):
            msg = _("`{name}` should be a positive finite number, got {value!r}")
            msg = msg.format(name=name, value=value)
            raise InputError(msg)
