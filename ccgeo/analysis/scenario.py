"""Scenarios applied to data: the facility layer as a scenario has it, coverage changes, and who
gains or loses access from one scenario to another."""

from __future__ import annotations

import math
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd

from ccgeo.analysis.access import CITY_ID
from ccgeo.analysis.placement import point_lonlat
from ccgeo.errors import InputError
from ccgeo.i18n import _
from ccgeo.labels import format_gain_loss
from ccgeo.model.facilities import Facilities, quality_mask
from ccgeo.model.scenario import Scenario
from ccgeo.model.schema import CAPABILITIES
from ccgeo.network.isochrones import INCLUSIVE_TOLERANCE_S

#: What happens to a demand point's access from scenario A to B, by code of
#: `AccessDifference.change`: it gains access within the threshold, loses it, or keeps it as it was.
CHANGES: tuple[str, ...] = ("gain", "loss", "unchanged")


def facilities_with_scenario(
    facilities: Facilities, scenario: Scenario, *, capability: str
) -> Facilities:
    """The facility layer as the scenario would have it.

    Upgrades are applied, closed labs lose ``capability``, and the scenario's new hubs are added
    as facilities. A planned hub or upgrade is taken to meet the quality standard of the analysis
    (as the live what-if counts it): where its own EQA or accreditation would fail a quality filter,
    they are set to international EQA and ISO 15189, and the column ``scenario_change``
    (``"new hub"``, ``"upgraded"`` or ``""``) says which rows the scenario made or changed.
    """
    gdf = facilities.gdf.copy()
    ids = gdf["facility_id"].astype(str).to_numpy()
    gdf["scenario_change"] = ""
    for fid, caps in scenario.upgrades.items():
        rows = ids == str(fid)
        for cap in caps:
            gdf.loc[rows, cap] = True
        gdf.loc[rows, "scenario_change"] = "upgraded"
    if capability in CAPABILITIES:
        gdf.loc[np.isin(ids, [str(f) for f in scenario.removed]), capability] = False
    if scenario.added_hubs:
        new_hub = _("New hub {n}")
        hubs = Facilities.from_records(
            {
                "facility_id": str(h.get("hub_id") or f"hub-{i + 1}"),
                "name": str(h.get("name") or h.get("hub_id") or new_hub.format(n=i + 1)),
                "lon": float(h["lon"]),
                "lat": float(h["lat"]),
                **dict.fromkeys(h.get("capabilities") or [capability], True),
                "scenario_change": "new hub",
            }
            for i, h in enumerate(scenario.added_hubs)
        ).gdf
        gdf = pd.concat([gdf, hubs[[c for c in hubs.columns if c in gdf.columns]]])
        gdf = gdf.reset_index(drop=True)
    planned = (gdf["scenario_change"] != "").to_numpy()
    gdf.loc[planned & ~quality_mask(gdf, "international_eqa"), "eqa"] = "international"
    gdf.loc[planned & ~quality_mask(gdf, "accredited"), "accreditation"] = "iso15189"
    return Facilities(gpd.GeoDataFrame(gdf, geometry="geometry", crs="EPSG:4326"))


def coverage_delta(base: pd.DataFrame, now: pd.DataFrame) -> pd.DataFrame:
    """Change of the whole area's coverage from ``base`` to ``now`` (coverage tables), one row per
    threshold: ``threshold_min``, ``population``, ``baseline_covered``, ``covered``, ``gained``,
    ``baseline_share``, ``share``, ``share_change``."""
    b = base[base["district_id"] == CITY_ID].reset_index(drop=True)
    c = now[now["district_id"] == CITY_ID].reset_index(drop=True)
    return pd.DataFrame(
        {
            "threshold_min": c["threshold_min"].to_numpy(),
            "population": c["population"].to_numpy(),
            "baseline_covered": b["covered"].to_numpy(),
            "covered": c["covered"].to_numpy(),
            "gained": c["covered"].to_numpy() - b["covered"].to_numpy(),
            "baseline_share": b["share"].to_numpy(),
            "share": c["share"].to_numpy(),
            "share_change": c["share"].to_numpy() - b["share"].to_numpy(),
        }
    )


@dataclass(frozen=True, eq=False)
class AccessDifference:
    """Who gains and who loses access to a lab within a threshold from scenario A to scenario B.

    Attributes
    ----------
    threshold_minutes : float
        The threshold, minutes (inclusive: a time of exactly the threshold is within it).
    lonlat : float64 (n, 2)
        Longitude, latitude of each demand point, degrees (EPSG:4326).
    population : float64 (n,)
        People at each demand point.
    within_a, within_b : bool (n,)
        Whether each point reaches a lab within the threshold in A, and in B.
    """

    threshold_minutes: float
    lonlat: np.ndarray
    population: np.ndarray
    within_a: np.ndarray
    within_b: np.ndarray

    @property
    def gained(self) -> np.ndarray:
        """Points within the threshold in B and not in A."""
        return self.within_b & ~self.within_a

    @property
    def lost(self) -> np.ndarray:
        """Points within the threshold in A and not in B."""
        return self.within_a & ~self.within_b

    @property
    def change(self) -> np.ndarray:
        """Code of each point in `CHANGES`: 0 gains access, 1 loses it, 2 unchanged (int8)."""
        code = np.full(len(self.population), 2, dtype=np.int8)
        code[self.gained] = 0
        code[self.lost] = 1
        return code

    def _people(self, mask: np.ndarray) -> float:
        return float(self.population[mask].sum())

    @property
    def people_gained(self) -> float:
        """People who reach a lab within the threshold in B but not in A."""
        return self._people(self.gained)

    @property
    def people_lost(self) -> float:
        """People who reach a lab within the threshold in A but not in B."""
        return self._people(self.lost)

    @property
    def people_within_both(self) -> float:
        """People within the threshold in both scenarios."""
        return self._people(self.within_a & self.within_b)

    @property
    def people_beyond_both(self) -> float:
        """People beyond the threshold (or unable to reach a lab) in both scenarios."""
        return self._people(~self.within_a & ~self.within_b)

    @property
    def population_total(self) -> float:
        """Everyone counted: the people of every demand point."""
        return float(self.population.sum())

    @property
    def covered_a(self) -> float:
        """People within the threshold in A."""
        return self._people(self.within_a)

    @property
    def covered_b(self) -> float:
        """People within the threshold in B."""
        return self._people(self.within_b)

    def share(self, covered: float) -> float:
        """``covered`` as a share of everyone (NaN when nobody lives in the area)."""
        total = self.population_total
        return covered / total if total > 0 else math.nan

    def summary(self) -> str:
        """``"+184,000 people gain, 0 lose access within 60 min"``."""
        return format_gain_loss(self.people_gained, self.people_lost, self.threshold_minutes)


def access_difference(
    demand: gpd.GeoDataFrame,
    seconds_a: np.ndarray,
    seconds_b: np.ndarray,
    threshold_minutes: float,
) -> AccessDifference:
    """Who gains and who loses access within ``threshold_minutes`` from scenario A to B.

    Parameters
    ----------
    demand
        The demand points both runs timed, in the same order (``population`` and a point or
        polygon geometry; EPSG:4326), e.g. `ccgeo.analysis.access.AccessResult.demand`.
    seconds_a, seconds_b
        ``(n,)`` seconds from each point to the nearest lab in A and in B; ``inf`` where no lab
        is reached (unreachable or off the network).
    threshold_minutes
        The threshold, minutes; inclusive, as the coverage tables count it.

    Raises
    ------
    InputError
        Listing every problem at once: times that are not one per demand point, a threshold
        that is not a positive number, a missing ``population`` column.
    """
    a = np.asarray(seconds_a, dtype=np.float64)
    b = np.asarray(seconds_b, dtype=np.float64)
    n = len(demand)
    text = _("`seconds_{name}` holds {shape} times for {n} demand points; give one per point")
    problems = [
        text.format(name=name, shape=arr.shape, n=n)
        for name, arr in (("a", a), ("b", b))
        if arr.shape != (n,)
    ]
    minutes = float(threshold_minutes)
    if not (math.isfinite(minutes) and minutes > 0):
        text = _("`threshold_minutes` should be a positive number of minutes, got {value!r}")
        problems.append(text.format(value=threshold_minutes))
    if "population" not in demand.columns:
        problems.append(_("`demand` has no `population` column; give the demand of an access run"))
    if problems:
        raise InputError("; ".join(problems))
    limit = minutes * 60.0 + INCLUSIVE_TOLERANCE_S
    return AccessDifference(
        threshold_minutes=minutes,
        lonlat=point_lonlat(demand, what="demand"),
        population=demand["population"].to_numpy(dtype=np.float64),
        within_a=np.isfinite(a) & (a <= limit),
        within_b=np.isfinite(b) & (b <= limit),
    )
