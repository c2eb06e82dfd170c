"""Connectivity by the compiled searches equals scipy's, and stops when told."""

from __future__ import annotations

import threading

import numpy as np
import pytest
import scipy.sparse as sp
from scipy.sparse.csgraph import breadth_first_order, connected_components

from ccgeo.errors import Cancelled
from ccgeo.model import connectivity as kernels


def _graph(n: int, m: int, seed: int) -> sp.csr_matrix:
    rng = np.random.default_rng(seed)
    u, v = rng.integers(n, size=m), rng.integers(n, size=m)
    g = sp.csr_matrix((np.ones(m), (u, v)), shape=(n, n))
    g.sum_duplicates()
    return g


def _sides(g: sp.csr_matrix):
    t = g.T.tocsr()
    return (g.indptr.astype(np.int64), g.indices), (t.indptr.astype(np.int64), t.indices)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize(("n", "m"), [(50, 40), (300, 450), (2000, 2600)])
def test_components_are_scipys(seed, n, m):
    g = _graph(n, m, seed)
    got = kernels.components(*_sides(g))
    n_weak, _ = connected_components(g, directed=True, connection="weak")
    n_strong, labels = connected_components(g, directed=True, connection="strong")
    assert got["n_weak"] == n_weak
    assert got["n_strong"] == n_strong
    # the same partition: the main component is one of scipy's, of the largest size
    main_labels = np.unique(labels[got["main"]])
    assert len(main_labels) == 1
    assert got["main"].sum() == np.bincount(labels).max() == (labels == main_labels[0]).sum()
    seed_node = int(np.flatnonzero(got["main"])[0])
    want_reach = np.zeros(n, bool)
    want_reach[breadth_first_order(g.T.tocsr(), seed_node, return_predecessors=False)] = True
    want_from = np.zeros(n, bool)
    want_from[breadth_first_order(g, seed_node, return_predecessors=False)] = True
    np.testing.assert_array_equal(got["reach_main"], want_reach)
    np.testing.assert_array_equal(got["reached_from_main"], want_from)


def test_of_equal_main_components_the_one_with_the_lowest_node_wins():
    # two cycles of 3 nodes (4-5-6 and 0-1-2), and node 3 alone
    u = np.array([4, 5, 6, 0, 1, 2])
    v = np.array([5, 6, 4, 1, 2, 0])
    g = sp.csr_matrix((np.ones(6), (u, v)), shape=(7, 7))
    got = kernels.components(*_sides(g))
    assert got["main"].tolist() == [True, True, True, False, False, False, False]
    assert got["n_strong"] == 3
    assert got["n_weak"] == 3


def test_components_stop_on_cancel():
    g = _graph(300_000, 600_000, 1)  # several looks at the stop flag in each search
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        kernels.components(*_sides(g), cancel)
    stop = np.ones(1, np.uint8)
    forward, _ = _sides(g)
    assert kernels._strong(*forward, stop)[0] == -1
    assert kernels._weak_count(*forward, stop) == -1
    assert not kernels._reach(*forward, np.int64(0), stop).any()
