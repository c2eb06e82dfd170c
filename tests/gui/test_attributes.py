"""The attribute table: sort, filter, edit facilities (signal, layer, modified), selection."""

from __future__ import annotations

import numpy as np
import pytest
from helpers import choose, click_cell, click_check, open_window, tick, type_into
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QComboBox

from ccgeo.gui.panels.attributes import DataFrameModel, report_frame
from ccgeo.model.reports import ImportReport
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


def column(table, name: str) -> int:
    return table.model.column_index(name)


def names(table) -> list[str]:
    gdf = table.model.facilities.gdf
    return [gdf["name"].iloc[r] for r in table.visible_rows()]


def facility_layer(win) -> FacilityLayer:
    return next(x for x in win.canvas.layers if isinstance(x, FacilityLayer))


def proxy_index(table, facility_id: str, name: str) -> QModelIndex:
    row = int(np.flatnonzero(table.model.facilities.gdf["facility_id"] == facility_id)[0])
    return table.proxy.mapFromSource(table.model.index(row, column(table, name)))


def sort_by(qtbot, table, name: str, order: Qt.SortOrder) -> None:
    """Click the header of column ``name`` until the table is sorted in ``order``."""
    view = table.view
    col = column(table, name)
    view.scrollTo(view.model().index(0, col))
    header = view.horizontalHeader()
    pos = QPoint(header.sectionViewportPosition(col) + header.sectionSize(col) // 2, 5)
    assert header.isVisible()
    assert header.rect().contains(pos)
    for _ in range(3):
        if header.sortIndicatorSection() == col and header.sortIndicatorOrder() == order:
            break
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (col, order)


def test_the_table_opens_from_the_menu_and_the_layer_panel(window):
    assert window.docks["attributes"].isVisible()
    panel = window.layer_panel
    menu = panel.context_menu(facility_layer(window))
    assert "Open attribute table" in [a.text() for a in menu.actions()]
    assert window.data_tools.act_attributes.shortcut().toString() == "F6"


def test_sorts_by_text_and_by_number(window, qtbot):
    table = table_of(window)
    assert table.model.rowCount() == 3
    sort_by(qtbot, table, "name", Qt.SortOrder.DescendingOrder)
    assert names(table) == ["Laboratorio Norte", "Hospital Central", "Clínica Sur"]
    # numbers sort as numbers (900 before 12,000), the unknown capacity first
    sort_by(qtbot, table, "capacity_tests_per_year", Qt.SortOrder.AscendingOrder)
    assert names(table) == ["Clínica Sur", "Laboratorio Norte", "Hospital Central"]


def test_filters_by_text_capability_and_review(window, qtbot):
    table = table_of(window)
    qtbot.keyClicks(table.filter_edit, "NORTE")
    assert names(table) == ["Laboratorio Norte"]
    assert table.count_label.text() == "1 of 3"
    type_into(qtbot, table.filter_edit, "f3")  # ids match too
    assert names(table) == ["Clínica Sur"]
    type_into(qtbot, table.filter_edit, "")
    assert len(names(table)) == 3
    choose(qtbot, table.capability_combo, "pcr")
    assert sorted(names(table)) == ["Hospital Central", "Laboratorio Norte"]
    choose(qtbot, table.capability_combo, text=table.capability_combo.itemText(0))
    tick(qtbot, table.review_check)
    assert names(table) == []
    table.model.setData(
        table.model.index(2, column(table, "review")),
        Qt.CheckState.Checked.value,
        Qt.ItemDataRole.CheckStateRole,
    )
    assert names(table) == ["Clínica Sur"]


def test_ticking_a_capability_edits_the_project_and_emits_the_signal(window, qtbot):
    table = table_of(window)
    index = proxy_index(table, "F3", "pcr")
    old_class = facility_layer(window).symbol_class[2]
    assert old_class == TIER_CLASS["biopsy"]
    with qtbot.waitSignal(window.facilitiesEdited, timeout=2000) as signal:
        click_check(qtbot, table.view, index)
    assert signal.args == [["F3"]]
    gdf = window.project.facilities.gdf
    assert bool(gdf.loc[gdf["facility_id"] == "F3", "pcr"].iloc[0])
    assert window.is_modified
    # the map draws F3 with the PCR symbol now
    layer = facility_layer(window)
    assert layer.facilities is window.project.facilities
    assert layer.symbol_class[2] == TIER_CLASS["pcr"]


def test_eqa_is_chosen_in_a_combo_and_bad_values_are_refused(window, qtbot):
    table = table_of(window)
    index = proxy_index(table, "F2", "eqa")
    click_cell(qtbot, table.view, index.row(), index.column())
    qtbot.keyClick(table.view, Qt.Key.Key_F2)  # edit the cell
    editor = table.view.findChild(QComboBox)
    assert editor is not None
    assert editor.isVisible()
    assert [editor.itemText(i) for i in range(editor.count())] == [
        "none",
        "national",
        "international",
    ]
    with qtbot.waitSignal(window.facilitiesEdited, timeout=2000) as signal:
        choose(qtbot, editor, text="national")
    assert signal.args == [["F2"]]
    gdf = window.project.facilities.gdf
    assert gdf.loc[gdf["facility_id"] == "F2", "eqa"].iloc[0] == "national"
    assert facility_layer(window).quality[1]  # the ring for EQA appears
    source = table.model.index(1, column(table, "accreditation"))
    assert not table.model.setData(source, "gold", Qt.ItemDataRole.EditRole)
    assert gdf["accreditation"].iloc[1] == "none"


def test_review_flag_edit_marks_modified_without_rerunning_the_analysis(window, qtbot):
    table = table_of(window)
    with qtbot.assertNotEmitted(window.facilitiesEdited):
        click_check(qtbot, table.view, proxy_index(table, "F1", "review"))
    assert bool(window.project.facilities.gdf["review"].iloc[0])
    assert window.is_modified


def test_row_selection_is_shared_with_the_map(window, qtbot):
    table = table_of(window)
    selection = window.data_tools.selection
    name = proxy_index(table, "F2", "name")
    click_cell(qtbot, table.view, name.row(), name.column())
    assert list(selection.rows) == [1]
    selection.set_rows([0, 2])
    chosen = sorted(
        table.proxy.mapToSource(i).row() for i in table.view.selectionModel().selectedRows()
    )
    assert chosen == [0, 2]
    # double-click zooms to the facility
    index = proxy_index(table, "F3", "name")
    # a real double-click: press and release, then the double-click event
    click_cell(qtbot, table.view, index.row(), index.column(), double=True)
    sx, sy = facility_layer(window).screen_positions(window.canvas.view)[2]
    assert abs(sx - window.canvas.width() / 2) < 2
    assert abs(sy - window.canvas.height() / 2) < 2
    assert window.canvas.view.m_per_px < 5.0


def test_districts_and_import_report_tables(window, tiny_project):
    attributes = window.data_tools.attributes
    districts = attributes.district_model
    ids = [districts.raw(r, districts.column_index("district_id")) for r in range(2)]
    pops = [districts.raw(r, districts.column_index("population")) for r in range(2)]
    demand = tiny_project.demand.gdf
    expected = demand.groupby("district_id")["population"].sum()
    assert dict(zip(ids, pops, strict=True)) == pytest.approx(expected.to_dict())
    assert attributes.report_summary.text().startswith("No facility file")

    report = ImportReport(source="labs.csv", n_rows=4, n_imported=3)
    report.add(2, "fixed", "id blank", "fill it")
    report.add(4, "rejected", "no location", "fill lat/lon")
    report.add(3, "doubtful", "capacity 'n.d.'", "write a number")
    report.add(None, "warning", "swapped", "check")
    frame = report_frame(report)
    assert list(frame["severity"]) == ["doubtful", "rejected", "warning", "fixed"]
    window.project.import_reports.append(report)
    window.data_tools.show_attribute_table(tab=2)
    model = attributes.report_model
    assert model.raw(0, model.column_index("row")) == 3
    assert "3 of 4 rows imported" in attributes.report_summary.text()


def test_dataframe_model_headers_and_sort_keys():
    import pandas as pd

    model = DataFrameModel(pd.DataFrame({"a": [2.0, np.nan], "b": ["x", None]}))
    assert model.headerData(0, Qt.Orientation.Horizontal) == "a"
    assert model.data(model.index(1, 0)) == ""
    assert model.data(model.index(0, 0)) == "2"
    assert model.data(model.index(1, 0), Qt.ItemDataRole.UserRole + 1) == float("-inf")
    model.set_headers({"a": "A (people)"})
    assert model.headerData(0, Qt.Orientation.Horizontal) == "A (people)"
    assert model.headerData(1, Qt.Orientation.Vertical) == "2"
    assert model.rowCount(model.index(0, 0)) == 0
