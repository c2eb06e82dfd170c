"""The data sources follow the layers: a layer replaced by another file names that file (its
name, when it was read, how many rows), for facilities, roads, population and districts; the
report's data-sources page lists what the project holds now."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import LAT0, LON0, tiny_districts
from helpers import click, import_facilities, open_window, type_into

from ccgeo.gui.main_window import MainWindow
from ccgeo.report.methods import data_sources_blocks

pytestmark = pytest.mark.gui


def _labs_csv(path: Path, n: int) -> Path:
    rows = [f"L{i},Lab {i},{LON0 + 0.001 * i},{LAT0 - 0.001 * i},yes" for i in range(n)]
    path.write_text("id,name,lon,lat,pcr\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def _import_layer(qtbot, window: MainWindow, kind: str, path: Path) -> None:
    """File ▸ Import ▸ Roads / Population / Districts with ``path``."""
    dialog = window.data_tools.open_layer_import(kind)
    type_into(qtbot, dialog.path_edit, str(path), enter=False)
    with qtbot.waitSignal(dialog.loaded, timeout=15_000):
        click(qtbot, dialog.import_button)


def _sources(window: MainWindow, layer: str) -> list[dict]:
    return [s for s in window.project.metadata["sources"] if s["layer"] == layer]


def _read_today(source: dict) -> bool:
    read_at = dt.datetime.fromisoformat(source["read_at"])
    return abs(dt.datetime.now(dt.UTC) - read_at) < dt.timedelta(minutes=10)


def _report_rows(window: MainWindow) -> list[tuple[str, ...]]:
    """The rows of the report's data-sources table (Layer, File, ...)."""
    table = next(b for b in data_sources_blocks(window.project) if hasattr(b, "rows"))
    return list(table.rows)


def test_replacing_the_facilities_names_the_new_file(qtbot, tiny_project, tmp_path) -> None:
    window = open_window(qtbot, tiny_project)
    first = _labs_csv(tmp_path / "labs_2023.csv", 4)
    second = _labs_csv(tmp_path / "labs_2024.csv", 2)
    import_facilities(qtbot, window, first)
    import_facilities(qtbot, window, second)
    assert len(window.project.facilities) == 2
    (source,) = _sources(window, "facilities")
    assert source["path"] == str(second)
    assert source["rows"] == 2
    assert _read_today(source)
    facility_rows = [row for row in _report_rows(window) if row[0] == "facilities"]
    assert [row[1] for row in facility_rows] == ["labs_2024.csv"]

    # facilities added from a third file: both files are sources now
    third = _labs_csv(tmp_path / "new_labs.csv", 3)
    import_facilities(qtbot, window, third, append=True)
    assert len(window.project.facilities) == 5
    added = _sources(window, "facilities")
    assert [(Path(s["path"]).name, s["rows"]) for s in added] == [
        ("labs_2024.csv", 2),
        ("new_labs.csv", 3),
    ]


def test_replacing_a_layer_names_the_new_file_and_its_rows(qtbot, tiny_project, tmp_path) -> None:
    window = open_window(qtbot, tiny_project)
    old = tmp_path / "districts_old.geojson"
    new = tmp_path / "districts_2024.geojson"
    tiny_districts().to_file(old, driver="GeoJSON")
    tiny_districts().iloc[:1].to_file(new, driver="GeoJSON")
    people = tmp_path / "people.csv"
    people.write_text(
        f"lon,lat,population\n{LON0 - 0.005},{LAT0 + 0.005},1200\n"
        f"{LON0 + 0.005},{LAT0 - 0.005},800\n",
        encoding="utf-8",
    )
    _import_layer(qtbot, window, "districts", old)
    _import_layer(qtbot, window, "population", people)  # both people live in the districts
    _import_layer(qtbot, window, "districts", new)
    (districts,) = _sources(window, "districts")
    assert (districts["path"], districts["rows"]) == (str(new), 1)
    (population,) = _sources(window, "population")
    assert (population["path"], population["rows"]) == (str(people), 2)
    assert all(_read_today(s) for s in (districts, population))
    files = {row[0]: row[1] for row in _report_rows(window)}
    assert files["districts"] == "districts_2024.geojson"


def _streets_osm(path: Path) -> Path:
    """Two residential streets crossing at the tiny city's centre, as OSM XML."""
    nodes = [(1, -0.004, 0.0), (2, 0.0, 0.0), (3, 0.004, 0.0), (4, 0.0, -0.004), (5, 0.0, 0.004)]
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<osm version="0.6" generator="test">']
    lines += [
        f'<node id="{i}" version="1" lat="{LAT0 + dy:.6f}" lon="{LON0 + dx:.6f}"/>'
        for i, dx, dy in nodes
    ]
    for way, refs in ((1, (1, 2, 3)), (2, (4, 2, 5))):
        nds = "".join(f'<nd ref="{r}"/>' for r in refs)
        lines.append(f'<way id="{way}" version="1">{nds}<tag k="highway" v="residential"/></way>')
    path.write_text("\n".join([*lines, "</osm>"]), encoding="utf-8")
    return path


def test_replacing_the_roads_names_the_new_file(qtbot, tiny_project, tmp_path) -> None:
    window = open_window(qtbot, tiny_project)
    roads = _streets_osm(tmp_path / "streets.osm")
    _import_layer(qtbot, window, "roads", roads)
    (source,) = _sources(window, "roads")
    assert source["path"] == str(roads)
    assert source["rows"] == window.project.roads.n_edges > 0
    assert _read_today(source)
