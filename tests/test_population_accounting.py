"""Every person of the population file is in exactly one line of the summary.

The readers count the people they leave out (outside the study area, in rows that cannot be
placed, counts above ``MAX_PEOPLE``), districts in another CRS than the population still get
their people, a person in overlapping districts counts once, and the access summary adds up to
the file's total through the API, the task and the command line, on the demo city and on
Porto Alegre with people planted outside the roads' extent. Coverage numbers depend on how
people are snapped to the roads: these tests assert the accounting, never coverage.
"""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import rasterio
import shapely
from rasterio.transform import from_origin

import ccgeo
from ccgeo.analysis.access import CITY_ID, underserved_areas
from ccgeo.cli import main
from ccgeo.demo import DEMO_FILES
from ccgeo.io.population import read_population, read_population_table
from ccgeo.model.settings import AccessSettings, Travel
from ccgeo.project import project_from_files
from ccgeo.tasks.access import run_access

#: People planted outside Porto Alegre's roads (lon, lat, people) and a row with no longitude.
OUTSIDE_POA = ((-51.40, -30.05, 1000.0), (-51.45, -30.20, 250.0), (-51.00, -29.90, 7.0))
NOT_LOCATED_POA = 40.0
POA_PEOPLE = 812_935.0


# -- helpers ------------------------------------------------------------------------------------


def _raster(path: Path, data: np.ndarray, *, west: float, north: float, step: float) -> Path:
    """A float32 GeoTIFF in EPSG:4326 with ``data`` people per cell."""
    with rasterio.open(
        path,
        "w",
        driver="GTiff",
        height=data.shape[0],
        width=data.shape[1],
        count=1,
        dtype="float32",
        crs="EPSG:4326",
        transform=from_origin(west, north, step, step),
        nodata=-99999.0,
    ) as dst:
        dst.write(data.astype("float32"), 1)
    return path


def _squares(*boxes: tuple[float, float, float, float], crs: str = "EPSG:4326"):
    """Districts ``A``, ``B``, ... (listed in that order) from lon/lat boxes, in ``crs``."""
    ids = [chr(ord("A") + i) for i in range(len(boxes))]
    gdf = gpd.GeoDataFrame(
        {"district_id": ids, "name": [f"district {i}" for i in ids]},
        geometry=[shapely.box(*b) for b in boxes],
        crs="EPSG:4326",
    )
    return gdf.to_crs(crs)


def assert_every_person_counted(summary: dict, coverage: pd.DataFrame) -> None:
    """The identities of the summary: each threshold's parts make the file's total; the district
    lines and the people in no district make the analysed people."""
    json.dumps(summary, allow_nan=False)  # JSON-ready
    total = summary["population_total"]
    assert total == pytest.approx(summary["population_report"]["people_in_file"], abs=0.5)
    left_out = summary["outside_roads"] + summary["not_located"]
    for row in summary["coverage"]:
        parts = (
            row["covered"] + row["beyond"] + summary["unreachable"] + summary["off_network"]
        ) + left_out
        assert parts == pytest.approx(total, abs=0.5)
    assert summary["population_analysed"] == pytest.approx(total - left_out, abs=0.5)
    first = coverage["threshold_min"] == coverage["threshold_min"].min()
    lines = coverage[first & (coverage["district_id"] != CITY_ID)]
    districts = lines.loc[lines["district_id"].fillna("") != "", "population"].sum()
    assert districts + summary["no_district"] == pytest.approx(total - left_out, abs=0.5)
    no_district_line = lines.loc[lines["district_id"].fillna("") == "", "population"].sum()
    assert no_district_line == pytest.approx(summary["no_district"], abs=0.5)


# -- the readers --------------------------------------------------------------------------------


def test_a_raster_counts_the_people_outside_the_box_and_outside_the_polygon(tmp_path):
    """A 10 x 10 raster of 1..100 people; a triangle study area in its middle: the cells
    beyond the triangle's box and those in the box but outside the triangle are both counted,
    in the warning and in the report."""
    data = np.arange(1, 101, dtype=float).reshape(10, 10)
    path = _raster(tmp_path / "pop.tif", data, west=34.0, north=-8.0, step=0.01)
    triangle = shapely.Polygon([(34.02, -8.08), (34.08, -8.08), (34.02, -8.02)])
    demand = read_population(path, study_area=triangle)
    report = demand.report
    assert report is not None
    assert report.unit == "cells"
    assert report.rows_in_file == 100
    assert report.people_in_file == pytest.approx(data.sum())
    kept = demand.total_population
    assert report.outside_people == pytest.approx(data.sum() - kept)
    assert report.outside_rows == 100 - len(demand)
    assert report.located_people == pytest.approx(kept)
    left_out = [w for w in demand.warnings if "outside the study area" in w]
    assert left_out == [
        f"{100 - len(demand)} cells with {data.sum() - kept:,.0f} people lie outside the "
        "study area and were left out; they are counted as outside the study area in every total"
    ]


def test_a_raster_counts_cells_above_max_people_and_keeps_them_out_of_the_total(tmp_path):
    data = np.full((4, 4), 10.0)
    data[0, 0] = 1e30  # an undeclared nodata
    path = _raster(tmp_path / "pop.tif", data, west=34.0, north=-8.0, step=0.01)
    report = read_population(path).population_report
    assert report.above_max_rows == 1
    assert report.counted_zero_rows == 1
    assert report.people_in_file == pytest.approx(150.0)


def test_districts_in_a_projected_crs_get_the_people_of_a_lonlat_raster_and_points(tmp_path):
    """Districts in UTM zone 36S, population in lon/lat degrees: every person in a district."""
    data = np.full((10, 10), 5.0)
    path = _raster(tmp_path / "pop.tif", data, west=34.0, north=-8.0, step=0.01)
    utm = _squares((34.0, -8.1, 34.05, -8.0), (34.05, -8.1, 34.1, -8.0), crs="EPSG:32736")
    demand = read_population(path, districts=utm)
    ids = demand.gdf["district_id"]
    assert (ids != "").all()
    assert sorted(ids.unique()) == ["A", "B"]
    assert demand.population_report.no_district_people == 0.0

    table = tmp_path / "points.csv"
    pd.DataFrame({"lon": [34.01, 34.07], "lat": [-8.05, -8.05], "population": [3, 4]}).to_csv(
        table, index=False
    )
    points = read_population(table, districts=utm)
    assert points.gdf["district_id"].tolist() == ["A", "B"]


def test_overlapping_districts_count_each_person_once_in_the_district_listed_first(tmp_path):
    """Two squares overlapping in their middle column of cells: the people there go to A (listed
    first) and are counted as in overlaps, in the warnings and the report; none is lost."""
    data = np.full((10, 10), 2.0)
    path = _raster(tmp_path / "pop.tif", data, west=34.0, north=-8.0, step=0.01)
    # A covers columns 0..5, B columns 4..9: columns 4 and 5 (20 cells) are in both
    both = _squares((34.0, -8.1, 34.06, -8.0), (34.04, -8.1, 34.1, -8.0))
    demand = read_population(path, districts=both)
    people = demand.gdf.groupby("district_id")["population"].sum().to_dict()
    assert people == {"A": pytest.approx(120.0), "B": pytest.approx(80.0)}
    report = demand.population_report
    assert (report.overlap_rows, report.overlap_people) == (20, pytest.approx(40.0))
    assert any("20 cells with 40 people lie inside several" in w for w in demand.warnings)

    table = tmp_path / "points.csv"
    pd.DataFrame(
        {"lon": [34.01, 34.05, 34.09], "lat": [-8.05] * 3, "population": [1, 10, 100]}
    ).to_csv(table, index=False)
    points = read_population(table, districts=both)
    assert points.gdf["district_id"].tolist() == ["A", "A", "B"]
    assert (points.report.overlap_rows, points.report.overlap_people) == (1, 10.0)
    assert any("inside several overlapping districts" in w for w in points.warnings)


def test_a_point_on_a_shared_border_is_in_no_overlap(tmp_path):
    table = tmp_path / "points.csv"
    pd.DataFrame({"lon": [34.05], "lat": [-8.05], "population": [9]}).to_csv(table, index=False)
    touching = _squares((34.0, -8.1, 34.05, -8.0), (34.05, -8.1, 34.1, -8.0))
    points = read_population(table, districts=touching)
    assert points.gdf["district_id"].tolist() == ["A"]
    assert points.report.overlap_rows == 0


def test_a_table_of_points_accounts_for_every_row(tmp_path):
    table = tmp_path / "points.csv"
    pd.DataFrame(
        {
            "lon": ["34.01", "34.02", "36.5", "", "34.03", "34.04"],
            "lat": ["-8.05", "-8.05", "-8.05", "-8.05", "-8.05", "-8.05"],
            "population": ["10", "20", "300", "4000", "1e400", "0"],
        }
    ).to_csv(table, index=False)
    area = shapely.box(34.0, -8.1, 34.1, -8.0)
    demand = read_population(table, study_area=area)
    report = demand.report
    assert report.unit == "rows"
    assert report.rows_in_file == 6
    assert report.people_in_file == 4330.0
    assert (report.outside_rows, report.outside_people) == (1, 300.0)
    assert (report.not_located_rows, report.not_located_people) == (1, 4000.0)
    assert (report.counted_zero_rows, report.above_max_rows) == (1, 1)
    assert report.located_people == demand.total_population == 30.0
    assert report.no_district_people == 30.0  # no districts given: nobody is in one


def test_a_census_table_counts_the_rows_that_match_no_district(tmp_path):
    districts = _squares((34.0, -8.1, 34.05, -8.0), (34.05, -8.1, 34.1, -8.0))
    table = tmp_path / "census.csv"
    pd.DataFrame(
        {"name": ["district A", "district B", "Atlantis"], "population": [100, 200, 55]}
    ).to_csv(table, index=False)
    demand = read_population_table(table, districts)
    report = demand.report
    assert report.people_in_file == 355.0
    assert (report.not_located_rows, report.not_located_people) == (1, 55.0)
    assert report.located_people == demand.total_population == 300.0


def test_the_report_survives_saving_the_project(tmp_path):
    from ccgeo.project import open_project, save_project

    table = tmp_path / "points.csv"
    pd.DataFrame({"lon": [34.01, 36.5], "lat": [-8.05, -8.05], "population": [10, 300]}).to_csv(
        table, index=False
    )
    demand = read_population(table, study_area=shapely.box(34.0, -8.1, 34.1, -8.0))
    project = ccgeo.Project(demand=demand)
    save_project(project, tmp_path / "p.ccgeo")
    reopened = open_project(tmp_path / "p.ccgeo")
    assert reopened.demand.report == demand.report


# -- underserved areas --------------------------------------------------------------------------


def test_underserved_places_far_apart_are_separate_areas_with_their_own_people():
    """Two villages 11 km apart, both beyond the threshold: two areas, never one."""
    gdf = gpd.GeoDataFrame(
        {"population": [100.0, 250.0], "seconds": [9000.0, np.inf]},
        geometry=gpd.points_from_xy([34.5, 34.6], [-8.5, -8.5]),
        crs="EPSG:4326",
    )
    areas = underserved_areas(gdf, threshold_minutes=60, crs="EPSG:32736")
    assert areas["population"].tolist() == [250.0, 100.0]
    assert areas["n_points"].tolist() == [1, 1]
    assert not areas.geometry.iloc[0].intersects(areas.geometry.iloc[1])


# -- the faces, on real cities ------------------------------------------------------------------


@pytest.fixture(scope="module")
def poa_with_outside(shared_data, tmp_path_factory) -> Path:
    """Porto Alegre's hexagon grid with people planted outside its roads' extent and a row
    without coordinates."""
    folder = tmp_path_factory.mktemp("poa")
    grid = pd.read_csv(shared_data / "porto_alegre" / "poa_hexgrid.csv", dtype=str)
    extra = [
        {"id": f"outside-{i}", "lon": str(lon), "lat": str(lat), "population": str(people)}
        for i, (lon, lat, people) in enumerate(OUTSIDE_POA)
    ]
    extra.append({"id": "nowhere", "lon": "", "lat": "-30.0", "population": "40"})
    path = folder / "poa_hexgrid_wider.csv"
    pd.concat([grid, pd.DataFrame(extra)], ignore_index=True).to_csv(path, index=False)
    return path


@pytest.fixture(scope="module")
def poa_files(shared_data, poa_with_outside) -> dict[str, Path]:
    shared = shared_data / "porto_alegre"
    return {
        "roads": shared / "poa_osm.pbf",
        "facilities": shared / "poa_workshop_labs_synthetic.csv",
        "population": poa_with_outside,
    }


POA_SETTINGS = AccessSettings(capability="pcr", travel=Travel(mode="car"))


def _poa_expectations(summary: dict) -> None:
    outside = sum(p for *_, p in OUTSIDE_POA)
    assert summary["population_total"] == pytest.approx(POA_PEOPLE + outside + NOT_LOCATED_POA)
    assert summary["outside_roads"] == outside
    assert summary["not_located"] == NOT_LOCATED_POA
    block = summary["population_report"]
    assert block["file"] == "poa_hexgrid_wider.csv"
    assert (block["outside_rows"], block["not_located_rows"]) == (3, 1)
    assert any("outside the study area" in w for w in summary["warnings"])
    assert any("could not be placed" in w for w in summary["warnings"])


def test_the_api_counts_every_person_of_porto_alegre(poa_files):
    project = project_from_files(**poa_files)
    net = ccgeo.load_network(poa_files["roads"], "car")
    result = ccgeo.access(net, project.facilities, project.demand, POA_SETTINGS, isochrones=False)
    summary = result.summary()
    _poa_expectations(summary)
    assert_every_person_counted(summary, result.coverage)


def test_the_task_counts_every_person_of_porto_alegre(poa_files):
    result = run_access(project_from_files(**poa_files), POA_SETTINGS, isochrones=False)
    summary = result.summary()
    _poa_expectations(summary)
    assert_every_person_counted(summary, result.coverage)


def test_the_command_line_counts_every_person_of_porto_alegre(poa_files, tmp_path, capsys):
    args = ["access", *[x for k, p in poa_files.items() for x in (f"--{k}", str(p))]]
    args += ["--capability", "pcr", "--mode", "car", "--no-isochrones", "--out", str(tmp_path)]
    assert main(args) == 0
    summary = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    _poa_expectations(summary)
    coverage = pd.read_csv(tmp_path / "coverage_by_district.csv", keep_default_na=False)
    assert_every_person_counted(summary, coverage)
    printed = capsys.readouterr().out
    assert "outside the roads' extent: 1,257" in printed
    assert "not located: 40" in printed


def test_the_demo_city_counts_every_person_in_the_faces(demo_dir, fresh_demo, tmp_path):
    """The demo city: everybody inside the districts; district lines add up to the total."""
    settings = AccessSettings(capability="pcr", travel=Travel(mode="car"))
    task = run_access(fresh_demo, settings, isochrones=False)
    summary = task.summary()
    assert summary["population_total"] == pytest.approx(1_850_000.0, abs=0.5)
    assert summary["outside_roads"] == summary["not_located"] == 0.0
    assert_every_person_counted(summary, task.coverage)

    files = {k: demo_dir / DEMO_FILES[k] for k in ("roads", "facilities", "population")}
    args = ["access", *[x for k, p in files.items() for x in (f"--{k}", str(p))]]
    args += ["--districts", str(demo_dir / DEMO_FILES["districts"]), "--sheet", "facilities"]
    args += ["--capability", "pcr", "--mode", "car", "--no-isochrones", "--out", str(tmp_path)]
    assert main(args) == 0
    cli = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    coverage = pd.read_csv(tmp_path / "coverage_by_district.csv", keep_default_na=False)
    assert_every_person_counted(cli, coverage)
    assert cli["population_report"] == summary["population_report"]
