"""The lab capacity dock: 2SFCA, E2SFCA and capacity-limited coverage of the labs able to do the
analysis' test, run in a worker, with a plain-words summary, a labs table and a districts table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QWidget,
)

from ccgeo.errors import CcgeoError
from ccgeo.gui.panels.analysis import analysis_line, facilities_edited_signal, whatif_words
from ccgeo.gui.panels.results import number_item, optional_number, text_item
from ccgeo.gui.panels.siting import shared_values
from ccgeo.gui.panels.widgets import RunBox, fill_table, make_table, stack_parts
from ccgeo.gui.wording import as_plain_text
from ccgeo.labels import format_ratio, format_share, format_tests
from ccgeo.model.capacity import CoverageResult, FcaResult
from ccgeo.model.settings import AccessSettings, CapacitySettings
from ccgeo.report.summaries import capacity_summary
from ccgeo.tasks.capacity import run_capacity
from ccgeo.tasks.settings import resolve, store_settings
from ccgeo.tasks.whatif import settings_of

if TYPE_CHECKING:
    from ccgeo.gui.main_window import MainWindow
    from ccgeo.gui.panels.analysis import AnalysisController
    from ccgeo.gui.workers import Worker
    from ccgeo.project import Project

METHOD_LABELS = {
    "2sfca": "2SFCA",
    "e2sfca": "E2SFCA (nearer weighs more)",
    "coverage": "Coverage limited by capacity",
}
METHOD_TIPS = {
    "2sfca": "Two-step floating catchment (Luo and Wang 2003): each lab's capacity is shared "
    "by the need within the time limit; a place sums the shares of the labs it reaches",
    "e2sfca": "Enhanced 2SFCA (Luo and Qi 2009): like 2SFCA, with travel-time bands that count "
    "farther labs and people less",
    "coverage": "AccessMod-style coverage: each lab takes the nearest uncovered need until its "
    "capacity or the time limit runs out",
}
ORDER_LABELS = {
    "capacity": "Largest capacity first",
    "time": "Most need within the limit first",
    "given": "Order of the facility list",
}
FCA_LAB_HEADERS = ("Lab", "Capacity (tests/yr)", "Need in reach (tests/yr)", "Ratio", "Status")
COVERAGE_LAB_HEADERS = (
    "Rank",
    "Lab",
    "Capacity (tests/yr)",
    "Need in reach (tests/yr)",
    "Covered (tests/yr)",
    "Capacity used",
    "Reach (min)",
    "Stopped by",
)
FCA_DISTRICT_HEADERS = (
    "District",
    "People",
    "Need (tests/yr)",
    "Accessibility",
    "People with no lab in reach",
)
COVERAGE_DISTRICT_HEADERS = (
    "District",
    "People",
    "Need (tests/yr)",
    "Covered (tests/yr)",
    "Share covered",
    "People covered",
)
STATUS_LABELS = {"ok": "ok", "no capacity": "capacity unknown", "no demand in reach": "no need"}
STOPPED_LABELS = {
    "capacity": "capacity full",
    "time": "time limit",
    "no capacity": "capacity unknown",
}


def _district_names(project: Project | None) -> dict[str, str]:
    districts = None if project is None else project.districts
    if districts is None or "name" not in districts.columns:
        return {}
    ids = districts["district_id"].astype(str)
    return dict(zip(ids, districts["name"].astype(str), strict=False))


# -- the panel -----------------------------------------------------------------------------------


class CapacityPanel(QWidget):
    """Method, minutes and lab order; Run/Cancel; the summary, labs and districts of the result.
    An edit of the facilities (capacity, capability, quality) runs a result shown again.

    Signals
    -------
    finished(result)
        A run's `FcaResult` or `CoverageResult`, after the tables are filled.
    ended(message)
        A run was cancelled (``"Cancelled"``) or failed (the error text).
    """

    finished = Signal(object)
    ended = Signal(str)

    def __init__(
        self, window: MainWindow, analysis: AnalysisController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.analysis = analysis
        self.result: FcaResult | CoverageResult | None = None
        self.result_settings: CapacitySettings | None = None
        self.worker: Worker | None = None

        self.analysis_line = QLabel("")
        self.analysis_line.setWordWrap(True)
        self.analysis_line.setToolTip(
            "Test, lab quality and travel mode come from the Analysis panel; the facilities "
            "count as the live what-if has them (hubs placed, labs upgraded or closed)"
        )
        self.method = QComboBox()
        for key, label in METHOD_LABELS.items():
            self.method.addItem(label, key)
            self.method.setItemData(
                self.method.count() - 1, METHOD_TIPS[key], Qt.ItemDataRole.ToolTipRole
            )
        self.minutes = QDoubleSpinBox()
        self.minutes.setRange(1.0, 600.0)
        self.minutes.setDecimals(0)
        self.minutes.setSuffix(" min")
        self.minutes.setValue(CapacitySettings().minutes)
        self.minutes.setToolTip("A lab is within reach up to this travel time (inclusive)")
        self.bands_note = QLabel("")
        self.bands_note.setWordWrap(True)
        self.order = QComboBox()
        for key, label in ORDER_LABELS.items():
            self.order.addItem(label, key)
        self.order.setToolTip("Which lab takes the need it reaches first (coverage only)")
        self.runbox = RunBox("Compute capacity", "Compare lab capacity with the need (F9)")

        self.summary = QLabel("No capacity result yet.")
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings = QLabel("")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #E65100;")
        self.warnings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings.hide()
        self.labs = make_table(FCA_LAB_HEADERS, "Each lab's capacity against the need within reach")
        self.districts = make_table(FCA_DISTRICT_HEADERS, "The result by district")
        self.tabs = QTabWidget()
        self.tabs.addTab(self.labs, "Labs")
        self.tabs.addTab(self.districts, "By district")
        self.tabs.setTabToolTip(0, "Each lab's capacity against the need within its reach")
        self.tabs.setTabToolTip(1, "Accessibility or the share of need covered, by district")
        self.tabs.setMinimumHeight(240)

        minutes = QHBoxLayout()
        minutes.addWidget(self.minutes)
        minutes.addWidget(self.bands_note, 1)
        form = QFormLayout()
        form.addRow("Analysis", self.analysis_line)
        form.addRow("Method", self.method)
        form.addRow("Within", minutes)
        form.addRow("Lab order", self.order)
        stack_parts(
            self,
            [form, self.runbox, self.summary, self.warnings, self.tabs],
        )

        self.method.currentIndexChanged.connect(self._method_changed)
        self.runbox.run_button.clicked.connect(self.run)
        self.runbox.cancel_button.clicked.connect(self.cancel)
        analysis.staleChanged.connect(lambda *_: self.refresh_settings())
        analysis.coverageChanged.connect(self.refresh_settings)
        analysis.projectChanged.connect(lambda _p: self._project_changed())
        analysis.settingsLoaded.connect(lambda _s: self.show_settings(self.stored()))
        facilities_edited_signal(window).connect(lambda *_: self._facilities_edited())
        window.capacityEdited.connect(lambda *_: self._facilities_edited())
        self._method_changed()
        self.refresh_settings()

    # -- settings ------------------------------------------------------------------------------

    def access_settings(self) -> AccessSettings:
        """The analysis settings now (those the next run of the Analysis panel uses)."""
        ws = self.analysis.workspace
        if ws is not None:
            return ws.settings
        project = self.window.project
        return settings_of(project) if project is not None else AccessSettings()

    def stored(self) -> CapacitySettings:
        """The project's saved capacity settings (else the defaults)."""
        return resolve(CapacitySettings, project=self.window.project).settings

    def settings(self) -> CapacitySettings:
        """The capacity settings the widgets describe, with the Analysis panel's test, quality,
        travel and snapping."""
        own = {
            "method": self.method.currentData(),
            "minutes": float(self.minutes.value()),
            "order": self.order.currentData(),
        }
        return self.stored().updated({**shared_values(self.access_settings()), **own})

    def show_settings(self, settings: CapacitySettings) -> None:
        """Fill the widgets from ``settings``."""
        self.method.setCurrentIndex(max(self.method.findData(settings.method), 0))
        self.minutes.setValue(settings.minutes)
        self.order.setCurrentIndex(max(self.order.findData(settings.order), 0))
        bands = " / ".join(
            f"{lo:g}–{hi:g}"
            for lo, hi in zip((0.0, *settings.bands_minutes), settings.bands_minutes, strict=False)
        )
        weights = " / ".join(f"{w:g}" for w in settings.weights)
        self.bands_note.setText(f"E2SFCA bands {bands} min, weights {weights}.")

    def refresh_settings(self) -> None:
        """Show the test, lab quality and travel mode in use, and the what-if edits counted."""
        scenario = self.analysis.whatif_scenario()
        self.analysis_line.setText(analysis_line(self.access_settings(), scenario))

    def _method_changed(self) -> None:
        method = self.method.currentData()
        self.minutes.setEnabled(method != "e2sfca")
        self.bands_note.setVisible(method == "e2sfca")
        self.order.setEnabled(method == "coverage")
        self.method.setToolTip(METHOD_TIPS[method])

    def _project_changed(self) -> None:
        self.cancel()
        self.worker = None
        self.result = self.result_settings = None
        self.show_settings(self.stored())
        self.summary.setText("No capacity result yet.")
        self.warnings.setText("")
        self.warnings.hide()
        fill_table(self.labs, [])
        fill_table(self.districts, [])
        self.runbox.ended("")
        self.refresh_settings()

    # -- running -------------------------------------------------------------------------------

    def run(self) -> Worker | None:
        """Compute with the settings shown, in a worker (status bar progress and Cancel)."""
        project = self.window.project
        if project is None:
            self.runbox.show_error("Open a project first (File ▸ Open).")
            return None
        self.cancel()
        try:
            settings = self.settings()
        except CcgeoError as exc:
            self.runbox.show_error(str(exc))
            return None
        store_settings(project, settings)
        self.window.set_modified(True)
        # the facilities as the live what-if has them, through the task the command line runs
        analysed, scenario = self.analysis.whatif_project()
        worker = self.window.run_task(
            run_capacity,
            analysed,
            settings,
            text=f"Comparing {settings.capability.upper()} lab capacity with the need…",
            on_done=lambda result: self._done(worker, settings, result, whatif_words(scenario)),
            on_failed=lambda message: self._ended(worker, message),
            on_cancelled=lambda: self._ended(worker, "Cancelled"),
            on_progress=self.runbox.show_progress,
        )
        self.worker = worker
        self.runbox.started(worker)
        return worker

    def _facilities_edited(self) -> None:
        """A facility was edited (attribute table, undo, import): a result shown, or a run under
        way, is of the facilities as they were, so it runs again."""
        if self.result is not None or self.worker is not None:
            self.run()

    def cancel(self) -> None:
        """Stop the run under way, if any."""
        if self.worker is not None:
            self.worker.cancel()

    def _ended(self, worker: Worker, message: str) -> None:
        if worker is not self.worker:
            return
        self.worker = None
        if message == "Cancelled":
            self.runbox.ended("Cancelled: the result shown (if any) is the previous one.")
        else:
            self.runbox.ended("Failed.", error=message)
        self.ended.emit(message)

    def _done(
        self,
        worker: Worker,
        settings: CapacitySettings,
        result: FcaResult | CoverageResult,
        whatif: str,
    ) -> None:
        if worker is not self.worker:
            return  # a newer run, or another project
        self.worker = None
        self.show_result(result, settings, whatif=whatif)
        self.finished.emit(result)

    # -- results -------------------------------------------------------------------------------

    def show_result(
        self, result: FcaResult | CoverageResult, settings: CapacitySettings, *, whatif: str = ""
    ) -> None:
        """Fill the summary, warnings and tables from ``result`` computed with ``settings``
        (and the what-if edits ``whatif`` names: ``"with 1 what-if hub"``)."""
        self.result, self.result_settings = result, settings
        method = METHOD_LABELS[settings.method]
        edits = f", {whatif}" if whatif else ""
        self.runbox.ended(f"Done: {method}, {len(result.labs)} labs{edits}.")
        self.summary.setText(capacity_summary(result, settings))
        self.warnings.setText("\n".join(f"Note: {w}" for w in result.warnings))
        self.warnings.setVisible(bool(result.warnings))
        names = _district_names(self.window.project)
        if isinstance(result, CoverageResult):
            self._show_coverage(result, names)
        else:
            self._show_fca(result, names)

    def _show_fca(self, result: FcaResult, names: dict[str, str]) -> None:
        _set_headers(self.labs, FCA_LAB_HEADERS)
        rows = []
        for r in result.labs.itertuples(index=False):
            status = str(r.status)
            rows.append(
                [
                    _lab_item(r.name, r.lab_id),
                    optional_number(float(r.capacity_tests_per_year), format_tests),
                    optional_number(float(r.demand_in_reach), format_tests),
                    optional_number(float(r.ratio), format_ratio, missing="–"),
                    text_item(STATUS_LABELS.get(status, status)),
                ]
            )
        fill_table(self.labs, rows)
        _set_headers(self.districts, FCA_DISTRICT_HEADERS)
        rows = []
        for r in result.districts.itertuples(index=False):
            rows.append(
                [
                    _district_item(r.district_id, names),
                    number_item(float(r.population)),
                    optional_number(float(r.demand), format_tests),
                    optional_number(float(r.accessibility), format_ratio, missing="–"),
                    number_item(float(r.population_no_lab)),
                ]
            )
        fill_table(self.districts, rows)

    def _show_coverage(self, result: CoverageResult, names: dict[str, str]) -> None:
        _set_headers(self.labs, COVERAGE_LAB_HEADERS)
        rows = []
        for r in result.labs.itertuples(index=False):
            rank = int(r.rank)
            stopped = str(r.stopped_by)
            used = float(r.capacity_used)
            rows.append(
                [
                    number_item(rank + 1, str(rank + 1)) if rank >= 0 else number_item(1e9, ""),
                    _lab_item(r.name, r.lab_id),
                    optional_number(float(r.capacity_tests_per_year), format_tests),
                    optional_number(float(r.demand_in_reach), format_tests),
                    optional_number(float(r.covered), format_tests),
                    optional_number(used, format_share),
                    optional_number(float(r.radius_minutes), lambda v: f"{v:.1f}", missing="–"),
                    text_item(STOPPED_LABELS.get(stopped, stopped)),
                ]
            )
        fill_table(self.labs, rows)
        _set_headers(self.districts, COVERAGE_DISTRICT_HEADERS)
        rows = []
        for r in result.districts.itertuples(index=False):
            share = float(r.covered_share)
            rows.append(
                [
                    _district_item(r.district_id, names),
                    number_item(float(r.population)),
                    optional_number(float(r.demand), format_tests),
                    optional_number(float(r.covered), format_tests),
                    optional_number(share, format_share, missing="–"),
                    number_item(float(r.population_covered)),
                ]
            )
        fill_table(self.districts, rows)


def _set_headers(table: QTableWidget, headers: tuple[str, ...]) -> None:
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)


def _lab_item(name: object, lab_id: object) -> QTableWidgetItem:
    label = str(lab_id) if pd.isna(name) or not str(name) else str(name)
    item = text_item(label)
    item.setToolTip(as_plain_text(f"{label} ({lab_id})"))
    item.setData(Qt.ItemDataRole.UserRole, str(lab_id))
    return item


def _district_item(district_id: object, names: dict[str, str]) -> QTableWidgetItem:
    key = str(district_id)
    if not key:
        return text_item("outside every district")
    name = names.get(key)
    return text_item(f"{name} ({key})" if name and name != key else key)


# -- installer -----------------------------------------------------------------------------------


def install(window: MainWindow) -> None:
    """Add the lab capacity dock (tabbed with the results) and Analysis ▸ Lab capacity… (F9)."""
    analysis: AnalysisController | None = getattr(window, "analysis", None)
    if analysis is None:
        msg = "the lab capacity panel needs the analysis panel; install it first"
        raise RuntimeError(msg)
    panel = CapacityPanel(window, analysis)
    anchor = "results" if "results" in window.docks else None
    window.add_dock("capacity", "Lab capacity", panel, tabify_with=anchor)
    if anchor is not None:
        window.docks[anchor].raise_()

    def show() -> None:
        dock = window.docks["capacity"]
        dock.show()
        dock.raise_()

    action = QAction("Lab capaci&ty…", window)
    action.setShortcut(QKeySequence("F9"))
    action.setToolTip(
        "Compare lab capacity with the need for tests: 2SFCA, E2SFCA or capacity-limited "
        "coverage (F9)"
    )
    action.setStatusTip(action.toolTip())
    action.triggered.connect(show)
    window.menus["analysis"].addAction(action)
    window.act_capacity = action  # type: ignore[attr-defined]


__all__ = ["CapacityPanel", "install"]
