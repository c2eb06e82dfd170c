"""SpeedProfile: how fast one travel mode moves on each OSM ``highway`` class (validated values).

Reading speed files lives in `ccgeo.network.profiles`; this module only holds the type.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from ccgeo.errors import InputError
from ccgeo.i18n import _

#: Modes whose OSM access rules a profile can follow (``access`` key).
ACCESS_MODES: tuple[str, ...] = ("car", "motorbike", "walk")

#: Keys a mode table may hold, with the type each must have.
PROFILE_KEYS: dict[str, type | tuple[type, ...]] = {
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
PROFILE_REQUIRED = (
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
        problems = check_profile_values(self.to_dict())
        if problems:
            msg = _("speed profile {name!r}: {problems}").format(
                name=self.name, problems="; ".join(problems)
            )
            raise InputError(msg)

    def __hash__(self) -> int:
        return hash(json.dumps(self.to_dict(), sort_keys=True))

    def __reduce__(self) -> tuple[Any, ...]:
        # the read-only mapping does not pickle: ship the plain values (process pools, Dask)
        return (SpeedProfile.from_dict, (self.to_dict(),))

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


def check_profile_values(data: Mapping[str, Any]) -> list[str]:
    """Range checks shared by the file reader and `SpeedProfile` itself."""
    problems = []

    def speed_ok(key: str, value: float) -> None:
        if not (math.isfinite(value) and 0 < value <= _MAX_SANE_KMH):
            problems.append(
                _("{key} = {value!r} should be a speed in km/h above 0 and at most 300").format(
                    key=key, value=value
                )
            )

    for cls, kmh in data["speeds_kmh"].items():
        speed_ok(f"speeds_kmh.{cls}", float(kmh))
    speed_ok("default_kmh", float(data["default_kmh"]))
    speed_ok("max_kmh", float(data["max_kmh"]))
    factor = float(data["unpaved_factor"])
    if not (0 < factor <= 1):
        problems.append(
            _("unpaved_factor = {value!r} should be above 0 and at most 1").format(value=factor)
        )
    congestion = float(data.get("congestion_factor", 1.0))
    if not (math.isfinite(congestion) and congestion >= 1):
        problems.append(
            _(
                "congestion_factor = {value!r} should be 1 (free flow) or more (3 = trips "
                "take three times longer)"
            ).format(value=congestion)
        )
    if data["access"] not in ACCESS_MODES:
        problems.append(
            _("access = {value!r} should be one of {allowed}").format(
                value=data["access"], allowed=", ".join(ACCESS_MODES)
            )
        )
    both = set(data["speeds_kmh"]) & set(data.get("excluded_classes", ()))
    if both:
        problems.append(
            _(
                "classes {classes} have a speed but are also in excluded_classes; "
                "remove them from one of the two"
            ).format(classes=", ".join(sorted(both)))
        )
    return problems
