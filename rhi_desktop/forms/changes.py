"""What a renderer needs to repaint after an edit: which fields changed in which way."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple


class FieldKey(NamedTuple):
    """One place an answer lives: a question id, plus the row index inside a repeat group.

    Sections use their id with no row, for their relevance.
    """

    id: str
    row: int | None = None

    def __str__(self) -> str:
        return self.id if self.row is None else f"{self.id}[{self.row}]"


@dataclass(frozen=True)
class Changes:
    """Fields whose state changed because of one edit (empty when nothing visible changed).

    `values` holds the edited field itself and any calculated field whose result moved;
    `rows` holds repeat groups that gained or lost rows (row indexes after a removed row
    shift down by one, so a renderer redraws that group).
    """

    relevance: frozenset[FieldKey] = field(default_factory=frozenset)
    required: frozenset[FieldKey] = field(default_factory=frozenset)
    validity: frozenset[FieldKey] = field(default_factory=frozenset)
    values: frozenset[FieldKey] = field(default_factory=frozenset)
    rows: frozenset[str] = field(default_factory=frozenset)

    def __bool__(self) -> bool:
        return bool(self.relevance or self.required or self.validity or self.values or self.rows)
