"""The lab capacity dock driven as a user would: each method run by clicking Run on the demo
city, its tables checked against `fca` / `capacity_coverage` called directly."""

from __future__ import annotations

import math

import pytest
from helpers import TIMEOUT_MS, choose, click, type_into, untick_every_lab
from PySide6.QtCore import Qt

from ccgeo.analysis.capacity import E2SFCA_BANDS_MINUTES, capacity_coverage, fca
from ccgeo.errors import InputError
from ccgeo.gui.main_window import MainWindow
from ccgeo.labels import format_ratio, format_tests
from ccgeo.model.settings import CapacitySettings, Travel
from ccgeo.report.summaries import capacity_summary
from ccgeo.tasks.capacity import run_capacity
from ccgeo.tasks.common import network_for


def open_panel(window: MainWindow):
    """Analysis ▸ Lab capacity… (F9): the dock comes to the front."""
    window.act_capacity.trigger()
    dock = window.docks["capacity"]
    assert dock.isVisible()
    assert not dock.visibleRegion().isEmpty()
    return dock.widget()


def click_run(qtbot, panel) -> object:
    with qtbot.waitSignal(panel.finished, timeout=TIMEOUT_MS) as blocker:
        click(qtbot, panel.runbox.run_button)
    return blocker.args[0]


def column(table, j: int) -> list[float]:
    return [float(table.item(i, j).data(Qt.ItemDataRole.UserRole)) for i in range(table.rowCount())]


def direct_inputs(window: MainWindow):
    project = window.project
    settings = window.docks["capacity"].widget().settings()
    labs = project.facilities.capable(settings.capability, quality=settings.quality)
    return project, settings, network_for(project, settings.travel), labs


# -- pure helpers --------------------------------------------------------------------------------


def test_number_texts() -> None:
    assert format_ratio(120.79) == "121"
    assert format_ratio(39.04) == "39.0"
    assert format_ratio(0.523) == "0.52"
    assert format_ratio(math.nan) == "–"
    assert format_tests(27.8058) == "27.8"
    assert format_tests(15000.0) == "15,000"


def test_run_capacity_refuses_any_capability_and_missing_layers(tiny_project) -> None:
    # "any" is refused by the settings themselves now, before a task can start
    with pytest.raises(InputError, match=r"`capability` should be one of .*got 'any'"):
        run_capacity(tiny_project, CapacitySettings(capability="any"))
    tiny_project.demand = None
    with pytest.raises(InputError, match=r"needs population \(File ▸ Import ▸ Population\b"):
        run_capacity(tiny_project, CapacitySettings(capability="pcr"))


def test_run_capacity_names_the_empty_lab_set(tiny_project) -> None:
    settings = CapacitySettings(capability="pcr", quality="accredited", travel=Travel(mode="car"))
    with pytest.raises(InputError, match=r"no facility can do PCR .*accredited"):
        run_capacity(tiny_project, settings)


# -- the app -------------------------------------------------------------------------------------


def test_2sfca_by_click_matches_fca(qtbot, demo_window: MainWindow) -> None:
    window = demo_window
    panel = open_panel(window)
    assert "PCR" in panel.analysis_line.text()
    assert "walking" in panel.analysis_line.text()
    choose(qtbot, panel.method, "2sfca")
    type_into(qtbot, panel.minutes, "25")
    result = click_run(qtbot, panel)

    project, settings, net, labs = direct_inputs(window)
    expected = CapacitySettings(
        capability=settings.capability, travel=settings.travel, method="2sfca", minutes=25
    )
    assert panel.result_settings == expected
    direct = fca(net, labs, project.demand, expected)
    assert panel.labs.rowCount() == len(direct.labs) == len(labs.gdf)
    assert column(panel.labs, 1) == pytest.approx(direct.labs["capacity_tests_per_year"].tolist())
    assert column(panel.labs, 2) == pytest.approx(direct.labs["demand_in_reach"].tolist())
    assert column(panel.labs, 3) == pytest.approx(direct.labs["ratio"].fillna(-1.0).tolist())
    assert panel.districts.rowCount() == len(direct.districts)
    assert column(panel.districts, 3) == pytest.approx(direct.districts["accessibility"].tolist())
    assert column(panel.districts, 4) == pytest.approx(
        direct.districts["population_no_lab"].tolist()
    )
    assert result.mean_accessibility == pytest.approx(direct.mean_accessibility)
    text = panel.summary.text()
    assert f"{direct.population_no_lab:,.0f} people have no such lab within 25 min" in text
    assert f"{format_ratio(direct.mean_accessibility)} times the capacity" in text
    assert direct.unit in text
    assert panel.warnings.isVisible() == bool(direct.warnings)
    for warning in direct.warnings:
        assert warning in panel.warnings.text()


def test_e2sfca_disables_minutes_and_matches_fca(qtbot, demo_window: MainWindow) -> None:
    window = demo_window
    panel = open_panel(window)
    assert panel.minutes.isEnabled()
    assert not panel.order.isEnabled()
    choose(qtbot, panel.method, "e2sfca")
    assert not panel.minutes.isEnabled()
    assert not panel.bands_note.isHidden()
    assert "0–10 / 10–20 / 20–30" in panel.bands_note.text()
    assert "1 / 0.68 / 0.22" in panel.bands_note.text()
    result = click_run(qtbot, panel)
    assert result.method == "e2sfca"

    project, settings, net, labs = direct_inputs(window)
    expected = CapacitySettings(
        capability=settings.capability, travel=settings.travel, method="e2sfca"
    )
    assert panel.result_settings == expected
    direct = fca(net, labs, project.demand, expected)
    assert panel.labs.rowCount() == len(direct.labs)
    assert column(panel.labs, 2) == pytest.approx(direct.labs["demand_in_reach"].tolist())
    assert column(panel.labs, 3) == pytest.approx(direct.labs["ratio"].fillna(-1.0).tolist())
    assert column(panel.districts, 3) == pytest.approx(direct.districts["accessibility"].tolist())
    reach = f"within {E2SFCA_BANDS_MINUTES[-1]:g} min"
    assert reach in panel.summary.text()
    assert "E2SFCA" in panel.summary.text()
    choose(qtbot, panel.method, "2sfca")
    assert panel.minutes.isEnabled()
    assert panel.bands_note.isHidden()


def test_capacity_limited_coverage_by_click_matches_core(qtbot, demo_window: MainWindow) -> None:
    window = demo_window
    panel = open_panel(window)
    choose(qtbot, panel.method, "coverage")
    assert panel.order.isEnabled()
    choose(qtbot, panel.order, "time")
    type_into(qtbot, panel.minutes, "40")
    result = click_run(qtbot, panel)
    assert result.order == "time"

    project, settings, net, labs = direct_inputs(window)
    expected = CapacitySettings(
        capability=settings.capability,
        travel=settings.travel,
        method="coverage",
        minutes=40,
        order="time",
    )
    assert panel.result_settings == expected
    direct = capacity_coverage(net, labs, project.demand, expected)
    table = panel.labs
    assert table.columnCount() == 8
    assert table.rowCount() == len(direct.labs)
    assert column(table, 0) == pytest.approx((direct.labs["rank"] + 1).tolist())
    assert column(table, 4) == pytest.approx(direct.labs["covered"].tolist())
    assert column(table, 5) == pytest.approx(direct.labs["capacity_used"].tolist())
    stopped = [table.item(i, 7).text() for i in range(table.rowCount())]
    expect = {"time": "time limit", "capacity": "capacity full"}
    assert stopped == [expect[s] for s in direct.labs["stopped_by"]]
    assert panel.districts.rowCount() == len(direct.districts)
    assert column(panel.districts, 3) == pytest.approx(direct.districts["covered"].tolist())
    assert column(panel.districts, 5) == pytest.approx(
        direct.districts["population_covered"].tolist()
    )
    totals = direct.totals
    text = panel.summary.text()
    assert (
        f"covers {format_tests(totals['covered'])} of the {format_tests(totals['demand'])}" in text
    )
    assert f"{totals['population_covered']:,.0f}" in text
    assert text == capacity_summary(direct, expected)
    # district names from the districts layer label the rows
    names = dict(zip(project.districts["district_id"], project.districts["name"], strict=True))
    first = str(direct.districts["district_id"].iloc[0])
    assert panel.districts.item(0, 0).text() == f"{names[first]} ({first})"


def test_failure_shows_the_error_text(qtbot, demo_window: MainWindow) -> None:
    window = demo_window
    # no facility does PCR any more: the task refuses at once, in its first millisecond
    untick_every_lab(qtbot, window, "pcr")
    panel = open_panel(window)
    with qtbot.waitSignal(panel.ended, timeout=TIMEOUT_MS) as blocker:
        click(qtbot, panel.runbox.run_button)
    assert "no facility can do PCR" in blocker.args[0]
    assert "no facility can do PCR" in panel.runbox.error.text()
    assert panel.runbox.error.isVisible()
    assert "Traceback" not in panel.runbox.error.text()
    assert panel.runbox.run_button.isEnabled()
