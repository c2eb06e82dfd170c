"""Import dialogs for roads (file or download), population and districts, read in a worker."""

from __future__ import annotations

import dataclasses
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geopandas as gpd
from pyproj import CRS
from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ccgeo.errors import InputError, check_cancel
from ccgeo.gui.language import QT_TR_NOOP, tr
from ccgeo.gui.wording import for_planner
from ccgeo.gui.workers import Worker
from ccgeo.io.basemap import read_roads_and_basemap
from ccgeo.io.kinds import dialog_filter
from ccgeo.io.osm import ROAD_KINDS, download_roads
from ccgeo.io.population import (
    age_sex_summary,
    assign_districts,
    find_age_sex_rasters,
    read_districts,
    read_population,
)
from ccgeo.io.population.common import POPULATION_KINDS
from ccgeo.model.basemap import BasemapData
from ccgeo.model.demand import Demand
from ccgeo.model.roads import RoadData
from ccgeo.progress import ProgressCallback, report_progress, scaled_progress
from ccgeo.project import Project
from ccgeo.render.basemap import basemap_layers
from ccgeo.render.districts import DistrictLayer
from ccgeo.render.layers import MapLayer
from ccgeo.render.population import PopulationLayer
from ccgeo.render.roads import RoadLayer

#: The layers these dialogs import.
KINDS: tuple[str, ...] = ("roads", "population", "districts")

# The texts below are translated where shown (`tr`).
_TITLES = {
    "roads": QT_TR_NOOP("Import roads"),
    "population": QT_TR_NOOP("Import population"),
    "districts": QT_TR_NOOP("Import districts"),
}

#: The kinds of file each dialog reads, and the name of its file-dialog filter.
_FILTERS: dict[str, tuple[str | tuple[str, ...], str]] = {
    "roads": (ROAD_KINDS, QT_TR_NOOP("Road networks")),
    "population": (POPULATION_KINDS, QT_TR_NOOP("Population")),
    "districts": ("vector", QT_TR_NOOP("District boundaries")),
}

_EXPLAIN = {
    "roads": QT_TR_NOOP(
        "An OpenStreetMap extract (.osm.pbf from download.geofabrik.de or export.hotosm.org), "
        "an osmnx GraphML file, or road lines with a highway column. All travel modes are kept; "
        "an OpenStreetMap extract also gives the offline base map (water, parks, built-up land, "
        "place names)."
    ),
    "population": QT_TR_NOOP(
        "A population raster (GeoTIFF, people per cell), or a table or point layer with "
        "coordinates and a population column."
    ),
    "districts": QT_TR_NOOP(
        "District polygons (GeoJSON, GeoPackage, Shapefile or a zipped Shapefile). The "
        "population points are assigned to the new districts."
    ),
}


def file_filter(kind: str) -> str:
    """The file dialog's filter of the files a ``kind`` import reads, in the app's language."""
    kinds, title = _FILTERS[kind]
    return dialog_filter(kinds, title=tr(title))


@dataclass(frozen=True)
class LayerImport:
    """What a layer import produced, with its map layers built off the GUI thread.

    Attributes
    ----------
    kind
        One of `KINDS`.
    value
        `RoadData`, `Demand`, or the district GeoDataFrame.
    source
        The file read or ``"download: <place>"``.
    demand
        With districts: the project's population points re-assigned to the new districts.
    layers
        Map layers to show, by kind (``"districts"`` also rebuilds ``"population"``).
    warnings
        What the reader noticed, for the status bar.
    basemap
        Roads only: the offline base map read from the same OSM file (None otherwise).
    basemap_layers
        Its map layers (the window shows them when that base map is chosen).
    """

    kind: str
    value: Any
    source: str
    demand: Demand | None = None
    layers: dict[str, MapLayer] = dataclasses.field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    basemap: BasemapData | None = None
    basemap_layers: tuple[MapLayer, ...] = ()


def load_layer(
    kind: str,
    source: str,
    *,
    project: Project | None,
    crs: CRS | None,
    download: bool = False,
    clip_to_study_area: bool = True,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> LayerImport:
    """Read (or download) one layer for ``project`` and build its map layers (worker thread).

    Parameters
    ----------
    kind
        ``"roads"``, ``"population"`` or ``"districts"``.
    source
        A path, or a place name when ``download`` is set (roads only).
    project
        The project imported into: its study area and districts are used; it is not changed.
    crs
        Metric CRS of the map the layers are drawn in; None builds no map layers.
    download
        Roads only: download by place name from OpenStreetMap (needs internet).
    clip_to_study_area
        Population only: keep only people inside the project's study area.
    progress, cancel
        ``progress(fraction, text)`` and a `threading.Event` that cancels.

    Raises
    ------
    InputError
        A file that cannot be read, with the reader's explanation.
    OfflineError
        A download without an internet connection.
    """
    if kind not in KINDS:
        msg = f"`kind` should be one of {', '.join(KINDS)}, got {kind!r}"
        raise ValueError(msg)
    read = scaled_progress(progress, 0.0, 0.8)
    districts = project.districts if project is not None else None
    demand: Demand | None = None
    basemap: BasemapData | None = None
    value: Any
    if kind == "roads":
        value, basemap, source_text = _read_roads(
            source, download=download, progress=read, cancel=cancel
        )
        warnings = tuple(value.warnings)
    elif kind == "population":
        area = project.study_area() if (project is not None and clip_to_study_area) else None
        value = read_population(
            Path(source), study_area=area, districts=districts, progress=read, cancel=cancel
        )
        source_text, warnings = str(source), tuple(value.warnings)
    else:
        report_progress(progress, 0.0, tr("Reading {name}…").format(name=Path(source).name))
        value = read_districts(Path(source))
        source_text = str(source)
        warnings = tuple(value.attrs.get("warnings", ()))
        if project is not None and project.demand is not None:
            ids = assign_districts(project.demand.gdf, value)
            demand = dataclasses.replace(
                project.demand, gdf=project.demand.gdf.assign(district_id=ids)
            )
    check_cancel(cancel)
    report_progress(progress, 0.8, tr("Drawing the layer…"))
    layers: dict[str, MapLayer] = {}
    if crs is not None:
        layers = _build_layers(kind, value, demand, project=project, crs=crs)
    drawn = basemap_layers(basemap, crs) if basemap is not None and crs is not None else []
    check_cancel(cancel)
    report_progress(progress, 1.0, tr("Layer ready"))
    return LayerImport(kind, value, source_text, demand, layers, warnings, basemap, tuple(drawn))


def _read_roads(
    source: str,
    *,
    download: bool,
    progress: ProgressCallback | None,
    cancel: threading.Event | None,
) -> tuple[RoadData, BasemapData | None, str]:
    """The roads of ``source`` (a file, or a place name to download), the offline base map read
    from the same file (None for a download), and the source as the project records it."""
    if download:
        report_progress(progress, 0.0, tr("Downloading the roads of {place}…").format(place=source))
        check_cancel(cancel)
        return download_roads(source, mode="all"), None, f"download: {source}"
    roads, basemap = read_roads_and_basemap(Path(source), progress=progress, cancel=cancel)
    return roads, basemap, str(source)


def _build_layers(
    kind: str, value: Any, demand: Demand | None, *, project: Project | None, crs: CRS
) -> dict[str, MapLayer]:
    districts = project.districts if project is not None else None
    if kind == "roads":
        return {"roads": RoadLayer(value, crs)}
    if kind == "population":
        return {"population": PopulationLayer(value, crs, districts=districts)}
    out: dict[str, MapLayer] = {}
    if len(value):
        out["districts"] = DistrictLayer(value, crs)
    shown = demand if demand is not None else (project.demand if project is not None else None)
    if shown is not None:
        out["population"] = PopulationLayer(shown, crs, districts=value)
    return out


def apply_layer(project: Project, result: LayerImport) -> None:
    """Put an imported layer into ``project`` (in place) and record its source."""
    if result.kind == "roads":
        assert isinstance(result.value, RoadData)
        project.roads = result.value
        project.basemap = result.basemap  # None for roads without one: not the old roads' map
    elif result.kind == "population":
        assert isinstance(result.value, Demand)
        project.demand = result.value
    else:
        assert isinstance(result.value, gpd.GeoDataFrame)
        project.districts = result.value
        if result.demand is not None:
            project.demand = result.demand
    project.record_source(result.kind, result.source, rows=project.layer_rows(result.kind))


class LayerImportDialog(QDialog):
    """Choose a roads, population or districts file (or a place to download roads) and read it.

    The read runs in a worker with a progress bar; an error (an `InputError` or the offline
    message) is shown in the dialog, which stays open so that the user can choose again.

    Signals
    -------
    loaded(result)
        The `LayerImport`, just before the dialog closes.
    """

    loaded = Signal(object)

    def __init__(
        self,
        kind: str,
        project: Project | None,
        *,
        crs: CRS | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if kind not in KINDS:
            msg = f"`kind` should be one of {', '.join(KINDS)}, got {kind!r}"
            raise ValueError(msg)
        self.kind = kind
        self.project = project
        self.crs = crs
        self.result_value: LayerImport | None = None
        self._worker: Worker | None = None
        self.setWindowTitle(tr(_TITLES[kind]))
        self._build_source_widgets()
        self._build_status_widgets()
        self._layout()
        self._connect()
        self._sync_source()
        self.resize(560, self.sizeHint().height())

    def _build_source_widgets(self) -> None:
        """The file (or place name) to read, and the population's study-area clip."""
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(tr("Path of the file"))
        self.path_edit.setToolTip(tr("The file to read"))
        self.browse_button = QPushButton(tr("&Browse…"))
        self.browse_button.setAutoDefault(False)  # Enter in the path field imports, not browses
        self.browse_button.setToolTip(tr("Choose the file in a file dialog"))
        self.file_radio = QRadioButton(tr("From a &file"))
        self.download_radio = QRadioButton(tr("&Download by place name (needs internet)"))
        self.file_radio.setToolTip(tr("Read the roads from a file on this computer"))
        self.download_radio.setToolTip(
            tr("Download the roads of a place from OpenStreetMap (needs an internet connection)")
        )
        self.place_edit = QLineEdit()
        self.place_edit.setPlaceholderText(tr("e.g. Oaxaca de Juárez, Mexico"))
        self.place_edit.setToolTip(tr("A place name OpenStreetMap's Nominatim knows"))
        self.clip_check = QCheckBox(tr("Keep only people inside the project's study area"))
        self.clip_check.setToolTip(
            tr("The study area is the districts' union, else the road network's extent")
        )
        self.worldpop_radio = QRadioButton(tr("From a folder of &WorldPop age/sex rasters"))
        self.worldpop_radio.setToolTip(
            tr(
                "One GeoTIFF per sex and age band, named like ken_f_15_2020.tif; the people by "
                "sex and age give the coverage of women, men and each age band"
            )
        )
        self.age_sex_label = QLabel()
        self.age_sex_label.setWordWrap(True)
        self.age_sex_label.hide()
        if self.kind in ("roads", "population"):
            self.file_radio.setChecked(True)
        if self.kind == "population":
            project = self.project
            has_area = project is not None and project.study_area() is not None
            self.clip_check.setChecked(has_area)
            self.clip_check.setEnabled(has_area)

    def _build_status_widgets(self) -> None:
        """Progress, status and error of the read, and the Import / Cancel buttons."""
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.hide()
        self.status_label = QLabel()
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        palette = self.error_label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#B71C1C"))
        self.error_label.setPalette(palette)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(tr("&Import"))
        self.import_button.setToolTip(tr("Read the layer; it replaces the project's current one"))
        self.import_button.setDefault(True)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setToolTip(tr("Stop reading and close without changing the project (Esc)"))

    def _source_form(self) -> QFormLayout:
        """The file row; for roads also file-or-download and the place; for people the clip."""
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        form = QFormLayout()
        if self.kind == "roads":
            group = QButtonGroup(self)
            group.addButton(self.file_radio)
            group.addButton(self.download_radio)
            form.addRow(self.file_radio)
            form.addRow(tr("File:"), path_row)
            form.addRow(self.download_radio)
            form.addRow(tr("Place:"), self.place_edit)
        elif self.kind == "population":
            group = QButtonGroup(self)
            group.addButton(self.file_radio)
            group.addButton(self.worldpop_radio)
            form.addRow(self.file_radio)
            form.addRow(self.worldpop_radio)
            form.addRow(tr("File:"), path_row)
            form.addRow(self.age_sex_label)
            form.addRow(self.clip_check)
        else:
            form.addRow(tr("File:"), path_row)
        return form

    def _layout(self) -> None:
        explain = QLabel(tr(_EXPLAIN[self.kind]))
        explain.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(self._source_form())
        layout.addWidget(self.progress)
        layout.addWidget(self.status_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        self.browse_button.clicked.connect(self._browse)
        if self.kind == "roads":
            self.file_radio.toggled.connect(self._sync_source)
        if self.kind == "population":
            self.worldpop_radio.toggled.connect(self._preview_age_sex)
            self.path_edit.textChanged.connect(self._preview_age_sex)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)

    def _sync_source(self) -> None:
        download = self.kind == "roads" and self.download_radio.isChecked()
        self.path_edit.setEnabled(not download)
        self.browse_button.setEnabled(not download)
        self.place_edit.setEnabled(download)

    def _browse(self) -> None:
        if self._folder_wanted():
            chosen = QFileDialog.getExistingDirectory(
                self, tr("Folder of WorldPop age/sex rasters"), str(Path.home())
            )
        else:
            chosen, _ = QFileDialog.getOpenFileName(
                self, tr(_TITLES[self.kind]), str(Path.home()), file_filter(self.kind)
            )
        if chosen:
            self.path_edit.setText(chosen)

    def _folder_wanted(self) -> bool:
        """Whether the population is a folder of WorldPop age/sex rasters."""
        return self.kind == "population" and self.worldpop_radio.isChecked()

    def _preview_age_sex(self) -> None:
        """In the WorldPop mode, the columns by sex and age the chosen folder gives, the rasters
        it leaves out, or why it cannot be read."""
        folder = Path(self.path_edit.text().strip())
        if not self._folder_wanted() or not self.path_edit.text().strip() or not folder.is_dir():
            self.age_sex_label.hide()
            return
        try:
            rasters = find_age_sex_rasters(folder)
        except InputError as exc:
            lines = [for_planner(str(exc))]
        else:
            lines = [age_sex_summary(rasters.files), *rasters.warnings()]
        self.age_sex_label.setText("\n".join(lines))
        self.age_sex_label.show()

    @property
    def running(self) -> bool:
        """Whether a read is running."""
        return self._worker is not None

    def start(self) -> Worker | None:
        """Read the chosen file (or download) in a worker; the dialog closes when it is done."""
        if self._worker is not None:
            return None
        download = self.kind == "roads" and self.download_radio.isChecked()
        source = (self.place_edit if download else self.path_edit).text().strip()
        if not source:
            self._show_error(
                tr("Choose a place name first.") if download else tr("Choose a file first.")
            )
            return None
        self._show_error("")
        self.progress.setValue(0)
        self.progress.show()
        self.import_button.setEnabled(False)
        worker = Worker(
            load_layer,
            self.kind,
            source,
            project=self.project,
            crs=self.crs,
            download=download,
            clip_to_study_area=self.clip_check.isChecked(),
        )
        worker.signals.progress.connect(self._progress)
        worker.signals.finished.connect(self._done)
        worker.signals.failed.connect(self._failed)
        worker.signals.cancelled.connect(lambda: self._stopped(tr("Cancelled.")))
        self._worker = worker
        return worker.start()

    def _progress(self, fraction: float, text: str) -> None:
        self.progress.setValue(round(1000 * fraction))
        if text:
            self.status_label.setText(text)

    def _stopped(self, text: str) -> None:
        self._worker = None
        self.progress.hide()
        self.import_button.setEnabled(True)
        self.status_label.setText(text)

    def _done(self, result: LayerImport) -> None:
        self._stopped("")
        self.result_value = result
        self.loaded.emit(result)
        self.accept()

    def _failed(self, message: str) -> None:
        self._stopped("")
        self._show_error(message)

    def _show_error(self, message: str) -> None:
        self.error_label.setText(for_planner(message))
        self.error_label.setVisible(bool(message))

    def error_text(self) -> str:
        """The error shown, or ``""``."""
        return "" if self.error_label.isHidden() else self.error_label.text()

    def reject(self) -> None:
        """Cancel a running read and close."""
        if self._worker is not None:
            self._worker.cancel()
            self._worker = None
        super().reject()
