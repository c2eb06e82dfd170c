"""The data extension of the main window: imports, attribute table, identify and select tools."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QKeySequence, QPainter, QPen
from PySide6.QtWidgets import QMenu, QToolBar

from ccgeo.geo import project_lonlat
from ccgeo.gui.canvas.tools import (
    SELECTION_COLOR,
    FacilitySelection,
    Feature,
    FeatureFinder,
    IdentifyTool,
    SelectTool,
    facility_layer,
    population_by_district,
    selection_overlay,
)
from ccgeo.gui.dialogs.import_wizard import ImportWizard, apply_import
from ccgeo.gui.dialogs.layer_import import LayerImport, LayerImportDialog, apply_layer
from ccgeo.gui.icons import vector_icon
from ccgeo.gui.language import QT_TR_NOOP, notifier, tr
from ccgeo.gui.panels.attributes import ANALYSIS_COLUMNS, CAPACITY, AttributePanel
from ccgeo.gui.panels.identify import IdentifyPanel, TravelTimes
from ccgeo.model.facilities import Facilities
from ccgeo.project import Project
from ccgeo.render.build import map_crs, project_extent_lonlat
from ccgeo.render.facilities import FacilityLayer
from ccgeo.render.layers import MapLayer
from ccgeo.report.notes import data_notes

if TYPE_CHECKING:
    from ccgeo.gui.main_window import MainWindow
    from ccgeo.gui.panels.analysis import AnalysisController

#: Drawing order of the project's own layers, bottom to top (as `layers_from_project` builds).
LAYER_ORDER: tuple[str, ...] = ("population", "roads", "districts", "facilities")

#: The status line after a layer import, by kind (translated where shown).
_IMPORTED = {
    "roads": QT_TR_NOOP("Imported roads from {source}"),
    "population": QT_TR_NOOP("Imported population from {source}"),
    "districts": QT_TR_NOOP("Imported districts from {source}"),
}

#: Why the results are out of date after a layer import, by kind (translated where shown).
_NEW_LAYER = {
    "roads": QT_TR_NOOP("a new roads layer was imported"),
    "population": QT_TR_NOOP("a new population layer was imported"),
    "districts": QT_TR_NOOP("a new districts layer was imported"),
}


def _tool_icon(name: str) -> QIcon:
    """Identify (an ``i`` in a circle) and select (a dashed box around a point) icons, drawn as
    vectors (`ccgeo.gui.icons.vector_icon`) so that they stay sharp on every screen."""

    def draw(painter: QPainter) -> None:
        ink = QColor("#263238")
        if name == "identify":
            painter.setPen(QPen(ink, 3.5))
            painter.setBrush(QColor("#E3F2FD"))
            painter.drawEllipse(QRectF(5, 5, 38, 38))
            font = QFont()
            font.setPixelSize(28)
            font.setBold(True)
            painter.setFont(font)
            painter.drawText(QRectF(5, 4, 38, 38), Qt.AlignmentFlag.AlignCenter, "i")
        else:
            painter.setPen(QPen(ink, 3.0, Qt.PenStyle.DashLine))
            painter.setBrush(QColor(0, 184, 212, 60))
            painter.drawRect(QRectF(5, 5, 34, 30))
            painter.setPen(QPen(QColor(SELECTION_COLOR), 4.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(22, 20), 7, 7)

    return vector_icon(draw, design_px=48)


class _WindowSignals(QObject):
    """Holds `facilitiesEdited` when the main window does not define it itself."""

    facilitiesEdited = Signal(object)  # noqa: N815 - Qt signal naming


class DataTools(QObject):
    """Installs and runs the data tools of a `MainWindow`.

    - File ▸ Import ▸ Facilities… (Ctrl+I, the `ImportWizard`), Roads…, Population…, Districts…
    - Layer ▸ Attribute table (F6): facilities (editable), districts, import reports
    - Identify (I) and Select (S) map tools with an Identify panel and a selection highlight;
      Identify also gives the travel time from the point to the nearest lab by every mode run
    - View ▸ Zoom to selection (Ctrl+J)

    An edit or an import of facilities emits ``window.facilitiesEdited(ids)`` (ids of the edited
    facilities; an empty list when the whole layer was replaced), so that the analysis can
    mark itself stale and rerun. Attribute edits go on the window's undo stack (Edit ▸ Undo).
    An import of roads, population or districts into a project shown emits `layerReplaced`
    (the kind), which the analysis follows the same way (`link_analysis`).
    """

    layerReplaced = Signal(str)  # noqa: N815 - Qt signal naming

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        canvas = window.canvas
        if not hasattr(window, "facilitiesEdited"):
            self._signals = _WindowSignals(window)
            window.facilitiesEdited = self._signals.facilitiesEdited  # type: ignore[attr-defined]
        self.selection = FacilitySelection(self)
        window.facility_selection = self.selection  # type: ignore[attr-defined]
        self.finder = FeatureFinder(canvas, lambda: self.window.project)
        canvas.add_tool("identify", IdentifyTool(self.finder, self.show_identified))
        canvas.add_tool("select", SelectTool(self.selection, self._facilities))
        canvas.overlays.append(selection_overlay(canvas, self.selection, self._facilities))
        self.selection.changed.connect(canvas.update)
        self.attributes = AttributePanel(self.selection)
        self.identify_panel = IdentifyPanel()
        self.attribute_dock = window.add_dock(
            "attributes",
            tr("Attribute table"),
            self.attributes,
            area=Qt.DockWidgetArea.BottomDockWidgetArea,
        )
        self.identify_dock = window.add_dock("identify", tr("Identify"), self.identify_panel)
        self.attribute_dock.hide()
        self.identify_dock.hide()
        self.wizard: ImportWizard | None = None
        self.layer_dialog: LayerImportDialog | None = None
        #: Each action with the English of its text and tip, and its shortcut (`retranslate`).
        self._labels: list[tuple[QAction, str, str, str | None]] = []
        self._build_actions()
        model = self.attributes.facility_table.model
        model.undo_stack = getattr(window, "undo_stack", None)
        model.edited.connect(self._facility_edited)
        model.refused.connect(self._edit_refused)
        self.travel_times = TravelTimes(self)
        window.facilitiesEdited.connect(lambda *_: self.travel_times.forget())  # type: ignore[attr-defined]
        self.attributes.facility_table.zoomRequested.connect(self.zoom_to_facility)
        self.attributes.facility_table.zoomToSelectionRequested.connect(self.zoom_to_selection)
        self.identify_panel.zoomRequested.connect(self.zoom_to_feature)
        window.projectLoaded.connect(self._project_loaded)
        if hasattr(window, "projectClosed"):
            window.projectClosed.connect(self._project_loaded)
        canvas.toolChanged.connect(self._sync_tool)
        self._extend_layer_menu()
        notifier().changed.connect(self.retranslate)

    # -- construction ------------------------------------------------------------------------
    def _action(
        self,
        text: str,
        tip: str,
        slot: Any,
        *,
        shortcut: str | None = None,
        icon: QIcon | None = None,
    ) -> QAction:
        """An action named ``text`` with the tip ``tip`` (both English, marked with
        `QT_TR_NOOP`: they are translated here and again when the language changes)."""
        action = QAction(self.window)
        self._labels.append((action, text, tip, shortcut))
        self._label(action, text, tip, shortcut)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(icon)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    @staticmethod
    def _label(action: QAction, text: str, tip: str, shortcut: str | None) -> None:
        action.setText(tr(text))
        shown = tr(tip)
        if shortcut:
            action.setToolTip(tr("{tip} ({shortcut})").format(tip=shown, shortcut=shortcut))
        else:
            action.setToolTip(shown)
        action.setStatusTip(shown)

    def retranslate(self) -> None:
        """Write again, in the app's language, the actions' texts and tips (a tip with its
        shortcut is not a catalogue text the language switcher could find), and the data
        notes of the Problems tab."""
        for action, text, tip, shortcut in self._labels:
            self._label(action, text, tip, shortcut)
        if self.window.project is not None:
            self.refresh_problems()

    def _build_actions(self) -> None:
        window = self.window
        self.act_import_facilities = self._action(
            QT_TR_NOOP("&Facilities…"),
            QT_TR_NOOP("Import a facility spreadsheet or point layer, checking every row"),
            self.open_import_wizard,
            shortcut="Ctrl+I",
        )
        self.act_import_roads = self._action(
            QT_TR_NOOP("&Roads…"),
            QT_TR_NOOP("Load the road network from a file, or download it by place name"),
            lambda: self.open_layer_import("roads"),
        )
        self.act_import_population = self._action(
            QT_TR_NOOP("&Population…"),
            QT_TR_NOOP("Load population from a raster, a table or a point layer"),
            lambda: self.open_layer_import("population"),
        )
        self.act_import_districts = self._action(
            QT_TR_NOOP("&Districts…"),
            QT_TR_NOOP("Load district boundaries"),
            lambda: self.open_layer_import("districts"),
        )
        import_menu = window.menus["import"]
        import_menu.addActions(
            [
                self.act_import_facilities,
                self.act_import_roads,
                self.act_import_population,
                self.act_import_districts,
            ]
        )
        self._build_table_actions()
        self._build_map_actions()

    def _build_table_actions(self) -> None:
        """Layer ▸ Attribute table and Layer ▸ Problems."""
        window = self.window
        self.act_attributes = self._action(
            QT_TR_NOOP("&Attribute table"),
            QT_TR_NOOP("Show the facilities, districts and import reports as tables"),
            self.show_attribute_table,
            shortcut="F6",
        )
        window.menus["layer"].addAction(self.act_attributes)
        self.act_problems = self._action(
            QT_TR_NOOP("&Problems"),
            QT_TR_NOOP(
                "What the data lacked or what ccgeo changed behind the results: rows rejected or "
                "changed on import, people outside the roads or in no district; double-click a "
                "row to show its facility"
            ),
            lambda: self.show_attribute_table(tab=3),
            shortcut="Shift+F6",
        )
        window.menus["layer"].addAction(self.act_problems)

    def _build_map_actions(self) -> None:
        """The Identify and Select tools, and the selection's commands."""
        window = self.window
        self.act_identify = self._action(
            QT_TR_NOOP("I&dentify"),
            QT_TR_NOOP(
                "Click anywhere on the map: the features there and the travel time to the "
                "nearest lab"
            ),
            lambda: window.canvas.set_tool("identify"),
            shortcut="I",
            icon=_tool_icon("identify"),
        )
        self.act_select = self._action(
            QT_TR_NOOP("&Select facilities"),
            QT_TR_NOOP("Click a facility or drag a box to select; Shift adds, Ctrl toggles"),
            lambda: window.canvas.set_tool("select"),
            shortcut="S",
            icon=_tool_icon("select"),
        )
        self.act_clear_selection = self._action(
            QT_TR_NOOP("&Clear selection"),
            QT_TR_NOOP("Select no facility"),
            self.selection.clear,
            shortcut="Ctrl+Shift+A",
        )
        self.act_zoom_selection = self._action(
            QT_TR_NOOP("Zoom to se&lection"),
            QT_TR_NOOP("Show every selected facility on the map"),
            self.zoom_to_selection,
            shortcut="Ctrl+J",
        )
        for action in (self.act_identify, self.act_select):
            action.setCheckable(True)
            window.tool_group.addAction(action)
        window.menus["view"].addActions(
            [self.act_identify, self.act_select, self.act_zoom_selection]
        )
        window.menus["edit"].addAction(self.act_clear_selection)
        toolbar = window.findChild(QToolBar, "main_toolbar")
        if toolbar is not None:
            toolbar.addSeparator()
            toolbar.addActions([self.act_identify, self.act_select])

    def _extend_layer_menu(self) -> None:
        """Add "Open attribute table" to the layer panel's context menu."""
        panel = self.window.layer_panel
        base = panel.context_menu

        def context_menu(layer: MapLayer) -> QMenu:
            menu = base(layer)
            tab = {"facilities": 0, "districts": 1}.get(layer.kind)
            if tab is not None:
                menu.addSeparator()
                action = menu.addAction(tr("Open attribute table"))
                action.triggered.connect(lambda: self.show_attribute_table(tab=tab))
            return menu

        panel.context_menu = context_menu  # type: ignore[method-assign]

    def _sync_tool(self, tool: str) -> None:
        if tool == "identify":
            self.act_identify.setChecked(True)
        elif tool == "select":
            self.act_select.setChecked(True)

    # -- project -----------------------------------------------------------------------------
    def _facilities(self) -> Facilities | None:
        project = self.window.project
        return project.facilities if project is not None else None

    def _project_loaded(self, *_args: Any) -> None:
        self.selection.clear()
        self.refresh_tables()
        self.identify_panel.show_features([], 0.0, 0.0)
        self.identify_panel.heading.setText(tr("Click on the map with the Identify tool (I)."))

    def refresh_tables(self) -> None:
        """Show the project's facilities, districts, import reports and data notes in the
        attribute table."""
        project = self.window.project
        if project is None:
            self.attributes.set_data(None, None, [])
            self.attributes.problems.set_notes([])
            return
        self.attributes.set_data(
            project.facilities,
            project.districts,
            project.import_reports,
            population=population_by_district(project),
        )
        self.refresh_problems()

    def refresh_problems(self) -> None:
        """Show the data notes of the project and of the analysis last run on it (the notes
        every output carries: `ccgeo.report.notes.data_notes`)."""
        controller = getattr(self.window, "analysis", None)
        ws = getattr(controller, "workspace", None)
        baseline = getattr(ws, "baseline", None)
        result = baseline.result if baseline is not None else None
        self.attributes.problems.set_notes(data_notes(self.window.project, result))

    def _ensure_project(self) -> Project:
        if self.window.project is None:
            project = Project()
            self.window.project = project
        return self.window.project

    def replace_layers(self, layers: dict[str, MapLayer]) -> None:
        """Show ``layers`` (by kind) in place of the project's layers of the same kind.

        A replaced layer keeps its visibility and opacity; a new kind is inserted in
        `LAYER_ORDER` among the others, and the map zooms to it if it is out of view.
        """
        canvas = self.window.canvas
        current = list(canvas.layers)
        crs = canvas.crs
        added: list[MapLayer] = []
        for kind, new in layers.items():
            old = self._layer_of(kind, current)
            if old is not None:
                new.visible, new.opacity = old.visible, old.opacity
                current[current.index(old)] = new
                continue
            rank = LAYER_ORDER.index(kind) if kind in LAYER_ORDER else len(LAYER_ORDER)
            later = [
                i
                for i, layer in enumerate(current)
                if layer.kind in LAYER_ORDER and LAYER_ORDER.index(layer.kind) > rank
            ]
            current.insert(later[0] if later else len(current), new)
            added.append(new)
        if crs is None:
            project = self._ensure_project()
            crs = map_crs(project)
        canvas.set_layers(current, crs, zoom_to_full=False)
        view_box = canvas.view.extent()
        for layer in (*added, *layers.values()):
            e = layer.extent
            if e is not None and not (
                e[0] <= view_box[2]
                and view_box[0] <= e[2]
                and e[1] <= view_box[3]
                and view_box[1] <= e[3]
            ):
                canvas.zoom_to_full_extent()
                break

    def _layer_of(self, kind: str, layers: list[MapLayer]) -> MapLayer | None:
        if kind == "facilities":
            shown = facility_layer(self.window.canvas, self._facilities())
            if shown is not None and shown in layers:
                return shown
            plain = [x for x in layers if type(x) is FacilityLayer]
            return plain[0] if plain else None
        same = [x for x in layers if x.kind == kind]
        return same[0] if same else None

    def redraw_facilities(self) -> None:
        """Rebuild the facility layer from ``project.facilities`` (symbols follow the edits)."""
        project = self.window.project
        canvas = self.window.canvas
        if project is None or project.facilities is None or canvas.crs is None:
            return
        old = self._layer_of("facilities", list(canvas.layers))
        new = FacilityLayer(project.facilities, canvas.crs)
        if old is not None:
            new.visible, new.opacity = old.visible, old.opacity
            layers = [new if x is old else x for x in canvas.layers]
            canvas.set_layers(layers, canvas.crs, zoom_to_full=False)
        else:
            self.replace_layers({"facilities": new})

    # -- facility edits ----------------------------------------------------------------------
    def _facility_edited(self, row: int, column: str, old: Any, new: Any) -> None:
        project = self.window.project
        if project is None or project.facilities is None:
            return
        facility_id = str(project.facilities.gdf["facility_id"].iloc[row])
        self.redraw_facilities()
        self.window.set_modified(True)
        self.window.message_label.setText(f"{facility_id}: {column} {old} → {new}")
        if column in ANALYSIS_COLUMNS:
            self.window.facilitiesEdited.emit([facility_id])  # type: ignore[attr-defined]
        elif column == CAPACITY and hasattr(self.window, "capacityEdited"):
            self.window.capacityEdited.emit([facility_id])

    def _edit_refused(self, message: str) -> None:
        self.window.say(lambda: tr("Not changed: {reason}").format(reason=message))

    # -- imports -----------------------------------------------------------------------------
    def open_import_wizard(self) -> ImportWizard:
        """Show the facility import wizard (File ▸ Import ▸ Facilities…)."""
        if self.wizard is not None and self.wizard.isVisible():
            self.wizard.raise_()
            return self.wizard
        wizard = ImportWizard(self.window.project, self.window)
        wizard.imported.connect(self._facilities_imported)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.wizard = wizard
        wizard.open()
        return wizard

    def _facilities_imported(self, facilities: Facilities, mode: str) -> None:
        project = self._ensure_project()
        first = self._shows_no_data(project)
        source = facilities.report.source if facilities.report is not None else ""
        apply_import(project, facilities, mode=mode, source=source)
        self.selection.clear()
        canvas = self.window.canvas
        crs = canvas.crs or map_crs(project)
        assert project.facilities is not None
        if first:
            self.window.set_project(project)
        else:
            self.replace_layers({"facilities": FacilityLayer(project.facilities, crs)})
        self.refresh_tables()
        self.window.set_modified(True)
        report = facilities.report
        if report is not None:
            self.window.say(report.summary)  # its words follow the language (gettext)
        self.window.facilitiesEdited.emit([])  # type: ignore[attr-defined]

    def open_layer_import(self, kind: str) -> LayerImportDialog:
        """Show the import dialog of ``kind`` (roads, population, districts)."""
        dialog = LayerImportDialog(
            kind, self.window.project, crs=self.window.canvas.crs, parent=self.window
        )
        dialog.loaded.connect(self._layer_loaded)
        self.layer_dialog = dialog
        dialog.open()
        return dialog

    def _shows_no_data(self, project: Project) -> bool:
        """Whether the map shows none of ``project``'s data yet. Its CRS is then a stand-in
        (Web Mercator, of an empty project): the first layer imported is shown with the whole
        project redrawn in the project's own CRS (`map_crs`, the local UTM zone), as it will be
        when the saved project is opened, so that the scale bar, the densities and the saved
        zoom are in true metres."""
        return self.window.canvas.crs is None or project_extent_lonlat(project) is None

    def _layer_loaded(self, result: LayerImport) -> None:
        project = self._ensure_project()
        first = self._shows_no_data(project)
        apply_layer(project, result)
        if first or not result.layers:
            self.window.set_project(project)
        else:
            self.replace_layers(result.layers)
            self.refresh_tables()
            if result.kind == "roads":  # new roads, new base map
                self.window.refresh_basemap(list(result.basemap_layers))
            self.layerReplaced.emit(result.kind)
        self.window.set_modified(True)
        self.window.say(lambda: _imported_text(result))

    # -- identify and zoom ---------------------------------------------------------------------
    def show_identified(self, features: list[Feature], lon: float, lat: float) -> None:
        """List what the Identify tool found, with the travel times from the point, and bring
        the Identify panel forward."""
        travel = self.travel_times.report(lon, lat)
        self.identify_panel.show_features(features, lon, lat, travel=travel)
        self.identify_dock.show()
        self.identify_dock.raise_()

    def show_attribute_table(self, *, tab: int = 0) -> None:
        """Show the attribute table dock at ``tab`` (0 facilities, 1 districts, 2 report,
        3 problems)."""
        self.refresh_tables()
        self.attributes.tabs.setCurrentIndex(tab)
        self.attribute_dock.show()
        self.attribute_dock.raise_()

    def zoom_to_facility(self, row: int) -> None:
        """Centre the map on the facility at positional ``row``, about 1 km across."""
        facilities = self._facilities()
        if facilities is None or not 0 <= row < len(facilities):
            return
        geom = facilities.gdf.geometry.iloc[row]
        if geom is None or geom.is_empty:
            return
        self.selection.set_rows([row])
        self._zoom_lonlat((geom.x, geom.y, geom.x, geom.y))

    def zoom_to_selection(self) -> None:
        """Show every selected facility, with a margin (one facility: about 1 km across)."""
        facilities = self._facilities()
        rows = self.selection.rows
        if facilities is None or not len(rows):
            return
        points = facilities.gdf.geometry.iloc[rows[rows < len(facilities)]]
        points = points[~(points.isna() | points.is_empty)]
        if points.empty:
            return
        lo_lon, lo_lat, hi_lon, hi_lat = (float(v) for v in points.total_bounds)
        pad_lon, pad_lat = 0.1 * (hi_lon - lo_lon), 0.1 * (hi_lat - lo_lat)
        self._zoom_lonlat((lo_lon - pad_lon, lo_lat - pad_lat, hi_lon + pad_lon, hi_lat + pad_lat))

    def follow_analysis(self, controller: AnalysisController) -> None:
        """Give Identify the travel times of ``controller``'s runs, and the Problems tab the
        notes of each run."""
        self.travel_times.follow(controller)
        controller.runFinished.connect(lambda *_: self.refresh_problems())

    def zoom_to_feature(self, feature: Feature) -> None:
        """Show ``feature`` on the map."""
        if feature.lonlat_bounds is not None:
            self._zoom_lonlat(feature.lonlat_bounds)

    def _zoom_lonlat(self, bounds: tuple[float, float, float, float]) -> None:
        canvas = self.window.canvas
        if canvas.crs is None:
            return
        corners = project_lonlat(np.array([bounds[:2], bounds[2:]]), canvas.crs)
        lo, hi = corners.min(axis=0), corners.max(axis=0)
        canvas.zoom_to_extent((float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1])))


def _imported_text(result: LayerImport) -> str:
    """The status line after ``result`` was imported, with the first thing its reader noticed."""
    place = result.source.removeprefix("download: ")  # roads downloaded (`load_layer`)
    if place != result.source:
        text = tr("Downloaded the roads of {place}").format(place=place)
    else:
        text = tr(_IMPORTED[result.kind]).format(source=result.source)
    if result.warnings:
        return tr("{message} ({warning})").format(message=text, warning=result.warnings[0])
    return text


def install(window: MainWindow) -> None:
    """Add the data tools to ``window`` (kept as ``window.data_tools``)."""
    window.data_tools = DataTools(window)  # type: ignore[attr-defined]


def link_analysis(window: MainWindow) -> None:
    """Once the analysis is installed: Identify follows its runs (their travel times), and a
    layer imported marks the results out of date (and runs them again, as a facility import
    does) or, before a run, tells the Analysis panel that the data it needs may be there."""
    tools: DataTools = window.data_tools  # type: ignore[attr-defined]
    controller: AnalysisController = window.analysis  # type: ignore[attr-defined]
    tools.follow_analysis(controller)

    def replaced(kind: str) -> None:
        ws = controller.workspace
        ran = ws is not None and ws.baseline is not None
        reason = tr(_NEW_LAYER.get(kind, kind)) if ran else tr("not run yet")
        controller.mark_stale(reason, rerun=True)

    tools.layerReplaced.connect(replaced)
