"""Map drawing shortcuts that keep redraws fast: road levels of detail and stamped symbols."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from helpers import count_colour, pixel
from pyproj import CRS
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPicture

from ccgeo.geo import project_lonlat
from ccgeo.gui.canvas.map_canvas import MapCanvas
from ccgeo.model.roads import RoadData
from ccgeo.render.build import layers_from_project
from ccgeo.render.facilities import FacilityLayer, render_sprite
from ccgeo.render.layers import cosmetic_pen, world_transform
from ccgeo.render.qpath import path_from_polylines, path_from_vertices, path_vertices
from ccgeo.render.roads import LOD_M_PER_PX, RoadLayer, merged_lines
from ccgeo.render.view import ViewTransform
from ccgeo.styles import BACKGROUND, FACILITY_STYLES, QUALITY_RING_COLOR, ROAD_STYLES

pytestmark = pytest.mark.gui

UTM14 = CRS.from_epsg(32614)
#: Oaxaca de Juárez, lon/lat degrees.
LON0, LAT0 = -96.72, 17.06


def channels(image: QImage) -> np.ndarray:
    """The image as an ``(h, w, 4)`` array of bytes (B, G, R, A on little-endian machines)."""
    img = image.convertToFormat(QImage.Format.Format_ARGB32)
    arr = np.frombuffer(img.constBits(), dtype=np.uint8).reshape(img.height(), img.bytesPerLine())
    return arr[:, : img.width() * 4].reshape(img.height(), img.width(), 4).copy()


def road_data(polylines: list[np.ndarray], highway: list[str], way: list[int]) -> RoadData:
    """A `RoadData` of the given lon/lat polylines (one edge each), classes and way ids."""
    counts = np.array([len(p) for p in polylines])
    geom = np.vstack(polylines)
    ends = np.vstack([np.vstack([p[0], p[-1]]) for p in polylines])
    nodes, inverse = np.unique(np.round(ends, 9), axis=0, return_inverse=True)
    m = len(polylines)
    return RoadData(
        node_osmid=np.arange(len(nodes), dtype=np.int64),
        node_lonlat=nodes,
        edge_u=inverse.reshape(-1, 2)[:, 0].astype(np.int64),
        edge_v=inverse.reshape(-1, 2)[:, 1].astype(np.int64),
        edge_length_m=np.full(m, 100.0),
        edge_highway=np.array(highway, dtype=object),
        edge_maxspeed_kmh=np.full(m, np.nan),
        edge_oneway=np.zeros(m, dtype=np.int8),
        edge_surface=np.array([""] * m, dtype=object),
        edge_way_id=np.array(way, dtype=np.int64),
        geom_offsets=np.concatenate([[0], np.cumsum(counts)]).astype(np.int64),
        geom_lonlat=geom,
        source="synthetic",
    )


@pytest.fixture
def winding_road() -> np.ndarray:
    """A 5 km secondary road with 3,000 vertices: bends, and metre-scale jitter."""
    rng = np.random.default_rng(7)
    t = np.linspace(0.0, 1.0, 3000)
    lon = LON0 + 0.047 * t
    lat = LAT0 + 0.003 * np.sin(12.0 * t) + rng.normal(0.0, 3e-6, len(t))
    return np.column_stack([lon, lat])


def test_path_vertices_read_back_what_was_written():
    rng = np.random.default_rng(3)
    xy = rng.uniform(-1e6, 1e6, (50, 2))
    starts = rng.random(50) < 0.2
    starts[0] = True
    back, back_starts = path_vertices(path_from_vertices(xy, starts))
    np.testing.assert_array_equal(back, xy)
    np.testing.assert_array_equal(back_starts, starts)
    empty, empty_starts = path_vertices(path_from_vertices(np.empty((0, 2)), np.empty(0, bool)))
    assert empty.shape == (0, 2)
    assert len(empty_starts) == 0


def test_level_of_detail_follows_the_zoom():
    assert RoadLayer.level_of_detail(0.3) == 0
    assert LOD_M_PER_PX[RoadLayer.level_of_detail(1.0)] == 1.0
    assert LOD_M_PER_PX[RoadLayer.level_of_detail(30.0)] == 16.0
    assert RoadLayer.level_of_detail(1e6) == len(LOD_M_PER_PX) - 1
    assert list(LOD_M_PER_PX) == sorted(LOD_M_PER_PX)


def test_every_level_stays_within_half_a_pixel(winding_road):
    # Primary roads are shown at every zoom, so every level is cached.
    layer = RoadLayer(road_data([winding_road], ["primary"], [1]), UTM14)
    truth = shapely.linestrings(project_lonlat(winding_road, UTM14))
    counts = []
    for level, m_per_px in enumerate(LOD_M_PER_PX):
        lines = layer.drawn_lines(level, "primary")
        drawn = shapely.multilinestrings(lines)
        # Hausdorff both ways: nothing drawn strays, and nothing of the road is lost.
        assert shapely.hausdorff_distance(drawn, truth) <= 0.5 * m_per_px + 1e-6, level
        assert shapely.get_num_coordinates(lines).sum() == layer.vertex_count(level)
        counts.append(layer.vertex_count(level))
    assert counts == sorted(counts, reverse=True)
    assert counts[0] >= 3000  # full geometry at street level
    assert counts[-1] < 40  # a handful of vertices when the road is a few pixels long


def test_classes_are_cached_only_up_to_where_they_are_hidden(winding_road):
    layer = RoadLayer(road_data([winding_road], ["track"], [1]), UTM14)
    hidden_from = ROAD_STYLES["track"].max_m_per_px
    for level, m_per_px in enumerate(LOD_M_PER_PX):
        drawn = len(layer.drawn_lines(level, "track")) > 0
        assert drawn == (m_per_px <= hidden_from), level


def test_long_roads_are_cut_into_pieces_at_street_level(winding_road):
    layer = RoadLayer(road_data([winding_road], ["secondary"], [1]), UTM14)
    pieces = layer.drawn_lines(0, "secondary")
    # Pieces are short enough to be culled one by one, and together they are the whole road.
    assert len(pieces) > 10
    assert shapely.get_num_coordinates(pieces).max() <= 33
    joined = shapely.line_merge(shapely.multilinestrings(pieces))
    truth = shapely.linestrings(project_lonlat(winding_road, UTM14))
    assert shapely.equals(joined, truth)


def test_edges_of_a_way_are_joined_through_junctions():
    # Way 1 runs west to east in three edges; way 2 crosses it in two edges at its first
    # junction; way 3 ends at the second junction, where way 1 goes on.
    a, b, c, d = (np.array([[x, 0.0], [x + 100.0, 0.0]]) for x in (0.0, 100.0, 200.0, 300.0))
    north, south = np.array([[100.0, 0.0], [100.0, 80.0]]), np.array([[100.0, -80.0], [100.0, 0.0]])
    spur = np.array([[200.0, 0.0], [250.0, 60.0]])
    lines = shapely.linestrings(
        np.vstack([a, b, c, north, south, spur]), indices=np.repeat(range(6), 2)
    )
    merged = merged_lines(lines, np.array([1, 1, 1, 2, 2, 3]))
    lengths = sorted(np.round(shapely.length(merged)).tolist())
    assert lengths == [round(float(np.hypot(50, 60))), 160, 300]
    assert shapely.equals(shapely.multilinestrings(merged), shapely.multilinestrings(lines))
    # Two ways meeting end to end with nothing else there become one polyline.
    ends = merged_lines(
        shapely.linestrings(np.vstack([c, d]), indices=[0, 0, 1, 1]), np.array([5, 6])
    )
    assert len(ends) == 1
    assert shapely.length(ends[0]) == pytest.approx(200.0)


def test_simplified_roads_draw_the_same_pixels(winding_road, qtbot):
    layer = RoadLayer(road_data([winding_road], ["secondary"], [1]), UTM14)
    xy = project_lonlat(winding_road, UTM14)
    centre = xy.mean(axis=0)
    style = ROAD_STYLES["secondary"]

    def render(draw) -> np.ndarray:
        image = QImage(QSize(500, 300), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor(BACKGROUND))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        draw(painter)
        painter.end()
        return channels(image)[:, :, 0]  # blue: the yellow road is dark in it

    for m_per_px in (12.0, 3.0):
        view = ViewTransform(float(centre[0]), float(centre[1]), m_per_px, 500, 300)
        assert LOD_M_PER_PX[layer.level_of_detail(m_per_px)] > 1.0  # simplified geometry

        def full_geometry(painter, view=view):
            painter.setTransform(world_transform(view))
            pen = cosmetic_pen(style.color, style.width_px)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.drawPath(path_from_polylines(xy, np.array([0, len(xy)])))

        ink_lod = render(lambda p, view=view: layer.paint(p, view)) < 180
        ink_full = render(full_geometry) < 180
        assert ink_full.sum() > 500
        differ = (ink_lod ^ ink_full).sum() / (ink_lod | ink_full).sum()
        assert differ < 0.15, m_per_px


def test_paint_culls_and_draws_only_what_is_in_view(winding_road, qtbot):
    layer = RoadLayer(road_data([winding_road], ["secondary"], [1]), UTM14)
    canvas = MapCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(300, 200)
    canvas.set_layers([layer], UTM14)
    x0, y0 = project_lonlat(winding_road[:1], UTM14)[0]
    on_road = ViewTransform(float(x0) + 100.0, float(y0), 1.0, 300, 200)
    far_away = ViewTransform(float(x0) - 5000.0, float(y0), 1.0, 300, 200)
    image = canvas.render_image(view=on_road, decorations=False)
    assert count_colour(image, ROAD_STYLES["secondary"].color) > 100
    image = canvas.render_image(view=far_away, decorations=False)
    assert count_colour(image, BACKGROUND, tolerance=0) == 300 * 200


# -- facilities: symbols stamped from pre-drawn images ------------------------------------


def test_sprite_is_centred_and_holds_the_whole_symbol():
    style = FACILITY_STYLES["pcr"]
    for ratio in (1.0, 2.0):
        sprite = render_sprite(style, ring=False, pixel_ratio=ratio)
        side = sprite.width()
        assert sprite.height() == side
        assert sprite.devicePixelRatio() == ratio
        alpha = channels(sprite)[:, :, 3]
        assert alpha[0].max() == alpha[-1].max() == alpha[:, 0].max() == alpha[:, -1].max() == 0
        ys, xs = np.nonzero(alpha)
        assert (xs.min() + xs.max()) / 2 == pytest.approx((side - 1) / 2, abs=1.0)
        assert (ys.min() + ys.max()) / 2 == pytest.approx((side - 1) / 2, abs=1.0)
        assert sprite.pixelColor(side // 2, side // 2).name().upper() == style.fill
    ring = render_sprite(FACILITY_STYLES["ngs"], ring=True)
    assert ring.pixelColor(ring.width() // 2, ring.width() // 2).alpha() == 0  # a ring, not a disc


def test_stamped_symbols_match_the_vector_drawing(tiny_project, qtbot):
    _, layers = layers_from_project(tiny_project)
    facilities = next(layer for layer in layers if isinstance(layer, FacilityLayer))
    view = ViewTransform.fit(facilities.extent, 400, 300, margin=0.2)

    def render(device_first: bool) -> QImage:
        image = QImage(QSize(400, 300), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor(BACKGROUND))
        if device_first:  # raster: stamped sprites
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            facilities.paint(painter, view)
            painter.end()
            return image
        picture = QPicture()  # a vector device, as a PDF: outlines as paths
        recorder = QPainter(picture)
        recorder.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        facilities.paint(recorder, view)
        recorder.end()
        painter = QPainter(image)
        painter.drawPicture(0, 0, picture)
        painter.end()
        return image

    stamped, vector = render(True), render(False)
    positions = facilities.screen_positions(view)
    for image in (stamped, vector):
        for row, key in enumerate(facilities.symbol_class):
            x, y = positions[row]
            assert pixel(image, x, y).name().upper() == FACILITY_STYLES[key].fill, key
    for colour in (FACILITY_STYLES["pcr"].fill, FACILITY_STYLES["ngs"].fill, QUALITY_RING_COLOR):
        a, b = count_colour(stamped, colour), count_colour(vector, colour)
        assert a > 10
        assert abs(a - b) <= 0.25 * b, colour


def test_symbols_stay_in_place_on_a_hidpi_image(tiny_project, qtbot):
    canvas = MapCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(400, 300)
    crs, layers = layers_from_project(tiny_project)
    canvas.set_layers(layers, crs)
    facilities = next(layer for layer in layers if isinstance(layer, FacilityLayer))
    row = int(np.flatnonzero(facilities.facilities.gdf["facility_id"] == "F2")[0])
    x, y = facilities.screen_positions(canvas.view)[row]
    for ratio in (1.0, 2.0):
        image = canvas.render_image(decorations=False, pixel_ratio=ratio)
        assert pixel(image, x, y).name().upper() == FACILITY_STYLES["pcr"].fill, ratio
