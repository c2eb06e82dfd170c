"""The solvers of the siting models: exact MILPs with HiGHS, and the lazy greedy (CELF) with its
online bound for instances too large for a MILP.

The MILP formulations (maximal covering, fewest sites, p-median, capacitated covering) are plain
functions of sparse matrices; the model classes of `ccgeo.analysis.siting.models` build them.
"""

from __future__ import annotations

import heapq
import os
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ccgeo.errors import InputError, check_cancel
from ccgeo.i18n import _, ngettext

if TYPE_CHECKING:
    import threading

#: With ``solver="auto"``, instances with more (aggregated) demand-candidate pairs than this go
#: to the lazy greedy: a HiGHS MILP of that size takes minutes and gigabytes.
MILP_MAX_PAIRS = 2_000_000
#: The same for p-median, whose MILP has one variable and one row per pair.
PMEDIAN_MILP_MAX_PAIRS = 200_000
#: Relative gap at which HiGHS stops: small enough that the optimum matches other exact solvers.
MILP_REL_GAP = 1e-9

Solver = Literal["auto", "milp", "greedy"]


# -- HiGHS ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MilpOutcome:
    """A HiGHS solution: the column values, objective, best bound and ``"optimal"`` or
    ``"time_limit"``."""

    x: np.ndarray
    objective: float
    bound: float
    status: str


_BANNER_SHOWN = False


def new_highs() -> Any:
    """A silent HiGHS instance.

    HiGHS prints its banner to the process's stdout when the first instance is made, before
    any option can be set; that line would corrupt a command's machine-readable output, so the
    first construction runs with file descriptor 1 pointed at the null device.
    """
    global _BANNER_SHOWN
    import highspy

    if _BANNER_SHOWN:
        h = highspy.Highs()
    else:
        sys.stdout.flush()
        saved = os.dup(1)
        try:
            with open(os.devnull, "wb") as null:
                os.dup2(null.fileno(), 1)
                h = highspy.Highs()
        finally:
            os.dup2(saved, 1)
            os.close(saved)
        _BANNER_SHOWN = True
    h.setOptionValue("output_flag", False)
    return h


def solve_milp(
    *,
    cost: np.ndarray,
    lower: np.ndarray,
    upper: np.ndarray,
    integer: np.ndarray,
    matrix: sp.csc_matrix,
    row_lower: np.ndarray,
    row_upper: np.ndarray,
    maximize: bool,
    time_limit_s: float,
    start: np.ndarray | None,
    cancel: threading.Event | None,
    what: str,
    presolve: bool = False,
) -> MilpOutcome:
    """Solve one MILP (or LP when nothing is integer) with HiGHS; errors become InputError.

    ``start`` is a feasible column vector handed to HiGHS as its first incumbent; ``what``
    names the model in messages; ``presolve`` turns HiGHS's presolve on (see `_configured`).
    """
    import highspy

    h = _configured(time_limit_s, presolve=presolve)
    h.passModel(
        _highs_lp(cost, lower, upper, integer, matrix, row_lower, row_upper, maximize=maximize)
    )
    if start is not None and integer.any():
        sol = highspy.HighsSolution()
        sol.col_value = np.asarray(start, np.float64).tolist()
        sol.value_valid = True
        h.setSolution(sol)
    if cancel is not None:

        def interrupt(event: Any) -> None:
            if cancel.is_set():
                event.interrupt()

        h.cbMipInterrupt.subscribe(interrupt)
        h.cbSimplexInterrupt.subscribe(interrupt)
    h.run()
    check_cancel(cancel)
    label = _status_label(h, time_limit_s=time_limit_s, what=what)
    info = h.getInfo()
    x = np.asarray(h.getSolution().col_value, dtype=np.float64)
    objective = float(info.objective_function_value)
    bound = objective
    if integer.any() and label != "optimal":
        bound = float(info.mip_dual_bound)
    return MilpOutcome(x, objective, bound, label)


def _configured(time_limit_s: float, *, presolve: bool) -> Any:
    h = new_highs()
    h.setOptionValue("time_limit", float(time_limit_s))
    h.setOptionValue("mip_rel_gap", MILP_REL_GAP)
    h.setOptionValue("threads", 1)
    # the greedy warm start is a good incumbent already; this heuristic costs 0.1 s per solve
    h.setOptionValue("mip_heuristic_run_feasibility_jump", False)
    # HiGHS's presolve probes every coverage variable as an implied binary: on covering models
    # that costs seconds (16 s of 18 s on a 2,000 × 200 instance) and saves nothing; the
    # assignment models (capacity, p-median) need it (1.5 s with it, > 20 s without)
    h.setOptionValue("presolve", "on" if presolve else "off")
    return h


def _highs_lp(
    cost: np.ndarray,
    lower: np.ndarray,
    upper: np.ndarray,
    integer: np.ndarray,
    matrix: sp.csc_matrix,
    row_lower: np.ndarray,
    row_upper: np.ndarray,
    *,
    maximize: bool,
) -> Any:
    import highspy

    lp = highspy.HighsLp()
    n_col, n_row = len(cost), len(row_lower)
    lp.num_col_, lp.num_row_ = n_col, n_row
    lp.col_cost_ = np.asarray(cost, np.float64)
    lp.col_lower_ = np.asarray(lower, np.float64)
    lp.col_upper_ = np.asarray(upper, np.float64)
    lp.row_lower_ = np.asarray(row_lower, np.float64)
    lp.row_upper_ = np.asarray(row_upper, np.float64)
    lp.sense_ = highspy.ObjSense.kMaximize if maximize else highspy.ObjSense.kMinimize
    csc = matrix.tocsc()
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = csc.indptr.astype(np.int32)
    lp.a_matrix_.index_ = csc.indices.astype(np.int32)
    lp.a_matrix_.value_ = csc.data.astype(np.float64)
    lp.a_matrix_.num_col_, lp.a_matrix_.num_row_ = n_col, n_row
    if integer.any():
        kinds = np.where(integer, 1, 0)
        lp.integrality_ = [
            highspy.HighsVarType.kInteger if k else highspy.HighsVarType.kContinuous for k in kinds
        ]
    return lp


def _status_label(h: Any, *, time_limit_s: float, what: str) -> str:
    """``"optimal"`` or ``"time_limit"`` (a solution was found); InputError otherwise."""
    import highspy

    status = h.getModelStatus()
    name = h.modelStatusToString(status)
    has_solution = h.getInfo().primal_solution_status == 2  # kSolutionStatusFeasible
    if status == highspy.HighsModelStatus.kOptimal:
        return "optimal"
    if status in (
        highspy.HighsModelStatus.kTimeLimit,
        highspy.HighsModelStatus.kIterationLimit,
        highspy.HighsModelStatus.kSolutionLimit,
        highspy.HighsModelStatus.kInterrupt,
    ):
        if not has_solution:
            msg = _(
                "{what}: HiGHS stopped ({status}) after {seconds:g} s before finding any "
                "solution; raise the time limit or use the greedy solver"
            ).format(what=what, status=name, seconds=time_limit_s)
            raise InputError(msg)
        return "time_limit"
    if status == highspy.HighsModelStatus.kInfeasible:
        msg = _("{what}: the model has no solution (HiGHS: {status}); check the targets and sites")
        msg = msg.format(what=what, status=name)
        raise InputError(msg)
    msg = _("{what}: HiGHS could not solve the model (status {status}); try the greedy solver")
    msg = msg.format(what=what, status=name)
    raise InputError(msg)


def picked(y: np.ndarray, hubs: int) -> np.ndarray:
    """The ``hubs`` open sites of a MILP solution (largest values; integral up to tolerance)."""
    order = np.argsort(-np.asarray(y), kind="stable")[:hubs]
    return np.sort(order)


# -- lazy greedy ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Greedy:
    """A greedy run: the columns in pick order, the gain of each pick, and the best online upper
    bound on the optimal total gain of p picks, p = 1..``bound_picks``."""

    order: np.ndarray
    gains: np.ndarray
    bounds: np.ndarray


def celf(
    csc: sp.csc_matrix,
    weights: np.ndarray,
    start: np.ndarray,
    picks: int,
    *,
    values: np.ndarray | None = None,
    bound_picks: int | None = None,
    target: float | None = None,
    cancel: threading.Event | None = None,
) -> Greedy:
    """Lazy greedy (CELF) for a monotone submodular gain, with an online bound.

    Opening column ``j`` improves row ``i`` from its current value ``d_i`` to
    ``min(d_i, v_ij)``; its gain is ``sum_i w_i max(0, d_i - v_ij)``. MCLP is the case
    ``d = 1`` (not yet covered), ``v = 0``; p-median the case ``d`` = current time, ``v`` = time
    to ``j``. Stale gains are upper bounds of current ones (submodularity), so a popped column
    whose gain is fresh for this round is the best (Leskovec et al. 2007). For any set ``S``,
    the optimum of ``q`` picks is at most ``f(S) +`` the ``q`` largest gains over ``S`` (Minoux
    1978), and stale gains may stand in for those gains: the bound costs nothing extra.

    Parameters
    ----------
    csc
        Rows × columns pattern; ``values`` (default 0) are the row values after opening.
    weights, start
        Row weights and current row values ``d``.
    picks
        Columns to pick at most.
    values
        Row value after opening each pair's column (default 0: covered).
    bound_picks
        Bounds are kept for 1..``bound_picks`` picks (default ``picks``).
    target
        Stop as soon as the total gain reaches it (LSCP).
    cancel
        A `threading.Event`, checked every pick.
    """
    m = csc.shape[1]
    w = np.asarray(weights, dtype=np.float64)
    d = np.asarray(start, dtype=np.float64).copy()
    ptr, rows = csc.indptr, csc.indices
    vals = np.zeros(len(rows)) if values is None else np.asarray(values, dtype=np.float64)
    q = min(picks, m) if bound_picks is None else bound_picks
    col_of = np.repeat(np.arange(m), np.diff(ptr))

    def all_gains() -> np.ndarray:
        return np.bincount(col_of, weights=w[rows] * np.maximum(d[rows] - vals, 0.0), minlength=m)

    heap = [(-float(g), j, 0) for j, g in enumerate(all_gains().tolist())]
    heapq.heapify(heap)
    order: list[int] = []
    gains: list[float] = []
    best = np.full(q, np.inf)
    value = 0.0
    for rnd in range(min(picks, m)):
        check_cancel(cancel)
        if q:
            _tighten(best, value, np.array([-g for g, _, _ in heapq.nsmallest(q, heap)]))
        j, gain = _pop_fresh(heap, rnd, ptr, rows, w, d, vals)
        order.append(j)
        gains.append(gain)
        value += gain
        a, b = ptr[j], ptr[j + 1]
        d[rows[a:b]] = np.minimum(d[rows[a:b]], vals[a:b])
        if target is not None and value >= target:
            break
    if q:
        # exact gains over the final set: one vectorised pass, often the tightest bound
        exact = all_gains()
        exact[np.asarray(order, dtype=np.int64)] = 0.0
        _tighten(best, value, np.sort(exact)[::-1])
        # and the optimum of k picks is at least what the greedy found with k picks
        found = np.cumsum(np.asarray(gains, dtype=np.float64))[:q]
        found = np.concatenate([found, np.full(q - len(found), value)])
        best = np.maximum(best, found)
    return Greedy(np.asarray(order, dtype=np.int64), np.asarray(gains, dtype=np.float64), best)


def _tighten(best: np.ndarray, value: float, top: np.ndarray) -> None:
    """Lower ``best`` (bounds for 1..q picks) to ``value`` plus the largest gains ``top``."""
    q = len(best)
    top = np.concatenate([np.maximum(top[:q], 0.0), np.zeros(max(q - len(top), 0))])
    np.minimum(best, value + np.cumsum(top), out=best)


def _pop_fresh(
    heap: list[tuple[float, int, int]],
    rnd: int,
    ptr: np.ndarray,
    rows: np.ndarray,
    w: np.ndarray,
    d: np.ndarray,
    vals: np.ndarray,
) -> tuple[int, float]:
    """Pop columns, refreshing stale gains, until the top one is fresh for round ``rnd``."""
    while True:
        neg, j, seen = heapq.heappop(heap)
        if seen == rnd:
            return j, -neg
        a, b = ptr[j], ptr[j + 1]
        r = rows[a:b]
        g = float(np.dot(w[r], np.maximum(d[r] - vals[a:b], 0.0)))
        heapq.heappush(heap, (-g, j, rnd))


def pad_greedy(greedy: Greedy, m: int, picks: int) -> Greedy:
    """Fill a greedy run that stopped early (nothing left to gain) with unused columns."""
    if len(greedy.order) >= picks:
        return greedy
    rest = np.setdiff1d(np.arange(m), greedy.order)[: picks - len(greedy.order)]
    return Greedy(
        np.concatenate([greedy.order, rest]),
        np.concatenate([greedy.gains, np.zeros(len(rest))]),
        greedy.bounds,
    )


def coverage_greedy(
    pattern: sp.csc_matrix,
    w: np.ndarray,
    picks: int,
    *,
    cancel: threading.Event | None,
) -> Greedy:
    """The greedy of maximal covering for ``picks`` sites, padded to ``picks`` columns."""
    greedy = celf(pattern, w, np.ones(len(w)), picks, cancel=cancel)
    return pad_greedy(greedy, pattern.shape[1], picks)


# -- MILP formulations ---------------------------------------------------------------------------


def mclp_milp(
    pattern: sp.csc_matrix,
    w: np.ndarray,
    hubs: int,
    start: np.ndarray | None,
    *,
    time_limit_s: float,
    cancel: threading.Event | None,
) -> MilpOutcome:
    """max sum w_r x_r s.t. x_r <= sum_j a_rj y_j, sum y = hubs, y binary, 0 <= x <= 1.

    ``x`` may stay continuous: with ``y`` integral its best value is 0 or 1 anyway, and HiGHS
    branches on ``m`` variables instead of ``m + r``.
    """
    r, m = pattern.shape
    a = sp.hstack([-pattern, sp.identity(r, format="csc")], format="csc")
    card = sp.csc_matrix(np.concatenate([np.ones(m), np.zeros(r)])[None, :])
    matrix = sp.vstack([a, card], format="csc")
    x0 = None
    if start is not None:
        y = np.zeros(m)
        y[np.asarray(start, dtype=np.int64)] = 1.0
        x0 = np.concatenate([y, np.minimum(pattern @ y, 1.0)])
    return solve_milp(
        cost=np.concatenate([np.zeros(m), w]),
        lower=np.zeros(m + r),
        upper=np.ones(m + r),
        integer=np.concatenate([np.ones(m, bool), np.zeros(r, bool)]),
        matrix=matrix,
        row_lower=np.concatenate([np.full(r, -np.inf), [hubs]]),
        row_upper=np.concatenate([np.zeros(r), [hubs]]),
        maximize=True,
        time_limit_s=time_limit_s,
        start=x0,
        cancel=cancel,
        what=ngettext(
            "maximal coverage with {hubs} hubs", "maximal coverage with {hubs} hubs", hubs
        ).format(hubs=hubs),
    )


def min_sites_milp(
    pattern: sp.csc_matrix,
    w: np.ndarray,
    need: float,
    start: np.ndarray,
    *,
    slack: float,
    time_limit_s: float,
    cancel: threading.Event | None,
) -> MilpOutcome:
    """min sum y s.t. sum w_r x_r >= need - slack, x_r <= sum_j a_rj y_j, y binary, 0 <= x <= 1.

    ``slack``, a hair of the total weight, keeps floating sums of weights from making an exact
    target infeasible.
    """
    r, m = pattern.shape
    a = sp.hstack([-pattern, sp.identity(r, format="csc")], format="csc")
    cover = sp.csc_matrix(np.concatenate([np.zeros(m), w])[None, :])
    matrix = sp.vstack([a, cover], format="csc")
    y = np.zeros(m)
    y[start] = 1.0
    x0 = np.concatenate([y, np.minimum(pattern @ y, 1.0)])
    return solve_milp(
        cost=np.concatenate([np.ones(m), np.zeros(r)]),
        lower=np.zeros(m + r),
        upper=np.ones(m + r),
        integer=np.concatenate([np.ones(m, bool), np.zeros(r, bool)]),
        matrix=matrix,
        row_lower=np.concatenate([np.full(r, -np.inf), [need - slack]]),
        row_upper=np.concatenate([np.zeros(r), [np.inf]]),
        maximize=False,
        time_limit_s=time_limit_s,
        start=x0,
        cancel=cancel,
        what=_("fewest hubs for the target"),
    )


def pmedian_milp(
    pairs: sp.csc_matrix,
    weights: np.ndarray,
    fallback: np.ndarray,
    hubs: int,
    start: np.ndarray,
    *,
    time_limit_s: float,
    cancel: threading.Event | None,
) -> MilpOutcome:
    """min sum w_i (t_ij - f_i) z_ij; sum_j z_ij <= 1; z_ij <= y_j; sum y = hubs.

    ``pairs`` holds the times ``t_ij`` that beat each row's ``fallback`` time ``f_i``; the warm
    start opens ``start`` and sends each person to their best open site.
    """
    m = pairs.shape[1]
    coo = pairs.tocoo()
    pi, pj, t = coo.row, coo.col, coo.data
    k = len(pi)
    dem_rows, _ = pd.factorize(pi) if k else (np.zeros(0, np.int64), None)
    n_dem = int(dem_rows.max() + 1) if k else 0
    z = m + np.arange(k)
    link = n_dem + np.arange(k)
    card = n_dem + k
    r_idx = np.concatenate([dem_rows, link, link, np.full(m, card)])
    c_idx = np.concatenate([z, z, pj, np.arange(m)])
    vals = np.concatenate([np.ones(k), np.ones(k), -np.ones(k), np.ones(m)])
    matrix = sp.csc_matrix((vals, (r_idx, c_idx)), shape=(card + 1, m + k))
    x0 = np.zeros(m + k)
    x0[start] = 1.0
    open_ = np.zeros(m, dtype=bool)
    open_[start] = True
    usable = open_[pj]
    if usable.any():
        cand_idx = np.flatnonzero(usable)
        order = np.lexsort((t[cand_idx], pi[cand_idx]))
        srt = cand_idx[order]
        first = np.ones(len(srt), dtype=bool)
        first[1:] = pi[srt][1:] != pi[srt][:-1]
        x0[m + srt[first]] = 1.0
    return solve_milp(
        cost=np.concatenate([np.zeros(m), weights[pi] * (t - fallback[pi])]),
        lower=np.zeros(m + k),
        upper=np.ones(m + k),
        integer=np.concatenate([np.ones(m, bool), np.zeros(k, bool)]),
        matrix=matrix,
        row_lower=np.concatenate([np.full(n_dem + k, -np.inf), [hubs]]),
        row_upper=np.concatenate([np.ones(n_dem), np.zeros(k), [hubs]]),
        maximize=False,
        time_limit_s=time_limit_s,
        start=x0,
        cancel=cancel,
        what=ngettext("p-median with {hubs} hubs", "p-median with {hubs} hubs", hubs).format(
            hubs=hubs
        ),
        presolve=True,
    )


@dataclass(frozen=True)
class CapacityPairs:
    """The pairs of the capacitated model: rows (merged demand groups) and columns (candidates
    ``0..m-1``, then existing labs), each group's demand, and the capacities of the candidates
    and of the existing labs (tests per year; unlimited ones as more than all demand)."""

    rows: np.ndarray
    cols: np.ndarray
    demand: np.ndarray
    candidate_caps: np.ndarray
    lab_caps: np.ndarray


def capacitated_milp(
    pairs: CapacityPairs,
    hubs: int,
    *,
    fixed_open: np.ndarray | None = None,
    start: np.ndarray | None = None,
    time_limit_s: float = 60.0,
    cancel: threading.Event | None = None,
) -> MilpOutcome:
    """The capacitated MCLP as a MILP on the sparse pairs.

    max sum w_i z_ij over pairs within the limit; per demand sum_j z_ij <= 1; per candidate
    pair z_ij <= y_j; per lab sum_i w_i z_ij <= cap_j (times y_j for candidates);
    sum y = hubs. With ``fixed_open`` the sites are given and it is an LP of the demand
    that set serves.
    """
    pi, pj, wr = pairs.rows, pairs.cols, pairs.demand
    cand_caps, ex_caps = pairs.candidate_caps, pairs.lab_caps
    m, k = len(cand_caps), len(pi)
    z = m + np.arange(k)
    n_dem = len(wr)
    cand = np.flatnonzero(pj < m)
    link_rows = n_dem + np.arange(len(cand))
    cap0 = n_dem + len(cand)  # capacity rows: one per column (candidates, then labs)
    card = cap0 + m + len(ex_caps)
    r_idx = np.concatenate(
        [pi, link_rows, link_rows, cap0 + pj, cap0 + np.arange(m), np.full(m, card)]
    )
    c_idx = np.concatenate([z, z[cand], pj[cand], z, np.arange(m), np.arange(m)])
    vals = np.concatenate(
        [np.ones(k), np.ones(len(cand)), -np.ones(len(cand)), wr[pi], -cand_caps, np.ones(m)]
    )
    matrix = sp.csc_matrix((vals, (r_idx, c_idx)), shape=(card + 1, m + k))
    row_lower = np.full(card + 1, -np.inf)
    row_upper = np.concatenate([np.ones(n_dem), np.zeros(len(cand)), np.zeros(m), ex_caps, [hubs]])
    row_lower[card] = hubs
    lower, upper = np.zeros(m + k), np.ones(m + k)
    integer = np.zeros(m + k, dtype=bool)
    if fixed_open is None:
        integer[:m] = True
    else:
        y = np.zeros(m)
        y[np.asarray(fixed_open, dtype=np.int64)] = 1.0
        lower[:m] = upper[:m] = y
        row_lower[card], row_upper[card] = -np.inf, np.inf
    x0 = None
    if start is not None:
        x0 = np.zeros(m + k)
        x0[np.asarray(start, dtype=np.int64)] = 1.0
    return solve_milp(
        cost=np.concatenate([np.zeros(m), wr[pi]]),
        lower=lower,
        upper=upper,
        integer=integer,
        matrix=matrix,
        row_lower=row_lower,
        row_upper=row_upper,
        maximize=True,
        time_limit_s=time_limit_s,
        start=x0,
        cancel=cancel,
        what=ngettext(
            "capacitated coverage with {hubs} hubs", "capacitated coverage with {hubs} hubs", hubs
        ).format(hubs=hubs),
        presolve=True,
    )
