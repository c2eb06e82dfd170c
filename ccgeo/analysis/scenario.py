"""Scenarios applied to data: the facility layer as a scenario has it, and coverage changes."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd

from ccgeo.analysis.access import CITY_ID
from ccgeo.model.facilities import Facilities, quality_mask
from ccgeo.model.scenario import Scenario
from ccgeo.model.schema import CAPABILITIES


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
        hubs = Facilities.from_records(
            {
                "facility_id": str(h.get("hub_id") or f"hub-{i + 1}"),
                "name": str(h.get("name") or h.get("hub_id") or f"New hub {i + 1}"),
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
