"""New testing hubs: MCLP, p-median and target coverage (LSCP), existing labs fixed as open.

Exact MILPs with HiGHS, or lazy greedy (CELF) with a stated bound for large instances; times come
from bounded searches on the road network, never from a dense all-pairs matrix.

- `candidates`: candidate sites (facilities to upgrade, a grid over underserved areas, sites
  placed by the user) and their checks;
- `matrix`: demand × site travel times, sparse;
- `solvers`: HiGHS MILPs and the lazy greedy with its bound;
- `models`: `MCLP`, `PMedian`, `LSCP` (``from_cost_matrix``, ``from_network``, ``solve()``);
- `curves`: coverage curve, rank and marginal gain of each hub, before/after by district;
- `run`: `site_hubs`, the one call from a `ccgeo.model.settings.SitingSettings`.
"""

from __future__ import annotations

from ccgeo.analysis.siting.candidates import (
    CANDIDATE_COLUMNS,
    CANDIDATE_KINDS,
    DEFAULT_GRID_SPACING_M,
    candidates_from_facilities,
    candidates_from_points,
    candidates_grid,
)
from ccgeo.analysis.siting.curves import DEFAULT_CURVE_HUBS
from ccgeo.analysis.siting.matrix import demand_site_seconds
from ccgeo.analysis.siting.models import LSCP, MCLP, PMedian, SitingModel
from ccgeo.analysis.siting.run import site_hubs
from ccgeo.analysis.siting.solvers import (
    MILP_MAX_PAIRS,
    MILP_REL_GAP,
    PMEDIAN_MILP_MAX_PAIRS,
    Solver,
)
from ccgeo.model.settings import SITING_MODELS
from ccgeo.model.siting import SitingResult

__all__ = [
    "CANDIDATE_COLUMNS",
    "CANDIDATE_KINDS",
    "DEFAULT_CURVE_HUBS",
    "DEFAULT_GRID_SPACING_M",
    "LSCP",
    "MCLP",
    "MILP_MAX_PAIRS",
    "MILP_REL_GAP",
    "PMEDIAN_MILP_MAX_PAIRS",
    "SITING_MODELS",
    "PMedian",
    "SitingModel",
    "SitingResult",
    "Solver",
    "candidates_from_facilities",
    "candidates_from_points",
    "candidates_grid",
    "demand_site_seconds",
    "site_hubs",
]
