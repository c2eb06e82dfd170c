"""Facility import on the real registries in ../shared/data (skipped when they are absent)."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest

from ccgeo.io.facilities import read_facilities

pytestmark = pytest.mark.shared_data


@pytest.fixture(scope="module")
def nairobi_area(shared_data):
    return gpd.read_file(shared_data / "nairobi" / "nairobi_boundary_derived.geojson").union_all()


@pytest.fixture(scope="module")
def porto_alegre_area(shared_data):
    path = shared_data / "porto_alegre" / "porto_alegre_boundary_derived.geojson"
    return gpd.read_file(path).union_all()


def _swap_warnings(fac):
    return [i for i in fac.report.issues if i.severity == "warning" and "swapped" in i.problem]


def _check_kmhfl(fac):
    rep = fac.report
    assert rep.n_rows == 1005
    assert rep.n_imported == 826
    assert rep.n_rejected == 179
    assert {i.problem for i in rep.rejected} == {"no location"}
    assert len(_swap_warnings(fac)) == 1
    lon, lat = fac.lonlat().T
    # un-swapped: Nairobi is at about 36.8 E, 1.3 S
    assert lon.min() > 36.6
    assert lon.max() < 37.2
    assert lat.min() > -1.5
    assert lat.max() < -1.1
    assert rep.mapping["facility_id"] == "code"
    assert set(fac.gdf["ownership"]) == {"private", "public", "ngo", "faith_based"}


def test_kmhfl_json_swap_fixed_with_study_area(shared_data, nairobi_area):
    path = shared_data / "nairobi" / "kmhfl_nairobi_county_2020-05-20.json"
    fac = read_facilities(path, study_area=nairobi_area)
    _check_kmhfl(fac)
    assert "study area" in _swap_warnings(fac)[0].problem
    # a few clinics sit just across the city boundary: kept, flagged for review
    doubtful = fac.report.doubtful
    assert all("outside the study area" in i.problem for i in doubtful)
    assert int(fac.gdf["review"].sum()) == len({i.row for i in doubtful})


def test_kmhfl_json_swap_fixed_with_land_mask(shared_data):
    fac = read_facilities(shared_data / "nairobi" / "kmhfl_nairobi_county_2020-05-20.json")
    _check_kmhfl(fac)
    assert "sea" in _swap_warnings(fac)[0].problem
    assert "lat = 'long'" in _swap_warnings(fac)[0].fix


def test_kmhfl_derived_csv_not_swapped(shared_data):
    fac = read_facilities(shared_data / "nairobi" / "nairobi_kmhfl_facilities_derived.csv")
    assert fac.report.n_imported == 826
    assert fac.report.issues == []
    assert fac.gdf["review"].sum() == 0
    assert fac.lonlat()[:, 0].min() > 36.6


def test_kmhfl_same_facilities_both_ways(shared_data):
    raw = read_facilities(shared_data / "nairobi" / "kmhfl_nairobi_county_2020-05-20.json")
    flat = read_facilities(shared_data / "nairobi" / "nairobi_kmhfl_facilities_derived.csv")
    a = raw.gdf.set_index("facility_id").geometry
    b = flat.gdf.set_index("facility_id").geometry
    assert set(a.index) == set(b.index)
    np.testing.assert_allclose(a.loc[b.index].x, b.x)
    np.testing.assert_allclose(a.loc[b.index].y, b.y)


def test_kenya_moh_geojson_missing_locations_reported(shared_data):
    # the 47 features without geometry also have null LAT/LONG attributes: none can be recovered
    fac = read_facilities(
        shared_data / "nairobi" / "kenya_health_facilities_moh_nairobi_area.geojson"
    )
    rep = fac.report
    assert rep.n_rows == 155
    assert rep.n_imported == 108
    assert rep.n_rejected == 47
    assert {i.problem for i in rep.rejected} == {"no location"}
    assert not [i for i in rep.issues if i.severity == "fixed"]
    assert rep.mapping["lon"] == "__lon"
    assert rep.mapping["name"] == "F_NAME"
    assert rep.mapping["ownership"] == "AGENCY"
    assert set(fac.gdf["ownership"]) <= {"public", "faith_based", "ngo"}
    assert "LAT" in fac.extra_columns


def test_porto_alegre_outlier_rejected_with_study_area(shared_data, porto_alegre_area):
    path = shared_data / "porto_alegre" / "porto_alegre_ubs_derived.csv"
    fac = read_facilities(path, study_area=porto_alegre_area)
    rep = fac.report
    assert rep.n_imported == 147
    assert len(rep.rejected) == 1
    outlier = rep.rejected[0]
    assert "km outside the study area" in outlier.problem
    # the file's own point-in-polygon flag agrees
    assert set(fac.gdf["inside_municipality"]) == {"1"}
    # CO_CNES "0" is the export's placeholder for an unknown code: new ids, not duplicates
    placeholders = [i for i in rep.issues if "placeholder" in i.problem]
    assert len(placeholders) == 5
    assert all(i.severity == "fixed" for i in placeholders)
    assert not any("-dup" in fid for fid in fac.gdf["facility_id"])
    assert rep.mapping == {
        "facility_id": "CO_CNES",
        "name": "NOME",
        "lon": "LONGITUDE",
        "lat": "LATITUDE",
    }
    assert not _swap_warnings(fac)


def test_porto_alegre_outlier_flagged_without_study_area(shared_data):
    fac = read_facilities(shared_data / "porto_alegre" / "porto_alegre_ubs_derived.csv")
    rep = fac.report
    assert rep.n_imported == 148
    outliers = [i for i in rep.doubtful if "median location" in i.problem]
    assert len(outliers) == 1
    row = fac.gdf.loc[fac.gdf["facility_id"] == outliers[0].facility_id].iloc[0]
    assert row["inside_municipality"] == "0"
    assert row["review"]
