"""Population and district boundaries: GeoTIFF rasters, point grids, district tables → `Demand`.

`read_population` picks the reader by the file's suffix: `rasters` (people per cell), `points`
(tables with coordinates, point layers), `worldpop` (a folder of age/sex rasters); `census`
joins a table per district to the polygons of `districts`. `agesex` names the columns of
people by sex and age band.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import geopandas as gpd
from shapely.geometry.base import BaseGeometry

from ccgeo.errors import InputError
from ccgeo.i18n import _
from ccgeo.io.population.agesex import AgeSexRasters, age_sex_summary, find_age_sex_rasters
from ccgeo.io.population.census import read_population_table
from ccgeo.io.population.common import LAYER_SUFFIXES, RASTER_SUFFIXES, _check_path
from ccgeo.io.population.districts import (
    FACILITY_MARGIN_M,
    DistrictAssignment,
    assign_districts,
    locate_in_districts,
    read_districts,
    study_area_of,
)
from ccgeo.io.population.points import _read_point_layer, _read_point_table
from ccgeo.io.population.rasters import _read_raster
from ccgeo.io.population.worldpop import read_age_sex_rasters
from ccgeo.io.population.zonal import zonal_population
from ccgeo.io.tables import TABLE_SUFFIXES
from ccgeo.model.demand import Demand
from ccgeo.progress import ProgressCallback

__all__ = [
    "FACILITY_MARGIN_M",
    "LAYER_SUFFIXES",
    "RASTER_SUFFIXES",
    "AgeSexRasters",
    "DistrictAssignment",
    "age_sex_summary",
    "assign_districts",
    "find_age_sex_rasters",
    "locate_in_districts",
    "read_districts",
    "read_population",
    "read_population_table",
    "study_area_of",
    "zonal_population",
]


def read_population(
    path: str | Path,
    *,
    age_sex: str | Path | Sequence[str | Path] | None = None,
    study_area: BaseGeometry | None = None,
    districts: gpd.GeoDataFrame | None = None,
    population_column: str | None = None,
    lon_column: str | None = None,
    lat_column: str | None = None,
    sheet: str | int | None = None,
    layer: str | int | None = None,
    progress: ProgressCallback | None = None,
    cancel: Any = None,
) -> Demand:
    """Read population as weighted points from a raster, a point table or a point layer.

    Parameters
    ----------
    path
        ``.tif``/``.tiff`` (people per cell, any CRS); ``.csv``/``.xlsx``/``.ods``/``.json``
        tables with coordinates and a population column; ``.geojson``/``.gpkg``/``.shp``/``.zip``
        point layers with a population attribute (polygons are reduced to an inner point); a
        folder of WorldPop age/sex rasters (``ken_f_15_2020.tif``), summed.
    age_sex
        With a raster ``path``: WorldPop's age/sex rasters of its grid (a folder or a list of
        files). Each gives a column ``pop_<f|m>_<band>``: ``pop_f_0_0`` (under one),
        ``pop_f_1_4``, ..., ``pop_f_80_plus`` (`ccgeo.io.population.agesex`).
    study_area
        Polygon in EPSG:4326; only people inside it are kept (a raster is read only over its
        bounding box). People left outside are counted in the warnings and the report.
    districts
        `read_districts` (or any with ``district_id``, any CRS): a point gets its district's id
        (the first listed in overlaps); a raster cell is split by area among those it touches.
    population_column, lon_column, lat_column
        Column names, overriding the guess (``population``, ``pop``, ``poblacion``,
        ``habitantes``, ...; ``lon``/``longitude``/``x``, ``lat``/``latitude``/``y``).
    sheet
        Sheet name or 0-based index of a workbook.
    layer
        Layer name or index of a GeoPackage with several layers.
    progress, cancel
        ``progress(fraction, text)`` callback and a `threading.Event` that cancels.

    Returns
    -------
    Demand
        Points with people (cells or rows with 0 people are not demand and are left out), and
        its ``report`` (`ccgeo.model.demand.PopulationReport`): the file's people, those
        outside the study area, those in rows that could not be placed, in no district and in
        overlapping districts.

    Raises
    ------
    InputError
        Unreadable file, no usable row or cell, no overlap with the study area, or a named
        column that does not exist; age/sex rasters badly named or on another grid.
    """
    places: dict[str, Any] = {"study_area": study_area, "districts": districts}
    places |= {"progress": progress, "cancel": cancel}
    if age_sex is not None or (Path(path).is_dir() and Path(path).suffix.lower() != ".gdb"):
        return _read_worldpop(Path(path), age_sex, **places)
    path = _check_path(path, expected=_("a population raster, table or point layer"))
    suffix = path.suffix.lower()
    if suffix in RASTER_SUFFIXES:
        return _read_raster(path, **places)
    if suffix in LAYER_SUFFIXES:
        return _read_point_layer(path, layer=layer, population_column=population_column, **places)
    if suffix in TABLE_SUFFIXES:
        columns = {"population_column": population_column}
        columns |= {"lon_column": lon_column, "lat_column": lat_column}
        return _read_point_table(path, sheet=sheet, **columns, **places)
    raise _not_population(path)


def _read_worldpop(
    path: Path,
    age_sex: str | Path | Sequence[str | Path] | None,
    *,
    study_area: BaseGeometry | None,
    districts: gpd.GeoDataFrame | None,
    progress: ProgressCallback | None,
    cancel: Any,
) -> Demand:
    """WorldPop's age/sex rasters: of the folder ``path`` (their sum the people per cell), or
    ``age_sex`` on the cells of the raster ``path``."""
    places = {"study_area": study_area, "districts": districts}
    if path.is_dir():
        rasters = find_age_sex_rasters(age_sex if age_sex is not None else path)
        return read_age_sex_rasters(None, rasters, **places, progress=progress, cancel=cancel)
    path = _check_path(path, expected=_("a population raster"))
    if path.suffix.lower() not in RASTER_SUFFIXES:
        msg = _("age/sex rasters are read with a population raster of the same grid")
        raise InputError(msg, path=path)
    rasters = find_age_sex_rasters(age_sex)  # type: ignore[arg-type]
    return read_age_sex_rasters(path, rasters, **places, progress=progress, cancel=cancel)


def _not_population(path: Path) -> InputError:
    """The error for a file whose suffix no population reader takes, listing those that do."""
    suffix = path.suffix.lower()
    accepted = ", ".join((*RASTER_SUFFIXES, *TABLE_SUFFIXES, *LAYER_SUFFIXES))
    msg = _(
        "files ending in {suffix!r} are not read as population; expected one of {accepted}"
    ).format(suffix=suffix or _("(no suffix)"), accepted=accepted)
    return InputError(msg, path=path)
