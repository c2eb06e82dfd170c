"""ViewTransform: the pure world↔screen arithmetic of the map canvas (no Qt)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ccgeo.render.view import ViewTransform, intersects, union_extent

coords = st.floats(-1e7, 1e7, allow_nan=False)
scales = st.floats(0.05, 5000.0, allow_nan=False)
sizes = st.integers(1, 4000)


@given(cx=coords, cy=coords, mpp=scales, w=sizes, h=sizes, x=coords, y=coords)
def test_world_screen_round_trip(cx, cy, mpp, w, h, x, y):
    view = ViewTransform(cx, cy, mpp, w, h)
    back = view.screen_to_world(view.world_to_screen(np.array([[x, y]])))
    assert back[0] == pytest.approx([x, y], abs=1e-6 * max(1.0, abs(x), abs(y)))


def test_screen_axes_point_east_and_south():
    view = ViewTransform(1000.0, 2000.0, 10.0, 200, 100)
    assert view.world_to_screen(np.array([1000.0, 2000.0]))[0] == pytest.approx([100, 50])
    east, north = view.world_to_screen(np.array([[1100.0, 2000.0], [1000.0, 2100.0]]))
    assert east == pytest.approx([110, 50])  # 100 m east = 10 px right
    assert north == pytest.approx([100, 40])  # 100 m north = 10 px up


@given(factor=st.floats(0.1, 10.0), ax=st.floats(0, 800), ay=st.floats(0, 600), mpp=scales)
def test_zoom_about_point_keeps_the_point_fixed(factor, ax, ay, mpp):
    view = ViewTransform(500_000.0, 1_900_000.0, mpp, 800, 600)
    before = view.screen_to_world(np.array([ax, ay]))[0]
    zoomed = view.zoomed(factor, anchor=(ax, ay))
    after = zoomed.screen_to_world(np.array([ax, ay]))[0]
    assert after == pytest.approx(before, abs=1e-6)
    expected = min(max(mpp / factor, ViewTransform.MIN_M_PER_PX), ViewTransform.MAX_M_PER_PX)
    assert zoomed.m_per_px == pytest.approx(expected)


def test_zoom_is_clamped():
    view = ViewTransform(0, 0, 1.0, 100, 100)
    assert view.zoomed(1e9).m_per_px == ViewTransform.MIN_M_PER_PX
    assert view.zoomed(1e-12).m_per_px == ViewTransform.MAX_M_PER_PX
    with pytest.raises(ValueError, match="factor"):
        view.zoomed(0.0)


def test_pan_moves_content_with_the_drag():
    view = ViewTransform(0.0, 0.0, 2.0, 100, 100)
    point = np.array([[10.0, 10.0]])
    panned = view.panned(30.0, -20.0)
    assert panned.world_to_screen(point)[0] == pytest.approx(
        view.world_to_screen(point)[0] + [30, -20]
    )


@given(
    x0=coords,
    y0=coords,
    dx=st.floats(0, 1e6),
    dy=st.floats(0, 1e6),
    w=st.integers(50, 3000),
    h=st.integers(50, 3000),
)
def test_fit_shows_the_whole_extent(x0, y0, dx, dy, w, h):
    view = ViewTransform.fit((x0, y0, x0 + dx, y0 + dy), w, h)
    corners = view.world_to_screen(np.array([[x0, y0], [x0 + dx, y0 + dy]]))
    assert (corners[:, 0] >= -1e-6).all()
    assert (corners[:, 0] <= w + 1e-6).all()
    assert (corners[:, 1] >= -1e-6).all()
    assert (corners[:, 1] <= h + 1e-6).all()
    assert view.center_x == pytest.approx(x0 + dx / 2)


def test_fit_fills_the_limiting_side():
    view = ViewTransform.fit((0, 0, 1000, 500), 200, 200, margin=0.0)
    assert view.m_per_px == pytest.approx(5.0)  # the 1000 m width fills the 200 px
    assert view.extent() == pytest.approx((0, -250, 1000, 750))


def test_fit_of_a_point_shows_its_surroundings():
    view = ViewTransform.fit((5.0, 5.0, 5.0, 5.0), 400, 200)
    assert view.m_per_px == pytest.approx(5.0)  # about 1 km across the short side


def test_fit_rejects_bad_extent():
    with pytest.raises(ValueError, match="finite"):
        ViewTransform.fit((0, 0, float("nan"), 1), 10, 10)
    with pytest.raises(ValueError, match="xmin"):
        ViewTransform.fit((10, 0, 0, 1), 10, 10)


def test_zoom_to_box_shows_the_box():
    view = ViewTransform(0.0, 0.0, 10.0, 400, 400)
    boxed = view.zoomed_to_box(100, 100, 300, 200)
    world = view.screen_to_world(np.array([[100, 100], [300, 200]]))
    screen = boxed.world_to_screen(world)
    assert screen[:, 0] == pytest.approx([0, 400])
    assert boxed.m_per_px == pytest.approx(5.0)


def test_affine_matches_world_to_screen():
    view = ViewTransform(123.0, -45.0, 3.5, 640, 480)
    m11, m12, m21, m22, dx, dy = view.affine()
    xy = np.array([[1000.0, -2000.0], [0.0, 0.0]])
    sx = m11 * xy[:, 0] + m21 * xy[:, 1] + dx
    sy = m12 * xy[:, 0] + m22 * xy[:, 1] + dy
    assert np.column_stack([sx, sy]) == pytest.approx(view.world_to_screen(xy))


def test_scale_denominator():
    # 96 dpi: one pixel is 0.2646 mm; 6.6146 m per pixel is 1:25,000.
    view = ViewTransform(0, 0, 25_000 * 0.0254 / 96, 10, 10)
    assert view.scale_denominator(96) == pytest.approx(25_000)


def test_invalid_views_are_rejected():
    with pytest.raises(ValueError, match="m_per_px"):
        ViewTransform(0, 0, 0.0, 10, 10)
    with pytest.raises(ValueError, match="screen size"):
        ViewTransform(0, 0, 1.0, 0, 10)


def test_extent_helpers():
    assert union_extent([None, (0, 0, 1, 1), (-1, 2, 0.5, 3)]) == (-1, 0, 1, 3)
    assert union_extent([None]) is None
    assert intersects((0, 0, 1, 1), (1, 1, 2, 2))
    assert not intersects((0, 0, 1, 1), (1.5, 0, 2, 1))
