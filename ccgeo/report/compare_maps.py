"""Small-multiple maps of a many-city comparison: one PNG panel per city, every panel the same
size in pixels and at the same metres per pixel, with one shared legend (SVG). Painted with
QtGui offscreen (the painters of the PDF report); the dashboard and the brief show the files.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPainterPath, QPen
from scipy.spatial import cKDTree

from ccgeo.analysis.access import AccessResult
from ccgeo.analysis.readiness.evidence import CityEvidence, Comparison
from ccgeo.analysis.readiness.rows import THRESHOLDS_MINUTES
from ccgeo.analysis.readiness.scorecard import name_of_test
from ccgeo.errors import InputError
from ccgeo.geo import local_utm_crs, project_lonlat
from ccgeo.i18n import _
from ccgeo.io.atomic import atomic_path
from ccgeo.render.decorations import paint_scale_bar
from ccgeo.render.layers import cosmetic_pen, qcolor
from ccgeo.render.qpath import symbol_path
from ccgeo.render.symbols import symbol_template
from ccgeo.render.view import ViewTransform
from ccgeo.report.compare_charts import map_legend_svg, time_band_labels
from ccgeo.report.pdf import ensure_qt_app
from ccgeo.styles import (
    BACKGROUND,
    FACILITY_STYLES,
    HALO,
    INK,
    TIER_CLASS,
    UNDERSERVED_FILL,
    band_colors,
)

#: Size of every panel, pixels.
PANEL_PX = 520
#: Fraction of a panel left empty around the widest city.
_MARGIN = 0.04


@dataclass(frozen=True)
class SmallMultiples:
    """The panels written: one PNG per city (None: the city has no result for the test), the
    shared legend, and the scale they share."""

    test: str
    quality: str
    panels: tuple[tuple[str, Path | None], ...]
    legend: Path
    m_per_px: float


@dataclass(frozen=True)
class _Panel:
    """One city's points and labs in its own UTM zone, metres."""

    city: str
    xy: np.ndarray
    minutes: np.ndarray
    labs: np.ndarray
    spacing_m: float

    @property
    def extent(self) -> tuple[float, float, float, float]:
        both = np.vstack([self.xy, self.labs]) if len(self.labs) else self.xy
        lo, hi = both.min(axis=0), both.max(axis=0)
        return float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1])


def write_small_multiples(
    comparison: Comparison, out_dir: Path, *, test: str, quality: str = "any"
) -> SmallMultiples:
    """Write ``maps/<n>_<city>.png`` (travel time from every person to the nearest lab doing
    ``test`` at ``quality``) and ``maps/legend.svg``.

    Every panel is `PANEL_PX` square at the metres per pixel that fits the widest city, each
    centred on its own city, so that areas compare by eye; each has a scale bar.

    Raises
    ------
    InputError
        If no city has an access result for ``test`` at ``quality``.
    """
    ensure_qt_app()
    panels = {c.city: _panel(c, test, quality) for c in comparison.cities}
    drawn = [p for p in panels.values() if p is not None]
    if not drawn:
        msg = _("no city has an access result for {test}; run the comparison with that test")
        raise InputError(msg.format(test=name_of_test(test, quality)))
    m_per_px = max(_fit(p.extent) for p in drawn)
    folder = out_dir / "maps"
    folder.mkdir(parents=True, exist_ok=True)
    colors = _band_colors()
    written: list[tuple[str, Path | None]] = []
    for i, city in enumerate(comparison.cities):
        panel = panels[city.city]
        path = None
        if panel is not None:
            path = folder / f"{i + 1:02d}_{slug(city.city)}.png"
            _save(_paint(panel, m_per_px, colors, test), path)
        written.append((city.city, path))
    legend = folder / "legend.svg"
    legend.write_text(map_legend_svg(legend_entries(test, quality), map_title(test, quality)))
    return SmallMultiples(test, quality, tuple(written), legend, m_per_px)


def map_title(test: str, quality: str = "any") -> str:
    """``"Travel time to the nearest lab doing PCR"``."""
    return _("Travel time to the nearest lab doing {test}").format(test=name_of_test(test, quality))


def legend_entries(test: str, quality: str = "any") -> list[tuple[str, str]]:
    """``(label, colour)`` of the time bands, then of the labs."""
    entries = list(zip(time_band_labels(THRESHOLDS_MINUTES), _band_colors(), strict=True))
    entries.append(
        (_("lab doing {test}").format(test=name_of_test(test, quality)), _lab_fill(test))
    )
    return entries


def slug(text: str) -> str:
    """A city's name fit for a file name: ``"Vila Demo (synthetic)"`` → ``vila_demo_synthetic``."""
    kept = "".join(ch.lower() if ch.isalnum() else "_" for ch in text)
    return "_".join(part for part in kept.split("_") if part) or "city"


def _band_colors() -> list[str]:
    """The catchment bands' colours for each threshold, then the underserved red beyond."""
    return [*band_colors(len(THRESHOLDS_MINUTES)), UNDERSERVED_FILL]


def _lab_fill(test: str) -> str:
    style = FACILITY_STYLES.get(TIER_CLASS.get(test, ""))
    return style.fill if style is not None else "#FFFFFF"


def _panel(city: CityEvidence, test: str, quality: str) -> _Panel | None:
    result: AccessResult | None = city.access.get((test, quality))
    if result is None or result.demand.empty:
        return None
    demand = result.demand
    lonlat = np.column_stack([demand.geometry.x, demand.geometry.y])
    centre = np.nanmean(lonlat, axis=0)
    crs = local_utm_crs(float(centre[0]), float(centre[1]))
    xy = project_lonlat(lonlat, crs)
    labs = result.labs[result.labs["usable"].to_numpy(dtype=bool)]
    lab_xy = project_lonlat(np.column_stack([labs.geometry.x, labs.geometry.y]), crs)
    return _Panel(
        city.city,
        xy,
        demand["minutes"].to_numpy(dtype=np.float64),
        lab_xy.reshape(-1, 2),
        _spacing_m(xy),
    )


def _spacing_m(xy: np.ndarray) -> float:
    """The median distance from a point to its nearest neighbour (the population grid's cell)."""
    if len(xy) < 2:
        return 100.0
    distances, _index = cKDTree(xy).query(xy, k=2)
    return float(np.median(distances[:, 1]))


def _fit(extent: tuple[float, float, float, float]) -> float:
    """Metres per pixel that show ``extent`` in one panel."""
    return ViewTransform.fit(extent, PANEL_PX, PANEL_PX, margin=_MARGIN).m_per_px


def _paint(panel: _Panel, m_per_px: float, colors: Sequence[str], test: str) -> QImage:
    xmin, ymin, xmax, ymax = panel.extent
    view = ViewTransform(
        center_x=(xmin + xmax) / 2.0,
        center_y=(ymin + ymax) / 2.0,
        m_per_px=m_per_px,
        width_px=PANEL_PX,
        height_px=PANEL_PX,
    )
    image = QImage(PANEL_PX, PANEL_PX, QImage.Format.Format_ARGB32)
    image.fill(QColor(BACKGROUND))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        _paint_people(painter, view, panel, colors)
        _paint_labs(painter, view, panel.labs, test)
        frame = QRectF(0, 0, PANEL_PX, PANEL_PX)
        font = QFont("DejaVu Sans")
        font.setPixelSize(12)
        painter.setFont(font)
        paint_scale_bar(painter, frame, m_per_px)
        _paint_name(painter, panel.city)
        painter.setPen(QPen(QColor(INK), 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(frame.adjusted(0.5, 0.5, -0.5, -0.5))
    finally:
        painter.end()
    return image


def _paint_people(
    painter: QPainter, view: ViewTransform, panel: _Panel, colors: Sequence[str]
) -> None:
    """Each population point as a square of its grid cell, in the colour of its time band."""
    side = max(panel.spacing_m / view.m_per_px, 1.5)
    screen = view.world_to_screen(panel.xy)
    band = np.searchsorted(np.asarray(THRESHOLDS_MINUTES), panel.minutes, side="left")
    painter.setPen(Qt.PenStyle.NoPen)
    for k, color in enumerate(colors):
        path = QPainterPath()
        for sx, sy in screen[band == k]:
            path.addRect(QRectF(sx - side / 2, sy - side / 2, side, side))
        painter.setBrush(QBrush(qcolor(color, 230)))
        painter.drawPath(path)


def _paint_labs(painter: QPainter, view: ViewTransform, labs: np.ndarray, test: str) -> None:
    if not len(labs):
        return
    style = FACILITY_STYLES.get(TIER_CLASS.get(test, ""))
    symbol = style.symbol if style is not None else "diamond"
    painter.setPen(cosmetic_pen(INK, 1.2))
    painter.setBrush(QBrush(qcolor(_lab_fill(test))))
    painter.drawPath(symbol_path(view.world_to_screen(labs), symbol_template(symbol, 14.0)))


def _paint_name(painter: QPainter, city: str) -> None:
    font = QFont("DejaVu Sans")
    font.setPixelSize(15)
    font.setBold(True)
    painter.setFont(font)
    box = painter.fontMetrics().boundingRect(city).adjusted(-6, -4, 6, 4)
    box.moveTopLeft(QRectF(8, 8, 0, 0).topLeft().toPoint())
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(qcolor(HALO, 215)))
    painter.drawRoundedRect(QRectF(box), 4, 4)
    painter.setPen(QColor(INK))
    painter.drawText(QPointF(box.left() + 6, box.bottom() - 6), city)


def _save(image: QImage, path: Path) -> None:
    with atomic_path(path, what=path.name) as tmp:
        if not image.save(str(tmp), "PNG"):
            msg = _("the map {name} could not be written; check that the folder is writable")
            raise InputError(msg.format(name=path.name), path=path)


__all__ = [
    "PANEL_PX",
    "SmallMultiples",
    "legend_entries",
    "map_title",
    "slug",
    "write_small_multiples",
]
