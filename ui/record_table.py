"""The sortable list of records the caseload and the review queue are shown in.

Sorting is by clicking a column's header, or from the keyboard: Shift+F10 (or the Menu
key, where the keyboard has one) on the table opens a "Sort by" menu of the columns.
Either way the header's sort indicator moves and emits `sortIndicatorChanged`, which the
caller sorts on.

A table can name one column that takes whatever width the others leave (`fill_with`):
it grows and shrinks with the window, never below what its header needs, so the other
columns keep their full width and the table scrolls sideways only when even that
does not fit.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QEvent, QObject, QPoint, Qt
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


class FillColumn(QObject):
    """Gives `column` of `view` the width the other columns leave, and at least
    `minimum` (its header's need, or more): on every resize of the table and of any
    other column."""

    def __init__(self, view: QTableView, column: int, minimum: int) -> None:
        super().__init__(view)
        self._view = view
        self._column = column
        self._minimum = minimum
        self._fitting = False
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        header.sectionResized.connect(self._section_resized)
        view.viewport().installEventFilter(self)
        self.fit()

    def fit(self) -> None:
        view, header = self._view, self._view.horizontalHeader()
        others = sum(
            header.sectionSize(column)
            for column in range(header.count())
            if column != self._column and not header.isSectionHidden(column)
        )
        width = max(self._minimum, view.viewport().width() - others)
        if header.sectionSize(self._column) != width:
            self._fitting = True
            try:
                header.resizeSection(self._column, width)
            finally:
                self._fitting = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _section_resized(self, column: int, _old: int, _new: int) -> None:
        if not self._fitting and column != self._column:
            self.fit()


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
