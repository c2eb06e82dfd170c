"""The app's task runner gives the numbers of the command line (and so of the API: see
tests/test_faces.py): the same files and settings, set through the panels' visible widgets and
run with their Run buttons, give the same access tables and summary, the same siting proposal and
the same sample referral, on the demo city and on Porto Alegre."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from helpers import TIMEOUT_MS, choose, click, open_window, show_dock, type_into

from ccgeo.cli import main
from ccgeo.project import project_from_files
from ccgeo.report.export import write_access, write_referral, write_siting

#: Keys of outputs that hold solver timings (seconds of computing, not of travel).
TIMINGS = frozenset({"seconds", "build_seconds", "solve_seconds"})


def _without_run(path: Path) -> dict:
    """An output's results without timings (the run record is in the run log beside them)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "run" not in data
    return _strip(data)


def _strip(value):
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in TIMINGS}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


@pytest.fixture(params=["demo", "porto_alegre"])
def city(request, demo_dir):
    """Input options of the city, the analysis panel's choices, and the siting's."""
    if request.param == "demo":
        files = {
            "roads": demo_dir / "demo_city.osm.pbf",
            "facilities": demo_dir / "demo_facilities.xlsx",
            "population": demo_dir / "demo_population.tif",
            "districts": demo_dir / "demo_districts.geojson",
        }
        return files, "facilities", {"mode": "walk", "congestion": "1"}, {"hubs": "2"}
    shared = request.getfixturevalue("shared_data") / "porto_alegre"
    files = {
        "roads": shared / "poa_osm.pbf",
        "facilities": shared / "poa_workshop_labs_synthetic.csv",
        "population": shared / "poa_hexgrid.csv",
    }
    return files, None, {"mode": "car", "congestion": "2"}, {"hubs": "3", "minutes": "10"}


def _cli_inputs(files: dict[str, Path], sheet: str | None) -> list[str]:
    args = [item for key, path in files.items() for item in (f"--{key}", str(path))]
    return [*args, "--sheet", sheet] if sheet else args


@pytest.fixture
def window(qtbot, city):
    files, sheet, _, _ = city
    project = project_from_files(
        roads=files["roads"],
        facilities=files["facilities"],
        population=files["population"],
        districts=files.get("districts"),
        facility_sheet=sheet,
    )
    return open_window(qtbot, project)


def _set_analysis(qtbot, window, choices: dict[str, str]) -> None:
    """Test PCR, any lab, the mode and traffic of ``choices``, thresholds 30, 60, 120."""
    panel = show_dock(qtbot, window, "analysis")
    choose(qtbot, panel.capability, "pcr")
    choose(qtbot, panel.quality, "any")
    choose(qtbot, panel.mode, choices["mode"])
    type_into(qtbot, panel.congestion, choices["congestion"])
    type_into(qtbot, panel.thresholds, "30, 60, 120")


def test_access_in_the_app_equals_the_command_line(qtbot, window, city, tmp_path):
    files, sheet, choices, _ = city
    _set_analysis(qtbot, window, choices)
    panel = show_dock(qtbot, window, "analysis")
    with qtbot.waitSignal(window.analysis.runFinished, timeout=TIMEOUT_MS) as run:
        click(qtbot, panel.run_button)
    write_access(run.args[0].result, tmp_path / "app", project=window.project)
    args = ["access", *_cli_inputs(files, sheet), "--capability", "pcr"]
    args += ["--mode", choices["mode"], "--congestion", choices["congestion"]]
    assert main([*args, "--out", str(tmp_path / "cli")]) == 0
    for name in ("coverage_by_district.csv", "demand_times.csv"):
        assert (tmp_path / "app" / name).read_bytes() == (tmp_path / "cli" / name).read_bytes()
    app = _without_run(tmp_path / "app" / "summary.json")
    assert app == _without_run(tmp_path / "cli" / "summary.json")


def test_siting_in_the_app_equals_the_command_line(qtbot, window, city, tmp_path):
    files, sheet, choices, siting = city
    _set_analysis(qtbot, window, choices)
    panel = show_dock(qtbot, window, "siting")
    type_into(qtbot, panel.hubs, siting["hubs"])
    if "minutes" in siting:
        type_into(qtbot, panel.minutes, siting["minutes"])
    with qtbot.waitSignal(window.planning.sitingFinished, timeout=TIMEOUT_MS) as run:
        click(qtbot, panel.runbox.run_button)
    write_siting(run.args[0], tmp_path / "app")
    args = ["site", *_cli_inputs(files, sheet), "--capability", "pcr", "--hubs", siting["hubs"]]
    args += ["--mode", choices["mode"], "--congestion", choices["congestion"]]
    args += ["--minutes", siting.get("minutes", "60")]  # the panel's: the analysis' 60 min
    assert main([*args, "--out", str(tmp_path / "cli")]) == 0
    app = _without_run(tmp_path / "app" / "siting.json")
    assert app == _without_run(tmp_path / "cli" / "siting.json")
    assert len(run.args[0].hubs) == int(siting["hubs"])


def test_referral_in_the_app_equals_the_command_line(qtbot, window, city, tmp_path):
    files, sheet, choices, _ = city
    _set_analysis(qtbot, window, choices)
    panel = show_dock(qtbot, window, "referral")
    choose(qtbot, panel.capability, "ihc")
    with qtbot.waitSignal(window.planning.referralFinished, timeout=TIMEOUT_MS) as run:
        click(qtbot, panel.runbox.run_button)
    paths = write_referral(run.args[0], tmp_path / "app")
    args = ["referral", *_cli_inputs(files, sheet), "--capability", "ihc"]
    args += ["--patient-mode", choices["mode"], "--congestion", choices["congestion"]]
    assert main([*args, "--out", str(tmp_path / "cli")]) == 0
    app = pd.read_csv(paths["csv"], dtype=str, keep_default_na=False)
    cli = pd.read_csv(tmp_path / "cli" / "referral.csv", dtype=str, keep_default_na=False)
    pd.testing.assert_frame_equal(app, cli)
    app_json = _without_run(paths["json"])
    cli_json = _without_run(tmp_path / "cli" / "referral.json")
    # the panel states the courier values it shows; the command line leaves them to the
    # parameter file: the same values in the end
    assert app_json["settings"].pop("parameters") == cli_json["settings"].pop("parameters")
    for key in ("courier_mode", "couriers_per_hub", "shift_start", "shift_end", "latest_pickup"):
        app_json["settings"].pop(key)
        cli_json["settings"].pop(key)
    assert app_json == cli_json
