"""Domain types of ccgeo, and nothing else: facilities, roads, networks, demand, scenarios,
settings and results. Every other layer imports these; this package imports none of them.

Names are loaded on first use, so ``from ccgeo.model import CAPABILITIES`` stays light.
"""

from __future__ import annotations

from ccgeo._lazy import attach

_WHERE: dict[str, str] = {
    "CAPABILITIES": "ccgeo.model.schema",
    "TIER_ORDER": "ccgeo.model.schema",
    "EQA_LEVELS": "ccgeo.model.schema",
    "ACCREDITATIONS": "ccgeo.model.schema",
    "OWNERSHIPS": "ccgeo.model.schema",
    "FACILITY_COLUMNS": "ccgeo.model.schema",
    "QUALITY_FILTERS": "ccgeo.model.schema",
    "Facilities": "ccgeo.model.facilities",
    "quality_mask": "ccgeo.model.facilities",
    "ImportIssue": "ccgeo.model.reports",
    "ImportReport": "ccgeo.model.reports",
    "Scenario": "ccgeo.model.scenario",
    "RoadData": "ccgeo.model.roads",
    "Demand": "ccgeo.model.demand",
    "PopulationReport": "ccgeo.model.demand",
    "Network": "ccgeo.model.network",
    "SpeedProfile": "ccgeo.model.profile",
    "AccessSettings": "ccgeo.model.settings",
    "CapacitySettings": "ccgeo.model.settings",
    "SitingSettings": "ccgeo.model.settings",
    "ReferralSettings": "ccgeo.model.settings",
    "Travel": "ccgeo.model.settings",
    "Snapping": "ccgeo.model.settings",
    "Hub": "ccgeo.model.scenario",
    "SitingResult": "ccgeo.model.siting",
    "ReferralResult": "ccgeo.model.referral",
    "ReferralParameters": "ccgeo.model.referral",
    "FcaResult": "ccgeo.model.capacity",
    "CoverageResult": "ccgeo.model.capacity",
    "DemandParameters": "ccgeo.model.capacity",
}

__all__ = [
    "ACCREDITATIONS",
    "CAPABILITIES",
    "EQA_LEVELS",
    "FACILITY_COLUMNS",
    "OWNERSHIPS",
    "QUALITY_FILTERS",
    "TIER_ORDER",
    "AccessSettings",
    "CapacitySettings",
    "CoverageResult",
    "Demand",
    "DemandParameters",
    "Facilities",
    "FcaResult",
    "Hub",
    "ImportIssue",
    "ImportReport",
    "Network",
    "PopulationReport",
    "ReferralParameters",
    "ReferralResult",
    "ReferralSettings",
    "RoadData",
    "Scenario",
    "SitingResult",
    "SitingSettings",
    "Snapping",
    "SpeedProfile",
    "Travel",
    "quality_mask",
]

__getattr__, __dir__ = attach(__name__, _WHERE)
