"""Network: the routable road network of one travel mode (CSR travel seconds, nodes in metres).

Built by `ccgeo.network.build.build_network` (the one build path), immutable once built, and
cached in the project file through `Network.to_arrays` / `Network.from_arrays`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import scipy.sparse as sp
from numba import njit
from pyproj import CRS
from scipy.spatial import cKDTree

from ccgeo.errors import InputError, call_cancellable, check_cancel
from ccgeo.geo import project_lonlat
from ccgeo.i18n import _, ngettext
from ccgeo.labels import format_share
from ccgeo.memory import release_free_memory
from ccgeo.model.compiled import CACHE as _CACHE
from ccgeo.model.profile import SpeedProfile
from ccgeo.model.road_index import ProjectedVertices, RoadIndex
from ccgeo.model.roads import code_dtype, fixed_unicode, mode_words

if TYPE_CHECKING:
    import threading

    import networkx as nx

    from ccgeo.progress import ProgressCallback

#: Travel time given to arcs of zero length (two OSM nodes at the same spot), seconds.
#: scipy.sparse.csgraph may read a stored 0 as "no arc" (older SciPy, and any operation that
#: eliminates zeros), which would cut the network there; 1e-9 s keeps the arc and changes no time
#: that is shown (minutes). `to_networkx` exports the same value, so results agree exactly.
EPSILON_SECONDS = 1e-9

#: Nodes or points handled at once by the long steps that check Cancel between chunks.
_CHUNK = 1 << 20
#: Nearest nodes looked at for one on the main component before searching its own tree.
_MAIN_K = 8

#: Version of the `Network.to_arrays` layout; `from_arrays` refuses other versions.
#: 2: road classes as codes (``edge_class``, ``class_names``), node and edge indices int32.
CACHE_VERSION = 2

#: Arrays of node or edge indices: int32 when the values fit (see `index_array`).
_INDEX_KEYS = ("node_source", "arc_edge", "edge_source", "edge_u", "edge_v")

_ARRAY_KEYS: dict[str, Any] = {
    "node_lonlat": np.float64,
    "node_xy": np.float64,
    "node_osmid": np.int64,
    "csr_data": np.float64,
    "csr_indices": np.int32,
    "csr_indptr": np.int32,
    "arc_reversed": np.bool_,
    "edge_length_m": np.float64,
    "edge_seconds": np.float64,
    "edge_way_id": np.int64,
    "geom_offsets": np.int64,
    "geom_lonlat": np.float64,
}


@dataclass(frozen=True, eq=False)
class Network:
    """A directed road network of one travel mode, ready for Dijkstra in scipy.

    Nodes are the road nodes (intersections, dead ends) that the mode can use, renumbered
    ``0..n_nodes - 1``; ``node_source`` maps them back to the `RoadData` rows. An arc is one
    direction of travel along one road edge; when several edges join the same two nodes only the
    fastest arc is kept (the others can never be on a shortest path), and edges that start and
    end at the same node (closed ways) carry no arc.

    Node and edge indices are int32 while they fit (any network scipy can route: its CSR indices
    are int32), road classes small integer codes. A network that keeps every edge (or node) of
    its `RoadData` shares the roads' arrays (geometry, lengths, way ids, node coordinates) as
    read-only views instead of copying them, since `RoadData` is never changed in place.

    Attributes
    ----------
    mode : str
        Name of the travel mode (the profile's name).
    profile : SpeedProfile
        The speeds used, with the congestion factor in force.
    crs : pyproj.CRS
        The local UTM zone of the data; ``node_xy`` is in its metres.
    node_lonlat : float64 (n, 2)
        Longitude, latitude of each node, degrees (EPSG:4326).
    node_xy : float64 (n, 2)
        Node coordinates in metres in ``crs``.
    node_osmid : int64 (n,)
        OSM node id (or the source's node key).
    node_source : int32 (n,)
        Row of each node in the `RoadData` it was built from.
    csr : scipy.sparse.csr_matrix (n, n)
        Travel seconds, forward: row ``u``, column ``v`` holds the time from ``u`` to ``v``.
        Arcs of zero length hold `EPSILON_SECONDS`.
    csr_to : scipy.sparse.csr_matrix (n, n)
        The transpose of ``csr``: a Dijkstra from a set of labs on it gives every node's time
        *to* the nearest lab, one-way streets taken in the direction a patient drives them.
    arc_edge : int32 (nnz,)
        For each stored entry of ``csr`` (in CSR order), the network edge it runs along.
    arc_reversed : bool (nnz,)
        True where the arc runs from the edge's ``v`` to its ``u`` (geometry to be reversed).
    edge_source : int32 (e,)
        Row of each network edge in the `RoadData` edge arrays.
    edge_u, edge_v : int32 (e,)
        End nodes of each network edge (network node indices).
    edge_length_m : float64 (e,)
        Length along the geometry, metres.
    edge_seconds : float64 (e,)
        Travel time along the edge (either direction), seconds, congestion included.
    edge_class : uint8 (e,)
        OSM ``highway`` class of each edge, as an index into ``class_names`` (uint16 beyond 256
        classes); `edge_highway` gives the names.
    edge_way_id : int64 (e,)
        OSM way id, -1 where unknown.
    geom_offsets : int64 (e + 1,)
        Edge ``i`` has the vertices ``geom_lonlat[geom_offsets[i]:geom_offsets[i + 1]]``.
    geom_lonlat : float64 (k, 2)
        Edge vertices from ``u`` to ``v``, degrees.
    class_names : tuple of str
        The OSM ``highway`` classes of the edges, sorted; ``edge_class`` indexes it.
    source : str
        Where the roads came from.
    warnings : tuple of str
        What the user should know about how the network was built (unknown road classes, ...).
    """

    mode: str
    profile: SpeedProfile
    crs: CRS
    node_lonlat: np.ndarray
    node_xy: np.ndarray
    node_osmid: np.ndarray
    node_source: np.ndarray
    csr: sp.csr_matrix
    csr_to: sp.csr_matrix
    arc_edge: np.ndarray
    arc_reversed: np.ndarray
    edge_source: np.ndarray
    edge_u: np.ndarray
    edge_v: np.ndarray
    edge_length_m: np.ndarray
    edge_seconds: np.ndarray
    edge_class: np.ndarray
    edge_way_id: np.ndarray
    geom_offsets: np.ndarray
    geom_lonlat: np.ndarray
    class_names: tuple[str, ...]
    source: str = ""
    warnings: tuple[str, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        # immutable in fact, not only by convention: results cached against a network stay valid
        for value in vars(self).values():
            if isinstance(value, np.ndarray):
                value.setflags(write=False)
        for matrix in (self.csr, self.csr_to):
            for arr in (matrix.data, matrix.indices, matrix.indptr):
                arr.setflags(write=False)

    # -- sizes -----------------------------------------------------------------------------------

    @property
    def n_nodes(self) -> int:
        """Number of nodes."""
        return int(self.csr.shape[0])

    @property
    def n_edges(self) -> int:
        """Number of directed arcs (a two-way street counts twice, like an osmnx graph)."""
        return int(self.csr.nnz)

    @property
    def edge_highway(self) -> np.ndarray:
        """OSM ``highway`` class of each edge, ``str`` (e,): built from ``edge_class`` on each
        call, so work on ``edge_class`` where speed or memory matter."""
        return np.asarray(self.class_names, dtype=str)[self.edge_class]

    def __repr__(self) -> str:
        return (
            f"Network(mode={self.mode!r}, n_nodes={self.n_nodes}, n_edges={self.n_edges}, "
            f"crs={self.crs.to_string()!r}, source={self.source!r})"
        )

    # -- connectivity ----------------------------------------------------------------------------

    def _components(self, cancel: threading.Event | None = None) -> dict[str, Any]:
        """The connected pieces, found once (``cancel`` is checked between the searches)."""
        found = self.__dict__.get("_component_cache")  # frozen: cached as a cached_property would
        if found is None:
            found = self._find_components(cancel)
            self.__dict__["_component_cache"] = found
        return found

    def _find_components(self, cancel: threading.Event | None) -> dict[str, Any]:
        from ccgeo.model.connectivity import components

        forward = (self.csr.indptr, self.csr.indices)
        backward = (self.csr_to.indptr, self.csr_to.indices)
        found = components(forward, backward, cancel)
        found["main"].setflags(write=False)
        return found

    def main_component_mask(self, *, cancel: threading.Event | None = None) -> np.ndarray:
        """Boolean mask of the nodes in the largest strongly connected component (read-only);
        ``cancel`` is checked while the components are first found."""
        return self._components(cancel)["main"]

    def connectivity(self) -> dict[str, Any]:
        """How much of the network hangs together.

        Returns
        -------
        dict
            ``n_nodes``; ``n_components`` (weakly connected pieces); ``n_strong_components``;
            ``main_component_nodes`` and ``main_component_share`` (the largest strongly connected
            component, where every node can reach every other); ``nodes_cannot_reach_main`` and
            ``cannot_reach_main_share`` (nodes with no route into it: their patients cannot reach
            a lab in it); ``unreachable_from_main_share`` (nodes no route from it reaches);
            ``message``, one sentence for the user.
        """
        c = self._components()
        n = self.n_nodes
        cannot = int(n - np.count_nonzero(c["reach_main"]))
        not_reached = int(n - np.count_nonzero(c["reached_from_main"]))
        main_nodes = int(np.count_nonzero(c["main"]))
        share = cannot / n
        mode = mode_words(self.mode)
        if c["n_weak"] == 1 and cannot == 0:
            message = _(
                "The {mode} network is connected: every node can reach every other."
            ).format(mode=mode)
        else:
            message = ngettext(
                "The {mode} network has {pieces} separate pieces; {cannot} of {n} nodes ({share}) "
                "cannot reach the main network, so people there count as unreachable from labs on "
                "it. Disconnected pieces are often clipped edges of the extract or private roads.",
                "The {mode} network has {pieces} separate pieces; {cannot} of {n} nodes ({share}) "
                "cannot reach the main network, so people there count as unreachable from labs on "
                "it. Disconnected pieces are often clipped edges of the extract or private roads.",
                c["n_weak"],
            ).format(mode=mode, pieces=c["n_weak"], cannot=cannot, n=n, share=format_share(share))
        return {
            "n_nodes": n,
            "n_components": c["n_weak"],
            "n_strong_components": c["n_strong"],
            "main_component_nodes": main_nodes,
            "main_component_share": main_nodes / n,
            "nodes_cannot_reach_main": cannot,
            "cannot_reach_main_share": share,
            "unreachable_from_main_share": not_reached / n,
            "message": message,
        }

    # -- snapping --------------------------------------------------------------------------------

    def node_tree(self, *, cancel: threading.Event | None = None) -> cKDTree:
        """KD-tree over ``node_xy`` (metres), built once per network and shared by every caller
        (its build, a single call in C, is given up on within 0.1 s of ``cancel``)."""
        tree = self.__dict__.get("_node_tree")  # frozen: cached as a cached_property would
        if tree is None:
            tree = call_cancellable(cKDTree, self.node_xy, cancel=cancel)
            self.__dict__["_node_tree"] = tree
        return tree

    def road_index(
        self,
        *,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> RoadIndex:
        """The nearest-road search over the edges' geometry in metres (`RoadIndex`), built once
        per network and shared by every caller (``progress`` and ``cancel`` serve that build)."""
        index = self.__dict__.get("_road_index")  # frozen: cached as a cached_property would
        if index is None:
            index = RoadIndex(
                ProjectedVertices(self.geom_lonlat, self.crs),
                self.geom_offsets,
                progress=progress,
                cancel=cancel,
            )
            self.__dict__["_road_index"] = index
            release_free_memory()  # the build's working arrays, freed, go back to the system
        return index

    def has_arc(
        self,
        from_nodes: np.ndarray,
        to_nodes: np.ndarray,
        *,
        cancel: threading.Event | None = None,
    ) -> np.ndarray:
        """Whether the mode may travel straight from each ``from_nodes[i]`` to ``to_nodes[i]``
        (``cancel`` is checked while the keys of the arcs are made, on the first call)."""
        check_cancel(cancel)
        return self._arc_positions(from_nodes, to_nodes) >= 0

    def _snap_main(
        self, xy: np.ndarray, cancel: threading.Event | None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Nearest node of the main component to each point (metres): the nearest of the
        `_MAIN_K` nearest nodes that is on it, else (a point among stray pieces) from a tree
        of the main component's own, built only when a point needs it."""
        main = self.main_component_mask(cancel=cancel)
        k = min(_MAIN_K, self.n_nodes)
        metres, idx = self.node_tree(cancel=cancel).query(xy, k=k)
        metres, idx = metres.reshape(len(xy), k), idx.reshape(len(xy), k)
        on_main = main[idx]
        first = on_main.argmax(axis=1)  # distances come sorted: the first on main is nearest
        rows = np.arange(len(xy))
        nodes = idx[rows, first].astype(np.int64)
        dist = np.asarray(metres[rows, first], dtype=np.float64)
        far = np.flatnonzero(~on_main.any(axis=1))
        if len(far):
            tree, main_nodes = self._main_tree(cancel)
            dist[far], found = tree.query(xy[far])
            nodes[far] = main_nodes[found]
        return nodes, dist

    def _main_tree(self, cancel: threading.Event | None) -> tuple[cKDTree, np.ndarray]:
        """KD-tree over the main component's nodes, and those nodes (built once)."""
        found = self.__dict__.get("_main_node_tree")
        if found is None:
            nodes = np.flatnonzero(self.main_component_mask(cancel=cancel))
            found = call_cancellable(cKDTree, self.node_xy[nodes], cancel=cancel), nodes
            self.__dict__["_main_node_tree"] = found
        return found

    def snap(
        self,
        lonlat: np.ndarray,
        *,
        main_component_only: bool = False,
        cancel: threading.Event | None = None,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Nearest network node of each point, vectorised (KD-tree in metres).

        Parameters
        ----------
        lonlat
            ``(k, 2)`` longitude, latitude in degrees (EPSG:4326); a single ``(2,)`` point is
            taken as ``k = 1``.
        main_component_only
            Snap only to nodes of the main strongly connected component, so that a facility
            next to a cut-off service road is not stranded on it.
        cancel
            A `threading.Event`, watched while the node trees are first built.

        Returns
        -------
        nodes : int64 (k,)
            Network node index of each point.
        metres : float64 (k,)
            Straight-line distance from each point to its node, metres (the off-network leg).

        Raises
        ------
        InputError
            If a coordinate is not finite, naming the rows.
        """
        pts = np.asarray(lonlat, dtype=np.float64).reshape(-1, 2)
        bad = np.flatnonzero(~np.isfinite(pts).all(axis=1))
        if len(bad):
            rows = ", ".join(str(i) for i in bad[:10]) + (" ..." if len(bad) > 10 else "")
            msg = ngettext(
                "cannot snap {n} of {total} points to the {mode} network: rows {rows} have "
                "missing or non-finite coordinates; fix or drop them first",
                "cannot snap {n} of {total} points to the {mode} network: rows {rows} have "
                "missing or non-finite coordinates; fix or drop them first",
                len(bad),
            ).format(n=len(bad), total=len(pts), mode=mode_words(self.mode), rows=rows)
            raise InputError(msg)
        if len(pts) == 0:
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float64)
        xy = project_lonlat(pts, self.crs)
        if main_component_only:
            return self._snap_main(xy, cancel)
        metres, idx = self.node_tree(cancel=cancel).query(xy)
        return np.asarray(idx, dtype=np.int64), np.asarray(metres, dtype=np.float64)

    # -- geometry --------------------------------------------------------------------------------

    def arc_index(self, from_nodes: np.ndarray, to_nodes: np.ndarray) -> np.ndarray:
        """Index in CSR order of the arc from each ``from_nodes[i]`` to ``to_nodes[i]``.

        Raises
        ------
        ValueError
            If a pair has no arc.
        """
        pos = self._arc_positions(from_nodes, to_nodes)
        missing = np.flatnonzero(pos < 0)
        if len(missing):
            i = int(missing[0])
            a, b = np.ravel(from_nodes)[i], np.ravel(to_nodes)[i]
            msg = f"no arc from node {a} to node {b} in the {self.mode} network"
            raise ValueError(msg)
        return pos

    def _arc_positions(self, from_nodes: np.ndarray, to_nodes: np.ndarray) -> np.ndarray:
        """Index in CSR order of the arc from each ``from_nodes[i]`` to ``to_nodes[i]``, -1 where
        there is none: a binary search in the row's sorted columns, with no table kept."""
        a = np.asarray(from_nodes, dtype=np.int64)
        b = np.asarray(to_nodes, dtype=np.int64)
        flat = arc_positions(self.csr.indptr, self.csr.indices, a.ravel(), b.ravel())
        return flat.reshape(a.shape)

    def arcs_lonlat(self, arcs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Vertices of a sequence of arcs, in travel direction, as one flat array.

        Returns
        -------
        offsets : int64 (len(arcs) + 1,)
            Arc ``i`` has the vertices ``lonlat[offsets[i]:offsets[i + 1]]``.
        lonlat : float64 (k, 2)
            Degrees, EPSG:4326.
        """
        arcs = np.asarray(arcs, dtype=np.int64)
        edges = self.arc_edge[arcs]
        start, stop = self.geom_offsets[edges], self.geom_offsets[edges + 1]
        counts = stop - start
        offsets = np.zeros(len(arcs) + 1, dtype=np.int64)
        np.cumsum(counts, out=offsets[1:])
        within = np.arange(offsets[-1]) - np.repeat(offsets[:-1], counts)
        rev = np.repeat(self.arc_reversed[arcs], counts)
        idx = np.where(rev, np.repeat(stop - 1, counts) - within, np.repeat(start, counts) + within)
        return offsets, self.geom_lonlat[idx]

    # -- export ----------------------------------------------------------------------------------

    def to_networkx(self) -> nx.MultiDiGraph:
        """The network as an osmnx-style ``networkx.MultiDiGraph`` (one edge per arc).

        Node keys are the network node indices, with attributes ``x``, ``y`` (longitude,
        latitude, degrees) and ``osmid``; edges carry ``travel_seconds`` (the same floats routing
        uses), ``length`` (metres), ``highway`` and ``osmid`` (way id). The graph attribute
        ``crs`` is ``"EPSG:4326"``, as osmnx expects of an unprojected graph.
        """
        import networkx as nx

        graph = nx.MultiDiGraph(crs="EPSG:4326", mode=self.mode, source=self.source)
        lon, lat = self.node_lonlat[:, 0].tolist(), self.node_lonlat[:, 1].tolist()
        osmid = self.node_osmid.tolist()
        graph.add_nodes_from(
            (i, {"x": lon[i], "y": lat[i], "osmid": osmid[i]}) for i in range(self.n_nodes)
        )
        rows = np.repeat(np.arange(self.n_nodes), np.diff(self.csr.indptr)).tolist()
        cols = self.csr.indices.tolist()
        secs = self.csr.data.tolist()
        length = self.edge_length_m[self.arc_edge].tolist()
        highway = [self.class_names[c] for c in self.edge_class[self.arc_edge].tolist()]
        way = self.edge_way_id[self.arc_edge].tolist()
        graph.add_edges_from(
            (
                rows[k],
                cols[k],
                {
                    "travel_seconds": secs[k],
                    "length": length[k],
                    "highway": highway[k],
                    "osmid": way[k],
                },
            )
            for k in range(len(cols))
        )
        return graph

    def to_arrays(self) -> dict[str, np.ndarray]:
        """Everything as plain numpy arrays (strings fixed-width unicode), for ``np.savez``.

        The project file stores this so that reopening a project does not rebuild the network;
        `from_arrays` is the inverse.
        """
        arrays = {
            "cache_version": np.array(CACHE_VERSION),
            "mode": np.array(self.mode),
            "profile_json": np.array(json.dumps(self.profile.to_dict(), sort_keys=True)),
            "crs_wkt": np.array(self.crs.to_wkt()),
            "source": np.array(self.source),
            "warnings": fixed_unicode(np.array(self.warnings, dtype=object)),
            "class_names": fixed_unicode(np.array(self.class_names, dtype=object)),
            "edge_class": self.edge_class,
            "csr_data": self.csr.data,
            "csr_indices": self.csr.indices,
            "csr_indptr": self.csr.indptr,
        }
        for key in (*_ARRAY_KEYS, *_INDEX_KEYS):
            if not key.startswith("csr_"):
                arrays[key] = getattr(self, key)
        return arrays

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, np.ndarray]) -> Network:
        """Rebuild a network from `to_arrays` output (or an ``np.load`` of it).

        Raises
        ------
        InputError
            If the arrays come from another cache version or are incomplete: rebuild the network
            from the roads then.
        """
        version = int(arrays["cache_version"]) if "cache_version" in arrays else None
        required = (
            *_ARRAY_KEYS,
            *_INDEX_KEYS,
            "edge_class",
            "class_names",
            "mode",
            "profile_json",
            "crs_wkt",
        )
        missing = [k for k in required if k not in arrays]
        if version != CACHE_VERSION or missing:
            msg = _(
                "the cached road network is not usable (cache version {version}, expected "
                "{expected}; missing {missing}); rebuild it from the roads"
            ).format(
                version=version, expected=CACHE_VERSION, missing=", ".join(missing) or _("nothing")
            )
            raise InputError(msg)
        kw = {k: np.array(arrays[k], dtype=dt) for k, dt in _ARRAY_KEYS.items()}
        kw.update({k: index_array(np.array(arrays[k])) for k in _INDEX_KEYS})
        class_names = tuple(str(c) for c in np.asarray(arrays["class_names"]).ravel())
        edge_class = np.array(arrays["edge_class"], dtype=code_dtype(len(class_names)))
        n = len(kw["node_source"])
        if (
            len(kw["csr_indptr"]) != n + 1
            or len(kw["csr_data"]) != len(kw["arc_edge"])
            or len(edge_class) != len(kw["edge_u"])
            or (len(edge_class) and int(edge_class.max()) >= len(class_names))
        ):
            msg = _("the cached road network arrays do not fit together; rebuild it from the roads")
            raise InputError(msg)
        csr = csr_from_arrays(kw.pop("csr_data"), kw.pop("csr_indices"), kw.pop("csr_indptr"), n)
        return cls(
            mode=str(arrays["mode"]),
            profile=SpeedProfile.from_dict(json.loads(str(arrays["profile_json"]))),
            crs=CRS.from_wkt(str(arrays["crs_wkt"])),
            csr=csr,
            csr_to=csr.T.tocsr(),
            edge_class=edge_class,
            class_names=class_names,
            source=str(arrays.get("source", "")),
            warnings=tuple(str(w) for w in np.asarray(arrays.get("warnings", [])).ravel()),
            **kw,
        )


def index_array(values: np.ndarray) -> np.ndarray:
    """Node or edge indices (non-negative) as int32 when they fit, else int64: half the memory
    of int64 for any network up to two billion nodes, edges and arcs."""
    values = np.asarray(values)
    fits = values.size == 0 or int(values.max()) <= np.iinfo(np.int32).max
    return values.astype(np.int32 if fits else np.int64, copy=False)


def csr_from_arrays(
    data: np.ndarray, indices: np.ndarray, indptr: np.ndarray, n: int
) -> sp.csr_matrix:
    """A CSR matrix from arrays already in canonical order (sorted, no duplicates)."""
    csr = sp.csr_matrix(
        (
            np.asarray(data, dtype=np.float64),
            np.asarray(indices, dtype=np.int32),
            np.asarray(indptr, dtype=np.int32),
        ),
        shape=(n, n),
    )
    csr.has_sorted_indices = True
    return csr


@njit(cache=_CACHE, nogil=True)
def arc_positions(
    indptr: np.ndarray, indices: np.ndarray, from_nodes: np.ndarray, to_nodes: np.ndarray
) -> np.ndarray:  # pragma: no cover - compiled
    """Position in a CSR graph (columns sorted in each row) of the first arc from each
    ``from_nodes[i]`` to ``to_nodes[i]``, -1 where there is none: a binary search in the row."""
    out = np.empty(len(from_nodes), dtype=np.int64)
    for i in range(len(from_nodes)):
        lo, end = indptr[from_nodes[i]], indptr[from_nodes[i] + 1]
        hi = end
        while lo < hi:
            mid = (lo + hi) // 2
            if indices[mid] < to_nodes[i]:
                lo = mid + 1
            else:
                hi = mid
        out[i] = lo if lo < end and indices[lo] == to_nodes[i] else -1
    return out
