"""Travel speed profiles per mode (car, motorbike, walk, or the user's own), from speeds.toml.

A profile turns the road arrays of a `ccgeo.io.osm.RoadData` into a speed per edge, in one
vectorised pass; `ccgeo.model.network.Network` turns the speeds into travel seconds.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ccgeo.errors import InputError
from ccgeo.i18n import _, pgettext
from ccgeo.model.profile import PROFILE_KEYS, PROFILE_REQUIRED, SpeedProfile, check_profile_values
from ccgeo.model.roads import mode_words
from ccgeo.params import load_toml, resource

if TYPE_CHECKING:
    from ccgeo.model.roads import RoadData

#: Name of the speed file that ships with ccgeo, in ``resources/``.
BUNDLED_SPEEDS = "speeds.toml"


def load_profiles(path: str | Path | None = None) -> dict[str, SpeedProfile]:
    """Read the bundled speed profiles, and a user's file over them.

    Parameters
    ----------
    path
        A TOML file in the format of ``resources/speeds.toml``. Its mode tables are merged over
        the bundled ones (``speeds_kmh`` class by class), and new tables add modes. None reads the
        bundled file only. Each file is read once per process (again if it changes on disk).

    Returns
    -------
    dict
        `SpeedProfile` by mode name, the bundled modes first.

    Raises
    ------
    InputError
        If a file is missing or is not valid TOML, or a value is missing, of the wrong type or
        out of range; every problem is listed, with its key and value.
    """
    key = None
    if path is not None:
        path = Path(path)
        try:
            stat = path.stat()
            key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
        except OSError:
            key = (str(path), 0, 0)  # missing: `_read_toml` says so
    return dict(_load_profiles(key))


@lru_cache(maxsize=8)
def _load_profiles(key: tuple[str, int, int] | None) -> dict[str, SpeedProfile]:
    tables = _read_toml(resource(BUNDLED_SPEEDS))
    path = None if key is None else Path(key[0])
    if path is not None:
        user = _read_toml(path)
        for name, table in user.items():
            merged = dict(tables.get(name, {}))
            speeds = {**merged.get("speeds_kmh", {}), **table.get("speeds_kmh", {})}
            merged.update(table)
            if speeds:
                merged["speeds_kmh"] = speeds
            tables[name] = merged
    profiles: dict[str, SpeedProfile] = {}
    problems: list[str] = []
    for name in tables:
        try:
            resolved = _resolve(name, tables)
        except InputError as exc:
            problems.append(exc.reason)
            continue
        found = _check_table(name, resolved)
        if found:
            problems.extend(f"[{name}] {p}" for p in found)
            continue
        profiles[name] = SpeedProfile(
            name=name,
            speeds_kmh=resolved["speeds_kmh"],
            default_kmh=float(resolved["default_kmh"]),
            max_kmh=float(resolved["max_kmh"]),
            unpaved_factor=float(resolved["unpaved_factor"]),
            unpaved_surfaces=frozenset(resolved.get("unpaved_surfaces", [])),
            respect_oneway=resolved["respect_oneway"],
            respect_maxspeed=resolved["respect_maxspeed"],
            congestion_factor=float(resolved.get("congestion_factor", 1.0)),
            excluded_classes=frozenset(resolved.get("excluded_classes", [])),
            access=resolved["access"],
            description=resolved.get("description", ""),
        )
    if problems:
        where = path if path is not None else resource(BUNDLED_SPEEDS)
        msg = _(
            "speed profiles are not usable: {problems}. Fix these values (see the comments at the "
            "top of resources/speeds.toml)."
        ).format(problems="; ".join(problems))
        raise InputError(msg, path=where)
    return profiles


def get_profile(
    mode: str | SpeedProfile, profiles: Mapping[str, SpeedProfile] | None = None
) -> SpeedProfile:
    """The profile of ``mode`` from ``profiles`` (the bundled ones when None).

    Raises
    ------
    InputError
        If there is no such mode, naming the modes there are.
    """
    if isinstance(mode, SpeedProfile):
        return mode
    profiles = load_profiles() if profiles is None else profiles
    if mode not in profiles:
        msg = _(
            "there is no speed profile for mode {mode!r}; available: {modes}. Pick one of these, "
            "or add a table for it to your speed file."
        ).format(mode=mode, modes=", ".join(profiles))
        raise InputError(msg)
    return profiles[mode]


def edge_speeds_kmh(roads: RoadData, profile: SpeedProfile) -> tuple[np.ndarray, tuple[str, ...]]:
    """Speed of each road edge for one mode, km/h, computed without a loop over edges.

    The class speed (or ``default_kmh`` for a class the profile does not know) is capped by the
    tagged ``maxspeed`` where the profile respects it, multiplied by ``unpaved_factor`` on unpaved
    surfaces, then capped by ``max_kmh``. Congestion is not a speed: it multiplies travel time
    (see `travel_seconds`).

    Parameters
    ----------
    roads
        Road arrays in EPSG:4326.
    profile
        The travel mode.

    Returns
    -------
    speeds : float64 (m,)
        km/h per edge of ``roads``; NaN where the mode may not use the edge (excluded class, or
        closed by OSM access tags for the profile's ``access`` mode).
    warnings : tuple of str
        One message counting the edges whose class fell back to ``default_kmh``, if any.
    """
    m = len(roads.edge_u)
    inverse, classes = roads.highway_codes
    known = np.array([c in profile.speeds_kmh for c in classes], dtype=bool)
    excluded = np.array([c in profile.excluded_classes for c in classes], dtype=bool)
    class_kmh = np.array(
        [profile.speeds_kmh.get(c, profile.default_kmh) for c in classes], dtype=np.float64
    )
    class_kmh[excluded] = np.nan
    # NaN (excluded) propagates through np.minimum, so excluded edges stay excluded
    speeds = class_kmh[inverse] if m else np.empty(0, dtype=np.float64)
    if profile.respect_maxspeed:
        tagged = np.asarray(roads.edge_maxspeed_kmh, dtype=np.float64)
        capped = np.isfinite(tagged) & (tagged > 0)
        speeds = np.where(capped, np.minimum(speeds, tagged), speeds)
    if profile.unpaved_factor != 1.0 and profile.unpaved_surfaces:
        codes, surfaces = roads.surface_codes
        unpaved = np.isin(surfaces, sorted(profile.unpaved_surfaces))[codes]
        speeds = np.where(unpaved, speeds * profile.unpaved_factor, speeds)
    speeds = np.minimum(speeds, profile.max_kmh)
    # OSM access tags (motor_vehicle=no, foot=no, ...) as the reader decoded them
    speeds[~roads.usable_by(profile.access)] = np.nan

    warnings: list[str] = []
    unknown = ~known & ~excluded
    if unknown.any():
        counts = np.bincount(inverse, minlength=len(classes))
        n_unknown = int(counts[unknown].sum())
        listed = ", ".join(
            f"{c} ({int(n)})" for c, n in zip(classes[unknown], counts[unknown], strict=True)
        )
        text = _(
            "{mode}: {count} of {m} edges have a highway class with no speed in the profile "
            "({listed}); they are travelled at the default {kmh:g} km/h. Add these classes to the "
            "speed file to set their speed."
        )
        warnings.append(
            text.format(
                mode=mode_words(profile.name),
                count=n_unknown,
                m=m,
                listed=listed,
                kmh=profile.default_kmh,
            )
        )
    return speeds, tuple(warnings)


def travel_seconds(
    length_m: np.ndarray, speeds_kmh: np.ndarray, *, congestion_factor: float = 1.0
) -> np.ndarray:
    """Travel time in seconds of edges of ``length_m`` metres at ``speeds_kmh``.

    ``congestion_factor`` multiplies the time (3.0: trips take three times longer). NaN speeds
    give NaN times.
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.asarray(length_m, dtype=np.float64) * 3.6 / speeds_kmh * congestion_factor


# -- reading and checking ------------------------------------------------------------------------


def _read_toml(path: Path) -> dict[str, dict[str, Any]]:
    data = load_toml(path, what=_("speed file"), example=BUNDLED_SPEEDS)
    bad = [k for k, v in data.items() if not isinstance(v, dict)]
    if bad:
        msg = _(
            "top-level keys {keys} are not mode tables; every value belongs inside a table such "
            "as [car]"
        ).format(keys=", ".join(repr(k) for k in bad))
        raise InputError(msg, path=path)
    return data


def _resolve(name: str, tables: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """Follow ``inherit`` chains; the child's keys win, ``speeds_kmh`` merged class by class."""
    chain = [name]
    while "inherit" in tables[chain[-1]]:
        parent = tables[chain[-1]]["inherit"]
        if not isinstance(parent, str) or parent not in tables:
            msg = _("[{name}] inherit = {parent!r}: no such mode; use one of {modes}").format(
                name=chain[-1], parent=parent, modes=", ".join(tables)
            )
            raise InputError(msg)
        if parent in chain:
            msg = _("[{name}] inherit: circular chain {chain}")
            msg = msg.format(name=name, chain=" -> ".join([*chain, parent]))
            raise InputError(msg)
        chain.append(parent)
    resolved: dict[str, Any] = {}
    speeds: dict[str, Any] = {}
    for table in reversed([tables[n] for n in chain]):
        speeds.update(table.get("speeds_kmh", {}))
        resolved.update(table)
    resolved["speeds_kmh"] = speeds
    resolved.pop("inherit", None)
    return resolved


def _check_table(name: str, table: Mapping[str, Any]) -> list[str]:
    """Every problem of one resolved mode table, each naming its key and value."""
    problems = []
    for key, value in table.items():
        if key not in PROFILE_KEYS:
            text = _("unknown key {key!r}; expected one of {keys}")
            problems.append(text.format(key=key, keys=", ".join(PROFILE_KEYS)))
        elif not isinstance(value, PROFILE_KEYS[key]) or (
            isinstance(value, bool) and PROFILE_KEYS[key] is not bool
        ):
            expected = PROFILE_KEYS[key]
            kind = pgettext("kind of value", "number") if isinstance(expected, tuple) else None
            text = _("{key} = {value!r} should be a {kind}")
            problems.append(text.format(key=key, value=value, kind=kind or expected.__name__))
    missing = _("{key} is missing")
    problems += [missing.format(key=key) for key in PROFILE_REQUIRED if key not in table]
    if problems:
        return problems
    for key in ("unpaved_surfaces", "excluded_classes"):
        bad = [v for v in table.get(key, []) if not isinstance(v, str)]
        if bad:
            problems.append(_("{key} should list strings, got {bad!r}").format(key=key, bad=bad))
    for cls, kmh in table["speeds_kmh"].items():
        if isinstance(kmh, bool) or not isinstance(kmh, int | float):
            text = _("speeds_kmh.{road_class} = {kmh!r} should be a number (km/h)")
            problems.append(text.format(road_class=cls, kmh=kmh))
    if problems:
        return problems
    return check_profile_values({**table, "speeds_kmh": dict(table["speeds_kmh"])})


def resolve_profile(
    mode: str | SpeedProfile, *, speeds: str | Path | None = None, congestion: float = 1.0
) -> SpeedProfile:
    """The speed profile a run uses: ``mode`` from the bundled speeds with the user's speed file
    ``speeds`` merged over them, with the congestion factor in force.

    The one resolver of every task: `ccgeo.tasks.common.network_for` calls it once per run.

    Parameters
    ----------
    mode
        ``"car"``, ``"motorbike"``, ``"walk"``, a mode of the user's file, or a profile.
    speeds
        A speed file in the format of ``resources/speeds.toml``, or None.
    congestion
        Travel-time multiplier (3.0: trips take three times longer); 1 keeps the profile's own.

    Raises
    ------
    InputError
        If the file is not usable or the mode is unknown, naming the modes there are.
    """
    profile = get_profile(mode, load_profiles(speeds))
    if congestion != 1.0:
        profile = profile.with_congestion(congestion)
    return profile
