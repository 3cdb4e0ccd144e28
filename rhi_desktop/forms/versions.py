"""Form definitions by (form_id, version), and moving a draft to a newer version.

An interview pins the form id and version it was started with, so a definition the
service installs later never changes a draft under the interviewer's hands: the renderer
asks `FormRegistry.load(form_id, version)` for exactly the pinned one. The registry finds
the definitions bundled with the app (`resources/forms/`) and those installed on this
device since (one JSON file per version in an installed-forms directory).

Migrating a draft is an explicit action. `plan_migration` maps answers by question id and
lists, question by question, what it could not carry over: questions the new version no
longer has, questions that now take another kind of answer, choice values no longer
offered. `plan_draft_migration` plans the move of a stored draft and `apply_migration`
stores a plan in a transaction, with an audit event of its own naming the versions and
the questions left behind, so a caller can first make sure the new version can be
shown; `migrate_draft` does both at once.
Everything here names questions and choice values only, never an answer.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import tempfile
from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rhi_desktop.audit import AuditAction, DetailValue
from rhi_desktop.forms.answers import AnswerTypeError, coerce_answer, decimal_text, to_json
from rhi_desktop.forms.form import FieldInfo, Form
from rhi_desktop.forms.held import Holding, with_held
from rhi_desktop.forms.loader import (
    BOM,
    BUNDLED_FORMS_DIR,
    FormDefinitionError,
    load_form,
    load_form_file,
)
from rhi_desktop.forms.model import QuestionType
from rhi_desktop.forms.session import FormSession
from rhi_desktop.store.errors import StaleEditError

if TYPE_CHECKING:
    from rhi_desktop.domain.entities import ReturnInterview
    from rhi_desktop.store.store import Transaction

log = logging.getLogger(__name__)

INSTALLED_FORMS_DIR_NAME = "forms"
_NOT_DEFINITIONS = frozenset({"schema.json"})

Q = QuestionType
_TEXTS = (Q.TEXT, Q.LONG_TEXT)
_NUMBERS = (Q.INTEGER, Q.DECIMAL)
# Answers that read the same under either type; anything else is a changed question.
_COMPATIBLE = frozenset(
    {
        (Q.TEXT, Q.LONG_TEXT),
        (Q.LONG_TEXT, Q.TEXT),
        (Q.INTEGER, Q.DECIMAL),
        (Q.DECIMAL, Q.INTEGER),
        (Q.YES_NO, Q.SINGLE_CHOICE),  # 'yes' carried if still offered, else named
        (Q.SINGLE_CHOICE, Q.YES_NO),
        (Q.SINGLE_CHOICE, Q.MULTIPLE_CHOICE),  # the one chosen, ticked, if still offered
        (Q.MULTIPLE_CHOICE, Q.SINGLE_CHOICE),  # a lone tick, chosen; more cannot be
        # a number is carried as its text; text as the number it reads, else as typed
        *((n, t) for n in _NUMBERS for t in _TEXTS),
        *((t, n) for n in _NUMBERS for t in _TEXTS),
    }
)
_AS_TYPED = frozenset({Q.TEXT, Q.LONG_TEXT, Q.INTEGER, Q.DECIMAL})
"""Questions whose answer that no longer fits (too long, or a fraction where a whole
number is asked now) is carried as typed, to be corrected, rather than left behind."""


@dataclass(frozen=True, slots=True, order=True)
class FormRef:
    form_id: str
    version: int

    def __str__(self) -> str:
        return f"{self.form_id} v{self.version}"


class FormNotInstalledError(LookupError):
    """The pinned definition is not on this device (the message names it, nothing else)."""

    def __init__(self, ref: FormRef) -> None:
        super().__init__(
            f"Form {ref.form_id} version {ref.version} is not installed on this device. "
            "Sync to fetch it, or ask IT to install it."
        )
        self.ref = ref


class FormVersionConflictError(ValueError):
    """A different definition already holds this (form_id, version)."""

    def __init__(self, ref: FormRef) -> None:
        super().__init__(
            f"Form {ref.form_id} version {ref.version} is already installed with different "
            "content. A changed form needs a new version number."
        )
        self.ref = ref


@dataclass(frozen=True, slots=True)
class UnusableDefinition:
    """A file the registry skipped, and why (file name only)."""

    file_name: str
    problem: str


class FormRegistry:
    """Every definition in `directories`, the first directory winning a duplicate.

    The last directory is where `install` writes. Files are indexed by their `form_id`
    and `version` when the registry is made and fully checked when first loaded.
    """

    def __init__(self, *directories: Path) -> None:
        if not directories:
            raise ValueError("A form registry needs at least one directory.")
        self._directories = directories
        self._files: dict[FormRef, Path] = {}
        self._contents: dict[FormRef, Any] = {}
        self._loaded: dict[FormRef, Form] = {}
        self.unusable: list[UnusableDefinition] = []
        for directory in directories:
            self._scan(directory)

    @classmethod
    def for_profile(cls, profile_root: Path) -> FormRegistry:
        """The bundled definitions plus those installed into `<profile>/forms`."""
        return cls(BUNDLED_FORMS_DIR, profile_root / INSTALLED_FORMS_DIR_NAME)

    @property
    def install_dir(self) -> Path:
        return self._directories[-1]

    def _scan(self, directory: Path) -> None:
        if not directory.is_dir():
            return
        for path in sorted(directory.glob("*.json")):
            if path.name in _NOT_DEFINITIONS:
                continue
            try:
                data = _read_definition(path)
            except (OSError, ValueError, TypeError, KeyError, RecursionError) as error:
                # Whatever a file holds (a version of 1e400, arrays nested a hundred
                # thousand deep), it is passed over: every other form stays usable.
                self._skip(path, f"not a form definition ({type(error).__name__})")
                continue
            ref = FormRef(data["form_id"], data["version"])
            known = self._contents.get(ref)
            if known is None:
                self._files[ref] = path
                self._contents[ref] = data
            elif known != data:
                self._skip(path, f"{ref} is already defined by {self._files[ref].name}")

    def _skip(self, path: Path, problem: str) -> None:
        log.warning("form definition %s skipped: %s", path.name, problem)
        self.unusable.append(UnusableDefinition(path.name, problem))

    def refs(self) -> list[FormRef]:
        return sorted(self._files)

    def versions(self, form_id: str) -> list[int]:
        return sorted(ref.version for ref in self._files if ref.form_id == form_id)

    def contents(self, ref: FormRef) -> dict[str, Any] | None:
        """The definition of `ref` as its file holds it (unchecked), if there is one."""
        data = self._contents.get(ref)
        return None if data is None else dict(data)

    def latest(self, form_id: str) -> FormRef:
        versions = self.versions(form_id)
        if not versions:
            raise FormNotInstalledError(FormRef(form_id, 1))
        return FormRef(form_id, versions[-1])

    def newer_than(self, form_id: str, version: int) -> FormRef | None:
        """The latest version above `version`, if one is installed."""
        latest = max(self.versions(form_id), default=0)
        return FormRef(form_id, latest) if latest > version else None

    def newer_usable(self, form_id: str, version: int) -> Form | None:
        """The latest version above `version` that passes its checks, if one is installed.

        A draft is offered only a version it can be moved to: a definition that fails its
        checks (copied onto the device by hand, say) is passed over and listed in
        `unusable`.
        """
        for newer in reversed(self.versions(form_id)):
            if newer <= version:
                break
            try:
                return self.load(form_id, newer)
            except FormDefinitionError as error:
                self._not_loadable(FormRef(form_id, newer), error)
        return None

    def newest_usable(self, form_id: str) -> Form:
        """The newest version that passes its checks: the one a new interview starts on.

        A newer definition that fails them is passed over (and listed in `unusable`), as
        it is when a draft is offered a move.
        """
        form = self.newer_usable(form_id, 0)
        if form is None:
            raise FormNotInstalledError(self.latest(form_id))
        return form

    def _not_loadable(self, ref: FormRef, error: FormDefinitionError) -> None:
        name = self._files[ref].name
        if all(known.file_name != name for known in self.unusable):
            noun = "problem" if len(error.problems) == 1 else "problems"
            self._skip(self._files[ref], f"{ref} fails its checks ({len(error.problems)} {noun})")

    def load(self, form_id: str, version: int) -> Form:
        """The checked definition (cached); FormDefinitionError if the file is broken."""
        ref = FormRef(form_id, version)
        form = self._loaded.get(ref)
        if form is None:
            path = self._files.get(ref)
            if path is None:
                raise FormNotInstalledError(ref)
            form = load_form_file(path, published=True)  # as it was published
            self._loaded[ref] = form
        return form

    def install(self, source: str | bytes | Mapping[str, Any]) -> FormRef:
        """Check a definition and keep it in the install directory.

        Installing the same definition twice is harmless; a different one under a
        (form_id, version) already known raises FormVersionConflictError, unless the
        installed copy fails its checks: then the checked one takes its place.
        """
        if isinstance(source, str | bytes):
            # the text itself checked (a key given twice, say), as it was published
            form = load_form(source, published=True)
            data = json.loads(source.removeprefix(BOM) if isinstance(source, str) else source)
        else:
            data = dict(source)
            form = load_form(data, published=True)
        ref = FormRef(form.form_id, form.version)
        known = self._contents.get(ref)
        if known == data:
            return ref
        if known is not None and not self._replaceable(ref):
            raise FormVersionConflictError(ref)
        directory = self.install_dir
        directory.mkdir(parents=True, exist_ok=True)
        target = directory / f"{ref.form_id}-v{ref.version}.json"
        _write_atomically(target, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        if known is not None:
            self._forget_broken(ref, target)
        self._files[ref] = target
        self._contents[ref] = data
        self._loaded[ref] = form
        return ref

    def _replaceable(self, ref: FormRef) -> bool:
        """Whether the copy of `ref` on the device is an installed one that fails its
        checks (a bundled definition is never replaced)."""
        if self._files[ref].parent != self.install_dir:
            return False
        try:
            self.load(ref.form_id, ref.version)
        except FormDefinitionError:
            return True
        return False

    def _forget_broken(self, ref: FormRef, replacement: Path) -> None:
        """Remove the broken copy of `ref` a checked one now replaces."""
        broken = self._files[ref]
        if broken != replacement:
            broken.unlink(missing_ok=True)
        self.unusable = [item for item in self.unusable if item.file_name != broken.name]
        log.info("form definition %s replaced a copy that failed its checks", ref)


def _write_atomically(target: Path, text: str) -> None:
    """A crash leaves either no file or the whole file, never half a definition."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


# --- migration ---------------------------------------------------------------------------


class Reason(StrEnum):
    REMOVED = "removed"
    """The new version has no question with this id."""
    MOVED = "moved"
    """The question moved into, out of, or between repeat groups."""
    TYPE_CHANGED = "type_changed"
    """The question now takes another kind of answer."""
    CALCULATED = "calculated"
    """The new version works the answer out from other answers."""
    NOW_ASKED = "now_asked"
    """The old version worked the value out; the new one asks it: what it worked out is
    no one's answer, and would not change with the answers it came from."""
    SCALE_CHANGED = "scale_changed"
    """A rating on a scale with other ends: 5 of 1 to 5 is not 5 of 0 to 10."""
    CHOICES_REMOVED = "choices_removed"
    """Some chosen values are no longer offered (`values` lists them)."""
    NOT_VALID = "not_valid"
    """The answer does not fit the changed question (e.g. a point no longer on a scale)."""
    NOT_ASKED = "not_asked"
    """The new version does not ask this, given the other answers (its skip logic)."""
    TO_CORRECT = "to_correct"
    """Carried as typed, though it no longer fits the question (now too long, say): the
    interviewer corrects it before signing off, as any answer that does not fit."""


@dataclass(frozen=True, slots=True)
class NotCarried:
    """One question whose answer (in some or all rows) did not move to the new version."""

    question_id: str
    reason: Reason
    rows: tuple[int, ...] = ()
    """For questions inside repeat groups: the rows affected."""
    values: tuple[str, ...] = ()
    """For CHOICES_REMOVED: the choice values dropped."""


@dataclass(frozen=True)
class Migration:
    source: FormRef
    target: FormRef
    answers: dict[str, Any]
    """The draft's answers for the target version (a record `FormSession` reads)."""
    not_carried: tuple[NotCarried, ...]
    too_many_rows: tuple[tuple[str, int, int], ...] = ()
    """(repeat group, rows the draft has, most the new version allows), for groups with
    more rows than that: every row is carried, and the interviewer removes the rest."""
    held: dict[str, Any] | None = None
    """Answers carried that the new version does not ask, given the others (those of
    `not_carried` said to be `NOT_ASKED`), held beside the record as a `Holding`'s content,
    as the form holds answers a change hid: each comes back if its question is asked."""

    @property
    def complete(self) -> bool:
        return not self.not_carried

    @property
    def left_behind(self) -> tuple[NotCarried, ...]:
        """What the move loses: all that is not carried but what is held, and what is
        carried to be corrected."""
        return tuple(item for item in self.not_carried if item.reason not in _CARRIED)

    @property
    def to_correct(self) -> tuple[NotCarried, ...]:
        """What the move carries as typed, to be corrected (`Reason.TO_CORRECT`)."""
        return tuple(item for item in self.not_carried if item.reason is Reason.TO_CORRECT)

    @property
    def kept_aside(self) -> tuple[NotCarried, ...]:
        """What the move holds, not asked for now (`held`)."""
        return tuple(item for item in self.not_carried if item.reason is Reason.NOT_ASKED)

    def reasons(self) -> dict[str, Reason]:
        return {item.question_id: item.reason for item in self.not_carried}


_CARRIED = frozenset({Reason.NOT_ASKED, Reason.TO_CORRECT})
"""Reported, though carried: held beside the record, or carried to be corrected."""


class _Planner:
    def __init__(self, source: Form, target: Form) -> None:
        self.source = source
        self.target = target
        self.dropped: dict[tuple[str, Reason], tuple[list[int], list[str]]] = {}
        self.too_many_rows: list[tuple[str, int, int]] = []
        self.defaulted: set[str] = set()
        """Questions new in the target that the move gave their defaults (in rows too)."""

    def drop(
        self, question_id: str, reason: Reason, row: int | None, values: Iterable[str] = ()
    ) -> None:
        rows, dropped_values = self.dropped.setdefault((question_id, reason), ([], []))
        if row is not None:
            rows.append(row)
        dropped_values.extend(v for v in values if v not in dropped_values)

    def carry(self, question_id: str, raw: Any, row: int | None, scope: str | None) -> Any:
        """The JSON answer for the target question, or None when it cannot be carried (or
        there is none: a question held as emptied leaves nothing behind)."""
        if raw is None:
            return None
        old = self.source.fields.get(question_id)
        new = self.target.fields.get(question_id)
        if new is None:
            self.drop(question_id, Reason.REMOVED, row)
            return None
        if new.repeat_id != scope:
            self.drop(question_id, Reason.MOVED, row)
            return None
        if new.calculated:
            if old is None or not old.calculated:  # a worked-out value is worked out again
                self.drop(question_id, Reason.CALCULATED, row)
            return None
        if old is not None and old.calculated:
            self.drop(question_id, Reason.NOW_ASKED, row)
            return None
        old_type = old.question.type if old is not None else new.question.type
        new_type = new.question.type
        if old_type != new_type and (old_type, new_type) not in _COMPATIBLE:
            self.drop(question_id, Reason.TYPE_CHANGED, row)
            return None
        if _ends(old) != _ends(new) and new_type is Q.SCALE:
            self.drop(question_id, Reason.SCALE_CHANGED, row)
            return None
        if old is not None and not _valid(old, raw):
            return raw  # input not valid yet, kept as typed: it still needs correcting
        if new_type is Q.MULTIPLE_CHOICE and old_type is Q.SINGLE_CHOICE and isinstance(raw, str):
            raw = [raw]
        if old_type is Q.MULTIPLE_CHOICE and new_type is Q.SINGLE_CHOICE:
            if len(raw) > 1:  # which one to keep is the interviewer's to say
                self.drop(question_id, Reason.TYPE_CHANGED, row)
                return None
            raw = raw[0] if raw else None
        if new_type in _TEXTS and old_type in _NUMBERS:
            raw = _as_typed(new_type, raw)
        if new_type is Q.MULTIPLE_CHOICE and isinstance(raw, list):
            return self._multiple(new, raw, row)
        try:
            value = coerce_answer(new.question, raw, new.choices)
        except AnswerTypeError:
            if new_type in (Q.SINGLE_CHOICE, Q.YES_NO) and isinstance(raw, str):
                self.drop(question_id, Reason.CHOICES_REMOVED, row, [raw])
            elif (typed := _as_typed(new_type, raw)) is not None:
                self.drop(question_id, Reason.TO_CORRECT, row)
                return typed
            else:
                self.drop(question_id, Reason.NOT_VALID, row)
            return None
        return None if value is None else to_json(value)

    def _multiple(self, new: FieldInfo, raw: list[Any], row: int | None) -> Any:
        offered = set(new.choices or ())
        gone = [value for value in raw if value not in offered]
        if gone:
            self.drop(new.id, Reason.CHOICES_REMOVED, row, [str(value) for value in gone])
        kept = [value for value in raw if value in offered]
        try:
            value = coerce_answer(new.question, kept, new.choices)
        except AnswerTypeError:
            self.drop(new.id, Reason.NOT_VALID, row)
            return None
        return None if value is None else to_json(value)

    def rows(self, repeat_id: str, raw: Any) -> list[dict[str, Any]] | None:
        new = self.target.fields.get(repeat_id)
        if new is None:
            self._drop_group(repeat_id, raw, Reason.REMOVED)
            return None
        if new.question.type is not Q.REPEAT or new.repeat_id is not None:
            self._drop_group(repeat_id, raw, Reason.TYPE_CHANGED)
            return None
        rows: list[dict[str, Any]] = []
        defaults = self._new_row_defaults(repeat_id)
        for index, answers in enumerate(self._rows_of(repeat_id, raw)):
            kept: dict[str, Any] = {}
            for question_id, value in answers.items():
                carried = self.carry(question_id, value, index, repeat_id)
                if carried is not None or self.emptied(question_id, value, repeat_id):
                    kept[question_id] = carried
            rows.append({**defaults, **kept})
        most = new.question.max_rows
        if most is not None and len(rows) > most:
            self.too_many_rows.append((repeat_id, len(rows), most))
        return rows

    def _new_row_defaults(self, repeat_id: str) -> dict[str, Any]:
        """The defaults of a group's questions new in the target: each row the draft has
        starts them as a row added now does."""
        source, target = self.source, self.target
        defaults = {
            child: to_json(target.defaults[child])
            for child in target.repeat_children(repeat_id)
            if child in target.defaults and child not in source.fields
        }
        self.defaulted.update(defaults)
        return defaults

    def _drop_group(self, repeat_id: str, raw: Any, reason: Reason) -> None:
        """The group is gone or is no longer a group: each answer in it says why it stays."""
        self.drop(repeat_id, reason, None)
        for index, answers in enumerate(raw if isinstance(raw, list) else []):
            for question_id, value in answers.items() if isinstance(answers, dict) else ():
                self.carry(question_id, value, index, repeat_id)  # each says why it stays

    def _rows_of(self, repeat_id: str, raw: Any) -> list[dict[str, Any]]:
        """A stored group's rows. What is not a list of rows (damaged, or written by
        something else) cannot be read: the group, or the row, is named as not valid
        rather than dropped unsaid."""
        if not isinstance(raw, list):
            self.drop(repeat_id, Reason.NOT_VALID, None)
            return []
        rows: list[dict[str, Any]] = []
        for index, row in enumerate(raw):
            if isinstance(row, dict):
                rows.append(row)
            else:
                self.drop(repeat_id, Reason.NOT_VALID, index)
                rows.append({})
        return rows

    def emptied(self, question_id: str, raw: Any, scope: str | None) -> bool:
        """Whether `raw` holds a question as emptied (`FormSession.cleared_defaults`) that
        the new version asks in the same place: it is carried as emptied, not defaulted."""
        new = self.target.fields.get(question_id)
        return raw is None and new is not None and new.answerable and new.repeat_id == scope

    def not_asked(
        self, carried: Mapping[str, Any], kept: Mapping[str, Any], defaulted: Set[str]
    ) -> None:
        """Answers carried that the new version's skip logic leaves out, given the rest
        (what is carried as emptied holds no answer to leave out, and a new question's
        default, `defaulted`, is no answer the draft gave)."""
        for question_id, value in carried.items():
            if question_id in defaulted:
                continue
            info = self.target.fields[question_id]
            if info.question.type is not Q.REPEAT:
                if question_id not in kept and value is not None:
                    self.drop(question_id, Reason.NOT_ASKED, None)
                continue
            rows = kept.get(question_id, [])
            for index, answers in enumerate(value):
                row = rows[index] if index < len(rows) else {}
                for child, child_value in answers.items():
                    if child not in row and child_value is not None and child not in defaulted:
                        self.drop(child, Reason.NOT_ASKED, index)

    def report(self) -> tuple[NotCarried, ...]:
        """What was not carried as it was. An answer carried to be corrected that the new
        version does not ask either is held, not shown: it is listed as held, not as one
        to correct."""
        order = {question_id: index for index, question_id in enumerate(self.source.fields)}
        held = {
            q: rows for (q, reason), (rows, _) in self.dropped.items() if reason is Reason.NOT_ASKED
        }
        items = []
        for (question_id, reason), (rows, values) in self.dropped.items():
            if reason is Reason.TO_CORRECT and question_id in held:
                rows = [row for row in rows if row not in held[question_id]]
                if not rows:  # (outside repeat groups, no rows: held as a whole)
                    continue
            items.append(NotCarried(question_id, reason, tuple(rows), tuple(values)))
        return tuple(sorted(items, key=lambda item: (order.get(item.question_id, -1), item.reason)))


def plan_migration(
    answers: Mapping[str, Any], source: Form, target: Form, held: Holding | None = None
) -> Migration:
    """Map a draft's answers (a `record()`, and what is `held` beside it: answers a change
    hid) from `source` to `target` by question id. Raises ValueError if the versions do
    not fit."""
    if source.form_id != target.form_id:
        raise ValueError("A draft can move only to another version of the same form.")
    if target.version <= source.version:
        raise ValueError(
            f"Version {target.version} is not newer than the draft's version {source.version}."
        )
    planner = _Planner(source, target)
    carried: dict[str, Any] = {}
    everything = answers if held is None else with_held(answers, held)
    for question_id, raw in everything.items():
        old = source.fields.get(question_id)
        if old is not None and old.question.type is Q.REPEAT:
            rows = planner.rows(question_id, raw)
            if rows:
                carried[question_id] = rows
            continue
        value = planner.carry(question_id, raw, None, None)
        if value is not None or planner.emptied(question_id, raw, None):
            carried[question_id] = value
    # Questions new in this version start as in a new interview: with their defaults,
    # which may ask questions whose answers are carried.
    defaulted = planner.defaulted
    for question_id, value in target.starting_answers().items():
        if question_id not in source.fields and question_id not in carried:
            carried[question_id] = value
            defaulted.add(question_id)
    # What the new version keeps of them: its skip logic may leave some out, to be held
    # beside the record, and its calculations work their values out afresh.
    session = FormSession(target, carried)
    kept = session.record()
    planner.not_asked(carried, kept, defaulted)
    # Every answer it does not ask is kept aside by the move: closing asks before it goes.
    holding = session.holding(kept=session.hidden_entries()) if session.has_held() else None
    return Migration(
        FormRef(source.form_id, source.version),
        FormRef(target.form_id, target.version),
        kept,
        planner.report(),
        tuple(planner.too_many_rows),
        None if holding is None else holding.content(),
    )


def plan_draft_migration(
    draft: ReturnInterview,
    registry: FormRegistry,
    to_version: int | None = None,
    held: Holding | None = None,
) -> Migration:
    """What moving a stored draft (with what is `held` beside it) to a newer version of its
    form (the latest by default) would carry and leave behind; nothing is stored."""
    if draft.form_id is None or draft.form_version is None:
        raise ValueError("This interview has no form yet, so there is nothing to migrate.")
    target_version = to_version or registry.latest(draft.form_id).version
    source = registry.load(draft.form_id, draft.form_version)
    target = registry.load(draft.form_id, target_version)
    return plan_migration(draft.answers, source, target, held)


def apply_migration(
    tx: Transaction, interview_id: str, migration: Migration, *, expected_version: int
) -> ReturnInterview:
    """Store a planned move: the draft is pinned to the target version with its answers.

    Raises StaleEditError if the interview changed since `expected_version` (the version
    the plan was made from), and ReadOnlyRecordError for a signed-off interview.
    """
    stored = tx.interviews.get(interview_id)
    if stored.version != expected_version:
        raise StaleEditError("interview", interview_id)
    if (stored.form_id, stored.form_version) != (
        migration.source.form_id,
        migration.source.version,
    ):
        raise ValueError("The plan was made for a different form version of this interview.")
    if migration.target.version <= migration.source.version:
        raise ValueError("A draft moves only to a newer version of its form.")
    moved = tx.interviews.update(
        dataclasses.replace(
            stored, form_version=migration.target.version, answers=migration.answers
        )
    )
    if migration.held is not None:
        tx.held_answers.put(interview_id, moved.version, migration.held)
    tx.audit.append(
        AuditAction.FORM_VERSION_MOVE, "interview", interview_id, move_detail(migration)
    )
    return moved


def move_detail(migration: Migration) -> dict[str, DetailValue]:
    """The audit record of a move: the versions, the ids of the questions whose answers
    stayed behind (each once, in the form's order), and how many are held, not asked for
    now; never an answer."""
    left_behind = list(dict.fromkeys(item.question_id for item in migration.left_behind))
    detail: dict[str, DetailValue] = {
        "form_id": migration.source.form_id,
        "moved_from_version": migration.source.version,
        "moved_to_version": migration.target.version,
        "left_behind": len(left_behind),
        "kept_aside": len({item.question_id for item in migration.kept_aside}),
        "to_correct": len({item.question_id for item in migration.to_correct}),
    }
    for number, question_id in enumerate(left_behind, start=1):
        detail[f"left_behind_{number}"] = question_id
    return detail


def migrate_draft(
    tx: Transaction,
    interview_id: str,
    registry: FormRegistry,
    *,
    expected_version: int,
    to_version: int | None = None,
) -> tuple[ReturnInterview, Migration]:
    """Move a stored draft to a newer version of its form (the latest by default).

    Raises StaleEditError if the interview changed since `expected_version`, and
    ReadOnlyRecordError for a signed-off interview.
    """
    stored = tx.interviews.get(interview_id)
    if stored.version != expected_version:
        raise StaleEditError("interview", interview_id)
    content = tx.held_answers.get(interview_id)
    held = None if content is None else Holding.from_content(content)
    migration = plan_draft_migration(stored, registry, to_version, held)
    moved = apply_migration(tx, interview_id, migration, expected_version=expected_version)
    return moved, migration


def _read_definition(path: Path) -> dict[str, Any]:
    """A definition file's JSON, read as `load_form_file` reads it (UTF-8, with or without
    a byte order mark), with a text form id and a whole-number version; ValueError (or
    OSError, RecursionError) if it is not one."""
    text = path.read_bytes().decode("utf-8").removeprefix(BOM)
    data = json.loads(text)
    if not isinstance(data, dict):
        raise TypeError("not a JSON object")
    form_id, version = data["form_id"], data["version"]
    if not isinstance(form_id, str) or isinstance(version, bool) or not isinstance(version, int):
        raise TypeError("no text form_id and whole-number version")
    return data


def _ends(info: FieldInfo | None) -> tuple[int, int] | None:
    """A scale question's lowest and highest points."""
    scale = None if info is None else info.question.scale
    return None if scale is None else (scale.min, scale.max)


def _as_typed(kind: QuestionType, raw: Any) -> str | None:
    """An answer that no longer fits a question of `kind`, as it would be typed into it,
    if it can be (`_AS_TYPED`)."""
    if kind not in _AS_TYPED or isinstance(raw, bool):
        return None
    if isinstance(raw, str):
        return raw
    if isinstance(raw, float):
        return decimal_text(raw)
    if isinstance(raw, int):
        return str(raw)
    return None


def _valid(info: FieldInfo, raw: Any) -> bool:
    """Whether `raw` was a valid answer to the draft's own version of the question."""
    try:
        coerce_answer(info.question, raw, info.choices)
    except AnswerTypeError:
        return False
    return True
