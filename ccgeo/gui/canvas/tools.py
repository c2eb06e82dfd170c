"""Identify and select map tools: pick facilities, roads and districts under the cursor."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import CRS
from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPainter, QPen

from ccgeo.geo import project_lonlat
from ccgeo.gui.canvas.map_canvas import MapCanvas, MapTool
from ccgeo.gui.language import tr
from ccgeo.gui.wording import value_label, yes_no
from ccgeo.labels import format_number, format_people
from ccgeo.model.facilities import Facilities
from ccgeo.model.roads import RoadData
from ccgeo.model.schema import FACILITY_COLUMNS
from ccgeo.render.facilities import FacilityLayer
from ccgeo.render.layers import qcolor
from ccgeo.render.view import ViewTransform

if TYPE_CHECKING:
    from ccgeo.project import Project

#: A click finds facilities whose symbol centre is this close, screen pixels.
PICK_RADIUS_PX = 9.0
#: A click finds the road this close to the cursor, screen pixels.
ROAD_TOLERANCE_PX = 6.0
#: A press and release farther apart than this is a drag (a box), not a click, pixels.
DRAG_PX = 4.0
#: Colour of the selection highlight and of the select box.
SELECTION_COLOR = "#00B8D4"


# ---------------------------------------------------------------------------------------------
# what a click hits


@dataclass(frozen=True)
class Feature:
    """One feature found under the cursor, ready to be listed.

    Attributes
    ----------
    kind
        ``"facility"``, ``"road"`` or ``"district"``.
    title
        Name shown as the heading (facility or district name, road class).
    attributes
        ``(field, value as text)`` pairs in display order.
    row
        Positional row in the source table (facility or district), or the edge index of a road.
    lonlat_bounds
        ``(minlon, minlat, maxlon, maxlat)`` of the feature in degrees, to zoom to it.
    remake
        Makes the feature again from its data: its texts in the app's language of the moment
        (None: it cannot be made again).
    """

    kind: str
    title: str
    attributes: list[tuple[str, str]] = field(default_factory=list)
    row: int = -1
    lonlat_bounds: tuple[float, float, float, float] | None = None
    remake: Callable[[], Feature] | None = field(default=None, compare=False, repr=False)


def number_text(value: float, *, digits: int = 6, grouping: bool = True) -> str:
    """``value`` as the app writes it in its language: whole numbers without decimals, others
    with up to ``digits`` significant digits (``12,345.6`` in English, ``12.345,6`` in
    Portuguese); ``grouping=False`` leaves out the thousands separator."""
    if float(value).is_integer():
        return format_number(value, grouping=grouping)
    english = f"{value:,.{digits}g}"
    if "e" in english or "n" in english:  # very large or small, or not finite: Python's own
        return english
    decimals = len(english.split(".")[1]) if "." in english else 0
    return format_number(value, decimals=decimals, grouping=grouping)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (bool, np.bool_)):
        return yes_no(value)
    if isinstance(value, (float, np.floating)):
        if not np.isfinite(value):
            return tr("unknown", "value")
        return number_text(float(value), digits=4)
    if pd.isna(value):
        return ""
    return str(value)


def facility_feature(facilities: Facilities, row: int) -> Feature:
    """Every field of the facility at positional ``row``: schema, review flag, source extras."""
    gdf = facilities.gdf
    rec = gdf.iloc[row]
    attrs: list[tuple[str, str]] = []
    for column in FACILITY_COLUMNS:
        value = rec[column]
        if column == "capacity_tests_per_year":
            attrs.append(("capacity (tests/year)", _text(value)))
        else:
            attrs.append((column, value_label(column, _text(value))))
    attrs.append(("flagged for review", _text(bool(rec.get("review", False)))))
    geom = rec.geometry
    bounds = None
    if geom is not None and not geom.is_empty:
        attrs.append(("longitude", format_number(geom.x, decimals=6, grouping=False)))
        attrs.append(("latitude", format_number(geom.y, decimals=6, grouping=False)))
        bounds = (geom.x, geom.y, geom.x, geom.y)
    attrs.extend((column, _text(rec[column])) for column in facilities.extra_columns)
    return Feature(
        "facility",
        _text(rec["name"]),
        attrs,
        row,
        bounds,
        remake=lambda: facility_feature(facilities, row),
    )


def district_feature(
    districts: gpd.GeoDataFrame, row: int, *, population: pd.Series | None = None
) -> Feature:
    """Id, name and population (people, from the demand points) of the district at ``row``.

    Parameters
    ----------
    districts
        District polygons (EPSG:4326) with ``district_id`` and ``name``.
    row
        Positional row.
    population
        People per ``district_id`` (see `population_by_district`); None without a population
        layer.
    """
    rec = districts.iloc[row]
    district_id = _text(rec["district_id"])
    name = _text(rec["name"]) if "name" in districts.columns else district_id
    if population is None:
        people = tr("no population layer")
    else:
        people = format_people(float(population.get(district_id, 0.0)))
    attrs = [("district_id", district_id), ("name", name), ("population", people)]
    b = shapely.bounds(rec.geometry)
    bounds = (float(b[0]), float(b[1]), float(b[2]), float(b[3]))
    return Feature(
        "district",
        name or district_id,
        attrs,
        row,
        bounds,
        remake=lambda: district_feature(districts, row, population=population),
    )


def population_by_district(project: Project) -> pd.Series | None:
    """People per ``district_id`` from the project's demand points, or None without them."""
    if project.demand is None:
        return None
    gdf = project.demand.gdf
    return gdf.groupby("district_id", sort=False)["population"].sum()


def road_feature(roads: RoadData, edge: int) -> Feature:
    """Class, speed limit, one-way and length of road ``edge``."""
    speed = float(roads.edge_maxspeed_kmh[edge])
    highway = _text(roads.edge_highway[edge]) or "unclassified"
    attrs = [
        ("class", highway),
        ("maxspeed", f"{format_number(speed)} km/h" if np.isfinite(speed) else tr("not tagged")),
        ("oneway", yes_no(int(roads.edge_oneway[edge]))),
        ("length", f"{format_number(float(roads.edge_length_m[edge]))} m"),
    ]
    surface = _text(roads.edge_surface[edge])
    if surface:
        attrs.append(("surface", surface))
    way = int(roads.edge_way_id[edge])
    if way >= 0:
        attrs.append(("OSM way", str(way)))
    lo, hi = roads.geom_offsets[edge], roads.geom_offsets[edge + 1]
    pts = roads.geom_lonlat[lo:hi]
    bounds = None
    if len(pts):
        bounds = (
            float(pts[:, 0].min()),
            float(pts[:, 1].min()),
            float(pts[:, 0].max()),
            float(pts[:, 1].max()),
        )
    title = tr("Road: {road_class}").format(road_class=highway)
    return Feature("road", title, attrs, edge, bounds, remake=lambda: road_feature(roads, edge))


def facility_layer(canvas: MapCanvas, facilities: Facilities | None = None) -> FacilityLayer | None:
    """The canvas layer drawing ``facilities`` (or the first facility layer when None)."""
    layers = [layer for layer in canvas.layers if isinstance(layer, FacilityLayer)]
    if facilities is not None:
        same = [layer for layer in layers if layer.facilities is facilities]
        return same[0] if same else None
    return layers[0] if layers else None


def facilities_near(
    layer: FacilityLayer, view: ViewTransform, x: float, y: float, *, radius_px: float
) -> np.ndarray:
    """Positional rows of the facilities within ``radius_px`` of screen point ``x, y``, nearest
    first."""
    sxy = layer.screen_positions(view)
    d2 = (sxy[:, 0] - x) ** 2 + (sxy[:, 1] - y) ** 2
    hit = np.flatnonzero(np.nan_to_num(d2, nan=np.inf) <= radius_px**2)
    return hit[np.argsort(d2[hit], kind="stable")]


def facilities_in_box(
    layer: FacilityLayer, view: ViewTransform, x0: float, y0: float, x1: float, y1: float
) -> np.ndarray:
    """Positional rows of the facilities drawn inside the screen rectangle between two corners."""
    sxy = layer.screen_positions(view)
    xlo, xhi = min(x0, x1), max(x0, x1)
    ylo, yhi = min(y0, y1), max(y0, y1)
    with np.errstate(invalid="ignore"):
        inside = (sxy[:, 0] >= xlo) & (sxy[:, 0] <= xhi) & (sxy[:, 1] >= ylo) & (sxy[:, 1] <= yhi)
    return np.flatnonzero(inside)


def district_at(districts: gpd.GeoDataFrame, lon: float, lat: float) -> int | None:
    """Positional row of the district containing ``lon, lat`` (degrees), or None."""
    if districts is None or districts.empty:
        return None
    frame = districts if districts.crs is None else districts.to_crs("EPSG:4326")
    hits = frame.sindex.query(shapely.points(lon, lat), predicate="intersects")
    return int(np.min(hits)) if len(hits) else None


class RoadPicker:
    """Finds the road edge nearest a map point; its segment arrays are built once per roads/CRS.

    Parameters
    ----------
    roads
        The network (EPSG:4326 geometry).
    crs
        Metric CRS of the canvas.
    """

    def __init__(self, roads: RoadData, crs: CRS) -> None:
        self.roads = roads
        self.crs = crs
        offsets = np.asarray(roads.geom_offsets, dtype=np.int64)
        n_vertices = int(offsets[-1]) if len(offsets) else 0
        xy = project_lonlat(roads.geom_lonlat[:n_vertices], crs) if n_vertices else np.empty((0, 2))
        edge_of_vertex = np.repeat(np.arange(len(offsets) - 1), np.diff(offsets))
        # A segment joins vertex i to i + 1 when both belong to the same edge.
        starts = np.flatnonzero(edge_of_vertex[:-1] == edge_of_vertex[1:]) if n_vertices else []
        starts = np.asarray(starts, dtype=np.int64)
        self._a = xy[starts]
        self._b = xy[starts + 1]
        self._edge = edge_of_vertex[starts]
        self._lo = np.minimum(self._a, self._b)
        self._hi = np.maximum(self._a, self._b)

    def nearest(self, x_m: float, y_m: float, *, tolerance_m: float) -> int | None:
        """Edge index of the road within ``tolerance_m`` metres of ``x_m, y_m``, or None."""
        if not len(self._a):
            return None
        near = np.flatnonzero(
            (self._lo[:, 0] <= x_m + tolerance_m)
            & (self._hi[:, 0] >= x_m - tolerance_m)
            & (self._lo[:, 1] <= y_m + tolerance_m)
            & (self._hi[:, 1] >= y_m - tolerance_m)
        )
        if not len(near):
            return None
        a, b = self._a[near], self._b[near]
        ab = b - a
        length2 = np.einsum("ij,ij->i", ab, ab)
        p = np.array([x_m, y_m])
        t = np.einsum("ij,ij->i", p - a, ab) / np.where(length2 > 0, length2, 1.0)
        closest = a + np.clip(t, 0.0, 1.0)[:, None] * ab
        dist = np.hypot(closest[:, 0] - x_m, closest[:, 1] - y_m)
        best = int(np.argmin(dist))
        return int(self._edge[near[best]]) if dist[best] <= tolerance_m else None


class FeatureFinder:
    """What lies under a screen point of the canvas, for the visible layers of a project.

    Parameters
    ----------
    canvas
        The map.
    project
        ``project()`` returns the project shown (or None).
    """

    def __init__(self, canvas: MapCanvas, project: Callable[[], Project | None]) -> None:
        self.canvas = canvas
        self._project = project
        self._roads: RoadPicker | None = None

    def _visible(self, kind: str) -> bool:
        return any(layer.kind == kind and layer.visible for layer in self.canvas.layers)

    def road_picker(self, roads: RoadData) -> RoadPicker | None:
        """The cached picker of ``roads`` in the canvas CRS."""
        crs = self.canvas.crs
        if crs is None:
            return None
        if self._roads is None or self._roads.roads is not roads or self._roads.crs != crs:
            self._roads = RoadPicker(roads, crs)
        return self._roads

    def features_at(self, x: float, y: float) -> list[Feature]:
        """Facilities within `PICK_RADIUS_PX`, then the nearest road, then the district."""
        project = self._project()
        lonlat = self.canvas.lonlat_at(x, y)
        if project is None or lonlat is None:
            return []
        view = self.canvas.view
        found: list[Feature] = []
        if project.facilities is not None and self._visible("facilities"):
            layer = facility_layer(self.canvas, project.facilities)
            if layer is not None:
                for row in facilities_near(layer, view, x, y, radius_px=PICK_RADIUS_PX):
                    found.append(facility_feature(project.facilities, int(row)))
        if project.roads is not None and self._visible("roads"):
            picker = self.road_picker(project.roads)
            if picker is not None:
                wx, wy = view.screen_to_world(np.array([x, y]))[0]
                edge = picker.nearest(wx, wy, tolerance_m=ROAD_TOLERANCE_PX * view.m_per_px)
                if edge is not None:
                    found.append(road_feature(project.roads, edge))
        if project.districts is not None and self._visible("districts"):
            row = district_at(project.districts, *lonlat)
            if row is not None:
                found.append(
                    district_feature(
                        project.districts, row, population=population_by_district(project)
                    )
                )
        return found


# ---------------------------------------------------------------------------------------------
# selection


class FacilitySelection(QObject):
    """The selected facilities, as positional rows of the project's facility table.

    Shared by the select tool, the attribute table and the map highlight. Cleared whenever the
    facility table is replaced.

    Signals
    -------
    changed()
        After the selection changed.
    """

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows = np.empty(0, dtype=np.int64)

    @property
    def rows(self) -> np.ndarray:
        """Selected positional rows, sorted."""
        return self._rows.copy()

    def __len__(self) -> int:
        return len(self._rows)

    def set_rows(self, rows: Sequence[int] | np.ndarray, *, mode: str = "replace") -> None:
        """Select ``rows``; ``mode`` ``"replace"``, ``"add"`` or ``"toggle"`` (Ctrl-click)."""
        new = np.unique(np.asarray(rows, dtype=np.int64))
        if mode == "add":
            new = np.union1d(self._rows, new)
        elif mode == "toggle":
            new = np.setxor1d(self._rows, new)
        elif mode != "replace":
            msg = f"`mode` should be replace, add or toggle, got {mode!r}"
            raise ValueError(msg)
        if not np.array_equal(new, self._rows):
            self._rows = new
            self.changed.emit()

    def clear(self) -> None:
        """Select nothing."""
        self.set_rows([])


def selection_overlay(
    canvas: MapCanvas,
    selection: FacilitySelection,
    facilities: Callable[[], Facilities | None],
) -> Callable[[QPainter, ViewTransform], None]:
    """A canvas overlay drawing a bright ring around each selected facility."""

    def paint(painter: QPainter, view: ViewTransform) -> None:
        rows = selection.rows
        layer = facility_layer(canvas, facilities())
        if not len(rows) or layer is None:
            return
        rows = rows[rows < len(layer.xy)]
        sxy = view.world_to_screen(layer.xy[rows])
        sxy = sxy[np.isfinite(sxy).all(axis=1)]
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        # A white halo under the coloured ring keeps it visible on any symbol and background.
        for color, width in (("#FFFFFF", 5.0), (SELECTION_COLOR, 2.5)):
            painter.setPen(QPen(QColor(color), width))
            for sx, sy in sxy:
                painter.drawEllipse(QPointF(sx, sy), 11.0, 11.0)

    return paint


# ---------------------------------------------------------------------------------------------
# the tools


class IdentifyTool(MapTool):
    """Click a feature to list its attributes: calls ``on_identify(features, lon, lat)``."""

    cursor = Qt.CursorShape.WhatsThisCursor

    def __init__(
        self,
        finder: FeatureFinder,
        on_identify: Callable[[list[Feature], float, float], None],
    ) -> None:
        self.finder = finder
        self.on_identify = on_identify
        self._press: QPointF | None = None

    def press(self, canvas: MapCanvas, pos: QPointF, event: QMouseEvent) -> None:
        """Remember where the click started."""
        self._press = pos

    def release(self, canvas: MapCanvas, pos: QPointF, event: QMouseEvent) -> None:
        """A click (not a drag) identifies what is under it."""
        start, self._press = self._press, None
        if start is None or (pos - start).manhattanLength() > 2 * DRAG_PX:
            return
        lonlat = canvas.lonlat_at(pos.x(), pos.y())
        if lonlat is None:
            return
        self.on_identify(self.finder.features_at(pos.x(), pos.y()), *lonlat)

    def deactivate(self, canvas: MapCanvas) -> None:
        """Forget a half-done click."""
        self._press = None


class SelectTool(MapTool):
    """Click a facility or drag a box to select facilities; Ctrl toggles, Shift adds."""

    cursor = Qt.CursorShape.CrossCursor

    def __init__(
        self,
        selection: FacilitySelection,
        facilities: Callable[[], Facilities | None],
    ) -> None:
        self.selection = selection
        self._facilities = facilities
        self._press: QPointF | None = None
        self._drag: QPointF | None = None

    def press(self, canvas: MapCanvas, pos: QPointF, event: QMouseEvent) -> None:
        """Start a click or a box."""
        self._press = self._drag = pos

    def move(self, canvas: MapCanvas, pos: QPointF, event: QMouseEvent) -> None:
        """Grow the box while the button is held."""
        if self._press is not None:
            self._drag = pos
            canvas.update()

    def release(self, canvas: MapCanvas, pos: QPointF, event: QMouseEvent) -> None:
        """Select what the box holds, or the facility clicked (nothing: clear the selection)."""
        start, self._press, self._drag = self._press, None, None
        canvas.update()
        layer = facility_layer(canvas, self._facilities())
        if start is None or layer is None:
            return
        mods = event.modifiers()
        if mods & Qt.KeyboardModifier.ControlModifier:
            mode = "toggle"
        elif mods & Qt.KeyboardModifier.ShiftModifier:
            mode = "add"
        else:
            mode = "replace"
        view = canvas.view
        if abs(pos.x() - start.x()) > DRAG_PX and abs(pos.y() - start.y()) > DRAG_PX:
            rows = facilities_in_box(layer, view, start.x(), start.y(), pos.x(), pos.y())
        else:
            rows = facilities_near(layer, view, pos.x(), pos.y(), radius_px=PICK_RADIUS_PX)[:1]
        self.selection.set_rows(rows, mode=mode)

    def paint(self, canvas: MapCanvas, painter: QPainter) -> None:
        """The rubber band of the box being dragged."""
        if self._press is None or self._drag is None:
            return
        box = QRectF(self._press, self._drag).normalized()
        if box.width() <= DRAG_PX or box.height() <= DRAG_PX:
            return
        painter.setPen(QPen(QColor(SELECTION_COLOR), 1.5, Qt.PenStyle.DashLine))
        painter.setBrush(QBrush(qcolor(SELECTION_COLOR, 40)))
        painter.drawRect(box)

    def deactivate(self, canvas: MapCanvas) -> None:
        """Drop a half-drawn box."""
        self._press = self._drag = None


__all__ = [
    "FacilitySelection",
    "Feature",
    "FeatureFinder",
    "IdentifyTool",
    "RoadPicker",
    "SelectTool",
    "district_at",
    "district_feature",
    "facilities_in_box",
    "facilities_near",
    "facility_feature",
    "facility_layer",
    "population_by_district",
    "road_feature",
    "selection_overlay",
]
