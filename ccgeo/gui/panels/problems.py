"""The Problems tab of the attribute table: every data note behind the results, and the way to
the facility a note is about.

It lists what `ccgeo.report.notes.data_notes` finds (the same notes as ``summary.json``, the HTML
map's "Data notes" panel and the PDF's page): facility rows rejected, changed or flagged on
import, where the population file's people went, and what the last analysis could not use.
Double-clicking a row about an imported facility (or pressing Enter on it) shows that facility:
the Facilities tab with its row selected, and the map centred on it.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget

from ccgeo.gui.language import QT_TR_NOOP, notifier, tr
from ccgeo.gui.panels.attributes import DataFrameModel, table_view
from ccgeo.labels import format_count
from ccgeo.report.notes import DataNote, severity_label

#: Columns of the table, by note attribute, with their headers (English; shown through `tr`).
COLUMNS: dict[str, str] = {
    "source": QT_TR_NOOP("File"),
    "row": QT_TR_NOOP("Row"),
    "kind": QT_TR_NOOP("What"),
    "text": QT_TR_NOOP("Problem"),
    "fix": QT_TR_NOOP("How to fix it"),
    "facility_id": QT_TR_NOOP("Facility"),
}

#: What a note without a file is about, by its topic (English; shown through `tr`).
TOPICS: dict[str, str] = {
    "facilities": QT_TR_NOOP("facilities"),
    "population": QT_TR_NOOP("population"),
    "analysis": QT_TR_NOOP("analysis"),
}


def _topic(topic: str) -> str:
    return tr(TOPICS[topic]) if topic in TOPICS else topic


def notes_frame(notes: Sequence[DataNote]) -> pd.DataFrame:
    """The notes as the table shows them (one row each, in the given order)."""
    return pd.DataFrame(
        {
            "source": [n.source or _topic(n.topic) for n in notes],
            "row": pd.array([n.row for n in notes], dtype="Int64"),
            "kind": [severity_label(n.severity) for n in notes],
            "text": [n.text for n in notes],
            "fix": [n.fix for n in notes],
            "facility_id": [n.facility_id or "" for n in notes],
        },
        columns=list(COLUMNS),
    )


class ProblemsView(QWidget):
    """The data notes in a table, with a one-line count above it.

    Signals
    -------
    facilityRequested(facility_id)
        A note about an imported facility was double-clicked (or Enter was pressed on it).
    """

    facilityRequested = Signal(str)  # noqa: N815 - Qt signal naming

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = DataFrameModel(parent=self)
        self.view: QTableView = table_view()
        self.view.setModel(self.model)
        self.view.setSortingEnabled(False)  # serious first, as the notes come
        self.view.setWordWrap(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setToolTip(
            tr(
                "What the data lacked or what ccgeo changed; double-click a row about a "
                "facility to show it in the table and on the map"
            )
        )
        self.view.activated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        self.notes: list[DataNote] = []
        self.set_notes([])
        notifier().changed.connect(self.retranslate)

    def retranslate(self) -> None:
        """Write the table and the count again in the app's language (it changed)."""
        self.set_notes(self.notes)

    def set_notes(self, notes: Sequence[DataNote]) -> None:
        """Show ``notes`` (from `ccgeo.report.notes.data_notes`)."""
        self.notes = list(notes)
        self.model.set_frame(notes_frame(self.notes), headers=COLUMNS)
        self.view.resizeColumnsToContents()
        self.summary.setText(_count_text(self.notes))

    def _activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        if not index.isValid():
            return
        facility_id = self.notes[index.row()].facility_id
        if facility_id:
            self.facilityRequested.emit(str(facility_id))


def _count_text(notes: Sequence[DataNote]) -> str:
    """``"7 notes: 2 rows not imported, 1 changed on import, ..."``, or that there are none."""
    counts: dict[str, int] = {}
    for note in notes:
        if note.severity != "info":
            label = severity_label(note.severity)
            counts[label] = counts.get(label, 0) + 1
    if not notes:
        return tr("No data notes: import data and run an analysis to see what they hold.")
    if not counts:
        return tr("Nothing to review; where the people and facility rows went is listed below.")
    parts = ", ".join(
        tr("{count} {what}", "a number of data notes and what they are").format(
            count=format_count(n), what=label
        )
        for label, n in counts.items()
    )
    return tr("To review: {notes}. Double-click a row about a facility to show it.").format(
        notes=parts
    )
