"""The live what-if of the app: one baseline run of the access analysis, then hubs added, moved
or removed and labs upgraded or closed, with the coverage and its change at once; named scenarios
applied and compared side by side, in numbers and person by person (who gains, who loses).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import geopandas as gpd
import numpy as np
import pandas as pd

from ccgeo.analysis.access import AccessResult, AccessWhatIf, underserved_areas
from ccgeo.analysis.scenario import AccessDifference, access_difference, coverage_delta
from ccgeo.errors import InputError, check_cancel
from ccgeo.i18n import _, ngettext, pgettext
from ccgeo.labels import format_count, format_delta
from ccgeo.model.network import Network
from ccgeo.model.scenario import Hub, Scenario
from ccgeo.model.settings import AccessSettings
from ccgeo.network.isochrones import isochrone_bands
from ccgeo.progress import ProgressCallback, report_progress, scaled_progress
from ccgeo.project import Project
from ccgeo.tasks.access import run_access, scenario_settings
from ccgeo.tasks.common import network_for
from ccgeo.tasks.settings import resolve, store_settings

#: Key of ``Project.settings`` with the edits of the live what-if (saved with the project).
EDITS_KEY = "whatif"


def settings_of(project: Project) -> AccessSettings:
    """The access settings saved in ``project`` (its last run, else what it suggests, else the
    defaults)."""
    return resolve(AccessSettings, project=project).settings


@dataclass(frozen=True, eq=False)
class Baseline:
    """One full analysis run and the what-if engine started on it (built off the GUI thread)."""

    settings: AccessSettings
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
    settings: AccessSettings,
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
    result = run_access(
        project, settings, progress=scaled_progress(progress, 0.0, 0.92), cancel=cancel
    )
    network = network_for(project, settings.travel)  # built by the run: cached
    check_cancel(cancel)
    report_progress(progress, 0.92, _("Preparing the live what-if…"))
    whatif = AccessWhatIf(network, result, facilities=project.facilities, cancel=cancel)
    check_cancel(cancel)
    report_progress(progress, 1.0, _("Access analysis done"))
    return Baseline(settings, network, result, whatif)


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


#: Name of the baseline (the existing labs) among compared scenarios.
BASELINE_NAME = "baseline"


@dataclass(frozen=True, eq=False)
class ScenarioRun:
    """A scenario applied on a what-if engine of its own (`Workspace.scenario_runs`).

    Attributes
    ----------
    name
        The scenario's name (`BASELINE_NAME` for the baseline).
    baseline
        The full run the scenario was applied on (network, demand, settings).
    labs
        The labs of the scenario: ``lab_id``, ``name``, ``kind`` (existing, hub, upgrade),
        ``node``, ``lon``, ``lat``, ``open`` (see `AccessWhatIf.labs`).
    node_seconds, demand_seconds
        Seconds from each network node and each demand point to the nearest lab of the
        scenario (``inf`` unless reached).
    coverage
        Coverage of the scenario by district and threshold (see `coverage_table`).
    skipped
        Edits of the scenario that could not be applied, each saying why.
    """

    name: str
    baseline: Baseline
    labs: pd.DataFrame
    node_seconds: np.ndarray
    demand_seconds: np.ndarray
    coverage: pd.DataFrame
    skipped: tuple[str, ...] = ()

    @property
    def settings(self) -> AccessSettings:
        """The settings the scenario ran with."""
        return self.baseline.settings

    def delta(self) -> pd.DataFrame:
        """Change of the whole area's coverage against the run's own baseline (`coverage_delta`)."""
        return coverage_delta(self.baseline.result.coverage, self.coverage)

    def overlay(
        self,
        *,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> Overlay:
        """Catchment bands and underserved areas of the scenario's labs (`overlay_of`)."""
        return overlay_of(
            self.baseline, self.node_seconds, self.demand_seconds, progress=progress, cancel=cancel
        )


@dataclass(frozen=True, eq=False)
class ScenarioPair:
    """Two scenarios run side by side and who gains or loses access from A to B.

    Attributes
    ----------
    a, b
        The runs of scenario A and scenario B.
    difference
        Who gains and who loses access within the threshold (`access_difference`).
    overlays
        Catchment bands and underserved areas of A and of B, when asked for.
    """

    a: ScenarioRun
    b: ScenarioRun
    difference: AccessDifference
    overlays: tuple[Overlay, Overlay] | None = None

    def at(self, threshold_minutes: float) -> ScenarioPair:
        """The same pair with the difference within another threshold (no run again)."""
        return replace(self, difference=_difference(self.a, self.b, threshold_minutes))


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
        Initial settings (default: those saved in the project, else `AccessSettings()`).
    """

    def __init__(self, project: Project, settings: AccessSettings | None = None) -> None:
        self.project = project
        self._settings = settings or settings_of(project)
        self._baseline: Baseline | None = None
        self._edits = _Edits()
        self._hub_counter = 0
        self._stale_reason: str | None = "not run yet"

    # -- state ---------------------------------------------------------------------------------

    @property
    def settings(self) -> AccessSettings:
        """The settings the next run uses."""
        return self._settings

    @settings.setter
    def settings(self, settings: AccessSettings) -> None:
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
            msg = _("run the access analysis first (Analysis ▸ Run); there is no baseline yet")
            raise InputError(msg)
        return self._baseline

    # -- running -------------------------------------------------------------------------------

    def compute(
        self,
        settings: AccessSettings | None = None,
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
        settings: AccessSettings | None = None,
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
        return coverage_delta(base.result.coverage, base.whatif.coverage())

    def delta_lines(self) -> list[str]:
        """The change in words, one line per threshold: ``"+184,000 people within 60 min"``."""
        return [
            format_delta(r.gained, r.threshold_min, r.baseline_share, r.share)
            for r in self.delta().itertuples(index=False)
        ]

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
            msg = _("a candidate hub {id!r} exists already; give another id").format(id=hub_id)
            raise InputError(msg)
        name = name or _candidate_name(hub_id)
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
            msg = _("{id!r} is a candidate hub; remove it instead of downgrading it").format(id=fid)
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
            known = ", ".join(self._edits.hubs) or _("none")
            msg = _("there is no candidate hub {id!r}; hubs placed: {known}")
            msg = msg.format(id=hub_id, known=known)
            raise InputError(msg)
        return self._edits.hubs[hub_id]

    def _open_index(self, lab_id: str, kind: str | None) -> int:
        labs = self.labs()
        mask = (labs["lab_id"] == lab_id) & labs["open"].to_numpy(dtype=bool)
        if kind is not None:
            mask &= labs["kind"] == kind
        rows = np.flatnonzero(mask.to_numpy())
        if len(rows) == 0:
            msg = _("{id!r} is not an open lab in this what-if").format(id=lab_id)
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
            msg = _("a scenario needs a name, such as 'Two new PCR hubs in the east'")
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
                skipped.append(_("hub {name}: {problem}").format(name=hub.name, problem=exc))
        for fid in edits.upgrades:
            try:
                self.upgrade(fid)
            except InputError as exc:
                skipped.append(_("upgrade of {id}: {problem}").format(id=fid, problem=exc))
        for fid in edits.removed:
            try:
                self.downgrade(fid)
            except InputError as exc:
                skipped.append(_("closure of {id}: {problem}").format(id=fid, problem=exc))
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
        frames = [
            _compare_rows("baseline", base.settings, coverage_delta(*([base.result.coverage] * 2)))
        ]
        runs = self.scenario_runs(scenarios, progress=progress, cancel=cancel)
        for run in runs:
            rows = _compare_rows(run.name, run.settings, run.delta())
            rows["skipped"] = "; ".join(run.skipped)
            frames.append(rows)
        text = ngettext("Compared {count} scenarios", "Compared {count} scenarios", len(scenarios))
        report_progress(progress, 1.0, text.format(count=len(scenarios)))
        return pd.concat(frames, ignore_index=True)

    def scenario_runs(
        self,
        scenarios: Sequence[Scenario | None],
        *,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> list[ScenarioRun]:
        """Each scenario applied on a what-if engine of its own: its times, labs and coverage.

        ``None`` stands for the baseline of the current settings (the existing labs, no edits).
        Scenarios run with their own settings: those that match the current baseline reuse its
        run; others get a full run (cached per settings). The live what-if and its edits are
        left as they are. Pure but for that cache: safe in a worker thread.
        """
        base = self._need()
        runs: dict[AccessSettings, Baseline] = {base.settings: base}
        out = []
        n = max(len(scenarios), 1)
        for i, scenario in enumerate(scenarios):
            check_cancel(cancel)
            name = BASELINE_NAME if scenario is None else scenario.name
            shown = pgettext("scenario", "baseline") if scenario is None else name
            report_progress(progress, i / n, _("Scenario {name}…").format(name=shown))
            settings = (
                base.settings
                if scenario is None
                else scenario_settings(scenario, default=base.settings)
            )
            if settings not in runs:
                runs[settings] = compute_baseline(
                    self.project,
                    settings,
                    progress=scaled_progress(progress, i / n, (i + 1) / n),
                    cancel=cancel,
                )
            out.append(_run_scenario(self.project, runs[settings], scenario, private=base))
        return out

    def scenario_pair(
        self,
        a: Scenario | None,
        b: Scenario | None,
        *,
        threshold_minutes: float,
        overlays: bool = False,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> ScenarioPair:
        """Scenarios ``a`` and ``b`` (None: the baseline) run side by side, with who gains and who
        loses access within ``threshold_minutes`` from A to B.

        Parameters
        ----------
        a, b
            The scenarios compared; None is the baseline of the current settings.
        threshold_minutes
            The threshold of the difference, minutes (inclusive).
        overlays
            Also draw each run's catchment bands and underserved areas (`ScenarioRun.overlay`),
            for maps of both: a few hundred milliseconds each.
        progress, cancel
            ``progress(fraction, text)`` and a `threading.Event` that cancels (`Cancelled`).

        Raises
        ------
        InputError
            Before a baseline run, when the two runs timed different demand points, or for a
            threshold that is not a positive number.
        """
        split = 0.5 if overlays else 1.0
        run_a, run_b = self.scenario_runs(
            [a, b], progress=scaled_progress(progress, 0.0, split), cancel=cancel
        )
        difference = _difference(run_a, run_b, threshold_minutes)
        drawn = None
        if overlays:
            drawn = (
                run_a.overlay(progress=scaled_progress(progress, split, 0.75), cancel=cancel),
                run_b.overlay(progress=scaled_progress(progress, 0.75, 1.0), cancel=cancel),
            )
        report_progress(progress, 1.0, difference.summary())
        return ScenarioPair(run_a, run_b, difference, drawn)

    # -- overlays ------------------------------------------------------------------------------

    def overlay_inputs(self) -> tuple[Baseline, np.ndarray, np.ndarray]:
        """A snapshot for `overlay_of`: the baseline, node seconds and demand seconds now."""
        base = self._need()
        return base, base.whatif.node_seconds(), base.whatif.demand_seconds()

    # -- project file --------------------------------------------------------------------------

    def store(self) -> None:
        """Write the settings and the current edits into ``project.settings`` (saved with it)."""
        store_settings(self.project, self._settings)
        if self.has_edits:
            self.project.settings[EDITS_KEY] = self.to_scenario("current what-if").to_dict()
        else:
            self.project.settings.pop(EDITS_KEY, None)

    def stored_edits(self) -> Scenario | None:
        """The what-if edits saved in the project by `store`, if any."""
        data = self.project.settings.get(EDITS_KEY)
        return Scenario.from_dict(data) if data else None


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
        snapping=settings.snapping,
        progress=scaled_progress(progress, 0.3, 1.0),
        cancel=cancel,
    )
    return Overlay(bands, underserved)


# -- helpers -------------------------------------------------------------------------------------


def _compare_rows(name: str, settings: AccessSettings, delta: pd.DataFrame) -> pd.DataFrame:
    rows = delta.copy()
    rows.insert(0, "settings", settings.describe())
    rows.insert(0, "scenario", name)
    rows["skipped"] = ""
    return rows


def _run_scenario(
    project: Project, run: Baseline, scenario: Scenario | None, *, private: Baseline
) -> ScenarioRun:
    """``scenario`` (None: no edits) applied on ``run``'s what-if engine; on a private engine
    when ``run`` is ``private`` (the live baseline), so that the live what-if stays as it is."""
    if run is private:
        engine = AccessWhatIf(run.network, run.result, facilities=run.whatif.facilities)
        run = replace(run, whatif=engine)
    other = Workspace(project, run.settings)
    other.adopt(run, keep_edits=False)
    report = other.apply_scenario(scenario) if scenario is not None else ApplyReport()
    engine = run.whatif
    return ScenarioRun(
        name=BASELINE_NAME if scenario is None else scenario.name,
        baseline=run,
        labs=engine.labs,
        node_seconds=engine.node_seconds(),
        demand_seconds=engine.demand_seconds(),
        coverage=engine.coverage(),
        skipped=report.skipped,
    )


def _difference(a: ScenarioRun, b: ScenarioRun, threshold_minutes: float) -> AccessDifference:
    """`access_difference` of two runs, which must have timed the same demand points."""
    demand_a, demand_b = a.baseline.result.demand, b.baseline.result.demand
    ids_a = demand_a["demand_id"].astype(str).to_numpy()
    ids_b = demand_b["demand_id"].astype(str).to_numpy()
    if len(ids_a) != len(ids_b) or not (ids_a == ids_b).all():
        msg = _(
            "{a!r} and {b!r} timed different demand points ({count_a} and {count_b}); compare "
            "scenarios of the same project and population layer"
        ).format(
            a=a.name, b=b.name, count_a=format_count(len(ids_a)), count_b=format_count(len(ids_b))
        )
        raise InputError(msg)
    return access_difference(demand_a, a.demand_seconds, b.demand_seconds, threshold_minutes)


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


def _candidate_name(hub_id: str) -> str:
    """The name of a candidate hub placed without one: ``"hub-3"`` → "Candidate hub 3"."""
    match = re.fullmatch(r"hub-(\d+)", hub_id)
    if match:
        return _("Candidate hub {n}").format(n=match.group(1))
    return _("Candidate {hub}").format(hub=hub_id.replace("hub-", "hub "))


def _hub_number(hub_id: str) -> int:
    match = re.fullmatch(r"hub-(\d+)", hub_id)
    return int(match.group(1)) if match else 0
