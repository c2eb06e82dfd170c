"""Tiny synthetic road networks for tests: straight edges, grids, random grids."""

from __future__ import annotations

import numpy as np

from ccgeo.geo import great_circle_m
from ccgeo.model.roads import RoadData

LON0, LAT0, STEP = -96.72, 17.06, 0.002  # Oaxaca; 0.002 degrees is about 210 m


def make_roads(
    node_lonlat: np.ndarray,
    edges: list[tuple[int, int]],
    *,
    highway: list[str] | str = "residential",
    oneway: list[int] | None = None,
    maxspeed: list[float] | None = None,
    surface: list[str] | None = None,
    length_m: list[float] | None = None,
    modes: list[int] | None = None,
    mode: str = "all",
) -> RoadData:
    """Road arrays with straight edges (great-circle lengths unless given)."""
    lonlat = np.asarray(node_lonlat, dtype=np.float64)
    m = len(edges)
    u = np.array([e[0] for e in edges], dtype=np.int64)
    v = np.array([e[1] for e in edges], dtype=np.int64)
    if length_m is None:
        length = great_circle_m(lonlat[u, 0], lonlat[u, 1], lonlat[v, 0], lonlat[v, 1])
    else:
        length = np.asarray(length_m, dtype=np.float64)
    classes = [highway] * m if isinstance(highway, str) else list(highway)
    return RoadData(
        node_osmid=np.arange(1000, 1000 + len(lonlat), dtype=np.int64),
        node_lonlat=lonlat,
        edge_u=u,
        edge_v=v,
        edge_length_m=np.asarray(length, dtype=np.float64),
        edge_highway=np.array(classes, dtype=object),
        edge_maxspeed_kmh=np.array(maxspeed if maxspeed else [np.nan] * m, dtype=np.float64),
        edge_oneway=np.array(oneway if oneway else [0] * m, dtype=np.int8),
        edge_surface=np.array(surface if surface else [""] * m, dtype=object),
        edge_way_id=np.arange(m, dtype=np.int64) + 500,
        geom_offsets=np.arange(0, 2 * m + 1, 2, dtype=np.int64),
        geom_lonlat=np.column_stack([lonlat[u], lonlat[v]]).reshape(-1, 2),
        source="synthetic",
        mode=mode,
        edge_modes=None if modes is None else np.array(modes, dtype=np.uint8),
    )


def grid_roads(size: int = 3, **kwargs: object) -> RoadData:
    """A ``size`` × ``size`` street grid; node ``r * size + c`` at row r, column c."""
    lonlat = np.array(
        [(LON0 + c * STEP, LAT0 + r * STEP) for r in range(size) for c in range(size)]
    )
    edges = [(r * size + c, r * size + c + 1) for r in range(size) for c in range(size - 1)]
    edges += [(r * size + c, (r + 1) * size + c) for r in range(size - 1) for c in range(size)]
    return make_roads(lonlat, edges, **kwargs)  # type: ignore[arg-type]


def random_roads(size: int, seed: int) -> RoadData:
    """A grid with random classes, one-way streets, surfaces and a few missing blocks."""
    rng = np.random.default_rng(seed)
    base = grid_roads(size)
    keep = rng.random(base.n_edges) > 0.1
    u, v = base.edge_u[keep], base.edge_v[keep]
    flip = rng.random(len(u)) < 0.5
    u, v = np.where(flip, v, u), np.where(flip, u, v)
    classes = rng.choice(["primary", "secondary", "residential", "service", "track"], len(u))
    return make_roads(
        base.node_lonlat,
        list(zip(u.tolist(), v.tolist(), strict=True)),
        highway=classes.tolist(),
        oneway=(rng.random(len(u)) < 0.3).astype(int).tolist(),
        surface=rng.choice(["", "asphalt", "dirt"], len(u)).tolist(),
    )
