"""ccgeo: who can reach a lab able to do a given cancer diagnostic test, and who cannot.

The public Python API; the ``ccgeo`` command and the desktop app are built on the same functions.

>>> import ccgeo
>>> labs = ccgeo.read_facilities("registry.xlsx", study_area=ccgeo.read_districts("wards.geojson"))
>>> net = ccgeo.load_network("city.osm.pbf", mode="car")
"""

from __future__ import annotations

from ccgeo.analysis.access import AccessResult, access
from ccgeo.errors import Cancelled, CcgeoError, InputError, OfflineError
from ccgeo.io.facilities import read_facilities
from ccgeo.io.osm import RoadData, read_roads
from ccgeo.io.population import Demand, read_districts, read_population, read_population_table
from ccgeo.io.project import Project, open_project, save_project
from ccgeo.model import CAPABILITIES, Facilities, ImportReport, Scenario
from ccgeo.network.graph import Network, load_network

__version__ = "0.1.0"

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
