"""The form renderer: a widget tree built from a form definition, kept in step with a
`FormSession` one edit at a time.

Every edit goes to the session, whose `Changes` name exactly the fields whose relevance,
requiredness, validity or calculated value moved; only those widgets are touched (skip
logic shows and hides just the affected questions), and only the badges of the sections
they sit in are recounted. `refresh_all` repaints everything from the session and is what
a renderer without dependency tracking would do per keystroke.

Inline messages follow "reward early, punish late": a question's problem is shown once
the interviewer has finished with it (left the field, picked a choice) or has asked for a
check of the whole form, and is cleared the moment it is fixed.
"""

from __future__ import annotations

import dataclasses
import itertools
import weakref
from collections.abc import Iterable, Iterator
from functools import partial

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rhi_desktop.forms import (
    Changes,
    FieldInfo,
    FieldKey,
    FormSession,
    Holding,
    IssueKind,
    QuestionType,
    ValidationReport,
)
from ui.announce import announce as speak
from ui.forms.field_view import FieldView
from ui.forms.hidden_answers import (
    HiddenAnswersNotice,
    KeptWords,
    row_hidden_answers_text,
    timed_answers_text,
    untied_answers_text,
)
from ui.forms.hiding import HidingTracker
from ui.forms.progress import section_progress
from ui.forms.question_column import QuestionColumn
from ui.forms.repeat_group import RepeatGroupView, RowView, native_keys, renumbered
from ui.forms.section_nav import SectionNavigator
from ui.forms.section_page import SectionPage
from ui.forms.widgets import InputEvents, InputFactory
from ui.forms.widgets.base import takes_tab

NEXT_SECTION_KEYS = "Ctrl+PgDown"
PREVIOUS_SECTION_KEYS = "Ctrl+PgUp"
NAVIGATOR_WIDTH = 260
CLOCK_REFRESH_MS = 60_000
"""How often an open form re-judges rules that read the clock (`now()`, `today()`)."""

Item = FieldView | RepeatGroupView


def _show(view: Item, relevant: bool) -> None:
    """Show or hide a question; untouched when already right (showing is not free)."""
    if view.shown != relevant:
        view.set_shown(relevant)


class _Calls:
    """What one question's input calls back. The renderer owns the question, which owns
    the input, so the way back is held weakly: a closed form is then freed, answers and
    all, the moment it is dropped rather than whenever the cycle collector runs."""

    __slots__ = ("_renderer", "_view")

    def __init__(self, renderer: FormRenderer, view: FieldView) -> None:
        self._renderer = weakref.ref(renderer)
        self._view = weakref.ref(view)

    def edited(self, value: object) -> None:
        renderer, view = self._renderer(), self._view()
        if renderer is not None and view is not None:
            renderer._edited(view, value)

    def finished(self) -> None:
        renderer, view = self._renderer(), self._view()
        if renderer is not None and view is not None:
            renderer._finished(view)


class _FocusInSight(QObject):
    """Scrolls a page to the focus when the keyboard brings it in from outside the page
    (from the section list, the notice above or the buttons below): the page's scroll
    area does so only for Tab moves that start inside it. A click, or the window coming
    back to the front, leaves the page where the interviewer had it."""

    def __init__(self, renderer: FormRenderer) -> None:
        super().__init__(renderer)
        self._renderer = weakref.ref(renderer)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._moved)

    def _moved(self, old: QWidget | None, new: QWidget | None) -> None:
        if old is None or new is None or QApplication.mouseButtons():
            return  # the window coming back to the front, or a click
        renderer = self._renderer()
        if renderer is not None:
            renderer.keep_in_sight(new, old)


def _held_changed(ref: weakref.ref[FormRenderer]) -> None:
    renderer = ref()
    if renderer is not None:
        renderer.heldChanged.emit()


class FormRenderer(QWidget):
    """Shows one `FormSession`; emits `answersChanged` after every edit that changed it."""

    answersChanged = Signal()
    sectionChanged = Signal(str)
    heldChanged = Signal()
    """The answers a change hid (`held_answers`) are others now, or none."""
    judgedAgain = Signal()
    """Time passing (midnight, for `today()`) changed what the form asks or accepts."""

    def __init__(
        self, session: FormSession, *, read_only: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("formRenderer")
        self._session = session
        self._form = session.form
        self._language = session.language
        self._read_only = read_only
        self._fields: dict[str, FieldView] = {}
        self._groups: dict[str, RepeatGroupView] = {}
        self._pages: dict[str, SectionPage] = {}
        self._items: dict[str, list[Item]] = {}
        self._revealed: set[FieldKey] = set()
        self._told: dict[FieldKey, str] = {}
        """The problem each question was last left with, as a screen reader was told it."""
        self._knock_on: dict[FieldKey, None] = {}
        """Other answers whose problem the answer being edited brought up, in order: told
        of once it is finished, as their own problems are told only as they are left."""
        self._typing: FieldKey | None = None
        """The question being typed into, while its keystroke is dealt with."""
        self._unfinished: FieldKey | None = None
        """The answer typed into and not yet finished (the interviewer is still on it):
        its problem waits to be counted in its section's badge, as in its field."""
        self._confirm: QMessageBox | None = None
        self._hidden = HidingTracker(session, partial(_held_changed, weakref.ref(self)))
        """The latest change that hid answered questions, offered for Undo."""
        self._notice: HiddenAnswersNotice | None = None
        self._untold = ""
        """What the notice says, until the form is first shown to read it out."""
        self._told_untied: frozenset[FieldKey] = frozenset()
        """Answers the notice told of as hidden with no Undo (by the date, a row, or an
        Undo withdrawn), while any of them still are."""
        self._untied_words: KeptWords = timed_answers_text
        """How the notice words them: by the date, a row, or an Undo withdrawn."""
        self._events = InputEvents(self)
        """The one filter for the events inputs watch that Qt has no signal for."""
        self._inputs = InputFactory(self._form, self._language, self._events)
        self._texts: dict[str, tuple[str, str | None]] = {}

        sections = self._form.sections
        titles = [(sid, self._text(info.section.title)) for sid, info in sections.items()]
        self.navigator = SectionNavigator(titles, self)
        self.navigator.setMaximumWidth(NAVIGATOR_WIDTH)
        self._stack = QStackedWidget(self)
        layout = QHBoxLayout(self)
        layout.addWidget(self.navigator)
        self._main = QVBoxLayout()
        """The page, and above it the hidden-answers notice once there is one."""
        self._main.addWidget(self._stack, 1)
        layout.addLayout(self._main, 1)
        self._step_tips = (
            QCoreApplication.translate("FormRenderer", "Previous section ({0})").format(
                native_keys(PREVIOUS_SECTION_KEYS)
            ),
            QCoreApplication.translate("FormRenderer", "Next section ({0})").format(
                native_keys(NEXT_SECTION_KEYS)
            ),
        )
        for section_id in sections:
            self._build_section(section_id)
        self._chain_all()
        self._current = next(iter(sections))
        self._update_sections()
        for section_id in sections:
            self.navigator.set_progress(section_id, section_progress(session, section_id))
        first = self._neighbour(self._current, 0)
        self._current = first or self._current
        self._stack.setCurrentWidget(self._pages[self._current])
        self._read_out: str | None = None
        """The section shown whose title and guidance were read out as the focus went
        into it: read again only once another has been shown."""
        self.navigator.select(self._current)
        self.navigator.sectionChosen.connect(self._chosen_in_navigator)
        self.navigator.sectionEntered.connect(self._entered_from_navigator)
        _FocusInSight(self)
        # From anywhere in the window: the buttons below the form (Check answers) too.
        context = Qt.ShortcutContext.WindowShortcut
        for keys, step in ((NEXT_SECTION_KEYS, 1), (PREVIOUS_SECTION_KEYS, -1)):
            shortcut = QShortcut(QKeySequence(keys), self, context=context)
            shortcut.activated.connect(partial(self.step, step))
        # "Cannot be in the future" and the like go stale as time passes with the form open.
        self.clock_timer = QTimer(self)
        self.clock_timer.setInterval(CLOCK_REFRESH_MS)
        self.clock_timer.timeout.connect(self.reevaluate)
        if not read_only:
            self.clock_timer.start()

    # --- reading -------------------------------------------------------------------------

    @property
    def session(self) -> FormSession:
        return self._session

    @property
    def read_only(self) -> bool:
        return self._read_only

    @property
    def current_section(self) -> str:
        return self._current

    def make_read_only(self) -> None:
        """Refuse every further change to the open form (its saving has stopped for good).

        The answers stay on screen as they are, text can still be selected and copied, and
        the keyboard focus stays where it is when that control can keep it; nothing that
        would change an answer (typing, choosing, adding or removing rows, undoing a
        change) is accepted from now on.
        """
        if self._read_only:
            return
        self._read_only = True
        self._hidden.end_round()
        self.clock_timer.stop()
        if self._confirm is not None:
            self._confirm.reject()  # a row can no longer be removed
        self._forget_hidden()  # its Undo could no longer put anything back
        for view in self.field_views():
            if view.answer is not None:
                view.answer.set_read_only(True)
            if view.cover is not None:
                view.cover.set_read_only()
        for group in self._groups.values():
            group.set_editable(False)

    def page(self, section_id: str) -> SectionPage:
        return self._pages[section_id]

    def field_view(self, question_id: str, row: int | None = None) -> FieldView:
        view = self._view(FieldKey(question_id, row))
        if not isinstance(view, FieldView):
            raise KeyError(f"no question {question_id!r} row {row} on screen")
        return view

    def group_view(self, repeat_id: str) -> RepeatGroupView:
        return self._groups[repeat_id]

    def field_views(self) -> Iterator[FieldView]:
        """Every question on every page, rows of repeat groups included, in form order."""
        for view in self._all_views():
            if isinstance(view, FieldView):
                yield view

    def section_controls(self, section_id: str) -> list[QWidget]:
        """Every focusable control of a section, in the form's order (the tab order)."""
        found: list[QWidget] = []
        for item in self._items[section_id]:
            found.extend(item.controls())
        page = self._pages[section_id]
        return [*found, page.previous_button, page.next_button]

    # --- building ------------------------------------------------------------------------

    def _text(self, label: str | dict[str, str] | None) -> str:
        return "" if label is None else self._form.text(label, self._language)

    def _build_section(self, section_id: str) -> None:
        section = self._form.sections[section_id].section
        page = SectionPage(
            section_id, self._text(section.title), self._text(section.hint) or None, self._stack
        )
        page.previous_button.clicked.connect(partial(self.step, -1))
        page.next_button.clicked.connect(partial(self.step, 1))
        page.previous_button.setToolTip(self._step_tips[0])
        page.next_button.setToolTip(self._step_tips[1])
        items: list[Item] = []
        for question in section.questions:
            info = self._form.fields[question.id]
            item: Item
            if question.type is QuestionType.REPEAT:
                item = self._build_group(info, page.column)
                self._groups[info.id] = item
            else:
                item = self._build_field(info, None, page.column)
                self._fields[info.id] = item
            items.append(item)
        page.finish()
        self._items[section_id] = items
        self._pages[section_id] = page
        self._stack.addWidget(page)

    def _label_and_hint(self, info: FieldInfo) -> tuple[str, str | None]:
        texts = self._texts.get(info.id)
        if texts is None:
            question = info.question
            texts = self._text(question.label), self._text(question.hint) or None
            self._texts[info.id] = texts
        return texts

    def _build_field(self, info: FieldInfo, row: int | None, column: QuestionColumn) -> FieldView:
        """A question made straight into its page or row, already showing its state."""
        session = self._session
        label, hint = self._label_and_hint(info)
        required = info.answerable and session.is_required(info.id, row)
        make = partial(self._inputs.make, info)
        view = FieldView(info, row, label, hint, make, column, self._events, required=required)
        answer = view.answer
        if not session.is_relevant(info.id, row):
            view.set_shown(False)
        if answer is not None:
            calls = _Calls(self, view)
            answer.bind(calls.edited, calls.finished)
            if info.calculated:
                answer.show_value(self._session.answer(info.id, row))
            else:
                entry = self._session.entry(info.id, row)
                if entry is not None:
                    answer.show_value(entry)
                    self._revealed.add(FieldKey(info.id, row))
            if self._read_only:
                answer.set_read_only(True)
            if view.cover is not None:
                if self._read_only:
                    view.cover.set_read_only()
                view.cover.hide_answer()
        self._show_issues(view)
        return view

    def _build_group(self, info: FieldInfo, column: QuestionColumn) -> RepeatGroupView:
        question = info.question
        group = RepeatGroupView(
            info,
            self._text(question.label),
            self._text(question.hint) or None,
            on_add=partial(self.add_row, info.id),
            on_remove=partial(self._remove_requested, info.id),
            parent=column.parent,
            gap_above=column.gap_above(),
        )
        column.add(group.widget)
        if not self._session.is_relevant(info.id):
            group.set_shown(False)
        for row in range(self._session.row_count(info.id)):
            group.insert_row(self._build_row(group, row))
        group.set_editable(not self._read_only)
        self._update_can_add(info.id, group)
        self._show_issues(group)
        return group

    def _build_row(self, group: RepeatGroupView, row: int) -> RowView:
        row_view = RowView(
            group.label, row, partial(self._remove_requested, group.info.id), parent=group.widget
        )
        for child in self._form.repeat_children(group.info.id):
            info = self._form.fields[child]
            row_view.add_field(self._build_field(info, row, row_view.column))
        row_view.finish()
        return row_view

    def _chain_all(self) -> None:
        for section_id in self._pages:
            self._chain(section_id)

    def _chain(self, section_id: str) -> None:
        """Tab order follows the form, including rows added after the page was built.

        The section's first control comes straight after the list of sections: a row
        added later is made after everything else on screen, and a section that starts
        with one would otherwise be reached only after the editor's own buttons. (Only
        the page on show takes the focus, so each section may follow the list.) The
        hidden-answers notice, drawn above the page, comes between them once there is
        one."""
        controls = self.section_controls(section_id)
        notice = [] if self._notice is None else self._notice.controls()
        for before, after in itertools.pairwise([self.navigator, *notice, *controls]):
            QWidget.setTabOrder(before, after)

    # --- keeping in step with the session ------------------------------------------------

    def _on_screen(self, view: FieldView) -> bool:
        """False for a question whose row has just been removed (its widgets may still
        report, e.g. the focus leaving them as they go)."""
        return self._view(FieldKey(view.id, view.row)) is view

    def enter(self, question_id: str, value: object, row: int | None = None) -> None:
        """Answer a question as the interviewer would (typed or chosen, then moved on
        from), for scripted use such as tests: the input shows it, and the form reacts as
        it does to an edit."""
        view = self.field_view(question_id, row)
        self._edited(view, value)
        if view.answer is not None:
            view.answer.show_value(self._session.entry(question_id, row))
        self._finished(view)

    def _edited(self, view: FieldView, value: object) -> None:
        if self._read_only:
            if view.answer is not None:  # past its guard (a screen reader's press, say)
                view.answer.show_value(self._session.entry(view.id, view.row))
            return
        if not self._on_screen(view):
            return
        key = FieldKey(view.id, view.row)
        finished = view.answer is not None and view.answer.reveals_on_edit
        if finished:
            self._revealed.add(key)
        self._hidden.editing(key)
        changes = self._session.set_answer(view.id, value, view.row)
        # The input's own wording may change with each keystroke; a click is a finished
        # answer, so its problem is told at once, as when the interviewer moves on.
        self._typing = None if finished else key
        self._unfinished = self._typing
        try:
            self._show_issues(view, announce=finished)
            if changes:
                self._apply(changes, edited=key)
        finally:
            self._typing = None
        if changes:
            if self._hidden.edited(changes):  # told when finished, below or later
                self._hide_notice()  # it spoke of another question's change
            self.answersChanged.emit()
        if finished:
            self._hidden.end_round()
            self._tell_knock_on(view)

    def _finished(self, view: FieldView) -> None:
        if not self._on_screen(view):
            return
        self._hidden.end_round()
        key = FieldKey(view.id, view.row)
        self._revealed.add(key)
        held_back = self._unfinished == key  # its problem left out of the badge till now
        if held_back:
            self._unfinished = None
        self._show_issues(view, announce=True)
        if held_back:  # it counts now, as it is shown (an edit has counted all else)
            section_id = view.info.section_id
            self.navigator.set_progress(section_id, section_progress(self._session, section_id))
        self._tell_hidden(view)  # typed answers are told once the interviewer moves on
        self._tell_knock_on(view)

    def _tell_knock_on(self, view: FieldView) -> None:
        """Read out where the answer just finished brought up a problem on another: a date
        changed here makes a date in Agreed actions too early, say. Its message shows
        there, and the section's badge counts it, but neither is where the person is."""
        keys, self._knock_on = self._knock_on, {}
        shown = [key for key in keys if isinstance(v := self._view(key), FieldView) and v.message]
        if shown:
            sections = self._titles_of(shown)
            said = QCoreApplication.translate(
                "FormRenderer", "Because of this answer, other answers need attention in: {0}."
            ).format(", ".join(sections))
            speak(view.controls()[0], said)

    def _show_issues(self, view: Item, *, announce: bool = False) -> None:
        """Show the item's problem, if it is time to; with `announce`, a problem that has
        just appeared or changed is also read out, as the focus has moved on from it.
        While the interviewer is typing into it, a problem already shown is updated while
        it stays the same kind of problem, and goes once mended; a new one, or one of
        another kind, waits until they move on: half a date is no error, nor is it still
        a missing answer."""
        key = self._key_of(view)
        issues = self._session.issues(key.id, key.row)
        revealed = key in self._revealed
        if key == self._typing and isinstance(view, FieldView):
            revealed = revealed and bool(issues) and issues[0].kind is view.message_kind
        view.show_issues(issues, revealed)
        if announce and isinstance(view, FieldView) and view.message != self._told.get(key, ""):
            self._told[key] = view.message  # the same problem, typed again, is not retold
            if view.message:
                told = QCoreApplication.translate("FormRenderer", "{0}: {1}")
                speak(view.controls()[0], told.format(view.spoken_label, view.message))

    @staticmethod
    def _key_of(view: Item) -> FieldKey:
        if isinstance(view, RepeatGroupView):
            return FieldKey(view.info.id)
        return FieldKey(view.id, view.row)

    def _view(self, key: FieldKey) -> Item | None:
        if key.row is None:
            return self._fields.get(key.id) or self._groups.get(key.id)
        info = self._form.fields.get(key.id)
        group = self._groups.get(info.repeat_id) if info and info.repeat_id else None
        if group is None or key.row >= len(group.rows):
            return None
        return group.rows[key.row].fields.get(key.id)

    def _section_of(self, question_id: str) -> str:
        return self._form.fields[question_id].section_id

    def _apply(self, changes: Changes, edited: FieldKey | None = None) -> None:
        """Show what `changes` changed; `edited`: the answer edited, whose knock-on
        problems on other answers are noted to be told (`_tell_knock_on`)."""
        session = self._session
        touched: set[str] = set()
        sections_moved = False
        for key in changes.relevance:
            if key.id in self._pages:
                sections_moved = True
                touched.add(key.id)
                continue
            view = self._view(key)
            if view is not None:
                _show(view, session.is_relevant(key.id, key.row))
            touched.add(self._section_of(key.id))
        for key in changes.required:
            view = self._view(key)
            if isinstance(view, FieldView):
                view.set_required(session.is_required(key.id, key.row))
        for key in changes.validity | changes.required:
            view = self._view(key)
            if view is not None:
                had = isinstance(view, FieldView) and bool(view.message)
                self._show_issues(view)
                if edited is not None and key != edited and not had:
                    self._knock_on[key] = None
            touched.add(self._section_of(key.id))
        for key in changes.values:
            view = self._view(key)
            if isinstance(view, FieldView) and view.info.calculated and view.answer is not None:
                view.answer.show_value(session.answer(key.id, key.row))
            touched.add(self._section_of(key.id))
        for repeat_id in changes.rows:
            self._update_can_add(repeat_id)
            touched.add(self._section_of(repeat_id))
        if sections_moved:
            self._update_sections()
        typed = None if self._unfinished is None else self._view(self._unfinished)
        # A problem on what is being typed counts once it is shown, as in the field.
        quiet = self._unfinished if isinstance(typed, FieldView) and not typed.message else None
        for section_id in touched:
            progress = section_progress(session, section_id, quiet)
            self.navigator.set_progress(section_id, progress)
        if changes.relevance:
            self._recount_hidden()

    def _update_can_add(self, repeat_id: str, group: RepeatGroupView | None = None) -> None:
        group = group or self._groups[repeat_id]
        most = group.info.question.max_rows
        group.set_can_add(most is None or self._session.row_count(repeat_id) < most)

    def _update_sections(self) -> None:
        for section_id, page in self._pages.items():
            page.set_needed(self._session.is_relevant(section_id))
            before = self._neighbour(section_id, -1)
            after = self._neighbour(section_id, 1)
            page.set_neighbours(
                None if before is None else self._pages[before].title,
                None if after is None else self._pages[after].title,
            )

    def _all_views(self, section_id: str | None = None) -> Iterator[Item]:
        for sid, items in self._items.items():
            if section_id is not None and sid != section_id:
                continue
            for item in items:
                yield item
                if isinstance(item, RepeatGroupView):
                    for row in item.rows:
                        yield from row.fields.values()

    def refresh_all(self) -> None:
        """Repaint every question and badge from the session (no dependency tracking)."""
        session = self._session
        for view in self._all_views():
            if isinstance(view, RepeatGroupView):
                _show(view, session.is_relevant(view.info.id))
                self._update_can_add(view.info.id)
            else:
                _show(view, session.is_relevant(view.id, view.row))
                if view.info.answerable:
                    view.set_required(session.is_required(view.id, view.row))
                if view.info.calculated and view.answer is not None:
                    view.answer.show_value(session.answer(view.id, view.row))
            self._show_issues(view)
        self._update_sections()
        for section_id in self._pages:
            self.navigator.set_progress(section_id, section_progress(session, section_id))

    def reevaluate(self) -> None:
        """Recompute every expression (e.g. after midnight, for `today()`) and repaint.
        Answered questions that the passing of time hid are told of, as a change's are,
        though no Undo can turn the clock back."""
        before = self._session.hidden_entries()
        changes = self._session.reevaluate_all()
        self._apply(changes)
        # A value worked out from the time (a calculation of now()) moves at each tick:
        # shown, and kept with the next save, but no judgement of the answers changed.
        if changes.relevance or changes.required or changes.validity:
            self.judgedAgain.emit()
        hidden = self._session.hidden_entries() - before
        if hidden and not self._read_only:
            self._hidden.keep_aside(hidden)  # held beside the record from the next save
            self.heldChanged.emit()
            self._tell_untied(hidden, timed_answers_text)

    # --- rows ----------------------------------------------------------------------------

    def add_row(self, repeat_id: str) -> None:
        if self._read_only:
            return
        before = self._session.hidden_entries()
        changes = self._session.add_row(repeat_id)
        group = self._groups[repeat_id]
        row_view = self._build_row(group, self._session.row_count(repeat_id) - 1)
        group.insert_row(row_view)
        self._apply(changes)
        self._keep_aside_hidden(self._session.hidden_entries() - before)
        self._chain(group.info.section_id)
        self._focus_first([*row_view.controls(), group.add_button])  # a question asked
        if group.full:  # its Add button, now out of reach, no longer says so
            speak(group.widget, group.full_text())
        self.answersChanged.emit()

    def _row_has_answers(self, repeat_id: str, index: int) -> bool:
        return any(
            self._session.entry(child, index) is not None
            for child in self._form.repeat_children(repeat_id)
        )

    def _remove_requested(self, repeat_id: str, row_view: RowView) -> None:
        """Removing a row with answers asks first: its answers go with it."""
        if self._read_only:
            return
        index = row_view.index
        if not self._row_has_answers(repeat_id, index):
            self.remove_row(repeat_id, index)
            return
        group = self._groups[repeat_id]
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(QCoreApplication.translate("FormRenderer", "Remove row"))
        box.setTextFormat(Qt.TextFormat.PlainText)  # it names the group as the form does
        box.setText(
            QCoreApplication.translate(
                "FormRenderer", "Remove row {0} from {1}? Its answers will be deleted."
            ).format(index + 1, group.label)
        )
        remove = box.addButton(
            QCoreApplication.translate("FormRenderer", "&Remove row"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        keep = box.addButton(
            QCoreApplication.translate("FormRenderer", "&Keep it"),
            QMessageBox.ButtonRole.RejectRole,
        )
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        for button in (remove, keep):
            button.setAccessibleName(button.text().replace("&", ""))

        def decided() -> None:
            self._confirm = None
            if box.clickedButton() is remove and row_view.index < len(group.rows):
                self.remove_row(repeat_id, row_view.index)
            else:
                self._focus(row_view.remove_button)
            box.deleteLater()

        box.finished.connect(decided)
        self._confirm = box
        box.open()

    # --- answers hidden by a change ------------------------------------------------------

    def _recount_hidden(self) -> None:
        """Forget hidden answers that are back on show, and bring the notice up to date:
        a change's Undo while one is offered; else the answers hidden with no Undo (by the
        date, a row, or an Undo withdrawn) while any it told of are still hidden,
        whatever other answers change meanwhile; else no notice."""
        kept_before = self._hidden.kept_aside()
        if self._hidden.recount():
            if self._notice is not None and self._notice.isVisibleTo(self):
                self._say_hidden()
            return
        # The question whose change hid them is no longer asked: its Undo is withdrawn,
        # and what it offered back is kept aside, to be told of as such.
        withdrawn = self._hidden.kept_aside() - kept_before
        if withdrawn:
            self._tell_untied(withdrawn, untied_answers_text)
            return
        self._show_untied(say=False)

    def _keep_aside_hidden(self, hidden: frozenset[FieldKey]) -> None:
        """Answered questions a row added or removed hid: nothing to undo, so they are held
        as kept aside (closing asks before they go), and told of."""
        if hidden and not self._read_only:
            self._hidden.keep_aside(hidden)
            self.heldChanged.emit()
            self._tell_untied(hidden, row_hidden_answers_text)

    def _tell_untied(self, hidden: frozenset[FieldKey], words: KeptWords) -> None:
        """Tell of answers hidden with no Undo: shown and read out, or, while a change's
        Undo is offered, read out now and shown once that notice goes."""
        self._told_untied = self._session.hidden_answers(self._told_untied) | hidden
        self._untied_words = words
        if self._hidden.hiding is None:
            self._show_untied(say=True)
            return
        speak(self._ensure_notice(), words(self._titles_of(hidden), len(hidden)))

    def _show_untied(self, *, say: bool) -> None:
        """The notice of answers hidden with no Undo, while any it told of still are (and
        no change's Undo is offered); else no notice. With `say`, it is read out."""
        still = self._session.hidden_answers(self._told_untied)
        self._told_untied = still
        if not still or self._hidden.hiding is not None:
            if not still:
                self._hide_notice()
            return
        notice = self._ensure_notice()
        said = notice.tell_kept(self._untied_words, self._titles_of(still), len(still))
        if say:
            speak(notice, said)

    def _tell_hidden(self, view: FieldView) -> None:
        """Show (and read out) the notice, if `view`'s change hid answers not yet told of."""
        hiding = self._hidden.hiding
        if hiding is None or hiding.key != FieldKey(view.id, view.row):
            return
        shown = self.hidden_notice
        told = shown.text.text() if shown is not None else ""
        said = self._say_hidden()
        if said and said != told:  # a click on the same answer again says nothing new
            speak(view.controls()[0], said)

    def _say_hidden(self) -> str:
        hiding = self._hidden.hiding
        view = None if hiding is None else self._view(hiding.key)
        if hiding is None or not isinstance(view, FieldView):
            return ""
        notice = self._ensure_notice()
        return notice.tell(view.spoken_label, self._titles_of(hiding.hidden), len(hiding.hidden))

    def _ensure_notice(self) -> HiddenAnswersNotice:
        if self._notice is None:
            self._notice = HiddenAnswersNotice(self)
            self._notice.undoRequested.connect(self.undo_hiding)
            self._notice.dismissRequested.connect(self.dismiss_hidden)
            self._main.insertWidget(0, self._notice)
            self._chain_all()
        return self._notice

    def _titles_of(self, hidden: Iterable[FieldKey]) -> list[str]:
        """The titles of the sections `hidden` answers are in, in the form's order."""
        sections = {self._section_of(key.id) for key in hidden}
        return [self._pages[sid].title for sid in self._pages if sid in sections]

    def _hide_notice(self) -> None:
        if self._notice is not None:
            self._notice.hide()

    def _forget_hidden(self) -> None:
        self._hidden.forget()
        self._hide_notice()

    @property
    def offers_undo(self) -> bool:
        """Whether the form offers to undo a change that hid answers (its notice is up, or
        goes up when the interviewer moves on from typing it)."""
        return self._hidden.hiding is not None

    def show_hidden_notice(self) -> None:
        """Put the notice up now if Undo is offered (say, before asking about closing while
        the change is still being typed)."""
        if self._hidden.hiding is not None and self.hidden_notice is None:
            self._say_hidden()

    def let_go_of_hidden(self) -> None:
        """Let go of every hidden answer and of the notice: the form is closing for good,
        as the interviewer agreed, so nothing more is held for it."""
        self._hide_notice()
        self._hidden.let_go()

    def held_answers(self) -> Holding | None:
        """What autosave holds beside the record so that hidden answers outlast a crash
        (see `HidingTracker.held`); None while the form takes no changes."""
        return None if self._read_only else self._hidden.held()

    def resume_hidden(self, holding: Holding) -> None:
        """Offer Undo again for answers a change hid before the app last stopped with the
        notice up, and know the answers a move kept aside. The session was read with
        `with_held`, so they are hidden in it now. The notice is read out when the form is
        first shown."""
        if self._read_only:
            return
        if holding.key is not None and not isinstance(self._view(holding.key), FieldView):
            holding = dataclasses.replace(holding, key=None, before=None, hidden=())
        if self._hidden.resume(holding):
            self._untold = self._say_hidden()

    def kept_aside(self) -> frozenset[FieldKey]:
        """Answers a move to a newer version kept aside, not asked given the others:
        closing the form lets go of them, as of any hidden answer."""
        return frozenset() if self._read_only else self._hidden.kept_aside()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        said, self._untold = self._untold, ""
        notice = self.hidden_notice
        if said and notice is not None:
            speak(notice, said)

    @property
    def hidden_notice(self) -> HiddenAnswersNotice | None:
        """The notice of answers a change hid, while it is on show."""
        notice = self._notice
        return notice if notice is not None and notice.isVisibleTo(self) else None

    def undo_hiding(self) -> None:
        """Put back the answer that hid others, bringing them all back into view."""
        hiding = self._hidden.hiding
        self._forget_hidden()
        if hiding is None or self._read_only:
            return
        key = hiding.key
        now = self._session.entry(key.id, key.row)
        changes = self._session.restore_entry(key.id, hiding.before, key.row)
        view = self._view(key)
        if isinstance(view, FieldView) and view.answer is not None:
            view.answer.show_value(self._session.entry(key.id, key.row))
            if view.cover is not None:  # words put back are covered, as on opening
                view.cover.hide_answer()
            self._show_issues(view)
        if changes:
            self._apply(changes)
            self.answersChanged.emit()
        if not isinstance(view, FieldView):
            return
        # Undoing may hide what was answered since (in sections the change had opened):
        # that is told like any other change, and can itself be undone. It is noted before
        # going back to the question, whose section change saves at once.
        self._hidden.end_round()
        self._hidden.note(key, now, self._session.hidden_answers(changes.relevance))
        self._back_to(view)
        self._tell_hidden(view)

    def dismiss_hidden(self) -> None:
        """Close the notice, keeping the change; the focus goes back to its question.
        Answers hidden with no Undo that it told of are not shown again."""
        hiding = self._hidden.hiding
        self._told_untied = frozenset()
        self._forget_hidden()
        view = None if hiding is None else self._view(hiding.key)
        if isinstance(view, FieldView):
            self._back_to(view)

    def _back_to(self, view: FieldView) -> None:
        self.show_section(view.info.section_id)
        self._focus_first(view.controls())

    @property
    def pending_confirmation(self) -> QMessageBox | None:
        """The open 'remove row?' question, if any."""
        return self._confirm

    def remove_row(self, repeat_id: str, index: int) -> None:
        if self._read_only:
            return
        in_group = set(self._form.repeat_children(repeat_id))
        before = renumbered(self._session.hidden_entries(), index, in_group)
        changes = self._session.remove_row(repeat_id, index)
        group = self._groups[repeat_id]
        self._revealed = renumbered(self._revealed, index, in_group)
        self._told = {key: said for key, said in self._told.items() if key.id not in in_group}
        if self._unfinished is not None and self._unfinished.id in in_group:
            self._unfinished = None  # its row has gone, or moved: left behind
        had_undo = self._hidden.hiding is not None
        self._hidden.row_removed(index, in_group)
        self._told_untied = frozenset(renumbered(self._told_untied, index, in_group))
        if had_undo and self._hidden.hiding is None:  # the answer that hid them went too
            self._show_untied(say=False)
        group.take_row(index)
        self._apply(changes)
        self._recount_hidden()  # hidden answers may have gone, or moved up, with the row
        self._keep_aside_hidden(self._session.hidden_entries() - before)
        self._chain(group.info.section_id)
        later = group.rows[index].controls() if index < len(group.rows) else []
        self._focus_first([*later, group.add_button])  # a question asked in the next row
        speak(group.widget, group.removed_text(index + 1))
        self.answersChanged.emit()

    # --- sections and focus --------------------------------------------------------------

    def _neighbour(self, section_id: str, direction: int) -> str | None:
        """The nearest relevant section in `direction` (0: this one if relevant, else next)."""
        order = list(self._pages)
        index = order.index(section_id)
        candidates = (
            order[index:] + order[:index]
            if direction == 0
            else order[index + 1 :]
            if direction > 0
            else list(reversed(order[:index]))
        )
        for candidate in candidates:
            if self._session.is_relevant(candidate):
                return candidate
        return None

    def step(self, direction: int) -> None:
        """To the next (1) or previous (-1) relevant section, focus on its first question."""
        target = self._neighbour(self._current, direction)
        if target is not None:
            self.show_section(target, focus=True)

    def _chosen_in_navigator(self, section_id: str) -> None:
        self.show_section(section_id)

    def _entered_from_navigator(self, section_id: str) -> None:
        self.show_section(section_id, focus=True)

    def show_section(self, section_id: str, *, focus: bool = False) -> None:
        """With `focus`, the focus moves to the section's first question, and a screen
        reader is told which section it is now in and the section's guidance."""
        page = self._pages[section_id]
        if section_id != self._current:
            self.mask_sensitive(self._current)
            self._current = section_id
            self._read_out = None
            page.renew_layout()  # questions may have come and gone while it was hidden
            self._stack.setCurrentWidget(page)
            self.navigator.select(section_id)
            self.sectionChanged.emit(section_id)
        if focus:
            self._read_section_out()
            self._focus_first(self.section_controls(section_id))

    def _read_section_out(self) -> None:
        """Say the section's title and guidance, unless said since it was shown: arrowing
        through the section list shows each in turn, and Enter (or Tab) then goes in."""
        if self._read_out != self._current:
            self._read_out = self._current
            page = self._pages[self._current]
            speak(page, page.spoken())

    def _focus_first(self, controls: list[QWidget]) -> bool:
        """Focus the first control that Tab would stop at (not a hidden answer behind its
        cover, nor a question not asked now, nor a radio button but the chosen one);
        whether one did."""
        for control in controls:
            if takes_tab(control) and control.isVisibleTo(self) and control.isEnabled():
                self._focus(control)
                return True
        return False

    def _focus(self, control: QWidget) -> None:
        control.setFocus(Qt.FocusReason.TabFocusReason)
        page = self._pages[self._current]
        if page.isAncestorOf(control):
            page.ensureWidgetVisible(control)
            # A control just made (a new row's) has its place only once the page's layout
            # has run, after this: it is scrolled into view again then.
            QTimer.singleShot(0, control, partial(page.ensureWidgetVisible, control))

    def keep_in_sight(self, widget: QWidget, came_from: QWidget) -> None:
        """Scroll the page on show to `widget`, if it is on it. Tab from the section list
        into the section it shows reads the section out, as Enter there does."""
        page = self._pages[self._current]
        if page.isAncestorOf(widget):
            page.ensureWidgetVisible(widget)
            if came_from is self.navigator:
                self._read_section_out()

    def focus_field(self, question_id: str, row: int | None = None) -> None:
        """Show the question's section with the focus on it: on its Show button when its
        answer is covered. A question not asked now cannot take the focus: the section's
        first question does, and the question is said to be not asked."""
        view = self.field_view(question_id, row)
        self.show_section(view.info.section_id)
        if self._focus_first(view.controls()):
            return
        self._focus_first(self.section_controls(view.info.section_id))
        said = QCoreApplication.translate(
            "FormRenderer", "{0}: not asked now, as earlier answers mean it does not apply."
        ).format(view.spoken_label)
        speak(self._pages[view.info.section_id], said)

    def mask_sensitive(self, section_id: str | None = None) -> None:
        """Hide revealed sensitive answers again (one section, or all: e.g. on lock)."""
        for view in self._all_views(section_id):
            if isinstance(view, FieldView) and view.cover is not None:
                view.cover.hide_answer()

    def check(self) -> ValidationReport:
        """Show every problem in the form, and take the interviewer to the first one.
        Rules that read the clock are judged afresh, as at the moment of asking."""
        self.reevaluate()
        for item in self._all_views():  # those asked now: one asked later, or a row added
            key = self._key_of(item)  # later, is judged when the interviewer leaves it
            if self._session.is_relevant(key.id, key.row):
                self._revealed.add(key)
            self._show_issues(item)
        report = self._session.validate()
        if not report.ok:
            first = report.issues[0]
            view = self._view(first.key)
            self.show_section(self._section_of(first.key.id))
            if isinstance(view, RepeatGroupView) and first.kind is IssueKind.ROWS:
                self._focus_on_rows(view, too_many=first.max_rows is not None)
            elif view is not None:
                self._focus_first(view.controls())
        return report

    def _focus_on_rows(self, group: RepeatGroupView, *, too_many: bool) -> None:
        """A group with too few rows is met at its Add button, which says so; one with
        too many at its last row's Remove button, and told why."""
        if not too_many:
            self._focus_first([group.add_button, *group.controls()])
            return
        remove = group.rows[-1].remove_button
        # Read-only, there is no Remove: the rows themselves, and the reason read out.
        if self._focus_first([remove, *group.controls()]):
            speak(QApplication.focusWidget() or remove, group.message)
