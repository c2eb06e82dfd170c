"""QGIS styles of ccgeo's layers: QML and SLD made from ccgeo's palette, kept in ``layer_styles``.

QGIS reads a GeoPackage's ``layer_styles`` table (the schema its OGR provider creates when a
user saves a style "in the database") and draws a layer with its default row, so a project or a
result file opened in QGIS looks as it does in ccgeo: facilities by diagnostic tier, roads by
class, population by a density ramp, catchment bands in the band ramp. Each row holds the style
twice: QML (QGIS's own format: ``renderer-v2`` with SimpleMarker, SimpleLine and SimpleFill
symbol layers) and SLD 1.1 (OGC Symbology Encoding, for other tools).

Rows ccgeo writes carry ``owner = 'ccgeo'``; rows a user saved in QGIS (owner empty) are kept by
`write_layer_styles`, and a user's default style stays the default.

No Qt here: the XML is built with `xml.etree.ElementTree`.
"""

from __future__ import annotations

import itertools
import math
import sqlite3
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ccgeo.i18n import _
from ccgeo.labels import format_people, format_percent, format_threshold
from ccgeo.model.schema import TIER_ORDER
from ccgeo.styles import (
    BAND_OPACITY,
    COURIER_COLORS,
    DISTRICT_LABEL,
    DISTRICT_LABEL_PT,
    DISTRICT_OUTLINE,
    DISTRICT_OUTLINE_PX,
    FACILITY_STYLES,
    HALO,
    HIGHWAY_CLASS,
    HUB_STYLE,
    INK,
    NO_COURIER_COLOR,
    POPULATION_ALPHA,
    POPULATION_RAMP,
    ROAD_STYLES,
    TIER_CLASS,
    UNDERSERVED_FILL,
    UNDERSERVED_OPACITY,
    UNDERSERVED_OUTLINE,
    band_colors,
    hex_to_rgb,
    ramp_rgb,
)

#: ``owner`` of the ``layer_styles`` rows ccgeo writes (QGIS writes an empty owner).
OWNER = "ccgeo"
#: The version of QGIS whose QML the styles follow (3.22 LTR, still on many workshop laptops).
QGIS_VERSION = "3.22.0-Białowieża"
#: Millimetres per screen pixel at 96 dpi: ccgeo's sizes are pixels, QGIS's are millimetres.
MM_PER_PX = 25.4 / 96.0
#: Metres on the ground per pixel at a scale of 1:1, in OGC's standard 0.28 mm pixel.
_OGC_PIXEL_M = 0.00028

#: The columns of QGIS's ``layer_styles`` table, in QGIS's order (after ``id``).
LAYER_STYLES_COLUMNS: tuple[str, ...] = (
    "f_table_catalog",
    "f_table_schema",
    "f_table_name",
    "f_geometry_column",
    "styleName",
    "styleQML",
    "styleSLD",
    "useAsDefault",
    "description",
    "owner",
    "ui",
    "update_time",
)
_CREATE_LAYER_STYLES = (
    "CREATE TABLE IF NOT EXISTS layer_styles ("
    "id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, f_table_catalog TEXT(256),"
    " f_table_schema TEXT(256), f_table_name TEXT(256), f_geometry_column TEXT(256),"
    " styleName TEXT(30), styleQML TEXT, styleSLD TEXT, useAsDefault BOOLEAN,"
    " description TEXT, owner TEXT(30), ui TEXT(30),"
    " update_time DATETIME DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))"
)
_SLD_NS = "http://www.opengis.net/sld"
_SE_NS = "http://www.opengis.net/se"
_OGC_NS = "http://www.opengis.net/ogc"
_XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"


# -- symbols ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Marker:
    """A point symbol: ``shape`` one of circle, square, diamond, triangle, star; sizes, px."""

    shape: str
    fill: str
    outline: str = INK
    size_px: float = 8.0
    outline_px: float = 1.0
    opacity: float = 1.0


@dataclass(frozen=True)
class Line:
    """A line symbol, with an optional darker casing under it; widths in px."""

    color: str
    width_px: float = 1.0
    dash: str = "solid"
    casing: str | None = None
    casing_px: float = 0.0
    opacity: float = 1.0


@dataclass(frozen=True)
class Fill:
    """A polygon symbol: ``color`` None draws the outline only; widths in px."""

    color: str | None
    outline: str
    outline_px: float = 1.0
    opacity: float = 1.0


Symbol = Marker | Line | Fill

#: A filter on a feature's attributes, as nested tuples (see `_qgis_expression`, `_ogc_filter`):
#: ``("true", column)``, ``("in", column, values)``, ``("range", column, lo, hi, with_lo)``,
#: ``("and" | "or", [filters])``, ``("not", filter)``.
Test = tuple[Any, ...]


@dataclass(frozen=True)
class Category:
    """One class of a layer: its legend label (English, translated when written), symbol, the
    value the QML renderer matches, the filter of its SLD rule, and the zoom beyond which it is
    hidden (metres per pixel)."""

    label: str
    symbol: Symbol
    value: str = ""
    test: Test | None = None
    max_m_per_px: float = math.inf
    lower: float = 0.0
    upper: float = 0.0


@dataclass(frozen=True)
class Renderer:
    """How a layer is drawn: ``kind`` ``single``, ``categorized`` (``attr`` a column or a QGIS
    expression) or ``graduated`` (``attr`` a numeric column); categories in drawing order."""

    kind: str
    categories: tuple[Category, ...]
    attr: str = ""
    label_field: str | None = None
    title: str = ""


@dataclass(frozen=True)
class LayerStyle:
    """One ``layer_styles`` row: the layer (table and geometry column), the style's name and
    description (in the language of the moment), its QML and its SLD."""

    table: str
    geometry_column: str
    name: str
    description: str
    qml: str
    sld: str
    renderer: Renderer = field(repr=False, compare=False, default=Renderer("single", ()))


# -- the styles of ccgeo's layers --------------------------------------------------------------


def _facility_test(cls: str) -> Test:
    """Facilities whose highest tier falls in symbol class ``cls`` (`TIER_CLASS`)."""
    if cls == "none":
        return ("not", ("or", [("true", t) for t in TIER_ORDER]))
    first = min(i for i, t in enumerate(TIER_ORDER) if TIER_CLASS[t] == cls)
    mine = [t for t in TIER_ORDER if TIER_CLASS[t] == cls]
    higher = TIER_ORDER[:first]
    member: Test = ("or", [("true", t) for t in mine])
    return ("and", [member, ("not", ("or", [("true", t) for t in higher]))]) if higher else member


def _facility_expression() -> str:
    whens = " ".join(f"WHEN \"{t}\" THEN '{TIER_CLASS[t]}'" for t in TIER_ORDER)
    return f"CASE {whens} ELSE 'none' END"


def facilities_renderer() -> Renderer:
    """Facilities by their highest diagnostic tier (`FACILITY_STYLES`), highest on top."""
    cats = tuple(
        Category(
            _(style.label),
            Marker(style.symbol, style.fill, style.outline, style.size_px),
            value=cls,
            test=_facility_test(cls),
        )
        for cls, style in FACILITY_STYLES.items()
    )
    return Renderer(
        "categorized", cats, attr=_facility_expression(), title=_("facilities by capability")
    )


def roads_renderer() -> Renderer:
    """Roads by class (`ROAD_STYLES`, OSM ``highway`` values through `HIGHWAY_CLASS`)."""
    by_class: dict[str, list[str]] = {}
    for highway, cls in HIGHWAY_CLASS.items():
        by_class.setdefault(cls, []).append(highway)
    whens = " ".join(
        "WHEN \"highway\" IN ({values}) THEN '{cls}'".format(
            values=", ".join(f"'{v}'" for v in values), cls=cls
        )
        for cls, values in by_class.items()
    )
    known = [v for values in by_class.values() for v in values]
    cats = []
    for cls, style in ROAD_STYLES.items():
        test = ("in", "highway", by_class[cls]) if cls in by_class else None
        if cls == "other":
            test = ("not", ("in", "highway", known))
        line = Line(style.color, style.width_px, style.dash, style.casing_color, style.casing_px)
        cats.append(Category(_(style.label), line, cls, test, style.max_m_per_px))
    return Renderer(
        "categorized", tuple(cats), attr=f"CASE {whens} ELSE 'other' END", title=_("roads by class")
    )


def _graduated(
    column: str,
    edges: Sequence[float],
    symbols: Sequence[Symbol],
    labels: Sequence[str],
    title: str,
) -> Renderer:
    cats = tuple(
        Category(
            label,
            symbol,
            test=("range", column, lo, hi, i == 0),
            lower=float(lo),
            upper=float(hi),
        )
        for i, (lo, hi, symbol, label) in enumerate(
            zip(edges[:-1], edges[1:], symbols, labels, strict=True)
        )
    )
    return Renderer("graduated", cats, attr=column, title=title)


def _hex(rgb: Iterable[int]) -> str:
    return "#{:02X}{:02X}{:02X}".format(*rgb)


def population_renderer(population: pd.Series | np.ndarray | None) -> Renderer:
    """Population points by people per point, the density ramp (`POPULATION_RAMP`) on a log
    scale between the 2nd and 98th percentiles, as the map shades them."""
    values = np.asarray(population if population is not None else [], dtype=float)
    positive = values[np.isfinite(values) & (values > 0)]
    lo, hi = (1.0, 1000.0)
    if positive.size:
        lo, hi = (float(v) for v in np.percentile(positive, [2.0, 98.0]))
        hi = max(hi, lo * 1.01)
    n = len(POPULATION_RAMP)
    inner = np.exp(np.linspace(math.log(max(lo, 1e-6)), math.log(hi), n - 1))
    top = max(float(positive.max()) if positive.size else hi, float(inner[-1]))
    edges = [0.0, *(_nice(v) for v in inner[:-1]), top]
    edges = sorted(set(edges))
    colors = [_hex(c) for c in ramp_rgb(np.linspace(0.0, 1.0, len(edges) - 1))]
    alpha = POPULATION_ALPHA / 255.0
    symbols = [Marker("square", c, c, 3.0, 0.0, alpha) for c in colors]
    labels = [f"{format_people(a)} – {format_people(b)}" for a, b in itertools.pairwise(edges)]
    return _graduated("population", edges, symbols, labels, _("people per point"))


def _nice(value: float) -> float:
    """``value`` rounded to two significant digits (class edges a legend can show)."""
    if value <= 0:
        return 0.0
    digits = max(math.floor(math.log10(value)) - 1, 0)
    return float(round(value / 10**digits) * 10**digits)


def districts_renderer() -> Renderer:
    """District outlines with their names, as on ccgeo's map."""
    outline = Fill(None, DISTRICT_OUTLINE, DISTRICT_OUTLINE_PX)
    return Renderer(
        "single",
        (Category(_("District"), outline),),
        label_field="name",
        title=_("district outlines"),
    )


def coverage_renderer(column: str) -> Renderer:
    """Districts by the share of people within reach (``share_<t>min``), 0..1, dark = more."""
    edges = [0.0, 0.25, 0.5, 0.75, 0.9, 1.0]
    colors = list(reversed(band_colors(len(edges) - 1)))
    symbols = [Fill(c, DISTRICT_OUTLINE, 1.0, BAND_OPACITY) for c in colors]
    labels = [
        f"{format_percent(100 * a)} – {format_percent(100 * b)}"
        for a, b in itertools.pairwise(edges)
    ]
    return _graduated(column, edges, symbols, labels, _("share of people within reach"))


def bands_renderer(upper_minutes: Sequence[float]) -> Renderer:
    """Catchment bands by their upper time (``band_min_to``), nearest first (`BAND_RAMP`)."""
    uppers = sorted({float(v) for v in upper_minutes if np.isfinite(v)}) or [30.0, 60.0, 120.0]
    colors = band_colors(len(uppers))
    edges = [0.0, *uppers]
    symbols = [Fill(c, c, 0.5, BAND_OPACITY) for c in colors]
    labels = [_("≤ {minutes} to a lab").format(minutes=format_threshold(u)) for u in uppers]
    return _graduated("band_min_to", edges, symbols, labels, _("travel time"))


def minutes_renderer(upper_minutes: Sequence[float], column: str = "minutes") -> Renderer:
    """People (or routes) by travel minutes, in the band colours; beyond the last band grey."""
    uppers = sorted({float(v) for v in upper_minutes if np.isfinite(v)}) or [30.0, 60.0, 120.0]
    colors = [*band_colors(len(uppers)), "#9E9E9E"]
    edges = [0.0, *uppers, 1e9]
    symbols = [Marker("circle", c, c, 3.0, 0.0) for c in colors]
    labels = [_("≤ {minutes} to a lab").format(minutes=format_threshold(u)) for u in uppers]
    labels.append(_("more than {minutes} to a lab").format(minutes=format_threshold(uppers[-1])))
    return _graduated(column, edges, symbols, labels, _("travel time"))


def courier_renderer(couriers: Iterable[object]) -> Renderer:
    """Referral routes and loops by courier (`COURIER_COLORS`, the map's rule), none in grey."""
    names = sorted({str(c) for c in couriers if str(c) not in ("", "nan", "None", "<NA>")})
    cats = [
        Category(
            name,
            Line(COURIER_COLORS[i % len(COURIER_COLORS)], 2.5),
            name,
            ("in", "courier", [name]),
        )
        for i, name in enumerate(names)
    ]
    cats.append(
        Category(
            _("No courier"),
            Line(NO_COURIER_COLOR, 1.5, "dash"),
            "",
            ("not", ("in", "courier", names)),
        )
    )
    return Renderer("categorized", tuple(cats), attr="courier", title=_("routes by courier"))


def _single(label: str, symbol: Symbol, title: str) -> Renderer:
    return Renderer("single", (Category(label, symbol),), title=title)


def _generic(geometry_type: str) -> Renderer:
    """A plain symbol for a layer ccgeo has no palette for, by its geometry type."""
    kind = geometry_type.lower()
    if "point" in kind:
        return _single(_("Feature"), Marker("circle", INK, HALO, 6.0), _("plain symbol"))
    if "line" in kind:
        return _single(_("Feature"), Line(INK, 1.5), _("plain symbol"))
    return _single(_("Feature"), Fill(None, INK, 1.2), _("plain symbol"))


def layer_renderer(
    layer: str,
    frame: pd.DataFrame,
    geometry_type: str,
    *,
    band_minutes: Sequence[float] = (),
) -> Renderer:
    """The renderer of one of ccgeo's layers, chosen by the layer's name and columns.

    Parameters
    ----------
    layer
        The layer's name (``facilities``, ``roads``, ``demand``, ``districts``, ``labs``,
        ``isochrones``, ``underserved``, ``hubs``, ``routes``, ``loops``, ...).
    frame
        Its rows (the columns decide, and the values set the class edges of graduated styles).
    geometry_type
        ``Point``, ``LineString``, ``MultiPolygon``, ... (for layers without a palette).
    band_minutes
        The upper times of the catchment bands of the same analysis, minutes, for the travel
        times of the demand layer.
    """
    columns = set(frame.columns)
    if set(TIER_ORDER) <= columns:
        return facilities_renderer()
    if layer == "roads" and "highway" in columns:
        return roads_renderer()
    if "band_min_to" in columns:
        return bands_renderer(frame["band_min_to"].tolist())
    if layer == "underserved":
        red = Fill(UNDERSERVED_FILL, UNDERSERVED_OUTLINE, 2.5, UNDERSERVED_OPACITY)
        return _single(_("Underserved areas"), red, _("underserved areas"))
    if layer == "hubs":
        hub = Marker(HUB_STYLE.symbol, HUB_STYLE.fill, HUB_STYLE.outline, HUB_STYLE.size_px)
        return _single(_(HUB_STYLE.label), hub, _("proposed hubs"))
    if "courier" in columns and "line" in geometry_type.lower():
        return courier_renderer(frame["courier"].tolist())
    if layer == "labs":
        style = FACILITY_STYLES["pcr"]
        lab = Marker(style.symbol, style.fill, style.outline, style.size_px)
        return _single(_("Labs"), lab, _("labs of the analysis"))
    if "minutes" in columns and "point" in geometry_type.lower():
        return minutes_renderer(band_minutes)
    if "population" in columns and "point" in geometry_type.lower():
        return population_renderer(frame["population"])
    shares = sorted(
        (c for c in columns if c.startswith("share_") and c.endswith("min")),
        key=lambda c: float(c[6:-3]) if c[6:-3].replace(".", "", 1).isdigit() else 0.0,
    )
    if shares and "polygon" in geometry_type.lower():
        return coverage_renderer(shares[-1])
    if layer == "districts" or ("name" in columns and "polygon" in geometry_type.lower()):
        return districts_renderer()
    return _generic(geometry_type)


# -- QML ----------------------------------------------------------------------------------------


def _rgba(color: str, opacity: float = 1.0) -> str:
    r, g, b = hex_to_rgb(color)
    return f"{r},{g},{b},{round(255 * opacity)}"


def _mm(px: float) -> str:
    return f"{px * MM_PER_PX:.3g}"


def _symbol_layers(symbol: Symbol) -> list[tuple[str, dict[str, str]]]:
    """The QGIS symbol layers of a symbol: (class, properties), bottom first."""
    if isinstance(symbol, Marker):
        shape = "circle" if symbol.shape == "dot" else symbol.shape
        return [
            (
                "SimpleMarker",
                {
                    "name": shape,
                    "color": _rgba(symbol.fill),
                    "outline_color": _rgba(symbol.outline),
                    "outline_style": "solid" if symbol.outline_px > 0 else "no",
                    "outline_width": _mm(symbol.outline_px),
                    "outline_width_unit": "MM",
                    "size": _mm(symbol.size_px),
                    "size_unit": "MM",
                    "scale_method": "diameter",
                    "angle": "0",
                    "joinstyle": "bevel",
                },
            )
        ]
    if isinstance(symbol, Line):
        layers = []
        if symbol.casing is not None and symbol.casing_px > 0:
            layers.append(_line_layer(symbol.casing, symbol.width_px + 2 * symbol.casing_px))
        layers.append(_line_layer(symbol.color, symbol.width_px, symbol.dash))
        return layers
    return [
        (
            "SimpleFill",
            {
                "color": _rgba(
                    symbol.color or symbol.outline, symbol.opacity if symbol.color else 0
                ),
                "style": "solid" if symbol.color else "no",
                "outline_color": _rgba(symbol.outline),
                "outline_style": "solid",
                "outline_width": _mm(symbol.outline_px),
                "outline_width_unit": "MM",
                "joinstyle": "bevel",
            },
        )
    ]


def _line_layer(color: str, width_px: float, dash: str = "solid") -> tuple[str, dict[str, str]]:
    return (
        "SimpleLine",
        {
            "line_color": _rgba(color),
            "line_style": {"dash": "dash", "dot": "dot"}.get(dash, "solid"),
            "line_width": _mm(width_px),
            "line_width_unit": "MM",
            "capstyle": "round",
            "joinstyle": "round",
        },
    )


def _symbol_type(symbol: Symbol) -> str:
    return {Marker: "marker", Line: "line", Fill: "fill"}[type(symbol)]


def _qml_symbol(parent: ET.Element, name: str, symbol: Symbol, *, level: int) -> None:
    alpha = symbol.opacity if isinstance(symbol, Marker | Line) else 1.0
    elem = ET.SubElement(
        parent,
        "symbol",
        {
            "name": name,
            "type": _symbol_type(symbol),
            "alpha": f"{alpha:.3g}",
            "clip_to_extent": "1",
            "force_rhr": "0",
        },
    )
    for i, (cls, props) in enumerate(_symbol_layers(symbol)):
        layer = ET.SubElement(
            elem,
            "layer",
            {"class": cls, "enabled": "1", "locked": "0", "pass": str(2 * level + i)},
        )
        # QGIS 3.22 reads the Option map; QGIS before 3.20 reads the <prop> elements
        option = ET.SubElement(layer, "Option", {"type": "Map"})
        for key, value in props.items():
            ET.SubElement(option, "Option", {"name": key, "type": "QString", "value": value})
        for key, value in props.items():
            ET.SubElement(layer, "prop", {"k": key, "v": value})


def _qml_renderer(root: ET.Element, renderer: Renderer) -> None:
    kinds = {"single": "singleSymbol", "categorized": "categorizedSymbol"}
    attrs = {
        "type": kinds.get(renderer.kind, "graduatedSymbol"),
        "forceraster": "0",
        "enableorderby": "0",
        "symbollevels": "1" if renderer.kind == "categorized" else "0",
    }
    if renderer.kind != "single":
        attrs["attr"] = renderer.attr
    if renderer.kind == "graduated":
        attrs["graduatedMethod"] = "GraduatedColor"
    elem = ET.SubElement(root, "renderer-v2", attrs)
    if renderer.kind == "categorized":
        items = ET.SubElement(elem, "categories")
        for i, cat in enumerate(renderer.categories):
            ET.SubElement(
                items,
                "category",
                {"render": "true", "value": cat.value, "label": cat.label, "symbol": str(i)},
            )
    elif renderer.kind == "graduated":
        items = ET.SubElement(elem, "ranges")
        for i, cat in enumerate(renderer.categories):
            bounds = {"lower": f"{cat.lower:.15f}", "upper": f"{cat.upper:.15f}"}
            ET.SubElement(
                items, "range", {"render": "true", **bounds, "label": cat.label, "symbol": str(i)}
            )
    symbols = ET.SubElement(elem, "symbols")
    for i, cat in enumerate(renderer.categories):
        _qml_symbol(symbols, str(i), cat.symbol, level=i)
    if renderer.kind == "graduated":
        method = ET.SubElement(elem, "classificationMethod", {"id": "Pretty"})
        ET.SubElement(method, "symmetricMode", {"enabled": "0", "symmetrypoint": "0"})
        ET.SubElement(method, "labelFormat", {"format": "%1 - %2", "labelprecision": "0"})


def _qml_labels(root: ET.Element, field_name: str) -> None:
    """Simple labels from ``field_name``, in ccgeo's district label colour with a white halo."""
    labeling = ET.SubElement(root, "labeling", {"type": "simple"})
    settings = ET.SubElement(labeling, "settings", {"calloutType": "simple"})
    ET.SubElement(
        settings,
        "text-style",
        {
            "fieldName": field_name,
            "isExpression": "0",
            "fontSize": f"{DISTRICT_LABEL_PT:g}",
            "fontSizeUnit": "Point",
            "fontWeight": "75",
            "textColor": _rgba(DISTRICT_LABEL),
            "textOpacity": "1",
        },
    )
    ET.SubElement(
        settings,
        "text-buffer",
        {
            "bufferDraw": "1",
            "bufferSize": "1",
            "bufferSizeUnits": "MM",
            "bufferColor": _rgba(HALO),
            "bufferOpacity": "1",
        },
    )
    ET.SubElement(settings, "placement", {"placement": "1", "centroidInside": "1"})
    ET.SubElement(settings, "rendering", {"obstacle": "1", "scaleVisibility": "0"})


def qml(renderer: Renderer, geometry_type: str) -> str:
    """The QML document (QGIS's ``.qml`` style file) of a renderer: symbology and labels."""
    root = ET.Element(
        "qgis",
        {
            "version": QGIS_VERSION,
            "styleCategories": "Symbology|Labeling",
            "labelsEnabled": "1" if renderer.label_field else "0",
        },
    )
    _qml_renderer(root, renderer)
    if renderer.label_field:
        _qml_labels(root, renderer.label_field)
    kind = geometry_type.lower()
    geometry = "0" if "point" in kind else "1" if "line" in kind else "2"
    ET.SubElement(root, "blendMode").text = "0"
    ET.SubElement(root, "featureBlendMode").text = "0"
    ET.SubElement(root, "layerGeometryType").text = geometry
    ET.indent(root, space=" ")
    doctype = "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
    return doctype + ET.tostring(root, encoding="unicode") + "\n"


# -- SLD ----------------------------------------------------------------------------------------


def _se(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    elem = ET.SubElement(parent, f"{{{_SE_NS}}}{tag}", attrs)
    if text is not None:
        elem.text = text
    return elem


def _ogc(parent: ET.Element, tag: str) -> ET.Element:
    return ET.SubElement(parent, f"{{{_OGC_NS}}}{tag}")


def _comparison(parent: ET.Element, op: str, column: str, value: object) -> None:
    elem = _ogc(parent, op)
    _ogc(elem, "PropertyName").text = column
    _ogc(elem, "Literal").text = f"{value:g}" if isinstance(value, float) else str(value)


def _ogc_filter(parent: ET.Element, test: Test) -> None:
    """Write ``test`` (see `Test`) as OGC Filter Encoding 1.1 under ``parent``."""
    op = test[0]
    if op == "true":
        _comparison(parent, "PropertyIsEqualTo", test[1], 1)
    elif op == "in":
        values = list(test[2])
        if len(values) == 1:
            _comparison(parent, "PropertyIsEqualTo", test[1], values[0])
        else:
            _ogc_filter(parent, ("or", [("in", test[1], [v]) for v in values]))
    elif op == "range":
        _, column, lo, hi, with_lo = test
        _ogc_filter(
            parent,
            ("and", [("cmp", ">=" if with_lo else ">", column, lo), ("cmp", "<=", column, hi)]),
        )
    elif op == "cmp":
        names = {">=": "PropertyIsGreaterThanOrEqualTo", ">": "PropertyIsGreaterThan"}
        _comparison(parent, names.get(test[1], "PropertyIsLessThanOrEqualTo"), test[2], test[3])
    elif op in ("and", "or"):
        parts = list(test[1])
        if len(parts) == 1:
            _ogc_filter(parent, parts[0])
            return
        group = _ogc(parent, "And" if op == "and" else "Or")
        for part in parts:
            _ogc_filter(group, part)
    elif op == "not":
        _ogc_filter(_ogc(parent, "Not"), test[1])
    else:
        msg = f"unknown filter operator {op!r}"
        raise ValueError(msg)


def _svg(parent: ET.Element, name: str, value: str) -> None:
    _se(parent, "SvgParameter", value, name=name)


def _sld_stroke(parent: ET.Element, color: str, width_px: float, dash: str = "solid") -> None:
    stroke = _se(parent, "Stroke")
    _svg(stroke, "stroke", color)
    _svg(stroke, "stroke-width", f"{width_px:g}")
    _svg(stroke, "stroke-linejoin", "round")
    if dash == "dash":
        _svg(stroke, "stroke-dasharray", "6 3")
    elif dash == "dot":
        _svg(stroke, "stroke-dasharray", "1 3")


def _sld_symbolizers(rule: ET.Element, symbol: Symbol) -> None:
    if isinstance(symbol, Marker):
        graphic = _se(_se(rule, "PointSymbolizer"), "Graphic")
        mark = _se(graphic, "Mark")
        shape = {"dot": "circle", "diamond": "square"}.get(symbol.shape, symbol.shape)
        _se(mark, "WellKnownName", shape)
        fill = _se(mark, "Fill")
        _svg(fill, "fill", symbol.fill)
        if symbol.outline_px > 0:
            _sld_stroke(mark, symbol.outline, symbol.outline_px)
        if symbol.opacity < 1:
            _se(graphic, "Opacity", f"{symbol.opacity:.3g}")
        _se(graphic, "Size", f"{symbol.size_px:g}")
        if symbol.shape == "diamond":
            _se(graphic, "Rotation", "45")
    elif isinstance(symbol, Line):
        if symbol.casing is not None and symbol.casing_px > 0:
            width = symbol.width_px + 2 * symbol.casing_px
            _sld_stroke(_se(rule, "LineSymbolizer"), symbol.casing, width)
        _sld_stroke(_se(rule, "LineSymbolizer"), symbol.color, symbol.width_px, symbol.dash)
    else:
        polygon = _se(rule, "PolygonSymbolizer")
        if symbol.color is not None:
            fill = _se(polygon, "Fill")
            _svg(fill, "fill", symbol.color)
            _svg(fill, "fill-opacity", f"{symbol.opacity:.3g}")
        _sld_stroke(polygon, symbol.outline, symbol.outline_px)


def _sld_labels(rule: ET.Element, field_name: str) -> None:
    text = _se(rule, "TextSymbolizer")
    label = _se(text, "Label")
    ET.SubElement(label, f"{{{_OGC_NS}}}PropertyName").text = field_name
    font = _se(text, "Font")
    _svg(font, "font-size", f"{DISTRICT_LABEL_PT * 96 / 72:.0f}")
    _svg(font, "font-weight", "bold")
    halo = _se(text, "Halo")
    _se(halo, "Radius", "1.5")
    _svg(_se(halo, "Fill"), "fill", HALO)
    _svg(_se(text, "Fill"), "fill", DISTRICT_LABEL)


def sld(renderer: Renderer, layer: str) -> str:
    """The SLD 1.1 document (OGC Symbology Encoding 1.1) of a renderer, one rule per class."""
    ET.register_namespace("", _SLD_NS)
    ET.register_namespace("se", _SE_NS)
    ET.register_namespace("ogc", _OGC_NS)
    ET.register_namespace("xsi", _XSI_NS)
    root = ET.Element(
        f"{{{_SLD_NS}}}StyledLayerDescriptor",
        {
            "version": "1.1.0",
            f"{{{_XSI_NS}}}schemaLocation": (
                f"{_SLD_NS} http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd"
            ),
        },
    )
    named = ET.SubElement(root, f"{{{_SLD_NS}}}NamedLayer")
    _se(named, "Name", layer)
    user = ET.SubElement(named, f"{{{_SLD_NS}}}UserStyle")
    _se(user, "Name", layer)
    feature_style = _se(user, "FeatureTypeStyle")
    for cat in renderer.categories:
        rule = _se(feature_style, "Rule")
        _se(rule, "Name", cat.label)
        _se(_se(rule, "Description"), "Title", cat.label)
        if cat.test is not None and renderer.kind != "single":
            _ogc_filter(ET.SubElement(rule, f"{{{_OGC_NS}}}Filter"), cat.test)
        if math.isfinite(cat.max_m_per_px):
            _se(rule, "MaxScaleDenominator", f"{cat.max_m_per_px / _OGC_PIXEL_M:.0f}")
        _sld_symbolizers(rule, cat.symbol)
        if renderer.label_field:
            _sld_labels(rule, renderer.label_field)
    ET.indent(root, space=" ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


# -- the layer_styles table ---------------------------------------------------------------------


def _band_minutes(layers: Mapping[str, pd.DataFrame]) -> list[float]:
    bands = layers.get("isochrones")
    if bands is None or "band_min_to" not in bands.columns:
        return []
    return [float(v) for v in bands["band_min_to"].tolist()]


def layer_styles(
    layers: Mapping[str, pd.DataFrame], geometry: Mapping[str, tuple[str, str]]
) -> list[LayerStyle]:
    """The styles of the layers of one file, in the language of the moment.

    Parameters
    ----------
    layers
        The layers written, by table name.
    geometry
        Table name → (geometry column, geometry type) as the file records them; tables without
        geometry get no style (QGIS draws nothing for them).
    """
    band_minutes = _band_minutes(layers)
    out = []
    for table, frame in layers.items():
        if table not in geometry:
            continue
        column, geometry_type = geometry[table]
        renderer = layer_renderer(table, frame, geometry_type, band_minutes=band_minutes)
        out.append(
            LayerStyle(
                table=table,
                geometry_column=column,
                name=_("ccgeo style"),
                description=_("As ccgeo draws it: {what}").format(what=renderer.title),
                qml=qml(renderer, geometry_type),
                sld=sld(renderer, table),
                renderer=renderer,
            )
        )
    return out


def read_style_rows(con: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every row of a GeoPackage's ``layer_styles`` table (without ``id``); [] without one."""
    if not _has_table(con, "layer_styles"):
        return []
    names = [str(r[1]) for r in con.execute("PRAGMA table_info(layer_styles)")]
    columns = [c for c in LAYER_STYLES_COLUMNS if c in names]
    if not columns:
        return []
    select = ", ".join(f'"{c}"' for c in columns)
    rows = con.execute(f"SELECT {select} FROM layer_styles ORDER BY id").fetchall()
    return [dict(zip(columns, row, strict=True)) for row in rows]


def foreign_rows(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The rows not written by ccgeo (a user's styles saved in QGIS), to keep on save."""
    return [dict(r) for r in rows if r.get("owner") != OWNER]


def write_layer_styles(
    con: sqlite3.Connection,
    layers: Mapping[str, pd.DataFrame],
    *,
    kept: Sequence[Mapping[str, Any]] = (),
) -> list[LayerStyle]:
    """Write the ``layer_styles`` table of a GeoPackage: ``kept`` rows, then ccgeo's own.

    The table has QGIS's schema and is registered in ``gpkg_contents`` as ``attributes``, as
    QGIS's OGR provider makes it. ccgeo's rows (``owner`` ``'ccgeo'``) replace those of an
    earlier save. A kept row wins over ccgeo's: a style a user saved in QGIS under ccgeo's
    style name replaces ccgeo's row, and a user's default style (``useAsDefault``) stays the
    default, ccgeo's row then being one more style to choose in QGIS.

    Parameters
    ----------
    con
        An open connection to the GeoPackage (its layers already written).
    layers
        The layers written, by table name (see `layer_styles`).
    kept
        Rows of ``layer_styles`` to keep (`foreign_rows` of the file being replaced).

    Returns
    -------
    list of LayerStyle
        ccgeo's styles written.
    """
    geometry = {
        str(t): (str(c), str(g))
        for t, c, g in con.execute(
            "SELECT table_name, column_name, geometry_type_name FROM gpkg_geometry_columns"
        )
    }
    styles = layer_styles(layers, geometry)
    con.execute("DROP TABLE IF EXISTS layer_styles")
    con.execute(_CREATE_LAYER_STYLES)
    con.execute(
        "INSERT OR REPLACE INTO gpkg_contents (table_name, data_type, identifier, description)"
        " VALUES ('layer_styles', 'attributes', 'layer_styles', '')"
    )
    insert = "INSERT INTO layer_styles ({cols}) VALUES ({marks})"
    for row in kept:
        cols = [c for c in LAYER_STYLES_COLUMNS if c in row]
        sql = insert.format(
            cols=", ".join(f'"{c}"' for c in cols), marks=", ".join("?" * len(cols))
        )
        con.execute(sql, [row[c] for c in cols])
    defaults = {str(r.get("f_table_name")) for r in kept if r.get("useAsDefault")}
    taken = {(str(r.get("f_table_name")), str(r.get("styleName"))) for r in kept}
    written = [s for s in styles if (s.table, s.name) not in taken]
    sql = insert.format(
        cols=", ".join(f'"{c}"' for c in LAYER_STYLES_COLUMNS[:-1]),
        marks=", ".join("?" * (len(LAYER_STYLES_COLUMNS) - 1)),
    )
    con.executemany(
        sql,
        [
            ("", "", s.table, s.geometry_column, s.name, s.qml, s.sld, *_usage(s, defaults))
            for s in written
        ],
    )
    return written


def _usage(style: LayerStyle, defaults: set[str]) -> tuple[int, str, str, None]:
    """``useAsDefault``, ``description``, ``owner`` and ``ui`` of ccgeo's row of a style."""
    return int(style.table not in defaults), style.description, OWNER, None


def _has_table(con: sqlite3.Connection, name: str) -> bool:
    row = con.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
    ).fetchone()
    return row is not None
