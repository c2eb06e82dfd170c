"""Facilities drawn with one symbol per highest diagnostic tier and a ring for quality."""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
from pyproj import CRS
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QImage, QPaintEngine, QPainter

from ccgeo.geo import project_lonlat
from ccgeo.i18n import N_, _
from ccgeo.labels import format_count
from ccgeo.model.facilities import Facilities, quality_mask
from ccgeo.render.layers import MapLayer, cosmetic_pen, qcolor
from ccgeo.render.qpath import symbol_path
from ccgeo.render.style import StyleClass
from ccgeo.render.symbols import ring_template, symbol_template
from ccgeo.render.view import ViewTransform
from ccgeo.styles import (
    FACILITY_STYLES,
    QUALITY_RING_COLOR,
    QUALITY_RING_GAP_PX,
    QUALITY_RING_LABEL,
    QUALITY_RING_PX,
    TIER_CLASS,
    FacilityStyle,
    LegendEntry,
)

#: Screen margin, pixels, within which symbols just outside the view are still drawn.
_MARGIN_PX = 24.0


def _paint_symbols(
    painter: QPainter, centres: np.ndarray, style: FacilityStyle, *, ring: bool
) -> None:
    """Draw the quality ring (``ring=True``) or the symbol of ``style`` at screen ``centres``."""
    if ring:
        inner = style.size_px / 2.0 + QUALITY_RING_GAP_PX
        template, starts = ring_template(inner, inner + QUALITY_RING_PX)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(qcolor(QUALITY_RING_COLOR)))
        painter.drawPath(symbol_path(centres, template, template_starts=starts))
        return
    # A 1 px outline keeps Qt on its fast cosmetic line path.
    painter.setPen(cosmetic_pen(style.outline, 1.0))
    painter.setBrush(QBrush(qcolor(style.fill)))
    painter.drawPath(symbol_path(centres, symbol_template(style.symbol, style.size_px)))


def _sprite_radius_px(style: FacilityStyle, *, ring: bool) -> float:
    """Half the side of a square holding the symbol or ring with its outline and antialiasing."""
    if ring:
        return style.size_px / 2.0 + QUALITY_RING_GAP_PX + QUALITY_RING_PX + 1.0
    # Symbols are drawn up to 1.2 × their nominal radius (squares, triangles), plus the outline.
    return 1.2 * style.size_px / 2.0 + 2.0


def render_sprite(style: FacilityStyle, *, ring: bool, pixel_ratio: float = 1.0) -> QImage:
    """The symbol (or quality ring) of ``style`` drawn once, antialiased, into a small image.

    The symbol's centre lies at the centre of the image; the image is ``pixel_ratio`` device
    pixels per logical pixel, so that it is stamped without resampling on a HiDPI screen.
    """
    side = 2 * math.ceil(_sprite_radius_px(style, ring=ring) * pixel_ratio)
    image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(pixel_ratio)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        half = side / (2.0 * pixel_ratio)
        _paint_symbols(painter, np.array([[half, half]]), style, ring=ring)
    finally:
        painter.end()
    return image


class FacilityLayer(MapLayer):
    """Facilities as symbols of constant screen size (see `ccgeo.styles.FACILITY_STYLES`).

    Each facility gets the symbol of its highest tier (NGS, PCR, IHC/ISH/flow,
    histology/cytology, biopsy only, none); labs in national or international external
    quality assessment, or accredited, get a green ring.

    Parameters
    ----------
    facilities
        The facility layer (EPSG:4326), projected once to ``crs``.
    crs
        Metric CRS of the canvas.
    name
        Name in the layer panel.
    """

    kind = "facilities"

    def __init__(self, facilities: Facilities, crs: CRS, *, name: str = N_("Facilities")) -> None:
        super().__init__(name)
        self.facilities = facilities
        lonlat = facilities.lonlat()
        finite = np.isfinite(lonlat).all(axis=1)
        self.xy = np.full((len(lonlat), 2), np.nan)
        if finite.any():
            self.xy[finite] = project_lonlat(lonlat[finite], crs)
        tiers = facilities.tiers().to_numpy(dtype=object)
        self.symbol_class = np.array([TIER_CLASS[t] for t in tiers], dtype=object).reshape(-1)
        self.quality = quality_mask(facilities.gdf, "eqa_or_accredited") & finite
        self._finite = finite
        if finite.any():
            lo, hi = self.xy[finite].min(axis=0), self.xy[finite].max(axis=0)
            self.extent = (float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1]))
        # Pre-drawn symbols by (symbol class, ring, device pixel ratio), made on first paint.
        self._sprites: dict[tuple[str, bool, float], QImage] = {}

    def class_style(self, key: str) -> FacilityStyle:
        """The symbol of class ``key`` (of `FACILITY_STYLES`) with the user's colour and size."""
        base = FACILITY_STYLES[key]
        return replace(
            base,
            fill=self.style.color(key, base.fill),
            size_px=self.style.size(key, base.size_px),
        )

    def style_classes(self) -> list[StyleClass]:
        """One class per tier present, highest first: fill colour and symbol size."""
        present = set(self.symbol_class.tolist())
        return [
            StyleClass(
                key,
                _(base.label),
                self.class_style(key).fill,
                self.class_style(key).size_px,
                self.style.shown(key),
            )
            for key, base in reversed(FACILITY_STYLES.items())
            if key in present
        ]

    def _restyled(self) -> None:
        self._sprites.clear()

    def screen_positions(self, view: ViewTransform) -> np.ndarray:
        """Screen pixels ``(n, 2)`` of every facility in ``view`` (NaN where it has no location)."""
        return view.world_to_screen(self.xy)

    def paint(self, painter: QPainter, view: ViewTransform) -> None:
        """Draw rings, then symbols from the lowest tier to the highest so labs stay on top.

        On a raster device (the canvas, image export) each symbol is stamped from an image
        drawn once: filling one path of thousands of antialiased outlines costs Qt about
        100 ms for Oaxaca's 2,187 facilities, stamping them about 3 ms. Vector devices (PDF)
        get the outlines as paths, so that print stays sharp at any zoom.
        """
        sxy = self.screen_positions(view)
        inside = (
            self._finite
            & (sxy[:, 0] >= -_MARGIN_PX)
            & (sxy[:, 0] <= view.width_px + _MARGIN_PX)
            & (sxy[:, 1] >= -_MARGIN_PX)
            & (sxy[:, 1] <= view.height_px + _MARGIN_PX)
        )
        engine = painter.paintEngine()
        raster = engine is not None and engine.type() == QPaintEngine.Type.Raster
        ratio = float(painter.device().devicePixelRatioF()) if raster else 1.0
        for key in FACILITY_STYLES:
            sel = inside & (self.symbol_class == key)
            if not sel.any() or not self.style.shown(key):
                continue
            style = self.class_style(key)
            for ring, which in ((True, sel & self.quality), (False, sel)):
                if not which.any():
                    continue
                if raster:
                    self._stamp(painter, sxy[which], key, style, ring=ring, pixel_ratio=ratio)
                else:
                    _paint_symbols(painter, sxy[which], style, ring=ring)

    def _stamp(
        self,
        painter: QPainter,
        centres: np.ndarray,
        key: str,
        style: FacilityStyle,
        *,
        ring: bool,
        pixel_ratio: float,
    ) -> None:
        """Stamp the pre-drawn symbol of class ``key`` at screen ``centres`` (logical pixels)."""
        sprite = self._sprites.get((key, ring, pixel_ratio))
        if sprite is None:
            sprite = render_sprite(style, ring=ring, pixel_ratio=pixel_ratio)
            self._sprites[(key, ring, pixel_ratio)] = sprite
        # Snap the corners to whole device pixels: Qt then copies the sprite without
        # resampling, and each symbol lies within half a device pixel of its location.
        half = sprite.width() / 2.0
        corners = np.rint(centres * pixel_ratio - half) / pixel_ratio
        draw = painter.drawImage
        # One C++ blit per visible facility (thousands at most, never per road edge). Two flat
        # lists rather than a list of pairs: thousands of live lists per frame would set off
        # Python's cyclic garbage collector, whose full passes stall a redraw by tens of ms.
        for x, y in zip(corners[:, 0].tolist(), corners[:, 1].tolist(), strict=True):
            draw(QPointF(x, y), sprite)

    def legend(self) -> list[LegendEntry]:
        """One marker per tier present (highest first, with counts), and the quality ring."""
        entries = []
        for key in reversed(FACILITY_STYLES):
            n = int((self.symbol_class == key).sum())
            style = self.class_style(key)
            if n and self.style.shown(key):
                entries.append(
                    LegendEntry(
                        f"{_(style.label)} ({format_count(n)})",
                        "marker",
                        color=style.fill,
                        outline=style.outline,
                        symbol=style.symbol,
                    )
                )
        n_quality = int(self.quality.sum())
        if n_quality:
            entries.append(
                LegendEntry(
                    f"{_(QUALITY_RING_LABEL)} ({format_count(n_quality)})",
                    "ring",
                    color=QUALITY_RING_COLOR,
                )
            )
        return entries
