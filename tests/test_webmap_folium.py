"""The HTML map is folium's own object: a Python user adds layers to it and saves it offline
with `ccgeo.save_webmap`."""

from __future__ import annotations

import datetime as dt

import folium
import geopandas as gpd
import pytest
import shapely

import ccgeo
from ccgeo.errors import InputError
from ccgeo.report.webmap import external_references


@pytest.fixture(scope="module")
def demo_map(copy_demo):
    project = copy_demo()
    settings = ccgeo.AccessSettings(capability="pcr")
    result = ccgeo.access(
        project.network("car"),
        project.facilities.capable("pcr"),
        project.demand,
        settings,
        districts=project.districts,
    )
    return project, result


def test_a_python_user_adds_folium_layers_and_saves_the_map_offline(demo_map, tmp_path):
    project, result = demo_map
    m = ccgeo.build_webmap(project, result, date=dt.date(2031, 1, 15), include_roads=False)
    assert isinstance(m, folium.Map)
    west, south, east, north = project.districts.total_bounds
    centre = ((south + north) / 2, (west + east) / 2)
    plans = gpd.GeoDataFrame(
        {"name": ["Planned clinic zone"]},
        geometry=[shapely.Point(centre[1], centre[0]).buffer(0.01)],
        crs=4326,
    )
    folium.GeoJson(plans, name="Planned clinics (mine)").add_to(m)
    folium.Marker(centre, tooltip="Warehouse of mine").add_to(m)
    path = ccgeo.save_webmap(m, tmp_path / "mine")
    assert path.name == "mine.html"
    page = path.read_text(encoding="utf-8")
    assert external_references(page) == []
    assert "Planned clinics (mine)" in page  # in the layer control
    assert "Planned clinic zone" in page  # the GeoJSON's own data
    assert "Warehouse of mine" in page
    assert "L.marker" in page
    # ccgeo's own layers are still there
    assert "leaflet" in page.lower()


def test_save_webmap_takes_a_folium_map_built_from_scratch(tmp_path):
    m = folium.Map(location=(-8.55, 34.53), zoom_start=12, tiles=None)
    folium.Circle((-8.55, 34.53), radius=500, tooltip="A circle").add_to(m)
    path = ccgeo.save_webmap(m, tmp_path / "plain.html")
    page = path.read_text(encoding="utf-8")
    assert external_references(page) == []
    assert "A circle" in page


def test_save_webmap_refuses_what_is_not_a_map_and_a_missing_folder(tmp_path):
    with pytest.raises(InputError, match=r"should be a folium\.Map"):
        ccgeo.save_webmap("<html></html>", tmp_path / "x.html")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="does not exist"):
        ccgeo.save_webmap(folium.Map(tiles=None), tmp_path / "missing" / "x.html")
