"""Coordinate helpers for readers, network and map: local UTM, projection, distances."""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from pyproj import CRS, Transformer

#: Mean Earth radius used for great-circle lengths, metres (the value osmnx uses).
EARTH_RADIUS_M = 6_371_009.0


def local_utm_crs(lon: float, lat: float) -> CRS:
    """The UTM zone CRS (WGS 84) containing the point ``lon``, ``lat`` (degrees)."""
    zone = int(np.floor((lon + 180.0) / 6.0)) % 60 + 1
    epsg = (32600 if lat >= 0 else 32700) + zone
    return CRS.from_epsg(epsg)


@lru_cache(maxsize=32)
def _transformer(src: str, dst: str) -> Transformer:
    return Transformer.from_crs(src, dst, always_xy=True)


def project_lonlat(lonlat: np.ndarray, crs: CRS | str) -> np.ndarray:
    """Project an ``(n, 2)`` array of lon/lat degrees to ``crs``; returns ``(n, 2)`` metres."""
    lonlat = np.asarray(lonlat, dtype=float).reshape(-1, 2)
    t = _transformer("EPSG:4326", CRS.from_user_input(crs).to_string())
    x, y = t.transform(lonlat[:, 0], lonlat[:, 1])
    return np.column_stack([x, y])


def unproject_xy(xy: np.ndarray, crs: CRS | str) -> np.ndarray:
    """Inverse of `project_lonlat`: ``(n, 2)`` metres in ``crs`` → lon/lat degrees."""
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    t = _transformer(CRS.from_user_input(crs).to_string(), "EPSG:4326")
    lon, lat = t.transform(xy[:, 0], xy[:, 1])
    return np.column_stack([lon, lat])


def great_circle_m(
    lon1: np.ndarray, lat1: np.ndarray, lon2: np.ndarray, lat2: np.ndarray
) -> np.ndarray:
    """Great-circle distance in metres between arrays of points in degrees (haversine)."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dphi = p2 - p1
    dlmb = np.radians(np.asarray(lon2) - np.asarray(lon1))
    h = np.sin(dphi / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_M * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))
