"""Sample referral: which hub each spoke sends to, by which road, how often a courier comes,
whether the specimen survives the trip, and how long until the result.

Times are seconds inside, minutes and working days in tables; coordinates EPSG:4326. The sample
travels spoke → hub; the courier loop runs hub → spokes → hub within a shift.
"""

from __future__ import annotations

import itertools
import json
import math
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import geopandas as gpd
import numpy as np
import pandas as pd
from shapely.geometry import LineString

from ccgeo.errors import InputError, check_cancel
from ccgeo.model.facilities import Facilities
from ccgeo.model.schema import CAPABILITIES, QUALITY_FILTERS
from ccgeo.network.routing import PathResult, catchments, nearest_lab_times, shortest_path
from ccgeo.params import load_toml, resource
from ccgeo.progress import ProgressCallback, report_progress

if TYPE_CHECKING:
    import threading

    from ccgeo.model.demand import Demand
    from ccgeo.model.network import Network

#: The bundled referral parameters (courier, turnaround, specimen limits, their sources).
BUNDLED_REFERRAL = "referral.toml"

#: ``wait_rule`` values: which waiting time for the next pick-up decides ``meets_target``.
WAIT_RULES: tuple[str, ...] = ("worst", "average")

#: Drop penalty of a stop in the route search; far above any route's cost in seconds, so a stop is
#: left out only when no route can take it within its time window.
_DROP_PENALTY = 10**9

#: Safety limit of one route search with the deterministic greedy descent, seconds.
_GREEDY_LIMIT_S = 30

_COURIER_KEYS: dict[str, str] = {
    "mode": "str",
    "couriers_per_hub": "int",
    "shift_start": "clock",
    "shift_end": "clock",
    "latest_pickup": "clock",
    "service_minutes": "float",
    "daily_max_minutes": "float",
    "working_days_per_week": "int",
    "max_snap_m": "float",
    "improve_seconds": "float",
}
_TURNAROUND_KEYS: dict[str, str] = {
    "target_working_days": "float",
    "dispatch_working_days": "float",
    "dispatch_limit_working_days": "float",
    "working_hours_per_day": "float",
    "wait_rule": "str",
}


# ---------------------------------------------------------------------------------------------
# parameters


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
    the source of every value (``basis``).
    """

    courier_mode: str
    couriers_per_hub: int
    shift_start_s: float
    shift_end_s: float
    latest_pickup_s: float
    service_seconds: float
    daily_max_minutes: float
    working_days_per_week: int
    max_snap_m: float
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
            "shift_start": _clock(self.shift_start_s),
            "shift_end": _clock(self.shift_end_s),
            "latest_pickup": _clock(self.latest_pickup_s),
            "service_minutes": self.service_seconds / 60.0,
            "daily_max_minutes": self.daily_max_minutes,
            "working_days_per_week": self.working_days_per_week,
            "max_snap_m": self.max_snap_m,
            "improve_seconds": self.improve_seconds,
            "target_working_days": self.target_working_days,
            "dispatch_working_days": self.dispatch_working_days,
            "dispatch_limit_working_days": self.dispatch_limit_working_days,
            "working_hours_per_day": self.working_hours_per_day,
            "wait_rule": self.wait_rule,
            "specimens": {
                k: {
                    "limit_hours": _json_float(s.limit_hours),
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


def load_referral_parameters(path: str | Path | None = None) -> ReferralParameters:
    """Read the bundled referral parameters, and a user's file over them.

    Parameters
    ----------
    path
        A TOML file in the format of ``resources/referral.toml``; its values replace the bundled
        ones key by key (a value given without a basis is cited as coming from this file). None
        reads the bundled file only.

    Returns
    -------
    ReferralParameters

    Raises
    ------
    InputError
        If a file is missing or not valid TOML, a key is unknown, or a value is out of range;
        every problem is listed at once with its table, key and value.
    """
    where = resource(BUNDLED_REFERRAL)
    data = _read_toml(where)
    sources = [str(where)]
    if path is not None:
        where = Path(path)
        user = _read_toml(where)
        sources.append(str(where))
        data = _merge_user(data, user, cite=f"user file {where.name}")
    problems: list[str] = []
    courier = _typed_table(data, "courier", _COURIER_KEYS, problems)
    turnaround = _typed_table(data, "turnaround", _TURNAROUND_KEYS, problems)
    _check_ranges(courier, turnaround, problems)
    specimens = _specimens(data.get("specimens", {}), problems)
    cap_specimens, lab_days = _capabilities(data.get("capabilities", {}), specimens, problems)
    if problems:
        msg = (
            "referral parameters are not usable: "
            + "; ".join(problems)
            + ". Fix these values (see the comments at the top of resources/referral.toml)."
        )
        raise InputError(msg, path=where)
    basis = {f"courier.{k}": str(v) for k, v in data["courier"].get("basis", {}).items()}
    basis |= {f"turnaround.{k}": str(v) for k, v in data["turnaround"].get("basis", {}).items()}
    for cap, table in data.get("capabilities", {}).items():
        basis[f"capabilities.{cap}"] = str(table.get("basis", ""))
    return ReferralParameters(
        courier_mode=courier["mode"],
        couriers_per_hub=courier["couriers_per_hub"],
        shift_start_s=courier["shift_start"],
        shift_end_s=courier["shift_end"],
        latest_pickup_s=courier["latest_pickup"],
        service_seconds=courier["service_minutes"] * 60.0,
        daily_max_minutes=courier["daily_max_minutes"],
        working_days_per_week=courier["working_days_per_week"],
        max_snap_m=courier["max_snap_m"],
        improve_seconds=courier["improve_seconds"],
        target_working_days=turnaround["target_working_days"],
        dispatch_working_days=turnaround["dispatch_working_days"],
        dispatch_limit_working_days=turnaround["dispatch_limit_working_days"],
        working_hours_per_day=turnaround["working_hours_per_day"],
        wait_rule=turnaround["wait_rule"],
        specimens=specimens,
        capability_specimens=cap_specimens,
        lab_turnaround_working_days=lab_days,
        basis=basis,
        sources=tuple(sources),
    )


def _read_toml(path: Path) -> dict[str, Any]:
    data = load_toml(path, what="referral parameter file", example=BUNDLED_REFERRAL)
    problems = [
        f"unknown table [{k}] (expected courier, turnaround, specimens, capabilities)"
        for k in data
        if k not in ("courier", "turnaround", "specimens", "capabilities")
    ]
    for name, keys in (("courier", _COURIER_KEYS), ("turnaround", _TURNAROUND_KEYS)):
        table = data.get(name, {})
        if not isinstance(table, dict):
            problems.append(f"{name} = {table!r} should be a table [{name}]")
            continue
        problems += [
            f"unknown key [{name}] {k!r} (expected {', '.join(keys)})"
            for k in table
            if k not in keys and k != "basis"
        ]
    for name in ("specimens", "capabilities"):
        table = data.get(name, {})
        if not isinstance(table, dict) or not all(isinstance(t, dict) for t in table.values()):
            problems.append(f"[{name}] should hold tables [{name}.<name>]")
    if problems:
        raise InputError("; ".join(problems), path=path)
    return data


def _merge_user(base: dict[str, Any], user: dict[str, Any], *, cite: str) -> dict[str, Any]:
    """Merge a user's tables over the bundled ones key by key, citing the user's file."""
    out = {
        k: {kk: (dict(vv) if isinstance(vv, dict) else vv) for kk, vv in v.items()}
        for k, v in base.items()
    }
    for name in ("courier", "turnaround"):
        table = user.get(name, {})
        target = out.setdefault(name, {})
        basis = target.setdefault("basis", {})
        for key, value in table.items():
            if key == "basis":
                basis.update(value)
            else:
                target[key] = value
                if key not in table.get("basis", {}):
                    basis[key] = cite
    for name in ("specimens", "capabilities"):
        for key, table in user.get(name, {}).items():
            merged = out.setdefault(name, {}).get(key, {}) | table
            if "basis" not in table:
                merged["basis"] = cite
            out[name][key] = merged
    return out


def _typed_table(
    data: dict[str, Any], name: str, keys: dict[str, str], problems: list[str]
) -> dict[str, Any]:
    table = data.get(name, {})
    out: dict[str, Any] = {}
    for key, kind in keys.items():
        value = table.get(key)
        where = f"[{name}] {key} = {value!r}"
        if value is None:
            problems.append(f"[{name}] {key} is missing")
        elif kind == "clock":
            seconds = _parse_clock(value)
            if seconds is None:
                problems.append(f'{where}: expected a clock time "HH:MM" such as "14:30"')
            out[key] = seconds
        elif kind == "int":
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                problems.append(f"{where}: expected a whole number, 1 or more")
            out[key] = value
        elif kind == "float":
            if not _is_number(value) or not math.isfinite(float(value)) or float(value) < 0:
                problems.append(f"{where}: expected a number, 0 or more")
                out[key] = None
            else:
                out[key] = float(value)
        else:
            if not isinstance(value, str) or not value.strip():
                problems.append(f"{where}: expected a text value")
            out[key] = value
    return out


def _check_ranges(courier: dict[str, Any], turn: dict[str, Any], problems: list[str]) -> None:
    start, end, latest = (courier.get(k) for k in ("shift_start", "shift_end", "latest_pickup"))
    if None not in (start, end, latest) and not start < latest <= end:
        problems.append(
            f"[courier] shift_start {_clock(start)}, latest_pickup {_clock(latest)}, shift_end "
            f"{_clock(end)}: expected shift_start < latest_pickup <= shift_end"
        )
    wd = courier.get("working_days_per_week")
    if isinstance(wd, int) and not 1 <= wd <= 7:
        problems.append(f"[courier] working_days_per_week = {wd}: expected 1 to 7")
    hours = turn.get("working_hours_per_day")
    if hours is not None and not 0 < hours <= 24:
        problems.append(f"[turnaround] working_hours_per_day = {hours}: expected above 0, <= 24")
    if courier.get("max_snap_m") == 0:
        problems.append("[courier] max_snap_m = 0: expected a positive distance in metres")
    rule = turn.get("wait_rule")
    if isinstance(rule, str) and rule not in WAIT_RULES:
        problems.append(f"[turnaround] wait_rule = {rule!r}: expected 'worst' or 'average'")


def _specimens(tables: dict[str, Any], problems: list[str]) -> dict[str, SpecimenType]:
    out: dict[str, SpecimenType] = {}
    for name, table in tables.items():
        unknown = [k for k in table if k not in ("limit_hours", "storage", "basis")]
        if unknown:
            problems.append(
                f"unknown key [specimens.{name}] {unknown[0]!r} (expected limit_hours, storage, "
                "basis)"
            )
        limit = table.get("limit_hours")
        if not _is_number(limit) or not float(limit) > 0:
            problems.append(
                f"[specimens.{name}] limit_hours = {limit!r}: expected hours above 0 "
                "(inf for no limit)"
            )
            continue
        out[name] = SpecimenType(
            name, float(limit), str(table.get("storage", "")), str(table.get("basis", ""))
        )
    if "fresh_tissue" not in out:
        problems.append("[specimens.fresh_tissue] is missing (the cold-ischaemia limit)")
    return out


def _capabilities(
    tables: dict[str, Any], specimens: Mapping[str, SpecimenType], problems: list[str]
) -> tuple[dict[str, tuple[str, ...]], dict[str, float]]:
    kinds: dict[str, tuple[str, ...]] = {}
    days: dict[str, float] = {}
    for cap, table in tables.items():
        if cap not in CAPABILITIES:
            problems.append(
                f"unknown capability [capabilities.{cap}] (expected one of "
                f"{', '.join(CAPABILITIES)})"
            )
            continue
        names = table.get("specimens")
        if not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names):
            problems.append(
                f"[capabilities.{cap}] specimens = {names!r}: expected a list of specimen types"
            )
            continue
        missing = [n for n in names if n not in specimens]
        if missing:
            problems.append(
                f"[capabilities.{cap}] specimens names {', '.join(missing)}, not defined in "
                f"[specimens] ({', '.join(specimens)})"
            )
        lab = table.get("lab_turnaround_working_days")
        if not _is_number(lab) or not 0 <= float(lab) < 1000:
            problems.append(
                f"[capabilities.{cap}] lab_turnaround_working_days = {lab!r}: expected working "
                "days, 0 or more"
            )
            continue
        kinds[cap] = tuple(names)
        days[cap] = float(lab)
    return kinds, days


def _parse_clock(value: object) -> float | None:
    if not isinstance(value, str):
        return None
    parts = value.strip().split(":")
    if len(parts) != 2 or not all(p.isdigit() for p in parts):
        return None
    hours, minutes = int(parts[0]), int(parts[1])
    if not (0 <= hours <= 24 and 0 <= minutes < 60) or hours * 60 + minutes > 24 * 60:
        return None
    return float(hours * 3600 + minutes * 60)


def _clock(seconds: float | None) -> str:
    """``"HH:MM"`` of seconds after midnight (rounded to the minute)."""
    if seconds is None or not math.isfinite(seconds):
        return ""
    minutes = round(seconds / 60.0)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _json_float(value: float) -> float | None:
    return float(value) if math.isfinite(value) else None


# ---------------------------------------------------------------------------------------------
# the result


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
        Capability, quality, modes and the parameters used.
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
            "settings": _jsonable(self.settings),
            "summary": _jsonable(self.summary),
            "hubs": _records(self.hubs),
            "spokes": _records(self.spokes),
            "loops": _records(pd.DataFrame(self.loops.drop(columns="geometry"))),
            "warnings": list(self.warnings),
        }


def write_referral(result: ReferralResult, out_dir: str | Path) -> dict[str, Path]:
    """Write ``referral.json``, ``routes.gpkg`` (layers ``routes`` and ``loops``), ``referral.csv``.

    Parameters
    ----------
    result
        A plan from `plan_referral`.
    out_dir
        Folder, created if missing.

    Returns
    -------
    dict
        The paths written, by ``"json"``, ``"gpkg"``, ``"csv"``.
    """
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    paths = {
        "json": folder / "referral.json",
        "gpkg": folder / "routes.gpkg",
        "csv": folder / "referral.csv",
    }
    paths["json"].write_text(
        json.dumps(result.to_json_dict(), ensure_ascii=False, indent=1), encoding="utf-8"
    )
    if paths["gpkg"].exists():
        paths["gpkg"].unlink()
    result.routes.to_file(paths["gpkg"], layer="routes", driver="GPKG")
    result.loops.to_file(paths["gpkg"], layer="loops", driver="GPKG")
    result.spokes.to_csv(paths["csv"], index=False, encoding="utf-8")
    return paths


# ---------------------------------------------------------------------------------------------
# the plan


@dataclass
class _Sites:
    """Facilities placed on a network."""

    ids: np.ndarray
    names: np.ndarray
    lonlat: np.ndarray
    node: np.ndarray
    snap_m: np.ndarray
    usable: np.ndarray


def plan_referral(
    net: Network,
    facilities: Facilities,
    *,
    capability: str,
    quality: str = "any",
    spokes: Sequence[str] | None = None,
    hubs: Sequence[str] | np.ndarray | gpd.GeoDataFrame | None = None,
    proposed_hubs: np.ndarray | gpd.GeoDataFrame | None = None,
    assignment: str | Mapping[str, str] = "nearest",
    params: ReferralParameters | None = None,
    patient_mode_net: Network | None = None,
    demand: Demand | gpd.GeoDataFrame | None = None,
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
    capability
        The test referred (``"ihc"``, ``"pcr"``, ...; see `ccgeo.model.CAPABILITIES`).
    quality
        Quality filter of the default hubs (`ccgeo.model.QUALITY_FILTERS`).
    spokes
        Facility ids that send specimens; default the facilities that take biopsies and are not
        hubs (they lack the capability, or their lab fails the quality filter).
    hubs
        Facility ids of the hub labs, or hub points (``(k, 2)`` lon/lat degrees, or a point
        GeoDataFrame with optional ``facility_id``, ``name``, ``capacity_tests_per_year``);
        default the facilities that can do ``capability`` and pass ``quality``.
    proposed_hubs
        Extra hub points (e.g. from siting), added to ``hubs``: ``(k, 2)`` lon/lat or a point
        GeoDataFrame; their ids default to ``proposed-1``, ``proposed-2``, ...
    assignment
        ``"nearest"``: each spoke sends to the hub its sample reaches first (one multi-source
        Dijkstra, direction spoke → hub); or a mapping spoke id → hub id fixing the hub of those
        spokes (the others go to the nearest).
    params
        Parameters; None reads ``resources/referral.toml``.
    patient_mode_net
        Network of the patient's trip to the same hub (car, walk, ...); default ``net``.
    demand
        Population points; when given, each spoke's tests per year are those of the people whose
        nearest biopsy site (by ``patient_mode_net``) it is: population × incidence × eligible
        fraction (`ccgeo.analysis.capacity.load_demand_parameters`).
    spoke_tests_per_year
        Tests per year by facility id (spokes and hubs), replacing the estimate from ``demand``.
    progress, cancel
        ``progress(fraction, text)`` and a `threading.Event` that cancels (`Cancelled`).

    Returns
    -------
    ReferralResult

    Raises
    ------
    InputError
        Unknown capability, quality or ids; no hub able to do the test; no spoke.
    Cancelled
        If ``cancel`` is set.
    """
    params = params or load_referral_parameters()
    patient_net = patient_mode_net if patient_mode_net is not None else net
    check_cancel(cancel)
    report_progress(progress, 0.0, "choosing spokes and hubs")
    if capability not in params.capability_specimens:
        msg = (
            f"`capability` should be a test that labs receive specimens for "
            f"({', '.join(params.capability_specimens)}), got {capability!r}"
        )
        raise InputError(msg)
    if quality not in QUALITY_FILTERS:
        msg = f"`quality` should be one of {', '.join(QUALITY_FILTERS)}, got {quality!r}"
        raise InputError(msg)
    if net.mode != params.courier_mode:
        warn_mode = (
            f"the courier network is {net.mode!r} but the parameters name {params.courier_mode!r}"
            " as the courier mode: times are those of the network given"
        )
    else:
        warn_mode = ""
    hub_table = _hub_table(facilities, capability, quality, hubs, proposed_hubs)
    spoke_table = _spoke_table(facilities, spokes, set(hub_table["facility_id"]), capability)
    warnings: list[str] = [warn_mode] if warn_mode else []

    hub_sites = _place(net, hub_table, max_snap_m=params.max_snap_m)
    spoke_sites = _place(net, spoke_table, max_snap_m=params.max_snap_m)
    for i in np.flatnonzero(~hub_sites.usable):
        warnings.append(
            f"hub {hub_sites.ids[i]} ({hub_sites.names[i]}) is {hub_sites.snap_m[i]:.0f} m from "
            f"the nearest {net.mode} road, more than {params.max_snap_m:g} m: not used"
        )
    if not hub_sites.usable.any():
        msg = (
            f"none of the {len(hub_table)} hubs lies within {params.max_snap_m:g} m of the "
            f"{net.mode} roads; check their coordinates or the road file"
        )
        raise InputError(msg)

    check_cancel(cancel)
    report_progress(progress, 0.05, "assigning spokes to hubs")
    hub_of, assigned_by, sample_s = _assign(net, spoke_sites, hub_sites, assignment, cancel)

    check_cancel(cancel)
    report_progress(progress, 0.12, "patients' trips to the hubs")
    patient_s = _patient_trips(patient_net, spoke_table, hub_table, hub_of, params)

    n = len(spoke_table)
    reason = np.full(n, "", dtype=object)
    reason[~spoke_sites.usable] = [
        f"{m:.0f} m from the nearest {net.mode} road, more than the maximum snap distance of "
        f"{params.max_snap_m:g} m: check its coordinates"
        for m in spoke_sites.snap_m[~spoke_sites.usable]
    ]
    no_route = spoke_sites.usable & ~np.isfinite(sample_s)
    for i in np.flatnonzero(no_route):
        target = (
            f"the chosen hub {hub_sites.ids[hub_of[i]]}" if assigned_by[i] == "user" else "any hub"
        )
        reason[i] = (
            f"no {net.mode} road route from this spoke to {target}: it lies on a piece of the "
            "road network cut off from the hubs"
        )

    # courier loops, hub by hub
    plan = _SpokePlan.empty(n)
    loop_rows: list[dict[str, Any]] = []
    hub_rows: list[dict[str, Any]] = []
    legs = _LegCache(net)
    usable_hubs = np.flatnonzero(hub_sites.usable)
    for step, h in enumerate(usable_hubs):
        check_cancel(cancel)
        report_progress(
            progress,
            0.15 + 0.75 * step / max(len(usable_hubs), 1),
            f"courier loops of hub {hub_sites.ids[h]} ({step + 1} of {len(usable_hubs)})",
        )
        members = np.flatnonzero((hub_of == h) & (reason == ""))
        info = _hub_loops(
            net, h, members, hub_sites, spoke_sites, params, plan, reason, loop_rows, legs, cancel
        )
        hub_rows.append(info)

    check_cancel(cancel)
    report_progress(progress, 0.9, "routes and turnaround")
    routes = _routes_frame(net, spoke_sites, hub_sites, hub_of, plan, legs, cancel)
    servable = reason == ""
    tests = _tests_per_year(
        patient_net, demand, spoke_tests_per_year, spoke_table, hub_table, capability, warnings
    )
    spoke_frame = _spoke_frame(
        spoke_table,
        spoke_sites,
        hub_sites,
        hub_of,
        assigned_by,
        routes,
        patient_s,
        plan,
        reason,
        servable,
        tests[:n],
        capability,
        params,
    )
    hub_frame = _hub_frame(hub_table, hub_sites, hub_rows, spoke_frame, tests[n:], params)
    loops = _loops_frame(loop_rows)
    summary = _summary(spoke_frame, hub_frame, loops, capability, quality, warnings)
    settings = {
        "capability": capability,
        "quality": quality,
        "courier_mode": net.mode,
        "patient_mode": patient_net.mode,
        "assignment": "user" if isinstance(assignment, Mapping) else str(assignment),
        "parameters": params.to_dict(),
        "rules": _RULES,
    }
    report_progress(progress, 1.0, "referral plan done")
    return ReferralResult(
        spokes=spoke_frame,
        routes=routes,
        loops=loops,
        hubs=hub_frame,
        summary=summary,
        settings=settings,
        warnings=tuple(warnings),
    )


#: The rules of the plan, in words, for the JSON output and a report's methods page.
_RULES: dict[str, str] = {
    "assignment": (
        "each spoke sends to the hub its specimen reaches fastest by the courier mode (spoke → "
        "hub, one-way streets in the direction of travel), unless the user chose its hub"
    ),
    "courier_loops": (
        "per hub, OR-Tools vehicle routing with time windows: couriers leave the hub at shift "
        "start, collect every specimen no later than the latest pick-up, spend the service time "
        "at each stop and are back by shift end; leg times are the network's fastest times, "
        "rounded up to whole seconds inside the solver so that the reported times (not rounded) "
        "keep every window"
    ),
    "frequency": (
        "daily for all spokes of a hub when its couriers can visit them all in one shift; "
        "otherwise daily within daily_max_minutes of the hub and weekly beyond, a spoke that "
        "does not fit daily moves to weekly, and one that does not fit weekly is not servable"
    ),
    "fresh_tissue": (
        "fresh tissue can be sent fresh only when the direct trip spoke → hub is within the "
        "cold-ischaemia limit, by a run at the time of the biopsy; otherwise it is fixed in "
        "formalin on site and travels as fixed tissue / FFPE block"
    ),
    "specimen_hours": (
        "other specimens are taken on a pick-up day before the pick-up (at the earliest at shift "
        "start) and ride the loop to the hub: hours = pick-up clock − shift start + time on "
        "board; for spokes without a loop, the direct trip"
    ),
    "sample_to_result": (
        "dispatch + waiting for the next pick-up + transport + lab turnaround, in working days; "
        "waiting is half the pick-up interval on average and the full interval in the worst "
        "case (daily: 1 working day, weekly: one working week); transport hours are divided by "
        "working_hours_per_day; not servable spokes do not meet the target"
    ),
}


# -- choosing spokes and hubs ---------------------------------------------------------------------


def _hub_table(
    facilities: Facilities,
    capability: str,
    quality: str,
    hubs: Sequence[str] | np.ndarray | gpd.GeoDataFrame | None,
    proposed: np.ndarray | gpd.GeoDataFrame | None,
) -> gpd.GeoDataFrame:
    """Hubs as ``facility_id``, ``name``, ``capacity_tests_per_year``, ``proposed``, geometry."""
    cols = ["facility_id", "name", "capacity_tests_per_year", "geometry"]
    gdf = facilities.gdf
    if hubs is None:
        table = facilities.capable(capability, quality=quality).gdf[cols].assign(proposed=False)
        if table.empty and proposed is None:
            n_cap = int(gdf[capability].astype(bool).sum())
            msg = (
                f"no facility can do {capability} with the quality filter {quality!r} "
                f"({n_cap} of {len(gdf)} facilities do {capability} at all): lower the quality "
                "filter, mark the labs that do the test in the facility file, or give hubs"
            )
            raise InputError(msg)
    elif isinstance(hubs, np.ndarray | gpd.GeoDataFrame):
        table = _point_table(hubs, prefix="hub")
    else:
        ids = [str(h) for h in hubs]
        known = gdf["facility_id"].astype(str)
        unknown = [h for h in ids if h not in set(known)]
        if unknown:
            msg = (
                f"`hubs` names facility ids that are not in the facility layer: "
                f"{', '.join(unknown)}; use ids from its facility_id column"
            )
            raise InputError(msg)
        table = gdf.loc[known.isin(ids).to_numpy(), cols].assign(proposed=False)
    if proposed is not None:
        table = pd.concat([table, _point_table(proposed, prefix="proposed")], ignore_index=True)
    table = gpd.GeoDataFrame(table, geometry="geometry", crs="EPSG:4326").reset_index(drop=True)
    if table.empty:
        raise InputError("no hub given: `hubs` and `proposed_hubs` are both empty")
    dup = table["facility_id"][table["facility_id"].duplicated()].tolist()
    if dup:
        raise InputError(f"hub ids are repeated: {', '.join(map(str, dup))}; give each hub once")
    return table


def _point_table(points: np.ndarray | gpd.GeoDataFrame, *, prefix: str) -> gpd.GeoDataFrame:
    if isinstance(points, gpd.GeoDataFrame):
        if points.crs is None:
            raise InputError(f"the {prefix} points have no CRS; set EPSG:4326 for lon/lat")
        pts = points.to_crs("EPSG:4326")
        if not (pts.geometry.geom_type == "Point").all():
            raise InputError(f"the {prefix} hubs should be points, got {set(pts.geom_type)}")
        lonlat = np.column_stack([pts.geometry.x, pts.geometry.y])
        ids = (
            pts["facility_id"].astype(str).to_numpy()
            if "facility_id" in pts
            else np.array([f"{prefix}-{i + 1}" for i in range(len(pts))])
        )
        names = pts["name"].astype(str).to_numpy() if "name" in pts else ids
        cap = (
            pd.to_numeric(pts["capacity_tests_per_year"], errors="coerce").to_numpy(float)
            if "capacity_tests_per_year" in pts
            else np.full(len(pts), np.nan)
        )
    else:
        lonlat = np.asarray(points, dtype=np.float64).reshape(-1, 2)
        ids = np.array([f"{prefix}-{i + 1}" for i in range(len(lonlat))])
        names, cap = ids, np.full(len(lonlat), np.nan)
    bad = np.flatnonzero(~np.isfinite(lonlat).all(axis=1))
    if len(bad):
        raise InputError(f"{prefix} hub rows {bad[:10].tolist()} have no valid lon/lat")
    return gpd.GeoDataFrame(
        {
            "facility_id": ids.astype(object),
            "name": names.astype(object),
            "capacity_tests_per_year": cap,
            "proposed": prefix == "proposed",
        },
        geometry=gpd.points_from_xy(lonlat[:, 0], lonlat[:, 1]),
        crs="EPSG:4326",
    )


def _spoke_table(
    facilities: Facilities, spokes: Sequence[str] | None, hub_ids: set[str], capability: str
) -> gpd.GeoDataFrame:
    gdf = facilities.gdf
    ids = gdf["facility_id"].astype(str)
    if spokes is None:
        mask = gdf["biopsy"].astype(bool).to_numpy() & ~ids.isin(hub_ids).to_numpy()
        if not mask.any():
            msg = (
                f"no spoke: no facility takes biopsies without being a {capability} hub; give "
                "`spokes` (facility ids) or mark the biopsy column of the facility file"
            )
            raise InputError(msg)
    else:
        wanted = [str(s) for s in spokes]
        unknown = [s for s in wanted if s not in set(ids)]
        if unknown:
            msg = (
                f"`spokes` names facility ids that are not in the facility layer: "
                f"{', '.join(unknown)}; use ids from its facility_id column"
            )
            raise InputError(msg)
        both = [s for s in wanted if s in hub_ids]
        if both:
            msg = (
                f"facilities {', '.join(both)} are both spokes and hubs; remove them from `spokes`"
            )
            raise InputError(msg)
        if not wanted:
            raise InputError("`spokes` is empty; give at least one facility id")
        mask = ids.isin(wanted).to_numpy()
    return gdf.loc[mask, ["facility_id", "name", "geometry"]].reset_index(drop=True)


def _place(net: Network, table: gpd.GeoDataFrame, *, max_snap_m: float) -> _Sites:
    """Tie facilities to the nearest node of the network's main component."""
    lonlat = np.column_stack([table.geometry.x.to_numpy(), table.geometry.y.to_numpy()])
    node, metres = net.snap(lonlat, main_component_only=True)
    usable = metres <= max_snap_m
    return _Sites(
        table["facility_id"].astype(str).to_numpy(dtype=object),
        table["name"].astype(str).to_numpy(dtype=object),
        lonlat,
        np.where(usable, node, -1),
        metres,
        usable,
    )


def _assign(
    net: Network,
    spokes: _Sites,
    hubs: _Sites,
    assignment: str | Mapping[str, str],
    cancel: threading.Event | None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Hub index, how it was assigned and sample seconds (spoke → hub) of each spoke."""
    n = len(spokes.ids)
    used = np.flatnonzero(hubs.usable)
    near = nearest_lab_times(net, hubs.node[used], direction="to_lab", cancel=cancel)
    hub_of = np.full(n, -1, dtype=np.int64)
    seconds = np.full(n, np.inf)
    on = spokes.usable
    reached = np.zeros(n, dtype=bool)
    reached[on] = near.lab[spokes.node[on]] >= 0
    hub_of[reached] = used[near.lab[spokes.node[reached]]]
    seconds[reached] = near.seconds[spokes.node[reached]]
    by = np.full(n, "nearest", dtype=object)
    if isinstance(assignment, Mapping):
        chosen = _user_assignment(assignment, spokes, hubs)
        if chosen:
            rows = np.array(list(chosen), dtype=np.int64)
            targets = np.array([chosen[r] for r in rows], dtype=np.int64)
            by[rows] = "user"
            hub_of[rows] = targets
            # one search per chosen hub, to that hub only
            uniq, inv = np.unique(targets, return_inverse=True)
            catch = catchments(net, hubs.node[uniq], max_seconds=np.inf, direction="to_lab")
            for j in range(len(uniq)):
                sel = rows[(inv == j) & spokes.usable[rows]]
                seconds[sel] = _lookup(*catch.for_lab(j), spokes.node[sel])
    elif assignment != "nearest":
        msg = f"`assignment` should be 'nearest' or a mapping spoke id → hub id, got {assignment!r}"
        raise InputError(msg)
    return hub_of, by, seconds


def _user_assignment(assignment: Mapping[str, str], spokes: _Sites, hubs: _Sites) -> dict[int, int]:
    spoke_pos = {s: i for i, s in enumerate(spokes.ids)}
    hub_pos = {h: i for i, h in enumerate(hubs.ids)}
    problems = [f"spoke {s!r} is not a spoke" for s in assignment if str(s) not in spoke_pos]
    problems += [
        f"hub {h!r} (for spoke {s!r}) is not a hub"
        for s, h in assignment.items()
        if str(h) not in hub_pos
    ]
    problems += [
        f"hub {h!r} (for spoke {s!r}) is not on the road network"
        for s, h in assignment.items()
        if str(h) in hub_pos and not hubs.usable[hub_pos[str(h)]]
    ]
    if problems:
        msg = (
            "`assignment` cannot be used: " + "; ".join(problems) + f". Spokes are "
            f"{', '.join(map(str, spokes.ids[:10]))}{' ...' if len(spokes.ids) > 10 else ''}; "
            f"hubs are {', '.join(map(str, hubs.ids[:10]))}{' ...' if len(hubs.ids) > 10 else ''}"
        )
        raise InputError(msg)
    return {spoke_pos[str(s)]: hub_pos[str(h)] for s, h in assignment.items()}


def _patient_trips(
    patient_net: Network,
    spoke_table: gpd.GeoDataFrame,
    hub_table: gpd.GeoDataFrame,
    hub_of: np.ndarray,
    params: ReferralParameters,
) -> np.ndarray:
    """Seconds of each spoke's patient trip to its assigned hub (one search per hub)."""
    n = len(spoke_table)
    seconds = np.full(n, np.inf)
    p_spokes = _place(patient_net, spoke_table, max_snap_m=params.max_snap_m)
    p_hubs = _place(patient_net, hub_table, max_snap_m=params.max_snap_m)
    used = np.flatnonzero(p_hubs.usable)
    catch = catchments(patient_net, p_hubs.node[used], max_seconds=np.inf, direction="to_lab")
    for j, h in enumerate(used):
        sel = np.flatnonzero((hub_of == h) & p_spokes.usable)
        seconds[sel] = _lookup(*catch.for_lab(j), p_spokes.node[sel])
    return seconds


# -- courier loops --------------------------------------------------------------------------------


@dataclass
class _SpokePlan:
    """Per-spoke outcome of the loop search (arrays filled hub by hub)."""

    courier: np.ndarray
    frequency: np.ndarray
    pickups_per_week: np.ndarray
    pickup_s: np.ndarray
    on_board_s: np.ndarray

    @classmethod
    def empty(cls, n: int) -> _SpokePlan:
        return cls(
            np.full(n, None, dtype=object),
            np.full(n, None, dtype=object),
            np.zeros(n, dtype=np.int64),
            np.full(n, np.nan),
            np.full(n, np.nan),
        )


class _LegCache:
    """Shortest paths between nodes, computed once per pair."""

    def __init__(self, net: Network) -> None:
        self.net = net
        self._paths: dict[tuple[int, int], PathResult] = {}

    def __call__(self, a: int, b: int) -> PathResult:
        key = (int(a), int(b))
        if key not in self._paths:
            self._paths[key] = shortest_path(self.net, key[0], key[1])
        return self._paths[key]


@dataclass
class _Solution:
    routes: list[tuple[int, int, list[int]]]  # (courier 0.., day 0.., local stops)
    missed: set[int]  # local stops with a visit left out
    seconds: float


def _hub_loops(
    net: Network,
    h: int,
    members: np.ndarray,
    hub_sites: _Sites,
    spoke_sites: _Sites,
    params: ReferralParameters,
    plan: _SpokePlan,
    reason: np.ndarray,
    loop_rows: list[dict[str, Any]],
    legs: _LegCache,
    cancel: threading.Event | None,
) -> dict[str, Any]:
    """Courier loops of one hub; fills ``plan``, ``reason`` and ``loop_rows``."""
    info = {"hub": h, "couriers_needed": 0, "solve_seconds": 0.0, "n_loops": 0}
    if len(members) == 0:
        return info
    hub_id = hub_sites.ids[h]
    stops = np.concatenate([[hub_sites.node[h]], spoke_sites.node[members]])
    shift = params.shift_end_s - params.shift_start_s
    travel = _time_matrix(net, stops, max_seconds=shift, cancel=cancel)
    service = params.service_seconds
    # a spoke a courier cannot serve alone in a shift cannot be in any loop
    out, back = travel[0, 1:], travel[1:, 0]
    arrive = params.shift_start_s + out
    alone = (arrive <= params.latest_pickup_s) & (arrive + service + back <= params.shift_end_s)
    for k in np.flatnonzero(~alone):
        i = members[k]
        reason[i] = (
            f"a courier from hub {hub_id} needs {_minutes(out[k])} to get there and "
            f"{_minutes(back[k])} back: it cannot pick up by {_clock(params.latest_pickup_s)} "
            f"and return by {_clock(params.shift_end_s)} in one shift; choose a nearer hub or a "
            "dedicated trip"
        )
    local = np.flatnonzero(alone) + 1  # matrix rows of the servable stops
    if len(local) == 0:
        return info
    couriers = params.couriers_per_hub
    days = params.working_days_per_week
    # 1. every spoke daily, if the couriers can
    daily = np.ones(len(local), dtype=bool)
    sol = _solve(travel, local, daily, couriers, 1, params, cancel)
    info["solve_seconds"] += sol.seconds
    n_days = 1
    if sol.missed:
        # 2. daily within the urban radius, weekly beyond; demote what does not fit daily
        to_hub = travel[local, 0]
        daily = to_hub <= params.daily_max_minutes * 60.0
        n_days = days
        for _ in range(len(local) + 1):
            sol = _solve(travel, local, daily, couriers, days, params, cancel)
            info["solve_seconds"] += sol.seconds
            missed_daily = [k for k in sol.missed if daily[k]]
            if missed_daily:
                daily[missed_daily] = False
                continue
            if sol.missed and daily.any():
                # serving a spoke weekly comes before visiting another daily: free the time of
                # as many daily spokes as were left out, farthest from the hub first
                order = np.flatnonzero(daily)[np.argsort(-to_hub[daily], kind="stable")]
                daily[order[: len(sol.missed)]] = False
                continue
            break
    used = max(Counter(day for _, day, _ in sol.routes).values(), default=0)
    needed: int | None = used
    if sol.missed:
        needed = None
        # how many couriers would serve them all with the same daily/weekly split
        for more in range(couriers + 1, couriers + len(local) + 1):
            check_cancel(cancel)
            trial = _solve(travel, local, daily, more, n_days, params, cancel)
            info["solve_seconds"] += trial.seconds
            if not trial.missed:
                needed = more
                break
        more_text = (
            f"needs {needed} couriers"
            if needed is not None
            else f"the route search found no plan even with {couriers + len(local)} couriers"
        )
        for k in sorted(sol.missed):
            reason[members[local[k] - 1]] = (
                f"not servable with {couriers} couriers at hub {hub_id} within the shift, even "
                f"weekly: {more_text}"
            )
    info["couriers_needed"] = needed if needed is not None else -1
    # loops: geometry and times from the shortest-path legs (not the solver's rounded times)
    for courier, day, route in sol.routes:
        check_cancel(cancel)
        row = _loop_row(route, stops, members, local, hub_sites, spoke_sites, h, params, legs)
        row.update(courier=f"{hub_id}/c{courier + 1}", day=day + 1 if n_days > 1 else 0)
        loop_rows.append(row)
        info["n_loops"] += 1
        for k, (pickup, on_board) in zip(route, row.pop("_times"), strict=True):
            i = members[local[k] - 1]
            if plan.courier[i] is None:
                plan.courier[i] = row["courier"]
            plan.pickups_per_week[i] += days if n_days == 1 else 1
            # the latest pick-up and the longest ride over the week, for the specimen limits
            plan.pickup_s[i] = np.fmax(plan.pickup_s[i], pickup)
            plan.on_board_s[i] = np.fmax(plan.on_board_s[i], on_board)
    for k in range(len(local)):
        i = members[local[k] - 1]
        if plan.pickups_per_week[i] >= days:
            plan.frequency[i] = "daily"
        elif plan.pickups_per_week[i] > 0:
            plan.frequency[i] = (
                "weekly"
                if plan.pickups_per_week[i] == 1
                else (f"{plan.pickups_per_week[i]} per week")
            )
    return info


def _time_matrix(
    net: Network, nodes: np.ndarray, *, max_seconds: float, cancel: threading.Event | None
) -> np.ndarray:
    """Seconds between every pair of ``nodes`` (row: from), bounded searches; ``inf`` beyond."""
    catch = catchments(net, nodes, max_seconds=max_seconds, direction="from_lab", cancel=cancel)
    return np.vstack([_lookup(*catch.for_lab(i), nodes) for i in range(len(nodes))])


def _lookup(reach: np.ndarray, seconds: np.ndarray, nodes: np.ndarray) -> np.ndarray:
    """Seconds of ``nodes`` in a catchment (``reach`` sorted), ``inf`` where not reached."""
    out = np.full(len(nodes), np.inf)
    if len(reach) == 0:
        return out
    pos = np.minimum(np.searchsorted(reach, nodes), len(reach) - 1)
    hit = reach[pos] == nodes
    out[hit] = seconds[pos[hit]]
    return out


def _solve(
    travel: np.ndarray,
    local: np.ndarray,
    daily: np.ndarray,
    couriers: int,
    n_days: int,
    params: ReferralParameters,
    cancel: threading.Event | None,
) -> _Solution:
    """Vehicle routing with time windows over courier-days.

    Vehicles are ``couriers × n_days`` courier-days. A daily stop is one visit per day, each
    allowed only on that day's couriers; a weekly stop is one visit on any day. Every visit may be
    left out at a penalty far above any route's cost, so the search returns the largest set of
    visits the couriers can make, and never fails.
    """
    try:
        from ortools.constraint_solver import pywrapcp, routing_enums_pb2
    except ImportError as exc:  # pragma: no cover - ortools is a dependency
        msg = "courier loops need OR-Tools: pip install ortools"
        raise InputError(msg) from exc
    check_cancel(cancel)
    visits: list[tuple[int, int]] = []  # (local stop index, day or -1)
    for k in range(len(local)):
        if daily[k]:
            visits += [(k, d) for d in range(n_days)]
        else:
            visits.append((k, -1))
    rows = np.concatenate([[0], local[[k for k, _ in visits]]]).astype(np.int64)
    shift_end = int(params.shift_end_s)
    big = 10 * shift_end
    # whole seconds, rounded up: a route that keeps its windows in the solver keeps them in the
    # exact (float) times reported
    sub = travel[np.ix_(rows, rows)]
    cost = np.where(np.isfinite(sub), np.ceil(sub), big).astype(np.int64)
    service = np.full(len(rows), math.ceil(params.service_seconds), dtype=np.int64)
    service[0] = 0
    transit = cost + service[:, None]
    n_vehicles = couriers * n_days
    manager = pywrapcp.RoutingIndexManager(len(rows), n_vehicles, 0)
    routing = pywrapcp.RoutingModel(manager)
    cost_cb = routing.RegisterTransitMatrix(cost.tolist())
    routing.SetArcCostEvaluatorOfAllVehicles(cost_cb)
    time_cb = routing.RegisterTransitMatrix(transit.tolist())
    routing.AddDimension(time_cb, shift_end, shift_end, False, "time")
    dim = routing.GetDimensionOrDie("time")
    start, latest = int(params.shift_start_s), int(params.latest_pickup_s)
    for v in range(n_vehicles):
        dim.CumulVar(routing.Start(v)).SetRange(start, start)
        dim.CumulVar(routing.End(v)).SetRange(start, shift_end)
    for node, (_, day) in enumerate(visits, start=1):
        index = manager.NodeToIndex(node)
        dim.CumulVar(index).SetRange(start, latest)
        # leaving out a weekly visit costs more than one daily visit: serve everyone first
        routing.AddDisjunction([index], _DROP_PENALTY if day >= 0 else 2 * _DROP_PENALTY)
        if day >= 0:
            # -1 is the 'left out' value of a stop's vehicle variable
            routing.VehicleVar(index).SetValues(
                [-1] + [day * couriers + c for c in range(couriers)]
            )
    search = pywrapcp.DefaultRoutingSearchParameters()
    search.first_solution_strategy = routing_enums_pb2.FirstSolutionStrategy.PATH_CHEAPEST_ARC
    if params.improve_seconds > 0:
        search.local_search_metaheuristic = (
            routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH
        )
        search.time_limit.FromMilliseconds(int(params.improve_seconds * 1000))
    else:
        search.local_search_metaheuristic = (
            routing_enums_pb2.LocalSearchMetaheuristic.GREEDY_DESCENT
        )
        search.time_limit.FromSeconds(_GREEDY_LIMIT_S)
    t0 = time.perf_counter()
    solution = routing.SolveWithParameters(search)
    seconds = time.perf_counter() - t0
    check_cancel(cancel)
    routes: list[tuple[int, int, list[int]]] = []
    visited: set[int] = set()
    if solution is not None:
        used_per_day: Counter[int] = Counter()
        for v in range(n_vehicles):
            index = solution.Value(routing.NextVar(routing.Start(v)))
            route: list[int] = []
            while not routing.IsEnd(index):
                node = manager.IndexToNode(index)
                route.append(visits[node - 1][0])
                visited.add(node)
                index = solution.Value(routing.NextVar(index))
            if route:
                # couriers numbered 1, 2, ... in each day in the order they are used
                day = v // couriers
                routes.append((used_per_day[day], day, route))
                used_per_day[day] += 1
    missed = {visits[node - 1][0] for node in range(1, len(rows)) if node not in visited}
    return _Solution(routes, missed, seconds)


def _loop_row(
    route: list[int],
    stops: np.ndarray,
    members: np.ndarray,
    local: np.ndarray,
    hub_sites: _Sites,
    spoke_sites: _Sites,
    h: int,
    params: ReferralParameters,
    legs: _LegCache,
) -> dict[str, Any]:
    """One loop's schedule and geometry from the shortest-path legs, in exact seconds."""
    seq = [0, *[int(local[k]) for k in route], 0]
    clock = params.shift_start_s
    travel_s = metres = 0.0
    parts: list[np.ndarray] = []
    pickups: list[float] = []
    for a, b in itertools.pairwise(seq):
        leg = legs(int(stops[a]), int(stops[b]))
        clock += leg.seconds
        travel_s += leg.seconds
        metres += leg.metres
        if len(leg.lonlat):
            parts.append(leg.lonlat if not parts else leg.lonlat[1:])
        if b != 0:
            pickups.append(clock)
            clock += params.service_seconds
    end = clock
    if end > params.shift_end_s + 1e-6 or any(p > params.latest_pickup_s + 1e-6 for p in pickups):
        msg = (  # the solver kept these windows in rounded-up seconds: this cannot happen
            f"courier loop of hub {hub_sites.ids[h]} breaks its time windows; please report"
        )
        raise RuntimeError(msg)
    coords = np.concatenate(parts) if parts else np.empty((0, 2))
    ids = [str(spoke_sites.ids[members[local[k] - 1]]) for k in route]
    return {
        "hub_id": str(hub_sites.ids[h]),
        "stops": ", ".join(ids),
        "n_stops": len(ids),
        "start_clock": _clock(params.shift_start_s),
        "end_clock": _clock(end),
        "travel_minutes": travel_s / 60.0,
        "service_minutes": len(ids) * params.service_seconds / 60.0,
        "duration_minutes": (end - params.shift_start_s) / 60.0,
        "metres": metres,
        "geometry": LineString(coords) if len(np.unique(coords, axis=0)) >= 2 else None,
        "_times": [(p, end - p) for p in pickups],
    }


# -- tables ---------------------------------------------------------------------------------------


def _routes_frame(
    net: Network,
    spokes: _Sites,
    hubs: _Sites,
    hub_of: np.ndarray,
    plan: _SpokePlan,
    legs: _LegCache,
    cancel: threading.Event | None,
) -> gpd.GeoDataFrame:
    rows = []
    for i in range(len(spokes.ids)):
        if i % 16 == 0:
            check_cancel(cancel)
        h = hub_of[i]
        path = legs(int(spokes.node[i]), int(hubs.node[h])) if h >= 0 and spokes.usable[i] else None
        found = path is not None and path.found
        geom = None
        if found and path is not None and len(np.unique(path.lonlat, axis=0)) >= 2:
            geom = LineString(path.lonlat)
        rows.append(
            {
                "facility_id": str(spokes.ids[i]),
                "hub_id": str(hubs.ids[h]) if h >= 0 else None,
                "seconds": path.seconds if found and path is not None else np.inf,
                "metres": path.metres if found and path is not None else np.inf,
                "courier": plan.courier[i],
                "geometry": geom,
            }
        )
    frame = (
        gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")
        if rows
        else (
            gpd.GeoDataFrame(
                {"facility_id": [], "hub_id": [], "seconds": [], "metres": [], "courier": []},
                geometry=gpd.GeoSeries([], crs="EPSG:4326"),
            )
        )
    )
    frame.insert(3, "minutes", frame["seconds"].to_numpy(dtype=float) / 60.0)
    return frame


def _tests_per_year(
    patient_net: Network,
    demand: Demand | gpd.GeoDataFrame | None,
    given: Mapping[str, float] | None,
    spoke_table: gpd.GeoDataFrame,
    hub_table: gpd.GeoDataFrame,
    capability: str,
    warnings: list[str],
) -> np.ndarray:
    """Tests per year of each spoke then each hub (own patients); NaN when unknown."""
    ids = np.concatenate(
        [spoke_table["facility_id"].astype(str), hub_table["facility_id"].astype(str)]
    )
    tests = np.full(len(ids), np.nan)
    if demand is not None:
        from ccgeo.analysis.capacity import load_demand_parameters, test_demand
        from ccgeo.analysis.snapping import snap_points

        gdf = demand.gdf if hasattr(demand, "gdf") else demand
        if gdf.crs is not None and gdf.crs.to_epsg() != 4326:
            gdf = gdf.to_crs("EPSG:4326")
        sites = pd.concat([spoke_table[["geometry"]], hub_table[["geometry"]]], ignore_index=True)
        site_nodes, _ = patient_net.snap(
            np.column_stack([sites.geometry.x, sites.geometry.y]), main_component_only=True
        )
        near = nearest_lab_times(patient_net, site_nodes, direction="to_lab")
        pts = gdf.geometry.representative_point()
        snapped = snap_points(patient_net, np.column_stack([pts.x, pts.y]))
        seconds, best = snapped.seconds_via(near.seconds)
        node = snapped.best_node(best)
        site = np.where(np.isfinite(seconds) & (node >= 0), near.lab[np.maximum(node, 0)], -1)
        per_point = test_demand(
            gdf["population"].to_numpy(dtype=float),
            capability=capability,
            params=load_demand_parameters(),
        )
        ok = site >= 0
        tests = np.bincount(site[ok], weights=per_point[ok], minlength=len(ids)).astype(float)
        lost = float(per_point[~ok].sum())
        if lost > 0:
            warnings.append(
                f"{lost:,.0f} {capability} tests per year come from people who reach no biopsy "
                "site by the patient's mode; they are not counted in any workload"
            )
    if given is not None:
        pos = {f: i for i, f in enumerate(ids)}
        unknown = [f for f in given if str(f) not in pos]
        if unknown:
            msg = (
                f"`spoke_tests_per_year` names ids that are neither spokes nor hubs: "
                f"{', '.join(map(str, unknown))}"
            )
            raise InputError(msg)
        for f, value in given.items():
            if not _is_number(value) or not float(value) >= 0:
                msg = f"`spoke_tests_per_year[{f!r}]` = {value!r}: expected tests per year, >= 0"
                raise InputError(msg)
            tests[pos[str(f)]] = float(value)
    if demand is None and given is None:
        warnings.append(
            "no demand given: tests per year per spoke and hub workload are unknown; pass "
            "`demand` (population) or `spoke_tests_per_year`"
        )
    return tests


def _spoke_frame(
    table: gpd.GeoDataFrame,
    spokes: _Sites,
    hubs: _Sites,
    hub_of: np.ndarray,
    assigned_by: np.ndarray,
    routes: gpd.GeoDataFrame,
    patient_s: np.ndarray,
    plan: _SpokePlan,
    reason: np.ndarray,
    servable: np.ndarray,
    tests: np.ndarray,
    capability: str,
    params: ReferralParameters,
) -> pd.DataFrame:
    has_hub = hub_of >= 0
    hub_ids = np.where(has_hub, hubs.ids[np.maximum(hub_of, 0)], None)
    hub_names = np.where(has_hub, hubs.names[np.maximum(hub_of, 0)], None)
    route_s = routes["seconds"].to_numpy(dtype=float)
    out = pd.DataFrame(
        {
            "facility_id": spokes.ids,
            "name": spokes.names,
            "hub_id": hub_ids,
            "hub_name": hub_names,
            "assigned_by": assigned_by,
            "snap_m": spokes.snap_m,
            "sample_minutes": route_s / 60.0,
            "sample_km": routes["metres"].to_numpy(dtype=float) / 1000.0,
            "patient_minutes": patient_s / 60.0,
            "patient_minus_sample_minutes": _difference(patient_s, route_s) / 60.0,
            "servable": servable,
            "reason": reason,
            "courier": plan.courier,
            "frequency": plan.frequency,
            "pickups_per_week": plan.pickups_per_week,
            "pickup_clock": [_clock(p) if np.isfinite(p) else None for p in plan.pickup_s],
            "on_board_minutes": plan.on_board_s / 60.0,
        }
    )
    # -- specimens
    fresh = params.specimens["fresh_tissue"]
    trip_h = route_s / 3600.0
    in_loop = np.isfinite(plan.pickup_s)
    held_h = np.where(
        in_loop, (plan.pickup_s - params.shift_start_s + plan.on_board_s) / 3600.0, trip_h
    )
    out["can_send_fresh"] = trip_h <= fresh.limit_hours
    out["must_fix_on_site"] = ~out["can_send_fresh"].to_numpy()
    ok_cols: dict[str, np.ndarray] = {}
    for name, spec in params.specimens.items():
        hours = trip_h if name == "fresh_tissue" else held_h
        ok = np.isfinite(hours) & (hours <= spec.limit_hours)
        out[f"{name}_hours"] = hours
        out[f"{name}_ok"] = ok
        ok_cols[name] = ok
    out["flow_feasible"] = ok_cols.get("flow_specimen", np.zeros(len(out), dtype=bool))
    out["can_send"] = [
        _can_send(i, capability, params, ok_cols, trip_h, held_h, in_loop) for i in range(len(out))
    ]
    # -- turnaround
    days = params.working_days_per_week
    per_week = plan.pickups_per_week.astype(float)
    interval = np.where(per_week > 0, days / np.maximum(per_week, 1), np.nan)
    lab = params.lab_turnaround_working_days[capability]
    transport = plan.on_board_s / 3600.0 / params.working_hours_per_day
    wait_avg, wait_worst = interval / 2.0, interval
    s2r_avg = params.dispatch_working_days + wait_avg + transport + lab
    s2r_worst = params.dispatch_working_days + wait_worst + transport + lab
    out["wait_average_wd"] = wait_avg
    out["wait_worst_wd"] = wait_worst
    out["transport_wd"] = transport
    out["dispatch_wd"] = np.where(servable, params.dispatch_working_days, np.nan)
    out["lab_wd"] = np.where(servable, lab, np.nan)
    out["sample_to_result_average_wd"] = s2r_avg
    out["sample_to_result_worst_wd"] = s2r_worst
    meets_avg = servable & (s2r_avg <= params.target_working_days)
    meets_worst = servable & (s2r_worst <= params.target_working_days)
    out["meets_target_average"] = meets_avg
    out["meets_target_worst"] = meets_worst
    out["meets_target"] = meets_worst if params.wait_rule == "worst" else meets_avg
    out["leaves_within_dispatch_limit"] = servable & (
        params.dispatch_working_days + wait_worst <= params.dispatch_limit_working_days
    )
    out["tests_per_year"] = tests
    # each test referred is a patient round trip to the hub not made
    saved = servable & np.isfinite(patient_s)
    out["patient_hours_saved_per_year"] = np.where(
        saved, tests * 2.0 * np.where(saved, patient_s, 0.0) / 3600.0, np.nan
    )
    return out


def _can_send(
    i: int,
    capability: str,
    params: ReferralParameters,
    ok: Mapping[str, np.ndarray],
    trip_h: np.ndarray,
    held_h: np.ndarray,
    in_loop: np.ndarray,
) -> str:
    """What spoke ``i`` can send for ``capability``, and how, in one line."""
    if not np.isfinite(trip_h[i]):
        return "nothing: no road route to a hub"
    parts = []
    how = "on the courier loop" if in_loop[i] else "by a dedicated run"
    for name in params.capability_specimens[capability]:
        spec = params.specimens[name]
        if name == "ffpe_block":
            fresh = params.specimens["fresh_tissue"]
            if ok["fresh_tissue"][i]:
                parts.append(
                    f"fresh tissue by a run at the time of the biopsy ({trip_h[i] * 60:.0f} min "
                    f"≤ {fresh.limit_hours * 60:.0f} min), or fix on site and send fixed tissue "
                    "/ FFPE block ambient"
                )
            else:
                parts.append(
                    f"fix in formalin on site (trip {trip_h[i] * 60:.0f} min > "
                    f"{fresh.limit_hours * 60:.0f} min cold ischaemia), send fixed tissue / FFPE "
                    "block ambient"
                )
        elif ok[name][i]:
            parts.append(
                f"{name} {how} ({held_h[i]:.1f} h ≤ {spec.limit_hours:g} h, {spec.storage})"
            )
        else:
            parts.append(f"not {name} ({held_h[i]:.1f} h > {spec.limit_hours:g} h)")
    return "; ".join(parts)


def _hub_frame(
    table: gpd.GeoDataFrame,
    hubs: _Sites,
    infos: list[dict[str, Any]],
    spokes: pd.DataFrame,
    own: np.ndarray,
    params: ReferralParameters,
) -> pd.DataFrame:
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
    unknown = np.isnan(own) & np.isnan(ref)
    workload = np.where(unknown, np.nan, workload)
    return pd.DataFrame(
        {
            "facility_id": ids,
            "name": hubs.names,
            "proposed": table["proposed"].to_numpy(dtype=bool),
            "node": hubs.node,
            "usable": hubs.usable,
            "n_spokes": [int(n_spokes.get(h, 0)) for h in ids],
            "n_servable": [int(n_served.get(h, 0)) for h in ids],
            "couriers": [params.couriers_per_hub if hubs.usable[i] else 0 for i in range(len(ids))],
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


def _loops_frame(rows: list[dict[str, Any]]) -> gpd.GeoDataFrame:
    cols = [
        "hub_id",
        "courier",
        "day",
        "stops",
        "n_stops",
        "start_clock",
        "end_clock",
        "travel_minutes",
        "service_minutes",
        "duration_minutes",
        "metres",
    ]
    if not rows:
        empty = {c: pd.Series([], dtype=object) for c in cols}
        return gpd.GeoDataFrame(empty, geometry=gpd.GeoSeries([], crs="EPSG:4326"))
    frame = gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")
    frame = frame[[*cols, "geometry"]].sort_values(["hub_id", "day", "courier"], kind="stable")
    return frame.reset_index(drop=True)


def _summary(
    spokes: pd.DataFrame,
    hubs: pd.DataFrame,
    loops: gpd.GeoDataFrame,
    capability: str,
    quality: str,
    warnings: list[str],
) -> dict[str, Any]:
    n = len(spokes)
    servable = spokes["servable"].to_numpy(dtype=bool)
    share = lambda col: float(spokes[col].mean()) if n else None  # noqa: E731
    freq = spokes["frequency"].value_counts().to_dict()
    return {
        "capability": capability,
        "quality": quality,
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


def _difference(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``a - b`` where both are finite, NaN elsewhere (no warning for ``inf - inf``)."""
    both = np.isfinite(a) & np.isfinite(b)
    return np.where(both, np.where(both, a, 0.0) - np.where(both, b, 0.0), np.nan)


def _minutes(seconds: float) -> str:
    return f"{seconds / 60:.0f} min" if np.isfinite(seconds) else "no route"


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [_jsonable(dict(r)) for r in frame.to_dict(orient="records")]
