"""The layer panel as a GIS user expects: remove a layer (menu, Delete), restyle it, undo both with
Ctrl+Z, classify the catchment bands, keep all that when the bands are drawn anew, and give it
as a plain dict for the project file."""

from __future__ import annotations

import json

import numpy as np
import pytest
from helpers import (
    choose,
    choose_in_menu,
    click,
    click_cell,
    layer_names,
    layer_row_menu,
    open_window,
    pixel,
    redo,
    run_by_click,
    show_dock,
    tick,
    type_into,
    undo,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog

from ccgeo.render.style import ramp_colors
from ccgeo.styles import FACILITY_STYLES, ROAD_STYLES

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, tiny_project):
    return open_window(qtbot, tiny_project)


def kinds(win) -> list[str]:
    """Layer kinds on the map, top first."""
    return [layer.kind for layer in reversed(win.canvas.layers)]


def layer(win, kind: str):
    return next(x for x in win.canvas.layers if x.kind == kind)


def road_pixel(win) -> QColor:
    """The colour drawn in the middle of the primary avenue (edge 2 of the tiny city)."""
    roads = win.project.roads
    mid = roads.geom_lonlat[roads.geom_offsets[2] + 1]
    x, y = win.canvas.screen_position(*mid)
    return pixel(win.canvas.render_image(decorations=False), x, y)


def facility_pixel(win, facility_id: str) -> QColor:
    gdf = win.project.facilities.gdf
    point = gdf.loc[gdf["facility_id"] == facility_id].geometry.iloc[0]
    x, y = win.canvas.screen_position(point.x, point.y)
    return pixel(win.canvas.render_image(decorations=False), x, y)


def close_to(color: QColor, hex_color: str, tolerance: int = 12) -> bool:
    want = QColor(hex_color)
    return all(
        abs(a - b) <= tolerance for a, b in zip(color.getRgb()[:3], want.getRgb()[:3], strict=True)
    )


def pick_colour(monkeypatch, hex_color: str) -> None:
    """The colour dialog answers ``hex_color`` (a person picks it there)."""
    monkeypatch.setattr(QColorDialog, "getColor", staticmethod(lambda *a, **k: QColor(hex_color)))


def swatch_has(win, map_layer, child: int, hex_color: str) -> bool:
    """Whether the legend swatch ``child`` of ``map_layer`` in the panel shows ``hex_color``."""
    item = win.layer_panel.item_for(map_layer)
    if item is None:
        return False
    image = item.child(child).icon(0).pixmap(28, 18).toImage()
    y = image.height() // 2
    return any(close_to(image.pixelColor(x, y), hex_color) for x in range(image.width()))


def style_dialog(qtbot, win, name: str):
    """Right-click the layer ``name`` ▸ Style…; the dialog shown."""
    choose_in_menu(qtbot, layer_row_menu(qtbot, win, name), "Style…")
    dialog = win.layer_panel.style_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=2_000)
    return dialog


def row_of(dialog, label: str):
    return next(row for row in dialog.rows if row.name.text() == label)


def test_remove_a_layer_from_its_menu_then_undo_and_redo(window, qtbot):
    primary = ROAD_STYLES["primary"].color
    assert close_to(road_pixel(window), primary)
    before = kinds(window)
    choose_in_menu(qtbot, layer_row_menu(qtbot, window, "Roads"), "Remove")
    assert "roads" not in kinds(window)
    qtbot.waitUntil(lambda: "Roads" not in layer_names(window), timeout=2_000)
    assert not close_to(road_pixel(window), primary)
    assert window.act_undo.text().replace("&", "") == "Undo Remove layer Roads"
    undo(qtbot, window)
    assert kinds(window) == before  # back at its place
    qtbot.waitUntil(lambda: layer_names(window)[2] == "Roads", timeout=2_000)
    assert close_to(road_pixel(window), primary)
    redo(qtbot, window)
    assert "roads" not in kinds(window)


def test_the_delete_key_removes_the_selected_layer(window, qtbot):
    tree = window.layer_panel.tree
    click_cell(qtbot, tree, layer_names(window).index("Districts"))
    assert window.layer_panel.selected_layer().kind == "districts"
    qtbot.keyClick(tree, Qt.Key.Key_Delete)
    assert "districts" not in kinds(window)
    undo(qtbot, window)
    assert "districts" in kinds(window)


def test_a_removed_layer_is_added_back_from_the_panel_menu(window, qtbot):
    choose_in_menu(qtbot, layer_row_menu(qtbot, window, "Population"), "Remove")
    assert "population" not in kinds(window)
    choose_in_menu(qtbot, layer_row_menu(qtbot, window, "Roads"), "Add back", "Population")
    assert kinds(window)[-1] == "population"  # at the bottom, where it was


def test_restyle_facilities_colour_and_size_then_undo(window, qtbot, monkeypatch):
    red = FACILITY_STYLES["pcr"].fill
    assert close_to(facility_pixel(window, "F2"), red)
    dialog = style_dialog(qtbot, window, "Facilities")
    assert dialog.windowTitle() == "Style of Facilities"
    pcr = row_of(dialog, FACILITY_STYLES["pcr"].label)
    assert pcr.color == QColor(red).name().upper()
    pick_colour(monkeypatch, "#00C853")
    click(qtbot, pcr.color_button)
    assert pcr.color == "#00C853"
    type_into(qtbot, pcr.size, "24", enter=False)
    click(qtbot, dialog.ok_button)
    assert not dialog.isVisible()
    facilities = layer(window, "facilities")
    assert facilities.style.to_dict() == {"colors": {"pcr": "#00C853"}, "sizes": {"pcr": 24.0}}
    assert close_to(facility_pixel(window, "F2"), "#00C853")
    # the legend row of the layer shows the new colour
    qtbot.waitUntil(lambda: swatch_has(window, facilities, 1, "#00C853"), timeout=2_000)
    undo(qtbot, window)
    assert facilities.style.is_default
    assert close_to(facility_pixel(window, "F2"), red)


def test_a_style_survives_an_attribute_edit_that_redraws_the_layer(window, qtbot, monkeypatch):
    dialog = style_dialog(qtbot, window, "Districts")
    outline = row_of(dialog, "District boundary")
    pick_colour(monkeypatch, "#FF00FF")
    click(qtbot, outline.color_button)
    click(qtbot, dialog.ok_button)
    old = layer(window, "facilities")
    # a facility edit draws a new facility layer; the districts' style stays, as does the order
    window.data_tools.redraw_facilities()
    assert layer(window, "facilities") is not old
    assert layer(window, "districts").style.to_dict() == {"colors": {"outline": "#FF00FF"}}


def test_catchment_bands_classified_and_kept_through_a_rerun(window, qtbot):
    run_by_click(qtbot, window)
    bands = layer(window, "catchments")
    labels = [c.label for c in bands.style_classes()]
    assert len(labels) == 3
    dialog = style_dialog(qtbot, window, "Catchment bands")
    choose(qtbot, dialog.ramp, "blues")
    assert [row.color for row in dialog.rows] == ramp_colors("blues", 3)
    tick(qtbot, row_of(dialog, labels[-1]).name, False)  # leave the farthest band off
    click(qtbot, dialog.ok_button)
    assert [color for _l, color, _p in bands.bands] == ramp_colors("blues", 3)[:2]
    qtbot.waitUntil(lambda: [e.label for e in bands.legend()] == labels[:2], timeout=2_000)
    # the user puts the bands on top of everything
    for _ in range(len(kinds(window))):
        if kinds(window)[0] == "catchments":
            break
        choose_in_menu(qtbot, layer_row_menu(qtbot, window, "Catchment bands"), "Move up")
    assert kinds(window)[0] == "catchments"
    # a new run draws new bands: they keep the classes, colours and place the user chose
    run_by_click(qtbot, window, mode="car")
    again = layer(window, "catchments")
    assert again is not bands
    assert kinds(window)[0] == "catchments"
    assert [color for _l, color, _p in again.bands] == ramp_colors("blues", 3)[:2]
    undo(qtbot, window)  # the last edit the user made: the move up
    assert kinds(window)[0] != "catchments"


def test_state_round_trips_through_a_plain_dict(window, qtbot, monkeypatch, project_factory):
    with qtbot.waitSignal(window.layer_panel.stateChanged, timeout=2_000):  # for saving
        choose_in_menu(qtbot, layer_row_menu(qtbot, window, "Population"), "Remove")
    choose_in_menu(qtbot, layer_row_menu(qtbot, window, "Roads"), "Move up")
    dialog = style_dialog(qtbot, window, "Roads")
    pick_colour(monkeypatch, "#123456")
    click(qtbot, row_of(dialog, ROAD_STYLES["primary"].label).color_button)
    click(qtbot, dialog.ok_button)
    choose_in_menu(qtbot, layer_row_menu(qtbot, window, "Districts"), "Hide")
    state = window.layer_panel.state()
    assert json.loads(json.dumps(state)) == state  # plain, JSON-ready
    assert state["order"] == ["facilities", "roads", "districts", "population"]
    assert state["removed"] == ["population"]
    assert state["layers"]["roads"]["style"] == {"colors": {"primary": "#123456"}}
    assert state["layers"]["districts"]["visible"] is False

    other = open_window(qtbot, project_factory("Tiny city again"))
    assert other.layer_panel.restore_state(state) == []
    assert kinds(other) == ["facilities", "roads", "districts"]
    assert not layer(other, "districts").visible
    assert layer(other, "roads").style.to_dict() == {"colors": {"primary": "#123456"}}
    qtbot.waitUntil(
        lambda: layer_names(other) == ["Facilities", "Roads", "Districts"], timeout=2_000
    )
    assert other.layer_panel.state() == state


def test_a_state_restored_before_the_run_styles_the_bands_it_draws(qtbot, project_factory):
    state = {
        "version": 1,
        "order": [
            "catchments",
            "whatif",
            "facilities",
            "districts",
            "roads",
            "underserved",
            "population",
        ],
        "removed": [],
        "layers": {"catchments": {"style": {"ramp": "purples", "hidden": ["120"]}}},
    }
    win = open_window(qtbot, project_factory())
    assert win.layer_panel.restore_state(state) == []
    run_by_click(qtbot, win)
    assert kinds(win)[0] == "catchments"
    bands = layer(win, "catchments")
    assert [label for label, _c, _p in bands.bands] == ["≤ 30 min to a lab", "30–60 min"]
    assert [color for _l, color, _p in bands.bands] == ramp_colors("purples", 3)[:2]


def test_unusable_state_entries_are_reported_and_left_out(window):
    problems = window.layer_panel.restore_state(
        {
            "layers": {
                "roads": {"opacity": 3, "style": {"colors": {"primary": "red"}}},
                "districts": {"visible": False},
            },
            "order": "roads first",
        }
    )
    assert any("`opacity` should be 0 to 1, got 3" in p for p in problems)
    assert any("colours should be #RRGGBB" in p for p in problems)
    assert any("`order` should be a list of layer kinds" in p for p in problems)
    assert layer(window, "roads").style.is_default
    assert layer(window, "roads").opacity == 1.0
    assert not layer(window, "districts").visible  # the good entry is applied


def test_one_history_for_layer_and_attribute_edits(window, qtbot):
    choose_in_menu(qtbot, layer_row_menu(qtbot, window, "Roads"), "Remove")
    from helpers import set_capability

    set_capability(qtbot, window, "F3", "pcr", True)
    show_dock(qtbot, window, "layers")
    undo(qtbot, window)  # the attribute edit, the last one
    gdf = window.project.facilities.gdf
    assert not bool(gdf.loc[gdf["facility_id"] == "F3", "pcr"].iloc[0])
    assert "roads" not in kinds(window)
    undo(qtbot, window)  # then the removal
    assert "roads" in kinds(window)
    assert np.isclose(layer(window, "roads").opacity, 1.0)


def test_orders_merge_and_styles_check_themselves():
    from ccgeo.errors import InputError
    from ccgeo.gui.panels.layer_state import merged_order
    from ccgeo.render.style import LayerStyle

    # a removed layer keeps its place: bottom stays bottom, top stays top, middle follows
    assert merged_order(["f", "d", "r", "p"], ["f", "r", "d"]) == ["f", "r", "d", "p"]
    assert merged_order(["w", "f", "d", "r"], ["f", "r", "d"]) == ["w", "f", "r", "d"]
    assert merged_order(["f", "d", "r", "p"], ["f", "r", "p"]) == ["f", "d", "r", "p"]
    style = LayerStyle({"pcr": "#00C853"}, {"pcr": 24.0}, frozenset({"none"}), "blues")
    assert LayerStyle.from_dict(style.to_dict()) == style
    assert LayerStyle().to_dict() == {}
    with pytest.raises(InputError, match=r"sizes should be 0.5 to 60 pixels.*ramp.*tartan"):
        LayerStyle.from_dict({"sizes": {"pcr": -1}, "ramp": "tartan"})
