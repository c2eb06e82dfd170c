"""Unit tests of ccgeo.io.population on small synthetic files built in tmp_path."""

from __future__ import annotations

import json
import threading
import zipfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import rasterio
import shapely
from rasterio.transform import from_origin

from ccgeo.errors import Cancelled, InputError
from ccgeo.io.population import (
    assign_districts,
    read_districts,
    read_population,
    read_population_table,
    study_area_of,
)
from ccgeo.model.facilities import Facilities

# ---------------------------------------------------------------------------------------------
# fixtures


def _squares(n: int = 3, *, size: float = 0.01, x0: float = 36.8, y0: float = -1.3) -> list:
    """``n`` unit squares side by side along x, degrees."""
    return [shapely.box(x0 + i * size, y0, x0 + (i + 1) * size, y0 + size) for i in range(n)]


def _write_geojson(path: Path, properties: list[dict], geoms: list) -> Path:
    gdf = gpd.GeoDataFrame(properties, geometry=geoms, crs="EPSG:4326")
    gdf.to_file(path, driver="GeoJSON")
    return path


@pytest.fixture
def districts(tmp_path: Path) -> gpd.GeoDataFrame:
    path = _write_geojson(
        tmp_path / "d.geojson",
        [
            {"code": "D1", "nombre": "Centro"},
            {"code": "D2", "nombre": "Norte"},
            {"code": "D3", "nombre": "Sul"},
        ],
        _squares(3),
    )
    return read_districts(path)


def _write_raster(
    path: Path,
    data: np.ndarray,
    *,
    crs: str | None = "EPSG:4326",
    transform=None,
    nodata: float | None = -99.0,
) -> Path:
    transform = transform or from_origin(36.8, -1.29, 0.001, 0.001)
    with rasterio.open(
        path,
        "w",
        driver="GTiff",
        width=data.shape[1],
        height=data.shape[0],
        count=1,
        dtype=data.dtype,
        crs=crs,
        transform=transform,
        nodata=nodata,
    ) as dst:
        dst.write(data, 1)
    return path


# ---------------------------------------------------------------------------------------------
# read_districts


def test_read_districts_guesses_id_and_name(districts: gpd.GeoDataFrame) -> None:
    assert list(districts.columns) == ["district_id", "name", "geometry"]
    assert districts["district_id"].tolist() == ["D1", "D2", "D3"]
    assert districts["name"].tolist() == ["Centro", "Norte", "Sul"]
    assert districts.crs.to_epsg() == 4326
    assert districts.attrs["id_column"] == "code"
    assert districts.attrs["name_column"] == "nombre"
    assert districts.attrs["warnings"] == []


def test_read_districts_keeps_other_attributes_and_renames_clashes(tmp_path: Path) -> None:
    path = _write_geojson(
        tmp_path / "d.geojson",
        [
            {"ward_code": 11, "ward_name": "A", "name": "x", "pop": 5},
            {"ward_code": 12, "ward_name": "B", "name": "y", "pop": 6},
        ],
        _squares(2),
    )
    gdf = read_districts(path, name_column="ward_name")
    assert gdf["district_id"].tolist() == ["11", "12"]
    assert gdf["name"].tolist() == ["A", "B"]
    assert gdf["name_source"].tolist() == ["x", "y"]
    assert gdf["pop"].tolist() == [5, 6]


def test_read_districts_numbers_rows_without_id(tmp_path: Path) -> None:
    path = _write_geojson(tmp_path / "d.geojson", [{"bairro": "A"}, {"bairro": "B"}], _squares(2))
    gdf = read_districts(path)
    assert gdf["district_id"].tolist() == ["1", "2"]
    assert gdf["name"].tolist() == ["A", "B"]
    assert any("numbered 1..n" in w for w in gdf.attrs["warnings"])


def test_read_districts_makes_duplicate_ids_unique(tmp_path: Path) -> None:
    path = _write_geojson(
        tmp_path / "d.geojson",
        [{"id": "7", "name": "A"}, {"id": "7", "name": "B"}, {"id": "8", "name": "C"}],
        _squares(3),
    )
    gdf = read_districts(path, id_column="id")
    assert gdf["district_id"].tolist() == ["7", "7-2", "8"]
    assert any("repeated" in w and "'7'" in w for w in gdf.attrs["warnings"])


def test_read_districts_repairs_invalid_polygons(tmp_path: Path) -> None:
    bowtie = shapely.Polygon([(0, 0), (1, 1), (1, 0), (0, 1)])
    path = _write_geojson(
        tmp_path / "d.geojson", [{"name": "bow"}, {"name": "ok"}], [bowtie, shapely.box(2, 0, 3, 1)]
    )
    gdf = read_districts(path)
    assert gdf.is_valid.all()
    assert set(gdf.geom_type) <= {"Polygon", "MultiPolygon"}
    assert gdf.geometry.iloc[0].area == pytest.approx(0.5)
    assert any("1 invalid polygons" in w for w in gdf.attrs["warnings"])


def test_read_districts_rejects_points(tmp_path: Path) -> None:
    path = _write_geojson(tmp_path / "p.geojson", [{"name": "a"}], [shapely.Point(0, 0)])
    with pytest.raises(InputError, match=r"1 of 1 features are Point, not polygons"):
        read_districts(path)


def test_read_districts_rejects_empty_layer(tmp_path: Path) -> None:
    path = tmp_path / "e.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": []}))
    with pytest.raises(InputError, match="empty"):
        read_districts(path)


def test_read_districts_missing_file_and_column(
    tmp_path: Path, districts: gpd.GeoDataFrame
) -> None:
    with pytest.raises(InputError, match="file not found"):
        read_districts(tmp_path / "nope.geojson")
    path = Path(districts.attrs["source"])
    with pytest.raises(InputError, match=r"`name_column` is 'nom_xx'.*'code', 'nombre'"):
        read_districts(path, name_column="nom_xx")


def test_read_districts_reprojects_and_reads_zipped_shapefile(tmp_path: Path) -> None:
    gdf = gpd.GeoDataFrame({"NAME": ["A", "B"]}, geometry=_squares(2), crs="EPSG:4326").to_crs(
        32737
    )
    shp = tmp_path / "shp"
    shp.mkdir()
    gdf.to_file(shp / "wards.shp")
    archive = tmp_path / "wards.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for f in shp.iterdir():
            zf.write(f, f.name)
    out = read_districts(archive)
    assert out.crs.to_epsg() == 4326
    assert out["name"].tolist() == ["A", "B"]
    assert out.total_bounds == pytest.approx([36.8, -1.3, 36.82, -1.29], abs=1e-6)


def test_read_districts_gpkg_with_several_layers_needs_layer(tmp_path: Path) -> None:
    path = tmp_path / "two.gpkg"
    for layer in ("a", "b"):
        gpd.GeoDataFrame({"name": [layer]}, geometry=_squares(1), crs=4326).to_file(
            path, layer=layer
        )
    with pytest.raises(InputError, match=r"several layers \(a, b\); pass `layer=`"):
        read_districts(path)
    assert read_districts(path, layer="b")["name"].tolist() == ["b"]


# ---------------------------------------------------------------------------------------------
# assign_districts and study_area_of


def test_assign_districts(districts: gpd.GeoDataFrame) -> None:
    pts = gpd.GeoDataFrame(
        geometry=gpd.points_from_xy([36.805, 36.815, 36.825, 40.0], [-1.295, -1.295, -1.295, 0.0]),
        crs=4326,
    )
    assert assign_districts(pts, districts).tolist() == ["D1", "D2", "D3", ""]
    # a point on the border between D1 and D2 goes to the first
    border = gpd.GeoSeries([shapely.Point(36.81, -1.295)], crs=4326)
    assert assign_districts(border, districts).tolist() == ["D1"]
    # other CRS
    assert assign_districts(pts.to_crs(32737), districts).tolist() == ["D1", "D2", "D3", ""]
    assert assign_districts(pts, None).tolist() == ["", "", "", ""]


def test_study_area_of_prefers_districts_then_roads_then_facilities(
    districts: gpd.GeoDataFrame,
) -> None:
    area = study_area_of(districts=districts, roads_bbox=(0, 0, 1, 1))
    assert area.area == pytest.approx(3 * 0.01 * 0.01)
    assert study_area_of(roads_bbox=(0, 0, 1, 2)).bounds == (0, 0, 1, 2)
    fac = Facilities.from_records(
        [
            {"facility_id": "a", "lon": 36.8, "lat": -1.3},
            {"facility_id": "b", "lon": 36.9, "lat": -1.2},
        ]
    )
    grown = study_area_of(facilities=fac)
    minx, _miny, _maxx, maxy = grown.bounds
    # 5 km margin ≈ 0.045° at the equator
    assert minx == pytest.approx(36.8 - 0.045, abs=0.002)
    assert maxy == pytest.approx(-1.2 + 0.045, abs=0.002)
    assert study_area_of() is None


# ---------------------------------------------------------------------------------------------
# rasters


def test_raster_nodata_negative_nan_and_zero_cells(tmp_path: Path) -> None:
    data = np.array(
        [
            [10.0, -99.0, 0.0],
            [-5.0, np.nan, 2.5],
        ],
        dtype="float32",
    )
    path = _write_raster(tmp_path / "pop.tif", data)
    demand = read_population(path)
    assert demand.kind == "raster"
    assert demand.gdf["demand_id"].tolist() == ["r0_c0", "r1_c2"]
    assert demand.gdf["population"].tolist() == [10.0, 2.5]
    assert demand.total_population == 12.5
    assert demand.gdf["district_id"].tolist() == ["", ""]
    # cell centres
    assert demand.gdf.geometry.x.tolist() == pytest.approx([36.8005, 36.8025])
    assert demand.gdf.geometry.y.tolist() == pytest.approx([-1.2905, -1.2915])
    assert "1 cells had no data, counted as 0" in demand.warnings
    assert "1 cells were NaN, counted as 0" in demand.warnings
    assert "1 cells had negative values, counted as 0" in demand.warnings
    # 0.001° ≈ 111 m at the equator
    assert demand.cell_size_m == pytest.approx(111.2, abs=0.5)


def test_raster_projected_crs_and_window(tmp_path: Path, districts: gpd.GeoDataFrame) -> None:
    # 30 m cells in UTM 37S around Nairobi
    data = np.ones((200, 200), dtype="float32")
    transform = from_origin(257000, 9856000, 30, 30)
    path = _write_raster(tmp_path / "utm.tif", data, crs="EPSG:32737", transform=transform)
    full = read_population(path)
    assert len(full) == 40_000
    assert full.cell_size_m == pytest.approx(30.0)
    area = shapely.box(*full.gdf.total_bounds).centroid.buffer(0.01)
    clipped = read_population(path, study_area=area)
    inside = shapely.contains_xy(area, full.gdf.geometry.x, full.gdf.geometry.y)
    assert len(clipped) == int(inside.sum())
    assert set(clipped.gdf["demand_id"]) == set(full.gdf.loc[inside, "demand_id"])
    assert any("outside the study area" in w for w in clipped.warnings)
    np.testing.assert_allclose(
        np.sort(clipped.gdf.geometry.x.to_numpy()), np.sort(full.gdf.geometry.x.to_numpy()[inside])
    )


def test_raster_districts_match_point_in_polygon(
    tmp_path: Path, districts: gpd.GeoDataFrame
) -> None:
    data = np.arange(1, 41 * 13 + 1, dtype="float32").reshape(13, 41)
    path = _write_raster(
        tmp_path / "pop.tif", data, transform=from_origin(36.7995, -1.2895, 0.00077, 0.00077)
    )
    demand = read_population(path, districts=districts)
    expected = assign_districts(demand.gdf, districts)
    assert (demand.gdf["district_id"].to_numpy() == expected).all()
    assert set(demand.gdf["district_id"]) == {"D1", "D2", "D3", ""}


def test_raster_outside_study_area_says_both_extents(tmp_path: Path) -> None:
    path = _write_raster(
        tmp_path / "pop.tif",
        np.ones((5, 5), dtype="float32"),
        transform=from_origin(32.7, -9.4, 0.1, 0.1),
    )
    area = shapely.box(36.6, -1.4, 37.1, -1.2)
    with pytest.raises(
        InputError,
        match=r"covers lon 32\.7\.\.33\.2, lat -9\.9\.\.-9\.4; the study area is "
        r"lon 36\.6\.\.37\.1, lat -1\.4\.\.-1\.2: choose a raster of this area",
    ):
        read_population(path, study_area=area)


def test_raster_corrupt_and_empty(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tif"
    bad.write_bytes(b"II*\x00 this is not really a tiff")
    with pytest.raises(InputError, match="not a readable raster"):
        read_population(bad)
    zeros = _write_raster(tmp_path / "zeros.tif", np.zeros((3, 3), dtype="float32"))
    with pytest.raises(InputError, match="no cell in the raster has people"):
        read_population(zeros)


def test_raster_cancel_and_progress(tmp_path: Path) -> None:
    path = _write_raster(tmp_path / "pop.tif", np.ones((4, 4), dtype="float32"))
    seen: list[float] = []
    read_population(path, progress=lambda f, _t: seen.append(f))
    assert seen[0] == 0.0
    assert seen[-1] == 1.0
    assert seen == sorted(seen)
    event = threading.Event()
    event.set()
    with pytest.raises(Cancelled):
        read_population(path, cancel=event)


# ---------------------------------------------------------------------------------------------
# point tables and layers


def test_point_csv_guesses_columns_and_reports_bad_rows(tmp_path: Path) -> None:
    path = tmp_path / "grid.csv"
    path.write_text(
        "hex_id;Longitud;Latitud;Población\n"
        "a;-51,20;-30,05;1 200\n"  # decimal comma coordinates, space thousands
        "b;-51.21;-30.06;abc\n"  # bad population
        "c;;-30.07;50\n"  # no longitude
        "d;-51.22;-30.08;-4\n"  # negative population
        "e;-51.23;-30.09;0\n"  # nobody lives here
        "f;51°13'W;30°5'S;7\n",  # DMS
        encoding="utf-8",
    )
    demand = read_population(path)
    assert demand.kind == "points"
    assert demand.gdf["demand_id"].tolist() == ["a", "f"]
    assert demand.gdf["population"].tolist() == [1200.0, 7.0]
    assert demand.gdf.geometry.x.tolist() == pytest.approx([-51.20, -(51 + 13 / 60)])
    text = "\n".join(demand.warnings)
    assert "1 row has a 'Población' that is not a number, counted as 0: row 3 (abc)" in text
    assert (
        "1 row has no usable coordinates in 'Longitud'/'Latitud', left out (50 people): "
        "row 4 (, -30.07)" in text
    )
    assert "1 row has a negative 'Población', counted as 0: row 5 (-4)" in text
    assert "1 points have 0 people" in text


def test_point_table_explicit_columns_override(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text("x,y,population,people_2030\n1,2,10,99\n", encoding="utf-8")
    assert read_population(path).total_population == 10
    demand = read_population(path, population_column="people_2030", lon_column="x", lat_column="y")
    assert demand.total_population == 99
    with pytest.raises(
        InputError,
        match=r"`population_column` is 'habitantes'.*'x', 'y', 'population', 'people_2030'",
    ):
        read_population(path, population_column="habitantes")


def test_point_table_with_no_usable_row_names_the_columns(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text("lon,lat,pop\nx,y,1\n,,2\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"no row has both.*'lon', 'lat', 'pop'"):
        read_population(path)
    path.write_text("where,pop\nhere,1\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"found no longitude column among 'where', 'pop'"):
        read_population(path)
    path.write_text("lon,lat,density\n1,2,3\n", encoding="utf-8")
    with pytest.raises(
        InputError, match=r"found no population column among 'lon', 'lat', 'density'"
    ):
        read_population(path)


def test_point_table_out_of_range_suggests_swap(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text("lat,lon,pop\n36.8,-1.3,5\n-1.3,36.8,6\n", encoding="utf-8")
    demand = read_population(path)
    assert demand.total_population == 11
    assert demand.warnings == ()
    path.write_text("lat,lon,pop\n136.8,-1.3,5\n-1.3,36.8,6\n", encoding="utf-8")
    demand = read_population(path)
    assert any("swapped" in w and "row 2" in w for w in demand.warnings)


def test_point_table_study_area_and_districts(tmp_path: Path, districts: gpd.GeoDataFrame) -> None:
    path = tmp_path / "g.csv"
    path.write_text(
        "lon,lat,pop\n36.805,-1.295,5\n36.825,-1.295,7\n37.5,-1.295,100\n", encoding="utf-8"
    )
    area = study_area_of(districts=districts)
    demand = read_population(path, study_area=area, districts=districts)
    assert demand.gdf["district_id"].tolist() == ["D1", "D3"]
    assert demand.total_population == 12
    assert any("1 points with 100 people lie outside the study area" in w for w in demand.warnings)
    with pytest.raises(InputError, match=r"the points cover .*; the study area is"):
        read_population(path, study_area=shapely.box(0, 0, 1, 1))


def test_point_xlsx_and_geojson_layer(tmp_path: Path) -> None:
    df = pd.DataFrame(
        {
            "id": ["p1", "p2"],
            "longitude": [36.8, 36.9],
            "latitude": [-1.3, -1.2],
            "habitantes": [3, 4],
        }
    )
    xlsx = tmp_path / "g.xlsx"
    df.to_excel(xlsx, index=False, sheet_name="grid")
    demand = read_population(xlsx, sheet="grid")
    assert demand.gdf["demand_id"].tolist() == ["p1", "p2"]
    assert demand.total_population == 7

    layer = _write_geojson(
        tmp_path / "pts.geojson",
        [{"population": 5.5}, {"population": None}, {"population": 2}],
        [
            shapely.Point(36.8, -1.3),
            shapely.Point(36.81, -1.3),
            shapely.box(36.8, -1.3, 36.81, -1.29),
        ],
    )
    demand = read_population(layer)
    assert demand.gdf["population"].tolist() == [5.5, 2.0]
    assert demand.gdf["demand_id"].tolist() == ["1", "3"]
    assert shapely.contains_xy(
        shapely.box(36.8, -1.3, 36.81, -1.29), demand.gdf.geometry.x[1], demand.gdf.geometry.y[1]
    )
    assert any("feature 2" in w and "counted as 0" in w for w in demand.warnings)
    assert any("1 polygon features" in w for w in demand.warnings)


def test_unknown_suffix(tmp_path: Path) -> None:
    path = tmp_path / "pop.dbf"
    path.write_bytes(b"x")
    with pytest.raises(
        InputError, match=r"'\.dbf' are not read as population; expected one of \.tif"
    ):
        read_population(path)


# ---------------------------------------------------------------------------------------------
# census table per district


def test_population_table_matches_loosely_and_skips_total(
    tmp_path: Path, districts: gpd.GeoDataFrame
) -> None:
    path = tmp_path / "census.csv"
    path.write_text(
        "Distrito,Población total,Densidad\n"
        "CENTRO,1000,5\n"
        "norte ,2000,5\n"
        "Todos,3000,5\n"  # named total
        "Oeste,500,5\n",  # no polygon
        encoding="utf-8",
    )
    demand = read_population_table(path, districts)
    assert demand.kind == "district_table"
    assert demand.gdf["district_id"].tolist() == ["D1", "D2"]
    assert demand.gdf["demand_id"].tolist() == ["D1", "D2"]
    assert demand.gdf["population"].tolist() == [1000.0, 2000.0]
    # one point per district, inside it
    for geom, poly in zip(demand.gdf.geometry, districts.geometry.iloc[:2], strict=True):
        assert poly.contains(geom)
    text = "\n".join(demand.warnings)
    assert "row 4 'Todos' (3,000 people) is the total" in text
    assert "1 table rows match no district polygon and were left out (500 people): Oeste" in text
    assert "1 districts have no row in the table and get no population: Sul" in text


def test_population_table_total_by_sum_accents_and_ids(tmp_path: Path) -> None:
    gdf = gpd.GeoDataFrame(
        {"district_id": ["01", "02", "03"], "name": ["São João", "Vila-Nova", "Bom Fim"]},
        geometry=_squares(3),
        crs=4326,
    )
    path = tmp_path / "c.csv"
    path.write_text(
        "bairro,pop\nCIDADE,600\nsao joao,100\nVILA NOVA,200\n03,300\n", encoding="utf-8"
    )
    demand = read_population_table(path, gdf)
    assert demand.gdf["district_id"].tolist() == ["01", "02", "03"]
    assert demand.total_population == 600
    assert any("'CIDADE' (600 people) is the total" in w for w in demand.warnings)


def test_population_table_nothing_matches_lists_both_sides(
    tmp_path: Path, districts: gpd.GeoDataFrame
) -> None:
    path = tmp_path / "c.csv"
    path.write_text("district,population\nAlpha,10\nBeta,20\nGamma,40\n", encoding="utf-8")
    with pytest.raises(
        InputError,
        match=r"the table has Alpha, Beta, Gamma; the districts are named Centro, Norte, Sul",
    ):
        read_population_table(path, districts)


def test_population_table_splits_shared_names_by_area(tmp_path: Path) -> None:
    gdf = gpd.GeoDataFrame(
        {"district_id": ["a", "b"], "name": ["Twin", "Twin"]},
        geometry=[shapely.box(36.8, -1.3, 36.81, -1.29), shapely.box(36.81, -1.3, 36.84, -1.29)],
        crs=4326,
    )
    path = tmp_path / "c.csv"
    path.write_text("name,population\nTwin,400\n", encoding="utf-8")
    demand = read_population_table(path, gdf)
    assert demand.gdf["population"].to_numpy() == pytest.approx([100.0, 300.0], rel=1e-3)
    assert any("split among them by area" in w for w in demand.warnings)


# ---------------------------------------------------------------------------------------------
# counts no city holds (a typo, an undeclared nodata value)


def test_a_count_no_city_holds_is_named_and_counted_as_0(
    tmp_path: Path, districts: gpd.GeoDataFrame
) -> None:
    """1.8e43 people in one row was once accepted (and every share became 0 %)."""
    points = tmp_path / "grid.csv"
    points.write_text(
        "id,lon,lat,population\n"
        "a,-51.20,-30.05,1200\n"
        "b,-51.21,-30.06,1.8e43\n"
        "c,-51.22,-30.07,1e400\n"  # overflows to infinity
        "d,-51.23,-30.08,40000000\n",  # a whole megacity in one row: possible, kept
        encoding="utf-8",
    )
    demand = read_population(points)
    assert demand.total_population == 1200 + 40_000_000
    text = "\n".join(demand.warnings)
    assert (
        "2 rows have more than 50,000,000 people in 'population', more than any city holds "
        "(a typo?), counted as 0; correct the cell: row 3 (1.8e43), row 4 (1e400)" in text
    )

    census = tmp_path / "census.csv"
    census.write_text("Distrito,Población\nCENTRO,1000\nnorte,9e99\n", encoding="utf-8")
    demand = read_population_table(census, districts)
    assert demand.total_population == 1000
    assert "1 row has more than 50,000,000 people in 'Población'" in "\n".join(demand.warnings)

    data = np.array([[10.0, 3.4e38]], dtype="float32")  # float32's largest: nodata not declared
    demand = read_population(_write_raster(tmp_path / "pop.tif", data))
    assert demand.total_population == 10.0
    assert any("1 cells had more than 50,000,000 people" in w for w in demand.warnings)


def test_the_name_of_a_district_is_never_a_technical_column(tmp_path: Path) -> None:
    """A Nominatim/Overpass export once had its districts named "relation" (``osm_type``)."""
    gdf = gpd.GeoDataFrame(
        {
            "osm_type": ["relation", "relation", "relation"],
            "osm_id": [9185096, 9721587, 3492709],
            "licence": ["Data © OpenStreetMap contributors, ODbL 1.0"] * 3,
            "label": ["Westlands", "Dagoretti North", "Langata"],
        },
        geometry=_squares(3),
        crs=4326,
    )
    path = tmp_path / "boundaries.geojson"
    gdf.to_file(path)
    districts = read_districts(path)
    assert districts.attrs["name_column"] == "label"
    assert districts["name"].tolist() == ["Westlands", "Dagoretti North", "Langata"]
    assert districts["district_id"].tolist() == ["9185096", "9721587", "3492709"]
