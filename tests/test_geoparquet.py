"""Results as GeoParquet: one ``<layer>.parquet`` per layer, read back by geopandas with the
same rows, CRS and columns, and the GeoParquet ``geo`` metadata that other readers need."""

from __future__ import annotations

import json

import geopandas as gpd
import pyarrow.parquet as pq
import pytest

from ccgeo.analysis.access import access
from ccgeo.cli import main
from ccgeo.errors import InputError
from ccgeo.model.settings import AccessSettings
from ccgeo.report.export import FORMATS, export_results, result_layers, write_parquet


@pytest.fixture(scope="module")
def demo_result(copy_demo):
    project = copy_demo()
    result = access(
        project.network("car"),
        project.facilities.capable("pcr"),
        project.demand,
        AccessSettings(capability="pcr", thresholds_minutes=(5, 10)),
        districts=project.districts,
    )
    return project, result


def test_every_layer_is_written_as_geoparquet_and_reads_back(tmp_path, demo_result):
    project, result = demo_result
    assert "parquet" in FORMATS
    written = export_results(
        result,
        tmp_path,
        formats=["parquet"],
        districts=project.districts,
        facilities=project.facilities,
    )
    layers = result_layers(result, districts=project.districts, facilities=project.facilities)
    parquet = {p.stem: p for p in written if p.suffix == ".parquet"}
    assert set(parquet) == set(layers)
    assert {"facilities", "labs", "districts", "isochrones", "demand"} <= set(parquet)
    for name, gdf in layers.items():
        back = gpd.read_parquet(parquet[name])
        assert len(back) == len(gdf), name
        assert back.crs == gdf.crs, name
        assert list(back.columns) == list(gdf.columns), name
        assert back.geometry.name == gdf.geometry.name
        assert back.geometry.geom_equals_exact(gdf.geometry.reset_index(drop=True), 1e-9).all()
        geo = json.loads(pq.read_schema(parquet[name]).metadata[b"geo"])
        assert geo["version"].startswith("1.")
        assert geo["primary_column"] == gdf.geometry.name
        column = geo["columns"][gdf.geometry.name]
        assert column["encoding"] == "WKB"
        assert column["crs"]["id"] == {"authority": "EPSG", "code": 4326}
    demand = gpd.read_parquet(parquet["demand"])
    assert demand["population"].sum() == pytest.approx(result.demand["population"].sum())


def test_the_export_command_writes_parquet(tmp_path, demo_dir, capsys):
    from ccgeo.demo import DEMO_FILES

    out = tmp_path / "out"
    code = main(
        [
            "export",
            "--roads",
            str(demo_dir / DEMO_FILES["roads"]),
            "--facilities",
            str(demo_dir / DEMO_FILES["facilities"]),
            "--sheet",
            "facilities",
            "--population",
            str(demo_dir / DEMO_FILES["population"]),
            "--districts",
            str(demo_dir / DEMO_FILES["districts"]),
            "--out",
            str(out),
            "--format",
            "parquet",
        ]
    )
    assert code == 0, capsys.readouterr()
    assert (out / "demand.parquet").is_file()
    assert len(gpd.read_parquet(out / "labs.parquet")) > 0


def test_a_folder_that_cannot_be_written_is_an_input_error(tmp_path, demo_result):
    _, result = demo_result
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(InputError):
        write_parquet(result.labs, blocker / "labs.parquet")
