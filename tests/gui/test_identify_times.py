"""Identify anywhere on the map: besides the features, the travel time from the point clicked to
the nearest lab able to do the analysed test, and which lab, for every travel mode analysed in
the session; a point far from the roads says it is off the road network."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import LAT0, LON0, STEP
from helpers import TIMEOUT_MS, choose, click_map, open_window, run_by_click, show_dock

from ccgeo.analysis.access import point_times
from ccgeo.labels import format_minutes

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, tiny_project):
    win = open_window(qtbot, tiny_project)
    win.data_tools.act_identify.trigger()
    return win


def identify(win, lon: float, lat: float) -> dict[str, str]:
    """Click ``lon``, ``lat`` with the Identify tool; the travel rows the panel shows."""
    click_map(win, lon, lat)
    assert win.docks["identify"].isVisible()
    return win.data_tools.identify_panel.travel_rows()


def expected(win, baseline, lon: float, lat: float) -> str:
    """What the panel should say for ``baseline`` at the point the click landed on."""
    pos = win.canvas.screen_position(lon, lat)
    clicked = win.canvas.lonlat_at(*pos)
    row = point_times(baseline.network, baseline.result, np.array([clicked])).iloc[0]
    return f"{format_minutes(row['minutes'])} to {row['lab_name']} ({row['lab_id']})"


def test_before_a_run_identify_says_how_to_get_travel_times(window):
    rows = identify(window, LON0 + 0.002, LAT0 - 0.002)
    assert rows == {
        "Note": "Run the analysis (F5) to see the travel time from here to the nearest lab"
    }


def test_travel_time_by_every_mode_analysed(window, qtbot):
    run_by_click(qtbot, window, mode="walk")
    walk = window.analysis.workspace.baseline
    run_by_click(qtbot, window, mode="car")
    car = window.analysis.workspace.baseline
    # a point where people live: the time the panel gives is theirs
    people = car.result.demand
    person = people.iloc[14]
    lon, lat = person.geometry.x, person.geometry.y
    rows = identify(window, lon, lat)
    panel = window.data_tools.identify_panel
    top = panel.tree.topLevelItem(panel.tree.topLevelItemCount() - 1)
    assert top.text(0) == "Travel time"
    assert top.text(1) == "to the nearest PCR lab"
    assert top.isExpanded()
    assert list(rows) == ["Car", "Walking"]
    assert rows["Car"] == expected(window, car, lon, lat)
    assert rows["Walking"] == expected(window, walk, lon, lat)
    walked = walk.result.demand.iloc[14]
    assert rows["Walking"].endswith(f"({walked['lab_id']})")
    assert rows["Walking"].startswith(format_minutes(walked["minutes"]).split(".")[0])
    # the district there is listed as before, the travel time after the features
    assert [f.kind for f in panel.features] == ["district"]


def test_a_point_far_from_the_roads_is_off_the_network(window, qtbot):
    run_by_click(qtbot, window, mode="walk")
    window.canvas.zoom_by(1 / 8)
    rows = identify(window, LON0 + 4 * STEP, LAT0 + 4 * STEP)
    assert rows == {"Walking": "off the road network: more than 1000 m from a road"}
    assert window.data_tools.identify_panel.heading.text().startswith("No map feature here")


def test_another_test_drops_the_times_of_the_last_one(window, qtbot):
    run_by_click(qtbot, window, mode="walk")
    run_by_click(qtbot, window, mode="car")
    panel = show_dock(qtbot, window, "analysis")
    choose(qtbot, panel.capability, "ngs")
    run_by_click(qtbot, window, mode="car")
    rows = identify(window, LON0, LAT0 - 0.004)
    assert list(rows) == ["Car"]
    assert rows["Car"].endswith("to Hospital Central (F1)")  # the only NGS lab
    tree = window.data_tools.identify_panel.tree
    assert tree.topLevelItem(tree.topLevelItemCount() - 1).text(1) == "to the nearest NGS lab"


def test_a_hub_placed_in_the_what_if_is_the_lab_reached(window, qtbot):
    run_by_click(qtbot, window, mode="car")
    car = window.analysis.workspace.baseline
    run_by_click(qtbot, window, mode="walk")
    walk = window.analysis.workspace.baseline
    # the person farthest from a lab on foot: a new hub there
    people = walk.result.demand
    far = people.loc[people["minutes"].replace(np.inf, -1).idxmax()].geometry
    window.act_place_hub.trigger()
    with qtbot.waitSignal(window.analysis.settled, timeout=TIMEOUT_MS):
        click_map(window, far.x, far.y)
    hub_area = far
    hubs = window.analysis.workspace.hubs
    assert len(hubs) == 1
    window.data_tools.act_identify.trigger()
    rows = identify(window, hub_area.x, hub_area.y)
    # walking is the run the what-if edits: the new hub is the lab reached, within minutes
    assert rows["Walking"].endswith(f"({hubs[0].hub_id})")
    assert rows["Walking"] != expected(window, walk, hub_area.x, hub_area.y)
    # the car run is shown as it was run, and the note says which is which
    assert rows["Car"] == expected(window, car, hub_area.x, hub_area.y)
    assert rows["Note"] == (
        "Walking: with the what-if edits (hubs, upgrades, closures); Car: as run, without them"
    )
