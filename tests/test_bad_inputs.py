"""Damaged and unusual input files: every row read or rejected by number, every failure a clear
one-line message naming the file and the fix, never a traceback (Step 8, "Imports").

The samples are small copies of what planners bring: a national registry exported by old Mac
Excel (CR line ends), by Excel as "Unicode text" (UTF-16/UTF-32, tab separated), a list with a
stray quote, a damaged OpenDocument sheet, a project with a flipped bit, files the system will
not let ccgeo read.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from contextlib import closing
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pyogrio
import pytest

import ccgeo
from ccgeo.cli import main
from ccgeo.demo import DEMO_FILES
from ccgeo.errors import InputError
from ccgeo.io.facilities import read_facilities, read_raw
from ccgeo.io.population import read_population
from ccgeo.io.tables import read_table
from ccgeo.project import open_project, save_project

# fmt: off
#: A few rows of a Kenyan registry export (KMHFL columns), names with accents and commas.
REGISTRY = [
    ["code", "name", "sub_county", "ward", "latitude", "longitude", "histology"],
    ["13023", "Kenyatta National Hospital", "Dagoretti North", "Kilimani", "-1.30110", "36.80700", "yes"],  # noqa: E501
    ["13074", "Mbagathi District Hospital", "Dagoretti North", "Woodley", "-1.30600", "36.80200", "yes"],  # noqa: E501
    ["12993", "Clínica São José", "Westlands", "Parklands", "-1.26300", "36.81700", "no"],
    ["13154", "Pumwani Maternity", "Kamukunji", "Pumwani", "-1.28400", "36.84200", "no"],
    ["13191", "St. Mary's Mission, Langata", "Langata", "Karen", "-1.33900", "36.74900", "yes"],
    ["19402", "Mama Lucy Kibaki Hospital", "Embakasi West", "Umoja II", "-1.27300", "36.89800", "yes"],  # noqa: E501
]
# fmt: on
N_ROWS = len(REGISTRY) - 1
NAMES = [r[1] for r in REGISTRY[1:]]


def _csv_lines(rows: list[list[str]], delimiter: str = ",") -> list[str]:
    out = []
    for row in rows:
        cells = [f'"{c}"' if delimiter in c else c for c in row]
        out.append(delimiter.join(cells))
    return out


def _all_accounted(fac) -> None:
    report = fac.report
    assert report.n_rows == N_ROWS
    assert report.n_imported + report.n_rejected == report.n_rows


# -- line ends, separators, huge cells --------------------------------------------------------


def test_cr_only_line_ends_of_old_mac_excel_read_every_row(tmp_path):
    path = tmp_path / "registry_mac.csv"
    path.write_bytes(("\r".join(_csv_lines(REGISTRY)) + "\r").encode("cp1252"))
    fac = read_facilities(path)
    _all_accounted(fac)
    assert fac.report.n_imported == N_ROWS
    assert fac.gdf["name"].tolist() == NAMES


def test_a_separator_after_the_carriage_return_of_each_line_is_read(tmp_path):
    # a tool that appended an empty column to a Windows export: "...,yes\r,\n"
    path = tmp_path / "registry_trailing.csv"
    path.write_bytes("".join(line + "\r,\n" for line in _csv_lines(REGISTRY)).encode("utf-8"))
    fac = read_facilities(path)
    _all_accounted(fac)
    assert fac.report.n_imported == N_ROWS
    assert fac.gdf["name"].tolist() == NAMES
    assert fac.gdf.geometry.y.tolist() == [float(r[4]) for r in REGISTRY[1:]]


def test_trailing_empty_separators_on_every_line(tmp_path):
    path = tmp_path / "registry_semicolons.csv"
    lines = [line + ";;" for line in _csv_lines(REGISTRY, ";")]
    path.write_bytes("\r\n".join(lines).encode("utf-8"))
    fac = read_facilities(path)
    _all_accounted(fac)
    assert fac.report.n_imported == N_ROWS


def test_empty_separators_after_the_data_but_not_after_the_header(tmp_path):
    lines = _csv_lines(REGISTRY, ";")
    lines[1:] = [line + ";;" for line in lines[1:]]
    lines[4] += ";"  # one row with one more
    path = tmp_path / "registry_export.csv"
    path.write_bytes("\r\n".join(lines).encode("utf-8"))
    fac = read_facilities(path)
    _all_accounted(fac)
    assert fac.report.n_imported == N_ROWS
    assert fac.gdf["histology"].tolist()[:2] == [True, True]
    assert not [c for c in fac.gdf.columns if str(c).startswith("column_")]


def test_a_cell_longer_than_the_csv_module_limit(tmp_path):
    rows = [[*REGISTRY[0], "notes"]] + [[*r, "ok"] for r in REGISTRY[1:]]
    rows[3][-1] = "reagent stock-out; " * 8_000  # 152,000 characters
    path = tmp_path / "registry_long_note.csv"
    path.write_text("\n".join(_csv_lines(rows)) + "\n", encoding="utf-8")
    fac = read_facilities(path)
    _all_accounted(fac)
    assert fac.report.n_imported == N_ROWS
    assert len(fac.gdf["notes"].iloc[2]) > 131_072


# -- Excel "Unicode text": UTF-16 and UTF-32, with and without BOM ----------------------------


@pytest.mark.parametrize(
    "encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]
)
def test_unicode_text_from_excel_reads_every_row(tmp_path, encoding):
    path = tmp_path / "registry_unicode.txt"
    text = "\r\n".join("\t".join(row) for row in REGISTRY) + "\r\n"
    path.write_bytes(text.encode(encoding))  # "utf-16"/"utf-32" write a BOM, the others none
    df = read_raw(path)
    assert df.attrs["encoding"].startswith(encoding[:6])
    fac = read_facilities(path)
    _all_accounted(fac)
    assert fac.report.n_imported == N_ROWS
    assert fac.gdf["name"].tolist() == NAMES


# -- stray quotes -----------------------------------------------------------------------------


def test_a_stray_quote_loses_no_row_and_names_its_row(tmp_path):
    lines = _csv_lines(REGISTRY)
    lines[3] = lines[3].replace("Clínica", '"Clínica', 1)  # row 4 of the sheet: opened, not closed
    path = tmp_path / "registry_quote.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    fac = read_facilities(path)
    _all_accounted(fac)
    assert fac.report.n_imported == N_ROWS
    assert fac.gdf["name"].tolist() == NAMES
    flagged = [i for i in fac.report.issues if "quote" in i.problem]
    assert [i.row for i in flagged] == [4]
    assert flagged[0].severity == "doubtful"
    assert fac.gdf["review"].tolist()[2]


def test_a_stray_quote_to_the_end_of_the_file(tmp_path):
    rows = [list(r) for r in REGISTRY]
    rows[5][1] = "St. Mary's Mission Langata"  # no quote left after the stray one
    lines = _csv_lines(rows)
    lines[2] = lines[2].replace("Dagoretti", '"Dagoretti', 1)  # row 3: opened, never closed
    path = tmp_path / "registry_quote_end.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    fac = read_facilities(path)
    _all_accounted(fac)
    assert fac.report.n_imported == N_ROWS
    assert fac.gdf["facility_id"].tolist() == [r[0] for r in REGISTRY[1:]]
    assert fac.gdf["sub_county"].tolist() == [r[2] for r in REGISTRY[1:]]
    assert [i.row for i in fac.report.issues if "quote" in i.problem] == [3]


def test_a_cell_over_several_lines_stays_one_row(tmp_path):
    rows = [[*REGISTRY[0], "address"]] + [[*r, "Nairobi"] for r in REGISTRY[1:]]
    rows[1][-1] = "Hospital Road, Upper Hill\nP.O. Box 20723, Nairobi"
    path = tmp_path / "registry_address.csv"
    path.write_text("\n".join(_csv_lines(rows)) + "\n", encoding="utf-8")
    fac = read_facilities(path)
    assert fac.report.n_rows == N_ROWS
    assert fac.gdf["address"].iloc[0] == rows[1][-1]
    assert not [i for i in fac.report.issues if "quote" in i.problem]


# -- workbooks --------------------------------------------------------------------------------


def _rewrite_content(src: Path, dst: Path, change) -> None:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "content.xml":
                data = change(data.decode("utf-8")).encode("utf-8")
            zout.writestr(item, data)


def test_a_malformed_ods_is_refused_clearly_without_xml(tmp_path, capfd):
    good = tmp_path / "registry.ods"
    frame = pd.DataFrame(REGISTRY[1:], columns=REGISTRY[0])
    frame.to_excel(good, engine="odf", index=False)
    bad = tmp_path / "registry_damaged.ods"
    _rewrite_content(
        good,
        bad,
        lambda c: c.replace(
            "<text:p>Pumwani Maternity</text:p>", "<text:p>Pumwani Maternity</text:span>"
        ),
    )
    with pytest.raises(InputError, match="damaged OpenDocument") as caught:
        read_facilities(bad)
    message = str(caught.value)
    assert str(bad) in message
    assert "<" not in message
    assert "LibreOffice" in message
    printed = capfd.readouterr()
    assert "SAX" not in printed.out + printed.err
    assert "office:document" not in printed.out + printed.err


def test_an_empty_sheet_is_named_with_the_others(tmp_path):
    path = tmp_path / "registry.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Read me"
    sheet = book.create_sheet("Facilities")
    for row in REGISTRY:
        sheet.append(row)
    book.save(path)
    with pytest.raises(InputError, match=r"sheet 'Read me' is empty.*\['Facilities'\]"):
        read_facilities(path)
    assert len(read_facilities(path, sheet="Facilities")) == N_ROWS


# -- files of another kind --------------------------------------------------------------------


def test_an_overpass_json_is_named_as_such(tmp_path, demo_dir, capsys):
    path = tmp_path / "hospitals_overpass.json"
    path.write_text(
        '{"version": 0.6, "generator": "Overpass API 0.7.62.8 e802775f", "osm3s": {}, '
        '"elements": [{"type": "node", "id": 30030194, "lat": -1.2961085, "lon": 36.8026495, '
        '"tags": {"amenity": "hospital", "name": "Nairobi Hospital"}}]}',
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"Overpass API.*GeoJSON"):
        read_facilities(path)
    code = main(
        [
            "access",
            "--roads",
            str(path),
            "--facilities",
            str(demo_dir / DEMO_FILES["facilities"]),
            "--population",
            str(demo_dir / DEMO_FILES["population"]),
            "--out",
            str(tmp_path / "out"),
        ]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert "Overpass API" in err
    assert ".osm.pbf" in err


@pytest.mark.parametrize("kind", ["npy", "pickle", "npz"])
def test_numpy_and_pickle_files_are_named(tmp_path, kind):
    path = tmp_path / "facilities.csv"
    if kind == "npy":
        np.save(tmp_path / "a.npy", np.arange(10.0))
        shutil.move(tmp_path / "a.npy", path)
        words = "numpy array"
    elif kind == "npz":
        np.savez(tmp_path / "a.npz", lat=np.arange(3.0))
        shutil.move(tmp_path / "a.npz", path)
        words = "numpy arrays"
    else:
        import pickle

        path.write_bytes(pickle.dumps({"lat": [1.0]}))
        words = "pickle"
    with pytest.raises(InputError, match=words) as caught:
        read_table(path)
    assert "NUMPY" not in str(caught.value)
    assert str(caught.value).isprintable()


def test_a_truncated_population_tiff_says_it_is_cut_short(tmp_path, demo_dir):
    raw = (demo_dir / DEMO_FILES["population"]).read_bytes()
    path = tmp_path / "population.tif"
    path.write_bytes(raw[: len(raw) // 2])
    with pytest.raises(InputError, match="cut short") as caught:
        read_population(path)
    assert "previous exception" not in str(caught.value)


def test_a_truncated_tiff_whose_header_reads_says_it_is_cut_short(tmp_path):
    rasterio = pytest.importorskip("rasterio")
    from rasterio.transform import from_origin

    full = tmp_path / "full.tif"
    data = np.arange(200 * 200, dtype="float32").reshape(200, 200)
    with rasterio.open(
        full, "w", driver="GTiff", width=200, height=200, count=1, dtype="float32",
        crs="EPSG:4326", transform=from_origin(36.7, -1.2, 0.001, 0.001),
    ) as dst:  # fmt: skip
        dst.write(data, 1)
    raw = full.read_bytes()
    assert raw[4:8] == b"\x08\x00\x00\x00"  # the header comes first: the file opens
    path = tmp_path / "population.tif"
    path.write_bytes(raw[: len(raw) // 2])
    with pytest.raises(InputError, match="cut short") as caught:
        read_population(path)
    assert "previous exception" not in str(caught.value)


# -- the command line -------------------------------------------------------------------------


def test_study_area_bbox_west_of_greenwich_needs_no_equals_sign(tmp_path, capsys):
    rows = [["nome", "latitude", "longitude"], ["UBS Santa Cecília", "-30.0346", "-51.2177"]]
    rows += [
        ["US Cruzeiro do Sul", "-30.0779", "-51.2269"],
        ["US São José", "-30.0691", "-51.1706"],
    ]
    path = tmp_path / "ubs_porto_alegre.csv"
    path.write_text("\n".join(_csv_lines(rows)) + "\n", encoding="utf-8")
    out = tmp_path / "labs.gpkg"
    bbox = "-51.3,-30.3,-51.0,-29.9"
    assert main(["import-facilities", str(path), "-o", str(out), "--study-area", bbox]) == 0
    captured = capsys.readouterr()
    assert "expected one argument" not in captured.err
    assert "wrote 3 facilities" in captured.out


def test_report_extent_may_begin_with_a_minus_sign():
    from ccgeo.cli import join_negative_values
    from ccgeo.cli.parser import build_parser

    argv = join_negative_values(
        ["report", "p.ccgeo", "-o", "r.pdf", "--extent", "-51.3,-30.2,-51.0,-29.9"]
    )
    args = build_parser().parse_args(argv)
    assert args.extent == (-51.3, -30.2, -51.0, -29.9)


def test_swap_hint_says_what_the_command_line_can_do(tmp_path, capsys):
    rows = [REGISTRY[0]] + [[*r[:4], r[5], r[4], r[6]] for r in REGISTRY[1:]]  # lat and lon swapped
    path = tmp_path / "registry_swapped.csv"
    path.write_text("\n".join(_csv_lines(rows)) + "\n", encoding="utf-8")
    out = tmp_path / "labs.gpkg"
    bbox = "--study-area=36.6,-1.45,37.0,-1.15"
    assert main(["import-facilities", str(path), "-o", str(out), bbox]) == 0
    printed = capsys.readouterr().out
    assert "swap" in printed
    assert "detect_swap" not in printed
    assert "--keep-lat-lon" in printed
    assert main(["import-facilities", str(path), "-o", str(out), "--keep-lat-lon"]) == 0
    kept = pyogrio.read_dataframe(out, layer="facilities")
    assert kept.geometry.y.tolist() == [float(r[5]) for r in REGISTRY[1:]]


# -- projects with a flipped bit, folders, unreadable files ----------------------------------


@pytest.fixture(scope="module")
def saved_project(tmp_path_factory, copy_demo) -> Path:
    path = tmp_path_factory.mktemp("bad_inputs") / "city.ccgeo"
    save_project(copy_demo(), path)
    return path


def _first_name(project: Path) -> str:
    with closing(sqlite3.connect(project)) as con:
        return str(con.execute("SELECT name FROM facilities ORDER BY fid LIMIT 1").fetchone()[0])


def _flipped(saved: Path, folder: Path, find, *, at: int = 0) -> Path:
    raw = bytearray(saved.read_bytes())
    pos = raw.find(find)
    assert pos >= 0
    raw[pos + at] ^= 0x80
    path = folder / "flipped.ccgeo"
    path.write_bytes(bytes(raw))
    return path


def test_a_flipped_bit_in_a_facility_name(saved_project, tmp_path):
    first = _first_name(saved_project)
    path = _flipped(saved_project, tmp_path, str(first).encode("utf-8"))
    with pytest.raises(InputError, match=r"facilities layer.*backup") as caught:
        open_project(path)
    assert caught.value.path == path


def test_a_flipped_bit_in_the_road_arrays(saved_project, tmp_path):
    path = _flipped(saved_project, tmp_path, b"geom_lonlat.npy", at=len("geom_lonlat.npy") + 400)
    with pytest.raises(InputError, match=r"arrays are damaged.*backup"):
        open_project(path)


def _run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """``python -m ccgeo ARGS`` in ``cwd``, with the ccgeo these tests import."""
    code = str(Path(ccgeo.__file__).resolve().parents[1])
    pythonpath = os.pathsep.join(p for p in (code, os.environ.get("PYTHONPATH")) if p)
    return subprocess.run(
        [sys.executable, "-m", "ccgeo", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
        check=False,
        env={**os.environ, "PYTHONPATH": pythonpath},
    )


def test_cli_on_a_flipped_project_and_a_folder_prints_one_line(saved_project, tmp_path):
    first = _first_name(saved_project)
    flipped = _flipped(saved_project, tmp_path, str(first).encode("utf-8"))
    folder = tmp_path / "labs.csv"
    folder.mkdir()
    runs = {
        "info": ["info", str(flipped)],
        "access": ["access", str(flipped), "--out", str(tmp_path / "out")],
        "settings": ["settings", str(flipped)],
        "folder as facilities": ["import-facilities", str(folder), "-o", "x.gpkg"],
        "folder as mapping": [
            "import-facilities",
            str(tmp_path / "registry.csv"),
            "--mapping",
            str(folder),
            "-o",
            "x.gpkg",
        ],
    }
    (tmp_path / "registry.csv").write_text("\n".join(_csv_lines(REGISTRY)), encoding="utf-8")
    for what, args in runs.items():
        done = _run_cli(*args, cwd=tmp_path)
        assert done.returncode == 2, (what, done.stderr)
        assert "Traceback" not in done.stderr, what
        assert done.stderr.startswith("ccgeo: error: "), (what, done.stderr)
        assert len(done.stderr.strip().splitlines()) == 1, (what, done.stderr)


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="running as root: chmod 000 does not stop root from reading a file",
)
def test_cli_on_unreadable_files_prints_one_line(saved_project, tmp_path, capsys):
    registry = tmp_path / "registry.csv"
    registry.write_text("\n".join(_csv_lines(REGISTRY)), encoding="utf-8")
    mapping = tmp_path / "mapping.toml"
    mapping.write_text('name = "name"\n', encoding="utf-8")
    project = tmp_path / "city.ccgeo"
    shutil.copy(saved_project, project)
    readable = tmp_path / "registry_readable.csv"
    shutil.copy(registry, readable)
    out = str(tmp_path / "labs.gpkg")
    runs = {
        "project": ["info", str(project)],
        "facilities": ["import-facilities", str(registry), "-o", out],
        "mapping": ["import-facilities", str(readable), "--mapping", str(mapping), "-o", out],
    }
    for path in (registry, mapping, project):
        path.chmod(0)
    try:
        for what, args in runs.items():
            # in this process: an exception that escapes `main` fails the test
            assert main(args) == 2, what
            err = capsys.readouterr().err
            assert err.startswith("ccgeo: error: "), (what, err)
            assert "permission denied" in err, (what, err)
    finally:
        for path in (registry, mapping, project):
            path.chmod(0o644)


def test_permission_errors_become_input_errors(tmp_path, monkeypatch):
    """Runs as root too: the system's refusal is simulated where ccgeo reads the bytes."""
    registry = tmp_path / "registry.csv"
    registry.write_text("\n".join(_csv_lines(REGISTRY)), encoding="utf-8")
    project = tmp_path / "city.ccgeo"
    project.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(InputError, match="permission denied") as caught:
        read_facilities(registry)
    assert caught.value.path == registry
    with pytest.raises(InputError, match="permission denied") as caught:
        open_project(project)
    assert caught.value.path == project


def test_cli_turns_a_refused_output_into_one_line(tmp_path, capsys, monkeypatch):
    from ccgeo.cli import commands

    def refuse(args):
        raise PermissionError(13, "Permission denied", str(tmp_path / "out.gpkg"))

    monkeypatch.setitem(commands.COMMANDS, "demo", refuse)
    assert main(["demo", str(tmp_path / "d")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("ccgeo: error: ")
    assert "out.gpkg" in err
    assert "permission denied" in err


def test_a_raster_without_georeference_is_refused_without_a_warning(tmp_path):
    """A TIFF whose georeference is gone (found by the fuzzer): rasterio warns "not
    georeferenced" and its pixel grid would pass for degrees; ccgeo says what is wrong instead."""
    import warnings

    import rasterio

    path = tmp_path / "people.tif"
    profile = {"driver": "GTiff", "width": 20, "height": 10, "count": 1, "dtype": "float32"}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", rasterio.errors.NotGeoreferencedWarning)
        with rasterio.open(path, "w", **profile) as dst:
            dst.write(np.full((1, 10, 20), 5.0, dtype="float32"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing may reach the user as a warning
        with pytest.raises(InputError, match="no georeference") as info:
            read_population(path)
    assert "people.tif" in str(info.value)
