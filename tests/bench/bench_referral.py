"""Referral planning at city scale: Porto Alegre's 148 primary-care units sending to 4 hubs.

Run ``python tests/bench/bench_referral.py`` or ``pytest tests/bench/bench_referral.py -s``. The
four hubs are the units nearest to four points around the city centre (a stand-in: the file has no
lab data); every unit is a spoke. Prints the time of each stage and OR-Tools' solve time, and
checks the plan's invariants: every spoke served or given a reason, every loop within the shift.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from ccgeo.analysis.referral import load_referral_parameters, plan_referral
from ccgeo.io.facilities import read_facilities
from ccgeo.model.settings import ReferralSettings, Travel
from ccgeo.network.build import load_network

ROOT = Path(__file__).resolve().parents[2]
SHARED_DATA = Path(os.environ.get("CCGEO_SHARED_DATA", ROOT.parent / "shared" / "data"))
ROADS = "porto_alegre/poa_osm.pbf"
UNITS = "porto_alegre/porto_alegre_ubs_derived.csv"


def run(data: Path) -> dict[str, float]:
    """Plan the referral and return timings, seconds, and counts."""
    t0 = time.perf_counter()
    net = load_network(data / ROADS, "motorbike")
    t_net = time.perf_counter() - t0
    facilities = read_facilities(data / UNITS)
    gdf = facilities.gdf
    lonlat = facilities.lonlat()
    centre = np.median(lonlat, axis=0)
    offsets = np.array([[0.03, 0.03], [-0.03, 0.03], [0.03, -0.03], [-0.03, -0.03]])
    picks = [int(np.argmin(((lonlat - (centre + o)) ** 2).sum(axis=1))) for o in offsets]
    hub_ids = gdf["facility_id"].iloc[picks].astype(str).tolist()
    spoke_ids = [f for f in gdf["facility_id"].astype(str) if f not in hub_ids]
    t1 = time.perf_counter()
    settings = ReferralSettings(capability="ihc", travel=Travel(mode="motorbike"))
    result = plan_referral(net, facilities, settings, hubs=hub_ids, spokes=spoke_ids)
    t_plan = time.perf_counter() - t1
    params = load_referral_parameters()
    spokes = result.spokes
    assert ((spokes["reason"] == "") == spokes["servable"]).all()
    assert (
        result.loops["duration_minutes"] * 60 <= params.shift_end_s - params.shift_start_s
    ).all()
    return {
        "network_s": t_net,
        "plan_s": t_plan,
        "ortools_s": float(result.summary["solve_seconds"]),
        "spokes": float(len(spokes)),
        "servable": float(spokes["servable"].sum()),
        "loops": float(len(result.loops)),
        "share_meeting_target": float(result.summary["share_meeting_target"]),
        "median_sample_minutes": float(result.summary["median_sample_minutes"]),
    }


def test_bench_referral_porto_alegre(shared_data: Path) -> None:
    if not (shared_data / ROADS).is_file():
        pytest.skip(f"{ROADS} not in the shared data")
    numbers = run(shared_data)
    for key, value in numbers.items():
        print(f"{key:>22}: {value:.3f}")
    assert numbers["servable"] > 0


if __name__ == "__main__":
    if not (SHARED_DATA / ROADS).is_file():
        sys.exit(f"real data not found at {SHARED_DATA}")
    for name, value in run(SHARED_DATA).items():
        print(f"{name:>22}: {value:.3f}")
