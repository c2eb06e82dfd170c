"""The .ccgeo project file: round trip of every part, atomic saving, refusing foreign files."""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import warnings
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pytest
import shapely

import ccgeo.project as project_module
from ccgeo.errors import CcgeoError, InputError
from ccgeo.model.demand import Demand
from ccgeo.model.facilities import Facilities
from ccgeo.model.reports import ImportReport
from ccgeo.model.roads import RoadData
from ccgeo.model.scenario import Scenario
from ccgeo.project import (
    FORMAT_VERSION,
    PROJECT_SUFFIX,
    Project,
    array_names,
    open_project,
    read_arrays,
    save_project,
    write_arrays,
)

# ---------------------------------------------------------------------------------------------
# fixtures


def _facilities() -> Facilities:
    fac = Facilities.from_records(
        [
            {
                "facility_id": "KNH",
                "name": "Kenyatta National Hospital",
                "lon": 36.807,
                "lat": -1.301,
                "histology": True,
                "ihc": True,
                "pcr": True,
                "eqa": "international",
                "accreditation": "iso15189",
                "capacity_tests_per_year": 12000,
                "ownership": "public",
                "Código CNES": "0012",
                "notes ": "reagents; 2024",
            },
            {
                "facility_id": "MBG",
                "name": "Mbagathi",
                "lon": 36.80,
                "lat": -1.31,
                "biopsy": True,
                "Código CNES": None,
                "notes ": "",
            },
        ]
    )
    gdf = fac.gdf.copy()
    gdf.loc[1, "review"] = True
    report = ImportReport(
        source="labs.xlsx", n_rows=3, n_imported=2, mapping={"Nombre": "name"}, sheet="Labs"
    )
    report.add(
        4,
        "rejected",
        "latitude 91.2 is outside -90..90",
        "check the coordinates",
        column="lat",
        value="91.2",
    )
    report.add(3, "doubtful", "no capability given", "set the capabilities", facility_id="MBG")
    return Facilities(gdf, report=report)


def _districts() -> gpd.GeoDataFrame:
    gdf = gpd.GeoDataFrame(
        {
            "district_id": ["1366", "1367"],
            "name": ["KITISURU", "PARKLANDS/HIGHRIDGE"],
            "county_code": np.array([47, 47], dtype="int32"),
            "area_km2": [20.5, np.nan],
            "fid": ["a", "b"],  # a name GDAL reserves in a GeoPackage
        },
        geometry=[
            shapely.box(36.78, -1.24, 36.80, -1.22),
            shapely.MultiPolygon(
                [shapely.box(36.80, -1.26, 36.82, -1.24), shapely.box(36.83, -1.26, 36.84, -1.25)]
            ),
        ],
        crs="EPSG:4326",
    )
    gdf.attrs = {
        "warnings": ["1 invalid polygons were repaired"],
        "source": "wards.geojson",
        "id_column": "ward_code",
    }
    return gdf


def _demand() -> Demand:
    gdf = gpd.GeoDataFrame(
        {
            "demand_id": ["r0_c0", "r0_c1", "r1_c0"],
            "population": [10.5, 3.0, 7.25],
            "district_id": ["1366", "", "1367"],
        },
        geometry=gpd.points_from_xy([36.79, 36.85, 36.81], [-1.23, -1.23, -1.25]),
        crs="EPSG:4326",
    )
    return Demand(
        gdf,
        source="pop.tif",
        kind="raster",
        cell_size_m=92.6,
        warnings=("3 cells had no data, counted as 0",),
    )


def _roads() -> RoadData:
    return RoadData(
        node_osmid=np.array([11, 12, 13], dtype=np.int64),
        node_lonlat=np.array([[36.80, -1.30], [36.81, -1.30], [36.81, -1.29]]),
        edge_u=np.array([0, 1], dtype=np.int64),
        edge_v=np.array([1, 2], dtype=np.int64),
        edge_length_m=np.array([1113.2, 1105.7]),
        edge_highway=np.array(["primary", "residential"], dtype=object),
        edge_maxspeed_kmh=np.array([50.0, np.nan]),
        edge_oneway=np.array([1, 0], dtype=np.int8),
        edge_surface=np.array(["asphalt", ""], dtype=object),
        edge_way_id=np.array([100, -1], dtype=np.int64),
        geom_offsets=np.array([0, 2, 5], dtype=np.int64),
        geom_lonlat=np.array(
            [[36.80, -1.30], [36.81, -1.30], [36.81, -1.30], [36.812, -1.295], [36.81, -1.29]]
        ),
        source="roads.osm.pbf",
        mode="car",
        edge_modes=np.array([3, 3], dtype=np.uint8),
        warnings=("2 ways reference nodes outside the extract",),
    )


def _project() -> Project:
    fac = _facilities()
    return Project(
        name="Nairobi — biomarker access",
        facilities=fac,
        roads=_roads(),
        demand=_demand(),
        districts=_districts(),
        import_reports=[fac.report] if fac.report else [],
        settings={
            "capability": "pcr",
            "quality": "eqa",
            "mode": "car",
            "thresholds_min": [30, 60, 120],
            "peak_factor": 1 / 3,
        },
        scenarios=[
            Scenario(
                name="Two new PCR hubs",
                description="GeneXpert at two county hospitals",
                added_hubs=({"hub_id": "H1", "lon": 36.9, "lat": -1.28, "capabilities": ["pcr"]},),
                upgrades={"MBG": ("histology", "ihc")},
                removed=("OLD",),
                settings={"max_minutes": 60},
            ),
            Scenario(name="Baseline"),
        ],
        metadata={
            "synthetic": False,
            "city": "Nairobi",
            "sources": [{"layer": "facilities", "path": "labs.xlsx", "read_at": "2025-01-02"}],
        },
    )


def _assert_roads_equal(a: RoadData, b: RoadData) -> None:
    arrays_a, arrays_b = a.to_arrays(), b.to_arrays()
    assert arrays_a.keys() == arrays_b.keys()
    for key, value in arrays_a.items():
        assert arrays_b[key].dtype == value.dtype, key
        np.testing.assert_array_equal(arrays_b[key], value, err_msg=key)
    assert (b.source, b.mode, b.warnings) == (a.source, a.mode, a.warnings)
    assert b.edge_highway.dtype == object


def _frame(gdf: gpd.GeoDataFrame) -> pd.DataFrame:
    return pd.DataFrame(gdf)


# ---------------------------------------------------------------------------------------------
# round trip


def test_round_trip_of_every_part(tmp_path: Path) -> None:
    original = _project()
    path = save_project(original, tmp_path / "nairobi")
    assert path == tmp_path / f"nairobi{PROJECT_SUFFIX}"
    assert original.path == path
    back = open_project(path)
    assert back.path == path
    assert back.name == original.name

    fac = back.facilities
    assert fac is not None
    pd.testing.assert_frame_equal(_frame(fac.gdf), _frame(original.facilities.gdf))
    assert fac.gdf["pcr"].dtype == bool
    assert fac.gdf["review"].tolist() == [False, True]
    assert np.isnan(fac.gdf["capacity_tests_per_year"].iloc[1])
    assert fac.gdf["Código CNES"].iloc[0] == "0012"
    assert fac.gdf["Código CNES"].isna().tolist() == [False, True]
    assert fac.extra_columns == ["Código CNES", "notes "]
    assert fac.report == original.facilities.report

    pd.testing.assert_frame_equal(_frame(back.districts), _frame(original.districts))
    assert back.districts.geom_type.tolist() == ["Polygon", "MultiPolygon"]
    assert back.districts.attrs == original.districts.attrs

    pd.testing.assert_frame_equal(_frame(back.demand.gdf), _frame(original.demand.gdf))
    assert (
        back.demand.source,
        back.demand.kind,
        back.demand.cell_size_m,
        back.demand.warnings,
    ) == (
        "pop.tif",
        "raster",
        92.6,
        ("3 cells had no data, counted as 0",),
    )
    _assert_roads_equal(original.roads, back.roads)
    assert back.settings == original.settings
    assert back.scenarios == original.scenarios
    assert back.import_reports == original.import_reports
    assert back.metadata == original.metadata


@pytest.mark.parametrize("missing", ["facilities", "roads", "demand", "districts"])
def test_round_trip_with_a_layer_missing(tmp_path: Path, missing: str) -> None:
    original = _project()
    setattr(original, missing, None)
    back = open_project(save_project(original, tmp_path / "p.ccgeo"))
    assert getattr(back, missing) is None
    for other in {"facilities", "roads", "demand", "districts"} - {missing}:
        assert getattr(back, other) is not None


def test_round_trip_of_an_empty_project(tmp_path: Path) -> None:
    path = save_project(Project(), tmp_path / "empty.ccgeo")
    back = open_project(path)
    assert (back.name, back.facilities, back.roads, back.demand, back.districts) == (
        "Untitled project",
        None,
        None,
        None,
        None,
    )
    assert (back.settings, back.scenarios, back.import_reports, back.metadata) == ({}, [], [], {})
    # still a GeoPackage GDAL recognises
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        pyogrio.list_layers(path)


def test_layers_open_in_a_gis_and_meta_is_plain_sqlite(tmp_path: Path) -> None:
    path = save_project(_project(), tmp_path / "p.ccgeo")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # the .ccgeo extension notice
        layers = {name: kind for name, kind in pyogrio.list_layers(path) if kind is not None}
        roads = pyogrio.read_dataframe(path, layer="roads")
    assert layers == {
        "facilities": "Point",
        "districts": "Unknown",
        "demand": "Point",
        "roads": "LineString",
    }
    assert roads[["highway", "maxspeed_kmh", "oneway", "surface"]].iloc[0].tolist() == [
        "primary",
        50.0,
        1,
        "asphalt",
    ]
    con = sqlite3.connect(path)
    try:
        meta = dict(con.execute("SELECT key, value FROM ccgeo_meta").fetchall())
        names = [r[0] for r in con.execute("SELECT name FROM ccgeo_arrays")]
    finally:
        con.close()
    assert json.loads(meta["format_version"]) == FORMAT_VERSION
    assert json.loads(meta["name"]) == "Nairobi — biomarker access"
    assert json.loads(meta["settings"])["thresholds_min"] == [30, 60, 120]
    assert names == ["roads"]


def test_an_edit_made_in_a_gis_comes_back(tmp_path: Path) -> None:
    path = save_project(_project(), tmp_path / "p.ccgeo")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # the .ccgeo extension notice
        layer = pyogrio.read_dataframe(path, layer="facilities")
        # a planner renames a lab and moves it, then saves the layer in QGIS
        layer.loc[0, "name"] = "KNH (main)"
        layer.loc[0, "geometry"] = shapely.Point(36.81, -1.30)
        pyogrio.write_dataframe(layer, path, layer="facilities", driver="GPKG")
    back = open_project(path).facilities.gdf
    assert back["name"].tolist() == ["KNH (main)", "Mbagathi"]
    assert back.geometry.iloc[0].equals(shapely.Point(36.81, -1.30))
    assert back["pcr"].dtype == bool
    assert list(back.columns) == list(_facilities().gdf.columns)


# ---------------------------------------------------------------------------------------------
# arrays


def test_write_and_read_arrays(tmp_path: Path) -> None:
    path = save_project(Project(name="x"), tmp_path / "p.ccgeo")
    arrays = {
        "indptr": np.array([0, 2, 3], dtype=np.int64),
        "seconds": np.array([1.5, np.inf, 2.0], dtype=np.float32),
        "label": np.array(["a", "bé"], dtype=object),
        "fixed": np.array(["x", "yy"]),
    }
    write_arrays(path, "network_car", arrays)
    back = read_arrays(path, "network_car")
    assert back is not None
    assert back.keys() == arrays.keys()
    for key, value in arrays.items():
        assert back[key].dtype == value.dtype
        np.testing.assert_array_equal(back[key], value)
    assert read_arrays(path, "network_walk") is None
    assert array_names(path) == ["network_car"]
    with pytest.raises(TypeError, match="may hold only str"):
        write_arrays(path, "bad", {"x": np.array([1, None], dtype=object)})
    with pytest.raises(InputError, match="save the project before"):
        write_arrays(tmp_path / "nope.ccgeo", "x", {})


def test_cached_arrays_survive_a_save_only_while_the_roads_are_unchanged(tmp_path: Path) -> None:
    project = _project()
    path = save_project(project, tmp_path / "p.ccgeo")
    write_arrays(path, "network_car", {"t": np.arange(4.0)})
    save_project(project, path)
    assert array_names(path) == ["network_car", "roads"]
    np.testing.assert_array_equal(read_arrays(path, "network_car")["t"], np.arange(4.0))

    # "save as" elsewhere carries them from the file the project came from
    copy = save_project(project, tmp_path / "copy.ccgeo")
    assert array_names(copy) == ["network_car", "roads"]

    roads = project.roads
    project.roads = RoadData(
        **{
            **{k: getattr(roads, k) for k in roads.__dataclass_fields__},
            "edge_length_m": roads.edge_length_m * 2,
        }
    )
    save_project(project, copy)
    assert array_names(copy) == ["roads"]


# ---------------------------------------------------------------------------------------------
# atomic save


def test_failed_save_leaves_old_file_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = save_project(_project(), tmp_path / "p.ccgeo")
    before = path.read_bytes()
    real = project_module._write_layer
    calls: list[str] = []

    def failing(target: Path, gdf: gpd.GeoDataFrame, layer: str) -> dict:
        calls.append(layer)
        if len(calls) == 2:
            raise RuntimeError("simulated crash while writing a layer")
        return real(target, gdf, layer)

    monkeypatch.setattr(project_module, "_write_layer", failing)
    changed = _project()
    changed.name = "changed"
    with pytest.raises(RuntimeError, match="simulated crash"):
        save_project(changed, path)
    assert calls == ["facilities", "districts"]
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.ccgeo"]
    assert open_project(path).name == "Nairobi — biomarker access"


def test_disk_full_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = save_project(_project(), tmp_path / "p.ccgeo")
    before = path.read_bytes()
    real = project_module._write_layer

    def full(target: Path, gdf: gpd.GeoDataFrame, layer: str) -> dict:
        if layer == "demand":
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(target, gdf, layer)

    monkeypatch.setattr(project_module, "_write_layer", full)
    with pytest.raises(
        InputError, match=r"the disk is full.*previous version of the project was left unchanged"
    ):
        save_project(_project(), path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.ccgeo"]


def test_disk_full_reported_by_sqlite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*_args: object, **_kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(project_module, "_create_empty_geopackage", full)
    with pytest.raises(InputError, match=r"the disk is full.*nothing was written"):
        save_project(Project(), tmp_path / "new.ccgeo")
    assert list(tmp_path.iterdir()) == []


def test_stale_temporary_file_is_replaced(tmp_path: Path) -> None:
    stale = tmp_path / f".p.tmp-{os.getpid()}.ccgeo"
    stale.write_bytes(b"left over by a crash")
    path = save_project(Project(name="fresh"), tmp_path / "p.ccgeo")
    assert open_project(path).name == "fresh"
    assert not stale.exists()


def test_save_into_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist; choose an existing folder"):
        save_project(Project(), tmp_path / "no" / "p.ccgeo")


# ---------------------------------------------------------------------------------------------
# refusing what is not a project


def test_open_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found; expected a ccgeo project"):
        open_project(tmp_path / "nope.ccgeo")


def test_open_text_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.ccgeo"
    path.write_text("lon,lat\n1,2\n")
    with pytest.raises(
        InputError, match="is not a ccgeo project: it is a text file, not a GeoPackage"
    ):
        open_project(path)


def test_open_plain_geopackage(tmp_path: Path) -> None:
    path = tmp_path / "wards.gpkg"
    _districts().drop(columns="fid").to_file(path, layer="wards")
    with pytest.raises(InputError, match=r"is a GeoPackage \(wards\) but not a ccgeo project"):
        open_project(path)


def test_open_newer_format(tmp_path: Path) -> None:
    path = save_project(Project(), tmp_path / "p.ccgeo")
    con = sqlite3.connect(path)
    try:
        con.execute(
            "UPDATE ccgeo_meta SET value = ? WHERE key = 'format_version'",
            (str(FORMAT_VERSION + 1),),
        )
        con.commit()
    finally:
        con.close()
    with pytest.raises(
        InputError, match=rf"newer ccgeo \(project format {FORMAT_VERSION + 1}\).*update ccgeo"
    ):
        open_project(path)


def test_open_project_with_a_layer_deleted(tmp_path: Path) -> None:
    path = save_project(_project(), tmp_path / "p.ccgeo")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        pyogrio.write_dataframe(_demand().gdf.iloc[:0], path, layer="other", driver="GPKG")
    con = sqlite3.connect(path)
    try:
        con.execute("DROP TABLE demand")
        con.execute("DELETE FROM gpkg_contents WHERE table_name = 'demand'")
        con.execute("DELETE FROM gpkg_geometry_columns WHERE table_name = 'demand'")
        con.commit()
    finally:
        con.close()
    with pytest.raises(InputError, match="lacks its layer"):
        open_project(path)


def test_errors_are_ccgeo_errors() -> None:
    assert issubclass(InputError, CcgeoError)


# ---------------------------------------------------------------------------------------------
# study area


def test_study_area(tmp_path: Path) -> None:
    project = _project()
    assert project.study_area().equals(shapely.union_all(project.districts.geometry.to_numpy()))
    project.districts = None
    assert project.study_area().bounds == pytest.approx(project.roads.bbox)
    project.roads = None
    area = project.study_area()
    assert area.contains(shapely.MultiPoint(project.facilities.lonlat()))
    project.facilities = None
    assert project.study_area() is None


@pytest.mark.shared_data
def test_real_roads_round_trip_exactly(shared_data: Path, tmp_path: Path) -> None:
    from ccgeo.io.osm import read_roads

    roads = read_roads(shared_data / "aguascalientes" / "aguascalientes.osm.pbf")
    assert roads.n_edges > 0
    back = open_project(save_project(Project(roads=roads), tmp_path / "ags.ccgeo"))
    _assert_roads_equal(roads, back.roads)


# ---------------------------------------------------------------------------------------------
# the planner's document: description, saved plans, the digest of the data


def _plans_of(project: Project) -> dict:
    """A siting and a referral plan of ``project`` (the demo city), made by the tasks, with a
    NaN, an infinity and a missing text put into the referral's tables."""
    import dataclasses

    from ccgeo.model.settings import ReferralSettings, SitingSettings, Travel
    from ccgeo.project import SavedPlan
    from ccgeo.tasks.referral import run_referral
    from ccgeo.tasks.siting import run_siting

    siting_settings = SitingSettings(travel=Travel(mode="walk"))
    siting = run_siting(project, siting_settings)
    referral_settings = ReferralSettings()
    referral = run_referral(project, referral_settings)
    spokes = referral.spokes.copy()
    spokes.loc[0, "sample_minutes"] = np.nan
    spokes.loc[1, "sample_minutes"] = np.inf
    spokes.loc[0, "reason"] = None
    referral = dataclasses.replace(referral, spokes=spokes)
    digest = project.data_digest()
    scenario = Scenario(name="What-if", removed=("F01",))
    return {
        "siting": SavedPlan(
            siting, siting_settings.to_dict(), None, "2025-03-04T05:06:07+00:00", digest
        ),
        "referral": SavedPlan(
            referral, referral_settings.to_dict(), scenario, "2025-03-04T05:07:00+00:00", digest
        ),
    }


def _assert_results_equal(a, b) -> None:
    """Equal results: every table with its dtypes (NaN where NaN), every other field."""
    import dataclasses

    assert type(a) is type(b)
    for item in dataclasses.fields(a):
        mine, theirs = getattr(a, item.name), getattr(b, item.name)
        if isinstance(mine, pd.DataFrame):
            assert type(theirs) is type(mine), item.name
            assert theirs.dtypes.astype(str).to_dict() == mine.dtypes.astype(str).to_dict()
            pd.testing.assert_frame_equal(pd.DataFrame(theirs), pd.DataFrame(mine), obj=item.name)
            if isinstance(mine, gpd.GeoDataFrame):
                assert theirs.crs == mine.crs, item.name
        else:
            assert theirs == mine, item.name


def test_plans_and_description_round_trip(tmp_path: Path, fresh_demo: Project) -> None:
    project = fresh_demo
    project.description = "Where to put PCR hubs;\nfor the ministry's review in March"
    project.plans = _plans_of(project)
    siting_hubs = project.plans["siting"].result.hubs
    assert siting_hubs["capacity_tests_per_year"].isna().any()  # a NaN the file must keep

    back = open_project(save_project(project, tmp_path / "plans.ccgeo"))
    assert back.description == project.description
    assert set(back.plans) == {"siting", "referral"}
    for kind, plan in project.plans.items():
        again = back.plans[kind]
        assert again.kind == kind
        _assert_results_equal(plan.result, again.result)
        assert (again.settings, again.scenario) == (plan.settings, plan.scenario)
        assert (again.made_at, again.data_digest) == (plan.made_at, plan.data_digest)
    spokes = back.plans["referral"].result.spokes
    assert np.isnan(spokes["sample_minutes"].iloc[0])
    assert np.isinf(spokes["sample_minutes"].iloc[1])
    assert pd.isna(spokes["reason"].iloc[0])
    assert spokes["servable"].dtype == bool
    assert spokes["pickups_per_week"].dtype == np.int64
    # the data did not change: the plans are not out of date
    assert back.data_digest() == project.plans["siting"].data_digest


def test_a_project_without_plans_or_description_round_trips(tmp_path: Path) -> None:
    back = open_project(save_project(Project(name="x"), tmp_path / "p.ccgeo"))
    assert (back.description, back.plans) == ("", {})


def test_data_digest_follows_the_data_and_nothing_else(tmp_path: Path, fresh_demo: Project) -> None:
    project = fresh_demo
    digest = project.data_digest()
    assert digest == project.data_digest()
    # what is not data: name, description, settings, scenarios, metadata, a save and reopen
    project.name, project.description = "Renamed", "Described"
    project.settings["siting"] = {"model": "lscp"}
    project.scenarios.append(Scenario(name="Other"))
    project.metadata["city"] = "Elsewhere"
    assert project.data_digest() == digest
    back = open_project(save_project(project, tmp_path / "p.ccgeo"))
    assert back.data_digest() == digest

    # a capability taken from one facility, then given back
    gdf = back.facilities.gdf
    had = bool(gdf.loc[0, "pcr"])
    gdf.loc[0, "pcr"] = not had
    assert back.data_digest() != digest
    gdf.loc[0, "pcr"] = had
    assert back.data_digest() == digest
    # a facility moved
    moved = gdf.geometry.iloc[0]
    gdf.loc[0, "geometry"] = shapely.Point(moved.x + 0.001, moved.y)
    assert back.data_digest() != digest
    gdf.loc[0, "geometry"] = moved
    assert back.data_digest() == digest
    # the facilities replaced by fewer
    back.facilities = Facilities(gdf.iloc[:-1].copy())
    assert back.data_digest() != digest
