"""The data of a sample-referral plan: specimen types, the referral parameters and the result.

Pure data: `ccgeo.analysis.referral` reads ``resources/referral.toml`` into `ReferralParameters`,
plans, and returns a `ReferralResult`; the faces show it and the writers save it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd


@dataclass(frozen=True)
class SpecimenType:
    """A kind of specimen and how long it may travel.

    Attributes
    ----------
    name : str
        Key, e.g. ``"fresh_tissue"``.
    limit_hours : float
        Longest time from collection to receipt at the hub, hours; ``inf`` for no limit.
    storage : str
        How it travels.
    basis : str
        Source of the limit.
    """

    name: str
    limit_hours: float
    storage: str
    basis: str


@dataclass(frozen=True)
class ReferralParameters:
    """Courier, turnaround and pre-analytical parameters of a referral plan.

    Clock times are seconds after midnight; see ``resources/referral.toml`` for the meaning and
    the source of every value (``basis``). How far a facility may lie from a road is not here: it
    is the ``snapping`` of the referral settings, shared with every analysis.
    """

    courier_mode: str
    couriers_per_hub: int
    shift_start_s: float
    shift_end_s: float
    latest_pickup_s: float
    service_seconds: float
    daily_max_minutes: float
    working_days_per_week: int
    improve_seconds: float
    target_working_days: float
    dispatch_working_days: float
    dispatch_limit_working_days: float
    working_hours_per_day: float
    wait_rule: str
    specimens: Mapping[str, SpecimenType]
    capability_specimens: Mapping[str, tuple[str, ...]]
    lab_turnaround_working_days: Mapping[str, float]
    basis: Mapping[str, str] = field(default_factory=dict)
    sources: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready values, clock times as ``"HH:MM"``, infinite limits as None."""
        return {
            "courier_mode": self.courier_mode,
            "couriers_per_hub": self.couriers_per_hub,
            "shift_start": clock_text(self.shift_start_s),
            "shift_end": clock_text(self.shift_end_s),
            "latest_pickup": clock_text(self.latest_pickup_s),
            "service_minutes": self.service_seconds / 60.0,
            "daily_max_minutes": self.daily_max_minutes,
            "working_days_per_week": self.working_days_per_week,
            "improve_seconds": self.improve_seconds,
            "target_working_days": self.target_working_days,
            "dispatch_working_days": self.dispatch_working_days,
            "dispatch_limit_working_days": self.dispatch_limit_working_days,
            "working_hours_per_day": self.working_hours_per_day,
            "wait_rule": self.wait_rule,
            "specimens": {
                k: {
                    "limit_hours": _finite_or_none(s.limit_hours),
                    "storage": s.storage,
                    "basis": s.basis,
                }
                for k, s in self.specimens.items()
            },
            "capabilities": {
                cap: {
                    "specimens": list(self.capability_specimens[cap]),
                    "lab_turnaround_working_days": self.lab_turnaround_working_days[cap],
                }
                for cap in self.capability_specimens
            },
            "basis": dict(self.basis),
            "sources": list(self.sources),
        }


@dataclass(frozen=True, eq=False)
class ReferralResult:
    """A sample-referral plan: assignment, routes, courier loops, specimen checks, turnaround.

    Attributes
    ----------
    spokes : DataFrame
        One row per spoke, none dropped: ``facility_id``, ``name``, ``hub_id``, ``hub_name``,
        ``assigned_by`` (``"nearest"`` or ``"user"``), ``snap_m``; the sample's trip spoke → hub
        by the courier mode (``sample_minutes``, ``sample_km``); the patient's trip to the same
        hub (``patient_minutes``) and ``patient_minus_sample_minutes``;
        ``servable`` and ``reason``; the courier plan (``courier``, ``frequency`` daily/weekly,
        ``pickups_per_week``, ``pickup_clock``, ``on_board_minutes`` from pick-up to the hub);
        specimen checks (``can_send_fresh``, ``must_fix_on_site``, ``flow_feasible``,
        ``<specimen>_hours`` and ``<specimen>_ok`` for every specimen type, ``can_send`` text);
        turnaround in working days (``wait_average_wd``, ``wait_worst_wd``, ``transport_wd``,
        ``dispatch_wd``, ``lab_wd``, ``sample_to_result_average_wd``,
        ``sample_to_result_worst_wd``, ``meets_target`` by the ``wait_rule``,
        ``meets_target_average``, ``meets_target_worst``, ``leaves_within_dispatch_limit``);
        ``tests_per_year`` and ``patient_hours_saved_per_year``.
    routes : GeoDataFrame
        Spoke → hub fastest route of each spoke, EPSG:4326 (``facility_id``, ``hub_id``,
        ``seconds``, ``minutes``, ``metres``, ``courier``, geometry; empty geometry when there is
        no route).
    loops : GeoDataFrame
        One row per courier loop, EPSG:4326: ``hub_id``, ``courier``, ``day`` (0 = every working
        day, else the working day 1..n of the week), ``stops`` (facility ids in visiting order),
        ``n_stops``, ``start_clock``, ``end_clock``, ``travel_minutes``, ``service_minutes``,
        ``duration_minutes``, ``metres``, geometry along the roads.
    hubs : DataFrame
        Hub workload: ``facility_id``, ``name``, ``proposed``, ``node``, ``usable``,
        ``n_spokes``, ``n_servable``, ``couriers``, ``couriers_needed``, ``own_tests_per_year``
        (patients whose nearest biopsy site is the hub), ``referred_tests_per_year``,
        ``workload_tests_per_year``, ``capacity_tests_per_year``, ``utilisation``,
        ``solve_seconds``.
    summary : dict
        Headline numbers, JSON-ready.
    settings : dict
        The referral settings (`ccgeo.model.settings.ReferralSettings.to_dict`), then the modes
        of the networks used (``courier_mode``, ``patient_mode``), ``assignment``, the
        ``parameters`` used (`ReferralParameters.to_dict`) and the ``rules`` in words.
    warnings : tuple of str
    """

    spokes: pd.DataFrame
    routes: gpd.GeoDataFrame
    loops: gpd.GeoDataFrame
    hubs: pd.DataFrame
    summary: dict[str, Any]
    settings: dict[str, Any]
    warnings: tuple[str, ...] = ()

    def to_json_dict(self) -> dict[str, Any]:
        """Everything but geometry as plain JSON types (NaN and inf as None)."""
        return {
            "settings": jsonable(self.settings),
            "summary": jsonable(self.summary),
            "hubs": _records(self.hubs),
            "spokes": _records(self.spokes),
            "loops": _records(pd.DataFrame(self.loops.drop(columns="geometry"))),
            "warnings": list(self.warnings),
        }


def clock_text(seconds: float | None) -> str:
    """``"HH:MM"`` of seconds after midnight, rounded to the minute; ``""`` when not finite.

    The inverse of `ccgeo.model.settings.clock_seconds`.
    """
    if seconds is None or not math.isfinite(seconds):
        return ""
    minutes = round(seconds / 60.0)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def jsonable(value: Any) -> Any:
    """``value`` with numpy scalars as Python ones and non-finite floats as None, recursively."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [jsonable(dict(r)) for r in frame.to_dict(orient="records")]


def _finite_or_none(value: float) -> float | None:
    return float(value) if math.isfinite(value) else None
