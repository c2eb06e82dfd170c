"""The access task: the one way every face runs the access analysis of a project."""

from __future__ import annotations

import threading
from dataclasses import replace

from ccgeo.analysis.access import AccessResult, access
from ccgeo.analysis.scenario import facilities_with_scenario
from ccgeo.errors import check_cancel
from ccgeo.i18n import _
from ccgeo.model.roads import mode_words
from ccgeo.model.scenario import Scenario
from ccgeo.model.settings import AccessSettings
from ccgeo.progress import ProgressCallback, report_progress, scaled_progress
from ccgeo.project import Project
from ccgeo.tasks.common import network_for, require_layers
from ccgeo.tasks.settings import resolve


def run_access(
    project: Project,
    settings: AccessSettings,
    *,
    isochrones: bool = True,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> AccessResult:
    """Time from every person of ``project`` to the nearest lab able to do the test.

    The one access run of ccgeo: the app's Run button, ``ccgeo access``/``map``/``report``/
    ``export`` and the Python API all call it with an `AccessSettings`.

    Parameters
    ----------
    project
        Needs roads, population and facilities; districts are used when present.
    settings
        The test, quality, travel (mode, speed file, traffic), thresholds and snapping.
    isochrones
        Whether to draw the catchment bands (the slowest part; the command line can skip it).
    progress, cancel
        ``progress(fraction, text)`` and a `threading.Event` that cancels (`Cancelled`).

    Raises
    ------
    InputError
        When a layer is missing or a setting is unusable (an unknown mode, a bad speed file).
    Cancelled
        If ``cancel`` is set.
    """
    require_layers(project, ("roads", "demand", "facilities"), what=_("the access analysis"))
    text = _("Building the {mode} network…").format(mode=mode_words(settings.travel.mode))
    report_progress(progress, 0.0, text)
    network = network_for(
        project, settings.travel, progress=scaled_progress(progress, 0.0, 0.2), cancel=cancel
    )
    check_cancel(cancel)
    return access(
        network,
        project.facilities,
        project.demand,
        settings,
        districts=project.districts,
        isochrones=isochrones,
        progress=scaled_progress(progress, 0.2, 1.0),
        cancel=cancel,
    )


def scenario_settings(scenario: Scenario, *, default: AccessSettings) -> AccessSettings:
    """The settings a scenario was saved with (``default`` for keys it lacks)."""
    if not scenario.settings:
        return default
    merged = {**default.to_dict(), **scenario.settings}
    return AccessSettings.from_dict(merged)


def project_with_scenario(
    project: Project, scenario: Scenario, *, default: AccessSettings | None = None
) -> tuple[Project, AccessSettings]:
    """A copy of ``project`` whose facilities follow ``scenario``, and the scenario's settings.

    Running the analysis on it gives the scenario's full result (bands, underserved areas), as
    the HTML map and the report need. ``default`` gives the values the scenario does not set
    (default: the project's access settings).
    """
    if default is None:
        default = resolve(AccessSettings, project=project).settings
    settings = scenario_settings(scenario, default=default)
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
