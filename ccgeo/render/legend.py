"""Legend swatches: small icons drawn with the same styles and symbols as the map."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QLinearGradient, QPainter, QPen, QPixmap

from ccgeo.render.layers import DASHES, cosmetic_pen, qcolor
from ccgeo.render.qpath import symbol_path
from ccgeo.render.symbols import ring_template, symbol_template
from ccgeo.styles import INK, LegendEntry


def _pen(color: str, width: float, *, dash: str = "solid") -> QPen:
    pen = QPen(qcolor(color), width)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    if dash in DASHES:
        pen.setDashPattern(DASHES[dash])
    return pen


def paint_legend_swatch(painter: QPainter, entry: LegendEntry, rect: QRectF) -> None:
    """Draw the swatch of ``entry`` inside ``rect`` (painter units, about 28 × 18 px).

    Vector drawing, so the same code serves the layer panel's icons and the PDF report's legend.
    """
    x, top, width, height = rect.left(), rect.top(), rect.width(), rect.height()
    centre = rect.center()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    try:
        if entry.kind == "line":
            # Thin map lines are drawn a little heavier here so the swatch colour can be read.
            y = top + height / 2.0
            line_width = max(entry.width_px + 1.0, 2.5)
            if entry.outline:
                painter.setPen(_pen(entry.outline, line_width + 2.0))
                painter.drawLine(QPointF(x + 2, y), QPointF(x + width - 2, y))
            painter.setPen(_pen(entry.color, line_width, dash=entry.dash))
            painter.drawLine(QPointF(x + 2, y), QPointF(x + width - 2, y))
        elif entry.kind == "marker":
            template = symbol_template(entry.symbol, min(height - 4.0, 14.0))
            painter.setPen(cosmetic_pen(entry.outline or INK, 1.0))
            painter.setBrush(QBrush(qcolor(entry.color)))
            painter.drawPath(symbol_path([[centre.x(), centre.y()]], template))
        elif entry.kind == "ring":
            ring, starts = ring_template(4.5, 7.0)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(qcolor(entry.color)))
            painter.drawPath(symbol_path([[centre.x(), centre.y()]], ring, template_starts=starts))
        elif entry.kind == "fill":
            painter.setPen(cosmetic_pen(entry.outline or INK, 1.0))
            painter.setBrush(QBrush(qcolor(entry.color)))
            painter.drawRect(rect.adjusted(3, 3, -3, -3))
        elif entry.kind == "ramp":
            gradient = QLinearGradient(QPointF(x + 2, 0), QPointF(x + width - 2, 0))
            n = max(len(entry.colors) - 1, 1)
            for i, color in enumerate(entry.colors):
                gradient.setColorAt(i / n, QColor(color))
            painter.setPen(cosmetic_pen(INK, 1.0))
            painter.setBrush(QBrush(gradient))
            painter.drawRect(rect.adjusted(2, 4, -2, -4))
        else:
            msg = (
                f"legend entry kind should be line, marker, ring, fill or ramp, got {entry.kind!r}"
            )
            raise ValueError(msg)
    finally:
        painter.restore()


def legend_pixmap(
    entry: LegendEntry, *, width: int = 28, height: int = 18, ratio: float = 2.0
) -> QPixmap:
    """A swatch of ``entry`` of ``width`` × ``height`` logical pixels at ``ratio`` device pixels."""
    pixmap = QPixmap(round(width * ratio), round(height * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    try:
        paint_legend_swatch(painter, entry, QRectF(0, 0, width, height))
    finally:
        painter.end()
    return pixmap


def legend_icon(entry: LegendEntry, *, width: int = 28, height: int = 18) -> QIcon:
    """`legend_pixmap` as an icon."""
    return QIcon(legend_pixmap(entry, width=width, height=height))
