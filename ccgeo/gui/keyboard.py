"""Reaching everything with the keyboard: a table or list is one stop of the Tab key.

Qt's tables move Tab from cell to cell, so a person with a keyboard who tabs into the facility
table (60 rows of 20 columns) must press Tab 1,200 times to get out. In ccgeo, as in a web
page, Tab moves to the next control and the arrow keys move between the cells (F2 or typing
edits a cell). The rule is applied to every table and list, of the window and of the dialogs,
when it takes the focus, so that no panel has to remember it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

if TYPE_CHECKING:
    from ccgeo.gui.main_window import MainWindow

_CONNECTED: set[int] = set()


def one_tab_stop(widget: QWidget | None) -> None:
    """Make ``widget`` (a table or a list) one stop of Tab: arrows move in it, Tab leaves it."""
    if isinstance(widget, QAbstractItemView) and widget.tabKeyNavigation():
        widget.setTabKeyNavigation(False)


def _focus_changed(_old: QWidget | None, new: QWidget | None) -> None:
    one_tab_stop(new)


def install(window: MainWindow) -> None:
    """Apply the rule to the window's tables now and to every table that takes the focus later
    (dialogs included)."""
    for view in window.findChildren(QAbstractItemView):
        one_tab_stop(view)
    app = QApplication.instance()
    if isinstance(app, QApplication) and id(app) not in _CONNECTED:
        app.focusChanged.connect(_focus_changed)
        _CONNECTED.add(id(app))
