"""Referral parameters: the bundled ``resources/referral.toml``, a user's file over it, and the
courier values of the referral settings over both.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from ccgeo.errors import InputError
from ccgeo.i18n import N_, _
from ccgeo.model.referral import ReferralParameters, SpecimenType, clock_text
from ccgeo.model.schema import CAPABILITIES
from ccgeo.model.settings import ReferralSettings, clock_seconds
from ccgeo.params import load_toml, resource

#: The bundled referral parameters (courier, turnaround, specimen limits, their sources).
BUNDLED_REFERRAL = "referral.toml"

#: ``wait_rule`` values: which waiting time for the next pick-up decides ``meets_target``.
WAIT_RULES: tuple[str, ...] = ("worst", "average")

_COURIER_KEYS: dict[str, str] = {
    "mode": "str",
    "couriers_per_hub": "int",
    "shift_start": "clock",
    "shift_end": "clock",
    "latest_pickup": "clock",
    "service_minutes": "float",
    "daily_max_minutes": "float",
    "working_days_per_week": "int",
    "improve_seconds": "float",
}
_TURNAROUND_KEYS: dict[str, str] = {
    "target_working_days": "float",
    "dispatch_working_days": "float",
    "dispatch_limit_working_days": "float",
    "working_hours_per_day": "float",
    "wait_rule": "str",
}
#: Keys that were referral parameters once and are settings now: what to write instead.
_MOVED_KEYS: dict[str, str] = {
    "max_snap_m": N_(
        "the snapping distance is a setting shared by every analysis now: give `max_snap_m` in "
        "the referral settings (a settings file's [referral] or [access] table, or --max-snap-m)"
    ),
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
        data = _merge_user(data, user, cite=_("user file {name}").format(name=where.name))
    problems: list[str] = []
    courier = _typed_table(data, "courier", _COURIER_KEYS, problems)
    turnaround = _typed_table(data, "turnaround", _TURNAROUND_KEYS, problems)
    _check_ranges(courier, turnaround, problems)
    specimens = _specimens(data.get("specimens", {}), problems)
    cap_specimens, lab_days = _capabilities(data.get("capabilities", {}), specimens, problems)
    if problems:
        msg = _(
            "referral parameters are not usable: {problems}. Fix these values (see the comments "
            "at the top of resources/referral.toml)."
        ).format(problems="; ".join(problems))
        raise InputError(msg, path=where)
    return ReferralParameters(
        courier_mode=courier["mode"],
        couriers_per_hub=courier["couriers_per_hub"],
        shift_start_s=courier["shift_start"],
        shift_end_s=courier["shift_end"],
        latest_pickup_s=courier["latest_pickup"],
        service_seconds=courier["service_minutes"] * 60.0,
        daily_max_minutes=courier["daily_max_minutes"],
        working_days_per_week=courier["working_days_per_week"],
        improve_seconds=courier["improve_seconds"],
        target_working_days=turnaround["target_working_days"],
        dispatch_working_days=turnaround["dispatch_working_days"],
        dispatch_limit_working_days=turnaround["dispatch_limit_working_days"],
        working_hours_per_day=turnaround["working_hours_per_day"],
        wait_rule=turnaround["wait_rule"],
        specimens=specimens,
        capability_specimens=cap_specimens,
        lab_turnaround_working_days=lab_days,
        basis=_basis(data),
        sources=tuple(sources),
    )


def parameters_with(params: ReferralParameters, settings: ReferralSettings) -> ReferralParameters:
    """``params`` with the courier values of ``settings`` that are set (not None).

    ``courier_mode``, ``couriers_per_hub`` and the clock times ``shift_start``, ``shift_end``,
    ``latest_pickup`` (``"HH:MM"``) replace the values of the parameter file; the basis of each
    value they change becomes "referral settings" (an equal value keeps the file's basis).

    Raises
    ------
    InputError
        Unless the shift start comes before the latest pick-up, the latest pick-up is no later
        than the shift end, and there is at least one courier; every problem at once.
    """
    changes: dict[str, Any] = {}
    if settings.courier_mode is not None:
        changes["courier_mode"] = str(settings.courier_mode)
    if settings.couriers_per_hub is not None:
        changes["couriers_per_hub"] = int(settings.couriers_per_hub)
    for name in ("shift_start", "shift_end", "latest_pickup"):
        value = getattr(settings, name)
        if value is not None:
            seconds = clock_seconds(value)
            if seconds is None:  # ReferralSettings checks this; a bare object may not have
                msg = _(
                    "courier settings: `{name}` should be a time such as '14:30', got {value!r}"
                )
                msg = msg.format(name=name, value=value)
                raise InputError(msg)
            changes[f"{name}_s"] = seconds
    # a value equal to the file's changes nothing, and keeps the file's basis
    changes = {k: v for k, v in changes.items() if getattr(params, k) != v}
    if not changes:
        return params
    out = replace(params, **changes)
    problems = []
    if out.couriers_per_hub < 1:
        text = _("couriers per hub is {count}: give at least 1")
        problems.append(text.format(count=out.couriers_per_hub))
    if not out.shift_start_s < out.latest_pickup_s <= out.shift_end_s:
        text = _(
            "the shift starts at {start}, the last pick-up is at {latest} and the shift ends at "
            "{end}: the last pick-up must come after the start and no later than the end"
        )
        start, latest = clock_text(out.shift_start_s), clock_text(out.latest_pickup_s)
        problems.append(text.format(start=start, latest=latest, end=clock_text(out.shift_end_s)))
    if problems:
        raise InputError(_("courier settings: {problems}").format(problems="; ".join(problems)))
    keys = {"courier_mode": "mode", "latest_pickup_s": "latest_pickup"}
    keys |= {"shift_start_s": "shift_start", "shift_end_s": "shift_end"}
    cited = {f"courier.{keys.get(k, k)}": _("referral settings") for k in changes}
    return replace(out, basis={**out.basis, **cited})


# -- reading ---------------------------------------------------------------------------------------


def _read_toml(path: Path) -> dict[str, Any]:
    data = load_toml(path, what=_("referral parameter file"), example=BUNDLED_REFERRAL)
    text = _("unknown table [{table}] (expected courier, turnaround, specimens, capabilities)")
    problems = [
        text.format(table=k)
        for k in data
        if k not in ("courier", "turnaround", "specimens", "capabilities")
    ]
    for name, keys in (("courier", _COURIER_KEYS), ("turnaround", _TURNAROUND_KEYS)):
        table = data.get(name, {})
        if not isinstance(table, dict):
            text = _("{name} = {value!r} should be a table [{name}]")
            problems.append(text.format(name=name, value=table))
            continue
        problems += [_unknown_key(name, k, keys) for k in table if k not in keys and k != "basis"]
    for name in ("specimens", "capabilities"):
        table = data.get(name, {})
        if not isinstance(table, dict) or not all(isinstance(t, dict) for t in table.values()):
            problems.append(_("[{name}] should hold tables [{name}.<name>]").format(name=name))
    if problems:
        raise InputError("; ".join(problems), path=path)
    return data


def _unknown_key(table: str, key: str, keys: Mapping[str, str]) -> str:
    if key in _MOVED_KEYS:
        text = _("[{table}] {key} is no longer a referral parameter: {instead}")
        return text.format(table=table, key=key, instead=_(_MOVED_KEYS[key]))
    text = _("unknown key [{table}] {key!r} (expected {keys})")
    return text.format(table=table, key=key, keys=", ".join(keys))


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


def _basis(data: dict[str, Any]) -> dict[str, str]:
    """Where each value comes from, by ``table.key`` (``capabilities.<cap>`` per capability)."""
    basis = {f"courier.{k}": str(v) for k, v in data["courier"].get("basis", {}).items()}
    basis |= {f"turnaround.{k}": str(v) for k, v in data["turnaround"].get("basis", {}).items()}
    for cap, table in data.get("capabilities", {}).items():
        basis[f"capabilities.{cap}"] = str(table.get("basis", ""))
    return basis


def _typed_table(
    data: dict[str, Any], name: str, keys: dict[str, str], problems: list[str]
) -> dict[str, Any]:
    table = data.get(name, {})
    out: dict[str, Any] = {}
    for key, kind in keys.items():
        value = table.get(key)
        where = f"[{name}] {key} = {value!r}"
        if value is None:
            problems.append(_("[{table}] {key} is missing").format(table=name, key=key))
        elif kind == "clock":
            seconds = clock_seconds(value) if isinstance(value, str) else None
            if seconds is None:
                text = _('{where}: expected a clock time "HH:MM" such as "14:30"')
                problems.append(text.format(where=where))
            out[key] = seconds
        elif kind == "int":
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                problems.append(
                    _("{where}: expected a whole number, 1 or more").format(where=where)
                )
            out[key] = value
        elif kind == "float":
            if not is_number(value) or not math.isfinite(float(value)) or float(value) < 0:
                problems.append(_("{where}: expected a number, 0 or more").format(where=where))
                out[key] = None
            else:
                out[key] = float(value)
        else:
            if not isinstance(value, str) or not value.strip():
                problems.append(_("{where}: expected a text value").format(where=where))
            out[key] = value
    return out


def _check_ranges(courier: dict[str, Any], turn: dict[str, Any], problems: list[str]) -> None:
    start, end, latest = (courier.get(k) for k in ("shift_start", "shift_end", "latest_pickup"))
    if None not in (start, end, latest) and not start < latest <= end:
        text = _(
            "[courier] shift_start {start}, latest_pickup {latest}, shift_end {end}: expected "
            "shift_start < latest_pickup <= shift_end"
        )
        start, latest, end = clock_text(start), clock_text(latest), clock_text(end)
        problems.append(text.format(start=start, latest=latest, end=end))
    wd = courier.get("working_days_per_week")
    if isinstance(wd, int) and not 1 <= wd <= 7:
        text = _("[courier] working_days_per_week = {days}: expected 1 to 7")
        problems.append(text.format(days=wd))
    hours = turn.get("working_hours_per_day")
    if hours is not None and not 0 < hours <= 24:
        text = _("[turnaround] working_hours_per_day = {hours}: expected above 0, <= 24")
        problems.append(text.format(hours=hours))
    rule = turn.get("wait_rule")
    if isinstance(rule, str) and rule not in WAIT_RULES:
        text = _("[turnaround] wait_rule = {rule!r}: expected 'worst' or 'average'")
        problems.append(text.format(rule=rule))


def _specimens(tables: dict[str, Any], problems: list[str]) -> dict[str, SpecimenType]:
    out: dict[str, SpecimenType] = {}
    for name, table in tables.items():
        unknown = [k for k in table if k not in ("limit_hours", "storage", "basis")]
        if unknown:
            text = _(
                "unknown key [specimens.{name}] {key!r} (expected limit_hours, storage, basis)"
            )
            problems.append(text.format(name=name, key=unknown[0]))
        limit = table.get("limit_hours")
        if not is_number(limit) or not float(limit) > 0:
            text = _(
                "[specimens.{name}] limit_hours = {limit!r}: expected hours above 0 (inf for no "
                "limit)"
            )
            problems.append(text.format(name=name, limit=limit))
            continue
        out[name] = SpecimenType(
            name, float(limit), str(table.get("storage", "")), str(table.get("basis", ""))
        )
    if "fresh_tissue" not in out:
        problems.append(_("[specimens.fresh_tissue] is missing (the cold-ischaemia limit)"))
    return out


def _capabilities(
    tables: dict[str, Any], specimens: Mapping[str, SpecimenType], problems: list[str]
) -> tuple[dict[str, tuple[str, ...]], dict[str, float]]:
    kinds: dict[str, tuple[str, ...]] = {}
    days: dict[str, float] = {}
    for cap, table in tables.items():
        if cap not in CAPABILITIES:
            text = _("unknown capability [capabilities.{cap}] (expected one of {known})")
            problems.append(text.format(cap=cap, known=", ".join(CAPABILITIES)))
            continue
        names = table.get("specimens")
        if not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names):
            text = _(
                "[capabilities.{cap}] specimens = {names!r}: expected a list of specimen types"
            )
            problems.append(text.format(cap=cap, names=names))
            continue
        missing = [n for n in names if n not in specimens]
        if missing:
            text = _(
                "[capabilities.{cap}] specimens names {missing}, not defined in [specimens] "
                "({defined})"
            )
            defined = ", ".join(specimens)
            problems.append(text.format(cap=cap, missing=", ".join(missing), defined=defined))
        lab = table.get("lab_turnaround_working_days")
        if not is_number(lab) or not 0 <= float(lab) < 1000:
            text = _(
                "[capabilities.{cap}] lab_turnaround_working_days = {days!r}: expected working "
                "days, 0 or more"
            )
            problems.append(text.format(cap=cap, days=lab))
            continue
        kinds[cap] = tuple(names)
        days[cap] = float(lab)
    return kinds, days


def is_number(value: object) -> bool:
    """A real number (int or float, not bool)."""
    return isinstance(value, int | float) and not isinstance(value, bool)
