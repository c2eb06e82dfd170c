"""Command-line options of the analysis settings: one option per settings key, for every command.

The options turn into the flat values of `ccgeo.model.settings` (``--max-snap-m 500`` gives
``max_snap_m = "500"``), and the settings classes parse and check them, so a value is read the
same way from the command line, a settings file, a project and the app. An option left out takes
the value of the settings file, else the project's, else the default shown in the help.

Kept light (no geopandas, no Qt): ``ccgeo --help`` imports only this and the parser.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ccgeo.i18n import N_, _
from ccgeo.model.schema import CAPABILITIES, QUALITY_FILTERS
from ccgeo.model.settings import (
    ANY_CAPABILITY,
    CAPACITY_METHODS,
    COVERAGE_ORDERS,
    DEMAND_UNITS,
    SITING_MODELS,
    SOLVERS,
    LabSettings,
)


@dataclass(frozen=True)
class Option:
    """How one settings key is spelt on the command line."""

    flags: tuple[str, ...]
    help: str
    choices: tuple[str, ...] | None = None
    metavar: str | None = None
    #: A yes/no setting: ``--capacity`` and ``--no-capacity``.
    switch: bool = False


#: Every settings key that has an option; the help gets the default of the command's settings.
OPTIONS: dict[str, Option] = {
    "capability": Option(("--capability",), N_("the test labs must do"), choices=CAPABILITIES),
    "quality": Option(("--quality",), N_("quality filter on labs"), choices=QUALITY_FILTERS),
    "mode": Option(("--mode",), N_("travel mode: car, motorbike, walk, or one of your speed file")),
    "speeds": Option(
        ("--speeds",),
        N_(
            "your speed file (TOML, the format of resources/speeds.toml), merged over the "
            "bundled one"
        ),
        metavar="FILE",
    ),
    "congestion": Option(
        ("--congestion",), N_("travel-time multiplier for traffic: 3 = trips take 3x longer")
    ),
    "max_snap_m": Option(
        ("--max-snap-m",),
        N_("farthest a person or lab may be from a road, metres; beyond: off the network"),
        metavar="M",
    ),
    "walk_kmh": Option(("--walk-kmh",), N_("walking speed between a point and the road, km/h")),
    "candidates": Option(
        ("--snap-candidates",),
        N_("nearest junctions tried per person (besides the nearest road)"),
        metavar="N",
    ),
    "thresholds_minutes": Option(
        ("--thresholds",), N_("travel-time thresholds, minutes, inclusive"), metavar="MIN,MIN"
    ),
    "method": Option(("--method",), N_("2sfca, e2sfca or coverage"), choices=CAPACITY_METHODS),
    "minutes": Option(("--minutes",), N_("travel-time limit, minutes, inclusive"), metavar="MIN"),
    "bands_minutes": Option(("--bands",), N_("e2sfca: band limits, minutes"), metavar="MIN,MIN"),
    "weights": Option(("--weights",), N_("e2sfca: weight of each band, 0..1"), metavar="W,W"),
    "order": Option(
        ("--order",), N_("coverage: order in which labs take their need"), choices=COVERAGE_ORDERS
    ),
    "demand_unit": Option(
        ("--demand-unit",), N_("need in tests per year or in people"), choices=DEMAND_UNITS
    ),
    "demand": Option(
        ("--demand",),
        N_("your test-demand file (format of resources/demand.toml) over the bundled one"),
        metavar="FILE",
    ),
    "model": Option(("--model",), N_("siting model"), choices=SITING_MODELS),
    "hubs": Option(("--hubs",), N_("number of new hubs"), metavar="N"),
    "target_share": Option(
        ("--target",), N_("lscp: share of people to bring within --minutes, e.g. 0.8")
    ),
    "sources": Option(
        ("--candidates",),
        N_("candidate sites: upgrade (facilities lacking the test), grid"),
        metavar="SOURCE,SOURCE",
    ),
    "grid_spacing_m": Option(("--grid-spacing-m",), N_("spacing of grid candidates, metres")),
    "exclude": Option(("--exclude",), N_("facility ids never to propose"), metavar="ID,ID"),
    "solver": Option(("--solver",), N_("solver"), choices=SOLVERS),
    "time_limit_s": Option(("--time-limit-s",), N_("time limit of the exact solver, seconds")),
    "capacity": Option(
        ("--capacity",),
        N_("mclp: a lab covers no more tests a year than its capacity (demand in tests a year)"),
        switch=True,
    ),
    "hub_capacity": Option(
        ("--hub-capacity",), N_("with --capacity: tests a year of a new hub without its own")
    ),
    "penalty_minutes": Option(
        ("--penalty-minutes",), N_("pmedian: minutes counted for people beyond every lab")
    ),
    "curve_hubs": Option(("--curve-hubs",), N_("hubs in the coverage curve"), metavar="N"),
    "params": Option(
        ("--params",),
        N_("your referral parameter file over resources/referral.toml (courier, turnaround, ...)"),
        metavar="FILE",
    ),
    "courier_mode": Option(("--courier-mode",), N_("the couriers' travel mode")),
    "couriers_per_hub": Option(("--couriers-per-hub",), N_("couriers each hub sends out")),
    "shift_start": Option(("--shift-start",), N_("couriers' shift start"), metavar="HH:MM"),
    "shift_end": Option(("--shift-end",), N_("couriers' shift end"), metavar="HH:MM"),
    "latest_pickup": Option(("--latest-pickup",), N_("last pick-up of the day"), metavar="HH:MM"),
}

#: Keys spelt differently for one analysis (the referral's travel is the patients').
_RENAMED: dict[tuple[str, str], Option] = {
    ("referral", "mode"): Option(
        ("--patient-mode",),
        N_("travel mode of the patients' own trip to the hub, compared with the sample's"),
    ),
}

#: Keys that name a file: given as paths, kept as text in the settings.
FILE_KEYS = frozenset({"speeds", "demand", "params"})


def add_settings_options(parser: argparse.ArgumentParser, cls: type[LabSettings]) -> None:
    """Add ``--settings FILE`` and one option per key of ``cls`` (defaults in the help)."""
    group = parser.add_argument_group(
        _(
            "{settings} (an option left out takes the settings file's value, else the "
            "project's, else the default shown)"
        ).format(settings=settings_name(cls.kind))
    )
    group.add_argument(
        "--settings",
        type=Path,
        metavar="FILE",
        help=_("a TOML settings file (ccgeo settings writes one to start from)"),
    )
    defaults = cls().to_dict()
    for key in cls.flat_keys():
        option = _RENAMED.get((cls.kind, key), OPTIONS.get(key))
        if option is None:
            continue
        choices = option.choices
        if key == "capability" and cls.kind == "access":
            choices = (*CAPABILITIES, ANY_CAPABILITY)
        if option.switch:
            group.add_argument(
                *option.flags,
                dest=f"setting_{key}",
                action=argparse.BooleanOptionalAction,
                default=None,
                help=_with_default(option, _("yes") if defaults[key] else _("no")),
            )
            continue
        group.add_argument(
            *option.flags,
            dest=f"setting_{key}",
            choices=choices,
            metavar=option.metavar or (None if choices else _metavar(option)),
            help=_with_default(option, _shown(defaults[key])),
        )


def given_settings(args: argparse.Namespace, cls: type[LabSettings]) -> dict[str, Any]:
    """The settings values given on the command line (options left out are not in it)."""
    given = {}
    for key in cls.flat_keys():
        value = getattr(args, f"setting_{key}", None)
        if value is not None:
            given[key] = str(Path(value).resolve()) if key in FILE_KEYS else value
    return given


def settings_name(kind: str) -> str:
    """``"access settings"``: the settings of an analysis, named in the current language (whole
    phrases, as languages do not all put an analysis's name before "settings")."""
    names = {
        "access": _("access settings"),
        "capacity": _("capacity settings"),
        "siting": _("siting settings"),
        "referral": _("referral settings"),
    }
    return names.get(kind, f"{kind} settings")


def _with_default(option: Option, shown: str) -> str:
    """An option's help with its default, in the current language."""
    return _("{help} (default: {default})").format(help=_(option.help), default=shown)


def _metavar(option: Option) -> str:
    """``--walk-kmh`` → ``KMH``: the unit or last word of the option, in capitals."""
    return option.flags[0].rsplit("-", 1)[-1].upper()


def _shown(value: Any) -> str:
    if value is None:
        return _("none")
    if isinstance(value, list):
        return ",".join(f"{v:g}" if isinstance(v, float) else str(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)
