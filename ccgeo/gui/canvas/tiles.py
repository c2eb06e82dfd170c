"""The optional online base map: OpenStreetMap tiles warped into the canvas's metric CRS.

`TileLayer` draws whatever tiles are cached (on disk or in memory) and names the ones it
lacks; `BaseMap` fetches those in the background, two at a time as OSM's tile policy allows,
and says in one sentence when it cannot ("Base map unavailable offline: ...").
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from pyproj import CRS
from PySide6.QtCore import QObject, QPointF, QRectF, QTimer, Signal
from PySide6.QtGui import QImage, QPainter, QPolygonF, QTransform

from ccgeo.errors import CcgeoError, OfflineError
from ccgeo.geo import project_lonlat, unproject_xy
from ccgeo.gui.language import QT_TR_NOOP, tr
from ccgeo.gui.workers import Worker
from ccgeo.io import tiles as tiles_io
from ccgeo.io.tiles import TileCache, TileKey
from ccgeo.progress import ProgressCallback
from ccgeo.render.layers import MapLayer
from ccgeo.render.view import ViewTransform
from ccgeo.styles import LegendEntry

log = logging.getLogger(__name__)

#: Status-bar text when tiles cannot be fetched (English; shown through `tr`).
OFFLINE_MESSAGE = QT_TR_NOOP(
    "Base map unavailable offline: showing cached tiles only; the roads are the base map"
)
#: The name of the web tiles' layer (English; shown through `tr`).
OSM_LAYER_NAME = QT_TR_NOOP("OpenStreetMap base map")
#: More tiles than this on one screen means the zoom is too deep for it: use a coarser level.
MAX_TILES_PER_VIEW = 80
#: How many zoom levels up a missing tile may borrow a blurrier ancestor from the cache.
FALLBACK_LEVELS = 5
#: Seconds to wait after a connection failure before trying the server again.
RETRY_AFTER_S = 60.0


class TileLayer(MapLayer):
    """XYZ web tiles drawn under the other layers, each tile warped to its projected corners.

    The canvas draws north-up in local UTM, tiles come in Web Mercator; within one tile (a few
    km at city zooms) the difference is a near-affine warp, so mapping each tile's four
    projected corners with a projective transform places it to well under a pixel.

    Parameters
    ----------
    crs
        Metric CRS of the canvas.
    cache
        Where the tiles are kept on disk.
    name
        Shown in the layer panel, in English (shown through `tr`, in the language of the
        moment).
    max_zoom
        Deepest zoom level of the tile source.
    memory_tiles
        Decoded tiles kept in memory (a 256 px tile takes 256 KiB).
    """

    kind = "basemap"

    def __init__(
        self,
        crs: CRS,
        cache: TileCache,
        *,
        name: str = OSM_LAYER_NAME,
        max_zoom: int = tiles_io.OSM_MAX_ZOOM,
        memory_tiles: int = 384,
    ) -> None:
        super().__init__(name)
        self.crs = CRS.from_user_input(crs)
        self.cache = cache
        self.max_zoom = int(max_zoom)
        self._memory_tiles = int(memory_tiles)
        self._images: OrderedDict[TileKey, QImage] = OrderedDict()
        self._absent: set[TileKey] = set()
        #: Called from `paint` with the tiles it lacks and the stale ones it drew, centre first.
        self.on_missing: Callable[[list[TileKey], list[TileKey]], None] | None = None
        #: Tiles drawn by the last `paint` (exact or borrowed from an ancestor).
        self.drawn: list[TileKey] = []

    @property
    def name(self) -> str:
        """Name shown in the layer panel, in the app's language."""
        return tr(self._name)

    # -- which tiles -------------------------------------------------------------------------
    def tiles_for_view(self, view: ViewTransform, *, pixel_ratio: float = 1.0) -> list[TileKey]:
        """The tiles covering ``view``, centre first, at the zoom matching its resolution.

        Parameters
        ----------
        view
            The canvas view (metres of `crs`).
        pixel_ratio
            Device pixels per logical pixel of the target (2 on a high-DPI screen).
        """
        xmin, ymin, xmax, ymax = view.extent()
        # the edges, not only the corners: a UTM rectangle is not a lon/lat rectangle
        t = np.linspace(0.0, 1.0, 5)
        xs = np.concatenate([xmin + (xmax - xmin) * t, np.full(5, xmax)])
        xs = np.concatenate([xs, xmax - (xmax - xmin) * t, np.full(5, xmin)])
        ys = np.concatenate([np.full(5, ymin), ymin + (ymax - ymin) * t])
        ys = np.concatenate([ys, np.full(5, ymax), ymax - (ymax - ymin) * t])
        lonlat = unproject_xy(np.column_stack([xs, ys]), self.crs)
        lonlat = lonlat[np.isfinite(lonlat).all(axis=1)]
        if not len(lonlat):
            return []
        lat = float(np.clip(lonlat[:, 1].mean(), -tiles_io.MAX_LAT, tiles_io.MAX_LAT))
        zoom = tiles_io.zoom_for_resolution(
            view.m_per_px / max(pixel_ratio, 0.1), lat, max_zoom=self.max_zoom
        )
        while True:
            keys = tiles_io.tiles_covering(lonlat, zoom)
            if len(keys) <= MAX_TILES_PER_VIEW or zoom == 0:
                return keys
            zoom -= 1

    def screen_quads(self, keys: list[TileKey], view: ViewTransform) -> np.ndarray:
        """Screen corners ``(n, 4, 2)`` of ``keys`` (top-left, top-right, bottom-right, ...)."""
        if not keys:
            return np.empty((0, 4, 2))
        corners = tiles_io.tile_corners_lonlat(keys).reshape(-1, 2)
        world = project_lonlat(corners, self.crs)
        return view.world_to_screen(world).reshape(-1, 4, 2)

    # -- images ------------------------------------------------------------------------------
    def image(self, key: TileKey) -> QImage | None:
        """Tile ``key`` decoded, from memory or disk; ``None`` when it is not cached."""
        image = self._images.get(key)
        if image is not None:
            self._images.move_to_end(key)
            return image
        if key in self._absent:
            return None
        data = self.cache.read(key)
        image = QImage.fromData(data) if data else QImage()
        if image.isNull():
            self._absent.add(key)
            return None
        self._images[key] = image
        while len(self._images) > self._memory_tiles:
            self._images.popitem(last=False)
        return image

    def tile_arrived(self, key: TileKey) -> None:
        """A tile was written to the cache: read it at the next paint."""
        self._absent.discard(key)
        self._images.pop(key, None)

    def refresh(self) -> None:
        """Ask the canvas to draw the layer again (new tiles arrived)."""
        self._changed()

    def set_crs(self, crs: CRS) -> None:
        """Draw into another metric CRS (a new project)."""
        self.crs = CRS.from_user_input(crs)
        self._changed()

    # -- drawing -----------------------------------------------------------------------------
    def paint(self, painter: QPainter, view: ViewTransform) -> None:
        """Draw the cached tiles of ``view``; borrow a coarser cached tile for each missing one."""
        ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        keys = self.tiles_for_view(view, pixel_ratio=ratio)
        quads = self.screen_quads(keys, view)
        # Antialiased quad edges leave hairline seams between neighbouring tiles.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        base = painter.transform()
        missing: list[TileKey] = []
        stale: list[TileKey] = []
        self.drawn = []
        for key, quad in zip(keys, quads, strict=True):
            if not np.isfinite(quad).all():
                continue
            image = self.image(key)
            if image is not None:
                self._draw(painter, base, image, (0.0, 0.0, 1.0), quad)
                self.drawn.append(key)
                age = self.cache.age_days(key)
                if age is not None and age > tiles_io.STALE_AFTER_DAYS:
                    stale.append(key)
                continue
            missing.append(key)
            for levels in range(1, min(FALLBACK_LEVELS, key[0]) + 1):
                parent, part = tiles_io.parent_tile(key, levels)
                parent_image = self.image(parent)
                if parent_image is not None:
                    self._draw(painter, base, parent_image, part, quad)
                    self.drawn.append(parent)
                    break
        painter.setTransform(base)
        if (missing or stale) and self.on_missing is not None:
            self.on_missing(missing, stale)

    @staticmethod
    def _draw(
        painter: QPainter,
        base: QTransform,
        image: QImage,
        part: tuple[float, float, float],
        quad: np.ndarray,
    ) -> None:
        """Draw the square ``part`` (u, v, size as fractions) of ``image`` onto ``quad``."""
        w, h = image.width(), image.height()
        u, v, size = part
        source = QRectF(u * w, v * h, size * w, size * h)
        square = QPolygonF(
            [
                QPointF(0.0, 0.0),
                QPointF(source.width(), 0.0),
                QPointF(source.width(), source.height()),
                QPointF(0.0, source.height()),
            ]
        )
        target = QPolygonF([QPointF(float(x), float(y)) for x, y in quad])
        warp = QTransform()
        if not QTransform.quadToQuad(square, target, warp):
            return
        painter.setTransform(warp * base)
        # a fraction of a pixel more on each side closes the gaps rounding leaves between tiles
        pad = 0.35 * size
        painter.drawImage(
            QRectF(-pad, -pad, source.width() + 2 * pad, source.height() + 2 * pad),
            image,
            source.adjusted(-pad, -pad, pad, pad) & QRectF(0, 0, w, h),
        )

    def legend(self) -> list[LegendEntry]:
        """The credit line OSM asks for, shown in the layer panel."""
        return [LegendEntry(tr("© OpenStreetMap contributors"), "fill", color="#F2EFE9")]


@dataclass(frozen=True)
class TileOutcome:
    """What became of one tile request (made in a worker, read in the GUI thread)."""

    key: TileKey
    status: str  # "fetched", "current", "offline" or "failed"
    message: str = ""


def download_tile(
    key: TileKey,
    cache: TileCache,
    *,
    url_template: str,
    fetch: Callable[..., bytes | None] | None = None,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> TileOutcome:
    """Fetch tile ``key`` into ``cache`` (worker thread); never raises for network trouble.

    Parameters
    ----------
    key
        ``(z, x, y)``.
    cache
        Where the tile is written.
    url_template
        Tile URL with ``{z}``, ``{x}``, ``{y}``.
    fetch
        Replaces `ccgeo.io.tiles.fetch_tile` (same keywords).
    progress, cancel
        Unused beyond the worker protocol: one tile is one short request.
    """
    del progress, cancel
    get = fetch or tiles_io.fetch_tile
    cached_age = cache.age_days(key)
    since = time.time() - cached_age * 86_400.0 if cached_age is not None else None
    try:
        data = get(key, url_template=url_template, if_modified_since=since)
    except OfflineError as exc:
        return TileOutcome(key, "offline", str(exc))
    except CcgeoError as exc:
        return TileOutcome(key, "failed", str(exc))
    if data is None:
        cache.touch(key)
        return TileOutcome(key, "current")
    try:
        cache.write(key, data)
    except CcgeoError as exc:
        text = tr("cannot write the tile cache {folder} ({reason})")
        return TileOutcome(key, "failed", text.format(folder=cache.root, reason=exc))
    return TileOutcome(key, "fetched")


class BaseMap(QObject):
    """The online base map of the main window: its `TileLayer` and the fetching of tiles.

    Off by default. When on, the tiles the canvas lacks are fetched from the tile server at
    most `max_parallel` at a time, only for what is on screen (no prefetch), newest view first;
    a connection failure pauses fetching for `RETRY_AFTER_S` seconds and says so once.

    Parameters
    ----------
    cache_root
        Folder of the XYZ tile cache of this source.
    url_template
        Tile URL with ``{z}``, ``{x}``, ``{y}``.
    fetch
        Replaces `ccgeo.io.tiles.fetch_tile` (tests, proxies).
    max_parallel
        Simultaneous downloads (OSM's policy allows two).

    Signals
    -------
    message(text)
        A sentence for the status bar (offline, refused tiles).
    tileArrived(z, x, y)
        A tile was added to the cache.
    """

    message = Signal(str)
    tileArrived = Signal(int, int, int)  # noqa: N815 - Qt signal naming

    def __init__(
        self,
        cache_root: Path,
        *,
        url_template: str = tiles_io.OSM_TILE_URL,
        fetch: Callable[..., bytes | None] | None = None,
        max_parallel: int = 2,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.cache = TileCache(Path(cache_root))
        self.url_template = url_template
        self.fetch = fetch
        self.max_parallel = max(int(max_parallel), 1)
        self.layer: TileLayer | None = None
        self._queue: list[TileKey] = []
        self._in_flight: dict[TileKey, Worker] = {}
        self._failed: dict[TileKey, float] = {}
        self._offline_until = 0.0
        self._last_message = ""
        self._repaint = QTimer(self)
        self._repaint.setSingleShot(True)
        self._repaint.setInterval(120)  # one redraw for a burst of tiles, not one per tile
        self._repaint.timeout.connect(self._refresh_layer)
        #: Tiles requested from the server this session (for tests and the log).
        self.requested: list[TileKey] = []

    @property
    def offline(self) -> bool:
        """Whether the last attempt found no connection (fetching paused)."""
        return time.monotonic() < self._offline_until

    def make_layer(self, crs: CRS) -> TileLayer:
        """A tile layer for a map in ``crs`` whose missing tiles this object fetches."""
        if self.layer is not None:
            self.layer.on_missing = None
        self.layer = TileLayer(crs, self.cache)
        self.layer.on_missing = self.request
        return self.layer

    def request(self, missing: list[TileKey], stale: list[TileKey]) -> None:
        """Fetch ``missing`` (then ``stale``) tiles of the current view, dropping older requests."""
        if self.offline:
            self._say(tr(OFFLINE_MESSAGE))
            return
        now = time.monotonic()
        wanted = [
            k
            for k in [*missing, *stale]
            if k not in self._in_flight and self._failed.get(k, 0.0) <= now
        ]
        # Only what is on screen now: a pan replaces the queue of the view it left.
        self._queue = list(dict.fromkeys(wanted))
        self._pump()

    def _pump(self) -> None:
        while self._queue and len(self._in_flight) < self.max_parallel and not self.offline:
            key = self._queue.pop(0)
            worker = Worker(
                download_tile,
                key,
                self.cache,
                url_template=self.url_template,
                fetch=self.fetch,
            )
            worker.signals.finished.connect(self._done)
            worker.signals.failed.connect(lambda text, key=key: self._bug(key, text))
            self._in_flight[key] = worker
            self.requested.append(key)
            worker.start()

    def _done(self, outcome: TileOutcome) -> None:
        self._in_flight.pop(outcome.key, None)
        if outcome.status in ("fetched", "current"):
            if outcome.status == "fetched" and self.layer is not None:
                self.layer.tile_arrived(outcome.key)
                self._repaint.start()
            self._failed.pop(outcome.key, None)
            self.tileArrived.emit(*outcome.key)
            self._last_message = ""  # a later failure is news again
        elif outcome.status == "offline":
            log.info("base map offline: %s", outcome.message)
            self._offline_until = time.monotonic() + RETRY_AFTER_S
            self._queue.clear()
            self._say(tr(OFFLINE_MESSAGE))
        else:
            log.warning("base map tile %s: %s", outcome.key, outcome.message)
            self._failed[outcome.key] = time.monotonic() + RETRY_AFTER_S
            self._say(
                tr("Base map: some tiles could not be loaded ({reason})").format(
                    reason=outcome.message
                )
            )
        self._pump()

    def _bug(self, key: TileKey, text: str) -> None:
        # download_tile returns every expected failure; this is a bug, already logged.
        self._in_flight.pop(key, None)
        self._failed[key] = time.monotonic() + RETRY_AFTER_S
        self._say(tr("Base map: {problem}").format(problem=text.splitlines()[0]))
        self._pump()

    def _say(self, text: str) -> None:
        if text != self._last_message:
            self._last_message = text
            self.message.emit(text)

    def _refresh_layer(self) -> None:
        if self.layer is not None:
            self.layer.refresh()

    def stop(self, *, wait_s: float = 2.0) -> None:
        """Forget queued tiles and wait briefly for the ones being downloaded."""
        self._queue.clear()
        deadline = time.monotonic() + wait_s
        for worker in list(self._in_flight.values()):
            worker.done.wait(max(deadline - time.monotonic(), 0.0))

    @property
    def busy(self) -> bool:
        """Whether downloads are queued or running."""
        return bool(self._queue or self._in_flight)
