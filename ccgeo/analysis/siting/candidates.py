"""Candidate sites for new hubs: facilities to upgrade, a grid over the underserved areas, sites
placed by the user; their checks, and the whole candidate layer of a siting run.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ccgeo.analysis.access import underserved_areas
from ccgeo.analysis.placement import demand_frame, place_labs, point_lonlat, snap_points
from ccgeo.errors import InputError
from ccgeo.geo import local_utm_crs, unproject_xy
from ccgeo.i18n import _, ngettext
from ccgeo.labels import format_count
from ccgeo.model.settings import CANDIDATE_SOURCES
from ccgeo.network.routing import nearest_lab_times

if TYPE_CHECKING:
    import threading

    from ccgeo.model.demand import Demand
    from ccgeo.model.facilities import Facilities
    from ccgeo.model.network import Network
    from ccgeo.model.settings import SitingSettings, Snapping

#: Where candidate sites come from: facilities to upgrade, a grid over underserved areas, the user.
CANDIDATE_KINDS: tuple[str, ...] = CANDIDATE_SOURCES
#: Columns of a candidate layer (EPSG:4326).
CANDIDATE_COLUMNS: tuple[str, ...] = (
    "candidate_id",
    "name",
    "kind",
    "capacity_tests_per_year",
    "geometry",
)
#: Default spacing of grid candidates, metres.
DEFAULT_GRID_SPACING_M = 1_000.0
#: Most points a candidate grid may hold before a larger spacing is asked for.
_MAX_GRID_POINTS = 50_000_000


def candidate_frame(
    ids: Sequence[str],
    names: Sequence[str],
    kind: str,
    capacity: Sequence[float] | np.ndarray,
    lonlat: np.ndarray,
) -> gpd.GeoDataFrame:
    """A candidate layer (`CANDIDATE_COLUMNS`, EPSG:4326) from its columns and lon/lat."""
    lonlat = np.asarray(lonlat, dtype=np.float64).reshape(-1, 2)
    return gpd.GeoDataFrame(
        {
            "candidate_id": np.asarray([str(i) for i in ids], dtype=object),
            "name": np.asarray([str(n) for n in names], dtype=object),
            "kind": np.full(len(lonlat), kind, dtype=object),
            "capacity_tests_per_year": np.asarray(capacity, dtype=np.float64),
        },
        geometry=gpd.points_from_xy(lonlat[:, 0], lonlat[:, 1]),
        crs="EPSG:4326",
    )


def unplaced_candidates(ids: Sequence[str], names: Sequence[str] | None = None) -> gpd.GeoDataFrame:
    """Candidates known only by id (the columns of a cost matrix): no place, no capacity."""
    ids = [str(i) for i in ids]
    names = ids if names is None else [str(n) for n in names]
    frame = candidate_frame(
        ids, names, "user", np.full(len(ids), np.nan), np.full((len(ids), 2), np.nan)
    )
    frame["geometry"] = None
    return frame


def candidates_from_facilities(
    fac: Facilities,
    capability: str,
    *,
    quality: str = "any",
    exclude: Iterable[str] = (),
) -> gpd.GeoDataFrame:
    """Facilities that do not yet count as labs for ``capability``: candidates for an upgrade.

    Parameters
    ----------
    fac
        All facilities.
    capability
        The test the new hubs will do (one of `ccgeo.model.CAPABILITIES`).
    quality
        The quality filter of the labs that count (a lab with the capability but without the
        quality is a candidate too: upgrading it means bringing it to the standard).
    exclude
        Facility ids that must not be chosen (a planner's veto).

    Returns
    -------
    GeoDataFrame
        `CANDIDATE_COLUMNS` in EPSG:4326, ``kind == "upgrade"``, ``candidate_id`` the facility id,
        ``capacity_tests_per_year`` from the facility (NaN when unknown).
    """
    gdf = fac.gdf
    capable_ids = set(fac.capable(capability, quality=quality).gdf["facility_id"].astype(str))
    excluded = {str(e) for e in exclude}
    ids = gdf["facility_id"].astype(str).to_numpy()
    keep = ~np.isin(ids, list(capable_ids | excluded))
    sub = gdf.loc[keep]
    return candidate_frame(
        sub["facility_id"].astype(str).tolist(),
        sub["name"].astype(str).tolist(),
        "upgrade",
        sub["capacity_tests_per_year"].to_numpy(dtype=np.float64),
        np.column_stack([sub.geometry.x.to_numpy(), sub.geometry.y.to_numpy()]),
    )


def candidates_grid(
    areas_gdf: gpd.GeoDataFrame,
    *,
    spacing_m: float = DEFAULT_GRID_SPACING_M,
    prefix: str = "grid",
) -> gpd.GeoDataFrame:
    """A square grid of candidate sites over polygons (underserved areas, say).

    Grid points sit on multiples of ``spacing_m`` in the local UTM zone (so the same areas always
    give the same points); an area too small to hold a grid point gets one site at an inner point,
    so that no underserved pocket is left without a candidate.

    Parameters
    ----------
    areas_gdf
        Polygons in any CRS.
    spacing_m
        Distance between grid points, metres.
    prefix
        Ids are ``f"{prefix}-1"``, ``f"{prefix}-2"``, ...

    Returns
    -------
    GeoDataFrame
        `CANDIDATE_COLUMNS` in EPSG:4326, ``kind == "grid"``, capacity NaN.
    """
    if not (spacing_m > 0 and math.isfinite(spacing_m)):
        msg = _("`spacing_m` should be a positive distance in metres, got {value!r}")
        msg = msg.format(value=spacing_m)
        raise InputError(msg)
    if areas_gdf.crs is None:
        msg = _("the areas have no CRS; set it (EPSG:4326 for longitude/latitude)")
        raise InputError(msg)
    areas = areas_gdf[~(areas_gdf.geometry.isna() | areas_gdf.geometry.is_empty)]
    if areas.empty:
        return candidate_frame([], [], "grid", [], np.empty((0, 2)))
    lonlat_areas = areas.to_crs("EPSG:4326")
    centre = lonlat_areas.geometry.union_all().centroid
    utm = local_utm_crs(centre.x, centre.y)
    pts = _grid_points(lonlat_areas.to_crs(utm).geometry.to_numpy(), spacing_m)
    lonlat = unproject_xy(pts, utm) if len(pts) else np.empty((0, 2))
    ids = [f"{prefix}-{i + 1}" for i in range(len(lonlat))]
    name = _("grid site {n} ({lon:.4f}, {lat:.4f})")
    names = [name.format(n=i + 1, lon=lo, lat=la) for i, (lo, la) in enumerate(lonlat)]
    return candidate_frame(ids, names, "grid", np.full(len(lonlat), np.nan), lonlat)


def _grid_points(polys: np.ndarray, spacing_m: float) -> np.ndarray:
    """Grid points (metres) inside the polygons, plus an inner point of each polygon missed."""
    west, south, east, north = shapely.total_bounds(polys)
    xs = np.arange(math.floor(west / spacing_m), math.ceil(east / spacing_m) + 1) * spacing_m
    ys = np.arange(math.floor(south / spacing_m), math.ceil(north / spacing_m) + 1) * spacing_m
    if len(xs) * len(ys) > _MAX_GRID_POINTS:
        msg = _(
            "a {spacing_m:g} m grid over these areas would hold {points} points; use a larger "
            "`grid_spacing_m`"
        ).format(spacing_m=spacing_m, points=format_count(len(xs) * len(ys)))
        raise InputError(msg)
    gx, gy = np.meshgrid(xs, ys)
    gx, gy = gx.ravel(), gy.ravel()
    union = shapely.union_all(polys)
    inside = shapely.contains_xy(union, gx, gy)
    pts = np.column_stack([gx[inside], gy[inside]])
    # small areas that caught no grid point still get one site
    covered = _areas_with_points(polys, pts)
    lonely = polys[~covered]
    if len(lonely):
        inner = shapely.get_coordinates(shapely.point_on_surface(lonely))
        pts = np.vstack([pts, inner]) if len(pts) else inner
    return pts


def _areas_with_points(polys: np.ndarray, pts: np.ndarray) -> np.ndarray:
    """Whether each polygon holds at least one of the points (STRtree query)."""
    out = np.zeros(len(polys), dtype=bool)
    if len(pts) == 0:
        return out
    tree = shapely.STRtree(shapely.points(pts))
    hit = tree.query(polys, predicate="contains")
    out[np.unique(hit[0])] = True
    return out


def candidates_from_points(
    lonlat: np.ndarray,
    ids: Sequence[str],
    *,
    names: Sequence[str] | None = None,
    capacity_tests_per_year: Sequence[float] | None = None,
) -> gpd.GeoDataFrame:
    """Candidate sites the user placed on the map.

    Parameters
    ----------
    lonlat
        ``(k, 2)`` longitude, latitude in degrees (EPSG:4326).
    ids
        One unique id per site.
    names
        Display names (default the ids).
    capacity_tests_per_year
        Capacity of each site if it opened, tests per year (default unknown).

    Returns
    -------
    GeoDataFrame
        `CANDIDATE_COLUMNS` in EPSG:4326, ``kind == "user"``.
    """
    pts = np.asarray(lonlat, dtype=np.float64)
    if pts.size == 0:
        pts = pts.reshape(0, 2)
    if pts.ndim != 2 or pts.shape[1] != 2:
        msg = _("`lonlat` should be a (k, 2) array of longitude, latitude, got shape {shape}")
        msg = msg.format(shape=pts.shape)
        raise InputError(msg)
    if len(ids) != len(pts):
        msg = _("{ids} ids for {sites} sites; give one id per site")
        msg = msg.format(ids=len(ids), sites=len(pts))
        raise InputError(msg)
    bad = np.flatnonzero(~np.isfinite(pts).all(axis=1) | (np.abs(pts[:, 1]) > 90))
    if len(bad):
        msg = _("sites {ids} have no valid longitude/latitude; place them again")
        msg = msg.format(ids=[str(ids[i]) for i in bad[:10]])
        raise InputError(msg)
    names = list(ids) if names is None else list(names)
    cap = np.full(len(pts), np.nan) if capacity_tests_per_year is None else capacity_tests_per_year
    return candidate_frame(list(ids), names, "user", cap, pts)


def check_candidates(candidates: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """A candidate layer checked (columns, CRS, unique ids) and put in EPSG:4326.

    Raises
    ------
    InputError
        Not a GeoDataFrame, a column of `CANDIDATE_COLUMNS` missing, no CRS, or repeated ids.
    """
    if not isinstance(candidates, gpd.GeoDataFrame):
        msg = _(
            "candidates should be a GeoDataFrame from candidates_from_facilities, candidates_grid "
            "or candidates_from_points, got {kind}"
        ).format(kind=type(candidates).__name__)
        raise InputError(msg)
    missing = [c for c in CANDIDATE_COLUMNS if c != "geometry" and c not in candidates]
    if missing:
        msg = _("the candidate layer lacks the columns {missing}; build it with candidates_*")
        msg = msg.format(missing=missing)
        raise InputError(msg)
    if candidates.crs is None:
        msg = _("the candidate sites have no CRS; set it (EPSG:4326 for longitude/latitude)")
        raise InputError(msg)
    gdf = candidates.to_crs("EPSG:4326") if candidates.crs.to_epsg() != 4326 else candidates
    ids = gdf["candidate_id"].astype(str)
    dup = ids[ids.duplicated()].unique().tolist()
    if dup:
        msg = _("candidate ids must be unique; {ids} appear more than once").format(ids=dup[:8])
        raise InputError(msg)
    return gdf.reset_index(drop=True)


# -- the candidate layer of a siting run ---------------------------------------------------------


def gather_candidates(
    net: Network,
    demand: Demand | gpd.GeoDataFrame,
    facilities: Facilities,
    settings: SitingSettings,
    *,
    user_sites: gpd.GeoDataFrame | None,
    districts: gpd.GeoDataFrame | None,
    cancel: threading.Event | None,
) -> tuple[gpd.GeoDataFrame, list[str]]:
    """The candidate sites of ``settings.sources``, less the excluded ones, and what to know.

    ``upgrade``: facilities lacking the test (`candidates_from_facilities`); ``grid``: a grid
    over the areas beyond ``settings.minutes`` of the existing labs; ``user``: ``user_sites``
    (`candidates_from_points`). Sites without a capacity take ``settings.hub_capacity``.

    Raises
    ------
    InputError
        ``user`` asked without ``user_sites``, or no candidate left.
    """
    warnings: list[str] = []
    if "user" in settings.sources and user_sites is None:
        msg = _(
            "the candidate sources include 'user' (sites placed on the map) but no user sites "
            "were given; pass `user_sites` (built with candidates_from_points) or drop 'user' "
            "from `sources`"
        )
        raise InputError(msg)
    if "user" not in settings.sources and user_sites is not None:
        text = ngettext(
            "{count} sites placed on the map are not used: `sources` ({sources}) does not "
            "include 'user'",
            "{count} sites placed on the map are not used: `sources` ({sources}) does not "
            "include 'user'",
            len(user_sites),
        )
        sources = ", ".join(settings.sources)
        warnings.append(text.format(count=len(user_sites), sources=sources))
    parts: list[gpd.GeoDataFrame] = []
    for source in settings.sources:
        if source == "upgrade":
            parts.append(
                candidates_from_facilities(
                    facilities, settings.capability, quality=settings.quality
                )
            )
        elif source == "grid":
            labs = facilities.capable(settings.capability, quality=settings.quality)
            areas = _underserved(net, demand, labs, settings, districts=districts, cancel=cancel)
            parts.append(candidates_grid(areas, spacing_m=settings.grid_spacing_m))
        elif user_sites is not None:
            parts.append(check_candidates(user_sites))
    cands = pd.concat(parts, ignore_index=True)
    cands = gpd.GeoDataFrame(cands, geometry="geometry", crs="EPSG:4326")
    cands = _without_excluded(cands, settings.exclude, warnings)
    return _with_hub_capacity(cands, settings, warnings), warnings


def _without_excluded(
    cands: gpd.GeoDataFrame, exclude: Iterable[str], warnings: list[str]
) -> gpd.GeoDataFrame:
    excluded = {str(e) for e in exclude}
    unknown = excluded - set(cands["candidate_id"].astype(str))
    if unknown:
        text = _("excluded ids not among the candidates: {ids}")
        warnings.append(text.format(ids=", ".join(sorted(unknown))))
    return cands[~cands["candidate_id"].astype(str).isin(excluded)].reset_index(drop=True)


def _with_hub_capacity(
    cands: gpd.GeoDataFrame, settings: SitingSettings, warnings: list[str]
) -> gpd.GeoDataFrame:
    """Sites without a capacity take ``settings.hub_capacity``; none left is an error."""
    if settings.hub_capacity is not None:
        cap = cands["capacity_tests_per_year"].to_numpy(dtype=np.float64)
        cands["capacity_tests_per_year"] = np.where(
            np.isnan(cap), float(settings.hub_capacity), cap
        )
    if settings.capacity and cands["capacity_tests_per_year"].isna().any():
        count = int(cands["capacity_tests_per_year"].isna().sum())
        text = ngettext(
            "{count} candidate sites have no capacity and count as unlimited; set `hub_capacity`",
            "{count} candidate sites have no capacity and count as unlimited; set `hub_capacity`",
            count,
        )
        warnings.append(text.format(count=count))
    if cands.empty:
        msg = _(
            "no candidate site is left for {capability} (every facility is already a lab or "
            "excluded); add grid candidates or your own sites"
        ).format(capability=settings.capability)
        raise InputError(msg)
    return cands


def _underserved(
    net: Network,
    demand: Demand | gpd.GeoDataFrame,
    labs: Facilities,
    settings: SitingSettings,
    *,
    districts: gpd.GeoDataFrame | None,
    cancel: threading.Event | None,
) -> gpd.GeoDataFrame:
    """Areas beyond ``settings.minutes`` of the existing labs: where grid candidates go."""
    snapping: Snapping = settings.snapping
    gdf = demand_frame(demand, districts=districts)
    snapped = snap_points(net, point_lonlat(gdf, what="demand"), snapping)
    placement = place_labs(net, labs, snapping)
    near = nearest_lab_times(net, placement.nodes[placement.used], cancel=cancel)
    seconds, _best = snapped.seconds_via(near.seconds)
    status = np.where(np.isfinite(seconds), "reached", "unreachable").astype(object)
    status[snapped.off_network] = "off_network"
    frame = gdf.assign(seconds=seconds, status=status)
    cell = getattr(demand, "cell_size_m", None)
    return underserved_areas(
        frame, threshold_minutes=settings.minutes, crs=net.crs, cell_size_m=cell, cancel=cancel
    )
