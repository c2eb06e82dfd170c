"""Build the routable `Network` of one travel mode from `RoadData`: the one build path.

`load_network` (the API), the project (the app and the command line) and every analysis build
their networks here, from roads read with every way (``mode="all"``), so the same file and mode
give the same nodes, arcs and seconds whichever face asked.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from ccgeo.errors import InputError, check_cancel
from ccgeo.geo import great_circle_m, local_utm_crs, project_lonlat
from ccgeo.i18n import _
from ccgeo.io.osm import first_value, graph_to_roads, read_roads
from ccgeo.memory import release_free_memory
from ccgeo.model.closures import RoadClosures
from ccgeo.model.network import EPSILON_SECONDS, Network, csr_from_arrays, index_array
from ccgeo.model.profile import SpeedProfile
from ccgeo.model.roads import RoadData, code_dtype, mode_words, text_codes
from ccgeo.network.closures import edge_factors
from ccgeo.network.profiles import edge_speeds_kmh, get_profile, travel_seconds
from ccgeo.progress import ProgressCallback, report_progress, scaled_progress

if TYPE_CHECKING:
    import threading
    from pathlib import Path

    import networkx as nx
    import scipy.sparse as sp

#: Arcs sorted at once while the network is built, between checks of Cancel.
_SORT_ARCS = 1 << 20


def build_network(
    roads: RoadData,
    mode: str | SpeedProfile = "car",
    *,
    profiles: Mapping[str, SpeedProfile] | None = None,
    congestion: float | None = None,
    closures: RoadClosures | None = None,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> Network:
    """Build the network of one travel mode from road arrays, vectorised.

    Parameters
    ----------
    roads
        Road arrays in EPSG:4326 (read with ``mode="all"`` or the same mode).
    mode
        A mode name from ``profiles`` (``"car"``, ``"motorbike"``, ``"walk"``, ...), or a
        `SpeedProfile`.
    profiles
        Profiles by mode name; None reads the bundled ``resources/speeds.toml``.
    congestion
        Travel-time multiplier for this network (a scenario's peak-hour factor: 3.0 means
        trips take three times longer), replacing the profile's ``congestion_factor``.
        None keeps the profile's.
    closures
        Roads a scenario closes or slows (by class, surface or area), or None: each edge's
        speed is multiplied by its `ccgeo.network.closures.edge_factors` (0 closes it).
    progress, cancel
        ``progress(fraction, text)`` callback and a `threading.Event` that cancels.

    Raises
    ------
    InputError
        If the mode is unknown or no road can be used by it.
    Cancelled
        If ``cancel`` is set.
    """
    profile = get_profile(mode, profiles)
    if congestion is not None:
        profile = profile.with_congestion(congestion)
    check_cancel(cancel)
    name = mode_words(profile.name)
    report_progress(progress, 0.0, _("{mode}: speeds per road").format(mode=name))
    usable, seconds, warnings = _usable_edges(roads, profile, closures, cancel=cancel)
    check_cancel(cancel)
    report_progress(progress, 0.3, _("{mode}: nodes and arcs").format(mode=name))
    topology = _topology(
        roads, usable, seconds, respect_oneway=profile.respect_oneway, cancel=cancel
    )
    check_cancel(cancel)
    report_progress(progress, 0.6, _("{mode}: coordinates and geometry").format(mode=name))
    net = _network(roads, profile, usable, seconds, topology, warnings=warnings, cancel=cancel)
    del usable, seconds, topology
    release_free_memory()  # the build's working arrays, freed, go back to the system
    text = _("{mode}: {nodes} nodes, {arcs} arcs")
    report_progress(progress, 1.0, text.format(mode=name, nodes=net.n_nodes, arcs=net.n_edges))
    return net


def _usable_edges(
    roads: RoadData,
    profile: SpeedProfile,
    closures: RoadClosures | None = None,
    *,
    cancel: threading.Event | None = None,
) -> tuple[np.ndarray, np.ndarray, tuple[str, ...]]:
    """The edges a profile may use, their travel seconds, and the warnings of the build
    (``cancel`` is checked between the steps).

    Returns
    -------
    usable : int32 (m,)
        Index into the road edges of each edge the profile may use (int64 beyond 2**31 edges).
    seconds : float64 (m,)
        Travel time along each usable edge, seconds, with the profile's congestion and at least
        `EPSILON_SECONDS`.
    warnings : tuple of str
        The speed warnings of the profile, and one more when the roads were read for another
        mode.

    Raises
    ------
    InputError
        If no road can be used by the profile.
    """
    _make_text_codes(roads, profile, cancel)
    speeds, warnings = edge_speeds_kmh(roads, profile)
    check_cancel(cancel)
    if closures is not None and not closures.empty:
        factor = edge_factors(roads, closures)
        speeds = np.where(factor > 0, speeds * factor, np.nan)
        check_cancel(cancel)
    usable = np.flatnonzero(np.isfinite(speeds))
    if len(usable) == 0:
        classes = ", ".join(f"{k} ({v})" for k, v in list(roads.highway_counts().items())[:8])
        msg = _(
            "holds no roads usable by {mode}: found {edges} edges of classes {classes}. Load a "
            "road file that covers {mode} travel, or pick another mode."
        ).format(
            mode=mode_words(profile.name), edges=len(roads.edge_u), classes=classes or _("none")
        )
        raise InputError(msg, path=roads.source or None)
    if roads.mode not in ("all", profile.access):
        text = _(
            "the roads were read for {read}, not for {access}: ways only {access} may use are "
            "missing; read the file with mode 'all'."
        )
        warnings += (text.format(read=mode_words(roads.mode), access=mode_words(profile.access)),)
    rows = _rows(usable, len(roads.edge_u))
    check_cancel(cancel)
    seconds = travel_seconds(
        roads.edge_length_m[rows],
        speeds[rows],
        congestion_factor=profile.congestion_factor,
    )
    return index_array(usable), np.maximum(seconds, EPSILON_SECONDS), warnings


def _make_text_codes(
    roads: RoadData, profile: SpeedProfile, cancel: threading.Event | None
) -> None:
    """Make the roads' class codes, and their surface codes where the profile slows unpaved
    roads, between checks of ``cancel``: each sorts the text of every edge, once per roads
    (`RoadData.highway_codes`), which `edge_speeds_kmh` would do in one step."""
    surfaces = profile.unpaved_factor != 1.0 and bool(profile.unpaved_surfaces)
    roads.make_codes(surfaces=surfaces, cancel=cancel)
    check_cancel(cancel)


def _rows(picked: np.ndarray, n: int) -> np.ndarray | slice:
    """What selects the ``picked`` rows (sorted, unique) of arrays of ``n`` rows: ``picked``
    itself, or the slice of every row when it picks them all, so that indexing gives a view of
    the roads' array instead of a copy."""
    return slice(None) if len(picked) == n else picked


class _Arcs(NamedTuple):
    """Directed arcs of the network, one per edge direction, in CSR order once sorted."""

    u: np.ndarray  # from node
    v: np.ndarray  # to node
    seconds: np.ndarray
    edge: np.ndarray  # index into the usable edges
    reversed: np.ndarray  # True where the arc runs against the edge's drawing direction


@dataclass(frozen=True)
class _Topology:
    """Nodes and arcs of one mode, renumbered ``0 .. n-1``, as `Network` holds them."""

    node_source: np.ndarray  # index into the road nodes of each network node
    edge_u: np.ndarray
    edge_v: np.ndarray
    arc_edge: np.ndarray
    arc_reversed: np.ndarray
    csr: sp.csr_matrix


def _topology(
    roads: RoadData,
    usable: np.ndarray,
    seconds: np.ndarray,
    *,
    respect_oneway: bool,
    cancel: threading.Event | None = None,
) -> _Topology:
    """Renumber the nodes the usable edges touch and join them by their fastest arcs.

    Parameters
    ----------
    roads
        The road arrays.
    usable
        Index into the road edges of each edge this mode may use.
    seconds
        Travel time along each usable edge, seconds.
    respect_oneway
        False: every edge is travelled both ways (walking), whatever its ``oneway`` tag.
    cancel
        A `threading.Event` checked between the steps (`Cancelled`).
    """
    rows = _rows(usable, len(roads.edge_u))
    road_u, road_v = roads.edge_u[rows], roads.edge_v[rows]
    used = np.zeros(len(roads.node_osmid), dtype=bool)
    used[road_u] = True
    used[road_v] = True
    node_source = index_array(np.flatnonzero(used))
    remap = np.full(len(used), -1, dtype=node_source.dtype)
    remap[node_source] = np.arange(len(node_source), dtype=node_source.dtype)
    check_cancel(cancel)
    edge_u, edge_v = remap[road_u], remap[road_v]
    del remap
    two_way = (roads.edge_oneway[rows] == 0) | (not respect_oneway)
    check_cancel(cancel)
    arcs = _fastest_arcs(edge_u, edge_v, seconds, two_way=two_way, cancel=cancel)
    check_cancel(cancel)
    n = len(node_source)
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(arcs.u, minlength=n), out=indptr[1:])
    csr = csr_from_arrays(arcs.seconds, arcs.v, indptr, n)
    return _Topology(node_source, edge_u, edge_v, arcs.edge, arcs.reversed, csr)


def _fastest_arcs(
    edge_u: np.ndarray,
    edge_v: np.ndarray,
    seconds: np.ndarray,
    *,
    two_way: np.ndarray,
    cancel: threading.Event | None = None,
) -> _Arcs:
    """Arcs of the edges, sorted by (from, to) node, keeping the fastest of each node pair.

    Each edge gives a forward arc and, where ``two_way``, a backward one; loops give none. Sorted
    by ``(u, v, seconds)`` the arcs are in CSR order, and keeping the first of each node pair
    leaves no duplicate entries (scipy would add them up). The arcs are sorted as one
    permutation and gathered once, to keep the temporary memory of a national network low.
    """
    loop = edge_u == edge_v
    fwd = index_array(np.flatnonzero(~loop))
    bwd = index_array(np.flatnonzero(~loop & two_way))
    edge = np.concatenate([fwd, bwd])
    check_cancel(cancel)
    u = np.concatenate([edge_u[fwd], edge_v[bwd]])
    check_cancel(cancel)
    v = np.concatenate([edge_v[fwd], edge_u[bwd]])
    check_cancel(cancel)
    order = _arc_order(u, v, seconds[edge], cancel)
    u, v = u[order], v[order]
    check_cancel(cancel)
    keep = np.ones(len(u), dtype=bool)
    keep[1:] = (u[1:] != u[:-1]) | (v[1:] != v[:-1])
    order = order[keep]
    edge = edge[order]
    check_cancel(cancel)
    u, v = u[keep], v[keep]
    check_cancel(cancel)
    return _Arcs(u=u, v=v, seconds=seconds[edge], edge=edge, reversed=order >= len(fwd))


def _arc_order(
    u: np.ndarray, v: np.ndarray, seconds: np.ndarray, cancel: threading.Event | None
) -> np.ndarray:
    """``np.lexsort((seconds, v, u))``, sorted a range of ``u`` at a time (about `_SORT_ARCS`
    arcs) between checks of ``cancel``: a range's arcs, taken in their given order, are sorted
    alone and follow the arcs of lower ranges, which is the order of the whole sort."""
    if len(u) <= _SORT_ARCS:  # one range: no copies of the arcs
        return np.lexsort((seconds, v, u))
    bounds = np.linspace(0, int(u.max()) + 1, -(-len(u) // _SORT_ARCS) + 1).astype(np.int64)
    order = np.empty(len(u), dtype=np.int64)
    done = 0
    for lo, hi in itertools.pairwise(bounds.tolist()):
        check_cancel(cancel)
        part = np.flatnonzero((u >= lo) & (u < hi))
        order[done : done + len(part)] = part[np.lexsort((seconds[part], v[part], u[part]))]
        done += len(part)
    return order


def _network(
    roads: RoadData,
    profile: SpeedProfile,
    usable: np.ndarray,
    seconds: np.ndarray,
    topology: _Topology,
    *,
    warnings: tuple[str, ...],
    cancel: threading.Event | None = None,
) -> Network:
    """The `Network`: the topology with node coordinates (lon/lat and local UTM) and geometry.

    Where it keeps every node or every edge of the roads, the network shares the roads' arrays
    (views, made read-only by `Network`; the roads' own stay as they are). ``cancel`` is checked
    between the steps."""
    nodes = _rows(topology.node_source, len(roads.node_osmid))
    edges = _rows(usable, len(roads.edge_u))
    node_lonlat = roads.node_lonlat[nodes]
    lon, lat = np.median(node_lonlat, axis=0)
    crs = local_utm_crs(float(lon), float(lat))
    check_cancel(cancel)
    node_xy = project_lonlat(node_lonlat, crs)
    check_cancel(cancel)
    csr_to = topology.csr.T.tocsr()
    check_cancel(cancel)
    if isinstance(edges, slice):
        geom_offsets = np.asarray(roads.geom_offsets, dtype=np.int64)[edges]
        geom_lonlat = np.asarray(roads.geom_lonlat, dtype=np.float64)[edges]
    else:
        geom_offsets, geom_lonlat = _gather_geometry(roads.geom_offsets, roads.geom_lonlat, usable)
    check_cancel(cancel)
    edge_class, class_names = _used_classes(*roads.highway_codes, edges)
    return Network(
        mode=profile.name,
        profile=profile,
        crs=crs,
        node_lonlat=node_lonlat,
        node_xy=node_xy,
        node_osmid=roads.node_osmid[nodes],
        node_source=topology.node_source,
        csr=topology.csr,
        csr_to=csr_to,
        arc_edge=topology.arc_edge,
        arc_reversed=topology.arc_reversed,
        edge_source=usable,
        edge_u=topology.edge_u,
        edge_v=topology.edge_v,
        edge_length_m=roads.edge_length_m[edges],
        edge_seconds=seconds,
        edge_class=edge_class,
        edge_way_id=roads.edge_way_id[edges],
        geom_offsets=geom_offsets,
        geom_lonlat=geom_lonlat,
        class_names=class_names,
        source=roads.source,
        warnings=warnings,
    )


def _gather_geometry(
    offsets: np.ndarray, lonlat: np.ndarray, edges: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Vertex arrays of a subset of edges, in the flat offsets layout of `RoadData`."""
    start, stop = offsets[edges], offsets[edges + 1]
    counts = stop - start
    new = np.zeros(len(edges) + 1, dtype=np.int64)
    np.cumsum(counts, out=new[1:])
    idx = np.repeat(start - new[:-1], counts) + np.arange(new[-1])
    return new, np.asarray(lonlat, dtype=np.float64)[idx]


def _used_classes(
    codes: np.ndarray, names: np.ndarray, edges: np.ndarray | slice
) -> tuple[np.ndarray, tuple[str, ...]]:
    """`Network.edge_class` and `Network.class_names` of the road ``edges``: the roads' class
    codes (`RoadData.highway_codes`) renumbered over the classes these edges have."""
    codes = codes[edges]
    used = np.bincount(codes, minlength=len(names)) > 0
    kept = names[used]
    renumber = (np.cumsum(used) - 1).astype(code_dtype(len(kept)))
    return renumber[codes], tuple(kept.tolist())


def load_network(
    path: str | Path,
    mode: str | SpeedProfile = "car",
    *,
    profiles: Mapping[str, SpeedProfile] | None = None,
    congestion: float | None = None,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> Network:
    """Read a road file and build the routable network of one travel mode.

    Parameters
    ----------
    path
        ``.osm.pbf``, ``.osm``, ``.osm.bz2``, osmnx GraphML, or road lines (GPKG/SHP) with a
        ``highway`` column (see `ccgeo.io.osm.read_roads`).
    mode
        ``"car"``, ``"motorbike"``, ``"walk"``, a mode of your own speed file, or a profile.
    profiles
        Speed profiles to use instead of the bundled ``resources/speeds.toml``.
    congestion
        Travel-time multiplier replacing the profile's (3.0: trips take three times longer).
    progress, cancel
        ``progress(fraction, text)`` callback and a `threading.Event` that cancels the build.

    Raises
    ------
    InputError
        When the file cannot be read, holds no roads usable by the mode, or the mode is unknown.
    """
    profile = get_profile(mode, profiles)
    # every way, as a project reads its roads: the nodes where a footway meets a street are
    # nodes of the car network too, so the API and the project build identical networks
    stage = scaled_progress(progress, 0.0, 0.7)
    roads = read_roads(path, mode="all", progress=stage, cancel=cancel)
    return build_network(
        roads,
        profile,
        congestion=congestion,
        progress=scaled_progress(progress, 0.7, 1.0),
        cancel=cancel,
    )


def from_networkx(
    graph: nx.MultiDiGraph | nx.Graph,
    *,
    mode: str | SpeedProfile | None = None,
    profiles: Mapping[str, SpeedProfile] | None = None,
    source: str = "networkx graph",
) -> Network:
    """Build the routable network of one travel mode from a networkx graph.

    Two kinds of graph are taken:

    - ccgeo's own (`Network.to_networkx`, every edge with ``travel_seconds``): rebuilt node for
      node (node ``i`` is the ``i``-th node of the graph) and arc for arc, on the seconds given,
      when ``mode`` is None or the graph's own ``mode``.
    - an osmnx graph (``ox.graph_from_xml``, ``ox.graph_from_place``, ``ox.load_graphml``),
      projected or not (graph attribute ``crs``): nodes ``x``/``y``; edges ``highway``,
      ``length`` (metres), ``oneway``, ``maxspeed``, single values or lists. Travel times come
      from the speed profile of ``mode``, as `load_network` computes them for a road file;
      osmnx's own ``travel_time`` and ``speed_kph`` are not used.

    An osmnx graph routes as `load_network` on the same OSM file when osmnx keeps the tags
    ccgeo reads: add ``surface``, ``motor_vehicle``, ``motorcar``, ``vehicle``, ``motorcycle``
    and ``foot`` to ``ox.settings.useful_tags_way`` before reading, and read with
    ``simplify=False``. osmnx's simplification joins ways of different classes into one edge
    whose ``highway`` is a list; that edge goes at the first class's speed. Barrier nodes
    (gates, bollards) that ccgeo closes to cars are not in an osmnx graph.

    Parameters
    ----------
    graph
        A ``networkx.MultiDiGraph`` (osmnx's) or an undirected graph (every street two-way).
    mode
        ``"car"``, ``"motorbike"``, ``"walk"``, a mode of ``profiles``, or a profile. None: the
        graph's ``mode`` attribute (set by `Network.to_networkx`), else ``"car"``.
    profiles
        Speed profiles to use instead of the bundled ``resources/speeds.toml``.
    source
        What the network says it was built from (`Network.source`).

    Returns
    -------
    Network
        Nodes in EPSG:4326 (and a local UTM CRS), arcs with travel seconds.

    Raises
    ------
    InputError
        Nodes without ``x``/``y``, an unknown CRS or mode, or no edge usable by the mode.

    Examples
    --------
    >>> import osmnx as ox  # doctest: +SKIP
    >>> graph = ox.graph_from_xml("city.osm")  # doctest: +SKIP
    >>> net = ccgeo.from_networkx(graph, mode="car")  # doctest: +SKIP
    >>> same = ccgeo.from_networkx(net.to_networkx())  # the round trip  # doctest: +SKIP
    """
    own_mode = graph.graph.get("mode")
    if mode is None:
        mode = own_mode if isinstance(own_mode, str) and own_mode else "car"
    profile = get_profile(mode, profiles)
    timed = graph.number_of_edges() > 0 and all(
        isinstance(d.get("travel_seconds"), int | float) for _u, _v, d in graph.edges(data=True)
    )
    if timed and graph.is_directed() and profile.name == own_mode:
        return _network_from_arcs(graph, profile, source=source)
    roads = graph_to_roads(graph, source=source, mode="all")
    return build_network(roads, profile)


def _network_from_arcs(graph: nx.MultiDiGraph, profile: SpeedProfile, *, source: str) -> Network:
    """The network of a graph whose every edge has ``travel_seconds``: one edge per arc (the
    fastest of parallel arcs), straight between its nodes unless it has a ``geometry``."""
    nodes, lonlat, to_lonlat = _graph_lonlat(graph, source=source)
    index = {key: i for i, key in enumerate(nodes)}
    data = list(graph.edges(data=True))
    u = np.array([index[a] for a, _b, _d in data], dtype=np.int64)
    v = np.array([index[b] for _a, b, _d in data], dtype=np.int64)
    seconds = np.maximum([float(d["travel_seconds"]) for *_ab, d in data], EPSILON_SECONDS)
    arcs = _fastest_arcs(u, v, seconds, two_way=np.zeros(len(data), dtype=bool))
    kept = [data[k][2] for k in arcs.edge.tolist()]
    n = len(nodes)
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(arcs.u, minlength=n), out=indptr[1:])
    csr = csr_from_arrays(arcs.seconds, arcs.v, indptr, n)
    geom_offsets, geom_lonlat = _arc_lines(kept, lonlat[arcs.u], lonlat[arcs.v], to_lonlat)
    edge_class, names = text_codes(
        np.array([first_value(d.get("highway")) for d in kept], dtype=object)
    )
    length = np.array([_number(d.get("length")) for d in kept], dtype=np.float64)
    no_length = ~np.isfinite(length)
    length[no_length] = great_circle_m(*lonlat[arcs.u[no_length]].T, *lonlat[arcs.v[no_length]].T)
    lon, lat = np.median(lonlat, axis=0)
    crs = local_utm_crs(float(lon), float(lat))
    return Network(
        mode=profile.name,
        profile=profile,
        crs=crs,
        node_lonlat=lonlat,
        node_xy=project_lonlat(lonlat, crs),
        node_osmid=_node_osmids(graph, nodes),
        node_source=index_array(np.arange(n)),
        csr=csr,
        csr_to=csr.T.tocsr(),
        arc_edge=index_array(np.arange(len(kept))),
        arc_reversed=np.zeros(len(kept), dtype=bool),
        edge_source=index_array(np.arange(len(kept))),
        edge_u=index_array(arcs.u),
        edge_v=index_array(arcs.v),
        edge_length_m=length,
        edge_seconds=arcs.seconds,
        edge_class=edge_class,
        edge_way_id=np.array([_way_id(d.get("osmid")) for d in kept], dtype=np.int64),
        geom_offsets=geom_offsets,
        geom_lonlat=geom_lonlat,
        class_names=tuple(names.tolist()),
        source=source,
    )


def _graph_lonlat(graph: nx.Graph, *, source: str) -> tuple[list, np.ndarray, Callable]:
    """The node keys in graph order, their lon/lat (degrees) and the converter from the graph's
    CRS (attribute ``crs``) to lon/lat."""
    from ccgeo.io.osm import _lonlat_converter

    nodes = list(graph.nodes(data=True))
    try:
        xy = np.array([[float(d["x"]), float(d["y"])] for _k, d in nodes], dtype=np.float64)
    except (KeyError, TypeError, ValueError) as exc:
        msg = _(
            "every graph node needs numeric `x` and `y` coordinates ({exc}); build the graph "
            "with osmnx or with `Network.to_networkx`"
        ).format(exc=exc)
        raise InputError(msg, path=source) from exc
    to_lonlat = _lonlat_converter(graph.graph.get("crs"), source)
    return [k for k, _d in nodes], to_lonlat(xy.reshape(-1, 2)), to_lonlat


def _arc_lines(
    data: list[dict], start: np.ndarray, end: np.ndarray, to_lonlat: Callable
) -> tuple[np.ndarray, np.ndarray]:
    """Vertex arrays of the arcs (flat offsets layout): an edge's ``geometry`` when it has one
    (in the graph's CRS), else the straight line between its nodes."""
    lines = []
    for k, d in enumerate(data):
        geometry = d.get("geometry")
        coords = getattr(geometry, "coords", None)
        if coords is not None and len(coords) >= 2:
            lines.append(to_lonlat(np.asarray(coords, dtype=np.float64)[:, :2]))
        else:
            lines.append(np.array([start[k], end[k]], dtype=np.float64))
    offsets = np.zeros(len(lines) + 1, dtype=np.int64)
    np.cumsum([len(line) for line in lines], out=offsets[1:])
    coords = np.concatenate(lines) if lines else np.zeros((0, 2))
    return offsets, coords


def _node_osmids(graph: nx.Graph, nodes: list) -> np.ndarray:
    """The ``osmid`` of each node (else its key when it is an integer), unique, else 0..n-1."""
    out = []
    for i, key in enumerate(nodes):
        value = graph.nodes[key].get("osmid", key)
        out.append(int(value) if isinstance(value, int | np.integer) else i)
    ids = np.array(out, dtype=np.int64)
    return ids if len(np.unique(ids)) == len(ids) else np.arange(len(ids), dtype=np.int64)


def _number(value: object) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return float("nan")


def _way_id(value: object) -> int:
    """The first OSM way id of an edge (osmnx merges several into a list), else -1."""
    if isinstance(value, list | tuple):
        value = value[0] if value else None
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return -1
