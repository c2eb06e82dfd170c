"""District outlines with their names at representative points, labels that never overlap."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely
from pyproj import CRS
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from ccgeo.i18n import N_, _
from ccgeo.labels import format_count
from ccgeo.render.layers import MapLayer, cosmetic_pen, qcolor, world_transform
from ccgeo.render.qpath import path_from_geometries
from ccgeo.render.style import StyleClass
from ccgeo.render.view import ViewTransform
from ccgeo.styles import (
    DISTRICT_LABEL,
    DISTRICT_LABEL_PT,
    DISTRICT_OUTLINE,
    DISTRICT_OUTLINE_PX,
    HALO,
    LegendEntry,
)


class DistrictLayer(MapLayer):
    """District boundaries and name labels.

    A label is drawn only when its district is wider on screen than most of the label, and
    never over a label already drawn, so zoomed-out maps stay readable.

    Parameters
    ----------
    districts
        Polygons in EPSG:4326 with ``district_id`` and, if present, ``name``.
    crs
        Metric CRS of the canvas.
    name
        Name in the layer panel.
    """

    kind = "districts"

    #: Key of the one class of the layer, the boundary line.
    OUTLINE = "outline"

    def __init__(
        self, districts: gpd.GeoDataFrame, crs: CRS, *, name: str = N_("Districts")
    ) -> None:
        super().__init__(name)
        shapes = districts.to_crs(crs)
        geoms = shapes.geometry.to_numpy()
        valid = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
        geoms = geoms[valid]
        self.outline = path_from_geometries(geoms)
        label_col = "name" if "name" in shapes.columns else "district_id"
        labels = shapes.loc[valid, label_col].astype(str).fillna("").to_numpy()
        anchors = shapely.get_coordinates(shapely.point_on_surface(geoms))
        bounds = shapely.bounds(geoms)
        self.labels = labels
        self.label_xy = anchors
        self._width_m = bounds[:, 2] - bounds[:, 0] if len(geoms) else np.empty(0)
        # Largest districts label first, so a crowded view names the big ones.
        self._order = np.argsort(-(self._width_m * (bounds[:, 3] - bounds[:, 1])))
        self._font: QFont | None = None
        if len(geoms):
            b = shapely.total_bounds(geoms)
            self.extent = (float(b[0]), float(b[1]), float(b[2]), float(b[3]))

    def paint(self, painter: QPainter, view: ViewTransform) -> None:
        """Draw the outlines in world coordinates, then the labels in screen pixels."""
        painter.save()
        painter.setTransform(world_transform(view))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self.style.shown(self.OUTLINE):
            color, width = self.outline_pen()
            painter.setPen(cosmetic_pen(color, width))
            painter.drawPath(self.outline)
        painter.restore()
        self._paint_labels(painter, view)

    def outline_pen(self) -> tuple[str, float]:
        """Colour and width (pixels) of the boundary line, with the user's changes."""
        key = self.OUTLINE
        return self.style.color(key, DISTRICT_OUTLINE), self.style.size(key, DISTRICT_OUTLINE_PX)

    def style_classes(self) -> list[StyleClass]:
        """The boundary line: colour and width."""
        color, width = self.outline_pen()
        shown = self.style.shown(self.OUTLINE)
        return [StyleClass(self.OUTLINE, _("District boundary"), color, width, shown)]

    @property
    def font(self) -> QFont:
        """Label font; made on first use because layers may be built outside the GUI thread."""
        if self._font is None:
            self._font = QFont()
            self._font.setPointSizeF(DISTRICT_LABEL_PT)
            self._font.setWeight(QFont.Weight.DemiBold)
        return self._font

    def _paint_labels(self, painter: QPainter, view: ViewTransform) -> None:
        if len(self.labels) == 0:
            return
        metrics = QFontMetricsF(self.font)
        sxy = view.world_to_screen(self.label_xy)
        width_px = self._width_m / view.m_per_px
        screen = QRectF(0, 0, view.width_px, view.height_px)
        halo = QPen(qcolor(HALO, 230), 3.5)
        halo.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        fill = QBrush(qcolor(DISTRICT_LABEL))
        taken: list[QRectF] = []
        path = QPainterPath()
        for i in self._order:
            text = self.labels[i]
            if not text:
                continue
            text_w = metrics.horizontalAdvance(text)
            if width_px[i] < 0.8 * text_w:
                continue
            box = QRectF(
                sxy[i, 0] - text_w / 2, sxy[i, 1] - metrics.height() / 2, text_w, metrics.height()
            )
            if not screen.intersects(box) or any(box.intersects(t) for t in taken):
                continue
            taken.append(box.adjusted(-4, -2, 4, 2))
            path.addText(QPointF(box.left(), box.top() + metrics.ascent()), self.font, text)
        painter.setPen(halo)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawPath(path)

    def legend(self) -> list[LegendEntry]:
        """The outline."""
        color, width = self.outline_pen()
        label = _("District boundary ({count})").format(count=format_count(len(self.labels)))
        return [LegendEntry(label, "line", color=color, width_px=width)]
