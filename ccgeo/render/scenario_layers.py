"""Maps of two scenarios: who gains and who loses access from A to B as a layer of people, its
key with the counts, and the title banner of a scenario's map (QPainter, no widgets)."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from pyproj import CRS
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QImage, QPainter, QPen
from scipy.spatial import cKDTree

from ccgeo.analysis.scenario import CHANGES, AccessDifference
from ccgeo.geo import project_lonlat
from ccgeo.i18n import N_, _
from ccgeo.labels import format_people, format_threshold
from ccgeo.render.layers import MapLayer
from ccgeo.render.legend import paint_legend_swatch
from ccgeo.render.view import Extent, ViewTransform
from ccgeo.styles import (
    DIFFERENCE_COLORS,
    DIFFERENCE_UNCHANGED_OPACITY,
    HALO,
    INK,
    LegendEntry,
    hex_to_rgb,
)

#: Largest image of the people's cells, pixels; beyond it the image cells grow.
_MAX_IMAGE_PIXELS = 1_500_000
#: Opacity (0-255) of the people who gain or lose access.
_CHANGE_ALPHA = 235
#: Margin of the key and the title from the map's edges, pixels.
_EDGE_PX = 10.0
#: Room the north arrow takes at the top right of a map, pixels.
_ARROW_PX = 70.0
#: Inner margin of the title and key boxes, and the size of a legend swatch, pixels.
_PAD_PX = 10.0
_SWATCH_W, _SWATCH_H = 28.0, 18.0
#: Text of the boxes: from the top left, wrapped at words.
_WRAP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(Qt.TextFlag.TextWordWrap)


def spacing_m(xy: np.ndarray) -> float:
    """Typical distance between points ``(n, 2)`` (metres): the median distance to the nearest
    other point; 1 km for fewer than two points."""
    if len(xy) < 2:
        return 1000.0
    dist, _index = cKDTree(xy).query(xy, k=2)
    nearest = dist[:, 1][dist[:, 1] > 0]
    return float(np.median(nearest)) if len(nearest) else 1000.0


def cell_image(xy: np.ndarray, bgra: np.ndarray, spacing: float) -> tuple[QImage, Extent]:
    """Points ``xy`` (metres) painted as the square cell of ``spacing`` around each one.

    Each pixel takes the colour ``bgra`` ``(n, 4)`` (premultiplied B, G, R, A) of the nearest
    point whose square holds it, so cells of a raster or a point grid tile without gaps.

    Returns
    -------
    image, extent
        The image (row 0 at the north) and the world rectangle it covers, metres.
    """
    lo = xy.min(axis=0) - spacing
    hi = xy.max(axis=0) + spacing
    pixel = spacing / 2.0
    nx, ny = (math.ceil(v) for v in (hi - lo) / pixel)
    if nx * ny > _MAX_IMAGE_PIXELS:
        pixel *= math.sqrt(nx * ny / _MAX_IMAGE_PIXELS)
        nx, ny = (math.ceil(v) for v in (hi - lo) / pixel)
    cx = lo[0] + (np.arange(nx) + 0.5) * pixel
    cy = lo[1] + ny * pixel - (np.arange(ny) + 0.5) * pixel
    gx, gy = np.meshgrid(cx, cy)
    # Chebyshev distance: a square cell; a little over half a spacing closes the seams of a
    # lon/lat grid drawn in a projected CRS
    _distance, idx = cKDTree(xy).query(
        np.column_stack([gx.ravel(), gy.ravel()]), p=np.inf, distance_upper_bound=0.55 * spacing
    )
    pixels = np.zeros((nx * ny, 4), dtype=np.uint8)
    inside = idx < len(xy)
    pixels[inside] = bgra[idx[inside]]
    buffer = np.ascontiguousarray(pixels.reshape(ny, nx, 4))
    image = QImage(buffer.data, nx, ny, nx * 4, QImage.Format.Format_ARGB32_Premultiplied)
    x0, y0 = float(lo[0]), float(lo[1])
    return image.copy(), (x0, y0, x0 + nx * pixel, y0 + ny * pixel)


def _premultiplied(color: str, alpha: int) -> np.ndarray:
    r, g, b = hex_to_rgb(color)
    return np.array([b * alpha // 255, g * alpha // 255, r * alpha // 255, alpha], dtype=np.uint8)


class AccessDifferenceLayer(MapLayer):
    """People who gain access within a threshold from scenario A to B, who lose it, and the
    unchanged, each as the cell of its demand point (built once into an image).

    Parameters
    ----------
    difference
        `ccgeo.analysis.scenario.access_difference` of the two scenarios.
    crs
        Metric CRS of the map.
    names
        Names of scenario A and B, for the key.
    """

    kind = "difference"

    def __init__(
        self,
        difference: AccessDifference,
        crs: CRS,
        *,
        names: tuple[str, str] = ("A", "B"),
        name: str = N_("Gain and loss of access"),
    ) -> None:
        super().__init__(name)
        self.crs = crs
        self.names = names
        self.image: QImage | None = None
        self.image_extent: Extent | None = None
        self._font: QFont | None = None
        self.set_difference(difference)

    def set_difference(self, difference: AccessDifference) -> None:
        """Show ``difference`` (another threshold, other scenarios) and redraw."""
        self.difference = difference
        people = difference.population > 0
        xy = project_lonlat(difference.lonlat[people], self.crs)
        self.image = self.image_extent = self.extent = None
        if len(xy):
            colors = np.array(
                [
                    _premultiplied(DIFFERENCE_COLORS["gain"], _CHANGE_ALPHA),
                    _premultiplied(DIFFERENCE_COLORS["loss"], _CHANGE_ALPHA),
                    _premultiplied(
                        DIFFERENCE_COLORS["unchanged"], round(255 * DIFFERENCE_UNCHANGED_OPACITY)
                    ),
                ]
            )
            bgra = colors[difference.change[people]]
            self.image, self.image_extent = cell_image(xy, bgra, spacing_m(xy))
            self.extent = self.image_extent
        self._changed()

    # -- drawing -----------------------------------------------------------------------------
    def paint(self, painter: QPainter, view: ViewTransform) -> None:
        """The people's cells (crisp when zoomed in)."""
        if self.image is None or self.image_extent is None:
            return
        x0, y0, x1, y1 = self.image_extent
        corners = view.world_to_screen(np.array([[x0, y1], [x1, y0]]))
        target = QRectF(QPointF(*corners[0]), QPointF(*corners[1]))
        painter.setRenderHint(
            QPainter.RenderHint.SmoothPixmapTransform, target.width() <= self.image.width()
        )
        painter.drawImage(target, self.image)

    def legend(self) -> list[LegendEntry]:
        """Gain, loss and unchanged, each with its people."""
        d = self.difference
        minutes = format_threshold(d.threshold_minutes)
        counts = {
            "gain": (_("Gain access within {minutes}").format(minutes=minutes), d.people_gained),
            "loss": (_("Lose access within {minutes}").format(minutes=minutes), d.people_lost),
            "unchanged": (_("Unchanged"), d.people_within_both + d.people_beyond_both),
        }
        entries = []
        for key in CHANGES:
            text, people = counts[key]
            color = DIFFERENCE_COLORS[key]
            label = _("{change}: {people} people").format(change=text, people=format_people(people))
            entries.append(LegendEntry(label, "fill", color=color, outline=color))
        return entries

    def key_lines(self) -> tuple[str, str]:
        """The key's heading and its headline: ``("B vs A", "+184,000 people gain, …")``."""
        a, b = self.names
        return _("{b} compared with {a}").format(a=a, b=b), self.difference.summary()

    def paint_key(self, painter: QPainter, view: ViewTransform, *, font: QFont) -> QRectF:
        """The key in the top-left corner of ``view``: heading, headline and a row per change
        with its people; returns its rectangle (screen pixels)."""
        return paint_map_title(painter, view, self.key_lines(), font=font, rows=self.legend())


def paint_map_title(
    painter: QPainter,
    view: ViewTransform,
    lines: Sequence[str],
    *,
    font: QFont,
    rows: Sequence[LegendEntry] = (),
) -> QRectF:
    """A box in the top-left corner of ``view``, clear of the north arrow: ``lines`` (the first
    bold, each wrapped at words to fit), then a legend swatch and label per entry of ``rows``;
    returns its rectangle (screen pixels)."""
    bold = QFont(font)
    bold.setBold(True)
    fonts = [bold, *[font] * (len(lines) - 1)]
    metrics = [QFontMetricsF(f) for f in fonts]
    fm = QFontMetricsF(font)
    room = max(view.width_px - _EDGE_PX - _ARROW_PX, 80.0) - 2 * _PAD_PX
    wanted = [m.horizontalAdvance(t) for m, t in zip(metrics, lines, strict=True)]
    wanted += [_SWATCH_W + 6.0 + fm.horizontalAdvance(e.label) for e in rows]
    width = min(max(wanted, default=0.0), room)
    heights = [
        m.boundingRect(QRectF(0, 0, width, 1e4), _WRAP, t).height()
        for m, t in zip(metrics, lines, strict=True)
    ]
    row_h = max(fm.height(), _SWATCH_H) + 2.0
    box = QRectF(_EDGE_PX, _EDGE_PX, width + 2 * _PAD_PX, sum(heights) + len(rows) * row_h + 10.0)
    painter.save()
    painter.setPen(QPen(QColor(INK), 0.8))
    painter.setBrush(QBrush(QColor(HALO)))
    painter.drawRoundedRect(box, 4, 4)
    painter.setPen(QColor(INK))
    x, y = box.left() + _PAD_PX, box.top() + 5.0
    for text, f, h in zip(lines, fonts, heights, strict=True):
        painter.setFont(f)
        painter.drawText(QRectF(x, y, width + 1.0, h), _WRAP, text)
        y += h
    painter.setFont(font)
    for entry in rows:
        paint_legend_swatch(painter, entry, QRectF(x, y + 1.0, _SWATCH_W, _SWATCH_H))
        painter.setPen(QColor(INK))
        label = fm.elidedText(entry.label, Qt.TextElideMode.ElideRight, width - _SWATCH_W - 6.0)
        painter.drawText(
            QPointF(x + _SWATCH_W + 6.0, y + 1.0 + _SWATCH_H / 2 + fm.ascent() / 2 - 1), label
        )
        y += row_h
    painter.restore()
    return box
