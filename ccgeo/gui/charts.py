"""A small horizontal bar chart drawn with QPainter: the share covered per district."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from ccgeo.gui.language import notifier, tr
from ccgeo.labels import format_number
from ccgeo.render.layers import qcolor
from ccgeo.styles import INK

#: Bar colours: covered share, and the rest of the district's people.
BAR_COLOR = "#238B45"
BAR_REST = "#E0E0E0"
#: The Lancet Commission on Global Surgery target: 80 % within 2 h (a reference line).
TARGET_COLOR = "#C62828"


def percent_text(share: float) -> str:
    """A share 0..1 as a whole percentage, in the app's language: ``0.8`` → ``"80 %"``."""
    return f"{format_number(100 * share)} %"


class BarChart(QWidget):
    """Horizontal bars of a share (0..1) per label, with an optional target line.

    Bars are drawn in the order given; a NaN share (a district without people) is drawn as an
    empty bar with "no people". Clicking a bar emits `barClicked(index)`.
    """

    barClicked = Signal(int)  # noqa: N815 - Qt signal naming

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels: list[str] = []
        self.values: list[float] = []
        self.target: float | None = None
        self.title = ""
        self.empty_text = ""
        self.bar_height = 18.0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(80)
        notifier().changed.connect(self._language_changed)

    def _language_changed(self, _language: str) -> None:
        """Paint again: "no people" and "target" in the language chosen now (the owner of the
        chart gives its title and labels again)."""
        self.update()

    def set_data(
        self,
        labels: Sequence[str],
        values: Sequence[float],
        *,
        title: str = "",
        target: float | None = None,
        empty_text: str = "",
    ) -> None:
        """Show ``values`` (shares 0..1) for ``labels``; ``target`` draws a dashed line;
        ``empty_text`` says why there is nothing to show when there are no bars."""
        if len(labels) != len(values):
            msg = f"{len(labels)} labels for {len(values)} values; give one value per label"
            raise ValueError(msg)
        self.labels = [str(s) for s in labels]
        self.values = [float(v) for v in values]
        self.title = title
        self.target = target
        self.empty_text = empty_text
        self.updateGeometry()
        self.update()

    def _font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 9.0))
        return font

    def _layout(self) -> tuple[float, float, float, float]:
        """Left edge of the bars, their width, the top of the first bar, and the row pitch."""
        metrics = QFontMetricsF(self._font())
        label_w = max((metrics.horizontalAdvance(s) for s in self.labels), default=0.0)
        left = min(label_w + 12.0, self.width() * 0.45)
        width = max(self.width() - left - 56.0, 20.0)
        top = metrics.height() + 10.0 if self.title else 6.0
        return left, width, top, self.bar_height + 6.0

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Tall enough for every bar."""
        _left, _width, top, pitch = self._layout()
        return QSize(320, round(top + pitch * len(self.labels) + 24))

    def bar_index_at(self, y: float) -> int | None:
        """The bar at widget height ``y``, or None."""
        _left, _width, top, pitch = self._layout()
        i = math.floor((y - top) / pitch)
        return i if 0 <= i < len(self.values) else None

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        """A click on a bar emits `barClicked`."""
        i = self.bar_index_at(event.position().y())
        if i is not None:
            self.barClicked.emit(i)
        event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """Title, bars with their labels and percentages, target line."""
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.fillRect(self.rect(), self.palette().base())
            painter.setFont(self._font())
            metrics = QFontMetricsF(painter.font())
            left, width, top, pitch = self._layout()
            ink = QColor(INK)
            if self.title:
                painter.setPen(ink)
                painter.drawText(QRectF(4, 2, self.width() - 8, metrics.height() + 4), self.title)
            if not self.labels and self.empty_text:
                painter.setPen(ink)
                flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
                box = QRectF(self.rect()).adjusted(12, 8, -12, -8)
                painter.drawText(box, flags, self.empty_text)
            for i, (label, value) in enumerate(zip(self.labels, self.values, strict=True)):
                y = top + i * pitch
                bar = QRectF(left, y, width, self.bar_height)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QBrush(qcolor(BAR_REST)))
                painter.drawRect(bar)
                text = tr("no people")
                if math.isfinite(value):
                    share = min(max(value, 0.0), 1.0)
                    painter.setBrush(QBrush(qcolor(BAR_COLOR)))
                    painter.drawRect(QRectF(left, y, width * share, self.bar_height))
                    text = percent_text(value)
                painter.setPen(ink)
                label_box = QRectF(0, y, left - 8, self.bar_height)
                elided = metrics.elidedText(label, Qt.TextElideMode.ElideRight, left - 8)
                align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                painter.drawText(label_box, align, elided)
                value_box = QRectF(left + width + 6, y, 50, self.bar_height)
                painter.drawText(value_box, Qt.AlignmentFlag.AlignVCenter, text)
            if self.target is not None and self.values:
                x = left + width * self.target
                pen = QPen(qcolor(TARGET_COLOR), 1.5, Qt.PenStyle.DashLine)
                painter.setPen(pen)
                bottom = top + pitch * len(self.values) - 6
                painter.drawLine(QPointF(x, top - 4), QPointF(x, bottom))
                painter.drawText(
                    QRectF(x - 40, bottom + 2, 80, metrics.height()),
                    Qt.AlignmentFlag.AlignHCenter,
                    tr("target {percent}").format(percent=percent_text(self.target)),
                )
        finally:
            painter.end()
