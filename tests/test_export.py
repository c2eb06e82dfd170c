"""Result exports: GeoPackage/GeoJSON layers and CSV/XLSX tables, nothing dropped."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest

import ccgeo
from ccgeo.analysis.access import access
from ccgeo.cli import main
from ccgeo.demo import DEMO_FILES
from ccgeo.errors import InputError
from ccgeo.model.settings import AccessSettings
from ccgeo.report.export import export_results, result_summary


@pytest.fixture(scope="module")
def demo_result(copy_demo):
    project = copy_demo()  # this module's own copy: its car network is built in it
    # a short threshold so that some people are beyond it
    result = access(
        project.network("car"),
        project.facilities.capable("pcr"),
        project.demand,
        AccessSettings(capability="pcr", thresholds_minutes=(5, 10)),
        districts=project.districts,
    )
    return project, result


def test_every_format(tmp_path, demo_result):
    project, result = demo_result
    run = {"analysis": "access", "settings": result.settings}
    written = export_results(
        result, tmp_path, districts=project.districts, facilities=project.facilities, run=run
    )
    names = {p.name for p in written}
    assert {"results.gpkg", "results.xlsx", "summary.json", "coverage_by_district.csv"} <= names
    assert "demand.geojson" in names
    layers = set(gpd.list_layers(tmp_path / "results.gpkg")["name"])
    assert {"facilities", "labs", "districts", "isochrones", "demand"} <= layers
    districts = gpd.read_file(tmp_path / "results.gpkg", layer="districts")
    assert {"share_5min", "share_10min", "covered_10min", "population"} <= set(districts.columns)
    city = result.coverage[result.coverage["district_id"] == "ALL"]
    assert districts["covered_10min"].sum() == pytest.approx(
        city.loc[city["threshold_min"] == 10, "covered"].iloc[0]
    )
    book = pd.read_excel(tmp_path / "results.xlsx", sheet_name=None)
    assert {"summary", "coverage_by_district", "demand_times", "labs"} <= set(book)
    times = book["demand_times"]
    assert len(times) == len(result.demand)
    assert times["population"].sum() == pytest.approx(result.demand["population"].sum())
    summary = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    # the summary, and (since Step 8) the run record in a run log beside it
    # the summary with its data notes (no project given: the analysis' own notes), and (since
    # Step 8) the run record in a run log beside it
    assert summary == json.loads(json.dumps(result_summary(result)))
    assert {"summary", "data_notes"} <= set(book)
    log = json.loads((tmp_path / "run_log_access.json").read_text(encoding="utf-8"))
    assert log == json.loads(json.dumps({**run, "inputs": []}))


def test_unreachable_rows_are_kept_with_an_empty_time(tmp_path, demo_result):
    _, result = demo_result
    far = result.demand.copy()
    far.loc[far.index[0], "seconds"] = np.inf
    far.loc[far.index[0], "status"] = "unreachable"
    broken = type(result)(**{**result.__dict__, "demand": far})
    export_results(broken, tmp_path, formats=["csv"])
    table = pd.read_csv(tmp_path / "demand_times.csv")
    assert len(table) == len(far)
    assert np.isnan(table.loc[0, "seconds"])
    assert table.loc[0, "status"] == "unreachable"


def test_unknown_format(tmp_path, demo_result):
    _, result = demo_result
    with pytest.raises(InputError, match="unknown export format"):
        export_results(result, tmp_path, formats=["shp", "pdf"])


def test_export_command(tmp_path, demo_dir, capsys):
    code = main(
        [
            "export",
            "--roads", str(demo_dir / DEMO_FILES["roads"]),
            "--facilities", str(demo_dir / DEMO_FILES["facilities"]),
            "--sheet", "facilities",
            "--population", str(demo_dir / DEMO_FILES["population"]),
            "--districts", str(demo_dir / DEMO_FILES["districts"]),
            "--format", "geojson,xlsx",
            "--out", str(tmp_path),
        ]
    )  # fmt: skip
    assert code == 0
    assert (tmp_path / "results.xlsx").is_file()
    assert (tmp_path / "labs.geojson").is_file()
    assert not (tmp_path / "results.gpkg").exists()
    assert "wrote" in capsys.readouterr().out


# -- text a spreadsheet would run (Step 8) -------------------------------------------------------

#: Facility names that a spreadsheet would run as a formula or a command (OWASP's examples).
FORMULA_NAMES = (
    '=HYPERLINK("http://x","y")',
    "=cmd|' /C calc'!A0",
    "+1+2",
    "-3+4",
    "@SUM(A1)",
    "\tTabbed lab",
    "\rCarriage lab",
)


def _named_facilities(demo_dir, out_path, names):
    """The demo facilities workbook with its first facilities renamed to ``names`` and made PCR
    labs (so that the access tables list them), every name stored as text (as a registry
    export holds it)."""
    import openpyxl

    book = openpyxl.load_workbook(demo_dir / DEMO_FILES["facilities"])
    sheet = book["facilities"]
    header = [cell.value for cell in sheet[1]]
    name_col = header.index("Nome da unidade sanitária") + 1
    pcr_col = header.index("PCR") + 1
    for row, name in enumerate(names, start=2):
        sheet.cell(row, pcr_col).value = "sim"
        cell = sheet.cell(row, name_col)
        cell.value = name
        cell.data_type = "s"  # text, as typed into a cell formatted as text
    book.save(out_path)
    return out_path


def _export(tmp_path, demo_dir, facilities, formats):
    out = tmp_path / "out"
    code = main(
        [
            "export",
            "--roads", str(demo_dir / DEMO_FILES["roads"]),
            "--facilities", str(facilities),
            "--sheet", "facilities",
            "--population", str(demo_dir / DEMO_FILES["population"]),
            "--districts", str(demo_dir / DEMO_FILES["districts"]),
            "--format", formats,
            "--out", str(out),
        ]
    )  # fmt: skip
    assert code == 0
    return out


def _csv_rows(path):
    import csv

    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def test_exported_tables_hold_no_formula_from_facility_names(tmp_path, demo_dir, capsys):
    import openpyxl

    facilities = _named_facilities(demo_dir, tmp_path / "labs.xlsx", FORMULA_NAMES)
    out = _export(tmp_path, demo_dir, facilities, "csv,xlsx")
    capsys.readouterr()
    book = openpyxl.load_workbook(out / "results.xlsx")
    formulas = [
        f"{sheet.title}!{cell.coordinate}: {cell.value!r}"
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]
    assert formulas == []
    header = [cell.value for cell in book["labs"][1]]
    names = [row[header.index("name")].value for row in book["labs"].iter_rows(min_row=2)]
    csv_rows = _csv_rows(out / "labs.csv")
    csv_names = [row[csv_rows[0].index("name")] for row in csv_rows[1:]]
    # every name a spreadsheet would run arrives as readable text behind an apostrophe
    for name in FORMULA_NAMES:
        kept = name.strip()  # the importer trims spaces, tabs and line ends around a name
        if kept[:1] not in "=+-@":
            continue
        assert "'" + kept in names
        assert "'" + kept in csv_names
    risky = [n for n in names + csv_names if str(n)[:1] in "=+-@\t\r"]
    assert risky == []
    # numbers stay numbers: latitudes south of the equator are negative numbers, not text
    lat_col = [cell.value for cell in book["demand_times"]["C"]]
    assert lat_col[0] == "lat"
    assert all(isinstance(v, float) for v in lat_col[1:])
    assert min(lat_col[1:]) < 0
    times = pd.read_csv(out / "demand_times.csv")
    assert times["lat"].dtype == float
    assert (times["lat"] < 0).all()


def test_every_csv_and_xlsx_writer_escapes_formulas(tmp_path, demo_result):
    import openpyxl

    _, result = demo_result
    extra = pd.DataFrame(
        {
            "name": [*FORMULA_NAMES, "Lab -3", "-3.5"],
            "offset": [-3.0, -1.5, 0.0, 2.5, -7.0, 1.0, -2.0, -4.0, 8.0],
            "=sum(A1)": ["ok"] * 9,
        }
    )
    written = export_results(
        result, tmp_path, formats=["csv", "xlsx"], extra_tables={"named": extra}
    )
    assert tmp_path / "named.csv" in written
    rows = _csv_rows(tmp_path / "named.csv")
    assert rows[0] == ["name", "offset", "'=sum(A1)"]
    assert [r[0] for r in rows[1:8]] == ["'" + n for n in FORMULA_NAMES]
    assert [r[0] for r in rows[8:]] == ["Lab -3", "-3.5"]
    back = pd.read_csv(tmp_path / "named.csv")
    assert back["offset"].tolist() == extra["offset"].tolist()  # numbers, negative ones too
    sheet = openpyxl.load_workbook(tmp_path / "results.xlsx")["named"]
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert [c for c in cells if c.data_type == "f"] == []
    # XML reads a carriage return as a line feed: the text is otherwise as written
    assert [sheet.cell(r, 1).value for r in range(2, 9)] == [
        "'" + n.replace("\r", "\n") for n in FORMULA_NAMES
    ]
    offsets = [sheet.cell(r, 2) for r in range(2, 11)]
    assert all(c.data_type == "n" for c in offsets)
    assert [c.value for c in offsets] == extra["offset"].tolist()


def test_imported_facilities_written_as_csv_hold_no_formula(tmp_path, demo_dir, capsys):
    facilities = _named_facilities(demo_dir, tmp_path / "labs.xlsx", FORMULA_NAMES)
    out = tmp_path / "facilities.csv"
    code = main(["import-facilities", str(facilities), "--sheet", "facilities", "--out", str(out)])
    assert code == 0
    capsys.readouterr()
    rows = _csv_rows(out)
    names = [row[rows[0].index("name")] for row in rows[1:]]
    assert "'" + FORMULA_NAMES[0] in names
    assert "'-3+4" in names
    assert [n for n in names if n[:1] in "=+-@\t\r"] == []
    lat = pd.read_csv(out)["lat"]
    assert lat.dtype == float
    assert (lat < 0).all()


def test_equal_runs_give_equal_result_files_and_a_run_log_beside_them(tmp_path, demo_dir):
    """The run log (version, command, date, timings, every input with its size and SHA-256,
    every setting and its source) is its own file: the results of two equal runs are equal
    byte for byte."""
    import hashlib

    common = [
        "access",
        "--roads", str(demo_dir / "demo_city.osm.pbf"),
        "--facilities", str(demo_dir / "demo_facilities.xlsx"),
        "--population", str(demo_dir / "demo_population.tif"),
        "--districts", str(demo_dir / "demo_districts.geojson"),
        "--mode", "walk", "--no-isochrones",
    ]  # fmt: skip
    for run in ("one", "two"):
        assert main([*common, "--out", str(tmp_path / run)]) == 0
    for name in ("summary.json", "coverage_by_district.csv", "demand_times.csv"):
        one, two = ((tmp_path / r / name).read_bytes() for r in ("one", "two"))
        assert one == two, name
    log = json.loads((tmp_path / "one" / "run_log_access.json").read_text(encoding="utf-8"))
    assert log["ccgeo"] == ccgeo.__version__
    assert log["command"] == "ccgeo " + " ".join([*common, "--out", str(tmp_path / "one")])
    assert log["date"]
    assert log["seconds"] > 0
    assert log["analysis"] == "access"
    assert log["settings"]["mode"] == "walk"
    assert log["sources"]["mode"] == "command line"
    layers = {entry["layer"]: entry for entry in log["inputs"]}
    assert set(layers) == {"roads", "facilities", "population", "districts"}
    for entry in layers.values():
        data = Path(entry["path"]).read_bytes()
        assert entry["bytes"] == len(data)
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()
