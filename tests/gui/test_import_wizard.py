"""The facility import wizard and the roads / population / districts import dialogs, as a user."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from helpers import activate, choose, click, open_window, tick, type_into
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from ccgeo.gui.dialogs.import_wizard import NO_COLUMN, ImportWizard, apply_import
from ccgeo.gui.dialogs.layer_import import LayerImportDialog
from ccgeo.io import osm
from ccgeo.io.facilities import read_facilities
from ccgeo.render.facilities import FacilityLayer

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
MESSY = ROOT / "layers" / "demo" / "demo_facilities_messy.csv"

needs_demo = pytest.mark.skipif(
    not (ROOT / "layers" / "demo" / "demo_city.osm.pbf").is_file() or not MESSY.is_file(),
    reason="the demo city files are not generated (run `ccgeo demo layers/demo`)",
)


@pytest.fixture
def tiny_window(qtbot, tiny_project):
    return open_window(qtbot, tiny_project)


def press(qtbot, wizard: ImportWizard, button: QWizard.WizardButton) -> None:
    click(qtbot, wizard.button(button))


def next_page(qtbot, wizard: ImportWizard, page_id: int) -> None:
    press(qtbot, wizard, QWizard.WizardButton.NextButton)
    qtbot.waitUntil(lambda: wizard.currentId() == page_id, timeout=15_000)


def wait_validated(qtbot, wizard: ImportWizard) -> None:
    """Wait until the check of every row is over (its progress bar goes away)."""
    page = wizard.validation_page
    qtbot.waitUntil(page.progress.isHidden, timeout=15_000)


def choose_file(qtbot, wizard: ImportWizard, path: Path) -> None:
    """Type the file's path in the first step, then Tab to the next field, which lists its
    sheets (Enter would press Next at once)."""
    activate(qtbot, wizard)
    edit = wizard.file_page.path_edit
    type_into(qtbot, edit, str(path), enter=False)
    assert edit.hasFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert not edit.hasFocus()


def press_import(qtbot, dialog: LayerImportDialog) -> None:
    """Click the dialog's Import button, as a user does (it must be on screen)."""
    click(qtbot, dialog.import_button)


def test_enter_in_the_path_field_imports(qtbot, tiny_window, tmp_path, monkeypatch):
    """Enter in the path field presses Import (the default button), never Browse."""
    from conftest import tiny_districts
    from PySide6.QtWidgets import QFileDialog

    path = tmp_path / "zonas.geojson"
    tiny_districts().assign(name=["Alto", "Bajo"]).to_file(path, driver="GeoJSON")
    browsed = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: browsed.append(1))
    dialog = tiny_window.data_tools.open_layer_import("districts")
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        type_into(qtbot, dialog.path_edit, str(path), enter=True)
    assert not browsed
    assert sorted(tiny_window.project.districts["name"]) == ["Alto", "Bajo"]


def test_the_layer_import_dialog_shows_import_and_cancel(qtbot, tiny_window):
    dialog = tiny_window.data_tools.open_layer_import("districts")
    assert dialog.isVisible()
    assert dialog.import_button.isVisible()
    assert dialog.import_button.window() is dialog
    assert dialog.buttons.button(dialog.buttons.StandardButton.Cancel).isVisible()


def remap(qtbot, wizard: ImportWizard, combo, data=None, *, text: str | None = None) -> None:
    """Back to the mapping step, another choice in ``combo``, Next: every row is checked again."""
    press(qtbot, wizard, QWizard.WizardButton.BackButton)
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.MAPPING)
    choose(qtbot, combo, data, text=text)
    next_page(qtbot, wizard, ImportWizard.VALIDATION)
    wait_validated(qtbot, wizard)


def assert_58_facilities_imported(win, report) -> None:
    """The project, the map and the attribute table hold the 58 facilities of the messy file."""
    project = win.project
    assert len(project.facilities) == 58
    assert int(project.facilities.gdf["review"].sum()) == 4
    assert project.import_reports[-1] is report
    assert project.metadata["sources"][-1]["path"] == str(MESSY)
    layer = next(x for x in win.canvas.layers if isinstance(x, FacilityLayer))
    assert layer.facilities is project.facilities
    assert len(layer.xy) == 58
    assert np.isfinite(layer.xy).all()
    assert win.is_modified
    # the attribute table shows the new rows and the report, flagged rows first
    table = win.data_tools.attributes
    assert table.facility_table.model.rowCount() == 58
    assert table.report_model.raw(0, table.report_model.column_index("severity")) == "doubtful"


@needs_demo
def test_wizard_imports_the_messy_file_with_a_hand_changed_mapping(qtbot, demo_window):
    win = demo_window
    edits: list[object] = []
    win.facilitiesEdited.connect(edits.append)
    win.data_tools.act_import_facilities.trigger()
    wizard = win.data_tools.wizard
    assert wizard is not None
    assert wizard.isVisible()
    choose_file(qtbot, wizard, MESSY)
    next_page(qtbot, wizard, ImportWizard.MAPPING)

    page = wizard.mapping_page
    # the automatic guess is filled in, one dropdown per schema field
    assert page.combos["tests"].currentText() == "examens"
    assert page.combos["name"].currentText() == "Nom de l'établissement"
    assert page.combos["lat"].currentText() == "Latitude"
    assert page.combos["ngs"].currentText() == NO_COLUMN
    assert page.header_text("examens") == "examens\n→ tests"
    assert page.preview_model.rowCount() == 30
    assert page.area_combo.currentData() == "districts"

    # the user gives the name to the notes column: the preview headers follow
    combo = page.combos["name"]
    choose(qtbot, combo, text="Observações")
    assert page.header_text("Observações") == "Observações\n→ name"
    assert page.header_text("Nom de l'établissement") == "Nom de l'établissement\n(not used)"
    next_page(qtbot, wizard, ImportWizard.VALIDATION)
    wait_validated(qtbot, wizard)
    check = wizard.validation_page
    with_notes = wizard.facilities
    assert with_notes is not None
    # blank notes leave facilities without a name: imported under their id, flagged
    assert int(with_notes.gdf["review"].sum()) > 4
    assert "Hospital de referência" in with_notes.gdf["name"].iloc[0]

    # back, and the name column is set right again; the validation follows
    remap(qtbot, wizard, combo, text="Nom de l'établissement")
    report = wizard.facilities.report
    assert report.n_rows == 61
    assert report.n_imported == 57
    # rejected rows listed with their spreadsheet row numbers (header = row 1); row 32 lies
    # 1,866 km outside the districts chosen as the study area
    assert sorted(check.rows_listed("rejected")) == [10, 18, 32, 47]
    assert "4</b> rejected" in check.count_label.text()
    assert "3</b> flagged for review" in check.count_label.text()
    # the severity filter
    choose(qtbot, check.severity_combo, "rejected")
    assert check.issue_proxy.rowCount() == 4
    assert set(check.rows_listed()) == {10, 18, 32, 47}
    choose(qtbot, check.severity_combo, text=check.severity_combo.itemText(0))
    assert check.issue_proxy.rowCount() == len(report.issues)

    # without a study area the far point is only flagged for review
    remap(qtbot, wizard, page.area_combo, "none")
    report = wizard.facilities.report
    assert report.n_imported == 58
    assert sorted(check.rows_listed("rejected")) == [10, 18, 47]
    assert 32 in check.rows_listed("doubtful")

    next_page(qtbot, wizard, ImportWizard.FINISH)
    assert wizard.finish_page.replace_radio.isChecked()
    press(qtbot, wizard, QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert_58_facilities_imported(win, report)
    assert edits == [[]]


@needs_demo
def test_taking_a_column_for_one_field_frees_it_from_another(qtbot, demo_window):
    wizard = demo_window.data_tools.open_import_wizard()
    choose_file(qtbot, wizard, MESSY)
    next_page(qtbot, wizard, ImportWizard.MAPPING)
    page = wizard.mapping_page
    choose(qtbot, page.combos["facility_id"], "Nom de l'établissement")
    assert page.combos["name"].currentText() == NO_COLUMN
    assert page.mapping()["facility_id"] == "Nom de l'établissement"
    assert page.mapping()["name"] == ""


@needs_demo
def test_no_location_column_shows_the_input_error_and_blocks_import(qtbot, demo_window):
    wizard = demo_window.data_tools.open_import_wizard()
    choose_file(qtbot, wizard, MESSY)
    next_page(qtbot, wizard, ImportWizard.MAPPING)
    choose(qtbot, wizard.mapping_page.combos["lat"], text=NO_COLUMN)
    next_page(qtbot, wizard, ImportWizard.VALIDATION)
    wait_validated(qtbot, wizard)
    check = wizard.validation_page
    assert not check.error_label.isHidden()
    assert "no location columns" in check.error_label.text()
    assert "Traceback" not in check.error_label.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_a_bad_file_shows_the_input_error_text(qtbot, tiny_window, tmp_path):
    wizard = tiny_window.data_tools.open_import_wizard()
    bad = tmp_path / "labs.xlsx"
    bad.write_bytes(b"this is not a workbook at all")
    choose_file(qtbot, wizard, bad)
    page = wizard.file_page
    # listing the sheets already fails, and says why
    assert "labs.xlsx" in page.error_label.text()
    press(qtbot, wizard, QWizard.WizardButton.NextButton)
    qtbot.waitUntil(page.progress.isHidden, timeout=10_000)
    assert wizard.currentId() == ImportWizard.FILE
    assert "labs.xlsx" in page.error_label.text()
    assert "Traceback" not in page.error_label.text()

    missing = tmp_path / "nowhere.csv"
    choose_file(qtbot, wizard, missing)
    press(qtbot, wizard, QWizard.WizardButton.NextButton)
    qtbot.waitUntil(lambda: "file not found" in page.error_label.text(), timeout=10_000)
    assert str(missing) in page.error_label.text()
    assert wizard.currentId() == ImportWizard.FILE


def test_apply_import_appends_and_renames_repeated_ids(tiny_project, tmp_path):
    csv = tmp_path / "more.csv"
    csv.write_text(
        "id,name,lat,lon,pcr\nF1,Another lab,17.061,-96.721,yes\nF9,New lab,17.062,-96.722,no\n",
        encoding="utf-8",
    )
    new = read_facilities(csv)
    out = apply_import(tiny_project, new, mode="append", source=str(csv))
    assert tiny_project.facilities is out
    gdf = out.gdf
    assert list(gdf["facility_id"]) == ["F1", "F2", "F3", "F1-2", "F9"]
    assert list(gdf["review"]) == [False, False, False, True, False]
    assert gdf["pcr"].dtype == bool
    assert tiny_project.import_reports[-1] is new.report
    assert "renamed: F1 → F1-2" in new.report.warnings[-1].problem
    with pytest.raises(ValueError, match="`mode` should be one of replace, append"):
        apply_import(tiny_project, new, mode="merge")


def test_roads_download_offline_shows_the_offline_message(qtbot, tiny_window, monkeypatch):
    monkeypatch.setattr(osm, "internet_available", lambda **_kw: False)
    roads_before = tiny_window.project.roads
    dialog = tiny_window.data_tools.open_layer_import("roads")
    tick(qtbot, dialog.download_radio)
    assert dialog.place_edit.isEnabled()
    assert not dialog.path_edit.isEnabled()
    type_into(qtbot, dialog.place_edit, "Oaxaca de Juárez, Mexico", enter=False)
    press_import(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.error_text() != "", timeout=10_000)
    assert "no internet connection" in dialog.error_text()
    assert "Oaxaca de Juárez" in dialog.error_text()
    assert dialog.isVisible()  # stays open: the user can choose a file instead
    assert tiny_window.project.roads is roads_before
    assert not tiny_window.is_modified
    dialog.reject()


def test_roads_from_a_missing_file_show_the_reader_message(qtbot, tiny_window, tmp_path):
    dialog = tiny_window.data_tools.open_layer_import("roads")
    type_into(qtbot, dialog.path_edit, str(tmp_path / "city.osm.pbf"), enter=False)
    press_import(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.error_text() != "", timeout=10_000)
    assert "city.osm.pbf" in dialog.error_text()
    assert "Traceback" not in dialog.error_text()
    dialog.reject()


def test_districts_import_replaces_the_layer_and_reassigns_population(qtbot, tiny_window, tmp_path):
    from conftest import LAT0, LON0

    west_east = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"code": code, "nombre": name},
                "geometry": {
                    "type": "Polygon",
                    "coordinates": [
                        [
                            [x0, LAT0 - 0.012],
                            [x1, LAT0 - 0.012],
                            [x1, LAT0 + 0.012],
                            [x0, LAT0 + 0.012],
                            [x0, LAT0 - 0.012],
                        ]
                    ],
                },
            }
            for code, name, x0, x1 in (
                ("W", "Oeste", LON0 - 0.012, LON0),
                ("E", "Este", LON0, LON0 + 0.012),
            )
        ],
    }
    path = tmp_path / "barrios.geojson"
    path.write_text(json.dumps(west_east), encoding="utf-8")
    win = tiny_window
    old_layer = next(x for x in win.canvas.layers if x.kind == "districts")
    old_layer.opacity = 0.5
    dialog = win.data_tools.open_layer_import("districts")
    type_into(qtbot, dialog.path_edit, str(path), enter=False)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        press_import(qtbot, dialog)
    project = win.project
    assert sorted(project.districts["name"]) == ["Este", "Oeste"]
    assert set(project.demand.gdf["district_id"]) == set(project.districts["district_id"])
    new_layer = next(x for x in win.canvas.layers if x.kind == "districts")
    assert new_layer is not old_layer
    assert new_layer.opacity == 0.5
    assert sorted(new_layer.labels) == ["Este", "Oeste"]
    assert [x.kind for x in win.canvas.layers] == [
        "population",
        "roads",
        "districts",
        "facilities",
    ]
    assert win.is_modified
    assert project.metadata["sources"][-1]["layer"] == "districts"
    districts_tab = win.data_tools.attributes.district_model
    assert districts_tab.rowCount() == 2


def test_population_import_replaces_the_layer_inside_the_study_area(qtbot, tiny_window, tmp_path):
    from conftest import LAT0, LON0

    csv = tmp_path / "people.csv"
    csv.write_text(
        "lon,lat,population\n"
        f"{LON0 - 0.005},{LAT0 + 0.005},1200\n"
        f"{LON0 + 0.005},{LAT0 - 0.005},800\n"
        f"{LON0 + 1.0},{LAT0 + 1.0},5000\n",  # 150 km away: outside the districts
        encoding="utf-8",
    )
    win = tiny_window
    old_layer = next(x for x in win.canvas.layers if x.kind == "population")
    dialog = win.data_tools.open_layer_import("population")
    assert dialog.clip_check.isChecked()
    type_into(qtbot, dialog.path_edit, str(csv), enter=False)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        press_import(qtbot, dialog)
    demand = win.project.demand
    assert demand.total_population == pytest.approx(2000.0)
    assert sorted(demand.gdf["district_id"]) == ["N", "S"]
    new_layer = next(x for x in win.canvas.layers if x.kind == "population")
    assert new_layer is not old_layer
    assert win.is_modified
