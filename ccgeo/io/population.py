"""Population and district boundaries: GeoTIFF rasters, point grids, district tables → `Demand`."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely
from pyproj import CRS, Transformer
from shapely.geometry.base import BaseGeometry

from ccgeo.errors import InputError, check_cancel
from ccgeo.geo import great_circle_m, local_utm_crs
from ccgeo.io.tables import (
    LAT_COLUMN_NAMES,
    LON_COLUMN_NAMES,
    TABLE_SUFFIXES,
    parse_coordinate,
    read_table,
)
from ccgeo.model.demand import Demand
from ccgeo.progress import ProgressCallback, report_progress

#: Files read as a population raster (people per cell).
RASTER_SUFFIXES: tuple[str, ...] = (".tif", ".tiff")
#: Files read as vector layers (district polygons or population points).
LAYER_SUFFIXES: tuple[str, ...] = (".geojson", ".gpkg", ".shp", ".zip")

#: Margin around the facilities' envelope when nothing else bounds the study area, metres.
FACILITY_MARGIN_M = 5_000.0

#: How many examples a warning or error lists before saying "and N more".
_MAX_LISTED = 8

# Column-name synonyms, compared after `_column_key` (lower case, no accents, ``_`` separators).
# Earlier entries win when a file has several of them.
_POPULATION_NAMES = (
    "population",
    "pop",
    "total_population",
    "population_total",
    "pop_total",
    "total_pop",
    "poblacion",
    "poblacion_total",
    "populacao",
    "populacao_total",
    "habitantes",
    "hab",
    "inhabitants",
    "people",
    "persons",
    "personas",
    "pessoas",
    "total",
)
_POPULATION_PREFIXES = ("population", "pop", "poblacion", "populacao", "habitantes")
# "population_density", "pop_share", ... are not head counts
_NOT_COUNTS = ("dens", "share", "pct", "percent", "ratio", "growth", "rate", "per_", "km2", "sq")
# the same names ccgeo.io.facilities accepts for coordinates, in this module's key form
_LON_NAMES = tuple(n.replace(" ", "_") for n in LON_COLUMN_NAMES)
_LAT_NAMES = tuple(n.replace(" ", "_") for n in LAT_COLUMN_NAMES)
_POINT_ID_NAMES = ("demand_id", "id", "h3", "h3_id", "hex_id", "cell_id", "code", "gid", "fid")
_DISTRICT_NAME_NAMES = (
    "name",
    "district_name",
    "ward_name",
    "nome",
    "nom",
    "nombre",
    "district",
    "distrito",
    "municipio",
    "municipality",
    "nm_mun",
    "name_mun",
    "sub_county",
    "subcounty",
    "constituency_name",
    "constituency",
    "ward",
    "bairro",
    "barrio",
    "colonia",
    "localidad",
    "comuna",
    "commune",
    "kecamatan",
    "kelurahan",
    "shapename",
    "name_en",
    "adm3_en",
    "adm2_en",
    "adm1_en",
    "name_3",
    "name_2",
    "name_1",
    "county",
    "region",
    "zone",
    "zona",
    "area",
)
_DISTRICT_ID_NAMES = (
    "district_id",
    "id",
    "code",
    "codigo",
    "cod",
    "ward_code",
    "district_code",
    "geocode",
    "cd_mun",
    "cod_mun",
    "cd_geocmu",
    "adm3_pcode",
    "adm2_pcode",
    "adm1_pcode",
    "pcode",
    "shapeid",
    "gid",
    "fid",
    "objectid",
    "uid",
)
# a census table's total row ("NAIROBI CITY" is recognised by its sum, these by name)
_TOTAL_WORDS = ("total", "totals", "all", "overall", "todos", "todas", "tous", "grand total")


# ---------------------------------------------------------------------------------------------
# names and numbers


def _column_key(name: object) -> str:
    """A column name compared loosely: lower case, no accents, ``_`` between words."""
    text = unicodedata.normalize("NFKD", str(name))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^0-9a-z]+", "_", text).strip("_")


def _name_key(name: object) -> str:
    """A place name compared loosely: case, accents, spaces, hyphens and punctuation ignored."""
    return _column_key(name).replace("_", "")


def _find_column(
    columns: Sequence[str],
    synonyms: Sequence[str],
    *,
    prefixes: Sequence[str] = (),
    exclude: Sequence[str] = (),
    skip: Sequence[str] = (),
) -> str | None:
    """The first column whose loose name is in ``synonyms`` (in their order), else by prefix."""
    keys = {c: _column_key(c) for c in columns if c not in skip}
    for syn in synonyms:
        for col, key in keys.items():
            if key == syn:
                return col
    for col, key in keys.items():
        if any(key.startswith(p) for p in prefixes) and not any(x in key for x in exclude):
            return col
    return None


def _require_column(columns: Sequence[str], name: str, *, what: str, argument: str) -> str:
    if name in columns:
        return name
    by_key = {_column_key(c): c for c in columns}
    if _column_key(name) in by_key:
        return by_key[_column_key(name)]
    msg = (
        f"`{argument}` is {name!r} but the file has no such column; "
        f"the columns are {', '.join(map(repr, columns))}; pass one of them as the {what}"
    )
    raise InputError(msg)


_THOUSANDS_COMMA = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_THOUSANDS_DOT = re.compile(r"^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
_DECIMAL_COMMA = re.compile(r"^[+-]?\d*,\d+$")
_CLEARLY_DECIMAL_COMMA = re.compile(r"^[+-]?\d*,(?:\d{1,2}|\d{4,})$")


def _parse_numbers(values: pd.Series) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Parse a column of counts written by people: ``1234``, ``1 234``, ``1,234``, ``12,5``.

    A comma is a decimal comma when some cell of the column can only be read that way
    (``12,5``, ``0,25``); otherwise ``1,234`` is read as one thousand two hundred and thirty-four.

    Returns
    -------
    numbers, missing, bad
        Float values (NaN where missing or bad), a mask of empty cells and a mask of cells that
        are not numbers.
    """
    if pd.api.types.is_numeric_dtype(values.dtype) and not pd.api.types.is_bool_dtype(values.dtype):
        numbers = values.to_numpy(dtype=float, na_value=np.nan)
        missing = ~np.isfinite(numbers)
        return numbers, missing, np.zeros(len(values), dtype=bool)
    text = values.astype(object).where(values.notna(), "").astype(str)
    text = text.str.replace(r"[\s\u00a0\u202f'_]", "", regex=True).str.replace("\u2212", "-")
    missing = (text == "").to_numpy() | text.str.lower().isin(
        ["nan", "na", "n/a", "null", "none", "-"]
    ).to_numpy()
    numbers = np.array(pd.to_numeric(text.where(~missing, None), errors="coerce"), dtype=float)
    todo = ~missing & ~np.isfinite(numbers)
    if todo.any():
        rest = text[todo]
        decimal_comma = bool(rest.str.match(_CLEARLY_DECIMAL_COMMA).any())
        if decimal_comma:
            fixed = rest.where(
                ~rest.str.match(_THOUSANDS_DOT), rest.str.replace(".", "", regex=False)
            )
            fixed = fixed.str.replace(",", ".", regex=False)
        else:
            fixed = rest.where(
                ~rest.str.match(_THOUSANDS_COMMA), rest.str.replace(",", "", regex=False)
            )
            dotted = fixed.str.match(_THOUSANDS_DOT)
            fixed = fixed.where(
                ~dotted, fixed.str.replace(".", "", regex=False).str.replace(",", ".")
            )
            comma = fixed.str.match(_DECIMAL_COMMA)
            fixed = fixed.where(~comma, fixed.str.replace(",", ".", regex=False))
        numbers[todo] = pd.to_numeric(fixed, errors="coerce").to_numpy(dtype=float)
    bad = ~missing & ~np.isfinite(numbers)
    return numbers, missing, bad


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


def _fmt_people(value: float) -> str:
    return f"{value:,.0f}"


def _listing(items: Sequence[str], *, limit: int = _MAX_LISTED) -> str:
    shown = ", ".join(items[:limit])
    if len(items) > limit:
        shown += f" and {len(items) - limit} more"
    return shown


def _rows_warning(what: str, labels: Sequence[str], consequence: str) -> str:
    """``"3 rows had no population, counted as 0: row 4 (''), ..."``."""
    if len(labels) == 1:
        noun = "row" if labels[0].startswith("row") else "feature"
        what = "has" + what[4:] if what.startswith("have ") else what
    else:
        noun = "rows" if labels[0].startswith("row") else "features"
    return f"{len(labels)} {noun} {what}, {consequence}: {_listing(labels)}"


def _raw(value: Any) -> str:
    """A cell as the user typed it; empty cells as nothing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def _extent_text(bounds: Sequence[float]) -> str:
    minx, miny, maxx, maxy = bounds
    return f"lon {minx:.1f}..{maxx:.1f}, lat {miny:.1f}..{maxy:.1f}"


def _check_path(path: str | Path, *, expected: str) -> Path:
    path = Path(path)
    if not path.exists():
        raise InputError(f"file not found; expected {expected}; check the path", path=path)
    if path.is_dir() and path.suffix.lower() != ".gdb":
        raise InputError(f"is a folder; expected {expected}", path=path)
    return path


# ---------------------------------------------------------------------------------------------
# districts


def _open_layer(path: Path, *, layer: str | int | None, want: str, prefer: str) -> gpd.GeoDataFrame:
    """Read one vector layer with pyogrio; choose it when the file holds several."""
    try:
        layers = pyogrio.list_layers(path)
    except (pyogrio.errors.DataSourceError, OSError) as exc:
        msg = f"cannot be read as a vector layer ({exc}); expected GeoJSON, GeoPackage or Shapefile"
        raise InputError(msg, path=path) from exc
    names = [str(n) for n in layers[:, 0]] if len(layers) else []
    if not names:
        raise InputError(f"holds no layer; expected {want}", path=path)
    if layer is None:
        if len(names) == 1:
            layer = names[0]
        elif prefer in names:
            layer = prefer
        else:
            kind = "Polygon" if "polygon" in want else "Point"
            fitting = [str(n) for n, g in layers if g and kind.lower() in str(g).lower()]
            if len(fitting) != 1:
                msg = (
                    f"holds several layers ({', '.join(names)}); "
                    f"pass `layer=` with the one holding {want}"
                )
                raise InputError(msg, path=path)
            layer = fitting[0]
    elif isinstance(layer, str) and layer not in names:
        msg = f"has no layer {layer!r}; its layers are {', '.join(names)}"
        raise InputError(msg, path=path)
    try:
        gdf = pyogrio.read_dataframe(path, layer=layer)
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError, OSError) as exc:
        raise InputError(f"cannot read layer {layer!r} ({exc})", path=path) from exc
    if not isinstance(gdf, gpd.GeoDataFrame):
        raise InputError(f"layer {layer!r} has no geometry; expected {want}", path=path)
    return gdf


def _to_lonlat(gdf: gpd.GeoDataFrame, *, path: Path, warnings: list[str]) -> gpd.GeoDataFrame:
    """Reproject to EPSG:4326; a layer without CRS is accepted only when it is in degrees."""
    if gdf.crs is None:
        bounds = gdf.total_bounds
        if (
            np.all(np.isfinite(bounds))
            and -180 <= bounds[0] <= bounds[2] <= 180
            and -90 <= bounds[1] <= bounds[3] <= 90
        ):
            warnings.append(
                "the layer has no coordinate reference system; its numbers look like "
                "lon/lat degrees, read as EPSG:4326"
            )
            return gdf.set_crs("EPSG:4326")
        msg = (
            f"has no coordinate reference system (missing .prj?) and its coordinates "
            f"({bounds[0]:.0f}..{bounds[2]:.0f}, {bounds[1]:.0f}..{bounds[3]:.0f}) "
            "are not degrees; "
            "save it again with its CRS"
        )
        raise InputError(msg, path=path)
    if gdf.crs.to_epsg() != 4326:
        return gdf.to_crs("EPSG:4326")
    return gdf


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
    path = _check_path(path, expected="district polygons (GeoJSON, GeoPackage, Shapefile)")
    want = "district polygons"
    gdf = _open_layer(path, layer=layer, want=want, prefer="districts")
    warnings: list[str] = []
    if gdf.empty:
        raise InputError("the layer is empty; expected district polygons", path=path)

    null_geom = gdf.geometry.isna().to_numpy() | gdf.geometry.is_empty.to_numpy()
    if null_geom.all():
        raise InputError("no feature has a geometry; expected district polygons", path=path)
    if null_geom.any():
        labels = [f"feature {i + 1}" for i in np.flatnonzero(null_geom)]
        warnings.append(_rows_warning("have no geometry", labels, "left out"))
        gdf = gdf.loc[~null_geom].reset_index(drop=True)
    geom_types = gdf.geom_type.to_numpy()
    not_polygon = ~np.isin(geom_types, ["Polygon", "MultiPolygon"])
    if not_polygon.any():
        kinds = sorted(set(geom_types[not_polygon]))
        labels = [f"feature {i + 1}" for i in np.flatnonzero(not_polygon)]
        msg = (
            f"{not_polygon.sum()} of {len(gdf)} features are {', '.join(kinds)}, not polygons "
            f"({_listing(labels)}); expected district polygons; choose the boundary layer"
        )
        raise InputError(msg, path=path)
    gdf = _to_lonlat(gdf, path=path, warnings=warnings)

    invalid = ~gdf.geometry.is_valid.to_numpy()
    if invalid.any():
        geoms = gdf.geometry.to_numpy()
        # "structure" keeps the polygonal part only, so a bow-tie stays a (multi)polygon
        geoms[invalid] = shapely.make_valid(
            geoms[invalid], method="structure", keep_collapsed=False
        )
        gdf = gdf.set_geometry(gpd.GeoSeries(geoms, crs=gdf.crs, index=gdf.index))
        warnings.append(f"{invalid.sum()} invalid polygons (self-intersections) were repaired")
        emptied = gdf.geometry.is_empty.to_numpy()
        if emptied.any():
            labels = [f"feature {i + 1}" for i in np.flatnonzero(emptied)]
            warnings.append(_rows_warning("collapsed to nothing when repaired", labels, "left out"))
            gdf = gdf.loc[~emptied].reset_index(drop=True)

    columns = [c for c in gdf.columns if c != gdf.geometry.name]
    if id_column is not None:
        id_column = _require_column(
            columns, id_column, what="district id column", argument="id_column"
        )
    else:
        id_column = _guess_id_column(gdf, columns)
    if name_column is not None:
        name_column = _require_column(
            columns, name_column, what="district name column", argument="name_column"
        )
    else:
        name_column = _find_column(
            columns, _DISTRICT_NAME_NAMES, skip=[id_column] if id_column else []
        )
        if name_column is None:
            name_column = _first_text_column(gdf, [c for c in columns if c != id_column])

    n = len(gdf)
    if id_column is None:
        ids = pd.Series([str(i + 1) for i in range(n)], dtype=object)
        warnings.append("no district id column found; districts are numbered 1..n in file order")
    else:
        ids = _as_text(gdf[id_column])
        empty = (ids == "").to_numpy()
        if empty.any():
            labels = [f"feature {i + 1}" for i in np.flatnonzero(empty)]
            warnings.append(_rows_warning(f"have no {id_column!r}", labels, "numbered by feature"))
            ids[empty] = [str(i + 1) for i in np.flatnonzero(empty)]
    ids = _unique_ids(ids, warnings=warnings, column=id_column or "number")
    if name_column is None:
        names = ids.copy()
        warnings.append("no district name column found; the district id is used as name")
    else:
        names = _as_text(gdf[name_column])
        names = names.where(names != "", ids)

    rest = gdf.drop(columns=[c for c in (id_column, name_column) if c is not None])
    rename = {c: f"{c}_source" for c in ("district_id", "name") if c in rest.columns}
    rest = rest.rename(columns=rename)
    out = gpd.GeoDataFrame(
        {"district_id": ids.to_numpy(dtype=object), "name": names.to_numpy(dtype=object)},
        geometry=gpd.GeoSeries(rest.geometry.to_numpy(), crs="EPSG:4326"),
        crs="EPSG:4326",
    )
    attrs = rest.drop(columns=rest.geometry.name).reset_index(drop=True)
    out = pd.concat([out.drop(columns="geometry"), attrs, out[["geometry"]]], axis=1)
    out = gpd.GeoDataFrame(out, geometry="geometry", crs="EPSG:4326")
    out.attrs = {
        "warnings": warnings,
        "source": str(path),
        "id_column": id_column,
        "name_column": name_column,
    }
    return out


def _as_text(values: pd.Series) -> pd.Series:
    """Values as stripped text; integers written as floats (``12.0``) lose the ``.0``."""
    out = []
    for v in values.to_numpy(dtype=object):
        if v is None or (isinstance(v, float) and math.isnan(v)):
            out.append("")
        elif isinstance(v, float) and v.is_integer():
            out.append(str(int(v)))
        else:
            out.append(str(v).strip())
    return pd.Series(out, dtype=object)


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


def _first_text_column(df: pd.DataFrame, columns: Sequence[str]) -> str | None:
    """The first column holding mostly non-numeric text (a name, not a code or a count)."""
    for col in columns:
        values = df[col].dropna()
        if values.empty or pd.api.types.is_numeric_dtype(values.dtype):
            continue
        text = values.astype(str).str.strip()
        numeric = pd.to_numeric(text.str.replace(",", ".", regex=False), errors="coerce").notna()
        if (~numeric).mean() >= 0.8:
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
        f"{len(repeated)} district ids in {column!r} are repeated "
        f"({_listing([repr(r) for r in repeated])}); "
        "the repeats were renamed with -2, -3, ... to keep every polygon"
    )
    return new


# ---------------------------------------------------------------------------------------------
# assignment and study area


def assign_districts(
    gdf_points: gpd.GeoDataFrame | gpd.GeoSeries, districts: gpd.GeoDataFrame | None
) -> np.ndarray:
    """The ``district_id`` of the district containing each point, ``""`` outside all of them.

    Parameters
    ----------
    gdf_points
        Points in any CRS (reprojected to the districts' CRS when they differ).
    districts
        As returned by `read_districts`. A point on a shared border goes to the first district.

    Returns
    -------
    ndarray of object (str)
        One id per point, in the points' order.
    """
    geoms = gdf_points.geometry if isinstance(gdf_points, gpd.GeoDataFrame) else gdf_points
    out = np.full(len(geoms), "", dtype=object)
    if districts is None or districts.empty or len(geoms) == 0:
        return out
    if geoms.crs is not None and districts.crs is not None and geoms.crs != districts.crs:
        geoms = geoms.to_crs(districts.crs)
    pt_idx, poly_idx = districts.sindex.query(geoms.to_numpy(), predicate="intersects")
    if len(pt_idx) == 0:
        return out
    order = np.lexsort((poly_idx, pt_idx))
    pt_idx, poly_idx = pt_idx[order], poly_idx[order]
    first = np.r_[True, pt_idx[1:] != pt_idx[:-1]]
    ids = districts["district_id"].to_numpy(dtype=object)
    out[pt_idx[first]] = ids[poly_idx[first]]
    return out


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


# ---------------------------------------------------------------------------------------------
# population


def read_population(
    path: str | Path,
    *,
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
        point layers with a population attribute (polygons are reduced to an inner point).
    study_area
        Polygon in EPSG:4326; only people inside it are kept (a raster is read only over its
        bounding box). People left outside are counted in the warnings.
    districts
        District polygons from `read_districts`; each point gets the id of its district.
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
        Points with people (cells or rows with 0 people are not demand and are left out).

    Raises
    ------
    InputError
        Unreadable file, no usable row or cell, no overlap with the study area, or a named
        column that does not exist.
    """
    path = _check_path(path, expected="a population raster, table or point layer")
    suffix = path.suffix.lower()
    if suffix in RASTER_SUFFIXES:
        return _read_raster(
            path, study_area=study_area, districts=districts, progress=progress, cancel=cancel
        )
    if suffix in LAYER_SUFFIXES:
        report_progress(progress, 0.0, f"reading {path.name}")
        gdf = _open_layer(path, layer=layer, want="population points", prefer="demand")
        check_cancel(cancel)
        return _points_from_layer(
            gdf,
            path=path,
            study_area=study_area,
            districts=districts,
            population_column=population_column,
            progress=progress,
        )
    if suffix in TABLE_SUFFIXES:
        report_progress(progress, 0.0, f"reading {path.name}")
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
    accepted = ", ".join((*RASTER_SUFFIXES, *TABLE_SUFFIXES, *LAYER_SUFFIXES))
    msg = (
        f"files ending in {suffix or '(no suffix)'!r} are not read as population; "
        f"expected one of {accepted}"
    )
    raise InputError(msg, path=path)


def _read_raster(
    path: Path,
    *,
    study_area: BaseGeometry | None,
    districts: gpd.GeoDataFrame | None,
    progress: ProgressCallback | None,
    cancel: Any,
) -> Demand:
    import rasterio
    import rasterio.features
    import rasterio.warp
    import rasterio.windows

    report_progress(progress, 0.0, f"opening {path.name}")
    warnings: list[str] = []
    try:
        src = rasterio.open(path)
    except (rasterio.errors.RasterioIOError, OSError) as exc:
        msg = f"is not a readable raster ({exc}); expected a GeoTIFF of people per cell"
        raise InputError(msg, path=path) from exc
    with src:
        crs = src.crs
        if crs is None:
            left, bottom, right, top = src.bounds
            if (
                min(left, right) >= -180
                and max(left, right) <= 180
                and min(bottom, top) >= -90
                and max(bottom, top) <= 90
            ):
                crs = rasterio.crs.CRS.from_epsg(4326)
                warnings.append(
                    "the raster has no coordinate reference system; its extent looks like "
                    "degrees, read as EPSG:4326"
                )
            else:
                msg = (
                    "has no coordinate reference system and its extent is not in degrees; "
                    "save it again with its CRS"
                )
                raise InputError(msg, path=path)
        is_lonlat = crs.to_epsg() == 4326
        if src.count > 1:
            warnings.append(f"the raster has {src.count} bands; band 1 was read as people per cell")
        transform = src.transform
        extent = rasterio.warp.transform_bounds(crs, "EPSG:4326", *src.bounds, densify_pts=21)
        row0, col0, height, width = 0, 0, src.height, src.width
        if study_area is not None:
            area_bounds = study_area.bounds
            overlap = not (
                area_bounds[0] > extent[2]
                or area_bounds[2] < extent[0]
                or area_bounds[1] > extent[3]
                or area_bounds[3] < extent[1]
            )
            if overlap and transform.b == 0 and transform.d == 0:
                b = rasterio.warp.transform_bounds("EPSG:4326", crs, *area_bounds, densify_pts=21)
                win = rasterio.windows.from_bounds(*b, transform=transform)
                c0 = max(math.floor(win.col_off), 0)
                r0 = max(math.floor(win.row_off), 0)
                c1 = min(math.ceil(win.col_off + win.width), src.width)
                r1 = min(math.ceil(win.row_off + win.height), src.height)
                overlap = c1 > c0 and r1 > r0
                row0, col0, height, width = r0, c0, r1 - r0, c1 - c0
            if not overlap:
                msg = (
                    f"the raster covers {_extent_text(extent)}; the study area is "
                    f"{_extent_text(area_bounds)}: choose a raster of this area"
                )
                raise InputError(msg, path=path)
        window = rasterio.windows.Window(col0, row0, width, height)
        win_transform = rasterio.windows.transform(window, transform)
        report_progress(progress, 0.1, f"reading {width} × {height} cells")
        try:
            data = src.read(1, window=window)
            valid = src.read_masks(1, window=window) > 0
        except (rasterio.errors.RasterioIOError, OSError) as exc:
            raise InputError(
                f"the raster is damaged and cannot be read ({exc})", path=path
            ) from exc
    check_cancel(cancel)
    report_progress(progress, 0.4, "finding cells with people")

    finite = np.isfinite(data)
    n_nodata = int((~valid).sum())
    n_nan = int((valid & ~finite).sum())
    negative = valid & finite & (data < 0)
    n_negative = int(negative.sum())
    if n_nodata:
        warnings.append(f"{n_nodata} cells had no data, counted as 0")
    if n_nan:
        warnings.append(f"{n_nan} cells were NaN, counted as 0")
    if n_negative:
        warnings.append(f"{n_negative} cells had negative values, counted as 0")
    people = valid & finite & (data > 0)

    if study_area is not None:
        area_in_crs = study_area if is_lonlat else _transform_geometry(study_area, "EPSG:4326", crs)
        inside = rasterio.features.geometry_mask(
            [area_in_crs], out_shape=data.shape, transform=win_transform, invert=True
        )
        outside = people & ~inside
        if outside.any():
            warnings.append(
                f"{int(outside.sum())} cells with "
                f"{_fmt_people(float(data[outside].sum(dtype=np.float64)))} people "
                "lie outside the study area and were left out"
            )
        people &= inside
    rows, cols = np.nonzero(people)
    if len(rows) == 0:
        where = "in the study area" if study_area is not None else "in the raster"
        msg = (
            f"no cell {where} has people (all cells are 0, negative or nodata); "
            "choose a population raster"
        )
        raise InputError(msg, path=path)
    population = data[rows, cols].astype(np.float64)
    check_cancel(cancel)
    report_progress(progress, 0.55, f"placing {len(rows)} cell centres")

    g_rows = rows + row0
    g_cols = cols + col0
    x = transform.c + (g_cols + 0.5) * transform.a + (g_rows + 0.5) * transform.b
    y = transform.f + (g_cols + 0.5) * transform.d + (g_rows + 0.5) * transform.e
    if not is_lonlat:
        t = Transformer.from_crs(CRS.from_user_input(crs.to_wkt()), "EPSG:4326", always_xy=True)
        x, y = t.transform(x, y)
    # ids from two small lookup tables: far faster than formatting a million strings
    u_rows, inv_rows = np.unique(g_rows, return_inverse=True)
    u_cols, inv_cols = np.unique(g_cols, return_inverse=True)
    row_text = np.array([f"r{r}_c" for r in u_rows], dtype=object)
    col_text = np.array([str(c) for c in u_cols], dtype=object)
    demand_id = row_text[inv_rows] + col_text[inv_cols]

    district_id = np.full(len(rows), "", dtype=object)
    if districts is not None and not districts.empty:
        check_cancel(cancel)
        report_progress(progress, 0.75, "assigning cells to districts")
        district_id = _raster_districts(districts, crs, is_lonlat, data.shape, win_transform)[
            rows, cols
        ]

    cell_size_m = _cell_size_m(transform, crs, row0 + height / 2, col0 + width / 2)
    report_progress(progress, 0.9, "building demand points")
    gdf = gpd.GeoDataFrame(
        {"demand_id": demand_id, "population": population, "district_id": district_id},
        geometry=gpd.GeoSeries(shapely.points(x, y), crs="EPSG:4326"),
        crs="EPSG:4326",
    )
    report_progress(
        progress, 1.0, f"{len(gdf)} cells with {_fmt_people(float(population.sum()))} people"
    )
    return Demand(
        gdf, source=str(path), kind="raster", cell_size_m=cell_size_m, warnings=tuple(warnings)
    )


def _transform_geometry(geom: BaseGeometry, src: Any, dst: Any) -> BaseGeometry:
    t = Transformer.from_crs(
        CRS.from_user_input(src),
        CRS.from_user_input(dst.to_wkt() if hasattr(dst, "to_wkt") else dst),
        always_xy=True,
    )
    return shapely.transform(geom, lambda xy: np.column_stack(t.transform(xy[:, 0], xy[:, 1])))


def _raster_districts(
    districts: gpd.GeoDataFrame, crs: Any, is_lonlat: bool, shape: tuple[int, int], transform: Any
) -> np.ndarray:
    """District id of every cell of the window, by burning the polygons at cell centres."""
    import rasterio.features

    geoms = districts.geometry.to_numpy()
    if not is_lonlat:
        geoms = gpd.GeoSeries(geoms, crs=districts.crs).to_crs(crs.to_wkt()).to_numpy()
    index = rasterio.features.rasterize(
        ((g, i + 1) for i, g in enumerate(geoms) if g is not None and not g.is_empty),
        out_shape=shape,
        transform=transform,
        fill=0,
        dtype="int32",
    )
    ids = np.concatenate(
        [np.array([""], dtype=object), districts["district_id"].to_numpy(dtype=object)]
    )
    return ids[index]


def _cell_size_m(transform: Any, crs: Any, row: float, col: float) -> float:
    """Side of a square with the area of a cell near (row, col), metres."""
    if crs.is_geographic:
        lon, lat = transform * (col, row)
        dx = great_circle_m(lon, lat, lon + math.hypot(transform.a, transform.d), lat)
        dy = great_circle_m(lon, lat, lon, lat + math.hypot(transform.b, transform.e))
        return float(math.sqrt(float(dx) * float(dy)))
    factor = CRS.from_user_input(crs.to_wkt()).axis_info[0].unit_conversion_factor
    return float(math.sqrt(abs(transform.a * transform.e - transform.b * transform.d)) * factor)


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
            columns, lon_column, what="longitude column", argument="lon_column"
        )
    else:
        lon_col = _find_column(columns, _LON_NAMES)
    if lat_column is not None:
        lat_col: str | None = _require_column(
            columns, lat_column, what="latitude column", argument="lat_column"
        )
    else:
        lat_col = _find_column(columns, _LAT_NAMES)
    if lon_col is None or lat_col is None:
        msg = (
            f"found no {'longitude' if lon_col is None else 'latitude'} column among "
            f"{', '.join(map(repr, columns))}; pass `lon_column=` and `lat_column=`, or read a "
            "table per district with read_population_table"
        )
        raise InputError(msg, path=path)
    first = int(table.attrs.get("first_row_number", 2))
    labels = np.array([f"row {first + i}" for i in range(len(table))], dtype=object)
    lon, bad_lon = _parse_coordinates(table[lon_col])
    lat, bad_lat = _parse_coordinates(table[lat_col])
    id_col = _find_column(columns, _POINT_ID_NAMES, skip=[pop_col, lon_col, lat_col])
    ids = _point_ids(table[id_col] if id_col else None, len(table), first)
    return _finish_points(
        path=path,
        labels=labels,
        ids=ids,
        raw_population=table[pop_col],
        pop_col=pop_col,
        lon=lon,
        lat=lat,
        bad_coord=bad_lon | bad_lat,
        coord_cols=(lon_col, lat_col),
        raw_lon=table[lon_col],
        raw_lat=table[lat_col],
        columns=columns,
        study_area=study_area,
        districts=districts,
        progress=progress,
        notes=[],
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
            "the layer is empty; expected points with a population attribute", path=path
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
        raise InputError("the layer holds lines; expected population points or polygons", path=path)
    polygons = np.isin(kinds, [3, 6])
    if polygons.any():
        notes.append(
            f"{int(polygons.sum())} polygon features were placed at a point inside each polygon"
        )
    usable_geom = ~missing & ~lines
    points = np.full(len(geoms), None, dtype=object)
    points[usable_geom] = shapely.point_on_surface(geoms[usable_geom])
    lon = shapely.get_x(points)
    lat = shapely.get_y(points)
    bad_coord = lines & ~missing
    labels = np.array([f"feature {i + 1}" for i in range(len(gdf))], dtype=object)
    id_col = _find_column(columns, _POINT_ID_NAMES, skip=[pop_col])
    ids = _point_ids(gdf[id_col] if id_col else None, len(gdf), 1)
    return _finish_points(
        path=path,
        labels=labels,
        ids=ids,
        raw_population=gdf[pop_col],
        pop_col=pop_col,
        lon=lon,
        lat=lat,
        bad_coord=bad_coord,
        coord_cols=None,
        raw_lon=None,
        raw_lat=None,
        columns=columns,
        study_area=study_area,
        districts=districts,
        progress=progress,
        notes=notes,
    )


def _population_column(columns: Sequence[str], given: str | None, *, path: Path) -> str:
    if given is not None:
        return _require_column(
            columns, given, what="population column", argument="population_column"
        )
    col = _find_column(
        columns, _POPULATION_NAMES, prefixes=_POPULATION_PREFIXES, exclude=_NOT_COUNTS
    )
    if col is None:
        msg = (
            f"found no population column among {', '.join(map(repr, columns))}; expected one named "
            "population, pop, poblacion, populacao, habitantes or total; pass `population_column=`"
        )
        raise InputError(msg, path=path)
    return col


def _point_ids(values: pd.Series | None, n: int, first: int) -> np.ndarray:
    if values is not None:
        text = _as_text(values)
        if (text != "").all() and text.is_unique:
            return text.to_numpy(dtype=object)
    return np.array([str(first + i) for i in range(n)], dtype=object)


def _finish_points(
    *,
    path: Path,
    labels: np.ndarray,
    ids: np.ndarray,
    raw_population: pd.Series,
    pop_col: str,
    lon: np.ndarray,
    lat: np.ndarray,
    bad_coord: np.ndarray,
    coord_cols: tuple[str, str] | None,
    raw_lon: pd.Series | None,
    raw_lat: pd.Series | None,
    columns: Sequence[str],
    study_area: BaseGeometry | None,
    districts: gpd.GeoDataFrame | None,
    progress: ProgressCallback | None,
    notes: list[str],
) -> Demand:
    """Validate parsed rows, report the bad ones, clip to the study area and build `Demand`."""
    warnings = list(notes)
    report_progress(progress, 0.3, "checking population and coordinates")
    population, pop_missing, pop_bad = _parse_numbers(raw_population)
    negative = np.isfinite(population) & (population < 0)
    raw_pop = raw_population.astype(object).to_numpy()

    def shown(i: int, raw: Any) -> str:
        return f"{labels[i]} ({_raw(raw)})"

    if pop_missing.any():
        items = [str(labels[i]) for i in np.flatnonzero(pop_missing)]
        warnings.append(_rows_warning(f"have no {pop_col!r}", items, "counted as 0"))
    if pop_bad.any():
        items = [shown(i, raw_pop[i]) for i in np.flatnonzero(pop_bad)]
        warnings.append(
            _rows_warning(f"have a {pop_col!r} that is not a number", items, "counted as 0")
        )
    if negative.any():
        items = [shown(i, raw_pop[i]) for i in np.flatnonzero(negative)]
        warnings.append(_rows_warning(f"have a negative {pop_col!r}", items, "counted as 0"))
    pop_ok = np.isfinite(population) & ~negative

    no_coord = ~np.isfinite(lon) | ~np.isfinite(lat)
    unparsed = bad_coord | no_coord
    out_of_range = ~unparsed & ((np.abs(lat) > 90) | (np.abs(lon) > 180))
    coord_ok = ~unparsed & ~out_of_range
    if coord_cols is not None and raw_lon is not None and raw_lat is not None:
        rl, rt = raw_lon.astype(object).to_numpy(), raw_lat.astype(object).to_numpy()
        coord_text = [
            f"{labels[i]} ({_raw(rl[i])}, {_raw(rt[i])})" for i in np.flatnonzero(unparsed)
        ]
        range_text = [
            f"{labels[i]} ({_raw(rl[i])}, {_raw(rt[i])})" for i in np.flatnonzero(out_of_range)
        ]
        what = f"{coord_cols[0]!r}/{coord_cols[1]!r}"
    else:
        coord_text = [str(labels[i]) for i in np.flatnonzero(unparsed)]
        range_text = [f"{labels[i]} ({lon[i]:g}, {lat[i]:g})" for i in np.flatnonzero(out_of_range)]
        what = "geometry"
    if unparsed.any():
        people = _fmt_people(float(population[unparsed & pop_ok].sum()))
        warnings.append(
            _rows_warning(
                f"have no usable coordinates in {what}", coord_text, f"left out ({people} people)"
            )
        )
    if out_of_range.any():
        swapped = out_of_range & (np.abs(lon) <= 90) & (np.abs(lat) <= 180)
        hint = "; are latitude and longitude swapped?" if swapped.any() else ""
        people = _fmt_people(float(population[out_of_range & pop_ok].sum()))
        warnings.append(
            _rows_warning(
                "have coordinates outside lon -180..180 / lat -90..90",
                range_text,
                f"left out ({people} people){hint}",
            )
        )
    usable = pop_ok & coord_ok
    if not usable.any():
        msg = (
            f"no row has both a population and coordinates; read population from {pop_col!r}"
            + (f" and coordinates from {coord_cols[0]!r}/{coord_cols[1]!r}" if coord_cols else "")
            + f"; the columns found are {', '.join(map(repr, columns))}; "
            "pass the right column names"
        )
        if warnings:
            msg += f" ({warnings[-1]})"
        raise InputError(msg, path=path)

    keep = usable & (population > 0)
    if not keep.any():
        raise InputError(f"no point has people (every usable {pop_col!r} is 0)", path=path)
    if study_area is not None:
        inside = np.zeros(len(lon), dtype=bool)
        shapely.prepare(study_area)
        inside[keep] = shapely.contains_xy(study_area, lon[keep], lat[keep])
        if not inside.any():
            bounds = (lon[keep].min(), lat[keep].min(), lon[keep].max(), lat[keep].max())
            msg = (
                f"the points cover {_extent_text(bounds)}; the study area is "
                f"{_extent_text(study_area.bounds)}: choose population points of this area"
            )
            raise InputError(msg, path=path)
        outside = keep & ~inside
        if outside.any():
            warnings.append(
                f"{int(outside.sum())} points with "
                f"{_fmt_people(float(population[outside].sum()))} people "
                "lie outside the study area and were left out"
            )
        keep &= inside
    zero = usable & (population == 0)
    if zero.any():
        warnings.append(f"{int(zero.sum())} points have 0 people and are not demand; left out")
    report_progress(progress, 0.6, f"{int(keep.sum())} points with people")
    gdf = gpd.GeoDataFrame(
        {
            "demand_id": ids[keep],
            "population": population[keep].astype(np.float64),
            "district_id": np.full(int(keep.sum()), "", dtype=object),
        },
        geometry=gpd.GeoSeries(shapely.points(lon[keep], lat[keep]), crs="EPSG:4326"),
        crs="EPSG:4326",
    )
    if districts is not None and not districts.empty:
        report_progress(progress, 0.8, "assigning points to districts")
        gdf["district_id"] = assign_districts(gdf, districts)
    report_progress(
        progress,
        1.0,
        f"{len(gdf)} points with {_fmt_people(float(gdf['population'].sum()))} people",
    )
    return Demand(gdf, source=str(path), kind="points", cell_size_m=None, warnings=tuple(warnings))


# ---------------------------------------------------------------------------------------------
# census table per district


def read_population_table(
    path: str | Path,
    districts: gpd.GeoDataFrame,
    *,
    district_column: str | None = None,
    population_column: str | None = None,
    sheet: str | int | None = None,
) -> Demand:
    """Join a census table of population per district to district polygons.

    Names are matched loosely (case, accents, spaces, hyphens and punctuation ignored), first
    against the districts' ``name``, then against their ``district_id``. A row that holds the
    total of the others (by its name, "Total", or because its population equals their sum) is
    left out with a warning. A name shared by several polygons has its people split among them
    by area.

    Parameters
    ----------
    path
        CSV, XLSX, ODS or JSON table with one row per district.
    districts
        District polygons from `read_districts` (EPSG:4326).
    district_column, population_column
        Column names, overriding the guess.
    sheet
        Sheet of a workbook.

    Returns
    -------
    Demand
        ``kind="district_table"``: one point per matched district, at a point inside its
        polygon, with ``demand_id`` and ``district_id`` equal to the district's id.

    Raises
    ------
    InputError
        When no name matches (the message lists names of both sides), or columns are missing.
    """
    path = _check_path(path, expected="a table of population per district")
    if districts is None or districts.empty:
        raise InputError(
            "no district polygons to join the table to; read the district boundaries first",
            path=path,
        )
    table = read_table(path, sheet=sheet)
    columns = [str(c) for c in table.columns]
    pop_col = _population_column(columns, population_column, path=path)
    if district_column is not None:
        name_col = _require_column(
            columns, district_column, what="district name column", argument="district_column"
        )
    else:
        found = _find_column(columns, _DISTRICT_NAME_NAMES, skip=[pop_col])
        name_col = found or _first_text_column(table, [c for c in columns if c != pop_col]) or ""
        if not name_col:
            msg = (
                f"found no column of district names among {', '.join(map(repr, columns))}; "
                "pass `district_column=`"
            )
            raise InputError(msg, path=path)
    first = int(table.attrs.get("first_row_number", 2))
    warnings: list[str] = []

    names = _as_text(table[name_col]).to_numpy(dtype=object)
    population, pop_missing, pop_bad = _parse_numbers(table[pop_col])
    negative = np.isfinite(population) & (population < 0)
    rows = np.arange(len(table)) + first
    for mask, what in (
        (pop_missing, f"have no {pop_col!r}"),
        (pop_bad, f"have a {pop_col!r} that is not a number"),
        (negative, f"have a negative {pop_col!r}"),
    ):
        if mask.any():
            items = [f"row {rows[i]} {names[i]!r}" for i in np.flatnonzero(mask)]
            warnings.append(_rows_warning(what, items, "counted as 0"))
    population = np.where(np.isfinite(population) & ~negative, population, 0.0)
    no_name = names == ""
    if no_name.any():
        items = [
            f"row {rows[i]} ({_fmt_people(population[i])} people)" for i in np.flatnonzero(no_name)
        ]
        warnings.append(_rows_warning(f"have no {name_col!r}", items, "left out"))

    keys = np.array([_name_key(n) for n in names], dtype=object)
    is_total = _total_rows(keys, population, ~no_name)
    for i in np.flatnonzero(is_total):
        warnings.append(
            f"row {rows[i]} {names[i]!r} ({_fmt_people(population[i])} people) "
            "is the total of the other rows; "
            "left out so that nobody is counted twice"
        )
    use = ~no_name & ~is_total

    d_names = districts["name"].to_numpy(dtype=object)
    d_ids = districts["district_id"].to_numpy(dtype=object)
    by_name: dict[str, list[int]] = {}
    for j, n in enumerate(d_names):
        by_name.setdefault(_name_key(n), []).append(j)
    by_id: dict[str, list[int]] = {}
    for j, n in enumerate(d_ids):
        by_id.setdefault(_name_key(n), []).append(j)

    people_per_district = np.zeros(len(districts), dtype=np.float64)
    matched_district = np.zeros(len(districts), dtype=bool)
    unmatched_rows: list[int] = []
    seen_keys: dict[str, int] = {}
    shared: list[str] = []
    areas = _areas_m2(districts)
    for i in np.flatnonzero(use):
        key = keys[i]
        targets = by_name.get(key) or by_id.get(key)
        if not targets:
            unmatched_rows.append(int(i))
            continue
        if key in seen_keys:
            warnings.append(
                f"rows {rows[seen_keys[key]]} and {rows[i]} both name {names[i]!r}; "
                "their populations were added"
            )
        seen_keys[key] = int(i)
        idx = np.asarray(targets)
        if len(idx) > 1:
            shared.append(f"{names[i]!r} ({len(idx)} polygons)")
        share = (
            areas[idx] / areas[idx].sum()
            if areas[idx].sum() > 0
            else np.full(len(idx), 1 / len(idx))
        )
        people_per_district[idx] += population[i] * share
        matched_district[idx] = True
    if shared:
        warnings.append(
            f"names shared by several polygons, people split among them by area: {_listing(shared)}"
        )

    unmatched_d = np.flatnonzero(~matched_district)
    if not matched_district.any():
        table_names = [str(names[i]) for i in np.flatnonzero(use)]
        msg = (
            f"no name in {name_col!r} matches a district: "
            f"the table has {_listing(table_names, limit=5)}; "
            f"the districts are named {_listing([str(n) for n in d_names], limit=5)}; "
            "choose the district column that holds the same names, "
            "or boundaries of the same districts"
        )
        raise InputError(msg, path=path)
    if unmatched_rows:
        items = []
        for i in unmatched_rows:
            hint = _similar_districts(keys[i], d_names)
            items.append(f"{names[i]} ({_fmt_people(population[i])} people{hint})")
        people = _fmt_people(float(population[unmatched_rows].sum()))
        warnings.append(
            f"{len(unmatched_rows)} table rows match no district polygon and were left out "
            f"({people} people): {_listing(items)}"
        )
    if len(unmatched_d):
        items = [str(d_names[j]) for j in unmatched_d]
        warnings.append(
            f"{len(unmatched_d)} districts have no row in the table and get no population: "
            f"{_listing(items)}"
        )

    keep = matched_district & (people_per_district > 0)
    points = districts.geometry.to_numpy()[keep]
    gdf = gpd.GeoDataFrame(
        {
            "demand_id": d_ids[keep],
            "population": people_per_district[keep],
            "district_id": d_ids[keep],
        },
        geometry=gpd.GeoSeries(shapely.point_on_surface(points), crs="EPSG:4326"),
        crs="EPSG:4326",
    )
    if gdf.empty:
        raise InputError(f"the matched districts have no people in {pop_col!r}", path=path)
    source = f"{path} + {districts.attrs.get('source', 'districts')}"
    return Demand(
        gdf, source=source, kind="district_table", cell_size_m=None, warnings=tuple(warnings)
    )


def _total_rows(keys: np.ndarray, population: np.ndarray, named: np.ndarray) -> np.ndarray:
    """Rows that hold a total: named so, or whose population equals the sum of the others."""
    total = np.array(
        [k in {_name_key(w) for w in _TOTAL_WORDS} or k.startswith("total") for k in keys]
    )
    total &= named
    rest = named & ~total
    if rest.sum() >= 3:
        # a sub-total would equal the sum of its parts only by chance; 0.5 % allows rounding
        others = population[rest].sum() - population[rest]
        equal = np.isclose(population[rest], others, rtol=0.005) & (population[rest] > 0)
        if equal.sum() == 1:
            total[np.flatnonzero(rest)[equal]] = True
    return total


def _similar_districts(key: str, d_names: np.ndarray) -> str:
    """A hint naming the polygons whose names start with this name (``DAGORETTI NORTH``, ...)."""
    if len(key) < 3:
        return ""
    similar = [
        str(n)
        for n in d_names
        if _name_key(n).startswith(key) or key.startswith(_name_key(n) or "\0")
    ]
    if not similar:
        return ""
    return f"; maybe {' + '.join(similar[:4])}: merge those polygons into one district to match"


def _areas_m2(districts: gpd.GeoDataFrame) -> np.ndarray:
    bounds = districts.total_bounds
    utm = local_utm_crs((bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2)
    return districts.geometry.to_crs(utm).area.to_numpy()
