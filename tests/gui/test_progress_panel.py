"""File ▸ Progress Over Time…: two versions of a tiny city (``tests/progresskit.py``: a PCR hub
opens beside the far district) compared in the background, with the status bar's progress and
Cancel, then the sentences and the table in a dock tabbed with Results, and the page one click
away; the app's table is the command line's (one engine). Reached as a person does: the menu,
the fields, the buttons."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import pytest
from helpers import TIMEOUT_MS, click, open_window, type_into, use_menu
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton, QTableWidget

from ccgeo.cli import main

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    from progresskit import save_versions

    return save_versions(tmp_path_factory.mktemp("versions"))


def _dialog(qtbot, window) -> QDialog:
    """File ▸ Progress Over Time…, and the dialog it opens."""
    use_menu(qtbot, window, "File", "Progress Over Time…")

    def dialogs() -> list[QDialog]:
        return [d for d in window.findChildren(QDialog, "progress_run_dialog") if d.isVisible()]

    qtbot.waitUntil(lambda: bool(dialogs()), timeout=5_000)
    return dialogs()[0]


def _start(qtbot, window, before: Path, after: Path, out: Path) -> None:
    """Type both versions and the output folder, click Compare Versions."""
    dialog = _dialog(qtbot, window)
    run = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Compare Versions")
    assert not run.isEnabled()  # nothing chosen yet
    for name, path in (("progress_before", before), ("progress_after", after)):
        type_into(qtbot, dialog.findChild(QLineEdit, name), str(path), enter=False)
    type_into(qtbot, dialog.findChild(QLineEdit, "progress_out_folder"), str(out), enter=False)
    click(qtbot, run)
    assert not dialog.isVisible()


def test_two_versions_are_compared_and_shown_as_the_cli_writes_them(
    qtbot, versions, tmp_path, monkeypatch
):
    window = open_window(qtbot)
    dock = window.docks["progress"]
    assert not dock.isVisible()
    out = tmp_path / "app"
    _start(qtbot, window, *versions, out)
    assert window.progress_bar.isVisible()
    assert window.cancel_button.isVisible()
    qtbot.waitUntil(dock.isVisible, timeout=TIMEOUT_MS)
    assert not window.progress_bar.isVisible()
    assert window.docks["results"].isVisible()  # a tab beside Results
    assert dock in window.tabifiedDockWidgets(window.docks["results"])

    sentences = dock.findChild(QLabel, "progress_sentences")
    assert sentences.isVisible()
    lines = sentences.text().splitlines()
    assert (
        "• 30-minute coverage of PCR rose from 50.0 % to 100.0 % (+50.0 pts), most in District B "
        "(+100.0 pts)" in lines
    )
    assert "Draft scale" in dock.findChild(QLabel, "progress_draft_note").text()

    table = dock.findChild(QTableWidget, "progress_table")
    assert table.isVisible()
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == [
        "Test",
        "Indicator",
        "Before",
        "After",
        "Change",
        "Level before",
        "Level after",
    ]
    rows = [[table.item(r, c).text() for c in range(len(headers))] for r in range(table.rowCount())]
    assert ["PCR", "30-minute coverage", "50.0 %", "100.0 %", "+50.0 pts"] in [r[:5] for r in rows]
    ihc = [r for r in rows if r[0] == "IHC" and r[1] == "30-minute coverage"]
    assert [r[4] for r in ihc] == ["+0.0 pts"]

    # one engine: the command line writes the same table as the app
    cli = tmp_path / "cli"
    assert main(["progress", *map(str, versions), "--out", str(cli), "-q"]) == 0
    app_csv = pd.read_csv(out / "progress.csv", keep_default_na=False, na_values=[""])
    cli_csv = pd.read_csv(cli / "progress.csv", keep_default_na=False, na_values=[""])
    pd.testing.assert_frame_equal(
        app_csv.drop(columns=["before", "after", "change"]),
        cli_csv.drop(columns=["before", "after", "change"]),
    )
    for column in ("before", "after", "change"):
        np.testing.assert_allclose(app_csv[column], cli_csv[column], equal_nan=True)

    opened = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True)
    )
    button = dock.findChild(QPushButton, "progress_open_page")
    assert button.isVisible()
    click(qtbot, button)
    assert [u.toLocalFile() for u in opened] == [str(out / "progress.html")]


def test_closing_the_dialog_runs_nothing(qtbot):
    window = open_window(qtbot)
    dialog = _dialog(qtbot, window)
    cancel = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel")
    click(qtbot, cancel)
    assert not dialog.isVisible()
    assert not window.progress_bar.isVisible()
    assert not window.docks["progress"].isVisible()
