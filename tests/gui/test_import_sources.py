"""File ▸ Import ▸ Facilities with files from other systems (an ODK Central export, a KMZ from
Google Earth, DHIS2 organisation units): the wizard says what it recognised and fills in the
columns that system writes, and the import keeps the source's ids."""

from __future__ import annotations

import json

import pytest
from helpers import activate, choose, click, open_window, use_menu
from PySide6.QtWidgets import QFileDialog, QWizard
from test_file_sources import ODK_ROWS, dhis2_answer, google_earth_kmz, odk_csv

from ccgeo.gui.dialogs.import_wizard import NO_COLUMN, ImportWizard

pytestmark = pytest.mark.gui


def browse_to(qtbot, window, path, monkeypatch) -> ImportWizard:
    """File ▸ Import ▸ Facilities…, Browse… (the file dialog answers ``path``), Next."""
    chosen = []

    def answer(*_args, **_kwargs):
        chosen.append(str(path))
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", answer)
    use_menu(qtbot, window, "File", "Import", "Facilities…")
    wizard = window.data_tools.wizard
    qtbot.waitUntil(wizard.isVisible, timeout=5_000)
    activate(qtbot, wizard)
    page = wizard.file_page
    assert page.browse_button.isVisible()
    click(qtbot, page.browse_button)
    assert chosen == [str(path)]
    assert page.path_edit.text() == str(path)
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.MAPPING, timeout=15_000)
    return wizard


def check_rows(qtbot, wizard: ImportWizard) -> None:
    """No study area (the samples lie far from the tiny project's city), then Next: every row
    is checked."""
    choose(qtbot, wizard.mapping_page.area_combo, "none")
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.VALIDATION, timeout=15_000)
    qtbot.waitUntil(wizard.validation_page.progress.isHidden, timeout=15_000)


def test_the_wizard_recognises_an_odk_central_export(qtbot, tiny_project, tmp_path, monkeypatch):
    window = open_window(qtbot, tiny_project)
    wizard = browse_to(qtbot, window, odk_csv(tmp_path), monkeypatch)
    page = wizard.mapping_page
    assert page.source_label.isVisible()
    assert page.source_label.text() == (
        "Recognised: ODK Central export — geopoint 'site-location' split into "
        "latitude/longitude; ids from KEY"
    )
    assert page.combos["lat"].currentText() == "site-location-Latitude"
    assert page.combos["lon"].currentText() == "site-location-Longitude"
    assert page.combos["facility_id"].currentText() == "KEY"
    check_rows(qtbot, wizard)
    validation = wizard.validation_page
    assert validation.count_label.isVisible()
    assert "<b>3</b> imported · <b>1</b> rejected" in validation.count_label.text()
    assert validation.rows_listed("rejected") == [4]
    for button in (QWizard.WizardButton.NextButton, QWizard.WizardButton.FinishButton):
        click(qtbot, wizard.button(button))
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=15_000)
    ids = window.project.facilities.gdf["facility_id"].tolist()
    assert ids == [ODK_ROWS[i][7] for i in (0, 1, 3)]


def test_the_wizard_reads_every_folder_of_a_kmz(qtbot, tiny_project, tmp_path, monkeypatch):
    window = open_window(qtbot, tiny_project)
    wizard = browse_to(qtbot, window, google_earth_kmz(tmp_path), monkeypatch)
    assert not wizard.file_page.layer_combo.isEnabled()  # the folders are read together
    page = wizard.mapping_page
    assert page.source_label.isVisible()
    assert page.source_label.text().startswith(
        "Recognised: KML (Google Earth) — folders read together: Hospitales, Laboratorios"
    )
    assert page.combos["facility_id"].currentText() == "clues"
    assert page.combos["name"].currentText() == "Name"
    check_rows(qtbot, wizard)
    assert "<b>3</b> imported · <b>1</b> rejected" in wizard.validation_page.count_label.text()


def test_the_wizard_counts_dhis2_units_with_and_without_geometry(
    qtbot, tiny_project, tmp_path, monkeypatch
):
    path = tmp_path / "organisationUnits.json"
    path.write_text(json.dumps(dhis2_answer()), encoding="utf-8")
    window = open_window(qtbot, tiny_project)
    wizard = browse_to(qtbot, window, path, monkeypatch)
    page = wizard.mapping_page
    assert page.source_label.isVisible()
    text = page.source_label.text()
    assert text.startswith("Recognised: DHIS2 organisation units (API JSON) — ")
    assert "7 with a point, 2 without geometry" in text
    assert page.combos["facility_id"].currentText() == "id"
    assert page.combos["coordinates"].currentText() == NO_COLUMN


def test_a_plain_table_shows_no_recognition_line(qtbot, tiny_project, tmp_path, monkeypatch):
    path = tmp_path / "labs.csv"
    path.write_text("code,name,lat,lon\nA1,Lab A,-1.28,36.82\n", encoding="utf-8")
    window = open_window(qtbot, tiny_project)
    wizard = browse_to(qtbot, window, path, monkeypatch)
    assert not wizard.mapping_page.source_label.isVisible()
