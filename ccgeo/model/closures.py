"""Road closures and slowdowns of a scenario: roads closed by class, by surface or by area.

A `RoadClosures` is a value (frozen, hashable): `ccgeo.network.build.build_network` turns it
into a speed factor per road edge (`ccgeo.network.closures.edge_factors`). The areas arrive here
already read, as WKB polygons in EPSG:4326; reading their file is the batch task's job.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ccgeo.errors import InputError
from ccgeo.i18n import _


@dataclass(frozen=True)
class RoadClosures:
    """Roads closed or slowed in a scenario (the rainy season, a flood, road works).

    Attributes
    ----------
    name
        The scenario value's name (``"rainy"``), for tables and logs.
    closed_classes
        OSM ``highway`` classes nobody may use (``"track"``).
    closed_surfaces
        OSM ``surface`` values nobody may use (``"dirt"``, ``"ground"``).
    slowed_surfaces
        OSM ``surface`` values travelled at ``surface_factor`` times the usual speed.
    surface_factor
        Speed multiplier on ``slowed_surfaces``, 0 < f ≤ 1 (0.5: half speed).
    areas_wkb
        Polygons (WKB, EPSG:4326) of flood-prone areas: edges that cross them are travelled at
        ``area_factor`` times their speed.
    area_factor
        Speed multiplier inside ``areas_wkb``, 0 ≤ f ≤ 1; 0 closes the roads there.
    """

    name: str = ""
    closed_classes: tuple[str, ...] = ()
    closed_surfaces: tuple[str, ...] = ()
    slowed_surfaces: tuple[str, ...] = ()
    surface_factor: float = 1.0
    areas_wkb: tuple[bytes, ...] = ()
    area_factor: float = 0.0

    def __post_init__(self) -> None:
        for key in ("closed_classes", "closed_surfaces", "slowed_surfaces"):
            object.__setattr__(self, key, tuple(sorted({str(v) for v in getattr(self, key)})))
        object.__setattr__(self, "areas_wkb", tuple(bytes(v) for v in self.areas_wkb))
        problems = []
        for key, low in (("surface_factor", 0.0), ("area_factor", -1e-12)):
            value = getattr(self, key)
            ok = isinstance(value, int | float) and not isinstance(value, bool)
            if not ok or not math.isfinite(value) or not (low < value <= 1.0):
                text = _(
                    "`{key}` should be a speed factor above {low:g} and at most 1, got {value!r}"
                )
                problems.append(text.format(key=key, low=max(low, 0.0), value=value))
        if problems:
            raise InputError("; ".join(problems))

    @property
    def empty(self) -> bool:
        """True when nothing is closed or slowed (the network is the usual one)."""
        slowed = self.slowed_surfaces and self.surface_factor != 1.0
        return not (self.closed_classes or self.closed_surfaces or slowed or self.areas_wkb)
