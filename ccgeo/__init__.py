"""ccgeo: who can reach a lab able to do a given cancer diagnostic test, and who cannot.

The public Python API; the ``ccgeo`` command and the desktop app are built on the same functions.

>>> import ccgeo
>>> labs = ccgeo.read_facilities("registry.xlsx", study_area=ccgeo.read_districts("wards.geojson"))
>>> net = ccgeo.load_network("city.osm.pbf", mode="car")

``import ccgeo`` is light: each name below loads its module (and geopandas, scipy, ...) the first
time it is used, as scipy and geopandas do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ccgeo._lazy import attach

__version__ = "0.1.0"

#: Public name -> module that defines it.
_WHERE: dict[str, str] = {
    "CAPABILITIES": "ccgeo.model.schema",
    "AccessResult": "ccgeo.analysis.access",
    "Cancelled": "ccgeo.errors",
    "CcgeoError": "ccgeo.errors",
    "Demand": "ccgeo.model.demand",
    "Facilities": "ccgeo.model.facilities",
    "ImportReport": "ccgeo.model.reports",
    "InputError": "ccgeo.errors",
    "Network": "ccgeo.model.network",
    "OfflineError": "ccgeo.errors",
    "Project": "ccgeo.project",
    "RoadData": "ccgeo.model.roads",
    "Scenario": "ccgeo.model.scenario",
    "access": "ccgeo.analysis.access",
    "load_network": "ccgeo.network.build",
    "open_project": "ccgeo.project",
    "read_districts": "ccgeo.io.population",
    "read_facilities": "ccgeo.io.facilities",
    "read_population": "ccgeo.io.population",
    "read_population_table": "ccgeo.io.population",
    "read_roads": "ccgeo.io.osm",
    "save_project": "ccgeo.project",
}

__all__ = [
    "CAPABILITIES",
    "AccessResult",
    "Cancelled",
    "CcgeoError",
    "Demand",
    "Facilities",
    "ImportReport",
    "InputError",
    "Network",
    "OfflineError",
    "Project",
    "RoadData",
    "Scenario",
    "__version__",
    "access",
    "load_network",
    "open_project",
    "read_districts",
    "read_facilities",
    "read_population",
    "read_population_table",
    "read_roads",
    "save_project",
]

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from ccgeo.analysis.access import AccessResult, access
    from ccgeo.errors import Cancelled, CcgeoError, InputError, OfflineError
    from ccgeo.io.facilities import read_facilities
    from ccgeo.io.osm import read_roads
    from ccgeo.io.population import read_districts, read_population, read_population_table
    from ccgeo.model.demand import Demand
    from ccgeo.model.facilities import Facilities
    from ccgeo.model.network import Network
    from ccgeo.model.reports import ImportReport
    from ccgeo.model.roads import RoadData
    from ccgeo.model.scenario import Scenario
    from ccgeo.model.schema import CAPABILITIES
    from ccgeo.network.build import load_network
    from ccgeo.project import Project, open_project, save_project

__getattr__, __dir__ = attach(__name__, _WHERE)
