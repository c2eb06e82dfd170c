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
from ccgeo.gui.language import QT_TR_NOOP, notifier, tr
from ccgeo.gui.wording import test_name
from ccgeo.i18n import LANGUAGES, current_language, using_language
from ccgeo.io.kinds import dialog_filter, suffixes
from ccgeo.labels import format_lonlat_box, format_number
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

# The texts of this module's constants are in English, marked with `QT_TR_NOOP`, and
# translated where shown (`tr`).

#: The outputs: an HTML map, a PDF report, data files, a printed report.
KINDS: tuple[str, ...] = ("html", "pdf", "data", "print")
#: Where a project keeps the language its map or report was last written in (its metadata).
REPORT_LANGUAGE_KEY = "report_language"
#: What the map and the report call the analysis of the existing labs.
BASELINE_LABEL = QT_TR_NOOP("Baseline (existing labs)")
#: Name of the scenario made of the live what-if edits.
CURRENT_EDITS_NAME = QT_TR_NOOP("Current what-if edits")

#: Each data format's name and what its files are.
FORMAT_LABELS: dict[str, tuple[str, str]] = {
    "gpkg": ("GeoPackage", QT_TR_NOOP("results.gpkg with one layer each: opens in QGIS")),
    "geojson": ("GeoJSON", QT_TR_NOOP("one .geojson file per layer: for web maps and scripts")),
    "parquet": (
        "GeoParquet",
        QT_TR_NOOP("one .parquet file per layer: for Python, R, DuckDB and QGIS 3.34+"),
    ),
    "csv": ("CSV", QT_TR_NOOP("one .csv per table, and summary.json: opens in any spreadsheet")),
    "xlsx": (
        "Excel (XLSX)",
        QT_TR_NOOP("results.xlsx with a sheet per table and a summary sheet"),
    ),
}
PAPER_LABELS = {
    "a4": QT_TR_NOOP("A4 (210 × 297 mm)"),
    "letter": QT_TR_NOOP("US Letter (8.5 × 11 in)"),
}
#: What the report's maps show.
EXTENT_LABELS = {
    "screen": QT_TR_NOOP("The map as on screen"),
    "study": QT_TR_NOOP("The whole study area"),
    "drawn": QT_TR_NOOP("Draw an area on the map…"),
}
ORIENTATION_LABELS = {"portrait": QT_TR_NOOP("Portrait"), "landscape": QT_TR_NOOP("Landscape")}
_DIALOG_TITLES = {
    "html": QT_TR_NOOP("Export interactive map (HTML)"),
    "pdf": QT_TR_NOOP("Export map report (PDF)"),
    "data": QT_TR_NOOP("Export data"),
    "print": QT_TR_NOOP("Print report"),
}
_OK_TEXT = {
    "html": QT_TR_NOOP("Export…"),
    "pdf": QT_TR_NOOP("Export…"),
    "data": QT_TR_NOOP("Export…"),
    "print": QT_TR_NOOP("Preview…"),
}
_EXPLAIN = {
    "html": QT_TR_NOOP(
        "One HTML file that opens in any browser, without internet: labs, catchment bands, "
        "underserved areas, districts with their coverage, population and roads."
    ),
    "pdf": QT_TR_NOOP(
        "A printable report: cover with the key numbers, the coverage map, coverage by "
        "district, underserved areas, methods and data sources."
    ),
    "data": QT_TR_NOOP(
        "The analysis as layers and tables other tools open: demand points with their travel "
        "times, labs, catchment bands, underserved areas, coverage by district."
    ),
    "print": QT_TR_NOOP(
        "The pages of the PDF report, shown in a print preview: choose the printer, the pages "
        "and the copies there."
    ),
}
#: The status line while an output is made, by kind (``{analysis}``: the analysis shown).
_WORKING_TEXT = {
    "html": QT_TR_NOOP("Writing the interactive map of {analysis}…"),
    "pdf": QT_TR_NOOP("Writing the report of {analysis}…"),
    "data": QT_TR_NOOP("Writing the data of {analysis}…"),
    "print": QT_TR_NOOP("Preparing the report of {analysis}…"),
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
        """``"Baseline (existing labs)"``, ``"Current what-if edits"`` (in the app's language)
        or the scenario's name."""
        if self.kind == "baseline":
            return tr(BASELINE_LABEL)
        if self.kind == "edits":
            return tr(CURRENT_EDITS_NAME)
        return self.scenario.name if self.scenario is not None else tr("scenario")


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
    language
        The language the map, the report or the data notes are written in (a key of
        `ccgeo.i18n.LANGUAGES`); None for the app's.
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
    language: str | None = None


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
            msg = tr("there is no analysis to export yet; run it first (Analysis ▸ Run, F5)")
            raise InputError(msg)
        return OutputInputs(project, baseline, None)
    changed, settings = project_with_scenario(project, scenario)
    report_progress(
        progress, 0.0, tr("Analysing the scenario “{name}”…").format(name=scenario.name)
    )
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
    """Write the HTML map, the PDF report or the data files of ``request``, in its language
    (this thread only: the app goes on speaking its own); returns the files.

    For a worker thread: the scenario, if any, is analysed first (`output_inputs`).

    Raises
    ------
    InputError
        For a request without a path or of an unknown kind, or as the writers do.
    Cancelled
        If ``cancel`` is set; no partial file is left (the writers write to a temporary name).
    """
    with using_language(request.language or current_language()):
        return _write_output(project, request, baseline, progress, cancel)


def _write_output(
    project: Project,
    request: OutputRequest,
    baseline: AccessResult | None,
    progress: ProgressCallback | None,
    cancel: threading.Event | None,
) -> list[Path]:
    if request.kind not in ("html", "pdf", "data"):
        msg = f"`request.kind` should be html, pdf or data, got {request.kind!r}"
        raise InputError(msg)
    if request.path is None:
        msg = tr("no output path was chosen")
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
    report_progress(rest, 0.0, tr("Writing the data files…"))
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
    report_progress(rest, 1.0, tr("%n file(s) written", "", len(written)))
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
    """The report of ``request`` ready to paint on a printer (`ccgeo.report.pdf.paint_report`),
    in its language."""
    with using_language(request.language or current_language()):
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
    place = project.name if with_place and project is not None and project.name else ""
    test = test_name(capability)
    if capability and place:
        head = tr("{place}: access to {test} testing").format(place=place, test=test)
    elif capability:
        head = tr("Access to {test} testing").format(test=test)
    elif place:
        head = tr("{place}: access to labs").format(place=place)
    else:
        head = tr("Access to labs")
    if source_label in (BASELINE_LABEL, tr(BASELINE_LABEL)):
        return head
    return tr("{title} · {analysis}").format(title=head, analysis=source_label)


def safe_file_name(text: str) -> str:
    """``text`` with only letters, digits, ``-``, ``_`` and spaces (others become ``_``)."""
    safe = "".join(c if c.isalnum() or c in "-_ " else "_" for c in text).strip()
    return safe or "ccgeo"


def _edits_description(hubs: int, upgrades: int, removed: int, capability: str) -> str:
    """``"2 candidate hubs, 1 upgrade to PCR"``: the what-if edits, in the app's language."""
    parts = []
    if hubs:
        parts.append(tr("%n candidate hub(s)", "", hubs))
    if upgrades:
        parts.append(tr("%n upgrade(s) to {test}", "", upgrades).format(test=test_name(capability)))
    if removed:
        parts.append(tr("%n lab(s) closed", "", removed))
    return ", ".join(parts) or tr("no change")


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
        One line saying which analysis settings apply, or that the analysis runs first; or a
        function giving it, called again when the app's language changes.
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
        analysis_text: str | Callable[[], str] = "",
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
        self.setWindowTitle(tr(_DIALOG_TITLES[kind]))
        self.setMinimumWidth(560)
        self._analysis_text = analysis_text
        self._build_source_combo(disabled or {})
        self._build_option_widgets()
        self._build_extent_widgets()
        self.analysis_label = QLabel()
        self.analysis_label.setWordWrap(True)
        self.analysis_label.setStyleSheet("color: #455A64;")
        self._build_buttons()
        self._layout()
        self._connect()
        first = next((i for i in range(len(sources)) if i not in (disabled or {})), 0)
        self.source_combo.setCurrentIndex(first)
        self.retranslate()
        self._sync_ok()
        notifier().changed.connect(self.retranslate)

    def retranslate(self) -> None:
        """Write the texts made from data in the app's language: the analyses to choose from,
        the formats, the map area, the analysis line, and the title while it follows the
        analysis chosen."""
        for i, source in enumerate(self.sources):
            text = source.label
            if source.kind == "scenario":
                text = tr("Scenario: {name}").format(name=source.label)
            self.source_combo.setItemText(i, text)
        for key, check in self.format_checks.items():
            name, tip = FORMAT_LABELS.get(key, (key, key))
            check.setText(tr("{format}: {description}").format(format=name, description=tr(tip)))
            check.setToolTip(tr(tip))
        text = self._analysis_text
        self.analysis_label.setText(text() if callable(text) else text)
        self._show_extent()
        self._source_changed()

    def _build_source_combo(self, disabled: dict[int, str]) -> None:
        """The analyses to choose from; those in ``disabled`` greyed, their reason as tooltip."""
        self.source_combo = QComboBox()
        self.source_combo.setToolTip(
            tr(
                "Which labs the output shows: the existing ones, the what-if on the map now, or "
                "a saved scenario (analysed in full with its own settings)"
            )
        )
        model = self.source_combo.model()
        for i in range(len(self.sources)):
            self.source_combo.addItem("", i)  # named by `retranslate`
            reason = disabled.get(i)
            if reason:
                item = model.item(i)  # type: ignore[attr-defined]
                item.setEnabled(False)
                item.setToolTip(reason)

    def _build_option_widgets(self) -> None:
        """Title, paper and orientation (PDF, print), tiles (HTML) and formats (data)."""
        self.title_edit = QLineEdit()
        self.title_edit.setToolTip(tr("The heading of the map or the report's cover"))
        self.title_edit.setClearButtonEnabled(True)
        self.paper_combo = QComboBox()
        for key, text in PAPER_LABELS.items():
            self.paper_combo.addItem(tr(text), key)
        self.paper_combo.setToolTip(tr("Paper size of the report"))
        self.orientation_combo = QComboBox()
        for key, text in ORIENTATION_LABELS.items():
            self.orientation_combo.addItem(tr(text), key)
        self.orientation_combo.setToolTip(
            tr("Portrait suits A4/Letter reading; landscape gives the maps more width")
        )
        self.tiles_check = QCheckBox(tr("Include OpenStreetMap tiles layer (online only)"))
        self.tiles_check.setToolTip(
            tr(
                "Adds a street map layer, off until ticked in the map; it loads from the "
                "internet and stays blank offline. Everything else works without internet."
            )
        )
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("output-language")
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(self.language_combo.findData(current_language()))
        self.language_combo.setToolTip(
            tr("The language the output is written in; the project remembers it for next time")
        )
        self.format_checks: dict[str, QCheckBox] = {}
        self.formats_box = QGroupBox(tr("Formats"))
        formats_layout = QVBoxLayout(self.formats_box)
        for key in FORMATS:
            check = QCheckBox()  # named by `retranslate`
            check.setChecked(True)
            formats_layout.addWidget(check)
            self.format_checks[key] = check

    def _build_extent_widgets(self) -> None:
        """What the report's maps show: the map as on screen, the study area, an area drawn."""
        self.extent_combo = QComboBox()
        for key, text in EXTENT_LABELS.items():
            self.extent_combo.addItem(tr(text), key)
        self.extent_combo.setToolTip(
            tr("The area the report's maps show; it fills the map frame of the page")
        )
        if self.screen_extent is None:
            self.extent_combo.model().item(0).setEnabled(False)  # type: ignore[attr-defined]
            self.extent_combo.setCurrentIndex(1)
        self.extent_label = QLabel("")
        self.extent_label.setWordWrap(True)
        self.extent_label.setStyleSheet("color: #455A64;")
        self._last_extent = str(self.extent_combo.currentData())

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr(_OK_TEXT[self.kind]))
        self.ok_button.setToolTip(
            tr("Choose where to write it, then write it in the background")
            if self.kind != "print"
            else tr("Prepare the pages and show them in a print preview")
        )
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setToolTip(tr("Close without writing anything"))

    def _options_form(self) -> QFormLayout:
        kind = self.kind
        form = QFormLayout()
        form.addRow(tr("&Analysis:"), self.source_combo)
        form.addRow(tr("&Title:"), self.title_edit)
        form.addRow(tr("&Paper:"), self.paper_combo)
        form.addRow(tr("&Orientation:"), self.orientation_combo)
        form.addRow(tr("&Map area:"), self.extent_combo)
        form.addRow("", self.extent_label)
        form.addRow(tr("&Language:"), self.language_combo)
        form.addRow(self.tiles_check)
        # every widget lives in the dialog; those that do not matter for this output are hidden
        form.setRowVisible(self.title_edit, kind != "data")
        for widget in (self.paper_combo, self.orientation_combo, self.extent_combo):
            form.setRowVisible(widget, kind in ("pdf", "print"))
        form.setRowVisible(self.extent_label, kind in ("pdf", "print"))
        form.setRowVisible(self.tiles_check, kind == "html")
        return form

    def _layout(self) -> None:
        explain = QLabel(tr(_EXPLAIN[self.kind]))
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

    @property
    def language(self) -> str:
        """The language chosen for the output (a key of `ccgeo.i18n.LANGUAGES`)."""
        return str(self.language_combo.currentData())

    def set_language(self, code: str | None) -> None:
        """Choose ``code`` for the output (the one the project's last report was written in);
        None or a language ccgeo does not speak leaves the app's."""
        index = self.language_combo.findData(code) if code in LANGUAGES else -1
        if index >= 0:
            self.language_combo.setCurrentIndex(index)

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
            text = tr("Every layer of the project, with a margin")
        elif box is None:
            text = tr("Drag a rectangle on the map; Esc cancels")
        else:
            text = tr("{area} (widened to the page's map frame)").format(
                area=format_lonlat_box(box)
            )
        self.extent_label.setText(text)

    def _sync_ok(self) -> None:
        ok = self.kind != "data" or bool(self.formats)
        self.ok_button.setEnabled(ok)
        if not ok:
            self.ok_button.setToolTip(tr("Tick at least one format"))


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
                tr("Interactive &map (HTML)…"),
                tr(
                    "Export the map with its catchment bands, underserved areas and labs as one "
                    "HTML file that opens in any browser, offline (Ctrl+E)"
                ),
                "Ctrl+E",
                QStyle.StandardPixmap.SP_DirLinkIcon,
            ),
            "pdf": (
                tr("Map &report (PDF)…"),
                tr(
                    "Export a printable PDF report: key numbers, coverage map, coverage by "
                    "district, underserved areas, methods and sources (Ctrl+Shift+P)"
                ),
                "Ctrl+Shift+P",
                QStyle.StandardPixmap.SP_FileDialogDetailedView,
            ),
            "data": (
                tr("&Data (GeoPackage, GeoJSON, CSV, XLSX)…"),
                tr(
                    "Export the analysis as layers and tables for QGIS or a spreadsheet "
                    "(Ctrl+Shift+E)"
                ),
                "Ctrl+Shift+E",
                QStyle.StandardPixmap.SP_DriveFDIcon,
            ),
            "print": (
                tr("&Print report…"),
                tr("Print the map report, with a print preview of its pages (Ctrl+P)"),
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
            disabled[1] = tr("No what-if edits on the map: place a hub or upgrade a facility first")
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
            return tr(
                "No analysis was run yet: the default one ({settings}) runs first for the "
                "baseline and the what-if edits. A saved scenario runs with its own settings."
            ).format(settings=ws.settings.describe())
        if ws.stale:
            return tr(
                "The results are out of date ({reason}): the analysis ({settings}) runs again "
                "first. A saved scenario runs with its own settings."
            ).format(reason=ws.stale_reason, settings=ws.settings.describe())
        return tr("Analysis: {settings}. A saved scenario runs with its own settings.").format(
            settings=ws.baseline.settings.describe()
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
            analysis_text=self._analysis_text,
            disabled=disabled,
            screen_extent=screen_box(self.window.canvas),
            parent=self.window,
        )
        dialog.set_language(self.window.project.metadata.get(REPORT_LANGUAGE_KEY))
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
            "language": dialog.language,
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
            if box is not None:
                self.window.say(lambda: tr("Map area of the report drawn"))
            else:
                self.window.say(lambda: tr("No area drawn"))
            QTimer.singleShot(0, dialog.open)  # once the mouse or key event is over

        self.extent_tool.on_done = drawn
        canvas.installEventFilter(self)
        canvas.set_tool(EXTENT_TOOL)
        canvas.setFocus()
        self.window.say(
            lambda: tr(
                "Drag a rectangle over the area the report's maps should show (Esc cancels)"
            ),
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
                self.window, tr("Export data to the folder"), str(self._start_dir())
            )
            return Path(folder) if folder else None
        file_kind = "webmap" if kind == "html" else "pdf"
        suffix, filt = suffixes(file_kind)[0], dialog_filter(file_kind)
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            tr(_DIALOG_TITLES[kind]),
            str(self._start_dir() / f"{name}{suffix}"),
            filt,
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
        if ws.baseline is None:
            note = tr("No analysis yet: running the analysis ({settings}) first, then the output…")
        else:
            note = tr(
                "The results are out of date: running the analysis ({settings}) first, then the "
                "output…"
            )
        note = note.format(settings=ws.settings.describe())

        def finished(*_args: Any) -> None:
            disconnect()
            then()

        def stopped(message: str = "") -> None:
            disconnect()
            text = tr("Nothing was written: the analysis did not finish")
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
                message = tr("there are no what-if edits to export any more (they were undone)")
                self.window.show_error(tr(_DIALOG_TITLES[options["kind"]]), message)
                self.failed.emit(message)
                return
            settings = ws.baseline.settings if ws.baseline is not None else ws.settings
            scenario = ws.to_scenario(
                tr(CURRENT_EDITS_NAME),
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
        text = tr(_WORKING_TEXT[kind]).format(analysis=source.label)
        if kind == "print":
            self.window.run_task(
                partial(prepare_print, baseline=baseline),
                project,
                request,
                text=text,
                on_done=lambda content: self._printed(content, request),
                on_failed=self.failed.emit,
            )
        else:
            self.window.run_task(
                partial(write_output, baseline=baseline),
                project,
                request,
                text=text,
                on_done=lambda paths: self._written(kind, paths, request.language),
                on_failed=self.failed.emit,
            )

    # -- done ----------------------------------------------------------------------------------

    def remember_language(self, language: str | None) -> None:
        """Keep in the project the language its map or report was last written in (the next
        export proposes it; the project is saved with it)."""
        project = self.window.project
        if project is None or not language:
            return
        if project.metadata.get(REPORT_LANGUAGE_KEY) == language:
            return
        project.metadata[REPORT_LANGUAGE_KEY] = language
        self.window.set_modified(True)

    def _printed(self, content: ReportContent, request: OutputRequest) -> None:
        self.remember_language(request.language)
        self._show_preview(content, request)

    def _written(self, kind: str, paths: list[Path], language: str | None = None) -> None:
        self.remember_language(language)
        self.last_written = list(paths)
        if not paths:
            return
        folder = paths[0] if paths[0].is_dir() else paths[0].parent
        text = _written_text(kind, paths)
        if kind == "data":
            self.window.say(
                lambda: tr("Wrote %n file(s) to {folder}", "", len(paths)).format(folder=folder),
            )
        else:
            self.window.say(lambda: tr("Wrote {path}").format(path=paths[0]))
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(tr(_DIALOG_TITLES[kind]))
        box.setText(text)
        open_button = box.addButton(tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
        open_button.setToolTip(tr("Show {folder} in the file manager").format(folder=folder))
        close_button = box.addButton(QMessageBox.StandardButton.Close)
        close_button.setToolTip(tr("Close this message"))
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
            self.window.say(
                lambda: tr("Could not open {folder}; open it by hand").format(folder=folder),
            )
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
        preview.setWindowTitle(tr("Print preview: {title}").format(title=content.title))
        preview.paintRequested.connect(lambda device: self.paint(device, content))
        if self.preview is not None:
            self.preview.deleteLater()
        self.printer, self.preview = printer, preview
        self.previewReady.emit(content)
        self.window.say(lambda: tr("Print preview: choose the printer there"))
        preview.exec()

    def paint(self, printer: QPrinter, content: ReportContent) -> int:
        """Paint the report's pages on ``printer`` (the preview's, or the printer chosen)."""
        try:
            return paint_report(printer, content)
        except CcgeoError as exc:
            self.window.show_error(tr(_DIALOG_TITLES["print"]), str(exc))
            self.failed.emit(str(exc))
            return 0


def _size_text(size: int) -> str:
    """``"1.2 MB"``, ``"340 KB"``: a file's size, ``size`` bytes, in the app's language."""
    if size >= 1_000_000:
        return tr("{size} MB").format(size=format_number(size / 1e6, decimals=1))
    return tr("{size} KB").format(size=format_number(max(size / 1e3, 0.1)))


def _written_text(kind: str, paths: list[Path]) -> str:
    """What the "written" box says: the file and its size, or the data files and their folder."""
    if kind != "data":
        size = _size_text(paths[0].stat().st_size)
        if kind == "html":
            return tr(
                "Wrote {path} ({size}).\nIt opens in any web browser, also without internet."
            ).format(path=paths[0], size=size)
        return tr("Wrote {path} ({size}).").format(path=paths[0], size=size)
    folder = paths[0] if paths[0].is_dir() else paths[0].parent
    lines = [p.name for p in paths[:12]]
    if len(paths) > 12:
        lines.append(tr("… and %n more", "", len(paths) - 12))
    names = "\n".join(f"  {line}" for line in lines)
    return tr("Wrote %n file(s) to {folder}:\n{names}", "", len(paths)).format(
        folder=folder, names=names
    )


def install(window: MainWindow) -> None:
    """Add File ▸ Export ▸ Interactive map / Map report / Data, and File ▸ Print report."""
    window.outputs = OutputsController(window)  # type: ignore[attr-defined]
