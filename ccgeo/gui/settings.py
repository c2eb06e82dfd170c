"""The user's preferences kept between sessions (QSettings): recent projects, autosave, base map,
language.

Environment variables move every per-user file somewhere else, for tests and portable installs:
``CCGEO_SETTINGS`` (an INI file), ``CCGEO_DATA_DIR`` (recovery files), ``CCGEO_CACHE_DIR``
(downloaded map tiles).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

from ccgeo.i18n import LANGUAGES

#: How many projects File ▸ Open Recent lists.
MAX_RECENT = 8
#: Default minutes between two autosaves of a project with unsaved changes.
DEFAULT_AUTOSAVE_MINUTES = 5.0
#: Choices offered in File ▸ Autosave, minutes.
AUTOSAVE_CHOICES: tuple[float, ...] = (1.0, 2.0, 5.0, 10.0, 15.0)
#: Base maps of View ▸ Base map: the project's OSM data, a tiles file, OSM web tiles, none.
BASEMAPS: tuple[str, ...] = ("project", "file", "osm", "none")
#: The base map of a first start: drawn offline from the project's own OpenStreetMap data.
DEFAULT_BASEMAP = "project"

_ORGANISATION = "ccgeo"
_APPLICATION = "ccgeo"
_RECENT_KEY = "project/recent"
_LAST_KEY = "project/last"
_AUTOSAVE_KEY = "autosave/minutes"
_BASEMAP_KEY = "view/basemap"
_BASEMAP_FILE_KEY = "view/basemap_file"
_LANGUAGE_KEY = "ui/language"


def app_settings() -> QSettings:
    """The settings store: the INI file ``$CCGEO_SETTINGS`` if set, else the platform's own."""
    override = os.environ.get("CCGEO_SETTINGS")
    if override:
        return QSettings(override, QSettings.Format.IniFormat)
    return QSettings(_ORGANISATION, _APPLICATION)


def _folder(env: str, location: QStandardPaths.StandardLocation, sub: str) -> Path:
    override = os.environ.get(env)
    if override:
        folder = Path(override)
    else:
        base = QStandardPaths.writableLocation(location)
        # Without an application name Qt answers the bare data folder; keep ccgeo's own corner.
        folder = Path(base) if base else Path.home() / ".ccgeo"
        if _APPLICATION not in folder.parts:
            folder = folder / _APPLICATION
    folder = folder / sub if sub else folder
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def data_dir() -> Path:
    """Folder of the recovery files (``$CCGEO_DATA_DIR``, else the app's local data folder)."""
    return _folder("CCGEO_DATA_DIR", QStandardPaths.StandardLocation.AppLocalDataLocation, "")


def cache_dir() -> Path:
    """Folder of downloaded map tiles (``$CCGEO_CACHE_DIR``, else the app's cache folder)."""
    return _folder("CCGEO_CACHE_DIR", QStandardPaths.StandardLocation.CacheLocation, "")


def _same_file(a: Path, b: Path) -> bool:
    return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


def recent_projects(settings: QSettings | None = None) -> list[Path]:
    """Recently opened or saved project files, newest first (missing ones included)."""
    settings = settings or app_settings()
    value = settings.value(_RECENT_KEY, [])
    if isinstance(value, str):  # QSettings returns a lone entry as a plain string
        value = [value]
    return [Path(str(v)) for v in (value or []) if str(v)][:MAX_RECENT]


def add_recent_project(path: Path, settings: QSettings | None = None) -> list[Path]:
    """Put ``path`` first in the recent projects and make it the last project; returns the list."""
    settings = settings or app_settings()
    path = Path(os.path.abspath(path))
    paths = [path] + [p for p in recent_projects(settings) if not _same_file(p, path)]
    paths = paths[:MAX_RECENT]
    settings.setValue(_RECENT_KEY, [str(p) for p in paths])
    settings.setValue(_LAST_KEY, str(path))
    settings.sync()
    return paths


def remove_recent_project(path: Path, settings: QSettings | None = None) -> list[Path]:
    """Drop ``path`` from the recent projects (and as last project); returns the list."""
    settings = settings or app_settings()
    paths = [p for p in recent_projects(settings) if not _same_file(p, path)]
    settings.setValue(_RECENT_KEY, [str(p) for p in paths])
    last = last_project(settings)
    if last is not None and _same_file(last, path):
        settings.remove(_LAST_KEY)
    settings.sync()
    return paths


def clear_recent_projects(settings: QSettings | None = None) -> None:
    """Forget every recent project (the last project is kept for the next start)."""
    settings = settings or app_settings()
    settings.setValue(_RECENT_KEY, [])
    settings.sync()


def last_project(settings: QSettings | None = None) -> Path | None:
    """The project to open on the next start, or ``None`` (first start: the demo city)."""
    settings = settings or app_settings()
    value = settings.value(_LAST_KEY, "")
    return Path(str(value)) if value else None


def autosave_minutes(settings: QSettings | None = None) -> float:
    """Minutes between two autosaves, default `DEFAULT_AUTOSAVE_MINUTES` (never below 0.1)."""
    settings = settings or app_settings()
    try:
        minutes = float(settings.value(_AUTOSAVE_KEY, DEFAULT_AUTOSAVE_MINUTES))
    except (TypeError, ValueError):
        minutes = DEFAULT_AUTOSAVE_MINUTES
    return max(minutes, 0.1) if minutes == minutes else DEFAULT_AUTOSAVE_MINUTES


def set_autosave_minutes(minutes: float, settings: QSettings | None = None) -> None:
    """Store the autosave interval, minutes."""
    settings = settings or app_settings()
    settings.setValue(_AUTOSAVE_KEY, float(minutes))
    settings.sync()


def basemap(settings: QSettings | None = None) -> str:
    """The chosen base map, one of `BASEMAPS`; `DEFAULT_BASEMAP` unless the user chose one."""
    settings = settings or app_settings()
    value = str(settings.value(_BASEMAP_KEY, DEFAULT_BASEMAP))
    return value if value in BASEMAPS else DEFAULT_BASEMAP


def set_basemap(name: str, settings: QSettings | None = None) -> None:
    """Remember the base map choice for the next start."""
    if name not in BASEMAPS:
        msg = f"`name` should be one of {', '.join(BASEMAPS)}, got {name!r}"
        raise ValueError(msg)
    settings = settings or app_settings()
    settings.setValue(_BASEMAP_KEY, name)
    settings.sync()


def basemap_file(settings: QSettings | None = None) -> Path | None:
    """The tiles file (MBTiles, PMTiles) last chosen as base map, or None."""
    settings = settings or app_settings()
    value = settings.value(_BASEMAP_FILE_KEY, "")
    return Path(str(value)) if value else None


def set_basemap_file(path: Path, settings: QSettings | None = None) -> None:
    """Remember the tiles file of the base map for the next start."""
    settings = settings or app_settings()
    settings.setValue(_BASEMAP_FILE_KEY, str(path))
    settings.sync()


def language(settings: QSettings | None = None) -> str | None:
    """The language chosen in Preferences (a key of `ccgeo.i18n.LANGUAGES`), or None to follow
    the system's."""
    settings = settings or app_settings()
    value = str(settings.value(_LANGUAGE_KEY, "") or "")
    return value if value in LANGUAGES else None


def set_language(code: str | None, settings: QSettings | None = None) -> None:
    """Remember the app's language for the next start (None: follow the system's)."""
    if code is not None and code not in LANGUAGES:
        msg = f"`code` should be one of {', '.join(LANGUAGES)} or None, got {code!r}"
        raise ValueError(msg)
    settings = settings or app_settings()
    if code is None:
        settings.remove(_LANGUAGE_KEY)
    else:
        settings.setValue(_LANGUAGE_KEY, code)
    settings.sync()
