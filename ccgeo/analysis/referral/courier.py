"""Courier loops: per hub, OR-Tools vehicle routing with time windows over courier-days, the
daily/weekly pick-up rule, and the loops and spoke → hub routes along the roads.

Times are seconds; leg times are the network's fastest times, rounded up to whole seconds inside
the solver so that the reported (exact) times keep every window.
"""

from __future__ import annotations

import itertools
import math
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import geopandas as gpd
import numpy as np
import pandas as pd
from shapely.geometry import LineString

from ccgeo.analysis.referral.assignment import Assignment, seconds_at
from ccgeo.errors import InputError, check_cancel
from ccgeo.i18n import _, ngettext
from ccgeo.model.referral import clock_text
from ccgeo.network.routing import PathResult, catchments, shortest_path
from ccgeo.progress import ProgressCallback, report_progress

if TYPE_CHECKING:
    import threading

    from ccgeo.model.network import Network
    from ccgeo.model.referral import ReferralParameters

#: Drop penalty of a stop in the route search; far above any route's cost in seconds, so a stop is
#: left out only when no route can take it within its time window.
_DROP_PENALTY = 10**9

#: Safety limit of one route search with the deterministic greedy descent, seconds.
_GREEDY_LIMIT_S = 30

#: Columns of the loops table (before the geometry).
LOOP_COLUMNS: tuple[str, ...] = (
    "hub_id",
    "courier",
    "day",
    "stops",
    "n_stops",
    "start_clock",
    "end_clock",
    "travel_minutes",
    "service_minutes",
    "duration_minutes",
    "metres",
)


@dataclass
class SpokePlan:
    """Per-spoke outcome of the loop search (arrays filled hub by hub).

    Attributes
    ----------
    courier : object (n,)
        The first courier that collects from the spoke (``"<hub>/c1"``), None when none does.
    frequency : object (n,)
        ``"daily"``, ``"weekly"``, ``"<k> per week"`` or None.
    pickups_per_week : int64 (n,)
    pickup_s : float64 (n,)
        The latest pick-up clock over the week, seconds after midnight; NaN without a loop.
    on_board_s : float64 (n,)
        The longest ride from pick-up to the hub over the week, seconds; NaN without a loop.
    """

    courier: np.ndarray
    frequency: np.ndarray
    pickups_per_week: np.ndarray
    pickup_s: np.ndarray
    on_board_s: np.ndarray

    @classmethod
    def empty(cls, n: int) -> SpokePlan:
        """No spoke in any loop yet."""
        return cls(
            np.full(n, None, dtype=object),
            np.full(n, None, dtype=object),
            np.zeros(n, dtype=np.int64),
            np.full(n, np.nan),
            np.full(n, np.nan),
        )


class LegCache:
    """Shortest paths between nodes, computed once per pair."""

    def __init__(self, net: Network) -> None:
        self.net = net
        self._paths: dict[tuple[int, int], PathResult] = {}

    def __call__(self, a: int, b: int) -> PathResult:
        key = (int(a), int(b))
        if key not in self._paths:
            self._paths[key] = shortest_path(self.net, key[0], key[1])
        return self._paths[key]


@dataclass(frozen=True, eq=False)
class CourierPlan:
    """The couriers' plan of every hub.

    Attributes
    ----------
    spokes : SpokePlan
        Per spoke: courier, frequency, pick-up clock and time on board.
    loops : GeoDataFrame
        One row per loop (see `ccgeo.model.referral.ReferralResult.loops`).
    hubs : list of dict
        Per hub on the network: ``hub`` (row), ``couriers_needed`` (-1 when no number of
        couriers serves every spoke), ``solve_seconds``, ``n_loops``.
    routes : GeoDataFrame
        Spoke → hub fastest route of each spoke (see `routes_frame`).
    """

    spokes: SpokePlan
    loops: gpd.GeoDataFrame
    hubs: list[dict[str, Any]]
    routes: gpd.GeoDataFrame


def plan_couriers(
    net: Network,
    assigned: Assignment,
    params: ReferralParameters,
    *,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> CourierPlan:
    """Courier loops of every hub, then the spoke → hub routes.

    Spokes a courier cannot serve get their reason in ``assigned.reason``.

    Raises
    ------
    Cancelled
        If ``cancel`` is set.
    """
    plan = SpokePlan.empty(len(assigned.spokes.ids))
    loop_rows: list[dict[str, Any]] = []
    infos: list[dict[str, Any]] = []
    legs = LegCache(net)
    usable = np.flatnonzero(assigned.hubs.usable)
    for step, h in enumerate(usable):
        check_cancel(cancel)
        report_progress(
            progress,
            step / max(len(usable), 1),
            _("courier loops of hub {hub} ({step} of {count})").format(
                hub=assigned.hubs.ids[h], step=step + 1, count=len(usable)
            ),
        )
        members = np.flatnonzero((assigned.hub_of == h) & assigned.servable)
        job = _HubJob.start(net, int(h), members, assigned, params, cancel)
        infos.append(job.plan_loops(plan, loop_rows, legs, assigned.reason))
    check_cancel(cancel)
    report_progress(progress, 1.0, _("routes and turnaround"))
    routes = routes_frame(assigned, plan, legs, cancel)
    return CourierPlan(plan, loops_frame(loop_rows), infos, routes)


@dataclass
class _Solution:
    routes: list[tuple[int, int, list[int]]]  # (courier 0.., day 0.., local stops)
    missed: set[int]  # local stops with a visit left out
    seconds: float


@dataclass(eq=False)
class _HubJob:
    """One hub's loop search.

    ``stops`` are network nodes, the hub first then its spokes (``members``, rows of the
    assignment); ``travel`` holds the seconds between stops. A *local* index ``k`` names the
    ``k``-th spoke that a courier can serve alone, matrix row ``local[k]``.
    """

    h: int
    hub_id: str
    spoke_ids: np.ndarray
    members: np.ndarray
    stops: np.ndarray
    travel: np.ndarray
    params: ReferralParameters
    cancel: threading.Event | None
    solve_seconds: float = 0.0
    local: np.ndarray = field(init=False, default_factory=lambda: np.zeros(0, dtype=np.int64))

    @classmethod
    def start(
        cls,
        net: Network,
        h: int,
        members: np.ndarray,
        assigned: Assignment,
        params: ReferralParameters,
        cancel: threading.Event | None,
    ) -> _HubJob:
        stops = np.concatenate([[assigned.hubs.node[h]], assigned.spokes.node[members]])
        shift = params.shift_end_s - params.shift_start_s
        travel = (
            _time_matrix(net, stops, max_seconds=shift, cancel=cancel)
            if len(members)
            else np.zeros((1, 1))
        )
        hub_id = str(assigned.hubs.ids[h])
        return cls(h, hub_id, assigned.spokes.ids, members, stops, travel, params, cancel)

    def spoke(self, k: int) -> int:
        """Row in the assignment of local stop ``k``."""
        return int(self.members[self.local[k] - 1])

    def solve(self, daily: np.ndarray, couriers: int, n_days: int) -> _Solution:
        sol = _solve(self.travel, self.local, daily, couriers, n_days, self.params, self.cancel)
        self.solve_seconds += sol.seconds
        return sol

    def plan_loops(
        self,
        plan: SpokePlan,
        loop_rows: list[dict[str, Any]],
        legs: LegCache,
        reason: np.ndarray,
    ) -> dict[str, Any]:
        """Loops of this hub; fills ``plan``, ``loop_rows`` and the ``reason`` of its spokes."""
        info: dict[str, Any] = {"hub": self.h, "couriers_needed": 0, "n_loops": 0}
        if len(self.members):
            self.local = self._servable_alone(reason)
        if len(self.local):
            sol, daily, n_days = self._daily_then_weekly()
            info["couriers_needed"] = self._couriers_needed(sol, daily, n_days, reason)
            info["n_loops"] = self._record(sol, n_days, plan, loop_rows, legs)
        info["solve_seconds"] = self.solve_seconds
        return info

    def _servable_alone(self, reason: np.ndarray) -> np.ndarray:
        """Matrix rows of the spokes a courier can serve alone in a shift; the others get their
        reason (they cannot be in any loop)."""
        p = self.params
        out, back = self.travel[0, 1:], self.travel[1:, 0]
        arrive = p.shift_start_s + out
        alone = (arrive <= p.latest_pickup_s) & (arrive + p.service_seconds + back <= p.shift_end_s)
        text = _(
            "a courier from hub {hub} needs {there} to get there and {back} back: it cannot pick "
            "up by {latest} and return by {end} in one shift; choose a nearer hub or a dedicated "
            "trip"
        )
        latest, end = clock_text(p.latest_pickup_s), clock_text(p.shift_end_s)
        for k in np.flatnonzero(~alone):
            there, back_text = _minutes(out[k]), _minutes(back[k])
            reason[self.members[k]] = text.format(
                hub=self.hub_id, there=there, back=back_text, latest=latest, end=end
            )
        return np.flatnonzero(alone) + 1

    def _daily_then_weekly(self) -> tuple[_Solution, np.ndarray, int]:
        """The pick-up frequency rule: the solution, which stops are daily, days planned."""
        p = self.params
        couriers, days = p.couriers_per_hub, p.working_days_per_week
        # 1. every spoke daily, if the couriers can
        daily = np.ones(len(self.local), dtype=bool)
        sol = self.solve(daily, couriers, 1)
        if not sol.missed:
            return sol, daily, 1
        # 2. daily within the urban radius, weekly beyond; demote what does not fit daily
        to_hub = self.travel[self.local, 0]
        daily = to_hub <= p.daily_max_minutes * 60.0
        for _round in range(len(self.local) + 1):
            sol = self.solve(daily, couriers, days)
            missed_daily = [k for k in sol.missed if daily[k]]
            if missed_daily:
                daily[missed_daily] = False
                continue
            if sol.missed and daily.any():
                # serving a spoke weekly comes before visiting another daily: free the time of
                # as many daily spokes as were left out, farthest from the hub first
                order = np.flatnonzero(daily)[np.argsort(-to_hub[daily], kind="stable")]
                daily[order[: len(sol.missed)]] = False
                continue
            break
        return sol, daily, days

    def _couriers_needed(
        self, sol: _Solution, daily: np.ndarray, n_days: int, reason: np.ndarray
    ) -> int:
        """Couriers the hub needs with the same daily/weekly split (-1: no number found); the
        spokes left out get their reason."""
        used = max(Counter(day for _courier, day, _stops in sol.routes).values(), default=0)
        if not sol.missed:
            return used
        couriers = self.params.couriers_per_hub
        needed = None
        for more in range(couriers + 1, couriers + len(self.local) + 1):
            check_cancel(self.cancel)
            if not self.solve(daily, more, n_days).missed:
                needed = more
                break
        if needed is not None:
            more_text = _("needs {count} couriers").format(count=needed)
        else:
            most = couriers + len(self.local)
            more_text = ngettext(
                "the route search found no plan even with {count} couriers",
                "the route search found no plan even with {count} couriers",
                most,
            ).format(count=most)
        text = ngettext(
            "not servable with {count} couriers at hub {hub} within the shift, even weekly: {more}",
            "not servable with {count} couriers at hub {hub} within the shift, even weekly: {more}",
            couriers,
        )
        for k in sorted(sol.missed):
            reason[self.spoke(k)] = text.format(count=couriers, hub=self.hub_id, more=more_text)
        return needed if needed is not None else -1

    def _record(
        self,
        sol: _Solution,
        n_days: int,
        plan: SpokePlan,
        loop_rows: list[dict[str, Any]],
        legs: LegCache,
    ) -> int:
        """Loop rows and the spokes' plan from the solution; the number of loops."""
        days = self.params.working_days_per_week
        # geometry and times from the shortest-path legs (not the solver's rounded times)
        for courier, day, route in sol.routes:
            check_cancel(self.cancel)
            row = self._loop_row(route, legs)
            row.update(courier=f"{self.hub_id}/c{courier + 1}", day=day + 1 if n_days > 1 else 0)
            loop_rows.append(row)
            for k, (pickup, on_board) in zip(route, row.pop("_times"), strict=True):
                i = self.spoke(k)
                if plan.courier[i] is None:
                    plan.courier[i] = row["courier"]
                plan.pickups_per_week[i] += days if n_days == 1 else 1
                # the latest pick-up and the longest ride over the week, for the specimen limits
                plan.pickup_s[i] = np.fmax(plan.pickup_s[i], pickup)
                plan.on_board_s[i] = np.fmax(plan.on_board_s[i], on_board)
        for k in range(len(self.local)):
            i = self.spoke(k)
            per_week = plan.pickups_per_week[i]
            if per_week >= days:
                plan.frequency[i] = "daily"
            elif per_week > 0:
                plan.frequency[i] = "weekly" if per_week == 1 else f"{per_week} per week"
        return len(sol.routes)

    def _loop_row(self, route: list[int], legs: LegCache) -> dict[str, Any]:
        """One loop's schedule and geometry from the shortest-path legs, in exact seconds."""
        p = self.params
        seq = [0, *[int(self.local[k]) for k in route], 0]
        clock = p.shift_start_s
        travel_s = metres = 0.0
        parts: list[np.ndarray] = []
        pickups: list[float] = []
        for a, b in itertools.pairwise(seq):
            leg = legs(int(self.stops[a]), int(self.stops[b]))
            clock += leg.seconds
            travel_s += leg.seconds
            metres += leg.metres
            if len(leg.lonlat):
                parts.append(leg.lonlat if not parts else leg.lonlat[1:])
            if b != 0:
                pickups.append(clock)
                clock += p.service_seconds
        end = clock
        if end > p.shift_end_s + 1e-6 or any(t > p.latest_pickup_s + 1e-6 for t in pickups):
            msg = (  # the solver kept these windows in rounded-up seconds: this cannot happen
                f"courier loop of hub {self.hub_id} breaks its time windows; please report"
            )
            raise RuntimeError(msg)
        coords = np.concatenate(parts) if parts else np.empty((0, 2))
        ids = [str(self.spoke_ids[self.spoke(k)]) for k in route]
        return {
            "hub_id": self.hub_id,
            "stops": ", ".join(ids),
            "n_stops": len(ids),
            "start_clock": clock_text(p.shift_start_s),
            "end_clock": clock_text(end),
            "travel_minutes": travel_s / 60.0,
            "service_minutes": len(ids) * p.service_seconds / 60.0,
            "duration_minutes": (end - p.shift_start_s) / 60.0,
            "metres": metres,
            "geometry": LineString(coords) if len(np.unique(coords, axis=0)) >= 2 else None,
            "_times": [(t, end - t) for t in pickups],
        }


def _time_matrix(
    net: Network, nodes: np.ndarray, *, max_seconds: float, cancel: threading.Event | None
) -> np.ndarray:
    """Seconds between every pair of ``nodes`` (row: from), bounded searches; ``inf`` beyond."""
    catch = catchments(net, nodes, max_seconds=max_seconds, direction="from_lab", cancel=cancel)
    return np.vstack([seconds_at(*catch.for_lab(i), nodes) for i in range(len(nodes))])


# -- the route search -----------------------------------------------------------------------------


def _solve(
    travel: np.ndarray,
    local: np.ndarray,
    daily: np.ndarray,
    couriers: int,
    n_days: int,
    params: ReferralParameters,
    cancel: threading.Event | None,
) -> _Solution:
    """Vehicle routing with time windows over courier-days.

    Vehicles are ``couriers × n_days`` courier-days. A daily stop is one visit per day, each
    allowed only on that day's couriers; a weekly stop is one visit on any day. Every visit may be
    left out at a penalty far above any route's cost, so the search returns the largest set of
    visits the couriers can make, and never fails.
    """
    try:
        from ortools.constraint_solver import pywrapcp
    except ImportError as exc:  # pragma: no cover - ortools is a dependency
        msg = _("courier loops need OR-Tools: pip install ortools")
        raise InputError(msg) from exc
    check_cancel(cancel)
    visits: list[tuple[int, int]] = []  # (local stop index, day or -1)
    for k in range(len(local)):
        visits += [(k, d) for d in range(n_days)] if daily[k] else [(k, -1)]
    rows = np.concatenate([[0], local[[k for k, _day in visits]]]).astype(np.int64)
    manager = pywrapcp.RoutingIndexManager(len(rows), couriers * n_days, 0)
    routing = pywrapcp.RoutingModel(manager)
    _add_time_windows(routing, manager, travel[np.ix_(rows, rows)], visits, couriers, params)
    t0 = time.perf_counter()
    solution = routing.SolveWithParameters(_search_parameters(params))
    seconds = time.perf_counter() - t0
    check_cancel(cancel)
    routes: list[tuple[int, int, list[int]]] = []
    visited: set[int] = set()
    if solution is not None:
        used_per_day: Counter[int] = Counter()
        for v in range(couriers * n_days):
            index = solution.Value(routing.NextVar(routing.Start(v)))
            route: list[int] = []
            while not routing.IsEnd(index):
                node = manager.IndexToNode(index)
                route.append(visits[node - 1][0])
                visited.add(node)
                index = solution.Value(routing.NextVar(index))
            if route:
                # couriers numbered 1, 2, ... in each day in the order they are used
                day = v // couriers
                routes.append((used_per_day[day], day, route))
                used_per_day[day] += 1
    missed = {visits[node - 1][0] for node in range(1, len(rows)) if node not in visited}
    return _Solution(routes, missed, seconds)


def _add_time_windows(
    routing: Any,
    manager: Any,
    sub: np.ndarray,
    visits: list[tuple[int, int]],
    couriers: int,
    params: ReferralParameters,
) -> None:
    """Costs, the time dimension, the shift and pick-up windows, and the optional visits."""
    shift_end = int(params.shift_end_s)
    big = 10 * shift_end
    # whole seconds, rounded up: a route that keeps its windows in the solver keeps them in the
    # exact (float) times reported
    cost = np.where(np.isfinite(sub), np.ceil(sub), big).astype(np.int64)
    service = np.full(len(sub), math.ceil(params.service_seconds), dtype=np.int64)
    service[0] = 0
    transit = cost + service[:, None]
    cost_cb = routing.RegisterTransitMatrix(cost.tolist())
    routing.SetArcCostEvaluatorOfAllVehicles(cost_cb)
    time_cb = routing.RegisterTransitMatrix(transit.tolist())
    routing.AddDimension(time_cb, shift_end, shift_end, False, "time")
    dim = routing.GetDimensionOrDie("time")
    start, latest = int(params.shift_start_s), int(params.latest_pickup_s)
    for v in range(routing.vehicles()):
        dim.CumulVar(routing.Start(v)).SetRange(start, start)
        dim.CumulVar(routing.End(v)).SetRange(start, shift_end)
    for node, (_stop, day) in enumerate(visits, start=1):
        index = manager.NodeToIndex(node)
        dim.CumulVar(index).SetRange(start, latest)
        # leaving out a weekly visit costs more than one daily visit: serve everyone first
        routing.AddDisjunction([index], _DROP_PENALTY if day >= 0 else 2 * _DROP_PENALTY)
        if day >= 0:
            # -1 is the 'left out' value of a stop's vehicle variable
            routing.VehicleVar(index).SetValues(
                [-1] + [day * couriers + c for c in range(couriers)]
            )


def _search_parameters(params: ReferralParameters) -> Any:
    """Cheapest-arc start, then guided local search for ``improve_seconds`` or greedy descent."""
    from ortools.constraint_solver import pywrapcp, routing_enums_pb2

    search = pywrapcp.DefaultRoutingSearchParameters()
    search.first_solution_strategy = routing_enums_pb2.FirstSolutionStrategy.PATH_CHEAPEST_ARC
    heuristics = routing_enums_pb2.LocalSearchMetaheuristic
    if params.improve_seconds > 0:
        search.local_search_metaheuristic = heuristics.GUIDED_LOCAL_SEARCH
        search.time_limit.FromMilliseconds(int(params.improve_seconds * 1000))
    else:
        search.local_search_metaheuristic = heuristics.GREEDY_DESCENT
        search.time_limit.FromSeconds(_GREEDY_LIMIT_S)
    return search


# -- tables ---------------------------------------------------------------------------------------


def routes_frame(
    assigned: Assignment,
    plan: SpokePlan,
    legs: LegCache,
    cancel: threading.Event | None = None,
) -> gpd.GeoDataFrame:
    """Spoke → hub fastest route of each spoke, EPSG:4326: ``facility_id``, ``hub_id``,
    ``seconds``, ``minutes``, ``metres``, ``courier``, geometry (None without a route)."""
    spokes, hubs, hub_of = assigned.spokes, assigned.hubs, assigned.hub_of
    rows = []
    for i in range(len(spokes.ids)):
        if i % 16 == 0:
            check_cancel(cancel)
        h = hub_of[i]
        path = legs(int(spokes.node[i]), int(hubs.node[h])) if h >= 0 and spokes.usable[i] else None
        found = path is not None and path.found
        geom = None
        if found and path is not None and len(np.unique(path.lonlat, axis=0)) >= 2:
            geom = LineString(path.lonlat)
        rows.append(
            {
                "facility_id": str(spokes.ids[i]),
                "hub_id": str(hubs.ids[h]) if h >= 0 else None,
                "seconds": path.seconds if found and path is not None else np.inf,
                "metres": path.metres if found and path is not None else np.inf,
                "courier": plan.courier[i],
                "geometry": geom,
            }
        )
    if rows:
        frame = gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")
    else:
        frame = gpd.GeoDataFrame(
            {"facility_id": [], "hub_id": [], "seconds": [], "metres": [], "courier": []},
            geometry=gpd.GeoSeries([], crs="EPSG:4326"),
        )
    frame.insert(3, "minutes", frame["seconds"].to_numpy(dtype=float) / 60.0)
    return frame


def loops_frame(rows: list[dict[str, Any]]) -> gpd.GeoDataFrame:
    """The loop rows as a table sorted by hub, day and courier (`LOOP_COLUMNS`, geometry)."""
    cols = list(LOOP_COLUMNS)
    if not rows:
        empty = {c: pd.Series([], dtype=object) for c in cols}
        return gpd.GeoDataFrame(empty, geometry=gpd.GeoSeries([], crs="EPSG:4326"))
    frame = gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")
    frame = frame[[*cols, "geometry"]].sort_values(["hub_id", "day", "courier"], kind="stable")
    return frame.reset_index(drop=True)


def _minutes(seconds: float) -> str:
    # the time matrix stops searching at the shift's length: beyond it, or no road at all
    if np.isfinite(seconds):
        return f"{seconds / 60:.0f} min"
    return _("more than a shift (or no road)")
