"""How a place off the network joins it: the one rule for people and for the cells of a surface.

From a home (or a cell centre) a person walks, at the walking speed, to the nearest point on a
road of the mode, then travels along that road at its speed to either end of the road's edge
(against a one-way street only on foot). The candidates are those two ends, plus the
``candidates`` nearest junctions reached by a straight walk (a house beside a cut-off service road
still reaches the main road a few metres further on). A place with no road within the maximum
snap distance is off the network.

`ccgeo.analysis.placement.snap_points` (people) and `ccgeo.network.isochrones` (surfaces) both
call `join_network`, so a map's catchment and the people counted in it follow the same rule.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np

from ccgeo.errors import check_cancel
from ccgeo.i18n import _
from ccgeo.model.network import Network
from ccgeo.model.settings import Snapping
from ccgeo.progress import ProgressCallback, report_progress, scaled_progress


@dataclass(frozen=True, eq=False)
class Joins:
    """Where places join the network.

    Attributes
    ----------
    nodes : int64 (n, c)
        Candidate network nodes of each place; -1 where there is none.
    seconds : float64 (n, c)
        Time from the place to each candidate node (walk, then along the road), seconds;
        ``inf`` where there is none.
    road_m : float64 (n,)
        Distance from the place to the nearest road of the mode, metres; ``inf`` when more than
        ``max_snap_m`` and ``nearest_far`` was not asked.
    """

    nodes: np.ndarray
    seconds: np.ndarray
    road_m: np.ndarray


def join_network(
    net: Network,
    xy: np.ndarray,
    snapping: Snapping,
    *,
    measure_far: bool = False,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> Joins:
    """The candidate nodes of each place and the time to reach them (see the module docstring).

    Parameters
    ----------
    net
        The road network of the travel mode.
    xy
        ``(n, 2)`` places in metres in ``net.crs``.
    snapping
        ``max_snap_m`` (farthest walk to a road, metres), ``walk_kmh`` and ``candidates``
        (junctions tried by a straight walk).
    measure_far
        Also measure how far off-network places are from the nearest road (for reports).
    progress, cancel
        ``progress(fraction, text)`` while the network's road index is built (the first time)
        and searched, and a `threading.Event` checked between chunks (`Cancelled`).
    """
    xy = np.asarray(xy, dtype=np.float64).reshape(-1, 2)
    n = len(xy)
    walk_mps = snapping.walk_kmh / 3.6
    k = int(min(snapping.candidates, max(net.n_nodes, 1)))
    nodes = np.full((n, k + 2), -1, dtype=np.int64)
    seconds = np.full((n, k + 2), np.inf)
    road_m = np.full(n, np.inf)
    if not (n and net.n_nodes):
        return Joins(nodes, seconds, road_m)
    check_cancel(cancel)
    report_progress(progress, 0.0, _("finding the nearest junctions"))
    dist, idx = net.node_tree(cancel=cancel).query(
        xy, k=k, distance_upper_bound=snapping.max_snap_m
    )
    dist = np.asarray(dist, dtype=np.float64).reshape(n, k)
    idx = np.asarray(idx, dtype=np.int64).reshape(n, k)
    found = np.isfinite(dist)
    nodes[:, :k][found] = idx[found]
    seconds[:, :k][found] = dist[found] / walk_mps
    index = net.road_index(progress=scaled_progress(progress, 0.05, 0.6), cancel=cancel)
    near = index.nearest(
        xy, max_m=snapping.max_snap_m, progress=scaled_progress(progress, 0.6, 1.0), cancel=cancel
    )
    on = np.flatnonzero(near.edge >= 0)
    road_m[on] = near.metres[on]
    edge, frac = near.edge[on], near.fraction[on]
    u, v = net.edge_u[edge], net.edge_v[edge]
    walk_in = near.metres[on] / walk_mps
    for col, end, share, start in ((k, u, frac, v), (k + 1, v, 1.0 - frac, u)):
        by_road = share * net.edge_seconds[edge]
        on_foot = share * net.edge_length_m[edge] / walk_mps
        # from the road point toward `end` runs the way start → end: open to the mode or not
        nodes[on, col] = end
        seconds[on, col] = walk_in + np.where(
            net.has_arc(start, end, cancel=cancel), np.minimum(by_road, on_foot), on_foot
        )
    if measure_far:
        far = np.flatnonzero(near.edge < 0)
        road_m[far] = index.nearest(xy[far], cancel=cancel).metres
    return Joins(nodes, seconds, road_m)
