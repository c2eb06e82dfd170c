"""The synthetic demo city: reproducible files that the real readers import as promised."""

from __future__ import annotations

import hashlib
import threading
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
import shapely
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from scipy.spatial import cKDTree

from ccgeo.demo import (
    CITY_NAME,
    DEMO_ANALYSIS,
    DEMO_FILES,
    PROJECT_NAME,
    generate_demo,
    load_demo_project,
    main,
)
from ccgeo.errors import Cancelled, InputError
from ccgeo.geo import local_utm_crs, project_lonlat
from ccgeo.io.facilities import read_facilities
from ccgeo.io.osm import read_roads
from ccgeo.io.population import read_districts, read_population, study_area_of
from ccgeo.io.tables import list_sheets, read_table
from ccgeo.model.roads import RoadData
from ccgeo.model.settings import AccessSettings
from ccgeo.project import Project
from ccgeo.tasks.settings import has_run, resolve

CENTRE = (34.5, -8.5)
UTM = local_utm_crs(*CENTRE)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return generate_demo(tmp_path_factory.mktemp("demo"))


@pytest.fixture(scope="module")
def roads(demo_dir: Path) -> RoadData:
    return read_roads(demo_dir / DEMO_FILES["roads"], mode="all")


@pytest.fixture(scope="module")
def osm_ways(demo_dir: Path) -> list[tuple[int, dict[str, str], list[int]]]:
    """Every way of the PBF as (id, tags, node ids), read straight with pyosmium."""
    import osmium

    ways = []
    for way in osmium.FileProcessor(str(demo_dir / DEMO_FILES["roads"]), osmium.osm.WAY):
        ways.append((way.id, {t.k: t.v for t in way.tags}, [n.ref for n in way.nodes]))
    return ways


@pytest.fixture(scope="module")
def districts(demo_dir: Path):
    return read_districts(demo_dir / DEMO_FILES["districts"])


@pytest.fixture(scope="module")
def study_area(districts):
    return study_area_of(districts=districts)


def _components(roads: RoadData, mask: np.ndarray) -> np.ndarray:
    """Sizes of the connected components (in nodes) of the edges in ``mask``, largest first."""
    n = roads.n_nodes
    graph = coo_matrix(
        (np.ones(int(mask.sum())), (roads.edge_u[mask], roads.edge_v[mask])), shape=(n, n)
    )
    _, labels = connected_components(graph, directed=False)
    return np.sort(np.bincount(labels))[::-1]


# -- reproducibility ------------------------------------------------------------------------------


def test_generate_writes_every_file(generated: dict[str, Path]) -> None:
    assert set(generated) == {*DEMO_FILES, "readme"}
    for key, name in DEMO_FILES.items():
        assert generated[key].name == name
        assert generated[key].stat().st_size > 1000
    total = sum(p.stat().st_size for p in generated.values())
    assert total < 3 * 1024 * 1024


@pytest.mark.parametrize("key", [*DEMO_FILES, "readme"])
def test_regeneration_is_byte_identical_to_the_bundled_files(
    generated: dict[str, Path], demo_dir: Path, key: str
) -> None:
    bundled = demo_dir / generated[key].name
    assert bundled.is_file(), f"{bundled} is missing; write it with `ccgeo demo {demo_dir}`"
    assert _sha256(generated[key]) == _sha256(bundled), (
        f"{bundled.name} differs from a fresh `generate_demo`; regenerate layers/demo"
    )


def test_another_seed_gives_another_city(tmp_path: Path, demo_dir: Path) -> None:
    paths = generate_demo(tmp_path, seed=7)
    assert _sha256(paths["roads"]) != _sha256(demo_dir / DEMO_FILES["roads"])


def test_generate_into_a_file_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "not_a_folder"
    target.write_text("x")
    with pytest.raises(InputError, match="is a file; give a folder"):
        generate_demo(target)


def test_module_entry_point_needs_one_folder(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "usage: python -m ccgeo.demo DIR" in capsys.readouterr().err


def test_every_file_says_it_is_synthetic(demo_dir: Path, osm_ways) -> None:
    import osmium
    import rasterio

    reader = osmium.io.Reader(str(demo_dir / DEMO_FILES["roads"]), osmium.osm.NOTHING)
    assert "SYNTHETIC" in reader.header().get("generator")
    reader.close()
    with rasterio.open(demo_dir / DEMO_FILES["population"]) as src:
        assert src.tags()["synthetic"] == "true"
    assert '"synthetic":true' in (demo_dir / DEMO_FILES["districts"]).read_text("utf-8")
    notes = read_table(demo_dir / DEMO_FILES["facilities"], sheet="notas")
    assert "SINTÉTICOS" in " ".join(str(c) for c in [*notes.columns, *notes.iloc[:, 0]])
    assert "synthetic" in (demo_dir / "README.md").read_text("utf-8").lower()


# -- roads --------------------------------------------------------------------------------------


def test_roads_have_the_promised_hierarchy(roads: RoadData) -> None:
    counts = roads.highway_counts()
    for cls in (
        "trunk",
        "primary",
        "secondary",
        "tertiary",
        "residential",
        "living_street",
        "unclassified",
        "track",
        "footway",
        "path",
    ):
        assert counts.get(cls, 0) > 0, f"no {cls} edge in {counts}"
    assert 20_000 <= roads.n_edges <= 40_000
    assert counts["residential"] > counts["tertiary"] > counts["primary"]
    assert np.isfinite(roads.edge_maxspeed_kmh).sum() > 500
    unpaved_tracks = (roads.edge_highway == "track") & np.isin(
        roads.edge_surface, ["dirt", "unpaved"]
    )
    assert unpaved_tracks.sum() > 1_000


def test_one_way_streets_run_as_tagged(roads: RoadData, osm_ways) -> None:
    minus = [(wid, nodes) for wid, tags, nodes in osm_ways if tags.get("oneway") == "-1"]
    forward = [wid for wid, tags, _ in osm_ways if tags.get("oneway") == "yes"]
    assert minus
    assert len(forward) > 50
    assert roads.edge_oneway[np.isin(roads.edge_way_id, forward)].all()
    # oneway=-1: travel runs against the drawing, so every edge goes from a later node to an earlier
    wid, nodes = minus[0]
    order = {osmid: k for k, osmid in enumerate(nodes)}
    edges = np.flatnonzero(roads.edge_way_id == wid)
    assert edges.size
    assert roads.edge_oneway[edges].all()
    u = roads.node_osmid[roads.edge_u[edges]]
    v = roads.node_osmid[roads.edge_v[edges]]
    assert all(order[a] > order[b] for a, b in zip(u, v, strict=True))
    # the roundabout is one-way through its junction tag alone
    ring = [wid for wid, tags, _ in osm_ways if tags.get("junction") == "roundabout"]
    assert len(ring) == 1
    assert roads.edge_oneway[roads.edge_way_id == ring[0]].all()


def test_river_and_buildings_are_not_roads(roads: RoadData, osm_ways) -> None:
    river = [(wid, tags) for wid, tags, _ in osm_ways if tags.get("waterway") == "river"]
    assert len(river) == 1
    assert "highway" not in river[0][1]
    buildings = [wid for wid, tags, _ in osm_ways if tags.get("building") == "yes"]
    assert len(buildings) > 100
    assert not np.isin(roads.edge_way_id, [river[0][0], *buildings]).any()


def test_the_river_splits_the_city_except_at_its_bridges(roads: RoadData, osm_ways) -> None:
    bridges = [(wid, tags) for wid, tags, _ in osm_ways if tags.get("bridge") == "yes"]
    assert 3 <= len(bridges) <= 4
    assert sum(tags["highway"] == "footway" for _, tags in bridges) == 1
    with_bridges = _components(roads, np.ones(roads.n_edges, dtype=bool))
    assert with_bridges[0] > 0.99 * roads.n_nodes
    dry = ~np.isin(roads.edge_way_id, [wid for wid, _ in bridges])
    without = _components(roads, dry)
    # two large halves remain, north and south of the river
    assert without[0] < 0.8 * roads.n_nodes
    assert without[1] > 0.25 * roads.n_nodes


# -- population and districts -------------------------------------------------------------------


def test_population_total_and_nodata(demo_dir: Path, districts, study_area) -> None:
    import rasterio

    path = demo_dir / DEMO_FILES["population"]
    with rasterio.open(path) as src:
        assert src.crs.to_epsg() == 4326
        assert src.dtypes[0] == "float32"
        assert src.nodata == -99999.0
        assert src.profile["compress"] == "deflate"
        data = src.read(1)
        res_m = abs(src.res[0]) * 111_320 * np.cos(np.radians(CENTRE[1]))
    assert 80 < res_m < 120
    n_nodata = int((data == -99999.0).sum())
    assert 1 <= n_nodata <= 100
    demand = read_population(path, districts=districts, study_area=study_area)
    assert 1_000_000 <= demand.total_population <= 3_000_000
    assert demand.total_population == pytest.approx(1_850_000, rel=1e-6)
    assert any("no data" in w for w in demand.warnings)


def test_nobody_lives_in_the_river(demo_dir: Path, osm_ways) -> None:
    import osmium
    import rasterio

    river_nodes = {n for _, tags, nodes in osm_ways if tags.get("waterway") for n in nodes}
    lonlat = [
        (n.lon, n.lat)
        for n in osmium.FileProcessor(str(demo_dir / DEMO_FILES["roads"]), osmium.osm.NODE)
        if n.id in river_nodes
    ]
    with rasterio.open(demo_dir / DEMO_FILES["population"]) as src:
        inside = [
            (lon, lat)
            for lon, lat in lonlat
            if src.bounds.left < lon < src.bounds.right and src.bounds.bottom < lat < src.bounds.top
        ]
        values = np.array([v[0] for v in src.sample(inside)])
    assert len(values) > 100
    assert np.isin(values, [0.0, -99999.0]).all()


def test_twelve_districts_tile_the_city(districts, study_area, demo_dir: Path) -> None:
    assert len(districts) == 12
    assert districts["district_id"].is_unique
    assert districts["name"].is_unique
    metric = districts.to_crs(UTM)
    areas = metric.area.to_numpy()
    union = shapely.union_all(metric.geometry.to_numpy())
    assert union.geom_type == "Polygon"
    assert len(union.interiors) == 0
    assert union.area == pytest.approx(areas.sum(), rel=1e-9)  # no overlaps
    demand = read_population(
        demo_dir / DEMO_FILES["population"], districts=districts, study_area=study_area
    )
    outside = demand.gdf["district_id"] == ""
    assert demand.gdf.loc[outside, "population"].sum() == 0
    per_district = demand.gdf.groupby("district_id")["population"].sum()
    assert len(per_district) == 12
    assert (per_district > 10_000).all()


# -- facilities ---------------------------------------------------------------------------------


def test_facility_sheet_imports_cleanly(demo_dir: Path, study_area) -> None:
    path = demo_dir / DEMO_FILES["facilities"]
    assert list_sheets(path) == ["facilities", "notas"]
    fac = read_facilities(path, sheet="facilities", study_area=study_area)
    report = fac.report
    assert report is not None
    assert report.n_rows == len(fac) == 60
    assert report.n_rejected == 0
    assert not report.doubtful
    gdf = fac.gdf
    assert int(gdf["pcr"].sum()) == 4
    assert int(gdf["ngs"].sum()) == 2
    assert int(gdf["ihc"].sum()) == 5
    assert gdf.loc[gdf["flow"], "name"].tolist() == ["Hospital Central de Vila Demo"]
    assert gdf.loc[gdf["pcr"], "name"].str.contains("GeneXpert").sum() == 1
    assert set(gdf["eqa"]) == {"none", "national", "international"}
    assert (gdf["accreditation"] == "iso15189").sum() == 3
    assert set(gdf["ownership"]) == {"public", "private", "faith_based", "ngo", "military"}
    assert (gdf.loc[gdf["histology"], "capacity_tests_per_year"] > 0).all()
    # "sim"/"não" columns and the text column agree, so no row is doubtful (checked above)
    assert report.mapping["tests"] == "Exames"


def test_the_notes_sheet_is_not_a_facility_table(demo_dir: Path) -> None:
    with pytest.raises(InputError, match="no location columns"):
        read_facilities(demo_dir / DEMO_FILES["facilities"], sheet="notas")


def test_facilities_stand_beside_streets_on_dry_land(
    demo_dir: Path, roads: RoadData, osm_ways, study_area
) -> None:
    import osmium

    fac = read_facilities(
        demo_dir / DEMO_FILES["facilities"], sheet="facilities", study_area=study_area
    )
    xy = project_lonlat(fac.lonlat(), UTM)
    street = roads.edge_highway != "track"
    street_nodes = np.unique(np.concatenate([roads.edge_u[street], roads.edge_v[street]]))
    dist, _ = cKDTree(project_lonlat(roads.node_lonlat[street_nodes], UTM)).query(xy)
    assert dist.max() < 200.0
    assert np.median(dist) < 60.0
    river_nodes = next(nodes for _, tags, nodes in osm_ways if tags.get("waterway") == "river")
    where = {
        n.id: (n.lon, n.lat)
        for n in osmium.FileProcessor(str(demo_dir / DEMO_FILES["roads"]), osmium.osm.NODE)
        if n.id in set(river_nodes)
    }
    river = shapely.LineString(project_lonlat(np.array([where[n] for n in river_nodes]), UTM))
    assert shapely.distance(river, shapely.points(xy)).min() > 45.0
    # labs sit in the centre, health centres reach the edge: the peri-urban gaps are real
    centre = project_lonlat(np.array([CENTRE]), UTM)[0]
    radius = np.hypot(*(xy - centre).T)
    labs = fac.gdf["ihc"].to_numpy() | fac.gdf["pcr"].to_numpy()
    assert np.median(radius[labs]) < 0.6 * np.median(radius[~labs])
    assert radius[~labs].max() > 6_000


def test_messy_export_reports_its_planted_problems(demo_dir: Path, study_area) -> None:
    path = demo_dir / DEMO_FILES["facilities_messy"]
    raw = path.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert raw.decode("cp1252").splitlines()[0].count(";") == 10
    fac = read_facilities(path, study_area=study_area)
    report = fac.report
    assert report is not None
    assert report.mapping["tests"] == "examens"
    assert report.n_rows == 61
    rejected = Counter(
        "no location"
        if i.problem == "no location"
        else "duplicate"
        if i.problem.startswith("duplicate of row")
        else "outside"
        if "outside the study area" in i.problem
        else i.problem
        for i in report.rejected
    )
    assert rejected == {"no location": 2, "duplicate": 1, "outside": 1}
    doubtful = sorted(i.column for i in report.doubtful)
    assert doubtful == ["Accréditation", "Capacité", "examens"]
    assert report.n_imported == len(fac) == 57
    gdf = fac.gdf
    assert int(gdf["pcr"].sum()) == 4
    assert int(gdf["ngs"].sum()) == 2
    # DMS and decimal-comma coordinates land in the city like the clean sheet's
    clean = read_facilities(
        demo_dir / DEMO_FILES["facilities"], sheet="facilities", study_area=study_area
    )
    a = clean.gdf.set_index("facility_id").geometry
    b = gdf.set_index("facility_id").geometry
    common = b.index.intersection(a.index)
    assert len(common) == 57
    offset = project_lonlat(np.column_stack([a[common].x, a[common].y]), UTM) - project_lonlat(
        np.column_stack([b[common].x, b[common].y]), UTM
    )
    assert np.hypot(*offset.T).max() < 5.0


# -- the project --------------------------------------------------------------------------------


def test_load_demo_project_reads_every_layer(demo_dir: Path) -> None:
    steps: list[tuple[float, str]] = []
    project = load_demo_project(demo_dir, progress=lambda f, t: steps.append((f, t)))
    assert project.name == PROJECT_NAME
    assert project.metadata["synthetic"] is True
    assert project.metadata["city"] == CITY_NAME
    assert {s["layer"] for s in project.metadata["sources"]} == {
        "roads",
        "population",
        "districts",
        "facilities",
    }
    assert project.roads is not None
    assert project.roads.n_edges > 20_000
    assert project.demand is not None
    assert project.demand.total_population > 1e6
    assert project.districts is not None
    assert len(project.districts) == 12
    assert project.facilities is not None
    assert len(project.facilities) == 60
    assert len(project.import_reports) == 1
    assert project.import_reports[0].n_rejected == 0
    fractions = [f for f, _ in steps]
    assert fractions == sorted(fractions)
    assert fractions[-1] == 1.0


def test_the_demo_suggests_its_settings_without_a_run(demo_project: Project) -> None:
    # suggested, not run: the app opens the demo with these, and runs nothing until asked
    assert demo_project.settings == {"suggested": {"access": DEMO_ANALYSIS}}
    assert not has_run(demo_project, "access")
    sourced = resolve(AccessSettings, project=demo_project)
    assert sourced.settings == AccessSettings.from_dict(DEMO_ANALYSIS)
    assert sourced.settings.travel.mode == "walk"
    assert sourced.sources["mode"] == "project"
    assert sourced.sources["congestion"] == "default"


def test_load_demo_project_can_be_cancelled(demo_dir: Path) -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        load_demo_project(demo_dir, cancel=cancel)


def test_load_demo_project_names_missing_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing demo_city\.osm\.pbf.*ccgeo demo"):
        load_demo_project(tmp_path)
