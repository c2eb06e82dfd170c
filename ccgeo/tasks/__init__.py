"""The tasks: one function per analysis, called unchanged by the app, the command line and the
Python API with one settings object, so the same inputs give the same numbers everywhere.

Each takes a `ccgeo.project.Project`, a settings object of `ccgeo.model.settings`, and
``progress=``/``cancel=``, and returns a frozen result:

- `run_access` → `ccgeo.analysis.access.AccessResult`
- `run_capacity` → `FcaResult` or `CoverageResult`
- `run_siting` → `SitingResult`
- `run_referral` → `ReferralResult`

`ccgeo.tasks.settings` reads settings from projects and files and says where each value came
from; `ccgeo.tasks.whatif` is the app's live what-if over an access run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ccgeo._lazy import attach

_WHERE: dict[str, str] = {
    "run_access": "ccgeo.tasks.access",
    "run_capacity": "ccgeo.tasks.capacity",
    "run_referral": "ccgeo.tasks.referral",
    "run_siting": "ccgeo.tasks.siting",
}

__all__ = ["run_access", "run_capacity", "run_referral", "run_siting"]

if TYPE_CHECKING:  # pragma: no cover
    from ccgeo.tasks.access import run_access
    from ccgeo.tasks.capacity import run_capacity
    from ccgeo.tasks.referral import run_referral
    from ccgeo.tasks.siting import run_siting

__getattr__, __dir__ = attach(__name__, _WHERE)
