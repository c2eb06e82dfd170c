"""Access to capable labs: time to the nearest lab for every person, coverage by threshold and
district, underserved areas, isochrones, and a live what-if for adding, moving or removing hubs.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import geopandas as gpd
import numpy as np
import pandas as pd
from pyproj import CRS
from rasterio.transform import from_origin
from scipy import ndimage
from scipy.spatial import cKDTree

from ccgeo.analysis.placement import (
    LabPlacement,
    SnappedPoints,
    demand_frame,
    district_names,
    lab_nodes,
    place_labs,
    point_lonlat,
    snap_points,
)
from ccgeo.errors import InputError, check_cancel
from ccgeo.geo import project_lonlat
from ccgeo.i18n import N_, _, current_language, ngettext, relocalise
from ccgeo.io.population.districts import locate_in_districts
from ccgeo.labels import format_count, format_number, format_threshold
from ccgeo.model.demand import Demand, PopulationReport, unit_words
from ccgeo.model.facilities import Facilities
from ccgeo.model.settings import ANY_CAPABILITY, AccessSettings, Snapping, parse_thresholds
from ccgeo.network.isochrones import (
    DEFAULT_CELL_M,
    INCLUSIVE_TOLERANCE_S,
    isochrone_bands,
    polygons_of_classes,
)
from ccgeo.network.routing import IncrementalAccess, NearestLab, nearest_lab_times
from ccgeo.progress import ProgressCallback, report_progress, scaled_progress

if TYPE_CHECKING:
    import threading

    from ccgeo.model.network import Network

#: Demand status: a lab is reachable (at some time), no lab is reachable, or the point is farther
#: than the maximum snap distance from every road.
STATUSES: tuple[str, ...] = ("reached", "unreachable", "off_network")
_REACHED, _UNREACHABLE, _OFF_NETWORK = 0, 1, 2

#: ``district_id`` of the coverage rows of the whole study area.
CITY_ID = "ALL"
CITY_NAME = N_("whole study area")
#: Name of the coverage rows of people in no district (``district_id == ""``).
OUTSIDE_NAME = N_("outside every district")

#: Default coverage thresholds, minutes.
DEFAULT_THRESHOLDS_MINUTES: tuple[float, ...] = (30.0, 60.0, 120.0)

#: Largest grid of the underserved-area search; the cell grows to stay under it.
_MAX_UNDERSERVED_CELLS = 4_000_000
#: Cells of the underserved grid searched at once, between checks of Cancel.
_CELL_CHUNK = 1 << 19
#: Largest spacing of demand points without a cell size (a 1 km WorldPop grid fits), metres:
#: underserved places farther apart than 1.5 times this are never one area.
_MAX_POINT_SPACING_M = 1_500.0

COVERAGE_COLUMNS: tuple[str, ...] = (
    "district_id",
    "district_name",
    "threshold_min",
    "population",
    "covered",
    "share",
    "beyond",
    "unreachable",
    "off_network",
)


# -- the result ----------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class AccessResult:
    """Everything an access analysis found, as arrays and tables (no Qt objects).

    Attributes
    ----------
    network_summary : dict
        ``mode``, ``nodes``, ``arcs``, ``crs`` and ``connectivity`` (`Network.connectivity`).
    settings : dict
        ``capability``, ``quality``,
        ``thresholds_minutes``, ``underserved_minutes``, ``max_snap_m``, ``walk_kmh``,
        ``candidates``, ``mode``.
    labs : GeoDataFrame
        The labs given, EPSG:4326: ``facility_id``, ``name``, ``node`` (network node, -1 when
        unusable), ``snap_m`` (metres from the lab to that node), ``usable`` and ``reason``
        (why a lab is not used, or a caution). Times run to the lab's node; the lab's own walk
        from that node (``snap_m``) is not added.
    node_seconds : float64 (n_nodes,)
        Seconds from each network node to the nearest usable lab, ``inf`` where none.
    node_lab : int64 (n_nodes,)
        Row of ``labs`` reached from each node, -1 where none.
    demand : GeoDataFrame
        One row per demand point, EPSG:4326: ``demand_id``, ``population``, ``district_id``,
        ``seconds`` and ``minutes`` to the nearest lab (``inf`` unless reached), ``lab_id``
        (facility id of that lab, missing unless reached), ``status`` (one of `STATUSES`),
        ``snap_m`` (metres to the nearest road node) and ``geometry``.
    coverage : DataFrame
        One row per district and threshold, the whole area first (``district_id == "ALL"``):
        see `coverage_table`.
    underserved : GeoDataFrame
        Areas of people beyond ``settings["underserved_minutes"]``: see `underserved_areas`.
    isochrones : GeoDataFrame
        Band polygons merged over all labs (``band_min_from``, ``band_min_to``, ``area_km2``,
        ``geometry``), empty when not asked for.
    warnings : tuple of str
        What the planner should know (labs not used, off-network people, people outside the
        study area or not located, ...).
    population : PopulationReport or None
        Where every person of the population file went (`ccgeo.model.demand.PopulationReport`),
        with the people in no district and in overlaps as this analysis counted them.
    language : str
        The language of ``warnings`` (`shown_warnings` gives them in the current one).
    """

    network_summary: dict[str, Any]
    settings: dict[str, Any]
    labs: gpd.GeoDataFrame
    node_seconds: np.ndarray
    node_lab: np.ndarray
    demand: gpd.GeoDataFrame
    coverage: pd.DataFrame
    underserved: gpd.GeoDataFrame
    isochrones: gpd.GeoDataFrame
    warnings: tuple[str, ...] = field(default_factory=tuple)
    population: PopulationReport | None = None
    #: The language its warnings were written in (shown in another: `ccgeo.i18n.relocalise`).
    language: str = field(default_factory=current_language)

    def __post_init__(self) -> None:
        self.node_seconds.setflags(write=False)
        self.node_lab.setflags(write=False)

    def shown_warnings(self) -> list[str]:
        """The cautions in the current language (a map or report may be written in another
        language than the one of the run)."""
        return [relocalise(str(text), self.language) for text in self.warnings]

    def city_coverage(self) -> pd.DataFrame:
        """The rows of the whole study area, one per threshold."""
        return self.coverage[self.coverage["district_id"] == CITY_ID].reset_index(drop=True)

    def population_report(self) -> PopulationReport:
        """Where every person went (`population`), or the demand points as they are."""
        if self.population is not None:
            return self.population
        return PopulationReport.of_points(self.demand)

    def summary(self) -> dict[str, Any]:
        """The headline numbers, JSON-ready (plain floats and ints; NaN shares as None).

        Every person of the population file is in exactly one part of ``population_total``:
        for each threshold, ``covered + beyond + unreachable + off_network + outside_roads +
        not_located == population_total`` (people, summed in float64).

        Keys about people (all in people, floats)
        ------------------------------------------
        population_total
            The population file's total: every person with a usable count, wherever they live.
        population_analysed
            The people placed on the map and analysed (the demand points; the base of each
            ``coverage[i].share``): ``covered + beyond + unreachable + off_network``.
        coverage
            Per threshold: ``threshold_min``, ``covered`` (reach a lab within it), ``share``
            (covered / population_analysed; None without people) and ``beyond`` (reach one
            later).
        unreachable, off_network
            Analysed people who reach no lab, or live farther than the snap distance from
            every road.
        outside_roads
            People of the file outside the study area (the districts' union, else the roads'
            extent), left out of the analysis.
        not_located
            People in rows that could not be placed (no usable coordinates, a district name
            that matches no polygon).
        no_district
            Analysed people in no district (all of them without districts). District lines
            count analysed people only: the people of the districts (``coverage_by_district``)
            plus ``no_district`` make ``population_total - outside_roads - not_located``.
        in_overlaps
            Analysed people inside several overlapping districts: each counted once, in the
            district listed first (a part of the district lines, not an extra line).
        population_report
            `PopulationReport.to_dict`: ``file``, ``unit`` (rows, features, cells),
            ``rows_in_file``, ``people_in_file``, ``rows_with_people``, ``located_people``,
            people and rows of each part (``outside_*``, ``not_located_*``,
            ``no_district_*``, ``overlap_*``), ``counted_zero_rows`` and ``above_max_rows``
            (counts not usable, counted as 0), ``overlap_rule``, the reader's ``warnings``.
        """
        city = self.city_coverage()
        status = self.demand["status"].to_numpy()
        pop = self.demand["population"].to_numpy(dtype=float)
        usable = self.labs["usable"].to_numpy(dtype=bool)
        report = self.population_report()
        analysed = float(pop.sum())
        return {
            "mode": self.network_summary["mode"],
            "nodes": int(self.network_summary["nodes"]),
            "edges": int(self.network_summary["arcs"]),
            "crs": self.network_summary["crs"],
            "capability": self.settings.get("capability"),
            "quality": self.settings.get("quality"),
            "labs_given": len(self.labs),
            "labs_used": int(usable.sum()),
            "demand_points": len(self.demand),
            "population_total": analysed + report.outside_people + report.not_located_people,
            "population_analysed": analysed,
            "coverage": [
                {
                    "threshold_min": float(r.threshold_min),
                    "covered": float(r.covered),
                    "share": None if math.isnan(r.share) else float(r.share),
                    "beyond": float(r.beyond),
                }
                for r in city.itertuples(index=False)
            ],
            "unreachable": float(pop[status == "unreachable"].sum()),
            "off_network": float(pop[status == "off_network"].sum()),
            "outside_roads": float(report.outside_people),
            "not_located": float(report.not_located_people),
            "no_district": float(report.no_district_people),
            "in_overlaps": float(report.overlap_people),
            "underserved_minutes": self.settings.get("underserved_minutes"),
            "underserved_areas": len(self.underserved),
            "underserved_population": float(self.underserved["population"].sum()),
            "population_report": report.to_dict(),
            "warnings": list(self.warnings),
        }


# -- the analysis --------------------------------------------------------------------------------


def access(
    network: Network,
    labs: Facilities | gpd.GeoDataFrame | np.ndarray,
    demand: Demand | gpd.GeoDataFrame,
    settings: AccessSettings | None = None,
    *,
    districts: gpd.GeoDataFrame | None = None,
    isochrones: bool = True,
    isochrone_cell_m: float = DEFAULT_CELL_M,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> AccessResult:
    """Time from every person to the nearest capable lab, coverage, underserved areas, isochrones.

    Parameters
    ----------
    network
        The road network of the travel mode (`ccgeo.load_network`, or a project's network).
    labs
        `Facilities` (filtered here by ``settings.capability`` and ``settings.quality``, unless
        the capability is ``"any"``), or labs already chosen: points or ``(k, 2)`` lon/lat
        degrees. Labs are placed by `ccgeo.analysis.placement.place_labs`; labs left out are
        listed with the reason.
    demand
        Where people live (`Demand`, or a point GeoDataFrame with ``population``).
    settings
        Thresholds (minutes, inclusive: 60.0 min is within 60), test, quality and snapping;
        default `AccessSettings()`. Its travel mode is the network's: recorded, not used here.
    districts
        District polygons, for names, districts without people, and demand with no district.
    isochrones, isochrone_cell_m
        Whether to build the merged catchment bands, and their cell size in metres.
    progress, cancel
        ``progress(fraction, text)`` and a `threading.Event` that cancels (`Cancelled`).

    Raises
    ------
    InputError
        No demand, or labs or demand without usable coordinates.
    """
    settings = settings or AccessSettings()
    if isinstance(labs, Facilities) and settings.capability != ANY_CAPABILITY:
        labs = labs.capable(settings.capability, quality=settings.quality)
    check_cancel(cancel)
    report_progress(progress, 0.0, _("placing the labs on the network"))
    placement = place_labs(network, labs, settings.snapping, cancel=cancel)
    near, node_lab = _nearest_labs(network, placement, progress=progress, cancel=cancel)
    out_demand, coverage, population = _people(
        network, demand, districts, settings, near.seconds, node_lab, placement, progress, cancel
    )
    underserved, bands = _areas_and_bands(
        network,
        out_demand,
        near.seconds,
        settings,
        cell_size_m=getattr(demand, "cell_size_m", None),
        isochrones=isochrones,
        isochrone_cell_m=isochrone_cell_m,
        progress=progress,
        cancel=cancel,
    )
    check_cancel(cancel)
    report_progress(progress, 1.0, _("access analysis done"))
    return AccessResult(
        network_summary=_network_summary(network),
        settings=_settings_record(settings, network),
        labs=placement.table,
        node_seconds=np.asarray(near.seconds, dtype=np.float64).copy(),
        node_lab=node_lab,
        demand=out_demand,
        coverage=coverage,
        underserved=underserved,
        isochrones=bands,
        warnings=(
            *_warnings(placement, out_demand, network, settings.snapping),
            *_population_warnings(population, out_demand, districts=districts),
        ),
        population=population,
    )


def _settings_record(settings: AccessSettings, network: Network) -> dict[str, Any]:
    """The settings of a run as its result records them (with the network's mode)."""
    return {
        **settings.to_dict(),
        "mode": network.mode,
        "underserved_minutes": float(settings.underserved_minutes),
    }


def _areas_and_bands(
    network: Network,
    demand: gpd.GeoDataFrame,
    node_seconds: np.ndarray,
    settings: AccessSettings,
    *,
    cell_size_m: float | None,
    isochrones: bool,
    isochrone_cell_m: float,
    progress: ProgressCallback | None,
    cancel: threading.Event | None,
) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """The underserved areas and (when asked for) the catchment bands."""
    check_cancel(cancel)
    minutes = settings.underserved_minutes
    report_progress(
        progress, 0.3, _("areas beyond {minutes}").format(minutes=format_threshold(minutes))
    )
    underserved = underserved_areas(
        demand,
        threshold_minutes=minutes,
        crs=network.crs,
        cell_size_m=cell_size_m,
        progress=scaled_progress(progress, 0.3, 0.45),
        cancel=cancel,
    )
    if not isochrones:
        return underserved, _empty_bands()
    bands = isochrone_bands(
        network,
        node_seconds,
        settings.thresholds_minutes,
        cell_m=isochrone_cell_m,
        snapping=settings.snapping,
        progress=scaled_progress(progress, 0.45, 1.0),
        cancel=cancel,
    )
    return underserved, bands


def _nearest_labs(
    network: Network,
    placement: LabPlacement,
    *,
    progress: ProgressCallback | None,
    cancel: threading.Event | None,
) -> tuple[NearestLab, np.ndarray]:
    """Seconds from every node to the nearest placed lab, and that lab's row (-1: none)."""
    used = placement.used
    text = ngettext("time to the nearest of {n} labs", "time to the nearest of {n} labs", len(used))
    report_progress(progress, 0.05, text.format(n=len(used)))
    near = nearest_lab_times(network, placement.nodes[used], cancel=cancel)
    node_lab = np.full(network.n_nodes, -1, dtype=np.int64)
    reached = near.lab >= 0
    node_lab[reached] = used[near.lab[reached]]
    return near, node_lab


def _people(
    network: Network,
    demand: Demand | gpd.GeoDataFrame,
    districts: gpd.GeoDataFrame | None,
    settings: AccessSettings,
    node_seconds: np.ndarray,
    node_lab: np.ndarray,
    placement: LabPlacement,
    progress: ProgressCallback | None,
    cancel: threading.Event | None,
) -> tuple[gpd.GeoDataFrame, pd.DataFrame, PopulationReport]:
    """Every person's time to the nearest lab, the coverage table by district, and where every
    person of the population file went."""
    check_cancel(cancel)
    report_progress(progress, 0.15, _("placing the people on the network"))
    located, in_overlap = _located_in_districts(demand, districts)
    frame, code = _demand_times_frame(
        network,
        located,
        districts,
        settings.snapping,
        node_seconds,
        node_lab,
        placement,
        progress=scaled_progress(progress, 0.15, 0.25),
        cancel=cancel,
    )
    check_cancel(cancel)
    report_progress(progress, 0.25, _("coverage by threshold and district"))
    coverage = coverage_table(
        frame["seconds"].to_numpy(),
        frame["population"].to_numpy(),
        frame["district_id"].to_numpy(),
        settings.thresholds_minutes,
        status=code,
        district_names=district_names(districts),
    )
    return frame, coverage, _population_accounting(demand, frame, in_overlap)


def _demand_times_frame(
    network: Network,
    demand: Demand | gpd.GeoDataFrame,
    districts: gpd.GeoDataFrame | None,
    snapping: Snapping,
    node_seconds: np.ndarray,
    node_lab: np.ndarray,
    placement: LabPlacement,
    *,
    progress: ProgressCallback | None,
    cancel: threading.Event | None,
) -> tuple[gpd.GeoDataFrame, np.ndarray]:
    """Every demand point with its time to the nearest lab, that lab and its status."""
    gdf = demand_frame(demand, districts=districts)
    snapped = snap_points(
        network, point_lonlat(gdf, what="demand"), snapping, progress=progress, cancel=cancel
    )
    seconds, code, lab_row = _demand_times(snapped, node_seconds, node_lab)
    lab_ids = placement.table["facility_id"].to_numpy(dtype=object)
    if len(lab_ids):
        lab_id = np.where(lab_row >= 0, lab_ids[np.maximum(lab_row, 0)], None)
    else:
        lab_id = np.full(len(seconds), None, dtype=object)
    frame = gpd.GeoDataFrame(
        {
            "demand_id": gdf["demand_id"].to_numpy(),
            "population": gdf["population"].to_numpy(dtype=float),
            "district_id": gdf["district_id"].to_numpy(dtype=object),
            "seconds": seconds,
            "minutes": seconds / 60.0,
            "lab_id": lab_id,
            "status": np.asarray(STATUSES, dtype=object)[code],
            "snap_m": snapped.snap_m,
        },
        geometry=gdf.geometry.to_numpy(),
        crs="EPSG:4326",
    )
    return frame, code


def _network_summary(network: Network) -> dict[str, Any]:
    return {
        "mode": network.mode,
        "nodes": network.n_nodes,
        "arcs": network.n_edges,
        "crs": network.crs.to_string(),
        "connectivity": network.connectivity(),
    }


def _empty_bands() -> gpd.GeoDataFrame:
    """An isochrone table with no bands (when isochrones were not asked for)."""
    data = {c: np.empty(0) for c in ("band_min_from", "band_min_to", "area_km2")}
    return gpd.GeoDataFrame(data, geometry=gpd.GeoSeries([], crs="EPSG:4326"))


# -- coverage ------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class _CoverageIndex:
    """What a coverage table needs besides the times, prepared once (districts coded)."""

    population: np.ndarray
    district_code: np.ndarray
    district_ids: np.ndarray
    district_labels: np.ndarray
    thresholds_min: np.ndarray
    limits_s: np.ndarray
    city_only: bool = False

    @classmethod
    def build(
        cls,
        population: np.ndarray,
        district_ids: np.ndarray | Sequence[str] | None,
        thresholds_minutes: Sequence[float],
        district_names: Mapping[str, str] | None,
    ) -> _CoverageIndex:
        pop = np.asarray(population, dtype=np.float64)
        n = len(pop)
        if not np.isfinite(pop).all() or (pop < 0).any():
            bad = int(np.flatnonzero(~(np.isfinite(pop) & (pop >= 0)))[0])
            msg = _("population should be 0 or more people; demand row {row} holds {value!r}")
            msg = msg.format(row=bad, value=pop[bad])
            raise InputError(msg)
        try:
            thresholds = np.asarray(parse_thresholds(thresholds_minutes), dtype=np.float64)
        except InputError as exc:
            raise InputError(f"`thresholds_minutes`: {exc}") from None
        city_only = district_ids is None
        if district_ids is None:
            district_ids = np.full(n, "", dtype=object)
        if isinstance(district_ids, pd.Categorical):
            codes, present = (
                district_ids.codes.astype(np.int64),
                np.asarray(district_ids.categories, dtype=object),
            )
            if (codes < 0).any():
                msg = _(
                    "district ids hold missing values; use '' for people outside every district"
                )
                raise InputError(msg)
        else:
            codes, present = pd.factorize(np.asarray(district_ids, dtype=object))
            present = np.asarray(present, dtype=object)
        if len(codes) != n:
            msg = _("{ids} district ids for {n} demand points; give one per point")
            msg = msg.format(ids=len(codes), n=n)
            raise InputError(msg)
        # districts in the order of `district_names`, then the others sorted, "" (outside) last
        names = dict(district_names or {})
        order = list(names)
        order_set = set(order)
        extra = sorted(str(d) for d in present if str(d) not in order_set and str(d) != "")
        has_outside = any(str(d) == "" for d in present)
        ids = np.array([*order, *extra, *([""] if has_outside else [])], dtype=object)
        pos = {d: i for i, d in enumerate(ids)}
        remap = np.array([pos[str(d)] for d in present], dtype=np.int64)
        outside = _(OUTSIDE_NAME)
        labels = np.array([names.get(d, outside if d == "" else d) for d in ids], dtype=object)
        return cls(
            pop,
            remap[codes] if n else np.zeros(0, dtype=np.int64),
            ids,
            labels,
            thresholds,
            thresholds * 60.0 + INCLUSIVE_TOLERANCE_S,
            city_only,
        )

    def table(self, seconds: np.ndarray, status: np.ndarray | None) -> pd.DataFrame:
        """The coverage table of these times (see `coverage_table`)."""
        secs = np.asarray(seconds, dtype=np.float64)
        n = len(self.population)
        if secs.shape != (n,):
            msg = _("{shape} seconds for {n} demand points; give one time per point")
            msg = msg.format(shape=secs.shape, n=n)
            raise InputError(msg)
        return self.table_of_cells(self.cells(secs, _status_codes(status, n)))

    def cells(
        self, secs: np.ndarray, code: np.ndarray, rows: np.ndarray | None = None
    ) -> np.ndarray:
        """Cell of each point (all, or ``rows``) in the district × bucket table: ``district *
        (n_t + 3) + bucket``, the bucket being ``0..n_t - 1`` the first threshold the point
        meets, ``n_t`` beyond all, ``n_t + 1`` unreachable, ``n_t + 2`` off-network."""
        n, n_t = len(secs), len(self.thresholds_min)
        finite = np.isfinite(secs)
        if n_t <= 16:
            # a few comparisons beat a binary search of unsorted values several times over
            bucket = np.zeros(n, dtype=np.int64)
            for limit in self.limits_s:
                bucket += secs > limit
        else:
            bucket = np.searchsorted(self.limits_s, secs, side="left")
        bucket[~finite | (code == _UNREACHABLE)] = n_t + 1
        bucket[code == _OFF_NETWORK] = n_t + 2
        district = self.district_code if rows is None else self.district_code[rows]
        return district * (n_t + 3) + bucket

    def table_of_cells(self, cell: np.ndarray) -> pd.DataFrame:
        """The coverage table of the points' `cells`: one weighted bincount, so the sums are
        the same whichever points' cells were last updated."""
        n_t, m = len(self.thresholds_min), len(self.district_ids)
        width = n_t + 3
        counts = np.bincount(cell, weights=self.population, minlength=m * width)
        counts = counts.reshape(m, width)
        counts = np.vstack([counts.sum(axis=0, keepdims=True), counts])
        if self.city_only:
            counts = counts[:1]
        covered = np.cumsum(counts[:, :n_t], axis=1)
        reached = counts[:, : n_t + 1].sum(axis=1, keepdims=True)
        population = counts.sum(axis=1, keepdims=True)
        with np.errstate(invalid="ignore", divide="ignore"):
            share = np.where(population > 0, covered / population, np.nan)
        rows = len(counts)
        ids = np.concatenate([[CITY_ID], self.district_ids]).astype(object)[:rows]
        labels = np.concatenate([[_(CITY_NAME)], self.district_labels]).astype(object)[:rows]
        return pd.DataFrame(
            {
                "district_id": np.repeat(ids, n_t),
                "district_name": np.repeat(labels, n_t),
                "threshold_min": np.tile(self.thresholds_min, rows),
                "population": np.repeat(population[:, 0], n_t),
                "covered": covered.ravel(),
                "share": share.ravel(),
                "beyond": (reached - covered).ravel(),
                "unreachable": np.repeat(counts[:, n_t + 1], n_t),
                "off_network": np.repeat(counts[:, n_t + 2], n_t),
            }
        )


def coverage_table(
    seconds: np.ndarray,
    population: np.ndarray,
    district_ids: np.ndarray | Sequence[str] | None,
    thresholds_minutes: Sequence[float],
    *,
    status: np.ndarray | None = None,
    district_names: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """People within each travel-time threshold, for the whole area and each district.

    Coverage is ``Cov(T) = sum(P_i * [T_i <= T]) / sum(P_i)``, inclusive: a time of exactly
    ``T`` minutes is within ``T`` (times within `INCLUSIVE_TOLERANCE_S` above count as at it,
    so floating-point sums never lose the last minute). Vectorised: one ``np.bincount``.

    Parameters
    ----------
    seconds
        ``(n,)`` time from each demand point to the nearest lab, seconds; ``inf`` unreachable.
    population
        ``(n,)`` people at each point.
    district_ids
        ``(n,)`` district id of each point (``""`` outside every district), or a
        ``pandas.Categorical`` of them (faster), or None for the whole-area rows only.
    thresholds_minutes
        Thresholds, minutes (sorted and deduplicated here).
    status
        ``(n,)`` status of each point, names of `STATUSES` or their codes 0/1/2; None derives
        ``reached``/``unreachable`` from the times. An ``off_network`` point is counted as such
        whatever its time.
    district_names
        District id → name, in the order the rows should follow; districts listed here appear
        even with no people.

    Returns
    -------
    DataFrame
        One row per (district, threshold), the whole area first with ``district_id`` "ALL":
        ``district_id``, ``district_name``, ``threshold_min``, ``population``, ``covered``
        (people within the threshold), ``share`` (covered / population; NaN with no people),
        ``beyond`` (reach a lab, but later), ``unreachable`` (no lab reachable), ``off_network``
        (too far from a road). ``covered + beyond + unreachable + off_network == population``.
    """
    index = _CoverageIndex.build(population, district_ids, thresholds_minutes, district_names)
    return index.table(seconds, status)


def _status_codes(status: np.ndarray | None, n: int) -> np.ndarray:
    if status is None:
        return np.zeros(n, dtype=np.int8)
    arr = np.asarray(status)
    if arr.shape != (n,):
        msg = _("{shape} statuses for {n} demand points; give one per point")
        msg = msg.format(shape=arr.shape, n=n)
        raise InputError(msg)
    if np.issubdtype(arr.dtype, np.integer):
        if len(arr) and (arr.min() < 0 or arr.max() > 2):
            msg = _("status codes should be 0 (reached), 1 (unreachable) or 2 (off_network)")
            raise InputError(msg)
        return arr.astype(np.int8)
    if isinstance(status, pd.Categorical):
        lookup = pd.Index(STATUSES).get_indexer(status.categories)
        codes = np.where(status.codes >= 0, lookup[status.codes], -1)
    else:
        codes = np.full(n, -1, dtype=np.int64)
        for i, name in enumerate(STATUSES):
            codes[arr == name] = i
    if (codes < 0).any():
        bad = arr[codes < 0][0]
        msg = _("status should be one of {statuses}, got {bad!r}")
        msg = msg.format(statuses=", ".join(STATUSES), bad=bad)
        raise InputError(msg)
    return codes.astype(np.int8)


# -- underserved areas ---------------------------------------------------------------------------


def underserved_areas(
    demand_gdf_with_seconds: gpd.GeoDataFrame,
    *,
    threshold_minutes: float,
    crs: CRS | str,
    cell_size_m: float | None = None,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> gpd.GeoDataFrame:
    """Areas where people are beyond a threshold, dissolved and ranked by population.

    Every demand point beyond the threshold (unreachable and off-network ones included) is laid
    on a grid of half the demand's own spacing (at most `_MAX_POINT_SPACING_M` without a cell
    size, so that places far apart stay separate areas); each cell takes the point nearest its
    centre (within 0.75 spacing, so square and hexagonal grids tile without gaps and places
    without people stay out); the marked cells are joined by 8-connectivity (`scipy.ndimage.label`),
    people summed per area with ``np.bincount``, and the areas polygonized.

    Parameters
    ----------
    demand_gdf_with_seconds
        Demand points (any CRS) with ``population`` and ``seconds`` (``inf`` unreachable), and
        optionally ``status`` (see `STATUSES`) and ``minutes``.
    threshold_minutes
        People above this many minutes are underserved (a time equal to it is served).
    crs
        Projected CRS in metres for the grid (the network's UTM zone).
    cell_size_m
        Spacing of the demand (raster cell size), metres; default the median distance from
        each point to its nearest neighbour.
    progress, cancel
        ``progress(fraction, text)`` and a `threading.Event`.

    Returns
    -------
    GeoDataFrame
        In EPSG:4326, ranked by population (largest first): ``rank`` (1 = most people),
        ``population``, ``area_km2``, ``n_points``, ``unreachable_population``,
        ``off_network_population``, ``median_minutes`` and ``min_minutes`` (nearest-lab time of
        the area's points, ``inf`` when unreachable), ``nearest_lab`` (the median as text, or
        "unreachable"), ``threshold_min``, ``geometry``.
    """
    crs = _underserved_crs(demand_gdf_with_seconds, threshold_minutes, crs)
    gdf = demand_gdf_with_seconds
    secs = gdf["seconds"].to_numpy(dtype=np.float64)
    code = _status_codes(gdf["status"].to_numpy() if "status" in gdf else None, len(gdf))
    code = np.where((code == _REACHED) & ~np.isfinite(secs), _UNREACHABLE, code)
    beyond = (code != _REACHED) | (secs > threshold_minutes * 60.0 + INCLUSIVE_TOLERANCE_S)
    n_beyond = int(beyond.sum())
    text = ngettext(
        "{n} demand points beyond the threshold", "{n} demand points beyond the threshold", n_beyond
    )
    report_progress(progress, 0.0, text.format(n=n_beyond))
    if not beyond.any():
        return _underserved_frame([], threshold_minutes)
    check_cancel(cancel)
    grid = _UnderservedGrid.mark(_projected_xy(gdf, crs), beyond, cell_size_m, cancel=cancel)
    check_cancel(cancel)
    report_progress(progress, 0.4, _("joining neighbouring cells into areas"))
    labels, n_areas = ndimage.label(grid.marked, structure=np.ones((3, 3), int))
    check_cancel(cancel)
    text = ngettext("outlining {n} underserved areas", "outlining {n} underserved areas", n_areas)
    report_progress(progress, 0.7, text.format(n=n_areas))
    rows = _area_rows(
        grid,
        labels,
        n_areas,
        population=gdf["population"].to_numpy(dtype=np.float64),
        seconds=secs,
        code=code,
        crs=crs,
    )
    text = ngettext("{n} underserved areas", "{n} underserved areas", n_areas)
    report_progress(progress, 1.0, text.format(n=n_areas))
    return _underserved_frame(rows, threshold_minutes)


def _underserved_crs(demand: gpd.GeoDataFrame, threshold_minutes: float, crs: CRS | str) -> CRS:
    """The projected CRS of `underserved_areas`, once its inputs are checked (`InputError`)."""
    crs = CRS.from_user_input(crs)
    if not crs.is_projected:
        msg = _("underserved areas need a projected CRS in metres, got {crs}")
        raise InputError(msg.format(crs=crs.to_string()))
    if not (threshold_minutes > 0 and math.isfinite(threshold_minutes)):
        msg = _("`threshold_minutes` should be positive minutes, got {value!r}")
        raise InputError(msg.format(value=threshold_minutes))
    for column in ("population", "seconds"):
        if column not in demand.columns:
            msg = _("the demand lacks the `{column}` column; run the access analysis first")
            raise InputError(msg.format(column=column))
    return crs


@dataclass(frozen=True, eq=False)
class _UnderservedGrid:
    """Cells of half the demand's spacing marked where people beyond the threshold live."""

    marked: np.ndarray  # bool (rows, cols)
    west: float
    north: float
    cell: float
    point_cell: np.ndarray  # cell of each demand point (flat index)
    beyond: np.ndarray  # bool per demand point

    @classmethod
    def mark(
        cls,
        xy: np.ndarray,
        beyond: np.ndarray,
        cell_size_m: float | None,
        *,
        cancel: threading.Event | None = None,
    ) -> _UnderservedGrid:
        """Each cell takes the point nearest its centre (within 0.75 spacing, so square and
        hexagonal grids tile without gaps and places without people stay out); every point
        beyond also marks its own cell, so none is lost to the grid. The cells are searched
        `_CELL_CHUNK` at a time between checks of ``cancel``."""
        tree = cKDTree(xy)
        spacing = _spacing(tree, xy, cell_size_m)
        cell = spacing / 2.0
        lo, hi = xy.min(axis=0) - spacing, xy.max(axis=0) + spacing
        width, height = hi - lo
        if (width / cell) * (height / cell) > _MAX_UNDERSERVED_CELLS:
            cell = math.sqrt(width * height / _MAX_UNDERSERVED_CELLS)
        cols, rows = math.ceil(width / cell), math.ceil(height / cell)
        west, north = float(lo[0]), float(lo[1] + rows * cell)
        xs = west + cell * (np.arange(cols) + 0.5)
        ys = north - cell * (np.arange(rows) + 0.5)
        marked = np.zeros(rows * cols, dtype=bool)
        for lo in range(0, rows * cols, _CELL_CHUNK):
            check_cancel(cancel)
            cell_i = np.arange(lo, min(rows * cols, lo + _CELL_CHUNK))
            centres = np.column_stack([xs[cell_i % cols], ys[cell_i // cols]])
            _, owner = tree.query(centres, k=1, distance_upper_bound=0.75 * spacing)
            owner = np.asarray(owner, dtype=np.int64)
            owned = owner < len(xy)
            marked[cell_i[owned]] = beyond[owner[owned]]
        pt_row = np.clip(((north - xy[:, 1]) / cell).astype(np.int64), 0, rows - 1)
        pt_col = np.clip(((xy[:, 0] - west) / cell).astype(np.int64), 0, cols - 1)
        point_cell = pt_row * cols + pt_col
        marked[point_cell[beyond]] = True
        return cls(marked.reshape(rows, cols), west, north, cell, point_cell, beyond)


def _area_rows(
    grid: _UnderservedGrid,
    labels: np.ndarray,
    n_areas: int,
    *,
    population: np.ndarray,
    seconds: np.ndarray,
    code: np.ndarray,
    crs: CRS,
) -> list[dict[str, Any]]:
    """One row per area, largest population first: people summed with ``np.bincount``, the
    outline polygonised from the labelled grid."""
    idx = np.flatnonzero(grid.beyond)
    area_of = labels.ravel()[grid.point_cell[idx]] - 1
    pop = population[idx]
    people = np.bincount(area_of, weights=pop, minlength=n_areas)
    n_points = np.bincount(area_of, minlength=n_areas)
    unreachable = np.bincount(area_of, weights=pop * (code[idx] == _UNREACHABLE), minlength=n_areas)
    off = np.bincount(area_of, weights=pop * (code[idx] == _OFF_NETWORK), minlength=n_areas)
    cells = np.bincount(labels.ravel(), minlength=n_areas + 1)[1:]
    minutes = np.where(code[idx] == _REACHED, seconds[idx] / 60.0, np.inf)
    median, minimum = _group_median_min(area_of, minutes, n_areas)
    # largest population first; ties keep grid order, so the ranking is deterministic
    order = np.argsort(-people, kind="stable")
    rank_of = np.full(n_areas + 1, -1, dtype=np.int32)
    rank_of[order + 1] = np.arange(n_areas)
    cell = grid.cell
    geoms = polygons_of_classes(
        rank_of[labels],
        from_origin(grid.west, grid.north, cell, cell),
        crs=crs,
        simplify_m=cell / 2,
    )
    return [
        {
            "rank": r + 1,
            "population": float(people[a]),
            "area_km2": float(cells[a] * cell * cell / 1e6),
            "n_points": int(n_points[a]),
            "unreachable_population": float(unreachable[a]),
            "off_network_population": float(off[a]),
            "median_minutes": float(median[a]),
            "min_minutes": float(minimum[a]),
            "nearest_lab": f"{median[a]:.0f} min" if np.isfinite(median[a]) else _("unreachable"),
            "geometry": geoms[r],
        }
        for r, a in enumerate(order)
    ]


_UNDERSERVED_COLUMNS = {
    "rank": "int64",
    "population": "float64",
    "area_km2": "float64",
    "n_points": "int64",
    "unreachable_population": "float64",
    "off_network_population": "float64",
    "median_minutes": "float64",
    "min_minutes": "float64",
    "nearest_lab": "object",
    "threshold_min": "float64",
}


def _underserved_frame(rows: list[dict[str, Any]], threshold: float) -> gpd.GeoDataFrame:
    if not rows:
        data = {c: np.empty(0, dtype=t) for c, t in _UNDERSERVED_COLUMNS.items()}
        return gpd.GeoDataFrame(data, geometry=gpd.GeoSeries([], crs="EPSG:4326"))
    gdf = gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")
    gdf["threshold_min"] = float(threshold)
    return gdf[[*_UNDERSERVED_COLUMNS, "geometry"]]


def _group_median_min(
    group: np.ndarray, values: np.ndarray, n_groups: int
) -> tuple[np.ndarray, np.ndarray]:
    """Median and minimum of ``values`` per group (``inf`` stays ``inf``), vectorised."""
    order = np.lexsort((values, group))
    g, v = group[order], values[order]
    counts = np.bincount(g, minlength=n_groups)
    start = np.zeros(n_groups, dtype=np.int64)
    np.cumsum(counts[:-1], out=start[1:])
    lo = start + (counts - 1) // 2
    hi = start + counts // 2
    a, b = v[lo], v[hi]
    # the mean of two infinities is inf, of a finite value and inf is inf: both as intended
    median = np.where(a == b, a, (a + b) / 2.0)
    return median, v[start]


def _spacing(tree: cKDTree, xy: np.ndarray, cell_size_m: float | None) -> float:
    """Typical distance between demand points, metres.

    The raster's cell when given; else the median distance from each point to its nearest
    neighbour, at most `_MAX_POINT_SPACING_M`: a few scattered places (two villages, district
    centres) are not a grid, and their distance apart must not become the cell that joins
    them into one area.
    """
    if cell_size_m is not None and cell_size_m > 0 and math.isfinite(cell_size_m):
        return float(cell_size_m)
    if len(xy) < 2:
        return 100.0  # one point: any cell size outlines it; 100 m reads as a block
    dist, _ = tree.query(xy, k=2)
    nearest = dist[:, 1]
    nearest = nearest[nearest > 0]
    return min(float(np.median(nearest)), _MAX_POINT_SPACING_M) if len(nearest) else 100.0


# -- what-if -------------------------------------------------------------------------------------


class AccessWhatIf:
    """Live what-if on an access result: add, move, remove or upgrade labs, get new coverage.

    Each change is one bounded Dijkstra (`ccgeo.network.routing.IncrementalAccess`) plus the
    demand times and a coverage table, all vectorised; the numbers equal a full `access` run
    with the changed set of labs.

    Labs are numbered as in `labs`: the usable labs of the result first (in its order), then
    each added hub or upgraded facility. A removed lab keeps its number.

    Parameters
    ----------
    network
        The network the result was computed on.
    result
        A baseline `AccessResult`.
    facilities
        All facilities (not only the capable ones), so that `upgrade` can find a facility that
        is not yet a lab.
    progress, cancel
        For the baseline search.
    """

    def __init__(
        self,
        network: Network,
        result: AccessResult,
        *,
        facilities: Facilities | None = None,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> None:
        if result.network_summary["nodes"] != network.n_nodes or len(result.node_seconds) != (
            network.n_nodes
        ):
            msg = _("the access result was computed on another network; run the analysis again")
            raise InputError(msg)
        self.network = network
        self.result = result
        self.facilities = facilities
        settings = result.settings
        self.snapping = _run_snapping(result)
        self._snapped: SnappedPoints = snap_points(
            network, point_lonlat(result.demand, what="demand"), self.snapping, cancel=cancel
        )
        cov = result.coverage
        districts = cov.loc[cov["district_id"] != CITY_ID, ["district_id", "district_name"]]
        names = dict(districts.drop_duplicates("district_id").itertuples(index=False))
        self._index = _CoverageIndex.build(
            result.demand["population"].to_numpy(),
            result.demand["district_id"].to_numpy(dtype=object),
            settings["thresholds_minutes"],
            {k: v for k, v in names.items() if k != ""},
        )
        usable = result.labs[result.labs["usable"].to_numpy(dtype=bool)]
        self._base_entries = [
            {
                "lab_id": str(row.facility_id),
                "name": str(row.name),
                "kind": "existing",
                "node": int(row.node),
                "lon": float(row.geometry.x),
                "lat": float(row.geometry.y),
            }
            for row in usable.itertuples(index=False)
        ]
        self._incremental = IncrementalAccess(
            network,
            usable["node"].to_numpy(dtype=np.int64),
            progress=progress,
            cancel=cancel,
        )
        self.reset()

    @classmethod
    def from_inputs(
        cls,
        network: Network,
        labs: Facilities | gpd.GeoDataFrame | np.ndarray,
        demand: Demand | gpd.GeoDataFrame,
        settings: AccessSettings | None = None,
        *,
        facilities: Facilities | None = None,
        districts: gpd.GeoDataFrame | None = None,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> AccessWhatIf:
        """Run `access` (without isochrones) and start a what-if on it."""
        result = access(
            network,
            labs,
            demand,
            settings,
            districts=districts,
            isochrones=False,
            progress=progress,
            cancel=cancel,
        )
        return cls(network, result, facilities=facilities)

    # -- state ---------------------------------------------------------------------------------

    def reset(self) -> pd.DataFrame:
        """Back to the baseline labs; returns the baseline coverage."""
        self._entries = [dict(e) for e in self._base_entries]
        self._hubs = 0
        return self._update(self._incremental.reset(snapshot=False))

    @property
    def labs(self) -> pd.DataFrame:
        """The current labs: ``lab_id``, ``name``, ``kind`` (existing, hub, upgrade), ``node``,
        ``lon``, ``lat``, ``open``; the row number is the lab number of `remove_hub`."""
        frame = pd.DataFrame(
            self._entries, columns=["lab_id", "name", "kind", "node", "lon", "lat"]
        )
        frame["open"] = self._incremental.lab_nodes >= 0 if len(frame) else []
        return frame

    def coverage(self) -> pd.DataFrame:
        """The coverage table of the current labs (same layout as `coverage_table`)."""
        return self._coverage.copy()

    def demand_seconds(self) -> np.ndarray:
        """Seconds from each demand point to the nearest current lab (``inf`` unless reached)."""
        return self._seconds.copy()

    def node_seconds(self) -> np.ndarray:
        """Seconds from each network node to the nearest current lab."""
        return self._near.seconds.copy()

    def point_times(self, lonlat: np.ndarray) -> pd.DataFrame:
        """Time from any points to the nearest current lab (added hubs and upgrades included,
        closed labs not): the `point_times` table, by the rule of the baseline's people."""
        labs = self.labs
        return _point_times(
            self.network,
            self.snapping,
            lonlat,
            (self._near.seconds, self._near.lab),
            (labs["lab_id"].to_numpy(dtype=object), labs["name"].to_numpy(dtype=object)),
        )

    # -- changes -------------------------------------------------------------------------------

    def add_hub(
        self, lon: float, lat: float, *, hub_id: str | None = None, name: str | None = None
    ) -> pd.DataFrame:
        """Open a new lab at ``lon``, ``lat`` (degrees); returns the new coverage table.

        Raises
        ------
        InputError
            If the place is farther than the maximum snap distance from every road.
        """
        node = self._place(lon, lat, what=_("the new hub"))
        self._hubs += 1
        hub_id = hub_id or f"hub-{self._hubs}"
        self._entries.append(
            {
                "lab_id": hub_id,
                "name": name or hub_id,
                "kind": "hub",
                "node": node,
                "lon": float(lon),
                "lat": float(lat),
            }
        )
        return self._update(self._incremental.add_hub(node, snapshot=False))

    def remove_hub(self, i: int) -> pd.DataFrame:
        """Close lab number ``i`` (an existing lab or an added hub); returns the new coverage."""
        self._check_lab(i)
        return self._update(self._incremental.remove_hub(i, snapshot=False))

    def move_hub(self, i: int, lon: float, lat: float) -> pd.DataFrame:
        """Move lab number ``i`` to ``lon``, ``lat`` (degrees); returns the new coverage."""
        self._check_lab(i)
        node = self._place(lon, lat, what=_("lab {i}").format(i=i))
        self._entries[i].update(node=node, lon=float(lon), lat=float(lat))
        return self._update(self._incremental.move_hub(i, node, snapshot=False))

    def upgrade(self, facility_id: str) -> pd.DataFrame:
        """A facility gains the capability and becomes a lab; returns the new coverage.

        Raises
        ------
        InputError
            If no facilities were given, the id is unknown, or the facility is already a lab.
        """
        if self.facilities is None:
            msg = _("upgrading needs the facility layer: create the what-if with `facilities=`")
            raise InputError(msg)
        fid = str(facility_id)
        open_ids = {e["lab_id"] for e, o in zip(self._entries, self.labs["open"], strict=True) if o}
        if fid in open_ids:
            msg = _("facility {id!r} is already a lab in this scenario; pick another facility")
            msg = msg.format(id=fid)
            raise InputError(msg)
        gdf = self.facilities.gdf
        match = gdf[gdf["facility_id"].astype(str) == fid]
        if match.empty:
            msg = _("no facility has the id {id!r}; check the facility layer's facility_id column")
            msg = msg.format(id=fid)
            raise InputError(msg)
        point = match.geometry.iloc[0]
        node = self._place(point.x, point.y, what=_("facility {id}").format(id=fid))
        self._entries.append(
            {
                "lab_id": fid,
                "name": str(match["name"].iloc[0]),
                "kind": "upgrade",
                "node": node,
                "lon": float(point.x),
                "lat": float(point.y),
            }
        )
        return self._update(self._incremental.upgrade(node, snapshot=False))

    # -- internals -----------------------------------------------------------------------------

    def _place(self, lon: float, lat: float, *, what: str) -> int:
        lonlat = np.array([[lon, lat]], dtype=np.float64)
        if not np.isfinite(lonlat).all():
            msg = _("{what}: longitude {lon!r}, latitude {lat!r} is not a place; give degrees")
            msg = msg.format(what=what, lon=lon, lat=lat)
            raise InputError(msg)
        nodes, _snap_m, reasons = lab_nodes(self.network, lonlat, self.snapping.max_snap_m)
        if nodes[0] < 0:
            reason = reasons[0]
            msg = _("{what} at {lon:.5f}, {lat:.5f}: {reason}; place it nearer a road")
            msg = msg.format(what=what, lon=lon, lat=lat, reason=reason)
            raise InputError(msg)
        return int(nodes[0])

    def _check_lab(self, i: int) -> None:
        if not (0 <= i < len(self._entries)) or self._incremental.lab_nodes[i] < 0:
            msg = _("lab {i} is not an open lab; open labs are numbered 0..{last}")
            msg = msg.format(i=i, last=len(self._entries) - 1)
            raise InputError(msg)

    def _update(self, near: NearestLab) -> pd.DataFrame:
        """New coverage after a change: only the people at the nodes it touched get new times."""
        self._near = near
        changed = self._incremental.changed
        if len(changed) == len(near.seconds):  # everything (a reset)
            self._seconds, _best = self._snapped.seconds_via(near.seconds)
            self._cell = self._index.cells(self._seconds, self._codes(self._seconds))
        else:
            rows = self._snapped.rows_at(changed)
            seconds, _best = self._snapped.seconds_via(near.seconds, rows)
            self._seconds[rows] = seconds
            self._cell[rows] = self._index.cells(seconds, self._codes(seconds, rows), rows)
        self._coverage = self._index.table_of_cells(self._cell)
        return self._coverage.copy()

    def _codes(self, seconds: np.ndarray, rows: np.ndarray | None = None) -> np.ndarray:
        """Status codes of points with these times (all points, or ``rows``)."""
        code = np.where(np.isfinite(seconds), _REACHED, _UNREACHABLE).astype(np.int8)
        off = self._snapped.off_network
        code[off if rows is None else off[rows]] = _OFF_NETWORK
        return code


# -- helpers -------------------------------------------------------------------------------------


def _projected_xy(gdf: gpd.GeoDataFrame, crs: CRS) -> np.ndarray:
    lonlat = point_lonlat(gdf if gdf.crs is None else gdf.to_crs("EPSG:4326"), what="demand")
    return project_lonlat(lonlat, crs)


def _demand_times(
    snapped: SnappedPoints, node_seconds: np.ndarray, node_lab: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Seconds, status code and lab row of each demand point."""
    seconds, best = snapped.seconds_via(node_seconds)
    off = snapped.off_network
    code = np.where(np.isfinite(seconds), _REACHED, _UNREACHABLE).astype(np.int8)
    code[off] = _OFF_NETWORK
    node = snapped.best_node(best)
    lab = np.where(code == _REACHED, node_lab[np.maximum(node, 0)], -1)
    return seconds, code, lab


def point_times(network: Network, result: AccessResult, lonlat: np.ndarray) -> pd.DataFrame:
    """Time from any points to the nearest lab of ``result``, by the rule of its people.

    Each point is placed on the network as the demand points were (`snap_points` with the
    run's snapping, then `SnappedPoints.seconds_via` the run's node times), so a point where
    someone lives gets exactly that person's time.

    Parameters
    ----------
    network
        The network ``result`` was computed on (its travel mode).
    result
        An access result.
    lonlat
        ``(n, 2)`` longitude, latitude in degrees.

    Returns
    -------
    DataFrame
        One row per point: ``seconds`` and ``minutes`` (``inf`` unless a lab is reached),
        ``status`` (one of `STATUSES`), ``lab_id`` and ``lab_name`` (None unless reached),
        ``snap_m`` (metres to the nearest road node) and ``max_snap_m`` (the run's limit).
    """
    labs = result.labs
    return _point_times(
        network,
        _run_snapping(result),
        lonlat,
        (result.node_seconds, result.node_lab),
        (labs["facility_id"].to_numpy(dtype=object), labs["name"].to_numpy(dtype=object)),
    )


def _run_snapping(result: AccessResult) -> Snapping:
    """The snapping rule an access run used, from its settings record."""
    settings = result.settings
    return Snapping(
        max_snap_m=float(settings["max_snap_m"]),
        walk_kmh=float(settings["walk_kmh"]),
        candidates=int(settings["candidates"]),
    )


def _point_times(
    network: Network,
    snapping: Snapping,
    lonlat: np.ndarray,
    node_times: tuple[np.ndarray, np.ndarray],
    lab_names: tuple[np.ndarray, np.ndarray],
) -> pd.DataFrame:
    """The `point_times` table of ``lonlat`` from the nodes' ``(seconds, lab row)`` and the
    labs' ``(ids, names)`` by lab row."""
    snapped = snap_points(network, np.asarray(lonlat, dtype=np.float64), snapping)
    seconds, code, lab_row = _demand_times(snapped, *node_times)
    ids, names = lab_names
    reached = lab_row >= 0
    at = np.maximum(lab_row, 0)
    empty = np.full(len(seconds), None, dtype=object)
    return pd.DataFrame(
        {
            "seconds": seconds,
            "minutes": seconds / 60.0,
            "status": np.asarray(STATUSES, dtype=object)[code],
            "lab_id": np.where(reached, ids[at], None) if len(ids) else empty,
            "lab_name": np.where(reached, names[at], None) if len(names) else empty,
            "snap_m": snapped.snap_m,
            "max_snap_m": snapping.max_snap_m,
        }
    )


def _located_in_districts(
    demand: Demand | gpd.GeoDataFrame, districts: gpd.GeoDataFrame | None
) -> tuple[Demand | gpd.GeoDataFrame, np.ndarray | None]:
    """The demand with its districts, found here when its points have none yet, and then the
    mask of the points in overlapping districts (None when the reader found the districts:
    its report counts the overlaps)."""
    gdf = demand.gdf if isinstance(demand, Demand) else demand
    if (
        districts is None
        or districts.empty
        or not isinstance(gdf, gpd.GeoDataFrame)
        or gdf.crs is None
        or len(gdf) == 0
    ):
        return demand, None
    if "district_id" in gdf and (gdf["district_id"].fillna("").astype(str) != "").any():
        return demand, None
    located = locate_in_districts(gdf, districts)
    out = gdf.copy()
    out["district_id"] = located.ids
    return out, located.in_overlap


def _population_accounting(
    demand: Demand | gpd.GeoDataFrame, frame: gpd.GeoDataFrame, in_overlap: np.ndarray | None
) -> PopulationReport:
    """The reader's report of the demand, with the people in no district and in overlaps as
    the analysed points hold them."""
    if isinstance(demand, Demand):
        report = demand.population_report
    else:
        report = PopulationReport.of_points(frame)
    pop = frame["population"].to_numpy(dtype=np.float64)
    none = (frame["district_id"] == "").to_numpy()
    overlaps = (report.overlap_people, report.overlap_rows)
    if in_overlap is not None:
        overlaps = (float(pop[in_overlap].sum()), int(in_overlap.sum()))
    return report.with_districts(
        no_district=(float(pop[none].sum()), int(none.sum())), overlaps=overlaps
    )


def _population_warnings(
    report: PopulationReport, frame: gpd.GeoDataFrame, *, districts: gpd.GeoDataFrame | None
) -> list[str]:
    """What the planner should know about the people who are not analysed, or not in one
    district; every part is a line of the summary."""
    unit = unit_words(report.unit)
    out = []
    if report.outside_people > 0:
        text = _(
            "{people} people ({rows} {unit}) of the population file live outside the study area "
            "(beyond the roads' extent or the districts); they are not analysed and are counted "
            "as outside the roads"
        )
        rows = format_count(report.outside_rows)
        out.append(text.format(people=format_number(report.outside_people), rows=rows, unit=unit))
    if report.not_located_people > 0:
        text = _(
            "{people} people ({rows} {unit}) could not be placed on the map (no usable "
            "coordinates, or no matching district); they are counted as not located"
        )
        rows = format_count(report.not_located_rows)
        people = format_number(report.not_located_people)
        out.append(text.format(people=people, rows=rows, unit=unit))
    if districts is not None and not districts.empty and report.no_district_people > 0:
        text = _(
            "{people} analysed people ({rows} points) lie in no district; they are counted as "
            "outside every district"
        )
        rows = format_count(report.no_district_rows)
        out.append(text.format(people=format_number(report.no_district_people), rows=rows))
    if report.overlap_people > 0:
        text = _(
            "{people} people ({rows} points) live inside several overlapping districts; {rule}"
        )
        rows, rule = format_count(report.overlap_rows), _(report.overlap_rule)
        out.append(text.format(people=format_number(report.overlap_people), rows=rows, rule=rule))
    analysed = float(frame["population"].sum())
    if abs(analysed - report.located_people) > 0.5 and report.people_in_file > 0:
        text = _(
            "the population file placed {placed} people on the map but the analysis counts "
            "{analysed}: the demand was changed after it was read; the totals count the analysed "
            "people"
        )
        placed = format_number(report.located_people)
        out.append(text.format(placed=placed, analysed=format_number(analysed)))
    return out


def _warnings(
    placement: LabPlacement, demand: gpd.GeoDataFrame, network: Network, snapping: Snapping
) -> list[str]:
    max_snap_m = snapping.max_snap_m
    out = []
    if len(placement) == 0:
        out.append(_("no lab was given: every person counts as unreachable"))
    elif not placement.usable.any():
        out.append(_("no lab lies near the road network: every person counts as unreachable"))
    left_out = placement.warning()
    if left_out:
        out.append(left_out)
    status = demand["status"].to_numpy()
    pop = demand["population"].to_numpy(dtype=float)
    for name in ("off_network", "unreachable"):
        mask = status == name
        if mask.any():
            n = int(mask.sum())
            text = _status_warning(name, n).format(
                people=format_number(pop[mask].sum()), n=n, max_snap_m=max_snap_m
            )
            out.append(text)
    connectivity = network.connectivity()
    if connectivity["nodes_cannot_reach_main"]:
        out.append(connectivity["message"])
    return out


def _status_warning(status: str, n: int) -> str:
    """The line of a summary about the ``n`` demand points off the network or unreachable."""
    if status == "off_network":
        return ngettext(
            "{people} people at {n} demand points are more than {max_snap_m:g} m from any road "
            "(off-network); they are counted as such in every table",
            "{people} people at {n} demand points are more than {max_snap_m:g} m from any road "
            "(off-network); they are counted as such in every table",
            n,
        )
    return ngettext(
        "{people} people at {n} demand points have no route to any lab (unreachable); they are "
        "counted as such in every table",
        "{people} people at {n} demand points have no route to any lab (unreachable); they are "
        "counted as such in every table",
        n,
    )
