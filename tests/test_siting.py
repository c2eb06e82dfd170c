"""New-hub siting: hand instances with known optima, spopt's optimum on random ones, errors."""

from __future__ import annotations

import itertools
import json
import threading

import geopandas as gpd
import numpy as np
import pyogrio
import pytest
import shapely
from roadkit import grid_roads, random_roads
from scipy.sparse.csgraph import dijkstra

from ccgeo.analysis.placement import snap_points
from ccgeo.analysis.siting import (
    LSCP,
    MCLP,
    PMedian,
    candidates_from_facilities,
    candidates_from_points,
    candidates_grid,
    demand_site_seconds,
    site_hubs,
)
from ccgeo.errors import Cancelled, InputError
from ccgeo.model.facilities import Facilities
from ccgeo.model.network import Network
from ccgeo.model.settings import SitingSettings, Snapping, Travel
from ccgeo.network.build import build_network
from ccgeo.report.export import write_siting

# demand on the 9 nodes of a 3 × 3 walking grid (edges of 213-221 m, about 155 s on foot);
# within 3 min each node reaches itself and its grid neighbours, nothing farther
#: spopt builds its models with PuLP calls that PuLP 3.3 deprecates; not ours to fix
SPOPT_WARNINGS = pytest.mark.filterwarnings("ignore:.*PuLP 4:DeprecationWarning")

WEIGHTS = np.array([20, 1, 10, 1, 5, 1, 10, 1, 10], dtype=float)
LIMIT_S = 180.0


@pytest.fixture(scope="module")
def grid() -> Network:
    return build_network(grid_roads(3), mode="walk")


@pytest.fixture(scope="module")
def grid_demand(grid: Network) -> gpd.GeoDataFrame:
    lonlat = grid.node_lonlat
    return gpd.GeoDataFrame(
        {"population": WEIGHTS, "district_id": ["west", "west", "east"] * 3},
        geometry=gpd.points_from_xy(lonlat[:, 0], lonlat[:, 1]),
        crs="EPSG:4326",
    )


def _sites(net: Network, nodes: list[int]) -> gpd.GeoDataFrame:
    return candidates_from_points(net.node_lonlat[nodes], [f"n{i}" for i in nodes])


def _grid_model(cls, net, demand, nodes, existing=None, **kw):
    labs = None if existing is None else net.node_lonlat[existing]
    return cls.from_network(
        net,
        demand,
        _sites(net, nodes),
        labs,
        minutes=LIMIT_S / 60.0,
        snapping=Snapping(max_snap_m=50.0),
        **kw,
    )


def _random_instance(seed: int, n: int = 40, m: int = 12) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    dem, sites = rng.random((n, 2)) * 10, rng.random((m, 2)) * 10
    cost = np.hypot(*(dem[:, None, :] - sites[None, :, :]).transpose(2, 0, 1)) * 60.0
    return cost, rng.integers(1, 100, n).astype(float)


# -- the matrix ----------------------------------------------------------------------------------


def test_matrix_pattern_on_the_grid(grid, grid_demand):
    model = _grid_model(MCLP, grid, grid_demand, [0, 4, 8, 2])
    covered = {
        model.candidates["candidate_id"][j]: sorted(model.cost[:, j].tocoo().row.tolist())
        for j in range(model.n_candidates)
    }
    assert covered == {
        "n0": [0, 1, 3],
        "n4": [1, 3, 4, 5, 7],
        "n8": [5, 7, 8],
        "n2": [1, 2, 5],
    }
    # a point on its site is a pair at 0 s, kept although it is zero
    assert model.cost[0, 0] == 0.0
    assert model.cost[:, 0].nnz == 3


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_matrix_equals_full_dijkstra_and_the_access_rule(seed):
    net = build_network(random_roads(7, seed), mode="car")
    rng = np.random.default_rng(seed)
    lo, hi = net.node_lonlat.min(axis=0), net.node_lonlat.max(axis=0)
    points = lo + rng.random((120, 2)) * (hi - lo)
    snapped = snap_points(net, points, Snapping(max_snap_m=400.0))
    sites = rng.choice(net.n_nodes, 9, replace=False)
    limit = 90.0
    got = demand_site_seconds(net, snapped, sites, max_seconds=limit).toarray()
    got_mask = demand_site_seconds(net, snapped, sites, max_seconds=limit).copy()
    full = dijkstra(net.csr_to, directed=True, indices=sites)
    for j in range(len(sites)):
        expected, _ = snapped.seconds_via(full[j])
        within = expected <= limit + 1e-6
        stored = np.zeros(len(points), dtype=bool)
        stored[got_mask[:, j].tocoo().row] = True
        assert np.array_equal(stored, within)
        np.testing.assert_allclose(got[within, j], expected[within], rtol=1e-12)


# -- MCLP ----------------------------------------------------------------------------------------


def test_mclp_hand_optimum(grid, grid_demand):
    model = _grid_model(MCLP, grid, grid_demand, [0, 4, 8, 2])
    one = model.solve(1, curve_hubs=0)
    assert one.chosen_ids == ("n0",)
    assert one.objective == pytest.approx(22.0)
    two = model.solve(2, curve_hubs=0)
    assert set(two.chosen_ids) == {"n0", "n8"}
    assert two.objective == pytest.approx(34.0)
    assert two.status == "optimal"
    assert two.gap == pytest.approx(0.0, abs=1e-9)
    assert two.marginal_gains.tolist() == pytest.approx([22.0, 12.0])
    assert two.summary_lines()[0].startswith("hub 1 (n0) adds 22 people within 3 min")


def test_mclp_existing_lab_is_fixed_and_counts_only_new_coverage(grid, grid_demand):
    model = _grid_model(MCLP, grid, grid_demand, [4, 8, 2], existing=[0])
    result = model.solve(1, curve_hubs=0)
    # the lab at node 0 covers 0, 1, 3 (22 people); node 8 adds 5, 7, 8 (12), node 2 adds 2, 5
    assert result.chosen_ids == ("n8",)
    assert result.objective == pytest.approx(12.0)
    assert result.totals["covered_before"] == pytest.approx(22.0)
    assert result.totals["covered_after"] == pytest.approx(34.0)


def test_before_after_table_per_district(grid, grid_demand):
    result = _grid_model(MCLP, grid, grid_demand, [4, 8, 2], existing=[0]).solve(1, curve_hubs=0)
    table = result.districts.set_index("district_id")
    assert table.loc["ALL", "gained"] == pytest.approx(result.objective)
    # west holds nodes 0, 1, 3, 4, 6, 7; east 2, 5, 8
    assert table.loc["west", "covered_before"] == pytest.approx(22.0)
    assert table.loc["west", "covered_after"] == pytest.approx(23.0)  # node 7
    assert table.loc["east", "covered_after"] == pytest.approx(11.0)  # nodes 5 and 8
    assert table.loc["east", "share_before"] == pytest.approx(0.0)


@SPOPT_WARNINGS
@pytest.mark.parametrize("seed", [11, 12, 13, 14])
def test_mclp_objective_equals_spopt(seed):
    pulp = pytest.importorskip("pulp")
    spopt_locate = pytest.importorskip("spopt.locate")
    cost, w = _random_instance(seed)
    radius, p = 150.0, 3
    ref = spopt_locate.MCLP.from_cost_matrix(cost, w, service_radius=radius, p_facilities=p)
    ref = ref.solve(pulp.PULP_CBC_CMD(msg=False))
    ours = MCLP.from_cost_matrix(cost, w, max_seconds=radius).solve(p, curve_hubs=0)
    assert ours.objective == pytest.approx(ref.problem.objective.value(), rel=1e-9)
    assert ours.status == "optimal"


@SPOPT_WARNINGS
def test_mclp_with_existing_labs_equals_spopt_predefined():
    pulp = pytest.importorskip("pulp")
    spopt_locate = pytest.importorskip("spopt.locate")
    cost, w = _random_instance(21, m=14)
    radius, p, labs = 150.0, 2, [3, 9]
    predefined = np.zeros(cost.shape[1], dtype=int)
    predefined[labs] = 1
    ref = spopt_locate.MCLP.from_cost_matrix(
        cost,
        w,
        service_radius=radius,
        p_facilities=p + len(labs),
        predefined_facilities_arr=predefined,
    )
    ref = ref.solve(pulp.PULP_CBC_CMD(msg=False))
    existing = cost[:, labs].min(axis=1)
    free = np.setdiff1d(np.arange(cost.shape[1]), labs)
    ours = MCLP.from_cost_matrix(
        cost[:, free], w, max_seconds=radius, existing_seconds=existing
    ).solve(p, curve_hubs=0)
    assert ours.objective + ours.totals["covered_before"] == pytest.approx(
        ref.problem.objective.value(), rel=1e-9
    )


def test_greedy_within_its_bound_and_equal_on_disjoint_sets():
    cost, w = _random_instance(31, n=80, m=20)
    model = MCLP.from_cost_matrix(cost, w, max_seconds=120.0)
    exact = model.solve(4, solver="milp", curve_hubs=0)
    greedy = model.solve(4, solver="greedy", curve_hubs=0)
    assert greedy.solver == "greedy-celf"
    assert greedy.objective <= exact.objective + 1e-9
    assert exact.objective <= greedy.bound + 1e-9
    assert greedy.objective >= (1 - 1 / np.e) * greedy.bound - 1e-9
    # disjoint coverage sets: greedy is optimal and its bound proves it
    block = np.full((6, 3), np.inf)
    block[[0, 1], 0] = block[[2, 3], 1] = block[[4, 5], 2] = 10.0
    easy = MCLP.from_cost_matrix(block, np.array([5, 5, 3, 3, 1, 1.0]), max_seconds=60.0)
    g, e = easy.solve(2, solver="greedy"), easy.solve(2, solver="milp")
    assert g.objective == e.objective == 16.0
    assert g.status == "optimal"
    assert g.gap == 0.0


def test_marginal_gains_sum_to_the_objective_and_are_ranked():
    cost, w = _random_instance(41, n=60, m=15)
    result = MCLP.from_cost_matrix(cost, w, max_seconds=150.0).solve(5)
    gains = result.marginal_gains
    assert gains.sum() == pytest.approx(result.objective)
    assert np.all(np.diff(result.hubs["covered_after"]) >= -1e-9)
    assert result.hubs["rank"].tolist() == [1, 2, 3, 4, 5]
    # hub 1 is the best single site of the chosen ones
    singles = [
        MCLP.from_cost_matrix(cost[:, [j]], w, max_seconds=150.0).solve(1, curve_hubs=0).objective
        for j in result.hubs.index.map(lambda k: int(result.chosen_ids[k].split("-")[1]))
    ]
    assert gains[0] == pytest.approx(max(singles))


def test_coverage_curve_is_each_p_optimum():
    cost, w = _random_instance(51, n=50, m=10)
    model = MCLP.from_cost_matrix(cost, w, max_seconds=140.0)
    result = model.solve(2, curve_hubs=10)
    curve = result.curve
    assert curve["hubs"].tolist() == list(range(1, 11))
    assert np.all(np.diff(curve["objective"]) >= -1e-9)
    for p in (1, 3, 6):
        assert curve.loc[p - 1, "objective"] == pytest.approx(
            model.solve(p, curve_hubs=0).objective
        )
    greedy_curve = model.solve(2, solver="greedy", curve_hubs=10).curve
    assert (greedy_curve["objective"] <= curve["objective"] + 1e-9).all()
    assert (curve["objective"] <= greedy_curve["bound"] + 1e-9).all()


# -- p-median ------------------------------------------------------------------------------------


@SPOPT_WARNINGS
@pytest.mark.parametrize("seed", [61, 62, 63])
def test_pmedian_objective_equals_spopt(seed):
    pulp = pytest.importorskip("pulp")
    spopt_locate = pytest.importorskip("spopt.locate")
    cost, w = _random_instance(seed)
    limit, p = 200.0, 3
    # spopt assigns everyone: beyond the limit a person counts at the cap (our penalty)
    dense = np.where(cost <= limit, cost, limit)
    ref = spopt_locate.PMedian.from_cost_matrix(dense, w, p_facilities=p)
    ref = ref.solve(pulp.PULP_CBC_CMD(msg=False))
    ours = PMedian.from_cost_matrix(cost, w, max_seconds=limit).solve(p, curve_hubs=0)
    assert ours.objective == pytest.approx(ref.problem.objective.value(), rel=1e-9)
    greedy = PMedian.from_cost_matrix(cost, w, max_seconds=limit).solve(p, solver="greedy")
    assert greedy.objective >= ours.objective - 1e-6
    assert greedy.bound <= ours.objective + 1e-6
    assert ours.marginal_gains.sum() == pytest.approx(
        ours.totals["weight_total"] * limit - ours.objective
    )


def test_pmedian_penalty_and_existing_labs_by_hand():
    # two people; site 0 is 100 s from person 0, site 1 is 50 s from person 1; limit 300 s
    cost = np.array([[100.0, np.inf], [np.inf, 50.0]])
    w = np.array([2.0, 1.0])
    base = PMedian.from_cost_matrix(cost, w, max_seconds=300.0, penalty_seconds=600.0)
    one = base.solve(1, curve_hubs=0)
    # site 0: 2*100 + 1*600 = 800; site 1: 2*600 + 1*50 = 1250
    assert one.chosen_ids == ("site-0",)
    assert one.objective == pytest.approx(800.0)
    # an existing lab 80 s from person 0 already beats site 0
    fixed = PMedian.from_cost_matrix(
        cost, w, max_seconds=300.0, penalty_seconds=600.0, existing_seconds=np.array([80, 900.0])
    ).solve(1, curve_hubs=0)
    assert fixed.chosen_ids == ("site-1",)
    assert fixed.objective == pytest.approx(2 * 80 + 50.0)
    with pytest.raises(InputError, match="at least the time limit"):
        PMedian.from_cost_matrix(cost, w, max_seconds=300.0, penalty_seconds=100.0)


# -- LSCP ----------------------------------------------------------------------------------------


def test_lscp_meets_the_target_with_the_fewest_sites():
    cost, w = _random_instance(71, n=50, m=12)
    limit, target = 130.0, 0.6
    model = LSCP.from_cost_matrix(cost, w, max_seconds=limit)
    result = model.solve(target, curve_hubs=0)
    k = int(result.objective)
    assert result.totals["share_after"] >= target - 1e-12
    assert len(result.chosen_ids) == k
    covers = cost <= limit
    best_fewer = max(
        w[covers[:, list(s)].any(axis=1)].sum()
        for s in itertools.combinations(range(cost.shape[1]), k - 1)
    )
    assert best_fewer < target * w.sum()
    greedy = model.solve(target, solver="greedy", curve_hubs=0)
    assert greedy.objective >= k
    assert greedy.settings["hubs_lower_bound"] <= k


def test_lscp_with_existing_labs_already_enough(grid, grid_demand):
    result = _grid_model(LSCP, grid, grid_demand, [8, 2], existing=[0, 4]).solve(0.45)
    assert result.objective == 0.0
    assert result.chosen_ids == ()
    assert "no new hub is needed" in result.warnings[-1]


def test_lscp_infeasible_target_says_the_best_share():
    cost, w = _random_instance(72, n=30, m=4)
    model = LSCP.from_cost_matrix(cost, w, max_seconds=60.0)
    best = w[(cost <= 60.0).any(axis=1)].sum() / w.sum()
    with pytest.raises(
        InputError, match=rf"even opening all 4 candidates covers only {100 * best:.1f} %"
    ):
        model.solve(0.99)


# -- capacity ------------------------------------------------------------------------------------


def test_capacitated_mclp_respects_capacity():
    # 100 tests near site 0 (capacity 30), 40 near site 1 (unlimited), 25 reached by both
    cost = np.array([[10.0, np.inf], [10.0, 20.0], [np.inf, 10.0]])
    w = np.array([100.0, 25.0, 40.0])
    caps = np.array([30.0, np.nan])
    model = MCLP.from_cost_matrix(cost, w, max_seconds=60.0, capacity=True, capacities=caps)
    one = model.solve(1, curve_hubs=0)
    # site 0 serves at most 30; site 1 serves 25 + 40 = 65
    assert one.chosen_ids == ("site-1",)
    assert one.objective == pytest.approx(65.0)
    two = model.solve(2, curve_hubs=2)
    assert two.objective == pytest.approx(30.0 + 65.0)
    assert two.marginal_gains.sum() == pytest.approx(two.objective)
    uncapacitated = MCLP.from_cost_matrix(cost, w, max_seconds=60.0).solve(1, curve_hubs=0)
    assert uncapacitated.chosen_ids == ("site-0",)


def test_capacitated_existing_lab_capacity_counts(grid, grid_demand):
    labs = Facilities.from_records(
        [
            {
                "facility_id": "L",
                "lon": grid.node_lonlat[0, 0],
                "lat": grid.node_lonlat[0, 1],
                "pcr": True,
                "capacity_tests_per_year": 0.5,
            }
        ]
    )
    model = MCLP.from_network(
        grid,
        grid_demand,
        _sites(grid, [4]),
        labs,
        minutes=3.0,
        snapping=Snapping(max_snap_m=50.0),
        capacity=True,
        tests_per_person_year=0.1,
    )
    result = model.solve(1, curve_hubs=0)
    # the lab serves 0.5 of the 2.2 tests near it; the hub at 4 (unlimited) takes 1, 3, 4, 5, 7
    assert result.settings["served_before"] == pytest.approx(0.5)
    assert result.objective == pytest.approx(0.9)


# -- candidates ----------------------------------------------------------------------------------


def test_candidates_from_facilities_are_the_labs_that_lack_the_test():
    fac = Facilities.from_records(
        [
            {"facility_id": "A", "lon": 1.0, "lat": 1.0, "pcr": True},
            {"facility_id": "B", "lon": 1.1, "lat": 1.0, "capacity_tests_per_year": 500},
            {"facility_id": "C", "lon": 1.2, "lat": 1.0, "pcr": True, "eqa": "none"},
            {"facility_id": "D", "lon": 1.3, "lat": 1.0},
        ]
    )
    cands = candidates_from_facilities(fac, "pcr", exclude=["D"])
    assert cands["candidate_id"].tolist() == ["B"]
    assert cands["kind"].tolist() == ["upgrade"]
    assert cands["capacity_tests_per_year"].tolist() == [500.0]
    # with a quality filter a capable lab without EQA is an upgrade candidate too
    assert candidates_from_facilities(fac, "pcr", quality="eqa")["candidate_id"].tolist() == [
        "A",
        "B",
        "C",
        "D",
    ]


def test_candidates_grid_fills_areas_and_keeps_small_ones():
    big = shapely.box(-47.0, -15.02, -46.97, -15.0)  # about 3.2 × 2.2 km
    tiny = shapely.box(-46.9, -15.0, -46.8999, -14.9999)  # 10 m, between grid points
    areas = gpd.GeoDataFrame(geometry=[big, tiny], crs="EPSG:4326")
    cands = candidates_grid(areas, spacing_m=500.0)
    pts = cands.geometry
    assert pts.within(big).sum() in range(20, 36)
    assert pts.within(tiny.buffer(1e-6)).sum() == 1
    assert cands["candidate_id"].is_unique
    assert set(cands["kind"]) == {"grid"}
    with pytest.raises(InputError, match="spacing_m"):
        candidates_grid(areas, spacing_m=0)


def test_candidates_from_points_checks_ids_and_places():
    with pytest.raises(InputError, match="2 ids for 1 sites"):
        candidates_from_points(np.array([[1.0, 2.0]]), ["a", "b"])
    with pytest.raises(InputError, match="no valid longitude"):
        candidates_from_points(np.array([[1.0, np.nan]]), ["a"])


# -- errors, cancel, output ----------------------------------------------------------------------


def test_more_hubs_than_candidates_names_both_numbers(grid, grid_demand):
    model = _grid_model(MCLP, grid, grid_demand, [0, 4])
    with pytest.raises(InputError, match="3 new hubs were asked for but there are only 2"):
        model.solve(3)
    with pytest.raises(InputError, match="whole number of 1 or more"):
        model.solve(0)


def test_nothing_in_reach_is_a_clear_error():
    cost = np.full((3, 2), np.inf)
    with pytest.raises(
        InputError, match="none of the 2 candidate sites brings anyone new within 1 min"
    ):
        MCLP.from_cost_matrix(cost, np.ones(3), max_seconds=60.0).solve(1)


def test_bad_arguments_are_input_errors(grid, grid_demand):
    fac = Facilities.from_records([{"facility_id": "A", "lon": -96.72, "lat": 17.06}])
    with pytest.raises(InputError, match="`model` should be one of"):
        site_hubs(grid, grid_demand, fac, SitingSettings(capability="pcr", model="pcenter"))
    with pytest.raises(InputError, match="tests_per_person_year"):
        site_hubs(grid, grid_demand, fac, SitingSettings(capability="pcr", capacity=True))
    # unknown candidate sources are refused where the settings are made, naming the source
    with pytest.raises(InputError, match=r"`sources` should list one or more of .*got everywhere"):
        site_hubs(grid, grid_demand, fac, SitingSettings(capability="pcr", sources=("everywhere",)))
    with pytest.raises(InputError, match="no user sites were given; pass `user_sites`"):
        site_hubs(grid, grid_demand, fac, SitingSettings(capability="pcr", sources=("user",)))
    with pytest.raises(InputError, match="`solver` should be"):
        MCLP.from_cost_matrix(np.ones((2, 2)), np.ones(2), max_seconds=5.0).solve(1, solver="x")
    with pytest.raises(InputError, match="3 demand weights for a matrix of 2"):
        MCLP.from_cost_matrix(np.ones((2, 2)), np.ones(3), max_seconds=5.0)


def test_site_hubs_reports_labs_and_sites_left_out(grid, grid_demand):
    near, far = grid.node_lonlat[4], grid.node_lonlat[0] + [0.5, 0.0]  # far: some 50 km away
    fac = Facilities.from_records(
        [
            {"facility_id": "FAR", "name": "Far lab", "lon": far[0], "lat": far[1], "pcr": True},
            {"facility_id": "U4", "lon": near[0], "lat": near[1]},
        ]
    )
    user = candidates_from_points(np.array([grid.node_lonlat[8], far]), ["u8", "ufar"])
    settings = SitingSettings(
        capability="pcr",
        hubs=1,
        minutes=LIMIT_S / 60.0,
        sources=("upgrade", "user"),
        travel=Travel(mode="walk"),
        snapping=Snapping(max_snap_m=50.0),
        curve_hubs=0,
    )
    result = site_hubs(grid, grid_demand, fac, settings, user_sites=user)
    # the lab off the network counts for nobody; a hub at node 8 covers 5, 7, 8 (12 people),
    # one at node 4 covers 1, 3, 4, 5, 7 (9)
    assert result.totals["covered_before"] == 0.0
    assert result.chosen_ids == ("u8",)
    assert result.objective == pytest.approx(12.0)
    lab_lines = [w for w in result.warnings if w.startswith("existing lab left out: FAR Far lab")]
    assert len(lab_lines) == 1
    assert "more than the maximum snap distance of 50 m" in lab_lines[0]
    assert any(w.startswith("candidate site left out: ufar ufar") for w in result.warnings)
    assert result.settings["sources"] == ["upgrade", "user"]
    assert result.settings["max_snap_m"] == 50.0
    assert result.settings["candidate_sites"] == 2
    assert (
        SitingSettings.from_dict({k: result.settings[k] for k in SitingSettings.flat_keys()})
        == settings
    )


def test_cancel_raises_cancelled(grid, grid_demand):
    event = threading.Event()
    event.set()
    with pytest.raises(Cancelled):
        _grid_model(MCLP, grid, grid_demand, [0, 4], cancel=event)
    model = _grid_model(MCLP, grid, grid_demand, [0, 4])
    with pytest.raises(Cancelled):
        model.solve(1, cancel=event)


def test_progress_reaches_the_end(grid, grid_demand):
    seen: list[float] = []
    model = _grid_model(MCLP, grid, grid_demand, [0, 4, 8])
    model.solve(2, progress=lambda f, _t: seen.append(f))
    assert seen[-1] == 1.0
    assert all(0.0 <= f <= 1.0 for f in seen)


def test_json_and_files(tmp_path, grid, grid_demand):
    result = _grid_model(MCLP, grid, grid_demand, [0, 4, 8, 2]).solve(2)
    data = json.loads(json.dumps(result.to_json_dict()))
    assert data["objective"] == pytest.approx(34.0)
    assert [h["candidate_id"] for h in data["hubs"]] == list(result.chosen_ids)
    assert data["marginal_gains"] == pytest.approx([22.0, 12.0])
    assert data["gap"] == 0.0
    paths = write_siting(result, tmp_path / "out")
    assert json.loads(paths["json"].read_text(encoding="utf-8"))["model"] == "mclp"
    layers = dict(pyogrio.list_layers(paths["gpkg"]))
    assert {name for name, kind in layers.items() if kind is not None} == {"hubs", "districts"}
    assert layers["layer_styles"] is None  # QGIS's styles of both layers (Step 10)
    hubs = gpd.read_file(paths["gpkg"], layer="hubs")
    assert hubs["candidate_id"].tolist() == list(result.chosen_ids)
    assert hubs.crs.to_epsg() == 4326


def test_site_hubs_on_the_demo_city(fresh_demo):
    project = fresh_demo
    net = project.network("car")
    settings = SitingSettings(
        capability="pcr",
        hubs=2,
        minutes=10,
        sources=("upgrade", "grid"),
        grid_spacing_m=2_000.0,
        curve_hubs=3,
    )
    result = site_hubs(
        net, project.demand, project.facilities, settings, districts=project.districts
    )
    assert result.solver == "highs-milp"
    assert result.status == "optimal"
    assert set(result.hubs["kind"]) <= {"upgrade", "grid"}
    city = result.districts.iloc[0]
    assert city["district_id"] == "ALL"
    assert city["gained"] == pytest.approx(result.objective, rel=1e-9)
    assert len(result.districts) == 1 + len(project.districts)
    assert result.curve["objective"].iloc[1] == pytest.approx(result.objective)
    capable = set(project.facilities.capable("pcr").gdf["facility_id"])
    assert not capable & set(result.chosen_ids)
