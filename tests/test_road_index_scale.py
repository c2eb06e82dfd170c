"""RoadIndex against a brute-force nearest-segment search, in tiles, with progress and cancel."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from ccgeo.errors import Cancelled
from ccgeo.model import road_index
from ccgeo.model.road_index import RoadIndex


def _roads(seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Random edges: long straight ones, winding ones, repeated and zero-length segments, edges
    of one vertex and of none."""
    rng = np.random.default_rng(seed)
    edges = []
    for _ in range(300):  # long straight roads, up to 8 km
        a = rng.uniform(0, 20_000, 2)
        edges.append(np.array([a, a + rng.uniform(-8000, 8000, 2)]))
    for _ in range(300):  # winding streets of short segments
        steps = rng.normal(0, 40, (int(rng.integers(2, 30)), 2))
        edges.append(rng.uniform(0, 20_000, 2) + np.cumsum(steps, axis=0))
    for i in range(0, 40, 2):  # the same road twice, one of them backwards
        edges.append(edges[i][::-1].copy())
    for _ in range(20):  # a point road, and a road with a segment repeated and a stop
        a = rng.uniform(0, 20_000, 2)
        b = a + rng.uniform(-300, 300, 2)
        edges.append(np.array([a, a]))
        edges.append(np.array([a, b, b, a, b]))
    edges.insert(5, np.zeros((0, 2)))
    edges.insert(9, rng.uniform(0, 20_000, (1, 2)))
    offsets = np.r_[0, np.cumsum([len(e) for e in edges])]
    return np.concatenate(edges), offsets


def _brute(xy: np.ndarray, vertex_xy: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """Distance from each point to the nearest segment, every segment tried."""
    counts = np.diff(offsets)
    joins = np.ones(len(vertex_xy) - 1, dtype=bool)
    joins[offsets[1:][counts > 0][:-1] - 1] = False
    a, b = vertex_xy[:-1][joins], vertex_xy[1:][joins]
    d = b - a
    length2 = np.einsum("ij,ij->i", d, d)
    r = xy[:, None, :] - a[None]
    t = np.clip(
        np.divide((r * d).sum(-1), length2, out=np.zeros(r.shape[:2]), where=length2 > 0), 0, 1
    )
    return np.hypot(*(r - t[..., None] * d).transpose(2, 0, 1)).min(axis=1)


def _point_at(vertex_xy: np.ndarray, offsets: np.ndarray, edge: int, fraction: float) -> np.ndarray:
    """The point ``fraction`` of the way along ``edge``."""
    line = vertex_xy[offsets[edge] : offsets[edge + 1]]
    seg = np.hypot(*np.diff(line, axis=0).T)
    if seg.sum() == 0:
        return line[0]
    along = fraction * seg.sum()
    cum = np.r_[0, np.cumsum(seg)]
    j = min(int(np.searchsorted(cum, along, side="right")) - 1, len(seg) - 1)
    share = (along - cum[j]) / seg[j] if seg[j] > 0 else 0.0
    return line[j] + share * (line[j + 1] - line[j])


@pytest.fixture
def small_tiles(monkeypatch):
    """Tiles of a few hundred pieces, so that a point's nearest road often lies in another."""
    monkeypatch.setattr(road_index, "_TILE_PIECES", 300)


@pytest.mark.parametrize("seed", [0, 1])
def test_nearest_is_exact_against_brute_force(small_tiles, seed):
    vertex_xy, offsets = _roads(seed)
    index = RoadIndex(vertex_xy, offsets)
    assert len(index._tiles) > 5
    rng = np.random.default_rng(100 + seed)
    pts = np.concatenate(
        [
            rng.uniform(-2000, 22_000, (1500, 2)),
            vertex_xy[rng.integers(0, len(vertex_xy), 200)] + rng.normal(0, 1, (200, 2)),
            rng.uniform(-300_000, 300_000, (100, 2)),  # far from every road
        ]
    )
    want = _brute(pts, vertex_xy, offsets)
    got = index.nearest(pts)
    np.testing.assert_allclose(got.metres, want, atol=1e-6)
    assert (got.fraction >= 0).all()
    assert (got.fraction <= 1).all()
    for i in rng.choice(len(pts), 300, replace=False):
        on_road = _point_at(vertex_xy, offsets, int(got.edge[i]), float(got.fraction[i]))
        assert np.hypot(*(on_road - pts[i])) == pytest.approx(want[i], abs=1e-6)
    for max_m in (0.5, 150.0, 2000.0):
        bounded = index.nearest(pts, max_m=max_m)
        inside = want <= max_m
        assert ((bounded.edge >= 0) == inside).all()
        np.testing.assert_allclose(bounded.metres[inside], want[inside], atol=1e-6)
        assert np.isinf(bounded.metres[~inside]).all()
        assert np.isnan(bounded.fraction[~inside]).all()


def test_long_pieces_and_one_tile_give_the_same_answer(monkeypatch):
    """Pieces four times longer (fewer points, more second searches) change no distance."""
    vertex_xy, offsets = _roads(3)
    pts = np.random.default_rng(3).uniform(-1000, 21_000, (2000, 2))
    short = RoadIndex(vertex_xy, offsets).nearest(pts)
    monkeypatch.setattr(road_index, "_PIECES_PER_SEGMENT", 1.01)
    monkeypatch.setattr(road_index, "_TILE_PIECES", 500)
    coarse = RoadIndex(vertex_xy, offsets)
    np.testing.assert_allclose(coarse.nearest(pts).metres, short.metres, atol=1e-6)
    np.testing.assert_allclose(short.metres, _brute(pts, vertex_xy, offsets), atol=1e-6)


def test_pieces_cover_each_edge_once(small_tiles):
    vertex_xy, offsets = _roads(4)
    index = RoadIndex(vertex_xy, offsets)
    edges = np.array([0, 3, 5, 9, 300, 301, len(offsets) - 2])
    pieces = index.pieces(edges)
    assert set(pieces.edge.tolist()) == {0, 3, 300, 301, len(offsets) - 2}  # 5, 9: no segment
    for e in set(pieces.edge.tolist()):
        mine = np.flatnonzero(pieces.edge == e)
        lengths = np.hypot(*pieces.step[mine].T)
        line = vertex_xy[offsets[e] : offsets[e + 1]]
        assert lengths.sum() == pytest.approx(np.hypot(*np.diff(line, axis=0).T).sum())
        assert pieces.edge_length[mine] == pytest.approx(lengths.sum())
        np.testing.assert_allclose(pieces.along[mine], np.cumsum(lengths) - lengths, atol=1e-9)
        np.testing.assert_allclose(pieces.start[mine[0]], line[0])
        np.testing.assert_allclose(pieces.start[mine[-1]] + pieces.step[mine[-1]], line[-1])


def test_an_index_without_roads_finds_nothing():
    index = RoadIndex(np.zeros((1, 2)), np.array([0, 1]))
    got = index.nearest(np.array([[1.0, 2.0]]))
    assert len(index) == 0
    assert got.edge[0] == -1
    assert np.isinf(got.metres[0])
    assert len(index.pieces(np.array([0]))) == 0


def test_build_reports_progress_and_stops_when_cancelled(small_tiles):
    vertex_xy, offsets = _roads(5)
    seen = []
    RoadIndex(vertex_xy, offsets, progress=lambda f, text: seen.append((f, text)))
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions)
    assert fractions[-1] == 1.0
    assert len(fractions) > 5
    assert all(text for _, text in seen)
    cancel = threading.Event()

    def stop_midway(fraction: float, text: str) -> None:
        if fraction > 0.3:
            cancel.set()

    with pytest.raises(Cancelled):
        RoadIndex(vertex_xy, offsets, progress=stop_midway, cancel=cancel)
