"""Benchmark: load the Oaxaca OSM extract with ccgeo (pyosmium, PBF) and with osmnx (XML copy).

Run as ``python tests/bench/bench_load_osm.py`` or ``pytest tests/bench -s``.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED_DATA = Path(os.environ.get("CCGEO_SHARED_DATA", ROOT.parent / "shared" / "data"))
PBF = SHARED_DATA / "oaxaca" / "oaxaca_base.osm.pbf"
XML = SHARED_DATA / "oaxaca" / "oaxaca_base_derived.osm.bz2"
CCGEO_RUNS = 3


def run_benchmark() -> dict[str, Any]:
    """Time both loaders and count what each built; returns the numbers it prints."""
    import osmnx as ox

    from ccgeo.io.osm import read_roads

    times = []
    for _ in range(CCGEO_RUNS):
        start = time.perf_counter()
        roads = read_roads(PBF, mode="all")
        times.append(time.perf_counter() - start)
    ccgeo_s = min(times)

    start = time.perf_counter()
    graph = ox.graph_from_xml(XML, simplify=True, retain_all=True)
    osmnx_s = time.perf_counter() - start
    road_edges = [(u, v, k) for u, v, k, d in graph.edges(keys=True, data=True) if "highway" in d]
    roads_only = graph.edge_subgraph(road_edges)

    result = {
        "ccgeo_s": ccgeo_s,
        "osmnx_s": osmnx_s,
        "ratio": osmnx_s / ccgeo_s,
        "ccgeo_nodes": roads.n_nodes,
        "ccgeo_edges": roads.n_edges,
        "ccgeo_directed_edges": roads.n_directed_edges,
        "osmnx_nodes": graph.number_of_nodes(),
        "osmnx_edges": graph.number_of_edges(),
        "osmnx_highway_nodes": roads_only.number_of_nodes(),
        "osmnx_highway_edges": roads_only.number_of_edges(),
    }
    print(f"\nLoading {PBF.name} ({PBF.stat().st_size / 1e6:.1f} MB) / {XML.name}")
    print(
        f"  ccgeo read_roads (PBF, best of {CCGEO_RUNS}): {ccgeo_s:6.2f} s  "
        f"{roads.n_nodes:,} nodes, {roads.n_edges:,} edges "
        f"({roads.n_directed_edges:,} counted as directed edges like osmnx)"
    )
    print(
        f"  osmnx graph_from_xml (bz2, 1 run):     {osmnx_s:6.2f} s  "
        f"{graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} edges "
        f"(highway edges only: {roads_only.number_of_nodes():,} nodes, "
        f"{roads_only.number_of_edges():,} edges)"
    )
    print(f"  ccgeo is {result['ratio']:.1f}x faster")
    return result


@pytest.mark.bench
def test_load_osm_benchmark() -> None:
    if not (PBF.is_file() and XML.is_file()):
        pytest.skip(f"Oaxaca OSM files not found in {SHARED_DATA} (set CCGEO_SHARED_DATA)")
    result = run_benchmark()
    assert result["ccgeo_directed_edges"] == pytest.approx(result["osmnx_edges"], rel=0.03)
    # the point of reading PBF with pyosmium: it must stay far ahead of osmnx's XML parser
    assert result["ratio"] > 5


if __name__ == "__main__":
    if not (PBF.is_file() and XML.is_file()):
        sys.exit(f"Oaxaca OSM files not found in {SHARED_DATA} (set CCGEO_SHARED_DATA)")
    run_benchmark()
