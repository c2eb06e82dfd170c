"""The Identify panel: the attributes of the features clicked with the Identify tool, and the
travel time from the point clicked to the nearest lab by every travel mode analysed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
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
from ccgeo.gui.canvas.tools import Feature
from ccgeo.gui.panels.analysis import MODE_LABELS, QUALITY_LABELS
from ccgeo.gui.wording import as_plain_text
from ccgeo.labels import format_minutes
from ccgeo.model.settings import AccessSettings

if TYPE_CHECKING:
    from ccgeo.gui.panels.analysis import AnalysisController
    from ccgeo.tasks.whatif import Baseline

_FEATURE_ROLE = Qt.ItemDataRole.UserRole + 1

_KIND_LABEL = {"facility": "Facility", "road": "Road", "district": "District"}


@dataclass(frozen=True)
class TravelLine:
    """The travel time from a point by one mode: ``mode`` label and the ``text`` shown."""

    mode: str
    text: str
    minutes: float = float("inf")
    lab_id: str | None = None


@dataclass(frozen=True)
class TravelReport:
    """The travel times from a point to the nearest lab, one line per mode analysed."""

    heading: str
    lines: tuple[TravelLine, ...] = ()
    note: str = ""


def _mode_label(settings: AccessSettings) -> str:
    travel = settings.travel
    label = MODE_LABELS.get(travel.mode, travel.mode)
    return f"{label}, traffic ×{travel.congestion:g}" if travel.congestion != 1 else label


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
        text = f"off the road network: more than {row['max_snap_m']:g} m from a road"
    elif row["status"] == "unreachable":
        text = f"unreachable: no {settings.capability.upper()} lab can be reached from here"
    else:
        text = f"{format_minutes(row['minutes'])} to {row['lab_name']} ({row['lab_id']})"
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
        if not self._runs:
            return TravelReport(
                "Travel time to the nearest lab",
                note="Run the analysis (F5) to see the travel time from here to the nearest lab",
            )
        runs = [self._runs[m] for m in self.modes]
        settings = runs[0].settings
        quality = QUALITY_LABELS.get(settings.quality, settings.quality).lower()
        quality = "" if settings.quality == "any" else f" ({quality})"
        heading = f"Travel time to the nearest {settings.capability.upper()} lab{quality}"
        edited = self._edited()
        lines = tuple(travel_line(b, lon, lat, whatif=b is edited) for b in runs)
        note = ""
        if edited is not None:
            others = [line.mode for b, line in zip(runs, lines, strict=True) if b is not edited]
            note = (
                f"{_mode_label(edited.settings)}: with the what-if edits (hubs, upgrades, closures)"
            )
            if others:
                note += f"; {', '.join(others)}: as run, without them"
        return TravelReport(heading, lines, note)


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
            "Choose the Identify tool (I) and click anywhere on the map: the features there and "
            "the travel time to the nearest lab."
        )
        self.heading.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Field", "Value"])
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.tree.setToolTip("Double-click a feature to zoom to it")
        self.tree.itemDoubleClicked.connect(self._on_double_click)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree, 1)
        self._features: list[Feature] = []
        #: The travel times shown with the features (None: none asked for).
        self.travel: TravelReport | None = None

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
        self.tree.clear()
        where = f"Lon {lon:.5f}°  Lat {lat:.5f}°"
        if not features:
            nothing = (
                "No map feature here" if travel is not None and travel.lines else "Nothing here"
            )
            self.heading.setText(f"{nothing} ({where}).")
        else:
            count = f"{len(features)} feature{'s' if len(features) > 1 else ''}"
            self.heading.setText(f"{count} at {where}")
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
            item = QTreeWidgetItem([_KIND_LABEL.get(feature.kind, feature.kind), feature.title])
            item.setData(0, _FEATURE_ROLE, feature)
            item.setFont(0, bold)
            item.setFont(1, bold)
            for name, value in feature.attributes:
                child = QTreeWidgetItem([name, value])
                child.setToolTip(1, as_plain_text(value))
                item.addChild(child)
            self.tree.addTopLevelItem(item)
            item.setExpanded(i == 0)

    def _add_travel(self, travel: TravelReport) -> None:
        item = QTreeWidgetItem(["Travel time", travel.heading.removeprefix("Travel time ")])
        item.setToolTip(1, travel.heading)
        item.setFont(0, self._bold())
        item.setFont(1, self._bold())
        for line in travel.lines:
            child = QTreeWidgetItem([line.mode, line.text])
            child.setToolTip(1, as_plain_text(line.text))
            item.addChild(child)
        if travel.note:
            note = QTreeWidgetItem(["Note", travel.note])
            note.setToolTip(1, travel.note)
            item.addChild(note)
        self.tree.addTopLevelItem(item)
        item.setExpanded(True)

    def travel_rows(self) -> dict[str, str]:
        """The travel rows as shown in the tree: mode (or "Note") → text."""
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.text(0) == "Travel time":
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
