"""One call for the tasks, the app and the command line: new hubs for a test, from the settings."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ccgeo.analysis.siting.candidates import gather_candidates
from ccgeo.analysis.siting.models import LSCP, MCLP, PMedian, SitingModel
from ccgeo.errors import InputError
from ccgeo.i18n import _
from ccgeo.progress import ProgressCallback, scaled_progress

if TYPE_CHECKING:
    import threading

    import geopandas as gpd

    from ccgeo.model.demand import Demand
    from ccgeo.model.facilities import Facilities
    from ccgeo.model.network import Network
    from ccgeo.model.settings import SitingSettings
    from ccgeo.model.siting import SitingResult

_MODELS: dict[str, type[SitingModel]] = {"mclp": MCLP, "pmedian": PMedian, "lscp": LSCP}


def site_hubs(
    net: Network,
    demand: Demand | gpd.GeoDataFrame,
    facilities: Facilities,
    settings: SitingSettings,
    *,
    user_sites: gpd.GeoDataFrame | None = None,
    districts: gpd.GeoDataFrame | None = None,
    tests_per_person_year: float | None = None,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> SitingResult:
    """Choose new testing hubs for a test, the existing capable labs fixed as open.

    Parameters
    ----------
    net, demand
        The road network of the travel mode (``settings.travel``); where people live.
    facilities
        All facilities: those able to do ``settings.capability`` (meeting ``settings.quality``)
        are the existing labs, placed on the network by `ccgeo.analysis.placement.place_labs`;
        the others are upgrade candidates.
    settings
        The model (``mclp``, ``pmedian``, ``lscp``), hubs, limit in minutes (inclusive), target
        share, candidate sources, grid spacing (metres), excluded ids, solver and time limit
        (seconds), capacity and hub capacity (tests per year), p-median penalty (minutes),
        hubs of the coverage curve, and the snapping of people, labs and sites.
    user_sites
        Sites placed on the map (`candidates_from_points`), for the source ``"user"``.
    districts
        District polygons for the before/after table.
    tests_per_person_year
        Tests per person per year (incidence × share eligible): demand counts in tests per
        year. Required with ``settings.capacity``.
    progress, cancel
        ``progress(fraction, text)`` and a `threading.Event`.

    Returns
    -------
    SitingResult
        Its ``settings`` hold ``settings.to_dict()`` and what the model adds; its ``warnings``
        list the labs and sites left out by the placement rule, with the reason.

    Raises
    ------
    InputError
        Source ``"user"`` without ``user_sites``, capacity without a test rate, no candidates,
        too many hubs, nothing within reach, an infeasible target, or a solver failure.
    Cancelled
        If ``cancel`` is set.
    """
    if settings.capacity and tests_per_person_year is None:
        msg = _(
            "with `capacity`, demand must be in tests per year like the labs' capacity: give "
            "`tests_per_person_year` (population × cancer incidence × share eligible)"
        )
        raise InputError(msg)
    cands, warnings = gather_candidates(
        net,
        demand,
        facilities,
        settings,
        user_sites=user_sites,
        districts=districts,
        cancel=cancel,
    )
    built = _build_model(
        net,
        demand,
        facilities,
        cands,
        settings,
        districts=districts,
        tests_per_person_year=tests_per_person_year,
        progress=scaled_progress(progress, 0.0, 0.5),
        cancel=cancel,
    )
    built.warnings = (*warnings, *built.warnings)
    built.extra_settings.update({**settings.to_dict(), "mode": net.mode})
    return _solve(built, settings, progress=scaled_progress(progress, 0.5, 1.0), cancel=cancel)


def _build_model(
    net: Network,
    demand: Demand | gpd.GeoDataFrame,
    facilities: Facilities,
    candidates: gpd.GeoDataFrame,
    settings: SitingSettings,
    *,
    districts: gpd.GeoDataFrame | None,
    tests_per_person_year: float | None,
    progress: ProgressCallback | None,
    cancel: threading.Event | None,
) -> SitingModel:
    """The model of ``settings.model`` on the network, the capable labs fixed as open."""
    options: dict[str, Any] = {}
    if settings.model == "pmedian" and settings.penalty_minutes is not None:
        options["penalty_seconds"] = float(settings.penalty_minutes) * 60.0
    return _MODELS[settings.model].from_network(
        net,
        demand,
        candidates,
        facilities.capable(settings.capability, quality=settings.quality),
        minutes=settings.minutes,
        snapping=settings.snapping,
        districts=districts,
        tests_per_person_year=tests_per_person_year,
        capacity=settings.capacity,
        progress=progress,
        cancel=cancel,
        **options,
    )


def _solve(
    built: SitingModel,
    settings: SitingSettings,
    *,
    progress: ProgressCallback | None,
    cancel: threading.Event | None,
) -> SitingResult:
    """``built.solve`` with the hubs (or the target share) and the solver of ``settings``."""
    options: dict[str, Any] = {
        "solver": settings.solver,
        "time_limit_s": settings.time_limit_s,
        "curve_hubs": settings.curve_hubs,
        "progress": progress,
        "cancel": cancel,
    }
    if isinstance(built, LSCP):
        return built.solve(float(settings.target_share), **options)
    assert isinstance(built, MCLP | PMedian)
    return built.solve(settings.hubs, **options)
