"""Speed profiles: the bundled DOMAIN.md defaults, user files over them, validation, edge speeds."""

from __future__ import annotations

import numpy as np
import pytest
from roadkit import LAT0, LON0, STEP, make_roads

from ccgeo.errors import InputError
from ccgeo.model.profile import SpeedProfile
from ccgeo.model.roads import MODE_BITS
from ccgeo.model.settings import Travel
from ccgeo.network.profiles import (
    edge_speeds_kmh,
    get_profile,
    load_profiles,
    resolve_profile,
    travel_seconds,
)
from ccgeo.project import Project
from ccgeo.tasks.common import network_for

# DOMAIN.md, "Travel speeds": OSRM car profile, track an assumption
CAR_KMH = {
    "motorway": 90,
    "motorway_link": 45,
    "trunk": 85,
    "trunk_link": 40,
    "primary": 65,
    "primary_link": 30,
    "secondary": 55,
    "secondary_link": 25,
    "tertiary": 40,
    "tertiary_link": 20,
    "unclassified": 25,
    "residential": 25,
    "living_street": 10,
    "service": 15,
    "track": 15,
}


def line_roads(classes, **kwargs):
    lonlat = [(LON0 + i * STEP, LAT0) for i in range(len(classes) + 1)]
    edges = [(i, i + 1) for i in range(len(classes))]
    return make_roads(lonlat, edges, highway=list(classes), **kwargs)


def write(tmp_path, text, name="speeds.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_bundled_car_speeds_are_the_domain_defaults():
    profiles = load_profiles()
    assert list(profiles) == ["car", "motorbike", "walk"]
    car = profiles["car"]
    for cls, kmh in CAR_KMH.items():
        assert car.speeds_kmh[cls] == kmh, cls
    assert car.unpaved_factor == 0.7
    assert car.respect_oneway
    assert car.respect_maxspeed
    assert car.congestion_factor == 1.0
    assert "footway" in car.excluded_classes


def test_bundled_motorbike_is_car_capped_at_60_and_walk_is_5_kmh():
    profiles = load_profiles()
    classes = sorted(CAR_KMH)
    roads = line_roads(classes)
    car, _ = edge_speeds_kmh(roads, profiles["car"])
    moto, _ = edge_speeds_kmh(roads, profiles["motorbike"])
    np.testing.assert_array_equal(moto, np.minimum(car, 60.0))
    assert profiles["motorbike"].access == "motorbike"
    walk, _ = edge_speeds_kmh(line_roads([*classes, "footway", "steps", "path"]), profiles["walk"])
    walkable = ~np.isin([*classes, "footway", "steps", "path"], ["motorway", "motorway_link"])
    assert (walk[walkable] == 5.0).all()
    assert np.isnan(walk[~walkable]).all()
    assert not profiles["walk"].respect_oneway


def test_maxspeed_caps_never_raises_and_unpaved_slows():
    car = load_profiles()["car"]
    roads = line_roads(
        ["primary", "residential", "primary", "track", "footway"],
        maxspeed=[30.0, 100.0, np.nan, np.nan, 10.0],
        surface=["", "", "dirt", "gravel", ""],
    )
    speeds, warnings = edge_speeds_kmh(roads, car)
    np.testing.assert_allclose(speeds[:4], [30.0, 25.0, 65 * 0.7, 15 * 0.7])
    assert np.isnan(speeds[4])  # a maxspeed tag does not open a footway to cars
    assert warnings == ()
    walk, _ = edge_speeds_kmh(roads, load_profiles()["walk"])
    np.testing.assert_array_equal(walk, [5.0] * 5)  # no maxspeed or surface effect on foot


def test_unknown_class_falls_back_to_default_and_is_counted_once():
    car = load_profiles()["car"]
    roads = line_roads(["primary", "busway_x", "busway_x", "ghost"])
    speeds, warnings = edge_speeds_kmh(roads, car)
    np.testing.assert_array_equal(speeds, [65.0, 25.0, 25.0, 25.0])
    assert len(warnings) == 1
    assert "3 of 4 edges" in warnings[0]
    assert "busway_x (2), ghost (1)" in warnings[0]
    assert "25 km/h" in warnings[0]


def test_access_bits_close_edges():
    roads = line_roads(["primary", "primary"], modes=[MODE_BITS["walk"], MODE_BITS["all"]])
    speeds, _ = edge_speeds_kmh(roads, load_profiles()["car"])
    assert np.isnan(speeds[0])
    assert speeds[1] == 65.0


def test_congestion_multiplies_time():
    free = travel_seconds(np.array([1000.0]), np.array([36.0]))
    peak = travel_seconds(np.array([1000.0]), np.array([36.0]), congestion_factor=3.0)
    assert free[0] == pytest.approx(100.0)
    assert peak[0] == pytest.approx(300.0)
    car = load_profiles()["car"].with_congestion(3.0)
    assert car.congestion_factor == 3.0


def test_user_file_overrides_one_class_and_adds_a_mode(tmp_path):
    path = write(
        tmp_path,
        """
[car.speeds_kmh]
primary = 50

[car]
unpaved_factor = 0.5

[ambulance]
inherit = "car"
description = "Ambulance with sirens"
max_kmh = 100.0

[ambulance.speeds_kmh]
residential = 40
""",
    )
    profiles = load_profiles(path)
    assert list(profiles) == ["car", "motorbike", "walk", "ambulance"]
    assert profiles["car"].speeds_kmh["primary"] == 50
    assert profiles["car"].speeds_kmh["secondary"] == 55  # untouched
    assert profiles["car"].unpaved_factor == 0.5
    # motorbike inherits the user's car
    assert profiles["motorbike"].speeds_kmh["primary"] == 50
    amb = profiles["ambulance"]
    assert amb.speeds_kmh["residential"] == 40
    assert amb.speeds_kmh["primary"] == 50
    assert amb.access == "car"
    assert amb.max_kmh == 100.0
    assert get_profile("ambulance", profiles) is amb


def test_a_user_speed_file_is_a_setting_not_an_environment_variable(tmp_path, monkeypatch):
    path = write(
        tmp_path,
        '[car.speeds_kmh]\nprimary = 50\n\n[ambulance]\ninherit = "car"\nmax_kmh = 100.0\n',
    )
    # CCGEO_SPEEDS is gone on purpose: the speed file is `Travel.speeds`, read where named
    monkeypatch.setenv("CCGEO_SPEEDS", str(path))
    assert load_profiles()["car"].speeds_kmh["primary"] == 65
    assert resolve_profile("car").speeds_kmh["primary"] == 65
    with pytest.raises(InputError, match="no speed profile for mode 'ambulance'"):
        resolve_profile("ambulance")
    car = resolve_profile("car", speeds=path)
    assert car == load_profiles(path)["car"]
    assert car.speeds_kmh["primary"] == 50
    assert resolve_profile("ambulance", speeds=path).max_kmh == 100.0
    peak = resolve_profile("car", speeds=path, congestion=3.0)
    assert peak.congestion_factor == 3.0
    assert peak.speeds_kmh == car.speeds_kmh
    # a task builds the network of the settings' travel, speed file included
    project = Project(roads=line_roads(["primary", "residential"]))
    net = network_for(project, Travel(mode="car", speeds=str(path), congestion=2.0))
    assert net.profile == resolve_profile("car", speeds=path, congestion=2.0)
    assert network_for(project, Travel(mode="car")).profile.speeds_kmh["primary"] == 65


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("[car.speeds_kmh]\nprimary = -5\n", r"speeds_kmh.primary = -5.0 should be a speed"),
        ('[car.speeds_kmh]\nprimary = "fast"\n', r"speeds_kmh.primary = 'fast' should be a number"),
        ("[car]\nunpaved_facter = 0.7\n", r"unknown key 'unpaved_facter'"),
        ("[car]\nunpaved_factor = 1.5\n", r"unpaved_factor = 1.5 should be above 0"),
        ("[car]\ncongestion_factor = 0.5\n", r"congestion_factor = 0.5 should be 1"),
        ("[car]\nrespect_oneway = 1\n", r"respect_oneway = 1 should be a bool"),
        ('[car]\naccess = "boat"\n', r"access = 'boat' should be one of car"),
        ("[car]\nmax_kmh = 3000\n", r"max_kmh = 3000.0 should be a speed"),
        ('[bus]\ninherit = "tram"\n', r"\[bus\] inherit = 'tram': no such mode"),
        ('[a]\ninherit = "b"\n[b]\ninherit = "a"\n', r"circular chain a -> b -> a"),
        ("[bike]\ndefault_kmh = 15\n", r"\[bike\] access is missing.*max_kmh is missing"),
        ('[car]\nexcluded_classes = ["primary"]\n', r"primary have a speed but are also"),
        ("speed = 5\n", r"top-level keys 'speed' are not mode tables"),
        ("[car\n", r"is not a valid TOML"),
    ],
)
def test_bad_user_files_name_file_key_and_value(tmp_path, text, match):
    path = write(tmp_path, text)
    with pytest.raises(InputError, match=match) as info:
        load_profiles(path)
    assert str(path) in str(info.value)


def test_every_problem_is_listed_at_once(tmp_path):
    path = write(tmp_path, "[car.speeds_kmh]\nprimary = 0\nsecondary = 999\n")
    with pytest.raises(InputError, match=r"primary = 0\.0.*secondary = 999\.0"):
        load_profiles(path)


def test_missing_user_file(tmp_path):
    with pytest.raises(InputError, match="speed file not found"):
        load_profiles(tmp_path / "nope.toml")


def test_profile_validates_itself_and_round_trips():
    car = load_profiles()["car"]
    assert SpeedProfile.from_dict(car.to_dict()) == car
    assert hash(SpeedProfile.from_dict(car.to_dict())) == hash(car)
    assert car.allowed_classes == frozenset(car.speeds_kmh)
    with pytest.raises(TypeError):
        car.speeds_kmh["primary"] = 1.0  # type: ignore[index]
    with pytest.raises(InputError, match=r"speeds_kmh\.primary = 0\.0"):
        SpeedProfile(name="x", speeds_kmh={"primary": 0.0}, default_kmh=5, max_kmh=10)
    with pytest.raises(InputError, match="no speed profile for mode 'bike'"):
        get_profile("bike")
