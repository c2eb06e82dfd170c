"""MapCanvas: layers drawn where they belong, and pan/zoom by mouse, wheel and keys."""

from __future__ import annotations

import numpy as np
import pytest
from helpers import count_colour, drag, pixel, send_mouse, send_wheel
from PySide6.QtCore import QEvent, Qt

from ccgeo.gui.canvas.map_canvas import MapCanvas, format_distance, nice_scale_length
from ccgeo.model.demand import Demand
from ccgeo.render.build import layers_from_project, map_crs, project_extent_lonlat
from ccgeo.render.facilities import FacilityLayer
from ccgeo.render.population import PopulationLayer
from ccgeo.render.roads import RoadLayer
from ccgeo.render.view import ViewTransform
from ccgeo.styles import BACKGROUND, FACILITY_STYLES, QUALITY_RING_COLOR, ROAD_STYLES

pytestmark = pytest.mark.gui


@pytest.fixture
def canvas(qtbot, tiny_project):
    widget = MapCanvas()
    qtbot.addWidget(widget)
    widget.resize(600, 500)
    crs, layers = layers_from_project(tiny_project)
    widget.set_layers(layers, crs)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def layer_of(canvas, kind):
    return next(layer for layer in canvas.layers if layer.kind == kind)


def facility_screen(canvas, facility_id):
    fac = layer_of(canvas, "facilities")
    row = int(np.flatnonzero(fac.facilities.gdf["facility_id"] == facility_id)[0])
    return fac.screen_positions(canvas.view)[row]


def test_layers_are_built_bottom_to_top(tiny_project):
    crs, layers = layers_from_project(tiny_project)
    assert [layer.kind for layer in layers] == ["population", "roads", "districts", "facilities"]
    assert crs.to_epsg() == 32614  # Oaxaca lies in UTM zone 14 N
    assert map_crs(tiny_project) == crs
    lon0, _lat0, _lon1, lat1 = project_extent_lonlat(tiny_project)
    assert lon0 == pytest.approx(-96.732)
    assert lat1 == pytest.approx(17.072)


def test_full_extent_fits_all_layers(canvas):
    view = canvas.view
    assert (view.width_px, view.height_px) == (canvas.width(), canvas.height())
    for layer in canvas.layers:
        x0, y0, x1, y1 = layer.extent
        corners = view.world_to_screen(np.array([[x0, y0], [x1, y1]]))
        assert (corners[:, 0] >= 0).all()
        assert (corners[:, 0] <= view.width_px).all()
        assert (corners[:, 1] >= 0).all()
        assert (corners[:, 1] <= view.height_px).all()


def test_facility_symbol_is_drawn_at_its_location(canvas):
    image = canvas.render_image(decorations=False)
    x, y = facility_screen(canvas, "F2")  # the PCR lab: a red diamond
    assert pixel(image, x, y).name().upper() == FACILITY_STYLES["pcr"].fill
    # F1 does NGS and takes part in international EQA: a purple star inside a green ring.
    x1, y1 = facility_screen(canvas, "F1")
    assert pixel(image, x1, y1).name().upper() == FACILITY_STYLES["ngs"].fill
    ring_r = FACILITY_STYLES["ngs"].size_px / 2 + 2.0 + 1.2
    assert pixel(image, x1 + ring_r, y1).name().upper() == QUALITY_RING_COLOR


def test_hiding_a_layer_removes_its_pixels(canvas, qtbot):
    x, y = facility_screen(canvas, "F2")
    facilities = layer_of(canvas, "facilities")
    with qtbot.waitSignal(canvas.layersChanged):
        facilities.visible = False
    hidden = canvas.render_image(decorations=False)
    assert pixel(hidden, x, y).name().upper() != FACILITY_STYLES["pcr"].fill
    assert count_colour(hidden, FACILITY_STYLES["pcr"].fill, tolerance=2) == 0
    facilities.visible = True
    assert count_colour(canvas.render_image(decorations=False), FACILITY_STYLES["pcr"].fill) > 20


def test_opacity_blends_the_layer(canvas):
    x, y = facility_screen(canvas, "F2")
    layer_of(canvas, "facilities").opacity = 0.5
    colour = pixel(canvas.render_image(decorations=False), x, y)
    full = FACILITY_STYLES["pcr"].fill
    assert colour.name().upper() != full
    assert colour.red() > colour.green()  # still reddish, half way to what lies beneath


def test_move_layer_changes_drawing_order(canvas, tiny_project):
    population = layer_of(canvas, "population")
    canvas.move_layer(population, len(canvas.layers) - 1)
    assert canvas.layers[-1] is population
    x, y = facility_screen(canvas, "F2")
    # The translucent heat now lies over the diamond and changes its colour.
    assert (
        pixel(canvas.render_image(decorations=False), x, y).name().upper()
        != FACILITY_STYLES["pcr"].fill
    )
    with pytest.raises(ValueError, match="not on this map"):
        canvas.move_layer(FacilityLayer(tiny_project.facilities, canvas.crs), 0)


def test_wheel_zooms_about_the_cursor(canvas):
    before = canvas.view
    anchor = (150.0, 120.0)
    world = before.screen_to_world(np.array(anchor))[0]
    send_wheel(canvas, anchor, 2)  # two notches = ×2
    after = canvas.view
    assert after.m_per_px == pytest.approx(before.m_per_px / 2)
    assert after.screen_to_world(np.array(anchor))[0] == pytest.approx(world, abs=1e-6)
    send_wheel(canvas, anchor, -2)
    assert canvas.view.m_per_px == pytest.approx(before.m_per_px)


def test_drag_pans_by_the_mouse_movement(canvas):
    before = canvas.view
    drag(canvas, (300, 250), (360, 210))
    after = canvas.view
    assert after.m_per_px == before.m_per_px
    assert after.center_x == pytest.approx(before.center_x - 60 * before.m_per_px)
    assert after.center_y == pytest.approx(before.center_y - 40 * before.m_per_px)


def test_cached_image_follows_the_drag_before_release(canvas, qtbot):
    x, y = facility_screen(canvas, "F2")
    send_mouse(canvas, QEvent.Type.MouseButtonPress, (300, 250))
    send_mouse(canvas, QEvent.Type.MouseMove, (330, 270), buttons=Qt.MouseButton.LeftButton)
    shot = canvas.grab().toImage()
    assert pixel(shot, x + 30, y + 20).name().upper() == FACILITY_STYLES["pcr"].fill
    send_mouse(canvas, QEvent.Type.MouseButtonRelease, (330, 270))
    assert facility_screen(canvas, "F2") == pytest.approx([x + 30, y + 20])


def test_keys_zoom_pan_and_go_home(canvas, qtbot):
    home = canvas.view
    qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    assert canvas.view.m_per_px == pytest.approx(home.m_per_px / 2)
    qtbot.keyClick(canvas, Qt.Key.Key_Minus)
    qtbot.keyClick(canvas, Qt.Key.Key_Minus)
    assert canvas.view.m_per_px == pytest.approx(home.m_per_px * 2)
    qtbot.keyClick(canvas, Qt.Key.Key_Left)
    assert canvas.view.center_x < home.center_x  # content moves right: we look further west
    qtbot.keyClick(canvas, Qt.Key.Key_Home)
    assert canvas.view == home


def test_zoom_box_zooms_to_the_rectangle(canvas):
    canvas.set_tool("zoom_box")
    before = canvas.view
    corners = before.screen_to_world(np.array([[100.0, 100.0], [250.0, 200.0]]))
    drag(canvas, (100, 100), (250, 200))
    after = canvas.view
    screen = after.world_to_screen(corners)
    assert screen[:, 0].min() == pytest.approx(0, abs=1e-6) or screen[:, 1].min() == pytest.approx(
        0, abs=1e-6
    )
    assert after.m_per_px == pytest.approx(max(150 / 600, 100 / 500) * before.m_per_px)
    assert canvas.tool == "zoom_box"
    with pytest.raises(ValueError, match="tool"):
        canvas.set_tool("lasso")


def test_signals_report_cursor_and_scale(canvas, qtbot):
    x, y = facility_screen(canvas, "F2")
    with qtbot.waitSignal(canvas.cursorMoved) as moved:
        send_mouse(canvas, QEvent.Type.MouseMove, (x, y), buttons=Qt.MouseButton.NoButton)
    lon, lat = moved.args
    assert lon == pytest.approx(-96.72 - 0.006, abs=2e-5)
    assert lat == pytest.approx(17.06 + 0.008, abs=2e-5)
    with qtbot.waitSignal(canvas.scaleChanged) as scaled:
        canvas.zoom_in()
    assert scaled.args[0] == pytest.approx(canvas.scale_denominator())
    assert scaled.args[0] == pytest.approx(canvas.view.m_per_px * canvas.logicalDpiX() / 0.0254)


def test_resize_before_navigation_refits(canvas):
    canvas.resize(900, 300)
    assert canvas.view.width_px == 900
    assert canvas.view == ViewTransform.fit(canvas.full_extent(), 900, 300)
    canvas.zoom_in()
    zoomed = canvas.view
    canvas.resize(700, 400)
    assert canvas.view.m_per_px == zoomed.m_per_px  # after navigating, a resize keeps the zoom


def test_decorations_draw_scale_bar_and_north(canvas):
    plain = canvas.render_image(decorations=False)
    decorated = canvas.render_image(decorations=True)
    # The black half of the scale bar sits at the bottom left.
    assert pixel(plain, 20, canvas.height() - 15).name().upper() != "#263238"
    assert pixel(decorated, 20, canvas.height() - 15).name().upper() == "#263238"
    assert abs(canvas.north_angle_deg()) < 3.0  # UTM grid north is near true north


def test_roads_by_class_and_zoom(tiny_project, qtbot):
    crs, _ = layers_from_project(tiny_project)
    roads = RoadLayer(tiny_project.roads, crs)
    assert roads.edge_counts == {
        "path": 1,
        "service": 1,
        "track": 2,
        "minor": 3,
        "tertiary": 1,
        "secondary": 2,
        "primary": 2,
    }
    assert "path" in roads.visible_classes(1.0)
    assert roads.visible_classes(1000.0) == ["primary"]
    assert roads.level_of_detail(0.5) == 0  # street level: the full geometry
    assert roads.level_of_detail(50.0) > roads.level_of_detail(1.0) > 0
    assert roads.vertex_count(roads.level_of_detail(50.0)) < roads.vertex_count(0)
    canvas = MapCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(400, 400)
    canvas.set_layers([roads], crs)
    image = canvas.render_image(decorations=False)
    assert count_colour(image, ROAD_STYLES["primary"].color, tolerance=4) > 100
    assert count_colour(image, BACKGROUND, tolerance=0) > 0.5 * 400 * 400


def test_population_heat_is_darker_where_denser(tiny_project, qtbot):
    crs = map_crs(tiny_project)
    layer = PopulationLayer(tiny_project.demand, crs)
    assert layer.image is not None
    canvas = MapCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(400, 400)
    canvas.set_layers([layer], crs)
    image = canvas.render_image(decorations=False)
    # The tiny grid grows denser to the north-east.
    sw = canvas.screen_position(-96.72 - 0.009, 17.06 - 0.009)
    ne = canvas.screen_position(-96.72 + 0.009, 17.06 + 0.009)
    light, dark = pixel(image, *sw), pixel(image, *ne)
    assert dark.lightness() < light.lightness()
    assert pixel(image, 2, 2).name().upper() == BACKGROUND  # no people, no shading
    assert layer.legend()[0].kind == "ramp"


def test_population_by_district_is_a_choropleth(tiny_project, qtbot):
    demand = tiny_project.demand
    table = Demand(demand.gdf, source="census", kind="district_table")
    crs = map_crs(tiny_project)
    layer = PopulationLayer(table, crs, districts=tiny_project.districts)
    assert layer.image is None
    labels = [entry.label for entry in layer.legend()]
    assert len(labels) == 2
    assert all("people per km²" in label for label in labels)


def test_facilities_without_location_are_skipped(tiny_project):
    gdf = tiny_project.facilities.gdf.copy()
    from shapely.geometry import Point

    gdf.loc[gdf.index[0], "geometry"] = Point(float("nan"), float("nan"))
    from ccgeo.model.facilities import Facilities

    layer = FacilityLayer(Facilities(gdf), map_crs(tiny_project))
    assert np.isnan(layer.xy[0]).all()
    assert np.isfinite(layer.xy[1:]).all()


def test_scale_bar_lengths():
    assert nice_scale_length(160.0) == 100.0
    assert nice_scale_length(4999.0) == 2000.0
    assert nice_scale_length(5000.0) == 5000.0
    assert nice_scale_length(0.0) == 0.0
    assert format_distance(1500) == "1.5 km"
    assert format_distance(20_000) == "20 km"
    assert format_distance(200) == "200 m"


@pytest.mark.parametrize("width", [1000, 350, 180])
def test_the_credit_never_lies_on_the_scale_bar(qtbot, width):
    """A narrow map (side by side at 1366 px, a small printed map) keeps its scale bar readable:
    the credit goes above it, wrapped when it is wider than the map."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter

    from ccgeo.render.decorations import paint_attribution, paint_scale_bar

    image = QImage(width, 400, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    try:
        frame = QRectF(0, 0, width, 400)
        bar = paint_scale_bar(painter, frame, 20.0)
        credit = paint_attribution(
            painter, frame, "Roads and base map © OpenStreetMap contributors", avoid=bar
        )
    finally:
        painter.end()
    assert bar is not None
    assert not credit.intersects(bar)
    assert frame.contains(credit)
    if width >= 1000:  # room for both on the bottom line
        assert credit.bottom() > bar.top()
