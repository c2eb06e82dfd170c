"""Checks that a dock or a dialog is usable on a 1366×768 laptop screen: the window keeps the
size of the screen, no widget lies on another of its layout, every button is in sight (the dock
scrolled to it), and no label is cut off. Each check returns the problems it found, in words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QCheckBox,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedLayout,
    QTabBar,
    QToolButton,
    QWidget,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

#: The laptop screen, pixels.
SCREEN = (1366, 768)


def name_of(widget: QWidget) -> str:
    """What a person would call ``widget``: its text, else its tooltip, else its class."""
    for getter in ("text", "toolTip", "objectName"):
        value = getattr(widget, getter, lambda: "")()
        if value:
            return f"{type(widget).__name__} {value[:50]!r}"
    return type(widget).__name__


def shown_in(root: QWidget, kind: type) -> Iterator:
    """The children of ``root`` of class ``kind`` that are shown (not on a hidden page)."""
    for child in root.findChildren(kind):
        if child.isVisibleTo(root) and child.isVisible():
            yield child


def window_too_big(window: QWidget) -> list[str]:
    """The window (or dialog) is larger than the laptop screen."""
    size = window.size()
    if size.width() > SCREEN[0] or size.height() > SCREEN[1]:
        return [f"{window.windowTitle()!r} is {size.width()}×{size.height()} px: beyond {SCREEN}"]
    return []


def _layouts(widget: QWidget) -> Iterator[QLayout]:
    """The layout of ``widget`` and the layouts nested in it."""
    stack = [widget.layout()] if widget.layout() is not None else []
    while stack:
        layout = stack.pop()
        yield layout
        for i in range(layout.count()):
            inner = layout.itemAt(i).layout()
            if inner is not None:
                stack.append(inner)


def _placed(layout: QLayout) -> list[tuple[QRect, QWidget | None]]:
    """The shown widgets and nested layouts of ``layout`` with the space each takes."""
    items = []
    for i in range(layout.count()):
        item = layout.itemAt(i)
        widget = item.widget()
        if widget is not None and not widget.isVisible():
            continue
        if item.isEmpty() or item.geometry().isEmpty():
            continue
        items.append((widget.geometry() if widget is not None else item.geometry(), widget))
    return items


def overlaps(root: QWidget) -> list[str]:
    """Widgets (and nested layouts) of one layout that lie on each other: a squeezed layout."""
    problems = []
    for owner in [root, *shown_in(root, QWidget)]:
        for layout in _layouts(owner):
            if isinstance(layout, QStackedLayout):
                continue  # its pages lie on each other by design, one shown at a time
            items = _placed(layout)
            for i, (rect_a, widget_a) in enumerate(items):
                for rect_b, widget_b in items[i + 1 :]:
                    common = rect_a.intersected(rect_b)
                    if common.width() > 0 and common.height() > 0:
                        a = name_of(widget_a) if widget_a is not None else "a row"
                        b = name_of(widget_b) if widget_b is not None else "a row"
                        problems.append(f"{a} overlaps {b} in {name_of(owner)}")
    return problems


def _scroll_to(widget: QWidget) -> None:
    """Scroll every scroll area around ``widget`` until it is in sight, as a person does."""
    parent = widget.parentWidget()
    while parent is not None:
        content = parent.widget() if isinstance(parent, QScrollArea) else None
        if content is not None and content.isAncestorOf(widget):
            parent.ensureWidgetVisible(widget, 0, 0)
        parent = parent.parentWidget()


def _is_control(button: QAbstractButton) -> bool:
    """A button a person presses: not a part of a tab bar, a line edit, a spin box or a dock's
    title (those come with their widget)."""
    if not isinstance(button, (QPushButton, QToolButton, QCheckBox, QRadioButton)):
        return False
    parent = button.parentWidget()
    return not isinstance(parent, (QTabBar, QLineEdit, QAbstractSpinBox))


def buttons_out_of_sight(root: QWidget) -> list[str]:
    """Buttons that cannot be seen whole inside their window even with the dock scrolled."""
    problems = []
    for button in shown_in(root, QAbstractButton):
        if not _is_control(button):
            continue
        _scroll_to(button)
        window = button.window()
        rect = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
        whole = button.visibleRegion().boundingRect().size() == button.size()
        if not whole or not window.rect().contains(rect):
            problems.append(f"{name_of(button)} is not in sight in {window.windowTitle()!r}")
    return problems


def _clipped_by(label: QLabel) -> QWidget | None:
    """The ancestor that cuts ``label`` off on the left or right, if any (a scroll area that
    scrolls sideways does not)."""
    parent = label.parentWidget()
    while parent is not None and not parent.isWindow():
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and area.viewport() is parent:
            policy = area.horizontalScrollBarPolicy()
            if policy.name != "ScrollBarAlwaysOff":
                return None
        left = label.mapTo(parent, QPoint(0, 0)).x()
        if left < 0 or left + label.width() > parent.width():
            return parent
        parent = parent.parentWidget()
    return None


def clipped_labels(root: QWidget) -> list[str]:
    """Labels whose text does not fit (and does not wrap), or that their container cuts off."""
    problems = []
    for label in shown_in(root, QLabel):
        if not label.text() or label.wordWrap():
            continue
        if label.sizeHint().width() > label.width():
            hint = label.sizeHint().width()
            problems.append(f"{name_of(label)} needs {hint} px, has {label.width()}")
            continue
        clip = _clipped_by(label)
        if clip is not None:
            problems.append(f"{name_of(label)} is cut off by {name_of(clip)}")
    return problems


def fit_problems(root: QWidget) -> list[str]:
    """Every problem of ``root`` (a dock's panel or a dialog) on the laptop screen."""
    return [
        *window_too_big(root.window()),
        *overlaps(root),
        *buttons_out_of_sight(root),
        *clipped_labels(root),
    ]


def elided_tabs(root: QWidget) -> list[str]:
    """Tabs whose text is cut short ("Site new h…"): the tab is narrower than its text needs.
    On the main window these are the tabs of docks that share a place."""
    problems = []
    for bar in shown_in(root, QTabBar):
        for i in range(bar.count()):
            if bar.tabRect(i).width() < bar.tabSizeHint(i).width() - 1:
                problems.append(
                    f"tab {bar.tabText(i)!r} is cut short: {bar.tabRect(i).width()} px of "
                    f"{bar.tabSizeHint(i).width()}"
                )
    return problems
