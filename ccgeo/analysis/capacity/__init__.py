"""Capacity-aware access to labs: 2SFCA, E2SFCA and AccessMod-style capacity-limited coverage.

Lab capacity and demand share one unit, tests per year (demand = population x cancer incidence x
eligible fraction, `resources/demand.toml`); times are seconds inside and minutes in settings.

- `demand`: demand parameters and tests per year (`load_demand_parameters`, `test_demand`);
- `times`: labs and demand on the network and the lab x demand times (`lab_demand_times`);
- `fca`: 2SFCA and E2SFCA (`fca_from_times`, `fca`);
- `coverage`: capacity-limited coverage (`capacity_coverage_from_times`, `capacity_coverage`).

The result types live in `ccgeo.model.capacity`. Names are imported eagerly: the submodule `fca`
shares its name with the function, and the import system would put the module in place of a
lazily loaded function.
"""

from __future__ import annotations

from ccgeo.analysis.capacity.common import CAPACITY_COLUMN
from ccgeo.analysis.capacity.coverage import (
    LabOrder,
    capacity_coverage,
    capacity_coverage_from_times,
)
from ccgeo.analysis.capacity.demand import BUNDLED_DEMAND, load_demand_parameters, test_demand
from ccgeo.analysis.capacity.fca import (
    DEFAULT_MAX_MINUTES,
    E2SFCA_BANDS_MINUTES,
    E2SFCA_WEIGHTS,
    DemandUnit,
    Method,
    fca,
    fca_from_times,
)
from ccgeo.analysis.capacity.times import lab_demand_times
from ccgeo.model.capacity import NOT_ON_NETWORK, CoverageResult, DemandParameters, FcaResult

__all__ = [
    "BUNDLED_DEMAND",
    "CAPACITY_COLUMN",
    "DEFAULT_MAX_MINUTES",
    "E2SFCA_BANDS_MINUTES",
    "E2SFCA_WEIGHTS",
    "NOT_ON_NETWORK",
    "CoverageResult",
    "DemandParameters",
    "DemandUnit",
    "FcaResult",
    "LabOrder",
    "Method",
    "capacity_coverage",
    "capacity_coverage_from_times",
    "fca",
    "fca_from_times",
    "lab_demand_times",
    "load_demand_parameters",
    "test_demand",
]
