"""2SFCA, E2SFCA and capacity-limited coverage: hand examples, invariants, networks, demo city."""

from __future__ import annotations

import threading
import warnings
from dataclasses import replace
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from roadkit import grid_roads, random_roads

from ccgeo.analysis import capacity as cap
from ccgeo.analysis.capacity import test_demand  # must not be collected as a test
from ccgeo.analysis.placement import snap_points
from ccgeo.errors import Cancelled, InputError
from ccgeo.model.demand import Demand
from ccgeo.model.facilities import Facilities
from ccgeo.model.schema import CAPABILITIES
from ccgeo.model.settings import CapacitySettings, Snapping
from ccgeo.network.build import build_network
from ccgeo.network.routing import nearest_lab_times

INF = np.inf


def _minutes(rows: list[list[float]]) -> np.ndarray:
    return np.asarray(rows, dtype=float) * 60.0


# Two labs (A, B), three demand points; minutes, inf = beyond reach.
HAND = _minutes([[5, 20, 40], [INF, 25, 10]])
SUPPLY = np.array([100.0, 50.0])
DEMAND = np.array([10.0, 20.0, 30.0])


# -- demand parameters --------------------------------------------------------------------------


def test_bundled_parameters_cover_every_capability_with_a_basis():
    params = cap.load_demand_parameters()
    assert params.incidence_per_100k == pytest.approx(196.9)
    assert "GLOBOCAN 2022" in params.basis["incidence"]
    assert set(params.eligible_fraction) == set(CAPABILITIES)
    for name in CAPABILITIES:
        assert 0 < params.eligible_fraction[name] <= 1
        basis = params.basis[name]
        assert "assumption" in basis or "GLOBOCAN" in basis, name


def test_test_demand_is_population_times_incidence_times_fraction():
    params = cap.load_demand_parameters()
    out = test_demand(np.array([100_000.0, 0.0, 50_000.0]), capability="pcr", params=params)
    per_100k = params.incidence_per_100k * params.eligible_fraction["pcr"]
    np.testing.assert_allclose(out, [per_100k, 0.0, per_100k / 2])
    explicit = test_demand(
        [200_000.0], capability="ihc", incidence_per_100k=150, eligible_fraction=0.3
    )
    assert explicit[0] == pytest.approx(2 * 150 * 0.3)


def test_test_demand_rejects_bad_values():
    with pytest.raises(InputError, match=r"points 1 hold -5"):
        test_demand([10.0, -5.0], capability="pcr")
    with pytest.raises(InputError, match=r"eligible_fraction.*from 0 to 1.*got 12"):
        test_demand([10.0], capability="pcr", eligible_fraction=12)
    with pytest.raises(InputError, match=r"`capability` should be one of.*'xray'"):
        test_demand([10.0], capability="xray")


def test_user_file_overrides_and_is_cited(tmp_path: Path):
    user = tmp_path / "local.toml"
    user.write_text(
        "[incidence]\nper_100k_per_year = 120.5\n[capabilities.pcr]\neligible_fraction = 0.2\n"
    )
    params = cap.load_demand_parameters(user)
    assert params.incidence_per_100k == 120.5
    assert params.eligible_fraction["pcr"] == 0.2
    assert params.basis["pcr"] == "user file local.toml"
    assert params.basis["incidence"] == "user file local.toml"
    bundled = cap.load_demand_parameters()
    assert params.eligible_fraction["ihc"] == bundled.eligible_fraction["ihc"]
    assert params.sources[-1] == str(user)


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("[capabilities.pcr]\neligible_fraction = 1.5\n", r"local\.toml.*capabilities\.pcr.*1\.5"),
        ("[capabilities.pcr]\neligible_fraction = '10%'\n", r"capabilities\.pcr.*'10%'"),
        ("[incidence]\nper_100k_per_year = -3\n", r"per_100k_per_year = -3"),
        ("[capabilities.xray]\neligible_fraction = 0.1\n", r"unknown capability.*xray"),
        ("[incidense]\nper_100k_per_year = 100\n", r"unknown key 'incidense'"),
        ("[capabilities.pcr]\neligible = 0.1\n", r"unknown key.*'eligible'"),
        ("[incidence\n", r"not a valid TOML"),
    ],
)
def test_bad_user_file_names_file_key_and_value(tmp_path: Path, text: str, match: str):
    user = tmp_path / "local.toml"
    user.write_text(text)
    with pytest.raises(InputError, match=match) as info:
        cap.load_demand_parameters(user)
    assert info.value.path == user


def test_missing_user_file():
    with pytest.raises(InputError, match="demand file not found"):
        cap.load_demand_parameters("no/such/demand.toml")


# -- 2SFCA / E2SFCA by hand ---------------------------------------------------------------------


def test_2sfca_by_hand():
    # R_A = 100 / (10 + 20) = 3.3333;  R_B = 50 / (20 + 30) = 1.0
    # A_0 = R_A = 3.3333;  A_1 = R_A + R_B = 4.3333;  A_2 = R_B = 1.0
    res = cap.fca_from_times(HAND, SUPPLY, DEMAND, max_minutes=30)
    np.testing.assert_allclose(res.lab_demand, [30.0, 50.0])
    np.testing.assert_allclose(res.ratio, [100 / 30, 1.0])
    np.testing.assert_allclose(res.accessibility, [100 / 30, 100 / 30 + 1.0, 1.0])
    np.testing.assert_array_equal(res.labs_in_reach, [1, 2, 1])
    assert res.unit == "tests per year available per test per year needed"
    assert res.warnings == ()


def test_2sfca_sparse_input_equals_dense_and_keeps_zero_times():
    dense = HAND.copy()
    dense[0, 0] = 0.0  # a point on the lab's node: 0 s is reachable, not "absent"
    rows, cols = np.nonzero(np.isfinite(dense))
    sparse = sp.csr_matrix((dense[rows, cols], (rows, cols)), shape=dense.shape)
    assert sparse.nnz == 5  # the zero is stored
    a = cap.fca_from_times(dense, SUPPLY, DEMAND)
    b = cap.fca_from_times(sparse, SUPPLY, DEMAND)
    np.testing.assert_allclose(a.accessibility, b.accessibility)
    assert a.accessibility[0] == pytest.approx(100 / 30)


def test_e2sfca_by_hand_with_pysal_weights():
    # weights 1 (0-10 min], 0.68 (10-20], 0.22 (20-30]; a band's upper bound is inclusive
    # lab A: p0 5 min -> 1, p1 20 min -> 0.68;  lab B: p1 25 min -> 0.22, p2 10 min -> 1
    # D_A = 10 * 1 + 20 * 0.68 = 23.6,  R_A = 100 / 23.6 = 4.237288
    # D_B = 20 * 0.22 + 30 * 1 = 34.4,  R_B = 50 / 34.4 = 1.453488
    # A_0 = 4.237288;  A_1 = 0.68 * 4.237288 + 0.22 * 1.453488 = 3.201123;  A_2 = 1.453488
    res = cap.fca_from_times(HAND, SUPPLY, DEMAND, method="e2sfca")
    assert res.bands_minutes == (10.0, 20.0, 30.0)
    assert res.weights == (1.0, 0.68, 0.22)
    np.testing.assert_allclose(res.lab_demand, [23.6, 34.4])
    np.testing.assert_allclose(res.ratio, [4.237288, 1.453488], rtol=1e-6)
    np.testing.assert_allclose(res.accessibility, [4.237288, 3.201123, 1.453488], rtol=1e-6)


def test_thresholds_are_inclusive():
    t = np.array([[30 * 60.0, 30 * 60.0 + 1e-6]])
    res = cap.fca_from_times(t, [10.0], [1.0, 1.0], max_minutes=30)
    np.testing.assert_array_equal(res.labs_in_reach, [1, 0])
    np.testing.assert_allclose(res.accessibility, [10.0, 0.0])
    bands = np.array([[600.0, 600.0 + 1e-6, 1200.0, 1800.0, 1800.0 + 1e-6]])
    res = cap.fca_from_times(bands, [1.0], np.ones(5), method="e2sfca")
    assert res.lab_demand[0] == pytest.approx(1 + 0.68 + 0.68 + 0.22)


def test_labs_without_capacity_are_reported_and_excluded():
    t = np.vstack([HAND, _minutes([[1, 1, 1]])])
    res = cap.fca_from_times(t, [100.0, 50.0, np.nan], DEMAND, lab_ids=["A", "B", "C"])
    alone = cap.fca_from_times(HAND, SUPPLY, DEMAND)
    np.testing.assert_allclose(res.accessibility, alone.accessibility)
    assert res.excluded_labs == ("C",)
    assert np.isnan(res.ratio[2])
    assert res.labs.loc[2, "status"] == "no capacity"
    assert any("no known capacity" in w and "C" in w for w in res.warnings)


def test_unreached_points_and_idle_labs_are_reported():
    t = _minutes([[5, INF], [INF, INF]])
    res = cap.fca_from_times(t, [10.0, 20.0], [2.0, 3.0], lab_ids=["A", "B"])
    assert res.accessibility[1] == 0.0
    assert res.labs.loc[1, "status"] == "no demand in reach"
    assert res.population_no_lab == 3.0
    assert any("reach no demand" in w and "B" in w for w in res.warnings)
    assert any("1 of 2 demand points" in w for w in res.warnings)


def test_district_means_are_population_weighted():
    res = cap.fca_from_times(
        HAND,
        SUPPLY,
        DEMAND,
        population=[100.0, 300.0, 50.0],
        district_ids=["D1", "D1", "D2"],
    )
    table = res.districts.set_index("district_id")
    expected = (100 * (100 / 30) + 300 * (100 / 30 + 1)) / 400
    assert table.loc["D1", "accessibility"] == pytest.approx(expected)
    assert table.loc["D2", "accessibility"] == pytest.approx(1.0)
    assert table.loc["D1", "population"] == 400.0
    assert table.loc["D1", "demand"] == 30.0


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"times": -HAND}, r"invalid travel times.*-300"),
        ({"times": HAND[:, :2]}, r"shape \(2, 2\).*\(2, 3\)"),
        ({"supply": [100.0, -1.0]}, r"labs 1 hold -1"),
        ({"demand": [1.0, np.nan, 1.0]}, r"points 1 hold nan"),
        ({"method": "3sfca"}, r"'2sfca' or 'e2sfca'"),
        ({"method": "e2sfca", "max_minutes": 20}, r"bands_minutes"),
        ({"method": "e2sfca", "bands_minutes": [10, 5], "weights": [1, 0.5]}, r"increasing"),
        ({"method": "e2sfca", "bands_minutes": [10, 20]}, r"give `weights`"),
        ({"max_minutes": 0}, r"positive number of minutes"),
    ],
)
def test_fca_rejects_bad_input(kwargs: dict, match: str):
    args = {"times": HAND, "supply": SUPPLY, "demand": DEMAND, **kwargs}
    with pytest.raises(InputError, match=match):
        cap.fca_from_times(args.pop("times"), args.pop("supply"), args.pop("demand"), **args)


# -- capacity-limited coverage by hand ----------------------------------------------------------


def test_coverage_stops_at_capacity_with_the_last_point_in_part():
    t = _minutes([[5, 10, 15, 20]])
    res = cap.capacity_coverage_from_times(t, [25.0], [10.0, 10.0, 10.0, 10.0], max_minutes=30)
    # 10 + 10 fit, the 15-min point gets the 5 left, the 20-min point nothing
    np.testing.assert_allclose(res.covered_demand, [10, 10, 5, 0])
    np.testing.assert_allclose(res.covered_share, [1, 1, 0.5, 0])
    assert res.covered[0] == pytest.approx(25.0)
    assert res.stopped_by[0] == "capacity"
    assert res.radius_minutes[0] == 15.0
    np.testing.assert_array_equal(res.lab, [0, 0, 0, -1])
    assert res.totals["covered_share"] == pytest.approx(25 / 40)


def test_coverage_stops_at_the_time_limit():
    t = _minutes([[5, 10, 12, 12.5]])
    res = cap.capacity_coverage_from_times(t, [100.0], [10.0, 10.0, 10.0, 10.0], max_minutes=12)
    # 12 min is inside (inclusive), 12.5 is beyond
    np.testing.assert_allclose(res.covered_demand, [10, 10, 10, 0])
    assert res.stopped_by[0] == "time"
    assert res.radius_minutes[0] == 12.0
    assert res.labs.loc[0, "capacity_used"] == pytest.approx(0.3)
    assert res.totals["demand_out_of_reach"] == 10.0


def test_points_at_the_stopping_time_share_what_is_left():
    t = _minutes([[5, 10, 10]])
    res = cap.capacity_coverage_from_times(t, [15.0], [10.0, 10.0, 20.0], max_minutes=30)
    # 5 tests left for 30 tests at 10 min: each gets 5/30 of its demand
    np.testing.assert_allclose(res.covered_demand, [10, 10 * 5 / 30, 20 * 5 / 30])


def test_covered_demand_is_removed_before_the_next_lab():
    # lab 0 (capacity 15) goes first by capacity and takes p0, then 5 of p1; lab 1 (10) gets
    # the 5 left of p1 at 7 min, then 5 of p2 at 8 min
    t = _minutes([[1, 2, INF], [INF, 7, 8]])
    res = cap.capacity_coverage_from_times(t, [15.0, 10.0], [10.0, 10.0, 10.0], max_minutes=30)
    np.testing.assert_array_equal(res.rank, [0, 1])
    np.testing.assert_allclose(res.covered, [15.0, 10.0])
    np.testing.assert_allclose(res.covered_demand, [10.0, 10.0, 5.0])
    np.testing.assert_array_equal(res.lab, [0, 0, 1])  # p1: 5 from each, the first one wins
    assert list(res.stopped_by) == ["capacity", "capacity"]
    np.testing.assert_allclose(res.radius_minutes, [2.0, 8.0])


def test_coverage_order_changes_who_covers_what():
    t = _minutes([[1, 5], [5, 1]])
    demand = [10.0, 10.0]
    by_cap = cap.capacity_coverage_from_times(t, [20.0, 5.0], demand, max_minutes=30)
    given = cap.capacity_coverage_from_times(t, [20.0, 5.0], demand, max_minutes=30, order="given")
    np.testing.assert_allclose(by_cap.covered, [20.0, 0.0])
    np.testing.assert_allclose(given.covered, [20.0, 0.0])
    small_first = cap.capacity_coverage_from_times(
        t[::-1], [5.0, 20.0], demand[::-1], max_minutes=30, order="given"
    )
    np.testing.assert_allclose(small_first.covered, [5.0, 15.0])
    # "time": most demand within the limit first (lab 1 reaches 2 points, lab 0 one)
    t2 = _minutes([[1, INF], [5, 1]])
    res = cap.capacity_coverage_from_times(t2, [20.0, 5.0], demand, max_minutes=30, order="time")
    np.testing.assert_array_equal(res.rank, [1, 0])


def test_coverage_excludes_labs_without_capacity():
    t = _minutes([[1, 2], [1, 2]])
    res = cap.capacity_coverage_from_times(
        t, [np.nan, 5.0], [10.0, 10.0], max_minutes=30, lab_ids=["X", "Y"]
    )
    assert res.excluded_labs == ("X",)
    assert res.stopped_by[0] == "no capacity"
    assert res.rank[0] == -1
    assert np.isnan(res.covered[0])
    assert res.totals["covered"] == pytest.approx(5.0)
    assert any("no known capacity" in w and "X" in w for w in res.warnings)


def test_coverage_rejects_a_bad_order():
    with pytest.raises(InputError, match=r"`order` should be"):
        cap.capacity_coverage_from_times(HAND, SUPPLY, DEMAND, max_minutes=30, order="random")


# -- invariants on random matrices --------------------------------------------------------------


@st.composite
def _problems(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    k = draw(st.integers(1, 5))
    n = draw(st.integers(1, 12))
    seed = draw(st.integers(0, 2**31 - 1))
    rng = np.random.default_rng(seed)
    # coarse minutes so that ties happen often
    t = rng.integers(0, 9, size=(k, n)).astype(float) * 300.0
    t[rng.random((k, n)) < 0.3] = np.inf
    supply = rng.choice([0.0, 3.0, 10.0, 40.0, np.nan], size=k)
    demand = rng.choice([0.0, 1.0, 2.5, 7.0], size=n)
    return t, supply, demand


@settings(max_examples=150, deadline=None)
@given(_problems(), st.sampled_from(["capacity", "given", "time"]))
def test_coverage_never_exceeds_demand_or_capacity(problem, order):
    t, supply, demand = problem
    res = cap.capacity_coverage_from_times(t, supply, demand, max_minutes=30, order=order)
    assert (res.covered_demand <= demand + 1e-9).all()
    assert (res.covered_demand >= 0).all()
    ok = np.isfinite(supply)
    assert (res.covered[ok] <= supply[ok] * (1 + 1e-9) + 1e-12).all()
    assert res.covered[ok].sum() == pytest.approx(res.covered_demand.sum(), abs=1e-9)
    # a lab stopped by time covered all it could reach; one stopped by capacity used it all
    for j in np.flatnonzero(ok):
        if res.stopped_by[j] == "capacity":
            assert res.covered[j] == pytest.approx(supply[j])
    # nobody reachable is left uncovered while a lab that reaches them has capacity left
    left = demand - res.covered_demand
    for j in np.flatnonzero(ok & (res.stopped_by == "time")):
        assert left[np.isfinite(t[j]) & (t[j] <= 1800)].sum() == pytest.approx(0, abs=1e-9)


@settings(max_examples=100, deadline=None)
@given(_problems(), st.sampled_from(["2sfca", "e2sfca"]))
def test_fca_conserves_supply(problem, method):
    # Σ_i P_i A_i = Σ_j R_j Σ_i W_ij P_i = Σ_j S_j over labs with demand in reach
    t, supply, demand = problem
    res = cap.fca_from_times(t, supply, demand, method=method)
    served = np.isfinite(res.ratio)
    assert demand @ res.accessibility == pytest.approx(supply[served].sum(), rel=1e-9, abs=1e-9)
    assert (res.accessibility >= 0).all()


# -- on a road network --------------------------------------------------------------------------


def _demand_at(lonlat: np.ndarray, population: np.ndarray, districts: list[str]) -> Demand:
    gdf = gpd.GeoDataFrame(
        {
            "demand_id": [f"p{i}" for i in range(len(lonlat))],
            "population": population,
            "district_id": districts,
        },
        geometry=gpd.points_from_xy(lonlat[:, 0], lonlat[:, 1]),
        crs="EPSG:4326",
    )
    return Demand(gdf, source="synthetic")


def _labs_at(lonlat: np.ndarray, capacity: list[float | None], **caps: bool) -> Facilities:
    return Facilities.from_records(
        {
            "facility_id": f"L{j}",
            "lon": lonlat[j, 0],
            "lat": lonlat[j, 1],
            "capacity_tests_per_year": c,
            **caps,
        }
        for j, c in enumerate(capacity)
    )


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_network_times_follow_the_snapping_rule(seed: int):
    net = build_network(random_roads(6, seed), mode="car")
    rng = np.random.default_rng(seed)
    lo, hi = net.node_lonlat.min(axis=0), net.node_lonlat.max(axis=0)
    pts = lo + rng.random((40, 2)) * (hi - lo)
    snapped = snap_points(net, pts, Snapping(max_snap_m=300.0))
    lab_nodes = rng.choice(net.n_nodes, size=4, replace=False)
    limit = 90.0
    times = cap.lab_demand_times(net, lab_nodes, snapped, max_seconds=limit)
    expected = np.full((4, 40), np.inf)
    for j, node in enumerate(lab_nodes):
        alone = nearest_lab_times(net, np.array([node]), max_seconds=limit)
        expected[j] = snapped.seconds_via(alone.seconds)[0]
    expected[expected > limit] = np.inf
    got = np.full((4, 40), np.inf)
    coo = times.tocoo()
    got[coo.row, coo.col] = coo.data
    np.testing.assert_array_equal(got, expected)


def test_fca_and_coverage_on_a_grid_match_the_matrix_versions():
    net = build_network(grid_roads(4), mode="walk")
    pts = net.node_lonlat + 1e-5
    pop = np.linspace(1000.0, 16000.0, len(pts))
    demand = _demand_at(pts, pop, ["N"] * 8 + ["S"] * 8)
    labs = _labs_at(net.node_lonlat[[0, 15, 5]], [500.0, 300.0, None], pcr=True)
    res = cap.fca(net, labs, demand, CapacitySettings(capability="pcr", minutes=5))
    snapped = snap_points(net, pts)
    times = cap.lab_demand_times(
        net, net.snap(net.node_lonlat[[0, 15]])[0], snapped, max_seconds=300
    )
    tests = test_demand(pop, capability="pcr")
    ref = cap.fca_from_times(times, [500.0, 300.0], tests, max_minutes=5, population=pop)
    np.testing.assert_allclose(res.accessibility, ref.accessibility)
    assert res.excluded_labs == ("L2",)
    assert set(res.districts["district_id"]) == {"N", "S"}
    cov = cap.capacity_coverage(
        net, labs, demand, CapacitySettings(method="coverage", capability="pcr", minutes=5)
    )
    ref_cov = cap.capacity_coverage_from_times(times, [500.0, 300.0], tests, max_minutes=5)
    np.testing.assert_allclose(cov.covered_demand, ref_cov.covered_demand)
    assert cov.excluded_labs == ("L2",)


def test_fca_leaves_out_labs_unable_to_do_the_test_and_says_so():
    net = build_network(grid_roads(3), mode="walk")
    demand = _demand_at(net.node_lonlat, np.full(9, 1000.0), [""] * 9)
    labs = Facilities.from_records(
        [
            {
                "facility_id": "P",
                "lon": net.node_lonlat[0, 0],
                "lat": net.node_lonlat[0, 1],
                "pcr": True,
                "capacity_tests_per_year": 100,
            },
            {
                "facility_id": "H",
                "lon": net.node_lonlat[8, 0],
                "lat": net.node_lonlat[8, 1],
                "histology": True,
                "capacity_tests_per_year": 100,
            },
        ]
    )
    settings = CapacitySettings(capability="pcr", demand_unit="people", minutes=60)
    res = cap.fca(net, labs, demand, settings)
    assert list(res.lab_ids) == ["P"]
    assert any("cannot do pcr" in w for w in res.warnings)
    assert res.unit == "tests per year per person"
    np.testing.assert_allclose(res.accessibility, 100 / 9000)


def test_a_lab_far_from_every_road_is_left_out_with_its_reason():
    # the one placement rule (ccgeo.analysis.placement): a lab farther than max_snap_m from
    # every road is not used, as in the access analysis; it was once snapped anyway
    from ccgeo.analysis.access import access
    from ccgeo.model.settings import AccessSettings

    net = build_network(grid_roads(3), mode="walk")
    demand = _demand_at(net.node_lonlat, np.full(9, 1000.0), [""] * 9)
    far = net.node_lonlat[0] - [0.05, 0.0]  # about 5 km west of the grid
    lonlat = np.vstack([net.node_lonlat[[0]], [far]])
    labs = _labs_at(lonlat, [100.0, 500.0], pcr=True)
    near_only = _labs_at(lonlat[:1], [100.0], pcr=True)
    snapping = Snapping(max_snap_m=500.0)
    settings = CapacitySettings(
        capability="pcr", demand_unit="people", minutes=60, snapping=snapping
    )
    res = cap.fca(net, labs, demand, settings)
    alone = cap.fca(net, near_only, demand, settings)
    np.testing.assert_allclose(res.accessibility, alone.accessibility)
    assert list(res.lab_ids) == ["L0", "L1"]
    assert res.off_network_labs == ("L1",)
    assert res.excluded_labs == ()
    row = res.labs.set_index("lab_id").loc["L1"]
    assert row["status"] == "not on the network"
    assert row["capacity_tests_per_year"] == 500.0
    assert np.isnan(row["ratio"])
    assert "from the nearest walk road" in row["reason"]
    assert "maximum snap distance of 500 m" in row["reason"]
    assert res.labs.set_index("lab_id").loc["L0", "status"] == "ok"
    assert any("500 m" in w and "L1" in w and "not used" in w for w in res.warnings)

    coverage = replace(settings, method="coverage", demand_unit="tests")
    cov = cap.capacity_coverage(net, labs, demand, coverage)
    cov_alone = cap.capacity_coverage(net, near_only, demand, coverage)
    np.testing.assert_allclose(cov.covered_demand, cov_alone.covered_demand)
    assert cov.off_network_labs == ("L1",)
    assert cov.stopped_by[1] == "not on the network"
    assert cov.rank[1] == -1
    assert np.isnan(cov.covered[1])
    assert set(cov.lab) <= {-1, 0}
    assert "maximum snap distance" in cov.labs.loc[1, "reason"]
    assert any("L1" in w and "not used" in w for w in cov.warnings)

    # the access analysis leaves out the same lab
    by_access = access(
        net, labs, demand, AccessSettings(capability="pcr", snapping=snapping), isochrones=False
    )
    assert list(by_access.labs["usable"]) == [True, False]


def test_fca_requires_a_capability_for_tests_and_a_capacity_column():
    net = build_network(grid_roads(3), mode="walk")
    demand = _demand_at(net.node_lonlat, np.full(9, 1000.0), [""] * 9)
    labs = _labs_at(net.node_lonlat[[0]], [100.0], pcr=True)
    # the settings refuse a missing capability before any analysis runs
    with pytest.raises(InputError, match=r"`capability` should be one of"):
        cap.fca(net, labs, demand, CapacitySettings(capability=None))  # type: ignore[arg-type]
    pcr = CapacitySettings(capability="pcr")
    with pytest.raises(InputError, match=r"no column 'slots'"):
        cap.fca(net, labs, demand, pcr, capacity_column="slots")
    bad = labs.gdf.assign(capacity_tests_per_year=["lots"])
    with pytest.raises(InputError, match=r"L0 \('lots'\)"):
        cap.fca(net, bad, demand, pcr)


def test_cancel_raises_cancelled():
    net = build_network(grid_roads(3), mode="walk")
    demand = _demand_at(net.node_lonlat, np.full(9, 1000.0), [""] * 9)
    labs = _labs_at(net.node_lonlat[[0]], [100.0], pcr=True)
    stop = threading.Event()
    stop.set()
    with pytest.raises(Cancelled):
        cap.fca(net, labs, demand, CapacitySettings(capability="pcr"), cancel=stop)
    coverage = CapacitySettings(method="coverage", capability="pcr", minutes=30)
    with pytest.raises(Cancelled):
        cap.capacity_coverage(net, labs, demand, coverage, cancel=stop)
    with pytest.raises(Cancelled):
        cap.fca_from_times(HAND, SUPPLY, DEMAND, cancel=stop)
    with pytest.raises(Cancelled):
        cap.capacity_coverage_from_times(HAND, SUPPLY, DEMAND, max_minutes=30, cancel=stop)


def test_progress_is_reported_from_0_to_1():
    seen: list[float] = []
    cap.capacity_coverage_from_times(
        HAND, SUPPLY, DEMAND, max_minutes=30, progress=lambda f, _t: seen.append(f)
    )
    assert seen[0] == 0.0
    assert seen[-1] == 1.0
    assert seen == sorted(seen)


# -- the demo city ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_setup(copy_demo):
    project = copy_demo()
    net = build_network(project.roads, mode="car")
    return project, net


def test_demo_city_pcr_access_is_sane(demo_setup):
    project, net = demo_setup
    labs = project.facilities.capable("pcr")
    res = cap.fca(net, labs, project.demand, CapacitySettings(capability="pcr", method="e2sfca"))
    tests = test_demand(project.demand.gdf["population"].to_numpy(), capability="pcr")
    assert res.demand.sum() == pytest.approx(tests.sum())
    # 1.85 M people x 196.9 / 100,000 x 0.10 = about 364 PCR tests a year
    assert 300 < res.demand.sum() < 430
    assert res.excluded_labs == ()
    assert (res.ratio > 0).all()
    assert (res.accessibility >= 0).all()
    served = np.isfinite(res.ratio)
    assert res.demand @ res.accessibility == pytest.approx(res.supply[served].sum(), rel=1e-9)
    assert len(res.districts) == len(project.districts)
    assert res.districts["accessibility"].notna().all()


def test_demo_city_coverage_is_sane(demo_setup):
    project, net = demo_setup
    labs = project.facilities.capable("ihc")
    # every incident cancer needing IHC, and a 10-minute limit: some people are left out
    params = cap.DemandParameters(196.9, dict.fromkeys(CAPABILITIES, 1.0), {})
    settings = CapacitySettings(method="coverage", capability="ihc", minutes=10)
    res = cap.capacity_coverage(net, labs, project.demand, settings, params=params)
    totals = res.totals
    assert 0 < totals["covered_share"] <= 1
    assert totals["covered"] <= totals["capacity"] + 1e-6
    assert totals["population_covered"] <= totals["population"] + 1e-6
    assert (res.covered_demand <= res.demand + 1e-9).all()
    ok = np.isfinite(res.capacity)
    assert (res.covered[ok] <= res.capacity[ok] + 1e-6).all()
    assert set(res.stopped_by) <= {"capacity", "time", "no capacity"}
    assert ((res.radius_minutes[ok] >= 0) & (res.radius_minutes[ok] <= 10)).all()
    assert res.districts["covered"].sum() == pytest.approx(totals["covered"])


# -- agreement with PySAL access (only where it is installed) -----------------------------------


def test_agrees_with_pysal_access():
    access = pytest.importorskip("access", reason="PySAL `access` is not installed")
    import pandas as pd

    rng = np.random.default_rng(7)
    k, n = 6, 40
    minutes = rng.integers(0, 900, size=(k, n)) / 20.0  # 3 s steps: ties on the band edges
    minutes[rng.random((k, n)) < 0.2] = 10.0
    supply = rng.uniform(10, 100, size=k)
    demand = rng.uniform(0, 50, size=n)
    cost = pd.DataFrame(
        {
            "origin": np.tile(np.arange(n), k),
            "dest": np.repeat(np.arange(k), n),
            "cost": minutes.ravel(),
        }
    )
    # `access` uses pandas APIs that pandas 3 deprecates: not ours to fix
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = access.Access(
            demand_df=pd.DataFrame({"geoid": np.arange(n), "demand": demand}),
            demand_index="geoid",
            demand_value="demand",
            supply_df=pd.DataFrame({"geoid": np.arange(k), "supply": supply}),
            supply_index="geoid",
            supply_value="supply",
            cost_df=cost,
            cost_origin="origin",
            cost_dest="dest",
            cost_name="cost",
        )
        two = model.two_stage_fca(name="t", max_cost=30).iloc[:, 0].reindex(range(n)).fillna(0)
        enh = model.enhanced_two_stage_fca(name="e").iloc[:, 0].reindex(range(n)).fillna(0)
    ours2 = cap.fca_from_times(minutes * 60, supply, demand, max_minutes=30)
    ourse = cap.fca_from_times(minutes * 60, supply, demand, method="e2sfca")
    np.testing.assert_allclose(ours2.accessibility, two.to_numpy(), rtol=1e-9)
    np.testing.assert_allclose(ourse.accessibility, enh.to_numpy(), rtol=1e-9)


def test_a_pair_stored_twice_counts_once_at_its_shortest_time():
    # an unsummed COO matrix: lab 0 - point 0 at 5 and at 25 min; summing would give 30
    coo = sp.coo_matrix(
        (np.array([300.0, 1500.0, 600.0]), (np.array([0, 0, 0]), np.array([0, 0, 1]))),
        shape=(1, 2),
    )
    res = cap.fca_from_times(coo, [10.0], [1.0, 1.0], method="e2sfca")
    assert res.lab_demand[0] == pytest.approx(2.0)
