"""Point symbol outlines as closed vertex arrays in screen pixels, centred on (0, 0), y down."""

from __future__ import annotations

import numpy as np

from ccgeo.styles import symbol_outline

SYMBOLS: tuple[str, ...] = ("star", "diamond", "square", "triangle", "circle", "dot")


def _regular(n: int, radius: float, *, rotation: float = 0.0) -> np.ndarray:
    angles = rotation + np.linspace(0.0, 2.0 * np.pi, n, endpoint=False)
    ring = np.column_stack([radius * np.sin(angles), -radius * np.cos(angles)])
    return np.vstack([ring, ring[:1]])


def symbol_template(symbol: str, size_px: float) -> np.ndarray:
    """Closed outline ``(k, 2)`` of ``symbol`` about ``size_px`` wide: the shared shapes of
    `ccgeo.styles.symbol_outline`, so the canvas, the HTML map and the report draw alike."""
    return symbol_outline(symbol, size_px)


def ring_template(inner_px: float, outer_px: float) -> tuple[np.ndarray, np.ndarray]:
    """Two concentric closed circles and their subpath starts, making a ring when filled.

    The inner circle runs the other way round, so that the winding fill rule leaves it empty.
    """
    outer, inner = _regular(32, outer_px), _regular(32, inner_px)[::-1]
    starts = np.zeros(len(outer) + len(inner), dtype=bool)
    starts[[0, len(outer)]] = True
    return np.vstack([outer, inner]), starts
