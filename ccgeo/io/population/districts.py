"""District boundaries: read and repair the polygons, assign points to them, the study area."""

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

from ccgeo.errors import InputError
from ccgeo.geo import local_utm_crs
from ccgeo.i18n import N_, _, ngettext
from ccgeo.io.population.common import (
    _DISTRICT_ID_NAMES,
    _DISTRICT_NAME_NAMES,
    _as_text,
    _check_path,
    _column_key,
    _find_column,
    _first_text_column,
    _listing,
    _open_layer,
    _require_column,
    _rows_warning,
    _to_lonlat,
    feature_label,
)

#: Margin around the facilities' envelope when nothing else bounds the study area, metres.
FACILITY_MARGIN_M = 5_000.0


def read_districts(
    path: str | Path,
    *,
    id_column: str | None = None,
    name_column: str | None = None,
    layer: str | int | None = None,
) -> gpd.GeoDataFrame:
    """Read district boundaries (GeoJSON, GeoPackage, Shapefile or zipped Shapefile).

    Parameters
    ----------
    path
        The boundary file; a ``.zip`` holding a Shapefile is read as is.
    id_column, name_column
        Columns holding the district code and name; guessed when not given (``name``, ``nome``,
        ``nombre``, ``ward_name``, ``distrito``, ...; an id-like column with unique values, or
        the feature number).
    layer
        Layer name or index in a GeoPackage; needed only when several polygon layers exist.

    Returns
    -------
    GeoDataFrame
        EPSG:4326, one row per feature, columns ``district_id`` (str, unique), ``name`` (str),
        the source's other attributes, then ``geometry`` (Polygon or MultiPolygon).
        ``attrs["warnings"]`` lists what was repaired or guessed; ``attrs["source"]`` is the path;
        ``attrs["id_column"]`` and ``attrs["name_column"]`` say which columns were used.

    Raises
    ------
    InputError
        When the file cannot be read, is empty, holds non-polygon features, or a named column
        is missing.
    """
    path = _check_path(path, expected=_("district polygons (GeoJSON, GeoPackage, Shapefile)"))
    gdf = _open_layer(path, layer=layer, want=N_("district polygons"), prefer="districts")
    warnings: list[str] = []
    if gdf.empty:
        raise InputError(_("the layer is empty; expected district polygons"), path=path)
    gdf = _polygon_features(gdf, path=path, warnings=warnings)
    gdf = _to_lonlat(gdf, path=path, warnings=warnings)
    gdf = _repair_polygons(gdf, warnings=warnings)

    columns = [c for c in gdf.columns if c != gdf.geometry.name]
    id_column, name_column = _district_columns(
        gdf, columns, id_column=id_column, name_column=name_column
    )
    ids, names = _district_ids_and_names(gdf, id_column, name_column, warnings=warnings)
    out = _districts_frame(gdf, ids, names, used=(id_column, name_column))
    out.attrs = {
        "warnings": warnings,
        "source": str(path),
        "id_column": id_column,
        "name_column": name_column,
    }
    return out


def _polygon_features(
    gdf: gpd.GeoDataFrame, *, path: Path, warnings: list[str]
) -> gpd.GeoDataFrame:
    """The features with a geometry; an error unless every one of them is a (multi)polygon."""
    null_geom = gdf.geometry.isna().to_numpy() | gdf.geometry.is_empty.to_numpy()
    if null_geom.all():
        raise InputError(_("no feature has a geometry; expected district polygons"), path=path)
    if null_geom.any():
        labels = [feature_label(i + 1) for i in np.flatnonzero(null_geom)]
        template = ngettext(
            "{count} feature has no geometry, left out: {items}",
            "{count} features have no geometry, left out: {items}",
            len(labels),
        )
        warnings.append(_rows_warning(template, labels))
        gdf = gdf.loc[~null_geom].reset_index(drop=True)
    geom_types = gdf.geom_type.to_numpy()
    not_polygon = ~np.isin(geom_types, ["Polygon", "MultiPolygon"])
    if not_polygon.any():
        kinds = sorted(set(geom_types[not_polygon]))
        labels = [feature_label(i + 1) for i in np.flatnonzero(not_polygon)]
        n_not = int(not_polygon.sum())
        msg = ngettext(
            "{n} of {total} features are {kinds}, not polygons ({items}); expected district "
            "polygons; choose the boundary layer",
            "{n} of {total} features are {kinds}, not polygons ({items}); expected district "
            "polygons; choose the boundary layer",
            n_not,
        ).format(n=n_not, total=len(gdf), kinds=", ".join(kinds), items=_listing(labels))
        raise InputError(msg, path=path)
    return gdf


def _repair_polygons(gdf: gpd.GeoDataFrame, *, warnings: list[str]) -> gpd.GeoDataFrame:
    """Invalid polygons made valid; those that collapse to nothing are left out."""
    invalid = ~gdf.geometry.is_valid.to_numpy()
    if not invalid.any():
        return gdf
    geoms = gdf.geometry.to_numpy()
    # "structure" keeps the polygonal part only, so a bow-tie stays a (multi)polygon
    geoms[invalid] = shapely.make_valid(geoms[invalid], method="structure", keep_collapsed=False)
    gdf = gdf.set_geometry(gpd.GeoSeries(geoms, crs=gdf.crs, index=gdf.index))
    n_invalid = int(invalid.sum())
    warnings.append(
        ngettext(
            "{n} invalid polygons (self-intersections) were repaired",
            "{n} invalid polygons (self-intersections) were repaired",
            n_invalid,
        ).format(n=n_invalid)
    )
    emptied = gdf.geometry.is_empty.to_numpy()
    if emptied.any():
        labels = [feature_label(i + 1) for i in np.flatnonzero(emptied)]
        template = ngettext(
            "{count} feature collapsed to nothing when repaired, left out: {items}",
            "{count} features collapsed to nothing when repaired, left out: {items}",
            len(labels),
        )
        warnings.append(_rows_warning(template, labels))
        gdf = gdf.loc[~emptied].reset_index(drop=True)
    return gdf


def _district_columns(
    gdf: gpd.GeoDataFrame,
    columns: Sequence[str],
    *,
    id_column: str | None,
    name_column: str | None,
) -> tuple[str | None, str | None]:
    """The id and name columns: the ones given (checked), else guessed; None when not found."""
    if id_column is not None:
        id_column = _require_column(
            columns, id_column, what=_("district id column"), argument="id_column"
        )
    else:
        id_column = _guess_id_column(gdf, columns)
    if name_column is not None:
        name_column = _require_column(
            columns, name_column, what=_("district name column"), argument="name_column"
        )
    else:
        name_column = _find_column(
            columns, _DISTRICT_NAME_NAMES, skip=[id_column] if id_column else []
        )
        if name_column is None:
            name_column = _first_text_column(gdf, [c for c in columns if c != id_column])
    return id_column, name_column


def _district_ids_and_names(
    gdf: gpd.GeoDataFrame,
    id_column: str | None,
    name_column: str | None,
    *,
    warnings: list[str],
) -> tuple[pd.Series, pd.Series]:
    """Unique ids (feature numbers where missing) and names (the id where missing)."""
    n = len(gdf)
    if id_column is None:
        ids = pd.Series([str(i + 1) for i in range(n)], dtype=object)
        warnings.append(_("no district id column found; districts are numbered 1..n in file order"))
    else:
        ids = _as_text(gdf[id_column])
        empty = (ids == "").to_numpy()
        if empty.any():
            labels = [feature_label(i + 1) for i in np.flatnonzero(empty)]
            template = ngettext(
                "{count} feature has no {column!r}, numbered by feature: {items}",
                "{count} features have no {column!r}, numbered by feature: {items}",
                len(labels),
            )
            warnings.append(_rows_warning(template, labels, column=id_column))
            ids[empty] = [str(i + 1) for i in np.flatnonzero(empty)]
    ids = _unique_ids(ids, warnings=warnings, column=id_column or _("number"))
    if name_column is None:
        names = ids.copy()
        warnings.append(_("no district name column found; the district id is used as name"))
    else:
        names = _as_text(gdf[name_column])
        names = names.where(names != "", ids)
    return ids, names


def _districts_frame(
    gdf: gpd.GeoDataFrame,
    ids: pd.Series,
    names: pd.Series,
    *,
    used: tuple[str | None, str | None],
) -> gpd.GeoDataFrame:
    """``district_id``, ``name``, the other source columns (clashes renamed), ``geometry``."""
    rest = gdf.drop(columns=[c for c in used if c is not None])
    rename = {c: f"{c}_source" for c in ("district_id", "name") if c in rest.columns}
    rest = rest.rename(columns=rename)
    out = gpd.GeoDataFrame(
        {"district_id": ids.to_numpy(dtype=object), "name": names.to_numpy(dtype=object)},
        geometry=gpd.GeoSeries(rest.geometry.to_numpy(), crs="EPSG:4326"),
        crs="EPSG:4326",
    )
    attrs = rest.drop(columns=rest.geometry.name).reset_index(drop=True)
    out = pd.concat([out.drop(columns="geometry"), attrs, out[["geometry"]]], axis=1)
    return gpd.GeoDataFrame(out, geometry="geometry", crs="EPSG:4326")


def _guess_id_column(gdf: pd.DataFrame, columns: Sequence[str]) -> str | None:
    def usable(col: str) -> bool:
        values = gdf[col]
        return bool(values.notna().all() and values.astype(str).is_unique)

    for syn in _DISTRICT_ID_NAMES:
        for col in columns:
            if _column_key(col) == syn and usable(col):
                return col
    for col in columns:
        key = _column_key(col)
        if key.endswith(("_id", "_code", "pcode", "_cod", "codigo")) and usable(col):
            return col
    return None


def _unique_ids(ids: pd.Series, *, warnings: list[str], column: str) -> pd.Series:
    dup = ids.duplicated(keep=False).to_numpy()
    if not dup.any():
        return ids
    counter = ids.groupby(ids).cumcount().to_numpy()
    new = ids.copy()
    again = counter > 0
    new[again] = ids[again] + "-" + (counter[again] + 1).astype(str)
    # a renamed id may collide with a real one ("A-2" present already): number until unique
    while new.duplicated().any():
        d = new.duplicated().to_numpy()
        new[d] = new[d] + "'"
    repeated = sorted(set(ids[dup]))
    warnings.append(
        ngettext(
            "{n} district ids in {column!r} are repeated ({ids}); the repeats were renamed with "
            "-2, -3, ... to keep every polygon",
            "{n} district ids in {column!r} are repeated ({ids}); the repeats were renamed with "
            "-2, -3, ... to keep every polygon",
            len(repeated),
        ).format(n=len(repeated), column=column, ids=_listing([repr(r) for r in repeated]))
    )
    return new


# ---------------------------------------------------------------------------------------------
# assignment and study area


@dataclass(frozen=True, eq=False)
class DistrictAssignment:
    """The district of each point, and which points lie inside several districts."""

    #: ``district_id`` of each point, ``""`` outside every district
    ids: np.ndarray
    #: True where a point lies inside (not on the border of) more than one district
    in_overlap: np.ndarray


def locate_in_districts(
    gdf_points: gpd.GeoDataFrame | gpd.GeoSeries, districts: gpd.GeoDataFrame | None
) -> DistrictAssignment:
    """The district of each point (`ccgeo.model.demand.OVERLAP_RULE`) and the points in overlaps.

    Parameters
    ----------
    gdf_points
        Points in any CRS; reprojected to the districts' CRS when they differ (points without
        a CRS are taken as EPSG:4326).
    districts
        As returned by `read_districts`, or any polygons with ``district_id`` in any CRS. A
        point on a shared border, or inside several overlapping districts, goes to the district
        listed first.

    Returns
    -------
    DistrictAssignment
        One id per point, in the points' order, and the mask of the points inside several
        districts (a point on a shared border is not in an overlap).
    """
    geoms = gdf_points.geometry if isinstance(gdf_points, gpd.GeoDataFrame) else gdf_points
    out = np.full(len(geoms), "", dtype=object)
    overlap = np.zeros(len(geoms), dtype=bool)
    if districts is None or districts.empty or len(geoms) == 0:
        return DistrictAssignment(out, overlap)
    if districts.crs is not None:
        if geoms.crs is None:
            geoms = geoms.set_crs("EPSG:4326")
        if geoms.crs != districts.crs:
            geoms = geoms.to_crs(districts.crs)
    points = geoms.to_numpy()
    pt_idx, poly_idx = districts.sindex.query(points, predicate="intersects")
    if len(pt_idx) == 0:
        return DistrictAssignment(out, overlap)
    order = np.lexsort((poly_idx, pt_idx))
    pt_idx, poly_idx = pt_idx[order], poly_idx[order]
    first = np.r_[True, pt_idx[1:] != pt_idx[:-1]]
    ids = districts["district_id"].to_numpy(dtype=object)
    out[pt_idx[first]] = ids[poly_idx[first]]
    several = np.bincount(pt_idx, minlength=len(points)) > 1
    if several.any():
        # a point on the border of two districts is in both by "intersects": only a point
        # inside (within) two polygons is in an overlap
        pick = several[pt_idx]
        inside = shapely.within(points[pt_idx[pick]], districts.geometry.to_numpy()[poly_idx[pick]])
        overlap = np.bincount(pt_idx[pick][inside], minlength=len(points)) > 1
    return DistrictAssignment(out, overlap)


def assign_districts(
    gdf_points: gpd.GeoDataFrame | gpd.GeoSeries, districts: gpd.GeoDataFrame | None
) -> np.ndarray:
    """The ``district_id`` of the district containing each point, ``""`` outside all of them.

    Parameters
    ----------
    gdf_points
        Points in any CRS (reprojected to the districts' CRS when they differ).
    districts
        As returned by `read_districts`. A point on a shared border, or in several overlapping
        districts, goes to the district listed first (see `locate_in_districts`).

    Returns
    -------
    ndarray of object (str)
        One id per point, in the points' order.
    """
    return locate_in_districts(gdf_points, districts).ids


def study_area_of(
    *,
    districts: gpd.GeoDataFrame | None = None,
    roads_bbox: Sequence[float] | None = None,
    facilities: Any = None,
) -> BaseGeometry | None:
    """The area an analysis covers, in EPSG:4326, from the best source available.

    Parameters
    ----------
    districts
        District polygons: their union is the study area when given.
    roads_bbox
        ``(min_lon, min_lat, max_lon, max_lat)`` of the road network, used when there are no
        districts.
    facilities
        A `ccgeo.model.Facilities` or a point GeoDataFrame: their envelope grown by
        `FACILITY_MARGIN_M` metres, used when there is nothing else.

    Returns
    -------
    shapely geometry or None
        None when no source is given (or all are empty).
    """
    if districts is not None and not districts.empty:
        geoms = districts.geometry
        if geoms.crs is not None and geoms.crs.to_epsg() != 4326:
            geoms = geoms.to_crs("EPSG:4326")
        return shapely.union_all(geoms.to_numpy())
    if roads_bbox is not None:
        minx, miny, maxx, maxy = (float(v) for v in roads_bbox)
        if all(math.isfinite(v) for v in (minx, miny, maxx, maxy)):
            return shapely.box(minx, miny, maxx, maxy)
    if facilities is not None:
        gdf = getattr(facilities, "gdf", facilities)
        geoms = gdf.geometry if isinstance(gdf, gpd.GeoDataFrame) else gdf
        geoms = geoms[geoms.notna() & ~geoms.is_empty]
        if len(geoms):
            if geoms.crs is not None and geoms.crs.to_epsg() != 4326:
                geoms = geoms.to_crs("EPSG:4326")
            minx, miny, maxx, maxy = geoms.total_bounds
            utm = local_utm_crs((minx + maxx) / 2, (miny + maxy) / 2)
            env = gpd.GeoSeries([shapely.box(minx, miny, maxx, maxy)], crs="EPSG:4326").to_crs(utm)
            return env.buffer(FACILITY_MARGIN_M).to_crs("EPSG:4326").iloc[0]
    return None
