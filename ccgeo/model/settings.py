"""What each analysis asks: one frozen, validated settings object per analysis.

`AccessSettings`, `CapacitySettings`, `SitingSettings` and `ReferralSettings` are checked here,
once, when they are made; every face (the app's panels, the command line, the Python API) builds
one and hands it to the task of `ccgeo.tasks`, and nothing below the task looks for a setting
anywhere else. Each has a flat dict form (`to_dict` / `from_dict`) for the project file and for
TOML settings files (`ccgeo.tasks.settings` reads those and records where each value came from).

Defaults follow DOMAIN.md; every one can be changed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from typing import Any, ClassVar, TypeVar

from ccgeo.errors import InputError
from ccgeo.i18n import N_, _, pgettext
from ccgeo.labels import format_number, format_percent
from ccgeo.model.schema import CAPABILITIES, QUALITY_FILTERS

#: Version of the settings layout in files and projects; newer files are refused with a message.
SETTINGS_FORMAT_VERSION = 1

#: The capability that counts every facility as a destination (a registry without test columns).
ANY_CAPABILITY = "any"

#: Default coverage thresholds, minutes (inclusive).
DEFAULT_THRESHOLDS_MINUTES: tuple[float, ...] = (30.0, 60.0, 120.0)
#: Farthest a person or lab may be from a road before counting as off the network, metres.
DEFAULT_MAX_SNAP_M = 1_000.0
#: Walking speed of the leg between a point and the road, km/h (AccessMod).
DEFAULT_WALK_KMH = 5.0
#: Nearest junctions tried by a straight walk for each person, besides the two ends of the
#: nearest road (the fastest way wins).
DEFAULT_CANDIDATES = 4

SITING_MODELS: tuple[str, ...] = ("mclp", "pmedian", "lscp")
CANDIDATE_SOURCES: tuple[str, ...] = ("upgrade", "grid", "user")
SOLVERS: tuple[str, ...] = ("auto", "milp", "greedy")
CAPACITY_METHODS: tuple[str, ...] = ("2sfca", "e2sfca", "coverage")
COVERAGE_ORDERS: tuple[str, ...] = ("capacity", "given", "time")
DEMAND_UNITS: tuple[str, ...] = ("tests", "people")


#: The longest travel time a threshold may be, minutes (a week): beyond it, a typo.
MAX_THRESHOLD_MINUTES = 7 * 24 * 60.0


def parse_thresholds(text: str | float | Sequence[Any]) -> tuple[float, ...]:
    """Thresholds in minutes from ``"30, 60, 120"`` (or numbers), sorted and deduplicated.

    The one threshold parser of ccgeo: the app's field, the command line's ``--thresholds``,
    settings files and the analyses all read thresholds here.

    Raises
    ------
    InputError
        When a value is not a positive, finite number of minutes, naming it.
    """
    if isinstance(text, str):
        words = re.sub(r"(?i)(?<=[\d\s])min(utes?)?\b", " ", text)  # "60 min", "30min"
        parts: list[Any] = [p for p in re.split(r"[,;\s]+", words.strip()) if p]
    elif isinstance(text, int | float):
        parts = [text]
    else:
        parts = list(text)
    values, bad = [], []
    for part in parts:
        try:
            value = float(str(part).strip())
        except ValueError:
            bad.append(str(part))
            continue
        if math.isfinite(value) and 0 < value <= MAX_THRESHOLD_MINUTES:
            values.append(value)
        else:
            bad.append(str(part))
    if bad or not values:
        got = ", ".join(bad) if bad else _("nothing")
        msg = _(
            "thresholds should be positive minutes up to {max} (a week) separated by commas, "
            "such as '30, 60, 120'; got {got}"
        ).format(max=format_number(MAX_THRESHOLD_MINUTES), got=got)
        raise InputError(msg)
    return tuple(sorted(set(values)))


T = TypeVar("T")

#: How each analysis's settings are named in messages (``"access settings: ..."``).
_SETTINGS_NAMES: dict[str, str] = {
    "access": N_("access settings"),
    "capacity": N_("capacity settings"),
    "siting": N_("siting settings"),
    "referral": N_("referral settings"),
}


def _about(kind: str, problems: str) -> str:
    """``"access settings: <problems>"``: the problems of one analysis's settings."""
    name = _SETTINGS_NAMES.get(kind)
    prefix = _(name) if name else f"{kind} settings"
    return _("{settings}: {problems}").format(settings=prefix, problems=problems)


def _made(kind: type[T], values: Mapping[str, Any], problems: list[str]) -> T:
    """``kind(**values)``; when it refuses them, its problems go to ``problems`` and the
    defaults stand in, so that the other parts are checked too."""
    try:
        return kind(**values)
    except InputError as exc:
        prefix = _about(getattr(kind, "kind", ""), "") if getattr(kind, "kind", "") else ""
        problems.append(str(exc).removeprefix(prefix))
        return kind()


def _positive(
    name: str, value: Any, problems: list[str], *, minimum: float = 0.0, maximum: float = math.inf
) -> None:
    ok = isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
    if not ok or value <= minimum:
        problems.append(
            _("`{name}` should be a number above {minimum:g}, got {value!r}").format(
                name=name, minimum=minimum, value=value
            )
        )
    elif value > maximum:
        problems.append(
            _("`{name}` should be at most {maximum}, got {value!r}").format(
                name=name, maximum=format_number(maximum), value=value
            )
        )


def _one_of(name: str, value: Any, allowed: Sequence[str], problems: list[str]) -> None:
    if value not in allowed:
        problems.append(
            _("`{name}` should be one of {allowed}, got {value!r}").format(
                name=name, allowed=", ".join(allowed), value=value
            )
        )


@dataclass(frozen=True)
class Travel:
    """How people (or couriers) travel: mode, the planner's speed file, traffic.

    Attributes
    ----------
    mode
        ``car``, ``motorbike``, ``walk`` or a mode of the speed file.
    speeds
        A speed file (TOML in the format of ``resources/speeds.toml``) merged over the bundled
        speeds, or None for the bundled ones.
    congestion
        Travel times on the network are multiplied by this: 1 is free flow, 3 means every trip
        takes three times longer (peak-hour traffic in a dense core; an assumption to state).
    """

    mode: str = "car"
    speeds: str | None = None
    congestion: float = 1.0

    def __post_init__(self) -> None:
        problems = self.problems()
        if problems:
            raise InputError("; ".join(problems))

    def problems(self) -> list[str]:
        """What is wrong with these values (empty when they are usable)."""
        found = []
        if not isinstance(self.mode, str) or not self.mode.strip():
            found.append(
                _("`mode` should be a travel mode such as 'car', got {value!r}").format(
                    value=self.mode
                )
            )
        if self.speeds is not None and (not isinstance(self.speeds, str) or not self.speeds):
            found.append(
                _("`speeds` should be the path of a speed file, got {value!r}").format(
                    value=self.speeds
                )
            )
        if not (
            isinstance(self.congestion, int | float)
            and math.isfinite(self.congestion)
            and self.congestion >= 1
        ):
            found.append(
                _(
                    "`congestion` should be 1 (free flow) or more (3 = trips take three times "
                    "longer), got {value!r}"
                ).format(value=self.congestion)
            )
        return found

    def describe(self) -> str:
        """``"by car"``, ``"by car, traffic ×3"``, in the current language."""
        traffic = (
            _(", traffic ×{factor:g}").format(factor=self.congestion)
            if self.congestion != 1
            else ""
        )
        from ccgeo.model.roads import mode_words  # numpy: not at the command line's start

        by = _BY_MODE.get(self.mode)
        words = _(by) if by else _("by {mode}").format(mode=mode_words(self.mode))
        return f"{words}{traffic}"


#: How people travel, in words (`Travel.describe`).
_BY_MODE: dict[str, str] = {
    "car": N_("by car"),
    "motorbike": N_("by motorbike"),
    "walk": N_("by walk"),
}


@dataclass(frozen=True)
class Snapping:
    """How people and labs away from a road are tied to the network: one rule for every analysis.

    Attributes
    ----------
    max_snap_m
        Farthest a person or a lab may be from a road, metres; farther people are
        ``off_network`` and farther labs are left out (and listed with the reason).
    walk_kmh
        Speed of the walk from a point to the road (and along it where the mode may not go),
        km/h.
    candidates
        Nearest junctions tried per person by a straight walk, besides the two ends of the
        nearest road's edge; the fastest route wins.
    """

    max_snap_m: float = DEFAULT_MAX_SNAP_M
    walk_kmh: float = DEFAULT_WALK_KMH
    candidates: int = DEFAULT_CANDIDATES

    def __post_init__(self) -> None:
        problems = self.problems()
        if problems:
            raise InputError("; ".join(problems))

    def problems(self) -> list[str]:
        """What is wrong with these values (empty when they are usable)."""
        found: list[str] = []
        _positive("max_snap_m", self.max_snap_m, found)
        _positive("walk_kmh", self.walk_kmh, found)
        if (
            not isinstance(self.candidates, int)
            or isinstance(self.candidates, bool)
            or not (1 <= self.candidates <= 32)
        ):
            found.append(
                _("`candidates` should be a whole number from 1 to 32, got {value!r}").format(
                    value=self.candidates
                )
            )
        return found


S = TypeVar("S", bound="LabSettings")


@dataclass(frozen=True)
class LabSettings:
    """What every analysis shares: which labs count, how people travel, how points are snapped.

    Subclasses add their own fields. The flat dict form (`to_dict`) spells the nested
    `Travel` and `Snapping` values as top-level keys (``mode``, ``speeds``, ``congestion``,
    ``max_snap_m``, ``walk_kmh``, ``candidates``), as settings files and the command line do.
    """

    #: Name of the analysis, the table of a settings file and the key in a project.
    kind: ClassVar[str] = ""
    #: Capabilities accepted (the access analysis also takes `ANY_CAPABILITY`).
    capabilities: ClassVar[tuple[str, ...]] = CAPABILITIES

    capability: str = "pcr"
    quality: str = "any"
    travel: Travel = field(default_factory=Travel)
    snapping: Snapping = field(default_factory=Snapping)

    #: Keys of the flat form that belong to `travel` and `snapping`.
    TRAVEL_KEYS: ClassVar[tuple[str, ...]] = ("mode", "speeds", "congestion")
    SNAPPING_KEYS: ClassVar[tuple[str, ...]] = ("max_snap_m", "walk_kmh", "candidates")
    #: Keys every analysis shares (a settings file's [access] table gives them to the others).
    SHARED_KEYS: ClassVar[tuple[str, ...]] = (
        "capability",
        "quality",
        "mode",
        "speeds",
        "congestion",
        "max_snap_m",
        "walk_kmh",
        "candidates",
    )

    def __post_init__(self) -> None:
        problems: list[str] = []
        _one_of("capability", self.capability, self.capabilities, problems)
        _one_of("quality", self.quality, QUALITY_FILTERS, problems)
        problems += self._own_problems()  # `Travel` and `Snapping` checked themselves
        if problems:
            raise InputError(_about(self.kind, "; ".join(problems)))

    def _own_problems(self) -> list[str]:
        return []

    # -- flat form ------------------------------------------------------------------------------

    @classmethod
    def flat_keys(cls) -> tuple[str, ...]:
        """Every key of the flat form, in order."""
        own = tuple(f.name for f in fields(cls) if f.name not in ("travel", "snapping"))
        return own[:2] + cls.TRAVEL_KEYS + cls.SNAPPING_KEYS + own[2:]

    def to_dict(self) -> dict[str, Any]:
        """Plain values (lists for tuples), JSON- and TOML-ready; the inverse of `from_dict`."""
        out: dict[str, Any] = {}
        for key in self.flat_keys():
            if key in self.TRAVEL_KEYS:
                value = getattr(self.travel, key)
            elif key in self.SNAPPING_KEYS:
                value = getattr(self.snapping, key)
            else:
                value = getattr(self, key)
            out[key] = list(value) if isinstance(value, tuple) else value
        return out

    @classmethod
    def from_dict(cls: type[S], data: Mapping[str, Any] | None) -> S:
        """Settings from a flat dict; missing keys take the defaults.

        Raises
        ------
        InputError
            When a key is unknown or a value is not acceptable; every problem at once, each
            naming its key, what was expected and what arrived.
        """
        data = {k: v for k, v in dict(data or {}).items() if v is not None or k in cls._nullable()}
        unknown = sorted(set(data) - set(cls.flat_keys()))
        if unknown:
            msg = _("unknown key(s) {unknown}; the keys are {keys}").format(
                unknown=", ".join(unknown), keys=", ".join(cls.flat_keys())
            )
            raise InputError(_about(cls.kind, msg))
        problems: list[str] = []
        values = {k: cls._convert(k, v, problems) for k, v in data.items()}
        if problems:
            raise InputError(_about(cls.kind, "; ".join(problems)))
        travel = _made(Travel, {k: values.pop(k) for k in cls.TRAVEL_KEYS if k in values}, problems)
        snapping = _made(
            Snapping, {k: values.pop(k) for k in cls.SNAPPING_KEYS if k in values}, problems
        )
        made = _made(cls, {"travel": travel, "snapping": snapping, **values}, problems)
        if problems:  # every problem at once, not the first part's only
            raise InputError(_about(cls.kind, "; ".join(problems)))
        return made

    def updated(self: S, changes: Mapping[str, Any]) -> S:
        """A copy with the flat ``changes`` applied (validated like `from_dict`)."""
        return type(self).from_dict({**self.to_dict(), **dict(changes)})

    @classmethod
    def _nullable(cls) -> frozenset[str]:
        """Keys whose value may be None (meaning: not set, use the file or the default)."""
        return frozenset({"speeds"})

    @classmethod
    def _convert(cls, key: str, value: Any, problems: list[str]) -> Any:
        """A value of the flat form as the field wants it (numbers from text, tuples, ...)."""
        kind = _FIELD_KINDS.get(key, "str")
        if value is None:
            return None
        try:
            if kind == "float":
                if isinstance(value, bool):
                    raise ValueError
                return float(value)
            if kind == "int":
                if isinstance(value, bool) or float(value) != int(float(value)):
                    raise ValueError
                return int(float(value))
            if kind == "bool":
                if isinstance(value, str) and value.lower() in (
                    "true",
                    "yes",
                    "1",
                    "false",
                    "no",
                    "0",
                ):
                    return value.lower() in ("true", "yes", "1")
                if not isinstance(value, bool):
                    raise ValueError
                return value
            if kind == "thresholds":
                return parse_thresholds(value)
            if kind == "floats":
                items = value.split(",") if isinstance(value, str) else list(value)
                return tuple(float(v) for v in items)
            if kind == "names":
                items = value.split(",") if isinstance(value, str) else list(value)
                return tuple(str(v).strip() for v in items if str(v).strip())
        except InputError as exc:
            problems.append(f"`{key}`: {exc}")
            return None
        except (TypeError, ValueError):
            problems.append(_expected(key, kind, value))
            return None
        return str(value)

    def describe(self) -> str:
        """One line for a table or a status bar: ``"PCR, any quality, by car"``, in the current
        language."""
        quality = _(_QUALITY_WORDS.get(self.quality, self.quality.replace("_", " ")))
        return f"{_in_capitals(self.capability)}, {quality}, {self.travel.describe()}"


#: The quality filters in words (`LabSettings.describe`).
_QUALITY_WORDS: dict[str, str] = {
    "any": N_("any quality"),
    "eqa": N_("eqa"),
    "international_eqa": N_("international eqa"),
    "accredited": N_("accredited"),
    "eqa_or_accredited": N_("eqa or accredited"),
}


def _in_capitals(capability: str) -> str:
    """A test in capitals, as `LabSettings.describe` shows it: ``"PCR"``, ``"IHQ"`` in Spanish."""
    named = {
        "biopsy": pgettext("test, in capitals", "BIOPSY"),
        "cytology": pgettext("test, in capitals", "CYTOLOGY"),
        "histology": pgettext("test, in capitals", "HISTOLOGY"),
        "ihc": pgettext("test, in capitals", "IHC"),
        "ish": pgettext("test, in capitals", "ISH"),
        "pcr": pgettext("test, in capitals", "PCR"),
        "ngs": pgettext("test, in capitals", "NGS"),
        "flow": pgettext("test, in capitals", "FLOW"),
        ANY_CAPABILITY: pgettext("test, in capitals", "ANY"),
    }
    return named.get(capability, capability.upper())


def _expected(key: str, kind: str, value: Any) -> str:
    """The problem of a flat-form ``value`` that is not of its ``kind``."""
    if kind == "float":
        text = _("`{key}` should be a number, got {value!r}")
    elif kind == "int":
        text = _("`{key}` should be a whole number, got {value!r}")
    elif kind == "bool":
        text = _("`{key}` should be true or false, got {value!r}")
    elif kind == "floats":
        text = _("`{key}` should be floats, got {value!r}")
    else:
        text = f"`{{key}}` should be {kind}, got {{value!r}}"
    return text.format(key=key, value=value)


#: How the flat form's values are read (text otherwise).
_FIELD_KINDS: dict[str, str] = {
    "congestion": "float",
    "max_snap_m": "float",
    "walk_kmh": "float",
    "candidates": "int",
    "thresholds_minutes": "thresholds",
    "bands_minutes": "floats",
    "weights": "floats",
    "minutes": "float",
    "hubs": "int",
    "target_share": "float",
    "sources": "names",
    "exclude": "names",
    "grid_spacing_m": "float",
    "time_limit_s": "float",
    "curve_hubs": "int",
    "capacity": "bool",
    "hub_capacity": "float",
    "penalty_minutes": "float",
    "couriers_per_hub": "int",
}


@dataclass(frozen=True)
class AccessSettings(LabSettings):
    """The access analysis: time from every person to the nearest lab able to do a test.

    Attributes
    ----------
    thresholds_minutes
        Coverage thresholds, minutes, inclusive (a person at exactly 60.0 min is within 60).
    """

    kind: ClassVar[str] = "access"
    capabilities: ClassVar[tuple[str, ...]] = (*CAPABILITIES, ANY_CAPABILITY)

    thresholds_minutes: tuple[float, ...] = DEFAULT_THRESHOLDS_MINUTES

    def __post_init__(self) -> None:
        try:
            object.__setattr__(
                self, "thresholds_minutes", parse_thresholds(self.thresholds_minutes)
            )
        except InputError as exc:
            raise InputError(_about(self.kind, f"`thresholds_minutes`: {exc}")) from None
        super().__post_init__()

    @property
    def underserved_minutes(self) -> float:
        """Threshold of the underserved areas: 60 when among the thresholds, else the largest."""
        return 60.0 if 60.0 in self.thresholds_minutes else self.thresholds_minutes[-1]

    def describe(self) -> str:
        """``"PCR, any quality, by car, 30/60/120 min"``."""
        minutes = "/".join(f"{t:g}" for t in self.thresholds_minutes)
        return f"{super().describe()}, {minutes} min"


@dataclass(frozen=True)
class CapacitySettings(LabSettings):
    """Lab capacity against the need: 2SFCA, E2SFCA or capacity-limited coverage.

    Attributes
    ----------
    method
        ``"2sfca"``, ``"e2sfca"`` (bands 0-10/10-20/20-30 min, weights 1/0.68/0.22) or
        ``"coverage"`` (each lab's catchment grows until its capacity or the time limit).
    minutes
        Catchment of 2SFCA and time limit of coverage, minutes, inclusive.
    bands_minutes, weights
        E2SFCA: upper bounds of the travel-time bands, minutes, and the weight of each (PySAL
        access defaults 1 / 0.68 / 0.22 for 0-10 / 10-20 / 20-30 min).
    demand_unit
        ``"tests"``: need = population x incidence x eligible share (tests per year, the unit of
        lab capacity); ``"people"``: need = population.
    order
        Coverage: the order in which labs take their need (``capacity``: largest first).
    demand
        A file in the format of ``resources/demand.toml`` (incidence, eligible shares) over the
        bundled one, or None.
    """

    kind: ClassVar[str] = "capacity"

    method: str = "2sfca"
    minutes: float = 30.0
    bands_minutes: tuple[float, ...] = (10.0, 20.0, 30.0)
    weights: tuple[float, ...] = (1.0, 0.68, 0.22)
    order: str = "capacity"
    demand_unit: str = "tests"
    demand: str | None = None

    def _own_problems(self) -> list[str]:
        found: list[str] = []
        _one_of("method", self.method, CAPACITY_METHODS, found)
        _one_of("order", self.order, COVERAGE_ORDERS, found)
        _one_of("demand_unit", self.demand_unit, DEMAND_UNITS, found)
        _positive("minutes", self.minutes, found, maximum=MAX_THRESHOLD_MINUTES)
        bands, weights = self.bands_minutes, self.weights
        if list(bands) != sorted(set(bands)) or not bands or bands[0] <= 0:
            found.append(
                _("`bands_minutes` should rise from above 0 (10, 20, 30), got {value!r}").format(
                    value=bands
                )
            )
        if len(weights) != len(bands) or any(not 0 <= w <= 1 for w in weights):
            found.append(
                _(
                    "`weights` should give one weight from 0 to 1 per band ({bands}), got {value!r}"
                ).format(bands=len(bands), value=weights)
            )
        return found

    @property
    def reach_minutes(self) -> float:
        """The farthest travel time that counts, minutes (the last band for E2SFCA)."""
        return self.bands_minutes[-1] if self.method == "e2sfca" else float(self.minutes)

    @classmethod
    def _nullable(cls) -> frozenset[str]:
        return super()._nullable() | {"demand"}


@dataclass(frozen=True)
class SitingSettings(LabSettings):
    """Where new testing hubs should go: MCLP, p-median or the fewest hubs for a target.

    Attributes
    ----------
    model
        ``"mclp"`` (most people within ``minutes`` with ``hubs`` new hubs), ``"pmedian"`` (least
        population-weighted travel time) or ``"lscp"`` (fewest hubs for ``target_share``).
    hubs
        Number of new hubs (MCLP, p-median).
    minutes
        Coverage limit, minutes, inclusive.
    target_share
        LSCP: the share of people to bring within ``minutes``, 0..1.
    sources
        Candidate sites: ``upgrade`` (facilities lacking the test), ``grid`` (points over the
        underserved areas), ``user`` (hubs placed on the map).
    grid_spacing_m
        Spacing of grid candidates, metres.
    exclude
        Facility ids never to propose.
    solver
        ``auto`` (exact MILP when small enough, else lazy greedy), ``milp`` or ``greedy``.
    time_limit_s
        Time limit of the MILP solver, seconds.
    capacity
        MCLP: a lab covers no more tests per year than its capacity.
    hub_capacity
        With ``capacity``: tests per year of a new hub that has no capacity of its own.
    penalty_minutes
        p-median: minutes counted for people beyond ``minutes`` of every lab (default
        ``minutes``).
    curve_hubs
        Hubs in the coverage curve.
    demand
        A demand parameter file over ``resources/demand.toml`` (with ``capacity``), or None.
    """

    kind: ClassVar[str] = "siting"

    model: str = "mclp"
    hubs: int = 3
    minutes: float = 60.0
    target_share: float = 0.8
    sources: tuple[str, ...] = ("upgrade",)
    grid_spacing_m: float = 1_000.0
    exclude: tuple[str, ...] = ()
    solver: str = "auto"
    time_limit_s: float = 60.0
    capacity: bool = False
    hub_capacity: float | None = None
    penalty_minutes: float | None = None
    curve_hubs: int = 10
    demand: str | None = None

    def _own_problems(self) -> list[str]:
        found: list[str] = []
        _one_of("model", self.model, SITING_MODELS, found)
        _one_of("solver", self.solver, SOLVERS, found)
        _positive("minutes", self.minutes, found, maximum=MAX_THRESHOLD_MINUTES)
        _positive("grid_spacing_m", self.grid_spacing_m, found)
        _positive("time_limit_s", self.time_limit_s, found)
        if not isinstance(self.hubs, int) or isinstance(self.hubs, bool) or self.hubs < 1:
            found.append(
                _("`hubs` should be a whole number of new hubs, 1 or more, got {value!r}").format(
                    value=self.hubs
                )
            )
        if not isinstance(self.curve_hubs, int) or self.curve_hubs < 0:
            found.append(
                _("`curve_hubs` should be a whole number, 0 or more, got {value!r}").format(
                    value=self.curve_hubs
                )
            )
        if not (isinstance(self.target_share, int | float) and 0 < self.target_share <= 1):
            found.append(
                _(
                    "`target_share` should be a share above 0 and at most 1 ({example} is 0.8), "
                    "got {value!r}"
                ).format(value=self.target_share, example=format_percent(80))
            )
        bad = [s for s in self.sources if s not in CANDIDATE_SOURCES]
        if bad or not self.sources:
            found.append(
                _("`sources` should list one or more of {allowed}, got {value}").format(
                    allowed=", ".join(CANDIDATE_SOURCES), value=", ".join(self.sources) or _("none")
                )
            )
        if self.hub_capacity is not None:
            _positive("hub_capacity", self.hub_capacity, found)
        if self.penalty_minutes is not None:
            _positive("penalty_minutes", self.penalty_minutes, found)
        if self.capacity and self.model != "mclp":
            found.append(
                _("`capacity` applies to the mclp model, not to {model!r}").format(model=self.model)
            )
        if self.capacity and self.solver == "greedy":
            found.append(
                _("the capacitated model is solved as a MILP only; use solver milp or auto")
            )
        return found

    @classmethod
    def _nullable(cls) -> frozenset[str]:
        return super()._nullable() | {"hub_capacity", "penalty_minutes", "demand"}


@dataclass(frozen=True)
class ReferralSettings(LabSettings):
    """How samples travel from the facilities that take them to the hub labs that test them.

    ``capability`` and ``quality`` choose the hub labs; `travel` is the patients' own trip,
    compared with the sample's. Courier values left as None come from the referral parameter
    file (``params``, over ``resources/referral.toml``).

    Attributes
    ----------
    params
        A referral parameter file over the bundled one, or None.
    courier_mode
        The couriers' travel mode (default: the parameter file's, a motorbike).
    couriers_per_hub
        Couriers each hub sends out.
    shift_start, shift_end, latest_pickup
        Clock times ``"HH:MM"`` of the couriers' day.
    """

    kind: ClassVar[str] = "referral"

    capability: str = "ihc"
    params: str | None = None
    courier_mode: str | None = None
    couriers_per_hub: int | None = None
    shift_start: str | None = None
    shift_end: str | None = None
    latest_pickup: str | None = None

    def _own_problems(self) -> list[str]:
        found: list[str] = []
        for name in ("shift_start", "shift_end", "latest_pickup"):
            value = getattr(self, name)
            if value is not None and clock_seconds(value) is None:
                found.append(
                    _("`{name}` should be a time of day such as '14:30', got {value!r}").format(
                        name=name, value=value
                    )
                )
        if self.couriers_per_hub is not None and self.couriers_per_hub < 1:
            found.append(
                _("`couriers_per_hub` should be 1 or more, got {value!r}").format(
                    value=self.couriers_per_hub
                )
            )
        return found

    @classmethod
    def _nullable(cls) -> frozenset[str]:
        return super()._nullable() | {
            "params",
            "courier_mode",
            "couriers_per_hub",
            "shift_start",
            "shift_end",
            "latest_pickup",
        }


def clock_seconds(value: str) -> float | None:
    """Seconds after midnight of ``"HH:MM"`` (or ``"H:MM"``), None when it is not a time."""
    match = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*", str(value))
    if not match:
        return None
    hours, minutes = int(match.group(1)), int(match.group(2))
    if hours > 24 or minutes > 59 or (hours == 24 and minutes):
        return None
    return float(hours * 3600 + minutes * 60)


#: The settings class of each analysis, by `LabSettings.kind`.
SETTINGS_CLASSES: dict[str, type[LabSettings]] = {
    cls.kind: cls for cls in (AccessSettings, CapacitySettings, SitingSettings, ReferralSettings)
}


def with_travel(settings: S, **changes: Any) -> S:
    """``settings`` with some `Travel` values changed (``mode=``, ``speeds=``, ``congestion=``)."""
    return replace(settings, travel=replace(settings.travel, **changes))
