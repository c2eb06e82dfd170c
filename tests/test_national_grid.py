"""The synthetic national road grid (tests/bench/national.py) over Malawi's population raster."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "bench"))
from national import MALAWI, national_grid, write_pbf

from ccgeo.network.build import build_network

pytestmark = [
    pytest.mark.shared_data,
    pytest.mark.skipif(not MALAWI.exists(), reason=f"{MALAWI} not found"),
]


@pytest.fixture(scope="module")
def small():
    return national_grid(edges=30_000, seed=3)


def test_same_seed_same_network_and_another_seed_another(small):
    again = national_grid(edges=30_000, seed=3).roads.to_arrays()
    for name, arr in small.roads.to_arrays().items():
        np.testing.assert_array_equal(arr, again[name], err_msg=name)
    other = national_grid(edges=30_000, seed=4).roads
    assert not np.array_equal(other.node_lonlat, small.roads.node_lonlat[: other.n_nodes])


@pytest.mark.parametrize("edges", [20_000, 30_000, 80_000])
def test_edge_count_is_within_ten_percent_of_the_target(edges):
    grid = small_or_new(edges)
    assert abs(grid.roads.n_edges - edges) <= 0.1 * edges
    grid.roads.validate()


def small_or_new(edges: int):
    return national_grid(edges=edges, seed=3)


def test_hierarchy_and_surfaces(small):
    roads = small.roads
    counts = roads.highway_counts()
    for cls in ("trunk", "primary", "secondary", "tertiary", "unclassified", "track"):
        assert counts.get(cls, 0) > 0, cls
    # main roads are few, rural roads many
    assert counts["trunk"] + counts["primary"] < 0.1 * roads.n_edges
    assert counts["unclassified"] + counts["track"] > 0.3 * roads.n_edges
    hw, paved = roads.edge_highway.astype(str), roads.edge_surface.astype(str) == "asphalt"
    assert paved[np.isin(hw, ["trunk", "primary"])].mean() > 0.8
    assert paved[np.isin(hw, ["unclassified", "track"])].mean() < 0.3
    assert 0.4 < (~paved).mean() < 0.95
    # the country's extent (Malawi: 32.7..35.9 E, 17.1..9.4 S)
    lon, lat = roads.node_lonlat.T
    assert lon.min() > 32.5
    assert lon.max() < 36.0
    assert lat.min() > -17.2
    assert lat.max() < -9.3


def test_main_component_holds_most_nodes_and_every_lab(small):
    net = build_network(small.roads, "car")
    main = net.main_component_mask()
    assert main.mean() > 0.8
    labs, metres = net.snap(small.labs_lonlat)
    assert main[labs].all()
    assert (metres < 1.0).all()
    assert len(labs) == len(set(labs.tolist())) >= 10


def test_writes_a_pbf_that_ccgeo_reads(small, tmp_path):
    from ccgeo.io.osm import read_roads

    path = tmp_path / "national.osm.pbf"
    write_pbf(small.roads, path)
    back = read_roads(path, mode="all")
    assert back.highway_counts().keys() == small.roads.highway_counts().keys()
    assert back.edge_length_m.sum() == pytest.approx(small.roads.edge_length_m.sum(), rel=1e-3)
