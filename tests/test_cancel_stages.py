"""Cancel inside the long steps of building a network and of an access run: every check stops
the run, the chunks between checks give the same numbers as one step, and no progress is
reported once Cancel is set."""

from __future__ import annotations

import threading

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from roadkit import grid_roads, random_roads

from ccgeo.analysis import access as access_module
from ccgeo.analysis.access import access
from ccgeo.errors import Cancelled
from ccgeo.model import network as network_module
from ccgeo.model import road_index
from ccgeo.model.demand import Demand
from ccgeo.model.settings import ANY_CAPABILITY, AccessSettings
from ccgeo.network import build
from ccgeo.network.build import build_network

SETTINGS = AccessSettings(capability=ANY_CAPABILITY, thresholds_minutes=(1, 2, 3))


class _CancelAfter:
    """A stand-in for the Cancel event that is set from its ``n + 1``-th check on."""

    def __init__(self, n: float) -> None:
        self.n, self.checks = n, 0

    def is_set(self) -> bool:
        self.checks += 1
        return self.checks > self.n


@pytest.fixture
def small_chunks(monkeypatch):
    """Chunks of a few items, so that a small network has many checks of Cancel."""
    monkeypatch.setattr(build, "_SORT_ARCS", 16)
    monkeypatch.setattr(network_module, "_CHUNK", 16)
    monkeypatch.setattr(road_index, "_PREP_CHUNK", 16)
    monkeypatch.setattr(road_index, "_CHUNK", 16)
    monkeypatch.setattr(road_index, "_TILE_PIECES", 64)
    monkeypatch.setattr(access_module, "_CELL_CHUNK", 64)


def _people() -> Demand:
    """People at and between the nodes of `grid_roads(9)`, and a few far from every road."""
    lonlat = grid_roads(9).node_lonlat
    rng = np.random.default_rng(3)
    pts = np.vstack(
        [lonlat, lonlat[:-1] + np.array([0.0007, 0.0004]), lonlat[:4] + np.array([0.2, 0])]
    )
    gdf = gpd.GeoDataFrame(
        {
            "demand_id": [f"d{i}" for i in range(len(pts))],
            "population": rng.uniform(10, 100, len(pts)),
            "district_id": rng.choice(["N", "S"], len(pts)),
        },
        geometry=gpd.points_from_xy(pts[:, 0], pts[:, 1]),
        crs="EPSG:4326",
    )
    return Demand(gdf=gdf, kind="points")


def _labs() -> np.ndarray:
    return grid_roads(9).node_lonlat[[0, 80]]


def _run(cancel=None, progress=None):
    net = build_network(grid_roads(9), "car", cancel=cancel)  # a fresh network: no index yet
    return access(net, _labs(), _people(), SETTINGS, progress=progress, cancel=cancel)


def test_sorting_the_arcs_in_ranges_is_one_lexsort(monkeypatch):
    monkeypatch.setattr(build, "_SORT_ARCS", 16)
    rng = np.random.default_rng(1)
    u = rng.integers(0, 40, 500).astype(np.int32)  # many equal (u, v, seconds): ties keep order
    v = rng.integers(0, 5, 500).astype(np.int32)
    seconds = rng.integers(0, 3, 500).astype(np.float64)
    expected = np.lexsort((seconds, v, u))
    np.testing.assert_array_equal(build._arc_order(u, v, seconds, None), expected)
    assert len(build._arc_order(u[:0], v[:0], seconds[:0], None)) == 0


@pytest.mark.parametrize("seed", [1, 2])
def test_a_network_built_in_small_sorts_is_the_same(monkeypatch, seed):
    roads = random_roads(14, seed)
    whole = build_network(roads, "car").to_arrays()
    monkeypatch.setattr(build, "_SORT_ARCS", 8)
    monkeypatch.setattr(network_module, "_CHUNK", 8)
    chunked = build_network(roads, "car")
    for name, arr in chunked.to_arrays().items():
        np.testing.assert_array_equal(arr, whole[name], err_msg=name)
    # every pair of nodes: an arc exactly where the CSR has one, found at its position
    coo = chunked.csr.tocoo()
    arcs = set(zip(coo.row.tolist(), coo.col.tolist(), strict=True))
    a, b = (x.ravel() for x in np.meshgrid(*[np.arange(chunked.n_nodes)] * 2))
    expected = [(x, y) in arcs for x, y in zip(a.tolist(), b.tolist(), strict=True)]
    np.testing.assert_array_equal(chunked.has_arc(a, b), expected)
    np.testing.assert_array_equal(chunked.arc_index(coo.row, coo.col), np.arange(coo.nnz))


def test_the_build_stops_at_every_check(monkeypatch):
    counted = _CancelAfter(np.inf)
    build_network(grid_roads(9), "car", cancel=counted)
    monkeypatch.setattr(build, "_SORT_ARCS", 16)
    more = _CancelAfter(np.inf)
    build_network(grid_roads(9), "car", cancel=more)
    assert more.checks > counted.checks  # the arcs are sorted in ranges, checked between
    for k in range(more.checks):
        with pytest.raises(Cancelled):
            build_network(grid_roads(9), "car", cancel=_CancelAfter(k))


def test_an_access_run_in_small_chunks_gives_the_same_numbers(monkeypatch):
    whole = _run()
    monkeypatch.setattr(network_module, "_CHUNK", 16)
    monkeypatch.setattr(road_index, "_PREP_CHUNK", 16)
    monkeypatch.setattr(road_index, "_CHUNK", 16)
    monkeypatch.setattr(access_module, "_CELL_CHUNK", 64)
    chunked = _run()
    pd.testing.assert_frame_equal(chunked.demand, whole.demand)
    pd.testing.assert_frame_equal(chunked.coverage, whole.coverage)
    pd.testing.assert_frame_equal(chunked.underserved, whole.underserved)
    assert (chunked.demand["status"] == "off_network").sum() == 4


def test_an_access_run_stops_at_every_check(small_chunks):
    counted = _CancelAfter(np.inf)
    _run(cancel=counted)
    assert counted.checks > 40  # the road index, its searches and the areas check in chunks
    for k in range(counted.checks):
        with pytest.raises(Cancelled):
            _run(cancel=_CancelAfter(k))


@pytest.mark.parametrize(
    ("text", "later"),
    [
        ("finding the nearest junctions", "indexing the roads"),
        ("indexing the roads", "finding the nearest roads"),
        ("finding the nearest roads", "coverage by threshold and district"),
    ],
)
def test_cancel_while_placing_the_people_stops_before_the_next_step(small_chunks, text, later):
    cancel = threading.Event()
    seen: list[str] = []

    def progress(_fraction: float, message: str) -> None:
        seen.append(message)
        if message == text:
            cancel.set()

    with pytest.raises(Cancelled):
        _run(cancel=cancel, progress=progress)
    assert seen[-1] == text  # nothing more was reported once Cancel was set
    assert later not in seen


def test_a_cancelled_road_index_is_built_again_when_asked():
    net = build_network(grid_roads(9), "car")
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        net.road_index(cancel=cancel)
    with pytest.raises(Cancelled):
        net.main_component_mask(cancel=cancel)
    assert len(net.road_index()) > 0
    assert net.main_component_mask().all()


def test_a_long_call_in_c_is_given_up_on_cancel():
    from ccgeo.errors import call_cancellable

    never = threading.Event()  # stands for a KD-tree build: a wait that releases the GIL
    cancel = threading.Event()
    threading.Timer(0.05, cancel.set).start()
    with pytest.raises(Cancelled):
        call_cancellable(never.wait, 60.0, cancel=cancel)
    never.set()  # the abandoned call ends
    assert call_cancellable(max, 2, 5, cancel=threading.Event()) == 5
    assert call_cancellable(max, 2, 5, cancel=None) == 5
    with pytest.raises(ZeroDivisionError):
        call_cancellable(divmod, 1, 0, cancel=threading.Event())
