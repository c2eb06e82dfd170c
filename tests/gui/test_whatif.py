"""Live what-if on the map: place, drag and remove hubs, upgrade a facility, undo and redo."""

from __future__ import annotations

import pandas as pd
from helpers import TIMEOUT_MS, drag, right_click, run_by_click, send_mouse
from PySide6.QtCore import QEvent, Qt

from ccgeo.gui.main_window import MainWindow
from ccgeo.gui.whatif import TOOL_NAME


def _city60(window: MainWindow) -> float:
    cov = window.analysis.workspace.coverage()
    return float(
        cov[(cov["district_id"] == "ALL") & (cov["threshold_min"] == 60.0)]["covered"].iloc[0]
    )


def _click(qtbot, window: MainWindow, lon: float, lat: float) -> tuple[float, float]:
    """Left click on the map at lon/lat with the Place hub tool; waits for the bands."""
    pos = window.canvas.screen_position(lon, lat)
    with qtbot.waitSignal(window.analysis.settled, timeout=TIMEOUT_MS):
        send_mouse(window.canvas, QEvent.Type.MouseButtonPress, pos)
        send_mouse(window.canvas, QEvent.Type.MouseButtonRelease, pos)
    return pos


def _underserved_spot(window: MainWindow, rank: int = 0) -> tuple[float, float]:
    area = window.analysis.workspace.result.underserved.iloc[rank]
    point = area.geometry.representative_point()
    return point.x, point.y


def test_place_hub_by_click_raises_coverage_and_undo_restores_exactly(
    qtbot, demo_window: MainWindow
) -> None:
    window = demo_window
    run_by_click(qtbot, window)
    baseline = window.analysis.workspace.coverage()
    before = _city60(window)
    window.act_place_hub.trigger()
    assert window.canvas.tool == TOOL_NAME
    assert window.act_place_hub.isChecked()
    _click(qtbot, window, *_underserved_spot(window))
    after = _city60(window)
    assert after > before
    results = window.docks["results"].widget()
    assert results.headline.text().startswith(f"+{after - before:,.0f} people within 60 min")
    assert len(window.analysis.whatif_layer.hub_xy) == 1
    assert window.analysis.underserved.population.sum() < baseline["population"].iloc[0]
    assert window.is_modified
    assert window.act_undo.isEnabled()
    with_hub = window.analysis.workspace.coverage()

    with qtbot.waitSignal(window.analysis.settled, timeout=TIMEOUT_MS):
        window.act_undo.trigger()
    pd.testing.assert_frame_equal(window.analysis.workspace.coverage(), baseline)
    assert len(window.analysis.whatif_layer.hub_xy) == 0
    assert "within 60 min" in results.headline.text()
    assert not results.headline.text().startswith("+")

    with qtbot.waitSignal(window.analysis.settled, timeout=TIMEOUT_MS):
        window.act_redo.trigger()
    pd.testing.assert_frame_equal(window.analysis.workspace.coverage(), with_hub)


def test_drag_moves_a_hub_and_right_click_removes_it(qtbot, demo_window: MainWindow) -> None:
    window = demo_window
    run_by_click(qtbot, window)
    window.act_place_hub.trigger()
    _click(qtbot, window, *_underserved_spot(window, 0))
    ws = window.analysis.workspace
    # where the hub is drawn now (the docks filling up may have resized the map)
    start = window.canvas.screen_position(ws.hubs[0].lon, ws.hubs[0].lat)
    hub_id = ws.hubs[0].hub_id
    first = _city60(window)
    end_lonlat = _underserved_spot(window, 1)
    end = window.canvas.screen_position(*end_lonlat)
    with qtbot.waitSignal(window.analysis.settled, timeout=TIMEOUT_MS):
        drag(window.canvas, start, end)
    assert len(ws.hubs) == 1
    assert abs(ws.hubs[0].lon - end_lonlat[0]) < 0.01
    assert _city60(window) != first
    with qtbot.waitSignal(window.analysis.settled, timeout=TIMEOUT_MS):
        window.act_undo.trigger()
    assert ws.hubs[0].hub_id == hub_id
    assert abs(ws.hubs[0].lon - window.canvas.lonlat_at(*start)[0]) < 1e-9
    assert _city60(window) == first
    # right-click on the hub with the Place hub tool removes it at once
    with qtbot.waitSignal(window.analysis.settled, timeout=TIMEOUT_MS):
        right_click(window.canvas, start)
    assert ws.hubs == ()


def test_upgrade_a_facility_from_its_context_menu(qtbot, demo_window: MainWindow) -> None:
    window = demo_window
    run_by_click(qtbot, window)
    gdf = window.project.facilities.gdf
    row = gdf[~gdf["pcr"].astype(bool)].iloc[0]
    fid = str(row["facility_id"])
    window.canvas.zoom_to_extent(
        (
            *_projected(window, row.geometry.x - 0.01, row.geometry.y - 0.01),
            *_projected(window, row.geometry.x + 0.01, row.geometry.y + 0.01),
        )
    )
    x, y = window.canvas.screen_position(row.geometry.x, row.geometry.y)
    right_click(window.canvas, (x, y))
    menu = window.analysis.last_menu
    assert menu.isVisible()
    texts = [a.text() for a in menu.actions()]
    upgrade = next(a for a in menu.actions() if a.text() == f"Upgrade {fid} to PCR")
    assert "Place a candidate hub here" in texts
    assert not upgrade.isChecked()
    before = window.analysis.workspace.coverage()
    with qtbot.waitSignal(window.analysis.settled, timeout=TIMEOUT_MS):
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(upgrade).center())
    assert not menu.isVisible()
    assert window.analysis.workspace.is_lab(fid)
    assert window.analysis.workspace.upgrades == (fid,)
    assert len(window.analysis.whatif_layer.upgraded_xy) == 1
    assert "Upgrade" in window.act_undo.text()
    with qtbot.waitSignal(window.analysis.settled, timeout=TIMEOUT_MS):
        window.act_undo.trigger()
    assert not window.analysis.workspace.is_lab(fid)
    pd.testing.assert_frame_equal(window.analysis.workspace.coverage(), before)


def test_a_hub_off_the_roads_is_refused_with_the_reason(qtbot, demo_window: MainWindow) -> None:
    window = demo_window
    run_by_click(qtbot, window)
    window.act_place_hub.trigger()
    assert window.canvas.tool == TOOL_NAME
    lon, lat = window.canvas.lonlat_at(5, 5)  # the corner of the map, far from every road
    window.canvas.zoom_to_full_extent()
    far = (lon - 0.5, lat + 0.5)
    window.canvas.zoom_by(1 / 64)
    pos = window.canvas.screen_position(*far)
    send_mouse(window.canvas, QEvent.Type.MouseButtonPress, pos)
    send_mouse(window.canvas, QEvent.Type.MouseButtonRelease, pos)
    assert window.analysis.workspace.hubs == ()
    assert "place it nearer a road" in window.message_label.text()
    assert window.analysis.undo_stack.count() == 0


def _projected(window: MainWindow, lon: float, lat: float) -> tuple[float, float]:
    import numpy as np

    from ccgeo.geo import project_lonlat

    x, y = project_lonlat(np.array([lon, lat]), window.canvas.crs)[0]
    return float(x), float(y)


def test_keyboard_shortcuts(demo_window: MainWindow) -> None:
    window = demo_window
    assert window.act_undo.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Shift+Z" in [s.toString() for s in window.act_redo.shortcuts()]
    assert window.act_run_analysis.shortcut().toString() == "F5"
    assert window.act_place_hub.toolTip()
    assert Qt.ContextMenuPolicy.CustomContextMenu == window.canvas.contextMenuPolicy()
