"""Travel speed profiles per mode (car, motorbike, walk, or the user's own), from speeds.toml.

A profile turns the road arrays of a `ccgeo.io.osm.RoadData` into a speed per edge, in one
vectorised pass; `ccgeo.network.graph.Network` turns the speeds into travel seconds.
"""

from __future__ import annotations

import json
import math
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import numpy as np

from ccgeo.errors import InputError

if TYPE_CHECKING:
    from ccgeo.io.osm import RoadData

#: The speed file that ships with ccgeo.
BUNDLED_SPEEDS = Path(__file__).resolve().parents[2] / "resources" / "speeds.toml"

#: Environment variable naming a user's speed file merged over the bundled one when no path is
#: given (so the app and every command use the planner's own speeds).
USER_SPEEDS_ENV = "CCGEO_SPEEDS"

#: Modes whose OSM access rules a profile can follow (``access`` key).
ACCESS_MODES: tuple[str, ...] = ("car", "motorbike", "walk")

#: Keys a mode table may hold, with the type each must have.
_KEYS: dict[str, type | tuple[type, ...]] = {
    "description": str,
    "inherit": str,
    "access": str,
    "default_kmh": (int, float),
    "max_kmh": (int, float),
    "unpaved_factor": (int, float),
    "unpaved_surfaces": list,
    "respect_oneway": bool,
    "respect_maxspeed": bool,
    "congestion_factor": (int, float),
    "excluded_classes": list,
    "speeds_kmh": dict,
}
_REQUIRED = (
    "access",
    "default_kmh",
    "max_kmh",
    "unpaved_factor",
    "respect_oneway",
    "respect_maxspeed",
    "speeds_kmh",
)
#: Sanity bound on any speed, km/h: above it a value is a typo (m/s, or an extra zero).
_MAX_SANE_KMH = 300.0


@dataclass(frozen=True)
class SpeedProfile:
    """How fast one travel mode moves on each OSM ``highway`` class.

    Attributes
    ----------
    name : str
        The mode (``"car"``, ``"motorbike"``, ``"walk"`` or a user-defined name).
    speeds_kmh : Mapping[str, float]
        Speed in km/h per ``highway`` class the mode may use (read-only mapping).
    default_kmh : float
        Speed in km/h on a class that is neither in ``speeds_kmh`` nor excluded; such edges are
        counted in a warning by `edge_speeds_kmh`.
    max_kmh : float
        No edge is faster than this (km/h), whatever its class or ``maxspeed`` tag.
    unpaved_factor : float
        Speed multiplier (0 < f ≤ 1) on edges whose ``surface`` is in ``unpaved_surfaces``.
    unpaved_surfaces : frozenset of str
        OSM ``surface`` values that count as unpaved.
    respect_oneway : bool
        True: a one-way edge is travelled only from ``u`` to ``v`` (vehicles); False: both ways.
    respect_maxspeed : bool
        True: a tagged ``maxspeed`` caps the class speed (it never raises it).
    congestion_factor : float
        Travel times are multiplied by it: 3.0 means every trip takes three times longer (a
        peak-hour scenario); 1.0 is free flow.
    excluded_classes : frozenset of str
        ``highway`` classes the mode may not use at all.
    access : str
        Whose OSM access tags apply (``"car"``, ``"motorbike"`` or ``"walk"``), see
        `ccgeo.io.osm.RoadData.usable_by`.
    description : str
        One line for screens and the report's methods page.
    """

    name: str
    speeds_kmh: Mapping[str, float]
    default_kmh: float
    max_kmh: float
    unpaved_factor: float = 1.0
    unpaved_surfaces: frozenset[str] = field(default_factory=frozenset)
    respect_oneway: bool = True
    respect_maxspeed: bool = True
    congestion_factor: float = 1.0
    excluded_classes: frozenset[str] = field(default_factory=frozenset)
    access: str = "car"
    description: str = ""

    def __post_init__(self) -> None:
        # read-only views, so that a profile shared by several networks cannot drift
        speeds = {str(k): float(v) for k, v in dict(self.speeds_kmh).items()}
        object.__setattr__(self, "speeds_kmh", MappingProxyType(speeds))
        object.__setattr__(self, "unpaved_surfaces", frozenset(self.unpaved_surfaces))
        object.__setattr__(self, "excluded_classes", frozenset(self.excluded_classes))
        problems = _check_values(self.to_dict())
        if problems:
            msg = f"speed profile {self.name!r}: " + "; ".join(problems)
            raise InputError(msg)

    def __hash__(self) -> int:
        return hash(json.dumps(self.to_dict(), sort_keys=True))

    @property
    def allowed_classes(self) -> frozenset[str]:
        """``highway`` classes with a stated speed for this mode."""
        return frozenset(self.speeds_kmh)

    def with_congestion(self, factor: float) -> SpeedProfile:
        """A copy whose travel times are multiplied by ``factor`` (replacing the current one)."""
        data = self.to_dict()
        data["congestion_factor"] = float(factor)
        return SpeedProfile.from_dict(data)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-serialisable values (sorted lists), the inverse of `from_dict`."""
        return {
            "name": self.name,
            "speeds_kmh": dict(sorted(self.speeds_kmh.items())),
            "default_kmh": self.default_kmh,
            "max_kmh": self.max_kmh,
            "unpaved_factor": self.unpaved_factor,
            "unpaved_surfaces": sorted(self.unpaved_surfaces),
            "respect_oneway": self.respect_oneway,
            "respect_maxspeed": self.respect_maxspeed,
            "congestion_factor": self.congestion_factor,
            "excluded_classes": sorted(self.excluded_classes),
            "access": self.access,
            "description": self.description,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SpeedProfile:
        """Build from `to_dict` output (e.g. a network cache)."""
        return cls(
            name=str(data["name"]),
            speeds_kmh=dict(data["speeds_kmh"]),
            default_kmh=float(data["default_kmh"]),
            max_kmh=float(data["max_kmh"]),
            unpaved_factor=float(data["unpaved_factor"]),
            unpaved_surfaces=frozenset(data["unpaved_surfaces"]),
            respect_oneway=bool(data["respect_oneway"]),
            respect_maxspeed=bool(data["respect_maxspeed"]),
            congestion_factor=float(data["congestion_factor"]),
            excluded_classes=frozenset(data["excluded_classes"]),
            access=str(data["access"]),
            description=str(data.get("description", "")),
        )


def load_profiles(path: str | Path | None = None) -> dict[str, SpeedProfile]:
    """Read the bundled speed profiles, and a user's file over them.

    Parameters
    ----------
    path
        A TOML file in the format of ``resources/speeds.toml``. Its mode tables are merged over
        the bundled ones (``speeds_kmh`` class by class), and new tables add modes. None reads the
        file named by the environment variable ``CCGEO_SPEEDS`` if it is set, else the bundled
        file only.

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
    tables = _read_toml(BUNDLED_SPEEDS)
    sources = dict.fromkeys(tables, BUNDLED_SPEEDS)
    if path is None and os.environ.get(USER_SPEEDS_ENV):
        path = os.environ[USER_SPEEDS_ENV]
    if path is not None:
        user = _read_toml(Path(path))
        for name, table in user.items():
            merged = dict(tables.get(name, {}))
            speeds = {**merged.get("speeds_kmh", {}), **table.get("speeds_kmh", {})}
            merged.update(table)
            if speeds:
                merged["speeds_kmh"] = speeds
            tables[name] = merged
            sources[name] = Path(path)
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
        where = Path(path) if path is not None else BUNDLED_SPEEDS
        msg = (
            "speed profiles are not usable: "
            + "; ".join(problems)
            + ". Fix these values (see the comments at the top of resources/speeds.toml)."
        )
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
        msg = (
            f"there is no speed profile for mode {mode!r}; available: {', '.join(profiles)}. "
            "Pick one of these, or add a table for it to your speed file."
        )
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
    highway = np.asarray(roads.edge_highway).astype(str)
    classes, inverse = np.unique(highway, return_inverse=True)
    inverse = inverse.reshape(-1)
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
        surface = np.asarray(roads.edge_surface).astype(str)
        unpaved = np.isin(surface, sorted(profile.unpaved_surfaces))
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
        warnings.append(
            f"{profile.name}: {n_unknown} of {m} edges have a highway class with no speed in the "
            f"profile ({listed}); they are travelled at the default {profile.default_kmh:g} km/h. "
            "Add these classes to the speed file to set their speed."
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
    if not path.is_file():
        msg = "speed file not found; check the path, or start from a copy of resources/speeds.toml"
        raise InputError(msg, path=path)
    try:
        with path.open("rb") as f:
            data = tomllib.load(f)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        msg = f"is not a valid TOML speed file ({exc}); compare it with resources/speeds.toml"
        raise InputError(msg, path=path) from exc
    bad = [k for k, v in data.items() if not isinstance(v, dict)]
    if bad:
        msg = (
            f"top-level keys {', '.join(repr(k) for k in bad)} are not mode tables; every value "
            "belongs inside a table such as [car]"
        )
        raise InputError(msg, path=path)
    return data


def _resolve(name: str, tables: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """Follow ``inherit`` chains; the child's keys win, ``speeds_kmh`` merged class by class."""
    chain = [name]
    while "inherit" in tables[chain[-1]]:
        parent = tables[chain[-1]]["inherit"]
        if not isinstance(parent, str) or parent not in tables:
            msg = (
                f"[{chain[-1]}] inherit = {parent!r}: no such mode; use one of {', '.join(tables)}"
            )
            raise InputError(msg)
        if parent in chain:
            msg = f"[{name}] inherit: circular chain {' -> '.join([*chain, parent])}"
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
        if key not in _KEYS:
            problems.append(f"unknown key {key!r}; expected one of {', '.join(_KEYS)}")
        elif not isinstance(value, _KEYS[key]) or (
            isinstance(value, bool) and _KEYS[key] is not bool
        ):
            expected = _KEYS[key]
            kind = "number" if isinstance(expected, tuple) else expected.__name__
            problems.append(f"{key} = {value!r} should be a {kind}")
    problems += [f"{key} is missing" for key in _REQUIRED if key not in table]
    if problems:
        return problems
    for key in ("unpaved_surfaces", "excluded_classes"):
        bad = [v for v in table.get(key, []) if not isinstance(v, str)]
        if bad:
            problems.append(f"{key} should list strings, got {bad!r}")
    for cls, kmh in table["speeds_kmh"].items():
        if isinstance(kmh, bool) or not isinstance(kmh, int | float):
            problems.append(f"speeds_kmh.{cls} = {kmh!r} should be a number (km/h)")
    if problems:
        return problems
    return _check_values({**table, "speeds_kmh": dict(table["speeds_kmh"])})


def _check_values(data: Mapping[str, Any]) -> list[str]:
    """Range checks shared by the file reader and `SpeedProfile` itself."""
    problems = []

    def speed_ok(key: str, value: float) -> None:
        if not (math.isfinite(value) and 0 < value <= _MAX_SANE_KMH):
            problems.append(f"{key} = {value!r} should be a speed in km/h above 0 and at most 300")

    for cls, kmh in data["speeds_kmh"].items():
        speed_ok(f"speeds_kmh.{cls}", float(kmh))
    speed_ok("default_kmh", float(data["default_kmh"]))
    speed_ok("max_kmh", float(data["max_kmh"]))
    factor = float(data["unpaved_factor"])
    if not (0 < factor <= 1):
        problems.append(f"unpaved_factor = {factor!r} should be above 0 and at most 1")
    congestion = float(data.get("congestion_factor", 1.0))
    if not (math.isfinite(congestion) and congestion >= 1):
        problems.append(
            f"congestion_factor = {congestion!r} should be 1 (free flow) or more (3 = trips "
            "take three times longer)"
        )
    if data["access"] not in ACCESS_MODES:
        problems.append(f"access = {data['access']!r} should be one of {', '.join(ACCESS_MODES)}")
    both = set(data["speeds_kmh"]) & set(data.get("excluded_classes", ()))
    if both:
        problems.append(
            f"classes {', '.join(sorted(both))} have a speed but are also in excluded_classes; "
            "remove them from one of the two"
        )
    return problems
