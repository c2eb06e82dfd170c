"""Build the routable `Network` of one travel mode from `RoadData`: the one build path.

`load_network` (the API), the project (the app and the command line) and every analysis build
their networks here, from roads read with every way (``mode="all"``), so the same file and mode
give the same nodes, arcs and seconds whichever face asked.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import numpy as np

from ccgeo.errors import InputError, check_cancel
from ccgeo.geo import local_utm_crs, project_lonlat
from ccgeo.io.osm import read_roads
from ccgeo.model.network import EPSILON_SECONDS, Network, csr_from_arrays
from ccgeo.model.profile import SpeedProfile
from ccgeo.model.roads import RoadData
from ccgeo.network.profiles import edge_speeds_kmh, get_profile, travel_seconds
from ccgeo.progress import ProgressCallback, report_progress, scaled_progress

if TYPE_CHECKING:
    import threading
    from pathlib import Path


def build_network(
    roads: RoadData,
    mode: str | SpeedProfile = "car",
    *,
    profiles: Mapping[str, SpeedProfile] | None = None,
    congestion: float | None = None,
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
    report_progress(progress, 0.0, f"{profile.name}: speeds per road")
    speeds, warnings = edge_speeds_kmh(roads, profile)
    usable = np.flatnonzero(np.isfinite(speeds))
    if len(usable) == 0:
        classes = ", ".join(f"{k} ({v})" for k, v in list(_class_counts(roads).items())[:8])
        msg = (
            f"holds no roads usable by {profile.name}: found {len(roads.edge_u)} edges of "
            f"classes {classes or 'none'}. Load a road file that covers {profile.name} "
            "travel, or pick another mode."
        )
        raise InputError(msg, path=roads.source or None)
    if roads.mode not in ("all", profile.access):
        warnings += (
            f"the roads were read for {roads.mode}, not for {profile.access}: ways only "
            f"{profile.access} may use are missing; read the file with mode 'all'.",
        )
    seconds = travel_seconds(
        roads.edge_length_m[usable],
        speeds[usable],
        congestion_factor=profile.congestion_factor,
    )
    seconds = np.maximum(seconds, EPSILON_SECONDS)
    check_cancel(cancel)
    report_progress(progress, 0.3, f"{profile.name}: nodes and arcs")

    # renumber the nodes this mode uses, 0..n-1
    road_u, road_v = roads.edge_u[usable], roads.edge_v[usable]
    node_source = np.unique(np.concatenate([road_u, road_v]))
    remap = np.full(len(roads.node_osmid), -1, dtype=np.int64)
    remap[node_source] = np.arange(len(node_source))
    edge_u, edge_v = remap[road_u], remap[road_v]
    n = len(node_source)

    loop = edge_u == edge_v
    two_way = (roads.edge_oneway[usable] == 0) | (not profile.respect_oneway)
    fwd = np.flatnonzero(~loop)
    bwd = np.flatnonzero(~loop & two_way)
    arc_u = np.concatenate([edge_u[fwd], edge_v[bwd]])
    arc_v = np.concatenate([edge_v[fwd], edge_u[bwd]])
    arc_s = np.concatenate([seconds[fwd], seconds[bwd]])
    arc_edge = np.concatenate([fwd, bwd])
    arc_rev = np.concatenate([np.zeros(len(fwd), bool), np.ones(len(bwd), bool)])
    # sort by (u, v, seconds) and keep the fastest arc of each node pair: CSR order, and no
    # duplicate entries (scipy would add them up)
    order = np.lexsort((arc_s, arc_v, arc_u))
    arc_u, arc_v, arc_s = arc_u[order], arc_v[order], arc_s[order]
    arc_edge, arc_rev = arc_edge[order], arc_rev[order]
    keep = np.ones(len(order), dtype=bool)
    keep[1:] = (arc_u[1:] != arc_u[:-1]) | (arc_v[1:] != arc_v[:-1])
    arc_u, arc_v, arc_s = arc_u[keep], arc_v[keep], arc_s[keep]
    arc_edge, arc_rev = arc_edge[keep], arc_rev[keep]
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(arc_u, minlength=n), out=indptr[1:])
    csr = csr_from_arrays(arc_s, arc_v, indptr, n)
    check_cancel(cancel)
    report_progress(progress, 0.6, f"{profile.name}: coordinates and geometry")

    node_lonlat = roads.node_lonlat[node_source]
    lon, lat = np.median(node_lonlat, axis=0)
    crs = local_utm_crs(float(lon), float(lat))
    node_xy = project_lonlat(node_lonlat, crs)
    geom_offsets, geom_lonlat = _gather_geometry(roads.geom_offsets, roads.geom_lonlat, usable)
    net = Network(
        mode=profile.name,
        profile=profile,
        crs=crs,
        node_lonlat=node_lonlat,
        node_xy=node_xy,
        node_osmid=roads.node_osmid[node_source],
        node_source=node_source,
        csr=csr,
        csr_to=csr.T.tocsr(),
        arc_edge=arc_edge,
        arc_reversed=arc_rev,
        edge_source=usable,
        edge_u=edge_u,
        edge_v=edge_v,
        edge_length_m=roads.edge_length_m[usable],
        edge_seconds=seconds,
        edge_highway=np.asarray(roads.edge_highway[usable]).astype(str),
        edge_way_id=roads.edge_way_id[usable],
        geom_offsets=geom_offsets,
        geom_lonlat=geom_lonlat,
        source=roads.source,
        warnings=warnings,
    )
    report_progress(progress, 1.0, f"{profile.name}: {net.n_nodes} nodes, {net.n_edges} arcs")
    return net


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


def _class_counts(roads: RoadData) -> dict[str, int]:
    names, counts = np.unique(np.asarray(roads.edge_highway).astype(str), return_counts=True)
    order = np.argsort(-counts, kind="stable")
    return {str(names[i]): int(counts[i]) for i in order}


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
