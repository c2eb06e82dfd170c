"""Small helpers of the GUI tests: synthetic mouse and wheel events, pixel checks."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget


def send_mouse(
    widget: QWidget,
    kind: QEvent.Type,
    pos: tuple[float, float],
    *,
    button: Qt.MouseButton = Qt.MouseButton.LeftButton,
    buttons: Qt.MouseButton | None = None,
) -> None:
    """Deliver a mouse event at widget pixel ``pos`` (QTest cannot drag with a button held)."""
    local = QPointF(*pos)
    if buttons is None:
        buttons = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseButtonRelease else button
    if kind == QEvent.Type.MouseMove:
        button = Qt.MouseButton.NoButton
    event = QMouseEvent(
        kind, local, widget.mapToGlobal(local), button, buttons, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, event)


def drag(
    widget: QWidget, start: tuple[float, float], end: tuple[float, float], steps: int = 4
) -> None:
    """Press at ``start``, move in ``steps`` to ``end`` with the left button held, release."""
    send_mouse(widget, QEvent.Type.MouseButtonPress, start)
    for k in range(1, steps + 1):
        t = k / steps
        point = (start[0] + (end[0] - start[0]) * t, start[1] + (end[1] - start[1]) * t)
        send_mouse(widget, QEvent.Type.MouseMove, point, buttons=Qt.MouseButton.LeftButton)
    send_mouse(widget, QEvent.Type.MouseButtonRelease, end)


def send_wheel(widget: QWidget, pos: tuple[float, float], notches: float) -> None:
    """Turn the mouse wheel by ``notches`` (positive = away from the user = zoom in)."""
    local = QPointF(*pos)
    event = QWheelEvent(
        local,
        widget.mapToGlobal(local),
        QPoint(0, 0),
        QPoint(0, round(120 * notches)),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def pixel(image: QImage, x: float, y: float) -> QColor:
    """Colour of the image pixel at logical position ``x``, ``y``."""
    ratio = image.devicePixelRatio()
    return image.pixelColor(round(x * ratio), round(y * ratio))


def count_colour(image: QImage, colour: str, *, tolerance: int = 8) -> int:
    """Number of pixels within ``tolerance`` of ``colour`` in every channel."""
    import numpy as np

    img = image.convertToFormat(QImage.Format.Format_RGB32)
    arr = np.frombuffer(img.constBits(), dtype=np.uint8).reshape(img.height(), img.bytesPerLine())
    bgr = arr[:, : img.width() * 4].reshape(img.height(), img.width(), 4)[:, :, :3].astype(int)
    target = QColor(colour)
    want = np.array([target.blue(), target.green(), target.red()])
    return int((np.abs(bgr - want) <= tolerance).all(axis=2).sum())
