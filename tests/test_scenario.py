"""Workspace: baseline runs, live what-if edits, deltas, scenarios and their comparison."""

from __future__ import annotations

import threading
import time

import numpy as np
import pandas as pd
import pytest

from ccgeo.analysis.access import access
from ccgeo.errors import Cancelled, InputError
from ccgeo.model.scenario import Scenario
from ccgeo.model.settings import AccessSettings, Travel, parse_thresholds
from ccgeo.project import Project, open_project, save_project
from ccgeo.tasks.access import project_with_scenario, run_access
from ccgeo.tasks.settings import store_settings
from ccgeo.tasks.whatif import Workspace, overlay_of

WALK = AccessSettings(travel=Travel(mode="walk"))


@pytest.fixture(scope="module")
def demo(copy_demo) -> Project:
    """This module's own copy of the demo city: the workspace builds networks and stores in it."""
    return copy_demo()


@pytest.fixture(scope="module")
def walk_run(demo: Project) -> Workspace:
    """One walking baseline, shared; tests that edit reset it first."""
    ws = Workspace(demo, WALK)
    ws.run()
    return ws


@pytest.fixture
def ws(walk_run: Workspace) -> Workspace:
    walk_run.reset()
    return walk_run


def _city(coverage: pd.DataFrame) -> pd.DataFrame:
    return coverage[coverage["district_id"] == "ALL"].reset_index(drop=True)


def test_settings_defaults_follow_the_domain() -> None:
    s = AccessSettings()
    assert (s.capability, s.quality, s.travel.mode) == ("pcr", "any", "car")
    assert s.thresholds_minutes == (30.0, 60.0, 120.0)
    assert s.underserved_minutes == 60.0
    assert AccessSettings(thresholds_minutes=(45, 90)).underserved_minutes == 90.0


def test_settings_round_trip_and_validation() -> None:
    s = AccessSettings(capability="ngs", quality="eqa", travel=Travel(mode="walk", congestion=2.0))
    assert AccessSettings.from_dict(s.to_dict()) == s
    assert AccessSettings.from_dict({}) == AccessSettings()
    with pytest.raises(InputError, match=r"`capability` should be one of .*got 'xray'"):
        AccessSettings(capability="xray")
    with pytest.raises(InputError, match="congestion"):
        AccessSettings(travel=Travel(congestion=0.5))
    with pytest.raises(InputError, match=r"`quality` should be one of .*got 'gold'"):
        AccessSettings.from_dict({"quality": "gold"})


def test_parse_thresholds() -> None:
    assert parse_thresholds("120, 30;60 30") == (30.0, 60.0, 120.0)
    assert parse_thresholds("45min") == (45.0,)
    with pytest.raises(InputError, match=r"got abc, -5"):
        parse_thresholds("abc, 30, -5")
    with pytest.raises(InputError, match="got nothing"):
        parse_thresholds("  ")


def test_run_matches_access_directly(demo: Project, walk_run: Workspace) -> None:
    direct = access(
        demo.network("walk"),
        demo.facilities,
        demo.demand,
        AccessSettings(capability="pcr", quality="any", travel=Travel(mode="walk")),
        districts=demo.districts,
        isochrones=False,
    )
    pd.testing.assert_frame_equal(walk_run.result.coverage, direct.coverage)
    assert not walk_run.stale
    assert len(walk_run.result.isochrones) == 3


def test_workspace_needs_a_run_and_data(demo: Project) -> None:
    fresh = Workspace(demo, WALK)
    assert fresh.stale
    assert fresh.stale_reason == "not run yet"
    with pytest.raises(InputError, match="run the access analysis first"):
        fresh.add_hub(34.5, -8.5)
    with pytest.raises(InputError, match="needs roads"):
        Workspace(Project(name="empty")).run()


def test_add_hub_in_underserved_area_raises_coverage_and_undo_is_exact(ws: Workspace) -> None:
    base = ws.coverage()
    area = ws.result.underserved.iloc[0]
    spot = area.geometry.representative_point()
    start = time.perf_counter()
    after = ws.add_hub(spot.x, spot.y)
    elapsed_ms = (time.perf_counter() - start) * 1000
    assert elapsed_ms < 300, f"an edit took {elapsed_ms:.0f} ms"
    gained = _city(after)["covered"] - _city(base)["covered"]
    assert gained.iloc[1] > 0.25 * area.population  # a large part of the area is now served
    delta = ws.delta()
    assert delta["gained"].iloc[1] == pytest.approx(gained.iloc[1])
    lines = ws.delta_lines()
    assert lines[1].startswith("+")
    assert "people within 60 min" in lines[1]
    hub = ws.hubs[0]
    assert hub.hub_id.startswith("hub-")
    ws.remove_hub(hub.hub_id)
    pd.testing.assert_frame_equal(ws.coverage(), base)
    assert ws.delta_lines()[1].startswith("±0 people")


def test_full_run_with_the_hub_agrees_with_the_incremental_numbers(
    demo: Project, ws: Workspace
) -> None:
    spot = ws.result.underserved.iloc[1].geometry.representative_point()
    incremental = ws.add_hub(spot.x, spot.y)
    labs = ws.labs()
    lonlat = labs.loc[labs["open"], ["lon", "lat"]].to_numpy()
    full = access(
        demo.network("walk"), lonlat, demo.demand, WALK, districts=demo.districts, isochrones=False
    )
    np.testing.assert_allclose(
        incremental["covered"].to_numpy(), full.coverage["covered"].to_numpy()
    )


def test_move_hub_and_errors(ws: Workspace) -> None:
    a = ws.result.underserved.iloc[0].geometry.representative_point()
    b = ws.result.underserved.iloc[1].geometry.representative_point()
    ws.add_hub(a.x, a.y, "East hub")
    hub_id = ws.hubs[0].hub_id
    moved = ws.move_hub(hub_id, b.x, b.y)
    assert ws.hubs[0].lon == pytest.approx(b.x)
    assert ws.hubs[0].name == "East hub"
    assert _city(moved)["covered"].iloc[1] > _city(ws.result.coverage)["covered"].iloc[1]
    with pytest.raises(InputError, match="no candidate hub 'hub-9'"):
        ws.move_hub("hub-9", b.x, b.y)
    with pytest.raises(InputError, match="place it nearer a road"):
        ws.add_hub(b.x + 3.0, b.y)
    with pytest.raises(InputError, match="exists already"):
        ws.add_hub(a.x, a.y, hub_id=hub_id)


def test_upgrade_downgrade_and_close(demo: Project, ws: Workspace) -> None:
    base = ws.coverage()
    gdf = demo.facilities.gdf
    non_lab = str(gdf.loc[~gdf["pcr"].astype(bool), "facility_id"].iloc[0])
    lab = str(gdf.loc[gdf["pcr"].astype(bool), "facility_id"].iloc[0])
    up = ws.upgrade(non_lab)
    assert ws.is_lab(non_lab)
    assert (_city(up)["covered"] >= _city(base)["covered"] - 1e-6).all()
    with pytest.raises(InputError, match="already a lab"):
        ws.upgrade(lab)
    ws.downgrade(non_lab)
    pd.testing.assert_frame_equal(ws.coverage(), base)
    closed = ws.downgrade(lab)
    assert ws.removed == (lab,)
    assert (_city(closed)["covered"] <= _city(base)["covered"] + 1e-6).all()
    ws.upgrade(lab)  # reopens
    assert ws.removed == ()
    assert not ws.has_edits
    pd.testing.assert_frame_equal(ws.coverage(), base)
    with pytest.raises(InputError, match="not an open lab"):
        ws.downgrade(non_lab)


def test_scenario_round_trip_and_apply(demo: Project, ws: Workspace) -> None:
    spot = ws.result.underserved.iloc[0].geometry.representative_point()
    gdf = demo.facilities.gdf
    non_lab = str(gdf.loc[~gdf["pcr"].astype(bool), "facility_id"].iloc[0])
    ws.add_hub(spot.x, spot.y, "East hub")
    ws.upgrade(non_lab)
    with_edits = ws.coverage()
    scenario = ws.to_scenario("East hub + upgrade", "a test")
    assert scenario.settings["mode"] == "walk"
    assert scenario.upgrades == {non_lab: ("pcr",)}
    assert Scenario.from_dict(scenario.to_dict()) == scenario
    ws.reset()
    assert not ws.has_edits
    report = ws.apply_scenario(scenario)
    assert report.skipped == ()
    pd.testing.assert_frame_equal(ws.coverage(), with_edits)
    fresh = ws.new_hub_id()
    assert fresh not in {h.hub_id for h in ws.hubs}  # ids of applied hubs are not reused
    bad = Scenario("bad", upgrades={"NOPE": ("pcr",)})
    report = ws.apply_scenario(bad)
    assert len(report.skipped) == 1
    assert "NOPE" in report.skipped[0]
    with pytest.raises(InputError, match="needs a name"):
        ws.to_scenario("  ")


def test_compare_side_by_side(ws: Workspace) -> None:
    a = ws.result.underserved.iloc[0].geometry.representative_point()
    b = ws.result.underserved.iloc[1].geometry.representative_point()
    ws.add_hub(a.x, a.y)
    one = ws.to_scenario("one hub")
    ws.add_hub(b.x, b.y)
    two = ws.to_scenario("two hubs")
    live = ws.coverage()
    car = Scenario("by car", settings=AccessSettings().to_dict())
    table = ws.compare([one, two, car])
    assert list(table["scenario"].unique()) == ["baseline", "one hub", "two hubs", "by car"]
    at60 = table[table["threshold_min"] == 60.0].set_index("scenario")
    assert at60.loc["baseline", "gained"] == 0
    assert 0 < at60.loc["one hub", "gained"] < at60.loc["two hubs", "gained"]
    assert at60.loc["by car", "gained"] == 0  # its own baseline
    assert at60.loc["by car", "share"] == pytest.approx(1.0)
    assert "by car" in at60.loc["by car", "settings"]
    pd.testing.assert_frame_equal(ws.coverage(), live)  # the live what-if is untouched


def test_compute_is_cancellable_and_changes_nothing(demo: Project, ws: Workspace) -> None:
    cancel = threading.Event()
    cancel.set()
    before = ws.baseline
    with pytest.raises(Cancelled):
        ws.compute(AccessSettings(capability="ngs", travel=Travel(mode="walk")), cancel=cancel)
    assert ws.baseline is before


def test_adopt_keeps_edits_and_settings_mark_stale(demo: Project, ws: Workspace) -> None:
    spot = ws.result.underserved.iloc[0].geometry.representative_point()
    ws.add_hub(spot.x, spot.y)
    ws.settings = AccessSettings(travel=Travel(mode="walk"), thresholds_minutes=(30, 60, 90))
    assert ws.stale
    assert ws.stale_reason == "the analysis settings changed"
    report = ws.adopt(ws.compute())
    assert report.skipped == ()
    assert not ws.stale
    assert len(ws.hubs) == 1
    assert list(_city(ws.coverage())["threshold_min"]) == [30.0, 60.0, 90.0]
    ws.adopt(ws.compute(WALK))


def test_overlay_follows_the_edits(ws: Workspace) -> None:
    base = ws.baseline
    before = overlay_of(*ws.overlay_inputs())
    assert len(before.underserved) == len(base.result.underserved)
    spot = base.result.underserved.iloc[0].geometry.representative_point()
    ws.add_hub(spot.x, spot.y)
    after = overlay_of(*ws.overlay_inputs())
    assert after.underserved["population"].sum() < before.underserved["population"].sum()
    inner_before = before.isochrones.iloc[0]["area_km2"]
    assert after.isochrones.iloc[0]["area_km2"] > inner_before


def test_store_in_project_survives_save(demo: Project, ws: Workspace, tmp_path) -> None:
    spot = ws.result.underserved.iloc[0].geometry.representative_point()
    ws.add_hub(spot.x, spot.y)
    ws.store()
    demo.scenarios.append(ws.to_scenario("saved"))
    try:
        path = save_project(demo, tmp_path / "p.ccgeo")
        again = open_project(path)
    finally:
        demo.scenarios.clear()
        demo.path = None
    reopened = Workspace(again)
    assert reopened.settings == WALK
    edits = reopened.stored_edits()
    assert edits is not None
    assert len(edits.added_hubs) == 1
    assert [s.name for s in again.scenarios] == ["saved"]
    ws.reset()
    ws.reset()
    ws.store()
    assert "whatif" not in demo.settings
    demo.settings.clear()


def test_project_with_scenario_runs_the_scenario_in_full(fresh_demo: Project) -> None:
    project = fresh_demo
    settings = AccessSettings(capability="ngs", travel=Travel(mode="walk"))
    store_settings(project, settings)
    ws = Workspace(project, settings)
    ws.run()
    lab_ids = set(ws.labs()["lab_id"])
    closed = sorted(lab_ids)[0]
    people = project.demand.gdf.geometry
    hub_lon, hub_lat = people.x.min(), people.y.min()
    ws.add_hub(hub_lon + 0.01, hub_lat + 0.01, name="East hub")
    ws.downgrade(closed)
    live = ws.coverage()
    scenario = ws.to_scenario("East hub, one lab closed")
    changed, scen_settings = project_with_scenario(project, scenario)
    assert scen_settings == settings
    assert len(changed.facilities) == len(project.facilities) + 1
    assert not changed.facilities.gdf.loc[
        changed.facilities.gdf["facility_id"] == closed, "ngs"
    ].any()
    assert project.facilities.gdf.loc[
        project.facilities.gdf["facility_id"] == closed, "ngs"
    ].all()  # the original project is untouched
    full = run_access(changed, scen_settings, isochrones=False)
    pd.testing.assert_series_equal(
        full.coverage["covered"].reset_index(drop=True),
        live["covered"].reset_index(drop=True),
        check_exact=False,
        rtol=1e-9,
    )


# -- who gains and who loses access from one scenario to another ----------------------------------


def _four_people():
    import geopandas as gpd

    return gpd.GeoDataFrame(
        {"demand_id": ["p1", "p2", "p3", "p4"], "population": [10.0, 20.0, 30.0, 40.0]},
        geometry=gpd.points_from_xy([0.0, 0.1, 0.2, 0.3], [0.0, 0.0, 0.0, 0.0]),
        crs="EPSG:4326",
    )


def test_access_difference_counts_who_gains_and_who_loses() -> None:
    from ccgeo.analysis.scenario import CHANGES, access_difference

    inf = np.inf
    # p1 gains (unreachable → exactly 60 min, inclusive), p2 loses, p3 stays within, p4 beyond
    a = np.array([inf, 600.0, 60.0, 3601.0])
    b = np.array([3600.0, inf, 120.0, 7200.0])
    d = access_difference(_four_people(), a, b, 60)
    assert d.gained.tolist() == [True, False, False, False]
    assert d.lost.tolist() == [False, True, False, False]
    assert [CHANGES[c] for c in d.change] == ["gain", "loss", "unchanged", "unchanged"]
    assert (d.people_gained, d.people_lost) == (10.0, 20.0)
    assert (d.people_within_both, d.people_beyond_both) == (30.0, 40.0)
    assert (d.covered_a, d.covered_b, d.population_total) == (50.0, 40.0, 100.0)
    assert d.share(d.covered_b) == pytest.approx(0.4)
    assert d.covered_b - d.covered_a == d.people_gained - d.people_lost
    assert d.summary() == "+10 people gain, 20 lose access within 60 min"
    assert d.lonlat.tolist() == [[0.0, 0.0], [0.1, 0.0], [0.2, 0.0], [0.3, 0.0]]
    # the same scenario twice: nobody gains or loses
    same = access_difference(_four_people(), a, a, 60)
    assert (same.people_gained, same.people_lost) == (0.0, 0.0)
    assert same.summary() == "0 people gain, 0 lose access within 60 min"


def test_access_difference_lists_every_problem_at_once() -> None:
    from ccgeo.analysis.scenario import access_difference

    people = _four_people()
    with pytest.raises(InputError) as caught:
        access_difference(people.drop(columns="population"), np.zeros(3), np.zeros(4), -5)
    text = str(caught.value)
    assert "`seconds_a` holds (3,) times for 4 demand points; give one per point" in text
    assert "`seconds_b`" not in text
    assert "`threshold_minutes` should be a positive number of minutes, got -5" in text
    assert "no `population` column" in text


def test_scenario_pair_gives_each_run_its_times_and_the_difference(ws: Workspace) -> None:
    spot = ws.result.underserved.iloc[0].geometry.representative_point()
    ws.add_hub(spot.x, spot.y)
    one = ws.to_scenario("one hub")
    live = ws.coverage()
    pair = ws.scenario_pair(None, one, threshold_minutes=60.0)
    # A is the baseline run, B the baseline with the hub, as the live what-if timed them
    np.testing.assert_array_equal(pair.a.demand_seconds, ws.result.demand["seconds"].to_numpy())
    np.testing.assert_array_equal(pair.b.demand_seconds, ws.baseline.whatif.demand_seconds())
    assert pair.a.name == "baseline"
    assert pair.b.name == "one hub"
    assert pair.overlays is None
    # the people who gain are the coverage change of the comparison table
    table = ws.compare([one])
    at = table[(table["scenario"] == "one hub")].set_index("threshold_min")
    d = pair.difference
    assert d.people_gained == pytest.approx(at.loc[60.0, "gained"], rel=1e-12)
    assert d.people_lost == 0.0
    assert d.covered_a == pytest.approx(at.loc[60.0, "baseline_covered"], rel=1e-12)
    assert d.covered_b == pytest.approx(at.loc[60.0, "covered"], rel=1e-12)
    # another threshold without running again; B → A loses what A → B gains
    assert pair.at(30.0).difference.people_gained == pytest.approx(at.loc[30.0, "gained"])
    back = ws.scenario_pair(one, None, threshold_minutes=60.0, overlays=True)
    assert back.difference.people_lost == pytest.approx(d.people_gained)
    assert back.difference.people_gained == 0.0
    hub_bands, base_bands = (o.isochrones for o in back.overlays)
    assert hub_bands.iloc[0]["area_km2"] > base_bands.iloc[0]["area_km2"]
    pd.testing.assert_frame_equal(ws.coverage(), live)  # the live what-if is untouched
    with pytest.raises(InputError, match="positive number"):
        pair.at(0)
