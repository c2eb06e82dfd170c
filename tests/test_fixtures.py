"""The shared fixtures keep their promise: the demo city read once and never changed, and a copy
per test that the test may change."""

from __future__ import annotations

import pytest
from demokit import copy_of_demo, demo_fingerprint

from ccgeo.model.scenario import Scenario
from ccgeo.model.settings import AccessSettings
from ccgeo.project import Project
from ccgeo.tasks.settings import store_settings


def test_fresh_demo_is_a_copy_the_test_may_change(
    demo_project: Project, fresh_demo: Project, tmp_path
) -> None:
    before = demo_fingerprint(demo_project)
    assert fresh_demo is not demo_project
    assert demo_fingerprint(fresh_demo) == before  # the same city
    assert fresh_demo.roads is demo_project.roads  # frozen arrays: shared, not copied

    fresh_demo.network("walk")
    store_settings(fresh_demo, AccessSettings(capability="ngs"))
    fresh_demo.settings["suggested"]["access"]["mode"] = "car"
    fresh_demo.scenarios.append(Scenario("a test's own"))
    fresh_demo.metadata["sources"][0]["path"] = "elsewhere"
    fresh_demo.import_reports[0].mapping["name"] = "elsewhere"
    fresh_demo.facilities.gdf.loc[0, "pcr"] = not fresh_demo.facilities.gdf.loc[0, "pcr"]
    fresh_demo.demand.gdf.loc[0, "population"] += 1.0
    fresh_demo.districts.loc[0, "name"] = "renamed"
    fresh_demo.path = tmp_path / "saved.ccgeo"

    changed = demo_fingerprint(fresh_demo)
    assert sorted(k for k in before if changed[k] != before[k]) == [
        "demand",
        "districts",
        "facilities",
        "import_reports",
        "metadata",
        "networks",
        "path",
        "scenarios",
        "settings",
    ]
    assert demo_fingerprint(demo_project) == before
    assert demo_project._networks == {}
    assert demo_project.scenarios == []
    assert set(demo_project.settings) == {"suggested"}


def test_each_test_gets_its_own_copy(demo_project: Project, fresh_demo: Project) -> None:
    # the previous test changed its copy; this one starts again from the city as read
    assert demo_fingerprint(fresh_demo) == demo_fingerprint(demo_project)
    assert fresh_demo._networks == {}


def test_the_fingerprint_sees_a_change_of_each_part(demo_project: Project) -> None:
    project = copy_of_demo(demo_project)
    before = demo_fingerprint(project)
    project.network("car")
    assert [k for k, v in demo_fingerprint(project).items() if before[k] != v] == ["networks"]


@pytest.mark.run_last
def test_the_shared_demo_is_still_as_read(demo_project: Project, demo_watch) -> None:
    """Runs after every other test of the session: none of them changed the shared project."""
    assert demo_watch.changed_since_read() == []
    assert demo_project._networks == {}
    assert demo_project.path is None
