"""Answers a change hid, held so that Undo can still bring them back after a restart.

An answer that stops other questions being asked takes their answers out of the record
(`FormSession.record()` keeps relevant answers only), and the form offers to undo it.
A `Holding` is what that Undo needs, in JSON: the question whose change hid them, what
it held before, and the hidden answers in the record's own shape. Reading a form with
`with_held(record, holding)` gives a session in which they are hidden again,
exactly as before, and undoing the change brings them back into view.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from rhi_desktop.forms.changes import FieldKey


@dataclass(frozen=True)
class Holding:
    key: FieldKey
    """The question whose change hid the answers."""
    before: Any
    """What it held before the change, as a record keeps it (None: nothing)."""
    answers: dict[str, Any]
    """Hidden answers to questions outside repeat groups, as a record keeps them."""
    rows: dict[str, list[dict[str, Any]]]
    """Hidden answers inside repeat groups: each group as all of its rows, each row
    holding only the hidden answers in it."""

    def content(self) -> dict[str, Any]:
        """JSON-ready, for the store."""
        return {
            "question": self.key.id,
            "row": self.key.row,
            "before": self.before,
            "answers": self.answers,
            "rows": self.rows,
        }

    @classmethod
    def from_content(cls, content: Mapping[str, Any]) -> Holding | None:
        """Read `content()` back; None if it is not in that shape."""
        question, row = content.get("question"), content.get("row")
        answers, rows = content.get("answers"), content.get("rows")
        if not isinstance(question, str) or not isinstance(answers, dict):
            return None
        if row is not None and (not isinstance(row, int) or isinstance(row, bool) or row < 0):
            return None
        if not isinstance(rows, dict) or not all(_rows(group) for group in rows.values()):
            return None
        return cls(FieldKey(question, row), content.get("before"), answers, rows)

    def keys(self) -> Iterator[FieldKey]:
        """Where each held answer lives."""
        yield from (FieldKey(question_id) for question_id in self.answers)
        for group in self.rows.values():
            for row, answers in enumerate(group):
                yield from (FieldKey(child, row) for child in answers)


def _rows(group: object) -> bool:
    return isinstance(group, list) and all(isinstance(row, dict) for row in group)


def with_held(record: Mapping[str, Any], holding: Holding) -> dict[str, Any]:
    """`record` with the held answers put back beside its own (the record's win)."""
    merged = {**holding.answers, **record}
    for repeat_id, held_rows in holding.rows.items():
        own = merged.get(repeat_id)
        rows = [dict(row) for row in own] if isinstance(own, list) else []
        for index, answers in enumerate(held_rows):
            if index < len(rows):
                rows[index] = {**answers, **rows[index]}
            else:
                rows.append(dict(answers))
        merged[repeat_id] = rows
    return merged
