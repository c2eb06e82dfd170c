"""Unit tests of the facility import on tiny synthetic files."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import openpyxl
import pandas as pd
import pytest
import shapely

from ccgeo.errors import Cancelled, InputError
from ccgeo.io.facilities import (
    FIELDS,
    facilities_from_frame,
    guess_mapping,
    load_mapping,
    read_facilities,
    read_raw,
)
from ccgeo.model.schema import (
    ACCREDITATIONS,
    CAPABILITIES,
    EQA_LEVELS,
    FACILITY_COLUMNS,
    OWNERSHIPS,
)

# a small square around central Nairobi, degrees
NAIROBI_BOX = (36.70, -1.40, 37.05, -1.15)


def write(tmp_path: Path, text: str, *, name: str = "labs.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def issues_of(fac, severity: str | None = None) -> pd.DataFrame:
    frame = fac.report.to_frame()
    return frame if severity is None else frame[frame["severity"] == severity]


def assert_accounted(fac) -> None:
    rep = fac.report
    assert rep.n_rows == rep.n_imported + rep.n_rejected
    assert len(fac) == rep.n_imported


BASIC = (
    "id,name,lat,lon,ihc,pcr\n"
    "L1,Kenyatta Hospital,-1.3010,36.8070,yes,no\n"
    "L2,Aga Khan,-1.2620,36.8240,sí,x\n"
)


# --- formats ---------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "latin-1"])
@pytest.mark.parametrize("delim", [",", ";", "\t"])
def test_csv_encodings_and_delimiters(tmp_path, encoding, delim):
    header = delim.join(["código", "nombre", "latitud", "longitud"])
    text = header + "\n" + delim.join(["A1", "Clínica São José", "-1.28", "36.82"]) + "\n"
    fac = read_facilities(write(tmp_path, text, encoding=encoding))
    assert fac.gdf["name"].tolist() == ["Clínica São José"]
    assert fac.gdf["facility_id"].tolist() == ["A1"]
    assert fac.lonlat().tolist() == [[36.82, -1.28]]


def test_xlsx_chosen_sheet_and_row_numbers(tmp_path):
    path = tmp_path / "labs.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "notes"
    book.active.append(["nothing here"])
    sheet = book.create_sheet("labs")
    sheet.append([])  # a blank first row: the header is row 2 of the sheet
    sheet.append(["ID", "Nome", "LATITUDE", "LONGITUDE"])
    sheet.append(["A", "Lab A", -30.03, -51.21])
    sheet.append(["B", "Lab B", None, None])
    book.save(path)
    fac = read_facilities(path, sheet="labs")
    assert len(fac) == 1
    assert fac.report.rejected[0].row == 4
    assert fac.report.sheet == "labs"
    with pytest.raises(InputError, match=r"no sheet named 'missing'.*\['notes', 'labs'\]"):
        read_facilities(path, sheet="missing")


def test_ods(tmp_path):
    path = tmp_path / "labs.ods"
    pd.DataFrame(
        {"nom": ["Labo Dakar"], "latitude": ["14,6928"], "longitude": ["-17,4467"], "ngs": ["oui"]}
    ).to_excel(path, engine="odf", index=False)
    fac = read_facilities(path)
    assert fac.gdf["ngs"].tolist() == [True]
    np.testing.assert_allclose(fac.lonlat(), [[-17.4467, 14.6928]])


def test_json_records_kmhfl_style(tmp_path):
    payload = {
        "count": 2,
        "results": [
            {
                "code": 1,
                "name": "A",
                "lat": "36.86",
                "long": "-1.25",
                "owner_type_name": "Ministry of Health",
            },
            {
                "code": 2,
                "name": "B",
                "lat": None,
                "long": None,
                "owner_type_name": "Private Practice",
            },
        ],
    }
    path = write(tmp_path, json.dumps(payload), name="kmhfl.json")
    fac = read_facilities(path, study_area=NAIROBI_BOX)
    assert fac.report.n_rows == 2
    assert fac.report.rejected[0].row == 2  # JSON rows are 1-based record numbers
    np.testing.assert_allclose(fac.lonlat(), [[36.86, -1.25]])
    assert fac.gdf["ownership"].tolist() == ["public"]


def test_geojson_points_with_null_geometry_recovered_from_attributes(tmp_path):
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [36.8, -1.3]},
            "properties": {"F_NAME": "A", "LAT": -1.3, "LONG": 36.8},
        },
        {
            "type": "Feature",
            "geometry": None,
            "properties": {"F_NAME": "B", "LAT": -1.29, "LONG": 36.81},
        },
        {
            "type": "Feature",
            "geometry": None,
            "properties": {"F_NAME": "C", "LAT": None, "LONG": None},
        },
    ]
    path = write(
        tmp_path, json.dumps({"type": "FeatureCollection", "features": features}), name="f.geojson"
    )
    raw = read_raw(path)
    assert {"__lon", "__lat"} <= set(raw.columns)
    fac = read_facilities(path)
    assert fac.gdf["name"].tolist() == ["A", "B"]
    assert fac.report.mapping["lon"] == "__lon"
    fixed = issues_of(fac, "fixed")
    assert fixed["row"].tolist() == [2]
    assert "'LONG'/'LAT'" in fixed["problem"].iloc[0]
    assert fac.report.rejected[0].row == 3
    assert fac.report.rejected[0].problem == "no location"


@pytest.mark.parametrize("suffix", [".gpkg", ".shp"])
def test_gis_point_layers_reprojected(tmp_path, suffix):
    gdf = gpd.GeoDataFrame(
        {"nombre": ["Hospital", "Clínica"], "clues": ["OCSSA1", "OCSSA2"]},
        geometry=gpd.points_from_xy([-96.72, -96.70], [17.06, 17.08]),
        crs="EPSG:4326",
    ).to_crs("EPSG:32614")
    path = tmp_path / f"labs{suffix}"
    gdf.to_file(path, layer="labs" if suffix == ".gpkg" else None)
    fac = read_facilities(path)
    np.testing.assert_allclose(fac.lonlat(), [[-96.72, 17.06], [-96.70, 17.08]], atol=1e-6)
    assert fac.gdf["facility_id"].tolist() == ["OCSSA1", "OCSSA2"]
    assert fac.gdf["name"].tolist() == ["Hospital", "Clínica"]


def test_gpkg_layer_choice_and_polygons(tmp_path):
    path = tmp_path / "labs.gpkg"
    pts = gpd.GeoDataFrame({"name": ["p"]}, geometry=gpd.points_from_xy([10.0], [5.0]), crs=4326)
    polys = gpd.GeoDataFrame(
        {"name": ["footprint"]}, geometry=[shapely.box(10, 5, 10.01, 5.01)], crs=4326
    )
    pts.to_file(path, layer="points")
    polys.to_file(path, layer="buildings")
    fac = read_facilities(path, layer="buildings")
    assert fac.gdf["name"].tolist() == ["footprint"]
    assert shapely.box(10, 5, 10.01, 5.01).contains(fac.gdf.geometry.iloc[0])
    assert "not points (Polygon)" in fac.report.warnings[0].problem
    with pytest.raises(InputError, match=r"no layer named 'x'.*'points'"):
        read_raw(path, layer="x")


# --- column guessing and mappings -----------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "field"),
    [
        ("lat", "lat"),
        ("latitude", "lat"),
        ("Latitud", "lat"),
        ("y", "lat"),
        ("LATITUDE", "lat"),
        ("lon", "lon"),
        ("lng", "lon"),
        ("long", "lon"),
        ("Longitud", "lon"),
        ("x", "lon"),
        ("nombre", "name"),
        ("nome", "name"),
        ("nom", "name"),
        ("F_NAME", "name"),
        ("facility_name", "name"),
        ("NOME", "name"),
        ("Facility Name", "name"),
        ("id", "facility_id"),
        ("code", "facility_id"),
        ("Código", "facility_id"),
        ("CO_CNES", "facility_id"),
        ("clues", "facility_id"),
        ("mfl_code", "facility_id"),
        ("propiedad", "ownership"),
        ("owner_type", "ownership"),
        ("Inmunohistoquímica", "ihc"),
        ("PCR available", "pcr"),
        ("LATITUDE_WGS84", "lat"),
        ("Évaluation externe de la qualité", "eqa"),
        ("Capacidad (pruebas/año)", "capacity_tests_per_year"),
    ],
)
def test_guess_mapping_names(column, field):
    assert guess_mapping([column]).get(field) == column


def test_guess_mapping_never_maps_one_column_twice():
    mapping = guess_mapping(["__lon", "__lat", "LAT", "LONG", "county_name", "name", "owner_name"])
    assert mapping["lon"] == "__lon"
    assert mapping["lat"] == "__lat"
    assert mapping["name"] == "name"
    assert len(set(mapping.values())) == len(mapping)
    assert "county_name" not in mapping.values()
    assert set(mapping) <= set(FIELDS)


def test_load_mapping_formats(tmp_path):
    toml = write(tmp_path, '[columns]\nlat = "Y_COORD"\nlon = "X_COORD"\n', name="m.toml")
    flat = write(tmp_path, 'lat = "Y_COORD"\nlon = "X_COORD"\n', name="flat.toml")
    js = write(
        tmp_path, json.dumps({"columns": {"lat": "Y_COORD", "lon": "X_COORD"}}), name="m.json"
    )
    expected = {"lat": "Y_COORD", "lon": "X_COORD"}
    assert load_mapping(toml) == load_mapping(flat) == load_mapping(js) == expected
    bad = write(tmp_path, 'latitude = "Y"\n', name="bad.toml")
    with pytest.raises(InputError, match=r"unknown fields \['latitude'\]"):
        load_mapping(bad)
    broken = write(tmp_path, "lat = \n", name="broken.toml")
    with pytest.raises(InputError, match="not a valid TOML column mapping"):
        load_mapping(broken)


def test_explicit_mapping_overrides_field_by_field(tmp_path):
    path = write(tmp_path, "code,name,site,Y_COORD,X_COORD\n7,Lab,Main,-1.3,36.8\n")
    mapping_file = write(
        tmp_path, 'lat = "Y_COORD"\nlon = "X_COORD"\nname = "site"\n', name="m.toml"
    )
    fac = read_facilities(path, mapping=mapping_file)
    assert fac.gdf["name"].tolist() == ["Main"]
    assert fac.gdf["facility_id"].tolist() == ["7"]  # still guessed
    assert fac.gdf["name (source)"].tolist() == ["Lab"]  # the unmapped "name" column is kept
    fac = read_facilities(path, mapping={"lat": "y_coord", "lon": "x_coord", "facility_id": ""})
    assert fac.gdf["facility_id"].tolist() == ["row-2"]  # "" switches the guess off
    with pytest.raises(InputError, match=r"lat = 'LATITUDE'.*no such column.*\['code', 'name'"):
        read_facilities(path, mapping={"lat": "LATITUDE"})
    with pytest.raises(InputError, match="column 'Y_COORD' to both lat and lon"):
        read_facilities(path, mapping={"lat": "Y_COORD", "lon": "Y_COORD"})


# --- coordinates ----------------------------------------------------------------------------


def test_coordinate_formats_and_bad_values(tmp_path):
    text = (
        "id;name;lat;lon\n"
        "a;decimal comma;-30,0346;-51,2177\n"
        "b;dms;30°2'4.5\"S;51°13'W\n"
        "c;junk;north;-51.2\n"
        "d;blank;;\n"
        "e;half;-30.1;\n"
    )
    fac = read_facilities(write(tmp_path, text))
    np.testing.assert_allclose(
        fac.lonlat(), [[-51.2177, -30.0346], [-(51 + 13 / 60), -(30 + 2 / 60 + 4.5 / 3600)]]
    )
    rej = issues_of(fac, "rejected").set_index("row")
    assert "'north' is not a coordinate" in rej.loc[4, "problem"]
    assert rej.loc[4, "value"] == "north"
    assert rej.loc[5, "problem"] == "no location"
    assert rej.loc[5, "fix"] == "fill lat/lon or geocode the address"
    assert rej.loc[6, "problem"] == "longitude is blank"
    assert_accounted(fac)


def test_single_coordinates_column(tmp_path):
    text = (
        "name,coordinates\n"
        'a,"-1.28, 36.82"\n'
        "b,\"1°17'S; 36°49'E\"\n"
        "c,POINT (36.9 -1.3)\n"
        "d,somewhere\n"
    )
    fac = read_facilities(write(tmp_path, text))
    np.testing.assert_allclose(
        fac.lonlat(), [[36.82, -1.28], [36 + 49 / 60, -(1 + 17 / 60)], [36.9, -1.3]]
    )
    assert "'somewhere' is not a pair of coordinates" in fac.report.rejected[0].problem


def test_swap_out_of_range_fixed_for_whole_file(tmp_path):
    rows = "".join(f"L{i},Lab {i},{-51.2 + i / 100},{-30.0 - i / 100}\n" for i in range(5))
    fac = read_facilities(write(tmp_path, "id,name,lat,lon\n" + rows))
    warnings = issues_of(fac, "warning")
    assert len(warnings) == 1
    assert "swapped" in warnings["problem"].iloc[0]
    assert "lat = 'lon'" in warnings["fix"].iloc[0]
    assert fac.lonlat()[:, 1].max() < -29
    assert len(fac) == 5


def test_swap_by_study_area(tmp_path):
    # Nairobi given as lat=36.8, lon=-1.28: both in range, only the study area tells
    rows = "".join(f"L{i},Lab {i},{36.8 + i / 100},{-1.28 - i / 100}\n" for i in range(4))
    path = write(tmp_path, "id,name,lat,long\n" + rows)
    fac = read_facilities(path, study_area=NAIROBI_BOX)
    assert len(fac) == 4
    assert "study area" in issues_of(fac, "warning")["problem"].iloc[0]
    kept = read_facilities(path, study_area=NAIROBI_BOX, detect_swap=False)
    assert len(kept) == 0
    assert all("outside the study area" in i.problem for i in kept.report.rejected)


def test_swap_by_land_mask_without_study_area(tmp_path):
    rows = "".join(f"L{i},Lab {i},{36.8 + i / 100},{-1.28 - i / 100}\n" for i in range(4))
    fac = read_facilities(write(tmp_path, "id,name,lat,long\n" + rows))
    warning = issues_of(fac, "warning")["problem"].iloc[0]
    assert "sea" in warning
    np.testing.assert_allclose(fac.lonlat()[0], [36.8, -1.28])


def test_no_swap_for_a_correct_coastal_city(tmp_path):
    # Dakar and Lagos sit on the coast: the coarse mask must not make them look swapped
    text = "name,lat,lon\nDakar,14.69,-17.45\nLagos,6.45,3.38\nAccra,5.6,-0.19\n"
    fac = read_facilities(write(tmp_path, text))
    assert not any("swapped" in i.problem for i in fac.report.issues)
    np.testing.assert_allclose(fac.lonlat()[0], [-17.45, 14.69])


def test_out_of_range_single_row_rejected_not_swapped(tmp_path):
    text = "name,lat,lon\na,-1.3,36.8\nb,-1.31,36.81\nc,-1.29,36.79\nd,91.2,36.8\ne,0,0\n"
    fac = read_facilities(write(tmp_path, text))
    rej = issues_of(fac, "rejected").set_index("row")
    assert rej.loc[5, "problem"] == "latitude 91.2 is outside -90..90"
    assert "swapped" in rej.loc[5, "fix"]
    assert "placeholder" in rej.loc[6, "problem"]
    assert not any("swapped" in i.problem for i in fac.report.issues)


# --- study area and outliers ----------------------------------------------------------------


def test_study_area_reject_and_review(tmp_path):
    text = (
        "name,lat,lon\n"
        "inside,-1.30,36.80\n"
        "just outside,-1.30,37.08\n"  # ~3.3 km east of the box
        "far,-1.30,37.50\n"  # ~50 km east
    )
    area = shapely.box(*NAIROBI_BOX)
    fac = read_facilities(write(tmp_path, text), study_area=area)
    assert fac.gdf["name"].tolist() == ["inside", "just outside"]
    assert fac.gdf["review"].tolist() == [False, True]
    rej = fac.report.rejected[0]
    assert rej.row == 4
    assert "km outside the study area" in rej.problem
    assert "widen the study area" in rej.fix


@pytest.mark.parametrize(
    ("area", "match"),
    [
        ((1, 2, 3), "should be a polygon"),
        ((37.0, -1.0, 36.0, -2.0), "are empty"),
        (shapely.box(500000, 9800000, 510000, 9850000), "reproject the boundary to EPSG:4326"),
        ("Nairobi", "should be a polygon"),
    ],
)
def test_bad_study_area(tmp_path, area, match):
    with pytest.raises(InputError, match=match):
        read_facilities(write(tmp_path, BASIC), study_area=area)


def test_outlier_without_study_area(tmp_path):
    rng = np.random.default_rng(1)
    lats = -30.05 + rng.normal(0, 0.03, 40)
    lons = -51.2 + rng.normal(0, 0.03, 40)
    rows = "".join(
        f"{i},{la:.5f},{lo:.5f}\n" for i, (la, lo) in enumerate(zip(lats, lons, strict=True))
    )
    rows += "99,-29.177,-51.511\n"  # ~100 km north
    fac = read_facilities(write(tmp_path, "CO_CNES,LATITUDE,LONGITUDE\n" + rows))
    doubt = issues_of(fac, "doubtful")
    outliers = doubt[doubt["problem"].str.contains("from the median location")]
    assert outliers["facility_id"].tolist() == ["99"]
    assert outliers["row"].tolist() == [42]
    assert len(fac) == 41


# --- capabilities and quality ---------------------------------------------------------------


def test_capability_yes_no_variants(tmp_path):
    yes = ["yes", "Sí", "sim", "oui", "x", "✓", "1", "TRUE", "Y"]
    no = ["no", "não", "non", "0", "false", "", "-"]
    values = yes + no + ["maybe"]
    rows = "".join(f"r{i},lab{i},-1.{i:02d},36.8,{v}\n" for i, v in enumerate(values))
    fac = read_facilities(
        write(tmp_path, "id,name,lat,lon,PCR\n" + rows), study_area=(36, -2, 38, 0)
    )
    assert fac.gdf["pcr"].tolist() == [True] * len(yes) + [False] * (len(no) + 1)
    doubt = issues_of(fac, "doubtful")
    assert doubt["value"].tolist() == ["maybe"]
    assert "'maybe' is not a yes/no value" in doubt["problem"].iloc[0]
    assert fac.gdf["review"].sum() == 1
    assert fac.gdf["pcr"].dtype == bool


@pytest.mark.parametrize(
    ("listed", "caps"),
    [
        ("IHC; PCR", {"ihc", "pcr"}),
        ("histopatología, inmunohistoquímica", {"histology", "ihc"}),
        ("biologia molecular / NGS", {"pcr", "ngs"}),
        ("GeneXpert", {"pcr"}),
        ("FISH", {"ish"}),
        ("citometría de flujo", {"flow"}),
        ("anatomie pathologique", {"histology"}),
        ("Biopsia y citología", {"biopsy", "cytology"}),
        ("HER2, EGFR", {"ihc", "pcr"}),
    ],
)
def test_tests_column(tmp_path, listed, caps):
    fac = read_facilities(write(tmp_path, f'name,lat,lon,tests\nA,-1.3,36.8,"{listed}"\n'))
    got = {c for c in CAPABILITIES if fac.gdf[c].iloc[0]}
    assert got == caps
    assert issues_of(fac, "doubtful").empty


def test_tests_column_unknown_item_is_doubtful(tmp_path):
    fac = read_facilities(write(tmp_path, 'name,lat,lon,tests\nA,-1.3,36.8,"IHC; astrology"\n'))
    assert fac.gdf["ihc"].iloc[0]
    doubt = issues_of(fac, "doubtful")
    assert "'astrology'" in doubt["problem"].iloc[0]
    assert fac.gdf["review"].iloc[0]


def test_quality_columns(tmp_path):
    text = (
        "name,lat,lon,EQA,accreditation,capacity,ownership\n"
        'a,-1.30,36.80,IQN Path,ISO 15189:2012,"12,000",Ministry of Health\n'
        "b,-1.31,36.81,UK NEQAS,CAP,12 000,privado\n"
        "c,-1.32,36.82,sí,,12.000,Faith Based Organization\n"
        'd,-1.33,36.83,national,SANAS,"1.234,5",ONG\n'
        "e,-1.34,36.84,,pending,-5,armed forces\n"
        "f,-1.35,36.85,no,no,lots,\n"
        "g,-1.36,36.86,blue,none,12.5,cooperative\n"
    )
    fac = read_facilities(write(tmp_path, text))
    g = fac.gdf
    assert g["eqa"].tolist() == [
        "international",
        "international",
        "national",
        "national",
        "none",
        "none",
        "none",
    ]
    assert g["accreditation"].tolist() == [
        "iso15189",
        "cap",
        "none",
        "other",
        "none",
        "none",
        "none",
    ]
    np.testing.assert_allclose(
        g["capacity_tests_per_year"].to_numpy(), [12000, 12000, 12000, 1234.5, np.nan, np.nan, 12.5]
    )
    assert g["ownership"].tolist() == [
        "public",
        "private",
        "faith_based",
        "ngo",
        "military",
        "unknown",
        "other",
    ]
    assert set(g["eqa"]) <= set(EQA_LEVELS)
    assert set(g["accreditation"]) <= set(ACCREDITATIONS)
    assert set(g["ownership"]) <= set(OWNERSHIPS)
    doubt = issues_of(fac, "doubtful").set_index("row")
    assert "is negative" in doubt.loc[6, "problem"].iloc[-1]
    assert "'pending' is not a current accreditation" in doubt.loc[6, "problem"].iloc[0]
    assert "'lots' is not a number" in doubt.loc[7, "problem"]
    assert "'blue' is not a known EQA scheme" in doubt.loc[8, "problem"]
    assert g["review"].tolist() == [False, False, False, False, True, True, True]


# --- ids, names, duplicates, extras ---------------------------------------------------------


def test_missing_id_and_name(tmp_path):
    fac = read_facilities(write(tmp_path, "id,name,lat,lon\n,A,-1.3,36.8\nB2,,-1.31,36.81\n"))
    assert fac.gdf["facility_id"].tolist() == ["row-2", "B2"]
    assert fac.gdf["name"].tolist() == ["A", "B2"]
    fixed = issues_of(fac, "fixed")
    assert fixed["row"].tolist() == [2]
    assert "row-2" in fixed["problem"].iloc[0]
    doubt = issues_of(fac, "doubtful")
    assert doubt["row"].tolist() == [3]
    assert "no name" in doubt["problem"].iloc[0]


def test_no_id_column_is_one_warning(tmp_path):
    fac = read_facilities(write(tmp_path, "name,lat,lon\nA,-1.3,36.8\nB,-1.31,36.81\n"))
    assert fac.gdf["facility_id"].tolist() == ["row-2", "row-3"]
    assert len(fac.report.issues) == 1
    assert fac.report.issues[0].severity == "warning"


def test_duplicates(tmp_path):
    text = (
        "id,name,lat,lon\n"
        "A,Lab A,-1.30,36.80\n"
        "A,Lab A,-1.30,36.80\n"  # exact duplicate of row 2
        "A,Lab A2,-1.35,36.85\n"  # same id, other data
        "Z,lab a,-1.30,36.80\n"  # same name and place, other id
    )
    fac = read_facilities(write(tmp_path, text))
    assert fac.gdf["facility_id"].tolist() == ["A", "A-dup4", "Z"]
    assert fac.report.rejected[0].row == 3
    assert fac.report.rejected[0].problem == "duplicate of row 2"
    doubt = issues_of(fac, "doubtful").set_index("row")
    assert "also used by row 2" in doubt.loc[4, "problem"]
    assert doubt.loc[4, "facility_id"] == "A-dup4"
    assert "same name and location as row 2" in doubt.loc[5, "problem"]
    assert_accounted(fac)


def test_extra_columns_kept_after_schema(tmp_path):
    text = "Ward,id,name,lat,lon,beds,geometry\nKibra,1,A,-1.3,36.8,12,here\n"
    fac = read_facilities(write(tmp_path, text))
    cols = list(fac.gdf.columns)
    assert cols[: len(FACILITY_COLUMNS)] == list(FACILITY_COLUMNS)
    assert cols[len(FACILITY_COLUMNS) :] == [
        "review",
        "Ward",
        "beds",
        "geometry (source)",
        "geometry",
    ]
    assert fac.gdf["beds"].tolist() == ["12"]
    assert fac.extra_columns == ["Ward", "beds", "geometry (source)"]


def test_empty_rows_between_data_are_reported(tmp_path):
    fac = read_facilities(write(tmp_path, "name,lat,lon\nA,-1.3,36.8\n,,\nB,-1.31,36.81\n"))
    assert len(fac) == 2
    assert fac.report.rejected[0].row == 3
    assert fac.report.rejected[0].problem == "empty row"


def test_frame_with_numbers_and_default_row_numbers():
    df = pd.DataFrame(
        {"name": ["A", "B"], "lat": [-1.3, np.nan], "lon": [36.8, 36.9], "ihc": [True, False]}
    )
    fac = facilities_from_frame(df, source="in memory")
    assert fac.gdf["ihc"].tolist() == [True]
    assert fac.report.rejected[0].row == 2  # no first_row_number: rows are 1-based records
    assert fac.report.source == "in memory"


# --- files that cannot be read --------------------------------------------------------------


def test_unreadable_files(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        read_facilities(tmp_path / "nope.csv")
    with pytest.raises(InputError, match="empty"):
        read_facilities(write(tmp_path, "", name="empty.csv"))
    with pytest.raises(
        InputError, match=r"no data rows \(columns found: \['name', 'lat', 'lon'\]\)"
    ):
        read_facilities(write(tmp_path, "name,lat,lon\n", name="header.csv"))
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 this is not a workbook")
    with pytest.raises(InputError, match=r"broken\.xlsx"):
        read_facilities(broken)
    with pytest.raises(InputError, match="not valid JSON"):
        read_facilities(write(tmp_path, "{oops", name="bad.json"))
    with pytest.raises(InputError, match="cannot open as a GIS layer"):
        read_facilities(write(tmp_path, "garbage", name="bad.gpkg"))


def test_no_coordinate_columns_lists_columns(tmp_path):
    path = write(tmp_path, "name,address\nA,Main St\n")
    with pytest.raises(InputError, match=r"no location columns.*\['name', 'address'\]"):
        read_facilities(path)
    path = write(tmp_path, "name,latitude\nA,-1.3\n", name="half.csv")
    with pytest.raises(InputError, match=r"only lat \('latitude'\) was found"):
        read_facilities(path)


# --- progress, cancel, speed ----------------------------------------------------------------


def test_progress_and_cancel(tmp_path):
    path = write(tmp_path, BASIC)
    seen: list[float] = []
    read_facilities(path, progress=lambda f, _t: seen.append(f))
    assert seen[0] == 0.0
    assert seen[-1] == 1.0
    assert seen == sorted(seen)
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        read_facilities(path, cancel=cancel)


def test_ten_thousand_rows_import_fast(tmp_path):
    rng = np.random.default_rng(0)
    n = 10_000
    df = pd.DataFrame(
        {
            "code": [f"F{i}" for i in range(n)],
            "nombre": [f"Lab {i}" for i in range(n)],
            "latitud": [f"{v:.5f}".replace(".", ",") for v in -12.05 + rng.normal(0, 0.05, n)],
            "longitud": [f"{v:.5f}" for v in -77.03 + rng.normal(0, 0.05, n)],
            "pcr": rng.choice(["sí", "no", "", "x"], n),
            "tests": rng.choice(["IHC; PCR", "histopatología", ""], n),
            "propiedad": rng.choice(["MINSA", "privado", "EsSalud"], n),
            "capacidad": rng.choice(["12.000", "500", ""], n),
        }
    )
    path = tmp_path / "big.csv"
    df.to_csv(path, index=False)
    start = time.perf_counter()
    fac = read_facilities(path, study_area=(-77.5, -12.5, -76.5, -11.5))
    elapsed = time.perf_counter() - start
    assert len(fac) == n
    assert elapsed < 3.0, f"10k rows took {elapsed:.2f} s"


def test_all_zero_ids_are_placeholders_not_duplicates(tmp_path):
    path = tmp_path / "zeros.csv"
    path.write_text("id,name,lat,lon\n0,A,-1.2,36.8\n000,B,-1.3,36.9\n7,C,-1.25,36.85\n")
    fac = read_facilities(path)
    assert fac.gdf["facility_id"].tolist() == ["row-2", "row-3", "7"]
    fixed = [i for i in fac.report.issues if i.severity == "fixed"]
    assert [i.value for i in fixed] == ["0", "000"]
    assert all("placeholder" in i.problem for i in fixed)
    assert not fac.report.doubtful
