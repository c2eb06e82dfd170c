"""Which system wrote a facility file: DHIS2, ODK Central, KoboToolbox, Healthsites.io, HXL.

`recognise` looks at a table as `ccgeo.io.facilities.read_raw` read it and returns what it
found as a `SourceFormat`: the columns that hold the location and the id (hints that win over
the guess from column names, not over a mapping the user gave), and sentences for the import
wizard. It also reads what those systems write in their own way: the HXL hashtag row (dropped,
its tags used), DHIS2 geometry (GeoJSON text, or ``[lon,lat]``) and DHIS2's API JSON of
organisation units (`read_dhis2_json`). The reading itself stays in `ccgeo.io.facilities`.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import shapely

from ccgeo.errors import InputError
from ccgeo.i18n import N_, _, ngettext
from ccgeo.io.tables import decode_text, normalise_name, read_bytes

#: A DHIS2 uid: 11 letters and digits, the first a letter.
_DHIS2_UID = re.compile(r"^[A-Za-z][A-Za-z0-9]{10}$")
#: An ODK geopoint written in one cell: "lat lon altitude accuracy" (altitude and accuracy
#: may be missing; ODK writes them whenever the device gave them).
GEOPOINT = re.compile(
    r"^\s*[+-]?\d+(?:\.\d+)?\s+[+-]?\d+(?:\.\d+)?(?:\s+[+-]?\d+(?:\.\d+)?){1,2}\s*$"
)
#: One HXL hashtag with its attributes: ``#geo+lat``, ``#loc +name +fr``.
_HXL_TAG = re.compile(r"^#[a-z][a-z0-9_]*(?:\s*\+\s*[a-z][a-z0-9_]*)*$", re.IGNORECASE)
#: A share of filled cells at least this large makes a column (or a row) what it looks like.
_MOST = 0.8
#: How many bytes of a JSON file are looked at to tell what it is.
_JSON_HEAD = 65_536

#: Columns KML readers add to every placemark for its styling and time span: not facility data.
KML_HOUSEKEEPING = (
    "timestamp",
    "begin",
    "end",
    "altitudeMode",
    "tessellate",
    "extrude",
    "visibility",
    "drawOrder",
    "icon",
    "snippet",
)


@dataclass(frozen=True)
class SourceFormat:
    """What `recognise` found out about a facility file.

    Attributes
    ----------
    systems
        What wrote the file, marked for translation (``N_("ODK Central export")``).
    hints
        Schema field → column for the fields the format itself says (the id column, the
        split geopoint); they win over the guess from column names, not over a given mapping.
    notes
        What was done, as (message marked for translation, its values), written in the current
        language by `describe`.
    """

    systems: tuple[str, ...] = ()
    hints: Mapping[str, str] = field(default_factory=dict)
    notes: tuple[tuple[str, Mapping[str, Any]], ...] = ()

    def describe(self) -> str:
        """One line for people, in the current language: ``"Recognised: ODK Central export —
        geopoint 'location' split into latitude/longitude; ids from KEY"``; ``""`` when
        nothing was recognised."""
        if not self.systems and not self.notes:
            return ""
        what = ", ".join(_(s) for s in self.systems) or _("the file")
        said = "; ".join(_(text).format(**values) for text, values in self.notes)
        if not said:
            return _("Recognised: {what}").format(what=what)
        return _("Recognised: {what} — {notes}").format(what=what, notes=said)

    def merged(self, other: SourceFormat) -> SourceFormat:
        """This format and ``other`` together (hints of this one first)."""
        return SourceFormat(
            systems=(*self.systems, *(s for s in other.systems if s not in self.systems)),
            hints={**other.hints, **self.hints},
            notes=(*self.notes, *other.notes),
        )


def source_format(df: pd.DataFrame) -> SourceFormat:
    """The `SourceFormat` `recognise` left on a frame read by ``read_raw`` (empty if none)."""
    found = df.attrs.get("source_format")
    return found if isinstance(found, SourceFormat) else SourceFormat()


def add_note(df: pd.DataFrame, system: str | None, text: str, **values: Any) -> None:
    """Record on ``df`` something a reader found (``system`` and ``text`` marked with `N_`)."""
    note = SourceFormat(systems=(system,) if system else (), notes=((text, values),))
    df.attrs["source_format"] = source_format(df).merged(note)


def recognise(df: pd.DataFrame) -> pd.DataFrame:
    """Find which system wrote a raw facility table and read what it writes its own way.

    Parameters
    ----------
    df
        A table from ``read_raw`` (every cell text or None).

    Returns
    -------
    DataFrame
        The same rows, less an HXL hashtag row; DHIS2 geometry read into ``__lon``/``__lat``
        (degrees); ``attrs["source_format"]`` the `SourceFormat` (with what a reader noted
        before, such as the folders of a KML file).
    """
    df, found = _hxl(df)
    columns = [str(c) for c in df.columns]
    for sniff in (_dhis2_table, _odk, _kobo, _healthsites):
        df, more = sniff(df, columns)
        found = found.merged(more)
    found = found.merged(_geopoint(df, columns, taken=set(found.hints.values())))
    df.attrs["source_format"] = source_format(df).merged(found)
    return df


# ---------------------------------------------------------------------------------------------
# HXL


def _hxl_fields(tags: Sequence[str], columns: Sequence[str]) -> dict[str, str]:
    """Schema field → column from the HXL tags of the columns (``#geo+lat`` → lat)."""
    out: dict[str, str] = {}
    for tag, column in zip(tags, columns, strict=True):
        parts = re.sub(r"\s+", "", str(tag or "")).lower().lstrip("#").split("+")
        hashtag, attributes = parts[0], set(parts[1:])
        wanted: str | None = None
        if hashtag == "geo":
            wanted = next(
                (
                    f
                    for f, words in (
                        ("lat", {"lat"}),
                        ("lon", {"lon", "long", "lng"}),
                        ("coordinates", {"coord"}),
                    )
                    if words & attributes
                ),
                None,
            )
        elif hashtag in ("loc", "org", "meta") and attributes & {"code", "id"}:
            wanted = "facility_id"
        elif hashtag in ("loc", "org") and "name" in attributes:
            wanted = "name"
        # the first tag of a kind wins; #loc+name before #org+name when both are there
        if wanted and (wanted not in out or (wanted == "name" and hashtag == "loc")):
            out[wanted] = column
    return out


def _is_hxl_row(cells: Sequence[Any]) -> bool:
    filled = [str(c).strip() for c in cells if c is not None and str(c).strip()]
    tags = [c for c in filled if _HXL_TAG.match(c)]
    return len(tags) >= 2 and len(tags) >= _MOST * len(filled)


def _hxl(df: pd.DataFrame) -> tuple[pd.DataFrame, SourceFormat]:
    """The HXL hashtag row: the header itself, or the first data row (then dropped)."""
    columns = [str(c) for c in df.columns]
    if _is_hxl_row(columns):
        hints = _hxl_fields(columns, columns)
        note = (N_("HXL tags as the header (used to map columns)"), {})
        return df, SourceFormat(("HXL",), hints, (note,))
    if not len(df) or not _is_hxl_row(df.iloc[0].tolist()):
        return df, SourceFormat()
    tags = [str(t) if t is not None else "" for t in df.iloc[0].tolist()]
    first = int(df.attrs.get("first_row_number", 1))
    attrs = dict(df.attrs)
    body = df.iloc[1:].reset_index(drop=True)
    body.attrs = attrs
    body.attrs["first_row_number"] = first + 1
    notes = attrs.get("row_notes") or {}
    body.attrs["row_notes"] = {pos - 1: n for pos, n in notes.items() if pos >= 1}
    note = (N_("HXL tags in row {row} (used to map columns)"), {"row": first})
    return body, SourceFormat(("HXL",), _hxl_fields(tags, columns), (note,))


# ---------------------------------------------------------------------------------------------
# DHIS2


def _filled(values: pd.Series) -> pd.Series:
    return values.dropna().astype(str).str.strip().loc[lambda s: s != ""]


def _column(columns: Sequence[str], *names: str) -> str | None:
    """The first column whose normalised name is one of ``names`` (in the order of names)."""
    by_name = {normalise_name(c): c for c in reversed(columns)}
    return next((by_name[n] for n in names if n in by_name), None)


def _dhis2_table(df: pd.DataFrame, columns: list[str]) -> tuple[pd.DataFrame, SourceFormat]:
    """A DHIS2 export of organisation units: uid, name, and a point in ``geometry`` (GeoJSON
    text), ``coordinates`` (``[lon,lat]``) or latitude/longitude columns."""
    uid = _column(
        columns, "uid", "id", "orgunit id", "orgunit uid", "org unit id", "org unit uid",
        "organisation unit id", "organisationunit id", "organisation unit uid", "ou uid",
        "orgunit",
    )  # fmt: skip
    name = _column(columns, "name", "orgunit name", "org unit name", "organisation unit name")
    if uid is None or name is None or "__lon" in columns:
        return df, SourceFormat()
    ids = _filled(df[uid])
    # DHIS2 draws uids at random from 62 letters and digits: nearly all have both cases, which
    # a registry's codes (KEN12345678) do not
    mixed = (
        ids.str.fullmatch(_DHIS2_UID.pattern)
        & ids.str.contains("[a-z]")
        & ids.str.contains("[A-Z]")
    )
    if not len(ids) or mixed.mean() < _MOST:
        return df, SourceFormat()
    hints = {"facility_id": uid, "name": name}
    notes: list[tuple[str, Mapping[str, Any]]] = [(N_("ids from {column}"), {"column": uid})]
    geometry = _column(columns, "geometry", "coordinates")
    if geometry is not None:
        lonlat = [_dhis2_point(v) for v in df[geometry].tolist()]
        df = df.copy()
        df["__lon"] = [None if p is None else repr(p[0]) for p in lonlat]
        df["__lat"] = [None if p is None else repr(p[1]) for p in lonlat]
        n_points = sum(p is not None for p in lonlat)
        notes.append(
            (
                N_("{points} with a point in {column}, {missing} without geometry"),
                {"points": n_points, "column": geometry, "missing": len(lonlat) - n_points},
            )
        )
    return df, SourceFormat((N_("DHIS2 organisation units (CSV)"),), hints, tuple(notes))


def _dhis2_point(value: Any) -> tuple[float, float] | None:
    """(lon, lat) of a DHIS2 geometry cell: GeoJSON text, or ``[lon,lat]`` of DHIS2 before
    2.32; a point inside a polygon; None when blank or not a geometry."""
    text = str(value or "").strip()
    if not text:
        return None
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return None
    if isinstance(data, list) and len(data) == 2:
        data = {"type": "Point", "coordinates": data}
    return _geojson_point(data)


def _geojson_point(geometry: Any) -> tuple[float, float] | None:
    """(lon, lat) of a GeoJSON geometry (a point inside an area), or None."""
    if not isinstance(geometry, dict):
        return None
    try:
        shape = shapely.geometry.shape(geometry)
    except (ValueError, TypeError, KeyError, AttributeError, shapely.errors.GEOSException):
        return None
    if shape.is_empty:
        return None
    point = shape if shape.geom_type == "Point" else shape.point_on_surface()
    if not (math.isfinite(point.x) and math.isfinite(point.y)):
        return None
    return float(point.x), float(point.y)


def json_kind(path: str | Path) -> str | None:
    """What a ``.json`` file holds, from its first bytes: ``"dhis2"`` (a DHIS2 API answer of
    organisation units), ``"geojson"`` (a FeatureCollection: read as a GIS layer) or None."""
    try:
        with Path(path).open("rb") as fh:
            head = fh.read(_JSON_HEAD)
    except OSError:
        return None
    try:
        text, _encoding = decode_text(head, path=path)
    except (InputError, UnicodeDecodeError):
        return None
    if re.search(r'"organisationUnits"\s*:\s*\[', text):
        return "dhis2"
    if re.search(r'"type"\s*:\s*"FeatureCollection"', text):
        return "geojson"
    return None


def read_dhis2_json(path: str | Path) -> pd.DataFrame:
    """A DHIS2 Web API answer of organisation units (``/api/organisationUnits.json?fields=id,
    name,code,level,geometry,parent``) as a raw facility table.

    Returns
    -------
    DataFrame
        One row per organisation unit, cells as text: its fields (``parent`` as the parent's
        uid), ``__lon``/``__lat`` (degrees) from a point, a point inside an area, or the
        ``coordinates`` of DHIS2 before 2.32; ``attrs["source_format"]`` says what was found.
    """
    path = Path(path)
    raw = read_bytes(path, expected=_("a DHIS2 answer of organisation units (JSON)"))
    text, encoding = decode_text(raw, path=path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        msg = _("is not valid JSON (line {line}, column {column}: {error})").format(
            line=exc.lineno, column=exc.colno, error=exc.msg
        )
        raise InputError(msg, path=path) from exc
    units = data.get("organisationUnits") if isinstance(data, dict) else None
    if not isinstance(units, list) or not units:
        raise InputError(_("the DHIS2 answer holds no organisation units"), path=path)
    records = [_dhis2_record(u) for u in units if isinstance(u, dict)]
    frame = pd.DataFrame.from_records(records).astype(object)
    frame = frame.map(_cell).astype(object)
    frame = frame.where(frame.notna(), None)
    frame.attrs.update(first_row_number=1, sheet=None, layer=None, encoding=encoding)
    frame.attrs["row_notes"] = {}
    n_points = int(frame["__lon"].notna().sum()) if "__lon" in frame else 0
    n_areas = sum(1 for r in records if r.get("__area"))
    frame = frame.drop(columns=["__area"], errors="ignore")
    notes: list[tuple[str, Mapping[str, Any]]] = [
        (
            N_("{points} with a point, {missing} without geometry"),
            {"points": n_points - n_areas, "missing": len(frame) - n_points},
        ),
        (N_("ids from {column}"), {"column": "id"}),
    ]
    if n_areas:
        notes.insert(1, (N_("{areas} areas: a point inside each used"), {"areas": n_areas}))
        frame.attrs["geometry_note"] = ngettext(
            "{n} features are not points ({kinds}); a point inside each was used as its location",
            "{n} features are not points ({kinds}); a point inside each was used as its location",
            n_areas,
        ).format(
            n=n_areas, kinds=", ".join(sorted({r["__area"] for r in records if r.get("__area")}))
        )
    notes.extend(_pager_note(data.get("pager")))
    hints = {"facility_id": "id"} if "id" in frame.columns else {}
    frame.attrs["source_format"] = SourceFormat(
        (N_("DHIS2 organisation units (API JSON)"),), hints, tuple(notes)
    )
    return frame


def _dhis2_record(unit: Mapping[str, Any]) -> dict[str, Any]:
    rec = {k: v for k, v in unit.items() if k not in ("geometry", "coordinates", "parent")}
    parent = unit.get("parent")
    if isinstance(parent, dict):
        rec["parent"] = parent.get("id")
    geometry = unit.get("geometry")
    if geometry is None and isinstance(unit.get("coordinates"), str):
        # DHIS2 before 2.32: "coordinates": "[lon,lat]" with "featureType": "POINT"
        old = _dhis2_point(unit["coordinates"])
        geometry = None if old is None else {"type": "Point", "coordinates": list(old)}
    point = _geojson_point(geometry)
    if point is not None:
        rec["__lon"], rec["__lat"] = point
        kind = geometry.get("type") if isinstance(geometry, dict) else "Point"
        rec["__area"] = kind if kind != "Point" else None
    return rec


def _pager_note(pager: Any) -> list[tuple[str, Mapping[str, Any]]]:
    if not isinstance(pager, dict):
        return []
    page, count = pager.get("page"), pager.get("pageCount")
    if not isinstance(page, int) or not isinstance(count, int) or count <= 1:
        return []
    return [
        (
            N_(
                "page {page} of {pages} only ({total} units in all): ask the API with "
                "paging=false for all of them"
            ),
            {"page": page, "pages": count, "total": pager.get("total", "?")},
        )
    ]


def _cell(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False) if value else None
    text = str(value).strip()
    return text or None


# ---------------------------------------------------------------------------------------------
# ODK, KoboToolbox


def _split_geopoint(columns: Sequence[str], pattern: str) -> tuple[str, str, str] | None:
    """(geopoint name, latitude column, longitude column) of the first geopoint written split
    into columns by ``pattern`` (with the groups ``name`` and ``part``)."""
    found: dict[str, dict[str, str]] = {}
    for column in columns:
        m = re.fullmatch(pattern, column, flags=re.IGNORECASE)
        if m:
            found.setdefault(m.group("name"), {})[m.group("part").lower()] = column
    for name, parts in found.items():
        if "latitude" in parts and "longitude" in parts:
            return name, parts["latitude"], parts["longitude"]
    return None


def _survey(
    df: pd.DataFrame,
    columns: list[str],
    *,
    system: str,
    pattern: str,
    markers: tuple[str, ...],
    ids: tuple[str, ...],
) -> tuple[pd.DataFrame, SourceFormat]:
    """A survey export (ODK, Kobo): its split geopoint and its submission id column; two of
    the columns the system always writes (``markers``) tell it."""
    if sum(m in columns for m in markers) < 2:
        return df, SourceFormat()
    hints: dict[str, str] = {}
    notes: list[tuple[str, Mapping[str, Any]]] = []
    split = _split_geopoint(columns, pattern)
    if split is not None:
        name, lat, lon = split
        hints.update(lat=lat, lon=lon)
        notes.append(
            (N_("geopoint {name!r} split into latitude/longitude"), {"name": name.strip("_-/")})
        )
    id_column = next((c for c in ids if c in columns and len(_filled(df[c]))), None)
    if id_column is not None:
        hints["facility_id"] = id_column
        notes.append((N_("ids from {column}"), {"column": id_column}))
    return df, SourceFormat((system,), hints, tuple(notes))


def _odk(df: pd.DataFrame, columns: list[str]) -> tuple[pd.DataFrame, SourceFormat]:
    """ODK Central (and Briefcase) CSV: ``group-location-Latitude``, ``meta-instanceID``,
    ``KEY``."""
    return _survey(
        df,
        columns,
        system=N_("ODK Central export"),
        pattern=r"(?P<name>.+)-(?P<part>Latitude|Longitude)",
        markers=("KEY", "meta-instanceID", "SubmissionDate", "instanceID"),
        ids=("KEY", "meta-instanceID", "instanceID"),
    )


def _kobo(df: pd.DataFrame, columns: list[str]) -> tuple[pd.DataFrame, SourceFormat]:
    """KoboToolbox CSV/XLS: ``_location_latitude``, ``_uuid``, ``_id``, ``_submission_time``."""
    return _survey(
        df,
        columns,
        system=N_("KoboToolbox export"),
        pattern=r"_(?P<name>.+)_(?P<part>latitude|longitude)",
        markers=("_uuid", "_submission_time", "_id", "_index", "_validation_status"),
        ids=("_uuid", "_id", "meta/instanceID"),
    )


def _geopoint(df: pd.DataFrame, columns: list[str], *, taken: set[str]) -> SourceFormat:
    """A column of geopoints written in one cell ("lat lon alt accuracy"), read as the
    coordinates (the lat/lon columns, when there are any, come first)."""
    for column in columns:
        if column in taken or column.startswith("__"):
            continue
        values = _filled(df[column])
        # three or four numbers in a cell are a geopoint; half such cells make the column one
        if len(values) and values.str.fullmatch(GEOPOINT.pattern).mean() >= 0.5:
            note = (N_("geopoint {name!r} (lat lon altitude accuracy) read"), {"name": column})
            return SourceFormat((), {"coordinates": column}, (note,))
    return SourceFormat()


# ---------------------------------------------------------------------------------------------
# Healthsites.io


def _healthsites(df: pd.DataFrame, columns: list[str]) -> tuple[pd.DataFrame, SourceFormat]:
    """A Healthsites.io export (GeoJSON, Shapefile, CSV): ``osm_id``, ``osm_type``, ``uuid``,
    ``completeness``, ``amenity``, ``healthcare``; ids from ``uuid``, else ``osm_id``."""
    marks = {"osm_id", "osm_type", "completeness", "healthcare", "amenity", "uuid"}
    if len(marks.intersection(columns)) < 3 or not {"osm_id", "uuid"} & set(columns):
        return df, SourceFormat()
    counts = {c: len(_filled(df[c])) for c in ("uuid", "osm_id") if c in columns}
    best = max(counts, key=lambda c: (counts[c], c == "uuid"))
    if not counts[best]:
        return df, SourceFormat((N_("Healthsites.io export"),))
    note = (N_("ids from {column}"), {"column": best})
    return df, SourceFormat((N_("Healthsites.io export"),), {"facility_id": best}, (note,))


__all__ = [
    "GEOPOINT",
    "KML_HOUSEKEEPING",
    "SourceFormat",
    "add_note",
    "json_kind",
    "read_dhis2_json",
    "recognise",
    "source_format",
]
