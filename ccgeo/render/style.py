"""What a user changed of a map layer's look: colour, size and visibility per class, a colour ramp.

A `LayerStyle` holds only the user's overrides (an empty style draws the palette of
`ccgeo.styles`); a layer lists its classes with their current look as `StyleClass` rows. Both are
plain values (no Qt), so a style round-trips through a dict into the project file.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ccgeo.errors import InputError
from ccgeo.i18n import N_, _
from ccgeo.styles import BAND_RAMP, ramp_rgb

#: Colour ramps offered for catchment bands (nearest band first), by key: label (English;
#: ``gettext`` it where shown) and stops.
#: Sequential schemes that read in grey and for the common colour-vision deficiencies
#: (tests/test_palettes.py): viridis (the default, `ccgeo.styles.BAND_RAMP`) and ColorBrewer's
#: single-hue Blues and Purples. No red-green ramp: a tenth of the men at a workshop could not
#: read it.
BAND_RAMPS: dict[str, tuple[str, tuple[str, ...]]] = {
    "viridis": (N_("Viridis (default)"), BAND_RAMP),
    "blues": (N_("Blues"), ("#08519C", "#3182BD", "#6BAED6", "#C6DBEF")),
    "purples": (N_("Purples"), ("#54278F", "#756BB1", "#9E9AC8", "#DADAEB")),
}
DEFAULT_RAMP = "viridis"

#: Allowed symbol sizes and line widths, screen pixels.
SIZE_RANGE_PX: tuple[float, float] = (0.5, 60.0)

_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


def ramp_colors(ramp: str, n: int) -> list[str]:
    """``n`` colours spread over the ramp ``ramp`` (a key of `BAND_RAMPS`), nearest first."""
    if ramp not in BAND_RAMPS:
        msg = f"`ramp` should be one of {', '.join(BAND_RAMPS)}, got {ramp!r}"
        raise ValueError(msg)
    if n <= 0:
        return []
    t = np.linspace(0.0, 1.0, n) if n > 1 else np.zeros(1)
    stops = BAND_RAMPS[ramp][1]
    return ["#{:02X}{:02X}{:02X}".format(*rgb) for rgb in ramp_rgb(t, stops)]


@dataclass(frozen=True)
class StyleClass:
    """One class of a layer as it is drawn now, for the Style dialog.

    Attributes
    ----------
    key
        Stable key of the class (a road class, a facility tier, a band's upper bound in minutes).
    label
        Name shown to the user, in the language of the moment the class was listed.
    color
        Fill or line colour, ``#RRGGBB``.
    size_px
        Symbol size or line width in screen pixels; None where the class has no size (fills).
    shown
        Whether the class is drawn.
    """

    key: str
    label: str
    color: str
    size_px: float | None = None
    shown: bool = True


@dataclass(frozen=True, eq=True)
class LayerStyle:
    """The user's changes to a layer's look; what it does not name keeps the palette.

    Attributes
    ----------
    colors
        Class key → colour ``#RRGGBB``.
    sizes
        Class key → symbol size or line width, screen pixels.
    hidden
        Keys of the classes not drawn.
    ramp
        Colour ramp of the classes not in ``colors`` (a key of `BAND_RAMPS`; catchment bands).
    """

    colors: Mapping[str, str] = field(default_factory=dict)
    sizes: Mapping[str, float] = field(default_factory=dict)
    hidden: frozenset[str] = frozenset()
    ramp: str | None = None

    def color(self, key: str, default: str) -> str:
        """The colour of class ``key``."""
        return self.colors.get(key, default)

    def size(self, key: str, default: float) -> float:
        """The size of class ``key``, pixels."""
        return float(self.sizes.get(key, default))

    def shown(self, key: str) -> bool:
        """Whether class ``key`` is drawn."""
        return key not in self.hidden

    @property
    def is_default(self) -> bool:
        """True when the style changes nothing."""
        return not (self.colors or self.sizes or self.hidden or self.ramp)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict (empty parts left out); `from_dict` reads it back."""
        out: dict[str, Any] = {}
        if self.colors:
            out["colors"] = {str(k): str(v).upper() for k, v in sorted(self.colors.items())}
        if self.sizes:
            out["sizes"] = {str(k): float(v) for k, v in sorted(self.sizes.items())}
        if self.hidden:
            out["hidden"] = sorted(self.hidden)
        if self.ramp:
            out["ramp"] = self.ramp
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> LayerStyle:
        """Read `to_dict` output, checking every value; lists every problem at once.

        Raises
        ------
        InputError
            When a colour is not ``#RRGGBB``, a size is outside `SIZE_RANGE_PX`, ``hidden`` is not
            a list of keys, the ramp is unknown or an unknown entry is present.
        """
        data = dict(data or {})
        problems: list[str] = []
        unknown = sorted(set(data) - {"colors", "sizes", "hidden", "ramp"})
        if unknown:
            problems.append(
                _("unknown entries {entries}: expected colors, sizes, hidden, ramp").format(
                    entries=unknown
                )
            )
        colors = _checked_colors(data.get("colors") or {}, problems)
        sizes = _checked_sizes(data.get("sizes") or {}, problems)
        hidden = data.get("hidden") or []
        if not isinstance(hidden, (list, tuple, set, frozenset)):
            problems.append(
                _("`hidden` should be a list of class keys, got {value}").format(value=repr(hidden))
            )
            hidden = []
        ramp = data.get("ramp")
        if ramp is not None and ramp not in BAND_RAMPS:
            problems.append(
                _("`ramp` should be one of {ramps}, got {value}").format(
                    ramps=", ".join(BAND_RAMPS), value=repr(ramp)
                )
            )
            ramp = None
        if problems:
            raise InputError(
                _("the layer style is not usable: {problems}").format(problems="; ".join(problems))
            )
        return cls(colors, sizes, frozenset(str(k) for k in hidden), ramp)


def _checked_colors(colors: Any, problems: list[str]) -> dict[str, str]:
    if not isinstance(colors, Mapping):
        problems.append(
            _("`colors` should map class keys to #RRGGBB colours, got {value}").format(
                value=repr(colors)
            )
        )
        return {}
    bad = {k: v for k, v in colors.items() if not (isinstance(v, str) and _HEX.match(v))}
    if bad:
        problems.append(_("colours should be #RRGGBB, got {value}").format(value=bad))
    return {str(k): str(v).upper() for k, v in colors.items() if k not in bad}


def _checked_sizes(sizes: Any, problems: list[str]) -> dict[str, float]:
    if not isinstance(sizes, Mapping):
        problems.append(
            _("`sizes` should map class keys to pixels, got {value}").format(value=repr(sizes))
        )
        return {}
    lo, hi = SIZE_RANGE_PX
    good: dict[str, float] = {}
    bad: dict[str, Any] = {}
    for key, value in sizes.items():
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = math.nan
        if lo <= number <= hi:
            good[str(key)] = number
        else:
            bad[str(key)] = value
    if bad:
        problems.append(
            _("sizes should be {low} to {high} pixels, got {value}").format(
                low=f"{lo:g}", high=f"{hi:g}", value=bad
            )
        )
    return good


__all__ = [
    "BAND_RAMPS",
    "DEFAULT_RAMP",
    "SIZE_RANGE_PX",
    "LayerStyle",
    "StyleClass",
    "ramp_colors",
]
