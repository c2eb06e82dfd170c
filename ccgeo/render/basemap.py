"""The offline base map drawn from the project's own OpenStreetMap data: land use, parks, water and
rivers under every other layer (`BasemapLayer`), and place names that never overlap
(`PlaceLabelLayer`)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
import shapely
from pyproj import CRS
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from ccgeo.geo import project_lonlat
from ccgeo.i18n import N_, _
from ccgeo.model.basemap import AREA_CLASSES, LINE_CLASSES, BasemapData, place_rank
from ccgeo.render.layers import MapLayer, cosmetic_pen, padded, qcolor, world_transform
from ccgeo.render.qpath import path_from_vertices
from ccgeo.render.roads import _morton_order
from ccgeo.render.view import ViewTransform
from ccgeo.styles import (
    BASEMAP_AREA_FILLS,
    BASEMAP_AREA_LABELS,
    BASEMAP_LINE_STYLES,
    HALO,
    LegendEntry,
)

#: Levels of detail of the base map: the smallest metres per device pixel each is drawn at;
#: level ``k`` is simplified to half a pixel and drops areas smaller than a pixel.
LOD_M_PER_PX: tuple[float, ...] = (0.0, 4.0, 32.0)
#: Vertices per cached painter path (areas are filled, so paths may be large).
_CHUNK_VERTICES = 4096


@dataclass(frozen=True)
class _Paths:
    """Cached paths of one class at one level and their world boxes ``(c, 4)``."""

    paths: tuple[QPainterPath, ...]
    bbox: np.ndarray


_NONE = _Paths((), np.empty((0, 4)))


def _chunked(geoms: np.ndarray, *, rings: bool) -> _Paths:
    """Geometries (metres) in spatially compact painter paths of about `_CHUNK_VERTICES`.

    With ``rings`` the polygons' rings are drawn and filled with the winding rule (overlapping
    areas stay filled; holes run the other way round, see `shapely.orient_polygons`).
    """
    if len(geoms) == 0:
        return _NONE
    bounds = shapely.bounds(geoms)
    order = _morton_order(0.5 * (bounds[:, :2] + bounds[:, 2:]))
    geoms, bounds = geoms[order], bounds[order]
    sizes = shapely.get_num_coordinates(geoms)
    chunk = np.cumsum(sizes) // _CHUNK_VERTICES
    edges = np.flatnonzero(np.diff(chunk, prepend=-1) != 0)
    ends = np.append(edges, len(geoms))
    paths, boxes = [], []
    for a, b in itertools.pairwise(ends):
        part = geoms[a:b]
        if rings:
            part = shapely.get_rings(part)
        xy, index = shapely.get_coordinates(part, return_index=True)
        starts = np.ones(len(index), dtype=bool)
        starts[1:] = index[1:] != index[:-1]
        paths.append(path_from_vertices(xy, starts, winding=rings))
        box = bounds[a:b]
        boxes.append([box[:, 0].min(), box[:, 1].min(), box[:, 2].max(), box[:, 3].max()])
    return _Paths(tuple(paths), np.asarray(boxes, dtype=float))


def _levels(geoms: np.ndarray, *, rings: bool) -> list[_Paths]:
    """`_chunked` paths of ``geoms`` at each level of `LOD_M_PER_PX`."""
    out = []
    for from_m_per_px in LOD_M_PER_PX:
        simple = geoms
        if from_m_per_px > 0:
            simple = shapely.simplify(geoms, from_m_per_px / 2, preserve_topology=rings)
            keep = ~shapely.is_empty(simple)
            if rings:
                keep &= shapely.area(simple) >= from_m_per_px**2
            simple = simple[keep]
        out.append(_chunked(simple, rings=rings))
    return out


def _visible(paths: _Paths, box: tuple[float, float, float, float]) -> np.ndarray:
    b = paths.bbox
    x0, y0, x1, y1 = box
    return np.flatnonzero((b[:, 0] <= x1) & (b[:, 2] >= x0) & (b[:, 1] <= y1) & (b[:, 3] >= y0))


class BasemapLayer(MapLayer):
    """Land use, parks, water and rivers of a `BasemapData`, filled in light tones.

    Each class is cached at the levels of detail of `LOD_M_PER_PX` as a few spatially compact
    painter paths, as the road layer does; a redraw fills only the paths in view.

    Parameters
    ----------
    data
        The features (EPSG:4326), projected once to ``crs``.
    crs
        Metric CRS of the canvas.
    name
        Name in the layer panel.
    """

    kind = "basemap"

    def __init__(
        self, data: BasemapData, crs: CRS, *, name: str = N_("Base map (OpenStreetMap data)")
    ) -> None:
        super().__init__(name)
        self.data = data
        areas = _projected(data.areas(), crs)
        lines = _projected(data.lines(), crs)
        if len(areas):
            areas = shapely.orient_polygons(areas, exterior_cw=False)
        self._areas = {
            key: _levels(areas[data.area_class == key], rings=True)
            for key in AREA_CLASSES
            if np.any(data.area_class == key)
        }
        self._lines = {
            key: _levels(lines[data.line_class == key], rings=False)
            for key in LINE_CLASSES
            if np.any(data.line_class == key)
        }
        every = np.concatenate([areas, lines])
        if len(every):
            b = shapely.total_bounds(every)
            self.extent = (float(b[0]), float(b[1]), float(b[2]), float(b[3]))

    @property
    def classes(self) -> list[str]:
        """Area and line classes present, in drawing order."""
        return [*self._areas, *self._lines]

    @staticmethod
    def level_of_detail(m_per_px: float) -> int:
        """Index into `LOD_M_PER_PX` of the level drawn at ``m_per_px`` metres per pixel."""
        return int(np.searchsorted(LOD_M_PER_PX, m_per_px, side="right")) - 1

    def paint(self, painter: QPainter, view: ViewTransform) -> None:
        """Fill the areas class by class, then stroke the rivers and coastlines."""
        painter.setTransform(world_transform(view))
        box = padded(view.extent(), 4.0 * view.m_per_px)
        level = self.level_of_detail(view.m_per_px)
        painter.setPen(Qt.PenStyle.NoPen)
        for key, levels in self._areas.items():
            paths = levels[level]
            painter.setBrush(QBrush(qcolor(BASEMAP_AREA_FILLS[key])))
            for i in _visible(paths, box):
                painter.drawPath(paths.paths[i])
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for key, levels in self._lines.items():
            look = BASEMAP_LINE_STYLES[key]
            if view.m_per_px > look.max_m_per_px:
                continue
            pen = cosmetic_pen(look.color, look.width_px)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            paths = levels[level]
            for i in _visible(paths, box):
                painter.drawPath(paths.paths[i])

    def legend(self) -> list[LegendEntry]:
        """One row per class present, water first."""
        rows = [
            LegendEntry(_(BASEMAP_AREA_LABELS[k]), "fill", color=BASEMAP_AREA_FILLS[k])
            for k in reversed(self._areas)
            if k != "built" or "residential" not in self._areas
        ]
        rows += [
            LegendEntry(_(BASEMAP_LINE_STYLES[k].label), "line", color=BASEMAP_LINE_STYLES[k].color)
            for k in reversed(self._lines)
        ]
        return rows


def _projected(geoms: np.ndarray, crs: CRS) -> np.ndarray:
    """Shapely geometries from lon/lat degrees to ``crs`` metres, vertices in one call."""
    if len(geoms) == 0:
        return np.empty(0, dtype=object)
    return shapely.transform(geoms, lambda lonlat: project_lonlat(lonlat, crs))


@dataclass(frozen=True)
class PlaceLook:
    """How the names of one place class are written: pixel size, weight, colour, capitals, and
    the zoom (metres per pixel) beyond which they are left out."""

    size_px: int
    bold: bool
    color: str
    max_m_per_px: float
    capitals: bool = False


PLACE_LOOKS: dict[str, PlaceLook] = {
    "city": PlaceLook(17, True, "#37474F", 600.0),
    "town": PlaceLook(15, True, "#37474F", 150.0),
    "suburb": PlaceLook(13, True, "#546E7A", 40.0, capitals=True),
    "village": PlaceLook(13, False, "#455A64", 60.0),
    "neighbourhood": PlaceLook(12, False, "#546E7A", 12.0),
}
#: Space kept free around each name, pixels.
_LABEL_MARGIN_PX = 6.0


class PlaceLabelLayer(MapLayer):
    """Names of cities, towns, suburbs, villages and neighbourhoods, above the roads.

    The most important places are named first (cities, then towns, ..., larger population
    first); a name that would overlap one already written, or leave the screen, is left out,
    so a zoomed-out map names only the big places and zooming in names the smaller ones.

    Parameters
    ----------
    data
        The places (EPSG:4326).
    crs
        Metric CRS of the canvas.
    name
        Name in the layer panel.
    """

    kind = "places"

    def __init__(self, data: BasemapData, crs: CRS, *, name: str = N_("Place names")) -> None:
        super().__init__(name)
        self.data = data
        order = place_rank(data.place_class, data.place_population)
        self.names = np.asarray(data.place_name, dtype=object)[order]
        self.place_class = np.asarray(data.place_class, dtype=str)[order]
        self.xy = project_lonlat(data.place_lonlat[order], crs) if len(order) else np.empty((0, 2))
        #: Names written by the last `paint`, in the order they were placed.
        self.drawn: list[str] = []
        self._fonts: dict[str, QFont] = {}
        if len(self.xy):
            lo, hi = self.xy.min(axis=0), self.xy.max(axis=0)
            self.extent = (float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1]))

    def font(self, place_class: str) -> QFont:
        """Font of a place class; made on first use (layers may be built outside the GUI
        thread)."""
        font = self._fonts.get(place_class)
        if font is None:
            look = PLACE_LOOKS[place_class]
            font = QFont()
            font.setPixelSize(look.size_px)
            font.setWeight(QFont.Weight.DemiBold if look.bold else QFont.Weight.Normal)
            if look.capitals:
                font.setCapitalization(QFont.Capitalization.AllUppercase)
                font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 0.8)
            self._fonts[place_class] = font
        return font

    def paint(self, painter: QPainter, view: ViewTransform) -> None:
        """Place the names in order of importance, each clear of the others, and write them
        with a white halo."""
        self.drawn = []
        if len(self.names) == 0:
            return
        sxy = view.world_to_screen(self.xy)
        screen = QRectF(0, 0, view.width_px, view.height_px)
        taken: list[QRectF] = []
        paths: dict[str, QPainterPath] = {}
        for i, (text, key) in enumerate(zip(self.names, self.place_class, strict=True)):
            look = PLACE_LOOKS.get(key)
            if look is None or view.m_per_px > look.max_m_per_px or not text:
                continue
            font = self.font(key)
            metrics = QFontMetricsF(font)
            width = metrics.horizontalAdvance(text)
            box = QRectF(
                sxy[i, 0] - width / 2, sxy[i, 1] - metrics.height() / 2, width, metrics.height()
            )
            if not screen.contains(box) or any(box.intersects(t) for t in taken):
                continue
            m = _LABEL_MARGIN_PX
            taken.append(box.adjusted(-m, -m / 2, m, m / 2))
            path = paths.setdefault(key, QPainterPath())
            path.addText(QPointF(box.left(), box.top() + metrics.ascent()), font, str(text))
            self.drawn.append(str(text))
        _write(painter, paths)

    def legend(self) -> list[LegendEntry]:
        """No legend: the names explain themselves."""
        return []


def _write(painter: QPainter, paths: dict[str, QPainterPath]) -> None:
    """Text paths with a white halo under them, in screen pixels."""
    halo = QPen(qcolor(HALO, 230), 3.0)
    halo.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(halo)
    for path in paths.values():
        painter.drawPath(path)
    painter.setPen(Qt.PenStyle.NoPen)
    for key, path in paths.items():
        painter.setBrush(QBrush(qcolor(PLACE_LOOKS[key].color)))
        painter.drawPath(path)


def basemap_layers(data: BasemapData, crs: CRS) -> list[MapLayer]:
    """The layers of a project base map: areas and rivers (`BasemapLayer`), then the place
    names (`PlaceLabelLayer`) when there are any."""
    layers: list[MapLayer] = [BasemapLayer(data, crs)]
    if data.n_places:
        layers.append(PlaceLabelLayer(data, crs))
    return layers
