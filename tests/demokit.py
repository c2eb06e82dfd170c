"""The demo city in tests: a copy a test may change, and a fingerprint that shows a change.

Used by the fixtures of ``conftest.py`` (``demo_project``, ``fresh_demo``) and by
``test_fixtures.py``, which checks that they keep their promise.
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import json
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import shapely

if TYPE_CHECKING:
    import geopandas as gpd

    from ccgeo.project import Project


def _digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8") if isinstance(part, str) else part)
        h.update(b"\x00")
    return h.hexdigest()


def _json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=repr)


def _frame_digest(gdf: gpd.GeoDataFrame | None) -> str:
    """Columns, values, geometry coordinates, CRS and attrs of a GeoDataFrame."""
    if gdf is None:
        return "none"
    geoms = gdf.geometry.to_numpy()
    values = pd.DataFrame(gdf.drop(columns=gdf.geometry.name))
    return _digest(
        _json([str(c) for c in gdf.columns]),
        _json([str(t) for t in gdf.dtypes]),
        pd.util.hash_pandas_object(values, index=True).to_numpy().tobytes(),
        shapely.get_type_id(geoms).tobytes(),
        shapely.get_num_coordinates(geoms).tobytes(),
        shapely.get_coordinates(geoms).tobytes(),
        str(gdf.crs),
        _json(gdf.attrs),
    )


def demo_fingerprint(project: Project) -> dict[str, str]:
    """A digest of each part of a project a test could change (layers, settings, caches)."""
    roads = project.roads
    road_parts: list[bytes | str] = ["none"]
    if roads is not None:
        road_parts = [
            _json(arr.tolist()) if arr.dtype == object else np.ascontiguousarray(arr).tobytes()
            for _, arr in sorted(roads.to_arrays().items())
        ]
        road_parts += [roads.source, roads.mode, _json(roads.warnings)]
    facilities, demand = project.facilities, project.demand
    return {
        "name": project.name,
        "description": project.description,
        "path": str(project.path),
        "plans": _json(sorted(project.plans)),
        "settings": _digest(_json(project.settings)),
        "scenarios": _digest(_json([s.to_dict() for s in project.scenarios])),
        "metadata": _digest(_json(project.metadata)),
        "import_reports": _digest(_json([r.to_dict() for r in project.import_reports])),
        "networks": _json(sorted(repr(p) for p in project._networks)),
        "facilities": "none"
        if facilities is None
        else _digest(
            _frame_digest(facilities.gdf),
            _json(facilities.report.to_dict() if facilities.report else None),
        ),
        "demand": "none"
        if demand is None
        else _digest(
            _frame_digest(demand.gdf),
            _json([demand.source, demand.kind, demand.cell_size_m, demand.warnings]),
        ),
        "districts": _frame_digest(project.districts),
        "roads": _digest(*road_parts),
    }


def copy_of_demo(project: Project) -> Project:
    """A copy of ``project`` a test may change without touching the original.

    Everything a test may change is copied: settings, scenarios, metadata, import reports, the
    saved plans and the facility, population and district layers (a few milliseconds). The
    roads are shared: they are a frozen `RoadData` that nothing writes into. The copy starts
    with no network built.
    """
    return dataclasses.replace(
        project,
        facilities=copy.deepcopy(project.facilities),
        demand=copy.deepcopy(project.demand),
        districts=copy.deepcopy(project.districts),
        import_reports=copy.deepcopy(project.import_reports),
        settings=copy.deepcopy(project.settings),
        scenarios=copy.deepcopy(project.scenarios),
        metadata=copy.deepcopy(project.metadata),
        plans=dict(project.plans),  # a plan is frozen: the dict is what a test changes
    )


class DemoWatch:
    """The session's demo project and what it looked like when read, and after the last check."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.as_read = demo_fingerprint(project)
        self._last = self.as_read

    def changed_since_read(self) -> list[str]:
        """Parts of the project that differ from the project as read."""
        now = demo_fingerprint(self.project)
        return [key for key, value in now.items() if self.as_read[key] != value]

    def changed_since_last_check(self) -> list[str]:
        """Parts changed since the previous call (so one faulty test does not fail the next)."""
        now = demo_fingerprint(self.project)
        changed = [key for key, value in now.items() if self._last[key] != value]
        self._last = now
        return changed


def demo_with_plans(project: Project) -> tuple[Project, Any, Any, Any]:
    """The demo city with what its maps show: a PCR access analysis by car, two proposed hubs
    (MCLP, 10 min) and a motorbike sample referral plan (the patients' trip is timed on the
    motorbike network too). For a test module's own copy of the demo (`copy_demo`)."""
    from ccgeo.analysis.access import access
    from ccgeo.analysis.referral import plan_referral
    from ccgeo.analysis.siting import site_hubs
    from ccgeo.model.settings import AccessSettings, ReferralSettings, SitingSettings, Travel

    net = project.network("car")
    result = access(
        net,
        project.facilities.capable("pcr"),
        project.demand,
        AccessSettings(capability="pcr"),
        districts=project.districts,
    )
    siting = site_hubs(
        net,
        project.demand,
        project.facilities,
        SitingSettings(capability="pcr", hubs=2, minutes=10),
    )
    referral = plan_referral(
        project.network("motorbike"),
        project.facilities,
        ReferralSettings(capability="pcr", travel=Travel(mode="motorbike")),
    )
    return project, result, siting, referral
