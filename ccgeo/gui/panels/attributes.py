"""The attribute tables: facilities (sortable, filterable, editable with undo), districts, import
reports."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ccgeo.errors import InputError
from ccgeo.gui.canvas.tools import FacilitySelection, number_text
from ccgeo.gui.language import notifier, tr
from ccgeo.gui.wording import as_plain_text, column_label, test_name, value_label, yes_no
from ccgeo.i18n import babel_locale, current_language
from ccgeo.labels import format_count
from ccgeo.model.facilities import Facilities
from ccgeo.model.reports import ImportReport
from ccgeo.model.schema import ACCREDITATIONS, CAPABILITIES, EQA_LEVELS

#: Role giving the raw value a column sorts by (numbers as numbers, not as text).
SORT_ROLE = Qt.ItemDataRole.UserRole + 1

#: Columns of the facility table whose cells can be edited, with the values a combo offers.
CHOICES: dict[str, tuple[str, ...]] = {"eqa": EQA_LEVELS, "accreditation": ACCREDITATIONS}

#: The capacity column, edited as a number of tests per year (blank: unknown).
CAPACITY = "capacity_tests_per_year"

#: Edits of these columns change which labs count in an analysis.
ANALYSIS_COLUMNS: frozenset[str] = frozenset((*CAPABILITIES, *CHOICES))

#: Import-report severities in the order a reviewer works through them.
SEVERITY_ORDER: tuple[str, ...] = ("doubtful", "rejected", "warning", "fixed")

_REVIEW_BRUSH = QBrush(QColor(255, 236, 179))
_Index = QModelIndex | QPersistentModelIndex


def _cell_text(value: Any) -> str:
    """A cell as the tables show it: numbers with the separators of the app's language."""
    if value is None:
        return ""
    if isinstance(value, (bool, np.bool_)):
        return yes_no(value)
    if isinstance(value, (float, np.floating)):
        if np.isnan(value):
            return ""
        return number_text(float(value))
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def _sort_key(value: Any) -> Any:
    """A value Qt can compare across rows: numbers stay numbers, missing sorts first."""
    if isinstance(value, (bool, np.bool_)):
        return int(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return float(value) if np.isfinite(value) else float("-inf")
    return _cell_text(value).casefold()


class DataFrameModel(QAbstractTableModel):
    """A read-only Qt table over a pandas DataFrame (the geometry column is left out).

    Parameters
    ----------
    frame
        The table shown; cells are displayed as text, sorted by value (`SORT_ROLE`).
    headers
        Optional header text per column, in English (shown through `tr`); the default is the
        column's label (`ccgeo.gui.wording.column_label`: a column of ccgeo's own in words, the
        planner's own as named). A header in another words than the column's name has the name
        as its tooltip.
    """

    def __init__(
        self,
        frame: pd.DataFrame | None = None,
        *,
        headers: dict[str, str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._frame = pd.DataFrame()
        self._columns: list[str] = []
        self._values: list[np.ndarray] = []
        self._headers = dict(headers or {})
        self.set_frame(frame if frame is not None else pd.DataFrame())
        notifier().changed.connect(self.retranslate)

    def retranslate(self) -> None:
        """Show the headers and cells again in the app's language (it changed)."""
        if not self._columns:
            return
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        if len(self._frame):
            last = self.index(len(self._frame) - 1, len(self._columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    @property
    def frame(self) -> pd.DataFrame:
        """The table shown."""
        return self._frame

    @property
    def columns(self) -> list[str]:
        """Column names, in display order."""
        return list(self._columns)

    def set_frame(self, frame: pd.DataFrame, *, headers: dict[str, str] | None = None) -> None:
        """Show another table."""
        self.beginResetModel()
        self._frame = frame
        self._columns = [str(c) for c in frame.columns if str(c) != "geometry"]
        self._values = [frame[c].to_numpy(dtype=object) for c in frame.columns if c != "geometry"]
        if headers is not None:
            self._headers = dict(headers)
        self.endResetModel()

    def set_headers(self, headers: dict[str, str]) -> None:
        """Replace the header texts (column name → text)."""
        self._headers = dict(headers)
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)

    def column_index(self, name: str) -> int:
        """Position of column ``name``."""
        return self._columns.index(name)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        """Number of rows."""
        return 0 if parent.isValid() else len(self._frame)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        """Number of columns shown."""
        return 0 if parent.isValid() else len(self._columns)

    def raw(self, row: int, column: int) -> Any:
        """The value of a cell as stored."""
        return self._values[column][row]

    def text(self, row: int, column: int) -> str:
        """The text of a cell as shown (ccgeo's own values in the app's language)."""
        value = self._values[column][row]
        return value_label(self._columns[column], _cell_text(value))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, tooltip, or sort key."""
        if not index.isValid():
            return None
        value = self._values[index.column()][index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(index.row(), index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return as_plain_text(self.text(index.row(), index.column()))
        if role == SORT_ROLE:
            return _sort_key(value)
        return None

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column headers across (their names as tooltips), row numbers down."""
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self._columns):
                return None
            name = self._columns[section]
            header = self._headers.get(name)
            shown = tr(header) if header is not None else column_label(name)
            if role == Qt.ItemDataRole.ToolTipRole:
                return as_plain_text(name) if shown != name else None
            return shown
        return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None


def parse_capacity(value: Any) -> float:
    """A capacity typed in the table: tests per year, 0 or more; blank is unknown (NaN).

    Read as the app's language writes numbers: ``"12,000"`` and ``"12 000"`` are 12000 in
    English, ``"12.000"`` is 12000 and ``"12,5"`` is 12.5 in Spanish or Portuguese.

    Raises
    ------
    InputError
        For text that is not a number, a negative or an infinite number.
    """
    text = str(value if value is not None else "").strip()
    if not text:
        return float("nan")
    try:
        number = _typed_number(text)
    except ValueError:
        msg = tr(
            "capacity should be a number of tests per year, got {text}; type digits only "
            "(or leave the cell blank when it is not known)"
        ).format(text=repr(text))
        raise InputError(msg) from None
    if not np.isfinite(number) or number < 0:
        msg = tr(
            "capacity should be 0 or more tests per year, got {text}; type a number ≥ 0"
        ).format(text=text)
        raise InputError(msg)
    return number


def _typed_number(text: str) -> float:
    """The number ``text`` typed in the app's language (ValueError when it is not one)."""
    digits = "".join(text.split()).replace("_", "")
    if current_language() == "en":
        return float(digits.replace(",", ""))
    from babel.numbers import NumberFormatError, parse_decimal

    try:
        return float(parse_decimal(digits, locale=babel_locale(), strict=False))
    except NumberFormatError:
        raise ValueError(text) from None


def _same(old: Any, new: Any) -> bool:
    """Equal values, NaN equal to NaN (a blank capacity typed over a blank one)."""
    both_nan = isinstance(old, float) and isinstance(new, float) and np.isnan(old) and np.isnan(new)
    return bool(both_nan or old == new)


class CellEdit(QUndoCommand):
    """One edited cell of the facility table, undoable; does nothing once the table is replaced."""

    def __init__(self, model: FacilityTableModel, row: int, column: str, old: Any, new: Any):
        facilities = model.facilities
        assert facilities is not None  # an edit needs a table
        fid = facilities.gdf["facility_id"].iloc[row]
        text = tr("Edit {facility} {column}: {old} → {new}").format(
            facility=fid,
            column=column_label(column),
            old=value_label(column, _cell_text(old)),
            new=value_label(column, _cell_text(new)),
        )
        super().__init__(text)
        self.model, self.facilities = model, facilities
        self.row, self.column, self.old, self.new = row, column, old, new

    def redo(self) -> None:
        """Write the new value."""
        if self.model.facilities is self.facilities:
            self.model.write(self.row, self.column, self.new)

    def undo(self) -> None:
        """Write the old value back."""
        if self.model.facilities is self.facilities:
            self.model.write(self.row, self.column, self.old)


class FacilityTableModel(DataFrameModel):
    """The project's facilities, editable where an edit means something to the analysis.

    Capabilities and the review flag are checkboxes; ``eqa`` and ``accreditation`` take one of
    their allowed values; the capacity is a number of tests per year (0 or more, blank when
    unknown). An edit writes into ``facilities.gdf`` at once, as one step of ``undo_stack``
    when the model has one; a value that is not allowed is refused (`refused`).

    Signals
    -------
    edited(row, column, old, new)
        After a cell was changed (an edit, its undo or its redo): positional row, column name,
        old and new values.
    refused(message)
        A value was not written: what was expected, what arrived, what to type.
    """

    edited = Signal(int, str, object, object)
    refused = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent=parent)
        self.facilities: Facilities | None = None
        self.undo_stack: QUndoStack | None = None
        self._review = np.zeros(0, dtype=bool)

    def set_facilities(self, facilities: Facilities | None) -> None:
        """Show ``facilities`` (None: an empty table)."""
        self.facilities = facilities
        if facilities is None:
            self._review = np.zeros(0, dtype=bool)
            self.set_frame(pd.DataFrame())
            return
        gdf = facilities.gdf
        self._review = gdf["review"].to_numpy(dtype=bool).copy()
        self.set_frame(pd.DataFrame(gdf.drop(columns=gdf.geometry.name)))

    def _column(self, index: _Index) -> str:
        return self._columns[index.column()]

    def flags(self, index: _Index) -> Qt.ItemFlag:
        """Checkboxes for booleans; eqa, accreditation and capacity editable; the rest read-only."""
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return base
        column = self._column(index)
        if column in CAPABILITIES or column == "review":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if column in CHOICES or column == CAPACITY:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Checkbox state for booleans; a highlight for rows flagged for review."""
        if not index.isValid():
            return None
        column = self._column(index)
        value = self._values[index.column()][index.row()]
        checkable = column in CAPABILITIES or column == "review"
        if checkable and role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if bool(value) else Qt.CheckState.Unchecked
        if checkable and role == Qt.ItemDataRole.DisplayRole:
            return ""
        if role == Qt.ItemDataRole.EditRole and column in CHOICES:
            return _cell_text(value)
        if role == Qt.ItemDataRole.EditRole and column == CAPACITY:
            return "" if _cell_text(value) == "" else f"{float(value):g}"
        if role == Qt.ItemDataRole.BackgroundRole and self._review[index.row()]:
            return _REVIEW_BRUSH
        if role == Qt.ItemDataRole.ToolTipRole and self._review[index.row()]:
            text = self.text(index.row(), index.column())
            return as_plain_text(tr("{value}\n(flagged for review)").format(value=text))
        return super().data(index, role)

    def setData(  # noqa: N802 - Qt API
        self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        """Check an edited value and write it as one undoable step; a bad value is `refused`."""
        if not index.isValid() or self.facilities is None:
            return False
        column = self._column(index)
        try:
            new = self._checked(column, value, role)
        except InputError as exc:
            self.refused.emit(str(exc))
            return False
        if new is None:
            return False
        row = index.row()
        old = self._values[index.column()][row]
        if _same(old, new):
            return False
        if self.undo_stack is not None:
            self.undo_stack.push(CellEdit(self, row, column, old, new))
        else:
            self.write(row, column, new)
        return True

    def _checked(self, column: str, value: Any, role: int) -> Any:
        """The value to write, None when the cell does not take this kind of edit."""
        if column in CAPABILITIES or column == "review":
            if role != Qt.ItemDataRole.CheckStateRole:
                return None
            return Qt.CheckState(value) == Qt.CheckState.Checked
        if role != Qt.ItemDataRole.EditRole:
            return None
        if column in CHOICES:
            if str(value) not in CHOICES[column]:
                allowed = ", ".join(value_label(column, c) for c in CHOICES[column])
                msg = tr("{column} should be one of {allowed}, got {value}; pick one in the list")
                raise InputError(
                    msg.format(column=column_label(column), allowed=allowed, value=repr(value))
                )
            return str(value)
        if column == CAPACITY:
            return parse_capacity(value)
        return None

    def write(self, row: int, column: str, value: Any) -> None:
        """Write ``value`` into cell ``row``, ``column`` of the table and emit `edited`."""
        assert self.facilities is not None  # callers check
        j = self.column_index(column)
        old = self._values[j][row]
        gdf = self.facilities.gdf
        gdf.iloc[row, gdf.columns.get_loc(column)] = value
        self._values[j][row] = value
        if column == "review":
            self._review[row] = bool(value)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._columns) - 1))
        else:
            self.dataChanged.emit(self.index(row, j), self.index(row, j))
        self.edited.emit(row, column, old, value)


class FacilityFilterProxy(QSortFilterProxyModel):
    """Filters facility rows by text (id or name), by a capability, and by the review flag."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._text = ""
        self._capability: str | None = None
        self._review_only = False

    def set_text(self, text: str) -> None:
        """Keep rows whose id or name contains ``text`` (case-insensitive)."""
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_capability(self, capability: str | None) -> None:
        """Keep rows able to do ``capability`` (None: all)."""
        self.beginFilterChange()
        self._capability = capability
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_review_only(self, review_only: bool) -> None:
        """Keep only rows flagged for review."""
        self.beginFilterChange()
        self._review_only = bool(review_only)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802
        """Apply the three filters."""
        model = self.sourceModel()
        if not isinstance(model, DataFrameModel):
            return True
        columns = model.columns

        def value(name: str) -> Any:
            return model.raw(source_row, columns.index(name)) if name in columns else None

        if self._review_only and not bool(value("review")):
            return False
        if self._capability is not None and not bool(value(self._capability)):
            return False
        if self._text:
            haystack = f"{_cell_text(value('facility_id'))}\n{_cell_text(value('name'))}"
            return self._text in haystack.casefold()
        return True


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box editor offering the allowed values of a column, each shown in the app's
    language (`ccgeo.gui.wording.value_label` of ``column``)."""

    def __init__(
        self, choices: tuple[str, ...], parent: QObject | None = None, *, column: str = ""
    ) -> None:
        super().__init__(parent)
        self.choices = choices
        self.column = column

    def createEditor(  # noqa: N802 - Qt API
        self, parent: QWidget, option: QStyleOptionViewItem, index: _Index
    ) -> QWidget:
        """A combo box of `choices`."""
        combo = QComboBox(parent)
        for choice in self.choices:
            combo.addItem(value_label(self.column, choice), choice)
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: _Index) -> None:  # noqa: N802 - Qt API
        """Show the current value."""
        assert isinstance(editor, QComboBox)
        current = index.data(Qt.ItemDataRole.EditRole)
        editor.setCurrentIndex(max(editor.findData(str(current)), 0))

    def setModelData(self, editor: QWidget, model: Any, index: _Index) -> None:  # noqa: N802
        """Write the chosen value (the value itself, not its label)."""
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


def table_view() -> QTableView:
    """A table view as every attribute table has it: sortable, whole rows selected."""
    view = QTableView()
    view.setSortingEnabled(True)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().setDefaultSectionSize(22)
    return view


class FacilityTable(QWidget):
    """Facility table with a filter bar; row selection is shared with the map.

    Signals
    -------
    zoomRequested(row)
        A row was double-clicked: the map should zoom to that facility (positional row).
    zoomToSelectionRequested()
        "Zoom to selection" was clicked: the map should show every selected facility.
    """

    zoomRequested = Signal(int)  # noqa: N815 - Qt signal naming
    zoomToSelectionRequested = Signal()  # noqa: N815

    def __init__(self, selection: FacilitySelection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.selection = selection
        self.model = FacilityTableModel(self)
        self.proxy = FacilityFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(tr("Filter by id or name…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setToolTip(tr("Show only facilities whose id or name contains this text"))
        self.capability_combo = QComboBox()
        self._fill_capabilities()
        self.capability_combo.setToolTip(tr("Show only facilities with this capability"))
        self.review_check = QCheckBox(tr("Flagged for review"))
        self.review_check.setToolTip(tr("Show only facilities imported with a doubt to check"))
        self.count_label = QLabel()
        self.zoom_button = QPushButton(tr("Zoom to selection"))
        self.zoom_button.setToolTip(tr("Show every selected facility on the map (Ctrl+J)"))
        self.zoom_button.setEnabled(False)
        #: Why the last edit was refused (hidden after a good edit).
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #B71C1C;")
        self.message.hide()
        bar = QHBoxLayout()
        bar.addWidget(self.filter_edit, 2)
        bar.addWidget(self.capability_combo, 1)
        bar.addWidget(self.review_check)
        bar.addWidget(self.count_label)
        bar.addWidget(self.zoom_button)
        self.view = table_view()
        self.view.setModel(self.proxy)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.view.setToolTip(
            tr(
                "Tick capabilities, choose EQA and accreditation, type the capacity (tests per "
                "year) to correct a facility (undo with Ctrl+Z); double-click a row to zoom to it"
            )
        )
        self._delegates = {c: ChoiceDelegate(v, self.view, column=c) for c, v in CHOICES.items()}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        self._syncing = False
        self.filter_edit.textChanged.connect(self._filter_changed)
        self.capability_combo.currentIndexChanged.connect(
            lambda _i: self._filter_changed_capability()
        )
        self.review_check.toggled.connect(self._review_changed)
        self.view.selectionModel().selectionChanged.connect(self._view_selection_changed)
        self.view.doubleClicked.connect(
            lambda index: self.zoomRequested.emit(self.proxy.mapToSource(index).row())
        )
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        selection.changed.connect(self._selection_changed)
        self.zoom_button.clicked.connect(self.zoomToSelectionRequested.emit)
        self.model.refused.connect(self._show_refusal)
        self.model.edited.connect(lambda *_: self.message.hide())
        notifier().changed.connect(self.retranslate)
        self._update_count()

    def _fill_capabilities(self) -> None:
        """The capability filter's items, in the app's language (the chosen one kept)."""
        combo = self.capability_combo
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(tr("All capabilities"), None)
        for cap in CAPABILITIES:
            combo.addItem(tr("Can do {test}").format(test=test_name(cap)), cap)
        combo.setCurrentIndex(max(combo.findData(chosen), 0))
        combo.blockSignals(False)

    def retranslate(self) -> None:
        """Write again the texts built from data (the language changed)."""
        self._fill_capabilities()
        self._update_count()

    def _show_refusal(self, message: str) -> None:
        self.message.setText(tr("Not changed: {reason}").format(reason=message))
        self.message.show()

    def set_facilities(self, facilities: Facilities | None) -> None:
        """Show ``facilities``."""
        self.model.set_facilities(facilities)
        for i in range(self.model.columnCount()):
            self.view.setItemDelegateForColumn(i, None)  # type: ignore[arg-type]
        for column, delegate in self._delegates.items():
            if column in self.model.columns:
                self.view.setItemDelegateForColumn(self.model.column_index(column), delegate)
        self.view.resizeColumnsToContents()
        self._update_count()
        self._selection_changed()  # a reset model forgets the selected rows; show them again

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_count()

    def _filter_changed_capability(self) -> None:
        self.proxy.set_capability(self.capability_combo.currentData())
        self._update_count()

    def _review_changed(self, on: bool) -> None:
        self.proxy.set_review_only(on)
        self._update_count()

    def _update_count(self, *_args: Any) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(
            tr("{shown} of {total}").format(shown=format_count(shown), total=format_count(total))
        )

    def visible_rows(self) -> list[int]:
        """Positional rows of the facilities shown, in display order."""
        return [
            self.proxy.mapToSource(self.proxy.index(r, 0)).row()
            for r in range(self.proxy.rowCount())
        ]

    def _view_selection_changed(self, *_args: Any) -> None:
        if self._syncing:
            return
        rows = {self.proxy.mapToSource(i).row() for i in self.view.selectionModel().selectedRows()}
        self._syncing = True
        try:
            self.selection.set_rows(sorted(rows))
        finally:
            self._syncing = False

    def _selection_changed(self) -> None:
        self.zoom_button.setEnabled(len(self.selection) > 0)
        if self._syncing or self.model.rowCount() == 0:
            return
        chosen = QItemSelection()
        last = self.model.columnCount() - 1
        for row in self.selection.rows:
            if row >= self.model.rowCount():
                continue
            left = self.proxy.mapFromSource(self.model.index(int(row), 0))
            if left.isValid():
                chosen.select(left, self.proxy.index(left.row(), last))
        self._syncing = True
        try:
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            self.view.selectionModel().select(chosen, flags)
            if not chosen.isEmpty():
                self.view.scrollTo(chosen.indexes()[0])
        finally:
            self._syncing = False


def district_frame(districts: pd.DataFrame | None, population: pd.Series | None) -> pd.DataFrame:
    """The district table shown: id, name, population (people), area (km²), other attributes."""
    if districts is None or len(districts) == 0:
        return pd.DataFrame(columns=["district_id", "name", "population", "area_km2"])
    import geopandas as gpd

    gdf = gpd.GeoDataFrame(districts)
    from ccgeo.geo import local_utm_crs

    lon, lat = gdf.to_crs("EPSG:4326").union_all().centroid.coords[0]
    area = gdf.to_crs(local_utm_crs(lon, lat)).geometry.area.to_numpy() / 1e6
    ids = gdf["district_id"].astype(str)
    table = pd.DataFrame(
        {
            "district_id": ids.to_numpy(),
            "name": gdf["name"].astype(str).to_numpy() if "name" in gdf else ids.to_numpy(),
        }
    )
    if population is not None:
        table["population"] = ids.map(population).fillna(0.0).round().to_numpy()
    table["area_km2"] = np.round(area, 2)
    rest = [c for c in gdf.columns if c not in ("district_id", "name", gdf.geometry.name)]
    for column in rest:
        table[column] = gdf[column].to_numpy()
    return table


def report_frame(report: ImportReport) -> pd.DataFrame:
    """The issues of ``report``, rows flagged for review first, then rejected, then notes."""
    frame = report.to_frame()
    if frame.empty:
        return frame
    rank = {s: i for i, s in enumerate(SEVERITY_ORDER)}
    order = frame["severity"].map(rank).fillna(len(rank))
    rows = pd.to_numeric(frame["row"], errors="coerce").fillna(-1)
    frame = frame.assign(_rank=order, _row=rows).sort_values(["_rank", "_row"], kind="stable")
    return frame.drop(columns=["_rank", "_row"]).reset_index(drop=True)


class AttributePanel(QWidget):
    """Tabs of attribute tables: Facilities (editable), Districts, Import report.

    Parameters
    ----------
    selection
        The facility selection shared with the map.
    """

    def __init__(self, selection: FacilitySelection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget()
        self.facility_table = FacilityTable(selection)
        self.district_model = DataFrameModel(parent=self)
        self.district_view = table_view()
        self.district_view.setModel(self._sorted(self.district_model))
        self.district_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.district_view.setToolTip(
            tr("The districts and their attributes; click a header to sort")
        )
        self.report_model = DataFrameModel(parent=self)
        self.report_combo = QComboBox()
        self.report_combo.setToolTip(tr("Which imported file's report to show"))
        self.report_summary = QLabel()
        self.report_summary.setWordWrap(True)
        self.report_view = table_view()
        self.report_view.setModel(self._sorted(self.report_model))
        self.report_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.report_view.setWordWrap(True)
        self.report_view.setSortingEnabled(False)  # keep "flagged for review first"
        self.report_view.setToolTip(
            tr("Each row of the imported file rejected or to look at: the problem and the fix")
        )
        report_page = QWidget()
        report_layout = QVBoxLayout(report_page)
        report_layout.setContentsMargins(0, 0, 0, 0)
        report_layout.addWidget(self.report_combo)
        report_layout.addWidget(self.report_summary)
        report_layout.addWidget(self.report_view, 1)
        from ccgeo.gui.panels.problems import ProblemsView  # it builds on this module's table

        self.problems = ProblemsView()
        self.problems.facilityRequested.connect(self.show_facility)
        self.tabs.addTab(self.facility_table, tr("Facilities"))
        self.tabs.addTab(self.district_view, tr("Districts"))
        self.tabs.addTab(report_page, tr("Import report"))
        self.tabs.addTab(self.problems, tr("Problems"))
        for i, tip in enumerate(
            (
                tr("The facilities: edit what each lab can do"),
                tr("The districts' attributes"),
                tr("What the facility imports found in each row"),
                tr(
                    "Everything to review behind the results: rows rejected or changed on "
                    "import, people outside the roads or in no district, labs the analysis "
                    "could not use"
                ),
            )
        ):
            self.tabs.setTabToolTip(i, tip)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)
        self._reports: list[ImportReport] = []
        self._facilities: Facilities | None = None
        self.report_combo.currentIndexChanged.connect(self._show_report)
        notifier().changed.connect(self.retranslate)

    def _sorted(self, model: DataFrameModel) -> QSortFilterProxyModel:
        proxy = QSortFilterProxyModel(self)
        proxy.setSortRole(SORT_ROLE)
        proxy.setSourceModel(model)
        return proxy

    def set_data(
        self,
        facilities: Facilities | None,
        districts: pd.DataFrame | None,
        reports: list[ImportReport],
        *,
        population: pd.Series | None = None,
    ) -> None:
        """Show a project's facilities, districts and import reports (the last one first)."""
        self._facilities = facilities
        self.facility_table.set_facilities(facilities)
        self.district_model.set_frame(district_frame(districts, population))
        self.district_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.district_view.resizeColumnsToContents()
        self._reports = list(reports)
        self._fill_report_combo(chosen=0)
        self._show_report(0)

    def _fill_report_combo(self, *, chosen: int | None = None) -> None:
        """One item per import report, the last one first; ``chosen`` (default: the item
        chosen now) is the one shown."""
        if chosen is None:
            chosen = self.report_combo.currentIndex()
        self.report_combo.blockSignals(True)
        self.report_combo.clear()
        for report in reversed(self._reports):
            label = report.source or tr("(unnamed file)")
            self.report_combo.addItem(label.replace("\\", "/").rsplit("/", 1)[-1])
        self.report_combo.setCurrentIndex(min(max(chosen, 0), self.report_combo.count() - 1))
        self.report_combo.blockSignals(False)

    def retranslate(self) -> None:
        """Write again the texts built from data (the language changed)."""
        self._fill_report_combo()
        self._show_report(self.report_combo.currentIndex())

    def _show_report(self, combo_index: int) -> None:
        if not self._reports or combo_index < 0:
            self.report_model.set_frame(pd.DataFrame())
            self.report_summary.setText(tr("No facility file has been imported in this project."))
            return
        report = self._reports[len(self._reports) - 1 - combo_index]
        self.report_summary.setText(report.summary())
        self.report_model.set_frame(report_frame(report))
        self.report_view.resizeColumnsToContents()

    def show_facility(self, facility_id: str) -> None:
        """Show the facility ``facility_id``: the Facilities tab with its row selected, and
        the map centred on it (through the table's `FacilityTable.zoomRequested`)."""
        facilities = self._facilities
        if facilities is None or "facility_id" not in facilities.gdf:
            return
        hits = (facilities.gdf["facility_id"].astype(str) == str(facility_id)).to_numpy()
        if not hits.any():
            return
        row = int(hits.argmax())
        self.tabs.setCurrentWidget(self.facility_table)
        self.facility_table.selection.set_rows([row])
        self.facility_table.zoomRequested.emit(row)
