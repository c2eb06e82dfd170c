"""How ``project_v0_9.ccgeo`` was made: a tiny project saved by ccgeo as of Step 9 (commit
b1dd5b3, GeoPackage 1.4 marker, no ``layer_styles``, the access settings under the key
``analysis`` that earlier versions used), kept to test that such files open and are upgraded.

Run it from the repository root with that ccgeo on the path, not with today's (a worktree of
the old commit beside the checkout)::

    git worktree add ../ccgeo-0.9 b1dd5b3
    PYTHONPATH=../ccgeo-0.9 python tests/data/make_project_v0_9.py tests/data/project_v0_9.ccgeo
    git worktree remove ../ccgeo-0.9

It clips the demo city to a box of about 1.3 km around the centre of its smallest district: the
facilities, people and roads in it (a few hundred kilobytes).
"""

from __future__ import annotations

import sys

import numpy as np
import shapely

from ccgeo.demo import load_demo_project
from ccgeo.model.demand import Demand
from ccgeo.model.facilities import Facilities
from ccgeo.model.roads import RoadData
from ccgeo.model.scenario import Scenario
from ccgeo.project import Project, save_project


def clipped_roads(roads: RoadData, area: shapely.Geometry) -> RoadData:
    """The road segments with both ends in ``area``."""
    inside = shapely.contains_xy(area, roads.node_lonlat[:, 0], roads.node_lonlat[:, 1])
    keep = np.flatnonzero(inside[roads.edge_u] & inside[roads.edge_v])
    nodes = np.flatnonzero(inside)
    new_index = np.full(len(inside), -1)
    new_index[nodes] = np.arange(len(nodes))
    starts, ends = roads.geom_offsets[keep], roads.geom_offsets[keep + 1]
    vertices = np.concatenate([np.arange(a, b) for a, b in zip(starts, ends, strict=True)])
    offsets = np.concatenate([[0], np.cumsum(ends - starts)])
    return RoadData(
        node_osmid=roads.node_osmid[nodes],
        node_lonlat=roads.node_lonlat[nodes],
        edge_u=new_index[roads.edge_u[keep]],
        edge_v=new_index[roads.edge_v[keep]],
        edge_length_m=roads.edge_length_m[keep],
        edge_highway=roads.edge_highway[keep],
        edge_maxspeed_kmh=roads.edge_maxspeed_kmh[keep],
        edge_oneway=roads.edge_oneway[keep],
        edge_surface=roads.edge_surface[keep],
        edge_way_id=roads.edge_way_id[keep],
        geom_offsets=offsets.astype(np.int64),
        geom_lonlat=roads.geom_lonlat[vertices],
        source=roads.source,
        mode=roads.mode,
        edge_modes=roads.edge_modes[keep],
    )


def main(out: str) -> None:
    demo = load_demo_project()
    districts = demo.districts.assign(area=demo.districts.geometry.area)
    district = districts.sort_values("area").iloc[[0]].drop(columns="area")
    centre = district.geometry.iloc[0].centroid
    area = shapely.box(centre.x - 0.006, centre.y - 0.006, centre.x + 0.006, centre.y + 0.006)
    district = district.assign(geometry=district.geometry.intersection(area))
    facilities = demo.facilities.gdf[demo.facilities.gdf.within(area.buffer(0.01))]
    people = demo.demand.gdf[demo.demand.gdf.within(area)]
    project = Project(
        name="Vila Velha (saved by ccgeo Step 9)",
        description="A tiny project saved by an earlier ccgeo",
        facilities=Facilities(facilities.reset_index(drop=True), report=demo.facilities.report),
        roads=clipped_roads(demo.roads, area),
        demand=Demand(people.reset_index(drop=True), source="demo", kind="points"),
        districts=district.reset_index(drop=True),
        settings={"analysis": {"capability": "pcr", "thresholds_minutes": [15, 30]}},
        scenarios=[Scenario(name="Close one lab", removed=(str(facilities.iloc[0].facility_id),))],
        metadata={"synthetic": True, "city": "demo"},
    )
    save_project(project, out)


if __name__ == "__main__":
    main(sys.argv[1])
