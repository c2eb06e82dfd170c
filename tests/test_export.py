"""Result exports: GeoPackage/GeoJSON layers and CSV/XLSX tables, nothing dropped."""

from __future__ import annotations

import json

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest

from ccgeo.analysis.access import access
from ccgeo.cli import main
from ccgeo.demo import DEMO_FILES
from ccgeo.errors import InputError
from ccgeo.model.settings import AccessSettings
from ccgeo.report.export import export_results


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
    # the summary, and (since Step 6) the run record beside it
    assert summary == json.loads(json.dumps({**result.summary(), "run": run}))


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
