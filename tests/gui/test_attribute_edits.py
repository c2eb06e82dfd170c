"""Editing facilities in the attribute table as a person does: capability check boxes, EQA and
accreditation from their lists, capacity typed as a number; every edit undoable with Ctrl+Z,
marking the project modified and rerunning the analysis; bad values refused with a message.
Selection both ways between the table and the map, and Zoom to selection."""

from __future__ import annotations

import numpy as np
import pytest
from helpers import (
    TIMEOUT_MS,
    choose,
    click,
    click_cell,
    click_check,
    count_colour,
    drag,
    edit_cell,
    open_window,
    redo,
    run_by_click,
    undo,
)
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox

from ccgeo.gui.canvas.tools import SELECTION_COLOR
from ccgeo.render.facilities import FacilityLayer
from ccgeo.styles import TIER_CLASS

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, tiny_project):
    tiny_project.facilities.gdf["capacity_tests_per_year"] = [12000.0, 900.0, np.nan]
    win = open_window(qtbot, tiny_project)
    win.data_tools.act_attributes.trigger()
    return win


def table_of(win):
    return win.data_tools.attributes.facility_table


def cell(table, facility_id: str, name: str) -> QModelIndex:
    row = int(np.flatnonzero(table.model.facilities.gdf["facility_id"] == facility_id)[0])
    return table.proxy.mapFromSource(table.model.index(row, table.model.column_index(name)))


def value(win, facility_id: str, name: str):
    gdf = win.project.facilities.gdf
    return gdf.loc[gdf["facility_id"] == facility_id, name].iloc[0]


def facility_layer(win) -> FacilityLayer:
    return next(x for x in win.canvas.layers if isinstance(x, FacilityLayer))


def test_capacity_is_typed_as_a_number_and_undone(window, qtbot):
    table = table_of(window)
    edit_cell(qtbot, table.view, cell(table, "F2", "capacity_tests_per_year"), "2,500")
    assert value(window, "F2", "capacity_tests_per_year") == 2500.0
    assert window.is_modified
    assert table.model.data(cell(table, "F2", "capacity_tests_per_year")) == "2,500"
    assert "Edit F2 capacity_tests_per_year" in window.act_undo.text()
    undo(qtbot, window)
    assert value(window, "F2", "capacity_tests_per_year") == 900.0
    assert table.model.data(cell(table, "F2", "capacity_tests_per_year")) == "900"
    redo(qtbot, window)
    assert value(window, "F2", "capacity_tests_per_year") == 2500.0
    # a blank cell is an unknown capacity
    edit_cell(qtbot, table.view, cell(table, "F2", "capacity_tests_per_year"), "")
    assert np.isnan(value(window, "F2", "capacity_tests_per_year"))


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("lots", "capacity should be a number of tests per year, got 'lots'"),
        ("-5", "capacity should be 0 or more tests per year, got -5"),
    ],
)
def test_bad_capacity_is_refused_with_a_message(window, qtbot, typed, says):
    table = table_of(window)
    assert not table.message.isVisible()
    edit_cell(qtbot, table.view, cell(table, "F1", "capacity_tests_per_year"), typed)
    assert value(window, "F1", "capacity_tests_per_year") == 12000.0
    assert not window.is_modified
    assert table.message.isVisible()
    assert says in table.message.text()
    assert says in window.message_label.text()
    assert window.undo_stack.count() == 0
    # a good value afterwards is taken and the message goes
    edit_cell(qtbot, table.view, cell(table, "F1", "capacity_tests_per_year"), "11000")
    assert value(window, "F1", "capacity_tests_per_year") == 11000.0
    assert not table.message.isVisible()


def test_eqa_choice_is_undone_with_its_ring(window, qtbot):
    table = table_of(window)
    index = cell(table, "F2", "eqa")
    click_cell(qtbot, table.view, index.row(), index.column())
    qtbot.keyClick(table.view, Qt.Key.Key_F2)
    editor = table.view.findChild(QComboBox)
    with qtbot.waitSignal(window.facilitiesEdited, timeout=2000):
        choose(qtbot, editor, text="international")
    assert facility_layer(window).quality[1]
    with qtbot.waitSignal(window.facilitiesEdited, timeout=2000) as signal:
        undo(qtbot, window)
    assert signal.args == [["F2"]]
    assert value(window, "F2", "eqa") == "none"
    assert not facility_layer(window).quality[1]


def test_a_capability_edit_reruns_the_analysis_and_its_undo_too(window, qtbot):
    run_by_click(qtbot, window)
    analysis = window.analysis

    def seconds():
        return analysis.workspace.result.demand["seconds"].to_numpy()

    before = seconds()
    table = table_of(window)
    with qtbot.waitSignal(analysis.runFinished, timeout=TIMEOUT_MS):
        click_check(qtbot, table.view, cell(table, "F3", "pcr"))
    assert bool(value(window, "F3", "pcr"))
    assert facility_layer(window).symbol_class[2] == TIER_CLASS["pcr"]
    assert window.is_modified
    assert (seconds() <= before).all()
    assert (seconds() < before).any()
    with qtbot.waitSignal(analysis.runFinished, timeout=TIMEOUT_MS):
        undo(qtbot, window)
    assert not bool(value(window, "F3", "pcr"))
    assert facility_layer(window).symbol_class[2] == TIER_CLASS["biopsy"]
    np.testing.assert_array_equal(seconds(), before)


def test_rows_chosen_in_the_table_are_highlighted_and_zoomed_to(window, qtbot):
    table = table_of(window)
    image = window.canvas.grab().toImage()
    assert count_colour(image, SELECTION_COLOR, tolerance=30) == 0
    assert not table.zoom_button.isEnabled()
    first, last = cell(table, "F2", "name"), cell(table, "F3", "name")
    click_cell(qtbot, table.view, first.row(), first.column())
    click_cell(
        qtbot, table.view, last.row(), last.column(), modifier=Qt.KeyboardModifier.ControlModifier
    )
    assert list(window.data_tools.selection.rows) == [1, 2]
    image = window.canvas.grab().toImage()
    assert count_colour(image, SELECTION_COLOR, tolerance=30) > 50
    window.canvas.zoom_by(1 / 8)  # far out: the labs are specks
    full = window.canvas.view.m_per_px
    click(qtbot, table.zoom_button)
    view = window.canvas.view
    assert view.m_per_px < full / 4
    layer = facility_layer(window)
    sxy = layer.screen_positions(view)[[1, 2]]
    assert (sxy >= 0).all()
    assert (sxy[:, 0] <= window.canvas.width()).all()
    assert (sxy[:, 1] <= window.canvas.height()).all()
    spread = np.ptp(sxy, axis=0) / [window.canvas.width(), window.canvas.height()]
    assert spread.max() > 0.5  # the two labs fill the view


def test_a_box_on_the_map_selects_rows_and_ctrl_j_zooms_to_them(window, qtbot):
    window.data_tools.act_select.trigger()
    layer = facility_layer(window)
    sxy = layer.screen_positions(window.canvas.view)[[0, 1]]
    lo, hi = sxy.min(axis=0) - 15, sxy.max(axis=0) + 15
    drag(window.canvas, tuple(lo), tuple(hi))
    assert list(window.data_tools.selection.rows) == [0, 1]
    view = table_of(window).view
    chosen = sorted(
        table_of(window).proxy.mapToSource(i).row() for i in view.selectionModel().selectedRows()
    )
    assert chosen == [0, 1]
    assert table_of(window).zoom_button.isEnabled()
    before = window.canvas.view.m_per_px
    qtbot.keyClick(window.canvas, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert window.canvas.view.m_per_px < before
    sxy = layer.screen_positions(window.canvas.view)[[0, 1]]
    assert (sxy >= 0).all()
    assert (sxy[:, 0] <= window.canvas.width()).all()


def test_a_capacity_edit_runs_the_lab_capacity_again_and_its_undo_too(window, qtbot):
    window.act_capacity.trigger()
    panel = window.docks["capacity"].widget()
    with qtbot.waitSignal(panel.finished, timeout=TIMEOUT_MS):
        click(qtbot, panel.runbox.run_button)

    def supply(result) -> dict[str, float]:
        return dict(zip(result.lab_ids, result.supply, strict=True))

    assert supply(panel.result)["F1"] == 12000.0
    window.data_tools.act_attributes.trigger()
    table = table_of(window)
    with qtbot.waitSignal(panel.finished, timeout=TIMEOUT_MS) as rerun:
        edit_cell(qtbot, table.view, cell(table, "F1", "capacity_tests_per_year"), "3000")
    assert supply(rerun.args[0])["F1"] == 3000.0
    assert panel.result is rerun.args[0]
    with qtbot.waitSignal(panel.finished, timeout=TIMEOUT_MS) as undone:
        undo(qtbot, window)
    assert supply(undone.args[0])["F1"] == 12000.0
