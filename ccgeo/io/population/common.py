"""What the population readers share: suffixes, column-name vocabularies, numbers, messages.

Also the opening of vector layers (district polygons and population points alike).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio

from ccgeo.errors import InputError
from ccgeo.i18n import _, ngettext
from ccgeo.io.kinds import kind_of, suffixes
from ccgeo.io.tables import LAT_COLUMN_NAMES, LON_COLUMN_NAMES
from ccgeo.labels import format_number
from ccgeo.model.demand import OVERLAP_RULE

#: Kinds of file (`ccgeo.io.kinds`) read as population: a raster (people per cell), a table or
#: workbook of points with coordinates, a GIS layer of points.
POPULATION_KINDS: tuple[str, ...] = ("raster", "table", "workbook", "vector")
#: Files read as a population raster (people per cell).
RASTER_SUFFIXES: tuple[str, ...] = suffixes("raster")
#: Files read as vector layers (district polygons or population points). A ``.json`` is a table
#: first in `ccgeo.io.kinds`, so it stays out: read_population tries layers before tables.
LAYER_SUFFIXES: tuple[str, ...] = tuple(
    s for s in suffixes("vector") if kind_of(s, among=POPULATION_KINDS) == "vector"
)


#: How many examples a warning or error lists before saying "and N more".
_MAX_LISTED = 8
#: More people than this in one row or cell is a typo (the largest cities hold about 40
#: million): the count is left out, counted as 0, and the row named.
MAX_PEOPLE = 50_000_000.0


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
    "display_name",
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


# ---------------------------------------------------------------------------------------------
# names and columns


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
    """The column ``name`` of the file (compared loosely), else an error naming the columns;
    ``what`` says what it should hold, in the current language (``"population column"``)."""
    if name in columns:
        return name
    by_key = {_column_key(c): c for c in columns}
    if _column_key(name) in by_key:
        return by_key[_column_key(name)]
    msg = _(
        "`{argument}` is {name!r} but the file has no such column; "
        "the columns are {columns}; pass one of them as the {what}"
    ).format(argument=argument, name=name, columns=", ".join(map(repr, columns)), what=what)
    raise InputError(msg)


#: Columns of OSM and GIS exports that hold text but never a place's name.
_NOT_NAME_COLUMNS = frozenset(
    {
        "osm_type",
        "type",
        "class",
        "category",
        "boundary",
        "licence",
        "license",
        "source",
        "attribution",
        "admin_level",
        "place_rank",
        "importance",
        "geometry",
        "wkt",
    }
)


def _first_text_column(df: pd.DataFrame, columns: Sequence[str]) -> str | None:
    """The column most likely to hold names: mostly non-numeric text (not a code or a count),
    not a known technical column (``osm_type``, ``licence``, ...), and of the text columns the
    one with the most different values (``relation`` on every row names nothing)."""
    best, best_distinct = None, 0
    for col in columns:
        if str(col).strip().lower() in _NOT_NAME_COLUMNS:
            continue
        values = df[col].dropna()
        if values.empty or pd.api.types.is_numeric_dtype(values.dtype):
            continue
        text = values.astype(str).str.strip()
        numeric = pd.to_numeric(text.str.replace(",", ".", regex=False), errors="coerce").notna()
        if (~numeric).mean() < 0.8:
            continue
        distinct = text.nunique()
        if distinct > best_distinct:
            best, best_distinct = col, distinct
    return best


def _population_column(columns: Sequence[str], given: str | None, *, path: Path) -> str:
    if given is not None:
        return _require_column(
            columns, given, what=_("population column"), argument="population_column"
        )
    col = _find_column(
        columns, _POPULATION_NAMES, prefixes=_POPULATION_PREFIXES, exclude=_NOT_COUNTS
    )
    if col is None:
        msg = _(
            "found no population column among {columns}; expected one named population, pop, "
            "poblacion, populacao, habitantes or total; pass `population_column=`"
        ).format(columns=", ".join(map(repr, columns)))
        raise InputError(msg, path=path)
    return col


# ---------------------------------------------------------------------------------------------
# numbers and text


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


# ---------------------------------------------------------------------------------------------
# messages


def _fmt_people(value: float) -> str:
    """People as a whole number with the separators of the current language."""
    return format_number(value) if math.isfinite(value) else f"{value:,.0f}"


def _listing(items: Sequence[str], *, limit: int = _MAX_LISTED) -> str:
    shown = ", ".join(items[:limit])
    if len(items) > limit:
        shown += _(" and {count} more").format(count=len(items) - limit)
    return shown


def _rows_warning(template: str, labels: Sequence[str], **values: object) -> str:
    """``template`` (a message of `ngettext` for ``len(labels)`` rows) with ``{count}`` the
    number of rows, ``{items}`` the rows listed and ``values``: ``"3 rows have no 'pop',
    counted as 0: row 4, row 7, row 9"``."""
    return template.format(count=len(labels), items=_listing(labels), **values)


def row_label(row: int) -> str:
    """``"row 14"``: a row of a table as a spreadsheet numbers it, in messages."""
    return _("row {row}").format(row=row)


def feature_label(number: int) -> str:
    """``"feature 3"``: a feature of a GIS layer (1-based), in messages."""
    return _("feature {n}").format(n=number)


def count_warning(problem: str, labels: Sequence[str], column: str, *, features: bool) -> str:
    """The warning about rows (``features``: features of a layer) whose count in ``column`` is
    not usable and counted as 0. ``problem``: ``"missing"``, ``"not_a_number"``, ``"negative"``
    or ``"too_many"`` (more than `MAX_PEOPLE`)."""
    n = len(labels)
    if problem == "missing":
        template = (
            ngettext(
                "{count} feature has no {column!r}, counted as 0: {items}",
                "{count} features have no {column!r}, counted as 0: {items}",
                n,
            )
            if features
            else ngettext(
                "{count} row has no {column!r}, counted as 0: {items}",
                "{count} rows have no {column!r}, counted as 0: {items}",
                n,
            )
        )
    elif problem == "not_a_number":
        template = (
            ngettext(
                "{count} feature has a {column!r} that is not a number, counted as 0: {items}",
                "{count} features have a {column!r} that is not a number, counted as 0: {items}",
                n,
            )
            if features
            else ngettext(
                "{count} row has a {column!r} that is not a number, counted as 0: {items}",
                "{count} rows have a {column!r} that is not a number, counted as 0: {items}",
                n,
            )
        )
    elif problem == "negative":
        template = (
            ngettext(
                "{count} feature has a negative {column!r}, counted as 0: {items}",
                "{count} features have a negative {column!r}, counted as 0: {items}",
                n,
            )
            if features
            else ngettext(
                "{count} row has a negative {column!r}, counted as 0: {items}",
                "{count} rows have a negative {column!r}, counted as 0: {items}",
                n,
            )
        )
    else:
        template = _too_many_template(n, features=features)
    return _rows_warning(template, labels, column=column, max=format_number(MAX_PEOPLE))


def _too_many_template(n: int, *, features: bool) -> str:
    if features:
        return ngettext(
            "{count} feature has more than {max} people in {column!r}, more than any city "
            "holds (a typo?), counted as 0; correct the cell: {items}",
            "{count} features have more than {max} people in {column!r}, more than any city "
            "holds (a typo?), counted as 0; correct the cell: {items}",
            n,
        )
    return ngettext(
        "{count} row has more than {max} people in {column!r}, more than any city holds "
        "(a typo?), counted as 0; correct the cell: {items}",
        "{count} rows have more than {max} people in {column!r}, more than any city holds "
        "(a typo?), counted as 0; correct the cell: {items}",
        n,
    )


def overlap_warning(in_overlap: np.ndarray, population: np.ndarray, *, unit: str) -> list[str]:
    """The note about the people inside several districts (none when there are none).

    ``in_overlap`` and ``population`` are per demand point; ``unit`` says what they are:
    ``"cells"`` of a raster, ``"rows"`` of a table or ``"features"`` of a layer.
    """
    if not in_overlap.any():
        return []
    n = int(in_overlap.sum())
    people = _fmt_people(float(np.asarray(population, dtype=np.float64)[in_overlap].sum()))
    if unit == "cells":
        template = ngettext(
            "{n} cells with {people} people lie inside several overlapping districts; {rule}, "
            "so that nobody is counted twice or left out",
            "{n} cells with {people} people lie inside several overlapping districts; {rule}, "
            "so that nobody is counted twice or left out",
            n,
        )
    elif unit == "features":
        template = ngettext(
            "{n} features with people with {people} people lie inside several overlapping "
            "districts; {rule}, so that nobody is counted twice or left out",
            "{n} features with people with {people} people lie inside several overlapping "
            "districts; {rule}, so that nobody is counted twice or left out",
            n,
        )
    else:
        template = ngettext(
            "{n} rows with people with {people} people lie inside several overlapping "
            "districts; {rule}, so that nobody is counted twice or left out",
            "{n} rows with people with {people} people lie inside several overlapping "
            "districts; {rule}, so that nobody is counted twice or left out",
            n,
        )
    return [template.format(n=n, people=people, rule=_(OVERLAP_RULE))]


def _extent_text(bounds: Sequence[float]) -> str:
    minx, miny, maxx, maxy = bounds
    return f"lon {minx:.1f}..{maxx:.1f}, lat {miny:.1f}..{maxy:.1f}"


def _check_path(path: str | Path, *, expected: str) -> Path:
    """``path``, when it exists and is a file; ``expected`` says what it should be, in the
    current language."""
    path = Path(path)
    if not path.exists():
        msg = _("file not found; expected {expected}; check the path").format(expected=expected)
        raise InputError(msg, path=path)
    if path.is_dir() and path.suffix.lower() != ".gdb":
        raise InputError(_("is a folder; expected {expected}").format(expected=expected), path=path)
    return path


# ---------------------------------------------------------------------------------------------
# vector layers


def _open_layer(path: Path, *, layer: str | int | None, want: str, prefer: str) -> gpd.GeoDataFrame:
    """Read one vector layer with pyogrio; choose it when the file holds several. ``want`` is
    what the layer should hold, in English marked with `ccgeo.i18n.N_` (``"district
    polygons"``): a layer of polygons is looked for when it names polygons."""
    shown = _(want)
    try:
        layers = pyogrio.list_layers(path)
    except (pyogrio.errors.DataSourceError, OSError) as exc:
        msg = _(
            "cannot be read as a vector layer ({exc}); expected GeoJSON, GeoPackage or Shapefile"
        ).format(exc=exc)
        raise InputError(msg, path=path) from exc
    names = [str(n) for n in layers[:, 0]] if len(layers) else []
    if not names:
        raise InputError(_("holds no layer; expected {want}").format(want=shown), path=path)
    if layer is None:
        if len(names) == 1:
            layer = names[0]
        elif prefer in names:
            layer = prefer
        else:
            kind = "Polygon" if "polygon" in want else "Point"
            fitting = [str(n) for n, g in layers if g and kind.lower() in str(g).lower()]
            if len(fitting) != 1:
                msg = _(
                    "holds several layers ({layers}); pass `layer=` with the one holding {want}"
                ).format(layers=", ".join(names), want=shown)
                raise InputError(msg, path=path)
            layer = fitting[0]
    elif isinstance(layer, str) and layer not in names:
        msg = _("has no layer {layer!r}; its layers are {layers}").format(
            layer=layer, layers=", ".join(names)
        )
        raise InputError(msg, path=path)
    try:
        gdf = pyogrio.read_dataframe(path, layer=layer)
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError, OSError) as exc:
        msg = _("cannot read layer {layer!r} ({exc})").format(layer=layer, exc=exc)
        raise InputError(msg, path=path) from exc
    if not isinstance(gdf, gpd.GeoDataFrame):
        msg = _("layer {layer!r} has no geometry; expected {want}").format(layer=layer, want=shown)
        raise InputError(msg, path=path)
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
                _(
                    "the layer has no coordinate reference system; its numbers look like "
                    "lon/lat degrees, read as EPSG:4326"
                )
            )
            return gdf.set_crs("EPSG:4326")
        msg = _(
            "has no coordinate reference system (missing .prj?) and its coordinates "
            "({minx:.0f}..{maxx:.0f}, {miny:.0f}..{maxy:.0f}) are not degrees; "
            "save it again with its CRS"
        ).format(minx=bounds[0], maxx=bounds[2], miny=bounds[1], maxy=bounds[3])
        raise InputError(msg, path=path)
    if gdf.crs.to_epsg() != 4326:
        return gdf.to_crs("EPSG:4326")
    return gdf
