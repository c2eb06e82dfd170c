"""Scenario batches: the scenario file, the matrix, road closures, the executors (serial, a
process pool, a real local Dask cluster) giving byte-identical tables, resume, cancel, failures,
and ``ccgeo batch`` end to end."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import shapely
from roadkit import LAT0, LON0, STEP, make_roads

from ccgeo.cli import main
from ccgeo.errors import Cancelled, InputError
from ccgeo.model.closures import RoadClosures
from ccgeo.network.build import build_network
from ccgeo.network.closures import edge_factors
from ccgeo.network.routing import nearest_lab_times
from ccgeo.report.batch import write_comparison
from ccgeo.report.export import write_access
from ccgeo.tasks.batch import DONE_MARKER, read_plan, run_batch

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "oaxaca_scenarios.toml"


def _demo_toml(folder: Path, demo_dir: Path, axes: str, extra: str = "") -> Path:
    """A scenario file on the demo city (paths relative to the file, as users write them)."""
    folder.mkdir(parents=True, exist_ok=True)
    data = folder / "data"
    if not data.exists():
        data.symlink_to(demo_dir)
    path = folder / "scenarios.toml"
    path.write_text(
        f"""
[batch]
name = "Vila Demo"

[inputs]
roads = "data/demo_city.osm.pbf"
facilities = "data/demo_facilities.xlsx"
population = "data/demo_population.tif"
districts = "data/demo_districts.geojson"

[settings]
capability = "pcr"
thresholds_minutes = [10, 20, 30]

[axes]
{axes}

[closures.rainy]
closed_surfaces = ["dirt"]
slowed_surfaces = ["unpaved"]
surface_factor = 0.5

[hubs.north]
new = [{{id = "H1", name = "North hub", lon = 34.52, lat = -8.47}}]
{extra}
""",
        encoding="utf-8",
    )
    return path


SMALL_AXES = 'mode = ["car"]\nclosures = ["none", "rainy"]\nhubs = ["existing", "north"]'


# -- the scenario file -------------------------------------------------------------------------


def test_the_matrix_expands_to_stable_ids_in_axis_order(tmp_path, demo_dir):
    axes = 'mode = ["car", "walk"]\nclosures = ["none", "rainy"]\nhubs = ["existing", "north"]'
    extra = '[[scenario]]\nid = "walk_rainy_extra"\nmode = "walk"\nclosures = "rainy"\n'
    plan = read_plan(_demo_toml(tmp_path, demo_dir, axes, extra))
    ids = [s.id for s in plan.scenarios]
    assert ids[:8] == [
        "car-none-existing",
        "car-none-north",
        "car-rainy-existing",
        "car-rainy-north",
        "walk-none-existing",
        "walk-none-north",
        "walk-rainy-existing",
        "walk-rainy-north",
    ]
    assert ids[8] == "walk_rainy_extra"
    assert plan.axes == ("mode", "closures", "hubs")
    walk_rainy = plan.scenarios[6]
    assert walk_rainy.settings.travel.mode == "walk"
    assert walk_rainy.settings.thresholds_minutes == (10.0, 20.0, 30.0)
    assert walk_rainy.closures.closed_surfaces == ("dirt",)
    assert walk_rainy.closures.surface_factor == 0.5
    assert plan.scenarios[1].hubs.added[0]["hub_id"] == "H1"
    assert plan.scenarios[0].closures is None  # "none": every road open
    # the same file read twice gives the same ids (stable names of folders)
    assert [s.id for s in read_plan(tmp_path / "scenarios.toml").scenarios] == ids


def test_the_oaxaca_example_is_a_12_scenario_matrix_with_paths_that_resolve():
    plan = read_plan(EXAMPLE)
    assert len(plan.scenarios) == 12
    assert len({s.id for s in plan.scenarios}) == 12
    assert plan.axes == ("mode", "closures", "hubs", "referral")
    for path in plan.inputs.values():
        assert path.is_file(), path
    rainy = next(s for s in plan.scenarios if s.id == "car-rainy-sited")
    assert rainy.closures.areas_wkb
    assert rainy.hubs.siting == 2


@pytest.mark.parametrize(
    ("axes", "extra", "words"),
    [
        ('mode = ["car"]\nweather = ["wet"]', "", ["axes.weather", "'wet'", "unknown axis"]),
        ('hubs = ["south"]', "", ["axes.hubs", "'south'", "[hubs.south]"]),
        ('closures = ["flood"]', "", ["axes.closures", "'flood'", "[closures.flood]"]),
        ('mode = "car"', "", ["axes.mode", "'car'", "list of values"]),
        (
            'hubs = ["bad"]',
            '[hubs.bad]\nnew = [{id = "X", lon = 200.0, lat = 0.0}]',
            ["hubs.bad.new[1].lon", "200.0", "-180 to 180"],
        ),
        (
            'closures = ["odd"]',
            "[closures.odd]\nsurface_factor = 2.0",
            ["closures.odd", "surface_factor", "2.0"],
        ),
        (
            'closures = ["odd"]',
            '[closures.odd]\nclosed_roads = ["track"]',
            ["closures.odd.closed_roads", "unknown key"],
        ),
        (
            'mode = ["car"]',
            '[[scenario]]\nid = "a"\n[[scenario]]\nid = "a"',
            ["id = 'a'", "two scenarios have this id"],
        ),
        ("thresholds = [[30, -5]]", "", ["axes.thresholds", "-5"]),
    ],
)
def test_a_bad_scenario_file_names_the_file_the_key_and_the_value(
    tmp_path, demo_dir, axes, extra, words
):
    path = _demo_toml(tmp_path, demo_dir, axes, extra)
    with pytest.raises(InputError) as caught:
        read_plan(path)
    message = str(caught.value)
    assert message.startswith(str(path))
    for word in words:
        assert word in message, message


def test_a_missing_input_file_is_named_with_where_it_was_looked_for(tmp_path, demo_dir):
    path = _demo_toml(tmp_path, demo_dir, SMALL_AXES)
    path.write_text(path.read_text().replace("data/demo_city.osm.pbf", "data/nowhere.pbf"))
    with pytest.raises(InputError, match=r"inputs\.roads = 'data/nowhere.pbf': no such file"):
        read_plan(path)


# -- road closures -----------------------------------------------------------------------------


def _line_roads():
    """0 - 1 - 2 - 3 east to west, each edge about 210 m: residential, track, dirt, gravel."""
    lonlat = np.array([(LON0 + i * STEP, LAT0) for i in range(4)])
    return make_roads(
        lonlat,
        [(0, 1), (1, 2), (2, 3)],
        highway=["residential", "residential", "residential"],
        surface=["asphalt", "gravel", "asphalt"],
    )


def _times(net) -> np.ndarray:
    """Seconds from road node 0 to road nodes 0..3 (inf where the network lost the node)."""
    osmid = net.node_osmid.tolist()
    seconds = nearest_lab_times(net, np.array([osmid.index(1000)])).seconds
    return np.array(
        [seconds[osmid.index(1000 + i)] if 1000 + i in osmid else np.inf for i in range(4)]
    )


def test_closures_slow_and_close_roads_as_said():
    roads = _line_roads()
    open_net = build_network(roads, "car")
    slow = RoadClosures(name="rainy", slowed_surfaces=("gravel",), surface_factor=0.5)
    slow_net = build_network(roads, "car", closures=slow)
    base = _times(open_net)
    slowed = _times(slow_net)
    # the gravel edge takes twice as long; the others as before
    edge = lambda t: np.diff(t)  # noqa: E731 - seconds per edge along the line
    assert edge(slowed)[1] == pytest.approx(2 * edge(base)[1])
    assert edge(slowed)[0] == pytest.approx(edge(base)[0])
    assert edge(slowed)[2] == pytest.approx(edge(base)[2])
    closed = build_network(roads, "car", closures=RoadClosures(closed_surfaces=("gravel",)))
    cut = _times(closed)
    assert np.isfinite(cut[1])
    assert not np.isfinite(cut[2:]).any()
    by_class = RoadClosures(closed_classes=("residential",))
    assert edge_factors(roads, by_class).tolist() == [0.0, 0.0, 0.0]


def test_a_flood_polygon_slows_only_the_roads_that_cross_it():
    roads = _line_roads()
    x = LON0 + 1.5 * STEP  # the middle of edge 1
    box = shapely.box(x - STEP / 10, LAT0 - STEP, x + STEP / 10, LAT0 + STEP)
    flood = RoadClosures(areas_wkb=(box.wkb,), area_factor=0.25)
    assert edge_factors(roads, flood).tolist() == [1.0, 0.25, 1.0]
    closed = build_network(roads, "car", closures=RoadClosures(areas_wkb=(box.wkb,)))
    times = _times(closed)
    assert np.isfinite(times[1])
    assert not np.isfinite(times[2])


def test_no_closures_keep_todays_numbers():
    roads = _line_roads()
    a = _times(build_network(roads, "car"))
    b = _times(build_network(roads, "car", closures=RoadClosures()))
    assert np.array_equal(a, b)


# -- running -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def serial_run(tmp_path_factory, demo_dir):
    """The small matrix on the demo city, run serially once for the module."""
    folder = tmp_path_factory.mktemp("batch")
    plan = read_plan(_demo_toml(folder, demo_dir, SMALL_AXES))
    out = folder / "serial"
    outcome = run_batch(plan, out, executor="serial", write=write_access)
    write_comparison(plan, outcome, out, project=outcome.project)
    return plan, out, outcome


def test_serial_run_writes_each_scenario_and_the_comparison(serial_run):
    plan, out, outcome = serial_run
    assert outcome.ran == [s.id for s in plan.scenarios]
    assert not outcome.failed
    table = pd.read_csv(out / "comparison.csv")
    assert table["scenario"].tolist() == [s.id for s in plan.scenarios]
    assert {"mode", "closures", "hubs", "share_10_min", "within_30_min"} <= set(table.columns)
    assert not any("second" in c or "time" in c for c in table.columns)  # no timings
    # the rainy season slows or cuts unpaved roads: fewer people within 20 min
    by_id = table.set_index("scenario")
    assert by_id.loc["rainy-existing", "share_20_min"] < by_id.loc["none-existing", "share_20_min"]
    # the new hub brings people nearer
    assert by_id.loc["none-north", "mean_minutes"] < by_id.loc["none-existing", "mean_minutes"]
    assert by_id.loc["none-north", "labs_used"] == by_id.loc["none-existing", "labs_used"] + 1
    for scenario in plan.scenarios:
        folder = out / "scenarios" / scenario.id
        assert (folder / DONE_MARKER).is_file()
        assert (folder / "summary.json").is_file()
        assert (folder / "access.gpkg").is_file()
        assert (folder / "run_log_access.json").read_text().count('"seconds"') == 1
    xlsx = pd.read_excel(out / "comparison.xlsx")
    assert xlsx["scenario"].tolist() == table["scenario"].tolist()
    page = (out / "comparison_map.html").read_text(encoding="utf-8")
    for scenario in plan.scenarios:
        assert f"{scenario.id}: " in page  # one layer per scenario
    assert "North hub" in page


def test_a_process_pool_gives_a_byte_identical_table(serial_run, tmp_path):
    plan, out, _outcome = serial_run
    outcome = run_batch(plan, tmp_path, executor="pool", workers=2, write=write_access)
    write_comparison(plan, outcome, tmp_path, map_html=False)
    assert sorted(outcome.ran) == sorted(s.id for s in plan.scenarios)
    assert (tmp_path / "comparison.csv").read_bytes() == (out / "comparison.csv").read_bytes()


def test_a_real_local_dask_cluster_gives_a_byte_identical_table(serial_run, tmp_path):
    distributed = pytest.importorskip("distributed", reason="the batch extra is not installed")
    plan, out, _outcome = serial_run
    with distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
    ) as cluster:
        assert len(cluster.workers) == 2
        outcome = run_batch(
            plan, tmp_path, executor="dask", scheduler=cluster.scheduler_address, write=write_access
        )
    write_comparison(plan, outcome, tmp_path, map_html=False)
    assert sorted(outcome.ran) == sorted(s.id for s in plan.scenarios)
    assert (tmp_path / "comparison.csv").read_bytes() == (out / "comparison.csv").read_bytes()


def test_a_rerun_skips_finished_scenarios(serial_run, tmp_path):
    plan, out, _outcome = serial_run
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    again = run_batch(plan, copy, executor="serial", write=write_access)
    assert again.ran == []
    assert again.skipped == [s.id for s in plan.scenarios]
    (copy / "scenarios" / "rainy-north" / DONE_MARKER).unlink()  # as if killed mid-way
    third = run_batch(plan, copy, executor="serial", write=write_access)
    assert third.ran == ["rainy-north"]
    assert len(third.skipped) == 3
    write_comparison(plan, third, copy, map_html=False)
    assert (copy / "comparison.csv").read_bytes() == (out / "comparison.csv").read_bytes()


def test_a_failing_scenario_is_reported_while_the_others_finish(tmp_path, demo_dir):
    axes = 'speeds = ["", "missing_speeds.toml"]\nhubs = ["existing", "north"]'
    path = _demo_toml(tmp_path, demo_dir, axes)
    plan = read_plan(path)
    outcome = run_batch(plan, tmp_path / "out", executor="serial", write=write_access)
    assert outcome.failed == ["missing_speeds.toml-existing", "missing_speeds.toml-north"]
    assert sorted(outcome.ran) == sorted(s.id for s in plan.scenarios)
    write_comparison(plan, outcome, tmp_path / "out", map_html=False)
    table = pd.read_csv(tmp_path / "out" / "comparison.csv", keep_default_na=False)
    failed = table[table["status"] == "failed"]
    assert len(failed) == 2
    assert (table["status"] == "ok").sum() == 2
    assert all("missing_speeds.toml" in e and "not found" in e for e in failed["error"])
    # a failed scenario has no completion marker: a rerun tries it again
    assert not (tmp_path / "out" / "scenarios" / failed["scenario"].iloc[0] / DONE_MARKER).exists()


def test_a_referral_axis_plans_the_couriers_of_each_hub_set(tmp_path, demo_dir):
    axes = 'hubs = ["existing", "north"]\nreferral = ["none", "two_couriers"]'
    extra = '[referral.two_couriers]\ncouriers_per_hub = 2\ncourier_mode = "motorbike"'
    plan = read_plan(_demo_toml(tmp_path, demo_dir, axes, extra))
    assert [s.id for s in plan.scenarios] == [
        "existing-none",
        "existing-two_couriers",
        "north-none",
        "north-two_couriers",
    ]
    assert plan.scenarios[1].referral.couriers_per_hub == 2
    assert plan.scenarios[1].referral.capability == "pcr"  # the scenario's test
    outcome = run_batch(plan, tmp_path / "out", executor="serial", write=write_access)
    assert not outcome.failed
    rows = {r["scenario"]: r for r in outcome.rows}
    assert "referral_n_hubs" not in rows["existing-none"]
    assert rows["existing-two_couriers"]["referral_n_spokes"] > 0
    # the new hub of the hub set is a hub of the referral plan too
    assert (
        rows["north-two_couriers"]["referral_n_hubs"]
        == rows["existing-two_couriers"]["referral_n_hubs"] + 1
    )
    summary = tmp_path / "out" / "scenarios" / "north-two_couriers" / "referral_summary.json"
    assert summary.is_file()
    assert "solve_seconds" not in summary.read_text()  # timings stay out of the results
    write_comparison(plan, outcome, tmp_path / "out", map_html=False)
    table = pd.read_csv(tmp_path / "out" / "comparison.csv")
    assert "referral" in table.columns
    assert "referral_share_meeting_target" in table.columns


def test_cancel_stops_within_a_second_and_keeps_finished_scenarios(serial_run, tmp_path):
    plan, _out, _outcome = serial_run
    cancel = threading.Event()
    stopped_at: list[float] = []

    def progress(_fraction: float, text: str) -> None:
        if "scenarios (" in text and not cancel.is_set():
            cancel.set()  # after the first scenario
            stopped_at.append(time.perf_counter())

    with pytest.raises(Cancelled):
        run_batch(
            plan,
            tmp_path,
            executor="pool",
            workers=2,
            write=write_access,
            progress=progress,
            cancel=cancel,
        )
    assert time.perf_counter() - stopped_at[0] < 1.5
    markers = list(tmp_path.glob(f"scenarios/*/{DONE_MARKER}"))
    assert 1 <= len(markers) < len(plan.scenarios)
    rerun = run_batch(plan, tmp_path, executor="serial", write=write_access)
    assert len(rerun.skipped) == len(markers)
    assert len(rerun.ran) == len(plan.scenarios) - len(markers)


def test_ccgeo_batch_end_to_end(tmp_path, demo_dir, capsys):
    axes = 'speeds = ["", "missing_speeds.toml"]\nhubs = ["existing", "north"]'
    path = _demo_toml(tmp_path, demo_dir, axes)
    out = tmp_path / "out"
    code = main(["batch", str(path), "--out", str(out), "--serial"])
    captured = capsys.readouterr()
    assert code == 1  # a scenario failed
    assert "scenario missing_speeds.toml-existing failed" in captured.err
    assert "4 of 4 scenarios" in captured.err  # progress on the terminal
    assert "scenario 1 of 4 (x-existing): " in captured.err  # and within a scenario
    assert re.search(r"^\[#*\.*\] \d+ % .* · \d+ s left$", captured.err, re.MULTILINE)
    assert "[" not in captured.out  # the bar goes to stderr only
    for name in ("comparison.csv", "comparison.xlsx", "comparison_map.html", "comparison.pdf"):
        assert (out / name).is_file()
    assert (out / "comparison.pdf").read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-layout", str(out / "comparison.pdf"), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert "Scenario comparison: Vila Demo" in text
        assert "missing_speeds.toml-north" in text
        assert "failed" in text
        assert "none" in text or "existing" in text
    (tmp_path / "missing_speeds.toml").write_text(
        '[slowcar]\ninherit = "car"\nmax_kmh = 20\n', encoding="utf-8"
    )
    code = main(["batch", str(path), "--out", str(out), "--serial", "-q"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "2 run, 2 already finished, 0 failed" in captured.out
    assert captured.err == ""  # --quiet: no bar


def test_ctrl_c_stops_ccgeo_batch_within_a_second_and_a_rerun_goes_on(tmp_path, demo_dir):
    """Ctrl+C on a terminal (SIGINT to the whole process group, the pool's workers too) once
    the first scenario is done: exit 130 within a second; a rerun skips the finished ones."""
    path = _demo_toml(tmp_path, demo_dir, SMALL_AXES)
    out = tmp_path / "out"
    script = "import sys; from ccgeo.cli import main; sys.exit(main(sys.argv[1:]))"
    command = [sys.executable, "-c", script, "batch", str(path), "--out", str(out)]
    with subprocess.Popen(
        [*command, "--workers", "2", "--lang", "en"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        bufsize=1,
        start_new_session=True,  # its own process group, as a terminal gives a command
    ) as proc:
        try:
            assert proc.stderr is not None
            line = ""
            while "1 of 4 scenarios" not in line:
                line = proc.stderr.readline()  # not a terminal: one line per stage
                assert line, "the batch ended before its first scenario finished"
            os.killpg(proc.pid, signal.SIGINT)
            sent = time.monotonic()
            _out, err = proc.communicate(timeout=20)
            seconds = time.monotonic() - sent
        finally:
            proc.kill()
    assert proc.returncode == 130, err
    assert seconds < 1.0
    assert "Traceback" not in err
    kept = len(list(out.glob(f"scenarios/*/{DONE_MARKER}")))
    assert 1 <= kept < 4
    assert f"ccgeo: {kept} finished scenario" in err
    assert "run the same command again to go on" in err
    assert err.strip().splitlines()[-1].startswith("ccgeo: cancelled by the user")
    again = subprocess.run(
        [*command, "--serial", "-q", "--lang", "en"], capture_output=True, text=True, check=True
    )
    assert f"{4 - kept} run, {kept} already finished, 0 failed" in again.stdout
    assert again.stderr == ""


@pytest.mark.shared_data
def test_the_oaxaca_example_runs_serially(shared_data, tmp_path):
    plan = read_plan(EXAMPLE)
    started = time.perf_counter()
    outcome = run_batch(plan, tmp_path, executor="serial", write=write_access)
    assert time.perf_counter() - started < 120
    assert len(outcome.ran) == 12
    assert not outcome.failed
    write_comparison(plan, outcome, tmp_path, project=outcome.project)
    table = pd.read_csv(tmp_path / "comparison.csv").set_index("scenario")
    # the rainy season takes people away from the labs; sited hubs bring them back
    for mode in ("car", "walk"):
        dry, rainy = table.loc[f"{mode}-none-existing"], table.loc[f"{mode}-rainy-existing"]
        assert rainy["share_15_min"] < dry["share_15_min"]
        assert rainy["unreachable"] > dry["unreachable"]
        sited = table.loc[f"{mode}-none-sited"]
        assert sited["mean_minutes"] < dry["mean_minutes"]
        assert len(str(sited["new_hubs"]).split()) == 2
        # the referral plan of each hub set: the two named hubs join the existing ones
        two_new = table.loc[f"{mode}-none-two_new"]
        assert two_new["referral_n_hubs"] == dry["referral_n_hubs"] + 2
    assert set(table["referral"]) == {"motorbike_courier"}
