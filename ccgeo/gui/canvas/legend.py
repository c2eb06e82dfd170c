"""Legend swatches: small icons drawn with the same styles and symbols as the map."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QLinearGradient, QPainter, QPen, QPixmap

from ccgeo.gui.canvas.layers import DASHES, cosmetic_pen, qcolor
from ccgeo.gui.canvas.qpath import symbol_path
from ccgeo.gui.canvas.symbols import ring_template, symbol_template
from ccgeo.styles import INK, LegendEntry


def _pen(color: str, width: float, *, dash: str = "solid") -> QPen:
    pen = QPen(qcolor(color), width)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    if dash in DASHES:
        pen.setDashPattern(DASHES[dash])
    return pen


def legend_pixmap(
    entry: LegendEntry, *, width: int = 28, height: int = 18, ratio: float = 2.0
) -> QPixmap:
    """A swatch of ``entry`` of ``width`` × ``height`` logical pixels at ``ratio`` device pixels."""
    pixmap = QPixmap(round(width * ratio), round(height * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    centre = QPointF(width / 2.0, height / 2.0)
    try:
        if entry.kind == "line":
            # Thin map lines are drawn a little heavier here so the swatch colour can be read.
            y = height / 2.0
            line_width = max(entry.width_px + 1.0, 2.5)
            if entry.outline:
                painter.setPen(_pen(entry.outline, line_width + 2.0))
                painter.drawLine(QPointF(2, y), QPointF(width - 2, y))
            painter.setPen(_pen(entry.color, line_width, dash=entry.dash))
            painter.drawLine(QPointF(2, y), QPointF(width - 2, y))
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
            painter.drawRect(QRectF(3, 3, width - 6, height - 6))
        elif entry.kind == "ramp":
            gradient = QLinearGradient(QPointF(2, 0), QPointF(width - 2, 0))
            n = max(len(entry.colors) - 1, 1)
            for i, color in enumerate(entry.colors):
                gradient.setColorAt(i / n, QColor(color))
            painter.setPen(cosmetic_pen(INK, 1.0))
            painter.setBrush(QBrush(gradient))
            painter.drawRect(QRectF(2, 4, width - 4, height - 8))
        else:
            msg = (
                f"legend entry kind should be line, marker, ring, fill or ramp, got {entry.kind!r}"
            )
            raise ValueError(msg)
    finally:
        painter.end()
    return pixmap


def legend_icon(entry: LegendEntry, *, width: int = 28, height: int = 18) -> QIcon:
    """`legend_pixmap` as an icon."""
    return QIcon(legend_pixmap(entry, width=width, height=height))
