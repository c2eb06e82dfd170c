"""The nearest point on a road: an exact nearest-segment search over a network's edge geometry.

A house is tied to the road it stands beside, not to the nearest junction: on a long street the
junction may be hundreds of metres away while the road is at the door. `RoadIndex` finds, for
many points at once, the nearest point on any edge (its distance, the edge, and how far along
the edge it lies).

How it stays small. Every straight segment of every edge is cut into equal pieces no longer than
a length chosen for the network (about `_PIECES_PER_SEGMENT` pieces per segment on average, so
a country of long straight roads keeps few pieces). A piece is stored as its start point only:
it ends where the next piece of its edge starts, or at the edge's last vertex, kept once per
edge. The pieces are grouped by place into tiles of at most `_TILE_PIECES`, each with its own
KD-tree over the start points: a tile builds in a fraction of a second, so the build reports
progress and can be cancelled between tiles.

How it stays exact. Let ``reach`` be the longest piece of a tile. A point whose nearest road
point ``p`` lies at distance ``d`` on a piece of that tile is within ``d + reach`` of the piece's
start (the start lies within ``reach`` of ``p``). So, within a tile, the exact distances to the
pieces of the ``k`` nearest starts give the true answer whenever the ``k``-th start lies farther
than the best distance found plus ``reach``; points where that cannot be shown are searched
again with more pieces, and finally with every start within that radius. A tile is searched at
all only while its bounding box of starts lies within the best distance plus its ``reach``;
tiles are visited nearest first, so most points look at one or two.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, fields

import numpy as np
from pyproj import CRS
from scipy.spatial import cKDTree

from ccgeo.errors import check_cancel
from ccgeo.geo import project_lonlat
from ccgeo.i18n import _
from ccgeo.progress import ProgressCallback, report_progress

#: Pieces per straight segment the index aims at, on average: fewer pieces make a smaller index
#: and a longer ``reach``, so more points are searched again.
_PIECES_PER_SEGMENT = 1.5
#: Most pieces in one tile (one KD-tree): a tile builds in well under a second.
_TILE_PIECES = 1 << 19
#: Pieces looked at per point on the first pass, then on the second.
_FIRST_K, _SECOND_K = 8, 32
#: Points searched at once: the work arrays stay near 10 MB each.
_CHUNK = 32_768
#: Vertices measured at once while preparing the pieces, between checks of Cancel.
_PREP_CHUNK = 1 << 20
#: Segment lengths sampled to choose the piece length.
_SAMPLE = 200_000
#: Points per KD-tree leaf: fewer tree nodes than SciPy's 16, at about the same query speed.
_LEAFSIZE = 32


@dataclass(frozen=True, eq=False)
class NearestRoad:
    """The nearest point on a road of each query point.

    Attributes
    ----------
    edge : int64 (n,)
        Edge of the network, -1 where no road lies within the distance asked.
    metres : float64 (n,)
        Distance to that point, metres (``inf`` where none).
    fraction : float64 (n,)
        Position of the point along the edge, 0 at ``u`` and 1 at ``v`` (NaN where none).
    """

    edge: np.ndarray
    metres: np.ndarray
    fraction: np.ndarray


@dataclass(frozen=True, eq=False)
class RoadPieces:
    """Straight pieces of some edges, in metres (`RoadIndex.pieces`).

    Attributes
    ----------
    edge : int64 (n,)
        Edge of each piece.
    start, step : float64 (n, 2)
        Start of each piece and the vector to its end.
    along : float64 (n,)
        Distance from the edge's first vertex to the piece's start along the edge, metres.
    edge_length : float64 (n,)
        Length of the piece's edge, metres.
    """

    edge: np.ndarray
    start: np.ndarray
    step: np.ndarray
    along: np.ndarray
    edge_length: np.ndarray

    def __len__(self) -> int:
        return len(self.edge)


def _expand(counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For ``counts``: the item of each of their ``sum(counts)`` slots and its rank in the item."""
    k = np.repeat(np.arange(len(counts)), counts)
    j = np.arange(len(k)) - np.repeat(np.cumsum(counts) - counts, counts)
    return k, j


class ProjectedVertices:
    """Vertices in lon/lat degrees, seen in metres: indexing projects only the rows asked for,
    so that the index build never holds a second copy of a country's road geometry.

    Parameters
    ----------
    lonlat
        ``(k, 2)`` degrees, EPSG:4326.
    crs
        The metric CRS to project to.
    """

    def __init__(self, lonlat: np.ndarray, crs: CRS) -> None:
        self.lonlat, self.crs = lonlat, crs

    def __len__(self) -> int:
        return len(self.lonlat)

    def __getitem__(self, key: slice | np.ndarray) -> np.ndarray:
        return project_lonlat(self.lonlat[key], self.crs)


#: Vertices in metres: an array, or `ProjectedVertices` projecting on demand.
Vertices = np.ndarray | ProjectedVertices


def _segment_lengths(vertex_xy: Vertices, cancel: threading.Event | None) -> np.ndarray:
    """Length of the segment from each vertex to the next, metres, in chunks of `_PREP_CHUNK`
    between checks of ``cancel``."""
    seg_len = np.empty(max(len(vertex_xy) - 1, 0))
    for lo in range(0, len(seg_len), _PREP_CHUNK):
        check_cancel(cancel)
        hi = min(len(seg_len), lo + _PREP_CHUNK)
        part = vertex_xy[lo : hi + 1]
        step = part[1:] - part[:-1]
        seg_len[lo:hi] = np.hypot(step[:, 0], step[:, 1])
    return seg_len


def _segment_pieces(
    seg_len: np.ndarray, joins: np.ndarray, piece_m: float, cancel: threading.Event | None
) -> np.ndarray:
    """Pieces of each segment (0 where it does not join two vertices of one edge), as floats, in
    chunks of `_PREP_CHUNK` between checks of ``cancel``."""
    n_pieces = np.zeros(len(seg_len))
    for lo in range(0, len(seg_len), _PREP_CHUNK):
        check_cancel(cancel)
        part = slice(lo, lo + _PREP_CHUNK)
        n_pieces[part] = np.where(
            joins[part], np.maximum(1.0, np.ceil(seg_len[part] / piece_m)), 0.0
        )
    return n_pieces


def _piece_length(seg_len: np.ndarray) -> float:
    """Longest piece such that cutting ``seg_len`` gives about `_PIECES_PER_SEGMENT` each."""
    sample = seg_len[:: max(1, len(seg_len) // _SAMPLE)]
    top = float(sample.max()) if len(sample) else 0.0
    if top <= 0.0:
        return 1.0
    target = _PIECES_PER_SEGMENT * len(sample)
    lo, hi = top * 1e-6, top  # pieces(hi) = len(sample) <= target; bisect on a log scale
    for _step in range(40):
        mid = float(np.sqrt(lo * hi))
        if np.maximum(1.0, np.ceil(sample / mid)).sum() > target:
            lo = mid
        else:
            hi = mid
    return hi


class _Tile:
    """Pieces of some edges of one place, with a KD-tree over their start points.

    Parameters
    ----------
    edge
        int32 ``(m,)`` the edges, ascending.
    first
        int32 ``(m + 1,)`` edge ``i`` has the pieces ``first[i]:first[i + 1]``.
    xy
        ``(p + m, 2)`` the start of every piece, edge after edge, then each edge's last vertex.
    """

    def __init__(self, edge: np.ndarray, first: np.ndarray, xy: np.ndarray) -> None:
        self.edge, self.first, self.xy = edge, first, xy
        self.size = int(first[-1])
        # rank structure over "piece starts an edge": a bit per piece in 64-bit words, and the
        # edges begun before each word; a piece's edge costs two lookups, not a binary search
        heads = np.zeros(-(-(self.size + 1) // 64) * 64, dtype=bool)
        heads[first] = True  # first[-1] = size: the end, so that "next is a head" means last
        self._words = np.packbits(heads, bitorder="little").view(np.uint64)
        counted = np.bitwise_count(self._words).astype(np.int32)
        self._before = np.cumsum(counted) - counted
        self.tree = cKDTree(xy[: self.size], leafsize=_LEAFSIZE, balanced_tree=False)
        self.reach = float(np.sqrt(self._length2(np.arange(self.size)).max()))

    def _edge_of(self, piece: np.ndarray) -> np.ndarray:
        """Tile-local edge of each piece."""
        word = piece >> 6
        below = np.uint64(0xFFFF_FFFF_FFFF_FFFF) >> (63 - (piece & 63)).astype(np.uint64)
        return self._before[word] + np.bitwise_count(self._words[word] & below) - 1

    def _is_head(self, piece: np.ndarray) -> np.ndarray:
        """Whether each piece (or the end, ``size``) starts an edge."""
        bit = (piece & 63).astype(np.uint64)
        return ((self._words[piece >> 6] >> bit) & np.uint64(1)).astype(bool)

    def step(self, piece: np.ndarray) -> np.ndarray:
        """``(..., 2)`` the vector from the start to the end of each piece."""
        local = self._edge_of(piece)
        last = self._is_head(piece + 1)
        end = np.where(last, self.size + local, piece + 1)
        return self.xy[end] - self.xy[piece]

    def _length2(self, piece: np.ndarray) -> np.ndarray:
        d = self.step(piece)
        return np.einsum("...j,...j->...", d, d)

    def pieces(self, local: np.ndarray) -> RoadPieces:
        """Every piece of the tile-local edges ``local`` (distinct), edge after edge."""
        counts = self.first[local + 1] - self.first[local]
        k, j = _expand(counts)
        piece = self.first[local][k] + j
        step = self.step(piece)
        length = np.hypot(step[:, 0], step[:, 1])
        before = np.cumsum(length) - length
        if not len(piece):
            return RoadPieces(piece, self.xy[piece], step, length, length)
        head = np.cumsum(counts) - counts  # each edge's first slot (every edge has a piece)
        edge_length = np.add.reduceat(length, head)
        return RoadPieces(
            self.edge[local][k].astype(np.int64),
            self.xy[piece],
            step,
            before - before[head][k],
            edge_length[k],
        )

    def locate(self, piece: np.ndarray, t: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Edge of each piece and the fraction along the edge of the point ``t`` (0..1) on it."""
        local, inverse = np.unique(self._edge_of(piece), return_inverse=True)
        counts = self.first[local + 1] - self.first[local]
        lines = self.pieces(local)
        slot = (np.cumsum(counts) - counts)[inverse] + piece - self.first[local][inverse]
        length = np.hypot(lines.step[slot, 0], lines.step[slot, 1])
        along = lines.along[slot] + t * length
        total = lines.edge_length[slot]
        fraction = np.divide(along, total, out=np.zeros(len(piece)), where=total > 0)
        return lines.edge[slot], np.clip(fraction, 0.0, 1.0)


class RoadIndex:
    """Pieces of road in metres in tiles of KD-trees (see the module docstring).

    Parameters
    ----------
    vertex_xy
        ``(k, 2)`` vertices of every edge's geometry in metres, edge after edge (an array, or
        `ProjectedVertices` to project them tile by tile).
    offsets
        ``(e + 1,)`` edge ``i`` has the vertices ``vertex_xy[offsets[i]:offsets[i + 1]]``.
    progress
        ``progress(fraction, text)`` during the build.
    cancel
        Set to stop the build (`ccgeo.errors.Cancelled` is raised within a tile's build).
    """

    def __init__(
        self,
        vertex_xy: Vertices,
        offsets: np.ndarray,
        *,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> None:
        if not isinstance(vertex_xy, ProjectedVertices):
            vertex_xy = np.asarray(vertex_xy, dtype=np.float64)
        offsets = np.asarray(offsets, dtype=np.int64)
        counts = np.diff(offsets)
        check_cancel(cancel)
        report_progress(progress, 0.0, _("indexing the roads"))
        # a segment joins vertex j to j + 1 of the same edge
        seg_len = _segment_lengths(vertex_xy, cancel)
        joins = np.ones(len(seg_len), dtype=bool)
        joins[offsets[1:][(counts > 0) & (offsets[1:] <= len(seg_len))] - 1] = False
        self.piece_m = _piece_length(seg_len[joins])
        check_cancel(cancel)
        n_pieces = _segment_pieces(seg_len, joins, self.piece_m, cancel)
        del seg_len, joins
        edges = np.flatnonzero(counts >= 2)
        check_cancel(cancel)
        per_edge = np.add.reduceat(n_pieces, offsets[edges]).astype(np.int64) if len(edges) else []
        del n_pieces
        check_cancel(cancel)
        self._tiles: list[_Tile] = []
        anchor = vertex_xy[offsets[edges]]  # a point of each edge, to lay the tiles by place
        groups = _tile_groups(anchor, np.asarray(per_edge, dtype=np.int64), cancel)
        del anchor, per_edge
        for i, group in enumerate(groups):
            check_cancel(cancel)
            report_progress(progress, i / len(groups), _("indexing the roads"))
            self._tiles.append(self._tile(vertex_xy, offsets, np.sort(edges[group])))
        self._starts = np.cumsum([0] + [tile.size for tile in self._tiles])
        report_progress(progress, 1.0, _("indexing the roads"))

    def _tile(self, vertex_xy: Vertices, offsets: np.ndarray, edges: np.ndarray) -> _Tile:
        """The tile of ``edges`` (ascending, each with a segment)."""
        counts = offsets[edges + 1] - offsets[edges]
        k, j = _expand(counts)
        xy = vertex_xy[offsets[edges][k] + j]
        last = j == counts[k] - 1
        a = xy[:-1][~last[:-1]]
        d = xy[1:][~last[:-1]] - a
        n = np.maximum(1, np.ceil(np.hypot(d[:, 0], d[:, 1]) / self.piece_m)).astype(np.int64)
        seg, rank = _expand(n)
        starts = a[seg] + (rank / n[seg])[:, None] * d[seg]
        per_edge = np.bincount(k[:-1][~last[:-1]][seg], minlength=len(edges))
        first = np.zeros(len(edges) + 1, dtype=np.int32)
        np.cumsum(per_edge, out=first[1:])
        return _Tile(edges.astype(np.int32), first, np.concatenate([starts, xy[last]]))

    def __len__(self) -> int:
        return int(self._starts[-1])

    def pieces(self, edges: np.ndarray) -> RoadPieces:
        """The straight pieces of ``edges`` (distinct; edges without a segment have none)."""
        edges = np.asarray(edges, dtype=np.int64)
        parts = []
        for tile in self._tiles:
            pos = np.minimum(np.searchsorted(tile.edge, edges), len(tile.edge) - 1)
            local = pos[tile.edge[pos] == edges]
            if len(local):
                parts.append(tile.pieces(local))
        if not parts:
            none = np.zeros(0, dtype=np.int64)
            return RoadPieces(none, np.zeros((0, 2)), np.zeros((0, 2)), 1.0 * none, 1.0 * none)
        return RoadPieces(
            *(np.concatenate([getattr(p, f.name) for p in parts]) for f in fields(RoadPieces))
        )

    def nearest(
        self,
        xy: np.ndarray,
        *,
        max_m: float = np.inf,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> NearestRoad:
        """The nearest point on a road of each point within ``max_m`` metres (exact).

        ``progress(fraction, text)`` is told of each chunk of points searched; ``cancel`` is
        checked between chunks (`ccgeo.errors.Cancelled`).
        """
        xy = np.asarray(xy, dtype=np.float64).reshape(-1, 2)
        n = len(xy)
        best = _Best(n)
        for lo in range(0, n if self._tiles else 0, _CHUNK):  # chunks bound the (n, k) arrays
            check_cancel(cancel)
            report_progress(progress, lo / n, _("finding the nearest roads"))
            self._search_tiles(xy, np.arange(lo, min(n, lo + _CHUNK)), max_m, best, cancel)
        found = best.metres <= max_m
        edge = np.full(n, -1, dtype=np.int64)
        fraction = np.full(n, np.nan)
        for i, tile in enumerate(self._tiles):
            check_cancel(cancel)
            rows = np.flatnonzero(found & (best.tile == i))
            if len(rows):
                edge[rows], fraction[rows] = tile.locate(best.piece[rows], best.t[rows])
        return NearestRoad(edge, np.where(found, best.metres, np.inf), fraction)

    def _search_tiles(
        self,
        xy: np.ndarray,
        rows: np.ndarray,
        max_m: float,
        best: _Best,
        cancel: threading.Event | None,
    ) -> None:
        """Search the tiles that may hold a nearer piece, nearest first (module docstring),
        checking ``cancel`` before each tile."""
        lo = np.array([tile.tree.mins for tile in self._tiles])
        hi = np.array([tile.tree.maxes for tile in self._tiles])
        reach = np.array([tile.reach for tile in self._tiles])
        p = xy[rows][:, None, :]
        outside = np.maximum(np.maximum(lo - p, p - hi), 0.0)
        gap = np.hypot(outside[..., 0], outside[..., 1]) - reach  # (n, tiles)
        order = np.argsort(gap, axis=1)
        for rank in range(len(self._tiles)):
            tile = order[:, rank]
            open_ = gap[np.arange(len(rows)), tile] <= np.minimum(best.metres[rows], max_m)
            if not open_.any():
                break
            for i in np.unique(tile[open_]):
                check_cancel(cancel)
                self._search_tile(i, xy, rows[open_ & (tile == i)], max_m, best)

    def _search_tile(
        self, i: int, xy: np.ndarray, todo: np.ndarray, max_m: float, best: _Best
    ) -> None:
        """Look at the pieces of tile ``i`` with the nearest starts, more while unsure."""
        tile = self._tiles[i]
        for k in (_FIRST_K, _SECOND_K):
            k = min(k, tile.size)
            bound = float(np.minimum(best.metres[todo], max_m).max()) + tile.reach
            start_m, idx = tile.tree.query(xy[todo], k=k, distance_upper_bound=bound)
            start_m = np.asarray(start_m, dtype=np.float64).reshape(len(todo), k)
            idx = np.asarray(idx, dtype=np.int64).reshape(len(todo), k)
            best.evaluate(i, tile, xy, todo, idx)
            if k == tile.size:
                return
            # a nearer piece may start beyond the k-th start only within best + reach
            radius = np.minimum(best.metres[todo], max_m) + tile.reach
            todo = todo[np.isfinite(start_m[:, -1]) & (start_m[:, -1] <= radius)]
            if not len(todo):
                return
        for j in todo:  # rare: crowded pieces; every start within the proven radius
            near = tile.tree.query_ball_point(xy[j], min(max_m, best.metres[j]) + tile.reach)
            if near:
                best.evaluate(i, tile, xy, np.array([j]), np.array([near]))


class _Best:
    """The nearest piece found so far of each query point: tile, piece, metres, ``t`` along it."""

    def __init__(self, n: int) -> None:
        self.tile = np.full(n, -1, dtype=np.int64)
        self.piece = np.full(n, -1, dtype=np.int64)
        self.metres = np.full(n, np.inf)
        self.t = np.full(n, np.nan)

    def evaluate(
        self, i: int, tile: _Tile, xy: np.ndarray, rows: np.ndarray, idx: np.ndarray
    ) -> None:
        """Exact distance from ``xy[rows]`` to the pieces ``idx`` (n, k; ``tile.size`` = none) of
        tile ``i``; keep the best."""
        valid = idx < tile.size
        safe = np.where(valid, idx, 0)
        step = tile.step(safe)
        dx, dy = step[..., 0], step[..., 1]
        rx = xy[rows, 0][:, None] - tile.xy[safe, 0]
        ry = xy[rows, 1][:, None] - tile.xy[safe, 1]
        length2 = dx * dx + dy * dy
        tt = np.clip(
            np.divide(rx * dx + ry * dy, length2, out=np.zeros_like(rx), where=length2 > 0),
            0.0,
            1.0,
        )
        rx -= tt * dx
        ry -= tt * dy
        gap2 = np.where(valid, rx * rx + ry * ry, np.inf)
        pick = np.argmin(gap2, axis=1)
        r = np.arange(len(rows))
        dist = np.sqrt(gap2[r, pick])
        better = dist < self.metres[rows]
        hit = rows[better]
        self.metres[hit] = dist[better]
        self.tile[hit] = i
        self.piece[hit] = safe[r, pick][better]
        self.t[hit] = tt[r, pick][better]


def _tile_groups(
    anchor: np.ndarray, pieces: np.ndarray, cancel: threading.Event | None = None
) -> list[np.ndarray]:
    """Positions of edges in tiles of at most about `_TILE_PIECES` pieces, by place.

    ``anchor`` is a point of each edge; the edges are cut into strips of equal count by x, each
    strip sorted by y (a strip at a time, between checks of ``cancel``) and cut into runs of
    equal pieces.
    """
    total = int(pieces.sum())
    if not total:
        return []
    n_tiles = -(-total // _TILE_PIECES)
    n_strips = int(np.ceil(np.sqrt(n_tiles)))
    per_strip = -(-n_tiles // n_strips)
    sample = anchor[:: max(1, len(anchor) // _SAMPLE), 0]
    cuts = np.quantile(sample, np.arange(1, n_strips) / n_strips)
    strip = np.searchsorted(cuts, anchor[:, 0])
    check_cancel(cancel)
    span = float(np.ptp(anchor[:, 1])) + 1.0
    dy = anchor[:, 1] - anchor[:, 1].min()
    groups = []
    for i in range(n_strips):
        check_cancel(cancel)
        members = np.flatnonzero(strip == i)
        # strip * span + dy orders the strips apart (dy < span), then by y within each
        order = members[np.argsort(i * span + dy[members], kind="stable")]
        cum = np.cumsum(pieces[order])
        if not len(cum):
            continue
        cut = np.searchsorted(cum, np.arange(1, per_strip) * cum[-1] / per_strip, side="right")
        groups.extend(np.split(order.astype(np.int32), np.unique(cut)))
    return [g for g in groups if len(g)]
