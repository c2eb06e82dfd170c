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
    QTableWidgetItem,
    QTabWidget,
    QWidget,
)

from ccgeo.errors import CcgeoError
from ccgeo.gui.language import QT_TR_NOOP, notifier, tr
from ccgeo.gui.panels.analysis import (
    analysis_line,
    facilities_edited_signal,
    relabel,
    whatif_words,
)
from ccgeo.gui.panels.results import (
    RunState,
    number_item,
    optional_number,
    plain_number,
    set_headers,
    text_item,
)
from ccgeo.gui.panels.siting import label, shared_values
from ccgeo.gui.panels.widgets import RunBox, fill_table, make_table, stack_parts
from ccgeo.gui.wording import as_plain_text, test_name
from ccgeo.labels import format_number, format_ratio, format_share, format_tests
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
    from ccgeo.model.scenario import Scenario
    from ccgeo.project import Project

METHOD_LABELS = {
    "2sfca": QT_TR_NOOP("2SFCA"),
    "e2sfca": QT_TR_NOOP("E2SFCA (nearer weighs more)"),
    "coverage": QT_TR_NOOP("Coverage limited by capacity"),
}
METHOD_TIPS = {
    "2sfca": QT_TR_NOOP(
        "Two-step floating catchment (Luo and Wang 2003): each lab's capacity is shared by the "
        "need within the time limit; a place sums the shares of the labs it reaches"
    ),
    "e2sfca": QT_TR_NOOP(
        "Enhanced 2SFCA (Luo and Qi 2009): like 2SFCA, with travel-time bands that count "
        "farther labs and people less"
    ),
    "coverage": QT_TR_NOOP(
        "AccessMod-style coverage: each lab takes the nearest uncovered need until its "
        "capacity or the time limit runs out"
    ),
}
ORDER_LABELS = {
    "capacity": QT_TR_NOOP("Largest capacity first"),
    "time": QT_TR_NOOP("Most need within the limit first"),
    "given": QT_TR_NOOP("Order of the facility list"),
}
FCA_LAB_HEADERS = (
    QT_TR_NOOP("Lab"),
    QT_TR_NOOP("Capacity (tests/yr)"),
    QT_TR_NOOP("Need in reach (tests/yr)"),
    QT_TR_NOOP("Ratio"),
    QT_TR_NOOP("Status"),
)
COVERAGE_LAB_HEADERS = (
    QT_TR_NOOP("Rank"),
    QT_TR_NOOP("Lab"),
    QT_TR_NOOP("Capacity (tests/yr)"),
    QT_TR_NOOP("Need in reach (tests/yr)"),
    QT_TR_NOOP("Covered (tests/yr)"),
    QT_TR_NOOP("Capacity used"),
    QT_TR_NOOP("Reach (min)"),
    QT_TR_NOOP("Stopped by"),
)
FCA_DISTRICT_HEADERS = (
    QT_TR_NOOP("District"),
    QT_TR_NOOP("People"),
    QT_TR_NOOP("Need (tests/yr)"),
    QT_TR_NOOP("Accessibility"),
    QT_TR_NOOP("People with no lab in reach"),
)
COVERAGE_DISTRICT_HEADERS = (
    QT_TR_NOOP("District"),
    QT_TR_NOOP("People"),
    QT_TR_NOOP("Need (tests/yr)"),
    QT_TR_NOOP("Covered (tests/yr)"),
    QT_TR_NOOP("Share covered"),
    QT_TR_NOOP("People covered"),
)
STATUS_LABELS = {
    "ok": QT_TR_NOOP("ok"),
    "no capacity": QT_TR_NOOP("capacity unknown"),
    "no demand in reach": QT_TR_NOOP("no need"),
}
STOPPED_LABELS = {
    "capacity": QT_TR_NOOP("capacity full"),
    "time": QT_TR_NOOP("time limit"),
    "no capacity": QT_TR_NOOP("capacity unknown"),
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
            tr(
                "Test, lab quality and travel mode come from the Analysis panel; the facilities "
                "count as the live what-if has them (hubs placed, labs upgraded or closed)"
            )
        )
        self.method = QComboBox()
        for key in METHOD_LABELS:
            self.method.addItem(label(METHOD_LABELS, key), key)
        self._method_tips()
        self.minutes = QDoubleSpinBox()
        self.minutes.setRange(1.0, 600.0)
        self.minutes.setDecimals(0)
        self.minutes.setSuffix(" min")
        self.minutes.setValue(CapacitySettings().minutes)
        self.minutes.setToolTip(tr("A lab is within reach up to this travel time (inclusive)"))
        self.bands_note = QLabel("")
        self.bands_note.setWordWrap(True)
        self._bands: CapacitySettings | None = None
        self.order = QComboBox()
        for key in ORDER_LABELS:
            self.order.addItem(label(ORDER_LABELS, key), key)
        self.order.setToolTip(tr("Which lab takes the need it reaches first (coverage only)"))
        self.runbox = RunBox(tr("Compute capacity"), tr("Compare lab capacity with the need (F9)"))
        self.run_state = RunState(self.runbox)
        self._build_result_widgets()

        minutes = QHBoxLayout()
        minutes.addWidget(self.minutes)
        minutes.addWidget(self.bands_note, 1)
        form = QFormLayout()
        # a long label (in French, in Portuguese) puts its field below it, not the dock wider
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(tr("Analysis"), self.analysis_line)
        form.addRow(tr("Method"), self.method)
        form.addRow(tr("Within"), minutes)
        form.addRow(tr("Lab order"), self.order)
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
        notifier().changed.connect(self.retranslate)
        self._method_changed()
        self.refresh_settings()

    def _build_result_widgets(self) -> None:
        """The summary, the notes, and the labs and districts tables in their tabs."""
        self.summary = QLabel(tr("No capacity result yet."))
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings = QLabel("")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #E65100;")
        self.warnings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings.hide()
        self.labs = make_table(
            tuple(tr(h) for h in FCA_LAB_HEADERS),
            tr("Each lab's capacity against the need within reach"),
        )
        self.districts = make_table(
            tuple(tr(h) for h in FCA_DISTRICT_HEADERS), tr("The result by district")
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(self.labs, tr("Labs"))
        self.tabs.addTab(self.districts, tr("By district"))
        self.tabs.setTabToolTip(0, tr("Each lab's capacity against the need within its reach"))
        self.tabs.setTabToolTip(1, tr("Accessibility or the share of need covered, by district"))
        self.tabs.setMinimumHeight(240)

    def retranslate(self) -> None:
        """Write again, in the language chosen now, what was built from data: the methods and
        orders, the analysis line, the bands, the result shown and the state line."""
        relabel(self.method, lambda key: label(METHOD_LABELS, key))
        relabel(self.order, lambda key: label(ORDER_LABELS, key))
        self._method_tips()
        self._method_changed()
        self.refresh_settings()
        if self._bands is not None:
            self._show_bands(self._bands)
        if self.result is not None and self.result_settings is not None:
            self._render(self.result, self.result_settings)
        else:
            self.summary.setText(tr("No capacity result yet."))
            set_headers(self.labs, FCA_LAB_HEADERS)
            set_headers(self.districts, FCA_DISTRICT_HEADERS)
        self.run_state.again()

    def _method_tips(self) -> None:
        """Each method's tooltip in the method list, in the app's language."""
        for i in range(self.method.count()):
            tip = label(METHOD_TIPS, self.method.itemData(i))
            self.method.setItemData(i, tip, Qt.ItemDataRole.ToolTipRole)

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
        self._show_bands(settings)

    def _show_bands(self, settings: CapacitySettings) -> None:
        """The E2SFCA bands and weights of ``settings``, beside the time limit."""
        self._bands = settings
        bands = " / ".join(
            f"{plain_number(lo)}–{plain_number(hi)}"
            for lo, hi in zip((0.0, *settings.bands_minutes), settings.bands_minutes, strict=False)
        )
        weights = " / ".join(plain_number(w) for w in settings.weights)
        self.bands_note.setText(
            tr("E2SFCA bands {bands} min, weights {weights}.").format(bands=bands, weights=weights)
        )

    def refresh_settings(self) -> None:
        """Show the test, lab quality and travel mode in use, and the what-if edits counted."""
        scenario = self.analysis.whatif_scenario()
        self.analysis_line.setText(analysis_line(self.access_settings(), scenario))

    def _method_changed(self) -> None:
        method = self.method.currentData()
        self.minutes.setEnabled(method != "e2sfca")
        self.bands_note.setVisible(method == "e2sfca")
        self.order.setEnabled(method == "coverage")
        self.method.setToolTip(label(METHOD_TIPS, method))

    def _project_changed(self) -> None:
        self.cancel()
        self.worker = None
        self.result = self.result_settings = None
        self.show_settings(self.stored())
        self.summary.setText(tr("No capacity result yet."))
        self.warnings.setText("")
        self.warnings.hide()
        fill_table(self.labs, [])
        fill_table(self.districts, [])
        self.run_state.ended(str)
        self.refresh_settings()

    # -- running -------------------------------------------------------------------------------

    def run(self) -> Worker | None:
        """Compute with the settings shown, in a worker (status bar progress and Cancel)."""
        project = self.window.project
        if project is None:
            self.runbox.show_error(tr("Open a project first (File ▸ Open)."))
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
            text=tr("Comparing {test} lab capacity with the need…").format(
                test=test_name(settings.capability)
            ),
            on_done=lambda result: self._done(worker, settings, result, scenario),
            on_failed=lambda message: self._ended(worker, message),
            on_cancelled=lambda: self._ended(worker, "Cancelled"),
            on_progress=self.runbox.show_progress,
        )
        self.worker = worker
        self.run_state.started(worker)
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
        if message == "Cancelled":  # the word of `on_cancelled` above, not shown
            self.run_state.ended(
                lambda: tr("Cancelled: the result shown (if any) is the previous one.")
            )
        else:
            self.run_state.ended(lambda: tr("Failed."), error=message)
        self.ended.emit(message)

    def _done(
        self,
        worker: Worker,
        settings: CapacitySettings,
        result: FcaResult | CoverageResult,
        scenario: Scenario | None,
    ) -> None:
        if worker is not self.worker:
            return  # a newer run, or another project
        self.worker = None
        self.show_result(result, settings, scenario=scenario)
        self.finished.emit(result)

    # -- results -------------------------------------------------------------------------------

    def show_result(
        self,
        result: FcaResult | CoverageResult,
        settings: CapacitySettings,
        *,
        whatif: str = "",
        scenario: Scenario | None = None,
    ) -> None:
        """Fill the summary, warnings and tables from ``result`` computed with ``settings``
        (and the what-if edits ``whatif`` names: ``"with 1 what-if hub"``; or those of
        ``scenario``, named in the app's language of the moment)."""

        def edits() -> str:
            words = whatif_words(scenario) if scenario is not None else whatif
            return f", {words}" if words else ""

        self.result, self.result_settings = result, settings
        n = len(result.labs)
        self.run_state.ended(
            lambda: tr("Done: {method}, %n labs{edits}.", "", n).format(
                method=label(METHOD_LABELS, settings.method),
                edits=edits(),
            )
        )
        self._render(result, settings)

    def _render(self, result: FcaResult | CoverageResult, settings: CapacitySettings) -> None:
        """The summary, notes and tables of ``result``, in the app's language."""
        self.summary.setText(capacity_summary(result, settings))
        self.warnings.setText(
            "\n".join(tr("Note: {warning}").format(warning=w) for w in result.warnings)
        )
        self.warnings.setVisible(bool(result.warnings))
        names = _district_names(self.window.project)
        if isinstance(result, CoverageResult):
            self._show_coverage(result, names)
        else:
            self._show_fca(result, names)

    def _show_fca(self, result: FcaResult, names: dict[str, str]) -> None:
        set_headers(self.labs, FCA_LAB_HEADERS)
        rows = []
        for r in result.labs.itertuples(index=False):
            status = str(r.status)
            rows.append(
                [
                    _lab_item(r.name, r.lab_id),
                    optional_number(float(r.capacity_tests_per_year), format_tests),
                    optional_number(float(r.demand_in_reach), format_tests),
                    optional_number(float(r.ratio), format_ratio, missing="–"),
                    text_item(label(STATUS_LABELS, status)),
                ]
            )
        fill_table(self.labs, rows)
        set_headers(self.districts, FCA_DISTRICT_HEADERS)
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
        set_headers(self.labs, COVERAGE_LAB_HEADERS)
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
                    optional_number(float(r.radius_minutes), _one_decimal, missing="–"),
                    text_item(label(STOPPED_LABELS, stopped)),
                ]
            )
        fill_table(self.labs, rows)
        set_headers(self.districts, COVERAGE_DISTRICT_HEADERS)
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


def _one_decimal(value: float) -> str:
    return format_number(value, decimals=1)


def _lab_item(name: object, lab_id: object) -> QTableWidgetItem:
    label = str(lab_id) if pd.isna(name) or not str(name) else str(name)
    item = text_item(label)
    item.setToolTip(as_plain_text(f"{label} ({lab_id})"))
    item.setData(Qt.ItemDataRole.UserRole, str(lab_id))
    return item


def _district_item(district_id: object, names: dict[str, str]) -> QTableWidgetItem:
    key = str(district_id)
    if not key:
        return text_item(tr("outside every district"))
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
    window.add_dock("capacity", tr("Lab capacity", "panel"), panel, tabify_with=anchor)
    if anchor is not None:
        window.docks[anchor].raise_()

    def show() -> None:
        dock = window.docks["capacity"]
        dock.show()
        dock.raise_()

    action = QAction(tr("Lab capaci&ty…"), window)
    action.setShortcut(QKeySequence("F9"))
    action.setToolTip(
        tr(
            "Compare lab capacity with the need for tests: 2SFCA, E2SFCA or capacity-limited "
            "coverage (F9)"
        )
    )
    action.setStatusTip(action.toolTip())
    action.triggered.connect(show)
    window.menus["analysis"].addAction(action)
    window.act_capacity = action  # type: ignore[attr-defined]


__all__ = ["CapacityPanel", "install"]
