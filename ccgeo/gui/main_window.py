"""The main window: map canvas, layer panel, menus, toolbar and status bar around a `Project`."""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pyproj import CRS
from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QIcon,
    QKeySequence,
    QShowEvent,
    QUndoStack,
)
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
from ccgeo import project as project_io
from ccgeo.errors import InputError, check_cancel
from ccgeo.gui import settings
from ccgeo.gui.autosave import Autosaver, Recovery, find_recovery, load_recovery
from ccgeo.gui.canvas.basemaps import SOURCES, BasemapSwitch, prepared_layers
from ccgeo.gui.canvas.map_canvas import MapCanvas
from ccgeo.gui.canvas.tiles import BaseMap
from ccgeo.gui.extensions import install_extensions
from ccgeo.gui.icons import make_icon
from ccgeo.gui.language import QT_TR_NOOP, notifier, tr
from ccgeo.gui.panels.layers import LayerPanel
from ccgeo.gui.shortcuts import guard_typing
from ccgeo.gui.view_state import fit_to_screen
from ccgeo.gui.wording import for_planner
from ccgeo.gui.workers import Worker
from ccgeo.io.kinds import dialog_filter
from ccgeo.io.tilefiles import open_tile_archive
from ccgeo.io.tiles import OSM_TILE_ATTRIBUTION
from ccgeo.labels import format_count, format_number
from ccgeo.progress import ProgressCallback, report_progress, scaled_progress
from ccgeo.project import UNTITLED, Project
from ccgeo.render.build import layers_from_project
from ccgeo.render.layers import MapLayer
from ccgeo.report.methods import uses_osm

log = logging.getLogger(__name__)

#: The credit of OpenStreetMap roads (English; `tr` where shown).
OSM_ATTRIBUTION = QT_TR_NOOP("Roads © OpenStreetMap contributors")
#: The name of a project never named (`ccgeo.project.UNTITLED`), as the title bar shows it.
_UNTITLED = QT_TR_NOOP("Untitled project")


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
    # the offline base map's layers too; the window shows them when that base map is chosen
    return LoadedProject(project, crs, [*prepared_layers(project, crs), *layers])


def load_project_file(
    path: Path,
    *,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> Project:
    """Open a ``.ccgeo`` file (`ccgeo.project.open_project`), checking it exists first."""
    if not path.is_file():
        if path.is_dir():
            why = tr("the project file is a folder, not a project file; check the path")
        else:
            why = tr("the project file does not exist; check the path")
        raise InputError(why, path=path)
    report_progress(progress, 0.0, tr("Opening {name}…").format(name=path.name))
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
    """Save ``project`` to ``path`` (`ccgeo.project.save_project`); returns the path written."""
    report_progress(progress, 0.0, tr("Saving {name}…").format(name=path.name))
    check_cancel(cancel)
    return Path(project_io.save_project(project, path))


def save_copy_file(
    project: Project,
    path: Path,
    *,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> Path:
    """Save a copy of ``project`` as a GeoPackage (`ccgeo.project.save_copy`); the project
    keeps its own file."""
    report_progress(progress, 0.0, tr("Saving a copy as {name}…").format(name=path.name))
    check_cancel(cancel)
    return Path(project_io.save_copy(project, path))


def attribution_for(project: Project) -> str:
    """The credit line the map must show for ``project``'s data, in the app's language."""
    if project.metadata.get("synthetic"):
        # Synthetic roads are not OpenStreetMap data; crediting OSM would mislead.
        return tr("SYNTHETIC demo data: not a real city")
    return tr(OSM_ATTRIBUTION) if uses_osm(project) else ""


def with_mnemonic(text: str, menu: QMenu) -> str:
    """``text`` with an Alt+letter (``&``) on its first letter that no entry of ``menu`` uses yet
    (on its first letter when every one is taken), so the keyboard reaches it."""
    taken = {a.text()[a.text().index("&") + 1].lower() for a in menu.actions() if "&" in a.text()}
    letters = [i for i, c in enumerate(text) if c.isalpha()]
    free = [i for i in letters if text[i].lower() not in taken]
    at = free[0] if free else (letters[0] if letters else 0)
    return f"{text[:at]}&{text[at:]}"


def _credit(*parts: str) -> str:
    """Credit lines joined, saying "© OpenStreetMap contributors" once for roads and tiles
    (each part in English or in the app's language)."""
    parts = tuple(p for p in parts if p)
    roads = {OSM_ATTRIBUTION, tr(OSM_ATTRIBUTION)}
    tiles = {OSM_TILE_ATTRIBUTION, tr(OSM_TILE_ATTRIBUTION)}
    if roads & set(parts) and tiles & set(parts):
        both = tr("Roads and base map © OpenStreetMap contributors")
        parts = tuple(both if p in tiles else p for p in parts if p not in roads)
    return "  ·  ".join(parts)


def _settle_heap() -> None:
    """Move the loaded project's many long-lived objects out of the garbage collector's way.

    A full collection that walks them costs 60-80 ms and, when it falls inside a redraw, makes a
    pan stutter; frozen objects are skipped. The previous project's objects are unfrozen first
    so that they can still be freed.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def _every_minutes_text(minutes: float, used: set[str]) -> str:
    """``"Every &5 minutes"``: the Alt-letter the first character of the number or of the unit
    that no entry before has (kept in ``used``), in the app's language."""
    text = tr("Every %n minute(s)", "", round(minutes))
    digits = [i for i, c in enumerate(text) if c.isdigit()]
    start = digits[0] if digits else 0
    for i in range(start, len(text)):
        key = text[i].lower()
        if key.strip() and key not in used:
            used.add(key)
            return f"{text[:i]}&{text[i:]}"
    return text


#: The size of a new main window, pixels, before it fits the screen.
DEFAULT_SIZE = (1280, 800)


def _same_file(a: str | Path, b: str | Path) -> bool:
    """Whether ``a`` and ``b`` name the same file (resolved; the file need not exist)."""
    return Path(a).resolve() == Path(b).resolve()


class MainWindow(QMainWindow):
    """The ccgeo workbench: a map of the project with its layers, and the file and view commands.

    Signals
    -------
    projectLoaded(project)
        After `set_project` has shown a project.
    taskFailed(message)
        After a background task failed (the message box has been shown).
    modifiedChanged(modified)
        The unsaved-changes flag changed.
    edited()
        Every time `set_modified` marks a change (autosave listens to it).
    projectClosed()
        File ▸ Close project: no project is shown any more.
    facilitiesEdited(ids), capacityEdited(ids)
        Facilities were edited in a column analyses read (capabilities, quality; an empty list
        when the layer was replaced), or their capacity (tests per year).
    aboutToSave(project)
        The project is about to be saved (or autosaved): what the window keeps in it (the
        view, `ccgeo.gui.view_state`) is written into it now.
    projectSaved(path)
        The project was saved to ``path`` (File ▸ Save or Save As).
    closing()
        The window closes (after the unsaved changes were dealt with).
    """

    projectLoaded = Signal(object)  # noqa: N815 - Qt signal naming
    taskFailed = Signal(str)  # noqa: N815
    #: The project's data changed (an edit, an import, a what-if); the flag says unsaved or not.
    modifiedChanged = Signal(bool)  # noqa: N815
    #: Facilities were edited (changed ids; empty when the whole layer was replaced).
    facilitiesEdited = Signal(object)  # noqa: N815
    #: The capacity of facilities was edited (their ids): only the lab capacity depends on it.
    capacityEdited = Signal(object)  # noqa: N815
    edited = Signal()
    projectClosed = Signal()  # noqa: N815
    aboutToSave = Signal(object)  # noqa: N815
    projectSaved = Signal(object)  # noqa: N815
    closing = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self._workers: set[Worker] = set()
        self._stage_texts: dict[Worker, str] = {}  # the last stage each task named
        #: When True, errors go to the log and `taskFailed` only (no modal box): screenshot runs.
        self.quiet_errors = False
        #: The project is open in another window (`ccgeo.gui.project_lock`): Save saves a copy.
        self.read_only = False
        #: When False, opened and saved projects are not added to the recent files.
        self.record_history = True
        self._close_confirmed = False
        #: A note for the status bar once the first project is shown (it makes the text).
        self._startup_note: Callable[[], str] | None = None
        #: What made the status bar's text (`say`) and the text it made, to write it again.
        self._said: tuple[Callable[[], str], str] | None = None
        self.canvas = MapCanvas(self)
        self.setCentralWidget(self.canvas)
        #: The one history of the user's edits (what-if, layers, attributes): Edit ▸ Undo.
        self.undo_stack = QUndoStack(self)
        self.layer_panel = LayerPanel(self.canvas, undo_stack=self.undo_stack)
        self.layer_dock = QDockWidget(tr("Layers"), self)
        self.layer_dock.setObjectName("layers_dock")
        self.layer_dock.setWidget(self.layer_panel)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.layer_dock)
        self.resizeDocks([self.layer_dock], [290], Qt.Orientation.Horizontal)
        self._modified = False
        self.autosaver = Autosaver(self)
        self.autosaver.failed.connect(self._show_message)
        self.basemap = BaseMap(settings.cache_dir() / "tiles" / "osm", parent=self)
        self.basemap.message.connect(self._show_message)
        #: The base map chosen in View ▸ Base map and its layers.
        self.basemaps = BasemapSwitch(self.basemap)
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
        self.update_title()
        # the panels take their widths in this size; the window fits the screen when shown
        self.resize(*DEFAULT_SIZE)
        self._fitted = False
        self._start_basemap()
        guard_typing()  # the map's single keys (H, I, S, +) type into a field that has the focus
        notifier().changed.connect(self.retranslate)
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
        self.menus["panels"].addAction(dock.toggleViewAction())
        self.docks[key] = dock
        self._label_panel_toggles()
        # Qt writes a dock's title over its toggle's text (and its Alt-letter) when it changes
        dock.windowTitleChanged.connect(lambda _title: self._label_panel_toggles())
        return dock

    def _label_panel_toggles(self) -> None:
        """Name each entry of View ▸ Panels after its panel, with its own Alt-letter."""
        self.act_toggle_layers.setText(tr("&Layers panel"))
        self.act_toggle_layers.setToolTip(tr("Show or hide the layer panel"))
        menu = self.menus["panels"]
        toggles = [dock.toggleViewAction() for key, dock in self.docks.items() if key != "layers"]
        for toggle in toggles:
            toggle.setText("")  # no Alt-letter taken before each is given its own
        for key, dock in self.docks.items():
            if key == "layers":
                continue
            title = dock.windowTitle()
            toggle = dock.toggleViewAction()
            toggle.setToolTip(tr("Show or hide the {panel} panel").format(panel=title.lower()))
            toggle.setText(with_mnemonic(title, menu))

    def say(self, make: Callable[[], str]) -> None:
        """Show ``make()`` in the status bar, and write it again with ``make`` when the app's
        language changes (as long as nothing else was shown since)."""
        text = make()
        self._said = (make, text)
        self.message_label.setText(text)

    def retranslate(self) -> None:
        """Write again, in the app's language, the texts made from data: the title, the status
        bar's message, the recent projects, autosave entries, panel entries and credits."""
        self.update_title()
        if self._said is not None and self.message_label.text() == self._said[1]:
            self.say(self._said[0])
        self.refresh_recent_menu()
        self._label_autosave_actions()
        self._label_panel_toggles()
        self._update_attribution()
        if self.scale_label.text():
            self._show_scale(self.canvas.scale_denominator())

    @property
    def is_modified(self) -> bool:
        """Whether the project has changes not yet saved."""
        return self._modified

    def set_modified(self, modified: bool = True) -> None:
        """Mark the project as changed (or saved); updates the title's ``*``.

        Call it after every edit, not only the first: each call with ``True`` emits `edited`,
        which the autosave debounces.
        """
        if modified != self._modified:
            self._modified = modified
            self.update_title()
            self.modifiedChanged.emit(modified)
        if modified:
            self.edited.emit()

    def set_batch_mode(self) -> None:
        """No dialogs, recent files, autosave or online base map: for screenshots and scripts."""
        self.quiet_errors = True
        self.record_history = False
        self.autosaver.enabled = False
        # A scripted picture must not depend on the network or on what the tile cache holds:
        # the base map drawn from the project's own data.
        self.set_basemap("project", remember=False)

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
        self._build_file_actions()
        self._build_map_actions()
        self.act_about = self._action(
            tr("&About ccgeo"),
            tr("Version, data sources and credits"),
            self.show_about,
            icon=self._std_icon(QStyle.StandardPixmap.SP_MessageBoxInformation),
        )
        self.act_toggle_layers = self.layer_dock.toggleViewAction()
        self.act_toggle_layers.setText(tr("&Layers panel"))
        self.act_toggle_layers.setToolTip(tr("Show or hide the layer panel"))
        # Qt writes the dock's title over its toggle's text when the title is translated again
        self.layer_dock.windowTitleChanged.connect(lambda _title: self._label_panel_toggles())
        # nothing to save, export or close before a project is shown
        for action in (
            self.act_save,
            self.act_save_as,
            self.act_save_copy,
            self.act_export,
            self.act_close_project,
        ):
            action.setEnabled(False)
        self._build_basemap_actions()
        self._build_autosave_actions()

    def _build_file_actions(self) -> None:
        """File menu: new, close, clear recent, open, save, save as, export PNG, quit."""
        sp = QStyle.StandardPixmap
        self.act_new = self._action(
            tr("&New project"),
            tr("Start an empty project (asks to save the changes to this one first)"),
            self.new_project,
            icon=self._std_icon(sp.SP_FileIcon),
            shortcuts=["Ctrl+N"],
        )
        self.act_close_project = self._action(
            tr("&Close project"),
            tr("Close this project (asks to save its changes first)"),
            self.close_project,
            icon=self._std_icon(sp.SP_DialogCloseButton),
            shortcuts=["Ctrl+W"],
        )
        self.act_clear_recent = self._action(
            tr("&Clear the list"),
            tr("Forget the recently opened projects (the files are not touched)"),
            self.clear_recent_projects,
        )
        self.act_open = self._action(
            tr("&Open project…"),
            tr("Open a .ccgeo project file (asks to save the changes to this one first)"),
            self.open_project_dialog,
            icon=self._std_icon(sp.SP_DialogOpenButton),
            shortcuts=["Ctrl+O"],
        )
        self.act_save = self._action(
            tr("&Save"),
            tr("Save the project to its file"),
            self.save_project,
            icon=self._std_icon(sp.SP_DialogSaveButton),
            shortcuts=["Ctrl+S"],
        )
        self.act_save_as = self._action(
            tr("Save &As…"),
            tr("Save the project to a new .ccgeo file"),
            self.save_project_as,
            icon=self._std_icon(sp.SP_DriveHDIcon),
            shortcuts=["Ctrl+Shift+S"],
        )
        self.act_save_copy = self._action(
            tr("Save a Copy as &GeoPackage…"),
            tr(
                "Save a copy of the project as a .gpkg file that QGIS opens with ccgeo's "
                "styles; the project keeps its own file"
            ),
            self.save_copy_dialog,
        )
        self.act_export = self._action(
            tr("&Export view as PNG…"),
            tr("Save the map as shown, with scale bar and north arrow, as a PNG image"),
            self.export_view_dialog,
            icon=make_icon("export_png"),
        )
        self.act_quit = self._action(
            tr("&Quit"),
            tr("Close ccgeo"),
            self.close,
            icon=self._std_icon(sp.SP_DialogCloseButton),
            shortcuts=["Ctrl+Q"],
        )

    def _build_map_actions(self) -> None:
        """Zoom in, out and to the full extent, and the pan / zoom-box tools (one checked)."""
        self.act_zoom_in = self._action(
            tr("Zoom &in"),
            tr("Zoom in on the centre of the map (+, or the mouse wheel)"),
            self.canvas.zoom_in,
            icon=make_icon("zoom_in"),
            shortcuts=["+", "=", "Ctrl++"],
        )
        self.act_zoom_out = self._action(
            tr("Zoom &out"),
            tr("Zoom out from the centre of the map (−, or the mouse wheel)"),
            self.canvas.zoom_out,
            icon=make_icon("zoom_out"),
            shortcuts=["-", "Ctrl+-"],
        )
        self.act_zoom_full = self._action(
            tr("Zoom to &full extent"),
            tr("Show every layer (Ctrl+0 or Home)"),
            self.canvas.zoom_to_full_extent,
            icon=make_icon("zoom_full"),
            shortcuts=["Ctrl+0", "Home"],
        )
        self.act_pan = self._action(
            tr("&Pan mode"),
            tr("Drag the map to move it"),
            lambda: self.canvas.set_tool("pan"),
            icon=make_icon("pan"),
        )
        self.act_zoom_box = self._action(
            tr("Zoom &box mode"),
            tr("Drag a rectangle to zoom to it; click to zoom in"),
            lambda: self.canvas.set_tool("zoom_box"),
            icon=make_icon("zoom_box"),
        )
        self.tool_group = QActionGroup(self)
        for action in (self.act_pan, self.act_zoom_box):
            action.setCheckable(True)
            self.tool_group.addAction(action)
        self.act_pan.setChecked(True)
        self.canvas.toolChanged.connect(self._sync_tool)

    def _build_basemap_actions(self) -> None:
        self.act_basemap_project = self._action(
            tr("From the project's &OSM data"),
            tr(
                "Draw water, parks, built-up land and place names from the roads' OpenStreetMap "
                "file under the layers; works offline"
            ),
            lambda: self.set_basemap("project"),
        )
        self.act_basemap_file = self._action(
            tr("From a &tiles file…"),
            tr(
                "Draw the raster tiles of an MBTiles or PMTiles file you have under the layers; "
                "works offline"
            ),
            self.choose_tiles_file,
        )
        self.act_basemap_osm = self._action(
            tr("OpenStreetMap &web tiles (online)"),
            tr(
                "Draw OpenStreetMap tiles under the layers; tiles are kept on disk and reused "
                "offline"
            ),
            lambda: self.set_basemap("osm"),
        )
        self.act_basemap_none = self._action(
            tr("&None", "base map"),
            tr("No base map: the roads and districts are the base map"),
            lambda: self.set_basemap("none"),
        )
        self.basemap_actions = {
            "project": self.act_basemap_project,
            "file": self.act_basemap_file,
            "osm": self.act_basemap_osm,
            "none": self.act_basemap_none,
        }
        self.basemap_group = QActionGroup(self)
        for action in self.basemap_actions.values():
            action.setCheckable(True)
            self.basemap_group.addAction(action)
        self.act_basemap_none.setChecked(True)

    def _build_autosave_actions(self) -> None:
        self.autosave_group = QActionGroup(self)
        self.autosave_actions: dict[float, QAction] = {}
        current = self.autosaver.minutes
        for minutes in settings.AUTOSAVE_CHOICES:
            action = self._action("", "", lambda m=minutes: self.set_autosave_minutes(m))
            action.setCheckable(True)
            action.setChecked(abs(minutes - current) < 1e-6)
            self.autosave_group.addAction(action)
            self.autosave_actions[minutes] = action
        self._label_autosave_actions()

    def _label_autosave_actions(self) -> None:
        """Name File ▸ Autosave's entries ("Every 5 minutes"), each with its own Alt-letter."""
        used: set[str] = set()
        for minutes, action in self.autosave_actions.items():
            action.setText(_every_minutes_text(minutes, used))
            tip = tr(
                "Keep a recovery copy of unsaved changes at least every %n minute(s)",
                "",
                round(minutes),
            )
            action.setToolTip(tip)
            action.setStatusTip(tip)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(tr("&File"))
        file_menu.addActions([self.act_new, self.act_open])
        self.menus["recent"] = file_menu.addMenu(tr("Open &Recent"))
        self.menus["recent"].setToolTipsVisible(True)
        self.menus["recent"].aboutToShow.connect(self.refresh_recent_menu)
        self.refresh_recent_menu()
        file_menu.addActions(
            [self.act_save, self.act_save_as, self.act_save_copy, self.act_close_project]
        )
        autosave_menu = file_menu.addMenu(tr("A&utosave"))
        autosave_menu.setToolTipsVisible(True)
        autosave_menu.addActions(list(self.autosave_actions.values()))
        self.menus["autosave"] = autosave_menu
        file_menu.addSeparator()
        self.menus["import"] = file_menu.addMenu(tr("&Import"))
        self.menus["export"] = file_menu.addMenu(tr("E&xport"))
        self.menus["export"].addAction(self.act_export)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        self.menus["file"] = file_menu
        self.menus["edit"] = bar.addMenu(tr("&Edit"))
        view_menu = bar.addMenu(tr("&View"))
        view_menu.addActions([self.act_zoom_in, self.act_zoom_out, self.act_zoom_full])
        view_menu.addSeparator()
        view_menu.addActions([self.act_pan, self.act_zoom_box])
        view_menu.addSeparator()
        basemap_menu = view_menu.addMenu(tr("B&ase map"))
        basemap_menu.setToolTipsVisible(True)
        basemap_menu.addActions([self.basemap_actions[name] for name in SOURCES])
        self.menus["basemap"] = basemap_menu
        self.menus["panels"] = view_menu.addMenu(tr("Pa&nels"))
        self.menus["panels"].addAction(self.act_toggle_layers)
        self.menus["view"] = view_menu
        self.menus["layer"] = bar.addMenu(tr("&Layer"))
        self.menus["analysis"] = bar.addMenu(tr("&Analysis"))
        help_menu = bar.addMenu(tr("&Help"))
        help_menu.addAction(self.act_about)
        self.menus["help"] = help_menu

    def _build_toolbar(self) -> None:
        toolbar = self.addToolBar(tr("Main", "toolbar"))
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
        self.message_label = QLabel(tr("Ready"))
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)  # it quotes names from files
        self.progress_bar = QProgressBar()
        self.progress_bar.setMaximumWidth(160)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.hide()
        self.cancel_button = QToolButton()
        self.cancel_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_BrowserStop))
        self.cancel_button.setToolTip(tr("Cancel what is running"))
        self.cancel_button.clicked.connect(self.cancel_tasks)
        self.cancel_button.hide()
        self.coord_label = QLabel("")
        self.coord_label.setToolTip(tr("Longitude, latitude under the cursor (WGS 84, degrees)"))
        self.coord_label.setMinimumWidth(230)
        self.scale_label = QLabel("")
        self.scale_label.setToolTip(tr("Map scale on this screen"))
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
        self._close_confirmed = False
        layers = self.basemaps.arrange(layers, project, crs)
        self.layer_panel.forget()  # the last project's layer order and styles are not this one's
        self.canvas.set_layers(layers, crs)
        self._update_attribution()
        self._show_scale(self.canvas.scale_denominator())
        for action in (
            self.act_save,
            self.act_save_as,
            self.act_save_copy,
            self.act_export,
            self.act_close_project,
        ):
            action.setEnabled(True)
        self.update_title()
        count = len(layers)
        self.say(lambda: tr("{name}: %n layer(s)", "", count).format(name=self.shown_name(project)))
        if project.path is not None and self.record_history:
            settings.add_recent_project(Path(project.path))
            self.refresh_recent_menu()
        self.projectLoaded.emit(project)
        _settle_heap()
        if self._startup_note is not None:
            self.say(self._startup_note)
            self._startup_note = None

    @property
    def _basemap_layer(self) -> MapLayer | None:
        """The base map shown at the bottom of the map (any source), or None."""
        layer = self.basemaps.layer
        return layer if layer is not None and layer in self.canvas.layers else None

    def _update_attribution(self) -> None:
        project_credit = attribution_for(self.project) if self.project is not None else ""
        shown = self._basemap_layer is not None
        tiles_credit = self.basemaps.credit(self.project) if shown else ""
        self.canvas.attribution = _credit(project_credit, tiles_credit)
        self.canvas.update()

    def _start_basemap(self) -> None:
        """The base map of the last session; the offline one when its tiles file is gone."""
        name = settings.basemap()
        if name == "file":
            path = settings.basemap_file()
            if path is None or not path.is_file():
                self._startup_note = lambda: tr(
                    "The base map's tiles file {path} no longer exists; drawing the base map "
                    "from the project's OpenStreetMap data instead"
                ).format(path=path)
                name = "project"
                settings.set_basemap(name)
        self.set_basemap(name, remember=False, path=settings.basemap_file())

    def set_basemap(self, name: str, *, remember: bool = True, path: Path | None = None) -> None:
        """Draw base map ``name`` under the layers (one of `ccgeo.gui.canvas.basemaps.SOURCES`).

        ``"project"`` draws the project's own OpenStreetMap land use, water and place names
        (offline); ``"file"`` the raster tiles of the MBTiles or PMTiles file ``path``
        (offline); ``"osm"`` OpenStreetMap web tiles, fetched in the background for what is
        on screen and kept in the cache folder (the status bar says when they cannot be
        fetched); ``"none"`` no base map. A tiles file that cannot be read is reported and
        the base map stays as it was.
        """
        if name not in settings.BASEMAPS:
            msg = f"`name` should be one of {', '.join(settings.BASEMAPS)}, got {name!r}"
            raise ValueError(msg)
        if name == "file":
            try:
                archive = open_tile_archive(path) if path is not None else None
            except InputError as exc:
                self.show_error(tr("Cannot use this tiles file as base map"), str(exc))
                archive = None
            if archive is None:
                self.basemap_actions[self.basemaps.choice].setChecked(True)
                return
            self.basemaps.choose("file", archive=archive)
            if remember:
                settings.set_basemap_file(archive.path)
        else:
            self.basemaps.choose(name)
        if remember:
            settings.set_basemap(name)
        self.basemap_actions[name].setChecked(True)
        self.refresh_basemap()
        project = self.project
        if self.basemaps.status(project):
            self.say(lambda: self.basemaps.status(project))

    def refresh_basemap(self, prepared: list[MapLayer] | None = None) -> None:
        """Show the chosen base map for the project as it is now (after its roads changed).

        ``prepared`` are base-map layers built in a worker for the project's new data.
        """
        crs = self.canvas.crs
        layers = self.basemaps.arrange([*(prepared or []), *self.canvas.layers], self.project, crs)
        if crs is not None:
            self.canvas.set_layers(layers, crs, zoom_to_full=False)
        self._update_attribution()

    def choose_tiles_file(self) -> None:
        """View ▸ Base map ▸ From a tiles file…: ask for an MBTiles or PMTiles file and draw it."""
        start = settings.basemap_file()
        path, _ = QFileDialog.getOpenFileName(
            self,
            tr("Base map from a tiles file"),
            str(start.parent) if start is not None else self._start_dir(),
            dialog_filter("tiles", title=tr("Raster tiles (MBTiles, PMTiles)")),
        )
        if not path:
            self.basemap_actions[self.basemaps.choice].setChecked(True)
            return
        self.set_basemap("file", path=Path(path))

    def _show_message(self, text: str) -> None:
        self.message_label.setText(text)

    @staticmethod
    def shown_name(project: Project) -> str:
        """``project``'s name as the app shows it: `UNTITLED` in the app's language."""
        return tr(_UNTITLED) if project.name == UNTITLED else project.name

    def update_title(self) -> None:
        """Show the project's name in the title bar, ``*`` first while it has unsaved changes:
        ``"*Nairobi PCR access — ccgeo"``."""
        name = self.shown_name(self.project) if self.project is not None else None
        star = "*" if getattr(self, "_modified", False) else ""
        if name and getattr(self, "read_only", False):
            name = tr("{name} (read-only)").format(name=name)
        self.setWindowTitle(f"{star}{name} — ccgeo" if name else "ccgeo")

    # -- project life cycle ------------------------------------------------------------------
    def start(self, path: str | Path | None = None) -> None:
        """What ``python main.py [PROJECT]`` opens: PROJECT, else the last project, else the demo.

        When the last project no longer exists the status bar says so and the demo opens. When
        an earlier session left unsaved changes of the project behind (it did not exit cleanly),
        the user is offered to restore them.
        """
        target = Path(path) if path is not None else None
        if target is None:
            last = settings.last_project()
            if last is not None and last.is_file():
                target = last
            elif last is not None:
                self._startup_note = lambda: tr(
                    "The last project {path} no longer exists; showing the demo city instead"
                ).format(path=last)
                settings.remove_recent_project(last)
                self.refresh_recent_menu()
        folder = self.autosaver.folder
        recovery = find_recovery(target, folder)
        if recovery is None and target is not None:
            recovery = find_recovery(None, folder)  # an untitled project lost in a crash
        if recovery is not None:
            if self.ask_restore(recovery):
                self.restore(recovery)
                return
            recovery.discard()
        self.load_project(target)

    def ask_restore(self, recovery: Recovery) -> bool:
        """Ask whether to restore ``recovery``; True to restore it."""
        answer = QMessageBox.question(
            self,
            tr("Restore unsaved changes?"),
            recovery.question(),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes

    def restore(self, recovery: Recovery) -> Worker:
        """Open the autosaved copy ``recovery`` as its project, marked as not saved."""

        def load(*, progress: ProgressCallback | None, cancel: threading.Event | None) -> Project:
            return load_recovery(recovery, progress=progress, cancel=cancel)

        def restored(loaded: LoadedProject) -> None:
            self._startup_note = lambda: tr(
                "Restored the unsaved changes from {when}; save to keep them"
            ).format(when=recovery.when())
            self._loaded(loaded)
            self.set_modified(True)
            # Its changes are this session's now: the next autosave or a clean exit replaces it.
            self.autosaver.adopt(recovery.path)

        return self.run_task(
            prepare_project, load, text=tr("Restoring the unsaved changes…"), on_done=restored
        )

    def ask_save_changes(self) -> QMessageBox.StandardButton:
        """Save / Discard / Cancel for the unsaved changes of the project."""
        project = self.project
        name = self.shown_name(project) if project is not None else tr("the project")
        return QMessageBox.question(
            self,
            tr("Unsaved changes"),
            tr("“{name}” has changes that are not saved.\n\nSave them before closing it?").format(
                name=name
            ),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )

    def confirm_unsaved(self, then: Callable[[], Any]) -> bool:
        """Run ``then`` once the unsaved changes are saved or discarded; False if cancelled.

        Without unsaved changes ``then`` runs at once. With Save it runs after the save has
        finished (not at all if the save fails or the Save As dialog is cancelled).
        """
        if self.project is None or not self.is_modified:
            then()
            return True
        answer = self.ask_save_changes()
        if answer == QMessageBox.StandardButton.Save:
            return self.save_project(then=then) is not None
        if answer == QMessageBox.StandardButton.Discard:
            # The flag (and the recovery file) go when the next project is shown.
            then()
            return True
        return False

    def new_project(self) -> bool:
        """File ▸ New: an empty project, after the unsaved changes are saved or discarded."""

        def new() -> None:
            self.set_project(Project())  # named `UNTITLED` until the planner names it
            self.set_modified(False)

        return self.confirm_unsaved(new)

    def close_project(self) -> bool:
        """File ▸ Close: no project shown, after the unsaved changes are saved or discarded."""

        def close() -> None:
            self.project = None
            self.set_modified(False)
            self.layer_panel.forget()
            keep = self.basemaps.arrange([], None, self.canvas.crs)
            self.canvas.set_layers(keep, self.canvas.crs or CRS.from_epsg(3857), zoom_to_full=False)
            for action in (
                self.act_save,
                self.act_save_as,
                self.act_save_copy,
                self.act_export,
                self.act_close_project,
            ):
                action.setEnabled(False)
            self._update_attribution()
            self.update_title()
            self.message_label.setText(tr("No project: open one, start a new one, or import data"))
            self.projectClosed.emit()

        return self.confirm_unsaved(close)

    def open_recent(self, path: Path) -> bool:
        """Open a project of the recent list (after the unsaved changes are dealt with)."""
        return self.confirm_unsaved(lambda: self.load_project(path))

    def refresh_recent_menu(self) -> None:
        """Rebuild File ▸ Open Recent: existing files first-to-last, missing ones greyed."""
        menu = self.menus.get("recent")
        if menu is None:
            return
        menu.clear()
        paths = settings.recent_projects()
        for i, path in enumerate(paths, start=1):
            exists = path.is_file()
            label = f"&{i} {path.name}" if i < 10 else path.name
            if not exists:
                label = tr("{name} (missing)").format(name=label)
            action = QAction(label, menu)
            action.setData(str(path))
            if exists:
                tip = tr("Open {path}").format(path=path)
            else:
                tip = tr("{path} no longer exists (moved, renamed or deleted)").format(path=path)
            action.setToolTip(tip)
            action.setStatusTip(tip)
            action.setEnabled(exists)
            action.triggered.connect(lambda _checked=False, p=path: self.open_recent(p))
            menu.addAction(action)
        if paths:
            menu.addSeparator()
        menu.addAction(self.act_clear_recent)
        self.act_clear_recent.setEnabled(bool(paths))

    def clear_recent_projects(self) -> None:
        """Forget the recent projects."""
        settings.clear_recent_projects()
        self.refresh_recent_menu()

    def set_autosave_minutes(self, minutes: float) -> None:
        """Autosave unsaved changes at least every ``minutes`` (remembered)."""
        settings.set_autosave_minutes(minutes)
        self.autosaver.set_interval(minutes)
        action = self.autosave_actions.get(minutes)
        if action is not None:
            action.setChecked(True)

    def load_project(self, path: str | Path | None = None) -> Worker:
        """Open the project at ``path`` (or the demo city when ``None``) in the background.

        It does not ask about unsaved changes: the menu commands do (`confirm_unsaved`).
        """
        if path is None:
            return self.run_task(
                prepare_project,
                load_demo,
                text=tr("Loading the demo city…"),
                on_done=self._loaded,
            )
        file = Path(path)

        def load(*, progress: ProgressCallback | None, cancel: threading.Event | None) -> Project:
            return load_project_file(file, progress=progress, cancel=cancel)

        return self.run_task(
            prepare_project,
            load,
            text=tr("Opening {name}…").format(name=file.name),
            on_done=self._loaded,
        )

    def _loaded(self, loaded: LoadedProject) -> None:
        self.set_modified(False)
        self.set_project(loaded.project, crs=loaded.crs, layers=loaded.layers)

    def open_project_dialog(self) -> None:
        """Ask for a ``.ccgeo`` file and open it."""
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Open project"), self._start_dir(), dialog_filter("project")
        )
        if path:
            self.confirm_unsaved(lambda: self.load_project(path))

    def save_project(self, *, then: Callable[[], Any] | None = None) -> Worker | None:
        """Save to the project's file, or ask for one if it has none yet.

        ``then()`` runs after a successful save.
        """
        if self.project is None:
            return None
        if self.project.path is None or self.read_only:
            return self.save_project_as(then=then)  # read-only: a copy, under another name
        return self._save_to(Path(self.project.path), then=then)

    def save_project_as(self, *, then: Callable[[], Any] | None = None) -> Worker | None:
        """Ask for a file name and save the project there; ``then()`` runs after the save."""
        if self.project is None:
            return None
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Save project as"), self._suggested_path(".ccgeo"), dialog_filter("project")
        )
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() != ".ccgeo":
            target = target.with_name(target.name + ".ccgeo")
        return self._save_to(target, then=then)

    def _save_to(self, path: Path, *, then: Callable[[], Any] | None = None) -> Worker | None:
        project = self.project
        assert project is not None  # guarded by the callers
        if self.read_only and project.path is not None and _same_file(path, project.path):
            self.show_error(
                tr("Project open in another window"),
                tr(
                    "{name} is open in another ccgeo window, which saves it: save this one "
                    "under another name (File ▸ Save As), or close the other window and open it "
                    "again."
                ).format(name=path.name),
            )
            return None
        self.aboutToSave.emit(project)

        def saved(written: Path) -> None:
            project.path = written
            self.say(lambda: tr("Saved {path}").format(path=written))
            self.set_modified(False)
            self.update_title()
            if self.record_history:
                settings.add_recent_project(written)
                self.refresh_recent_menu()
            self.projectSaved.emit(written)
            if then is not None:
                then()

        return self.run_task(
            save_project_file,
            project,
            path,
            text=tr("Saving {name}…").format(name=path.name),
            on_done=saved,
        )

    def save_copy_dialog(self) -> Worker | None:
        """File ▸ Save a Copy as GeoPackage: ask for a ``.gpkg`` name and write a copy there for
        colleagues who use QGIS; the project keeps its file and its unsaved state."""
        if self.project is None:
            return None
        path, _ = QFileDialog.getSaveFileName(
            self,
            tr("Save a copy as GeoPackage"),
            self._suggested_path(".gpkg"),
            tr("GeoPackage (*.gpkg)"),
        )
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() != ".gpkg":
            target = target.with_name(target.name + ".gpkg")
        self.aboutToSave.emit(self.project)
        return self.run_task(
            save_copy_file,
            self.project,
            target,
            text=tr("Saving a copy as {name}…").format(name=target.name),
            on_done=lambda written: self.say(
                lambda: tr("Saved a copy as {path}; QGIS opens it with ccgeo's styles").format(
                    path=written
                )
            ),
        )

    def export_view_dialog(self) -> None:
        """Ask for a file name and save the current view as a PNG."""
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Export view as PNG"), self._suggested_path(".png"), tr("PNG image (*.png)")
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
                tr("Could not export the view"),
                tr(
                    "{path}: the image could not be written; check that the folder exists and "
                    "that you may write to it, and that the disk is not full."
                ).format(path=path),
            )
            return False
        self.say(lambda: tr("Exported the view to {path}").format(path=path))
        return True

    def _start_dir(self) -> str:
        if self.project is not None and self.project.path is not None:
            return str(Path(self.project.path).parent)
        return str(Path.home())

    def _suggested_path(self, suffix: str) -> str:
        fallback = tr("map", "file name")
        name = (self.shown_name(self.project) if self.project is not None else "") or fallback
        safe = "".join(c if c.isalnum() or c in "-_ " else "_" for c in name).strip() or fallback
        return str(Path(self._start_dir()) / f"{safe}{suffix}")

    def show_about(self) -> None:
        """Version, credits, and the synthetic-data note when the project is the demo."""
        QMessageBox.about(self, tr("About ccgeo"), self.about_text())

    def about_text(self) -> str:
        """The text of the About box (HTML)."""
        lines = [
            f"<h3>ccgeo {ccgeo.__version__}</h3>",
            tr(
                "<p>Who can reach a laboratory able to do a cancer diagnostic test "
                "(IHC, PCR, NGS), and who cannot.</p>"
            ),
            tr(
                "<p>Road and map data © OpenStreetMap contributors, available under the "
                "Open Database Licence (ODbL).</p>"
            ),
        ]
        if self.project is not None and self.project.metadata.get("synthetic"):
            note = self.project.metadata.get("note") or tr(
                "This project holds SYNTHETIC demo data: the city, its people and its "
                "facilities are not real."
            )
            lines.append(tr("<p><b>Synthetic data.</b> {note}</p>").format(note=note))
        return "\n".join(lines)

    # -- background tasks --------------------------------------------------------------------
    def run_task(
        self,
        fn: Callable[..., Any],
        *args: Any,
        text: str,
        on_done: Callable[[Any], None],
        on_failed: Callable[[str], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        on_progress: Callable[[float, str], None] | None = None,
    ) -> Worker:
        """Run ``fn(*args, progress=, cancel=)`` on the thread pool with a busy indicator.

        ``on_done(result)``, ``on_failed(message)``, ``on_cancelled()`` and
        ``on_progress(fraction, text)`` run in the GUI thread; a `ccgeo.errors.CcgeoError` is
        also shown in a message box with its text. Every handler is connected before the worker
        starts, so a task that fails in its first millisecond is still shown (a signal emitted
        before a slot is connected is lost).
        """
        worker = Worker(fn, *args)
        self._workers.add(worker)
        signals = worker.signals
        signals.progress.connect(
            lambda fraction, stage: self._show_progress(worker, fraction, stage)
        )
        signals.finished.connect(lambda result: self._task_done(worker, text, on_done, result))
        signals.failed.connect(lambda message: self._task_failed(worker, text, message))
        signals.cancelled.connect(lambda: self._task_cancelled(worker, text))
        if on_failed is not None:
            signals.failed.connect(on_failed)
        if on_cancelled is not None:
            signals.cancelled.connect(on_cancelled)
        if on_progress is not None:
            signals.progress.connect(on_progress)
        self.message_label.setText(text)
        self.progress_bar.setRange(0, 0)  # busy until the task reports progress
        self.progress_bar.show()
        self.cancel_button.show()
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        return worker.start()

    def _show_progress(self, worker: Worker, fraction: float, text: str) -> None:
        """A task's progress on the status bar, with its time left once it can be told."""
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setValue(round(1000 * fraction))
        if text:
            self._stage_texts[worker] = text
        stage = self._stage_texts.get(worker)
        if stage:
            self.message_label.setText(worker.with_time_left(stage))

    def _end_task(self, worker: Worker) -> None:
        self._workers.discard(worker)
        self._stage_texts.pop(worker, None)
        QApplication.restoreOverrideCursor()
        if not self._workers:
            self.progress_bar.hide()
            self.cancel_button.hide()

    def _task_done(
        self, worker: Worker, text: str, on_done: Callable[[Any], None], result: Any
    ) -> None:
        self._end_task(worker)
        self.message_label.setText(tr("{task}: done").format(task=text.rstrip("…")))
        on_done(result)

    def _task_failed(self, worker: Worker, text: str, message: str) -> None:
        self._end_task(worker)
        self.message_label.setText(tr("{task}: failed").format(task=text.rstrip("…")))
        self.show_error(text.rstrip("…"), message)
        self.taskFailed.emit(message)

    def _task_cancelled(self, worker: Worker, text: str) -> None:
        self._end_task(worker)
        self.message_label.setText(tr("{task}: cancelled").format(task=text.rstrip("…")))

    def cancel_tasks(self) -> None:
        """Ask every running task to stop."""
        for worker in list(self._workers):
            worker.cancel()

    def show_error(self, title: str, message: str) -> None:
        """Tell the user what went wrong, in the planner's words (a message box, or the log in
        quiet mode)."""
        message = for_planner(message)
        log.warning("%s: %s", title, message)
        if not self.quiet_errors:
            QMessageBox.critical(self, title, message)

    # -- status bar --------------------------------------------------------------------------
    def _show_cursor(self, lon: float, lat: float) -> None:
        self.coord_label.setText(
            tr("Lon {lon}°  Lat {lat}°").format(
                lon=format_number(lon, decimals=5, grouping=False),
                lat=format_number(lat, decimals=5, grouping=False),
            )
        )

    def _show_scale(self, denominator: float) -> None:
        self.scale_label.setText(f"1:{format_count(denominator)}")

    def _sync_tool(self, tool: str) -> None:
        # tools added by extensions tick their own buttons
        if tool in ("pan", "zoom_box"):
            (self.act_pan if tool == "pan" else self.act_zoom_box).setChecked(True)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """The first time, at the size ccgeo chose (no size asked for, as screenshots and
        scripts do): no larger than the screen leaves room for (`fit_to_screen`)."""
        if not self._fitted:
            self._fitted = True
            if (self.width(), self.height()) == DEFAULT_SIZE:
                fit_to_screen(self, *DEFAULT_SIZE)
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Ask about unsaved changes, stop running tasks, delete the recovery file, close.

        Cancel keeps the window open; Save closes it once the save has finished.
        """
        if not self._close_confirmed and self.project is not None and self.is_modified:
            answer = self.ask_save_changes()
            if answer == QMessageBox.StandardButton.Cancel:
                event.ignore()
                return
            if answer == QMessageBox.StandardButton.Save:
                event.ignore()
                self.save_project(then=self._close_after_save)
                return
        self.cancel_tasks()
        for worker in list(self._workers):
            worker.done.wait(5.0)
        self.closing.emit()
        self.basemap.stop()
        # A clean exit: nothing is left to recover on the next start.
        self.autosaver.shutdown()
        super().closeEvent(event)

    def _close_after_save(self) -> None:
        self._close_confirmed = True
        QTimer.singleShot(0, self.close)
