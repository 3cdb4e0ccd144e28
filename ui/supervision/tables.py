"""Read-only tables of supervision records: one row per record, its id kept on the row."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ui.literal_text import tooltip

ID_ROLE = Qt.ItemDataRole.UserRole


class RecordTable(QTableWidget):
    """Rows are chosen whole, by keyboard or mouse; nothing in them is editable."""

    def __init__(self, headers: Sequence[str], name: str, parent: QWidget | None = None) -> None:
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(list(headers))
        self.setAccessibleName(name)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)

    def show_rows(self, rows: Sequence[tuple[str, Sequence[str]]]) -> None:
        """(record id, cell texts) per row; keeps the chosen record chosen if still there."""
        chosen = self.current_id()
        self.setRowCount(0)
        self.setRowCount(len(rows))
        for row, (record_id, texts) in enumerate(rows):
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, record_id)
                item.setToolTip(tooltip(text))
                self.setItem(row, column, item)
        ids = [record_id for record_id, _ in rows]
        if ids:
            self.selectRow(ids.index(chosen) if chosen in ids else 0)

    def set_icon(self, row: int, column: int, icon: QIcon) -> None:
        item = self.item(row, column)
        if item is not None:
            item.setIcon(icon)

    def current_id(self) -> str | None:
        item = self.item(self.currentRow(), 0) if self.currentRow() >= 0 else None
        value = None if item is None else item.data(ID_ROLE)
        return value if isinstance(value, str) else None

    def texts(self, row: int) -> list[str]:
        items = (self.item(row, column) for column in range(self.columnCount()))
        return [item.text() for item in items if item is not None]

    def clear_rows(self) -> None:
        self.setRowCount(0)
