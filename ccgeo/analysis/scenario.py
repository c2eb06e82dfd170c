"""Baseline versus proposal: analysis settings, a live what-if workspace over one baseline run,
and named scenarios compared side by side.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import geopandas as gpd
import numpy as np
import pandas as pd

from ccgeo.analysis.access import (
    CITY_ID,
    DEFAULT_THRESHOLDS_MINUTES,
    AccessResult,
    AccessWhatIf,
    access,
    underserved_areas,
)
from ccgeo.analysis.snapping import DEFAULT_MAX_SNAP_M, DEFAULT_WALK_KMH
from ccgeo.errors import InputError, check_cancel
from ccgeo.model.facilities import Facilities, quality_mask
from ccgeo.model.profile import ACCESS_MODES
from ccgeo.model.scenario import Scenario
from ccgeo.model.schema import CAPABILITIES, QUALITY_FILTERS
from ccgeo.network.isochrones import isochrone_bands
from ccgeo.network.profiles import get_profile
from ccgeo.progress import ProgressCallback, report_progress, scaled_progress

if TYPE_CHECKING:
    import threading

    from ccgeo.model.network import Network
    from ccgeo.project import Project

#: Keys of ``Project.settings`` this module reads and writes.
SETTINGS_KEY = "analysis"
EDITS_KEY = "whatif"


# -- settings ------------------------------------------------------------------------------------


def parse_thresholds(text: str | Sequence[float]) -> tuple[float, ...]:
    """Thresholds in minutes from ``"30, 60, 120"`` (or a sequence), sorted and deduplicated.

    Raises
    ------
    InputError
        When a value is not a positive number of minutes.
    """
    if isinstance(text, str):
        parts = [p for p in re.split(r"[,;\s]+", text.strip()) if p]
    else:
        parts = list(text)
    values = []
    bad = []
    for part in parts:
        try:
            value = float(str(part).replace("min", "").strip())
        except ValueError:
            bad.append(str(part))
            continue
        if not (math.isfinite(value) and value > 0):
            bad.append(str(part))
        else:
            values.append(value)
    if bad or not values:
        got = ", ".join(bad) if bad else "nothing"
        msg = (
            f"thresholds should be positive minutes separated by commas, such as "
            f"'30, 60, 120'; got {got}"
        )
        raise InputError(msg)
    return tuple(sorted(set(values)))


@dataclass(frozen=True)
class AnalysisSettings:
    """What an access analysis asks: which labs count, how people travel, which thresholds.

    Defaults follow DOMAIN.md: PCR labs of any quality, by car, within 30, 60 and 120 minutes.

    Attributes
    ----------
    capability
        One of `ccgeo.model.CAPABILITIES`: the test a lab must be able to do.
    quality
        One of `ccgeo.model.QUALITY_FILTERS`.
    mode
        Travel mode (``car``, ``motorbike``, ``walk`` or another speed-profile name).
    thresholds_minutes
        Coverage thresholds, minutes, inclusive, ascending.
    max_snap_m
        Farthest a person or lab may be from a road, metres.
    walk_kmh
        Walking speed of the off-road leg, km/h.
    congestion
        Travel times on the network are multiplied by this (1 = free flow, 3 = peak-hour
        traffic in a dense core; an assumption to state in reports).
    """

    capability: str = "pcr"
    quality: str = "any"
    mode: str = "car"
    thresholds_minutes: tuple[float, ...] = DEFAULT_THRESHOLDS_MINUTES
    max_snap_m: float = DEFAULT_MAX_SNAP_M
    walk_kmh: float = DEFAULT_WALK_KMH
    congestion: float = 1.0

    def __post_init__(self) -> None:
        problems = []
        if self.capability not in (*CAPABILITIES, ANY_CAPABILITY):
            problems.append(
                f"capability {self.capability!r} is not one of {', '.join(CAPABILITIES)} "
                f"or {ANY_CAPABILITY!r}"
            )
        if self.quality not in QUALITY_FILTERS:
            problems.append(
                f"quality filter {self.quality!r} is not one of {', '.join(QUALITY_FILTERS)}"
            )
        if not isinstance(self.mode, str) or not self.mode:
            problems.append(f"travel mode should be a name such as 'car', got {self.mode!r}")
        for name, value in (("max_snap_m", self.max_snap_m), ("walk_kmh", self.walk_kmh)):
            if not (isinstance(value, int | float) and math.isfinite(value) and value > 0):
                problems.append(f"`{name}` should be a positive number, got {value!r}")
        if not (
            isinstance(self.congestion, int | float)
            and math.isfinite(self.congestion)
            and self.congestion >= 1
        ):
            problems.append(
                f"`congestion` should be 1 (free flow) or more (3 = trips take three times "
                f"longer), got {self.congestion!r}"
            )
        if problems:
            raise InputError("analysis settings: " + "; ".join(problems))
        object.__setattr__(self, "thresholds_minutes", parse_thresholds(self.thresholds_minutes))

    @property
    def underserved_minutes(self) -> float:
        """Threshold of the underserved areas: 60 when among the thresholds, else the largest."""
        return 60.0 if 60.0 in self.thresholds_minutes else self.thresholds_minutes[-1]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready values (the inverse of `from_dict`)."""
        return {
            "capability": self.capability,
            "quality": self.quality,
            "mode": self.mode,
            "thresholds_minutes": [float(t) for t in self.thresholds_minutes],
            "max_snap_m": float(self.max_snap_m),
            "walk_kmh": float(self.walk_kmh),
            "congestion": float(self.congestion),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> AnalysisSettings:
        """Settings from `to_dict` output; missing keys take the defaults, unknown ones are ignored.

        Raises
        ------
        InputError
            When a value is not acceptable (the message names it).
        """
        data = dict(data or {})
        known = {f: data[f] for f in cls.__dataclass_fields__ if f in data and data[f] is not None}
        if "thresholds_minutes" in known:
            known["thresholds_minutes"] = parse_thresholds(known["thresholds_minutes"])
        for key in ("max_snap_m", "walk_kmh", "congestion"):
            if key in known:
                try:
                    known[key] = float(known[key])
                except (TypeError, ValueError):
                    msg = f"analysis settings: `{key}` should be a number, got {known[key]!r}"
                    raise InputError(msg) from None
        return cls(**known)

    def describe(self) -> str:
        """One line for a table or a status bar: ``"PCR, any quality, by car, 30/60/120 min"``."""
        quality = "any quality" if self.quality == "any" else self.quality.replace("_", " ")
        minutes = "/".join(f"{t:g}" for t in self.thresholds_minutes)
        traffic = f", traffic ×{self.congestion:g}" if self.congestion != 1 else ""
        return f"{self.capability.upper()}, {quality}, by {self.mode}{traffic}, {minutes} min"


#: The capability that counts every facility as a destination (a registry without test columns).
ANY_CAPABILITY = "any"


#: Key of ``Project.settings`` with the settings a project suggests before any run (the demo's).
DEFAULTS_KEY = "analysis_defaults"


def settings_of(project: Project) -> AnalysisSettings:
    """The analysis settings saved in ``project``: those of its last run, else those it
    suggests (`DEFAULTS_KEY`), else the defaults of `AnalysisSettings`."""
    saved = project.settings.get(SETTINGS_KEY) or project.settings.get(DEFAULTS_KEY)
    return AnalysisSettings.from_dict(saved)


def network_for(
    project: Project,
    settings: AnalysisSettings,
    *,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> Network:
    """The project's network of ``settings.mode``, with the congestion factor applied."""
    profiles = None
    if settings.congestion != 1:
        profile = get_profile(settings.mode).with_congestion(settings.congestion)
        profiles = {settings.mode: profile}
    return project.network(settings.mode, profiles=profiles, progress=progress, cancel=cancel)


# -- the baseline --------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Baseline:
    """One full analysis run and the what-if engine started on it (built off the GUI thread)."""

    settings: AnalysisSettings
    network: Network
    result: AccessResult
    whatif: AccessWhatIf


@dataclass(frozen=True, eq=False)
class Overlay:
    """Catchment bands and underserved areas of the current labs (EPSG:4326)."""

    isochrones: gpd.GeoDataFrame
    underserved: gpd.GeoDataFrame


def compute_baseline(
    project: Project,
    settings: AnalysisSettings,
    *,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> Baseline:
    """Run the access analysis of ``settings`` on ``project`` and start a what-if on it.

    Pure: reads the project, changes nothing (safe in a worker thread).

    Raises
    ------
    InputError
        When the project lacks roads, population or facilities, or a setting is unusable.
    Cancelled
        If ``cancel`` is set.
    """
    network, result = run_access(
        project, settings, progress=scaled_progress(progress, 0.0, 0.92), cancel=cancel
    )
    check_cancel(cancel)
    report_progress(progress, 0.92, "Preparing the live what-if…")
    whatif = AccessWhatIf(network, result, facilities=project.facilities, cancel=cancel)
    check_cancel(cancel)
    report_progress(progress, 1.0, "Access analysis done")
    return Baseline(settings, network, result, whatif)


def run_access(
    project: Project,
    settings: AnalysisSettings,
    *,
    isochrones: bool = True,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> tuple[Network, AccessResult]:
    """The project's network for ``settings`` and the access analysis on it.

    The one way every face (app, command line, reports) runs the analysis of a project.
    """
    missing = [
        what
        for what, layer in (
            ("roads (File ▸ Import ▸ Roads)", project.roads),
            ("population (File ▸ Import ▸ Population)", project.demand),
            ("facilities (File ▸ Import ▸ Facilities)", project.facilities),
        )
        if layer is None
    ]
    if missing:
        msg = f"the access analysis needs {', '.join(missing)}; import them first"
        raise InputError(msg)
    if settings.mode not in ACCESS_MODES:
        get_profile(settings.mode)  # raises InputError naming the modes there are
    report_progress(progress, 0.0, f"Building the {settings.mode} network…")
    network = network_for(
        project, settings, progress=scaled_progress(progress, 0.0, 0.2), cancel=cancel
    )
    check_cancel(cancel)
    capability = None if settings.capability == ANY_CAPABILITY else settings.capability
    result = access(
        network,
        project.facilities,
        project.demand,
        thresholds_minutes=settings.thresholds_minutes,
        districts=project.districts,
        capability=capability,
        quality=settings.quality,
        max_snap_m=settings.max_snap_m,
        walk_kmh=settings.walk_kmh,
        underserved_minutes=settings.underserved_minutes,
        isochrones=isochrones,
        progress=scaled_progress(progress, 0.2, 1.0),
        cancel=cancel,
    )
    check_cancel(cancel)
    return network, result


# -- the edits of a what-if ----------------------------------------------------------------------


@dataclass(frozen=True)
class Hub:
    """A candidate hub placed by the planner (lon/lat degrees, EPSG:4326)."""

    hub_id: str
    lon: float
    lat: float
    name: str


@dataclass
class _Edits:
    hubs: dict[str, Hub] = field(default_factory=dict)
    upgrades: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def copy(self) -> _Edits:
        return _Edits(dict(self.hubs), list(self.upgrades), list(self.removed))


@dataclass(frozen=True)
class ApplyReport:
    """What `Workspace.apply_scenario` could not apply (each item says why)."""

    skipped: tuple[str, ...] = ()


class Workspace:
    """A live what-if over a project: run the baseline, then add, move or remove candidate hubs,
    upgrade or close labs, and read the coverage and its change against the baseline at once.

    Each edit costs one bounded Dijkstra and a coverage table (`AccessWhatIf`): milliseconds on
    a city. The catchment bands and underserved areas of the current labs (`overlay`) cost a
    few hundred milliseconds and are meant for a worker thread.

    Parameters
    ----------
    project
        The project analysed; its facilities, roads, population and districts are read.
    settings
        Initial settings (default: those saved in the project, else `AnalysisSettings()`).
    """

    def __init__(self, project: Project, settings: AnalysisSettings | None = None) -> None:
        self.project = project
        self._settings = settings or settings_of(project)
        self._baseline: Baseline | None = None
        self._edits = _Edits()
        self._hub_counter = 0
        self._stale_reason: str | None = "not run yet"

    # -- state ---------------------------------------------------------------------------------

    @property
    def settings(self) -> AnalysisSettings:
        """The settings the next run uses."""
        return self._settings

    @settings.setter
    def settings(self, settings: AnalysisSettings) -> None:
        if settings != self._settings:
            self._settings = settings
            self.mark_stale("the analysis settings changed")

    @property
    def baseline(self) -> Baseline | None:
        """The last adopted run, or None before the first."""
        return self._baseline

    @property
    def result(self) -> AccessResult | None:
        """The baseline `AccessResult` (without edits), or None before the first run."""
        return None if self._baseline is None else self._baseline.result

    @property
    def stale(self) -> bool:
        """True when the data or the settings changed since the last run (or none ran yet)."""
        return self._stale_reason is not None

    @property
    def stale_reason(self) -> str | None:
        """Why the results are stale, or None when they are current."""
        return self._stale_reason

    def mark_stale(self, reason: str) -> None:
        """Say that the results no longer match the data (e.g. a facility was edited)."""
        self._stale_reason = reason

    def _need(self) -> Baseline:
        if self._baseline is None:
            msg = "run the access analysis first (Analysis ▸ Run); there is no baseline yet"
            raise InputError(msg)
        return self._baseline

    # -- running -------------------------------------------------------------------------------

    def compute(
        self,
        settings: AnalysisSettings | None = None,
        *,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> Baseline:
        """A new baseline for ``settings`` (default: the current ones); changes nothing here.

        Meant for a worker thread; hand the result to `adopt` in the owner's thread.
        """
        return compute_baseline(
            self.project, settings or self._settings, progress=progress, cancel=cancel
        )

    def adopt(self, baseline: Baseline, *, keep_edits: bool = True) -> ApplyReport:
        """Make ``baseline`` current; the edits made so far are applied again on it.

        Returns what could not be applied again (e.g. an upgraded facility that is now a lab).
        """
        edits = self._edits if keep_edits else _Edits()
        self._baseline = baseline
        self._settings = baseline.settings
        self._stale_reason = None
        return self._replay(edits)

    def run(
        self,
        settings: AnalysisSettings | None = None,
        *,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> AccessResult:
        """Run the baseline analysis (`compute` then `adopt`); returns its `AccessResult`."""
        baseline = self.compute(settings, progress=progress, cancel=cancel)
        self.adopt(baseline)
        return baseline.result

    # -- reading -------------------------------------------------------------------------------

    def coverage(self) -> pd.DataFrame:
        """Coverage of the current labs, by district and threshold (see `coverage_table`)."""
        return self._need().whatif.coverage()

    def labs(self) -> pd.DataFrame:
        """Current labs: ``lab_id``, ``name``, ``kind`` (existing, hub, upgrade), ``node``,
        ``lon``, ``lat``, ``open``."""
        return self._need().whatif.labs

    @property
    def hubs(self) -> tuple[Hub, ...]:
        """The candidate hubs placed so far, in order."""
        return tuple(self._edits.hubs.values())

    @property
    def upgrades(self) -> tuple[str, ...]:
        """Facility ids upgraded to the analysed capability."""
        return tuple(self._edits.upgrades)

    @property
    def removed(self) -> tuple[str, ...]:
        """Facility ids of existing labs closed in this what-if."""
        return tuple(self._edits.removed)

    @property
    def has_edits(self) -> bool:
        """True when any hub, upgrade or closure differs from the baseline."""
        e = self._edits
        return bool(e.hubs or e.upgrades or e.removed)

    def is_lab(self, facility_id: str) -> bool:
        """Whether ``facility_id`` is an open lab in the current what-if."""
        labs = self.labs()
        return bool(((labs["lab_id"] == str(facility_id)) & labs["open"]).any())

    def delta(self) -> pd.DataFrame:
        """Change of the whole area's coverage against the baseline, one row per threshold.

        Columns: ``threshold_min``, ``baseline_covered``, ``covered``, ``gained`` (people, may be
        negative), ``baseline_share``, ``share``, ``share_change`` (fractions), ``population``.
        """
        base = self._need()
        return _delta(base.result.coverage, base.whatif.coverage())

    def delta_lines(self) -> list[str]:
        """The change in words, one line per threshold: ``"+184,000 people within 60 min"``."""
        return [delta_text(row) for row in self.delta().itertuples(index=False)]

    # -- edits ---------------------------------------------------------------------------------

    def new_hub_id(self) -> str:
        """An id no hub of this workspace has used."""
        while True:
            self._hub_counter += 1
            hub_id = f"hub-{self._hub_counter}"
            if hub_id not in self._edits.hubs:
                return hub_id

    def add_hub(
        self, lon: float, lat: float, name: str | None = None, *, hub_id: str | None = None
    ) -> pd.DataFrame:
        """Open a candidate hub at ``lon``, ``lat`` (degrees); returns the new coverage.

        Raises
        ------
        InputError
            If the place is too far from a road, or ``hub_id`` is taken.
        """
        base = self._need()
        hub_id = hub_id or self.new_hub_id()
        if hub_id in self._edits.hubs:
            msg = f"a candidate hub {hub_id!r} exists already; give another id"
            raise InputError(msg)
        name = name or f"Candidate {hub_id.replace('hub-', 'hub ')}"
        coverage = base.whatif.add_hub(lon, lat, hub_id=hub_id, name=name)
        self._edits.hubs[hub_id] = Hub(hub_id, float(lon), float(lat), name)
        return coverage

    def move_hub(self, hub_id: str, lon: float, lat: float) -> pd.DataFrame:
        """Move candidate hub ``hub_id`` to ``lon``, ``lat`` (degrees); returns the new coverage."""
        base = self._need()
        hub = self._hub(hub_id)
        coverage = base.whatif.move_hub(self._open_index(hub_id, "hub"), lon, lat)
        self._edits.hubs[hub_id] = replace(hub, lon=float(lon), lat=float(lat))
        return coverage

    def remove_hub(self, hub_id: str) -> pd.DataFrame:
        """Take candidate hub ``hub_id`` away; returns the new coverage."""
        base = self._need()
        self._hub(hub_id)
        coverage = base.whatif.remove_hub(self._open_index(hub_id, "hub"))
        del self._edits.hubs[hub_id]
        return coverage

    def upgrade(self, facility_id: str) -> pd.DataFrame:
        """Facility ``facility_id`` gains the analysed capability (or a closed lab reopens).

        Raises
        ------
        InputError
            If it is already a lab, unknown, or too far from a road.
        """
        base = self._need()
        fid = str(facility_id)
        coverage = base.whatif.upgrade(fid)
        if fid in self._edits.removed:
            self._edits.removed.remove(fid)
        else:
            self._edits.upgrades.append(fid)
        return coverage

    def downgrade(self, facility_id: str) -> pd.DataFrame:
        """Undo an upgrade of ``facility_id``, or close it if it is a lab of the baseline.

        Raises
        ------
        InputError
            If the facility is not an open lab in this what-if.
        """
        base = self._need()
        fid = str(facility_id)
        if fid in self._edits.hubs:
            msg = f"{fid!r} is a candidate hub; remove it instead of downgrading it"
            raise InputError(msg)
        index = self._open_index(fid, None)
        coverage = base.whatif.remove_hub(index)
        if fid in self._edits.upgrades:
            self._edits.upgrades.remove(fid)
        else:
            self._edits.removed.append(fid)
        return coverage

    def reset(self) -> pd.DataFrame:
        """Drop every edit: back to the baseline; returns its coverage."""
        base = self._need()
        self._edits = _Edits()
        return base.whatif.reset()

    def _hub(self, hub_id: str) -> Hub:
        if hub_id not in self._edits.hubs:
            known = ", ".join(self._edits.hubs) or "none"
            msg = f"there is no candidate hub {hub_id!r}; hubs placed: {known}"
            raise InputError(msg)
        return self._edits.hubs[hub_id]

    def _open_index(self, lab_id: str, kind: str | None) -> int:
        labs = self.labs()
        mask = (labs["lab_id"] == lab_id) & labs["open"].to_numpy(dtype=bool)
        if kind is not None:
            mask &= labs["kind"] == kind
        rows = np.flatnonzero(mask.to_numpy())
        if len(rows) == 0:
            msg = f"{lab_id!r} is not an open lab in this what-if"
            raise InputError(msg)
        return int(rows[-1])

    # -- scenarios -----------------------------------------------------------------------------

    def to_scenario(self, name: str, description: str = "") -> Scenario:
        """The current edits and settings as a named `Scenario`.

        Raises
        ------
        InputError
            If the name is empty.
        """
        name = str(name).strip()
        if not name:
            msg = "a scenario needs a name, such as 'Two new PCR hubs in the east'"
            raise InputError(msg)
        cap = (self._settings.capability,)
        return Scenario(
            name=name,
            description=str(description),
            added_hubs=tuple(
                {
                    "hub_id": h.hub_id,
                    "lon": h.lon,
                    "lat": h.lat,
                    "name": h.name,
                    "capabilities": list(cap),
                }
                for h in self._edits.hubs.values()
            ),
            upgrades=dict.fromkeys(self._edits.upgrades, cap),
            removed=tuple(self._edits.removed),
            settings=(self._baseline.settings if self._baseline else self._settings).to_dict(),
        )

    def apply_scenario(self, scenario: Scenario) -> ApplyReport:
        """Replace the current edits by those of ``scenario`` on the current baseline.

        The scenario's settings are not run here: when they differ from the baseline's, set
        `settings` from them and run first (see `scenario_settings`). Edits that cannot be
        applied (a facility gone from the layer, a hub off the roads) are skipped and reported.
        """
        self._need()
        return self._replay(_edits_of(scenario))

    def _replay(self, edits: _Edits) -> ApplyReport:
        base = self._need()
        base.whatif.reset()
        self._edits = _Edits()
        skipped = []
        for hub in edits.hubs.values():
            try:
                self.add_hub(hub.lon, hub.lat, hub.name, hub_id=hub.hub_id)
            except InputError as exc:
                skipped.append(f"hub {hub.name}: {exc}")
        for fid in edits.upgrades:
            try:
                self.upgrade(fid)
            except InputError as exc:
                skipped.append(f"upgrade of {fid}: {exc}")
        for fid in edits.removed:
            try:
                self.downgrade(fid)
            except InputError as exc:
                skipped.append(f"closure of {fid}: {exc}")
        self._hub_counter = max(
            [self._hub_counter, *(_hub_number(h) for h in self._edits.hubs)], default=0
        )
        return ApplyReport(tuple(skipped))

    def compare(
        self,
        scenarios: Sequence[Scenario],
        *,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> pd.DataFrame:
        """Coverage of the whole area per scenario and threshold, against its own baseline.

        Scenarios run with their own settings: those that match the current baseline reuse it
        (milliseconds each); others get a full run (cached per settings). The current edits are
        left untouched (each scenario runs on its own what-if engine).

        Returns
        -------
        DataFrame
            One row per scenario and threshold, the baseline of the current settings first:
            ``scenario``, ``settings`` (one line), ``threshold_min``, ``population``,
            ``baseline_covered``, ``covered``, ``gained``, ``baseline_share``, ``share``,
            ``share_change``, ``skipped`` (edits that could not be applied, ``""`` when none).
        """
        base = self._need()
        runs: dict[AnalysisSettings, Baseline] = {base.settings: base}
        frames = [_compare_rows("baseline", base.settings, _delta(*([base.result.coverage] * 2)))]
        n = max(len(scenarios), 1)
        for i, scenario in enumerate(scenarios):
            check_cancel(cancel)
            report_progress(progress, i / n, f"Scenario {scenario.name}…")
            settings = scenario_settings(scenario, default=base.settings)
            if settings not in runs:
                runs[settings] = compute_baseline(
                    self.project,
                    settings,
                    progress=scaled_progress(progress, i / n, (i + 1) / n),
                    cancel=cancel,
                )
            run = runs[settings]
            if run is base:
                # a private what-if engine, so the live one (and its edits) stays as it is
                engine = AccessWhatIf(run.network, run.result, facilities=run.whatif.facilities)
                run = replace(run, whatif=engine)
            other = Workspace(self.project, settings)
            other.adopt(run, keep_edits=False)
            report = other.apply_scenario(scenario)
            rows = _compare_rows(scenario.name, settings, other.delta())
            rows["skipped"] = "; ".join(report.skipped)
            frames.append(rows)
        report_progress(progress, 1.0, f"Compared {len(scenarios)} scenarios")
        return pd.concat(frames, ignore_index=True)

    # -- overlays ------------------------------------------------------------------------------

    def overlay_inputs(self) -> tuple[Baseline, np.ndarray, np.ndarray]:
        """A snapshot for `overlay_of`: the baseline, node seconds and demand seconds now."""
        base = self._need()
        return base, base.whatif.node_seconds(), base.whatif.demand_seconds()

    # -- project file --------------------------------------------------------------------------

    def store(self) -> None:
        """Write the settings and the current edits into ``project.settings`` (saved with it)."""
        self.project.settings[SETTINGS_KEY] = self._settings.to_dict()
        if self.has_edits:
            self.project.settings[EDITS_KEY] = self.to_scenario("current what-if").to_dict()
        else:
            self.project.settings.pop(EDITS_KEY, None)

    def stored_edits(self) -> Scenario | None:
        """The what-if edits saved in the project by `store`, if any."""
        data = self.project.settings.get(EDITS_KEY)
        return Scenario.from_dict(data) if data else None


def scenario_settings(scenario: Scenario, *, default: AnalysisSettings) -> AnalysisSettings:
    """The settings a scenario was saved with (``default`` for keys it lacks)."""
    if not scenario.settings:
        return default
    merged = {**default.to_dict(), **scenario.settings}
    return AnalysisSettings.from_dict(merged)


def facilities_with_scenario(
    facilities: Facilities, scenario: Scenario, *, capability: str
) -> Facilities:
    """The facility layer as the scenario would have it.

    Upgrades are applied, closed labs lose ``capability``, and the scenario's new hubs are added
    as facilities. A planned hub or upgrade is taken to meet the quality standard of the analysis
    (as the live what-if counts it): where its own EQA or accreditation would fail a quality filter,
    they are set to international EQA and ISO 15189, and the column ``scenario_change``
    (``"new hub"``, ``"upgraded"`` or ``""``) says which rows the scenario made or changed.
    """
    gdf = facilities.gdf.copy()
    ids = gdf["facility_id"].astype(str).to_numpy()
    gdf["scenario_change"] = ""
    for fid, caps in scenario.upgrades.items():
        rows = ids == str(fid)
        for cap in caps:
            gdf.loc[rows, cap] = True
        gdf.loc[rows, "scenario_change"] = "upgraded"
    if capability in CAPABILITIES:
        gdf.loc[np.isin(ids, [str(f) for f in scenario.removed]), capability] = False
    if scenario.added_hubs:
        hubs = Facilities.from_records(
            {
                "facility_id": str(h.get("hub_id") or f"hub-{i + 1}"),
                "name": str(h.get("name") or h.get("hub_id") or f"New hub {i + 1}"),
                "lon": float(h["lon"]),
                "lat": float(h["lat"]),
                **dict.fromkeys(h.get("capabilities") or [capability], True),
                "scenario_change": "new hub",
            }
            for i, h in enumerate(scenario.added_hubs)
        ).gdf
        gdf = pd.concat([gdf, hubs[[c for c in hubs.columns if c in gdf.columns]]])
        gdf = gdf.reset_index(drop=True)
    planned = (gdf["scenario_change"] != "").to_numpy()
    gdf.loc[planned & ~quality_mask(gdf, "international_eqa"), "eqa"] = "international"
    gdf.loc[planned & ~quality_mask(gdf, "accredited"), "accreditation"] = "iso15189"
    return Facilities(gpd.GeoDataFrame(gdf, geometry="geometry", crs="EPSG:4326"))


def project_with_scenario(project: Project, scenario: Scenario) -> tuple[Project, AnalysisSettings]:
    """A copy of ``project`` whose facilities follow ``scenario``, and the scenario's settings.

    Running the analysis on it gives the scenario's full result (bands, underserved areas), as
    the HTML map and the report need.
    """
    settings = scenario_settings(scenario, default=settings_of(project))
    if project.facilities is None:
        return project, settings
    changed = replace(
        project,
        facilities=facilities_with_scenario(
            project.facilities, scenario, capability=settings.capability
        ),
    )
    changed._networks = project._networks  # same roads: the built networks still serve
    return changed, settings


def overlay_of(
    baseline: Baseline,
    node_seconds: np.ndarray,
    demand_seconds: np.ndarray,
    *,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> Overlay:
    """Catchment bands and underserved areas for the given times (pure; for a worker thread).

    Parameters
    ----------
    baseline
        The run the times belong to (network, demand and settings).
    node_seconds
        Seconds from each network node to the nearest lab (`Workspace.overlay_inputs`).
    demand_seconds
        Seconds from each demand point to the nearest lab, ``inf`` unless reached.
    progress, cancel
        ``progress(fraction, text)`` and a `threading.Event` that cancels (`Cancelled`).
    """
    settings = baseline.settings
    demand = baseline.result.demand
    status = demand["status"].to_numpy(dtype=object).copy()
    reached = np.isfinite(demand_seconds)
    status[(status != "off_network") & reached] = "reached"
    status[(status != "off_network") & ~reached] = "unreachable"
    frame = demand.assign(seconds=demand_seconds, minutes=demand_seconds / 60.0, status=status)
    underserved = underserved_areas(
        frame,
        threshold_minutes=settings.underserved_minutes,
        crs=baseline.network.crs,
        progress=scaled_progress(progress, 0.0, 0.3),
        cancel=cancel,
    )
    bands = isochrone_bands(
        baseline.network,
        node_seconds,
        settings.thresholds_minutes,
        max_walk_m=settings.max_snap_m,
        walk_kmh=settings.walk_kmh,
        progress=scaled_progress(progress, 0.3, 1.0),
        cancel=cancel,
    )
    return Overlay(bands, underserved)


# -- helpers -------------------------------------------------------------------------------------


def delta_text(row: Any) -> str:
    """``"+184,000 people within 60 min (54.8 % → 68.2 %)"`` from a row of `Workspace.delta`."""
    gained = float(row.gained)
    sign = "+" if gained > 0.5 else ("−" if gained < -0.5 else "±")
    people = f"{sign}{abs(gained):,.0f}"
    shares = ""
    if not (math.isnan(row.baseline_share) or math.isnan(row.share)):
        shares = f" ({100 * row.baseline_share:.1f} % → {100 * row.share:.1f} %)"
    return f"{people} people within {row.threshold_min:g} min{shares}"


def _delta(base: pd.DataFrame, now: pd.DataFrame) -> pd.DataFrame:
    b = base[base["district_id"] == CITY_ID].reset_index(drop=True)
    c = now[now["district_id"] == CITY_ID].reset_index(drop=True)
    return pd.DataFrame(
        {
            "threshold_min": c["threshold_min"].to_numpy(),
            "population": c["population"].to_numpy(),
            "baseline_covered": b["covered"].to_numpy(),
            "covered": c["covered"].to_numpy(),
            "gained": c["covered"].to_numpy() - b["covered"].to_numpy(),
            "baseline_share": b["share"].to_numpy(),
            "share": c["share"].to_numpy(),
            "share_change": c["share"].to_numpy() - b["share"].to_numpy(),
        }
    )


def _compare_rows(name: str, settings: AnalysisSettings, delta: pd.DataFrame) -> pd.DataFrame:
    rows = delta.copy()
    rows.insert(0, "settings", settings.describe())
    rows.insert(0, "scenario", name)
    rows["skipped"] = ""
    return rows


def _edits_of(scenario: Scenario) -> _Edits:
    edits = _Edits()
    for i, hub in enumerate(scenario.added_hubs):
        hub_id = str(hub.get("hub_id") or f"hub-{i + 1}")
        edits.hubs[hub_id] = Hub(
            hub_id, float(hub["lon"]), float(hub["lat"]), str(hub.get("name") or hub_id)
        )
    edits.upgrades = [str(f) for f in scenario.upgrades]
    edits.removed = [str(f) for f in scenario.removed]
    return edits


def _hub_number(hub_id: str) -> int:
    match = re.fullmatch(r"hub-(\d+)", hub_id)
    return int(match.group(1)) if match else 0
