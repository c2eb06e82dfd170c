"""The siting dock: where new testing hubs should go (MCLP, p-median, LSCP), the ranked hubs with
their marginal gains, the coverage curve, before/after by district, and "Make a scenario"."""

from __future__ import annotations

import math
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
from ccgeo.gui.panels.analysis import analysis_line, whatif_words
from ccgeo.gui.panels.results import number_item, text_item
from ccgeo.gui.panels.widgets import RunBox, fill_table, make_table, stack_parts
from ccgeo.gui.wording import for_planner
from ccgeo.labels import format_share
from ccgeo.model.scenario import Scenario
from ccgeo.model.settings import AccessSettings, LabSettings, SitingSettings
from ccgeo.tasks.settings import has_run

if TYPE_CHECKING:
    from ccgeo.gui.panels.planning import PlanningController
    from ccgeo.model.siting import SitingResult
    from ccgeo.project import SavedPlan

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
        msg = "a scenario needs a name, such as 'Three new PCR hubs'"
        raise InputError(msg)
    if len(result.hubs) == 0:
        msg = "the proposal has no hub (the existing labs already meet the target): nothing to add"
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
            msg = f"proposed hub {row.rank} ({row.name}) has no position; run the siting again"
            raise InputError(msg)
        hub_id = _free_hub_id(taken)
        taken.add(hub_id)
        label = str(row.name) if row.kind == "user" else f"Proposed hub {int(row.rank)}"
        added.append(
            {
                "hub_id": hub_id,
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
            "Test, lab quality and travel mode come from the Analysis panel; the labs of the "
            "live what-if stay open and count (its hubs too, unless they are the candidates)"
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
        self.spacing.setValue(SitingSettings().grid_spacing_m)
        self.spacing.setToolTip("Distance between grid sites, metres")
        self.use_user = QCheckBox("Points placed on the map")
        self.use_user.setToolTip(
            "The candidate hubs placed with Analysis ▸ Place hub (H) are candidates too (not "
            "open labs the siting starts from)"
        )
        self.runbox = RunBox("Site hubs", "Choose new hubs with these settings (F7)")

    def _build_result_widgets(self) -> None:
        """Headline, solver line, warnings, hub and district tables, curve, "Make a scenario"."""
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
        numbers.addWidget(QLabel("hubs within"))
        numbers.addWidget(self.minutes)
        form = QFormLayout()
        form.addRow("Analysis", self.analysis_line)
        form.addRow("Goal", self.model)
        form.addRow("New", numbers)
        form.addRow("Target share", self.target)
        return form

    def _sources_box(self) -> QGroupBox:
        """The candidate sites: upgrades, a grid (and its spacing), points placed on the map."""
        sources = QGroupBox("Candidate sites")
        grid = QGridLayout(sources)
        grid.addWidget(self.use_upgrade, 0, 0, 1, 3)
        grid.addWidget(self.use_grid, 1, 0, 1, 3)
        grid.addWidget(QLabel("every"), 2, 1, Qt.AlignmentFlag.AlignRight)
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
        self.tabs.addTab(hubs_page, "Ranked hubs")
        self.tabs.addTab(self.chart, "Coverage curve")
        self.tabs.addTab(self.district_table, "By district")
        self.tabs.setTabToolTip(0, "The proposed hubs in rank order, and Make a scenario")
        self.tabs.setTabToolTip(1, "Share of people covered with 0 to 10 new hubs")
        self.tabs.setTabToolTip(2, "People within the limit by district, before and after")
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

    # -- settings ------------------------------------------------------------------------------

    def refresh_settings(self) -> None:
        """Show the analysis settings in use and the number of hubs placed on the map."""
        user = self.use_user.isChecked()
        scenario = self.planning.analysis.whatif_scenario(hubs=not user)
        self.analysis_line.setText(analysis_line(self.planning.settings(), scenario))
        n = len(self.planning.user_sites())
        self.use_user.setText(f"Points placed on the map ({n})")

    def _model_changed(self) -> None:
        model = self.model.currentData()
        self.hubs.setEnabled(model != "lscp")
        self.target.setEnabled(model == "lscp")
        self.model.setToolTip(MODEL_TIPS[model])

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
        self.message.setText("")
        if not (
            self.use_upgrade.isChecked() or self.use_grid.isChecked() or self.use_user.isChecked()
        ):
            self.runbox.show_error(
                "no candidate sites chosen: tick 'upgrade existing facilities', 'grid over "
                "underserved areas' or 'points placed on the map'"
            )
            return
        try:
            settings = self.settings()
        except CcgeoError as exc:
            self.runbox.show_error(str(exc))
            return
        worker = self.planning.run_siting(settings, on_progress=self.runbox.show_progress)
        self.runbox.started(worker)

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
        edits = whatif_words(self.planning.siting_scenario)
        edits = f", {edits}" if edits else ""
        self.runbox.ended(f"Done in {result.seconds + result.build_seconds:.1f} s{edits}.")
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
                f"({format_share(float(totals['share_before']))} → "
                f"{format_share(float(totals['share_after']))})"
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
                    number_item(r.share_after, format_share(float(r.share_after))),
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

    def show_saved(self, plan: SavedPlan, stale: bool) -> None:
        """Show the proposal saved with the project, with when it was made (and a warning
        when the data changed since)."""
        self.show_result(plan.result)  # type: ignore[arg-type]
        self.runbox.show_saved(plan.made_at, stale=stale)

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
                    f"{r.covered_before:,.0f} ({format_share(float(r.share_before))})",
                ),
                number_item(
                    r.covered_after,
                    f"{r.covered_after:,.0f} ({format_share(float(r.share_after))})",
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
            self.message.setText(for_planner(str(exc)))
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
