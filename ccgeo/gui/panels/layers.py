"""The layer panel: show/hide, reorder (drag or menu), opacity, and a legend under each layer."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QDropEvent
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
from ccgeo.render.layers import MapLayer
from ccgeo.render.legend import legend_icon

_LAYER_ROLE = Qt.ItemDataRole.UserRole + 1


class _LayerTree(QTreeWidget):
    """Tree of layers (top of the list is drawn on top) with their legend rows as children.

    Dragging a layer between others moves it on the map; legend rows cannot be dragged and
    nothing can be dropped onto them.
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


class LayerPanel(QWidget):
    """Lists the canvas layers top-down with a visibility checkbox, legend swatches and opacity.

    Parameters
    ----------
    canvas
        The map whose layers are shown; the panel follows its ``layersChanged`` signal.
    """

    def __init__(self, canvas: MapCanvas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = canvas
        self.tree = _LayerTree(self)
        self.opacity_slider = QSlider(Qt.Orientation.Horizontal)
        self.opacity_slider.setRange(0, 100)
        self.opacity_slider.setToolTip("Opacity of the selected layer")
        self.opacity_label = QLabel("Opacity")
        self.opacity_label.setMinimumWidth(92)
        opacity_row = QHBoxLayout()
        opacity_row.addWidget(self.opacity_label)
        opacity_row.addWidget(self.opacity_slider, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tree, 1)
        layout.addLayout(opacity_row)
        self._rebuilding = False
        self.tree.itemChanged.connect(self._on_item_changed)
        self.tree.currentItemChanged.connect(lambda *_: self._sync_opacity())
        self.tree.customContextMenuRequested.connect(self._show_menu)
        self.opacity_slider.valueChanged.connect(self._on_opacity)
        canvas.layersChanged.connect(self._schedule_refresh)
        self._refresh_pending = False
        self.refresh()

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
                item = QTreeWidgetItem([layer.name])
                item.setData(0, _LAYER_ROLE, layer)
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsUserCheckable
                    | Qt.ItemFlag.ItemIsDragEnabled
                )
                item.setCheckState(
                    0, Qt.CheckState.Checked if layer.visible else Qt.CheckState.Unchecked
                )
                item.setToolTip(0, f"{layer.name}: tick to show, drag to change the drawing order")
                for entry in layer.legend():
                    child = QTreeWidgetItem([entry.label])
                    child.setIcon(0, legend_icon(entry))
                    child.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    item.addChild(child)
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
        layer.visible = item.checkState(0) == Qt.CheckState.Checked

    def move_layer_to_row(self, layer: MapLayer, row: int) -> None:
        """Put ``layer`` at ``row`` of the top-down list (0 = drawn on top of everything)."""
        top_down = self.layers_top_down()
        old_row = top_down.index(layer)
        if row > old_row:
            row -= 1  # the row indices below the dragged layer shift up once it is taken out
        row = min(max(row, 0), len(top_down) - 1)
        if row != old_row:
            self.canvas.move_layer(layer, len(top_down) - 1 - row)

    def _sync_opacity(self) -> None:
        layer = self.selected_layer()
        self.opacity_slider.setEnabled(layer is not None)
        value = round(100 * layer.opacity) if layer is not None else 100
        self.opacity_slider.blockSignals(True)
        self.opacity_slider.setValue(value)
        self.opacity_slider.blockSignals(False)
        self.opacity_label.setText(f"Opacity {value} %")

    def _on_opacity(self, value: int) -> None:
        self.opacity_label.setText(f"Opacity {value} %")
        layer = self.selected_layer()
        if layer is not None:
            layer.opacity = value / 100.0

    def _show_menu(self, pos: QPoint) -> None:
        item = self.tree.itemAt(pos)
        while item is not None and item.parent() is not None:
            item = item.parent()
        if item is None:
            return
        self.tree.setCurrentItem(item)
        menu = self.context_menu(item.data(0, _LAYER_ROLE))
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    def context_menu(self, layer: MapLayer) -> QMenu:
        """The menu of a layer row: zoom to it, show or hide it, move it up or down."""
        menu = QMenu(self)
        row = self.layers_top_down().index(layer)
        zoom = menu.addAction("Zoom to layer")
        zoom.setEnabled(layer.extent is not None)
        zoom.triggered.connect(lambda: self.canvas.zoom_to_extent(layer.extent))  # type: ignore[arg-type]
        toggle = menu.addAction("Hide" if layer.visible else "Show")
        toggle.triggered.connect(lambda: setattr(layer, "visible", not layer.visible))
        up = menu.addAction("Move up")
        up.setEnabled(row > 0)
        up.triggered.connect(lambda: self.move_layer_to_row(layer, row - 1))
        down = menu.addAction("Move down")
        down.setEnabled(row < len(self.canvas.layers) - 1)
        down.triggered.connect(lambda: self.move_layer_to_row(layer, row + 2))
        return menu
