"""Scenarios: save the what-if under a name, save and reopen the project, apply, compare."""

from __future__ import annotations

import pandas as pd
from helpers import (
    TIMEOUT_MS,
    click,
    click_cell,
    place_hub,
    reopen,
    run_by_click,
    save_as,
    save_scenario,
)
from PySide6.QtCore import Qt

from ccgeo.gui.main_window import MainWindow


def test_save_scenario_save_project_reopen_same_state(
    qtbot, demo_window: MainWindow, tmp_path, monkeypatch
) -> None:
    window = demo_window
    run_by_click(qtbot, window)
    place_hub(qtbot, window, 0)
    covered = window.analysis.workspace.coverage()
    save_scenario(qtbot, window, "East hub")
    panel = window.docks["scenarios"].widget()
    assert panel.list.count() == 1
    assert [s.name for s in window.project.scenarios] == ["East hub"]

    target = tmp_path / "vila.ccgeo"
    save_as(qtbot, window, target, monkeypatch)
    again = reopen(qtbot, target, monkeypatch, until_settled=True)
    ws = again.analysis.workspace
    assert ws.settings.travel.mode == "walk"
    assert again.docks["analysis"].widget().mode.currentData() == "walk"
    assert [s.name for s in again.project.scenarios] == ["East hub"]
    assert again.docks["scenarios"].widget().list.item(0).text() == "East hub"
    assert len(ws.hubs) == 1
    pd.testing.assert_frame_equal(ws.coverage(), covered)
    assert again.docks["results"].widget().headline.text().startswith("+")


def test_apply_delete_and_compare(qtbot, demo_window: MainWindow) -> None:
    window = demo_window
    run_by_click(qtbot, window)
    panel = window.docks["scenarios"].widget()
    place_hub(qtbot, window, 0)
    save_scenario(qtbot, window, "one hub")
    one = window.analysis.workspace.coverage()
    place_hub(qtbot, window, 1)
    save_scenario(qtbot, window, "two hubs")
    assert panel.list.count() == 2

    # apply "one hub": one undoable step
    click_cell(qtbot, panel.list, 0)
    with qtbot.waitSignal(window.analysis.settled, timeout=TIMEOUT_MS):
        click(qtbot, panel.apply_button)
    pd.testing.assert_frame_equal(window.analysis.workspace.coverage(), one)
    assert len(window.analysis.workspace.hubs) == 1
    with qtbot.waitSignal(window.analysis.settled, timeout=TIMEOUT_MS):
        window.act_undo.trigger()
    assert len(window.analysis.workspace.hubs) == 2

    # compare both (nothing selected = all): Ctrl+click takes the selected one out
    click_cell(qtbot, panel.list, 0, modifier=Qt.KeyboardModifier.ControlModifier)
    assert panel.list.selectedItems() == []
    click(qtbot, panel.compare_button)
    qtbot.waitUntil(lambda: panel.comparison is not None, timeout=TIMEOUT_MS)
    table = panel.comparison
    assert list(table["scenario"].unique()) == ["baseline", "one hub", "two hubs"]
    assert panel.table.rowCount() == len(table) == 9
    at60 = table[table["threshold_min"] == 60.0].set_index("scenario")
    assert 0 < at60.loc["one hub", "gained"] < at60.loc["two hubs", "gained"]
    texts = [panel.table.item(r, 4).text() for r in range(panel.table.rowCount())]
    assert any(t.startswith("+") for t in texts)
    assert len(window.analysis.workspace.hubs) == 2  # comparing leaves the live what-if alone

    # delete the first
    click_cell(qtbot, panel.list, 0)
    click(qtbot, panel.delete_button)
    assert [s.name for s in window.project.scenarios] == ["two hubs"]


def test_a_scenario_needs_a_name(qtbot, demo_window: MainWindow) -> None:
    window = demo_window
    run_by_click(qtbot, window)
    save_scenario(qtbot, window, "   ")
    panel = window.docks["scenarios"].widget()
    assert "needs a name" in panel.message.text()
    assert window.project.scenarios == []
