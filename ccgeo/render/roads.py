"""The road network drawn from cached painter paths per road class and zoom, like a road map."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace

import numpy as np
import shapely
from pyproj import CRS
from PySide6.QtCore import Qt
from PySide6.QtGui import QPaintEngine, QPainter, QPainterPath, QPen

from ccgeo.geo import project_lonlat
from ccgeo.i18n import N_, _
from ccgeo.model.roads import RoadData
from ccgeo.render.layers import MapLayer, cosmetic_pen, padded, world_transform
from ccgeo.render.qpath import path_from_vertices, path_vertices
from ccgeo.render.style import StyleClass
from ccgeo.render.view import ViewTransform
from ccgeo.styles import ROAD_STYLES, LegendEntry, RoadStyle, road_classes

#: Levels of detail: the smallest metres per (device) pixel at which each level is drawn. Level
#: ``k`` keeps the geometry within half a pixel of the truth (Douglas-Peucker tolerance
#: ``LOD_M_PER_PX[k] / 2`` metres), so a simplified road looks the same on screen while the
#: number of vertices Qt strokes stays roughly constant as the map zooms out.
LOD_M_PER_PX: tuple[float, ...] = (0.0, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0, 256.0)
_LOD_TOLERANCE_PX = 0.5

#: Vertices per cached path. Qt strokes wide (> 1 px) antialiased lines through a polygon
#: rasteriser whose cost grows faster than linearly with path size, so wide classes use small
#: paths; 1 px cosmetic lines take Qt's fast line stroker and can use large ones. Paths are
#: spatially compact (Z-order), so a zoomed-in view draws only the paths it sees.
_CHUNK_VERTICES_WIDE = 24
_CHUNK_VERTICES_THIN = 4096

#: Longest run of segments kept in one polyline at the finest level, so that a long road
#: drawn at street level is culled piece by piece; coarser levels allow proportionally more
#: (a level's pieces then span about the same number of screen pixels).
_PIECE_SEGMENTS = 32

#: Beyond this many metres per pixel wide roads are drawn a little thinner to stay legible.
_THIN_OUT_M_PER_PX = 60.0


@dataclass(frozen=True)
class _Chunks:
    """Cached paths of one road class at one level of detail and their world boxes ``(c, 4)``."""

    paths: tuple[QPainterPath, ...]
    bbox: np.ndarray
    n_vertices: int


_EMPTY = _Chunks((), np.empty((0, 4)), 0)


def _morton_order(xy: np.ndarray) -> np.ndarray:
    """Indices that sort points along a Z-order curve (nearby points stay nearby)."""
    if len(xy) == 0:
        return np.empty(0, dtype=np.int64)
    lo = xy.min(axis=0)
    span = np.maximum(xy.max(axis=0) - lo, 1e-9)
    q = np.minimum(((xy - lo) / span * 1023.0).astype(np.uint64), 1023)
    code = np.zeros(len(xy), dtype=np.uint64)
    for bit in range(10):
        code |= ((q[:, 0] >> np.uint64(bit)) & np.uint64(1)) << np.uint64(2 * bit)
        code |= ((q[:, 1] >> np.uint64(bit)) & np.uint64(1)) << np.uint64(2 * bit + 1)
    return np.argsort(code, kind="stable")


def _gather(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Concatenation of ``arange(s, s + n)`` for every start ``s`` and length ``n``, no loop."""
    if len(lengths) == 0:
        return np.empty(0, dtype=np.int64)
    first_out = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    return np.repeat(starts - first_out, lengths) + np.arange(int(lengths.sum()))


def merged_lines(lines: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Edge linestrings joined into the longest polylines that keep their geometry.

    Edges of one group (an OSM way, cut at every junction for routing) are joined through
    the junctions first, then polylines that meet end to end at a node no other polyline
    ends at are joined. Drawing one polyline instead of its edges gives Qt proper joins
    (no notches at bends) and lets simplification drop the vertices at junctions of straight
    roads: a third to a fifth of the vertices of major roads.

    Parameters
    ----------
    lines
        Shapely linestrings ``(m,)``, metres.
    groups
        Group key per line ``(m,)`` (e.g. the OSM way id); only lines of one group are
        joined through junctions, so the result does not depend on a lucky order.

    Returns
    -------
    numpy.ndarray
        Linestrings covering exactly the input lines.
    """
    if len(lines) == 0:
        return np.empty(0, dtype=object)
    _uniques, group_index = np.unique(np.asarray(groups), return_inverse=True)
    per_group = shapely.line_merge(shapely.multilinestrings(lines, indices=group_index))
    parts = shapely.get_parts(per_group)
    return shapely.get_parts(shapely.line_merge(shapely.multilinestrings(parts)))


def _pieces(
    coords: np.ndarray, line_index: np.ndarray, max_segments: int
) -> tuple[np.ndarray, np.ndarray]:
    """Polylines cut into runs of at most ``max_segments`` segments: vertices and starts.

    Consecutive runs share their end vertex, so the line stays continuous. Returns the
    vertices ``(k, 2)`` and a boolean ``(k,)`` that is True at the first vertex of each run.
    """
    counts = np.bincount(line_index) if len(line_index) else np.empty(0, dtype=np.int64)
    line_start = np.cumsum(counts) - counts
    drawable = counts >= 2  # a single vertex draws nothing
    counts, line_start = counts[drawable], line_start[drawable]
    n_pieces = -(-(counts - 1) // max_segments)
    piece_line = np.repeat(np.arange(len(counts)), n_pieces)
    piece_rank = np.arange(len(piece_line)) - np.repeat(np.cumsum(n_pieces) - n_pieces, n_pieces)
    seg_start = piece_rank * max_segments
    seg_len = np.minimum(max_segments, counts[piece_line] - 1 - seg_start)
    vertex = _gather(line_start[piece_line] + seg_start, seg_len + 1)
    starts = np.zeros(len(vertex), dtype=bool)
    starts[np.cumsum(seg_len + 1) - (seg_len + 1)] = True
    return coords[vertex], starts


def _build_chunks(xy: np.ndarray, starts: np.ndarray, *, chunk_vertices: int) -> _Chunks:
    """Polylines (``starts`` marks each first vertex) grouped into compact paths of about
    ``chunk_vertices`` vertices each."""
    if len(xy) == 0:
        return _EMPTY
    first = np.flatnonzero(starts)
    lengths = np.diff(np.append(first, len(xy)))
    order = _morton_order(xy[first] + 0.5 * (xy[first + lengths - 1] - xy[first]))
    first, lengths = first[order], lengths[order]
    verts = xy[_gather(first, lengths)]
    first_out = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    is_start = np.zeros(len(verts), dtype=bool)
    is_start[first_out] = True
    # A new path whenever the running vertex count passes another multiple of the budget.
    chunk_of_line = first_out // chunk_vertices
    new_chunk = np.flatnonzero(np.diff(chunk_of_line, prepend=-1) != 0)
    bounds = np.append(first_out[new_chunk], len(verts))
    bbox = np.column_stack(
        [
            np.minimum.reduceat(verts[:, 0], bounds[:-1]),
            np.minimum.reduceat(verts[:, 1], bounds[:-1]),
            np.maximum.reduceat(verts[:, 0], bounds[:-1]),
            np.maximum.reduceat(verts[:, 1], bounds[:-1]),
        ]
    )
    paths = tuple(
        path_from_vertices(verts[a:b], is_start[a:b]) for a, b in itertools.pairwise(bounds)
    )
    return _Chunks(paths, bbox, len(verts))


def _is_wide(style: RoadStyle) -> bool:
    return style.width_px > 1.0 or style.casing_color is not None


def _pen(color: str, width_px: float, *, dash: str = "solid") -> QPen:
    """A cosmetic road pen; wide lines get round ends, so polylines that meet at a bend (a
    road cut into pieces for culling, two ways joining) show no notch, as on a road map."""
    pen = cosmetic_pen(color, width_px, dash=dash)
    if width_px > 1.0:
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


class RoadLayer(MapLayer):
    """Roads of a `RoadData`, styled by OSM ``highway`` class (see `ccgeo.styles.ROAD_STYLES`).

    Each class is cached at the levels of detail of `LOD_M_PER_PX` up to the zoom where the
    class is hidden, as polylines joined across junctions, simplified to half a pixel and
    grouped into spatially compact painter paths; a redraw strokes only the paths in view at
    the level of the current zoom, so its cost stays bounded from city to street level.

    Parameters
    ----------
    roads
        The network; its edge geometries (EPSG:4326) are projected once to ``crs``.
    crs
        Metric CRS of the canvas.
    name
        Name in the layer panel.
    """

    kind = "roads"

    def __init__(self, roads: RoadData, crs: CRS, *, name: str = N_("Roads")) -> None:
        super().__init__(name)
        offsets = np.asarray(roads.geom_offsets, dtype=np.int64)
        xy = project_lonlat(roads.geom_lonlat, crs) if len(roads.geom_lonlat) else np.empty((0, 2))
        counts = np.diff(offsets)
        drawable = counts >= 2
        classes = road_classes(roads.edge_highway)
        way = np.asarray(roads.edge_way_id)
        lines = np.full(len(counts), None, dtype=object)
        if drawable.any():
            keep_vertex = np.repeat(drawable, counts)
            line_of_vertex = np.repeat(np.arange(int(drawable.sum())), counts[drawable])
            lines[drawable] = shapely.linestrings(xy[keep_vertex], indices=line_of_vertex)
        self._edge_counts: dict[str, int] = {}
        # self._lods[level][road class] → cached paths at that level of detail.
        self._lods: list[dict[str, _Chunks]] = [{} for _level in LOD_M_PER_PX]
        for key, style in ROAD_STYLES.items():
            edges = np.flatnonzero((classes == key) & drawable)
            if len(edges) == 0:
                continue
            self._edge_counts[key] = len(edges)
            chains = merged_lines(lines[edges], way[edges])
            budget = _CHUNK_VERTICES_WIDE if _is_wide(style) else _CHUNK_VERTICES_THIN
            for level, from_m_per_px in enumerate(LOD_M_PER_PX):
                if level > 0 and from_m_per_px > style.max_m_per_px:
                    break  # the class is hidden at this zoom and every coarser one
                tolerance = _LOD_TOLERANCE_PX * from_m_per_px
                simple = (
                    shapely.simplify(chains, tolerance, preserve_topology=False)
                    if tolerance > 0
                    else chains
                )
                coords, index = shapely.get_coordinates(simple, return_index=True)
                verts, starts = _pieces(coords, index, _PIECE_SEGMENTS << level)
                self._lods[level][key] = _build_chunks(verts, starts, chunk_vertices=budget)
        if len(xy):
            lo, hi = xy.min(axis=0), xy.max(axis=0)
            self.extent = (float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1]))

    @property
    def edge_counts(self) -> dict[str, int]:
        """Number of drawable edges per road class present."""
        return dict(self._edge_counts)

    @staticmethod
    def level_of_detail(m_per_px: float) -> int:
        """Index into `LOD_M_PER_PX` of the level drawn at ``m_per_px`` metres per device pixel."""
        return int(np.searchsorted(LOD_M_PER_PX, m_per_px, side="right")) - 1

    def vertex_count(self, level: int) -> int:
        """Vertices cached at level of detail ``level`` for the classes shown at that level."""
        return sum(c.n_vertices for c in self._lods[level].values())

    def drawn_lines(self, level: int, road_class: str) -> np.ndarray:
        """The polylines drawn for ``road_class`` at level of detail ``level``, world metres.

        Shapely linestrings; long roads come cut into pieces that share their end vertices.
        Empty when the class is absent or hidden at that level.
        """
        paths = self._lods[level].get(road_class, _EMPTY).paths
        if not paths:
            return np.empty(0, dtype=object)
        xy, starts = (np.concatenate(a) for a in zip(*map(path_vertices, paths), strict=True))
        return shapely.linestrings(xy, indices=np.cumsum(starts) - 1)

    def visible_classes(self, m_per_px: float) -> list[str]:
        """Road classes drawn at a zoom of ``m_per_px``, bottom to top (hidden ones left out)."""
        return [
            k
            for k in self._edge_counts
            if m_per_px <= ROAD_STYLES[k].max_m_per_px and self.style.shown(k)
        ]

    def class_style(self, key: str) -> RoadStyle:
        """The style of road class ``key`` with the user's colour and line width."""
        base = ROAD_STYLES[key]
        return replace(
            base,
            color=self.style.color(key, base.color),
            width_px=self.style.size(key, base.width_px),
        )

    def style_classes(self) -> list[StyleClass]:
        """One class per road class present, major roads first: colour and line width."""
        out = []
        for key in reversed(ROAD_STYLES):
            if key in self._edge_counts:
                style = self.class_style(key)
                out.append(
                    StyleClass(
                        key, _(style.label), style.color, style.width_px, self.style.shown(key)
                    )
                )
        return out

    def paint(self, painter: QPainter, view: ViewTransform) -> None:
        """Draw the road classes shown at this zoom, minor first, with cosmetic pens."""
        painter.setTransform(world_transform(view))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        # Pad by the widest pen so lines just outside the view still draw their visible edge.
        x0, y0, x1, y1 = padded(view.extent(), 6.0 * view.m_per_px)
        thin_out = 0.75 if view.m_per_px > _THIN_OUT_M_PER_PX else 1.0
        # Simplify to the pixels of the device: a HiDPI screen or image gets finer geometry.
        engine = painter.paintEngine()
        raster = engine is not None and engine.type() == QPaintEngine.Type.Raster
        ratio = float(painter.device().devicePixelRatioF()) if raster else 1.0
        lod = self._lods[self.level_of_detail(view.m_per_px / max(ratio, 1.0))]
        for key in self.visible_classes(view.m_per_px):
            chunks = lod.get(key, _EMPTY)
            b = chunks.bbox
            on_screen = np.flatnonzero(
                (b[:, 0] <= x1) & (b[:, 2] >= x0) & (b[:, 1] <= y1) & (b[:, 3] >= y0)
            )
            if len(on_screen) == 0:
                continue
            style = self.class_style(key)
            width = style.width_px * thin_out if style.width_px > 1.0 else style.width_px
            passes = []
            if style.casing_color is not None:
                passes.append(_pen(style.casing_color, width + 2.0 * style.casing_px))
            passes.append(_pen(style.color, width, dash=style.dash))
            for pen in passes:
                painter.setPen(pen)
                for i in on_screen:
                    painter.drawPath(chunks.paths[i])

    def legend(self) -> list[LegendEntry]:
        """One line per road class present and shown, major roads first."""
        shown = [k for k in reversed(ROAD_STYLES) if k in self._edge_counts and self.style.shown(k)]
        return [
            LegendEntry(
                _(s.label),
                "line",
                color=s.color,
                outline=s.casing_color,
                width_px=s.width_px,
                dash=s.dash,
            )
            for s in map(self.class_style, shown)
        ]
