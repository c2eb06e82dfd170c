"""Siting speed: ccgeo against spopt (PuLP/CBC) on Porto Alegre; a large instance on the demo city.

Run ``python tests/bench/bench_siting.py`` or ``pytest tests/bench/bench_siting.py -s``.

- Porto Alegre: 1,227 hexagons (1,124 with people) × the 148 primary-care units as upgrade
  candidates (those within 1 km of the extract's roads are usable), MCLP with p = 5 within 10 min
  by car, no existing lab. ccgeo's time includes building its demand × site matrix (timed apart
  too); spopt is handed that matrix dense, for free, and timed building and solving its model.
  Both must reach the same objective.
- The planner's pipeline without ccgeo: the cost matrix from networkx (one Dijkstra per candidate)
  then spopt: ccgeo must be at least 15x faster end to end, its objective within 1 %.
- Large: the demo city's population cells split into jittered points (≥ 100,000) × 2,000 grid
  candidates, existing PCR labs fixed, MCLP with p = 10 within 10 min: must finish within a minute
  with a stated bound (no peer: spopt with CBC does not finish such an instance in useful time).
"""

from __future__ import annotations

import math
import time
import warnings
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pytest
from benchkit import Row, best_of, main

from ccgeo.analysis.siting import MCLP, candidates_from_facilities, candidates_grid
from ccgeo.demo import load_demo_project
from ccgeo.geo import local_utm_crs, project_lonlat, unproject_xy
from ccgeo.io.facilities import read_facilities
from ccgeo.io.osm import read_roads
from ccgeo.io.population import read_population
from ccgeo.model.network import Network
from ccgeo.network.build import build_network

NEEDS = ("porto_alegre/poa_osm.pbf", "porto_alegre/poa_hexgrid.csv")
POA_HUBS, POA_MINUTES = 5, 10.0
LARGE_POINTS, LARGE_SITES, LARGE_HUBS, LARGE_MINUTES = 100_000, 2_000, 10, 10.0
#: Targets, a bit below what was measured on the 2-core machine (loaded by other work). The
#: issue's 10x against spopt holds solve against solve (measured 15-17x); with ccgeo's own
#: matrix building counted and spopt handed the matrix for free, 3x (measured 4.5-5x); against
#: the planner's whole networkx + spopt pipeline, 15x (measured 28-32x). The large instance
#: has no peer (spopt with CBC on 11 million pairs does not finish in useful time): a limit.
TARGET_RATIO = 10.0
TARGET_TOTAL_RATIO = 3.0
TARGET_PIPELINE_RATIO = 15.0
TARGET_LARGE_S = 60.0
#: The pipeline snaps to the nearest node only and has no walking leg: its objective may differ
#: from ccgeo's by this share (measured 0.2 %).
PIPELINE_OBJECTIVE_TOLERANCE = 0.01


def bench_porto_alegre(folder: Path, *, repeat: int = 3) -> dict[str, float]:
    """ccgeo (matrix + MILP) against spopt MCLP with CBC on the same matrix."""
    import pulp
    from spopt.locate import MCLP as SPOPT_MCLP

    net = build_network(read_roads(folder / "poa_osm.pbf", mode="all"), "car")
    demand = read_population(folder / "poa_hexgrid.csv")
    candidates = candidates_from_facilities(
        read_facilities(folder / "porto_alegre_ubs_derived.csv"), "pcr"
    )

    def build() -> MCLP:
        return MCLP.from_network(net, demand, candidates, None, minutes=POA_MINUTES)

    t_build, model = best_of(build, repeat)
    t_solve, result = best_of(lambda: model.solve(POA_HUBS, curve_hubs=0), repeat)
    t_curve, with_curve = best_of(lambda: model.solve(POA_HUBS, curve_hubs=10), 1)
    coo = model.cost.tocoo()
    dense = np.full(model.cost.shape, np.inf)
    dense[coo.row, coo.col] = coo.data

    def spopt() -> float:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # PuLP 4 migration notices
            built = SPOPT_MCLP.from_cost_matrix(
                dense, model.weights, service_radius=POA_MINUTES * 60.0, p_facilities=POA_HUBS
            )
            return float(built.solve(pulp.PULP_CBC_CMD(msg=False)).problem.objective.value())

    t_spopt, ref = best_of(spopt, repeat)
    t_pipeline, pipeline_objective = spopt_pipeline(net, demand, candidates, model.weights)
    ours = t_build + t_solve
    out = {
        "demand_points": float(model.cost.shape[0]),
        "candidates_usable": float(model.n_candidates),
        "candidates_given": float(len(candidates)),
        "pairs": float(model.cost.nnz),
        "build_s": t_build,
        "solve_s": t_solve,
        "ccgeo_s": ours,
        "curve_1_10_s": t_curve,
        "spopt_s": t_spopt,
        "ratio_total": t_spopt / ours,
        "ratio_solve": t_spopt / t_solve,
        "pipeline_s": t_pipeline,
        "ratio_pipeline": t_pipeline / ours,
        "pipeline_objective": pipeline_objective,
        "objective": result.objective,
        "spopt_objective": ref,
    }
    print(
        f"\nPorto Alegre MCLP p={POA_HUBS}, {POA_MINUTES:g} min: {int(out['demand_points'])} "
        f"demand points x {int(out['candidates_usable'])} usable of "
        f"{int(out['candidates_given'])} units, {int(out['pairs'])} pairs"
        f"\n  ccgeo  matrix {t_build * 1000:.0f} ms + MILP {t_solve * 1000:.0f} ms = "
        f"{ours * 1000:.0f} ms (objective {result.objective:,.0f}, {result.status}, gap "
        f"{result.gap:.1e}); with the 1..10 curve {t_curve * 1000:.0f} ms"
        f"\n  spopt  model + CBC on the same matrix {t_spopt * 1000:.0f} ms (objective {ref:,.0f})"
        f"\n  ratio  {out['ratio_total']:.1f}x with ccgeo's matrix building included, "
        f"{out['ratio_solve']:.1f}x solve against solve"
        f"\n  planner's spopt pipeline (networkx cost matrix, one Dijkstra per candidate with a "
        f"cutoff, nearest node only, then spopt MCLP + CBC) {t_pipeline:.2f} s (objective "
        f"{pipeline_objective:,.0f}): ccgeo is {out['ratio_pipeline']:.1f}x faster end to end"
    )
    print("  " + "\n  ".join(with_curve.summary_lines()))
    return out


def spopt_pipeline(
    net: Network, demand: Any, candidates: gpd.GeoDataFrame, weights: np.ndarray
) -> tuple[float, float]:
    """What a planner would run without ccgeo: a cost matrix from networkx, then spopt.

    The graph is ccgeo's network exported with `Network.to_networkx` (not timed: an osmnx user
    has one already). Timed: snapping demand and candidates to their nearest node, one
    ``single_source_dijkstra_path_length`` per candidate on the reversed graph with the time
    limit as cutoff, the dense demand × candidate matrix, spopt's model and CBC. Its demand
    points are those ccgeo kept (``weights`` order); its objective differs a little from ccgeo's
    (nearest node only, no walking leg).
    """
    import networkx as nx
    import pulp
    from spopt.locate import MCLP as SPOPT_MCLP

    reverse = net.to_networkx().reverse(copy=True)
    gdf = demand.gdf[demand.gdf["population"] > 0]
    lonlat_d = np.column_stack([gdf.geometry.x, gdf.geometry.y])
    lonlat_c = np.column_stack([candidates.geometry.x, candidates.geometry.y])
    limit = POA_MINUTES * 60.0
    t0 = time.perf_counter()
    d_nodes, _ = net.snap(lonlat_d)
    c_nodes, _ = net.snap(lonlat_c, main_component_only=True)
    cost = np.full((len(d_nodes), len(c_nodes)), np.inf)
    for j, node in enumerate(c_nodes):
        reach = nx.single_source_dijkstra_path_length(
            reverse, int(node), cutoff=limit, weight="travel_seconds"
        )
        cost[:, j] = [reach.get(int(n), np.inf) for n in d_nodes]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # PuLP 4 migration notices
        built = SPOPT_MCLP.from_cost_matrix(
            cost,
            gdf["population"].to_numpy(float),
            service_radius=limit,
            p_facilities=POA_HUBS,
        )
        objective = float(built.solve(pulp.PULP_CBC_CMD(msg=False)).problem.objective.value())
    return time.perf_counter() - t0, objective


def large_demand(project: Any, n_points: int, seed: int = 7) -> gpd.GeoDataFrame:
    """The demo population split into jittered points within their cells (people shared)."""
    gdf = project.demand.gdf
    copies = math.ceil(n_points / len(gdf))
    rng = np.random.default_rng(seed)
    lonlat = np.column_stack([gdf.geometry.x.to_numpy(), gdf.geometry.y.to_numpy()])
    crs = local_utm_crs(*lonlat.mean(axis=0))
    xy = np.repeat(project_lonlat(lonlat, crs), copies, axis=0)
    cell = float(project.demand.cell_size_m or 100.0)
    xy += (rng.random(xy.shape) - 0.5) * cell
    pts = unproject_xy(xy, crs)
    return gpd.GeoDataFrame(
        {
            "population": np.repeat(gdf["population"].to_numpy(float) / copies, copies),
            "district_id": np.repeat(gdf["district_id"].to_numpy(object), copies),
        },
        geometry=gpd.points_from_xy(pts[:, 0], pts[:, 1]),
        crs="EPSG:4326",
    )


def large_candidates(project: Any, n_sites: int) -> gpd.GeoDataFrame:
    """At least ``n_sites`` grid candidates over the districts (spacing from their area)."""
    districts = project.districts
    area_m2 = float(districts.to_crs(districts.estimate_utm_crs()).area.sum())
    spacing = math.sqrt(area_m2 / n_sites)
    while True:
        grid = candidates_grid(districts, spacing_m=spacing)
        if len(grid) >= n_sites:
            return grid.iloc[:n_sites].reset_index(drop=True)
        spacing *= 0.97


def bench_large(*, n_points: int = LARGE_POINTS, n_sites: int = LARGE_SITES) -> dict[str, float]:
    """MCLP on ≥ 100k demand points × 2,000 candidates, existing labs fixed."""
    project = load_demo_project()
    net = project.network("car")
    demand = large_demand(project, n_points)
    sites = large_candidates(project, n_sites)
    labs = project.facilities.capable("pcr")
    t0 = time.perf_counter()
    model = MCLP.from_network(net, demand, sites, labs, minutes=LARGE_MINUTES)
    t_build = time.perf_counter() - t0
    result = model.solve(LARGE_HUBS, curve_hubs=10, time_limit_s=30.0)
    total = time.perf_counter() - t0
    out = {
        "demand_points": float(len(demand)),
        "candidates": float(model.n_candidates),
        "pairs": float(model.cost.nnz),
        "build_s": t_build,
        "solve_s": result.seconds,
        "total_s": total,
        "objective": result.objective,
        "bound": result.bound,
        "gap": result.gap,
    }
    print(
        f"\nLarge instance (demo city, synthetic): {len(demand):,} demand points x "
        f"{model.n_candidates:,} grid candidates, {model.cost.nnz:,} pairs within "
        f"{LARGE_MINUTES:g} min, {len(labs)} PCR labs fixed, p={LARGE_HUBS}"
        f"\n  matrix {t_build:.1f} s + solve with the 1..10 curve {result.seconds:.1f} s = "
        f"{total:.1f} s; solver {result.solver} ({result.status})"
        f"\n  objective {result.objective:,.0f} people newly within {LARGE_MINUTES:g} min; "
        f"bound {result.bound:,.0f}; gap {100 * result.gap:.2f} %"
    )
    return out


def run(shared_data: Path) -> dict[str, dict[str, float]]:
    """Porto Alegre against spopt, then the large instance; the numbers of each."""
    poa = bench_porto_alegre(shared_data / "porto_alegre")
    # the same optimum as spopt, or the comparison means nothing
    assert poa["objective"] == pytest.approx(poa["spopt_objective"], rel=1e-9)
    gap = abs(poa["pipeline_objective"] / poa["objective"] - 1)
    assert gap <= PIPELINE_OBJECTIVE_TOLERANCE, f"pipeline objective {100 * gap:.2f} % away"
    large = bench_large()
    assert large["demand_points"] >= LARGE_POINTS
    assert large["candidates"] >= 0.95 * LARGE_SITES
    assert large["objective"] <= large["bound"] + 1e-6
    return {"porto_alegre": poa, "large": large}


def rows(n: dict[str, dict[str, float]]) -> list[Row]:
    poa, large = n["porto_alegre"], n["large"]
    what = f"siting, Porto Alegre MCLP p={POA_HUBS}, {POA_MINUTES:g} min"
    return [
        Row.speedup(
            f"{what}, solve",
            poa["solve_s"],
            "spopt + CBC, same matrix",
            poa["spopt_s"],
            TARGET_RATIO,
        ),
        Row.speedup(
            f"{what}, matrix + solve",
            poa["ccgeo_s"],
            "spopt + CBC, matrix given",
            poa["spopt_s"],
            TARGET_TOTAL_RATIO,
        ),
        Row.speedup(
            f"{what}, matrix + solve",
            poa["ccgeo_s"],
            "networkx matrix + spopt + CBC",
            poa["pipeline_s"],
            TARGET_PIPELINE_RATIO,
        ),
        Row.limit(
            f"siting, demo city, {int(large['demand_points']):,} points × "
            f"{int(large['candidates']):,} sites, p={LARGE_HUBS}, with the 1..10 curve",
            large["total_s"],
            "s",
            TARGET_LARGE_S,
        ),
    ]


@pytest.mark.bench
def test_bench_siting(shared_data: Path) -> None:
    pytest.importorskip("spopt")
    for rel in NEEDS:
        if not (shared_data / rel).is_file():
            pytest.skip(f"{rel} not found in {shared_data}")
    missed = [r.failure() for r in rows(run(shared_data)) if not r.met]
    assert not missed, "; ".join(missed)


if __name__ == "__main__":
    main("bench_siting", run, rows, NEEDS)
