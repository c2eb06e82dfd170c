"""Swapped latitude and longitude, decided row by row: swapped rows put back and named, good rows
never moved, rows that no reading makes plausible rejected, and the order kept on request."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyogrio
import pytest

from ccgeo.cli import main
from ccgeo.io.facilities import read_facilities

NAIROBI_BOX = (36.65, -1.45, 37.1, -1.15)


def _registry(n: int = 200, *, seed: int = 8) -> pd.DataFrame:
    """A registry-like list around inland Rio Grande do Sul: codes, names, lat, lon (degrees)."""
    rng = np.random.default_rng(seed)
    return pd.DataFrame(
        {
            "CO_CNES": [str(2_200_000 + 37 * i) for i in range(n)],
            "NOME": [f"UNIDADE BASICA DE SAUDE {i}" for i in range(n)],
            "LATITUDE": np.round(rng.uniform(-30.4, -27.8, n), 5),
            "LONGITUDE": np.round(rng.uniform(-55.5, -51.6, n), 5),
        }
    )


def _write(tmp_path: Path, frame: pd.DataFrame, name: str = "registry.csv") -> Path:
    path = tmp_path / name
    frame.to_csv(path, index=False)
    return path


def _swap(frame: pd.DataFrame, rows: list[int], lat: str = "LATITUDE", lon: str = "LONGITUDE"):
    out = frame.copy()
    out.loc[rows, [lat, lon]] = frame.loc[rows, [lon, lat]].to_numpy()
    return out


def _located(fac, id_column: str = "facility_id") -> pd.DataFrame:
    gdf = fac.gdf
    return pd.DataFrame({"lon": gdf.geometry.x, "lat": gdf.geometry.y}).set_index(gdf[id_column])


def _fixed_swaps(fac) -> list:
    return [i for i in fac.report.issues if i.severity == "fixed" and "swapped" in i.problem]


def test_registry_with_eight_swapped_rows_puts_each_back_and_names_it(tmp_path):
    registry = _registry()
    swapped_at = [3, 17, 40, 41, 88, 120, 150, 199]
    fac = read_facilities(_write(tmp_path, _swap(registry, swapped_at)))
    assert fac.report.n_imported == 200
    got = _located(fac)
    truth = registry.set_index("CO_CNES")
    np.testing.assert_allclose(got.loc[truth.index, "lat"], truth["LATITUDE"], atol=1e-9)
    np.testing.assert_allclose(got.loc[truth.index, "lon"], truth["LONGITUDE"], atol=1e-9)
    fixed = _fixed_swaps(fac)
    assert sorted(i.row for i in fixed) == [r + 2 for r in swapped_at]
    first = fixed[0]
    r = registry.iloc[3]
    assert first.facility_id == r["CO_CNES"]
    # the values as given, as put back, and how to keep the file's order
    assert f"given lat {r['LONGITUDE']}, lon {r['LATITUDE']}" in first.problem
    assert f"put back as lat {r['LATITUDE']}, lon {r['LONGITUDE']}" in first.problem
    assert "--keep-lat-lon" in first.fix
    assert not [i for i in fac.report.issues if i.severity == "warning"]


def test_keep_order_imports_the_rows_as_given(tmp_path):
    registry = _registry()
    fac = read_facilities(_write(tmp_path, _swap(registry, [5, 6])), detect_swap=False)
    assert not _fixed_swaps(fac)
    got = _located(fac)
    assert got.loc[registry.at[5, "CO_CNES"], "lat"] == registry.at[5, "LONGITUDE"]
    # kept where the file puts them, flagged as far from the others
    doubtful = {i.row for i in fac.report.doubtful if "median location" in i.problem}
    assert doubtful == {7, 8}


def test_typo_rows_in_sao_paulo_do_not_move_the_good_rows(tmp_path):
    # half of the rows have a latitude typed -235 (for -23.5): the whole-file rule swapped
    # every row and put the good labs at latitude -46.6
    text = (
        "id,name,lat,lon\n"
        "1,Lab Paulista,-23.5613,-46.6565\n"
        "2,Lab Pinheiros,-23.5670,-46.6920\n"
        "3,Lab Santana,-235.025,-46.6280\n"
        "4,Lab Mooca,-235.553,-46.5990\n"
    )
    path = tmp_path / "sao_paulo.csv"
    path.write_text(text, encoding="utf-8")
    fac = read_facilities(path)
    np.testing.assert_allclose(fac.lonlat(), [[-46.6565, -23.5613], [-46.6920, -23.5670]])
    assert not _fixed_swaps(fac)
    rejected = {i.row: i for i in fac.report.rejected}
    assert set(rejected) == {4, 5}
    assert rejected[4].problem == "latitude -235.025 is outside -90..90"
    assert "correct the coordinate" in rejected[4].fix


def test_typo_rows_in_sri_lanka_leave_colombo_where_it_is(tmp_path):
    # Colombo is at lat 6.9, lon 79.9: swapped, its "latitude" 79.9 is a possible one
    text = (
        "id,name,lat,lon\n"
        "C1,Colombo National Hospital,6.9188,79.8658\n"
        "K1,Kandy Teaching Hospital,7.2870,80.6320\n"
        "G1,Karapitiya Hospital,6.0660,80.2270\n"
        "J1,Jaffna Teaching Hospital,9.6640,80.0150\n"
        "T1,Lab with a typo,96.9100,79.8700\n"
        "T2,Lab with another typo,97.2900,80.6300\n"
        "T3,Lab with a third typo,96.0700,80.2200\n"
    )
    path = tmp_path / "sri_lanka.csv"
    path.write_text(text, encoding="utf-8")
    fac = read_facilities(path)
    got = _located(fac)
    assert got.loc["C1", "lat"] == pytest.approx(6.9188)
    assert got.loc["C1", "lon"] == pytest.approx(79.8658)
    assert got["lat"].max() < 10
    assert not _fixed_swaps(fac)
    rejected = {i.facility_id: i for i in fac.report.rejected}
    assert set(rejected) == {"T1", "T2", "T3"}
    # the message says the swap was tried and where it would have put the row
    assert "swapped (lat 79.87, lon 96.91) it does not fall in the area" in rejected["T1"].fix


def test_fully_swapped_file_is_put_back_and_says_every_row(tmp_path):
    registry = _registry(60)
    fac = read_facilities(_write(tmp_path, _swap(registry, list(range(60)))))
    warnings = [i for i in fac.report.issues if i.severity == "warning"]
    assert len(warnings) == 1
    assert "swapped back for every located row" in warnings[0].problem
    assert "lat = 'LONGITUDE'" in warnings[0].fix
    got = _located(fac).loc[registry["CO_CNES"]]
    np.testing.assert_allclose(got["lat"], registry["LATITUDE"])


def test_swapped_file_names_the_rows_it_keeps_as_given(tmp_path):
    registry = _registry(60)
    fac = read_facilities(_write(tmp_path, _swap(registry, list(range(2, 60)))))
    warning = next(i for i in fac.report.issues if i.severity == "warning")
    assert "every located row except rows 2 and 3 (kept as given" in warning.problem
    kept = [i for i in fac.report.doubtful if "kept as given" in i.problem]
    assert [i.row for i in kept] == [2, 3]
    got = _located(fac).loc[registry["CO_CNES"]]
    np.testing.assert_allclose(got["lat"], registry["LATITUDE"])
    np.testing.assert_allclose(got["lon"], registry["LONGITUDE"])


def test_study_area_decides_each_row(tmp_path):
    rng = np.random.default_rng(3)
    lat = np.round(rng.uniform(-1.35, -1.2, 20), 5)
    lon = np.round(rng.uniform(36.7, 37.0, 20), 5)
    frame = pd.DataFrame({"code": [f"N{i}" for i in range(20)], "lat": lat, "long": lon})
    path = _write(tmp_path, _swap(frame, [0, 9, 19], lat="lat", lon="long"), "nairobi.csv")
    fac = read_facilities(path, study_area=NAIROBI_BOX)
    assert sorted(i.row for i in _fixed_swaps(fac)) == [2, 11, 21]
    assert all("in the study area" in i.problem for i in _fixed_swaps(fac))
    got = _located(fac).loc[frame["code"]]
    np.testing.assert_allclose(got[["lon", "lat"]], frame[["long", "lat"]])
    kept = read_facilities(path, study_area=NAIROBI_BOX, detect_swap=False)
    assert {i.row for i in kept.report.rejected} == {2, 11, 21}
    assert all("outside the study area" in i.problem for i in kept.report.rejected)


def test_command_line_reports_each_row_and_keeps_order_on_request(tmp_path, capsys):
    registry = _registry(40)
    path = _write(tmp_path, _swap(registry, [7]))
    out = tmp_path / "labs.gpkg"
    assert main(["import-facilities", str(path), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "[fixed] row 9: latitude and longitude swapped" in printed
    put_back = pyogrio.read_dataframe(out, layer="facilities")
    assert put_back.geometry.y.tolist() == registry["LATITUDE"].tolist()
    assert main(["import-facilities", str(path), "-o", str(out), "--keep-lat-lon"]) == 0
    kept = pyogrio.read_dataframe(out, layer="facilities")
    assert kept.geometry.y.iloc[7] == registry.at[7, "LONGITUDE"]


@pytest.mark.shared_data
def test_real_registry_with_eight_swapped_rows(shared_data, tmp_path):
    source = shared_data / "porto_alegre" / "postos_saude_brasil_RS.csv"
    registry = pd.read_csv(source, dtype=str, keep_default_na=False)
    located = registry.index[(registry["LATITUDE"] != "") & (registry["LONGITUDE"] != "")]
    swapped_at = [int(located[i]) for i in (10, 400, 800, 1200, 1600, 2000, 2300, 2400)]
    fac = read_facilities(_write(tmp_path, _swap(registry, swapped_at), "rs_swapped.csv"))
    base = read_facilities(source)
    assert fac.report.n_imported == base.report.n_imported
    assert sorted(i.row for i in _fixed_swaps(fac)) == [r + 2 for r in swapped_at]
    np.testing.assert_allclose(fac.lonlat(), base.lonlat(), atol=1e-9)


def test_swapped_file_leaves_a_stray_row_on_land_where_it_is(tmp_path):
    # found by the fuzzer: a real registry row geocoded 2,400 km away (Mauriti, Ceará) in a
    # swapped file fell in neither reading's area; following the file moved it into the sea
    registry = _registry(40)
    registry.loc[7, ["LATITUDE", "LONGITUDE"]] = [-7.38651, -38.77713]
    swapped = _swap(registry, [r for r in range(40) if r != 7])
    fac = read_facilities(_write(tmp_path, swapped))
    got = _located(fac).loc[registry["CO_CNES"]]
    np.testing.assert_allclose(got["lat"], registry["LATITUDE"])
    np.testing.assert_allclose(got["lon"], registry["LONGITUDE"])
    kept = [i for i in fac.report.doubtful if "kept as given" in i.problem]
    assert [i.row for i in kept] == [9]
