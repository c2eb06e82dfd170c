"""Sample referral on tiny synthetic networks whose times are known by hand."""

from __future__ import annotations

import dataclasses
import itertools
import json
import threading
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
from roadkit import LAT0, LON0, STEP, make_roads

from ccgeo.analysis.referral import (
    load_referral_parameters,
    parameters_with,
    plan_referral,
)
from ccgeo.errors import Cancelled, InputError
from ccgeo.model.facilities import Facilities
from ccgeo.model.network import Network
from ccgeo.model.settings import ReferralSettings, Snapping, Travel
from ccgeo.network.build import build_network
from ccgeo.network.routing import shortest_path
from ccgeo.report.export import write_referral

#: Residential streets: 25 km/h by car and motorbike, 5 km/h on foot (resources/speeds.toml).
KMH = 25.0


def _metres(minutes: float) -> float:
    return minutes * KMH * 1000.0 / 60.0


def _city(edges: list[tuple[int, int, float]], n_nodes: int) -> tuple[Network, Network, np.ndarray]:
    """Motorbike and walk networks of nodes on a line, edges of the given minutes by motorbike."""
    lonlat = np.array([(LON0 + i * STEP, LAT0) for i in range(n_nodes)])
    roads = make_roads(
        lonlat, [(a, b) for a, b, _ in edges], length_m=[_metres(m) for _, _, m in edges]
    )
    return build_network(roads, "motorbike"), build_network(roads, "walk"), lonlat


def _settings(capability: str = "ihc", **changes: object) -> ReferralSettings:
    """Referral settings of the synthetic city: patients travel by motorbike, as the couriers."""
    return ReferralSettings(capability=capability, travel=Travel(mode="motorbike"), **changes)


def _facility(fid: str, lonlat: np.ndarray, **caps: bool) -> dict[str, object]:
    return (
        {"facility_id": fid, "name": f"Facility {fid}", "lon": lonlat[0], "lat": lonlat[1]}
        | {"biopsy": True}
        | caps
    )


# Hub A at node 0, hub B at node 4. Spokes: S1 (node 1) 10 min from A; S2 (node 2) 25 min from A
# and 20 from B; S3 (node 3) 70 min from A; S4 (node 5) 5 min from B; S5 (node 6) 1500 min (25 h)
# from A; S6 two kilometres off every road.
EDGES = [(0, 1, 10.0), (1, 2, 15.0), (0, 3, 70.0), (2, 4, 20.0), (4, 5, 5.0), (3, 6, 1430.0)]


@pytest.fixture(scope="module")
def city() -> tuple[Network, Network, Facilities]:
    net, walk, lonlat = _city(EDGES, 7)
    recs = [
        _facility("A", lonlat[0], histology=True, ihc=True, eqa="national"),
        _facility("B", lonlat[4], histology=True, ihc=True),
        _facility("S1", lonlat[1]),
        _facility("S2", lonlat[2]),
        _facility("S3", lonlat[3]),
        _facility("S4", lonlat[5]),
        _facility("S5", lonlat[6]),
        _facility("S6", lonlat[1] + np.array([0.0, 0.02])),
        _facility("X", lonlat[2], biopsy=False, cytology=True),  # takes no biopsies
    ]
    recs[0]["capacity_tests_per_year"] = 1000.0
    recs[1]["capacity_tests_per_year"] = 500.0
    return net, walk, Facilities.from_records(recs)


@pytest.fixture(scope="module")
def plan(city: tuple[Network, Network, Facilities]):
    net, walk, fac = city
    tests = {"S1": 100.0, "S2": 50.0, "S3": 20.0, "S4": 30.0, "S5": 5.0, "S6": 1.0}
    settings = ReferralSettings(capability="ihc", travel=Travel(mode="walk"))
    return plan_referral(net, fac, settings, patient_net=walk, spoke_tests_per_year=tests)


def _row(result, fid: str):
    spokes = result.spokes.set_index("facility_id")
    return spokes.loc[fid]


def test_default_spokes_and_nearest_assignment(plan) -> None:
    assert list(plan.spokes["facility_id"]) == ["S1", "S2", "S3", "S4", "S5", "S6"]
    expected = {"S1": ("A", 10.0), "S2": ("B", 20.0), "S3": ("A", 70.0), "S4": ("B", 5.0)}
    for fid, (hub, minutes) in expected.items():
        row = _row(plan, fid)
        assert row["hub_id"] == hub
        assert row["assigned_by"] == "nearest"
        assert row["sample_minutes"] == pytest.approx(minutes, rel=1e-9)
    assert _row(plan, "S5")["sample_minutes"] == pytest.approx(1500.0, rel=1e-9)


def test_route_times_equal_shortest_path_times(plan, city) -> None:
    net = city[0]
    for row in plan.routes.itertuples():
        spoke = _row(plan, row.facility_id)
        if not np.isfinite(row.seconds):
            continue
        s_node = net.snap(np.array([row.geometry.coords[0]]))[0][0]
        h_node = net.snap(np.array([row.geometry.coords[-1]]))[0][0]
        path = shortest_path(net, int(s_node), int(h_node))
        assert row.seconds == path.seconds
        assert row.metres == path.metres
        assert spoke["sample_minutes"] * 60.0 == row.seconds


def test_every_spoke_served_or_listed_with_reason(plan) -> None:
    spokes = plan.spokes
    assert len(spokes) == 6
    served = spokes["servable"].to_numpy(dtype=bool)
    assert (spokes.loc[served, "reason"] == "").all()
    assert (spokes.loc[~served, "reason"].str.len() > 20).all()
    assert set(spokes.loc[~served, "facility_id"]) == {"S5", "S6"}
    assert "cannot pick up by 14:30" in _row(plan, "S5")["reason"]
    assert "from the nearest motorbike road" in _row(plan, "S6")["reason"]
    # every served spoke is in exactly one loop per pick-up, and in none when not served
    stops = [s for text in plan.loops["stops"] for s in text.split(", ")]
    assert sorted(stops) == sorted(spokes.loc[served, "facility_id"])
    assert plan.summary["n_not_servable"] == 2
    assert {d["facility_id"] for d in plan.summary["not_servable"]} == {"S5", "S6"}


def test_snapping_setting_places_spokes(city) -> None:
    net, _, fac = city
    # S6 lies about 2.2 km north of S1's road node: left out at the default 1 km ...
    near = plan_referral(net, fac, _settings(), spokes=["S1", "S6"])
    s6 = _row(near, "S6")
    assert not s6["servable"]
    assert "more than the maximum snap distance of 1000 m" in s6["reason"]
    assert s6["snap_m"] == pytest.approx(2200, rel=0.05)
    assert near.settings["max_snap_m"] == 1000.0
    # ... and tied to that node, served like S1, when the setting allows 3 km
    far = plan_referral(
        net, fac, _settings(snapping=Snapping(max_snap_m=3000.0)), spokes=["S1", "S6"]
    )
    s6 = _row(far, "S6")
    assert s6["servable"]
    assert s6["reason"] == ""
    assert s6["sample_minutes"] == pytest.approx(_row(far, "S1")["sample_minutes"])
    assert far.settings["max_snap_m"] == 3000.0


def test_snapping_leaves_out_hubs_with_the_reason(city) -> None:
    net, _, fac = city
    at_s6 = fac.gdf.set_index("facility_id").loc["S6"].geometry
    result = plan_referral(net, fac, _settings(), proposed_hubs=np.array([[at_s6.x, at_s6.y]]))
    hubs = result.hubs.set_index("facility_id")
    assert not hubs.loc["proposed-1", "usable"]
    assert hubs.loc["proposed-1", "node"] == -1
    assert any(w.startswith("hub proposed-1") and "maximum snap" in w for w in result.warnings)
    with pytest.raises(InputError, match=r"none of the 1 hubs lies within 1000 m"):
        plan_referral(net, fac, _settings(), hubs=np.array([[at_s6.x, at_s6.y]]))


def test_max_snap_m_is_a_setting_not_a_parameter(tmp_path: Path) -> None:
    old = tmp_path / "old.toml"
    old.write_text("[courier]\nmax_snap_m = 500.0\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"max_snap_m is no longer a referral parameter"):
        load_referral_parameters(old)
    assert "max_snap_m" not in load_referral_parameters().to_dict()
    with pytest.raises(InputError, match=r"`max_snap_m` should be a number above 0"):
        _settings(snapping=Snapping(max_snap_m=0.0))


def test_parameters_with_courier_settings(city) -> None:
    base = load_referral_parameters()
    assert parameters_with(base, _settings()) is base  # nothing set: the file's values
    settings = _settings(
        courier_mode="car",
        couriers_per_hub=3,
        shift_start="07:00",
        shift_end="18:00",
        latest_pickup="16:00",
    )
    p = parameters_with(base, settings)
    assert (p.courier_mode, p.couriers_per_hub) == ("car", 3)
    assert (p.shift_start_s, p.latest_pickup_s, p.shift_end_s) == (7 * 3600, 16 * 3600, 18 * 3600)
    assert p.basis["courier.latest_pickup"] == "referral settings"
    assert p.service_seconds == base.service_seconds
    # the plan applies them to the file's parameters
    net, _, fac = city
    result = plan_referral(net, fac, settings, hubs=["A"], spokes=["S1"])
    assert result.settings["parameters"]["latest_pickup"] == "16:00"
    assert result.settings["latest_pickup"] == "16:00"
    assert result.settings["courier_mode"] == "motorbike"  # the network's mode, as used
    assert result.loops.iloc[0]["start_clock"] == "07:00"
    assert any("parameters name 'car' as the courier mode" in w for w in result.warnings)
    # every problem at once
    with pytest.raises(InputError, match=r"couriers per hub is 0.*last pick-up must come after"):
        parameters_with(
            dataclasses.replace(base, couriers_per_hub=0), _settings(latest_pickup="07:30")
        )
    with pytest.raises(InputError, match=r"shift starts at 15:00, the last pick-up is at 14:30"):
        parameters_with(base, _settings(shift_start="15:00"))


def test_courier_loops_keep_the_shift_and_use_path_times(plan, city) -> None:
    net = city[0]
    p = load_referral_parameters()
    nodes = {"A": 0, "B": 4, "S1": 1, "S2": 2, "S3": 3, "S4": 5}
    node_of = {
        k: int(net.snap(np.array([[LON0 + v * STEP, LAT0]]))[0][0]) for k, v in nodes.items()
    }
    assert len(plan.loops) >= 2
    for loop in plan.loops.itertuples():
        seq = [loop.hub_id, *loop.stops.split(", "), loop.hub_id]
        legs = [shortest_path(net, node_of[a], node_of[b]) for a, b in itertools.pairwise(seq)]
        assert loop.travel_minutes == pytest.approx(
            sum(leg.seconds for leg in legs) / 60, rel=1e-12
        )
        assert loop.service_minutes == pytest.approx(loop.n_stops * 10.0)
        duration = loop.travel_minutes + loop.service_minutes
        assert loop.duration_minutes == pytest.approx(duration)
        assert duration * 60 <= p.shift_end_s - p.shift_start_s
        assert loop.start_clock == "08:00"
        assert loop.end_clock <= "17:00"
    for fid in ("S1", "S2", "S3", "S4"):
        row = _row(plan, fid)
        assert row["frequency"] == "daily"  # two couriers suffice for every spoke, S3 included
        assert row["pickup_clock"] <= "14:30"


def test_fresh_tissue_fixed_on_site_beyond_60_minutes(plan) -> None:
    assert not _row(plan, "S1")["must_fix_on_site"]
    assert _row(plan, "S1")["can_send_fresh"]
    s3 = _row(plan, "S3")
    assert s3["must_fix_on_site"]
    assert not s3["can_send_fresh"]
    assert "fix in formalin on site" in s3["can_send"]
    # S3, S5 (25 h away) and S6 (no road route: it cannot send fresh either)
    assert plan.summary["share_must_fix_on_site"] == pytest.approx(3 / 6)


def test_flow_specimen_infeasible_past_24_hours(city) -> None:
    net, _, fac = city
    result = plan_referral(net, fac, _settings("flow"), hubs=["A"], spokes=["S1", "S5"])
    s1, s5 = _row(result, "S1"), _row(result, "S5")
    # S5's direct trip is 25 h: beyond the 24 h flow limit, within the Streck plasma 5 days
    assert s5["flow_specimen_hours"] == pytest.approx(25.0)
    assert not s5["flow_feasible"]
    assert s5["plasma_streck_ok"]
    assert s1["flow_feasible"]
    assert "not flow_specimen" in s5["can_send"]


def test_flow_limit_from_a_user_file(city, tmp_path: Path) -> None:
    net, _, fac = city
    user = tmp_path / "mine.toml"
    user.write_text("[specimens.flow_specimen]\nlimit_hours = 0.25\n", encoding="utf-8")
    params = load_referral_parameters(user)
    assert params.specimens["flow_specimen"].limit_hours == 0.25
    assert params.specimens["flow_specimen"].basis == "user file mine.toml"
    result = plan_referral(net, fac, _settings("flow"), hubs=["A"], spokes=["S1"], params=params)
    s1 = _row(result, "S1")
    # one stop: picked up 08:10, 10 min service, 10 min back: held 10 min + on board 20 min
    assert s1["flow_specimen_hours"] == pytest.approx(0.5)
    assert not s1["flow_feasible"]


def test_sample_to_result_arithmetic_by_hand(city) -> None:
    net, _, fac = city
    result = plan_referral(net, fac, _settings("ihc"), hubs=["A"], spokes=["S1"])
    s1 = _row(result, "S1")
    loop = result.loops.iloc[0]
    assert (loop["stops"], loop["end_clock"]) == ("S1", "08:30")
    assert s1["pickup_clock"] == "08:10"
    assert s1["on_board_minutes"] == pytest.approx(20.0)
    transport = 20.0 / 60.0 / 8.0  # 20 min on board in an 8-hour working day
    assert s1["transport_wd"] == pytest.approx(transport)
    # dispatch 1 + waiting (daily: 0.5 average, 1 worst) + transport + IHC lab 3 working days
    assert s1["sample_to_result_average_wd"] == pytest.approx(1 + 0.5 + transport + 3)
    assert s1["sample_to_result_worst_wd"] == pytest.approx(1 + 1 + transport + 3)
    assert s1["meets_target"]
    assert s1["leaves_within_dispatch_limit"]  # 1 + 1 <= 3
    # a lab turnaround of 10 working days alone fills the target
    slow_lab = dict(load_referral_parameters().lab_turnaround_working_days, ihc=10.0)
    ngs = plan_referral(
        net,
        fac,
        _settings("ihc"),
        hubs=["A"],
        spokes=["S1"],
        params=_with(lab_turnaround_working_days=slow_lab),
    )
    assert not _row(ngs, "S1")["meets_target"]
    assert ngs.summary["share_meeting_target"] == 0.0


def _with(**changes: object):
    return dataclasses.replace(load_referral_parameters(), **changes)


def test_weekly_pickup_when_couriers_do_not_suffice() -> None:
    # three spokes 100 min from the hub in three directions: one courier reaches two a day
    net, _, lonlat = _city([(0, 1, 100.0), (0, 2, 100.0), (0, 3, 100.0)], 4)
    recs = [_facility("H", lonlat[0], ihc=True)]
    recs += [_facility(f"S{i}", lonlat[i]) for i in (1, 2, 3)]
    fac = Facilities.from_records(recs)
    result = plan_referral(net, fac, _settings("ihc"), params=_with(couriers_per_hub=1))
    spokes = result.spokes
    assert spokes["servable"].all()
    assert (spokes["frequency"] == "weekly").all()  # beyond the 60-min urban radius
    assert (spokes["pickups_per_week"] == 1).all()
    assert (spokes["wait_worst_wd"] == 5.0).all()
    assert (spokes["wait_average_wd"] == 2.5).all()
    lab_dispatch = 3.0 + 1.0
    worst = lab_dispatch + 5.0 + spokes["on_board_minutes"] / 60 / 8
    np.testing.assert_allclose(spokes["sample_to_result_worst_wd"], worst)
    assert set(result.loops["day"]) <= {1, 2, 3, 4, 5}
    assert len(result.loops) >= 2
    # the same plan in a one-day week cannot fit the third spoke: listed, with couriers needed
    tight = plan_referral(
        net, fac, _settings("ihc"), params=_with(couriers_per_hub=1, working_days_per_week=1)
    )
    missed = tight.spokes[~tight.spokes["servable"]]
    assert len(missed) == 1
    assert "needs 2 couriers" in missed["reason"].iloc[0]
    assert int(tight.hubs["couriers_needed"].iloc[0]) == 2


def test_user_assignment_and_proposed_hub(city) -> None:
    net, _, fac = city
    result = plan_referral(net, fac, _settings("ihc"), assignment={"S1": "B"})
    s1 = _row(result, "S1")
    assert (s1["hub_id"], s1["assigned_by"]) == ("B", "user")
    assert s1["sample_minutes"] == pytest.approx(35.0)
    # a proposed hub beside S5 serves it
    at_s5 = fac.gdf.set_index("facility_id").loc["S5"].geometry
    proposed = plan_referral(
        net, fac, _settings("ihc"), proposed_hubs=np.array([[at_s5.x, at_s5.y]])
    )
    s5 = _row(proposed, "S5")
    assert s5["hub_id"] == "proposed-1"
    assert s5["servable"]
    assert bool(proposed.hubs.set_index("facility_id").loc["proposed-1", "proposed"])


def test_quality_filter_and_patient_trip(plan, city) -> None:
    net, _, fac = city
    eqa = plan_referral(net, fac, _settings("ihc", quality="eqa"))
    assert set(eqa.hubs["facility_id"]) == {"A"}  # B has no EQA: it becomes a spoke
    assert "B" in set(eqa.spokes["facility_id"])
    # walking at 5 km/h takes five times the motorbike's 25 km/h
    s2 = _row(plan, "S2")
    assert s2["patient_minutes"] == pytest.approx(5 * 20.0)
    assert s2["patient_minus_sample_minutes"] == pytest.approx(80.0)
    assert s2["patient_hours_saved_per_year"] == pytest.approx(50.0 * 2 * 100.0 / 60.0)


def test_hub_workload(plan) -> None:
    hubs = plan.hubs.set_index("facility_id")
    assert hubs.loc["A", "referred_tests_per_year"] == pytest.approx(100.0 + 20.0)  # S1, S3
    assert hubs.loc["B", "referred_tests_per_year"] == pytest.approx(50.0 + 30.0)  # S2, S4
    assert hubs.loc["B", "utilisation"] == pytest.approx(80.0 / 500.0)
    assert hubs.loc["A", "n_spokes"] == 3  # S1, S3, S5; S6 is off the roads, tied to no hub
    assert hubs.loc["A", "n_servable"] == 2


def test_outputs_are_written_and_json_clean(plan, tmp_path: Path) -> None:
    paths = write_referral(plan, tmp_path / "out")
    data = json.loads(paths["json"].read_text(encoding="utf-8"))
    assert data["summary"]["n_spokes"] == 6
    assert data["settings"]["parameters"]["latest_pickup"] == "14:30"
    assert "NaN" not in paths["json"].read_text(encoding="utf-8")
    routes = gpd.read_file(paths["gpkg"], layer="routes")
    loops = gpd.read_file(paths["gpkg"], layer="loops")
    assert len(routes) == 6
    assert len(loops) == len(plan.loops)
    assert paths["csv"].read_text(encoding="utf-8").startswith("facility_id,name,hub_id")


def test_no_capable_hub(city) -> None:
    net, _, fac = city
    with pytest.raises(InputError, match=r"no facility can do PCR: choose another test or quality"):
        plan_referral(net, fac, _settings("pcr"))


def test_unknown_spoke_ids(city) -> None:
    net, _, fac = city
    with pytest.raises(InputError, match=r"not in the facility layer: S9, Z1"):
        plan_referral(net, fac, _settings("ihc"), spokes=["S1", "S9", "Z1"])


def test_bad_assignment_lists_every_problem(city) -> None:
    net, _, fac = city
    with pytest.raises(InputError, match=r"spoke 'Q' is not a spoke.*hub 'C' \(for spoke 'S1'\)"):
        plan_referral(net, fac, _settings("ihc"), assignment={"Q": "A", "S1": "C"})


def test_spoke_that_is_a_hub_and_bad_capability(city) -> None:
    net, _, fac = city
    with pytest.raises(InputError, match=r"A are both spokes and hubs"):
        plan_referral(net, fac, _settings("ihc"), spokes=["A", "S1"])
    with pytest.raises(InputError, match=r"`capability` should be .* got 'biopsy'"):
        plan_referral(net, fac, _settings("biopsy"))


def test_bad_parameter_file_lists_every_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[courier]\ncouriers_per_hub = 0\nlatest_pickup = "18:00"\n'
        '[turnaround]\nwait_rule = "median"\n',
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"couriers_per_hub = 0.*latest_pickup.*wait_rule"):
        load_referral_parameters(bad)
    unknown = tmp_path / "unknown.toml"
    unknown.write_text("[courier]\nbikes = 3\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"unknown key \[courier\] 'bikes'"):
        load_referral_parameters(unknown)
    with pytest.raises(InputError, match="not found"):
        load_referral_parameters(tmp_path / "missing.toml")


def test_bundled_parameters_have_sources() -> None:
    p = load_referral_parameters()
    assert p.courier_mode == "motorbike"
    assert (p.shift_start_s, p.latest_pickup_s, p.shift_end_s) == (8 * 3600, 14.5 * 3600, 17 * 3600)
    assert p.specimens["fresh_tissue"].limit_hours == 1.0
    assert p.specimens["ffpe_block"].limit_hours == np.inf
    assert p.capability_specimens["flow"] == ("flow_specimen",)
    assert all(p.basis.values())


def test_cancel_and_progress(city) -> None:
    net, _, fac = city
    event = threading.Event()
    event.set()
    with pytest.raises(Cancelled):
        plan_referral(net, fac, _settings("ihc"), cancel=event)
    seen: list[float] = []
    plan_referral(net, fac, _settings("ihc"), progress=lambda f, _t: seen.append(f))
    assert seen[0] == 0.0
    assert seen[-1] == 1.0
    assert seen == sorted(seen)
