"""Facilities drawn with one symbol per highest diagnostic tier and a ring for quality."""

from __future__ import annotations

import numpy as np
from pyproj import CRS
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QPainter

from ccgeo.geo import project_lonlat
from ccgeo.gui.canvas.layers import MapLayer, cosmetic_pen, qcolor
from ccgeo.gui.canvas.qpath import symbol_path
from ccgeo.gui.canvas.symbols import ring_template, symbol_template
from ccgeo.gui.canvas.view import ViewTransform
from ccgeo.model import Facilities, quality_mask
from ccgeo.styles import (
    FACILITY_STYLES,
    QUALITY_RING_COLOR,
    QUALITY_RING_GAP_PX,
    QUALITY_RING_LABEL,
    QUALITY_RING_PX,
    TIER_CLASS,
    LegendEntry,
)


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

    def __init__(self, facilities: Facilities, crs: CRS, *, name: str = "Facilities") -> None:
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

    def screen_positions(self, view: ViewTransform) -> np.ndarray:
        """Screen pixels ``(n, 2)`` of every facility in ``view`` (NaN where it has no location)."""
        return view.world_to_screen(self.xy)

    def paint(self, painter: QPainter, view: ViewTransform) -> None:
        """Draw rings, then symbols from the lowest tier to the highest so labs stay on top."""
        sxy = self.screen_positions(view)
        margin = 24.0
        inside = (
            self._finite
            & (sxy[:, 0] >= -margin)
            & (sxy[:, 0] <= view.width_px + margin)
            & (sxy[:, 1] >= -margin)
            & (sxy[:, 1] <= view.height_px + margin)
        )
        for key, style in FACILITY_STYLES.items():
            sel = inside & (self.symbol_class == key)
            if not sel.any():
                continue
            ringed = sel & self.quality
            if ringed.any():
                inner = style.size_px / 2.0 + QUALITY_RING_GAP_PX
                ring, starts = ring_template(inner, inner + QUALITY_RING_PX)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QBrush(qcolor(QUALITY_RING_COLOR)))
                painter.drawPath(symbol_path(sxy[ringed], ring, template_starts=starts))
            # A 1 px outline keeps Qt on its fast cosmetic line path even for thousands of labs.
            painter.setPen(cosmetic_pen(style.outline, 1.0))
            painter.setBrush(QBrush(qcolor(style.fill)))
            painter.drawPath(symbol_path(sxy[sel], symbol_template(style.symbol, style.size_px)))

    def legend(self) -> list[LegendEntry]:
        """One marker per tier present (highest first, with counts), and the quality ring."""
        entries = []
        for key, style in reversed(FACILITY_STYLES.items()):
            n = int((self.symbol_class == key).sum())
            if n:
                entries.append(
                    LegendEntry(
                        f"{style.label} ({n:,})",
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
                    f"{QUALITY_RING_LABEL} ({n_quality:,})", "ring", color=QUALITY_RING_COLOR
                )
            )
        return entries
