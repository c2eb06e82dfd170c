"""ccgeo.io.population on the real city files in ../shared/data (skipped when absent)."""

from __future__ import annotations

import re
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import rasterio
import shapely

from ccgeo.errors import InputError
from ccgeo.io.population import (
    read_districts,
    read_population,
    read_population_table,
    study_area_of,
)

pytestmark = pytest.mark.shared_data


@pytest.fixture(scope="module")
def nairobi_wards(shared_data: Path) -> gpd.GeoDataFrame:
    return read_districts(shared_data / "nairobi" / "nairobi_wards.geojson")


def test_nairobi_wards(nairobi_wards: gpd.GeoDataFrame) -> None:
    assert len(nairobi_wards) == 84
    assert nairobi_wards.attrs["id_column"] == "ward_code"
    assert nairobi_wards.attrs["name_column"] == "ward_name"
    assert nairobi_wards["district_id"].is_unique
    assert "KITISURU" in set(nairobi_wards["name"])
    assert nairobi_wards["constituency_name"].nunique() == 17
    assert nairobi_wards.is_valid.all()


def test_nairobi_census_table_against_constituencies(
    shared_data: Path, nairobi_wards: gpd.GeoDataFrame, tmp_path: Path
) -> None:
    constituencies = nairobi_wards.dissolve(by="constituency_name", as_index=False)[
        ["constituency_name", "geometry"]
    ]
    path = tmp_path / "constituencies.gpkg"
    constituencies.to_file(path, layer="constituencies")
    districts = read_districts(path, name_column="constituency_name")
    assert len(districts) == 17

    table = shared_data / "nairobi" / "nairobi_subcounty_population_2019.csv"
    demand = read_population_table(table, districts)
    matched = dict(
        zip(
            districts.set_index("district_id").loc[demand.gdf["district_id"], "name"],
            demand.gdf["population"],
            strict=True,
        )
    )
    assert matched == {
        "KAMUKUNJI": 268276.0,
        "KASARANI": 780656.0,
        "KIBRA": 185777.0,
        "LANGATA": 197489.0,
        "MAKADARA": 189536.0,
        "MATHARE": 206564.0,
        "STAREHE": 210423.0,
        "WESTLANDS": 308854.0,
    }
    text = "\n".join(demand.warnings)
    # the county total is recognised and left out
    assert "row 2 'NAIROBI CITY' (4,397,073 people) is the total of the other rows" in text
    # the unmatched census sub-counties, with a hint at the polygons to merge
    assert "3 table rows match no district polygon and were left out (2,049,498 people)" in text
    assert "DAGORETTI (434,208 people; maybe DAGORETTI NORTH + DAGORETTI SOUTH" in text
    assert "NJIRU (626,482 people)" in text
    # the constituencies without census row
    assert "9 districts have no row in the table and get no population: DAGORETTI NORTH" in text
    for geom, did in zip(demand.gdf.geometry, demand.gdf["district_id"], strict=True):
        assert districts.set_index("district_id").geometry[did].contains(geom)


def test_porto_alegre_hexgrid(shared_data: Path) -> None:
    folder = shared_data / "porto_alegre"
    boundary = read_districts(folder / "porto_alegre_boundary_derived.geojson")
    municipalities = read_districts(folder / "geojs-43-mun.json")
    assert len(municipalities) == 496
    demand = read_population(
        folder / "poa_hexgrid.csv",
        study_area=study_area_of(districts=boundary),
        districts=municipalities,
    )
    # hexagon centres on the Guaíba shore fall just outside the municipal polygon
    outside = [w for w in demand.warnings if "outside the study area" in w]
    assert len(outside) == 1
    n_out, people_out = re.match(r"(\d+) points with ([\d,]+) people", outside[0]).groups()
    assert demand.total_population + float(people_out.replace(",", "")) == 812_935
    assert len(demand) + int(n_out) == 1124  # 1,227 hexagons, 103 of them with nobody
    assert 0 < int(n_out) < 20
    assert demand.gdf["demand_id"].str.match(r"^89a9[0-9a-f]{11}$").all()
    assert set(demand.gdf["district_id"]) == {"4314902"}  # the IBGE code of Porto Alegre
    assert "103 points have 0 people and are not demand; left out" in demand.warnings

    # without a study area nobody is left out
    whole = read_population(folder / "poa_hexgrid.csv")
    assert whole.total_population == 812_935
    assert len(whole) == 1124


def test_malawi_raster_whole_and_window(shared_data: Path) -> None:
    path = shared_data / "malawi_national" / "WP_2020_1km_STD.tif"
    whole = read_population(path)
    with rasterio.open(path) as src:
        data = src.read(1)
    assert whole.total_population == pytest.approx(
        float(data[data > 0].sum(dtype=np.float64)), rel=1e-9
    )
    assert whole.total_population == pytest.approx(26.30e6, rel=0.001)
    assert whole.cell_size_m == pytest.approx(914, abs=5)

    lilongwe = shapely.box(33.6, -14.1, 33.9, -13.8)
    window = read_population(path, study_area=lilongwe)
    inside = shapely.contains_xy(lilongwe, whole.gdf.geometry.x, whole.gdf.geometry.y)
    assert len(window) == int(inside.sum())
    assert window.total_population == pytest.approx(
        whole.gdf.loc[inside, "population"].sum(), rel=1e-12
    )
    assert set(window.gdf["demand_id"]) == set(whole.gdf.loc[inside, "demand_id"])


def test_malawi_raster_for_nairobi_is_refused(
    shared_data: Path, nairobi_wards: gpd.GeoDataFrame
) -> None:
    path = shared_data / "malawi_national" / "WP_2020_1km_STD.tif"
    with pytest.raises(
        InputError,
        match=r"covers lon 32\.7\.\.35\.9, lat -17\.1\.\.-9\.4; the study area is "
        r"lon 36\.7\.\.37\.1, lat -1\.4\.\.-1\.2: choose a raster of this area",
    ):
        read_population(path, study_area=study_area_of(districts=nairobi_wards))
