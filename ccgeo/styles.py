"""The map palette: colours, widths and symbols per road class, facility tier and layer kind.

Plain hex strings and numbers only (no Qt), so the HTML map and the PDF report draw with the same
palette as the desktop canvas. Widths and sizes are in screen pixels.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

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
        Name in the legend.
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
#: z11 ≈ 75, z12 ≈ 37, z13 ≈ 18, z14 ≈ 9, z15 ≈ 4.5).
ROAD_STYLES: dict[str, RoadStyle] = {
    "other": RoadStyle("Other ways", "#C4BDB4", 1.0, max_m_per_px=4.5),
    "path": RoadStyle("Footway / path", "#B07F5A", 1.0, dash="dot", max_m_per_px=4.5),
    "service": RoadStyle("Service road", "#BDBDBD", 1.0, max_m_per_px=6.0),
    "track": RoadStyle("Track", "#8D6E4A", 1.0, dash="dash", max_m_per_px=9.0),
    "minor": RoadStyle("Residential / unclassified", "#9E9E9E", 1.0, max_m_per_px=20.0),
    "tertiary": RoadStyle("Tertiary", "#7E7E7E", 1.0, max_m_per_px=40.0),
    "secondary": RoadStyle("Secondary", "#F5D25B", 2.5, max_m_per_px=160.0),
    "primary": RoadStyle("Primary", "#F2A74B", 3.0),
    "trunk": RoadStyle("Trunk", "#EE8430", 3.5, "#97511A", 1.0),
    "motorway": RoadStyle("Motorway", "#E4661C", 4.0, "#8A3C0E", 1.0),
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
    """Symbol of one facility tier: ``symbol`` is star, diamond, square, triangle, circle or dot."""

    label: str
    symbol: str
    fill: str
    size_px: float
    outline: str = INK


#: Symbol classes from the lowest tier to the highest (the drawing order: highest on top).
FACILITY_STYLES: dict[str, FacilityStyle] = {
    "none": FacilityStyle("No diagnostic capability", "dot", "#9E9E9E", 7.0),
    "biopsy": FacilityStyle("Biopsy only", "circle", "#FFFFFF", 10.0),
    "histology": FacilityStyle("Histology / cytology", "triangle", "#26A69A", 13.0),
    "ihc": FacilityStyle("IHC / ISH / flow cytometry", "square", "#1E63C4", 13.0),
    "pcr": FacilityStyle("PCR (molecular)", "diamond", "#D32F2F", 16.0),
    "ngs": FacilityStyle("NGS (sequencing)", "star", "#7B1FA2", 20.0),
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
QUALITY_RING_LABEL = "Ring: in EQA or accredited"

#: Population density ramp (people per km²), light to dark; a sequential yellow-orange-red
#: scheme that stays legible for the common colour-vision deficiencies.
POPULATION_RAMP: tuple[str, ...] = (
    "#FFFFCC",
    "#FFEDA0",
    "#FED976",
    "#FEB24C",
    "#FD8D3C",
    "#FC4E2A",
    "#E31A1C",
    "#B10026",
)
#: Alpha (0-255) of populated cells, so roads stay visible through the shading.
POPULATION_ALPHA = 150

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


#: Catchment bands (travel time to the nearest lab), nearest band first: a sequential green
#: ramp (ColorBrewer RdYlGn, green half) so that "near" reads darkest; it reads in grey and for
#: the common colour-vision deficiencies. The app, the HTML map and the report all use it.
BAND_RAMP: tuple[str, ...] = ("#1A9850", "#66BD63", "#A6D96A", "#D9EF8B")
#: Fill opacity (0..1) of catchment bands, so that roads and districts show through.
BAND_OPACITY = 0.45


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
HUB_STYLE = FacilityStyle("Proposed new hub", "star", "#FFB300", 24.0)

#: Qualitative colours of couriers (referral routes and loops), ColorBrewer Dark2 then Set1;
#: courier ``i`` takes colour ``i % len(COURIER_COLORS)``.
COURIER_COLORS: tuple[str, ...] = (
    "#1B9E77",
    "#D95F02",
    "#7570B3",
    "#E7298A",
    "#66A61E",
    "#E6AB02",
    "#A6761D",
    "#377EB8",
    "#984EA3",
    "#4D4D4D",
)


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
