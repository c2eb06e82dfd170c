"""The siting dock: where new testing hubs should go (MCLP, p-median, LSCP), the ranked hubs with
their marginal gains, the coverage curve, before/after by district, and "Make a scenario"."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import geopandas as gpd
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ccgeo.analysis.access import CITY_ID
from ccgeo.errors import CcgeoError, InputError
from ccgeo.gui.charts import BarChart
from ccgeo.gui.language import QT_TR_NOOP, notifier, tr
from ccgeo.gui.panels.analysis import analysis_line, relabel, whatif_words
from ccgeo.gui.panels.results import (
    RunState,
    number_item,
    set_headers,
    text_item,
)
from ccgeo.gui.panels.widgets import RunBox, fill_table, make_table, stack_parts
from ccgeo.gui.wording import for_planner, test_name
from ccgeo.labels import format_number, format_people, format_share, format_threshold
from ccgeo.model.scenario import Scenario
from ccgeo.model.settings import AccessSettings, LabSettings, SitingSettings
from ccgeo.tasks.settings import has_run

if TYPE_CHECKING:
    from ccgeo.gui.panels.planning import PlanningController
    from ccgeo.model.siting import SitingResult
    from ccgeo.project import SavedPlan

#: The siting models (English, marked for `tr`).
MODEL_LABELS = {
    "mclp": QT_TR_NOOP("Most people covered (MCLP)"),
    "pmedian": QT_TR_NOOP("Least travel time (p-median)"),
    "lscp": QT_TR_NOOP("Fewest hubs for a target share (LSCP)"),
}
#: The goal of each model inside a name (``"3 new PCR hubs (most people covered)"``).
MODEL_GOALS = {
    "mclp": QT_TR_NOOP("most people covered"),
    "pmedian": QT_TR_NOOP("least travel time"),
    "lscp": QT_TR_NOOP("fewest hubs for a target share"),
}
MODEL_TIPS = {
    "mclp": QT_TR_NOOP("Choose N new hubs that bring the most people within the time limit"),
    "pmedian": QT_TR_NOOP(
        "Choose N new hubs that cut the population-weighted travel time the most"
    ),
    "lscp": QT_TR_NOOP(
        "Choose the fewest new hubs that bring the target share within the time limit"
    ),
}
KIND_LABELS = {
    "upgrade": QT_TR_NOOP("upgrade"),
    "grid": QT_TR_NOOP("new site (grid)"),
    "user": QT_TR_NOOP("new site (placed)"),
}
#: The units a siting counts its gains in (``weight_unit`` of its settings).
UNIT_LABELS = {"people": QT_TR_NOOP("people"), "tests per year": QT_TR_NOOP("tests per year")}
SOLVER_LABELS = {
    "highs-milp": QT_TR_NOOP("exact MILP (HiGHS)"),
    "greedy-celf": QT_TR_NOOP("lazy greedy with a bound"),
}
STATUS_LABELS = {
    "optimal": QT_TR_NOOP("proven optimal"),
    "time_limit": QT_TR_NOOP("stopped at the time limit"),
    "heuristic": QT_TR_NOOP("heuristic"),
}
HUB_HEADERS = (
    QT_TR_NOOP("Rank"),
    QT_TR_NOOP("What it adds"),
    QT_TR_NOOP("Share after"),
    QT_TR_NOOP("Site"),
    QT_TR_NOOP("Kind"),
)
DISTRICT_HEADERS = (
    QT_TR_NOOP("District"),
    QT_TR_NOOP("People"),
    QT_TR_NOOP("Covered before"),
    QT_TR_NOOP("Covered after"),
    QT_TR_NOOP("Gained"),
)


def label(labels: dict[str, str], key: object) -> str:
    """``labels[key]`` in the app's language (``key`` itself when it has no label)."""
    text = str(key)
    return tr(labels[text]) if text in labels else text


def shared_values(access: AccessSettings) -> dict[str, Any]:
    """The values of the Analysis panel every analysis shares (test, quality, travel, snapping)."""
    flat = access.to_dict()
    return {key: flat[key] for key in LabSettings.SHARED_KEYS}


def proposal_scenario(
    result: SitingResult,
    settings: AccessSettings,
    *,
    name: str,
    description: str = "",
    keep: Scenario | None = None,
) -> Scenario:
    """The siting proposal as a what-if `Scenario`: new sites as hubs, upgrades as upgrades.

    The scenario's settings are ``settings`` with the siting limit added to the thresholds, so
    that applying it shows the proposal's gain within that limit. ``keep`` holds the what-if
    edits the siting started from (its hubs, upgrades and closures), kept in the scenario.

    Raises
    ------
    InputError
        If the name is empty or the proposal has no hub.
    """
    name = str(name).strip()
    if not name:
        msg = tr("a scenario needs a name, such as 'Three new PCR hubs'")
        raise InputError(msg)
    if len(result.hubs) == 0:
        msg = tr(
            "the proposal has no hub (the existing labs already meet the target): nothing to add"
        )
        raise InputError(msg)
    cap = settings.capability
    kept = keep or Scenario("kept")
    added: list[dict[str, Any]] = [dict(hub) for hub in kept.added_hubs]
    upgrades: dict[str, tuple[str, ...]] = dict(kept.upgrades)
    removed = list(kept.removed)
    taken = {str(hub.get("hub_id")) for hub in added}
    for row in result.hubs.itertuples(index=False):
        if row.kind == "upgrade":
            fid = str(row.candidate_id)
            if fid in removed:
                removed.remove(fid)  # a lab closed in the what-if, reopened
            else:
                upgrades[fid] = (cap,)
            continue
        geom = row.geometry
        if geom is None or geom.is_empty:
            msg = tr("proposed hub {rank} ({name}) has no position; run the siting again").format(
                rank=row.rank, name=row.name
            )
            raise InputError(msg)
        hub_id = _free_hub_id(taken)
        taken.add(hub_id)
        name_of_hub = (
            str(row.name)
            if row.kind == "user"
            else tr("Proposed hub {rank}").format(rank=int(row.rank))
        )
        added.append(
            {
                "hub_id": hub_id,
                "lon": float(geom.x),
                "lat": float(geom.y),
                "name": name_of_hub,
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
        removed=tuple(removed),
        settings=replace(settings, thresholds_minutes=thresholds).to_dict(),
    )


def _free_hub_id(taken: set[str]) -> str:
    """The first ``hub-N`` not in ``taken``."""
    k = 1
    while f"hub-{k}" in taken:
        k += 1
    return f"hub-{k}"


def proposal_description(result: SitingResult) -> str:
    """One line: model, hubs and what they add, for a scenario's description."""
    return tr("{model}: {hubs}").format(
        model=label(MODEL_LABELS, result.model), hubs="; ".join(result.summary_lines())
    )


def gain_text(result: SitingResult, gain: float) -> str:
    """A hub's marginal gain in words: ``"adds 212,000 people within 60 min"``."""
    if result.model == "pmedian":
        total = max(float(result.totals.get("weight_total", 0.0)), 1e-12)
        return tr("cuts the mean trip by {minutes} min").format(
            minutes=format_number(gain / total / 60.0, decimals=2)
        )
    return tr("adds {gain} {unit} within {minutes}").format(
        gain=format_people(gain),
        unit=label(UNIT_LABELS, result.settings.get("weight_unit", "people")),
        minutes=format_threshold(float(result.settings.get("minutes", 0))),
    )


def solver_text(result: SitingResult) -> str:
    """The solver line: method, status, gap and times."""
    gap = ""
    if result.status != "optimal":
        gap = tr(", within {percent} % of the optimum").format(
            percent=format_number(100 * result.gap, decimals=2)
        )
    return tr(
        "Solver: {method}, {status}{gap}; {seconds} s (+ {build} s for the travel times)"
    ).format(
        method=label(SOLVER_LABELS, result.solver),
        status=label(STATUS_LABELS, result.status),
        gap=gap,
        seconds=format_number(result.seconds, decimals=1),
        build=format_number(result.build_seconds, decimals=1),
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


class SitingPanel(QWidget):
    """Settings, Run/Cancel, and the results of a siting run: ranked hubs with their marginal
    gains, solver line, coverage curve, before/after by district, and "Make a scenario"."""

    def __init__(self, planning: PlanningController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.planning = planning
        self._build_settings_widgets()
        self._build_result_widgets()
        self._layout()
        self._connect()
        self._model_changed()
        self.spacing.setEnabled(False)
        self.refresh_settings()

    def _build_settings_widgets(self) -> None:
        """Goal, number of hubs, time limit, target share, candidate sources, Run/Cancel."""
        self.analysis_line = QLabel("")
        self.analysis_line.setWordWrap(True)
        self.analysis_line.setToolTip(
            tr(
                "Test, lab quality and travel mode come from the Analysis panel; the labs of the "
                "live what-if stay open and count (its hubs too, unless they are the candidates)"
            )
        )
        self.model = QComboBox()
        for key in MODEL_LABELS:
            self.model.addItem(label(MODEL_LABELS, key), key)
        self._model_tips()
        self.model.setToolTip(tr("What the new hubs should achieve"))
        self.hubs = QSpinBox()
        self.hubs.setRange(1, 50)
        self.hubs.setValue(3)
        self.hubs.setToolTip(tr("Number of new hubs to choose (most people / least travel time)"))
        self.minutes = QDoubleSpinBox()
        self.minutes.setRange(1.0, 600.0)
        self.minutes.setDecimals(0)
        self.minutes.setSuffix(" min")
        self.minutes.setValue(60.0)
        self.minutes.setToolTip(tr("A person is covered within this travel time (inclusive)"))
        self.target = QDoubleSpinBox()
        self.target.setRange(1.0, 100.0)
        self.target.setDecimals(0)
        self.target.setSuffix(" %")
        self.target.setValue(80.0)
        self.target.setToolTip(tr("Share of all people to bring within the time (fewest hubs)"))
        self.use_upgrade = QCheckBox(tr("Upgrade existing facilities"))
        self.use_upgrade.setChecked(True)
        self.use_upgrade.setToolTip(tr("Facilities that cannot do the test yet may be upgraded"))
        self.use_grid = QCheckBox(tr("New sites on a grid over underserved areas"))
        self.use_grid.setToolTip(
            tr("Candidate sites every so many metres where people live beyond the time limit")
        )
        self.spacing = QDoubleSpinBox()
        self.spacing.setRange(100.0, 20_000.0)
        self.spacing.setSingleStep(250.0)
        self.spacing.setDecimals(0)
        self.spacing.setSuffix(" m")
        self.spacing.setValue(SitingSettings().grid_spacing_m)
        self.spacing.setToolTip(tr("Distance between grid sites, metres"))
        self.use_user = QCheckBox(tr("Points placed on the map"))
        self.use_user.setToolTip(
            tr(
                "The candidate hubs placed with Analysis ▸ Place hub (H) are candidates too (not "
                "open labs the siting starts from)"
            )
        )
        self.runbox = RunBox(tr("Site hubs"), tr("Choose new hubs with these settings (F7)"))
        self.run_state = RunState(self.runbox)

    def _model_tips(self) -> None:
        """Each goal's tooltip in the goal list, in the app's language."""
        for i in range(self.model.count()):
            tip = label(MODEL_TIPS, self.model.itemData(i))
            self.model.setItemData(i, tip, Qt.ItemDataRole.ToolTipRole)

    def _build_result_widgets(self) -> None:
        """Headline, solver line, warnings, hub and district tables, curve, "Make a scenario"."""
        self.summary = QLabel(tr("No proposal yet."))
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
            tuple(tr(h) for h in HUB_HEADERS),
            tr("The proposed hubs in rank order: click one to show it on the map"),
        )
        self.chart = BarChart()
        self.chart.setToolTip(
            tr(
                "Share of people within the limit with 0 (today) to 10 new hubs, each the best "
                "set of that size"
            )
        )
        self.district_table = make_table(
            tuple(tr(h) for h in DISTRICT_HEADERS),
            tr("People within the limit by district, before and after the proposal"),
        )
        self.scenario_name = QLineEdit()
        self.scenario_name.setPlaceholderText(tr("Name of the scenario"))
        self.scenario_name.setToolTip(tr("The scenario is kept under this name in the project"))
        self.make_button = QPushButton(tr("Make a scenario of this proposal"))
        self.make_button.setToolTip(
            tr(
                "Put the proposed hubs on the map as what-if edits (replacing the current ones; "
                "Ctrl+Z takes them back) and keep them as a named scenario"
            )
        )
        self.make_button.setEnabled(False)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        #: Writes the line under "Make a scenario" (again when the language changes).
        self._message: Callable[[], str] = str

    def _layout(self) -> None:
        stack_parts(
            self,
            [
                self._settings_form(),
                self._sources_box(),
                self.runbox,
                self.summary,
                self.solver,
                self.warnings,
                self._result_tabs(),
            ],
        )

    def _settings_form(self) -> QFormLayout:
        numbers = QHBoxLayout()
        numbers.addWidget(self.hubs)
        numbers.addWidget(QLabel(tr("hubs within")))
        numbers.addWidget(self.minutes)
        form = QFormLayout()
        # a long label (in French, in Portuguese) puts its field below it, not the dock wider
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(tr("Analysis"), self.analysis_line)
        form.addRow(tr("Goal"), self.model)
        form.addRow(tr("New", "new hubs"), numbers)
        form.addRow(tr("Target share"), self.target)
        return form

    def _sources_box(self) -> QGroupBox:
        """The candidate sites: upgrades, a grid (and its spacing), points placed on the map."""
        sources = QGroupBox(tr("Candidate sites"))
        grid = QGridLayout(sources)
        grid.addWidget(self.use_upgrade, 0, 0, 1, 3)
        grid.addWidget(self.use_grid, 1, 0, 1, 3)
        grid.addWidget(QLabel(tr("every", "grid spacing")), 2, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.spacing, 2, 2)
        grid.addWidget(self.use_user, 3, 0, 1, 3)
        grid.setColumnMinimumWidth(0, 16)
        grid.setColumnStretch(1, 1)
        return sources

    def _result_tabs(self) -> QTabWidget:
        """Ranked hubs (with "Make a scenario"), coverage curve, by district: `tabs`."""
        make = QVBoxLayout()
        make.addWidget(self.scenario_name)
        make.addWidget(self.make_button)
        hubs_page = QWidget()
        hubs_layout = QVBoxLayout(hubs_page)
        hubs_layout.addWidget(self.hub_table, 1)
        hubs_layout.addLayout(make)
        hubs_layout.addWidget(self.message)
        self.tabs = QTabWidget()
        self.tabs.addTab(hubs_page, tr("Ranked hubs"))
        self.tabs.addTab(self.chart, tr("Coverage curve"))
        self.tabs.addTab(self.district_table, tr("By district"))
        self.tabs.setTabToolTip(0, tr("The proposed hubs in rank order, and Make a scenario"))
        self.tabs.setTabToolTip(1, tr("Share of people covered with 0 to 10 new hubs"))
        self.tabs.setTabToolTip(2, tr("People within the limit by district, before and after"))
        self.tabs.setMinimumHeight(260)
        return self.tabs

    def _connect(self) -> None:
        self.model.currentIndexChanged.connect(self._model_changed)
        self.use_grid.toggled.connect(self.spacing.setEnabled)
        self.use_user.toggled.connect(lambda _on: self.refresh_settings())
        self.runbox.run_button.clicked.connect(self.run)
        self.runbox.cancel_button.clicked.connect(self.planning.cancel_siting)
        self.make_button.clicked.connect(self.make_scenario)
        self.scenario_name.returnPressed.connect(self.make_scenario)
        self.hub_table.itemSelectionChanged.connect(self._hub_selected)
        self.planning.sitingFinished.connect(self.show_result)
        self.planning.sitingRestored.connect(self.show_saved)
        self.planning.sitingEnded.connect(self._ended)
        self.planning.analysis.staleChanged.connect(lambda *_: self.refresh_settings())
        self.planning.analysis.coverageChanged.connect(self.refresh_settings)
        self.planning.analysis.projectChanged.connect(lambda _p: self._project_changed())
        self.planning.analysis.settingsLoaded.connect(
            lambda _s: self.show_settings(self.planning.stored_siting())
        )
        notifier().changed.connect(self.retranslate)

    def retranslate(self) -> None:
        """Write again, in the language chosen now, what was built from data: the analysis
        line, the goals, the headers, the proposal shown and the state lines."""
        relabel(self.model, lambda key: label(MODEL_LABELS, key))
        self._model_tips()
        self._model_changed()
        self.refresh_settings()
        set_headers(self.hub_table, HUB_HEADERS)
        set_headers(self.district_table, DISTRICT_HEADERS)
        result = self.planning.siting_result
        if result is None:
            self.summary.setText(tr("No proposal yet."))
        else:
            self._render(result)
        self.message.setText(self._message())
        self.run_state.again()

    # -- settings ------------------------------------------------------------------------------

    def refresh_settings(self) -> None:
        """Show the analysis settings in use and the number of hubs placed on the map."""
        user = self.use_user.isChecked()
        scenario = self.planning.analysis.whatif_scenario(hubs=not user)
        self.analysis_line.setText(analysis_line(self.planning.settings(), scenario))
        n = len(self.planning.user_sites())
        self.use_user.setText(tr("Points placed on the map ({count})").format(count=n))

    def _model_changed(self) -> None:
        model = self.model.currentData()
        self.hubs.setEnabled(model != "lscp")
        self.target.setEnabled(model == "lscp")
        self.model.setToolTip(label(MODEL_TIPS, model))

    def _project_changed(self) -> None:
        project = self.planning.window.project
        if project is not None and has_run(project, SitingSettings.kind):
            self.show_settings(self.planning.stored_siting())
        else:
            self.minutes.setValue(self.planning.settings().underserved_minutes)
        self.clear()

    def settings(self) -> SitingSettings:
        """The siting settings the widgets describe, with the Analysis panel's test, quality,
        travel and snapping."""
        sources = tuple(
            kind
            for kind, box in (
                ("upgrade", self.use_upgrade),
                ("grid", self.use_grid),
                ("user", self.use_user),
            )
            if box.isChecked()
        )
        base = self.planning.settings()
        own = {
            "model": self.model.currentData(),
            "hubs": int(self.hubs.value()),
            "minutes": float(self.minutes.value()),
            "target_share": float(self.target.value()) / 100.0,
            "sources": sources or ("upgrade",),
            "grid_spacing_m": float(self.spacing.value()),
        }
        stored = self.planning.stored_siting()
        return stored.updated({**shared_values(base), **own})

    def show_settings(self, settings: SitingSettings) -> None:
        """Fill the widgets from ``settings`` (a project's saved siting settings)."""
        self.model.setCurrentIndex(max(self.model.findData(settings.model), 0))
        self.hubs.setValue(settings.hubs)
        self.minutes.setValue(settings.minutes)
        self.target.setValue(100.0 * settings.target_share)
        self.use_upgrade.setChecked("upgrade" in settings.sources)
        self.use_grid.setChecked("grid" in settings.sources)
        self.use_user.setChecked("user" in settings.sources)
        self.spacing.setValue(settings.grid_spacing_m)
        self.spacing.setEnabled("grid" in settings.sources)

    # -- running -------------------------------------------------------------------------------

    def run(self) -> None:
        """Run the siting with the settings shown."""
        self.refresh_settings()
        self._say(str)
        if not (
            self.use_upgrade.isChecked() or self.use_grid.isChecked() or self.use_user.isChecked()
        ):
            self.runbox.show_error(
                tr(
                    "no candidate sites chosen: tick 'upgrade existing facilities', 'grid over "
                    "underserved areas' or 'points placed on the map'"
                )
            )
            return
        try:
            settings = self.settings()
        except CcgeoError as exc:
            self.runbox.show_error(str(exc))
            return
        worker = self.planning.run_siting(settings, on_progress=self.runbox.show_progress)
        self.run_state.started(worker)

    def _ended(self, message: str) -> None:
        if message == "Cancelled":  # the planning controller's word for a cancel
            self.run_state.ended(
                lambda: tr("Cancelled: the proposal shown (if any) is the previous one.")
            )
        else:
            self.run_state.ended(lambda: tr("Failed."), error=message)

    def clear(self) -> None:
        """Forget the shown proposal (a new project was opened)."""
        self.summary.setText(tr("No proposal yet."))
        self.solver.setText("")
        self.warnings.hide()
        fill_table(self.hub_table, [])
        fill_table(self.district_table, [])
        self.chart.set_data([], [])
        self.make_button.setEnabled(False)
        self._say(str)
        self.run_state.ended(str)

    def show_result(self, result: SitingResult) -> None:
        """Fill the tables, chart and lines from ``result``."""
        scenario = self.planning.siting_scenario
        seconds = result.seconds + result.build_seconds

        def done() -> str:
            edits = whatif_words(scenario)
            return tr("Done in {seconds} s{edits}.").format(
                seconds=format_number(seconds, decimals=1), edits=f", {edits}" if edits else ""
            )

        self.run_state.ended(done)
        n = self._render(result)
        settings = self.planning.siting_settings or self.planning.settings()
        if not self.scenario_name.text().strip():
            self.scenario_name.setText(
                tr("%n new {test} hubs ({goal})", "", n).format(
                    test=test_name(settings.capability), goal=label(MODEL_GOALS, result.model)
                )
            )
        self.make_button.setEnabled(n > 0)

    def _render(self, result: SitingResult) -> int:
        """The headline, solver line, warnings, tables and curve of ``result``, in the app's
        language; returns the number of hubs proposed."""
        settings = self.planning.siting_settings or self.planning.settings()
        minutes = float(result.settings.get("minutes", self.minutes.value()))
        n = len(result.hubs)
        self.summary.setText(headline(result, test_name(settings.capability), minutes))
        self.solver.setText(solver_text(result))
        self.warnings.setText("\n".join(result.warnings))
        self.warnings.setVisible(bool(result.warnings))
        rows = []
        for r in result.hubs.itertuples(index=False):
            rows.append(
                [
                    number_item(r.rank, f"{int(r.rank)}"),
                    number_item(r.gain, gain_text(result, float(r.gain))),
                    number_item(r.share_after, format_share(float(r.share_after))),
                    text_item(f"{r.name} ({r.candidate_id})"),
                    text_item(label(KIND_LABELS, r.kind)),
                ]
            )
        fill_table(self.hub_table, rows)
        self._fill_curve(result, minutes)
        self._fill_districts(result)
        return n

    def show_saved(self, plan: SavedPlan, stale: bool) -> None:
        """Show the proposal saved with the project, with when it was made (and a warning
        when the data changed since)."""
        self.show_result(plan.result)  # type: ignore[arg-type]
        self.run_state.saved(plan.made_at, stale=stale)

    def _fill_curve(self, result: SitingResult, minutes: float) -> None:
        curve = result.curve
        if curve.empty:
            self.chart.set_data([], [])
            return
        chosen = len(result.hubs)
        labels = [tr("today")] + [
            tr("%n hubs ★", "the proposal's number of hubs", int(h))
            if int(h) == chosen
            else tr("%n hubs", "", int(h))
            for h in curve["hubs"]
        ]
        values = [float(result.totals["share_before"]), *curve["share"].to_numpy(dtype=float)]
        target = float(result.settings.get("target_share", 0.0)) or None
        if result.model != "lscp":
            target = None
        self.chart.set_data(
            labels,
            values,
            title=tr("Share within {minutes} with 0 to {count} new hubs (★ = proposal)").format(
                minutes=format_threshold(minutes), count=len(curve)
            ),
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
                    f"{format_people(r.covered_before)} ({format_share(float(r.share_before))})",
                ),
                number_item(
                    r.covered_after,
                    f"{format_people(r.covered_after)} ({format_share(float(r.share_after))})",
                ),
                number_item(r.gained, f"+{format_people(r.gained)}" if r.gained >= 0.5 else "0"),
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

    def _say(self, text: Callable[[], str], *, error: bool = False) -> None:
        """``text()`` under "Make a scenario" (in red for an error), written again when the
        language changes."""
        self._message = text
        self.message.setText(text())
        self.message.setStyleSheet("color: #B71C1C;" if error else "")

    def make_scenario(self) -> Scenario | None:
        """Turn the proposal into what-if edits and a named scenario."""
        try:
            scenario = self.planning.make_scenario(self.scenario_name.text())
        except CcgeoError as exc:
            message = str(exc)
            self._say(lambda: for_planner(message), error=True)
            return None
        name, n_new, n_up = scenario.name, len(scenario.added_hubs), len(scenario.upgrades)
        self._say(
            lambda: tr(
                "Scenario “{name}” saved: {sites} and {upgrades} are on the map as what-if edits "
                "(Ctrl+Z takes them back)."
            ).format(
                name=name,
                sites=tr("%n new sites", "", n_new),
                upgrades=tr("%n upgrades", "", n_up),
            )
        )
        results = self.planning.window.docks.get("results")
        if results is not None:
            results.raise_()
        return scenario


def headline(result: SitingResult, test: str, minutes: float) -> str:
    """The proposal in one line: ``"3 new PCR hubs bring +212,000 people within 60 min
    (54.8 % → 68.2 %)"``."""
    totals = result.totals
    n = len(result.hubs)
    if result.model == "pmedian":
        return tr(
            "%n new {test} hubs cut the mean trip from {before} to {after} min", "", n
        ).format(
            test=test,
            before=format_number(float(totals.get("mean_minutes_before", math.nan)), decimals=1),
            after=format_number(float(totals.get("mean_minutes_after", math.nan)), decimals=1),
        )
    if n == 0:
        return tr("No new {test} hub is needed: the target is met already").format(test=test)
    gained = float(totals["covered_after"]) - float(totals["covered_before"])
    return tr(
        "%n new {test} hubs bring +{people} people within {minutes} ({before} → {after})", "", n
    ).format(
        test=test,
        people=format_people(gained),
        minutes=format_threshold(minutes),
        before=format_share(float(totals["share_before"])),
        after=format_share(float(totals["share_after"])),
    )
