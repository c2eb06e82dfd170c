"""A synthetic national road network over a population raster, for tests and benchmarks.

Run ``python tests/bench/national.py --edges 1_000_000 --seed 1 --out malawi.osm.pbf`` to write
an OSM PBF; tests and benchmarks call `national_grid` for a `RoadData` directly (no file).

How the network is laid, all vectorised with numpy (8M edges in well under a minute):

- the raster (``WP_2020_1km_STD.tif``, people per ~1 km cell) is summed into blocks of ``f x f``
  cells, ``f`` chosen so that the coarsest network still fits the target;
- a block is *active* when enough people live there, or, sparsely, at random where few do;
  every active block has a hub node, and hubs of active neighbouring blocks (4-neighbours) are
  joined: tracks and unclassified roads in empty country, tertiary and secondary roads where
  people are;
- corridors between the largest population centres (a minimum spanning tree of them) run from
  block to block as trunk (between the 5 largest) and primary roads, paved;
- each active block holds an ``s x s`` street lattice around its hub, ``s`` growing with the
  square root of its density (residential streets in towns, tertiary/secondary through the
  middle of dense blocks, unclassified and tracks in villages); one scale factor, found by
  bisection, makes the edge count meet the target;
- surfaces: mostly paved on trunk and primary roads, mostly unpaved (``unpaved``, ``dirt``,
  ``gravel``, ``ground``) on unclassified roads and tracks;
- labs: one at the hub of each of the largest centres.

Same seed and target, same network (every random draw comes from one seeded generator).
"""

from __future__ import annotations

import argparse
import itertools
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ccgeo.model.roads import RoadData

ROOT = Path(__file__).resolve().parents[2]
MALAWI = ROOT.parent / "shared" / "data" / "malawi_national" / "WP_2020_1km_STD.tif"

#: Highway classes by rank (higher is more important); rank 0 means no road.
CLASSES = ("", "track", "unclassified", "residential", "tertiary", "secondary", "primary", "trunk")
TRACK, UNCLASSIFIED, RESIDENTIAL, TERTIARY, SECONDARY, PRIMARY, TRUNK = range(1, 8)
#: Share of paved edges per class rank.
PAVED_SHARE = np.array([0.0, 0.02, 0.15, 0.5, 0.4, 0.7, 0.92, 0.98])
UNPAVED = np.array(["unpaved", "dirt", "gravel", "ground"], dtype=object)
#: People per km² above which a block's joins to its neighbours are tertiary / secondary, and
#: its own streets residential (town) rather than unclassified (village).
TERTIARY_DENSITY, SECONDARY_DENSITY, TOWN_DENSITY = 150.0, 1000.0, 400.0
#: People per km² above which a block is always active; below, it is active with this chance.
ACTIVE_DENSITY, RURAL_CHANCE = 8.0, 0.35
#: Closest street spacing inside a block, metres (the lattice stops growing there).
MIN_SPACING_M = 60.0
#: Largest centres joined by corridors, and the least distance between two of them, blocks of 1 km.
N_CENTRES, CENTRE_SEPARATION_KM = 16, 35.0


@dataclass(frozen=True, eq=False)
class NationalGrid:
    """A synthetic national network and what a benchmark needs with it.

    Attributes
    ----------
    roads : RoadData
        The network, EPSG:4326.
    labs_lonlat : float64 (k, 2)
        Labs at the hubs of the largest centres, degrees.
    block_km : int
        Side of the blocks the raster was summed into, raster cells (~1 km).
    """

    roads: RoadData
    labs_lonlat: np.ndarray
    block_km: int


@dataclass(frozen=True)
class _Blocks:
    people: np.ndarray  # (h, w) people per block
    density: np.ndarray  # (h, w) people per km²
    transform: tuple[float, float, float, float]  # lon0, dlon, lat0, dlat of one raster cell
    f: int


def read_population(path: Path = MALAWI) -> tuple[np.ndarray, tuple[float, float, float, float]]:
    """People per raster cell (nodata as 0) and ``(lon0, dlon, lat0, dlat)`` of the raster."""
    import rasterio

    with rasterio.open(path) as src:
        pop = src.read(1).astype(np.float64)
        t = src.transform
    pop[~np.isfinite(pop) | (pop < 0)] = 0.0
    return pop, (t.c, t.a, t.f, t.e)


def _blocks(pop: np.ndarray, transform: tuple[float, float, float, float], f: int) -> _Blocks:
    h, w = -(-pop.shape[0] // f), -(-pop.shape[1] // f)
    padded = np.zeros((h * f, w * f))
    padded[: pop.shape[0], : pop.shape[1]] = pop
    people = padded.reshape(h, f, w, f).sum(axis=(1, 3))
    return _Blocks(people, people / (f * f), transform, f)


def _centres(blocks: _Blocks) -> np.ndarray:
    """``(k, 2)`` row, col of the largest centres, far enough apart, largest first."""
    order = np.argsort(blocks.people, axis=None)[::-1][:5000]
    rc = np.column_stack(np.unravel_index(order, blocks.people.shape)).astype(np.float64)
    picked: list[int] = []
    gap = CENTRE_SEPARATION_KM / blocks.f
    for i in range(len(rc)):
        if all(np.hypot(*(rc[i] - rc[j])) >= gap for j in picked):
            picked.append(i)
            if len(picked) == N_CENTRES:
                break
    return rc[picked].astype(np.int64)


def _corridors(blocks: _Blocks, centres: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Class ranks of the joins to the right (h, w) and downward (h, w) along the corridors."""
    from scipy.sparse.csgraph import minimum_spanning_tree

    h, w = blocks.people.shape
    right, down = np.zeros((h, w), np.int8), np.zeros((h, w), np.int8)
    dist = np.hypot(*(centres[:, None, :] - centres[None, :, :]).transpose(2, 0, 1))
    tree = minimum_spanning_tree(dist).tocoo()
    for a, b in zip(tree.row, tree.col, strict=True):
        rank = TRUNK if max(a, b) < 5 else PRIMARY
        steps = _staircase(centres[a], centres[b])
        for (r0, c0), (r1, c1) in itertools.pairwise(steps):
            grid, r, c = (right, r0, min(c0, c1)) if r0 == r1 else (down, min(r0, r1), c0)
            grid[r, c] = max(grid[r, c], rank)
    return right, down


def _staircase(a: np.ndarray, b: np.ndarray) -> list[tuple[int, int]]:
    """Blocks from ``a`` to ``b`` (row, col) along a straight line, in 4-neighbour steps."""
    n = 2 * int(abs(b - a).sum()) + 2
    line = np.rint(a + np.linspace(0.0, 1.0, n)[:, None] * (b - a)).astype(np.int64)
    out = [tuple(line[0])]
    for r, c in line[1:]:
        r0, c0 = out[-1]
        if (r, c) == (r0, c0):
            continue
        if r != r0 and c != c0:
            out.append((r0, c))
        out.append((int(r), int(c)))
    return [(int(r), int(c)) for r, c in out]


def _join_ranks(density: np.ndarray) -> np.ndarray:
    """Class rank of a join between blocks of this (lower) density."""
    return np.select(
        [density >= SECONDARY_DENSITY, density >= TERTIARY_DENSITY, density >= 20.0],
        [SECONDARY, TERTIARY, UNCLASSIFIED],
        TRACK,
    ).astype(np.int8)


def _joins(blocks: _Blocks, active: np.ndarray, corridors: tuple[np.ndarray, np.ndarray]):
    """Hub-to-hub joins: block ids (row-major) ``a``, ``b`` and class ranks."""
    h, w = active.shape
    ids = np.arange(h * w).reshape(h, w)
    out_a, out_b, out_rank = [], [], []
    for grid, sl_a, sl_b in (
        (corridors[0], np.s_[:, :-1], np.s_[:, 1:]),
        (corridors[1], np.s_[:-1, :], np.s_[1:, :]),
    ):
        both = active[sl_a] & active[sl_b]
        rank = np.maximum(
            _join_ranks(np.minimum(blocks.density[sl_a], blocks.density[sl_b])), grid[sl_a]
        )
        out_a.append(ids[sl_a][both])
        out_b.append(ids[sl_b][both])
        out_rank.append(rank[both])
    return np.concatenate(out_a), np.concatenate(out_b), np.concatenate(out_rank)


def _lattice_sides(blocks: _Blocks, active: np.ndarray, scale: float) -> np.ndarray:
    """Side ``s`` of each block's street lattice (0 where inactive)."""
    most = max(1, int(blocks.f * 1000.0 / MIN_SPACING_M))
    s = 1 + np.floor(scale * blocks.f * np.sqrt(blocks.density)).astype(np.int64)
    return np.where(active, np.minimum(s, most), 0)


def _solve_scale(blocks: _Blocks, active: np.ndarray, n_joins: int, edges: int) -> float:
    """Scale of the lattices so that joins plus lattice edges come nearest ``edges``."""

    def total(scale: float) -> int:
        s = _lattice_sides(blocks, active, scale)
        return n_joins + int((2 * s * (s - 1)).sum())

    lo, hi = 0.0, 1.0
    while total(hi) < edges and hi < 1e6:
        hi *= 2.0
    for _ in range(50):
        mid = (lo + hi) / 2.0
        lo, hi = (mid, hi) if total(mid) < edges else (lo, mid)
    return hi


def _expand(counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For items counted per owner: the owner of each item and its index within the owner."""
    owner = np.repeat(np.arange(len(counts)), counts)
    starts = np.cumsum(counts) - counts
    return owner, np.arange(int(counts.sum())) - starts[owner]


def _layout(
    blocks: _Blocks, active: np.ndarray, corridors: tuple[np.ndarray, np.ndarray], edges: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Sides of the lattices (per block), and the joins ``a``, ``b``, ``rank``."""
    a, b, rank = _joins(blocks, active, corridors)
    scale = _solve_scale(blocks, active, len(a), edges)
    return _lattice_sides(blocks, active, scale), a, b, rank


def _nodes(
    blocks: _Blocks, sides: np.ndarray, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Lattice nodes: lon/lat (n, 2), first node of each block (h*w, -1 where none), the
    blocks holding nodes and their sides."""
    flat = sides.ravel()
    held = np.flatnonzero(flat)
    s = flat[held]
    owner, local = _expand(s * s)
    first = np.full(flat.size, -1, dtype=np.int64)
    first[held] = np.cumsum(s * s) - s * s
    w = sides.shape[1]
    f, so = blocks.f, s[owner]
    jitter = rng.uniform(-0.25, 0.25, size=(len(owner), 2))
    row = (held[owner] // w) * f + (local // so + 0.5 + jitter[:, 0]) / so * f
    col = (held[owner] % w) * f + (local % so + 0.5 + jitter[:, 1]) / so * f
    lon0, dlon, lat0, dlat = blocks.transform
    lonlat = np.column_stack([lon0 + col * dlon, lat0 + row * dlat])
    return lonlat, first, held, s


def _lattice_edges(
    blocks: _Blocks, first: np.ndarray, held: np.ndarray, s: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Streets inside the blocks: ``u``, ``v``, class rank (through lines ranked higher)."""
    density = blocks.density.ravel()[held]
    town = density >= TOWN_DENSITY
    street = np.where(town, RESIDENTIAL, np.where(density >= 50.0, UNCLASSIFIED, TRACK))
    through = np.maximum(_join_ranks(density), street)
    us, vs, ranks = [], [], []
    for horizontal in (True, False):
        owner, q = _expand(s * (s - 1))
        so, base = s[owner], first[held][owner]
        if horizontal:
            i, j = q // (so - 1), q % (so - 1)
            u, v, line = base + i * so + j, base + i * so + j + 1, i
        else:
            i, j = q // so, q % so
            u, v, line = base + i * so + j, base + (i + 1) * so + j, j
        us.append(u)
        vs.append(v)
        ranks.append(np.where(line == so // 2, through[owner], street[owner]).astype(np.int8))
    return np.concatenate(us), np.concatenate(vs), np.concatenate(ranks)


def _haversine_m(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    lon1, lat1, lon2, lat2 = (np.radians(x) for x in (a[:, 0], a[:, 1], b[:, 0], b[:, 1]))
    h = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6_371_008.8 * np.arcsin(np.sqrt(h))


def _road_data(
    lonlat: np.ndarray, u: np.ndarray, v: np.ndarray, rank: np.ndarray, rng: np.random.Generator
) -> tuple[RoadData, np.ndarray]:
    """RoadData of the edges (nodes without an edge dropped), and each old node's new index."""
    used = np.zeros(len(lonlat), dtype=bool)
    used[u] = used[v] = True
    new = np.cumsum(used) - 1
    lonlat = lonlat[used]
    u, v = new[u], new[v]
    m = len(u)
    paved = rng.random(m) < PAVED_SHARE[rank]
    surface = np.where(paved, "asphalt", UNPAVED[rng.integers(0, len(UNPAVED), m)]).astype(object)
    geom = np.empty((2 * m, 2))
    geom[0::2], geom[1::2] = lonlat[u], lonlat[v]
    roads = RoadData(
        node_osmid=np.arange(1, len(lonlat) + 1, dtype=np.int64),
        node_lonlat=lonlat,
        edge_u=u.astype(np.int64),
        edge_v=v.astype(np.int64),
        edge_length_m=_haversine_m(lonlat[u], lonlat[v]),
        edge_highway=np.array(CLASSES, dtype=object)[rank],
        edge_maxspeed_kmh=np.full(m, np.nan),
        edge_oneway=np.zeros(m, dtype=np.int8),
        edge_surface=surface,
        edge_way_id=np.arange(1, m + 1, dtype=np.int64),
        geom_offsets=np.arange(0, 2 * m + 1, 2, dtype=np.int64),
        geom_lonlat=geom,
        source="synthetic national grid",
    )
    return roads, np.where(used, new, -1)


def national_grid(
    *, edges: int, seed: int = 0, raster: Path = MALAWI, n_labs: int = N_CENTRES
) -> NationalGrid:
    """A synthetic national road network of about ``edges`` edges over a population raster.

    Parameters
    ----------
    edges
        Target number of edges (the result is within a few per cent).
    seed
        Seed of every random draw: the same seed and target give the same network.
    raster
        People per cell, a north-up GeoTIFF in EPSG:4326.
    n_labs
        Labs at the largest centres (at most `N_CENTRES`).
    """
    if edges < 1000:
        raise ValueError(f"`edges` should be at least 1000, got {edges}")
    pop, transform = read_population(raster)
    f = 1
    while True:
        blocks = _blocks(pop, transform, f)
        rng = np.random.default_rng([seed, f])
        active = (blocks.density >= ACTIVE_DENSITY) | (
            (blocks.people > 0) & (rng.random(blocks.people.shape) < RURAL_CHANCE)
        )
        centres = _centres(blocks)
        right, down = _corridors(blocks, centres)
        active[:, :-1] |= right[:, :-1] > 0
        active[:, 1:] |= right[:, :-1] > 0
        active[:-1, :] |= down[:-1, :] > 0
        active[1:, :] |= down[:-1, :] > 0
        sides, a, b, rank = _layout(blocks, active, (right, down), edges)
        if len(a) <= 0.6 * edges:
            break
        f += 1
    lonlat, first, held, s = _nodes(blocks, sides, rng)
    lu, lv, lrank = _lattice_edges(blocks, first, held, s)
    hub = first + (sides.ravel() // 2) * sides.ravel() + sides.ravel() // 2
    u = np.concatenate([hub[a], lu])
    v = np.concatenate([hub[b], lv])
    roads, new = _road_data(lonlat, u, v, np.concatenate([rank, lrank]), rng)
    w = blocks.people.shape[1]
    lab_nodes = new[hub[centres[:n_labs, 0] * w + centres[:n_labs, 1]]]
    return NationalGrid(roads, roads.node_lonlat[lab_nodes], f)


def national_demand(*, raster: Path = MALAWI, factor: int = 1):
    """People as points at the centres of blocks of ``factor x factor`` raster cells.

    Returns a GeoDataFrame (EPSG:4326) with ``population``, only blocks with people.
    """
    import geopandas as gpd

    pop, transform = read_population(raster)
    blocks = _blocks(pop, transform, factor)
    r, c = np.nonzero(blocks.people > 0)
    lon0, dlon, lat0, dlat = transform
    lon = lon0 + (c + 0.5) * factor * dlon
    lat = lat0 + (r + 0.5) * factor * dlat
    return gpd.GeoDataFrame(
        {"population": blocks.people[r, c]}, geometry=gpd.points_from_xy(lon, lat), crs="EPSG:4326"
    )


def write_pbf(roads: RoadData, path: Path) -> None:
    """Write the network as an OSM PBF (one two-node way per edge), with pyosmium."""
    import osmium

    path = Path(path)
    path.unlink(missing_ok=True)
    writer = osmium.SimpleWriter(str(path))
    try:
        for osmid, (lon, lat) in zip(
            roads.node_osmid.tolist(), roads.node_lonlat.tolist(), strict=False
        ):
            writer.add_node(osmium.osm.mutable.Node(id=osmid, location=(lon, lat)))
        ids = roads.node_osmid
        for way, u, v, hw, sf in zip(
            roads.edge_way_id.tolist(),
            ids[roads.edge_u].tolist(),
            ids[roads.edge_v].tolist(),
            roads.edge_highway,
            roads.edge_surface,
            strict=False,
        ):
            tags = {"highway": hw, "surface": sf}
            writer.add_way(osmium.osm.mutable.Way(id=way, nodes=[u, v], tags=tags))
    finally:
        writer.close()


def _main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edges", type=lambda s: int(float(s.replace("_", ""))), default=1_000_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--raster", type=Path, default=MALAWI)
    parser.add_argument("--out", type=Path, help="write an .osm.pbf here")
    args = parser.parse_args()
    t0 = time.perf_counter()
    grid = national_grid(edges=args.edges, seed=args.seed, raster=args.raster)
    roads = grid.roads
    print(
        f"{roads.n_edges:,} edges, {roads.n_nodes:,} nodes, blocks of {grid.block_km} km, "
        f"{time.perf_counter() - t0:.1f} s; classes {roads.highway_counts()}"
    )
    if args.out:
        t0 = time.perf_counter()
        write_pbf(roads, args.out)
        print(f"wrote {args.out} in {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    _main()
