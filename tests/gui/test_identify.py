"""Identify and select map tools: click features, list attributes, select by click and box."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import LAT0, LON0, STEP, tiny_roads
from helpers import click_cell, count_colour, drag, open_window
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ccgeo.geo import local_utm_crs, project_lonlat
from ccgeo.gui.canvas.tools import SELECTION_COLOR, RoadPicker
from ccgeo.render.facilities import FacilityLayer

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, tiny_project):
    return open_window(qtbot, tiny_project)


def click(widget, pos, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """Press and release the left button at widget pixel ``pos`` with ``modifiers`` held."""
    local = QPointF(*pos)
    for kind, buttons in (
        (QEvent.Type.MouseButtonPress, Qt.MouseButton.LeftButton),
        (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton),
    ):
        event = QMouseEvent(
            kind, local, widget.mapToGlobal(local), Qt.MouseButton.LeftButton, buttons, modifiers
        )
        QApplication.sendEvent(widget, event)


def facility_xy(win, facility_id: str) -> tuple[float, float]:
    layer = next(x for x in win.canvas.layers if isinstance(x, FacilityLayer))
    row = int(np.flatnonzero(layer.facilities.gdf["facility_id"] == facility_id)[0])
    sx, sy = layer.screen_positions(win.canvas.view)[row]
    return float(sx), float(sy)


def test_identify_a_facility_by_clicking_it(window, qtbot):
    QTest.keyClick(window.canvas, Qt.Key.Key_I)
    assert window.canvas.tool == "identify"
    assert window.data_tools.act_identify.isChecked()
    panel = window.data_tools.identify_panel
    click(window.canvas, facility_xy(window, "F2"))
    assert window.docks["identify"].isVisible()
    first = panel.features[0]
    assert first.kind == "facility"
    assert first.title == "Laboratorio Norte"
    values = panel.values(0)
    assert values["facility_id"] == "F2"
    assert values["pcr"] == "yes"
    assert values["ngs"] == "no"
    assert values["flagged for review"] == "no"
    # the district under the lab is listed too, with its population
    district = next(f for f in panel.features if f.kind == "district")
    people = window.project.demand.gdf.query("district_id == 'N'")["population"].sum()
    assert dict(district.attributes) == {
        "district_id": "N",
        "name": "Norte",
        "population": f"{people:,.0f}",
    }
    assert panel.tree.topLevelItem(0).text(1) == "Laboratorio Norte"
    assert panel.heading.text().startswith("2 features at Lon -96.7")


def test_identify_a_road_and_nothing(window):
    window.data_tools.act_identify.trigger()
    roads = window.project.roads
    # the middle vertex of edge 2 (a primary avenue), with the districts hidden
    for layer in window.canvas.layers:
        if layer.kind == "districts":
            layer.visible = False
    mid = roads.geom_lonlat[roads.geom_offsets[2] + 1]
    pos = window.canvas.screen_position(*mid)
    click(window.canvas, (pos[0] + 2, pos[1]))
    panel = window.data_tools.identify_panel
    assert [f.kind for f in panel.features] == ["road"]
    assert panel.values(0) == {
        "class": "primary",
        "maxspeed": "not tagged",
        "oneway": "no",
        "length": "1,100 m",
        "OSM way": "2",
    }
    far = window.canvas.screen_position(LON0 + 5 * STEP, LAT0 + 5 * STEP)
    click(window.canvas, far)
    assert panel.features == []
    assert panel.heading.text().startswith("Nothing here")


def test_a_drag_with_identify_is_not_aclick(window):
    window.data_tools.act_identify.trigger()
    start = facility_xy(window, "F1")
    drag(window.canvas, start, (start[0] + 60, start[1] + 40))
    assert window.data_tools.identify_panel.features == []


def test_select_by_click_box_and_modifiers(window, qtbot):
    tools = window.data_tools
    tools.act_select.trigger()
    assert window.canvas.tool == "select"
    selection = tools.selection
    click(window.canvas, facility_xy(window, "F3"))
    assert list(selection.rows) == [2]
    click(window.canvas, facility_xy(window, "F1"), Qt.KeyboardModifier.ShiftModifier)
    assert list(selection.rows) == [0, 2]
    click(window.canvas, facility_xy(window, "F3"), Qt.KeyboardModifier.ControlModifier)
    assert list(selection.rows) == [0]
    # a box around all three labs
    xy = np.array([facility_xy(window, f) for f in ("F1", "F2", "F3")])
    lo, hi = xy.min(axis=0) - 15, xy.max(axis=0) + 15
    drag(window.canvas, tuple(lo), tuple(hi))
    assert list(selection.rows) == [0, 1, 2]
    # highlighted on the map and in the attribute table
    tools.show_attribute_table()
    image = window.canvas.grab().toImage()
    assert count_colour(image, SELECTION_COLOR, tolerance=30) > 50
    view = tools.attributes.facility_table.view
    assert len(view.selectionModel().selectedRows()) == 3
    # clicking on empty map clears the selection
    click(window.canvas, window.canvas.screen_position(LON0 + 5 * STEP, LAT0))
    assert len(selection) == 0
    image = window.canvas.grab().toImage()
    assert count_colour(image, SELECTION_COLOR, tolerance=30) == 0


def test_switching_tools_keeps_the_buttons_in_step(window):
    tools = window.data_tools
    tools.act_select.trigger()
    assert tools.act_select.isChecked()
    assert not tools.act_identify.isChecked()
    window.canvas.set_tool("pan")  # a tool switched from the canvas side, not by its button
    assert not tools.act_select.isChecked()
    with pytest.raises(ValueError, match="identify, select"):
        window.canvas.set_tool("lasso")


def test_road_picker_finds_the_nearest_edge_within_tolerance():
    roads = tiny_roads()
    crs = local_utm_crs(LON0, LAT0)
    picker = RoadPicker(roads, crs)
    xy = project_lonlat(roads.geom_lonlat, crs)
    mid = xy[roads.geom_offsets[5] + 1]  # middle vertex of edge 5
    assert picker.nearest(mid[0] + 3.0, mid[1], tolerance_m=10.0) == 5
    # the segment between vertices, not only the vertices, is found
    a, b = xy[roads.geom_offsets[5]], xy[roads.geom_offsets[5] + 1]
    half = (a + b) / 2
    assert picker.nearest(half[0], half[1] + 1.0, tolerance_m=5.0) == 5
    assert picker.nearest(mid[0] + 300.0, mid[1] + 300.0, tolerance_m=10.0) is None


def test_identify_panel_double_click_zooms(window, qtbot):
    tools = window.data_tools
    tools.act_identify.trigger()
    click(window.canvas, facility_xy(window, "F3"))
    panel = tools.identify_panel
    assert panel.tree.topLevelItem(0).text(1) == "Clínica Sur"
    click_cell(qtbot, panel.tree, 0, double=True)
    sx, sy = facility_xy(window, "F3")
    assert abs(sx - window.canvas.width() / 2) < 2
    assert abs(sy - window.canvas.height() / 2) < 2
