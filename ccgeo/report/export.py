"""Results as files other tools open: GeoPackage and GeoJSON layers, CSV and XLSX tables, JSON.

The one result writer of ccgeo: the command line and the app write every analysis through the
functions here (`write_access`, `write_capacity`, `write_siting`, `write_referral`,
`export_results`), each file atomically (`ccgeo.io.atomic`). QGIS opens the layers, a
spreadsheet opens the tables. Unreachable people keep their row: their time is empty and their
``status`` says why (never ``inf`` in a file, never dropped).

Beside the results, each analysis writes its run log, ``run_log_<analysis>.json``
(`write_run_log`): ccgeo's version, the command, the date, how long it took, every input file
with its size and SHA-256, every setting and where it came from. The results themselves hold no
date or timing, so that two equal runs give equal result files.

File names, layer, sheet and column names, JSON keys and the run log stay English in every
language: other tools and scripts read them. Only the messages of refusals follow the language of
`ccgeo.i18n`.

Text that a spreadsheet would read as a formula (a facility named ``=HYPERLINK(...)``) is written
as text in every CSV and XLSX table (`spreadsheet_safe`, after OWASP's "CSV Injection"
guidance). GeoPackage and GeoJSON layers keep text as typed strings that no spreadsheet or GIS
evaluates, so they carry it unchanged (a join on a name still matches).
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from ccgeo.errors import InputError
from ccgeo.i18n import _
from ccgeo.io.atomic import atomic_path, write_text_atomic
from ccgeo.io.kinds import suffixes, vector_driver
from ccgeo.io.qgis_styles import write_layer_styles
from ccgeo.report.notes import DataNote, data_notes, notes_record

#: Formats `export_results` writes.
FORMATS: tuple[str, ...] = ("gpkg", "geojson", "parquet", "csv", "xlsx")

#: First characters that make a spreadsheet read a cell as a formula or a command (OWASP,
#: "CSV Injection"): equals, plus, minus, at, tab and carriage return.
FORMULA_STARTS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")
# a plain number written as text ("-3.5") is no formula: it stays as it is
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


# -- text a spreadsheet would run --------------------------------------------------------------


def spreadsheet_text(value: Any) -> Any:
    """``value`` as a spreadsheet cell that is never a formula.

    Text starting with one of `FORMULA_STARTS` gets a leading apostrophe (``'=HYPERLINK(...)``),
    which spreadsheets show as text and which keeps the text readable; a plain number written
    as text (``"-3.5"``) and every value that is not text (numbers, dates, missing) are
    returned unchanged.
    """
    if (
        isinstance(value, str)
        and value.startswith(FORMULA_STARTS)
        and _PLAIN_NUMBER.fullmatch(value) is None
    ):
        return "'" + value
    return value


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` to write as CSV or XLSX: every text cell and column name through
    `spreadsheet_text`; numeric, boolean and date columns unchanged (a negative number stays a
    number)."""
    out = pd.DataFrame(frame).copy()
    for i in range(out.shape[1]):
        values = out.iloc[:, i]
        if (
            pd.api.types.is_object_dtype(values)
            or pd.api.types.is_string_dtype(values)
            or isinstance(values.dtype, pd.CategoricalDtype)
        ):
            out.isetitem(i, values.astype(object).map(spreadsheet_text))
    out.columns = [spreadsheet_text(c) for c in out.columns]
    return out


# -- one file of each kind ---------------------------------------------------------------------


def write_run_log(out_dir: str | Path, analysis: str, run: Mapping[str, Any] | None) -> Path:
    """Write the log of the run that made the results in ``out_dir``, as
    ``run_log_<analysis>.json``: the ``run`` record (version, command, date, seconds, inputs,
    settings and their sources) with the size and SHA-256 of every input file that exists."""
    record = dict(run or {})
    record.setdefault("analysis", analysis)
    record["inputs"] = [_fingerprinted(entry) for entry in record.get("inputs") or []]
    return write_json(Path(out_dir) / f"run_log_{analysis}.json", record)


def _fingerprinted(entry: Any) -> Any:
    """An input entry (``{"layer", "path", ...}``) with the file's ``bytes`` and ``sha256``."""
    if not isinstance(entry, Mapping) or not entry.get("path"):
        return entry
    path = Path(str(entry["path"]))
    out = dict(entry)
    try:
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
        out["bytes"] = path.stat().st_size
        out["sha256"] = digest.hexdigest()
    except OSError as exc:  # moved or deleted since it was read: said, not guessed
        out["sha256"] = None
        out["note"] = f"could not be read again to fingerprint it ({exc.strerror or exc})"
    return out


def write_json(path: str | Path, data: Any) -> Path:
    """Write JSON (indented, UTF-8, numbers as plain floats) atomically."""
    text = json.dumps(data, indent=2, ensure_ascii=False, default=_json_default)
    return write_text_atomic(path, text + "\n", what=Path(path).name)


def write_csv(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write a table as CSV (UTF-8, no index) atomically; text a spreadsheet would read as a
    formula is written as text (`spreadsheet_safe`). Lines end in CRLF (RFC 4180), so that a
    carriage return inside a text is quoted like any line end and never splits a row."""
    text = spreadsheet_safe(frame).to_csv(index=False, lineterminator="\r\n")
    return write_text_atomic(path, text, what=Path(path).name)


def write_layers(
    path: str | Path, layers: Mapping[str, gpd.GeoDataFrame], *, keep_empty: bool = False
) -> Path:
    """Write GIS layers into one file atomically: a GeoPackage holds them all; GeoJSON and
    Shapefile one (``layers`` must then hold one). Empty layers are left out unless
    ``keep_empty`` (a reader then finds every layer it expects, with no row).

    A GeoPackage is written as version 1.3 (GDAL 3.6 and QGIS 3.22 open it) with a
    ``layer_styles`` table: QGIS draws each layer with ccgeo's symbology
    (`ccgeo.io.qgis_styles`)."""
    import pyogrio

    path = Path(path)
    driver = vector_driver(path)
    if driver is None:
        msg = _("cannot write {kind}; use {suffixes}").format(
            kind=path.suffix or _("files without extension"),
            suffixes=", ".join(suffixes("vector", writable=True)),
        )
        raise InputError(msg, path=path)
    kept = {
        name: gdf for name, gdf in layers.items() if gdf is not None and (keep_empty or len(gdf))
    }
    if driver != "GPKG" and len(kept) > 1:
        msg = _("a {suffix} file holds one layer; write {layers} to a .gpkg").format(
            suffix=path.suffix, layers=", ".join(kept)
        )
        raise InputError(msg, path=path)
    with atomic_path(
        path,
        what=path.name,
        side_suffixes=("-journal", "-wal", "-shm"),
        write_errors=(pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError),
    ) as tmp:
        options: dict[str, Any] = {"VERSION": "1.3"} if driver == "GPKG" else {}
        if not kept:
            gpd.GeoDataFrame(geometry=[], crs="EPSG:4326").to_file(tmp, driver=driver, **options)
        for name, gdf in kept.items():
            layer = {"layer": name} if driver == "GPKG" else {}
            gdf.to_file(tmp, driver=driver, **layer, **options)
        if driver == "GPKG":
            _write_styles(tmp, kept)
    return path


def _write_styles(path: Path, layers: Mapping[str, gpd.GeoDataFrame]) -> None:
    """The ``layer_styles`` table of a GeoPackage just written (QGIS draws it as ccgeo does)."""
    con = sqlite3.connect(path)
    try:
        with con:
            write_layer_styles(con, layers)
    finally:
        con.close()


def write_vector(gdf: gpd.GeoDataFrame, path: str | Path, *, layer: str) -> Path:
    """Write one layer to .gpkg/.geojson/.shp/..., or to .csv with ``lon``/``lat`` columns."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() == ".csv":
        table = pd.DataFrame(gdf.drop(columns="geometry"))
        table.insert(2, "lon", gdf.geometry.x.to_numpy())
        table.insert(3, "lat", gdf.geometry.y.to_numpy())
        return write_csv(table, path)
    return write_layers(path, {layer: gdf})


def write_parquet(gdf: gpd.GeoDataFrame, path: str | Path) -> Path:
    """Write one layer as GeoParquet (version 1.0 ``geo`` metadata, WKB geometry), atomically.

    GeoParquet keeps column types and the CRS and is read by geopandas
    (``geopandas.read_parquet``), QGIS 3.34+ (GDAL 3.8+), DuckDB and R's sfarrow. It goes through
    pyarrow: GDAL's own Parquet driver is not needed.

    Raises
    ------
    InputError
        When pyarrow is not installed, or the file cannot be written.
    """
    path = Path(path)
    try:
        import pyarrow as pa
    except ImportError as exc:
        msg = _(
            "writing GeoParquet needs the pyarrow package, which is not installed; install it "
            "(pip install pyarrow) or choose another format"
        )
        raise InputError(msg, path=path) from exc
    with atomic_path(path, what=path.name, write_errors=(pa.ArrowException,)) as tmp:
        gdf.to_parquet(tmp, index=False, schema_version="1.0.0")
    return path


def _json_default(value: Any) -> Any:
    if isinstance(value, np.integer | np.bool_):
        return value.item()
    if isinstance(value, np.floating):
        return None if not np.isfinite(value) else float(value)
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, Path):
        return str(value)
    return str(value)


def _table(gdf: gpd.GeoDataFrame) -> pd.DataFrame:
    return pd.DataFrame(gdf.drop(columns="geometry"))


def _out_folder(out_dir: str | Path) -> Path:
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        msg = _("cannot create the output folder ({reason})").format(reason=exc.strerror or exc)
        raise InputError(msg, path=out) from exc
    return out


# -- the analyses ------------------------------------------------------------------------------


def result_summary(result: Any, project: Any = None) -> dict[str, Any]:
    """The ``summary.json`` of an access result: its headline numbers (`AccessResult.summary`)
    and its ``data_notes`` (`ccgeo.report.notes.data_notes`: facility rows rejected or changed
    on import, where the population file's people went, what the analysis could not use)."""
    summary = result.summary()
    summary["data_notes"] = notes_record(data_notes(project, result))
    return summary


def write_access(
    result: Any,
    out_dir: str | Path,
    *,
    project: Any = None,
    run: Mapping[str, Any] | None = None,
) -> dict[str, Path]:
    """An access result as ``summary.json`` (with the data notes of ``project``'s imports:
    `result_summary`), ``coverage_by_district.csv``, ``demand_times.csv`` and ``access.gpkg``
    (labs, isochrones, underserved, demand), and its ``run_log_access.json`` (`write_run_log`)."""
    out = _out_folder(out_dir)
    demand = demand_table(result)
    summary = result_summary(result, project)
    layers = {
        "labs": result.labs,
        "isochrones": result.isochrones,
        "underserved": result.underserved,
        "demand": demand.drop(columns=["lon", "lat"]),
    }
    return {
        "json": write_json(out / "summary.json", summary),
        "coverage": write_csv(result.coverage, out / "coverage_by_district.csv"),
        "demand": write_csv(
            pd.DataFrame(demand.drop(columns="geometry")), out / "demand_times.csv"
        ),
        "gpkg": write_layers(out / "access.gpkg", layers),
        "run_log": write_run_log(out, "access", run),
    }


def write_capacity(
    result: Any, project: Any, out_dir: str | Path, *, run: Mapping[str, Any] | None = None
) -> dict[str, Path]:
    """A lab-capacity result as ``capacity.json`` (totals), ``labs.csv``, ``districts.csv``,
    ``demand.csv`` and ``capacity.gpkg`` (demand points and labs), and its
    ``run_log_capacity.json``."""
    out = _out_folder(out_dir)
    points = project.demand.gdf
    demand = points.assign(tests_per_year=result.demand, **result.per_point())
    per_lab = result.labs.drop(columns=["name"], errors="ignore")
    facilities = project.facilities.gdf[["facility_id", "name", "geometry"]]
    lab_layer = facilities.merge(
        per_lab, left_on="facility_id", right_on="lab_id", how="inner"
    ).drop(columns="lab_id")
    summary = result.summary()
    layers = {"demand": gpd.GeoDataFrame(demand, crs=points.crs), "labs": lab_layer}
    return {
        "json": write_json(out / "capacity.json", summary),
        "labs": write_csv(result.labs, out / "labs.csv"),
        "districts": write_csv(result.districts, out / "districts.csv"),
        "demand": write_csv(_table(demand), out / "demand.csv"),
        "gpkg": write_layers(out / "capacity.gpkg", layers),
        "run_log": write_run_log(out, "capacity", run),
    }


def write_siting(
    result: Any, out_dir: str | Path, *, run: Mapping[str, Any] | None = None
) -> dict[str, Path]:
    """A siting result as ``siting.json`` (the proposal and its curve) and ``siting.gpkg``
    (layers ``hubs`` and ``districts``, the latter a table without geometry), and its
    ``run_log_siting.json``."""
    out = _out_folder(out_dir)
    hubs = result.hubs
    if hubs.geometry.isna().all():
        hubs = hubs.set_crs("EPSG:4326", allow_override=True)
    districts = gpd.GeoDataFrame(
        result.districts, geometry=gpd.GeoSeries([None] * len(result.districts)), crs="EPSG:4326"
    )
    return {
        "json": write_json(out / "siting.json", result.to_json_dict()),
        "gpkg": write_layers(
            out / "siting.gpkg", {"hubs": hubs, "districts": districts}, keep_empty=True
        ),
        "run_log": write_run_log(out, "siting", run),
    }


def write_referral(
    result: Any, out_dir: str | Path, *, run: Mapping[str, Any] | None = None
) -> dict[str, Path]:
    """A referral plan as ``referral.json`` (summary, settings, parameters), ``routes.gpkg``
    (layers ``routes`` and ``loops``) and ``referral.csv`` (one row per spoke), and its
    ``run_log_referral.json``."""
    out = _out_folder(out_dir)
    layers = {"routes": result.routes, "loops": result.loops}
    return {
        "json": write_json(out / "referral.json", result.to_json_dict()),
        "gpkg": write_layers(out / "routes.gpkg", layers, keep_empty=True),
        "csv": write_csv(result.spokes, out / "referral.csv"),
        "run_log": write_run_log(out, "referral", run),
    }


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
    project: Any = None,
    run: Mapping[str, Any] | None = None,
) -> list[Path]:
    """Write an access result to ``out_dir`` in each of ``formats``; return the files written.

    ``gpkg``: one ``results.gpkg`` with a layer each; ``geojson``: a ``<layer>.geojson`` each;
    ``parquet``: a GeoParquet ``<layer>.parquet`` each (`write_parquet`);
    ``csv``: a ``<table>.csv`` each, plus ``data_notes.csv`` and ``summary.json``
    (`result_summary`, with the notes of ``project``'s imports); ``xlsx``: one ``results.xlsx``
    with a sheet per table, a ``summary`` sheet and a ``data_notes`` sheet. In every case, the
    run log ``run_log_access.json`` (`write_run_log`).

    Raises
    ------
    InputError
        For an unknown format, or a folder or file that cannot be written.
    """
    formats = [f.strip().lower().lstrip(".") for f in formats]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        msg = _("unknown export format(s) {formats}; choose among {choices}").format(
            formats=", ".join(unknown), choices=", ".join(FORMATS)
        )
        raise InputError(msg)
    out = _out_folder(out_dir)
    layers = result_layers(result, districts=districts, facilities=facilities, extra=extra_layers)
    summary = result_summary(result, project)
    notes = pd.DataFrame(summary["data_notes"], columns=list(DataNote.__dataclass_fields__))
    tables = {**result_tables(result, extra=extra_tables), "data_notes": notes}
    written: list[Path] = []
    if "gpkg" in formats:
        written.append(write_layers(out / "results.gpkg", layers))
    if "geojson" in formats:
        written += [
            write_layers(out / f"{name}.geojson", {name: gdf}) for name, gdf in layers.items()
        ]
    if "parquet" in formats:
        written += [write_parquet(gdf, out / f"{name}.parquet") for name, gdf in layers.items()]
    if "csv" in formats:
        written += [write_csv(table, out / f"{name}.csv") for name, table in tables.items()]
        written.append(write_json(out / "summary.json", summary))
    if "xlsx" in formats:
        path = out / "results.xlsx"
        with (
            atomic_path(path, what=path.name) as tmp,
            pd.ExcelWriter(tmp, engine="openpyxl") as book,
        ):
            sheets = {"summary": _summary_sheet(summary), **tables}
            for name, table in sheets.items():
                spreadsheet_safe(table).to_excel(book, sheet_name=name[:31], index=False)
        written.append(path)
    written.append(write_run_log(out, "access", run))
    return written


def _summary_sheet(summary: Mapping[str, Any]) -> pd.DataFrame:
    """``summary.json`` as item/value rows; a block (``population_report``) as
    ``block.key`` rows."""
    rows: list[tuple[str, Any]] = []
    for key, value in summary.items():
        if key == "data_notes":  # a table of its own (the data_notes sheet)
            continue
        if key == "coverage":
            for row in value:
                label = f"within {row['threshold_min']:g} min"
                rows.append((f"people {label}", row["covered"]))
                rows.append((f"share {label}", row["share"]))
        elif isinstance(value, Mapping):
            rows += [(f"{key}.{k}", _cell(v)) for k, v in value.items()]
        else:
            rows.append((key, _cell(value)))
    return pd.DataFrame(rows, columns=["item", "value"])


def _cell(value: Any) -> Any:
    """A summary value as one spreadsheet cell (lists joined by ``; ``)."""
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return value
