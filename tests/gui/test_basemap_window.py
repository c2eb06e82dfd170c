"""The offline base map in the window: drawn from the project's OSM data or from a tiles file,
chosen in View ▸ Base map, read with the roads, kept in the project file."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import shapely
from conftest import LAT0, LON0, make_tiny_project
from helpers import (
    activate,
    click,
    count_colour,
    open_window,
    pixel,
    reopen,
    save_as,
    type_into,
)
from osmkit import OsmXml
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ccgeo.gui import settings
from ccgeo.gui.main_window import MainWindow
from ccgeo.io.tilefiles import write_mbtiles
from ccgeo.model.basemap import BasemapData
from ccgeo.project import Project
from ccgeo.render.basemap import PLACE_LOOKS, BasemapLayer, PlaceLabelLayer
from ccgeo.styles import BACKGROUND, BASEMAP_AREA_FILLS

pytestmark = pytest.mark.gui

MAGENTA = "#FF00FF"
#: Places of the tiny base map: the town's name and a village on the same spot (it must give
#: way), and a neighbourhood in the south-west.
PLACES = (
    ("Ciudad Chica", "town", (LON0 - 0.002, LAT0 + 0.002)),
    ("Pueblo Escondido", "village", (LON0 - 0.002, LAT0 + 0.002)),
    ("Barrio Sur", "neighbourhood", (LON0 - 0.007, LAT0 - 0.009)),
)


def tiny_basemap() -> BasemapData:
    """A lake in the north-west, a park in the south-east, a river across the south."""
    lake = shapely.box(LON0 - 0.011, LAT0 + 0.003, LON0 - 0.005, LAT0 + 0.009)
    park = shapely.box(LON0 + 0.005, LAT0 - 0.009, LON0 + 0.011, LAT0 - 0.003)
    river = shapely.LineString([(LON0 - 0.012, LAT0 - 0.0065), (LON0 + 0.012, LAT0 - 0.0065)])
    return BasemapData.from_geometries(
        np.array([lake, park]),
        np.array(["water", "park"]),
        np.array([river]),
        np.array(["river"]),
        places=(
            np.array([p[0] for p in PLACES], dtype=object),
            np.array([p[1] for p in PLACES]),
            np.array([p[2] for p in PLACES]),
        ),
        source="tiny.osm",
    )


@pytest.fixture
def mapped_project() -> Project:
    project = make_tiny_project("Tiny mapped city")
    project.basemap = tiny_basemap()
    project.metadata["synthetic"] = False
    return project


@pytest.fixture
def window(qtbot, mapped_project) -> MainWindow:
    return open_window(qtbot, mapped_project, quiet=False)


def only_kinds(window: MainWindow, *kinds: str) -> None:
    for layer in window.canvas.layers:
        layer.visible = layer.kind in kinds


def choose_basemap(qtbot, window: MainWindow, text: str) -> None:
    """View ▸ Base map ▸ ``text`` with the mouse, as a person does: click View in the menu bar,
    point at Base map, point at ``text`` and click it."""
    bar = window.menuBar()
    view = next(a for a in bar.actions() if a.text().replace("&", "") == "View")
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(view).center())
    menu = view.menu()
    qtbot.waitUntil(menu.isVisible, timeout=2_000)
    for label in ("Base map", text):
        action = next(a for a in menu.actions() if a.text().replace("&", "") == label)
        assert action.isVisible()
        assert action.isEnabled()
        pos = menu.actionGeometry(action).center()
        qtbot.mouseMove(menu, pos)
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=pos)
        if action.menu() is not None:
            menu = action.menu()
            qtbot.waitUntil(menu.isVisible, timeout=2_000)
    qtbot.waitUntil(lambda: not menu.isVisible(), timeout=2_000)
    activate(qtbot, window)


def png(colour: str) -> bytes:
    image = QImage(256, 256, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


# -- drawn from the project's OSM data ---------------------------------------------------------


def test_the_base_map_is_under_everything_and_names_above_the_roads(window):
    kinds = [layer.kind for layer in window.canvas.layers]
    assert kinds[0] == "basemap"
    assert kinds.index("places") == kinds.index("roads") + 1
    assert window.act_basemap_project.isChecked()
    assert "Base map © OpenStreetMap contributors" in window.canvas.attribution or (
        "Roads and base map © OpenStreetMap contributors" in window.canvas.attribution
    )


def test_water_parks_and_rivers_are_drawn_where_they_are(window):
    only_kinds(window, "basemap")
    image = window.canvas.render_image(decorations=False)
    canvas = window.canvas
    assert pixel(image, *canvas.screen_position(LON0 - 0.008, LAT0 + 0.006)) == QColor(
        BASEMAP_AREA_FILLS["water"]
    )
    assert pixel(image, *canvas.screen_position(LON0 + 0.008, LAT0 - 0.005)) == QColor(
        BASEMAP_AREA_FILLS["park"]
    )
    assert pixel(image, *canvas.screen_position(LON0, LAT0 + 0.006)) == QColor(BACKGROUND)
    # the river: a blue line across the south, a few pixels wide
    x, y = canvas.screen_position(LON0 - 0.002, LAT0 - 0.0065)
    assert pixel(image, x, y) == QColor(BASEMAP_AREA_FILLS["water"])
    assert pixel(image, x, y - 8) == QColor(BACKGROUND)


def test_place_names_never_overlap_and_are_readable(window):
    only_kinds(window, "places")
    layer = next(x for x in window.canvas.layers if isinstance(x, PlaceLabelLayer))
    image = window.canvas.render_image(decorations=False)
    # the village on the town's spot gives way; the neighbourhood shows this close in
    assert layer.drawn == ["Ciudad Chica", "Barrio Sur"]
    assert min(look.size_px for look in PLACE_LOOKS.values()) >= 12
    x, y = window.canvas.screen_position(*PLACES[0][2])
    box = image.copy(round(x) - 40, round(y) - 8, 80, 16)
    assert count_colour(box, PLACE_LOOKS["town"].color, tolerance=40) > 40
    # zoomed far out, only the town is named
    window.canvas.zoom_to_extent(_grown(window.canvas.view.extent(), 12.0))
    window.canvas.render_image(decorations=False)
    assert layer.drawn == ["Ciudad Chica"]


def _grown(extent, factor: float):
    cx, cy = (extent[0] + extent[2]) / 2, (extent[1] + extent[3]) / 2
    hw, hh = (extent[2] - extent[0]) * factor / 2, (extent[3] - extent[1]) * factor / 2
    return (cx - hw, cy - hh, cx + hw, cy + hh)


def test_the_base_map_menu_offers_four_sources(qtbot, window):
    entries = [a.text().replace("&", "") for a in window.menus["basemap"].actions()]
    assert entries == [
        "From the project's OSM data",
        "From a tiles file…",
        "OpenStreetMap web tiles (online)",
        "None",
    ]
    choose_basemap(qtbot, window, "None")
    kinds = [layer.kind for layer in window.canvas.layers]
    assert "basemap" not in kinds
    assert "places" not in kinds
    assert settings.basemap() == "none"
    choose_basemap(qtbot, window, "From the project's OSM data")
    kinds = [layer.kind for layer in window.canvas.layers]
    assert kinds[0] == "basemap"
    assert settings.basemap() == "project"
    assert "drawn offline from the project's OpenStreetMap data" in window.message_label.text()


def test_hidden_place_names_stay_hidden_when_switching_back(window):
    labels = next(x for x in window.canvas.layers if isinstance(x, PlaceLabelLayer))
    labels.visible = False
    window.act_basemap_none.trigger()
    window.act_basemap_project.trigger()
    again = next(x for x in window.canvas.layers if isinstance(x, PlaceLabelLayer))
    assert not again.visible


def test_a_project_without_osm_data_draws_no_base_map_and_says_why(qtbot, tiny_project):
    win = open_window(qtbot, tiny_project)
    win.act_basemap_none.trigger()
    win.act_basemap_project.trigger()
    assert "basemap" not in [layer.kind for layer in win.canvas.layers]
    assert "import its roads from an OSM file" in win.message_label.text()


def test_the_base_map_is_saved_with_the_project(qtbot, window, tmp_path, monkeypatch):
    save_as(qtbot, window, tmp_path / "mapped.ccgeo", monkeypatch)
    again = reopen(qtbot, tmp_path / "mapped.ccgeo", monkeypatch)
    assert again.project.basemap is not None
    assert again.project.basemap.counts() == tiny_basemap().counts()
    kinds = [layer.kind for layer in again.canvas.layers]
    assert kinds[0] == "basemap"
    assert "places" in kinds


def test_importing_roads_from_an_osm_file_brings_its_base_map(qtbot, tmp_path):
    osm = OsmXml((LON0, LAT0))  # where the tiny city is
    osm.way([(-10, 0), (10, 0)], highway="primary")
    osm.way([(0, -10), (0, 10)], highway="residential")
    osm.square(2, 2, 6, 6, leisure="park")
    osm.square(-8, -8, -4, -4, natural="water")
    osm.node(1, 3, place="town", name="Alpha")
    path = osm.write(tmp_path / "town.osm")
    win = open_window(qtbot, make_tiny_project())
    assert "basemap" not in [layer.kind for layer in win.canvas.layers]
    dialog = win.data_tools.open_layer_import("roads")
    type_into(qtbot, dialog.path_edit, str(path), enter=False)
    with qtbot.waitSignal(dialog.loaded, timeout=30_000):
        click(qtbot, dialog.import_button)
    assert win.project.basemap is not None
    assert win.project.basemap.counts() == {"park": 1, "water": 1, "town": 1}
    layers = win.canvas.layers
    assert isinstance(layers[0], BasemapLayer)
    assert layers[0].data is win.project.basemap
    assert [x.kind for x in layers].count("basemap") == 1


# -- a tiles file ------------------------------------------------------------------------------


def test_an_mbtiles_file_is_drawn_under_the_layers(qtbot, window, tmp_path, monkeypatch):
    layer_probe = window.basemap.make_layer(window.canvas.crs)
    keys = layer_probe.tiles_for_view(window.canvas.view)
    window.basemap.layer = None
    path = write_mbtiles(tmp_path / "city.mbtiles", {k: png(MAGENTA) for k in keys}, name="City")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    choose_basemap(qtbot, window, "From a tiles file…")
    assert window.act_basemap_file.isChecked()
    assert settings.basemap() == "file"
    assert settings.basemap_file() == path
    kinds = [layer.kind for layer in window.canvas.layers]
    assert kinds[0] == "basemap"
    assert "places" not in kinds  # the tiles carry their own names
    only_kinds(window, "basemap")
    image = window.canvas.render_image(decorations=False)
    assert count_colour(image, MAGENTA, tolerance=3) == image.width() * image.height()
    assert "Base map: City" in window.canvas.attribution
    # the next start draws the same file
    again = open_window(qtbot, make_tiny_project())
    assert again.act_basemap_file.isChecked()


def test_a_tiles_file_that_cannot_be_drawn_is_refused(qtbot, window, tmp_path, monkeypatch):
    vector = write_mbtiles(tmp_path / "roads.mbtiles", {(0, 0, 0): b"\x1a\x00"}, tile_format="pbf")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(vector), ""))
    window.act_basemap_file.trigger()
    assert "holds pbf tiles" in shown[0]
    assert window.act_basemap_project.isChecked()
    assert settings.basemap() == "project"
    assert isinstance(window.canvas.layers[0], BasemapLayer)


def test_a_cancelled_tiles_file_dialog_keeps_the_base_map(window, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    window.act_basemap_file.trigger()
    assert window.act_basemap_project.isChecked()
    assert isinstance(window.canvas.layers[0], BasemapLayer)


def test_a_missing_tiles_file_at_start_falls_back_to_the_offline_map(qtbot, tmp_path):
    settings.set_basemap("file")
    settings.set_basemap_file(Path(tmp_path / "gone.mbtiles"))
    win = open_window(qtbot, make_tiny_project())
    assert win.act_basemap_project.isChecked()
    assert settings.basemap() == "project"
    assert "gone.mbtiles no longer exists" in win.message_label.text()
