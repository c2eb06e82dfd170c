"""Widgets the planning and capacity docks share: a Run/Cancel box, result tables, a scrolling
column of parts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ccgeo.gui.wording import for_planner

if TYPE_CHECKING:
    from ccgeo.gui.workers import Worker


def make_table(headers: tuple[str, ...], tip: str) -> QTableWidget:
    """A read-only table with one selectable row at a time, sortable once a header is clicked."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    # no sort column until the planner clicks a header: rows keep the result's order
    table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    table.setToolTip(tip)
    return table


def fill_table(table: QTableWidget, rows: list[list[QTableWidgetItem]]) -> None:
    """Replace the rows of ``table`` (sorting paused while filling)."""
    table.setSortingEnabled(False)
    table.clearSelection()
    table.setRowCount(len(rows))
    for i, cells in enumerate(rows):
        for j, item in enumerate(cells):
            table.setItem(i, j, item)
    table.setSortingEnabled(True)


class RunBox(QWidget):
    """Run and Cancel buttons, a progress bar, a state line and an error line."""

    def __init__(self, run_text: str, run_tip: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.run_button = QPushButton(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MediaPlay), run_text
        )
        self.run_button.setToolTip(run_tip)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop the run under way")
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.state = QLabel("")
        self.state.setWordWrap(True)
        self.error = QLabel("")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #B71C1C;")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button, 1)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.state)
        layout.addWidget(self.error)

    def started(self, worker: Worker | None) -> None:
        """A run began: Cancel on, progress shown."""
        self.show_error("")
        if worker is None:
            return
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.progress.show()
        self.state.setText("Running…")

    def ended(self, text: str, *, error: str = "") -> None:
        """A run ended (done, cancelled or failed)."""
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress.hide()
        self.state.setText(text)
        self.show_error(error)

    def show_error(self, message: str) -> None:
        """Show ``message`` in red, in the planner's words (hidden when empty)."""
        self.error.setText(for_planner(message))
        self.error.setVisible(bool(message))

    def show_progress(self, fraction: float, text: str) -> None:
        """The run's progress (connected before the run starts: `MainWindow.run_task`)."""
        self.progress.setValue(round(1000 * fraction))
        if text:
            self.state.setText(text)


def stack_parts(panel: QWidget, parts: list[QWidget | QLayout]) -> None:
    """Lay ``parts`` out top to bottom in a scroll area filling ``panel``; the last part
    stretches (a dock too short for it all scrolls instead of squeezing the tables)."""
    content = QWidget()
    column = QVBoxLayout(content)
    for i, part in enumerate(parts):
        stretch = 1 if i == len(parts) - 1 else 0
        if isinstance(part, QLayout):
            column.addLayout(part, stretch)
        else:
            column.addWidget(part, stretch)
    for combo in content.findChildren(QComboBox):
        # long item texts must not widen the dock: the combo elides them instead
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
    area = scrolled(content)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(area)


def scrolled(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area that resizes it."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area
