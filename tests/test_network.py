"""Network: CSR travel seconds built with numpy, one-way, parallel and zero-length arcs, snapping,
connectivity, networkx export and the cache arrays."""

from __future__ import annotations

import io
import threading

import networkx as nx
import numpy as np
import pytest
from roadkit import LAT0, LON0, STEP, grid_roads, make_roads, random_roads

from ccgeo.errors import Cancelled, InputError
from ccgeo.geo import great_circle_m
from ccgeo.model.network import EPSILON_SECONDS, Network
from ccgeo.model.profile import SpeedProfile
from ccgeo.model.roads import MODE_BITS, RoadData
from ccgeo.network.build import build_network
from ccgeo.network.profiles import load_profiles


@pytest.fixture(scope="module")
def profiles() -> dict[str, SpeedProfile]:
    return load_profiles()


def arc_seconds(net: Network, a: int, b: int) -> float:
    return float(net.csr[a, b])


def test_grid_builds_every_arc_with_its_travel_time(profiles):
    roads = grid_roads(3)
    net = build_network(roads, "car", profiles=profiles)
    assert (net.n_nodes, net.n_edges) == (9, 24)
    length = roads.edge_length_m[0]
    assert arc_seconds(net, 0, 1) == pytest.approx(length / (25 / 3.6))
    assert arc_seconds(net, 1, 0) == arc_seconds(net, 0, 1)
    assert net.crs.to_epsg() == 32614
    # node_xy are metres: two grid neighbours are as far apart as the great-circle length
    d = np.hypot(*(net.node_xy[1] - net.node_xy[0]))
    assert d == pytest.approx(length, rel=2e-3)
    np.testing.assert_array_equal(net.csr_to.toarray(), net.csr.toarray().T)


def test_oneway_is_respected_by_car_and_ignored_on_foot(profiles):
    roads = grid_roads(3, oneway=[1] + [0] * 11)
    car = build_network(roads, "car", profiles=profiles)
    walk = build_network(roads, "walk", profiles=profiles)
    assert car.csr[0, 1] > 0
    assert car.csr[1, 0] == 0  # no arc against the one-way
    assert car.n_edges == 23
    assert walk.csr[1, 0] == walk.csr[0, 1] == pytest.approx(roads.edge_length_m[0] / (5 / 3.6))
    assert walk.n_edges == 24


def test_parallel_edges_keep_the_fastest_and_loops_carry_no_arc(profiles):
    lonlat = [(LON0, LAT0), (LON0 + STEP, LAT0)]
    roads = make_roads(
        lonlat,
        [(0, 1), (1, 0), (0, 0), (0, 1)],
        highway=["residential", "primary", "service", "secondary"],
        length_m=[200.0, 250.0, 50.0, 400.0],
    )
    net = build_network(roads, "car", profiles=profiles)
    # residential 200 m = 28.8 s, primary 250 m = 13.846 s, secondary 400 m = 26.18 s
    assert net.n_edges == 2
    assert arc_seconds(net, 0, 1) == pytest.approx(250 / (65 / 3.6))
    # the arc kept runs along the primary edge, against its drawing direction
    arc = net.arc_index(np.array([0]), np.array([1]))[0]
    assert net.edge_highway[net.arc_edge[arc]] == "primary"
    assert net.arc_reversed[arc]
    assert len(net.edge_u) == 4  # the loop is kept for drawing


def test_zero_length_arc_is_kept_with_epsilon_and_networkx_agrees(profiles):
    lonlat = [(LON0, LAT0), (LON0, LAT0), (LON0 + STEP, LAT0)]
    roads = make_roads(lonlat, [(0, 1), (1, 2)], length_m=[0.0, 100.0])
    net = build_network(roads, "car", profiles=profiles)
    assert arc_seconds(net, 0, 1) == EPSILON_SECONDS
    assert net.csr.nnz == 4  # the zero arc is stored, both ways
    from scipy.sparse.csgraph import dijkstra

    dist = dijkstra(net.csr, indices=0)
    assert dist[2] == EPSILON_SECONDS + 100 / (25 / 3.6)
    nx_dist = nx.single_source_dijkstra_path_length(net.to_networkx(), 0, weight="travel_seconds")
    assert [nx_dist[i] for i in range(3)] == dist.tolist()


def test_speed_rules_reach_the_csr(profiles):
    lonlat = [(LON0 + i * STEP, LAT0) for i in range(5)]
    roads = make_roads(
        lonlat,
        [(0, 1), (1, 2), (2, 3), (3, 4)],
        highway=["primary", "primary", "motorway", "footway"],
        maxspeed=[30.0, np.nan, np.nan, np.nan],
        surface=["", "dirt", "", ""],
        length_m=[1000.0] * 4,
    )
    car = build_network(roads, "car", profiles=profiles)
    assert car.n_nodes == 4  # the footway's end node is not in the car network
    np.testing.assert_array_equal(car.node_source, [0, 1, 2, 3])
    assert arc_seconds(car, 0, 1) == pytest.approx(1000 / (30 / 3.6))
    assert arc_seconds(car, 1, 2) == pytest.approx(1000 / (65 * 0.7 / 3.6))
    moto = build_network(roads, "motorbike", profiles=profiles)
    assert arc_seconds(moto, 2, 3) == pytest.approx(1000 / (60 / 3.6))
    walk = build_network(roads, "walk", profiles=profiles)
    # no motorway on foot: two pieces
    assert walk.connectivity()["n_components"] == 2
    assert walk.n_nodes == 5


def test_congestion_multiplies_every_time(profiles):
    roads = grid_roads(3)
    free = build_network(roads, "car", profiles=profiles)
    peak = build_network(roads, "car", profiles=profiles, congestion=3.0)
    np.testing.assert_array_equal(peak.csr.data, free.csr.data * 3.0)
    assert peak.profile.congestion_factor == 3.0
    assert free.profile.congestion_factor == 1.0


def test_access_tags_close_edges_to_a_mode(profiles):
    # the reader marks an edge closed to cars (motor_vehicle=no) but open on foot
    roads = grid_roads(3, modes=[MODE_BITS["walk"]] + [MODE_BITS["all"]] * 11)
    car = build_network(roads, "car", profiles=profiles)
    walk = build_network(roads, "walk", profiles=profiles)
    assert car.csr[0, 1] == 0
    assert walk.csr[0, 1] > 0


def test_unknown_class_warns_and_no_usable_road_raises(profiles):
    roads = grid_roads(3, highway=["bus_guideway_x"] * 2 + ["residential"] * 10)
    net = build_network(roads, "car", profiles=profiles)
    assert len(net.warnings) == 1
    assert "2 of 12 edges" in net.warnings[0]
    footways = grid_roads(3, highway="footway")
    with pytest.raises(InputError, match=r"no roads usable by car.*footway \(12\)"):
        build_network(footways, "car", profiles=profiles)
    with pytest.raises(InputError, match="no speed profile for mode 'boat'"):
        build_network(roads, "boat", profiles=profiles)


def test_roads_read_for_another_mode_warn(profiles):
    roads = grid_roads(3, mode="car", modes=[MODE_BITS["all"]] * 12)
    net = build_network(roads, "walk", profiles=profiles)
    assert any("read for car" in w for w in net.warnings)


def test_connectivity_reports_pieces_and_one_way_traps(profiles):
    # 3x3 grid, plus node 9 reached by a one-way street it cannot leave, plus an island 10-11
    base = grid_roads(3)
    lonlat = np.vstack(
        [
            base.node_lonlat,
            [[LON0 + 3 * STEP, LAT0], [LON0, LAT0 + 9 * STEP], [LON0, LAT0 + 10 * STEP]],
        ]
    )
    edges = [*zip(base.edge_u.tolist(), base.edge_v.tolist(), strict=True), (2, 9), (10, 11)]
    roads = make_roads(lonlat, edges, oneway=[0] * 12 + [1, 0])
    net = build_network(roads, "car", profiles=profiles)
    c = net.connectivity()
    assert c["n_components"] == 2
    assert c["n_strong_components"] == 3
    assert c["main_component_nodes"] == 9
    assert c["nodes_cannot_reach_main"] == 3  # node 9 and the island
    assert c["cannot_reach_main_share"] == pytest.approx(3 / 12)
    assert c["unreachable_from_main_share"] == pytest.approx(2 / 12)
    assert "3 of 12 nodes" in c["message"]
    assert net.main_component_mask().sum() == 9
    connected = build_network(base, "car", profiles=profiles).connectivity()
    assert connected["n_components"] == 1
    assert "is connected" in connected["message"]


def test_snap_is_vectorised_and_reports_metres(profiles):
    net = build_network(grid_roads(3), "car", profiles=profiles)
    pts = net.node_lonlat[[4, 8]] + [[0.0, 0.0003], [0.0002, 0.0]]
    nodes, metres = net.snap(pts)
    np.testing.assert_array_equal(nodes, [4, 8])
    expected = great_circle_m(
        pts[:, 0], pts[:, 1], net.node_lonlat[[4, 8], 0], net.node_lonlat[[4, 8], 1]
    )
    # great-circle lengths are on a sphere, UTM on the ellipsoid: ~0.5 % apart north-south here
    np.testing.assert_allclose(metres, expected, rtol=6e-3)
    one, _ = net.snap(np.array([LON0, LAT0]))
    assert one.tolist() == [0]
    with pytest.raises(InputError, match="rows 1 have missing"):
        net.snap(np.array([[LON0, LAT0], [np.nan, LAT0]]))
    assert net.snap(np.empty((0, 2)))[0].shape == (0,)


def test_snap_to_main_component_skips_islands(profiles):
    base = grid_roads(3)
    island = [[LON0 + 10 * STEP, LAT0], [LON0 + 11 * STEP, LAT0]]
    edges = [*zip(base.edge_u.tolist(), base.edge_v.tolist(), strict=True), (9, 10)]
    net = build_network(
        make_roads(np.vstack([base.node_lonlat, island]), edges), "car", profiles=profiles
    )
    pt = np.array([[LON0 + 10 * STEP, LAT0]])
    assert net.snap(pt)[0].tolist() == [9]
    node, metres = net.snap(pt, main_component_only=True)
    assert node.tolist() == [2]
    assert metres[0] > 1500


def test_to_networkx_is_osmnx_style_and_matches_the_csr(profiles):
    net = build_network(grid_roads(3, oneway=[1] + [0] * 11), "car", profiles=profiles)
    graph = net.to_networkx()
    assert isinstance(graph, nx.MultiDiGraph)
    assert graph.graph["crs"] == "EPSG:4326"
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (net.n_nodes, net.n_edges)
    assert graph.nodes[4]["x"] == net.node_lonlat[4, 0]
    assert graph.nodes[4]["y"] == net.node_lonlat[4, 1]
    assert not graph.has_edge(1, 0)
    coo = net.csr.tocoo()
    for a, b, s in zip(coo.row, coo.col, coo.data, strict=True):
        assert graph[a][b][0]["travel_seconds"] == s
        assert graph[a][b][0]["length"] > 0


def test_osmnx_takes_the_exported_graph(profiles):
    ox = pytest.importorskip("osmnx")
    net = build_network(grid_roads(3), "car", profiles=profiles)
    graph = net.to_networkx()
    nodes, edges = ox.convert.graph_to_gdfs(graph)
    assert (len(nodes), len(edges)) == (9, 24)
    route = ox.routing.shortest_path(graph, 0, 8, weight="travel_seconds")
    assert route[0] == 0
    assert route[-1] == 8
    assert len(route) == 5


def test_cache_arrays_round_trip_through_npz(profiles):
    roads = grid_roads(3, oneway=[1] + [0] * 11, highway=["weird"] + ["primary"] * 11)
    net = build_network(roads, "motorbike", profiles=profiles, congestion=2.0)
    buf = io.BytesIO()
    np.savez(buf, **net.to_arrays())
    buf.seek(0)
    with np.load(buf, allow_pickle=False) as data:
        back = Network.from_arrays(dict(data))
    assert back.profile == net.profile
    assert back.mode == "motorbike"
    assert back.crs == net.crs
    assert back.warnings == net.warnings
    np.testing.assert_array_equal(back.csr.toarray(), net.csr.toarray())
    np.testing.assert_array_equal(back.csr_to.toarray(), net.csr_to.toarray())
    for key in ("node_xy", "arc_edge", "arc_reversed", "geom_lonlat", "edge_highway"):
        np.testing.assert_array_equal(getattr(back, key), getattr(net, key))


def test_cache_from_another_version_is_refused(profiles):
    arrays = build_network(grid_roads(3), "car", profiles=profiles).to_arrays()
    arrays["cache_version"] = np.array(99)
    with pytest.raises(InputError, match=r"cache version 99.*rebuild"):
        Network.from_arrays(arrays)
    del arrays["csr_data"]
    arrays["cache_version"] = np.array(1)
    with pytest.raises(InputError, match="missing csr_data"):
        Network.from_arrays(arrays)


def test_network_arrays_are_read_only(profiles):
    net = build_network(grid_roads(3), "car", profiles=profiles)
    with pytest.raises(ValueError, match="read-only"):
        net.csr.data[0] = 1.0
    with pytest.raises(ValueError, match="read-only"):
        net.node_xy[0, 0] = 1.0


def test_arcs_lonlat_follows_travel_direction(profiles):
    lonlat = [(LON0, LAT0), (LON0 + STEP, LAT0)]
    roads = make_roads(lonlat, [(0, 1)])
    roads = RoadData(
        **{**roads.__dict__, "geom_offsets": np.array([0, 3]),
           "geom_lonlat": np.array([lonlat[0], (LON0 + STEP / 2, LAT0 + STEP), lonlat[1]])}
    )  # fmt: skip
    net = build_network(roads, "car", profiles=profiles)
    back = net.arc_index(np.array([1]), np.array([0]))
    offsets, pts = net.arcs_lonlat(back)
    assert offsets.tolist() == [0, 3]
    np.testing.assert_array_equal(pts, np.array(roads.geom_lonlat)[::-1])
    with pytest.raises(ValueError, match="no arc from node 0 to node 0"):
        net.arc_index(np.array([0]), np.array([0]))


def test_build_can_be_cancelled_and_reports_progress(profiles):
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        build_network(grid_roads(3), "car", profiles=profiles, cancel=cancel)
    seen: list[float] = []
    build_network(grid_roads(3), "car", profiles=profiles, progress=lambda f, _t: seen.append(f))
    assert seen[0] == 0.0
    assert seen[-1] == 1.0
    assert seen == sorted(seen)


def test_random_grids_build_like_a_python_reference(profiles):
    # a slow, obvious reference: min over parallel arcs, both ways unless one-way
    car = profiles["car"]
    for seed in range(5):
        roads = random_roads(6, seed)
        net = build_network(roads, car, profiles=profiles)
        ref: dict[tuple[int, int], float] = {}
        for i in range(roads.n_edges):
            kmh = car.speeds_kmh[roads.edge_highway[i]]
            if roads.edge_surface[i] == "dirt":
                kmh *= 0.7
            s = max(roads.edge_length_m[i] * 3.6 / kmh, EPSILON_SECONDS)
            a, b = (
                int(x) for x in net.node_source.searchsorted([roads.edge_u[i], roads.edge_v[i]])
            )
            pairs = [(a, b)] if roads.edge_oneway[i] else [(a, b), (b, a)]
            for p in pairs:
                ref[p] = min(ref.get(p, np.inf), s)
        coo = net.csr.tocoo()
        got = {
            (int(a), int(b)): float(s) for a, b, s in zip(coo.row, coo.col, coo.data, strict=True)
        }
        assert got.keys() == ref.keys()
        for key, s in ref.items():
            assert got[key] == pytest.approx(s, rel=1e-12)
