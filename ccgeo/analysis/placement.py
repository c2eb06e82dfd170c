"""Labs and people on the network: the one placement rule of every analysis.

Labs (`place_labs`). A lab is tied to the nearest node of the network's main strongly connected
component within the maximum snap distance (a lab beside a cut-off service road must not serve
that road alone); failing that, to the nearest node within the distance, with a caution; a lab
farther than the distance from every road is left out, and listed with the reason. Access,
capacity, siting and referral all place their labs here, so a lab counts in one analysis exactly
when it counts in the others.

People (`snap_points`). A person does not live on a node. From home they walk to the nearest
point on a road of the mode, then travel along it to either end of that road's edge; a straight
walk to one of the ``k`` nearest junctions within the maximum snap distance is tried as well
(`ccgeo.network.snapping.join_network`). The time from the point is the best of ``time to the
node + network time`` over those candidates. Points with no road within the distance are
*off-network*: reported, never dropped.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cached_property

import geopandas as gpd
import numpy as np
import pandas as pd

from ccgeo.errors import InputError, check_cancel
from ccgeo.geo import project_lonlat
from ccgeo.i18n import _, ngettext, pgettext
from ccgeo.model.demand import Demand
from ccgeo.model.facilities import Facilities
from ccgeo.model.network import Network
from ccgeo.model.roads import mode_words
from ccgeo.model.settings import Snapping
from ccgeo.network.snapping import join_network
from ccgeo.progress import ProgressCallback


@dataclass(frozen=True, eq=False)
class SnappedPoints:
    """Points tied to candidate network nodes.

    Attributes
    ----------
    nodes : int64 (n, c)
        Candidate network nodes of each point: the ends of the nearest road's edge and the
        nearest junctions; -1 where there is none within ``max_snap_m``.
    walk_seconds : float64 (n, c)
        Time from the point to each candidate (the walk to the road, then along it), seconds;
        ``inf`` where there is none.
    snap_m : float64 (n,)
        Distance to the nearest road of the mode, metres (``inf`` when the network is empty).
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
        """Points with no road within ``max_snap_m``."""
        return ~(self.snap_m <= self.max_snap_m)

    def seconds_via(
        self, node_seconds: np.ndarray, rows: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Time from each point through its best candidate, given a time per network node.

        Parameters
        ----------
        node_seconds
            ``(n_nodes,)`` seconds from each node (to the nearest lab, say); ``inf`` where none.
        rows
            Indices of the points to compute (default all).

        Returns
        -------
        seconds : float64 (n,) or (len(rows),)
            ``min_k(walk_seconds + node_seconds[node])``; ``inf`` off-network or unreachable.
        best : int64 (n,) or (len(rows),)
            Which candidate column gave it (0 where all are ``inf``).
        """
        node_seconds = np.asarray(node_seconds, dtype=np.float64)
        nodes, walk = (
            (self.nodes, self.walk_seconds)
            if rows is None
            else (self.nodes[rows], self.walk_seconds[rows])
        )
        valid = nodes >= 0
        via = np.full(nodes.shape, np.inf)
        via[valid] = walk[valid] + node_seconds[nodes[valid]]
        best = np.argmin(via, axis=1) if via.size else np.zeros(0, dtype=np.int64)
        seconds = via[np.arange(len(via)), best] if via.size else np.zeros(0)
        return seconds, best.astype(np.int64)

    def rows_at(self, nodes: np.ndarray) -> np.ndarray:
        """The points with a candidate among ``nodes`` (unique node indices), sorted."""
        starts, rows = self._by_node
        nodes = nodes[nodes < len(starts) - 1]  # nodes beyond the last candidate have none
        lo = starts[nodes]
        count = starts[nodes + 1] - lo
        at = np.arange(int(count.sum())) + np.repeat(lo - (np.cumsum(count) - count), count)
        mark = np.zeros(len(self.snap_m), dtype=bool)
        mark[rows[at]] = True
        return np.flatnonzero(mark)

    @cached_property
    def _by_node(self) -> tuple[np.ndarray, np.ndarray]:
        """The inverse of ``nodes``: node ``v`` is a candidate of the points
        ``rows[starts[v]:starts[v + 1]]``."""
        flat = self.nodes.ravel()
        valid = np.flatnonzero(flat >= 0)
        width = self.nodes.shape[1] if self.nodes.ndim == 2 and self.nodes.shape[1] else 1
        order = np.argsort(flat[valid], kind="stable")
        n_nodes = int(flat.max()) + 1 if len(valid) else 0
        starts = np.zeros(n_nodes + 1, dtype=np.int64)
        np.cumsum(np.bincount(flat[valid], minlength=n_nodes), out=starts[1:])
        return starts, (valid // width)[order]

    def best_node(self, best: np.ndarray) -> np.ndarray:
        """The node of candidate column ``best`` for each point (-1 off-network)."""
        return self.nodes[np.arange(len(self.nodes)), best]


def snap_points(
    net: Network,
    lonlat: np.ndarray,
    snapping: Snapping | None = None,
    *,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> SnappedPoints:
    """Tie points to the network by the one rule (see the module docstring).

    Parameters
    ----------
    net
        The road network of the travel mode.
    lonlat
        ``(n, 2)`` longitude, latitude in degrees (EPSG:4326).
    snapping
        ``max_snap_m`` (points farther than this from every road are off-network, metres),
        ``walk_kmh`` (speed of the walk to the road) and ``candidates`` (nearest junctions also
        tried by a straight walk). Default `Snapping()`.
    progress, cancel
        ``progress(fraction, text)`` and a `threading.Event` that cancels (`Cancelled`).

    Raises
    ------
    InputError
        If a coordinate is not finite.
    """
    snapping = snapping or Snapping()
    pts = np.asarray(lonlat, dtype=np.float64).reshape(-1, 2)
    bad = np.flatnonzero(~np.isfinite(pts).all(axis=1))
    if len(bad):
        rows = ", ".join(str(i) for i in bad[:10]) + (" ..." if len(bad) > 10 else "")
        msg = ngettext(
            "{n} points have missing or non-finite coordinates (rows {rows})",
            "{n} points have missing or non-finite coordinates (rows {rows})",
            len(bad),
        ).format(n=len(bad), rows=rows)
        raise InputError(msg)
    xy = project_lonlat(pts, net.crs) if len(pts) else pts
    joins = join_network(net, xy, snapping, measure_far=True, progress=progress, cancel=cancel)
    return SnappedPoints(
        joins.nodes,
        joins.seconds,
        joins.road_m,
        float(snapping.max_snap_m),
        float(snapping.walk_kmh),
    )


# -- labs ----------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class LabPlacement:
    """Where each lab joins the network, and which labs are left out and why.

    Attributes
    ----------
    table : GeoDataFrame
        One row per lab given, EPSG:4326: ``facility_id``, ``name``, ``node`` (network node, -1
        when left out), ``snap_m`` (metres from the lab to its node, or to the nearest road when
        left out), ``usable`` and ``reason`` (why a lab is left out, or a caution; ``""``
        otherwise), ``geometry``.
    max_snap_m : float
        The distance rule used, metres.
    mode : str
        The network's travel mode.
    """

    table: gpd.GeoDataFrame
    max_snap_m: float
    mode: str

    def __len__(self) -> int:
        return len(self.table)

    @property
    def nodes(self) -> np.ndarray:
        """Network node of each lab, -1 for labs left out."""
        return self.table["node"].to_numpy(dtype=np.int64)

    @property
    def usable(self) -> np.ndarray:
        """Boolean mask of the labs on the network."""
        return self.table["usable"].to_numpy(dtype=bool)

    @property
    def used(self) -> np.ndarray:
        """Row numbers of the labs on the network."""
        return np.flatnonzero(self.usable)

    def left_out(self) -> list[str]:
        """One line per lab left out: ``"L7 Lab Norte: 2400 m from the nearest car road, ..."``."""
        rows = self.table[~self.usable]
        return [f"{r.facility_id} {r.name}: {r.reason}" for r in rows.itertuples(index=False)]

    def warning(self, what: str | None = None) -> str | None:
        """One sentence counting and naming the labs left out, or None when every lab is used.

        ``what`` names the labs in the plural, in the current language (default "labs")."""
        out = self.table[~self.usable]
        if not len(out):
            return None
        listed = ", ".join(out["facility_id"].astype(str).head(8))
        more = _(" and {count} more").format(count=len(out) - 8) if len(out) > 8 else ""
        text = _(
            "{count} {what} lie more than {max_snap_m:g} m from a {mode} road and are not used: "
            "{listed}{more}"
        )
        return text.format(
            count=len(out),
            what=what or _("labs"),
            max_snap_m=self.max_snap_m,
            mode=mode_words(self.mode),
            listed=listed,
            more=more,
        )


def place_labs(
    net: Network,
    labs: Facilities | gpd.GeoDataFrame | np.ndarray,
    snapping: Snapping | None = None,
    *,
    cancel: threading.Event | None = None,
) -> LabPlacement:
    """Tie each lab to the network by the one placement rule (see the module docstring).

    Parameters
    ----------
    net
        The road network of the travel mode.
    labs
        `Facilities`, a point GeoDataFrame (``facility_id`` and ``name`` used when present), or
        an ``(k, 2)`` lon/lat array in degrees.
    snapping
        Its ``max_snap_m`` is the farthest a lab may be from a road, metres.
    cancel
        A `threading.Event` checked between the searches of the network (`Cancelled`).

    Raises
    ------
    InputError
        If the labs have no CRS or a lab has no usable coordinates.
    """
    snapping = snapping or Snapping()
    max_snap_m = snapping.max_snap_m
    table, lonlat = labs_table(labs)
    nodes, snap_m, reasons = lab_nodes(net, lonlat, max_snap_m, cancel=cancel)
    table = table.assign(node=nodes, snap_m=snap_m, usable=nodes >= 0, reason=reasons)
    columns = ["facility_id", "name", "node", "snap_m", "usable", "reason", "geometry"]
    return LabPlacement(table[columns], float(max_snap_m), net.mode)


def lab_nodes(
    net: Network, lonlat: np.ndarray, max_snap_m: float, *, cancel: threading.Event | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The placement rule itself, for ``(k, 2)`` lon/lat in degrees: a lab goes to the nearest
    node of the main network within ``max_snap_m``, else to the nearest node of a cut-off piece
    within it (it serves that piece alone), else it is not used. ``cancel`` is checked between
    the searches (the first ones build the network's node trees).

    Returns
    -------
    nodes : int64 (k,)
        Network node of each lab, -1 where not used.
    snap_m : float64 (k,)
        Metres to that node (to the nearest node when not used).
    reasons : object (k,)
        Why a lab is not used or serves a piece only; ``""`` for the others.
    """
    k = len(lonlat)
    nodes = np.full(k, -1, dtype=np.int64)
    snap_m = np.full(k, np.inf)
    reasons = np.full(k, "", dtype=object)
    if k and net.n_nodes == 0:
        reasons[:] = _("the network has no nodes")
    elif k:
        check_cancel(cancel)
        any_node, any_m = net.snap(lonlat, cancel=cancel)
        main_node, main_m = any_node.copy(), any_m.copy()
        check_cancel(cancel)
        # where the nearest node is on the main network it is the nearest main node too
        elsewhere = ~net.main_component_mask(cancel=cancel)[any_node]
        check_cancel(cancel)
        if elsewhere.any():
            main_node[elsewhere], main_m[elsewhere] = net.snap(
                lonlat[elsewhere], main_component_only=True, cancel=cancel
            )
        on_main = main_m <= max_snap_m
        on_piece = ~on_main & (any_m <= max_snap_m)
        nodes[on_main], snap_m[on_main] = main_node[on_main], main_m[on_main]
        nodes[on_piece], snap_m[on_piece] = any_node[on_piece], any_m[on_piece]
        mode = mode_words(net.mode)
        reasons[on_piece] = _(
            "only roads cut off from the main {mode} network lie within {max_snap_m:g} m: the lab "
            "serves that piece alone"
        ).format(mode=mode, max_snap_m=max_snap_m)
        far = ~on_main & ~on_piece
        snap_m[far] = any_m[far]
        text = _(
            "{distance:.0f} m from the nearest {mode} road, more than the maximum snap distance of "
            "{max_snap_m:g} m: not used (check its coordinates)"
        )
        for i in np.flatnonzero(far):
            reasons[i] = text.format(distance=any_m[i], mode=mode, max_snap_m=max_snap_m)
    return nodes, snap_m, reasons


def labs_table(
    labs: Facilities | gpd.GeoDataFrame | np.ndarray,
) -> tuple[gpd.GeoDataFrame, np.ndarray]:
    """Labs as ``facility_id``, ``name``, geometry (EPSG:4326) and their lon/lat."""
    if isinstance(labs, Facilities):
        labs = labs.gdf
    if isinstance(labs, gpd.GeoDataFrame):
        if labs.crs is None:
            msg = _("the labs have no CRS; set it (EPSG:4326 for longitude/latitude)")
            raise InputError(msg)
        gdf = labs.to_crs("EPSG:4326") if labs.crs.to_epsg() != 4326 else labs
        lonlat = point_lonlat(gdf, what="lab")
        ids = (
            gdf["facility_id"].astype(str).to_numpy()
            if "facility_id" in gdf
            else np.array([f"lab-{i + 1}" for i in range(len(gdf))], dtype=object)
        )
        names = gdf["name"].astype(str).to_numpy() if "name" in gdf else ids
    else:
        lonlat = np.asarray(labs, dtype=np.float64)
        if lonlat.size == 0:
            lonlat = lonlat.reshape(0, 2)
        if lonlat.ndim != 2 or lonlat.shape[1] != 2:
            msg = _("labs should be Facilities or a (k, 2) lon/lat array, got shape {shape}")
            msg = msg.format(shape=lonlat.shape)
            raise InputError(msg)
        bad = np.flatnonzero(~np.isfinite(lonlat).all(axis=1))
        if len(bad):
            msg = _("lab rows {rows} have missing or non-finite coordinates")
            msg = msg.format(rows=bad[:10].tolist())
            raise InputError(msg)
        ids = np.array([f"lab-{i + 1}" for i in range(len(lonlat))], dtype=object)
        names = ids
    table = gpd.GeoDataFrame(
        {"facility_id": np.asarray(ids, dtype=object), "name": np.asarray(names, dtype=object)},
        geometry=gpd.points_from_xy(lonlat[:, 0], lonlat[:, 1]),
        crs="EPSG:4326",
    )
    return table, lonlat


# -- people --------------------------------------------------------------------------------------


def demand_frame(
    demand: Demand | gpd.GeoDataFrame, *, districts: gpd.GeoDataFrame | None
) -> gpd.GeoDataFrame:
    """Demand points in EPSG:4326 with ``demand_id``, ``population``, ``district_id``."""
    gdf = demand.gdf if isinstance(demand, Demand) else demand
    if not isinstance(gdf, gpd.GeoDataFrame):
        msg = _("demand should be a Demand or a point GeoDataFrame, got {kind}")
        msg = msg.format(kind=type(demand).__name__)
        raise InputError(msg)
    if len(gdf) == 0:
        msg = _("the demand holds no points with people; load a population layer for the area")
        raise InputError(msg)
    if "population" not in gdf.columns:
        msg = _("the demand lacks a `population` column (columns: {columns})")
        msg = msg.format(columns=list(gdf.columns))
        raise InputError(msg)
    if gdf.crs is None:
        msg = _("the demand points have no CRS; set it (EPSG:4326 for longitude/latitude)")
        raise InputError(msg)
    if gdf.crs.to_epsg() != 4326:
        gdf = gdf.to_crs("EPSG:4326")
    pop = pd.to_numeric(gdf["population"], errors="coerce").to_numpy(dtype=np.float64)
    bad = np.flatnonzero(~(np.isfinite(pop) & (pop >= 0)))
    if len(bad):
        rows = ", ".join(str(i) for i in bad[:10])
        msg = _("demand rows {rows} have no valid population (0 or more people expected)")
        msg = msg.format(rows=rows)
        raise InputError(msg)
    ids = (
        gdf["demand_id"].astype(str).to_numpy(dtype=object)
        if "demand_id" in gdf
        else np.array([str(i) for i in range(len(gdf))], dtype=object)
    )
    if "district_id" in gdf:
        district = gdf["district_id"].fillna("").astype(str).to_numpy(dtype=object)
    else:
        district = np.full(len(gdf), "", dtype=object)
    if districts is not None and not districts.empty and (district == "").all():
        from ccgeo.io.population import assign_districts

        district = assign_districts(gdf, districts)
    return gpd.GeoDataFrame(
        {"demand_id": ids, "population": pop, "district_id": district},
        geometry=gdf.geometry.to_numpy(),
        crs="EPSG:4326",
    )


def point_lonlat(gdf: gpd.GeoDataFrame, *, what: str) -> np.ndarray:
    """Longitude, latitude of point rows; polygons give an inner point."""
    geoms = gdf.geometry
    missing = np.flatnonzero(geoms.isna().to_numpy() | geoms.is_empty.to_numpy())
    if len(missing):
        rows = ", ".join(str(i) for i in missing[:10])
        msg = _("{what} rows {rows} have no geometry; fix or remove them")
        msg = msg.format(what=_rows_of(what), rows=rows)
        raise InputError(msg)
    if not (geoms.geom_type == "Point").all():
        geoms = geoms.representative_point()
    return np.column_stack([geoms.x.to_numpy(), geoms.y.to_numpy()])


def _rows_of(what: str) -> str:
    """Whose rows `point_lonlat` names (``"demand"``, ``"lab"``, ``"candidate"``), translated."""
    words = {
        "demand": pgettext("whose rows", "demand"),
        "lab": pgettext("whose rows", "lab"),
        "candidate": pgettext("whose rows", "candidate"),
    }
    return words.get(what, what)


def district_names(districts: gpd.GeoDataFrame | None) -> dict[str, str] | None:
    """District id → name, or None without districts."""
    if districts is None or districts.empty or "district_id" not in districts:
        return None
    ids = districts["district_id"].astype(str).tolist()
    names = districts["name"].astype(str).tolist() if "name" in districts else ids
    return dict(zip(ids, names, strict=True))
