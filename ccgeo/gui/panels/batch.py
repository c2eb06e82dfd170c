"""File ▸ Open Scenario Batch…: the comparison table of a ``ccgeo batch`` output folder, in a
dock (the same ``comparison.csv`` the command line wrote, with the numbers in the app's language).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ccgeo.gui.language import QT_TR_NOOP, notifier, tr
from ccgeo.labels import format_minutes, format_number, format_people, format_share

if TYPE_CHECKING:
    import pandas as pd

    from ccgeo.gui.main_window import MainWindow

#: The table the batch writes in its output folder.
COMPARISON_CSV = "comparison.csv"

#: Column headers of the comparison table (the others are per threshold).
_HEADERS: dict[str, str] = {
    "scenario": QT_TR_NOOP("Scenario"),
    "status": QT_TR_NOOP("Status"),
    "mode": QT_TR_NOOP("Travel mode"),
    "speeds": QT_TR_NOOP("Speed file"),
    "congestion": QT_TR_NOOP("Traffic"),
    "thresholds": QT_TR_NOOP("Thresholds"),
    "closures": QT_TR_NOOP("Road closures"),
    "hubs": QT_TR_NOOP("Hubs"),
    "referral": QT_TR_NOOP("Sample referral"),
    "labs_used": QT_TR_NOOP("Labs used"),
    "population": QT_TR_NOOP("People"),
    "unreachable": QT_TR_NOOP("Unreachable"),
    "off_network": QT_TR_NOOP("Off the road network"),
    "mean_minutes": QT_TR_NOOP("Mean time"),
    "underserved_population": QT_TR_NOOP("Underserved people"),
    "new_hubs": QT_TR_NOOP("Sited hubs"),
    "error": QT_TR_NOOP("Error"),
}
_PEOPLE = ("population", "unreachable", "off_network", "underserved_population")
#: Columns shown as written (names, ids, the axis values).
_TEXT = (
    "scenario",
    "status",
    "mode",
    "speeds",
    "congestion",
    "thresholds",
    "closures",
    "hubs",
    "new_hubs",
    "referral",
    "error",
)


class BatchPanel(QWidget):
    """The comparison of a scenario batch: one row per scenario, the columns of the CSV."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder: Path | None = None
        self.frame: pd.DataFrame | None = None
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.table = QTableWidget()
        self.table.setObjectName("batch_table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(False)
        self.table.setToolTip(
            tr("One row per scenario: its values and its results, as in comparison.csv")
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.table)
        self.refresh()
        notifier().changed.connect(self.refresh)

    def show_folder(self, folder: Path) -> None:
        """Read ``folder/comparison.csv`` and show it.

        Raises
        ------
        OSError, ValueError
            When the file is missing or is not a comparison table.
        """
        import pandas as pd

        frame = pd.read_csv(folder / COMPARISON_CSV, dtype=str, keep_default_na=False)
        if "scenario" not in frame.columns or "status" not in frame.columns:
            raise ValueError(COMPARISON_CSV)
        self.folder, self.frame = folder, frame
        self.refresh()

    def refresh(self) -> None:
        """Write the headers, cells and the line above the table again (language changes)."""
        if self.frame is None:
            self.label.setText(
                tr("Open a folder written by `ccgeo batch` (File ▸ Open Scenario Batch…).")
            )
            self.table.clear()
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            return
        frame = self.frame
        failed = int((frame["status"] != "ok").sum())
        self.label.setText(
            tr("%n scenario(s) from {folder}; {failed} failed", "", len(frame)).format(
                folder=self.folder, failed=failed
            )
        )
        self.table.setColumnCount(len(frame.columns))
        self.table.setRowCount(len(frame))
        self.table.setHorizontalHeaderLabels([_header(c) for c in frame.columns])
        for r, row in enumerate(frame.itertuples(index=False)):
            for c, (column, value) in enumerate(zip(frame.columns, row, strict=True)):
                item = QTableWidgetItem(_cell(column, value))
                if column not in _TEXT:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()


def _header(column: str) -> str:
    """The header of a column, in the app's language."""
    if column in _HEADERS:
        return tr(_HEADERS[column])
    kind, _sep, rest = column.partition("_")
    minutes = rest.removesuffix("_min")
    if kind == "share":
        return tr("Within {minutes} min").format(minutes=minutes)
    if kind == "within":
        return tr("People within {minutes} min").format(minutes=minutes)
    if kind == "referral":
        return tr("Referral: {value}").format(value=rest)
    return column


def _cell(column: str, value: str) -> str:
    """A cell as the app shows numbers: shares in %, people grouped, minutes."""
    if value == "" or column in _TEXT:
        return value
    try:
        number = float(value)
    except ValueError:
        return value
    if column.startswith("share_"):
        return format_share(number)
    if column.startswith("within_") or column in _PEOPLE:
        return format_people(number)
    if column == "mean_minutes":
        return format_minutes(number) if math.isfinite(number) else value
    return format_number(number)


def install(window: MainWindow) -> None:
    """File ▸ Open Scenario Batch…, and the Scenario batch dock it opens."""
    panel = BatchPanel()
    window.batch_panel = panel  # type: ignore[attr-defined]
    dock = window.add_dock("batch", tr("Scenario batch"), panel)
    dock.hide()

    def open_batch() -> None:
        caption = tr("Open the output folder of a scenario batch")
        chosen = QFileDialog.getExistingDirectory(window, caption, "")
        if not chosen:
            return
        try:
            panel.show_folder(Path(chosen))
        except (OSError, ValueError):
            window.show_error(
                tr("No scenario batch there"),
                tr(
                    "{folder} holds no comparison.csv; choose the --out folder of `ccgeo batch`"
                ).format(folder=chosen),
            )
            return
        dock.show()
        dock.raise_()

    action = QAction(tr("Open Scenario &Batch…"), window)
    tip = tr("Show the comparison table of a scenario batch (the --out folder of `ccgeo batch`)")
    action.setToolTip(tip)
    action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: open_batch())
    window.act_open_batch = action  # type: ignore[attr-defined]
    window.menus["file"].insertAction(window.act_save, action)
