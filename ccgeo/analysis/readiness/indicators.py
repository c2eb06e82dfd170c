"""Diagnostic-readiness indicators of one city (a project), per test and quality level, as one
tidy table: access, timeliness, pre-analytical quality, capacity, lab quality, workforce, equity.

Every number comes from an analysis ccgeo already runs: coverage from the access analysis
(`ccgeo.analysis.access.access`, the engine of every face), times and specimen checks from the
project's saved referral plan, expected tests from `ccgeo.analysis.capacity.test_demand`.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import pandas as pd

from ccgeo.analysis.access import access
from ccgeo.analysis.capacity import load_demand_parameters
from ccgeo.analysis.readiness.coverage import (
    DISTRICT_COLUMNS,
    EQUITY_NAMES,
    band_rows,
    coverage_rows,
    district_rows,
    equity_rows,
)
from ccgeo.analysis.readiness.labs import capacity_row, quality_rows, workforce_rows
from ccgeo.analysis.readiness.rows import (
    INDICATOR_COLUMNS,
    QUALITIES,
    THRESHOLDS_MINUTES,
    Row,
    missing,
)
from ccgeo.analysis.readiness.timeliness import REFERRAL_NAMES, referral_rows
from ccgeo.errors import InputError, check_cancel
from ccgeo.i18n import _
from ccgeo.model.schema import CAPABILITIES, QUALITY_FILTERS
from ccgeo.model.settings import AccessSettings
from ccgeo.network.profiles import resolve_profile
from ccgeo.progress import ProgressCallback, report_progress

if TYPE_CHECKING:
    from ccgeo.analysis.access import AccessResult
    from ccgeo.model.capacity import DemandParameters
    from ccgeo.project import Project

#: Capabilities that are not a test of a sample (specimen collection).
NOT_TESTS: tuple[str, ...] = ("biopsy",)

#: Columns of `district_indicators`.
DISTRICT_INDICATOR_COLUMNS: tuple[str, ...] = ("city", "test", "quality", *DISTRICT_COLUMNS)

_COVERAGE_NAMES = tuple(f"coverage_{t:g}min" for t in THRESHOLDS_MINUTES)


@dataclass(frozen=True, eq=False)
class AccessRun:
    """The access analysis of one test at one quality level: its result, or why there is none."""

    test: str
    quality: str
    result: AccessResult | None
    note: str = ""


def readiness_tests(
    project: Project, tests: tuple[str, ...] | list[str] | None = None
) -> list[str]:
    """The tests of the table: ``tests`` (checked), else every capability but specimen collection
    that some facility of the project has, in the order of `CAPABILITIES`.

    Raises
    ------
    InputError
        When a test is not one of `CAPABILITIES`.
    """
    if tests is not None:
        unknown = [t for t in tests if t not in CAPABILITIES]
        if unknown:
            msg = _("`tests` should be among {allowed}, got {unknown}").format(
                allowed=", ".join(CAPABILITIES), unknown=", ".join(map(repr, unknown))
            )
            raise InputError(msg)
        return list(tests)
    if project.facilities is None:
        return []
    gdf = project.facilities.gdf
    return [c for c in CAPABILITIES if c not in NOT_TESTS and gdf[c].astype(bool).any()]


def access_runs(
    project: Project,
    *,
    tests: tuple[str, ...] | list[str] | None = None,
    qualities: tuple[str, ...] = QUALITIES,
    settings: AccessSettings | None = None,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> list[AccessRun]:
    """One access analysis per test and quality level, at 30, 60 and 120 minutes.

    Parameters
    ----------
    project
        Its roads, population, districts and facilities.
    tests
        Capabilities (default: `readiness_tests`).
    qualities
        Quality filters of the labs that count (`ccgeo.model.schema.QUALITY_FILTERS`).
    settings
        Travel (mode, speed file, traffic) and snapping; its test, quality and thresholds are
        replaced. Default `AccessSettings()`; the faces pass the project's resolved settings.
    progress, cancel
        ``progress(fraction, text)`` and a `threading.Event` that cancels (`Cancelled`).
    """
    _check_qualities(qualities)
    base = settings or AccessSettings()
    pairs = [(t, q) for t in readiness_tests(project, tests) for q in qualities]
    absent = [n for n in ("roads", "demand", "facilities") if getattr(project, n) is None]
    if absent:
        note = _("the project has no {layers}").format(layers=", ".join(absent))
        return [AccessRun(t, q, None, note) for t, q in pairs]
    travel = base.travel
    profile = resolve_profile(travel.mode, speeds=travel.speeds, congestion=travel.congestion)
    network = project.network(profile, cancel=cancel)
    runs = []
    for i, (test, quality) in enumerate(pairs):
        check_cancel(cancel)
        text = _("access to {test} labs ({quality})").format(test=test.upper(), quality=quality)
        report_progress(progress, i / max(len(pairs), 1), text)
        run_settings = replace(
            base, capability=test, quality=quality, thresholds_minutes=THRESHOLDS_MINUTES
        )
        result = access(
            network,
            project.facilities,
            project.demand,
            run_settings,
            districts=project.districts,
            isochrones=False,
            cancel=cancel,
        )
        runs.append(AccessRun(test, quality, result))
    report_progress(progress, 1.0, _("access analyses done"))
    return runs


def _check_qualities(qualities: tuple[str, ...]) -> None:
    unknown = [q for q in qualities if q not in QUALITY_FILTERS]
    if unknown:
        msg = _("`qualities` should be among {allowed}, got {unknown}").format(
            allowed=", ".join(QUALITY_FILTERS), unknown=", ".join(map(repr, unknown))
        )
        raise InputError(msg)


def city_indicators(
    project: Project,
    *,
    tests: tuple[str, ...] | list[str] | None = None,
    qualities: tuple[str, ...] = QUALITIES,
    settings: AccessSettings | None = None,
    demand_parameters: DemandParameters | None = None,
    runs: list[AccessRun] | None = None,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> pd.DataFrame:
    """The readiness indicators of the city of ``project``, one row per test, quality level and
    indicator.

    Parameters
    ----------
    project
        The city; its name is the ``city`` of every row.
    tests, qualities, settings, progress, cancel
        As for `access_runs`.
    demand_parameters
        Incidence and eligible fractions of the expected tests (default: the bundled
        ``resources/demand.toml``).
    runs
        Access runs already made (`access_runs`), so that `district_indicators` and this table
        share them; None runs them here.

    Returns
    -------
    DataFrame
        `INDICATOR_COLUMNS`: ``city``, ``test``, ``quality`` (``""`` where the indicator does
        not depend on it), ``indicator``, ``value`` (float, NaN when it cannot be computed),
        ``unit`` and ``note`` (why a value is missing, or what to know about it).
    """
    if runs is None:
        runs = access_runs(
            project,
            tests=tests,
            qualities=qualities,
            settings=settings,
            progress=progress,
            cancel=cancel,
        )
    params = demand_parameters or load_demand_parameters()
    rows: list[Row] = []
    for test in dict.fromkeys(run.test for run in runs):
        for run in runs:
            rows += _run_rows(project, run, params) if run.test == test else []
        rows += _test_rows(project, test)
    return _frame(project.name, rows)


def _population(project: Project) -> float:
    return project.demand.total_population if project.demand is not None else 0.0


def _run_rows(project: Project, run: AccessRun, params: DemandParameters) -> list[Row]:
    """The rows of one test at one quality level: coverage, equity, by sex and age, capacity."""
    if run.result is None:
        names = (*_COVERAGE_NAMES, *EQUITY_NAMES, "capacity_ratio")
        return missing(run.test, run.quality, names, run.note)
    rows = coverage_rows(run.result, run.test, run.quality)
    rows += equity_rows(run.result, run.test, run.quality)
    rows += band_rows(run.result, project.demand, run.test, run.quality)
    population = _population(project)
    rows.append(capacity_row(project.facilities, population, run.test, run.quality, params=params))
    return rows


def _test_rows(project: Project, test: str) -> list[Row]:
    """The rows of one test that do not depend on the quality level."""
    rows = _referral_rows(project, test)
    if project.facilities is None:
        return rows
    rows += quality_rows(project.facilities, test)
    rows += workforce_rows(project.facilities, _population(project), test)
    return rows


def _referral_rows(project: Project, test: str) -> list[Row]:
    plan = project.plans.get("referral")
    if plan is None or plan.result.settings.get("capability") != test:
        note = _("the project has no sample-referral plan for {test}").format(test=test.upper())
        return missing(test, "", REFERRAL_NAMES, note)
    return referral_rows(plan.result, test)


def _frame(city: str, rows: list[Row]) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "city": city,
            "test": [r.test for r in rows],
            "quality": [r.quality for r in rows],
            "indicator": [r.indicator for r in rows],
            "value": pd.Series([r.value for r in rows], dtype=float),
            "unit": [r.unit for r in rows],
            "note": [r.note for r in rows],
        },
        columns=list(INDICATOR_COLUMNS),
    )
    return frame


def district_indicators(
    project: Project,
    *,
    tests: tuple[str, ...] | list[str] | None = None,
    qualities: tuple[str, ...] = QUALITIES,
    settings: AccessSettings | None = None,
    runs: list[AccessRun] | None = None,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> pd.DataFrame:
    """Coverage of every district at 30, 60 and 120 minutes, per test and quality level.

    The access result's own coverage table by district (people in no district keep the
    ``district_id`` ``""``), with the city, test and quality: `DISTRICT_INDICATOR_COLUMNS`
    (``share`` 0..1, NaN in a district without people). Arguments as for `city_indicators`.
    """
    if runs is None:
        runs = access_runs(
            project,
            tests=tests,
            qualities=qualities,
            settings=settings,
            progress=progress,
            cancel=cancel,
        )
    parts = [
        district_rows(run.result).assign(city=project.name, test=run.test, quality=run.quality)
        for run in runs
        if run.result is not None
    ]
    if not parts:
        return pd.DataFrame(columns=list(DISTRICT_INDICATOR_COLUMNS))
    table = pd.concat(parts, ignore_index=True)
    return table[list(DISTRICT_INDICATOR_COLUMNS)]
