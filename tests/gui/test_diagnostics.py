"""Help ▸ Save diagnostics…: a zip for a bug report from an offline workshop, with the session's
log, the versions, the project's settings, sources and import reports, and none of its data."""

from __future__ import annotations

import json
import logging
import zipfile

import pytest
from helpers import open_window, use_menu
from PySide6.QtWidgets import QFileDialog

import ccgeo

pytestmark = pytest.mark.gui


def test_save_diagnostics_writes_the_log_and_versions_never_the_data(
    qtbot, tiny_project, tmp_path, monkeypatch
) -> None:
    window = open_window(qtbot, tiny_project)
    logging.getLogger("ccgeo.test").warning("a line the developers need to see")
    target = tmp_path / "for the developers"  # ".zip" is added
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    use_menu(qtbot, window, "Help", "Save diagnostics…")
    bundle = tmp_path / "for the developers.zip"
    assert bundle.is_file()
    assert str(bundle) in window.message_label.text()
    with zipfile.ZipFile(bundle) as z:
        names = set(z.namelist())
        texts = {name: z.read(name).decode("utf-8") for name in names}
    assert names == {
        "README.txt",
        "log.txt",
        "versions.json",
        "project.json",
        "import_reports.json",
    }
    assert "a line the developers need to see" in texts["log.txt"]
    found = json.loads(texts["versions.json"])
    assert found["ccgeo"] == ccgeo.__version__
    assert found["Qt"]
    facts = json.loads(texts["project.json"])
    assert facts["project"] == tiny_project.name
    assert facts["counts"]["facilities"] == len(tiny_project.facilities)
    # none of the project's data: no facility name, no coordinate
    everything = "\n".join(texts.values())
    gdf = tiny_project.facilities.gdf
    for name in gdf["name"]:
        assert str(name) not in everything
    for point in gdf.geometry:
        assert f"{point.x:.4f}" not in everything
        assert f"{point.y:.4f}" not in everything
