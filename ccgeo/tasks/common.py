"""What every task needs: the layers an analysis cannot do without, and the network of a
`Travel` (its speed profile resolved once per run, the network built once per project)."""

from __future__ import annotations

import threading
from collections.abc import Sequence

from ccgeo.errors import InputError
from ccgeo.i18n import N_, _
from ccgeo.labels import no_lab_text
from ccgeo.model.facilities import Facilities
from ccgeo.model.network import Network
from ccgeo.model.schema import CAPABILITIES
from ccgeo.model.settings import Travel
from ccgeo.network.profiles import resolve_profile
from ccgeo.progress import ProgressCallback
from ccgeo.project import Project

#: Each layer a task may need, with where the app imports it (for the message; translated where
#: shown).
LAYERS: dict[str, str] = {
    "roads": N_("roads (File ▸ Import ▸ Roads, or --roads)"),
    "demand": N_("population (File ▸ Import ▸ Population, or --population)"),
    "facilities": N_("facilities (File ▸ Import ▸ Facilities, or --facilities)"),
}


def require_layers(project: Project, need: Sequence[str], *, what: str) -> None:
    """Raise `InputError` naming every layer of ``need`` the project lacks.

    Parameters
    ----------
    project
        The project.
    need
        Among ``"roads"``, ``"demand"``, ``"facilities"``.
    what
        The analysis, for the message, in the current language: ``"the access analysis"``.
    """
    missing = [_(LAYERS[name]) for name in need if getattr(project, name) is None]
    if missing:
        msg = _("{what} needs {layers}; import them first")
        raise InputError(msg.format(what=what, layers=", ".join(missing)))


def network_for(
    project: Project,
    travel: Travel,
    *,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> Network:
    """The project's network for ``travel``: mode, the planner's speed file, traffic.

    Raises
    ------
    InputError
        When the project has no roads, the speed file is not usable or the mode is unknown.
    """
    profile = resolve_profile(travel.mode, speeds=travel.speeds, congestion=travel.congestion)
    return project.network(profile, progress=progress, cancel=cancel)


def no_lab_problem(facilities: Facilities | None, capability: str, quality: str) -> str | None:
    """Why no facility counts as a lab for ``capability`` and ``quality``, or None when one does.

    The one test of "is there a lab at all" for every face: the Analysis panel says it before a
    run, the lab capacity task refuses to run without a lab. A test ccgeo does not list (the
    access analysis' "any") and a project without facilities are no such problem here.
    """
    if facilities is None or capability not in CAPABILITIES:
        return None
    if len(facilities.capable(capability, quality=quality)):
        return None
    n_capable = int(facilities.gdf[capability].astype(bool).sum())
    return no_lab_text(capability, quality, n_capable=n_capable, n_facilities=len(facilities))
