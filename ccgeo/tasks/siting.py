"""The siting task: where new testing hubs should go, existing capable labs fixed as open."""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np

from ccgeo.analysis.capacity import load_demand_parameters
from ccgeo.analysis.siting import candidates_from_points, site_hubs
from ccgeo.errors import InputError, check_cancel
from ccgeo.i18n import _
from ccgeo.model.scenario import Hub
from ccgeo.model.settings import ANY_CAPABILITY, SitingSettings
from ccgeo.model.siting import SitingResult
from ccgeo.progress import ProgressCallback, scaled_progress
from ccgeo.project import Project
from ccgeo.tasks.common import network_for, require_layers


def run_siting(
    project: Project,
    settings: SitingSettings,
    *,
    user_sites: Sequence[Hub] = (),
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> SitingResult:
    """Choose new hubs for the project with ``settings`` (MCLP, p-median or LSCP).

    Parameters
    ----------
    project
        Needs roads, population and facilities; districts give the before/after table.
    settings
        The model and its values, the test, quality, travel and snapping.
    user_sites
        Candidate sites placed by the planner (the what-if hubs of the app), used when
        ``settings.sources`` holds ``"user"``.
    progress, cancel
        ``progress(fraction, text)`` and a `threading.Event`.

    Raises
    ------
    InputError
        A layer is missing, the test is "any", "user" sites are asked for but none is placed,
        or the siting refuses the request (naming why).
    Cancelled
        If ``cancel`` is set.
    """
    require_layers(project, ("roads", "demand", "facilities"), what=_("siting"))
    if settings.capability == ANY_CAPABILITY:
        msg = _("siting needs a test to site hubs for; choose one (PCR, IHC, …) instead of 'any'")
        raise InputError(msg)
    sites = None
    if "user" in settings.sources:
        if not user_sites:
            msg = _(
                "'points placed on the map' is a candidate source but no candidate hub is "
                "placed: place some with Analysis ▸ Place hub (H), or leave that source out"
            )
            raise InputError(msg)
        sites = candidates_from_points(
            np.array([[h.lon, h.lat] for h in user_sites]),
            [h.hub_id for h in user_sites],
            names=[h.name for h in user_sites],
        )
    rate = None
    if settings.capacity:
        rate = load_demand_parameters(settings.demand).tests_per_person(settings.capability)
    net = network_for(
        project, settings.travel, progress=scaled_progress(progress, 0.0, 0.1), cancel=cancel
    )
    check_cancel(cancel)
    return site_hubs(
        net,
        project.demand,
        project.facilities,
        settings,
        user_sites=sites,
        districts=project.districts,
        tests_per_person_year=rate,
        progress=scaled_progress(progress, 0.1, 1.0),
        cancel=cancel,
    )
