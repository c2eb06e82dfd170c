"""The OSM reader at national scale: small memory, one classification per tag combination, and
Cancel honoured while reading and while building the network."""

from __future__ import annotations

import threading
import tracemalloc
from pathlib import Path
from typing import Any

import numpy as np
import osmium
import pytest

import ccgeo.io.osm as osm
from ccgeo.errors import Cancelled
from ccgeo.geo import great_circle_m
from ccgeo.io.osm import (
    build_from_paths,
    first_value,
    parse_maxspeed,
    read_roads,
    way_modes,
    way_oneway,
)
from ccgeo.model.roads import MODE_BITS


@pytest.fixture(scope="module")
def oaxaca(shared_data: Path) -> Path:
    return shared_data / "oaxaca" / "oaxaca_base.osm.pbf"


def highway_tags(path: Path) -> dict[int, dict[str, str]]:
    """The tags of every ``highway`` way of an OSM file, by way id."""
    processor = osmium.FileProcessor(str(path), osmium.osm.WAY).with_filter(
        osmium.filter.KeyFilter("highway")
    )
    return {way.id: {tag.k: tag.v for tag in way.tags} for way in processor}


class Recording(dict):
    """Tags that remember which keys were looked up."""

    def __init__(self, tags: dict[str, Any]) -> None:
        super().__init__(tags)
        self.asked: set[str] = set()

    def get(self, key: str, default: Any = None) -> Any:
        self.asked.add(key)
        return super().get(key, default)


@pytest.mark.parametrize(
    "tags",
    [
        {"highway": "service", "service": "driveway"},
        {"highway": "residential", "access": "no", "motor_vehicle": "yes", "foot": "no"},
        {"highway": "track", "motorcycle": "yes", "vehicle": "no", "motorcar": "no"},
        {"highway": "primary", "oneway": "no", "junction": "roundabout", "maxspeed": "60"},
        {"highway": "footway", "area": "yes", "surface": "paved"},
        {"highway": "unclassified", "junction": "circular"},
    ],
)
def test_the_classification_reads_only_the_keys_it_is_cached_by(tags: dict[str, str]) -> None:
    # ways sharing the values of `_WAY_KEYS` are classified once: a key read by the
    # classification but missing from them would give ways of other tags a wrong class
    recording = Recording(tags)
    osm.way_class(recording)
    assert recording.asked <= set(osm._WAY_KEYS)


@pytest.mark.parametrize("mode", ["all", "car", "walk"])
def test_every_edge_has_the_attributes_of_its_own_way(oaxaca: Path, mode: str) -> None:
    tags = highway_tags(oaxaca)
    roads = read_roads(oaxaca, mode=mode)
    want = MODE_BITS[mode]
    # edges at the nodes of their own that barriers cut ways at have fewer modes and oneway 0
    own = roads.node_osmid <= osm._OWN_NODE_BASE
    at_barrier = own[roads.edge_u] | own[roads.edge_v]
    assert at_barrier.any()
    for i, way_id in enumerate(roads.edge_way_id.tolist()):
        way = tags[way_id]
        assert roads.edge_highway[i] == first_value(way["highway"])
        assert roads.edge_surface[i] == first_value(way.get("surface"))
        np.testing.assert_equal(roads.edge_maxspeed_kmh[i], parse_maxspeed(way.get("maxspeed", "")))
        modes = way_modes(way) & want
        if at_barrier[i]:
            assert int(roads.edge_modes[i]) & ~modes == 0
        else:
            assert roads.edge_modes[i] == modes
            assert roads.edge_oneway[i] == abs(way_oneway(way))


def test_edges_share_one_text_per_class(oaxaca: Path) -> None:
    roads = read_roads(oaxaca)
    for texts in (roads.edge_highway, roads.edge_surface):
        assert len({id(t) for t in texts}) == len(set(texts.tolist()))


def test_reading_peaks_under_half_a_kilobyte_per_edge(oaxaca: Path) -> None:
    # numpy and Python allocations (not pyosmium's); Python lists of the node refs and
    # coordinates took ~830 bytes per edge here
    read_roads(oaxaca)  # imports and caches first
    tracemalloc.start()
    try:
        roads = read_roads(oaxaca)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak / roads.n_edges < 450


def test_cancel_while_reading_stops_at_the_next_check(oaxaca: Path) -> None:
    cancel = threading.Event()
    texts: list[str] = []

    def progress(fraction: float, text: str) -> None:
        texts.append(text)
        if fraction > 0.0:  # the first count of objects read
            cancel.set()

    with pytest.raises(Cancelled):
        read_roads(oaxaca, progress=progress, cancel=cancel)
    assert len(texts) == 2
    assert "5,000" in texts[1]


def test_cancel_while_building_the_network(oaxaca: Path) -> None:
    cancel = threading.Event()
    texts: list[str] = []

    def progress(fraction: float, text: str) -> None:
        texts.append(text)
        if fraction == 0.7:  # "building the network from ... ways"
            cancel.set()

    with pytest.raises(Cancelled):
        read_roads(oaxaca, progress=progress, cancel=cancel)
    assert "building" in texts[-1]


def test_build_from_paths_checks_cancel() -> None:
    cancel = threading.Event()
    cancel.set()
    x = np.array([0, 10_000, 20_000], dtype=np.int64)
    with pytest.raises(Cancelled):
        build_from_paths(
            np.array([1, 2, 3]),
            x,
            x,
            np.array([3]),
            way_id=np.array([7]),
            highway=np.array(["residential"], dtype=object),
            maxspeed_kmh=np.array([np.nan]),
            oneway=np.array([0], dtype=np.int8),
            surface=np.array([""], dtype=object),
            modes=np.array([7], dtype=np.uint8),
            source="test",
            mode="all",
            cancel=cancel,
        )


def test_lengths_in_chunks_are_those_of_one_step() -> None:
    rng = np.random.default_rng(3)
    n = 2 * osm._CHUNK + 12_345
    x = rng.integers(-1_800_000_000, 1_800_000_000, n).astype(np.int32)
    y = rng.integers(-850_000_000, 850_000_000, n).astype(np.int32)
    first = np.zeros(n, dtype=bool)
    first[::1_000] = True
    a = np.arange(0, n - 10, 10)
    b = a + 10
    lon, lat = x / 10_000_000, y / 10_000_000
    seg = np.zeros(n)
    seg[1:] = great_circle_m(lon[:-1], lat[:-1], lon[1:], lat[1:])
    seg[first] = 0.0
    cum = np.cumsum(seg)
    np.testing.assert_array_equal(osm._edge_lengths(x, y, first, a, b), cum[b] - cum[a])


@pytest.mark.skipif(not Path("/proc/self/fdinfo").is_dir(), reason="needs Linux /proc")
def test_the_read_position_is_how_far_into_the_file_the_reader_is(tmp_path):
    from ccgeo.io.osm import ReadPosition

    path = tmp_path / "roads.osm.pbf"
    path.write_bytes(bytes(1000))
    position = ReadPosition(path)
    with path.open("rb") as fh:  # the reader's own descriptor
        fh.seek(250)
        assert position.fraction() == pytest.approx(0.25)
        fh.seek(1000)
        assert position.fraction() == 1.0
    assert ReadPosition(tmp_path / "missing.pbf").fraction() is None


def test_reading_reports_progress_that_grows_to_the_end(oaxaca):
    seen: list[float] = []
    read_roads(oaxaca, mode="all", progress=lambda f, _text: seen.append(f))
    assert seen == sorted(seen)
    assert seen[-1] == pytest.approx(1.0)
