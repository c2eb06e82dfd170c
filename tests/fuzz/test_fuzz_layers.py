"""Fuzzing point layers (GeoJSON, GeoPackage), OSM road files (XML, PBF) and population rasters
(GeoTIFF): damaged, truncated, bit-flipped and empty (see `fuzzkit`)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from fuzzkit import (
    STUDY_AREAS,
    Written,
    call_reader,
    check_facilities,
    examples,
    fail_or_record,
    geojson_files,
    gpkg_files,
    osm_pbf_files,
    osm_xml_files,
    raster_files,
    write_case,
)
from hypothesis import given

from ccgeo.io.osm import read_roads
from ccgeo.io.population import read_population


def _facilities(written: Written, kind: str, area: Any) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = write_case(Path(tmp), written)
        problems = check_facilities(written, path, kind, study_area=area)
    fail_or_record(problems, data=written.data, suffix=written.suffix)


def _no_traceback(written: Written, kind: str, read: object, stem: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = write_case(Path(tmp), written, stem)
        _, problems = call_reader(kind, read, path)
    fail_or_record(problems, data=written.data, suffix=written.suffix)


@examples("geojson")
@given(geojson_files(), STUDY_AREAS)
def test_fuzz_geojson_facilities(written: Written, area: Any) -> None:
    _facilities(written, "geojson", area)


@examples("gpkg")
@given(gpkg_files(), STUDY_AREAS)
def test_fuzz_gpkg_facilities(written: Written, area: Any) -> None:
    _facilities(written, "gpkg", area)


@examples("osm_xml")
@given(osm_xml_files())
def test_fuzz_osm_xml_roads(written: Written) -> None:
    _no_traceback(written, "osm_xml", read_roads, "roads")


@examples("osm_pbf")
@given(osm_pbf_files())
def test_fuzz_osm_pbf_roads(written: Written) -> None:
    _no_traceback(written, "osm_pbf", read_roads, "roads")


@examples("raster")
@given(raster_files())
def test_fuzz_population_raster(written: Written) -> None:
    _no_traceback(written, "raster", read_population, "people")
