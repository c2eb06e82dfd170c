"""The generic table reader (encodings, delimiters, workbooks, JSON) and coordinate parser."""

from __future__ import annotations

import math

import openpyxl
import pandas as pd
import pytest

from ccgeo.errors import InputError
from ccgeo.io.tables import list_sheets, parse_coordinate, read_table, sniff_delimiter

ROWS = [
    ["nombre", "latitud", "longitud"],
    ["Clínica São João", "-30,05", "-51,2"],
    ["Hôpital", "1", "2"],
]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "latin-1"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_encodings_and_delimiters(tmp_path, encoding, delimiter):
    quote = '"' if delimiter == "," else ""
    text = "\n".join(
        delimiter.join(f"{quote}{c}{quote}" if "," in c else c for c in row) for row in ROWS
    )
    path = tmp_path / "f.csv"
    path.write_bytes(text.encode(encoding))
    df = read_table(path)
    assert list(df.columns) == ROWS[0]
    assert df.iloc[0].tolist() == ROWS[1]
    assert df.attrs["first_row_number"] == 2


def test_sniff_prefers_consistent_split():
    assert sniff_delimiter("a;b;c\n1,5;2;3\n") == ";"
    assert sniff_delimiter("a,b\n1,2\n") == ","
    assert sniff_delimiter("a\tb\n1\t2\n") == "\t"


def test_extra_cells_are_kept_not_lost(tmp_path):
    path = tmp_path / "f.csv"
    path.write_text("id,name\n1,a,surplus\n2,b\n", encoding="utf-8")
    df = read_table(path)
    assert df.loc[0, "column_3"] == "surplus"
    assert df.loc[1, "name"] == "b"


def test_xlsx_sheet_choice_and_header_below_blank_rows(tmp_path):
    path = tmp_path / "f.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "notes"
    ws.append(["just notes"])
    ws2 = wb.create_sheet("facilities")
    ws2.append([])
    ws2.append(["id", "lat"])
    ws2.append([7, -30.0346123456])
    wb.save(path)
    assert list_sheets(path) == ["notes", "facilities"]
    df = read_table(path, sheet="facilities")
    assert df.loc[0, "lat"] == "-30.0346123456"
    assert df.loc[0, "id"] == "7"
    assert df.attrs["first_row_number"] == 3
    assert read_table(path, sheet=1).attrs["sheet"] == "facilities"
    with pytest.raises(InputError, match=r"no sheet named 'labs'.*\['notes', 'facilities'\]"):
        read_table(path, sheet="labs")


def test_ods(tmp_path):
    path = tmp_path / "f.ods"
    pd.DataFrame({"nom": ["a"], "lat": [1.5]}).to_excel(path, engine="odf", index=False)
    df = read_table(path)
    assert df.loc[0, "nom"] == "a"
    assert df.loc[0, "lat"] == "1.5"


def test_json_records_and_geojson(tmp_path):
    path = tmp_path / "api.json"
    path.write_text('{"count": 2, "results": [{"name": "a", "lat": "1"}, {"name": "b"}]}')
    df = read_table(path)
    assert df["name"].tolist() == ["a", "b"]
    assert df.loc[1, "lat"] is None
    gj = tmp_path / "p.geojson"
    gj.write_text(
        '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"n": 1},'
        ' "geometry": {"type": "Point", "coordinates": [36.8, -1.3]}}, {"type": "Feature",'
        ' "properties": {"n": 2}, "geometry": null}]}'
    )
    df = read_table(gj)
    assert df["__lon"].tolist()[0] == "36.8"
    assert df["__lat"].tolist()[1] is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"{not json", "not valid JSON"),
        (b'{"a": 1}', "no list of records"),
        (b"PK\x03\x04garbage", "damaged workbook|not a valid"),
    ],
)
def test_unreadable_files_raise_input_error(tmp_path, content, message):
    path = tmp_path / ("f.json" if content.startswith(b"{") else "f.csv")
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as info:
        read_table(path)
    assert str(path) in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        read_table(tmp_path / "nope.csv")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("-30.0346", -30.0346),
        ("-30,0346", -30.0346),
        ("1°17'S", -(1 + 17 / 60)),
        ("36°49'E", 36 + 49 / 60),
        ("30°2'4.5\"S", -(30 + 2 / 60 + 4.5 / 3600)),
        ("S 1 17 30", -(1 + 17 / 60 + 30 / 3600)),
        ("51°13'O", -(51 + 13 / 60)),
        ("36d49mE", 36 + 49 / 60),
        ("\u221212.5", -12.5),
        (" 12 ", 12.0),
    ],
)
def test_parse_coordinate(text, expected):
    assert parse_coordinate(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["", None, "nan", "N/A", "-"])
def test_parse_coordinate_empty_is_nan(text):
    assert math.isnan(parse_coordinate(text))


@pytest.mark.parametrize("text", ["abc", "12°75'S", "1.2.3"])
def test_parse_coordinate_rejects_junk(text):
    with pytest.raises(ValueError, match=r"coordinate|below 60"):
        parse_coordinate(text)


def test_old_excel_workbook_says_how_to_convert_it(tmp_path):
    path = tmp_path / "labs.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    with pytest.raises(InputError, match=r"labs\.xls: is an old Excel workbook.*save it as \.xlsx"):
        read_table(path)
