"""The sortable list of records the caseload and the review queue are shown in.

Sorting is by clicking a column's header, or from the keyboard: Shift+F10 (or the Menu
key, where the keyboard has one) on the table opens a "Sort by" menu of the columns.
Either way the header's sort indicator moves and emits `sortIndicatorChanged`, which the
caller sorts on.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QPoint, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

SORT_MENU_KEYS = "Shift+F10"


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
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    view.customContextMenuRequested.connect(partial(_open_sort_menu, view))
    shortcut = QShortcut(QKeySequence(SORT_MENU_KEYS), view)
    shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
    shortcut.activated.connect(lambda: _open_sort_menu(view, None))
    return view


def sort_menu(view: QTableView) -> QMenu:
    """One checkable entry per column: choosing a column sorts by it, A to Z; choosing
    the column already sorted by reverses the order. Then one that clears the sort."""
    menu = QMenu(QCoreApplication.translate("RecordTable", "Sort by"), view)
    menu.setObjectName("sortMenu")
    header = view.horizontalHeader()
    model = view.model()
    current = header.sortIndicatorSection()
    for column in range(model.columnCount()):
        name = str(model.headerData(column, Qt.Orientation.Horizontal))
        action = menu.addAction(
            QCoreApplication.translate("RecordTable", "Sort by {0}").format(name)
        )
        action.setCheckable(True)
        action.setChecked(column == current)
        action.triggered.connect(partial(_sort_by, header, column))
    menu.addSeparator()
    clear = menu.addAction(QCoreApplication.translate("RecordTable", "Original order"))
    clear.setEnabled(current >= 0)
    clear.triggered.connect(lambda: header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder))
    return menu


def _sort_by(header: QHeaderView, column: int) -> None:
    order = Qt.SortOrder.AscendingOrder
    if header.sortIndicatorSection() == column:
        ascending = header.sortIndicatorOrder() is Qt.SortOrder.AscendingOrder
        order = Qt.SortOrder.DescendingOrder if ascending else Qt.SortOrder.AscendingOrder
    header.setSortIndicator(column, order)


def _open_sort_menu(view: QTableView, at: QPoint | None) -> None:
    """Where asked (a right-click), else beside the current row, where the eye is."""
    menu = sort_menu(view)
    menu.aboutToHide.connect(menu.deleteLater)
    if at is None:
        row = view.visualRect(view.currentIndex())
        at = row.bottomLeft() if row.isValid() else QPoint(0, 0)
    menu.popup(view.viewport().mapToGlobal(at))
