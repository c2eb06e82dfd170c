"""The public API in ``ccgeo``: names exist and work together on the demo city."""

from __future__ import annotations

import ccgeo
from ccgeo.demo import DEMO_FILES


def test_public_names_are_importable():
    for name in ccgeo.__all__:
        assert hasattr(ccgeo, name), name


def test_demo_city_through_the_public_api(demo_dir):
    districts = ccgeo.read_districts(demo_dir / DEMO_FILES["districts"])
    labs = ccgeo.read_facilities(
        demo_dir / DEMO_FILES["facilities"], sheet="facilities", study_area=districts
    )
    assert labs.report.n_rejected == 0
    pcr = labs.capable("pcr", quality="eqa")
    assert 0 < len(pcr) < len(labs)
    net = ccgeo.load_network(demo_dir / DEMO_FILES["roads"], mode="car")
    assert net.mode == "car"
    assert net.connectivity()["main_component_share"] > 0.95
    people = ccgeo.read_population(
        demo_dir / DEMO_FILES["population"], districts=districts, study_area=districts.union_all()
    )
    assert 1e6 < people.total_population < 3e6
    nodes, metres = net.snap(pcr.lonlat())
    assert len(nodes) == len(pcr)
    assert (metres < 500).all()
