"""Keeping track of answered questions that a change hid: what Undo puts back, and what
autosave holds beside the record.

No widgets here: the renderer tells the tracker when an edit begins and what it changed,
and when the interviewer has finished with a question; the tracker keeps the latest
change that hid answers (`Hiding`) by the rules below, and the renderer shows the notice.
"""

from __future__ import annotations

from collections.abc import Callable, Set
from dataclasses import dataclass

from rhi_desktop.forms import AnswerValue, Changes, FieldKey, FormSession, Holding, InvalidAnswer
from ui.forms.repeat_group import renumbered

Entry = AnswerValue | InvalidAnswer


@dataclass(frozen=True)
class Hiding:
    """Answered questions (`hidden`) that the latest change to one question (`key`) hid."""

    key: FieldKey
    before: Entry | None
    """What the question held before the change: undoing puts it back."""
    hidden: frozenset[FieldKey]

    def adding(self, hidden: Set[FieldKey]) -> Hiding:
        """A further edit of the same question hid more; undoing still goes back to `before`."""
        return Hiding(self.key, self.before, self.hidden | hidden)

    def keeping(self, hidden: Set[FieldKey]) -> Hiding:
        return Hiding(self.key, self.before, frozenset(hidden))

    def after_row_removed(self, index: int, in_group: Set[str]) -> Hiding | None:
        """Renumbered for a removed repeat row; None if the question's own row went."""
        if self.key.id in in_group and self.key.row == index:
            return None
        (key,) = renumbered([self.key], index, in_group)
        return Hiding(key, self.before, frozenset(renumbered(self.hidden, index, in_group)))


@dataclass(frozen=True)
class _Round:
    """A round of typing into one question: how things stood when it began."""

    key: FieldKey
    at_start: Entry | None
    hidden_at_start: frozenset[FieldKey]
    undo_at_start: Hiding | None
    """The Undo then offered for a change to this question, if any."""


class HidingTracker:
    """The latest change that hid answered questions (`hiding`, offered for Undo), for one
    form session. `changed` is called whenever `hiding` or `held()` may give another
    answer."""

    def __init__(self, session: FormSession, changed: Callable[[], None]) -> None:
        self._session = session
        self._changed = changed
        self._hiding: Hiding | None = None
        self._round: _Round | None = None
        self._edit: _Round | None = None
        """The round of the edit under way, between `editing` and `edited`: the round
        itself may end meanwhile, if the edit moves the focus on."""
        self._let_go = False
        self._kept: frozenset[FieldKey] = frozenset()
        """Answers a move to a newer version kept aside (see `Holding.kept`)."""

    @property
    def hiding(self) -> Hiding | None:
        return self._hiding

    def kept_aside(self) -> frozenset[FieldKey]:
        """The answers kept aside with no Undo (by a move, a row added or removed, or the
        date changing) that are still not asked (none once let go)."""
        return frozenset() if self._let_go else self._session.hidden_answers(self._kept)

    def keep_aside(self, hidden: Set[FieldKey]) -> None:
        """Answered questions hidden by what no Undo can take back (a row added or
        removed, the date changing): held like those a move kept aside, so that closing
        asks before they go."""
        if hidden - self._kept:
            self._kept = self._kept | frozenset(hidden)
            self._changed()

    # --- edits -----------------------------------------------------------------------------

    def editing(self, key: FieldKey) -> None:
        """An edit of `key` is about to reach the session: a round of typing begins, unless
        it is the question already being typed into."""
        if self._round is None or self._round.key != key:
            hiding = self._hiding if self._hiding is not None and self._hiding.key == key else None
            session = self._session
            entry = session.entry(key.id, key.row)
            self._round = _Round(key, entry, session.hidden_entries(), hiding)
        self._edit = self._round

    def end_round(self) -> None:
        """The interviewer has finished with the question (or it was undone, or its row
        moved): the next edit begins a new round."""
        self._round = None

    def edited(self, changes: Changes) -> bool:
        """Note answered questions the edit begun with `editing` has just hidden. True when
        the Undo offered until now was for another question's change (its notice goes).

        Undo goes back to the answer before this round of typing, not a keystroke ago. If
        that answer had hidden them too (they were typed back into view and out again),
        Undo goes back to where the notice for them offered to go; and answers hidden then
        with no Undo offered (dismissed, say) get no new notice.
        """
        typing, self._edit = self._edit, None
        assert typing is not None, "edited() without editing()"
        hidden = self._session.hidden_answers(changes.relevance)
        again = hidden & typing.hidden_at_start
        undo = typing.undo_at_start
        if again and undo is not None:
            offered = undo.hidden  # what that Undo brings back, and nothing more
            return self.note(typing.key, undo.before, (again & offered) | (hidden - again))
        return self.note(typing.key, typing.at_start, hidden - again)

    def note(self, key: FieldKey, before: Entry | None, hidden: frozenset[FieldKey]) -> bool:
        """Answered questions (`hidden`) a change to `key` from `before` has just hidden.
        True when this replaces the Undo of another question's change."""
        if not hidden:
            return False
        hiding = self._hiding
        if hiding is not None and hiding.key == key and hiding.before == before:
            self._set(hiding.adding(hidden))  # a later keystroke: undo still goes back
            return False
        # A change from another answer to this question: going back to the first may not
        # bring these back ('relative' hid Jay, the friend; 'would not say' hid Aunt
        # Sue, the relative), so Undo now goes back one change, to bring back these.
        self._set(Hiding(key, before, hidden))
        return hiding is not None and hiding.key != key

    def recount(self) -> bool:
        """Forget hidden answers that are back on show: True while some are still hidden
        and Undo can bring them back. Once the question whose change hid them is itself
        no longer asked, Undo could not: they are kept aside instead, as a move's are."""
        hiding = self._hiding
        if hiding is None:
            return False
        still = self._session.hidden_answers(hiding.hidden)
        if still and not self._asked(hiding.key):
            self._kept = self._kept | still
            self._set(None)
            return False
        self._set(hiding.keeping(still) if still else None)
        return bool(still)

    def _asked(self, key: FieldKey) -> bool:
        return self._session.is_relevant(key.id, key.row)

    def row_removed(self, index: int, in_group: Set[str]) -> None:
        """Row `index` of a repeat group (whose questions are `in_group`) has gone."""
        self._round = None  # rows below move up: what was being typed is left behind
        self._kept = frozenset(renumbered(self._kept, index, in_group))
        if self._hiding is not None:
            self._set(self._hiding.after_row_removed(index, in_group))

    def forget(self) -> None:
        """Undo is no longer offered (undone, dismissed, or the form stopped taking changes)."""
        self._set(None)

    def let_go(self) -> None:
        """The form is closing for good, as the interviewer agreed: nothing more is held."""
        self._let_go = True
        self._hiding = None
        self._changed()

    # --- after a restart -------------------------------------------------------------------

    def held(self) -> Holding | None:
        """Every answer hidden now (the open form still has them, and brings each back with
        its question) and what Undo of the latest change that hid some needs, for autosave
        to hold beside the record so that they outlast a crash; and questions emptied
        before they were hidden, even once it has let go (or they get their defaults
        back). None when there is nothing to hold."""
        session = self._session
        if self._let_go:  # nothing hidden is held now; what was emptied stays emptied
            return session.holding(entries=False) if session.cleared_defaults() else None
        if not session.has_held():
            return None
        hiding, kept = self._hiding, self.kept_aside()
        if hiding is None:
            return session.holding(kept=kept)
        hidden = session.hidden_answers(hiding.hidden)
        return session.holding(hiding.key, hiding.before, hidden, kept=kept)

    def resume(self, holding: Holding) -> bool:
        """Offer Undo again for answers a change hid before the app last stopped with the
        notice up, and know again the answers a move kept aside; the session was read with
        `with_held`, so they are hidden in it now. False when there is no Undo to offer
        (or Undo is already offered)."""
        self._kept = self._kept | self._session.hidden_answers(holding.kept)
        if self._hiding is not None or holding.key is None:
            return False
        hidden = self._session.hidden_answers(holding.hidden)
        if not hidden:
            return False
        if not self._asked(holding.key):  # no Undo could bring them back: kept aside
            self._kept = self._kept | hidden
            return False
        before = self._session.read_entry(holding.key.id, holding.before)
        self._set(Hiding(holding.key, before, hidden))
        return True

    def _set(self, hiding: Hiding | None) -> None:
        if hiding != self._hiding:
            self._hiding = hiding
            self._changed()
