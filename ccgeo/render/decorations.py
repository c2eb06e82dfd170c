"""Map decorations drawn with QPainter: scale bar, north arrow and attribution.

Shared by the map canvas (screen pixels) and the PDF report (a map frame on a page), so that a
printed map carries the same furniture as the one on screen.
"""

from __future__ import annotations

import math

import numpy as np
from pyproj import CRS
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF

from ccgeo.geo import project_lonlat, unproject_xy
from ccgeo.i18n import pgettext
from ccgeo.labels import format_number
from ccgeo.render.layers import qcolor
from ccgeo.render.view import ViewTransform
from ccgeo.styles import HALO, INK

#: Longest scale bar, pixels of the frame.
SCALE_BAR_MAX_PX = 160.0


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
    """``1500`` → ``"1.5 km"``, ``200`` → ``"200 m"``, with the separators of the current
    language (``"1,5 km"`` in Portuguese)."""
    if metres >= 1000.0:
        km = metres / 1000.0
        decimals = 0 if km >= 10 or km == int(km) else 1
        return f"{format_number(km, decimals=decimals)} km"
    return f"{format_number(metres)} m"


def north_angle_deg(view: ViewTransform, crs: CRS) -> float:
    """Clockwise angle from screen-up to true north at the centre of ``view``, degrees.

    Maps are drawn north-up in a projected grid (UTM); true north differs from grid north by
    the meridian convergence, a few degrees at most within a UTM zone.
    """
    centre = np.array([view.center_x, view.center_y])
    lon, lat = unproject_xy(centre, crs)[0]
    step = 0.01 if lat < 89.0 else -0.01
    ahead = project_lonlat(np.array([lon, lat + step]), crs)[0] - centre
    angle = math.degrees(math.atan2(ahead[0], ahead[1]))
    return angle if step > 0 else angle + 180.0


def paint_scale_bar(painter: QPainter, frame: QRectF, m_per_px: float) -> QRectF | None:
    """A two-tone scale bar in the bottom-left corner of ``frame``; returns the box it takes
    (None when the map is too small for one).

    Parameters
    ----------
    painter
        Painter whose coordinates are those of ``frame``.
    frame
        The map's rectangle, in painter units (pixels of the map).
    m_per_px
        Metres of the map per painter unit.
    """
    length_m = nice_scale_length(m_per_px * min(SCALE_BAR_MAX_PX, frame.width() / 3.0))
    if length_m <= 0:
        return None
    bar_px = length_m / m_per_px
    metrics = QFontMetricsF(painter.font())
    label = format_distance(length_m)
    x0, y0 = frame.left() + 14.0, frame.bottom() - 18.0
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
    return panel


def paint_north_arrow(painter: QPainter, frame: QRectF, angle_deg: float) -> None:
    """A north arrow in the top-right corner of ``frame``, turned ``angle_deg`` clockwise."""
    cx, cy, r = frame.right() - 34.0, frame.top() + 40.0, 20.0
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(qcolor(HALO, 200)))
    painter.drawEllipse(QPointF(cx, cy), r + 6, r + 6)
    painter.translate(cx, cy)
    painter.rotate(angle_deg)
    left = QPolygonF([QPointF(0, -r), QPointF(-r * 0.45, r * 0.6), QPointF(0, r * 0.3)])
    right = QPolygonF([QPointF(0, -r), QPointF(r * 0.45, r * 0.6), QPointF(0, r * 0.3)])
    painter.setPen(QPen(QColor(INK), 1.0))
    painter.setBrush(QBrush(QColor(INK)))
    painter.drawPolygon(left)
    painter.setBrush(QBrush(QColor(HALO)))
    painter.drawPolygon(right)
    painter.restore()
    painter.save()
    font = QFont(painter.font())
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor(INK))
    north = pgettext("north arrow", "N")
    painter.drawText(QRectF(cx - 20, cy + r + 4, 40, 18), Qt.AlignmentFlag.AlignCenter, north)
    painter.restore()


def paint_attribution(
    painter: QPainter, frame: QRectF, text: str, *, avoid: QRectF | None = None
) -> QRectF:
    """``text`` on a light box in the bottom-right corner of ``frame``, on two lines or more
    when the map is narrow, and above ``avoid`` (the scale bar) when it would lie on it.
    Returns the box."""
    metrics = QFontMetricsF(painter.font())
    width = min(metrics.horizontalAdvance(text), max(frame.width() - 28.0, 40.0))
    flags = int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap)
    height = metrics.boundingRect(QRectF(0, 0, width, 10_000), flags, text).height()
    box = QRectF(frame.right() - width - 14, frame.bottom() - height - 8, width + 10, height + 4)
    if avoid is not None and box.intersects(avoid):
        box.moveBottom(avoid.top() - 4)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(qcolor(HALO, 200)))
    painter.drawRect(box)
    painter.setPen(QColor(INK))
    painter.drawText(box, flags, text)
    return box


def paint_decorations(
    painter: QPainter,
    frame: QRectF,
    view: ViewTransform,
    *,
    crs: CRS | None,
    attribution: str = "",
    font: QFont | None = None,
) -> None:
    """Scale bar (bottom left), north arrow (top right, with ``crs``) and attribution.

    Parameters
    ----------
    painter
        Painter in the units of ``frame``, one unit per pixel of ``view``.
    frame
        Where the map of ``view`` is drawn, painter units.
    view
        The map's view (its ``m_per_px`` sizes the scale bar; its centre turns the arrow).
    crs
        Projected CRS of the view; without it no north arrow is drawn.
    attribution
        Data credit, e.g. "© OpenStreetMap contributors", in the language it is to be read in;
        nothing when empty.
    font
        Base font (at least 9 pt is used); the painter's font by default.
    """
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    font = QFont(font if font is not None else painter.font())
    font.setPointSizeF(max(font.pointSizeF(), 9.0))
    painter.setFont(font)
    scale_bar = paint_scale_bar(painter, frame, view.m_per_px)
    if crs is not None:
        paint_north_arrow(painter, frame, north_angle_deg(view, crs))
    if attribution:
        paint_attribution(painter, frame, attribution, avoid=scale_bar)
    painter.restore()
