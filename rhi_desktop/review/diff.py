"""What changed between two revisions of an interview, question by question.

Compared on the stored answers, shown in the form's words (see `answer_text`). A plain
question is answered, cleared or changed. A repeat group is compared row by row: rows
that are the same in both revisions are matched first (so removing the second of three
people shows one removed row, not two changed ones); of the rest, the rows sharing most
answers are one row changed, and any other row was added or removed.

Each revision is read in the words of the form version it was made on: an interviewer
may move a returned draft to a newer version before sending it back, so the old answers
can be to questions, choices or row fields the new version no longer has. An answer
the move could not carry reads as left behind by it, with why, never as cleared by the
interviewer: the move is worked out again from the old revision. Questions come
in the new version's order, then those only the old one had, then answers to questions
neither has. A change is sensitive (covered unless asked for) when either version marks
its question so, or when an answer is to a question its version does not have: shown as
stored, it may hold anything.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from enum import StrEnum
from functools import cached_property
from typing import Any

from rhi_desktop.forms import Form, QuestionType
from rhi_desktop.forms.versions import Migration, Reason, plan_migration
from rhi_desktop.review.answer_text import (
    ENGLISH,
    FieldText,
    Words,
    answer_text,
    is_sensitive,
    question_label,
    row_fields,
    rows_of,
    rows_text,
    shown,
    skip_logic,
    stored_text,
)


class ChangeKind(StrEnum):
    ADDED = "added"  # answered now, unanswered before (a row: new)
    REMOVED = "removed"  # unanswered now (a row: taken out)
    CHANGED = "changed"
    LEFT_BEHIND = "left_behind"  # not asked on the form version the interview moved to
    MOVED = "moved"  # changed by a move to a newer version alone (a choice dropped, a default)


@dataclass(frozen=True, slots=True)
class RowChange:
    kind: ChangeKind
    before_number: int | None  # from 1; None for an added row
    after_number: int | None  # None for a removed row
    before: tuple[FieldText, ...]
    after: tuple[FieldText, ...]

    @property
    def sensitive(self) -> bool:
        """Whether the row, before or after, holds an answer to a sensitive question."""
        return any(field.sensitive for field in (*self.before, *self.after))


@dataclass(frozen=True, slots=True)
class QuestionChange:
    question_id: str
    label: str
    section_title: str
    kind: ChangeKind
    before: str  # `Words.not_answered` when it had no answer
    after: str
    rows: tuple[RowChange, ...] = ()  # repeat groups only
    sensitive: bool = False  # the question's answers are covered unless asked for


def _key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _has(form: Form | None, question_id: str) -> bool:
    """Whether `form` asks the question at the top level, where a record answers it (a
    question of a repeat group is answered inside its rows, never at the top)."""
    if form is None or question_id not in form.fields:
        return False
    return form.fields[question_id].repeat_id is None


def _is_repeat(form: Form | None, question_id: str) -> bool:
    info = form.fields.get(question_id) if form is not None else None
    return info is not None and info.question.type is QuestionType.REPEAT


def _order(forms: Sequence[Form | None], keys: set[str], words: Words) -> list[tuple[str, str]]:
    """(question id, section title) of `keys` in the order of the first of `forms` that
    has them; ids none of them has come last, by id."""
    ordered: list[tuple[str, str]] = []
    placed: set[str] = set()
    for form in forms:
        if form is None:
            continue
        for info in form.sections.values():
            title = shown(form, info.section.title, words)
            for question_id in info.question_ids:
                if question_id in keys and question_id not in placed:
                    ordered.append((question_id, title))
                    placed.add(question_id)
    ordered += [(q, "") for q in sorted(keys - placed)]
    return ordered


def _label(forms: Sequence[Form | None], question_id: str, words: Words) -> str:
    """The question's label on the first of `forms` that has it."""
    form = next((f for f in forms if _has(f, question_id)), None)
    return question_label(form, question_id, words)


def _row_fields(
    own: Form | None, other: Form | None, repeat_id: str, row: Mapping[str, Any], words: Words
) -> tuple[FieldText, ...]:
    """A row's answers in the words of the version it was made on (`own`); a field is
    sensitive when either version marks it so or its own version does not have it."""
    known = set(own.repeat_children(repeat_id)) if own is not None else set()
    return tuple(
        replace(
            field,
            sensitive=field.sensitive
            or field.question_id not in known
            or is_sensitive(other, field.question_id),
        )
        for field in row_fields(own, repeat_id, row, words)
    )


def _row_changes(
    old_form: Form | None,
    new_form: Form | None,
    repeat_id: str,
    old: Sequence[Mapping[str, Any]],
    new: Sequence[Mapping[str, Any]],
    words: Words,
    move: _Move,
) -> tuple[RowChange, ...]:
    """Row by row; a row changed by a form-version move alone (a row's answer the new
    version no longer asks, say) is said to be the move's change."""

    def before(row: Mapping[str, Any]) -> tuple[FieldText, ...]:
        return _row_fields(old_form, new_form, repeat_id, row, words)

    def after(row: Mapping[str, Any]) -> tuple[FieldText, ...]:
        return _row_fields(new_form, old_form, repeat_id, row, words)

    matcher = SequenceMatcher(None, [_key(r) for r in old], [_key(r) for r in new], autojunk=False)
    changes: list[RowChange] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        pairs = _pair_rows(old, range(i1, i2), new, range(j1, j2))
        paired_new = set(pairs.values())
        for i in range(i1, i2):
            if i in pairs:
                j = pairs[i]
                moved = move.made_row(repeat_id, i, new[j])
                kind = ChangeKind.MOVED if moved else ChangeKind.CHANGED
                changes.append(RowChange(kind, i + 1, j + 1, before(old[i]), after(new[j])))
            else:
                changes.append(RowChange(ChangeKind.REMOVED, i + 1, None, before(old[i]), ()))
        for j in range(j1, j2):
            if j not in paired_new:
                changes.append(RowChange(ChangeKind.ADDED, None, j + 1, (), after(new[j])))
    return tuple(changes)


def _pair_rows(
    old: Sequence[Mapping[str, Any]],
    old_rows: range,
    new: Sequence[Mapping[str, Any]],
    new_rows: range,
) -> dict[int, int]:
    """Old row -> new row for rows that were edited rather than replaced: the pairs that
    share most answers (at least one) go together first, then the next best of the rows
    left, the nearer in place winning a tie. Taken in order instead, one row sharing a
    single answer took the row another had been edited into, and the coordinator read
    that the person with the concern was taken out."""
    scored = sorted(
        (-_shared(old[i], new[j]), abs((i - old_rows.start) - (j - new_rows.start)), i, j)
        for i in old_rows
        for j in new_rows
    )
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for unshared, _, i, j in scored:
        if unshared < 0 and i not in pairs and j not in taken:
            pairs[i] = j
            taken.add(j)
    return pairs


def _shared(old: Mapping[str, Any], new: Mapping[str, Any]) -> int:
    """How many answers two rows have the same."""
    return sum(1 for k, v in old.items() if k in new and _key(new[k]) == _key(v))


def _text(form: Form | None, question_id: str, raw: Any, words: Words) -> str | None:
    if raw is None:
        return None
    if form is None or not _has(form, question_id):
        return stored_text(raw)
    info = form.field(question_id)
    if info.question.type is QuestionType.REPEAT:
        count = len(rows_of(raw))
        return rows_text(count, words) if count else None
    return answer_text(form, info, raw, words)


def _sensitive(
    old_form: Form | None, new_form: Form | None, question_id: str, old: Any, new: Any
) -> bool:
    """Whether either version marks the question sensitive, or an answer is to a question
    its own version does not have."""
    return (
        is_sensitive(old_form, question_id)
        or is_sensitive(new_form, question_id)
        or (old is not None and not _has(old_form, question_id))
        or (new is not None and not _has(new_form, question_id))
    )


class _Move:
    """What moving the interview from `source` to `form` could not carry of the old
    answers, worked out (once, when first asked) as the move works it out."""

    def __init__(
        self, source: Form | None, form: Form | None, old_answers: Mapping[str, Any]
    ) -> None:
        self._forms: tuple[Form, Form] | None = None
        if (
            source is not None
            and form is not None
            and form.form_id == source.form_id
            and form.version > source.version
        ):
            self._forms = (source, form)
        self._old_answers = old_answers

    @cached_property
    def _plan(self) -> Migration | None:
        if self._forms is None:
            return None
        source, form = self._forms
        return plan_migration(self._old_answers, source, form)

    @cached_property
    def _reasons(self) -> Mapping[str, Reason]:
        return {} if self._plan is None else self._plan.reasons()

    def made(self, question_id: str, new: Any) -> bool:
        """Whether the new revision's answer is what the move made of the old one: it
        changed in the move alone (a choice the new version no longer offers, say),
        not by the interviewer."""
        if self._plan is None:
            return False
        return _key(self._plan.answers.get(question_id)) == _key(new)

    def made_row(self, repeat_id: str, before: int, row: Mapping[str, Any]) -> bool:
        """Whether a row is what the move made of the old revision's row `before` (from 0)."""
        if self._plan is None:
            return False
        carried = rows_of(self._plan.answers.get(repeat_id))
        return before < len(carried) and _key(carried[before]) == _key(row)

    def left_behind(
        self, question_id: str, new_answers: Mapping[str, Any], words: Words
    ) -> str | None:
        """How an answer the new revision no longer has was left behind by the move (the
        words for its "now"), or None when the move did not leave it behind: the
        interviewer cleared it, or there was no move."""
        if self._forms is None:
            return None
        source, form = self._forms
        if not _has(form, question_id):
            if not _has(source, question_id):
                return None
            group = form.fields[question_id].repeat_id if question_id in form.fields else None
            if group is not None:  # asked now in each row of a group: not left unasked
                label = question_label(form, group, words)
                return words.in_rows_on_version.format(form.version, label)
            return words.not_on_version.format(form.version)
        reason = self._reasons.get(question_id)
        if reason is Reason.CHOICES_REMOVED:
            return words.choice_not_on_version.format(form.version)
        if reason is Reason.NOT_ASKED:
            # held by the move; still not asked, or asked again and left empty since
            session = skip_logic(form, new_answers)
            asked = session is None or session.is_relevant(question_id)
            return None if asked else words.not_on_version.format(form.version)
        if reason is None or reason is Reason.TO_CORRECT:
            return None  # carried: cleared since
        return words.not_carried.format(form.version)


def revision_diff(
    old_answers: Mapping[str, Any],
    new_answers: Mapping[str, Any],
    form: Form | None,
    words: Words = ENGLISH,
    *,
    old_form: Form | None = None,
) -> tuple[QuestionChange, ...]:
    """Every question whose stored answer differs between the two revisions.

    `form` is the version the new answers were made on; `old_form` the one the old
    answers were made on, when that is another version (by default the same).
    """
    before_form = form if old_form is None else old_form
    forms = (form, before_form)
    move = _Move(before_form, form, old_answers)
    differing = {
        key
        for key in set(old_answers) | set(new_answers)
        if _key(old_answers.get(key)) != _key(new_answers.get(key))
    }
    changes: list[QuestionChange] = []
    for question_id, section_title in _order(forms, differing, words):
        old, new = old_answers.get(question_id), new_answers.get(question_id)
        before = _text(before_form, question_id, old, words)
        after = _text(form, question_id, new, words)
        rows: tuple[RowChange, ...] = ()
        if _is_repeat(before_form, question_id) or _is_repeat(form, question_id):
            rows = _row_changes(
                before_form, form, question_id, rows_of(old), rows_of(new), words, move
            )
        if before == after and not rows:
            continue  # stored differently, reads the same (e.g. 2 and 2.0)
        left_as = (
            move.left_behind(question_id, new_answers, words)
            if after is None and before is not None
            else None
        )
        left = left_as is not None
        kind = (
            ChangeKind.MOVED  # (a question new in the version, given its default, too)
            if after is not None and move.made(question_id, new)
            else ChangeKind.ADDED
            if before is None
            else ChangeKind.LEFT_BEHIND
            if left
            else ChangeKind.REMOVED
            if after is None
            else ChangeKind.CHANGED
        )
        if left:
            after = left_as
            rows = tuple(  # a group left behind: its rows were not taken out one by one
                replace(row, kind=ChangeKind.LEFT_BEHIND) if row.kind is ChangeKind.REMOVED else row
                for row in rows
            )
        changes.append(
            QuestionChange(
                question_id=question_id,
                label=_label(forms, question_id, words),
                section_title=section_title,
                kind=kind,
                before=words.not_answered if before is None else before,
                after=words.not_answered if after is None else after,
                rows=rows,
                sensitive=_sensitive(before_form, form, question_id, old, new),
            )
        )
    return tuple(changes)
