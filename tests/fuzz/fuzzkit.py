"""The fuzzer's parts: a base of real registry rows, hypothesis strategies that turn them into
damaged facility files, the invariants checked on every case, and the tally of what was found.

Every case is checked for: no exception but `InputError` naming the file (no traceback); for a
table whose row count the generator knows, ``n_imported + n_rejected`` equal to the rows written;
every row whose coordinates were written valid and untouched imported at them (1e-6 degrees);
every row the swap rule changed one the generator swapped.

Profiles (`examples`): ``CCGEO_FUZZ`` unset runs the quick, derandomised CI profile; a number
(``CCGEO_FUZZ=10000``) shares that many cases among the fuzz tests. ``CCGEO_FUZZ_TALLY=path``
writes the tally there at the end; ``CCGEO_FUZZ_COLLECT=1`` records failures instead of
stopping at the first (the runner, ``python tests/fuzz/run.py``, sets both).
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import traceback
import warnings
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from ccgeo.errors import InputError

SHARED_DATA = Path(
    os.environ.get(
        "CCGEO_SHARED_DATA", Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
    )
)
REGISTRY = SHARED_DATA / "porto_alegre" / "postos_saude_brasil_RS.csv"

#: Share of the cases of a thorough run given to each fuzz test.
WEIGHTS: dict[str, float] = {
    "text": 0.52,
    "xlsx": 0.12,
    "ods": 0.04,
    "geojson": 0.08,
    "gpkg": 0.06,
    "osm_xml": 0.06,
    "osm_pbf": 0.04,
    "raster": 0.08,
}
#: Cases of each test in the quick profile (CI): the fuzz folder runs in well under a minute.
QUICK: dict[str, int] = {
    "text": 300,
    "xlsx": 50,
    "ods": 15,
    "geojson": 60,
    "gpkg": 40,
    "osm_xml": 40,
    "osm_pbf": 25,
    "raster": 50,
}
#: Tolerance of "imported at the written coordinates", degrees.
MOVED_DEG = 1e-6


def thorough_total() -> int:
    """``CCGEO_FUZZ`` as a number of cases, 0 for the quick profile."""
    value = os.environ.get("CCGEO_FUZZ", "").strip()
    return int(value) if value.isdigit() else 0


def examples(name: str) -> settings:
    """Hypothesis settings of the fuzz test ``name`` in the chosen profile."""
    total = thorough_total()
    common = {
        "deadline": None,
        "database": None,
        "suppress_health_check": list(HealthCheck),
    }
    if total:
        n = max(1, round(total * WEIGHTS[name]))
        # no shrinking: every failure is recorded as it comes (collect mode) and the run goes on
        return settings(max_examples=n, derandomize=False, phases=_explore_phases(), **common)
    return settings(max_examples=QUICK[name], derandomize=True, **common)


def _explore_phases() -> list[Any]:
    from hypothesis import Phase

    return [Phase.generate]


def collecting() -> bool:
    return os.environ.get("CCGEO_FUZZ_COLLECT") == "1"


# -- the tally ---------------------------------------------------------------------------------


@dataclass
class Tally:
    """What the invariant checks counted, over the session."""

    cases: Counter[str] = field(default_factory=Counter)
    tracebacks: int = 0
    unaccounted_rows: int = 0
    moved_rows: int = 0
    wrong_swaps: int = 0
    leaked_warnings: int = 0
    rows_written: int = 0
    rows_checked: int = 0
    input_errors: int = 0
    problems: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "cases": sum(self.cases.values()),
            "cases_by_kind": dict(self.cases),
            "tracebacks": self.tracebacks,
            "unaccounted_rows": self.unaccounted_rows,
            "moved_rows": self.moved_rows,
            "wrong_swaps": self.wrong_swaps,
            "leaked_warnings": self.leaked_warnings,
            "rows_written": self.rows_written,
            "rows_checked_in_place": self.rows_checked,
            "input_errors": self.input_errors,
            "problems": self.problems[:50],
        }


TALLY = Tally()


def fail_or_record(problems: list[str], *, data: bytes, suffix: str) -> None:
    """Fail the case (CI), or keep the problems and the file for the runner (collect mode)."""
    if not problems:
        return
    TALLY.problems.extend(problems)
    out = os.environ.get("CCGEO_FUZZ_OUT")
    if out:
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        n = len(list(folder.iterdir()))
        (folder / f"case{n:05d}{suffix}").write_bytes(data)
        (folder / f"case{n:05d}.txt").write_text("\n".join(problems), encoding="utf-8")
    if not collecting():
        pytest.fail("\n".join(problems))


def call_reader(kind: str, read: Any, path: Path) -> tuple[Any, list[str]]:
    """Run ``read(path)`` as one case: (result or None, problems). An `InputError` must name the
    file; any other exception is a traceback; a warning that reaches the user (not a
    deprecation of a library's internals) is counted apart."""
    TALLY.cases[kind] += 1
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        result, problems = _call(kind, read, path)
    leaked = sorted(
        {
            f"{w.category.__name__}: {w.message}"
            for w in said
            if not issubclass(w.category, (DeprecationWarning, PendingDeprecationWarning))
        }
    )
    if leaked:
        TALLY.leaked_warnings += 1
        problems.append(f"{kind}: warning reached the user: {'; '.join(leaked)}")
    return result, problems


def _call(kind: str, read: Any, path: Path) -> tuple[Any, list[str]]:
    try:
        return read(path), []
    except InputError as exc:
        TALLY.input_errors += 1
        if path.name not in str(exc):
            TALLY.tracebacks += 1
            return None, [f"{kind}: InputError does not name the file: {exc}"]
        return None, []
    except Exception as exc:
        TALLY.tracebacks += 1
        tb = traceback.format_exception(exc)[-3:]
        return None, [f"{kind}: {type(exc).__name__}: {exc}\n{''.join(tb)}"]


# -- the base: real registry rows ---------------------------------------------------------------


@lru_cache(maxsize=1)
def base_rows() -> tuple[list[str], list[list[str]]]:
    """The header and rows of a real state registry (Rio Grande do Sul health posts)."""
    if not REGISTRY.is_file():
        pytest.skip(f"real registry not found at {REGISTRY} (set CCGEO_SHARED_DATA)")
    with REGISTRY.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


@dataclass
class Row:
    """One data row as written, and what the generator knows of it."""

    cells: list[str]
    truth: tuple[float, float] | None  #: (lon, lat) written valid and untouched, else None
    swapped: bool = False  #: latitude and longitude written in each other's place
    blank: bool = False

    def __repr__(self) -> str:  # short: hypothesis may print it
        return f"Row({len(self.cells)} cells, truth={self.truth}, swapped={self.swapped})"


@dataclass
class Table:
    """A facility table before it is written: header, rows, and the file-level choices."""

    header: list[str]
    rows: list[Row]
    lat_col: int
    lon_col: int
    notes: list[str] = field(default_factory=list)


FORMULAS = ('=HYPERLINK("http://x","x")', "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)")
HUGE = 131_073


def _dms(value: float, pos: str, neg: str) -> tuple[str, float]:
    """Degrees-minutes-seconds text (seconds to 1e-4) and the value it writes, in degrees."""
    hemi = neg if value < 0 else pos
    a = abs(value)
    deg = int(a)
    minutes = int((a - deg) * 60)
    seconds = round((a - deg - minutes / 60) * 3600, 4)
    seconds = min(seconds, 59.9999)
    written = (deg + minutes / 60 + seconds / 3600) * (-1 if value < 0 else 1)
    return f"{deg}°{minutes}'{seconds:.4f}\"{hemi}", written


@st.composite
def coordinate_cells(draw: st.DrawFn, lon: float, lat: float) -> tuple[str, str, Row]:
    """Cells for one row's latitude and longitude, and what the generator then knows."""
    how = draw(
        st.sampled_from(
            ["plain"] * 6 + ["comma", "dms", "swapped", "out_of_range", "empty", "half", "junk"]
        )
    )
    row = Row([], (lon, lat))
    if how == "plain":
        return repr(lat), repr(lon), row
    if how == "comma":
        return repr(lat).replace(".", ","), repr(lon).replace(".", ","), row
    if how == "dms":
        # degrees-minutes-seconds written to 1e-4 seconds: the truth is what was written
        (la, la_value), (lo, lo_value) = _dms(lat, "N", "S"), _dms(lon, "E", "W")
        row.truth = (lo_value, la_value)
        return la, lo, row
    if how == "swapped":
        row.swapped = True
        return repr(lon), repr(lat), row
    row.truth = None
    if how == "out_of_range":
        la = draw(st.floats(91, 1e6, allow_nan=False).map(lambda v: f"{v:.3f}"))
        lo = draw(st.floats(181, 1e6, allow_nan=False).map(lambda v: f"-{v:.3f}"))
        return (*draw(st.sampled_from([(la, repr(lon)), (repr(lat), lo), (la, lo)])), row)
    if how == "empty":
        return "", "", row
    if how == "half":
        return (*draw(st.sampled_from([("", repr(lon)), (repr(lat), "")])), row)
    junk = draw(st.sampled_from(["n/a", "?", "north", "1e400", "-inf", "0", "--", "12°99'", "nan"]))
    return (*draw(st.sampled_from([(junk, repr(lon)), (repr(lat), junk)])), row)


@st.composite
def cell_mutation(draw: st.DrawFn, value: str) -> str:
    """A text cell left alone, emptied, made a formula, given quotes or odd characters."""
    how = draw(st.sampled_from(["same"] * 8 + ["empty", "formula", "odd", "quote"]))
    if how == "same":
        return value
    if how == "empty":
        return ""
    if how == "formula":
        return draw(st.sampled_from(FORMULAS))
    if how == "quote":
        return f'{value} "Unidade" 2'
    return value + draw(st.sampled_from(["\u00a0", "ção", "\u200b", "€", "\t", ";", "|"]))


@st.composite
def tables(draw: st.DrawFn) -> Table:
    """A facility table of 1 to 60 real registry rows, its cells and coordinates mutated."""
    header, base = base_rows()
    lat_col, lon_col = header.index("LATITUDE"), header.index("LONGITUDE")
    n = draw(st.integers(1, 60))
    start = draw(st.integers(0, len(base) - 1))
    step = draw(st.integers(1, 97))
    # rows of one stretch of the registry (a municipality's), as a real extract holds them
    picks = [(start + step * i) % len(base) for i in range(n)]
    rows: list[Row] = []
    for i in picks:
        cells = list(base[i])
        lon, lat = float(cells[lon_col]), float(cells[lat_col])
        la, lo, row = draw(coordinate_cells(lon, lat))
        for j in range(len(cells)):
            if j not in (lat_col, lon_col) and draw(st.integers(0, 9)) == 0:
                cells[j] = draw(cell_mutation(cells[j]))
        cells[lat_col], cells[lon_col] = la, lo
        row.cells = cells
        rows.append(row)
        if draw(st.integers(0, 19)) == 0:
            rows.append(Row([""] * len(header), None, blank=True))
    if draw(st.integers(0, 9)) == 0:
        # the whole file written with latitude and longitude exchanged (a few rows may be
        # right already: those written swapped above)
        for row in rows:
            row.cells[lat_col], row.cells[lon_col] = row.cells[lon_col], row.cells[lat_col]
            row.swapped = not row.swapped and not row.blank
    if draw(st.integers(0, 7)) == 0:
        # one cell over the csv module's 131,072-character limit
        row = draw(st.sampled_from(rows))
        j = draw(st.sampled_from([c for c in range(len(header)) if c not in (lat_col, lon_col)]))
        if not row.blank:
            row.cells[j] = (row.cells[j] or "x") * (HUGE // max(1, len(row.cells[j])) + 1)
    return Table(list(header), rows, lat_col, lon_col)


# -- writing a table as a file ------------------------------------------------------------------


ENCODINGS = ("utf-8", "utf-8-sig", "cp1252", "utf-16", "utf-16-le", "utf-32", "latin-1")
LINE_ENDS = ("\n", "\r\n", "\r")
DELIMITERS = (",", ";", "\t", "|")


@dataclass
class Written:
    """A file's bytes, its suffix, and the rows the generator knows it holds."""

    data: bytes
    suffix: str
    rows: list[Row] | None  #: None when a mutation made the row count unknowable
    first_row: int = 2  #: the row number of the first data row
    label: str = ""

    def __repr__(self) -> str:  # short: hypothesis prints it for a failing case
        rows = "unknown" if self.rows is None else len(self.rows)
        return f"Written({len(self.data)} bytes, {self.suffix}, rows={rows}, {self.label})"


def _line(cells: list[str], delim: str) -> str:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delim, lineterminator="").writerow(cells)
    return buf.getvalue()


@st.composite
def text_files(draw: st.DrawFn) -> Written:
    """A table written as delimited text: encoding, separator, line ends, trailing separators,
    a stray quote, then perhaps truncated or bit-flipped."""
    table = draw(tables())
    delim = draw(st.sampled_from(DELIMITERS))
    end = draw(st.sampled_from(LINE_ENDS))
    encoding = draw(st.sampled_from(ENCODINGS))
    trailing = draw(st.integers(0, 3)) == 0
    lines = [_line(table.header, delim)]
    lines += ["" if row.blank else _line(row.cells, delim) for row in table.rows]
    if trailing:
        lines = [ln + delim * 2 for ln in lines]
    label = f"{encoding} {delim!r} {end!r}{' trailing' if trailing else ''}"
    if len(lines) > 1 and draw(st.integers(0, 4)) == 0:
        # one or two stray quotes, each opening a cell of a data line (two may close each other)
        for k in draw(st.sets(st.integers(1, len(lines) - 1), min_size=1, max_size=2)):
            line = lines[k]
            cut = [i + 1 for i, ch in enumerate(line) if ch == delim and line[i + 1 : i + 2] != '"']
            if cut:
                at = draw(st.sampled_from(cut))
                lines[k] = line[:at] + '"' + line[at:]
                label += f" stray-quote@{k + 1}"
    text = end.join(lines) + end
    suffix = draw(st.sampled_from([".csv", ".tsv", ".txt"])) if delim == "\t" else ".csv"
    data = text.encode(encoding, errors="replace")
    return draw(damaged(Written(data, suffix, table.rows, label=label)))


@st.composite
def damaged(draw: st.DrawFn, written: Written) -> Written:
    """Leave the file, truncate it, or flip bits in it (the row count is then unknowable)."""
    how = draw(st.sampled_from(["same"] * 6 + ["truncate", "bitflip", "empty"]))
    data = written.data
    if how == "same":
        return written
    if how == "empty":
        return Written(b"", written.suffix, None, label=written.label + " empty")
    # positions drawn independently of the file's size (a workbook's bytes hold the time)
    if how == "truncate":
        cut = draw(st.integers(0, 2**31)) % max(1, len(data))
        return Written(data[:cut], written.suffix, None, label=written.label + f" cut@{cut}")
    flips = draw(st.lists(st.integers(0, 2**40), min_size=1, max_size=8))
    buf = bytearray(data)
    for bit in flips:
        if buf:
            bit %= len(buf) * 8
            buf[bit // 8] ^= 1 << (bit % 8)
    return Written(bytes(buf), written.suffix, None, label=written.label + " bitflip")


def workbook_bytes(table: Table, *, ods: bool) -> bytes:
    """The table as an XLSX (openpyxl; coordinates as numbers where they are) or an ODS."""
    import pandas as pd

    frame = pd.DataFrame(
        [
            [_typed(c) for c in r.cells] if not r.blank else [None] * len(r.cells)
            for r in table.rows
        ],
        columns=table.header,
        dtype=object,
    )
    buf = io.BytesIO()
    if ods:
        frame.to_excel(buf, index=False, engine="odf")
        return buf.getvalue()
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(table.header)
    for values in frame.itertuples(index=False):
        sheet.append(list(values))
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str) and cell.value[:1] == "=":
                cell.data_type = "s"  # the text as written, not a formula
    book.save(buf)
    return buf.getvalue()


def _typed(text: str) -> Any:
    """A cell as a spreadsheet holds it: a number when the text is one, else text."""
    if text == "":
        return None
    try:
        value = float(text)
    except ValueError:
        return text[:32_767]  # a spreadsheet cell holds at most 32,767 characters
    return value if math.isfinite(value) and text.strip() == text else text


@st.composite
def workbook_files(draw: st.DrawFn, *, ods: bool) -> Written:
    table = draw(tables())
    # trailing blank rows are not rows of a sheet: drop them
    while table.rows and table.rows[-1].blank:
        table.rows.pop()
    if not table.rows:
        table.rows.append(Row(list(base_rows()[1][0]), None))
        table.rows[0].truth = (
            float(table.rows[0].cells[table.lon_col]),
            float(table.rows[0].cells[table.lat_col]),
        )
    for row in table.rows:
        for j, cell in enumerate(row.cells):
            if len(cell) > 32_767:
                row.cells[j] = cell[:32_767]
    data = workbook_bytes(table, ods=ods)
    written = Written(data, ".ods" if ods else ".xlsx", table.rows, label="ods" if ods else "xlsx")
    return draw(damaged(written))


# -- the invariants of a facility file -----------------------------------------------------------


#: Study areas a case may be read with: none, or the bounds of Rio Grande do Sul (degrees).
STUDY_AREAS = st.sampled_from([None, None, (-57.7, -33.8, -49.6, -27.0)])


def check_facilities(
    written: Written, path: Path, kind: str, *, study_area: Any = None
) -> list[str]:
    """Read ``path`` as a facility list (with ``study_area``) and check every invariant;
    counts go to `TALLY`."""
    from ccgeo.io.facilities import read_facilities

    def read(p: Path) -> Any:
        return read_facilities(p, study_area=study_area)

    fac, problems = call_reader(kind, read, path)
    if fac is None:
        return problems
    report = fac.report
    if report.n_imported + report.n_rejected != report.n_rows or len(fac) != report.n_imported:
        TALLY.unaccounted_rows += abs(report.n_rows - report.n_imported - report.n_rejected)
        problems.append(f"{kind}: {report.summary()}: imported + rejected != rows read")
    if written.rows is None:
        return problems
    n_written = len(written.rows)
    TALLY.rows_written += n_written
    if report.n_rows != n_written:
        TALLY.unaccounted_rows += abs(report.n_rows - n_written)
        problems.append(
            f"{kind} ({written.label}): {n_written} rows written, {report.n_rows} read "
            f"({report.summary()})"
        )
        return problems
    problems += _check_places(written, fac, kind)
    return problems


def _check_places(written: Written, fac: Any, kind: str) -> list[str]:
    """Imported rows at their written coordinates; rows changed by the swap rule swapped."""
    report = fac.report
    rejected = report.rejected_rows()
    numbers = [written.first_row + i for i in range(len(written.rows))]
    imported = [k for k, n in enumerate(numbers) if n not in rejected]
    problems: list[str] = []
    if len(imported) != len(fac):
        TALLY.unaccounted_rows += abs(len(imported) - len(fac))
        return [f"{kind}: {len(imported)} rows not rejected but {len(fac)} imported"]
    lonlat = fac.lonlat()
    swapped_rows = {
        i.row for i in report.issues if i.severity == "fixed" and "swapped" in i.problem
    }
    for at, k in enumerate(imported):
        row = written.rows[k]
        if row.truth is None:
            continue
        TALLY.rows_checked += 1
        lon, lat = lonlat[at]
        if abs(lon - row.truth[0]) > MOVED_DEG or abs(lat - row.truth[1]) > MOVED_DEG:
            if row.swapped and max(abs(lon - row.truth[1]), abs(lat - row.truth[0])) <= MOVED_DEG:
                continue  # a swapped row left as written: not moved (its report is checked below)
            TALLY.moved_rows += 1
            problems.append(
                f"{kind} ({written.label}): row {numbers[k]} written at {row.truth} imported "
                f"at ({lon}, {lat})"
            )
    for n in swapped_rows:
        k = n - written.first_row
        if not 0 <= k < len(written.rows) or not written.rows[k].swapped:
            TALLY.wrong_swaps += 1
            problems.append(f"{kind} ({written.label}): row {n} swapped by the rule, not by us")
    return problems


def write_case(tmp: Path, written: Written, stem: str = "facilities") -> Path:
    path = tmp / f"{stem}{written.suffix}"
    path.write_bytes(written.data)
    return path


def dump_tally(path: str | os.PathLike[str]) -> None:
    Path(path).write_text(json.dumps(TALLY.as_dict(), indent=2), encoding="utf-8")


# -- point layers: GeoJSON and GeoPackage --------------------------------------------------------


def _point_of(row: Row, table: Table) -> list[float] | None:
    """The point a layer stores for a row: its coordinate cells when both are plain numbers."""
    try:
        lat = float(row.cells[table.lat_col])
        lon = float(row.cells[table.lon_col])
    except ValueError:
        return None
    return [lon, lat] if math.isfinite(lon) and math.isfinite(lat) else None


@st.composite
def layer_rows(draw: st.DrawFn) -> tuple[Table, list[dict[str, Any] | None]]:
    """A table and, for each row, the GeoJSON geometry of its feature (a point, a line, none).

    A feature without geometry keeps its LATITUDE/LONGITUDE attributes, from which the reader
    may take its location: what the generator knows of the row holds either way."""
    table = draw(tables())
    geometries: list[dict[str, Any] | None] = []
    for row in table.rows:
        point = None if row.blank else _point_of(row, table)
        how = draw(st.sampled_from(["point"] * 8 + ["none", "line"]))
        if point is None or how == "none":
            geometries.append(None)
        elif how == "line":
            geometries.append(
                {"type": "LineString", "coordinates": [point, [p + 0.01 for p in point]]}
            )
            row.truth = None
        else:
            geometries.append({"type": "Point", "coordinates": point})
    return table, geometries


@st.composite
def geojson_files(draw: st.DrawFn) -> Written:
    table, geometries = draw(layer_rows())
    features = [
        {
            "type": "Feature",
            "properties": {h: (c or None) for h, c in zip(table.header, row.cells, strict=True)},
            "geometry": geom,
        }
        for row, geom in zip(table.rows, geometries, strict=True)
    ]
    text = json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)
    written = Written(text.encode("utf-8"), ".geojson", table.rows, first_row=1, label="geojson")
    return draw(damaged(written))


@st.composite
def gpkg_files(draw: st.DrawFn) -> Written:
    import tempfile

    import geopandas as gpd
    import pyogrio
    import shapely

    table, geometries = draw(layer_rows())
    frame = gpd.GeoDataFrame(
        [[c or None for c in row.cells] for row in table.rows],
        columns=table.header,
        geometry=[None if g is None else shapely.geometry.shape(g) for g in geometries],
        crs="EPSG:4326",
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "facilities.gpkg"
        pyogrio.write_dataframe(frame, path, layer="facilities")
        data = path.read_bytes()
    written = Written(data, ".gpkg", table.rows, first_row=1, label="gpkg")
    return draw(damaged(written))


# -- roads: OSM XML and PBF ----------------------------------------------------------------------


HIGHWAYS = (
    "residential",
    "primary",
    "tertiary",
    "service",
    "track",
    "footway",
    "motorway",
    "construction",
    "unclassified",
    "nonsense",
    "",
    "primary;secondary",
)
ODD_TAGS = (
    ("access", "no"),
    ("access", "destination"),
    ("motor_vehicle", "no"),
    ("oneway", "-1"),
    ("oneway", "reversible"),
    ("maxspeed", "fast"),
    ("maxspeed", "50 mph"),
    ("maxspeed", "1e400"),
    ("maxspeed", "-30"),
    ("surface", "&lt;b&gt;"),
    ("name", "=HYPERLINK(1)"),
    ("junction", "roundabout"),
)


@st.composite
def osm_xml_text(draw: st.DrawFn) -> str:
    """A small OSM XML file of a few ways on a 100 m grid near Porto Alegre, with odd tags."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from osmkit import OsmXml

    osm = OsmXml(origin=(-51.2, -30.03))
    for _ in range(draw(st.integers(0, 12))):
        pts = draw(
            st.lists(st.tuples(st.integers(0, 8), st.integers(0, 8)), min_size=1, max_size=5)
        )
        tags = {"highway": draw(st.sampled_from(HIGHWAYS))}
        tags.update(draw(st.lists(st.sampled_from(ODD_TAGS), max_size=3)))
        osm.way([(float(x), float(y)) for x, y in pts], **{k: v for k, v in tags.items() if v})
    for _ in range(draw(st.integers(0, 2))):
        osm.node(draw(st.integers(0, 8)), draw(st.integers(0, 8)), barrier="gate")
    if draw(st.integers(0, 9)) == 0:
        osm.nodes.append('<node id="9999" version="1" lat="123.4" lon="-500"/>')
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<osm version="0.6" generator="fuzz">']
    return "\n".join([*lines, *osm.nodes, *osm.ways, *osm.relations, "</osm>"])


@st.composite
def osm_xml_files(draw: st.DrawFn) -> Written:
    data = draw(osm_xml_text()).encode("utf-8")
    return draw(damaged(Written(data, ".osm", None, label="osm")))


@st.composite
def osm_pbf_files(draw: st.DrawFn) -> Written:
    """A PBF converted from a generated XML, or the real Aguascalientes extract; then damaged."""
    import tempfile

    import osmium

    if draw(st.booleans()):
        real = SHARED_DATA / "aguascalientes" / "aguascalientes.osm.pbf"
        if not real.is_file():
            pytest.skip(f"real OSM extract not found at {real}")
        data = real.read_bytes()
    else:
        text = draw(osm_xml_text())
        with tempfile.TemporaryDirectory() as tmp:
            xml, pbf = Path(tmp) / "roads.osm", Path(tmp) / "roads.osm.pbf"
            xml.write_text(text, encoding="utf-8")
            try:
                with osmium.SimpleWriter(str(pbf)) as writer:
                    for obj in osmium.FileProcessor(str(xml)):
                        writer.add(obj)
                data = pbf.read_bytes()
            except Exception:
                data = b""
    return draw(damaged(Written(data, ".osm.pbf", None, label="pbf")))


# -- population rasters ------------------------------------------------------------------------


@st.composite
def raster_files(draw: st.DrawFn) -> Written:
    """A small GeoTIFF of people per cell near Porto Alegre (odd values, nodata, CRS), damaged."""
    import tempfile

    import numpy as np
    import rasterio
    from rasterio.transform import from_origin

    h, w = draw(st.integers(1, 12)), draw(st.integers(1, 12))
    values = draw(
        st.lists(
            st.sampled_from(
                [0.0, 1.0, 12.5, 300.0, -5.0, float("nan"), 1e30, -3.4e38, float("inf")]
            ),
            min_size=h * w,
            max_size=h * w,
        )
    )
    dtype = draw(st.sampled_from(["float32", "float64"]))
    nodata = draw(st.sampled_from([None, -3.4e38, 0.0, float("nan")]))
    utm = draw(st.booleans())
    crs, x0, y0, step = (
        ("EPSG:32722", 480_000.0, 6_680_000.0, 100.0)
        if utm
        else ("EPSG:4326", -51.25, -30.0, 0.001)
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "people.tif"
        with rasterio.open(
            path,
            "w",
            driver="GTiff",
            height=h,
            width=w,
            count=1,
            dtype=dtype,
            crs=crs,
            transform=from_origin(x0, y0, step, step),
            nodata=nodata,
        ) as dst:
            dst.write(np.asarray(values, dtype=dtype).reshape(h, w), 1)
        data = path.read_bytes()
    return draw(damaged(Written(data, ".tif", None, label=f"tif {dtype} {crs}")))
