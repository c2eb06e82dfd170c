"""Exact zonal statistics: a raster cell on a district border is split by the share of its area
in each district (exactextract's coverage fraction), so that district totals equal
exactextract's ``sum`` and every person of the raster is counted once.

The synthetic raster has hand-computable shares: 4 x 4 cells of 0.01°, districts drawn through
the middle of cells. The Malawi test clips the national 1 km WorldPop raster to a window cut
into Voronoi districts.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import rasterio
import shapely
from exactextract import exact_extract
from rasterio.transform import from_origin

import ccgeo
from ccgeo.io.population import assign_districts, read_population, study_area_of
from ccgeo.io.population.zonal import zonal_population

WEST, NORTH, STEP = 34.0, -8.0, 0.01
#: people per cell, row 0 at the top
DATA = np.arange(1, 17, dtype=np.float64).reshape(4, 4)
#: A: column 0 and the west 3/10 of column 1. B: the south 3/10 of row 2 and row 3, from there
#: eastwards. No border passes through a cell centre.
SHARE_A = np.array([[1, 0.3, 0, 0]] * 4, dtype=np.float64)
SHARE_B = np.array(
    [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0.21, 0.3, 0.3], [0, 0.7, 1, 1]], dtype=np.float64
)


def _raster(path: Path, data: np.ndarray = DATA) -> Path:
    with rasterio.open(
        path,
        "w",
        driver="GTiff",
        height=data.shape[0],
        width=data.shape[1],
        count=1,
        dtype="float32",
        crs="EPSG:4326",
        transform=from_origin(WEST, NORTH, STEP, STEP),
        nodata=-99999.0,
    ) as dst:
        dst.write(data.astype("float32"), 1)
    return path


def _districts(*boxes: tuple[float, float, float, float]) -> gpd.GeoDataFrame:
    ids = [chr(ord("A") + i) for i in range(len(boxes))]
    return gpd.GeoDataFrame(
        {"district_id": ids, "name": ids}, geometry=[shapely.box(*b) for b in boxes], crs=4326
    )


def _a_and_b() -> gpd.GeoDataFrame:
    return _districts(
        (WEST, NORTH - 0.04, WEST + 0.013, NORTH),
        (WEST + 0.013, NORTH - 0.04, WEST + 0.04, NORTH - 0.027),
    )


def _by_district(demand: ccgeo.Demand) -> dict[str, float]:
    return demand.gdf.groupby("district_id")["population"].sum().to_dict()


def _exactextract_sums(path: Path, districts: gpd.GeoDataFrame) -> dict[str, float]:
    found = exact_extract(
        str(path), districts, "sum", include_cols=["district_id"], output="pandas"
    )
    return dict(zip(found["district_id"], found["sum"], strict=True))


def test_border_cells_are_split_by_their_share_of_area(tmp_path: Path) -> None:
    path = _raster(tmp_path / "pop.tif")
    districts = _a_and_b()
    demand = read_population(path, districts=districts)
    totals = _by_district(demand)
    a, b = (DATA * SHARE_A).sum(), (DATA * SHARE_B).sum()
    assert totals == {
        "A": pytest.approx(a),
        "B": pytest.approx(b),
        "": pytest.approx(DATA.sum() - a - b),
    }
    peer = _exactextract_sums(path, districts)
    for district_id, people in peer.items():
        assert totals[district_id] == pytest.approx(people, rel=1e-3)
    assert demand.total_population == pytest.approx(DATA.sum(), abs=1e-6)
    assert demand.population_report.located_people == pytest.approx(DATA.sum(), abs=1e-6)

    # the cell in row 2, column 1 (10 people) is in three parts: A 0.3, B 0.21, none 0.49
    parts = demand.gdf[demand.gdf["demand_id"].str.startswith("r2_c1:")]
    assert dict(zip(parts["district_id"], parts["population"], strict=True)) == {
        "A": pytest.approx(3.0),
        "B": pytest.approx(2.1),
        "": pytest.approx(4.9),
    }
    assert sorted(parts["demand_id"]) == ["r2_c1:", "r2_c1:A", "r2_c1:B"]
    # whole cells keep their id and their centre; each part lies in its district
    whole = demand.gdf[demand.gdf["demand_id"] == "r0_c0"]
    assert whole.geometry.x.iloc[0] == pytest.approx(WEST + 0.005)
    assert demand.gdf["demand_id"].is_unique
    assert (assign_districts(demand.gdf, districts) == demand.gdf["district_id"]).all()


def test_overlapping_districts_give_the_shared_part_to_the_one_listed_first(
    tmp_path: Path,
) -> None:
    """A covers columns 0 and 1.5; B covers columns 1..3 (all rows): half of column 1 is in
    both, and goes to A."""
    path = _raster(tmp_path / "pop.tif")
    both = _districts(
        (WEST, NORTH - 0.04, WEST + 0.015, NORTH), (WEST + 0.01, NORTH - 0.04, WEST + 0.04, NORTH)
    )
    demand = read_population(path, districts=both)
    column = DATA.sum(axis=0)
    assert _by_district(demand) == {
        "A": pytest.approx(column[0] + column[1] / 2),
        "B": pytest.approx(column[1] / 2 + column[2] + column[3]),
    }
    report = demand.population_report
    assert (report.overlap_rows, report.overlap_people) == (4, pytest.approx(column[1] / 2))
    assert demand.total_population == pytest.approx(DATA.sum(), abs=1e-6)
    # exactextract counts the overlap in both: a catchment total, not a split
    people = zonal_population(path, both)
    assert people.tolist() == pytest.approx([column[0] + column[1] / 2, column[1:].sum()])


def test_a_study_area_cuts_border_cells_by_share_and_counts_the_rest_outside(
    tmp_path: Path,
) -> None:
    """The study area is the districts' union: the cells whose centre lies outside it keep their
    parts inside a district; the rest of them is counted outside the study area."""
    path = _raster(tmp_path / "pop.tif")
    districts = _a_and_b()
    demand = read_population(
        path, districts=districts, study_area=study_area_of(districts=districts)
    )
    totals = _by_district(demand)
    a, b = (DATA * SHARE_A).sum(), (DATA * SHARE_B).sum()
    assert totals["A"] == pytest.approx(a)
    assert totals["B"] == pytest.approx(b)
    # every cell straddling the union's edge has its centre outside it: no part in no district
    assert "" not in totals
    assert demand.total_population == pytest.approx(a + b)
    report = demand.population_report
    assert report.people_in_file == pytest.approx(DATA.sum())
    assert demand.total_population + report.outside_people == pytest.approx(DATA.sum(), abs=1e-6)
    assert report.located_people == pytest.approx(demand.total_population, abs=1e-6)
    assert any("border cells" in w for w in demand.warnings)


def test_districts_in_another_crs_get_the_same_totals(tmp_path: Path) -> None:
    path = _raster(tmp_path / "pop.tif")
    districts = _a_and_b()
    utm = read_population(path, districts=districts.to_crs(32736))
    lonlat = read_population(path, districts=districts)
    for key, people in _by_district(lonlat).items():
        assert _by_district(utm)[key] == pytest.approx(people, rel=1e-3)
    assert utm.total_population == pytest.approx(DATA.sum(), abs=1e-6)


def test_zonal_population_counts_shares_and_skips_nodata(tmp_path: Path) -> None:
    data = DATA.copy()
    data[0, 0] = -99999.0  # nodata
    data[0, 1] = -5.0  # negative: counted as 0, like the readers do
    path = _raster(tmp_path / "pop.tif", data)
    districts = _a_and_b()
    districts.loc[2] = ["C", "C", shapely.Polygon()]
    people = ccgeo.zonal_population(path, districts)
    clean = np.where(data > 0, data, 0)
    assert people.name == "population"
    assert people.tolist() == pytest.approx([(clean * SHARE_A).sum(), (clean * SHARE_B).sum(), 0.0])


@pytest.mark.shared_data
def test_malawi_window_totals_equal_exactextract(shared_data: Path, tmp_path: Path) -> None:
    """Eight Voronoi districts over a window around Lilongwe: the district totals equal
    exactextract's to 0.1 %, and every person of the window is in a district."""
    path = shared_data / "malawi_national" / "WP_2020_1km_STD.tif"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    districts = malawi_districts()
    demand = read_population(
        path, districts=districts, study_area=study_area_of(districts=districts)
    )
    totals = _by_district(demand)
    peer = _exactextract_sums(path, districts)
    for district_id, people in peer.items():
        assert totals[district_id] == pytest.approx(people, rel=1e-3), district_id
    assert "" not in totals
    report = demand.population_report
    assert demand.total_population == pytest.approx(sum(peer.values()), abs=0.5)
    assert (
        demand.total_population + report.outside_people + report.not_located_people
        == pytest.approx(report.people_in_file, abs=0.5)
    )
    zonal = ccgeo.zonal_population(path, districts)
    assert zonal.tolist() == pytest.approx([peer[d] for d in districts["district_id"]], rel=1e-6)


def malawi_districts(seed: int = 10) -> gpd.GeoDataFrame:
    """Eight Voronoi districts over lon 33.5..34.1, lat -14.2..-13.6 (Lilongwe), in
    EPSG:4326, with borders that cut through the 1 km cells."""
    rng = np.random.default_rng(seed)
    window = shapely.box(33.5, -14.2, 34.1, -13.6)
    seeds = shapely.multipoints(
        np.column_stack([rng.uniform(33.5, 34.1, 8), rng.uniform(-14.2, -13.6, 8)])
    )
    cells = shapely.get_parts(shapely.voronoi_polygons(seeds, extend_to=window))
    cells = shapely.intersection(cells, window)
    ids = [f"D{i + 1}" for i in range(len(cells))]
    return gpd.GeoDataFrame({"district_id": ids, "name": ids}, geometry=list(cells), crs=4326)


def test_a_cell_whose_centre_is_in_the_study_area_counts_whole(tmp_path: Path) -> None:
    """As before the split, a cell whose centre lies in the study area is counted whole in it:
    a national raster's border cell holds the people of that country only. District A covers
    the west 7/10 of column 0, centres included; it is also the study area."""
    path = _raster(tmp_path / "pop.tif")
    only_a = _districts((WEST, NORTH - 0.04, WEST + 0.007, NORTH))
    area = study_area_of(districts=only_a)
    demand = read_population(path, districts=only_a, study_area=area)
    assert _by_district(demand) == {"A": pytest.approx(DATA[:, 0].sum())}
    assert demand.gdf["demand_id"].tolist() == ["r0_c0", "r1_c0", "r2_c0", "r3_c0"]
    report = demand.population_report
    assert report.outside_people == pytest.approx(DATA[:, 1:].sum())
    # exactextract counts 7/10 of each cell: the one place where the totals differ
    assert zonal_population(path, only_a).iloc[0] == pytest.approx(0.7 * DATA[:, 0].sum())
