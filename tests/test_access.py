"""Access analysis on tiny synthetic networks with hand-checked times and people."""

from __future__ import annotations

import itertools
import json
import threading
import time

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from roadkit import LAT0, LON0, grid_roads, make_roads

from ccgeo.analysis.access import (
    CITY_ID,
    AccessWhatIf,
    access,
    coverage_table,
    underserved_areas,
)
from ccgeo.errors import Cancelled, InputError
from ccgeo.geo import project_lonlat
from ccgeo.model.demand import Demand
from ccgeo.model.facilities import Facilities
from ccgeo.model.settings import AccessSettings
from ccgeo.network.build import build_network

# 2500 m of residential road at 25 km/h is 2500 * 3.6 / 25 = 360 s exactly, so ten of them make
# exactly 3600 s: the case for "a person at exactly 60.0 minutes is within 60"
EDGE_M, EDGE_S = 2500.0, 360.0
DLON = 0.0235  # about 2.5 km at this latitude: nodes stay farther apart than the snap distance


@pytest.fixture(scope="module")
def chain():
    """A road of 11 nodes (lab at node 0) and a two-node island far to the north."""
    lonlat = [(LON0 + i * DLON, LAT0) for i in range(11)]
    lonlat += [(LON0 + 5 * DLON, LAT0 + 0.1), (LON0 + 5 * DLON + 0.01, LAT0 + 0.1)]
    edges = [(i, i + 1) for i in range(10)] + [(11, 12)]
    roads = make_roads(np.array(lonlat), edges, length_m=[EDGE_M] * 11)
    net = build_network(roads, "car")
    # network node of each road node, found by position
    node_of = {i: int(net.snap(np.array(lonlat[i]))[0][0]) for i in range(13)}
    return net, np.array(lonlat), node_of


def _demand(points, people, districts) -> Demand:
    gdf = gpd.GeoDataFrame(
        {
            "demand_id": [f"d{i}" for i in range(len(points))],
            "population": people,
            "district_id": districts,
        },
        geometry=gpd.points_from_xy([p[0] for p in points], [p[1] for p in points]),
        crs="EPSG:4326",
    )
    return Demand(gdf=gdf, kind="points")


@pytest.fixture(scope="module")
def chain_case(chain):
    net, lonlat, _ = chain
    points = [
        lonlat[0],  # at the lab: 0 s
        lonlat[3],  # 3 edges: 1080 s = 18 min
        lonlat[10],  # 10 edges: exactly 3600 s
        lonlat[11],  # the island: unreachable
        (lonlat[4][0], LAT0 - 0.05),  # 5.5 km from any road: off-network
        (lonlat[5][0], LAT0 + 0.0045),  # about 500 m north of node 5: 1800 s + a walk
    ]
    people = [100.0, 200.0, 300.0, 50.0, 25.0, 40.0]
    districts = ["D1", "D1", "D2", "D2", "D1", ""]
    labs = np.array([lonlat[0], (lonlat[2][0], LAT0 + 0.2)])  # the second is 22 km off-road
    names = gpd.GeoDataFrame(
        {"district_id": ["D1", "D2", "D3"], "name": ["Centro", "Norte", "Vazio"]},
        geometry=[shapely.box(0, 0, 1, 1)] * 3,
        crs="EPSG:4326",
    )
    demand = _demand(points, people, districts)
    result = access(net, labs, demand, districts=names, isochrones=False)
    return result, demand, labs


def test_hand_checked_times_and_statuses(chain_case, chain):
    result, _, _ = chain_case
    d = result.demand
    assert d["seconds"].iloc[:3].tolist() == [0.0, 3 * EDGE_S, 10 * EDGE_S]
    assert d["status"].tolist() == [
        "reached",
        "reached",
        "reached",
        "unreachable",
        "off_network",
        "reached",
    ]
    walk_m = d["snap_m"].iloc[5]
    assert 450 < walk_m < 550
    # the walk reaches the road a few metres from node 5 toward node 4 (north in degrees is not
    # quite north in UTM metres), and the drive to the lab starts there: 1800 s less that bit of
    # road, plus the walk
    net, _, node_of = chain
    point = project_lonlat(np.array([[d.geometry.iloc[5].x, d.geometry.iloc[5].y]]), net.crs)
    road = net.road_index().nearest(point)
    edge, fraction = int(road.edge[0]), float(road.fraction[0])
    assert {int(net.edge_u[edge]), int(net.edge_v[edge])} == {node_of[4], node_of[5]}
    share = fraction if net.edge_u[edge] == node_of[5] else 1.0 - fraction
    assert 0 < share < 0.01
    expected = 5 * EDGE_S - share * EDGE_S + walk_m / (5 / 3.6)
    assert d["seconds"].iloc[5] == pytest.approx(expected, rel=1e-9)
    # never later than the straight walk to node 5 of the old rule
    straight = float(np.hypot(*(point[0] - net.node_xy[node_of[5]])))
    assert d["seconds"].iloc[5] <= 5 * EDGE_S + straight / (5 / 3.6)
    assert np.isinf(d["seconds"].iloc[3])
    assert np.isinf(d["seconds"].iloc[4])
    assert d["lab_id"].tolist()[:3] == ["lab-1"] * 3
    assert d["lab_id"].iloc[3:5].isna().all()
    assert d["snap_m"].iloc[4] > 5000


def test_a_person_at_exactly_60_minutes_is_within_60(chain_case):
    result, _, _ = chain_case
    assert result.demand["minutes"].iloc[2] == 60.0
    city = result.city_coverage().set_index("threshold_min")
    # 100 at the lab + 200 at 18 min = 300 within 30; + 300 at 60.0 + 40 at ~42 min within 60
    assert city.loc[30.0, "covered"] == 300.0
    assert city.loc[60.0, "covered"] == 640.0
    assert city.loc[120.0, "covered"] == 640.0
    assert city.loc[30.0, "beyond"] == 340.0
    # a hair beyond 60 is not within 60
    table = coverage_table(np.array([3600.0, 3600.5]), np.array([1.0, 2.0]), None, [60])
    assert table["covered"].tolist() == [1.0]
    assert table["beyond"].tolist() == [2.0]


def test_float_sums_do_not_lose_the_last_minute():
    # 0.1 s arcs summed 36 000 times land near, not on, 3600 s; it still counts as 60 min
    drift = float(np.sum(np.full(36_000, 0.1)))
    assert drift != 3600.0
    table = coverage_table(np.array([drift]), np.array([5.0]), None, [60])
    assert table["covered"].iloc[0] == 5.0


def test_unreachable_and_off_network_people_are_reported_not_dropped(chain_case):
    result, demand, _ = chain_case
    assert len(result.demand) == len(demand)
    cov = result.coverage
    city = cov[cov["district_id"] == CITY_ID]
    assert (city["population"] == 715.0).all()
    assert (city["unreachable"] == 50.0).all()
    assert (city["off_network"] == 25.0).all()
    d2 = cov[cov["district_id"] == "D2"]
    assert (d2["unreachable"] == 50.0).all()
    assert (d2["district_name"] == "Norte").all()
    d1 = cov[cov["district_id"] == "D1"]
    assert (d1["off_network"] == 25.0).all()
    summary = result.summary()
    assert summary["unreachable"] == 50.0
    assert summary["off_network"] == 25.0
    assert any("unreachable" in w for w in result.warnings)
    assert any("off-network" in w for w in result.warnings)
    json.dumps(summary)  # JSON-ready


def test_coverage_rows_add_up_and_districts_sum_to_the_city(chain_case):
    result, _, _ = chain_case
    cov = result.coverage
    parts = cov[["covered", "beyond", "unreachable", "off_network"]].sum(axis=1)
    np.testing.assert_allclose(parts, cov["population"])
    # every district row, even the empty one and the people outside every district
    assert list(dict.fromkeys(cov["district_id"])) == [CITY_ID, "D1", "D2", "D3", ""]
    empty = cov[cov["district_id"] == "D3"]
    assert (empty["population"] == 0).all()
    assert empty["share"].isna().all()
    by_threshold = cov[cov["district_id"] != CITY_ID].groupby("threshold_min")
    city = cov[cov["district_id"] == CITY_ID].set_index("threshold_min")
    for col in ("population", "covered", "beyond", "unreachable", "off_network"):
        np.testing.assert_allclose(by_threshold[col].sum(), city[col])
    np.testing.assert_allclose(city["share"], city["covered"] / city["population"])


def test_labs_table_says_why_a_lab_is_not_used(chain_case, chain):
    result, _, _ = chain_case
    _, _, node_of = chain
    labs = result.labs
    assert labs["usable"].tolist() == [True, False]
    assert labs["node"].tolist() == [node_of[0], -1]
    assert labs["snap_m"].iloc[0] == pytest.approx(0.0, abs=1e-6)
    assert "more than the maximum snap distance" in labs["reason"].iloc[1]
    assert result.node_lab[node_of[11]] == -1
    assert np.isinf(result.node_seconds[node_of[11]])
    assert result.node_lab[node_of[7]] == 0
    assert result.node_seconds[node_of[7]] == 7 * EDGE_S
    assert result.summary()["labs_used"] == 1


def test_coverage_table_status_forms_agree_and_bad_status_is_refused():
    rng = np.random.default_rng(3)
    n = 500
    secs = rng.uniform(0, 9000, n)
    secs[:20] = np.inf
    pop = rng.uniform(0, 50, n)
    ids = rng.choice(["A", "B", ""], n).astype(object)
    names = np.array(["reached", "unreachable", "off_network"], dtype=object)
    code = np.where(np.isfinite(secs), 0, 1)
    code[20:30] = 2
    by_name = coverage_table(secs, pop, ids, [60, 30], status=names[code])
    by_code = coverage_table(secs, pop, ids, [30, 60], status=code)
    by_cat = coverage_table(secs, pop, pd.Categorical(ids), [30, 60], status=code)
    pd.testing.assert_frame_equal(by_name, by_code)
    pd.testing.assert_frame_equal(by_name, by_cat)
    # the same counts the slow way
    within = (code == 0) & (secs <= 1800)
    row = by_code[(by_code["district_id"] == "A") & (by_code["threshold_min"] == 30)].iloc[0]
    assert row["covered"] == pytest.approx(pop[within & (ids == "A")].sum())
    assert row["off_network"] == pytest.approx(pop[(code == 2) & (ids == "A")].sum())
    with pytest.raises(InputError, match="status should be one of"):
        coverage_table(secs, pop, ids, [30], status=np.full(n, "covered", dtype=object))
    with pytest.raises(InputError, match="thresholds_minutes"):
        coverage_table(secs, pop, ids, [])
    with pytest.raises(InputError, match="population should be 0 or more"):
        coverage_table(secs[:2], np.array([1.0, -1.0]), None, [30])


def test_coverage_table_is_fast_for_100k_points():
    rng = np.random.default_rng(0)
    n = 100_000
    secs = rng.exponential(2000, n)
    pop = rng.uniform(0, 100, n)
    ids = pd.Categorical(rng.choice([f"D{i:02d}" for i in range(40)], n))
    code = np.where(rng.random(n) < 0.01, 2, 0)
    best = np.inf
    for _ in range(7):
        t0 = time.perf_counter()
        coverage_table(secs, pop, ids, (30, 60, 120), status=code)
        best = min(best, time.perf_counter() - t0)
    assert best < 0.005, f"coverage table took {best * 1000:.1f} ms"


def _grid_points(nx: int, ny: int, step_m: float, origin=(500_000.0, 1_886_000.0)):
    xs, ys = np.meshgrid(origin[0] + step_m * np.arange(nx), origin[1] + step_m * np.arange(ny))
    return np.column_stack([xs.ravel(), ys.ravel()])


def test_underserved_areas_are_dissolved_ranked_and_keep_every_person():
    crs = "EPSG:32614"
    xy = _grid_points(10, 6, 100.0)
    col = np.tile(np.arange(10), 6)
    secs = np.full(len(xy), 600.0)
    secs[col <= 2] = 4000.0  # west block beyond 60 min: 18 points
    secs[col >= 7] = np.inf  # east block unreachable: 18 points
    pop = np.where(col >= 7, 20.0, 10.0)
    status = np.where(np.isinf(secs), "unreachable", "reached").astype(object)
    gdf = gpd.GeoDataFrame(
        {"population": pop, "seconds": secs, "status": status},
        geometry=gpd.points_from_xy(xy[:, 0], xy[:, 1]),
        crs=crs,
    )
    areas = underserved_areas(gdf, threshold_minutes=60, crs=crs)
    assert areas["rank"].tolist() == [1, 2]
    assert areas["population"].tolist() == [360.0, 180.0]
    assert areas["n_points"].tolist() == [18, 18]
    assert areas["nearest_lab"].tolist() == ["unreachable", "67 min"]
    assert areas["unreachable_population"].tolist() == [360.0, 0.0]
    assert areas["median_minutes"].iloc[1] == pytest.approx(4000 / 60)
    # each point stands for a 100 m x 100 m cell: 18 cells = 0.18 km2
    np.testing.assert_allclose(areas["area_km2"], [0.18, 0.18], rtol=1e-9)
    assert areas.geometry.is_valid.all()
    assert (areas["threshold_min"] == 60).all()
    pts = gdf.to_crs("EPSG:4326").geometry
    east, west = areas.geometry.iloc[0], areas.geometry.iloc[1]
    assert east.contains(pts[col >= 7]).all()
    assert west.contains(pts[col <= 2]).all()
    assert not (east.union(west)).intersects(pts[(col >= 4) & (col <= 5)]).any()


def test_underserved_areas_never_lose_a_scattered_point():
    rng = np.random.default_rng(11)
    crs = "EPSG:32614"
    xy = rng.uniform(0, 3000, (400, 2)) + np.array([500_000.0, 1_886_000.0])
    secs = rng.uniform(0, 7200, 400)
    pop = rng.uniform(1, 30, 400)
    gdf = gpd.GeoDataFrame(
        {"population": pop, "seconds": secs},
        geometry=gpd.points_from_xy(xy[:, 0], xy[:, 1]),
        crs=crs,
    )
    areas = underserved_areas(gdf, threshold_minutes=60, crs=crs)
    assert areas["population"].sum() == pytest.approx(pop[secs > 3600].sum())
    assert areas["n_points"].sum() == int((secs > 3600).sum())
    assert (np.diff(areas["population"].to_numpy()) <= 0).all()
    assert areas.geometry.is_valid.all()
    with pytest.raises(InputError, match="projected CRS"):
        underserved_areas(gdf, threshold_minutes=60, crs="EPSG:4326")


@pytest.fixture(scope="module")
def grid_case():
    """A 9 x 9 street grid, two labs, a demand point at every node and between nodes."""
    roads = grid_roads(9)
    net = build_network(roads, "car")
    rng = np.random.default_rng(5)
    lonlat = roads.node_lonlat
    pts = np.vstack([lonlat, lonlat[:-1] + np.array([0.0007, 0.0004])])
    ids = rng.choice(["N", "S"], len(pts))
    demand = _demand(pts.tolist(), rng.uniform(10, 100, len(pts)).tolist(), ids.tolist())
    facilities = Facilities.from_records(
        {"facility_id": f"F{i}", "lon": lonlat[j, 0], "lat": lonlat[j, 1], "pcr": i < 2}
        for i, j in enumerate([0, 80, 40, 8])
    )
    return net, facilities, demand


def test_what_if_equals_a_full_recompute(grid_case):
    net, facilities, demand = grid_case
    labs = facilities.capable("pcr")
    settings = AccessSettings(thresholds_minutes=(1, 2, 3))
    kw = {"isochrones": False}
    base = access(net, labs, demand, settings, **kw)
    whatif = AccessWhatIf(net, base, facilities=facilities)
    pd.testing.assert_frame_equal(whatif.coverage(), base.coverage)

    hub = (float(net.node_lonlat[60, 0]) + 1e-4, float(net.node_lonlat[60, 1]))
    after_add = whatif.add_hub(*hub)
    full = access(net, np.vstack([labs.lonlat(), [hub]]), demand, settings, **kw)
    pd.testing.assert_frame_equal(after_add, full.coverage)
    np.testing.assert_array_equal(whatif.demand_seconds(), full.demand["seconds"])
    assert not after_add.equals(base.coverage)

    after_upgrade = whatif.upgrade("F2")
    full = access(
        net, np.vstack([labs.lonlat(), [hub], facilities.lonlat()[2:3]]), demand, settings, **kw
    )
    pd.testing.assert_frame_equal(after_upgrade, full.coverage)

    after_remove = whatif.remove_hub(0)
    full = access(
        net,
        np.vstack([labs.lonlat()[1:], [hub], facilities.lonlat()[2:3]]),
        demand,
        settings,
        **kw,
    )
    pd.testing.assert_frame_equal(after_remove, full.coverage)

    moved = (float(net.node_lonlat[4, 0]), float(net.node_lonlat[4, 1]))
    after_move = whatif.move_hub(2, *moved)
    full = access(
        net,
        np.vstack([labs.lonlat()[1:], [moved], facilities.lonlat()[2:3]]),
        demand,
        settings,
        **kw,
    )
    pd.testing.assert_frame_equal(after_move, full.coverage)
    assert whatif.labs["open"].tolist() == [False, True, True, True]
    assert whatif.labs["kind"].tolist() == ["existing", "existing", "hub", "upgrade"]

    pd.testing.assert_frame_equal(whatif.reset(), base.coverage)


def test_what_if_refuses_bad_changes(grid_case):
    net, facilities, demand = grid_case
    whatif = AccessWhatIf.from_inputs(
        net,
        facilities.capable("pcr"),
        demand,
        AccessSettings(thresholds_minutes=(5,)),
        facilities=facilities,
    )
    with pytest.raises(InputError, match="place it nearer a road"):
        whatif.add_hub(LON0 + 1.0, LAT0 + 1.0)
    with pytest.raises(InputError, match="already a lab"):
        whatif.upgrade("F0")
    with pytest.raises(InputError, match="no facility has the id"):
        whatif.upgrade("nope")
    with pytest.raises(InputError, match="not an open lab"):
        whatif.remove_hub(7)
    whatif.remove_hub(1)
    with pytest.raises(InputError, match="not an open lab"):
        whatif.remove_hub(1)


def test_capability_filter_and_settings(grid_case):
    net, facilities, demand = grid_case
    result = access(net, facilities, demand, AccessSettings(capability="pcr"), isochrones=False)
    assert result.labs["facility_id"].tolist() == ["F0", "F1"]
    assert result.settings["capability"] == "pcr"
    assert result.settings["underserved_minutes"] == 60.0
    assert result.isochrones.empty
    other = access(
        net, facilities, demand, AccessSettings(thresholds_minutes=(10, 20)), isochrones=False
    )
    assert other.settings["underserved_minutes"] == 20.0


def test_access_with_isochrones_and_progress(grid_case):
    net, facilities, demand = grid_case
    seen: list[float] = []
    result = access(
        net,
        facilities.capable("pcr"),
        demand,
        AccessSettings(thresholds_minutes=(1, 2)),
        progress=lambda f, _text: seen.append(f),
    )
    assert seen[0] == 0.0
    assert seen[-1] == 1.0
    assert all(b >= a for a, b in itertools.pairwise(seen))
    assert result.isochrones["band_min_to"].tolist() == [1.0, 2.0]
    assert result.isochrones.geometry.is_valid.all()


def test_bad_inputs_raise_input_error(grid_case):
    net, facilities, demand = grid_case
    labs = facilities.capable("pcr")
    with pytest.raises(InputError, match="thresholds_minutes"):
        access(net, labs, demand, AccessSettings(thresholds_minutes=(-5,)))
    with pytest.raises(InputError, match="thresholds_minutes"):
        access(net, labs, demand, AccessSettings(thresholds_minutes=("soon",)))
    empty = Demand(gdf=demand.gdf.iloc[:0])
    with pytest.raises(InputError, match="no points with people"):
        access(net, labs, empty)
    with pytest.raises(InputError, match=r"\(k, 2\) lon/lat"):
        access(net, np.array([1.0, 2.0, 3.0]), demand)
    # Behaviour change of Step 6: the settings always name a test, so a capability no longer
    # asks for Facilities ("needs Facilities" is gone); labs given as points are labs already
    # chosen, used as given whatever the test.
    chosen = access(
        net, facilities.lonlat(), demand, AccessSettings(capability="ngs"), isochrones=False
    )
    assert chosen.summary()["labs_used"] == len(facilities)


def test_no_lab_leaves_everyone_unreachable_not_dropped(grid_case):
    net, _, demand = grid_case
    result = access(net, np.empty((0, 2)), demand, isochrones=False)
    city = result.city_coverage()
    assert (city["unreachable"] == city["population"]).all()
    assert (city["covered"] == 0).all()
    assert any("no lab was given" in w for w in result.warnings)


def test_cancel_stops_a_run(grid_case):
    net, facilities, demand = grid_case
    cancel = threading.Event()

    def progress(fraction: float, _text: str) -> None:
        if fraction >= 0.2:
            cancel.set()

    with pytest.raises(Cancelled):
        access(net, facilities, demand, progress=progress, cancel=cancel)
    cancel.set()
    with pytest.raises(Cancelled):
        access(net, facilities, demand, cancel=cancel)


def test_point_times_follow_the_rule_of_people(chain_case, chain):
    """Any point gets the time a person living there gets: same snapping, same node times."""
    from ccgeo.analysis.access import point_times

    result, demand, _ = chain_case
    net = chain[0]
    lonlat = np.column_stack([demand.gdf.geometry.x, demand.gdf.geometry.y])
    times = point_times(net, result, lonlat)
    np.testing.assert_array_equal(times["seconds"], result.demand["seconds"])
    assert times["status"].tolist() == result.demand["status"].tolist()
    assert times["lab_id"].tolist()[:3] == ["lab-1"] * 3
    assert times["lab_name"].iloc[:3].tolist() == ["lab-1"] * 3
    assert times["lab_id"].iloc[3:5].isna().all()
    assert (times["max_snap_m"] == result.settings["max_snap_m"]).all()
    np.testing.assert_array_equal(times["snap_m"], result.demand["snap_m"])


def test_point_times_of_a_what_if_equal_a_full_recompute(grid_case):
    """Identify on a live what-if: the time and lab of any point equal those of a full run with
    the changed labs (a hub added, an existing lab closed)."""
    from ccgeo.analysis.access import point_times

    net, facilities, demand = grid_case
    labs = facilities.capable("pcr")
    settings = AccessSettings(thresholds_minutes=(1, 2, 3))
    base = access(net, labs, demand, settings, isochrones=False)
    whatif = AccessWhatIf(net, base, facilities=facilities)
    hub = (float(net.node_lonlat[60, 0]) + 1e-4, float(net.node_lonlat[60, 1]))
    whatif.add_hub(*hub, hub_id="new", name="New hub")
    whatif.remove_hub(0)
    lonlat = np.column_stack([demand.gdf.geometry.x, demand.gdf.geometry.y])
    full = access(net, np.vstack([labs.lonlat()[1:], [hub]]), demand, settings, isochrones=False)
    times = whatif.point_times(lonlat)
    expected = point_times(net, full, lonlat)
    np.testing.assert_array_equal(times["seconds"], expected["seconds"])
    assert times["status"].tolist() == expected["status"].tolist()
    # the full run numbers its labs lab-1, lab-2; the what-if keeps their ids and the hub's
    names = {"lab-1": "F1", "lab-2": "new"}
    assert times["lab_id"].tolist() == [names.get(v, v) for v in expected["lab_id"]]
    assert "new" in set(times["lab_id"])
    assert "F0" not in set(times["lab_id"])
    assert set(times.loc[times["lab_id"] == "new", "lab_name"]) == {"New hub"}
