"""The Identify panel: the attributes of the features clicked with the Identify tool."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ccgeo.gui.canvas.tools import Feature

_FEATURE_ROLE = Qt.ItemDataRole.UserRole + 1

_KIND_LABEL = {"facility": "Facility", "road": "Road", "district": "District"}


class IdentifyPanel(QWidget):
    """Lists the features found at the last Identify click, one expandable row per feature.

    Signals
    -------
    zoomRequested(feature)
        A feature row was double-clicked: the map should show it.
    """

    zoomRequested = Signal(object)  # noqa: N815 - Qt signal naming

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(
            "Choose the Identify tool (I) and click a facility, road or district on the map."
        )
        self.heading.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Field", "Value"])
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.tree.setToolTip("Double-click a feature to zoom to it")
        self.tree.itemDoubleClicked.connect(self._on_double_click)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree, 1)
        self._features: list[Feature] = []

    @property
    def features(self) -> list[Feature]:
        """The features listed."""
        return list(self._features)

    def show_features(self, features: list[Feature], lon: float, lat: float) -> None:
        """List ``features`` found at ``lon``, ``lat`` (degrees); the first one is expanded."""
        self._features = list(features)
        self.tree.clear()
        where = f"Lon {lon:.5f}°  Lat {lat:.5f}°"
        if not features:
            self.heading.setText(f"Nothing here ({where}).")
            return
        count = f"{len(features)} feature{'s' if len(features) > 1 else ''}"
        self.heading.setText(f"{count} at {where}")
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for i, feature in enumerate(features):
            item = QTreeWidgetItem([_KIND_LABEL.get(feature.kind, feature.kind), feature.title])
            item.setData(0, _FEATURE_ROLE, feature)
            item.setFont(0, bold)
            item.setFont(1, bold)
            for name, value in feature.attributes:
                child = QTreeWidgetItem([name, value])
                child.setToolTip(1, value)
                item.addChild(child)
            self.tree.addTopLevelItem(item)
            item.setExpanded(i == 0)

    def values(self, index: int = 0) -> dict[str, str]:
        """The attributes of the ``index``-th feature listed, as shown."""
        return dict(self._features[index].attributes)

    def _on_double_click(self, item: QTreeWidgetItem, _column: int) -> None:
        while item.parent() is not None:
            item = item.parent()
        feature = item.data(0, _FEATURE_ROLE)
        if feature is not None:
            self.zoomRequested.emit(feature)
