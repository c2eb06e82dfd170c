"""Spokes and hubs of a referral plan: which facilities they are, where they join the courier
network (the one placement rule of `ccgeo.analysis.placement`), and which hub each spoke sends to.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import geopandas as gpd
import numpy as np
import pandas as pd

from ccgeo.analysis.placement import place_labs
from ccgeo.errors import InputError
from ccgeo.i18n import _, pgettext
from ccgeo.labels import no_lab_text
from ccgeo.model.roads import mode_words
from ccgeo.network.routing import catchments, nearest_lab_times

if TYPE_CHECKING:
    import threading

    from ccgeo.model.facilities import Facilities
    from ccgeo.model.network import Network
    from ccgeo.model.settings import Snapping

#: What `plan_referral` takes as hubs: facility ids, ``(k, 2)`` lon/lat or a point GeoDataFrame.
HubsArg = Sequence[str] | np.ndarray | gpd.GeoDataFrame


@dataclass(frozen=True, eq=False)
class Sites:
    """Facilities tied to a network by `ccgeo.analysis.placement.place_labs`.

    Attributes
    ----------
    ids, names : object (n,)
        Facility ids and names, as text.
    node : int64 (n,)
        Network node of each site, -1 when it is left out.
    snap_m : float64 (n,)
        Metres from the site to its node (to the nearest road when left out).
    usable : bool (n,)
        On the network.
    reason : object (n,)
        Why a site is left out, or a caution (a site on a piece of road cut off from the main
        network); ``""`` otherwise.
    """

    ids: np.ndarray
    names: np.ndarray
    node: np.ndarray
    snap_m: np.ndarray
    usable: np.ndarray
    reason: np.ndarray


def place_sites(net: Network, table: gpd.GeoDataFrame, snapping: Snapping) -> Sites:
    """Tie the facilities of ``table`` (``facility_id``, ``name``, points) to ``net``."""
    placement = place_labs(net, table, snapping)
    placed = placement.table
    return Sites(
        placed["facility_id"].astype(str).to_numpy(dtype=object),
        placed["name"].astype(str).to_numpy(dtype=object),
        placement.nodes,
        placed["snap_m"].to_numpy(dtype=np.float64),
        placement.usable,
        placed["reason"].astype(str).to_numpy(dtype=object),
    )


@dataclass(eq=False)
class Assignment:
    """Spokes and hubs on the courier network, and the hub each spoke sends to.

    Attributes
    ----------
    hub_table, spoke_table : GeoDataFrame
        The hubs (`hub_table`) and spokes (`spoke_table`) chosen, EPSG:4326.
    hubs, spokes : Sites
        Where they join the courier network.
    hub_of : int64 (n_spokes,)
        Row of the hub each spoke sends to, -1 when none is reached.
    assigned_by : object (n_spokes,)
        ``"nearest"`` or ``"user"``.
    sample_seconds : float64 (n_spokes,)
        Courier time spoke → hub, seconds; ``inf`` without a route.
    reason : object (n_spokes,)
        Why a spoke cannot be served, ``""`` while it can; the courier planning adds its own.
    """

    hub_table: gpd.GeoDataFrame
    spoke_table: gpd.GeoDataFrame
    hubs: Sites
    spokes: Sites
    hub_of: np.ndarray
    assigned_by: np.ndarray
    sample_seconds: np.ndarray
    reason: np.ndarray

    @property
    def servable(self) -> np.ndarray:
        """Spokes with no reason against them."""
        return self.reason == ""


def assign_spokes(
    net: Network,
    hub_table: gpd.GeoDataFrame,
    spoke_table: gpd.GeoDataFrame,
    *,
    snapping: Snapping,
    assignment: str | Mapping[str, str],
    warnings: list[str],
    cancel: threading.Event | None = None,
) -> Assignment:
    """Place hubs and spokes on the courier network and send each spoke to a hub.

    Parameters
    ----------
    net
        The courier's road network.
    hub_table, spoke_table
        From `hub_table` and `spoke_table`.
    snapping
        The placement rule (its ``max_snap_m``, metres, is the farthest a facility may lie from
        a road).
    assignment
        ``"nearest"`` (the hub the sample reaches first) or spoke id → hub id for some spokes.
    warnings
        Hubs left out, or placed on a piece of road cut off from the main network, are added.
    cancel
        A `threading.Event` that cancels (`Cancelled`).

    Raises
    ------
    InputError
        If no hub lies on the network, or ``assignment`` names unknown spokes or hubs.
    """
    hubs = place_sites(net, hub_table, snapping)
    spokes = place_sites(net, spoke_table, snapping)
    noted = np.flatnonzero(hubs.reason != "")
    text = _("hub {id} ({name}): {reason}")
    warnings += [
        text.format(id=hubs.ids[i], name=hubs.names[i], reason=hubs.reason[i]) for i in noted
    ]
    if not hubs.usable.any():
        msg = _(
            "none of the {count} hubs lies within {max_snap_m:g} m of the {mode} roads; check "
            "their coordinates or the road file, or raise the maximum snap distance"
        ).format(count=len(hub_table), max_snap_m=snapping.max_snap_m, mode=mode_words(net.mode))
        raise InputError(msg)
    hub_of, assigned_by, seconds = _nearest_or_chosen(net, spokes, hubs, assignment, cancel)
    reason = np.where(spokes.usable, "", spokes.reason).astype(object)
    for i in np.flatnonzero(spokes.usable & ~np.isfinite(seconds)):
        if assigned_by[i] == "user":
            target = _("the chosen hub {id}").format(id=hubs.ids[hub_of[i]])
        else:
            target = _("any hub")
        reason[i] = _(
            "no {mode} road route from this spoke to {target}: it lies on a piece of the road "
            "network cut off from the hubs"
        ).format(mode=mode_words(net.mode), target=target)
    return Assignment(hub_table, spoke_table, hubs, spokes, hub_of, assigned_by, seconds, reason)


def _nearest_or_chosen(
    net: Network,
    spokes: Sites,
    hubs: Sites,
    assignment: str | Mapping[str, str],
    cancel: threading.Event | None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Hub row, how it was assigned and sample seconds (spoke → hub) of each spoke."""
    n = len(spokes.ids)
    used = np.flatnonzero(hubs.usable)
    near = nearest_lab_times(net, hubs.node[used], direction="to_lab", cancel=cancel)
    hub_of = np.full(n, -1, dtype=np.int64)
    seconds = np.full(n, np.inf)
    reached = np.zeros(n, dtype=bool)
    reached[spokes.usable] = near.lab[spokes.node[spokes.usable]] >= 0
    hub_of[reached] = used[near.lab[spokes.node[reached]]]
    seconds[reached] = near.seconds[spokes.node[reached]]
    by = np.full(n, "nearest", dtype=object)
    if isinstance(assignment, Mapping):
        chosen = _user_assignment(assignment, spokes, hubs)
        if chosen:
            rows = np.array(list(chosen), dtype=np.int64)
            targets = np.array([chosen[r] for r in rows], dtype=np.int64)
            by[rows] = "user"
            hub_of[rows] = targets
            # one search per chosen hub, to that hub only
            uniq, inv = np.unique(targets, return_inverse=True)
            catch = catchments(net, hubs.node[uniq], max_seconds=np.inf, direction="to_lab")
            for j in range(len(uniq)):
                sel = rows[(inv == j) & spokes.usable[rows]]
                seconds[sel] = seconds_at(*catch.for_lab(j), spokes.node[sel])
    elif assignment != "nearest":
        msg = _("`assignment` should be 'nearest' or a mapping spoke id → hub id, got {value!r}")
        msg = msg.format(value=assignment)
        raise InputError(msg)
    return hub_of, by, seconds


def _user_assignment(assignment: Mapping[str, str], spokes: Sites, hubs: Sites) -> dict[int, int]:
    spoke_pos = {s: i for i, s in enumerate(spokes.ids)}
    hub_pos = {h: i for i, h in enumerate(hubs.ids)}
    not_spoke = _("spoke {spoke!r} is not a spoke")
    problems = [not_spoke.format(spoke=s) for s in assignment if str(s) not in spoke_pos]
    not_hub = _("hub {hub!r} (for spoke {spoke!r}) is not a hub")
    problems += [
        not_hub.format(hub=h, spoke=s) for s, h in assignment.items() if str(h) not in hub_pos
    ]
    off_road = _("hub {hub!r} (for spoke {spoke!r}) is not on the road network")
    problems += [
        off_road.format(hub=h, spoke=s)
        for s, h in assignment.items()
        if str(h) in hub_pos and not hubs.usable[hub_pos[str(h)]]
    ]
    if problems:
        spoke_ids = (
            f"{', '.join(map(str, spokes.ids[:10]))}{' ...' if len(spokes.ids) > 10 else ''}"
        )
        hub_ids = f"{', '.join(map(str, hubs.ids[:10]))}{' ...' if len(hubs.ids) > 10 else ''}"
        msg = _("`assignment` cannot be used: {problems}. Spokes are {spokes}; hubs are {hubs}")
        raise InputError(msg.format(problems="; ".join(problems), spokes=spoke_ids, hubs=hub_ids))
    return {spoke_pos[str(s)]: hub_pos[str(h)] for s, h in assignment.items()}


def seconds_at(reach: np.ndarray, seconds: np.ndarray, nodes: np.ndarray) -> np.ndarray:
    """Seconds of ``nodes`` in a catchment (``reach`` sorted), ``inf`` where not reached."""
    out = np.full(len(nodes), np.inf)
    if len(reach) == 0:
        return out
    pos = np.minimum(np.searchsorted(reach, nodes), len(reach) - 1)
    hit = reach[pos] == nodes
    out[hit] = seconds[pos[hit]]
    return out


# -- choosing spokes and hubs ---------------------------------------------------------------------


def hub_table(
    facilities: Facilities,
    capability: str,
    quality: str,
    hubs: HubsArg | None,
    proposed: np.ndarray | gpd.GeoDataFrame | None,
) -> gpd.GeoDataFrame:
    """Hubs as ``facility_id``, ``name``, ``capacity_tests_per_year``, ``proposed``, geometry.

    Raises
    ------
    InputError
        If no facility can do the test (without ``hubs``), ``hubs`` names unknown ids, there is
        no hub at all, or a hub id is repeated.
    """
    cols = ["facility_id", "name", "capacity_tests_per_year", "geometry"]
    gdf = facilities.gdf
    if hubs is None:
        table = facilities.capable(capability, quality=quality).gdf[cols].assign(proposed=False)
        if table.empty and proposed is None:
            n_cap = int(gdf[capability].astype(bool).sum())
            raise InputError(
                no_lab_text(capability, quality, n_capable=n_cap, n_facilities=len(gdf))
            )
    elif isinstance(hubs, np.ndarray | gpd.GeoDataFrame):
        table = _point_table(hubs, prefix="hub")
    else:
        known = gdf["facility_id"].astype(str)
        ids = _known_ids("hubs", hubs, known)
        table = gdf.loc[known.isin(ids).to_numpy(), cols].assign(proposed=False)
    if proposed is not None:
        table = pd.concat([table, _point_table(proposed, prefix="proposed")], ignore_index=True)
    table = gpd.GeoDataFrame(table, geometry="geometry", crs="EPSG:4326").reset_index(drop=True)
    if table.empty:
        raise InputError(_("no hub given: `hubs` and `proposed_hubs` are both empty"))
    dup = table["facility_id"][table["facility_id"].duplicated()].tolist()
    if dup:
        msg = _("hub ids are repeated: {ids}; give each hub once")
        raise InputError(msg.format(ids=", ".join(map(str, dup))))
    return table


def _point_table(points: np.ndarray | gpd.GeoDataFrame, *, prefix: str) -> gpd.GeoDataFrame:
    if isinstance(points, gpd.GeoDataFrame):
        if points.crs is None:
            msg = _("the {which} points have no CRS; set EPSG:4326 for lon/lat")
            raise InputError(msg.format(which=_which_hubs(prefix)))
        pts = points.to_crs("EPSG:4326")
        if not (pts.geometry.geom_type == "Point").all():
            msg = _("the {which} hubs should be points, got {kinds}")
            raise InputError(msg.format(which=_which_hubs(prefix), kinds=set(pts.geom_type)))
        lonlat = np.column_stack([pts.geometry.x, pts.geometry.y])
        ids = (
            pts["facility_id"].astype(str).to_numpy()
            if "facility_id" in pts
            else np.array([f"{prefix}-{i + 1}" for i in range(len(pts))])
        )
        names = pts["name"].astype(str).to_numpy() if "name" in pts else ids
        cap = (
            pd.to_numeric(pts["capacity_tests_per_year"], errors="coerce").to_numpy(float)
            if "capacity_tests_per_year" in pts
            else np.full(len(pts), np.nan)
        )
    else:
        lonlat = np.asarray(points, dtype=np.float64).reshape(-1, 2)
        ids = np.array([f"{prefix}-{i + 1}" for i in range(len(lonlat))])
        names, cap = ids, np.full(len(lonlat), np.nan)
    bad = np.flatnonzero(~np.isfinite(lonlat).all(axis=1))
    if len(bad):
        msg = _("{which} hub rows {rows} have no valid lon/lat")
        raise InputError(msg.format(which=_which_hubs(prefix), rows=bad[:10].tolist()))
    return gpd.GeoDataFrame(
        {
            "facility_id": ids.astype(object),
            "name": names.astype(object),
            "capacity_tests_per_year": cap,
            "proposed": prefix == "proposed",
        },
        geometry=gpd.points_from_xy(lonlat[:, 0], lonlat[:, 1]),
        crs="EPSG:4326",
    )


def _which_hubs(prefix: str) -> str:
    """The hubs a `_point_table` reads (``"hub"``, ``"proposed"``), in the current language."""
    words = {
        "hub": pgettext("which hubs", "hub"),
        "proposed": pgettext("which hubs", "proposed"),
    }
    return words.get(prefix, prefix)


def spoke_table(
    facilities: Facilities, spokes: Sequence[str] | None, hub_ids: set[str], capability: str
) -> gpd.GeoDataFrame:
    """Spokes as ``facility_id``, ``name``, geometry: the ids given, or by default the facilities
    that take biopsies and are not hubs.

    Raises
    ------
    InputError
        If there is no spoke, ``spokes`` names unknown ids, or a spoke is also a hub.
    """
    gdf = facilities.gdf
    ids = gdf["facility_id"].astype(str)
    if spokes is None:
        mask = gdf["biopsy"].astype(bool).to_numpy() & ~ids.isin(hub_ids).to_numpy()
        if not mask.any():
            msg = _(
                "no facility sends samples to the {test} hubs: none that takes biopsies is left "
                "once the hubs are set (each is a hub itself, or none takes biopsies); tick "
                "'biopsy' for the facilities that take biopsies (Layer ▸ Attribute table, or the "
                "biopsy column of the facility file)"
            ).format(test=capability.upper())
            raise InputError(msg)
    else:
        wanted = _known_ids("spokes", spokes, ids)
        both = [s for s in wanted if s in hub_ids]
        if both:
            msg = _("facilities {ids} are both spokes and hubs; remove them from `spokes`")
            msg = msg.format(ids=", ".join(both))
            raise InputError(msg)
        if not wanted:
            raise InputError(_("`spokes` is empty; give at least one facility id"))
        mask = ids.isin(wanted).to_numpy()
    return gdf.loc[mask, ["facility_id", "name", "geometry"]].reset_index(drop=True)


def _known_ids(argument: str, given: Sequence[str], known: pd.Series) -> list[str]:
    """``given`` as text, once it is sure every id is in ``known``."""
    ids, known_ids = [str(f) for f in given], set(known)
    unknown = [f for f in ids if f not in known_ids]
    if unknown:
        msg = _(
            "`{argument}` names facility ids that are not in the facility layer: {ids}; use ids "
            "from its facility_id column"
        ).format(argument=argument, ids=", ".join(unknown))
        raise InputError(msg)
    return ids
