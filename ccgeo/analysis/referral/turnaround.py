"""Sample-to-result time in working days, tests per year, and the patient's trip against the
sample's.

Sample to result = dispatch + waiting for the next pick-up + transport + lab turnaround, in
working days; waiting is half the pick-up interval on average and the full interval in the worst
case. Tests per year of a spoke are those of the people whose nearest biopsy site it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import geopandas as gpd
import numpy as np
import pandas as pd

from ccgeo.analysis.placement import demand_frame, place_labs, point_lonlat, snap_points
from ccgeo.analysis.referral.assignment import place_sites, seconds_at
from ccgeo.analysis.referral.params import is_number
from ccgeo.errors import InputError
from ccgeo.i18n import _
from ccgeo.labels import format_number
from ccgeo.network.routing import catchments, nearest_lab_times

if TYPE_CHECKING:
    from ccgeo.analysis.referral.courier import SpokePlan
    from ccgeo.model.demand import Demand
    from ccgeo.model.network import Network
    from ccgeo.model.referral import ReferralParameters
    from ccgeo.model.settings import Snapping


def turnaround_columns(
    plan: SpokePlan,
    servable: np.ndarray,
    *,
    capability: str,
    params: ReferralParameters,
) -> dict[str, np.ndarray]:
    """Waiting, transport, dispatch, lab and sample-to-result times of each spoke, working days.

    Returns
    -------
    dict
        ``wait_average_wd``, ``wait_worst_wd``, ``transport_wd``, ``dispatch_wd``, ``lab_wd``,
        ``sample_to_result_average_wd``, ``sample_to_result_worst_wd``,
        ``meets_target_average``, ``meets_target_worst``, ``meets_target`` (by the
        ``wait_rule``) and ``leaves_within_dispatch_limit``, in this order. Spokes without a
        pick-up have NaN times and meet no target.
    """
    days = params.working_days_per_week
    per_week = plan.pickups_per_week.astype(float)
    interval = np.where(per_week > 0, days / np.maximum(per_week, 1), np.nan)
    lab = params.lab_turnaround_working_days[capability]
    transport = plan.on_board_s / 3600.0 / params.working_hours_per_day
    wait_avg, wait_worst = interval / 2.0, interval
    s2r_avg = params.dispatch_working_days + wait_avg + transport + lab
    s2r_worst = params.dispatch_working_days + wait_worst + transport + lab
    meets_avg = servable & (s2r_avg <= params.target_working_days)
    meets_worst = servable & (s2r_worst <= params.target_working_days)
    return {
        "wait_average_wd": wait_avg,
        "wait_worst_wd": wait_worst,
        "transport_wd": transport,
        "dispatch_wd": np.where(servable, params.dispatch_working_days, np.nan),
        "lab_wd": np.where(servable, lab, np.nan),
        "sample_to_result_average_wd": s2r_avg,
        "sample_to_result_worst_wd": s2r_worst,
        "meets_target_average": meets_avg,
        "meets_target_worst": meets_worst,
        "meets_target": meets_worst if params.wait_rule == "worst" else meets_avg,
        "leaves_within_dispatch_limit": servable
        & (params.dispatch_working_days + wait_worst <= params.dispatch_limit_working_days),
    }


# -- the patient's trip -------------------------------------------------------------------------


def patient_trips(
    patient_net: Network,
    spoke_table: gpd.GeoDataFrame,
    hub_table: gpd.GeoDataFrame,
    hub_of: np.ndarray,
    snapping: Snapping,
) -> np.ndarray:
    """Seconds of each spoke's patient trip to its assigned hub (one search per hub).

    Spokes and hubs join the patients' network by the one placement rule; ``inf`` where either
    is left out or no road leads from the spoke to the hub.
    """
    seconds = np.full(len(spoke_table), np.inf)
    spokes = place_sites(patient_net, spoke_table, snapping)
    hubs = place_sites(patient_net, hub_table, snapping)
    used = np.flatnonzero(hubs.usable)
    catch = catchments(patient_net, hubs.node[used], max_seconds=np.inf, direction="to_lab")
    for j, h in enumerate(used):
        sel = np.flatnonzero((hub_of == h) & spokes.usable)
        seconds[sel] = seconds_at(*catch.for_lab(j), spokes.node[sel])
    return seconds


def patient_columns(
    patient_seconds: np.ndarray,
    sample_seconds: np.ndarray,
    servable: np.ndarray,
    tests: np.ndarray,
) -> dict[str, np.ndarray]:
    """``patient_minus_sample_minutes`` and ``patient_hours_saved_per_year`` of each spoke.

    Each test referred is a patient's round trip to the hub not made; NaN where the spoke is not
    served or the patient has no route.
    """
    both = np.isfinite(patient_seconds) & np.isfinite(sample_seconds)
    difference = np.where(
        both, np.where(both, patient_seconds, 0.0) - np.where(both, sample_seconds, 0.0), np.nan
    )
    saved = servable & np.isfinite(patient_seconds)
    hours = np.where(saved, tests * 2.0 * np.where(saved, patient_seconds, 0.0) / 3600.0, np.nan)
    return {
        "patient_minus_sample_minutes": difference / 60.0,
        "patient_hours_saved_per_year": hours,
    }


# -- tests per year -------------------------------------------------------------------------------


def tests_per_year(
    patient_net: Network,
    spoke_table: gpd.GeoDataFrame,
    hub_table: gpd.GeoDataFrame,
    *,
    capability: str,
    snapping: Snapping,
    demand: Demand | gpd.GeoDataFrame | None,
    given: Mapping[str, float] | None,
    warnings: list[str],
) -> np.ndarray:
    """Tests per year of each spoke then each hub (own patients); NaN when unknown.

    With ``demand``, a site's tests are those of the people whose nearest biopsy site (spoke or
    hub, by the patients' network) it is: population x incidence x eligible fraction
    (`ccgeo.analysis.capacity.load_demand_parameters`). ``given`` (tests per year by facility
    id) replaces the estimate.

    Raises
    ------
    InputError
        If ``given`` names ids that are neither spokes nor hubs, or a value is not a number of
        tests, 0 or more.
    """
    ids = np.concatenate(
        [spoke_table["facility_id"].astype(str), hub_table["facility_id"].astype(str)]
    )
    tests = np.full(len(ids), np.nan)
    if demand is not None:
        sites = pd.concat([spoke_table, hub_table], ignore_index=True)
        tests = _tests_from_demand(
            patient_net, sites, demand, capability=capability, snapping=snapping, warnings=warnings
        )
    if given is not None:
        pos = {f: i for i, f in enumerate(ids)}
        unknown = [f for f in given if str(f) not in pos]
        if unknown:
            msg = _("`spoke_tests_per_year` names ids that are neither spokes nor hubs: {ids}")
            msg = msg.format(ids=", ".join(map(str, unknown)))
            raise InputError(msg)
        for f, value in given.items():
            if not is_number(value) or not float(value) >= 0:
                msg = _("`spoke_tests_per_year[{id!r}]` = {value!r}: expected tests per year, >= 0")
                msg = msg.format(id=f, value=value)
                raise InputError(msg)
            tests[pos[str(f)]] = float(value)
    if demand is None and given is None:
        text = _(
            "no demand given: tests per year per spoke and hub workload are unknown; pass "
            "`demand` (population) or `spoke_tests_per_year`"
        )
        warnings.append(text)
    return tests


def _tests_from_demand(
    patient_net: Network,
    sites: gpd.GeoDataFrame,
    demand: Demand | gpd.GeoDataFrame,
    *,
    capability: str,
    snapping: Snapping,
    warnings: list[str],
) -> np.ndarray:
    """Tests per year whose nearest biopsy site is each of ``sites`` (0 for a site off the
    roads: its people go to the next site they reach)."""
    from ccgeo.analysis.capacity import load_demand_parameters, test_demand

    placed = place_labs(patient_net, sites, snapping)
    used = placed.used
    near = nearest_lab_times(patient_net, placed.nodes[used], direction="to_lab")
    people = demand_frame(demand, districts=None)
    snapped = snap_points(patient_net, point_lonlat(people, what="demand"), snapping)
    seconds, best = snapped.seconds_via(near.seconds)
    node = snapped.best_node(best)
    reached = np.isfinite(seconds) & (node >= 0)
    site = np.full(len(people), -1, dtype=np.int64)
    site[reached] = used[near.lab[node[reached]]]
    per_point = test_demand(
        people["population"].to_numpy(dtype=float),
        capability=capability,
        params=load_demand_parameters(),
    )
    ok = site >= 0
    tests = np.bincount(site[ok], weights=per_point[ok], minlength=len(sites)).astype(float)
    lost = float(per_point[~ok].sum())
    if lost > 0:
        text = _(
            "{tests} {capability} tests per year come from people who reach no biopsy site by the "
            "patient's mode; they are not counted in any workload"
        )
        warnings.append(text.format(tests=format_number(lost), capability=capability))
    return tests
