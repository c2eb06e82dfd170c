"""The printed map report: a paginated PDF of the access analysis (maps, tables, methods, sources).

Drawn with QPainter on a `QPdfWriter` (or a printer, for the print preview), with the map layers
and decorations of the desktop canvas, so the printed maps look like the app's; maps and text
stay vector (only the population shading is an image), and the text is real text that can be
searched and copied.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import geopandas as gpd
import numpy as np
import shapely
from pyproj import CRS
from PySide6.QtCore import QMarginsF, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
)

from ccgeo.analysis.access import CITY_ID, AccessResult
from ccgeo.errors import InputError, check_cancel
from ccgeo.geo import project_lonlat, unproject_xy
from ccgeo.i18n import (
    DEFAULT_LANGUAGE,
    N_,
    _,
    current_language,
    ngettext,
    pgettext,
    using_language,
)
from ccgeo.io.atomic import atomic_path
from ccgeo.labels import (
    MISSING,
    format_count,
    format_date,
    format_days,
    format_km2,
    format_lonlat_box,
    format_minutes,
    format_number,
    format_people,
    format_share,
    format_threshold,
)
from ccgeo.model.facilities import Facilities
from ccgeo.model.scenario import Scenario
from ccgeo.progress import ProgressCallback, report_progress
from ccgeo.render.basemap import BasemapLayer, basemap_layers
from ccgeo.render.build import map_crs, project_extent_lonlat
from ccgeo.render.decorations import paint_decorations
from ccgeo.render.districts import DistrictLayer
from ccgeo.render.facilities import FacilityLayer
from ccgeo.render.layers import MapLayer, cosmetic_pen, qcolor, world_transform
from ccgeo.render.legend import paint_legend_swatch
from ccgeo.render.population import PopulationLayer
from ccgeo.render.qpath import path_from_geometries, symbol_path
from ccgeo.render.roads import RoadLayer
from ccgeo.render.symbols import symbol_template
from ccgeo.render.view import Extent, ViewTransform, intersects
from ccgeo.report.export import write_run_log
from ccgeo.report.methods import (
    OSM_ATTRIBUTION,
    Block,
    Bullets,
    Heading,
    Paragraph,
    Table,
    data_sources_blocks,
    format_g,
    methods_blocks,
    own_text,
    site_kind,
    travel_by,
    uses_osm,
)
from ccgeo.report.notes import data_notes, notes_blocks
from ccgeo.styles import (
    BACKGROUND,
    BAND_OPACITY,
    FACILITY_STYLES,
    HALO,
    INK,
    TIER_CLASS,
    UNDERSERVED_FILL,
    UNDERSERVED_OPACITY,
    UNDERSERVED_OUTLINE,
    LegendEntry,
    band_colors,
)

if TYPE_CHECKING:
    from ccgeo.analysis.referral import ReferralResult
    from ccgeo.analysis.siting import SitingResult
    from ccgeo.model.profile import SpeedProfile
    from ccgeo.project import Project

#: Paper sizes the report is laid out for.
PAPERS: dict[str, QPageSize.PageSizeId] = {
    "a4": QPageSize.PageSizeId.A4,
    "letter": QPageSize.PageSizeId.Letter,
}
ORIENTATIONS: dict[str, QPageLayout.Orientation] = {
    "portrait": QPageLayout.Orientation.Portrait,
    "landscape": QPageLayout.Orientation.Landscape,
}

#: Section titles, in page order (the cover has none); English, shown in the report's language.
SECTION_TITLES: dict[str, str] = {
    "map": N_("Coverage map"),
    "coverage": N_("Coverage by district"),
    "underserved": N_("Underserved areas"),
    "siting": N_("Proposed hubs"),
    "referral": N_("Sample referral"),
    "methods": N_("Methods and assumptions"),
    "sources": N_("Data sources"),
    "notes": N_("Data notes"),
}

# the shared palette's opacities as Qt alphas (0-255)
BAND_ALPHA = round(255 * BAND_OPACITY)
UNDERSERVED_ALPHA = round(255 * UNDERSERVED_OPACITY)

# Painter units are 1/96 inch: the palette's widths in screen pixels then print as they look on
# a standard screen, and the map keeps the proportions of the desktop canvas.
_DPI = 96
_MM = _DPI / 25.4
_MARGIN = 15.0 * _MM
_FONT = "DejaVu Sans"
_GREY = "#607D8B"
_RULE = "#B0BEC5"
_HEADER_FILL = "#E8EDF0"
_ZEBRA = "#F5F7F8"
_ALERT = "#B71C1C"
_PAD = 4.0
#: Type sizes of tables, points: the first at which every cell fits on one line is used.
_TABLE_POINTS = (8.0, 7.0)

#: The application this module created when it found none (kept alive for the process).
_APP: list[QGuiApplication] = []


# -- entry point ----------------------------------------------------------------------------------


def write_report(
    project: Project,
    result: AccessResult,
    out_path: str | Path,
    *,
    paper: str = "a4",
    orientation: str = "portrait",
    title: str | None = None,
    scenario: Scenario | str | None = None,
    siting: SitingResult | None = None,
    referral: ReferralResult | None = None,
    extent: Sequence[float] | None = None,
    run: Mapping[str, Any] | None = None,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    lang: str | None = None,
) -> Path:
    """Write the map report of an access analysis as a PDF.

    Pages: cover (key numbers, cautions, contents); coverage map; coverage by district;
    underserved areas; proposed hubs (``siting``); sample referral (``referral``); methods;
    sources. Maps fill their frame, with title, legend, scale, north, area, sources and date.

    Parameters
    ----------
    project
        The project analysed: its roads, districts, population and facilities are drawn, its
        metadata gives the city, the synthetic flag and the data sources.
    result
        The access analysis (`ccgeo.analysis.access.access`).
    out_path
        The PDF to write; replaced only once the new report is complete.
    paper
        ``"a4"`` or ``"letter"``.
    orientation
        ``"portrait"`` or ``"landscape"``.
    title
        Title of the cover; default "Access to <CAPABILITY> testing".
    scenario
        The scenario shown (a `ccgeo.model.Scenario` or its name); default the current labs.
    siting
        Proposed hubs (`ccgeo.analysis.siting.site_hubs`), for the hubs page.
    referral
        Sample referral plan (`ccgeo.analysis.referral.plan_referral`), for the referral page.
    extent
        Area of the maps, ``(min_lon, min_lat, max_lon, max_lat)`` degrees, widened to the frame's
        shape (the map on screen, a box drawn); default the whole study area.
    run
        The run that made it (`ccgeo.tasks.settings.run_record`), written beside the PDF as
        ``run_log_<name>.json`` (`ccgeo.report.export.write_run_log`); None writes none.
    progress, cancel
        ``progress(fraction, text)`` and a `threading.Event` that cancels (`Cancelled`).
    lang
        Language of words, numbers and dates (`ccgeo.i18n.LANGUAGES`); default the current one.

    Returns
    -------
    Path
        The PDF written: ``out_path``, or ``ccgeo_report.pdf`` in it when it is a folder.

    Raises
    ------
    InputError
        Unknown paper or orientation, a result of the wrong kind, a bad extent (`check_extent`),
        or a PDF that cannot be written where asked.
    Cancelled
        If ``cancel`` is set; no file is left behind.
    """
    with _speaking(lang):
        layout = page_layout(paper, orientation)
        out = _report_path(out_path)
        content = prepare_report(
            project, result, title=title, scenario=scenario, siting=siting, referral=referral,
            extent=extent, progress=progress, cancel=cancel,
        )  # fmt: skip
        count = _write_pdf(content, out, layout, progress=progress, cancel=cancel)
        if run is not None:
            write_run_log(out.parent, out.stem, run)
        report_progress(progress, 1.0, _written(count))
    return out


def _written(pages: int) -> str:
    """``"report written: 12 pages"`` in the current language ("pages" for one too, in English,
    as it always said)."""
    text = ngettext("report written: {count} pages", "report written: {count} pages", pages)
    return text.format(count=format_count(pages))


def _speaking(lang: str | None) -> contextlib.AbstractContextManager[None]:
    """Speak ``lang`` inside the ``with`` block; the current language when None."""
    return using_language(lang) if lang is not None else contextlib.nullcontext()


def _report_path(out_path: str | Path) -> Path:
    """The PDF to write: ``out_path``, or ``ccgeo_report.pdf`` in it when it is a folder.

    Raises
    ------
    InputError
        If its folder does not exist.
    """
    out = Path(out_path)
    if out.is_dir():
        out = out / "ccgeo_report.pdf"
    if not out.parent.is_dir():
        msg = _("the folder {folder} does not exist; create it or choose another place").format(
            folder=out.parent
        )
        raise InputError(msg, path=out)
    return out


def _write_pdf(
    content: ReportContent,
    out: Path,
    layout: QPageLayout,
    *,
    progress: ProgressCallback | None,
    cancel: threading.Event | None,
) -> int:
    """Paint ``content`` into the PDF ``out`` (replaced only once complete); the page count.

    Raises
    ------
    InputError
        Naming ``out``, if the PDF cannot be written there or comes out empty.
    """
    with atomic_path(out, what=_("the PDF report")) as tmp:
        writer = QPdfWriter(str(tmp))
        writer.setCreator("ccgeo")
        writer.setPageLayout(layout)
        try:
            count = paint_report(writer, content, progress=progress, cancel=cancel)
        except InputError as exc:
            raise InputError(exc.reason, path=out) from exc
        if not tmp.is_file() or tmp.stat().st_size == 0:
            msg = _("the PDF came out empty; check that the folder is writable and has space")
            raise InputError(msg, path=out)
    return count


def page_layout(paper: str = "a4", orientation: str = "portrait") -> QPageLayout:
    """The page layout of the report: ``paper`` (a4, letter) in ``orientation``, no margins
    (the report draws its own).

    Raises
    ------
    InputError
        Unknown paper or orientation.
    """
    paper_key = str(paper).lower()
    if paper_key not in PAPERS:
        msg = _("`paper` should be one of {choices}, got {value}").format(
            choices=", ".join(PAPERS), value=repr(paper)
        )
        raise InputError(msg)
    orient_key = str(orientation).lower()
    if orient_key not in ORIENTATIONS:
        msg = _("`orientation` should be one of {choices}, got {value}").format(
            choices=", ".join(ORIENTATIONS), value=repr(orientation)
        )
        raise InputError(msg)
    return QPageLayout(
        QPageSize(PAPERS[paper_key]),
        ORIENTATIONS[orient_key],
        QMarginsF(0, 0, 0, 0),
        QPageLayout.Unit.Millimeter,
    )


def prepare_report(
    project: Project,
    result: AccessResult,
    *,
    title: str | None = None,
    scenario: Scenario | str | None = None,
    siting: SitingResult | None = None,
    referral: ReferralResult | None = None,
    extent: Sequence[float] | None = None,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    lang: str | None = None,
) -> ReportContent:
    """What the report shows, with its map layers built: the slow part, for a worker thread.

    Paint it with `paint_report` (on a PDF writer, or a printer for a print preview); the
    arguments are those of `write_report`. The report speaks ``lang`` (default: the current
    language), also when it is painted later.
    """
    with _speaking(lang):
        if not isinstance(result, AccessResult):
            msg = _(
                "`result` should be an AccessResult from ccgeo.analysis.access, got {value}"
            ).format(value=repr(result))
            raise InputError(msg)
        ensure_qt_app()
        check_cancel(cancel)
        report_progress(progress, 0.0, _("drawing the map layers"))
        maps = _MapLayers.build(project, result, extent=extent)
        check_cancel(cancel)
        report_progress(progress, 0.25, _("laying out the pages"))
        return ReportContent(
            project=project,
            result=result,
            title=title or _default_title(result),
            scenario=scenario,
            siting=siting,
            referral=referral,
            maps=maps,
            language=current_language(),
        )


def paint_report(
    device: QPagedPaintDevice,
    content: ReportContent,
    *,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> int:
    """Lay out and paint the report's pages on ``device``; returns the number of pages.

    ``device`` is a `QPdfWriter` or a ``QPrinter`` (print preview, paper printer), with the
    page layout it should use already set; the whole sheet is painted (a printer is put in
    full-page mode) at 96 painter units per inch. Paint it in the thread that owns ``device``.
    The pages speak the language of ``content`` (`prepare_report`).

    Raises
    ------
    InputError
        If the device cannot be painted on (a file that cannot be written).
    Cancelled
        If ``cancel`` is set.
    """
    with using_language(content.language):
        return _paint_pages(device, content, progress=progress, cancel=cancel)


def _paint_pages(
    device: QPagedPaintDevice,
    content: ReportContent,
    *,
    progress: ProgressCallback | None,
    cancel: threading.Event | None,
) -> int:
    """`paint_report` in the language of the moment."""
    device.setResolution(_DPI)  # type: ignore[attr-defined]  # QPdfWriter and QPrinter have it
    if hasattr(device, "setFullPage"):
        # the report draws its own margins, measured from the edge of the sheet
        device.setFullPage(True)
    if hasattr(device, "setTitle"):
        device.setTitle(content.title)
    elif hasattr(device, "setDocName"):
        device.setDocName(content.title)
    content.toc.clear()  # the page numbers of this device's layout, planned afresh
    pages = _Pages(device, content)
    _plan(pages, content, cancel=cancel)
    painter = QPainter()
    if not painter.begin(device):
        if isinstance(device, QPdfWriter):
            msg = _("cannot write the PDF there; check that the folder is writable and has space")
        else:
            msg = _("cannot print on this printer; check that it is ready, or print to a PDF file")
        raise InputError(msg)
    try:
        pages.render(painter, progress=progress, cancel=cancel)
    finally:
        painter.end()
    return pages.count


def ensure_qt_app() -> QGuiApplication:
    """The running Qt application, or a new offscreen one (so the report works headless).

    A `QApplication` (a `QGuiApplication` with widgets) is made rather than a bare
    `QGuiApplication`, so that code run later in the same process may still create widgets.
    """
    app = QGuiApplication.instance()
    if app is None:
        from PySide6.QtWidgets import QApplication

        app = QApplication(["ccgeo-report", "-platform", "offscreen"])
        app.setFont(QFont(_FONT, 9))
        _APP.append(app)
    return app  # type: ignore[return-value]


def _default_title(result: AccessResult) -> str:
    capability = result.settings.get("capability")
    if capability:
        return _("Access to {test} testing").format(test=str(capability).upper())
    return _("Access to diagnostic labs")


def check_extent(extent: Sequence[float], *, study: Extent | None = None) -> Extent:
    """``extent`` as ``(min_lon, min_lat, max_lon, max_lat)`` degrees, checked.

    Raises
    ------
    InputError
        Listing every problem at once: not four numbers, a longitude outside -180..180 or a
        latitude outside -90..90, a minimum not below its maximum, or a box that misses the
        ``study`` area (lon/lat degrees) altogether.
    """
    try:
        box = tuple(float(v) for v in extent)
    except (TypeError, ValueError):
        box = ()
    if len(box) != 4 or not all(math.isfinite(v) for v in box):
        msg = _(
            "`extent` should be four numbers, min_lon, min_lat, max_lon, max_lat (degrees), "
            "got {value}"
        ).format(value=repr(extent))
        raise InputError(msg)
    lo_lon, lo_lat, hi_lon, hi_lat = box
    problems = [
        _("{name} {value} is outside {limits}").format(name=name, value=f"{value:g}", limits=limit)
        for name, value, limit in (
            ("min_lon", lo_lon, "-180..180"),
            ("max_lon", hi_lon, "-180..180"),
            ("min_lat", lo_lat, "-90..90"),
            ("max_lat", hi_lat, "-90..90"),
        )
        if abs(value) > (180.0 if "lon" in name else 90.0)
    ]
    problems += [
        _("{low_name} {low} is not below {high_name} {high}").format(
            low_name=f"min_{axis}", low=f"{lo:g}", high_name=f"max_{axis}", high=f"{hi:g}"
        )
        for axis, lo, hi in (("lon", lo_lon, hi_lon), ("lat", lo_lat, hi_lat))
        if not lo < hi
    ]
    if not problems and study is not None and not intersects(box, study):  # type: ignore[arg-type]
        problems.append(
            _("it misses the study area ({area}); are longitude and latitude swapped?").format(
                area=format_lonlat_box(study)
            )
        )
    if problems:
        msg = _("the map extent {extent}: {problems}").format(
            extent=f"{lo_lon:g},{lo_lat:g},{hi_lon:g},{hi_lat:g}", problems="; ".join(problems)
        )
        raise InputError(msg)
    return box  # type: ignore[return-value]


def _metres_box(lonlat: Extent, crs: CRS) -> Extent:
    """The box in ``crs`` (metres) through the middles of a lon/lat box's sides.

    A map is read at the middle of its edges: there the printed box meets the one asked, and
    `_map_notes` reads it back there (the corners differ by the grid's convergence, a few
    tenths of a per cent; taking them would widen the box at every round trip).
    """
    lo_lon, lo_lat, hi_lon, hi_lat = lonlat
    mid_lon, mid_lat = (lo_lon + hi_lon) / 2.0, (lo_lat + hi_lat) / 2.0
    west, east, south, north = project_lonlat(
        np.array([[lo_lon, mid_lat], [hi_lon, mid_lat], [mid_lon, lo_lat], [mid_lon, hi_lat]]), crs
    )
    return (float(west[0]), float(south[1]), float(east[0]), float(north[1]))


# -- what the pages need --------------------------------------------------------------------------


@dataclass
class ReportContent:
    """What one report shows, with its map layers built (`prepare_report`)."""

    project: Project
    result: AccessResult
    title: str
    scenario: Scenario | str | None
    siting: SitingResult | None
    referral: ReferralResult | None
    maps: _MapLayers
    #: The language the report speaks (a key of `ccgeo.i18n.LANGUAGES`).
    language: str = DEFAULT_LANGUAGE
    toc: list[tuple[str, int]] = field(default_factory=list)

    @property
    def city(self) -> str:
        meta = self.project.metadata or {}
        return own_text(meta.get("city") or self.project.name)  # the demo's, in the language

    @property
    def synthetic(self) -> bool:
        return bool((self.project.metadata or {}).get("synthetic", False))

    @property
    def scenario_text(self) -> str:
        if self.scenario is None:
            return _("current labs (baseline)")
        if isinstance(self.scenario, Scenario):
            text = self.scenario.name
            return f"{text}: {self.scenario.description}" if self.scenario.description else text
        return str(self.scenario)

    @property
    def mode(self) -> str:
        return str(self.result.settings.get("mode") or self.result.network_summary.get("mode"))

    @property
    def travel(self) -> str:
        """How people travel, after a verb: ``"by car"`` in the current language."""
        return travel_by(self.mode)


class _FillLayer(MapLayer):
    """Filled polygons (catchment bands, underserved areas) with optional numbered labels."""

    kind = "analysis"

    def __init__(
        self,
        name: str,
        parts: Sequence[tuple[QPainterPath, QColor, QPen | None]],
        *,
        labels: Sequence[tuple[float, float, str]] = (),
        extent: Extent | None = None,
    ) -> None:
        super().__init__(name)
        self.parts = list(parts)
        self.labels = list(labels)
        self.extent = extent

    def paint(self, painter: QPainter, view: ViewTransform) -> None:
        """Fill in world coordinates, then label in screen pixels."""
        painter.save()
        painter.setTransform(world_transform(view), combine=False)
        for path, fill, pen in self.parts:
            painter.setPen(pen if pen is not None else Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(fill))
            painter.drawPath(path)
        painter.restore()
        if not self.labels:
            return
        font = _font(8.0, bold=True)
        metrics = QFontMetricsF(font)
        xy = view.world_to_screen(np.array([(x, y) for x, y, _text in self.labels]))
        painter.setFont(font)
        for (sx, sy), (_x, _y, text) in zip(xy, self.labels, strict=True):
            r = max(metrics.horizontalAdvance(text), metrics.height()) / 2.0 + 3.0
            painter.setPen(QPen(QColor(UNDERSERVED_OUTLINE), 1.2))
            painter.setBrush(QBrush(QColor(HALO)))
            painter.drawEllipse(QPointF(sx, sy), r, r)
            painter.setPen(QColor(INK))
            painter.drawText(
                QRectF(sx - r, sy - r, 2 * r, 2 * r), Qt.AlignmentFlag.AlignCenter, text
            )


class _LabPoints(MapLayer):
    """Labs given to the analysis as points that are not in the facility list."""

    kind = "labs"

    def __init__(self, xy: np.ndarray, *, capability: str | None) -> None:
        super().__init__(N_("Labs"))
        self.xy = xy
        key = TIER_CLASS.get(capability or "", "")
        style = FACILITY_STYLES.get(key)
        self.symbol = style.symbol if style else "diamond"
        self.fill = style.fill if style else "#FFFFFF"
        self.size = style.size_px if style else 14.0
        if len(xy):
            lo, hi = xy.min(axis=0), xy.max(axis=0)
            self.extent = (float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1]))

    def paint(self, painter: QPainter, view: ViewTransform) -> None:
        """Symbols of constant size at each lab."""
        painter.setPen(cosmetic_pen(INK, 1.0))
        painter.setBrush(QBrush(qcolor(self.fill)))
        template = symbol_template(self.symbol, self.size)
        painter.drawPath(symbol_path(view.world_to_screen(self.xy), template))

    def legend(self) -> list[LegendEntry]:
        """One marker."""
        return [
            LegendEntry(
                _("Lab used in the analysis ({count})").format(count=format_count(len(self.xy))),
                "marker",
                color=self.fill,
                outline=INK,
                symbol=self.symbol,
            )
        ]


@dataclass
class _MapLayers:
    """The layers of the report's maps, built once in the map CRS."""

    crs: CRS
    extent: Extent | None
    margin: float
    population: MapLayer | None
    roads: RoadLayer | None
    districts: MapLayer | None
    labs: MapLayer | None
    bands: _FillLayer | None
    band_legend: list[LegendEntry]
    underserved: _FillLayer | None
    underserved_legend: LegendEntry
    attribution: str
    #: The project's base map (areas and rivers, then place names): under and over the rest.
    basemap: tuple[MapLayer, ...] = ()

    @classmethod
    def build(
        cls, project: Project, result: AccessResult, *, extent: Sequence[float] | None = None
    ) -> _MapLayers:
        crs = map_crs(project)
        study = project_extent_lonlat(project)
        lonlat = study if extent is None else check_extent(extent, study=study)
        population = (
            PopulationLayer(project.demand, crs, districts=project.districts)
            if project.demand is not None
            else None
        )
        roads = RoadLayer(project.roads, crs) if project.roads is not None else None
        districts = (
            DistrictLayer(project.districts, crs)
            if project.districts is not None and len(project.districts)
            else None
        )
        bands, band_legend = _band_layer(result, crs)
        under, under_legend = _underserved_layer(result, crs)
        return cls(
            crs=crs,
            extent=_metres_box(lonlat, crs) if lonlat is not None else None,
            # an extent asked for fills the frame; the study area keeps a little air around it
            margin=0.03 if extent is None else 0.0,
            population=population,
            roads=roads,
            districts=districts,
            labs=_labs_layer(project, result, crs),
            bands=bands,
            band_legend=band_legend,
            underserved=under,
            underserved_legend=under_legend,
            # English: the map is credited in the language it is painted in
            attribution=OSM_ATTRIBUTION if uses_osm(project) else "",
            basemap=_basemap(project, crs),
        )

    def stack(self, layers: Sequence[MapLayer | None]) -> list[MapLayer]:
        """``layers`` (the None left out) on the base map: its areas under them, its place
        names over them."""
        under = [x for x in self.basemap if isinstance(x, BasemapLayer)]
        over = [x for x in self.basemap if not isinstance(x, BasemapLayer)]
        return [*under, *(x for x in layers if x is not None), *over]

    def basemap_legend(self) -> list[LegendEntry]:
        """The legend rows of the base map's areas and rivers."""
        return [e for x in self.basemap if isinstance(x, BasemapLayer) for e in x.legend()]


def _basemap(project: Project, crs: CRS) -> tuple[MapLayer, ...]:
    """The base map drawn from the project's own OSM data, when it has any."""
    data = project.basemap
    if data is None or data.is_empty:
        return ()
    return tuple(basemap_layers(data, crs))


def _band_layer(result: AccessResult, crs: CRS) -> tuple[_FillLayer | None, list[LegendEntry]]:
    bands = result.isochrones
    if bands is None or bands.empty:
        return None, []
    bands = bands.sort_values("band_min_to").reset_index(drop=True)
    shapes = bands.to_crs(crs)
    n = len(bands)
    colors = band_colors(n)
    parts, legend = [], []
    for i, row in enumerate(bands.itertuples(index=False)):
        color = colors[i]
        geom = shapes.geometry.iloc[i]
        if geom is not None and not geom.is_empty:
            parts.append(
                (
                    path_from_geometries(np.array([geom], dtype=object)),
                    qcolor(color, BAND_ALPHA),
                    None,
                )
            )
        lo, hi = float(row.band_min_from), float(row.band_min_to)
        label = f"≤ {format_threshold(hi)}" if lo <= 0 else f"{format_g(lo)}–{format_threshold(hi)}"
        text = _("Lab within {band}").format(band=label)
        legend.append(LegendEntry(text, "fill", color=color, outline=color))
    return _FillLayer(N_("Catchment bands"), parts), legend


def _underserved_layer(result: AccessResult, crs: CRS) -> tuple[_FillLayer | None, LegendEntry]:
    minutes = float(result.settings.get("underserved_minutes") or 60.0)
    entry = LegendEntry(
        _("Underserved: beyond {minutes}").format(minutes=format_threshold(minutes)),
        "fill",
        color=UNDERSERVED_FILL,
        outline=UNDERSERVED_OUTLINE,
    )
    areas = result.underserved
    if areas is None or areas.empty:
        return None, entry
    shapes = areas.to_crs(crs)
    geoms = shapes.geometry.to_numpy()
    pen = cosmetic_pen(UNDERSERVED_OUTLINE, 1.2)
    path = path_from_geometries(geoms)
    top = shapes.head(_MAX_LABELLED_AREAS)
    anchors = shapely.get_coordinates(shapely.point_on_surface(top.geometry.to_numpy()))
    labels = [
        (float(x), float(y), str(int(rank)))
        for (x, y), rank in zip(anchors, top["rank"].to_numpy(), strict=True)
    ]
    layer = _FillLayer(
        N_("Underserved areas"),
        [(path, qcolor(UNDERSERVED_FILL, UNDERSERVED_ALPHA), pen)],
        labels=labels,
    )
    return layer, entry


#: Underserved areas numbered on the map (the table lists them all).
_MAX_LABELLED_AREAS = 15


def _labs_layer(project: Project, result: AccessResult, crs: CRS) -> MapLayer | None:
    labs = result.labs[result.labs["usable"].to_numpy(dtype=bool)]
    if labs.empty:
        return None
    ids = set(labs["facility_id"].astype(str))
    if project.facilities is not None:
        gdf = project.facilities.gdf
        mask = gdf["facility_id"].astype(str).isin(ids).to_numpy()
        if int(mask.sum()) == len(ids):
            return FacilityLayer(Facilities(gdf.loc[mask].copy()), crs, name=N_("Labs"))
    xy = project_lonlat(np.column_stack([labs.geometry.x, labs.geometry.y]), crs)
    return _LabPoints(xy, capability=result.settings.get("capability"))


def _align(align: str) -> int:
    """``"l"``/``"r"`` → the horizontal Qt alignment flag, as an int."""
    flag = Qt.AlignmentFlag.AlignLeft if align == "l" else Qt.AlignmentFlag.AlignRight
    return int(flag)


# -- page layout ----------------------------------------------------------------------------------

_Op = Callable[[QPainter], None]


class _Fonts:
    """The report's type scale (points)."""

    def __init__(self) -> None:
        self.title = _font(22.0, bold=True)
        self.subtitle = _font(13.0)
        self.h1 = _font(15.0, bold=True)
        self.h2 = _font(10.5, bold=True)
        self.body = _font(9.0)
        self.table = _font(8.0)
        self.table_bold = _font(8.0, bold=True)
        self.small = _font(7.5)
        self.big_number = _font(16.0, bold=True)


def _font(points: float, *, bold: bool = False) -> QFont:
    font = QFont(_FONT)
    font.setPointSizeF(points)
    font.setBold(bold)
    # no "ﬀ"/"ﬁ" ligatures: they make words unsearchable and garble copied text in a PDF
    font.setFeature(QFont.Tag("liga"), 0)
    return font


class _Pages:
    """Pages planned as lists of drawing operations, so "page N of M" is known when drawn."""

    def __init__(self, writer: QPagedPaintDevice, context: ReportContent) -> None:
        self.writer = writer
        self.context = context
        self.fonts = _Fonts()
        size = writer.pageLayout().fullRectPixels(_DPI).size()
        self.page = QRectF(0, 0, size.width(), size.height())
        self.content = self.page.adjusted(_MARGIN, _MARGIN + 14, -_MARGIN, -_MARGIN - 10)
        self.landscape = self.page.width() > self.page.height()
        self.pages: list[list[_Op]] = []
        self.y = self.content.top()
        self.headed: list[bool] = []

    @property
    def count(self) -> int:
        return len(self.pages)

    def metrics(self, font: QFont) -> QFontMetricsF:
        return QFontMetricsF(font, self.writer)

    def new_page(self, *, header: bool = True) -> None:
        self.pages.append([])
        self.headed.append(header)
        self.y = self.content.top()

    def remaining(self) -> float:
        return self.content.bottom() - self.y

    def place(self, height: float, op: Callable[[QPainter, QRectF], None]) -> QRectF:
        """Reserve ``height`` at the cursor (a new page if it does not fit) and queue ``op``."""
        if not self.pages or (height > self.remaining() and self.y > self.content.top()):
            self.new_page()
        rect = QRectF(self.content.left(), self.y, self.content.width(), height)
        self.pages[-1].append(lambda painter: op(painter, rect))
        self.y += height
        return rect

    def space(self, height: float) -> None:
        self.y = min(self.y + height, self.content.bottom())

    # -- text --------------------------------------------------------------------------------
    def text_height(self, text: str, font: QFont, width: float) -> float:
        flags = int(Qt.TextFlag.TextWordWrap)
        return self.metrics(font).boundingRect(QRectF(0, 0, width, 1e6), flags, text).height()

    def text(
        self,
        text: str,
        font: QFont,
        *,
        color: str = INK,
        after: float = 6.0,
        indent: float = 0.0,
    ) -> None:
        width = self.content.width() - indent
        height = self.text_height(text, font, width)

        def draw(painter: QPainter, rect: QRectF) -> None:
            painter.setFont(font)
            painter.setPen(QColor(color))
            painter.drawText(
                rect.adjusted(indent, 0, 0, 0),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                | int(Qt.TextFlag.TextWordWrap),
                text,
            )

        self.place(height, draw)
        self.space(after)

    def section(self, key: str) -> None:
        """Start a section on a new page with its title, and list it in the contents."""
        self.new_page()
        title = _(SECTION_TITLES[key])
        self.context.toc.append((title, len(self.pages)))
        self.text(title, self.fonts.h1, after=8.0)

    def heading(self, text: str) -> None:
        # keep a heading with at least three lines of what follows
        need = self.text_height(text, self.fonts.h2, self.content.width()) + 48.0
        if need > self.remaining():
            self.new_page()
        self.space(4.0)
        self.text(text, self.fonts.h2, after=4.0)

    def blocks(self, blocks: Sequence[Block]) -> None:
        for block in blocks:
            if isinstance(block, Heading):
                self.heading(block.text)
            elif isinstance(block, Paragraph):
                if block.note:
                    self.text(block.text, self.fonts.small, color=_GREY)
                else:
                    self.text(block.text, self.fonts.body)
            elif isinstance(block, Bullets):
                for item in block.items:
                    self._bullet(item)
                self.space(4.0)
            else:
                self.table(block)

    def _bullet(self, text: str) -> None:
        font = self.fonts.body
        indent = 14.0
        height = self.text_height(text, font, self.content.width() - indent)

        def draw(painter: QPainter, rect: QRectF) -> None:
            painter.setFont(font)
            painter.setPen(QColor(INK))
            painter.drawText(
                QPointF(rect.left() + 3, rect.top() + self.metrics(font).ascent()), "•"
            )
            painter.drawText(
                rect.adjusted(indent, 0, 0, 0),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                | int(Qt.TextFlag.TextWordWrap),
                text,
            )

        self.place(height, draw)
        self.space(2.0)

    # -- tables ------------------------------------------------------------------------------
    def table(self, table: Table, *, width: float | None = None) -> None:
        """A table that continues on the next pages with its header repeated."""
        avail = width or self.content.width()
        # a wide table steps down to a smaller type before its text columns wrap word by word
        for points in _TABLE_POINTS:
            fonts = (_font(points), _font(points, bold=True))
            widths, fits = self._column_widths(table, avail, fonts)
            if fits:
                break
        bold = fonts[1]
        header_h = (
            max(
                self.text_height(c, bold, w - 2 * _PAD)
                for c, w in zip(table.columns, widths, strict=True)
            )
            + 2 * _PAD
        )
        heights = [self._row_height(table, i, widths, fonts) for i in range(len(table.rows))]
        start = 0
        rows = len(table.rows)
        while True:
            if header_h + (heights[start] if start < rows else 0) > self.remaining():
                self.new_page()
            room = self.remaining() - header_h
            stop = start
            used = 0.0
            while stop < rows and used + heights[stop] <= room:
                used += heights[stop]
                stop += 1
            if stop == start and start < rows:  # a single row taller than a page: let it clip
                used, stop = heights[start], start + 1
            chunk = range(start, stop)
            self.place(
                header_h + used,
                lambda painter, rect, chunk=chunk: self._draw_table(
                    painter, rect, table, widths, header_h, heights, chunk, fonts
                ),
            )
            start = stop
            if start >= rows:
                break
            self.new_page()
        self.space(8.0)

    @staticmethod
    def _cell_font(table: Table, row: int, fonts: tuple[QFont, QFont]) -> QFont:
        return fonts[1] if row in table.emphasis else fonts[0]

    def _row_height(
        self, table: Table, i: int, widths: Sequence[float], fonts: tuple[QFont, QFont]
    ) -> float:
        font = self._cell_font(table, i, fonts)
        metrics = self.metrics(font)
        h = metrics.height()
        for cell, w, align in zip(table.rows[i], widths, table.align, strict=True):
            if align == "l" and metrics.horizontalAdvance(cell) > w - 2 * _PAD:
                h = max(h, self.text_height(cell, font, w - 2 * _PAD))
        return h + 2 * _PAD

    def _column_widths(
        self, table: Table, avail: float, fonts: tuple[QFont, QFont]
    ) -> tuple[list[float], bool]:
        """Column widths as a browser lays out an automatic table.

        Each column has a least width (its longest word; a number never wraps), a natural
        width (its longest cell, headers wrapped at words) and a comfortable one (its header on
        one line, up to a limit). The table takes the widest of these that fits, and shares
        what is left in proportion to what each column lacks of the next.
        """
        header_metrics = self.metrics(fonts[1])
        pad = 2 * _PAD + 2
        least, natural, comfortable = [], [], []
        for j, name in enumerate(table.columns):
            lo = max((header_metrics.horizontalAdvance(w) for w in name.split()), default=0.0)
            hi = lo
            for i, row in enumerate(table.rows):
                metrics = self.metrics(self._cell_font(table, i, fonts))
                full = metrics.horizontalAdvance(row[j])
                hi = max(hi, full)
                if table.align[j] == "l":
                    words = (metrics.horizontalAdvance(w) for w in row[j].split())
                    lo = max(lo, max(words, default=0.0))
                else:
                    lo = max(lo, full)
            # a header may wrap, but not into a tower of single words
            easy = max(hi, min(header_metrics.horizontalAdvance(name), 90.0))
            least.append(lo + pad)
            natural.append(hi + pad)
            comfortable.append(easy + pad)
        if sum(comfortable) <= avail:
            # wide tables fill the width; short ones stay compact so numbers stay near labels
            n = len(comfortable)
            total = sum(comfortable)
            target = avail if n > 3 else min(avail, max(total * 1.2, 0.5 * avail))
            left = [j for j, a in enumerate(table.align) if a == "l"] or list(range(n))
            share = sum(comfortable[j] for j in left)
            extra = target - total
            return [
                w + (extra * w / share if j in left else 0.0) for j, w in enumerate(comfortable)
            ], True
        for small, big in ((natural, comfortable), (least, natural)):
            if sum(small) <= avail:
                lack = [b - s for s, b in zip(small, big, strict=True)]
                spare = avail - sum(small)
                widths = [s + spare * d / sum(lack) for s, d in zip(small, lack, strict=True)]
                return widths, small is natural
        scale = avail / sum(least)
        return [w * scale for w in least], False

    def _draw_table(
        self,
        painter: QPainter,
        rect: QRectF,
        table: Table,
        widths: list[float],
        header_h: float,
        heights: list[float],
        chunk: range,
        fonts: tuple[QFont, QFont],
    ) -> None:
        total_w = sum(widths)
        x0, y = rect.left(), rect.top()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor(_HEADER_FILL)))
        painter.drawRect(QRectF(x0, y, total_w, header_h))
        painter.setFont(fonts[1])
        painter.setPen(QColor(INK))
        x = x0
        for name, w, align in zip(table.columns, widths, table.align, strict=True):
            painter.drawText(
                QRectF(x + _PAD, y + _PAD, w - 2 * _PAD, header_h - 2 * _PAD),
                _align(align) | int(Qt.AlignmentFlag.AlignBottom) | int(Qt.TextFlag.TextWordWrap),
                name,
            )
            x += w
        y += header_h
        painter.setPen(QPen(QColor(INK), 0.8))
        painter.drawLine(QPointF(x0, y), QPointF(x0 + total_w, y))
        for k, i in enumerate(chunk):
            h = heights[i]
            if k % 2 == 1:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QBrush(QColor(_ZEBRA)))
                painter.drawRect(QRectF(x0, y, total_w, h))
            painter.setFont(self._cell_font(table, i, fonts))
            painter.setPen(QColor(INK))
            x = x0
            for cell, w, align in zip(table.rows[i], widths, table.align, strict=True):
                # numbers never wrap, and are never clipped by a rounding of the measure
                flow = Qt.TextFlag.TextWordWrap if align == "l" else Qt.TextFlag.TextDontClip
                painter.drawText(
                    QRectF(x + _PAD, y + _PAD, w - 2 * _PAD, h - 2 * _PAD),
                    _align(align) | int(Qt.AlignmentFlag.AlignVCenter) | int(flow),
                    cell,
                )
                x += w
            y += h
        painter.setPen(QPen(QColor(_RULE), 0.8))
        painter.drawLine(QPointF(x0, y), QPointF(x0 + total_w, y))

    # -- rendering ---------------------------------------------------------------------------
    def render(
        self,
        painter: QPainter,
        *,
        progress: ProgressCallback | None,
        cancel: threading.Event | None,
    ) -> None:
        n = len(self.pages)
        for i, ops in enumerate(self.pages):
            check_cancel(cancel)
            report_progress(progress, 0.3 + 0.7 * i / max(n, 1), _page_of(i + 1, n))
            if i > 0:
                self.writer.newPage()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            for op in ops:
                painter.save()
                op(painter)
                painter.restore()
            self._furniture(painter, i, n)

    def _furniture(self, painter: QPainter, index: int, count: int) -> None:
        """Running header (not on the cover) and the footer with "page N of M"."""
        painter.save()
        left, right = self.content.left(), self.content.right()
        small = self.fonts.small
        fm = self.metrics(small)
        painter.setFont(small)
        painter.setPen(QColor(_GREY))
        if self.headed[index]:
            y = _MARGIN
            painter.drawText(
                QPointF(left, y),
                fm.elidedText(
                    f"{self.context.title} · {self.context.city}",
                    Qt.TextElideMode.ElideRight,
                    self.content.width() * 0.75,
                ),
            )
            date = dt.date.today().isoformat()  # the same in every language
            painter.drawText(QPointF(right - fm.horizontalAdvance(date), y), date)
            painter.setPen(QPen(QColor(_RULE), 0.6))
            painter.drawLine(QPointF(left, y + 4), QPointF(right, y + 4))
        y = self.page.bottom() - _MARGIN + 12
        painter.setPen(QPen(QColor(_RULE), 0.6))
        painter.drawLine(QPointF(left, y - fm.ascent() - 4), QPointF(right, y - fm.ascent() - 4))
        # a document that is not the map report names itself (the comparison's evidence brief)
        note = getattr(self.context, "footer", "") or _("ccgeo map report")
        if self.context.synthetic:
            note = _("ccgeo map report · synthetic demo data, not a real place")
            painter.setPen(QColor(_ALERT))
        else:
            painter.setPen(QColor(_GREY))
        painter.drawText(QPointF(left, y), note)
        painter.setPen(QColor(_GREY))
        label = _page_of(index + 1, count)
        painter.drawText(QPointF(right - fm.horizontalAdvance(label), y), label)
        painter.restore()


def _page_of(number: int, count: int) -> str:
    """``"page 3 of 12"`` in the current language."""
    return _("page {number} of {count}").format(number=number, count=count)


def _day(day: dt.date) -> str:
    """A day in words: ``"03 December 2026"`` in English (as the report always printed it),
    ``"3 de dezembro de 2026"`` in Portuguese."""
    return day.strftime("%d %B %Y") if current_language() == "en" else format_date(day)


# -- the sections ---------------------------------------------------------------------------------


def _plan(pages: _Pages, ctx: ReportContent, *, cancel: threading.Event | None) -> None:
    _cover(pages, ctx)
    check_cancel(cancel)
    _coverage_map(pages, ctx)
    _coverage_by_district(pages, ctx)
    check_cancel(cancel)
    _underserved(pages, ctx)
    if ctx.siting is not None:
        _siting(pages, ctx, ctx.siting)
    if ctx.referral is not None:
        _referral(pages, ctx, ctx.referral)
    check_cancel(cancel)
    pages.section("methods")
    pages.blocks(
        methods_blocks(
            ctx.result.settings,
            network_summary=ctx.result.network_summary,
            profile=_profile(ctx),
            siting_settings=ctx.siting.settings if ctx.siting is not None else None,
            referral_settings=ctx.referral.settings if ctx.referral is not None else None,
        )
    )
    pages.section("sources")
    pages.blocks(data_sources_blocks(ctx.project))
    pages.section("notes")
    pages.blocks(notes_blocks(data_notes(ctx.project, ctx.result)))


def _profile(ctx: ReportContent) -> SpeedProfile | None:
    """The speed profile the access analysis ran with: its mode, the planner's speed file and the
    traffic factor, as recorded in the result's settings (one resolver, as the tasks use)."""
    from ccgeo.network.profiles import resolve_profile

    settings = ctx.result.settings
    try:
        return resolve_profile(
            ctx.mode,
            speeds=settings.get("speeds"),
            congestion=float(settings.get("congestion") or 1.0),
        )
    except InputError:
        return None


def _headline_table(result: AccessResult) -> Table:
    rows = []
    for rec in result.summary()["coverage"]:
        rows.append(
            (
                f"≤ {format_threshold(rec['threshold_min'])}",
                format_people(rec["covered"]),
                format_share(rec["share"]),
                format_people(rec["beyond"]),
            )
        )
    return Table(
        (
            _("Travel time to the nearest lab"),
            _("People within"),
            _("Share"),
            _("Reach a lab later"),
        ),
        tuple(rows),
    )


def _not_analysed_text(summary: dict) -> str:
    """The people of the population file left out of the analysis, as a sentence ("" when
    there are none)."""
    parts = []
    if summary.get("outside_roads", 0) > 0:
        parts.append(
            _("{people} live outside the study area").format(
                people=format_people(summary["outside_roads"])
            )
        )
    if summary.get("not_located", 0) > 0:
        parts.append(
            _("{people} could not be placed on the map").format(
                people=format_people(summary["not_located"])
            )
        )
    if not parts:
        return ""
    left_out = (
        _("{first} and {second}").format(first=parts[0], second=parts[1])
        if len(parts) == 2
        else parts[0]
    )
    return _(
        " Of the {people} people in the population file, {left_out}; they are not in the "
        "numbers below."
    ).format(people=format_people(summary["population_total"]), left_out=left_out)


def _cover(pages: _Pages, ctx: ReportContent) -> None:
    pages.new_page(header=False)
    f = pages.fonts
    summary = ctx.result.summary()
    pages.space(30.0)
    pages.text(_("ccgeo map report"), f.small, color=_GREY, after=10.0)
    pages.text(ctx.title, f.title, after=10.0)
    pages.text(ctx.city, f.subtitle, after=14.0)
    if ctx.project.description:
        pages.text(ctx.project.description, f.body, after=10.0)
    for line in _cover_lines(ctx, summary):
        pages.text(line, f.body, after=3.0)
    pages.space(10.0)
    if ctx.synthetic:
        _synthetic_banner(pages, ctx)
    pages.heading(_("Key numbers"))
    pages.text(
        _(
            "{people} people live in the study area ({points} population points). Times are "
            "inclusive: a person at exactly the threshold counts as within it."
        ).format(
            people=format_people(summary["population_analysed"]),
            points=format_count(summary["demand_points"]),
        )
        + _not_analysed_text(summary),
        f.body,
    )
    pages.table(_headline_table(ctx.result))
    gaps = _gaps_text(summary)
    if gaps:
        pages.text(gaps, f.body)
    cautions = ctx.result.shown_warnings()
    if cautions:
        pages.heading(_("Cautions"))
        pages.blocks([Bullets(tuple(cautions))])
    pages.heading(_("Contents"))
    sections = [_(SECTION_TITLES[k]) for k in _section_keys(ctx)]
    fm = pages.metrics(f.body)
    height = len(sections) * (fm.height() + 3)

    def contents(painter: QPainter, rect: QRectF) -> None:
        # page numbers are known only once every page is planned: read them at drawing time
        numbers = dict(ctx.toc)
        painter.setFont(f.body)
        painter.setPen(QColor(INK))
        y = rect.top()
        width = min(rect.width(), 110 * _MM)
        for name in sections:
            number = str(numbers.get(name, ""))
            painter.drawText(QPointF(rect.left(), y + fm.ascent()), name)
            painter.drawText(
                QPointF(rect.left() + width - fm.horizontalAdvance(number), y + fm.ascent()),
                number,
            )
            y += fm.height() + 3

    pages.place(height, contents)


def _cover_lines(ctx: ReportContent, summary: Mapping[str, Any]) -> list[str]:
    """The cover's scenario, travel mode and labs, and the day it was prepared."""
    return [
        _("Scenario: {scenario}").format(scenario=ctx.scenario_text),
        _("Travel {travel}; {used} of {given} labs used").format(
            travel=ctx.travel,
            used=format_count(summary["labs_used"]),
            given=format_count(summary["labs_given"]),
        ),
        _("Prepared {date} with ccgeo").format(date=_day(dt.date.today())),
    ]


def _gaps_text(summary: Mapping[str, Any]) -> str:
    """The people who cannot reach a lab or live off the roads, as a sentence ("" if none)."""
    gaps = []
    if summary["unreachable"] > 0:
        gaps.append(
            _("{people} people cannot reach any lab").format(
                people=format_people(summary["unreachable"])
            )
        )
    if summary["off_network"] > 0:
        gaps.append(
            _("{people} people live off the road network").format(
                people=format_people(summary["off_network"])
            )
        )
    if not gaps:
        return ""
    return _("{gaps}. They are counted as not covered.").format(gaps="; ".join(gaps))


def _synthetic_banner(pages: _Pages, ctx: ReportContent) -> None:
    """The red box of the cover saying the data are synthetic (the demo city)."""
    f = pages.fonts
    note = own_text((ctx.project.metadata or {}).get("note") or "")
    text = _("This report uses synthetic demo data. {note}").format(
        note=note or _("No real place, people or facilities are described.")
    )
    height = pages.text_height(text, f.body, pages.content.width() - 24) + 20

    def banner(painter: QPainter, rect: QRectF) -> None:
        painter.setPen(QPen(QColor(_ALERT), 1.5))
        painter.setBrush(QBrush(QColor("#FDECEA")))
        painter.drawRoundedRect(rect, 4, 4)
        painter.setFont(f.body)
        painter.setPen(QColor(_ALERT))
        painter.drawText(
            rect.adjusted(12, 10, -12, -10),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            | int(Qt.TextFlag.TextWordWrap),
            text,
        )

    pages.place(height, banner)
    pages.space(14.0)


def _section_keys(ctx: ReportContent) -> list[str]:
    keys = ["map", "coverage", "underserved"]
    if ctx.siting is not None:
        keys.append("siting")
    if ctx.referral is not None:
        keys.append("referral")
    return [*keys, "methods", "sources", "notes"]


# -- maps -------------------------------------------------------------------------------------


def _legend_layout(
    pages: _Pages, entries: Sequence[LegendEntry], width: float
) -> tuple[int, float, float]:
    """Columns, column width and height of a legend of ``entries`` in ``width``."""
    fm = pages.metrics(pages.fonts.small)
    col_w = max((fm.horizontalAdvance(e.label) for e in entries), default=0.0) + 28 + 14
    columns = max(1, min(len(entries), int(width // col_w))) if entries else 1
    rows = math.ceil(len(entries) / columns) if entries else 0
    title_h = pages.metrics(pages.fonts.table_bold).height() + 4
    return columns, col_w, title_h + rows * 20.0 + 6


def _draw_legend(
    painter: QPainter,
    rect: QRectF,
    entries: Sequence[LegendEntry],
    columns: int,
    col_w: float,
    fonts: _Fonts,
) -> None:
    painter.setFont(fonts.table_bold)
    painter.setPen(QColor(INK))
    fm_title = QFontMetricsF(fonts.table_bold, painter.device())
    painter.drawText(QPointF(rect.left(), rect.top() + fm_title.ascent()), _("Legend"))
    top = rect.top() + fm_title.height() + 4
    rows = math.ceil(len(entries) / columns) if entries else 0
    fm = QFontMetricsF(fonts.small, painter.device())
    painter.setFont(fonts.small)
    for i, entry in enumerate(entries):
        col, row = divmod(i, rows) if rows else (0, 0)
        x = rect.left() + col * col_w
        y = top + row * 20.0
        paint_legend_swatch(painter, entry, QRectF(x, y, 28, 18))
        painter.setPen(QColor(INK))
        painter.drawText(QPointF(x + 34, y + 9 + fm.ascent() / 2 - 1), entry.label)


def _draw_map(
    painter: QPainter,
    frame: QRectF,
    view: ViewTransform,
    layers: Sequence[MapLayer],
    maps: _MapLayers,
    fonts: _Fonts,
) -> None:
    """The layers of ``view`` inside ``frame``, then the frame, scale bar, arrow, credit."""
    painter.save()
    painter.setClipRect(frame)
    painter.fillRect(frame, QColor(BACKGROUND))
    # Layers draw in "screen pixels" of the view and may replace the world transform; the
    # window-viewport mapping sits beneath it and moves their pixels into the frame.
    painter.setViewport(frame.toRect())
    painter.setWindow(QRect(0, 0, view.width_px, view.height_px))
    for layer in layers:
        painter.save()
        painter.setOpacity(layer.opacity)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        layer.paint(painter, view)
        painter.restore()
    painter.restore()
    painter.save()
    painter.setPen(QPen(QColor(INK), 0.8))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(frame)
    credit = _(maps.attribution) if maps.attribution else ""
    paint_decorations(painter, frame, view, crs=maps.crs, attribution=credit, font=fonts.small)
    painter.restore()


def _map_page(
    pages: _Pages,
    ctx: ReportContent,
    layers: Sequence[MapLayer],
    entries: Sequence[LegendEntry],
    caption: str,
    *,
    min_height: float = 0.0,
) -> None:
    """A map filling what is left of the page under its title (the project's name) and caption,
    legend below (portrait) or beside (landscape), then the notes: the area shown, the data
    sources and the date."""
    maps = ctx.maps
    if maps.extent is None:
        pages.text(_("The project has no layer with a location to map."), pages.fonts.body)
        return
    pages.text(ctx.project.name or ctx.city, pages.fonts.h2, after=2.0)
    pages.text(caption, pages.fonts.body, after=6.0)
    if min_height and pages.remaining() < min_height:
        pages.new_page()
    plan = _MapPlan.make(pages, ctx, entries)
    fonts = pages.fonts

    def draw(painter: QPainter, rect: QRectF) -> None:
        frame = QRectF(rect.left(), rect.top(), plan.frame_w, plan.frame_h)
        _draw_map(painter, frame, plan.view, layers, maps, fonts)
        if pages.landscape:
            box = QRectF(frame.right() + 6 * _MM, rect.top(), plan.legend_w, plan.legend_h)
            notes = QRectF(box.left(), box.bottom() + 4 * _MM, plan.legend_w, plan.notes_h)
        else:
            box = QRectF(rect.left(), frame.bottom() + 4 * _MM, plan.legend_w, plan.legend_h)
            notes = QRectF(rect.left(), box.bottom() + 2 * _MM, plan.legend_w, plan.notes_h)
        _draw_legend(painter, box, entries, plan.columns, plan.col_w, fonts)
        painter.setFont(fonts.small)
        painter.setPen(QColor(_GREY))
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        painter.drawText(notes, flags | int(Qt.TextFlag.TextWordWrap), plan.notes)

    pages.place(pages.remaining(), draw)


@dataclass(frozen=True)
class _MapPlan:
    """Where a map page puts its frame, legend and notes, and the view the frame shows."""

    frame_w: int
    frame_h: int
    view: ViewTransform
    columns: int
    col_w: float
    legend_w: float
    legend_h: float
    notes: str
    notes_h: float

    @classmethod
    def make(cls, pages: _Pages, ctx: ReportContent, entries: Sequence[LegendEntry]) -> _MapPlan:
        """The frame as large as the page leaves it; the extent fitted to the frame's shape."""
        maps = ctx.maps
        assert maps.extent is not None
        width = pages.content.width()
        legend_w = width
        if pages.landscape:  # a column beside the map, as narrow as its labels allow
            legend_w = min(max(_legend_layout(pages, entries, 62 * _MM)[1], 40 * _MM), 62 * _MM)
        columns, col_w, legend_h = _legend_layout(pages, entries, legend_w)
        frame_w = int(width - legend_w - 6 * _MM) if pages.landscape else int(width)
        notes, notes_h = "", 0.0
        for _twice in range(2):  # the notes name the area shown, which the notes' height moves
            below = 0.0 if pages.landscape else legend_h + 6 * _MM + notes_h
            frame_h = int(pages.remaining() - below)
            view = ViewTransform.fit(maps.extent, frame_w, frame_h, margin=maps.margin)
            notes = _map_notes(ctx, view)
            notes_h = pages.text_height(notes, pages.fonts.small, legend_w) + 2.0
        return cls(frame_w, frame_h, view, columns, col_w, legend_w, legend_h, notes, notes_h)


def _map_notes(ctx: ReportContent, view: ViewTransform) -> str:
    """The area a map shows (degrees at the middles of its edges), the date, and the data
    sources, one per line."""
    w, h = view.width_px, view.height_px
    sides = view.screen_to_world(np.array([[0, h / 2], [w, h / 2], [w / 2, h], [w / 2, 0]]))
    (west, _w), (east, _e), (_s, south), (_n, north) = unproject_xy(sides, ctx.maps.crs)
    area = format_lonlat_box((float(west), float(south), float(east), float(north)))
    printed = _day(dt.date.today()).lstrip("0")
    lines = [
        _("Map area: {area} (WGS 84) · printed {date} with ccgeo").format(area=area, date=printed)
    ]
    sources = _sources_line(ctx.project)
    if sources:
        lines.append(_("Sources: {sources}").format(sources=sources))
    return "\n".join(lines)


def _sources_line(project: Project) -> str:
    """``"roads demo_city.osm.pbf (2026-12-03); …"``: each layer's file and its date."""
    tables = [b for b in data_sources_blocks(project) if isinstance(b, Table)]
    if not tables:
        return ""
    return "; ".join(f"{row[0]} {row[1]} ({row[2]})" for row in tables[0].rows)


def _road_legend(roads: RoadLayer | None, m_per_px: float) -> list[LegendEntry]:
    if roads is None:
        return []
    from ccgeo.styles import ROAD_STYLES

    shown = {_(ROAD_STYLES[k].label) for k in roads.visible_classes(m_per_px)}
    return [e for e in roads.legend() if e.label in shown]


def _coverage_map(pages: _Pages, ctx: ReportContent) -> None:
    pages.section("map")
    maps = ctx.maps
    layers = maps.stack((maps.bands, maps.roads, maps.underserved, maps.districts, maps.labs))
    entries = list(maps.band_legend)
    if maps.underserved is not None:
        entries.append(maps.underserved_legend)
    entries += maps.labs.legend() if maps.labs is not None else []
    entries += maps.districts.legend() if maps.districts is not None else []
    entries += _road_legend(maps.roads, _approx_m_per_px(pages, maps))
    entries += maps.basemap_legend()
    thresholds = ", ".join(
        format_threshold(t) for t in ctx.result.settings.get("thresholds_minutes", [])
    )
    labs = int(ctx.result.labs["usable"].sum())
    # the English says "labs" for one too, as it always has
    caption = ngettext(
        "Travel time {travel} to the nearest of {count} labs, in bands of {thresholds} "
        "(inclusive). Uncoloured land is beyond the last band.",
        "Travel time {travel} to the nearest of {count} labs, in bands of {thresholds} "
        "(inclusive). Uncoloured land is beyond the last band.",
        labs,
    ).format(travel=ctx.travel, count=format_count(labs), thresholds=thresholds)
    _map_page(pages, ctx, layers, entries, caption)


def _approx_m_per_px(pages: _Pages, maps: _MapLayers) -> float:
    if maps.extent is None:
        return 1.0
    w = pages.content.width() - (68 * _MM if pages.landscape else 0)
    h = pages.content.height() * 0.8
    return ViewTransform.fit(maps.extent, int(w), int(h), margin=maps.margin).m_per_px


# -- tables ---------------------------------------------------------------------------------------


def coverage_rows(result: AccessResult) -> Table:
    """The coverage table of the report: one row per district, people and share per threshold.

    The whole study area comes first (bold); districts follow in the analysis' order, people
    outside every district last. Unreachable and off-network people have their own columns.
    """
    cov = result.coverage
    thresholds = [float(t) for t in result.settings.get("thresholds_minutes", [])]
    if not thresholds:
        thresholds = sorted(float(t) for t in cov["threshold_min"].unique())
    columns = [_("District"), _("People")]
    for t in thresholds:
        minutes = format_threshold(t)
        columns += [
            _("Within {minutes}").format(minutes=minutes),
            _("Share ≤ {minutes}").format(minutes=minutes),
        ]
    columns += [_("Unreachable"), _("Off network")]
    rows = []
    order = list(dict.fromkeys(cov["district_id"].tolist()))
    by_district = dict(list(cov.groupby("district_id", sort=False)))
    for d in order:
        g = by_district[d].set_index("threshold_min")
        first = g.iloc[0]
        name = str(first["district_name"])
        if d in (CITY_ID, "") and name:  # the analysis' own rows, named in English
            name = _(name)
        row = [name, format_people(first["population"])]
        for t in thresholds:
            rec = g.loc[t]
            row += [format_people(rec["covered"]), format_share(rec["share"])]
        row += [format_people(first["unreachable"]), format_people(first["off_network"])]
        rows.append(tuple(row))
    emphasis = frozenset(i for i, d in enumerate(order) if d == CITY_ID)
    return Table(tuple(columns), tuple(rows), emphasis=emphasis)


def _coverage_by_district(pages: _Pages, ctx: ReportContent) -> None:
    pages.section("coverage")
    pages.text(
        _(
            "People whose travel time {travel} to the nearest lab is at most each threshold, by "
            "district. Shares are of the district's people; unreachable and off-network people "
            "are counted in the population and never as covered."
        ).format(travel=ctx.travel),
        pages.fonts.body,
    )
    pages.table(coverage_rows(ctx.result))


def _underserved(pages: _Pages, ctx: ReportContent) -> None:
    pages.section("underserved")
    result = ctx.result
    minutes = float(result.settings.get("underserved_minutes") or 60.0)
    areas = result.underserved
    if areas is None or areas.empty:
        pages.text(
            _(
                "No one in the study area is beyond {minutes} of a lab {travel}: there is no "
                "underserved area at this threshold."
            ).format(minutes=format_threshold(minutes), travel=ctx.travel),
            pages.fonts.body,
        )
        return
    total = float(areas["population"].sum())
    # the English says "areas" for one too, as it always has
    pages.text(
        ngettext(
            "{count} areas hold {people} people beyond {minutes} of a lab {travel}, ranked by "
            "the people in them. Unreachable and off-network people are included.",
            "{count} areas hold {people} people beyond {minutes} of a lab {travel}, ranked by "
            "the people in them. Unreachable and off-network people are included.",
            len(areas),
        ).format(
            count=format_count(len(areas)),
            people=format_people(total),
            minutes=format_threshold(minutes),
            travel=ctx.travel,
        ),
        pages.fonts.body,
    )
    where = _area_districts(areas, ctx.project.districts)
    rows = []
    for rec, place in zip(areas.itertuples(index=False), where, strict=True):
        rows.append(
            (
                str(int(rec.rank)),
                place,
                format_people(rec.population),
                format_km2(rec.area_km2),
                format_minutes(rec.min_minutes),
                format_minutes(rec.median_minutes),
                format_people(rec.unreachable_population),
                format_people(rec.off_network_population),
            )
        )
    pages.table(
        Table(
            (
                _("Rank"),
                _("District"),
                _("People"),
                _("Area, km²"),
                _("Shortest time"),
                _("Median time"),
                _("Unreachable"),
                _("Off network"),
            ),
            tuple(rows),
            align=("r", "l", "r", "r", "r", "r", "r", "r"),
        )
    )
    maps = ctx.maps
    layers = maps.stack((maps.population, maps.roads, maps.underserved, maps.districts, maps.labs))
    entries = [maps.underserved_legend]
    entries += maps.labs.legend() if maps.labs is not None else []
    entries += maps.population.legend() if maps.population is not None else []
    entries += maps.districts.legend() if maps.districts is not None else []
    entries += maps.basemap_legend()
    _map_page(
        pages,
        ctx,
        layers,
        entries,
        _(
            "Underserved areas (numbered by rank, the first {count} at most) over where people "
            "live."
        ).format(count=_MAX_LABELLED_AREAS),
        min_height=pages.content.height() * 0.55,
    )


def _area_districts(areas: gpd.GeoDataFrame, districts: gpd.GeoDataFrame | None) -> list[str]:
    """Name of the district holding a point inside each area (areas may straddle several)."""
    if districts is None or districts.empty:
        return [MISSING] * len(areas)
    inside = gpd.GeoDataFrame(
        {"row": np.arange(len(areas))},
        geometry=areas.to_crs("EPSG:4326").geometry.representative_point().to_numpy(),
        crs="EPSG:4326",
    )
    label = "name" if "name" in districts.columns else "district_id"
    joined = gpd.sjoin(
        inside, districts[[label, "geometry"]].to_crs("EPSG:4326"), how="left", predicate="within"
    )
    first = joined.drop_duplicates("row").set_index("row")[label].reindex(range(len(areas)))
    outside = _("outside every district")
    return [str(v) if isinstance(v, str) and v else outside for v in first]


def _siting(pages: _Pages, ctx: ReportContent, siting: SitingResult) -> None:
    pages.section("siting")
    settings = siting.settings
    unit = _weight_unit(settings.get("weight_unit", "people"))
    minutes = settings.get("minutes")
    totals = siting.totals
    limit = format_threshold(float(minutes)) if minutes is not None else _("the limit")
    pages.text(
        _siting_text(siting, limit=limit, unit=unit, mode=settings.get("mode", ctx.mode)),
        pages.fonts.body,
    )
    gain_name = (
        _("Time saved, person-hours")
        if siting.model == "pmedian"
        else _("Gain, {unit}").format(unit=unit)
    )
    rows = []
    for rec in siting.hubs.itertuples(index=False):
        gain = rec.gain / 3600.0 if siting.model == "pmedian" else rec.gain
        rows.append(
            (
                str(int(rec.rank)),
                str(rec.name),
                site_kind(rec.kind),
                format_people(gain),
                format_people(rec.covered_after),
                format_share(rec.share_after),
            )
        )
    columns = (
        _("Rank"),
        _("Site"),
        _("Kind"),
        gain_name,
        _("Within {limit} after").format(limit=limit),
        _("Share after"),
    )
    pages.table(Table(columns, tuple(rows), align=("r", "l", "l", "r", "r", "r")))
    pages.text(
        _(
            "Each hub's gain is what it adds given the hubs ranked before it; the gains add up "
            "to the gain of the whole set."
        ),
        pages.fonts.small,
        color=_GREY,
    )
    curve = siting.curve
    if curve is not None and len(curve):
        pages.heading(
            _("Coverage curve: share within {limit} as hubs are added").format(limit=limit)
        )
        xs = [0, *curve["hubs"].astype(int).tolist()]
        ys = [float(totals.get("share_before") or 0.0), *curve["share"].astype(float).tolist()]
        height = min(80 * _MM, pages.content.height() * 0.4)
        chosen = len(siting.hubs)
        fonts = pages.fonts
        pages.place(
            height,
            lambda painter, rect: _draw_curve(painter, rect, xs, ys, chosen, fonts),
        )


def _weight_unit(unit: Any) -> str:
    """What a siting run counts (``"people"``, ``"tests per year"``) in the current language."""
    text = str(unit)
    words = {
        "people": pgettext("siting unit", "people"),
        "tests per year": pgettext("siting unit", "tests per year"),
    }
    return words.get(text, text)


def _solver_status(status: Any) -> str:
    """How a siting solve ended (``"optimal"``, ``"time_limit"``, ``"heuristic"``) in the
    current language."""
    text = str(status)
    words = {
        "optimal": pgettext("solver status", "optimal"),
        "time_limit": pgettext("solver status", "time_limit"),
        "heuristic": pgettext("solver status", "heuristic"),
    }
    return words.get(text, text)


def _percent(share: float) -> str:
    """A share as a percentage with two decimals, ``"1.25%"`` (``"1,25%"`` in Portuguese)."""
    if not math.isfinite(share):
        return f"{share:.2%}"
    return format_number(100.0 * share, decimals=2, grouping=False) + "%"


def _siting_text(siting: SitingResult, *, limit: str, unit: str, mode: Any) -> str:
    """The hubs page's first paragraph: the model and its solution, and the people within the
    limit before and after the new hubs."""
    totals = siting.totals
    count = len(siting.hubs)
    # the English says "hubs" for one too, as it always has
    return ngettext(
        "{count} new hubs chosen by {model} ({status}, solver {solver}, gap {gap}). Within "
        "{limit} {travel}: {before} {unit} ({before_share}) with the existing labs, {after} "
        "({after_share}) with the new hubs.",
        "{count} new hubs chosen by {model} ({status}, solver {solver}, gap {gap}). Within "
        "{limit} {travel}: {before} {unit} ({before_share}) with the existing labs, {after} "
        "({after_share}) with the new hubs.",
        count,
    ).format(
        count=format_count(count),
        model=siting.model.upper(),
        status=_solver_status(siting.status),
        solver=siting.solver,
        gap=_percent(siting.gap),
        limit=limit,
        travel=travel_by(mode),
        before=format_people(totals.get("covered_before")),
        unit=unit,
        before_share=format_share(totals.get("share_before")),
        after=format_people(totals.get("covered_after")),
        after_share=format_share(totals.get("share_after")),
    )


def _draw_curve(
    painter: QPainter,
    rect: QRectF,
    xs: Sequence[int],
    ys: Sequence[float],
    chosen: int,
    fonts: _Fonts,
) -> None:
    """A line chart of share (y, %) against the number of new hubs (x), vector."""
    fm = QFontMetricsF(fonts.small, painter.device())
    plot = rect.adjusted(fm.horizontalAdvance("100 %") + 10, 8, -20, -(2 * fm.height() + 10))
    finite = [y for y in ys if math.isfinite(y)]
    lo = math.floor(min(finite, default=0.0) * 10) / 10 if finite else 0.0
    lo = max(0.0, min(lo, 0.9))
    hi = 1.0
    x_max = max(max(xs), 1)

    def px(x: float, y: float) -> QPointF:
        return QPointF(
            plot.left() + plot.width() * x / x_max,
            plot.bottom() - plot.height() * (y - lo) / (hi - lo),
        )

    painter.setFont(fonts.small)
    steps = np.linspace(lo, hi, 6)
    for s in steps:
        p = px(0, s)
        painter.setPen(QPen(QColor(_RULE), 0.5))
        painter.drawLine(QPointF(plot.left(), p.y()), QPointF(plot.right(), p.y()))
        label = f"{100 * s:.0f} %"
        painter.setPen(QColor(_GREY))
        painter.drawText(
            QPointF(plot.left() - 6 - fm.horizontalAdvance(label), p.y() + fm.ascent() / 2 - 1),
            label,
        )
    for x in range(0, x_max + 1):
        p = px(x, lo)
        label = str(x)
        painter.drawText(
            QPointF(p.x() - fm.horizontalAdvance(label) / 2, p.y() + fm.height() + 2), label
        )
    axis = _("new hubs")
    painter.drawText(
        QPointF(plot.center().x() - fm.horizontalAdvance(axis) / 2, rect.bottom() - 2), axis
    )
    painter.setPen(QPen(QColor(INK), 0.8))
    painter.drawLine(plot.bottomLeft(), plot.bottomRight())
    painter.drawLine(plot.bottomLeft(), plot.topLeft())
    if 0 < chosen <= x_max:
        pen = QPen(QColor(_GREY), 0.8, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(px(chosen, lo), px(chosen, hi))
    points = [px(x, y) for x, y in zip(xs, ys, strict=True) if math.isfinite(y)]
    path = QPainterPath()
    for i, p in enumerate(points):
        if i == 0:
            path.moveTo(p)
        else:
            path.lineTo(p)
    painter.setPen(QPen(QColor("#1E63C4"), 1.8))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    painter.setBrush(QBrush(QColor("#1E63C4")))
    for (x, y), p in zip(zip(xs, ys, strict=True), points, strict=False):
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(p, 3, 3)
        label = format_share(y)
        # labels sit on a light box so the line never runs through them
        box = QRectF(
            p.x() - fm.horizontalAdvance(label) / 2 - 2,
            p.y() - 8 - fm.height(),
            fm.horizontalAdvance(label) + 4,
            fm.height(),
        )
        painter.setBrush(QBrush(qcolor(HALO, 220)))
        painter.drawRect(box)
        painter.setBrush(QBrush(QColor("#1E63C4")))
        painter.setPen(QColor(INK))
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), label)
        del x


def _referral(pages: _Pages, ctx: ReportContent, referral: ReferralResult) -> None:
    pages.section("referral")
    params = dict(referral.settings.get("parameters") or {})
    target = params.get("target_working_days", 10.0)
    pages.text(_referral_text(referral, target=target), pages.fonts.body)
    spokes = referral.spokes.copy()
    worst = spokes["sample_to_result_worst_wd"].to_numpy(dtype=float)
    # the spokes that fail or come closest to the target first
    spokes = spokes.assign(_key=np.where(np.isfinite(worst), worst, np.inf))
    spokes = spokes.sort_values("_key", ascending=False, kind="stable")
    rows = []
    for rec in spokes.itertuples(index=False):
        servable = bool(rec.servable)
        rows.append(
            (
                str(rec.name),
                str(rec.hub_name) if isinstance(rec.hub_name, str) else _("none"),
                format_minutes(rec.sample_minutes),
                _frequency(rec.frequency) if servable and isinstance(rec.frequency, str) else "–",
                format_days(rec.sample_to_result_average_wd),
                format_days(rec.sample_to_result_worst_wd),
                (_("yes") if bool(rec.meets_target) else _("no"))
                if servable
                else _("not served: {reason}").format(reason=rec.reason),
            )
        )
    pages.table(
        Table(
            (
                _("Spoke"),
                _("Hub"),
                _("Sample trip"),
                _("Pick-up"),
                _("Result, working days (average wait)"),
                _("(worst wait)"),
                _("Within {days} days").format(days=format_g(target)),
            ),
            tuple(rows),
            align=("l", "l", "r", "l", "r", "r", "l"),
        )
    )


#: The waits of the referral plan's ``wait_rule`` as the referral page says them.
_WAITS: dict[str, str] = {
    "worst": N_("worst-case wait for the courier"),
    "average": N_("average-case wait for the courier"),
}


def _referral_text(referral: ReferralResult, *, target: Any) -> str:
    """The referral page's paragraph: spokes, hubs and couriers, who meets the target, the
    median trip and sample-to-result time, and the spokes that must fix tissue on site."""
    s = referral.summary
    params = dict(referral.settings.get("parameters") or {})
    rule = str(params.get("wait_rule", "worst"))
    wait = _(_WAITS[rule]) if rule in _WAITS else _("{rule}-case wait for the courier")
    n = int(s.get("n_spokes", 0))
    # the English says "spokes" for one too, as it always has
    plan = ngettext(
        "{count} spokes send {test} specimens to {hubs} hub labs {travel}; {servable} can be "
        "served.",
        "{count} spokes send {test} specimens to {hubs} hub labs {travel}; {servable} can be "
        "served.",
        n,
    ).format(
        count=format_count(n),
        test=str(s.get("capability", "")).upper(),
        hubs=format_count(int(s.get("n_hubs", 0))),
        travel=travel_by(referral.settings.get("courier_mode", "")),
        servable=format_count(int(s.get("n_servable", 0))),
    )
    meeting = _(
        "{share} of spokes get a result within {target} working days of sampling ({wait})."
    ).format(
        share=format_share(s.get("share_meeting_target")),
        target=format_g(target),
        wait=wait.format(rule=rule),
    )
    medians = _(
        "Median sample trip {trip}; median sample-to-result {days} working days (worst case); "
        "{share} of spokes must fix tissue on site (fresh tissue would exceed 60 min)."
    ).format(
        trip=format_minutes(s.get("median_sample_minutes")),
        days=format_days(s.get("median_sample_to_result_worst_wd")),
        share=format_share(s.get("share_must_fix_on_site")),
    )
    return f"{plan} {meeting} {medians}"


def _frequency(text: str) -> str:
    """A spoke's pick-up frequency (``"daily"``, ``"weekly"``, ``"2 per week"``) in the current
    language."""
    if text == "daily":
        return _("daily")
    if text == "weekly":
        return _("weekly")
    count, _space, rest = text.partition(" ")
    if rest == "per week" and count.isdigit():
        return _("{count} per week").format(count=count)
    return text


@dataclass
class _TableContent:
    """What the page furniture of `write_table_pages` shows (title, subtitle, data warning)."""

    title: str
    city: str = ""
    synthetic: bool = False
    toc: list[tuple[str, int]] = field(default_factory=list)


def write_table_pages(
    out_path: str | Path,
    title: str,
    tables: Sequence[tuple[str, Table]],
    *,
    subtitle: str = "",
    orientation: str = "landscape",
) -> Path:
    """Write a PDF of tables (a scenario batch's comparison), with the report's type and page
    furniture; each table continues on the next pages with its header repeated.

    Parameters
    ----------
    out_path
        The PDF file (replaced only once complete).
    title
        Heading of the first page and of the running header.
    tables
        ``(heading, Table)`` pairs, in order.
    subtitle
        Shown beside the title in the running header.
    orientation
        ``"landscape"`` (default: wide tables) or ``"portrait"``, on A4.

    Raises
    ------
    InputError
        If the PDF cannot be written there.
    """
    ensure_qt_app()
    out = Path(out_path)
    with atomic_path(out, what=_("the PDF report")) as tmp:
        writer = QPdfWriter(str(tmp))
        writer.setCreator("ccgeo")
        writer.setPageLayout(page_layout("a4", orientation))
        writer.setResolution(_DPI)
        writer.setTitle(title)
        pages = _Pages(writer, _TableContent(title=title, city=subtitle))  # type: ignore[arg-type]
        pages.new_page()
        pages.text(title, pages.fonts.h1, after=8.0)
        for heading, table in tables:
            pages.heading(heading)
            pages.table(table)
        painter = QPainter()
        if not painter.begin(writer):
            msg = _("cannot write the PDF there; check that the folder is writable and has space")
            raise InputError(msg, path=out)
        try:
            pages.render(painter, progress=None, cancel=None)
        finally:
            painter.end()
    return out


__all__ = [
    "ORIENTATIONS",
    "PAPERS",
    "SECTION_TITLES",
    "coverage_rows",
    "ensure_qt_app",
    "write_report",
    "write_table_pages",
]
