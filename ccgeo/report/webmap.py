"""The interactive HTML map of a project and its analyses: one self-contained, offline file.

Built with folium; Leaflet's JavaScript and CSS are inlined from ``resources/web/`` so that a map
sent to a laptop with no internet still draws. The base map is the road network as vector lines.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import html
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from folium.utilities import JsCode
from jinja2 import Template
from pyproj import CRS
from scipy.spatial import cKDTree

from ccgeo.errors import InputError, check_cancel
from ccgeo.geo import local_utm_crs, project_lonlat, unproject_xy
from ccgeo.i18n import N_, current_language, ngettext, using_language
from ccgeo.i18n import gettext as _
from ccgeo.io.atomic import write_text_atomic
from ccgeo.io.kinds import kind_of
from ccgeo.labels import (
    format_count,
    format_date,
    format_minutes,
    format_number,
    format_people,
    format_share,
    format_threshold,
)
from ccgeo.model.basemap import AREA_CLASSES, LINE_CLASSES, BasemapData
from ccgeo.model.facilities import Facilities
from ccgeo.model.scenario import Scenario
from ccgeo.model.schema import CAPABILITIES
from ccgeo.params import resource
from ccgeo.progress import report_progress, scaled_progress
from ccgeo.report.export import write_run_log
from ccgeo.report.methods import uses_osm
from ccgeo.report.notes import DataNote, data_notes, note_lines
from ccgeo.styles import (
    BACKGROUND,
    BAND_OPACITY,
    BASEMAP_AREA_FILLS,
    BASEMAP_AREA_LABELS,
    BASEMAP_LINE_STYLES,
    COURIER_COLORS,
    DISTRICT_OUTLINE,
    DISTRICT_OUTLINE_PX,
    FACILITY_STYLES,
    HUB_STYLE,
    INK,
    NO_COURIER_COLOR,
    POPULATION_ALPHA,
    POPULATION_RAMP,
    QUALITY_RING_COLOR,
    QUALITY_RING_GAP_PX,
    QUALITY_RING_LABEL,
    QUALITY_RING_PX,
    ROAD_STYLES,
    TIER_CLASS,
    UNDERSERVED_FILL,
    UNDERSERVED_OPACITY,
    UNDERSERVED_OUTLINE,
    FacilityStyle,
    RoadStyle,
    band_colors,
    road_classes,
    symbol_outline,
)

if TYPE_CHECKING:
    import threading

    from ccgeo.analysis.access import AccessResult
    from ccgeo.analysis.referral import ReferralResult
    from ccgeo.analysis.siting import SitingResult
    from ccgeo.progress import ProgressCallback
    from ccgeo.project import Project

#: Folder of the inlined web assets (see its README for versions and licences).
#: The Leaflet build inlined into every map (the version folium's template is written for).
LEAFLET_VERSION = "1.9.3"

#: Default display tolerance, metres: a vertex is dropped when the line moves by less than this.
#: 5 m is under one screen pixel up to zoom 14 and about the width of a street.
DEFAULT_SIMPLIFY_M = 5.0
#: Minor roads (residential, service, tracks, paths) are simplified this many times more.
MINOR_ROAD_FACTOR = 2.0
#: Decimals kept of longitude/latitude degrees: 5 decimals are 1.1 m or less.
COORD_DECIMALS = 5

#: Most cells of the population shading; finer demand is summed into blocks of 2×2, 3×3, ...
#: cells (an exact sum of people, so the density of each block is true), so that the file
#: stays small and the browser quick.
MAX_SHADING_CELLS = 8_000
#: Largest pixel grid of the population shading; the pixel grows to stay under it.
_MAX_SHADING_PIXELS = 4_000_000
#: Pixels per point spacing of the population shading grid.
_PIXELS_PER_SPACING = 4.0
#: Pixel staircases are smoothed by this many pixels.
_STEP_SMOOTHING = 0.5

#: Most facilities drawn one by one; above it they are drawn as grid clusters (a count per
#: cell and highest capability), so that a national registry of 200,000 rows still gives a
#: file a browser opens. The legend says so.
MAX_FACILITY_MARKERS = 5_000
#: Most cluster symbols of the facilities layers; the grid cell grows to stay under it.
MAX_FACILITY_CLUSTERS = 3_000
#: Names listed in a cluster's popup.
_CLUSTER_NAMES = 5

#: Road classes of the "main roads" layer; the rest go to "minor roads".
MAIN_ROAD_CLASSES: tuple[str, ...] = ("tertiary", "secondary", "primary", "trunk", "motorway")

# Leaflet panes fix the drawing order whatever the order layers are ticked on again: population
# at the bottom, then catchment bands, districts, underserved areas, roads, referral lines;
# markers (600) and popups (700) stay on Leaflet's own panes above. Panes drawn on a canvas
# (many features, no popups) take no pointer events so that clicks reach the layers below.
_PANES: dict[str, tuple[int, bool]] = {
    "ccgeo-base": (340, False),
    "ccgeo-population": (350, False),
    "ccgeo-bands": (370, True),
    "ccgeo-districts": (380, True),
    "ccgeo-underserved": (390, True),
    "ccgeo-roads": (400, False),
    "ccgeo-referral": (420, True),
}

_CAPABILITY_LABELS: dict[str, str] = {  # translated where shown (`_`)
    "biopsy": N_("biopsy"),
    "cytology": N_("cytology"),
    "histology": N_("histology"),
    "ihc": N_("IHC"),
    "ish": N_("ISH/FISH"),
    "pcr": N_("PCR"),
    "ngs": N_("NGS"),
    "flow": N_("flow cytometry"),
}
_EQA_LABELS = {
    "none": N_("none"),
    "national": N_("national scheme"),
    "international": N_("international"),
}
_ACCREDITATION_LABELS = {
    "none": N_("none"),
    "iso15189": "ISO 15189",
    "cap": "CAP",
    "other": N_("other"),
}
_MODE_LABELS = {"car": N_("car"), "motorbike": N_("motorbike"), "walk": N_("walk")}
_OWNERSHIP_LABELS = {
    "public": N_("public"),
    "private": N_("private"),
    "faith_based": N_("faith based"),
    "ngo": N_("ngo"),
    "military": N_("military"),
    "other": N_("other"),
    "unknown": N_("unknown"),
}
_MAX_EXTRA_FIELDS = 8
_MAX_TEXT = 120

_BIND_POPUP = JsCode(
    "function (feature, layer) {\n"
    "  if (feature.properties && feature.properties.popup) {\n"
    "    layer.bindPopup(feature.properties.popup, {maxWidth: 380});\n"
    "  }\n"
    "}"
)


# -- public API ---------------------------------------------------------------------------------


def build_webmap(
    project: Project,
    result: AccessResult | None = None,
    *,
    title: str | None = None,
    scenario: Scenario | str | None = None,
    siting: SitingResult | None = None,
    referral: ReferralResult | None = None,
    simplify_m: float = DEFAULT_SIMPLIFY_M,
    include_roads: bool = True,
    tiles: bool = False,
    date: dt.date | None = None,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    lang: str | None = None,
) -> folium.Map:
    """The interactive map of a project and its analyses as a `folium.Map`.

    Layers, each in the layer control: facilities by capability tier (the app's symbols;
    popups with capabilities, EQA, accreditation, capacity and the file's own columns; grid
    clusters above `MAX_FACILITY_MARKERS`), proposed hubs, referral routes and courier loops when
    given, underserved areas with their people, catchment bands, districts with their coverage,
    population density and the roads as base map; a title (scenario, date, sources, a
    synthetic-data warning), a legend and a scale bar over it. It is folium's own object: add
    layers as to any `folium.Map`, then write the offline file with `save_webmap`:
    ``m = ccgeo.build_webmap(project, result); folium.GeoJson(gdf, name="Plans").add_to(m);
    ccgeo.save_webmap(m, "map.html")``.

    Parameters
    ----------
    project
        Facilities, roads, demand and districts to draw (EPSG:4326), and ``metadata``
        (``synthetic``, ``sources``) for the title.
    result
        An access analysis of the project: adds catchment bands, underserved areas, coverage
        in the district popups and, for each lab, the people it is the nearest lab for.
    title
        Heading of the map; default the project name.
    scenario
        The scenario shown (a `Scenario` or its name); default "Baseline (existing labs)".
    siting
        Proposed hubs from `ccgeo.analysis.siting.site_hubs`.
    referral
        Sample referral plan from `ccgeo.analysis.referral.plan_referral` (routes and loops,
        coloured by courier).
    simplify_m
        Display tolerance in metres, applied in the local UTM zone to roads, areas and routes
        (minor roads at `MINOR_ROAD_FACTOR` times it); 0 keeps every vertex; in the legend.
    include_roads
        Draw the road network.
    tiles
        Add an OpenStreetMap tile layer, off until ticked; it stays blank without internet.
    date
        Date printed in the title; default today.
    progress, cancel
        ``progress(fraction, text)`` and a `threading.Event` that cancels (`Cancelled`).
    lang
        Language of the words, numbers and dates; default `ccgeo.i18n.current_language`.

    Returns
    -------
    folium.Map

    Raises
    ------
    InputError
        If the project holds nothing to draw or ``simplify_m`` is not a distance.
    """
    with using_language(lang) if lang is not None else contextlib.nullcontext():
        area, ctx = _map_context(project, result, simplify_m)
        fmap = _empty_map(area)
        _run_steps(
            _layer_steps(fmap, project, result, ctx, siting, referral, include_roads=include_roads),
            progress,
            cancel,
        )
        _add_controls(fmap, tiles=tiles)
        _add_title_and_legend(fmap, project, result, ctx, title=title, scenario=scenario, date=date)
    report_progress(progress, 1.0, "map ready")
    return fmap


def export_webmap(
    project: Project,
    result: AccessResult | None = None,
    *,
    out_path: str | Path,
    title: str | None = None,
    scenario: Scenario | str | None = None,
    siting: SitingResult | None = None,
    referral: ReferralResult | None = None,
    simplify_m: float = DEFAULT_SIMPLIFY_M,
    include_roads: bool = True,
    tiles: bool = False,
    date: dt.date | None = None,
    run: Mapping[str, Any] | None = None,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    lang: str | None = None,
) -> Path:
    """Write the interactive map as one self-contained HTML file that works with no internet.

    Leaflet's JavaScript, CSS and images are inlined from ``resources/web``; folium's CDN links
    (jQuery, Bootstrap, Font Awesome, ...) are removed, as nothing on this map needs them. The
    only web addresses left are the optional tile layer's (loaded only when ticked) and links
    in the attribution. The file is written to a temporary name and moved into place.

    Parameters
    ----------
    project, result, title, scenario, siting, referral, simplify_m, include_roads, tiles, date, lang
        As for `build_webmap`.
    out_path
        The HTML file to write; ``.html`` is appended when the name has no ``.html``/``.htm``;
        a folder gets ``ccgeo_map.html``.
    run
        The run that made it (`ccgeo.tasks.settings.run_record`), written beside the map as
        ``run_log_<name>.json`` (`ccgeo.report.export.write_run_log`); None writes none.
    progress, cancel
        ``progress(fraction, text)`` and a `threading.Event` that cancels (`Cancelled`).

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    InputError
        If the folder of ``out_path`` does not exist or cannot be written, or as `build_webmap`.
    """
    path = _html_path(out_path)
    fmap = build_webmap(
        project,
        result,
        title=title,
        scenario=scenario,
        siting=siting,
        referral=referral,
        simplify_m=simplify_m,
        include_roads=include_roads,
        tiles=tiles,
        date=date,
        progress=scaled_progress(progress, 0.0, 0.9),
        cancel=cancel,
        lang=lang,
    )
    check_cancel(cancel)
    report_progress(progress, 0.9, "writing the HTML file")
    path = save_webmap(fmap, path, run=run)
    report_progress(progress, 1.0, f"map written to {path.name}")
    return path


def save_webmap(
    fmap: folium.Map, out_path: str | Path, *, run: Mapping[str, Any] | None = None
) -> Path:
    """Write a `folium.Map` as one self-contained HTML file that works with no internet.

    Any folium map: one from `build_webmap` with layers of your own added, or one made from
    scratch. Leaflet is inlined from ``resources/web`` (`offline_html`) and every other script
    or stylesheet from the web is left out: folium's core layers (``GeoJson``, ``Marker``,
    ``Circle``, ``FeatureGroup``, ``Choropleth``) work offline, plugins that load their own
    JavaScript from the web (``folium.plugins``) do not. The file is written to a temporary
    name and moved into place.

    Parameters
    ----------
    fmap
        The map.
    out_path
        The HTML file to write; ``.html`` is appended when the name has no ``.html``/``.htm``;
        a folder gets ``ccgeo_map.html``.
    run
        The run that made it (`ccgeo.tasks.settings.run_record`), written beside the map as
        ``run_log_<name>.json``; None writes none.

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    InputError
        If ``fmap`` is not a folium map, or the folder of ``out_path`` does not exist or cannot
        be written.

    Examples
    --------
    >>> m = ccgeo.build_webmap(project, result)  # doctest: +SKIP
    >>> folium.Marker((-8.55, 34.53), tooltip="Warehouse").add_to(m)  # doctest: +SKIP
    >>> ccgeo.save_webmap(m, "map.html")  # works with no internet  # doctest: +SKIP
    """
    if not isinstance(fmap, folium.Map):
        msg = f"`fmap` should be a folium.Map (from ccgeo.build_webmap), got {type(fmap).__name__}"
        raise InputError(msg)
    path = _html_path(out_path)
    text = offline_html(fmap.get_root().render())
    write_text_atomic(path, text, what="the map")
    if run is not None:
        write_run_log(path.parent, path.stem, run)
    return path


def _html_path(out_path: str | Path) -> Path:
    """The HTML file to write for ``out_path`` (a folder gets ``ccgeo_map.html``, a name
    without ``.html`` gets it), in a folder that exists."""
    path = Path(out_path)
    if path.is_dir():
        path = path / "ccgeo_map.html"
    if kind_of(path, among="webmap") is None:
        path = path.with_name(path.name + ".html")
    if not path.parent.is_dir():
        msg = f"the folder {path.parent} does not exist; create it or choose another output path"
        raise InputError(msg, path=path)
    return path


def offline_html(page: str) -> str:
    """Make a rendered folium page self-contained: inline Leaflet, drop every CDN reference.

    Leaflet's ``<script src>`` and ``<link href>`` are replaced in place by the contents of
    the files in ``resources/web`` (the CSS images as ``data:`` URIs); every other ``<script>`` or
    ``<link>`` that points at the web is removed.

    Parameters
    ----------
    page
        HTML text from ``folium.Map.get_root().render()``.

    Returns
    -------
    str
        The page with no external script or stylesheet.
    """
    js, css = _leaflet_assets()
    done = {"js": False, "css": False}

    def replace(match: re.Match[str]) -> str:
        tag = match.group(0)
        url = match.group("url")
        if tag.lower().startswith("<script") and url.endswith("/leaflet.js") and not done["js"]:
            done["js"] = True
            return f"<script>/* Leaflet {LEAFLET_VERSION} (BSD-2-Clause) */\n{js}\n</script>\n"
        if tag.lower().startswith("<link") and url.endswith("/leaflet.css") and not done["css"]:
            done["css"] = True
            return f"<style>/* Leaflet {LEAFLET_VERSION} (BSD-2-Clause) */\n{css}\n</style>\n"
        return ""

    out = _EXTERNAL_TAG.sub(replace, page)
    missing = "".join(
        (f"<style>\n{css}\n</style>\n" if not done["css"] else "")
        + (f"<script>\n{js}\n</script>\n" if not done["js"] else "")
    )
    if missing:
        # folium changed its template: put Leaflet first in the head so the map code finds it
        out = re.sub(r"(<head[^>]*>)", lambda m: m.group(1) + "\n" + missing, out, count=1)
    left = external_references(out)
    if left:
        msg = f"external references left in the map page: {left[:3]}"
        raise RuntimeError(msg)
    return out


def external_references(page: str) -> list[str]:
    """URLs of every ``<script src>`` and ``<link href>`` in ``page`` that points at the web."""
    return [m.group("url") for m in _EXTERNAL_TAG.finditer(page)]


# -- building the map ---------------------------------------------------------------------------


def _map_context(
    project: Project, result: AccessResult | None, simplify_m: float
) -> tuple[tuple[float, float, float, float], _Context]:
    """The bounds ``(w, s, e, n)`` in degrees of what is drawn, and the drawing context (the
    local UTM zone of its centre, the display tolerance in metres, an empty legend).

    Raises
    ------
    InputError
        If ``simplify_m`` is not a distance or the project holds nothing to draw.
    """
    if not (isinstance(simplify_m, int | float) and math.isfinite(simplify_m) and simplify_m >= 0):
        msg = f"`simplify_m` should be metres, 0 or more (5 is a good start), got {simplify_m!r}"
        raise InputError(msg)
    area = _extent(project, result)
    if area is None:
        msg = (
            f"project {project.name!r} holds nothing to map: no roads, facilities, population "
            "or districts; import at least one layer first"
        )
        raise InputError(msg)
    crs = local_utm_crs((area[0] + area[2]) / 2.0, (area[1] + area[3]) / 2.0)
    return area, _Context(crs=crs, simplify_m=float(simplify_m), legend=_Legend())


def _empty_map(area: tuple[float, float, float, float]) -> folium.Map:
    """A map without tiles fitted to ``area`` (``(w, s, e, n)``, degrees), with ccgeo's panes."""
    fmap = folium.Map(location=None, tiles=None, control_scale=True, zoom_control=True)
    fmap.fit_bounds([[area[1], area[0]], [area[3], area[2]]])
    for pane, (z_index, events) in _PANES.items():
        folium.map.CustomPane(pane, z_index=z_index, pointer_events=events).add_to(fmap)
    return fmap


def _add_controls(fmap: folium.Map, *, tiles: bool) -> None:
    """The optional OpenStreetMap tile layer, then the layer control (open, top right)."""
    if tiles:
        _add_osm_tiles(fmap)
    folium.LayerControl(collapsed=False, position="topright").add_to(fmap)


def _run_steps(
    steps: Sequence[tuple[str, Callable[[], None]]],
    progress: ProgressCallback | None,
    cancel: threading.Event | None,
) -> None:
    """Draw the layers one after the other, reporting progress and checking for cancel."""
    for i, (what, step) in enumerate(steps):
        check_cancel(cancel)
        report_progress(progress, i / (len(steps) + 1), f"drawing {what}")
        step()


def _layer_steps(
    fmap: folium.Map,
    project: Project,
    result: AccessResult | None,
    ctx: _Context,
    siting: SitingResult | None,
    referral: ReferralResult | None,
    *,
    include_roads: bool,
) -> list[tuple[str, Callable[[], None]]]:
    """What to draw, top layer first, as ``(what, draw)``: only the layers there are data for."""
    demand_gdf = project.demand.gdf if project.demand is not None else None
    if demand_gdf is None and result is not None:
        demand_gdf = result.demand
    steps: list[tuple[str, Callable[[], None]]] = []
    if project.facilities is not None and len(project.facilities):
        fac = project.facilities
        steps.append(("facilities", lambda: _add_facilities(fmap, fac, result, ctx)))
    if siting is not None:
        steps.append(("proposed hubs", lambda: _add_hubs(fmap, siting, ctx)))
    if referral is not None:
        steps.append(("referral routes", lambda: _add_referral(fmap, referral, ctx)))
    if result is not None:
        steps.append(("underserved areas", lambda: _add_underserved(fmap, result, ctx)))
        steps.append(("catchment bands", lambda: _add_bands(fmap, result, ctx)))
    if project.districts is not None and len(project.districts):
        districts = project.districts
        steps.append(
            ("districts", lambda: _add_districts(fmap, districts, result, demand_gdf, ctx))
        )
    if demand_gdf is not None and len(demand_gdf):
        kind = getattr(project.demand, "kind", "points")
        cell_m = getattr(project.demand, "cell_size_m", None)
        shown = result is None
        steps.append(
            (
                "population",
                lambda: _add_population(
                    fmap, demand_gdf, project.districts, ctx, kind=kind, cell_m=cell_m, show=shown
                ),
            )
        )
    if include_roads and project.roads is not None and project.roads.n_edges:
        roads = project.roads
        steps.append(("roads", lambda: _add_roads(fmap, roads, ctx, osm=uses_osm(project))))
    if project.basemap is not None and not project.basemap.is_empty:
        data = project.basemap
        steps.append(("base map", lambda: _add_basemap(fmap, data, ctx)))
    return steps


def _add_osm_tiles(fmap: folium.Map) -> None:
    """The OpenStreetMap tiles as an overlay, off until ticked (blank without internet)."""
    from ccgeo.io.tiles import OSM_MAX_ZOOM, OSM_TILE_ATTRIBUTION, OSM_TILE_URL

    folium.TileLayer(
        OSM_TILE_URL,
        attr=_(OSM_TILE_ATTRIBUTION),
        name=_("OpenStreetMap tiles (online only)"),
        overlay=True,
        show=False,
        max_zoom=OSM_MAX_ZOOM,
    ).add_to(fmap)


# -- assets -------------------------------------------------------------------------------------

_EXTERNAL_TAG = re.compile(
    r"<(?:script\b[^>]*?\bsrc|link\b[^>]*?\bhref)\s*=\s*[\"']?(?P<url>(?:https?:)?//[^\"'\s>]+)"
    r"[^>]*>(?:\s*</script>)?\s*",
    re.IGNORECASE,
)
_SOURCE_MAP = re.compile(r"^\s*//# sourceMappingURL=.*$", re.MULTILINE)
_CSS_URL = re.compile(r"url\((?P<q>[\"']?)(?P<path>images/[\w.-]+\.png)(?P=q)\)")


def _leaflet_assets() -> tuple[str, str]:
    """Leaflet's JavaScript and CSS, the CSS images inlined as ``data:`` URIs."""
    folder = resource("web", "leaflet")
    try:
        js = (folder / "leaflet.js").read_text(encoding="utf-8")
        css = (folder / "leaflet.css").read_text(encoding="utf-8")
    except OSError as exc:
        msg = (
            f"the web assets of the offline map are missing ({exc}); reinstall ccgeo or restore "
            f"{folder} (see resources/web/README.md)"
        )
        raise InputError(msg, path=folder) from exc

    def inline(match: re.Match[str]) -> str:
        data = base64.b64encode((folder / match.group("path")).read_bytes()).decode("ascii")
        return f"url(data:image/png;base64,{data})"

    return _SOURCE_MAP.sub("", js), _CSS_URL.sub(inline, css)


# -- context and legend -------------------------------------------------------------------------


@dataclass
class _Legend:
    """Rows of the legend, by section, as small inline SVG swatches and escaped labels."""

    sections: dict[str, list[tuple[str, str]]] | None = None

    def add(self, section: str, swatch: str, label: str) -> None:
        if self.sections is None:
            self.sections = {}
        self.sections.setdefault(section, []).append((swatch, html.escape(label)))

    def html(self, footnote: str) -> str:
        legend = html.escape(_("Legend"))
        parts = [f'<details id="ccgeo-legend" open><summary>{legend}</summary>']
        for section, rows in (self.sections or {}).items():
            parts.append(f'<div class="ccgeo-section">{html.escape(section)}</div>')
            parts.extend(
                f'<div class="ccgeo-row">{swatch}<span>{label}</span></div>'
                for swatch, label in rows
            )
        parts.append(f'<div class="ccgeo-foot">{footnote}</div></details>')
        return "".join(parts)


@dataclass
class _Context:
    crs: CRS
    simplify_m: float
    legend: _Legend
    population_pixel_m: float = 0.0
    population_cell_m: float = 0.0


def _extent(
    project: Project, result: AccessResult | None
) -> tuple[float, float, float, float] | None:
    """Bounds ``(w, s, e, n)`` in degrees of everything drawn, or None when nothing is."""
    boxes = []
    if project.districts is not None and len(project.districts):
        boxes.append(project.districts.to_crs("EPSG:4326").total_bounds)
    if project.roads is not None and project.roads.n_edges:
        boxes.append(np.asarray(project.roads.bbox))
    if project.demand is not None and len(project.demand):
        boxes.append(project.demand.gdf.total_bounds)
    elif result is not None and len(result.demand):
        boxes.append(result.demand.total_bounds)
    if not boxes and project.facilities is not None and len(project.facilities):
        boxes.append(project.facilities.gdf.total_bounds)
    boxes = [b for b in boxes if np.isfinite(b).all()]
    if not boxes:
        return None
    stack = np.vstack(boxes)
    return (
        float(stack[:, 0].min()),
        float(stack[:, 1].min()),
        float(stack[:, 2].max()),
        float(stack[:, 3].max()),
    )


# -- geometry -----------------------------------------------------------------------------------


def _for_display(geoms: np.ndarray, crs: CRS, tolerance_m: float) -> np.ndarray:
    """Simplify EPSG:4326 geometries by ``tolerance_m`` metres in ``crs``; round the degrees."""
    geoms = np.asarray(geoms, dtype=object)
    if len(geoms) == 0:
        return geoms
    xy = shapely.transform(geoms, lambda c: project_lonlat(c, crs))
    if tolerance_m > 0:
        xy = shapely.simplify(xy, tolerance_m, preserve_topology=True)
    return shapely.transform(xy, lambda c: np.round(unproject_xy(c, crs), COORD_DECIMALS))


def _collection(geoms: np.ndarray, properties: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """A GeoJSON FeatureCollection; missing and empty geometries are left out."""
    features = []
    for geom, props in zip(geoms, properties, strict=True):
        if geom is None or shapely.is_empty(geom):
            continue
        features.append(
            {
                "type": "Feature",
                "properties": dict(props),
                "geometry": shapely.geometry.mapping(geom),
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _geojson_layer(
    data: dict[str, Any],
    *,
    name: str,
    pane: str,
    show: bool = True,
    canvas: bool = False,
    interactive: bool = True,
    point_to_layer: JsCode | None = None,
    attribution: str | None = None,
) -> folium.GeoJson:
    """A layer whose features carry their own ``style`` and ``popup`` properties."""
    options: dict[str, Any] = {"pane": pane, "interactive": interactive}
    if canvas:
        # one canvas for thousands of road segments draws far faster than one SVG path each
        options["renderer"] = JsCode(f"L.canvas({{pane: '{pane}', padding: 0.2}})")
    if point_to_layer is not None:
        options["point_to_layer"] = point_to_layer
    if attribution:
        options["attribution"] = attribution
    return folium.GeoJson(
        data,
        name=name,
        show=show,
        on_each_feature=_BIND_POPUP if interactive else None,
        smooth_factor=1.0,
        **options,
    )


# -- facilities and hubs ------------------------------------------------------------------------


def _svg_symbol(style: FacilityStyle, *, ring: bool = False, label: str = "") -> tuple[str, int]:
    """Inline SVG of a facility symbol and half its size in pixels (the anchor)."""
    outline = symbol_outline(style.symbol, style.size_px)
    reach = float(np.abs(outline).max())
    ring_r = style.size_px / 2.0 + QUALITY_RING_GAP_PX + QUALITY_RING_PX / 2.0
    if ring:
        reach = max(reach, ring_r + QUALITY_RING_PX / 2.0)
    half = math.ceil(reach + 1.5)
    pts = " ".join(f"{x + half:.1f},{y + half:.1f}" for x, y in outline[:-1])
    parts = [f'<svg width="{2 * half}" height="{2 * half}" viewBox="0 0 {2 * half} {2 * half}">']
    if ring:
        parts.append(
            f'<circle cx="{half}" cy="{half}" r="{ring_r:.1f}" fill="none" '
            f'stroke="{QUALITY_RING_COLOR}" stroke-width="{QUALITY_RING_PX}"/>'
        )
    parts.append(
        f'<polygon points="{pts}" fill="{style.fill}" stroke="{style.outline}" '
        'stroke-width="1.2" stroke-linejoin="round"/>'
    )
    if label:
        parts.append(
            f'<text x="{half}" y="{half + 3.5:.1f}" text-anchor="middle" font-size="10" '
            f'font-weight="bold" fill="{INK}">{html.escape(label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts), half


def _marker_factory(icons: Mapping[str, tuple[str, int]], *, z_offset: int) -> JsCode:
    """``pointToLayer`` making a marker with the icon named by the feature's ``icon``."""
    entries = ",\n".join(
        f"    {_js_string(key)}: L.divIcon({{html: {_js_string(svg)}, className: "
        f"'ccgeo-symbol', iconSize: [{2 * half}, {2 * half}], iconAnchor: [{half}, {half}], "
        f"popupAnchor: [0, {-half}]}})"
        for key, (svg, half) in icons.items()
    )
    return JsCode(
        "(function () {\n"
        f"  const icons = {{\n{entries}\n  }};\n"
        "  return function (feature, latlng) {\n"
        "    return L.marker(latlng, {icon: icons[feature.properties.icon], "
        f"title: feature.properties.name, riseOnHover: true, zIndexOffset: {z_offset}}});\n"
        "  };\n"
        "})()"
    )


def _js_string(text: str) -> str:
    """A JavaScript string literal safe inside an HTML ``<script>``."""
    return (
        '"'
        + text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\u003c").replace("\n", " ")
        + '"'
    )


def _facility_classes(facilities: Facilities) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per facility: its highest capability tier, its symbol class (a key of
    `FACILITY_STYLES`) and whether it is in EQA or accredited (the quality ring)."""
    gdf = facilities.gdf
    tiers = facilities.tiers().to_numpy(dtype=object)
    classes = np.array([TIER_CLASS.get(t, "none") for t in tiers], dtype=object)
    quality = np.isin(gdf["eqa"].astype(str), ["national", "international"]) | np.isin(
        gdf["accreditation"].astype(str), ["iso15189", "cap", "other"]
    )
    return tiers, classes, quality


def _add_facilities(
    fmap: folium.Map, facilities: Facilities, result: AccessResult | None, ctx: _Context
) -> None:
    if len(facilities) > MAX_FACILITY_MARKERS:
        _add_facility_clusters(fmap, facilities, ctx)
        return
    gdf = facilities.gdf
    tiers, classes, quality = _facility_classes(facilities)
    lab_lines = _lab_lines(result)
    extras = facilities.extra_columns[:_MAX_EXTRA_FIELDS]
    popups = [
        _facility_popup(row, tier, extras, lab_lines.get(str(row["facility_id"])))
        for (_, row), tier in zip(gdf.iterrows(), tiers, strict=True)
    ]
    geoms = shapely.transform(
        gdf.geometry.to_numpy(), lambda c: np.round(np.asarray(c), COORD_DECIMALS)
    )
    any_ring = False
    order = list(FACILITY_STYLES)  # lowest tier first
    for rank, key in reversed(list(enumerate(order))):
        sel = np.flatnonzero(classes == key)
        if len(sel) == 0:
            continue
        style = FACILITY_STYLES[key]
        icons = {"plain": _svg_symbol(style), "ring": _svg_symbol(style, ring=True)}
        props = [
            {
                "name": str(gdf["name"].iloc[i]),
                "icon": "ring" if quality[i] else "plain",
                "popup": popups[i],
            }
            for i in sel
        ]
        any_ring |= bool(quality[sel].any())
        _geojson_layer(
            _collection(geoms[sel], props),
            name=_("Facilities: {kind} ({count})").format(kind=_(style.label), count=len(sel)),
            pane="markerPane",
            point_to_layer=_marker_factory(icons, z_offset=1000 * rank),
        ).add_to(fmap)
        ctx.legend.add(_("Facilities (highest capability)"), icons["plain"][0], _(style.label))
    if any_ring:
        ring_svg = (
            '<svg width="18" height="18"><circle cx="9" cy="9" r="6.5" fill="none" '
            f'stroke="{QUALITY_RING_COLOR}" stroke-width="{QUALITY_RING_PX}"/></svg>'
        )
        ctx.legend.add(_("Facilities (highest capability)"), ring_svg, QUALITY_RING_LABEL)


def _add_facility_clusters(fmap: folium.Map, facilities: Facilities, ctx: _Context) -> None:
    """Facilities drawn as grid clusters, a layer per highest capability: a circle with the
    count in each occupied cell, at the mean position of its facilities, whose popup gives the
    count, how many are in EQA or accredited and the first names; a cell holding one facility
    shows its own symbol and popup."""
    gdf = facilities.gdf
    tiers, classes, quality = _facility_classes(facilities)
    lonlat = facilities.lonlat()
    placed = np.isfinite(lonlat).all(axis=1)
    order = list(FACILITY_STYLES)  # lowest tier first
    rank = np.array([order.index(c) for c in classes], dtype=np.int64)
    cell = _cluster_cells(lonlat, rank, placed)
    names = gdf["name"].astype(str).to_numpy(dtype=object)
    clusters = 0
    for tier_rank, key in reversed(list(enumerate(order))):
        sel = np.flatnonzero((classes == key) & placed)
        if len(sel) == 0:
            continue
        style = FACILITY_STYLES[key]
        _unused, inverse, counts = np.unique(cell[sel], return_inverse=True, return_counts=True)
        by_cell = np.split(sel[np.argsort(inverse, kind="stable")], np.cumsum(counts)[:-1])
        props, points = [], []
        for members in by_cell:
            if len(members) == 1:
                i = int(members[0])
                row = gdf.iloc[i]
                popup = _facility_popup(row, str(tiers[i]), [], None)
                props.append({"name": names[i], "count": 1, "popup": popup})
            else:
                props.append(_cluster_properties(members, names, quality, _(style.label)))
            points.append(shapely.Point(*np.round(lonlat[members].mean(axis=0), COORD_DECIMALS)))
        clusters += len(by_cell)
        _geojson_layer(
            _collection(np.array(points, dtype=object), props),
            name=_("Facilities: {kind} ({count})").format(
                kind=_(style.label), count=format_count(len(sel))
            ),
            pane="markerPane",
            point_to_layer=_cluster_factory(style, z_offset=1000 * tier_rank),
        ).add_to(fmap)
        ctx.legend.add(_("Facilities (highest capability)"), _svg_symbol(style)[0], _(style.label))
    swatch = _cluster_swatch()
    note = _(
        "{facilities} facilities drawn as {clusters} clusters above {limit}; the number is "
        "the facilities in the cluster (click it for their names)"
    ).format(
        facilities=format_count(len(facilities)),
        clusters=format_count(clusters),
        limit=format_count(MAX_FACILITY_MARKERS),
    )
    ctx.legend.add(_("Facilities (highest capability)"), swatch, note)


def _cluster_cells(lonlat: np.ndarray, rank: np.ndarray, placed: np.ndarray) -> np.ndarray:
    """A cluster number per facility: its grid cell and capability tier (``rank``), the cell (in
    degrees, doubled as needed) large enough for at most `MAX_FACILITY_CLUSTERS` clusters."""
    xy = np.where(placed[:, None], lonlat, 0.0)
    west, south = xy[placed].min(axis=0) if placed.any() else (0.0, 0.0)
    east, north = xy[placed].max(axis=0) if placed.any() else (0.0, 0.0)
    size = max(east - west, north - south, 1e-6) / 512.0
    while True:
        col = np.floor((xy[:, 0] - west) / size).astype(np.int64)
        row = np.floor((xy[:, 1] - south) / size).astype(np.int64)
        cell = (row * (col.max() + 1) + col) * 64 + rank
        if len(np.unique(cell[placed])) <= MAX_FACILITY_CLUSTERS:
            return cell
        size *= 2.0


def _cluster_properties(
    members: np.ndarray, names: np.ndarray, quality: np.ndarray, label: str
) -> dict[str, Any]:
    """Properties of one cluster: its count, a title and a popup with the first names."""
    count = len(members)
    first = ", ".join(_shorten(str(n)) for n in names[members[:_CLUSTER_NAMES]])
    more = count - min(count, _CLUSTER_NAMES)
    rows = [
        _tr(_("Highest capability"), label),
        _tr(_("In EQA or accredited"), format_count(int(quality[members].sum()))),
        _tr(
            _("Names"),
            first + (_(" and {count} more").format(count=format_count(more)) if more else ""),
        ),
    ]
    heading = ngettext("{count} facilities", "{count} facilities", count).format(
        count=format_count(count)
    )
    return {"name": f"{heading}: {label}", "count": count, "popup": _popup(heading, rows)}


def _cluster_factory(style: FacilityStyle, *, z_offset: int) -> JsCode:
    """``pointToLayer`` making a cluster circle with its count, or a facility's own symbol."""
    svg, half = _svg_symbol(style)
    return JsCode(
        "(function () {\n"
        f"  const single = L.divIcon({{html: {_js_string(svg)}, className: 'ccgeo-symbol', "
        f"iconSize: [{2 * half}, {2 * half}], iconAnchor: [{half}, {half}], "
        f"popupAnchor: [0, {-half}]}});\n"
        "  return function (feature, latlng) {\n"
        "    const n = Number(feature.properties.count) || 1;\n"
        "    let icon = single;\n"
        "    if (n > 1) {\n"
        "      const d = Math.round(18 + 6 * Math.log10(n));\n"
        '      icon = L.divIcon({html: \'<div class="ccgeo-cluster" style="width:\' + d +\n'
        "        'px;height:' + d + 'px;line-height:' + d + 'px;background:"
        f"{style.fill};border-color:{style.outline}\">' +\n"
        "        n.toLocaleString('en') + '</div>', className: 'ccgeo-symbol', "
        "iconSize: [d, d], iconAnchor: [d / 2, d / 2], popupAnchor: [0, -d / 2]});\n"
        "    }\n"
        "    return L.marker(latlng, {icon: icon, title: feature.properties.name, "
        f"riseOnHover: true, zIndexOffset: {z_offset}}});\n"
        "  };\n"
        "})()"
    )


def _cluster_swatch() -> str:
    return (
        '<svg width="18" height="18"><circle cx="9" cy="9" r="8" fill="#FFFFFF" '
        f'stroke="{INK}" stroke-width="1.2"/><text x="9" y="12.5" text-anchor="middle" '
        f'font-size="9" fill="{INK}">n</text></svg>'
    )


def _lab_lines(result: AccessResult | None) -> dict[str, str]:
    """Per facility id, what the access analysis says of it as a lab (HTML rows)."""
    if result is None or len(result.labs) == 0:
        return {}
    limit = float(result.settings.get("underserved_minutes") or 60.0)
    demand = result.demand
    reached = demand[demand["status"] == "reached"]
    pop = reached["population"].to_numpy(dtype=float)
    within = np.where(reached["minutes"].to_numpy(dtype=float) <= limit, pop, 0.0)
    keys = reached["lab_id"].astype(str)
    served = pd.DataFrame({"lab": keys.to_numpy(), "people": pop, "within": within})
    totals = served.groupby("lab")[["people", "within"]].sum()
    out = {}
    for row in result.labs.itertuples(index=False):
        fid = str(row.facility_id)
        if not row.usable:
            out[fid] = _tr(_("In the analysis"), _("not used: {reason}").format(reason=row.reason))
            continue
        people, near = (
            totals.loc[fid, ["people", "within"]].to_numpy() if fid in totals.index else (0, 0)
        )
        text = _("nearest lab for {people} people, {near} of them within {limit}").format(
            people=format_people(people), near=format_people(near), limit=format_threshold(limit)
        )
        if row.reason:
            text += _(" (caution: {reason})").format(reason=row.reason)
        out[fid] = _tr(_("In the analysis"), text)
    return out


def _facility_popup(row: pd.Series, tier: str, extras: Sequence[str], lab_line: str | None) -> str:
    caps = [_(_CAPABILITY_LABELS[c]) for c in CAPABILITIES if bool(row.get(c, False))]
    tier_label = _(FACILITY_STYLES[TIER_CLASS.get(tier, "none")].label)
    capacity = row.get("capacity_tests_per_year")
    capacity_text = (
        _("{tests} tests per year").format(tests=format_people(capacity))
        if capacity is not None and np.isfinite(float(capacity))
        else _("not recorded")
    )
    rows = [
        _tr(_("ID"), str(row["facility_id"])),
        _tr(_("Highest capability"), tier_label),
        _tr(_("Can do"), ", ".join(caps) if caps else _("no diagnostic capability recorded")),
        _tr(_("EQA"), _(_EQA_LABELS.get(str(row["eqa"]), str(row["eqa"])))),
        _tr(
            _("Accreditation"),
            _(_ACCREDITATION_LABELS.get(str(row["accreditation"]), str(row["accreditation"]))),
        ),
        _tr(_("Capacity"), capacity_text),
        _tr(_("Ownership"), _ownership(row.get("ownership", "unknown"))),
    ]
    if bool(row.get("review", False)):
        rows.append(_tr(_("Check"), _("flagged for review when imported")))
    if lab_line:
        rows.append(lab_line)
    for col in extras:
        value = row.get(col)
        if value is None or (isinstance(value, float) and math.isnan(value)) or value == "":
            continue
        rows.append(_tr(str(col), _shorten(str(value))))
    return _popup(str(row["name"]), rows)


def _add_hubs(fmap: folium.Map, siting: SitingResult, ctx: _Context) -> None:
    hubs = siting.hubs
    placed = hubs[hubs.geometry.notna() & ~hubs.geometry.is_empty] if len(hubs) else hubs
    if len(placed) == 0:
        return
    unit = str(siting.settings.get("weight_unit", "people"))
    minutes = siting.settings.get("minutes")
    icons: dict[str, tuple[str, int]] = {}
    props = []
    for row in placed.itertuples(index=False):
        key = str(int(row.rank))
        icons[key] = _svg_symbol(HUB_STYLE, label=key)
        if siting.model == "pmedian":
            gain = _("saves {gain} person-seconds of travel").format(gain=format_people(row.gain))
        else:
            gain = _("adds {gain} {unit} within {minutes}").format(
                gain=format_people(row.gain), unit=unit, minutes=format_minutes(minutes)
            )
        rows = [
            _tr(
                _("Rank"),
                _("{rank} of {count} ({model})").format(
                    rank=int(row.rank), count=len(hubs), model=siting.model.upper()
                ),
            ),
            _tr(_("Site"), f"{row.candidate_id} ({str(row.kind).replace('_', ' ')})"),
            _tr(_("Gain"), gain),
            _tr(_("Coverage with hubs 1..rank"), format_share(row.share_after)),
        ]
        props.append({"name": str(row.name), "icon": key, "popup": _popup(str(row.name), rows)})
    geoms = shapely.transform(
        placed.geometry.to_numpy(), lambda c: np.round(np.asarray(c), COORD_DECIMALS)
    )
    _geojson_layer(
        _collection(geoms, props),
        name=_("Proposed hubs ({count})").format(count=len(placed)),
        pane="markerPane",
        point_to_layer=_marker_factory(icons, z_offset=10_000),
    ).add_to(fmap)
    ctx.legend.add(_("Proposals"), _svg_symbol(HUB_STYLE, label="1")[0], _(HUB_STYLE.label))


def _add_referral(fmap: folium.Map, referral: ReferralResult, ctx: _Context) -> None:
    routes, loops = referral.routes, referral.loops
    couriers = sorted(
        {str(c) for frame in (routes, loops) if "courier" in frame for c in frame["courier"] if c}
    )
    colors = {c: COURIER_COLORS[i % len(COURIER_COLORS)] for i, c in enumerate(couriers)}
    none_color = NO_COURIER_COLOR

    def courier_of(value: object) -> str:
        return str(value) if value is not None and str(value) not in ("", "nan") else ""

    if len(routes):
        props = []
        for row in routes.itertuples(index=False):
            courier = courier_of(getattr(row, "courier", None))
            color = colors.get(courier, none_color)
            rows = [
                _tr(_("From"), str(row.facility_id)),
                _tr(_("To hub"), str(row.hub_id)),
                _tr(_("Trip"), f"{format_minutes(row.minutes)}, {_km(row.metres)}"),
                _tr(_("Courier"), courier or _("none assigned")),
            ]
            props.append(
                {
                    "style": {"color": color, "weight": 3, "opacity": 0.85},
                    "popup": _popup(
                        _("Sample route {spoke} → {hub}").format(
                            spoke=row.facility_id, hub=row.hub_id
                        ),
                        rows,
                    ),
                }
            )
        geoms = _for_display(routes.geometry.to_numpy(), ctx.crs, ctx.simplify_m)
        _geojson_layer(
            _collection(geoms, props), name=_("Referral routes"), pane="ccgeo-referral"
        ).add_to(fmap)
    if len(loops):
        props = []
        for row in loops.itertuples(index=False):
            courier = courier_of(row.courier)
            rows = _loop_rows(row)
            props.append(
                {
                    "style": {
                        "color": colors.get(courier, none_color),
                        "weight": 4,
                        "opacity": 0.7,
                        "dashArray": "8 6",
                    },
                    "popup": _popup(_("Courier loop {courier}").format(courier=courier), rows),
                }
            )
        geoms = _for_display(loops.geometry.to_numpy(), ctx.crs, ctx.simplify_m)
        _geojson_layer(
            _collection(geoms, props), name=_("Courier loops"), pane="ccgeo-referral"
        ).add_to(fmap)
    for courier in couriers[: len(COURIER_COLORS)]:
        ctx.legend.add(_("Sample referral"), _line_swatch(colors[courier], 3.0), courier)
    if len(couriers) > len(COURIER_COLORS):
        ctx.legend.add(
            _("Sample referral"),
            "",
            _("colours repeat after {count} couriers").format(count=len(COURIER_COLORS)),
        )
    if len(loops):
        ctx.legend.add(_("Sample referral"), _line_swatch(INK, 3.0, dash="5 4"), _("courier loop"))


def _loop_rows(row: Any) -> list[str]:
    """The popup rows of one courier loop: hub, day and hours, stops, duration."""
    day = (
        _("every working day")
        if int(row.day) == 0
        else _("working day {day}").format(day=int(row.day))
    )
    return [
        _tr(_("Hub"), str(row.hub_id)),
        _tr(_("When"), f"{day}, {row.start_clock}–{row.end_clock}"),
        _tr(_("Stops"), f"{int(row.n_stops)}: {_shorten(_stops(row.stops))}"),
        _tr(
            _("Duration"),
            _("{duration} ({driving} driving), {distance}").format(
                duration=format_minutes(row.duration_minutes),
                driving=format_minutes(row.travel_minutes),
                distance=_km(row.metres),
            ),
        ),
    ]


def _ownership(value: object) -> str:
    """Who runs a facility, in the current language (``"faith_based"`` → ``"faith based"``)."""
    text = str(value)
    return _(_OWNERSHIP_LABELS[text]) if text in _OWNERSHIP_LABELS else text.replace("_", " ")


def _stops(value: object) -> str:
    if isinstance(value, list | tuple | np.ndarray):
        return " → ".join(str(v) for v in value)
    return str(value)


# -- analysis areas -----------------------------------------------------------------------------


def _add_underserved(fmap: folium.Map, result: AccessResult, ctx: _Context) -> None:
    areas = result.underserved
    limit = float(result.settings.get("underserved_minutes") or 60.0)
    label = _("Underserved: beyond {minutes}").format(minutes=format_minutes(limit))
    if len(areas) == 0:
        ctx.legend.add(
            _("Access"),
            "",
            _("No one lives beyond {minutes} of a lab").format(minutes=format_minutes(limit)),
        )
        return
    total = float(areas["population"].sum())
    props = []
    for row in areas.itertuples(index=False):
        rows = [
            _tr(
                _("People"),
                _("{people} beyond {minutes}").format(
                    people=format_people(row.population), minutes=format_minutes(limit)
                ),
            ),
            _tr(_("Nearest lab"), _nearest_text(row.nearest_lab, row.min_minutes)),
            _tr(_("Area"), f"{format_number(row.area_km2, decimals=1)} km²"),
        ]
        if row.unreachable_population > 0:
            rows.append(_tr(_("No route to a lab"), _people(row.unreachable_population)))
        if row.off_network_population > 0:
            rows.append(_tr(_("Far from any road"), _people(row.off_network_population)))
        props.append(
            {
                "style": {
                    "color": UNDERSERVED_OUTLINE,
                    "weight": 1.5,
                    "fillColor": UNDERSERVED_FILL,
                    "fillOpacity": UNDERSERVED_OPACITY,
                },
                "popup": _popup(
                    _("Underserved area {rank} of {count}").format(
                        rank=int(row.rank), count=len(areas)
                    ),
                    rows,
                ),
            }
        )
    geoms = _for_display(areas.geometry.to_numpy(), ctx.crs, ctx.simplify_m)
    _geojson_layer(
        _collection(geoms, props),
        name=f"{label} ({_people(total)})",
        pane="ccgeo-underserved",
    ).add_to(fmap)
    ctx.legend.add(
        _("Access"),
        _fill_swatch(UNDERSERVED_FILL, UNDERSERVED_OUTLINE, UNDERSERVED_OPACITY),
        f"{label}, {_people(total)}",
    )


def _add_bands(fmap: folium.Map, result: AccessResult, ctx: _Context) -> None:
    bands = result.isochrones
    if len(bands) == 0:
        return
    city = result.city_coverage().set_index("threshold_min")
    total = float(city["population"].iloc[0]) if len(city) else 0.0
    colors = band_colors(len(bands))
    what = _lab_phrase(result)
    props = []
    for color, row in zip(colors, bands.itertuples(index=False), strict=True):
        lo, hi = float(row.band_min_from), float(row.band_min_to)
        covered_hi = float(city["covered"].get(hi, np.nan))
        covered_lo = float(city["covered"].get(lo, 0.0)) if lo > 0 else 0.0
        people = covered_hi - covered_lo
        rows = [
            _tr(
                _("Travel time"),
                _("{band} to {what}").format(band=_band(lo, hi), what=what),
            ),
            _tr(
                _("People here"),
                f"{format_people(people)} ({format_share(people / total if total else np.nan)})",
            ),
            _tr(
                _("Within {minutes}").format(minutes=format_minutes(hi)),
                _("{people} people in all").format(people=format_people(covered_hi)),
            ),
            _tr(_("Area"), f"{format_number(row.area_km2, decimals=1)} km²"),
        ]
        props.append(
            {
                "style": {
                    "stroke": False,
                    "fillColor": color,
                    "fillOpacity": BAND_OPACITY,
                },
                "popup": _popup(_band(lo, hi), rows),
            }
        )
        ctx.legend.add(
            _("Travel time to {what}").format(what=what),
            _fill_swatch(color, None, BAND_OPACITY),
            _band(lo, hi),
        )
    geoms = _for_display(bands.geometry.to_numpy(), ctx.crs, ctx.simplify_m)
    _geojson_layer(
        _collection(geoms, props), name=_("Catchment bands (travel time)"), pane="ccgeo-bands"
    ).add_to(fmap)


def _add_districts(
    fmap: folium.Map,
    districts: gpd.GeoDataFrame,
    result: AccessResult | None,
    demand: gpd.GeoDataFrame | None,
    ctx: _Context,
) -> None:
    gdf = districts.to_crs("EPSG:4326")
    ids = gdf["district_id"].astype(str).to_numpy() if "district_id" in gdf else None
    if ids is None:
        ids = np.array([str(i + 1) for i in range(len(gdf))], dtype=object)
    names = gdf["name"].astype(str).to_numpy() if "name" in gdf else ids
    coverage = result.coverage if result is not None else None
    people = None
    if coverage is None and demand is not None and "district_id" in demand:
        people = demand.groupby(demand["district_id"].astype(str))["population"].sum()
    props = []
    for did, name in zip(ids, names, strict=True):
        rows = [_tr(_("District"), f"{name} ({did})" if name != did else str(did))]
        if coverage is not None:
            rows.extend(_coverage_rows(coverage[coverage["district_id"].astype(str) == did]))
        elif people is not None:
            rows.append(_tr(_("People"), format_people(float(people.get(did, 0.0)))))
        props.append(
            {
                "style": {
                    "color": DISTRICT_OUTLINE,
                    "weight": DISTRICT_OUTLINE_PX,
                    "fill": True,
                    "fillOpacity": 0.0,
                },
                "popup": _popup(str(name), rows),
            }
        )
    geoms = _for_display(gdf.geometry.to_numpy(), ctx.crs, ctx.simplify_m)
    label = _("Districts (coverage)") if coverage is not None else _("Districts")
    _geojson_layer(_collection(geoms, props), name=label, pane="ccgeo-districts").add_to(fmap)
    ctx.legend.add(_("Areas"), _fill_swatch("#FFFFFF", DISTRICT_OUTLINE, 0.0), label)


def _coverage_rows(table: pd.DataFrame) -> list[str]:
    if len(table) == 0:
        return [_tr(_("People"), _("no demand point in this district"))]
    first = table.iloc[0]
    total = float(first["population"])
    rows = [_tr(_("People"), format_people(total))]
    for r in table.itertuples(index=False):
        rows.append(
            _tr(
                _("Within {minutes}").format(minutes=format_minutes(r.threshold_min)),
                f"{format_people(r.covered)} ({format_share(r.share)})",
            )
        )
    if float(first["unreachable"]) > 0:
        rows.append(_tr(_("No route to a lab"), _people(first["unreachable"])))
    if float(first["off_network"]) > 0:
        rows.append(_tr(_("Far from any road"), _people(first["off_network"])))
    return rows


def _add_population(
    fmap: folium.Map,
    demand: gpd.GeoDataFrame,
    districts: gpd.GeoDataFrame | None,
    ctx: _Context,
    *,
    kind: str,
    cell_m: float | None,
    show: bool,
) -> None:
    """Density classes (people per km²) of the demand, each class one dissolved shape."""
    gdf = demand.to_crs("EPSG:4326")
    pop = gdf["population"].to_numpy(dtype=float)
    n_classes = len(POPULATION_RAMP)
    if kind == "district_table" and districts is not None and len(districts):
        areas = districts.to_crs(ctx.crs)
        people = gdf.groupby(gdf["district_id"].astype(str))["population"].sum()
        pop = people.reindex(areas["district_id"].astype(str)).fillna(0.0).to_numpy(dtype=float)
        density = pop / np.maximum(shapely.area(areas.geometry.to_numpy()) / 1e6, 1e-9)
        edges = _density_edges(density[pop > 0], n_classes)
        if edges is None:
            return
        cls = _density_class(density, edges, pop > 0)
        geoms = [shapely.union_all(areas.geometry.to_numpy()[cls == k]) for k in range(n_classes)]
        pixel_m = 0.0
    else:
        xy = project_lonlat(shapely.get_coordinates(gdf.geometry.to_numpy()), ctx.crs)
        spacing = _spacing_m(xy, cell_m)
        xy, pop, spacing = _coarsened(xy, pop, spacing)
        density = pop / (spacing * spacing / 1e6)
        edges = _density_edges(density[pop > 0], n_classes)
        if edges is None:
            return
        cls = _density_class(density, edges, pop > 0)
        geoms, pixel_m = _class_shapes(xy, cls, spacing, n_classes)
        ctx.population_cell_m = spacing
    opacity = round(POPULATION_ALPHA / 255.0, 2)
    shown, props = [], []
    for k, geom in enumerate(geoms):
        if geom is None or shapely.is_empty(geom):
            continue
        shown.append(geom)
        props.append(
            {"style": {"stroke": False, "fillColor": POPULATION_RAMP[k], "fillOpacity": opacity}}
        )
        low = "" if k == 0 else format_number(_nice(edges[k]))
        high = "" if k == n_classes - 1 else format_number(_nice(edges[k + 1]))
        label = (
            _("under {high}").format(high=high)
            if not low
            else _("{low} or more").format(low=low)
            if not high
            else f"{low}–{high}"
        )
        ctx.legend.add(_("People per km²"), _fill_swatch(POPULATION_RAMP[k], None, opacity), label)
    # cell edges come out as pixel staircases: smoothing by half a pixel removes the steps
    tolerance = max(ctx.simplify_m, _STEP_SMOOTHING * pixel_m)
    geoms_arr = np.asarray(shown, dtype=object)
    if tolerance > 0:
        geoms_arr = shapely.simplify(geoms_arr, tolerance, preserve_topology=True)
    geoms_arr = shapely.transform(
        geoms_arr, lambda c: np.round(unproject_xy(c, ctx.crs), COORD_DECIMALS)
    )
    ctx.population_pixel_m = pixel_m
    _geojson_layer(
        _collection(geoms_arr, props),
        name=_("Population ({people})").format(people=_people(float(pop.sum()))),
        pane="ccgeo-population",
        canvas=True,
        interactive=False,
        show=show,
    ).add_to(fmap)


def _density_edges(positive: np.ndarray, n_classes: int) -> np.ndarray | None:
    """Class edges on a log axis between the 2nd and 98th percentile, like the desktop canvas."""
    positive = positive[np.isfinite(positive) & (positive > 0)]
    if len(positive) == 0:
        return None
    lo, hi = (float(v) for v in np.percentile(positive, [2.0, 98.0]))
    return np.geomspace(lo, max(hi, lo * 1.0001), n_classes + 1)


def _density_class(density: np.ndarray, edges: np.ndarray, populated: np.ndarray) -> np.ndarray:
    """Class 0..n-1 of each density, -1 where nobody lives."""
    n_classes = len(edges) - 1
    cls = np.clip(np.searchsorted(edges, density, side="right") - 1, 0, n_classes - 1)
    return np.where(populated, cls, -1)


def _coarsened(
    xy: np.ndarray, pop: np.ndarray, spacing: float
) -> tuple[np.ndarray, np.ndarray, float]:
    """Demand summed into square blocks when there are more than `MAX_SHADING_CELLS` points."""
    factor = math.ceil(math.sqrt(len(xy) / MAX_SHADING_CELLS))
    if factor <= 1:
        return xy, pop, spacing
    block = spacing * factor
    keys = np.floor((xy - xy.min(axis=0)) / block).astype(np.int64)
    uniq, inverse = np.unique(keys, axis=0, return_inverse=True)
    people = np.bincount(inverse.ravel(), weights=pop, minlength=len(uniq))
    centres = xy.min(axis=0) + (uniq + 0.5) * block
    return centres, people, block


def _spacing_m(xy: np.ndarray, cell_m: float | None) -> float:
    """Spacing of the demand points, metres: the raster cell, else the median nearest distance."""
    if cell_m and math.isfinite(cell_m) and cell_m > 0:
        return float(cell_m)
    if len(xy) < 2:
        return 100.0
    dist, _ = cKDTree(xy).query(xy, k=2)
    spacing = float(np.median(dist[:, 1]))
    return spacing if spacing > 0 else 100.0


def _class_shapes(
    xy: np.ndarray, cls: np.ndarray, spacing: float, n_classes: int
) -> tuple[list[Any], float]:
    """One dissolved (multi)polygon per density class, metres, and the pixel size used.

    Like the desktop canvas, each point stands for the square of one spacing around it: pixels
    of a quarter spacing take the class of the nearest point within 0.55 spacing (Chebyshev),
    which tiles raster cells and hexagon grids without gaps, and the class raster is
    polygonized in C (`rasterio.features.shapes`).
    """
    from rasterio.features import shapes
    from rasterio.transform import from_origin

    pixel = spacing / _PIXELS_PER_SPACING
    lo = xy.min(axis=0) - spacing
    hi = xy.max(axis=0) + spacing
    nx, ny = (math.ceil(v) for v in (hi - lo) / pixel)
    if nx * ny > _MAX_SHADING_PIXELS:
        pixel *= math.sqrt(nx * ny / _MAX_SHADING_PIXELS)
        nx, ny = (math.ceil(v) for v in (hi - lo) / pixel)
    cx = lo[0] + (np.arange(nx) + 0.5) * pixel
    cy = lo[1] + ny * pixel - (np.arange(ny) + 0.5) * pixel  # row 0 is the northern edge
    gx, gy = np.meshgrid(cx, cy)
    _, idx = cKDTree(xy).query(
        np.column_stack([gx.ravel(), gy.ravel()]), p=np.inf, distance_upper_bound=0.55 * spacing
    )
    raster = np.full(idx.shape, -1, dtype=np.int16)
    hit = idx < len(xy)
    raster[hit] = cls[idx[hit]]
    raster = raster.reshape(ny, nx)
    transform = from_origin(float(lo[0]), float(lo[1] + ny * pixel), pixel, pixel)
    parts: list[list[Any]] = [[] for _ in range(n_classes)]
    for geom, value in shapes(raster, mask=raster >= 0, transform=transform, connectivity=4):
        parts[int(value)].append(shapely.geometry.shape(geom))
    return [shapely.multipolygons(p) if p else None for p in parts], pixel


def _add_roads(fmap: folium.Map, roads: Any, ctx: _Context, *, osm: bool) -> None:
    classes = road_classes(roads.edge_highway)
    counts = np.diff(roads.geom_offsets)
    xy = project_lonlat(roads.geom_lonlat, ctx.crs)
    lines = shapely.linestrings(xy, indices=np.repeat(np.arange(len(counts)), counts))
    link = "<a href='https://www.openstreetmap.org/copyright'>OpenStreetMap</a>"
    attribution = _("Roads © {link} contributors (ODbL)").format(link=link) if osm else None
    for layer_name, keys, factor in (
        (_("Roads: main"), MAIN_ROAD_CLASSES, 1.0),
        (
            _("Roads: minor"),
            tuple(k for k in ROAD_STYLES if k not in MAIN_ROAD_CLASSES),
            MINOR_ROAD_FACTOR,
        ),
    ):
        geoms, props = [], []
        for key in ROAD_STYLES:  # bottom to top
            if key not in keys:
                continue
            sel = classes == key
            if not sel.any():
                continue
            merged = shapely.line_merge(shapely.multilinestrings(lines[sel]))
            if ctx.simplify_m > 0:
                merged = shapely.simplify(merged, ctx.simplify_m * factor, preserve_topology=False)
            style = ROAD_STYLES[key]
            if style.casing_color:
                geoms.append(merged)
                props.append({"style": _line_style(style, casing=True)})
            geoms.append(merged)
            props.append({"style": _line_style(style)})
            ctx.legend.add(
                _("Roads"),
                _line_swatch(style.color, style.width_px, dash=_DASH.get(style.dash)),
                _(style.label),
            )
        if not geoms:
            continue
        shown = shapely.transform(
            np.asarray(geoms, dtype=object),
            lambda c: np.round(unproject_xy(c, ctx.crs), COORD_DECIMALS),
        )
        _geojson_layer(
            _collection(shown, props),
            name=layer_name,
            pane="ccgeo-roads",
            canvas=True,
            interactive=False,
            attribution=attribution,
        ).add_to(fmap)


_DASH = {"dash": "6 4", "dot": "1 3"}

#: Place classes named on the web map (neighbourhoods would crowd it), most important first.
_WEB_PLACE_CLASSES: dict[str, tuple[int, bool]] = {
    "city": (15, True),
    "town": (13, True),
    "suburb": (11, False),
    "village": (11, False),
}
#: At most this many place names on the web map.
_MAX_WEB_PLACES = 200


def _add_basemap(fmap: folium.Map, data: BasemapData, ctx: _Context) -> None:
    """The light base map drawn from the project's OSM file, as in the app: water, parks and
    built-up areas and rivers in one layer under everything, place names in another."""
    geoms, props = [], []
    areas = data.areas()
    for key in AREA_CLASSES:  # bottom to top
        sel = data.area_class == key
        if not sel.any():
            continue
        shown = _for_display(areas[sel], ctx.crs, ctx.simplify_m)
        kept = [g for g in shown if g is not None and not shapely.is_empty(g)]
        if not kept:
            continue
        fill = BASEMAP_AREA_FILLS[key]
        geoms.append(shapely.union_all(kept, grid_size=10.0**-COORD_DECIMALS))
        props.append({"style": {"stroke": False, "fillColor": fill, "fillOpacity": 1.0}})
        if key != "built" or not (data.area_class == "residential").any():
            ctx.legend.add(_("Base map"), _fill_swatch(fill, None, 1.0), BASEMAP_AREA_LABELS[key])
    lines = data.lines()
    for key in LINE_CLASSES:
        sel = data.line_class == key
        if not sel.any():
            continue
        look = BASEMAP_LINE_STYLES[key]
        shown = _for_display(lines[sel], ctx.crs, ctx.simplify_m)
        geoms.append(shapely.multilinestrings([g for g in shown if not shapely.is_empty(g)]))
        props.append({"style": {"color": look.color, "weight": look.width_px, "opacity": 1.0}})
        ctx.legend.add(_("Base map"), _line_swatch(look.color, look.width_px), _(look.label))
    attribution = _("Base map © {link} contributors (ODbL)").format(
        link="<a href='https://www.openstreetmap.org/copyright'>OpenStreetMap</a>"
    )
    if geoms:
        _geojson_layer(
            _collection(np.asarray(geoms, dtype=object), props),
            name=_("Base map (OpenStreetMap data)"),
            pane="ccgeo-base",
            canvas=True,
            interactive=False,
            attribution=attribution,
        ).add_to(fmap)
    _add_place_names(fmap, data)


def _add_place_names(fmap: folium.Map, data: BasemapData) -> None:
    """The names of cities, towns, suburbs and villages, as plain text over the map."""
    order = [
        i for key in _WEB_PLACE_CLASSES for i in np.flatnonzero(data.place_class == key).tolist()
    ][:_MAX_WEB_PLACES]
    if not order:
        return
    group = folium.FeatureGroup(name=_("Place names"), show=True)
    for i in order:
        size, bold = _WEB_PLACE_CLASSES[str(data.place_class[i])]
        lon, lat = data.place_lonlat[i]
        name = html.escape(str(data.place_name[i]))
        weight = "bold" if bold else "normal"
        label = (
            f'<div class="ccgeo-place" style="font-size:{size}px;font-weight:{weight}">{name}</div>'
        )
        folium.Marker(
            location=[float(lat), float(lon)],
            icon=folium.DivIcon(html=label, icon_size=(0, 0), class_name="ccgeo-place-icon"),
            interactive=False,
            keyboard=False,
        ).add_to(group)
    group.add_to(fmap)


def _line_style(style: RoadStyle, *, casing: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "color": style.casing_color if casing else style.color,
        "weight": style.width_px + (2 * style.casing_px if casing else 0.0),
        "opacity": 1.0,
        "lineCap": "round",
        "lineJoin": "round",
    }
    if not casing and style.dash in _DASH:
        out["dashArray"] = _DASH[style.dash]
    return out


# -- title, legend and text ---------------------------------------------------------------------


def _lab_phrase(result: AccessResult) -> str:
    capability = result.settings.get("capability")
    quality = result.settings.get("quality")
    what = _("the nearest lab")
    if capability:
        what = _("the nearest {capability} lab").format(
            capability=_(_CAPABILITY_LABELS[capability])
            if capability in _CAPABILITY_LABELS
            else capability
        )
    if quality and quality != "any":
        what += f" ({str(quality).replace('_', ' ')})"
    return what


def _add_title_and_legend(
    fmap: folium.Map,
    project: Project,
    result: AccessResult | None,
    ctx: _Context,
    *,
    title: str | None,
    scenario: Scenario | str | None,
    date: dt.date | None,
) -> None:
    """The title box (default heading the project name, default scenario the baseline, default
    date today; the project's description under it) and the legend with its footnote, over
    the map; the heading is the page's title too."""
    heading = title or project.name
    root = fmap.get_root()
    root.title = html.escape(heading)  # the browser's tab (not escaped by folium)
    root._template = _page_template(current_language())
    scenario_name = (
        scenario.name
        if isinstance(scenario, Scenario)
        else scenario or _("Baseline (existing labs)")
    )
    overlay = _title_html(
        heading,
        scenario_name,
        _date_text(date or dt.date.today()),
        project,
        result,
    ) + ctx.legend.html(_footnote(ctx, project, result))
    overlay += notes_html(data_notes(project, result))
    fmap.get_root().html.add_child(folium.Element(_CSS + overlay))


#: Notes listed in the map's "Data notes" panel; the rest are counted (all are in summary.json).
MAX_NOTES_SHOWN = 300


def notes_html(notes: Sequence[DataNote]) -> str:
    """The "Data notes" panel: what the data lacked or what ccgeo changed (closed until
    clicked; its heading counts the notes to review). Every text is escaped: file names and
    facility values never become markup."""
    if not notes:
        return ""
    to_review = sum(note.severity != "info" for note in notes)
    heading = (
        ngettext("Data notes ({count} to review)", "Data notes ({count} to review)", to_review)
        if to_review
        else _("Data notes")
    ).format(count=to_review)
    lines = note_lines(notes, limit=MAX_NOTES_SHOWN)
    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
    return (
        f'<details id="ccgeo-notes"><summary>{html.escape(heading)}</summary>'
        '<div class="ccgeo-foot">'
        + html.escape(
            _(
                "Rows of the input files rejected or changed on import, where the population "
                "file's people went, and what the analysis could not use."
            ),
            quote=False,
        )
        + "</div>"
        f"<ul>{items}</ul></details>"
    )


def _title_html(
    heading: str, scenario: str, date: str, project: Project, result: AccessResult | None
) -> str:
    scenario_word, data_word = _("Scenario:"), _("Data:")
    lines = [f"<h1>{html.escape(heading)}</h1>"]
    if project.description:
        lines.append(f'<div class="ccgeo-desc">{html.escape(project.description)}</div>')
    lines.append(
        f'<div class="ccgeo-sub">{html.escape(scenario_word)} <b>{html.escape(scenario)}</b> · '
        f"{html.escape(date)}</div>"
    )
    if result is not None:
        mode = str(result.settings.get("mode") or result.network_summary.get("mode", ""))
        city = result.city_coverage()
        limit = float(result.settings.get("underserved_minutes") or 60.0)
        row = city[city["threshold_min"] == limit]
        headline = _("Travel time by {mode} to {what}").format(
            mode=_(_MODE_LABELS[mode]) if mode in _MODE_LABELS else mode, what=_lab_phrase(result)
        )
        if len(row):
            r = row.iloc[0]
            headline += _(": {share} of {people} people within {minutes}").format(
                share=format_share(r.share),
                people=format_people(r.population),
                minutes=format_minutes(limit),
            )
        labs_used = int(result.labs["usable"].sum()) if len(result.labs) else 0
        headline = html.escape(headline, quote=False)
        headline += (
            " ("
            + ngettext("{count} labs", "{count} labs", labs_used).format(
                count=format_count(labs_used)
            )
            + ")"
        )
        lines.append(f'<div class="ccgeo-sub">{headline}</div>')
    sources = _sources_text(project)
    if sources:
        lines.append(
            f'<div class="ccgeo-src">{html.escape(data_word)} {html.escape(sources)}</div>'
        )
    if project.metadata.get("synthetic"):
        note = str(project.metadata.get("note") or _("synthetic data: not a real place"))
        lines.append(f'<div class="ccgeo-synthetic">⚠ {html.escape(note)}</div>')
    return '<div id="ccgeo-title">' + "".join(lines) + "</div>"


def _sources_text(project: Project) -> str:
    entries = project.metadata.get("sources") or []
    parts = []
    for entry in entries:
        if not isinstance(entry, Mapping):
            continue
        name = Path(str(entry.get("path", ""))).name or str(entry.get("path", ""))
        parts.append(f"{entry.get('layer', 'layer')}: {name}")
    if not parts and project.roads is not None and project.roads.source:
        parts.append(f"roads: {Path(project.roads.source).name}")
    return "; ".join(parts)


def _footnote(ctx: _Context, project: Project, result: AccessResult | None) -> str:
    crs_name = ctx.crs.name
    epsg = ctx.crs.to_epsg()
    parts = []
    if ctx.simplify_m > 0:
        crs_text = html.escape(crs_name) + (f" (EPSG:{epsg})" if epsg else "")
        parts.append(
            _(
                "Shapes simplified for display by {tolerance} m (minor roads {minor} m) in "
                "{crs}; coordinates rounded to 1 m."
            ).format(
                tolerance=_g(ctx.simplify_m),
                minor=_g(ctx.simplify_m * MINOR_ROAD_FACTOR),
                crs=crs_text,
            )
        )
    else:
        parts.append(_("Shapes drawn unsimplified; coordinates rounded to 1 m."))
    if result is not None:
        parts.append(
            _(
                "Times are inclusive (≤ T) and run along the road network; people farther than "
                "{distance} m from a road count as off-network."
            ).format(distance=_g(result.settings.get("max_snap_m", 0)))
        )
    if ctx.population_cell_m > 0:
        parts.append(
            _("Population density shaded in cells of {cell} m, drawn on a {pixel} m grid.").format(
                cell=format_number(ctx.population_cell_m),
                pixel=format_number(ctx.population_pixel_m),
            )
        )
    parts.append(_("Made with ccgeo; works offline."))
    return " ".join(parts)


def _fill_swatch(fill: str, stroke: str | None, opacity: float) -> str:
    line = f'stroke="{stroke}" stroke-width="1.5"' if stroke else 'stroke="none"'
    return (
        f'<svg width="18" height="14"><rect x="1" y="1" width="16" height="12" fill="{fill}" '
        f'fill-opacity="{max(opacity, 0.0):.2f}" {line}/></svg>'
    )


def _line_swatch(color: str, width: float, *, dash: str | None = None) -> str:
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<svg width="18" height="14"><line x1="1" y1="7" x2="17" y2="7" stroke="{color}" '
        f'stroke-width="{width:g}"{dash_attr} stroke-linecap="round"/></svg>'
    )


def _tr(label: str, value: str) -> str:
    return f"<tr><th>{html.escape(label)}</th><td>{html.escape(value)}</td></tr>"


def _popup(heading: str, rows: Sequence[str]) -> str:
    return (
        f'<div class="ccgeo-popup"><b>{html.escape(heading)}</b>'
        f"<table>{''.join(rows)}</table></div>"
    )


def _shorten(text: str) -> str:
    return text if len(text) <= _MAX_TEXT else text[: _MAX_TEXT - 1] + "…"


def _nearest_text(text: object, min_minutes: float) -> str:
    if not math.isfinite(float(min_minutes)):
        return _("no route to any lab")
    return _("{lab} (median), {minutes} at best").format(
        lab=text, minutes=format_minutes(min_minutes)
    )


def _km(metres: object) -> str:
    try:
        number = float(metres)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return _("distance unknown")
    if not math.isfinite(number):
        return _("no route")
    return f"{format_number(number / 1000.0, decimals=1)} km"


def _people(value: object) -> str:
    """``"1,234 people"`` in the current language."""
    return _("{people} people").format(people=format_people(value))


def _band(lo: float, hi: float) -> str:
    """A travel-time band: ``"0–30 min"`` (``"7,5–15 min"`` in Portuguese)."""
    return f"{_g(lo)}–{format_threshold(hi)}"


def _g(value: object) -> str:
    """A number as ``{:g}`` writes it, with the current language's decimal sign."""
    return f"{float(value):g}".replace(".", format_number(0.5, decimals=1)[1])


def _date_text(day: dt.date) -> str:
    """The title's date: ISO 8601 in English (``2031-05-17``), in words in other languages."""
    return day.isoformat() if current_language() == "en" else format_date(day)


def _page_template(language: str) -> Template:
    """branca's page template with ``<html lang="..">`` set to ``language``."""
    return Template(
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(language)}">\n'
        "<head>\n"
        "{% if this.title %}<title>{{this.title}}</title>{% endif %}"
        "    {{this.header.render(**kwargs)}}\n"
        "</head>\n"
        "<body>\n"
        "    {{this.html.render(**kwargs)}}\n"
        "</body>\n"
        "<script>\n"
        "    {{this.script.render(**kwargs)}}\n"
        "</script>\n"
        "</html>\n"
    )


def _nice(value: float) -> int:
    """Two significant digits for a legend (12,345 → 12,000)."""
    if not math.isfinite(value) or value <= 0:
        return 0
    digits = max(math.floor(math.log10(value)) - 1, 0)
    return int(round(value, -digits))


_CSS = f"""
<style>
.leaflet-container {{ background: {BACKGROUND}; font: 13px/1.35 "Helvetica Neue", Arial,
  Helvetica, sans-serif; }}
.ccgeo-symbol {{ background: none; border: none; }}
.ccgeo-symbol svg {{ display: block; overflow: visible; }}
#ccgeo-title {{ position: fixed; top: 10px; left: 50%; transform: translateX(-50%);
  z-index: 1000; max-width: min(640px, 60vw); background: rgba(255,255,255,0.93);
  color: {INK}; padding: 6px 12px; border-radius: 6px; box-shadow: 0 1px 5px rgba(0,0,0,0.4);
  font: 13px/1.35 "Helvetica Neue", Arial, Helvetica, sans-serif; }}
#ccgeo-title h1 {{ font-size: 17px; margin: 0 0 2px 0; }}
#ccgeo-title .ccgeo-src {{ font-size: 11px; color: #555; }}
.ccgeo-place {{ display: inline-block; transform: translate(-50%, -50%); white-space: nowrap;
  color: #37474F; font-family: "Helvetica Neue", Arial, Helvetica, sans-serif;
  text-shadow: 0 0 3px #fff, 0 0 3px #fff, 0 0 2px #fff; pointer-events: none; }}
#ccgeo-title .ccgeo-desc {{ font-size: 12px; margin: 0 0 3px 0; white-space: pre-line;
  max-width: 60ch; }}
#ccgeo-title .ccgeo-synthetic {{ margin-top: 4px; padding: 2px 6px; background: #FFF3CD;
  border: 1px solid #E0A800; border-radius: 4px; font-weight: bold; color: #7A4F01; }}
#ccgeo-legend {{ position: fixed; bottom: 64px; left: 10px; z-index: 1000;
  max-height: calc(100vh - 250px); max-width: 300px; overflow-y: auto;
  background: rgba(255,255,255,0.93); color: {INK};
  padding: 6px 10px; border-radius: 6px; box-shadow: 0 1px 5px rgba(0,0,0,0.4);
  font: 12px/1.3 "Helvetica Neue", Arial, Helvetica, sans-serif; }}
#ccgeo-legend summary {{ font-weight: bold; cursor: pointer; }}
#ccgeo-legend .ccgeo-section {{ font-weight: bold; margin-top: 6px; }}
#ccgeo-legend .ccgeo-row {{ display: flex; align-items: center; gap: 6px; min-height: 18px; }}
#ccgeo-legend .ccgeo-row svg {{ flex: none; }}
#ccgeo-legend .ccgeo-foot {{ margin-top: 6px; font-size: 10.5px; color: #555; }}
#ccgeo-notes {{ position: fixed; bottom: 28px; right: 10px; z-index: 1000;
  max-height: 45vh; max-width: min(420px, 45vw); overflow-y: auto;
  background: rgba(255,255,255,0.95); color: {INK};
  padding: 6px 10px; border-radius: 6px; box-shadow: 0 1px 5px rgba(0,0,0,0.4);
  font: 12px/1.3 "Helvetica Neue", Arial, Helvetica, sans-serif; }}
#ccgeo-notes summary {{ font-weight: bold; cursor: pointer; }}
#ccgeo-notes ul {{ margin: 4px 0 0 0; padding-left: 16px; }}
#ccgeo-notes li {{ margin: 2px 0; }}
#ccgeo-notes .ccgeo-foot {{ margin-top: 4px; font-size: 10.5px; color: #555; }}
.ccgeo-popup table {{ border-collapse: collapse; margin-top: 4px; }}
.ccgeo-popup th {{ text-align: left; padding: 1px 8px 1px 0; vertical-align: top;
  font-weight: normal; color: #555; white-space: nowrap; }}
.ccgeo-popup td {{ padding: 1px 0; }}
.ccgeo-cluster {{ border: 1.5px solid; border-radius: 50%; text-align: center; color: {INK};
  font: bold 11px "Helvetica Neue", Arial, Helvetica, sans-serif; opacity: 0.9;
  text-shadow: 0 0 2px #fff, 0 0 2px #fff; }}
</style>
"""
