"""The analysis panel driven as a user would: Run by click, Cancel, results, stale and rerun."""

from __future__ import annotations

import pandas as pd
import pytest
from PySide6.QtCore import Qt

from ccgeo.analysis.access import access
from ccgeo.gui.main_window import MainWindow
from ccgeo.render.analysis_layers import CatchmentLayer, UnderservedLayer, WhatIfLayer

#: Waits for work on the demo city: generous, since the CI machine is shared.
TIMEOUT_MS = 60_000


@pytest.fixture
def demo_window(qtbot) -> MainWindow:
    """The main window with the demo city open, errors to the log instead of message boxes."""
    window = MainWindow()
    window.quiet_errors = True
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    with qtbot.waitSignal(window.projectLoaded, timeout=TIMEOUT_MS):
        window.load_project(None)
    return window


def choose(combo, value) -> None:
    """Pick the item of ``combo`` whose data is ``value``, as a user would."""
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def run_by_click(qtbot, window: MainWindow, *, mode: str = "walk") -> None:
    """Choose the travel mode in the panel, click Run and wait until the map is drawn."""
    panel = window.docks["analysis"].widget()
    choose(panel.mode, mode)
    with qtbot.waitSignal(window.analysis.settled, timeout=TIMEOUT_MS):
        qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)


def test_run_by_click_matches_access(qtbot, demo_window: MainWindow) -> None:
    window = demo_window
    panel = window.docks["analysis"].widget()
    assert "not run yet" in panel.state.text()
    run_by_click(qtbot, window)
    project = window.project
    direct = access(
        project.network("walk"),
        project.facilities,
        project.demand,
        districts=project.districts,
        capability="pcr",
        quality="any",
        isochrones=False,
    )
    ws = window.analysis.workspace
    pd.testing.assert_frame_equal(ws.coverage(), direct.coverage)
    results = window.docks["results"].widget()
    assert results.table.rowCount() == len(direct.coverage)
    shown = {
        (results.table.item(i, 0).text(), results.table.item(i, 1).text()): results.table.item(
            i, 3
        ).text()
        for i in range(results.table.rowCount())
    }
    city60 = direct.city_coverage().set_index("threshold_min").loc[60.0, "covered"]
    assert shown[("whole study area", "60")] == f"{city60:,.0f}"
    share60 = direct.city_coverage().set_index("threshold_min").loc[60.0, "share"]
    assert results.headline.text().startswith(f"{100 * share60:.1f} % within 60 min")
    districts = direct.coverage[direct.coverage["district_id"] != "ALL"]
    assert len(results.chart.values) == districts["district_id"].nunique()
    kinds = [type(layer) for layer in window.canvas.layers]
    assert {CatchmentLayer, UnderservedLayer, WhatIfLayer} <= set(kinds)
    assert kinds[-1] is WhatIfLayer
    assert results.areas.rowCount() == len(direct.underserved) > 0
    assert "Done: PCR" in panel.state.text()
    # click the first underserved area: the map zooms to it
    results.areas.cellClicked.emit(0, 0)
    area = window.analysis.underserved
    xmin, ymin, xmax, ymax = area.area_extent(0)
    view = window.canvas.view
    assert xmin <= view.center_x <= xmax
    assert ymin <= view.center_y <= ymax
    vx0, vy0, vx1, vy1 = view.extent()
    assert vx0 <= xmin
    assert vy0 <= ymin
    assert vx1 >= xmax
    assert vy1 >= ymax
    span = max(xmax - xmin, ymax - ymin)
    assert min(vx1 - vx0, vy1 - vy0) <= 2.0 * span  # framed on the area, not the city
    assert area.highlighted == 0


def test_cancel_run_shows_no_result(qtbot, demo_window: MainWindow) -> None:
    window = demo_window
    panel = window.docks["analysis"].widget()
    choose(panel.mode, "walk")
    with qtbot.waitSignal(window.analysis.runCancelled, timeout=TIMEOUT_MS):
        qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
        assert panel.cancel_button.isEnabled()
        qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window._workers, timeout=TIMEOUT_MS)
    assert window.analysis.workspace.baseline is None
    assert panel.state.text().startswith("Cancelled")
    assert panel.run_button.isEnabled()
    results = window.docks["results"].widget()
    assert results.headline.text().startswith("No analysis yet")
    assert not any(isinstance(layer, CatchmentLayer) for layer in window.canvas.layers)


def test_bad_thresholds_are_explained_and_nothing_runs(qtbot, demo_window: MainWindow) -> None:
    panel = demo_window.docks["analysis"].widget()
    panel.thresholds.setText("30, sixty")
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    assert panel.error.isVisible()
    assert "got sixty" in panel.error.text()
    assert not demo_window.analysis.is_running


def test_changed_settings_and_facility_edits_mark_stale_then_rerun(
    qtbot, demo_window: MainWindow
) -> None:
    window = demo_window
    run_by_click(qtbot, window)
    panel = window.docks["analysis"].widget()
    choose(panel.capability, "ngs")
    assert window.analysis.workspace.stale
    assert "out of date" in panel.state.text()
    run_by_click(qtbot, window)
    assert window.analysis.workspace.result.settings["capability"] == "ngs"
    # the attribute table gives the NGS capability to a facility: stale, then rerun by itself
    gdf = window.project.facilities.gdf
    row = gdf.index[~gdf["ngs"].astype(bool)][0]
    gdf.loc[row, "ngs"] = True
    with qtbot.waitSignal(window.analysis.runFinished, timeout=TIMEOUT_MS):
        window.facilitiesEdited.emit([str(gdf.loc[row, "facility_id"])])
        assert window.analysis.workspace.stale
    labs = window.analysis.workspace.result.labs["facility_id"].tolist()
    assert str(gdf.loc[row, "facility_id"]) in labs
    assert not window.analysis.workspace.stale


def test_screenshot_mode_runs_the_default_analysis(qtbot, tmp_path, monkeypatch) -> None:
    from ccgeo.gui import app
    from ccgeo.gui.panels import analysis

    runs = []
    original = analysis.AnalysisController.run

    def counting(self, settings=None):
        runs.append(settings)
        return original(self, settings)

    monkeypatch.setattr(analysis.AnalysisController, "run", counting)
    out = tmp_path / "shot.png"
    assert app.run(["--screenshot", str(out)]) == 0
    assert out.stat().st_size > 10_000
    assert len(runs) == 1
