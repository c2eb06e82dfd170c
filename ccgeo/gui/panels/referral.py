"""The referral dock: how biopsy samples travel from the facilities that take them to the hub
labs, with the courier settings, the plan in words, one row per spoke and each hub's workload."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

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
from ccgeo.gui.language import QT_TR_NOOP, notifier, tr
from ccgeo.gui.panels.analysis import (
    mode_label,
    mode_phrase,
    quality_label,
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
from ccgeo.gui.panels.siting import label, proposed_hub_points, shared_values
from ccgeo.gui.panels.widgets import RunBox, fill_table, make_table, scrolled, stack_parts
from ccgeo.gui.wording import test_name
from ccgeo.labels import format_days, format_number, format_share
from ccgeo.model.schema import QUALITY_FILTERS
from ccgeo.model.settings import ReferralSettings
from ccgeo.network.profiles import load_profiles

if TYPE_CHECKING:
    from ccgeo.gui.panels.planning import PlanningController
    from ccgeo.model.referral import ReferralParameters, ReferralResult
    from ccgeo.project import SavedPlan

SPOKE_HEADERS = (
    QT_TR_NOOP("Spoke"),
    QT_TR_NOOP("Hub"),
    QT_TR_NOOP("Sample trip (min)"),
    QT_TR_NOOP("Pick-up"),
    QT_TR_NOOP("Sample to result (working days)"),
    QT_TR_NOOP("Patient trip (min)"),
    QT_TR_NOOP("Patient − sample (min)"),
    QT_TR_NOOP("Meets target"),
    QT_TR_NOOP("Problem"),
)
HUB_WORKLOAD_HEADERS = (
    QT_TR_NOOP("Hub"),
    QT_TR_NOOP("Proposed"),
    QT_TR_NOOP("Spokes served"),
    QT_TR_NOOP("Couriers needed"),
    QT_TR_NOOP("Tests/year"),
    QT_TR_NOOP("Capacity/year"),
    QT_TR_NOOP("Utilisation"),
)
#: How often a courier picks up at a spoke (``"<k> per week"`` is worded by `frequency_label`).
FREQUENCY_LABELS = {"daily": QT_TR_NOOP("daily"), "weekly": QT_TR_NOOP("weekly")}
#: Which wait for the next pick-up decides whether a spoke meets the target (``wait_rule``).
WAIT_RULE_PHRASES = {
    "worst": QT_TR_NOOP("worst case wait for the courier"),
    "average": QT_TR_NOOP("average case wait for the courier"),
}


def frequency_label(frequency: str) -> str:
    """A pick-up frequency in the app's language: ``"daily"``, ``"weekly"``, ``"3 per week"``."""
    if frequency in FREQUENCY_LABELS:
        return tr(FREQUENCY_LABELS[frequency])
    count, _, rest = frequency.partition(" ")
    if rest == "per week" and count.isdigit():
        return tr("{count} per week").format(count=count)
    return frequency


def referral_summary_lines(result: ReferralResult) -> list[str]:
    """The plan in a few sentences: target met, frequency, trips, spokes not servable."""
    s = result.summary
    params = result.settings.get("parameters", {})
    rule = str(params.get("wait_rule", "worst"))
    lines = []
    share = s.get("share_meeting_target")
    if share is not None:
        lines.append(
            tr(
                "{share} of %n spokes get a result within {days} working days of the sample "
                "({rule})",
                "",
                int(s["n_spokes"]),
            ).format(
                share=format_share(share),
                days=plain_number(float(params.get("target_working_days", math.nan))),
                rule=label(WAIT_RULE_PHRASES, rule),
            )
        )
    freq = ", ".join(
        tr("{count} {frequency}", "spokes picked up this often").format(
            count=n, frequency=frequency_label(k)
        )
        for k, n in sorted(s.get("frequency", {}).items())
        if k
    )
    lines.append(
        tr(
            "%n spokes served by {hubs} hubs in {loops} courier loops{frequency}, couriers {mode}",
            "",
            int(s["n_servable"]),
        ).format(
            hubs=s["n_hubs"],
            loops=s["n_loops"],
            frequency=f" ({freq})" if freq else "",
            mode=mode_phrase(str(result.settings.get("courier_mode", ""))),
        )
    )
    lines.extend(_trips_lines(result))
    if s["n_not_servable"]:
        lines.append(tr("%n spokes cannot be served:", "", int(s["n_not_servable"])))
        lines.extend(
            f"  {item['facility_id']} {item['name']}: {item['reason']}"
            for item in s["not_servable"]
        )
    lines.extend(tr("Note: {warning}").format(warning=w) for w in result.warnings)
    return lines


def _trips_lines(result: ReferralResult) -> list[str]:
    """The median trips of samples and patients, and the patients' travel the plan saves."""
    s = result.summary
    lines = []
    sample, patient = s.get("median_sample_minutes"), s.get("median_patient_minutes")
    if sample is not None and patient is not None:
        lines.append(
            tr(
                "Median trip to the hub: sample {sample} min by courier, patient {patient} min "
                "{mode}"
            ).format(
                sample=format_number(sample),
                patient=format_number(patient),
                mode=mode_phrase(str(result.settings.get("patient_mode", ""))),
            )
        )
    saved = s.get("patient_hours_saved_per_year")
    if saved:
        lines.append(
            tr("Patients' travel saved: {hours} hours a year").format(hours=format_number(saved))
        )
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
        return number_item(value, format_number(value))
    return number_item(float("inf"), tr("no route"))


class ReferralPanel(QWidget):
    """Courier settings, Run/Cancel, and the plan: summary, spokes, hub workload."""

    def __init__(self, planning: PlanningController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.planning = planning
        self.base_params: ReferralParameters | None = None
        self._build_settings_widgets()
        self.runbox = RunBox(
            tr("Plan referral"), tr("Plan the sample referral with these settings (F8)")
        )
        self.run_state = RunState(self.runbox)
        self.summary = QLabel(tr("No referral plan yet."))
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.spokes = make_table(
            tuple(tr(h) for h in SPOKE_HEADERS),
            tr("One row per spoke: select one to show its route on the map"),
        )
        self.hubs = make_table(
            tuple(tr(h) for h in HUB_WORKLOAD_HEADERS),
            tr("Each hub lab's spokes, couriers and workload"),
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(scrolled(self.summary), tr("Summary"))
        self.tabs.addTab(self.spokes, tr("Spokes"))
        self.tabs.addTab(self.hubs, tr("Hub workload"))
        self.tabs.setTabToolTip(0, tr("The plan in a few sentences, and the spokes not served"))
        self.tabs.setTabToolTip(1, tr("One row per spoke: its hub, trips, pick-ups and times"))
        self.tabs.setTabToolTip(2, tr("Each hub's spokes, couriers, tests a year and capacity"))
        self.tabs.setMinimumHeight(260)
        stack_parts(self, [self._settings_form(), self.include_proposed, self.runbox, self.tabs])
        self._connect()
        self.load_defaults()

    def _build_settings_widgets(self) -> None:
        """Test, hub quality, couriers, shift, last pick-up, "Include the proposed hubs"."""
        self.capability = QComboBox()
        self.capability.setToolTip(tr("The test whose specimens are referred to the hub labs"))
        self.quality = QComboBox()
        for q in QUALITY_FILTERS:
            self.quality.addItem(quality_label(q), q)
        self.quality.setToolTip(tr("Only labs meeting this standard act as hubs"))
        self.courier_mode = QComboBox()
        for m in load_profiles():
            self.courier_mode.addItem(mode_label(m), m)
        self.courier_mode.setToolTip(tr("How couriers travel (patients travel as in the analysis)"))
        self.couriers = QSpinBox()
        self.couriers.setRange(1, 50)
        self.couriers.setToolTip(tr("Couriers each hub lab can send out per day"))
        self.shift_start = QTimeEdit()
        self.shift_end = QTimeEdit()
        self.latest_pickup = QTimeEdit()
        for edit, tip in (
            (self.shift_start, tr("When the couriers leave the hub")),
            (self.shift_end, tr("When the couriers must be back at the hub")),
            (self.latest_pickup, tr("The last pick-up at a spoke on a courier day")),
        ):
            edit.setDisplayFormat("HH:mm")
            edit.setToolTip(tip)
        self.include_proposed = QCheckBox(tr("Include the proposed hubs"))
        self.include_proposed.setToolTip(
            tr("Add the hubs of the last siting proposal to the existing hub labs")
        )
        self.include_proposed.setEnabled(False)

    def _settings_form(self) -> QFormLayout:
        couriers = QHBoxLayout()
        couriers.addWidget(self.couriers)
        couriers.addWidget(QLabel(tr("per hub, by")))
        couriers.addWidget(self.courier_mode, 1)
        shift = QHBoxLayout()
        shift.addWidget(self.shift_start)
        shift.addWidget(QLabel(tr("to", "from one time to another")))
        shift.addWidget(self.shift_end)
        shift.addStretch(1)
        form = QFormLayout()
        # a long label (in French, in Portuguese) puts its field below it, not the dock wider
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(tr("Test"), self.capability)
        form.addRow(tr("Hub quality"), self.quality)
        form.addRow(tr("Couriers"), couriers)
        form.addRow(tr("Shift"), shift)
        form.addRow(tr("Last pick-up"), self.latest_pickup)
        return form

    def _connect(self) -> None:
        planning = self.planning
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
        notifier().changed.connect(self.retranslate)

    def retranslate(self) -> None:
        """Write again, in the language chosen now, what was built from data: the item texts,
        "Include the proposed hubs", the headers, the plan shown and the state line."""
        relabel(self.quality, quality_label)
        relabel(self.courier_mode, mode_label)
        set_headers(self.spokes, SPOKE_HEADERS)
        set_headers(self.hubs, HUB_WORKLOAD_HEADERS)
        result = self.planning.referral_result
        if result is None:
            self.summary.setText(tr("No referral plan yet."))
        else:
            self._render(result)
        self._proposal_changed()
        self.run_state.again()

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
            self.capability.addItem(test_name(cap), cap)
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
        cap = test_name((self.planning.siting_settings or self.planning.settings()).capability)
        if n and self._proposal_in_whatif():
            # "Make a scenario" made them what-if labs: they count already, and only once
            self.include_proposed.setChecked(False)
            self.include_proposed.setEnabled(False)
            self.include_proposed.setText(
                tr("The %n proposed {test} hubs count: in the what-if", "", n).format(test=cap)
            )
            return
        self.include_proposed.setText(
            tr("Include the %n proposed {test} hubs", "", n).format(test=cap)
        )
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
        self.include_proposed.setText(tr("Include the proposed hubs"))
        self.summary.setText(tr("No referral plan yet."))
        fill_table(self.spokes, [])
        fill_table(self.hubs, [])
        self.run_state.ended(str)

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
            msg = tr(
                "the proposed hubs were sited for {sited}, not {test}: choose {sited} here, or "
                "untick 'Include the proposed hubs'"
            ).format(sited=test_name(sited.capability), test=test_name(capability))
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
        self.run_state.started(worker)

    def _ended(self, message: str) -> None:
        if message == "Cancelled":  # the planning controller's word for a cancel
            self.run_state.ended(
                lambda: tr("Cancelled: the plan shown (if any) is the previous one.")
            )
        else:
            self.run_state.ended(lambda: tr("Failed."), error=message)

    def show_result(self, result: ReferralResult) -> None:
        """Fill the summary and the tables from ``result``."""
        scenario = self.planning.referral_scenario
        n_spokes, n_loops = len(result.spokes), len(result.loops)

        def done() -> str:
            edits = whatif_words(scenario)
            return tr("Done: %n spokes, {loops} courier loops{edits}.", "", n_spokes).format(
                loops=n_loops, edits=f", {edits}" if edits else ""
            )

        self.run_state.ended(done)
        self._render(result)

    def _render(self, result: ReferralResult) -> None:
        """The summary, spokes and hub workload of ``result``, in the app's language."""
        self.summary.setText("\n".join(referral_summary_lines(result)))
        spokes = [_spoke_cells(r) for r in result.spokes.itertuples(index=False)]
        fill_table(self.spokes, spokes)
        hubs = []
        for r in result.hubs.itertuples(index=False):
            util = float(r.utilisation)
            hubs.append(
                [
                    text_item(f"{r.name} ({r.facility_id})"),
                    text_item(tr("yes") if r.proposed else ""),
                    number_item(r.n_servable, _of(r.n_servable, r.n_spokes)),
                    number_item(r.couriers_needed, _of(r.couriers_needed, r.couriers)),
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
        self.run_state.saved(plan.made_at, stale=stale)

    def _spoke_selected(self) -> None:
        items = self.spokes.selectedItems()
        if not items:
            return
        first = self.spokes.item(items[0].row(), 0)
        if first is not None:
            self.planning.zoom_to_spoke(str(first.data(Qt.ItemDataRole.UserRole)))


def _of(part: float, whole: float) -> str:
    """``"3 of 5"``: a part of a whole, both whole numbers."""
    return tr("{part} of {whole}").format(part=int(part), whole=int(whole))


def _spoke_cells(r: Any) -> list[QTableWidgetItem]:
    """The cells of one spoke's row (a row of `ReferralResult.spokes`)."""
    pickup = frequency_label(str(r.frequency)) if r.frequency else tr("none")
    if r.pickup_clock:
        pickup = tr("{frequency}, {clock}", "pick-up").format(
            frequency=pickup, clock=r.pickup_clock
        )
    avg, worst = float(r.sample_to_result_average_wd), float(r.sample_to_result_worst_wd)
    s2r = (
        number_item(worst, f"{format_days(avg)} – {format_days(worst)}")
        if math.isfinite(worst)
        else number_item(float("inf"), tr("not servable"))
    )
    diff = float(r.patient_minus_sample_minutes)
    signed = f"+{format_number(diff)}" if diff >= 0 else format_number(diff)
    cells = [
        text_item(f"{r.name} ({r.facility_id})"),
        text_item(str(r.hub_name or tr("none"))),
        _minutes_item(float(r.sample_minutes)),
        text_item(pickup),
        s2r,
        _minutes_item(float(r.patient_minutes)),
        number_item(diff, signed) if math.isfinite(diff) else text_item(""),
        text_item(tr("yes") if r.meets_target else tr("no")),
        text_item(str(r.reason)),
    ]
    cells[0].setData(Qt.ItemDataRole.UserRole, str(r.facility_id))
    return cells
