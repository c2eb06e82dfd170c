"""Build `QPainterPath` objects from numpy arrays in one call, without a Python loop per vertex.

Qt can read a path from its binary `QDataStream` form (element count, then ``(type, x, y)``
per element, big-endian); writing that form with numpy is the fastest way from arrays to Qt
(the trick pyqtgraph uses in ``arrayToQPath``).
"""

from __future__ import annotations

import numpy as np
import shapely
from PySide6.QtCore import QByteArray, QDataStream, QIODevice
from PySide6.QtGui import QPainterPath

_ELEMENT = np.dtype([("type", ">i4"), ("x", ">f8"), ("y", ">f8")])
_MOVE_TO = 0
_LINE_TO = 1


def path_from_vertices(
    xy: np.ndarray, starts: np.ndarray, *, winding: bool = False
) -> QPainterPath:
    """A path through ``xy`` ``(k, 2)`` that starts a new subpath where ``starts`` is True.

    Parameters
    ----------
    xy
        Vertices in any coordinate system (the painter's transform decides).
    starts
        Boolean ``(k,)``: True at the first vertex of each polyline or ring.
    winding
        Fill with the non-zero winding rule (overlapping shapes stay filled) instead of the
        odd-even rule (rings inside rings are holes).
    """
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    path = QPainterPath()
    if len(xy) == 0:
        return path
    elements = np.empty(len(xy), dtype=_ELEMENT)
    elements["type"] = np.where(starts, _MOVE_TO, _LINE_TO)
    elements["type"][0] = _MOVE_TO
    elements["x"] = xy[:, 0]
    elements["y"] = xy[:, 1]
    header = np.array([len(xy)], dtype=">i4").tobytes()
    # After the elements Qt reads the start of the last subpath and the fill rule
    # (Qt::OddEvenFill = 0, Qt::WindingFill = 1).
    last_start = int(np.flatnonzero(elements["type"] == _MOVE_TO)[-1])
    footer = np.array([last_start, int(winding)], dtype=">i4").tobytes()
    data = QByteArray(header + elements.tobytes() + footer)
    stream = QDataStream(data, QIODevice.OpenModeFlag.ReadOnly)
    stream >> path
    return path


def path_vertices(path: QPainterPath) -> tuple[np.ndarray, np.ndarray]:
    """The vertices ``(k, 2)`` of a path of straight lines and a boolean ``(k,)`` that is True
    where a subpath starts: the inverse of `path_from_vertices`, read in one call."""
    data = QByteArray()
    stream = QDataStream(data, QIODevice.OpenModeFlag.WriteOnly)
    stream << path
    raw = data.data()
    n = int(np.frombuffer(raw[:4], dtype=">i4")[0])
    elements = np.frombuffer(raw[4 : 4 + n * _ELEMENT.itemsize], dtype=_ELEMENT)
    xy = np.column_stack([elements["x"], elements["y"]]).astype(float)
    return xy, elements["type"] == _MOVE_TO


def path_from_polylines(xy: np.ndarray, offsets: np.ndarray) -> QPainterPath:
    """A path of polylines: polyline ``i`` is ``xy[offsets[i]:offsets[i + 1]]``."""
    offsets = np.asarray(offsets, dtype=np.int64)
    starts = np.zeros(len(xy), dtype=bool)
    firsts = offsets[:-1][np.diff(offsets) > 0]
    starts[firsts] = True
    return path_from_vertices(xy, starts)


def path_from_geometries(geoms: np.ndarray) -> QPainterPath:
    """One path holding the lines and polygon rings of shapely geometries (coordinates as they are).

    Polygon rings come closed from shapely, so the path draws their last side too; filling it
    uses the odd-even rule, which leaves holes empty.
    """
    geoms = np.asarray(geoms, dtype=object)
    parts = shapely.get_parts(geoms)
    polys = parts[shapely.get_type_id(parts) == shapely.GeometryType.POLYGON]
    lines = parts[
        np.isin(
            shapely.get_type_id(parts),
            [shapely.GeometryType.LINESTRING, shapely.GeometryType.LINEARRING],
        )
    ]
    rings = np.concatenate([shapely.get_rings(polys), lines]) if len(polys) else lines
    if len(rings) == 0:
        return QPainterPath()
    coords, index = shapely.get_coordinates(rings, return_index=True)
    starts = np.ones(len(index), dtype=bool)
    starts[1:] = index[1:] != index[:-1]
    return path_from_vertices(coords, starts)


def symbol_path(
    centres: np.ndarray, template: np.ndarray, *, template_starts: np.ndarray | None = None
) -> QPainterPath:
    """Copies of a symbol outline ``template`` ``(k, 2)`` at each of ``centres`` ``(n, 2)``.

    ``template_starts`` marks where the template begins a new subpath (default: only at 0),
    for symbols of several rings such as a quality ring. Filled with the winding rule, so
    overlapping symbols stay filled; a hole must run opposite to its outer ring.
    """
    centres = np.asarray(centres, dtype=float).reshape(-1, 2)
    template = np.asarray(template, dtype=float).reshape(-1, 2)
    if len(centres) == 0 or len(template) == 0:
        return QPainterPath()
    xy = (centres[:, None, :] + template[None, :, :]).reshape(-1, 2)
    if template_starts is None:
        template_starts = np.zeros(len(template), dtype=bool)
        template_starts[0] = True
    starts = np.broadcast_to(np.asarray(template_starts, dtype=bool), (len(centres), len(template)))
    return path_from_vertices(xy, starts.ravel(), winding=True)
