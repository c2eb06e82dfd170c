"""Every panel analyses the current scenario: a hub placed on the map in the live what-if is a
lab for the lab capacity, the siting and the sample referral, each by the same task the command
line runs on a project that holds that hub, and each panel says so."""

from __future__ import annotations

import pandas as pd
import pytest
from helpers import (
    TIMEOUT_MS,
    choose,
    click,
    place_hub,
    run_by_click,
    show_dock,
    show_tab,
    type_into,
)

from ccgeo.analysis.access import CITY_ID
from ccgeo.gui.main_window import MainWindow
from ccgeo.model.settings import CapacitySettings
from ccgeo.tasks.access import project_with_scenario
from ccgeo.tasks.capacity import run_capacity

pytestmark = pytest.mark.gui

HUB = "Candidate hub 1"


def _texts(table, column: int = 0) -> list[str]:
    return [table.item(row, column).text() for row in range(table.rowCount())]


@pytest.fixture
def window_with_a_hub(qtbot, demo_window: MainWindow) -> MainWindow:
    """The demo city run by click, with one what-if hub placed in its largest underserved area."""
    run_by_click(qtbot, demo_window)
    place_hub(qtbot, demo_window)
    assert [hub.name for hub in demo_window.analysis.workspace.hubs] == [HUB]
    return demo_window


def test_lab_capacity_counts_the_whatif_hub(qtbot, window_with_a_hub: MainWindow) -> None:
    window = window_with_a_hub
    panel = show_dock(qtbot, window, "capacity")
    assert panel.analysis_line.text().endswith("with 1 what-if hub")
    with qtbot.waitSignal(panel.finished, timeout=TIMEOUT_MS):
        click(qtbot, panel.runbox.run_button)
    assert HUB in _texts(panel.labs)
    assert "with 1 what-if hub" in panel.runbox.state.text()
    # the task the command line runs, on the project as the what-if has it
    workspace = window.analysis.workspace
    scenario = workspace.to_scenario("what-if")
    project, _ = project_with_scenario(workspace.project, scenario, default=workspace.settings)
    settings = panel.result_settings
    assert isinstance(settings, CapacitySettings)
    expected = run_capacity(project, settings)
    pd.testing.assert_frame_equal(panel.result.labs, expected.labs)


def test_siting_starts_from_the_whatif(qtbot, window_with_a_hub: MainWindow) -> None:
    window = window_with_a_hub
    panel = show_dock(qtbot, window, "siting")
    assert panel.analysis_line.text().endswith("with 1 what-if hub")
    with qtbot.waitSignal(window.planning.sitingFinished, timeout=TIMEOUT_MS):
        click(qtbot, panel.runbox.run_button)
    result = window.planning.siting_result
    minutes = float(result.settings["minutes"])
    workspace = window.analysis.workspace
    base = workspace.baseline.result.coverage
    base = base[(base["district_id"] == CITY_ID) & (base["threshold_min"] == minutes)]
    with_hub = workspace.coverage()
    with_hub = with_hub[
        (with_hub["district_id"] == CITY_ID) & (with_hub["threshold_min"] == minutes)
    ]
    # "before" is the what-if with its hub, not the existing labs alone
    assert float(result.totals["covered_before"]) == pytest.approx(
        float(with_hub["covered"].iloc[0]), rel=1e-6
    )
    assert float(result.totals["covered_before"]) > float(base["covered"].iloc[0])
    assert "with 1 what-if hub" in panel.runbox.state.text()
    # the proposal as a scenario keeps the hub it was made on
    show_tab(qtbot, panel.tabs, panel.tabs.widget(0))
    type_into(qtbot, panel.scenario_name, "Hub and upgrades", enter=False)
    with qtbot.waitSignal(window.analysis.settled, timeout=TIMEOUT_MS):
        click(qtbot, panel.make_button)
    assert [hub.name for hub in workspace.hubs] == [HUB]
    assert set(workspace.upgrades) == set(result.chosen_ids)


def test_referral_sends_samples_to_the_whatif_hub(qtbot, window_with_a_hub: MainWindow) -> None:
    window = window_with_a_hub
    panel = show_dock(qtbot, window, "referral")
    choose(qtbot, panel.capability, "pcr")  # the test of the analysis, and of its hub
    with qtbot.waitSignal(window.planning.referralFinished, timeout=TIMEOUT_MS):
        click(qtbot, panel.runbox.run_button)
    assert any(text.startswith(f"{HUB} (") for text in _texts(panel.hubs))
    assert "with 1 what-if hub" in panel.runbox.state.text()
