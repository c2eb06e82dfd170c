"""The nearest point on a road: an exact nearest-segment search over a network's edge geometry.

A house is tied to the road it stands beside, not to the nearest junction: on a long street the
junction may be hundreds of metres away while the road is at the door. `RoadIndex` finds, for
many points at once, the nearest point on any edge (its distance, the edge, and how far along
the edge it lies).

How it stays fast and exact. Every straight segment of every edge is cut into pieces no longer
than `PIECE_M`, and a KD-tree holds the pieces' midpoints. A point's nearest piece lies within
``d + PIECE_M / 2`` of its midpoint, where ``d`` is the true distance; so the exact distance to
the pieces of the ``k`` nearest midpoints is the true answer whenever the ``k``-th midpoint lies
farther than the best distance found plus half a piece. Points where that cannot be shown are
searched again with more pieces, and finally with every piece within that radius.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.spatial import cKDTree

#: Longest piece of road in the index, metres (its half bounds the error of the midpoint search).
PIECE_M = 50.0
#: Pieces looked at per point on the first pass, then on the second.
_FIRST_K, _SECOND_K = 8, 32
#: Points searched at once: the work arrays stay near 10 MB each.
_CHUNK = 32_768


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


class RoadIndex:
    """Pieces of road in metres with a KD-tree over their midpoints (see the module docstring).

    Parameters
    ----------
    vertex_xy
        ``(k, 2)`` vertices of every edge's geometry in metres, edge after edge.
    offsets
        ``(e + 1,)`` edge ``i`` has the vertices ``vertex_xy[offsets[i]:offsets[i + 1]]``.
    """

    def __init__(self, vertex_xy: np.ndarray, offsets: np.ndarray) -> None:
        counts = np.diff(offsets)
        n_edges = len(counts)
        # a segment joins vertex j to j + 1 of the same edge
        last = np.zeros(len(vertex_xy), dtype=bool)
        last[offsets[1:][counts > 0] - 1] = True
        first_vertex = np.flatnonzero(~last)
        seg_edge = np.repeat(np.arange(n_edges), np.maximum(counts - 1, 0))
        a, b = vertex_xy[first_vertex], vertex_xy[first_vertex + 1]
        seg_len = np.hypot(*(b - a).T)
        ends = np.cumsum(seg_len)
        edge_start = np.zeros(n_edges + 1)
        np.add.at(edge_start[1:], seg_edge, seg_len)
        edge_start = np.cumsum(edge_start)
        seg_along = ends - seg_len - edge_start[seg_edge]
        self.edge_length = np.diff(edge_start)
        # pieces of at most PIECE_M
        n_pieces = np.maximum(1, np.ceil(seg_len / PIECE_M)).astype(np.int64)
        piece_seg = np.repeat(np.arange(len(seg_len)), n_pieces)
        k = np.arange(len(piece_seg)) - np.repeat(np.cumsum(n_pieces) - n_pieces, n_pieces)
        t0 = k / n_pieces[piece_seg]
        t1 = (k + 1) / n_pieces[piece_seg]
        direction = (b - a)[piece_seg]
        self.start = a[piece_seg] + t0[:, None] * direction
        self.step = (t1 - t0)[:, None] * direction
        self.edge = seg_edge[piece_seg]
        self.along = seg_along[piece_seg] + t0 * seg_len[piece_seg]
        self.length2 = np.einsum("ij,ij->i", self.step, self.step)
        self.half = 0.5 * float(np.sqrt(self.length2.max())) if len(self.step) else 0.0
        self.tree = cKDTree(self.start + 0.5 * self.step)

    def __len__(self) -> int:
        return len(self.edge)

    def nearest(self, xy: np.ndarray, *, max_m: float = np.inf) -> NearestRoad:
        """The nearest point on a road of each point within ``max_m`` metres (exact)."""
        xy = np.asarray(xy, dtype=np.float64).reshape(-1, 2)
        n = len(xy)
        piece = np.full(n, -1, dtype=np.int64)
        metres = np.full(n, np.inf)
        t = np.full(n, np.nan)
        for lo in range(0, n if len(self) else 0, _CHUNK):  # chunks bound the (n, k) arrays
            todo = np.arange(lo, min(n, lo + _CHUNK))
            for k in (_FIRST_K, _SECOND_K):
                todo = self._search(xy, todo, k, max_m, piece, metres, t)
                if not len(todo):
                    break
            for i in todo:  # rare: crowded pieces; every piece within the proven radius
                near = self.tree.query_ball_point(xy[i], min(max_m, metres[i]) + self.half)
                if near:
                    self._evaluate(xy, np.array([i]), np.array([near]), piece, metres, t)
        found = metres <= max_m
        safe = np.maximum(piece, 0)
        edge = np.where(found, self.edge[safe], -1) if len(self) else piece
        along = self.along[safe] + t * np.hypot(*self.step[safe].T) if len(self) else t
        length = self.edge_length[np.maximum(edge, 0)] if len(self) else t
        fraction = np.divide(along, length, out=np.zeros(n), where=length > 0)
        fraction = np.where(found, np.clip(fraction, 0.0, 1.0), np.nan)
        return NearestRoad(edge, np.where(found, metres, np.inf), fraction)

    def _search(
        self,
        xy: np.ndarray,
        todo: np.ndarray,
        k: int,
        max_m: float,
        piece: np.ndarray,
        metres: np.ndarray,
        t: np.ndarray,
    ) -> np.ndarray:
        """Look at the ``k`` pieces with the nearest midpoints; return the points left unsure."""
        k = min(k, len(self))
        bound = max_m + self.half if np.isfinite(max_m) else np.inf
        mid_m, idx = self.tree.query(xy[todo], k=k, distance_upper_bound=bound)
        mid_m = np.asarray(mid_m, dtype=np.float64).reshape(len(todo), k)
        idx = np.asarray(idx, dtype=np.int64).reshape(len(todo), k)
        self._evaluate(xy, todo, idx, piece, metres, t)
        # a nearer piece may hide beyond the k-th midpoint only if it lies within best + half
        unsure = np.isfinite(mid_m[:, -1]) & (mid_m[:, -1] <= metres[todo] + self.half)
        return todo[unsure]

    def _evaluate(
        self,
        xy: np.ndarray,
        rows: np.ndarray,
        idx: np.ndarray,
        piece: np.ndarray,
        metres: np.ndarray,
        t: np.ndarray,
    ) -> None:
        """Exact distance from ``xy[rows]`` to the pieces ``idx`` (n, k; ``len(self)`` = none);
        keep the best."""
        valid = idx < len(self)
        safe = np.where(valid, idx, 0)
        rx = xy[rows, 0][:, None] - self.start[safe, 0]
        ry = xy[rows, 1][:, None] - self.start[safe, 1]
        dx, dy, length2 = self.step[safe, 0], self.step[safe, 1], self.length2[safe]
        tt = np.clip(
            np.divide(rx * dx + ry * dy, length2, out=np.zeros_like(rx), where=length2 > 0),
            0.0,
            1.0,
        )
        rx -= tt * dx
        ry -= tt * dy
        gap2 = np.where(valid, rx * rx + ry * ry, np.inf)
        best = np.argmin(gap2, axis=1)
        r = np.arange(len(rows))
        dist = np.sqrt(gap2[r, best])
        better = dist < metres[rows]
        hit = rows[better]
        metres[hit] = dist[better]
        piece[hit] = safe[r, best][better]
        t[hit] = tt[r, best][better]
