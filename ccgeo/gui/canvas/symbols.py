"""Point symbol outlines as closed vertex arrays in screen pixels, centred on (0, 0), y down."""

from __future__ import annotations

import numpy as np

SYMBOLS: tuple[str, ...] = ("star", "diamond", "square", "triangle", "circle", "dot")


def _regular(n: int, radius: float, *, rotation: float = 0.0) -> np.ndarray:
    angles = rotation + np.linspace(0.0, 2.0 * np.pi, n, endpoint=False)
    ring = np.column_stack([radius * np.sin(angles), -radius * np.cos(angles)])
    return np.vstack([ring, ring[:1]])


def symbol_template(symbol: str, size_px: float) -> np.ndarray:
    """Closed outline ``(k, 2)`` of ``symbol`` whose bounding box is about ``size_px`` wide.

    Shapes are scaled so that they look equally heavy: a square of ``size`` looks larger than a
    circle of the same ``size``, so it is drawn a little smaller.
    """
    r = size_px / 2.0
    if symbol in ("circle", "dot"):
        return _regular(24, r)
    if symbol == "square":
        return _regular(4, r * 1.2, rotation=np.pi / 4)
    if symbol == "diamond":
        return _regular(4, r * 1.05)
    if symbol == "triangle":
        # Centred on its centroid so that it sits on the location.
        return _regular(3, r * 1.15)
    if symbol == "star":
        angles = np.linspace(0.0, 2.0 * np.pi, 10, endpoint=False)
        radii = np.where(np.arange(10) % 2 == 0, r, r * 0.45)
        ring = np.column_stack([radii * np.sin(angles), -radii * np.cos(angles)])
        return np.vstack([ring, ring[:1]])
    msg = f"`symbol` should be one of {', '.join(SYMBOLS)}, got {symbol!r}"
    raise ValueError(msg)


def ring_template(inner_px: float, outer_px: float) -> tuple[np.ndarray, np.ndarray]:
    """Two concentric closed circles and their subpath starts, making a ring when filled.

    The inner circle runs the other way round, so that the winding fill rule leaves it empty.
    """
    outer, inner = _regular(32, outer_px), _regular(32, inner_px)[::-1]
    starts = np.zeros(len(outer) + len(inner), dtype=bool)
    starts[[0, len(outer)]] = True
    return np.vstack([outer, inner]), starts
