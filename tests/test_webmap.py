"""The offline HTML map: self-contained file, every layer, title and legend, popups, bad input."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import folium
import geopandas as gpd
import numpy as np
import pytest
from demokit import demo_with_plans

from ccgeo.errors import Cancelled, InputError
from ccgeo.model.facilities import Facilities
from ccgeo.model.scenario import Scenario
from ccgeo.project import Project
from ccgeo.report.webmap import (
    DEFAULT_SIMPLIFY_M,
    LEAFLET_VERSION,
    build_webmap,
    export_webmap,
    external_references,
    offline_html,
)

DATE = dt.date(2031, 5, 17)
#: Web addresses a self-contained page may still hold: XML namespaces inside Leaflet's code, a
#: comment in Leaflet's CSS, links in the attribution, and the optional tile layer (loaded only
#: when ticked).
ALLOWED_URL = re.compile(
    r"https?://(www\.w3\.org/|bugzilla\.mozilla\.org/|leafletjs\.com|"
    r"www\.openstreetmap\.org/copyright|tile\.openstreetmap\.org/\{z\})"
)


def in_page(text: str, value: str) -> bool:
    """Whether ``value`` is in the page as written, or as folium's JSON writes it (non-ASCII
    and ``<>&'`` as ``\\uXXXX``)."""
    escaped = (
        json.dumps(value)[1:-1]
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("'", "\\u0027")
    )
    return value in text or escaped in text


def layer_names(fmap: folium.Map) -> list[str]:
    """Names of the layers listed in the layer control, in order."""
    return [
        child.layer_name
        for child in fmap._children.values()
        if isinstance(child, folium.map.Layer) and child.control
    ]


@pytest.fixture(scope="module")
def demo(copy_demo):
    """This module's own copy of the demo city (its networks are built in it), and results."""
    return demo_with_plans(copy_demo())


@pytest.fixture(scope="module")
def demo_html(demo, tmp_path_factory):
    project, result, _, _ = demo
    out = tmp_path_factory.mktemp("webmap") / "demo.html"
    path = export_webmap(project, result, out_path=out, scenario="Baseline 2031", date=DATE)
    return path, path.read_text(encoding="utf-8")


def test_file_is_self_contained(demo_html):
    path, text = demo_html
    assert path.is_file()
    assert external_references(text) == []
    assert not re.search(r"<script[^>]+src=", text, re.IGNORECASE)
    assert not re.search(r"<link[^>]+href=[\"']?(https?:)?//", text, re.IGNORECASE)
    # Leaflet is inline, its CSS images as data URIs, and no other library was kept
    assert f"Leaflet {LEAFLET_VERSION}" in text
    assert "window.L=" in text.replace(" ", "") or "window.L =" in text
    assert "url(data:image/png;base64," in text
    assert "url(images/" not in text
    for gone in ("jquery", "bootstrap", "awesome-markers", "fontawesome"):
        assert gone not in text.lower()
    leftovers = {m.group(0) for m in re.finditer(r"https?://[^\s\"'<>)]+", text)}
    assert all(ALLOWED_URL.match(url) for url in leftovers), sorted(leftovers)


def test_file_size_is_sane(demo_html):
    path, _ = demo_html
    size_mb = path.stat().st_size / 1e6
    print(f"demo map: {size_mb:.2f} MB")
    # Leaflet alone is 0.16 MB; the demo's 27,000 road segments and 32,000 cells fit in a few MB
    assert 0.3 < size_mb < 5.0


def test_every_layer_is_in_the_file(demo, demo_html):
    project, result, _, _ = demo
    _, text = demo_html
    names = layer_names(build_webmap(project, result, date=DATE))
    expected = [
        "Facilities: NGS (sequencing) (2)",
        "Facilities: PCR (molecular) (2)",
        "Facilities: IHC / ISH / flow cytometry (2)",
        "Facilities: Histology / cytology (22)",
        "Facilities: Biopsy only (32)",
        "Catchment bands (travel time)",
        "Districts (coverage)",
        "Roads: main",
        "Roads: minor",
    ]
    for name in expected:
        assert name in names
    assert any(n.startswith("Population (") for n in names)
    for name in names:
        assert in_page(text, name), name
    assert "L.control.layers" in text
    assert "L.control.scale" in text


def test_title_legend_and_synthetic_note(demo_html):
    _, text = demo_html
    assert "Vila Demo (synthetic)" in text
    assert "Baseline 2031" in text
    assert "2031-05-17" in text
    for source in (
        "demo_city.osm.pbf",
        "demo_districts.geojson",
        "demo_population.tif",
        "demo_facilities.xlsx",
    ):
        assert source in text
    assert "SYNTHETIC demo data" in text
    assert 'id="ccgeo-legend"' in text
    assert f"simplified for display by {DEFAULT_SIMPLIFY_M:g} m" in text
    assert "EPSG:327" in text  # the local UTM zone of the demo city (southern hemisphere)
    assert "Ring: in EQA or accredited" in text
    assert "0–30 min" in text
    assert "60–120 min" in text
    # no absolute path of this machine leaks into a file that is sent around
    assert "/layers/demo/" not in text


def test_popups_hold_attributes_and_coverage_for_people(demo, demo_html):
    project, result, _, _ = demo
    _, text = demo_html
    gdf = project.facilities.gdf
    lab = gdf[gdf["facility_id"] == "VD-001"].iloc[0]
    assert in_page(text, lab["name"])
    assert "15,000 tests per year" in text  # capacity with a thousands separator
    assert "ISO 15189" in text
    assert "international" in text
    # the analysis line: how many people the lab is the nearest lab for
    served = result.demand[result.demand["lab_id"] == "VD-001"]["population"].sum()
    assert f"nearest lab for {served:,.0f} people" in text
    # district coverage as people and percentages, as in the coverage table
    cov = result.coverage
    row = cov[(cov["district_id"] != "ALL") & (cov["threshold_min"] == 30)].iloc[0]
    assert f"{row['covered']:,.0f} ({100 * row['share']:.1f} %)" in text
    city = result.city_coverage()
    share60 = city.loc[city["threshold_min"] == 60, "share"].iloc[0]
    assert f"{100 * share60:.1f} % of" in text


def test_siting_and_referral_layers(demo, tmp_path):
    project, result, siting, referral = demo
    fmap = build_webmap(project, result, siting=siting, referral=referral, date=DATE)
    names = layer_names(fmap)
    assert f"Proposed hubs ({len(siting.hubs)})" in names
    assert "Referral routes" in names
    assert "Courier loops" in names
    path = export_webmap(
        project, result, out_path=tmp_path / "plan", siting=siting, referral=referral, date=DATE
    )
    assert path.name == "plan.html"
    text = path.read_text(encoding="utf-8")
    assert external_references(text) == []
    for hub in siting.hubs["name"]:
        assert in_page(text, hub)
    for courier in sorted(set(referral.loops["courier"])):
        assert courier in text
    assert "Sample route" in text
    assert "Courier loop" in text


def test_without_analysis_the_map_shows_the_data(demo):
    project, _, _, _ = demo
    names = layer_names(build_webmap(project, scenario=Scenario("Upgrade two labs")))
    assert not any("Catchment" in n or "Underserved" in n for n in names)
    assert "Districts" in names
    fmap = build_webmap(project, include_roads=False)
    assert not any(n.startswith("Roads") for n in layer_names(fmap))


def test_tiles_are_optional_and_off(demo, tmp_path):
    project, _, _, _ = demo
    fmap = build_webmap(project, tiles=True, include_roads=False)
    tiles = [c for c in fmap._children.values() if isinstance(c, folium.TileLayer)]
    assert len(tiles) == 1
    assert tiles[0].show is False
    text = offline_html(fmap.get_root().render())
    assert "tile.openstreetmap.org/{z}/{x}/{y}.png" in text
    assert external_references(text) == []


def test_simplification_shrinks_the_file(demo, tmp_path):
    project, _, _, _ = demo
    sizes = {}
    for tol in (0.0, 25.0):
        path = export_webmap(project, out_path=tmp_path / f"t{tol:g}.html", simplify_m=tol)
        sizes[tol] = path.stat().st_size
    assert sizes[25.0] < 0.8 * sizes[0.0]


def _tiny_project(name: str) -> Project:
    fac = Facilities.from_records(
        [
            {"facility_id": "A&1", "name": name, "lon": 30.0, "lat": -1.0, "pcr": True},
            {"facility_id": "B", "name": "Clinic B", "lon": 30.01, "lat": -1.01, "eqa": "national"},
        ]
    )
    return Project(name="Tiny <town>", facilities=fac)


def test_text_from_files_is_escaped(tmp_path):
    evil = '<img src=x onerror="alert(1)">Lab'
    path = export_webmap(_tiny_project(evil), out_path=tmp_path / "tiny.html")
    text = path.read_text(encoding="utf-8")
    assert evil not in text
    assert "Tiny &lt;town&gt;" in text
    assert "<img src=x" not in text


def test_progress_and_cancel(demo, tmp_path):
    import threading

    project, result, _, _ = demo
    seen: list[float] = []
    export_webmap(
        project,
        result,
        out_path=tmp_path / "p.html",
        progress=lambda f, _t: seen.append(f),
        include_roads=False,
    )
    assert seen == sorted(seen)
    assert seen[-1] == 1.0
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        export_webmap(project, result, out_path=tmp_path / "c.html", cancel=cancel)
    assert not (tmp_path / "c.html").exists()


def test_bad_input(tmp_path):
    with pytest.raises(InputError, match="holds nothing to map"):
        build_webmap(Project(name="Empty"))
    with pytest.raises(InputError, match="does not exist; create it"):
        export_webmap(_tiny_project("Lab"), out_path=tmp_path / "missing" / "map.html")
    with pytest.raises(InputError, match="`simplify_m` should be metres"):
        build_webmap(_tiny_project("Lab"), simplify_m=-1.0)
    with pytest.raises(InputError, match="`simplify_m` should be metres"):
        build_webmap(_tiny_project("Lab"), simplify_m=float("nan"))


def test_population_from_points_is_shaded_in_classes(tmp_path):
    from ccgeo.model.demand import Demand

    # a 20 × 20 grid of 100 m cells, density rising west to east
    x, y = np.meshgrid(np.arange(20), np.arange(20))
    lon = 30.0 + x.ravel() * 100 / 111_320
    lat = -1.0 + y.ravel() * 100 / 110_570
    pop = (1 + x.ravel()) * 10.0
    gdf = gpd.GeoDataFrame(
        {"demand_id": [str(i) for i in range(400)], "population": pop, "district_id": ""},
        geometry=gpd.points_from_xy(lon, lat),
        crs="EPSG:4326",
    )
    project = Project(name="Grid", demand=Demand(gdf, kind="points"))
    fmap = build_webmap(project)
    layer = next(c for c in fmap._children.values() if getattr(c, "layer_name", "") != "")
    assert layer.layer_name == f"Population ({pop.sum():,.0f} people)"
    features = layer.data["features"]
    assert 2 <= len(features) <= 8
    colors = [f["properties"]["style"]["fillColor"] for f in features]
    assert len(set(colors)) == len(colors)
    # together the classes cover the 2 km × 2 km grid (up to the display simplification)
    import shapely

    from ccgeo.geo import local_utm_crs

    union = shapely.union_all([shapely.geometry.shape(f["geometry"]) for f in features])
    area = gpd.GeoSeries([union], crs="EPSG:4326").to_crs(local_utm_crs(30.0, -1.0)).area[0]
    assert area == pytest.approx(4.0e6, rel=0.05)


def test_offline_html_inlines_leaflet_in_place():
    page = (
        "<html><head><script>L_NO_TOUCH = false;</script>"
        '<script src="https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js"></script>'
        '<script src="https://code.jquery.com/jquery-3.7.1.min.js"></script>'
        '<link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css"/>'
        "</head><body></body></html>"
    )
    out = offline_html(page)
    assert external_references(out) == []
    assert out.index("L_NO_TOUCH") < out.index("Leaflet 1.9.3") < out.index("</head>")
    assert "jquery" not in out
    assert "sourceMappingURL" not in out


def test_no_absolute_paths_in_tracked_assets():
    readme = Path(__file__).resolve().parents[1] / "resources" / "web" / "README.md"
    text = readme.read_text(encoding="utf-8")
    assert "leaflet@1.9.3" in text
    assert "BSD-2-Clause" in text


def test_the_projects_base_map_is_drawn_offline(demo, demo_html):
    """The HTML map reads without internet as the app does: water, parks and built-up areas and
    rivers from the project's OSM file under everything, place names over it, in the legend."""
    project, result, _, _ = demo
    _, text = demo_html
    assert project.basemap is not None
    assert not project.basemap.is_empty
    names = layer_names(build_webmap(project, result, date=DATE))
    assert names[-2:] == ["Base map (OpenStreetMap data)", "Place names"]
    assert "Base map" in text
    assert "Water" in text
    assert "Rivers and canals" in text
    assert "Base map \\u00a9 \\u003ca href=\\u0027https://www.openstreetmap.org" in text
    for name in set(project.basemap.place_name[project.basemap.place_class == "city"]):
        assert f"\\u003e{name}\\u003c/div\\u003e" in text  # as the JSON of the label
    assert '"ccgeo-base"' in text
    kept, project.basemap = project.basemap, None
    try:
        names = layer_names(build_webmap(project, result, date=DATE))
    finally:
        project.basemap = kept
    assert "Base map (OpenStreetMap data)" not in names
    assert "Place names" not in names


# -- outputs others can open (Step 8) ------------------------------------------------------------


def _many_facilities(n: int) -> Facilities:
    """``n`` synthetic facilities spread over 5° × 5°, with random capabilities (fast to build)."""
    import pandas as pd

    from ccgeo.model.schema import CAPABILITIES, FACILITY_COLUMNS

    rng = np.random.default_rng(8)
    data: dict[str, object] = dict.fromkeys(FACILITY_COLUMNS)
    data["facility_id"] = [f"F{i}" for i in range(n)]
    data["name"] = [f"Facility {i}" for i in range(n)]
    for cap in CAPABILITIES:
        data[cap] = rng.random(n) < 0.3
    data["eqa"] = np.where(rng.random(n) < 0.2, "national", "none")
    data["accreditation"] = "none"
    data["ownership"] = "public"
    data["capacity_tests_per_year"] = np.nan
    points = gpd.points_from_xy(30 + 5 * rng.random(n), -3 + 5 * rng.random(n))
    return Facilities(gpd.GeoDataFrame(pd.DataFrame(data), geometry=points, crs="EPSG:4326"))


def test_a_national_registry_is_drawn_as_clusters_and_says_so(tmp_path):
    from ccgeo.report.webmap import MAX_FACILITY_CLUSTERS, MAX_FACILITY_MARKERS

    n = 200_000  # a national registry: once a 207 MB file no browser opened
    project = Project(name="Registry", facilities=_many_facilities(n))
    path = export_webmap(project, out_path=tmp_path / "registry.html", date=DATE)
    assert path.stat().st_size < 25e6
    text = path.read_text(encoding="utf-8")
    assert "200,000 facilities drawn as" in text
    assert f"clusters above {MAX_FACILITY_MARKERS:,}" in text
    fmap = build_webmap(project, date=DATE)
    layers = [
        child
        for child in fmap._children.values()
        if isinstance(child, folium.GeoJson) and child.layer_name.startswith("Facilities")
    ]
    counts = [f["properties"]["count"] for layer in layers for f in layer.data["features"]]
    assert sum(counts) == n  # every facility is in exactly one cluster
    assert len(counts) <= MAX_FACILITY_CLUSTERS
    # a small registry keeps one symbol per facility, with no cluster note
    small = export_webmap(
        Project(name="Small", facilities=_many_facilities(50)), out_path=tmp_path / "small.html"
    )
    assert "clusters above" not in small.read_text(encoding="utf-8")


def test_map_file_opens_for_others_and_has_a_title(tmp_path):
    import os
    import stat

    old = os.umask(0o022)
    try:
        path = export_webmap(_tiny_project("Lab A"), out_path=tmp_path / "shared.html")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644  # others may read it, as any new file
    text = path.read_text(encoding="utf-8")
    assert "<title>Tiny &lt;town&gt;</title>" in text


def test_facility_names_are_text_in_popups_and_titles():
    evil = "<img src=x onerror=alert(1)>"
    fmap = build_webmap(_tiny_project(evil), date=DATE)
    features = [
        feature
        for child in fmap._children.values()
        if isinstance(child, folium.GeoJson) and child.layer_name.startswith("Facilities")
        for feature in child.data["features"]
    ]
    named = [f["properties"] for f in features if f["properties"]["name"] == evil]
    assert len(named) == 1
    # the popup (HTML) holds the name escaped; the marker's title (plain text) holds it as is
    assert "&lt;img src=x onerror=alert(1)&gt;" in named[0]["popup"]
    assert "<img" not in named[0]["popup"]
