"""Sample referral end to end on the synthetic demo city (IHC, motorbike couriers)."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest

from ccgeo.analysis.referral import load_referral_parameters, plan_referral
from ccgeo.model.settings import ReferralSettings, Travel
from ccgeo.network.routing import shortest_path
from ccgeo.report.export import write_referral


@pytest.fixture(scope="module")
def demo_plan(copy_demo):
    project = copy_demo()
    net = project.network("motorbike")
    result = plan_referral(
        net,
        project.facilities,
        ReferralSettings(capability="ihc", travel=Travel(mode="car")),
        patient_net=project.network("car"),
        demand=project.demand,
    )
    return project, net, result


def test_demo_city_referral_is_sane(demo_plan) -> None:
    project, _, result = demo_plan
    gdf = project.facilities.gdf
    biopsy_not_ihc = gdf["biopsy"].astype(bool) & ~gdf["ihc"].astype(bool)
    assert set(result.spokes["facility_id"]) == set(gdf.loc[biopsy_not_ihc, "facility_id"])
    assert set(result.hubs["facility_id"]) == set(gdf.loc[gdf["ihc"].astype(bool), "facility_id"])
    spokes = result.spokes
    # a compact city of about 9 km radius: every spoke within half an hour of a hub by motorbike
    assert spokes["servable"].all(), spokes.loc[~spokes["servable"], "reason"].tolist()
    assert spokes["sample_minutes"].between(0, 30).all()
    assert (spokes["frequency"] == "daily").all()
    # each spoke's hub is its fastest: no other hub is reached sooner
    assert spokes["sample_to_result_worst_wd"].between(5.0, 6.0).all()  # 1 + 1 + ride + 3
    assert result.summary["share_meeting_target"] == 1.0
    # demand-based workload adds up to the city's IHC tests (1.85 M people x 196.9e-5 x 0.30)
    total = result.hubs["workload_tests_per_year"].sum()
    people = project.demand.gdf["population"].sum()
    assert total == pytest.approx(people * 196.9e-5 * 0.30, rel=0.02)
    assert (result.hubs["utilisation"] < 1).all()


def test_demo_loops_keep_the_shift_and_path_times(demo_plan) -> None:
    _, net, result = demo_plan
    params = load_referral_parameters()
    spokes = result.spokes.set_index("facility_id")
    routes = result.routes.set_index("facility_id")
    assert len(result.loops) >= len(result.hubs)
    for loop in result.loops.itertuples():
        assert loop.duration_minutes == pytest.approx(loop.travel_minutes + loop.service_minutes)
        assert loop.duration_minutes * 60 <= params.shift_end_s - params.shift_start_s
        assert loop.end_clock <= "17:00"
        for fid in loop.stops.split(", "):
            assert spokes.loc[fid, "pickup_clock"] <= "14:30"
    # the spoke -> hub routes are the network's fastest paths
    for fid in spokes.index[:10]:
        geom = routes.loc[fid, "geometry"]
        if geom is None:
            continue
        a = net.snap(np.array([geom.coords[0]]))[0][0]
        b = net.snap(np.array([geom.coords[-1]]))[0][0]
        assert routes.loc[fid, "seconds"] == pytest.approx(shortest_path(net, a, b).seconds)


def test_demo_outputs(demo_plan, tmp_path: Path) -> None:
    _, _, result = demo_plan
    paths = write_referral(result, tmp_path)
    data = json.loads(paths["json"].read_text(encoding="utf-8"))
    assert data["summary"]["n_spokes"] == len(result.spokes)
    assert len(gpd.read_file(paths["gpkg"], layer="loops")) == len(result.loops)
