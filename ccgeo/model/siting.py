"""The result of a siting analysis: the chosen hubs and everything needed to explain them."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from ccgeo.i18n import _
from ccgeo.labels import format_number

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd


@dataclass(frozen=True, eq=False)
class SitingResult:
    """The chosen hubs and everything needed to explain them (arrays and tables, no Qt).

    Attributes
    ----------
    model : str
        ``"mclp"``, ``"pmedian"`` or ``"lscp"``.
    objective : float
        MCLP: demand newly within the limit (people, or tests per year) thanks to the new hubs
        (with ``capacity``: newly served within the limit and the labs' capacities); p-median:
        population-weighted travel seconds, times capped as `settings` say; LSCP: the number
        of hubs.
    bound : float
        Best proven bound on the optimum: an upper bound for MCLP, a lower bound for p-median
        and LSCP. Equal to ``objective`` when the solution is proven optimal.
    gap : float
        ``|bound - objective| / max(|objective|, |bound|)``; 0 when proven optimal.
    solver : str
        ``"highs-milp"`` or ``"greedy-celf"``.
    status : str
        ``"optimal"``, ``"time_limit"`` (best found when HiGHS stopped; ``gap`` says how good)
        or ``"heuristic"`` (greedy, within ``gap`` of the optimum).
    seconds : float
        Wall time of the solve, seconds (the coverage curve included).
    build_seconds : float
        Wall time of building the model (matrix of travel times), seconds.
    hubs : GeoDataFrame
        The chosen sites in rank order, EPSG:4326: ``rank``, ``candidate_id``, ``name``,
        ``kind``, ``gain`` (what the hub adds given the hubs ranked before it, in the
        objective's unit; positive for p-median too: the weighted seconds it saves),
        ``cumulative``, ``covered_after`` and ``share_after`` (demand within the limit with hubs
        1..rank), ``capacity_tests_per_year``, ``geometry`` (None for matrix-only models).
        The rank is greedy over the chosen set: hub 1 adds the most alone, hub 2 the most given
        hub 1, and so on; the gains sum to the objective gain of the whole set.
    curve : DataFrame
        Coverage as hubs are added, one row per number of hubs (1..10 at most): ``hubs``,
        ``objective``, ``covered`` and ``share`` (within the limit, existing labs included),
        ``bound``, ``gap``, ``method`` (``"milp"``: each point an exact MILP warm-started from
        the greedy; ``"greedy"``: the greedy sequence with its online bound).
    districts : DataFrame
        Per district (the whole area first, id ``"ALL"``): ``district_id``, ``district_name``,
        ``population``, ``covered_before``, ``share_before``, ``covered_after``,
        ``share_after``, ``gained``; people within the limit (the geographic coverage, whatever
        the model).
    totals : dict
        ``weight_total`` (all demand, off-network included), ``covered_before``,
        ``covered_after``, ``share_before``, ``share_after`` (in the demand's weight unit),
        ``mean_minutes_before``/``after`` (times capped at the p-median cap).
    settings : dict
        The `ccgeo.model.settings.SitingSettings` in flat form (when the analysis was run with
        one) and what the model adds: ``minutes`` (the limit), ``weight_unit``,
        ``candidate_sites`` and ``demand_points`` (the model's size), ``mode``, the objective's
        wording, the penalty, ...
    warnings : tuple of str
        What the planner should know (labs and candidate sites left out, and why, included).
    """

    model: str
    objective: float
    bound: float
    gap: float
    solver: str
    status: str
    seconds: float
    build_seconds: float
    hubs: gpd.GeoDataFrame
    curve: pd.DataFrame
    districts: pd.DataFrame
    totals: dict[str, Any]
    settings: dict[str, Any]
    warnings: tuple[str, ...] = field(default_factory=tuple)

    @property
    def chosen_ids(self) -> tuple[str, ...]:
        """Candidate ids of the chosen hubs, in rank order."""
        return tuple(self.hubs["candidate_id"].astype(str))

    @property
    def marginal_gains(self) -> np.ndarray:
        """Gain of each ranked hub given the ones before it (objective unit)."""
        return self.hubs["gain"].to_numpy(dtype=np.float64)

    def summary_lines(self) -> list[str]:
        """One sentence per hub, for a report or the command line, in the current language."""
        unit = self.settings.get("weight_unit", "people")
        minutes = self.settings.get("minutes")
        out = []
        for row in self.hubs.itertuples(index=False):
            if self.model == "pmedian":
                total = max(float(self.totals["weight_total"]), 1e-12)
                out.append(
                    _("hub {rank} ({name}) cuts the mean time by {minutes} min").format(
                        rank=row.rank,
                        name=row.name,
                        minutes=format_number(row.gain / total / 60.0, decimals=2),
                    )
                )
            else:
                out.append(
                    _adds(unit).format(
                        rank=row.rank, name=row.name, gain=_gain(row.gain), minutes=minutes
                    )
                )
        return out

    def to_json_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (plain floats; infinities as None): objective, hubs, gains, gap."""
        return {
            "model": self.model,
            "objective": _num(self.objective),
            "bound": _num(self.bound),
            "gap": _num(self.gap),
            "solver": self.solver,
            "status": self.status,
            "seconds": _num(self.seconds),
            "build_seconds": _num(self.build_seconds),
            "hubs": self._hub_records(),
            "marginal_gains": [_num(g) for g in self.marginal_gains],
            "summary": self.summary_lines(),
            "curve": _records(self.curve),
            "districts": _records(self.districts),
            "totals": {k: _num(v) for k, v in self.totals.items()},
            "settings": _jsonable(self.settings),
            "warnings": list(self.warnings),
        }

    def _hub_records(self) -> list[dict[str, Any]]:
        hubs = []
        for row in self.hubs.itertuples(index=False):
            geom = row.geometry
            hubs.append(
                {
                    "rank": int(row.rank),
                    "candidate_id": str(row.candidate_id),
                    "name": str(row.name),
                    "kind": str(row.kind),
                    "gain": _num(row.gain),
                    "cumulative": _num(row.cumulative),
                    "covered_after": _num(row.covered_after),
                    "share_after": _num(row.share_after),
                    "capacity_tests_per_year": _num(row.capacity_tests_per_year),
                    "lon": None if geom is None else float(geom.x),
                    "lat": None if geom is None else float(geom.y),
                }
            )
        return hubs


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [
        {k: (_num(v) if isinstance(v, float) else v) for k, v in rec.items()}
        for rec in frame.to_dict("records")
    ]


def _num(value: Any) -> float | None:
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def _jsonable(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, float | np.floating):
        return _num(value)
    if isinstance(value, np.integer):
        return int(value)
    return value


def _adds(unit: str) -> str:
    """The sentence of an MCLP or LSCP hub that adds people (``unit``: ``"people"``) or tests a
    year (``"tests per year"``) within the time limit, with ``{rank}``, ``{name}``, ``{gain}``
    and ``{minutes}`` to fill."""
    if unit == "people":
        return _("hub {rank} ({name}) adds {gain} people within {minutes:g} min")
    if unit == "tests per year":
        return _("hub {rank} ({name}) adds {gain} tests per year within {minutes:g} min")
    return f"hub {{rank}} ({{name}}) adds {{gain}} {unit} within {{minutes:g}} min"


def _gain(value: float) -> str:
    """A gain in people or tests, a whole number with the separators of the current language."""
    return format_number(value) if math.isfinite(value) else f"{value:,.0f}"


__all__ = ["SitingResult"]
