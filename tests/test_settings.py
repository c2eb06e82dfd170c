"""Settings objects: parsed and checked once, read from projects and files, with their sources."""

from __future__ import annotations

import pytest

from ccgeo.errors import InputError
from ccgeo.model.settings import (
    SETTINGS_FORMAT_VERSION,
    AccessSettings,
    CapacitySettings,
    ReferralSettings,
    SitingSettings,
    Snapping,
    Travel,
    parse_thresholds,
)
from ccgeo.project import Project, open_project, save_project
from ccgeo.tasks.settings import (
    COMMAND_LINE,
    DEFAULT,
    PROJECT,
    has_run,
    read_settings_file,
    resolve,
    store_settings,
    stored_settings,
    write_settings_file,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30, 60, 120", (30.0, 60.0, 120.0)),
        ("120;30 60", (30.0, 60.0, 120.0)),
        ("60 min", (60.0,)),
        ("30min, 90 minutes", (30.0, 90.0)),
        ([90, "30", 30.0], (30.0, 90.0)),
        (45, (45.0,)),
    ],
)
def test_one_threshold_parser(text, expected):
    assert parse_thresholds(text) == expected


@pytest.mark.parametrize(
    "bad", ["", "0", "-5", "abc", "30, inf", [float("nan")], "1e308", "60, 20000"]
)
def test_bad_thresholds_name_the_value(bad):
    with pytest.raises(InputError, match="thresholds should be positive minutes up to 10,080"):
        parse_thresholds(bad)


def test_a_huge_threshold_is_refused_without_an_overflow_warning(recwarn):
    """1e308 minutes once passed and overflowed to infinity seconds with a NumPy warning."""
    import warnings

    from ccgeo.model.settings import CapacitySettings, SitingSettings

    warnings.simplefilter("error")
    with pytest.raises(InputError, match="got 1e308"):
        AccessSettings(thresholds_minutes="30, 1e308")
    with pytest.raises(InputError, match="`minutes` should be at most 10,080"):
        SitingSettings(minutes=1e308)
    with pytest.raises(InputError, match="`minutes` should be at most 10,080"):
        CapacitySettings(minutes=1e300)
    assert parse_thresholds("10080") == (10080.0,)


def test_flat_form_round_trips_every_settings_class():
    examples = [
        AccessSettings(
            capability="ihc",
            quality="eqa",
            travel=Travel("walk", "speeds/slow_roads.toml", 2.0),
            thresholds_minutes=(15, 45),
            snapping=Snapping(500.0, 4.0, 2),
        ),
        CapacitySettings(method="e2sfca", bands_minutes=(5, 15), weights=(1.0, 0.5)),
        SitingSettings(
            model="lscp", sources=("upgrade", "grid"), exclude=("F1",), hub_capacity=9.0
        ),
        ReferralSettings(courier_mode="car", latest_pickup="15:00", couriers_per_hub=2),
    ]
    for settings in examples:
        flat = settings.to_dict()
        assert list(flat) == list(type(settings).flat_keys())
        assert type(settings).from_dict(flat) == settings


def test_values_from_text_are_converted_and_checked_in_one_place():
    settings = SitingSettings.from_dict(
        {"hubs": "4", "minutes": "45", "sources": "upgrade, grid", "capacity": "true"}
    )
    assert settings.hubs == 4
    assert settings.minutes == 45.0
    assert settings.sources == ("upgrade", "grid")
    assert settings.capacity is True


def test_every_problem_is_named_at_once():
    with pytest.raises(InputError) as err:
        SitingSettings.from_dict(
            {"model": "best", "hubs": 0, "congestion": 0.5, "max_snap_m": -1, "target_share": 2}
        )
    text = str(err.value)
    for name in ("`model`", "`hubs`", "`congestion`", "`max_snap_m`", "`target_share`"):
        assert name in text


def test_unknown_keys_are_refused_with_the_known_ones():
    with pytest.raises(InputError, match=r"unknown key\(s\) threshold; the keys are capability"):
        AccessSettings.from_dict({"threshold": 30})


def test_only_access_counts_every_facility():
    assert AccessSettings(capability="any").capability == "any"
    with pytest.raises(InputError, match="`capability` should be one of"):
        SitingSettings(capability="any")


def test_a_bad_clock_time_is_refused():
    with pytest.raises(InputError, match=r"latest_pickup.*'14h30'"):
        ReferralSettings(latest_pickup="14h30")


def test_underserved_threshold_and_reach():
    assert AccessSettings(thresholds_minutes=(30, 60, 120)).underserved_minutes == 60
    assert AccessSettings(thresholds_minutes=(15, 45)).underserved_minutes == 45
    assert CapacitySettings(method="e2sfca").reach_minutes == 30
    assert CapacitySettings(method="2sfca", minutes=20).reach_minutes == 20


# -- sources -------------------------------------------------------------------------------------


def test_defaults_project_file_and_command_line_in_that_order(tmp_path):
    project = Project()
    store_settings(project, AccessSettings(travel=Travel(mode="walk"), thresholds_minutes=(30,)))
    store_settings(project, SitingSettings(hubs=5, minutes=30))
    path = write_settings_file(tmp_path / "s.toml", [SitingSettings(hubs=7, minutes=45)])
    file = read_settings_file(path)
    sourced = resolve(SitingSettings, project=project, file=file, given={"minutes": "20"})
    assert sourced.settings.hubs == 7
    assert sourced.settings.minutes == 20
    assert sourced.settings.travel.mode == "car"  # the file's siting table gives every key
    assert sourced.sources["hubs"] == "settings file s.toml"
    assert sourced.sources["minutes"] == COMMAND_LINE
    assert "minutes = 20 (command line)" in sourced.lines()


def test_shared_keys_come_from_the_access_table(tmp_path):
    project = Project()
    store_settings(project, AccessSettings(capability="ngs", travel=Travel(mode="walk")))
    sourced = resolve(SitingSettings, project=project)
    assert sourced.settings.capability == "ngs"
    assert sourced.settings.travel.mode == "walk"
    assert sourced.sources["mode"] == f"{PROJECT} (access)"
    assert sourced.sources["hubs"] == DEFAULT
    path = tmp_path / "shared.toml"
    path.write_text('format_version = 1\n[access]\nmode = "motorbike"\n[siting]\nhubs = 2\n')
    again = resolve(SitingSettings, project=project, file=read_settings_file(path))
    assert again.settings.travel.mode == "motorbike"
    assert again.sources["mode"] == "settings file shared.toml (access)"


def test_settings_survive_saving_the_project(tmp_path):
    project = Project(name="kept")
    siting = SitingSettings(capability="pcr", model="pmedian", hubs=2)
    store_settings(project, siting)
    reopened = open_project(save_project(project, tmp_path / "p.ccgeo"))
    assert resolve(SitingSettings, project=reopened).settings == siting
    assert has_run(reopened, "siting")
    assert not has_run(reopened, "referral")


def test_projects_of_earlier_versions_keep_their_access_settings():
    project = Project(settings={"analysis": {"capability": "ihc", "mode": "walk"}})
    assert stored_settings(project, "access") == {"capability": "ihc", "mode": "walk"}
    assert has_run(project, "access")
    suggested = Project(settings={"analysis_defaults": {"mode": "walk"}})
    assert resolve(AccessSettings, project=suggested).settings.travel.mode == "walk"
    assert not has_run(suggested, "access")


def test_settings_file_format(tmp_path):
    path = write_settings_file(
        tmp_path / "all.toml", [AccessSettings(travel=Travel(speeds="x.toml")), ReferralSettings()]
    )
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[1] == f"format_version = {SETTINGS_FORMAT_VERSION}"
    assert 'speeds = "x.toml"' in text
    assert "courier_mode" not in text  # None: not set, left to the parameter file
    assert set(read_settings_file(path).tables) == {"access", "referral"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("format_version = 99\n", "newer ccgeo"),
        ("[acess]\nmode = 'car'\n", "'acess' is not a table of analysis settings"),
        ("[access]\nmode = \n", "not a valid TOML settings file"),
        ("[siting]\nhubs = 'many'\n", r"\[siting\] siting settings: `hubs` should be a whole"),
    ],
)
def test_bad_settings_files_say_what_and_where(tmp_path, content, message):
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message) as err:
        read_settings_file(path)
    assert "bad.toml" in str(err.value)
