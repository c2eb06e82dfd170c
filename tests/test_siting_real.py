"""Siting on Porto Alegre's real roads, hexagon population and primary-care units, against spopt."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from ccgeo.analysis.siting import MCLP, PMedian, candidates_from_facilities
from ccgeo.io.facilities import read_facilities
from ccgeo.io.osm import read_roads
from ccgeo.io.population import read_population
from ccgeo.network.build import build_network

pytestmark = [
    pytest.mark.shared_data,
    pytest.mark.filterwarnings("ignore:.*PuLP 4:DeprecationWarning"),
]


@pytest.fixture(scope="module")
def poa(shared_data: Path) -> dict:
    folder = shared_data / "porto_alegre"
    net = build_network(read_roads(folder / "poa_osm.pbf", mode="all"), "car")
    demand = read_population(folder / "poa_hexgrid.csv")
    ubs = read_facilities(folder / "porto_alegre_ubs_derived.csv")
    # every unit is an upgrade candidate and none is a lab yet
    candidates = candidates_from_facilities(ubs, "pcr")
    return {"net": net, "demand": demand, "candidates": candidates}


def _dense(model: MCLP | PMedian, fill: float) -> np.ndarray:
    coo = model.cost.tocoo()
    dense = np.full(model.cost.shape, fill)
    dense[coo.row, coo.col] = coo.data
    return dense


def test_poa_mclp_equals_spopt(poa):
    pulp = pytest.importorskip("pulp")
    spopt_locate = pytest.importorskip("spopt.locate")
    assert len(poa["candidates"]) == 148
    model = MCLP.from_network(poa["net"], poa["demand"], poa["candidates"], None, minutes=10)
    # units more than 1 km from a road of the extract (it covers part of the city) are left out
    assert 60 <= model.n_candidates < 148
    assert any("left out" in w for w in model.warnings)
    result = model.solve(5)
    ref = spopt_locate.MCLP.from_cost_matrix(
        _dense(model, np.inf), model.weights, service_radius=600.0, p_facilities=5
    ).solve(pulp.PULP_CBC_CMD(msg=False))
    assert result.objective == pytest.approx(ref.problem.objective.value(), rel=1e-9)
    assert result.status == "optimal"
    assert result.marginal_gains.sum() == pytest.approx(result.objective)
    assert result.curve.loc[4, "objective"] == pytest.approx(result.objective)
    assert result.totals["weight_total"] == pytest.approx(812_935.0)


def test_poa_pmedian_equals_spopt(poa):
    pulp = pytest.importorskip("pulp")
    spopt_locate = pytest.importorskip("spopt.locate")
    model = PMedian.from_network(poa["net"], poa["demand"], poa["candidates"], None, minutes=10)
    result = model.solve(5, curve_hubs=0)
    ref = spopt_locate.PMedian.from_cost_matrix(
        _dense(model, 600.0), model.weights, p_facilities=5
    ).solve(pulp.PULP_CBC_CMD(msg=False))
    assert result.objective == pytest.approx(ref.problem.objective.value(), rel=1e-9)
