"""Raster map tiles from a file the planner brings: MBTiles (SQLite) and PMTiles archives.

No Qt. An archive answers the questions the map's tile layer asks of a tile cache (`read`,
`age_days`), so the same layer draws web tiles and archived ones. Vector tiles are refused with
a message saying what to bring instead.
"""

from __future__ import annotations

import gzip
import math
import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ccgeo.errors import InputError
from ccgeo.i18n import N_, _
from ccgeo.io.kinds import suffixes
from ccgeo.io.tiles import TileKey

#: Kind of file (`ccgeo.io.kinds`) of tile archives.
TILE_ARCHIVE_KIND = "tiles"
#: Raster tile formats Qt decodes.
RASTER_FORMATS: frozenset[str] = frozenset({"png", "jpg", "jpeg", "webp"})
_VECTOR_HINT = N_(
    "ccgeo draws raster tiles (PNG or JPEG); bring a raster archive (e.g. made with "
    "`gdal_translate -of MBTiles` from a map image, or downloaded as raster MBTiles)"
)


@dataclass
class TileArchive:
    """A tile archive open for reading, in the XYZ scheme of web maps (y down from the north).

    Attributes
    ----------
    path
        The file.
    tile_format
        ``"png"``, ``"jpg"`` or ``"webp"``.
    min_zoom, max_zoom
        Zoom levels it holds.
    bounds
        ``(west, south, east, north)`` degrees it covers, or None when it does not say.
    name, attribution
        From the archive's metadata (``""`` when absent); the credit is shown on the map.
    """

    path: Path
    tile_format: str
    min_zoom: int
    max_zoom: int
    bounds: tuple[float, float, float, float] | None = None
    name: str = ""
    attribution: str = ""
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def label(self) -> str:
        """The name to show: the archive's own, else the file name."""
        return self.name or self.path.name

    def read(self, key: TileKey) -> bytes | None:
        """The image bytes of tile ``(z, x, y)``, or None when the archive lacks it."""
        z, x, y = key
        if not (self.min_zoom <= z <= self.max_zoom) or not (0 <= x < 2**z and 0 <= y < 2**z):
            return None
        with self._lock:
            data = self._read(z, x, y)
        if data and data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        return data or None

    def _read(self, z: int, x: int, y: int) -> bytes | None:
        raise NotImplementedError

    def age_days(self, key: TileKey) -> float | None:
        """Archived tiles never go stale (None: nothing to revalidate)."""
        del key
        return None

    def close(self) -> None:
        """Release the file."""


@dataclass
class MBTiles(TileArchive):
    """An MBTiles file: tiles in SQLite, rows counted from the south (TMS), flipped on read."""

    _con: sqlite3.Connection | None = field(default=None, repr=False)

    def _read(self, z: int, x: int, y: int) -> bytes | None:
        assert self._con is not None
        row = self._con.execute(
            "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?",
            (z, x, (1 << z) - 1 - y),
        ).fetchone()
        return bytes(row[0]) if row is not None and row[0] is not None else None

    def close(self) -> None:
        """Close the database."""
        if self._con is not None:
            self._con.close()
            self._con = None


@dataclass
class PMTiles(TileArchive):
    """A PMTiles (version 3) archive, read with the ``pmtiles`` package."""

    _reader: Any = field(default=None, repr=False)
    _file: Any = field(default=None, repr=False)

    def _read(self, z: int, x: int, y: int) -> bytes | None:
        data = self._reader.get(z, x, y)
        return bytes(data) if data else None

    def close(self) -> None:
        """Close the file."""
        if self._file is not None:
            self._file.close()
            self._file = None


def open_tile_archive(path: str | Path) -> TileArchive:
    """Open an MBTiles or PMTiles file of raster tiles.

    Parameters
    ----------
    path
        A ``.mbtiles`` or ``.pmtiles`` file.

    Raises
    ------
    InputError
        A missing file, another kind of file, a damaged archive, or vector tiles.
    """
    path = Path(path)
    if not path.is_file():
        msg = (
            _("the tiles file is a folder, not a file; check the path")
            if path.is_dir()
            else _("the tiles file does not exist; check the path")
        )
        raise InputError(msg, path=path)
    suffix = path.suffix.lower()
    if suffix == ".mbtiles":
        return _open_mbtiles(path)
    if suffix == ".pmtiles":
        return _open_pmtiles(path)
    msg = _(
        "unknown tiles file type {suffix!r}; expected {suffixes} (raster tiles in one file)"
    ).format(suffix=path.suffix, suffixes=_(" or ").join(suffixes(TILE_ARCHIVE_KIND)))
    raise InputError(msg, path=path)


def _open_mbtiles(path: Path) -> MBTiles:
    try:
        con = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
        )
        meta = dict(con.execute("SELECT name, value FROM metadata").fetchall())
        zooms = con.execute("SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles").fetchone()
        first = con.execute("SELECT tile_data FROM tiles LIMIT 1").fetchone()
    except sqlite3.DatabaseError as exc:
        msg = _(
            "is not a readable MBTiles file ({exc}); expected an SQLite database with the "
            "tables `metadata` and `tiles`"
        ).format(exc=exc)
        raise InputError(msg, path=path) from exc
    tile_format = str(meta.get("format") or _sniff(bytes(first[0]) if first else b"")).lower()
    if tile_format not in RASTER_FORMATS:
        con.close()
        raise InputError(_not_raster(tile_format), path=path)
    if zooms is None or zooms[0] is None:
        con.close()
        raise InputError(_("holds no tiles; export the map area again"), path=path)
    return MBTiles(
        path=path,
        tile_format="jpg" if tile_format == "jpeg" else tile_format,
        min_zoom=int(zooms[0]),
        max_zoom=int(zooms[1]),
        bounds=_bounds(meta.get("bounds")),
        name=str(meta.get("name") or ""),
        attribution=str(meta.get("attribution") or ""),
        _con=con,
    )


def _not_raster(tile_format: str) -> str:
    """Why an archive of ``tile_format`` tiles (``"pbf"``; ``""``: unknown) is refused."""
    if not tile_format:
        return _("holds no tiles; {hint}").format(hint=_(_VECTOR_HINT))
    return _("holds {format} tiles; {hint}").format(format=tile_format, hint=_(_VECTOR_HINT))


def _open_pmtiles(path: Path) -> PMTiles:
    try:
        from pmtiles.reader import MmapSource, Reader
    except ImportError as exc:  # pragma: no cover - pmtiles is a dependency
        msg = _(
            "reading .pmtiles needs the `pmtiles` package; install it with `pip install pmtiles`"
        )
        raise InputError(msg, path=path) from exc
    handle = path.open("rb")
    try:
        reader = Reader(MmapSource(handle))
        header = reader.header()
        meta = reader.metadata() if header["metadata_length"] else {}
    except Exception as exc:  # the package raises its own and struct/gzip errors
        handle.close()
        msg = _("is not a readable PMTiles (version 3) archive ({exc!r}); export it again").format(
            exc=exc
        )
        raise InputError(msg, path=path) from exc
    tile_type = header["tile_type"].name.lower()
    if tile_type not in RASTER_FORMATS:
        handle.close()
        raise InputError(_not_raster(tile_type), path=path)
    e7 = 1e-7
    return PMTiles(
        path=path,
        tile_format="jpg" if tile_type == "jpeg" else tile_type,
        min_zoom=int(header["min_zoom"]),
        max_zoom=int(header["max_zoom"]),
        bounds=(
            header["min_lon_e7"] * e7,
            header["min_lat_e7"] * e7,
            header["max_lon_e7"] * e7,
            header["max_lat_e7"] * e7,
        ),
        name=str(meta.get("name") or ""),
        attribution=str(meta.get("attribution") or ""),
        _reader=reader,
        _file=handle,
    )


def _sniff(data: bytes) -> str:
    """Image format from the first bytes of a tile."""
    if data.startswith(b"\x89PNG"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return "pbf" if data else ""


def _bounds(value: object) -> tuple[float, float, float, float] | None:
    """``"w,s,e,n"`` of MBTiles metadata, or None when absent or not four numbers."""
    try:
        parts = [float(v) for v in str(value).split(",")]
    except ValueError:
        return None
    if len(parts) != 4 or not all(math.isfinite(v) for v in parts):
        return None
    return (parts[0], parts[1], parts[2], parts[3])


def write_mbtiles(
    path: str | Path,
    tiles: dict[TileKey, bytes],
    *,
    name: str = "",
    attribution: str = "",
    tile_format: str = "png",
) -> Path:
    """Write raster tiles (XYZ keys) to a new MBTiles file; for tests and small exports.

    Raises
    ------
    InputError
        When the file exists or cannot be written.
    """
    path = Path(path)
    if path.exists():
        raise InputError(_("exists already; choose a new file name for the tiles"), path=path)
    try:
        with sqlite3.connect(path) as con:
            con.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
            con.execute(
                "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, "
                "tile_data BLOB)"
            )
            meta = {"name": name, "format": tile_format, "attribution": attribution}
            con.executemany("INSERT INTO metadata VALUES (?, ?)", list(meta.items()))
            con.executemany(
                "INSERT INTO tiles VALUES (?, ?, ?, ?)",
                [(z, x, (1 << z) - 1 - y, data) for (z, x, y), data in tiles.items()],
            )
        con.close()
    except sqlite3.Error as exc:
        msg = _("cannot write the tiles file ({exc})").format(exc=exc)
        raise InputError(msg, path=path) from exc
    return path


def describe(archive: TileArchive) -> str:
    """One line about an archive for the status bar."""
    return _("{label}: {format} tiles, zoom {min_zoom}–{max_zoom}").format(
        label=archive.label,
        format=archive.tile_format.upper(),
        min_zoom=archive.min_zoom,
        max_zoom=archive.max_zoom,
    ) + (f", {archive.attribution}" if archive.attribution else "")
