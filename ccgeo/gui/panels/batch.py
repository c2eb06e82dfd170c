"""File ▸ Open Scenario Batch…: run a scenario file (TOML) in the background as ``ccgeo batch``
does, or open a batch's output folder; either way its comparison table shows in a dock (the same
``comparison.csv`` the command line writes, with the numbers in the app's language).
"""

from __future__ import annotations

import functools
import math
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ccgeo.errors import CcgeoError
from ccgeo.gui.language import QT_TR_NOOP, notifier, tr
from ccgeo.labels import format_minutes, format_number, format_people, format_share

if TYPE_CHECKING:
    import pandas as pd

    from ccgeo.gui.main_window import MainWindow
    from ccgeo.tasks.batch import BatchPlan

#: The table the batch writes in its output folder.
COMPARISON_CSV = "comparison.csv"
#: What File ▸ Open Scenario Batch… offers: scenario files, and the table of a batch run before.
_OPEN_FILTER = QT_TR_NOOP("Scenario files and batch comparisons (*.toml comparison.csv)")

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
                tr(
                    "Open a scenario file, or the comparison.csv of a folder written by "
                    "`ccgeo batch` (File ▸ Open Scenario Batch…)."
                )
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


def default_out_folder(scenario_file: Path) -> Path:
    """Where a scenario file's outputs go unless the user says otherwise: ``<stem>_batch``
    beside it."""
    return scenario_file.with_name(f"{scenario_file.stem}_batch")


class BatchRunDialog(QDialog):
    """Asks where to write the outputs of a scenario file before it runs.

    Parameters
    ----------
    plan
        The scenario file, read and checked.
    """

    def __init__(self, plan: BatchPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("batch_run_dialog")
        self.setWindowTitle(tr("Run Scenario Batch"))
        n = len(plan.scenarios)
        summary = QLabel(
            tr("%n scenario(s) of {name} in {file}", "", n).format(
                name=plan.name, file=plan.path.name
            )
        )
        summary.setWordWrap(True)
        self.folder_edit = QLineEdit(str(default_out_folder(plan.path)))
        self.folder_edit.setObjectName("batch_out_folder")
        self.folder_edit.setToolTip(
            tr("Each scenario writes its outputs in scenarios/<id>/ here, then comparison.csv")
        )
        browse = QPushButton(tr("Browse…"))
        browse.setObjectName("batch_out_browse")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(browse)
        note = QLabel(
            tr(
                "The scenarios finished in this folder already are skipped; Cancel stops the "
                "batch and keeps those that finished."
            )
        )
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.run_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.run_button.setText(tr("Run"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.folder_edit.textChanged.connect(
            lambda text: self.run_button.setEnabled(bool(text.strip()))
        )
        form = QFormLayout()
        form.addRow(tr("Output folder:"), row)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)

    @property
    def out_folder(self) -> Path:
        """The output folder the user chose."""
        return Path(self.folder_edit.text().strip()).expanduser()

    def _browse(self) -> None:
        caption = tr("Folder for the outputs of the scenario batch")
        chosen = QFileDialog.getExistingDirectory(self, caption, self.folder_edit.text())
        if chosen:
            self.folder_edit.setText(chosen)


class _BatchActions:
    """What File ▸ Open Scenario Batch… does: run a scenario file or show a comparison."""

    def __init__(self, window: MainWindow, panel: BatchPanel, dock: QWidget) -> None:
        self.window, self.panel, self.dock = window, panel, dock

    def show_folder(self, folder: Path) -> None:
        try:
            self.panel.show_folder(folder)
        except (OSError, ValueError):
            self.window.show_error(
                tr("No scenario batch there"),
                tr(
                    "{folder} holds no comparison.csv; choose a scenario file or the "
                    "comparison.csv in the --out folder of `ccgeo batch`"
                ).format(folder=folder),
            )
            return
        self.dock.show()
        self.dock.raise_()

    def run(self, plan: BatchPlan, out: Path) -> None:
        from ccgeo.report.batch import run_and_compare

        def cancelled() -> None:
            from ccgeo.tasks.batch import finished_ids

            kept = len(finished_ids(plan, out))
            text = tr(
                "Scenario batch cancelled: %n finished scenario(s) kept in {folder}; run it "
                "again to go on",
                "",
                kept,
            )
            self.window.message_label.setText(text.format(folder=out))

        # one scenario after the other in a thread of the app: no extra processes to start,
        # and the progress follows each scenario's stages
        self.window.run_task(
            functools.partial(run_and_compare, executor="serial"),
            plan,
            out,
            text=tr("Running the scenario batch…"),
            on_done=lambda _run: self.show_folder(out),
            on_cancelled=cancelled,
        )

    def ask_and_run(self, path: Path) -> None:
        from ccgeo.tasks.batch import read_plan

        try:
            plan = read_plan(path)
        except CcgeoError as exc:
            self.window.show_error(tr("Scenario file not read"), str(exc))
            return
        dialog = BatchRunDialog(plan, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.run(plan, dialog.out_folder))
        dialog.open()

    def open_batch(self) -> None:
        caption = tr("Open a scenario file, or the comparison of a scenario batch")
        name_filter = tr(_OPEN_FILTER) + ";;" + tr("All files (*)")
        chosen, _filter = QFileDialog.getOpenFileName(self.window, caption, "", name_filter)
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() == ".toml":
            self.ask_and_run(path)
        else:
            self.show_folder(path if path.is_dir() else path.parent)


def install(window: MainWindow) -> None:
    """File ▸ Open Scenario Batch…, and the Scenario batch dock it opens."""
    panel = BatchPanel()
    window.batch_panel = panel  # type: ignore[attr-defined]
    dock = window.add_dock("batch", tr("Scenario batch"), panel)
    dock.hide()
    actions = _BatchActions(window, panel, dock)
    window.batch_actions = actions  # type: ignore[attr-defined]
    action = QAction(tr("Open Scenario &Batch…"), window)
    tip = tr(
        "Run a scenario file (TOML) and compare its scenarios, or show the comparison of a "
        "batch run before (comparison.csv in the --out folder of `ccgeo batch`)"
    )
    action.setToolTip(tip)
    action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: actions.open_batch())
    window.act_open_batch = action  # type: ignore[attr-defined]
    window.menus["file"].insertAction(window.act_save, action)
