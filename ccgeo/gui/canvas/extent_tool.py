"""Drawing an area on the map: a rubber-band rectangle, as the zoom box draws it, read back as a
box of longitudes and latitudes (for the report's map extent)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPainter, QPen

from ccgeo.gui.canvas.map_canvas import MapCanvas, MapTool
from ccgeo.render.view import Extent
from ccgeo.styles import INK

#: Name of the tool on the canvas (`MapCanvas.add_tool`).
EXTENT_TOOL = "draw_extent"

#: A drag shorter than this on either side (pixels) is a click, not an area.
MIN_DRAG_PX = 5.0


def lonlat_box(canvas: MapCanvas, x0: float, y0: float, x1: float, y1: float) -> Extent | None:
    """The box ``(min_lon, min_lat, max_lon, max_lat)`` (degrees) of the screen rectangle
    between two corners, read at the middles of its sides (as the report prints it); None
    before the map has a CRS."""
    xm, ym = (x0 + x1) / 2.0, (y0 + y1) / 2.0
    sides = [canvas.lonlat_at(x, y) for x, y in ((x0, ym), (x1, ym), (xm, y0), (xm, y1))]
    if any(side is None for side in sides):
        return None
    (lon_a, _), (lon_b, _), (_, lat_a), (_, lat_b) = sides  # type: ignore[misc]
    return (min(lon_a, lon_b), min(lat_a, lat_b), max(lon_a, lon_b), max(lat_a, lat_b))


def screen_box(canvas: MapCanvas) -> Extent | None:
    """The lon/lat box of what the map shows now."""
    return lonlat_box(canvas, 0.0, 0.0, float(canvas.width()), float(canvas.height()))


class ExtentTool(MapTool):
    """Drag a rectangle on the map; ``on_done(box)`` then gets its lon/lat box, or None when
    the tool is left (another tool chosen, Esc) before an area was drawn."""

    cursor = Qt.CursorShape.CrossCursor

    def __init__(self) -> None:
        #: Called once per drawing, then cleared (set it before choosing the tool).
        self.on_done: Callable[[Extent | None], None] | None = None
        self._start: QPointF | None = None
        self._end: QPointF | None = None

    def press(self, canvas: MapCanvas, pos: QPointF, event: QMouseEvent) -> None:
        """Start the rectangle."""
        self._start = self._end = pos

    def move(self, canvas: MapCanvas, pos: QPointF, event: QMouseEvent) -> None:
        """Stretch the rectangle to the mouse."""
        if self._start is not None:
            self._end = pos
            canvas.update()

    def release(self, canvas: MapCanvas, pos: QPointF, event: QMouseEvent) -> None:
        """An area when dragged far enough (a click waits for a drag)."""
        start, self._start, self._end = self._start, None, None
        canvas.update()
        if start is None:
            return
        if abs(pos.x() - start.x()) < MIN_DRAG_PX or abs(pos.y() - start.y()) < MIN_DRAG_PX:
            return
        box = lonlat_box(canvas, start.x(), start.y(), pos.x(), pos.y())
        if box is not None:
            self._finish(box)

    def paint(self, canvas: MapCanvas, painter: QPainter) -> None:
        """The rubber band, as the zoom box draws it."""
        if self._start is None or self._end is None:
            return
        painter.setPen(QPen(QColor(INK), 1.0, Qt.PenStyle.DashLine))
        painter.setBrush(QBrush(QColor(30, 99, 196, 40)))
        painter.drawRect(QRectF(self._start, self._end).normalized())

    def deactivate(self, canvas: MapCanvas) -> None:
        """Left before an area was drawn: the drawing is cancelled."""
        self._start = self._end = None
        self._finish(None)

    def _finish(self, box: Extent | None) -> None:
        done, self.on_done = self.on_done, None
        if done is not None:
            done(box)
