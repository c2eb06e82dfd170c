"""WorldPop age/sex rasters (one GeoTIFF per sex and age band) → demand points with people by sex
and age, on the cells of the total raster or, without one, of the bands summed.

rasterio is imported inside the functions, so that importing ccgeo stays light.
"""

from __future__ import annotations

import contextlib
import dataclasses
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
from shapely.geometry.base import BaseGeometry

from ccgeo.errors import InputError, check_cancel
from ccgeo.i18n import _, ngettext
from ccgeo.io.population.agesex import AgeSexRasters
from ccgeo.io.population.common import MAX_PEOPLE, _fmt_people
from ccgeo.io.population.rasters import (
    _demand_from_window,
    _people_outside_window,
    _RasterWindow,
    _read_window,
    raster_error,
)
from ccgeo.model.demand import Demand
from ccgeo.progress import ProgressCallback, report_progress, scaled_progress

#: The age/sex rasters and the total raster may differ this much (a share of the total) before
#: a note says so: WorldPop's age/sex rasters are rounded, and not always of the same release.
_SUM_TOLERANCE = 0.01


def read_age_sex_rasters(
    total: Path | None,
    rasters: AgeSexRasters,
    *,
    study_area: BaseGeometry | None,
    districts: gpd.GeoDataFrame | None,
    progress: ProgressCallback | None,
    cancel: Any,
) -> Demand:
    """People per cell with their sex and age band, from WorldPop's age/sex rasters.

    Parameters
    ----------
    total
        The raster of all people (the same grid); None takes the sum of the age/sex rasters.
    rasters
        The age/sex rasters (`ccgeo.io.population.agesex.find_age_sex_rasters`).
    study_area, districts, progress, cancel
        As `ccgeo.io.population.read_population`.

    Returns
    -------
    Demand
        As a raster's demand, with a column ``pop_<sex>_<band>`` per age/sex raster: the
        cell's people of that sex and band, shared among a border cell's districts as its
        people are.

    Raises
    ------
    InputError
        A raster that cannot be read, or age/sex rasters on another grid than the first.
    """
    warnings = rasters.warnings()
    reading = scaled_progress(progress, 0.0, 0.5)
    files = list(rasters.files.items())
    first = total if total is not None else files[0][1]
    report_progress(reading, 0.0, _("opening {name}").format(name=first.name))
    win = _read_window(
        first,
        study_area=study_area,
        progress=None,
        warnings=warnings,
        cancel=cancel,
        count_outside=total is not None,
    )
    bands: dict[str, np.ndarray] = {}
    for k, (column, path) in enumerate(files):
        check_cancel(cancel)
        report_progress(reading, k / len(files), _("reading {name}").format(name=path.name))
        bands[column] = _read_on_grid(path, win, first=first, warnings=warnings)
    if total is None:
        win = _summed_window(win, rasters, bands, cancel=cancel)
    demand = _demand_from_window(
        total if total is not None else rasters.folder,
        win,
        study_area=study_area,
        districts=districts,
        warnings=warnings,
        progress=scaled_progress(progress, 0.5, 1.0),
        cancel=cancel,
        bands=bands,
    )
    note = _sum_note(demand.gdf, list(bands))
    if not note:
        return demand
    report = demand.report
    if report is not None:
        report = dataclasses.replace(report, warnings=(*report.warnings, note))
    return dataclasses.replace(demand, warnings=(*demand.warnings, note), report=report)


def _read_on_grid(
    path: Path, win: _RasterWindow, *, first: Path, warnings: list[str]
) -> np.ndarray:
    """People of one age/sex raster on the cells of ``win`` (read from ``first``); nodata
    counted as 0, and NaN, negative and too large cells too, with a note naming the file."""
    import rasterio
    import rasterio.windows

    expected = _("a WorldPop age/sex raster")
    try:
        with rasterio.open(path) as src:
            _check_grid(src, win, path=path, first=first)
            window = rasterio.windows.Window(win.col0, win.row0, win.width, win.height)
            data = src.read(1, window=window)
            valid = src.read_masks(1, window=window) > 0
    except (rasterio.errors.RasterioIOError, OSError) as exc:
        raise raster_error(path, exc, expected=expected) from exc
    return _usable_people(data, valid, name=path.name, warnings=warnings)


def _check_grid(src: Any, win: _RasterWindow, *, path: Path, first: Path) -> None:
    """An `InputError` naming both files unless ``src`` lies on the grid of ``win``."""
    shape = (int(src.height), int(src.width))
    same_crs = src.crs is None or win.crs is None or src.crs == win.crs
    if shape == win.file_shape and same_crs and src.transform.almost_equals(win.transform):
        return
    msg = _(
        "{name} and {first} are not on the same grid ({shape} cells of {size:g} against "
        "{first_shape} cells of {first_size:g}); use age/sex rasters of the same country, "
        "release and resolution as {first}"
    ).format(
        name=path.name,
        first=first.name,
        shape="×".join(map(str, shape)),
        size=abs(src.transform.a),
        first_shape="×".join(map(str, win.file_shape)),
        first_size=abs(win.transform.a),
    )
    raise InputError(msg, path=path)


def _usable_people(
    data: np.ndarray, valid: np.ndarray, *, name: str, warnings: list[str]
) -> np.ndarray:
    """People per cell, 0 where the raster has no data (the sea, another country) or a value
    that is not a count (NaN, negative, more than `MAX_PEOPLE`: said in a note)."""
    finite = np.isfinite(data)
    usable = valid & finite & (data >= 0) & (data <= MAX_PEOPLE)
    unusable = int((valid & ~usable).sum())
    if unusable:
        warnings.append(
            ngettext(
                "{name}: {n} cell is not a number of people (NaN, negative or more than {max}), "
                "counted as 0",
                "{name}: {n} cells are not numbers of people (NaN, negative or more than {max}), "
                "counted as 0",
                unusable,
            ).format(name=name, n=unusable, max=_fmt_people(MAX_PEOPLE))
        )
    return np.where(usable, data, 0).astype(np.float64)


def _summed_window(
    win: _RasterWindow, rasters: AgeSexRasters, bands: dict[str, np.ndarray], *, cancel: Any
) -> _RasterWindow:
    """The window of the first age/sex raster with every raster's people summed into it, and
    the people outside the window of them all."""
    import rasterio

    total = np.sum(list(bands.values()), axis=0)
    with contextlib.ExitStack() as stack:
        srcs = [stack.enter_context(rasterio.open(p)) for p in rasters.files.values()]
        outside_people, outside_cells = _people_outside_window(
            srcs, (win.row0, win.col0, win.height, win.width), cancel=cancel
        )
    return dataclasses.replace(
        win,
        data=total,
        valid=np.ones(total.shape, dtype=bool),
        outside_people=outside_people,
        outside_cells=outside_cells,
    )


def _sum_note(gdf: gpd.GeoDataFrame, columns: list[str]) -> str:
    """A note when the people by sex and age add up to another number than the total's."""
    people = float(gdf["population"].sum())
    by_band = float(gdf[columns].to_numpy(dtype=np.float64).sum())
    if people <= 0 or abs(by_band - people) <= _SUM_TOLERANCE * people:
        return ""
    return _(
        "the age/sex rasters hold {bands} people in the cells read, the total raster {people}; "
        "the indicators by sex and age count the people of the age/sex rasters"
    ).format(bands=_fmt_people(by_band), people=_fmt_people(people))
