"""A read-only table of text rows: the Qt model behind every report table on these screens.

A thin adapter over a plain list: each row is a tuple of display texts, with an optional
key (e.g. the KPI a row shows, for drill-down) and an optional spoken text per cell for
screen readers (e.g. "none" where the table shows a dash).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ui.literal_text import tooltip

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
ModelIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class TextRow:
    cells: tuple[str, ...]
    key: str | None = None
    spoken: tuple[str, ...] | None = None
    """What a screen reader says for each cell, where it differs from what is shown."""


class TextTableModel(QAbstractTableModel):
    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = tuple(headers)
        self._rows: list[TextRow] = []

    @property
    def rows(self) -> list[TextRow]:
        return list(self._rows)

    def set_rows(self, rows: Sequence[TextRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def column_texts(self, column: int) -> list[str]:
        return [row.cells[column] for row in self._rows]

    def row_with_key(self, key: str) -> int:
        return next((n for n, row in enumerate(self._rows) if row.key == key), -1)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if not 0 <= column < len(row.cells):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(row.cells[column])
        if role == Qt.ItemDataRole.AccessibleTextRole:
            spoken = row.spoken[column] if row.spoken is not None else row.cells[column]
            return f"{self._headers[column]}: {spoken}"
        if role == KEY_ROLE:
            return row.key
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def text_table_view(
    model: TextTableModel, object_name: str, accessible_name: str, stretch: int | None = None
) -> QTableView:
    """A read-only view of `model` as every report screen shows one: whole rows selected,
    Tab leaving the table, no row numbers; columns sized to their contents but `stretch`
    (every column stretches when it is None)."""
    view = QTableView()
    view.setObjectName(object_name)
    view.setAccessibleName(accessible_name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    if stretch is None:
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    else:
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view
