"""Exact zonal statistics: the share of every raster cell inside every polygon (exactextract).

A cell on a district border is split by the share of its area in each district (its coverage
fraction), as exactextract computes it, instead of going whole to the district of its centre.
exactextract is imported inside the functions, so that importing ccgeo stays light.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ccgeo.errors import InputError
from ccgeo.i18n import _

#: Shares of a cell below this (1e-5 of a 1 km cell is 10 m²) are rounding, not people: they
#: go to the cell's other parts, so that a district border drawn along the cell edges does not
#: leave slivers of 0.00001 people in the neighbouring district.
MIN_FRACTION = 1e-5


@dataclass(frozen=True)
class CellCover:
    """Which polygon holds which share of which cell of a raster window.

    Attributes
    ----------
    cell : numpy.ndarray of int64
        Cell of the window, ``row * width + col`` (row 0 at the top).
    polygon : numpy.ndarray of int64
        0-based position of the polygon in the list given.
    fraction : numpy.ndarray of float64
        Share of the cell's area inside the polygon, 0..1. Where polygons overlap, the share
        of the overlap goes to the polygon listed first, so that the shares of a cell add up
        to at most 1.
    overlap_cell, overlap_fraction : numpy.ndarray
        Cells inside several polygons and the share of each cell inside more than one.
    pieces : numpy.ndarray of shapely geometries
        The polygons as used for ``fraction`` (overlaps given to the one listed first), in the
        raster's CRS.
    """

    cell: np.ndarray
    polygon: np.ndarray
    fraction: np.ndarray
    overlap_cell: np.ndarray
    overlap_fraction: np.ndarray
    pieces: np.ndarray


def cell_cover(
    geoms: np.ndarray,
    *,
    shape: tuple[int, int],
    bounds: tuple[float, float, float, float],
    crs_wkt: str,
) -> CellCover:
    """The coverage fractions of the cells of a north-up grid by polygons, exactly.

    Parameters
    ----------
    geoms
        Polygons in the grid's CRS (None and empty ones cover nothing).
    shape
        ``(height, width)`` of the grid, cells.
    bounds
        ``(xmin, ymin, xmax, ymax)`` of the grid, in the grid's CRS units.
    crs_wkt
        The grid's CRS, as WKT.

    Returns
    -------
    CellCover
        The cells each polygon touches, with the share of the cell's area inside it.
    """
    geoms = np.asarray(geoms, dtype=object)
    usable = np.array([g is not None and not g.is_empty for g in geoms], dtype=bool)
    disjoint, overlapping = _first_listed_wins(geoms, usable)
    cell, polygon, fraction = _coverage(disjoint, usable, shape, bounds, crs_wkt)
    overlap_cell = np.zeros(0, dtype=np.int64)
    overlap_fraction = np.zeros(0, dtype=np.float64)
    if overlapping:
        raw_cell, _raw_polygon, raw_fraction = _coverage(geoms, usable, shape, bounds, crs_wkt)
        n_cells = shape[0] * shape[1]
        extra = np.bincount(raw_cell, weights=raw_fraction, minlength=n_cells)
        extra -= np.bincount(cell, weights=fraction, minlength=n_cells)
        overlap_cell = np.flatnonzero(extra > MIN_FRACTION)
        overlap_fraction = np.minimum(extra[overlap_cell], 1.0)
    return CellCover(
        cell=cell,
        polygon=polygon,
        fraction=fraction,
        overlap_cell=overlap_cell,
        overlap_fraction=overlap_fraction,
        pieces=disjoint,
    )


def _first_listed_wins(geoms: np.ndarray, usable: np.ndarray) -> tuple[np.ndarray, bool]:
    """The polygons without the parts that earlier polygons of the list already cover, and
    whether any two overlapped (shared borders are no overlap)."""
    out = geoms.copy()
    index = np.flatnonzero(usable)
    if len(index) < 2:
        return out, False
    tree = shapely.STRtree(geoms[index])
    left, right = tree.query(geoms[index], predicate="intersects")
    pairs = left < right  # positions in ``index``: left is listed first
    left, right = left[pairs], right[pairs]
    if len(left) == 0:
        return out, False
    # interiors that meet: an overlap, not a shared border
    real = shapely.relate_pattern(geoms[index[left]], geoms[index[right]], "T********")
    if not real.any():
        return out, False
    for later in np.unique(right[real]):
        earlier = geoms[index[left[real & (right == later)]]]
        out[index[later]] = shapely.difference(geoms[index[later]], shapely.union_all(earlier))
    return out, True


def _coverage(
    geoms: np.ndarray,
    usable: np.ndarray,
    shape: tuple[int, int],
    bounds: tuple[float, float, float, float],
    crs_wkt: str,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(cell, polygon, fraction)`` of every cell a polygon touches, by exactextract."""
    from exactextract import exact_extract
    from exactextract.raster import NumPyRasterSource

    empty = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0))
    keep = usable & np.array([g is not None and not g.is_empty for g in geoms], dtype=bool)
    if not keep.any():
        return empty
    index = np.flatnonzero(keep)
    frame = gpd.GeoDataFrame(
        {"polygon": index}, geometry=list(geoms[index]), crs=crs_wkt
    ).reset_index(drop=True)
    # only the grid matters: coverage fractions do not read the cell values
    grid = NumPyRasterSource(np.ones(shape, dtype=np.uint8), *bounds, srs_wkt=crs_wkt)
    found = exact_extract(
        grid, frame, ["cell_id", "coverage"], include_cols=["polygon"], output="pandas"
    )
    if len(found) == 0:
        return empty
    cells = [np.asarray(c, dtype=np.int64) for c in found["cell_id"]]
    sizes = np.array([len(c) for c in cells], dtype=np.int64)
    if sizes.sum() == 0:
        return empty
    cell = np.concatenate(cells)
    polygon = np.repeat(found["polygon"].to_numpy(dtype=np.int64), sizes)
    fraction = np.concatenate([np.asarray(f, dtype=np.float64) for f in found["coverage"]])
    touched = fraction > 0
    return cell[touched], polygon[touched], fraction[touched]


def zonal_population(
    raster: str | Path,
    polygons: gpd.GeoDataFrame | gpd.GeoSeries,
    *,
    cancel: Any = None,
) -> pd.Series:
    """People inside each polygon, counting the share of every cell inside it (exactextract).

    A cell on a polygon's border counts with the share of its area inside the polygon (its
    coverage fraction), not whole by its centre. Cells the population readers count as 0 are
    0 here too: nodata, NaN, negative values and more than ``MAX_PEOPLE`` people.

    Parameters
    ----------
    raster
        GeoTIFF of people per cell (any CRS; north-up).
    polygons
        Polygons in any CRS (EPSG:4326 when unset), e.g. districts or catchments. A person in
        several overlapping polygons counts in each of them (a catchment total, not a split).
    cancel
        A `threading.Event` that cancels.

    Returns
    -------
    pandas.Series
        People (float) per polygon, on the polygons' index, named ``population``; 0 for an
        empty geometry or a polygon outside the raster.

    Raises
    ------
    InputError
        Unreadable raster, a rotated raster, or polygons that do not reach the raster.

    Examples
    --------
    >>> people = ccgeo.zonal_population("worldpop.tif", districts)  # doctest: +SKIP
    """
    from ccgeo.io.population.common import _check_path
    from ccgeo.io.population.rasters import _cells_with_people, _read_window

    path = _check_path(raster, expected=_("a GeoTIFF of people per cell"))
    geoms = polygons.geometry if isinstance(polygons, gpd.GeoDataFrame) else polygons
    if geoms.crs is None:
        geoms = geoms.set_crs("EPSG:4326")
    out = pd.Series(0.0, index=polygons.index, name="population")
    usable = ~geoms.isna() & ~geoms.is_empty
    if not usable.any():
        return out
    area = shapely.box(*geoms[usable].to_crs("EPSG:4326").total_bounds)
    win = _read_window(path, study_area=area, progress=None, warnings=[], cancel=cancel)
    if win.transform.b != 0 or win.transform.d != 0:
        msg = _("the raster is rotated; save it north-up (e.g. with gdalwarp) and try again")
        raise InputError(msg, path=path)
    values = np.where(_cells_with_people(win, warnings=[]), win.data, 0).astype(np.float64)
    geoms_r = geoms.to_crs(win.crs.to_wkt()).to_numpy()
    cover = _grid_coverage(geoms_r, win, usable=usable.to_numpy())
    people = np.bincount(
        cover[1], weights=values.ravel()[cover[0]] * cover[2], minlength=len(geoms_r)
    )
    out[:] = people
    return out


def _grid_coverage(
    geoms: np.ndarray, win: Any, *, usable: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """`_coverage` over a raster window, each polygon counted whole (overlaps in each)."""
    return _coverage(geoms, usable, win.data.shape, window_bounds(win), win.crs.to_wkt())


def window_bounds(win: Any) -> tuple[float, float, float, float]:
    """``(xmin, ymin, xmax, ymax)`` of a north-up raster window, in the raster's CRS."""
    t = win.win_transform
    x0, x1 = t.c, t.c + win.width * t.a
    y0, y1 = t.f, t.f + win.height * t.e
    return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
