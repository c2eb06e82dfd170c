"""The scenarios dock: save the current what-if as a named scenario (kept in the project file),
apply or delete one, compare scenarios against their baseline in numbers, and show two of them on
the map (side by side, or as who gains and who loses access).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

import pandas as pd
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ccgeo.errors import CcgeoError
from ccgeo.gui.language import QT_TR_NOOP, notifier, tr
from ccgeo.gui.panels.results import plain_number, set_headers
from ccgeo.gui.panels.scenario_maps import BASELINE_LABEL, ScenarioMapsBox
from ccgeo.gui.panels.widgets import stack_parts
from ccgeo.gui.wording import as_plain_text, for_planner
from ccgeo.labels import format_gain, format_people, format_share, format_share_change
from ccgeo.model.scenario import Scenario

if TYPE_CHECKING:
    from ccgeo.gui.panels.analysis import AnalysisController

COMPARE_HEADERS = (
    QT_TR_NOOP("Scenario"),
    QT_TR_NOOP("Within (min)"),
    QT_TR_NOOP("Covered"),
    QT_TR_NOOP("Share"),
    QT_TR_NOOP("Change"),
    QT_TR_NOOP("Settings"),
)


def scenario_summary(scenario: Scenario) -> str:
    """``"2 new hubs, 1 upgrade, 0 labs closed"`` for a list entry's tooltip."""
    parts = [
        tr("%n new hubs", "", len(scenario.added_hubs)),
        tr("%n upgrades", "", len(scenario.upgrades)),
        tr("%n labs closed", "", len(scenario.removed)),
    ]
    text = ", ".join(parts)
    return f"{text}\n{scenario.description}" if scenario.description else text


class ScenariosPanel(QWidget):
    """List, save, apply, delete and compare the project's scenarios."""

    def __init__(self, controller: AnalysisController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.name = QLineEdit()
        self.name.setPlaceholderText(tr("e.g. Two PCR hubs in the east"))
        self.name.setToolTip(tr("Name of the new scenario"))
        self.description = QLineEdit()
        self.description.setPlaceholderText(tr("What it proposes, for the report (optional)"))
        self.description.setToolTip(
            tr("What the scenario proposes, shown in the report (optional)")
        )
        self.save_button = QPushButton(tr("Save current what-if"))
        self.save_button.setToolTip(
            tr("Keep the candidate hubs, upgrades and settings under this name")
        )
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setToolTip(tr("Saved scenarios: select one or more to apply, delete or compare"))
        self.apply_button = QPushButton(tr("Apply"))
        self.apply_button.setToolTip(tr("Show the selected scenario on the map (undoable)"))
        self.delete_button = QPushButton(tr("Delete"))
        self.delete_button.setToolTip(tr("Delete the selected scenarios from the project"))
        self.compare_button = QPushButton(tr("Compare"))
        self.compare_button.setToolTip(
            tr("Coverage of the selected scenarios (all when none is selected) side by side")
        )
        self.message = QLabel("")
        self.message.setWordWrap(True)
        #: Writes the message line (again when the language changes).
        self._message: Callable[[], str] = str
        self.table = QTableWidget(0, len(COMPARE_HEADERS))
        set_headers(self.table, COMPARE_HEADERS)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setToolTip(tr("Whole-area coverage per scenario and threshold, and the change"))
        #: Two scenarios on the map: side by side, or a difference map.
        self.on_map = ScenarioMapsBox(controller)

        form = QFormLayout()

        # a long label (in French, in Portuguese) puts its field below it, not the dock wider

        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(tr("Name"), self.name)
        form.addRow(tr("Description"), self.description)
        buttons = QGridLayout()
        buttons.addWidget(self.apply_button, 0, 0)
        buttons.addWidget(self.delete_button, 0, 1)
        buttons.addWidget(self.compare_button, 0, 2)
        self.list.setMinimumHeight(60)
        self.table.setMinimumHeight(90)
        # in a scroll area: a dock too short for it all scrolls instead of growing the window
        stack_parts(
            self,
            [form, self.save_button, self.list, buttons, self.message, self.on_map, self.table],
        )

        self.save_button.clicked.connect(self.save_current)
        self.apply_button.clicked.connect(self.apply_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.compare_button.clicked.connect(self.compare_selected)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.list.itemSelectionChanged.connect(self._choose_for_map)
        controller.coverageChanged.connect(self._update_buttons)
        controller.projectChanged.connect(lambda _p: self._project_changed())
        notifier().changed.connect(self.retranslate)
        self.comparison: pd.DataFrame | None = None
        self.refresh()

    def retranslate(self) -> None:
        """Write again, in the language chosen now, what was built from data: the list's
        tooltips, the message, the comparison."""
        scenarios = self._scenarios()
        for row in range(self.list.count()):
            if row < len(scenarios):
                item = self.list.item(row)
                item.setToolTip(as_plain_text(scenario_summary(scenarios[row])))
        self.message.setText(self._message())
        set_headers(self.table, COMPARE_HEADERS)
        if self.comparison is not None:
            self._fill_comparison(self.comparison)

    # -- list ----------------------------------------------------------------------------------

    def _scenarios(self) -> list[Scenario]:
        ws = self.controller.workspace
        return ws.project.scenarios if ws is not None else []

    def refresh(self) -> None:
        """List the project's scenarios again."""
        self.list.clear()
        for i, scenario in enumerate(self._scenarios()):
            item = QListWidgetItem(scenario.name)
            item.setData(Qt.ItemDataRole.UserRole, i)
            item.setToolTip(as_plain_text(scenario_summary(scenario)))
            self.list.addItem(item)
        self._update_buttons()
        self.on_map.refresh()

    def _project_changed(self) -> None:
        """Another project: its scenarios, and no comparison or message of the last one."""
        self.comparison = None
        self.table.setRowCount(0)
        self._say(str)
        self.name.clear()
        self.description.clear()
        self.refresh()

    def selected(self) -> list[Scenario]:
        """The selected scenarios, in list order."""
        rows = sorted(self.list.row(item) for item in self.list.selectedItems())
        scenarios = self._scenarios()
        return [scenarios[r] for r in rows if 0 <= r < len(scenarios)]

    def _update_buttons(self) -> None:
        ws = self.controller.workspace
        ran = ws is not None and ws.baseline is not None
        n = len(self.list.selectedItems())
        self.save_button.setEnabled(ran)
        self.apply_button.setEnabled(ran and n == 1)
        self.delete_button.setEnabled(n > 0)
        self.compare_button.setEnabled(ran and self.list.count() > 0)

    def _choose_for_map(self) -> None:
        """One scenario selected: it is B, the baseline A; two: the first is A, the second B."""
        rows = sorted(self.list.row(item) for item in self.list.selectedItems())
        if len(rows) == 1:
            self.on_map.choose(-1, rows[0])
        elif len(rows) == 2:
            self.on_map.choose(rows[0], rows[1])

    def _say(self, text: Callable[[], str], *, error: bool = False) -> None:
        """``text()`` on the message line (an error in red, in the planner's words), written
        again when the language changes."""
        self._message = (lambda: for_planner(text())) if error else text
        self.message.setText(self._message())
        self.message.setStyleSheet("color: #B71C1C;" if error else "")

    # -- actions -------------------------------------------------------------------------------

    def save_current(self) -> Scenario | None:
        """Save the current edits and settings under the name typed (replacing a namesake)."""
        ws = self.controller.workspace
        if ws is None:
            return None
        try:
            scenario = ws.to_scenario(self.name.text(), self.description.text())
        except CcgeoError as exc:
            message = str(exc)
            self._say(lambda: message, error=True)
            return None
        scenarios = ws.project.scenarios
        same = [i for i, s in enumerate(scenarios) if s.name == scenario.name]
        if same:
            scenarios[same[0]] = scenario
        else:
            scenarios.append(scenario)
        self.controller.window.set_modified(True)
        self.refresh()
        self._say(
            lambda: tr("Saved scenario “{name}”: {summary}.").format(
                name=scenario.name, summary=scenario_summary(scenario)
            )
        )
        self.name.clear()
        self.description.clear()
        return scenario

    def apply_selected(self) -> None:
        """Show the selected scenario (after a run when its settings differ)."""
        chosen = self.selected()
        if len(chosen) != 1:
            return
        self.controller.apply_scenario(chosen[0])
        name = chosen[0].name
        self._say(lambda: tr("Applied “{name}”: Ctrl+Z goes back.").format(name=name))

    def delete_selected(self) -> None:
        """Remove the selected scenarios from the project."""
        chosen = self.selected()
        ws = self.controller.workspace
        if not chosen or ws is None:
            return
        ws.project.scenarios[:] = [s for s in ws.project.scenarios if s not in chosen]
        self.controller.window.set_modified(True)
        self.refresh()
        n = len(chosen)
        self._say(lambda: tr("Deleted %n scenarios.", "", n))

    def compare_selected(self) -> None:
        """Compare the selected scenarios (all when none is selected) in a worker."""
        ws = self.controller.workspace
        if ws is None or ws.baseline is None:
            return
        chosen = self.selected() or list(self._scenarios())
        n = len(chosen)
        self._say(lambda: tr("Comparing %n scenarios…", "", n))

        def compared(table: pd.DataFrame) -> None:
            if self.controller.workspace is ws:  # not a comparison of a project closed since
                self.show_comparison(table)

        self.controller.window.run_task(
            ws.compare, chosen, text=tr("Comparing scenarios…"), on_done=compared
        )

    def show_comparison(self, table: pd.DataFrame) -> None:
        """Fill the comparison table."""
        self.comparison = table
        self._fill_comparison(table)
        n = table["scenario"].nunique() - 1
        self._say(lambda: tr("Compared %n scenarios with their baseline.", "", n))

    def _fill_comparison(self, table: pd.DataFrame) -> None:
        """The rows of the comparison ``table``, in the app's language."""
        self.table.setRowCount(len(table))
        names = table["scenario"].astype(str).tolist()
        # the rows of the baseline come first, under a name of the task's ("baseline")
        lead = next((k for k, name in enumerate(names) if name != names[0]), len(names))
        for i, r in enumerate(table.itertuples(index=False)):
            share = format_share(r.share, missing=tr("no people"))
            change = tr("{gain} people").format(gain=format_gain(r.gained))
            if not math.isnan(r.share_change):
                change = f"{change} ({format_share_change(r.share_change)})"
            values = (
                tr(BASELINE_LABEL) if i < lead else str(r.scenario),
                plain_number(r.threshold_min),
                format_people(r.covered),
                share,
                change,
                str(r.settings),
            )
            for j, text in enumerate(values):
                item = QTableWidgetItem(text)
                if j in (1, 2, 3, 4):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if r.skipped:
                    item.setToolTip(tr("Skipped: {edits}").format(edits=r.skipped))
                self.table.setItem(i, j, item)
