"""Colour-vision simulation and colour differences for the palette tests (no Qt).

Simulation: Machado, Oliveira and Fernandes (2009), "A physiologically-based model for
simulation of color vision deficiency", IEEE Transactions on Visualization and Computer
Graphics 15(6):1291-1298, the matrices of severity 1.0 (dichromacy) from the paper's
supplementary table, applied to linear-light sRGB. Difference: CIEDE2000 (Sharma, Wu and
Dalal 2005, "The CIEDE2000 color-difference formula: implementation notes, supplementary test
data, and mathematical observations", Color Research & Application 30(1):21-30), on CIELAB
with the D65 white of sRGB.
"""

from __future__ import annotations

import numpy as np

#: Machado et al. 2009, severity 1.0, linear RGB → linear RGB.
MACHADO: dict[str, np.ndarray] = {
    "protanopia": np.array(
        [
            [0.152286, 1.052583, -0.204868],
            [0.114503, 0.786281, 0.099216],
            [-0.003882, -0.048116, 1.051998],
        ]
    ),
    "deuteranopia": np.array(
        [
            [0.367322, 0.860646, -0.227968],
            [0.280085, 0.672501, 0.047413],
            [-0.011820, 0.042940, 0.968881],
        ]
    ),
    "tritanopia": np.array(
        [
            [1.255528, -0.076749, -0.178779],
            [-0.078411, 0.930809, 0.147602],
            [0.004733, 0.691367, 0.303900],
        ]
    ),
}

#: Views of a palette: as drawn, and as seen with each dichromacy.
VISIONS: tuple[str, ...] = ("normal", "protanopia", "deuteranopia")


def hex_rgb(color: str) -> np.ndarray:
    """``"#RRGGBB"`` → sRGB in 0..1."""
    text = color.lstrip("#")
    return np.array([int(text[i : i + 2], 16) / 255.0 for i in (0, 2, 4)])


def to_linear(srgb: np.ndarray) -> np.ndarray:
    """sRGB (0..1) → linear light (IEC 61966-2-1)."""
    srgb = np.asarray(srgb, dtype=float)
    return np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)


def to_srgb(linear: np.ndarray) -> np.ndarray:
    """Linear light → sRGB (0..1), clipped to the gamut."""
    linear = np.clip(np.asarray(linear, dtype=float), 0.0, 1.0)
    return np.where(linear <= 0.0031308, 12.92 * linear, 1.055 * linear ** (1 / 2.4) - 0.055)


def simulate(srgb: np.ndarray, vision: str) -> np.ndarray:
    """How ``srgb`` (0..1, shape (..., 3)) looks with ``vision`` (a key of `MACHADO`, or
    ``"normal"``)."""
    if vision == "normal":
        return np.asarray(srgb, dtype=float)
    return to_srgb(to_linear(srgb) @ MACHADO[vision].T)


def blend(color: str, background: str, opacity: float) -> np.ndarray:
    """``color`` painted at ``opacity`` over ``background``, sRGB 0..1 (as a painter blends)."""
    return opacity * hex_rgb(color) + (1.0 - opacity) * hex_rgb(background)


def lab(srgb: np.ndarray) -> np.ndarray:
    """sRGB (0..1) → CIELAB (D65)."""
    m = np.array(
        [
            [0.4124564, 0.3575761, 0.1804375],
            [0.2126729, 0.7151522, 0.0721750],
            [0.0193339, 0.1191920, 0.9503041],
        ]
    )
    xyz = to_linear(srgb) @ m.T / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.stack(
        [116 * f[..., 1] - 16, 500 * (f[..., 0] - f[..., 1]), 200 * (f[..., 1] - f[..., 2])],
        axis=-1,
    )


def lightness(srgb: np.ndarray) -> float:
    """CIELAB L* of an sRGB colour, 0 (black) to 100 (white)."""
    return float(lab(srgb)[..., 0])


def ciede2000(lab1: np.ndarray, lab2: np.ndarray) -> float:
    """CIEDE2000 colour difference of two CIELAB colours (kL = kC = kH = 1)."""
    L1, a1, b1 = (float(v) for v in lab1)
    L2, a2, b2 = (float(v) for v in lab2)
    c_mean = (np.hypot(a1, b1) + np.hypot(a2, b2)) / 2
    g = 0.5 * (1 - np.sqrt(c_mean**7 / (c_mean**7 + 25.0**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = np.hypot(a1p, b1), np.hypot(a2p, b2)
    h1p = np.degrees(np.arctan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = np.degrees(np.arctan2(b2, a2p)) % 360 if c2p else 0.0
    dL, dC = L2 - L1, c2p - c1p
    dh = 0.0
    if c1p * c2p:
        dh = h2p - h1p
        dh = dh - 360 if dh > 180 else dh + 360 if dh < -180 else dh
    dH = 2 * np.sqrt(c1p * c2p) * np.sin(np.radians(dh / 2))
    L_mean, cp_mean = (L1 + L2) / 2, (c1p + c2p) / 2
    h_mean = h1p + h2p
    if c1p * c2p:
        if abs(h1p - h2p) <= 180:
            h_mean = (h1p + h2p) / 2
        else:
            h_mean = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (
        1
        - 0.17 * np.cos(np.radians(h_mean - 30))
        + 0.24 * np.cos(np.radians(2 * h_mean))
        + 0.32 * np.cos(np.radians(3 * h_mean + 6))
        - 0.20 * np.cos(np.radians(4 * h_mean - 63))
    )
    d_theta = 30 * np.exp(-(((h_mean - 275) / 25) ** 2))
    r_c = 2 * np.sqrt(cp_mean**7 / (cp_mean**7 + 25.0**7))
    s_l = 1 + 0.015 * (L_mean - 50) ** 2 / np.sqrt(20 + (L_mean - 50) ** 2)
    s_c = 1 + 0.045 * cp_mean
    s_h = 1 + 0.015 * cp_mean * t
    r_t = -np.sin(np.radians(2 * d_theta)) * r_c
    return float(
        np.sqrt((dL / s_l) ** 2 + (dC / s_c) ** 2 + (dH / s_h) ** 2 + r_t * (dC / s_c) * (dH / s_h))
    )


def delta_e(color1: np.ndarray, color2: np.ndarray, vision: str = "normal") -> float:
    """CIEDE2000 between two sRGB colours (0..1) as seen with ``vision``."""
    return ciede2000(lab(simulate(color1, vision)), lab(simulate(color2, vision)))
