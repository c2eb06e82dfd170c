"""The base of every map layer, and the Qt conversions of the palette in `ccgeo.styles`."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPen, QTransform

from ccgeo.i18n import _
from ccgeo.render.style import LayerStyle, StyleClass
from ccgeo.render.view import Extent, ViewTransform
from ccgeo.styles import LegendEntry

#: Dash patterns in pen-width units, for `RoadStyle.dash`.
DASHES: dict[str, list[float]] = {"dash": [4.0, 3.0], "dot": [1.0, 2.0]}


def qcolor(color: str, alpha: int = 255) -> QColor:
    """``"#RRGGBB"`` and an alpha in 0..255 → `QColor`."""
    out = QColor(color)
    out.setAlpha(int(alpha))
    return out


def cosmetic_pen(color: str, width_px: float, *, dash: str = "solid", alpha: int = 255) -> QPen:
    """A pen whose width is in screen pixels whatever the painter's transform.

    Flat caps and bevel joins: they are the cheapest for Qt's stroker and look the same at
    road widths of a few pixels.
    """
    pen = QPen(qcolor(color, alpha))
    pen.setCosmetic(True)
    pen.setWidthF(width_px)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    pen.setJoinStyle(Qt.PenJoinStyle.BevelJoin)
    if dash in DASHES:
        pen.setDashPattern(DASHES[dash])
    return pen


def world_transform(view: ViewTransform) -> QTransform:
    """The painter transform that maps world metres to the screen pixels of ``view``."""
    m11, m12, m21, m22, dx, dy = view.affine()
    return QTransform(m11, m12, m21, m22, dx, dy)


def padded(extent: Extent, pad: float) -> Extent:
    """``extent`` grown by ``pad`` on every side."""
    return (extent[0] - pad, extent[1] - pad, extent[2] + pad, extent[3] + pad)


class MapLayer(ABC):
    """A layer of the map: a name, visibility, opacity, an extent, and code to paint itself.

    Subclasses build their drawing caches once in ``__init__`` (in world metres of the canvas
    CRS) and implement `paint`. They may be built in a worker thread: they hold only
    thread-safe Qt value types (paths, images), never widgets or pixmaps.

    Parameters
    ----------
    name
        Shown in the layer panel: the English name of the catalogue (``N_("Roads")``), shown
        in the current language whenever it is read, or a name of the user's (kept as given).
    visible
        Drawn or not.
    opacity
        0 (invisible) .. 1 (opaque); applied by the canvas to the whole layer.
    """

    #: Short kind name for the layer panel and project settings.
    kind: str = "layer"

    def __init__(self, name: str, *, visible: bool = True, opacity: float = 1.0) -> None:
        self._name = name
        self._visible = bool(visible)
        self._opacity = min(max(float(opacity), 0.0), 1.0)
        self._listeners: list[Callable[[MapLayer], None]] = []
        self._style = LayerStyle()
        self.extent: Extent | None = None

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._name!r} visible={self._visible}>"

    # -- observable state --------------------------------------------------------------------
    @property
    def name(self) -> str:
        """Name shown in the layer panel, in the language of `ccgeo.i18n` when it is read."""
        return _(self._name) if self._name else self._name

    @property
    def visible(self) -> bool:
        """Whether the canvas draws the layer."""
        return self._visible

    @visible.setter
    def visible(self, value: bool) -> None:
        if bool(value) != self._visible:
            self._visible = bool(value)
            self._changed()

    @property
    def opacity(self) -> float:
        """Opacity of the whole layer, 0..1."""
        return self._opacity

    @opacity.setter
    def opacity(self, value: float) -> None:
        value = min(max(float(value), 0.0), 1.0)
        if value != self._opacity:
            self._opacity = value
            self._changed()

    @property
    def style(self) -> LayerStyle:
        """The user's changes to the layer's look (`LayerStyle()`: the palette)."""
        return self._style

    def set_style(self, style: LayerStyle) -> None:
        """Draw with ``style`` from now on (listeners are told, the map redraws)."""
        if style != self._style:
            self._style = style
            self._restyled()
            self._changed()

    def _restyled(self) -> None:  # noqa: B027 - a hook most layers do not need
        """Drop what was drawn with the previous style (subclasses with caches override)."""

    def style_classes(self) -> list[StyleClass]:
        """The classes a user may restyle, as drawn now; empty: the layer has a fixed style."""
        return []

    def default_style_classes(self) -> list[StyleClass]:
        """The classes as the palette draws them (the user's style left aside)."""
        current = self._style
        self._style = LayerStyle()
        try:
            return self.style_classes()
        finally:
            self._style = current

    #: Colour ramps (keys of `ccgeo.render.style.BAND_RAMPS`) the layer's classes may take.
    ramps: tuple[str, ...] = ()

    def subscribe(self, callback: Callable[[MapLayer], None]) -> None:
        """Call ``callback(layer)`` whenever visibility, opacity or style changes."""
        if callback not in self._listeners:
            self._listeners.append(callback)

    def unsubscribe(self, callback: Callable[[MapLayer], None]) -> None:
        """Stop calling ``callback``."""
        if callback in self._listeners:
            self._listeners.remove(callback)

    def _changed(self) -> None:
        for callback in list(self._listeners):
            callback(self)

    # -- drawing -----------------------------------------------------------------------------
    @abstractmethod
    def paint(self, painter: QPainter, view: ViewTransform) -> None:
        """Draw the part of the layer inside ``view``.

        The painter arrives in screen pixels (identity transform) with the layer's opacity set;
        the layer may change the transform, pen and brush (the canvas saves and restores them).
        """

    def legend(self) -> list[LegendEntry]:
        """Legend rows of the layer, most important first."""
        return []
