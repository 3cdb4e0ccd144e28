"""Answers a change hid, held so that Undo can still bring them back after a restart.

An answer that stops other questions being asked takes their answers out of the record
(`FormSession.record()` keeps relevant answers only), and the form offers to undo it.
A `Holding` is every hidden answer in the record's own shape (the open form keeps them
all, and brings each back with its question), and, while the form offers Undo, what
that needs: the question whose change hid some of them, what it held before, and where
the answers it hid live. Reading a form with `with_held(record, holding)` gives a session
in which they are all hidden again, exactly as before, and undoing the change brings its
own back into view.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from rhi_desktop.forms.changes import FieldKey


@dataclass(frozen=True)
class Holding:
    key: FieldKey | None
    """The question whose change Undo would put back (None: Undo is not offered)."""
    before: Any
    """What it held before the change, as a record keeps it (None: nothing)."""
    hidden: tuple[FieldKey, ...]
    """Where the answers the change hid live: those its Undo brings back."""
    answers: dict[str, Any]
    """Hidden answers to questions outside repeat groups, as a record keeps them."""
    rows: dict[str, list[dict[str, Any]]]
    """Hidden answers inside repeat groups: each group as all of its rows, each row
    holding only the hidden answers in it."""
    kept: tuple[FieldKey, ...] = ()
    """Where the answers a move to a newer form version kept aside live, as it did not
    ask them given the others: the form asks before letting go of them."""

    def content(self) -> dict[str, Any]:
        """JSON-ready, for the store."""
        return {
            "question": None if self.key is None else self.key.id,
            "row": None if self.key is None else self.key.row,
            "before": self.before,
            "hidden": [[key.id, key.row] for key in self.hidden],
            "answers": self.answers,
            "rows": self.rows,
            "kept": [[key.id, key.row] for key in self.kept],
        }

    @classmethod
    def from_content(cls, content: Mapping[str, Any]) -> Holding | None:
        """Read `content()` back; None if it is not in that shape."""
        question, row = content.get("question"), content.get("row")
        answers, rows = content.get("answers"), content.get("rows")
        if not (question is None or isinstance(question, str)) or not isinstance(answers, dict):
            return None
        if not _row(row):
            return None
        if not isinstance(rows, dict) or not all(_rows(group) for group in rows.values()):
            return None
        hidden = _keys(content.get("hidden"))
        if hidden is None or (question is None and (row is not None or hidden)):
            return None
        kept = _keys(content.get("kept", []))  # held before moves kept answers aside: none
        if kept is None:
            return None
        key = None if question is None else FieldKey(question, row)
        return cls(key, content.get("before"), hidden, answers, rows, kept)

    def keys(self) -> Iterator[FieldKey]:
        """Where each held answer lives (the change's own and any hidden earlier)."""
        yield from (FieldKey(question_id) for question_id in self.answers)
        for group in self.rows.values():
            for row, answers in enumerate(group):
                yield from (FieldKey(child, row) for child in answers)


def _rows(group: object) -> bool:
    return isinstance(group, list) and all(isinstance(row, dict) for row in group)


def _row(row: object) -> bool:
    """None (outside repeat groups) or a row's index."""
    return row is None or (isinstance(row, int) and not isinstance(row, bool) and row >= 0)


def _keys(found: object) -> tuple[FieldKey, ...] | None:
    """[[question id, row], ...] read back; None if not in that shape."""
    if not isinstance(found, list):
        return None
    keys: list[FieldKey] = []
    for pair in found:
        if not (isinstance(pair, list) and len(pair) == 2 and isinstance(pair[0], str)):
            return None
        if not _row(pair[1]):
            return None
        keys.append(FieldKey(pair[0], pair[1]))
    return tuple(keys)


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
