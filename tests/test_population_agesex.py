"""Population by sex and age band: census tables with sex/age columns, WorldPop age/sex rasters,
and their columns kept through a saved project up to the readiness indicators."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import rasterio
from rasterio.transform import from_origin
from roadkit import LAT0, LON0, make_roads
from shapely.geometry import box

from ccgeo.analysis.readiness import city_indicators
from ccgeo.errors import InputError
from ccgeo.io.population import age_sex_summary, read_population, read_population_table
from ccgeo.io.population.agesex import census_band_column, worldpop_column
from ccgeo.model.capacity import DemandParameters
from ccgeo.model.facilities import Facilities
from ccgeo.project import Project, open_project, save_project

# ---------------------------------------------------------------------------------------------
# column names


@pytest.mark.parametrize(
    ("name", "column"),
    [
        ("pop_f_15_49", "pop_f_15_49"),
        ("female_15_49", "pop_f_15_49"),
        ("F 15-49", "pop_f_15_49"),
        ("Women 15-49", "pop_f_15_49"),
        ("male_65+", "pop_m_65_plus"),
        ("M_80plus", "pop_m_80_plus"),
        ("mujeres 15-49", "pop_f_15_49"),
        ("Hombres 65+", "pop_m_65_plus"),
        ("Mulheres 0 a 4", "pop_f_0_4"),
        ("homens", "pop_m_0_plus"),
        ("mulheres", "pop_f_0_plus"),
        ("FEMALES", "pop_f_0_plus"),
        ("males", "pop_m_0_plus"),
        ("female", "pop_f_0_plus"),
        ("M", None),  # a lone letter is a sex only with a band
        ("population", None),
        ("pop_total", None),
        ("female_49_15", None),  # a band that ends before it starts
        ("female_share", None),
    ],
)
def test_census_column_names(name: str, column: str | None) -> None:
    assert census_band_column(name) == column


@pytest.mark.parametrize(
    ("name", "column"),
    [
        ("ken_f_0_2020.tif", "pop_f_0_0"),
        ("ken_m_1_2020.tif", "pop_m_1_4"),
        ("KEN_F_5_2020_constrained.tif", "pop_f_5_9"),
        ("bra_m_80_2020_UNadj.tiff", "pop_m_80_plus"),
        ("ken_f_3_2020.tif", None),  # WorldPop has no band starting at 3
        ("ken_ppp_2020.tif", None),
        ("ken_f_5_2020.csv", None),
    ],
)
def test_worldpop_file_names(name: str, column: str | None) -> None:
    assert worldpop_column(name) == column


# ---------------------------------------------------------------------------------------------
# census tables


@pytest.fixture
def three_districts() -> gpd.GeoDataFrame:
    """Norte (one polygon), Sul (two polygons, the second three times the first's area) and
    Leste."""
    shapes = [
        box(0.0, 0.0, 0.01, 0.01),
        box(0.0, 0.02, 0.01, 0.03),
        box(0.02, 0.02, 0.05, 0.03),
        box(0.06, 0.0, 0.07, 0.01),
    ]
    frame = {"district_id": ["N", "S1", "S2", "L"], "name": ["Norte", "Sul", "Sul", "Leste"]}
    return gpd.GeoDataFrame(frame, geometry=shapes, crs="EPSG:4326")


def test_census_bands_are_spread_as_the_people_are(tmp_path, three_districts) -> None:
    table = pd.DataFrame(
        {
            "name": ["Norte", "Sul", "Leste"],
            "population": [1000, 800, 500],
            "female_15_49": [300, 200, "abc"],
            "F 50+": [200, 240, 100],
            "male 15-49": [280, 160, 150],
            "M_50plus": [220, -5, 100],
            "female": [500, 440, 250],  # a total beside the bands: not read
        }
    )
    path = tmp_path / "census.csv"
    table.to_csv(path, index=False)
    demand = read_population_table(path, three_districts)
    gdf = demand.gdf.set_index("district_id")
    bands = ["pop_f_15_49", "pop_f_50_plus", "pop_m_15_49", "pop_m_50_plus"]
    assert [c for c in gdf.columns if c.startswith("pop_")] == bands
    assert gdf.loc["N", bands].tolist() == [300, 200, 280, 220]
    # Sul's two polygons share its people by area (1 : 3), and so its people by sex and age
    share = gdf.loc["S1", "population"] / 800
    assert share == pytest.approx(0.25, rel=1e-3)
    expected = [200 * share, 240 * share, 160 * share, 0]
    assert gdf.loc["S1", bands].tolist() == pytest.approx(expected)
    assert gdf.loc[["S1", "S2"], bands].sum().tolist() == pytest.approx([200, 240, 160, 0])
    assert gdf.loc["L", bands].tolist() == [0, 100, 150, 100]
    warnings = " | ".join(demand.warnings)
    assert "census.csv: 1 row has a 'female_15_49' that is not a number" in warnings
    assert "row 4 'Leste'" in warnings
    assert "census.csv: 1 row has a negative 'M_50plus', counted as 0: row 3 'Sul'" in warnings
    assert "'female' (all ages) was not read" in warnings
    assert demand.report is not None
    assert demand.report.warnings == demand.warnings


def test_census_sex_totals_without_bands(tmp_path, three_districts) -> None:
    path = tmp_path / "censo.csv"
    table = {"nome": ["Norte", "Leste"], "populacao": [90, 50]}
    table |= {"mulheres": [50, 30], "homens": [40, 20]}
    pd.DataFrame(table).to_csv(path, index=False)
    gdf = read_population_table(path, three_districts).gdf.set_index("district_id")
    assert gdf.loc["N", ["pop_f_0_plus", "pop_m_0_plus"]].tolist() == [50, 40]
    assert gdf.loc["L", ["pop_f_0_plus", "pop_m_0_plus"]].tolist() == [30, 20]


def test_census_without_sex_columns_has_none(tmp_path, three_districts) -> None:
    path = tmp_path / "census.csv"
    pd.DataFrame({"name": ["Norte"], "population": [10]}).to_csv(path, index=False)
    gdf = read_population_table(path, three_districts).gdf
    assert list(gdf.columns) == ["demand_id", "population", "district_id", "geometry"]
    assert age_sex_summary(gdf.columns) == ""


# ---------------------------------------------------------------------------------------------
# WorldPop age/sex rasters

#: The 3 × 3 grid of the rasters: 0.01 degrees per cell, north-west corner at (10, 1).
GRID = from_origin(10.0, 1.0, 0.01, 0.01)
#: People of each sex and band in the first cell; cell k (0..8, row by row) holds (k + 1) times.
FIRST_CELL = {("f", 0): 1.0, ("f", 1): 4.0, ("f", 5): 5.0, ("f", 80): 2.0}
FIRST_CELL |= {("m", 0): 1.5, ("m", 1): 3.0, ("m", 5): 6.0, ("m", 80): 1.0}
COLUMNS = {
    ("f", 0): "pop_f_0_0",
    ("f", 1): "pop_f_1_4",
    ("f", 5): "pop_f_5_9",
    ("f", 80): "pop_f_80_plus",
    ("m", 0): "pop_m_0_0",
    ("m", 1): "pop_m_1_4",
    ("m", 5): "pop_m_5_9",
    ("m", 80): "pop_m_80_plus",
}
MULTIPLE = np.arange(1.0, 10.0, dtype=np.float32).reshape(3, 3)


def _tif(path: Path, data: np.ndarray, transform=GRID) -> Path:
    profile = {"driver": "GTiff", "width": data.shape[1], "height": data.shape[0], "count": 1}
    profile |= {"dtype": "float32", "crs": "EPSG:4326", "transform": transform, "nodata": -99.0}
    with rasterio.open(path, "w", **profile) as dst:
        dst.write(data.astype(np.float32), 1)
    return path


@pytest.fixture
def worldpop(tmp_path: Path) -> Path:
    folder = tmp_path / "worldpop"
    folder.mkdir()
    for (sex, age), people in FIRST_CELL.items():
        _tif(folder / f"ken_{sex}_{age}_2020_constrained.tif", MULTIPLE * people)
    return folder


def _cell_of(demand_id: str) -> int:
    row, col = demand_id.removeprefix("r").split("_c")
    return 3 * int(row) + int(col)


def test_worldpop_folder_gives_a_column_per_sex_and_band(worldpop) -> None:
    demand = read_population(worldpop)
    gdf = demand.gdf
    assert [c for c in gdf.columns if c.startswith("pop_")] == list(COLUMNS.values())
    assert len(gdf) == 9
    multiple = np.array([_cell_of(d) + 1 for d in gdf["demand_id"]], dtype=float)
    for key, column in COLUMNS.items():
        np.testing.assert_allclose(gdf[column], FIRST_CELL[key] * multiple)
    # without a total raster, the people of a cell are the sum of its bands
    np.testing.assert_allclose(gdf[list(COLUMNS.values())].sum(axis=1), gdf["population"])
    assert demand.total_population == pytest.approx(sum(FIRST_CELL.values()) * 45)
    assert demand.report is not None
    assert demand.report.file == "worldpop"
    assert demand.warnings == ()
    summary = age_sex_summary(gdf.columns)
    assert summary.startswith("8 columns by sex and age: pop_f_0_0, pop_f_1_4")


def test_worldpop_bands_on_the_cells_of_the_total_raster(tmp_path, worldpop) -> None:
    total = _tif(tmp_path / "ken_ppp_2020.tif", MULTIPLE * 30.0)  # the bands add up to 23.5
    demand = read_population(total, age_sex=worldpop)
    gdf = demand.gdf
    multiple = np.array([_cell_of(d) + 1 for d in gdf["demand_id"]], dtype=float)
    np.testing.assert_allclose(gdf["population"], 30.0 * multiple)
    np.testing.assert_allclose(gdf["pop_m_5_9"], 6.0 * multiple)
    assert (
        "the age/sex rasters hold 1,058 people in the cells read, the total raster 1,350"
        in (demand.warnings[-1])
    )


def test_worldpop_bands_of_a_border_cell_are_split_as_its_people(worldpop) -> None:
    # the border between West and East runs through the middle of the grid's second column
    west = box(10.0, 0.97, 10.015, 1.0)
    east = box(10.015, 0.97, 10.03, 1.0)
    districts = gpd.GeoDataFrame(
        {"district_id": ["W", "E"], "name": ["West", "East"]},
        geometry=[west, east],
        crs="EPSG:4326",
    )
    gdf = read_population(worldpop, districts=districts).gdf
    assert len(gdf) == 12  # three cells split in two
    split = gdf[gdf["demand_id"].str.startswith("r0_c1")]
    assert split["population"].tolist() == pytest.approx([23.5, 23.5])
    assert split["pop_f_1_4"].tolist() == pytest.approx([4.0, 4.0])
    np.testing.assert_allclose(gdf[list(COLUMNS.values())].sum(axis=1), gdf["population"])


def test_worldpop_misnamed_file_is_named(worldpop) -> None:
    _tif(worldpop / "kenya females 15.tif", MULTIPLE)
    (worldpop / "readme.txt").write_text("WorldPop age/sex structures")
    demand = read_population(worldpop)
    assert len(demand.warnings) == 1
    assert "'kenya females 15.tif'" not in demand.warnings[0]
    assert "left out: kenya females 15.tif" in demand.warnings[0]
    assert "kenya females 15.tif" in " ".join(demand.report.warnings)


def test_worldpop_grids_that_differ_are_an_error(worldpop) -> None:
    _tif(worldpop / "ken_f_80_2020_constrained.tif", np.ones((4, 3)))
    with pytest.raises(InputError, match=r"ken_f_80_2020_constrained\.tif and ken_f_0_2020"):
        read_population(worldpop)


def test_worldpop_total_on_another_grid_is_an_error(tmp_path, worldpop) -> None:
    total = _tif(tmp_path / "ken_ppp_2020.tif", MULTIPLE, transform=from_origin(10, 1, 0.02, 0.02))
    with pytest.raises(InputError, match=r"ken_f_0_2020_constrained\.tif and ken_ppp_2020\.tif"):
        read_population(total, age_sex=worldpop)


def test_worldpop_two_files_of_one_band_are_an_error(worldpop) -> None:
    _tif(worldpop / "ken_f_5_2019.tif", MULTIPLE)
    with pytest.raises(InputError, match=r"both hold pop_f_5_9"):
        read_population(worldpop)


def test_folder_without_worldpop_rasters_is_an_error(tmp_path) -> None:
    _tif(tmp_path / "population.tif", MULTIPLE)
    with pytest.raises(InputError, match="holds no WorldPop age/sex raster"):
        read_population(tmp_path)


# ---------------------------------------------------------------------------------------------
# read → project → saved → indicators

#: Nodes every 10 minutes by car (25 km/h) on a line; the lab is at node 0.
KMH, MINUTES, DEG = 25.0, 10.0, 0.004
LINE = np.array([(LON0 + DEG * MINUTES * i, LAT0) for i in range(10)])


def _district_at(node: int) -> object:
    lon, lat = LINE[node]
    return box(lon - 0.001, lat - 0.001, lon + 0.001, lat + 0.001)


def test_census_bands_reach_the_indicators_of_a_saved_project(tmp_path) -> None:
    # A at node 1 (10 min), B at node 3 (30 min), C at node 9 (90 min, beyond 60)
    districts = gpd.GeoDataFrame(
        {"district_id": ["A", "B", "C"], "name": ["A", "B", "C"]},
        geometry=[_district_at(1), _district_at(3), _district_at(9)],
        crs="EPSG:4326",
    )
    path = tmp_path / "census.csv"
    pd.DataFrame(
        {
            "name": ["A", "B", "C"],
            "population": [100, 200, 350],  # 300 would be read as the total of A and B
            "women 15-49": [60, 50, 100],
            "women 50+": [0, 50, 100],
            "men 15-49": [40, 100, 100],
            "men 50+": [0, 0, 50],
        }
    ).to_csv(path, index=False)
    edges = [(i, i + 1) for i in range(len(LINE) - 1)]
    metres = MINUTES * KMH * 1000.0 / 60.0
    lab = {"facility_id": "L1", "lon": LINE[0, 0], "lat": LINE[0, 1], "ihc": True}
    project = Project(
        name="Census city",
        roads=make_roads(LINE, edges, length_m=[metres] * len(edges)),
        facilities=Facilities.from_records([lab]),
        demand=read_population_table(path, districts),
        districts=districts,
    )
    reopened = open_project(save_project(project, tmp_path / "city.ccgeo"))
    assert "pop_f_50_plus" in reopened.demand.gdf.columns
    params = DemandParameters(incidence_per_100k=100.0, eligible_fraction={"ihc": 1.0}, basis={})
    table = city_indicators(reopened, tests=["ihc"], demand_parameters=params)
    values = table[table["quality"] == "any"].set_index("indicator")["value"]
    # women: 60 + 50 + 50 of 360 covered; men: 40 + 100 of 290; 15-49: 250 of 450; 50+: 50 of 200
    assert values["coverage_60min_sex_f"] == pytest.approx(160 / 360 * 100)
    assert values["coverage_60min_sex_m"] == pytest.approx(140 / 290 * 100)
    assert values["coverage_60min_age_15_49"] == pytest.approx(250 / 450 * 100)
    assert values["coverage_60min_age_50_plus"] == pytest.approx(50 / 200 * 100)
