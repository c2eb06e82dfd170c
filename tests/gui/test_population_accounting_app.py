"""The app counts every person of the population file, as the command line and the API do
(tests/test_population_accounting.py): Porto Alegre's grid with people planted outside its
roads' extent and a row without coordinates, run with the Analysis panel's Run button."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from helpers import TIMEOUT_MS, choose, click, open_window, show_dock, type_into

from ccgeo.project import project_from_files
from ccgeo.report.export import write_access

#: People planted outside Porto Alegre's roads (lon, lat, people), and a row with no longitude.
OUTSIDE = ((-51.40, -30.05, 1000.0), (-51.45, -30.20, 250.0), (-51.00, -29.90, 7.0))
NOT_LOCATED = 40.0


def test_the_app_counts_every_person_of_porto_alegre(qtbot, shared_data, tmp_path):
    shared = shared_data / "porto_alegre"
    grid = pd.read_csv(shared / "poa_hexgrid.csv", dtype=str)
    extra = [
        {"id": f"outside-{i}", "lon": str(lon), "lat": str(lat), "population": str(people)}
        for i, (lon, lat, people) in enumerate(OUTSIDE)
    ]
    extra.append({"id": "nowhere", "lon": "", "lat": "-30.0", "population": str(NOT_LOCATED)})
    population = tmp_path / "poa_hexgrid_wider.csv"
    pd.concat([grid, pd.DataFrame(extra)], ignore_index=True).to_csv(population, index=False)
    project = project_from_files(
        roads=shared / "poa_osm.pbf",
        facilities=shared / "poa_workshop_labs_synthetic.csv",
        population=population,
    )
    window = open_window(qtbot, project)
    panel = show_dock(qtbot, window, "analysis")
    choose(qtbot, panel.capability, "pcr")
    choose(qtbot, panel.mode, "car")
    type_into(qtbot, panel.thresholds, "30, 60")
    with qtbot.waitSignal(window.analysis.runFinished, timeout=TIMEOUT_MS) as run:
        click(qtbot, panel.run_button)
    write_access(run.args[0].result, tmp_path / "app")
    summary = json.loads((tmp_path / "app" / "summary.json").read_text(encoding="utf-8"))

    outside = sum(p for *_, p in OUTSIDE)
    total = 812_935.0 + outside + NOT_LOCATED
    assert summary["population_total"] == pytest.approx(total)
    assert (summary["outside_roads"], summary["not_located"]) == (outside, NOT_LOCATED)
    assert summary["population_report"]["people_in_file"] == pytest.approx(total)
    for row in summary["coverage"]:
        parts = row["covered"] + row["beyond"] + summary["unreachable"] + summary["off_network"]
        parts += summary["outside_roads"] + summary["not_located"]
        assert parts == pytest.approx(total, abs=0.5)
