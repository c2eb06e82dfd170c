"""The comparison task: the readiness evidence of several cities (projects, or the scenario
folders of a batch), computed once for ``ccgeo compare``, File ▸ Compare Cities and the API.

Each city is one project, named by the project's name. Two sources with the same name are each
named ``"NAME (LABEL)"``, LABEL being the project file's stem (or the batch scenario's id), and
a number is appended if that is still not unique: every row of the comparison stays apart, and
the run log of each city names its file.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pandas as pd

from ccgeo.analysis.readiness import (
    QUALITIES,
    AccessRun,
    ReadinessScale,
    Scorecard,
    Suggestion,
    access_runs,
    actions_to_raise,
    assign_levels,
    city_indicators,
    district_indicators,
    load_readiness,
    scorecard,
)
from ccgeo.analysis.readiness.evidence import (
    CURVE_COLUMNS,
    CURVE_MINUTES,
    CityEvidence,
    Comparison,
    coverage_curve,
)
from ccgeo.analysis.readiness.progress import progress_between, progress_sentences
from ccgeo.analysis.readiness.scorecard import name_of_test
from ccgeo.analysis.scenario import facilities_with_scenario
from ccgeo.errors import CcgeoError, InputError, check_cancel
from ccgeo.i18n import _, ngettext
from ccgeo.model.scenario import Scenario
from ccgeo.model.settings import AccessSettings, SitingSettings
from ccgeo.progress import ProgressCallback, report_progress, scaled_progress
from ccgeo.project import Project, open_project
from ccgeo.tasks.settings import resolve, run_record, stored_settings
from ccgeo.tasks.siting import run_siting

#: The folder of a batch output that holds one folder per scenario (`ccgeo batch`).
SCENARIOS_FOLDER = "scenarios"
#: Domains whose lowest level siting can raise (new hubs move coverage).
SITING_DOMAINS: tuple[str, ...] = ("access", "equity")
#: New hubs proposed per action, and the solver's time limit (seconds): actions stay quick.
ACTION_HUBS = 2
ACTION_TIME_LIMIT_S = 20.0
#: Candidate sites of the actions when the project has no siting settings of its own.
ACTION_SOURCES: tuple[str, ...] = ("upgrade", "grid")
#: What the run log calls the API (the faces pass their own command).
API_COMMAND = "ccgeo.compare_projects"

_COVERAGE_MINUTES = re.compile(r"coverage_(\d+(?:\.\d+)?)min")
# shares of one city's progress bar: open, access analyses, actions
_OPEN, _RUNS = 0.1, 0.75


@dataclass(frozen=True)
class CitySource:
    """Where one city comes from: a project file (or a project in memory), and the label that
    tells it apart when two cities share a name (the file's stem, or the scenario's id)."""

    path: Path | None
    label: str
    project: Project | None = None


def city_sources(sources: Iterable[str | Path | Project]) -> list[CitySource]:
    """The cities of ``sources``: each project file, each scenario folder of a batch output
    folder (``DIR/scenarios/<id>/`` holding one ``.ccgeo`` project), each `Project` given.

    Raises
    ------
    InputError
        Naming every source that is missing, is a folder without projects, or a scenario folder
        without exactly one project file (``ccgeo batch`` writes results, not projects).
    """
    found: list[CitySource] = []
    problems: list[str] = []
    for source in sources:
        if isinstance(source, Project):
            label = source.path.stem if source.path is not None else source.name
            found.append(CitySource(source.path, label, source))
            continue
        path = Path(source)
        if path.is_file():
            found.append(CitySource(path, path.stem))
        elif not path.exists():
            problems.append(_("{path}: no such file or folder").format(path=path))
        elif (path / SCENARIOS_FOLDER).is_dir():
            folders = sorted(p for p in (path / SCENARIOS_FOLDER).iterdir() if p.is_dir())
            if not folders:
                text = _("{path}: the batch folder has no scenario folders in {folder}")
                problems.append(text.format(path=path, folder=SCENARIOS_FOLDER))
            for folder in folders:
                _scenario_source(folder, found, problems)
        else:
            _scenario_source(path, found, problems)
    if problems:
        raise InputError("; ".join(problems))
    if not found:
        raise InputError(_("no project to compare: give project files or a batch folder"))
    return found


def _scenario_source(folder: Path, found: list[CitySource], problems: list[str]) -> None:
    """The project of a (scenario) folder: exactly one ``.ccgeo`` file in it."""
    projects = sorted(folder.glob("*.ccgeo"))
    if len(projects) == 1:
        found.append(CitySource(projects[0], folder.name))
        return
    if projects:
        text = _("{folder}: holds {n} projects ({names}); keep one project per scenario folder")
        names = ", ".join(p.name for p in projects)
        problems.append(text.format(folder=folder, n=len(projects), names=names))
        return
    text = _(
        "{folder}: holds no project (.ccgeo file). A folder written by `ccgeo batch` holds "
        "each scenario's results, not its project: save the scenario as a project in its "
        "folder (File ▸ Save Project As), or give the project files themselves"
    )
    problems.append(text.format(folder=folder))


def city_names(names: Sequence[str], labels: Sequence[str]) -> list[str]:
    """Unique city names: a name shared by several sources becomes ``"NAME (LABEL)"``, then
    ``"NAME (LABEL) 2"``, ... if still shared (see the module docstring)."""
    counts = pd.Series(list(names)).value_counts()
    named = [
        _("{name} ({label})").format(name=n, label=lab) if counts[n] > 1 else n
        for n, lab in zip(names, labels, strict=True)
    ]
    out: list[str] = []
    for name in named:
        unique, k = name, 1
        while unique in out:
            k += 1
            unique = f"{name} {k}"
        out.append(unique)
    return out


def compare_projects(
    sources: Iterable[str | Path | Project],
    *,
    tests: Sequence[str] | None = None,
    qualities: tuple[str, ...] = QUALITIES,
    readiness: str | Path | None = None,
    actions: bool = True,
    command: str = API_COMMAND,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> Comparison:
    """The readiness evidence of every city of ``sources``, on one scale.

    Parameters
    ----------
    sources
        Project files (``.ccgeo``), batch output folders (``DIR/scenarios/<id>/``, each with
        its project), or projects in memory (`city_sources`).
    tests
        Capabilities (default: every test some facility of each project does).
    qualities
        Quality levels of the labs that count.
    readiness
        A readiness scale file over the bundled draft (`load_readiness`).
    actions
        For a lowest domain that new hubs can raise (access, equity): site two hubs for its
        weakest test (MCLP, time-limited) and say how far they move its indicator.
    command
        What the run logs say ran (``"ccgeo compare ..."``, the app's menu entry).
    progress, cancel
        ``progress(fraction, text)`` through every city and stage, and a `threading.Event`
        that cancels (`Cancelled`).

    Returns
    -------
    Comparison
        The cities in the order given, each with its indicators (levelled), districts,
        coverage curves, scorecard (each domain at its weakest test, with its actions), access
        results by (test, quality) and run log.

    Raises
    ------
    InputError
        A source that is not a project, two projects that cannot be told apart, a bad test,
        quality or readiness file (naming the file).
    Cancelled
        If ``cancel`` is set.
    """
    scale = load_readiness(readiness)
    found = city_sources(sources)
    tests = None if tests is None else list(tests)
    projects: list[Project] = []
    for i, source in enumerate(found):
        check_cancel(cancel)
        text = _("opening {name}").format(name=source.path.name if source.path else source.label)
        report_progress(progress, _OPEN * i / len(found), text)
        projects.append(source.project if source.project is not None else _open(source))
    names = city_names([p.name for p in projects], [s.label for s in found])
    cities = []
    for i, (source, project, name) in enumerate(zip(found, projects, names, strict=True)):
        stage = scaled_progress(
            progress,
            _OPEN + (1 - _OPEN) * i / len(found),
            _OPEN + (1 - _OPEN) * (i + 1) / len(found),
        )
        city = city_evidence(
            project,
            name=name,
            scale=scale,
            source=source.path,
            tests=tests,
            qualities=qualities,
            actions=actions,
            command=command,
            progress=stage,
            cancel=cancel,
        )
        cities.append(city)
    report_progress(progress, 1.0, _("comparison done"))
    return Comparison(tuple(cities), scale)


def _open(source: CitySource) -> Project:
    assert source.path is not None
    try:
        return open_project(source.path)
    except InputError as exc:
        if exc.path is None:
            raise InputError(exc.reason, path=source.path) from exc
        raise


def city_evidence(
    project: Project,
    *,
    name: str | None = None,
    scale: ReadinessScale | None = None,
    source: Path | None = None,
    tests: Sequence[str] | None = None,
    qualities: tuple[str, ...] = QUALITIES,
    actions: bool = True,
    command: str = API_COMMAND,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> CityEvidence:
    """One city's evidence (see `compare_projects`): the access analyses run once, with the
    project's own access settings, and every table, curve and level derived from them."""
    started = time.perf_counter()
    scale = scale or load_readiness()
    name = name or project.name
    access = resolve(AccessSettings, project=project)
    text = _("{city}: access analyses").format(city=name)
    report_progress(progress, 0.0, text)
    runs = access_runs(
        project,
        tests=tests,
        qualities=qualities,
        settings=access.settings,
        progress=_prefixed(scaled_progress(progress, 0.0, _RUNS), name),
        cancel=cancel,
    )
    check_cancel(cancel)
    table = city_indicators(project, runs=runs).assign(city=name)
    levelled = assign_levels(table, scale)
    card = scorecard(levelled, name, scale)
    done: dict[str, Any] = {"actions": []}
    if actions:
        report_progress(progress, _RUNS, _("{city}: actions").format(city=name))
        card, done["actions"] = _with_actions(
            project, card, access.settings, cancel=cancel, city=name
        )
    settings = {
        "city": name,
        "tests": list(dict.fromkeys(run.test for run in runs)),
        "qualities": list(qualities),
        "readiness": list(scale.sources),
        "access_settings": access.record(),
        "notes": {f"{run.test}/{run.quality}": run.note for run in runs if run.note},
        **done,
    }
    seconds = time.perf_counter() - started
    log = run_record(project, settings, command=command, seconds=seconds)
    if source is not None:
        log["project"] = str(source)
    report_progress(progress, 1.0, _("{city}: done").format(city=name))
    return CityEvidence(
        city=name,
        source=source,
        indicators=levelled,
        districts=district_indicators(project, runs=runs).assign(city=name),
        curves=_curves(name, runs),
        scorecard=card,
        access={(run.test, run.quality): run.result for run in runs if run.result is not None},
        run_log=log,
    )


def _prefixed(progress: ProgressCallback | None, city: str) -> ProgressCallback | None:
    """``progress`` whose texts name the city (``"Oaxaca: access to PCR labs (any)"``)."""
    if progress is None:
        return None
    outer = progress
    return lambda fraction, text: outer(fraction, f"{city}: {text}")


def _curves(city: str, runs: Sequence[AccessRun]) -> pd.DataFrame:
    """`CURVE_COLUMNS` of every run with a result, from each person's time to a lab."""
    parts = []
    for run in runs:
        if run.result is None:
            continue
        demand = run.result.demand
        shares = coverage_curve(
            demand["seconds"].to_numpy(dtype=float), demand["population"].to_numpy(dtype=float)
        )
        parts.append(
            pd.DataFrame(
                {
                    "city": city,
                    "test": run.test,
                    "quality": run.quality,
                    "minutes": list(CURVE_MINUTES),
                    "share": shares,
                }
            )
        )
    if not parts:
        return pd.DataFrame(columns=list(CURVE_COLUMNS))
    return pd.concat(parts, ignore_index=True)[list(CURVE_COLUMNS)]


# -- actions -------------------------------------------------------------------------------------


def _with_actions(
    project: Project,
    card: Scorecard,
    access: AccessSettings,
    *,
    cancel: threading.Event | None,
    city: str,
) -> tuple[Scorecard, list[dict[str, Any]]]:
    """The scorecard with the actions siting finds for its lowest access or equity domain,
    and what was run for them (or why not) for the run log."""
    suggestions: list[Suggestion] = []
    log: list[dict[str, Any]] = []
    for domain in card.domains:
        if domain.domain not in card.lowest or domain.domain not in SITING_DOMAINS:
            continue
        minutes = _COVERAGE_MINUTES.match(domain.indicator)
        if not domain.test or minutes is None:
            continue
        entry: dict[str, Any] = {"domain": domain.domain, "test": domain.test}
        try:
            suggestion, entry["siting"] = _siting_suggestion(
                project, domain.domain, domain.indicator, domain.test, domain.quality or "any",
                before=domain.value, minutes=float(minutes.group(1)), access=access,
                cancel=cancel,
            )  # fmt: skip
        except InputError as exc:  # no candidate, no network...: the card says no action
            entry["skipped"] = str(exc)
        else:
            if suggestion is not None:
                suggestions.append(suggestion)
                entry["suggestion"] = suggestion.text
        log.append(entry)
    if not suggestions:
        return card, log
    return actions_to_raise(card, suggestions), log


def _siting_suggestion(
    project: Project,
    domain: str,
    indicator: str,
    test: str,
    quality: str,
    *,
    before: float,
    minutes: float,
    access: AccessSettings,
    cancel: threading.Event | None,
) -> tuple[Suggestion | None, dict[str, Any]]:
    """Two new hubs for ``test`` (MCLP within ``minutes``) and the value of ``indicator`` with
    them, by the same access analysis as the indicators."""
    settings = _action_settings(project, test, quality, minutes, access)
    result = run_siting(project, settings, cancel=cancel)
    record = {
        "settings": settings.to_dict(),
        "status": result.status,
        "gap": result.gap,
        "seconds": round(result.seconds + result.build_seconds, 3),
        "hubs": [str(c) for c in result.hubs["candidate_id"]],
    }
    if result.hubs.empty:
        return None, record
    hubs = [
        {
            "hub_id": f"action-{row.candidate_id}",
            "name": str(row.name),
            "lon": float(row.geometry.x),
            "lat": float(row.geometry.y),
            "capabilities": [test],
        }
        for row in result.hubs.itertuples(index=False)
    ]
    assert project.facilities is not None  # run_siting needs them
    what_if = Scenario(name=_("actions"), added_hubs=tuple(hubs))
    changed = replace(
        project,
        facilities=facilities_with_scenario(project.facilities, what_if, capability=test),
    )
    changed._networks = project._networks  # same roads: the built networks still serve
    runs = access_runs(changed, tests=[test], qualities=(quality,), settings=access, cancel=cancel)
    table = city_indicators(changed, runs=runs)
    row = table.loc[(table["indicator"] == indicator) & (table["quality"] == quality)]
    after = float(row["value"].iat[0]) if len(row) else float("nan")
    record["after"] = after
    text = ngettext("{n} {test} hub at {places}", "{n} {test} hubs at {places}", len(hubs)).format(
        n=len(hubs), test=name_of_test(test), places=_places([h["name"] for h in hubs])
    )
    suggestion = Suggestion(text, domain, before, after, indicator=indicator, count=len(hubs))
    return suggestion, record


def _places(names: Sequence[str]) -> str:
    """``"X"``, ``"X and Y"``, ``"X, Y and Z"``."""
    if len(names) < 2:
        return "".join(names)
    return _("{first} and {last}").format(first=", ".join(names[:-1]), last=names[-1])


def _action_settings(
    project: Project, test: str, quality: str, minutes: float, access: AccessSettings
) -> SitingSettings:
    """The project's siting settings turned into a quick MCLP of `ACTION_HUBS` hubs: its
    candidate sources (planner-placed points left out), else upgrades and a grid."""
    try:
        own = resolve(SitingSettings, project=project).settings
    except CcgeoError:  # unusable saved siting settings: the defaults serve
        own = SitingSettings()
    sources = tuple(s for s in own.sources if s != "user")
    if not stored_settings(project, SitingSettings.kind) or not sources:
        sources = ACTION_SOURCES
    return replace(
        own,
        model="mclp",
        hubs=ACTION_HUBS,
        minutes=minutes,
        capability=test,
        quality=quality,
        travel=access.travel,
        snapping=access.snapping,
        sources=sources,
        solver="auto",
        time_limit_s=min(own.time_limit_s, ACTION_TIME_LIMIT_S),
        capacity=False,
        curve_hubs=0,
    )


# -- progress over time --------------------------------------------------------------------------

#: What the run logs of `progress_of_projects` call the API (the faces pass their own command).
PROGRESS_API_COMMAND = "ccgeo.progress_of_projects"
#: The quality level of the labs the sentences of progress are about.
PROGRESS_QUALITY = "any"


@dataclass(frozen=True, eq=False)
class Progress:
    """Two versions of one city, compared (`progress_of_projects`).

    Attributes
    ----------
    before, after : CityEvidence
        The evidence of the baseline and of the later version, each with its run log.
    table : DataFrame
        `ccgeo.analysis.readiness.progress.PROGRESS_COLUMNS`: every city indicator and district
        coverage before and after, the change (after - before, points for %) and the levels.
    scale : ReadinessScale
        The (draft) scale of the levels.
    """

    before: CityEvidence
    after: CityEvidence
    table: pd.DataFrame
    scale: ReadinessScale

    @property
    def sentences(self) -> list[str]:
        """What changed, for whom and by how much, in the current language (labs of any
        quality: `PROGRESS_QUALITY`)."""
        return progress_sentences(self.table, quality=PROGRESS_QUALITY)


def progress_of_projects(
    before: str | Path | Project,
    after: str | Path | Project,
    *,
    tests: Sequence[str] | None = None,
    readiness: str | Path | None = None,
    command: str = PROGRESS_API_COMMAND,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> Progress:
    """The progress of a city between two versions of its project (a baseline, then after new
    hubs or a new courier route): what changed, for whom and by how much.

    Parameters
    ----------
    before, after
        The project files (``.ccgeo``) or projects of the two versions.
    tests, readiness, command
        As `compare_projects`: the tests (default every test of each version), a readiness
        scale file over the bundled draft, what the run logs say ran.
    progress, cancel
        ``progress(fraction, text)`` through both versions, and a `threading.Event` that
        cancels (`Cancelled`).

    Returns
    -------
    Progress
        Both versions' evidence (computed as `compare_projects` does, without its actions: the
        progress page suggests none) and their table side by side.

    Raises
    ------
    InputError
        A source that is not a project, a bad test, quality or readiness file.
    Cancelled
        If ``cancel`` is set.
    """
    scale = load_readiness(readiness)
    found = city_sources([before, after])
    projects = []
    for i, source in enumerate(found):
        check_cancel(cancel)
        text = _("opening {name}").format(name=source.path.name if source.path else source.label)
        report_progress(progress, _OPEN * i / 2, text)
        projects.append(source.project if source.project is not None else _open(source))
    names = progress_names([p.name for p in projects], [s.label for s in found])
    cities = [
        city_evidence(
            project,
            name=name,
            scale=scale,
            source=source.path,
            tests=None if tests is None else list(tests),
            actions=False,
            command=command,
            progress=scaled_progress(
                progress, _OPEN + (1 - _OPEN) * i / 2, _OPEN + (1 - _OPEN) * (i + 1) / 2
            ),
            cancel=cancel,
        )
        for i, (source, project, name) in enumerate(zip(found, projects, names, strict=True))
    ]
    report_progress(progress, 1.0, _("both versions compared"))
    return Progress(cities[0], cities[1], progress_between(cities[0], cities[1]), scale)


def progress_names(names: Sequence[str], labels: Sequence[str]) -> list[str]:
    """The names of the two versions: the projects' names, or when they are the same,
    ``"NAME (baseline: LABEL)"`` and ``"NAME (after: LABEL)"`` (LABEL: the file's stem)."""
    first, second = names
    if first != second:
        return [first, second]
    return [
        _("{name} (baseline: {label})").format(name=first, label=labels[0]),
        _("{name} (after: {label})").format(name=second, label=labels[1]),
    ]


__all__ = [
    "ACTION_HUBS",
    "PROGRESS_API_COMMAND",
    "SCENARIOS_FOLDER",
    "CitySource",
    "Progress",
    "city_evidence",
    "city_names",
    "city_sources",
    "compare_projects",
    "progress_names",
    "progress_of_projects",
]
