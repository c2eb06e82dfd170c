"""The memory of a routable network: compact arrays, the roads' arrays shared, a lean build."""

from __future__ import annotations

import io
import tracemalloc

import numpy as np
import pytest
from roadkit import grid_roads

import ccgeo.model.roads as roads_module
from ccgeo.errors import InputError
from ccgeo.model.network import CACHE_VERSION, Network, index_array
from ccgeo.model.roads import fixed_unicode, text_codes
from ccgeo.network.build import build_network
from ccgeo.project import Project, open_project, save_project, write_arrays

SHARED = ("geom_lonlat", "geom_offsets", "edge_length_m", "edge_way_id", "node_lonlat")
INDICES = ("node_source", "arc_edge", "edge_source", "edge_u", "edge_v")


def _own_bytes(net: Network, roads: object) -> int:
    """Bytes of the network's arrays that are not views of the roads' arrays."""
    theirs = [v for v in vars(roads).values() if isinstance(v, np.ndarray)]
    return sum(
        v.nbytes
        for v in vars(net).values()
        if isinstance(v, np.ndarray) and not any(np.shares_memory(v, r) for r in theirs)
    )


def test_a_network_of_every_road_shares_the_roads_arrays_and_leaves_them_writable():
    roads = grid_roads(4)
    net = build_network(roads, "car")
    assert len(net.edge_u) == roads.n_edges
    for name in SHARED:
        assert np.shares_memory(getattr(net, name), getattr(roads, name)), name
        assert not getattr(net, name).flags.writeable, name
        assert getattr(roads, name).flags.writeable, name
    for name in INDICES:
        assert getattr(net, name).dtype == np.int32, name
    assert net.edge_class.dtype == np.uint8


def test_a_network_of_some_roads_copies_their_geometry():
    classes = ["footway"] * 6 + ["primary"] * 6  # the car network leaves the footways out
    roads = grid_roads(3, highway=classes)
    net = build_network(roads, "car")
    assert net.edge_source.tolist() == list(range(6, 12))
    assert not np.shares_memory(net.geom_lonlat, roads.geom_lonlat)
    for i, road in enumerate(net.edge_source.tolist()):
        mine = net.geom_lonlat[net.geom_offsets[i] : net.geom_offsets[i + 1]]
        theirs = roads.geom_lonlat[roads.geom_offsets[road] : roads.geom_offsets[road + 1]]
        np.testing.assert_array_equal(mine, theirs)
    np.testing.assert_array_equal(net.edge_length_m, roads.edge_length_m[6:])
    assert net.class_names == ("primary",)
    assert net.edge_highway.tolist() == ["primary"] * 6


def test_road_classes_are_codes_of_the_classes_the_network_uses():
    classes = ["trunk", "residential", "footway", "weird", "residential", "track"] * 2
    roads = grid_roads(3, highway=classes)
    net = build_network(roads, "car")
    assert net.class_names == tuple(sorted(set(classes) - {"footway"}))
    expected = np.array(classes, dtype=str)[net.edge_source]
    np.testing.assert_array_equal(net.edge_highway, expected)
    graph = net.to_networkx()
    for u, v, data in graph.edges(data=True):
        arc = net.arc_index([u], [v])[0]
        assert data["highway"] == expected[net.arc_edge[arc]]


def test_text_codes_are_np_unique_block_by_block(monkeypatch):
    monkeypatch.setattr(roads_module, "_CODE_BLOCK", 7)
    rng = np.random.default_rng(5)
    pool = np.array(["primary", "", "track", None, "residential", np.nan, "a" * 30], dtype=object)
    values = pool[rng.integers(0, len(pool), 100)]
    codes, names = text_codes(values)
    want_names, want_codes = np.unique(values.astype(str), return_inverse=True)
    np.testing.assert_array_equal(names, want_names)
    np.testing.assert_array_equal(codes, want_codes.reshape(-1))
    assert codes.dtype == np.uint8
    many, many_names = text_codes(np.array([f"class{i}" for i in range(300)], dtype=object))
    assert many.dtype == np.uint16
    assert many_names[many[299]] == "class299"
    empty, none = text_codes(np.array([], dtype=object))
    assert (len(empty), len(none)) == (0, 0)


def test_index_arrays_widen_only_when_they_must():
    assert index_array(np.array([0, 5], dtype=np.int64)).dtype == np.int32
    assert index_array(np.array([], dtype=np.int64)).dtype == np.int32
    assert index_array(np.array([2**31], dtype=np.int64)).dtype == np.int64


def test_the_cache_round_trip_keeps_codes_and_index_types():
    net = build_network(grid_roads(4, highway=["primary", "track"] * 12), "car")
    buf = io.BytesIO()
    np.savez(buf, **net.to_arrays())
    buf.seek(0)
    with np.load(buf, allow_pickle=False) as data:
        back = Network.from_arrays(dict(data))
    assert back.class_names == net.class_names
    np.testing.assert_array_equal(back.edge_class, net.edge_class)
    assert back.edge_class.dtype == np.uint8
    for name in INDICES:
        assert getattr(back, name).dtype == np.int32, name
        np.testing.assert_array_equal(getattr(back, name), getattr(net, name))


def _version_1_arrays(net: Network) -> dict[str, np.ndarray]:
    """The arrays as cache version 1 stored them: highway names, int64 indices."""
    arrays = net.to_arrays()
    del arrays["edge_class"], arrays["class_names"]
    arrays["edge_highway"] = fixed_unicode(net.edge_highway)
    for name in INDICES:
        arrays[name] = arrays[name].astype(np.int64)
    arrays["cache_version"] = np.array(1)
    return arrays


def test_a_cache_of_version_1_asks_for_a_rebuild():
    arrays = _version_1_arrays(build_network(grid_roads(3), "car"))
    assert CACHE_VERSION != 1
    with pytest.raises(InputError, match=r"cache version 1, expected .*rebuild it from the roads"):
        Network.from_arrays(arrays)


def test_codes_out_of_range_are_refused():
    arrays = build_network(grid_roads(3), "car").to_arrays()
    arrays["class_names"] = arrays["class_names"][:0]
    with pytest.raises(InputError, match="do not fit together"):
        Network.from_arrays(arrays)


def test_a_project_saved_with_a_version_1_cache_rebuilds_its_network(tmp_path, monkeypatch):
    project = Project(roads=grid_roads(4))
    built = project.network("car")
    path = save_project(project, tmp_path / "p.ccgeo")
    write_arrays(path, "network:car", _version_1_arrays(built))
    calls = []
    real = build_network

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr("ccgeo.project.build_network", counting)
    net = open_project(path).network("car")
    assert calls == [1]
    np.testing.assert_array_equal(net.csr.toarray(), built.csr.toarray())


@pytest.fixture(scope="module")
def city():
    """A 150 × 150 street grid: 44,700 two-way edges, every one usable by car."""
    return grid_roads(150, highway="residential")


def test_a_network_holds_under_50_bytes_per_edge_of_its_own(city):
    net = build_network(city, "car")
    assert _own_bytes(net, city) / city.n_edges < 50


def test_the_build_peaks_under_1_3_times_what_it_keeps(city):
    # the roads' class and surface codes, computed once and kept by the roads, not the network
    _ = city.highway_codes, city.surface_codes
    tracemalloc.start()
    try:
        start = tracemalloc.get_traced_memory()[0]
        net = build_network(city, "car")
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert net.n_nodes == 150 * 150
    assert peak - start < 1.3 * (kept - start)
