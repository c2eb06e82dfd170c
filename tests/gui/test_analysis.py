"""The analysis panel driven as a user would: Run by click, Cancel, results, stale and rerun, the
speed file, the off-road distance."""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
from helpers import (
    TIMEOUT_MS,
    choose,
    click,
    click_cell,
    run_by_click,
    set_capability,
    type_into,
)
from PySide6.QtWidgets import QFileDialog

from ccgeo.analysis.access import access
from ccgeo.gui.main_window import MainWindow
from ccgeo.model.settings import AccessSettings, Travel
from ccgeo.render.analysis_layers import CatchmentLayer, UnderservedLayer, WhatIfLayer


def reached_minutes(window: MainWindow) -> pd.Series:
    """Minutes to the nearest lab of the demand points the last run reached."""
    minutes = window.analysis.workspace.result.demand["minutes"]
    return minutes[np.isfinite(minutes)]


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
        AccessSettings(capability="pcr", quality="any", travel=Travel(mode="walk")),
        districts=project.districts,
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
    click_cell(qtbot, results.areas, 0, 0)
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
    choose(qtbot, panel.mode, "walk")
    reported: list[float] = []
    window.analysis.runProgress.connect(lambda fraction, _text: reported.append(fraction))
    with qtbot.waitSignal(window.analysis.runCancelled, timeout=TIMEOUT_MS):
        click(qtbot, panel.run_button)
        qtbot.waitUntil(lambda: bool(reported), timeout=TIMEOUT_MS)  # the run is under way
        assert panel.cancel_button.isEnabled()
        clicked = time.monotonic()
        click(qtbot, panel.cancel_button)
    assert time.monotonic() - clicked < 1.0  # stopped within a second of the click
    qtbot.waitUntil(window.progress_bar.isHidden, timeout=TIMEOUT_MS)
    assert window.analysis.workspace.baseline is None
    assert panel.state.text().startswith("Cancelled")
    assert panel.run_button.isEnabled()
    results = window.docks["results"].widget()
    assert results.headline.text().startswith("No analysis yet")
    assert not any(isinstance(layer, CatchmentLayer) for layer in window.canvas.layers)


def test_bad_thresholds_are_explained_and_nothing_runs(qtbot, demo_window: MainWindow) -> None:
    panel = demo_window.docks["analysis"].widget()
    type_into(qtbot, panel.thresholds, "30, sixty")
    click(qtbot, panel.run_button)
    assert panel.error.isVisible()
    assert "got sixty" in panel.error.text()
    assert not demo_window.analysis.is_running


def test_changed_settings_and_facility_edits_mark_stale_then_rerun(
    qtbot, demo_window: MainWindow
) -> None:
    window = demo_window
    run_by_click(qtbot, window)
    panel = window.docks["analysis"].widget()
    choose(qtbot, panel.capability, "ngs")
    assert window.analysis.workspace.stale
    assert "out of date" in panel.state.text()
    run_by_click(qtbot, window)
    assert window.analysis.workspace.result.settings["capability"] == "ngs"
    # the attribute table gives the NGS capability to a facility: stale, then rerun by itself
    gdf = window.project.facilities.gdf
    row = gdf.index[~gdf["ngs"].astype(bool)][0]
    fid = str(gdf.loc[row, "facility_id"])
    with qtbot.waitSignal(window.analysis.runFinished, timeout=TIMEOUT_MS):
        set_capability(qtbot, window, fid, "ngs", True)
        assert bool(gdf.loc[row, "ngs"])
        assert window.analysis.workspace.stale
    labs = window.analysis.workspace.result.labs["facility_id"].tolist()
    assert fid in labs
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


# -- the speed file and snapping ------------------------------------------------------------------


def choose_speed_file(qtbot, monkeypatch, panel, path) -> None:
    """Click "Choose…" and answer the file dialog with ``path``."""
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )
    click(qtbot, panel.speeds_button)


def test_a_slower_speed_file_gives_longer_times_and_bundled_goes_back(
    qtbot, demo_window: MainWindow, tmp_path, monkeypatch
) -> None:
    window = demo_window
    panel = window.docks["analysis"].widget()
    assert panel.speeds_label.text().startswith("bundled")
    assert not panel.speeds_clear.isEnabled()
    run_by_click(qtbot, window)
    bundled = reached_minutes(window)

    slow = tmp_path / "slow walkers.toml"
    slow.write_text("[walk]\nmax_kmh = 2.5\n", encoding="utf-8")
    choose_speed_file(qtbot, monkeypatch, panel, slow)
    assert panel.speeds_label.text() == slow.name
    assert panel.speeds_clear.isEnabled()
    assert not panel.error.isVisible()
    assert window.analysis.workspace.stale
    assert "out of date" in panel.state.text()
    run_by_click(qtbot, window)
    ws = window.analysis.workspace
    assert ws.settings.travel.speeds == str(slow.resolve())
    assert window.project.settings["access"]["speeds"] == str(slow.resolve())  # kept
    slower = reached_minutes(window)
    common = bundled.index.intersection(slower.index)
    assert len(common) > 0.9 * len(bundled)
    # half the speed on the roads: every trip longer, none shorter
    assert (slower[common] >= bundled[common] - 1e-9).all()
    assert slower[common].median() > 1.5 * bundled[common].median()

    click(qtbot, panel.speeds_clear)
    assert panel.speeds_label.text().startswith("bundled")
    assert not panel.speeds_clear.isEnabled()
    assert ws.settings.travel.speeds is None
    assert ws.stale
    run_by_click(qtbot, window)
    pd.testing.assert_series_equal(reached_minutes(window), bundled)


def test_a_bad_speed_file_is_explained_and_not_used(
    qtbot, demo_window: MainWindow, tmp_path, monkeypatch
) -> None:
    window = demo_window
    panel = window.docks["analysis"].widget()
    bad = tmp_path / "typo.toml"
    bad.write_text("[walk]\nmax_kmh = -5\n", encoding="utf-8")
    choose_speed_file(qtbot, monkeypatch, panel, bad)
    assert panel.error.isVisible()
    assert "typo.toml" in panel.error.text()
    assert "max_kmh" in panel.error.text()
    assert panel.speeds_label.text().startswith("bundled")
    assert not panel.speeds_clear.isEnabled()
    assert window.analysis.workspace.settings.travel.speeds is None
    # a run uses the bundled speeds
    run_by_click(qtbot, window)
    assert window.analysis.workspace.settings.travel.speeds is None
    assert not panel.error.isVisible()


def test_changing_the_off_road_distance_or_walking_speed_marks_the_results_stale(
    qtbot, demo_window: MainWindow
) -> None:
    window = demo_window
    panel = window.docks["analysis"].widget()
    run_by_click(qtbot, window)
    ws = window.analysis.workspace
    assert not ws.stale
    assert panel.max_snap_m.value() == ws.settings.snapping.max_snap_m == 1000.0
    type_into(qtbot, panel.max_snap_m, "250")
    assert ws.settings.snapping.max_snap_m == 250.0
    assert ws.stale
    assert "out of date" in panel.state.text()
    run_by_click(qtbot, window)
    assert window.analysis.workspace.result.settings["max_snap_m"] == 250.0
    assert not ws.stale
    type_into(qtbot, panel.walk_kmh, "3")
    assert ws.settings.snapping.walk_kmh == 3.0
    assert ws.stale
    assert "out of date" in panel.state.text()
