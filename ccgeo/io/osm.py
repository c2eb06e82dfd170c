"""Road networks from OSM files (.osm.pbf, .osm, .osm.bz2), osmnx GraphML, road lines, or online.

Every reader returns a `RoadData`: flat numpy arrays of nodes and edges, ready to be turned into a
routable `ccgeo.model.network.Network` without a Python loop over edges.

All OSM formats (PBF, XML, XML compressed with bzip2 or gzip) are parsed by pyosmium, not by
osmnx as DESIGN.md first planned: one C++ parser for every format gives identical networks from an
``.osm.pbf`` and its ``.osm.bz2`` copy and is tens of times faster than osmnx's XML parser. osmnx
is still used for online download, and its GraphML files are read.
"""

from __future__ import annotations

import ast
import contextlib
import math
import os
import re
import socket
import sys
import threading
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

import numpy as np

from ccgeo.errors import InputError, OfflineError, check_cancel
from ccgeo.geo import great_circle_m
from ccgeo.i18n import N_, _, ngettext
from ccgeo.io.kinds import FileType, file_type, suffixes
from ccgeo.labels import format_count
from ccgeo.memory import release_free_memory
from ccgeo.model.roads import MODE_BITS, MODES, RoadData, check_mode, mode_words
from ccgeo.progress import ProgressCallback, report_progress

if TYPE_CHECKING:
    import geopandas as gpd
    import networkx as nx
    import pandas as pd


#: ``highway`` classes that cars and motorbikes may use (OSRM car profile, plus ``track``, which is
#: often the only road to a rural clinic in low- and middle-income countries).
MOTOR_HIGHWAYS: frozenset[str] = frozenset(
    {
        "motorway",
        "motorway_link",
        "trunk",
        "trunk_link",
        "primary",
        "primary_link",
        "secondary",
        "secondary_link",
        "tertiary",
        "tertiary_link",
        "unclassified",
        "residential",
        "living_street",
        "road",
        "service",
        "track",
    }
)

#: ``service`` values of ``highway=service`` that are not through roads for motor vehicles.
MOTOR_EXCLUDED_SERVICE: frozenset[str] = frozenset(
    {"parking_aisle", "driveway", "private", "emergency_access", "parking"}
)

#: ``highway`` classes a pedestrian may use: every road except motorways, and the ways for people
#: (footways, also when tagged ``footway=sidewalk`` or ``crossing``; paths, steps, indoor
#: corridors of a hospital or a station).
#: Sidewalks and crossings are usually ``highway=footway`` with ``footway=sidewalk|crossing``;
#: some extracts tag them ``highway=sidewalk|crossing``: both are kept, as the speed file has them.
WALK_HIGHWAYS: frozenset[str] = (MOTOR_HIGHWAYS - {"motorway", "motorway_link"}) | {
    "footway",
    "path",
    "pedestrian",
    "steps",
    "cycleway",
    "bridleway",
    "corridor",
    "sidewalk",
    "crossing",
}

#: Access values that close a way (or a barrier) to a mode, as OSRM's car and foot profiles read
#: them. Vehicles: ways for destination traffic, deliveries, customers, farm or forest vehicles,
#: buses or emergency services only are closed to a patient's trip (people living on them walk to
#: the nearest open road). Pedestrians: only closures that apply to people on foot.
_MOTOR_NO_ACCESS = frozenset(
    {
        "no",
        "private",
        "destination",
        "delivery",
        "customers",
        "agricultural",
        "forestry",
        "emergency",
        "psv",
        "military",
    }
)
NO_ACCESS: dict[str, frozenset[str]] = {
    "car": _MOTOR_NO_ACCESS,
    "motorbike": _MOTOR_NO_ACCESS,
    "walk": frozenset({"no", "private", "agricultural", "forestry", "delivery", "military"}),
}

#: ``barrier`` values on a road node that let vehicles through (OSRM's car profile list); any
#: other barrier (bollard, block, chain, stile, turnstile, kerb, ...) stops them.
MOTOR_PASSABLE_BARRIERS: frozenset[str] = frozenset(
    {
        "no",
        "gate",
        "lift_gate",
        "swing_gate",
        "cattle_grid",
        "border_control",
        "toll_booth",
        "sally_port",
        "entrance",
        "height_restrictor",
        "arch",
    }
)
#: ``barrier`` values on a road node that stop people on foot (OSRM's foot profile list).
FOOT_BARRIERS: frozenset[str] = frozenset({"yes", "wall", "fence", "hedge", "retaining_wall"})

#: Access tags per mode, most specific first (OSM access hierarchy): the first one present decides,
#: so ``access=no`` + ``motor_vehicle=yes`` stays open to cars.
ACCESS_KEYS: dict[str, tuple[str, ...]] = {
    "car": ("motorcar", "motor_vehicle", "vehicle", "access"),
    "motorbike": ("motorcycle", "motor_vehicle", "vehicle", "access"),
    "walk": ("foot", "access"),
}

#: ``oneway`` values meaning "only in the drawing direction" and "only against it".
ONEWAY_FORWARD: frozenset[str] = frozenset({"yes", "true", "1"})
ONEWAY_REVERSE: frozenset[str] = frozenset({"-1", "reverse"})
#: ``junction`` values that imply one-way traffic.
ONEWAY_JUNCTIONS: frozenset[str] = frozenset({"roundabout", "circular"})

#: Kinds of file (`ccgeo.io.kinds`) read as roads: OSM extracts (pyosmium), osmnx GraphML, and
#: road lines in a GIS layer (HOT Export Tool layout; pyogrio through geopandas).
ROAD_KINDS: tuple[str, ...] = ("osm", "graphml", "vector")
ACCEPTED_SUFFIXES: tuple[str, ...] = suffixes(*ROAD_KINDS)

#: osmium stores coordinates as integers of 1e-7 degrees; an unknown location is this value.
_COORD_SCALE = 10_000_000
_UNDEFINED_COORD = 2_147_483_647
#: Keys of the nodes made where a barrier cuts a way: -2**62 and below.
_OWN_NODE_BASE = -(1 << 62)
#: Offsets that make fixed-point lon/lat non-negative, to pack both into one int64 vertex key.
_LON_OFFSET = 1_800_000_000
_LAT_SPAN = 1 << 31
#: Vertices per step of the segment lengths (a multiple of the SIMD width, so that the result
#: is bit for bit the one of a single step).
_CHUNK = 1 << 18

_OSM_HOSTS = ("overpass-api.de", 443)
_OSMNX_NETWORK_TYPE = {"car": "drive", "motorbike": "drive", "walk": "walk", "all": "all"}
_UNPARSEABLE_SPEED = float("nan")


# -- tags -------------------------------------------------------------------------------------


def first_value(value: object) -> str:
    """First entry of an OSM multi-value (``"a;b"``), a list or a stringified list; else ``""``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, list | tuple):
        return first_value(value[0]) if value else ""
    text = str(value).strip()
    if text.startswith("[") and text.endswith("]"):
        return first_value(_literal_list(text))
    return text.split(";", 1)[0].strip()


def _literal_list(text: str) -> list[Any]:
    try:
        parsed = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return [text.strip("[]")]
    return list(parsed) if isinstance(parsed, list | tuple) else [parsed]


_SPEED_RE = re.compile(r"^(\d+(?:[.,]\d+)?)\s*(km/h|kmh|kph|mph|knots)?$")
_SPEED_FACTOR = {None: 1.0, "km/h": 1.0, "kmh": 1.0, "kph": 1.0, "mph": 1.609344, "knots": 1.852}


@lru_cache(maxsize=4096)
def parse_maxspeed(value: str) -> float:
    """OSM ``maxspeed`` in km/h: ``"50"``, ``"50 km/h"``, ``"30 mph"``; lowest of ``"50;60"``.

    Returns NaN for zone codes (``"RU:urban"``), ``"none"``, ``"signals"``, ``"walk"`` and
    anything else that is not a number, because those need a local table to interpret.
    """
    speeds = []
    for part in str(value).replace("[", "").replace("]", "").replace("'", "").split(";"):
        for piece in part.split(","):
            m = _SPEED_RE.match(piece.strip().lower())
            if m:
                speed = float(m.group(1).replace(",", ".")) * _SPEED_FACTOR[m.group(2)]
                if speed > 0:
                    speeds.append(speed)
    return min(speeds) if speeds else _UNPARSEABLE_SPEED


def _speed_from(value: object) -> float:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value == "":
        return _UNPARSEABLE_SPEED
    if isinstance(value, list | tuple):
        return min((parse_maxspeed(str(v)) for v in value), default=math.nan)
    return parse_maxspeed(str(value))


def _access_value(tags: Mapping[str, Any], mode: str) -> str:
    """The access value that decides for ``mode`` (most specific key present), else ``""``."""
    for key in ACCESS_KEYS[mode]:
        value = tags.get(key)
        if value is not None and value != "":
            return first_value(value).lower()
    return ""


def _closed_to(tags: Mapping[str, Any], mode: str) -> bool:
    return _access_value(tags, mode) in NO_ACCESS[mode]


def barrier_blocks(tags: Mapping[str, Any]) -> int:
    """Modes a ``barrier`` node with these OSM tags stops, as bits of `MODE_BITS` (0: none).

    The node's own access tags decide first (a gate with ``access=private`` stops everyone, a
    bollard with ``motor_vehicle=yes`` lets cars through); otherwise vehicles pass only the
    barriers of `MOTOR_PASSABLE_BARRIERS` and people on foot are stopped only by
    `FOOT_BARRIERS`.
    """
    barrier = first_value(tags.get("barrier")).lower()
    if not barrier:
        return 0
    blocked = 0
    for mode in ("car", "motorbike", "walk"):
        decided = _access_value(tags, mode)
        if decided:
            closed = decided in NO_ACCESS[mode]
        elif mode == "walk":
            closed = barrier in FOOT_BARRIERS
        else:
            closed = barrier not in MOTOR_PASSABLE_BARRIERS
        if closed:
            blocked |= MODE_BITS[mode]
    return blocked


def way_modes(tags: Mapping[str, Any]) -> int:
    """Modes allowed on a way with these OSM tags, as bits of `MODE_BITS` (0: not a usable road).

    ``tags`` needs only ``.get``: a dict, a pandas row, or a pyosmium ``TagList``.
    """
    highway = first_value(tags.get("highway"))
    if not highway or tags.get("area") == "yes":
        return 0
    modes = 0
    if highway in MOTOR_HIGHWAYS and (
        highway != "service" or first_value(tags.get("service")) not in MOTOR_EXCLUDED_SERVICE
    ):
        if not _closed_to(tags, "car"):
            modes |= MODE_BITS["car"]
        if not _closed_to(tags, "motorbike"):
            modes |= MODE_BITS["motorbike"]
    if highway in WALK_HIGHWAYS and not _closed_to(tags, "walk"):
        modes |= MODE_BITS["walk"]
    return modes


def way_oneway(tags: Mapping[str, Any]) -> int:
    """1 (one-way along the drawing), -1 (against it) or 0 (both ways) for vehicles."""
    value = tags.get("oneway")
    if isinstance(value, bool):
        return int(value)
    oneway = first_value(value).lower()
    if oneway in ONEWAY_REVERSE:
        return -1
    if oneway in ONEWAY_FORWARD:
        return 1
    if oneway in ("no", "false", "0"):
        return 0
    return 1 if first_value(tags.get("junction")).lower() in ONEWAY_JUNCTIONS else 0


# -- dispatch -----------------------------------------------------------------------------------


def read_roads(
    path: str | Path,
    *,
    mode: str = "all",
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> RoadData:
    """Read a road network from a file, choosing the reader from the file name.

    Parameters
    ----------
    path
        An OSM file (``.osm.pbf``, ``.pbf``, ``.osm``, ``.osm.xml``, ``.xml``, ``.osm.bz2``,
        ``.osm.gz``), an osmnx ``.graphml``, or road lines with a ``highway`` column
        (``.gpkg``, ``.shp``, ``.geojson``, ``.json``, ``.fgb``, zipped Shapefile ``.zip``; any
        CRS). `ACCEPTED_SUFFIXES` lists them all.
    mode
        Keep the ways usable by this mode (see `MODES`); ``"all"`` keeps the union.
    progress
        ``progress(fraction, text)`` callback.
    cancel
        A `threading.Event`; when set, `Cancelled` is raised at the next check.

    Returns
    -------
    RoadData
        Nodes and edges in EPSG:4326, lengths in metres.

    Raises
    ------
    InputError
        Missing, unreadable or corrupt file, unknown extension, or no road usable by ``mode``.
    Cancelled
        When ``cancel`` was set.
    """
    path = Path(path)
    check_mode(mode)
    if not path.is_file():
        msg = (
            _("the road file is a folder, not a file; check the path")
            if path.is_dir()
            else _("the road file does not exist; check the path")
        )
        raise InputError(msg, path=path)
    entry = file_type(path, among=ROAD_KINDS)
    if entry is None:
        msg = _(
            "unknown road file type {suffix!r}; expected one of {suffixes} (an OpenStreetMap "
            "extract from download.geofabrik.de or export.hotosm.org, an osmnx GraphML, or road "
            "lines with a `highway` column)"
        ).format(suffix=path.suffix, suffixes=", ".join(ACCEPTED_SUFFIXES))
        raise InputError(msg, path=path)
    if entry.kind == "osm":
        roads = _read_osm(path, entry, mode=mode, progress=progress, cancel=cancel)
    elif entry.kind == "graphml":
        roads = _read_graphml(path, mode=mode, progress=progress, cancel=cancel)
    else:
        roads = _read_lines(path, mode=mode, progress=progress, cancel=cancel)
    release_free_memory()  # the reader's working arrays, freed, go back to the system
    return roads


# -- OSM files (pyosmium) -----------------------------------------------------------------------


def osmium_format(suffix: str) -> str:
    """The osmium format string of an OSM file name ending (``".osm.bz2"`` → ``"osm.bz2"``)."""
    if suffix.endswith(".pbf"):
        return "pbf"
    if suffix.endswith((".bz2", ".gz")):
        return "osm" + suffix[suffix.rindex(".") :]
    return "osm"


#: The tags that decide whether a way is kept, for which modes, and its attributes (see
#: `way_class`): ways with the same values of these tags are classified once.
_WAY_KEYS: tuple[str, ...] = tuple(
    dict.fromkeys(
        (
            "highway",
            "area",
            "service",
            *ACCESS_KEYS["car"],
            *ACCESS_KEYS["motorbike"],
            *ACCESS_KEYS["walk"],
            "oneway",
            "junction",
            "maxspeed",
            "surface",
        )
    )
)


class WayClass(NamedTuple):
    """What the tags of a way give: its class, the modes it is open to, and its attributes."""

    highway: str
    modes: int
    oneway: int
    maxspeed: float
    surface: str


def way_class(tags: Mapping[str, Any]) -> WayClass:
    """The `WayClass` of a way with these tags (`way_modes` gives ``modes``); its texts are
    interned, so that the edges of a class share one string."""
    surface = tags.get("surface")
    return WayClass(
        highway=sys.intern(first_value(tags.get("highway"))),
        modes=way_modes(tags),
        oneway=way_oneway(tags),
        maxspeed=_speed_from(tags.get("maxspeed")),
        surface=sys.intern("" if surface is None else first_value(surface)),
    )


def _numpy(values: array) -> np.ndarray:
    """A numpy view of an `array.array` (no copy)."""
    if not len(values):
        return np.empty(0, dtype=values.typecode)
    return np.frombuffer(values, dtype=values.typecode)


@dataclass
class OsmWays:
    """Kept ways as flat typed arrays: node refs with fixed-point locations, and per path its
    way id and its kind, a row of `kinds` (class, modes and one-way: the values many ways share).

    Typed arrays take 4 or 8 bytes a value where Python lists of numbers take about 36, so that a
    national extract fits in memory. Barrier nodes met before the ways (`add_barrier`) cut the
    ways through them for the modes they stop: each side of the barrier ends at a node of its
    own, tied to the barrier node by a connector of length 0 open to the modes that pass (see
    `add_way`).
    """

    node_ref: array = field(default_factory=partial(array, "q"))
    node_x: array = field(default_factory=partial(array, "i"))
    node_y: array = field(default_factory=partial(array, "i"))
    n_nodes: array = field(default_factory=partial(array, "i"))
    way_id: array = field(default_factory=partial(array, "q"))
    kind: array = field(default_factory=partial(array, "i"))
    kinds: dict[tuple[WayClass, int, int], int] = field(default_factory=dict)
    skipped: Counter[str] = field(default_factory=Counter)
    blocked: dict[int, int] = field(default_factory=dict)
    n_cut: int = 0
    n_own: int = 0
    classes: dict[tuple[Any, ...], WayClass] = field(default_factory=dict, repr=False)

    def add_attributes(
        self, way_id: int, cls: WayClass, bits: int, *, oneway: int | None = None
    ) -> None:
        """Add the attributes of one path of way ``way_id``, open to the modes ``bits``."""
        kinds = self.kinds
        key = (cls, bits, cls.oneway if oneway is None else oneway)
        self.way_id.append(way_id)
        self.kind.append(kinds.setdefault(key, len(kinds)))

    def add_barrier(self, node: Any) -> None:
        """Remember a pyosmium ``barrier`` node and the modes it stops."""
        bits = barrier_blocks(node.tags)
        if bits:
            self.blocked[node.id] = bits

    def class_of(self, tags: Any) -> WayClass:
        """The `WayClass` of a pyosmium ``TagList``, computed once per combination of the
        `_WAY_KEYS` values."""
        get = tags.get
        key = tuple([get(k) for k in _WAY_KEYS])
        cls = self.classes.get(key)
        if cls is None:
            cls = self.classes[key] = way_class(dict(zip(_WAY_KEYS, key, strict=True)))
        return cls

    def add_way(self, way: Any, want: int) -> None:
        """Keep a pyosmium ``highway`` way (with node locations) usable by the modes ``want``
        (bits of `MODE_BITS`); count it as skipped otherwise."""
        cls = self.class_of(way.tags)
        bits = cls.modes & want
        if not bits:
            self.skipped[cls.highway] += 1
            return
        refs = self.node_ref
        first = len(refs)
        add_ref, add_x, add_y = refs.append, self.node_x.append, self.node_y.append
        for node in way.nodes:
            location = node.location
            add_ref(node.ref)
            add_x(location.x)
            add_y(location.y)
        xs, ys = self.node_x, self.node_y
        blocked = self.blocked
        if not blocked or blocked.keys().isdisjoint(refs[first:]):
            self.n_nodes.append(len(refs) - first)
            self.add_attributes(way.id, cls, bits)
            return
        nodes = list(zip(refs[first:], xs[first:], ys[first:], strict=True))
        del refs[first:], xs[first:], ys[first:]
        self._add_cut(nodes, way.id, cls, bits)

    def _add_cut(
        self, nodes: list[tuple[int, int, int]], way_id: int, cls: WayClass, bits: int
    ) -> None:
        """Add a way that passes barrier nodes, cut at those that stop one of its modes."""
        blocked = self.blocked
        cuts = [i for i, n in enumerate(nodes) if blocked.get(n[0], 0) & bits]
        if not cuts:
            self._add_path(nodes)
            self.add_attributes(way_id, cls, bits)
            return
        self.n_cut += 1
        start = 0
        for i in cuts:
            barrier = nodes[i]
            passing = bits & ~blocked[barrier[0]]
            if i > start:  # the stretch before the barrier, ending at a node of its own
                end = self._own_node(barrier)
                self._add_path([*nodes[start:i], end])
                self.add_attributes(way_id, cls, bits)
                self._connect(end, barrier, way_id, cls, passing)
            if i < len(nodes) - 1:  # the stretch after it begins at another node of its own
                nodes[i] = self._own_node(barrier)
                self._connect(nodes[i], barrier, way_id, cls, passing)
            start = i
        if start < len(nodes) - 1:
            self._add_path(nodes[start:])
            self.add_attributes(way_id, cls, bits)

    def _own_node(self, node: tuple[int, int, int]) -> tuple[int, int, int]:
        """A new node at ``node``'s place, keyed below any OSM id (and below the negative ids
        JOSM gives new objects)."""
        self.n_own += 1
        return (_OWN_NODE_BASE - self.n_own, node[1], node[2])

    def _connect(
        self,
        node: tuple[int, int, int],
        barrier: tuple[int, int, int],
        way_id: int,
        cls: WayClass,
        passing: int,
    ) -> None:
        """Tie one side's own node to the barrier node, open (both ways) to the modes that pass."""
        if passing:
            self._add_path([node, barrier])
            self.add_attributes(way_id, cls, passing, oneway=0)

    def _add_path(self, nodes: list[tuple[int, int, int]]) -> None:
        for ref, x, y in nodes:
            self.node_ref.append(ref)
            self.node_x.append(x)
            self.node_y.append(y)
        self.n_nodes.append(len(nodes))

    def keep_paths(self, index: np.ndarray) -> None:
        """Keep the paths' attributes at ``index`` (in that order, repeats allowed)."""
        self.way_id = array("q", _numpy(self.way_id)[index].tobytes())
        self.kind = array("i", _numpy(self.kind)[index].tobytes())

    def path_attributes(self) -> dict[str, np.ndarray]:
        """The attributes of every path, as `build_from_paths` takes them."""
        kinds = list(self.kinds)  # in the order of their rows
        highway = np.empty(len(kinds), dtype=object)
        highway[:] = [cls.highway for cls, _bits, _oneway in kinds]
        surface = np.empty(len(kinds), dtype=object)
        surface[:] = [cls.surface for cls, _bits, _oneway in kinds]
        maxspeed = np.array([cls.maxspeed for cls, _bits, _oneway in kinds], dtype=np.float64)
        kind = _numpy(self.kind)
        return {
            "way_id": _numpy(self.way_id),
            "highway": highway[kind],
            "maxspeed_kmh": maxspeed[kind],
            "oneway": np.array([oneway for *_, oneway in kinds], dtype=np.int8)[kind],
            "surface": surface[kind],
            "modes": np.array([bits for _cls, bits, _oneway in kinds], dtype=np.uint8)[kind],
        }

    def to_roads(
        self,
        *,
        path: Path,
        mode: str,
        progress: ProgressCallback | None,
        cancel: threading.Event | None,
    ) -> RoadData:
        """The network of the kept ways (see `build_from_paths`)."""
        return _roads_from_ways(
            self,
            _numpy(self.node_ref),
            _numpy(self.node_x),
            _numpy(self.node_y),
            _numpy(self.n_nodes),
            path=path,
            mode=mode,
            progress=progress,
            cancel=cancel,
        )


T = TypeVar("T")


def paced(
    objects: Iterable[T],
    path: Path,
    what: str,
    *,
    progress: ProgressCallback | None,
    cancel: threading.Event | None,
    share: float = 0.7,
) -> Iterator[T]:
    """The objects of an OSM file as read, checking ``cancel`` and reporting progress every
    5,000: ``"reading x.osm.pbf: 15,000 <what>"`` (``what`` marked with `ccgeo.i18n.N_`, shown
    translated). The fraction, up to ``share``, is how far the reader is into the file where
    the system tells (`ReadPosition`); elsewhere the number of objects is unknown until the end,
    and the fraction approaches ``share`` asymptotically."""
    position = ReadPosition(path)
    for n_seen, obj in enumerate(objects, start=1):
        if n_seen % 5000 == 0:
            check_cancel(cancel)
            done = position.fraction()
            if done is None:
                done = 1.0 - math.exp(-n_seen / 40_000)
            report_progress(
                progress,
                share * done,
                _("reading {name}: {count} {what}").format(
                    name=path.name, count=format_count(n_seen), what=_(what)
                ),
            )
        yield obj


class ReadPosition:
    """How far a reader (pyosmium, in C++) is into ``path``: the offset of the file descriptor
    it opened, over the file's size, read from ``/proc/self/fdinfo`` (Linux); None elsewhere."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path).resolve()
        try:
            self.size = self.path.stat().st_size
        except OSError:
            self.size = 0
        self.fd: int | None = None
        self.usable = self.size > 0 and Path("/proc/self/fdinfo").is_dir()

    def fraction(self) -> float | None:
        """Share of the file read so far (0-1), or None when it cannot be known."""
        if not self.usable:
            return None
        if self.fd is None:
            self.fd = self._find_fd()
            if self.fd is None:
                self.usable = False
                return None
        try:
            info = Path(f"/proc/self/fdinfo/{self.fd}").read_text(encoding="ascii")
            pos = int(info.split("pos:", 1)[1].split()[0])
        except (OSError, IndexError, ValueError):
            self.usable = False
            return None
        return min(pos / self.size, 1.0)

    def _find_fd(self) -> int | None:
        for link in Path("/proc/self/fd").iterdir():
            with contextlib.suppress(OSError):
                if Path(os.readlink(link)) == self.path:
                    return int(link.name)
        return None


def _read_osm(
    path: Path,
    entry: FileType,
    *,
    mode: str,
    progress: ProgressCallback | None,
    cancel: threading.Event | None,
) -> RoadData:
    ways = _read_ways(path, entry, MODE_BITS[mode], progress=progress, cancel=cancel)
    check_cancel(cancel)
    return ways.to_roads(path=path, mode=mode, progress=progress, cancel=cancel)


def _read_ways(
    path: Path,
    entry: FileType,
    want: int,
    *,
    progress: ProgressCallback | None,
    cancel: threading.Event | None,
) -> OsmWays:
    """The ways of an OSM file usable by the modes ``want``, cut at the barriers; pyosmium's
    node locations are freed on return."""
    import osmium

    ways = OsmWays()
    report_progress(progress, 0.0, _("reading {name}").format(name=path.name))
    processor = (
        osmium.FileProcessor(osmium.io.File(str(path), osmium_format(entry.suffix)))
        .with_locations()
        .with_filter(osmium.filter.EntityFilter(osmium.osm.NODE | osmium.osm.WAY))
        .with_filter(osmium.filter.KeyFilter("barrier").enable_for(osmium.osm.NODE))
        .with_filter(osmium.filter.KeyFilter("highway").enable_for(osmium.osm.WAY))
    )
    try:
        # an OSM file lists its nodes before its ways: the barriers are known when ways come
        for obj in paced(
            processor, path, N_("barriers and ways"), progress=progress, cancel=cancel
        ):
            if obj.is_node():
                ways.add_barrier(obj)
            else:
                ways.add_way(obj, want)
    except (RuntimeError, osmium.InvalidLocationError) as exc:  # a bad file, as osmium says
        raise unreadable_osm_error(path, entry, exc) from exc
    return ways


def unreadable_osm_error(path: Path, entry: FileType, exc: Exception) -> InputError:
    """The error of an OSM file pyosmium cannot read."""
    if isinstance(exc, PermissionError) or "Permission denied" in str(exc):
        from ccgeo.io.tables import unreadable

        expected = _("an {label}").format(label=_(entry.label))
        return unreadable(path, PermissionError(str(exc)), expected=expected)
    msg = _(
        "cannot read this OSM file ({exc}); it may be corrupt or truncated, or not "
        "{label} despite its name. Download it again (e.g. from "
        "download.geofabrik.de or export.hotosm.org)"
    ).format(exc=exc, label=_(entry.label))
    return InputError(msg, path=path)


def _no_roads_error(path: Path | str, mode: str, skipped: Counter[str]) -> InputError:
    untagged = skipped.pop("", 0)
    n = sum(skipped.values())
    classes = ", ".join(f"{k} ({format_count(v)})" for k, v in skipped.most_common(12))
    found = (
        ngettext(
            "found {n} highway ways of classes {classes}",
            "found {n} highway ways of classes {classes}",
            n,
        )
        if n
        else ngettext("found {n} highway ways", "found {n} highway ways", n)
    ).format(n=format_count(n), classes=classes)
    if untagged:
        found += ngettext(
            " and {n} without a `highway` tag", " and {n} without a `highway` tag", untagged
        ).format(n=format_count(untagged))
    hint = (
        _("try mode 'all' or 'walk', or a larger extract")
        if mode in ("car", "motorbike") and n
        else _("check that the file covers the area and holds OpenStreetMap `highway` ways")
    )
    msg = _("holds no roads usable by {mode}: {found}; {hint}").format(
        mode=mode_words(mode), found=found, hint=hint
    )
    return InputError(msg, path=path)


def _roads_from_ways(
    ways: OsmWays,
    node_ref: np.ndarray,
    node_x: np.ndarray,
    node_y: np.ndarray,
    path_n_nodes: np.ndarray,
    *,
    path: Path | str,
    mode: str,
    progress: ProgressCallback | None,
    cancel: threading.Event | None,
) -> RoadData:
    if not len(path_n_nodes):
        raise _no_roads_error(path, mode, ways.skipped)
    report_progress(
        progress,
        0.7,
        _("building the network from {n} ways").format(n=format_count(len(path_n_nodes))),
    )
    attributes = ways.path_attributes()
    check_cancel(cancel)
    roads = build_from_paths(
        node_ref,
        node_x,
        node_y,
        path_n_nodes,
        **attributes,
        source=str(path),
        mode=mode,
        cancel=cancel,
    )
    if roads.n_edges == 0:
        msg = ngettext(
            "holds {n} {mode} ways but none has two nodes with known locations; the extract "
            "lacks the nodes of its ways (export it again with complete ways)",
            "holds {n} {mode} ways but none has two nodes with known locations; the extract "
            "lacks the nodes of its ways (export it again with complete ways)",
            len(path_n_nodes),
        ).format(n=format_count(len(path_n_nodes)), mode=mode_words(mode))
        raise InputError(msg, path=path)
    check_cancel(cancel)
    report_progress(progress, 1.0, _nodes_and_edges(roads))
    return roads


def _nodes_and_edges(roads: RoadData) -> str:
    """``"1,234 nodes, 2,345 edges"``, the last progress message of a road reader."""
    return _("{nodes} nodes, {edges} edges").format(
        nodes=format_count(roads.n_nodes), edges=format_count(roads.n_edges)
    )


def build_from_paths(
    node_ref: np.ndarray,
    node_x: np.ndarray,
    node_y: np.ndarray,
    path_n_nodes: np.ndarray,
    *,
    way_id: np.ndarray,
    highway: np.ndarray,
    maxspeed_kmh: np.ndarray,
    oneway: np.ndarray,
    surface: np.ndarray,
    modes: np.ndarray,
    source: str,
    mode: str,
    cancel: threading.Event | None = None,
) -> RoadData:
    """Split paths (OSM ways, road lines) into edges between intersections, all in numpy.

    A path is split at every node that occurs more than once among all paths (shared with another
    path, or visited twice by the same one) and at its ends. Nodes without a location break a path:
    the segments touching them are dropped and counted in `RoadData.warnings`.

    Parameters
    ----------
    node_ref
        Node key of each path vertex, all paths concatenated (int64).
    node_x, node_y
        Longitude and latitude of each vertex in 1e-7 degrees (osmium fixed point);
        2**31 - 1 where the location is unknown.
    path_n_nodes
        Number of vertices of each path.
    way_id, highway, maxspeed_kmh, oneway, surface, modes
        One value per path; ``oneway`` is 1, 0 or -1 (-1 paths are reversed and stored as 1).
    source, mode
        Copied to the result.
    cancel
        A `threading.Event`, checked between the steps.

    Returns
    -------
    RoadData
        Possibly with no edges, when no path has two located consecutive nodes.

    Raises
    ------
    Cancelled
        When ``cancel`` was set.
    """
    path_of = np.repeat(np.arange(len(path_n_nodes)), path_n_nodes)
    if np.any(oneway < 0):
        order = _forward_order(path_of, path_n_nodes, oneway)
        node_ref, node_x, node_y = node_ref[order], node_x[order], node_y[order]
        del order
    check_cancel(cancel)
    runs = _located_runs(node_ref, node_x, node_y, path_of, cancel)
    del node_ref, node_x, node_y, path_of
    edges = _split_runs(runs, cancel)
    check_cancel(cancel)
    ways = {
        "edge_highway": np.asarray(highway, dtype=object),
        "edge_maxspeed_kmh": np.asarray(maxspeed_kmh, dtype=np.float64),
        "edge_oneway": np.where(oneway < 0, 1, oneway).astype(np.int8),
        "edge_surface": np.asarray(surface, dtype=object),
        "edge_way_id": np.asarray(way_id, dtype=np.int64),
        "edge_modes": np.asarray(modes, dtype=np.uint8),
    }
    return RoadData(
        source=source,
        mode=mode,
        warnings=runs.warnings(),
        **{k: v for k, v in edges.items() if k != "edge_path"},
        **{name: values[edges["edge_path"]] for name, values in ways.items()},  # its way's
    )


def _split_runs(runs: _Runs, cancel: threading.Event | None) -> dict[str, np.ndarray]:
    """The edges of located runs of vertices, between looks at ``cancel``: their nodes,
    lengths, geometry (`RoadData`'s arrays) and ``edge_path``, the path of each."""
    order = np.argsort(runs.node_ref)
    check_cancel(cancel)
    split, a, b = _edge_ends(runs, order)
    check_cancel(cancel)
    node_osmid, node_lonlat, edge_u, edge_v = _edge_nodes(runs, order, split, a, b, cancel)
    del order, split
    check_cancel(cancel)
    length = _edge_lengths(runs.node_x, runs.node_y, runs.first, a, b)
    check_cancel(cancel)
    geom_offsets, geom_lonlat = _edge_vertices(runs.node_x, runs.node_y, a, b)
    return {
        "node_osmid": node_osmid,
        "node_lonlat": node_lonlat,
        "edge_u": edge_u,
        "edge_v": edge_v,
        "edge_length_m": length,
        "geom_offsets": geom_offsets,
        "geom_lonlat": geom_lonlat,
        "edge_path": runs.path_of[a],
    }


def _forward_order(path_of: np.ndarray, path_n_nodes: np.ndarray, oneway: np.ndarray) -> np.ndarray:
    """Vertex order with the paths of ``oneway`` -1 reversed, so that every edge runs u → v."""
    path_start = np.zeros(len(path_n_nodes) + 1, dtype=np.int64)
    np.cumsum(path_n_nodes, out=path_start[1:])
    order = np.arange(len(path_of))
    rev = oneway[path_of] < 0
    order[rev] = path_start[path_of[rev]] + path_start[path_of[rev] + 1] - 1 - order[rev]
    return order


@dataclass(frozen=True)
class _Runs:
    """Path vertices with a location, in runs ("pieces") of consecutive located vertices of one
    path; an edge never crosses from one piece to the next."""

    node_ref: np.ndarray
    node_x: np.ndarray
    node_y: np.ndarray
    path_of: np.ndarray
    first: np.ndarray
    last: np.ndarray
    n_lost: int
    n_missing: int

    def warnings(self) -> tuple[str, ...]:
        if not self.n_lost:
            return ()
        return (
            ngettext(
                "{missing} nodes used by roads are missing from the file (a clipped extract?): "
                "{lost} road segments touching them were dropped",
                "{missing} nodes used by roads are missing from the file (a clipped extract?): "
                "{lost} road segments touching them were dropped",
                self.n_missing,
            ).format(missing=format_count(self.n_missing), lost=format_count(self.n_lost)),
        )


def _located_runs(
    node_ref: np.ndarray,
    node_x: np.ndarray,
    node_y: np.ndarray,
    path_of: np.ndarray,
    cancel: threading.Event | None,
) -> _Runs:
    """Drop vertices without a location (and a vertex repeated right after itself); count the
    segments lost with them."""
    same_path_as_prev = np.r_[False, path_of[1:] == path_of[:-1]]
    located = (node_x != _UNDEFINED_COORD) & (node_y != _UNDEFINED_COORD)
    # a segment is lost when either of its ends has no location
    lost = same_path_as_prev & ~(located & np.r_[False, located[:-1]])
    n_missing = len(np.unique(node_ref[~located]))
    check_cancel(cancel)
    starts = ~same_path_as_prev | np.r_[True, ~located[:-1]]
    piece = np.cumsum(starts) - 1
    repeat = same_path_as_prev & np.r_[False, node_ref[1:] == node_ref[:-1]]
    keep = located & ~repeat
    check_cancel(cancel)
    piece = piece[keep]
    change = piece[1:] != piece[:-1]
    first = np.r_[True, change][: len(piece)]
    last = np.r_[change, True][: len(piece)]
    several = ~(first & last)  # a piece of one vertex makes no edge
    kept: np.ndarray | slice = np.flatnonzero(keep)[several]
    if len(kept) == len(node_ref):  # every vertex kept: the arrays themselves, not copies
        kept = slice(None)
    return _Runs(
        node_ref=node_ref[kept],
        node_x=node_x[kept],
        node_y=node_y[kept],
        path_of=path_of[kept],
        first=first[several],
        last=last[several],
        n_lost=int(np.count_nonzero(lost)),
        n_missing=n_missing,
    )


def _edge_ends(runs: _Runs, order: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Split vertices (shared with another path or visited twice, or a piece's ends) as a mask,
    and the first and last vertex of each edge between two of them, as positions in ``runs``
    (``order`` sorts ``runs.node_ref``)."""
    sorted_ref = runs.node_ref[order]
    same = sorted_ref[1:] == sorted_ref[:-1]
    del sorted_ref
    repeated = np.zeros(len(order), dtype=bool)  # in sorted order: equal to a neighbour
    repeated[1:] = same
    repeated[:-1] |= same
    split = runs.first | runs.last
    split[order] |= repeated
    at = np.flatnonzero(split)
    # every piece begins and ends at a split vertex: two consecutive ones are in the same piece
    # unless the second begins one
    pair = ~runs.first[at[1:]]
    return split, at[:-1][pair], at[1:][pair]


def _edge_nodes(
    runs: _Runs,
    order: np.ndarray,
    split: np.ndarray,
    a: np.ndarray,
    b: np.ndarray,
    cancel: threading.Event | None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The nodes (sorted keys and lon/lat) at the split vertices, and the nodes ``u`` and ``v``
    of the edges running from vertex ``a`` to vertex ``b``, as positions in the node arrays.

    The vertices of one key share its location (pyosmium's location of the OSM node, or the
    coordinates the key is made of), so any of them gives the node's lon/lat.
    """
    at = order[split[order]]  # split vertices by key
    check_cancel(cancel)
    keys = runs.node_ref[at]
    new = np.ones(len(keys), dtype=bool)
    np.not_equal(keys[1:], keys[:-1], out=new[1:])
    check_cancel(cancel)
    node_at = at[new]
    node_lonlat = np.column_stack(
        [runs.node_x[node_at] / _COORD_SCALE, runs.node_y[node_at] / _COORD_SCALE]
    )
    check_cancel(cancel)
    node_of = np.empty(len(split), dtype=np.int64)  # node of each split vertex
    node_of[at] = np.cumsum(new) - 1
    return keys[new].astype(np.int64, copy=False), node_lonlat, node_of[a], node_of[b]


def _edge_lengths(
    node_x: np.ndarray, node_y: np.ndarray, first: np.ndarray, a: np.ndarray, b: np.ndarray
) -> np.ndarray:
    """Length in metres along the vertices of the edges running a → b, from the vertices'
    fixed-point locations (``first``: the first vertex of a piece)."""
    cum = np.zeros(len(node_x))
    # in chunks, so that the temporaries of `great_circle_m` stay small
    for start in range(1, len(node_x), _CHUNK):
        lon = node_x[start - 1 : start + _CHUNK] / _COORD_SCALE
        lat = node_y[start - 1 : start + _CHUNK] / _COORD_SCALE
        cum[start : start + len(lon) - 1] = great_circle_m(lon[:-1], lat[:-1], lon[1:], lat[1:])
    cum[first] = 0.0
    np.cumsum(cum, out=cum)
    return cum[b] - cum[a]


def _edge_vertices(
    node_x: np.ndarray, node_y: np.ndarray, a: np.ndarray, b: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Vertex offsets and lon/lat vertices of the edges running a → b."""
    geom_offsets = np.zeros(len(a) + 1, dtype=np.int64)
    np.cumsum(b - a + 1, out=geom_offsets[1:])
    gather = np.repeat(a - geom_offsets[:-1], b - a + 1)
    gather += np.arange(geom_offsets[-1])
    geom_lonlat = np.empty((len(gather), 2))
    for start in range(0, len(gather), _CHUNK):  # in chunks: no full-size temporaries
        at = gather[start : start + _CHUNK]
        geom_lonlat[start : start + len(at), 0] = node_x[at] / _COORD_SCALE
        geom_lonlat[start : start + len(at), 1] = node_y[at] / _COORD_SCALE
    return geom_offsets, geom_lonlat


# -- road lines (GeoPackage, Shapefile, GeoJSON) ------------------------------------------------

_LINE_TAGS = (
    "highway",
    "oneway",
    "junction",
    "maxspeed",
    "surface",
    "service",
    "area",
    "access",
    "vehicle",
    "motor_vehicle",
    "motorcar",
    "motorcycle",
    "foot",
)


def _read_lines(
    path: Path,
    *,
    mode: str,
    progress: ProgressCallback | None,
    cancel: threading.Event | None,
) -> RoadData:
    import shapely

    report_progress(progress, 0.0, _("reading {name}").format(name=path.name))
    gdf = _read_line_layer(path)
    check_cancel(cancel)
    columns = {str(c).lower(): c for c in gdf.columns if c != gdf.geometry.name}
    parts, row_of_part = shapely.get_parts(gdf.geometry.to_numpy(), return_index=True)
    coords, part_of_vertex = shapely.get_coordinates(parts, return_index=True)
    report_progress(progress, 0.4, _("classifying {n} road lines").format(n=format_count(len(gdf))))
    ways, row_bits = _classify_lines(gdf, columns, mode=mode)
    check_cancel(cancel)

    kept_part = row_bits[row_of_part] != 0
    kept_vertex = kept_part[part_of_vertex]
    part_sizes = np.bincount(part_of_vertex, minlength=len(parts))[kept_part]
    # attribute rows were appended per kept row; parts of a MultiLineString repeat their row
    kept_rows = np.flatnonzero(row_bits)
    ways.keep_paths(np.searchsorted(kept_rows, row_of_part[kept_part]))

    # snap: vertices that round to the same 1e-7 degrees (~1 cm) are one node
    fixed = np.rint(coords[kept_vertex] * _COORD_SCALE).astype(np.int64)
    key = (fixed[:, 0] + _LON_OFFSET) * _LAT_SPAN + (fixed[:, 1] + _LAT_SPAN // 2)
    roads = _roads_from_ways(
        ways,
        key,
        fixed[:, 0],
        fixed[:, 1],
        part_sizes,
        path=path,
        mode=mode,
        progress=progress,
        cancel=cancel,
    )
    # coordinate keys mean nothing to a user: number the nodes 0..n-1 in key order instead
    return replace(roads, node_osmid=np.arange(roads.n_nodes, dtype=np.int64))


def _read_line_layer(path: Path) -> gpd.GeoDataFrame:
    """The road layer of a GIS file in EPSG:4326, checked: a `highway` column, a CRS, lines."""
    import geopandas as gpd
    import pyogrio
    import shapely

    try:
        layer = _pick_line_layer(path, pyogrio.list_layers(path))
        gdf = gpd.read_file(path, layer=layer, engine="pyogrio")
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError) as exc:
        if _is_overpass_json(path):
            msg = _(
                "is an OpenStreetMap answer of the Overpass API in JSON, which ccgeo does not "
                "read as roads; give an OSM extract (.osm.pbf, e.g. from download.geofabrik.de) "
                "or ask Overpass for OSM XML ([out:xml]) and give that file"
            )
            raise InputError(msg, path=path) from exc
        msg = _(
            "cannot read the road lines ({exc}); the file may be corrupt or not a {suffix} file"
        ).format(exc=exc, suffix=path.suffix)
        raise InputError(msg, path=path) from exc
    columns = [c for c in gdf.columns if c != gdf.geometry.name]
    if "highway" not in {str(c).lower() for c in columns}:
        found = ", ".join(map(str, columns)) or _("none")
        msg = _(
            "road lines need a `highway` column with OpenStreetMap road classes (residential, "
            "primary, ...); found the columns {found}. Export roads with the `highway` tag "
            "(e.g. from export.hotosm.org) or rename the road-class column to `highway`"
        ).format(found=found)
        raise InputError(msg, path=path)
    if gdf.crs is None:
        msg = _(
            "the road lines have no coordinate reference system; set one (e.g. in QGIS: "
            "Layer > Set CRS) and save again"
        )
        raise InputError(msg, path=path)
    gdf = gdf[~gdf.geometry.isna() & ~gdf.geometry.is_empty]
    if gdf.crs.to_epsg() != 4326:
        gdf = gdf.to_crs("EPSG:4326")
    if not set(shapely.get_type_id(gdf.geometry.to_numpy()).tolist()) <= {1, 5}:
        msg = _(  # 1, 5: LineString, MultiLineString
            "road lines must be LineString or MultiLineString geometries; this layer holds {kinds}"
        ).format(kinds=", ".join(sorted({str(g) for g in gdf.geom_type.unique()})))
        raise InputError(msg, path=path)
    return gdf


def _is_overpass_json(path: Path) -> bool:
    """Whether a file begins like the JSON answer of the Overpass API."""
    try:
        with path.open("rb") as fh:
            head = fh.read(2048)
    except OSError:
        return False
    return head.lstrip()[:1] == b"{" and b'"elements"' in head and b"Overpass" in head


def _classify_lines(
    gdf: gpd.GeoDataFrame, columns: dict[str, Any], *, mode: str
) -> tuple[OsmWays, np.ndarray]:
    """The attributes of the lines usable by ``mode`` and the mode bits of every row."""
    ways = OsmWays()
    want = MODE_BITS[mode]
    table = gdf[[columns[t] for t in _LINE_TAGS if t in columns]]
    table.columns = [str(c).lower() for c in table.columns]
    osm_ids = _line_osm_ids(gdf, columns)
    row_bits = np.zeros(len(gdf), dtype=np.uint8)
    for i, row in enumerate(table.itertuples(index=False)):
        tags = {k: v for k, v in zip(table.columns, row, strict=True) if _present(v)}
        cls = way_class(tags)
        bits = cls.modes & want
        row_bits[i] = bits
        if not bits:
            ways.skipped[cls.highway] += 1
            continue
        ways.add_attributes(int(osm_ids[i]), cls, bits)
    return ways, row_bits


def _pick_line_layer(path: Path, layers: np.ndarray) -> str | None:
    if len(layers) <= 1:
        return None
    lines = [str(name) for name, geom in layers if "LINE" in str(geom).upper()]
    if len(lines) == 1:
        return lines[0]
    names = ", ".join(f"{name} ({geom})" for name, geom in layers)
    if not lines:
        raise InputError(
            _("no layer holds lines; the layers are {names}").format(names=names), path=path
        )
    for name in lines:  # several line layers: take the one named like roads
        if any(w in name.lower() for w in ("road", "highway", "line", "street", "camin")):
            return name
    msg = _(
        "holds several line layers ({names}) and none is named like roads; save the road layer "
        "on its own, or name it `roads`"
    ).format(names=names)
    raise InputError(msg, path=path)


def _present(value: object) -> bool:
    if value is None:
        return False
    if isinstance(value, float) and math.isnan(value):
        return False
    return str(value) not in ("", "None", "nan", "<NA>")


def _line_osm_ids(gdf: gpd.GeoDataFrame, columns: dict[str, Any]) -> np.ndarray:
    import pandas as pd

    for name in ("osm_id", "osmid", "way_id", "id"):
        if name in columns:
            ids = pd.to_numeric(gdf[columns[name]], errors="coerce").to_numpy(dtype=float)
            return np.where(np.isfinite(ids), ids, -1).astype(np.int64)
    return np.full(len(gdf), -1, dtype=np.int64)


# -- GraphML and networkx graphs ---------------------------------------------------------------


def _read_graphml(
    path: Path,
    *,
    mode: str,
    progress: ProgressCallback | None,
    cancel: threading.Event | None,
) -> RoadData:
    import xml.etree.ElementTree as ET

    import networkx as nx

    report_progress(progress, 0.0, _("reading {name}").format(name=path.name))
    try:
        graph = nx.read_graphml(path, force_multigraph=True)
    except (ET.ParseError, nx.NetworkXError, KeyError, ValueError) as exc:
        msg = _(
            "cannot read this GraphML file ({exc}); it may be corrupt; save it again with "
            "osmnx.save_graphml"
        ).format(exc=exc)
        raise InputError(msg, path=path) from exc
    check_cancel(cancel)
    n_edges = graph.number_of_edges()
    report_progress(
        progress, 0.5, _("converting {n} GraphML edges").format(n=format_count(n_edges))
    )
    roads = graph_to_roads(graph, source=str(path), mode=mode)
    check_cancel(cancel)
    report_progress(progress, 1.0, _nodes_and_edges(roads))
    return roads


def graph_to_roads(graph: nx.MultiDiGraph | nx.Graph, *, source: str, mode: str) -> RoadData:
    """Convert an osmnx-style networkx graph (node ``x``/``y``, edge tags) into `RoadData`.

    Attributes may be typed (a graph from osmnx) or strings (a graph read from GraphML). Two
    directed edges ``u→v`` and ``v→u`` of the same way with ``oneway`` false become one edge with
    oneway 0; every other directed edge is kept with oneway 1. An undirected graph gives oneway 0
    everywhere. Node coordinates in a projected CRS (graph attribute ``crs``) are converted to
    EPSG:4326.

    Raises
    ------
    InputError
        If nodes lack ``x``/``y`` coordinates, or no edge is usable by ``mode``.
    """
    check_mode(mode)
    keys, lonlat, to_lonlat = _graph_nodes(graph, source)
    df = _graph_edges(graph, {k: i for i, k in enumerate(keys)}, source=source, mode=mode)
    edge_u = df["u"].to_numpy(np.int64)
    edge_v = df["v"].to_numpy(np.int64)
    if graph.is_directed():
        keep, oneway = _pair_two_way(df, edge_u, edge_v)
    else:
        keep, oneway = np.ones(len(df), bool), np.zeros(len(df), np.int8)
    df = df[keep]
    edge_u, edge_v, oneway = edge_u[keep], edge_v[keep], oneway[keep]
    coords, geom_offsets = _edge_lines(df["geometry"], lonlat[edge_u], lonlat[edge_v], to_lonlat)
    length = df["length"].to_numpy(float)
    missing_length = ~np.isfinite(length)
    if missing_length.any():
        length = length.copy()
        length[missing_length] = _path_lengths(coords, geom_offsets)[missing_length]

    used = np.unique(np.r_[edge_u, edge_v])
    remap = np.full(len(keys), -1, dtype=np.int64)
    remap[used] = np.arange(len(used))
    node_osmid = np.array([_node_key(keys[i], i) for i in used.tolist()], dtype=np.int64)
    if len(np.unique(node_osmid)) != len(node_osmid):
        node_osmid = np.arange(len(used), dtype=np.int64)
    return RoadData(
        node_osmid=node_osmid,
        node_lonlat=lonlat[used],
        edge_u=remap[edge_u],
        edge_v=remap[edge_v],
        edge_length_m=length,
        edge_highway=df["highway"].to_numpy(object),
        edge_maxspeed_kmh=df["maxspeed"].to_numpy(np.float64),
        edge_oneway=oneway.astype(np.int8),
        edge_surface=df["surface"].to_numpy(object),
        edge_way_id=np.array([_first_int(k) for k in df["osmid"]], dtype=np.int64),
        geom_offsets=geom_offsets,
        geom_lonlat=coords,
        source=source,
        mode=mode,
        edge_modes=df["modes"].to_numpy(np.uint8),
    )


def _graph_nodes(
    graph: nx.MultiDiGraph | nx.Graph, source: str
) -> tuple[list[Any], np.ndarray, Callable[[np.ndarray], np.ndarray]]:
    """The node keys, their lon/lat and the converter from the graph's CRS to lon/lat."""
    nodes = list(graph.nodes(data=True))
    no_xy = [n for n, d in nodes if not (_present(d.get("x")) and _present(d.get("y")))]
    if no_xy:
        msg = ngettext(
            "{n} of {total} graph nodes have no `x`/`y` coordinates (first: {first!r}); ccgeo "
            "needs node coordinates. Save the graph with osmnx (ox.save_graphml), which writes "
            "them",
            "{n} of {total} graph nodes have no `x`/`y` coordinates (first: {first!r}); ccgeo "
            "needs node coordinates. Save the graph with osmnx (ox.save_graphml), which writes "
            "them",
            len(no_xy),
        ).format(n=format_count(len(no_xy)), total=format_count(len(nodes)), first=no_xy[0])
        raise InputError(msg, path=source)
    try:
        xy = np.array([[float(d["x"]), float(d["y"])] for _n, d in nodes], dtype=float)
    except (TypeError, ValueError) as exc:
        msg = _("node coordinates are not numbers ({exc})").format(exc=exc)
        raise InputError(msg, path=source) from exc
    to_lonlat = _lonlat_converter(graph.graph.get("crs"), source)
    return [n for n, _data in nodes], to_lonlat(xy), to_lonlat


def _graph_edges(
    graph: nx.MultiDiGraph | nx.Graph, node_index: dict[Any, int], *, source: str, mode: str
) -> pd.DataFrame:
    """One row per graph edge usable by ``mode``: node positions, tags, length and geometry."""
    import pandas as pd

    rows = []
    skipped: Counter[str] = Counter()
    want = MODE_BITS[mode]
    directed = graph.is_directed()
    for u, v, data in graph.edges(data=True):
        highway = first_value(data.get("highway"))
        bits = way_modes(data) & want
        if not bits:
            skipped[highway] += 1
            continue
        rows.append(
            (
                node_index[u],
                node_index[v],
                highway,
                _speed_from(data.get("maxspeed")),
                _graph_oneway(data.get("oneway")) if directed else 0,
                first_value(data.get("surface")),
                _way_key(data.get("osmid")),
                bits,
                _float_or_nan(data.get("length")),
                data.get("geometry"),
            )
        )
    if not rows:
        raise _no_roads_error(source, mode, skipped)
    cols = ["u", "v", "highway", "maxspeed", "oneway", "surface", "osmid", "modes", "length"]
    return pd.DataFrame(rows, columns=[*cols, "geometry"])


def _edge_lines(
    geometry: pd.Series,
    u_lonlat: np.ndarray,
    v_lonlat: np.ndarray,
    to_lonlat: Callable[[np.ndarray], np.ndarray],
) -> tuple[np.ndarray, np.ndarray]:
    """Lon/lat vertices and offsets of each edge, drawn u → v: its own geometry (any CRS, WKT or
    shapely, either direction) where it has one, else the straight line between its nodes."""
    import shapely

    lines = np.array([_as_geometry(g) for g in geometry], dtype=object)
    has_geom = ~shapely.is_missing(lines)
    if has_geom.any():
        coords, idx = shapely.get_coordinates(lines[has_geom], return_index=True)
        curved = shapely.linestrings(to_lonlat(coords), indices=idx)
        # other tools may draw an edge's geometry from v to u: turn those round
        start = shapely.get_coordinates(shapely.get_point(curved, 0))
        to_u = great_circle_m(start[:, 0], start[:, 1], *u_lonlat[has_geom].T)
        to_v = great_circle_m(start[:, 0], start[:, 1], *v_lonlat[has_geom].T)
        lines[has_geom] = np.where(to_v < to_u, shapely.reverse(curved), curved)
    if not has_geom.all():
        ends = np.stack([u_lonlat, v_lonlat], axis=1)[~has_geom]
        lines[~has_geom] = shapely.linestrings(ends)
    coords, idx = shapely.get_coordinates(lines, return_index=True)
    geom_offsets = np.zeros(len(lines) + 1, dtype=np.int64)
    np.cumsum(np.bincount(idx, minlength=len(lines)), out=geom_offsets[1:])
    return coords, geom_offsets


def _lonlat_converter(crs: object, source: str) -> Callable[[np.ndarray], np.ndarray]:
    from pyproj import CRS
    from pyproj.exceptions import CRSError

    from ccgeo.geo import unproject_xy

    if crs is None or str(crs).strip() == "":
        return lambda xy: np.asarray(xy, dtype=float)
    try:
        parsed = CRS.from_user_input(str(crs))
    except CRSError as exc:
        msg = _("the graph's `crs` {crs!r} is not a known CRS ({exc})").format(crs=crs, exc=exc)
        raise InputError(msg, path=source) from exc
    if parsed.is_geographic:
        return lambda xy: np.asarray(xy, dtype=float)
    return lambda xy: unproject_xy(xy, parsed)


def _graph_oneway(value: object) -> int:
    if isinstance(value, bool | np.bool_):
        return int(value)
    text = first_value(value).lower()
    return 1 if text in ("true", "yes", "1", "-1", "reverse") else 0


def _way_key(value: object) -> tuple[int, ...]:
    if value is None:
        return ()
    if isinstance(value, list | tuple):
        items = value
    elif isinstance(value, str) and value.strip().startswith("["):
        items = _literal_list(value)
    else:
        items = [value]
    out = []
    for item in items:
        try:
            out.append(int(item))
        except (TypeError, ValueError):
            continue
    return tuple(sorted(out))


def _first_int(key: tuple[int, ...]) -> int:
    return key[0] if key else -1


def _node_key(key: object, fallback: int) -> int:
    try:
        return int(key)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return -1 - fallback


def _float_or_nan(value: object) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return math.nan


def _as_geometry(value: object) -> Any:
    import shapely

    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, shapely.Geometry):
        return value if not value.is_empty else None
    try:
        geom = shapely.from_wkt(str(value))
    except shapely.errors.GEOSException:
        return None
    return geom if geom is not None and geom.geom_type == "LineString" else None


def _pair_two_way(df: Any, edge_u: np.ndarray, edge_v: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Keep one of each two-way pair (oneway 0); keep unpaired directed edges as oneway 1."""
    import pandas as pd

    two_way = df["oneway"].to_numpy() == 0
    lo, hi = np.minimum(edge_u, edge_v), np.maximum(edge_u, edge_v)
    key = pd.DataFrame({"lo": lo, "hi": hi, "way": df["osmid"].map(str).to_numpy()})[two_way]
    forward = (edge_u <= edge_v)[two_way]
    loop = (edge_u == edge_v)[two_way]
    group = key.groupby(["lo", "hi", "way"], sort=False)
    # the two directions of a self-loop cannot be told apart: alternate them
    forward = np.where(loop, group.cumcount().to_numpy() % 2 == 0, forward)
    key = key.assign(forward=forward)
    by_dir = key.groupby(["lo", "hi", "way", "forward"], sort=False)
    rank = by_dir.cumcount().to_numpy()
    n_fw = key.groupby(["lo", "hi", "way"], sort=False)["forward"].transform("sum").to_numpy()
    n_bw = key.groupby(["lo", "hi", "way"], sort=False)["forward"].transform("size").to_numpy()
    n_bw = n_bw - n_fw
    paired = np.where(forward, rank < n_bw, rank < n_fw)

    keep = np.ones(len(df), dtype=bool)
    oneway = np.ones(len(df), dtype=np.int8)
    idx = np.flatnonzero(two_way)
    keep[idx[paired & ~forward]] = False
    oneway[idx[paired & forward]] = 0
    return keep, oneway


def _path_lengths(coords: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    seg = great_circle_m(coords[:-1, 0], coords[:-1, 1], coords[1:, 0], coords[1:, 1])
    cum = np.r_[0.0, np.cumsum(seg)]
    # a path of k vertices spans cum[start] .. cum[end - 1]
    return cum[offsets[1:] - 1] - cum[offsets[:-1]]


# -- online download ---------------------------------------------------------------------------


def internet_available(*, timeout_s: float = 5.0) -> bool:
    """Whether the Overpass API server can be reached within ``timeout_s`` seconds.

    Name resolution has no timeout of its own, so it runs in a daemon thread that is abandoned
    when it takes too long.
    """
    result: list[bool] = []

    def probe() -> None:
        try:
            with socket.create_connection(_OSM_HOSTS, timeout=timeout_s):
                result.append(True)
        except OSError:
            result.append(False)

    thread = threading.Thread(target=probe, daemon=True, name="ccgeo-connectivity")
    thread.start()
    thread.join(timeout_s)
    return bool(result and result[0])


def _osmnx(asked: str) -> Any:
    """The osmnx module, an optional extra: downloading is the one use of it.

    Raises
    ------
    OfflineError
        When osmnx is not installed (``pip install "ccgeo[online]"``).
    """
    try:
        import osmnx
    except ImportError as exc:
        msg = _(
            "downloading the roads of {asked} needs the osmnx package, which is not installed: "
            'install it with pip install "ccgeo[online]", or load a road file instead: an '
            ".osm.pbf extract from download.geofabrik.de or export.hotosm.org"
        ).format(asked=asked)
        raise OfflineError(msg) from exc
    return osmnx


def download_roads(
    place: str | None = None,
    *,
    bbox: tuple[float, float, float, float] | None = None,
    mode: str = "car",
    timeout_s: float = 5,
) -> RoadData:
    """Download a road network from OpenStreetMap with osmnx (needs internet).

    Parameters
    ----------
    place
        A place name that Nominatim knows (``"Oaxaca de Juárez, Mexico"``).
    bbox
        ``(minlon, minlat, maxlon, maxlat)`` in degrees, instead of ``place``.
    mode
        One of `MODES`; maps to the osmnx network type (car and motorbike: ``"drive"``).
    timeout_s
        Seconds to wait for the connectivity check.

    Raises
    ------
    OfflineError
        When the OSM servers cannot be reached, or osmnx (the ``online`` extra) is not installed.
    InputError
        When neither or both of ``place`` and ``bbox`` are given, the bbox is invalid, the place
        is unknown, or the area holds no roads.
    """
    check_mode(mode)
    if (place is None) == (bbox is None):
        msg = _("give either a place name or a bbox (minlon, minlat, maxlon, maxlat)")
        raise InputError(msg)
    if bbox is not None:
        minlon, minlat, maxlon, maxlat = (float(v) for v in bbox)
        if not (-180 <= minlon < maxlon <= 180 and -90 <= minlat < maxlat <= 90):
            msg = _(
                "bbox {bbox} is not (minlon, minlat, maxlon, maxlat) in degrees with "
                "min < max; are longitude and latitude swapped?"
            ).format(bbox=bbox)
            raise InputError(msg)
    asked = (
        _("the place {place!r}").format(place=place)
        if place is not None
        else _("the bbox {bbox}").format(bbox=bbox)
    )
    ox = _osmnx(asked)
    if not internet_available(timeout_s=timeout_s):
        msg = _(
            "cannot download the roads of {asked}: there is no internet connection (the "
            "OpenStreetMap server {host} cannot be reached). Load a road file instead: "
            "an .osm.pbf extract from download.geofabrik.de or export.hotosm.org"
        ).format(asked=asked, host=_OSM_HOSTS[0])
        raise OfflineError(msg)
    import requests  # installed with osmnx

    network_type = _OSMNX_NETWORK_TYPE[mode]
    try:
        if place is not None:
            graph = ox.graph_from_place(
                place, network_type=network_type, simplify=True, retain_all=True
            )
        else:
            graph = ox.graph_from_bbox(
                (minlon, minlat, maxlon, maxlat),
                network_type=network_type,
                simplify=True,
                retain_all=True,
            )
    except requests.exceptions.RequestException as exc:
        msg = _(
            "downloading the roads of {asked} failed ({exc}); load an .osm.pbf extract from "
            "download.geofabrik.de or export.hotosm.org instead"
        ).format(asked=asked, exc=exc)
        raise OfflineError(msg) from exc
    except (ox._errors.InsufficientResponseError, TypeError, ValueError) as exc:
        msg = _("OpenStreetMap returned no roads for {asked} ({exc})").format(asked=asked, exc=exc)
        raise InputError(msg) from exc
    return graph_to_roads(graph, source=f"download: {place or bbox}", mode=mode)


__all__ = [
    "ACCEPTED_SUFFIXES",
    "MODES",
    "MODE_BITS",
    "MOTOR_EXCLUDED_SERVICE",
    "MOTOR_HIGHWAYS",
    "NO_ACCESS",
    "ROAD_KINDS",
    "WALK_HIGHWAYS",
    "RoadData",
    "build_from_paths",
    "download_roads",
    "first_value",
    "graph_to_roads",
    "internet_available",
    "parse_maxspeed",
    "read_roads",
    "way_modes",
    "way_oneway",
]
