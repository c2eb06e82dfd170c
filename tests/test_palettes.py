"""Every map colour scheme of `ccgeo.styles` reads for the colour-blind (no Qt).

The app's canvas, the HTML map and the PDF report draw from these palettes, so one test covers
the three. Each scheme is seen three ways: as drawn, and as a person with protanopia or
deuteranopia sees it (the dichromacies of about 2 % of men; the anomalous trichromacies are
milder forms of the same), simulated with Machado, Oliveira and Fernandes (2009), severity 1.0
(see `colour_vision`).

The rule: neighbouring classes differ by a CIEDE2000 ΔE of at least `MIN_DELTA_E` = 10 in every
one of the three views. A ΔE2000 of about 1 is a just-noticeable difference of two large patches
side by side in ideal light, and about 2.3 the usual JND quoted for displays (Sharma 2003);
a map class is matched against a small legend swatch across the page, on a projector or a
cheap laptop screen, often through a translucent fill, so we ask for four JNDs and more: 10 is
also where colours are told apart at a glance rather than by comparison (the threshold of
"clearly different" categorical colours in the colour-palette literature, e.g. the 10-unit
steps of Brewer's sequential schemes). Translucent fills are judged as drawn: blended over the
land colour at their opacity. Sequential schemes must also be monotonic in CIELAB lightness L*
in every view, so that "more" reads as "darker" (or "lighter") for everyone.
"""

from __future__ import annotations

import numpy as np
import pytest
from colour_vision import VISIONS, blend, delta_e, hex_rgb, lightness, simulate

from ccgeo import styles

#: Least CIEDE2000 difference between neighbouring classes, in every view (module docstring).
MIN_DELTA_E = 10.0
#: Catchment bands a planner asks for: 1 to 5 thresholds (the default is 3).
BAND_COUNTS = (2, 3, 4, 5)
#: Levels of the continuous population ramp told apart on its legend.
POPULATION_LEVELS = 5


def _seen(colors: list[np.ndarray], vision: str) -> list[np.ndarray]:
    return [simulate(c, vision) for c in colors]


def _neighbour_problems(name: str, colors: list[np.ndarray]) -> list[str]:
    """Neighbours closer than `MIN_DELTA_E` in any view, as readable lines."""
    problems = []
    for vision in VISIONS:
        for i in range(len(colors) - 1):
            de = delta_e(colors[i], colors[i + 1], vision)
            if de < MIN_DELTA_E:
                problems.append(f"{name}: classes {i} and {i + 1} ΔE2000 {de:.1f} ({vision})")
    return problems


def _pair_problems(name: str, colors: dict[str, np.ndarray]) -> list[str]:
    """Any two of ``colors`` (a categorical scheme: every class may touch every other)."""
    problems = []
    keys = list(colors)
    for vision in VISIONS:
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                de = delta_e(colors[a], colors[b], vision)
                if de < MIN_DELTA_E:
                    problems.append(f"{name}: {a} and {b} ΔE2000 {de:.1f} ({vision})")
    return problems


def _monotonic_problems(name: str, colors: list[np.ndarray]) -> list[str]:
    problems = []
    for vision in VISIONS:
        lightnesses = np.array([lightness(c) for c in _seen(colors, vision)])
        steps = np.diff(lightnesses)
        if not ((steps > 0).all() or (steps < 0).all()):
            shown = ", ".join(f"{v:.0f}" for v in lightnesses)
            problems.append(f"{name}: lightness not monotonic ({vision}): {shown}")
    return problems


def _band_fills(n: int) -> list[np.ndarray]:
    """The ``n`` bands as the map draws them: translucent over the land colour."""
    return [blend(c, styles.BACKGROUND, styles.BAND_OPACITY) for c in styles.band_colors(n)]


def _underserved_fill() -> np.ndarray:
    return blend(styles.UNDERSERVED_FILL, styles.BACKGROUND, styles.UNDERSERVED_OPACITY)


@pytest.mark.parametrize("n", BAND_COUNTS)
def test_catchment_bands_stay_apart_and_darken_towards_the_labs(n: int) -> None:
    bands = _band_fills(n)
    swatches = [hex_rgb(c) for c in styles.band_colors(n)]
    problems = _neighbour_problems(f"{n} bands as drawn", bands)
    problems += _neighbour_problems(f"{n} band swatches", swatches)
    problems += _monotonic_problems(f"{n} bands", bands)
    # underserved areas lie beyond the farthest band and over the bare land
    under = _underserved_fill()
    problems += _neighbour_problems("farthest band, underserved", [bands[-1], under])
    problems += _neighbour_problems("land, underserved", [hex_rgb(styles.BACKGROUND), under])
    assert not problems, "\n".join(problems)


def test_nearest_band_is_the_darkest() -> None:
    lightnesses = [lightness(c) for c in _band_fills(3)]
    assert lightnesses == sorted(lightnesses)


def test_population_ramp_reads_light_to_dark_for_everyone() -> None:
    levels = styles.ramp_rgb(np.linspace(0.0, 1.0, POPULATION_LEVELS)) / 255.0
    alpha = styles.POPULATION_ALPHA / 255.0
    land = hex_rgb(styles.BACKGROUND)
    shown = [alpha * c + (1.0 - alpha) * land for c in levels]
    problems = _neighbour_problems("population levels as drawn", shown)
    fine = styles.ramp_rgb(np.linspace(0.0, 1.0, 64)) / 255.0
    problems += _monotonic_problems("population ramp", list(fine))
    assert not problems, "\n".join(problems)


def test_road_classes_read_apart_by_lightness() -> None:
    roads = styles.ROAD_STYLES
    problems = []
    # the 1-pixel solid streets are told apart by colour alone; the main roads by colour and width
    for name, keys in (
        ("streets", ("other", "service", "minor", "tertiary")),
        ("main roads", ("secondary", "primary", "trunk", "motorway")),
    ):
        assert {roads[k].dash for k in keys} == {"solid"}
        colors = [hex_rgb(roads[k].color) for k in keys]
        problems += _neighbour_problems(name, colors)
        problems += _monotonic_problems(name, colors)
    assert not problems, "\n".join(problems)


def test_facility_tiers_stay_apart() -> None:
    fills = {k: hex_rgb(s.fill) for k, s in styles.FACILITY_STYLES.items()}
    assert not _pair_problems("facility tiers", fills), "\n".join(
        _pair_problems("facility tiers", fills)
    )


def test_couriers_stay_apart_from_each_other_and_from_no_courier() -> None:
    colors = {c: hex_rgb(c) for c in styles.COURIER_COLORS}
    colors["no courier"] = hex_rgb(styles.NO_COURIER_COLOR)
    problems = _pair_problems("couriers", colors)
    assert not problems, "\n".join(problems)


def test_scenario_differences_stay_apart() -> None:
    """Gain, loss and unchanged of a scenario difference map, any two of them."""
    colors = getattr(styles, "DIFFERENCE_COLORS", None)
    if colors is None:
        pytest.skip("no scenario difference map in this version")
    problems = _pair_problems("differences", {k: hex_rgb(c) for k, c in colors.items()})
    assert not problems, "\n".join(problems)


def test_siting_and_what_if_marks_stay_apart_from_what_they_sit_on() -> None:
    """Marks that share a shape or touch: the proposed hub's star and the NGS star, the upgrade
    ring and the quality ring, a what-if hub's disc and the round facility symbols, the
    highlight and the underserved outline, bands and land it is drawn over."""
    s = styles
    pairs = {
        "proposed hub / NGS star": (s.HUB_STYLE.fill, s.FACILITY_STYLES["ngs"].fill),
        "upgrade ring / quality ring": (s.UPGRADE_COLOR, s.QUALITY_RING_COLOR),
        "what-if hub / biopsy circle": (s.CANDIDATE_HUB_COLOR, s.FACILITY_STYLES["biopsy"].fill),
        "what-if hub / no-capability dot": (s.CANDIDATE_HUB_COLOR, s.FACILITY_STYLES["none"].fill),
        "highlight / underserved outline": (s.HIGHLIGHT_COLOR, s.UNDERSERVED_OUTLINE),
        "highlight / land": (s.HIGHLIGHT_COLOR, s.BACKGROUND),
    }
    problems = []
    for name, (a, b) in pairs.items():
        problems += _neighbour_problems(name, [hex_rgb(a), hex_rgb(b)])
    for i, band in enumerate(_band_fills(max(BAND_COUNTS))):
        problems += _neighbour_problems(f"highlight / band {i}", [hex_rgb(s.HIGHLIGHT_COLOR), band])
    assert not problems, "\n".join(problems)


def test_the_simulation_matches_published_values() -> None:
    """The simulation and ΔE are right: pure red seen by a protanope is dark (Machado et al.),
    white and black stay themselves, and CIEDE2000 gives Sharma et al.'s test values."""
    from colour_vision import ciede2000

    red = simulate(hex_rgb("#FF0000"), "protanopia")
    assert lightness(red) < lightness(hex_rgb("#FF0000")) - 10
    for vision in VISIONS:
        assert np.allclose(simulate(np.ones(3), vision), 1.0, atol=0.02)
        assert np.allclose(simulate(np.zeros(3), vision), 0.0)
    sharma = [
        ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
        ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
        ((22.7233, 20.0904, -46.6940), (23.0331, 14.9730, -42.5619), 2.0373),
        ((50.0, 2.5, 0.0), (50.0, 0.0, -2.5), 4.3065),
    ]
    for lab1, lab2, expected in sharma:
        assert ciede2000(np.array(lab1), np.array(lab2)) == pytest.approx(expected, abs=1e-4)
