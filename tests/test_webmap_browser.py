"""The exported HTML map in headless Chromium with every network request blocked.

Uses the system Chromium (``/usr/bin/chromium``, Debian package ``chromium``) through the
``playwright`` package; no browser is downloaded. Skipped with the reason when either is missing.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import folium
import pytest

from ccgeo.analysis.access import access
from ccgeo.model.settings import AccessSettings, ReferralSettings, Travel
from ccgeo.report.webmap import build_webmap, export_webmap

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install playwright)"
)
pytestmark = pytest.mark.skipif(
    not CHROMIUM.is_file() and shutil.which("chromium") is None,
    reason=f"Chromium not found at {CHROMIUM} (apt-get install chromium)",
)


@dataclass
class Visit:
    """A page loaded with the network blocked, and what went wrong while loading it."""

    page: object
    load_seconds: float
    blocked: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    executable = str(CHROMIUM) if CHROMIUM.is_file() else shutil.which("chromium")
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def visit(browser):
    contexts = []

    def open_page(path: Path) -> Visit:
        context = browser.new_context(viewport={"width": 1280, "height": 860})
        contexts.append(context)
        page = context.new_page()
        seen = Visit(page=page, load_seconds=0.0)

        def route(r) -> None:
            url = r.request.url
            if url.startswith(("file://", "data:")):
                r.continue_()
            else:  # everything from the web is refused, and counted as a failure
                seen.blocked.append(url)
                r.abort()

        context.route("**/*", route)
        page.on("requestfailed", lambda req: seen.failed.append(req.url))
        page.on("console", lambda msg: seen.errors.append(msg.text) if msg.type == "error" else 0)
        page.on("pageerror", lambda exc: seen.errors.append(str(exc)))
        start = time.perf_counter()
        page.goto(path.resolve().as_uri(), wait_until="load")
        page.wait_for_function("document.querySelectorAll('.leaflet-marker-icon').length > 0")
        seen.load_seconds = time.perf_counter() - start
        return seen

    yield open_page
    for context in contexts:
        context.close()


def overlay_names(fmap: folium.Map) -> list[str]:
    return [
        c.layer_name
        for c in fmap._children.values()
        if isinstance(c, folium.map.Layer) and c.control
    ]


@pytest.fixture(scope="module")
def demo_map(copy_demo, tmp_path_factory):
    from ccgeo.analysis.referral import plan_referral

    project = copy_demo()  # this module's own copy: its networks are built in it
    result = access(
        project.network("car"),
        project.facilities.capable("pcr"),
        project.demand,
        AccessSettings(capability="pcr"),
        districts=project.districts,
    )
    referral = plan_referral(
        project.network("motorbike"),
        project.facilities,
        ReferralSettings(capability="pcr", travel=Travel(mode="motorbike")),
    )
    options = {"referral": referral, "tiles": True}
    path = export_webmap(
        project, result, out_path=tmp_path_factory.mktemp("browser") / "demo.html", **options
    )
    return project, path, overlay_names(build_webmap(project, result, **options))


def test_demo_map_loads_offline_with_every_layer(demo_map, visit):
    project, path, names = demo_map
    seen = visit(path)
    page = seen.page
    assert seen.blocked == []
    assert seen.failed == []
    assert seen.errors == []
    assert page.evaluate("typeof window.L") == "object"
    assert page.evaluate("window.L.version") == "1.9.3"
    labels = page.locator(".leaflet-control-layers-overlays label").all_inner_texts()
    assert [t.strip() for t in labels] == names
    # the tile layer is listed but off: nothing was requested from the web
    assert "OpenStreetMap tiles (online only)" in names
    assert page.locator(".leaflet-tile").count() == 0
    assert page.locator(".leaflet-control-scale").count() == 1
    assert page.locator("#ccgeo-legend").is_visible()
    assert page.locator("#ccgeo-title").inner_text().startswith(project.name)
    # roads on canvas, areas as SVG, facilities as markers
    assert page.locator(".leaflet-pane canvas").count() >= 1
    n_markers = page.locator(".leaflet-marker-icon:not(.ccgeo-place-icon)").count()
    assert n_markers == len(project.facilities)
    # the base map's place names, as text over the map (not markers one can click)
    places = page.locator(".ccgeo-place-icon")
    assert places.count() >= 1
    assert places.first.inner_text() in set(project.basemap.place_name)


def test_clicking_a_facility_opens_its_popup(demo_map, visit):
    project, path, _ = demo_map
    seen = visit(path)
    page = seen.page
    gdf = project.facilities.gdf
    name = str(gdf.loc[gdf["facility_id"] == "VD-001", "name"].iloc[0])
    marker = page.locator(f'.leaflet-marker-icon[title="{name}"]')
    assert marker.count() == 1
    marker.click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for(state="visible", timeout=5000)
    text = popup.inner_text()
    assert name in text
    assert "15,000 tests per year" in text
    assert "EQA" in text
    assert seen.errors == []
    assert seen.blocked == []


def test_clicking_a_district_opens_its_coverage(demo_map, visit):
    project, path, _ = demo_map
    seen = visit(path)
    page = seen.page
    # hide the facility and route layers, then click inside the map's middle
    for label in page.locator(".leaflet-control-layers-overlays label").all():
        text = label.inner_text()
        if text.startswith(("Facilities", "Referral", "Courier", "Catchment")):
            label.locator("input").uncheck()
    box = page.locator("#" + page.evaluate("document.querySelector('.folium-map').id"))
    bounds = box.bounding_box()
    page.mouse.click(bounds["x"] + bounds["width"] / 2 + 30, bounds["y"] + bounds["height"] / 2)
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for(state="visible", timeout=5000)
    text = popup.inner_text()
    assert "Within 30 min" in text
    assert any(str(n) in text for n in project.districts["name"])
    assert seen.errors == []


@pytest.mark.shared_data
def test_porto_alegre_exports_and_loads_in_seconds(shared_data, tmp_path, visit):
    from ccgeo.project import project_from_files

    folder = shared_data / "porto_alegre"
    project = project_from_files(
        roads=folder / "poa_osm.pbf",
        facilities=folder / "porto_alegre_ubs_derived.csv",
        population=folder / "poa_hexgrid.csv",
        districts=folder / "porto_alegre_boundary_derived.geojson",
        name="Porto Alegre",
    )
    # every UBS counts as a lab here (capability "any"): the file has no capability columns
    result = access(
        project.network("car"),
        project.facilities,
        project.demand,
        AccessSettings(capability="any", thresholds_minutes=(5, 10, 15)),
        districts=project.districts,
    )
    start = time.perf_counter()
    path = export_webmap(project, result, out_path=tmp_path / "poa.html")
    export_s = time.perf_counter() - start
    size_mb = path.stat().st_size / 1e6
    seen = visit(path)
    print(
        f"Porto Alegre: export {export_s:.2f} s, {size_mb:.2f} MB, "
        f"browser load {seen.load_seconds:.2f} s"
    )
    assert seen.blocked == []
    assert seen.failed == []
    assert seen.errors == []
    facilities = seen.page.locator(".leaflet-marker-icon:not(.ccgeo-place-icon)")
    assert facilities.count() == len(project.facilities)
    assert size_mb < 5.0
    assert export_s < 15.0
    assert seen.load_seconds < 10.0


# -- names as text, large registries (Step 8) ----------------------------------------------------


def test_a_facility_named_like_html_shows_as_text(tmp_path, visit):
    from ccgeo.model.facilities import Facilities
    from ccgeo.project import Project

    evil = "<img src=x onerror=alert(1)>"
    fac = Facilities.from_records(
        [
            {"facility_id": "A", "name": evil, "lon": 30.0, "lat": -1.0, "pcr": True},
            {"facility_id": "B", "name": "Clinic B", "lon": 30.01, "lat": -1.01},
        ]
    )
    path = export_webmap(Project(name="Names", facilities=fac), out_path=tmp_path / "n.html")
    seen = visit(path)
    page = seen.page
    alerts: list[str] = []
    page.on("dialog", lambda d: (alerts.append(d.message), d.dismiss()))
    titles = page.eval_on_selector_all(".leaflet-marker-icon", "els => els.map(e => e.title)")
    assert evil in titles  # the hover title is plain text: the name as written
    index = titles.index(evil)
    page.locator(".leaflet-marker-icon").nth(index).click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for(state="visible", timeout=5000)
    assert evil in popup.inner_text()  # shown as text, not made into an image
    assert popup.locator("img").count() == 0
    assert page.locator("img[src='x']").count() == 0
    assert alerts == []
    assert seen.errors == []


def test_a_national_registry_map_loads_as_clusters(tmp_path, visit):
    import geopandas as gpd
    import numpy as np
    import pandas as pd

    from ccgeo.model.facilities import Facilities
    from ccgeo.model.schema import CAPABILITIES, FACILITY_COLUMNS
    from ccgeo.project import Project
    from ccgeo.report.webmap import MAX_FACILITY_CLUSTERS

    n, rng = 200_000, np.random.default_rng(8)
    data: dict[str, object] = dict.fromkeys(FACILITY_COLUMNS)
    data.update(facility_id=[f"F{i}" for i in range(n)], name=[f"Lab {i}" for i in range(n)])
    data.update({cap: rng.random(n) < 0.3 for cap in CAPABILITIES})
    data.update(eqa="none", accreditation="none", ownership="public")
    data["capacity_tests_per_year"] = np.nan
    points = gpd.points_from_xy(30 + 5 * rng.random(n), -3 + 5 * rng.random(n))
    fac = Facilities(gpd.GeoDataFrame(pd.DataFrame(data), geometry=points, crs="EPSG:4326"))
    path = export_webmap(Project(name="Registry", facilities=fac), out_path=tmp_path / "r.html")
    seen = visit(path)
    page = seen.page
    assert 0 < page.locator(".leaflet-marker-icon").count() <= MAX_FACILITY_CLUSTERS
    assert "200,000 facilities drawn as" in page.locator("#ccgeo-legend").inner_text()
    assert seen.load_seconds < 20
    assert seen.errors == []
