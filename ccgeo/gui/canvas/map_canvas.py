"""The map canvas widget: draws the layers with QPainter and lets the user pan and zoom."""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Sequence

import numpy as np
from pyproj import CRS
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from ccgeo.geo import project_lonlat, unproject_xy
from ccgeo.gui.canvas.layers import MapLayer, qcolor
from ccgeo.gui.canvas.view import Extent, ViewTransform, union_extent
from ccgeo.styles import BACKGROUND, HALO, INK

log = logging.getLogger(__name__)

#: Map tools of the canvas.
TOOLS: tuple[str, ...] = ("pan", "zoom_box")

#: Zoom factor of one step of the zoom buttons and keys; one wheel notch zooms by its root.
ZOOM_STEP = 2.0


def nice_scale_length(max_m: float) -> float:
    """The largest 1, 2 or 5 × 10^k metres not longer than ``max_m`` (for a scale bar)."""
    if not (math.isfinite(max_m) and max_m > 0):
        return 0.0
    exponent = math.floor(math.log10(max_m))
    for mantissa in (5.0, 2.0, 1.0):
        length = mantissa * 10.0**exponent
        if length <= max_m:
            return length
    return 10.0 ** (exponent - 1) * 5.0


def format_distance(metres: float) -> str:
    """``1500`` → ``"1.5 km"``, ``200`` → ``"200 m"``."""
    if metres >= 1000.0:
        km = metres / 1000.0
        return f"{km:,.0f} km" if km >= 10 or km == int(km) else f"{km:.1f} km"
    return f"{metres:,.0f} m"


class MapCanvas(QWidget):
    """A map of `MapLayer` objects in a metric CRS, with pan, zoom and a zoom box.

    Drag to pan, wheel to zoom about the cursor, ``+``/``−`` to zoom about the centre, arrow
    keys to pan, Home for the full extent, double-click to zoom in. The static layers are
    rendered once per view into a cached image; dragging moves that image until the mouse is
    released, so panning costs no redraw until it ends.

    Signals
    -------
    cursorMoved(lon, lat)
        Degrees, as the mouse moves over the map.
    scaleChanged(denominator)
        The map scale 1:N after any zoom or resize.
    viewChanged()
        After any change of the view.
    layersChanged()
        After layers are set, reordered, shown, hidden or change opacity.
    toolChanged(name)
        One of `TOOLS`.
    """

    cursorMoved = Signal(float, float)  # noqa: N815 - Qt signal naming
    scaleChanged = Signal(float)  # noqa: N815
    viewChanged = Signal()  # noqa: N815
    layersChanged = Signal()  # noqa: N815
    toolChanged = Signal(str)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(200, 150)
        self._layers: list[MapLayer] = []
        self._crs: CRS | None = None
        self._view = ViewTransform(width_px=max(self.width(), 1), height_px=max(self.height(), 1))
        self._cache: QImage | None = None
        self._cache_key: tuple[ViewTransform, float] | None = None
        self._tool = "pan"
        self._press_pos: QPointF | None = None
        self._drag_pos: QPointF | None = None
        self._panning = False
        self._box_active = False
        # Until the user navigates, a resize (window shown, maximised) refits the full extent.
        self._fit_on_resize = True
        self.attribution = ""
        self.show_decorations = True
        #: Milliseconds the last full redraw of the layers took.
        self.last_render_ms = 0.0

    # -- layers ------------------------------------------------------------------------------
    @property
    def layers(self) -> tuple[MapLayer, ...]:
        """The layers, bottom (drawn first) to top."""
        return tuple(self._layers)

    @property
    def crs(self) -> CRS | None:
        """Metric CRS of the map coordinates."""
        return self._crs

    def set_layers(
        self, layers: Sequence[MapLayer], crs: CRS, *, zoom_to_full: bool = True
    ) -> None:
        """Show ``layers`` (bottom to top) drawn in ``crs``; by default zoom to their extent."""
        for layer in self._layers:
            layer.unsubscribe(self._on_layer_changed)
        self._layers = list(layers)
        for layer in self._layers:
            layer.subscribe(self._on_layer_changed)
        self._crs = crs
        self._invalidate()
        self.layersChanged.emit()
        if zoom_to_full:
            self.zoom_to_full_extent()
            self._fit_on_resize = True

    def move_layer(self, layer: MapLayer, index: int) -> None:
        """Move ``layer`` to position ``index`` of the bottom-to-top order (clamped)."""
        if layer not in self._layers:
            msg = f"{layer!r} is not on this map"
            raise ValueError(msg)
        self._layers.remove(layer)
        index = min(max(int(index), 0), len(self._layers))
        self._layers.insert(index, layer)
        self._invalidate()
        self.layersChanged.emit()

    def full_extent(self) -> Extent | None:
        """Extent of all layers (visible or not), metres, or ``None`` without layers."""
        return union_extent([layer.extent for layer in self._layers])

    def _on_layer_changed(self, _layer: MapLayer) -> None:
        self._invalidate()
        self.layersChanged.emit()

    # -- view --------------------------------------------------------------------------------
    @property
    def view(self) -> ViewTransform:
        """The current view (centre, zoom and screen size)."""
        return self._view

    def set_view(self, view: ViewTransform) -> None:
        """Show ``view`` (its screen size is replaced by the widget's)."""
        view = view.resized(max(self.width(), 1), max(self.height(), 1))
        if view == self._view:
            return
        old_scale = self.scale_denominator()
        self._view = view
        self.update()
        self.viewChanged.emit()
        new_scale = self.scale_denominator()
        if new_scale != old_scale:
            self.scaleChanged.emit(new_scale)

    def _navigate(self, view: ViewTransform) -> None:
        self._fit_on_resize = False
        self.set_view(view)

    def zoom_by(self, factor: float, *, anchor: tuple[float, float] | None = None) -> None:
        """Zoom in by ``factor`` (< 1 zooms out) about ``anchor`` (screen px; default: centre)."""
        self._navigate(self._view.zoomed(factor, anchor=anchor))

    def zoom_in(self) -> None:
        """Zoom in one step about the centre."""
        self.zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        """Zoom out one step about the centre."""
        self.zoom_by(1.0 / ZOOM_STEP)

    def pan_by(self, dx_px: float, dy_px: float) -> None:
        """Move the map content by ``dx_px``, ``dy_px`` screen pixels."""
        self._navigate(self._view.panned(dx_px, dy_px))

    def zoom_to_extent(self, extent: Extent) -> None:
        """Show all of ``extent`` (metres)."""
        self.set_view(ViewTransform.fit(extent, max(self.width(), 1), max(self.height(), 1)))

    def zoom_to_full_extent(self) -> None:
        """Show every layer."""
        extent = self.full_extent()
        if extent is not None:
            self.zoom_to_extent(extent)

    def scale_denominator(self) -> float:
        """The map scale 1:N on this screen (N), from its logical resolution."""
        return self._view.scale_denominator(self.logicalDpiX())

    def lonlat_at(self, x: float, y: float) -> tuple[float, float] | None:
        """Lon, lat in degrees under screen pixel ``x``, ``y``; ``None`` before layers are set."""
        if self._crs is None:
            return None
        world = self._view.screen_to_world(np.array([x, y]))
        lon, lat = unproject_xy(world, self._crs)[0]
        return float(lon), float(lat)

    def screen_position(self, lon: float, lat: float) -> tuple[float, float]:
        """Screen pixel of a lon/lat point in the current view."""
        if self._crs is None:
            msg = "the map has no CRS yet; set layers first"
            raise RuntimeError(msg)
        sx, sy = self._view.world_to_screen(project_lonlat(np.array([lon, lat]), self._crs))[0]
        return float(sx), float(sy)

    # -- tools -------------------------------------------------------------------------------
    @property
    def tool(self) -> str:
        """The active map tool, one of `TOOLS`."""
        return self._tool

    def set_tool(self, tool: str) -> None:
        """Switch to ``"pan"`` or ``"zoom_box"``."""
        if tool not in TOOLS:
            msg = f"`tool` should be one of {', '.join(TOOLS)}, got {tool!r}"
            raise ValueError(msg)
        self._tool = tool
        cursor = Qt.CursorShape.OpenHandCursor if tool == "pan" else Qt.CursorShape.CrossCursor
        self.setCursor(cursor)
        self.toolChanged.emit(tool)

    # -- rendering ---------------------------------------------------------------------------
    def _invalidate(self) -> None:
        self._cache_key = None
        self.update()

    def render_layers(self, painter: QPainter, view: ViewTransform) -> None:
        """Paint the background and the visible layers of ``view`` with ``painter`` (screen px)."""
        painter.fillRect(QRectF(0, 0, view.width_px, view.height_px), QColor(BACKGROUND))
        for layer in self._layers:
            if not layer.visible or layer.opacity <= 0.0:
                continue
            painter.save()
            painter.setOpacity(layer.opacity)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            try:
                layer.paint(painter, view)
            except Exception:
                # One broken layer must not blank the whole map; the log keeps the traceback.
                log.exception("could not draw layer %r", layer.name)
            finally:
                painter.restore()

    def render_image(
        self,
        *,
        view: ViewTransform | None = None,
        decorations: bool = True,
        pixel_ratio: float = 1.0,
    ) -> QImage:
        """Render ``view`` (default: the current one) into a new image.

        Parameters
        ----------
        view
            What to draw; its ``width_px`` × ``height_px`` is the image size in logical pixels.
        decorations
            Draw the scale bar, north arrow and attribution.
        pixel_ratio
            Device pixels per logical pixel (2 gives a sharper image of the same map).
        """
        view = view or self._view
        image = QImage(
            QSize(round(view.width_px * pixel_ratio), round(view.height_px * pixel_ratio)),
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        image.setDevicePixelRatio(pixel_ratio)
        painter = QPainter(image)
        try:
            start = time.perf_counter()
            self.render_layers(painter, view)
            self.last_render_ms = (time.perf_counter() - start) * 1000.0
            if decorations:
                self.paint_decorations(painter, view)
        finally:
            painter.end()
        return image

    def _cached_layers(self) -> QImage:
        ratio = self.devicePixelRatioF()
        key = (self._view, ratio)
        if self._cache is None or self._cache_key != key:
            self._cache = self.render_image(decorations=False, pixel_ratio=ratio)
            self._cache_key = key
        return self._cache

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """Blit the cached layers (shifted while dragging), then decorations and the zoom box."""
        painter = QPainter(self)
        try:
            if self._panning and self._cache is not None and self._drag_pos is not None:
                offset = self._drag_pos - self._press_pos  # type: ignore[operator]
                painter.fillRect(self.rect(), QColor(BACKGROUND))
                painter.drawImage(offset, self._cache)
            else:
                painter.drawImage(QPointF(0, 0), self._cached_layers())
            if self.show_decorations:
                self.paint_decorations(painter, self._view)
            if self._box_active and self._press_pos is not None and self._drag_pos is not None:
                box = QRectF(self._press_pos, self._drag_pos).normalized()
                painter.setPen(QPen(QColor(INK), 1.0, Qt.PenStyle.DashLine))
                painter.setBrush(QBrush(QColor(30, 99, 196, 40)))
                painter.drawRect(box)
        finally:
            painter.end()

    # -- decorations -------------------------------------------------------------------------
    def paint_decorations(self, painter: QPainter, view: ViewTransform) -> None:
        """Scale bar (bottom left), north arrow (top right) and attribution (bottom right)."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 9.0))
        painter.setFont(font)
        self._paint_scale_bar(painter, view)
        if self._crs is not None:
            self._paint_north_arrow(painter, view)
        if self.attribution:
            self._paint_attribution(painter, view)
        painter.restore()

    def _paint_scale_bar(self, painter: QPainter, view: ViewTransform) -> None:
        length_m = nice_scale_length(view.m_per_px * min(160.0, view.width_px / 3.0))
        if length_m <= 0:
            return
        bar_px = length_m / view.m_per_px
        metrics = QFontMetricsF(painter.font())
        label = format_distance(length_m)
        x0, y0 = 14.0, view.height_px - 18.0
        panel = QRectF(x0 - 8, y0 - metrics.height() - 12, bar_px + 16 + 4, metrics.height() + 24)
        panel.setWidth(max(panel.width(), metrics.horizontalAdvance(label) + 24))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(qcolor(HALO, 200)))
        painter.drawRoundedRect(panel, 4, 4)
        half = bar_px / 2.0
        painter.setPen(QPen(QColor(INK), 1.0))
        painter.setBrush(QBrush(QColor(INK)))
        painter.drawRect(QRectF(x0, y0, half, 6))
        painter.setBrush(QBrush(QColor(HALO)))
        painter.drawRect(QRectF(x0 + half, y0, half, 6))
        painter.setPen(QColor(INK))
        painter.drawText(QPointF(x0, y0 - 5), "0")
        painter.drawText(QPointF(x0 + bar_px - metrics.horizontalAdvance(label) / 2, y0 - 5), label)

    def north_angle_deg(self, view: ViewTransform | None = None) -> float:
        """Clockwise angle from screen-up to true north at the view centre, degrees.

        The map is drawn north-up in a UTM grid; true north differs from grid north by the
        meridian convergence, a few degrees at most within a UTM zone.
        """
        view = view or self._view
        if self._crs is None:
            return 0.0
        centre = np.array([view.center_x, view.center_y])
        lon, lat = unproject_xy(centre, self._crs)[0]
        step = 0.01 if lat < 89.0 else -0.01
        ahead = project_lonlat(np.array([lon, lat + step]), self._crs)[0] - centre
        angle = math.degrees(math.atan2(ahead[0], ahead[1]))
        return angle if step > 0 else angle + 180.0

    def _paint_north_arrow(self, painter: QPainter, view: ViewTransform) -> None:
        cx, cy, r = view.width_px - 34.0, 40.0, 20.0
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(qcolor(HALO, 200)))
        painter.drawEllipse(QPointF(cx, cy), r + 6, r + 6)
        painter.translate(cx, cy)
        painter.rotate(self.north_angle_deg(view))
        left = QPolygonF([QPointF(0, -r), QPointF(-r * 0.45, r * 0.6), QPointF(0, r * 0.3)])
        right = QPolygonF([QPointF(0, -r), QPointF(r * 0.45, r * 0.6), QPointF(0, r * 0.3)])
        painter.setPen(QPen(QColor(INK), 1.0))
        painter.setBrush(QBrush(QColor(INK)))
        painter.drawPolygon(left)
        painter.setBrush(QBrush(QColor(HALO)))
        painter.drawPolygon(right)
        painter.resetTransform()
        font = QFont(painter.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(INK))
        painter.drawText(QRectF(cx - 20, cy + r + 4, 40, 18), Qt.AlignmentFlag.AlignCenter, "N")

    def _paint_attribution(self, painter: QPainter, view: ViewTransform) -> None:
        metrics = QFontMetricsF(painter.font())
        width = metrics.horizontalAdvance(self.attribution)
        box = QRectF(
            view.width_px - width - 14,
            view.height_px - metrics.height() - 8,
            width + 10,
            metrics.height() + 4,
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(qcolor(HALO, 200)))
        painter.drawRect(box)
        painter.setPen(QColor(INK))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self.attribution)

    # -- events ------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        """Keep the centre and zoom; before the first navigation, refit the full extent."""
        super().resizeEvent(event)
        if self._fit_on_resize and self.full_extent() is not None:
            self.zoom_to_full_extent()
        else:
            self.set_view(self._view)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        """Zoom about the cursor, √2 per wheel notch."""
        steps = event.angleDelta().y() / 120.0
        if steps:
            pos = event.position()
            self.zoom_by(ZOOM_STEP ** (steps / 2.0), anchor=(pos.x(), pos.y()))
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        """Start a pan (left button with the pan tool, or middle button) or a zoom box."""
        button = event.button()
        if button not in (Qt.MouseButton.LeftButton, Qt.MouseButton.MiddleButton):
            super().mousePressEvent(event)
            return
        self._press_pos = event.position()
        self._drag_pos = event.position()
        if button == Qt.MouseButton.MiddleButton or self._tool == "pan":
            self._panning = True
            self._cached_layers()  # the image that is dragged around
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        else:
            self._box_active = True
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        """Report the cursor position in lon/lat; move the dragged map or the zoom box."""
        pos = event.position()
        lonlat = self.lonlat_at(pos.x(), pos.y())
        if lonlat is not None:
            # While dragging, the map under the cursor has moved with it.
            if self._panning and self._press_pos is not None:
                delta = pos - self._press_pos
                world = self._view.panned(delta.x(), delta.y()).screen_to_world(
                    np.array([pos.x(), pos.y()])
                )
                lon, lat = unproject_xy(world, self._crs)[0]  # type: ignore[arg-type]
                lonlat = (float(lon), float(lat))
            self.cursorMoved.emit(*lonlat)
        if self._panning or self._box_active:
            self._drag_pos = pos
            self.update()
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        """Finish the pan or zoom to the box (a click without a box zooms in one step)."""
        if self._press_pos is None:
            super().mouseReleaseEvent(event)
            return
        start, end = self._press_pos, event.position()
        delta = end - start
        if self._panning:
            self._panning = False
            self.setCursor(
                Qt.CursorShape.OpenHandCursor if self._tool == "pan" else Qt.CursorShape.CrossCursor
            )
            if delta.x() or delta.y():
                self.pan_by(delta.x(), delta.y())
        elif self._box_active:
            self._box_active = False
            if abs(delta.x()) > 4 and abs(delta.y()) > 4:
                self._navigate(self._view.zoomed_to_box(start.x(), start.y(), end.x(), end.y()))
            else:
                self.zoom_by(ZOOM_STEP, anchor=(end.x(), end.y()))
        self._press_pos = self._drag_pos = None
        self.update()
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        """Zoom in one step about the double-clicked point."""
        if event.button() == Qt.MouseButton.LeftButton:
            pos = event.position()
            self.zoom_by(ZOOM_STEP, anchor=(pos.x(), pos.y()))
            event.accept()
        else:
            super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """``+``/``=`` zoom in, ``-`` zoom out, Home full extent, arrows pan, Esc cancels a drag."""
        key = event.key()
        step_x, step_y = self.width() / 4.0, self.height() / 4.0
        pans = {
            Qt.Key.Key_Left: (step_x, 0.0),
            Qt.Key.Key_Right: (-step_x, 0.0),
            Qt.Key.Key_Up: (0.0, step_y),
            Qt.Key.Key_Down: (0.0, -step_y),
        }
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_out()
        elif key == Qt.Key.Key_Home:
            self.zoom_to_full_extent()
        elif key in pans:
            self.pan_by(*pans[key])
        elif key == Qt.Key.Key_Escape and (self._panning or self._box_active):
            self._panning = self._box_active = False
            self._press_pos = self._drag_pos = None
            self.update()
        else:
            super().keyPressEvent(event)
            return
        event.accept()
