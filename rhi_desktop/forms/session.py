"""A form being filled in: answers, evaluation state, and incremental re-evaluation.

After each edit only the expressions that depend on the edited answer are re-evaluated,
in the dependency graph's order, following changes on through relevance (a section or
repeat group hides its questions) and calculations. `reevaluate_all()` recomputes
everything from scratch and must always agree; the renderer calls `set_answer` per
keystroke and `reevaluate_all` when the day changes under `today()`.

Answers to questions that become irrelevant stay in the session, so toggling a question
back restores them, but they read as empty in expressions and are left out of `record()`.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from rhi_desktop.domain.deadlines import require_aware
from rhi_desktop.forms.answers import (
    MAX_WHOLE_NUMBER,
    AnswerTypeError,
    AnswerValue,
    InvalidAnswer,
    as_value,
    coerce_answer,
    to_json,
)
from rhi_desktop.forms.changes import Changes, FieldKey
from rhi_desktop.forms.dependencies import Slot, SlotKind
from rhi_desktop.forms.expressions.evaluate import evaluate, same_number
from rhi_desktop.forms.expressions.nodes import Expr
from rhi_desktop.forms.expressions.values import Value, is_empty
from rhi_desktop.forms.form import FieldInfo, Form
from rhi_desktop.forms.held import Holding
from rhi_desktop.forms.model import QuestionType
from rhi_desktop.forms.validation import FieldCheck, Issue, ValidationReport, field_issues

Stored = AnswerValue | InvalidAnswer
Row = int | None


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class SessionState:
    """Everything expressions decided, for painting a form and for comparing two sessions."""

    relevant: Mapping[FieldKey, bool]
    required: Mapping[FieldKey, bool]
    calculated: Mapping[FieldKey, AnswerValue]
    issues: Mapping[FieldKey, tuple[Issue, ...]]


class FormSession:
    """Holds one interview's answers against a checked `Form`.

    `answers` is a record written by `record()` (an existing draft); without it, a new
    interview starts from the definition's defaults. `clock` must return aware instants.
    Programming mistakes (unknown question, a row that does not exist, typing into a
    calculated question) raise KeyError, IndexError or ValueError; answers that do not
    fit the question's type are kept and reported by `validate()` instead.
    """

    def __init__(
        self,
        form: Form,
        answers: Mapping[str, Any] | None = None,
        *,
        clock: Callable[[], datetime] = _utc_now,
        language: str | None = None,
    ) -> None:
        self.form = form
        self.language = language or form.default_language
        self.evaluations = 0
        """Expressions evaluated so far: what incremental evaluation saves is measured in these."""
        self._clock = clock
        self._graph = form.graph
        self._answers: dict[FieldKey, Stored] = {}
        self._rows: dict[str, int] = {
            info.id: 0 for info in form.fields.values() if info.question.type is QuestionType.REPEAT
        }
        self._children = {repeat: form.repeat_children(repeat) for repeat in self._rows}
        self._relevant: dict[FieldKey, bool] = {}
        self._required: dict[FieldKey, bool] = {}
        self._holds: dict[FieldKey, bool] = {}
        self._calculated: dict[FieldKey, AnswerValue] = {}
        self._issues: dict[FieldKey, tuple[Issue, ...]] = {}
        self._kept_empty: set[FieldKey] = set()
        """Questions read as emptied (held as null): not given their default again."""
        if answers is None:
            for question_id, value in form.defaults.items():
                if form.fields[question_id].repeat_id is None:
                    self._answers[FieldKey(question_id)] = value
        else:
            self._load(answers)
        self._evaluate_everything()
        if answers is not None:
            self._default_the_hidden()

    # --- editing -------------------------------------------------------------------------

    def set_answer(self, question_id: str, value: object, row: int | None = None) -> Changes:
        """Record what was entered (None or '' clears) and re-evaluate what depends on it."""
        info = self.form.field(question_id)
        if not info.answerable:
            raise ValueError(f"question {question_id!r} is a {_kind(info)} and takes no answer")
        key = self._key(info, row)
        stored = self._read(info, value)
        if stored == self._answers.get(key):
            return Changes()
        before = self._visible(key)
        if stored is None:
            self._answers.pop(key, None)
        else:
            self._answers[key] = stored
        work = _Pass(self)
        work.values.add(key)
        work.validity.add(key)
        after = self._visible(key)
        if type(before) is not type(after) or before != after:
            work.value_changed(key)
        return work.finish()

    def restore_entry(
        self, question_id: str, entry: Stored | None, row: int | None = None
    ) -> Changes:
        """Put back what `entry()` gave for the question earlier: undoes later edits to it."""
        if isinstance(entry, InvalidAnswer):
            return self.set_answer(question_id, entry.raw, row)
        return self.set_answer(question_id, None if entry is None else to_json(entry), row)

    def clear_answer(self, question_id: str, row: int | None = None) -> Changes:
        return self.set_answer(question_id, None, row)

    def add_row(self, repeat_id: str) -> Changes:
        """Append a row (with its questions' defaults) to a repeat group."""
        self._repeat(repeat_id)
        row = self._rows[repeat_id]
        self._rows[repeat_id] = row + 1
        work = _Pass(self)
        work.rows.add(repeat_id)
        for child in self._children[repeat_id]:
            default = self.form.defaults.get(child)
            if default is not None:
                self._answers[FieldKey(child, row)] = default
            for slot in self._graph.slots_of(child):
                work.schedule(slot, row)
        self._rows_changed(work, repeat_id)
        return work.finish()

    def remove_row(self, repeat_id: str, index: int) -> Changes:
        """Delete one row; later rows move up by one."""
        self._repeat(repeat_id)
        count = self._rows[repeat_id]
        if not 0 <= index < count:
            raise IndexError(f"repeat group {repeat_id!r} has no row {index}")
        states: list[dict[FieldKey, Any]] = [
            self._answers,
            self._relevant,
            self._required,
            self._holds,
            self._calculated,
        ]
        for child in self._children[repeat_id]:
            for row in range(index, count):
                self._issues.pop(FieldKey(child, row), None)
            for state in states:
                for row in range(index, count):
                    moved = state.pop(FieldKey(child, row + 1), None)
                    if moved is None:
                        state.pop(FieldKey(child, row), None)
                    else:
                        state[FieldKey(child, row)] = moved
        self._rows[repeat_id] = count - 1
        work = _Pass(self)
        work.rows.add(repeat_id)
        for child in self._children[repeat_id]:
            # Issues name their row, so the rows that moved up get theirs afresh.
            work.validity.update(FieldKey(child, row) for row in range(index, count - 1))
        self._rows_changed(work, repeat_id)
        return work.finish()

    def _rows_changed(self, work: _Pass, repeat_id: str) -> None:
        key = FieldKey(repeat_id)
        work.validity.add(key)
        if self._relevant.get(key, False):
            work.value_changed(key)

    def reevaluate_all(self) -> Changes:
        """Evaluate every expression for every row from scratch; returns what differs."""
        before = self.state()
        self._evaluate_everything()
        after = self.state()
        return Changes(
            relevance=_differ(before.relevant, after.relevant),
            required=_differ(before.required, after.required),
            validity=_differ(before.issues, after.issues),
            values=_differ(before.calculated, after.calculated),
        )

    def _evaluate_everything(self) -> None:
        self._relevant.clear()
        self._required.clear()
        self._holds.clear()
        self._calculated.clear()
        for slot, expr in self._graph.plan:
            for row in self._rows_of(slot.owner):
                self._run_with(slot, expr, row)
        self._issues = {}
        for info in self.form.fields.values():
            for row in self._rows_of(info.id):
                key = FieldKey(info.id, row)
                issues = self._check(key)
                if issues:
                    self._issues[key] = issues

    # --- reading -------------------------------------------------------------------------

    def answer(self, question_id: str, row: int | None = None) -> AnswerValue | None:
        """The typed answer (or calculated value), relevant or not; None if empty or invalid."""
        info = self.form.field(question_id)
        key = self._key(info, row)
        if info.calculated:
            return self._calculated.get(key)
        stored = self._answers.get(key)
        return None if isinstance(stored, InvalidAnswer) else stored

    def entry(self, question_id: str, row: int | None = None) -> Stored | None:
        """What was entered, including input kept as an InvalidAnswer for correcting."""
        return self._answers.get(self._key(self.form.field(question_id), row))

    def is_relevant(self, owner_id: str, row: int | None = None) -> bool:
        """For a question or a section id."""
        if owner_id not in self.form.sections:
            self._key(self.form.field(owner_id), row)
        return self._relevant.get(FieldKey(owner_id, row), False)

    def hidden_answers(self, keys: Iterable[FieldKey]) -> frozenset[FieldKey]:
        """Of `keys` (say, a change's `relevance`), the questions holding something entered
        that are not relevant now: work an interviewer would lose, as `record()` leaves it out.
        Sections and repeat groups are not questions; their questions are among the keys. A
        question still holding its form default holds nothing entered: it comes back anyway."""
        fields, defaults = self.form.fields, self.form.defaults
        return frozenset(
            key
            for key in keys
            if key in self._answers
            and key.id in fields
            and fields[key.id].answerable
            and not self._relevant.get(key, False)
            and self._answers[key] != defaults.get(key.id)
        )

    def is_required(self, question_id: str, row: int | None = None) -> bool:
        return self._required.get(self._key(self.form.field(question_id), row), False)

    def issues(self, question_id: str, row: int | None = None) -> tuple[Issue, ...]:
        return self._issues.get(self._key(self.form.field(question_id), row), ())

    def row_count(self, repeat_id: str) -> int:
        self._repeat(repeat_id)
        return self._rows[repeat_id]

    def state(self) -> SessionState:
        return SessionState(
            relevant={k: v for k, v in self._relevant.items() if v},
            required={k: v for k, v in self._required.items() if v},
            calculated=dict(self._calculated),
            issues=dict(self._issues),
        )

    def validate(self) -> ValidationReport:
        """Every problem, in the order the screen shows them: a repeat group's row by row."""
        issues: list[Issue] = []
        for info in self.form.fields.values():
            if info.repeat_id is not None:
                continue  # listed with its row
            issues.extend(self._issues.get(FieldKey(info.id), ()))
            for row in range(self._rows.get(info.id, 0)):
                for child in self._children[info.id]:
                    issues.extend(self._issues.get(FieldKey(child, row), ()))
        section_of = {info.id: info.section_id for info in self.form.fields.values()}
        return ValidationReport.build(issues, section_of)

    def record(self) -> dict[str, Any]:
        """The answers to keep, as JSON-ready values: relevant and non-empty only.

        Input that is not valid yet (a partial postcode, "about 16" for an age) is kept
        as typed, so saving never loses what was typed; it reads back as not valid, and
        so still stops sign-off until it is corrected. Repeat groups are lists of rows
        (each a dict of that row's answers). This is the shape `FormSession(form,
        answers=...)` reads back.
        """
        record: dict[str, Any] = {}
        for info in self.form.fields.values():
            if info.repeat_id is not None or not self._relevant.get(FieldKey(info.id), False):
                continue
            if info.question.type is QuestionType.REPEAT:
                rows = [self._row_record(info.id, row) for row in range(self._rows[info.id])]
                if rows:
                    record[info.id] = rows
            else:
                value = self._saved(FieldKey(info.id))
                if value is not None:
                    record[info.id] = value
        return record

    def hidden_entries(self) -> frozenset[FieldKey]:
        """Every question holding something entered that is not relevant now (see
        `hidden_answers`): what `record()` leaves out of the interviewer's work."""
        return self.hidden_answers(self._answers)

    def holding(
        self,
        key: FieldKey | None = None,
        before: Stored | None = None,
        hidden: Iterable[FieldKey] = (),
        *,
        entries: bool = True,
        kept: Iterable[FieldKey] = (),
    ) -> Holding:
        """What every hidden question holds (`hidden_entries`), each as a record keeps it,
        and what undoing a change needs after a restart: the changed question (`key`; None
        when Undo is not offered), what it held `before`, and where the answers it hid live
        (`hidden`). Reading the form with `with_held(record(), ...)` hides them all again.
        Questions emptied before they were hidden (`cleared_defaults`) are held as such;
        without `entries`, only they are. `kept`: which of the hidden answers a move to a
        newer version kept aside (see `Holding.kept`)."""
        answers: dict[str, Any] = {}
        rows: dict[str, list[dict[str, Any]]] = {}

        def hold(place: FieldKey, value: Any) -> None:
            repeat = self.form.fields[place.id].repeat_id
            if repeat is None:
                answers[place.id] = value
            elif place.row is not None:
                group = rows.setdefault(repeat, [{} for _ in range(self._rows[repeat])])
                group[place.row][place.id] = value

        for place in sorted(self.hidden_entries() if entries else (), key=_in_order):
            value = _as_kept(self._answers.get(place))
            if value is not None:
                hold(place, value)
        for place in sorted(self.cleared_defaults(), key=_in_order):
            hold(place, None)  # emptied: read back as such, not given its default again
        for repeat, count in self._rows.items() if entries else ():
            if count and not self._relevant.get(FieldKey(repeat), False):
                rows.setdefault(repeat, [{} for _ in range(count)])  # a hidden group's too
        return Holding(
            key,
            _as_kept(before),
            tuple(sorted(hidden, key=_in_order)),
            answers,
            rows,
            tuple(sorted(kept, key=_in_order)) if entries else (),
        )

    def has_held(self) -> bool:
        """Whether `holding()` has anything to hold: answers hidden now, or questions
        emptied before they were hidden."""
        return bool(self.hidden_entries() or self.cleared_defaults())

    def cleared_defaults(self) -> frozenset[FieldKey]:
        """Hidden questions with a form default that hold nothing: emptied before a change
        hid them. A record leaves hidden questions out, and reading it gives a hidden
        question its default (as a new interview does), so these are held as emptied."""
        return frozenset(
            key
            for question_id in self.form.defaults
            for row in self._rows_of(question_id)
            if (key := FieldKey(question_id, row)) not in self._answers
            and not self._relevant.get(key, False)
        )

    def read_entry(self, question_id: str, value: object) -> Stored | None:
        """`value` as the question would hold it, as `entry()` gives it (None: nothing)."""
        return None if value is None else self._read(self.form.field(question_id), value)

    def _row_record(self, repeat_id: str, row: int) -> dict[str, Any]:
        kept: dict[str, Any] = {}
        for child in self._children[repeat_id]:
            key = FieldKey(child, row)
            value = self._saved(key) if self._relevant.get(key, False) else None
            if value is not None:
                kept[child] = value
        return kept

    def _saved(self, key: FieldKey) -> Any:
        """What a record keeps for `key`, JSON-ready: the answer, or input as typed."""
        if key in self._calculated:
            return to_json(self._calculated[key])
        return _as_kept(self._answers.get(key))

    def _kept(self, key: FieldKey) -> AnswerValue | None:
        if key in self._calculated:
            return self._calculated[key]
        stored = self._answers.get(key)
        return None if isinstance(stored, InvalidAnswer) else stored

    # --- internals -----------------------------------------------------------------------

    def _repeat(self, repeat_id: str) -> None:
        if self.form.field(repeat_id).question.type is not QuestionType.REPEAT:
            raise ValueError(f"question {repeat_id!r} is not a repeat group")

    def _key(self, info: FieldInfo, row: int | None) -> FieldKey:
        if info.repeat_id is None:
            if row is not None:
                raise ValueError(f"question {info.id!r} is not inside a repeat group")
            return FieldKey(info.id)
        if row is None or not 0 <= row < self._rows[info.repeat_id]:
            raise IndexError(f"repeat group {info.repeat_id!r} has no row {row}")
        return FieldKey(info.id, row)

    def _read(self, info: FieldInfo, value: object) -> Stored | None:
        try:
            return coerce_answer(info.question, value, info.choices)
        except AnswerTypeError as error:
            return InvalidAnswer(value, str(error), error.problem)

    def _load(self, answers: Mapping[str, Any]) -> None:
        fields = self.form.fields
        unknown = sorted(k for k in answers if k not in fields or fields[k].repeat_id is not None)
        if unknown:
            raise ValueError(
                f"the record has answers to questions that form {self.form.form_id} "
                f"v{self.form.version} does not have at the top level: {unknown}"
            )
        for question_id, value in answers.items():
            info = fields[question_id]
            if info.question.type is QuestionType.REPEAT:
                self._load_rows(info, value)
            elif info.answerable:
                self._load_one(FieldKey(question_id), info, value)

    def _load_rows(self, info: FieldInfo, rows: object) -> None:
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            raise ValueError(f"repeat group {info.id!r} must be a list of rows")
        children = self._children[info.id]
        for row, answers in enumerate(rows):
            stray = sorted(k for k in answers if k not in children)
            if stray:
                raise ValueError(f"rows of {info.id!r} have no questions {stray}")
            for child, value in answers.items():
                child_info = self.form.fields[child]
                if child_info.answerable:
                    self._load_one(FieldKey(child, row), child_info, value)
        self._rows[info.id] = len(rows)

    def _default_the_hidden(self) -> None:
        """A record leaves out what is hidden, defaults too, as a default comes back with
        its question (see `hidden_answers`). So hidden questions the record has nothing for
        get their defaults again, as in a new interview: hidden, they change no other
        answer, problem or record."""
        for question_id, value in self.form.defaults.items():
            for row in self._rows_of(question_id):
                key = FieldKey(question_id, row)
                if key in self._kept_empty:
                    continue  # the interviewer emptied it before it was hidden
                if key not in self._answers and not self._relevant.get(key, False):
                    self._answers[key] = value

    def _load_one(self, key: FieldKey, info: FieldInfo, value: object) -> None:
        if value is None:  # held as emptied (`cleared_defaults`)
            self._kept_empty.add(key)
        self._store(key, self._read(info, value))

    def _store(self, key: FieldKey, stored: Stored | None) -> None:
        if stored is not None:
            self._answers[key] = stored

    def _rows_of(self, owner: str) -> Iterable[Row]:
        info = self.form.fields.get(owner)
        if info is None or info.repeat_id is None:
            return (None,)
        return range(self._rows[info.repeat_id])

    def _exists(self, key: FieldKey) -> bool:
        repeat = self.form.fields[key.id].repeat_id
        return repeat is None or (key.row is not None and key.row < self._rows[repeat])

    def _reader_rows(self, slot: Slot, changed: FieldKey) -> Iterable[Row]:
        """Rows of `slot` to re-evaluate: the same row for a sibling, every row otherwise."""
        if changed.row is not None:
            return (changed.row,)
        return self._rows_of(slot.owner)

    def _parent_relevant(self, owner: str) -> bool:
        parent = self._graph.parent.get(owner)
        return parent is None or self._relevant.get(FieldKey(parent), False)

    def _evaluate(self, expr: Expr, key: FieldKey) -> Value:
        self.evaluations += 1
        return evaluate(expr, _RowContext(self, key))

    def _run(self, slot: Slot, row: Row) -> bool:
        """Evaluate one slot for one row; True when its result changed."""
        return self._run_with(slot, self._graph.expressions.get(slot), row)

    def _run_with(self, slot: Slot, expr: Expr | None, row: Row) -> bool:
        key = FieldKey(slot.owner, row)
        kind = slot.kind
        if kind is SlotKind.CALCULATION:
            assert expr is not None
            result = _as_answer(self.form.fields[slot.owner], self._evaluate(expr, key))
            old = self._calculated.get(key)
            if result is None:
                self._calculated.pop(key, None)
            else:
                self._calculated[key] = result
            return type(old) is not type(result) or old != result
        relevant = self._relevant.get(key, False)
        if kind is SlotKind.RELEVANT:
            new = self._parent_relevant(slot.owner) and (
                expr is None or self._evaluate(expr, key) is True
            )
            self._relevant[key] = new
            return new != relevant
        if kind is SlotKind.REQUIRED:
            question = self.form.fields[slot.owner].question
            new = relevant and (
                self._evaluate(expr, key) is True if expr is not None else question.required is True
            )
            changed = new != self._required.get(key, False)
            self._required[key] = new
            return changed
        assert expr is not None
        holds = (
            not relevant
            or isinstance(self._answers.get(key), InvalidAnswer)
            or is_empty(self._visible(key))
            or self._evaluate(expr, key) is True
        )
        changed = holds != self._holds.get(key, True)
        self._holds[key] = holds
        return changed

    def _visible(self, key: FieldKey) -> Value:
        """A question's value as expressions see it: empty unless relevant, answered and valid."""
        if not self._relevant.get(key, False):
            return ""
        return as_value(self._kept(key))

    def _visible_rows(self, repeat_id: str) -> int:
        return self._rows[repeat_id] if self._relevant.get(FieldKey(repeat_id), False) else 0

    def _check(self, key: FieldKey) -> tuple[Issue, ...]:
        info = self.form.fields[key.id]
        question = info.question
        relevant = self._relevant.get(key, False)
        if question.type is QuestionType.NOTE or not relevant:
            return ()
        if question.type is QuestionType.REPEAT:
            rows = self._rows[key.id]
            counted = FieldCheck(
                relevant=True,
                required=False,
                empty=rows == 0,
                rows=rows,
                min_rows=question.min_rows,
                max_rows=question.max_rows,
            )
            return field_issues(key, counted)
        stored = self._answers.get(key)
        if not isinstance(stored, InvalidAnswer):
            # Most answers have nothing to report: say so without gathering a FieldCheck.
            if self._kept(key) is None:
                if not self._required.get(key, False):
                    return ()
            elif self._holds.get(key, True):
                return ()
        message = question.constraint_message
        text = None if message is None else self.form.text(message, self.language)
        return field_issues(
            key,
            FieldCheck(
                relevant=True,
                required=self._required.get(key, False),
                empty=self._kept(key) is None and not isinstance(stored, InvalidAnswer),
                type_problem=stored.problem if isinstance(stored, InvalidAnswer) else None,
                type_kind=stored.kind if isinstance(stored, InvalidAnswer) else None,
                constraint_holds=self._holds.get(key, True),
                constraint_message=text,
            ),
        )


class _RowContext:
    """What an expression evaluated for one field (and row) can see."""

    __slots__ = ("_key", "_session")

    def __init__(self, session: FormSession, key: FieldKey) -> None:
        self._session = session
        self._key = key

    def value(self, name: str) -> Value:
        info = self._session.form.fields[name]
        if info.repeat_id is None:
            return self._session._visible(FieldKey(name))
        if self._key.row is None:
            raise KeyError(name)
        return self._session._visible(FieldKey(name, self._key.row))

    def row_count(self, name: str) -> int:
        if name not in self._session._rows:
            raise KeyError(name)
        return self._session._visible_rows(name)

    def current(self) -> Value:
        return self._session._visible(self._key)

    def now(self) -> datetime:
        return require_aware(self._session._clock())


@dataclass
class _Pass:
    """One round of incremental re-evaluation, in dependency order, each slot at most once."""

    session: FormSession
    relevance: set[FieldKey] = field(default_factory=set)
    required: set[FieldKey] = field(default_factory=set)
    values: set[FieldKey] = field(default_factory=set)
    rows: set[str] = field(default_factory=set)
    validity: set[FieldKey] = field(default_factory=set)
    _queue: list[tuple[int, int, Slot, Row]] = field(default_factory=list)
    _queued: set[tuple[Slot, Row]] = field(default_factory=set)

    def schedule(self, slot: Slot, row: Row) -> None:
        if (slot, row) not in self._queued:
            self._queued.add((slot, row))
            rank = self.session._graph.rank[slot]
            heapq.heappush(self._queue, (rank, -1 if row is None else row, slot, row))

    def value_changed(self, key: FieldKey) -> None:
        graph = self.session._graph
        for slot in graph.readers.get(key.id, ()):
            for row in self.session._reader_rows(slot, key):
                self.schedule(slot, row)
        own = Slot(key.id, SlotKind.CONSTRAINT)
        if own in graph.rank:
            self.schedule(own, key.row)
        self.validity.add(key)

    def finish(self) -> Changes:
        session = self.session
        while self._queue:
            _, _, slot, row = heapq.heappop(self._queue)
            if not session._run(slot, row):
                continue
            key = FieldKey(slot.owner, row)
            if slot.kind is SlotKind.RELEVANT:
                self._relevance_changed(key)
            elif slot.kind is SlotKind.CALCULATION:
                self.values.add(key)
                if session._relevant.get(key, False):
                    self.value_changed(key)
            elif slot.kind is SlotKind.REQUIRED:
                self.required.add(key)
                self.validity.add(key)
            else:
                self.validity.add(key)
        changed_validity = set()
        for key in self.validity:
            if not session._exists(key):  # a row removed by this same edit
                continue
            issues = session._check(key)
            if issues != session._issues.get(key, ()):
                changed_validity.add(key)
                if issues:
                    session._issues[key] = issues
                else:
                    session._issues.pop(key, None)
        return Changes(
            relevance=frozenset(self.relevance),
            required=frozenset(self.required),
            validity=frozenset(changed_validity),
            values=frozenset(self.values),
            rows=frozenset(self.rows),
        )

    def _relevance_changed(self, key: FieldKey) -> None:
        session = self.session
        graph = session._graph
        self.relevance.add(key)
        owner = key.id
        for slot in graph.slots_of(owner):
            if slot.kind in (SlotKind.REQUIRED, SlotKind.CONSTRAINT):
                self.schedule(slot, key.row)
        for child in graph.children.get(owner, ()):
            for row in session._rows_of(child) if owner in session._rows else (key.row,):
                self.schedule(Slot(child, SlotKind.RELEVANT), row)
        if owner in session.form.fields:
            self.validity.add(key)
            if owner in session._rows or session._kept(key) is not None:
                self.value_changed(key)


def _differ(before: Mapping[FieldKey, Any], after: Mapping[FieldKey, Any]) -> frozenset[FieldKey]:
    return frozenset(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))


def _kind(info: FieldInfo) -> str:
    return "calculated question" if info.calculated else info.question.type.value


def _as_answer(info: FieldInfo, result: Value) -> AnswerValue | None:
    """A calculation's result in its question's type (a whole number drops any fraction,
    as in ODK: 61 hours div 24 is 2 full days; but 4.1 hours * 60 is 246 minutes, not the
    245 its floating-point value of 245.99999999999997 would give)."""
    if is_empty(result):
        return None
    kind = info.question.type
    if isinstance(result, float) and not isinstance(result, bool):
        if not math.isfinite(result) or abs(result) > MAX_WHOLE_NUMBER:
            return None  # past what a typed answer may be, and what a record may hold
        if kind is not QuestionType.INTEGER:
            return result
        nearest = round(result)
        return nearest if same_number(result, float(nearest)) else math.trunc(result)
    if isinstance(result, str) and kind is QuestionType.TEXT:
        return result
    if isinstance(result, datetime):
        return result if kind is QuestionType.DATETIME else None
    if isinstance(result, date) and kind is QuestionType.DATE:
        return result
    if isinstance(result, time) and kind is QuestionType.TIME:
        return result
    return None


def _in_order(key: FieldKey) -> tuple[str, int]:
    return key.id, -1 if key.row is None else key.row


def _as_kept(stored: Stored | None) -> Any:
    """An entry as a record keeps it, JSON-ready: the answer, or input as typed."""
    if isinstance(stored, InvalidAnswer):
        return stored.raw if _json_ready(stored.raw) else None
    return None if stored is None else to_json(stored)


def _json_ready(raw: object) -> bool:
    """Whether input can be kept in a record as typed: text, finite numbers, yes/no, and
    lists and objects of those (what the input widgets hand over)."""
    if raw is None or isinstance(raw, str | bool):
        return True
    if isinstance(raw, int):
        return abs(raw) <= 2**53 - 1  # exact in JSON, as the central service requires
    if isinstance(raw, float):
        return math.isfinite(raw)
    if isinstance(raw, list):
        return all(_json_ready(item) for item in raw)
    if isinstance(raw, dict):
        return all(isinstance(k, str) and _json_ready(v) for k, v in raw.items())
    return False
