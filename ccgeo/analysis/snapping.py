"""Demand points and labs on the network: the off-network leg, walked, to a few nearby nodes.

A person does not live on a node. Each point is tied to its ``k`` nearest network nodes within the
maximum snap distance; the time from the point is the best of ``walk to node + network time``
over those candidates, so a house beside a cut-off service road still reaches the main road a few
metres further on. Points with no node within the distance are *off-network*: reported, never
dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.spatial import cKDTree

from ccgeo.errors import InputError
from ccgeo.geo import project_lonlat
from ccgeo.model.network import Network

#: Default maximum straight-line distance from a point to the road network, metres.
DEFAULT_MAX_SNAP_M = 1_000.0

#: Default walking speed of the off-network leg, km/h (DOMAIN.md: 5 km/h, AccessMod/Tobler flat).
DEFAULT_WALK_KMH = 5.0

#: Default number of candidate nodes per point.
DEFAULT_CANDIDATES = 4


@dataclass(frozen=True, eq=False)
class SnappedPoints:
    """Points tied to candidate network nodes.

    Attributes
    ----------
    nodes : int64 (n, k)
        Candidate network nodes of each point, nearest first; -1 where there is none within
        ``max_snap_m``.
    walk_seconds : float64 (n, k)
        Time to walk from the point to each candidate, seconds; ``inf`` where there is none.
    snap_m : float64 (n,)
        Distance to the nearest node, metres (``inf`` when the network is empty).
    max_snap_m : float
        The maximum distance used, metres.
    walk_kmh : float
        The walking speed of the off-network leg, km/h.
    """

    nodes: np.ndarray
    walk_seconds: np.ndarray
    snap_m: np.ndarray
    max_snap_m: float
    walk_kmh: float

    def __post_init__(self) -> None:
        for arr in (self.nodes, self.walk_seconds, self.snap_m):
            arr.setflags(write=False)

    def __len__(self) -> int:
        return len(self.snap_m)

    @property
    def off_network(self) -> np.ndarray:
        """Points with no node within ``max_snap_m``."""
        return self.nodes[:, 0] < 0

    @property
    def nearest_node(self) -> np.ndarray:
        """The nearest node of each point, -1 for off-network points."""
        return self.nodes[:, 0]

    def seconds_via(self, node_seconds: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Time from each point through its best candidate, given a time per network node.

        Parameters
        ----------
        node_seconds
            ``(n_nodes,)`` seconds from each node (to the nearest lab, say); ``inf`` where none.

        Returns
        -------
        seconds : float64 (n,)
            ``min_k(walk_seconds + node_seconds[node])``; ``inf`` off-network or unreachable.
        best : int64 (n,)
            Which candidate column gave it (0 where all are ``inf``).
        """
        node_seconds = np.asarray(node_seconds, dtype=np.float64)
        valid = self.nodes >= 0
        via = np.full(self.nodes.shape, np.inf)
        via[valid] = self.walk_seconds[valid] + node_seconds[self.nodes[valid]]
        best = np.argmin(via, axis=1) if via.size else np.zeros(0, dtype=np.int64)
        seconds = via[np.arange(len(via)), best] if via.size else np.zeros(0)
        return seconds, best.astype(np.int64)

    def best_node(self, best: np.ndarray) -> np.ndarray:
        """The node of candidate column ``best`` for each point (-1 off-network)."""
        return self.nodes[np.arange(len(self.nodes)), best]


def snap_points(
    net: Network,
    lonlat: np.ndarray,
    *,
    max_snap_m: float = DEFAULT_MAX_SNAP_M,
    walk_kmh: float = DEFAULT_WALK_KMH,
    candidates: int = DEFAULT_CANDIDATES,
) -> SnappedPoints:
    """Tie points to their ``candidates`` nearest network nodes within ``max_snap_m`` metres.

    Parameters
    ----------
    net
        The road network of the travel mode.
    lonlat
        ``(n, 2)`` longitude, latitude in degrees (EPSG:4326).
    max_snap_m
        Points farther than this from every node are off-network, metres.
    walk_kmh
        Walking speed of the off-network leg, km/h.
    candidates
        Number of nearest nodes to consider per point (1 = plain nearest node).

    Raises
    ------
    InputError
        If a coordinate is not finite or a parameter is out of range.
    """
    if not max_snap_m > 0:
        raise InputError(f"`max_snap_m` should be a positive distance in metres, got {max_snap_m}")
    if not walk_kmh > 0:
        raise InputError(f"`walk_kmh` should be a positive speed in km/h, got {walk_kmh}")
    if candidates < 1:
        raise InputError(f"`candidates` should be at least 1, got {candidates}")
    pts = np.asarray(lonlat, dtype=np.float64).reshape(-1, 2)
    bad = np.flatnonzero(~np.isfinite(pts).all(axis=1))
    if len(bad):
        rows = ", ".join(str(i) for i in bad[:10]) + (" ..." if len(bad) > 10 else "")
        msg = f"{len(bad)} points have missing or non-finite coordinates (rows {rows})"
        raise InputError(msg)
    n = len(pts)
    k = int(min(candidates, max(net.n_nodes, 1)))
    nodes = np.full((n, k), -1, dtype=np.int64)
    metres = np.full((n, k), np.inf)
    if n and net.n_nodes:
        tree = cKDTree(net.node_xy)
        xy = project_lonlat(pts, net.crs)
        dist, idx = tree.query(xy, k=k, distance_upper_bound=max_snap_m)
        dist = np.asarray(dist, dtype=np.float64).reshape(n, k)
        idx = np.asarray(idx, dtype=np.int64).reshape(n, k)
        found = np.isfinite(dist)
        nodes[found] = idx[found]
        metres[found] = dist[found]
        nearest_m = dist[:, 0].copy()
        far = ~found[:, 0]
        if far.any():  # how far off the network they are, for the report
            nearest_m[far] = np.asarray(tree.query(xy[far], k=1)[0], dtype=np.float64)
    else:
        nearest_m = np.full(n, np.inf)
    walk_seconds = metres / (walk_kmh / 3.6)
    return SnappedPoints(nodes, walk_seconds, nearest_m, float(max_snap_m), float(walk_kmh))
