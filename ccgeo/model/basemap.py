"""BasemapData: what a light base map is drawn from (water, green, built-up areas, rivers, place
names), as flat arrays in EPSG:4326, read from the project's own OpenStreetMap extract."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from ccgeo.model.roads import fixed_unicode

#: Area classes, in drawing order (bottom to top): built-up land first, water last.
AREA_CLASSES: tuple[str, ...] = (
    "built",
    "residential",
    "commercial",
    "industrial",
    "green",
    "park",
    "water",
)
#: Line classes, in drawing order: coastline, then streams under rivers.
LINE_CLASSES: tuple[str, ...] = ("coastline", "stream", "river")
#: Place classes, most important first (labels are placed in this order).
PLACE_CLASSES: tuple[str, ...] = ("city", "town", "suburb", "village", "neighbourhood")


@dataclass(frozen=True, eq=False)
class BasemapData:
    """The features of a base map, in EPSG:4326, as flat arrays (no file I/O, no drawing).

    Polygons follow shapely's ragged-array layout: polygon ``j`` has the rings
    ``ring_offsets[polygon_offsets[j]:polygon_offsets[j + 1] + 1]`` (outer ring first, then
    holes), ring ``r`` the vertices ``area_lonlat[ring_offsets[r]:ring_offsets[r + 1]]``.

    Attributes
    ----------
    area_class : str (n,)
        One of `AREA_CLASSES` per polygon.
    area_lonlat : float64 (k, 2)
        Ring vertices, longitude and latitude in degrees; rings are closed.
    area_ring_offsets : int64 (r + 1,)
        Where each ring starts in ``area_lonlat``.
    area_polygon_offsets : int64 (n + 1,)
        Where each polygon's rings start in ``area_ring_offsets``.
    line_class : str (m,)
        One of `LINE_CLASSES` per line.
    line_lonlat : float64 (q, 2)
        Line vertices, degrees.
    line_offsets : int64 (m + 1,)
        Line ``i`` has the vertices ``line_lonlat[line_offsets[i]:line_offsets[i + 1]]``.
    place_name : object (p,)
        Name of each place.
    place_class : str (p,)
        One of `PLACE_CLASSES`.
    place_lonlat : float64 (p, 2)
        Where each place's name goes, degrees.
    place_population : float64 (p,)
        The tagged ``population``, NaN where untagged (ranks places of one class).
    source : str
        The OSM file read.
    """

    area_class: np.ndarray
    area_lonlat: np.ndarray
    area_ring_offsets: np.ndarray
    area_polygon_offsets: np.ndarray
    line_class: np.ndarray
    line_lonlat: np.ndarray
    line_offsets: np.ndarray
    place_name: np.ndarray
    place_class: np.ndarray
    place_lonlat: np.ndarray
    place_population: np.ndarray
    source: str = ""

    @classmethod
    def empty(cls, *, source: str = "") -> BasemapData:
        """A base map without any feature."""
        return cls.from_geometries(
            np.empty(0, dtype=object),
            np.empty(0, dtype=str),
            np.empty(0, dtype=object),
            np.empty(0, dtype=str),
            places=(np.empty(0, dtype=object), np.empty(0, dtype=str), np.empty((0, 2))),
            source=source,
        )

    @classmethod
    def from_geometries(
        cls,
        areas: np.ndarray,
        area_class: np.ndarray,
        lines: np.ndarray,
        line_class: np.ndarray,
        *,
        places: tuple[np.ndarray, np.ndarray, np.ndarray],
        place_population: np.ndarray | None = None,
        source: str = "",
    ) -> BasemapData:
        """Build from shapely geometries (EPSG:4326).

        Parameters
        ----------
        areas
            Polygons or multipolygons; a multipolygon becomes one polygon per part.
        area_class
            Class of each of ``areas``.
        lines
            Linestrings (multilinestrings are split into their parts).
        line_class
            Class of each of ``lines``.
        places
            ``(name, class, lonlat)`` of the labelled places.
        place_population
            Tagged population per place, NaN where unknown.
        source
            The file read.
        """
        import shapely

        area_class, polys = _parts(areas, area_class, shapely.GeometryType.POLYGON)
        line_class, parts = _parts(lines, line_class, shapely.GeometryType.LINESTRING)
        a_lonlat, (rings, polygons) = _ragged_polygons(polys)
        l_lonlat, index = shapely.get_coordinates(parts, return_index=True)
        counts = np.bincount(index, minlength=len(parts)) if len(parts) else np.zeros(0, int)
        names, classes, lonlat = places
        n = len(names)
        population = np.full(n, math.nan) if place_population is None else place_population
        return cls(
            area_class=np.asarray(area_class, dtype=str),
            area_lonlat=a_lonlat,
            area_ring_offsets=rings,
            area_polygon_offsets=polygons,
            line_class=np.asarray(line_class, dtype=str),
            line_lonlat=np.asarray(l_lonlat, dtype=np.float64).reshape(-1, 2),
            line_offsets=np.concatenate([[0], np.cumsum(counts)]).astype(np.int64),
            place_name=np.asarray(names, dtype=object),
            place_class=np.asarray(classes, dtype=str),
            place_lonlat=np.asarray(lonlat, dtype=np.float64).reshape(-1, 2),
            place_population=np.asarray(population, dtype=np.float64),
            source=source,
        )

    # -- summaries ---------------------------------------------------------------------------

    @property
    def n_areas(self) -> int:
        """Number of polygons."""
        return len(self.area_class)

    @property
    def n_lines(self) -> int:
        """Number of lines."""
        return len(self.line_class)

    @property
    def n_places(self) -> int:
        """Number of labelled places."""
        return len(self.place_name)

    @property
    def is_empty(self) -> bool:
        """Whether there is nothing to draw."""
        return not (self.n_areas or self.n_lines or self.n_places)

    def counts(self) -> dict[str, int]:
        """Number of features per class (areas, lines and places), classes present only."""
        out: dict[str, int] = {}
        for values in (self.area_class, self.line_class, self.place_class):
            names, n = np.unique(np.asarray(values, dtype=str), return_counts=True)
            for name, count in zip(names.tolist(), n.tolist(), strict=True):
                out[name] = out.get(name, 0) + int(count)
        return out

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        """``(minlon, minlat, maxlon, maxlat)`` of every vertex and place, degrees (NaN: empty)."""
        xy = np.concatenate([self.area_lonlat, self.line_lonlat, self.place_lonlat])
        if len(xy) == 0:
            return (math.nan, math.nan, math.nan, math.nan)
        lo, hi = xy.min(axis=0), xy.max(axis=0)
        return (float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1]))

    # -- geometry ----------------------------------------------------------------------------

    def areas(self) -> np.ndarray:
        """The polygons as a shapely array (EPSG:4326), in the order of `area_class`."""
        import shapely

        if self.n_areas == 0:
            return np.empty(0, dtype=object)
        offsets = (self.area_ring_offsets, self.area_polygon_offsets)
        return shapely.from_ragged_array(shapely.GeometryType.POLYGON, self.area_lonlat, offsets)

    def lines(self) -> np.ndarray:
        """The lines as a shapely array (EPSG:4326), in the order of `line_class`."""
        import shapely

        if self.n_lines == 0:
            return np.empty(0, dtype=object)
        return shapely.from_ragged_array(
            shapely.GeometryType.LINESTRING, self.line_lonlat, (self.line_offsets,)
        )

    # -- caching -----------------------------------------------------------------------------

    def to_arrays(self) -> dict[str, np.ndarray]:
        """All arrays, text as fixed-width unicode, so that ``np.savez`` needs no pickling."""
        return {
            "area_class": fixed_unicode(self.area_class),
            "area_lonlat": self.area_lonlat,
            "area_ring_offsets": self.area_ring_offsets,
            "area_polygon_offsets": self.area_polygon_offsets,
            "line_class": fixed_unicode(self.line_class),
            "line_lonlat": self.line_lonlat,
            "line_offsets": self.line_offsets,
            "place_name": fixed_unicode(self.place_name),
            "place_class": fixed_unicode(self.place_class),
            "place_lonlat": self.place_lonlat,
            "place_population": self.place_population,
        }

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, np.ndarray], *, source: str = "") -> BasemapData:
        """Rebuild from `to_arrays` output; checks that the arrays fit together.

        Raises
        ------
        ValueError
            When an array is missing or the offsets do not fit the vertices.
        """
        missing = [k for k in _ARRAY_DTYPES if k not in arrays]
        if missing:
            msg = f"cached base map arrays lack {', '.join(missing)}"
            raise ValueError(msg)
        kw = {k: np.asarray(arrays[k]).astype(dt, copy=False) for k, dt in _ARRAY_DTYPES.items()}
        kw["place_name"] = kw["place_name"].astype(object)
        kw["area_lonlat"] = kw["area_lonlat"].reshape(-1, 2)
        kw["line_lonlat"] = kw["line_lonlat"].reshape(-1, 2)
        kw["place_lonlat"] = kw["place_lonlat"].reshape(-1, 2)
        data = cls(**kw, source=source)
        data.validate()
        return data

    def validate(self) -> None:
        """Check that offsets, classes and vertices fit together.

        Raises
        ------
        ValueError
            Listing every inconsistency found.
        """
        problems = [
            *_offset_problems("area_ring_offsets", self.area_ring_offsets, len(self.area_lonlat)),
            *_offset_problems(
                "area_polygon_offsets", self.area_polygon_offsets, len(self.area_ring_offsets) - 1
            ),
            *_offset_problems("line_offsets", self.line_offsets, len(self.line_lonlat)),
        ]
        if len(self.area_polygon_offsets) != self.n_areas + 1:
            problems.append("`area_polygon_offsets` should have one entry more than `area_class`")
        if len(self.line_offsets) != self.n_lines + 1:
            problems.append("`line_offsets` should have one entry more than `line_class`")
        p = self.n_places
        if not (len(self.place_class) == len(self.place_lonlat) == len(self.place_population) == p):
            problems.append("the place arrays differ in length")
        for name, known in (
            ("area_class", AREA_CLASSES),
            ("line_class", LINE_CLASSES),
            ("place_class", PLACE_CLASSES),
        ):
            unknown = sorted(set(np.asarray(getattr(self, name), dtype=str).tolist()) - set(known))
            if unknown:
                problems.append(f"`{name}` holds unknown classes {unknown}")
        if problems:
            raise ValueError("; ".join(problems))


_ARRAY_DTYPES: dict[str, object] = {
    "area_class": str,
    "area_lonlat": np.float64,
    "area_ring_offsets": np.int64,
    "area_polygon_offsets": np.int64,
    "line_class": str,
    "line_lonlat": np.float64,
    "line_offsets": np.int64,
    "place_name": str,
    "place_class": str,
    "place_lonlat": np.float64,
    "place_population": np.float64,
}


def _offset_problems(name: str, offsets: np.ndarray, n: int) -> list[str]:
    if len(offsets) == 0 or offsets[0] != 0 or offsets[-1] != n or np.any(np.diff(offsets) < 0):
        return [f"`{name}` must rise from 0 to {n}"]
    return []


def _parts(geoms: np.ndarray, classes: np.ndarray, kind: int) -> tuple[np.ndarray, np.ndarray]:
    """Multi-part geometries split into their parts of type ``kind``, each keeping its class;
    empty parts and parts of another type are left out."""
    import shapely

    geoms = np.asarray(geoms, dtype=object)
    classes = np.asarray(classes, dtype=str)
    if len(geoms) == 0:
        return classes[:0], geoms
    parts, index = shapely.get_parts(geoms, return_index=True)
    keep = ~shapely.is_empty(parts) & (shapely.get_type_id(parts) == kind)
    return classes[index[keep]], parts[keep]


def _ragged_polygons(polys: np.ndarray) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray]]:
    """Vertices and (ring, polygon) offsets of polygons, shapely's ragged-array layout."""
    import shapely

    if len(polys) == 0:
        return np.empty((0, 2)), (np.zeros(1, np.int64), np.zeros(1, np.int64))
    _, coords, (rings, polygons) = shapely.to_ragged_array(polys)
    return np.asarray(coords, dtype=np.float64), (
        np.asarray(rings, dtype=np.int64),
        np.asarray(polygons, dtype=np.int64),
    )


def place_rank(place_class: np.ndarray, population: np.ndarray) -> np.ndarray:
    """Order in which place names are labelled: by class (`PLACE_CLASSES`), then by population
    (largest first, untagged last), then as given."""
    cls_rank = np.array(
        [PLACE_CLASSES.index(c) if c in PLACE_CLASSES else len(PLACE_CLASSES) for c in place_class]
    )
    people = np.where(np.isfinite(population), population, -1.0)
    return np.lexsort((np.arange(len(cls_rank)), -people, cls_rank))
