"""Isochrone polygons on synthetic networks: they follow the roads, are valid and consistent."""

from __future__ import annotations

import threading

import geopandas as gpd
import numpy as np
import pytest
import shapely
from roadkit import LAT0, LON0, grid_roads, make_roads

from ccgeo.analysis.placement import snap_points
from ccgeo.errors import Cancelled, InputError
from ccgeo.geo import unproject_xy
from ccgeo.model.settings import Snapping
from ccgeo.network.build import build_network
from ccgeo.network.isochrones import isochrone_bands, lab_isochrones, time_surface
from ccgeo.network.routing import catchments, nearest_lab_times

STEP = 0.009  # about 1 km


@pytest.fixture(scope="module")
def l_shape():
    """Roads along the bottom and the left side of a 6 km square; the lab at their corner."""
    lonlat = [(LON0 + i * STEP, LAT0) for i in range(7)]
    lonlat += [(LON0, LAT0 + j * STEP) for j in range(1, 7)]
    edges = [(i, i + 1) for i in range(6)] + [(0, 7)] + [(6 + j, 7 + j) for j in range(1, 6)]
    net = build_network(make_roads(np.array(lonlat), edges), "car")
    lab = net.snap(np.array(lonlat[0]))[0]
    return net, nearest_lab_times(net, lab), np.array(lonlat)


def _area_km2(geom) -> float:
    return float(gpd.GeoSeries([geom], crs="EPSG:4326").to_crs("EPSG:32614").area.iloc[0] / 1e6)


def test_isochrones_follow_the_roads_not_a_convex_hull(l_shape):
    net, near, _lonlat = l_shape
    bands = isochrone_bands(net, near.seconds, [10, 30])
    assert bands["band_min_to"].tolist() == [10.0, 30.0]
    assert bands.geometry.is_valid.all()
    whole = shapely.union_all(bands.geometry.to_numpy())
    # 6 km of road at 25 km/h is under 15 min: both arms are inside, up to ~1 km off the road
    assert whole.contains(shapely.Point(LON0 + 5.5 * STEP, LAT0 + 0.3 * STEP))
    assert whole.contains(shapely.Point(LON0 + 0.3 * STEP, LAT0 + 5.5 * STEP))
    # the middle of the square is 3 km from any road: outside, though inside the hull
    corner = shapely.Point(LON0 + 3 * STEP, LAT0 + 3 * STEP)
    assert shapely.convex_hull(whole).contains(corner)
    assert not whole.contains(corner)
    assert _area_km2(whole) < 0.7 * _area_km2(shapely.convex_hull(whole))


def test_surface_uses_the_same_rule_as_demand_points(l_shape):
    net, near, _ = l_shape
    surface = time_surface(net, near.seconds, cell_m=200.0)
    centres = surface.cell_centres()
    pts = unproject_xy(centres, surface.crs)
    want, _ = snap_points(net, pts, Snapping(max_snap_m=1000.0)).seconds_via(near.seconds)
    got = surface.seconds.ravel()
    assert np.array_equal(np.isfinite(got), np.isfinite(want))
    np.testing.assert_allclose(got[np.isfinite(got)], want[np.isfinite(want)], rtol=1e-9)
    assert surface.cell_m == 200.0
    assert surface.shape == surface.seconds.shape


def test_rings_are_disjoint_and_cumulative_bands_nest(l_shape):
    net, near, _ = l_shape
    rings = isochrone_bands(net, near.seconds, [5, 10, 20], simplify_m=0)
    cum = isochrone_bands(net, near.seconds, [5, 10, 20], cumulative=True, simplify_m=0)
    assert rings["band_min_from"].tolist() == [0.0, 5.0, 10.0]
    assert cum["band_min_from"].tolist() == [0.0, 0.0, 0.0]
    g = rings.geometry.to_numpy()
    assert _area_km2(shapely.intersection(g[0], g[1])) < 1e-9
    assert _area_km2(shapely.intersection(g[1], g[2])) < 1e-9
    union = shapely.union_all(g[:2])
    assert _area_km2(shapely.symmetric_difference(union, cum.geometry.iloc[1])) < 1e-6
    np.testing.assert_allclose(np.cumsum(rings["area_km2"]), cum["area_km2"])
    assert (np.diff(cum["area_km2"]) >= 0).all()


def test_per_lab_catchments_agree_with_the_merged_isochrones():
    net = build_network(grid_roads(12), "car")
    labs = np.array([0, 77, 143])
    limit = 3 * 60.0
    near = nearest_lab_times(net, labs)
    catch = catchments(net, labs, max_seconds=limit)
    # a node is within the limit of some lab iff it is in some lab's catchment
    assert set(np.flatnonzero(near.seconds <= limit).tolist()) == set(catch.nodes.tolist())
    for i in range(len(labs)):
        nodes, secs = catch.for_lab(i)
        assert (near.seconds[nodes] <= secs + 1e-9).all()
    kw = {
        "cumulative": True,
        "cell_m": 25.0,
        "simplify_m": 0.0,
        "snapping": Snapping(max_snap_m=300.0),
    }
    merged = isochrone_bands(net, near.seconds, [2, 3], **kw)
    per_lab = lab_isochrones(net, catch, bands_minutes=[2, 3], **kw)
    assert sorted(set(per_lab["lab"])) == [0, 1, 2]
    assert per_lab["lab_node"].tolist()[::2] == labs.tolist()
    assert per_lab.geometry.is_valid.all()
    for band in (2.0, 3.0):
        union = shapely.union_all(per_lab.loc[per_lab["band_min_to"] == band].geometry.to_numpy())
        one = merged.loc[merged["band_min_to"] == band].geometry.iloc[0]
        # the surfaces share one lattice: the same cells, so the same polygons up to rounding
        assert _area_km2(shapely.symmetric_difference(union, one)) < 1e-6 * _area_km2(one)


def test_lab_isochrones_refuse_bands_beyond_the_catchment_limit():
    net = build_network(grid_roads(4), "car")
    catch = catchments(net, np.array([0]), max_seconds=60.0)
    with pytest.raises(InputError, match="compute the catchments with max_seconds"):
        lab_isochrones(net, catch, bands_minutes=[2])
    default = lab_isochrones(net, catch)
    assert default["band_min_to"].tolist() == [1.0]


def test_large_grids_get_coarser_cells_and_no_lab_gives_empty_bands(l_shape):
    net, near, _ = l_shape
    surface = time_surface(net, near.seconds, cell_m=10.0, max_cells=10_000)
    assert surface.seconds.size <= 10_000 * 1.1
    assert surface.cell_m > 10.0
    none = isochrone_bands(net, np.full(net.n_nodes, np.inf), [30])
    assert len(none) == 1
    assert none.geometry.iloc[0].is_empty
    assert none["area_km2"].iloc[0] == 0.0


def test_bad_inputs_and_cancel(l_shape):
    net, near, _ = l_shape
    with pytest.raises(InputError, match="one time per network node"):
        time_surface(net, near.seconds[:-1])
    with pytest.raises(InputError, match="bands_minutes"):
        isochrone_bands(net, near.seconds, [0])
    with pytest.raises(InputError, match="cell_m"):
        time_surface(net, near.seconds, cell_m=-1.0)
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        time_surface(net, near.seconds, cancel=cancel)
    with pytest.raises(Cancelled):
        isochrone_bands(net, near.seconds, [10], cancel=cancel)
