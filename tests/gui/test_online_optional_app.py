"""The app's "Download by place name" without osmnx (an optional extra) says what to install."""

from __future__ import annotations

import sys

import pytest
from helpers import click, open_window, tick, type_into

from ccgeo.io import osm

pytestmark = pytest.mark.gui


def test_download_without_osmnx_names_the_extra_and_the_file_way(qtbot, tiny_project, monkeypatch):
    monkeypatch.setitem(sys.modules, "osmnx", None)  # as where osmnx is not installed
    monkeypatch.setattr(osm, "internet_available", lambda **_kw: True)
    window = open_window(qtbot, tiny_project)
    roads_before = window.project.roads
    dialog = window.data_tools.open_layer_import("roads")
    tick(qtbot, dialog.download_radio)
    type_into(qtbot, dialog.place_edit, "Lusaka, Zambia", enter=False)
    click(qtbot, dialog.import_button)
    qtbot.waitUntil(lambda: dialog.error_text() != "", timeout=10_000)
    text = dialog.error_text()
    assert "'Lusaka, Zambia' needs the osmnx package" in text
    assert 'pip install "ccgeo[online]"' in text
    assert ".osm.pbf" in text
    assert "Traceback" not in text
    assert dialog.isVisible()  # stays open: the user can choose a file instead
    assert window.project.roads is roads_before
    dialog.reject()
