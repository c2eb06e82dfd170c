"""Reading the tables planners bring: CSV in any common encoding and delimiter, XLSX, ODS, JSON.

Values are read as text (nothing is guessed by pandas), so that the readers built on top can
parse and report every cell themselves. Also the coordinate parser shared by those readers.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

import pandas as pd

from ccgeo.errors import InputError
from ccgeo.io.kinds import kind_of, suffixes

#: Encodings tried in order; CP1252 decodes any byte, so it comes last.
_ENCODINGS = ("utf-8-sig", "utf-8", "cp1252", "latin-1")
_DELIMITERS = ",;\t|"

#: Files `read_table` reads (`ccgeo.io.kinds`: tables and workbooks).
TABLE_SUFFIXES: tuple[str, ...] = suffixes("table", "workbook")
#: How an old binary Excel workbook (.xls, OLE2) begins; pandas would need xlrd to read it.
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# fmt: off
#: Column names read as longitude, normalised by `normalise_name`, best first.
LON_COLUMN_NAMES: tuple[str, ...] = (
    "lon", "lng", "long", "longitude", "longitud", "x", "lon dd", "long dd", "longitude dd",
    "coord x", "x coord", "xcoord", "gps longitude",
)
#: Column names read as latitude, normalised by `normalise_name`, best first.
LAT_COLUMN_NAMES: tuple[str, ...] = (
    "lat", "latitude", "latitud", "y", "lat dd", "latitude dd", "coord y", "y coord", "ycoord",
    "gps latitude",
)
# fmt: on


def normalise_name(text: Any) -> str:
    """A column name compared loosely: lower case, accents stripped, non-alphanumerics one space."""
    s = unicodedata.normalize("NFKD", str(text))
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()
    return re.sub(r"[\W_]+", " ", s).strip()


def decode_text(raw: bytes, *, path: str | Path) -> tuple[str, str]:
    """Decode bytes trying UTF-8 (with or without BOM) then CP1252/Latin-1.

    Returns the text and the encoding used.
    """
    for enc in _ENCODINGS:
        try:
            return raw.decode(enc), enc
        except UnicodeDecodeError:
            continue
    msg = "the file is not text in UTF-8, CP1252 or Latin-1; save it as CSV UTF-8"
    raise InputError(msg, path=path)


def sniff_delimiter(text: str) -> str:
    """Guess the delimiter among comma, semicolon, tab and pipe from the first lines.

    The delimiter is the one that splits the header and the following lines into the same
    number of fields (more than one); ties go to the one giving more fields.
    """
    lines = [ln for ln in text.splitlines()[:50] if ln.strip()]
    if not lines:
        return ","
    best, best_score = ",", (-1, -1)
    for delim in _DELIMITERS:
        counts = [len(row) for row in csv.reader(lines, delimiter=delim)]
        head = counts[0]
        if head < 2:
            continue
        consistent = sum(1 for c in counts if c == head)
        score = (consistent, head)
        if score > best_score:
            best, best_score = delim, score
    return best


def read_table(path: str | Path, *, sheet: str | int | None = None) -> pd.DataFrame:
    """Read a CSV/TSV, XLSX, ODS or JSON table with every cell as text (or None when empty).

    Parameters
    ----------
    path
        The file. JSON may be a list of records, an object holding such a list (``results``,
        ``data``, ``features``, ``records``, ``items``), or a GeoJSON FeatureCollection (its
        properties, plus ``__lon``/``__lat`` from point geometries).
    sheet
        Sheet name or 0-based index for XLSX/ODS; the first sheet by default.

    Returns
    -------
    DataFrame
        One row per data row, in file order, columns named as in the header (stripped); the
        attribute ``df.attrs["encoding"]`` and ``df.attrs["sheet"]`` say what was used.
    """
    path = Path(path)
    if not path.exists():
        raise InputError("file not found; check the path", path=path)
    if path.is_dir():
        raise InputError("is a folder, expected a table file (CSV, XLSX, ODS, JSON)", path=path)
    if kind_of(path) == "workbook":
        return _read_workbook(path, sheet=sheet)
    raw = path.read_bytes()
    if raw[:4] == b"PK\x03\x04":
        # a spreadsheet saved with a .csv name: read it as the workbook it is
        return _read_workbook(path, sheet=sheet)
    if raw[:8] == _OLE2_MAGIC:
        msg = "is an old Excel workbook (.xls); open it and save it as .xlsx or CSV UTF-8"
        raise InputError(msg, path=path)
    suffix = path.suffix.lower()
    text, encoding = decode_text(raw, path=path)
    if suffix in (".json", ".geojson") or text.lstrip()[:1] in ("{", "["):
        df = _records_frame(_json_records(text, path=path), path=path)
    else:
        df = _read_delimited(text, path=path)
    df.attrs["encoding"] = encoding
    df.attrs["sheet"] = None
    return df


def list_sheets(path: str | Path) -> list[str]:
    """Sheet names of an XLSX or ODS workbook, in order."""
    path = Path(path)
    try:
        with pd.ExcelFile(path, engine=_excel_engine(path)) as book:
            return [str(s) for s in book.sheet_names]
    except (ValueError, OSError, zipfile.BadZipFile, KeyError) as exc:
        raise InputError(f"cannot open the workbook ({exc})", path=path) from exc


def pick_name(
    names: list[str], wanted: str | int | None, *, kind: str, container: str, path: Path
) -> str:
    """Choose a sheet or layer by name or 0-based index (the first by default).

    Raises
    ------
    InputError
        Naming the ones there are, when ``wanted`` is not among them.
    """
    if wanted is None:
        return names[0]
    if isinstance(wanted, int) or (wanted.isdigit() and wanted not in names):
        idx = int(wanted)
        if not 0 <= idx < len(names):
            msg = f"{kind} index {idx} is out of range; {container} has {kind}s {names}"
            raise InputError(msg, path=path)
        return names[idx]
    if wanted in names:
        return wanted
    msg = f"no {kind} named {wanted!r}; {container} has {kind}s {names}; pass one of them"
    raise InputError(msg, path=path)


def _excel_engine(path: Path) -> str:
    if path.suffix.lower() == ".ods":
        return "odf"
    with path.open("rb") as fh:
        head = fh.read(4)
    if head != b"PK\x03\x04":
        raise InputError("is not a valid XLSX/ODS workbook (not a zip archive)", path=path)
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except zipfile.BadZipFile as exc:
        raise InputError(f"is a damaged workbook ({exc})", path=path) from exc
    if "content.xml" in names:
        return "odf"
    return "openpyxl"


def _read_workbook(path: Path, *, sheet: str | int | None) -> pd.DataFrame:
    engine = _excel_engine(path)
    sheets = list_sheets(path)
    if not sheets:
        raise InputError("the workbook has no sheets", path=path)
    chosen = pick_name(sheets, sheet, kind="sheet", container="the workbook", path=path)
    try:
        df = pd.read_excel(path, sheet_name=chosen, dtype=object, header=None, engine=engine)
    except (ValueError, OSError, zipfile.BadZipFile, KeyError) as exc:
        raise InputError(f"cannot read sheet {chosen!r} ({exc})", path=path) from exc
    df = _promote_header(_none_for_missing(df.map(cell_text)), path=path)
    df.attrs["encoding"] = None
    df.attrs["sheet"] = chosen
    return df


def cell_text(value: Any) -> str | None:
    """A spreadsheet cell as text; numbers keep full precision, empty cells become None."""
    if value is None:
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return repr(value) if not value.is_integer() else str(int(value))
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value).strip()
    return text or None


def _promote_header(df: pd.DataFrame, *, path: Path) -> pd.DataFrame:
    """Use the first non-empty row as header; drop fully empty leading rows."""
    non_empty = df.notna().any(axis=1).to_numpy()
    if not non_empty.any():
        raise InputError("the sheet is empty", path=path)
    first = int(non_empty.argmax())
    header = [str(h).strip() if h is not None else "" for h in df.iloc[first].tolist()]
    body = df.iloc[first + 1 :].reset_index(drop=True)
    body.columns = _unique_names(header)
    # spreadsheet row numbers of each data row (1-based, header included)
    body.attrs["first_row_number"] = first + 2
    return _drop_empty_columns(body)


def _none_for_missing(df: pd.DataFrame) -> pd.DataFrame:
    """Object columns with ``None`` (not NaN) for empty cells, as the readers expect."""
    df = df.astype(object)
    return df.where(df.notna(), None)


def _unique_names(header: list[str]) -> list[str]:
    names: list[str] = []
    seen: dict[str, int] = {}
    for i, name in enumerate(header):
        base = name or f"column_{i + 1}"
        n = seen.get(base, 0)
        seen[base] = n + 1
        names.append(base if n == 0 else f"{base}_{n + 1}")
    return names


def _drop_empty_columns(df: pd.DataFrame) -> pd.DataFrame:
    empty_unnamed = [c for c in df.columns if c.startswith("column_") and df[c].isna().all()]
    return df.drop(columns=empty_unnamed)


def _read_delimited(text: str, *, path: Path) -> pd.DataFrame:
    if not text.strip():
        raise InputError("the file is empty; expected a header row and data rows", path=path)
    delim = "\t" if path.suffix.lower() == ".tsv" else sniff_delimiter(text)
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=delim))
    except csv.Error as exc:  # a picture or a document under a table's name
        msg = f"is not a text table ({exc}); save the list as CSV UTF-8 or Excel and import that"
        raise InputError(msg, path=path) from exc
    # leading blank lines are not the header
    while rows and not any(cell.strip() for cell in rows[0]):
        rows.pop(0)
    if not rows:
        raise InputError("the file is empty; expected a header row and data rows", path=path)
    header = _unique_names([h.strip() for h in rows[0]])
    width = len(header)
    body = []
    for r in rows[1:]:
        cells = [c.strip() or None for c in r]
        if len(cells) > width:
            # keep extra cells rather than losing them silently
            extra = cells[width:]
            if any(extra):
                for j in range(len(extra)):
                    name = f"column_{width + j + 1}"
                    if name not in header:
                        header.append(name)
                width = len(header)
        cells = cells + [None] * (width - len(cells))
        body.append(cells)
    body = [b + [None] * (width - len(b)) for b in body]
    df = pd.DataFrame(body, columns=header, dtype=object)
    df.attrs["first_row_number"] = 2
    return df


_RECORD_KEYS = ("results", "data", "features", "records", "items", "rows", "facilities")


def _json_records(text: str, *, path: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        msg = f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        raise InputError(msg, path=path) from exc
    if isinstance(data, dict):
        if data.get("type") == "FeatureCollection":
            return [_feature_record(f) for f in data.get("features") or []]
        for key in _RECORD_KEYS:
            if isinstance(data.get(key), list):
                data = data[key]
                break
        else:
            msg = (
                f"JSON object holds no list of records (looked for keys {', '.join(_RECORD_KEYS)})"
            )
            raise InputError(msg, path=path)
    if not isinstance(data, list):
        raise InputError("JSON should hold a list of records", path=path)
    return [r if isinstance(r, dict) else {"value": r} for r in data]


def _feature_record(feature: dict[str, Any]) -> dict[str, Any]:
    rec = dict(feature.get("properties") or {})
    geom = feature.get("geometry") or {}
    if geom.get("type") == "Point" and isinstance(geom.get("coordinates"), list):
        coords = geom["coordinates"]
        if len(coords) >= 2:
            rec["__lon"], rec["__lat"] = coords[0], coords[1]
    return rec


def _records_frame(records: list[dict[str, Any]], *, path: Path) -> pd.DataFrame:
    if not records:
        raise InputError("the JSON holds no records", path=path)
    df = pd.DataFrame.from_records(records).astype(object)
    df = _none_for_missing(df.map(_json_cell))
    df.columns = _unique_names([str(c).strip() for c in df.columns])
    df.attrs["first_row_number"] = 1
    return df


def _json_cell(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False) if value else None
    return cell_text(value)


# ---------------------------------------------------------------------------------------------
# coordinates

_DMS_RE = re.compile(
    r"""^\s*(?P<h1>[NSEWnsewOo])?\s*
    (?P<deg>[+-]?\d+(?:[.,]\d+)?)\s*(?:°|º|˚|d|deg|\s)\s*
    (?:(?P<min>\d+(?:[.,]\d+)?)\s*(?:'|′|’|m|min|\s)?\s*)?
    (?:(?P<sec>\d+(?:[.,]\d+)?)\s*(?:"|″|”|''|s|sec)?\s*)?
    (?P<h2>[NSEWnsewOo])?\s*$""",
    re.VERBOSE,
)


def parse_coordinate(value: Any) -> float:
    """Parse one coordinate: decimal degrees, decimal comma, or degrees-minutes-seconds.

    Accepts ``-30.0346``, ``-30,0346``, ``30°2'4.5"S``, ``1°17'S``, ``S 1 17 30``, ``36d49mE``;
    ``O`` (oeste/ouest) counts as west. Returns NaN for empty cells.

    Raises
    ------
    ValueError
        With a message saying what was expected, when the text is not a coordinate.
    """
    if value is None:
        return math.nan
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    text = str(value).strip()
    if not text or text.lower() in ("nan", "none", "null", "na", "n/a", "-", "?"):
        return math.nan
    plain = text.replace("\u2212", "-").replace(" ", "")
    if re.fullmatch(r"[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?", plain):
        return float(plain)
    if re.fullmatch(r"[+-]?\d+,\d+", plain):
        return float(plain.replace(",", "."))
    m = _DMS_RE.match(text.replace("\u2212", "-"))
    if m and (m.group("h1") or m.group("h2") or m.group("min") or "°" in text or "º" in text):
        deg = float(m.group("deg").replace(",", "."))
        minutes = float((m.group("min") or "0").replace(",", "."))
        seconds = float((m.group("sec") or "0").replace(",", "."))
        if minutes >= 60 or seconds >= 60:
            msg = f"{text!r}: minutes and seconds should be below 60"
            raise ValueError(msg)
        out = abs(deg) + minutes / 60 + seconds / 3600
        hemi = (m.group("h1") or m.group("h2") or "").upper()
        if deg < 0 or str(m.group("deg")).startswith("-") or hemi in ("S", "W", "O"):
            out = -out
        return out
    msg = f"{text!r} is not a coordinate; expected decimal degrees (-30.03) or DMS (30°2'S)"
    raise ValueError(msg)
