"""`ccgeo.from_networkx`: ccgeo's own graph back to the same network, and an osmnx graph read
offline from an OSM XML file routed like ccgeo's own reading of that file."""

from __future__ import annotations

import bz2
import math
import shutil
from pathlib import Path

import networkx as nx
import numpy as np
import pytest

import ccgeo
from ccgeo.errors import InputError
from ccgeo.network.routing import nearest_lab_times

ox = pytest.importorskip("osmnx")

#: Grid origin (lon, lat) and about 100 m in degrees there.
LON0, LAT0 = -96.72, 17.06
DY = 100 / 111_320
DX = 100 / (111_320 * math.cos(math.radians(LAT0)))


def _grid_xml(path: Path, size: int = 5) -> Path:
    """A ``size`` x ``size`` grid of junctions 100 m apart: rows are residential streets (row 1
    one-way eastwards), columns primary roads with ``maxspeed=80`` (column 2 a list
    ``"60;80"``), and a footway across the grid that cars may not use."""
    nodes, ways = [], []

    def nid(i: int, j: int) -> int:
        return 1000 + i * size + j

    for i in range(size):
        for j in range(size):
            lat, lon = LAT0 + i * DY, LON0 + j * DX
            nodes.append(f'<node id="{nid(i, j)}" version="1" lat="{lat:.7f}" lon="{lon:.7f}"/>')

    def way(ref: int, refs: list[int], **tags: str) -> None:
        nds = "".join(f'<nd ref="{r}"/>' for r in refs)
        body = "".join(f'<tag k="{k}" v="{v}"/>' for k, v in tags.items())
        ways.append(f'<way id="{ref}" version="1">{nds}{body}</way>')

    for i in range(size):
        extra = {"oneway": "yes"} if i == 1 else {}
        way(100 + i, [nid(i, j) for j in range(size)], highway="residential", **extra)
    for j in range(size):
        speed = "60;80" if j == 2 else "80"
        way(200 + j, [nid(i, j) for i in range(size)], highway="primary", maxspeed=speed)
    way(300, [nid(i, i) for i in range(size)], highway="footway")
    head = ['<?xml version="1.0" encoding="UTF-8"?>', '<osm version="0.6" generator="test">']
    path.write_text("\n".join([*head, *nodes, *ways, "</osm>"]))
    return path


def _times_by_osmid(net: ccgeo.Network, lab_osmids: list[int]) -> dict[int, float]:
    """Seconds from every node (by OSM id) to the nearest of the labs (by OSM id)."""
    index = {int(o): i for i, o in enumerate(net.node_osmid)}
    labs = np.array([index[o] for o in lab_osmids])
    seconds = nearest_lab_times(net, labs).seconds
    return {int(o): float(seconds[i]) for o, i in index.items()}


@pytest.fixture(scope="module")
def demo_network(demo_dir: Path) -> ccgeo.Network:
    from ccgeo.demo import DEMO_FILES

    return ccgeo.load_network(demo_dir / DEMO_FILES["roads"], "car")


def test_the_demo_network_comes_back_from_networkx_node_for_node(
    demo_network: ccgeo.Network,
) -> None:
    net = demo_network
    back = ccgeo.from_networkx(net.to_networkx())
    assert back.mode == net.mode == "car"
    assert back.n_nodes == net.n_nodes
    assert back.n_edges == net.n_edges
    np.testing.assert_array_equal(back.node_lonlat, net.node_lonlat)
    np.testing.assert_array_equal(back.node_osmid, net.node_osmid)
    assert (back.csr != net.csr).nnz == 0  # the same arcs with the same seconds
    labs = np.array([0, net.n_nodes // 2, net.n_nodes - 1])
    there = nearest_lab_times(net, labs)
    again = nearest_lab_times(back, labs)
    np.testing.assert_array_equal(again.seconds, there.seconds)
    np.testing.assert_array_equal(again.lab, there.lab)
    back_from = nearest_lab_times(back, labs, direction="from_lab").seconds
    np.testing.assert_array_equal(
        back_from, nearest_lab_times(net, labs, direction="from_lab").seconds
    )


def test_an_osmnx_graph_routes_like_ccgeo_reading_the_same_file(tmp_path: Path) -> None:
    """Unsimplified, the osmnx graph gives ccgeo's times at every junction (within 0.1 %:
    osmnx measures lengths with its own earth radius)."""
    path = _grid_xml(tmp_path / "grid.osm")
    ours = ccgeo.load_network(path, "car")
    graph = ox.graph_from_xml(path, simplify=False, retain_all=True)
    theirs = ccgeo.from_networkx(graph, mode="car")
    # the footway is not a car road; every junction is a node
    assert theirs.n_nodes == ours.n_nodes == 25
    assert theirs.n_edges == ours.n_edges
    labs = [1000, 1024]
    expected, got = _times_by_osmid(ours, labs), _times_by_osmid(theirs, labs)
    assert set(got) == set(expected)
    for osmid, seconds in got.items():
        assert seconds == pytest.approx(expected[osmid], rel=1e-3), osmid


def test_a_simplified_osmnx_graph_differs_only_where_osmnx_merged_two_road_classes(
    tmp_path: Path,
) -> None:
    """osmnx's simplification joins the residential row and the primary column at a corner
    into one edge whose ``highway`` is a list of both: ccgeo routes that edge at the first
    class's speed. Every other node keeps ccgeo's time."""
    path = _grid_xml(tmp_path / "grid.osm")
    ours = ccgeo.load_network(path, "car")
    graph = ox.graph_from_xml(path, simplify=True, retain_all=True)
    theirs = ccgeo.from_networkx(graph, mode="car")
    labs = [1000, 1024]
    expected, got = _times_by_osmid(ours, labs), _times_by_osmid(theirs, labs)
    mixed = {
        node
        for u, v, d in graph.edges(data=True)
        if isinstance(d.get("highway"), list)
        for node in (u, v)
    }
    assert mixed  # the corners were merged
    differ = {o for o, s in got.items() if s != pytest.approx(expected[o], rel=1e-3)}
    assert differ <= mixed
    assert len(differ) < len(got) / 5


def test_a_projected_osmnx_graph_gives_the_same_times(tmp_path: Path) -> None:
    path = _grid_xml(tmp_path / "grid.osm")
    graph = ox.graph_from_xml(path, simplify=False)
    projected = ox.project_graph(graph)
    assert not ox.projection.is_projected(graph.graph["crs"])
    assert ox.projection.is_projected(projected.graph["crs"])
    plain = _times_by_osmid(ccgeo.from_networkx(graph, mode="walk"), [1012])
    again = _times_by_osmid(ccgeo.from_networkx(projected, mode="walk"), [1012])
    assert again == pytest.approx(plain, rel=1e-6)


def test_an_undirected_graph_is_two_way_and_a_graph_without_xy_is_refused() -> None:
    graph = nx.Graph(crs="EPSG:4326")
    graph.add_node(1, x=LON0, y=LAT0)
    graph.add_node(2, x=LON0 + DX, y=LAT0)
    graph.add_edge(1, 2, highway="residential", length=100.0, oneway=True)
    net = ccgeo.from_networkx(graph, mode="car")
    assert net.n_edges == 2
    graph.add_node(3)
    graph.add_edge(2, 3, highway="residential", length=100.0)
    with pytest.raises(InputError, match="`x`/`y`"):
        ccgeo.from_networkx(graph)


def test_a_ccgeo_graph_for_another_mode_is_rebuilt_from_its_roads(
    demo_network: ccgeo.Network,
) -> None:
    """The graph carries car seconds; asked for walking, the seconds come from the tags."""
    walk = ccgeo.from_networkx(demo_network.to_networkx(), mode="walk")
    assert walk.mode == "walk"
    car = nearest_lab_times(demo_network, np.array([0])).seconds
    index = {int(o): i for i, o in enumerate(walk.node_osmid)}
    on_foot = nearest_lab_times(walk, np.array([index[int(demo_network.node_osmid[0])]]))
    far = int(np.nanargmax(np.where(np.isfinite(car), car, np.nan)))
    assert on_foot.seconds[index[int(demo_network.node_osmid[far])]] > car[far]


#: OSM tags ccgeo reads that osmnx drops by default: the surface (unpaved roads are slower) and
#: the access tags of each mode.
EXTRA_WAY_TAGS = ["surface", "motor_vehicle", "motorcar", "vehicle", "motorcycle", "foot"]


@pytest.mark.shared_data
def test_oaxaca_from_osmnx_matches_load_network(
    shared_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Oaxaca extract read by osmnx (unsimplified, keeping the tags ccgeo reads) and by
    ccgeo: nearest-lab times from five labs agree within 0.1 % at 99.5 % of the junctions both
    have. The rest lie behind barrier nodes (gates, bollards) that ccgeo's reader closes to
    cars and an osmnx graph has no way to say."""
    source = shared_data / "oaxaca" / "oaxaca_base_derived.osm.bz2"
    if not source.is_file():
        pytest.skip(f"{source} not found")
    xml = tmp_path / "oaxaca.osm"
    with bz2.open(source) as packed, xml.open("wb") as out:
        shutil.copyfileobj(packed, out)
    tags = [*ox.settings.useful_tags_way, *EXTRA_WAY_TAGS]
    monkeypatch.setattr(ox.settings, "useful_tags_way", tags)
    ours = ccgeo.load_network(xml, "car")
    theirs = ccgeo.from_networkx(ox.graph_from_xml(xml, simplify=False, retain_all=True))
    common = sorted(set(ours.node_osmid.tolist()) & set(theirs.node_osmid.tolist()))
    assert len(common) > 0.95 * ours.n_nodes
    labs = [common[k] for k in np.random.default_rng(0).choice(len(common), 5, replace=False)]
    expected, got = _times_by_osmid(ours, labs), _times_by_osmid(theirs, labs)
    a = np.array([expected[o] for o in common])
    b = np.array([got[o] for o in common])
    both = np.isfinite(a) & np.isfinite(b)
    assert both.sum() > 0.99 * len(common)
    close = np.abs(b[both] - a[both]) <= 1e-3 * np.maximum(a[both], 1.0)
    assert close.mean() >= 0.995
