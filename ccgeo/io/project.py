"""The ``.ccgeo`` project file: one GeoPackage holding layers, import reports, settings, scenarios."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geopandas as gpd

from ccgeo.io.osm import RoadData
from ccgeo.io.population import Demand
from ccgeo.model import Facilities, ImportReport, Scenario


@dataclass(eq=False)
class Project:
    """Everything a planner works on in one session, saved as one ``.ccgeo`` file.

    Attributes
    ----------
    name : str
        Shown in the title bar and on reports.
    facilities : Facilities or None
        The facility layer (with its review flags).
    roads : RoadData or None
        The road network as read from its source.
    demand : Demand or None
        Population as weighted points.
    districts : GeoDataFrame or None
        District polygons in EPSG:4326 with ``district_id`` and ``name``.
    import_reports : list of ImportReport
        One per imported facility file, kept so doubtful rows can be reviewed later.
    settings : dict
        Analysis settings (capability, quality filter, mode, thresholds, ...), JSON-serialisable.
    scenarios : list of Scenario
        Named what-if scenarios.
    metadata : dict
        JSON-serialisable facts about the data: ``synthetic`` (bool), ``sources`` (list of
        ``{"layer", "path", "read_at"}``), ``city``, ``created``.
    path : Path or None
        Where it was last saved or opened from.
    """

    name: str = "Untitled"
    facilities: Facilities | None = None
    roads: RoadData | None = None
    demand: Demand | None = None
    districts: gpd.GeoDataFrame | None = None
    import_reports: list[ImportReport] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)
    scenarios: list[Scenario] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None
