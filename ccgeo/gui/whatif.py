"""Live what-if on the map: the "Place hub" tool, the facility context menu, and undoable edits."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QIcon, QMouseEvent, QPainter, QPen, QUndoCommand
from PySide6.QtWidgets import QMenu

from ccgeo.gui.canvas.map_canvas import MapCanvas, MapTool
from ccgeo.gui.icons import vector_icon
from ccgeo.gui.language import tr
from ccgeo.gui.wording import test_name
from ccgeo.model.scenario import Scenario
from ccgeo.render.analysis_layers import HUB_COLOR, paint_hubs
from ccgeo.render.facilities import FacilityLayer
from ccgeo.render.layers import qcolor

if TYPE_CHECKING:
    from ccgeo.gui.panels.analysis import AnalysisController

#: Name of the tool in `MapCanvas.set_tool`.
TOOL_NAME = "place_hub"
#: A press and release closer than this is a click, not a drag, screen pixels.
CLICK_PX = 4.0
#: A facility or hub this close to the cursor is under it, screen pixels.
PICK_PX = 10.0


# -- undoable edits ------------------------------------------------------------------------------


class _Edit(QUndoCommand):
    """An edit already done when pushed: the first `redo` (from `QUndoStack.push`) is skipped."""

    def __init__(
        self,
        controller: AnalysisController,
        text: str,
        do: Callable[[], object],
        undo: Callable[[], object],
    ) -> None:
        super().__init__(text)
        self.controller = controller
        self._do, self._undo = do, undo
        self._first = True

    def redo(self) -> None:
        """Apply the edit again (not on the push: it was applied before)."""
        if self._first:
            self._first = False
            return
        self.controller.perform(self._do)

    def undo(self) -> None:
        """Revert the edit."""
        self.controller.perform(self._undo)


def add_hub_command(
    controller: AnalysisController, lon: float, lat: float, name: str | None = None
) -> QUndoCommand | None:
    """Add a candidate hub now; the command that undoes it, or None when it could not be added."""
    ws = controller.require_workspace()
    hub_id = ws.new_hub_id()
    if not controller.perform(lambda: ws.add_hub(lon, lat, name, hub_id=hub_id)):
        return None
    hub = next(h for h in ws.hubs if h.hub_id == hub_id)
    return _Edit(
        controller,
        tr("Add {hub}").format(hub=hub.name),
        lambda: ws.add_hub(hub.lon, hub.lat, hub.name, hub_id=hub.hub_id),
        lambda: ws.remove_hub(hub.hub_id),
    )


def move_hub_command(
    controller: AnalysisController, hub_id: str, lon: float, lat: float
) -> QUndoCommand | None:
    """Move a candidate hub now; the command that undoes it, or None on failure."""
    ws = controller.require_workspace()
    old = next(h for h in ws.hubs if h.hub_id == hub_id)
    if not controller.perform(lambda: ws.move_hub(hub_id, lon, lat)):
        return None
    return _Edit(
        controller,
        tr("Move {hub}").format(hub=old.name),
        lambda: ws.move_hub(hub_id, lon, lat),
        lambda: ws.move_hub(hub_id, old.lon, old.lat),
    )


def remove_hub_command(controller: AnalysisController, hub_id: str) -> QUndoCommand | None:
    """Remove a candidate hub now; the command that undoes it, or None on failure."""
    ws = controller.require_workspace()
    hub = next(h for h in ws.hubs if h.hub_id == hub_id)
    if not controller.perform(lambda: ws.remove_hub(hub_id)):
        return None
    return _Edit(
        controller,
        tr("Remove {hub}").format(hub=hub.name),
        lambda: ws.remove_hub(hub_id),
        lambda: ws.add_hub(hub.lon, hub.lat, hub.name, hub_id=hub_id),
    )


def toggle_lab_command(controller: AnalysisController, facility_id: str) -> QUndoCommand | None:
    """Upgrade a facility (or reopen a closed lab), or undo an upgrade (or close a lab), now."""
    ws = controller.require_workspace()
    cap = test_name(ws.settings.capability)
    if ws.is_lab(facility_id):
        text = (
            tr("Remove the {test} upgrade of {facility}")
            if facility_id in ws.upgrades
            else tr("Close {test} lab {facility}")
        )
        do, undo = ws.downgrade, ws.upgrade
    else:
        text = (
            tr("Reopen {test} lab {facility}")
            if facility_id in ws.removed
            else tr("Upgrade {facility} to {test}")
        )
        do, undo = ws.upgrade, ws.downgrade
    text = text.format(test=cap, facility=facility_id)
    if not controller.perform(lambda: do(facility_id)):
        return None
    return _Edit(controller, text, lambda: do(facility_id), lambda: undo(facility_id))


def apply_scenario_command(
    controller: AnalysisController, scenario: Scenario, *, text: str | None = None
) -> QUndoCommand | None:
    """Replace the edits by ``scenario``'s now; the command that restores the previous ones."""
    ws = controller.require_workspace()
    before = ws.to_scenario("before")
    if not controller.perform(lambda: controller.report_skipped(ws.apply_scenario(scenario))):
        return None
    return _Edit(
        controller,
        text or tr("Apply scenario {name}").format(name=scenario.name),
        lambda: ws.apply_scenario(scenario),
        lambda: ws.apply_scenario(before),
    )


# -- picking -------------------------------------------------------------------------------------


def facility_at(canvas: MapCanvas, x: float, y: float, *, radius_px: float = PICK_PX) -> str | None:
    """Id of the visible facility drawn nearest to screen point ``x``, ``y``, or None."""
    for layer in reversed(canvas.layers):
        if isinstance(layer, FacilityLayer) and layer.visible and len(layer.xy):
            sxy = layer.screen_positions(canvas.view)
            d2 = np.nan_to_num((sxy[:, 0] - x) ** 2 + (sxy[:, 1] - y) ** 2, nan=np.inf)
            i = int(np.argmin(d2))
            if d2[i] <= radius_px**2:
                return str(layer.facilities.gdf["facility_id"].iloc[i])
    return None


# -- the map tool --------------------------------------------------------------------------------


class PlaceHubTool(MapTool):
    """Click on the map to place a candidate hub; drag a candidate hub to move it.

    Right-click on a hub removes it (see `show_context_menu`). Each change is one undoable
    command on the controller's stack.
    """

    cursor = Qt.CursorShape.CrossCursor

    def __init__(self, controller: AnalysisController) -> None:
        self.controller = controller
        self._press: QPointF | None = None
        self._drag_hub: str | None = None
        self._drag_pos: QPointF | None = None

    def press(self, canvas: MapCanvas, pos: QPointF, event: QMouseEvent) -> None:
        """Grab the hub under the cursor, if any."""
        self._press = QPointF(pos)
        self._drag_hub = self.controller.hub_at(pos.x(), pos.y())
        self._drag_pos = QPointF(pos)

    def move(self, canvas: MapCanvas, pos: QPointF, event: QMouseEvent) -> None:
        """Drag the grabbed hub."""
        if self._drag_hub is not None and self._press is not None:
            self._drag_pos = QPointF(pos)
            canvas.update()

    def release(self, canvas: MapCanvas, pos: QPointF, event: QMouseEvent) -> None:
        """Drop the dragged hub, or place a new hub on a click."""
        press, hub = self._press, self._drag_hub
        self.deactivate(canvas)
        if press is None:
            return
        moved = (pos - press).manhattanLength() > CLICK_PX
        lonlat = canvas.lonlat_at(pos.x(), pos.y())
        if lonlat is None or self.controller.workspace is None:
            return  # off the map, or no project open
        if hub is not None:
            if moved:
                self.controller.push(move_hub_command(self.controller, hub, *lonlat))
        elif not moved:
            self.controller.push(add_hub_command(self.controller, *lonlat))
        canvas.update()

    def paint(self, canvas: MapCanvas, painter: QPainter) -> None:
        """The dragged hub, translucent, with a line from where it was."""
        if self._drag_hub is None or self._drag_pos is None or self._press is None:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(qcolor(HUB_COLOR), 1.5, Qt.PenStyle.DashLine))
        painter.drawLine(self._press, self._drag_pos)
        paint_hubs(painter, np.array([[self._drag_pos.x(), self._drag_pos.y()]]), alpha=170)

    def deactivate(self, canvas: MapCanvas) -> None:
        """Drop a half-done drag."""
        self._press = self._drag_pos = None
        self._drag_hub = None
        canvas.update()


def show_context_menu(controller: AnalysisController, canvas: MapCanvas, pos: QPoint) -> None:
    """Right-click on the map: remove a hub (at once with the Place hub tool), toggle a
    facility's upgrade, or place a hub here."""
    ws = controller.workspace
    if ws is None or ws.baseline is None:
        return
    x, y = float(pos.x()), float(pos.y())
    hub_id = controller.hub_at(x, y)
    if hub_id is not None and canvas.tool == TOOL_NAME:
        controller.push(remove_hub_command(controller, hub_id))
        return
    menu = QMenu(canvas)
    cap = test_name(ws.settings.capability)
    if hub_id is not None:
        name = next(h.name for h in ws.hubs if h.hub_id == hub_id)
        act = menu.addAction(tr("Remove {hub}").format(hub=name))
        act.setToolTip(tr("Take this candidate hub away (undo with Ctrl+Z)"))
        act.triggered.connect(lambda: controller.push(remove_hub_command(controller, hub_id)))
    facility = facility_at(canvas, x, y)
    if facility is not None:
        closing = facility in ws.removed or (ws.is_lab(facility) and facility not in ws.upgrades)
        if closing:
            act = menu.addAction(
                tr("Close {test} lab {facility}").format(test=cap, facility=facility)
            )
            act.setToolTip(
                tr("What if this lab stopped doing {test} tests? (undo with Ctrl+Z)").format(
                    test=cap
                )
            )
        else:
            act = menu.addAction(
                tr("Upgrade {facility} to {test}").format(test=cap, facility=facility)
            )
            act.setToolTip(
                tr("What if this facility could do {test} tests? (undo with Ctrl+Z)").format(
                    test=cap
                )
            )
        act.setCheckable(True)
        act.setChecked(facility in ws.removed or facility in ws.upgrades)
        act.triggered.connect(lambda: controller.push(toggle_lab_command(controller, facility)))
    lonlat = canvas.lonlat_at(x, y)
    if lonlat is not None:
        act = menu.addAction(tr("Place a candidate hub here"))
        act.setToolTip(tr("Open a new {test} lab at this point").format(test=cap))
        act.triggered.connect(lambda: controller.push(add_hub_command(controller, *lonlat)))
    menu.popup(canvas.mapToGlobal(pos))
    controller.last_menu = menu


def hub_icon() -> QIcon:
    """The toolbar icon of the Place hub tool: the candidate-hub symbol itself (a vector)."""
    return vector_icon(lambda painter: paint_hubs(painter, np.array([[16.0, 16.0]])))
