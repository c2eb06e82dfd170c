"""Map layers of planning: proposed new hubs (numbered stars) and sample-referral routes and
courier loops coloured by courier, in the palette the HTML map and the PDF report use."""

from __future__ import annotations

from collections.abc import Iterable

import geopandas as gpd
import numpy as np
import shapely
from pyproj import CRS
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from ccgeo.i18n import N_, _
from ccgeo.labels import format_count
from ccgeo.render.layers import MapLayer, cosmetic_pen, qcolor, world_transform
from ccgeo.render.qpath import path_from_geometries, symbol_path
from ccgeo.render.symbols import symbol_template
from ccgeo.render.view import Extent, ViewTransform
from ccgeo.styles import (
    COURIER_COLORS,
    HALO,
    HIGHLIGHT_COLOR,
    HUB_STYLE,
    INK,
    NO_COURIER_COLOR,
    LegendEntry,
)

#: Spoke → hub routes: solid, screen pixels.
ROUTE_PX = 3.0
#: Courier loops: dashed and wider, under the routes, screen pixels.
LOOP_PX = 4.5
LOOP_ALPHA = 190
#: The rank number beside a proposed hub, points.
RANK_PT = 11.0


def courier_colors(couriers: Iterable[object]) -> dict[str, str]:
    """Colour of each courier: the sorted courier names take `COURIER_COLORS` in turn.

    The same rule as the HTML map (`ccgeo.report.webmap`), so a courier has one colour
    everywhere; empty names (no courier) get none.
    """
    names = sorted({str(c) for c in couriers if _courier_name(c)})
    return {c: COURIER_COLORS[i % len(COURIER_COLORS)] for i, c in enumerate(names)}


def _courier_name(value: object) -> str:
    if value is None:
        return ""
    text = str(value)
    return "" if text in ("", "nan", "None", "<NA>") else text


def _to_map(gdf: gpd.GeoDataFrame, crs: CRS) -> np.ndarray:
    if gdf.empty:
        return np.empty(0, dtype=object)
    shapes = gdf if gdf.crs is not None and CRS(gdf.crs) == crs else gdf.to_crs(crs)
    return shapes.geometry.to_numpy()


def _bounds(geom: object) -> Extent | None:
    if geom is None or shapely.is_empty(geom):
        return None
    b = shapely.bounds(geom)
    return (float(b[0]), float(b[1]), float(b[2]), float(b[3]))


def _union(boxes: Iterable[Extent | None]) -> Extent | None:
    real = [b for b in boxes if b is not None]
    if not real:
        return None
    arr = np.asarray(real, dtype=float)
    return (
        float(arr[:, 0].min()),
        float(arr[:, 1].min()),
        float(arr[:, 2].max()),
        float(arr[:, 3].max()),
    )


def _halo_text(painter: QPainter, path: QPainterPath, color: str) -> None:
    halo = QPen(qcolor(HALO, 235), 3.5)
    halo.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(halo)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(qcolor(color)))
    painter.drawPath(path)


class ProposedHubsLayer(MapLayer):
    """The hubs a siting run proposes: `HUB_STYLE` stars numbered by rank, at constant size.

    Parameters
    ----------
    hubs
        `ccgeo.analysis.siting.SitingResult.hubs` (``rank``, ``name``, geometry in EPSG:4326;
        rows without geometry are skipped).
    crs
        Metric CRS of the canvas.
    """

    kind = "proposed_hubs"

    def __init__(
        self, hubs: gpd.GeoDataFrame, crs: CRS, *, name: str = N_("Proposed hubs")
    ) -> None:
        super().__init__(name)
        self.crs = crs
        self.highlighted: int | None = None
        self._font: QFont | None = None
        self.set_hubs(hubs)

    def set_hubs(self, hubs: gpd.GeoDataFrame) -> None:
        """Show ``hubs`` instead of the ones drawn."""
        placed = hubs[hubs.geometry.notna() & ~hubs.geometry.is_empty] if len(hubs) else hubs
        geoms = _to_map(placed, self.crs)
        self.xy = shapely.get_coordinates(geoms) if len(geoms) else np.empty((0, 2))
        self.ranks = placed["rank"].to_numpy(dtype=int) if len(placed) else np.empty(0, int)
        self.names = placed["name"].astype(str).tolist() if len(placed) else []
        if len(self.xy):
            lo, hi = self.xy.min(axis=0), self.xy.max(axis=0)
            self.extent = (float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1]))
        else:
            self.extent = None
        self.highlighted = None
        self._changed()

    def hub_xy(self, rank: int) -> tuple[float, float] | None:
        """Map position (metres) of the hub ranked ``rank``, or None."""
        rows = np.flatnonzero(self.ranks == rank)
        return (float(self.xy[rows[0], 0]), float(self.xy[rows[0], 1])) if len(rows) else None

    def highlight(self, rank: int | None) -> None:
        """Ring the hub ranked ``rank`` in yellow, or none."""
        if rank != self.highlighted:
            self.highlighted = rank
            self._changed()

    @property
    def font(self) -> QFont:
        """Rank number font; made on first use (layers may be built off the GUI thread)."""
        if self._font is None:
            self._font = QFont()
            self._font.setPointSizeF(RANK_PT)
            self._font.setBold(True)
        return self._font

    def paint(self, painter: QPainter, view: ViewTransform) -> None:
        """Stars, then their rank numbers with a white halo."""
        if len(self.xy) == 0:
            return
        sxy = view.world_to_screen(self.xy)
        if self.highlighted is not None:
            rows = np.flatnonzero(self.ranks == self.highlighted)
            if len(rows):
                ring = symbol_template("circle", HUB_STYLE.size_px + 12.0)
                painter.setPen(cosmetic_pen(HIGHLIGHT_COLOR, 4.0))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPath(symbol_path(sxy[rows], ring))
        star = symbol_template(HUB_STYLE.symbol, HUB_STYLE.size_px)
        pen = QPen(qcolor(HUB_STYLE.outline), 1.5)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        painter.setBrush(QBrush(qcolor(HUB_STYLE.fill)))
        painter.drawPath(symbol_path(sxy, star))
        metrics = QFontMetricsF(self.font)
        numbers = QPainterPath()
        offset = HUB_STYLE.size_px / 2.0
        for (x, y), rank in zip(sxy, self.ranks, strict=True):
            numbers.addText(
                QPointF(x + offset - 2.0, y - offset + metrics.ascent() / 2), self.font, str(rank)
            )
        _halo_text(painter, numbers, INK)

    def legend(self) -> list[LegendEntry]:
        """The star, with the number of hubs."""
        if len(self.xy) == 0:
            return [LegendEntry(_("No hub proposed"), "fill", color=HALO, outline=INK)]
        label = _("{hub} ({count}), numbered by rank").format(
            hub=_(HUB_STYLE.label), count=format_count(len(self.xy))
        )
        return [
            LegendEntry(
                label,
                "marker",
                symbol=HUB_STYLE.symbol,
                color=HUB_STYLE.fill,
                outline=HUB_STYLE.outline,
            )
        ]


class ReferralLayer(MapLayer):
    """Sample routes spoke → hub (solid) and courier loops (dashed), one colour per courier.

    Lines are grouped into one painter path per colour, built once in map metres.

    Parameters
    ----------
    routes
        `ccgeo.analysis.referral.ReferralResult.routes` (``facility_id``, ``courier``, geometry
        in EPSG:4326; empty geometry where there is no route).
    loops
        `ccgeo.analysis.referral.ReferralResult.loops` (``courier``, geometry).
    crs
        Metric CRS of the canvas.
    """

    kind = "referral"

    def __init__(
        self,
        routes: gpd.GeoDataFrame,
        loops: gpd.GeoDataFrame,
        crs: CRS,
        *,
        name: str = N_("Sample referral"),
    ) -> None:
        super().__init__(name)
        self.crs = crs
        self.highlighted: str | None = None
        self.set_plan(routes, loops)

    def set_plan(self, routes: gpd.GeoDataFrame, loops: gpd.GeoDataFrame) -> None:
        """Show the routes and loops of another plan."""
        couriers = [*routes.get("courier", []), *loops.get("courier", [])]
        self.colors = courier_colors(couriers)
        self.route_paths = self._grouped(routes)
        self.loop_paths = self._grouped(loops)
        route_geoms = _to_map(routes, self.crs)
        ids = routes["facility_id"].astype(str).tolist() if len(routes) else []
        self._route_of = {
            fid: (geom, self._color(courier))
            for fid, geom, courier in zip(
                ids, route_geoms, routes.get("courier", [None] * len(ids)), strict=True
            )
        }
        self.has_uncoloured = any(
            not _courier_name(c) for frame in (routes, loops) for c in frame.get("courier", [])
        )
        self.extent = _union(
            [_bounds(g) for g in route_geoms] + [_bounds(g) for g in _to_map(loops, self.crs)]
        )
        self.highlighted = None
        self._changed()

    def _color(self, courier: object) -> str:
        return self.colors.get(_courier_name(courier), NO_COURIER_COLOR)

    def _grouped(self, frame: gpd.GeoDataFrame) -> list[tuple[str, QPainterPath]]:
        """One path per colour, colours in courier order, uncoloured first (drawn underneath)."""
        if frame.empty:
            return []
        geoms = _to_map(frame, self.crs)
        colors = np.array([self._color(c) for c in frame.get("courier", [None] * len(frame))])
        order = [NO_COURIER_COLOR, *self.colors.values()]
        out = []
        for color in dict.fromkeys(order):
            mask = colors == color
            if mask.any():
                out.append((color, path_from_geometries(geoms[mask])))
        return out

    def route_extent(self, facility_id: str) -> Extent | None:
        """Extent (metres) of the route of spoke ``facility_id``, None without a route."""
        found = self._route_of.get(str(facility_id))
        return _bounds(found[0]) if found is not None else None

    def highlight(self, facility_id: str | None) -> None:
        """Draw the route of spoke ``facility_id`` with a yellow casing, or none."""
        if facility_id != self.highlighted:
            self.highlighted = facility_id
            self._changed()

    def paint(self, painter: QPainter, view: ViewTransform) -> None:
        """Loops (dashed) under the routes, the highlighted route on top."""
        painter.setTransform(world_transform(view))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for color, path in self.loop_paths:
            painter.setPen(cosmetic_pen(color, LOOP_PX, dash="dash", alpha=LOOP_ALPHA))
            painter.drawPath(path)
        for color, path in self.route_paths:
            pen = cosmetic_pen(color, ROUTE_PX)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            painter.drawPath(path)
        found = self._route_of.get(self.highlighted or "")
        if found is not None and found[0] is not None and not shapely.is_empty(found[0]):
            # dark, then yellow casing: the route stands out over yellow roads and pale bands
            path = path_from_geometries(np.array([found[0]], dtype=object))
            for color, width in ((INK, ROUTE_PX + 8.0), (HIGHLIGHT_COLOR, ROUTE_PX + 5.0)):
                painter.setPen(cosmetic_pen(color, width))
                painter.drawPath(path)
            painter.setPen(cosmetic_pen(found[1], ROUTE_PX))
            painter.drawPath(path)
            start = shapely.get_coordinates(found[0])[:1]
            painter.resetTransform()
            painter.setPen(cosmetic_pen(INK, 2.0))
            painter.setBrush(QBrush(qcolor(HIGHLIGHT_COLOR)))
            painter.drawPath(
                symbol_path(view.world_to_screen(start), symbol_template("circle", 14.0))
            )

    def legend(self) -> list[LegendEntry]:
        """One line per courier (colours repeat after `COURIER_COLORS`), the loop dash, and the
        grey of spokes without a courier."""
        entries = [
            LegendEntry(
                _("Courier {name}").format(name=name), "line", color=color, width_px=ROUTE_PX
            )
            for name, color in list(self.colors.items())[: len(COURIER_COLORS)]
        ]
        if len(self.colors) > len(COURIER_COLORS):
            entries.append(
                LegendEntry(
                    _("… colours repeat after {count} couriers").format(count=len(COURIER_COLORS)),
                    "line",
                    color=INK,
                    width_px=1.0,
                )
            )
        if self.loop_paths:
            label = _("Courier loop (dashed)")
            entries.append(LegendEntry(label, "line", color=INK, width_px=2.0, dash="dash"))
        if self.has_uncoloured:
            label = _("No courier")
            entries.append(LegendEntry(label, "line", color=NO_COURIER_COLOR, width_px=ROUTE_PX))
        return entries
