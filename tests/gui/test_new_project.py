"""File ▸ New after work on the demo city: the new project starts empty, with nothing of the
demo's results, bands, what-if, plans or scenarios left in any panel or on the map."""

from __future__ import annotations

import pytest
from helpers import (
    TIMEOUT_MS,
    click,
    place_hub,
    run_by_click,
    save_scenario,
    send_mouse,
    show_dock,
)
from PySide6.QtCore import QEvent, QThreadPool

from ccgeo.gui.main_window import MainWindow

pytestmark = pytest.mark.gui

#: Map layers that show results of an analysis or a plan.
RESULT_LAYERS = {"catchments", "underserved", "whatif", "proposed_hubs", "referral"}


def _work_on_the_demo(qtbot, window: MainWindow) -> None:
    """Run the analysis, place a hub, save and compare a scenario, compute the lab capacity and
    plan the referral, each by click."""
    run_by_click(qtbot, window)
    place_hub(qtbot, window)
    save_scenario(qtbot, window, "One hub")
    scenarios = show_dock(qtbot, window, "scenarios")
    click(qtbot, scenarios.compare_button)
    qtbot.waitUntil(lambda: scenarios.table.rowCount() > 0, timeout=TIMEOUT_MS)
    capacity = show_dock(qtbot, window, "capacity")
    with qtbot.waitSignal(capacity.finished, timeout=TIMEOUT_MS):
        click(qtbot, capacity.runbox.run_button)
    referral = show_dock(qtbot, window, "referral")
    with qtbot.waitSignal(window.planning.referralFinished, timeout=TIMEOUT_MS):
        click(qtbot, referral.runbox.run_button)


def _new_while_a_hub_is_being_drawn(qtbot, window: MainWindow) -> None:
    """Place one more hub and choose File ▸ New before its bands are drawn; wait until every
    worker has ended and its results have arrived."""
    area = window.analysis.workspace.result.underserved.iloc[1]
    point = area.geometry.representative_point()
    pos = window.canvas.screen_position(point.x, point.y)
    send_mouse(window.canvas, QEvent.Type.MouseButtonPress, pos)
    send_mouse(window.canvas, QEvent.Type.MouseButtonRelease, pos)
    with qtbot.waitSignal(window.projectLoaded, timeout=TIMEOUT_MS):
        window.act_new.trigger()  # File ▸ New project
    pool = QThreadPool.globalInstance()
    qtbot.waitUntil(lambda: pool.activeThreadCount() == 0, timeout=TIMEOUT_MS)
    qtbot.wait(100)  # the late results' signals are delivered


def test_a_new_project_starts_empty(qtbot, demo_window: MainWindow) -> None:
    window = demo_window
    _work_on_the_demo(qtbot, window)
    _new_while_a_hub_is_being_drawn(qtbot, window)

    assert window.project.name == "Untitled project"
    assert not RESULT_LAYERS & {layer.kind for layer in window.canvas.layers}
    analysis = window.analysis
    assert analysis.workspace.baseline is None
    assert analysis.underserved_frame() is None
    assert not window.act_undo.isEnabled()
    assert not window.act_redo.isEnabled()

    results = show_dock(qtbot, window, "results")
    assert results.headline.text().startswith("No analysis yet")
    assert results.detail.text() == ""
    assert results.table.rowCount() == 0
    assert results.areas.rowCount() == 0
    assert results.areas_title.text() == "Underserved areas"
    assert results.chart.labels == []

    scenarios = show_dock(qtbot, window, "scenarios")
    assert scenarios.list.count() == 0
    assert scenarios.table.rowCount() == 0
    assert scenarios.message.text() == ""

    capacity = show_dock(qtbot, window, "capacity")
    assert capacity.summary.text() == "No capacity result yet."
    assert capacity.labs.rowCount() == 0
    assert capacity.districts.rowCount() == 0
    assert not capacity.warnings.isVisible()

    referral = show_dock(qtbot, window, "referral")
    assert window.planning.referral_result is None
    assert referral.summary.text() == "No referral plan yet."
    assert referral.spokes.rowCount() == 0
    assert referral.hubs.rowCount() == 0
