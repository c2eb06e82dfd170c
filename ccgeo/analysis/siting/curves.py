"""What a siting proposal means: the coverage curve as hubs are added, the rank and marginal gain
of each chosen hub, and coverage before and after by district.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import geopandas as gpd
import numpy as np
import pandas as pd

from ccgeo.analysis.access import coverage_table
from ccgeo.analysis.siting.matrix import restricted, row_min
from ccgeo.analysis.siting.solvers import Greedy, mclp_milp
from ccgeo.errors import check_cancel
from ccgeo.i18n import ngettext
from ccgeo.progress import ProgressCallback, report_progress

if TYPE_CHECKING:
    import threading

    import scipy.sparse as sp

    from ccgeo.analysis.siting.models import SitingModel

#: The coverage curve runs from 1 to this many hubs (fewer when there are fewer candidates).
DEFAULT_CURVE_HUBS = 10
#: Columns of `SitingResult.curve`.
CURVE_COLUMNS: tuple[str, ...] = ("hubs", "objective", "covered", "share", "bound", "gap", "method")


def empty_curve() -> pd.DataFrame:
    """A coverage curve without rows."""
    return pd.DataFrame(columns=list(CURVE_COLUMNS))


def curve_row(
    hubs: int,
    objective: float,
    covered: float,
    total: float,
    bound: float,
    gap: float,
    method: str,
) -> dict[str, Any]:
    """One row of the coverage curve (``share`` is ``covered / total``)."""
    return {
        "hubs": hubs,
        "objective": objective,
        "covered": covered,
        "share": covered / total if total > 0 else float("nan"),
        "bound": bound,
        "gap": gap,
        "method": method,
    }


def coverage_curve(
    model: SitingModel,
    pattern: sp.csc_matrix,
    w: np.ndarray,
    greedy: Greedy,
    *,
    method: str,
    upto: int,
    time_limit_s: float,
    cancel: threading.Event | None,
    progress: ProgressCallback | None,
    solved: dict[int, tuple[float, float]] | None = None,
) -> pd.DataFrame:
    """Maximal coverage for 1..``upto`` hubs: each an exact MILP (``method="milp"``, warm-started
    from the greedy) or the greedy sequence with its bound (``"greedy"``).

    ``pattern`` and ``w`` are the model's coverage pattern and row weights
    (`SitingModel.coverage_pattern`); ``covered`` counts the existing labs' coverage too.
    ``solved`` gives ``(objective, bound)`` of numbers of hubs already solved exactly (the
    model's own answer), taken as they are rather than solved again.
    """
    rows = []
    base = float(model.weights[model.covered_before()].sum())
    for p in range(1, upto + 1):
        check_cancel(cancel)
        text = ngettext("coverage curve: {hubs} hubs", "coverage curve: {hubs} hubs", p)
        report_progress(progress, (p - 1) / upto, text.format(hubs=p))
        if method == "milp" and solved and p in solved:
            obj, bound = solved[p]
        elif method == "milp":
            out = mclp_milp(
                pattern, w, p, greedy.order[:p], time_limit_s=time_limit_s, cancel=cancel
            )
            obj, bound = out.objective, out.bound
        else:
            obj = float(greedy.gains[:p].sum())
            bound = float(min(greedy.bounds[p - 1], obj / (1 - 1 / math.e)))
        gap = (bound - obj) / max(bound, 1e-12) if bound > 0 else 0.0
        rows.append(curve_row(p, obj, base + obj, model.weight_total, bound, gap, method))
    return pd.DataFrame(rows, columns=list(CURVE_COLUMNS))


def rank_hubs(model: SitingModel, chosen: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Order the chosen sites greedily by what each adds given the ones ranked before.

    Returns the order (candidate columns), the gain of each (the model's objective unit), and
    the demand within the limit after each prefix.
    """
    chosen = np.asarray(chosen, dtype=np.int64)
    sub = restricted(model.cost, chosen)
    left = list(range(len(chosen)))
    order: list[int] = []
    gains: list[float] = []
    covered: list[float] = []
    current = 0.0
    while left:
        values = [
            model.set_gain(row_min(sub, np.array([*order, k])), chosen[[*order, k]]) for k in left
        ]
        best = int(np.argmax(values))
        order.append(left.pop(best))
        gains.append(values[best] - current)
        current = values[best]
        after = np.minimum(model.existing_seconds, row_min(sub, np.array(order)))
        covered.append(float(model.weights[after <= model.limit_seconds].sum()))
    return (
        chosen[np.asarray(order, dtype=np.int64)],
        np.asarray(gains, dtype=np.float64),
        np.asarray(covered, dtype=np.float64),
    )


def hubs_table(
    model: SitingModel, order: np.ndarray, gains: np.ndarray, covered: np.ndarray
) -> gpd.GeoDataFrame:
    """The ranked hubs as `SitingResult.hubs`."""
    cands = model.candidates.iloc[order].reset_index(drop=True)
    total = model.weight_total
    return gpd.GeoDataFrame(
        {
            "rank": np.arange(1, len(order) + 1, dtype=np.int64),
            "candidate_id": cands["candidate_id"].astype(str).to_numpy(dtype=object),
            "name": cands["name"].astype(str).to_numpy(dtype=object),
            "kind": cands["kind"].astype(str).to_numpy(dtype=object),
            "gain": gains,
            "cumulative": np.cumsum(gains),
            "covered_after": covered,
            "share_after": covered / total if total > 0 else np.full(len(order), np.nan),
            "capacity_tests_per_year": cands["capacity_tests_per_year"].to_numpy(float),
        },
        geometry=cands.geometry.to_numpy(),
        crs="EPSG:4326",
    )


def districts_before_after(model: SitingModel, chosen: np.ndarray) -> pd.DataFrame:
    """People within the limit before and after opening ``chosen``, whole area and districts."""
    minutes = model.max_seconds / 60.0
    before, after = (
        coverage_table(
            seconds,
            model.population,
            model.district_ids,
            [minutes],
            district_names=model.district_names,
        )
        for seconds in (model.existing_seconds, model.seconds_after(chosen))
    )
    return pd.DataFrame(
        {
            "district_id": before["district_id"],
            "district_name": before["district_name"],
            "population": before["population"],
            "covered_before": before["covered"],
            "share_before": before["share"],
            "covered_after": after["covered"],
            "share_after": after["share"],
            "gained": after["covered"] - before["covered"],
        }
    )
