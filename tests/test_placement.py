"""Labs and people on the network: the one placement rule (labs left out with the reason, labs
beside cut-off roads), candidates, the walking leg, off-network points."""

from __future__ import annotations

import numpy as np
import pytest
from roadkit import LAT0, LON0, STEP, grid_roads, make_roads

from ccgeo.analysis.placement import place_labs, snap_points
from ccgeo.errors import InputError
from ccgeo.geo import project_lonlat, unproject_xy
from ccgeo.model.facilities import Facilities
from ccgeo.model.network import Network
from ccgeo.model.settings import Snapping
from ccgeo.network.build import build_network, load_network


@pytest.fixture(scope="module")
def net() -> Network:
    return build_network(grid_roads(3), mode="walk")


def _lonlat_at(net: Network, xy: list[list[float]]) -> np.ndarray:
    return unproject_xy(np.asarray(xy, dtype=float), net.crs)


def test_point_on_a_node_has_zero_walk(net):
    snapped = snap_points(net, net.node_lonlat[[4]], Snapping(candidates=2))
    assert snapped.nodes[0, 0] == 4
    assert snapped.walk_seconds[0, 0] == pytest.approx(0.0, abs=1e-6)
    assert not snapped.off_network.any()


def test_walk_seconds_use_the_walking_speed(net):
    x, y = net.node_xy[0]
    pts = _lonlat_at(net, [[x + 30.0, y - 40.0]])  # 50 m from node 0, about 40 m from its road
    snapped = snap_points(net, pts, Snapping(walk_kmh=5.0, candidates=1))
    # the straight walk to node 0 is 50 m; the distance reported is the one to the road
    assert snapped.nodes[0, 0] == 0
    assert snapped.walk_seconds[0, 0] == pytest.approx(50.0 / (5 / 3.6), rel=1e-4)
    road = net.road_index().nearest(np.array([[x + 30.0, y - 40.0]]))
    assert snapped.snap_m[0] == pytest.approx(road.metres[0])
    assert 39.0 < snapped.snap_m[0] < 41.0


# -- the walk to the nearest road ---------------------------------------------------------------


@pytest.fixture(scope="module")
def long_street() -> Network:
    """One straight car street 2.1 km long (ten grid steps) between two junctions."""
    lonlat = np.array([(LON0, LAT0), (LON0 + 10 * STEP, LAT0)])
    return build_network(make_roads(lonlat, [(0, 1)], highway="primary"), "car")


def test_a_home_beside_a_long_street_joins_it_at_the_door(long_street):
    """Halfway along a 2.1 km street, 30 m from it: 1 km from either junction, yet on the
    network; its time to each end is the 30 m walk plus half the street at road speed."""
    net = long_street
    a, b = net.node_xy
    door = (a + b) / 2 + np.array([0.0, 30.0])
    snapping = Snapping(max_snap_m=500.0, walk_kmh=5.0, candidates=2)
    snapped = snap_points(net, _lonlat_at(net, [door.tolist()]), snapping)
    assert not snapped.off_network[0]
    assert snapped.snap_m[0] == pytest.approx(30.0, abs=0.5)
    walk = 30.0 / (5 / 3.6)
    half = net.edge_seconds[0] / 2
    ends = dict(zip(snapped.nodes[0, -2:].tolist(), snapped.walk_seconds[0, -2:], strict=True))
    assert ends[0] == pytest.approx(walk + half, rel=1e-3)
    assert ends[1] == pytest.approx(walk + half, rel=1e-3)
    # a lab at node 1: the home reaches it in walk + half the street; no junction within 500 m
    node_seconds = np.array([np.inf, 0.0])
    seconds, _ = snapped.seconds_via(node_seconds)
    assert seconds[0] == pytest.approx(walk + half, rel=1e-3)
    assert (snapped.nodes[0, :-2] == -1).all()


def test_against_a_one_way_street_the_way_to_its_start_is_walked():
    lonlat = np.array([(LON0, LAT0), (LON0 + 10 * STEP, LAT0)])
    net = build_network(make_roads(lonlat, [(0, 1)], highway="primary", oneway=[1]), "car")
    a, b = net.node_xy
    door = a + (b - a) * 0.25 + np.array([0.0, 10.0])
    snapped = snap_points(net, _lonlat_at(net, [door.tolist()]), Snapping(walk_kmh=5.0))
    ends = dict(zip(snapped.nodes[0, -2:].tolist(), snapped.walk_seconds[0, -2:], strict=True))
    length = float(net.edge_length_m[0])
    walk_mps = 5 / 3.6
    # toward node 1, with the traffic: a quarter walked in, three quarters driven
    assert ends[1] == pytest.approx(10.0 / walk_mps + 0.75 * net.edge_seconds[0], rel=1e-3)
    # toward node 0, against it: the quarter is walked
    assert ends[0] == pytest.approx((10.0 + 0.25 * length) / walk_mps, rel=1e-3)


def test_the_nearest_road_is_exact_on_a_real_city(shared_data):
    """Against shapely's nearest-geometry search on Porto Alegre's car roads, 5,000 points."""
    shapely = pytest.importorskip("shapely")
    net = load_network(shared_data / "porto_alegre" / "poa_osm.pbf", "car")
    xy = project_lonlat(net.geom_lonlat, net.crs)
    counts = np.diff(net.geom_offsets)
    lines = shapely.linestrings(xy, indices=np.repeat(np.arange(len(counts)), counts))
    rng = np.random.default_rng(7)
    pts = rng.uniform(net.node_xy.min(axis=0) - 500, net.node_xy.max(axis=0) + 500, (5000, 2))
    got = net.road_index().nearest(pts)
    _, want = shapely.STRtree(lines).query_nearest(
        shapely.points(pts), return_distance=True, all_matches=False
    )
    np.testing.assert_allclose(got.metres, want, atol=1e-6)
    on_line = shapely.line_interpolate_point(lines[got.edge], got.fraction, normalized=True)
    np.testing.assert_allclose(shapely.distance(on_line, shapely.points(pts)), want, atol=1e-6)
    bounded = net.road_index().nearest(pts, max_m=200.0)
    assert ((bounded.edge >= 0) == (want <= 200.0)).all()


def test_best_candidate_is_chosen_through_node_times(net):
    x, y = net.node_xy[0]
    pts = _lonlat_at(net, [[x + 1.0, y]])
    snapped = snap_points(net, pts, Snapping(candidates=3))
    node_seconds = np.full(net.n_nodes, np.inf)
    second = snapped.nodes[0, 1]
    node_seconds[second] = 10.0  # the nearest node cannot reach a lab, the second can
    seconds, best = snapped.seconds_via(node_seconds)
    # the second junction is reached by the straight walk (column 1) or along the road (an end
    # of the edge the point lies on): whichever is quicker
    assert snapped.best_node(best)[0] == second
    to_second = snapped.walk_seconds[0][snapped.nodes[0] == second]
    assert seconds[0] == pytest.approx(10.0 + to_second.min())
    assert to_second.min() <= snapped.walk_seconds[0, 1]


def test_off_network_points_are_reported_with_their_distance(net):
    x, y = net.node_xy.max(axis=0)
    pts = _lonlat_at(net, [[x + 5_000.0, y]])
    snapped = snap_points(net, pts, Snapping(max_snap_m=1_000.0))
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
        snap_points(net, net.node_lonlat[:1], Snapping(**kwargs))


def test_non_finite_points_are_named(net):
    with pytest.raises(InputError, match=r"rows 1\)"):
        snap_points(net, np.array([[0.0, 0.0], [np.nan, 1.0]]))


# -- labs ----------------------------------------------------------------------------------------

#: Longitude of the two nodes of a road cut off from the 3 x 3 grid (which ends at LON0 + 2 STEP):
#: 0.001 degree is about 106 m at this latitude, so the piece lies 850 m to 1.3 km east of it.
ISLAND_LON = (LON0 + 0.012, LON0 + 0.016)


@pytest.fixture(scope="module")
def split_net() -> Network:
    """The 3 x 3 car grid (the main component) and a two-node road cut off from it."""
    grid = grid_roads(3)
    lonlat = np.vstack([grid.node_lonlat, [(ISLAND_LON[0], LAT0), (ISLAND_LON[1], LAT0)]])
    edges = [(int(u), int(v)) for u, v in zip(grid.edge_u, grid.edge_v, strict=True)]
    return build_network(make_roads(lonlat, [*edges, (9, 10)]), "car")


def _node_at(net: Network, lon: float, lat: float) -> int:
    return int(net.snap(np.array([lon, lat]))[0][0])


def test_a_lab_beyond_the_snap_distance_is_left_out_with_its_reason(split_net):
    labs = Facilities.from_records(
        [
            {"facility_id": "L1", "name": "Lab Centro", "lon": LON0 + STEP, "lat": LAT0 + STEP},
            {"facility_id": "L2", "name": "Lab Norte", "lon": LON0, "lat": LAT0 + 0.05},
        ]
    )
    placed = place_labs(split_net, labs, Snapping(max_snap_m=1_000.0))
    table = placed.table
    assert table["facility_id"].tolist() == ["L1", "L2"]
    assert placed.usable.tolist() == [True, False]
    assert placed.used.tolist() == [0]
    assert placed.nodes.tolist() == [_node_at(split_net, LON0 + STEP, LAT0 + STEP), -1]
    assert table["reason"].iloc[0] == ""
    # 5.5 km north of the grid's south edge, 5.1 km from its north edge
    assert table["snap_m"].iloc[1] == pytest.approx(0.046 * 110_600, rel=0.01)
    reason = table["reason"].iloc[1]
    assert "more than the maximum snap distance of 1000 m" in reason
    assert "from the nearest car road" in reason
    assert placed.left_out() == [f"L2 Lab Norte: {reason}"]
    warning = placed.warning()
    assert warning is not None
    assert "1 labs lie more than 1000 m from a car road and are not used: L2" in warning
    # a longer distance takes it in
    assert place_labs(split_net, labs, Snapping(max_snap_m=6_000.0)).usable.all()


def test_a_lab_beside_a_cut_off_road_joins_the_main_network_when_it_can(split_net):
    main_end = _node_at(split_net, LON0 + 2 * STEP, LAT0)  # east end of the grid's south road
    island = [_node_at(split_net, lon, LAT0) for lon in ISLAND_LON]
    lonlat = np.array(
        [
            (ISLAND_LON[0] - 0.0005, LAT0),  # 53 m from the piece, 800 m from the grid
            (ISLAND_LON[1], LAT0 + 0.0003),  # 33 m from the piece, 1.3 km from the grid
        ]
    )
    placed = place_labs(split_net, lonlat, Snapping(max_snap_m=1_000.0))
    table = placed.table
    assert placed.usable.tolist() == [True, True]
    # the main network is within the distance: the lab joins it, not the nearer piece
    assert placed.nodes[0] == main_end
    assert table["snap_m"].iloc[0] == pytest.approx(800.0, rel=0.01)
    assert table["reason"].iloc[0] == ""
    # only the piece is within the distance: the lab is placed there, with a caution
    assert placed.nodes[1] == island[1]
    assert table["snap_m"].iloc[1] == pytest.approx(33.0, rel=0.05)
    caution = table["reason"].iloc[1]
    assert "only roads cut off from the main car network lie within 1000 m" in caution
    assert "serves that piece alone" in caution
    assert placed.left_out() == []  # placed, not left out
    assert placed.warning() is None
