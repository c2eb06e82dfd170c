"""ccgeo: who can reach a lab able to do a given cancer diagnostic test, and who cannot.

The public Python API; every function here is also reachable from the ``ccgeo`` command.
"""

from __future__ import annotations

from ccgeo.errors import Cancelled, CcgeoError, InputError, OfflineError
from ccgeo.model import CAPABILITIES, Facilities, ImportReport, Scenario

__version__ = "0.1.0"

__all__ = [
    "CAPABILITIES",
    "Cancelled",
    "CcgeoError",
    "Facilities",
    "ImportReport",
    "InputError",
    "OfflineError",
    "Scenario",
    "__version__",
]
