"""The analysis panel and its controller: settings, Run/Cancel in a worker, the live what-if
state behind the results, map layers, undo stack and scenarios.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QPushButton,
    QStyle,
    QToolBar,
    QWidget,
)

from ccgeo.errors import CcgeoError
from ccgeo.gui.language import QT_TR_NOOP, notifier, tr
from ccgeo.gui.panels.results import plain_number
from ccgeo.gui.panels.widgets import stack_parts
from ccgeo.gui.shortcuts import REDO_KEYS, UNDO_KEYS
from ccgeo.gui.whatif import (
    TOOL_NAME,
    PlaceHubTool,
    apply_scenario_command,
    hub_icon,
    show_context_menu,
)
from ccgeo.gui.wording import for_planner, test_name
from ccgeo.gui.workers import Worker
from ccgeo.labels import format_whatif
from ccgeo.model.scenario import Scenario
from ccgeo.model.schema import CAPABILITIES, QUALITY_FILTERS
from ccgeo.model.settings import AccessSettings, Snapping, Travel, parse_thresholds
from ccgeo.network.profiles import load_profiles
from ccgeo.render.analysis_layers import CatchmentLayer, UnderservedLayer, WhatIfLayer
from ccgeo.tasks.access import project_with_scenario, scenario_settings
from ccgeo.tasks.common import no_lab_problem
from ccgeo.tasks.settings import has_run, store_settings
from ccgeo.tasks.whatif import ApplyReport, Baseline, Overlay, Workspace, overlay_of, settings_of

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoCommand

    from ccgeo.gui.main_window import MainWindow
    from ccgeo.project import Project

log = logging.getLogger(__name__)

#: The quality filters as a choice (English; shown through `tr`: `quality_label`).
QUALITY_LABELS = {
    "any": QT_TR_NOOP("Any lab"),
    "eqa": QT_TR_NOOP("In external quality assessment"),
    "international_eqa": QT_TR_NOOP("In international EQA"),
    "accredited": QT_TR_NOOP("Accredited (ISO 15189, CAP, …)"),
    "eqa_or_accredited": QT_TR_NOOP("In EQA or accredited"),
}
#: The quality filters inside a sentence (`analysis_line`).
QUALITY_PHRASES = {
    "any": QT_TR_NOOP("any lab"),
    "eqa": QT_TR_NOOP("in external quality assessment"),
    "international_eqa": QT_TR_NOOP("in international EQA"),
    "accredited": QT_TR_NOOP("accredited (ISO 15189, CAP, …)"),
    "eqa_or_accredited": QT_TR_NOOP("in EQA or accredited"),
}
#: The bundled travel modes as a choice (English; shown through `tr`: `mode_label`).
MODE_LABELS = {
    "car": QT_TR_NOOP("Car"),
    "motorbike": QT_TR_NOOP("Motorbike"),
    "walk": QT_TR_NOOP("Walking"),
}
#: The bundled travel modes inside a sentence (`mode_phrase`).
MODE_PHRASES = {
    "car": QT_TR_NOOP("by car"),
    "motorbike": QT_TR_NOOP("by motorbike"),
    "walk": QT_TR_NOOP("by walking"),
}


def quality_label(quality: str) -> str:
    """A quality filter as the combo boxes show it, in the app's language."""
    return tr(QUALITY_LABELS[quality]) if quality in QUALITY_LABELS else quality


def mode_label(mode: str) -> str:
    """A travel mode as the combo boxes show it, in the app's language (a mode of the
    planner's own speed file as it is named there)."""
    return tr(MODE_LABELS[mode]) if mode in MODE_LABELS else mode


def mode_phrase(mode: str) -> str:
    """``"by walking"``: a travel mode inside a sentence, in the app's language."""
    if mode in MODE_PHRASES:
        return tr(MODE_PHRASES[mode])
    return tr("by {mode}").format(mode=mode)


def relabel(combo: QComboBox, label: Callable[[str], str]) -> None:
    """Write each item of ``combo`` again from its data (an id) with ``label``: the item
    texts in the language chosen now."""
    for i in range(combo.count()):
        data = combo.itemData(i)
        if isinstance(data, str):
            combo.setItemText(i, label(data))


def analysis_line(settings: AccessSettings, scenario: Scenario | None = None) -> str:
    """The Analysis panel's choices in words, as the other docks show them, with the what-if
    edits counted: ``"PCR labs (any lab), by walking, traffic ×2, with 1 what-if hub"``."""
    quality = settings.quality
    congestion = settings.travel.congestion
    traffic = ""
    if congestion != 1:
        traffic = tr(", traffic ×{factor}").format(factor=plain_number(congestion))
    edits = whatif_words(scenario)
    return tr("{test} labs ({quality}), {mode}{traffic}{edits}").format(
        test=test_name(settings.capability),
        quality=tr(QUALITY_PHRASES[quality]) if quality in QUALITY_PHRASES else quality,
        mode=mode_phrase(settings.travel.mode),
        traffic=traffic,
        edits=f", {edits}" if edits else "",
    )


def done_line(settings: AccessSettings | None) -> str:
    """The state line after a run: ``"Done: PCR labs (any lab), by car, …."``."""
    if settings is None:
        return tr("Done.")
    return tr("Done: {settings}.").format(settings=settings.describe())


#: Name of the live what-if when a panel analyses it as a scenario.
WHATIF_NAME = "current what-if"


def whatif_words(scenario: Scenario | None) -> str:
    """The what-if edits a panel analysed: ``"with 2 what-if hubs and 1 upgrade"``, or ``""``."""
    if scenario is None:
        return ""
    return format_whatif(len(scenario.added_hubs), len(scenario.upgrades), len(scenario.removed))


#: Wait this long after a facility edit before rerunning, so a burst of edits runs once, ms.
RERUN_DELAY_MS = 400


class _EditSignals(QObject):
    """Holder of `facilitiesEdited` for a window that does not define it itself."""

    facilitiesEdited = Signal(object)  # noqa: N815 - Qt signal naming (ids edited)


def facilities_edited_signal(window: MainWindow) -> Any:
    """The window's ``facilitiesEdited`` signal, created if no other extension made it yet."""
    if not hasattr(window, "facilitiesEdited"):
        holder = _EditSignals(window)
        window._facilities_edited_holder = holder  # type: ignore[attr-defined]
        window.facilitiesEdited = holder.facilitiesEdited  # type: ignore[attr-defined]
    return window.facilitiesEdited  # type: ignore[attr-defined]


class AnalysisController(QObject):
    """Owns the `Workspace` of the window's project and keeps the map and panels in step.

    Signals
    -------
    runStarted()
    runFinished(baseline)
        A run finished and was adopted.
    runCancelled()
    runFailed(message)
    coverageChanged()
        After a run or any what-if edit: read `workspace.coverage()` and `workspace.delta()`.
    staleChanged(stale, reason)
    settled()
        A run or an edit is fully shown: numbers, bands and underserved areas are current.
    projectChanged(project)
        A project was opened and has a fresh workspace.
    runProgress(fraction, text)
        Progress of the run under way.
    settingsLoaded(settings)
        A settings file became the project's settings (the access settings now in force);
        every panel shows its analysis' settings again.
    """

    runStarted = Signal()  # noqa: N815
    runFinished = Signal(object)  # noqa: N815
    runCancelled = Signal()  # noqa: N815
    runFailed = Signal(str)  # noqa: N815
    coverageChanged = Signal()  # noqa: N815
    staleChanged = Signal(bool, str)  # noqa: N815
    settled = Signal()
    projectChanged = Signal(object)  # noqa: N815
    settingsLoaded = Signal(object)  # noqa: N815
    runProgress = Signal(float, str)  # noqa: N815

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.workspace: Workspace | None = None
        #: The window's one history: what-if edits share it with layer and attribute edits, so
        #: that Ctrl+Z undoes the user's last edit, whichever panel it was made in.
        self.undo_stack: QUndoStack = window.undo_stack
        self.catchments: CatchmentLayer | None = None
        self.underserved: UnderservedLayer | None = None
        self.whatif_layer: WhatIfLayer | None = None
        self._run_worker: Worker | None = None
        self._overlay_worker: Worker | None = None
        self._overlay_generation = 0
        self._pending_scenario: Any = None
        #: The last context menu shown on the map (kept alive; tests read it).
        self.last_menu: QMenu | None = None
        self._rerun_timer = QTimer(self)
        self._rerun_timer.setSingleShot(True)
        self._rerun_timer.setInterval(RERUN_DELAY_MS)
        self._rerun_timer.timeout.connect(self._auto_rerun)
        self.tool = PlaceHubTool(self)
        window.projectClosed.connect(self.close_project)

    # -- project -------------------------------------------------------------------------------

    def set_project(self, project: Project) -> None:
        """A project was opened: a fresh workspace; rerun at once if it holds a saved analysis."""
        self._forget_results()
        self.workspace = Workspace(project)
        self.projectChanged.emit(project)
        self._emit_stale()
        self.coverageChanged.emit()
        if has_run(project, AccessSettings.kind) and self.can_run():
            self.run()

    def close_project(self) -> None:
        """The project was closed (File ▸ Close project): no workspace and no results, so that
        no panel shows the numbers of the project closed."""
        self._forget_results()
        self.workspace = None
        self.projectChanged.emit(None)
        self._emit_stale()
        self.coverageChanged.emit()

    def _forget_results(self) -> None:
        """Drop everything of the project shown until now: runs and redraws under way (their
        results will be ignored), pending scenario, undo history, map layers, underserved areas."""
        self.cancel()
        self._run_worker = None
        self._rerun_timer.stop()
        self._overlay_generation += 1  # a redraw still under way is for the old project
        if self._overlay_worker is not None:
            self._overlay_worker.cancel()
            self._overlay_worker = None
        self._pending_scenario = None
        self.undo_stack.clear()
        self.catchments = self.underserved = self.whatif_layer = None
        self.current_underserved = None

    def settings_loaded(self, settings: AccessSettings) -> None:
        """The project's settings were replaced (a settings file): use and show them."""
        ws = self.workspace
        if ws is None:
            return
        ws.settings = settings
        self.settingsLoaded.emit(settings)
        self._emit_stale()

    def require_workspace(self) -> Workspace:
        """The workspace; raises `RuntimeError` before a project is open (a programming error)."""
        if self.workspace is None:
            msg = "no project is open"
            raise RuntimeError(msg)
        return self.workspace

    def can_run(self) -> bool:
        """Whether the project has what an access analysis needs."""
        ws = self.workspace
        if ws is None:
            return False
        p = ws.project
        return p.roads is not None and p.demand is not None and p.facilities is not None

    # -- the current scenario ------------------------------------------------------------------

    def whatif_scenario(self, *, hubs: bool = True) -> Scenario | None:
        """The live what-if's edits as a scenario (without its hubs unless ``hubs``), or None
        when it has none: what every panel analyses along with the project."""
        ws = self.workspace
        if ws is None or not ws.has_edits:
            return None
        scenario = ws.to_scenario(WHATIF_NAME)
        if not hubs:
            scenario = dataclasses.replace(scenario, added_hubs=())
        edited = scenario.added_hubs or scenario.upgrades or scenario.removed
        return scenario if edited else None

    def whatif_project(self, *, hubs: bool = True) -> tuple[Project, Scenario | None]:
        """The project as the live what-if has it (hubs placed, labs upgraded or closed), and
        the what-if as a scenario (None without edits). Panels give it to the same tasks the
        command line runs (`ccgeo.tasks.access.project_with_scenario`)."""
        ws = self.require_workspace()
        scenario = self.whatif_scenario(hubs=hubs)
        if scenario is None:
            return ws.project, None
        project, _ = project_with_scenario(ws.project, scenario, default=ws.settings)
        return project, scenario

    def no_lab_problem(self, settings: AccessSettings) -> str | None:
        """Why no facility of the current scenario can do the test of ``settings``, or None."""
        if self.workspace is None:
            return None
        project, _ = self.whatif_project()
        return no_lab_problem(project.facilities, settings.capability, settings.quality)

    # -- running -------------------------------------------------------------------------------

    @property
    def is_running(self) -> bool:
        """Whether a run is under way."""
        return self._run_worker is not None

    def run(self, settings: AccessSettings | None = None) -> Worker | None:
        """Run the baseline analysis in a worker (status bar progress and Cancel)."""
        ws = self.workspace
        if ws is None:
            return None
        if settings is not None:
            ws.settings = settings
        self.cancel()
        target = ws.settings
        # the project keeps the settings of its run, so that it runs again when reopened
        first = not has_run(ws.project, target.kind)
        store_settings(ws.project, target)
        if first and ws.project is self.window.project:
            self.window.set_modified(True)
        worker = self.window.run_task(
            ws.compute,
            target,
            text=tr("Access analysis: {settings}…").format(settings=target.describe()),
            on_done=self._adopt,
            on_failed=lambda message: self._run_ended(worker, message=message),
            on_cancelled=lambda: self._run_ended(worker, cancelled=True),
            on_progress=self.runProgress.emit,
        )
        self._run_worker = worker
        self.runStarted.emit()
        return worker

    def cancel(self) -> None:
        """Stop the run under way, if any."""
        if self._run_worker is not None:
            self._run_worker.cancel()

    def _run_ended(self, worker: Worker, *, cancelled: bool = False, message: str = "") -> None:
        if worker is not self._run_worker:
            return
        self._run_worker = None
        if cancelled:
            self.runCancelled.emit()
        else:
            self.runFailed.emit(message)

    def _adopt(self, baseline: Baseline) -> None:
        ws = self.workspace
        if ws is None or ws.project is not self.window.project:
            return  # the project changed while the run was under way
        self._run_worker = None
        report = ws.adopt(baseline)
        if self._pending_scenario is not None:
            scenario, self._pending_scenario = self._pending_scenario, None
            self.undo_stack.clear()
            report = ws.apply_scenario(scenario)
        elif not ws.has_edits and (stored := ws.stored_edits()) is not None:
            report = ws.apply_scenario(stored)
        self.report_skipped(report)
        self._install_layers(baseline)
        self._emit_stale()
        self.runFinished.emit(baseline)
        self._edited(store=False)

    def _emit_stale(self) -> None:
        ws = self.workspace
        self.staleChanged.emit(bool(ws and ws.stale), (ws.stale_reason or "") if ws else "")

    def mark_stale(self, reason: str, *, rerun: bool = False) -> None:
        """The data changed under the results; rerun soon when ``rerun`` and a baseline exists."""
        ws = self.workspace
        if ws is None:
            return
        ws.mark_stale(reason)
        self._emit_stale()
        if rerun and ws.baseline is not None:
            self._rerun_timer.start()

    def _auto_rerun(self) -> None:
        if self.workspace is not None and self.workspace.stale and self.can_run():
            self.run()

    # -- edits ---------------------------------------------------------------------------------

    def perform(self, edit: Callable[[], object]) -> bool:
        """Run a workspace edit; show its `CcgeoError` text and return False when it fails."""
        try:
            edit()
        except CcgeoError as exc:
            self.window.show_error(tr("What-if"), str(exc))
            self.window.message_label.setText(for_planner(str(exc)))
            return False
        self._edited()
        return True

    def push(self, command: QUndoCommand | None) -> None:
        """Put an edit that was already applied on the undo stack (None: it failed, nothing)."""
        if command is not None:
            self.undo_stack.push(command)

    def report_skipped(self, report: ApplyReport) -> None:
        """Tell the planner which edits of a scenario could not be applied."""
        if report.skipped:
            self.window.show_error(tr("Some edits were skipped"), "\n".join(report.skipped))

    def apply_scenario(self, scenario: Any) -> None:
        """Show ``scenario``: its edits at once, or after a run with its own settings."""
        ws = self.require_workspace()
        settings = scenario_settings(scenario, default=ws.settings)
        if ws.baseline is None or settings != ws.baseline.settings:
            self._pending_scenario = scenario
            self.run(settings)
            return
        self.push(apply_scenario_command(self, scenario))

    def hub_at(self, x: float, y: float) -> str | None:
        """Id of the candidate hub drawn at screen point ``x``, ``y``."""
        if self.whatif_layer is None or not self.whatif_layer.visible:
            return None
        return self.whatif_layer.hub_at(self.window.canvas.view, x, y)

    def _edited(self, *, store: bool = True) -> None:
        ws = self.workspace
        if ws is None or ws.baseline is None:
            return
        if store:
            ws.store()
            self.window.set_modified(True)
        self._refresh_whatif_layer()
        self.coverageChanged.emit()
        if ws.has_edits or store:
            self._start_overlay()
        else:
            self._overlay_generation += 1
            self._set_overlay(
                Overlay(ws.baseline.result.isochrones, ws.baseline.result.underserved)
            )
            self.settled.emit()

    def _refresh_whatif_layer(self) -> None:
        ws = self.workspace
        if ws is None or self.whatif_layer is None:
            return
        gdf = ws.project.facilities.gdf if ws.project.facilities is not None else None

        def lonlat(ids: tuple[str, ...]) -> list[tuple[float, float]]:
            if gdf is None or not ids:
                return []
            rows = gdf[gdf["facility_id"].astype(str).isin(ids)]
            return list(zip(rows.geometry.x, rows.geometry.y, strict=True))

        self.whatif_layer.set_state(
            [(h.hub_id, h.name, h.lon, h.lat) for h in ws.hubs],
            lonlat(ws.upgrades),
            lonlat(ws.removed),
        )

    # -- map layers ----------------------------------------------------------------------------

    def _install_layers(self, baseline: Baseline) -> None:
        canvas = self.window.canvas
        crs = canvas.crs
        if crs is None:
            return
        result = baseline.result
        self.catchments = CatchmentLayer(result.isochrones, crs)
        self.underserved = UnderservedLayer(result.underserved, crs)
        self.whatif_layer = WhatIfLayer(crs)
        kinds = {"catchments", "underserved", "whatif"}
        others = [layer for layer in canvas.layers if layer.kind not in kinds]
        # bands sit on the population shading, under the roads; hubs on top of everything
        below = [i for i, layer in enumerate(others) if layer.kind in ("basemap", "population")]
        at = below[-1] + 1 if below else 0
        layers = [*others[:at], self.catchments, self.underserved, *others[at:], self.whatif_layer]
        canvas.set_layers(layers, crs, zoom_to_full=False)

    def _start_overlay(self) -> None:
        ws = self.workspace
        if ws is None or ws.baseline is None:
            return
        self._overlay_generation += 1
        generation = self._overlay_generation
        if self._overlay_worker is not None:
            self._overlay_worker.cancel()
        worker = Worker(overlay_of, *ws.overlay_inputs())
        self._overlay_worker = worker

        def done(overlay: Overlay) -> None:
            if generation == self._overlay_generation:
                self._overlay_worker = None
                self._set_overlay(overlay)
                self.settled.emit()

        def failed(message: str) -> None:
            if generation == self._overlay_generation:
                self._overlay_worker = None
                self.window.message_label.setText(
                    tr("Could not redraw the catchments: {message}").format(message=message)
                )
                self.settled.emit()

        worker.signals.finished.connect(done)
        worker.signals.failed.connect(failed)
        worker.start()

    def _set_overlay(self, overlay: Overlay) -> None:
        if self.catchments is not None:
            self.catchments.set_isochrones(overlay.isochrones)
        if self.underserved is not None:
            self.underserved.set_areas(overlay.underserved)
        self.current_underserved = overlay.underserved
        self.coverageChanged.emit()

    #: Underserved areas of the current what-if (EPSG:4326), as drawn.
    current_underserved: Any = None

    def underserved_frame(self) -> pd.DataFrame | None:
        """The underserved areas on the map now (ranked), or None before a run."""
        return self.current_underserved


class AnalysisPanel(QWidget):
    """Settings of the access analysis, Run and Cancel, progress, and a stale indicator.

    The panel only gathers an `AccessSettings` (`settings`) and shows one (`show_settings`):
    the run itself is `ccgeo.tasks.access.run_access`, as on the command line.
    """

    def __init__(self, controller: AnalysisController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._loading = False
        self._speeds: str | None = None
        #: Writes the state line (again when the language changes).
        self._state_text: Callable[[], str] = lambda: tr("Open a project to analyse it.")
        self._build_settings_widgets()
        self._build_run_widgets()
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button, 1)
        buttons.addWidget(self.cancel_button)
        # in a scroll area: a short dock scrolls instead of making the window taller
        parts = [self._settings_form(), buttons, self.progress, self.state]
        stack_parts(self, [*parts, self.warning, self.error], stretch_last=False)
        self._connect()
        notifier().changed.connect(self.retranslate)

    def _build_settings_widgets(self) -> None:
        self.capability = QComboBox()
        for cap in CAPABILITIES:
            self.capability.addItem(test_name(cap), cap)
        self.capability.setToolTip(tr("The test a lab must be able to do to count"))
        self.quality = QComboBox()
        for q in QUALITY_FILTERS:
            self.quality.addItem(quality_label(q), q)
        self.quality.setToolTip(tr("Only labs meeting this quality standard count"))
        self.mode = QComboBox()
        self.mode.setToolTip(tr("How people travel to the lab (the modes of the speed file)"))
        self.thresholds = QLineEdit()
        self.thresholds.setToolTip(
            tr("Travel-time thresholds in minutes, inclusive, e.g. 30, 60, 120")
        )
        self.congestion = QDoubleSpinBox()
        self.congestion.setRange(1.0, 5.0)
        self.congestion.setSingleStep(0.5)
        self.congestion.setPrefix("× ")
        self.congestion.setToolTip(
            tr("Peak-hour traffic: travel times multiplied by this (1 = free flow; an assumption)")
        )
        self.speeds_label = QLabel()
        self.speeds_label.setWordWrap(True)
        self.speeds_button = QPushButton(tr("Choose…"))
        self.speeds_button.setToolTip(
            tr(
                "Use your own speed file (TOML, the format of resources/speeds.toml): its speeds "
                "per road class and its modes are merged over the bundled ones"
            )
        )
        self.speeds_clear = QPushButton(tr("Bundled"))
        self.speeds_clear.setToolTip(
            tr("Go back to the bundled speeds (OSRM car profile, 5 km/h walk)")
        )
        defaults = Snapping()
        self.max_snap_m = QDoubleSpinBox()
        self.max_snap_m.setRange(10.0, 50_000.0)
        self.max_snap_m.setDecimals(0)
        self.max_snap_m.setSingleStep(100.0)
        self.max_snap_m.setSuffix(" m")
        self.max_snap_m.setValue(defaults.max_snap_m)
        self.max_snap_m.setToolTip(
            tr(
                "Farthest a person or a lab may be from a road; people farther count as off the "
                "network and labs farther are left out (and listed)"
            )
        )
        self.walk_kmh = QDoubleSpinBox()
        self.walk_kmh.setRange(0.5, 30.0)
        self.walk_kmh.setSingleStep(0.5)
        self.walk_kmh.setSuffix(" km/h")
        self.walk_kmh.setValue(defaults.walk_kmh)
        self.walk_kmh.setToolTip(tr("Walking speed between a home (or a lab) and the road"))
        self._fill_modes()

    def _build_run_widgets(self) -> None:
        self.run_button = QPushButton(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MediaPlay), tr("Run analysis")
        )
        self.run_button.setToolTip(tr("Run the access analysis with these settings (F5)"))
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setToolTip(tr("Stop the analysis under way"))
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.state = QLabel(self._state_text())
        self.state.setWordWrap(True)
        self.error = QLabel("")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #B71C1C;")
        self.error.hide()
        self.warning = QLabel("")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #E65100;")
        self.warning.setToolTip(
            tr(
                "No facility of the project, with the what-if edits, counts as a lab for this "
                "test and quality: everyone would be unreachable"
            )
        )
        self.warning.hide()

    def _settings_form(self) -> QFormLayout:
        speeds = QHBoxLayout()
        speeds.addWidget(self.speeds_label, 1)
        speeds.addWidget(self.speeds_button)
        speeds.addWidget(self.speeds_clear)
        form = QFormLayout()
        # a long label (in French, in Portuguese) puts its field below it, not the dock wider
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(tr("Test"), self.capability)
        form.addRow(tr("Lab quality"), self.quality)
        form.addRow(tr("Travel mode"), self.mode)
        form.addRow(tr("Speeds"), speeds)
        form.addRow(tr("Thresholds (min)"), self.thresholds)
        form.addRow(tr("Traffic"), self.congestion)
        form.addRow(tr("Off-road up to"), self.max_snap_m)
        form.addRow(tr("Walking to road"), self.walk_kmh)
        return form

    def _connect(self) -> None:
        controller = self.controller
        self.run_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(controller.cancel)
        self.speeds_button.clicked.connect(self.choose_speeds)
        self.speeds_clear.clicked.connect(lambda: self.set_speeds(None))
        for combo in (self.capability, self.quality, self.mode):
            combo.currentIndexChanged.connect(self._settings_edited)
        self.thresholds.editingFinished.connect(self._settings_edited)
        for box in (self.congestion, self.max_snap_m, self.walk_kmh):
            box.valueChanged.connect(self._settings_edited)
        controller.runStarted.connect(self._started)
        controller.runFinished.connect(lambda _b: self._ended(done=True))
        controller.runCancelled.connect(
            lambda: self._ended(lambda: tr("Cancelled: no new results."))
        )
        controller.runFailed.connect(self._failed)
        controller.staleChanged.connect(self._show_stale)
        controller.settingsLoaded.connect(self.show_settings)
        controller.runProgress.connect(self._progress)
        controller.projectChanged.connect(lambda _project: self._project_changed())
        for signal in (controller.staleChanged, controller.coverageChanged):
            signal.connect(self._check_labs)

    def retranslate(self) -> None:
        """Write again, in the language chosen now, the text built from data: the state line,
        the item texts, the speed file's name and the no-lab warning."""
        relabel(self.quality, quality_label)
        relabel(self.mode, mode_label)
        self._show_speeds()
        self.state.setText(self._state_text())
        self._check_labs()

    def _set_state(self, text: Callable[[], str]) -> None:
        """Show ``text()`` on the state line, and again after a change of language."""
        self._state_text = text
        self.state.setText(text())

    # -- settings ------------------------------------------------------------------------------

    def _fill_modes(self) -> None:
        """The travel modes of the bundled speeds and of the chosen speed file."""
        try:
            modes = list(load_profiles(self._speeds))
        except CcgeoError as exc:
            self._show_error(str(exc))
            modes = list(load_profiles())
        current = self.mode.currentData()
        self.mode.blockSignals(True)
        self.mode.clear()
        for m in modes:
            self.mode.addItem(mode_label(m), m)
        self.mode.setCurrentIndex(max(self.mode.findData(current), 0))
        self.mode.blockSignals(False)
        self._show_speeds()
        self.speeds_clear.setEnabled(self._speeds is not None)

    def _show_speeds(self) -> None:
        """The name of the speed file in use ("bundled": the speeds that ship with ccgeo)."""
        name = Path(self._speeds).name if self._speeds else tr("bundled")
        self.speeds_label.setText(name)
        self.speeds_label.setToolTip(self._speeds or tr("The speeds that ship with ccgeo"))

    def choose_speeds(self) -> None:
        """Ask for a speed file (a file dialog) and use it."""
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self,
            tr("Choose a speed file"),
            "",
            tr("Speed files ({patterns})").format(patterns="*.toml")
            + ";;"
            + tr("All files ({patterns})").format(patterns="*"),
        )
        if path:
            self.set_speeds(path)

    def set_speeds(self, path: str | None) -> None:
        """Use the speed file ``path`` (None: the bundled speeds); a bad file is shown, unused."""
        if path is not None:
            try:
                load_profiles(path)
            except CcgeoError as exc:
                self._show_error(str(exc))
                return
            path = str(Path(path).resolve())
        self._speeds = path
        self._fill_modes()
        self._settings_edited()

    def show_settings(self, settings: AccessSettings) -> None:
        """Fill the widgets from ``settings`` without marking anything stale."""
        self._loading = True
        try:
            if settings.travel.speeds != self._speeds:
                self._speeds = settings.travel.speeds
                self._fill_modes()
            for combo, value in (
                (self.capability, settings.capability),
                (self.quality, settings.quality),
                (self.mode, settings.travel.mode),
            ):
                i = combo.findData(value)
                if i < 0:
                    combo.addItem(str(value), value)
                    i = combo.count() - 1
                combo.setCurrentIndex(i)
            self.thresholds.setText(", ".join(f"{t:g}" for t in settings.thresholds_minutes))
            self.congestion.setValue(settings.travel.congestion)
            self.max_snap_m.setValue(settings.snapping.max_snap_m)
            self.walk_kmh.setValue(settings.snapping.walk_kmh)
        finally:
            self._loading = False

    def settings(self) -> AccessSettings:
        """The settings shown; raises `InputError` for unreadable thresholds."""
        ws = self.controller.workspace
        base = ws.settings if ws is not None else AccessSettings()
        return AccessSettings(
            capability=self.capability.currentData(),
            quality=self.quality.currentData(),
            travel=Travel(
                mode=self.mode.currentData(),
                speeds=self._speeds,
                congestion=float(self.congestion.value()),
            ),
            thresholds_minutes=parse_thresholds(self.thresholds.text()),
            snapping=Snapping(
                max_snap_m=float(self.max_snap_m.value()),
                walk_kmh=float(self.walk_kmh.value()),
                candidates=base.snapping.candidates,
            ),
        )

    def _settings_edited(self) -> None:
        ws = self.controller.workspace
        if self._loading or ws is None:
            return
        try:
            settings = self.settings()
        except CcgeoError as exc:
            self._show_error(str(exc))
            return
        self._show_error("")
        ws.settings = settings
        store_settings(ws.project, settings)
        self.controller._emit_stale()

    # -- running -------------------------------------------------------------------------------

    def run(self) -> None:
        """Run with the settings shown (errors in them are shown here, nothing runs)."""
        if self.controller.workspace is None:
            return
        try:
            settings = self.settings()
        except CcgeoError as exc:
            self._show_error(str(exc))
            return
        self._show_error("")
        self._check_labs()
        self.controller.run(settings)

    def _progress(self, fraction: float, text: str) -> None:
        self.progress.setValue(round(1000 * fraction))
        if text:
            self._set_state(lambda: text)

    def _started(self) -> None:
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.progress.show()
        self._set_state(lambda: tr("Running…"))

    def _ended(self, text: Callable[[], str] | None = None, *, done: bool = False) -> None:
        """A run ended: ``text()`` on the state line (None: an empty line), or, when ``done``,
        what was run."""
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress.hide()
        ws = self.controller.workspace
        if done:
            settings = ws.settings if ws is not None and ws.baseline is not None else None
            if settings is not None:
                self.show_settings(settings)
            text = partial(done_line, settings)
        self._set_state(text or str)

    def _project_changed(self) -> None:
        """Another project (or none): no run under way, no error of the last one."""
        if self.controller.workspace is None:
            self._ended(lambda: tr("Open a project to analyse it."))
        else:
            self._ended()
        self._show_error("")
        self._check_labs()

    def _check_labs(self, *_args: object) -> None:
        """Say before a run when no facility of the current scenario can do the chosen test."""
        try:
            settings = self.settings()
        except CcgeoError:
            return  # the settings error is shown instead
        problem = self.controller.no_lab_problem(settings)
        text = f"{problem[:1].upper()}{problem[1:]}." if problem else ""
        self.warning.setText(text)
        self.warning.setVisible(bool(text))

    def _failed(self, message: str) -> None:
        self._ended(lambda: tr("Failed."))
        self._show_error(message)

    def _show_error(self, message: str) -> None:
        self.error.setText(for_planner(message))
        self.error.setVisible(bool(message))

    def _show_stale(self, stale: bool, reason: str) -> None:
        ws = self.controller.workspace
        if ws is not None and not self._loading:
            self.show_settings(ws.settings)
        if self.controller.is_running:
            return
        if stale and not self.controller.can_run():
            self._set_state(
                lambda: tr(
                    "Nothing to analyse yet: import roads, population and facilities "
                    "(File ▸ Import)."
                )
            )
            self.state.setStyleSheet("")
        elif stale:
            self._set_state(
                lambda: tr("⚠ Results are out of date: {reason}. Press Run (F5).").format(
                    reason=tr(reason)
                )
            )
            self.state.setStyleSheet("color: #E65100; font-weight: bold;")
        else:
            self.state.setStyleSheet("")


def install(window: MainWindow) -> None:
    """Add the analysis, results and scenarios docks, the Place hub tool, Undo/Redo and Run."""
    from ccgeo.gui.panels.results import ResultsPanel
    from ccgeo.gui.panels.scenarios import ScenariosPanel

    controller = AnalysisController(window)
    window.analysis = controller  # type: ignore[attr-defined]
    panel = AnalysisPanel(controller)
    results = ResultsPanel(controller)
    scenarios = ScenariosPanel(controller)
    window.add_dock("analysis", tr("Analysis"), panel)
    window.add_dock("results", tr("Results"), results)
    window.add_dock("scenarios", tr("Scenarios"), scenarios, tabify_with="analysis")
    window.docks["analysis"].raise_()
    window.resizeDocks(
        [window.docks["analysis"], window.docks["results"]], [360, 360], Qt.Orientation.Vertical
    )

    canvas = window.canvas
    canvas.add_tool(TOOL_NAME, controller.tool)
    canvas.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    canvas.customContextMenuRequested.connect(
        lambda pos: show_context_menu(controller, canvas, pos)
    )

    act_run, act_cancel, act_place, act_reset = _analysis_actions(window, controller, panel)
    act_undo = history_action(window, controller.undo_stack, redo=False)
    act_undo.setShortcuts([QKeySequence(key) for key in UNDO_KEYS])
    act_undo.setToolTip(tr("Undo the last edit: what-if, layer or facility attribute (Ctrl+Z)"))
    act_undo.setIcon(window.style().standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
    act_redo = history_action(window, controller.undo_stack, redo=True)
    act_redo.setShortcuts([QKeySequence(key) for key in REDO_KEYS])
    act_redo.setToolTip(tr("Redo the edit undone last (Ctrl+Shift+Z or Ctrl+Y)"))
    act_redo.setIcon(window.style().standardIcon(QStyle.StandardPixmap.SP_ArrowForward))
    for action in (act_run, act_cancel, act_place, act_undo, act_redo, act_reset):
        action.setStatusTip(action.toolTip())
    window.act_run_analysis = act_run  # type: ignore[attr-defined]
    window.act_place_hub = act_place  # type: ignore[attr-defined]
    window.act_undo = act_undo  # type: ignore[attr-defined]
    window.act_redo = act_redo  # type: ignore[attr-defined]

    edit = window.menus["edit"]
    edit.addActions([act_undo, act_redo])
    analysis = window.menus["analysis"]
    analysis.addActions([act_run, act_cancel])
    analysis.addSeparator()
    analysis.addActions([act_place, act_reset])
    main_bar = window.findChild(QToolBar, "main_toolbar")
    if main_bar is not None:
        main_bar.addSeparator()
        main_bar.addActions([act_run, act_place, act_undo, act_redo])

    window.projectLoaded.connect(controller.set_project)
    window.projectLoaded.connect(lambda project: panel.show_settings(settings_of(project)))
    facilities_edited_signal(window).connect(
        lambda *_: controller.mark_stale(QT_TR_NOOP("a facility was edited"), rerun=True)
    )


def _analysis_actions(
    window: MainWindow, controller: AnalysisController, panel: AnalysisPanel
) -> tuple[QAction, QAction, QAction, QAction]:
    """Analysis ▸ Run analysis, Cancel analysis, Place hub and Reset what-if."""
    canvas = window.canvas
    act_run = QAction(
        window.style().standardIcon(QStyle.StandardPixmap.SP_MediaPlay),
        tr("&Run analysis"),
        window,
    )
    act_run.setShortcut(QKeySequence("F5"))
    act_run.setToolTip(tr("Run the access analysis with the settings of the Analysis panel (F5)"))
    act_run.triggered.connect(panel.run)
    act_cancel = QAction(tr("&Cancel analysis"), window)
    act_cancel.setShortcut(QKeySequence("Ctrl+."))
    act_cancel.setToolTip(tr("Stop the analysis under way (Ctrl+.)"))
    act_cancel.triggered.connect(controller.cancel)
    act_place = QAction(hub_icon(), tr("&Place hub"), window)
    act_place.setCheckable(True)
    act_place.setShortcut(QKeySequence("H"))
    act_place.setToolTip(
        tr(
            "Click on the map to place a candidate hub, drag one to move it, right-click to "
            "remove it (H)"
        )
    )
    act_place.triggered.connect(lambda checked: canvas.set_tool(TOOL_NAME if checked else "pan"))
    window.tool_group.addAction(act_place)
    canvas.toolChanged.connect(lambda tool: act_place.setChecked(tool == TOOL_NAME))
    act_reset = QAction(tr("Reset &what-if"), window)
    act_reset.setToolTip(tr("Remove every candidate hub, upgrade and closure (undoable)"))
    act_reset.triggered.connect(controller_reset(controller))
    return act_run, act_cancel, act_place, act_reset


def history_action(window: QWidget, stack: QUndoStack, *, redo: bool) -> QAction:
    """Edit ▸ Undo (or Redo) of ``stack``: a `HistoryAction`."""
    return HistoryAction(window, stack, redo=redo)


class HistoryAction(QAction):
    """Undo (or Redo) of an undo stack, named after the edit it undoes (redoes) in the language
    of the moment, as `QUndoStack.createUndoAction` does in the language of its creation."""

    def __init__(self, parent: QWidget, stack: QUndoStack, *, redo: bool) -> None:
        super().__init__(parent)
        self.redo = redo
        #: The text of the edit the action undoes (redoes); "" when there is none.
        self.edit = stack.redoText() if redo else stack.undoText()
        self.setEnabled(stack.canRedo() if redo else stack.canUndo())
        if redo:
            stack.canRedoChanged.connect(self.setEnabled)
            stack.redoTextChanged.connect(self.edit_changed)
            self.triggered.connect(stack.redo)
        else:
            stack.canUndoChanged.connect(self.setEnabled)
            stack.undoTextChanged.connect(self.edit_changed)
            self.triggered.connect(stack.undo)
        notifier().changed.connect(self.write)
        self.write()

    def edit_changed(self, edit: str) -> None:
        """Another edit is on top of the stack (``edit``: its text)."""
        self.edit = edit
        self.write()

    def write(self) -> None:
        """Name the action after the edit on top of the stack, in the app's language."""
        if self.redo:
            text = tr("&Redo {edit}").format(edit=self.edit) if self.edit else tr("&Redo")
        else:
            text = tr("&Undo {edit}").format(edit=self.edit) if self.edit else tr("&Undo")
        self.setText(text)


def controller_reset(controller: AnalysisController) -> Callable[[], None]:
    """The slot of Analysis ▸ Reset what-if: one undoable step back to the baseline."""

    def reset() -> None:
        ws = controller.workspace
        if ws is None or ws.baseline is None or not ws.has_edits:
            return
        controller.push(
            apply_scenario_command(controller, Scenario("baseline"), text=tr("Reset what-if"))
        )

    return reset
