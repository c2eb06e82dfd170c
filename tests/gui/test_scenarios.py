"""Scenarios: save the what-if under a name, save and reopen the project, apply, compare."""

from __future__ import annotations

import test_analysis
from helpers import send_mouse
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFileDialog
from test_analysis import TIMEOUT_MS, run_by_click

from ccgeo.gui.main_window import MainWindow
from ccgeo.gui.whatif import TOOL_NAME

#: The demo city open in a main window (the fixture of the analysis tests).
demo_window = test_analysis.demo_window


def _place_hub(qtbot, window: MainWindow, rank: int) -> None:
    area = window.analysis.workspace.result.underserved.iloc[rank]
    point = area.geometry.representative_point()
    window.canvas.set_tool(TOOL_NAME)
    pos = window.canvas.screen_position(point.x, point.y)
    with qtbot.waitSignal(window.analysis.settled, timeout=TIMEOUT_MS):
        send_mouse(window.canvas, QEvent.Type.MouseButtonPress, pos)
        send_mouse(window.canvas, QEvent.Type.MouseButtonRelease, pos)


def _save_scenario(qtbot, window: MainWindow, name: str) -> None:
    panel = window.docks["scenarios"].widget()
    panel.name.setText(name)
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)


def test_save_scenario_save_project_reopen_same_state(
    qtbot, demo_window: MainWindow, tmp_path, monkeypatch
) -> None:
    window = demo_window
    run_by_click(qtbot, window)
    _place_hub(qtbot, window, 0)
    covered = window.analysis.workspace.coverage()
    _save_scenario(qtbot, window, "East hub")
    panel = window.docks["scenarios"].widget()
    assert panel.list.count() == 1
    assert [s.name for s in window.project.scenarios] == ["East hub"]
    target = tmp_path / "vila.ccgeo"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    worker = window.save_project_as()
    qtbot.waitUntil(lambda: worker.done.is_set() and not window.is_modified, timeout=TIMEOUT_MS)
    assert target.is_file()

    again = MainWindow()
    again.quiet_errors = True
    qtbot.addWidget(again)
    again.resize(1280, 800)
    again.show()
    with qtbot.waitSignal(again.analysis.settled, timeout=TIMEOUT_MS):
        again.load_project(target)
    ws = again.analysis.workspace
    assert ws.settings.mode == "walk"
    assert again.docks["analysis"].widget().mode.currentData() == "walk"
    assert [s.name for s in again.project.scenarios] == ["East hub"]
    assert again.docks["scenarios"].widget().list.item(0).text() == "East hub"
    assert len(ws.hubs) == 1
    import pandas as pd

    pd.testing.assert_frame_equal(ws.coverage(), covered)
    assert again.docks["results"].widget().headline.text().startswith("+")


def test_apply_delete_and_compare(qtbot, demo_window: MainWindow) -> None:
    window = demo_window
    run_by_click(qtbot, window)
    panel = window.docks["scenarios"].widget()
    _place_hub(qtbot, window, 0)
    _save_scenario(qtbot, window, "one hub")
    one = window.analysis.workspace.coverage()
    _place_hub(qtbot, window, 1)
    _save_scenario(qtbot, window, "two hubs")
    assert panel.list.count() == 2

    # apply "one hub": one undoable step
    panel.list.item(0).setSelected(True)
    with qtbot.waitSignal(window.analysis.settled, timeout=TIMEOUT_MS):
        qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    import pandas as pd

    pd.testing.assert_frame_equal(window.analysis.workspace.coverage(), one)
    assert len(window.analysis.workspace.hubs) == 1
    with qtbot.waitSignal(window.analysis.settled, timeout=TIMEOUT_MS):
        window.act_undo.trigger()
    assert len(window.analysis.workspace.hubs) == 2

    # compare both (nothing selected = all)
    panel.list.clearSelection()
    qtbot.mouseClick(panel.compare_button, Qt.MouseButton.LeftButton)
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
    panel.list.item(0).setSelected(True)
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert [s.name for s in window.project.scenarios] == ["two hubs"]


def test_a_scenario_needs_a_name(qtbot, demo_window: MainWindow) -> None:
    window = demo_window
    run_by_click(qtbot, window)
    _save_scenario(qtbot, window, "   ")
    panel = window.docks["scenarios"].widget()
    assert "needs a name" in panel.message.text()
    assert window.project.scenarios == []
