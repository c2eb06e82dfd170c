"""MainWindow: layers panel, status bar, menus, background loading, errors, save and open."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from helpers import click_cell, click_check, count_colour, open_window, pixel, send_mouse
from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent, QImage
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QToolBar

import ccgeo
from ccgeo.errors import InputError
from ccgeo.gui import main_window as mw
from ccgeo.gui.main_window import attribution_for
from ccgeo.gui.workers import UNEXPECTED_ERROR
from ccgeo.styles import FACILITY_STYLES

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, tiny_project):
    """The tiny city in a main window that shows its message boxes (see `boxes`)."""
    return open_window(qtbot, tiny_project, quiet=False)


@pytest.fixture
def boxes(monkeypatch):
    """Capture message boxes instead of showing them."""
    shown: list[tuple[str, str, str]] = []

    def critical(_parent, title, text, *args, **kwargs):
        shown.append(("critical", title, text))
        return QMessageBox.StandardButton.Ok

    def about(_parent, title, text):
        shown.append(("about", title, text))

    monkeypatch.setattr(QMessageBox, "critical", critical)
    monkeypatch.setattr(QMessageBox, "about", about)
    return shown


def top_items(win):
    tree = win.layer_panel.tree
    return [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]


def pcr_position(win):
    fac = next(layer for layer in win.canvas.layers if layer.kind == "facilities")
    row = int(np.flatnonzero(fac.facilities.gdf["facility_id"] == "F2")[0])
    return fac.screen_positions(win.canvas.view)[row]


def test_window_shows_the_project(window):
    assert window.windowTitle() == "Tiny city — ccgeo"
    names = [item.text(0) for item in top_items(window)]
    assert names == ["Facilities", "Districts", "Roads", "Population"]  # top of the list on top
    facilities = top_items(window)[0]
    legend = [facilities.child(i).text(0) for i in range(facilities.childCount())]
    assert legend == [
        "NGS (sequencing) (1)",
        "PCR (molecular) (1)",
        "Biopsy only (1)",
        "Ring: in EQA or accredited (1)",
    ]
    assert all(not facilities.child(i).icon(0).isNull() for i in range(facilities.childCount()))
    assert window.scale_label.text().startswith("1:")
    assert window.canvas.attribution == "SYNTHETIC demo data: not a real city"
    assert window.act_save.isEnabled()
    assert window.act_export.isEnabled()


def test_toolbar_and_menu_actions_have_icons_and_tips(window):
    toolbar = window.findChild(QToolBar)
    tool_actions = [a for a in toolbar.actions() if not a.isSeparator()]
    core = [
        window.act_open,
        window.act_save,
        window.act_pan,
        window.act_zoom_box,
        window.act_zoom_in,
        window.act_zoom_out,
        window.act_zoom_full,
        window.act_export,
    ]
    assert all(a in tool_actions for a in core)
    # the extensions (identify, select, place hub, run...) add theirs; every button has a text
    assert all(a.text() for a in tool_actions)
    for action in tool_actions:
        assert not action.icon().isNull(), action.text()
        assert not action.icon().pixmap(24, 24).toImage().isNull(), action.text()
    for menu in window.menuBar().findChildren(QMenu):
        for action in menu.actions():
            if not action.isSeparator() and action.menu() is None:
                assert action.toolTip(), action.text()
                assert action.toolTip() != action.text().replace("&", ""), action.text()
    assert window.act_open.shortcut().toString() == "Ctrl+O"
    assert window.act_save_as.shortcut().toString() == "Ctrl+Shift+S"
    assert window.act_quit.shortcut().toString() == "Ctrl+Q"
    assert [s.toString() for s in window.act_zoom_full.shortcuts()] == ["Ctrl+0", "Home"]


def test_unticking_a_layer_hides_it(window, qtbot):
    x, y = pcr_position(window)
    red = FACILITY_STYLES["pcr"].fill
    assert pixel(window.canvas.render_image(decorations=False), x, y).name().upper() == red
    item = top_items(window)[0]
    tree = window.layer_panel.tree
    click_check(qtbot, tree, tree.indexFromItem(item, 0))
    assert item.checkState(0) == Qt.CheckState.Unchecked
    facilities = item.data(0, Qt.ItemDataRole.UserRole + 1)
    assert facilities.visible is False
    image = window.canvas.render_image(decorations=False)
    assert pixel(image, x, y).name().upper() != red
    assert count_colour(image, red, tolerance=2) == 0
    qtbot.waitUntil(lambda: top_items(window)[0].checkState(0) == Qt.CheckState.Unchecked)


def test_dragging_a_layer_reorders_the_map(window, qtbot):
    tree = window.layer_panel.tree
    population = top_items(window)[3]
    layer = population.data(0, Qt.ItemDataRole.UserRole + 1)
    tree.setCurrentItem(population)
    target = tree.visualItemRect(top_items(window)[0])
    mime = QMimeData()
    event = QDropEvent(
        QPointF(target.center().x(), target.top() + 2),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    tree.dropEvent(event)
    assert window.canvas.layers[-1] is layer  # now drawn last, on top
    qtbot.waitUntil(lambda: top_items(window)[0].text(0) == "Population")
    assert [item.text(0) for item in top_items(window)] == [
        "Population",
        "Facilities",
        "Districts",
        "Roads",
    ]


def test_context_menu_moves_and_zooms(window, qtbot):
    panel = window.layer_panel
    roads = panel.layers_top_down()[2]
    menu = panel.context_menu(roads)
    actions = {a.text(): a for a in menu.actions()}
    actions["Move up"].trigger()
    assert panel.layers_top_down()[1] is roads
    menu = panel.context_menu(roads)
    {a.text(): a for a in menu.actions()}["Move down"].trigger()
    assert panel.layers_top_down()[2] is roads
    before = window.canvas.view
    {a.text(): a for a in panel.context_menu(roads).actions()}["Zoom to layer"].trigger()
    assert window.canvas.view != before


def test_opacity_slider_changes_the_selected_layer(window, qtbot):
    panel = window.layer_panel
    click_cell(qtbot, panel.tree, 3)
    slider = panel.opacity_slider
    assert slider.isVisible()
    slider.setFocus()
    for _ in range(slider.value() - 40):
        qtbot.keyClick(slider, Qt.Key.Key_Left)
    assert slider.value() == 40
    assert panel.selected_layer().opacity == pytest.approx(0.4)
    assert panel.opacity_label.text() == "Opacity 40 %"


def test_status_bar_shows_coordinates_under_the_cursor(window, qtbot):
    x, y = pcr_position(window)
    send_mouse(window.canvas, QEvent.Type.MouseMove, (x, y), buttons=Qt.MouseButton.NoButton)
    assert window.coord_label.text() == "Lon -96.72600°  Lat 17.06800°"


def test_zoom_actions_and_scale(window):
    scale = window.scale_label.text()
    window.act_zoom_in.trigger()
    assert window.scale_label.text() != scale
    window.act_zoom_full.trigger()
    assert window.scale_label.text() == scale
    window.act_zoom_box.trigger()
    assert window.canvas.tool == "zoom_box"
    window.act_pan.trigger()
    assert window.canvas.tool == "pan"


def test_about_names_version_attribution_and_synthetic_data(window, boxes):
    window.act_about.trigger()
    kind, _title, text = boxes[-1]
    assert kind == "about"
    assert f"ccgeo {ccgeo.__version__}" in text
    assert "© OpenStreetMap contributors" in text
    assert "SYNTHETIC" in text
    window.project.metadata["synthetic"] = False
    assert "Synthetic" not in window.about_text()


def test_attribution_credits_osm_for_real_roads(tiny_project):
    tiny_project.metadata["synthetic"] = False
    assert attribution_for(tiny_project) == "Roads © OpenStreetMap contributors"
    tiny_project.roads = None
    assert attribution_for(tiny_project) == ""


def test_loading_error_is_shown_in_a_message_box(qtbot, boxes, tmp_path):
    win = open_window(qtbot, quiet=False)
    missing = tmp_path / "nowhere.ccgeo"
    with qtbot.waitSignal(win.taskFailed, timeout=10_000) as failed:
        win.load_project(missing)
    assert "nowhere.ccgeo: the project file does not exist; check the path" in failed.args[0]
    assert boxes == [("critical", f"Opening {missing.name}", failed.args[0])]
    assert win.project is None
    assert not win.progress_bar.isVisible()


def test_input_error_from_the_reader_reaches_the_user(qtbot, boxes, tmp_path, monkeypatch):
    path = tmp_path / "broken.ccgeo"
    path.write_bytes(b"not a geopackage")

    def broken(p):
        raise InputError("this is not a ccgeo project (no GeoPackage header)", path=p)

    monkeypatch.setattr(mw.project_io, "open_project", broken)
    win = open_window(qtbot, quiet=False)
    with qtbot.waitSignal(win.taskFailed, timeout=10_000):
        win.load_project(path)
    assert boxes[0][2] == f"{path}: this is not a ccgeo project (no GeoPackage header)"


def test_unexpected_error_is_logged_not_dumped_on_the_user(
    qtbot, boxes, tmp_path, monkeypatch, caplog
):
    path = tmp_path / "p.ccgeo"
    path.write_bytes(b"x")
    monkeypatch.setattr(mw.project_io, "open_project", lambda p: 1 / 0)
    win = open_window(qtbot, quiet=False)
    with qtbot.waitSignal(win.taskFailed, timeout=10_000):
        win.load_project(path)
    text = boxes[0][2]
    assert text == UNEXPECTED_ERROR.format(error="ZeroDivisionError: division by zero")
    assert "Traceback" not in text
    assert "Traceback" in caplog.text


def test_save_as_then_open_round_trip(window, qtbot, monkeypatch, tmp_path, boxes):
    target = tmp_path / "tiny"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.act_save_as.trigger()
    assert window.progress_bar.isVisible()  # the save runs in the background
    qtbot.waitUntil(lambda: window.progress_bar.isHidden(), timeout=30_000)
    assert boxes == []
    saved = tmp_path / "tiny.ccgeo"
    assert saved.is_file()
    assert Path(window.project.path) == saved
    # Ctrl+S now saves to the same file without asking.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: pytest.fail("asked again"))
    window.act_save.trigger()
    assert window.progress_bar.isVisible()
    qtbot.waitUntil(lambda: window.progress_bar.isHidden(), timeout=30_000)

    other = open_window(qtbot, quiet=False)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(saved), ""))
    with qtbot.waitSignal(other.projectLoaded, timeout=30_000) as loaded:
        other.act_open.trigger()
    project = loaded.args[0]
    assert project.name == "Tiny city"
    assert other.windowTitle() == "Tiny city — ccgeo"
    assert len(project.facilities) == 3
    assert len(project.roads.edge_u) == 12
    assert [layer.kind for layer in other.canvas.layers] == [
        "population",
        "roads",
        "districts",
        "facilities",
    ]


def test_export_view_writes_a_png(window, monkeypatch, tmp_path):
    target = tmp_path / "view"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.act_export.trigger()
    image = QImage(str(tmp_path / "view.png"))
    assert image.width() == 2 * window.canvas.width()
    assert count_colour(image, FACILITY_STYLES["pcr"].fill, tolerance=2) > 50


def test_export_to_an_unwritable_place_says_so(window, boxes, tmp_path):
    assert window.export_view(tmp_path / "missing-folder" / "view.png") is False
    assert "could not be written" in boxes[0][2]
