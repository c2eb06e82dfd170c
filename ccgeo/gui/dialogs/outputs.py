"""File ▸ Export (interactive HTML map, PDF map report, data) and File ▸ Print report, of the
baseline analysis, the live what-if edits or a saved scenario, written in a worker thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ccgeo.errors import CcgeoError, InputError, check_cancel
from ccgeo.gui.canvas.extent_tool import EXTENT_TOOL, ExtentTool, screen_box
from ccgeo.io.kinds import dialog_filter, suffixes
from ccgeo.labels import format_lonlat_box
from ccgeo.model.scenario import Scenario
from ccgeo.progress import ProgressCallback, report_progress, scaled_progress
from ccgeo.report.export import FORMATS, export_results
from ccgeo.report.pdf import ReportContent, page_layout, paint_report, prepare_report, write_report
from ccgeo.report.webmap import export_webmap
from ccgeo.tasks.access import project_with_scenario, run_access
from ccgeo.tasks.settings import run_record

if TYPE_CHECKING:
    from ccgeo.analysis.access import AccessResult
    from ccgeo.gui.main_window import MainWindow
    from ccgeo.project import Project

#: The outputs: an HTML map, a PDF report, data files, a printed report.
KINDS: tuple[str, ...] = ("html", "pdf", "data", "print")
#: What the map and the report call the analysis of the existing labs.
BASELINE_LABEL = "Baseline (existing labs)"
#: Name of the scenario made of the live what-if edits.
CURRENT_EDITS_NAME = "Current what-if edits"

FORMAT_LABELS: dict[str, tuple[str, str]] = {
    "gpkg": ("GeoPackage", "results.gpkg with one layer each: opens in QGIS"),
    "geojson": ("GeoJSON", "one .geojson file per layer: for web maps and scripts"),
    "csv": ("CSV", "one .csv per table, and summary.json: opens in any spreadsheet"),
    "xlsx": ("Excel (XLSX)", "results.xlsx with a sheet per table and a summary sheet"),
}
PAPER_LABELS = {"a4": "A4 (210 × 297 mm)", "letter": "US Letter (8.5 × 11 in)"}
#: What the report's maps show.
EXTENT_LABELS = {
    "screen": "The map as on screen",
    "study": "The whole study area",
    "drawn": "Draw an area on the map…",
}
ORIENTATION_LABELS = {"portrait": "Portrait", "landscape": "Landscape"}
_DIALOG_TITLES = {
    "html": "Export interactive map (HTML)",
    "pdf": "Export map report (PDF)",
    "data": "Export data",
    "print": "Print report",
}
_OK_TEXT = {"html": "Export…", "pdf": "Export…", "data": "Export…", "print": "Preview…"}
_EXPLAIN = {
    "html": (
        "One HTML file that opens in any browser, without internet: labs, catchment bands, "
        "underserved areas, districts with their coverage, population and roads."
    ),
    "pdf": (
        "A printable report: cover with the key numbers, the coverage map, coverage by "
        "district, underserved areas, methods and data sources."
    ),
    "data": (
        "The analysis as layers and tables other tools open: demand points with their travel "
        "times, labs, catchment bands, underserved areas, coverage by district."
    ),
    "print": (
        "The pages of the PDF report, shown in a print preview: choose the printer, the pages "
        "and the copies there."
    ),
}


# -- what an output shows (no widgets) ------------------------------------------------------------


@dataclass(frozen=True)
class OutputSource:
    """Which analysis an output shows.

    Attributes
    ----------
    kind
        ``"baseline"`` (the existing labs), ``"edits"`` (the live what-if) or ``"scenario"``.
    scenario
        The saved scenario (``kind == "scenario"``); the edits' scenario is made when the
        output starts, from the what-if as it is then.
    """

    kind: str
    scenario: Scenario | None = None

    @property
    def label(self) -> str:
        """``"Baseline (existing labs)"``, ``"Current what-if edits"`` or the scenario's name."""
        if self.kind == "baseline":
            return BASELINE_LABEL
        if self.kind == "edits":
            return CURRENT_EDITS_NAME
        return self.scenario.name if self.scenario is not None else "scenario"


@dataclass(frozen=True)
class OutputRequest:
    """An output to write: what, of which analysis, where, and its options.

    Attributes
    ----------
    kind
        One of `KINDS`.
    title
        Heading of the map or report.
    path
        The HTML or PDF file, or the folder of the data files (None to print).
    scenario
        The scenario shown, None for the baseline.
    paper, orientation
        Of the report (``"a4"``/``"letter"``, ``"portrait"``/``"landscape"``).
    extent
        Area of the report's maps, ``(min_lon, min_lat, max_lon, max_lat)`` degrees; None for
        the whole study area.
    tiles
        Add an OpenStreetMap tile layer to the HTML map (it needs internet to show).
    formats
        Data formats among `ccgeo.report.export.FORMATS`.
    siting, referral
        The planning results shown in the app (proposed hubs, referral routes), added to the map,
        the report and the data when present.
    """

    kind: str
    title: str
    path: Path | None = None
    scenario: Scenario | None = None
    paper: str = "a4"
    orientation: str = "portrait"
    extent: tuple[float, float, float, float] | None = None
    tiles: bool = False
    formats: tuple[str, ...] = field(default=FORMATS)
    siting: Any = None
    referral: Any = None


@dataclass(frozen=True)
class OutputInputs:
    """The project as the chosen scenario has it and its full access analysis."""

    project: Project
    result: AccessResult
    scenario: Scenario | None


def output_inputs(
    project: Project,
    scenario: Scenario | None,
    *,
    baseline: AccessResult | None,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> OutputInputs:
    """The project and analysis an output shows: ``baseline`` as it is, or ``scenario`` in full.

    A scenario (saved, or made of the live what-if edits) is applied to a copy of the project
    (`ccgeo.tasks.access.project_with_scenario`) and analysed with its own settings, so
    that the map and the report get its catchment bands and underserved areas too.

    Raises
    ------
    InputError
        If no baseline is given for the baseline, or the project cannot be analysed.
    Cancelled
        If ``cancel`` is set.
    """
    if scenario is None:
        if baseline is None:
            msg = "there is no analysis to export yet; run it first (Analysis ▸ Run, F5)"
            raise InputError(msg)
        return OutputInputs(project, baseline, None)
    changed, settings = project_with_scenario(project, scenario)
    report_progress(progress, 0.0, f"Analysing the scenario {scenario.name!r}…")
    result = run_access(changed, settings, progress=progress, cancel=cancel)
    return OutputInputs(changed, result, scenario)


def _inputs_then(
    project: Project,
    request: OutputRequest,
    baseline: AccessResult | None,
    progress: ProgressCallback | None,
    cancel: threading.Event | None,
) -> tuple[OutputInputs, ProgressCallback | None]:
    """`output_inputs` on the first part of the progress; the progress of the rest."""
    split = 0.0 if request.scenario is None else 0.6
    inputs = output_inputs(
        project,
        request.scenario,
        baseline=baseline,
        progress=scaled_progress(progress, 0.0, split),
        cancel=cancel,
    )
    check_cancel(cancel)
    return inputs, scaled_progress(progress, split, 1.0)


def write_output(
    project: Project,
    request: OutputRequest,
    *,
    baseline: AccessResult | None,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> list[Path]:
    """Write the HTML map, the PDF report or the data files of ``request``; returns the files.

    For a worker thread: the scenario, if any, is analysed first (`output_inputs`).

    Raises
    ------
    InputError
        For a request without a path or of an unknown kind, or as the writers do.
    Cancelled
        If ``cancel`` is set; no partial file is left (the writers write to a temporary name).
    """
    if request.kind not in ("html", "pdf", "data"):
        msg = f"`request.kind` should be html, pdf or data, got {request.kind!r}"
        raise InputError(msg)
    if request.path is None:
        msg = "no output path was chosen"
        raise InputError(msg)
    inputs, rest = _inputs_then(project, request, baseline, progress, cancel)
    scenario = inputs.scenario
    run = _run_of(inputs.project, inputs.result, request.kind)
    if request.kind == "html":
        path = export_webmap(
            inputs.project,
            inputs.result,
            out_path=request.path,
            title=request.title or None,
            scenario=scenario,
            siting=request.siting,
            referral=request.referral,
            tiles=request.tiles,
            run=run,
            progress=rest,
            cancel=cancel,
        )
        return [path]
    if request.kind == "pdf":
        path = write_report(
            inputs.project,
            inputs.result,
            request.path,
            paper=request.paper,
            orientation=request.orientation,
            title=request.title or None,
            scenario=scenario,
            siting=request.siting,
            referral=request.referral,
            extent=request.extent,
            run=run,
            progress=rest,
            cancel=cancel,
        )
        return [path]
    report_progress(rest, 0.0, "Writing the data files…")
    extra: dict[str, Any] = {}
    if request.siting is not None and len(request.siting.hubs):
        extra["proposed_hubs"] = request.siting.hubs
    if request.referral is not None:
        extra["referral_routes"] = request.referral.routes
        extra["courier_loops"] = request.referral.loops
    written = export_results(
        inputs.result,
        request.path,
        formats=request.formats,
        districts=inputs.project.districts,
        facilities=inputs.project.facilities,
        extra_layers=extra,
        project=inputs.project,
        run=run,
    )
    report_progress(rest, 1.0, f"{len(written)} files written")
    return written


def _run_of(project: Project, result: AccessResult, kind: str) -> dict[str, Any]:
    """The run log of an export from the app (`ccgeo.tasks.settings.run_record`)."""
    settings = {"analysis": "access", "settings": dict(result.settings)}
    settings["sources"] = dict.fromkeys(result.settings, "app")
    menu = {"html": "Interactive map", "pdf": "Map report", "data": "Data"}[kind]
    return run_record(project, settings, command=f"ccgeo app: File ▸ Export ▸ {menu}")


def prepare_print(
    project: Project,
    request: OutputRequest,
    *,
    baseline: AccessResult | None,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> ReportContent:
    """The report of ``request`` ready to paint on a printer (`ccgeo.report.pdf.paint_report`)."""
    inputs, rest = _inputs_then(project, request, baseline, progress, cancel)
    return prepare_report(
        inputs.project,
        inputs.result,
        title=request.title or None,
        scenario=inputs.scenario,
        siting=request.siting,
        referral=request.referral,
        extent=request.extent,
        progress=rest,
        cancel=cancel,
    )


def default_title(
    project: Project | None, capability: str, source_label: str, *, with_place: bool = False
) -> str:
    """``"Access to PCR testing · East hub"``: the scenario's name after the test (nothing for
    the baseline, which the map and the report name already); with ``with_place`` the
    project's name first (for the HTML map's heading and the report's cover).
    """
    what = f"access to {capability.upper()} testing" if capability else "access to labs"
    place = project.name if with_place and project is not None and project.name else ""
    head = f"{place}: {what}" if place else what[0].upper() + what[1:]
    return head if source_label == BASELINE_LABEL else f"{head} · {source_label}"


def safe_file_name(text: str) -> str:
    """``text`` with only letters, digits, ``-``, ``_`` and spaces (others become ``_``)."""
    safe = "".join(c if c.isalnum() or c in "-_ " else "_" for c in text).strip()
    return safe or "ccgeo"


def _edits_description(hubs: int, upgrades: int, removed: int, capability: str) -> str:
    parts = []
    if hubs:
        parts.append(f"{hubs} candidate hub{'s' if hubs != 1 else ''}")
    if upgrades:
        parts.append(f"{upgrades} upgrade{'s' if upgrades != 1 else ''} to {capability.upper()}")
    if removed:
        parts.append(f"{removed} lab{'s' if removed != 1 else ''} closed")
    return ", ".join(parts) or "no change"


# -- the options dialog ---------------------------------------------------------------------------


class OutputDialog(QDialog):
    """The options of one output: title, which analysis, and paper, tiles or formats.

    Parameters
    ----------
    kind
        One of `KINDS`.
    sources
        The analyses to choose from (`OutputSource`), the first being the default.
    titles
        ``titles(source)``: the default title for a source; the title follows the source
        until the user edits it.
    analysis_text
        One line saying which analysis settings apply, or that the analysis runs first.
    disabled
        Sources listed but not selectable, with the reason (e.g. no what-if edits yet).
    screen_extent
        The lon/lat box of the map on screen (the report's default extent), or None.

    Signals
    -------
    drawRequested()
        "Draw an area on the map…" was chosen: the dialog steps aside until `area_drawn`.
    """

    drawRequested = Signal()  # noqa: N815 - Qt signal naming

    def __init__(
        self,
        kind: str,
        sources: list[OutputSource],
        *,
        titles: Callable[[OutputSource], str],
        analysis_text: str = "",
        disabled: dict[int, str] | None = None,
        screen_extent: tuple[float, float, float, float] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.screen_extent = screen_extent
        self.drawn_extent: tuple[float, float, float, float] | None = None
        if kind not in KINDS:
            msg = f"`kind` should be one of {', '.join(KINDS)}, got {kind!r}"
            raise ValueError(msg)
        self.kind = kind
        self.sources = sources
        self._titles = titles
        self._title_edited = False
        self.setWindowTitle(_DIALOG_TITLES[kind])
        self.setMinimumWidth(560)
        self._build_source_combo(disabled or {})
        self._build_option_widgets()
        self._build_extent_widgets()
        self.analysis_label = QLabel(analysis_text)
        self.analysis_label.setWordWrap(True)
        self.analysis_label.setStyleSheet("color: #455A64;")
        self._build_buttons()
        self._layout()
        self._connect()
        first = next((i for i in range(len(sources)) if i not in (disabled or {})), 0)
        self.source_combo.setCurrentIndex(first)
        self._source_changed()
        self._sync_ok()

    def _build_source_combo(self, disabled: dict[int, str]) -> None:
        """The analyses to choose from; those in ``disabled`` greyed, their reason as tooltip."""
        self.source_combo = QComboBox()
        self.source_combo.setToolTip(
            "Which labs the output shows: the existing ones, the what-if on the map now, or a "
            "saved scenario (analysed in full with its own settings)"
        )
        model = self.source_combo.model()
        for i, source in enumerate(self.sources):
            text = source.label
            if source.kind == "scenario":
                text = f"Scenario: {source.label}"
            self.source_combo.addItem(text, i)
            reason = disabled.get(i)
            if reason:
                item = model.item(i)  # type: ignore[attr-defined]
                item.setEnabled(False)
                item.setToolTip(reason)

    def _build_option_widgets(self) -> None:
        """Title, paper and orientation (PDF, print), tiles (HTML) and formats (data)."""
        self.title_edit = QLineEdit()
        self.title_edit.setToolTip("The heading of the map or the report's cover")
        self.title_edit.setClearButtonEnabled(True)
        self.paper_combo = QComboBox()
        for key, text in PAPER_LABELS.items():
            self.paper_combo.addItem(text, key)
        self.paper_combo.setToolTip("Paper size of the report")
        self.orientation_combo = QComboBox()
        for key, text in ORIENTATION_LABELS.items():
            self.orientation_combo.addItem(text, key)
        self.orientation_combo.setToolTip(
            "Portrait suits A4/Letter reading; landscape gives the maps more width"
        )
        self.tiles_check = QCheckBox("Include OpenStreetMap tiles layer (online only)")
        self.tiles_check.setToolTip(
            "Adds a street map layer, off until ticked in the map; it loads from the internet "
            "and stays blank offline. Everything else works without internet."
        )
        self.format_checks: dict[str, QCheckBox] = {}
        self.formats_box = QGroupBox("Formats")
        formats_layout = QVBoxLayout(self.formats_box)
        for key in FORMATS:
            name, tip = FORMAT_LABELS.get(key, (key, key))
            check = QCheckBox(f"{name}: {tip}")
            check.setChecked(True)
            check.setToolTip(tip)
            formats_layout.addWidget(check)
            self.format_checks[key] = check

    def _build_extent_widgets(self) -> None:
        """What the report's maps show: the map as on screen, the study area, an area drawn."""
        self.extent_combo = QComboBox()
        for key, text in EXTENT_LABELS.items():
            self.extent_combo.addItem(text, key)
        self.extent_combo.setToolTip(
            "The area the report's maps show; it fills the map frame of the page"
        )
        if self.screen_extent is None:
            self.extent_combo.model().item(0).setEnabled(False)  # type: ignore[attr-defined]
            self.extent_combo.setCurrentIndex(1)
        self.extent_label = QLabel("")
        self.extent_label.setWordWrap(True)
        self.extent_label.setStyleSheet("color: #455A64;")
        self._last_extent = str(self.extent_combo.currentData())
        self._show_extent()

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_OK_TEXT[self.kind])
        self.ok_button.setToolTip(
            "Choose where to write it, then write it in the background"
            if self.kind != "print"
            else "Prepare the pages and show them in a print preview"
        )
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setToolTip("Close without writing anything")

    def _options_form(self) -> QFormLayout:
        kind = self.kind
        form = QFormLayout()
        form.addRow("&Analysis:", self.source_combo)
        form.addRow("&Title:", self.title_edit)
        form.addRow("&Paper:", self.paper_combo)
        form.addRow("&Orientation:", self.orientation_combo)
        form.addRow("&Map area:", self.extent_combo)
        form.addRow("", self.extent_label)
        form.addRow(self.tiles_check)
        # every widget lives in the dialog; those that do not matter for this output are hidden
        form.setRowVisible(self.title_edit, kind != "data")
        for widget in (self.paper_combo, self.orientation_combo, self.extent_combo):
            form.setRowVisible(widget, kind in ("pdf", "print"))
        form.setRowVisible(self.extent_label, kind in ("pdf", "print"))
        form.setRowVisible(self.tiles_check, kind == "html")
        return form

    def _layout(self) -> None:
        explain = QLabel(_EXPLAIN[self.kind])
        explain.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(self._options_form())
        layout.addWidget(self.formats_box)
        self.formats_box.setVisible(self.kind == "data")
        layout.addWidget(self.analysis_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        self.title_edit.textEdited.connect(self._title_typed)
        for check in self.format_checks.values():
            check.toggled.connect(self._sync_ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.source_combo.currentIndexChanged.connect(self._source_changed)
        self.extent_combo.activated.connect(self._extent_chosen)

    # -- reading -------------------------------------------------------------------------------

    @property
    def source(self) -> OutputSource:
        """The analysis chosen."""
        return self.sources[int(self.source_combo.currentData())]

    def select_source(self, kind: str, name: str | None = None) -> None:
        """Choose the source of ``kind`` (and ``name`` for a saved scenario)."""
        for i, source in enumerate(self.sources):
            if source.kind == kind and (name is None or source.label == name):
                self.source_combo.setCurrentIndex(i)
                return
        msg = f"no {kind} source {name or ''} to choose"
        raise ValueError(msg)

    @property
    def title(self) -> str:
        """The title typed (or proposed)."""
        return self.title_edit.text().strip()

    @property
    def paper(self) -> str:
        """``"a4"`` or ``"letter"``."""
        return str(self.paper_combo.currentData())

    @property
    def orientation(self) -> str:
        """``"portrait"`` or ``"landscape"``."""
        return str(self.orientation_combo.currentData())

    @property
    def extent(self) -> tuple[float, float, float, float] | None:
        """The lon/lat box the report's maps show (None: the whole study area)."""
        key = self.extent_combo.currentData()
        if key == "screen":
            return self.screen_extent
        return self.drawn_extent if key == "drawn" else None

    def area_drawn(self, box: tuple[float, float, float, float] | None) -> None:
        """The area drawn on the map (None: the drawing was cancelled, the choice goes back)."""
        if box is not None:
            self.drawn_extent = box
            self._last_extent = "drawn"
        self.extent_combo.setCurrentIndex(self.extent_combo.findData(self._last_extent))
        self._show_extent()

    @property
    def formats(self) -> tuple[str, ...]:
        """The data formats ticked."""
        return tuple(k for k, check in self.format_checks.items() if check.isChecked())

    # -- behaviour -----------------------------------------------------------------------------

    def _title_typed(self, text: str) -> None:
        # an emptied title goes back to following the analysis chosen
        self._title_edited = bool(text.strip())

    def _source_changed(self) -> None:
        if not self._title_edited:
            self.title_edit.setText(self._titles(self.source))

    def _extent_chosen(self) -> None:
        if self.extent_combo.currentData() == "drawn":
            # after the list has closed: the dialog steps aside for the map
            QTimer.singleShot(0, self.drawRequested.emit)
        else:
            self._last_extent = str(self.extent_combo.currentData())
        self._show_extent()

    def _show_extent(self) -> None:
        box = self.extent
        if self.extent_combo.currentData() == "study":
            text = "Every layer of the project, with a margin"
        elif box is None:
            text = "Drag a rectangle on the map; Esc cancels"
        else:
            text = f"{format_lonlat_box(box)} (widened to the page's map frame)"
        self.extent_label.setText(text)

    def _sync_ok(self) -> None:
        ok = self.kind != "data" or bool(self.formats)
        self.ok_button.setEnabled(ok)
        if not ok:
            self.ok_button.setToolTip("Tick at least one format")


# -- the controller -------------------------------------------------------------------------------


class OutputsController(QObject):
    """The export and print commands of a `MainWindow`.

    Signals
    -------
    written(paths)
        Files written (a list of `Path`), after the "where it wrote" box is shown.
    failed(message)
        An output failed or its analysis could not run; the window showed the message.
    previewReady(content)
        The report's pages are prepared and the print preview is about to open.
    """

    written = Signal(object)
    failed = Signal(str)
    previewReady = Signal(object)  # noqa: N815 - Qt signal naming

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        #: The options dialog shown last (tests fill it in).
        self.dialog: OutputDialog | None = None
        #: The "written to …" box shown last.
        self.done_box: QMessageBox | None = None
        #: The print preview shown last, and its printer.
        self.preview: QPrintPreviewDialog | None = None
        self.printer: QPrinter | None = None
        self.last_written: list[Path] = []
        self._last_dir: Path | None = None
        #: Draws the report's map area on the canvas ("Draw an area on the map…").
        self.extent_tool = ExtentTool()
        self._tool_before_drawing = "pan"
        window.canvas.add_tool(EXTENT_TOOL, self.extent_tool)
        self.actions = self._build_actions()
        self._sync_enabled()
        window.projectLoaded.connect(lambda _project: self._sync_enabled())
        if hasattr(window, "projectClosed"):
            window.projectClosed.connect(self._sync_enabled)

    # -- actions -------------------------------------------------------------------------------

    def _build_actions(self) -> dict[str, QAction]:
        style = self.window.style()
        specs = {
            "html": (
                "Interactive &map (HTML)…",
                "Export the map with its catchment bands, underserved areas and labs as one "
                "HTML file that opens in any browser, offline (Ctrl+E)",
                "Ctrl+E",
                QStyle.StandardPixmap.SP_DirLinkIcon,
            ),
            "pdf": (
                "Map &report (PDF)…",
                "Export a printable PDF report: key numbers, coverage map, coverage by "
                "district, underserved areas, methods and sources (Ctrl+Shift+P)",
                "Ctrl+Shift+P",
                QStyle.StandardPixmap.SP_FileDialogDetailedView,
            ),
            "data": (
                "&Data (GeoPackage, GeoJSON, CSV, XLSX)…",
                "Export the analysis as layers and tables for QGIS or a spreadsheet (Ctrl+Shift+E)",
                "Ctrl+Shift+E",
                QStyle.StandardPixmap.SP_DriveFDIcon,
            ),
            "print": (
                "&Print report…",
                "Print the map report, with a print preview of its pages (Ctrl+P)",
                "Ctrl+P",
                QStyle.StandardPixmap.SP_FileDialogContentsView,
            ),
        }
        actions: dict[str, QAction] = {}
        for kind, (text, tip, shortcut, icon) in specs.items():
            action = QAction(style.standardIcon(icon), text, self.window)
            action.setToolTip(tip)
            action.setStatusTip(tip)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _checked=False, k=kind: self.open_dialog(k))
            actions[kind] = action
        export = self.window.menus["export"]
        export.setToolTipsVisible(True)
        export.addSeparator()
        export.addActions([actions["html"], actions["pdf"], actions["data"]])
        # Print sits with the other output commands, just after File ▸ Export
        file_menu = self.window.menus["file"]
        items = file_menu.actions()
        anchor = export.menuAction()
        after = items.index(anchor) + 1 if anchor in items else len(items)
        if after < len(items):
            file_menu.insertAction(items[after], actions["print"])
        else:
            file_menu.addAction(actions["print"])
        return actions

    def _sync_enabled(self) -> None:
        has_project = self.window.project is not None
        for action in self.actions.values():
            action.setEnabled(has_project)

    # -- the flow: options → file → analysis → worker → "written" -----------------------------

    def _analysis(self) -> Any:
        return getattr(self.window, "analysis", None)

    def sources(self) -> tuple[list[OutputSource], dict[int, str]]:
        """The analyses an output may show, and those that cannot be chosen now (with why)."""
        project = self.window.project
        sources = [OutputSource("baseline"), OutputSource("edits")]
        disabled: dict[int, str] = {}
        controller = self._analysis()
        ws = controller.workspace if controller is not None else None
        if ws is None or ws.baseline is None or not ws.has_edits:
            disabled[1] = "No what-if edits on the map: place a hub or upgrade a facility first"
        if project is not None:
            sources.extend(OutputSource("scenario", s) for s in project.scenarios)
        return sources, disabled

    def _capability(self) -> str:
        controller = self._analysis()
        ws = controller.workspace if controller is not None else None
        return ws.settings.capability if ws is not None else "pcr"

    def _title_for(self, source: OutputSource, kind: str) -> str:
        capability = self._capability()
        if source.scenario is not None and source.scenario.settings.get("capability"):
            capability = str(source.scenario.settings["capability"])
        # the map and the report name the project (File ▸ Project properties) in their title
        return default_title(
            self.window.project, capability, source.label, with_place=kind != "data"
        )

    def _analysis_text(self) -> str:
        controller = self._analysis()
        ws = controller.workspace if controller is not None else None
        if ws is None:
            return ""
        if ws.baseline is None:
            return (
                f"No analysis was run yet: the default one ({ws.settings.describe()}) runs "
                "first for the baseline and the what-if edits. A saved scenario runs with its "
                "own settings."
            )
        if ws.stale:
            return (
                f"The results are out of date ({ws.stale_reason}): the analysis "
                f"({ws.settings.describe()}) runs again first. A saved scenario runs with its "
                "own settings."
            )
        return (
            f"Analysis: {ws.baseline.settings.describe()}. A saved scenario runs with its own "
            "settings."
        )

    def open_dialog(self, kind: str) -> OutputDialog | None:
        """Show the options of output ``kind`` (window-modal; the output starts on OK)."""
        if self.window.project is None:
            return None
        sources, disabled = self.sources()
        if self.dialog is not None:
            self.dialog.deleteLater()  # one options dialog at a time, not one per use
        dialog = OutputDialog(
            kind,
            sources,
            titles=lambda source: self._title_for(source, kind),
            analysis_text=self._analysis_text(),
            disabled=disabled,
            screen_extent=screen_box(self.window.canvas),
            parent=self.window,
        )
        dialog.accepted.connect(lambda: self._accepted(dialog))
        dialog.drawRequested.connect(lambda: self.draw_extent(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _accepted(self, dialog: OutputDialog) -> None:
        kind, source = dialog.kind, dialog.source
        path: Path | None = None
        if kind != "print":
            path = self._ask_path(kind, source)
            if path is None:
                return
            self._last_dir = path if kind == "data" else path.parent
        options = {
            "kind": kind,
            "title": dialog.title,
            "path": path,
            "paper": dialog.paper,
            "orientation": dialog.orientation,
            "extent": dialog.extent if kind in ("pdf", "print") else None,
            "tiles": dialog.tiles_check.isChecked(),
            "formats": dialog.formats,
        }
        self.when_analysed(source, lambda: self._start(source, options))

    # -- the report's map area, drawn on the map ----------------------------------------------

    def draw_extent(self, dialog: OutputDialog) -> None:
        """Hide ``dialog``, let the user drag a rectangle on the map (Esc cancels), then show the
        dialog again with that area chosen."""
        canvas = self.window.canvas
        previous = canvas.tool if canvas.tool != EXTENT_TOOL else "pan"
        self._tool_before_drawing = previous
        dialog.hide()

        def drawn(box: tuple[float, float, float, float] | None) -> None:
            canvas.removeEventFilter(self)
            if box is not None:  # a rectangle was dragged (else the tool is being left already)
                canvas.set_tool(previous)
            dialog.area_drawn(box)
            self.window.message_label.setText(
                "Map area of the report drawn" if box is not None else "No area drawn"
            )
            QTimer.singleShot(0, dialog.open)  # once the mouse or key event is over

        self.extent_tool.on_done = drawn
        canvas.installEventFilter(self)
        canvas.set_tool(EXTENT_TOOL)
        canvas.setFocus()
        self.window.message_label.setText(
            "Drag a rectangle over the area the report's maps should show (Esc cancels)"
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Esc on the map while drawing the report's area cancels the drawing."""
        canvas = self.window.canvas
        if (
            watched is canvas
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape  # type: ignore[attr-defined]
            and canvas.tool == EXTENT_TOOL
        ):
            canvas.set_tool(self._tool_before_drawing)  # leaving it cancels the drawing
            return True
        return super().eventFilter(watched, event)

    def _start_dir(self) -> Path:
        if self._last_dir is not None and self._last_dir.is_dir():
            return self._last_dir
        project = self.window.project
        if project is not None and project.path is not None:
            return Path(project.path).parent
        return Path.home()

    def _ask_path(self, kind: str, source: OutputSource) -> Path | None:
        project = self.window.project
        name = safe_file_name(f"{project.name if project else 'ccgeo'} - {source.label}")
        if kind == "data":
            folder = QFileDialog.getExistingDirectory(
                self.window, "Export data to the folder", str(self._start_dir())
            )
            return Path(folder) if folder else None
        file_kind = "webmap" if kind == "html" else "pdf"
        suffix, filt = suffixes(file_kind)[0], dialog_filter(file_kind)
        path, _ = QFileDialog.getSaveFileName(
            self.window, _DIALOG_TITLES[kind], str(self._start_dir() / f"{name}{suffix}"), filt
        )
        if not path:
            return None
        target = Path(path)
        if kind == "pdf" and target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        return target

    def when_analysed(self, source: OutputSource, then: Callable[[], None]) -> None:
        """Call ``then()`` once the analysis ``source`` needs is current.

        A saved scenario needs nothing (it is analysed in full in the output's worker); the
        baseline and the what-if edits need a current run: when there is none yet, or it is
        out of date, the analysis runs first, and the status bar says so.
        """
        controller = self._analysis()
        if source.kind == "scenario" or controller is None:
            then()
            return
        ws = controller.workspace
        if ws is None:
            return
        if ws.baseline is not None and not ws.stale and not controller.is_running:
            then()
            return
        why = "No analysis yet" if ws.baseline is None else "The results are out of date"
        note = f"{why}: running the analysis ({ws.settings.describe()}) first, then the output…"

        def finished(*_args: Any) -> None:
            disconnect()
            then()

        def stopped(message: str = "") -> None:
            disconnect()
            text = "Nothing was written: the analysis did not finish"
            self.window.statusBar().showMessage(text, 10_000)
            self.failed.emit(message or text)

        def disconnect() -> None:
            controller.runFinished.disconnect(finished)
            controller.runFailed.disconnect(stopped)
            controller.runCancelled.disconnect(stopped)

        controller.runFinished.connect(finished)
        controller.runFailed.connect(stopped)
        controller.runCancelled.connect(stopped)
        if not controller.is_running:
            controller.run()
        self.window.statusBar().showMessage(note, 15_000)

    def _start(self, source: OutputSource, options: dict[str, Any]) -> None:
        project = self.window.project
        if project is None:
            return
        controller = self._analysis()
        ws = controller.workspace if controller is not None else None
        baseline = ws.result if ws is not None else None
        scenario = source.scenario
        if source.kind == "edits":
            if ws is None or not ws.has_edits:
                message = "there are no what-if edits to export any more (they were undone)"
                self.window.show_error(_DIALOG_TITLES[options["kind"]], message)
                self.failed.emit(message)
                return
            settings = ws.baseline.settings if ws.baseline is not None else ws.settings
            scenario = ws.to_scenario(
                CURRENT_EDITS_NAME,
                _edits_description(
                    len(ws.hubs), len(ws.upgrades), len(ws.removed), settings.capability
                ),
            )
        planning = getattr(self.window, "planning", None)
        request = OutputRequest(
            scenario=scenario,
            siting=getattr(planning, "siting_result", None),
            referral=getattr(planning, "referral_result", None),
            **options,
        )
        kind = request.kind
        if kind == "print":
            self.window.run_task(
                partial(prepare_print, baseline=baseline),
                project,
                request,
                text=f"Preparing the report of {source.label}…",
                on_done=lambda content: self._show_preview(content, request),
                on_failed=self.failed.emit,
            )
        else:
            what = {"html": "the interactive map", "pdf": "the report", "data": "the data"}[kind]
            self.window.run_task(
                partial(write_output, baseline=baseline),
                project,
                request,
                text=f"Writing {what} of {source.label}…",
                on_done=lambda paths: self._written(kind, paths),
                on_failed=self.failed.emit,
            )

    # -- done ----------------------------------------------------------------------------------

    def _written(self, kind: str, paths: list[Path]) -> None:
        self.last_written = list(paths)
        if not paths:
            return
        folder = paths[0] if paths[0].is_dir() else paths[0].parent
        if kind == "data":
            names = "\n".join(f"  {p.name}" for p in paths[:12])
            more = f"\n  … and {len(paths) - 12} more" if len(paths) > 12 else ""
            text = f"Wrote {len(paths)} files to {folder}:\n{names}{more}"
            status = f"Wrote {len(paths)} files to {folder}"
        else:
            size = paths[0].stat().st_size
            text = f"Wrote {paths[0]} ({_size_text(size)})."
            if kind == "html":
                text += "\nIt opens in any web browser, also without internet."
            status = f"Wrote {paths[0]}"
        self.window.message_label.setText(status)
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(_DIALOG_TITLES[kind])
        box.setText(text)
        open_button = box.addButton("Open folder", QMessageBox.ButtonRole.ActionRole)
        open_button.setToolTip(f"Show {folder} in the file manager")
        close_button = box.addButton(QMessageBox.StandardButton.Close)
        close_button.setToolTip("Close this message")
        box.setDefaultButton(close_button)
        open_button.clicked.connect(lambda: self.open_folder(folder))
        if self.done_box is not None:
            self.done_box.deleteLater()
        self.done_box = box
        box.open()
        self.written.emit(list(paths))

    def open_folder(self, folder: Path) -> bool:
        """Show ``folder`` in the system's file manager."""
        ok = QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
        if not ok:
            self.window.message_label.setText(f"Could not open {folder}; open it by hand")
        return bool(ok)

    def _show_preview(self, content: ReportContent, request: OutputRequest) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        # size and orientation only: a paper printer keeps its own minimum margins, and the
        # report is painted on the full sheet inside margins of its own
        layout = page_layout(request.paper, request.orientation)
        printer.setPageSize(layout.pageSize())
        printer.setPageOrientation(layout.orientation())
        printer.setDocName(content.title)
        preview = QPrintPreviewDialog(printer, self.window)
        preview.setWindowTitle(f"Print preview: {content.title}")
        preview.paintRequested.connect(lambda device: self.paint(device, content))
        if self.preview is not None:
            self.preview.deleteLater()
        self.printer, self.preview = printer, preview
        self.previewReady.emit(content)
        self.window.message_label.setText("Print preview: choose the printer there")
        preview.exec()

    def paint(self, printer: QPrinter, content: ReportContent) -> int:
        """Paint the report's pages on ``printer`` (the preview's, or the printer chosen)."""
        try:
            return paint_report(printer, content)
        except CcgeoError as exc:
            self.window.show_error("Print report", str(exc))
            self.failed.emit(str(exc))
            return 0


def _size_text(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1e6:.1f} MB"
    return f"{max(size / 1e3, 0.1):.0f} KB"


def install(window: MainWindow) -> None:
    """Add File ▸ Export ▸ Interactive map / Map report / Data, and File ▸ Print report."""
    window.outputs = OutputsController(window)  # type: ignore[attr-defined]
