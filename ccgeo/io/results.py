"""Results as JSON-ready records, for the project file: tables column by column (dtypes kept,
NaN and infinity kept, geometry as WKB), and a siting or referral result field by field.

The records hold only JSON types (Python's `json` writes NaN and infinity as ``NaN`` and
``Infinity`` and reads them back), so reading a project never runs code from the file.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any, TypeVar

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ccgeo.errors import InputError
from ccgeo.i18n import _

#: Version of the records written by `frame_record` and `result_record`.
RECORD_VERSION = 1

R = TypeVar("R")


def _column_values(values: pd.Series) -> list[Any]:
    """A column as a list of Python values; missing text or objects as None."""
    if values.dtype.kind in "biuf":
        return values.to_numpy().tolist()
    out = values.astype(object).to_numpy()
    return [None if _missing(v) else _plain(v) for v in out]


def _missing(value: Any) -> bool:
    if value is None or value is pd.NA:
        return True
    return isinstance(value, float) and np.isnan(value)


def _plain(value: Any) -> Any:
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, tuple):
        return list(value)
    return value


def frame_record(frame: pd.DataFrame) -> dict[str, Any]:
    """``frame`` (a DataFrame or GeoDataFrame) as a JSON-ready record: column names, dtypes and
    values, the geometry as hexadecimal WKB and its CRS. The index is not kept (results are
    numbered 0..n-1)."""
    geometry = frame.geometry.name if isinstance(frame, gpd.GeoDataFrame) else None
    columns = [c for c in frame.columns if c != geometry]
    record: dict[str, Any] = {
        "version": RECORD_VERSION,
        "columns": [str(c) for c in columns],
        "dtypes": [str(frame[c].dtype) for c in columns],
        "values": [_column_values(frame[c]) for c in columns],
        "rows": len(frame),
    }
    if geometry is not None:
        wkb = shapely.to_wkb(frame.geometry.to_numpy(), hex=True)
        record["geometry"] = {
            "name": str(geometry),
            "wkb": [None if g is None else str(g) for g in wkb.tolist()],
            "crs": frame.crs.to_string() if frame.crs is not None else None,
        }
    return record


def _restored(values: list[Any], dtype: str) -> pd.Series:
    series = pd.Series(values, dtype=object)
    if dtype == "object":
        return series
    try:
        return series.astype(dtype)
    except (TypeError, ValueError):
        return pd.Series(values)  # e.g. NULLs in an integer column: as read


def frame_from_record(record: Mapping[str, Any]) -> pd.DataFrame:
    """The DataFrame (GeoDataFrame when it had a geometry) of a `frame_record`.

    Raises
    ------
    InputError
        When the record is not one (a damaged or newer project file).
    """
    try:
        version = int(record.get("version", 0))
        if version > RECORD_VERSION:
            msg = _("a table was saved by a newer ccgeo (record version {version})").format(
                version=version
            )
            raise InputError(msg)
        rows = int(record["rows"])
        data = {
            name: _restored(list(values), str(dtype))
            for name, dtype, values in zip(
                record["columns"], record["dtypes"], record["values"], strict=True
            )
        }
        frame = pd.DataFrame(data, index=pd.RangeIndex(rows))
        geometry = record.get("geometry")
        if geometry is None:
            return frame
        geoms = shapely.from_wkb(np.array(geometry["wkb"], dtype=object))
        return gpd.GeoDataFrame(
            frame, geometry=gpd.GeoSeries(geoms, name=geometry["name"]), crs=geometry["crs"]
        )
    except (KeyError, TypeError, ValueError, shapely.errors.GEOSException) as exc:
        msg = _("a saved table is damaged ({exc!r})").format(exc=exc)
        raise InputError(msg) from exc


def result_record(result: Any) -> dict[str, Any]:
    """A result dataclass (`SitingResult`, `ReferralResult`) as a JSON-ready record: its
    tables as `frame_record`, tuples as lists (named, to come back as tuples), the rest as is.
    """
    fields: dict[str, Any] = {}
    frames: dict[str, Any] = {}
    tuples: list[str] = []
    for item in dataclasses.fields(result):
        value = getattr(result, item.name)
        if isinstance(value, pd.DataFrame):
            frames[item.name] = frame_record(value)
        elif isinstance(value, tuple):
            tuples.append(item.name)
            fields[item.name] = list(value)
        else:
            fields[item.name] = value
    return {"version": RECORD_VERSION, "fields": fields, "frames": frames, "tuples": tuples}


def result_from_record(cls: type[R], record: Mapping[str, Any]) -> R:
    """The ``cls`` result of a `result_record`.

    Raises
    ------
    InputError
        When the record does not fit ``cls`` (a damaged project, or one saved by a ccgeo whose
        results had other fields).
    """
    try:
        values = dict(record["fields"])
        for name in record.get("tuples", []):
            values[name] = tuple(values[name])
        for name, frame in record["frames"].items():
            values[name] = frame_from_record(frame)
        return cls(**values)
    except (KeyError, TypeError) as exc:
        msg = _("a saved {result} does not fit this ccgeo ({exc!r})").format(
            result=cls.__name__, exc=exc
        )
        raise InputError(msg) from exc
