"""The canvas on a real city: Oaxaca's OSM roads (48k edges) redraw fast at every zoom."""

from __future__ import annotations

import time

import numpy as np
import pytest
from helpers import count_colour

from ccgeo.geo import project_lonlat
from ccgeo.gui.canvas.map_canvas import MapCanvas
from ccgeo.project import Project
from ccgeo.render.build import layers_from_project
from ccgeo.render.view import ViewTransform
from ccgeo.styles import BACKGROUND, ROAD_STYLES

pytestmark = [pytest.mark.gui, pytest.mark.shared_data]

#: Generous bound for a shared CI machine; the target on an idle laptop is < 50 ms.
MAX_REDRAW_MS = 250.0


@pytest.fixture(scope="module")
def oaxaca_roads(shared_data):
    from ccgeo.io.osm import read_roads

    return read_roads(shared_data / "oaxaca" / "oaxaca_base.osm.pbf")


def test_oaxaca_redraws_fast_at_every_zoom(oaxaca_roads, qtbot):
    crs, layers = layers_from_project(Project(name="Oaxaca", roads=oaxaca_roads))
    roads = layers[0]
    assert sum(roads.edge_counts.values()) > 40_000
    assert roads.vertex_count(2) < roads.vertex_count(0)  # overview geometry is simplified
    canvas = MapCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(1600, 1000)
    canvas.set_layers(layers, crs)
    cx, cy = project_lonlat(np.array([-96.7266, 17.0606]), crs)[0]  # the Zócalo
    views = {
        "full extent": ViewTransform.fit(canvas.full_extent(), 1600, 1000),
        "city, 12 m/px": ViewTransform(cx, cy, 12.0, 1600, 1000),
        "streets, 2 m/px": ViewTransform(cx, cy, 2.0, 1600, 1000),
    }
    for name, view in views.items():
        times = []
        for _ in range(3):
            start = time.perf_counter()
            image = canvas.render_image(view=view, decorations=False)
            times.append((time.perf_counter() - start) * 1000.0)
        median = sorted(times)[1]
        print(f"Oaxaca redraw 1600×1000, {name}: {median:.1f} ms")
        assert median < MAX_REDRAW_MS, name
        assert count_colour(image, ROAD_STYLES["trunk"].color, tolerance=6) > 500, name
        assert count_colour(image, BACKGROUND, tolerance=0) > 0.3 * 1600 * 1000, name
