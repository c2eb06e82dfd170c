"""Demand points tied to the network: candidates, walking leg, off-network points."""

from __future__ import annotations

import numpy as np
import pytest
from roadkit import grid_roads

from ccgeo.analysis.snapping import snap_points
from ccgeo.errors import InputError
from ccgeo.geo import unproject_xy
from ccgeo.model.network import Network
from ccgeo.network.build import build_network


@pytest.fixture(scope="module")
def net() -> Network:
    return build_network(grid_roads(3), mode="walk")


def _lonlat_at(net: Network, xy: list[list[float]]) -> np.ndarray:
    return unproject_xy(np.asarray(xy, dtype=float), net.crs)


def test_point_on_a_node_has_zero_walk(net):
    snapped = snap_points(net, net.node_lonlat[[4]], candidates=2)
    assert snapped.nodes[0, 0] == 4
    assert snapped.walk_seconds[0, 0] == pytest.approx(0.0, abs=1e-6)
    assert not snapped.off_network.any()


def test_walk_seconds_use_the_walking_speed(net):
    x, y = net.node_xy[0]
    pts = _lonlat_at(net, [[x + 30.0, y - 40.0]])  # 50 m from node 0
    snapped = snap_points(net, pts, walk_kmh=5.0, candidates=1)
    assert snapped.snap_m[0] == pytest.approx(50.0, abs=0.01)
    assert snapped.walk_seconds[0, 0] == pytest.approx(50.0 / (5 / 3.6), rel=1e-4)


def test_best_candidate_is_chosen_through_node_times(net):
    x, y = net.node_xy[0]
    pts = _lonlat_at(net, [[x + 1.0, y]])
    snapped = snap_points(net, pts, candidates=3)
    node_seconds = np.full(net.n_nodes, np.inf)
    second = snapped.nodes[0, 1]
    node_seconds[second] = 10.0  # the nearest node cannot reach a lab, the second can
    seconds, best = snapped.seconds_via(node_seconds)
    assert best[0] == 1
    assert snapped.best_node(best)[0] == second
    assert seconds[0] == pytest.approx(10.0 + snapped.walk_seconds[0, 1])


def test_off_network_points_are_reported_with_their_distance(net):
    x, y = net.node_xy.max(axis=0)
    pts = _lonlat_at(net, [[x + 5_000.0, y]])
    snapped = snap_points(net, pts, max_snap_m=1_000.0)
    assert snapped.off_network.tolist() == [True]
    assert snapped.snap_m[0] == pytest.approx(5_000.0, rel=5e-3)
    seconds, _ = snapped.seconds_via(np.zeros(net.n_nodes))
    assert np.isinf(seconds[0])


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"max_snap_m": 0}, "max_snap_m"),
        ({"walk_kmh": -1}, "walk_kmh"),
        ({"candidates": 0}, "candidates"),
    ],
)
def test_bad_parameters(net, kwargs, message):
    with pytest.raises(InputError, match=message):
        snap_points(net, net.node_lonlat[:1], **kwargs)


def test_non_finite_points_are_named(net):
    with pytest.raises(InputError, match=r"rows 1\)"):
        snap_points(net, np.array([[0.0, 0.0], [np.nan, 1.0]]))
