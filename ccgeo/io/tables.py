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
import zlib
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pandas as pd

from ccgeo.errors import InputError
from ccgeo.i18n import N_, _, ngettext
from ccgeo.io.kinds import kind_of, suffixes

#: Encodings tried in order; CP1252 decodes any byte, so it comes last.
_ENCODINGS = ("utf-8-sig", "utf-8", "cp1252", "latin-1")
_DELIMITERS = ",;\t|"

#: Files `read_table` reads (`ccgeo.io.kinds`: tables and workbooks).
TABLE_SUFFIXES: tuple[str, ...] = suffixes("table", "workbook")
#: How an old binary Excel workbook (.xls, OLE2) begins; pandas would need xlrd to read it.
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: What reading a damaged workbook raises: zip and deflate errors (a damaged zip header names
#: a version or compression zipfile does not know: NotImplementedError), XML errors (openpyxl
#: parses with ElementTree), values of the wrong type (pandas, odfpy).
DAMAGED_WORKBOOK: tuple[type[Exception], ...] = (
    ValueError,
    OSError,
    EOFError,
    KeyError,
    NotImplementedError,
    zipfile.BadZipFile,
    zlib.error,
    ElementTree.ParseError,
)
#: Byte-order marks of UTF-32 and UTF-16 ("Unicode text" from Excel), UTF-32 first: its little
#: endian mark begins with UTF-16's.
_WIDE_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
#: How binary files that get chosen as a table begin, and what they are (translated when shown).
_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x93NUMPY", N_("a numpy array file (.npy)")),
    (b"SQLite format 3\x00", N_("an SQLite database (a GeoPackage or a ccgeo project?)")),
    (b"\x1f\x8b", N_("a gzip archive (unpack it first)")),
    (b"%PDF", N_("a PDF document")),
    (b"\x89PNG", N_("a PNG picture")),
    (b"\xff\xd8\xff", N_("a JPEG picture")),
    (b"II*\x00", N_("a TIFF raster")),
    (b"MM\x00*", N_("a TIFF raster")),
)

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
    """Decode bytes: UTF-16/UTF-32 (Excel "Unicode text", found by its byte-order mark or by the
    pattern of zero bytes), else UTF-8 (with or without BOM), else CP1252/Latin-1.

    Returns the text and the encoding used.

    Raises
    ------
    InputError
        When the bytes are binary (a numpy file, a pickle, a database, ...), not text.
    """
    binary = binary_kind(raw)
    if binary:
        msg = _(
            "is not a text table: it is {what}; save the list as CSV UTF-8, Excel or "
            "OpenDocument and give that file"
        ).format(what=binary)
        raise InputError(msg, path=path)
    wide = _wide_encoding(raw)
    if wide is not None:
        encoding, start = wide
        try:
            return raw[start:].decode(encoding), encoding
        except UnicodeDecodeError as exc:
            msg = _(
                "looks like {encoding} text (Excel's Unicode text) but byte {byte} "
                "is not; the file is damaged: save the list again as CSV UTF-8"
            ).format(encoding=encoding.upper(), byte=exc.start)
            raise InputError(msg, path=path) from exc
    for enc in _ENCODINGS:
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError:
            continue
        head = text[:4096]
        if head.count("\x00") > 0.1 * len(head):
            msg = _("is not a text table: it is a binary file; save the list as CSV UTF-8 or Excel")
            raise InputError(msg, path=path)
        return text, enc
    msg = _("the file is not text in UTF-8, CP1252 or Latin-1; save it as CSV UTF-8")
    raise InputError(msg, path=path)


def binary_kind(raw: bytes) -> str:
    """What a binary file is, by its first bytes (``"a Python pickle ..."``, in the current
    language), or ``""``."""
    for magic, what in _BINARY_MAGIC:
        if raw.startswith(magic):
            return _(what)
    if raw[:1] == b"\x80" and raw[1:2] in (b"\x02", b"\x03", b"\x04", b"\x05"):
        return _("a Python pickle (ccgeo never opens pickles: they can run code)")
    return ""


def _wide_encoding(raw: bytes) -> tuple[str, int] | None:
    """(encoding, bytes to skip) of UTF-16/UTF-32 text, by its BOM or its zero bytes; else None.

    Without a BOM, text in a Latin script has a zero in every second byte (UTF-16) or in the
    two high bytes of every four (UTF-32): the side of the zeros gives the byte order.
    """
    for bom, encoding in _WIDE_BOMS:
        if raw.startswith(bom):
            return encoding, len(bom)
    sample = raw[: min(len(raw), 4096) // 4 * 4]
    if len(sample) < 8:
        return None

    def zeros(step: int, at: int) -> float:
        part = sample[at::step]
        return part.count(0) / len(part)

    if zeros(4, 2) > 0.95 and zeros(4, 3) > 0.95 and zeros(4, 0) < 0.5:
        return "utf-32-le", 0
    if zeros(4, 0) > 0.95 and zeros(4, 1) > 0.95 and zeros(4, 3) < 0.5:
        return "utf-32-be", 0
    if zeros(2, 1) > 0.5 and zeros(2, 0) < 0.1:
        return "utf-16-le", 0
    if zeros(2, 0) > 0.5 and zeros(2, 1) < 0.1:
        return "utf-16-be", 0
    return None


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
        attribute ``df.attrs["encoding"]`` and ``df.attrs["sheet"]`` say what was used, and
        ``df.attrs["row_notes"]`` maps the position of a row read in an unusual way (a stray
        quote, `STRAY_QUOTE_NOTE`) to the note that says so.
    """
    path = Path(path)
    raw = read_bytes(path, expected=_("a table file (CSV, XLSX, ODS, JSON)"))
    if kind_of(path) == "workbook":
        return _read_workbook(path, sheet=sheet)
    if raw[:4] == b"PK\x03\x04":
        # a spreadsheet saved with a .csv name: read it as the workbook it is
        return _read_workbook(path, sheet=sheet)
    if raw[:8] == _OLE2_MAGIC:
        msg = _("is an old Excel workbook (.xls); open it and save it as .xlsx or CSV UTF-8")
        raise InputError(msg, path=path)
    suffix = path.suffix.lower()
    text, encoding = decode_text(raw, path=path)
    if suffix in (".json", ".geojson") or text.lstrip()[:1] in ("{", "["):
        df = _records_frame(_json_records(text, path=path), path=path)
        df.attrs["row_notes"] = {}
    else:
        df = _read_delimited(text, path=path)
    df.attrs["encoding"] = encoding
    df.attrs["sheet"] = None
    return df


def read_bytes(path: str | Path, *, expected: str) -> bytes:
    """The bytes of a file, or an `InputError` that says why the system will not give them.

    Parameters
    ----------
    path
        The file.
    expected
        What the file should be, for messages, in the current language: ``"a table file (CSV,
        XLSX, ODS, JSON)"``.
    """
    path = Path(path)
    if not path.exists():
        msg = _("file not found; expected {expected}; check the path").format(expected=expected)
        raise InputError(msg, path=path)
    if path.is_dir():
        msg = _("is a folder, expected {expected}; choose the file itself").format(
            expected=expected
        )
        raise InputError(msg, path=path)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise unreadable(path, exc, expected=expected) from exc


def unreadable(path: str | Path, exc: OSError, *, expected: str) -> InputError:
    """The `InputError` for a file the system does not let ccgeo read (`OSError` ``exc``);
    ``expected`` says what the file should be, in the current language."""
    if isinstance(exc, PermissionError):
        msg = _(
            "cannot be read: permission denied; ask its owner to let you read it, or copy it "
            "into a folder of yours and give the copy"
        )
    elif isinstance(exc, IsADirectoryError):
        msg = _("is a folder, expected {expected}; choose the file itself").format(
            expected=expected
        )
    else:
        msg = _(
            "cannot be read ({reason}); copy it to a local folder and try again "
            "(expected {expected})"
        ).format(reason=exc.strerror or exc, expected=expected)
    return InputError(msg, path=path)


def list_sheets(path: str | Path) -> list[str]:
    """Sheet names of an XLSX or ODS workbook, in order."""
    path = Path(path)
    try:
        with pd.ExcelFile(path, engine=_excel_engine(path)) as book:
            return [str(s) for s in book.sheet_names]
    except PermissionError as exc:
        raise unreadable(path, exc, expected=_("an XLSX or ODS workbook")) from exc
    except DAMAGED_WORKBOOK as exc:
        msg = _(
            "cannot open the workbook ({exc}); it may be damaged: open it in Excel or "
            "LibreOffice, save it again and import that"
        ).format(exc=exc)
        raise InputError(msg, path=path) from exc


#: What `pick_name` says when the sheet or layer asked for is not there, by kind: an index out
#: of range, and a name not found.
_NOT_THERE: dict[str, tuple[str, str]] = {
    "sheet": (
        N_("sheet index {index} is out of range; {container} has sheets {names}"),
        N_("no sheet named {name!r}; {container} has sheets {names}; pass one of them"),
    ),
    "layer": (
        N_("layer index {index} is out of range; {container} has layers {names}"),
        N_("no layer named {name!r}; {container} has layers {names}; pass one of them"),
    ),
}


def pick_name(
    names: list[str], wanted: str | int | None, *, kind: str, container: str, path: Path
) -> str:
    """Choose a sheet or layer by name or 0-based index (the first by default).

    ``kind`` is ``"sheet"`` or ``"layer"``; ``container`` names what holds them in the current
    language (``"the workbook"``).

    Raises
    ------
    InputError
        Naming the ones there are, when ``wanted`` is not among them.
    """
    if wanted is None:
        return names[0]
    out_of_range, not_found = _NOT_THERE.get(
        kind,
        (
            f"{kind} index {{index}} is out of range; {{container}} has {kind}s {{names}}",
            f"no {kind} named {{name!r}}; {{container}} has {kind}s {{names}}; pass one of them",
        ),
    )
    if isinstance(wanted, int) or (wanted.isdigit() and wanted not in names):
        idx = int(wanted)
        if not 0 <= idx < len(names):
            msg = _(out_of_range).format(index=idx, container=container, names=names)
            raise InputError(msg, path=path)
        return names[idx]
    if wanted in names:
        return wanted
    msg = _(not_found).format(name=wanted, container=container, names=names)
    raise InputError(msg, path=path)


def _excel_engine(path: Path) -> str:
    """The pandas engine of a workbook (``odf`` or ``openpyxl``), once its content is checked."""
    if path.suffix.lower() == ".ods" and zipfile.is_zipfile(path):
        _check_ods_content(path)
        return "odf"
    try:
        with path.open("rb") as fh:
            head = fh.read(4)
    except OSError as exc:
        raise unreadable(path, exc, expected=_("an XLSX or ODS workbook")) from exc
    if head != b"PK\x03\x04":
        raise InputError(_("is not a valid XLSX/ODS workbook (not a zip archive)"), path=path)
    try:
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
    except (zipfile.BadZipFile, NotImplementedError) as exc:
        msg = _(
            "is a damaged workbook ({exc}); open it in Excel or LibreOffice and save it again"
        ).format(exc=exc)
        raise InputError(msg, path=path) from exc
    if "content.xml" in names:
        _check_ods_content(path)
        return "odf"
    if "[Content_Types].xml" not in names:
        held = ", ".join(names[:3]) + (", ..." if len(names) > 3 else "") or _("nothing")
        what = _("numpy arrays (.npz)") if any(n.endswith(".npy") for n in names) else held
        msg = _(
            "is a zip archive of {what}, not an XLSX or ODS workbook; give the table itself "
            "(CSV, XLSX, ODS, JSON)"
        ).format(what=what)
        raise InputError(msg, path=path)
    return "openpyxl"


def _check_ods_content(path: Path) -> None:
    """Refuse an OpenDocument spreadsheet whose content is not well-formed XML.

    odfpy prints the whole document and goes on with the rows before the damage, so rows would
    be lost without a word: the whole file is refused instead, with where the damage is.
    """
    from xml.parsers import expat

    try:
        with zipfile.ZipFile(path) as zf:
            content = zf.read("content.xml")
    except DAMAGED_WORKBOOK as exc:
        msg = _("is a damaged OpenDocument spreadsheet ({exc}); open it and save it again").format(
            exc=exc
        )
        raise InputError(msg, path=path) from exc
    try:
        expat.ParserCreate().Parse(content, True)
    except expat.ExpatError as exc:
        msg = _(
            "is a damaged OpenDocument spreadsheet: its content is broken "
            "({error} at line {line}, column {column} of "
            "content.xml), so no row was read; open it in LibreOffice Calc, check the rows and "
            "save it again (or save it as XLSX or CSV) and import that"
        ).format(error=expat.ErrorString(exc.code), line=exc.lineno, column=exc.offset)
        raise InputError(msg, path=path) from None


def _read_workbook(path: Path, *, sheet: str | int | None) -> pd.DataFrame:
    engine = _excel_engine(path)
    sheets = list_sheets(path)
    if not sheets:
        raise InputError(_("the workbook has no sheets"), path=path)
    chosen = pick_name(sheets, sheet, kind="sheet", container=_("the workbook"), path=path)
    try:
        df = pd.read_excel(path, sheet_name=chosen, dtype=object, header=None, engine=engine)
    except DAMAGED_WORKBOOK as exc:
        msg = _(
            "cannot read sheet {sheet!r} ({exc}); a cell is damaged: open the workbook, "
            "save it again and import that"
        ).format(sheet=chosen, exc=exc)
        raise InputError(msg, path=path) from exc
    if df.empty or not df.notna().any(axis=None):
        others = [s for s in sheets if s != chosen]
        if others:
            msg = _(
                "sheet {sheet!r} is empty; the workbook's other sheets are {others}: choose "
                "the one that holds the list (the import wizard's Sheet list, or --sheet NAME "
                "on the command line)"
            ).format(sheet=chosen, others=others)
        else:
            msg = _(
                "sheet {sheet!r}, the only sheet, is empty; give the file that holds the list"
            ).format(sheet=chosen)
        raise InputError(msg, path=path)
    df = _promote_header(_none_for_missing(df.map(cell_text)), path=path)
    df.attrs["encoding"] = None
    df.attrs["sheet"] = chosen
    df.attrs["row_notes"] = {}
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
        raise InputError(_("the sheet is empty"), path=path)
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
    text = _one_line_end(text)
    if not text.strip():
        raise InputError(_("the file is empty; expected a header row and data rows"), path=path)
    # the csv module refuses cells over 131,072 characters by default; a cell may be longer
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    delim = "\t" if path.suffix.lower() == ".tsv" else sniff_delimiter(text)
    try:
        rows, notes = _records(text, delim)
    except csv.Error as exc:  # a picture or a document under a table's name
        msg = _(
            "is not a text table ({exc}); save the list as CSV UTF-8 or Excel and import that"
        ).format(exc=exc)
        raise InputError(msg, path=path) from exc
    # leading blank lines are not the header
    skipped = 0
    while skipped < len(rows) and not any(cell.strip() for cell in rows[skipped]):
        skipped += 1
    if skipped == len(rows):
        raise InputError(_("the file is empty; expected a header row and data rows"), path=path)
    header = _unique_names([h.strip() for h in rows[skipped]])
    width = len(header)
    body = []
    for r in rows[skipped + 1 :]:
        cells = [c.strip() or None for c in r]
        while len(cells) > width and cells[-1] is None:
            cells.pop()  # empty separators at the end of a line hold nothing
        if len(cells) > width:
            # keep extra cells rather than losing them silently
            for j in range(len(cells) - width):
                header.append(_free_name(header, width + j + 1))
            width = len(header)
        cells = cells + [None] * (width - len(cells))
        body.append(cells)
    body = [b + [None] * (width - len(b)) for b in body]
    df = pd.DataFrame(body, columns=header, dtype=object)
    df.attrs["first_row_number"] = 2
    # notes on rows read in an unusual way, by position in the frame
    df.attrs["row_notes"] = {i - skipped - 1: n for i, n in notes.items() if i > skipped}
    return df


def _free_name(header: list[str], number: int) -> str:
    """``column_<number>``, or a name not yet in ``header`` built from it."""
    name = f"column_{number}"
    while name in header:
        name += "_extra"
    return name


def _one_line_end(text: str) -> str:
    """The text with ``\\n`` ending each line.

    CRLF (Windows) and CR alone (old Mac and Excel exports) end lines; in a file whose lines
    end otherwise, a lone CR (a stray one before a separator) is a space.
    """
    if "\r" not in text:
        return text
    text = text.replace("\r\n", "\n")
    if text.count("\r") > text.count("\n"):
        return text.replace("\r", "\n")
    return text.replace("\r", " ")


#: Why a row was read line by line (`_records`), and what to do (translated when noted).
STRAY_QUOTE_NOTE = N_(
    'a quote (") opened in this row is never closed, which would have joined the following '
    "rows into one cell; each line was read as its own row, this one without the stray quote"
)


def _records(text: str, delim: str) -> tuple[list[list[str]], dict[int, str]]:
    """The rows of delimited text, and notes on rows by index.

    A quote that opens a cell and is never closed makes the csv module read the following
    lines into that cell, so rows vanish without a word. A row that spans several lines, one
    of which (after the first) holds a whole row of its own (as many cells as the header, and
    its quotes paired), is such a row: each of its lines is read as a row, a line with an
    unpaired quote without it, and noted (`STRAY_QUOTE_NOTE`).
    """
    lines = text.split("\n")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    rows: list[list[str]] = []
    notes: dict[int, str] = {}
    width = start = 0
    for row in reader:
        end = reader.line_num
        if not width and any(c.strip() for c in row):
            width = len(row)
        span = lines[start:end]
        start = end
        if len(span) < 2 or width < 2 or not _lines_are_rows(span, delim, width):
            rows.append(row)
            continue
        for line in span:
            if line.count('"') % 2:
                notes[len(rows)] = _(STRAY_QUOTE_NOTE)
                rows.append(_without_stray_quote(line, delim, width))
            else:
                rows.append(_line_cells(line, delim))
    return rows, notes


def _lines_are_rows(span: list[str], delim: str, width: int) -> bool:
    """Whether the lines of a row read over several lines are rows of their own: one of them
    after the first is a whole row (`_whole_row`), or each of them, without its stray quote,
    has as many cells as the header or nothing but separators (two rows each with a stray
    quote, one closing the other's; a cell over several lines, such as an address, leaves its
    lines short)."""
    if any(_whole_row(ln, delim, width) for ln in span[1:]):
        return True
    return all(_fills_a_row(ln, delim, width) for ln in span)


def _fills_a_row(line: str, delim: str, width: int) -> bool:
    if not line.replace('"', "").replace(delim, "").strip():
        return True  # an empty row (its separators, perhaps a stray quote)
    cells = _without_stray_quote(line, delim, width) if line.count('"') % 2 else None
    return len(cells if cells is not None else _line_cells(line, delim)) == width


def _line_cells(line: str, delim: str) -> list[str]:
    return next(csv.reader([line], delimiter=delim), [])


def _whole_row(line: str, delim: str, width: int) -> bool:
    """Whether a line read alone is a row: its quotes paired, and as many cells as the header
    (not counting empty ones at the end; one more or less in a table of five columns or more).
    """
    if line.count('"') % 2:
        return False
    cells = _line_cells(line, delim)
    n = len(cells)
    while cells and not cells[-1].strip():
        cells.pop()
    return width in (n, len(cells)) or (width >= 5 and abs(n - width) <= 1)


def _without_stray_quote(line: str, delim: str, width: int) -> list[str]:
    """The cells of a line with an unpaired quote: without the quote that leaves as many cells
    as the header, else without any quote."""
    for at in (i for i, ch in enumerate(line) if ch == '"'):
        cells = _line_cells(line[:at] + line[at + 1 :], delim)
        if len(cells) == width:
            return cells
    return _line_cells(line.replace('"', ""), delim)


_RECORD_KEYS = ("results", "data", "features", "records", "items", "rows", "facilities")


def _json_records(text: str, *, path: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        msg = _("is not valid JSON (line {line}, column {column}: {error})").format(
            line=exc.lineno, column=exc.colno, error=exc.msg
        )
        raise InputError(msg, path=path) from exc
    if isinstance(data, dict):
        if isinstance(data.get("elements"), list) and ("osm3s" in data or "generator" in data):
            n_elements = len(data["elements"])
            msg = ngettext(
                "is an OpenStreetMap answer of the Overpass API ({n} elements), not a table; for "
                "facilities, export the query's result as GeoJSON (overpass turbo: Export ▸ "
                "GeoJSON) and import that; for roads, give an OSM extract (.osm.pbf) or the "
                "query's result as OSM XML ([out:xml])",
                "is an OpenStreetMap answer of the Overpass API ({n} elements), not a table; for "
                "facilities, export the query's result as GeoJSON (overpass turbo: Export ▸ "
                "GeoJSON) and import that; for roads, give an OSM extract (.osm.pbf) or the "
                "query's result as OSM XML ([out:xml])",
                n_elements,
            ).format(n=n_elements)
            raise InputError(msg, path=path)
        if data.get("type") == "FeatureCollection":
            return [_feature_record(f) for f in data.get("features") or []]
        for key in _RECORD_KEYS:
            if isinstance(data.get(key), list):
                data = data[key]
                break
        else:
            msg = _("JSON object holds no list of records (looked for keys {keys})").format(
                keys=", ".join(_RECORD_KEYS)
            )
            raise InputError(msg, path=path)
    if not isinstance(data, list):
        raise InputError(_("JSON should hold a list of records"), path=path)
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
        raise InputError(_("the JSON holds no records"), path=path)
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
            msg = _("{value!r}: minutes and seconds should be below 60").format(value=text)
            raise ValueError(msg)
        out = abs(deg) + minutes / 60 + seconds / 3600
        hemi = (m.group("h1") or m.group("h2") or "").upper()
        if deg < 0 or str(m.group("deg")).startswith("-") or hemi in ("S", "W", "O"):
            out = -out
        return out
    msg = _(
        "{value!r} is not a coordinate; expected decimal degrees (-30.03) or DMS (30°2'S)"
    ).format(value=text)
    raise ValueError(msg)
