"""What the fuzzer found, each case written small: an error naming the file, never a traceback."""

from __future__ import annotations

import json
import sqlite3
import warnings
from contextlib import closing
from pathlib import Path

import pytest

from ccgeo.errors import InputError
from ccgeo.io.facilities import read_facilities


def test_geojson_with_a_damaged_byte_in_a_column_name_is_an_input_error(tmp_path: Path) -> None:
    # a bit flip made a property name invalid UTF-8: pyogrio raised UnicodeDecodeError
    feature = {
        "type": "Feature",
        "properties": {"NOME": "POSTO DE SAUDE", "CO_CNES": "2261871"},
        "geometry": {"type": "Point", "coordinates": [-54.09046, -31.67615]},
    }
    text = json.dumps({"type": "FeatureCollection", "features": [feature]})
    path = tmp_path / "postos.geojson"
    path.write_bytes(text.encode().replace(b'"NOME"', b'"N\xc1OME"'))
    with pytest.raises(InputError, match=r"postos\.geojson.*not UTF-8"):
        read_facilities(path)


def test_two_stray_quotes_on_following_rows_lose_neither_row(tmp_path: Path) -> None:
    # the second quote closed the first: the csv module read both lines as one row, silently
    lines = ["CO_CNES,NOME,MUNICIPIO,LATITUDE,LONGITUDE"]
    lines += [f"22{i},POSTO {i},CANOAS,-29.9{i},-51.1{i}" for i in range(6)]
    lines[2] = '221,"POSTO 1,CANOAS,-29.91,-51.11'
    lines[3] = '222,POSTO 2",CANOAS,-29.92,-51.12'
    path = tmp_path / "postos.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    fac = read_facilities(path)
    assert fac.report.n_rows == 6
    assert fac.report.n_imported == 6
    assert fac.gdf["facility_id"].tolist() == [f"22{i}" for i in range(6)]
    assert fac.lonlat()[2].tolist() == [-51.12, -29.92]
    assert [i.row for i in fac.report.doubtful if "quote" in i.problem] == [3, 4]


def test_a_stray_quote_in_an_empty_row_loses_no_row(tmp_path: Path) -> None:
    # an empty row's separators with a stray quote, closed by the next row's stray quote
    lines = ["CO_CNES,NOME,MUNICIPIO,LATITUDE,LONGITUDE"]
    lines += [f"22{i},POSTO {i},CANOAS,-29.9{i},-51.1{i}" for i in range(4)]
    lines[2] = ',"'
    lines[3] = '222,"POSTO 2,CANOAS,-29.92,-51.12'
    path = tmp_path / "postos.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-16")
    fac = read_facilities(path)
    assert fac.report.n_rows == 4
    assert fac.report.rejected_rows() == {3}
    assert fac.gdf["facility_id"].tolist() == ["220", "222", "223"]


def test_geopackage_with_an_unknown_srs_id_warns_in_the_report(tmp_path: Path) -> None:
    # a bit flip in gpkg_geometry_columns: GDAL's warning leaked out of pyogrio's error handler
    import geopandas as gpd
    import pyogrio
    import shapely

    path = tmp_path / "postos.gpkg"
    frame = gpd.GeoDataFrame(
        {"NOME": ["POSTO A", "POSTO B"], "CO_CNES": ["2261871", "2261235"]},
        geometry=[shapely.Point(-54.09046, -31.67615), shapely.Point(-54.16714, -31.86586)],
        crs="EPSG:4326",
    )
    pyogrio.write_dataframe(frame, path, layer="postos")
    with closing(sqlite3.connect(path)) as con:
        con.execute("UPDATE gpkg_geometry_columns SET srs_id = 4198")
        con.execute("UPDATE gpkg_contents SET srs_id = 4198")
        con.commit()
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        fac = read_facilities(path)
    assert [str(w.message) for w in said] == []
    assert fac.report.n_imported == 2
    note = next(i for i in fac.report.issues if i.severity == "warning")
    assert "srs_id '4198'" in note.problem


def test_xlsx_with_a_damaged_zip_version_is_an_input_error(tmp_path: Path) -> None:
    # a bit flip in the zip directory asks for zip version 8.4: zipfile raised
    # NotImplementedError
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["CO_CNES", "NOME", "LATITUDE", "LONGITUDE"])
    book.active.append(["2261871", "POSTO DE SAUDE", -31.67615, -54.09046])
    path = tmp_path / "postos.xlsx"
    book.save(path)
    data = bytearray(path.read_bytes())
    at = data.index(b"PK\x01\x02") + 6  # "version needed to extract" of the first entry
    data[at : at + 2] = (84).to_bytes(2, "little")
    path.write_bytes(bytes(data))
    with pytest.raises(InputError, match=r"postos\.xlsx.*damaged workbook"):
        read_facilities(path)
