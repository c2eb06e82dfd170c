"""Population as weighted points: tables with coordinates and point (or polygon) layers."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

from ccgeo.errors import InputError, check_cancel
from ccgeo.i18n import N_, _, ngettext
from ccgeo.io.population.common import (
    _LAT_NAMES,
    _LON_NAMES,
    _POINT_ID_NAMES,
    MAX_PEOPLE,
    _as_text,
    _extent_text,
    _find_column,
    _fmt_people,
    _open_layer,
    _parse_numbers,
    _population_column,
    _require_column,
    _rows_warning,
    _to_lonlat,
    count_warning,
    feature_label,
    overlap_warning,
    row_label,
)
from ccgeo.io.population.districts import locate_in_districts
from ccgeo.io.tables import parse_coordinate, read_table
from ccgeo.model.demand import Demand, PopulationReport
from ccgeo.progress import ProgressCallback, report_progress


@dataclass(frozen=True)
class _PointRows:
    """The rows of a point table or layer, parsed but not yet checked."""

    path: Path
    #: ``"row 5"`` or ``"feature 3"`` per row, for messages
    labels: np.ndarray
    ids: np.ndarray
    raw_population: pd.Series
    pop_col: str
    #: degrees, NaN where missing
    lon: np.ndarray
    lat: np.ndarray
    #: rows whose coordinates could not be read
    bad_coord: np.ndarray
    #: the columns of the file, for messages
    columns: Sequence[str]
    #: the longitude and latitude columns of a table; None for a layer (coordinates from geometry)
    coord_cols: tuple[str, str] | None = None
    raw_lon: pd.Series | None = None
    raw_lat: pd.Series | None = None


def _read_point_table(
    path: Path,
    *,
    sheet: str | int | None,
    study_area: BaseGeometry | None,
    districts: gpd.GeoDataFrame | None,
    population_column: str | None,
    lon_column: str | None,
    lat_column: str | None,
    progress: ProgressCallback | None,
    cancel: Any,
) -> Demand:
    """Population points of a table with coordinate columns (CSV, XLSX, ODS, JSON)."""
    report_progress(progress, 0.0, _("reading {name}").format(name=path.name))
    table = read_table(path, sheet=sheet)
    check_cancel(cancel)
    return _points_from_table(
        table,
        path=path,
        study_area=study_area,
        districts=districts,
        population_column=population_column,
        lon_column=lon_column,
        lat_column=lat_column,
        progress=progress,
    )


def _read_point_layer(
    path: Path,
    *,
    layer: str | int | None,
    study_area: BaseGeometry | None,
    districts: gpd.GeoDataFrame | None,
    population_column: str | None,
    progress: ProgressCallback | None,
    cancel: Any,
) -> Demand:
    """Population points of a vector layer (polygons are placed at a point inside)."""
    report_progress(progress, 0.0, _("reading {name}").format(name=path.name))
    gdf = _open_layer(path, layer=layer, want=N_("population points"), prefer="demand")
    check_cancel(cancel)
    return _points_from_layer(
        gdf,
        path=path,
        study_area=study_area,
        districts=districts,
        population_column=population_column,
        progress=progress,
    )


def _points_from_table(
    table: pd.DataFrame,
    *,
    path: Path,
    study_area: BaseGeometry | None,
    districts: gpd.GeoDataFrame | None,
    population_column: str | None,
    lon_column: str | None,
    lat_column: str | None,
    progress: ProgressCallback | None,
) -> Demand:
    columns = [str(c) for c in table.columns]
    pop_col = _population_column(columns, population_column, path=path)
    if lon_column is not None:
        lon_col: str | None = _require_column(
            columns, lon_column, what=_("longitude column"), argument="lon_column"
        )
    else:
        lon_col = _find_column(columns, _LON_NAMES)
    if lat_column is not None:
        lat_col: str | None = _require_column(
            columns, lat_column, what=_("latitude column"), argument="lat_column"
        )
    else:
        lat_col = _find_column(columns, _LAT_NAMES)
    if lon_col is None or lat_col is None:
        msg = (
            _(
                "found no longitude column among {columns}; pass `lon_column=` and "
                "`lat_column=`, or read a table per district with read_population_table"
            )
            if lon_col is None
            else _(
                "found no latitude column among {columns}; pass `lon_column=` and "
                "`lat_column=`, or read a table per district with read_population_table"
            )
        ).format(columns=", ".join(map(repr, columns)))
        raise InputError(msg, path=path)
    first = int(table.attrs.get("first_row_number", 2))
    labels = np.array([row_label(first + i) for i in range(len(table))], dtype=object)
    lon, bad_lon = _parse_coordinates(table[lon_col])
    lat, bad_lat = _parse_coordinates(table[lat_col])
    id_col = _find_column(columns, _POINT_ID_NAMES, skip=[pop_col, lon_col, lat_col])
    ids = _point_ids(table[id_col] if id_col else None, len(table), first)
    rows = _PointRows(
        path=path,
        labels=labels,
        ids=ids,
        raw_population=table[pop_col],
        pop_col=pop_col,
        lon=lon,
        lat=lat,
        bad_coord=bad_lon | bad_lat,
        columns=columns,
        coord_cols=(lon_col, lat_col),
        raw_lon=table[lon_col],
        raw_lat=table[lat_col],
    )
    return _finish_points(
        rows, study_area=study_area, districts=districts, progress=progress, notes=[]
    )


def _points_from_layer(
    gdf: gpd.GeoDataFrame,
    *,
    path: Path,
    study_area: BaseGeometry | None,
    districts: gpd.GeoDataFrame | None,
    population_column: str | None,
    progress: ProgressCallback | None,
) -> Demand:
    if gdf.empty:
        raise InputError(
            _("the layer is empty; expected points with a population attribute"), path=path
        )
    notes: list[str] = []
    gdf = _to_lonlat(gdf, path=path, warnings=notes)
    columns = [str(c) for c in gdf.columns if c != gdf.geometry.name]
    pop_col = _population_column(columns, population_column, path=path)
    geoms = gdf.geometry.to_numpy()
    missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    kinds = shapely.get_type_id(geoms)
    lines = np.isin(kinds, [1, 2, 5])  # LineString, LinearRing, MultiLineString
    if lines[~missing].all():
        msg = _("the layer holds lines; expected population points or polygons")
        raise InputError(msg, path=path)
    polygons = np.isin(kinds, [3, 6])
    if polygons.any():
        n_polygons = int(polygons.sum())
        notes.append(
            ngettext(
                "{n} polygon features were placed at a point inside each polygon",
                "{n} polygon features were placed at a point inside each polygon",
                n_polygons,
            ).format(n=n_polygons)
        )
    usable_geom = ~missing & ~lines
    points = np.full(len(geoms), None, dtype=object)
    points[usable_geom] = shapely.point_on_surface(geoms[usable_geom])
    labels = np.array([feature_label(i + 1) for i in range(len(gdf))], dtype=object)
    id_col = _find_column(columns, _POINT_ID_NAMES, skip=[pop_col])
    rows = _PointRows(
        path=path,
        labels=labels,
        ids=_point_ids(gdf[id_col] if id_col else None, len(gdf), 1),
        raw_population=gdf[pop_col],
        pop_col=pop_col,
        lon=shapely.get_x(points),
        lat=shapely.get_y(points),
        bad_coord=lines & ~missing,
        columns=columns,
    )
    return _finish_points(
        rows, study_area=study_area, districts=districts, progress=progress, notes=notes
    )


def _parse_coordinates(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Parse a coordinate column (decimal, decimal comma, DMS); returns values and a bad mask."""
    if pd.api.types.is_numeric_dtype(values.dtype):
        return values.to_numpy(dtype=float, na_value=np.nan), np.zeros(len(values), dtype=bool)
    # the common case (plain decimals) vectorised; only the rest go through parse_coordinate
    numbers = np.array(pd.to_numeric(values, errors="coerce"), dtype=float)
    bad = np.zeros(len(values), dtype=bool)
    present = values.notna().to_numpy()
    for i in np.flatnonzero(present & ~np.isfinite(numbers)):
        try:
            numbers[i] = parse_coordinate(values.iloc[i])
        except ValueError:
            bad[i] = True
    return numbers, bad


def _point_ids(values: pd.Series | None, n: int, first: int) -> np.ndarray:
    if values is not None:
        text = _as_text(values)
        if (text != "").all() and text.is_unique:
            return text.to_numpy(dtype=object)
    return np.array([str(first + i) for i in range(n)], dtype=object)


def _raw(value: Any) -> str:
    """A cell as the user typed it; empty cells as nothing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


# ---------------------------------------------------------------------------------------------
# checking the rows


def _finish_points(
    rows: _PointRows,
    *,
    study_area: BaseGeometry | None,
    districts: gpd.GeoDataFrame | None,
    progress: ProgressCallback | None,
    notes: list[str],
) -> Demand:
    """Validate parsed rows, report the bad ones, clip to the study area and build `Demand`."""
    path, pop_col = rows.path, rows.pop_col
    warnings = list(notes)
    report_progress(progress, 0.3, _("checking population and coordinates"))
    population, pop_ok = _checked_population(rows, warnings=warnings)
    coord_ok = _checked_coordinates(rows, population, pop_ok=pop_ok, warnings=warnings)
    usable = pop_ok & coord_ok
    if not usable.any():
        raise _no_usable_row(rows, warnings=warnings)

    keep = usable & (population > 0)
    if not keep.any():
        msg = _("no point has people (every usable {column!r} is 0)").format(column=pop_col)
        raise InputError(msg, path=path)
    with_people = keep.copy()
    if study_area is not None:
        keep &= _inside_study_area(rows, population, study_area, keep=keep, warnings=warnings)
    zero = usable & (population == 0)
    if zero.any():
        n_zero = int(zero.sum())
        warnings.append(
            ngettext(
                "{n} points have 0 people and are not demand; left out",
                "{n} points have 0 people and are not demand; left out",
                n_zero,
            ).format(n=n_zero)
        )
    n_kept = int(keep.sum())
    report_progress(
        progress,
        0.6,
        ngettext("{n} points with people", "{n} points with people", n_kept).format(n=n_kept),
    )
    gdf = _points_frame(rows, population, keep)
    in_overlap = np.zeros(len(gdf), dtype=bool)
    if districts is not None and not districts.empty:
        report_progress(progress, 0.8, _("assigning points to districts"))
        located = locate_in_districts(gdf, districts)
        gdf["district_id"], in_overlap = located.ids, located.in_overlap
        pop = gdf["population"].to_numpy()
        warnings.extend(overlap_warning(in_overlap, pop, unit=_unit(rows)))
    report_progress(
        progress,
        1.0,
        ngettext(
            "{n} points with {people} people", "{n} points with {people} people", len(gdf)
        ).format(n=len(gdf), people=_fmt_people(float(gdf["population"].sum()))),
    )
    report = _points_report(
        rows, population, pop_ok, (with_people, keep), gdf, in_overlap, warnings=warnings
    )
    return Demand(
        gdf,
        source=str(path),
        kind="points",
        cell_size_m=None,
        warnings=tuple(warnings),
        report=report,
    )


def _unit(rows: _PointRows) -> str:
    """``rows`` for a table, ``features`` for a layer."""
    return "rows" if rows.coord_cols is not None else "features"


def _points_frame(rows: _PointRows, population: np.ndarray, keep: np.ndarray) -> gpd.GeoDataFrame:
    """The demand points of the kept rows (no district yet)."""
    return gpd.GeoDataFrame(
        {
            "demand_id": rows.ids[keep],
            "population": population[keep].astype(np.float64),
            "district_id": np.full(int(keep.sum()), "", dtype=object),
        },
        geometry=gpd.GeoSeries(shapely.points(rows.lon[keep], rows.lat[keep]), crs="EPSG:4326"),
        crs="EPSG:4326",
    )


def _points_report(
    rows: _PointRows,
    population: np.ndarray,
    pop_ok: np.ndarray,
    placed: tuple[np.ndarray, np.ndarray],
    gdf: gpd.GeoDataFrame,
    in_overlap: np.ndarray,
    *,
    warnings: list[str],
) -> PopulationReport:
    """Where the people of every row went: located, outside the study area, not located.

    ``placed`` is the mask of the rows with people and coordinates, and of those kept (inside
    the study area)."""
    with_people, keep = placed
    people = pop_ok & (population > 0)
    # usable counts only: a row counted as 0 holds no one
    counts = np.where(people, population, 0.0).astype(np.float64)
    not_located = people & ~with_people
    outside = with_people & ~keep
    too_many = np.isposinf(population) | (np.isfinite(population) & (population > MAX_PEOPLE))
    pop = gdf["population"].to_numpy(dtype=np.float64)
    no_district = (gdf["district_id"] == "").to_numpy()
    return PopulationReport(
        file=rows.path.name,
        unit=_unit(rows),
        rows_in_file=len(rows.labels),
        people_in_file=float(counts.sum()),
        rows_with_people=int(people.sum()),
        outside_people=float(counts[outside].sum()),
        outside_rows=int(outside.sum()),
        not_located_people=float(counts[not_located].sum()),
        not_located_rows=int(not_located.sum()),
        counted_zero_rows=int((~pop_ok).sum()),
        above_max_rows=int(too_many.sum()),
        no_district_people=float(pop[no_district].sum()),
        no_district_rows=int(no_district.sum()),
        overlap_people=float(pop[in_overlap].sum()),
        overlap_rows=int(in_overlap.sum()),
        warnings=tuple(warnings),
    )


def _checked_population(rows: _PointRows, *, warnings: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """People per row and the mask of rows whose count is usable; the others are listed."""
    labels, pop_col = rows.labels, rows.pop_col
    population, pop_missing, pop_bad = _parse_numbers(rows.raw_population)
    negative = np.isfinite(population) & (population < 0)
    too_many = np.isposinf(population) | (np.isfinite(population) & (population > MAX_PEOPLE))
    pop_bad = pop_bad & ~too_many  # 1e400 is a number, too large: said as such
    raw_pop = rows.raw_population.astype(object).to_numpy()

    def shown(i: int, raw: Any) -> str:
        return f"{labels[i]} ({_raw(raw)})"

    features = rows.coord_cols is None
    if pop_missing.any():
        items = [str(labels[i]) for i in np.flatnonzero(pop_missing)]
        warnings.append(count_warning("missing", items, pop_col, features=features))
    for mask, problem in (
        (pop_bad, "not_a_number"),
        (negative, "negative"),
        (too_many, "too_many"),
    ):
        if mask.any():
            items = [shown(i, raw_pop[i]) for i in np.flatnonzero(mask)]
            warnings.append(count_warning(problem, items, pop_col, features=features))
    return population, np.isfinite(population) & ~negative & ~too_many


def _checked_coordinates(
    rows: _PointRows, population: np.ndarray, *, pop_ok: np.ndarray, warnings: list[str]
) -> np.ndarray:
    """Mask of the rows with usable coordinates; the others are listed with their people."""
    lon, lat = rows.lon, rows.lat
    no_coord = ~np.isfinite(lon) | ~np.isfinite(lat)
    unparsed = rows.bad_coord | no_coord
    out_of_range = ~unparsed & ((np.abs(lat) > 90) | (np.abs(lon) > 180))
    coord_text, range_text, what = _coordinate_labels(rows, unparsed, out_of_range)
    features = rows.coord_cols is None
    if unparsed.any():
        people = _fmt_people(float(population[unparsed & pop_ok].sum()))
        n = len(coord_text)
        template = (
            ngettext(
                "{count} feature has no usable coordinates in geometry, left out ({people} "
                "people): {items}",
                "{count} features have no usable coordinates in geometry, left out ({people} "
                "people): {items}",
                n,
            )
            if features
            else ngettext(
                "{count} row has no usable coordinates in {columns}, left out ({people} "
                "people): {items}",
                "{count} rows have no usable coordinates in {columns}, left out ({people} "
                "people): {items}",
                n,
            )
        )
        warnings.append(_rows_warning(template, coord_text, columns=what, people=people))
    if out_of_range.any():
        swapped = out_of_range & (np.abs(lon) <= 90) & (np.abs(lat) <= 180)
        hint = _("; are latitude and longitude swapped?") if swapped.any() else ""
        people = _fmt_people(float(population[out_of_range & pop_ok].sum()))
        warnings.append(
            _rows_warning(
                _outside_template(len(range_text), features=features),
                range_text,
                people=people,
                hint=hint,
            )
        )
    return ~unparsed & ~out_of_range


def _outside_template(n: int, *, features: bool) -> str:
    """The warning about ``n`` rows (features) whose coordinates are beyond ±180 / ±90."""
    if features:
        return ngettext(
            "{count} feature has coordinates outside lon -180..180 / lat -90..90, left out "
            "({people} people){hint}: {items}",
            "{count} features have coordinates outside lon -180..180 / lat -90..90, left out "
            "({people} people){hint}: {items}",
            n,
        )
    return ngettext(
        "{count} row has coordinates outside lon -180..180 / lat -90..90, left out "
        "({people} people){hint}: {items}",
        "{count} rows have coordinates outside lon -180..180 / lat -90..90, left out "
        "({people} people){hint}: {items}",
        n,
    )


def _coordinate_labels(
    rows: _PointRows, unparsed: np.ndarray, out_of_range: np.ndarray
) -> tuple[list[str], list[str], str]:
    """How the rows without usable coordinates are listed, and where the coordinates came from.

    A table's rows show the cells as typed; a layer's features show the numbers read.
    """
    labels = rows.labels
    if rows.coord_cols is not None and rows.raw_lon is not None and rows.raw_lat is not None:
        rl = rows.raw_lon.astype(object).to_numpy()
        rt = rows.raw_lat.astype(object).to_numpy()
        coord_text = [
            f"{labels[i]} ({_raw(rl[i])}, {_raw(rt[i])})" for i in np.flatnonzero(unparsed)
        ]
        range_text = [
            f"{labels[i]} ({_raw(rl[i])}, {_raw(rt[i])})" for i in np.flatnonzero(out_of_range)
        ]
        return coord_text, range_text, f"{rows.coord_cols[0]!r}/{rows.coord_cols[1]!r}"
    lon, lat = rows.lon, rows.lat
    coord_text = [str(labels[i]) for i in np.flatnonzero(unparsed)]
    range_text = [f"{labels[i]} ({lon[i]:g}, {lat[i]:g})" for i in np.flatnonzero(out_of_range)]
    return coord_text, range_text, "geometry"


def _no_usable_row(rows: _PointRows, *, warnings: list[str]) -> InputError:
    """The error when no row has both people and coordinates, naming the columns read."""
    coord_cols = rows.coord_cols
    columns = ", ".join(map(repr, rows.columns))
    if coord_cols:
        msg = _(
            "no row has both a population and coordinates; read population from {column!r} and "
            "coordinates from {lon!r}/{lat!r}; the columns found are {columns}; pass the right "
            "column names"
        ).format(column=rows.pop_col, lon=coord_cols[0], lat=coord_cols[1], columns=columns)
    else:
        msg = _(
            "no row has both a population and coordinates; read population from {column!r}; "
            "the columns found are {columns}; pass the right column names"
        ).format(column=rows.pop_col, columns=columns)
    if warnings:
        msg += f" ({warnings[-1]})"
    return InputError(msg, path=rows.path)


def _inside_study_area(
    rows: _PointRows,
    population: np.ndarray,
    study_area: BaseGeometry,
    *,
    keep: np.ndarray,
    warnings: list[str],
) -> np.ndarray:
    """Mask of the kept points inside the study area; the people outside it are counted."""
    lon, lat = rows.lon, rows.lat
    inside = np.zeros(len(lon), dtype=bool)
    shapely.prepare(study_area)
    inside[keep] = shapely.contains_xy(study_area, lon[keep], lat[keep])
    if not inside.any():
        bounds = (lon[keep].min(), lat[keep].min(), lon[keep].max(), lat[keep].max())
        msg = _(
            "the points cover {extent}; the study area is {area}: choose population points of "
            "this area"
        ).format(extent=_extent_text(bounds), area=_extent_text(study_area.bounds))
        raise InputError(msg, path=rows.path)
    outside = keep & ~inside
    if outside.any():
        n_outside = int(outside.sum())
        warnings.append(
            ngettext(
                "{n} points with {people} people lie outside the study area and were left out",
                "{n} points with {people} people lie outside the study area and were left out",
                n_outside,
            ).format(n=n_outside, people=_fmt_people(float(population[outside].sum())))
        )
    return inside
