"""The results dock: the what-if change in big type, coverage by district, a bar chart of the
share covered, and the ranked underserved areas (click one to zoom the map to it).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ccgeo.analysis.access import CITY_ID
from ccgeo.gui.charts import BarChart
from ccgeo.gui.language import QT_TR_NOOP, notifier, tr
from ccgeo.gui.panels.widgets import stack_parts
from ccgeo.labels import format_number, format_people, format_share, format_threshold
from ccgeo.render.layers import padded

if TYPE_CHECKING:
    from ccgeo.gui.panels.analysis import AnalysisController
    from ccgeo.gui.panels.widgets import RunBox
    from ccgeo.gui.workers import Worker

#: The Lancet Commission on Global Surgery target: 80 % of people within 2 h (DOMAIN.md).
LANCET_TARGET = (120.0, 0.8)
#: What the chart says when the project has no districts to compare.
NO_DISTRICTS = QT_TR_NOOP(
    "This chart compares districts, and the project has none: import them with "
    "File ▸ Import ▸ Districts… to see the coverage of each."
)

COVERAGE_HEADERS = (
    QT_TR_NOOP("District"),
    QT_TR_NOOP("Within (min)"),
    QT_TR_NOOP("People"),
    QT_TR_NOOP("Covered"),
    QT_TR_NOOP("Share"),
    QT_TR_NOOP("Beyond"),
    QT_TR_NOOP("Unreachable"),
    QT_TR_NOOP("Off-network"),
)
AREA_HEADERS = (
    QT_TR_NOOP("Rank"),
    QT_TR_NOOP("People"),
    QT_TR_NOOP("Area (km²)"),
    QT_TR_NOOP("Nearest lab"),
)


def set_headers(table: QTableWidget, headers: tuple[str, ...]) -> None:
    """Give ``table`` the columns ``headers`` (English, marked with `QT_TR_NOOP`), in the app's
    language."""
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels([tr(h) for h in headers])


def plain_number(value: float) -> str:
    """``value`` with the digits ``:g`` gives it and the separators of the app's language:
    ``1.5`` → ``"1.5"``, ``"1,5"`` in Portuguese; ``60.0`` → ``"60"``."""
    text = f"{value:g}"
    if "e" in text or "n" in text:  # 1e+06, inf, nan
        return text
    decimals = len(text.split(".")[1]) if "." in text else 0
    return format_number(value, decimals=decimals, grouping=False)


class _NumberItem(QTableWidgetItem):
    """A cell shown as formatted text that sorts by its number."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine = self.data(Qt.ItemDataRole.UserRole)
        theirs = other.data(Qt.ItemDataRole.UserRole)
        if mine is None or theirs is None:
            return super().__lt__(other)
        return float(mine) < float(theirs)


def number_item(value: float, text: str | None = None) -> QTableWidgetItem:
    """A right-aligned cell that sorts by ``value``."""
    item = _NumberItem()
    item.setData(Qt.ItemDataRole.DisplayRole, text if text is not None else format_number(value))
    item.setData(Qt.ItemDataRole.UserRole, float(value))
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


def optional_number(
    value: float, fmt: Callable[[float], str] | None = None, *, missing: str | None = None
) -> QTableWidgetItem:
    """A number cell formatted by ``fmt``, or ``missing`` (sorting first; None: "unknown")
    when NaN."""
    if math.isfinite(value):
        return number_item(value, fmt(value) if fmt is not None else None)
    return number_item(-1.0, tr("unknown") if missing is None else missing)


def text_item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


def share_text(share: float) -> str:
    """``0.6815`` → ``"68.2 %"``; NaN → ``"no people"``."""
    return format_share(share, missing=tr("no people"))


class RunState:
    """What a panel's `RunBox` said last (done, cancelled, failed, saved with the project), to
    say it again in the language chosen now."""

    def __init__(self, runbox: RunBox) -> None:
        self.runbox = runbox
        self._say: Callable[[], None] | None = None

    def started(self, worker: Worker | None) -> None:
        """A run began (`RunBox.started`)."""
        self._say = None
        self.runbox.started(worker)

    def ended(self, text: Callable[[], str], *, error: str = "") -> None:
        """A run ended: ``text()`` on the state line (`RunBox.ended`)."""
        self._say = lambda: self.runbox.ended(text(), error=error)
        self._say()

    def saved(self, made_at: str, *, stale: bool) -> None:
        """The result shown was saved with the project (`RunBox.show_saved`)."""
        self._say = partial(self.runbox.show_saved, made_at, stale=stale)
        self._say()

    def again(self) -> None:
        """Say the last state again, in the app's language now (not while a run is under
        way); the Run button stays as it is."""
        if self._say is None or self.runbox.cancel_button.isEnabled():
            return
        enabled = self.runbox.run_button.isEnabled()
        self._say()
        self.runbox.run_button.setEnabled(enabled)


class ResultsPanel(QWidget):
    """Shows the numbers of the controller's workspace; refreshed after every run and edit."""

    def __init__(self, controller: AnalysisController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.headline = QLabel(tr("No analysis yet: set the test and press Run (F5)."))
        self.headline.setWordWrap(True)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() * 1.6, 14.0))
        font.setBold(True)
        self.headline.setFont(font)
        self.headline.setToolTip(tr("Coverage of the whole area, and its change from the baseline"))
        self.detail = QLabel("")
        self.detail.setWordWrap(True)
        self.threshold = QComboBox()
        self.threshold.setToolTip(tr("Threshold of the bar chart"))
        self.chart = BarChart()
        self.chart.setToolTip(tr("Share of each district's people within the threshold"))
        self.table = QTableWidget(0, len(COVERAGE_HEADERS))
        set_headers(self.table, COVERAGE_HEADERS)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setToolTip(tr("People within each threshold, by district (inclusive: ≤ T)"))
        self.areas = QTableWidget(0, len(AREA_HEADERS))
        set_headers(self.areas, AREA_HEADERS)
        self.areas.verticalHeader().hide()
        self.areas.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.areas.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.areas.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.areas.setToolTip(tr("Underserved areas, most people first: click one to zoom to it"))
        self.areas_title = QLabel(tr("Underserved areas"))
        self.areas_title.setWordWrap(True)  # "beyond 60 min, 3 areas, 835,774 people"

        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Chart threshold")))
        top.addWidget(self.threshold, 1)
        chart_box = QWidget()
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addLayout(top)
        chart_layout.addWidget(self.chart, 1)
        areas_box = QWidget()
        areas_layout = QVBoxLayout(areas_box)
        areas_layout.setContentsMargins(0, 0, 0, 0)
        areas_layout.addWidget(self.areas_title)
        areas_layout.addWidget(self.areas)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(chart_box)
        split.addWidget(self.table)
        split.addWidget(areas_box)
        for i, stretch in enumerate((3, 2, 2)):
            split.setStretchFactor(i, stretch)
        # in a scroll area: a short dock scrolls instead of making the window taller
        stack_parts(self, [self.headline, self.detail, split])

        self.threshold.currentIndexChanged.connect(self._refresh_chart)
        self.areas.cellClicked.connect(lambda row, _col: self.zoom_to_area(row))
        self.chart.barClicked.connect(self._select_district)
        controller.coverageChanged.connect(self.refresh)
        notifier().changed.connect(self.retranslate)
        self._coverage: pd.DataFrame | None = None

    # -- refresh -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Write the headers, lines, cells and chart again in the language chosen now."""
        set_headers(self.table, COVERAGE_HEADERS)
        set_headers(self.areas, AREA_HEADERS)
        self.refresh()

    def refresh(self) -> None:
        """Read the workspace again and show its numbers."""
        ws = self.controller.workspace
        if ws is None or ws.baseline is None:
            self._coverage = None
            self.headline.setText(tr("No analysis yet: set the test and press Run (F5)."))
            self.detail.setText("")
            self.table.setRowCount(0)
            self.areas.setRowCount(0)
            self.areas_title.setText(tr("Underserved areas"))
            self.threshold.blockSignals(True)
            self.threshold.clear()
            self.threshold.blockSignals(False)
            self.chart.set_data([], [])
            return
        coverage = ws.coverage()
        self._coverage = coverage
        lines = self.headline_lines()
        self.headline.setText(lines[0])
        self.detail.setText("\n".join(lines[1:]))
        self._fill_table(coverage)
        self._fill_thresholds(coverage)
        self._refresh_chart()
        self._fill_areas()

    def headline_lines(self) -> list[str]:
        """The line of the underserved threshold first (shown big), then the others.

        With what-if edits each line is the change from the baseline ("+184,000 people within
        60 min"); without, the coverage itself.
        """
        ws = self.controller.workspace
        assert ws is not None
        delta = ws.delta()
        if ws.has_edits:
            lines = ws.delta_lines()
        else:
            lines = [
                tr("{share} within {minutes} ({people} people)").format(
                    share=share_text(r.share),
                    minutes=format_threshold(r.threshold_min),
                    people=format_people(r.covered),
                )
                for r in delta.itertuples(index=False)
            ]
        key = delta["threshold_min"].to_numpy() == ws.settings.underserved_minutes
        first = int(key.argmax()) if key.any() else 0
        return [lines[first], *(line for i, line in enumerate(lines) if i != first)]

    def _fill_table(self, coverage: pd.DataFrame) -> None:
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(coverage))
        for i, r in enumerate(coverage.itertuples(index=False)):
            name = str(r.district_name)
            cells = [
                text_item(name),
                number_item(r.threshold_min, plain_number(r.threshold_min)),
                number_item(r.population),
                number_item(r.covered),
                number_item(-1.0 if math.isnan(r.share) else r.share, share_text(r.share)),
                number_item(r.beyond),
                number_item(r.unreachable),
                number_item(r.off_network),
            ]
            for j, item in enumerate(cells):
                if r.district_id == CITY_ID:
                    f = item.font()
                    f.setBold(True)
                    item.setFont(f)
                self.table.setItem(i, j, item)
        self.table.setSortingEnabled(True)

    def _fill_thresholds(self, coverage: pd.DataFrame) -> None:
        values = sorted(set(coverage["threshold_min"].astype(float)))
        current = self.threshold.currentData()
        self.threshold.blockSignals(True)
        self.threshold.clear()
        for t in values:
            self.threshold.addItem(format_threshold(t), t)
        pick = current if current in values else (60.0 if 60.0 in values else values[-1])
        self.threshold.setCurrentIndex(values.index(pick))
        self.threshold.blockSignals(False)

    def chart_rows(self) -> pd.DataFrame:
        """The district rows of the chosen threshold (what the chart shows)."""
        cov = self._coverage
        if cov is None or self.threshold.currentData() is None:
            return pd.DataFrame()
        t = float(self.threshold.currentData())
        rows = cov[(cov["threshold_min"] == t) & (cov["district_id"] != CITY_ID)]
        return rows[rows["district_id"] != ""].reset_index(drop=True)

    def _refresh_chart(self) -> None:
        rows = self.chart_rows()
        if rows.empty:
            why = "" if self._coverage is None else NO_DISTRICTS
            self.chart.set_data([], [], empty_text=tr(why) if why else "")
            return
        t = float(self.threshold.currentData())
        target = LANCET_TARGET[1] if t == LANCET_TARGET[0] else None
        self.chart.set_data(
            rows["district_name"].astype(str).tolist(),
            rows["share"].to_numpy(dtype=float).tolist(),
            title=tr("Share of people within {minutes}, by district").format(
                minutes=format_threshold(t)
            ),
            target=target,
        )

    def _fill_areas(self) -> None:
        frame = self.controller.underserved_frame()
        if frame is None:
            self.areas.setRowCount(0)
            self.areas_title.setText(tr("Underserved areas"))
            return
        ws = self.controller.workspace
        minutes = ws.settings.underserved_minutes if ws is not None else 60.0
        people = float(frame["population"].sum()) if len(frame) else 0.0
        self.areas_title.setText(
            tr(
                "Underserved areas: beyond {minutes}, %n areas, {people} people", "", len(frame)
            ).format(minutes=format_threshold(minutes), people=format_people(people))
        )
        self.areas.setRowCount(len(frame))
        for i, r in enumerate(frame.itertuples(index=False)):
            self.areas.setItem(i, 0, number_item(r.rank, f"#{r.rank}"))
            self.areas.setItem(i, 1, number_item(r.population))
            self.areas.setItem(i, 2, number_item(r.area_km2, format_number(r.area_km2, decimals=1)))
            self.areas.setItem(i, 3, text_item(str(r.nearest_lab)))

    # -- navigation ----------------------------------------------------------------------------

    def zoom_to_area(self, row: int) -> None:
        """Zoom the map to underserved area ``row`` (0 = rank 1) and outline it."""
        layer = self.controller.underserved
        if layer is None:
            return
        extent = layer.area_extent(row)
        if extent is None:
            return
        span = max(extent[2] - extent[0], extent[3] - extent[1], 500.0)
        self.controller.window.canvas.zoom_to_extent(padded(extent, 0.25 * span))
        layer.highlight(row)
        self.areas.selectRow(row)

    def _select_district(self, index: int) -> None:
        rows = self.chart_rows()
        if not 0 <= index < len(rows):
            return
        name = str(rows["district_name"].iloc[index])
        t = float(self.threshold.currentData())
        for i in range(self.table.rowCount()):
            name_item, t_item = self.table.item(i, 0), self.table.item(i, 1)
            if (
                name_item is not None
                and t_item is not None
                and name_item.text() == name
                and np.isclose(float(t_item.data(Qt.ItemDataRole.UserRole)), t)
            ):
                self.table.selectRow(i)
                self.table.scrollToItem(name_item)
                return
