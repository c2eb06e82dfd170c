"""Map layers of an access analysis: catchment bands, underserved areas, and what-if hubs."""

from __future__ import annotations

from collections.abc import Sequence

import geopandas as gpd
import numpy as np
import shapely
from pyproj import CRS
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from ccgeo.geo import project_lonlat
from ccgeo.i18n import N_, _, ngettext
from ccgeo.labels import format_count, format_number, format_people, format_threshold
from ccgeo.render.layers import MapLayer, cosmetic_pen, qcolor, world_transform
from ccgeo.render.qpath import path_from_geometries, symbol_path
from ccgeo.render.style import BAND_RAMPS, DEFAULT_RAMP, StyleClass, ramp_colors
from ccgeo.render.symbols import ring_template, symbol_template
from ccgeo.render.view import Extent, ViewTransform, union_extent
from ccgeo.styles import (
    BAND_OPACITY,
    CANDIDATE_HUB_COLOR,
    CLOSED_COLOR,
    HALO,
    HIGHLIGHT_COLOR,
    INK,
    UNDERSERVED_OUTLINE,
    UPGRADE_COLOR,
    LegendEntry,
)

#: Alpha (0-255) of the band fills, from the shared palette.
BAND_ALPHA = round(255 * BAND_OPACITY)

#: Underserved areas: a strong red outline over a red hatch.
UNDERSERVED_COLOR = UNDERSERVED_OUTLINE
UNDERSERVED_OUTLINE_PX = 2.5
UNDERSERVED_HATCH_ALPHA = 150
#: Candidate hubs: a magenta disc with a white cross, larger than any facility symbol (the
#: colours of the what-if marks, like every colour, are in `ccgeo.styles`).
HUB_COLOR = CANDIDATE_HUB_COLOR
HUB_SIZE_PX = 22.0


def band_label(lo: float, hi: float) -> str:
    """``"≤ 30 min to a lab"`` for the first band, ``"30–60 min"`` for the others, in the
    current language (``"7,5–15 min"`` in Portuguese)."""
    if lo <= 0:
        return _("≤ {minutes} to a lab").format(minutes=format_threshold(hi))
    return f"{_g(lo)}–{format_threshold(hi)}"


def _g(value: float) -> str:
    """A number as ``{:g}`` writes it, with the decimal sign of the current language."""
    return f"{float(value):g}".replace(".", format_number(0.5, decimals=1)[1])


def _to_map(gdf: gpd.GeoDataFrame, crs: CRS) -> np.ndarray:
    if gdf.empty:
        return np.empty(0, dtype=object)
    shapes = gdf if gdf.crs is not None and CRS(gdf.crs) == crs else gdf.to_crs(crs)
    return shapes.geometry.to_numpy()


def _extent_of(geoms: np.ndarray) -> Extent | None:
    valid = geoms[~(shapely.is_missing(geoms) | shapely.is_empty(geoms))] if len(geoms) else geoms
    if len(valid) == 0:
        return None
    b = shapely.total_bounds(valid)
    return (float(b[0]), float(b[1]), float(b[2]), float(b[3]))


class CatchmentLayer(MapLayer):
    """Isochrone bands as translucent fills, one colour per band (cached paths in metres).

    A band is a class of the layer's style, keyed by its upper bound in minutes (``"60"``): the
    user may give it another colour, hide it, or colour every band from another ramp of
    `ccgeo.render.style.BAND_RAMPS`.

    Parameters
    ----------
    isochrones
        Bands of `ccgeo.analysis.access.AccessResult.isochrones` (``band_min_from``,
        ``band_min_to``, geometry in EPSG:4326).
    crs
        Metric CRS of the canvas.
    """

    kind = "catchments"
    ramps = tuple(BAND_RAMPS)

    def __init__(
        self, isochrones: gpd.GeoDataFrame, crs: CRS, *, name: str = N_("Catchment bands")
    ) -> None:
        super().__init__(name, opacity=1.0)
        self.crs = crs
        #: ``(key, (from, to) minutes, path)`` per band, nearest first; the label is written
        #: when shown, in the language of that moment.
        self._bands: list[tuple[str, tuple[float, float], QPainterPath]] = []
        self.set_isochrones(isochrones)

    def set_isochrones(self, isochrones: gpd.GeoDataFrame) -> None:
        """Replace the bands (after a run or a what-if edit) and redraw."""
        geoms = _to_map(isochrones, self.crs)
        bands = []
        for i, (lo, hi) in enumerate(
            zip(isochrones["band_min_from"], isochrones["band_min_to"], strict=True)
        ):
            key = f"{float(hi):g}"
            bands.append((key, (float(lo), float(hi)), path_from_geometries(geoms[i : i + 1])))
        self._bands = bands
        self.extent = _extent_of(geoms)
        self._changed()

    @property
    def bands(self) -> list[tuple[str, str, QPainterPath]]:
        """``(label, colour, path)`` of every band drawn, nearest first."""
        return [
            (band_label(*minutes), color, path)
            for (key, minutes, path), color in zip(self._bands, self._colors(), strict=True)
            if self.style.shown(key)
        ]

    def _colors(self) -> list[str]:
        ramp = ramp_colors(self.style.ramp or DEFAULT_RAMP, len(self._bands))
        return [self.style.color(b[0], c) for b, c in zip(self._bands, ramp, strict=True)]

    def style_classes(self) -> list[StyleClass]:
        """One class per band, nearest first: its fill colour and whether it is drawn."""
        return [
            StyleClass(key, band_label(*minutes), color, None, self.style.shown(key))
            for (key, minutes, _path), color in zip(self._bands, self._colors(), strict=True)
        ]

    def paint(self, painter: QPainter, view: ViewTransform) -> None:
        """Fill the bands in world coordinates, nearest band last (on top)."""
        painter.setTransform(world_transform(view))
        painter.setPen(Qt.PenStyle.NoPen)
        for _label, color, path in reversed(self.bands):
            painter.setBrush(QBrush(qcolor(color, BAND_ALPHA)))
            painter.drawPath(path)

    def legend(self) -> list[LegendEntry]:
        """One swatch per band drawn, nearest first."""
        return [LegendEntry(label, "fill", color=c, outline=c) for label, c, _path in self.bands]


class UnderservedLayer(MapLayer):
    """Areas of people beyond the underserved threshold: hatched, outlined in red, ranked.

    Parameters
    ----------
    underserved
        `ccgeo.analysis.access.AccessResult.underserved` (EPSG:4326, ranked by population).
    crs
        Metric CRS of the canvas.
    """

    kind = "underserved"

    def __init__(
        self, underserved: gpd.GeoDataFrame, crs: CRS, *, name: str = N_("Underserved areas")
    ) -> None:
        super().__init__(name)
        self.crs = crs
        self.highlighted: int | None = None
        self._font: QFont | None = None
        self.set_areas(underserved)

    def set_areas(self, underserved: gpd.GeoDataFrame) -> None:
        """Replace the areas and redraw."""
        geoms = _to_map(underserved, self.crs)
        self.paths = [path_from_geometries(geoms[i : i + 1]) for i in range(len(geoms))]
        self.all_paths = path_from_geometries(geoms) if len(geoms) else QPainterPath()
        self.ranks = (
            underserved["rank"].to_numpy(dtype=int) if len(geoms) else np.empty(0, dtype=int)
        )
        self.population = (
            underserved["population"].to_numpy(dtype=float) if len(geoms) else np.empty(0)
        )
        self.threshold = float(underserved["threshold_min"].iloc[0]) if len(geoms) else None
        valid = [g for g in geoms if g is not None and not g.is_empty]
        self.anchors = (
            shapely.get_coordinates(shapely.point_on_surface(np.asarray(valid, dtype=object)))
            if valid
            else np.empty((0, 2))
        )
        self.bounds = [
            tuple(float(v) for v in shapely.bounds(g)) if g is not None and not g.is_empty else None
            for g in geoms
        ]
        self.extent = _extent_of(geoms)
        if self.highlighted is not None and self.highlighted >= len(self.paths):
            self.highlighted = None
        self._changed()

    def area_extent(self, index: int) -> Extent | None:
        """Extent of area ``index`` (0 = rank 1) in map metres."""
        if not 0 <= index < len(self.bounds):
            return None
        return self.bounds[index]  # type: ignore[return-value]

    def highlight(self, index: int | None) -> None:
        """Outline area ``index`` (0 = rank 1) in yellow, or none."""
        if index != self.highlighted:
            self.highlighted = index
            self._changed()

    @property
    def font(self) -> QFont:
        """Rank label font; made on first use (layers may be built off the GUI thread)."""
        if self._font is None:
            self._font = QFont()
            self._font.setPointSizeF(10.0)
            self._font.setBold(True)
        return self._font

    def paint(self, painter: QPainter, view: ViewTransform) -> None:
        """Hatch and outline in screen pixels (a hatch must not scale with the map)."""
        if not self.paths:
            return
        screen = world_transform(view).map(self.all_paths)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(qcolor(UNDERSERVED_COLOR, 40)))
        painter.drawPath(screen)
        painter.setBrush(
            QBrush(qcolor(UNDERSERVED_COLOR, UNDERSERVED_HATCH_ALPHA), Qt.BrushStyle.BDiagPattern)
        )
        painter.drawPath(screen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(cosmetic_pen(UNDERSERVED_COLOR, UNDERSERVED_OUTLINE_PX))
        painter.drawPath(screen)
        if self.highlighted is not None:
            painter.setPen(cosmetic_pen(HIGHLIGHT_COLOR, UNDERSERVED_OUTLINE_PX + 2.0))
            painter.drawPath(world_transform(view).map(self.paths[self.highlighted]))
        self._paint_ranks(painter, view)

    def _paint_ranks(self, painter: QPainter, view: ViewTransform) -> None:
        if len(self.anchors) == 0:
            return
        metrics = QFontMetricsF(self.font)
        sxy = view.world_to_screen(self.anchors)
        path = QPainterPath()
        for (x, y), rank in zip(sxy, self.ranks, strict=False):
            text = f"#{rank}"
            w = metrics.horizontalAdvance(text)
            path.addText(QPointF(x - w / 2, y + metrics.ascent() / 2), self.font, text)
        halo = QPen(qcolor(HALO, 230), 3.5)
        halo.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(halo)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(qcolor(UNDERSERVED_COLOR)))
        painter.drawPath(path)

    def legend(self) -> list[LegendEntry]:
        """The hatch, with the threshold and the people in the areas."""
        if self.threshold is None:
            label = _("No area beyond the threshold")
            return [LegendEntry(label, "fill", color=HALO, outline=INK)]
        count = len(self.paths)
        # the English says "areas" for one too, as it always has
        label = ngettext(
            "Beyond {minutes}: {count} areas, {people} people",
            "Beyond {minutes}: {count} areas, {people} people",
            count,
        ).format(
            minutes=format_threshold(self.threshold),
            count=format_count(count),
            people=format_people(self.population.sum()),
        )
        return [
            LegendEntry(
                label,
                "fill",
                color=UNDERSERVED_COLOR,
                outline=UNDERSERVED_COLOR,
            )
        ]


class WhatIfLayer(MapLayer):
    """Candidate hubs (a magenta disc with a cross and its name), upgraded facilities (an orange
    ring) and labs closed in the what-if (a grey cross), at constant screen size.

    Parameters
    ----------
    crs
        Metric CRS of the canvas.
    """

    kind = "whatif"

    def __init__(self, crs: CRS, *, name: str = N_("What-if: hubs and upgrades")) -> None:
        super().__init__(name)
        self.crs = crs
        self.hub_ids: list[str] = []
        self.hub_names: list[str] = []
        self.hub_xy = np.empty((0, 2))
        self.upgraded_xy = np.empty((0, 2))
        self.closed_xy = np.empty((0, 2))
        self._font: QFont | None = None

    def _project(self, lonlat: Sequence[tuple[float, float]]) -> np.ndarray:
        arr = np.asarray(lonlat, dtype=float).reshape(-1, 2)
        return project_lonlat(arr, self.crs) if len(arr) else np.empty((0, 2))

    def set_state(
        self,
        hubs: Sequence[tuple[str, str, float, float]],
        upgraded: Sequence[tuple[float, float]],
        closed: Sequence[tuple[float, float]],
    ) -> None:
        """Show ``hubs`` as ``(hub_id, name, lon, lat)`` and the lon/lat of upgraded and closed
        facilities."""
        self.hub_ids = [h[0] for h in hubs]
        self.hub_names = [h[1] for h in hubs]
        self.hub_xy = self._project([(h[2], h[3]) for h in hubs])
        self.upgraded_xy = self._project(upgraded)
        self.closed_xy = self._project(closed)
        boxes: list[Extent | None] = []
        for xy in (self.hub_xy, self.upgraded_xy, self.closed_xy):
            if len(xy):
                lo, hi = xy.min(axis=0), xy.max(axis=0)
                boxes.append((float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1])))
        self.extent = union_extent(boxes)
        self._changed()

    def hub_at(
        self, view: ViewTransform, x: float, y: float, *, radius_px: float = 12.0
    ) -> str | None:
        """The id of the candidate hub drawn at screen point ``x``, ``y``, or None."""
        if len(self.hub_xy) == 0:
            return None
        sxy = view.world_to_screen(self.hub_xy)
        d2 = (sxy[:, 0] - x) ** 2 + (sxy[:, 1] - y) ** 2
        i = int(np.argmin(d2))
        return self.hub_ids[i] if d2[i] <= radius_px**2 else None

    @property
    def font(self) -> QFont:
        """Hub name font; made on first use."""
        if self._font is None:
            self._font = QFont()
            self._font.setPointSizeF(9.5)
            self._font.setBold(True)
        return self._font

    def paint(self, painter: QPainter, view: ViewTransform) -> None:
        """Closed crosses, upgrade rings, then hubs with their names."""
        if len(self.closed_xy):
            painter.setPen(cosmetic_pen(CLOSED_COLOR, 3.0))
            for sx, sy in view.world_to_screen(self.closed_xy):
                painter.drawLine(QPointF(sx - 9, sy - 9), QPointF(sx + 9, sy + 9))
                painter.drawLine(QPointF(sx - 9, sy + 9), QPointF(sx + 9, sy - 9))
        if len(self.upgraded_xy):
            ring, starts = ring_template(12.0, 15.5)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(qcolor(UPGRADE_COLOR)))
            painter.drawPath(
                symbol_path(view.world_to_screen(self.upgraded_xy), ring, template_starts=starts)
            )
        if len(self.hub_xy):
            paint_hubs(painter, view.world_to_screen(self.hub_xy))
            self._paint_names(painter, view)

    def _paint_names(self, painter: QPainter, view: ViewTransform) -> None:
        metrics = QFontMetricsF(self.font)
        path = QPainterPath()
        for (x, y), text in zip(view.world_to_screen(self.hub_xy), self.hub_names, strict=True):
            path.addText(
                QPointF(x + HUB_SIZE_PX / 2 + 4, y + metrics.ascent() / 2), self.font, text
            )
        halo = QPen(qcolor(HALO, 235), 3.5)
        halo.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(halo)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(qcolor(HUB_COLOR)))
        painter.drawPath(path)

    def legend(self) -> list[LegendEntry]:
        """Only the marks in use."""
        entries = []
        if len(self.hub_xy):
            label = _("Candidate hub ({count})").format(count=format_count(len(self.hub_xy)))
            entries.append(LegendEntry(label, "marker", color=HUB_COLOR, outline=HALO))
        if len(self.upgraded_xy):
            label = _("Upgraded ({count})").format(count=format_count(len(self.upgraded_xy)))
            entries.append(LegendEntry(label, "ring", color=UPGRADE_COLOR))
        if len(self.closed_xy):
            label = _("Closed lab ({count})").format(count=format_count(len(self.closed_xy)))
            entries.append(LegendEntry(label, "line", color=CLOSED_COLOR, width_px=3.0))
        return entries


def paint_hubs(painter: QPainter, sxy: np.ndarray, *, alpha: int = 255) -> None:
    """Draw candidate-hub symbols at screen points ``sxy`` ``(n, 2)``."""
    disc = symbol_template("circle", HUB_SIZE_PX)
    painter.setPen(QPen(qcolor(HALO, alpha), 2.0))
    painter.setBrush(QBrush(qcolor(HUB_COLOR, alpha)))
    painter.drawPath(symbol_path(sxy, disc))
    arm = HUB_SIZE_PX * 0.28
    cross = QPen(qcolor(HALO, alpha), 3.0)
    cross.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(cross)
    for x, y in np.asarray(sxy, dtype=float).reshape(-1, 2):
        painter.drawLine(QPointF(x - arm, y), QPointF(x + arm, y))
        painter.drawLine(QPointF(x, y - arm), QPointF(x, y + arm))
