"""File ▸ Import ▸ Facilities with a file that is not a facility list: the wizard says what the
file is and where it belongs, and stays on its first step."""

from __future__ import annotations

import pytest
from helpers import activate, click, open_window, type_into
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from wrong_files import WRONG_FILES, WrongFile, write

from ccgeo.gui.dialogs.import_wizard import ImportWizard

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("wrong", WRONG_FILES, ids=lambda w: w.name)
def test_the_wizard_refuses_a_file_of_another_kind(qtbot, tiny_project, tmp_path, wrong: WrongFile):
    window = open_window(qtbot, tiny_project)
    path = write(tmp_path, wrong)
    window.data_tools.act_import_facilities.trigger()
    wizard = window.data_tools.wizard
    assert wizard.isVisible()
    activate(qtbot, wizard)
    page = wizard.file_page
    type_into(qtbot, page.path_edit, str(path), enter=False)
    qtbot.keyClick(page.path_edit, Qt.Key.Key_Tab)
    assert page.error_label.isVisible()  # said at once, and again on Next
    assert wrong.fix in page.error_label.text()
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    qtbot.waitUntil(page.progress.isHidden, timeout=10_000)
    assert wizard.currentId() == ImportWizard.FILE
    text = page.error_label.text()
    assert page.error_label.isVisible()
    assert str(path) in text
    assert wrong.what in text
    assert wrong.fix in text
    assert "bug" not in text
    assert len(window.project.facilities) == 3  # the project's facilities are untouched
