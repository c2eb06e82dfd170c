"""Web map tiles (XYZ, Web Mercator): tile arithmetic, a disk cache and a polite single-tile fetch.

No Qt. The fetch follows the OpenStreetMap tile usage policy: a User-Agent naming the
application, only tiles that are on screen (no bulk prefetch), tiles kept on disk and reused
offline, stale ones revalidated with ``If-Modified-Since``.
"""

from __future__ import annotations

import email.utils
import math
import os
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ccgeo.errors import CcgeoError, OfflineError
from ccgeo.i18n import N_, _
from ccgeo.io.atomic import write_bytes_atomic, write_error

#: OpenStreetMap's standard tile layer.
OSM_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
#: Credit the map must show whenever OSM tiles are drawn (shown as ``ccgeo.i18n._(...)``).
OSM_TILE_ATTRIBUTION = N_("Base map © OpenStreetMap contributors")
#: Deepest zoom level tile.openstreetmap.org serves.
OSM_MAX_ZOOM = 19
#: Tile edge, pixels.
TILE_PX = 256
#: Ground resolution of zoom 0 at the equator, metres per tile pixel (Web Mercator sphere).
_Z0_M_PER_PX = 2.0 * math.pi * 6_378_137.0 / TILE_PX
#: Web Mercator's latitude limit, degrees.
MAX_LAT = 85.0511287798066
#: A cached tile older than this is drawn but revalidated when online (the policy asks ≥ 7 days).
STALE_AFTER_DAYS = 30.0

_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_JPEG_MAGIC = b"\xff\xd8\xff"

#: ``(z, x, y)`` of one tile.
TileKey = tuple[int, int, int]


def user_agent() -> str:
    """The User-Agent sent with tile requests, naming ccgeo as the tile policy requires."""
    from ccgeo import __version__

    return f"ccgeo/{__version__} (desktop GIS for cancer diagnostic lab access planning)"


# -- tile arithmetic ---------------------------------------------------------------------------
def lonlat_to_tile(lonlat: np.ndarray, zoom: int) -> np.ndarray:
    """Fractional tile coordinates ``(n, 2)`` (x east, y south) of lon/lat degrees at ``zoom``."""
    lonlat = np.asarray(lonlat, dtype=float).reshape(-1, 2)
    n = float(2**zoom)
    lat = np.radians(np.clip(lonlat[:, 1], -MAX_LAT, MAX_LAT))
    x = (lonlat[:, 0] + 180.0) / 360.0 * n
    y = (1.0 - np.log(np.tan(lat) + 1.0 / np.cos(lat)) / math.pi) / 2.0 * n
    return np.column_stack([x, y])


def tile_to_lonlat(txy: np.ndarray, zoom: int) -> np.ndarray:
    """Lon/lat degrees ``(n, 2)`` of fractional tile coordinates at ``zoom`` (inverse)."""
    txy = np.asarray(txy, dtype=float).reshape(-1, 2)
    n = float(2**zoom)
    lon = txy[:, 0] / n * 360.0 - 180.0
    lat = np.degrees(np.arctan(np.sinh(math.pi * (1.0 - 2.0 * txy[:, 1] / n))))
    return np.column_stack([lon, lat])


def tile_corners_lonlat(keys: list[TileKey]) -> np.ndarray:
    """Corners ``(n, 4, 2)`` lon/lat of the tiles, clockwise from the top-left."""
    out = np.empty((len(keys), 4, 2))
    offsets = np.array([[0, 0], [1, 0], [1, 1], [0, 1]], dtype=float)
    for zoom in {k[0] for k in keys}:
        rows = [i for i, k in enumerate(keys) if k[0] == zoom]
        xy = np.array([[keys[i][1], keys[i][2]] for i in rows], dtype=float)
        corners = (xy[:, None, :] + offsets[None, :, :]).reshape(-1, 2)
        out[rows] = tile_to_lonlat(corners, zoom).reshape(-1, 4, 2)
    return out


def zoom_for_resolution(m_per_px: float, lat: float, *, max_zoom: int = OSM_MAX_ZOOM) -> int:
    """The tile zoom whose pixels are closest in size to ``m_per_px`` metres at latitude ``lat``.

    Parameters
    ----------
    m_per_px
        Ground metres per device pixel of the screen.
    lat
        Latitude of the view centre, degrees (tiles shrink with its cosine).
    max_zoom
        Deepest zoom level to return.
    """
    if not (math.isfinite(m_per_px) and m_per_px > 0):
        msg = f"`m_per_px` should be a positive number, got {m_per_px!r}"
        raise ValueError(msg)
    scale = _Z0_M_PER_PX * max(math.cos(math.radians(min(abs(lat), MAX_LAT))), 1e-6)
    return int(min(max(round(math.log2(scale / m_per_px)), 0), max_zoom))


def tiles_covering(lonlat: np.ndarray, zoom: int) -> list[TileKey]:
    """Tiles at ``zoom`` covering the bounding box of the lon/lat points ``(n, 2)``.

    The list is ordered from the centre of the box outwards, so that the tiles the eye looks at
    first are fetched first.
    """
    txy = lonlat_to_tile(lonlat, zoom)
    n = 2**zoom
    lo = np.clip(np.floor(txy.min(axis=0)).astype(int), 0, n - 1)
    hi = np.clip(np.floor(txy.max(axis=0)).astype(int), 0, n - 1)
    xs, ys = np.meshgrid(np.arange(lo[0], hi[0] + 1), np.arange(lo[1], hi[1] + 1))
    xs, ys = xs.ravel(), ys.ravel()
    centre = txy.mean(axis=0)
    order = np.argsort((xs + 0.5 - centre[0]) ** 2 + (ys + 0.5 - centre[1]) ** 2, kind="stable")
    return [(zoom, int(xs[i]), int(ys[i])) for i in order]


def parent_tile(key: TileKey, levels: int = 1) -> tuple[TileKey, tuple[float, float, float]]:
    """The ancestor ``levels`` zooms up, and where ``key`` sits in it.

    Returns
    -------
    parent, (u, v, size)
        The parent tile, and the top-left corner and size of ``key`` inside it as fractions of
        the parent's edge.
    """
    z, x, y = key
    levels = min(levels, z)
    f = 2**levels
    size = 1.0 / f
    return (z - levels, x // f, y // f), ((x % f) * size, (y % f) * size, size)


# -- disk cache --------------------------------------------------------------------------------
@dataclass(frozen=True)
class TileCache:
    """Tiles kept on disk as ``root/z/x/y.png`` (the XYZ layout other GIS tools read too).

    Attributes
    ----------
    root
        Folder of one tile source.
    """

    root: Path

    def path(self, key: TileKey) -> Path:
        """File of tile ``key`` (whether or not it exists)."""
        z, x, y = key
        return Path(self.root) / str(z) / str(x) / f"{y}.png"

    def has(self, key: TileKey) -> bool:
        """Whether tile ``key`` is on disk."""
        return self.path(key).is_file()

    def read(self, key: TileKey) -> bytes | None:
        """The bytes of tile ``key``, or ``None`` when it is not cached."""
        try:
            return self.path(key).read_bytes()
        except OSError:
            return None

    def age_days(self, key: TileKey) -> float | None:
        """Days since tile ``key`` was fetched or revalidated, ``None`` when not cached."""
        try:
            return (time.time() - self.path(key).stat().st_mtime) / 86_400.0
        except OSError:
            return None

    def write(self, key: TileKey, data: bytes) -> Path:
        """Store tile ``key`` atomically: a reader never sees half a tile.

        Raises
        ------
        InputError
            When the tile cannot be written (no permission, disk full).
        """
        target = self.path(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise write_error(exc, target, what=N_("the map tile")) from exc
        return write_bytes_atomic(target, data, what=N_("the map tile"))

    def touch(self, key: TileKey) -> None:
        """Mark tile ``key`` as freshly revalidated (the server said it has not changed)."""
        os.utime(self.path(key))


# -- fetching ----------------------------------------------------------------------------------
#: ``urlopen(request, timeout=)`` replacement, for tests and proxies.
Opener = Callable[..., object]


def fetch_tile(
    key: TileKey,
    *,
    url_template: str = OSM_TILE_URL,
    if_modified_since: float | None = None,
    timeout_s: float = 10.0,
    opener: Opener | None = None,
) -> bytes | None:
    """Download one tile.

    Parameters
    ----------
    key
        ``(z, x, y)``.
    url_template
        With ``{z}``, ``{x}``, ``{y}``.
    if_modified_since
        POSIX time of the cached copy; the server may answer "not modified" (then ``None``).
    timeout_s
        Seconds to wait for the server.
    opener
        Replaces `urllib.request.urlopen`.

    Returns
    -------
    bytes or None
        The PNG/JPEG bytes, or ``None`` when the cached copy is still current.

    Raises
    ------
    OfflineError
        No connection to the tile server (no internet, DNS failure, timeout).
    CcgeoError
        The server refused the tile or sent something that is not an image.
    """
    z, x, y = key
    url = url_template.format(z=z, x=x, y=y)
    headers = {"User-Agent": user_agent()}
    if if_modified_since is not None:
        headers["If-Modified-Since"] = email.utils.formatdate(if_modified_since, usegmt=True)
    request = urllib.request.Request(url, headers=headers)
    open_url = opener or urllib.request.urlopen
    try:
        with open_url(request, timeout=timeout_s) as response:  # type: ignore[attr-defined]
            data: bytes = response.read()
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return None
        msg = _(
            "the tile server refused {url} (HTTP {code} {reason}); "
            "the roads and districts remain the base map"
        ).format(url=url, code=exc.code, reason=exc.reason)
        raise CcgeoError(msg) from exc
    except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
        reason = getattr(exc, "reason", exc)
        msg = _("cannot reach {host} ({reason}); is the computer online?").format(
            host=url.split("/")[2], reason=reason
        )
        raise OfflineError(msg) from exc
    if not (data.startswith(_PNG_MAGIC) or data.startswith(_JPEG_MAGIC)):
        msg = _("{url} did not return an image ({size} bytes starting {start!r})").format(
            url=url, size=len(data), start=data[:16]
        )
        raise CcgeoError(msg)
    return data
