"""Domain types of ccgeo, and nothing else: facilities, roads, networks, demand, scenarios,
settings and results. Every other layer imports these; this package imports none of them.

Names are loaded on first use, so ``from ccgeo.model import CAPABILITIES`` stays light.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE: dict[str, str] = {
    "CAPABILITIES": "schema",
    "TIER_ORDER": "schema",
    "EQA_LEVELS": "schema",
    "ACCREDITATIONS": "schema",
    "OWNERSHIPS": "schema",
    "FACILITY_COLUMNS": "schema",
    "QUALITY_FILTERS": "schema",
    "Facilities": "facilities",
    "quality_mask": "facilities",
    "ImportIssue": "reports",
    "ImportReport": "reports",
    "Scenario": "scenario",
    "RoadData": "roads",
    "Demand": "demand",
    "Network": "network",
    "SpeedProfile": "profile",
}

__all__ = [
    "ACCREDITATIONS",
    "CAPABILITIES",
    "EQA_LEVELS",
    "FACILITY_COLUMNS",
    "OWNERSHIPS",
    "QUALITY_FILTERS",
    "TIER_ORDER",
    "Demand",
    "Facilities",
    "ImportIssue",
    "ImportReport",
    "Network",
    "RoadData",
    "Scenario",
    "SpeedProfile",
    "quality_mask",
]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        value = getattr(importlib.import_module(f"ccgeo.model.{_WHERE[name]}"), name)
        globals()[name] = value
        return value
    msg = f"module 'ccgeo.model' has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    return __all__
