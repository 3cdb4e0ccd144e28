"""The sidebar's list of caseload views, each with how many interviews it holds."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from rhi_desktop.counted import by_count
from ui.appearance import icon
from ui.caseload_views import CaseloadView

VIEW_ROLE = Qt.ItemDataRole.UserRole + 1
ModelIndex = QModelIndex | QPersistentModelIndex


class ViewListModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._views = list(CaseloadView)
        self._counts: dict[CaseloadView, int] = {}

    def set_counts(self, counts: Mapping[CaseloadView, int]) -> None:
        self._counts = dict(counts)
        if self._views:
            self.dataChanged.emit(self.index(0), self.index(len(self._views) - 1))

    def clear_counts(self) -> None:
        self.set_counts({})

    def view_at(self, row: int) -> CaseloadView:
        return self._views[row]

    def row_of(self, view: CaseloadView) -> int:
        return self._views.index(view)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._views)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._views):
            return None
        view = self._views[index.row()]
        count = self._counts.get(view)
        if role == Qt.ItemDataRole.DisplayRole:
            return view.label() if count is None else f"{view.label()}  ({count})"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if count is None:
                return view.label()
            return by_count(
                count, self.tr("{1}, 1 interview"), self.tr("{1}, {0} interviews"), view.label()
            )
        if role == Qt.ItemDataRole.DecorationRole:
            return icon(view.icon_name)
        if role == VIEW_ROLE:
            return view.value
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
