"""Compiled searches whose cost is the size of what they find, not the size of the network.

scipy's Dijkstra allocates and scans arrays of the whole network on every call, so one small
search on a national network costs as much as a large one. The two searches here (numba, compiled
on first use and cached beside this file) touch only the nodes they reach:

- `pruned_search`: from one new lab, the nodes it wins against the times already known (the
  add-a-hub what-if);
- `bounded_searches`: from each of many sites, the nodes within a time limit (siting's coverage
  pairs, per-lab catchments).

Both keep Dijkstra's arithmetic: a node's time is its predecessor's time plus the arc, taken only
when strictly smaller, so the times equal scipy's to the last bit. The work arrays of the
network's size (`SearchArrays`) come in all ``inf`` / ``-1`` and are left that way, so a search
costs what it visits; the searches release the GIL, so threads run several at once.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from ccgeo.model.compiled import CACHE as _CACHE

#: No time known anywhere (`_search`'s ``known`` for searches bounded by a time limit only).
_NO_TIMES = np.empty(0, dtype=np.float64)


@njit(cache=_CACHE, nogil=True)
def _grow(values, size):  # pragma: no cover - compiled
    """A copy of ``values[:size]`` with twice the room."""
    grown = np.empty(2 * len(values), dtype=values.dtype)
    grown[:size] = values[:size]
    return grown


@njit(cache=_CACHE, nogil=True)
def _in_order(found, values):  # pragma: no cover - compiled
    """``found`` (indices whose ``values`` are finite) sorted: by a scan of ``values`` when they
    are many (a sequential pass beats a sort), else by sorting them."""
    if 16 * len(found) < len(values):
        return np.sort(found)
    out = np.empty(len(found), dtype=np.int64)
    k = 0
    for v in range(len(values)):
        if values[v] != np.inf:
            out[k] = v
            k += 1
    return out


@njit(cache=_CACHE, nogil=True)
def _sift_down(keys, heap, size):  # pragma: no cover - compiled
    """After the root of a binary min-heap of (time, node) was taken: move its last entry, now
    at ``size``, down from the root into place (``size`` entries are left)."""
    last_k, last_n = keys[size], heap[size]
    i = 0
    while True:
        child = 2 * i + 1
        if child >= size:
            break
        if child + 1 < size and keys[child + 1] < keys[child]:
            child += 1
        if last_k <= keys[child]:
            break
        keys[i] = keys[child]
        heap[i] = heap[child]
        i = child
    if size > 0:
        keys[i] = last_k
        heap[i] = last_n


@njit(cache=_CACHE, nogil=True)
def _sift_up(keys, heap, size, key, node):  # pragma: no cover - compiled
    """Add (``key``, ``node``) to a heap of ``size`` entries (room for one more), moving it up
    from the end into place."""
    i = size
    while i > 0:
        parent = (i - 1) >> 1
        if keys[parent] <= key:
            break
        keys[i] = keys[parent]
        heap[i] = heap[parent]
        i = parent
    keys[i] = key
    heap[i] = node


@njit(cache=_CACHE, nogil=True)
def _search(indptr, indices, data, source, known, limit, time, pred):  # pragma: no cover
    """Dijkstra from ``source`` that keeps a node only while its time beats ``known`` (strictly;
    an empty ``known`` is beaten everywhere) and stays within ``limit``; returns the nodes kept,
    in the order found.

    The queue is a binary min-heap of (time, node) with stale entries skipped when popped
    (`_sift_down`, `_sift_up`, compiled into this loop): the loop is the whole cost of a search.
    """
    keys = np.empty(1024, dtype=np.float64)
    heap = np.empty(1024, dtype=np.int64)
    found = np.empty(1024, dtype=np.int64)
    anything = len(known) == 0  # no time known anywhere: every node may be improved
    if not ((anything or known[source] > 0.0) and limit >= 0.0):
        return found[:0]
    time[source] = 0.0
    found[0] = source
    n_found = 1
    keys[0] = 0.0
    heap[0] = source
    size = 1
    while size > 0:
        d, u = keys[0], heap[0]
        size -= 1
        _sift_down(keys, heap, size)
        if d > time[u]:
            continue  # a stale entry: u was reached faster since
        for a in range(indptr[u], indptr[u + 1]):
            v = indices[a]
            t = d + data[a]
            if t < time[v] and (anything or t < known[v]) and t <= limit:
                if time[v] == np.inf:
                    if n_found == len(found):
                        found = _grow(found, n_found)
                    found[n_found] = v
                    n_found += 1
                time[v] = t
                if len(pred):  # bounded searches keep no paths
                    pred[v] = u
                if size == len(keys):
                    keys = _grow(keys, size)
                    heap = _grow(heap, size)
                _sift_up(keys, heap, size, t, v)
                size += 1
    return found[:n_found]


@njit(cache=_CACHE, nogil=True)
def _pruned(indptr, indices, data, source, known, limit, time, pred):  # pragma: no cover
    found = _search(indptr, indices, data, source, known, limit, time, pred)
    nodes = _in_order(found, time)
    seconds = time[nodes].copy()
    before = pred[nodes].copy()
    for v in nodes:  # leave the work arrays as they came
        time[v] = np.inf
        pred[v] = -1
    return nodes, seconds, before


@njit(cache=_CACHE, nogil=True)
def _bounded(indptr, indices, data, sources, limit, no_times, time, pred):  # pragma: no cover
    counts = np.zeros(len(sources), dtype=np.int64)
    nodes_out = np.empty(1024, dtype=np.int64)
    secs_out = np.empty(1024, dtype=np.float64)
    total = 0
    for i in range(len(sources)):
        found = _search(indptr, indices, data, sources[i], no_times, limit, time, pred)
        found = _in_order(found, time)
        k = len(found)
        if total + k > len(nodes_out):
            cap = max(2 * len(nodes_out), total + k)
            grown_n = np.empty(cap, dtype=np.int64)
            grown_s = np.empty(cap, dtype=np.float64)
            grown_n[:total] = nodes_out[:total]
            grown_s[:total] = secs_out[:total]
            nodes_out, secs_out = grown_n, grown_s
        for j in range(k):
            v = found[j]
            nodes_out[total + j] = v
            secs_out[total + j] = time[v]
            time[v] = np.inf
            if len(pred):  # leave the paths as they came too, when kept
                pred[v] = -1
        counts[i] = k
        total += k
    return counts, nodes_out[:total], secs_out[:total]


@njit(cache=_CACHE, nogil=True)
def _point_pairs(counts, nodes, seconds, starts, point, walk, limit, n_points):  # pragma: no cover
    best = np.full(n_points, np.inf)
    touched = np.empty(1024, dtype=np.int64)
    out_site = np.empty(1024, dtype=np.int64)
    out_point = np.empty(1024, dtype=np.int64)
    out_secs = np.empty(1024, dtype=np.float64)
    total = 0
    at = 0
    for site in range(len(counts)):
        n_touched = 0
        for j in range(at, at + counts[site]):
            v, t = nodes[j], seconds[j]
            for e in range(starts[v], starts[v + 1]):
                s = t + walk[e]
                p = point[e]
                if s <= limit and s < best[p]:
                    if best[p] == np.inf:
                        if n_touched == len(touched):
                            touched = _grow(touched, n_touched)
                        touched[n_touched] = p
                        n_touched += 1
                    best[p] = s
        at += counts[site]
        done = _in_order(touched[:n_touched], best)
        while total + n_touched > len(out_site):
            out_site = _grow(out_site, total)
            out_point = _grow(out_point, total)
            out_secs = _grow(out_secs, total)
        for j in range(n_touched):
            p = done[j]
            out_site[total + j] = site
            out_point[total + j] = p
            out_secs[total + j] = best[p]
            best[p] = np.inf
        total += n_touched
    return out_site[:total], out_point[:total], out_secs[:total]


def point_pairs(
    counts: np.ndarray,
    nodes: np.ndarray,
    seconds: np.ndarray,
    starts: np.ndarray,
    point: np.ndarray,
    walk: np.ndarray,
    limit: float,
    n_points: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(site, point, seconds) of every point a site reaches within ``limit``.

    Site ``i`` reaches ``counts[i]`` nodes (``nodes``, ``seconds``, one site after another); node
    ``v`` is ``walk[e]`` seconds from the points ``point[e]``, ``e`` in
    ``starts[v]:starts[v + 1]``. A point's time is the best over its nodes of network time + walk,
    the access rule; pairs come by site, then point.
    """
    return _point_pairs(counts, nodes, seconds, starts, point, walk, float(limit), int(n_points))


@njit(cache=_CACHE, nogil=True)
def _nearest(indptr, indices, data, sources, limit, stop, dist, pred, src):  # pragma: no cover
    """Multi-source Dijkstra: every node's time from the nearest source within ``limit``, the
    node before it and that source; ends early (returns False) when ``stop[0]`` is set."""
    size = len(sources)
    keys = np.empty(max(1024, 2 * size), dtype=np.float64)
    heap = np.empty(len(keys), dtype=np.int64)
    for i in range(size):  # all at time 0: any order is a heap
        s = sources[i]
        dist[s] = 0.0
        src[s] = s
        keys[i] = 0.0
        heap[i] = s
    pops = 0
    while size > 0:
        d, u = keys[0], heap[0]
        size -= 1
        _sift_down(keys, heap, size)
        if d > dist[u]:
            continue
        pops += 1
        if (pops & 0xFFFF) == 0 and stop[0]:
            return False
        for a in range(indptr[u], indptr[u + 1]):
            v = indices[a]
            t = d + data[a]
            if t < dist[v] and t <= limit:
                dist[v] = t
                pred[v] = u
                src[v] = src[u]
                if size == len(keys):
                    keys = _grow(keys, size)
                    heap = _grow(heap, size)
                _sift_up(keys, heap, size, t, v)
                size += 1
    return True


def nearest_search(
    indptr: np.ndarray,
    indices: np.ndarray,
    data: np.ndarray,
    sources: np.ndarray,
    limit: float,
    cancel: object | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Time from the nearest of ``sources`` (unique nodes) to every node within ``limit``.

    The search runs in a thread of its own, so that Cancel stops it within a tenth of a second
    (it looks at a stop flag every 65,536 nodes).

    Returns
    -------
    seconds : float64 (n,)
        ``inf`` beyond ``limit`` or unreachable.
    pred : int64 (n,)
        The node before each on its path from its source; -1 at the sources and where unreached.
    source : int64 (n,)
        The source each node's time comes from; -1 where unreached.
    """
    from ccgeo.errors import call_cancellable

    n = len(indptr) - 1
    dist = np.full(n, np.inf)
    pred = np.full(n, -1, dtype=np.int64)
    src = np.full(n, -1, dtype=np.int64)
    stop = np.zeros(1, dtype=np.uint8)
    sources = np.asarray(sources, dtype=np.int64)
    args = (indptr, indices, data, sources, float(limit), stop, dist, pred, src)

    def tell_stop() -> None:
        stop[0] = 1

    call_cancellable(_nearest, *args, cancel=cancel, on_cancel=tell_stop)
    return dist, pred, src


class SearchArrays:
    """The work arrays of one search at a time on a network of ``n`` nodes: ``time`` (all
    ``inf``) and ``pred`` (all -1; empty for `bounded_searches`, which keep no paths), which
    every search leaves as it found them. One per thread."""

    def __init__(self, n: int, *, paths: bool = True) -> None:
        self.time = np.full(n, np.inf)
        self.pred = np.full(n if paths else 0, -1, dtype=np.int64)


def pruned_search(
    indptr: np.ndarray,
    indices: np.ndarray,
    data: np.ndarray,
    source: int,
    known: np.ndarray,
    limit: float,
    work: SearchArrays,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The nodes whose time from ``source`` beats ``known`` strictly and is ≤ ``limit``.

    Returns ``(nodes, seconds, pred)``: the nodes sorted, their times from ``source`` and the node
    before each on its path (-1 at the source).
    """
    return _pruned(
        indptr, indices, data, np.int64(source), known, float(limit), work.time, work.pred
    )


def bounded_searches(
    indptr: np.ndarray,
    indices: np.ndarray,
    data: np.ndarray,
    sources: np.ndarray,
    limit: float,
    work: SearchArrays,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The nodes within ``limit`` (inclusive) of each source, one search each.

    Returns ``(counts, nodes, seconds)``: source ``i`` reaches ``counts[i]`` nodes, listed after
    those of the sources before it, sorted by node index, with their times.
    """
    sources = np.asarray(sources, np.int64)
    return _bounded(indptr, indices, data, sources, float(limit), _NO_TIMES, work.time, work.pred)


def warm_up() -> None:
    """Compile the searches (or load them from the cache) on a network of one node, so that
    the first real search, a user's click, does not wait for it."""
    indptr = np.zeros(2, dtype=np.int32)  # as scipy keeps them below 2**31 arcs
    indices = np.zeros(0, dtype=np.int32)
    data = np.zeros(0, dtype=np.float64)
    work = SearchArrays(1)
    pruned_search(indptr, indices, data, 0, np.full(1, np.inf), np.inf, work)
    bounded_searches(indptr, indices, data, np.zeros(1, np.int64), 0.0, work)


# -- isochrones: times along the roads, on a grid ----------------------------------------------


@njit(cache=_CACHE, nogil=True)
def _time_along(frac, drive, foot, t_u, t_v, open_u, open_v):  # pragma: no cover - compiled
    """Seconds from ``frac`` (0 at ``u``, 1 at ``v``) along an edge to the labs: to either end,
    driving where the mode may drive that way (else walking), then that end's time."""
    best = np.inf
    for share, t_end, open_ in ((frac, t_u, open_u), (1.0 - frac, t_v, open_v)):
        on_foot = share * foot
        way = min(share * drive, on_foot) if open_ else on_foot
        if way + t_end < best:
            best = way + t_end
    return best


@njit(cache=_CACHE, nogil=True)
def _times_along(frac, drive, foot, t_u, t_v, open_u, open_v):  # pragma: no cover - compiled
    out = np.empty(len(frac))
    for i in range(len(frac)):
        f = min(max(frac[i], 0.0), 1.0) if frac[i] == frac[i] else 0.0  # NaN: at u
        out[i] = _time_along(f, drive[i], foot[i], t_u[i], t_v[i], open_u[i], open_v[i])
    return out


def times_along(
    frac: np.ndarray,
    drive: np.ndarray,
    foot: np.ndarray,
    t_u: np.ndarray,
    t_v: np.ndarray,
    open_u: np.ndarray,
    open_v: np.ndarray,
) -> np.ndarray:
    """Seconds from points along edges to the labs (per point: its place ``frac`` from ``u``,
    the edge's driving and walking seconds, its ends' times, which ends the mode may drive
    towards); ``frac`` outside 0-1 is clipped, NaN taken as 0."""
    return _times_along(
        np.ascontiguousarray(frac, dtype=np.float64), drive, foot, t_u, t_v, open_u, open_v
    )


@njit(cache=_CACHE, nogil=True)
def _straight_cells(
    node_xy,
    edge_u,
    edge_v,
    edges,
    n,
    first,
    count,
    times,
    drive,
    length,
    walk_mps,
    open_u,
    open_v,
    grid,
    out,
):  # pragma: no cover - compiled
    """The least time of points ``(j + first) / n`` of the way along each straight edge, put in
    the cells of a grid (``grid``: x0, cell width, y0, cell height, rows, cols)."""
    x0, a, y0, e, rows, cols = grid[0], grid[1], grid[2], grid[3], int(grid[4]), int(grid[5])
    for i in range(len(edges)):
        ed = edges[i]
        u, v = edge_u[ed], edge_v[ed]
        xu, yu = node_xy[u, 0], node_xy[u, 1]
        dx, dy = node_xy[v, 0] - xu, node_xy[v, 1] - yu
        for j in range(count[i]):
            frac = (j + first[i]) / n[i]
            col = int(np.floor((xu + frac * dx - x0) / a))
            row = int(np.floor((yu + frac * dy - y0) / e))
            if 0 <= row < rows and 0 <= col < cols:
                foot = length[ed] / walk_mps
                s = _time_along(frac, drive[ed], foot, times[u], times[v], open_u[ed], open_v[ed])
                k = row * cols + col
                if s < out[k]:
                    out[k] = s


def straight_cells(
    node_xy: np.ndarray,
    edge_u: np.ndarray,
    edge_v: np.ndarray,
    edges: np.ndarray,
    n: np.ndarray,
    first: np.ndarray,
    count: np.ndarray,
    ways: tuple[np.ndarray, ...],
    grid: tuple[float, float, float, float, int, int],
    out: np.ndarray,
) -> None:
    """Put into ``out`` (a flat grid, least time kept) the points ``(j + first) / n`` of the way
    along each straight edge of ``edges``, ``j < count``: ``ways`` is ``(times per node, drive
    seconds, length in metres, walking speed in m/s, open towards u, open towards v per edge)``;
    ``grid`` is ``(x0, cell width, y0, cell height, rows, cols)`` of an affine north-up grid."""
    times, drive, length, walk_mps, open_u, open_v = ways
    _straight_cells(
        node_xy,
        edge_u,
        edge_v,
        edges,
        n,
        first,
        count,
        times,
        drive,
        length,
        float(walk_mps),
        open_u,
        open_v,
        np.asarray(grid, dtype=np.float64),
        out,
    )
