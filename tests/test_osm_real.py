"""Road readers on real OSM extracts and osmnx GraphML files from ../shared/data."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import numpy as np
import osmnx as ox
import pytest

from ccgeo.io.osm import (
    MOTOR_HIGHWAYS,
    NO_ACCESS,
    WALK_HIGHWAYS,
    first_value,
    read_roads,
    way_modes,
)
from ccgeo.model.roads import RoadData

pytestmark = pytest.mark.shared_data


def directed_pairs(roads: RoadData) -> tuple[np.ndarray, np.ndarray]:
    two_way = roads.edge_oneway == 0
    src = np.r_[roads.edge_u, roads.edge_v[two_way]]
    dst = np.r_[roads.edge_v, roads.edge_u[two_way]]
    return src, dst


def osmnx_endpoints(roads: RoadData) -> np.ndarray:
    """Nodes that osmnx's `simplify_graph` would keep (its `_is_endpoint` rules 1-3)."""
    n = roads.n_nodes
    src, dst = directed_pairs(roads)
    out_deg = np.bincount(src, minlength=n)
    in_deg = np.bincount(dst, minlength=n)
    self_loop = np.zeros(n, dtype=bool)
    self_loop[src[src == dst]] = True
    pairs = np.unique(np.column_stack([np.r_[src, dst], np.r_[dst, src]]), axis=0)
    neighbours = np.bincount(pairs[:, 0], minlength=n)
    degree = in_deg + out_deg
    through = (neighbours == 2) & np.isin(degree, (2, 4))
    return self_loop | (out_deg == 0) | (in_deg == 0) | ~through


def directed_length(roads: RoadData) -> float:
    return float(np.sum(roads.edge_length_m * np.where(roads.edge_oneway == 1, 1, 2)))


def assert_same_arrays(a: RoadData, b: RoadData) -> None:
    arrays_b = b.to_arrays()
    for key, value in a.to_arrays().items():
        np.testing.assert_array_equal(value, arrays_b[key], err_msg=key)


@pytest.mark.parametrize("mode", ["all", "car", "walk"])
def test_aguascalientes_pbf_and_bz2_identical(shared_data: Path, mode: str) -> None:
    folder = shared_data / "aguascalientes"
    pbf = read_roads(folder / "aguascalientes.osm.pbf", mode=mode)
    xml = read_roads(folder / "aguascalientes.osm.bz2", mode=mode)
    pbf.validate()
    assert_same_arrays(pbf, xml)
    assert pbf.warnings == ()


def test_aguascalientes_matches_osmnx(shared_data: Path) -> None:
    path = shared_data / "aguascalientes" / "aguascalientes.osm.bz2"
    graph = ox.graph_from_xml(path, simplify=True, retain_all=True)
    # osmnx keeps every way of the file (buildings, landuse, highway=construction...): restrict
    # it to the edges whose every merged way ccgeo also keeps, judged on the tags osmnx retains
    keep = []
    for u, v, k, data in graph.edges(keys=True, data=True):
        classes = data.get("highway")
        if classes is None:
            continue
        classes = classes if isinstance(classes, list) else [classes]
        tags = {t: first_value(data[t]) for t in ("access", "service", "area") if t in data}
        if all(way_modes({**tags, "highway": c}) for c in classes):
            keep.append((u, v, k))
    reference = graph.edge_subgraph(keep)
    ref_length = sum(d["length"] for _, _, d in reference.edges(data=True))

    roads = read_roads(path, mode="all")
    assert directed_length(roads) == pytest.approx(ref_length, rel=0.005)
    # ccgeo also splits where one way ends and the next begins (so that each edge has one
    # highway class and speed), and cuts the ways at barriers (bollards...) with a node of its
    # own on each side (keys below -2**62, which osmnx does not have); counted by osmnx's rules
    # on the nodes of the file, the intersections agree within 1 %
    own = roads.node_osmid < -(1 << 62) + 1
    assert 0 < own.sum() < 40  # the file has 33 barrier nodes, not all on roads or closed
    endpoints = int(osmnx_endpoints(roads)[~own].sum())
    assert endpoints == pytest.approx(len(reference), rel=0.01)
    assert roads.n_nodes > endpoints


def test_oaxaca_full_osm_file(shared_data: Path) -> None:
    path = shared_data / "oaxaca" / "oaxaca_base.osm.pbf"
    every = read_roads(path, mode="all")
    car = read_roads(path, mode="car")
    every.validate()
    car.validate()
    # buildings, rivers and landuse have no highway tag; excluded classes never appear
    assert set(every.highway_counts()) <= MOTOR_HIGHWAYS | WALK_HIGHWAYS
    assert set(car.highway_counts()) <= MOTOR_HIGHWAYS
    assert car.n_edges < every.n_edges
    # in mode "all" car roads are also split where footways meet them: same roads, more pieces
    in_every = every.usable_by("car")
    assert in_every.sum() > car.n_edges
    assert every.edge_length_m[in_every].sum() == pytest.approx(car.edge_length_m.sum(), rel=1e-9)
    # osmnx 2.1.1 graph_from_xml(retain_all=True) on the XML copy gives 44,933 nodes and 92,786
    # edges, but ~10k of those nodes and ~5k edges belong to ways with no highway tag (buildings,
    # water, landuse rings it cannot simplify). Restricted to the road edges ccgeo keeps (see
    # tests/bench/bench_load_osm.py) it has 34,257 nodes, 86,886 edges and 7,489.8 km of
    # directed length. ccgeo splits also where one way ends and the next begins (~4.9k more
    # directed edges), so its directed edge count lands near osmnx's full count.
    assert every.n_directed_edges == pytest.approx(92_786, rel=0.03)
    assert directed_length(every) / 1000 == pytest.approx(7_489.8, rel=0.005)
    assert osmnx_endpoints(every).sum() == pytest.approx(34_257, rel=0.02)
    assert every.n_nodes < 44_933
    minlon, minlat, maxlon, maxlat = every.bbox
    assert -96.96 < minlon < maxlon < -96.37
    assert 16.76 < minlat < maxlat < 18.24
    km = every.edge_length_m.sum() / 1000
    assert 3_000 < km < 5_000  # network length of a city of ~700k people, km


def test_porto_alegre(shared_data: Path) -> None:
    folder = shared_data / "porto_alegre"
    roads = read_roads(folder / "poa_osm.pbf", mode="car")
    roads.validate()
    assert roads.n_edges > 10_000
    assert roads.highway_counts()["residential"] > 1_000
    minlon, minlat, maxlon, maxlat = roads.bbox
    assert -51.4 < minlon < maxlon < -51.0
    assert -30.3 < minlat < maxlat < -29.9
    assert_same_arrays(roads, read_roads(folder / "poa_osm_derived.osm.bz2", mode="car"))
    gdf = roads.edges_gdf()
    assert len(gdf) == roads.n_edges
    assert gdf.geometry.is_valid.all()


@pytest.mark.parametrize(("name", "n_nodes", "n_edges"), [
    ("jatinegara.graphml", 722, 1680),
    ("kelapa_gading.graphml", 642, 1439),
])  # fmt: skip
def test_jakarta_graphml(shared_data: Path, name: str, n_nodes: int, n_edges: int) -> None:
    path = shared_data / "jakarta" / name
    roads = read_roads(path, mode="car")
    roads.validate()
    graph = nx.read_graphml(path, force_multigraph=True)
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (n_nodes, n_edges)
    # osmnx 1.3 "drive" networks keep access=no (and =destination...) streets; ccgeo drops them
    closed = [
        (u, v)
        for u, v, d in graph.edges(data=True)
        if first_value(d.get("access")) in NO_ACCESS["car"]
    ]
    graph.remove_edges_from(closed)
    graph.remove_nodes_from([n for n in list(graph) if graph.degree(n) == 0])
    assert roads.n_nodes == graph.number_of_nodes()
    # every directed edge of the file is either a one-way edge or half of a two-way pair
    assert roads.n_directed_edges == graph.number_of_edges()
    file_length = sum(float(d["length"]) for _, _, d in graph.edges(data=True))
    assert directed_length(roads) == pytest.approx(file_length, rel=1e-9)
    xy = np.array([[float(d["x"]), float(d["y"])] for _, d in graph.nodes(data=True)])
    np.testing.assert_allclose(np.sort(roads.node_lonlat[:, 0]), np.sort(xy[:, 0]))
    assert roads.node_lonlat[roads.edge_u] == pytest.approx(
        roads.geom_lonlat[roads.geom_offsets[:-1]], abs=1e-6
    )
