"""Widgets the planning and capacity docks share: a Run/Cancel box, result tables, a scrolling
column of parts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
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

from ccgeo.gui.language import notifier, tr
from ccgeo.gui.wording import for_planner
from ccgeo.labels import format_when

if TYPE_CHECKING:
    from ccgeo.gui.workers import Worker


def make_table(headers: tuple[str, ...], tip: str) -> QTableWidget:
    """A read-only table with one selectable row at a time, sortable once a header is clicked.

    ``headers`` and ``tip`` are shown through `tr`: English marked for translation
    (`QT_TR_NOOP`) or a text already translated."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels([tr(header) for header in headers])
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    # no sort column until the planner clicks a header: rows keep the result's order
    table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    table.setToolTip(tr(tip))
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
    """Run and Cancel buttons, a progress bar, a state line and an error line.

    ``run_text`` and ``run_tip`` are shown through `tr` (English marked for translation, or a
    text already translated)."""

    def __init__(self, run_text: str, run_tip: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.run_button = QPushButton(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MediaPlay), tr(run_text)
        )
        self.run_button.setToolTip(tr(run_tip))
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setToolTip(tr("Stop the run under way"))
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
        #: When the plan shown was made and whether the data changed since (`show_saved`).
        self._saved: tuple[str, bool] | None = None
        notifier().changed.connect(self.retranslate)

    def retranslate(self) -> None:
        """Write again the state of a saved plan in the app's language (it changed)."""
        if self._saved is not None:
            self.show_saved(self._saved[0], stale=self._saved[1])

    def started(self, worker: Worker | None) -> None:
        """A run began: Cancel on, progress shown."""
        self._saved = None
        self.show_error("")
        if worker is None:
            return
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.progress.show()
        self.state.setText(tr("Running…"))

    def ended(self, text: str, *, error: str = "") -> None:
        """A run ended (done, cancelled or failed)."""
        self._saved = None
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress.hide()
        self.state.setText(text)
        self.state.setStyleSheet("")
        self.show_error(error)

    def show_saved(self, made_at: str, *, stale: bool) -> None:
        """The plan shown was saved with the project: say when it was made, and, in orange,
        when the project's data changed since (``stale``)."""
        when = format_when(made_at)
        if stale:
            self.ended(
                tr(
                    "⚠ From the saved project: made {when}, and the data changed since. "
                    "Run again for a plan of the data as it is now."
                ).format(when=when)
            )
            self.state.setStyleSheet("color: #E65100; font-weight: bold;")
        else:
            self.ended(tr("Made {when}, saved with the project.").format(when=when))
        self._saved = (made_at, stale)

    def show_error(self, message: str) -> None:
        """Show ``message`` in red, in the planner's words (hidden when empty)."""
        self.error.setText(for_planner(message))
        self.error.setVisible(bool(message))

    def show_progress(self, fraction: float, text: str) -> None:
        """The run's progress (connected before the run starts: `MainWindow.run_task`)."""
        self.progress.setValue(round(1000 * fraction))
        if text:
            self.state.setText(text)


def stack_parts(
    panel: QWidget, parts: list[QWidget | QLayout], *, stretch_last: bool = True
) -> QScrollArea:
    """Lay ``parts`` out top to bottom in a scroll area filling ``panel``; the last part
    stretches (or, with ``stretch_last`` False, the space below the parts). A dock too short
    for it all scrolls instead of squeezing the tables or growing the window. Returns the
    scroll area."""
    content = QWidget()
    column = QVBoxLayout(content)
    for i, part in enumerate(parts):
        stretch = 1 if stretch_last and i == len(parts) - 1 else 0
        if isinstance(part, QLayout):
            column.addLayout(part, stretch)
        else:
            column.addWidget(part, stretch)
    if not stretch_last:
        column.addStretch(1)
    for combo in content.findChildren(QComboBox):
        # long item texts must not widen the dock: the combo elides them instead
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
    area = _Column()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(area)
    return area


class _Column(QScrollArea):
    """A scroll area that scrolls up and down only: as wide as its content needs at least (no
    text is cut off at the side), as short as a few lines (the dock scrolls instead of making
    the window taller)."""

    #: Height below which the column does not shrink, pixels.
    MIN_HEIGHT = 60

    def _content_width(self, hint: QSize) -> int:
        bar = self.verticalScrollBar().sizeHint().width()
        margins = self.contentsMargins()
        return hint.width() + bar + margins.left() + margins.right()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """As wide as the content's minimum (with a scroll bar), a few lines high."""
        content = self.widget()
        if content is None:
            return super().minimumSizeHint()
        return QSize(self._content_width(content.minimumSizeHint()), self.MIN_HEIGHT)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """The content's preferred size (with a scroll bar)."""
        content = self.widget()
        if content is None:
            return super().sizeHint()
        hint = content.sizeHint()
        return QSize(self._content_width(hint), hint.height())


def scrolled(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area that resizes it."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area
