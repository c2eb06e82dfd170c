"""RoadData: a road network as flat arrays (nodes, edges, geometry) in EPSG:4326, as read."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np

from ccgeo.errors import check_cancel
from ccgeo.i18n import N_, _, pgettext

if TYPE_CHECKING:
    import threading

    import geopandas as gpd

#: Travel modes a network can be read for; ``"all"`` keeps every way usable by any of them.
MODES: tuple[str, ...] = ("all", "car", "motorbike", "walk")

#: Each travel mode in words, for messages (see `mode_words`).
_MODE_WORDS: dict[str, str] = {"car": N_("car"), "motorbike": N_("motorbike"), "walk": N_("walk")}


def mode_words(mode: str) -> str:
    """A travel mode in the words of the current language (``"walk"`` → ``"a pé"`` in
    Portuguese, ``"walk"`` in English); a mode of the planner's own speed file as it is."""
    if mode == "all":
        return pgettext("travel mode", "all")
    return _(_MODE_WORDS[mode]) if mode in _MODE_WORDS else mode


#: Bit of each mode in `RoadData.edge_modes`.
MODE_BITS: dict[str, int] = {"car": 1, "motorbike": 2, "walk": 4, "all": 7}


@dataclass(frozen=True, eq=False)
class RoadData:
    """A road network as flat arrays, in EPSG:4326.

    Edges run between intersections (or dead ends), like an osmnx simplified graph. Each edge may
    be travelled from ``u`` to ``v``; when ``oneway`` is 0 also from ``v`` to ``u`` (OSM
    ``oneway=-1`` ways are stored reversed, so ``oneway`` is only ever 0 or 1).

    Attributes
    ----------
    node_osmid : int64 (n,)
        OSM node id (or the source's node key).
    node_lonlat : float64 (n, 2)
        Longitude, latitude in degrees.
    edge_u, edge_v : int64 (m,)
        Row index into the node arrays.
    edge_length_m : float64 (m,)
        Length along the geometry, metres (geodesic).
    edge_highway : object (m,)
        OSM ``highway`` class (``"residential"``, ...); the first one when a list was tagged.
    edge_maxspeed_kmh : float64 (m,)
        Tagged ``maxspeed`` in km/h, NaN where untagged or unparseable.
    edge_oneway : int8 (m,)
        1 where only ``u`` → ``v`` is allowed for vehicles, else 0. Pedestrians may walk both ways.
    edge_surface : object (m,)
        OSM ``surface`` tag, ``""`` where untagged.
    edge_way_id : int64 (m,)
        OSM way id, -1 where unknown.
    geom_offsets : int64 (m + 1,)
        Edge ``i`` has the vertices ``geom_lonlat[geom_offsets[i]:geom_offsets[i + 1]]``.
    geom_lonlat : float64 (k, 2)
        Vertices of all edge geometries, from ``u`` to ``v``.
    source : str
        Where the data came from (a path, or ``"download: <place>"``).
    mode : str
        The travel mode the ways were filtered for (one of `MODES`).
    edge_modes : uint8 (m,)
        Modes allowed on each edge as bits of `MODE_BITS` (car 1, motorbike 2, walk 4), from the
        ``highway`` class and access tags. Filled from ``mode`` when not given. Use `usable_by`.
    warnings : tuple of str
        What the reader noticed and the user should know (missing nodes in a clipped extract, ...).
    """

    node_osmid: np.ndarray
    node_lonlat: np.ndarray
    edge_u: np.ndarray
    edge_v: np.ndarray
    edge_length_m: np.ndarray
    edge_highway: np.ndarray
    edge_maxspeed_kmh: np.ndarray
    edge_oneway: np.ndarray
    edge_surface: np.ndarray
    edge_way_id: np.ndarray
    geom_offsets: np.ndarray
    geom_lonlat: np.ndarray
    source: str = ""
    mode: str = "all"
    edge_modes: np.ndarray | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if self.edge_modes is None:
            bits = MODE_BITS.get(self.mode, MODE_BITS["all"])
            modes = np.full(len(self.edge_u), bits, dtype=np.uint8)
            object.__setattr__(self, "edge_modes", modes)

    # -- sizes and summaries -------------------------------------------------------------------

    @property
    def n_nodes(self) -> int:
        """Number of nodes (intersections and dead ends)."""
        return len(self.node_osmid)

    @property
    def n_edges(self) -> int:
        """Number of edges; a two-way edge counts once."""
        return len(self.edge_u)

    @property
    def n_directed_edges(self) -> int:
        """Number of edges counted like an osmnx MultiDiGraph: two-way edges twice."""
        return int(2 * self.n_edges - np.count_nonzero(self.edge_oneway))

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        """``(minlon, minlat, maxlon, maxlat)`` of all edge vertices, degrees (NaN when empty)."""
        if len(self.geom_lonlat) == 0:
            return (math.nan, math.nan, math.nan, math.nan)
        lo = self.geom_lonlat.min(axis=0)
        hi = self.geom_lonlat.max(axis=0)
        return (float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1]))

    @cached_property
    def highway_codes(self) -> tuple[np.ndarray, np.ndarray]:
        """``edge_highway`` as `text_codes`: each edge's class as a small integer (read-only) and
        the sorted class names it indexes; computed once, for every mode built from the roads
        (`make_codes` makes it between looks at Cancel)."""
        return _frozen_codes(self.edge_highway)

    @cached_property
    def surface_codes(self) -> tuple[np.ndarray, np.ndarray]:
        """``edge_surface`` as `text_codes` (``""`` where untagged), like `highway_codes`."""
        return _frozen_codes(self.edge_surface)

    def make_codes(self, *, surfaces: bool, cancel: threading.Event | None = None) -> None:
        """Make `highway_codes` (and `surface_codes` with ``surfaces``) now, checking ``cancel``
        between blocks of edges."""
        if "highway_codes" not in self.__dict__:
            self.__dict__["highway_codes"] = _frozen_codes(self.edge_highway, cancel)
        if surfaces and "surface_codes" not in self.__dict__:
            self.__dict__["surface_codes"] = _frozen_codes(self.edge_surface, cancel)

    def highway_counts(self) -> dict[str, int]:
        """Number of edges per ``highway`` class, most frequent first (ties by name)."""
        codes, names = self.highway_codes
        counts = np.bincount(codes, minlength=len(names))
        order = sorted(range(len(names)), key=lambda i: (-counts[i], names[i]))
        return {str(names[i]): int(counts[i]) for i in order}

    def usable_by(self, mode: str) -> np.ndarray:
        """Boolean mask of the edges a ``mode`` (one of `MODES`) may use."""
        check_mode(mode)
        assert self.edge_modes is not None  # filled in __post_init__
        return (self.edge_modes & MODE_BITS[mode]) != 0

    # -- geometry ----------------------------------------------------------------------------

    def edge_geometries(self) -> np.ndarray:
        """Edge geometries as a shapely ``LineString`` array (EPSG:4326), built in one call."""
        import shapely

        counts = np.diff(self.geom_offsets)
        if len(counts) == 0:
            return np.empty(0, dtype=object)
        indices = np.repeat(np.arange(len(counts)), counts)
        return shapely.linestrings(self.geom_lonlat, indices=indices)

    def edges_gdf(self) -> gpd.GeoDataFrame:
        """The edges as a GeoDataFrame in EPSG:4326.

        Columns ``u``, ``v`` (row indices into the node arrays; ``node_osmid[u]`` gives OSM ids),
        ``length_m`` (metres), ``highway``, ``maxspeed_kmh``, ``oneway`` (0/1), ``surface``,
        ``way_id`` and ``geometry``.
        """
        import geopandas as gpd

        return gpd.GeoDataFrame(
            {
                "u": self.edge_u,
                "v": self.edge_v,
                "length_m": self.edge_length_m,
                "highway": self.edge_highway.astype(str),
                "maxspeed_kmh": self.edge_maxspeed_kmh,
                "oneway": self.edge_oneway,
                "surface": self.edge_surface.astype(str),
                "way_id": self.edge_way_id,
            },
            geometry=self.edge_geometries(),
            crs="EPSG:4326",
        )

    # -- caching -----------------------------------------------------------------------------

    def to_arrays(self) -> dict[str, np.ndarray]:
        """All arrays, strings as fixed-width unicode, so that ``np.savez`` needs no pickling."""
        assert self.edge_modes is not None
        return {
            "node_osmid": self.node_osmid,
            "node_lonlat": self.node_lonlat,
            "edge_u": self.edge_u,
            "edge_v": self.edge_v,
            "edge_length_m": self.edge_length_m,
            "edge_highway": fixed_unicode(self.edge_highway),
            "edge_maxspeed_kmh": self.edge_maxspeed_kmh,
            "edge_oneway": self.edge_oneway,
            "edge_surface": fixed_unicode(self.edge_surface),
            "edge_way_id": self.edge_way_id,
            "geom_offsets": self.geom_offsets,
            "geom_lonlat": self.geom_lonlat,
            "edge_modes": self.edge_modes,
            "warnings": fixed_unicode(np.asarray(self.warnings, dtype=object)),
        }

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, np.ndarray], *, source: str, mode: str) -> RoadData:
        """Rebuild from `to_arrays` output (or an ``np.load`` of it); validates the result.

        Raises
        ------
        ValueError
            If an array is missing or the arrays do not fit together.
        """
        missing = [k for k in _ARRAY_DTYPES if k not in arrays]
        if missing:
            msg = f"cached road arrays lack {', '.join(missing)}"
            raise ValueError(msg)
        kw = {k: np.asarray(arrays[k]).astype(dt, copy=False) for k, dt in _ARRAY_DTYPES.items()}
        kw["edge_highway"] = np.asarray(arrays["edge_highway"]).astype(str).astype(object)
        kw["edge_surface"] = np.asarray(arrays["edge_surface"]).astype(str).astype(object)
        modes = arrays.get("edge_modes")
        warnings = tuple(str(w) for w in np.asarray(arrays.get("warnings", [])).ravel())
        roads = cls(
            **kw,
            source=source,
            mode=mode,
            edge_modes=None if modes is None else np.asarray(modes).astype(np.uint8),
            warnings=warnings,
        )
        roads.validate()
        return roads

    def validate(self) -> None:
        """Check that shapes, dtypes and index ranges fit together.

        Raises
        ------
        ValueError
            Listing every inconsistency found.
        """
        problems: list[str] = []
        n, m = self.n_nodes, self.n_edges
        for name, dtype in _ARRAY_DTYPES.items():
            arr = getattr(self, name)
            if not isinstance(arr, np.ndarray):
                problems.append(f"`{name}` is {type(arr).__name__}, not a numpy array")
            elif arr.dtype != dtype:
                problems.append(f"`{name}` has dtype {arr.dtype}, expected {np.dtype(dtype)}")
        for name in ("edge_highway", "edge_surface"):
            arr = getattr(self, name)
            if not isinstance(arr, np.ndarray) or arr.dtype != object:
                problems.append(f"`{name}` should be an object array of str")
        if problems:
            raise ValueError("; ".join(problems))
        if self.node_lonlat.shape != (n, 2):
            problems.append(f"`node_lonlat` has shape {self.node_lonlat.shape}, expected ({n}, 2)")
        for name in _EDGE_ARRAYS:
            if getattr(self, name).shape != (m,):
                problems.append(f"`{name}` has shape {getattr(self, name).shape}, expected ({m},)")
        if self.mode not in MODES:
            problems.append(f"`mode` is {self.mode!r}, expected one of {', '.join(MODES)}")
        if m and n == 0:
            problems.append("edges exist but there are no nodes")
        for name in ("edge_u", "edge_v"):
            arr = getattr(self, name)
            if m and n and (arr.min() < 0 or arr.max() >= n):
                problems.append(f"`{name}` holds indices outside 0..{n - 1}")
        if len(np.unique(self.node_osmid)) != n:
            problems.append("`node_osmid` holds duplicate ids")
        off = self.geom_offsets
        if off.shape != (m + 1,):
            problems.append(f"`geom_offsets` has shape {off.shape}, expected ({m + 1},)")
        elif off[0] != 0 or off[-1] != len(self.geom_lonlat) or np.any(np.diff(off) < 2):
            problems.append(
                "`geom_offsets` must start at 0, end at len(geom_lonlat) and give each edge "
                "at least 2 vertices"
            )
        if self.geom_lonlat.ndim != 2 or self.geom_lonlat.shape[1:] != (2,):
            problems.append(f"`geom_lonlat` has shape {self.geom_lonlat.shape}, expected (k, 2)")
        if m and np.any(~np.isfinite(self.edge_length_m) | (self.edge_length_m < 0)):
            problems.append("`edge_length_m` holds negative or non-finite lengths")
        if m and not np.isin(self.edge_oneway, (0, 1)).all():
            problems.append("`edge_oneway` holds values other than 0 and 1")
        if self.edge_modes is not None and self.edge_modes.shape != (m,):
            problems.append(f"`edge_modes` has shape {self.edge_modes.shape}, expected ({m},)")
        if n and not np.isfinite(self.node_lonlat).all():
            problems.append("`node_lonlat` holds non-finite coordinates")
        if problems:
            raise ValueError("; ".join(problems))


_ARRAY_DTYPES: dict[str, Any] = {
    "node_osmid": np.int64,
    "node_lonlat": np.float64,
    "edge_u": np.int64,
    "edge_v": np.int64,
    "edge_length_m": np.float64,
    "edge_maxspeed_kmh": np.float64,
    "edge_oneway": np.int8,
    "edge_way_id": np.int64,
    "geom_offsets": np.int64,
    "geom_lonlat": np.float64,
}
_EDGE_ARRAYS = (
    "edge_u",
    "edge_v",
    "edge_length_m",
    "edge_highway",
    "edge_maxspeed_kmh",
    "edge_oneway",
    "edge_surface",
    "edge_way_id",
)


def fixed_unicode(values: np.ndarray) -> np.ndarray:
    """Text values as a fixed-width unicode array (at least ``<U1``), for ``np.savez``."""
    # "<U1" at least, so that an empty array still has a string dtype after np.load
    out = np.asarray(values).astype(str)
    return out if out.dtype.itemsize else out.astype("<U1")


#: Values coded at a time by `text_codes`, which bounds its fixed-width copy of the text.
_CODE_BLOCK = 1 << 16


def text_codes(
    values: np.ndarray, cancel: threading.Event | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Code of each text value, and the distinct values, sorted, that the codes index.

    What ``np.unique(values.astype(str), return_inverse=True)`` gives (a value that is not a
    string is named by ``str``), with codes of `code_dtype`; worked out block by block, so that
    no fixed-width copy of all the values is made (a million road classes: 48 MB, and a sort
    ten times slower).

    Returns
    -------
    codes : uint8 (m,)
        ``names[codes[i]]`` is ``str(values[i])``; uint16 or wider beyond 256 names.
    names : str array (k,)
        The distinct values, sorted.
    """
    values = np.asarray(values, dtype=object).reshape(-1)
    seen: dict[str, int] = {}  # value -> code in order of first sight
    first = np.empty(len(values), dtype=np.int64 if len(values) > 2**31 else np.int32)
    for start in range(0, len(values), _CODE_BLOCK):
        check_cancel(cancel)
        block = values[start : start + _CODE_BLOCK].astype(str)
        names, inverse = np.unique(block, return_inverse=True)
        local = np.array([seen.setdefault(n, len(seen)) for n in names.tolist()], dtype=first.dtype)
        first[start : start + _CODE_BLOCK] = local[inverse.reshape(-1)]
    names = sorted(seen)
    rank = np.empty(len(names), dtype=code_dtype(len(names)))
    rank[[seen[n] for n in names]] = np.arange(len(names))
    return rank[first], fixed_unicode(np.array(names, dtype=object))


def code_dtype(n_values: int) -> np.dtype:
    """The smallest unsigned integer type that codes ``n_values`` distinct values (uint8 up to
    256)."""
    return np.min_scalar_type(max(n_values - 1, 0))


def _frozen_codes(
    values: np.ndarray, cancel: threading.Event | None = None
) -> tuple[np.ndarray, np.ndarray]:
    codes, names = text_codes(values, cancel)
    codes.setflags(write=False)
    names.setflags(write=False)
    return codes, names


def check_mode(mode: str) -> None:
    """Raise ValueError unless ``mode`` is one of `MODES`."""
    if mode not in MODES:
        msg = f"`mode` must be one of {', '.join(MODES)}, got {mode!r}"
        raise ValueError(msg)
