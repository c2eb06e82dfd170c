"""The planning docks: site new hubs and plan the sample referral. The controller runs both
tasks in workers, keeps their results and map layers, and turns a siting proposal into an
undoable what-if scenario; the docks are `ccgeo.gui.panels.siting` and
`ccgeo.gui.panels.referral`.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

import geopandas as gpd
import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence

from ccgeo.errors import InputError
from ccgeo.gui.language import tr
from ccgeo.gui.panels.referral import ReferralPanel
from ccgeo.gui.panels.siting import SitingPanel, proposal_scenario
from ccgeo.gui.wording import test_name
from ccgeo.model.scenario import Hub, Scenario
from ccgeo.model.settings import AccessSettings, LabSettings, ReferralSettings, SitingSettings
from ccgeo.project import SavedPlan
from ccgeo.render.layers import MapLayer, padded
from ccgeo.render.planning_layers import ProposedHubsLayer, ReferralLayer
from ccgeo.tasks.referral import run_referral
from ccgeo.tasks.settings import resolve, store_settings
from ccgeo.tasks.siting import run_siting
from ccgeo.tasks.whatif import settings_of

if TYPE_CHECKING:
    from ccgeo.gui.main_window import MainWindow
    from ccgeo.gui.panels.analysis import AnalysisController
    from ccgeo.gui.workers import Worker
    from ccgeo.model.referral import ReferralResult
    from ccgeo.model.siting import SitingResult
    from ccgeo.project import Project

log = logging.getLogger(__name__)

SPOKE_BOX_M = 1_500.0


class PlanningController(QObject):
    """Runs siting and referral in workers, keeps their results and map layers.

    Signals
    -------
    sitingStarted(), sitingFinished(result), sitingEnded(message)
        ``sitingEnded`` follows a cancel (``"Cancelled"``) or a failure (the error text).
    referralStarted(), referralFinished(result), referralEnded(message)
    sitingRestored(plan, stale), referralRestored(plan, stale)
        A plan saved with the project that was opened is shown again (a `SavedPlan`);
        ``stale`` when the project's data changed since it was made.
    """

    sitingStarted = Signal()  # noqa: N815 - Qt signal naming
    sitingFinished = Signal(object)  # noqa: N815
    sitingEnded = Signal(str)  # noqa: N815
    referralStarted = Signal()  # noqa: N815
    referralFinished = Signal(object)  # noqa: N815
    referralEnded = Signal(str)  # noqa: N815
    sitingRestored = Signal(object, bool)  # noqa: N815
    referralRestored = Signal(object, bool)  # noqa: N815

    def __init__(self, window: MainWindow, analysis: AnalysisController) -> None:
        super().__init__(window)
        self.window = window
        self.analysis = analysis
        self.siting_result: SitingResult | None = None
        #: The settings the siting result was computed with.
        self.siting_settings: SitingSettings | None = None
        #: The what-if edits the siting and the referral counted (None: none).
        self.siting_scenario: Scenario | None = None
        self.referral_scenario: Scenario | None = None
        self.referral_result: ReferralResult | None = None
        self.hubs_layer: ProposedHubsLayer | None = None
        self.referral_layer: ReferralLayer | None = None
        self.siting_worker: Worker | None = None
        self.referral_worker: Worker | None = None
        window.projectLoaded.connect(self._project_loaded)
        window.projectClosed.connect(self._forget_plans)

    def settings(self) -> AccessSettings:
        """The access settings now (those the next run of the Analysis panel uses)."""
        ws = self.analysis.workspace
        if ws is not None:
            return ws.settings
        project = self.window.project
        return settings_of(project) if project is not None else AccessSettings()

    def stored_siting(self) -> SitingSettings:
        """The project's saved siting settings (else the defaults)."""
        return resolve(SitingSettings, project=self.window.project).settings

    def stored_referral(self) -> ReferralSettings:
        """The project's saved referral settings (else the defaults, with the analysis' values
        every analysis shares)."""
        return resolve(ReferralSettings, project=self.window.project).settings

    def user_sites(self) -> tuple[Hub, ...]:
        """The candidate hubs placed on the map in the what-if."""
        ws = self.analysis.workspace
        return ws.hubs if ws is not None else ()

    def _project_loaded(self, project: Project) -> None:
        self._forget_plans()
        self._restore_plans(project)

    def _forget_plans(self) -> None:
        """Show no plan (another project, or none): runs under way stop, no map layers."""
        for worker in (self.siting_worker, self.referral_worker):
            if worker is not None:
                worker.cancel()
        self.siting_result = self.siting_settings = self.referral_result = None
        self.siting_scenario = self.referral_scenario = None
        self.hubs_layer = self.referral_layer = None  # the canvas got fresh layers

    def _restore_plans(self, project: Project) -> None:
        """Show the plans saved with ``project``, with their map layers; a plan whose settings
        this ccgeo cannot read is left out (the log says why)."""
        if not project.plans:
            return
        digest = project.data_digest()
        for kind in ("siting", "referral"):
            plan = project.plans.get(kind)
            if plan is None:
                continue
            try:
                if kind == "siting":
                    settings = SitingSettings.from_dict(plan.settings)
                    self._siting_shown(plan.result, settings, plan.scenario)  # type: ignore[arg-type]
                else:
                    self._referral_shown(plan.result, plan.scenario)  # type: ignore[arg-type]
            except InputError as exc:
                log.warning("the saved %s plan is not shown: %s", kind, exc)
                continue
            signal = self.sitingRestored if kind == "siting" else self.referralRestored
            signal.emit(plan, plan.data_digest != digest)

    def _plan_keeper(
        self, project: Project, settings: LabSettings, scenario: Scenario | None
    ) -> Callable[[SitingResult | ReferralResult], None]:
        """What keeps the plan of a run starting now in ``project`` (saved with it), with the
        settings, the what-if edits and the digest of the data it is made from."""
        made_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        digest = project.data_digest()

        def keep(result: SitingResult | ReferralResult) -> None:
            plan = SavedPlan(result, settings.to_dict(), scenario, made_at, digest)
            project.plans[plan.kind] = plan
            if project is self.window.project:
                self.window.set_modified(True)

        return keep

    # -- running -------------------------------------------------------------------------------

    def run_siting(
        self,
        settings: SitingSettings,
        *,
        on_progress: Callable[[float, str], None] | None = None,
    ) -> Worker | None:
        """Site hubs in a worker (status bar progress and Cancel); the settings are kept in the
        project as those of its last siting run."""
        project = self.window.project
        if project is None:
            return None
        self.cancel_siting()
        store_settings(project, settings)
        self.window.set_modified(True)
        # the existing labs as the live what-if has them; its hubs stay open, unless they are
        # the candidate sites ("points placed on the map")
        analysed, scenario = self.analysis.whatif_project(hubs="user" not in settings.sources)
        keep = self._plan_keeper(project, settings, scenario)
        worker = self.window.run_task(
            partial(run_siting, user_sites=self.user_sites()),
            analysed,
            settings,
            text=tr("Siting new {test} hubs…").format(test=test_name(settings.capability)),
            on_done=lambda result: self._siting_done(worker, settings, result, scenario, keep),
            on_failed=lambda message: self._siting_ended(worker, message),
            on_cancelled=lambda: self._siting_ended(worker, "Cancelled"),  # a word, not shown
            on_progress=on_progress,
        )
        self.siting_worker = worker
        self.sitingStarted.emit()
        return worker

    def cancel_siting(self) -> None:
        """Stop the siting run under way, if any."""
        if self.siting_worker is not None:
            self.siting_worker.cancel()

    def _siting_ended(self, worker: Worker, message: str) -> None:
        if worker is self.siting_worker:
            self.siting_worker = None
            self.sitingEnded.emit(message)

    def _siting_done(
        self,
        worker: Worker,
        settings: SitingSettings,
        result: SitingResult,
        scenario: Scenario | None,
        keep: Callable[[SitingResult], None],
    ) -> None:
        if worker is not self.siting_worker:
            return  # a newer run, or another project
        self.siting_worker = None
        keep(result)
        self._siting_shown(result, settings, scenario)
        self.sitingFinished.emit(result)

    def _siting_shown(
        self, result: SitingResult, settings: SitingSettings, scenario: Scenario | None
    ) -> None:
        """Make ``result`` the proposal shown, its hubs on the map."""
        self.siting_result = result
        self.siting_settings = settings
        self.siting_scenario = scenario
        crs = self.window.canvas.crs
        if crs is not None:
            if self.hubs_layer is None:
                self.hubs_layer = ProposedHubsLayer(result.hubs, crs)
            else:
                self.hubs_layer.set_hubs(result.hubs)
            self._place_layer(self.hubs_layer)

    def run_referral(
        self,
        settings: ReferralSettings,
        proposed: gpd.GeoDataFrame | None = None,
        *,
        on_progress: Callable[[float, str], None] | None = None,
    ) -> Worker | None:
        """Plan the referral in a worker; the settings are kept in the project."""
        project = self.window.project
        if project is None:
            return None
        self.cancel_referral()
        store_settings(project, settings)
        self.window.set_modified(True)
        analysed, scenario = self.analysis.whatif_project()  # the what-if's hubs are hub labs
        keep = self._plan_keeper(project, settings, scenario)
        worker = self.window.run_task(
            partial(run_referral, proposed_hubs=proposed),
            analysed,
            settings,
            text=tr("Planning the {test} sample referral…").format(
                test=test_name(settings.capability)
            ),
            on_done=lambda result: self._referral_done(worker, result, scenario, keep),
            on_failed=lambda message: self._referral_ended(worker, message),
            on_cancelled=lambda: self._referral_ended(worker, "Cancelled"),
            on_progress=on_progress,
        )
        self.referral_worker = worker
        self.referralStarted.emit()
        return worker

    def cancel_referral(self) -> None:
        """Stop the referral run under way, if any."""
        if self.referral_worker is not None:
            self.referral_worker.cancel()

    def _referral_ended(self, worker: Worker, message: str) -> None:
        if worker is self.referral_worker:
            self.referral_worker = None
            self.referralEnded.emit(message)

    def _referral_done(
        self,
        worker: Worker,
        result: ReferralResult,
        scenario: Scenario | None,
        keep: Callable[[ReferralResult], None],
    ) -> None:
        if worker is not self.referral_worker:
            return
        self.referral_worker = None
        keep(result)
        self._referral_shown(result, scenario)
        self.referralFinished.emit(result)

    def _referral_shown(self, result: ReferralResult, scenario: Scenario | None) -> None:
        """Make ``result`` the referral plan shown, its routes and loops on the map."""
        self.referral_result = result
        self.referral_scenario = scenario
        crs = self.window.canvas.crs
        if crs is not None:
            if self.referral_layer is None:
                self.referral_layer = ReferralLayer(result.routes, result.loops, crs)
            else:
                self.referral_layer.set_plan(result.routes, result.loops)
            self._place_layer(self.referral_layer)

    def _place_layer(self, layer: MapLayer) -> None:
        """Put ``layer`` on the map once: routes under the facility symbols, proposed hubs on
        top of them (under the what-if hubs the planner drags)."""
        canvas = self.window.canvas
        crs = canvas.crs
        if crs is None:
            return
        layers = [item for item in canvas.layers if item is not layer]
        kinds = [item.kind for item in layers]
        if layer.kind == "referral":
            at = kinds.index("facilities") if "facilities" in kinds else len(layers)
        else:
            at = kinds.index("whatif") if "whatif" in kinds else len(layers)
        layers.insert(at, layer)
        canvas.set_layers(layers, crs, zoom_to_full=False)

    # -- the proposal as a scenario ------------------------------------------------------------

    def make_scenario(self, name: str, description: str = "") -> Scenario:
        """Replace the what-if edits by the proposal, added to the what-if edits the siting
        counted (one undoable step, or after a run when the settings differ), and keep it as a
        named scenario in the project.

        Raises
        ------
        InputError
            Without a proposal, with an empty name, or a proposal of no hub.
        """
        result, settings = self.siting_result, self.siting_settings
        if result is None or settings is None:
            msg = tr("there is no proposal yet: run the siting first")
            raise InputError(msg)
        # the analysis as the siting saw it: its test, quality, travel and snapping
        shared = {k: v for k, v in settings.to_dict().items() if k in LabSettings.SHARED_KEYS}
        access = self.settings().updated(shared)
        scenario = proposal_scenario(
            result, access, name=name, description=description, keep=self.siting_scenario
        )
        ws = self.analysis.require_workspace()
        self.analysis.apply_scenario(scenario)
        scenarios = ws.project.scenarios
        same = [i for i, s in enumerate(scenarios) if s.name == scenario.name]
        if same:
            scenarios[same[0]] = scenario
        else:
            scenarios.append(scenario)
        self.window.set_modified(True)
        dock = self.window.docks.get("scenarios")
        if dock is not None and hasattr(dock.widget(), "refresh"):
            dock.widget().refresh()
        return scenario

    # -- navigation ----------------------------------------------------------------------------

    def zoom_to_hub(self, rank: int) -> None:
        """Centre the map on proposed hub ``rank`` and ring it."""
        layer = self.hubs_layer
        xy = layer.hub_xy(rank) if layer is not None else None
        if layer is None or xy is None:
            return
        half = SPOKE_BOX_M
        self.window.canvas.zoom_to_extent((xy[0] - half, xy[1] - half, xy[0] + half, xy[1] + half))
        layer.highlight(rank)

    def zoom_to_spoke(self, facility_id: str) -> None:
        """Frame the route of spoke ``facility_id`` (or the spoke itself without a route)."""
        layer = self.referral_layer
        if layer is None:
            return
        extent = layer.route_extent(facility_id)
        if extent is None:
            extent = self._facility_box(facility_id)
        if extent is not None:
            span = max(extent[2] - extent[0], extent[3] - extent[1], 500.0)
            self.window.canvas.zoom_to_extent(padded(extent, 0.2 * span))
        layer.highlight(facility_id)

    def _facility_box(self, facility_id: str) -> tuple[float, float, float, float] | None:
        from ccgeo.geo import project_lonlat

        project, crs = self.window.project, self.window.canvas.crs
        if project is None or project.facilities is None or crs is None:
            return None
        gdf = project.facilities.gdf
        rows = gdf[gdf["facility_id"].astype(str) == str(facility_id)]
        if rows.empty:
            return None
        x, y = project_lonlat(np.array([rows.geometry.x.iloc[0], rows.geometry.y.iloc[0]]), crs)[0]
        half = SPOKE_BOX_M / 2
        return (float(x - half), float(y - half), float(x + half), float(y + half))


def install(window: MainWindow) -> None:
    """Add the siting and referral docks (tabbed with the results) and their menu entries."""
    analysis: AnalysisController | None = getattr(window, "analysis", None)
    if analysis is None:
        msg = "the planning panels need the analysis panel; install it first"
        raise RuntimeError(msg)
    planning = PlanningController(window, analysis)
    window.planning = planning  # type: ignore[attr-defined]
    siting = SitingPanel(planning)
    referral = ReferralPanel(planning)
    anchor = "results" if "results" in window.docks else None
    # short titles: the four docks share the place under the Analysis panel, as tabs
    window.add_dock("siting", tr("New hubs", "panel"), siting, tabify_with=anchor)
    window.add_dock("referral", tr("Referral", "panel"), referral, tabify_with=anchor)
    if anchor is not None:
        window.docks[anchor].raise_()

    def show(key: str) -> None:
        dock = window.docks[key]
        dock.show()
        dock.raise_()

    act_site = QAction(tr("&Site new hubs…"), window)
    act_site.setShortcut(QKeySequence("F7"))
    act_site.setToolTip(
        tr("Choose new testing hubs: most people covered, least travel time or fewest hubs (F7)")
    )
    act_site.triggered.connect(lambda: show("siting"))
    act_referral = QAction(tr("Sample re&ferral…"), window)
    act_referral.setShortcut(QKeySequence("F8"))
    act_referral.setToolTip(
        tr("Plan how specimens travel from biopsy sites to hub labs by courier (F8)")
    )
    act_referral.triggered.connect(lambda: show("referral"))
    for action in (act_site, act_referral):
        action.setStatusTip(action.toolTip())
    menu = window.menus["analysis"]
    menu.addSeparator()
    menu.addActions([act_site, act_referral])
    window.act_site_hubs = act_site  # type: ignore[attr-defined]
    window.act_referral = act_referral  # type: ignore[attr-defined]
