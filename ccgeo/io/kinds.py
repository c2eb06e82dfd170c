"""The one table of file types ccgeo reads or writes: suffix → kind, label and GDAL driver.

Readers choose their path with `kind_of`, messages list `suffixes`, file dialogs use
`dialog_filter` and writers of GIS layers ask `vector_driver`, so that every face agrees on what
a ``.json`` or an ``.osm.pbf`` is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ccgeo.i18n import N_, _


@dataclass(frozen=True)
class FileType:
    """One file name ending and what ccgeo makes of it.

    Attributes
    ----------
    suffix
        Lower-case ending with its dot; may have several parts (``".osm.pbf"``).
    kind
        One of `KINDS`.
    label
        What the file is, for people (messages, file dialogs), in English and marked for
        translation: show it as ``ccgeo.i18n._(label)``.
    driver
        The GDAL (pyogrio) driver that writes this file, for GIS layers ccgeo can write.
    sidecars
        Suffixes of the files that belong to this one, same name before the suffix (a
        Shapefile's ``.dbf``, ``.shx``, ...); moved and removed with it.
    """

    suffix: str
    kind: str
    label: str
    driver: str | None = None
    sidecars: tuple[str, ...] = ()


#: Every kind of file, with the words a file dialog shows for it (marked for translation:
#: shown as ``ccgeo.i18n._(KINDS[kind])``).
KINDS: dict[str, str] = {
    "project": N_("ccgeo projects"),
    "osm": N_("OpenStreetMap extracts"),
    "graphml": N_("osmnx GraphML road networks"),
    "vector": N_("GIS layers"),
    "raster": N_("Rasters"),
    "table": N_("Tables"),
    "workbook": N_("Spreadsheets"),
    "webmap": N_("Web pages"),
    "pdf": N_("PDF documents"),
    "image": N_("PNG images"),
    "settings": N_("Settings and column mappings"),
    "tiles": N_("Map tile files"),
}

#: The table. Where one suffix is listed under two kinds (``.json``), the first entry wins in
#: `kind_of` unless the caller narrows the kinds it accepts.
FILE_TYPES: tuple[FileType, ...] = (
    FileType(".ccgeo", "project", N_("ccgeo project")),
    FileType(".osm.pbf", "osm", "OSM PBF"),
    FileType(".osm.bz2", "osm", N_("bzip2-compressed OSM XML")),
    FileType(".osm.gz", "osm", N_("gzip-compressed OSM XML")),
    FileType(".osm.xml", "osm", "OSM XML"),
    FileType(".pbf", "osm", "OSM PBF"),
    FileType(".osm", "osm", "OSM XML"),
    FileType(".xml", "osm", "OSM XML"),
    FileType(".graphml", "graphml", "osmnx GraphML"),
    FileType(".csv", "table", N_("CSV table")),
    FileType(".tsv", "table", N_("tab-separated table")),
    FileType(".txt", "table", N_("delimited text table")),
    FileType(".json", "table", N_("JSON records")),
    FileType(".xlsx", "workbook", N_("Excel workbook")),
    FileType(".xlsm", "workbook", N_("Excel macro workbook")),
    FileType(".ods", "workbook", N_("OpenDocument spreadsheet")),
    FileType(".gpkg", "vector", "GeoPackage", "GPKG"),
    FileType(".geojson", "vector", "GeoJSON", "GeoJSON"),
    FileType(".json", "vector", "GeoJSON", "GeoJSON"),
    FileType(".shp", "vector", "Shapefile", "ESRI Shapefile", (".shx", ".dbf", ".prj", ".cpg")),
    FileType(".fgb", "vector", "FlatGeobuf", "FlatGeobuf"),
    FileType(".kml", "vector", N_("KML (Google Earth)")),
    FileType(".kmz", "vector", N_("KMZ (zipped KML, Google Earth)")),
    FileType(".zip", "vector", N_("zipped GIS layer (Shapefile, GeoPackage, ...)")),
    FileType(".tif", "raster", "GeoTIFF"),
    FileType(".tiff", "raster", "GeoTIFF"),
    FileType(".vrt", "raster", N_("GDAL virtual raster")),
    FileType(".html", "webmap", N_("web map")),
    FileType(".htm", "webmap", N_("web map")),
    FileType(".pdf", "pdf", N_("PDF report")),
    FileType(".png", "image", N_("PNG image")),
    FileType(".toml", "settings", N_("TOML settings")),
    FileType(".mbtiles", "tiles", N_("MBTiles raster tiles")),
    FileType(".pmtiles", "tiles", N_("PMTiles raster tiles")),
)


def _kinds(kinds: str | Iterable[str] | None) -> tuple[str, ...] | None:
    if kinds is None:
        return None
    wanted = (kinds,) if isinstance(kinds, str) else tuple(kinds)
    unknown = [k for k in wanted if k not in KINDS]
    if unknown:
        msg = f"unknown file kinds {unknown}; the kinds are {', '.join(KINDS)}"
        raise ValueError(msg)
    return wanted


def file_type(path: str | Path, *, among: str | Iterable[str] | None = None) -> FileType | None:
    """The entry of `FILE_TYPES` that a file name ends with, or None.

    Parameters
    ----------
    path
        A file name or path; only its name counts (case-insensitive).
    among
        Only these kinds (a reader's accepted kinds); every kind by default.

    Returns
    -------
    FileType or None
        The longest matching suffix wins (``.osm.pbf`` over ``.pbf``); among entries of the same
        suffix, the first in `FILE_TYPES`.
    """
    wanted = _kinds(among)
    name = Path(path).name.lower()
    best: FileType | None = None
    for entry in FILE_TYPES:
        if wanted is not None and entry.kind not in wanted:
            continue
        if name.endswith(entry.suffix) and (best is None or len(entry.suffix) > len(best.suffix)):
            best = entry
    return best


def kind_of(path: str | Path, *, among: str | Iterable[str] | None = None) -> str | None:
    """The kind of a file from its name (see `file_type`), or None when ccgeo does not know it."""
    entry = file_type(path, among=among)
    return None if entry is None else entry.kind


def suffixes(*kinds: str, writable: bool = False) -> tuple[str, ...]:
    """The suffixes of these kinds, in table order, each once.

    Parameters
    ----------
    *kinds
        Kinds from `KINDS`; every kind when none is given.
    writable
        Only the GIS layers ccgeo can write (those with a GDAL driver).
    """
    wanted = _kinds(kinds) or tuple(KINDS)
    found = [e.suffix for e in FILE_TYPES if e.kind in wanted and (e.driver or not writable)]
    return tuple(dict.fromkeys(found))


def vector_driver(path: str | Path) -> str | None:
    """The GDAL driver that writes a GIS layer to ``path`` (by its suffix), or None.

    ``suffixes("vector", writable=True)`` lists the suffixes that have one, for messages.
    """
    entry = file_type(path, among="vector")
    return None if entry is None else entry.driver


def dialog_filter(kinds: str | Iterable[str], *, title: str | None = None) -> str:
    """A Qt file-dialog filter for files of ``kinds``.

    Parameters
    ----------
    kinds
        The kinds the dialog accepts.
    title
        Name of the first line, the one with every suffix; by default the kinds' names.

    Returns
    -------
    str
        ``"Title (*.a *.b);;"``, then one line per kind when there are several, then
        ``"All files (*)"``, separated by ``;;``, in the current language.
    """
    wanted = _kinds(kinds) or ()
    lines = [f"{title or ', '.join(_(KINDS[k]) for k in wanted)} ({_patterns(wanted)})"]
    if len(wanted) > 1:
        lines += [f"{_(KINDS[k])} ({_patterns((k,))})" for k in wanted]
    return ";;".join([*lines, _("All files (*)")])


def _patterns(kinds: tuple[str, ...]) -> str:
    ends = suffixes(*kinds)
    # "*.pbf" already shows "x.osm.pbf": leave out the longer pattern
    kept = [s for s in ends if not any(o != s and s.endswith(o) for o in ends)]
    return " ".join(f"*{s}" for s in kept)
