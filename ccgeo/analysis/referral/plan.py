"""The referral plan: choose spokes and hubs, send each spoke to a hub, plan the couriers, check
the specimens and the turnaround, and put it all in one `ReferralResult`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ccgeo.analysis.referral.assignment import (
    Assignment,
    HubsArg,
    assign_spokes,
    hub_table,
    spoke_table,
)
from ccgeo.analysis.referral.courier import CourierPlan, plan_couriers
from ccgeo.analysis.referral.params import load_referral_parameters, parameters_with
from ccgeo.analysis.referral.preanalytical import specimen_columns
from ccgeo.analysis.referral.turnaround import (
    patient_columns,
    patient_trips,
    tests_per_year,
    turnaround_columns,
)
from ccgeo.errors import InputError, check_cancel
from ccgeo.i18n import N_, _
from ccgeo.model.referral import ReferralParameters, ReferralResult, clock_text
from ccgeo.progress import ProgressCallback, report_progress, scaled_progress

if TYPE_CHECKING:
    import threading

    import geopandas as gpd

    from ccgeo.model.demand import Demand
    from ccgeo.model.facilities import Facilities
    from ccgeo.model.network import Network
    from ccgeo.model.settings import ReferralSettings


def plan_referral(
    net: Network,
    facilities: Facilities,
    settings: ReferralSettings,
    *,
    params: ReferralParameters | None = None,
    patient_net: Network | None = None,
    demand: Demand | gpd.GeoDataFrame | None = None,
    spokes: Sequence[str] | None = None,
    hubs: HubsArg | None = None,
    proposed_hubs: np.ndarray | gpd.GeoDataFrame | None = None,
    assignment: str | Mapping[str, str] = "nearest",
    spoke_tests_per_year: Mapping[str, float] | None = None,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> ReferralResult:
    """Plan the referral of specimens from spokes to hub labs for one capability.

    Parameters
    ----------
    net
        Road network of the courier's mode (``params.courier_mode``, motorbike by default).
    facilities
        All facilities; spokes and hubs are chosen among them by id.
    settings
        ``capability`` (the test referred) and ``quality`` choose the default hubs; ``travel``
        is the patients' trip (``patient_net`` is its network); ``snapping`` places hubs, spokes
        and people on the networks (`ccgeo.analysis.placement`); the courier values that are set
        replace those of the parameters (`parameters_with`).
    params
        Parameters; None reads ``settings.params`` over ``resources/referral.toml``.
    patient_net
        Network of the patients' trip to the same hub (``settings.travel``); default ``net``.
    demand
        Population points; when given, each spoke's tests per year are those of the people whose
        nearest biopsy site (by ``patient_net``) it is: population × incidence × eligible
        fraction (`ccgeo.analysis.capacity.load_demand_parameters`).
    spokes
        Facility ids that send specimens; default the facilities that take biopsies and are not
        hubs (they lack the capability, or their lab fails the quality filter).
    hubs
        Facility ids of the hub labs, or hub points (``(k, 2)`` lon/lat degrees, or a point
        GeoDataFrame with optional ``facility_id``, ``name``, ``capacity_tests_per_year``);
        default the facilities that can do the capability and pass the quality filter.
    proposed_hubs
        Extra hub points (e.g. from siting), added to ``hubs``: ``(k, 2)`` lon/lat or a point
        GeoDataFrame; their ids default to ``proposed-1``, ``proposed-2``, ...
    assignment
        ``"nearest"``: each spoke sends to the hub its sample reaches first (one multi-source
        Dijkstra, direction spoke → hub); or a mapping spoke id → hub id fixing the hub of those
        spokes (the others go to the nearest).
    spoke_tests_per_year
        Tests per year by facility id (spokes and hubs), replacing the estimate from ``demand``.
    progress, cancel
        ``progress(fraction, text)`` and a `threading.Event` that cancels (`Cancelled`).

    Returns
    -------
    ReferralResult
        Hubs and spokes left out (farther than ``settings.snapping.max_snap_m`` from a road) are
        kept, with the reason.

    Raises
    ------
    InputError
        A capability no specimen is defined for, unknown ids, no hub able to do the test or on
        the roads, no spoke, or courier settings that do not fit the shift.
    Cancelled
        If ``cancel`` is set.
    """
    job = _Job.start(net, patient_net, settings, params, progress=progress, cancel=cancel)
    hub_tab = hub_table(facilities, settings.capability, settings.quality, hubs, proposed_hubs)
    spoke_tab = spoke_table(facilities, spokes, set(hub_tab["facility_id"]), settings.capability)
    assigned = job.assign(hub_tab, spoke_tab, assignment)
    patient_s = job.patient_trips(assigned)
    couriers = plan_couriers(
        net, assigned, job.params, progress=scaled_progress(progress, 0.15, 0.9), cancel=cancel
    )
    tests = job.tests_per_year(assigned, demand, spoke_tests_per_year)
    return job.result(assigned, couriers, patient_s, tests, assignment)


#: The rules of the plan, in words, for the JSON output (in English) and a report's methods page
#: (translated where shown, with `ccgeo.i18n.gettext`).
RULES: dict[str, str] = {
    "assignment": N_(
        "each spoke sends to the hub its specimen reaches fastest by the courier mode (spoke → "
        "hub, one-way streets in the direction of travel), unless the user chose its hub"
    ),
    "placement": N_(
        "hubs and spokes join each network at the nearest node of its main part within the "
        "maximum snap distance (else of a piece cut off from it, serving that piece alone); "
        "farther ones are left out and listed with the reason; people join the patients' "
        "network by the same distance and walk to the road"
    ),
    "courier_loops": N_(
        "per hub, OR-Tools vehicle routing with time windows: couriers leave the hub at shift "
        "start, collect every specimen no later than the latest pick-up, spend the service time "
        "at each stop and are back by shift end; leg times are the network's fastest times, "
        "rounded up to whole seconds inside the solver so that the reported times (not rounded) "
        "keep every window"
    ),
    "frequency": N_(
        "daily for all spokes of a hub when its couriers can visit them all in one shift; "
        "otherwise daily within daily_max_minutes of the hub and weekly beyond, a spoke that "
        "does not fit daily moves to weekly, and one that does not fit weekly is not servable"
    ),
    "fresh_tissue": N_(
        "fresh tissue can be sent fresh only when the direct trip spoke → hub is within the "
        "cold-ischaemia limit, by a run at the time of the biopsy; otherwise it is fixed in "
        "formalin on site and travels as fixed tissue / FFPE block"
    ),
    "specimen_hours": N_(
        "other specimens are taken on a pick-up day before the pick-up (at the earliest at shift "
        "start) and ride the loop to the hub: hours = pick-up clock − shift start + time on "
        "board; for spokes without a loop, the direct trip"
    ),
    "sample_to_result": N_(
        "dispatch + waiting for the next pick-up + transport + lab turnaround, in working days; "
        "waiting is half the pick-up interval on average and the full interval in the worst "
        "case (daily: 1 working day, weekly: one working week); transport hours are divided by "
        "working_hours_per_day; not servable spokes do not meet the target"
    ),
}


@dataclass(eq=False)
class _Job:
    """One referral plan on its way: networks, settings, parameters and the warnings met."""

    net: Network
    patient_net: Network
    settings: ReferralSettings
    params: ReferralParameters
    progress: ProgressCallback | None
    cancel: threading.Event | None
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def start(
        cls,
        net: Network,
        patient_net: Network | None,
        settings: ReferralSettings,
        params: ReferralParameters | None,
        *,
        progress: ProgressCallback | None,
        cancel: threading.Event | None,
    ) -> _Job:
        """The parameters with the settings' courier values; a test with specimens defined."""
        params = parameters_with(params or load_referral_parameters(settings.params), settings)
        patient_net = net if patient_net is None else patient_net
        job = cls(net, patient_net, settings, params, progress, cancel)
        job.step(0.0, _("choosing spokes and hubs"))
        if settings.capability not in params.capability_specimens:
            msg = _(
                "`capability` should be a test that labs receive specimens for ({tests}), got "
                "{capability!r}"
            ).format(tests=", ".join(params.capability_specimens), capability=settings.capability)
            raise InputError(msg)
        if net.mode != params.courier_mode:
            text = _(
                "the courier network is {mode!r} but the parameters name {courier_mode!r} as the "
                "courier mode: times are those of the network given"
            )
            job.warnings.append(text.format(mode=net.mode, courier_mode=params.courier_mode))
        if patient_net.mode != settings.travel.mode:
            text = _(
                "the patients' network is {mode!r} but the settings name {patient_mode!r} as their "
                "mode: patient times are those of the network given"
            )
            job.warnings.append(
                text.format(mode=patient_net.mode, patient_mode=settings.travel.mode)
            )
        return job

    def step(self, fraction: float, text: str) -> None:
        check_cancel(self.cancel)
        report_progress(self.progress, fraction, text)

    def assign(
        self,
        hub_tab: gpd.GeoDataFrame,
        spoke_tab: gpd.GeoDataFrame,
        assignment: str | Mapping[str, str],
    ) -> Assignment:
        self.step(0.05, _("assigning spokes to hubs"))
        return assign_spokes(
            self.net,
            hub_tab,
            spoke_tab,
            snapping=self.settings.snapping,
            assignment=assignment,
            warnings=self.warnings,
            cancel=self.cancel,
        )

    def patient_trips(self, assigned: Assignment) -> np.ndarray:
        self.step(0.12, _("patients' trips to the hubs"))
        return patient_trips(
            self.patient_net,
            assigned.spoke_table,
            assigned.hub_table,
            assigned.hub_of,
            self.settings.snapping,
        )

    def tests_per_year(
        self,
        assigned: Assignment,
        demand: Demand | gpd.GeoDataFrame | None,
        given: Mapping[str, float] | None,
    ) -> np.ndarray:
        return tests_per_year(
            self.patient_net,
            assigned.spoke_table,
            assigned.hub_table,
            capability=self.settings.capability,
            snapping=self.settings.snapping,
            demand=demand,
            given=given,
            warnings=self.warnings,
        )

    def result(
        self,
        assigned: Assignment,
        couriers: CourierPlan,
        patient_s: np.ndarray,
        tests: np.ndarray,
        assignment: str | Mapping[str, str],
    ) -> ReferralResult:
        """The tables, the summary and the settings used."""
        n, capability = len(assigned.spoke_table), self.settings.capability
        spokes = _spoke_frame(assigned, couriers, patient_s, tests[:n], capability, self.params)
        hubs = _hub_frame(assigned, couriers.hubs, spokes, tests[n:], self.params)
        summary = _summary(spokes, hubs, couriers.loops, self.settings, self.warnings)
        settings = {
            **self.settings.to_dict(),
            "courier_mode": self.net.mode,
            "patient_mode": self.patient_net.mode,
            "assignment": "user" if isinstance(assignment, Mapping) else str(assignment),
            "parameters": self.params.to_dict(),
            "rules": RULES,
        }
        report_progress(self.progress, 1.0, _("referral plan done"))
        return ReferralResult(
            spokes=spokes,
            routes=couriers.routes,
            loops=couriers.loops,
            hubs=hubs,
            summary=summary,
            settings=settings,
            warnings=tuple(self.warnings),
        )


# -- tables ---------------------------------------------------------------------------------------


def _spoke_frame(
    assigned: Assignment,
    couriers: CourierPlan,
    patient_s: np.ndarray,
    tests: np.ndarray,
    capability: str,
    params: ReferralParameters,
) -> pd.DataFrame:
    spokes, hubs, hub_of, plan = assigned.spokes, assigned.hubs, assigned.hub_of, couriers.spokes
    servable = assigned.servable
    has_hub = hub_of >= 0
    route_s = couriers.routes["seconds"].to_numpy(dtype=float)
    patient = patient_columns(patient_s, route_s, servable, tests)
    out = pd.DataFrame(
        {
            "facility_id": spokes.ids,
            "name": spokes.names,
            "hub_id": np.where(has_hub, hubs.ids[np.maximum(hub_of, 0)], None),
            "hub_name": np.where(has_hub, hubs.names[np.maximum(hub_of, 0)], None),
            "assigned_by": assigned.assigned_by,
            "snap_m": spokes.snap_m,
            "sample_minutes": route_s / 60.0,
            "sample_km": couriers.routes["metres"].to_numpy(dtype=float) / 1000.0,
            "patient_minutes": patient_s / 60.0,
            "patient_minus_sample_minutes": patient["patient_minus_sample_minutes"],
            "servable": servable,
            "reason": assigned.reason,
            "courier": plan.courier,
            "frequency": plan.frequency,
            "pickups_per_week": plan.pickups_per_week,
            "pickup_clock": [clock_text(p) if np.isfinite(p) else None for p in plan.pickup_s],
            "on_board_minutes": plan.on_board_s / 60.0,
        }
    )
    specimens = specimen_columns(route_s, plan, capability=capability, params=params)
    turnaround = turnaround_columns(plan, servable, capability=capability, params=params)
    for name, values in (specimens | turnaround).items():
        out[name] = values
    out["tests_per_year"] = tests
    out["patient_hours_saved_per_year"] = patient["patient_hours_saved_per_year"]
    return out


def _hub_frame(
    assigned: Assignment,
    infos: list[dict[str, Any]],
    spokes: pd.DataFrame,
    own: np.ndarray,
    params: ReferralParameters,
) -> pd.DataFrame:
    hubs, table = assigned.hubs, assigned.hub_table
    by_hub = {info["hub"]: info for info in infos}
    served = spokes[spokes["servable"]]
    referred = served.groupby("hub_id")["tests_per_year"].sum(min_count=1)
    n_spokes = spokes.groupby("hub_id").size()
    n_served = served.groupby("hub_id").size()
    ids = hubs.ids.astype(str)
    capacity = table["capacity_tests_per_year"].to_numpy(dtype=float)
    # no spoke of a hub refers 0 tests, unless no spoke's tests are known at all
    none_ref = 0.0 if np.isfinite(spokes["tests_per_year"].to_numpy(dtype=float)).any() else np.nan
    ref = np.array([referred.get(h, none_ref) for h in ids], dtype=float)
    workload = np.nansum(np.column_stack([own, ref]), axis=1)
    workload = np.where(np.isnan(own) & np.isnan(ref), np.nan, workload)
    return pd.DataFrame(
        {
            "facility_id": ids,
            "name": hubs.names,
            "proposed": table["proposed"].to_numpy(dtype=bool),
            "node": hubs.node,
            "usable": hubs.usable,
            "n_spokes": [int(n_spokes.get(h, 0)) for h in ids],
            "n_servable": [int(n_served.get(h, 0)) for h in ids],
            "couriers": np.where(hubs.usable, params.couriers_per_hub, 0),
            "couriers_needed": [
                int(by_hub.get(i, {}).get("couriers_needed", 0)) for i in range(len(ids))
            ],
            "own_tests_per_year": own,
            "referred_tests_per_year": ref,
            "workload_tests_per_year": workload,
            "capacity_tests_per_year": capacity,
            "utilisation": np.where(
                capacity > 0, workload / np.where(capacity > 0, capacity, 1), np.nan
            ),
            "solve_seconds": [
                float(by_hub.get(i, {}).get("solve_seconds", 0.0)) for i in range(len(ids))
            ],
        }
    )


def _summary(
    spokes: pd.DataFrame,
    hubs: pd.DataFrame,
    loops: gpd.GeoDataFrame,
    settings: ReferralSettings,
    warnings: list[str],
) -> dict[str, Any]:
    n = len(spokes)
    servable = spokes["servable"].to_numpy(dtype=bool)

    def share(col: str) -> float | None:
        return float(spokes[col].mean()) if n else None

    freq = spokes["frequency"].value_counts().to_dict()
    return {
        "capability": settings.capability,
        "quality": settings.quality,
        "n_hubs": int(hubs["usable"].sum()),
        "n_spokes": n,
        "n_servable": int(servable.sum()),
        "n_not_servable": int((~servable).sum()),
        "not_servable": [
            {"facility_id": r.facility_id, "name": r.name, "reason": r.reason}
            for r in spokes[~servable].itertuples(index=False)
        ],
        "frequency": {str(k): int(v) for k, v in freq.items()},
        "n_loops": len(loops),
        "share_meeting_target": share("meets_target"),
        "share_meeting_target_average": share("meets_target_average"),
        "share_meeting_target_worst": share("meets_target_worst"),
        "share_must_fix_on_site": share("must_fix_on_site"),
        "median_sample_minutes": _median(spokes["sample_minutes"]),
        "median_patient_minutes": _median(spokes["patient_minutes"]),
        "median_sample_to_result_worst_wd": _median(spokes["sample_to_result_worst_wd"]),
        "patient_hours_saved_per_year": float(np.nansum(spokes["patient_hours_saved_per_year"])),
        "solve_seconds": float(hubs["solve_seconds"].sum()),
        "warnings": list(warnings),
    }


def _median(values: pd.Series) -> float | None:
    arr = values.to_numpy(dtype=float)
    arr = arr[np.isfinite(arr)]
    return float(np.median(arr)) if len(arr) else None


# -- files ----------------------------------------------------------------------------------------
