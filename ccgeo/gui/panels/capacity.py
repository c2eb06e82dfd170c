"""The lab capacity dock: 2SFCA, E2SFCA and capacity-limited coverage of the labs able to do the
analysis' test, run in a worker, with a plain-words summary, a labs table and a districts table.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
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

from ccgeo.analysis.capacity import (
    DEFAULT_MAX_MINUTES,
    E2SFCA_BANDS_MINUTES,
    E2SFCA_WEIGHTS,
    CoverageResult,
    FcaResult,
    capacity_coverage,
    fca,
)
from ccgeo.analysis.scenario import ANY_CAPABILITY, AnalysisSettings, network_for, settings_of
from ccgeo.errors import InputError, check_cancel
from ccgeo.gui.panels.analysis import MODE_LABELS, QUALITY_LABELS
from ccgeo.gui.panels.planning import RunBox, fill_table, make_table, stack_parts
from ccgeo.gui.panels.results import number_item, optional_number, share_text, text_item
from ccgeo.progress import ProgressCallback, scaled_progress

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


# -- the work (no Qt: run in a worker thread) ----------------------------------------------------


@dataclass(frozen=True)
class CapacityRequest:
    """What the capacity panel asks for (captured in the GUI thread, read in the worker).

    Attributes
    ----------
    settings
        The analysis settings: capability, quality, travel mode, traffic, snapping.
    method
        ``"2sfca"``, ``"e2sfca"`` or ``"coverage"``.
    minutes
        Catchment of 2SFCA and time limit of coverage, minutes, inclusive (E2SFCA uses its
        bands `E2SFCA_BANDS_MINUTES`).
    order
        Processing order of the labs for coverage: ``"capacity"``, ``"time"`` or ``"given"``.
    """

    settings: AnalysisSettings
    method: str = "2sfca"
    minutes: float = DEFAULT_MAX_MINUTES
    order: str = "capacity"

    @property
    def reach_minutes(self) -> float:
        """The farthest travel time that counts, minutes."""
        return E2SFCA_BANDS_MINUTES[-1] if self.method == "e2sfca" else float(self.minutes)


def run_capacity(
    project: Project,
    request: CapacityRequest,
    *,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> FcaResult | CoverageResult:
    """`ccgeo.analysis.capacity.fca` or `capacity_coverage` on the project's labs able to do the
    request's test (meeting its quality filter), on the network of its travel mode.

    Demand is in tests per year (population x incidence x eligible fraction).

    Raises
    ------
    InputError
        A layer is missing, the capability is "any", the method is unknown, or the core refuses
        the request.
    Cancelled
        If ``cancel`` is set.
    """
    labels = {
        "roads": ("roads (File ▸ Import ▸ Roads)", project.roads),
        "demand": ("population (File ▸ Import ▸ Population)", project.demand),
        "facilities": ("facilities (File ▸ Import ▸ Facilities)", project.facilities),
    }
    missing = [label for label, layer in labels.values() if layer is None]
    if missing:
        msg = f"lab capacity needs {', '.join(missing)}; import them first"
        raise InputError(msg)
    settings = request.settings
    if settings.capability == ANY_CAPABILITY:
        msg = (
            "lab capacity is counted per test: choose one (PCR, IHC, …) in the Analysis panel "
            "instead of 'any'"
        )
        raise InputError(msg)
    if request.method not in METHOD_LABELS:
        msg = f"unknown method {request.method!r}: expected one of {', '.join(METHOD_LABELS)}"
        raise InputError(msg)
    labs = project.facilities.capable(settings.capability, quality=settings.quality)
    if len(labs.gdf) == 0:
        quality = QUALITY_LABELS.get(settings.quality, settings.quality).lower()
        msg = (
            f"no facility can do {settings.capability.upper()} with the quality filter "
            f"'{quality}': choose another test or quality in the Analysis panel"
        )
        raise InputError(msg)
    net = network_for(
        project, settings, progress=scaled_progress(progress, 0.0, 0.2), cancel=cancel
    )
    check_cancel(cancel)
    common = {
        "capability": settings.capability,
        "max_snap_m": settings.max_snap_m,
        "walk_kmh": settings.walk_kmh,
        "progress": scaled_progress(progress, 0.2, 1.0),
        "cancel": cancel,
    }
    if request.method == "coverage":
        return capacity_coverage(
            net,
            labs,
            project.demand,
            max_minutes=float(request.minutes),
            order=request.order,  # type: ignore[arg-type]
            **common,  # type: ignore[arg-type]
        )
    limit = {"max_minutes": float(request.minutes)} if request.method == "2sfca" else {}
    return fca(net, labs, project.demand, method=request.method, **limit, **common)  # type: ignore[arg-type]


def times_text(value: float) -> str:
    """A ratio in words-friendly digits: ``120.8`` → ``"121"``, ``3.14`` → ``"3.1"``,
    ``0.523`` → ``"0.52"``."""
    if not math.isfinite(value):
        return "–"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def need_text(value: float) -> str:
    """Tests per year: one decimal below 100 (city needs are often tens a year), else whole."""
    if not math.isfinite(value):
        return "–"
    return f"{value:,.1f}" if abs(value) < 100 else f"{value:,.0f}"


def capacity_summary(result: FcaResult | CoverageResult, request: CapacityRequest) -> str:
    """The result in one or two plain sentences, with the settings it was computed with."""
    settings = request.settings
    cap = settings.capability.upper()
    mode = MODE_LABELS.get(settings.mode, settings.mode).lower()
    reach = f"{request.reach_minutes:g} min"
    n_labs = len(result.labs)
    if isinstance(result, CoverageResult):
        t = result.totals
        return (
            f"Within {reach} {mode}, the capacity of the {n_labs} {cap} labs covers "
            f"{need_text(t['covered'])} of the {need_text(t['demand'])} {cap} tests a year the "
            f"population needs ({share_text(t['covered_share'])}), the need of about "
            f"{t['population_covered']:,.0f} of {t['population']:,.0f} people; "
            f"{need_text(t['demand_out_of_reach'])} tests a year have no lab within {reach}. "
            f"The labs use {share_text(t['capacity_used'])} of their capacity."
        )
    method = "E2SFCA, nearer labs weigh more" if result.method == "e2sfca" else "2SFCA"
    mean = result.mean_accessibility
    people = f"{result.population_no_lab:,.0f} people have no such lab within {reach} {mode}"
    if result.demand_unit == "tests":
        if math.isfinite(mean):
            level = (
                f"{times_text(mean)} times the capacity the population needs"
                if mean >= 1
                else f"{100 * mean:.0f} % of the capacity the population needs"
            )
        else:
            level = "an unknown share of the capacity the population needs (no people)"
        return (
            f"{cap} labs within reach have {level} on average ({method}; {result.unit}, people "
            f"without a lab counted as 0); {people}."
        )
    return f"Mean accessibility {times_text(mean)} {result.unit} ({method}); {people}."


def _district_names(project: Project | None) -> dict[str, str]:
    districts = None if project is None else project.districts
    if districts is None or "name" not in districts.columns:
        return {}
    ids = districts["district_id"].astype(str)
    return dict(zip(ids, districts["name"].astype(str), strict=False))


# -- the panel -----------------------------------------------------------------------------------


class CapacityPanel(QWidget):
    """Method, minutes and lab order; Run/Cancel; the summary, labs and districts of the result.

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
        self.result_request: CapacityRequest | None = None
        self.worker: Worker | None = None

        self.analysis_line = QLabel("")
        self.analysis_line.setWordWrap(True)
        self.analysis_line.setToolTip(
            "Test, lab quality and travel mode come from the Analysis panel; the project's "
            "facilities count (what-if hubs placed on the map do not)"
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
        self.minutes.setValue(DEFAULT_MAX_MINUTES)
        self.minutes.setToolTip("A lab is within reach up to this travel time (inclusive)")
        bands = " / ".join(
            f"{lo:g}–{hi:g}"
            for lo, hi in zip((0.0, *E2SFCA_BANDS_MINUTES), E2SFCA_BANDS_MINUTES, strict=False)
        )
        weights = " / ".join(f"{w:g}" for w in E2SFCA_WEIGHTS)
        self.bands_note = QLabel(f"E2SFCA uses fixed bands {bands} min, weights {weights}.")
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
        self._method_changed()
        self.refresh_settings()

    # -- settings ------------------------------------------------------------------------------

    def settings(self) -> AnalysisSettings:
        """The analysis settings now (those the next run of the Analysis panel uses)."""
        ws = self.analysis.workspace
        if ws is not None:
            return ws.settings
        project = self.window.project
        return settings_of(project) if project is not None else AnalysisSettings()

    def refresh_settings(self) -> None:
        """Show the test, lab quality and travel mode in use."""
        settings = self.settings()
        cap = settings.capability.upper()
        quality = QUALITY_LABELS.get(settings.quality, settings.quality).lower()
        mode = MODE_LABELS.get(settings.mode, settings.mode).lower()
        traffic = f", traffic ×{settings.congestion:g}" if settings.congestion != 1 else ""
        self.analysis_line.setText(f"{cap} labs ({quality}), by {mode}{traffic}")

    def _method_changed(self) -> None:
        method = self.method.currentData()
        self.minutes.setEnabled(method != "e2sfca")
        self.bands_note.setVisible(method == "e2sfca")
        self.order.setEnabled(method == "coverage")
        self.method.setToolTip(METHOD_TIPS[method])

    def request(self) -> CapacityRequest:
        """The request the widgets describe."""
        return CapacityRequest(
            settings=self.settings(),
            method=self.method.currentData(),
            minutes=float(self.minutes.value()),
            order=self.order.currentData(),
        )

    def _project_changed(self) -> None:
        self.cancel()
        self.worker = None
        self.result = self.result_request = None
        self.summary.setText("No capacity result yet.")
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
        request = self.request()
        worker = self.window.run_task(
            run_capacity,
            project,
            request,
            text=f"Comparing {request.settings.capability.upper()} lab capacity with the need…",
            on_done=lambda result: self._done(worker, request, result),
            on_failed=lambda message: self._ended(worker, message),
            on_cancelled=lambda: self._ended(worker, "Cancelled"),
        )
        self.worker = worker
        self.runbox.started(worker)
        return worker

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
        self, worker: Worker, request: CapacityRequest, result: FcaResult | CoverageResult
    ) -> None:
        if worker is not self.worker:
            return  # a newer run, or another project
        self.worker = None
        self.show_result(result, request)
        self.finished.emit(result)

    # -- results -------------------------------------------------------------------------------

    def show_result(self, result: FcaResult | CoverageResult, request: CapacityRequest) -> None:
        """Fill the summary, warnings and tables from ``result`` computed for ``request``."""
        self.result, self.result_request = result, request
        method = METHOD_LABELS[request.method]
        self.runbox.ended(f"Done: {method}, {len(result.labs)} labs.")
        self.summary.setText(capacity_summary(result, request))
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
                    optional_number(float(r.capacity_tests_per_year), need_text),
                    optional_number(float(r.demand_in_reach), need_text),
                    optional_number(float(r.ratio), times_text, missing="–"),
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
                    optional_number(float(r.demand), need_text),
                    optional_number(float(r.accessibility), times_text, missing="–"),
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
                    optional_number(float(r.capacity_tests_per_year), need_text),
                    optional_number(float(r.demand_in_reach), need_text),
                    optional_number(float(r.covered), need_text),
                    optional_number(used, lambda v: f"{100 * v:.1f} %", missing="–"),
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
                    optional_number(float(r.demand), need_text),
                    optional_number(float(r.covered), need_text),
                    optional_number(share, share_text, missing="–"),
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
    item.setToolTip(f"{label} ({lab_id})")
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

    action = QAction("Lab &capacity…", window)
    action.setShortcut(QKeySequence("F9"))
    action.setToolTip(
        "Compare lab capacity with the need for tests: 2SFCA, E2SFCA or capacity-limited "
        "coverage (F9)"
    )
    action.setStatusTip(action.toolTip())
    action.triggered.connect(show)
    window.menus["analysis"].addAction(action)
    window.act_capacity = action  # type: ignore[attr-defined]


__all__ = [
    "CapacityPanel",
    "CapacityRequest",
    "capacity_summary",
    "install",
    "need_text",
    "run_capacity",
    "times_text",
]
