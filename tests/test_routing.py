"""Routing on small synthetic networks, checked node by node against networkx; what-if updates
checked against a full recompute."""

from __future__ import annotations

import threading

import networkx as nx
import numpy as np
import pytest
from roadkit import LAT0, LON0, STEP, grid_roads, make_roads, random_roads
from scipy.sparse.csgraph import dijkstra

from ccgeo.errors import Cancelled, InputError
from ccgeo.model.network import Network
from ccgeo.network.build import build_network
from ccgeo.network.profiles import load_profiles
from ccgeo.network.routing import (
    IncrementalAccess,
    NearestLab,
    catchments,
    nearest_lab_times,
    shortest_path,
)

PROFILES = load_profiles()


def build(roads, mode="car"):
    return build_network(roads, mode, profiles=PROFILES)


def nx_times_to(net: Network, labs) -> dict[int, float]:
    """networkx's time from every node to the nearest lab: Dijkstra from the labs, reversed."""
    graph = net.to_networkx().reverse(copy=True)
    return nx.multi_source_dijkstra_path_length(graph, set(map(int, labs)), weight="travel_seconds")


def per_lab_seconds(net: Network, labs, graph=None) -> np.ndarray:
    return dijkstra(net.csr_to if graph is None else graph, indices=np.asarray(labs))


def assert_same_as_networkx(net: Network, labs, result: NearestLab) -> None:
    expected = nx_times_to(net, labs)
    want = np.array([expected.get(i, np.inf) for i in range(net.n_nodes)])
    np.testing.assert_array_equal(result.seconds, want)
    assert_labs_are_nearest(net, labs, result)


def assert_labs_are_nearest(net: Network, labs, result: NearestLab, graph=None) -> None:
    """The lab reported is at the reported time; another lab only when exactly as near (a tie)."""
    reached = result.lab >= 0
    np.testing.assert_array_equal(reached, np.isfinite(result.seconds))
    table = per_lab_seconds(net, labs, graph)
    own = table[result.lab[reached], np.flatnonzero(reached)]
    np.testing.assert_array_equal(own, result.seconds[reached])


def oneway_grid() -> Network:
    # 3x3 grid; the top and right streets are one-way (anticlockwise ring through corner 8)
    oneway = [0] * 12
    oneway[5] = 1  # 7 -> 8
    oneway[11] = 1  # 5 -> 8
    return build(grid_roads(3, oneway=oneway))


def test_nearest_lab_matches_networkx_on_a_one_way_grid():
    net = oneway_grid()
    labs = np.array([8, 0])
    result = nearest_lab_times(net, labs)
    assert_same_as_networkx(net, labs, result)
    assert result.seconds[8] == 0.0
    np.testing.assert_array_equal(result.lab[[5, 7, 8]], [0, 0, 0])
    np.testing.assert_array_equal(result.lab[[0, 1, 3]], [1, 1, 1])
    # both streets into node 8 are one-way: nobody can drive out of it
    assert np.isinf(nearest_lab_times(net, np.array([0])).seconds[8])


def test_one_way_counts_for_car_and_not_on_foot():
    oneway = [0] * 12
    oneway[0] = 1  # 0 -> 1 only
    roads = grid_roads(3, oneway=oneway)
    car, walk = build(roads, "car"), build(roads, "walk")
    # from node 1 to a lab at node 0: the car must go round the block, a walker goes straight
    t_car = nearest_lab_times(car, np.array([0])).seconds[1]
    t_walk = nearest_lab_times(walk, np.array([0])).seconds[1]
    edge = roads.edge_length_m[0]
    assert t_walk == pytest.approx(edge * 3.6 / 5)
    block = roads.edge_length_m[[6, 9, 1]].sum()  # 1 -> 4 -> 3 -> 0 in some order of equal edges
    assert t_car > edge * 3.6 / 25
    assert t_car == pytest.approx(block * 3.6 / 25, rel=1e-3)
    # patients drive to the lab, the lab does not drive to them: from_lab is the other way
    from_lab = nearest_lab_times(car, np.array([0]), direction="from_lab").seconds[1]
    assert from_lab == pytest.approx(edge * 3.6 / 25)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("mode", ["car", "walk"])
def test_nearest_lab_matches_networkx_on_random_grids(seed, mode):
    net = build(random_roads(8, seed), mode)
    labs = np.random.default_rng(seed).choice(net.n_nodes, 3, replace=False)
    assert_same_as_networkx(net, labs, nearest_lab_times(net, labs))


def test_from_lab_matches_networkx_forward():
    net = build(random_roads(8, 3))
    labs = np.array([5, 40])
    result = nearest_lab_times(net, labs, direction="from_lab")
    expected = nx.multi_source_dijkstra_path_length(
        net.to_networkx(), {5, 40}, weight="travel_seconds"
    )
    want = np.array([expected.get(i, np.inf) for i in range(net.n_nodes)])
    np.testing.assert_array_equal(result.seconds, want)
    assert_labs_are_nearest(net, labs, result, graph=net.csr)


def test_next_node_leads_to_the_lab():
    net = build(random_roads(8, 1))
    labs = np.array([3, 30, 60])
    r = nearest_lab_times(net, labs)
    go = np.flatnonzero(r.next_node >= 0)
    # each step costs exactly the arc: seconds[x] = seconds[next] + time(x -> next)
    step = np.asarray(net.csr[go, r.next_node[go]]).ravel()
    np.testing.assert_array_equal(r.seconds[go], r.seconds[r.next_node[go]] + step)
    np.testing.assert_array_equal(r.lab[go], r.lab[r.next_node[go]])
    assert (r.next_node[labs] == -1).all()


def test_limit_is_inclusive_and_unreachable_is_inf():
    net = oneway_grid()
    full = nearest_lab_times(net, np.array([0]))
    t = np.sort(np.unique(full.seconds))[3]
    bounded = nearest_lab_times(net, np.array([0]), max_seconds=t)
    inside = full.seconds <= t
    np.testing.assert_array_equal(bounded.seconds[inside], full.seconds[inside])
    assert np.isinf(bounded.seconds[~inside]).all()
    assert (bounded.lab[~inside] == -1).all()
    assert bounded.max_seconds == t
    with pytest.raises(InputError, match="0 seconds or more, got -1"):
        nearest_lab_times(net, np.array([0]), max_seconds=-1)


def test_no_labs_labs_on_one_node_and_labs_on_islands():
    base = grid_roads(3)
    island = [[LON0 + 10 * STEP, LAT0], [LON0 + 11 * STEP, LAT0]]
    edges = [*zip(base.edge_u.tolist(), base.edge_v.tolist(), strict=True), (9, 10)]
    net = build(make_roads(np.vstack([base.node_lonlat, island]), edges))
    assert len(catchments(net, np.array([], dtype=np.int64), max_seconds=60.0)) == 0
    none = nearest_lab_times(net, np.array([], dtype=np.int64))
    assert np.isinf(none.seconds).all()
    assert (none.lab == -1).all()
    same = nearest_lab_times(net, np.array([4, 4, 9]))
    assert (same.lab[:9] == 0).all()  # lowest index of the labs sharing node 4
    assert same.lab[10] == 2
    assert same.seconds[10] > 0
    only_island = nearest_lab_times(net, np.array([10]))
    assert np.isinf(only_island.seconds[:9]).all()
    with pytest.raises(ValueError, match=r"outside the car network's nodes 0\.\.10"):
        nearest_lab_times(net, np.array([11]))
    with pytest.raises(ValueError, match="1-d array of network node indices"):
        nearest_lab_times(net, np.array([0.5]))


def test_catchments_match_networkx_cutoff_searches():
    net = build(random_roads(8, 2))
    labs = np.array([0, 27, 27, 63])
    limit = 240.0
    c = catchments(net, labs, max_seconds=limit)
    assert len(c) == 4
    reverse = net.to_networkx().reverse(copy=True)
    for i, lab in enumerate(labs):
        nodes, seconds = c.for_lab(i)
        want = nx.single_source_dijkstra_path_length(
            reverse, int(lab), cutoff=limit, weight="travel_seconds"
        )
        assert nodes.tolist() == sorted(want)
        assert seconds.tolist() == [want[k] for k in sorted(want)]
        ego = nx.ego_graph(reverse, int(lab), radius=limit, distance="travel_seconds")
        assert set(ego.nodes) == set(nodes.tolist())
    np.testing.assert_array_equal(c.counts, np.diff(c.offsets))


def test_catchments_are_grouped_and_cancellable(monkeypatch):
    import ccgeo.network.routing as routing

    net = build(random_roads(8, 4))
    labs = np.arange(0, 60, 6)
    whole = catchments(net, labs, max_seconds=300.0)
    # groups of 2 labs give the same result, and scipy's bounded Dijkstra the same bits
    monkeypatch.setattr(routing, "_CATCHMENT_GROUP", 2)
    grouped = catchments(net, labs, max_seconds=300.0)
    np.testing.assert_array_equal(grouped.nodes, whole.nodes)
    np.testing.assert_array_equal(grouped.seconds, whole.seconds)
    dist = dijkstra(net.csr_to, directed=True, indices=labs, limit=300.0)
    for i in range(len(labs)):
        nodes, seconds = whole.for_lab(i)
        np.testing.assert_array_equal(nodes, np.flatnonzero(np.isfinite(dist[i])))
        np.testing.assert_array_equal(seconds, dist[i][nodes])
    cancel = threading.Event()
    seen: list[float] = []

    def progress(fraction: float, text: str) -> None:
        seen.append(fraction)
        if len(seen) == 2:
            cancel.set()  # the user presses Cancel while the second chunk is announced

    with pytest.raises(Cancelled):
        catchments(net, labs, max_seconds=300.0, progress=progress, cancel=cancel)
    assert len(seen) == 2
    with pytest.raises(Cancelled):
        nearest_lab_times(net, labs, cancel=cancel)
    with pytest.raises(Cancelled):
        IncrementalAccess(net, labs, cancel=cancel)


def test_shortest_path_geometry_and_length():
    roads = random_roads(8, 5)
    net = build(roads)
    graph = net.to_networkx()
    a = int(np.flatnonzero(net.main_component_mask())[0])
    times = dijkstra(net.csr, indices=a)
    b = int(np.argmax(np.where(np.isfinite(times), times, -1)))  # the farthest reachable node
    path = shortest_path(net, a, b)
    assert len(path.nodes) > 5
    assert path.found
    assert path.seconds == nx.dijkstra_path_length(graph, a, b, weight="travel_seconds")
    assert path.nodes[0] == a
    assert path.nodes[-1] == b
    assert path.node_seconds[-1] == path.seconds
    lengths = [
        graph[x][y][0]["length"] for x, y in zip(path.nodes[:-1], path.nodes[1:], strict=True)
    ]
    assert path.metres == pytest.approx(sum(lengths))
    # straight edges: the geometry is the node coordinates, junctions once
    np.testing.assert_array_equal(path.lonlat, net.node_lonlat[path.nodes])
    same = shortest_path(net, 7, 7)
    assert same.seconds == 0.0
    assert same.lonlat.shape == (1, 2)


def test_shortest_path_unreachable():
    base = grid_roads(3)
    island = [[LON0 + 10 * STEP, LAT0], [LON0 + 11 * STEP, LAT0]]
    edges = [*zip(base.edge_u.tolist(), base.edge_v.tolist(), strict=True), (9, 10)]
    net = build(make_roads(np.vstack([base.node_lonlat, island]), edges))
    path = shortest_path(net, 0, 10)
    assert not path.found
    assert path.nodes.shape == (0,)
    assert path.lonlat.shape == (0, 2)


def full_recompute(ia: IncrementalAccess) -> NearestLab:
    """What nearest_lab_times gives for the open labs, with lab indices mapped back."""
    nodes = ia.lab_nodes
    open_idx = np.flatnonzero(nodes >= 0)
    r = nearest_lab_times(
        ia.net, nodes[open_idx], max_seconds=ia.max_seconds, direction=ia.direction
    )
    if len(open_idx) == 0:
        return r
    lab = np.where(r.lab >= 0, open_idx[np.maximum(r.lab, 0)], -1)
    return NearestLab(r.seconds, lab, r.next_node, nodes, r.max_seconds, r.direction)


def assert_equals_full_recompute(ia: IncrementalAccess, got: NearestLab) -> None:
    want = full_recompute(ia)
    np.testing.assert_array_equal(got.seconds, want.seconds)  # exact, inf included
    nodes = ia.lab_nodes
    reached = got.lab >= 0
    np.testing.assert_array_equal(reached, want.lab >= 0)
    assert (nodes[got.lab[reached]] >= 0).all()  # never a closed lab
    if not reached.any():
        return
    # a different lab only at an exact tie: the reported lab is exactly as near
    forward = ia.direction == "from_lab"
    table = per_lab_seconds(ia.net, np.maximum(nodes, 0), ia.net.csr if forward else None)
    np.testing.assert_array_equal(
        table[got.lab[reached], np.flatnonzero(reached)], got.seconds[reached]
    )
    # next_node is a valid step towards the lab
    go = np.flatnonzero(got.next_node >= 0)
    arcs = ia.net.csr[got.next_node[go], go] if forward else ia.net.csr[go, got.next_node[go]]
    step = np.asarray(arcs).ravel()
    np.testing.assert_array_equal(got.seconds[go], got.seconds[got.next_node[go]] + step)


@pytest.mark.parametrize("direction", ["to_lab", "from_lab"])
@pytest.mark.parametrize("max_seconds", [np.inf, 200.0])
@pytest.mark.parametrize("seed", range(5))
def test_what_if_equals_a_full_recompute(seed, max_seconds, direction):
    rng = np.random.default_rng(100 + seed)
    net = build(random_roads(10, seed))
    labs = rng.choice(net.n_nodes, 4, replace=False)
    ia = IncrementalAccess(net, labs, max_seconds=max_seconds, direction=direction)
    assert_equals_full_recompute(ia, ia.result)
    for step in range(12):
        open_labs = np.flatnonzero(ia.lab_nodes >= 0)
        action = step % 4
        if action == 0 or len(open_labs) < 2:
            got = ia.add_hub(int(rng.integers(net.n_nodes)))
        elif action == 1:
            got = ia.move_hub(int(rng.choice(open_labs)), int(rng.integers(net.n_nodes)))
        elif action == 2:
            got = ia.remove_hub(int(rng.choice(open_labs)))
        else:
            got = ia.upgrade(int(rng.integers(net.n_nodes)))
        assert_equals_full_recompute(ia, got)
    assert np.array_equal(ia.reset().seconds, ia.baseline.seconds)


def test_what_if_with_shared_nodes_islands_and_no_labs_left():
    base = grid_roads(4)
    island = [[LON0 + 10 * STEP, LAT0], [LON0 + 11 * STEP, LAT0]]
    edges = [*zip(base.edge_u.tolist(), base.edge_v.tolist(), strict=True), (16, 17)]
    net = build(make_roads(np.vstack([base.node_lonlat, island]), edges))
    ia = IncrementalAccess(net, np.array([5, 5, 10]))
    for change in (
        lambda: ia.remove_hub(0),  # lab 1 on the same node takes over
        lambda: ia.add_hub(16),  # a hub on the island
        lambda: ia.move_hub(2, 17),
        lambda: ia.remove_hub(1),  # the mainland has no lab left
        lambda: ia.add_hub(0),
        lambda: ia.remove_hub(3),
        lambda: ia.remove_hub(2),
        lambda: ia.remove_hub(4),  # no labs at all
    ):
        assert_equals_full_recompute(ia, change())
    assert np.isinf(ia.result.seconds).all()
    with pytest.raises(ValueError, match="lab 0 is not an open lab"):
        ia.remove_hub(0)


def test_what_if_results_are_snapshots():
    net = build(random_roads(6, 0))
    ia = IncrementalAccess(net, np.array([0]))
    before = ia.result
    after = ia.add_hub(35)
    assert not np.array_equal(before.seconds, after.seconds)
    with pytest.raises(ValueError, match="read-only"):
        after.seconds[0] = 0.0
    np.testing.assert_array_equal(ia.baseline.seconds, before.seconds)


def test_removal_keeps_nodes_exactly_at_the_limit():
    # a straight street 0-1-2-3 of equal blocks t, labs at 0 and 3, limit 2t
    lonlat = [(LON0 + i * STEP, LAT0) for i in range(4)]
    roads = make_roads(lonlat, [(0, 1), (1, 2), (2, 3)], length_m=[100.0] * 3)
    net = build(roads)
    t = float(net.csr[0, 1])
    ia = IncrementalAccess(net, np.array([0, 3]), max_seconds=t + t)
    got = ia.remove_hub(1)
    # node 2 is now exactly 2t from lab 0: inside, since limits are inclusive; node 3 is out
    assert got.seconds[2] == t + t
    assert got.lab[2] == 0
    assert np.isinf(got.seconds[3])
    assert_equals_full_recompute(ia, got)


@pytest.mark.parametrize("limit", [np.inf, 150.0])
def test_nearest_lab_times_are_scipys_to_the_bit(limit):
    net = build(random_roads(12, 21))
    labs = np.array([3, 40, 77, 77])
    got = nearest_lab_times(net, labs, max_seconds=limit)
    want = dijkstra(net.csr_to, directed=True, indices=np.unique(labs), min_only=True, limit=limit)
    np.testing.assert_array_equal(got.seconds, want)


def test_the_nearest_lab_search_stops_when_told():
    from ccgeo.network.kernels import _nearest

    net = build(grid_roads(300))  # 90,000 nodes: more than one look at the stop flag
    graph = net.csr_to
    n = net.n_nodes
    dist, pred, src = np.full(n, np.inf), np.full(n, -1, np.int64), np.full(n, -1, np.int64)
    args = (graph.indptr.astype(np.int64), graph.indices, graph.data, np.array([0]), np.inf)
    assert not _nearest(*args, np.ones(1, np.uint8), dist, pred, src)  # stopped early
    assert np.isinf(dist).sum() > 0
    dist[:], pred[:], src[:] = np.inf, -1, -1
    assert _nearest(*args, np.zeros(1, np.uint8), dist, pred, src)
    assert np.isfinite(dist).all()
