"""One engine behind every face: the Python API, the tasks and the command line give the same
numbers from the same files and settings (the app's task runner is checked in
tests/gui/test_faces_app.py against the same expectations).

Compared: every number of ``summary.json`` and the output tables of the access analysis (the run
record's date and timings aside), the chosen sites and coverage of siting, and the spoke → hub
assignments of the sample referral; and the network itself, node for node and arc for arc.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import ccgeo
from ccgeo.analysis.referral import plan_referral
from ccgeo.analysis.siting import site_hubs
from ccgeo.cli import main
from ccgeo.demo import DEMO_FILES
from ccgeo.model.settings import AccessSettings, ReferralSettings, SitingSettings, Travel
from ccgeo.network.profiles import resolve_profile
from ccgeo.project import project_from_files
from ccgeo.report.export import write_access, write_referral, write_siting
from ccgeo.tasks.access import run_access
from ccgeo.tasks.referral import run_referral
from ccgeo.tasks.siting import run_siting


@dataclass(frozen=True)
class City:
    """Input files of a city and the CLI options that name them."""

    roads: Path
    facilities: Path
    population: Path
    districts: Path | None
    sheet: str | None
    access: AccessSettings
    siting: SitingSettings
    referral: ReferralSettings

    def options(self) -> list[str]:
        opts = ["--roads", str(self.roads), "--facilities", str(self.facilities)]
        opts += ["--population", str(self.population)]
        if self.districts is not None:
            opts += ["--districts", str(self.districts)]
        if self.sheet is not None:
            opts += ["--sheet", self.sheet]
        return opts

    def project(self) -> ccgeo.Project:
        return project_from_files(
            roads=self.roads,
            facilities=self.facilities,
            population=self.population,
            districts=self.districts,
            facility_sheet=self.sheet,
        )


def _options(settings: AccessSettings | SitingSettings | ReferralSettings) -> list[str]:
    """The settings as command-line options (only those that differ from the defaults)."""
    from ccgeo.cli.options import _RENAMED, OPTIONS

    defaults = type(settings)().to_dict()
    out: list[str] = []
    for key, value in settings.to_dict().items():
        if value == defaults[key] or value is None:
            continue
        option = _RENAMED.get((settings.kind, key), OPTIONS[key])
        if option.switch:
            out.append(option.flags[0] if value else f"--no-{option.flags[0][2:]}")
            continue
        text = (
            ",".join(f"{v:g}" if isinstance(v, float) else str(v) for v in value)
            if isinstance(value, list)
            else (f"{value:g}" if isinstance(value, float) else str(value))
        )
        out += [option.flags[0], text]
    return out


@pytest.fixture(scope="module", params=["demo", "porto_alegre"])
def city(request, demo_dir) -> City:
    if request.param == "demo":
        return City(
            roads=demo_dir / DEMO_FILES["roads"],
            facilities=demo_dir / DEMO_FILES["facilities"],
            population=demo_dir / DEMO_FILES["population"],
            districts=demo_dir / DEMO_FILES["districts"],
            sheet="facilities",
            access=AccessSettings(capability="pcr", travel=Travel(mode="walk")),
            siting=SitingSettings(capability="pcr", travel=Travel(mode="walk"), hubs=2),
            referral=ReferralSettings(capability="ihc"),
        )
    shared = request.getfixturevalue("shared_data") / "porto_alegre"
    return City(
        roads=shared / "poa_osm.pbf",
        facilities=shared / "poa_workshop_labs_synthetic.csv",
        population=shared / "poa_hexgrid.csv",
        districts=None,
        sheet=None,
        access=AccessSettings(capability="pcr", travel=Travel(mode="car", congestion=2.0)),
        siting=SitingSettings(capability="pcr", hubs=3, minutes=10.0, sources=("upgrade",)),
        referral=ReferralSettings(capability="ihc", quality="eqa"),
    )


def _same_files(a: Path, b: Path, names: list[str]) -> None:
    for name in names:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


#: Keys of outputs that hold solver timings (seconds of computing, not of travel).
TIMINGS = frozenset({"seconds", "build_seconds", "solve_seconds"})


def _without_run(path: Path) -> dict:
    """An output's results without the solver timings; the run record (dates, timings) is in
    the run log beside them, never in the results."""
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "run" not in data
    return _without_timings(data)


def _without_timings(value):
    if isinstance(value, dict):
        return {k: _without_timings(v) for k, v in value.items() if k not in TIMINGS}
    if isinstance(value, list):
        return [_without_timings(v) for v in value]
    return value


def test_one_network_from_one_file(city):
    """``ccgeo.load_network`` builds what a project (the app, the command line) builds."""
    project = city.project()
    for mode in ("car", "walk"):
        api = ccgeo.load_network(city.roads, mode)
        own = project.network(resolve_profile(mode))
        assert (api.n_nodes, api.n_edges) == (own.n_nodes, own.n_edges)
        np.testing.assert_array_equal(api.node_osmid, own.node_osmid)
        np.testing.assert_array_equal(api.csr.indptr, own.csr.indptr)
        np.testing.assert_array_equal(api.csr.indices, own.csr.indices)
        np.testing.assert_array_equal(api.csr.data, own.csr.data)


def test_access_is_the_same_from_the_api_the_task_and_the_cli(city, tmp_path):
    settings = city.access
    project = city.project()
    task = run_access(project, settings)
    write_access(task, tmp_path / "task", project=project)

    # the plain API: a network from the file, the project's readers' layers
    net = ccgeo.load_network(
        city.roads, settings.travel.mode, congestion=settings.travel.congestion
    )
    api = ccgeo.access(
        net, project.facilities, project.demand, settings, districts=project.districts
    )
    write_access(api, tmp_path / "api", project=project)

    assert (
        main(["access", *city.options(), *_options(settings), "--out", str(tmp_path / "cli")]) == 0
    )

    tables = ["coverage_by_district.csv", "demand_times.csv"]
    _same_files(tmp_path / "task", tmp_path / "api", tables)
    _same_files(tmp_path / "task", tmp_path / "cli", tables)
    cli = _without_run(tmp_path / "cli" / "summary.json")
    assert cli == _without_run(tmp_path / "task" / "summary.json")
    assert cli == _without_run(tmp_path / "api" / "summary.json")
    run = json.loads((tmp_path / "cli" / "run_log_access.json").read_text(encoding="utf-8"))
    assert AccessSettings.from_dict(run["settings"]) == settings


def test_siting_is_the_same_from_the_api_the_task_and_the_cli(city, tmp_path):
    settings = city.siting
    project = city.project()
    task = run_siting(project, settings)
    net = ccgeo.load_network(city.roads, settings.travel.mode)
    api = site_hubs(net, project.demand, project.facilities, settings, districts=project.districts)
    assert main(["site", *city.options(), *_options(settings), "--out", str(tmp_path / "cli")]) == 0
    cli = _without_run(tmp_path / "cli" / "siting.json")
    for result in (task, api):
        write_siting(result, tmp_path / "x")
        assert _without_run(tmp_path / "x" / "siting.json") == cli
    assert len(task.hubs) == (settings.hubs if settings.model != "lscp" else len(task.hubs))
    assert task.chosen_ids == api.chosen_ids


def test_referral_is_the_same_from_the_api_the_task_and_the_cli(city, tmp_path):
    settings = city.referral
    project = city.project()
    task = run_referral(project, settings)
    courier = ccgeo.load_network(city.roads, task.settings["courier_mode"])
    patients = ccgeo.load_network(city.roads, settings.travel.mode)
    api = plan_referral(
        courier, project.facilities, settings, patient_net=patients, demand=project.demand
    )
    args = ["referral", *city.options(), *_options(settings), "--out", str(tmp_path / "cli")]
    assert main(args) == 0
    cli = pd.read_csv(tmp_path / "cli" / "referral.csv", dtype=str, keep_default_na=False)
    for result in (task, api):
        paths = write_referral(result, tmp_path / "x")
        mine = pd.read_csv(paths["csv"], dtype=str, keep_default_na=False)
        pd.testing.assert_frame_equal(mine, cli)
        assert _without_run(paths["json"]) == _without_run(tmp_path / "cli" / "referral.json")
    assert len(task.spokes) > 0
