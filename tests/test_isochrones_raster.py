"""Isochrones from the roads' times on a raster (`road_time_surface`): right bands, nesting,
agreement with the exact per-cell surface, and Cancel within a second."""

from __future__ import annotations

import itertools
import threading
import time

import numpy as np
import pytest
import shapely
from roadkit import grid_roads

from ccgeo.errors import Cancelled
from ccgeo.model.settings import Snapping
from ccgeo.network.build import build_network
from ccgeo.network.isochrones import isochrone_bands, road_time_surface, time_surface
from ccgeo.network.routing import nearest_lab_times

BANDS = [1.0, 2.0, 3.0]


@pytest.fixture(scope="module")
def grid():
    net = build_network(grid_roads(15), "car")
    near = nearest_lab_times(net, np.array([0, 112]))
    return net, near.seconds


def test_a_node_lies_in_the_band_of_its_time(grid):
    net, secs = grid
    rings = isochrone_bands(net, secs, BANDS, cell_m=20.0, simplify_m=0)
    lon, lat = net.node_lonlat[:, 0], net.node_lonlat[:, 1]
    limits = np.array(BANDS) * 60.0
    # a cell holds the least time of the road in it: away from a band's edge by more than the
    # drive across a cell (20 m at 25 km/h ≈ 3 s), a node's cell is in the band of its time
    clear = np.isfinite(secs) & (np.abs(secs[:, None] - limits[None, :]).min(axis=1) > 5.0)
    band = np.searchsorted(limits, secs, side="left")
    checked = 0
    for i, geom in enumerate(rings.geometry):
        nodes = clear & (band == i)
        assert shapely.intersects_xy(geom, lon[nodes], lat[nodes]).all()
        checked += int(nodes.sum())
    assert checked > 40
    # and beyond the last band (plus the walk), nodes lie outside every band
    far = secs > limits[-1] + 120.0
    assert far.any()
    whole = shapely.union_all(rings.geometry.to_numpy())
    assert not shapely.intersects_xy(whole, lon[far], lat[far]).any()


def test_cumulative_bands_nest_and_equal_the_rings(grid):
    net, secs = grid
    cum = isochrone_bands(net, secs, BANDS, cumulative=True, cell_m=20.0, simplify_m=0)
    rings = isochrone_bands(net, secs, BANDS, cell_m=20.0, simplify_m=0)
    g = cum.geometry.to_numpy()
    for inner, outer in itertools.pairwise(g):
        assert shapely.difference(inner, outer).area <= 1e-12 * inner.area
        assert outer.area > inner.area
    np.testing.assert_allclose(np.cumsum(rings["area_km2"]), cum["area_km2"])


def test_road_surface_is_close_to_the_exact_one(grid):
    net, secs = grid
    kw = {"cell_m": 50.0, "snapping": Snapping(max_snap_m=300.0)}
    fast = road_time_surface(net, secs, **kw).seconds
    exact = time_surface(net, secs, **kw).seconds
    assert fast.shape == exact.shape
    both = np.isfinite(fast) & np.isfinite(exact)
    assert both.sum() > 0.9 * np.isfinite(exact).sum()
    # a cell's time differs from a person's at its centre by at most the walk across two cells
    cell_walk = 50.0 / (Snapping().walk_kmh / 3.6)
    assert (np.abs(fast[both] - exact[both]) <= 2 * cell_walk).all()
    assert np.median(np.abs(exact[both] - fast[both])) < cell_walk


@pytest.fixture(scope="module")
def big_grid():
    net = build_network(grid_roads(120), "car")
    return net, nearest_lab_times(net, np.array([0])).seconds


# 0.05 s: on the roads; later: in the walk off the roads (the distance transform, in row blocks)
@pytest.mark.parametrize("after_s", [0.05, 0.5, 1.0])
def test_cancel_from_another_thread_stops_within_a_second(big_grid, after_s):
    net, secs = big_grid
    cancel, stamp = threading.Event(), []

    def fire() -> None:
        stamp.append(time.perf_counter())
        cancel.set()

    timer = threading.Timer(after_s, fire)
    timer.start()
    # 7 m cells on a 25 km square (15M cells, 30 times the 1M-edge national map grid): about
    # 2 s of work without Cancel
    with pytest.raises(Cancelled):
        isochrone_bands(net, secs, [30, 60], cell_m=2.0, max_cells=20_000_000, cancel=cancel)
    timer.cancel()
    assert stamp, "the isochrones finished before Cancel was set: make the grid bigger"
    assert time.perf_counter() - stamp[0] < 1.0
