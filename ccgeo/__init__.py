"""ccgeo: who can reach a lab able to do a given cancer diagnostic test, and who cannot.

The public Python API; the ``ccgeo`` command and the desktop app are built on the same functions.

>>> import ccgeo
>>> project = ccgeo.project_from_files(roads="city.osm.pbf", facilities="labs.xlsx",
...                                    population="worldpop.tif")
>>> result = ccgeo.run_access(project, ccgeo.AccessSettings(capability="pcr"))

``import ccgeo`` is light: each name below loads its module (and geopandas, scipy, ...) the first
time it is used, as scipy and geopandas do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ccgeo._lazy import attach

__version__ = "0.12.0"

#: Public name -> module that defines it.
_WHERE: dict[str, str] = {
    "AccessResult": "ccgeo.analysis.access",
    "access": "ccgeo.analysis.access",
    "Cancelled": "ccgeo.errors",
    "CcgeoError": "ccgeo.errors",
    "InputError": "ccgeo.errors",
    "OfflineError": "ccgeo.errors",
    "read_facilities": "ccgeo.io.facilities",
    "read_roads": "ccgeo.io.osm",
    "read_districts": "ccgeo.io.population",
    "read_population": "ccgeo.io.population",
    "read_population_table": "ccgeo.io.population",
    "zonal_population": "ccgeo.io.population",
    "Demand": "ccgeo.model.demand",
    "Facilities": "ccgeo.model.facilities",
    "Network": "ccgeo.model.network",
    "ImportReport": "ccgeo.model.reports",
    "RoadData": "ccgeo.model.roads",
    "Scenario": "ccgeo.model.scenario",
    "CAPABILITIES": "ccgeo.model.schema",
    "AccessSettings": "ccgeo.model.settings",
    "CapacitySettings": "ccgeo.model.settings",
    "ReferralSettings": "ccgeo.model.settings",
    "SitingSettings": "ccgeo.model.settings",
    "Snapping": "ccgeo.model.settings",
    "Travel": "ccgeo.model.settings",
    "load_network": "ccgeo.network.build",
    "from_networkx": "ccgeo.network.build",
    "Project": "ccgeo.project",
    "open_project": "ccgeo.project",
    "project_from_files": "ccgeo.project",
    "save_project": "ccgeo.project",
    "save_copy": "ccgeo.project",
    "run_access": "ccgeo.tasks.access",
    "run_capacity": "ccgeo.tasks.capacity",
    "run_referral": "ccgeo.tasks.referral",
    "read_settings_file": "ccgeo.tasks.settings",
    "write_settings_file": "ccgeo.tasks.settings",
    "run_siting": "ccgeo.tasks.siting",
    "compare_projects": "ccgeo.tasks.compare",
    "progress_of_projects": "ccgeo.tasks.compare",
    "read_plan": "ccgeo.tasks.batch",
    "run_batch": "ccgeo.tasks.batch",
    "build_webmap": "ccgeo.report.webmap",
    "save_webmap": "ccgeo.report.webmap",
    "write_comparison": "ccgeo.report.batch",
}

__all__ = [
    "CAPABILITIES",
    "AccessResult",
    "AccessSettings",
    "Cancelled",
    "CapacitySettings",
    "CcgeoError",
    "Demand",
    "Facilities",
    "ImportReport",
    "InputError",
    "Network",
    "OfflineError",
    "Project",
    "ReferralSettings",
    "RoadData",
    "Scenario",
    "SitingSettings",
    "Snapping",
    "Travel",
    "__version__",
    "access",
    "build_webmap",
    "compare_projects",
    "from_networkx",
    "load_network",
    "open_project",
    "progress_of_projects",
    "project_from_files",
    "read_districts",
    "read_facilities",
    "read_plan",
    "read_population",
    "read_population_table",
    "read_roads",
    "read_settings_file",
    "run_access",
    "run_batch",
    "run_capacity",
    "run_referral",
    "run_siting",
    "save_copy",
    "save_project",
    "save_webmap",
    "write_comparison",
    "write_settings_file",
    "zonal_population",
]

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from ccgeo.analysis.access import AccessResult, access
    from ccgeo.errors import Cancelled, CcgeoError, InputError, OfflineError
    from ccgeo.io.facilities import read_facilities
    from ccgeo.io.osm import read_roads
    from ccgeo.io.population import (
        read_districts,
        read_population,
        read_population_table,
        zonal_population,
    )
    from ccgeo.model.demand import Demand
    from ccgeo.model.facilities import Facilities
    from ccgeo.model.network import Network
    from ccgeo.model.reports import ImportReport
    from ccgeo.model.roads import RoadData
    from ccgeo.model.scenario import Scenario
    from ccgeo.model.schema import CAPABILITIES
    from ccgeo.model.settings import (
        AccessSettings,
        CapacitySettings,
        ReferralSettings,
        SitingSettings,
        Snapping,
        Travel,
    )
    from ccgeo.network.build import from_networkx, load_network
    from ccgeo.project import (
        Project,
        open_project,
        project_from_files,
        save_copy,
        save_project,
    )
    from ccgeo.report.batch import write_comparison
    from ccgeo.report.webmap import build_webmap, save_webmap
    from ccgeo.tasks.access import run_access
    from ccgeo.tasks.batch import read_plan, run_batch
    from ccgeo.tasks.capacity import run_capacity
    from ccgeo.tasks.compare import compare_projects, progress_of_projects
    from ccgeo.tasks.referral import run_referral
    from ccgeo.tasks.settings import read_settings_file, write_settings_file
    from ccgeo.tasks.siting import run_siting

__getattr__, __dir__ = attach(__name__, _WHERE)
