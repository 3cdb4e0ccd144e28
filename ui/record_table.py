"""The sortable list of records the caseload and the review queue are shown in."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


def record_table_view(
    model: QAbstractItemModel,
    object_name: str,
    accessible_name: str,
    widths: Iterable[tuple[int, int]],
    parent: QWidget | None = None,
) -> QTableView:
    """Read-only, one whole row chosen at a time, Tab leaving the table, no row numbers;
    columns start at `widths` (column, width) and can be resized, the last filling what
    is left; the header shows the sort order, none to start with, and a third click
    clears it (the caller sorts on `sortIndicatorChanged`)."""
    view = QTableView(parent)
    view.setObjectName(object_name)
    view.setModel(model)
    view.setAccessibleName(accessible_name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setSortIndicatorShown(True)
    header.setSortIndicatorClearable(True)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    for column, width in widths:
        view.setColumnWidth(column, width)
    return view
