"""The view a project is saved with: the map's centre and zoom, the layers' order, styles and
visibility, and where the panels are. Kept in ``project.settings["view"]`` when the project is
saved and put back when it is opened; View ▸ Reset layout puts every panel back in its place.

The panel layout is `QMainWindow.saveState` in base64. A layout saved on a bigger screen never
makes the window larger than it is, and a floating panel is moved onto this screen.
"""

from __future__ import annotations

import base64
import binascii
import logging
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QByteArray, QRect
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QWidget

from ccgeo.geo import project_lonlat, unproject_xy
from ccgeo.gui.language import tr
from ccgeo.render.view import ViewTransform

if TYPE_CHECKING:
    from ccgeo.gui.main_window import MainWindow
    from ccgeo.project import Project

log = logging.getLogger(__name__)

#: Key of ``Project.settings`` holding the view.
VIEW_KEY = "view"
#: Version of the view dict, and of the `QMainWindow.saveState` layout in it.
VIEW_VERSION = 1


def view_state(window: MainWindow) -> dict[str, Any]:
    """What the window shows, as a plain dict: ``{"version", "center_lonlat" (degrees),
    "m_per_px" (metres of map per screen pixel), "layers" (`LayerPanel.state`), "layout"
    (base64 of `QMainWindow.saveState`)}``; no map entries before a map is shown."""
    layout = bytes(window.saveState(VIEW_VERSION).data())
    state: dict[str, Any] = {
        "version": VIEW_VERSION,
        "layout": base64.b64encode(layout).decode("ascii"),
    }
    canvas = window.canvas
    if canvas.crs is not None:
        view = canvas.view
        lon, lat = unproject_xy(np.array([[view.center_x, view.center_y]]), canvas.crs)[0]
        state["center_lonlat"] = [float(lon), float(lat)]
        state["m_per_px"] = float(view.m_per_px)
        state["layers"] = window.layer_panel.state()
    return state


def store_view(window: MainWindow, project: Project) -> None:
    """Keep the window's view in ``project`` (saved with it), when it is the one shown."""
    if project is window.project:
        project.settings[VIEW_KEY] = view_state(window)


def restore_view(window: MainWindow, project: Project) -> list[str]:
    """Show ``project`` as it was saved: panel layout, layers, centre and zoom. A project of an
    earlier version (no view) is shown as opened. Returns one line per part that could not be
    used, saying why (the log has them too)."""
    state = project.settings.get(VIEW_KEY)
    if state is None:
        return []
    if not isinstance(state, Mapping) or state.get("version") != VIEW_VERSION:
        problems = [f"the saved view is not one this ccgeo reads ({state!r:.60}): not used"]
    else:
        problems = []
        if state.get("layout"):
            problems += restore_layout(window, state["layout"])
        if state.get("layers") is not None:
            problems += window.layer_panel.restore_state(state["layers"])
        problems += _restore_centre(window, state)
    for line in problems:
        log.warning("%s", line)
    return problems


def _restore_centre(window: MainWindow, state: Mapping[str, Any]) -> list[str]:
    canvas = window.canvas
    centre, m_per_px = state.get("center_lonlat"), state.get("m_per_px")
    if centre is None or canvas.crs is None:
        return []
    try:
        lon, lat = (float(v) for v in centre)
        scale = float(m_per_px)  # type: ignore[arg-type]
        if not all(math.isfinite(v) for v in (lon, lat, scale)) or scale <= 0:
            raise ValueError
    except (TypeError, ValueError):
        return [f"the saved map centre {centre!r} and zoom {m_per_px!r} are not usable"]
    x, y = project_lonlat(np.array([[lon, lat]]), canvas.crs)[0]
    scale = min(max(scale, ViewTransform.MIN_M_PER_PX), ViewTransform.MAX_M_PER_PX)
    canvas.go_to(ViewTransform(float(x), float(y), scale))
    return []


def restore_layout(window: MainWindow, layout: str) -> list[str]:
    """Put the panels where the base64 ``layout`` (from `view_state`) says, keeping the window
    the size it is and every floating panel on the screen."""
    try:
        data = base64.b64decode(layout.encode("ascii"), validate=True)
    except (AttributeError, UnicodeEncodeError, binascii.Error):
        return ["the saved panel layout is damaged: the panels stay where they are"]
    size = window.size()
    if not window.restoreState(QByteArray(data), VIEW_VERSION):
        return ["the saved panel layout is not one this ccgeo reads: the panels stay as they are"]
    keep_on_screen(window, size)
    return []


def keep_on_screen(window: MainWindow, size: Any) -> None:
    """Make the window no larger than ``size`` (a `QSize`) and move floating panels onto the
    window's screen, shrunk to it if they are larger."""
    if window.width() > size.width() or window.height() > size.height():
        window.resize(min(window.width(), size.width()), min(window.height(), size.height()))
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    area = screen.availableGeometry()
    for dock in window.docks.values():
        if dock.isFloating():
            dock.setGeometry(_inside(dock.geometry(), area))


#: Height of a window's title bar and frame, pixels, kept free when a window is sized.
FRAME_PX = 40


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Make ``widget`` (a window or dialog) ``width`` × ``height`` pixels, or smaller on a
    screen with less room: it never reaches under the task bar or beyond the screen, its title
    bar (`FRAME_PX`) included, so its buttons stay in sight on a 1366×768 laptop."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        area = screen.availableGeometry()
        width = min(width, area.width())
        height = min(height, area.height() - FRAME_PX)
    widget.resize(width, height)


def _inside(rect: QRect, area: QRect) -> QRect:
    """``rect`` moved (and shrunk when larger) to lie inside ``area``."""
    width, height = min(rect.width(), area.width()), min(rect.height(), area.height())
    left = min(max(rect.left(), area.left()), area.right() - width + 1)
    top = min(max(rect.top(), area.top()), area.bottom() - height + 1)
    return QRect(left, top, width, height)


class ViewKeeper:
    """Saves the view with the project, restores it when the project opens, and keeps the
    first layout for View ▸ Reset layout (kept as ``window.view_keeper``).

    Install it last: on ``projectLoaded`` it runs after every panel drew its layers.
    """

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        #: The panels as ccgeo places them: what Reset layout goes back to.
        self.default_layout = window.saveState(VIEW_VERSION)
        self.act_reset = QAction(tr("&Reset layout"), window)
        tip = tr("Put every panel back where ccgeo first placed it, docked")
        self.act_reset.setToolTip(tip)
        self.act_reset.setStatusTip(tip)
        self.act_reset.triggered.connect(lambda _checked=False: self.reset_layout())
        view = window.menus["view"]
        panels = window.menus["panels"].menuAction()
        actions = view.actions()
        at = actions.index(panels) + 1 if panels in actions else len(actions)
        if at < len(actions):
            view.insertAction(actions[at], self.act_reset)
        else:
            view.addAction(self.act_reset)
        window.aboutToSave.connect(lambda project: store_view(window, project))
        window.projectLoaded.connect(lambda project: restore_view(window, project))
        window.layer_panel.stateChanged.connect(lambda: window.set_modified(True))

    def reset_layout(self) -> None:
        """Every panel back where ccgeo first put it (the closed ones shown again, the floating
        ones docked), the window keeping its size."""
        window = self.window
        size = window.size()
        for dock in window.docks.values():
            dock.setFloating(False)
        window.restoreState(self.default_layout, VIEW_VERSION)
        keep_on_screen(window, size)


def install(window: MainWindow) -> None:
    """Keep the view with the project and add View ▸ Reset layout (``window.view_keeper``)."""
    window.view_keeper = ViewKeeper(window)  # type: ignore[attr-defined]
