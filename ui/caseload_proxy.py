"""The search box's filter over the caseload table.

A QSortFilterProxyModel asks `filterAcceptsRow` once per source row, which for a Python
model means a call into Python per row. So the matching itself is done in bulk, over the
model's precomputed search keys, when the text changes; `filterAcceptsRow` only looks
the answer up (one byte per row). Cheap shortcuts keep typing fast over thousands of
rows: when the new text extends the old, only rows that matched before are checked
again; a text typed moments ago (backspacing over a search) reuses its earlier matches;
when a keystroke leaves the set of matching rows unchanged (typing "DEMO-" over
references that all start with it), the proxy is not asked to refilter at all; and when
it shows or hides only a few rows, only those rows are re-checked.

Painting a cell asks the proxy for about seven roles; Qt's proxy would forward each as a
separate call into the Python model. `multiData` maps the cell once and lets the model
answer every role in one go, and `flags` answers without mapping (every cell has the same).

Sorting is handed to the source model (see caseload_model), so this proxy never sorts.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from rhi_desktop.plain_text import searchable
from ui.caseload_model import CELL_FLAGS, SEARCH_ROLE, CaseloadModel, RoleSlots

ModelIndex = QModelIndex | QPersistentModelIndex
# A keystroke that shows or hides few rows (at most RECHECK_AT_MOST, or one row in
# RECHECK_SHARE of the table) re-checks just those rows; more, and every row is filtered
# again in one pass (cheaper then than a removal or insertion signal per run of rows).
RECHECK_AT_MOST = 64
RECHECK_SHARE = 50
REMEMBERED_TEXTS = 32  # a search's recent texts whose matches are kept, for backspacing


class CaseloadFilterProxy(QSortFilterProxyModel):
    def __init__(self, source: CaseloadModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._needle = ""
        self._matches: list[int] | None = None  # matching source rows, ascending; None: all
        self._mask: bytearray | None = None  # the same, one byte per source row
        self._recent: dict[str, list[int] | None] = {}  # earlier texts' matches (backspace)
        self._generation = source.generation
        # Dynamic, so that a change the model announces for some rows re-checks only those.
        self.setDynamicSortFilter(True)
        self.setFilterRole(SEARCH_ROLE)
        self.setSourceModel(source)

    @property
    def search_text(self) -> str:
        return self._needle

    def set_search_text(self, text: str) -> None:
        needle = searchable(text).strip()
        fresh = self._generation == self._source.generation
        if needle == self._needle and fresh:
            return
        if not fresh:
            self._recent.clear()
        narrowing = fresh and self._needle != "" and needle.startswith(self._needle)
        previous = self._matches if fresh else None
        matches = self._match(needle, previous if narrowing else None)
        self._needle = needle
        self._generation = self._source.generation
        rows = len(self._source.search_keys())
        changed = _changed_rows(previous, matches, rows)
        self._set_matches(matches, rows)
        if not changed:
            return
        if len(changed) <= max(RECHECK_AT_MOST, rows // RECHECK_SHARE):
            self._source.announce_search_change(sorted(changed))
        else:
            self.invalidate()

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        if self._generation != self._source.generation:
            # The rows or their keys changed underneath (reload, reveal, sort).
            self._recent.clear()
            self._generation = self._source.generation
            rows = len(self._source.search_keys())
            self._set_matches(self._match(self._needle, None), rows)
        mask = self._mask
        return mask is None or mask[source_row] == 1

    def multiData(self, index: ModelIndex, roleDataSpan: RoleSlots) -> None:
        source = self.mapToSource(index)  # invalid (row -1) for an invalid index
        self._source.fill_cell(source.row(), source.column(), roleDataSpan)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        return CELL_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._source.sort(column, order)

    def _match(self, needle: str, within: list[int] | None) -> list[int] | None:
        """The rows whose key holds `needle`, looking only `within` rows when given (the
        text grew, so nothing outside the earlier matches can match now)."""
        if not needle:
            return None
        if needle in self._recent:  # typed before, for these same rows (a backspace)
            return self._recent[needle]
        keys = self._source.search_keys()
        if within is None:
            found = [n for n, key in enumerate(keys) if needle in key]
        else:
            found = [n for n in within if needle in keys[n]]
        matches = None if len(found) == len(keys) else found
        if len(self._recent) >= REMEMBERED_TEXTS:
            self._recent.clear()
        self._recent[needle] = matches
        return matches

    def _set_matches(self, matches: list[int] | None, rows: int) -> None:
        self._matches = matches
        if matches is None:
            self._mask = None
            return
        mask = bytearray(rows)
        for row in matches:
            mask[row] = 1
        self._mask = mask


def _changed_rows(before: list[int] | None, after: list[int] | None, rows: int) -> set[int]:
    """The source rows a filter change shows or hides."""
    if before is None and after is None:
        return set()
    everything = range(rows)
    return set(everything if before is None else before).symmetric_difference(
        everything if after is None else after
    )
