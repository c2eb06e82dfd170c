"""The referral dock: how biopsy samples travel from the facilities that take them to the hub
labs, with the courier settings, the plan in words, one row per spoke and each hub's workload."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import geopandas as gpd
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTableWidgetItem,
    QTabWidget,
    QTimeEdit,
    QWidget,
)

from ccgeo.analysis.referral import load_referral_parameters, parameters_with
from ccgeo.errors import CcgeoError, InputError
from ccgeo.gui.panels.analysis import MODE_LABELS, QUALITY_LABELS, whatif_words
from ccgeo.gui.panels.results import number_item, optional_number, text_item
from ccgeo.gui.panels.siting import proposed_hub_points, shared_values
from ccgeo.gui.panels.widgets import RunBox, fill_table, make_table, scrolled, stack_parts
from ccgeo.labels import format_share
from ccgeo.model.schema import QUALITY_FILTERS
from ccgeo.model.settings import ReferralSettings
from ccgeo.network.profiles import load_profiles

if TYPE_CHECKING:
    from ccgeo.gui.panels.planning import PlanningController
    from ccgeo.model.referral import ReferralParameters, ReferralResult
    from ccgeo.project import SavedPlan

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
            f"{format_share(share)} of {s['n_spokes']} spokes get a result within {target:g} "
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
        for m in load_profiles():
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
        self.tabs.addTab(scrolled(self.summary), "Summary")
        self.tabs.addTab(self.spokes, "Spokes")
        self.tabs.addTab(self.hubs, "Hub workload")
        self.tabs.setTabToolTip(0, "The plan in a few sentences, and the spokes not served")
        self.tabs.setTabToolTip(1, "One row per spoke: its hub, trips, pick-ups and times")
        self.tabs.setTabToolTip(2, "Each hub's spokes, couriers, tests a year and capacity")
        self.tabs.setMinimumHeight(260)
        stack_parts(self, [form, self.include_proposed, self.runbox, self.tabs])

        self.runbox.run_button.clicked.connect(self.run)
        self.runbox.cancel_button.clicked.connect(planning.cancel_referral)
        self.spokes.itemSelectionChanged.connect(self._spoke_selected)
        planning.referralFinished.connect(self.show_result)
        planning.referralRestored.connect(self.show_saved)
        planning.sitingRestored.connect(lambda *_: self._proposal_changed())
        planning.referralEnded.connect(self._ended)
        planning.sitingFinished.connect(lambda _r: self._proposal_changed())
        planning.analysis.coverageChanged.connect(self._proposal_changed)  # what-if edits
        planning.analysis.projectChanged.connect(lambda _p: self._project_changed())
        planning.analysis.settingsLoaded.connect(lambda _s: self.load_defaults())
        self.load_defaults()

    # -- settings ------------------------------------------------------------------------------

    def load_defaults(self) -> None:
        """Fill the courier settings from the referral parameters (``resources/referral.toml``,
        or the project's parameter file) and the project's saved referral settings."""
        settings = self.planning.stored_referral()
        try:
            params = parameters_with(load_referral_parameters(settings.params), settings)
        except CcgeoError as exc:
            self.runbox.show_error(str(exc))
            self.runbox.run_button.setEnabled(False)
            return
        self.runbox.run_button.setEnabled(True)
        self.base_params = params
        self.capability.clear()
        for cap in params.capability_specimens:
            self.capability.addItem(cap.upper(), cap)
        self._select(self.capability, settings.capability)
        self._select(self.quality, settings.quality)
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
        if n and self._proposal_in_whatif():
            # "Make a scenario" made them what-if labs: they count already, and only once
            self.include_proposed.setChecked(False)
            self.include_proposed.setEnabled(False)
            self.include_proposed.setText(f"The {n} proposed {cap} hubs count: in the what-if")
            return
        self.include_proposed.setText(f"Include the {n} proposed {cap} hubs")
        self.include_proposed.setEnabled(n > 0)

    def _proposal_in_whatif(self) -> bool:
        """Whether every proposed hub is a lab of the live what-if (an upgrade, or a hub at
        its place)."""
        result, ws = self.planning.siting_result, self.planning.analysis.workspace
        if result is None or ws is None:
            return False
        upgrades = set(ws.upgrades)
        places = {(round(h.lon, 6), round(h.lat, 6)) for h in ws.hubs}
        for row in result.hubs.itertuples(index=False):
            if row.kind == "upgrade":
                if str(row.candidate_id) not in upgrades:
                    return False
            elif row.geometry is None or (
                (round(row.geometry.x, 6), round(row.geometry.y, 6)) not in places
            ):
                return False
        return True

    def _project_changed(self) -> None:
        self.load_defaults()
        self.include_proposed.setChecked(False)
        self.include_proposed.setEnabled(False)
        self.include_proposed.setText("Include the proposed hubs")
        self.summary.setText("No referral plan yet.")
        fill_table(self.spokes, [])
        fill_table(self.hubs, [])
        self.runbox.ended("")

    def settings(self) -> ReferralSettings:
        """The referral settings the widgets describe: the hubs' test and quality, the courier
        values, and the Analysis panel's travel (the patients') and snapping.

        Raises
        ------
        InputError
            For unusable values (the message names them).
        """
        own = {
            "capability": self.capability.currentData(),
            "quality": self.quality.currentData(),
            "courier_mode": self.courier_mode.currentData(),
            "couriers_per_hub": int(self.couriers.value()),
            "shift_start": self.shift_start.time().toString("HH:mm"),
            "shift_end": self.shift_end.time().toString("HH:mm"),
            "latest_pickup": self.latest_pickup.time().toString("HH:mm"),
        }
        shared = shared_values(self.planning.settings())
        shared.pop("capability")
        shared.pop("quality")
        return self.planning.stored_referral().updated({**shared, **own})

    def proposed(self, capability: str) -> gpd.GeoDataFrame | None:
        """The proposed hubs to add, when ticked; raises `InputError` when sited for another
        test."""
        result = self.planning.siting_result
        if not self.include_proposed.isChecked() or result is None:
            return None
        sited = self.planning.siting_settings
        if sited is not None and sited.capability != capability:
            msg = (
                f"the proposed hubs were sited for {sited.capability.upper()}, not "
                f"{capability.upper()}: choose {sited.capability.upper()} here, or untick "
                "'Include the proposed hubs'"
            )
            raise InputError(msg)
        return proposed_hub_points(result)

    # -- running -------------------------------------------------------------------------------

    def run(self) -> None:
        """Plan the referral with the settings shown (errors in them are shown, nothing runs)."""
        try:
            settings = self.settings()
            proposed = self.proposed(settings.capability)
            parameters_with(self.base_params or load_referral_parameters(), settings)
        except CcgeoError as exc:
            self.runbox.show_error(str(exc))
            return
        worker = self.planning.run_referral(
            settings, proposed, on_progress=self.runbox.show_progress
        )
        self.runbox.started(worker)

    def _ended(self, message: str) -> None:
        if message == "Cancelled":
            self.runbox.ended("Cancelled: the plan shown (if any) is the previous one.")
        else:
            self.runbox.ended("Failed.", error=message)

    def show_result(self, result: ReferralResult) -> None:
        """Fill the summary and the tables from ``result``."""
        edits = whatif_words(self.planning.referral_scenario)
        edits = f", {edits}" if edits else ""
        self.runbox.ended(
            f"Done: {len(result.spokes)} spokes, {len(result.loops)} courier loops{edits}."
        )
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
                    optional_number(util, format_share),
                ]
            )
        fill_table(self.hubs, hubs)

    def show_saved(self, plan: SavedPlan, stale: bool) -> None:
        """Show the referral plan saved with the project, with when it was made (and a warning
        when the data changed since)."""
        self.show_result(plan.result)  # type: ignore[arg-type]
        self.runbox.show_saved(plan.made_at, stale=stale)

    def _spoke_selected(self) -> None:
        items = self.spokes.selectedItems()
        if not items:
            return
        first = self.spokes.item(items[0].row(), 0)
        if first is not None:
            self.planning.zoom_to_spoke(str(first.data(Qt.ItemDataRole.UserRole)))
