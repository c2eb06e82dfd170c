"""The road network drawn as a few cached painter paths per road class, like a road map."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
import shapely
from pyproj import CRS
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPainterPath

from ccgeo.geo import project_lonlat
from ccgeo.gui.canvas.layers import MapLayer, cosmetic_pen, padded, world_transform
from ccgeo.gui.canvas.qpath import path_from_vertices
from ccgeo.gui.canvas.view import ViewTransform
from ccgeo.io.osm import RoadData
from ccgeo.styles import ROAD_STYLES, LegendEntry, RoadStyle, road_classes

#: Edges per cached path. Qt strokes wide (> 1 px) lines through a polygon rasteriser whose
#: cost grows faster than linearly with path size, so wide classes use small chunks; 1 px
#: cosmetic lines take Qt's fast line stroker and can use large ones. Chunks are spatially
#: compact (Z-order) so that a zoomed-in view draws only the chunks it sees.
_CHUNK_WIDE = 24
_CHUNK_THIN = 6000

#: Levels of detail: (smallest metres per pixel, simplification tolerance in metres). The
#: tolerance stays under half a pixel, so the simplified roads look the same on screen while
#: Qt strokes up to a third fewer vertices in city-wide views.
_LODS: tuple[tuple[float, float], ...] = ((0.0, 0.0), (4.0, 2.0), (16.0, 8.0))

#: Beyond this many metres per pixel wide roads are drawn a little thinner to stay legible.
_THIN_OUT_M_PER_PX = 60.0


@dataclass(frozen=True)
class _Chunks:
    """Cached paths of one road class and their world bounding boxes ``(c, 4)``."""

    paths: tuple[QPainterPath, ...]
    bbox: np.ndarray
    n_edges: int
    n_vertices: int


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


def _build_chunks(
    xy: np.ndarray, offsets: np.ndarray, edges: np.ndarray, *, chunk_edges: int
) -> _Chunks:
    """Paths of ``edges`` (indices into ``offsets``) in groups of ``chunk_edges`` edges."""
    starts_v = offsets[edges]
    lengths = offsets[edges + 1] - starts_v
    keep = lengths >= 2
    edges, starts_v, lengths = edges[keep], starts_v[keep], lengths[keep]
    if len(edges) == 0:
        return _Chunks((), np.empty((0, 4)), 0, 0)
    order = _morton_order(xy[starts_v])
    starts_v, lengths = starts_v[order], lengths[order]
    # Vertex indices of all selected edges, concatenated, without a loop over edges.
    first_out = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    vertex = np.repeat(starts_v - first_out, lengths) + np.arange(int(lengths.sum()))
    verts = xy[vertex]
    is_start = np.zeros(len(verts), dtype=bool)
    is_start[first_out] = True
    chunk_first_edge = np.arange(0, len(lengths), chunk_edges)
    bounds = np.append(first_out[chunk_first_edge], len(verts))
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
    return _Chunks(paths, bbox, len(edges), len(verts))


def _simplified(
    xy: np.ndarray, offsets: np.ndarray, tolerance: float
) -> tuple[np.ndarray, np.ndarray]:
    """Edge geometries simplified within ``tolerance`` metres (Douglas-Peucker): xy, offsets."""
    counts = np.diff(offsets)
    drawable = counts >= 2
    if tolerance <= 0 or not drawable.any():
        return xy, offsets
    vertex_edge = np.repeat(np.arange(len(counts)), counts)
    keep_vertex = drawable[vertex_edge]
    # Line k of the shapely array is the k-th drawable edge.
    line_of_vertex = np.repeat(np.arange(int(drawable.sum())), counts[drawable])
    lines = shapely.linestrings(xy[keep_vertex], indices=line_of_vertex)
    simple = shapely.simplify(lines, tolerance, preserve_topology=False)
    coords, line_index = shapely.get_coordinates(simple, return_index=True)
    new_counts = np.zeros(len(counts), dtype=np.int64)
    new_counts[drawable] = np.bincount(line_index, minlength=int(drawable.sum()))
    return coords, np.concatenate([[0], np.cumsum(new_counts)])


def _is_wide(style: RoadStyle) -> bool:
    return style.width_px > 1.0 or style.casing_color is not None


class RoadLayer(MapLayer):
    """Roads of a `RoadData`, styled by OSM ``highway`` class (see `ccgeo.styles.ROAD_STYLES`).

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

    def __init__(self, roads: RoadData, crs: CRS, *, name: str = "Roads") -> None:
        super().__init__(name)
        offsets = np.asarray(roads.geom_offsets, dtype=np.int64)
        xy = project_lonlat(roads.geom_lonlat, crs) if len(roads.geom_lonlat) else np.empty((0, 2))
        classes = road_classes(roads.edge_highway)
        # One set of cached paths per level of detail, each a dict by road class.
        self._lods: list[dict[str, _Chunks]] = []
        for _, tolerance in _LODS:
            lod_xy, lod_offsets = _simplified(xy, offsets, tolerance)
            chunks: dict[str, _Chunks] = {}
            for key, style in ROAD_STYLES.items():
                edges = np.flatnonzero(classes == key)
                if len(edges):
                    size = _CHUNK_WIDE if _is_wide(style) else _CHUNK_THIN
                    chunks[key] = _build_chunks(lod_xy, lod_offsets, edges, chunk_edges=size)
            self._lods.append(chunks)
        self._chunks = self._lods[0]
        if len(xy):
            lo, hi = xy.min(axis=0), xy.max(axis=0)
            self.extent = (float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1]))

    @property
    def edge_counts(self) -> dict[str, int]:
        """Number of drawable edges per road class present."""
        return {k: c.n_edges for k, c in self._chunks.items()}

    @staticmethod
    def level_of_detail(m_per_px: float) -> int:
        """Index of the level of detail drawn at ``m_per_px`` (0 = full geometry)."""
        return max(i for i, (from_m_per_px, _) in enumerate(_LODS) if m_per_px >= from_m_per_px)

    def vertex_count(self, level: int) -> int:
        """Vertices cached at level of detail ``level``, all classes together."""
        return sum(c.n_vertices for c in self._lods[level].values())

    def visible_classes(self, m_per_px: float) -> list[str]:
        """Road classes drawn at a zoom of ``m_per_px``, bottom to top."""
        return [
            k
            for k in self._chunks
            if m_per_px <= ROAD_STYLES[k].max_m_per_px and self._chunks[k].n_edges
        ]

    def paint(self, painter: QPainter, view: ViewTransform) -> None:
        """Draw the road classes shown at this zoom, minor first, with cosmetic pens."""
        painter.setTransform(world_transform(view))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        # Pad by the widest pen so lines just outside the view still draw their visible edge.
        x0, y0, x1, y1 = padded(view.extent(), 6.0 * view.m_per_px)
        thin_out = 0.75 if view.m_per_px > _THIN_OUT_M_PER_PX else 1.0
        lod = self._lods[self.level_of_detail(view.m_per_px)]
        for key in self.visible_classes(view.m_per_px):
            chunks = lod[key]
            b = chunks.bbox
            on_screen = np.flatnonzero(
                (b[:, 0] <= x1) & (b[:, 2] >= x0) & (b[:, 1] <= y1) & (b[:, 3] >= y0)
            )
            if len(on_screen) == 0:
                continue
            style = ROAD_STYLES[key]
            width = style.width_px * thin_out if style.width_px > 1.0 else style.width_px
            passes = []
            if style.casing_color is not None:
                passes.append(cosmetic_pen(style.casing_color, width + 2.0 * style.casing_px))
            passes.append(cosmetic_pen(style.color, width, dash=style.dash))
            for pen in passes:
                painter.setPen(pen)
                for i in on_screen:
                    painter.drawPath(chunks.paths[i])

    def legend(self) -> list[LegendEntry]:
        """One line per road class present, major roads first."""
        return [
            LegendEntry(
                s.label,
                "line",
                color=s.color,
                outline=s.casing_color,
                width_px=s.width_px,
                dash=s.dash,
            )
            for k, s in reversed(ROAD_STYLES.items())
            if k in self._chunks
        ]
