"""The one table of file kinds: what a name means, which suffixes a kind has, dialog filters."""

from __future__ import annotations

from pathlib import Path

import pytest

from ccgeo.io.facilities import FACILITY_KINDS
from ccgeo.io.kinds import (
    FILE_TYPES,
    KINDS,
    dialog_filter,
    file_type,
    kind_of,
    suffixes,
    vector_driver,
)
from ccgeo.io.osm import ACCEPTED_SUFFIXES, ROAD_KINDS
from ccgeo.io.tables import TABLE_SUFFIXES


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("nairobi.ccgeo", "project"),
        ("kenya-latest.osm.pbf", "osm"),
        ("extract.PBF", "osm"),
        ("town.osm.bz2", "osm"),
        ("town.osm.gz", "osm"),
        ("town.osm", "osm"),
        ("jatinegara.graphml", "graphml"),
        ("labs.csv", "table"),
        ("labs.json", "table"),
        ("labs.xlsx", "workbook"),
        ("labs.ods", "workbook"),
        ("wards.gpkg", "vector"),
        ("wards.geojson", "vector"),
        ("wards.shp", "vector"),
        ("wards.zip", "vector"),
        ("worldpop.tif", "raster"),
        ("worldpop.vrt", "raster"),
        ("map.html", "webmap"),
        ("report.pdf", "pdf"),
        ("view.png", "image"),
        ("notes.docx", None),
        ("archive.bz2", None),
        ("no_suffix", None),
    ],
)
def test_kind_of_a_name(name: str, kind: str | None) -> None:
    assert kind_of(name) == kind
    assert kind_of(Path("/some/folder") / name) == kind


def test_longest_suffix_wins() -> None:
    entry = file_type("kenya-latest.osm.pbf")
    assert entry is not None
    assert entry.suffix == ".osm.pbf"
    assert entry.label == "OSM PBF"
    assert file_type("town.osm.bz2").label == "bzip2-compressed OSM XML"  # type: ignore[union-attr]


def test_a_reader_narrows_what_a_json_is() -> None:
    assert kind_of("x.json") == "table"  # records first
    assert kind_of("x.json", among=ROAD_KINDS) == "vector"  # GeoJSON road lines
    assert kind_of("x.json", among=FACILITY_KINDS) == "table"
    assert kind_of("x.csv", among=ROAD_KINDS) is None
    assert kind_of("x.json", among="vector") == "vector"


def test_unknown_kind_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown file kinds \\['roads'\\]"):
        kind_of("x.osm", among=("roads",))
    with pytest.raises(ValueError, match="unknown file kinds"):
        suffixes("spreadsheet")


def test_suffixes_in_table_order_each_once() -> None:
    assert suffixes("raster") == (".tif", ".tiff", ".vrt")
    assert suffixes("table", "workbook") == TABLE_SUFFIXES
    assert suffixes(*ROAD_KINDS) == ACCEPTED_SUFFIXES
    assert ACCEPTED_SUFFIXES.count(".json") == 1
    assert set(suffixes()) == {e.suffix for e in FILE_TYPES}
    assert ".osm.pbf" in ACCEPTED_SUFFIXES
    assert ".zip" in ACCEPTED_SUFFIXES


def test_every_entry_is_well_formed() -> None:
    for entry in FILE_TYPES:
        assert entry.kind in KINDS
        assert entry.suffix.startswith(".")
        assert entry.suffix == entry.suffix.lower()
        assert entry.label
        assert entry.driver is None or entry.kind == "vector"
    pairs = [(e.suffix, e.kind) for e in FILE_TYPES]
    assert len(pairs) == len(set(pairs))


def test_vector_drivers() -> None:
    assert vector_driver("out.gpkg") == "GPKG"
    assert vector_driver("OUT.GeoJSON") == "GeoJSON"
    assert vector_driver("out.json") == "GeoJSON"
    assert vector_driver("out.shp") == "ESRI Shapefile"
    assert vector_driver("out.fgb") == "FlatGeobuf"
    assert vector_driver("out.zip") is None  # read, not written
    assert vector_driver("out.csv") is None
    assert suffixes("vector", writable=True) == (".gpkg", ".geojson", ".json", ".shp", ".fgb")
    assert file_type("out.shp").sidecars == (".shx", ".dbf", ".prj", ".cpg")  # type: ignore[union-attr]


def test_dialog_filter() -> None:
    assert dialog_filter("project") == "ccgeo projects (*.ccgeo);;All files (*)"
    text = dialog_filter(("osm", "graphml"), title="Road networks")
    lines = text.split(";;")
    # *.pbf already shows x.osm.pbf
    assert lines[0] == "Road networks (*.osm.bz2 *.osm.gz *.pbf *.osm *.xml *.graphml)"
    assert lines[1].startswith("OpenStreetMap extracts (")
    assert lines[2] == "osmnx GraphML road networks (*.graphml)"
    assert lines[-1] == "All files (*)"
    default = dialog_filter(("table", "workbook")).split(";;")[0]
    assert default == "Tables, Spreadsheets (*.csv *.tsv *.txt *.json *.xlsx *.xlsm *.ods)"
