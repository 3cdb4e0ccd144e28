"""The search box's filter over the caseload table.

A QSortFilterProxyModel asks `filterAcceptsRow` once per source row, which for a Python
model means a call into Python per row. So the matching itself is done in bulk, over the
model's precomputed search keys, when the text changes; `filterAcceptsRow` only looks
the answer up. Two cheap shortcuts keep typing fast over thousands of rows: when the
new text extends the old, only rows that matched before are checked again; and when a
keystroke leaves the set of matching rows unchanged (typing "DEMO-" over references
that all start with it), the proxy is not asked to refilter at all.

Sorting is handed to the source model (see caseload_model), so this proxy never sorts.
"""

from __future__ import annotations

from itertools import compress, count, repeat
from operator import ne

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from ui.caseload_model import SEARCH_ROLE, CaseloadModel

ModelIndex = QModelIndex | QPersistentModelIndex
# A keystroke that shows or hides at most this many rows re-checks just those rows;
# more, and the proxy is rebuilt with one layout change (cheaper for the view than a
# removal or insertion signal per run of rows).
RECHECK_AT_MOST = 64


class CaseloadFilterProxy(QSortFilterProxyModel):
    def __init__(self, source: CaseloadModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._needle = ""
        self._accepted: list[bool] | None = None  # None: everything passes
        self._generation = source.generation
        # Dynamic, so that a change the model announces for some rows re-checks only those.
        self.setDynamicSortFilter(True)
        self.setFilterRole(SEARCH_ROLE)
        self.setSourceModel(source)

    @property
    def search_text(self) -> str:
        return self._needle

    def set_search_text(self, text: str) -> None:
        needle = text.strip().casefold()
        if needle == self._needle and self._generation == self._source.generation:
            return
        narrowing = (
            self._accepted is not None
            and self._generation == self._source.generation
            and self._needle != ""
            and needle.startswith(self._needle)
        )
        previous = self._accepted if self._generation == self._source.generation else None
        accepted = self._match(needle, self._accepted if narrowing else None)
        self._needle = needle
        self._generation = self._source.generation
        rows = len(self._source.search_keys())
        changed = _changed_rows(previous, accepted, rows)
        self._accepted = accepted
        if not changed:
            return
        if len(changed) <= RECHECK_AT_MOST:
            self._source.announce_search_change(changed)
        else:
            self.invalidate()

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        if self._generation != self._source.generation:
            # The rows or their keys changed underneath (reload, reveal, sort).
            self._accepted = self._match(self._needle, None)
            self._generation = self._source.generation
        accepted = self._accepted
        return accepted is None or accepted[source_row]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._source.sort(column, order)

    def _match(self, needle: str, within: list[bool] | None) -> list[bool] | None:
        if not needle:
            return None
        keys = self._source.search_keys()
        if within is None:
            return [needle in key for key in keys]
        return [was and needle in key for was, key in zip(within, keys, strict=True)]


def _changed_rows(before: list[bool] | None, after: list[bool] | None, rows: int) -> list[int]:
    """The source rows a filter change shows or hides."""
    if before is None and after is None:
        return []
    old = repeat(True, rows) if before is None else before
    new = repeat(True, rows) if after is None else after
    return list(compress(count(), map(ne, old, new)))
