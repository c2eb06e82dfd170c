"""Projects and result files as QGIS opens them: GeoPackage 1.3 that GDAL 3.6 reads (the GDAL of
QGIS 3.22, still on many workshop laptops), a QGIS style (QML and SLD) for every layer, the tables
and styles a user added in QGIS kept on save, and projects saved by earlier versions upgraded.

The checks with the system's GDAL 3.6 (``ogrinfo`` and GDAL's GeoPackage validator) skip with a
reason when it is not installed (``apt-get install gdal-bin python3-gdal``)."""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pytest
import shapely

from ccgeo.errors import InputError
from ccgeo.io.qgis_styles import OWNER, layer_renderer
from ccgeo.project import (
    GPKG_USER_VERSION,
    Project,
    open_project,
    read_arrays,
    save_copy,
    save_project,
)
from ccgeo.report.export import write_layers
from ccgeo.styles import FACILITY_STYLES
from ccgeo.tasks.settings import stored_settings

DATA = Path(__file__).parent / "data"
#: A tiny project saved by ccgeo as of Step 9 (GeoPackage 1.4 marker, no styles, the access
#: settings under the key of earlier versions); made by data/make_project_v0_9.py.
OLD_PROJECT = DATA / "project_v0_9.ccgeo"
LAYERS = ("facilities", "districts", "demand", "roads")
QGIS_NS = {"sld": "http://www.opengis.net/sld", "se": "http://www.opengis.net/se"}
SYSTEM_PYTHON = Path("/usr/bin/python3")


def _ogrinfo(*args: str) -> str:
    """The output of the system's ``ogrinfo`` (GDAL 3.6 on the CI machine)."""
    exe = shutil.which("ogrinfo")
    if exe is None:
        pytest.skip("the system's GDAL (ogrinfo) is not installed: apt-get install gdal-bin")
    done = subprocess.run([exe, *args], capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def _validate(path: Path) -> subprocess.CompletedProcess[str]:
    """GDAL's GeoPackage validator (OGC GeoPackage requirements), all errors listed (``-k``)."""
    has_it = SYSTEM_PYTHON.is_file() and (
        subprocess.run(
            [str(SYSTEM_PYTHON), "-c", "import osgeo_utils.samples.validate_gpkg"],
            capture_output=True,
            check=False,
        ).returncode
        == 0
    )
    if not has_it:
        pytest.skip("GDAL's GeoPackage validator is not installed: apt-get install python3-gdal")
    return subprocess.run(
        [str(SYSTEM_PYTHON), "-m", "osgeo_utils.samples.validate_gpkg", "-k", str(path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def _layer_blocks(info: str) -> dict[str, str]:
    """``ogrinfo -so -al`` output, by layer name."""
    parts = re.split(r"^Layer name: ", info, flags=re.MULTILINE)[1:]
    return {part.split("\n", 1)[0].strip(): part for part in parts}


def _read(path: Path, layer: str) -> gpd.GeoDataFrame:
    """A layer read with pyogrio; GDAL's notice that a project's extension is not .gpkg (on
    purpose) is silenced."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*non conformant file extension.*")
        return pyogrio.read_dataframe(path, layer=layer)


def _user_version(path: Path) -> int:
    with sqlite3.connect(path) as con:
        return int(con.execute("PRAGMA user_version").fetchone()[0])


def _styles(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as con:
        return con.execute(
            "SELECT f_table_name, f_geometry_column, styleName, styleQML, styleSLD, useAsDefault,"
            " owner FROM layer_styles ORDER BY id"
        ).fetchall()


@pytest.fixture(scope="module")
def saved(tmp_path_factory) -> tuple[Project, Path]:
    """The Step 9 project opened and saved again by this ccgeo."""
    project = open_project(OLD_PROJECT)
    path = save_project(project, tmp_path_factory.mktemp("saved") / "clinic.ccgeo")
    return project, path


# -- a project QGIS opens -----------------------------------------------------------------------


def test_gdal_36_opens_a_saved_project_with_its_layers_crs_and_counts(saved):
    project, path = saved
    assert _user_version(path) == GPKG_USER_VERSION == 10300
    blocks = _layer_blocks(_ogrinfo("-so", "-al", str(path)))
    expected = {
        "facilities": ("Point", len(project.facilities)),
        "districts": ("Polygon", len(project.districts)),
        "demand": ("Point", len(project.demand.gdf)),
        "roads": ("Line String", project.roads.n_edges),
    }
    for name, (geometry, count) in expected.items():
        block = blocks[name]
        assert f"Geometry: {geometry}\n" in block
        assert f"Feature Count: {count}\n" in block
        assert 'ID["EPSG",4326]' in block
    # ccgeo's own tables stay out of a GIS's layer list; the styles table is QGIS's
    assert set(blocks) == {*LAYERS, "layer_styles"}
    # and pyogrio (GDAL 3.12) reads every layer
    for name, (_, count) in expected.items():
        frame = _read(path, name)
        assert len(frame) == count
        assert frame.crs.to_epsg() == 4326


def test_ogrinfo_lists_a_style_per_layer(saved):
    _, path = saved
    out = _ogrinfo("-q", str(path), "-sql", "SELECT f_table_name, styleName FROM layer_styles")
    tables = re.findall(r"f_table_name \(String\) = (\w+)", out)
    assert sorted(tables) == sorted(LAYERS)
    assert out.count("styleName (String) = ccgeo style") == len(LAYERS)


def test_the_validator_finds_no_error(saved, tmp_path):
    _, path = saved
    # the validator checks the .gpkg extension first: a copy under that name has no error
    copy = tmp_path / "clinic.gpkg"
    shutil.copyfile(path, copy)
    done = _validate(copy)
    assert done.returncode == 0, done.stdout + done.stderr
    # the project's own file differs only by its extension (requirement 3), on purpose
    done = _validate(path)
    problems = [line for line in done.stdout.splitlines() + done.stderr.splitlines() if line]
    assert problems == ["Req 3: filename extension isn't .gpkg'"]


def test_ccgeo_tables_are_a_declared_extension(saved):
    _, path = saved
    with sqlite3.connect(path) as con:
        declared = con.execute(
            "SELECT table_name, scope FROM gpkg_extensions WHERE extension_name = 'ccgeo_project'"
        ).fetchall()
        kinds = dict(con.execute("SELECT table_name, data_type FROM gpkg_contents").fetchall())
    assert sorted(declared) == [("ccgeo_arrays", "read-write"), ("ccgeo_meta", "read-write")]
    assert kinds == {**dict.fromkeys(LAYERS, "features"), "layer_styles": "attributes"}


def test_each_style_is_qml_qgis_reads_and_sld(saved):
    _, path = saved
    rows = {row[0]: row for row in _styles(path)}
    renderers = {
        "facilities": "categorizedSymbol",
        "roads": "categorizedSymbol",
        "demand": "graduatedSymbol",
        "districts": "singleSymbol",
    }
    for table, kind in renderers.items():
        _, column, _, qml_text, sld_text, default, owner = rows[table]
        assert (column, default, owner) == ("geom", 1, OWNER)
        assert qml_text.startswith("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>")
        qml = ET.fromstring(qml_text.split("\n", 1)[1])
        assert qml.tag == "qgis"
        renderer = qml.find("renderer-v2")
        assert renderer is not None
        assert renderer.get("type") == kind
        classes = {layer.get("class") for layer in renderer.iter("layer")}
        assert classes <= {"SimpleMarker", "SimpleLine", "SimpleFill"}
        sld = ET.fromstring(sld_text.split("\n", 1)[1])
        assert sld.tag == "{http://www.opengis.net/sld}StyledLayerDescriptor"
        assert sld.get("version") == "1.1.0"
        assert sld.find("sld:NamedLayer/se:Name", QGIS_NS).text == table
    # the facility tiers as ccgeo draws them: one category (and one SLD rule) per tier
    qml = ET.fromstring(rows["facilities"][3].split("\n", 1)[1])
    categories = qml.findall("renderer-v2/categories/category")
    assert [c.get("value") for c in categories] == list(FACILITY_STYLES)
    shapes = [
        s.find("layer/Option/Option[@name='name']").get("value")
        for s in qml.findall("renderer-v2/symbols/symbol")
    ]
    assert shapes == [
        "circle" if style.symbol == "dot" else style.symbol for style in FACILITY_STYLES.values()
    ]
    sld = ET.fromstring(rows["facilities"][4].split("\n", 1)[1])
    assert len(sld.findall(".//se:Rule", QGIS_NS)) == len(FACILITY_STYLES)
    # the districts are labelled with their names
    districts = ET.fromstring(rows["districts"][3].split("\n", 1)[1])
    assert districts.get("labelsEnabled") == "1"
    assert districts.find("labeling/settings/text-style").get("fieldName") == "name"


# -- what a user added in QGIS stays ----------------------------------------------------------


def _add_in_qgis(path: Path) -> None:
    """What a QGIS user adds to a project file: a table of notes, a layer of their own (with its
    spatial index, through GDAL when the system has it) and a style saved as the default."""
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE field_notes (id INTEGER PRIMARY KEY, note TEXT)")
        con.execute("INSERT INTO field_notes (note) VALUES ('generator broken at KNH')")
        con.execute(
            "INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name,"
            " f_geometry_column, styleName, styleQML, styleSLD, useAsDefault, description,"
            " owner) VALUES ('', '', 'facilities', 'geom', 'my labs', ?, '', 1, 'mine', '')",
            ("<!DOCTYPE qgis><qgis><renderer-v2 type='singleSymbol'/></qgis>",),
        )
    if shutil.which("ogr2ogr") is not None:
        zones = path.with_name("zones.geojson")
        gpd.GeoDataFrame(
            {"zone": ["north", "south"]},
            geometry=[shapely.box(0, 0, 1, 1), shapely.box(0, -1, 1, 0)],
            crs="EPSG:4326",
        ).to_file(zones)
        subprocess.run(
            ["ogr2ogr", "-update", "-f", "GPKG", str(path), str(zones), "-nln", "my_zones"],
            check=True,
            capture_output=True,
        )


def test_tables_and_styles_added_in_qgis_survive_saves(tmp_path):
    path = save_project(open_project(OLD_PROJECT), tmp_path / "clinic.ccgeo")
    _add_in_qgis(path)
    project = open_project(path)
    save_project(project, path)
    save_project(project, path)  # twice: ccgeo's rows are replaced, never doubled

    with sqlite3.connect(path) as con:
        assert con.execute("SELECT note FROM field_notes").fetchall() == [
            ("generator broken at KNH",)
        ]
    rows = _styles(path)
    mine = [r for r in rows if r[2] == "my labs"]
    assert len(mine) == 1
    assert mine[0][5] == 1  # the user's default stays the default
    ours = {r[0]: r for r in rows if r[6] == OWNER}
    assert sorted(ours) == sorted(LAYERS)
    assert ours["facilities"][5] == 0  # ccgeo's style is one more to choose
    assert all(ours[t][5] == 1 for t in ("districts", "demand", "roads"))
    if shutil.which("ogr2ogr") is not None:
        assert len(_read(path, "my_zones")) == 2
        copy = tmp_path / "clinic.gpkg"
        shutil.copyfile(path, copy)
        done = _validate(copy)
        assert done.returncode == 0, done.stdout + done.stderr
    assert open_project(path).name == project.name


# -- a copy for colleagues --------------------------------------------------------------------


def test_save_copy_writes_a_geopackage_and_the_project_keeps_its_file(saved, tmp_path):
    project, path = saved
    copy = save_copy(project, tmp_path / "for QGIS")
    assert copy == tmp_path / "for QGIS.gpkg"
    assert project.path == path
    assert _user_version(copy) == 10300
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a .gpkg: no notice about the extension
        names = {str(n) for n in pyogrio.list_layers(copy)[:, 0]}
    assert names == {*LAYERS, "layer_styles"}
    assert sorted(r[0] for r in _styles(copy)) == sorted(LAYERS)
    assert open_project(copy).name == project.name
    with pytest.raises(InputError, match="own file"):
        save_copy(project.__class__(path=copy), copy)


# -- projects of earlier versions -------------------------------------------------------------


def _frame(gdf: gpd.GeoDataFrame) -> pd.DataFrame:
    out = pd.DataFrame(gdf.drop(columns=gdf.geometry.name))
    out["wkb"] = shapely.to_wkb(gdf.geometry.to_numpy())
    return out


def test_a_project_saved_by_step_9_opens_and_is_upgraded_on_save(tmp_path):
    assert _user_version(OLD_PROJECT) == 10400  # the marker GDAL 3.6 does not open as .ccgeo
    with sqlite3.connect(OLD_PROJECT) as con:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
    assert "layer_styles" not in tables
    old = open_project(OLD_PROJECT)
    assert old.name == "Vila Velha (saved by ccgeo Step 9)"
    assert (len(old.facilities), len(old.demand.gdf), old.roads.n_edges) == (5, 210, 192)
    assert len(old.districts) == 1
    # the access settings under the key of earlier versions are read as the access settings
    assert stored_settings(old, "access") == {"capability": "pcr", "thresholds_minutes": [15, 30]}
    assert [s.name for s in old.scenarios] == ["Close one lab"]

    path = save_project(old, tmp_path / "upgraded.ccgeo")
    assert _user_version(path) == 10300
    assert sorted(r[0] for r in _styles(path)) == sorted(LAYERS)
    new = open_project(path)
    assert (new.name, new.description, new.metadata) == (old.name, old.description, old.metadata)
    assert new.settings == old.settings
    assert [s.to_dict() for s in new.scenarios] == [s.to_dict() for s in old.scenarios]
    pd.testing.assert_frame_equal(_frame(new.facilities.gdf), _frame(old.facilities.gdf))
    pd.testing.assert_frame_equal(_frame(new.demand.gdf), _frame(old.demand.gdf))
    pd.testing.assert_frame_equal(_frame(new.districts), _frame(old.districts))
    old_arrays, new_arrays = read_arrays(OLD_PROJECT, "roads"), read_arrays(path, "roads")
    assert old_arrays.keys() == new_arrays.keys()
    for key, values in old_arrays.items():
        np.testing.assert_array_equal(new_arrays[key], values)
    assert _layer_blocks(_ogrinfo("-so", "-al", str(path))).keys() == {*LAYERS, "layer_styles"}


# -- result files -----------------------------------------------------------------------------


def _access_layers() -> dict[str, gpd.GeoDataFrame]:
    """The layers of an access.gpkg, with their real column names, around two labs."""
    labs = gpd.GeoDataFrame(
        {
            "facility_id": ["KNH", "MBG"],
            "name": ["Kenyatta", "Mbagathi"],
            "node": [3, 7],
            "snap_m": [12.5, 40.0],
            "usable": [True, True],
            "reason": ["", ""],
        },
        geometry=shapely.points([[36.807, -1.301], [36.80, -1.31]]),
        crs="EPSG:4326",
    )
    rings = [shapely.Point(36.8, -1.3).buffer(r) for r in (0.01, 0.02, 0.04)]
    isochrones = gpd.GeoDataFrame(
        {"band_min_from": [0.0, 15.0, 30.0], "band_min_to": [15.0, 30.0, 60.0]},
        geometry=[shapely.MultiPolygon([r]) for r in rings],
        crs="EPSG:4326",
    ).assign(area_km2=[1.2, 3.6, 12.0])
    demand = gpd.GeoDataFrame(
        {
            "demand_id": ["d1", "d2", "d3"],
            "population": [120.0, 80.5, 3.0],
            "district_id": ["1", "1", "2"],
            "seconds": [300.0, 2400.0, np.nan],
            "minutes": [5.0, 40.0, np.nan],
            "lab_id": ["KNH", "MBG", None],
            "status": ["ok", "ok", "unreachable"],
            "snap_m": [10.0, 20.0, 900.0],
        },
        geometry=shapely.points([[36.81, -1.30], [36.83, -1.32], [36.9, -1.4]]),
        crs="EPSG:4326",
    )
    return {"labs": labs, "isochrones": isochrones, "demand": demand}


def test_result_layers_open_in_qgis_with_style(tmp_path):
    layers = _access_layers()
    path = write_layers(tmp_path / "access.gpkg", layers)
    assert _user_version(path) == 10300
    rows = {r[0]: r for r in _styles(path)}
    assert sorted(rows) == sorted(layers)
    kinds = {
        name: ET.fromstring(row[3].split("\n", 1)[1]).find("renderer-v2").get("type")
        for name, row in rows.items()
    }
    assert kinds == {
        "labs": "singleSymbol",
        "isochrones": "graduatedSymbol",
        "demand": "graduatedSymbol",
    }
    # the people by travel time in the bands of the same analysis, the last band beyond them
    ranges = ET.fromstring(rows["demand"][3].split("\n", 1)[1]).findall(".//ranges/range")
    assert [float(r.get("upper")) for r in ranges][:3] == [15.0, 30.0, 60.0]
    for name, gdf in layers.items():
        assert len(pyogrio.read_dataframe(path, layer=name)) == len(gdf)
    done = _validate(path)
    assert done.returncode == 0, done.stdout + done.stderr
    blocks = _layer_blocks(_ogrinfo("-so", "-al", str(path)))
    assert "Feature Count: 3\n" in blocks["isochrones"]


def test_a_layer_without_a_palette_gets_a_plain_symbol():
    frame = pd.DataFrame({"value": [1, 2]})
    renderer = layer_renderer("my_points", frame, "Point")
    assert renderer.kind == "single"
    assert len(renderer.categories) == 1
