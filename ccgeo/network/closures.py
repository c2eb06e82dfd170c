"""Speed factors per road edge from a scenario's `ccgeo.model.closures.RoadClosures`."""

from __future__ import annotations

import numpy as np
import shapely

from ccgeo.model.closures import RoadClosures
from ccgeo.model.roads import RoadData


def edge_factors(roads: RoadData, closures: RoadClosures) -> np.ndarray:
    """Speed multiplier of each road edge under ``closures``: 1 open, 0 closed.

    Parameters
    ----------
    roads
        Road arrays in EPSG:4326.
    closures
        Classes and surfaces closed, surfaces slowed, polygons of closed or slowed areas.

    Returns
    -------
    float64 (m,)
        The factor each edge's speed (km/h) is multiplied by; 0 where the edge is closed.
    """
    m = len(roads.edge_u)
    factor = np.ones(m, dtype=np.float64)
    if closures.closed_classes:
        codes, classes = roads.highway_codes
        factor[np.isin(classes, list(closures.closed_classes))[codes]] = 0.0
    codes, surfaces = roads.surface_codes
    if closures.slowed_surfaces:
        factor[np.isin(surfaces, list(closures.slowed_surfaces))[codes]] *= closures.surface_factor
    if closures.closed_surfaces:
        factor[np.isin(surfaces, list(closures.closed_surfaces))[codes]] = 0.0
    if closures.areas_wkb and m:
        factor[_crossing(roads, closures.areas_wkb)] *= closures.area_factor
    return factor


def _crossing(roads: RoadData, areas_wkb: tuple[bytes, ...]) -> np.ndarray:
    """Boolean (m,): edges whose geometry touches one of the polygons."""
    areas = shapely.from_wkb(list(areas_wkb))
    union = shapely.union_all(areas)
    shapely.prepare(union)
    offsets = np.asarray(roads.geom_offsets)
    counts = np.diff(offsets)
    coords = np.asarray(roads.geom_lonlat, dtype=np.float64)
    good = counts >= 2
    hit = np.zeros(len(counts), dtype=bool)
    if good.any():
        keep = np.repeat(good, counts)
        index = np.repeat(np.arange(int(good.sum())), counts[good])
        lines = shapely.linestrings(coords[keep], indices=index)
        hit[np.flatnonzero(good)] = shapely.intersects(union, lines)
    single = np.flatnonzero(counts == 1)
    if len(single):
        hit[single] = shapely.intersects(union, shapely.points(coords[offsets[single]]))
    return hit
