"""The online base map: tile arithmetic, disk cache, polite fetching, drawing, going offline."""

from __future__ import annotations

import io
import threading
import urllib.error
from pathlib import Path

import numpy as np
import pytest
from helpers import count_colour, open_window, pixel
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QColor, QImage, QPainter

from ccgeo.errors import CcgeoError, OfflineError
from ccgeo.gui import settings
from ccgeo.gui.canvas import tiles as tiles_gui
from ccgeo.gui.main_window import MainWindow
from ccgeo.io import tiles as tiles_io
from ccgeo.io.tiles import TileCache

pytestmark = pytest.mark.gui

MAGENTA = "#FF00FF"


def png(colour: str, *, mark_at: tuple[float, float] | None = None) -> bytes:
    """A 256 px tile of one colour, optionally with a black 9×9 square centred at ``mark_at``."""
    image = QImage(256, 256, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    if mark_at is not None:
        painter = QPainter(image)
        painter.fillRect(round(mark_at[0]) - 4, round(mark_at[1]) - 4, 9, 9, QColor("#000000"))
        painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


@pytest.fixture
def no_network(monkeypatch):
    """Any socket connection fails the test: nothing here may reach the internet."""
    import socket

    def refuse(*_args, **_kwargs):
        pytest.fail("a test tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture
def window(qtbot, tiny_project, no_network):
    return open_window(qtbot, tiny_project, quiet=False)


def only_basemap(win: MainWindow) -> None:
    for layer in win.canvas.layers:
        layer.visible = layer.kind == "basemap"


# -- tile arithmetic and cache (no Qt) ---------------------------------------------------------
def test_tile_coordinates_round_trip_and_known_tiles():
    lonlat = np.array([[-96.72, 17.06], [0.0, 0.0], [151.2, -33.9]])
    for zoom in (0, 5, 14, 19):
        back = tiles_io.tile_to_lonlat(tiles_io.lonlat_to_tile(lonlat, zoom), zoom)
        np.testing.assert_allclose(back, lonlat, atol=1e-9)
    # Oaxaca de Juárez at zoom 14, by hand: x = 83.28 / 360 · 2^14 = 3790.1,
    # y = (1 − ln(tan 17.06° + sec 17.06°) / π) / 2 · 2^14 = 7403.9
    x, y = np.floor(tiles_io.lonlat_to_tile(np.array([-96.72, 17.06]), 14)[0]).astype(int)
    assert (x, y) == (3790, 7403)
    np.testing.assert_allclose(tiles_io.lonlat_to_tile(np.array([0.0, 0.0]), 1), [[1.0, 1.0]])


def test_zoom_matches_the_screen_resolution():
    # zoom 14 tiles are 9.55 m/px at the equator, 9.13 m/px at 17° N
    assert tiles_io.zoom_for_resolution(9.13, 17.06) == 14
    assert tiles_io.zoom_for_resolution(9.13 * 2, 17.06) == 13
    assert tiles_io.zoom_for_resolution(0.01, 17.06) == tiles_io.OSM_MAX_ZOOM
    assert tiles_io.zoom_for_resolution(1e9, 0.0) == 0
    with pytest.raises(ValueError, match="m_per_px"):
        tiles_io.zoom_for_resolution(0.0, 0.0)


def test_tiles_covering_lists_the_box_centre_first():
    box = tiles_io.tile_to_lonlat(np.array([[10.2, 20.2], [12.8, 22.8]]), 6)
    keys = tiles_io.tiles_covering(box, 6)
    assert sorted(keys) == [(6, x, y) for x in (10, 11, 12) for y in (20, 21, 22)]
    assert keys[0] == (6, 11, 21)


def test_parent_tile_and_the_part_a_child_covers():
    assert tiles_io.parent_tile((15, 7581, 14795), 1) == ((14, 3790, 7397), (0.5, 0.5, 0.5))
    parent, (u, v, size) = tiles_io.parent_tile((15, 7580, 14795), 2)
    assert parent == (13, 1895, 3698)
    assert (u, v, size) == (0.0, 0.75, 0.25)


def test_cache_writes_atomically_in_the_xyz_layout(tmp_path):
    cache = TileCache(tmp_path)
    assert cache.read((3, 1, 2)) is None
    written = cache.write((3, 1, 2), b"\x89PNG\r\n\x1a\nDATA")
    assert written == tmp_path / "3" / "1" / "2.png"
    assert cache.read((3, 1, 2)) == b"\x89PNG\r\n\x1a\nDATA"
    assert [p.name for p in written.parent.iterdir()] == ["2.png"]
    assert cache.age_days((3, 1, 2)) < 0.01


class FakeResponse(io.BytesIO):
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def test_fetch_sends_a_user_agent_and_revalidates():
    seen = []

    def opener(request, timeout):
        seen.append((request.full_url, dict(request.header_items()), timeout))
        return FakeResponse(png("#00FF00"))

    data = tiles_io.fetch_tile((14, 3790, 7397), if_modified_since=0.0, opener=opener)
    assert data.startswith(b"\x89PNG")
    url, headers, timeout = seen[0]
    assert url == "https://tile.openstreetmap.org/14/3790/7397.png"
    assert headers["User-agent"].startswith("ccgeo/")
    assert headers["If-modified-since"] == "Thu, 01 Jan 1970 00:00:00 GMT"
    assert timeout == 10.0


def http_error(code: int, reason: str):
    def opener(request, timeout):
        raise urllib.error.HTTPError(request.full_url, code, reason, {}, None)

    return opener


def test_fetch_failures_say_what_happened():
    assert tiles_io.fetch_tile((1, 0, 0), opener=http_error(304, "Not Modified")) is None
    with pytest.raises(CcgeoError, match=r"refused .*1/0/0.png \(HTTP 403 Forbidden\)"):
        tiles_io.fetch_tile((1, 0, 0), opener=http_error(403, "Forbidden"))

    def no_dns(request, timeout):
        raise urllib.error.URLError("[Errno -3] Temporary failure in name resolution")

    with pytest.raises(OfflineError, match=r"cannot reach tile\.openstreetmap\.org .*online"):
        tiles_io.fetch_tile((1, 0, 0), opener=no_dns)
    with pytest.raises(CcgeoError, match="did not return an image"):
        tiles_io.fetch_tile((1, 0, 0), opener=lambda r, timeout: FakeResponse(b"<html>"))


# -- the base map in the window ----------------------------------------------------------------
def test_base_map_is_off_by_default_and_remembered(window, qtbot, monkeypatch):
    # both windows are shown and draw the base map: its tiles are offline here
    monkeypatch.setattr(
        tiles_io, "fetch_tile", lambda *a, **k: (_ for _ in ()).throw(OfflineError("offline"))
    )
    # the online base map is off by default: the offline one, drawn from the project's own OSM
    # data, is chosen (the tiny project has none, so no base-map layer)
    assert settings.basemap() == "project"
    assert window.act_basemap_project.isChecked()
    assert "basemap" not in [layer.kind for layer in window.canvas.layers]
    window.act_basemap_osm.trigger()
    kinds = [layer.kind for layer in window.canvas.layers]
    assert kinds[0] == "basemap"  # under every other layer
    assert settings.basemap() == "osm"
    assert "Base map © OpenStreetMap contributors" in window.canvas.attribution
    again = open_window(qtbot, quiet=False)
    assert again.act_basemap_osm.isChecked()
    window.act_basemap_none.trigger()
    assert "basemap" not in [layer.kind for layer in window.canvas.layers]
    assert "OpenStreetMap" not in window.canvas.attribution


def test_a_cached_tile_is_drawn_without_any_network(window, monkeypatch):
    monkeypatch.setattr(tiles_io, "fetch_tile", lambda *a, **k: pytest.fail("fetched a tile"))
    cache = window.basemap.cache
    window.set_basemap("osm")
    layer = window.basemap.layer
    keys = layer.tiles_for_view(window.canvas.view)
    assert 1 <= len(keys) <= tiles_gui.MAX_TILES_PER_VIEW
    for key in keys:
        cache.write(key, png(MAGENTA))
    only_basemap(window)
    image = window.canvas.render_image(decorations=False)
    # the whole screen is covered by the tiles, seams included
    assert count_colour(image, MAGENTA, tolerance=3) == image.width() * image.height()
    assert window.basemap.requested == []
    assert sorted(layer.drawn) == sorted(keys)


def test_a_tile_lands_where_its_coordinates_are(window):
    """A mark drawn in a tile at a known lon/lat shows on the canvas at that lon/lat."""
    lon, lat = -96.7235, 17.0581
    window.set_basemap("osm")
    layer = window.basemap.layer
    zoom = layer.tiles_for_view(window.canvas.view)[0][0]
    for key in layer.tiles_for_view(window.canvas.view):
        tx, ty = tiles_io.lonlat_to_tile(np.array([lon, lat]), zoom)[0]
        inside = (tx - key[1]) * 256, (ty - key[2]) * 256
        on_tile = 0 <= inside[0] < 256 and 0 <= inside[1] < 256
        window.basemap.cache.write(key, png("#FFFFFF", mark_at=inside if on_tile else None))
    only_basemap(window)
    image = window.canvas.render_image(decorations=False)
    x, y = window.canvas.screen_position(lon, lat)
    assert pixel(image, x, y).lightness() < 40
    assert pixel(image, x + 12, y).lightness() > 215


def test_a_missing_tile_borrows_its_cached_parent(window, monkeypatch):
    monkeypatch.setattr(
        tiles_io, "fetch_tile", lambda *a, **k: (_ for _ in ()).throw(OfflineError("offline"))
    )
    window.set_basemap("osm")
    layer = window.basemap.layer
    keys = layer.tiles_for_view(window.canvas.view)
    parents = {tiles_io.parent_tile(key, 2)[0] for key in keys}
    for parent in parents:
        window.basemap.cache.write(parent, png(MAGENTA))
    only_basemap(window)
    image = window.canvas.render_image(decorations=False)
    assert count_colour(image, MAGENTA, tolerance=3) > 0.99 * image.width() * image.height()
    assert set(layer.drawn) == parents


def test_offline_says_so_and_keeps_the_cached_tiles(window, qtbot, monkeypatch):
    attempts = []

    def offline(key, **kwargs):
        attempts.append(key)
        raise OfflineError("cannot reach tile.openstreetmap.org (no route to host)")

    monkeypatch.setattr(tiles_io, "fetch_tile", offline)
    window.set_basemap("osm")
    layer = window.basemap.layer
    keys = layer.tiles_for_view(window.canvas.view)
    window.basemap.cache.write(keys[0], png(MAGENTA))  # one tile was seen online before
    only_basemap(window)
    image = window.canvas.render_image(decorations=False)
    qtbot.waitUntil(
        lambda: window.message_label.text() == tiles_gui.OFFLINE_MESSAGE, timeout=10_000
    )
    assert window.basemap.offline
    assert count_colour(image, MAGENTA, tolerance=3) > 1000
    assert keys[0] not in attempts
    # While offline, redraws do not hammer the network.
    tried = len(attempts)
    qtbot.waitUntil(lambda: not window.basemap.busy, timeout=10_000)
    window.canvas.render_image(decorations=False)
    assert len(attempts) == tried <= window.basemap.max_parallel


def test_fetched_tiles_are_cached_drawn_and_at_most_two_at_a_time(window, qtbot, monkeypatch):
    lock = threading.Lock()
    running = [0]
    peak = [0]

    def slow_green(key, **kwargs):
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        threading.Event().wait(0.02)
        with lock:
            running[0] -= 1
        return png("#00C000")

    monkeypatch.setattr(tiles_io, "fetch_tile", slow_green)
    window.set_basemap("osm")
    only_basemap(window)
    layer = window.basemap.layer
    keys = layer.tiles_for_view(window.canvas.view)
    window.canvas.render_image(decorations=False)  # asks for the missing tiles
    cache = window.basemap.cache
    qtbot.waitUntil(lambda: all(cache.has(k) for k in keys), timeout=20_000)
    qtbot.waitUntil(lambda: not window.basemap.busy, timeout=10_000)
    assert peak[0] <= 2
    assert sorted(window.basemap.requested) == sorted(keys)  # each once, none beyond the view
    image = window.canvas.render_image(decorations=False)
    assert count_colour(image, "#00C000", tolerance=3) == image.width() * image.height()
    assert Path(cache.root).parts[-2:] == ("tiles", "osm")
