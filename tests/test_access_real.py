"""Access analysis on real Porto Alegre data and on the bundled demo city."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from ccgeo.analysis.access import CITY_ID, AccessWhatIf, access
from ccgeo.model.settings import AccessSettings, Travel
from ccgeo.network.build import build_network

pytestmark = pytest.mark.shared_data


@pytest.fixture(scope="module")
def porto_alegre(shared_data):
    from ccgeo.io.facilities import read_facilities
    from ccgeo.io.osm import read_roads
    from ccgeo.io.population import read_districts, read_population

    folder = shared_data / "porto_alegre"
    net = build_network(read_roads(folder / "poa_osm.pbf", mode="all"), "car")
    # every UBS counts as a lab here (capability "any"): the file has no capability columns
    ubs = read_facilities(folder / "porto_alegre_ubs_derived.csv")
    boundary = read_districts(folder / "porto_alegre_boundary_derived.geojson")
    demand = read_population(folder / "poa_hexgrid.csv", districts=boundary)
    settings = AccessSettings(capability="any", thresholds_minutes=(5, 10, 15))
    result = access(net, ubs, demand, settings, districts=boundary)
    return net, ubs, demand, result


def test_porto_alegre_counts_every_person(porto_alegre):
    _, _, demand, result = porto_alegre
    assert len(result.demand) == len(demand)
    assert result.demand["population"].sum() == pytest.approx(812_935)
    cov = result.coverage
    parts = cov[["covered", "beyond", "unreachable", "off_network"]].sum(axis=1)
    np.testing.assert_allclose(parts, cov["population"])
    city = result.city_coverage()
    np.testing.assert_allclose(city["population"], 812_935)
    assert (np.diff(city["share"]) >= 0).all()
    # UBS are primary care, close to everyone: most people reach one within 10 min by car
    assert city.loc[city["threshold_min"] == 10, "share"].iloc[0] > 0.9
    districts = cov[cov["district_id"] != CITY_ID].groupby("threshold_min")["covered"].sum()
    np.testing.assert_allclose(districts.to_numpy(), city["covered"].to_numpy())


def test_porto_alegre_labs_outside_the_extract_are_listed_not_used(porto_alegre):
    _, ubs, _, result = porto_alegre
    labs = result.labs
    assert len(labs) == len(ubs) == 148
    unused = labs[~labs["usable"]]
    assert 0 < len(unused) < len(labs)
    assert (unused["snap_m"] > 1000).all()
    assert unused["reason"].str.contains("maximum snap distance").all()
    # the geocoding outlier 120 km north of the city is one of them
    assert "2237482" in set(unused["facility_id"])


def test_porto_alegre_underserved_and_isochrones_are_consistent(porto_alegre):
    _, _, _, result = porto_alegre
    t = result.settings["underserved_minutes"]
    assert t == 15.0
    row = result.city_coverage().set_index("threshold_min").loc[t]
    beyond_all = row["beyond"] + row["unreachable"] + row["off_network"]
    assert result.underserved["population"].sum() == pytest.approx(beyond_all)
    assert result.underserved.geometry.is_valid.all()
    iso = result.isochrones
    assert iso["band_min_to"].tolist() == [5.0, 10.0, 15.0]
    assert iso.geometry.is_valid.all()
    assert not iso.geometry.iloc[0].is_empty
    # people counted within 5 min lie inside the 5-min polygon (up to a cell at its edge)
    d = result.demand
    within = d[d["minutes"] <= 5.0]
    inside = shapely.contains_xy(iso.geometry.iloc[0], within.geometry.x, within.geometry.y)
    assert inside.mean() > 0.95


def test_porto_alegre_what_if_hub_helps_the_worst_area(porto_alegre):
    net, _, _, result = porto_alegre
    whatif = AccessWhatIf(net, result)
    reachable = result.demand[result.demand["status"] == "reached"]
    far = reachable.sort_values("seconds").iloc[-1]
    before = result.city_coverage().set_index("threshold_min")["covered"]
    after = whatif.add_hub(far.geometry.x, far.geometry.y)
    after_city = after[after["district_id"] == CITY_ID].set_index("threshold_min")["covered"]
    assert (after_city >= before).all()
    assert (after_city > before).any()


def test_demo_city_pcr_access_on_foot(demo_project):
    project = demo_project
    net = build_network(project.roads, "walk")  # built here: the shared project stays as read
    settings = AccessSettings(capability="pcr", travel=Travel(mode="walk"))
    result = access(net, project.facilities, project.demand, settings, districts=project.districts)
    assert result.summary()["labs_used"] == len(project.facilities.capable("pcr"))
    cov = result.coverage
    names = cov.loc[cov["district_id"] != CITY_ID, "district_name"].unique()
    assert set(project.districts["name"]) <= set(names)
    city = result.city_coverage()
    assert city["population"].iloc[0] == pytest.approx(project.demand.total_population)
    # on foot, 4 PCR labs leave a large part of the city beyond an hour
    assert 0.2 < city.loc[city["threshold_min"] == 60, "share"].iloc[0] < 0.9
    assert len(result.underserved) >= 1
    assert result.underserved["rank"].iloc[0] == 1
    assert result.underserved["min_minutes"].min() > 60.0
    assert result.isochrones.geometry.is_valid.all()
