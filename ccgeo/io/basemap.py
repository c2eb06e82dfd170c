"""The features of a light base map (water, parks and green, built-up land, rivers, place names)
read from an OpenStreetMap extract with pyosmium, so that the map reads without internet.

One pass over the file (pyosmium reads the relations first to assemble multipolygons): areas
come from closed ways and multipolygon relations (`osmium.FileProcessor.with_areas`), rivers and
coastlines from open ways, place names from nodes. Buildings outside mapped residential,
commercial or industrial land are gathered into built-up areas, so that a city mapped with
building footprints but no ``landuse`` still shows where it is built.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ccgeo.errors import InputError, check_cancel
from ccgeo.i18n import N_, _
from ccgeo.io.kinds import FileType, file_type, suffixes
from ccgeo.io.osm import (
    ROAD_KINDS,
    OsmWays,
    osmium_format,
    paced,
    read_roads,
    unreadable_osm_error,
)
from ccgeo.labels import format_count
from ccgeo.model.basemap import PLACE_CLASSES, BasemapData
from ccgeo.model.roads import MODE_BITS, RoadData
from ccgeo.progress import ProgressCallback, report_progress, scaled_progress

#: ``(key, value)`` → area class; the first tag of this table an area has decides.
AREA_TAGS: dict[tuple[str, str], str] = {
    ("natural", "water"): "water",
    ("waterway", "riverbank"): "water",
    ("landuse", "reservoir"): "water",
    ("landuse", "basin"): "water",
    ("leisure", "park"): "park",
    ("leisure", "garden"): "park",
    ("leisure", "recreation_ground"): "park",
    ("natural", "wood"): "green",
    ("natural", "scrub"): "green",
    ("natural", "grassland"): "green",
    ("natural", "heath"): "green",
    ("landuse", "forest"): "green",
    ("landuse", "grass"): "green",
    ("landuse", "meadow"): "green",
    ("landuse", "recreation_ground"): "green",
    ("landuse", "village_green"): "green",
    ("landuse", "cemetery"): "green",
    ("landuse", "residential"): "residential",
    ("landuse", "commercial"): "commercial",
    ("landuse", "retail"): "commercial",
    ("landuse", "industrial"): "industrial",
}
#: ``(key, value)`` of open ways → line class.
LINE_TAGS: dict[tuple[str, str], str] = {
    ("waterway", "river"): "river",
    ("waterway", "canal"): "river",
    ("waterway", "stream"): "stream",
    ("waterway", "drain"): "stream",
    ("waterway", "ditch"): "stream",
    ("natural", "coastline"): "coastline",
}
#: Mapped land use that already says "built up": buildings inside it are not gathered again.
BUILT_LANDUSE: frozenset[str] = frozenset({"residential", "commercial", "industrial"})
#: Edge of the grid cells buildings are gathered in, metres.
BUILDING_CELL_M = 120.0

_KEYS = ("natural", "waterway", "landuse", "leisure", "place", "building")
_AREA_KEYS = tuple(dict.fromkeys(k for k, _value in AREA_TAGS))
_UNDEFINED_COORD = 2_147_483_647
_M_PER_DEG = 111_319.49


def area_class(tags: Mapping[str, Any]) -> str | None:
    """The base-map class of an area with these OSM tags, or None (not drawn)."""
    for key in _AREA_KEYS:
        value = tags.get(key)
        if value is not None:
            found = AREA_TAGS.get((key, str(value)))
            if found is not None:
                return found
    return None


def line_class(tags: Mapping[str, Any]) -> str | None:
    """The base-map class of an open way with these OSM tags, or None (not drawn)."""
    for key in ("waterway", "natural"):
        value = tags.get(key)
        if value is not None and (key, str(value)) in LINE_TAGS:
            return LINE_TAGS[(key, str(value))]
    return None


def _population(value: object) -> float:
    text = str(value or "").replace(",", "").replace(" ", "").split(";")[0]
    try:
        number = float(text)
    except ValueError:
        return math.nan
    return number if math.isfinite(number) and number >= 0 else math.nan


@dataclass
class _Found:
    """What the pass over the file found, as flat lists."""

    area_xy: list[tuple[float, float]] = field(default_factory=list)
    ring_ends: list[int] = field(default_factory=list)
    polygon_ends: list[int] = field(default_factory=list)
    area_class: list[str] = field(default_factory=list)
    line_xy: list[tuple[float, float]] = field(default_factory=list)
    line_ends: list[int] = field(default_factory=list)
    line_class: list[str] = field(default_factory=list)
    place_name: list[str] = field(default_factory=list)
    place_class: list[str] = field(default_factory=list)
    place_xy: list[tuple[float, float]] = field(default_factory=list)
    place_population: list[float] = field(default_factory=list)
    building_xy: list[tuple[float, float]] = field(default_factory=list)

    def add_node(self, node: Any) -> None:
        tags = node.tags
        kind = tags.get("place")
        name = tags.get("name")
        if kind in PLACE_CLASSES and name and node.location.valid():
            self.place_name.append(str(name))
            self.place_class.append(str(kind))
            self.place_xy.append((node.location.lon, node.location.lat))
            self.place_population.append(_population(tags.get("population")))

    def add_way(self, way: Any) -> None:
        tags = way.tags
        if "building" in tags:
            first = way.nodes[0] if len(way.nodes) else None
            if first is not None and first.x != _UNDEFINED_COORD:
                self.building_xy.append((first.lon, first.lat))
            return
        kind = line_class(tags)
        if kind is None:
            return
        xy = [(n.lon, n.lat) for n in way.nodes if n.x != _UNDEFINED_COORD]
        if len(xy) >= 2:
            self.line_xy.extend(xy)
            self.line_ends.append(len(self.line_xy))
            self.line_class.append(kind)

    def add_area(self, area: Any) -> None:
        tags = area.tags
        if "building" in tags:
            return
        kind = area_class(tags)
        if kind is None:
            return
        for outer in area.outer_rings():
            rings = [outer, *area.inner_rings(outer)]
            for ring in rings:
                self.area_xy.extend((n.lon, n.lat) for n in ring)
                self.ring_ends.append(len(self.area_xy))
            self.polygon_ends.append(len(self.ring_ends))
            self.area_class.append(kind)


def read_basemap(
    path: str | Path,
    *,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> BasemapData:
    """Read the base-map features of an OpenStreetMap extract.

    Parameters
    ----------
    path
        An OSM file (``.osm.pbf``, ``.osm``, ``.osm.bz2``, ...), the one the roads come from.
    progress
        ``progress(fraction, text)`` callback.
    cancel
        A `threading.Event`; when set, `Cancelled` is raised at the next check.

    Returns
    -------
    BasemapData
        Areas by class (water, park, green, residential, commercial, industrial, and ``built``
        gathered from buildings outside mapped built-up land), rivers, streams and coastlines,
        and place names (city, town, suburb, village, neighbourhood), EPSG:4326. Empty when
        the file holds none of them.

    Raises
    ------
    InputError
        A missing, unreadable or corrupt file, or a file that is not an OSM extract.
    Cancelled
        When ``cancel`` was set.
    """
    path = Path(path)
    entry = file_type(path, among="osm")
    if not path.is_file() or entry is None:
        msg = (
            _(
                "the base map file does not exist; expected an OSM file ({suffixes}), the one "
                "the roads come from"
            )
            if not path.exists()
            else _(
                "the base map file is not an OpenStreetMap extract; expected an OSM file "
                "({suffixes}), the one the roads come from"
            )
        ).format(suffixes=", ".join(suffixes("osm")))
        raise InputError(msg, path=path)
    found = _Found()
    _one_pass(path, entry, found, None, progress=progress, cancel=cancel)
    return _finish(found, path, progress)


def read_roads_and_basemap(
    path: str | Path,
    *,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> tuple[RoadData, BasemapData | None]:
    """The roads of a file (every mode) and, from an OSM file, its offline base map, read in
    one pass over the file.

    Parameters
    ----------
    path
        A road file (`ccgeo.io.osm.read_roads`); only OSM extracts hold base-map features.
    progress, cancel
        ``progress(fraction, text)`` callback and a `threading.Event` that cancels.

    Returns
    -------
    roads, basemap
        The `RoadData` (as `ccgeo.io.osm.read_roads` with ``mode="all"`` gives it), and the
        `BasemapData` (None for GraphML or road-line files).

    Raises
    ------
    InputError, Cancelled
        As `ccgeo.io.osm.read_roads` does.
    """
    path = Path(path)
    entry = file_type(path, among=ROAD_KINDS)
    if not path.is_file() or entry is None or entry.kind != "osm":
        return read_roads(path, mode="all", progress=progress, cancel=cancel), None
    found, ways = _Found(), OsmWays()
    # as `read_roads` does: reading takes 0..0.7 of the roads' share, building the rest
    roads_share = scaled_progress(progress, 0.0, 0.95)
    _one_pass(
        path, entry, found, ways, progress=scaled_progress(roads_share, 0.0, 0.7), cancel=cancel
    )
    check_cancel(cancel)
    roads = ways.to_roads(path=path, mode="all", progress=roads_share, cancel=cancel)
    return roads, _finish(found, path, scaled_progress(progress, 0.95, 1.0))


def _one_pass(
    path: Path,
    entry: FileType,
    found: _Found,
    ways: OsmWays | None,
    *,
    progress: ProgressCallback | None,
    cancel: threading.Event | None,
) -> None:
    """Read base-map features into ``found`` and, when ``ways`` is given, highway ways into it.

    pyosmium reads the relations first (to assemble multipolygon areas), then every object
    once; only objects with one of the wanted keys reach Python.
    """
    import osmium

    # the roads also need the barrier nodes (listed before the ways, as `read_roads` reads them)
    keys = (*_KEYS, "highway", "barrier") if ways is not None else _KEYS
    processor = (
        osmium.FileProcessor(osmium.io.File(str(path), osmium_format(entry.suffix)))
        .with_areas()
        .with_filter(osmium.filter.KeyFilter(*keys))
    )
    want = MODE_BITS["all"]
    report_progress(progress, 0.0, _("reading {name}").format(name=path.name))
    try:
        for obj in paced(
            processor, path, N_("features"), progress=progress, cancel=cancel, share=1.0
        ):
            kind = obj.type_str()
            if kind == "a":
                found.add_area(obj)
            elif kind == "w":
                if ways is not None and "highway" in obj.tags:
                    ways.add_way(obj, want)
                found.add_way(obj)
            elif kind == "n":
                if ways is not None and "barrier" in obj.tags:
                    ways.add_barrier(obj)
                found.add_node(obj)
    except (RuntimeError, osmium.InvalidLocationError) as exc:  # a bad file, as osmium says
        raise unreadable_osm_error(path, entry, exc) from exc


def _finish(found: _Found, path: Path, progress: ProgressCallback | None) -> BasemapData:
    report_progress(progress, 0.0, _("gathering buildings into built-up areas"))
    data = _basemap_from(found, source=str(path))
    done = _("base map: {areas} areas, {places} places").format(
        areas=format_count(data.n_areas), places=format_count(data.n_places)
    )
    report_progress(progress, 1.0, done)
    return data


def _basemap_from(found: _Found, *, source: str) -> BasemapData:
    """The base map of what was found, with buildings gathered into built-up areas."""
    import shapely

    areas = np.empty(0, dtype=object)
    if found.area_class:
        xy = np.asarray(found.area_xy, dtype=np.float64)
        rings = np.asarray([0, *found.ring_ends], dtype=np.int64)
        polygons = np.asarray([0, *found.polygon_ends], dtype=np.int64)
        areas = shapely.from_ragged_array(shapely.GeometryType.POLYGON, xy, (rings, polygons))
    classes = np.asarray(found.area_class, dtype=str)
    built = gather_buildings(
        np.asarray(found.building_xy, dtype=np.float64).reshape(-1, 2),
        covered=areas[np.isin(classes, list(BUILT_LANDUSE))],
    )
    lines = np.empty(0, dtype=object)
    if found.line_class:
        line_xy = np.asarray(found.line_xy, dtype=np.float64)
        counts = np.diff(np.asarray([0, *found.line_ends]))
        lines = shapely.linestrings(line_xy, indices=np.repeat(np.arange(len(counts)), counts))
    return BasemapData.from_geometries(
        np.concatenate([built, areas]),
        np.concatenate([np.full(len(built), "built"), classes]),
        lines,
        np.asarray(found.line_class, dtype=str),
        places=(
            np.asarray(found.place_name, dtype=object),
            np.asarray(found.place_class, dtype=str),
            np.asarray(found.place_xy, dtype=np.float64).reshape(-1, 2),
        ),
        place_population=np.asarray(found.place_population, dtype=np.float64),
        source=source,
    )


def gather_buildings(
    lonlat: np.ndarray, *, covered: np.ndarray | None = None, cell_m: float = BUILDING_CELL_M
) -> np.ndarray:
    """Built-up areas where buildings stand: the grid cells holding one, merged and smoothed.

    Parameters
    ----------
    lonlat
        One point per building ``(n, 2)``, degrees.
    covered
        Polygons (degrees) of land already mapped as built up; buildings inside them are left
        out.
    cell_m
        Edge of the grid cells, metres; gaps up to two cells wide are closed.

    Returns
    -------
    numpy.ndarray
        Shapely polygons in EPSG:4326.
    """
    import shapely

    lonlat = np.asarray(lonlat, dtype=np.float64).reshape(-1, 2)
    if covered is not None and len(covered) and len(lonlat):
        inside, _within = shapely.STRtree(covered).query(shapely.points(lonlat), predicate="within")
        lonlat = np.delete(lonlat, np.unique(inside), axis=0)
    if len(lonlat) == 0:
        return np.empty(0, dtype=object)
    # a local equirectangular frame: metres within a fraction of a percent across a city
    kx = _M_PER_DEG * math.cos(math.radians(float(np.mean(lonlat[:, 1]))))
    xy = lonlat * np.array([kx, _M_PER_DEG])
    cells = np.unique(np.floor(xy / cell_m).astype(np.int64), axis=0)
    boxes = shapely.box(*(cells * cell_m).T, *((cells + 1) * cell_m).T)
    merged = shapely.coverage_union_all(boxes)
    closed = shapely.buffer(shapely.buffer(merged, cell_m, quad_segs=2), -cell_m)
    smooth = shapely.simplify(closed, cell_m / 8)
    parts = shapely.get_parts(smooth)
    parts = parts[~shapely.is_empty(parts)]
    return shapely.transform(parts, lambda p: p / np.array([kx, _M_PER_DEG]))
