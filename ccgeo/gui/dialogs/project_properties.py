"""File ▸ Project properties…: the project's name and description (the title bar, the HTML map
and the report show them) and the data sources it was imported from."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ccgeo.gui.language import QT_TR_NOOP, tr
from ccgeo.labels import format_count, format_when
from ccgeo.project import UNTITLED

if TYPE_CHECKING:
    from ccgeo.gui.main_window import MainWindow
    from ccgeo.project import Project

#: The columns of the data sources table (English; `tr` where shown).
SOURCE_HEADERS = (
    QT_TR_NOOP("Layer"),
    QT_TR_NOOP("File"),
    QT_TR_NOOP("Imported"),
    QT_TR_NOOP("Rows"),
)
#: The name of each layer a source was imported into (English; `tr` where shown).
LAYER_LABELS = {
    "facilities": QT_TR_NOOP("Facilities"),
    "roads": QT_TR_NOOP("Roads"),
    "population": QT_TR_NOOP("Population"),
    "districts": QT_TR_NOOP("Districts"),
}
#: `UNTITLED` as the app shows it (`tr` where shown).
_UNTITLED = QT_TR_NOOP("Untitled project")


def source_rows(project: Project) -> list[tuple[str, str, str, str, str]]:
    """The project's data sources (``metadata["sources"]``, `Project.record_source`) as table
    rows: layer (in the app's language), file name, date imported, rows, and the full path
    (for the tooltip)."""
    rows = []
    for entry in project.metadata.get("sources") or []:
        if not isinstance(entry, dict):
            continue
        path = str(entry.get("path", ""))
        layer = str(entry.get("layer", ""))
        rows.append(
            (
                tr(LAYER_LABELS[layer]) if layer in LAYER_LABELS else layer,
                Path(path).name or path,
                format_when(str(entry.get("read_at", ""))),
                format_count(entry.get("rows")),
                path,
            )
        )
    return rows


class ProjectPropertiesDialog(QDialog):
    """The name and description of a project, and where its data came from.

    OK keeps the name and description typed (`name`, `description`); an empty name is refused
    with a note in the dialog.
    """

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Project properties"))
        self.name_edit = QLineEdit(tr(_UNTITLED) if project.name == UNTITLED else project.name)
        self.name_edit.setPlaceholderText(tr("e.g. PCR access, Northern Province 2025"))
        self.name_edit.setToolTip(tr("Shown in the title bar, on the HTML map and on the report"))
        self.description_edit = QPlainTextEdit(project.description)
        self.description_edit.setPlaceholderText(
            tr("What this project is for, whose data it holds, what was decided…")
        )
        self.description_edit.setToolTip(
            tr("Printed under the title of the HTML map and the report")
        )
        self.description_edit.setTabChangesFocus(True)
        self.sources = self._sources_table(project)
        self.file_label = QLabel(str(project.path) if project.path else tr("Not saved yet"))
        self.file_label.setWordWrap(True)
        self.file_label.setToolTip(tr("The project file (File ▸ Save As to save it elsewhere)"))
        self.problem = QLabel("")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #B71C1C;")
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        self.resize(560, self.sizeHint().height())

    def _sources_table(self, project: Project) -> QTableWidget:
        rows = source_rows(project)
        table = QTableWidget(len(rows), len(SOURCE_HEADERS))
        table.setHorizontalHeaderLabels([tr(header) for header in SOURCE_HEADERS])
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for i, (*cells, path) in enumerate(rows):
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(path if j == 1 else text)
                table.setItem(i, j, item)
        table.setToolTip(tr("The files the project's layers were imported from, and when"))
        table.setMinimumHeight(90)
        return table

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(tr("&Name:"), self.name_edit)
        form.addRow(tr("&Description:"), self.description_edit)
        form.addRow(tr("File:"), self.file_label)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if self.sources.rowCount():
            heading = tr("Data sources")
        else:
            heading = tr("Data: none yet: import data with File ▸ Import")
        layout.addWidget(QLabel(heading))
        layout.addWidget(self.sources, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    @property
    def name(self) -> str:
        """The name typed, without surrounding spaces (`UNTITLED` when it is the untitled name
        in the app's language)."""
        name = self.name_edit.text().strip()
        return UNTITLED if name == tr(_UNTITLED) else name

    @property
    def description(self) -> str:
        """The description typed, without surrounding blank lines."""
        return self.description_edit.toPlainText().strip()

    def accept(self) -> None:
        """Close with OK, unless the name is empty (said in the dialog)."""
        if not self.name:
            self.problem.setText(
                tr(
                    "A project needs a name; type one, or keep “{untitled}” until you choose one."
                ).format(untitled=tr(_UNTITLED))
            )
            self.problem.show()
            self.name_edit.setFocus()
            return
        super().accept()


class ProjectProperties:
    """File ▸ Project properties… of a main window (kept as ``window.properties``)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.dialog: ProjectPropertiesDialog | None = None
        self.action = QAction(tr("Pro&ject properties…"), window)
        tip = tr("Name and describe the project; see the files its data came from")
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)
        self.action.setEnabled(False)
        self.action.triggered.connect(lambda _checked=False: self.open_dialog())
        menu = window.menus["file"]
        actions = menu.actions()
        after = window.act_close_project
        at = actions.index(after) + 1 if after in actions else len(actions)
        if at < len(actions):
            menu.insertAction(actions[at], self.action)
        else:
            menu.addAction(self.action)
        window.projectLoaded.connect(lambda _p: self.action.setEnabled(True))
        window.projectClosed.connect(lambda: self.action.setEnabled(False))

    def open_dialog(self) -> ProjectPropertiesDialog | None:
        """Show the properties of the window's project (window-modal; OK applies them)."""
        project = self.window.project
        if project is None:
            return None
        if self.dialog is not None:
            self.dialog.deleteLater()
        dialog = ProjectPropertiesDialog(project, self.window)
        dialog.accepted.connect(lambda: self.apply(project, dialog.name, dialog.description))
        self.dialog = dialog
        dialog.open()
        return dialog

    def apply(self, project: Project, name: str, description: str) -> None:
        """Give ``project`` this name and description (the project is then modified)."""
        if (name, description) == (project.name, project.description):
            return
        renamed = name != project.name
        project.name, project.description = name, description
        if project is self.window.project:
            self.window.set_modified(True)
            self.window.update_title()
            if renamed:
                self.window.say(
                    lambda: tr(
                        "The project is now called “{name}”: save it to keep it (Ctrl+S)"
                    ).format(name=name)
                )
            else:
                self.window.say(lambda: tr("Description changed: save it to keep it (Ctrl+S)"))


def install(window: MainWindow) -> None:
    """Add File ▸ Project properties… (kept as ``window.properties``)."""
    window.properties = ProjectProperties(window)  # type: ignore[attr-defined]


__all__ = ["ProjectProperties", "ProjectPropertiesDialog", "install", "source_rows"]
