"""Results as files other tools open: GeoPackage and GeoJSON layers, CSV and XLSX tables.

QGIS opens the layers, a spreadsheet opens the tables. Unreachable people keep their row: their
time is empty and their ``status`` says why (never ``inf`` in a file, never dropped).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from ccgeo.errors import InputError

#: Formats `export_results` writes.
FORMATS: tuple[str, ...] = ("gpkg", "geojson", "csv", "xlsx")


def finite_or_nan(values: Any) -> np.ndarray:
    """Times as floats with ``inf`` (unreachable) written as NaN (an empty cell in a file)."""
    arr = np.asarray(values, dtype=float)
    return np.where(np.isfinite(arr), arr, np.nan)


def demand_table(result: Any) -> gpd.GeoDataFrame:
    """The demand points of an `AccessResult` with file-friendly times (minutes, lon, lat)."""
    demand = result.demand
    seconds = finite_or_nan(demand["seconds"])
    out = demand.copy()
    out["seconds"] = seconds
    out["minutes"] = seconds / 60.0
    out.insert(1, "lon", demand.geometry.x.to_numpy())
    out.insert(2, "lat", demand.geometry.y.to_numpy())
    return out


def district_coverage_layer(result: Any, districts: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """District polygons with one column of people and share covered per threshold."""
    cov = result.coverage
    wide = districts[["district_id", "name", "geometry"]].copy()
    wide["district_id"] = wide["district_id"].astype(str)
    for threshold, rows in cov.groupby("threshold_min", sort=True):
        label = f"{threshold:g}"
        rows = rows.set_index(rows["district_id"].astype(str))
        wide[f"covered_{label}min"] = wide["district_id"].map(rows["covered"]).to_numpy()
        wide[f"share_{label}min"] = wide["district_id"].map(rows["share"]).to_numpy()
    first = cov.drop_duplicates("district_id").set_index(cov["district_id"].drop_duplicates())
    wide["population"] = wide["district_id"].map(first["population"].astype(float)).to_numpy()
    return wide


def result_layers(
    result: Any,
    *,
    districts: gpd.GeoDataFrame | None = None,
    facilities: Any = None,
    extra: Mapping[str, gpd.GeoDataFrame] | None = None,
) -> dict[str, gpd.GeoDataFrame]:
    """The spatial layers of an analysis, by name, in EPSG:4326, empty ones left out."""
    layers: dict[str, gpd.GeoDataFrame] = {}
    if facilities is not None:
        layers["facilities"] = facilities.gdf
    layers["labs"] = result.labs
    if districts is not None and len(districts):
        layers["districts"] = district_coverage_layer(result, districts)
    layers["isochrones"] = result.isochrones
    layers["underserved"] = result.underserved
    layers["demand"] = demand_table(result)
    layers.update(extra or {})
    return {name: gdf for name, gdf in layers.items() if gdf is not None and len(gdf)}


def result_tables(
    result: Any, *, extra: Mapping[str, pd.DataFrame] | None = None
) -> dict[str, Any]:
    """The tables of an analysis, by name: coverage by district, demand times, underserved."""
    tables: dict[str, pd.DataFrame] = {
        "coverage_by_district": result.coverage,
        "demand_times": pd.DataFrame(demand_table(result).drop(columns="geometry")),
        "underserved_areas": pd.DataFrame(result.underserved.drop(columns="geometry")),
        "labs": pd.DataFrame(result.labs.drop(columns="geometry")),
    }
    tables.update(extra or {})
    return tables


def export_results(
    result: Any,
    out_dir: str | Path,
    *,
    formats: Iterable[str] = FORMATS,
    districts: gpd.GeoDataFrame | None = None,
    facilities: Any = None,
    extra_layers: Mapping[str, gpd.GeoDataFrame] | None = None,
    extra_tables: Mapping[str, pd.DataFrame] | None = None,
) -> list[Path]:
    """Write an analysis to ``out_dir`` in each of ``formats``; return the files written.

    ``gpkg``: one ``results.gpkg`` with a layer each; ``geojson``: a ``<layer>.geojson`` each;
    ``csv``: a ``<table>.csv`` each, plus ``summary.json``; ``xlsx``: one ``results.xlsx`` with a
    sheet per table and a ``summary`` sheet.

    Raises
    ------
    InputError
        For an unknown format, or a folder that cannot be written.
    """
    formats = [f.strip().lower().lstrip(".") for f in formats]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        msg = f"unknown export format(s) {', '.join(unknown)}; choose among {', '.join(FORMATS)}"
        raise InputError(msg)
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create the folder ({exc})", path=out) from exc
    layers = result_layers(result, districts=districts, facilities=facilities, extra=extra_layers)
    tables = result_tables(result, extra=extra_tables)
    summary = result.summary()
    written: list[Path] = []
    try:
        if "gpkg" in formats:
            path = out / "results.gpkg"
            path.unlink(missing_ok=True)
            for name, gdf in layers.items():
                gdf.to_file(path, layer=name, driver="GPKG")
            written.append(path)
        if "geojson" in formats:
            for name, gdf in layers.items():
                path = out / f"{name}.geojson"
                path.unlink(missing_ok=True)
                gdf.to_file(path, driver="GeoJSON")
                written.append(path)
        if "csv" in formats:
            for name, table in tables.items():
                path = out / f"{name}.csv"
                table.to_csv(path, index=False)
                written.append(path)
            path = out / "summary.json"
            path.write_text(json.dumps(summary, indent=2, ensure_ascii=False), encoding="utf-8")
            written.append(path)
        if "xlsx" in formats:
            path = out / "results.xlsx"
            with pd.ExcelWriter(path, engine="openpyxl") as book:
                _summary_sheet(summary).to_excel(book, sheet_name="summary", index=False)
                for name, table in tables.items():
                    table.to_excel(book, sheet_name=name[:31], index=False)
            written.append(path)
    except OSError as exc:
        raise InputError(f"cannot write the results ({exc})", path=out) from exc
    return written


def _summary_sheet(summary: Mapping[str, Any]) -> pd.DataFrame:
    rows: list[tuple[str, Any]] = []
    for key, value in summary.items():
        if key == "coverage":
            for row in value:
                label = f"within {row['threshold_min']:g} min"
                rows.append((f"people {label}", row["covered"]))
                rows.append((f"share {label}", row["share"]))
        elif isinstance(value, list):
            rows.append((key, "; ".join(str(v) for v in value)))
        else:
            rows.append((key, value))
    return pd.DataFrame(rows, columns=["item", "value"])
