"""The lab-capacity task: 2SFCA, E2SFCA or capacity-limited coverage of a project's labs."""

from __future__ import annotations

import threading

from ccgeo.analysis.capacity import capacity_coverage, fca, load_demand_parameters
from ccgeo.errors import InputError, check_cancel
from ccgeo.i18n import _
from ccgeo.model.capacity import CoverageResult, FcaResult
from ccgeo.model.settings import CapacitySettings
from ccgeo.progress import ProgressCallback, scaled_progress
from ccgeo.project import Project
from ccgeo.tasks.common import network_for, no_lab_problem, require_layers


def run_capacity(
    project: Project,
    settings: CapacitySettings,
    *,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> FcaResult | CoverageResult:
    """Lab capacity of the project's labs able to do the test, against the need.

    ``settings.method`` chooses 2SFCA, E2SFCA or capacity-limited coverage; the need is in tests
    per year (population x incidence x eligible share, ``resources/demand.toml`` or the file
    ``settings.demand``) unless ``settings.demand_unit`` is ``"people"``.

    Raises
    ------
    InputError
        A layer is missing, no lab can do the test to the quality asked, or a file or value is
        unusable.
    Cancelled
        If ``cancel`` is set.
    """
    require_layers(project, ("roads", "demand", "facilities"), what=_("the lab capacity analysis"))
    problem = no_lab_problem(project.facilities, settings.capability, settings.quality)
    if problem is not None:
        raise InputError(problem)
    labs = project.facilities.capable(settings.capability, quality=settings.quality)
    params = load_demand_parameters(settings.demand)
    net = network_for(
        project, settings.travel, progress=scaled_progress(progress, 0.0, 0.2), cancel=cancel
    )
    check_cancel(cancel)
    run = capacity_coverage if settings.method == "coverage" else fca
    return run(
        net,
        labs,
        project.demand,
        settings,
        params=params,
        progress=scaled_progress(progress, 0.2, 1.0),
        cancel=cancel,
    )
