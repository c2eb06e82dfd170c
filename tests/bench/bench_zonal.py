"""People per district on the national Malawi 1 km raster: ccgeo against exactextract.

Run ``python tests/bench/bench_zonal.py`` or ``pytest tests/bench/bench_zonal.py -s``. The
districts are 28 Voronoi polygons over the raster's extent with a vertex every 0.002° (about
200 m, like real boundaries), so that their borders cut through cells. Timed best of 3, in the
same process: ``ccgeo.zonal_population`` against ``exactextract.exact_extract(..., "sum")``
(the peer, on the file), and ``read_population`` with the districts (every border cell split
into one demand point per district) against the same reader without districts. Both engines
must give the same totals to 0.1 %.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from benchkit import Row, best_of, main

RASTER = "malawi_national/WP_2020_1km_STD.tif"
RUNS = 3
N_DISTRICTS = 28
#: ccgeo's zonal totals read the window, clean the cells (nodata, negative, too many people)
#: and call exactextract: at most about twice the peer's time. Measured: 0.8-1.0x.
TARGET_ZONAL_RATIO = 0.5
#: Reading the national raster split by district: measured 0.5-1.0 s on the 2-core machine
#: (0.2-0.3 s without districts).
LIMIT_SPLIT_S = 5.0
TOLERANCE = 1e-3


def districts(raster: Path, *, seed: int = 1) -> Any:
    """``N_DISTRICTS`` Voronoi polygons over the raster's extent, EPSG:4326."""
    import geopandas as gpd
    import numpy as np
    import rasterio
    import shapely

    with rasterio.open(raster) as src:
        b = src.bounds
    rng = np.random.default_rng(seed)
    extent = shapely.box(*b)
    seeds = shapely.multipoints(
        np.column_stack(
            [rng.uniform(b.left, b.right, N_DISTRICTS), rng.uniform(b.bottom, b.top, N_DISTRICTS)]
        )
    )
    cells = shapely.get_parts(shapely.voronoi_polygons(seeds, extend_to=extent))
    cells = shapely.segmentize(shapely.intersection(cells, extent), 0.002)
    ids = [f"D{i + 1}" for i in range(len(cells))]
    return gpd.GeoDataFrame({"district_id": ids, "name": ids}, geometry=list(cells), crs=4326)


def run(shared_data: Path) -> dict[str, Any]:
    """Time both engines and compare their totals; returns the numbers it prints."""
    from exactextract import exact_extract

    import ccgeo

    raster = shared_data / RASTER
    polygons = districts(raster)
    ccgeo_s, ours = best_of(lambda: ccgeo.zonal_population(raster, polygons), RUNS)
    peer_s, peer = best_of(
        lambda: exact_extract(str(raster), polygons, "sum", output="pandas"), RUNS
    )
    split_s, demand = best_of(lambda: ccgeo.read_population(raster, districts=polygons), RUNS)
    whole_s, whole = best_of(lambda: ccgeo.read_population(raster), RUNS)
    by_district = demand.gdf.groupby("district_id")["population"].sum()
    peer_sums = peer["sum"].to_numpy()
    zonal_gap = max(abs(a / b - 1) for a, b in zip(ours, peer_sums, strict=True) if b > 0)
    split_gap = max(
        abs(by_district.get(d, 0.0) / b - 1)
        for d, b in zip(polygons["district_id"], peer_sums, strict=True)
        if b > 0
    )
    result = {
        "ccgeo_zonal_s": ccgeo_s,
        "exactextract_s": peer_s,
        "split_s": split_s,
        "whole_s": whole_s,
        "zonal_gap": zonal_gap,
        "split_gap": split_gap,
        "demand_points": len(demand),
        "cells": len(whole),
        "people_gap": abs(demand.total_population - whole.total_population),
    }
    print(
        f"\nPeople per district, {raster.name}, {N_DISTRICTS} Voronoi districts"
        f"\n  ccgeo.zonal_population (best of {RUNS}): {ccgeo_s:6.3f} s"
        f"\n  exactextract sum (best of {RUNS}):       {peer_s:6.3f} s  "
        f"(ratio {peer_s / ccgeo_s:.2f}x; largest gap {100 * zonal_gap:.2g} %)"
        f"\n  read_population split by district:     {split_s:6.3f} s  "
        f"{len(demand):,} demand points from {len(whole):,} cells "
        f"(without districts {whole_s:.3f} s); largest gap to exactextract "
        f"{100 * split_gap:.2g} %, people preserved to {result['people_gap']:.2g}"
    )
    assert zonal_gap <= TOLERANCE, "ccgeo.zonal_population differs from exactextract"
    assert split_gap <= TOLERANCE, "the districts' demand differs from exactextract"
    assert result["people_gap"] < 0.5, "the split lost or added people"
    return result


def rows(n: dict[str, Any]) -> list[Row]:
    return [
        Row.speedup(
            "people per district, Malawi 1 km (28 districts)",
            n["ccgeo_zonal_s"],
            "exactextract sum",
            n["exactextract_s"],
            TARGET_ZONAL_RATIO,
        ),
        Row.limit(
            "population split by district, Malawi 1 km",
            n["split_s"],
            "s",
            LIMIT_SPLIT_S,
            peer=f"no districts {n['whole_s']:.2f} s",
        ),
    ]


@pytest.mark.bench
def test_zonal_benchmark(shared_data: Path) -> None:
    if not (shared_data / RASTER).is_file():
        pytest.skip(f"Malawi raster not found in {shared_data} (set CCGEO_SHARED_DATA)")
    missed = [r.failure() for r in rows(run(shared_data)) if not r.met]
    assert not missed, "; ".join(missed)


if __name__ == "__main__":
    main("bench_zonal", run, rows, (RASTER,))
