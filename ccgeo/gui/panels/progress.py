"""File ▸ Progress Over Time…: two versions of a city's project (a baseline, then after new hubs
or a new courier route) compared in the background as ``ccgeo progress`` does (the same table,
page and PDF in an output folder), then what changed, for whom and by how much in a dock.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices
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

from ccgeo.gui.language import notifier, tr
from ccgeo.gui.panels.compare import _PROJECT_FILTER
from ccgeo.gui.panels.widgets import scrolled
from ccgeo.progress import ProgressCallback, scaled_progress

if TYPE_CHECKING:
    from ccgeo.gui.main_window import MainWindow
    from ccgeo.tasks.compare import Progress

#: What the run logs of the app's progress say ran.
MENU_COMMAND = "ccgeo app: File ▸ Progress Over Time"
#: Share of the progress bar for the indicators (the rest: writing the outputs).
_COMPUTE = 0.9


def progress_and_write(
    before: Path,
    after: Path,
    out_dir: Path,
    *,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> Progress:
    """`ccgeo.tasks.compare.progress_of_projects` of the two versions, then every output of
    ``ccgeo progress`` written in ``out_dir`` by `ccgeo.report.progress.write_progress_outputs`
    (the worker of File ▸ Progress Over Time…)."""
    from ccgeo.errors import check_cancel
    from ccgeo.report.progress import write_progress_outputs
    from ccgeo.tasks.compare import progress_of_projects

    found = progress_of_projects(
        before,
        after,
        command=MENU_COMMAND,
        progress=scaled_progress(progress, 0.0, _COMPUTE),
        cancel=cancel,
    )
    check_cancel(cancel)
    if progress is not None:
        progress(_COMPUTE, tr("Writing the table, page and PDF…"))
    write_progress_outputs(found, out_dir)
    return found


class ProgressPanel(QWidget):
    """The progress of a city: the sentences, then its indicators before and after."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.progress: Progress | None = None
        self.folder: Path | None = None
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.sentences_label = QLabel()
        self.sentences_label.setObjectName("progress_sentences")
        self.sentences_label.setWordWrap(True)
        self.sentences_label.setTextFormat(Qt.TextFormat.PlainText)
        self.draft_label = QLabel()
        self.draft_label.setObjectName("progress_draft_note")
        self.draft_label.setWordWrap(True)
        self.table = QTableWidget()
        self.table.setObjectName("progress_table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setMinimumHeight(48)  # the dock shares a laptop's height with the others
        self.page_button = QPushButton()
        self.page_button.setObjectName("progress_open_page")
        self.page_button.clicked.connect(self.open_page)
        content = QWidget()
        layout = QVBoxLayout(content)
        for label in (self.label, self.sentences_label, self.draft_label):
            layout.addWidget(label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.page_button, 0, Qt.AlignmentFlag.AlignLeft)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolled(content))  # the dock shares a laptop's 768 pixels
        self.refresh()
        notifier().changed.connect(self.refresh)

    @property
    def page(self) -> Path | None:
        """The page of the progress shown, when it was written."""
        from ccgeo.report.progress import PROGRESS_HTML

        if self.folder is None or not (self.folder / PROGRESS_HTML).is_file():
            return None
        return self.folder / PROGRESS_HTML

    def show_progress(self, progress: Progress, folder: Path) -> None:
        """Show ``progress``, whose outputs are in ``folder``."""
        self.progress, self.folder = progress, folder
        self.refresh()

    def refresh(self) -> None:
        """Write the texts, the headers and the cells again (language)."""
        from ccgeo.analysis.readiness.scorecard import draft_note

        self.page_button.setText(tr("Open the Progress Page"))
        self.page_button.setToolTip(
            tr("Open progress.html of the output folder in the web browser (works offline)")
        )
        self.page_button.setEnabled(self.page is not None)
        self.table.setToolTip(
            tr(
                "The city's indicators before and after, the change, and the levels (1-5) on "
                "the draft scale of resources/readiness.toml"
            )
        )
        self.table.clear()
        if self.progress is None:
            self.label.setText(
                tr("Choose two versions of a city's project with File ▸ Progress Over Time….")
            )
            for label in (self.sentences_label, self.draft_label):
                label.setText("")
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            return
        self.label.setText(
            tr("{before} → {after}; table, page and PDF in {folder}").format(
                before=self.progress.before.city, after=self.progress.after.city, folder=self.folder
            )
        )
        self.sentences_label.setText("\n".join(f"• {s}" for s in self.progress.sentences))
        self.draft_label.setText(draft_note(self.progress.scale))
        self._fill(self.progress)

    def _fill(self, progress: Progress) -> None:
        from ccgeo.report.progress_content import city_table

        table = city_table(progress)
        self.table.setColumnCount(len(table.columns))
        self.table.setRowCount(len(table.rows))
        self.table.setHorizontalHeaderLabels(list(table.columns))
        for r, row in enumerate(table.rows):
            for c, (text, align) in enumerate(zip(row, table.align, strict=True)):
                item = QTableWidgetItem(text)
                if align == "r":
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()

    def open_page(self) -> None:
        """Open the progress page in the web browser."""
        if self.page is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.page)))


class ProgressRunDialog(QDialog):
    """Asks for the two versions of the city and where to write the outputs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progress_run_dialog")
        self.setWindowTitle(tr("Progress Over Time"))
        summary = QLabel(
            tr(
                "Two versions of one city's project: the baseline, and the same city after new "
                "hubs or a new courier route."
            )
        )
        summary.setWordWrap(True)
        self.before_edit, before_row = self._picker(
            "progress_before", tr("The baseline project (.ccgeo)"), self._browse_before
        )
        self.after_edit, after_row = self._picker(
            "progress_after", tr("The later project (.ccgeo)"), self._browse_after
        )
        self.folder_edit, folder_row = self._picker(
            "progress_out_folder",
            tr("progress.csv and .xlsx, progress.html, progress.pdf and the run logs go here"),
            self._browse_folder,
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.run_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.run_button.setText(tr("Compare Versions"))
        self.run_button.setToolTip(
            tr("Compute both versions in the background and show what changed")
        )
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setToolTip(tr("Close without comparing"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for edit in (self.before_edit, self.after_edit, self.folder_edit):
            edit.textChanged.connect(self._update)
        self._update()
        form = QFormLayout()
        form.addRow(tr("Baseline:"), before_row)
        form.addRow(tr("After:"), after_row)
        form.addRow(tr("Output folder:"), folder_row)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def _picker(
        self, name: str, tip: str, browse: Callable[[], None]
    ) -> tuple[QLineEdit, QHBoxLayout]:
        """A path field and its Browse… button."""
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setToolTip(tip)
        button = QPushButton(tr("Browse…"))
        button.setObjectName(f"{name}_browse")
        button.setToolTip(tip)
        button.clicked.connect(browse)
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        row.addWidget(button)
        return edit, row

    def _update(self) -> None:
        edits = (self.before_edit, self.after_edit, self.folder_edit)
        self.run_button.setEnabled(all(e.text().strip() for e in edits))

    @property
    def before(self) -> Path:
        """The baseline project."""
        return Path(self.before_edit.text().strip()).expanduser()

    @property
    def after(self) -> Path:
        """The later project."""
        return Path(self.after_edit.text().strip()).expanduser()

    @property
    def out_folder(self) -> Path:
        """The output folder the user chose."""
        return Path(self.folder_edit.text().strip()).expanduser()

    def _choose_project(self, edit: QLineEdit, caption: str) -> None:
        name_filter = tr(_PROJECT_FILTER) + ";;" + tr("All files (*)")
        chosen, _filter = QFileDialog.getOpenFileName(self, caption, edit.text(), name_filter)
        if not chosen:
            return
        edit.setText(chosen)
        if not self.folder_edit.text().strip():  # beside the baseline unless said otherwise
            self.folder_edit.setText(str(Path(chosen).with_name("progress")))

    def _browse_before(self) -> None:
        self._choose_project(self.before_edit, tr("The baseline project of the city"))

    def _browse_after(self) -> None:
        self._choose_project(self.after_edit, tr("The later project of the city"))

    def _browse_folder(self) -> None:
        caption = tr("Folder for the outputs of the progress")
        chosen = QFileDialog.getExistingDirectory(self, caption, self.folder_edit.text())
        if chosen:
            self.folder_edit.setText(chosen)


class _ProgressActions:
    """What File ▸ Progress Over Time… does: ask, run, show."""

    def __init__(self, window: MainWindow, panel: ProgressPanel, dock: QWidget) -> None:
        self.window, self.panel, self.dock = window, panel, dock

    def show(self, progress: Progress, out: Path) -> None:
        self.panel.show_progress(progress, out)
        self.dock.show()
        self.dock.raise_()

    def run(self, before: Path, after: Path, out: Path) -> None:
        self.window.run_task(
            progress_and_write,
            before,
            after,
            out,
            text=tr("Comparing the two versions of the city…"),
            on_done=lambda progress: self.show(progress, out),
            on_cancelled=lambda: self.window.message_label.setText(
                tr("Progress over time cancelled")
            ),
        )

    def choose(self) -> None:
        dialog = ProgressRunDialog(self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.run(dialog.before, dialog.after, dialog.out_folder))
        dialog.open()


def install(window: MainWindow) -> None:
    """File ▸ Progress Over Time…, and the Progress dock it opens."""
    panel = ProgressPanel()
    window.progress_panel = panel  # type: ignore[attr-defined]
    # a tab beside Results, which stays in front (as Cities compared)
    anchor = "results" if "results" in window.docks else None
    dock = window.add_dock("progress", tr("Progress"), panel, tabify_with=anchor)
    dock.hide()
    if anchor is not None:
        window.docks[anchor].raise_()
    actions = _ProgressActions(window, panel, dock)
    window.progress_actions = actions  # type: ignore[attr-defined]
    action = QAction(tr("Progress Over &Time…"), window)
    tip = tr(
        "Compare two versions of a city's project (a baseline, then after new hubs or a new "
        "courier route): what changed, for whom and by how much, with a page and a PDF"
    )
    action.setToolTip(tip)
    action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: actions.choose())
    window.act_progress_over_time = action  # type: ignore[attr-defined]
    window.menus["file"].insertAction(window.act_save, action)
