"""Property test: messy facility tables never lose a row and fail only with `InputError`."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ccgeo.errors import InputError
from ccgeo.io.facilities import read_facilities

LAT_NAMES = ["lat", "Latitude", "LATITUD", "y", "latitude_dd", "Latitud"]
LON_NAMES = ["lon", "lng", "Longitude", "longitud", "x", "LONG"]
NAME_NAMES = ["name", "nombre", "NOME", "F_NAME", "facility_name", "nom"]
ID_NAMES = ["id", "code", "CO_CNES", "clues", "mfl_code", "codigo"]
PCR_NAMES = ["pcr", "PCR", "biologia molecular"]
TESTS_NAMES = ["tests", "pruebas", "exames"]
YES_NO = ["yes", "no", "sí", "não", "oui", "non", "x", "✓", "1", "0", "TRUE", "", "maybe"]
TESTS = ["IHC; PCR", "histopatología", "biologia molecular / NGS", "GeneXpert", "", "tarot"]

junk = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=8)


def coordinate(lo: float, hi: float) -> st.SearchStrategy[str]:
    value = st.floats(lo, hi, allow_nan=False)
    return st.one_of(
        value.map(lambda v: f"{v:.5f}"),
        value.map(lambda v: f"{v:.4f}".replace(".", ",")),
        value.map(lambda v: f"{int(abs(v))}°{int(abs(v) % 1 * 60)}'{'S' if v < 0 else 'N'}"),
        st.just(""),
        st.just("0"),
        st.floats(-400, 400, allow_nan=False).map(lambda v: f"{v:.3f}"),
        junk,
    )


row = st.fixed_dictionaries(
    {
        "id": st.sampled_from(["A", "B", "C", "", "17"]),
        "name": st.sampled_from(["Lab A", "Lab B", "", "Clínica São José"]),
        "lat": coordinate(-1.4, -1.2),
        "lon": coordinate(36.7, 37.0),
        "pcr": st.sampled_from(YES_NO),
        "tests": st.sampled_from(TESTS),
    }
)


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[str], list[list[str]], dict]:
    names = {
        "id": draw(st.sampled_from(ID_NAMES)),
        "name": draw(st.sampled_from(NAME_NAMES)),
        "lat": draw(st.sampled_from(LAT_NAMES)),
        "lon": draw(st.sampled_from(LON_NAMES)),
        "pcr": draw(st.sampled_from(PCR_NAMES)),
        "tests": draw(st.sampled_from(TESTS_NAMES)),
    }
    keys = draw(st.permutations(list(names)))
    records = draw(st.lists(row, min_size=1, max_size=12))
    if draw(st.booleans()):
        records.append(dict(draw(st.sampled_from(records))))  # an exact duplicate row
    header = ["rowtag", *(names[k] for k in keys)]
    body = [[str(i + 2), *(rec[k] for k in keys)] for i, rec in enumerate(records)]
    options = {
        "format": draw(st.sampled_from(["csv", "csv", "csv", "xlsx"])),
        "encoding": draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252"])),
        "delimiter": draw(st.sampled_from([",", ";", "\t"])),
        "study_area": draw(st.sampled_from([None, (36.6, -1.5, 37.1, -1.1)])),
    }
    return header, body, options


def _write(folder: Path, header: list[str], body: list[list[str]], options: dict) -> Path:
    if options["format"] == "xlsx":
        path = folder / "labs.xlsx"
        book = openpyxl.Workbook()
        book.active.append(header)
        for cells in body:
            book.active.append(cells)
        book.save(path)
        return path
    buf = io.StringIO()
    csv.writer(buf, delimiter=options["delimiter"]).writerows([header, *body])
    text = buf.getvalue()
    try:
        raw = text.encode(options["encoding"])
    except UnicodeEncodeError:
        raw = text.encode("utf-8")  # cp1252 cannot hold every junk character
    path = folder / "labs.csv"
    path.write_bytes(raw)
    return path


@settings(
    max_examples=80,
    deadline=None,
    database=None,  # no .hypothesis folder in the project
    suppress_health_check=[HealthCheck.too_slow],
)
@given(tables())
def test_every_row_imported_or_reported(table):
    header, body, options = table
    with tempfile.TemporaryDirectory() as tmp:
        path = _write(Path(tmp), header, body, options)
        try:
            fac = read_facilities(path, study_area=options["study_area"])
        except InputError:
            return
    rep = fac.report
    n = len(body)
    assert rep.n_rows == n
    assert rep.n_rows == rep.n_imported + rep.n_rejected
    imported = {int(tag) for tag in fac.gdf["rowtag"]}
    rejected = rep.rejected_rows()
    assert imported.isdisjoint(rejected)
    assert imported | rejected == set(range(2, n + 2))
    for issue in rep.issues:
        assert issue.row is None or 2 <= issue.row <= n + 1
        assert issue.problem
    assert fac.gdf["review"].dtype == bool
    assert fac.gdf["pcr"].dtype == bool
    lonlat = fac.lonlat()
    assert ((abs(lonlat[:, 0]) <= 180) & (abs(lonlat[:, 1]) <= 90)).all()
    assert fac.gdf["facility_id"].is_unique
