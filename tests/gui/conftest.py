"""Fixtures of the GUI tests: Qt offscreen, a tiny project built in code, and the one window
fixture, `demo_window` (the demo city in a fresh main window per test)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import geopandas as gpd
import numpy as np
import pytest
from helpers import open_window
from shapely.geometry import box

from ccgeo.gui.app import guard_none_refcount
from ccgeo.model.demand import Demand
from ccgeo.model.facilities import Facilities
from ccgeo.model.roads import RoadData
from ccgeo.project import Project

if TYPE_CHECKING:
    from ccgeo.gui.main_window import MainWindow

# PySide6 6.12 on Python 3.11 drops a reference to None per void call; the app guards against
# it at start-up (see `guard_none_refcount`), and so must a long test session.
guard_none_refcount()

#: Centre of the tiny city, lon/lat degrees (Oaxaca de Juárez).
LON0, LAT0 = -96.72, 17.06
#: Grid step of the tiny road network, degrees (~1 km).
STEP = 0.01


def tiny_roads() -> RoadData:
    """A 3×3 street grid: a primary avenue, residential streets and a track, with bends."""
    ii, jj = np.meshgrid(np.arange(3), np.arange(3), indexing="ij")
    node_lonlat = np.column_stack([LON0 + (jj.ravel() - 1) * STEP, LAT0 + (ii.ravel() - 1) * STEP])
    pairs = [
        (0, 1),
        (1, 2),
        (3, 4),
        (4, 5),
        (6, 7),
        (7, 8),
        (0, 3),
        (3, 6),
        (1, 4),
        (4, 7),
        (2, 5),
        (5, 8),
    ]
    highway = ["residential", "residential", "primary", "primary", "track", "track"]
    highway += ["residential", "tertiary", "secondary", "secondary", "service", "footway"]
    u = np.array([p[0] for p in pairs])
    v = np.array([p[1] for p in pairs])
    # Each edge gets a middle vertex nudged sideways so geometries are not just straight lines.
    mid = (node_lonlat[u] + node_lonlat[v]) / 2 + np.array([0.0005, -0.0005])
    geom = np.stack([node_lonlat[u], mid, node_lonlat[v]], axis=1).reshape(-1, 2)
    m = len(pairs)
    return RoadData(
        node_osmid=np.arange(9, dtype=np.int64) + 100,
        node_lonlat=node_lonlat,
        edge_u=u.astype(np.int64),
        edge_v=v.astype(np.int64),
        edge_length_m=np.full(m, 1100.0),
        edge_highway=np.array(highway, dtype=object),
        edge_maxspeed_kmh=np.full(m, np.nan),
        edge_oneway=np.zeros(m, dtype=np.int8),
        edge_surface=np.array([""] * m, dtype=object),
        edge_way_id=np.arange(m, dtype=np.int64),
        geom_offsets=np.arange(0, 3 * m + 1, 3, dtype=np.int64),
        geom_lonlat=geom,
        source="tiny.osm.pbf",
    )


def tiny_facilities() -> Facilities:
    """Three labs: NGS with international EQA, PCR, and a hospital that only takes biopsies."""
    return Facilities.from_records(
        [
            {
                "facility_id": "F1",
                "name": "Hospital Central",
                "lon": LON0 + 0.004,
                "lat": LAT0 + 0.003,
                "biopsy": True,
                "histology": True,
                "ihc": True,
                "pcr": True,
                "ngs": True,
                "eqa": "international",
            },
            {
                "facility_id": "F2",
                "name": "Laboratorio Norte",
                "lon": LON0 - 0.006,
                "lat": LAT0 + 0.008,
                "pcr": True,
            },
            {
                "facility_id": "F3",
                "name": "Clínica Sur",
                "lon": LON0 + 0.007,
                "lat": LAT0 - 0.008,
                "biopsy": True,
            },
        ]
    )


def tiny_demand() -> Demand:
    """A 6×6 grid of population points ~400 m apart."""
    ii, jj = np.meshgrid(np.arange(6), np.arange(6), indexing="ij")
    lon = LON0 + (jj.ravel() - 2.5) * 0.004
    lat = LAT0 + (ii.ravel() - 2.5) * 0.004
    population = 200.0 + 100.0 * (ii.ravel() + jj.ravel())
    gdf = gpd.GeoDataFrame(
        {
            "demand_id": [f"D{k}" for k in range(36)],
            "population": population,
            "district_id": np.where(lat >= LAT0, "N", "S"),
        },
        geometry=gpd.points_from_xy(lon, lat),
        crs="EPSG:4326",
    )
    return Demand(gdf, source="tiny grid", kind="points")


def tiny_districts() -> gpd.GeoDataFrame:
    """Two districts, north and south of the centre line."""
    return gpd.GeoDataFrame(
        {"district_id": ["N", "S"], "name": ["Norte", "Sur"]},
        geometry=[
            box(LON0 - 0.012, LAT0, LON0 + 0.012, LAT0 + 0.012),
            box(LON0 - 0.012, LAT0 - 0.012, LON0 + 0.012, LAT0),
        ],
        crs="EPSG:4326",
    )


def make_tiny_project(name: str = "Tiny city") -> Project:
    """A complete small project: roads, facilities, population and districts."""
    return Project(
        name=name,
        facilities=tiny_facilities(),
        roads=tiny_roads(),
        demand=tiny_demand(),
        districts=tiny_districts(),
        metadata={"synthetic": True, "city": "Tiny city"},
    )


@pytest.fixture
def tiny_project() -> Project:
    """A fresh tiny project for each test."""
    return make_tiny_project()


@pytest.fixture
def project_factory():
    """``factory(name=...)`` building fresh tiny projects."""
    return make_tiny_project


@pytest.fixture(autouse=True)
def _speaks_english(qapp) -> Iterator[None]:
    """The app as it starts for an English speaker (`ccgeo.gui.app.run`): its English catalogue
    installed (the plural forms, "1 lab" / "2 labs"), and English again after a test that
    changed the language."""
    from ccgeo.gui.language import install_language

    install_language("en")
    yield
    install_language("en")


@pytest.fixture
def demo_window(qtbot, fresh_demo: Project) -> Iterator[MainWindow]:
    """A fresh main window showing this test's own copy of the demo city.

    Shown at 1366×768 (`helpers.WINDOW_SIZE`, a laptop screen: the docks scroll rather than
    make the window taller), errors to the log and `MainWindow.taskFailed` instead of message
    boxes, closed when the test ends. Every GUI test on the demo city uses it;
    other windows (empty, the tiny city, a second one to reopen a saved project) are built by
    `helpers.open_window`, the same way.
    """
    window = open_window(qtbot, fresh_demo)
    yield window
    window.close()


@pytest.fixture(autouse=True)
def _user_files_in_tmp(tmp_path_factory, monkeypatch):
    """Keep every GUI test away from the user's settings, recovery files and tile cache.

    Also answers the unsaved-changes prompt with Discard, so that closing a window with
    changes at the end of a test cannot block on a modal box; tests of the prompt replace it.
    """
    from PySide6.QtWidgets import QMessageBox

    from ccgeo.gui.main_window import MainWindow

    home = tmp_path_factory.mktemp("ccgeo-user")
    monkeypatch.setenv("CCGEO_SETTINGS", str(home / "settings.ini"))
    monkeypatch.setenv("CCGEO_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("CCGEO_CACHE_DIR", str(home / "cache"))
    monkeypatch.setattr(
        MainWindow, "ask_save_changes", lambda self: QMessageBox.StandardButton.Discard
    )
    return home
