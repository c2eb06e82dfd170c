"""The main window: map canvas, layer panel, menus, toolbar and status bar around a `Project`."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pyproj import CRS
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QStyle,
    QToolButton,
    QWidget,
)

import ccgeo
from ccgeo.errors import InputError, check_cancel
from ccgeo.gui.canvas.build import layers_from_project
from ccgeo.gui.canvas.layers import MapLayer
from ccgeo.gui.canvas.map_canvas import MapCanvas
from ccgeo.gui.extensions import install_extensions
from ccgeo.gui.icons import make_icon
from ccgeo.gui.panels.layers import LayerPanel
from ccgeo.gui.workers import Worker
from ccgeo.io import project as project_io
from ccgeo.io.project import Project
from ccgeo.model import ProgressCallback, report_progress, scaled_progress

log = logging.getLogger(__name__)

PROJECT_FILTER = "ccgeo project (*.ccgeo);;All files (*)"
OSM_ATTRIBUTION = "Roads © OpenStreetMap contributors"
_OSM_SUFFIXES = (".pbf", ".osm", ".osm.bz2", ".osm.gz", ".xml", ".graphml")


@dataclass(frozen=True)
class LoadedProject:
    """A project with its map layers, built off the GUI thread."""

    project: Project
    crs: CRS
    layers: list[MapLayer]


def prepare_project(
    load: Callable[..., Project],
    *,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> LoadedProject:
    """Load a project with ``load(progress=, cancel=)`` and build its map layers (worker thread)."""
    project = load(progress=scaled_progress(progress, 0.0, 0.7), cancel=cancel)
    check_cancel(cancel)
    stage = scaled_progress(progress, 0.7, 1.0)
    crs, layers = layers_from_project(project, progress=stage, cancel=cancel)
    return LoadedProject(project, crs, layers)


def load_project_file(
    path: Path,
    *,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> Project:
    """Open a ``.ccgeo`` file (`ccgeo.io.project.open_project`), checking it exists first."""
    if not path.is_file():
        what = "is a folder, not a project file" if path.is_dir() else "does not exist"
        raise InputError(f"the project file {what}; check the path", path=path)
    report_progress(progress, 0.0, f"Opening {path.name}…")
    check_cancel(cancel)
    return project_io.open_project(path)


def load_demo(
    *, progress: ProgressCallback | None = None, cancel: threading.Event | None = None
) -> Project:
    """The bundled synthetic demo city (`ccgeo.demo.load_demo_project`)."""
    from ccgeo import demo

    return demo.load_demo_project(progress=progress, cancel=cancel)


def save_project_file(
    project: Project,
    path: Path,
    *,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> Path:
    """Save ``project`` to ``path`` (`ccgeo.io.project.save_project`); returns the path written."""
    report_progress(progress, 0.0, f"Saving {path.name}…")
    check_cancel(cancel)
    return Path(project_io.save_project(project, path))


def attribution_for(project: Project) -> str:
    """The credit line the map must show for ``project``'s data."""
    if project.metadata.get("synthetic"):
        # Synthetic roads are not OpenStreetMap data; crediting OSM would mislead.
        return "SYNTHETIC demo data: not a real city"
    parts = []
    if project.roads is not None:
        source = str(project.roads.source).lower()
        if source.startswith("download") or source.endswith(_OSM_SUFFIXES):
            parts.append(OSM_ATTRIBUTION)
    return "  ·  ".join(parts)


class MainWindow(QMainWindow):
    """The ccgeo workbench: a map of the project with its layers, and the file and view commands.

    Signals
    -------
    projectLoaded(project)
        After `set_project` has shown a project.
    taskFailed(message)
        After a background task failed (the message box has been shown).
    """

    projectLoaded = Signal(object)  # noqa: N815 - Qt signal naming
    taskFailed = Signal(str)  # noqa: N815
    #: The project's data changed (an edit, an import, a what-if); the flag says unsaved or not.
    modifiedChanged = Signal(bool)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self._workers: set[Worker] = set()
        #: When True, errors go to the log and `taskFailed` only (no modal box): screenshot runs.
        self.quiet_errors = False
        self.canvas = MapCanvas(self)
        self.setCentralWidget(self.canvas)
        self.layer_panel = LayerPanel(self.canvas)
        self.layer_dock = QDockWidget("Layers", self)
        self.layer_dock.setObjectName("layers_dock")
        self.layer_dock.setWidget(self.layer_panel)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.layer_dock)
        self.resizeDocks([self.layer_dock], [290], Qt.Orientation.Horizontal)
        self._modified = False
        #: Menus by key ("file", "edit", "view", "layer", "analysis", "help"), for extensions.
        self.menus: dict[str, QMenu] = {}
        #: Dock widgets by key, for extensions and tests.
        self.docks: dict[str, QDockWidget] = {"layers": self.layer_dock}
        self._build_status_bar()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self.canvas.cursorMoved.connect(self._show_cursor)
        self.canvas.scaleChanged.connect(self._show_scale)
        self.canvas.set_tool("pan")
        self._update_title()
        self.resize(1280, 800)
        install_extensions(self)

    # -- extension points ----------------------------------------------------------------------
    def add_dock(
        self,
        key: str,
        title: str,
        widget: QWidget,
        *,
        area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea,
        tabify_with: str | None = None,
    ) -> QDockWidget:
        """Add a dock panel, listed in View ▸ Panels so it can be shown again once closed."""
        dock = QDockWidget(title, self)
        dock.setObjectName(f"{key}_dock")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        if tabify_with is not None and tabify_with in self.docks:
            self.tabifyDockWidget(self.docks[tabify_with], dock)
        toggle = dock.toggleViewAction()
        toggle.setToolTip(f"Show or hide the {title.lower()} panel")
        self.menus["panels"].addAction(toggle)
        self.docks[key] = dock
        return dock

    @property
    def is_modified(self) -> bool:
        """Whether the project has changes not yet saved."""
        return self._modified

    def set_modified(self, modified: bool = True) -> None:
        """Mark the project as changed (or saved); updates the title's ``*``."""
        if modified != self._modified:
            self._modified = modified
            self._update_title()
            self.modifiedChanged.emit(modified)

    # -- construction ------------------------------------------------------------------------
    def _action(
        self,
        text: str,
        tip: str,
        slot: Callable[[], Any],
        *,
        icon: QIcon | None = None,
        shortcuts: list[QKeySequence | str] | None = None,
    ) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        if icon is not None:
            action.setIcon(icon)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _std_icon(self, pixmap: QStyle.StandardPixmap) -> QIcon:
        return self.style().standardIcon(pixmap)

    def _build_actions(self) -> None:
        sp = QStyle.StandardPixmap
        self.act_open = self._action(
            "&Open project…",
            "Open a .ccgeo project file",
            self.open_project_dialog,
            icon=self._std_icon(sp.SP_DialogOpenButton),
            shortcuts=["Ctrl+O"],
        )
        self.act_save = self._action(
            "&Save",
            "Save the project to its file",
            self.save_project,
            icon=self._std_icon(sp.SP_DialogSaveButton),
            shortcuts=["Ctrl+S"],
        )
        self.act_save_as = self._action(
            "Save &As…",
            "Save the project to a new .ccgeo file",
            self.save_project_as,
            icon=self._std_icon(sp.SP_DriveHDIcon),
            shortcuts=["Ctrl+Shift+S"],
        )
        self.act_export = self._action(
            "&Export view as PNG…",
            "Save the map as shown, with scale bar and north arrow, as a PNG image",
            self.export_view_dialog,
            icon=make_icon("export_png"),
        )
        self.act_quit = self._action(
            "&Quit",
            "Close ccgeo",
            self.close,
            icon=self._std_icon(sp.SP_DialogCloseButton),
            shortcuts=["Ctrl+Q"],
        )
        self.act_zoom_in = self._action(
            "Zoom &in",
            "Zoom in on the centre of the map (+, or the mouse wheel)",
            self.canvas.zoom_in,
            icon=make_icon("zoom_in"),
            shortcuts=["+", "=", QKeySequence.StandardKey.ZoomIn],
        )
        self.act_zoom_out = self._action(
            "Zoom &out",
            "Zoom out from the centre of the map (−, or the mouse wheel)",
            self.canvas.zoom_out,
            icon=make_icon("zoom_out"),
            shortcuts=["-", QKeySequence.StandardKey.ZoomOut],
        )
        self.act_zoom_full = self._action(
            "Zoom to &full extent",
            "Show every layer (Ctrl+0 or Home)",
            self.canvas.zoom_to_full_extent,
            icon=make_icon("zoom_full"),
            shortcuts=["Ctrl+0", "Home"],
        )
        self.act_pan = self._action(
            "&Pan mode",
            "Drag the map to move it",
            lambda: self.canvas.set_tool("pan"),
            icon=make_icon("pan"),
        )
        self.act_zoom_box = self._action(
            "Zoom &box mode",
            "Drag a rectangle to zoom to it; click to zoom in",
            lambda: self.canvas.set_tool("zoom_box"),
            icon=make_icon("zoom_box"),
        )
        self.tool_group = QActionGroup(self)
        for action in (self.act_pan, self.act_zoom_box):
            action.setCheckable(True)
            self.tool_group.addAction(action)
        self.act_pan.setChecked(True)
        self.canvas.toolChanged.connect(self._sync_tool)
        self.act_about = self._action(
            "&About ccgeo",
            "Version, data sources and credits",
            self.show_about,
            icon=self._std_icon(sp.SP_MessageBoxInformation),
        )
        self.act_toggle_layers = self.layer_dock.toggleViewAction()
        self.act_toggle_layers.setText("&Layers panel")
        self.act_toggle_layers.setToolTip("Show or hide the layer panel")
        for action in (self.act_save, self.act_save_as, self.act_export):
            action.setEnabled(False)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.act_open, self.act_save, self.act_save_as])
        file_menu.addSeparator()
        self.menus["import"] = file_menu.addMenu("&Import")
        self.menus["export"] = file_menu.addMenu("E&xport")
        self.menus["export"].addAction(self.act_export)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        self.menus["file"] = file_menu
        self.menus["edit"] = bar.addMenu("&Edit")
        view_menu = bar.addMenu("&View")
        view_menu.addActions([self.act_zoom_in, self.act_zoom_out, self.act_zoom_full])
        view_menu.addSeparator()
        view_menu.addActions([self.act_pan, self.act_zoom_box])
        view_menu.addSeparator()
        self.menus["panels"] = view_menu.addMenu("&Panels")
        self.menus["panels"].addAction(self.act_toggle_layers)
        self.menus["view"] = view_menu
        self.menus["layer"] = bar.addMenu("&Layer")
        self.menus["analysis"] = bar.addMenu("&Analysis")
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.act_about)
        self.menus["help"] = help_menu

    def _build_toolbar(self) -> None:
        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("main_toolbar")
        toolbar.setIconSize(QSize(24, 24))
        toolbar.addActions([self.act_open, self.act_save])
        toolbar.addSeparator()
        toolbar.addActions([self.act_pan, self.act_zoom_box])
        toolbar.addSeparator()
        toolbar.addActions([self.act_zoom_in, self.act_zoom_out, self.act_zoom_full])
        toolbar.addSeparator()
        toolbar.addAction(self.act_export)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.message_label = QLabel("Ready")
        self.progress_bar = QProgressBar()
        self.progress_bar.setMaximumWidth(160)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.hide()
        self.cancel_button = QToolButton()
        self.cancel_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_BrowserStop))
        self.cancel_button.setToolTip("Cancel what is running")
        self.cancel_button.clicked.connect(self.cancel_tasks)
        self.cancel_button.hide()
        self.coord_label = QLabel("")
        self.coord_label.setToolTip("Longitude, latitude under the cursor (WGS 84, degrees)")
        self.coord_label.setMinimumWidth(230)
        self.scale_label = QLabel("")
        self.scale_label.setToolTip("Map scale on this screen")
        self.scale_label.setMinimumWidth(90)
        status.addWidget(self.message_label, 1)
        status.addPermanentWidget(self.progress_bar)
        status.addPermanentWidget(self.cancel_button)
        status.addPermanentWidget(self.coord_label)
        status.addPermanentWidget(self.scale_label)

    # -- project -----------------------------------------------------------------------------
    def set_project(
        self,
        project: Project,
        *,
        crs: CRS | None = None,
        layers: list[MapLayer] | None = None,
    ) -> None:
        """Show ``project``: its layers on the map (built here unless given), title and credits."""
        if layers is None or crs is None:
            crs, layers = layers_from_project(project)
        self.project = project
        self.canvas.attribution = attribution_for(project)
        self.canvas.set_layers(layers, crs)
        self._show_scale(self.canvas.scale_denominator())
        for action in (self.act_save, self.act_save_as, self.act_export):
            action.setEnabled(True)
        self._update_title()
        self.message_label.setText(f"{project.name}: {len(layers)} layers")
        self.projectLoaded.emit(project)

    def _update_title(self) -> None:
        name = self.project.name if self.project is not None else None
        star = "*" if getattr(self, "_modified", False) else ""
        self.setWindowTitle(f"{star}{name} — ccgeo" if name else "ccgeo")

    def load_project(self, path: str | Path | None = None) -> Worker:
        """Open the project at ``path`` (or the demo city when ``None``) in the background."""
        if path is None:
            return self.run_task(
                prepare_project, load_demo, text="Loading the demo city…", on_done=self._loaded
            )
        file = Path(path)

        def load(*, progress: ProgressCallback | None, cancel: threading.Event | None) -> Project:
            return load_project_file(file, progress=progress, cancel=cancel)

        return self.run_task(
            prepare_project, load, text=f"Opening {file.name}…", on_done=self._loaded
        )

    def _loaded(self, loaded: LoadedProject) -> None:
        self.set_project(loaded.project, crs=loaded.crs, layers=loaded.layers)

    def open_project_dialog(self) -> None:
        """Ask for a ``.ccgeo`` file and open it."""
        path, _ = QFileDialog.getOpenFileName(
            self, "Open project", self._start_dir(), PROJECT_FILTER
        )
        if path:
            self.load_project(path)

    def save_project(self) -> Worker | None:
        """Save to the project's file, or ask for one if it has none yet."""
        if self.project is None:
            return None
        if self.project.path is None:
            return self.save_project_as()
        return self._save_to(Path(self.project.path))

    def save_project_as(self) -> Worker | None:
        """Ask for a file name and save the project there."""
        if self.project is None:
            return None
        path, _ = QFileDialog.getSaveFileName(
            self, "Save project as", self._suggested_path(".ccgeo"), PROJECT_FILTER
        )
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() != ".ccgeo":
            target = target.with_name(target.name + ".ccgeo")
        return self._save_to(target)

    def _save_to(self, path: Path) -> Worker:
        project = self.project
        assert project is not None  # guarded by the callers

        def saved(written: Path) -> None:
            project.path = written
            self.message_label.setText(f"Saved {written}")
            self.set_modified(False)
            self._update_title()

        return self.run_task(
            save_project_file, project, path, text=f"Saving {path.name}…", on_done=saved
        )

    def export_view_dialog(self) -> None:
        """Ask for a file name and save the current view as a PNG."""
        path, _ = QFileDialog.getSaveFileName(
            self, "Export view as PNG", self._suggested_path(".png"), "PNG image (*.png)"
        )
        if path:
            target = Path(path)
            if target.suffix.lower() != ".png":
                target = target.with_name(target.name + ".png")
            self.export_view(target)

    def export_view(self, path: Path) -> bool:
        """Save the map as shown, at twice the screen resolution, with its decorations."""
        image = self.canvas.render_image(decorations=True, pixel_ratio=2.0)
        if not image.save(str(path), "PNG"):
            self.show_error(
                "Could not export the view",
                f"{path}: the image could not be written; check that the folder exists and "
                "that you may write to it, and that the disk is not full.",
            )
            return False
        self.message_label.setText(f"Exported the view to {path}")
        return True

    def _start_dir(self) -> str:
        if self.project is not None and self.project.path is not None:
            return str(Path(self.project.path).parent)
        return str(Path.home())

    def _suggested_path(self, suffix: str) -> str:
        name = (self.project.name if self.project is not None else "map") or "map"
        safe = "".join(c if c.isalnum() or c in "-_ " else "_" for c in name).strip() or "map"
        return str(Path(self._start_dir()) / f"{safe}{suffix}")

    def show_about(self) -> None:
        """Version, credits, and the synthetic-data note when the project is the demo."""
        QMessageBox.about(self, "About ccgeo", self.about_text())

    def about_text(self) -> str:
        """The text of the About box (HTML)."""
        lines = [
            f"<h3>ccgeo {ccgeo.__version__}</h3>",
            "<p>Who can reach a laboratory able to do a cancer diagnostic test "
            "(IHC, PCR, NGS), and who cannot.</p>",
            "<p>Road and map data © OpenStreetMap contributors, available under the "
            "Open Database Licence (ODbL).</p>",
        ]
        if self.project is not None and self.project.metadata.get("synthetic"):
            note = self.project.metadata.get("note") or (
                "This project holds SYNTHETIC demo data: the city, its people and its "
                "facilities are not real."
            )
            lines.append(f"<p><b>Synthetic data.</b> {note}</p>")
        return "\n".join(lines)

    # -- background tasks --------------------------------------------------------------------
    def run_task(
        self,
        fn: Callable[..., Any],
        *args: Any,
        text: str,
        on_done: Callable[[Any], None],
    ) -> Worker:
        """Run ``fn(*args, progress=, cancel=)`` on the thread pool with a busy indicator.

        ``on_done(result)`` runs in the GUI thread; a `ccgeo.errors.CcgeoError` is shown in a
        message box with its text.
        """
        worker = Worker(fn, *args)
        self._workers.add(worker)
        signals = worker.signals
        signals.progress.connect(self._show_progress)
        signals.finished.connect(lambda result: self._task_done(worker, text, on_done, result))
        signals.failed.connect(lambda message: self._task_failed(worker, text, message))
        signals.cancelled.connect(lambda: self._task_cancelled(worker, text))
        self.message_label.setText(text)
        self.progress_bar.setRange(0, 0)  # busy until the task reports progress
        self.progress_bar.show()
        self.cancel_button.show()
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        return worker.start()

    def _show_progress(self, fraction: float, text: str) -> None:
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setValue(round(1000 * fraction))
        if text:
            self.message_label.setText(text)

    def _end_task(self, worker: Worker) -> None:
        self._workers.discard(worker)
        QApplication.restoreOverrideCursor()
        if not self._workers:
            self.progress_bar.hide()
            self.cancel_button.hide()

    def _task_done(
        self, worker: Worker, text: str, on_done: Callable[[Any], None], result: Any
    ) -> None:
        self._end_task(worker)
        self.message_label.setText(f"{text.rstrip('…')}: done")
        on_done(result)

    def _task_failed(self, worker: Worker, text: str, message: str) -> None:
        self._end_task(worker)
        self.message_label.setText(f"{text.rstrip('…')}: failed")
        self.show_error(text.rstrip("…"), message)
        self.taskFailed.emit(message)

    def _task_cancelled(self, worker: Worker, text: str) -> None:
        self._end_task(worker)
        self.message_label.setText(f"{text.rstrip('…')}: cancelled")

    def cancel_tasks(self) -> None:
        """Ask every running task to stop."""
        for worker in list(self._workers):
            worker.cancel()

    def show_error(self, title: str, message: str) -> None:
        """Tell the user what went wrong (a message box, or the log in quiet mode)."""
        log.warning("%s: %s", title, message)
        if not self.quiet_errors:
            QMessageBox.critical(self, title, message)

    # -- status bar --------------------------------------------------------------------------
    def _show_cursor(self, lon: float, lat: float) -> None:
        self.coord_label.setText(f"Lon {lon:.5f}°  Lat {lat:.5f}°")

    def _show_scale(self, denominator: float) -> None:
        self.scale_label.setText(f"1:{round(denominator):,}")

    def _sync_tool(self, tool: str) -> None:
        (self.act_pan if tool == "pan" else self.act_zoom_box).setChecked(True)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Cancel running tasks before closing; they stop at their next check."""
        self.cancel_tasks()
        for worker in list(self._workers):
            worker.done.wait(5.0)
        super().closeEvent(event)
