"""The PDF evidence brief of a many-city comparison, laid out with the map report's pages
(`ccgeo.report.pdf`): a cover, a scorecard page per city, the charts (the SVG files of
`ccgeo.report.compare_charts`, painted by QtSvg), the small-multiple maps and the methods.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgRenderer

from ccgeo.errors import InputError
from ccgeo.i18n import _
from ccgeo.io.atomic import atomic_path
from ccgeo.report.compare_charts import Chart
from ccgeo.report.methods import Block
from ccgeo.report.pdf import _DPI, _Pages, ensure_qt_app, page_layout

_ALERT = "#B71C1C"
_GAP = 12.0


@dataclass(frozen=True)
class BriefParts:
    """What the brief shows, already in the language of the moment."""

    title: str
    lines: tuple[str, ...]
    draft: str
    level_chart: Chart
    cards: tuple[tuple[str, Sequence[Block]], ...]
    coverage: tuple[Chart, ...]
    bars: tuple[Chart, ...]
    map_title: str
    map_legend: str
    maps: tuple[tuple[str, Path | None], ...]
    map_note: str
    methods: Sequence[Block]


@dataclass
class _BriefContent:
    """What the page furniture shows (running header, footer)."""

    title: str
    city: str
    footer: str
    synthetic: bool = False
    toc: list[tuple[str, int]] = field(default_factory=list)


@dataclass(frozen=True)
class PageParts:
    """A document of one part (the progress page of a city): its title, the lines under it,
    the draft-scale note and its blocks, already in the language of the moment."""

    title: str
    lines: tuple[str, ...]
    draft: str
    blocks: Sequence[Block]
    footer: str


def write_brief(parts: BriefParts, path: Path) -> Path:
    """Write ``brief.pdf`` (A4 portrait) from ``parts``; the path.

    Raises
    ------
    InputError
        If the PDF cannot be written there.
    """
    footer = _("ccgeo evidence brief")
    return _write(path, parts.title, parts.lines[0], footer, lambda pages: _plan(pages, parts))


def write_page(parts: PageParts, path: Path) -> Path:
    """Write a PDF (A4 portrait) of ``parts`` laid out as the brief is: the title, its lines
    and the draft note, then the blocks; the path.

    Raises
    ------
    InputError
        If the PDF cannot be written there.
    """

    def plan(pages: _Pages) -> None:
        _head(pages, parts.title, parts.lines, parts.draft)
        pages.blocks(parts.blocks)

    return _write(path, parts.title, parts.lines[0], parts.footer, plan)


def _write(
    path: Path, title: str, first_line: str, footer: str, plan: Callable[[_Pages], None]
) -> Path:
    """Lay out the pages with ``plan`` and paint them into the PDF at ``path``."""
    ensure_qt_app()
    with atomic_path(path, what=_("the PDF report")) as tmp:
        writer = QPdfWriter(str(tmp))
        writer.setCreator("ccgeo")
        writer.setPageLayout(page_layout("a4", "portrait"))
        writer.setResolution(_DPI)
        writer.setTitle(title)
        content = _BriefContent(title=title, city=first_line, footer=footer)
        pages = _Pages(writer, content)  # type: ignore[arg-type]  # the furniture's fields
        plan(pages)
        painter = QPainter()
        if not painter.begin(writer):
            msg = _("cannot write the PDF there; check that the folder is writable and has space")
            raise InputError(msg, path=path)
        try:
            pages.render(painter, progress=None, cancel=None)
        finally:
            painter.end()
    return path


def _head(pages: _Pages, title: str, lines: Sequence[str], draft: str) -> None:
    """The first page's title, its lines and the draft note."""
    fonts = pages.fonts
    pages.new_page(header=False)
    pages.space(40.0)
    pages.text(title, fonts.title, after=12.0)
    for line in lines:
        pages.text(line, fonts.subtitle, after=4.0)
    pages.space(12.0)
    pages.text(draft, fonts.body, color=_ALERT, after=12.0)


def _plan(pages: _Pages, parts: BriefParts) -> None:
    fonts = pages.fonts
    _head(pages, parts.title, parts.lines, parts.draft)
    _charts(pages, [parts.level_chart], columns=1)
    for city, blocks in parts.cards:
        pages.new_page()
        pages.text(_("Scorecard: {city}").format(city=city), fonts.h1, after=8.0)
        pages.blocks(blocks)
    pages.new_page()
    pages.text(_("The cities compared"), fonts.h1, after=8.0)
    pages.text(parts.draft, fonts.small, color=_ALERT, after=6.0)
    _charts(pages, [parts.level_chart], columns=1)
    _charts(pages, parts.coverage, columns=1)
    pages.heading(_("Cities ranked on each indicator"))
    _charts(pages, parts.bars, columns=2)
    pages.new_page()
    pages.text(parts.map_title, fonts.h1, after=4.0)
    pages.text(parts.map_note, fonts.body, after=6.0)
    _charts(pages, [Chart("legend", parts.map_title, parts.map_legend)], columns=1)
    _maps(pages, parts.maps)
    pages.new_page()
    pages.text(_("Methods and assumptions"), fonts.h1, after=8.0)
    pages.blocks(parts.methods)


def _charts(pages: _Pages, charts: Sequence[Chart], *, columns: int) -> None:
    """SVG charts in rows of ``columns``, each scaled to its column's width."""
    width = (pages.content.width() - _GAP * (columns - 1)) / columns
    for start in range(0, len(charts), columns):
        row = [QSvgRenderer(QByteArray(c.svg.encode("utf-8"))) for c in charts[start:][:columns]]
        sizes = [r.defaultSize() for r in row]
        height = max(width * s.height() / max(s.width(), 1) for s in sizes)

        def draw(painter: QPainter, rect: QRectF, row: list[QSvgRenderer] = row) -> None:
            for k, renderer in enumerate(row):
                size = renderer.defaultSize()
                h = width * size.height() / max(size.width(), 1)
                renderer.render(
                    painter, QRectF(rect.left() + k * (width + _GAP), rect.top(), width, h)
                )

        pages.place(height, draw)
        pages.space(_GAP)


def _maps(pages: _Pages, maps: Sequence[tuple[str, Path | None]]) -> None:
    """The panels two by two, at one size: their common scale stays common on paper."""
    side = (pages.content.width() - _GAP) / 2
    for start in range(0, len(maps), 2):
        row = maps[start : start + 2]

        def draw(
            painter: QPainter, rect: QRectF, row: Sequence[tuple[str, Path | None]] = row
        ) -> None:
            for k, (city, path) in enumerate(row):
                frame = QRectF(rect.left() + k * (side + _GAP), rect.top(), side, side)
                if path is None:
                    painter.setPen(QColor("#607D8B"))
                    painter.drawText(
                        frame, _("{city}: no access result for this test").format(city=city)
                    )
                    continue
                painter.drawImage(frame, QImage(str(path)))

        pages.place(side, draw)
        pages.space(_GAP)


__all__ = ["BriefParts", "PageParts", "write_brief", "write_page"]
