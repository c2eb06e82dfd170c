"""Toolbar icons drawn in code, so that no button depends on an icon theme being installed.

They are vectors: an icon engine paints them again at every size and screen scale asked for
(125 %, 200 %, 300 %...), so they stay sharp where a bitmap would be blown up and blur.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QIcon,
    QIconEngine,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
)

from ccgeo.styles import INK

#: Size of the square the icons are drawn in, design units (scaled to the size asked for).
_SIZE = 32
_ACCENT = "#1E63C4"
#: Opacity of an icon on a disabled button or action.
_DISABLED_OPACITY = 0.35

#: Draws an icon into a square of ``design_px`` units with its top-left corner at (0, 0).
Drawing = Callable[[QPainter], None]


class VectorIconEngine(QIconEngine):
    """An icon painted by ``draw`` at whatever size and device pixel ratio is asked for.

    Parameters
    ----------
    draw
        Paints the icon into a square of ``design_px`` units.
    design_px
        Side of the square ``draw`` paints into.
    """

    def __init__(self, draw: Drawing, design_px: float = _SIZE) -> None:
        super().__init__()
        self.draw = draw
        self.design_px = float(design_px)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        """Paint the icon scaled into ``rect`` (greyed out when disabled)."""
        painter.save()
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            side = min(rect.width(), rect.height())
            painter.translate(
                rect.x() + (rect.width() - side) / 2, rect.y() + (rect.height() - side) / 2
            )
            painter.scale(side / self.design_px, side / self.design_px)
            if mode == QIcon.Mode.Disabled:
                painter.setOpacity(_DISABLED_OPACITY)
            self.draw(painter)
        finally:
            painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        """The icon drawn afresh at ``size`` device pixels."""
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(  # noqa: N802 - Qt override
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        """The icon drawn afresh at ``size`` device-independent pixels for a screen of ratio
        ``scale``: ``size × scale`` device pixels."""
        ratio = max(float(scale), 1e-3)
        pixmap = QPixmap(round(size.width() * ratio), round(size.height() * ratio))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        try:
            self.paint(painter, QRect(0, 0, pixmap.width(), pixmap.height()), mode, state)
        finally:
            painter.end()
        pixmap.setDevicePixelRatio(ratio)
        return pixmap

    def clone(self) -> VectorIconEngine:
        """A copy (Qt copies engines when an icon is detached)."""
        return VectorIconEngine(self.draw, self.design_px)


def vector_icon(draw: Drawing, *, design_px: float = _SIZE) -> QIcon:
    """An icon that ``draw`` paints into a square of ``design_px`` units, sharp at any scale."""
    return QIcon(VectorIconEngine(draw, design_px))


ICONS: tuple[str, ...] = ("zoom_in", "zoom_out", "zoom_full", "pan", "zoom_box", "export_png")


def _magnifier(painter: QPainter) -> None:
    painter.setPen(QPen(QColor(INK), 2.6))
    painter.setBrush(QBrush(QColor("#FFFFFF")))
    painter.drawEllipse(QPointF(13, 13), 8.5, 8.5)
    painter.setPen(QPen(QColor(INK), 4.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawLine(QPointF(19.5, 19.5), QPointF(27, 27))


def _draw(name: str, painter: QPainter) -> None:
    accent = QPen(QColor(_ACCENT), 2.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    if name in ("zoom_in", "zoom_out"):
        _magnifier(painter)
        painter.setPen(accent)
        painter.drawLine(QPointF(9, 13), QPointF(17, 13))
        if name == "zoom_in":
            painter.drawLine(QPointF(13, 9), QPointF(13, 17))
    elif name == "zoom_box":
        painter.setPen(QPen(QColor(_ACCENT), 1.8, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(3, 3, 20, 20))
        _magnifier(painter)
    elif name == "zoom_full":
        painter.setPen(QPen(QColor(INK), 2.2))
        painter.setBrush(QBrush(QColor("#E3EEFB")))
        painter.drawRect(QRectF(8, 8, 16, 16))
        painter.setPen(accent)
        for sx, sy in ((1, 1), (-1, 1), (1, -1), (-1, -1)):
            cx, cy = 16 + sx * 13, 16 + sy * 13
            painter.drawLine(QPointF(cx, cy), QPointF(cx - sx * 6, cy))
            painter.drawLine(QPointF(cx, cy), QPointF(cx, cy - sy * 6))
    elif name == "pan":
        # A four-way arrow: the universal "move" sign.
        painter.setPen(QPen(QColor(INK), 2.4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawLine(QPointF(16, 4), QPointF(16, 28))
        painter.drawLine(QPointF(4, 16), QPointF(28, 16))
        painter.setBrush(QBrush(QColor(INK)))
        painter.setPen(Qt.PenStyle.NoPen)
        head = QPainterPath()
        for tip, left, right in (
            ((16, 2), (11, 8), (21, 8)),
            ((16, 30), (11, 24), (21, 24)),
            ((2, 16), (8, 11), (8, 21)),
            ((30, 16), (24, 11), (24, 21)),
        ):
            head.moveTo(*tip)
            head.lineTo(*left)
            head.lineTo(*right)
            head.closeSubpath()
        painter.drawPath(head)
    elif name == "export_png":
        painter.setPen(QPen(QColor(INK), 2.0))
        painter.setBrush(QBrush(QColor("#FFFFFF")))
        painter.drawRect(QRectF(4, 6, 24, 20))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor("#26A69A")))
        mountains = QPainterPath()
        mountains.moveTo(6, 24)
        mountains.lineTo(13, 14)
        mountains.lineTo(18, 20)
        mountains.lineTo(21, 16)
        mountains.lineTo(26, 24)
        mountains.closeSubpath()
        painter.drawPath(mountains)
        painter.setBrush(QBrush(QColor("#F2A74B")))
        painter.drawEllipse(QPointF(22, 11), 2.5, 2.5)
    else:
        msg = f"icon name should be one of {', '.join(ICONS)}, got {name!r}"
        raise ValueError(msg)


def make_icon(name: str) -> QIcon:
    """The icon ``name`` (one of `ICONS`), a vector drawn at every size and screen scale."""
    if name not in ICONS:
        msg = f"icon name should be one of {', '.join(ICONS)}, got {name!r}"
        raise ValueError(msg)
    return vector_icon(lambda painter: _draw(name, painter))
