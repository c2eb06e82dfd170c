"""The offline base map: features read from OSM files, kept in the project file, tiles files."""

from __future__ import annotations

import math
import sqlite3
import time
from pathlib import Path

import numpy as np
import pytest
import shapely
from osmkit import DX, DY, LAT0, LON0, OsmXml

from ccgeo.errors import InputError
from ccgeo.io.basemap import gather_buildings, read_basemap, read_roads_and_basemap
from ccgeo.io.osm import read_roads
from ccgeo.io.tilefiles import open_tile_archive, write_mbtiles
from ccgeo.model.basemap import BasemapData
from ccgeo.project import Project, _digest, open_project, save_project


@pytest.fixture(scope="module")
def small_osm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two streets, a lake with an island, a pond, a park, grass, a residential block with two
    buildings, three buildings elsewhere, a river and a stream, and five place nodes."""
    osm = OsmXml()
    osm.way([(0, 0), (20, 0)], highway="primary")
    osm.way([(10, -10), (10, 10)], highway="residential")
    lake = osm.square(-10, 2, -4, 8)
    island = osm.square(-8, 4, -6, 6)
    osm.multipolygon(lake, island, natural="water")
    osm.square(12, 2, 13, 3, natural="water")
    osm.square(2, 2, 6, 6, leisure="park", name="Central Park")
    osm.square(6, -6, 8, -4, landuse="grass")
    osm.square(-10, -10, -2, -2, landuse="residential")
    osm.square(-6, -6, -5.8, -5.8, building="yes")
    osm.square(-5, -5, -4.8, -4.8, building="house")
    for x in (15.0, 15.5, 16.0):
        osm.square(x, -8, x + 0.2, -7.8, building="yes")
    osm.square(14, 6, 16, 8, landuse="farmland")
    osm.way([(-12, -1), (0, -1.5), (22, -1)], waterway="river", name="Rio")
    osm.way([(18, 10), (18, 2)], waterway="stream")
    osm.node(1, 1, place="town", name="Alpha", population="12 000")
    osm.node(-6, -3, place="neighbourhood", name="Beta")
    osm.node(17, 5, place="hamlet", name="Gamma")
    osm.node(0, 9, place="suburb")
    osm.node(3, 9, place="city", name="Delta", population="lots")
    return osm.write(tmp_path_factory.mktemp("osm") / "small.osm")


# -- reading -----------------------------------------------------------------------------------


def test_reads_water_parks_land_use_rivers_and_places(small_osm: Path) -> None:
    data = read_basemap(small_osm)
    assert data.counts() == {
        "water": 2,
        "park": 1,
        "green": 1,
        "residential": 1,
        "built": 1,
        "river": 1,
        "stream": 1,
        "city": 1,
        "town": 1,
        "neighbourhood": 1,
    }
    areas = data.areas()
    lake = areas[(data.area_class == "water") & (shapely.area(areas) > 20 * DX * DY)]
    assert len(lake) == 1
    assert shapely.get_num_interior_rings(lake[0]) == 1  # the island is a hole
    assert shapely.area(lake[0]) == pytest.approx((36 - 4) * DX * DY, rel=1e-4)
    names = dict(zip(data.place_name, data.place_population, strict=True))
    assert set(names) == {"Alpha", "Beta", "Delta"}  # no hamlet, no nameless suburb
    assert names["Alpha"] == 12_000
    assert math.isnan(names["Beta"])
    assert math.isnan(names["Delta"])
    lon, lat = data.place_lonlat[list(data.place_name).index("Alpha")]
    assert (lon, lat) == pytest.approx((LON0 + DX, LAT0 + DY), abs=1e-7)


def test_buildings_outside_mapped_land_use_become_built_up_area(small_osm: Path) -> None:
    data = read_basemap(small_osm)
    built = data.areas()[data.area_class == "built"]
    assert len(built) == 1
    centre = shapely.centroid(built[0])
    # around the three buildings at x 15..16.2, y -8 (hundreds of metres), not the block's two
    assert centre.x == pytest.approx(LON0 + 15.6 * DX, abs=2 * DX)
    assert centre.y == pytest.approx(LAT0 - 7.9 * DY, abs=2 * DY)
    assert not shapely.intersects(
        built[0], shapely.box(LON0 - 10 * DX, LAT0 - 10 * DY, LON0 - 2 * DX, LAT0 - 2 * DY)
    )


def test_gathering_buildings_closes_small_gaps() -> None:
    # two clusters 150 m apart merge; one 1 km away stays apart
    lonlat = np.array([[LON0, LAT0], [LON0 + 1.5 * DX, LAT0], [LON0 + 10 * DX, LAT0]])
    parts = gather_buildings(lonlat)
    assert len(parts) == 2
    assert gather_buildings(np.empty((0, 2))).shape == (0,)


def test_roads_and_base_map_in_one_pass_give_the_roads_read_roads_gives(small_osm: Path) -> None:
    roads, data = read_roads_and_basemap(small_osm)
    assert _digest(roads.to_arrays()) == _digest(read_roads(small_osm, mode="all").to_arrays())
    assert data is not None
    assert data.counts() == read_basemap(small_osm).counts()
    assert data.source == str(small_osm)


def test_a_file_that_is_not_osm_has_no_base_map(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="expected an OSM file"):
        read_basemap(tmp_path / "roads.gpkg")
    with pytest.raises(InputError, match="does not exist"):
        read_basemap(tmp_path / "missing.osm.pbf")
    broken = tmp_path / "broken.osm"
    broken.write_text("<osm><node id='1' lat='x'")
    with pytest.raises(InputError, match="cannot read this OSM file"):
        read_basemap(broken)


@pytest.mark.shared_data
def test_oaxaca_has_water_green_built_up_land_and_places(shared_data: Path) -> None:
    data = read_basemap(shared_data / "oaxaca" / "oaxaca_base.osm.pbf")
    counts = data.counts()
    assert counts == {
        "built": counts["built"],
        "residential": 29,
        "commercial": 21,
        "industrial": 9,
        "green": 64,
        "park": 149,
        "water": 46,
        "river": 27,
        "stream": 133,
        "city": 2,
        "town": 14,
        "village": 13,
        "neighbourhood": 36,
    }
    assert counts["built"] >= 10  # 1,345 buildings, most outside mapped residential land
    assert "Oaxaca" in set(data.place_name)
    west, south, east, north = data.bbox
    assert -97.0 < west < east < -96.4
    assert 16.8 < south < north < 17.4
    xml = read_basemap(shared_data / "oaxaca" / "oaxaca_base_derived.osm.bz2")
    assert xml.counts() == counts


@pytest.mark.shared_data
def test_reading_the_base_map_with_the_roads_costs_less_than_the_roads(shared_data: Path) -> None:
    """The roads import with the base map takes at most twice the time of the roads alone."""
    path = shared_data / "oaxaca" / "oaxaca_base.osm.pbf"
    roads_s, both_s = math.inf, math.inf
    for _ in range(3):  # best of three: the machine may be busy
        start = time.perf_counter()
        read_roads(path, mode="all")
        roads_s = min(roads_s, time.perf_counter() - start)
        start = time.perf_counter()
        read_roads_and_basemap(path)
        both_s = min(both_s, time.perf_counter() - start)
    assert both_s < 2.0 * roads_s, f"roads {roads_s:.2f} s, roads and base map {both_s:.2f} s"


def test_the_demo_city_has_a_river_two_parks_and_bairro_names(demo_project: Project) -> None:
    data = demo_project.basemap
    assert data is not None
    counts = data.counts()
    assert (counts["water"], counts["park"], counts["river"]) == (1, 2, 1)
    assert (counts["city"], counts["neighbourhood"]) == (1, 42)
    parks = data.areas()[data.area_class == "park"]
    assert all(shapely.area(p) > 0.1e6 / (111_320**2) for p in parks)  # larger than 0.1 km²


# -- the project file --------------------------------------------------------------------------


def test_the_project_keeps_its_base_map(tmp_path: Path, small_osm: Path) -> None:
    roads, data = read_roads_and_basemap(small_osm)
    project = Project(name="Small", roads=roads, basemap=data)
    saved = save_project(project, tmp_path / "small.ccgeo")
    again = open_project(saved)
    assert again.basemap is not None
    for key, value in data.to_arrays().items():
        np.testing.assert_array_equal(again.basemap.to_arrays()[key], value, err_msg=key)
    assert list(again.basemap.place_name) == list(data.place_name)
    assert again.basemap.source == str(small_osm)


def test_saving_again_replaces_or_drops_the_base_map(tmp_path: Path, small_osm: Path) -> None:
    roads, data = read_roads_and_basemap(small_osm)
    target = tmp_path / "small.ccgeo"
    project = Project(name="Small", roads=roads, basemap=data)
    save_project(project, target)
    project.basemap = BasemapData.empty(source="other")  # same roads: caches are carried over
    save_project(project, target)
    assert open_project(target).basemap.is_empty
    project.basemap = None
    save_project(project, target)
    assert open_project(target).basemap is None


def test_a_project_without_base_map_opens(tmp_path: Path, small_osm: Path) -> None:
    project = Project(name="Roads only", roads=read_roads(small_osm, mode="all"))
    again = open_project(save_project(project, tmp_path / "roads.ccgeo"))
    assert again.basemap is None
    assert again.roads is not None


def test_damaged_base_map_arrays_say_so(tmp_path: Path, small_osm: Path) -> None:
    roads, data = read_roads_and_basemap(small_osm)
    saved = save_project(Project(roads=roads, basemap=data), tmp_path / "x.ccgeo")
    with sqlite3.connect(saved) as con:
        con.execute("DELETE FROM ccgeo_arrays WHERE name = 'basemap'")
    con.close()
    with pytest.raises(InputError, match="base map arrays are missing; import the roads again"):
        open_project(saved)
    arrays = data.to_arrays()
    arrays["line_offsets"] = arrays["line_offsets"][:-1]
    with pytest.raises(ValueError, match="line_offsets"):
        BasemapData.from_arrays(arrays)


def test_project_from_files_reads_the_base_map_with_the_roads(demo_dir: Path) -> None:
    from ccgeo.project import project_from_files

    project = project_from_files(roads=demo_dir / "demo_city.osm.pbf")
    assert project.basemap is not None
    assert project.basemap.counts()["park"] == 2


# -- tiles files -------------------------------------------------------------------------------


def _png(rgb: tuple[int, int, int]) -> bytes:
    """A 1×1 PNG, written without Qt."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" + bytes(rgb))
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def test_mbtiles_rows_are_flipped_to_xyz(tmp_path: Path) -> None:
    red, blue = _png((255, 0, 0)), _png((0, 0, 255))
    path = write_mbtiles(
        tmp_path / "t.mbtiles", {(3, 2, 1): red, (4, 5, 6): blue}, attribution="© us"
    )
    with sqlite3.connect(path) as con:  # TMS: row 0 is the south edge
        rows = set(con.execute("SELECT zoom_level, tile_column, tile_row FROM tiles").fetchall())
    con.close()
    assert rows == {(3, 2, 8 - 1 - 1), (4, 5, 16 - 1 - 6)}
    archive = open_tile_archive(path)
    assert (archive.min_zoom, archive.max_zoom, archive.tile_format) == (3, 4, "png")
    assert archive.attribution == "© us"
    assert archive.read((3, 2, 1)) == red
    assert archive.read((4, 5, 6)) == blue
    assert archive.read((3, 2, 6)) is None
    assert archive.read((9, 0, 0)) is None
    assert archive.age_days((3, 2, 1)) is None
    archive.close()


def test_pmtiles_raster_archives_are_read(tmp_path: Path) -> None:
    from pmtiles.tile import Compression, TileType, zxy_to_tileid
    from pmtiles.writer import Writer

    green = _png((0, 200, 0))
    path = tmp_path / "t.pmtiles"
    with path.open("wb") as fh:
        writer = Writer(fh)
        writer.write_tile(zxy_to_tileid(5, 10, 12), green)
        writer.finalize(
            {
                "tile_type": TileType.PNG,
                "tile_compression": Compression.NONE,
                "min_lon_e7": int(-10e7),
                "min_lat_e7": int(-10e7),
                "max_lon_e7": int(10e7),
                "max_lat_e7": int(10e7),
                "center_zoom": 5,
                "center_lon_e7": 0,
                "center_lat_e7": 0,
            },
            {"attribution": "© PMTiles test", "name": "green"},
        )
    archive = open_tile_archive(path)
    assert (archive.min_zoom, archive.max_zoom, archive.tile_format) == (5, 5, "png")
    assert (archive.label, archive.attribution) == ("green", "© PMTiles test")
    assert archive.bounds == pytest.approx((-10.0, -10.0, 10.0, 10.0))
    assert archive.read((5, 10, 12)) == green
    assert archive.read((5, 10, 13)) is None
    archive.close()


def test_tiles_files_that_cannot_be_drawn_are_refused(tmp_path: Path) -> None:
    vector = write_mbtiles(tmp_path / "v.mbtiles", {(0, 0, 0): b"\x1a\x00"}, tile_format="pbf")
    with pytest.raises(InputError, match=r"holds pbf tiles; ccgeo draws raster tiles"):
        open_tile_archive(vector)
    text = tmp_path / "notes.mbtiles"
    text.write_text("not a database")
    with pytest.raises(InputError, match="is not a readable MBTiles file"):
        open_tile_archive(text)
    (tmp_path / "x.png").write_bytes(_png((0, 0, 0)))
    with pytest.raises(InputError, match=r"unknown tiles file type '\.png'"):
        open_tile_archive(tmp_path / "x.png")
    with pytest.raises(InputError, match="does not exist"):
        open_tile_archive(tmp_path / "missing.pmtiles")
    bad = tmp_path / "bad.pmtiles"
    bad.write_bytes(b"PMTiles" + bytes(200))
    with pytest.raises(InputError, match="not a readable PMTiles"):
        open_tile_archive(bad)
