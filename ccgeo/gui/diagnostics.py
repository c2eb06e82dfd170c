"""Help ▸ Save diagnostics…: a bundle for a bug report from a workshop with no internet.

A zip file with what the developers need and nothing of the planner's data: the log of this
session (`SessionLog`, kept in memory from the start), the versions of ccgeo, Python, Qt and the
libraries it reads files with, the open project's settings, its data sources (file names, dates,
row counts) and its import reports. No layer, coordinate or population is written.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import platform
import sys
import zipfile
from collections import deque
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from ccgeo.errors import InputError
from ccgeo.gui.language import tr
from ccgeo.io.atomic import atomic_path

if TYPE_CHECKING:
    from ccgeo.gui.main_window import MainWindow
    from ccgeo.project import Project

#: The distributions whose versions a bundle lists.
PACKAGES = (
    "ccgeo", "PySide6", "numpy", "pandas", "geopandas", "shapely", "pyproj", "pyogrio",
    "rasterio", "scipy", "networkx", "osmnx", "osmium", "folium", "openpyxl", "highspy",
    "ortools",
)  # fmt: skip
#: Lines of the session log kept (the oldest go first).
LOG_LINES = 5_000


class SessionLog(logging.Handler):
    """The last `LOG_LINES` records of ccgeo's loggers in this session, as text lines."""

    def __init__(self) -> None:
        super().__init__(level=logging.INFO)
        self.lines: deque[str] = deque(maxlen=LOG_LINES)
        self.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        """Keep ``record`` as a line (a record that cannot be formatted is kept as such)."""
        try:
            self.lines.append(self.format(record))
        except Exception:
            self.lines.append(f"{record.levelname} {record.name}: (unformattable record)")

    @classmethod
    def installed(cls) -> SessionLog:
        """The handler on the ``ccgeo`` logger, added once per process."""
        logger = logging.getLogger("ccgeo")
        for handler in logger.handlers:
            if isinstance(handler, cls):
                return handler
        handler = cls()
        logger.addHandler(handler)
        if logger.level == logging.NOTSET or logger.level > logging.INFO:
            logger.setLevel(logging.INFO)
        return handler


def versions() -> dict[str, str]:
    """ccgeo's, Python's, the platform's and each package's version (``"not installed"``)."""
    out = {"python": sys.version.split()[0], "platform": platform.platform()}
    for name in PACKAGES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "not installed"
    try:
        from PySide6.QtCore import qVersion

        out["Qt"] = qVersion()
    except ImportError:  # pragma: no cover - the app runs on Qt
        pass
    return out


def project_facts(project: Project | None) -> dict[str, Any]:
    """What a bundle says of the project: its name, the settings, the data sources (file names,
    dates, rows) and how many features each layer has; never a feature."""
    if project is None:
        return {"project": None}
    settings = {k: v for k, v in project.settings.items() if k != "view"}
    counts = {
        "facilities": len(project.facilities) if project.facilities is not None else 0,
        "population points": len(project.demand) if project.demand is not None else 0,
        "districts": len(project.districts) if project.districts is not None else 0,
        "road edges": int(project.roads.n_edges) if project.roads is not None else 0,
    }
    sources = [
        {**entry, "path": Path(str(entry.get("path", ""))).name}
        for entry in project.metadata.get("sources") or []
        if isinstance(entry, dict)
    ]
    return {
        "project": project.name,
        "saved as": Path(project.path).name if project.path is not None else None,
        "counts": counts,
        "settings": settings,
        "sources": sources,
        "scenarios": [s.name for s in project.scenarios],
    }


def write_bundle(path: str | Path, log: SessionLog, project: Project | None) -> Path:
    """Write the diagnostics zip to ``path`` (atomically); returns it."""
    path = Path(path)
    reports = [r.to_dict() for r in project.import_reports] if project is not None else []
    parts = {
        "README.txt": (
            "ccgeo diagnostics, made with Help > Save diagnostics on "
            f"{dt.datetime.now().astimezone():%d %B %Y %H:%M}. It holds the session log, the "
            "versions, the project's settings, data sources and import reports: no layer, "
            "coordinate or population.\n"
        ),
        "log.txt": "\n".join(log.lines) + "\n",
        "versions.json": json.dumps(versions(), indent=2),
        "project.json": json.dumps(project_facts(project), indent=2, default=str),
        "import_reports.json": json.dumps(reports, indent=2, default=str),
    }
    with (
        atomic_path(path, what="the diagnostics") as tmp,
        zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as bundle,
    ):
        for name, text in parts.items():
            bundle.writestr(name, text)
    return path


class Diagnostics:
    """Help ▸ Save diagnostics… of a main window (kept as ``window.diagnostics``)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.log = SessionLog.installed()
        self.action = QAction(tr("Save &diagnostics…"), window)
        tip = tr(
            "Save a zip for a bug report: this session's log, the versions, the project's "
            "settings and import reports, never its data"
        )
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)
        self.action.triggered.connect(lambda _checked=False: self.save_dialog())
        window.menus["help"].addAction(self.action)

    def save_dialog(self) -> Path | None:
        """Ask where, then write the bundle; the status bar says where it went."""
        window = self.window
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M")
        suggested = str(Path.home() / f"ccgeo-diagnostics-{stamp}.zip")
        path, _ = QFileDialog.getSaveFileName(
            window, tr("Save diagnostics"), suggested, tr("Zip archive (*.zip)")
        )
        if not path:
            return None
        target = Path(path) if path.lower().endswith(".zip") else Path(path + ".zip")
        try:
            written = write_bundle(target, self.log, window.project)
        except (InputError, OSError) as exc:  # a full disk, a folder not writable
            window.show_error(tr("Could not save the diagnostics"), str(exc))
            return None
        window.say(
            lambda: tr("Diagnostics saved to {path} (no data of the project)").format(path=written)
        )
        return written


def install(window: MainWindow) -> None:
    """Add Help ▸ Save diagnostics… (kept as ``window.diagnostics``)."""
    window.diagnostics = Diagnostics(window)  # type: ignore[attr-defined]
