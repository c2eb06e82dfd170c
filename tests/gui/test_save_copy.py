"""File ▸ Save a Copy as GeoPackage: a .gpkg for colleagues who use QGIS, the project unchanged."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pyogrio
from helpers import TIMEOUT_MS, open_window, use_menu
from PySide6.QtWidgets import QFileDialog

from ccgeo.project import open_project, save_project


def test_save_a_copy_as_geopackage_from_the_file_menu(qtbot, tiny_project, tmp_path, monkeypatch):
    own = save_project(tiny_project, tmp_path / "tiny.ccgeo")
    window = open_window(qtbot, tiny_project)
    window.set_modified(True)  # unsaved edits stay unsaved: the copy is not the project's file
    asked: list[tuple] = []

    def answer(*args, **kwargs):
        asked.append(args)
        return str(tmp_path / "for a colleague"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    use_menu(qtbot, window, "File", "Save a Copy as GeoPackage…")
    copy = tmp_path / "for a colleague.gpkg"
    qtbot.waitUntil(lambda: copy.is_file() and window.progress_bar.isHidden(), timeout=TIMEOUT_MS)

    assert len(asked) == 1
    assert asked[0][1] == "Save a copy as GeoPackage"
    assert "*.gpkg" in asked[0][3]
    assert Path(window.project.path) == own  # the project keeps its own file
    assert window.is_modified
    assert "Saved a copy as" in window.message_label.text()
    # a GeoPackage 1.3 with a QGIS style per layer, which ccgeo opens too
    with sqlite3.connect(copy) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == 10300
        styled = {r[0] for r in con.execute("SELECT f_table_name FROM layer_styles")}
    layers = {str(name) for name in pyogrio.list_layers(copy)[:, 0]}
    assert {"facilities", "districts", "demand", "roads"} <= layers
    assert {"facilities", "districts", "demand", "roads"} <= styled
    again = open_project(copy)
    assert len(again.facilities) == len(tiny_project.facilities)
