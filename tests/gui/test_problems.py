"""Layer ▸ Problems: every data note behind the results, and the way to the facility a note is
about (double-click: the Facilities tab with its row selected, the map centred on it)."""

from __future__ import annotations

import pytest
from helpers import click_cell, open_window, run_by_click, use_menu

from ccgeo.model.reports import ImportReport
from ccgeo.render.facilities import FacilityLayer
from ccgeo.report.notes import data_notes

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, tiny_project):
    report = ImportReport(source="/data/labs.csv", n_rows=4, n_imported=3)
    report.add(
        3,
        "fixed",
        "latitude and longitude were swapped; put back",
        "check the row in the file",
        facility_id="F3",
    )
    report.add(5, "rejected", "no location", "fill lat/lon")
    tiny_project.import_reports.append(report)
    return open_window(qtbot, tiny_project)


def texts(panel) -> list[str]:
    model = panel.model
    return [str(model.raw(r, model.column_index("text"))) for r in range(model.rowCount())]


def test_problems_list_the_imports_and_where_the_people_went(qtbot, window):
    run_by_click(qtbot, window)
    use_menu(qtbot, window, "Layer", "Problems")
    attributes = window.data_tools.attributes
    panel = attributes.problems
    assert attributes.tabs.currentWidget() is panel
    assert panel.isVisible()
    shown = texts(panel)
    # the same notes as every output: imports, the population file, the run's cautions
    baseline = window.analysis.workspace.baseline
    assert [n.text for n in data_notes(window.project, baseline.result)] == shown
    assert any("no location" in t for t in shown)
    assert any("swapped" in t for t in shown)
    assert any("placed on the map" in t for t in shown)
    # rejected rows first, then rows changed on import
    kinds = [panel.model.raw(r, panel.model.column_index("kind")) for r in range(len(shown))]
    assert kinds[0] == "not imported"
    assert kinds[1] == "changed on import"
    assert "1 not imported" in panel.summary.text()


def test_double_click_shows_the_facility_of_a_note(qtbot, window):
    use_menu(qtbot, window, "Layer", "Problems")
    attributes = window.data_tools.attributes
    panel = attributes.problems
    row = next(i for i, note in enumerate(panel.notes) if note.facility_id == "F3")
    click_cell(qtbot, panel.view, row, panel.model.column_index("text"), double=True)
    assert attributes.tabs.currentWidget() is attributes.facility_table
    gdf = window.project.facilities.gdf
    f3 = int((gdf["facility_id"] == "F3").to_numpy().argmax())
    assert list(window.data_tools.selection.rows) == [f3]
    layer = next(x for x in window.canvas.layers if isinstance(x, FacilityLayer))
    sx, sy = layer.screen_positions(window.canvas.view)[f3]
    assert abs(sx - window.canvas.width() / 2) < 2
    assert abs(sy - window.canvas.height() / 2) < 2


def test_a_rejected_row_has_no_facility_to_show(qtbot, window):
    use_menu(qtbot, window, "Layer", "Problems")
    attributes = window.data_tools.attributes
    panel = attributes.problems
    row = next(i for i, note in enumerate(panel.notes) if note.text.startswith("no location"))
    click_cell(qtbot, panel.view, row, panel.model.column_index("text"), double=True)
    assert attributes.tabs.currentWidget() is panel
    assert len(window.data_tools.selection) == 0
