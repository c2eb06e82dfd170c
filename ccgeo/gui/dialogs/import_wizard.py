"""The facility import wizard: file → column mapping → validation report → import."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ccgeo.errors import InputError, check_cancel
from ccgeo.gui.language import QT_TR_NOOP, notifier, tr
from ccgeo.gui.panels.attributes import SORT_ROLE, DataFrameModel, report_frame
from ccgeo.gui.view_state import fit_to_screen
from ccgeo.gui.wording import for_planner
from ccgeo.gui.workers import Worker
from ccgeo.io.facilities import (
    FACILITY_KINDS,
    FIELDS,
    check_facility_file,
    facilities_from_frame,
    guess_mapping,
    layer_names,
    read_raw,
)
from ccgeo.io.kinds import dialog_filter, kind_of
from ccgeo.io.sources import source_format
from ccgeo.io.tables import list_sheets
from ccgeo.labels import format_count
from ccgeo.model.facilities import Facilities
from ccgeo.model.reports import ImportReport
from ccgeo.progress import ProgressCallback, report_progress
from ccgeo.project import Project

#: Rows of the file shown in the mapping preview.
PREVIEW_ROWS = 30

#: Shown in a mapping dropdown for "no column holds this field" (translated where shown).
NO_COLUMN = QT_TR_NOOP("(none)")

#: Name of the file dialog's first filter, the one with every suffix (translated where shown).
FILE_FILTER_TITLE = QT_TR_NOOP("Facility tables and point layers")

#: What each schema field means, for the dropdown tooltips (translated where shown).
FIELD_HELP: dict[str, str] = {
    "facility_id": QT_TR_NOOP(
        "Code of the facility in its registry; made up from the row number if none"
    ),
    "name": QT_TR_NOOP("Name of the facility"),
    "lon": QT_TR_NOOP("Longitude, decimal degrees or degrees-minutes-seconds"),
    "lat": QT_TR_NOOP("Latitude, decimal degrees or degrees-minutes-seconds"),
    "coordinates": QT_TR_NOOP(
        "One column with 'lat, lon' or WKT POINT (lon lat), instead of lon and lat"
    ),
    "biopsy": QT_TR_NOOP("Takes biopsies (yes/no)"),
    "cytology": QT_TR_NOOP("Does cytology (yes/no)"),
    "histology": QT_TR_NOOP("Does histopathology (yes/no)"),
    "ihc": QT_TR_NOOP("Does immunohistochemistry (yes/no)"),
    "ish": QT_TR_NOOP("Does in situ hybridisation, FISH (yes/no)"),
    "pcr": QT_TR_NOOP("Does molecular testing, PCR (yes/no)"),
    "ngs": QT_TR_NOOP("Does next-generation sequencing (yes/no)"),
    "flow": QT_TR_NOOP("Does flow cytometry (yes/no)"),
    "tests": QT_TR_NOOP(
        "One text column listing the tests done ('IHC; PCR', 'biologia molecular')"
    ),
    "eqa": QT_TR_NOOP("External quality assessment: international, national or none"),
    "accreditation": QT_TR_NOOP("Accreditation: ISO 15189, CAP, other or none"),
    "capacity_tests_per_year": QT_TR_NOOP("Tests per year the lab can do"),
    "ownership": QT_TR_NOOP("Public, private, faith-based, NGO, military"),
    "pathologists": QT_TR_NOOP("Pathologists working at the lab (a count; optional)"),
    "molecular_technologists": QT_TR_NOOP(
        "Molecular technologists or scientists at the lab (a count; optional)"
    ),
}

#: The problems the validation step lists, by severity (``""``: all), with the words of its
#: filter (translated where shown).
SEVERITIES: tuple[tuple[str, str], ...] = (
    ("", QT_TR_NOOP("All problems")),
    ("rejected", QT_TR_NOOP("Rejected (not imported)")),
    ("doubtful", QT_TR_NOOP("Flagged for review")),
    ("fixed", QT_TR_NOOP("Fixed automatically")),
    ("warning", QT_TR_NOOP("Notes on the whole file")),
)

#: Import modes of the last page.
MODES: tuple[str, ...] = ("replace", "append")


def file_filter() -> str:
    """The file dialog's filter of facility tables and point layers, in the app's language."""
    return dialog_filter(FACILITY_KINDS, title=tr(FILE_FILTER_TITLE))


def field_label(name: str) -> str:
    """The schema field ``name`` as the mapping step names it, in the app's language (in
    English the field's own name, as in a mapping file: ``capacity_tests_per_year``)."""
    labels = {
        "facility_id": tr("facility_id", "facility field"),
        "name": tr("name", "facility field"),
        "lon": tr("lon", "facility field"),
        "lat": tr("lat", "facility field"),
        "coordinates": tr("coordinates", "facility field"),
        "biopsy": tr("biopsy", "facility field"),
        "cytology": tr("cytology", "facility field"),
        "histology": tr("histology", "facility field"),
        "ihc": tr("ihc", "facility field"),
        "ish": tr("ish", "facility field"),
        "pcr": tr("pcr", "facility field"),
        "ngs": tr("ngs", "facility field"),
        "flow": tr("flow", "facility field"),
        "tests": tr("tests", "facility field"),
        "eqa": tr("eqa", "facility field"),
        "accreditation": tr("accreditation", "facility field"),
        "capacity_tests_per_year": tr("capacity_tests_per_year", "facility field"),
        "ownership": tr("ownership", "facility field"),
        "pathologists": tr("pathologists", "facility field"),
        "molecular_technologists": tr("molecular_technologists", "facility field"),
    }
    return labels.get(name, name)


def read_preview(
    path: Path,
    *,
    sheet: str | None = None,
    layer: str | None = None,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> pd.DataFrame:
    """Read a facility file as text (`ccgeo.io.facilities.read_raw`), in a worker thread."""
    report_progress(progress, 0.0, tr("Reading {name}…").format(name=path.name))
    check_cancel(cancel)
    frame = read_raw(path, sheet=sheet, layer=layer)
    check_cancel(cancel)
    return frame


def apply_import(
    project: Project,
    facilities: Facilities,
    *,
    mode: str = "replace",
    source: str = "",
) -> Facilities:
    """Put imported ``facilities`` into ``project`` and keep their report; returns the new layer.

    Parameters
    ----------
    project
        Changed in place: ``facilities``, ``import_reports`` and ``metadata["sources"]``.
    facilities
        The validated import (with its ``report``); rows flagged ``review`` stay flagged.
    mode
        ``"replace"`` the project's facilities, or ``"append"`` to them. When appending, an
        imported id that the project already holds gets a ``-N`` suffix and is flagged for
        review, and the report says so.
    source
        The file imported, recorded in the project's sources.
    """
    if mode not in MODES:
        msg = f"`mode` should be one of {', '.join(MODES)}, got {mode!r}"
        raise ValueError(msg)
    report = facilities.report
    new = facilities
    if mode == "append" and project.facilities is not None and len(project.facilities):
        old = project.facilities.gdf
        incoming = facilities.gdf.copy()
        taken = set(old["facility_id"].astype(str))
        ids = incoming["facility_id"].astype(str).to_numpy(dtype=object)
        clash = np.array([i in taken for i in ids], dtype=bool)
        renamed = []
        for pos in np.flatnonzero(clash):
            k = 2
            while f"{ids[pos]}-{k}" in taken:
                k += 1
            renamed.append(f"{ids[pos]} → {ids[pos]}-{k}")
            ids[pos] = f"{ids[pos]}-{k}"
            taken.add(ids[pos])
        incoming["facility_id"] = ids
        incoming["review"] = incoming["review"].to_numpy(dtype=bool) | clash
        merged = pd.concat([old, incoming], ignore_index=True)
        for column in ("review", *[c for c in old.columns if old[c].dtype == bool]):
            if column in merged.columns:
                merged[column] = merged[column].fillna(False).astype(bool)
        new = Facilities(merged, report=report)
        if report is not None and renamed:
            shown = ", ".join(renamed[:10]) + (" …" if len(renamed) > 10 else "")
            report.add(
                None,
                "warning",
                tr(
                    "%n imported id(s) were already used in the project and were renamed: {ids}",
                    "",
                    len(renamed),
                ).format(ids=shown),
                tr("check whether they are the same facilities; if so, remove the copies"),
            )
    project.facilities = new
    if report is not None:
        project.import_reports.append(report)
    # replaced: this file is the layer's source now; appended: one more source
    project.record_source("facilities", source, rows=len(facilities), replace=mode == "replace")
    return new


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#B71C1C"))
    label.setPalette(palette)
    label.hide()
    return label


def _show_error(label: QLabel, message: str) -> None:
    label.setText(for_planner(message))
    label.setVisible(bool(message))


class _FilePage(QWizardPage):
    """Step 1: which file (and which sheet or layer)."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(tr("Choose the facility file"))
        self.setSubTitle(
            tr(
                "A spreadsheet (CSV, Excel, OpenDocument), JSON records, or a point layer "
                "(GeoJSON, GeoPackage, Shapefile, KML/KMZ, also zipped); exports of DHIS2, ODK, "
                "KoboToolbox and Healthsites.io and HXL tagged sheets are recognised. Nothing "
                "is changed in the file."
            )
        )
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(tr("Path of the facility file"))
        self.path_edit.setToolTip(tr("The file to import; type a path or choose one with Browse"))
        self.browse_button = QPushButton(tr("&Browse…"))
        self.browse_button.setToolTip(tr("Choose the file in a file dialog"))
        self.browse_button.clicked.connect(self._browse)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setToolTip(tr("The sheet of the workbook that holds the facilities"))
        self.layer_combo = QComboBox()
        self.layer_combo.setToolTip(tr("The layer of the GeoPackage that holds the facilities"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.error_label = _error_label()
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        form = QFormLayout()
        form.addRow(tr("File:"), row)
        form.addRow(tr("Sheet:"), self.sheet_combo)
        form.addRow(tr("Layer:"), self.layer_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        self.path_edit.editingFinished.connect(self._path_changed)
        self.path_edit.textChanged.connect(lambda _t: self.completeChanged.emit())
        self._listed_for: str | None = None
        self._loading = False
        self._sync_choices()

    def path(self) -> Path:
        """The file chosen."""
        return Path(self.path_edit.text().strip()).expanduser()

    def set_path(self, path: str | Path) -> None:
        """Choose ``path`` (as if typed) and list its sheets or layers."""
        self.path_edit.setText(str(path))
        self._path_changed()

    def _browse(self) -> None:
        start = str(self.path().parent) if self.path_edit.text().strip() else str(Path.home())
        chosen, _ = QFileDialog.getOpenFileName(self, tr("Import facilities"), start, file_filter())
        if chosen:
            self.set_path(chosen)

    def _path_changed(self) -> None:
        _show_error(self.error_label, "")
        self._sync_choices()

    def _sync_choices(self) -> None:
        """List the sheets of a workbook or the layers of a GeoPackage."""
        text = self.path_edit.text().strip()
        if text == self._listed_for:
            return
        self._listed_for = text
        path = self.path()
        kind = kind_of(path, among=FACILITY_KINDS)
        self.sheet_combo.clear()
        self.layer_combo.clear()
        try:
            if path.is_file():
                check_facility_file(path)  # a road extract or a PDF: say so at once
            if kind == "workbook" and path.is_file():
                self.sheet_combo.addItems(list_sheets(path))
            elif kind == "vector" and path.is_file():
                self.layer_combo.addItems(layer_names(path))
        except InputError as exc:
            _show_error(self.error_label, str(exc))
        self.sheet_combo.setEnabled(self.sheet_combo.count() > 1)
        self.layer_combo.setEnabled(self.layer_combo.count() > 1)

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        """A path must be given, and no read may be running."""
        return bool(self.path_edit.text().strip()) and not self._loading

    def validatePage(self) -> bool:  # noqa: N802 - Qt API
        """Go on once the file is read; the first press starts reading it in a worker."""
        self._sync_choices()
        key = self._key()
        if self._wizard.frame is not None and self._wizard.frame_key == key:
            return True
        if self._loading:
            return False
        self._loading = True
        self.completeChanged.emit()
        self.progress.show()
        _show_error(self.error_label, "")
        sheet = self.sheet_combo.currentText() or None
        layer = self.layer_combo.currentText() or None
        self._wizard.run(
            read_preview,
            self.path(),
            sheet=sheet,
            layer=layer,
            on_done=lambda frame: self._read(key, frame),
            on_failed=self._failed,
        )
        return False

    def _key(self) -> tuple[str, str, str]:
        return (
            str(self.path()),
            self.sheet_combo.currentText(),
            self.layer_combo.currentText(),
        )

    def _stop(self) -> None:
        self._loading = False
        self.progress.hide()
        self.completeChanged.emit()

    def _read(self, key: tuple[str, str, str], frame: pd.DataFrame) -> None:
        self._stop()
        self._wizard.set_frame(frame, key)
        self._wizard.next()

    def _failed(self, message: str) -> None:
        self._stop()
        _show_error(self.error_label, message)


class _MappingPage(QWizardPage):
    """Step 2: the first rows of the file and one dropdown per schema field."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(tr("Match the columns"))
        self.setSubTitle(
            tr(
                "Each field of ccgeo is matched to a column of your file; the guess is filled "
                "in. Change any dropdown, or choose (none) when the file has no such column."
            )
        )
        self.preview_model = DataFrameModel(parent=self)
        self.preview = QTableView()
        self.preview.setModel(self.preview_model)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setAlternatingRowColors(True)
        self.preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.preview.setToolTip(tr("The first rows of the file, as read (every cell as text)"))
        mapping_box = self._build_mapping_box()
        self.area_combo = QComboBox()
        self.area_combo.setToolTip(
            tr(
                "Points more than 10 km outside the study area are rejected, closer ones "
                "flagged; without one, only far outliers are flagged"
            )
        )
        self.swap_check = QCheckBox(tr("Detect swapped latitude and longitude"))
        self.swap_check.setChecked(True)
        self.swap_check.setToolTip(
            tr(
                "Put back, row by row, points that make sense only with latitude and longitude "
                "exchanged; each row changed is listed in the report"
            )
        )
        options = QHBoxLayout()
        options.addWidget(QLabel(tr("Study area:")))
        options.addWidget(self.area_combo, 1)
        options.addWidget(self.swap_check)
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.source_label = QLabel()
        self.source_label.setWordWrap(True)
        self.source_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.source_label.setToolTip(
            tr("What wrote the file, and what the import takes from it; change any dropdown below")
        )
        self.source_label.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.source_label)
        layout.addWidget(self.preview, 1)
        layout.addWidget(mapping_box)
        layout.addLayout(options)
        layout.addWidget(self.note_label)
        self._filling = False
        self._frame_shown: pd.DataFrame | None = None
        self._name_fields()
        notifier().changed.connect(self.retranslate)

    def _build_mapping_box(self) -> QGroupBox:
        """One label and dropdown per schema field, in three columns."""
        self.combos: dict[str, QComboBox] = {}
        self.field_labels: dict[str, QLabel] = {}
        grid = QGridLayout()
        per_column = (len(FIELDS) + 2) // 3
        for i, name in enumerate(FIELDS):
            label = QLabel()
            combo = QComboBox()
            combo.setObjectName(f"map_{name}")
            combo.currentIndexChanged.connect(lambda _i, f=name: self._combo_changed(f))
            self.combos[name] = combo
            self.field_labels[name] = label
            col, row = divmod(i, per_column)
            grid.addWidget(label, row, 2 * col)
            grid.addWidget(combo, row, 2 * col + 1)
        for col in range(3):
            grid.setColumnStretch(2 * col + 1, 1)
        mapping_box = QGroupBox(tr("Columns"))
        mapping_box.setLayout(grid)
        return mapping_box

    def _name_fields(self) -> None:
        """Each field's label, tooltip and "(none)" choice, in the app's language."""
        for name, combo in self.combos.items():
            tip = tr(FIELD_HELP[name]) if name in FIELD_HELP else field_label(name)
            label = self.field_labels[name]
            label.setText(tr("{field}:").format(field=field_label(name)))
            label.setToolTip(tip)
            combo.setToolTip(tip)
            if combo.count():
                combo.setItemText(0, tr(NO_COLUMN))

    def _name_areas(self) -> None:
        """The study areas to choose from, in the app's language."""
        project = self._wizard.project
        n_districts = len(project.districts) if project and project.districts is not None else 0
        for i in range(self.area_combo.count()):
            if self.area_combo.itemData(i) == "districts":
                text = tr("Districts of the project ({count})").format(
                    count=format_count(n_districts)
                )
            else:
                text = tr("None (flag far outliers only)")
            self.area_combo.setItemText(i, text)

    def _describe_frame(self) -> None:
        """How many rows and columns the file has, and how many are shown."""
        frame = self._frame_shown
        if frame is None:
            return
        rows = len(frame)
        self.note_label.setText(
            tr("{rows} row(s), {columns} columns; the first {shown} shown.", "", rows).format(
                rows=format_count(rows),
                columns=format_count(len(frame.columns)),
                shown=format_count(min(rows, PREVIEW_ROWS)),
            )
        )

    def _describe_source(self) -> None:
        """What system wrote the file, as `ccgeo.io.sources.recognise` found (hidden when none)."""
        frame = self._frame_shown
        text = source_format(frame).describe() if frame is not None else ""
        self.source_label.setText(text)
        self.source_label.setVisible(bool(text))

    def retranslate(self) -> None:
        """Write again, in the app's language, the texts made from the file and the fields."""
        self._name_fields()
        self._name_areas()
        self._describe_frame()
        self._describe_source()
        if self._frame_shown is not None:
            self._refresh_headers()

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        """Show the file and the guessed mapping (kept when coming back to this page)."""
        frame = self._wizard.frame
        if frame is None or frame is self._frame_shown:
            return
        self._frame_shown = frame
        self.preview_model.set_frame(frame.head(PREVIEW_ROWS))
        columns = [str(c) for c in frame.columns]
        guess = guess_mapping(columns, hints=source_format(frame).hints)
        self._filling = True
        try:
            for name, combo in self.combos.items():
                combo.clear()
                combo.addItem(tr(NO_COLUMN), "")
                for column in columns:
                    combo.addItem(column, column)
                combo.setCurrentIndex(max(combo.findData(guess.get(name, "")), 0))
        finally:
            self._filling = False
        self.area_combo.clear()
        project = self._wizard.project
        if project is not None and project.districts is not None and len(project.districts):
            self.area_combo.addItem("", "districts")
        self.area_combo.addItem("", "none")
        self._name_areas()
        self._describe_frame()
        self._describe_source()
        self._refresh_headers()
        self.preview.resizeColumnsToContents()

    def mapping(self) -> dict[str, str]:
        """Schema field → column for every field; ``""`` means no column."""
        return {name: str(combo.currentData() or "") for name, combo in self.combos.items()}

    def set_field(self, name: str, column: str | None) -> None:
        """Match field ``name`` to ``column`` (None: no column), as the user would."""
        combo = self.combos[name]
        index = combo.findData(column or "")
        if index < 0:
            msg = f"the file has no column {column!r}"
            raise ValueError(msg)
        combo.setCurrentIndex(index)

    def _combo_changed(self, name: str) -> None:
        if self._filling:
            return
        column = self.combos[name].currentData()
        if column:
            # A column holds one field: taking it for this field frees it from another.
            self._filling = True
            try:
                for other, combo in self.combos.items():
                    if other != name and combo.currentData() == column:
                        combo.setCurrentIndex(0)
            finally:
                self._filling = False
        self._refresh_headers()

    def _refresh_headers(self) -> None:
        by_column = {c: f for f, c in self.mapping().items() if c}
        headers = {}
        for column in self.preview_model.columns:
            if column in by_column:
                text = tr("{column}\n→ {field}").format(
                    column=column, field=field_label(by_column[column])
                )
            else:
                text = tr("{column}\n(not used)").format(column=column)
            headers[column] = text
        self.preview_model.set_headers(headers)

    def header_text(self, column: str) -> str:
        """The preview header of ``column`` (its name and the field it fills)."""
        section = self.preview_model.column_index(column)
        return str(self.preview_model.headerData(section, Qt.Orientation.Horizontal))

    def study_area(self) -> Any:
        """The study area chosen: the project's districts, or None."""
        project = self._wizard.project
        if self.area_combo.currentData() == "districts" and project is not None:
            return project.districts
        return None


class _ValidationPage(QWizardPage):
    """Step 3: the import runs in a worker and its report is listed."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(tr("Check the rows"))
        self.setSubTitle(
            tr(
                "Every row is imported or listed here with the reason it was not. Rows flagged "
                "for review are imported and marked on the map so that you can check them."
            )
        )
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.status_label = QLabel()
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)
        self.error_label = _error_label()
        self.severity_combo = QComboBox()
        for severity, text in SEVERITIES:
            self.severity_combo.addItem(tr(text), severity)
        self.severity_combo.setToolTip(tr("Show only problems of this kind"))
        self.issue_model = DataFrameModel(parent=self)
        self.issue_proxy = QSortFilterProxyModel(self)
        self.issue_proxy.setSourceModel(self.issue_model)
        self.issue_proxy.setSortRole(SORT_ROLE)
        self.issue_view = QTableView()
        self.issue_view.setModel(self.issue_proxy)
        self.issue_view.setSortingEnabled(True)
        self.issue_view.setWordWrap(True)
        self.issue_view.setAlternatingRowColors(True)
        self.issue_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.issue_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.issue_view.horizontalHeader().setStretchLastSection(True)
        self.issue_view.verticalHeader().hide()
        self.issue_view.setToolTip(
            tr("Row numbers are as in the spreadsheet (the header is row 1)")
        )
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.count_label, 1)
        filter_row.addWidget(QLabel(tr("Show:")))
        filter_row.addWidget(self.severity_combo)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.status_label)
        layout.addWidget(self.error_label)
        layout.addLayout(filter_row)
        layout.addWidget(self.issue_view, 1)
        self.severity_combo.currentIndexChanged.connect(self._filter)
        self._running = False
        self._run_id = 0
        #: The report of the last check, and what makes the status line (None: a worker's text).
        self._report: ImportReport | None = None
        self._status: Callable[[], str] | None = None
        notifier().changed.connect(self.retranslate)

    def _show_status(self, make: Callable[[], str] | None, text: str = "") -> None:
        """Show ``make()`` (written again when the language changes), or else ``text``."""
        self._status = make
        self.status_label.setText(make() if make is not None else text)

    def _write_counts(self) -> None:
        """How many rows were imported, rejected and flagged, of how many."""
        report = self._report
        if report is None:
            self.count_label.clear()
            return
        self.count_label.setText(
            tr(
                "<b>{imported}</b> imported · <b>{rejected}</b> rejected · <b>{flagged}</b> "
                "flagged for review (of {rows} rows)"
            ).format(
                imported=format_count(report.n_imported),
                rejected=format_count(report.n_rejected),
                flagged=format_count(len({i.row for i in report.doubtful})),
                rows=format_count(report.n_rows),
            )
        )

    def _checked_text(self) -> str:
        n_rows = self._report.n_rows if self._report is not None else 0
        return tr("Checked {count} row(s).", "", n_rows).format(count=format_count(n_rows))

    def retranslate(self) -> None:
        """Write again, in the app's language, the status and the counts of the check."""
        if self._status is not None:
            self.status_label.setText(self._status())
        self._write_counts()

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        """Run `facilities_from_frame` with the mapping of step 2."""
        wizard = self._wizard
        wizard.facilities = None
        self._run_id += 1
        run_id = self._run_id
        self._running = True
        self.completeChanged.emit()
        self.progress.setValue(0)
        self.progress.show()
        self._report = None
        self._show_status(lambda: tr("Checking every row…"))
        self.count_label.clear()
        _show_error(self.error_label, "")
        self.issue_model.set_frame(pd.DataFrame())
        page = wizard.mapping_page
        worker = wizard.run(
            facilities_from_frame,
            wizard.frame,
            page.mapping(),
            source=str(wizard.file_page.path()),
            study_area=page.study_area(),
            detect_swap=page.swap_check.isChecked(),
            on_done=lambda f: self._done(run_id, f),
            on_failed=lambda m: self._failed(run_id, m),
            on_progress=lambda fr, text: self._progress(run_id, fr, text),
        )
        self._worker = worker

    def cleanupPage(self) -> None:  # noqa: N802 - Qt API
        """Going back: stop a run still going."""
        self._run_id += 1
        self._running = False
        self._wizard.cancel_workers()
        super().cleanupPage()

    def _progress(self, run_id: int, fraction: float, text: str) -> None:
        if run_id == self._run_id:
            self.progress.setValue(round(1000 * fraction))
            if text:
                self._show_status(None, text)

    def _done(self, run_id: int, facilities: Facilities) -> None:
        if run_id != self._run_id:
            return
        self._running = False
        self.progress.hide()
        self._wizard.facilities = facilities
        report = facilities.report or ImportReport(source="")
        self._report = report
        self._show_status(self._checked_text)
        self._write_counts()
        frame = report_frame(report)
        columns = ["row", "severity", "column", "value", "problem", "fix"]
        self.issue_model.set_frame(frame[columns] if len(frame) else pd.DataFrame(columns=columns))
        self.issue_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.issue_view.resizeColumnsToContents()
        self.issue_view.resizeRowsToContents()
        self._filter()
        self.completeChanged.emit()

    def _failed(self, run_id: int, message: str) -> None:
        if run_id != self._run_id:
            return
        self._running = False
        self.progress.hide()
        self._show_status(lambda: tr("The file cannot be imported with this mapping:"))
        _show_error(self.error_label, message)
        self.completeChanged.emit()

    def _filter(self) -> None:
        severity = self.severity_combo.currentData() or ""
        if "severity" in self.issue_model.columns:
            self.issue_proxy.setFilterKeyColumn(self.issue_model.column_index("severity"))
        self.issue_proxy.setFilterFixedString(severity)

    def rows_listed(self, severity: str | None = None) -> list[int]:
        """Row numbers of the issues shown (of one severity, or all)."""
        model = self.issue_proxy
        if model.rowCount() == 0:
            return []
        row_col = self.issue_model.column_index("row")
        sev_col = self.issue_model.column_index("severity")
        out = []
        for r in range(model.rowCount()):
            if severity is None or model.index(r, sev_col).data() == severity:
                text = model.index(r, row_col).data()
                if text:
                    out.append(int(str(text).replace(",", "")))
        return out

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        """Done, with at least one row to import."""
        facilities = self._wizard.facilities
        return not self._running and facilities is not None and len(facilities) > 0


class _FinishPage(QWizardPage):
    """Step 4: replace or append, then import."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(tr("Import", "wizard step"))
        self.replace_radio = QRadioButton(tr("&Replace the facilities of the project"))
        self.replace_radio.setToolTip(
            tr("The imported facilities take the place of the current ones")
        )
        self.append_radio = QRadioButton(tr("&Add them to the facilities of the project"))
        self.append_radio.setToolTip(
            tr("Keep the current facilities and add these; repeated ids are renamed and flagged")
        )
        self.replace_radio.setChecked(True)
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.replace_radio)
        self.mode_group.addButton(self.append_radio)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.replace_radio)
        layout.addWidget(self.append_radio)
        layout.addStretch(1)
        self._shown = False
        notifier().changed.connect(self.retranslate)

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        """Say what Finish will do."""
        project = self._wizard.project
        n_now = len(project.facilities) if project and project.facilities is not None else 0
        self.append_radio.setEnabled(n_now > 0)
        if n_now == 0:
            self.replace_radio.setChecked(True)
        self._shown = True
        self.retranslate()

    def retranslate(self) -> None:
        """Write again, in the app's language, what Finish will do (once the page was shown)."""
        if not self._shown:
            return
        facilities = self._wizard.facilities
        project = self._wizard.project
        n_new = len(facilities) if facilities is not None else 0
        n_review = int(facilities.gdf["review"].sum()) if facilities is not None else 0
        n_now = len(project.facilities) if project and project.facilities is not None else 0
        now = format_count(n_now)
        self.replace_radio.setText(
            tr("&Replace the {count} facility(ies) of the project", "", n_now).format(count=now)
        )
        self.append_radio.setText(
            tr("&Add them to the {count} facility(ies) of the project", "", n_now).format(count=now)
        )
        self.summary.setText(
            tr(
                "{count} facility(ies) will be imported, {review} of them flagged for review: "
                "they are marked in the attribute table, and the report is kept in the project "
                "(Layer ▸ Attribute table ▸ Import report).",
                "",
                n_new,
            ).format(count=format_count(n_new), review=format_count(n_review))
        )

    def mode(self) -> str:
        """``"replace"`` or ``"append"``."""
        return "append" if self.append_radio.isChecked() else "replace"


class ImportWizard(QWizard):
    """File ▸ Import ▸ Facilities: a guided import of a facility spreadsheet or point layer.

    Reading and validating run in worker threads; errors show the `InputError` text in the page.
    On Finish it emits `imported`; the caller puts the facilities into the project
    (see `apply_import`).

    Parameters
    ----------
    project
        The project imported into (its districts can serve as the study area); may be None.

    Signals
    -------
    imported(facilities, mode)
        The validated `Facilities` (with ``.report``) and ``"replace"`` or ``"append"``.
    """

    imported = Signal(object, str)

    FILE, MAPPING, VALIDATION, FINISH = range(4)

    def __init__(self, project: Project | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Import facilities"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.project = project
        self.frame: pd.DataFrame | None = None
        self.frame_key: tuple[str, str, str] | None = None
        self.facilities: Facilities | None = None
        self._workers: set[Worker] = set()
        self.file_page = _FilePage(self)
        self.mapping_page = _MappingPage(self)
        self.validation_page = _ValidationPage(self)
        self.finish_page = _FinishPage(self)
        for page_id, page in enumerate(
            (self.file_page, self.mapping_page, self.validation_page, self.finish_page)
        ):
            self.setPage(page_id, page)
        self.retranslate()
        button = QWizard.WizardButton
        for which, tip in (
            (button.BackButton, tr("The step before (Alt+B)")),
            (button.NextButton, tr("The next step (Alt+N)")),
            (button.CommitButton, tr("Go on; this step cannot be undone")),
            (button.FinishButton, tr("Import the facilities into the project (Alt+I)")),
            (button.CancelButton, tr("Close without importing anything (Esc)")),
        ):
            self.button(which).setToolTip(tip)
        fit_to_screen(self, 940, 640)  # each step needs about 600 × 360; the tables scroll
        notifier().changed.connect(self.retranslate)

    def retranslate(self) -> None:
        """The Finish button's text in the app's language (the wizard keeps it and puts it back
        on every step, so the language switcher's change would not last)."""
        self.setButtonText(QWizard.WizardButton.FinishButton, tr("&Import"))

    def set_frame(self, frame: pd.DataFrame, key: tuple[str, str, str]) -> None:
        """The raw table read in step 1."""
        self.frame = frame
        self.frame_key = key

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None],
        on_failed: Callable[[str], None],
        on_progress: Callable[[float, str], None] | None = None,
        **kwargs: Any,
    ) -> Worker:
        """Run ``fn(*args, **kwargs, progress=, cancel=)`` on the thread pool for a page."""
        worker = Worker(fn, *args, **kwargs)
        self._workers.add(worker)
        signals = worker.signals

        def finish(callback: Callable[..., None], *values: Any) -> None:
            self._workers.discard(worker)
            callback(*values)

        signals.finished.connect(lambda result: finish(on_done, result))
        signals.failed.connect(lambda message: finish(on_failed, message))
        signals.cancelled.connect(lambda: self._workers.discard(worker))
        if on_progress is not None:
            signals.progress.connect(on_progress)
        return worker.start()

    @property
    def busy(self) -> bool:
        """Whether a read or a validation is running."""
        return bool(self._workers)

    def cancel_workers(self) -> None:
        """Ask running reads and validations to stop."""
        for worker in list(self._workers):
            worker.cancel()

    def accept(self) -> None:
        """Emit `imported` with the validated facilities, then close."""
        if self.facilities is not None:
            self.imported.emit(self.facilities, self.finish_page.mode())
        super().accept()

    def reject(self) -> None:
        """Stop any work and close without importing."""
        self.cancel_workers()
        super().reject()

    def done(self, result: int) -> None:
        """Closing cancels running work (the workers drop their results)."""
        self.cancel_workers()
        super().done(result)
