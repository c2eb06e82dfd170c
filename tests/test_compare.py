"""``ccgeo compare`` and `compare_projects`: several cities' readiness evidence from one engine,
written as tables, a run log and a DHIS2 import, on tiny synthetic projects."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from roadkit import LAT0, LON0, make_roads
from shapely.geometry import box

from ccgeo.analysis.readiness import access_runs, city_indicators
from ccgeo.analysis.readiness.evidence import TIDY_COLUMNS
from ccgeo.cli import main
from ccgeo.errors import Cancelled, InputError
from ccgeo.model.demand import Demand
from ccgeo.model.facilities import Facilities
from ccgeo.project import Project, open_project, save_project
from ccgeo.report.dhis2 import dhis2_export, load_dhis2_mapping
from ccgeo.tasks.compare import city_names, compare_projects

TESTS = ["ihc", "pcr"]
# Six nodes on a line: 0..4 ten minutes apart by car (residential streets, 25 km/h), node 5
# 150 minutes beyond node 4. A lab doing IHC and PCR at node 0 (in EQA, ample capacity), a
# biopsy spoke at node 2; people at nodes 1 (100, district A), 3 (200, A) and 5 (300, B), at
# 10, 30 and 190 minutes from the lab.
MINUTES_M = 25_000.0 / 60.0
EDGE_MINUTES = [10.0, 10.0, 10.0, 10.0, 150.0]
LONLAT = np.array(
    [(LON0 + 0.004 * t, LAT0) for t in np.concatenate([[0.0], np.cumsum(EDGE_MINUTES)])]
)
LAB = {"ihc": True, "pcr": True, "eqa": "international", "capacity_tests_per_year": 1e6}


def _project(name: str) -> Project:
    edges = [(i, i + 1) for i in range(len(EDGE_MINUTES))]
    roads = make_roads(LONLAT, edges, length_m=[m * MINUTES_M for m in EDGE_MINUTES])
    facilities = Facilities.from_records(
        [
            {"facility_id": "L1", "lon": LONLAT[0, 0], "lat": LAT0} | LAB,
            {"facility_id": "S1", "lon": LONLAT[2, 0], "lat": LAT0, "biopsy": True},
        ]
    )
    nodes = [1, 3, 5]
    demand = Demand(
        gpd.GeoDataFrame(
            {"demand_id": ["p1", "p3", "p5"], "population": [100.0, 200.0, 300.0]}
            | {"district_id": ["A", "A", "B"]},
            geometry=gpd.points_from_xy(LONLAT[nodes, 0], LONLAT[nodes, 1]),
            crs="EPSG:4326",
        )
    )
    districts = gpd.GeoDataFrame(
        {"district_id": ["A", "B"], "name": ["District A", "District B"]},
        geometry=[
            box(LONLAT[0, 0] - 0.01, LAT0 - 0.01, LONLAT[4, 0] + 0.01, LAT0 + 0.01),
            box(LONLAT[5, 0] - 0.01, LAT0 - 0.01, LONLAT[5, 0] + 0.01, LAT0 + 0.01),
        ],
        crs="EPSG:4326",
    )
    return Project(
        name=name, roads=roads, facilities=facilities, demand=demand, districts=districts
    )


@pytest.fixture(scope="module")
def projects(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("cities")
    return [
        save_project(_project("North"), folder / "north.ccgeo"),
        save_project(_project("South"), folder / "south.ccgeo"),
    ]


@pytest.fixture(scope="module")
def cli_out(projects: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("compare")
    code = main(["compare", *map(str, projects), "--out", str(out), "--tests", "ihc,pcr", "-q"])
    assert code == 0
    return out


def test_the_cli_writes_the_tidy_table_with_the_columns_of_the_issue(cli_out: Path) -> None:
    for name in ("indicators.csv", "indicators.xlsx", "districts.csv", "curves.csv"):
        assert (cli_out / name).is_file(), name
    table = pd.read_csv(cli_out / "indicators.csv", keep_default_na=False)
    assert tuple(table.columns) == TIDY_COLUMNS
    assert list(table["city"].drop_duplicates()) == ["North", "South"]
    assert set(table["test"]) >= set(TESTS)
    sheet = pd.read_excel(cli_out / "indicators.xlsx", sheet_name="indicators")
    assert tuple(sheet.columns) == TIDY_COLUMNS
    assert len(sheet) == len(table)


def test_the_table_is_city_indicators_of_the_same_project(cli_out, projects) -> None:
    """One engine: the CLI's values are those of `city_indicators` on the project."""
    table = pd.read_csv(cli_out / "indicators.csv", keep_default_na=False)
    project = open_project(projects[0])
    own = city_indicators(project, runs=access_runs(project, tests=TESTS))
    keys = ["test", "quality", "indicator"]
    north = table[table["city"] == "North"].copy()
    north["quality"] = north["quality"].astype(str)
    both = north.merge(own, on=keys, suffixes=("_cli", "_own"), validate="one_to_one")
    assert len(both) == len(own)
    np.testing.assert_allclose(
        pd.to_numeric(both["value_cli"], errors="coerce"), both["value_own"], equal_nan=True
    )
    # people at 10, 30 and 190 minutes from the lab: 300 of 600 within 30 and 120 minutes
    for indicator in ("coverage_30min", "coverage_120min"):
        row = both[(both["indicator"] == indicator) & (both["test"] == "pcr")]
        assert float(row["value_own"].iat[0]) == pytest.approx(100 * 300 / 600)


def test_the_api_and_the_cli_agree(cli_out, projects) -> None:
    comparison = compare_projects(projects, tests=TESTS, actions=False)
    table = pd.read_csv(cli_out / "indicators.csv", keep_default_na=False)
    api = comparison.indicators
    assert len(api) == len(table)
    np.testing.assert_allclose(
        pd.to_numeric(table["value"], errors="coerce"), api["value"], equal_nan=True
    )
    assert list(table["indicator"]) == list(api["indicator"])


def test_the_run_log_names_every_city_its_file_and_version(cli_out, projects) -> None:
    log = json.loads((cli_out / "run_log.json").read_text(encoding="utf-8"))
    assert log["scale"]["draft"] is True
    cities = log["cities"]
    assert [c["city"] for c in cities] == ["North", "South"]
    assert [c["project"] for c in cities] == [str(p) for p in projects]
    assert all(c["ccgeo"] and c["command"].startswith("ccgeo compare") for c in cities)
    assert cities[0]["tests"] == TESTS


def test_curves_meet_the_coverage_indicators(cli_out) -> None:
    curves = pd.read_csv(cli_out / "curves.csv")
    table = pd.read_csv(cli_out / "indicators.csv", keep_default_na=False)
    for minutes in (30, 60, 120):
        point = curves[
            (curves["city"] == "South")
            & (curves["test"] == "ihc")
            & (curves["quality"] == "any")
            & (curves["minutes"] == minutes)
        ]
        value = table[
            (table["city"] == "South")
            & (table["test"] == "ihc")
            & (table["quality"] == "any")
            & (table["indicator"] == f"coverage_{minutes}min")
        ]
        assert float(point["share"].iat[0]) == pytest.approx(float(value["value"].iat[0]))


def test_actions_site_hubs_for_the_lowest_access_or_equity_domain() -> None:
    comparison = compare_projects([_project("East")], tests=["pcr"], qualities=("any",))
    card = comparison.cities[0].scorecard
    # district B (300 people, 190 minutes away) is the worst-served fifth: equity at level 1
    assert card.lowest == ("equity",)
    log = comparison.cities[0].run_log["actions"]
    assert [entry["domain"] for entry in log] == ["equity"]
    assert log[0]["siting"]["settings"]["hubs"] == 2
    assert log[0]["siting"]["settings"]["minutes"] == 60.0
    (action,) = card.actions
    assert action.suggestion.before == 0.0
    assert action.suggestion.after == 100.0  # a hub near node 5 brings B within 60 minutes
    assert "PCR hubs at" in action.sentence
    assert action.level_before == 1
    assert action.level_after == 5


def test_same_names_get_the_file_label() -> None:
    assert city_names(["Oaxaca", "Oaxaca", "Lima"], ["base", "hubs", "x"]) == [
        "Oaxaca (base)",
        "Oaxaca (hubs)",
        "Lima",
    ]
    assert city_names(["A", "A"], ["x", "x"]) == ["A (x)", "A (x) 2"]


def test_cancel_stops_the_comparison(projects) -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        compare_projects(projects, tests=TESTS, cancel=cancel)


def test_progress_goes_through_every_city(projects) -> None:
    seen: list[tuple[float, str]] = []
    compare_projects(
        projects, tests=["pcr"], actions=False, progress=lambda f, t: seen.append((f, t))
    )
    texts = " ".join(t for _f, t in seen)
    assert "North" in texts
    assert "South" in texts
    fractions = [f for f, _t in seen]
    assert fractions == sorted(fractions)
    assert fractions[-1] == 1.0


def test_a_batch_folder_gives_one_city_per_scenario_project(tmp_path, projects) -> None:
    for scenario, project in zip(("base", "hubs"), projects, strict=True):
        folder = tmp_path / "scenarios" / scenario
        folder.mkdir(parents=True)
        (folder / "scenario_done.json").write_text("{}", encoding="utf-8")
        save_project(open_project(project), folder / "city.ccgeo")
    comparison = compare_projects([tmp_path], tests=["pcr"], actions=False)
    assert [c.city for c in comparison.cities] == ["North", "South"]
    assert comparison.cities[0].source == tmp_path / "scenarios" / "base" / "city.ccgeo"


def test_a_scenario_folder_without_project_is_named(tmp_path) -> None:
    (tmp_path / "scenarios" / "car-rainy").mkdir(parents=True)
    with pytest.raises(InputError, match=r"car-rainy: holds no project \(.ccgeo file\)"):
        compare_projects([tmp_path])


def test_bad_sources_are_named(tmp_path) -> None:
    text = tmp_path / "notes.ccgeo"
    text.write_text("not a project", encoding="utf-8")
    with pytest.raises(InputError, match=r"missing\.ccgeo: no such file"):
        compare_projects([tmp_path / "missing.ccgeo"])
    with pytest.raises(InputError, match=r"notes\.ccgeo"):
        compare_projects([text])


def test_the_cli_says_what_is_wrong_with_a_bad_source(tmp_path, capsys) -> None:
    code = main(["compare", str(tmp_path / "nowhere.ccgeo"), "--out", str(tmp_path / "o"), "-q"])
    assert code == 2
    assert "nowhere.ccgeo: no such file or folder" in capsys.readouterr().err


# -- DHIS2 -----------------------------------------------------------------------------------------

MAPPING = """
format_version = 1
[org_units]
North = "ImspTQPwCqd"

[[data_elements]]
indicator = "coverage_60min"
test = "pcr"
quality = "any"
data_element = "fbfJHSPpUQD"
category_option_combo = "pq2XI5kz2BY"

[[data_elements]]
indicator = "coverage_30min"
data_element = "TODOcov30mi"
"""


def test_dhis2_values_have_the_data_value_set_form(cli_out, tmp_path) -> None:
    mapping_file = tmp_path / "mapping.toml"
    mapping_file.write_text(MAPPING, encoding="utf-8")
    comparison = compare_projects(
        [_project("North"), _project("South")], tests=["pcr"], actions=False
    )
    export = dhis2_export(comparison, load_dhis2_mapping(mapping_file), period="2026")
    values = export.payload["dataValues"]
    assert list(export.payload) == ["dataValues"]
    assert len(values) == 1  # North, PCR, any quality: the one mapped row
    value = values[0]
    assert value["dataElement"] == "fbfJHSPpUQD"
    assert value["categoryOptionCombo"] == "pq2XI5kz2BY"
    assert value["orgUnit"] == "ImspTQPwCqd"
    assert value["period"] == "2026"
    table = comparison.indicators
    expected = table[
        (table["city"] == "North")
        & (table["test"] == "pcr")
        & (table["quality"] == "any")
        & (table["indicator"] == "coverage_60min")
    ]["value"].iat[0]
    assert float(value["value"]) == pytest.approx(expected, abs=1e-4)
    assert "run_log.json" in value["comment"]
    assert "North" in value["comment"]
    # every other row is listed with its reason
    unmapped = export.unmapped
    assert len(unmapped) == len(table) - 1
    reasons = " ".join(unmapped["reason"])
    assert "no org unit for the city 'South'" in reasons
    assert "'TODOcov30mi' is a placeholder" in reasons
    assert "no data element for this indicator" in reasons


def test_the_cli_writes_the_dhis2_file_and_the_unmapped_list(projects, tmp_path, capsys):
    mapping_file = tmp_path / "mapping.toml"
    mapping_file.write_text(MAPPING, encoding="utf-8")
    out = tmp_path / "out"
    args = ["compare", *map(str, projects), "--out", str(out), "--tests", "pcr", "-q"]
    code = main([*args, "--no-actions", "--dhis2-mapping", str(mapping_file), "--period", "2025"])
    assert code == 0
    payload = json.loads((out / "dhis2_datavalues.json").read_text(encoding="utf-8"))
    assert [v["period"] for v in payload["dataValues"]] == ["2025"]
    assert (out / "dhis2_unmapped.csv").is_file()
    assert "dhis2_unmapped.csv says why" in capsys.readouterr().err


def test_the_template_mapping_reads_and_maps_nothing_until_filled() -> None:
    mapping = load_dhis2_mapping()
    assert mapping.elements
    assert not mapping.org_units
    assert all(rule.data_element.startswith("TODO") for rule in mapping.elements)


def test_a_bad_mapping_file_is_named_with_every_problem(tmp_path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[data_elements]]\nindicator = "coverage_60min"\ncolour = "red"\n', "utf-8")
    with pytest.raises(InputError, match=r"bad.toml.*unknown keys colour.*data_element is missing"):
        load_dhis2_mapping(bad)
