"""Map redraw speed on Oaxaca (48k road edges + 2k facilities) against the per-edge drawing peer.

Run ``python tests/bench/bench_canvas.py`` or ``pytest tests/bench/bench_canvas.py -s``.
The real `MapCanvas` layers (`RoadLayer`, `FacilityLayer`) render into a 1600×1000 QImage with
QPainter, antialiased, as the canvas does after a pan or zoom: the full extent, three zoomed-in
views, and pans of 20 steps at ×4 and ×16, after one untimed warm-up frame (the first frame of
a session also builds caches such as the facility symbols). Each frame reports wall-clock time,
which the targets apply to, and the CPU time of the drawing thread, which shows how much of a
slow frame was the shared machine rather than the drawing.

The peer draws the same roads the way a simple script would: one ``QPainter.drawPolyline`` per
edge and pass, with the map's styles (the classes shown at that zoom, minor first, casing pass
under the wide roads, round caps), its polylines built once beforehand so that only drawing is
timed, on the full extent and at zoom ×16; the ratio compares it with ccgeo's `RoadLayer` alone
on the same views. Both must draw the same picture: the two drawings differ in at most
`MAX_PIXEL_DIFFERENCE` of the pixels that either colours.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import pytest
from benchkit import Row, main
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QApplication

from ccgeo.geo import project_lonlat
from ccgeo.gui.app import guard_none_refcount
from ccgeo.gui.canvas.map_canvas import MapCanvas
from ccgeo.io.facilities import read_facilities
from ccgeo.io.osm import read_roads
from ccgeo.model.roads import RoadData
from ccgeo.project import Project
from ccgeo.render.build import map_crs
from ccgeo.render.facilities import FacilityLayer
from ccgeo.render.layers import cosmetic_pen, world_transform
from ccgeo.render.roads import RoadLayer, road_classes
from ccgeo.render.view import ViewTransform
from ccgeo.styles import BACKGROUND, ROAD_STYLES

NEEDS = ("oaxaca/oaxaca_base.osm.pbf", "oaxaca/oaxaca_osm_health_derived.geojson")
SIZE = (1600, 1000)
PAN_STEPS = 20
PAN_STEP_PX = (60.0, 25.0)
REPEATS = 5
PEER_REPEATS = 3
#: Targets, a bit below what was measured on the 2-core machine (loaded by other work).
#: Measured: ccgeo 2-13 ms a frame (roads + facilities); its roads 5.0-5.1x faster than the
#: per-edge peer on the full extent and 6.4-6.5x at zoom x16.
TARGET_MS = 50.0
TARGET_CANVAS_RATIO = 3.0
#: Largest share of the coloured pixels that may differ between ccgeo's roads and the peer's
#: (ccgeo simplifies lines to half a pixel and joins them across junctions). Measured: 0.3 %
#: on the full extent, 1.3 % at zoom x16.
MAX_PIXEL_DIFFERENCE = 0.05
#: A pixel differs when a colour channel differs by more than this (antialiasing noise).
PIXEL_THRESHOLD = 64


def _image() -> QImage:
    return QImage(QSize(*SIZE), QImage.Format.Format_ARGB32_Premultiplied)


def _time_ms(
    draw: Callable[[QPainter], None], repeats: int, cpu: list[float] | None = None
) -> list[float]:
    """Wall-clock milliseconds of ``repeats`` frames; their CPU milliseconds go to ``cpu``."""
    times = []
    image = _image()
    for _ in range(repeats):
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        start, start_cpu = time.perf_counter(), time.thread_time()
        draw(painter)
        painter.end()  # the frame is only done once the painter has flushed it
        times.append((time.perf_counter() - start) * 1000.0)
        if cpu is not None:
            cpu.append((time.thread_time() - start_cpu) * 1000.0)
    return times


def _pen(color: str, width_px: float, dash: str) -> QPen:
    pen = cosmetic_pen(color, width_px, dash=dash)
    if width_px > 1.0:
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


class NaiveRoads:
    """The peer: one drawPolyline per edge and pass, polylines prepared once in world metres."""

    def __init__(self, roads: RoadData, crs: Any) -> None:
        xy = project_lonlat(roads.geom_lonlat, crs)
        offsets = np.asarray(roads.geom_offsets)
        classes = road_classes(roads.edge_highway)
        self.lines: dict[str, list[QPolygonF]] = {key: [] for key in ROAD_STYLES}
        for i in range(len(offsets) - 1):
            if offsets[i + 1] - offsets[i] >= 2:
                part = xy[offsets[i] : offsets[i + 1]]
                self.lines[str(classes[i])].append(QPolygonF([QPointF(x, y) for x, y in part]))
        self.passes: dict[str, list[QPen]] = {}
        for key, style in ROAD_STYLES.items():
            passes = []
            if style.casing_color is not None:
                passes.append(
                    _pen(style.casing_color, style.width_px + 2 * style.casing_px, "solid")
                )
            passes.append(_pen(style.color, style.width_px, style.dash))
            self.passes[key] = passes

    def draw(self, painter: QPainter, view: ViewTransform) -> None:
        painter.fillRect(QRectF(0, 0, view.width_px, view.height_px), QColor(BACKGROUND))
        painter.setTransform(world_transform(view))
        for key, style in ROAD_STYLES.items():
            if view.m_per_px > style.max_m_per_px:
                continue
            for pen in self.passes[key]:
                painter.setPen(pen)
                for polyline in self.lines[key]:
                    painter.drawPolyline(polyline)


def _pixels(draw: Callable[[QPainter], None]) -> np.ndarray:
    """One antialiased frame as an ``(h, w, 4)`` array of bytes."""
    image = _image()
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    draw(painter)
    painter.end()
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    return data.reshape(SIZE[1], image.bytesPerLine() // 4, 4)[:, : SIZE[0]].copy()


def pixel_difference(roads: RoadLayer, naive: NaiveRoads, view: ViewTransform) -> float:
    """Share of the pixels coloured by either drawing where the two drawings differ."""

    def ours(painter: QPainter) -> None:
        painter.fillRect(QRectF(0, 0, view.width_px, view.height_px), QColor(BACKGROUND))
        roads.paint(painter, view)

    a = _pixels(ours).astype(np.int16)
    b = _pixels(lambda painter: naive.draw(painter, view)).astype(np.int16)
    background = _pixels(lambda p: p.fillRect(QRectF(0, 0, *SIZE), QColor(BACKGROUND))).astype(
        np.int16
    )
    coloured = (np.abs(a - background).max(axis=2) > PIXEL_THRESHOLD) | (
        np.abs(b - background).max(axis=2) > PIXEL_THRESHOLD
    )
    differ = np.abs(a - b).max(axis=2) > PIXEL_THRESHOLD
    return float((differ & coloured).sum() / max(coloured.sum(), 1))


def load(folder: Path) -> tuple[RoadData, Any, MapCanvas, float]:
    """Oaxaca's roads and health facilities on a `MapCanvas`; the set-up seconds."""
    t0 = time.perf_counter()
    roads = read_roads(folder / "oaxaca_base.osm.pbf", mode="all")
    facilities = read_facilities(folder / "oaxaca_osm_health_derived.geojson")
    crs = map_crs(Project(roads=roads, facilities=facilities))
    canvas = MapCanvas()
    canvas.resize(*SIZE)
    canvas.set_layers([RoadLayer(roads, crs), FacilityLayer(facilities, crs)], crs)
    print(
        f"\nOaxaca: {roads.n_edges:,} road edges, {len(facilities)} facilities, "
        f"{SIZE[0]}×{SIZE[1]} px; set-up {time.perf_counter() - t0:.1f} s; target "
        f"{TARGET_MS:.0f} ms per redraw"
    )
    return roads, crs, canvas, time.perf_counter() - t0


def time_ccgeo(canvas: MapCanvas, views: dict[str, ViewTransform]) -> dict[str, float]:
    """Median frame of each view, the pans and all frames, milliseconds; prints them."""

    def frame(view: ViewTransform) -> Callable[[QPainter], None]:
        return lambda painter: canvas.render_layers(painter, view)

    results: dict[str, float] = {}
    all_frames: list[float] = []
    _time_ms(frame(views["full extent"]), 1)  # warm-up, untimed
    for name, view in views.items():
        cpu: list[float] = []
        times = _time_ms(frame(view), REPEATS, cpu)
        all_frames += times
        results[name] = statistics.median(times)
        print(
            f"  ccgeo {name:<18} median {statistics.median(times):6.1f} ms, "
            f"max {max(times):6.1f} ms (CPU median {statistics.median(cpu):5.1f}, "
            f"max {max(cpu):5.1f})  ({view.m_per_px:.1f} m/px)"
        )
    pan_times: list[float] = []
    pan_cpu: list[float] = []
    for zoom in (4.0, 16.0):
        view = views["full extent"].zoomed(zoom)
        for _ in range(PAN_STEPS):
            view = view.panned(*PAN_STEP_PX)
            pan_times += _time_ms(frame(view), 1, pan_cpu)
    all_frames += pan_times
    results |= {"pan median": statistics.median(pan_times), "pan max": max(pan_times)}
    results |= {"overall median": statistics.median(all_frames), "overall max": max(all_frames)}
    print(
        f"  ccgeo pan, {PAN_STEPS} steps at ×4 and ×16: median {results['pan median']:.1f} ms, "
        f"max {results['pan max']:.1f} ms (CPU median {statistics.median(pan_cpu):.1f}, "
        f"max {max(pan_cpu):.1f})"
        f"\n  ccgeo all {len(all_frames)} redraws: median {results['overall median']:.1f} ms, "
        f"max {results['overall max']:.1f} ms  (target {TARGET_MS:.0f} ms)"
    )
    return results


def run(shared_data: Path) -> dict[str, float]:
    """Load Oaxaca, time the redraws against the peer, compare the pictures; the numbers."""
    guard_none_refcount()  # PySide6 6.12 on Python 3.11: see its docstring
    app = QApplication.instance() or QApplication([])
    roads, crs, canvas, _ = load(shared_data / "oaxaca")
    full = ViewTransform.fit(canvas.full_extent(), *SIZE)
    views = {
        "full extent": full,
        "zoom ×4": full.zoomed(4.0),
        "zoom ×16": full.zoomed(16.0),
        "zoom ×64 (street)": full.zoomed(64.0),
    }
    results = time_ccgeo(canvas, views)
    naive = NaiveRoads(roads, crs)
    road_layer = RoadLayer(roads, crs)
    for name in ("full extent", "zoom ×16"):
        view = views[name]
        ours = statistics.median(
            _time_ms(lambda painter, view=view: road_layer.paint(painter, view), REPEATS)
        )
        peer = statistics.median(
            _time_ms(lambda painter, view=view: naive.draw(painter, view), PEER_REPEATS)
        )
        diff = pixel_difference(road_layer, naive, view)
        assert diff <= MAX_PIXEL_DIFFERENCE, f"{name}: {100 * diff:.1f} % of the pixels differ"
        results |= {f"roads {name}": ours, f"naive {name}": peer, f"pixels differ {name}": diff}
        print(
            f"  roads {name:<18} ccgeo RoadLayer median {ours:5.1f} ms, peer (one drawPolyline "
            f"per edge) {peer:5.1f} ms: ccgeo is {peer / ours:.1f}× faster; "
            f"{100 * diff:.1f} % of the coloured pixels differ"
        )
    del app
    return results


def rows(n: dict[str, Any]) -> list[Row]:
    out = [
        Row.speedup(
            f"canvas redraw, Oaxaca, {name}, roads (1600×1000)",
            n[f"roads {name}"] / 1000,
            "one drawPolyline per edge",
            n[f"naive {name}"] / 1000,
            TARGET_CANVAS_RATIO,
        )
        for name in ("full extent", "zoom ×16")
    ]
    # every zoom level and the pan, not only all frames together, must meet the target
    views = ("full extent", "zoom ×4", "zoom ×16", "zoom ×64 (street)", "pan median")
    slowest = max(views, key=lambda name: n[name])
    out.append(
        Row.limit(
            f"canvas redraw, Oaxaca, slowest of {len(views) - 1} views and the pans "
            f"({slowest}, median; roads + facilities)",
            n[slowest] / 1000,
            "s",
            TARGET_MS / 1000,
        )
    )
    return out


@pytest.mark.bench
def test_bench_canvas(shared_data: Path) -> None:
    for rel in NEEDS:
        if not (shared_data / rel).is_file():
            pytest.skip(f"{rel} not found in {shared_data}")
    missed = [r.failure() for r in rows(run(shared_data)) if not r.met]
    assert not missed, "; ".join(missed)


if __name__ == "__main__":
    main("bench_canvas", run, rows, NEEDS)
