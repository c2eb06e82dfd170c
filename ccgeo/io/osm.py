"""Road networks from OSM files (.osm.pbf, .osm, .osm.bz2), osmnx GraphML, road lines, or online.

Every reader returns a `RoadData`: flat numpy arrays of nodes and edges, ready to be turned into a
routable `ccgeo.network.graph.Network` without a Python loop over edges.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


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
        1 where only ``u`` → ``v`` is allowed for vehicles, else 0.
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
        The travel mode the ways were filtered for (``"all"``, ``"car"``, ``"motorbike"``, ``"walk"``).
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
