"""Coordinate helpers: UTM zone choice, projection round trip, great-circle distance."""

from __future__ import annotations

import numpy as np
import pytest

from ccgeo.geo import great_circle_m, local_utm_crs, project_lonlat, unproject_xy


@pytest.mark.parametrize(
    ("lon", "lat", "epsg"),
    [
        (-51.2, -30.0, 32722),
        (36.8, -1.3, 32737),
        (-96.7, 17.06, 32614),
        (106.9, -6.2, 32748),
        (2.35, 48.85, 32631),
        (179.9, 10.0, 32660),
        (-180.0, 10.0, 32601),
    ],
)
def test_utm_zone(lon, lat, epsg):
    assert local_utm_crs(lon, lat).to_epsg() == epsg


def test_projection_round_trip_is_exact_enough():
    lonlat = np.array([[-51.2, -30.0], [-51.1, -30.1], [-51.25, -29.95]])
    crs = local_utm_crs(-51.2, -30.0)
    xy = project_lonlat(lonlat, crs)
    np.testing.assert_allclose(unproject_xy(xy, crs), lonlat, atol=1e-9)
    # 0.1 degree of latitude is about 11.1 km
    assert np.hypot(*(xy[1] - xy[0])) == pytest.approx(14_600, rel=0.05)


def test_great_circle_matches_projected_distance():
    lon = np.array([-51.2, -51.2])
    lat = np.array([-30.0, -30.0])
    d = great_circle_m(lon, lat, lon + np.array([0.01, 0.0]), lat + np.array([0.0, 0.01]))
    xy = project_lonlat(
        np.array([[-51.2, -30.0], [-51.19, -30.0], [-51.2, -29.99]]), local_utm_crs(-51.2, -30.0)
    )
    np.testing.assert_allclose(
        d, [np.hypot(*(xy[1] - xy[0])), np.hypot(*(xy[2] - xy[0]))], rtol=5e-3
    )
