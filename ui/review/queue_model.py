"""The review queue table: a thin Qt adapter over `rhi_desktop.review.QueueRow`s.

It holds plain rows (no store), in the order the store gives (longest waiting first)
until the person sorts by a column. Sorting happens here, over the rows. An interview
signed off later than 72 hours says so in words; the colour only repeats it.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from rhi_desktop.domain.deadlines import format_london
from rhi_desktop.review import QueueRow
from ui.literal_text import tooltip
from ui.review.words import hours_text, within_text

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ModelIndex = QModelIndex | QPersistentModelIndex
_LATE_BRUSH = QBrush(QColor("#9b1c1c"))


class QueueColumn(IntEnum):
    CASE_REFERENCE = 0
    INTERVIEWER = 1
    REVISION = 2
    RECEIVED = 3
    HOURS_FROM_RETURN = 4
    WITHIN_72_HOURS = 5


def _sort_key(row: QueueRow, column: QueueColumn) -> tuple[Any, ...]:
    """Rows without a value sort together (after the others, in ascending order)."""
    match column:
        case QueueColumn.CASE_REFERENCE:
            return (row.case_reference.casefold(),)
        case QueueColumn.INTERVIEWER:
            return (row.interviewer.casefold(),)
        case QueueColumn.REVISION:
            return (row.revision,)
        case QueueColumn.RECEIVED:
            return (row.submitted_at,)
        case QueueColumn.HOURS_FROM_RETURN:
            hours = row.hours_from_return
            return (hours is None, hours or 0.0)
        case QueueColumn.WITHIN_72_HOURS:
            within = row.within_72_hours
            return (within is None, bool(within))


class ReviewQueueModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[QueueRow] = []

    # -- feeding -------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[QueueRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        """Forget every row (the app is locking)."""
        self.set_rows([])

    def row_at(self, row: int) -> QueueRow:
        return self._rows[row]

    def row_of(self, interview_id: str) -> int | None:
        for n, row in enumerate(self._rows):
            if row.interview_id == interview_id:
                return n
        return None

    # -- QAbstractItemModel --------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(QueueColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(QueueColumn):
            return None
        return self._headers()[QueueColumn(section)]

    def _headers(self) -> dict[QueueColumn, str]:
        return {
            QueueColumn.CASE_REFERENCE: self.tr("Case reference"),
            QueueColumn.INTERVIEWER: self.tr("Interviewer"),
            QueueColumn.REVISION: self.tr("Revision"),
            QueueColumn.RECEIVED: self.tr("Received for review"),
            QueueColumn.HOURS_FROM_RETURN: self.tr("Return to interview"),
            QueueColumn.WITHIN_72_HOURS: self.tr("Signed off within 72 h"),
        }

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(QueueColumn):
            return None
        row = self._rows[index.row()]
        column = QueueColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(self._text(row, column))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self._headers()[column]}: {self._text(row, column)}"
        if role == Qt.ItemDataRole.ForegroundRole:
            late = column is QueueColumn.WITHIN_72_HOURS and row.within_72_hours is False
            return _LATE_BRUSH if late else None
        if role == ID_ROLE:
            return row.interview_id
        return None

    def _text(self, row: QueueRow, column: QueueColumn) -> str:
        match column:
            case QueueColumn.CASE_REFERENCE:
                return row.case_reference
            case QueueColumn.INTERVIEWER:
                return row.interviewer
            case QueueColumn.REVISION:
                if row.resubmitted:
                    return self.tr("{0} (resubmitted)").format(row.revision)
                return str(row.revision)
            case QueueColumn.RECEIVED:
                return format_london(row.submitted_at)
            case QueueColumn.HOURS_FROM_RETURN:
                return hours_text(row.hours_from_return)
            case QueueColumn.WITHIN_72_HOURS:
                return within_text(row.within_72_hours)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(QueueColumn):
            return
        chosen = QueueColumn(column)
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self._rows[i.row()].interview_id for i in persistent]
        descending = order == Qt.SortOrder.DescendingOrder
        self._rows.sort(key=lambda row: _sort_key(row, chosen), reverse=descending)
        position = {row.interview_id: n for n, row in enumerate(self._rows)}
        self.changePersistentIndexList(
            persistent,
            [self.index(position[i], p.column()) for i, p in zip(ids, persistent, strict=True)],
        )
        self.layoutChanged.emit()
