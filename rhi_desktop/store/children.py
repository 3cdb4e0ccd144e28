"""Children on this device's caseload."""

from __future__ import annotations

from rhi_desktop.domain.entities import Child
from rhi_desktop.store.records import CHILDREN
from rhi_desktop.store.repository import Repository


class ChildRepository(Repository[Child]):
    spec = CHILDREN

    def by_case_reference(self, case_reference: str) -> Child | None:
        """The child with this central case reference (letter case ignored)."""
        found = self._select("case_reference = ?", (case_reference,))
        return found[0] if found else None

    def all(self) -> list[Child]:
        return self._select("1", order_by="case_reference")
