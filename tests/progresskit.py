"""Two versions of one tiny city for the progress-over-time tests: the baseline, and the same
city after a PCR hub opens beside its far district.

Six nodes on a line: 0..4 ten minutes apart by car, node 5 150 minutes beyond node 4. The
baseline has a lab doing IHC and PCR at node 0 and a biopsy spoke at node 2; people live at
nodes 1 (100, district A), 3 (200, A) and 5 (300, B), 10, 30 and 190 minutes from the lab. The
later version adds a PCR hub at node 5: district B's PCR coverage goes from 0 to 100 %, the
city's 30-minute PCR coverage from 50 to 100 %, and IHC does not move.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
from roadkit import LAT0, LON0, make_roads
from shapely.geometry import box

from ccgeo.model.demand import Demand
from ccgeo.model.facilities import Facilities
from ccgeo.project import Project, save_project

NAME = "Lineville"
_MINUTES_M = 25_000.0 / 60.0  # residential streets, 25 km/h
_EDGE_MINUTES = [10.0, 10.0, 10.0, 10.0, 150.0]
_LONLAT = np.array(
    [(LON0 + 0.004 * t, LAT0) for t in np.concatenate([[0.0], np.cumsum(_EDGE_MINUTES)])]
)
_LAB = {"eqa": "international", "capacity_tests_per_year": 1e6}


def version(*, new_hub: bool) -> Project:
    """The city, with the new PCR hub at node 5 or without it."""
    edges = [(i, i + 1) for i in range(len(_EDGE_MINUTES))]
    roads = make_roads(_LONLAT, edges, length_m=[m * _MINUTES_M for m in _EDGE_MINUTES])
    records = [
        {"facility_id": "L1", "lon": _LONLAT[0, 0], "lat": LAT0, "ihc": True, "pcr": True} | _LAB,
        {"facility_id": "S1", "lon": _LONLAT[2, 0], "lat": LAT0, "biopsy": True},
    ]
    if new_hub:
        records.append({"facility_id": "H5", "lon": _LONLAT[5, 0], "lat": LAT0, "pcr": True} | _LAB)
    nodes = [1, 3, 5]
    demand = Demand(
        gpd.GeoDataFrame(
            {"demand_id": ["p1", "p3", "p5"], "population": [100.0, 200.0, 300.0]}
            | {"district_id": ["A", "A", "B"]},
            geometry=gpd.points_from_xy(_LONLAT[nodes, 0], _LONLAT[nodes, 1]),
            crs="EPSG:4326",
        )
    )
    districts = gpd.GeoDataFrame(
        {"district_id": ["A", "B"], "name": ["District A", "District B"]},
        geometry=[
            box(_LONLAT[0, 0] - 0.01, LAT0 - 0.01, _LONLAT[4, 0] + 0.01, LAT0 + 0.01),
            box(_LONLAT[5, 0] - 0.01, LAT0 - 0.01, _LONLAT[5, 0] + 0.01, LAT0 + 0.01),
        ],
        crs="EPSG:4326",
    )
    return Project(
        name=NAME,
        roads=roads,
        facilities=Facilities.from_records(records),
        demand=demand,
        districts=districts,
    )


def save_versions(folder: Path) -> tuple[Path, Path]:
    """Both versions saved in ``folder``: ``baseline.ccgeo`` and ``new_hub.ccgeo``."""
    return (
        save_project(version(new_hub=False), folder / "baseline.ccgeo"),
        save_project(version(new_hub=True), folder / "new_hub.ccgeo"),
    )
