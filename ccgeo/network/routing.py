"""Travel times to labs on a `Network`: nearest lab, per-lab catchments, paths, what-if updates.

Every search is a Dijkstra in compiled code (`ccgeo.network.kernels`, or scipy.sparse.csgraph
for a single path and the local search of a removed hub); Python only prepares index arrays.
Times are seconds, ``inf`` where no lab can be reached; a time limit is inclusive (≤ limit).
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import dijkstra

from ccgeo.errors import InputError, check_cancel
from ccgeo.i18n import _, ngettext
from ccgeo.progress import ProgressCallback, report_progress

if TYPE_CHECKING:
    import threading
    from collections.abc import Callable, Iterator

    from ccgeo.model.network import Network

#: ``"to_lab"``: patients travel to the lab (one-way streets in the direction they drive);
#: ``"from_lab"``: from the lab outwards (a courier leaving a hub).
Direction = Literal["to_lab", "from_lab"]

#: Labs searched by one thread between two looks at Cancel (a search visits only its catchment).
_CATCHMENT_GROUP = 16


def _search_threads() -> int:
    """Threads for many bounded searches: the cores, at most 4 (each holds an array of the
    network's size)."""
    return min(4, os.cpu_count() or 1)


@dataclass(frozen=True, eq=False)
class NearestLab:
    """Time from every node to its nearest lab, and which lab that is.

    Attributes
    ----------
    seconds : float64 (n,)
        Travel time to the nearest lab, seconds; ``inf`` where none is reachable within
        ``max_seconds``.
    lab : int64 (n,)
        Index into ``lab_nodes`` of the lab reached, -1 where none. Of labs sharing a node, the
        lowest index is reported; of labs at exactly the same time but different nodes, either
        may be.
    next_node : int64 (n,)
        Next node on the way to that lab (``"to_lab"``) or previous node on the way from it
        (``"from_lab"``); -1 at the labs themselves and where none is reached.
    lab_nodes : int64 (k,)
        Network node of each lab; -1 for a lab removed in a what-if.
    max_seconds : float
        The time limit of the search (inclusive), ``inf`` for none.
    direction : str
        ``"to_lab"`` or ``"from_lab"``.
    """

    seconds: np.ndarray
    lab: np.ndarray
    next_node: np.ndarray
    lab_nodes: np.ndarray
    max_seconds: float
    direction: str

    def __post_init__(self) -> None:
        for arr in (self.seconds, self.lab, self.next_node, self.lab_nodes):
            arr.setflags(write=False)

    @property
    def minutes(self) -> np.ndarray:
        """Travel time to the nearest lab in minutes (``inf`` where unreachable)."""
        return self.seconds / 60.0

    @property
    def reached(self) -> np.ndarray:
        """Boolean mask of the nodes that reach a lab within the limit."""
        return self.lab >= 0


@dataclass(frozen=True, eq=False)
class Catchments:
    """The nodes each lab reaches within a time limit, in one flat layout.

    Lab ``i`` reaches ``nodes[offsets[i]:offsets[i + 1]]`` (sorted by node index) in
    ``seconds[offsets[i]:offsets[i + 1]]``.

    Attributes
    ----------
    lab_nodes : int64 (k,)
        Network node of each lab.
    max_seconds : float
        Time limit, seconds, inclusive.
    offsets : int64 (k + 1,)
    nodes : int64 (total,)
    seconds : float64 (total,)
    direction : str
        ``"to_lab"`` (nodes whose patients reach the lab in time) or ``"from_lab"``.
    """

    lab_nodes: np.ndarray
    max_seconds: float
    offsets: np.ndarray
    nodes: np.ndarray
    seconds: np.ndarray
    direction: str

    def __post_init__(self) -> None:
        for arr in (self.lab_nodes, self.offsets, self.nodes, self.seconds):
            arr.setflags(write=False)

    def __len__(self) -> int:
        return len(self.lab_nodes)

    def for_lab(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        """``(nodes, seconds)`` of lab ``i``'s catchment."""
        a, b = self.offsets[i], self.offsets[i + 1]
        return self.nodes[a:b], self.seconds[a:b]

    @property
    def counts(self) -> np.ndarray:
        """Number of nodes in each lab's catchment."""
        return np.diff(self.offsets)


@dataclass(frozen=True, eq=False)
class PathResult:
    """The fastest route between two nodes.

    Attributes
    ----------
    nodes : int64 (p,)
        Network nodes along the route, start to end; empty when there is no route.
    node_seconds : float64 (p,)
        Time from the start to each node, seconds.
    seconds : float
        Total time, seconds; ``inf`` when there is no route.
    metres : float
        Length along the roads, metres; ``inf`` when there is no route.
    lonlat : float64 (q, 2)
        The route's geometry along the roads, degrees (EPSG:4326).
    """

    nodes: np.ndarray
    node_seconds: np.ndarray
    seconds: float
    metres: float
    lonlat: np.ndarray

    @property
    def found(self) -> bool:
        """Whether a route exists."""
        return bool(np.isfinite(self.seconds))


def nearest_lab_times(
    net: Network,
    lab_nodes: np.ndarray,
    *,
    max_seconds: float = np.inf,
    direction: Direction = "to_lab",
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> NearestLab:
    """Time from every node to its nearest lab, in one multi-source Dijkstra.

    Parameters
    ----------
    net
        The road network of one mode.
    lab_nodes
        Network node of each lab (from `Network.snap`); several labs may share a node.
    max_seconds
        Stop searching beyond this time, seconds (inclusive); ``inf`` searches everything.
    direction
        ``"to_lab"``: time for a patient to reach the lab (one-way streets in the direction of
        travel); ``"from_lab"``: time from the lab outwards.
    progress, cancel
        ``progress(fraction, text)`` and a `threading.Event`; the Dijkstra (compiled,
        `ccgeo.network.kernels.nearest_search`) stops within a tenth of a second of it.

    Returns
    -------
    NearestLab
    """
    labs = _as_nodes(net, lab_nodes, "lab_nodes")
    limit = _check_limit(max_seconds)
    seconds, lab, next_node = _nearest_arrays(net, labs, limit, direction, progress, cancel)
    return NearestLab(seconds, lab, next_node, labs, limit, direction)


def _nearest_arrays(
    net: Network,
    labs: np.ndarray,
    limit: float,
    direction: Direction,
    progress: ProgressCallback | None,
    cancel: threading.Event | None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """`nearest_lab_times`' seconds, lab and next node, as new writable arrays."""
    graph = _graph(net, direction)
    check_cancel(cancel)
    text = ngettext("nearest lab for {count} nodes", "nearest lab for {count} nodes", net.n_nodes)
    report_progress(progress, 0.0, text.format(count=net.n_nodes))
    n = net.n_nodes
    if len(labs) == 0:
        report_progress(progress, 1.0, _("no labs"))
        return np.full(n, np.inf), np.full(n, -1, dtype=np.int64), np.full(n, -1, dtype=np.int64)
    from ccgeo.network.kernels import nearest_search

    nodes, first = np.unique(labs, return_index=True)
    seconds, pred, src = nearest_search(
        graph.indptr, graph.indices, graph.data, nodes, limit, cancel=cancel
    )
    check_cancel(cancel)
    # the lowest lab index at each node, then the lab of each node's source (in place: these
    # arrays are of the network's size)
    lab_at = np.full(n, -1, dtype=np.int64)
    lab_at[nodes] = first
    none = src < 0
    np.maximum(src, 0, out=src)
    lab = lab_at[src]
    del src, lab_at
    lab[none] = -1
    report_progress(progress, 1.0, _("nearest lab done"))
    return seconds, lab, pred


def catchments(
    net: Network,
    lab_nodes: np.ndarray,
    *,
    max_seconds: float,
    direction: Direction = "to_lab",
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> Catchments:
    """Per-lab catchments: the nodes within ``max_seconds`` of each lab, one bounded search each.

    Each search visits only its catchment (`ccgeo.network.kernels.bounded_searches`), so a
    small catchment costs little however large the country; ``cancel`` is checked between groups
    of labs.

    Parameters
    ----------
    net
        The road network of one mode.
    lab_nodes
        Network node of each lab.
    max_seconds
        Time limit, seconds, inclusive (a node at exactly the limit is inside).
    direction
        ``"to_lab"`` (patients travelling to the lab) or ``"from_lab"``.
    progress, cancel
        ``progress(fraction, text)`` and a `threading.Event`.

    Returns
    -------
    Catchments
    """
    labs = _as_nodes(net, lab_nodes, "lab_nodes")
    limit = _check_limit(max_seconds)
    k = len(labs)

    def announce(first: int) -> None:
        text = _("catchments: lab {lab} of {count}").format(lab=first + 1, count=k)
        report_progress(progress, first / k, text)

    search = CatchmentSearch(net, direction)
    parts = [part for _first, part in search.rounds(labs, limit, announce=announce, cancel=cancel)]
    check_cancel(cancel)
    counts = np.concatenate([p.counts for p in parts]) if parts else np.zeros(0, np.int64)
    offsets = np.zeros(k + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    text = ngettext("catchments of {count} labs done", "catchments of {count} labs done", k)
    report_progress(progress, 1.0, text.format(count=k))
    return Catchments(
        labs,
        limit,
        offsets,
        np.concatenate([p.nodes for p in parts]) if parts else np.empty(0, np.int64),
        np.concatenate([p.seconds for p in parts]) if parts else np.empty(0, np.float64),
        direction,
    )


class CatchmentSearch:
    """Bounded searches from many labs on every core, round after round, with the work arrays
    of the network's size allocated once.

    A caller that turns each round into something smaller (the siting pairs) never holds more
    than one round of catchments: memory follows the round, not the number of labs.

    Parameters
    ----------
    net
        The road network of one mode.
    direction
        ``"to_lab"`` or ``"from_lab"``, as in `catchments`.
    """

    def __init__(self, net: Network, direction: Direction = "to_lab") -> None:
        graph = _graph(net, direction)
        self.net, self.direction = net, direction
        self._arrays = (graph.indptr, graph.indices, graph.data)
        self.threads = _search_threads()

    def rounds(
        self,
        lab_nodes: np.ndarray,
        max_seconds: float,
        *,
        per_thread: int | None = None,
        announce: Callable[[int], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> Iterator[tuple[int, Catchments]]:
        """``(first, catchments)`` of consecutive slices of ``lab_nodes``, ``per_thread`` labs
        (default `_CATCHMENT_GROUP`) for each thread at a time; ``first`` is the index of the
        slice's first lab. Before each round, ``cancel`` is looked at and ``announce(first)``
        called (for progress)."""
        from ccgeo.network.kernels import SearchArrays, bounded_searches

        labs = _as_nodes(self.net, lab_nodes, "lab_nodes")
        limit = _check_limit(max_seconds)
        step = max(1, int(per_thread or _CATCHMENT_GROUP))
        groups = [labs[i : i + step] for i in range(0, len(labs), step)]
        threads = max(1, min(self.threads, len(groups)))
        works = [SearchArrays(self.net.n_nodes, paths=False) for _ in range(threads)]
        with ThreadPoolExecutor(threads) as pool:  # the searches release the GIL
            for first in range(0, len(groups), threads):
                check_cancel(cancel)
                if announce is not None:
                    announce(first * step)
                round_ = groups[first : first + threads]
                found = list(
                    pool.map(
                        lambda group, work: bounded_searches(*self._arrays, group, limit, work),
                        round_,
                        works[: len(round_)],
                    )
                )
                counts = np.concatenate([f[0] for f in found])
                offsets = np.zeros(len(counts) + 1, dtype=np.int64)
                np.cumsum(counts, out=offsets[1:])
                nodes = np.concatenate([f[1] for f in found])
                seconds = np.concatenate([f[2] for f in found])
                del found
                part = Catchments(
                    np.concatenate(round_), limit, offsets, nodes, seconds, self.direction
                )
                yield first * step, part


def shortest_path(net: Network, from_node: int, to_node: int) -> PathResult:
    """The fastest route from one node to another, with its geometry.

    Parameters
    ----------
    net
        The road network of one mode; one-way streets are followed.
    from_node, to_node
        Network node indices.

    Returns
    -------
    PathResult
        With ``seconds = inf`` and empty arrays when ``to_node`` cannot be reached.
    """
    a, b = _as_nodes(net, np.array([from_node, to_node]), "from_node/to_node")
    seconds, pred = dijkstra(net.csr, directed=True, indices=int(a), return_predecessors=True)
    if not np.isfinite(seconds[b]):
        empty = np.empty(0, dtype=np.int64)
        return PathResult(empty, np.empty(0), np.inf, np.inf, np.empty((0, 2)))
    # walking the predecessor chain is proportional to the route, not to the network
    path = [int(b)]
    while path[-1] != a:
        path.append(int(pred[path[-1]]))
    nodes = np.array(path[::-1], dtype=np.int64)
    if len(nodes) == 1:
        return PathResult(nodes, np.zeros(1), 0.0, 0.0, net.node_lonlat[nodes].copy())
    arcs = net.arc_index(nodes[:-1], nodes[1:])
    offsets, lonlat = net.arcs_lonlat(arcs)
    # consecutive arcs share their junction vertex: keep it once
    keep = np.ones(len(lonlat), dtype=bool)
    keep[offsets[1:-1]] = False
    return PathResult(
        nodes,
        seconds[nodes],
        float(seconds[b]),
        float(net.edge_length_m[net.arc_edge[arcs]].sum()),
        lonlat[keep],
    )


class IncrementalAccess:
    """Nearest-lab times kept up to date while hubs are added, moved, upgraded or removed.

    Each change costs one bounded search instead of a full recompute, and gives exactly the times
    a full `nearest_lab_times` over the new set of labs gives (tested with ``np.array_equal``):

    - adding (or upgrading) a hub: a search from the hub that expands a node only while it
      beats the node's current time (`PrunedSearch`): it visits the hub's catchment, not the
      whole network;
    - removing a hub: only the nodes it served are recomputed, by a Dijkstra over those nodes
      seeded with the unchanged times of their neighbours;
    - moving a hub: a removal then an addition under the same index.

    Lab indices are stable: a removed lab keeps its index with node -1. Each change returns an
    immutable snapshot of every node's time (a copy, O(network)); with ``snapshot=False`` it
    returns the `live` view instead, and `changed` tells which nodes the change touched, so
    that a caller can update only what depends on them.

    Parameters
    ----------
    net
        The road network of one mode.
    lab_nodes
        Network node of each existing lab.
    max_seconds
        Time limit, seconds (inclusive); ``inf`` for none.
    direction
        ``"to_lab"`` or ``"from_lab"``, as in `nearest_lab_times`.
    progress, cancel
        For the baseline computation.
    """

    def __init__(
        self,
        net: Network,
        lab_nodes: np.ndarray,
        *,
        max_seconds: float = np.inf,
        direction: Direction = "to_lab",
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> None:
        self.net = net
        self.direction: Direction = direction
        labs = _as_nodes(net, lab_nodes, "lab_nodes")
        self.max_seconds = _check_limit(max_seconds)
        # the current times, changed in place; each change first logs what it overwrites, so
        # that `reset` restores only what changed and no second copy of the network is kept
        self._seconds, self._lab, self._next = _nearest_arrays(
            net, labs, self.max_seconds, direction, progress, cancel
        )
        self._base_labs = labs
        self._undo: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []
        self._search = PrunedSearch(_graph(net, direction))
        self._reverse = _graph(net, "from_lab" if direction == "to_lab" else "to_lab")
        self.reset()

    def reset(self, *, snapshot: bool = True) -> NearestLab:
        """Go back to the baseline labs and times (restoring only the nodes changed since)."""
        while self._undo:
            nodes, seconds, lab, next_node = self._undo.pop()
            self._seconds[nodes], self._lab[nodes], self._next[nodes] = seconds, lab, next_node
        self._labs = self._base_labs.copy()
        self._changed: np.ndarray | None = None  # every node, made only when asked for
        return self._out(snapshot)

    @property
    def baseline(self) -> NearestLab:
        """The times before any change (a snapshot, made when asked for)."""
        seconds, lab, next_node = self._seconds.copy(), self._lab.copy(), self._next.copy()
        for nodes, s, la, nx in reversed(self._undo):
            seconds[nodes], lab[nodes], next_node[nodes] = s, la, nx
        args = (self._base_labs.copy(), self.max_seconds, self.direction)
        return NearestLab(seconds, lab, next_node, *args)

    def _log(self, nodes: np.ndarray) -> None:
        """Remember the times, labs and next nodes of ``nodes`` before a change overwrites them."""
        if len(nodes):
            self._undo.append((nodes, self._seconds[nodes], self._lab[nodes], self._next[nodes]))

    @property
    def changed(self) -> np.ndarray:
        """The nodes whose time, lab or next node the last change touched (every node after
        `reset`), ascending."""
        if self._changed is None:
            return np.arange(self.net.n_nodes, dtype=np.int64)
        return self._changed

    @property
    def lab_nodes(self) -> np.ndarray:
        """Current node of each lab, -1 for removed ones (a copy)."""
        return self._labs.copy()

    @property
    def result(self) -> NearestLab:
        """The current times, as an immutable snapshot."""
        return NearestLab(
            self._seconds.copy(),
            self._lab.copy(),
            self._next.copy(),
            self._labs.copy(),
            self.max_seconds,
            self.direction,
        )

    @property
    def live(self) -> NearestLab:
        """The current times as read-only views: the next change updates them (O(1))."""
        return NearestLab(
            self._seconds.view(),
            self._lab.view(),
            self._next.view(),
            self._labs.view(),
            self.max_seconds,
            self.direction,
        )

    def add_hub(self, node: int, *, snapshot: bool = True) -> NearestLab:
        """Open a new lab at ``node``; it gets the next lab index."""
        node = int(_as_nodes(self.net, np.array([node]), "node")[0])
        self._labs = np.append(self._labs, node)
        self._changed = self._add(node, len(self._labs) - 1)
        return self._out(snapshot)

    def upgrade(self, node: int, *, snapshot: bool = True) -> NearestLab:
        """An existing facility at ``node`` becomes able to do the test: same as `add_hub`."""
        return self.add_hub(node, snapshot=snapshot)

    def remove_hub(self, i: int, *, snapshot: bool = True) -> NearestLab:
        """Close lab ``i``; only the nodes it served are recomputed."""
        self._check_open(i)
        self._changed = self._remove(i)
        return self._out(snapshot)

    def move_hub(self, i: int, node: int, *, snapshot: bool = True) -> NearestLab:
        """Move lab ``i`` to ``node``, keeping its index."""
        self._check_open(i)
        node = int(_as_nodes(self.net, np.array([node]), "node")[0])
        removed = self._remove(i)
        self._labs[i] = node
        self._changed = np.union1d(removed, self._add(node, i))
        return self._out(snapshot)

    def _out(self, snapshot: bool) -> NearestLab:
        return self.result if snapshot else self.live

    # -- the two updates ---------------------------------------------------------------------

    def _check_open(self, i: int) -> None:
        if not 0 <= i < len(self._labs) or self._labs[i] < 0:
            msg = f"lab {i} is not an open lab (there are {len(self._labs)} labs)"
            raise ValueError(msg)

    def _add(self, node: int, index: int) -> np.ndarray:
        """Open lab ``index`` at ``node``; the nodes it wins."""
        # only the nodes the new lab wins are visited: a pruned search against the current times
        nodes, seconds, pred = self._search.improve(node, self._seconds, self.max_seconds)
        self._log(nodes)
        self._seconds[nodes] = seconds
        self._lab[nodes] = index
        self._next[nodes] = pred
        return nodes

    def _remove(self, i: int) -> np.ndarray:
        """Close lab ``i``; the nodes it served."""
        self._labs[i] = -1
        served = was_served = np.flatnonzero(self._lab == i)
        if len(served) == 0:
            return was_served
        self._log(served)  # the co-located labs' nodes are among them
        # another open lab on the same node keeps that node at zero (lowest index wins)
        open_idx = np.flatnonzero(self._labs >= 0)
        open_nodes = self._labs[open_idx]
        colocated = np.isin(open_nodes, served)
        if colocated.any():
            nodes, first = np.unique(open_nodes[colocated], return_index=True)
            self._seconds[nodes] = 0.0
            self._lab[nodes] = open_idx[colocated][first]
            self._next[nodes] = -1
            served = np.setdiff1d(served, nodes)
        if len(served) == 0:
            return was_served
        k = len(served)  # sorted: the position of a served node is a binary search away
        # arcs y -> x of the search graph that end in a served node x: rows of the transpose
        rows_of = self._reverse[served]
        x = np.repeat(np.arange(k), np.diff(rows_of.indptr))
        y = rows_of.indices.astype(np.int64)
        w = rows_of.data
        inner = np.isin(y, served)
        # seeds: the best unchanged neighbour of each served node, summed as Dijkstra sums
        # (time of y, plus the arc), so that the result is bit-identical to a full recompute
        outside = ~inner & np.isfinite(self._seconds[y])
        sx, sy = x[outside], y[outside]
        seed_time = self._seconds[sy] + w[outside]
        within = seed_time <= self.max_seconds
        sx, sy, seed_time = sx[within], sy[within], seed_time[within]
        order = np.lexsort((seed_time, sx))
        sx, sy, seed_time = sx[order], sy[order], seed_time[order]
        first = np.ones(len(sx), dtype=bool)
        first[1:] = sx[1:] != sx[:-1]
        sx, sy, seed_time = sx[first], sy[first], seed_time[first]
        # local graph: the served nodes, plus a super-source (index k) joined to each seed
        src = np.concatenate([np.searchsorted(served, y[inner]), np.full(len(sx), k)])
        dst = np.concatenate([x[inner], sx])
        data = np.concatenate([w[inner], seed_time])
        local = sp.csr_matrix((data, (src, dst)), shape=(k + 1, k + 1))
        dist, pred = dijkstra(
            local, directed=True, indices=k, return_predecessors=True, limit=self.max_seconds
        )
        dist, pred = dist[:k], pred[:k]
        # each node's lab is its seed's lab: follow parents to the seed by pointer doubling
        seed_y = np.full(k, -1, dtype=np.int64)
        seed_y[sx] = sy
        root = np.where(pred == k, np.arange(k), pred).astype(np.int64)
        root[pred < 0] = -1
        while True:
            nxt = np.where(root >= 0, root[np.maximum(root, 0)], -1)
            if np.array_equal(nxt, root):
                break
            root = nxt
        reached = root >= 0
        self._seconds[served] = np.where(reached, dist, np.inf)
        lab = np.full(k, -1, dtype=np.int64)
        lab[reached] = self._lab[seed_y[root[reached]]]
        self._lab[served] = lab
        inner_pred = served[np.clip(pred, 0, k - 1)]
        nxt_node = np.where(pred == k, seed_y, inner_pred)
        self._next[served] = np.where(reached, nxt_node, -1)
        return was_served


class PrunedSearch:
    """Shortest times from one source that beat a time already known at each node.

    Adding a lab changes only the nodes it wins, and a node can only be won through a path of
    nodes that are all won (were a node on the path not won, its own lab would be as near to
    the end of the path, by the triangle inequality of the current times). So the search from
    the new lab expands a node only while it beats the node's current time: it visits the new
    lab's catchment and its rim, never the rest of the country, and the times it finds are
    exactly those a full Dijkstra over all labs finds there (each is the smallest float sum
    along a path, summed from the source as scipy sums it).

    The search is compiled (`ccgeo.network.kernels.pruned_search`); its work arrays of the
    network's size are allocated once and reset after each search at the nodes it touched, so
    a search costs O(catchment), not O(network).

    Parameters
    ----------
    graph
        The search graph (`Network.csr_to` for patients travelling to labs, `Network.csr`
        for a courier from a lab).
    """

    def __init__(self, graph: sp.csr_matrix) -> None:
        self.indptr = graph.indptr
        self.indices = graph.indices
        self.data = graph.data
        from ccgeo.network.kernels import SearchArrays, warm_up

        self._work = SearchArrays(graph.shape[0])
        warm_up()  # compiled now, with the baseline, rather than at the first click

    def improve(
        self, source: int, known: np.ndarray, limit: float = np.inf
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The nodes whose time from ``source`` beats ``known`` (strictly) and is ≤ ``limit``.

        Returns
        -------
        nodes : int64 (k,)
            The nodes won, sorted.
        seconds : float64 (k,)
            Their time from ``source``.
        pred : int64 (k,)
            The node before each on its path from ``source`` (-1 at the source).
        """
        from ccgeo.network.kernels import pruned_search

        return pruned_search(self.indptr, self.indices, self.data, source, known, limit, self._work)


# -- helpers -------------------------------------------------------------------------------------


def _graph(net: Network, direction: str) -> sp.csr_matrix:
    if direction == "to_lab":
        return net.csr_to
    if direction == "from_lab":
        return net.csr
    msg = f"`direction` should be 'to_lab' or 'from_lab', got {direction!r}"
    raise ValueError(msg)


def _as_nodes(net: Network, nodes: np.ndarray, what: str) -> np.ndarray:
    arr = np.asarray(nodes)
    if arr.size == 0:
        return np.empty(0, dtype=np.int64)
    if arr.ndim != 1 or not np.issubdtype(arr.dtype, np.integer):
        msg = f"`{what}` should be a 1-d array of network node indices, got {arr.dtype} {arr.shape}"
        raise ValueError(msg)
    bad = (arr < 0) | (arr >= net.n_nodes)
    if bad.any():
        msg = (
            f"`{what}` holds {arr[bad][0]}, outside the {net.mode} network's nodes "
            f"0..{net.n_nodes - 1}; snap points with Network.snap first"
        )
        raise ValueError(msg)
    return arr.astype(np.int64)


def _check_limit(max_seconds: float) -> float:
    limit = float(max_seconds)
    if not limit >= 0:
        msg = _("the time limit should be 0 seconds or more, got {value!r}")
        msg = msg.format(value=max_seconds)
        raise InputError(msg)
    return limit
