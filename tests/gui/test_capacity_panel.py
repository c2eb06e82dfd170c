"""The lab capacity dock driven as a user would: each method run by clicking Run on the demo
city, its tables checked against `fca` / `capacity_coverage` called directly."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import Qt

from ccgeo.analysis.capacity import E2SFCA_BANDS_MINUTES, capacity_coverage, fca
from ccgeo.analysis.scenario import AnalysisSettings, network_for
from ccgeo.errors import InputError
from ccgeo.gui.main_window import MainWindow
from ccgeo.gui.panels.capacity import (
    CapacityRequest,
    capacity_summary,
    need_text,
    run_capacity,
    times_text,
)

#: Waits for work on the demo city: generous, since the CI machine is shared.
TIMEOUT_MS = 60_000


@pytest.fixture
def demo_window(qtbot) -> MainWindow:
    """The main window with the demo city open, errors to the log instead of message boxes."""
    window = MainWindow()
    window.quiet_errors = True
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    with qtbot.waitSignal(window.projectLoaded, timeout=TIMEOUT_MS):
        window.load_project(None)
    return window


def open_panel(window: MainWindow):
    window.act_capacity.trigger()
    assert window.docks["capacity"].isVisible()
    return window.docks["capacity"].widget()


def choose(combo, key: str) -> None:
    index = combo.findData(key)
    assert index >= 0, key
    combo.setCurrentIndex(index)


def click_run(qtbot, panel) -> object:
    with qtbot.waitSignal(panel.finished, timeout=TIMEOUT_MS) as blocker:
        qtbot.mouseClick(panel.runbox.run_button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def column(table, j: int) -> list[float]:
    return [float(table.item(i, j).data(Qt.ItemDataRole.UserRole)) for i in range(table.rowCount())]


def direct_inputs(window: MainWindow):
    project = window.project
    settings = window.docks["capacity"].widget().settings()
    labs = project.facilities.capable(settings.capability, quality=settings.quality)
    return project, settings, network_for(project, settings), labs


# -- pure helpers --------------------------------------------------------------------------------


def test_number_texts() -> None:
    assert times_text(120.79) == "121"
    assert times_text(39.04) == "39.0"
    assert times_text(0.523) == "0.52"
    assert times_text(math.nan) == "–"
    assert need_text(27.8058) == "27.8"
    assert need_text(15000.0) == "15,000"


def test_run_capacity_refuses_any_capability_and_missing_layers(tiny_project) -> None:
    with pytest.raises(InputError, match=r"choose one .* instead of 'any'"):
        run_capacity(tiny_project, CapacityRequest(AnalysisSettings(capability="any")))
    tiny_project.demand = None
    with pytest.raises(InputError, match=r"needs population \(File ▸ Import ▸ Population\)"):
        run_capacity(tiny_project, CapacityRequest(AnalysisSettings(capability="pcr")))


def test_run_capacity_names_the_empty_lab_set(tiny_project) -> None:
    settings = AnalysisSettings(capability="pcr", quality="accredited", mode="car")
    with pytest.raises(InputError, match=r"no facility can do PCR .*accredited"):
        run_capacity(tiny_project, CapacityRequest(settings))


# -- the app -------------------------------------------------------------------------------------


def test_2sfca_by_click_matches_fca(qtbot, demo_window: MainWindow) -> None:
    window = demo_window
    panel = open_panel(window)
    assert "PCR" in panel.analysis_line.text()
    assert "walking" in panel.analysis_line.text()
    choose(panel.method, "2sfca")
    panel.minutes.setValue(25)
    result = click_run(qtbot, panel)

    project, settings, net, labs = direct_inputs(window)
    direct = fca(
        net, labs, project.demand, method="2sfca", capability=settings.capability, max_minutes=25
    )
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
    assert f"{times_text(direct.mean_accessibility)} times the capacity" in text
    assert direct.unit in text
    assert panel.warnings.isVisible() == bool(direct.warnings)
    for warning in direct.warnings:
        assert warning in panel.warnings.text()


def test_e2sfca_disables_minutes_and_matches_fca(qtbot, demo_window: MainWindow) -> None:
    window = demo_window
    panel = open_panel(window)
    assert panel.minutes.isEnabled()
    assert not panel.order.isEnabled()
    choose(panel.method, "e2sfca")
    assert not panel.minutes.isEnabled()
    assert not panel.bands_note.isHidden()
    assert "0–10 / 10–20 / 20–30" in panel.bands_note.text()
    assert "1 / 0.68 / 0.22" in panel.bands_note.text()
    result = click_run(qtbot, panel)
    assert result.method == "e2sfca"

    project, settings, net, labs = direct_inputs(window)
    direct = fca(net, labs, project.demand, method="e2sfca", capability=settings.capability)
    assert panel.labs.rowCount() == len(direct.labs)
    assert column(panel.labs, 2) == pytest.approx(direct.labs["demand_in_reach"].tolist())
    assert column(panel.labs, 3) == pytest.approx(direct.labs["ratio"].fillna(-1.0).tolist())
    assert column(panel.districts, 3) == pytest.approx(direct.districts["accessibility"].tolist())
    reach = f"within {E2SFCA_BANDS_MINUTES[-1]:g} min"
    assert reach in panel.summary.text()
    assert "E2SFCA" in panel.summary.text()
    choose(panel.method, "2sfca")
    assert panel.minutes.isEnabled()
    assert panel.bands_note.isHidden()


def test_capacity_limited_coverage_by_click_matches_core(qtbot, demo_window: MainWindow) -> None:
    window = demo_window
    panel = open_panel(window)
    choose(panel.method, "coverage")
    assert panel.order.isEnabled()
    choose(panel.order, "time")
    panel.minutes.setValue(40)
    result = click_run(qtbot, panel)
    assert result.order == "time"

    project, settings, net, labs = direct_inputs(window)
    direct = capacity_coverage(
        net, labs, project.demand, max_minutes=40, order="time", capability=settings.capability
    )
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
    assert f"covers {need_text(totals['covered'])} of the {need_text(totals['demand'])}" in text
    assert f"{totals['population_covered']:,.0f}" in text
    request = CapacityRequest(settings, method="coverage", minutes=40, order="time")
    assert text == capacity_summary(direct, request)
    # district names from the districts layer label the rows
    names = dict(zip(project.districts["district_id"], project.districts["name"], strict=True))
    first = str(direct.districts["district_id"].iloc[0])
    assert panel.districts.item(0, 0).text() == f"{names[first]} ({first})"


def test_failure_shows_the_error_text(qtbot, demo_window: MainWindow) -> None:
    window = demo_window
    panel = open_panel(window)
    ws = window.analysis.require_workspace()
    ws.settings = AnalysisSettings(capability="any", mode="walk")
    with qtbot.waitSignal(panel.ended, timeout=TIMEOUT_MS) as blocker:
        qtbot.mouseClick(panel.runbox.run_button, Qt.MouseButton.LeftButton)
    assert "instead of 'any'" in blocker.args[0]
    assert "instead of 'any'" in panel.runbox.error.text()
    assert "Traceback" not in panel.runbox.error.text()
    assert panel.runbox.run_button.isEnabled()
