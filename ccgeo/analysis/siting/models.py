"""The siting models: maximal covering (`MCLP`), `PMedian` and target coverage (`LSCP`), existing
labs fixed as open.

Each is built with ``from_cost_matrix`` (a demand × candidate matrix of seconds) or
``from_network`` (bounded searches on the road network), then ``solve()`` returns a frozen
`ccgeo.model.siting.SitingResult`.
"""

from __future__ import annotations

import math
import time
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Self

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ccgeo.analysis.siting.candidates import unplaced_candidates
from ccgeo.analysis.siting.curves import (
    CURVE_COLUMNS,
    DEFAULT_CURVE_HUBS,
    coverage_curve,
    curve_row,
    districts_before_after,
    empty_curve,
    hubs_table,
    rank_hubs,
)
from ccgeo.analysis.siting.matrix import (
    csr_from_pairs,
    merge_identical_rows,
    network_inputs,
    pairs_within,
    row_min,
)
from ccgeo.analysis.siting.solvers import (
    MILP_MAX_PAIRS,
    PMEDIAN_MILP_MAX_PAIRS,
    CapacityPairs,
    Greedy,
    MilpOutcome,
    Solver,
    capacitated_milp,
    celf,
    coverage_greedy,
    mclp_milp,
    min_sites_milp,
    pad_greedy,
    picked,
    pmedian_milp,
)
from ccgeo.errors import InputError, check_cancel
from ccgeo.i18n import _, ngettext
from ccgeo.labels import format_percent, format_share, format_threshold
from ccgeo.model.settings import Snapping
from ccgeo.model.siting import SitingResult
from ccgeo.network.isochrones import INCLUSIVE_TOLERANCE_S
from ccgeo.progress import ProgressCallback, report_progress, scaled_progress

if TYPE_CHECKING:
    import threading

    import geopandas as gpd

    from ccgeo.model.demand import Demand
    from ccgeo.model.facilities import Facilities
    from ccgeo.model.network import Network

#: How the hubs of a result are ranked (recorded in its settings).
RANK_RULE = (
    "greedy over the chosen set: each hub's gain is what it adds given the hubs ranked before it"
)


class SitingModel:
    """Shared data and machinery of the siting models (see `MCLP`, `PMedian`, `LSCP`).

    Parameters
    ----------
    cost
        ``(n_demand, n_candidates)`` sparse seconds; a stored entry is a pair within
        ``max_seconds``.
    weights
        ``(n_demand,)`` demand of each point (people, or tests per year).
    max_seconds
        The coverage limit, seconds, inclusive.
    existing_seconds
        ``(n_demand,)`` seconds to the nearest existing lab (``inf`` beyond reach); these labs
        are fixed as open.
    candidates
        GeoDataFrame with `CANDIDATE_COLUMNS` (ids, names, places, capacity), one per column.
    population, district_ids, district_names
        For the before/after table (default: the weights, no districts).
    existing_cost, existing_capacity
        Sparse seconds from demand to each existing lab and their capacities (tests per year,
        NaN unlimited); needed only for the capacity constraint.
    weight_unit, build_seconds, warnings, extra_settings
        Recorded in the result: the unit of ``weights``, the time spent building the model
        (seconds), what the planner should know, further settings.
    """

    name: ClassVar[str] = ""
    #: Whether pairs of demand already covered by existing labs matter to the objective.
    needs_covered_rows: ClassVar[bool] = True

    def __init__(
        self,
        cost: sp.csr_matrix,
        weights: np.ndarray,
        *,
        max_seconds: float,
        existing_seconds: np.ndarray | None = None,
        candidates: gpd.GeoDataFrame | None = None,
        population: np.ndarray | None = None,
        district_ids: np.ndarray | None = None,
        district_names: Mapping[str, str] | None = None,
        existing_cost: sp.csr_matrix | None = None,
        existing_capacity: np.ndarray | None = None,
        weight_unit: str = "people",
        build_seconds: float = 0.0,
        warnings: Sequence[str] = (),
        extra_settings: Mapping[str, Any] | None = None,
    ) -> None:
        cost = sp.csr_matrix(cost)
        n, m = cost.shape
        w = np.asarray(weights, dtype=np.float64).ravel()
        e = np.full(n, np.inf) if existing_seconds is None else np.asarray(existing_seconds, float)
        _check_model_inputs(cost, w, max_seconds, e)
        if candidates is None:
            candidates = unplaced_candidates(
                [f"site-{j}" for j in range(m)], [_("site {n}").format(n=j) for j in range(m)]
            )
        if len(candidates) != m:
            msg = _("{count} candidates for a matrix of {m} columns; give one per column")
            msg = msg.format(count=len(candidates), m=m)
            raise InputError(msg)
        self.cost: sp.csr_matrix = cost
        self.weights = w
        self.max_seconds = float(max_seconds)
        self.existing_seconds = e
        self.candidates = candidates.reset_index(drop=True)
        self.population = w if population is None else np.asarray(population, dtype=np.float64)
        self.district_ids = (
            np.full(n, "", dtype=object) if district_ids is None else np.asarray(district_ids)
        )
        self.district_names = dict(district_names) if district_names else None
        self.existing_cost = None if existing_cost is None else sp.csr_matrix(existing_cost)
        self.existing_capacity = existing_capacity
        self.weight_unit = weight_unit
        self.build_seconds = float(build_seconds)
        self.warnings = tuple(warnings)
        self.extra_settings = dict(extra_settings or {})
        #: The limit with the inclusive tolerance, seconds: a time at most this is within it.
        self.limit_seconds = self.max_seconds + INCLUSIVE_TOLERANCE_S

    # -- constructors ------------------------------------------------------------------------

    @classmethod
    def from_cost_matrix(
        cls,
        cost_matrix: np.ndarray | sp.spmatrix,
        weights: np.ndarray,
        *,
        max_seconds: float,
        existing_seconds: np.ndarray | None = None,
        candidate_ids: Sequence[str] | None = None,
        **options: Any,
    ) -> Self:
        """A model from a demand × candidate matrix of seconds.

        Parameters
        ----------
        cost_matrix
            Seconds from each demand point (rows) to each candidate (columns): a dense array
            (``inf`` or NaN where unreachable; pairs beyond ``max_seconds`` are dropped) or a
            sparse matrix whose stored entries are the pairs within the limit.
        weights
            Demand per row (people, or tests per year).
        max_seconds
            Coverage limit, seconds, inclusive.
        existing_seconds
            Seconds from each row to the nearest existing lab (fixed open); default none.
        candidate_ids
            Ids of the columns (default ``site-0``, ``site-1``, ...).
        **options
            Further keyword arguments of the model class (``penalty_seconds`` for `PMedian`,
            ``capacity`` ...).
        """
        csr = pairs_within(cost_matrix, max_seconds)
        candidates = options.pop("candidates", None)
        if candidates is None and candidate_ids is not None:
            candidates = unplaced_candidates(candidate_ids)
        return cls(
            csr,
            weights,
            max_seconds=max_seconds,
            existing_seconds=existing_seconds,
            candidates=candidates,
            **options,
        )

    @classmethod
    def from_network(
        cls,
        net: Network,
        demand: Demand | gpd.GeoDataFrame,
        candidates: gpd.GeoDataFrame,
        existing_labs: Facilities | gpd.GeoDataFrame | np.ndarray | None,
        *,
        minutes: float,
        snapping: Snapping | None = None,
        districts: gpd.GeoDataFrame | None = None,
        tests_per_person_year: float | None = None,
        capacity: bool = False,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
        **options: Any,
    ) -> Self:
        """A model on a road network: bounded searches from every candidate, none all-pairs.

        Parameters
        ----------
        net, demand
            The road network of the travel mode; where people live (`Demand` or points).
        candidates
            Candidate sites (from `candidates_from_facilities`, `candidates_grid`, ...).
        existing_labs
            Labs able to do the test, fixed as open (Facilities, points, lon/lat), or None.
        minutes
            Coverage limit, minutes, inclusive.
        snapping
            How people, labs and sites are tied to the network (`ccgeo.analysis.placement`;
            default `Snapping()`); labs and sites left out are listed in the warnings.
        districts
            District polygons, for names and the before/after table.
        tests_per_person_year
            When given, demand is counted in tests per year: population × this rate (cancer
            incidence × share eligible for the test); needed with ``capacity``.
        capacity
            Build the existing labs' own catchments too, for the capacity constraint.
        progress, cancel, **options
            ``progress(fraction, text)``, a `threading.Event`, and further keyword arguments
            of the model class.

        Raises
        ------
        InputError
            Bad minutes, no demand, or no candidate usable on the network.
        """
        t0 = time.perf_counter()
        if not (minutes > 0 and math.isfinite(minutes)):
            msg = _("`minutes` should be a positive number of minutes, got {value!r}")
            msg = msg.format(value=minutes)
            raise InputError(msg)
        snapping, max_seconds = snapping or Snapping(), float(minutes) * 60.0
        inputs = network_inputs(
            net,
            demand,
            candidates,
            existing_labs,
            max_seconds=max_seconds,
            snapping=snapping,
            districts=districts,
            tests_per_person_year=tests_per_person_year,
            covered_rows=cls.needs_covered_rows or capacity,
            lab_cost=capacity,
            progress=progress,
            cancel=cancel,
        )
        return cls(
            inputs.cost,
            inputs.weights,
            max_seconds=max_seconds,
            build_seconds=time.perf_counter() - t0,
            **inputs.model_options(),
            **({"capacity": True} if capacity else {}),
            **options,
        )

    # -- shared pieces -----------------------------------------------------------------------

    @property
    def n_candidates(self) -> int:
        """Number of candidate sites (matrix columns)."""
        return int(self.cost.shape[1])

    @property
    def weight_total(self) -> float:
        """All demand, off-network and unreachable included."""
        return float(self.weights.sum())

    def covered_before(self) -> np.ndarray:
        """Demand rows within the limit of an existing lab."""
        return self.existing_seconds <= self.limit_seconds

    def seconds_after(self, chosen: np.ndarray) -> np.ndarray:
        """Seconds from each row to the nearest existing lab or chosen site within the limit."""
        return np.minimum(self.existing_seconds, row_min(self.cost, chosen))

    def set_gain(self, best_new: np.ndarray, chosen: np.ndarray) -> float:
        """Objective gain of opening ``chosen`` (larger is better), given each row's best time
        over them (``inf`` where none within the limit)."""
        covered = (self.existing_seconds <= self.limit_seconds) | (best_new <= self.limit_seconds)
        return float(self.weights[covered].sum()) - float(self.weights[self.covered_before()].sum())

    def coverage_pattern(self) -> tuple[sp.csc_matrix, np.ndarray]:
        """Rows not yet covered that some candidate covers, identical rows merged.

        Returns the 0/1 pattern (rows × candidates, CSC) and the summed weight of each row.
        """
        need = ~self.covered_before() & (np.diff(self.cost.indptr) > 0) & (self.weights > 0)
        sub = self.cost[np.flatnonzero(need)]
        if sub.shape[0] == 0:
            return sp.csc_matrix((0, sub.shape[1])), np.zeros(0)
        reps, w = merge_identical_rows(sub, self.weights[need])
        pattern = sub[reps]
        pattern.data = np.ones_like(pattern.data)
        return pattern.tocsc(), w

    def _check_hubs(self, hubs: int) -> int:
        if isinstance(hubs, bool) or int(hubs) != hubs or hubs < 1:
            msg = _("the number of new hubs should be a whole number of 1 or more, got {value!r}")
            msg = msg.format(value=hubs)
            raise InputError(msg)
        m = self.n_candidates
        if hubs > m:
            msg = ngettext(
                "{hubs} new hubs were asked for but there are only {m} candidate sites; ask for "
                "{m} or fewer, or add candidates (grid sites, your own sites)",
                "{hubs} new hubs were asked for but there are only {m} candidate sites; ask for "
                "{m} or fewer, or add candidates (grid sites, your own sites)",
                m,
            ).format(hubs=hubs, m=m)
            raise InputError(msg)
        return int(hubs)

    def _check_reach(self) -> None:
        if self.cost.nnz == 0:
            minutes = self.max_seconds / 60.0
            share = float(self.weights[self.covered_before()].sum()) / max(self.weight_total, 1e-12)
            msg = _(
                "none of the {count} candidate sites brings anyone new within {minutes} "
                "(existing labs already reach {share} of demand; the others are beyond every "
                "candidate); raise the time limit or add candidates nearer to the people not yet "
                "served"
            ).format(
                count=self.n_candidates,
                minutes=format_threshold(minutes),
                share=format_share(share),
            )
            raise InputError(msg)

    def _choose_solver(self, solver: str, pairs: int, *, max_pairs: int = MILP_MAX_PAIRS) -> str:
        if solver not in ("auto", "milp", "greedy"):
            msg = _("`solver` should be 'auto', 'milp' or 'greedy', got {solver!r}")
            msg = msg.format(solver=solver)
            raise InputError(msg)
        if solver == "auto":
            return "milp" if pairs <= max_pairs else "greedy"
        return solver

    def _mean_minutes(self, seconds: np.ndarray) -> float:
        total = self.weight_total
        if total <= 0:
            return float("nan")
        capped = np.minimum(seconds, self._cap_seconds())
        return float((self.weights * capped).sum() / total / 60.0)

    def _cap_seconds(self) -> float:
        return self.max_seconds

    def _curve(
        self,
        upto: int,
        *,
        method: str,
        time_limit_s: float,
        cancel: threading.Event | None,
        progress: ProgressCallback | None,
        pattern: tuple[sp.csc_matrix, np.ndarray] | None = None,
    ) -> pd.DataFrame:
        """The coverage curve for 1..``upto`` hubs from its own greedy (empty when 0)."""
        if not upto:
            return empty_curve()
        csc, w = pattern if pattern is not None else self.coverage_pattern()
        greedy = coverage_greedy(csc, w, upto, cancel=cancel)
        return coverage_curve(
            self,
            csc,
            w,
            greedy,
            method=method,
            upto=upto,
            time_limit_s=time_limit_s,
            cancel=cancel,
            progress=scaled_progress(progress, 0.5, 0.95),
        )

    def _result(
        self,
        *,
        chosen: np.ndarray,
        objective: float,
        bound: float,
        solver: str,
        status: str,
        t0: float,
        curve: pd.DataFrame,
        maximize: bool,
        warnings: Sequence[str] = (),
        settings: Mapping[str, Any] | None = None,
    ) -> SitingResult:
        order, gains, covered = rank_hubs(self, chosen)
        scale = max(abs(objective), abs(bound), 1e-12)
        gap = abs(bound - objective) / scale if math.isfinite(bound) else float("inf")
        if not maximize:
            gap = max(objective - bound, 0.0) / scale
        return SitingResult(
            model=self.name,
            objective=float(objective),
            bound=float(bound),
            gap=float(gap),
            solver=solver,
            status=status,
            seconds=time.perf_counter() - t0,
            build_seconds=self.build_seconds,
            hubs=hubs_table(self, order, gains, covered),
            curve=curve,
            districts=districts_before_after(self, order),
            totals=self._totals(self.seconds_after(order)),
            settings={
                **self.extra_settings,
                "model": self.name,
                "minutes": self.max_seconds / 60.0,
                "candidate_sites": self.n_candidates,
                "demand_points": int(self.cost.shape[0]),
                "weight_unit": self.weight_unit,
                "rank_rule": RANK_RULE,
                **dict(settings or {}),
            },
            warnings=(*self.warnings, *warnings),
        )

    def _totals(self, after: np.ndarray) -> dict[str, float]:
        before = self.existing_seconds
        total = self.weight_total
        cov_before = float(self.weights[before <= self.limit_seconds].sum())
        cov_after = float(self.weights[after <= self.limit_seconds].sum())
        return {
            "weight_total": total,
            "covered_before": cov_before,
            "covered_after": cov_after,
            "share_before": cov_before / total if total > 0 else float("nan"),
            "share_after": cov_after / total if total > 0 else float("nan"),
            "mean_minutes_before": self._mean_minutes(before),
            "mean_minutes_after": self._mean_minutes(after),
        }


def _check_model_inputs(
    cost: sp.csr_matrix, w: np.ndarray, max_seconds: float, existing: np.ndarray
) -> None:
    n = cost.shape[0]
    if w.shape != (n,):
        msg = _("{count} demand weights for a matrix of {n} demand rows; give one per row")
        msg = msg.format(count=len(w), n=n)
        raise InputError(msg)
    if not (np.isfinite(w).all() and (w >= 0).all()):
        bad = int(np.flatnonzero(~(np.isfinite(w) & (w >= 0)))[0])
        msg = _("demand weights should be 0 or more; row {row} holds {value!r}")
        msg = msg.format(row=bad, value=w[bad])
        raise InputError(msg)
    if not (max_seconds > 0 and math.isfinite(max_seconds)):
        msg = _("the time limit should be a positive number of seconds, got {value!r}")
        msg = msg.format(value=max_seconds)
        raise InputError(msg)
    if cost.nnz and (cost.data < 0).any():
        msg = _("travel times in the cost matrix should be 0 seconds or more")
        raise InputError(msg)
    if existing.shape != (n,):
        msg = _("{count} existing-lab times for {n} demand rows; give one per row")
        msg = msg.format(count=len(existing), n=n)
        raise InputError(msg)


# -- MCLP ----------------------------------------------------------------------------------------


class MCLP(SitingModel):
    """Maximal covering: the most demand newly within the limit with ``hubs`` new hubs.

    Existing labs are fixed as open: demand they already reach counts as covered and the
    objective counts only demand the new hubs bring within reach. With ``capacity=True`` it is
    the capacitated MCLP: demand (tests per year) is assigned to labs within the limit, a lab
    serves at most its capacity (fractional assignment allowed: a district's demand may split
    between two labs), and the objective is the demand newly served.

    Build with `MCLP.from_cost_matrix` or `MCLP.from_network`, then `solve`.
    """

    name: ClassVar[str] = "mclp"
    needs_covered_rows: ClassVar[bool] = False

    def __init__(
        self,
        cost: sp.csr_matrix,
        weights: np.ndarray,
        *,
        capacity: bool = False,
        capacities: np.ndarray | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(cost, weights, **kwargs)
        self.capacity = bool(capacity)
        caps = (
            self.candidates["capacity_tests_per_year"].to_numpy(dtype=np.float64)
            if capacities is None
            else np.asarray(capacities, dtype=np.float64)
        )
        if caps.shape != (self.n_candidates,):
            msg = _("{count} capacities for {m} candidates; give one each")
            msg = msg.format(count=len(caps), m=self.n_candidates)
            raise InputError(msg)
        if self.capacity and (caps < 0).any():
            msg = _("site capacities should be 0 or more tests per year")
            raise InputError(msg)
        self.capacities = caps
        self._served_cache: dict[tuple[int, ...], float] = {}

    def set_gain(self, best_new: np.ndarray, chosen: np.ndarray) -> float:
        """As `SitingModel.set_gain`; with ``capacity``, the demand newly served."""
        if self.capacity:
            return self._served(chosen) - self._served_base
        return super().set_gain(best_new, chosen)

    def solve(
        self,
        hubs: int = 3,
        *,
        solver: Solver = "auto",
        time_limit_s: float = 60.0,
        curve_hubs: int = DEFAULT_CURVE_HUBS,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> SitingResult:
        """Choose the hubs.

        Parameters
        ----------
        hubs
            Number of new hubs (p).
        solver
            ``"milp"`` (exact, HiGHS), ``"greedy"`` (lazy greedy with a bound) or ``"auto"``
            (MILP unless the instance has more than `MILP_MAX_PAIRS` pairs).
        time_limit_s
            HiGHS time limit per MILP, seconds; when hit, the best solution is kept and the
            gap reported.
        curve_hubs
            Compute the coverage curve for 1..``curve_hubs`` hubs (0: none).
        progress, cancel
            ``progress(fraction, text)`` and a `threading.Event`.

        Raises
        ------
        InputError
            Too many hubs for the candidates, nothing in reach, or a solver failure.
        Cancelled
            If ``cancel`` is set.
        """
        t0 = time.perf_counter()
        p = self._check_hubs(hubs)
        self._check_reach()
        check_cancel(cancel)
        report_progress(progress, 0.0, _("preparing the coverage model"))
        pattern, w = self.coverage_pattern()
        if self.capacity:
            return self._solve_capacitated(p, t0, time_limit_s, curve_hubs, progress, cancel)
        method = self._choose_solver(solver, pattern.nnz)
        upto = min(max(int(curve_hubs), 0), self.n_candidates)
        greedy = coverage_greedy(pattern, w, max(p, upto), cancel=cancel)
        found = self._choose(method, pattern, w, p, greedy, time_limit_s, progress, cancel)
        chosen, objective, bound, status, solver_name, warnings = found
        curve = coverage_curve(
            self,
            pattern,
            w,
            greedy,
            method=method,
            upto=upto,
            time_limit_s=time_limit_s,
            cancel=cancel,
            progress=scaled_progress(progress, 0.5, 0.95),
            solved={p: (objective, bound)} if method == "milp" else None,
        )
        report_progress(progress, 1.0, _("hubs chosen"))
        return self._result(
            chosen=chosen,
            objective=objective,
            bound=bound,
            solver=solver_name,
            status=status,
            t0=t0,
            curve=curve,
            maximize=True,
            warnings=warnings,
            settings={"hubs": p, "objective": f"{self.weight_unit} newly within the limit"},
        )

    def _choose(
        self,
        method: str,
        pattern: sp.csc_matrix,
        w: np.ndarray,
        p: int,
        greedy: Greedy,
        time_limit_s: float,
        progress: ProgressCallback | None,
        cancel: threading.Event | None,
    ) -> tuple[np.ndarray, float, float, str, str, list[str]]:
        """The hubs by the MILP (``method == "milp"``) or the greedy, as `_exact` gives them."""
        if method != "milp":
            return _greedy_choice(greedy, p)
        text = ngettext(
            "solving the MILP for {hubs} hubs (HiGHS)",
            "solving the MILP for {hubs} hubs (HiGHS)",
            p,
        )
        report_progress(progress, 0.1, text.format(hubs=p))
        return self._exact(pattern, w, p, greedy, time_limit_s=time_limit_s, cancel=cancel)

    def _exact(
        self,
        pattern: sp.csc_matrix,
        w: np.ndarray,
        p: int,
        greedy: Greedy,
        *,
        time_limit_s: float,
        cancel: threading.Event | None,
    ) -> tuple[np.ndarray, float, float, str, str, list[str]]:
        """The MILP's hubs (the greedy's when better), objective, bound, status, solver, notes."""
        out = mclp_milp(pattern, w, p, greedy.order[:p], time_limit_s=time_limit_s, cancel=cancel)
        chosen = picked(out.x[: self.n_candidates], p)
        objective, bound, status = out.objective, out.bound, out.status
        bound = min(bound, float(greedy.bounds[p - 1]))
        if objective < float(greedy.gains[:p].sum()):
            chosen, objective = greedy.order[:p], float(greedy.gains[:p].sum())
        warnings = []
        if status != "optimal":
            gap = 100 * (bound - objective) / max(bound, 1e-12)
            warnings.append(_time_limit_text(time_limit_s, gap))
        return chosen, objective, bound, status, "highs-milp", warnings

    # -- capacity ------------------------------------------------------------------------------

    def _capacity_pairs(self) -> CapacityPairs:
        """Demand-lab pairs within the limit and capacities, candidates first.

        Existing labs given only as times (no catchments) form one unlimited lab.
        """
        big = self.weight_total + 1.0
        m = self.n_candidates
        cand_caps = np.where(np.isnan(self.capacities), big, self.capacities)
        n_of = np.diff(self.cost.indptr)
        rows = [np.repeat(np.arange(self.cost.shape[0]), n_of)]
        cols = [self.cost.indices.astype(np.int64)]
        if self.existing_cost is not None:
            ex = self.existing_cost
            rows.append(np.repeat(np.arange(ex.shape[0]), np.diff(ex.indptr)))
            cols.append(m + ex.indices.astype(np.int64))
            ex_caps = np.asarray(self.existing_capacity, dtype=np.float64)
            ex_caps = np.where(np.isnan(ex_caps), big, ex_caps)
        else:
            covered = np.flatnonzero(self.covered_before())
            rows.append(covered)
            cols.append(np.full(len(covered), m, dtype=np.int64))
            ex_caps = np.array([big])
        pi, pj = np.concatenate(rows), np.concatenate(cols)
        keep = self.weights[pi] > 0
        pi, pj = pi[keep], pj[keep]
        # demand points reaching the same labs are interchangeable under fractional assignment
        n_cols = m + len(ex_caps)
        both = sp.csr_matrix((np.ones(len(pi)), (pi, pj)), shape=(self.cost.shape[0], n_cols))
        used = np.flatnonzero(np.diff(both.indptr) > 0)
        if len(used) == 0:
            none = np.zeros(0, np.int64)
            return CapacityPairs(none, none, np.zeros(0), cand_caps, ex_caps)
        sub = both[used]
        reps, wr = merge_identical_rows(sub, self.weights[used])
        merged = sub[reps].tocoo()
        return CapacityPairs(
            merged.row.astype(np.int64), merged.col.astype(np.int64), wr, cand_caps, ex_caps
        )

    def _capacitated_lp(
        self,
        hubs: int,
        *,
        fixed_open: np.ndarray | None = None,
        start: np.ndarray | None = None,
        time_limit_s: float = 60.0,
        cancel: threading.Event | None = None,
    ) -> MilpOutcome:
        """The capacitated MCLP (`capacitated_milp`) on this model's pairs."""
        return capacitated_milp(
            self._capacity_pairs(),
            hubs,
            fixed_open=fixed_open,
            start=start,
            time_limit_s=time_limit_s,
            cancel=cancel,
        )

    def _served(self, chosen: np.ndarray) -> float:
        """Demand served (within the limit and the capacities) with ``chosen`` open: an LP."""
        key = tuple(sorted(int(j) for j in chosen))
        if key not in self._served_cache:
            out = self._capacitated_lp(len(key), fixed_open=np.asarray(key, dtype=np.int64))
            self._served_cache[key] = out.objective
        return self._served_cache[key]

    @property
    def _served_base(self) -> float:
        return self._served(np.empty(0, dtype=np.int64))

    def _solve_capacitated(
        self,
        p: int,
        t0: float,
        time_limit_s: float,
        curve_hubs: int,
        progress: ProgressCallback | None,
        cancel: threading.Event | None,
    ) -> SitingResult:
        base = self._served_base
        text = ngettext(
            "solving the capacitated MILP for {hubs} hubs (HiGHS)",
            "solving the capacitated MILP for {hubs} hubs (HiGHS)",
            p,
        )
        report_progress(progress, 0.1, text.format(hubs=p))
        upto = min(max(int(curve_hubs), 0), self.n_candidates)
        rows = []
        chosen = np.empty(0, dtype=np.int64)
        objective = bound = 0.0
        status = "optimal"
        # warm start: the uncapacitated greedy's sites with nobody assigned (always feasible)
        pattern, w = self.coverage_pattern()
        greedy = coverage_greedy(pattern, w, max(p, upto), cancel=cancel)
        for q in sorted({*range(1, upto + 1), p}):
            check_cancel(cancel)
            text = ngettext("capacitated MILP, {hubs} hubs", "capacitated MILP, {hubs} hubs", q)
            report_progress(progress, 0.1 + 0.8 * q / max(p, upto), text.format(hubs=q))
            out = self._capacitated_lp(
                q, start=greedy.order[:q], time_limit_s=time_limit_s, cancel=cancel
            )
            if q <= upto:
                gap = (out.bound - out.objective) / max(out.bound, 1e-12)
                rows.append(
                    curve_row(
                        q,
                        out.objective - base,
                        out.objective,
                        self.weight_total,
                        out.bound - base,
                        gap,
                        "milp",
                    )
                )
            if q == p:
                chosen = picked(out.x[: self.n_candidates], q)
                objective, bound, status = out.objective - base, out.bound - base, out.status
        return self._result(
            chosen=chosen,
            objective=objective,
            bound=bound,
            solver="highs-milp",
            status=status,
            t0=t0,
            curve=pd.DataFrame(rows, columns=list(CURVE_COLUMNS)),
            maximize=True,
            settings={
                "hubs": p,
                "capacity": True,
                "served_before": base,
                "objective": f"{self.weight_unit} newly served within the limit and capacity",
                "assignment": "fractional: a demand point may be split between labs",
            },
        )


def _time_limit_text(time_limit_s: float, gap_percent: float) -> str:
    """The caution of a result HiGHS stopped at its time limit, ``gap_percent`` from the
    optimum."""
    return _(
        "HiGHS reached its {seconds:g} s limit: the hubs are the best found, within {gap} "
        "of the optimum"
    ).format(seconds=time_limit_s, gap=format_percent(gap_percent, decimals=2))


def _greedy_choice(greedy: Greedy, p: int) -> tuple[np.ndarray, float, float, str, str, list[str]]:
    """The greedy's first ``p`` hubs, their gain, the bound, status and solver name."""
    objective = float(greedy.gains[:p].sum())
    bound = float(min(greedy.bounds[p - 1], objective / (1 - 1 / math.e)))
    status = "optimal" if bound - objective <= 1e-9 * max(bound, 1) else "heuristic"
    return greedy.order[:p], objective, bound, status, "greedy-celf", []


# -- p-median ------------------------------------------------------------------------------------


class PMedian(SitingModel):
    """p-median: the least population-weighted travel time with ``hubs`` new hubs.

    Each person's time is ``min(existing lab, chosen hubs, cap)``: times are found only up to
    the search limit (``max_seconds``), and anyone with no lab or hub within it counts at
    ``penalty_seconds`` (default: the limit itself). So the objective is a *capped* p-median;
    with the cap above every real time (a generous limit) it is the classic one. spopt's
    ``PMedian`` on the dense matrix ``min(t_ij, penalty)`` (penalty where unreachable) has the
    same optimum.

    Parameters
    ----------
    penalty_seconds
        Time counted for demand beyond the limit of every lab and hub, seconds (≥ the limit).
    """

    name: ClassVar[str] = "pmedian"

    def __init__(
        self,
        cost: sp.csr_matrix,
        weights: np.ndarray,
        *,
        penalty_seconds: float | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(cost, weights, **kwargs)
        penalty = self.max_seconds if penalty_seconds is None else float(penalty_seconds)
        if not (penalty >= self.max_seconds and math.isfinite(penalty)):
            msg = _(
                "`penalty_seconds` should be at least the time limit ({limit:g} s), got {value!r}"
            ).format(limit=self.max_seconds, value=penalty_seconds)
            raise InputError(msg)
        self.penalty_seconds = penalty

    def _cap_seconds(self) -> float:
        return self.penalty_seconds

    def _fallback(self) -> np.ndarray:
        e = np.where(self.existing_seconds <= self.limit_seconds, self.existing_seconds, np.inf)
        return np.minimum(e, self.penalty_seconds)

    def set_gain(self, best_new: np.ndarray, chosen: np.ndarray) -> float:
        """The population-weighted seconds saved by opening ``chosen``."""
        f = self._fallback()
        return float((self.weights * (f - np.minimum(f, best_new))).sum())

    def _improving_pairs(self) -> sp.csc_matrix:
        """Pairs that beat the person's fallback time (others can never be used)."""
        coo = self.cost.tocoo()
        f = self._fallback()
        keep = (coo.data < f[coo.row]) & (self.weights[coo.row] > 0)
        return csr_from_pairs(coo.row[keep], coo.col[keep], coo.data[keep], coo.shape).tocsc()

    def solve(
        self,
        hubs: int = 3,
        *,
        solver: Solver = "auto",
        time_limit_s: float = 60.0,
        curve_hubs: int = DEFAULT_CURVE_HUBS,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> SitingResult:
        """Choose the hubs minimising the population-weighted (capped) travel time.

        Parameters are those of `MCLP.solve`; the coverage curve is the MCLP one (people within
        the limit for 1..``curve_hubs`` hubs), for comparison.
        """
        t0 = time.perf_counter()
        p = self._check_hubs(hubs)
        self._check_reach()
        check_cancel(cancel)
        report_progress(progress, 0.0, _("preparing the p-median model"))
        pairs = self._improving_pairs()
        method = self._choose_solver(solver, pairs.nnz, max_pairs=PMEDIAN_MILP_MAX_PAIRS)
        chosen, objective, bound, solver_name, warnings = self._choose(
            pairs, p, method, time_limit_s=time_limit_s, progress=progress, cancel=cancel
        )
        if objective - bound <= 1e-9 * max(abs(objective), 1.0):
            status = "optimal"
        else:
            status = "time_limit" if method == "milp" else "heuristic"
        upto = min(max(int(curve_hubs), 0), self.n_candidates)
        curve = self._curve(
            upto, method=method, time_limit_s=time_limit_s, cancel=cancel, progress=progress
        )
        penalty_minutes = self.penalty_seconds / 60.0
        return self._result(
            chosen=chosen,
            objective=objective,
            bound=bound,
            solver=solver_name,
            status=status,
            t0=t0,
            curve=curve,
            maximize=False,
            warnings=warnings,
            settings={
                "hubs": p,
                "penalty_minutes": penalty_minutes,
                "objective": (
                    f"{self.weight_unit} × seconds to the nearest lab, each time capped at "
                    f"{penalty_minutes:g} min (unreachable counts as the cap)"
                ),
                "mean_minutes": objective / max(self.weight_total, 1e-12) / 60.0,
            },
        )

    def _choose(
        self,
        pairs: sp.csc_matrix,
        p: int,
        method: str,
        *,
        time_limit_s: float,
        progress: ProgressCallback | None,
        cancel: threading.Event | None,
    ) -> tuple[np.ndarray, float, float, str, list[str]]:
        """The greedy's hubs, improved by the MILP with ``method="milp"``: hubs, objective,
        bound, solver name and notes."""
        f = self._fallback()
        base = float((self.weights * f).sum())
        greedy = celf(pairs, self.weights, f, p, values=pairs.data, cancel=cancel)
        greedy = pad_greedy(greedy, self.n_candidates, p)
        chosen = greedy.order[:p]
        objective = base - float(greedy.gains[:p].sum())
        bound = base - float(greedy.bounds[p - 1])
        if method != "milp":
            return chosen, objective, bound, "greedy-celf", []
        text = ngettext(
            "solving the p-median MILP for {hubs} hubs (HiGHS)",
            "solving the p-median MILP for {hubs} hubs (HiGHS)",
            p,
        )
        report_progress(progress, 0.1, text.format(hubs=p))
        out = pmedian_milp(
            pairs, self.weights, f, p, chosen, time_limit_s=time_limit_s, cancel=cancel
        )
        # HiGHS's incumbent started from the greedy, so it is never worse
        if base + out.objective <= objective:
            chosen = picked(out.x[: self.n_candidates], p)
            objective = base + out.objective
        bound = max(bound, base + out.bound)
        warnings = []
        if out.status != "optimal":
            gap = 100 * (objective - bound) / max(objective, 1e-12)
            warnings.append(_time_limit_text(time_limit_s, gap))
        return chosen, objective, bound, "highs-milp", warnings


# -- LSCP ----------------------------------------------------------------------------------------


class LSCP(SitingModel):
    """Target coverage: the fewest new hubs that bring the share within the limit to a target.

    The share counts all demand (off-network and unreachable people included), and existing
    labs count toward it. ``target_share = 1`` is the classic LSCP (cover everyone). Among the
    solutions with the fewest hubs, the one covering the most demand is returned (a second
    MILP: MCLP with that many hubs), so the hubs are not merely enough but the best of their
    number.
    """

    name: ClassVar[str] = "lscp"
    needs_covered_rows: ClassVar[bool] = False

    def solve(
        self,
        target_share: float = 0.8,
        *,
        solver: Solver = "auto",
        time_limit_s: float = 60.0,
        curve_hubs: int = DEFAULT_CURVE_HUBS,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> SitingResult:
        """Find the fewest hubs reaching ``target_share`` of demand within the limit.

        Parameters
        ----------
        target_share
            Share of all demand to bring within the limit, 0..1 (0.8: the Lancet Commission's
            80 %-within-2-hours indicator when the limit is 120 min).
        solver, time_limit_s, curve_hubs, progress, cancel
            As in `MCLP.solve`. The greedy's lower bound on the number of hubs is the fewest
            sites whose single-site gains could add up to the need.

        Raises
        ------
        InputError
            When even opening every candidate cannot reach the target (the message gives the
            best share possible).
        """
        t0 = time.perf_counter()
        if not (0 < target_share <= 1):
            msg = _("`target_share` should be a share between 0 and 1 (0.8 = 80 %), got {value!r}")
            msg = msg.format(value=target_share)
            raise InputError(msg)
        self._check_reach()
        total = self.weight_total
        need = target_share * total - float(self.weights[self.covered_before()].sum())
        pattern, w = self.coverage_pattern()
        settings: dict[str, Any] = {
            "target_share": float(target_share),
            "objective": "number of new hubs",
        }
        if need <= 1e-9 * max(total, 1.0):
            return self._nothing_needed(target_share, t0, settings)
        self._check_target(target_share, float(w.sum()))
        method = self._choose_solver(solver, pattern.nnz)
        chosen, p_opt, lower, status, solver_name = self._fewest(
            pattern, w, need, method, time_limit_s=time_limit_s, progress=progress, cancel=cancel
        )
        upto = min(max(int(curve_hubs), 0), self.n_candidates)
        curve = self._curve(
            upto,
            method=method,
            time_limit_s=time_limit_s,
            cancel=cancel,
            progress=progress,
            pattern=(pattern, w),
        )
        settings["hubs_lower_bound"] = int(lower)
        return self._result(
            chosen=chosen,
            objective=float(p_opt),
            bound=float(lower),
            solver=solver_name,
            status=status,
            t0=t0,
            curve=curve,
            maximize=False,
            settings=settings,
        )

    def _nothing_needed(
        self, target_share: float, t0: float, settings: dict[str, Any]
    ) -> SitingResult:
        """The result when the existing labs already meet the target: no hub, a note."""
        base = float(self.weights[self.covered_before()].sum())
        msg = _(
            "the existing labs already bring {share} within {minutes}, at or above the target "
            "{target}: no new hub is needed"
        ).format(
            share=format_share(base / self.weight_total),
            minutes=format_threshold(self.max_seconds / 60.0),
            target=format_percent(100 * target_share, decimals=None),
        )
        return self._result(
            chosen=np.empty(0, dtype=np.int64),
            objective=0.0,
            bound=0.0,
            solver="none",
            status="optimal",
            t0=t0,
            curve=empty_curve(),
            maximize=False,
            warnings=[msg],
            settings=settings,
        )

    def _check_target(self, target_share: float, reachable: float) -> None:
        """Refuse a target that even every candidate together cannot meet, with the best share."""
        total = self.weight_total
        best = float(self.weights[self.covered_before()].sum()) + reachable
        if best < target_share * total - 1e-9 * max(total, 1.0):
            msg = _(
                "even opening all {count} candidates covers only {share} within {minutes}; the "
                "target {target} cannot be met: lower it or add grid candidates"
            ).format(
                count=self.n_candidates,
                share=format_share(best / total),
                minutes=format_threshold(self.max_seconds / 60.0),
                target=format_percent(100 * target_share, decimals=None),
            )
            raise InputError(msg)

    def _fewest(
        self,
        pattern: sp.csc_matrix,
        w: np.ndarray,
        need: float,
        method: str,
        *,
        time_limit_s: float,
        progress: ProgressCallback | None,
        cancel: threading.Event | None,
    ) -> tuple[np.ndarray, int, int, str, str]:
        """The fewest hubs adding ``need``: hubs, their number, a lower bound, status, solver."""
        tol = 1e-9 * max(self.weight_total, 1.0)
        m = self.n_candidates
        greedy = celf(pattern, w, np.ones(len(w)), m, bound_picks=0, target=need, cancel=cancel)
        p_greedy = int(np.argmax(np.cumsum(greedy.gains) >= need - tol)) + 1
        # no p sites can add more than the p largest single-site gains
        singles = np.sort(np.asarray(pattern.T @ w).ravel())[::-1]
        p_lower = int(np.argmax(np.cumsum(singles) >= need - tol)) + 1
        if method != "milp":
            status = "optimal" if p_lower >= p_greedy else "heuristic"
            return greedy.order[:p_greedy], p_greedy, p_lower, status, "greedy-celf"
        report_progress(progress, 0.1, _("solving the fewest-hubs MILP (HiGHS)"))
        out = min_sites_milp(
            pattern,
            w,
            need,
            greedy.order[:p_greedy],
            slack=tol,
            time_limit_s=time_limit_s,
            cancel=cancel,
        )
        p_opt = round(out.objective)
        lower = max(p_lower, math.ceil(out.bound - 1e-6))
        # the best coverage with that many hubs
        start = picked(out.x[:m], p_opt)
        cover = mclp_milp(pattern, w, p_opt, start, time_limit_s=time_limit_s, cancel=cancel)
        chosen = picked(cover.x[:m], p_opt)
        status = "optimal" if out.status == "optimal" and lower >= p_opt else out.status
        return chosen, p_opt, lower, status, "highs-milp"
