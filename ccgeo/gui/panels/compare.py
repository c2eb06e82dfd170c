"""File ▸ Compare Cities…: the diagnostic readiness of several projects compared in the
background as ``ccgeo compare`` does (the same tables, charts, maps, dashboard and brief in an
output folder), then its tidy table in a dock, levels coloured, with the draft-scale note.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QColor, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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

from ccgeo.gui.language import QT_TR_NOOP, notifier, tr
from ccgeo.gui.panels.widgets import scrolled
from ccgeo.progress import ProgressCallback, scaled_progress

if TYPE_CHECKING:
    from ccgeo.analysis.readiness.evidence import Comparison
    from ccgeo.gui.main_window import MainWindow

#: The page of the outputs that opens in the browser.
DASHBOARD_HTML = "dashboard.html"
#: What the run logs of the app's comparison say ran.
MENU_COMMAND = "ccgeo app: File ▸ Compare Cities"
#: Share of the progress bar for the indicators (the rest: writing the outputs).
_COMPUTE = 0.8

_PROJECT_FILTER = QT_TR_NOOP("ccgeo projects (*.ccgeo)")
#: Column headers of the tidy table, in the order of its columns: what a narrow dock shows first
#: (the indicator, its value and level) on the left.
_HEADERS: dict[str, str] = {
    "indicator": QT_TR_NOOP("Indicator"),
    "value": QT_TR_NOOP("Value"),
    "level": QT_TR_NOOP("Level"),
    "quality": QT_TR_NOOP("Labs counted"),
    "test": QT_TR_NOOP("Test"),
    "city": QT_TR_NOOP("City"),
}
_COLUMN = {key: i for i, key in enumerate(_HEADERS)}
#: Widest the indicator column starts, pixels: its value and level stay in a laptop's dock.
_INDICATOR_WIDTH = 170


def compare_and_write(
    sources: list[Path],
    out_dir: Path,
    tests: list[str] | None,
    *,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> Comparison:
    """`ccgeo.tasks.compare.compare_projects` over ``sources``, then every output of
    ``ccgeo compare`` written in ``out_dir`` by `ccgeo.report.indicators.write_compare_outputs`
    (the worker of File ▸ Compare Cities…)."""
    from ccgeo.errors import check_cancel
    from ccgeo.report.indicators import write_compare_outputs
    from ccgeo.tasks.compare import compare_projects

    comparison = compare_projects(
        sources,
        tests=tests,
        command=MENU_COMMAND,
        progress=scaled_progress(progress, 0.0, _COMPUTE),
        cancel=cancel,
    )
    check_cancel(cancel)
    if progress is not None:
        progress(_COMPUTE, tr("Writing the tables, charts, maps, dashboard and brief…"))
    write_compare_outputs(comparison, out_dir)
    return comparison


class ComparePanel(QWidget):
    """The comparison of several cities: one row per city, test, quality level and indicator."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self.folder: Path | None = None
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.draft_label = QLabel()
        self.draft_label.setObjectName("compare_draft_note")
        self.draft_label.setWordWrap(True)
        self.city_box = QComboBox()
        self.city_box.setObjectName("compare_city")
        self.city_box.currentIndexChanged.connect(self._show_city)
        self.city_label = QLabel()
        self.city_label.setBuddy(self.city_box)
        self.table = QTableWidget()
        self.table.setObjectName("compare_table")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setMinimumHeight(48)  # the dock shares a laptop's height with the others
        self.dashboard_button = QPushButton()
        self.dashboard_button.setObjectName("compare_open_dashboard")
        self.dashboard_button.clicked.connect(self.open_dashboard)
        # in a scroll area: the dock shares a laptop's 768 pixels with the others, in every
        # language's length of words
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self.label)
        layout.addWidget(self.draft_label)
        row = QHBoxLayout()
        row.addWidget(self.city_label)
        row.addWidget(self.city_box, 1)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.dashboard_button, 0, Qt.AlignmentFlag.AlignLeft)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolled(content))  # the dock shares a laptop's 768 pixels
        self.refresh()
        notifier().changed.connect(self.refresh)

    @property
    def dashboard(self) -> Path | None:
        """The dashboard of the comparison shown, when it was written."""
        if self.folder is None or not (self.folder / DASHBOARD_HTML).is_file():
            return None
        return self.folder / DASHBOARD_HTML

    def show_comparison(self, comparison: Comparison, folder: Path) -> None:
        """Show ``comparison``, whose outputs are in ``folder``."""
        self.comparison, self.folder = comparison, folder
        self.refresh()

    def refresh(self) -> None:
        """Write the line above the table, the note, the headers and cells again (language)."""
        from ccgeo.analysis.readiness.scorecard import draft_note

        self.dashboard_button.setText(tr("Open the Dashboard"))
        self.dashboard_button.setToolTip(
            tr("Open dashboard.html of the output folder in the web browser (works offline)")
        )
        self.dashboard_button.setEnabled(self.dashboard is not None)
        self.table.setToolTip(
            tr(
                "One row per city, test, quality level and indicator; the level (1-5) is on the "
                "draft scale of resources/readiness.toml"
            )
        )
        self.city_label.setText(tr("City"))
        self.city_box.setToolTip(tr("Show the indicators of one city, or of every city"))
        self.table.clear()
        self.city_box.setEnabled(self.comparison is not None)
        if self.comparison is None:
            self.label.setText(
                tr(
                    "Choose several projects with File ▸ Compare Cities… to compare their "
                    "readiness."
                )
            )
            self.draft_label.setText("")
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            return
        cities = len(self.comparison.cities)
        self.label.setText(
            tr("%n city(ies) compared; tables, charts and brief in {folder}", "", cities).format(
                folder=self.folder
            )
        )
        self.draft_label.setText(draft_note(self.comparison.scale))
        self._fill(self.comparison)

    def _fill(self, comparison: Comparison) -> None:
        import pandas as pd

        from ccgeo.analysis.readiness.scorecard import indicator_words, name_of_test, value_text
        from ccgeo.report.compare_charts import level_color, level_text_color

        frame = comparison.indicators
        self.table.setColumnCount(len(_HEADERS))
        self.table.setRowCount(len(frame))
        self.table.setHorizontalHeaderLabels([tr(h) for h in _HEADERS.values()])
        for r, row in enumerate(frame.itertuples(index=False)):
            level = None if pd.isna(row.level) else int(row.level)
            cells = {
                "indicator": indicator_words(row.indicator),
                "value": value_text(float(row.value), row.unit),
                "level": str(level) if level is not None else "–",
                "quality": _quality_words(row.quality),
                "test": name_of_test(row.test),
                "city": row.city,
            }
            for key, text in cells.items():
                item = QTableWidgetItem(text)
                if key == "indicator":  # elided in a narrow dock: the whole name in the tip
                    item.setToolTip(f"{text} ({row.indicator})")
                if key in ("value", "level"):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if key == "level":
                    item.setBackground(QColor(level_color(level)))
                    item.setForeground(QColor(level_text_color(level)))
                self.table.setItem(r, _COLUMN[key], item)
        self.table.resizeColumnsToContents()
        column = _COLUMN["indicator"]
        self.table.setColumnWidth(column, min(self.table.columnWidth(column), _INDICATOR_WIDTH))
        self._fill_cities([c.city for c in comparison.cities])

    def _fill_cities(self, names: list[str]) -> None:
        """The cities to choose from (every city first), keeping the one chosen."""
        chosen = self.city_box.currentData()
        self.city_box.blockSignals(True)
        self.city_box.clear()
        self.city_box.addItem(tr("All cities"), None)
        for name in names:
            self.city_box.addItem(name, name)
        at = self.city_box.findData(chosen) if chosen is not None else 0
        self.city_box.setCurrentIndex(max(at, 0))
        self.city_box.blockSignals(False)
        self._show_city()

    def _show_city(self) -> None:
        """Only the rows of the chosen city (every row for all cities)."""
        chosen = self.city_box.currentData()
        column = _COLUMN["city"]
        for r in range(self.table.rowCount()):
            item = self.table.item(r, column)
            self.table.setRowHidden(r, chosen is not None and item.text() != chosen)

    def open_dashboard(self) -> None:
        """Open the comparison's dashboard in the web browser."""
        if self.dashboard is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.dashboard)))


def _quality_words(quality: str) -> str:
    if quality == "eqa":
        return tr("in EQA")
    if quality == "accredited":
        return tr("accredited")
    if quality == "any":
        return tr("any lab")
    return ""


def default_out_folder(projects: list[Path]) -> Path:
    """Where the outputs go unless the user says otherwise: ``compare`` beside the first
    project."""
    return projects[0].with_name("compare")


class CompareRunDialog(QDialog):
    """Asks which tests to compare and where to write the outputs before the comparison runs."""

    def __init__(self, projects: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compare_run_dialog")
        self.setWindowTitle(tr("Compare Cities"))
        names = ", ".join(p.name for p in projects)
        summary = QLabel(tr("%n project(s): {names}", "", len(projects)).format(names=names))
        summary.setWordWrap(True)
        self.tests_edit = QLineEdit()
        self.tests_edit.setObjectName("compare_tests")
        self.tests_edit.setPlaceholderText(tr("every test of each city"))
        self.tests_edit.setToolTip(tr("Tests to compare, comma-separated (ihc, pcr)"))
        self.folder_edit = QLineEdit(str(default_out_folder(projects)))
        self.folder_edit.setObjectName("compare_out_folder")
        self.folder_edit.setToolTip(
            tr("indicators.csv and .xlsx, charts, maps, dashboard.html and brief.pdf go here")
        )
        browse = QPushButton(tr("Browse…"))
        browse.setObjectName("compare_out_browse")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(browse)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.run_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.run_button.setText(tr("Compare"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.folder_edit.textChanged.connect(
            lambda text: self.run_button.setEnabled(bool(text.strip()))
        )
        form = QFormLayout()
        form.addRow(tr("Tests:"), self.tests_edit)
        form.addRow(tr("Output folder:"), row)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    @property
    def out_folder(self) -> Path:
        """The output folder the user chose."""
        return Path(self.folder_edit.text().strip()).expanduser()

    @property
    def tests(self) -> list[str] | None:
        """The tests typed (lower case), or None for every test of each city."""
        tests = [t.strip().lower() for t in self.tests_edit.text().split(",") if t.strip()]
        return tests or None

    def _browse(self) -> None:
        caption = tr("Folder for the outputs of the comparison")
        chosen = QFileDialog.getExistingDirectory(self, caption, self.folder_edit.text())
        if chosen:
            self.folder_edit.setText(chosen)


class _CompareActions:
    """What File ▸ Compare Cities… does: choose projects, ask, run, show."""

    def __init__(self, window: MainWindow, panel: ComparePanel, dock: QWidget) -> None:
        self.window, self.panel, self.dock = window, panel, dock

    def show(self, comparison: Comparison, out: Path) -> None:
        self.panel.show_comparison(comparison, out)
        self.dock.show()
        self.dock.raise_()

    def run(self, projects: list[Path], out: Path, tests: list[str] | None) -> None:
        self.window.run_task(
            compare_and_write,
            projects,
            out,
            tests,
            text=tr("Comparing the cities…"),
            on_done=lambda comparison: self.show(comparison, out),
            on_cancelled=lambda: self.window.message_label.setText(
                tr("Comparison of the cities cancelled")
            ),
        )

    def choose(self) -> None:
        caption = tr("Choose the projects of the cities to compare")
        name_filter = tr(_PROJECT_FILTER) + ";;" + tr("All files (*)")
        chosen, _filter = QFileDialog.getOpenFileNames(self.window, caption, "", name_filter)
        if not chosen:
            return
        projects = [Path(p) for p in chosen]
        dialog = CompareRunDialog(projects, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.run(projects, dialog.out_folder, dialog.tests))
        dialog.open()


def install(window: MainWindow) -> None:
    """File ▸ Compare Cities…, and the Cities compared dock it opens."""
    panel = ComparePanel()
    window.compare_panel = panel  # type: ignore[attr-defined]
    # a tab beside Results (a laptop's 768 pixels hold no third row of docks); Results stays
    # the tab in front
    anchor = "results" if "results" in window.docks else None
    dock = window.add_dock("compare", tr("Cities compared"), panel, tabify_with=anchor)
    dock.hide()
    if anchor is not None:
        window.docks[anchor].raise_()
    actions = _CompareActions(window, panel, dock)
    window.compare_actions = actions  # type: ignore[attr-defined]
    action = QAction(tr("Co&mpare Cities…"), window)
    tip = tr(
        "Compare the diagnostic readiness of several projects, one city each: indicators, "
        "levels on the draft scale, charts, maps, an offline dashboard and a PDF brief"
    )
    action.setToolTip(tip)
    action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: actions.choose())
    window.act_compare_cities = action  # type: ignore[attr-defined]
    window.menus["file"].insertAction(window.act_save, action)
