"""Shared fixtures: the real city data in ../shared/data (skipped with a reason when absent), and
the demo city read once per test run.

The demo city (`demo_project`) is one `Project` for the whole session: tests read it and never
change it. Building a network caches it in the project, saving it sets its path, storing settings
or scenarios writes into it: a test that does any of these takes its own copy, `fresh_demo` (or
``copy_demo()`` in a module-scoped fixture). After every test that used the shared project its
fingerprint is checked, so a test that changes it fails by name, and the session ends with a check
against the project as it was read.
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    import geopandas as gpd

    from ccgeo.project import Project

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("CCGEO_SHARED_DATA", ROOT.parent / "shared" / "data"))
DEMO_DIR = ROOT / "layers" / "demo"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "run_last: run after every other test (checks of the whole session)"
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Move the tests marked ``run_last`` to the end, keeping the order of the others."""
    items.sort(key=lambda item: item.get_closest_marker("run_last") is not None)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """Folder of real city data; tests using it skip when it is not beside the project."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"real city data not found at {SHARED_DATA} (set CCGEO_SHARED_DATA)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def demo_dir() -> Path:
    """The bundled demo city."""
    return DEMO_DIR


# -- the demo city, read once ---------------------------------------------------------------------


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
    import pandas as pd
    import shapely

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
    import numpy as np

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
        "path": str(project.path),
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

    Everything a test may change is copied: settings, scenarios, metadata, import reports and the
    facility, population and district layers (a few milliseconds). The roads are shared: they are
    a frozen `RoadData` that nothing writes into. The copy starts with no network built.
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


_CHANGED_MESSAGE = (
    "changed the session-wide demo project ({parts}); every test shares it. Take your own copy: "
    "the `fresh_demo` fixture, or `copy_demo()` in a module-scoped fixture"
)


@pytest.fixture(scope="session")
def demo_watch() -> Iterator[DemoWatch]:
    from ccgeo.demo import load_demo_project

    watch = DemoWatch(load_demo_project())
    yield watch
    changed = watch.changed_since_read()
    if changed:
        pytest.fail("a test " + _CHANGED_MESSAGE.format(parts=", ".join(changed)))


@pytest.fixture(scope="session")
def demo_project(demo_watch: DemoWatch) -> Project:
    """The demo city read once per test run (session-scoped): read it, never change it.

    No network is built in it; a test that needs one, or changes anything, uses `fresh_demo`.
    """
    return demo_watch.project


@pytest.fixture(scope="session")
def copy_demo(demo_project: Project) -> Callable[[], Project]:
    """``copy_demo()`` gives a copy of the demo city that its caller may change (see
    `copy_of_demo`); for fixtures that live longer than one test."""
    return lambda: copy_of_demo(demo_project)


@pytest.fixture
def fresh_demo(copy_demo: Callable[[], Project]) -> Project:
    """This test's own copy of the demo city: build networks in it, store settings, edit it."""
    return copy_demo()


@pytest.fixture(autouse=True)
def _demo_left_as_read(request: pytest.FixtureRequest) -> Iterator[None]:
    """After a test that used the shared demo project, check that it did not change it."""
    yield
    if "demo_watch" not in request.fixturenames:
        return
    watch: DemoWatch = request.getfixturevalue("demo_watch")
    changed = watch.changed_since_last_check()
    if changed:
        pytest.fail(f"{request.node.nodeid} " + _CHANGED_MESSAGE.format(parts=", ".join(changed)))
