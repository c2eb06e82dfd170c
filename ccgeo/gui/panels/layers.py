"""The layer panel: show/hide, reorder (drag or menu), remove, restyle, opacity, and a legend
under each layer. Reordering, removing and restyling are undoable (Edit ▸ Undo)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QDropEvent, QKeyEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSlider,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ccgeo.gui.canvas.map_canvas import MapCanvas
from ccgeo.gui.dialogs.layer_style import StyleDialog
from ccgeo.gui.language import notifier, tr
from ccgeo.gui.panels.layer_state import LayerMemory, MapEdit, merged_order
from ccgeo.gui.wording import as_plain_text
from ccgeo.render.layers import MapLayer
from ccgeo.render.legend import legend_icon
from ccgeo.render.style import LayerStyle

_LAYER_ROLE = Qt.ItemDataRole.UserRole + 1

#: Kinds whose layer is not removed from the panel: the base map has its own menu.
KEPT_KINDS: frozenset[str] = frozenset({"basemap"})


class _LayerTree(QTreeWidget):
    """Tree of layers (top of the list is drawn on top) with their legend rows as children.

    Dragging a layer between others moves it on the map; legend rows cannot be dragged and
    nothing can be dropped onto them. Delete (or Backspace) removes the selected layer.
    """

    def __init__(self, panel: LayerPanel) -> None:
        super().__init__(panel)
        self._panel = panel
        self.setHeaderHidden(True)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setUniformRowHeights(False)
        self.setIndentation(14)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        """Move the dragged layer to the row under the drop indicator."""
        dragged = self.currentItem()
        layer = dragged.data(0, _LAYER_ROLE) if dragged is not None else None
        if layer is None:
            event.ignore()
            return
        target = self.itemAt(event.position().toPoint())
        # A drop on a legend row counts as a drop on its layer.
        while target is not None and target.parent() is not None:
            target = target.parent()
        rows = self.topLevelItemCount()
        if target is None:
            row = rows  # below the last layer
        else:
            row = self.indexOfTopLevelItem(target)
            position = self.dropIndicatorPosition()
            if position == QAbstractItemView.DropIndicatorPosition.BelowItem:
                row += 1
        # Qt must not delete the dragged item itself: report a copy, the panel rebuilds the rows.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self._panel.move_layer_to_row(layer, row)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Delete or Backspace removes the selected layer (undo with Ctrl+Z)."""
        layer = self._panel.selected_layer()
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and layer is not None:
            self._panel.remove_layer(layer)
            event.accept()
            return
        super().keyPressEvent(event)


class LayerPanel(QWidget):
    """Lists the canvas layers top-down with a visibility checkbox, legend swatches and opacity.

    Right-click a layer to zoom to it, show or hide it, move it, change its style or remove it;
    Delete removes the selected layer. Moves, removals and styles are undoable on
    ``undo_stack`` and kept per layer kind (`LayerMemory`): a layer drawn anew (bands after a
    run) keeps the user's style, place and visibility. `state` and `restore_state` give them
    as a plain dict for the project file.

    Parameters
    ----------
    canvas
        The map whose layers are shown; the panel follows its ``layersChanged`` signal.
    undo_stack
        The history the edits go on (the window's Edit ▸ Undo); default: one of its own.

    Signals
    -------
    stateChanged()
        The user changed what `state` holds (an edit, its undo or redo, visibility, opacity).
    """

    stateChanged = Signal()  # noqa: N815 - Qt signal naming

    def __init__(
        self,
        canvas: MapCanvas,
        parent: QWidget | None = None,
        *,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(parent)
        self.canvas = canvas
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self.memory = LayerMemory(canvas)
        #: The last context menu shown (kept alive; tests read it), and the last Style dialog.
        self.last_menu: QMenu | None = None
        self.style_dialog: StyleDialog | None = None
        self.tree = _LayerTree(self)
        self.tree.setToolTip(
            tr(
                "The map's layers, top drawn over the ones below: tick to show or hide, drag "
                "to reorder, right-click for more"
            )
        )
        self._build_opacity_row()
        self._rebuilding = False
        self._refresh_pending = False
        self.tree.itemChanged.connect(self._on_item_changed)
        self.tree.currentItemChanged.connect(lambda *_: self._sync_opacity())
        self.tree.customContextMenuRequested.connect(self._show_menu)
        self.opacity_slider.valueChanged.connect(self._on_opacity)
        # the memory first: it may take a removed layer off again before the rows are rebuilt
        canvas.layersChanged.connect(self.memory.reconcile)
        canvas.layersChanged.connect(self._schedule_refresh)
        # the rows' names, tooltips and legends are written in the language of the moment
        notifier().changed.connect(self._schedule_refresh)
        self.refresh()

    def _build_opacity_row(self) -> None:
        self.opacity_slider = QSlider(Qt.Orientation.Horizontal)
        self.opacity_slider.setRange(0, 100)
        self.opacity_slider.setToolTip(tr("Opacity of the selected layer"))
        self.opacity_label = QLabel(tr("Opacity"))
        self.opacity_label.setMinimumWidth(92)
        opacity_row = QHBoxLayout()
        opacity_row.addWidget(self.opacity_label)
        opacity_row.addWidget(self.opacity_slider, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tree, 1)
        layout.addLayout(opacity_row)

    # -- model → rows ------------------------------------------------------------------------
    def layers_top_down(self) -> list[MapLayer]:
        """The layers as listed: the top one is drawn last (on top of the others)."""
        return list(reversed(self.canvas.layers))

    def _schedule_refresh(self) -> None:
        # Rebuild after the current event: a drop or checkbox click may still be using its item.
        if not self._refresh_pending:
            self._refresh_pending = True
            QTimer.singleShot(0, self.refresh)

    def refresh(self) -> None:
        """Rebuild the rows from the canvas layers, keeping the selection and expansion."""
        self._refresh_pending = False
        current = self.selected_layer()
        collapsed = {
            id(self.tree.topLevelItem(i).data(0, _LAYER_ROLE))
            for i in range(self.tree.topLevelItemCount())
            if not self.tree.topLevelItem(i).isExpanded()
        }
        self._rebuilding = True
        try:
            self.tree.clear()
            for layer in self.layers_top_down():
                item = _layer_item(layer)
                self.tree.addTopLevelItem(item)
                item.setExpanded(id(layer) not in collapsed)
                if layer is current:
                    self.tree.setCurrentItem(item)
        finally:
            self._rebuilding = False
        self._sync_opacity()

    def item_for(self, layer: MapLayer) -> QTreeWidgetItem | None:
        """The row of ``layer``."""
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, _LAYER_ROLE) is layer:
                return item
        return None

    def selected_layer(self) -> MapLayer | None:
        """The layer of the selected row (or of the selected legend row)."""
        item = self.tree.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        return item.data(0, _LAYER_ROLE) if item is not None else None

    # -- rows → model ------------------------------------------------------------------------
    def _on_item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        layer = item.data(0, _LAYER_ROLE)
        if self._rebuilding or layer is None:
            return
        self.set_layer_visible(layer, item.checkState(0) == Qt.CheckState.Checked)

    def set_layer_visible(self, layer: MapLayer, visible: bool) -> None:
        """Show or hide ``layer``; a layer of its kind drawn anew stays so."""
        layer.visible = visible
        self.memory.note(layer)
        self.stateChanged.emit()

    def _sync_opacity(self) -> None:
        layer = self.selected_layer()
        self.opacity_slider.setEnabled(layer is not None)
        value = round(100 * layer.opacity) if layer is not None else 100
        self.opacity_slider.blockSignals(True)
        self.opacity_slider.setValue(value)
        self.opacity_slider.blockSignals(False)
        self._show_opacity(value)

    def _show_opacity(self, value: int) -> None:
        self.opacity_label.setText(tr("Opacity {percent} %").format(percent=value))

    def _on_opacity(self, value: int) -> None:
        self._show_opacity(value)
        layer = self.selected_layer()
        if layer is not None:
            layer.opacity = value / 100.0
            self.memory.note(layer)
            self.stateChanged.emit()

    # -- undoable edits ----------------------------------------------------------------------
    def push(self, text: str, do: Callable[[], object], undo: Callable[[], object]) -> None:
        """Do an edit now and put it on the undo stack as ``text``."""

        def told(change: Callable[[], object]) -> Callable[[], None]:
            def run() -> None:
                change()
                self.stateChanged.emit()

            return run

        self.undo_stack.push(MapEdit(text, told(do), told(undo)))

    def move_layer_to_row(self, layer: MapLayer, row: int) -> None:
        """Put ``layer`` at ``row`` of the top-down list (0 = drawn on top of everything)."""
        top_down = self.layers_top_down()
        old_row = top_down.index(layer)
        if row > old_row:
            row -= 1  # the row indices below the dragged layer shift up once it is taken out
        row = min(max(row, 0), len(top_down) - 1)
        if row == old_row:
            return
        kinds = [x.kind for x in top_down]
        kinds.insert(row, kinds.pop(old_row))
        memory = self.memory
        before = memory.full_order()
        after = merged_order(before, kinds)
        self.push(
            tr("Move layer {layer}").format(layer=layer.name),
            lambda: memory.set_order(after),
            lambda: memory.set_order(before),
        )

    def remove_layer(self, layer: MapLayer) -> None:
        """Take ``layer`` off the map (undoable; it comes back at its place)."""
        if layer.kind in KEPT_KINDS or layer not in self.canvas.layers:
            return
        kind, memory = layer.kind, self.memory
        self.push(
            tr("Remove layer {layer}").format(layer=layer.name),
            lambda: memory.remove(kind),
            lambda: memory.add_back(kind),
        )

    def add_back(self, kind: str) -> None:
        """Put the removed layer of ``kind`` back at its place (undoable)."""
        layer = self.memory.removed.get(kind)
        if layer is None:
            return
        memory = self.memory
        self.push(
            tr("Add back layer {layer}").format(layer=layer.name),
            lambda: memory.add_back(kind),
            lambda: memory.remove(kind),
        )

    def restyle(self, layer: MapLayer, style: LayerStyle) -> None:
        """Draw ``layer`` (and every layer of its kind drawn later) with ``style`` (undoable)."""
        old = layer.style
        if style == old:
            return
        kind, memory = layer.kind, self.memory
        self.push(
            tr("Style of {layer}").format(layer=layer.name),
            lambda: memory.set_style(kind, style),
            lambda: memory.set_style(kind, old),
        )

    def open_style_dialog(self, layer: MapLayer) -> StyleDialog | None:
        """Show the Style dialog of ``layer``; OK restyles it. None for a fixed-style layer."""
        if not layer.style_classes():
            return None
        if self.style_dialog is not None:
            self.style_dialog.deleteLater()  # the last one, closed by now (it is window-modal)
        dialog = StyleDialog(layer, self.window())
        dialog.accepted.connect(lambda: self.restyle(layer, dialog.chosen_style()))
        self.style_dialog = dialog
        dialog.open()
        return dialog

    # -- the project file --------------------------------------------------------------------
    def state(self) -> dict[str, Any]:
        """Order, removed layers, visibility, opacity and style per layer kind, as a plain dict.

        ``{"version": 1, "order": [kinds, top first], "removed": [kinds], "layers": {kind:
        {"visible": bool, "opacity": 0..1, "style": {"colors": {class: "#RRGGBB"}, "sizes":
        {class: px}, "hidden": [classes], "ramp": name}}}}``; JSON-ready.
        """
        return self.memory.state()

    def restore_state(self, state: dict[str, Any] | None) -> list[str]:
        """Arrange the map as ``state`` (from `state`) says; layers not drawn yet (the bands
        before the first run) follow it when they appear. Returns one line per entry that could
        not be used, saying why (the rest is applied).

        Call it once the project's layers are shown (after `MainWindow.set_project`, e.g. on
        ``projectLoaded``): showing a project starts from a clean slate (`forget`).
        """
        problems = self.memory.restore(state)
        self.refresh()
        return problems

    def forget(self) -> None:
        """A new project: forget the arrangement of the last one (call before its layers are
        shown)."""
        self.memory.forget()

    # -- menus -------------------------------------------------------------------------------
    def _show_menu(self, pos: QPoint) -> None:
        item = self.tree.itemAt(pos)
        while item is not None and item.parent() is not None:
            item = item.parent()
        if item is None:
            menu = self._removed_menu(QMenu(self))
        else:
            self.tree.setCurrentItem(item)
            menu = self.context_menu(item.data(0, _LAYER_ROLE))
        if menu.isEmpty():
            return
        if self.last_menu is not None:
            self.last_menu.deleteLater()
        menu.popup(self.tree.viewport().mapToGlobal(pos))
        self.last_menu = menu

    def context_menu(self, layer: MapLayer) -> QMenu:
        """The menu of a layer row: zoom, show or hide, move, style, remove, add back."""
        menu = QMenu(self)
        menu.setToolTipsVisible(True)
        row = self.layers_top_down().index(layer)
        zoom = menu.addAction(tr("Zoom to layer"))
        zoom.setEnabled(layer.extent is not None)
        zoom.triggered.connect(lambda: self.canvas.zoom_to_extent(layer.extent))  # type: ignore[arg-type]
        toggle = menu.addAction(tr("Hide", "layer") if layer.visible else tr("Show", "layer"))
        toggle.triggered.connect(lambda: self.set_layer_visible(layer, not layer.visible))
        up = menu.addAction(tr("Move up"))
        up.setEnabled(row > 0)
        up.triggered.connect(lambda: self.move_layer_to_row(layer, row - 1))
        down = menu.addAction(tr("Move down"))
        down.setEnabled(row < len(self.canvas.layers) - 1)
        down.triggered.connect(lambda: self.move_layer_to_row(layer, row + 2))
        menu.addSeparator()
        self._edit_actions(menu, layer)
        return self._removed_menu(menu)

    def _edit_actions(self, menu: QMenu, layer: MapLayer) -> None:
        style = menu.addAction(tr("Style…"))
        if layer.style_classes():
            style.setToolTip(tr("Colours and sizes of this layer's classes (undo with Ctrl+Z)"))
        else:
            style.setEnabled(False)
            style.setToolTip(tr("This layer is drawn with a fixed style"))
        style.triggered.connect(lambda: self.open_style_dialog(layer))
        remove = menu.addAction(tr("Remove", "layer"))
        remove.setShortcut(Qt.Key.Key_Delete)
        if layer.kind in KEPT_KINDS:
            remove.setEnabled(False)
            remove.setToolTip(tr("Choose View ▸ Base map ▸ None to hide the base map"))
        else:
            remove.setToolTip(tr("Take this layer off the map (Delete; undo with Ctrl+Z)"))
        remove.triggered.connect(lambda: self.remove_layer(layer))

    def _removed_menu(self, menu: QMenu) -> QMenu:
        """Add "Add back ▸ layer" for the layers removed (nothing when none)."""
        removed = [(k, x) for k, x in self.memory.removed.items() if x is not None]
        if removed:
            back = menu.addMenu(tr("Add back"))
            back.setToolTipsVisible(True)
            for kind, layer in removed:
                action = back.addAction(layer.name)
                action.setToolTip(
                    as_plain_text(
                        tr("Put {layer} back on the map at its place").format(layer=layer.name)
                    )
                )
                action.triggered.connect(lambda _c=False, k=kind: self.add_back(k))
        return menu


def _layer_item(layer: MapLayer) -> QTreeWidgetItem:
    """The row of ``layer``: name, visibility check box, and its legend as children."""
    item = QTreeWidgetItem([layer.name])
    item.setData(0, _LAYER_ROLE, layer)
    item.setFlags(
        Qt.ItemFlag.ItemIsEnabled
        | Qt.ItemFlag.ItemIsSelectable
        | Qt.ItemFlag.ItemIsUserCheckable
        | Qt.ItemFlag.ItemIsDragEnabled
    )
    item.setCheckState(0, Qt.CheckState.Checked if layer.visible else Qt.CheckState.Unchecked)
    item.setToolTip(
        0,
        as_plain_text(
            tr(
                "{layer}: tick to show, drag to change the drawing order, right-click for more"
            ).format(layer=layer.name)
        ),
    )
    for entry in layer.legend():
        child = QTreeWidgetItem([entry.label])
        child.setIcon(0, legend_icon(entry))
        child.setFlags(Qt.ItemFlag.ItemIsEnabled)
        item.addChild(child)
    return item
