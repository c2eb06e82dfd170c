"""Whole access analysis on Porto Alegre against the osmnx/networkx recipe, and live what-if.

Run ``python tests/bench/bench_access.py`` or ``pytest tests/bench/bench_access.py -s``.
(a) ccgeo end to end (read PBF, UBS CSV and hexgrid, build the car network, access at 30/60/120
min with isochrones) with wall time and peak memory, against the recipe a planner would
otherwise script (osmnx ``graph_from_xml`` on the same extract as XML, speeds and travel times,
``nearest_nodes``, ``multi_source_dijkstra_path_length``, coverage with pandas), in the same run.
(b) what-if "add a hub" on Oaxaca (car, 25 labs chosen with a fixed seed, demand a synthetic
100 m point grid over the network's extent, 1 person per point), median of 20 runs including
the new coverage table.
"""

from __future__ import annotations

import os
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest

from ccgeo.analysis.access import AccessWhatIf, access
from ccgeo.geo import unproject_xy
from ccgeo.io.facilities import read_facilities
from ccgeo.io.osm import read_roads
from ccgeo.io.population import read_districts, read_population
from ccgeo.model.demand import Demand
from ccgeo.network.build import build_network

ROOT = Path(__file__).resolve().parents[2]
SHARED_DATA = Path(os.environ.get("CCGEO_SHARED_DATA", ROOT.parent / "shared" / "data"))
THRESHOLDS = (30, 60, 120)
N_LABS = 25
GRID_M = 100.0
#: Targets of the access issue.
TARGET_END_TO_END_S = 5.0
TARGET_PEAK_MB = 1024.0
TARGET_WHATIF_MS = 50.0


def ccgeo_end_to_end(folder: Path) -> tuple[float, float, Any]:
    """Wall seconds, peak traced MB and the result of the whole ccgeo run."""
    tracemalloc.start()
    t0 = time.perf_counter()
    roads = read_roads(folder / "poa_osm.pbf", mode="all")
    labs = read_facilities(folder / "porto_alegre_ubs_derived.csv")
    boundary = read_districts(folder / "porto_alegre_boundary_derived.geojson")
    demand = read_population(folder / "poa_hexgrid.csv", districts=boundary)
    net = build_network(roads, "car")
    result = access(net, labs, demand, districts=boundary, thresholds_minutes=THRESHOLDS)
    seconds = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak / 2**20, result


def osmnx_recipe(folder: Path) -> tuple[float, pd.DataFrame]:
    """The peer: osmnx + networkx + pandas on the same extract; wall seconds and coverage."""
    import networkx as nx
    import osmnx as ox

    t0 = time.perf_counter()
    graph = ox.graph_from_xml(folder / "poa_osm_derived.osm.bz2", retain_all=True)
    # the XML holds non-road ways too (no `highway` tag): keep the roads, as a planner must
    roads = [(u, v, k) for u, v, k, d in graph.edges(keys=True, data=True) if "highway" in d]
    graph = graph.edge_subgraph(roads).copy()
    graph = ox.add_edge_speeds(graph, fallback=25.0)
    graph = ox.add_edge_travel_times(graph)
    ubs = pd.read_csv(folder / "porto_alegre_ubs_derived.csv")
    hexes = pd.read_csv(folder / "poa_hexgrid.csv")
    hexes = hexes[hexes["population"] > 0]
    lab_nodes = ox.distance.nearest_nodes(graph, ubs["LONGITUDE"], ubs["LATITUDE"])
    home_nodes = ox.distance.nearest_nodes(graph, hexes["lon"], hexes["lat"])
    times = nx.multi_source_dijkstra_path_length(
        graph.reverse(copy=False), set(lab_nodes), weight="travel_time"
    )
    minutes = pd.Series(home_nodes).map(times).astype(float).fillna(np.inf) / 60
    pop = hexes["population"].to_numpy(dtype=float)
    coverage = pd.DataFrame(
        {
            "threshold_min": THRESHOLDS,
            "share": [pop[(minutes <= t).to_numpy()].sum() / pop.sum() for t in THRESHOLDS],
        }
    )
    return time.perf_counter() - t0, coverage


def bench_porto_alegre(shared_data: Path) -> dict[str, float]:
    folder = shared_data / "porto_alegre"
    t_ccgeo, peak_mb, result = ccgeo_end_to_end(folder)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t_peer, peer = osmnx_recipe(folder)
    city = result.city_coverage()
    print(f"\n(a) Porto Alegre access end to end, car, {len(result.labs)} UBS as labs, 30/60/120")
    print(
        f"  ccgeo   {t_ccgeo:7.2f} s  (read PBF + CSV + hexgrid, network, access, underserved, "
        f"isochrones); peak traced {peak_mb:.0f} MB, process max RSS {rss_mb:.0f} MB"
    )
    print(
        f"  peer    {t_peer:7.2f} s  (osmnx graph_from_xml + speeds + travel times + "
        "nearest_nodes + multi_source_dijkstra_path_length + pandas; no isochrones)"
    )
    print(f"  ratio   {t_peer / t_ccgeo:7.1f}x faster")
    print(f"  nodes {result.network_summary['nodes']}, arcs {result.network_summary['arcs']}")
    for (_, r), share in zip(city.iterrows(), peer["share"], strict=True):
        print(
            f"  <= {r.threshold_min:5.0f} min  ccgeo {100 * r.share:6.2f} %   "
            f"peer {100 * share:6.2f} % (nearest node only, no walk leg, unusable labs kept)"
        )
    return {"seconds": t_ccgeo, "peer_seconds": t_peer, "peak_mb": peak_mb, "rss_mb": rss_mb}


def bench_oaxaca_whatif(shared_data: Path) -> dict[str, float]:
    roads = read_roads(shared_data / "oaxaca" / "oaxaca_base.osm.pbf", mode="all")
    net = build_network(roads, "car")
    main = np.flatnonzero(net.main_component_mask())
    rng = np.random.default_rng(2024)
    labs = net.node_lonlat[np.sort(rng.choice(main, N_LABS, replace=False))]
    lo, hi = net.node_xy.min(axis=0), net.node_xy.max(axis=0)
    xs, ys = np.meshgrid(np.arange(lo[0], hi[0], GRID_M), np.arange(lo[1], hi[1], GRID_M))
    lonlat = unproject_xy(np.column_stack([xs.ravel(), ys.ravel()]), net.crs)
    gdf = gpd.GeoDataFrame(
        {
            "demand_id": np.arange(len(lonlat)).astype(str),
            "population": np.ones(len(lonlat)),
            "district_id": np.where(lonlat[:, 0] < np.median(lonlat[:, 0]), "west", "east"),
        },
        geometry=gpd.points_from_xy(lonlat[:, 0], lonlat[:, 1]),
        crs="EPSG:4326",
    )
    t0 = time.perf_counter()
    whatif = AccessWhatIf.from_inputs(
        net, labs, Demand(gdf=gdf), thresholds_minutes=THRESHOLDS, isochrones=False
    )
    t_base = time.perf_counter() - t0
    hubs = net.node_lonlat[np.random.default_rng(99).choice(main, 20, replace=False)]
    runs = []
    for lon, lat in hubs:
        t0 = time.perf_counter()
        whatif.add_hub(float(lon), float(lat))
        runs.append(time.perf_counter() - t0)
        whatif.reset()
    median_ms = 1000 * statistics.median(runs)
    print(
        f"\n(b) Oaxaca what-if add a hub: {net.n_nodes} nodes, {net.n_edges} arcs, {N_LABS} labs, "
        f"{len(gdf)} demand points (synthetic {GRID_M:g} m grid over the network extent)"
    )
    print(f"  baseline access (no isochrones)   {t_base * 1000:8.1f} ms")
    print(
        f"  add hub + new coverage, median 20 {median_ms:8.2f} ms "
        f"(max {1000 * max(runs):.2f} ms; target < {TARGET_WHATIF_MS:g} ms)"
    )
    return {"whatif_ms": median_ms}


def run(shared_data: Path) -> dict[str, float]:
    return {**bench_porto_alegre(shared_data), **bench_oaxaca_whatif(shared_data)}


def failures(numbers: dict[str, float]) -> list[str]:
    out = []
    if numbers["seconds"] > TARGET_END_TO_END_S:
        out.append(f"Porto Alegre end to end took {numbers['seconds']:.1f} s")
    if numbers["peak_mb"] > TARGET_PEAK_MB:
        out.append(f"Porto Alegre peak memory {numbers['peak_mb']:.0f} MB")
    if numbers["whatif_ms"] > TARGET_WHATIF_MS:
        out.append(f"Oaxaca what-if median {numbers['whatif_ms']:.1f} ms")
    return out


@pytest.mark.bench
def test_bench_access(shared_data: Path) -> None:
    missed = failures(run(shared_data))
    assert not missed, "; ".join(missed)


if __name__ == "__main__":
    if not SHARED_DATA.is_dir():
        sys.exit(f"real city data not found at {SHARED_DATA} (set CCGEO_SHARED_DATA)")
    missed = failures(run(SHARED_DATA))
    print("\n" + ("\n".join(missed) if missed else "all access targets met"))
    sys.exit(1 if missed else 0)
