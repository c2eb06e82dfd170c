"""Population density as heat shading, rendered once into an image (or a district choropleth)."""

from __future__ import annotations

import math

import geopandas as gpd
import numpy as np
from pyproj import CRS
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QImage, QPainter, QPainterPath
from scipy.spatial import cKDTree

from ccgeo.geo import project_lonlat
from ccgeo.i18n import N_, _
from ccgeo.labels import format_count
from ccgeo.model.demand import Demand
from ccgeo.render.layers import MapLayer, qcolor, world_transform
from ccgeo.render.qpath import path_from_geometries
from ccgeo.render.view import ViewTransform
from ccgeo.styles import POPULATION_ALPHA, POPULATION_RAMP, LegendEntry, ramp_rgb

#: Largest heat image, pixels; beyond it the image cells grow (the shading is an overview).
_MAX_IMAGE_PIXELS = 1_500_000

#: Number of classes of the district choropleth.
_N_CLASSES = 5


def _spacing_m(xy: np.ndarray, demand: Demand) -> float:
    """Typical distance between demand points, metres: raster cell or median nearest neighbour."""
    if demand.kind == "raster" and demand.cell_size_m:
        return float(demand.cell_size_m)
    if len(xy) < 2:
        return 1000.0
    dist, _index = cKDTree(xy).query(xy, k=2)
    nearest = dist[:, 1][dist[:, 1] > 0]
    return float(np.median(nearest)) if len(nearest) else 1000.0


def _log_scale(values: np.ndarray, lo: float, hi: float) -> np.ndarray:
    """Position of ``values`` between ``lo`` and ``hi`` on a log axis, clipped to 0..1."""
    if hi <= lo:
        return np.full(values.shape, 0.5)
    return np.clip((np.log(values) - math.log(lo)) / (math.log(hi) - math.log(lo)), 0.0, 1.0)


class PopulationLayer(MapLayer):
    """Where people live, shaded by density (people per km²).

    Raster cells and point grids become a heat image built once: each point stands for the
    square of one spacing around it (the raster cell, or the median distance between points),
    and each image pixel takes the density of the nearest point whose square holds it. A
    census table per district becomes a choropleth of the district polygons when
    ``districts`` are given.

    Parameters
    ----------
    demand
        The population points (EPSG:4326).
    crs
        Metric CRS of the canvas.
    districts
        District polygons (EPSG:4326, ``district_id``), used for ``district_table`` demand.
    name
        Name in the layer panel.
    """

    kind = "population"

    def __init__(
        self,
        demand: Demand,
        crs: CRS,
        *,
        districts: gpd.GeoDataFrame | None = None,
        name: str = N_("Population"),
    ) -> None:
        super().__init__(name)
        self.total_population = demand.total_population
        self.image: QImage | None = None
        self.image_extent: tuple[float, float, float, float] | None = None
        self._class_paths: list[tuple[QPainterPath, str]] = []
        # the legend's numbers (its words are written when it is shown, in that language):
        # the heat ramp's people per km² from and to, or each class's from, to and colour
        self._ramp_range: tuple[int, int] | None = None
        self._class_ranges: list[tuple[int, int, str]] = []
        gdf = demand.gdf
        if len(gdf) == 0:
            return
        lonlat = np.column_stack([gdf.geometry.x.to_numpy(), gdf.geometry.y.to_numpy()])
        population = gdf["population"].to_numpy(dtype=float)
        ok = np.isfinite(lonlat).all(axis=1) & np.isfinite(population)
        if not ok.any():
            return
        xy = project_lonlat(lonlat[ok], crs)
        population = population[ok]
        if demand.kind == "district_table" and districts is not None and len(districts):
            self._build_choropleth(gdf.loc[ok], districts, crs)
        else:
            self._build_heat(xy, population, _spacing_m(xy, demand))

    # -- building ----------------------------------------------------------------------------
    def _build_heat(self, xy: np.ndarray, population: np.ndarray, spacing: float) -> None:
        density = population / (spacing * spacing / 1e6)
        lo_xy = xy.min(axis=0) - spacing
        hi_xy = xy.max(axis=0) + spacing
        pixel = spacing / 4.0
        nx, ny = (math.ceil(v) for v in (hi_xy - lo_xy) / pixel)
        if nx * ny > _MAX_IMAGE_PIXELS:
            pixel *= math.sqrt(nx * ny / _MAX_IMAGE_PIXELS)
            nx, ny = (math.ceil(v) for v in (hi_xy - lo_xy) / pixel)
        # Image row 0 is the northern edge.
        cx = lo_xy[0] + (np.arange(nx) + 0.5) * pixel
        cy = lo_xy[1] + ny * pixel - (np.arange(ny) + 0.5) * pixel
        gx, gy = np.meshgrid(cx, cy)
        # Chebyshev distance: each point fills the square cell around it. A little over half a
        # spacing closes the seams a projected lon/lat grid has (its rows and columns differ).
        _distance, idx = cKDTree(xy).query(
            np.column_stack([gx.ravel(), gy.ravel()]),
            p=np.inf,
            distance_upper_bound=0.55 * spacing,
        )
        has_point = idx < len(xy)
        value = np.zeros(idx.shape)
        value[has_point] = density[idx[has_point]]
        filled = value > 0
        positive = density[density > 0]
        if len(positive) == 0:
            return
        lo, hi = (float(v) for v in np.percentile(positive, [2.0, 98.0]))
        rgb = np.zeros((len(value), 3), dtype=np.uint8)
        rgb[filled] = ramp_rgb(_log_scale(value[filled], lo, hi))
        alpha = np.where(filled, POPULATION_ALPHA, 0).astype(np.uint16)
        # QImage ARGB32_Premultiplied is B, G, R, A in memory on little-endian machines.
        bgra = np.empty((len(value), 4), dtype=np.uint8)
        bgra[:, 0:3] = (rgb[:, ::-1].astype(np.uint16) * alpha[:, None] // 255).astype(np.uint8)
        bgra[:, 3] = alpha
        buffer = np.ascontiguousarray(bgra.reshape(ny, nx, 4))
        image = QImage(buffer.data, nx, ny, nx * 4, QImage.Format.Format_ARGB32_Premultiplied)
        self.image = image.copy()  # own the pixels; ``buffer`` is freed when this returns
        x0, y0 = float(lo_xy[0]), float(lo_xy[1])
        self.image_extent = (x0, y0, x0 + nx * pixel, y0 + ny * pixel)
        self.extent = self.image_extent
        self._ramp_range = (_round_nice(lo), _round_nice(hi))

    def _build_choropleth(
        self, demand_gdf: gpd.GeoDataFrame, districts: gpd.GeoDataFrame, crs: CRS
    ) -> None:
        people = demand_gdf.groupby(demand_gdf["district_id"].astype(str))["population"].sum()
        shapes = districts.to_crs(crs)
        ids = shapes["district_id"].astype(str).to_numpy()
        area_km2 = shapes.geometry.area.to_numpy() / 1e6
        pop = people.reindex(ids).to_numpy(dtype=float)
        density = np.where(area_km2 > 0, pop / np.where(area_km2 > 0, area_km2, 1.0), np.nan)
        known = np.isfinite(density) & (density > 0)
        if not known.any():
            return
        edges = np.unique(np.quantile(density[known], np.linspace(0.0, 1.0, _N_CLASSES + 1)))
        n_classes = max(len(edges) - 1, 1)
        cls = np.clip(np.searchsorted(edges, density, side="right") - 1, 0, n_classes - 1)
        colors = ramp_rgb(np.linspace(0.1, 0.9, n_classes))
        geoms = shapes.geometry.to_numpy()
        for k in range(n_classes):
            sel = known & (cls == k)
            if not sel.any():
                continue
            hex_color = "#{:02X}{:02X}{:02X}".format(*colors[k])
            self._class_paths.append((path_from_geometries(geoms[sel]), hex_color))
            hi = edges[k + 1] if k + 1 < len(edges) else edges[-1]
            self._class_ranges.append((_round_nice(edges[k]), _round_nice(hi), hex_color))
        self._class_ranges.reverse()
        b = shapes.total_bounds
        self.extent = (float(b[0]), float(b[1]), float(b[2]), float(b[3]))

    # -- drawing -----------------------------------------------------------------------------
    def paint(self, painter: QPainter, view: ViewTransform) -> None:
        """Draw the heat image (crisp cells when zoomed in) or the choropleth."""
        if self.image is not None and self.image_extent is not None:
            x0, y0, x1, y1 = self.image_extent
            corners = view.world_to_screen(np.array([[x0, y1], [x1, y0]]))
            target = QRectF(QPointF(*corners[0]), QPointF(*corners[1]))
            upscaled = target.width() > self.image.width()
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, not upscaled)
            painter.drawImage(target, self.image)
        if self._class_paths:
            painter.setTransform(world_transform(view))
            painter.setPen(Qt.PenStyle.NoPen)
            for path, color in self._class_paths:
                painter.setBrush(QBrush(qcolor(color, POPULATION_ALPHA)))
                painter.drawPath(path)

    def legend(self) -> list[LegendEntry]:
        """The density ramp (or classes), densest first."""
        entries = [
            LegendEntry(
                _("{low} – {high} people per km²").format(
                    low=format_count(low), high=format_count(high)
                ),
                "fill",
                color=color,
            )
            for low, high, color in self._class_ranges
        ]
        if self._ramp_range is not None:
            low, high = self._ramp_range
            label = _("People per km²: {low} – {high}").format(
                low=format_count(low), high=format_count(high)
            )
            entries.insert(0, LegendEntry(label, "ramp", colors=POPULATION_RAMP))
        return entries


def _round_nice(value: float) -> int:
    """Round to two significant digits for a legend (12,345 → 12,000)."""
    if not math.isfinite(value) or value <= 0:
        return 0
    digits = max(math.floor(math.log10(value)) - 1, 0)
    return int(round(value, -digits))
