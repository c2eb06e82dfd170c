"""The ``ccgeo`` command line: import-facilities, info, demo, help and error handling."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest

from ccgeo.cli import main
from ccgeo.demo import DEMO_FILES
from ccgeo.project import Project, save_project


def test_import_facilities_writes_layer_and_report(tmp_path, demo_dir, capsys):
    out = tmp_path / "out" / "labs.gpkg"
    report = tmp_path / "report.json"
    code = main(
        [
            "import-facilities",
            str(demo_dir / DEMO_FILES["facilities_messy"]),
            "--study-area",
            str(demo_dir / DEMO_FILES["districts"]),
            "-o",
            str(out),
            "--report",
            str(report),
        ]
    )
    printed = capsys.readouterr().out
    assert code == 0
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["n_rows"] == 61
    assert data["n_imported"] + data["n_rejected"] == 61
    gdf = gpd.read_file(out, layer="facilities")
    assert len(gdf) == data["n_imported"]
    assert gdf.crs.to_epsg() == 4326
    assert "[rejected] row" in printed
    assert f"wrote {len(gdf)} facilities" in printed


def test_import_facilities_csv_output_keeps_coordinates(tmp_path, demo_dir):
    out = tmp_path / "labs.csv"
    src = demo_dir / DEMO_FILES["facilities"]
    assert main(["import-facilities", str(src), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8").splitlines()
    assert text[0].split(",")[:4] == ["facility_id", "name", "lon", "lat"]
    assert len(text) == 61


def test_import_nothing_usable_exits_nonzero_with_one_line(tmp_path, capsys):
    src = tmp_path / "no_locations.csv"
    src.write_text("name,lat,lon\nA,,\nB,abc,\n", encoding="utf-8")
    code = main(["import-facilities", str(src), "-o", str(tmp_path / "x.gpkg")])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1
    assert len(err) == 1
    assert "no row could be imported" in err[0]
    assert str(src) in err[0]
    assert not (tmp_path / "x.gpkg").exists()


def test_unreadable_file_is_one_line_error(tmp_path, capsys):
    src = tmp_path / "broken.xlsx"
    src.write_bytes(b"this is not a workbook")
    code = main(["import-facilities", str(src), "-o", str(tmp_path / "x.gpkg")])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert len(err) == 1
    assert err[0].startswith("ccgeo: error: ")
    assert "broken.xlsx" in err[0]


def test_bad_study_area_bbox(tmp_path, demo_dir, capsys):
    code = main(
        [
            "import-facilities",
            str(demo_dir / DEMO_FILES["facilities"]),
            "--study-area",
            "10,10,5,5",
            "-o",
            str(tmp_path / "x.gpkg"),
        ]
    )
    assert code == 2
    assert "min < max" in capsys.readouterr().err


def test_info_roads(demo_dir, capsys):
    assert main(["info", str(demo_dir / DEMO_FILES["roads"]), "--json"]) == 0
    desc = json.loads(capsys.readouterr().out)
    assert desc["kind"] == "roads"
    assert desc["edges"] > 20_000
    assert {"primary", "residential", "track"} <= set(desc["roads_per_class"])
    assert desc["one_way_edges"] > 0


def test_info_raster_vector_table(demo_dir, capsys):
    assert main(["info", str(demo_dir / DEMO_FILES["population"]), "--json"]) == 0
    raster = json.loads(capsys.readouterr().out)
    assert raster["kind"] == "raster"
    assert 1e6 <= raster["sum_of_positive_cells"] <= 3e6
    assert main(["info", str(demo_dir / DEMO_FILES["districts"]), "--json"]) == 0
    vector = json.loads(capsys.readouterr().out)
    assert vector["layers"][0]["rows"] == 12
    assert main(["info", str(demo_dir / DEMO_FILES["facilities"])]) == 0
    text = capsys.readouterr().out
    assert "kind: table" in text
    assert "sheets: facilities" in text
    assert "guessed_facility_columns:" in text


def test_info_project(tmp_path, capsys):
    path = save_project(Project(name="Empty"), tmp_path / "p.ccgeo")
    assert main(["info", str(path), "--json"]) == 0
    desc = json.loads(capsys.readouterr().out)
    assert desc == {
        "path": str(path),
        "kind": "project",
        "name": "Empty",
        "layers": {},
        "population": None,
        "scenarios": [],
        "synthetic": False,
    }


def test_info_unknown_type(tmp_path, capsys):
    path = tmp_path / "notes.docx"
    path.write_bytes(b"x")
    assert main(["info", str(path)]) == 2
    assert "unknown file type '.docx'" in capsys.readouterr().err


def test_demo_command_writes_the_bundled_files(tmp_path, demo_dir, capsys):
    assert main(["demo", str(tmp_path / "city")]) == 0
    for name in DEMO_FILES.values():
        assert (tmp_path / "city" / name).read_bytes() == (demo_dir / name).read_bytes()
    assert "synthetic demo city" in capsys.readouterr().out


@pytest.mark.parametrize("command", [[], ["import-facilities"], ["info"], ["demo"]])
def test_help_on_every_command(command):
    proc = subprocess.run(
        [sys.executable, "-m", "ccgeo", *command, "--help"],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert proc.returncode == 0
    assert "usage: ccgeo" in proc.stdout


def test_access_on_the_demo_city(tmp_path, demo_dir, capsys):
    out = tmp_path / "access"
    code = main(
        [
            "access",
            "--roads", str(demo_dir / DEMO_FILES["roads"]),
            "--facilities", str(demo_dir / DEMO_FILES["facilities"]),
            "--sheet", "facilities",
            "--population", str(demo_dir / DEMO_FILES["population"]),
            "--districts", str(demo_dir / DEMO_FILES["districts"]),
            "--capability", "pcr",
            "--quality", "eqa",
            "--thresholds", "15,30",
            "--out", str(out),
        ]
    )  # fmt: skip
    printed = capsys.readouterr().out
    assert code == 0
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["mode"] == "car"
    assert summary["capability"] == "pcr"
    assert [r["threshold_min"] for r in summary["coverage"]] == [15.0, 30.0]
    total = summary["population_total"]
    for row in summary["coverage"]:
        assert row["covered"] + row["beyond"] + summary["unreachable"] + summary[
            "off_network"
        ] == pytest.approx(total)
    table = pd.read_csv(out / "coverage_by_district.csv", dtype={"district_id": str})
    assert set(table["threshold_min"]) == {15.0, 30.0}
    assert len(table) == 2 * (1 + 12)
    city = table[table["district_id"] == "ALL"].set_index("threshold_min")
    assert city.loc[30.0, "covered"] == pytest.approx(summary["coverage"][1]["covered"])
    times = pd.read_csv(out / "demand_times.csv")
    assert times["population"].sum() == pytest.approx(total)
    assert {"demand_id", "population", "seconds", "lab_id", "status"} <= set(times.columns)
    layers = set(gpd.list_layers(out / "access.gpkg")["name"])
    assert {"labs", "isochrones", "demand"} <= layers
    assert "within 30 min" in printed


def test_access_on_porto_alegre(tmp_path, shared_data):
    poa = shared_data / "porto_alegre"
    out = tmp_path / "poa"
    code = main(
        [
            "access",
            "--roads", str(poa / "poa_osm.pbf"),
            "--facilities", str(poa / "porto_alegre_ubs_derived.csv"),
            "--population", str(poa / "poa_hexgrid.csv"),
            "--districts", str(poa / "porto_alegre_boundary_derived.geojson"),
            "--capability", "any",
            "--out", str(out),
        ]
    )  # fmt: skip
    assert code == 0
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["labs_used"] > 50
    assert summary["coverage"][0]["share"] > 0.95
    # facilities beyond the clipped road extract are listed as not used, not dropped
    labs = gpd.read_file(out / "access.gpkg", layer="labs")
    assert len(labs) == summary["labs_given"]
    assert (~labs["usable"].astype(bool)).sum() == summary["labs_given"] - summary["labs_used"]


def test_access_needs_its_inputs(tmp_path, demo_dir, capsys):
    code = main(["access", "--roads", str(demo_dir / DEMO_FILES["roads"]), "--out", str(tmp_path)])
    assert code == 2
    assert "give --facilities and --population" in capsys.readouterr().err


def test_access_on_a_saved_project(tmp_path, capsys, fresh_demo):
    path = save_project(fresh_demo, tmp_path / "demo.ccgeo")
    out = tmp_path / "from_project"
    assert main(["access", str(path), "--capability", "ngs", "--out", str(out)]) == 0
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["labs_used"] == 2


def test_referral_on_the_demo_city(tmp_path, demo_dir, capsys):
    out = tmp_path / "referral"
    code = main(
        [
            "referral",
            "--roads", str(demo_dir / DEMO_FILES["roads"]),
            "--facilities", str(demo_dir / DEMO_FILES["facilities"]),
            "--sheet", "facilities",
            "--population", str(demo_dir / DEMO_FILES["population"]),
            "--districts", str(demo_dir / DEMO_FILES["districts"]),
            "--capability", "ihc",
            "--out", str(out),
        ]
    )  # fmt: skip
    assert code == 0
    data = json.loads((out / "referral.json").read_text(encoding="utf-8"))
    summary = data["summary"]
    assert summary["n_spokes"] == summary["n_servable"] + summary["n_not_servable"]
    table = pd.read_csv(out / "referral.csv")
    assert len(table) == summary["n_spokes"]
    assert {"routes", "loops"} <= set(gpd.list_layers(out / "routes.gpkg")["name"])
    assert "spokes send ihc specimens" in capsys.readouterr().out


@pytest.fixture(scope="module")
def saved_demo(tmp_path_factory, copy_demo):
    """The demo city saved as a project with walking settings and one scenario."""
    from ccgeo.model.settings import AccessSettings, Travel
    from ccgeo.tasks.settings import store_settings
    from ccgeo.tasks.whatif import Workspace

    project = copy_demo()
    settings = AccessSettings(travel=Travel(mode="walk"), capability="pcr")
    store_settings(project, settings)
    ws = Workspace(project, settings)
    ws.run()
    people = project.demand.gdf
    far = people.loc[people["population"].idxmax()].geometry
    ws.add_hub(far.x, far.y, name="Dense-area hub")
    project.scenarios.append(ws.to_scenario("One new hub"))
    return save_project(project, tmp_path_factory.mktemp("p") / "demo.ccgeo")


def test_map_command_writes_offline_html(tmp_path, saved_demo, capsys):
    out = tmp_path / "map.html"
    assert main(["map", str(saved_demo), "-o", str(out), "--scenario", "One new hub"]) == 0
    html = out.read_text(encoding="utf-8")
    assert "One new hub" in html
    assert '<script src="http' not in html
    assert "opens offline" in capsys.readouterr().out


def test_map_and_report_into_a_folder_write_inside_it_with_their_run_logs(
    tmp_path, saved_demo, capsys
):
    """``-o FOLDER`` writes ccgeo_map.html / ccgeo_report.pdf in the folder (not FOLDER.html
    beside it), and each output has its run log: the command as typed, inputs and settings."""
    folder = tmp_path / "outputs"
    folder.mkdir()
    assert main(["map", str(saved_demo), "-o", str(folder)]) == 0
    assert main(["report", str(saved_demo), "-o", str(folder)]) == 0
    assert sorted(p.name for p in folder.iterdir()) == [
        "ccgeo_map.html",
        "ccgeo_report.pdf",
        "run_log_ccgeo_map.json",
        "run_log_ccgeo_report.json",
    ]
    assert not (tmp_path / "outputs.html").exists()
    for name, command in (("ccgeo_map", "map"), ("ccgeo_report", "report")):
        log = json.loads((folder / f"run_log_{name}.json").read_text(encoding="utf-8"))
        assert log["command"].startswith(f"ccgeo {command} ")
        assert log["analysis"] == "access"
        assert log["settings"]["mode"] == "walk"  # the project's settings
        assert log["sources"]["mode"] == "project"
        assert log["project"] == str(saved_demo)
    # a file name given keeps its name, with the log named after it
    assert main(["map", str(saved_demo), "-o", str(tmp_path / "city.html")]) == 0
    assert (tmp_path / "run_log_city.json").is_file()
    capsys.readouterr()


def test_report_command_uses_the_project_settings(tmp_path, saved_demo, capsys):
    import shutil

    out = tmp_path / "report.pdf"
    assert main(["report", str(saved_demo), "-o", str(out), "--paper", "letter"]) == 0
    assert out.read_bytes()[:5] == b"%PDF-"
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "walk" in text.lower()
    assert "letter portrait" in capsys.readouterr().out


def test_unknown_scenario_names_the_ones_there_are(tmp_path, saved_demo, capsys):
    code = main(["map", str(saved_demo), "-o", str(tmp_path / "m.html"), "--scenario", "Nope"])
    assert code == 2
    assert "no scenario named 'Nope'" in capsys.readouterr().err


def test_bad_thresholds_are_refused_with_the_reason(tmp_path, saved_demo, capsys):
    code = main(["access", str(saved_demo), "--thresholds", "30,abc", "--out", str(tmp_path)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert len(err) == 1
    assert "`thresholds_minutes`" in err[0]
    assert "positive minutes" in err[0]
    assert "abc" in err[0]


def _demo_inputs(demo_dir):
    return [
        "--roads", str(demo_dir / DEMO_FILES["roads"]),
        "--facilities", str(demo_dir / DEMO_FILES["facilities"]),
        "--sheet", "facilities",
        "--population", str(demo_dir / DEMO_FILES["population"]),
        "--districts", str(demo_dir / DEMO_FILES["districts"]),
    ]  # fmt: skip


def test_site_command_on_the_demo_city(tmp_path, demo_dir, capsys):
    out = tmp_path / "site"
    args = ["site", *_demo_inputs(demo_dir), "--mode", "walk", "--hubs", "2", "--out", str(out)]
    assert main(args) == 0
    data = json.loads((out / "siting.json").read_text(encoding="utf-8"))
    assert data["model"] == "mclp"
    assert len(data["hubs"]) == 2
    gains = [h["gain"] for h in data["hubs"]]
    assert gains == sorted(gains, reverse=True)
    assert sum(gains) == pytest.approx(data["objective"], rel=1e-6)
    assert {"hubs", "districts"} <= set(gpd.list_layers(out / "siting.gpkg")["name"])
    assert "hub 1 (" in capsys.readouterr().out


def test_site_errors_are_one_line(tmp_path, demo_dir, capsys):
    # --quiet: without it, stderr that is no terminal also logs the stages run before the error
    base = ["site", *_demo_inputs(demo_dir), "--out", str(tmp_path), "--quiet"]
    assert main([*base, "--model", "lscp", "--target", "1.5"]) == 2
    assert "`target_share` should be a share above 0 and at most 1" in capsys.readouterr().err
    assert main([*base, "--hubs", "500"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "500" in err[0]


def test_user_speeds_change_the_times(tmp_path, demo_dir):
    slow = tmp_path / "speeds.toml"
    slow.write_text(
        "[walk]\ndefault_kmh = 2.5\n[walk.speeds_kmh]\n"
        + "\n".join(
            f"{c} = 2.5"
            for c in (
                "residential",
                "footway",
                "path",
                "track",
                "unclassified",
                "tertiary",
                "secondary",
                "primary",
                "trunk",
                "living_street",
                "service",
                "pedestrian",
                "steps",
            )
        ),
        encoding="utf-8",
    )
    common = ["access", *_demo_inputs(demo_dir), "--mode", "walk", "--no-isochrones"]
    assert main([*common, "--out", str(tmp_path / "base")]) == 0
    assert main([*common, "--speeds", str(slow), "--out", str(tmp_path / "slow")]) == 0
    base = pd.read_csv(tmp_path / "base" / "demand_times.csv")
    half = pd.read_csv(tmp_path / "slow" / "demand_times.csv")
    assert half["seconds"].median() > 1.5 * base["seconds"].median()
    log = json.loads((tmp_path / "slow" / "run_log_access.json").read_text(encoding="utf-8"))
    assert log["settings"]["speeds"] == str(slow.resolve())
    assert log["sources"]["speeds"] == "command line"


def test_bad_speed_file_is_one_line(tmp_path, demo_dir, capsys):
    bad = tmp_path / "speeds.toml"
    bad.write_text("[walk.speeds_kmh]\nresidential = -3\n", encoding="utf-8")
    code = main(["access", *_demo_inputs(demo_dir), "--speeds", str(bad), "--out", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2
    assert "residential" in err
    assert "speeds.toml" in err


def test_site_with_capacity_counts_tests_per_year(tmp_path, demo_dir):
    out = tmp_path / "cap"
    args = ["site", *_demo_inputs(demo_dir), "--mode", "walk", "--hubs", "2",
            "--capacity", "--hub-capacity", "100", "--out", str(out)]  # fmt: skip
    assert main(args) == 0
    data = json.loads((out / "siting.json").read_text(encoding="utf-8"))
    assert data["settings"]["weight_unit"] != "people"
    uncapped = tmp_path / "uncapped"
    assert main([*args[: args.index("--capacity")], "--out", str(uncapped)]) == 0
    people = json.loads((uncapped / "siting.json").read_text(encoding="utf-8"))
    assert data["objective"] < people["objective"]


@pytest.mark.parametrize("method", ["2sfca", "e2sfca", "coverage"])
def test_capacity_command(tmp_path, demo_dir, method):
    out = tmp_path / method
    args = ["capacity", *_demo_inputs(demo_dir), "--method", method, "--capability", "ihc",
            "--mode", "walk", "--out", str(out)]  # fmt: skip
    assert main(args) == 0
    summary = json.loads((out / "capacity.json").read_text(encoding="utf-8"))
    assert summary["method"] == method
    demand = pd.read_csv(out / "demand.csv")
    labs = gpd.read_file(out / "capacity.gpkg", layer="labs")
    assert len(labs) == summary["labs"] == 5
    assert {"facility_id", "name", "capacity_tests_per_year"} <= set(labs.columns)
    if method == "coverage":
        # nothing is covered twice, and no lab covers more than its capacity
        assert demand["covered_tests"].le(demand["tests_per_year"] + 1e-9).all()
        assert (labs["covered"] <= labs["capacity_tests_per_year"] + 1e-9).all()
        assert summary["covered"] == pytest.approx(demand["covered_tests"].sum())
    else:
        # the 2SFCA identity: demand-weighted accessibility sums to the supply in reach
        reached = labs["status"] == "ok"
        total = (demand["tests_per_year"] * demand["accessibility"]).sum()
        assert total == pytest.approx(labs.loc[reached, "capacity_tests_per_year"].sum(), rel=1e-6)


def test_an_analysis_on_a_project_uses_its_saved_settings_and_says_so(tmp_path, capsys, fresh_demo):
    from ccgeo.model.settings import SitingSettings, Travel
    from ccgeo.tasks.settings import store_settings

    project = fresh_demo
    store_settings(project, SitingSettings(travel=Travel(mode="walk"), hubs=2, minutes=30))
    path = save_project(project, tmp_path / "demo.ccgeo")
    out = tmp_path / "site"
    assert main(["site", str(path), "--hubs", "1", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "hubs = 1 (command line)" in printed
    assert "minutes = 30 (project)" in printed
    assert "mode = walk (project)" in printed
    assert "solver = auto (project)" in printed  # a saved run keeps every value
    data = json.loads((out / "siting.json").read_text(encoding="utf-8"))
    assert len(data["hubs"]) == 1
    log = json.loads((out / "run_log_siting.json").read_text(encoding="utf-8"))
    assert log["sources"]["minutes"] == "project"
    assert log["settings"]["minutes"] == 30


def test_a_settings_file_stands_between_the_project_and_the_options(tmp_path, capsys, fresh_demo):
    path = save_project(fresh_demo, tmp_path / "demo.ccgeo")
    template = tmp_path / "settings.toml"
    assert main(["settings", str(path), "--write", str(template)]) == 0
    printed = capsys.readouterr().out
    assert "mode = walk (project (access))" in printed  # the demo suggests walking access
    text = template.read_text(encoding="utf-8")
    assert "format_version = 1" in text
    template.write_text(
        text.replace("thresholds_minutes = [30.0, 60.0, 120.0]", "thresholds_minutes = [20.0]")
    )
    out = tmp_path / "access"
    code = main(
        ["access", str(path), "--settings", str(template), "--capability", "ihc",
         "--no-isochrones", "--out", str(out)]
    )  # fmt: skip
    assert code == 0
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert [row["threshold_min"] for row in summary["coverage"]] == [20.0]
    assert summary["capability"] == "ihc"
    sources = json.loads((out / "run_log_access.json").read_text(encoding="utf-8"))["sources"]
    assert sources["thresholds_minutes"] == "settings file settings.toml"
    assert sources["capability"] == "command line"


def test_a_bad_settings_file_is_one_line(tmp_path, demo_dir, capsys):
    bad = tmp_path / "s.toml"
    bad.write_text("format_version = 1\n[access]\nmode = 'car'\ncongestion = 0.2\n")
    code = main(["access", *_demo_inputs(demo_dir), "--settings", str(bad), "--out", str(tmp_path)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert len(err) == 1
    assert "s.toml" in err[0]
    assert "`congestion`" in err[0]


def test_report_command_prints_the_extent_asked(tmp_path, saved_demo, capsys):
    import re
    import shutil

    out = tmp_path / "city.pdf"
    asked = "34.45,-8.55,34.55,-8.47"
    assert main(["report", str(saved_demo), "-o", str(out), "--extent", asked]) == 0
    assert out.read_bytes()[:5] == b"%PDF-"
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
        ).stdout
        found = re.search(r"Map area: ([\d.]+)°E – ([\d.]+)°E, ([\d.]+)°S – ([\d.]+)°S", text)
        assert found, "the map does not say which area it shows"
        west, east, south, north = (float(v) for v in found.groups())
        assert west == pytest.approx(34.45, abs=5e-4)
        assert east == pytest.approx(34.55, abs=5e-4)
        assert south >= 8.55 - 5e-4  # degrees south: the asked box is inside the one shown
        assert north <= 8.47 + 5e-4


def test_report_extent_must_be_four_numbers_of_the_study_area(tmp_path, saved_demo, capsys):
    out = tmp_path / "r.pdf"
    with pytest.raises(SystemExit) as stopped:
        main(["report", str(saved_demo), "-o", str(out), "--extent", "34.45,-8.55,34.55"])
    assert stopped.value.code == 2
    assert "should be four numbers MINLON,MINLAT,MAXLON,MAXLAT" in capsys.readouterr().err
    swapped = "-8.55,34.45,-8.47,34.55"
    assert main(["report", str(saved_demo), "-o", str(out), f"--extent={swapped}"]) == 2
    assert "misses the study area" in capsys.readouterr().err
    assert not out.exists()
