"""The map canvas widget: draws the layers with QPainter and lets the user pan and zoom."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence

import numpy as np
from pyproj import CRS
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from ccgeo.geo import project_lonlat, unproject_xy
from ccgeo.gui.language import notifier
from ccgeo.render.decorations import format_distance as format_distance
from ccgeo.render.decorations import nice_scale_length as nice_scale_length
from ccgeo.render.decorations import north_angle_deg, paint_decorations
from ccgeo.render.layers import MapLayer
from ccgeo.render.view import Extent, ViewTransform, union_extent
from ccgeo.styles import BACKGROUND, INK

log = logging.getLogger(__name__)

#: Map tools of the canvas.
TOOLS: tuple[str, ...] = ("pan", "zoom_box")

#: Zoom factor of one step of the zoom buttons and keys; one wheel notch zooms by its root.
ZOOM_STEP = 2.0

#: Draws over the cached map in screen pixels (selection highlights): ``overlay(painter, view)``.
Overlay = Callable[[QPainter, ViewTransform], None]


class MapTool:
    """A map tool added with `MapCanvas.add_tool`: it receives the left-button mouse events.

    Subclasses override what they need; positions are widget pixels. The middle button still
    pans, and the wheel still zooms, whatever the tool.
    """

    #: Mouse cursor while the tool is active.
    cursor: Qt.CursorShape = Qt.CursorShape.ArrowCursor

    def press(self, canvas: MapCanvas, pos: QPointF, event: QMouseEvent) -> None:
        """Left button pressed at ``pos``."""

    def move(self, canvas: MapCanvas, pos: QPointF, event: QMouseEvent) -> None:
        """Mouse moved to ``pos`` (button held or not)."""

    def release(self, canvas: MapCanvas, pos: QPointF, event: QMouseEvent) -> None:
        """Left button released at ``pos``."""

    def paint(self, canvas: MapCanvas, painter: QPainter) -> None:
        """Draw the tool's feedback (a rubber band) over the map, screen pixels."""

    def deactivate(self, canvas: MapCanvas) -> None:
        """Another tool was chosen: drop any half-done gesture."""


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
        self._extra_tools: dict[str, MapTool] = {}
        self._tool_pressed = False
        #: Drawn over the map after the layers, in order (see `Overlay`).
        self.overlays: list[Overlay] = []
        # Until the user navigates, a resize (window shown, maximised) refits the full extent.
        self._fit_on_resize = True
        self.attribution = ""
        self.show_decorations = True
        #: Milliseconds the last full redraw of the layers took.
        self.last_render_ms = 0.0
        # the layers' labels and the decorations are drawn in the language of the moment
        notifier().changed.connect(self._invalidate)

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

    def go_to(self, view: ViewTransform) -> None:
        """Show ``view``'s centre and zoom as if the user had navigated there: resizing the
        window keeps them (no refit of the full extent)."""
        self._navigate(view)

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
        """Show all of ``extent`` (metres), as a navigation: resizing the map (a dock opened,
        the second map of a comparison) keeps this centre and zoom."""
        self._navigate(self._fit(extent))

    def zoom_to_full_extent(self) -> None:
        """Show every layer."""
        extent = self.full_extent()
        if extent is not None:
            self.set_view(self._fit(extent))

    def _fit(self, extent: Extent) -> ViewTransform:
        return ViewTransform.fit(extent, max(self.width(), 1), max(self.height(), 1))

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

    def add_tool(self, name: str, tool: MapTool) -> None:
        """Make ``tool`` available to `set_tool` under ``name``."""
        if name in TOOLS:
            msg = f"`name` {name!r} is a built-in tool; choose another name"
            raise ValueError(msg)
        self._extra_tools[name] = tool

    def set_tool(self, tool: str) -> None:
        """Switch to ``"pan"``, ``"zoom_box"`` or a tool added with `add_tool`."""
        if tool not in TOOLS and tool not in self._extra_tools:
            names = (*TOOLS, *self._extra_tools)
            msg = f"`tool` should be one of {', '.join(names)}, got {tool!r}"
            raise ValueError(msg)
        previous = self._extra_tools.get(self._tool)
        if previous is not None and tool != self._tool:
            previous.deactivate(self)
            self._tool_pressed = False
        self._tool = tool
        if tool in self._extra_tools:
            cursor = self._extra_tools[tool].cursor
        else:
            cursor = Qt.CursorShape.OpenHandCursor if tool == "pan" else Qt.CursorShape.CrossCursor
        self.setCursor(cursor)
        self.update()
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
            for overlay in self.overlays:
                painter.save()
                try:
                    overlay(painter, self._view)
                except Exception:
                    log.exception("could not draw overlay %r", overlay)
                finally:
                    painter.restore()
            active = self._extra_tools.get(self._tool)
            if active is not None:
                painter.save()
                active.paint(self, painter)
                painter.restore()
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
        frame = QRectF(0, 0, view.width_px, view.height_px)
        paint_decorations(
            painter, frame, view, crs=self._crs, attribution=self.attribution, font=self.font()
        )

    def north_angle_deg(self, view: ViewTransform | None = None) -> float:
        """Clockwise angle from screen-up to true north at the view centre, degrees.

        The map is drawn north-up in a UTM grid; true north differs from grid north by the
        meridian convergence, a few degrees at most within a UTM zone.
        """
        if self._crs is None:
            return 0.0
        return north_angle_deg(view or self._view, self._crs)

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
        extra = self._extra_tools.get(self._tool)
        if extra is not None and button == Qt.MouseButton.LeftButton:
            self._tool_pressed = True
            extra.press(self, event.position(), event)
            event.accept()
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
        extra = self._extra_tools.get(self._tool)
        if extra is not None and not self._panning:
            extra.move(self, pos, event)
        if self._panning or self._box_active:
            self._drag_pos = pos
            self.update()
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        """Finish the pan or zoom to the box (a click without a box zooms in one step)."""
        extra = self._extra_tools.get(self._tool)
        if extra is not None and self._tool_pressed and event.button() == Qt.MouseButton.LeftButton:
            self._tool_pressed = False
            extra.release(self, event.position(), event)
            event.accept()
            return
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
