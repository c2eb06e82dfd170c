"""The Identify panel: the attributes of the features clicked with the Identify tool, and the
travel time from the point clicked to the nearest lab by every travel mode analysed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ccgeo.analysis.access import point_times
from ccgeo.gui.canvas.tools import Feature, number_text
from ccgeo.gui.language import QT_TR_NOOP, notifier, tr
from ccgeo.gui.panels.analysis import MODE_LABELS, QUALITY_PHRASES, mode_label
from ccgeo.gui.wording import as_plain_text, column_label, test_name
from ccgeo.labels import format_minutes, format_number
from ccgeo.model.settings import AccessSettings

if TYPE_CHECKING:
    from ccgeo.gui.panels.analysis import AnalysisController
    from ccgeo.tasks.whatif import Baseline

_FEATURE_ROLE = Qt.ItemDataRole.UserRole + 1
#: Marks the row of the travel times (its text changes with the language).
_TRAVEL_ROLE = Qt.ItemDataRole.UserRole + 2

#: The kind of a feature as its row names it (English; shown through `tr`).
_KIND_LABEL = {
    "facility": QT_TR_NOOP("Facility"),
    "road": QT_TR_NOOP("Road"),
    "district": QT_TR_NOOP("District"),
}


@dataclass(frozen=True)
class TravelLine:
    """The travel time from a point by one mode: ``mode`` label and the ``text`` shown."""

    mode: str
    text: str
    minutes: float = float("inf")
    lab_id: str | None = None


@dataclass(frozen=True)
class TravelReport:
    """The travel times from a point to the nearest lab, one line per mode analysed.

    ``heading`` says it whole ("Travel time to the nearest PCR lab"), ``detail`` what follows
    "Travel time" in the panel's row ("to the nearest PCR lab"); ``remake`` writes the report
    again in the app's language of the moment (None: it cannot be).
    """

    heading: str
    lines: tuple[TravelLine, ...] = ()
    note: str = ""
    detail: str = ""
    remake: Callable[[], TravelReport] | None = field(default=None, compare=False, repr=False)


def _mode_label(settings: AccessSettings) -> str:
    travel = settings.travel
    label = mode_label(travel.mode)
    if travel.congestion == 1:
        return label
    factor = number_text(travel.congestion, grouping=False)
    return tr("{mode}, traffic ×{factor}").format(mode=label, factor=factor)


def travel_line(baseline: Baseline, lon: float, lat: float, *, whatif: bool = False) -> TravelLine:
    """The time from ``lon``, ``lat`` (degrees) to the nearest lab of the run ``baseline``;
    with ``whatif``, of its labs as the live what-if has them (hubs added, labs closed)."""
    lonlat = np.array([[lon, lat]])
    if whatif:
        row = baseline.whatif.point_times(lonlat).iloc[0]
    else:
        row = point_times(baseline.network, baseline.result, lonlat).iloc[0]
    settings = baseline.settings
    mode = _mode_label(settings)
    if row["status"] == "off_network":
        text = tr("off the road network: more than {metres} m from a road").format(
            metres=number_text(float(row["max_snap_m"]), grouping=False)
        )
    elif row["status"] == "unreachable":
        text = tr("unreachable: no {test} lab can be reached from here").format(
            test=test_name(settings.capability)
        )
    else:
        text = tr("{minutes} to {lab} ({lab_id})").format(
            minutes=format_minutes(row["minutes"]), lab=row["lab_name"], lab_id=row["lab_id"]
        )
    return TravelLine(mode, text, float(row["minutes"]), row["lab_id"])


class TravelTimes(QObject):
    """The access runs of this session, the last one of each travel mode, for Identify.

    Runs for another test or lab quality than the last run are dropped (the point's time is to
    a lab able to do the analysed test); so are all runs when the facilities are edited (the
    analysis reruns the current mode) or another project is opened. The run the live what-if
    edits gives its times with the edits (hubs added, labs upgraded or closed).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runs: dict[str, Baseline] = {}
        # the run the live what-if edits, while it has edits (None: no edits)
        self._edited: Callable[[], Baseline | None] = lambda: None

    def follow(self, controller: AnalysisController) -> None:
        """Record the runs of ``controller`` and forget them with its project."""
        controller.runFinished.connect(self.record)
        controller.projectChanged.connect(lambda _project: self.forget())

        def edited() -> Baseline | None:
            ws = controller.workspace
            return ws.baseline if ws is not None and ws.has_edits else None

        self._edited = edited

    @property
    def modes(self) -> list[str]:
        """Travel modes with a run, in the order of the Analysis panel."""
        order = list(MODE_LABELS)
        return sorted(self._runs, key=lambda m: (order.index(m) if m in order else len(order), m))

    def record(self, baseline: Baseline) -> None:
        """Keep ``baseline`` as the run of its mode."""
        settings = baseline.settings
        self._runs = {
            mode: run
            for mode, run in self._runs.items()
            if (run.settings.capability, run.settings.quality)
            == (settings.capability, settings.quality)
        }
        self._runs[settings.travel.mode] = baseline

    def forget(self) -> None:
        """Drop every run (another project, or its facilities changed)."""
        self._runs = {}

    def report(self, lon: float, lat: float) -> TravelReport:
        """The travel time from ``lon``, ``lat`` (degrees) by every mode with a run."""
        again = partial(self.report, lon, lat)  # the same report, in a new language
        if not self._runs:
            return TravelReport(
                tr("Travel time to the nearest lab"),
                note=tr(
                    "Run the analysis (F5) to see the travel time from here to the nearest lab"
                ),
                detail=tr("to the nearest lab"),
                remake=again,
            )
        runs = [self._runs[m] for m in self.modes]
        heading, detail = _headings(runs[0].settings)
        edited = self._edited()
        lines = tuple(travel_line(b, lon, lat, whatif=b is edited) for b in runs)
        note = ""
        if edited is not None:
            mode = _mode_label(edited.settings)
            others = [line.mode for b, line in zip(runs, lines, strict=True) if b is not edited]
            if others:
                note = tr(
                    "{mode}: with the what-if edits (hubs, upgrades, closures); {others}: as run, "
                    "without them"
                ).format(mode=mode, others=", ".join(others))
            else:
                note = tr("{mode}: with the what-if edits (hubs, upgrades, closures)").format(
                    mode=mode
                )
        return TravelReport(heading, lines, note, detail, remake=again)


def _headings(settings: AccessSettings) -> tuple[str, str]:
    """The heading of the travel times to the labs of ``settings`` and the words after "Travel
    time" ("to the nearest PCR lab (in EQA or accredited)")."""
    test = test_name(settings.capability)
    if settings.quality == "any":
        return (
            tr("Travel time to the nearest {test} lab").format(test=test),
            tr("to the nearest {test} lab").format(test=test),
        )
    phrase = QUALITY_PHRASES.get(settings.quality)
    quality = tr(phrase) if phrase is not None else settings.quality
    return (
        tr("Travel time to the nearest {test} lab ({quality})").format(test=test, quality=quality),
        tr("to the nearest {test} lab ({quality})").format(test=test, quality=quality),
    )


class IdentifyPanel(QWidget):
    """Lists the features found at the last Identify click, one expandable row per feature.

    Signals
    -------
    zoomRequested(feature)
        A feature row was double-clicked: the map should show it.
    """

    zoomRequested = Signal(object)  # noqa: N815 - Qt signal naming

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(
            tr(
                "Choose the Identify tool (I) and click anywhere on the map: the features there "
                "and the travel time to the nearest lab."
            )
        )
        self.heading.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([tr("Field"), tr("Value")])
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.tree.setToolTip(tr("Double-click a feature to zoom to it"))
        self.tree.itemDoubleClicked.connect(self._on_double_click)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree, 1)
        self._features: list[Feature] = []
        #: The travel times shown with the features (None: none asked for).
        self.travel: TravelReport | None = None
        self._where = (0.0, 0.0)
        notifier().changed.connect(self.retranslate)

    def retranslate(self) -> None:
        """List the features and travel times shown again, in the app's language (it
        changed); nothing when none are shown."""
        travel = self.travel
        if not self._features and travel is None:
            return
        features = [f.remake() if f.remake is not None else f for f in self._features]
        if travel is not None and travel.remake is not None:
            travel = travel.remake()
        self.show_features(features, *self._where, travel=travel)

    @property
    def features(self) -> list[Feature]:
        """The features listed."""
        return list(self._features)

    def show_features(
        self,
        features: list[Feature],
        lon: float,
        lat: float,
        *,
        travel: TravelReport | None = None,
    ) -> None:
        """List ``features`` found at ``lon``, ``lat`` (degrees), the first one expanded, and
        the ``travel`` times from that point under them."""
        self._features = list(features)
        self.travel = travel
        self._where = (lon, lat)
        self.tree.clear()
        self.heading.setText(_heading(len(features), lon, lat, travel))
        self._add_features(features)
        if travel is not None:
            self._add_travel(travel)

    def _bold(self) -> QFont:
        bold = QFont(self.tree.font())
        bold.setBold(True)
        return bold

    def _add_features(self, features: list[Feature]) -> None:
        bold = self._bold()
        for i, feature in enumerate(features):
            kind = _KIND_LABEL.get(feature.kind)
            item = QTreeWidgetItem([tr(kind) if kind else feature.kind, feature.title])
            item.setData(0, _FEATURE_ROLE, feature)
            item.setFont(0, bold)
            item.setFont(1, bold)
            for name, value in feature.attributes:
                child = QTreeWidgetItem([column_label(name), value])
                if column_label(name) != name:
                    child.setToolTip(0, as_plain_text(name))
                child.setToolTip(1, as_plain_text(value))
                item.addChild(child)
            self.tree.addTopLevelItem(item)
            item.setExpanded(i == 0)

    def _add_travel(self, travel: TravelReport) -> None:
        item = QTreeWidgetItem([tr("Travel time"), travel.detail or travel.heading])
        item.setData(0, _TRAVEL_ROLE, True)
        item.setToolTip(1, travel.heading)
        item.setFont(0, self._bold())
        item.setFont(1, self._bold())
        for line in travel.lines:
            child = QTreeWidgetItem([line.mode, line.text])
            child.setToolTip(1, as_plain_text(line.text))
            item.addChild(child)
        if travel.note:
            note = QTreeWidgetItem([tr("Note"), travel.note])
            note.setToolTip(1, travel.note)
            item.addChild(note)
        self.tree.addTopLevelItem(item)
        item.setExpanded(True)

    def travel_rows(self) -> dict[str, str]:
        """The travel rows as shown in the tree: mode (or "Note") → text."""
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, _TRAVEL_ROLE):
                return {
                    item.child(j).text(0): item.child(j).text(1) for j in range(item.childCount())
                }
        return {}

    def values(self, index: int = 0) -> dict[str, str]:
        """The attributes of the ``index``-th feature listed, as shown."""
        return dict(self._features[index].attributes)

    def _on_double_click(self, item: QTreeWidgetItem, _column: int) -> None:
        while item.parent() is not None:
            item = item.parent()
        feature = item.data(0, _FEATURE_ROLE)
        if feature is not None:
            self.zoomRequested.emit(feature)


def _heading(count: int, lon: float, lat: float, travel: TravelReport | None) -> str:
    """What the panel lists: ``count`` features at ``lon``, ``lat`` (degrees), or nothing."""
    where = tr("Lon {lon}°  Lat {lat}°").format(
        lon=format_number(lon, decimals=5, grouping=False),
        lat=format_number(lat, decimals=5, grouping=False),
    )
    if count == 0 and travel is not None and travel.lines:
        return tr("No map feature here ({where}).").format(where=where)
    if count == 0:
        return tr("Nothing here ({where}).").format(where=where)
    if count == 1:  # counts from 1 up: "one" is 1 alone in English, Spanish, Portuguese, French
        return tr("1 feature at {where}").format(where=where)
    return tr("{count} features at {where}").format(count=count, where=where)
