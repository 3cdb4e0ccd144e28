"""The caseload table: a thin Qt adapter over the store's `CaseloadRow`s.

It holds plain rows (no store reference), works out what a row shows the first time the
view asks and keeps it until the clock ticks or the rows change, and keeps a lower-cased
search key per row for the filter proxy. A view asks about seven roles per painted cell;
`fill_cell` answers them all in one call from Qt into Python instead of one call each.
The child's name is masked unless the person reveals names; masked names are neither
shown, read out by screen readers, searched nor sorted on. The countdown column is live:
`set_now` moves the clock and repaints only that column. Sorting happens here (plain
Python over the rows) rather than in the proxy, which would call back into Python for
every comparison.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime, timedelta
from enum import IntEnum
from functools import cache
from typing import Any, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon

from rhi_desktop.domain.deadlines import format_countdown, format_london, within_window
from rhi_desktop.domain.entities import InterviewState
from rhi_desktop.plain_text import searchable
from rhi_desktop.store import CaseloadRow
from rhi_desktop.store.interviews import RACING_STATES
from ui.appearance import icon
from ui.caseload_views import state_label

MASK = "• • • • •"
SOON = timedelta(hours=24)
ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATE_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3  # the row's search key (what the filter matches)
_RACING = frozenset(RACING_STATES)
_STATE_ORDER = {state: n for n, state in enumerate(InterviewState)}
_OVERDUE_BRUSH = QBrush(QColor("#9b1c1c"))
_SOON_BRUSH = QBrush(QColor("#8a4b00"))
CELL_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
ModelIndex = QModelIndex | QPersistentModelIndex
RoleSlots = QModelRoleDataSpan | QModelRoleData


class Column(IntEnum):
    """Left to right: what to do and the 72-hour deadline straight after the case, so a
    narrow window (a laptop at 150%) shows them before any scrolling, and screen readers
    and the sort menu meet them in that order too; the child's name, hidden unless asked
    for, last, where it takes what is left."""

    CASE_REFERENCE = 0
    STATE = 1
    DEADLINE = 2
    TIME_LEFT = 3
    DUE_BY = 4
    CHILD = 5


COLUMNS = len(Column)
_LIVE = (Column.TIME_LEFT, Column.DEADLINE)
R = Qt.ItemDataRole
# Views ask for many roles per cell; anything else is answered before any other work.
_ANSWERED = frozenset(
    {
        R.DisplayRole,
        R.AccessibleTextRole,
        R.DecorationRole,
        R.ForegroundRole,
        R.FontRole,
        R.ToolTipRole,
        ID_ROLE,
        STATE_ROLE,
        SEARCH_ROLE,
    }
)


class Deadline(IntEnum):
    """Where an interview stands against the 72 hours (sort order: worst first)."""

    OVERDUE = 0
    DUE_SOON = 1
    ON_TIME = 2
    CLOSED = 3


def _completed_late(row: CaseloadRow) -> bool | None:
    """Whether a signed-off interview was signed off after its 72 hours (None: not yet)."""
    return (
        None if row.completed_at is None else not within_window(row.returned_at, row.completed_at)
    )


@cache
def _bold_font() -> QFont:
    """Made on first use: a QFont needs the application to exist."""
    font = QFont()
    font.setBold(True)
    return font


@cache
def _deadline_icon(name: str) -> QIcon:
    """One icon per name, so its rendered pixmap is reused on every repaint."""
    return icon(name)


# What a row shows: its six display texts and where it stands against the deadline.
_Shown = tuple[tuple[str, ...], Deadline]


class CaseloadModel(QAbstractTableModel):
    def __init__(self, now: datetime, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CaseloadRow] = []
        self._keys: list[str] = []
        self._shown: list[_Shown | None] = []  # filled as rows are shown; reset per tick
        self._now = now
        self._revealed = False
        self.generation = 0  # bumped whenever rows or search keys change (for the proxy)

    # -- feeding -------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[CaseloadRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._rebuild_keys()
        self.endResetModel()

    def clear(self) -> None:
        """Forget every row (the app is locking)."""
        self.set_rows([])

    def set_now(self, now: datetime) -> None:
        self._now = now
        self._shown = [None] * len(self._rows)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, min(_LIVE)), self.index(len(self._rows) - 1, max(_LIVE))
            )

    @property
    def names_revealed(self) -> bool:
        return self._revealed

    def set_names_revealed(self, revealed: bool) -> None:
        if revealed == self._revealed:
            return
        self._revealed = revealed
        self._rebuild_keys()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, Column.CHILD, Column.CHILD)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, Column.CHILD), self.index(len(self._rows) - 1, Column.CHILD)
            )

    # -- reading -------------------------------------------------------------------------

    def search_keys(self) -> list[str]:
        return self._keys

    def announce_search_change(self, rows: Sequence[int]) -> None:
        """Tell the filter (and views) that whether these rows match the search changed,
        so a dynamic proxy re-checks only them instead of every row."""
        for first, last in _runs(sorted(rows)):
            self.dataChanged.emit(
                self.index(first, Column.CASE_REFERENCE),
                self.index(last, Column.CASE_REFERENCE),
                [SEARCH_ROLE],
            )

    def row_at(self, row: int) -> CaseloadRow:
        return self._rows[row]

    def row_of(self, interview_id: str) -> int | None:
        for n, row in enumerate(self._rows):
            if row.interview_id == interview_id:
                return n
        return None

    def deadline(self, row: CaseloadRow) -> Deadline:
        if row.state not in _RACING or row.revision > 1:  # an amendment is not racing
            return Deadline.CLOSED
        left = row.due_by - self._now
        if left < timedelta(0):
            return Deadline.OVERDUE
        return Deadline.DUE_SOON if left <= SOON else Deadline.ON_TIME

    # -- QAbstractItemModel --------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(Column):
            return None
        return self._header(section)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED or not index.isValid():
            return None
        number = index.row()
        if number >= len(self._rows):
            return None
        return self._cell(number, index.column(), role)

    def multiData(self, index: ModelIndex, roleDataSpan: RoleSlots) -> None:
        self.fill_cell(index.row(), index.column(), roleDataSpan)

    def fill_cell(self, number: int, column: int, span: RoleSlots) -> None:
        """Answer every role in `span` for one cell, as `data` would one at a time (a cell
        outside the table, such as an invalid index's -1, clears every role)."""
        known = 0 <= number < len(self._rows) and 0 <= column < COLUMNS
        for slot in _slots(span):
            role = slot.role()
            value = self._cell(number, column, role) if known and role in _ANSWERED else None
            if value is None:
                slot.clearData()
            else:
                slot.setData(value)

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        # Qt's own version asks rowCount and columnCount (two calls into Python) each time.
        if parent.isValid() or not (0 <= row < len(self._rows) and 0 <= column < COLUMNS):
            return QModelIndex()
        return self.createIndex(row, column)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return CELL_FLAGS

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self._sort_key(column)
        if key is None:
            return
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        remembered = [(self._rows[i.row()].interview_id, i.column()) for i in before]
        self._rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self._rebuild_keys()
        positions = {row.interview_id: n for n, row in enumerate(self._rows)}
        after = [self.index(positions[ident], col) for ident, col in remembered]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    # -- internals -----------------------------------------------------------------------

    def _cell(self, number: int, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._shown_row(number)[0][column]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == Column.CHILD and not self._revealed:
                return self.tr("Name hidden")
            return self._shown_row(number)[0][column]
        row = self._rows[number]
        if role == ID_ROLE:
            return row.interview_id
        if role == STATE_ROLE:
            return row.state.value
        if role == SEARCH_ROLE:
            return self._keys[number]
        if column in _LIVE:
            texts, deadline = self._shown_row(number)
            if role == Qt.ItemDataRole.ToolTipRole and column == Column.DEADLINE:
                return texts[Column.DEADLINE] or None
            return self._deadline_style(deadline, column, role)
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.DUE_BY:
            return self.tr("72 hours after the child returned ({0})").format(
                format_london(row.returned_at)
            )
        return None

    def _shown_row(self, number: int) -> _Shown:
        """A row's texts and deadline, made when first shown and kept until the next tick."""
        shown = self._shown[number]
        if shown is None:
            row = self._rows[number]
            deadline = self.deadline(row)
            by_column = {
                Column.CASE_REFERENCE: row.case_reference,
                Column.CHILD: row.child_name if self._revealed else MASK,
                Column.STATE: state_label(row.state, row.unsent),
                Column.DUE_BY: format_london(row.due_by),
                # An amendment races no clock: its interview was held in time or not.
                Column.TIME_LEFT: "—"
                if deadline is Deadline.CLOSED
                else self._countdown(row.due_by - self._now),
                Column.DEADLINE: self._deadline_text(deadline, _completed_late(row)),
            }
            texts = tuple(by_column[column] for column in Column)
            shown = (texts, deadline)
            self._shown[number] = shown
        return shown

    def _rebuild_keys(self) -> None:
        self._shown = [None] * len(self._rows)
        revealed = self._revealed
        self._keys = [
            searchable(
                "\n".join(
                    (
                        row.case_reference,
                        state_label(row.state, row.unsent),
                        row.child_name if revealed else "",
                    )
                )
            )
            for row in self._rows
        ]
        self.generation += 1

    def longest_texts(self) -> dict[Column, list[tuple[str, bool]]]:
        """What the columns of set width can show at their longest, each text with whether
        it can be in bold (overdue rows are), so the window can size them to the font in
        use rather than guess. Headers are left to the header."""
        due = [datetime(2026, month, 28, 22, 59, tzinfo=UTC) for month in range(1, 13)]
        longest = timedelta(days=999, hours=23, minutes=59)
        return {
            Column.STATE: [
                (state_label(state, unsent), state in _RACING)
                for state in InterviewState
                for unsent in (False, True)
            ],
            Column.DUE_BY: [(format_london(instant), True) for instant in due],
            Column.TIME_LEFT: [
                (self._countdown(-longest), True),
                (self._countdown(longest), False),
            ],
            Column.DEADLINE: [
                *((self._deadline_text(d), d is Deadline.OVERDUE) for d in Deadline),
                *((self._deadline_text(Deadline.CLOSED, late), False) for late in (True, False)),
            ],
        }

    def _countdown(self, left: timedelta) -> str:
        text = format_countdown(left)
        # format_countdown speaks English; keep the numbers, translate the words.
        if text.endswith(" overdue"):
            return self.tr("{0} overdue").format(text.removesuffix(" overdue"))
        return self.tr("{0} left").format(text.removesuffix(" left"))

    def _deadline_text(self, deadline: Deadline, completed_late: bool | None = None) -> str:
        """Racing interviews: where they stand. Signed-off ones: whether they made it
        (a breach stays visible after sign-off). Others (declined, no contact): nothing."""
        if deadline is Deadline.OVERDUE:
            return self.tr("OVERDUE: past 72 hours")
        if deadline is Deadline.DUE_SOON:
            return self.tr("Due within 24 hours")
        if deadline is Deadline.ON_TIME:
            return self.tr("On time")
        if completed_late is None:
            return ""
        if completed_late:
            return self.tr("Completed after 72 hours")
        return self.tr("Completed within 72 hours")

    def _deadline_style(self, deadline: Deadline, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DecorationRole and column == Column.DEADLINE:
            if deadline is Deadline.OVERDUE:
                return _deadline_icon("overdue")
            if deadline is Deadline.DUE_SOON:
                return _deadline_icon("due-soon")
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if deadline is Deadline.OVERDUE:
                return _OVERDUE_BRUSH
            if deadline is Deadline.DUE_SOON:
                return _SOON_BRUSH
            return None
        if role == Qt.ItemDataRole.FontRole and deadline is Deadline.OVERDUE:
            return _bold_font()
        return None

    def _header(self, section: int) -> str:
        """One column's title (a repainted header asks for every section on each paint)."""
        if section == Column.CASE_REFERENCE:
            return self.tr("Case reference")
        if section == Column.CHILD:
            return self.tr("Child") if self._revealed else self.tr("Child (hidden)")
        if section == Column.STATE:
            return self.tr("Status")
        if section == Column.DUE_BY:
            return self.tr("Due by")
        if section == Column.TIME_LEFT:
            return self.tr("Time left")
        return self.tr("72-hour deadline")

    def _sort_key(self, column: int) -> Callable[[CaseloadRow], Any] | None:
        if column == Column.CASE_REFERENCE:
            return lambda row: row.case_reference.casefold()
        if column == Column.CHILD:
            if not self._revealed:  # sorting on hidden names would give them away
                return lambda row: row.case_reference.casefold()
            return lambda row: row.child_name.casefold()
        if column == Column.STATE:
            return lambda row: (_STATE_ORDER[row.state], row.due_by)
        if column in (Column.DUE_BY, Column.TIME_LEFT):
            return lambda row: row.due_by
        if column == Column.DEADLINE:
            return lambda row: (self.deadline(row), row.due_by)
        return None


def _slots(span: RoleSlots) -> Iterable[QModelRoleData]:
    """The span's entries (PySide6 makes the span a sequence; its type stubs do not say so)."""
    if isinstance(span, QModelRoleData):
        return (span,)
    return cast("Iterable[QModelRoleData]", span)


def _runs(rows: Sequence[int]) -> list[tuple[int, int]]:
    """Sorted row numbers as (first, last) runs of consecutive rows."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs
