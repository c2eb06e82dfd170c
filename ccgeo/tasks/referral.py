"""The referral task: how samples travel from the facilities that take them to the hub labs."""

from __future__ import annotations

import threading
from dataclasses import replace

import geopandas as gpd

from ccgeo.analysis.referral import load_referral_parameters, parameters_with, plan_referral
from ccgeo.i18n import _
from ccgeo.model.referral import ReferralResult
from ccgeo.model.settings import ReferralSettings
from ccgeo.progress import ProgressCallback, scaled_progress
from ccgeo.project import Project
from ccgeo.tasks.common import network_for, require_layers


def run_referral(
    project: Project,
    settings: ReferralSettings,
    *,
    proposed_hubs: gpd.GeoDataFrame | None = None,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> ReferralResult:
    """Plan the sample referral of the project: couriers on the network of their mode, patients
    on ``settings.travel``, both with its speed file and traffic.

    Parameters
    ----------
    project
        Needs roads and facilities; population (when present) gives each spoke's tests a year.
    settings
        The test and quality of the hubs, the patients' travel, snapping, the referral
        parameter file and the courier values that override it.
    proposed_hubs
        Hubs proposed by siting, added to the existing ones (points with ``facility_id``,
        ``name``, ``capacity_tests_per_year``).
    progress, cancel
        ``progress(fraction, text)`` and a `threading.Event`.

    Raises
    ------
    InputError
        A layer is missing, a parameter is unusable, or the plan cannot be made (no hub, ...).
    Cancelled
        If ``cancel`` is set.
    """
    require_layers(project, ("roads", "facilities"), what=_("the sample referral"))
    params = parameters_with(load_referral_parameters(settings.params), settings)
    courier = replace(settings.travel, mode=params.courier_mode)
    courier_net = network_for(
        project, courier, progress=scaled_progress(progress, 0.0, 0.05), cancel=cancel
    )
    patient_net = network_for(
        project, settings.travel, progress=scaled_progress(progress, 0.05, 0.1), cancel=cancel
    )
    return plan_referral(
        courier_net,
        project.facilities,
        settings,
        params=params,
        patient_net=patient_net,
        demand=project.demand,
        proposed_hubs=proposed_hubs,
        progress=scaled_progress(progress, 0.1, 1.0),
        cancel=cancel,
    )
