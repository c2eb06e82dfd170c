"""Helpers shared by the modules of `ccgeo.analysis.capacity` (not part of its API): input
checks of the matrix functions, the reachable pairs of a time matrix, district tables, listings.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ccgeo.errors import InputError
from ccgeo.i18n import _
from ccgeo.labels import format_number

#: Capacity column of the facility schema, tests per year.
CAPACITY_COLUMN = "capacity_tests_per_year"

#: Tolerance on capacity and demand sums, tests per year: float cumsums must not make a lab look
#: capacity-limited when it covered everything in reach.
REL_TOL = 1e-9


def check_minutes(value: float, what: str) -> float:
    """``value`` as a positive, finite number of minutes, or `InputError` naming ``what``."""
    minutes = float(value)
    if not (math.isfinite(minutes) and minutes > 0):
        msg = _("`{what}` should be a positive number of minutes, got {value!r}")
        msg = msg.format(what=what, value=value)
        raise InputError(msg)
    return minutes


def pairs(
    times: sp.spmatrix | sp.sparray | np.ndarray, shape: tuple[int, int]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows (labs), columns (points) and seconds of the reachable pairs of a time matrix."""
    canonical = False
    if sp.issparse(times) and times.format == "csr":
        # a canonical CSR (what `lab_demand_times` returns) holds each pair once, sorted
        canonical = bool(times.has_canonical_format)
        rows = np.repeat(np.arange(times.shape[0], dtype=np.int64), np.diff(times.indptr))
        cols, t = times.indices.astype(np.int64), times.data
    elif sp.issparse(times):
        # not through CSR: converting to it would add up duplicate pairs' times
        coo = sp.coo_matrix(times)
        rows, cols, t = coo.row.astype(np.int64), coo.col.astype(np.int64), coo.data
    else:
        dense = np.asarray(times, dtype=np.float64)
        if dense.ndim != 2:
            msg = _("`times` should be a (labs, points) matrix of seconds, got shape {shape}")
            msg = msg.format(shape=dense.shape)
            raise InputError(msg)
        rows, cols = np.nonzero(~np.isposinf(dense))
        t = dense[rows, cols]
        rows, cols = rows.astype(np.int64), cols.astype(np.int64)
    if tuple(times.shape) != shape:
        msg = _(
            "`times` has shape {shape}; expected (labs, points) = {expected}: rows are labs, "
            "columns demand points"
        ).format(shape=tuple(times.shape), expected=shape)
        raise InputError(msg)
    t = np.asarray(t, dtype=np.float64)
    _check_seconds(rows, cols, t)
    if canonical or not sp.issparse(times):
        return rows, cols, t
    # a pair stored twice (an unsummed sparse matrix) counts once, at its shortest time
    order = np.lexsort((t, cols, rows))
    rows, cols, t = rows[order], cols[order], t[order]
    first = np.ones(len(t), dtype=bool)
    first[1:] = (rows[1:] != rows[:-1]) | (cols[1:] != cols[:-1])
    return rows[first], cols[first], t[first]


def _check_seconds(rows: np.ndarray, cols: np.ndarray, t: np.ndarray) -> None:
    bad = ~(t >= 0) | np.isinf(t)
    if bad.any():
        x = int(np.flatnonzero(bad)[0])
        msg = _(
            "`times` holds {count} invalid travel times, e.g. {value!r} for lab {lab} and point "
            "{point}; expected seconds ≥ 0 (unreachable = absent or inf)"
        ).format(count=int(bad.sum()), value=t[x], lab=rows[x], point=cols[x])
        raise InputError(msg)


def csr_from_pairs(
    rows: np.ndarray, cols: np.ndarray, data: np.ndarray, shape: tuple[int, int]
) -> sp.csr_matrix:
    """A CSR matrix from unique (row, col) pairs that keeps explicit zeros (0 s is reachable)."""
    order = np.lexsort((cols, rows))
    indptr = np.zeros(shape[0] + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=shape[0]), out=indptr[1:])
    return sp.csr_matrix(
        (np.asarray(data, dtype=np.float64)[order], cols[order], indptr), shape=shape
    )


def check_supply(values: np.ndarray | Sequence[float], *, what: str = "supply") -> np.ndarray:
    """Capacities as float64, tests per year ≥ 0 (NaN = unknown), or `InputError`."""
    s = np.asarray(values, dtype=np.float64).reshape(-1)
    bad = np.flatnonzero(np.isinf(s) | (s < 0))
    if len(bad):
        msg = _(
            "`{what}` should be tests per year ≥ 0 (NaN where unknown); labs {labs} hold {values}"
        ).format(what=what, labs=listing(bad.tolist()), values=listing(s[bad].tolist()))
        raise InputError(msg)
    return s


def check_demand(values: np.ndarray | Sequence[float], what: str) -> np.ndarray:
    """Demand (or people) per point as float64, finite and ≥ 0, or `InputError`."""
    d = np.asarray(values, dtype=np.float64).reshape(-1)
    bad = np.flatnonzero(~np.isfinite(d) | (d < 0))
    if len(bad):
        msg = _(
            "`{what}` should be finite and ≥ 0 at every point; points {points} hold {values}"
        ).format(what=what, points=listing(bad.tolist()), values=listing(d[bad].tolist()))
        raise InputError(msg)
    return d


@dataclass(frozen=True, eq=False)
class MatrixInputs:
    """The checked inputs of an analysis on a time matrix (`fca_from_times`, coverage).

    ``rows``, ``cols`` and ``t`` are the reachable (lab, point, seconds) pairs; ``supply``,
    ``lab_ids`` and ``lab_names`` are per lab, the others per point.
    """

    rows: np.ndarray
    cols: np.ndarray
    t: np.ndarray
    supply: np.ndarray
    demand: np.ndarray
    population: np.ndarray
    district_ids: np.ndarray
    lab_ids: np.ndarray
    lab_names: np.ndarray

    @classmethod
    def check(
        cls,
        times: sp.spmatrix | sp.sparray | np.ndarray,
        supply: np.ndarray | Sequence[float],
        demand: np.ndarray | Sequence[float],
        population: np.ndarray | Sequence[float] | None,
        district_ids: np.ndarray | Sequence[str] | None,
        lab_ids: Sequence[str] | np.ndarray | None,
        lab_names: Sequence[str] | np.ndarray | None,
        *,
        what: str = "supply",
    ) -> MatrixInputs:
        """Check every input (`InputError` naming the first problem); fill the defaults."""
        s, d = check_supply(supply, what=what), check_demand(demand, "demand")
        k, n = len(s), len(d)
        rows, cols, t = pairs(times, (k, n))
        pop = d if population is None else check_demand(population, "population")
        if len(pop) != n:
            msg = _("`population` has {count} values for {n} demand points")
            msg = msg.format(count=len(pop), n=n)
            raise InputError(msg)
        ids = _lab_ids_or_default(lab_ids, k)
        names = ids if lab_names is None else np.asarray(lab_names, dtype=object)
        districts = _district_ids_or_default(district_ids, n)
        return cls(rows, cols, t, s, d, pop, districts, ids, names)


def _lab_ids_or_default(lab_ids: Sequence[str] | np.ndarray | None, k: int) -> np.ndarray:
    """Lab identifiers, ``"0"``, ``"1"``, ... when not given."""
    if lab_ids is None:
        return np.array([str(i) for i in range(k)], dtype=object)
    ids = np.asarray(lab_ids, dtype=object).reshape(-1)
    if len(ids) != k:
        msg = _("`lab_ids` has {count} values for {k} labs").format(count=len(ids), k=k)
        raise InputError(msg)
    return ids


def _district_ids_or_default(district_ids: np.ndarray | Sequence[str] | None, n: int) -> np.ndarray:
    """District of each point, ``""`` for all when not given."""
    if district_ids is None:
        return np.full(n, "", dtype=object)
    ids = np.asarray(district_ids, dtype=object).reshape(-1)
    if len(ids) != n:
        msg = _("`district_ids` has {count} values for {n} demand points")
        msg = msg.format(count=len(ids), n=n)
        raise InputError(msg)
    return ids


def district_table(
    district: np.ndarray,
    population: np.ndarray,
    sums: Mapping[str, np.ndarray],
    *,
    weighted: Mapping[str, np.ndarray] | None = None,
) -> pd.DataFrame:
    """Per-district sums, and population-weighted means of ``weighted``, without a Python loop."""
    codes, uniques = pd.factorize(pd.Series(district, dtype=object).fillna("").astype(str))
    m = len(uniques)
    pop = np.bincount(codes, weights=population, minlength=m)
    data: dict[str, Any] = {"district_id": uniques.to_numpy(dtype=object), "population": pop}
    for name, values in sums.items():
        data[name] = np.bincount(codes, weights=values, minlength=m)
    for name, values in (weighted or {}).items():
        num = np.bincount(codes, weights=values * population, minlength=m)
        with np.errstate(divide="ignore", invalid="ignore"):
            data[name] = np.where(pop > 0, num / pop, np.nan)
    return pd.DataFrame(data).sort_values("district_id", ignore_index=True)


def listing(items: Sequence[Any], limit: int = 8) -> str:
    """``"a, b, c and 4 more"``: the first ``limit`` items of a message."""
    shown = ", ".join(f"{x:g}" if isinstance(x, float) else str(x) for x in items[:limit])
    more = _(" and {count} more").format(count=len(items) - limit) if len(items) > limit else ""
    return shown + more


def fmt_people(people: float) -> str:
    """People as a whole number with thousands separators (in the current language)."""
    return format_number(people)
