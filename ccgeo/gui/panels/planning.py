"""The planning docks: site new hubs (MCLP, p-median, LSCP) and plan the sample referral, with
their map layers and a button that turns a siting proposal into an undoable what-if scenario.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import geopandas as gpd
import numpy as np
from PySide6.QtCore import QObject, Qt, QTime, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ccgeo.analysis.access import CITY_ID
from ccgeo.analysis.referral import ReferralParameters, ReferralResult, load_referral_parameters
from ccgeo.analysis.scenario import (
    ANY_CAPABILITY,
    AnalysisSettings,
    Hub,
    network_for,
    settings_of,
)
from ccgeo.analysis.siting import (
    DEFAULT_GRID_SPACING_M,
    SitingResult,
    candidates_from_points,
    site_hubs,
)
from ccgeo.errors import CcgeoError, InputError, check_cancel
from ccgeo.gui.charts import BarChart
from ccgeo.gui.panels.analysis import MODE_LABELS, QUALITY_LABELS
from ccgeo.gui.panels.results import number_item, optional_number, share_text, text_item
from ccgeo.gui.workers import Worker
from ccgeo.model.profile import ACCESS_MODES
from ccgeo.model.scenario import Scenario
from ccgeo.model.schema import QUALITY_FILTERS
from ccgeo.progress import ProgressCallback, scaled_progress
from ccgeo.render.layers import MapLayer, padded
from ccgeo.render.planning_layers import ProposedHubsLayer, ReferralLayer

if TYPE_CHECKING:
    from ccgeo.gui.main_window import MainWindow
    from ccgeo.gui.panels.analysis import AnalysisController
    from ccgeo.project import Project

MODEL_LABELS = {
    "mclp": "Most people covered (MCLP)",
    "pmedian": "Least travel time (p-median)",
    "lscp": "Fewest hubs for a target share (LSCP)",
}
MODEL_TIPS = {
    "mclp": "Choose N new hubs that bring the most people within the time limit",
    "pmedian": "Choose N new hubs that cut the population-weighted travel time the most",
    "lscp": "Choose the fewest new hubs that bring the target share within the time limit",
}
KIND_LABELS = {"upgrade": "upgrade", "grid": "new site (grid)", "user": "new site (placed)"}
HUB_HEADERS = ("Rank", "What it adds", "Share after", "Site", "Kind")
DISTRICT_HEADERS = ("District", "People", "Covered before", "Covered after", "Gained")
SPOKE_HEADERS = (
    "Spoke",
    "Hub",
    "Sample trip (min)",
    "Pick-up",
    "Sample to result (working days)",
    "Patient trip (min)",
    "Patient − sample (min)",
    "Meets target",
    "Problem",
)
HUB_WORKLOAD_HEADERS = (
    "Hub",
    "Proposed",
    "Spokes served",
    "Couriers needed",
    "Tests/year",
    "Capacity/year",
    "Utilisation",
)
#: A spoke without a route is framed in a box this wide around it, metres.
SPOKE_BOX_M = 1_500.0


# -- the work (no Qt: run in a worker thread) ----------------------------------------------------


def _require_layers(project: Project, need: tuple[str, ...]) -> None:
    labels = {
        "roads": ("roads (File ▸ Import ▸ Roads)", project.roads),
        "demand": ("population (File ▸ Import ▸ Population)", project.demand),
        "facilities": ("facilities (File ▸ Import ▸ Facilities)", project.facilities),
    }
    missing = [labels[k][0] for k in need if labels[k][1] is None]
    if missing:
        msg = f"planning needs {', '.join(missing)}; import them first"
        raise InputError(msg)


@dataclass(frozen=True)
class SitingRequest:
    """What the siting panel asks for (captured in the GUI thread, read in the worker).

    Attributes
    ----------
    settings
        The analysis settings: capability, quality, travel mode, traffic, snapping.
    model
        ``"mclp"``, ``"pmedian"`` or ``"lscp"``.
    hubs
        Number of new hubs (MCLP, p-median).
    minutes
        Coverage limit, minutes, inclusive.
    target_share
        LSCP target, 0..1.
    sources
        Candidate kinds among ``"upgrade"``, ``"grid"``, ``"user"``.
    grid_spacing_m
        Spacing of grid candidates, metres.
    user_sites
        The what-if hubs placed on the map (candidates of kind ``"user"``).
    """

    settings: AnalysisSettings
    model: str = "mclp"
    hubs: int = 3
    minutes: float = 60.0
    target_share: float = 0.8
    sources: tuple[str, ...] = ("upgrade",)
    grid_spacing_m: float = DEFAULT_GRID_SPACING_M
    user_sites: tuple[Hub, ...] = ()


def run_siting(
    project: Project,
    request: SitingRequest,
    *,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> SitingResult:
    """`ccgeo.analysis.siting.site_hubs` on the project's network of the request's settings.

    Raises
    ------
    InputError
        A layer is missing, no candidate source is chosen, "points placed on the map" is chosen
        with none placed, the capability is "any", or `site_hubs` refuses the request.
    Cancelled
        If ``cancel`` is set.
    """
    _require_layers(project, ("roads", "demand", "facilities"))
    settings = request.settings
    if settings.capability == ANY_CAPABILITY:
        msg = (
            "siting needs a test to site hubs for; choose one (PCR, IHC, …) in the Analysis "
            "panel instead of 'any'"
        )
        raise InputError(msg)
    if not request.sources:
        msg = (
            "no candidate sites chosen: tick 'upgrade existing facilities', 'grid over "
            "underserved areas' or 'points placed on the map'"
        )
        raise InputError(msg)
    candidates: list[str | gpd.GeoDataFrame] = [s for s in request.sources if s != "user"]
    if "user" in request.sources:
        if not request.user_sites:
            msg = (
                "'points placed on the map' is ticked but no candidate hub is placed: place "
                "some with Analysis ▸ Place hub (H), or untick it"
            )
            raise InputError(msg)
        sites = request.user_sites
        candidates.append(
            candidates_from_points(
                np.array([[h.lon, h.lat] for h in sites]),
                [h.hub_id for h in sites],
                names=[h.name for h in sites],
            )
        )
    net = network_for(
        project, settings, progress=scaled_progress(progress, 0.0, 0.1), cancel=cancel
    )
    check_cancel(cancel)
    return site_hubs(
        net,
        project.demand,
        project.facilities,
        capability=settings.capability,
        quality=settings.quality,
        model=request.model,
        hubs=request.hubs,
        minutes=request.minutes,
        target_share=request.target_share if request.model == "lscp" else None,
        candidates=tuple(candidates),
        grid_spacing_m=request.grid_spacing_m,
        districts=project.districts,
        max_snap_m=settings.max_snap_m,
        walk_kmh=settings.walk_kmh,
        progress=scaled_progress(progress, 0.1, 1.0),
        cancel=cancel,
    )


def proposal_scenario(
    result: SitingResult, settings: AnalysisSettings, *, name: str, description: str = ""
) -> Scenario:
    """The siting proposal as a what-if `Scenario`: new sites as hubs, upgrades as upgrades.

    The scenario's settings are ``settings`` with the siting limit added to the thresholds, so
    that applying it shows the proposal's gain within that limit.

    Raises
    ------
    InputError
        If the name is empty or the proposal has no hub.
    """
    name = str(name).strip()
    if not name:
        msg = "a scenario needs a name, such as 'Three new PCR hubs'"
        raise InputError(msg)
    if len(result.hubs) == 0:
        msg = "the proposal has no hub (the existing labs already meet the target): nothing to add"
        raise InputError(msg)
    cap = settings.capability
    added: list[dict[str, Any]] = []
    upgrades: dict[str, tuple[str, ...]] = {}
    for row in result.hubs.itertuples(index=False):
        if row.kind == "upgrade":
            upgrades[str(row.candidate_id)] = (cap,)
            continue
        geom = row.geometry
        if geom is None or geom.is_empty:
            msg = f"proposed hub {row.rank} ({row.name}) has no position; run the siting again"
            raise InputError(msg)
        label = str(row.name) if row.kind == "user" else f"Proposed hub {int(row.rank)}"
        added.append(
            {
                "hub_id": f"hub-{len(added) + 1}",
                "lon": float(geom.x),
                "lat": float(geom.y),
                "name": label,
                "capabilities": [cap],
            }
        )
    minutes = float(result.settings.get("minutes", settings.underserved_minutes))
    thresholds = tuple(sorted({*settings.thresholds_minutes, minutes}))
    return Scenario(
        name=name,
        description=description or proposal_description(result),
        added_hubs=tuple(added),
        upgrades=upgrades,
        settings=replace(settings, thresholds_minutes=thresholds).to_dict(),
    )


def proposal_description(result: SitingResult) -> str:
    """One line: model, hubs and what they add, for a scenario's description."""
    model = MODEL_LABELS.get(result.model, result.model)
    return f"{model}: " + "; ".join(result.summary_lines())


def gain_text(result: SitingResult, gain: float) -> str:
    """A hub's marginal gain in words: ``"adds 212,000 people within 60 min"``."""
    if result.model == "pmedian":
        total = max(float(result.totals.get("weight_total", 0.0)), 1e-12)
        return f"cuts the mean trip by {gain / total / 60.0:.2f} min"
    unit = result.settings.get("weight_unit", "people")
    return f"adds {gain:,.0f} {unit} within {float(result.settings.get('minutes', 0)):g} min"


def solver_text(result: SitingResult) -> str:
    """The solver line: method, status, gap and times."""
    method = {"highs-milp": "exact MILP (HiGHS)", "greedy-celf": "lazy greedy with a bound"}.get(
        result.solver, result.solver
    )
    status = {
        "optimal": "proven optimal",
        "time_limit": "stopped at the time limit",
        "heuristic": "heuristic",
    }.get(result.status, result.status)
    gap = "" if result.status == "optimal" else f", within {100 * result.gap:.2f} % of the optimum"
    return (
        f"Solver: {method}, {status}{gap}; {result.seconds:.1f} s "
        f"(+ {result.build_seconds:.1f} s for the travel times)"
    )


@dataclass(frozen=True)
class ReferralRequest:
    """What the referral panel asks for.

    Attributes
    ----------
    settings
        The analysis settings: the patients' travel mode, traffic.
    capability, quality
        The test referred and the quality filter of the hub labs.
    params
        Courier and turnaround parameters (courier mode included).
    proposed
        Proposed hubs added to the existing ones (`proposed_hub_points`), or None.
    """

    settings: AnalysisSettings
    capability: str
    quality: str
    params: ReferralParameters
    proposed: gpd.GeoDataFrame | None = None


def run_referral(
    project: Project,
    request: ReferralRequest,
    *,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> ReferralResult:
    """`ccgeo.analysis.referral.plan_referral`: couriers on the network of their mode, patients
    on the analysis mode, both with the analysis' traffic factor.

    Raises
    ------
    InputError
        A layer is missing, or `plan_referral` refuses the request.
    Cancelled
        If ``cancel`` is set.
    """
    from ccgeo.analysis.referral import plan_referral

    _require_layers(project, ("roads", "facilities"))
    courier = replace(request.settings, mode=request.params.courier_mode)
    courier_net = network_for(
        project, courier, progress=scaled_progress(progress, 0.0, 0.05), cancel=cancel
    )
    patient_net = network_for(
        project, request.settings, progress=scaled_progress(progress, 0.05, 0.1), cancel=cancel
    )
    return plan_referral(
        courier_net,
        project.facilities,
        capability=request.capability,
        quality=request.quality,
        proposed_hubs=request.proposed,
        params=request.params,
        patient_mode_net=patient_net,
        demand=project.demand,
        progress=scaled_progress(progress, 0.1, 1.0),
        cancel=cancel,
    )


def proposed_hub_points(result: SitingResult) -> gpd.GeoDataFrame:
    """The proposal's hubs as referral hub points: ``facility_id`` (the candidate id, so an
    upgraded facility stops being a spoke), ``name``, ``capacity_tests_per_year``, geometry."""
    hubs = result.hubs
    placed = hubs[hubs.geometry.notna() & ~hubs.geometry.is_empty] if len(hubs) else hubs
    return gpd.GeoDataFrame(
        {
            "facility_id": placed["candidate_id"].astype(str).to_numpy(dtype=object),
            "name": placed["name"].astype(str).to_numpy(dtype=object),
            "capacity_tests_per_year": placed["capacity_tests_per_year"].to_numpy(dtype=float),
        },
        geometry=placed.geometry.to_numpy(),
        crs="EPSG:4326",
    )


def courier_parameters(
    base: ReferralParameters,
    *,
    courier_mode: str,
    couriers_per_hub: int,
    shift_start_s: float,
    shift_end_s: float,
    latest_pickup_s: float,
) -> ReferralParameters:
    """``base`` with the courier settings of the panel (clock times in seconds after midnight).

    Raises
    ------
    InputError
        Unless shift start < latest pick-up ≤ shift end and there is at least one courier.
    """
    problems = []
    if couriers_per_hub < 1:
        problems.append(f"couriers per hub is {couriers_per_hub}: give at least 1")
    if not shift_start_s < latest_pickup_s <= shift_end_s:
        problems.append(
            f"the shift starts at {_clock(shift_start_s)}, the last pick-up is at "
            f"{_clock(latest_pickup_s)} and the shift ends at {_clock(shift_end_s)}: the last "
            "pick-up must come after the start and no later than the end"
        )
    if problems:
        raise InputError("courier settings: " + "; ".join(problems))
    return replace(
        base,
        courier_mode=courier_mode,
        couriers_per_hub=int(couriers_per_hub),
        shift_start_s=float(shift_start_s),
        shift_end_s=float(shift_end_s),
        latest_pickup_s=float(latest_pickup_s),
    )


def referral_summary_lines(result: ReferralResult) -> list[str]:
    """The plan in a few sentences: target met, frequency, trips, spokes not servable."""
    s = result.summary
    params = result.settings.get("parameters", {})
    target = params.get("target_working_days")
    rule = params.get("wait_rule", "worst")
    lines = []
    share = s.get("share_meeting_target")
    if share is not None:
        lines.append(
            f"{100 * share:.0f} % of {s['n_spokes']} spokes get a result within {target:g} "
            f"working days of the sample ({rule} case wait for the courier)"
        )
    freq = ", ".join(f"{n} {k}" for k, n in sorted(s.get("frequency", {}).items()) if k)
    lines.append(
        f"{s['n_servable']} spokes served by {s['n_hubs']} hubs in {s['n_loops']} courier loops"
        + (f" ({freq})" if freq else "")
        + f", couriers by {result.settings.get('courier_mode', '')}"
    )
    sample, patient = s.get("median_sample_minutes"), s.get("median_patient_minutes")
    if sample is not None and patient is not None:
        lines.append(
            f"Median trip to the hub: sample {sample:.0f} min by courier, patient {patient:.0f} "
            f"min by {result.settings.get('patient_mode', '')}"
        )
    saved = s.get("patient_hours_saved_per_year")
    if saved:
        lines.append(f"Patients' travel saved: {saved:,.0f} hours a year")
    if s["n_not_servable"]:
        lines.append(f"{s['n_not_servable']} spokes cannot be served:")
        lines.extend(
            f"  {item['facility_id']} {item['name']}: {item['reason']}"
            for item in s["not_servable"]
        )
    lines.extend(f"Note: {w}" for w in result.warnings)
    return lines


def _clock(seconds: float) -> str:
    minutes = round(seconds / 60.0)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _seconds(time: QTime) -> float:
    return float(time.hour() * 3600 + time.minute() * 60)


def _time(seconds: float) -> QTime:
    minutes = round(seconds / 60.0)
    return QTime(int(minutes // 60) % 24, int(minutes % 60))


def _minutes_item(value: float) -> QTableWidgetItem:
    """Minutes with no decimals; unreachable (inf, NaN) as text that sorts last."""
    if math.isfinite(value):
        return number_item(value, f"{value:,.0f}")
    return number_item(float("inf"), "no route")


# -- the controller ------------------------------------------------------------------------------


class PlanningController(QObject):
    """Runs siting and referral in workers, keeps their results and map layers.

    Signals
    -------
    sitingStarted(), sitingFinished(result), sitingEnded(message)
        ``sitingEnded`` follows a cancel (``"Cancelled"``) or a failure (the error text).
    referralStarted(), referralFinished(result), referralEnded(message)
    """

    sitingStarted = Signal()  # noqa: N815 - Qt signal naming
    sitingFinished = Signal(object)  # noqa: N815
    sitingEnded = Signal(str)  # noqa: N815
    referralStarted = Signal()  # noqa: N815
    referralFinished = Signal(object)  # noqa: N815
    referralEnded = Signal(str)  # noqa: N815

    def __init__(self, window: MainWindow, analysis: AnalysisController) -> None:
        super().__init__(window)
        self.window = window
        self.analysis = analysis
        self.siting_result: SitingResult | None = None
        #: The analysis settings the siting result was computed with.
        self.siting_settings: AnalysisSettings | None = None
        self.referral_result: ReferralResult | None = None
        self.hubs_layer: ProposedHubsLayer | None = None
        self.referral_layer: ReferralLayer | None = None
        self.siting_worker: Worker | None = None
        self.referral_worker: Worker | None = None
        window.projectLoaded.connect(self._project_loaded)

    def settings(self) -> AnalysisSettings:
        """The analysis settings now (those the next run of the Analysis panel uses)."""
        ws = self.analysis.workspace
        if ws is not None:
            return ws.settings
        project = self.window.project
        return settings_of(project) if project is not None else AnalysisSettings()

    def user_sites(self) -> tuple[Hub, ...]:
        """The candidate hubs placed on the map in the what-if."""
        ws = self.analysis.workspace
        return ws.hubs if ws is not None else ()

    def _project_loaded(self, _project: object) -> None:
        for worker in (self.siting_worker, self.referral_worker):
            if worker is not None:
                worker.cancel()
        self.siting_result = self.siting_settings = self.referral_result = None
        self.hubs_layer = self.referral_layer = None  # the canvas got fresh layers

    # -- running -------------------------------------------------------------------------------

    def run_siting(self, request: SitingRequest) -> Worker | None:
        """Site hubs in a worker (status bar progress and Cancel)."""
        project = self.window.project
        if project is None:
            return None
        self.cancel_siting()
        worker = self.window.run_task(
            run_siting,
            project,
            request,
            text=f"Siting new {request.settings.capability.upper()} hubs…",
            on_done=lambda result: self._siting_done(worker, request, result),
            on_failed=lambda message: self._siting_ended(worker, message),
            on_cancelled=lambda: self._siting_ended(worker, "Cancelled"),
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

    def _siting_done(self, worker: Worker, request: SitingRequest, result: SitingResult) -> None:
        if worker is not self.siting_worker:
            return  # a newer run, or another project
        self.siting_worker = None
        self.siting_result = result
        self.siting_settings = request.settings
        crs = self.window.canvas.crs
        if crs is not None:
            if self.hubs_layer is None:
                self.hubs_layer = ProposedHubsLayer(result.hubs, crs)
            else:
                self.hubs_layer.set_hubs(result.hubs)
            self._place_layer(self.hubs_layer)
        self.sitingFinished.emit(result)

    def run_referral(self, request: ReferralRequest) -> Worker | None:
        """Plan the referral in a worker."""
        project = self.window.project
        if project is None:
            return None
        self.cancel_referral()
        worker = self.window.run_task(
            run_referral,
            project,
            request,
            text=f"Planning the {request.capability.upper()} sample referral…",
            on_done=lambda result: self._referral_done(worker, result),
            on_failed=lambda message: self._referral_ended(worker, message),
            on_cancelled=lambda: self._referral_ended(worker, "Cancelled"),
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

    def _referral_done(self, worker: Worker, result: ReferralResult) -> None:
        if worker is not self.referral_worker:
            return
        self.referral_worker = None
        self.referral_result = result
        crs = self.window.canvas.crs
        if crs is not None:
            if self.referral_layer is None:
                self.referral_layer = ReferralLayer(result.routes, result.loops, crs)
            else:
                self.referral_layer.set_plan(result.routes, result.loops)
            self._place_layer(self.referral_layer)
        self.referralFinished.emit(result)

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
        """Replace the what-if edits by the proposal (one undoable step, or after a run when
        the settings differ) and keep it as a named scenario in the project.

        Raises
        ------
        InputError
            Without a proposal, with an empty name, or a proposal of no hub.
        """
        result, settings = self.siting_result, self.siting_settings
        if result is None or settings is None:
            msg = "there is no proposal yet: run the siting first"
            raise InputError(msg)
        scenario = proposal_scenario(result, settings, name=name, description=description)
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


# -- widgets -------------------------------------------------------------------------------------


def make_table(headers: tuple[str, ...], tip: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    # no sort column until the planner clicks a header: rows keep the result's order
    table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    table.setToolTip(tip)
    return table


def fill_table(table: QTableWidget, rows: list[list[QTableWidgetItem]]) -> None:
    table.setSortingEnabled(False)
    table.clearSelection()
    table.setRowCount(len(rows))
    for i, cells in enumerate(rows):
        for j, item in enumerate(cells):
            table.setItem(i, j, item)
    table.setSortingEnabled(True)


class RunBox(QWidget):
    """Run and Cancel buttons, a progress bar, a state line and an error line."""

    def __init__(self, run_text: str, run_tip: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.run_button = QPushButton(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MediaPlay), run_text
        )
        self.run_button.setToolTip(run_tip)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop the run under way")
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.state = QLabel("")
        self.state.setWordWrap(True)
        self.error = QLabel("")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #B71C1C;")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button, 1)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.state)
        layout.addWidget(self.error)

    def started(self, worker: Worker | None) -> None:
        """A run began: Cancel on, progress shown."""
        self.show_error("")
        if worker is None:
            return
        worker.signals.progress.connect(self._progress)
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.progress.show()
        self.state.setText("Running…")

    def ended(self, text: str, *, error: str = "") -> None:
        """A run ended (done, cancelled or failed)."""
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress.hide()
        self.state.setText(text)
        self.show_error(error)

    def show_error(self, message: str) -> None:
        """Show ``message`` in red (hidden when empty)."""
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def _progress(self, fraction: float, text: str) -> None:
        self.progress.setValue(round(1000 * fraction))
        if text:
            self.state.setText(text)


def stack_parts(panel: QWidget, parts: list[QWidget | QLayout]) -> None:
    """Lay ``parts`` out top to bottom in a scroll area filling ``panel``; the last part
    stretches (a dock too short for it all scrolls instead of squeezing the tables)."""
    content = QWidget()
    column = QVBoxLayout(content)
    for i, part in enumerate(parts):
        stretch = 1 if i == len(parts) - 1 else 0
        if isinstance(part, QLayout):
            column.addLayout(part, stretch)
        else:
            column.addWidget(part, stretch)
    for combo in content.findChildren(QComboBox):
        # long item texts must not widen the dock: the combo elides them instead
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
    area = _scrolled(content)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(area)


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area


class SitingPanel(QWidget):
    """Settings, Run/Cancel, and the results of a siting run: ranked hubs with their marginal
    gains, solver line, coverage curve, before/after by district, and "Make a scenario"."""

    def __init__(self, planning: PlanningController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.planning = planning
        self.analysis_line = QLabel("")
        self.analysis_line.setWordWrap(True)
        self.analysis_line.setToolTip(
            "Test, lab quality and travel mode come from the Analysis panel; existing labs "
            "stay open and count"
        )
        self.model = QComboBox()
        for key, label in MODEL_LABELS.items():
            self.model.addItem(label, key)
            self.model.setItemData(
                self.model.count() - 1, MODEL_TIPS[key], Qt.ItemDataRole.ToolTipRole
            )
        self.model.setToolTip("What the new hubs should achieve")
        self.hubs = QSpinBox()
        self.hubs.setRange(1, 50)
        self.hubs.setValue(3)
        self.hubs.setToolTip("Number of new hubs to choose (most people / least travel time)")
        self.minutes = QDoubleSpinBox()
        self.minutes.setRange(1.0, 600.0)
        self.minutes.setDecimals(0)
        self.minutes.setSuffix(" min")
        self.minutes.setValue(60.0)
        self.minutes.setToolTip("A person is covered within this travel time (inclusive)")
        self.target = QDoubleSpinBox()
        self.target.setRange(1.0, 100.0)
        self.target.setDecimals(0)
        self.target.setSuffix(" %")
        self.target.setValue(80.0)
        self.target.setToolTip("Share of all people to bring within the time (fewest hubs)")
        self.use_upgrade = QCheckBox("Upgrade existing facilities")
        self.use_upgrade.setChecked(True)
        self.use_upgrade.setToolTip("Facilities that cannot do the test yet may be upgraded")
        self.use_grid = QCheckBox("New sites on a grid over underserved areas")
        self.use_grid.setToolTip(
            "Candidate sites every so many metres where people live beyond the time limit"
        )
        self.spacing = QDoubleSpinBox()
        self.spacing.setRange(100.0, 20_000.0)
        self.spacing.setSingleStep(250.0)
        self.spacing.setDecimals(0)
        self.spacing.setSuffix(" m")
        self.spacing.setValue(DEFAULT_GRID_SPACING_M)
        self.spacing.setToolTip("Distance between grid sites, metres")
        self.use_user = QCheckBox("Points placed on the map")
        self.use_user.setToolTip(
            "The candidate hubs placed with Analysis ▸ Place hub (H) are candidates too"
        )
        self.runbox = RunBox("Site hubs", "Choose new hubs with these settings (F7)")

        self.summary = QLabel("No proposal yet.")
        self.summary.setWordWrap(True)
        bold = self.summary.font()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.15)
        self.summary.setFont(bold)
        self.solver = QLabel("")
        self.solver.setWordWrap(True)
        self.warnings = QLabel("")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #E65100;")
        self.warnings.hide()
        self.hub_table = make_table(
            HUB_HEADERS, "The proposed hubs in rank order: click one to show it on the map"
        )
        self.chart = BarChart()
        self.chart.setToolTip(
            "Share of people within the limit with 0 (today) to 10 new hubs, each the best set "
            "of that size"
        )
        self.district_table = make_table(
            DISTRICT_HEADERS, "People within the limit by district, before and after the proposal"
        )
        self.scenario_name = QLineEdit()
        self.scenario_name.setPlaceholderText("Name of the scenario")
        self.scenario_name.setToolTip("The scenario is kept under this name in the project")
        self.make_button = QPushButton("Make a scenario of this proposal")
        self.make_button.setToolTip(
            "Put the proposed hubs on the map as what-if edits (replacing the current ones; "
            "Ctrl+Z takes them back) and keep them as a named scenario"
        )
        self.make_button.setEnabled(False)
        self.message = QLabel("")
        self.message.setWordWrap(True)

        numbers = QHBoxLayout()
        numbers.addWidget(self.hubs)
        numbers.addWidget(QLabel("hubs within"))
        numbers.addWidget(self.minutes)
        form = QFormLayout()
        form.addRow("Analysis", self.analysis_line)
        form.addRow("Goal", self.model)
        form.addRow("New", numbers)
        form.addRow("Target share", self.target)
        sources = QGroupBox("Candidate sites")
        grid = QGridLayout(sources)
        grid.addWidget(self.use_upgrade, 0, 0, 1, 3)
        grid.addWidget(self.use_grid, 1, 0, 1, 3)
        grid.addWidget(QLabel("every"), 2, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.spacing, 2, 2)
        grid.addWidget(self.use_user, 3, 0, 1, 3)
        grid.setColumnMinimumWidth(0, 16)
        grid.setColumnStretch(1, 1)
        make = QVBoxLayout()
        make.addWidget(self.scenario_name)
        make.addWidget(self.make_button)
        hubs_page = QWidget()
        hubs_layout = QVBoxLayout(hubs_page)
        hubs_layout.addWidget(self.hub_table, 1)
        hubs_layout.addLayout(make)
        hubs_layout.addWidget(self.message)
        self.tabs = QTabWidget()
        self.tabs.addTab(hubs_page, "Ranked hubs")
        self.tabs.addTab(self.chart, "Coverage curve")
        self.tabs.addTab(self.district_table, "By district")
        self.tabs.setMinimumHeight(260)
        stack_parts(
            self,
            [form, sources, self.runbox, self.summary, self.solver, self.warnings, self.tabs],
        )

        self.model.currentIndexChanged.connect(self._model_changed)
        self.use_grid.toggled.connect(self.spacing.setEnabled)
        self.runbox.run_button.clicked.connect(self.run)
        self.runbox.cancel_button.clicked.connect(planning.cancel_siting)
        self.make_button.clicked.connect(self.make_scenario)
        self.scenario_name.returnPressed.connect(self.make_scenario)
        self.hub_table.itemSelectionChanged.connect(self._hub_selected)
        planning.sitingFinished.connect(self.show_result)
        planning.sitingEnded.connect(self._ended)
        planning.analysis.staleChanged.connect(lambda *_: self.refresh_settings())
        planning.analysis.coverageChanged.connect(self.refresh_settings)
        planning.analysis.projectChanged.connect(lambda _p: self._project_changed())
        self._model_changed()
        self.spacing.setEnabled(False)
        self.refresh_settings()

    # -- settings ------------------------------------------------------------------------------

    def refresh_settings(self) -> None:
        """Show the analysis settings in use and the number of hubs placed on the map."""
        settings = self.planning.settings()
        cap = settings.capability.upper()
        quality = QUALITY_LABELS.get(settings.quality, settings.quality).lower()
        mode = MODE_LABELS.get(settings.mode, settings.mode).lower()
        traffic = f", traffic ×{settings.congestion:g}" if settings.congestion != 1 else ""
        self.analysis_line.setText(f"{cap} labs ({quality}), by {mode}{traffic}")
        n = len(self.planning.user_sites())
        self.use_user.setText(f"Points placed on the map ({n})")

    def _model_changed(self) -> None:
        model = self.model.currentData()
        self.hubs.setEnabled(model != "lscp")
        self.target.setEnabled(model == "lscp")
        self.model.setToolTip(MODEL_TIPS[model])

    def _project_changed(self) -> None:
        self.minutes.setValue(self.planning.settings().underserved_minutes)
        self.clear()

    def request(self) -> SitingRequest:
        """The request the widgets describe."""
        sources = tuple(
            kind
            for kind, box in (
                ("upgrade", self.use_upgrade),
                ("grid", self.use_grid),
                ("user", self.use_user),
            )
            if box.isChecked()
        )
        return SitingRequest(
            settings=self.planning.settings(),
            model=self.model.currentData(),
            hubs=int(self.hubs.value()),
            minutes=float(self.minutes.value()),
            target_share=float(self.target.value()) / 100.0,
            sources=sources,
            grid_spacing_m=float(self.spacing.value()),
            user_sites=self.planning.user_sites(),
        )

    # -- running -------------------------------------------------------------------------------

    def run(self) -> None:
        """Run the siting with the settings shown."""
        self.refresh_settings()
        self.message.setText("")
        self.runbox.started(self.planning.run_siting(self.request()))

    def _ended(self, message: str) -> None:
        if message == "Cancelled":
            self.runbox.ended("Cancelled: the proposal shown (if any) is the previous one.")
        else:
            self.runbox.ended("Failed.", error=message)

    def clear(self) -> None:
        """Forget the shown proposal (a new project was opened)."""
        self.summary.setText("No proposal yet.")
        self.solver.setText("")
        self.warnings.hide()
        fill_table(self.hub_table, [])
        fill_table(self.district_table, [])
        self.chart.set_data([], [])
        self.make_button.setEnabled(False)
        self.message.setText("")
        self.runbox.ended("")

    def show_result(self, result: SitingResult) -> None:
        """Fill the tables, chart and lines from ``result``."""
        self.runbox.ended(f"Done in {result.seconds + result.build_seconds:.1f} s.")
        settings = self.planning.siting_settings or self.planning.settings()
        cap = settings.capability.upper()
        minutes = float(result.settings.get("minutes", self.minutes.value()))
        totals = result.totals
        n = len(result.hubs)
        if result.model == "pmedian":
            before = float(totals.get("mean_minutes_before", math.nan))
            after = float(totals.get("mean_minutes_after", math.nan))
            headline = f"{n} new {cap} hubs cut the mean trip from {before:.1f} to {after:.1f} min"
        elif n == 0:
            headline = f"No new {cap} hub is needed: the target is met already"
        else:
            gained = float(totals["covered_after"]) - float(totals["covered_before"])
            headline = (
                f"{n} new {cap} hubs bring +{gained:,.0f} people within {minutes:g} min "
                f"({share_text(float(totals['share_before']))} → "
                f"{share_text(float(totals['share_after']))})"
            )
        self.summary.setText(headline)
        self.solver.setText(solver_text(result))
        self.warnings.setText("\n".join(result.warnings))
        self.warnings.setVisible(bool(result.warnings))
        rows = []
        for r in result.hubs.itertuples(index=False):
            rows.append(
                [
                    number_item(r.rank, f"{int(r.rank)}"),
                    number_item(r.gain, gain_text(result, float(r.gain))),
                    number_item(r.share_after, share_text(float(r.share_after))),
                    text_item(f"{r.name} ({r.candidate_id})"),
                    text_item(KIND_LABELS.get(str(r.kind), str(r.kind))),
                ]
            )
        fill_table(self.hub_table, rows)
        self._fill_curve(result, minutes)
        self._fill_districts(result)
        default = f"{n} new {cap} hubs ({MODEL_LABELS[result.model].split(' (')[0].lower()})"
        if not self.scenario_name.text().strip():
            self.scenario_name.setText(default)
        self.make_button.setEnabled(n > 0)

    def _fill_curve(self, result: SitingResult, minutes: float) -> None:
        curve = result.curve
        if curve.empty:
            self.chart.set_data([], [])
            return
        chosen = len(result.hubs)
        labels = ["today"] + [
            f"{int(h)} hub{'s' if int(h) > 1 else ''}" + (" ★" if int(h) == chosen else "")
            for h in curve["hubs"]
        ]
        values = [float(result.totals["share_before"]), *curve["share"].to_numpy(dtype=float)]
        target = float(result.settings.get("target_share", 0.0)) or None
        if result.model != "lscp":
            target = None
        self.chart.set_data(
            labels,
            values,
            title=f"Share within {minutes:g} min with 0 to {len(curve)} new hubs (★ = proposal)",
            target=target,
        )

    def _fill_districts(self, result: SitingResult) -> None:
        rows = []
        for r in result.districts.itertuples(index=False):
            cells = [
                text_item(str(r.district_name)),
                number_item(r.population),
                number_item(
                    r.covered_before,
                    f"{r.covered_before:,.0f} ({share_text(float(r.share_before))})",
                ),
                number_item(
                    r.covered_after,
                    f"{r.covered_after:,.0f} ({share_text(float(r.share_after))})",
                ),
                number_item(r.gained, f"+{r.gained:,.0f}" if r.gained >= 0.5 else "0"),
            ]
            if r.district_id == CITY_ID:
                for item in cells:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
            rows.append(cells)
        fill_table(self.district_table, rows)

    def _hub_selected(self) -> None:
        items = self.hub_table.selectedItems()
        if items:
            rank_item = self.hub_table.item(items[0].row(), 0)
            if rank_item is not None:
                self.planning.zoom_to_hub(int(rank_item.data(Qt.ItemDataRole.UserRole)))

    # -- scenario ------------------------------------------------------------------------------

    def make_scenario(self) -> Scenario | None:
        """Turn the proposal into what-if edits and a named scenario."""
        try:
            scenario = self.planning.make_scenario(self.scenario_name.text())
        except CcgeoError as exc:
            self.message.setText(str(exc))
            self.message.setStyleSheet("color: #B71C1C;")
            return None
        n_new, n_up = len(scenario.added_hubs), len(scenario.upgrades)
        self.message.setStyleSheet("")
        self.message.setText(
            f"Scenario “{scenario.name}” saved: {n_new} new sites and {n_up} upgrades are on the "
            "map as what-if edits (Ctrl+Z takes them back)."
        )
        results = self.planning.window.docks.get("results")
        if results is not None:
            results.raise_()
        return scenario


class ReferralPanel(QWidget):
    """Courier settings, Run/Cancel, and the plan: summary, spokes, hub workload."""

    def __init__(self, planning: PlanningController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.planning = planning
        self.base_params: ReferralParameters | None = None
        self.capability = QComboBox()
        self.capability.setToolTip("The test whose specimens are referred to the hub labs")
        self.quality = QComboBox()
        for q in QUALITY_FILTERS:
            self.quality.addItem(QUALITY_LABELS.get(q, q), q)
        self.quality.setToolTip("Only labs meeting this standard act as hubs")
        self.courier_mode = QComboBox()
        for m in ACCESS_MODES:
            self.courier_mode.addItem(MODE_LABELS.get(m, m), m)
        self.courier_mode.setToolTip("How couriers travel (patients travel as in the analysis)")
        self.couriers = QSpinBox()
        self.couriers.setRange(1, 50)
        self.couriers.setToolTip("Couriers each hub lab can send out per day")
        self.shift_start = QTimeEdit()
        self.shift_end = QTimeEdit()
        self.latest_pickup = QTimeEdit()
        for edit, tip in (
            (self.shift_start, "When the couriers leave the hub"),
            (self.shift_end, "When the couriers must be back at the hub"),
            (self.latest_pickup, "The last pick-up at a spoke on a courier day"),
        ):
            edit.setDisplayFormat("HH:mm")
            edit.setToolTip(tip)
        self.include_proposed = QCheckBox("Include the proposed hubs")
        self.include_proposed.setToolTip(
            "Add the hubs of the last siting proposal to the existing hub labs"
        )
        self.include_proposed.setEnabled(False)
        self.runbox = RunBox("Plan referral", "Plan the sample referral with these settings (F8)")

        self.summary = QLabel("No referral plan yet.")
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.spokes = make_table(
            SPOKE_HEADERS, "One row per spoke: select one to show its route on the map"
        )
        self.hubs = make_table(HUB_WORKLOAD_HEADERS, "Each hub lab's spokes, couriers and workload")

        couriers = QHBoxLayout()
        couriers.addWidget(self.couriers)
        couriers.addWidget(QLabel("per hub, by"))
        couriers.addWidget(self.courier_mode, 1)
        shift = QHBoxLayout()
        shift.addWidget(self.shift_start)
        shift.addWidget(QLabel("to"))
        shift.addWidget(self.shift_end)
        shift.addStretch(1)
        form = QFormLayout()
        form.addRow("Test", self.capability)
        form.addRow("Hub quality", self.quality)
        form.addRow("Couriers", couriers)
        form.addRow("Shift", shift)
        form.addRow("Last pick-up", self.latest_pickup)
        self.tabs = QTabWidget()
        self.tabs.addTab(_scrolled(self.summary), "Summary")
        self.tabs.addTab(self.spokes, "Spokes")
        self.tabs.addTab(self.hubs, "Hub workload")
        self.tabs.setMinimumHeight(260)
        stack_parts(self, [form, self.include_proposed, self.runbox, self.tabs])

        self.runbox.run_button.clicked.connect(self.run)
        self.runbox.cancel_button.clicked.connect(planning.cancel_referral)
        self.spokes.itemSelectionChanged.connect(self._spoke_selected)
        planning.referralFinished.connect(self.show_result)
        planning.referralEnded.connect(self._ended)
        planning.sitingFinished.connect(lambda _r: self._proposal_changed())
        planning.analysis.projectChanged.connect(lambda _p: self._project_changed())
        self.load_defaults()

    # -- settings ------------------------------------------------------------------------------

    def load_defaults(self) -> None:
        """Fill the courier settings from ``resources/referral.toml``."""
        try:
            params = load_referral_parameters()
        except CcgeoError as exc:
            self.runbox.show_error(str(exc))
            self.runbox.run_button.setEnabled(False)
            return
        self.base_params = params
        self.capability.clear()
        for cap in params.capability_specimens:
            self.capability.addItem(cap.upper(), cap)
        self._select(self.capability, self.planning.settings().capability)
        self._select(self.courier_mode, params.courier_mode)
        self.couriers.setValue(params.couriers_per_hub)
        self.shift_start.setTime(_time(params.shift_start_s))
        self.shift_end.setTime(_time(params.shift_end_s))
        self.latest_pickup.setTime(_time(params.latest_pickup_s))

    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _proposal_changed(self) -> None:
        result = self.planning.siting_result
        n = 0 if result is None else int(result.hubs.geometry.notna().sum())
        cap = (self.planning.siting_settings or self.planning.settings()).capability.upper()
        self.include_proposed.setText(f"Include the {n} proposed {cap} hubs")
        self.include_proposed.setEnabled(n > 0)

    def _project_changed(self) -> None:
        self._select(self.capability, self.planning.settings().capability)
        self._select(self.quality, self.planning.settings().quality)
        self.include_proposed.setChecked(False)
        self.include_proposed.setEnabled(False)
        self.include_proposed.setText("Include the proposed hubs")
        self.summary.setText("No referral plan yet.")
        fill_table(self.spokes, [])
        fill_table(self.hubs, [])
        self.runbox.ended("")

    def request(self) -> ReferralRequest:
        """The request the widgets describe; raises `InputError` for unusable settings."""
        if self.base_params is None:
            msg = "the referral parameters could not be read; see the message above"
            raise InputError(msg)
        params = courier_parameters(
            self.base_params,
            courier_mode=self.courier_mode.currentData(),
            couriers_per_hub=int(self.couriers.value()),
            shift_start_s=_seconds(self.shift_start.time()),
            shift_end_s=_seconds(self.shift_end.time()),
            latest_pickup_s=_seconds(self.latest_pickup.time()),
        )
        capability = self.capability.currentData()
        proposed = None
        result = self.planning.siting_result
        if self.include_proposed.isChecked() and result is not None:
            sited = self.planning.siting_settings
            if sited is not None and sited.capability != capability:
                msg = (
                    f"the proposed hubs were sited for {sited.capability.upper()}, not "
                    f"{capability.upper()}: choose {sited.capability.upper()} here, or untick "
                    "'Include the proposed hubs'"
                )
                raise InputError(msg)
            proposed = proposed_hub_points(result)
        return ReferralRequest(
            settings=self.planning.settings(),
            capability=capability,
            quality=self.quality.currentData(),
            params=params,
            proposed=proposed,
        )

    # -- running -------------------------------------------------------------------------------

    def run(self) -> None:
        """Plan the referral with the settings shown (errors in them are shown, nothing runs)."""
        try:
            request = self.request()
        except CcgeoError as exc:
            self.runbox.show_error(str(exc))
            return
        self.runbox.started(self.planning.run_referral(request))

    def _ended(self, message: str) -> None:
        if message == "Cancelled":
            self.runbox.ended("Cancelled: the plan shown (if any) is the previous one.")
        else:
            self.runbox.ended("Failed.", error=message)

    def show_result(self, result: ReferralResult) -> None:
        """Fill the summary and the tables from ``result``."""
        self.runbox.ended(f"Done: {len(result.spokes)} spokes, {len(result.loops)} courier loops.")
        self.summary.setText("\n".join(referral_summary_lines(result)))
        spokes = []
        for r in result.spokes.itertuples(index=False):
            pickup = str(r.frequency) if r.frequency else "none"
            if r.pickup_clock:
                pickup += f", {r.pickup_clock}"
            avg, worst = float(r.sample_to_result_average_wd), float(r.sample_to_result_worst_wd)
            s2r = (
                number_item(worst, f"{avg:.1f} – {worst:.1f}")
                if math.isfinite(worst)
                else number_item(float("inf"), "not servable")
            )
            diff = float(r.patient_minus_sample_minutes)
            spokes.append(
                [
                    text_item(f"{r.name} ({r.facility_id})"),
                    text_item(str(r.hub_name or "none")),
                    _minutes_item(float(r.sample_minutes)),
                    text_item(pickup),
                    s2r,
                    _minutes_item(float(r.patient_minutes)),
                    number_item(diff, f"{diff:+,.0f}") if math.isfinite(diff) else text_item(""),
                    text_item("yes" if r.meets_target else "no"),
                    text_item(str(r.reason)),
                ]
            )
            spokes[-1][0].setData(Qt.ItemDataRole.UserRole, str(r.facility_id))
        fill_table(self.spokes, spokes)
        hubs = []
        for r in result.hubs.itertuples(index=False):
            util = float(r.utilisation)
            hubs.append(
                [
                    text_item(f"{r.name} ({r.facility_id})"),
                    text_item("yes" if r.proposed else ""),
                    number_item(r.n_servable, f"{int(r.n_servable)} of {int(r.n_spokes)}"),
                    number_item(
                        r.couriers_needed, f"{int(r.couriers_needed)} of {int(r.couriers)}"
                    ),
                    optional_number(float(r.workload_tests_per_year)),
                    optional_number(float(r.capacity_tests_per_year)),
                    optional_number(util, lambda v: f"{100 * v:.0f} %"),
                ]
            )
        fill_table(self.hubs, hubs)

    def _spoke_selected(self) -> None:
        items = self.spokes.selectedItems()
        if not items:
            return
        first = self.spokes.item(items[0].row(), 0)
        if first is not None:
            self.planning.zoom_to_spoke(str(first.data(Qt.ItemDataRole.UserRole)))


# -- installer -----------------------------------------------------------------------------------


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
    window.add_dock("siting", "Site new hubs", siting, tabify_with=anchor)
    window.add_dock("referral", "Sample referral", referral, tabify_with=anchor)
    if anchor is not None:
        window.docks[anchor].raise_()

    def show(key: str) -> None:
        dock = window.docks[key]
        dock.show()
        dock.raise_()

    act_site = QAction("&Site new hubs…", window)
    act_site.setShortcut(QKeySequence("F7"))
    act_site.setToolTip(
        "Choose new testing hubs: most people covered, least travel time or fewest hubs (F7)"
    )
    act_site.triggered.connect(lambda: show("siting"))
    act_referral = QAction("Sample &referral…", window)
    act_referral.setShortcut(QKeySequence("F8"))
    act_referral.setToolTip(
        "Plan how specimens travel from biopsy sites to hub labs by courier (F8)"
    )
    act_referral.triggered.connect(lambda: show("referral"))
    for action in (act_site, act_referral):
        action.setStatusTip(action.toolTip())
    menu = window.menus["analysis"]
    menu.addSeparator()
    menu.addActions([act_site, act_referral])
    window.act_site_hubs = act_site  # type: ignore[attr-defined]
    window.act_referral = act_referral  # type: ignore[attr-defined]


__all__ = [
    "PlanningController",
    "ReferralPanel",
    "ReferralRequest",
    "SitingPanel",
    "SitingRequest",
    "courier_parameters",
    "gain_text",
    "install",
    "proposal_scenario",
    "proposed_hub_points",
    "referral_summary_lines",
    "run_referral",
    "run_siting",
    "solver_text",
]
