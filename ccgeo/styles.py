"""The map palette: colours, widths and symbols per road class, facility tier and layer kind.

Plain hex strings and numbers only (no Qt), so the HTML map and the PDF report draw with the same
palette as the desktop canvas. Widths and sizes are in screen pixels. The names shown to users
(road classes, facility tiers, base-map classes) are English, marked with `ccgeo.i18n.N_`:
translate them where they are shown (``gettext(style.label)``), never here at import time.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ccgeo.i18n import N_

#: Land colour behind every layer (the OpenStreetMap Carto land tone, easy on a projector).
BACKGROUND = "#F2EFE9"

#: Text and outline colour for labels and symbol edges.
INK = "#263238"

#: Halo behind labels so they stay readable over roads and heat shading.
HALO = "#FFFFFF"


@dataclass(frozen=True)
class RoadStyle:
    """How one road class is drawn.

    Attributes
    ----------
    label
        Name in the legend, in English (``gettext(label)`` where it is shown).
    color
        Line colour, ``#RRGGBB``.
    width_px
        Line width in screen pixels.
    casing_color
        Colour of a darker outline drawn under the line, or ``None`` for no casing.
    casing_px
        Extra width of the casing on each side, pixels.
    dash
        ``"solid"``, ``"dash"`` or ``"dot"``.
    max_m_per_px
        The class is hidden when the map shows more metres per pixel than this (zoomed far
        out), so that overview redraws stay fast and the map stays readable.
    """

    label: str
    color: str
    width_px: float
    casing_color: str | None = None
    casing_px: float = 0.0
    dash: str = "solid"
    max_m_per_px: float = float("inf")


#: Road classes from the bottom of the drawing order to the top. Thresholds follow the zoom
#: levels at which OpenStreetMap Carto starts drawing each class (z8 ≈ 600 m/px at 17° N,
#: z11 ≈ 75, z12 ≈ 37, z13 ≈ 18, z14 ≈ 9, z15 ≈ 4.5). The 1-pixel streets (other, service,
#: minor, tertiary) are a grey ramp and the main roads (secondary to motorway) a yellow-to-brown
#: ramp, each darker with importance, so that the classes read apart by lightness alone (for
#: the colour-blind too: tests/test_palettes.py); paths and tracks are told by their dashes.
ROAD_STYLES: dict[str, RoadStyle] = {
    "other": RoadStyle(N_("Other ways"), "#D4CEC6", 1.0, max_m_per_px=4.5),
    "path": RoadStyle(N_("Footway / path"), "#B07F5A", 1.0, dash="dot", max_m_per_px=4.5),
    "service": RoadStyle(N_("Service road"), "#A9A9A9", 1.0, max_m_per_px=6.0),
    "track": RoadStyle(N_("Track"), "#8D6E4A", 1.0, dash="dash", max_m_per_px=9.0),
    "minor": RoadStyle(N_("Residential / unclassified"), "#888888", 1.0, max_m_per_px=20.0),
    "tertiary": RoadStyle(N_("Tertiary"), "#666666", 1.0, max_m_per_px=40.0),
    "secondary": RoadStyle(N_("Secondary"), "#F9E16A", 2.5, max_m_per_px=160.0),
    "primary": RoadStyle(N_("Primary"), "#EF9C48", 3.0),
    "trunk": RoadStyle(N_("Trunk"), "#D2622A", 3.5, "#7A3A12", 1.0),
    "motorway": RoadStyle(N_("Motorway"), "#A33F18", 4.0, "#5E2408", 1.0),
}

#: OSM ``highway`` values per road class; anything not listed is ``"other"``.
HIGHWAY_CLASS: dict[str, str] = {
    "motorway": "motorway",
    "motorway_link": "motorway",
    "trunk": "trunk",
    "trunk_link": "trunk",
    "primary": "primary",
    "primary_link": "primary",
    "secondary": "secondary",
    "secondary_link": "secondary",
    "tertiary": "tertiary",
    "tertiary_link": "tertiary",
    "unclassified": "minor",
    "residential": "minor",
    "living_street": "minor",
    "road": "minor",
    "busway": "minor",
    "service": "service",
    "track": "track",
    "path": "path",
    "footway": "path",
    "cycleway": "path",
    "pedestrian": "path",
    "steps": "path",
    "bridleway": "path",
    "corridor": "path",
}


def road_classes(highway: np.ndarray) -> np.ndarray:
    """Road class (a key of `ROAD_STYLES`) of each OSM ``highway`` value; vectorised."""
    values = np.asarray(highway, dtype=object)
    if values.size == 0:
        return np.empty(0, dtype=object)
    uniq, inverse = np.unique(values.astype(str), return_inverse=True)
    mapped = np.array([HIGHWAY_CLASS.get(v, "other") for v in uniq], dtype=object)
    return mapped[inverse]


@dataclass(frozen=True)
class FacilityStyle:
    """Symbol of one facility tier: ``symbol`` is star, diamond, square, triangle, circle or dot;
    ``label`` is English (``gettext(label)`` where it is shown)."""

    label: str
    symbol: str
    fill: str
    size_px: float
    outline: str = INK


#: Symbol classes from the lowest tier to the highest (the drawing order: highest on top). Shape
#: and size say the tier; the fills (Okabe and Ito's colour-blind-safe set, with Paul Tol's
#: wine for NGS) stay apart for the colour-blind too (tests/test_palettes.py).
FACILITY_STYLES: dict[str, FacilityStyle] = {
    "none": FacilityStyle(N_("No diagnostic capability"), "dot", "#A0A0A0", 7.0),
    "biopsy": FacilityStyle(N_("Biopsy only"), "circle", "#FFFFFF", 10.0),
    "histology": FacilityStyle(N_("Histology / cytology"), "triangle", "#56B4E9", 13.0),
    "ihc": FacilityStyle(N_("IHC / ISH / flow cytometry"), "square", "#0072B2", 13.0),
    "pcr": FacilityStyle(N_("PCR (molecular)"), "diamond", "#D55E00", 16.0),
    "ngs": FacilityStyle(N_("NGS (sequencing)"), "star", "#882255", 20.0),
}

#: `ccgeo.model.Facilities.tiers` value → symbol class of `FACILITY_STYLES`.
TIER_CLASS: dict[str, str] = {
    "ngs": "ngs",
    "pcr": "pcr",
    "ish": "ihc",
    "ihc": "ihc",
    "flow": "ihc",
    "histology": "histology",
    "cytology": "histology",
    "biopsy": "biopsy",
    "none": "none",
}

#: Ring drawn around labs in external quality assessment or accredited.
QUALITY_RING_COLOR = "#2E7D32"
QUALITY_RING_PX = 2.5
QUALITY_RING_GAP_PX = 2.0
QUALITY_RING_LABEL = N_("Ring: in EQA or accredited")

#: Population density ramp (people per km²), light to dark: ColorBrewer YlOrBr (Brewer 2003),
#: a sequential scheme whose lightness falls steadily for the common colour-vision deficiencies
#: too, so that "more people" reads as "darker" for everyone (tests/test_palettes.py).
POPULATION_RAMP: tuple[str, ...] = (
    "#FFFFE5",
    "#FFF7BC",
    "#FEE391",
    "#FEC44F",
    "#FE9929",
    "#EC7014",
    "#CC4C02",
    "#993404",
    "#662506",
)
#: Alpha (0-255) of populated cells, so that a base map stays visible through the shading.
POPULATION_ALPHA = 170

#: District outlines and labels.
DISTRICT_OUTLINE = "#6A4C93"
DISTRICT_OUTLINE_PX = 1.6
DISTRICT_LABEL = "#4A2F73"
DISTRICT_LABEL_PT = 10.0


@dataclass(frozen=True)
class LegendEntry:
    """One row of a layer's legend.

    ``kind`` is ``"line"`` (uses ``color``, ``width_px``, ``dash``, ``outline`` as casing),
    ``"marker"`` (``symbol``, ``color`` fill, ``outline``), ``"ring"`` (``color``),
    ``"fill"`` (``color`` fill, ``outline``) or ``"ramp"`` (``colors``).
    """

    label: str
    kind: str
    color: str = INK
    outline: str | None = None
    width_px: float = 1.0
    dash: str = "solid"
    symbol: str = "circle"
    colors: tuple[str, ...] = field(default_factory=tuple)


def hex_to_rgb(color: str) -> tuple[int, int, int]:
    """``"#RRGGBB"`` → ``(r, g, b)`` in 0..255."""
    text = color.lstrip("#")
    if len(text) != 6:
        msg = f"colour should be #RRGGBB, got {color!r}"
        raise ValueError(msg)
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)


def ramp_rgb(values: np.ndarray, colors: tuple[str, ...] = POPULATION_RAMP) -> np.ndarray:
    """Interpolate a colour ramp at ``values`` in 0..1; returns ``(n, 3)`` uint8 RGB."""
    stops = np.array([hex_to_rgb(c) for c in colors], dtype=float)
    t = np.clip(np.asarray(values, dtype=float), 0.0, 1.0) * (len(colors) - 1)
    lo = np.floor(t).astype(int)
    hi = np.minimum(lo + 1, len(colors) - 1)
    frac = (t - lo)[..., None]
    rgb = stops[lo] * (1.0 - frac) + stops[hi] * frac
    return np.rint(rgb).astype(np.uint8)


#: Catchment bands (travel time to the nearest lab), nearest band first: viridis (van der Walt
#: and Smith 2015, matplotlib's default), dark purple near the labs to yellow far from them. Its
#: lightness rises steadily for the colour-blind too, and up to five bands stay apart as the map
#: draws them (translucent over the land; tests/test_palettes.py). The app, the HTML map and the
#: report all use it.
BAND_RAMP: tuple[str, ...] = ("#440154", "#3B528B", "#21918C", "#5EC962", "#FDE725")
#: Fill opacity (0..1) of catchment bands, so that the population shading shows through.
BAND_OPACITY = 0.6


def band_colors(n: int) -> list[str]:
    """``n`` colours of `BAND_RAMP`, nearest band first, spread over the whole ramp."""
    if n <= 0:
        return []
    t = np.linspace(0.0, 1.0, n) if n > 1 else np.zeros(1)
    return ["#{:02X}{:02X}{:02X}".format(*rgb) for rgb in ramp_rgb(t, BAND_RAMP)]


#: Areas where people are beyond the underserved threshold: red, emphasised by a strong outline.
UNDERSERVED_FILL = "#E53935"
UNDERSERVED_OUTLINE = "#B71C1C"
UNDERSERVED_OPACITY = 0.45

#: New hubs proposed by a siting model.
HUB_STYLE = FacilityStyle(N_("Proposed new hub"), "star", "#FFB300", 24.0)

#: Qualitative colours of couriers (referral routes and loops): the eight colours of Okabe and
#: Ito (2008, "Color Universal Design"), which stay apart for the colour-blind; courier ``i``
#: takes colour ``i % len(COURIER_COLORS)``.
COURIER_COLORS: tuple[str, ...] = (
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
    "#000000",
)
#: Routes and loops of spokes that no courier serves (not servable, or no loop).
NO_COURIER_COLOR = "#757575"

#: The area picked in the results list and the spoke picked in the referral table: a bright
#: cyan, which stands out against every band, the underserved red and the land.
HIGHLIGHT_COLOR = "#00E5FF"
#: What-if hubs placed on the map: a magenta disc with a white cross.
CANDIDATE_HUB_COLOR = "#D81B60"
#: Facilities upgraded in a what-if get an orange ring; closed labs a grey cross.
UPGRADE_COLOR = "#E69F00"
CLOSED_COLOR = "#424242"


def symbol_outline(symbol: str, size_px: float) -> np.ndarray:
    """Closed outline ``(k, 2)`` of a facility ``symbol``, pixels, centred on (0, 0), y down.

    The shapes of every point symbol, used by the desktop canvas, and by the
    drawers without Qt (the HTML map, the PDF report): squares are drawn a little smaller than
    circles of the same ``size_px`` so that the symbols look equally heavy.
    """

    def regular(n: int, radius: float, rotation: float = 0.0) -> np.ndarray:
        angles = rotation + np.linspace(0.0, 2.0 * np.pi, n, endpoint=False)
        ring = np.column_stack([radius * np.sin(angles), -radius * np.cos(angles)])
        return np.vstack([ring, ring[:1]])

    r = size_px / 2.0
    if symbol in ("circle", "dot"):
        return regular(24, r)
    if symbol == "square":
        return regular(4, r * 1.2, np.pi / 4)
    if symbol == "diamond":
        return regular(4, r * 1.05)
    if symbol == "triangle":
        return regular(3, r * 1.15)
    if symbol == "star":
        angles = np.linspace(0.0, 2.0 * np.pi, 10, endpoint=False)
        radii = np.where(np.arange(10) % 2 == 0, r, r * 0.45)
        ring = np.column_stack([radii * np.sin(angles), -radii * np.cos(angles)])
        return np.vstack([ring, ring[:1]])
    msg = f"`symbol` should be star, diamond, square, triangle, circle or dot, got {symbol!r}"
    raise ValueError(msg)


#: Scenario difference maps (`ccgeo.analysis.scenario.CHANGES`): people who gain access within the
#: threshold from scenario A to B (blue), who lose it (orange), and the unchanged (grey); blue
#: and orange stay apart for the common colour-vision deficiencies (ColorBrewer PuOr / RdBu ends).
DIFFERENCE_COLORS: dict[str, str] = {"gain": "#2166AC", "loss": "#E66101", "unchanged": "#9E9E9E"}
#: Opacity (0..1) of the unchanged people, so that the gains and losses stand out.
DIFFERENCE_UNCHANGED_OPACITY = 0.35


# -- base map --------------------------------------------------------------------------------

#: Fill of each base-map area class: light tones of OpenStreetMap Carto, so that roads,
#: population shading and analysis bands stay the strongest colours on the map.
BASEMAP_AREA_FILLS: dict[str, str] = {
    "built": "#E4E0DA",
    "residential": "#E4E0DA",
    "commercial": "#EFE0DE",
    "industrial": "#E8DEE6",
    "green": "#D9EACB",
    "park": "#CDEBC0",
    "water": "#AAD3DF",
}
#: Legend words of the base-map area classes (English; ``gettext`` them where shown).
BASEMAP_AREA_LABELS: dict[str, str] = {
    "built": N_("Built-up (from buildings)"),
    "residential": N_("Residential"),
    "commercial": N_("Commercial and retail"),
    "industrial": N_("Industrial"),
    "green": N_("Woods, grass and meadows"),
    "park": N_("Parks and gardens"),
    "water": N_("Water"),
}


@dataclass(frozen=True)
class BasemapLineStyle:
    """How a base-map line class is drawn: legend label (English; ``gettext`` it where shown),
    colour, width in pixels, and the zoom (metres per pixel) beyond which it is hidden."""

    label: str
    color: str
    width_px: float
    max_m_per_px: float


BASEMAP_LINE_STYLES: dict[str, BasemapLineStyle] = {
    "coastline": BasemapLineStyle(N_("Coastline"), "#7FA9B8", 1.2, float("inf")),
    "stream": BasemapLineStyle(N_("Streams and drains"), "#AAD3DF", 1.2, 8.0),
    "river": BasemapLineStyle(N_("Rivers and canals"), "#AAD3DF", 2.5, 200.0),
}
