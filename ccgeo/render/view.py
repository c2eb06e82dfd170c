"""What part of the map the canvas shows: a pure, immutable world↔screen transform (no Qt)."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np

#: ``(xmin, ymin, xmax, ymax)`` in metres of the map CRS.
Extent = tuple[float, float, float, float]

#: Metres per inch, to turn a screen resolution into a map scale.
_M_PER_INCH = 0.0254


@dataclass(frozen=True)
class ViewTransform:
    """A north-up view of a metric map CRS onto a screen of ``width_px`` × ``height_px``.

    World coordinates are metres with y to the north; screen coordinates are pixels from the
    top-left corner with y down. Every operation returns a new view.

    Attributes
    ----------
    center_x, center_y
        World point at the centre of the screen, metres.
    m_per_px
        Metres of the map per screen pixel (larger is zoomed further out).
    width_px, height_px
        Size of the screen, pixels.
    """

    center_x: float = 0.0
    center_y: float = 0.0
    m_per_px: float = 1.0
    width_px: int = 800
    height_px: int = 600

    #: Zoom limits, metres per pixel: from a few centimetres to a whole country on one screen.
    MIN_M_PER_PX = 0.05
    MAX_M_PER_PX = 50_000.0

    def __post_init__(self) -> None:
        if not (math.isfinite(self.m_per_px) and self.m_per_px > 0):
            msg = f"`m_per_px` should be a positive number, got {self.m_per_px!r}"
            raise ValueError(msg)
        if self.width_px < 1 or self.height_px < 1:
            msg = f"screen size should be at least 1×1 pixels, got {self.width_px}×{self.height_px}"
            raise ValueError(msg)

    # -- constructors ------------------------------------------------------------------------
    @classmethod
    def fit(
        cls, extent: Extent, width_px: int, height_px: int, *, margin: float = 0.04
    ) -> ViewTransform:
        """The view that shows all of ``extent`` (metres) on the screen, centred.

        Parameters
        ----------
        extent
            ``(xmin, ymin, xmax, ymax)`` in metres.
        width_px, height_px
            Screen size in pixels.
        margin
            Fraction of the screen left empty on each side.
        """
        xmin, ymin, xmax, ymax = (float(v) for v in extent)
        if (
            not all(math.isfinite(v) for v in (xmin, ymin, xmax, ymax))
            or xmax < xmin
            or ymax < ymin
        ):
            msg = f"extent should be finite (xmin, ymin, xmax, ymax), got {extent!r}"
            raise ValueError(msg)
        width_px, height_px = max(int(width_px), 1), max(int(height_px), 1)
        usable = max(1.0 - 2.0 * margin, 0.1)
        # A single point or a line has no area: show ~1 km around it rather than divide by zero.
        span_x = max(xmax - xmin, 1.0)
        span_y = max(ymax - ymin, 1.0)
        mpp = max(span_x / (width_px * usable), span_y / (height_px * usable))
        if xmax - xmin < 1.0 and ymax - ymin < 1.0:
            mpp = 1000.0 / min(width_px, height_px)
        mpp = min(max(mpp, cls.MIN_M_PER_PX), cls.MAX_M_PER_PX)
        return cls((xmin + xmax) / 2.0, (ymin + ymax) / 2.0, mpp, width_px, height_px)

    # -- coordinates -------------------------------------------------------------------------
    def world_to_screen(self, xy: np.ndarray) -> np.ndarray:
        """World metres ``(n, 2)`` → screen pixels ``(n, 2)``."""
        xy = np.asarray(xy, dtype=float).reshape(-1, 2)
        sx = (xy[:, 0] - self.center_x) / self.m_per_px + self.width_px / 2.0
        sy = self.height_px / 2.0 - (xy[:, 1] - self.center_y) / self.m_per_px
        return np.column_stack([sx, sy])

    def screen_to_world(self, sxy: np.ndarray) -> np.ndarray:
        """Screen pixels ``(n, 2)`` → world metres ``(n, 2)``."""
        sxy = np.asarray(sxy, dtype=float).reshape(-1, 2)
        x = (sxy[:, 0] - self.width_px / 2.0) * self.m_per_px + self.center_x
        y = (self.height_px / 2.0 - sxy[:, 1]) * self.m_per_px + self.center_y
        return np.column_stack([x, y])

    def extent(self) -> Extent:
        """The world rectangle on screen, metres."""
        half_w = self.width_px * self.m_per_px / 2.0
        half_h = self.height_px * self.m_per_px / 2.0
        return (
            self.center_x - half_w,
            self.center_y - half_h,
            self.center_x + half_w,
            self.center_y + half_h,
        )

    def affine(self) -> tuple[float, float, float, float, float, float]:
        """``(m11, m12, m21, m22, dx, dy)`` of the world→screen map, as `QTransform` wants it.

        ``sx = m11·x + m21·y + dx`` and ``sy = m12·x + m22·y + dy``.
        """
        k = 1.0 / self.m_per_px
        return (
            k,
            0.0,
            0.0,
            -k,
            self.width_px / 2.0 - self.center_x * k,
            self.height_px / 2.0 + self.center_y * k,
        )

    def scale_denominator(self, dpi: float) -> float:
        """The map scale 1:N on a screen of ``dpi`` dots per inch (N returned)."""
        return self.m_per_px * float(dpi) / _M_PER_INCH

    # -- navigation --------------------------------------------------------------------------
    def zoomed(self, factor: float, *, anchor: tuple[float, float] | None = None) -> ViewTransform:
        """Zoom in by ``factor`` (> 1 zooms in, < 1 out), keeping ``anchor`` (screen px) fixed.

        The world point under ``anchor`` (default: the screen centre) stays under it; the zoom
        is clamped to `MIN_M_PER_PX`..`MAX_M_PER_PX`.
        """
        if not (math.isfinite(factor) and factor > 0):
            msg = f"zoom `factor` should be a positive number, got {factor!r}"
            raise ValueError(msg)
        mpp = min(max(self.m_per_px / factor, self.MIN_M_PER_PX), self.MAX_M_PER_PX)
        if anchor is None:
            return replace(self, m_per_px=mpp)
        ax, ay = float(anchor[0]), float(anchor[1])
        wx, wy = self.screen_to_world(np.array([ax, ay]))[0]
        # Solve screen_to_world(anchor) == (wx, wy) for the new centre.
        cx = wx - (ax - self.width_px / 2.0) * mpp
        cy = wy - (self.height_px / 2.0 - ay) * mpp
        return replace(self, center_x=cx, center_y=cy, m_per_px=mpp)

    def panned(self, dx_px: float, dy_px: float) -> ViewTransform:
        """Move the map content by ``dx_px``, ``dy_px`` screen pixels (as a hand drag does)."""
        return replace(
            self,
            center_x=self.center_x - dx_px * self.m_per_px,
            center_y=self.center_y + dy_px * self.m_per_px,
        )

    def resized(self, width_px: int, height_px: int) -> ViewTransform:
        """The same centre and zoom on a screen of a new size."""
        return replace(self, width_px=max(int(width_px), 1), height_px=max(int(height_px), 1))

    def zoomed_to_box(self, x0: float, y0: float, x1: float, y1: float) -> ViewTransform:
        """The view that fills the screen with the screen rectangle between two corners (px)."""
        corners = self.screen_to_world(np.array([[x0, y0], [x1, y1]]))
        xmin, ymin = corners.min(axis=0)
        xmax, ymax = corners.max(axis=0)
        return ViewTransform.fit(
            (xmin, ymin, xmax, ymax), self.width_px, self.height_px, margin=0.0
        )


def union_extent(extents: list[Extent | None]) -> Extent | None:
    """The smallest extent holding all given extents (``None`` entries are skipped)."""
    boxes = np.array([e for e in extents if e is not None], dtype=float)
    if boxes.size == 0:
        return None
    return (
        float(boxes[:, 0].min()),
        float(boxes[:, 1].min()),
        float(boxes[:, 2].max()),
        float(boxes[:, 3].max()),
    )


def intersects(a: Extent, b: Extent) -> bool:
    """True when two extents overlap or touch."""
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]
