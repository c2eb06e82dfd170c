"""Unit tests of the road readers on tiny synthetic OSM, GraphML and road-line files."""

from __future__ import annotations

import bz2
import gzip
import threading
from pathlib import Path

import geopandas as gpd
import networkx as nx
import numpy as np
import osmium
import osmnx as ox
import pytest
from osmnx.distance import great_circle
from scipy.sparse.csgraph import dijkstra
from shapely.geometry import LineString, MultiLineString

import ccgeo.io.osm as osm
from ccgeo.errors import Cancelled, InputError, OfflineError
from ccgeo.io.osm import parse_maxspeed, read_roads, way_modes, way_oneway
from ccgeo.model.roads import MODE_BITS, RoadData
from ccgeo.network.build import load_network

LON0, LAT0, STEP = -96.72, 17.06, 0.001

# node id -> (column, row) on a grid of STEP degrees
GRID = {
    1: (0, 0), 2: (1, 0), 3: (2, 0), 4: (1, 1), 5: (2.5, 0.5), 6: (3, 0), 7: (4, 0),
    8: (1, 2), 9: (5, 0), 10: (6, 0), 11: (6, 1), 12: (6, 3), 13: (6, 4), 14: (7, 4),
    15: (8, 4), 16: (8, 5), 17: (0, 2), 18: (0, 3), 19: (-1, 0), 20: (3, 3), 21: (4, 3),
    22: (4, 4), 23: (3, -2), 30: (10, 0), 31: (11, 0), 32: (10.5, 1), 33: (12, 0),
}  # fmt: skip

# way id -> (node refs, tags); node 99 is referenced but absent, as in a clipped extract
WAYS: dict[int, tuple[list[int], dict[str, str]]] = {
    100: ([1, 2, 3], {"highway": "residential"}),
    101: ([2, 4], {"highway": "residential"}),
    102: ([3, 5, 6], {"highway": "primary", "oneway": "yes"}),
    103: ([6, 7], {"highway": "secondary", "oneway": "-1"}),
    104: ([20, 21, 22, 20], {"building": "yes"}),
    105: ([4, 8], {"highway": "footway"}),
    106: ([7, 9], {"highway": "tertiary", "maxspeed": "30 mph"}),
    107: ([9, 10], {"highway": "track", "surface": "dirt"}),
    108: ([10, 11, 99, 12, 13], {"highway": "residential"}),
    109: ([13, 14], {"highway": "construction"}),
    110: ([14, 15, 16, 14], {"highway": "pedestrian", "area": "yes"}),
    111: ([8, 17], {"highway": "service", "service": "parking_aisle"}),
    112: ([17, 18], {"highway": "residential", "access": "private"}),
    113: ([1, 19], {"highway": "residential", "motor_vehicle": "no"}),
    114: ([6, 23], {"highway": "motorway", "oneway": "yes", "maxspeed": "90;110"}),
    115: ([30, 31, 32, 30], {"highway": "residential", "junction": "roundabout"}),
    116: ([31, 33], {"highway": "residential;unclassified"}),
}


def lonlat(node: int) -> tuple[float, float]:
    col, row = GRID[node]
    return round(LON0 + col * STEP, 7), round(LAT0 + row * STEP, 7)


def osm_xml(ways: dict[int, tuple[list[int], dict[str, str]]] = WAYS) -> str:
    lines = ["<?xml version='1.0' encoding='UTF-8'?>", '<osm version="0.6" generator="test">']
    for node in sorted(GRID):
        lon, lat = lonlat(node)
        lines.append(f'  <node id="{node}" version="1" lat="{lat:.7f}" lon="{lon:.7f}"/>')
    for way_id, (refs, tags) in ways.items():
        lines.append(f'  <way id="{way_id}" version="1">')
        lines += [f'    <nd ref="{r}"/>' for r in refs]
        lines += [f'    <tag k="{k}" v="{v}"/>' for k, v in tags.items()]
        lines.append("  </way>")
    lines.append("</osm>")
    return "\n".join(lines) + "\n"


@pytest.fixture
def osm_file(tmp_path: Path) -> Path:
    path = tmp_path / "town.osm"
    path.write_text(osm_xml(), encoding="utf-8")
    return path


def edge_set(roads: RoadData) -> set[tuple[int, int]]:
    ids = roads.node_osmid
    return {(int(ids[u]), int(ids[v])) for u, v in zip(roads.edge_u, roads.edge_v, strict=True)}


def edge_of(roads: RoadData, u: int, v: int) -> int:
    ids = roads.node_osmid
    hits = np.flatnonzero((ids[roads.edge_u] == u) & (ids[roads.edge_v] == v))
    assert len(hits) == 1, f"expected one edge {u}->{v}, found {len(hits)}"
    return int(hits[0])


def gc(a: int, b: int) -> float:
    (lon1, lat1), (lon2, lat2) = lonlat(a), lonlat(b)
    return float(great_circle(lat1, lon1, lat2, lon2))


# -- OSM XML ---------------------------------------------------------------------------------

ALL_EDGES = {
    (1, 2), (2, 3), (2, 4), (3, 6), (7, 6), (4, 8), (7, 9), (9, 10), (10, 11), (12, 13),
    (8, 17), (1, 19), (6, 23), (30, 31), (31, 30), (31, 33),
}  # fmt: skip
CAR_EDGES = ALL_EDGES - {(4, 8), (8, 17), (1, 19)}
WALK_EDGES = ALL_EDGES - {(6, 23)}


@pytest.mark.parametrize(
    ("mode", "edges"),
    [("all", ALL_EDGES), ("car", CAR_EDGES), ("motorbike", CAR_EDGES), ("walk", WALK_EDGES)],
)
def test_osm_xml_splits_ways_at_intersections_per_mode(
    osm_file: Path, mode: str, edges: set[tuple[int, int]]
) -> None:
    roads = read_roads(osm_file, mode=mode)
    roads.validate()
    assert edge_set(roads) == edges
    assert roads.n_edges == len(edges)
    assert set(roads.node_osmid.tolist()) == {n for e in edges for n in e}
    # building, construction, area=yes and access=private ways never appear
    assert not set(roads.edge_way_id.tolist()) & {104, 109, 110, 112}
    assert roads.mode == mode
    assert roads.usable_by(mode).all()


def test_osm_xml_geometry_lengths_and_tags(osm_file: Path) -> None:
    roads = read_roads(osm_file, mode="all")
    # the one-way primary keeps its intermediate vertex 5 and is measured along it
    i = edge_of(roads, 3, 6)
    geom = roads.geom_lonlat[roads.geom_offsets[i] : roads.geom_offsets[i + 1]]
    np.testing.assert_allclose(geom, [lonlat(3), lonlat(5), lonlat(6)])
    assert roads.edge_length_m[i] == pytest.approx(gc(3, 5) + gc(5, 6), rel=1e-9)
    assert roads.edge_oneway[i] == 1
    assert roads.edge_highway[i] == "primary"
    # oneway=-1 is stored reversed, from 7 to 6
    j = edge_of(roads, 7, 6)
    assert roads.edge_oneway[j] == 1
    assert roads.edge_way_id[j] == 103
    np.testing.assert_allclose(roads.geom_lonlat[roads.geom_offsets[j]], lonlat(7))
    # two-way streets, maxspeed in mph, lowest of a list, surface
    assert roads.edge_oneway[edge_of(roads, 1, 2)] == 0
    assert roads.edge_maxspeed_kmh[edge_of(roads, 7, 9)] == pytest.approx(48.28032)
    assert roads.edge_maxspeed_kmh[edge_of(roads, 6, 23)] == 90
    assert np.isnan(roads.edge_maxspeed_kmh[edge_of(roads, 1, 2)])
    assert roads.edge_surface[edge_of(roads, 9, 10)] == "dirt"
    assert roads.edge_surface[edge_of(roads, 1, 2)] == ""
    assert roads.edge_highway[edge_of(roads, 31, 33)] == "residential"
    # the roundabout is one-way and split where the side street joins and where it closes
    assert roads.edge_oneway[edge_of(roads, 30, 31)] == 1
    k = edge_of(roads, 31, 30)
    assert roads.geom_offsets[k + 1] - roads.geom_offsets[k] == 3
    # node coordinates and every edge's end vertices agree
    starts = roads.geom_lonlat[roads.geom_offsets[:-1]]
    ends = roads.geom_lonlat[roads.geom_offsets[1:] - 1]
    np.testing.assert_allclose(starts, roads.node_lonlat[roads.edge_u])
    np.testing.assert_allclose(ends, roads.node_lonlat[roads.edge_v])
    two = [edge_of(roads, 1, 2), edge_of(roads, 2, 3)]
    assert roads.edge_length_m[two] == pytest.approx([gc(1, 2), gc(2, 3)])


def test_osm_edge_modes_record_who_may_use_each_edge(osm_file: Path) -> None:
    roads = read_roads(osm_file, mode="all")
    car = roads.usable_by("car")
    walk = roads.usable_by("walk")
    footway, no_motor, motorway = edge_of(roads, 4, 8), edge_of(roads, 1, 19), edge_of(roads, 6, 23)
    assert (car[footway], walk[footway]) == (False, True)
    assert (car[no_motor], walk[no_motor]) == (False, True)
    assert (car[motorway], walk[motorway]) == (True, False)
    car_only = read_roads(osm_file, mode="car")
    assert car.sum() == car_only.n_edges


def test_missing_node_drops_its_segments_with_a_warning(osm_file: Path) -> None:
    roads = read_roads(osm_file, mode="car")
    assert {(10, 11), (12, 13)} <= edge_set(roads)
    assert 99 not in roads.node_osmid
    assert len(roads.warnings) == 1
    assert "1 nodes used by roads are missing" in roads.warnings[0]
    assert "2 road segments" in roads.warnings[0]


def test_node_used_twice_by_one_way_splits_it(tmp_path: Path) -> None:
    # a lollipop: 1-2-3-4-2 visits node 2 twice
    ways = {1: ([1, 2, 3, 4, 2], {"highway": "residential"})}
    path = tmp_path / "loop.osm"
    path.write_text(osm_xml(ways), encoding="utf-8")
    roads = read_roads(path)
    assert edge_set(roads) == {(1, 2), (2, 2)}
    loop = edge_of(roads, 2, 2)
    assert roads.geom_offsets[loop + 1] - roads.geom_offsets[loop] == 4


def write_pbf(xml_path: Path, pbf_path: Path) -> None:
    writer = osmium.SimpleWriter(str(pbf_path))
    try:
        for obj in osmium.FileProcessor(osmium.io.File(str(xml_path), "osm")):
            writer.add(obj)
    finally:
        writer.close()


def assert_same_roads(a: RoadData, b: RoadData) -> None:
    arrays_a, arrays_b = a.to_arrays(), b.to_arrays()
    assert arrays_a.keys() == arrays_b.keys()
    for key, value in arrays_a.items():
        np.testing.assert_array_equal(value, arrays_b[key], err_msg=key)


@pytest.mark.parametrize("mode", ["all", "car"])
def test_every_osm_format_gives_identical_roads(osm_file: Path, tmp_path: Path, mode: str) -> None:
    text = osm_file.read_bytes()
    copies = {
        "town.osm.pbf": None,
        "town.pbf": None,
        "town.osm.xml": text,
        "town.xml": text,
        "town.osm.bz2": bz2.compress(text),
        "town.osm.gz": gzip.compress(text),
    }
    reference = read_roads(osm_file, mode=mode)
    for name, data in copies.items():
        path = tmp_path / name
        if data is None:
            write_pbf(osm_file, path)
        else:
            path.write_bytes(data)
        assert_same_roads(read_roads(path, mode=mode), reference)


def test_progress_and_cancel(osm_file: Path) -> None:
    seen: list[float] = []
    read_roads(osm_file, progress=lambda f, _text: seen.append(f))
    assert seen[0] == 0.0
    assert seen[-1] == 1.0
    assert seen == sorted(seen)
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        read_roads(osm_file, cancel=cancel)


# -- tag parsing -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("50", 50.0),
        ("50 km/h", 50.0),
        ("50kmh", 50.0),
        ("30 mph", 48.28032),
        ("50;60", 50.0),
        ("60;30 mph", 48.28032),
        ("12.5", 12.5),
        ("RU:urban", np.nan),
        ("none", np.nan),
        ("signals", np.nan),
        ("walk", np.nan),
        ("", np.nan),
        ("['40', '60']", 40.0),
    ],
)
def test_parse_maxspeed(value: str, expected: float) -> None:
    got = parse_maxspeed(value)
    if np.isnan(expected):
        assert np.isnan(got)
    else:
        assert got == pytest.approx(expected)


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        ({"highway": "residential"}, 7),
        ({"highway": "motorway"}, 3),
        ({"highway": "footway"}, 4),
        ({"highway": "steps"}, 4),
        ({"highway": "service", "service": "driveway"}, 4),
        ({"highway": "service", "service": "alley"}, 7),
        ({"highway": "residential", "access": "no"}, 0),
        ({"highway": "residential", "access": "no", "foot": "yes"}, 4),
        ({"highway": "residential", "access": "no", "motor_vehicle": "yes"}, 3),
        ({"highway": "track", "motorcar": "no"}, 6),
        ({"highway": "primary", "foot": "no"}, 3),
        ({"highway": "proposed"}, 0),
        ({"highway": "construction"}, 0),
        ({"highway": "construction", "construction": "primary"}, 0),
        ({"highway": "residential", "motor_vehicle": "no"}, 4),
        ({"highway": "residential", "access": "destination"}, 4),
        ({"highway": "residential", "motor_vehicle": "destination"}, 4),
        ({"highway": "service", "access": "delivery"}, 0),
        ({"highway": "track", "access": "agricultural"}, 0),
        ({"highway": "residential", "access": "destination", "motorcar": "yes"}, 5),
        ({"highway": "primary", "access": "psv"}, 4),
        ({"highway": "platform"}, 0),
        ({"highway": "bus_stop"}, 0),
        ({"highway": "pedestrian", "area": "yes"}, 0),
        ({"building": "yes"}, 0),
    ],
)
def test_way_modes(tags: dict[str, str], expected: int) -> None:
    assert way_modes(tags) == expected


FOOT_WAYS: dict[int, tuple[list[int], dict[str, str]]] = {
    200: ([1, 2], {"highway": "footway"}),
    201: ([2, 3], {"highway": "path"}),
    202: ([3, 5], {"highway": "pedestrian"}),
    203: ([5, 6], {"highway": "steps"}),
    204: ([6, 7], {"highway": "track"}),
    205: ([7, 9], {"highway": "corridor"}),
    206: ([9, 10], {"highway": "footway", "footway": "sidewalk"}),
    207: ([10, 11], {"highway": "footway", "footway": "crossing"}),
    208: ([11, 12], {"highway": "sidewalk"}),
    209: ([12, 13], {"highway": "crossing"}),
}


def test_every_footway_class_is_walkable(tmp_path: Path) -> None:
    path = tmp_path / "paths.osm"
    path.write_text(osm_xml(FOOT_WAYS), encoding="utf-8")
    roads = read_roads(path, mode="all")
    walk = MODE_BITS["walk"]
    for way_id, (_, tags) in FOOT_WAYS.items():
        on_way = roads.edge_way_id == way_id
        assert on_way.any(), f"way {way_id} {tags} was dropped"
        assert (roads.edge_modes[on_way] & walk).all(), f"way {way_id} {tags} is not walkable"
    assert set(roads.edge_highway.tolist()) == {t["highway"] for _, t in FOOT_WAYS.values()}


def test_a_walk_network_joins_every_footway_class(tmp_path: Path) -> None:
    """A chain of one way of each walkable class is one piece on foot: no node is cut off."""
    path = tmp_path / "paths.osm"
    path.write_text(osm_xml(FOOT_WAYS), encoding="utf-8")
    net = load_network(path, "walk")
    assert net.connectivity()["nodes_cannot_reach_main"] == 0
    assert net.n_nodes == len(FOOT_WAYS) + 1


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        ({"oneway": "yes"}, 1),
        ({"oneway": "true"}, 1),
        ({"oneway": "1"}, 1),
        ({"oneway": "-1"}, -1),
        ({"oneway": "reverse"}, -1),
        ({"oneway": "no"}, 0),
        ({}, 0),
        ({"junction": "roundabout"}, 1),
        ({"junction": "circular"}, 1),
    ],
)
def test_way_oneway(tags: dict[str, str], expected: int) -> None:
    assert way_oneway(tags) == expected


# -- RoadData --------------------------------------------------------------------------------


def test_roaddata_summaries_geometries_and_gdf(osm_file: Path) -> None:
    roads = read_roads(osm_file, mode="car")
    assert roads.n_nodes == 15
    assert roads.n_edges == 13
    assert roads.n_directed_edges == 2 * 13 - 5  # 3-6, 7-6, 6-23 and the 2 roundabout edges
    minlon, minlat, maxlon, maxlat = roads.bbox
    assert (minlon, minlat) == pytest.approx(lonlat(1)[:1] + lonlat(23)[1:])
    assert (maxlon, maxlat) == pytest.approx((lonlat(33)[0], lonlat(13)[1]))
    counts = roads.highway_counts()
    assert list(counts) == ["residential", "motorway", "primary", "secondary", "tertiary", "track"]
    assert counts["residential"] == 8
    lines = roads.edge_geometries()
    assert len(lines) == roads.n_edges
    assert lines[edge_of(roads, 3, 6)].coords[1] == pytest.approx(lonlat(5))
    gdf = roads.edges_gdf()
    assert gdf.crs.to_epsg() == 4326
    assert list(gdf.columns) == [
        "u", "v", "length_m", "highway", "maxspeed_kmh", "oneway", "surface", "way_id", "geometry",
    ]  # fmt: skip
    np.testing.assert_allclose(gdf["length_m"], roads.edge_length_m)


def test_to_arrays_round_trip_through_npz(osm_file: Path, tmp_path: Path) -> None:
    roads = read_roads(osm_file)
    arrays = roads.to_arrays()
    assert all(a.dtype != object for a in arrays.values())
    np.savez(tmp_path / "roads.npz", **arrays)
    with np.load(tmp_path / "roads.npz", allow_pickle=False) as loaded:
        back = RoadData.from_arrays(dict(loaded), source=roads.source, mode=roads.mode)
    assert_same_roads(back, roads)
    assert back.warnings == roads.warnings
    assert back.edge_highway.dtype == object


def test_validate_reports_every_problem(osm_file: Path) -> None:
    roads = read_roads(osm_file)
    arrays = roads.to_arrays()
    arrays["edge_u"] = arrays["edge_u"].copy()
    arrays["edge_u"][0] = roads.n_nodes + 5
    arrays["edge_oneway"] = np.full(roads.n_edges, 2, dtype=np.int8)
    with pytest.raises(ValueError, match=r"edge_u.*outside.*edge_oneway"):
        RoadData.from_arrays(arrays, source="x", mode="all")
    del arrays["geom_lonlat"]
    with pytest.raises(ValueError, match="lack geom_lonlat"):
        RoadData.from_arrays(arrays, source="x", mode="all")


# -- GraphML ---------------------------------------------------------------------------------


def tiny_graph() -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph(crs="EPSG:4326")
    for node in (1, 2, 3, 5, 6):
        lon, lat = lonlat(node)
        graph.add_node(node, x=lon, y=lat)
    bent = LineString([lonlat(3), lonlat(5), lonlat(6)])
    common = {"osmid": 100, "highway": "residential", "oneway": False}
    graph.add_edge(1, 2, length=gc(1, 2), reversed=False, **common)
    graph.add_edge(2, 1, length=gc(1, 2), reversed=True, **common)
    graph.add_edge(2, 3, length=gc(2, 3), reversed=False, **common)
    graph.add_edge(3, 2, length=gc(2, 3), reversed=True, **common)
    graph.add_edge(
        3, 6, osmid=102, highway="primary", oneway=True, maxspeed=["50", "60"],
        length=gc(3, 5) + gc(5, 6), geometry=bent,
    )  # fmt: skip
    # a two-way edge whose reverse is missing (cut by a boundary) can only be used one way
    graph.add_edge(6, 1, osmid=[7, 8], highway=["tertiary", "residential"], oneway=False)
    return graph


def test_graphml_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "tiny.graphml"
    ox.save_graphml(tiny_graph(), path)
    roads = read_roads(path)
    roads.validate()
    assert roads.n_nodes == 4  # node 5 is only a vertex of the bent edge
    assert edge_set(roads) == {(1, 2), (2, 3), (3, 6), (6, 1)}
    assert roads.n_directed_edges == 6
    assert roads.edge_oneway[edge_of(roads, 1, 2)] == 0
    assert roads.edge_oneway[edge_of(roads, 3, 6)] == 1
    assert roads.edge_oneway[edge_of(roads, 6, 1)] == 1
    i = edge_of(roads, 3, 6)
    geom = roads.geom_lonlat[roads.geom_offsets[i] : roads.geom_offsets[i + 1]]
    np.testing.assert_allclose(geom, [lonlat(3), lonlat(5), lonlat(6)])
    assert roads.edge_maxspeed_kmh[i] == 50
    assert roads.edge_way_id[i] == 102
    # lengths come from the file where present, else along the geometry
    assert roads.edge_length_m[edge_of(roads, 1, 2)] == pytest.approx(gc(1, 2))
    k = edge_of(roads, 6, 1)
    assert roads.edge_length_m[k] == pytest.approx(gc(6, 1))
    assert roads.edge_highway[k] == "tertiary"
    assert roads.edge_way_id[k] == 7


def test_graphml_in_projected_crs_comes_back_in_lonlat(tmp_path: Path) -> None:
    projected = ox.project_graph(tiny_graph())
    assert ox.projection.is_projected(projected.graph["crs"])
    path = tmp_path / "utm.graphml"
    ox.save_graphml(projected, path)
    roads = read_roads(path)
    reference = osm.graph_to_roads(tiny_graph(), source="memory", mode="all")
    np.testing.assert_allclose(roads.node_lonlat, reference.node_lonlat, atol=1e-7)
    np.testing.assert_allclose(roads.geom_lonlat, reference.geom_lonlat, atol=1e-7)


def test_graphml_without_coordinates_is_an_input_error(tmp_path: Path) -> None:
    graph = nx.MultiDiGraph()
    graph.add_edge("a", "b", highway="residential")
    path = tmp_path / "plain.graphml"
    nx.write_graphml(graph, path)
    with pytest.raises(InputError, match=r"plain\.graphml.*2 of 2 graph nodes have no `x`/`y`"):
        read_roads(path)


def test_corrupt_graphml_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.graphml"
    path.write_text("<graphml><graph><node id='1'>", encoding="utf-8")
    with pytest.raises(InputError, match="cannot read this GraphML"):
        read_roads(path)


# -- road lines ------------------------------------------------------------------------------


def utm_line(*nodes: int) -> LineString:
    # a projected CRS on purpose: the reader must convert to EPSG:4326 before snapping
    return LineString([lonlat(n) for n in nodes])


def road_lines() -> gpd.GeoDataFrame:
    gdf = gpd.GeoDataFrame(
        {
            "osm_id": [100, 101, 102, 105, 200],
            "highway": ["residential", "residential", "primary", "footway", "secondary"],
            "oneway": [None, None, "yes", None, None],
            "maxspeed": [None, "30", None, None, None],
            "surface": ["asphalt", None, None, None, None],
        },
        geometry=[
            utm_line(1, 2, 3),
            utm_line(2, 4),
            utm_line(3, 5, 6),
            utm_line(4, 8),
            # two parts; crosses 1-2-3 between vertices (a bridge): not connected there
            MultiLineString([[lonlat(9), lonlat(10)], [(LON0 + 1.5 * STEP, LAT0 - STEP),
                             (LON0 + 1.5 * STEP, LAT0 + STEP)]]),
        ],
        crs="EPSG:4326",
    )  # fmt: skip
    return gdf.to_crs("EPSG:32614")


def test_road_lines_gpkg_build_topology(tmp_path: Path) -> None:
    path = tmp_path / "roads.gpkg"
    road_lines().to_file(path, layer="roads", engine="pyogrio")
    roads = read_roads(path, mode="all")
    roads.validate()
    assert roads.n_edges == 7  # 1-2, 2-3, 2-4, 3-6, 4-8 and the two parts of the bridge way
    assert roads.n_nodes == 10
    np.testing.assert_allclose(roads.node_lonlat.min(axis=0), (lonlat(1)[0], LAT0 - STEP))
    by_way = {int(w): i for i, w in enumerate(roads.edge_way_id) if w in (102, 101)}
    assert roads.edge_oneway[by_way[102]] == 1
    assert roads.edge_maxspeed_kmh[by_way[101]] == 30
    assert sorted(roads.edge_surface.tolist()).count("asphalt") == 2
    car = read_roads(path, mode="car")
    assert car.n_edges == 6
    assert "footway" not in car.highway_counts()
    # lengths agree with the same network read from OSM XML, despite the round trip through UTM
    i = int(np.flatnonzero(roads.edge_way_id == 102)[0])
    assert roads.edge_length_m[i] == pytest.approx(gc(3, 5) + gc(5, 6), rel=1e-6)


def test_road_lines_geojson_and_shapefile(tmp_path: Path) -> None:
    lines = road_lines()
    lines.to_file(tmp_path / "roads.geojson", driver="GeoJSON", engine="pyogrio")
    lines.to_file(tmp_path / "roads.shp", engine="pyogrio")
    a = read_roads(tmp_path / "roads.geojson")
    b = read_roads(tmp_path / "roads.shp")
    assert a.n_edges == b.n_edges == 7
    np.testing.assert_allclose(a.edge_length_m, b.edge_length_m, rtol=1e-9)


def test_road_lines_in_a_zipped_shapefile_and_flatgeobuf(tmp_path: Path) -> None:
    import zipfile

    lines = road_lines()
    lines.to_file(tmp_path / "roads.shp", engine="pyogrio")
    lines.to_file(tmp_path / "roads.fgb", driver="FlatGeobuf", engine="pyogrio")
    with zipfile.ZipFile(tmp_path / "roads.zip", "w") as archive:
        for part in tmp_path.glob("roads.*"):
            if part.suffix not in (".zip", ".fgb"):
                archive.write(part, part.name)
    zipped = read_roads(tmp_path / "roads.zip")
    flat = read_roads(tmp_path / "roads.fgb")
    assert zipped.n_edges == flat.n_edges == 7


def test_road_lines_without_highway_column(tmp_path: Path) -> None:
    path = tmp_path / "lines.gpkg"
    road_lines().rename(columns={"highway": "fclass"}).to_file(path, engine="pyogrio")
    with pytest.raises(
        InputError, match=r"need a `highway` column.*found the columns osm_id, fclass"
    ):
        read_roads(path)


# -- errors ----------------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nowhere\.osm\.pbf: the road file does not exist"):
        read_roads(tmp_path / "nowhere.osm.pbf")


def test_unknown_extension_lists_the_accepted_ones(tmp_path: Path) -> None:
    path = tmp_path / "roads.txt"
    path.write_text("highway", encoding="utf-8")
    with pytest.raises(InputError, match=r"unknown road file type '\.txt'.*\.osm\.pbf.*\.graphml"):
        read_roads(path)


def test_random_bytes_named_pbf(tmp_path: Path) -> None:
    path = tmp_path / "noise.osm.pbf"
    path.write_bytes(np.random.default_rng(7).integers(0, 256, 4000, dtype=np.uint8).tobytes())
    with pytest.raises(InputError, match=r"noise\.osm\.pbf: cannot read this OSM file.*corrupt"):
        read_roads(path)


def test_text_named_osm_and_noise_named_gpkg(tmp_path: Path) -> None:
    (tmp_path / "notes.osm").write_text("hello, not xml", encoding="utf-8")
    with pytest.raises(InputError, match=r"notes\.osm: cannot read this OSM file.*not OSM XML"):
        read_roads(tmp_path / "notes.osm")
    (tmp_path / "noise.gpkg").write_bytes(b"\x00\x01not a geopackage" * 100)
    with pytest.raises(InputError, match=r"noise\.gpkg: cannot read the road lines"):
        read_roads(tmp_path / "noise.gpkg")


def test_truncated_bz2(osm_file: Path, tmp_path: Path) -> None:
    path = tmp_path / "cut.osm.bz2"
    path.write_bytes(bz2.compress(osm_file.read_bytes())[:300])
    with pytest.raises(InputError, match=r"cut\.osm\.bz2: cannot read this OSM file"):
        read_roads(path)


def test_no_roads_for_the_mode(tmp_path: Path) -> None:
    ways = {
        1: ([1, 2], {"highway": "footway"}),
        2: ([2, 3], {"highway": "steps"}),
        3: ([3, 4], {"highway": "footway"}),
        4: ([20, 21, 22, 20], {"building": "yes"}),
    }
    path = tmp_path / "paths.osm"
    path.write_text(osm_xml(ways), encoding="utf-8")
    with pytest.raises(
        InputError,
        match=r"holds no roads usable by car: found 3 highway ways of classes footway \(2\), "
        r"steps \(1\)",
    ):
        read_roads(path, mode="car")
    assert read_roads(path, mode="walk").n_edges == 3


def test_no_highway_at_all(tmp_path: Path) -> None:
    path = tmp_path / "buildings.osm"
    path.write_text(osm_xml({4: ([20, 21, 22, 20], {"building": "yes"})}), encoding="utf-8")
    with pytest.raises(InputError, match="holds no roads usable by all: found 0 highway ways"):
        read_roads(path)


def test_unknown_mode(osm_file: Path) -> None:
    with pytest.raises(ValueError, match="`mode` must be one of all, car, motorbike, walk"):
        read_roads(osm_file, mode="bicycle")


# -- download --------------------------------------------------------------------------------


@pytest.fixture
def no_osmnx_download(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a test tried to reach the internet")

    monkeypatch.setattr(ox, "graph_from_place", refuse)
    monkeypatch.setattr(ox, "graph_from_bbox", refuse)


@pytest.mark.usefixtures("no_osmnx_download")
def test_download_offline_says_what_and_how_to_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(osm, "internet_available", lambda *, timeout_s: False)
    with pytest.raises(
        OfflineError,
        match=r"'Oaxaca de Juárez, Mexico': there is no internet connection.*\.osm\.pbf.*geofabrik",
    ):
        osm.download_roads("Oaxaca de Juárez, Mexico")
    with pytest.raises(OfflineError, match=r"bbox \(-96\.8, 17\.0, -96\.7, 17\.1\)"):
        osm.download_roads(bbox=(-96.8, 17.0, -96.7, 17.1), mode="walk")


@pytest.mark.usefixtures("no_osmnx_download")
def test_connectivity_check_fails_without_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def unreachable(*_args: object, **_kwargs: object) -> None:
        raise OSError("network is unreachable")

    monkeypatch.setattr(osm.socket, "create_connection", unreachable)
    assert osm.internet_available(timeout_s=1) is False
    with pytest.raises(OfflineError, match="no internet connection"):
        osm.download_roads("Lusaka")


@pytest.mark.usefixtures("no_osmnx_download")
def test_download_argument_errors() -> None:
    with pytest.raises(InputError, match="either a place name or a bbox"):
        osm.download_roads()
    with pytest.raises(InputError, match="longitude and latitude swapped"):
        osm.download_roads(bbox=(17.0, -96.8, 17.1, -96.7))


def test_download_converts_the_osmnx_graph(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: dict[str, object] = {}

    def fake_place(place: str, **kwargs: object) -> nx.MultiDiGraph:
        asked.update(kwargs, place=place)
        return tiny_graph()

    monkeypatch.setattr(osm, "internet_available", lambda *, timeout_s: True)
    monkeypatch.setattr(ox, "graph_from_place", fake_place)
    roads = osm.download_roads("Somewhere", mode="motorbike")
    assert asked["network_type"] == "drive"
    assert roads.source == "download: Somewhere"
    assert roads.mode == "motorbike"
    assert roads.n_directed_edges == 6


# -- barriers -------------------------------------------------------------------------------------


def barrier_town(tmp_path: Path, **barrier: str) -> Path:
    """Nodes 1-2-3 on one residential street, with ``barrier`` tags on node 2."""
    tags = "".join(f'<tag k="{k}" v="{v}"/>' for k, v in barrier.items())
    lines = ["<?xml version='1.0' encoding='UTF-8'?>", '<osm version="0.6" generator="test">']
    for node in (1, 2, 3):
        lon, lat = lonlat(node)
        body = tags if node == 2 else ""
        lines.append(f'<node id="{node}" version="1" lat="{lat:.7f}" lon="{lon:.7f}">{body}</node>')
    lines.append('<way id="50" version="1"><nd ref="1"/><nd ref="2"/><nd ref="3"/>')
    lines.append('<tag k="highway" v="residential"/></way></osm>')
    path = tmp_path / "barrier.osm"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def passes(path: Path, mode: str) -> bool:
    """Whether the mode can go from node 1 to node 3 of `barrier_town`."""
    net = load_network(path, mode)
    ids = net.node_osmid.tolist()
    dist = dijkstra(net.csr, indices=ids.index(1))
    return bool(np.isfinite(dist[ids.index(3)]))


@pytest.mark.parametrize(
    ("barrier", "car", "walk"),
    [
        ({}, True, True),
        ({"barrier": "bollard"}, False, True),
        ({"barrier": "block"}, False, True),
        ({"barrier": "kerb"}, False, True),
        ({"barrier": "gate"}, True, True),
        ({"barrier": "lift_gate"}, True, True),
        ({"barrier": "toll_booth"}, True, True),
        ({"barrier": "gate", "access": "private"}, False, False),
        ({"barrier": "gate", "access": "no", "foot": "yes"}, False, True),
        ({"barrier": "bollard", "motor_vehicle": "yes"}, True, True),
        ({"barrier": "wall"}, False, False),
        ({"barrier": "fence", "foot": "yes"}, False, True),
    ],
)
def test_a_barrier_node_stops_the_modes_it_should(
    tmp_path: Path, barrier: dict[str, str], car: bool, walk: bool
) -> None:
    path = barrier_town(tmp_path, **barrier)
    assert passes(path, "car") is car
    assert passes(path, "walk") is walk


def test_a_barrier_keeps_the_road_length_and_both_sides(tmp_path: Path) -> None:
    """Cut at a bollard, the street keeps its length; each side is still a car road."""
    plain = read_roads(barrier_town(tmp_path), mode="car")
    cut = read_roads(barrier_town(tmp_path, barrier="bollard"), mode="car")
    assert cut.edge_length_m.sum() == pytest.approx(plain.edge_length_m.sum())
    assert cut.n_edges == 2  # no connector: cars cannot pass, so none is made
    every = read_roads(barrier_town(tmp_path, barrier="bollard"), mode="all")
    connectors = every.edge_length_m == 0
    assert connectors.sum() == 2
    assert (every.edge_modes[connectors] == MODE_BITS["walk"]).all()
    assert (every.edge_oneway[connectors] == 0).all()
    # the nodes made at the barrier lie on it, with keys no OSM node has
    own = every.node_osmid < 0
    assert own.sum() == 2
    assert every.node_lonlat[own] == pytest.approx(np.tile(lonlat(2), (2, 1)))


def test_a_barrier_where_two_ways_meet_cuts_them_apart(tmp_path: Path) -> None:
    """A bollard at the node where one street ends and the next begins stops cars too."""
    lines = ["<?xml version='1.0' encoding='UTF-8'?>", '<osm version="0.6" generator="test">']
    for node in (1, 2, 3):
        lon, lat = lonlat(node)
        body = '<tag k="barrier" v="bollard"/>' if node == 2 else ""
        lines.append(f'<node id="{node}" version="1" lat="{lat:.7f}" lon="{lon:.7f}">{body}</node>')
    for way, refs in ((60, (1, 2)), (61, (2, 3))):
        nds = "".join(f'<nd ref="{r}"/>' for r in refs)
        lines.append(f'<way id="{way}" version="1">{nds}<tag k="highway" v="residential"/></way>')
    lines.append("</osm>")
    path = tmp_path / "meet.osm"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert not passes(path, "car")
    assert passes(path, "walk")


def test_an_impossible_coordinate_in_an_osm_file_is_an_input_error(tmp_path: Path) -> None:
    """osmium's own error for a coordinate such as lon="-500" (found by the fuzzer)."""
    path = tmp_path / "bad.osm"
    path.write_text(
        "<?xml version='1.0' encoding='UTF-8'?><osm version=\"0.6\">"
        '<node id="1" version="1" lat="50.0" lon="-500"/>'
        '<node id="2" version="1" lat="50.0" lon="10.0"/>'
        '<way id="3" version="1"><nd ref="1"/><nd ref="2"/><tag k="highway" v="primary"/></way>'
        "</osm>",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"cannot read this OSM file.*-500") as info:
        read_roads(path)
    assert "bad.osm" in str(info.value)
