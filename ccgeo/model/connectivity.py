"""How a directed road network hangs together: its weakly and strongly connected components
and what reaches, or is reached from, the main one.

Compiled (numba) searches, each given up on within a tenth of a second of Cancel (they run in a
thread of their own and look at a stop flag every 65,536 steps). The counts and the partition
are scipy.sparse.csgraph's; of strongly connected components of equal size, the main one is the
one holding the lowest node.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from ccgeo.model.compiled import CACHE as _CACHE


@njit(cache=_CACHE, nogil=True)
def _strong(indptr, indices, stop):  # pragma: no cover - compiled
    """Strongly connected components (Tarjan's, without recursion): their number and each
    node's component, numbered as they close; ``(-1, ...)`` when ``stop[0]`` was set."""
    n = len(indptr) - 1
    index = np.full(n, -1, dtype=np.int64)
    low = np.zeros(n, dtype=np.int64)
    comp = np.full(n, -1, dtype=np.int64)
    on_stack = np.zeros(n, dtype=np.bool_)
    stack = np.empty(n, dtype=np.int64)
    call_node = np.empty(n, dtype=np.int64)
    call_arc = np.empty(n, dtype=np.int64)
    top = 0
    counter = 0
    n_comp = 0
    steps = 0
    for root in range(n):
        if index[root] != -1:
            continue
        index[root] = counter
        low[root] = counter
        counter += 1
        stack[top] = root
        top += 1
        on_stack[root] = True
        call_node[0] = root
        call_arc[0] = indptr[root]
        depth = 1
        while depth > 0:
            steps += 1
            if (steps & 0xFFFF) == 0 and stop[0]:
                return -1, comp
            v = call_node[depth - 1]
            a = call_arc[depth - 1]
            if a < indptr[v + 1]:
                call_arc[depth - 1] = a + 1
                w = indices[a]
                if index[w] == -1:
                    index[w] = counter
                    low[w] = counter
                    counter += 1
                    stack[top] = w
                    top += 1
                    on_stack[w] = True
                    call_node[depth] = w
                    call_arc[depth] = indptr[w]
                    depth += 1
                elif on_stack[w] and index[w] < low[v]:
                    low[v] = index[w]
                continue
            depth -= 1
            if low[v] == index[v]:  # v roots a component: pop it
                while True:
                    top -= 1
                    w = stack[top]
                    on_stack[w] = False
                    comp[w] = n_comp
                    if w == v:
                        break
                n_comp += 1
            if depth > 0:
                u = call_node[depth - 1]
                if low[v] < low[u]:
                    low[u] = low[v]
    return n_comp, comp


@njit(cache=_CACHE, nogil=True)
def _weak_count(indptr, indices, stop):  # pragma: no cover - compiled
    """Number of weakly connected components (union-find over the arcs); -1 when stopped."""
    n = len(indptr) - 1
    parent = np.arange(n)
    n_comp = n
    for u in range(n):
        if (u & 0xFFFF) == 0 and stop[0]:
            return -1
        for a in range(indptr[u], indptr[u + 1]):
            x, y = u, indices[a]
            while parent[x] != x:  # path halving
                parent[x] = parent[parent[x]]
                x = parent[x]
            while parent[y] != y:
                parent[y] = parent[parent[y]]
                y = parent[y]
            if x != y:
                parent[max(x, y)] = min(x, y)
                n_comp -= 1
    return n_comp


@njit(cache=_CACHE, nogil=True)
def _reach(indptr, indices, seed, stop):  # pragma: no cover - compiled
    """Nodes reached from ``seed`` (a breadth-first search), as a mask; all False when stopped."""
    n = len(indptr) - 1
    seen = np.zeros(n, dtype=np.bool_)
    queue = np.empty(n, dtype=np.int64)
    seen[seed] = True
    queue[0] = seed
    head, tail = 0, 1
    while head < tail:
        if (head & 0xFFFF) == 0 and stop[0]:
            seen[:] = False
            return seen
        u = queue[head]
        head += 1
        for a in range(indptr[u], indptr[u + 1]):
            v = indices[a]
            if not seen[v]:
                seen[v] = True
                queue[tail] = v
                tail += 1
    return seen


def components(
    forward: tuple[np.ndarray, np.ndarray],
    backward: tuple[np.ndarray, np.ndarray],
    cancel: object | None = None,
) -> dict[str, object]:
    """How a directed network hangs together, each search stopped within 0.1 s of Cancel.

    ``forward`` and ``backward`` are ``(indptr, indices)`` of the graph and of its transpose.
    The main component is the largest strongly connected one (of equal ones, the one holding
    the lowest node). Returns ``n_weak``, ``n_strong``, ``main`` (mask), ``reach_main`` (nodes
    with a path into it) and ``reached_from_main`` (nodes a path from it reaches).
    """
    from ccgeo.errors import call_cancellable

    stop = np.zeros(1, dtype=np.uint8)

    def run(kernel, *args):
        return call_cancellable(kernel, *args, stop, cancel=cancel, on_cancel=lambda: stop.fill(1))

    n_weak = run(_weak_count, *forward)
    n_strong, comp = run(_strong, *forward)
    if len(comp) == 0:
        empty = np.zeros(0, dtype=bool)
        return {
            "n_weak": 0,
            "n_strong": 0,
            "main": empty,
            "reach_main": empty,
            "reached_from_main": empty,
        }
    sizes = np.bincount(comp, minlength=n_strong)
    first_node = np.full(n_strong, len(comp), dtype=np.int64)
    np.minimum.at(first_node, comp, np.arange(len(comp)))
    biggest = np.flatnonzero(sizes == sizes.max())
    main = comp == biggest[np.argmin(first_node[biggest])]
    seed = int(np.flatnonzero(main)[0])
    # every main node reaches every other, so reaching one of them is reaching all of them
    reach_main = run(_reach, *backward, np.int64(seed))
    reached = run(_reach, *forward, np.int64(seed))
    return {
        "n_weak": int(n_weak),
        "n_strong": int(n_strong),
        "main": main,
        "reach_main": reach_main,
        "reached_from_main": reached,
    }
