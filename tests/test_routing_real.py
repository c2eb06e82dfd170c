"""Routing on the real Oaxaca and Porto Alegre road networks, checked against networkx."""

from __future__ import annotations

import io

import networkx as nx
import numpy as np
import pytest
from scipy.sparse.csgraph import dijkstra

from ccgeo.model.network import Network
from ccgeo.network.build import build_network
from ccgeo.network.routing import (
    IncrementalAccess,
    catchments,
    nearest_lab_times,
    shortest_path,
)

pytestmark = pytest.mark.shared_data

CITIES = {
    "oaxaca": "oaxaca/oaxaca_base.osm.pbf",
    "porto_alegre": "porto_alegre/poa_osm.pbf",
}
N_LABS = 25


@pytest.fixture(
    scope="module",
    params=[("oaxaca", "car"), ("porto_alegre", "car"), ("porto_alegre", "walk")],
    ids=lambda p: f"{p[0]}-{p[1]}",
)
def city(request, shared_data):
    from ccgeo.io.osm import read_roads

    name, mode = request.param
    roads = read_roads(shared_data / CITIES[name], mode="all")
    net = build_network(roads, mode)
    labs = choose_labs(net, N_LABS, seed=2024)
    return name, net, labs


def choose_labs(net: Network, k: int, *, seed: int) -> np.ndarray:
    """``k`` distinct nodes of the main component, the same on every run."""
    main = np.flatnonzero(net.main_component_mask())
    return np.sort(np.random.default_rng(seed).choice(main, k, replace=False))


def test_network_is_mostly_one_piece(city):
    _, net, _ = city
    c = net.connectivity()
    assert net.n_nodes > 10_000
    assert c["main_component_share"] > 0.95
    assert 0 <= c["cannot_reach_main_share"] < 0.05


def test_nearest_lab_matches_networkx_everywhere(city):
    _, net, labs = city
    result = nearest_lab_times(net, labs)
    reverse = net.to_networkx().reverse(copy=False)
    dist, paths = nx.multi_source_dijkstra(reverse, set(labs.tolist()), weight="travel_seconds")
    want = np.array([dist.get(i, np.inf) for i in range(net.n_nodes)])
    assert (np.isinf(result.seconds) == np.isinf(want)).all()
    np.testing.assert_allclose(result.seconds, want, rtol=0, atol=1e-6)
    # the lab reached: the same as networkx's, except where two labs are exactly as near
    reached = np.flatnonzero(np.isfinite(want))
    ours = labs[result.lab[reached]]
    theirs = np.array([paths[i][0] for i in reached.tolist()])
    differ = ours != theirs
    if differ.any():
        table = dijkstra(net.csr_to, indices=labs)
        lab_row = {int(node): row for row, node in enumerate(labs)}
        rows_ours = [lab_row[int(x)] for x in ours[differ]]
        rows_theirs = [lab_row[int(x)] for x in theirs[differ]]
        np.testing.assert_array_equal(
            table[rows_ours, reached[differ]], table[rows_theirs, reached[differ]]
        )
    assert differ.mean() < 0.01
    assert set(result.lab[labs].tolist()) == set(range(N_LABS))  # every lab reaches itself
    # most of the city reaches a lab; the rest is pieces cut off by the extract boundary
    assert np.isfinite(result.seconds).mean() > 0.95


def test_catchments_match_networkx_cutoff(city):
    _, net, labs = city
    c = catchments(net, labs, max_seconds=1800.0)
    assert len(c) == N_LABS
    reverse = net.to_networkx().reverse(copy=False)
    for i in (0, 12, 24):
        nodes, seconds = c.for_lab(i)
        want = nx.single_source_dijkstra_path_length(
            reverse, int(labs[i]), cutoff=1800.0, weight="travel_seconds"
        )
        assert nodes.tolist() == sorted(want)
        np.testing.assert_allclose(seconds, [want[k] for k in nodes.tolist()], rtol=0, atol=1e-6)


def test_what_if_on_the_real_network_equals_a_full_recompute(city):
    _, net, labs = city
    rng = np.random.default_rng(7)
    main = np.flatnonzero(net.main_component_mask())
    ia = IncrementalAccess(net, labs)
    steps = [
        lambda: ia.add_hub(int(rng.choice(main))),
        lambda: ia.add_hub(int(rng.integers(net.n_nodes))),
        lambda: ia.move_hub(3, int(rng.choice(main))),
        lambda: ia.remove_hub(10),
        lambda: ia.remove_hub(N_LABS),
        lambda: ia.upgrade(int(rng.choice(main))),
    ]
    for step in steps:
        got = step()
        nodes = ia.lab_nodes
        full = nearest_lab_times(net, nodes[nodes >= 0])
        np.testing.assert_array_equal(got.seconds, full.seconds)


def test_path_between_two_labs(city):
    _, net, labs = city
    path = shortest_path(net, int(labs[0]), int(labs[1]))
    graph = net.to_networkx()
    want = nx.dijkstra_path_length(graph, int(labs[0]), int(labs[1]), weight="travel_seconds")
    assert path.seconds == pytest.approx(want, abs=1e-6)
    assert path.metres > 0
    np.testing.assert_allclose(path.lonlat[0], net.node_lonlat[labs[0]], atol=1e-7)
    np.testing.assert_allclose(path.lonlat[-1], net.node_lonlat[labs[1]], atol=1e-7)


def test_cached_network_routes_the_same(city):
    _, net, labs = city
    buf = io.BytesIO()
    np.savez(buf, **net.to_arrays())
    buf.seek(0)
    with np.load(buf, allow_pickle=False) as data:
        back = Network.from_arrays(dict(data))
    np.testing.assert_array_equal(
        nearest_lab_times(back, labs).seconds, nearest_lab_times(net, labs).seconds
    )
    nodes, _ = back.snap(net.node_lonlat[labs])
    np.testing.assert_array_equal(nodes, labs)
