"""An interview's form, ready to embed: renderer, autosave, save status and form version.

`open_form_editor` is what the app shell calls. It loads the interview and exactly the
form version it pinned, and asks for the store at the moment of each write (never
keeping it), so a locked app cannot be written through. Before the shell closes the
database (lock, sign-out) it calls `flush()`; hiding or closing the editor flushes too.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QHideEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QVBoxLayout, QWidget

from rhi_desktop.autosave import DraftWriter, WriteResult
from rhi_desktop.domain.deadlines import to_london, utc_now
from rhi_desktop.domain.entities import ReturnInterview
from rhi_desktop.forms import FieldKey, Form, FormSession, Holding, with_held
from rhi_desktop.forms.versions import (
    FormRegistry,
    Migration,
    apply_migration,
    plan_draft_migration,
    plan_migration,
)
from rhi_desktop.store import NotFoundError, StaleEditError, Store
from ui.announce import announce
from ui.form_language import form_language
from ui.forms.autosave import AutoSaver, Runner
from ui.forms.buttons import form_button
from ui.forms.field_view import ISSUE_MARK
from ui.forms.renderer import FormRenderer
from ui.forms.version_banner import Summary, VersionBanner, summarise
from ui.messages import error_text
from ui.window_hiding import SAVE_AFTER_HIDING

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]


class InterviewFormEditor(QWidget):
    """Edits one interview's answers; read-only interviews show them without saving."""

    saved = Signal()
    moved = Signal()
    """The draft moved to a newer version of its form."""

    def __init__(
        self,
        interview: ReturnInterview,
        form: Form,
        *,
        store: Callable[[], Store],
        actor: Callable[[], str],
        registry: FormRegistry | None = None,
        read_only: bool = False,
        clock: Clock = utc_now,
        runner: Runner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        # What can fail is done first: a widget left half built would be closed with the
        # app, and fail again in closeEvent.
        held = None if read_only else store().held_answers.get(interview.id)
        judged = clock if not read_only or interview.completed_at is None else _at(interview)
        session, holding = _draft_session(form, interview.answers, _readable(held), judged)
        super().__init__(parent)
        self.setObjectName("interviewFormEditor")
        self._interview_id = interview.id
        self._store = store
        self._actor = actor
        self._registry = registry
        self._read_only = read_only
        self._clock = clock
        self._form = form
        self._confirm: QMessageBox | None = None
        self.writer = DraftWriter(
            interview.id,
            version=interview.version,
            saved_answers=interview.answers,
            saved_held=held,  # what the store holds: if set aside, the next save drops it
            store=store,
            actor=actor,
        )
        layout = QVBoxLayout(self)
        self.banner = VersionBanner(self)
        self.banner.moveRequested.connect(self.offer_migration)
        self.problem = QLabel(self)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setObjectName("saveProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout.addWidget(self.banner)
        layout.addWidget(self.problem)
        self.renderer = self._make_renderer(session, parent=self)
        layout.addWidget(self.renderer, 1)
        footer = QHBoxLayout()
        self.status = QLabel(
            QCoreApplication.translate("InterviewFormEditor", "Read-only")
            if read_only
            else QCoreApplication.translate("InterviewFormEditor", "No changes yet"),
            self,
        )
        self.status.setObjectName("saveStatus")
        self._saved_at: str | None = None
        """The London time of the last save, as the status shows it."""
        self._save_problem: str | None = None
        """Why the latest answers are not saved yet, while they are not."""
        # The result of Check answers has a place of its own: saving reports in `status`
        # every few seconds and must not wipe the result out before it has been read.
        # Each on lines of its own, wrapped: a result naming a question and its section,
        # or a save problem, kept to one line made the window wider than the screen.
        self.status.setWordWrap(True)
        self.check_result = QLabel(self)
        self.check_result.setTextFormat(Qt.TextFormat.PlainText)  # it may name a question
        self.check_result.setWordWrap(True)
        self.check_result.setObjectName("checkResult")
        self.check_result.setAccessibleDescription(
            QCoreApplication.translate("InterviewFormEditor", "Result of Check answers")
        )
        self.check_result.hide()
        self.check_button = form_button(
            self, QCoreApplication.translate("InterviewFormEditor", "Check answers")
        )
        self.check_button.setAccessibleName(
            QCoreApplication.translate("InterviewFormEditor", "Check answers")
        )
        self.check_button.clicked.connect(self.check)
        self._move_report: Summary | None = None
        """What the last move to a newer version did not carry over as it was."""
        self.move_report_button = form_button(
            self,
            QCoreApplication.translate("InterviewFormEditor", "What the move did not carry\u2026"),
        )
        self.move_report_button.setAccessibleName(
            QCoreApplication.translate("InterviewFormEditor", "What the move did not carry")
        )
        self.move_report_button.clicked.connect(self.show_move_report)
        self.move_report_button.hide()
        footer.addWidget(self.status, 1)
        footer.addWidget(self.move_report_button, 0, Qt.AlignmentFlag.AlignTop)
        footer.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.check_result)
        layout.addLayout(footer)
        # The saver reads the session, not the editor: a saver (its child) holding the
        # editor would make a cycle that keeps a closed form's answers in memory.
        self.saver = AutoSaver(
            self.writer,
            self.renderer.session.record,
            held=_held_content(self.renderer),
            runner=runner,
            parent=self,
        )
        self.saver.saved.connect(self._saved)
        self.saver.failed.connect(self._not_saved)
        self._undo_gone = QTimer(self)
        self._undo_gone.setSingleShot(True)
        self._undo_gone.setInterval(0)
        self._undo_gone.timeout.connect(self._save_undo_gone)
        if holding is not None:  # the app stopped with answers hidden: Undo is offered again
            self.renderer.resume_hidden(holding)
        self._offer_newer()
        # The window opens at the section list, the banner above it notwithstanding: a
        # screen reader user hears where they are before being offered a move.
        self.renderer.navigator.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- wiring --------------------------------------------------------------------------

    def _make_renderer(self, session: FormSession, parent: QWidget | None = None) -> FormRenderer:
        renderer = FormRenderer(session, read_only=self._read_only, parent=parent)
        renderer.answersChanged.connect(self._changed)
        renderer.judgedAgain.connect(self._changed)  # what it asks or accepts moved on
        renderer.heldChanged.connect(self._held_changed)
        renderer.sectionChanged.connect(self._section_changed)
        return renderer

    def _changed(self) -> None:
        self._clear_check()  # what it said may no longer be true
        if not self._read_only:
            self.saver.note_change()

    def _held_changed(self) -> None:
        if self._read_only:
            return
        self.saver.note_change()
        if not self.renderer.offers_undo:  # dismissed or undone: saved at once, once the
            self._undo_gone.start()  # action has finished (Undo's answers are back by then)

    def _save_undo_gone(self) -> None:
        """Write at once that Undo is no longer offered, so that a crash straight after
        Dismiss does not bring the notice back."""
        if not self.renderer.offers_undo:
            self.flush()

    def _section_changed(self, _section_id: str) -> None:
        """Saved as the page changes, without holding up the move for a busy store."""
        if not self._read_only:
            self.saver.flush(brief=True)

    def _saved(self, _result: WriteResult) -> None:
        recovered = self._save_problem is not None
        self._save_problem = None
        self.problem.hide()
        self._saved_at = to_london(self._clock()).strftime("%H:%M")
        self.status.setText(
            QCoreApplication.translate("InterviewFormEditor", "Saved at {0}").format(self._saved_at)
        )
        if recovered:  # told they were not saved: told, as they are, that they are now
            announce(
                self.status,
                QCoreApplication.translate(
                    "InterviewFormEditor", "Saving works again: every answer is saved."
                ),
            )
        self.saved.emit()

    def _not_saved(self, message: str) -> None:
        """The latest answers could not be saved: the status no longer says they were."""
        self._save_problem = message
        self._failed(message)
        if self.saver.stopped:
            return  # said by `_stop_editing`
        self.status.setText(
            QCoreApplication.translate("InterviewFormEditor", "Not saved since {0}").format(
                self._saved_at
            )
            if self._saved_at is not None
            else QCoreApplication.translate("InterviewFormEditor", "Not saved yet")
        )

    def _failed(self, message: str) -> None:
        if self.saver.stopped:
            self._stop_editing()
        said = f"{ISSUE_MARK} {message}"
        if said == self.problem.text() and self.problem.isVisibleTo(self):
            return
        self.problem.setText(said)
        self.problem.show()
        announce(self.problem, message, urgent=self.saver.stopped)

    def _stop_editing(self) -> None:
        """Saving has stopped for good: anything typed from now on would be kept nowhere,
        so the form takes no more changes (what is on screen can still be copied)."""
        if self.renderer.read_only:
            return
        self._read_only = True
        self.renderer.make_read_only()
        self._offer_newer()  # a draft that cannot be saved cannot be moved either
        self.status.setText(
            QCoreApplication.translate("InterviewFormEditor", "Saving has stopped; read-only")
        )

    def notice_stored_changes(self, registry: FormRegistry | None) -> None:
        """Records arrived by a sync: said now, not at the next save, or never if nothing
        more is typed, when one replaced or removed this interview (the form then takes
        no more typing: what it shows is no longer what is kept), and offered when a newer
        version of its form was installed (`registry`: the forms as now installed)."""
        if self._read_only:
            return
        self._registry = registry
        if self.saver.pending:
            self.saver.flush(brief=True)  # the write finds a replaced record by itself
        else:
            try:
                stored = self._store().interviews.get(self._interview_id)
            except NotFoundError as gone:
                self.saver.stop_for(gone)
                return
            if stored.version != self.writer.version:
                self.saver.stop_for(StaleEditError("interview", self._interview_id))
                return
        self._offer_newer()

    def _newer_form(self) -> Form | None:
        """The newest installed version this draft could move to (one that passes its
        checks), if any."""
        if self._registry is None or self._read_only:
            return None
        return self._registry.newer_usable(self._form.form_id, self._form.version)

    def _offer_newer(self) -> None:
        newer = self._newer_form()
        self.banner.offer(self._form.version, None if newer is None else newer.version)

    # --- actions -------------------------------------------------------------------------

    @property
    def form(self) -> Form:
        return self._form

    def flush(self, *, brief: bool = False) -> None:
        """Save anything unsaved now (`brief`: see `FormSaver.flush`)."""
        if not self._read_only:
            self.saver.flush(brief=brief)

    def check(self) -> None:
        """Show every problem and say how many there are; the renderer takes the keyboard
        focus to the first. The result stays until an answer changes."""
        report = self.renderer.check()
        if report.ok:
            text = QCoreApplication.translate(
                "InterviewFormEditor", "\u2713 Every answer is complete and valid."
            )
        else:
            count = len(report.issues)
            worded = (
                QCoreApplication.translate("InterviewFormEditor", "1 answer needs attention.")
                if count == 1
                else QCoreApplication.translate(
                    "InterviewFormEditor", "{0} answers need attention."
                ).format(count)
            )
            # The renderer has shown the first problem's section, maybe another one.
            where = (
                QCoreApplication.translate("InterviewFormEditor", "It is in {0}.")
                if count == 1
                else QCoreApplication.translate("InterviewFormEditor", "The first is in {0}.")
            )
            first = where.format(self.renderer.page(self.renderer.current_section).title)
            text = f"{ISSUE_MARK} {worded} {first}"
        self.check_result.setText(text)
        self.check_result.setAccessibleName(text)
        self.check_result.show()
        announce(self.check_result, text)  # the focus may not have moved to tell it

    def _clear_check(self) -> None:
        if not self.check_result.isHidden():
            self.check_result.hide()
            self.check_result.clear()
            self.check_result.setAccessibleName("")

    def offer_migration(self) -> None:
        """Ask, showing what would be left behind, before moving to the newest version."""
        if self._registry is None or self._read_only:
            return
        newer = self._newer_form()
        if newer is None:
            self._offer_newer()
            self._failed(
                QCoreApplication.translate(
                    "InterviewFormEditor",
                    "No newer version of this form can be used on this computer, so this "
                    "draft stays on version {0}. If you expected one, ask IT to check the "
                    "installed forms.",
                ).format(self._form.version)
            )
            return
        try:
            record, held = self.renderer.session.record(), self.renderer.held_answers()
            plan = plan_migration(record, self._form, newer, held)
        except Exception as error:  # a bug: say so rather than do nothing
            self._not_moved(newer.version, error)
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(
            QCoreApplication.translate("InterviewFormEditor", "Move to a newer form version")
        )
        summary = _shortened(box, summarise(self._form, newer, plan))
        if self.renderer.offers_undo:  # the answers it hid move with the draft; Undo does not
            summary += "\n\n" + QCoreApplication.translate(
                "InterviewFormEditor",
                "Moving ends the chance to undo the change that hid answers. The answers it "
                "hid move with the draft, and come back if their questions are asked again.",
            )
        box.setTextFormat(Qt.TextFormat.PlainText)  # it names questions as the form does
        box.setText(summary)
        move = box.addButton(
            QCoreApplication.translate("InterviewFormEditor", "&Move to version {0}").format(
                newer.version
            ),
            QMessageBox.ButtonRole.AcceptRole,
        )
        stay = box.addButton(
            QCoreApplication.translate("InterviewFormEditor", "&Stay on version {0}").format(
                self._form.version
            ),
            QMessageBox.ButtonRole.RejectRole,
        )
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)
        for button in (move, stay):
            button.setAccessibleName(button.text().replace("&", ""))

        def decided() -> None:
            self._confirm = None
            if box.clickedButton() is move:
                self.migrate(newer.version)
            box.deleteLater()

        box.finished.connect(decided)
        self._confirm = box
        box.open()

    def show_move_report(self) -> None:
        """What the move to this version did not carry over, as the question before it
        said: the answers it left behind, and those to correct, named by question."""
        if self._move_report is None:
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(
            QCoreApplication.translate("InterviewFormEditor", "What the move did not carry")
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        moved = QCoreApplication.translate(
            "InterviewFormEditor", "This draft moved to version {0}."
        ).format(self._form.version)
        box.setText(f"{moved}\n{_shortened(box, self._move_report)}")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    @property
    def pending_confirmation(self) -> QMessageBox | None:
        return self._confirm

    def migrate(self, to_version: int) -> Migration | None:
        """Move the draft to `to_version` in the store and show it on that version.

        The new version's screen is built before anything is stored: if it cannot be
        built, or the store refuses the move, the draft stays exactly as it was, on its
        version and on screen, and the interviewer is told.
        """
        if self._registry is None or self._read_only:
            return None
        if not self._saved_before_moving():
            return None
        try:
            migration = self._plan_move(self._registry, to_version)
            renderer = self._build_moved(self._registry, migration)
        except Exception as error:  # whatever it was, nothing has been stored
            self._not_moved(to_version, error)
            return None
        try:
            moved = self._store_move(migration)
        except Exception as error:  # rolled back: the draft is as it was
            renderer.clock_timer.stop()
            renderer.deleteLater()
            self._not_moved(to_version, error)
            return None
        self.writer.rebase(moved.version, moved.answers, migration.held)
        source, self._form = self._form, renderer.session.form
        # What this move did not carry, to be read again as often as needed (an earlier
        # move's report is of answers no longer on this version either way).
        self._move_report = (
            None if migration.complete else summarise(source, self._form, migration, done=True)
        )
        self.move_report_button.setVisible(self._move_report is not None)
        self._show_moved(renderer, to_version)
        self.saved.emit()
        self.moved.emit()
        return migration

    def kept_aside(self) -> frozenset[FieldKey]:
        """Answers a move to a newer version kept aside that its questions have not asked
        for since (known again after a restart): closing the form lets go of them."""
        return self.renderer.kept_aside()

    def _saved_before_moving(self) -> bool:
        """Whether the last answers are safely stored, so the move takes them along."""
        self.flush()
        if self.saver.stopped:
            self.problem.show()  # why saving stopped still stands: nothing can be moved
            return False
        if self.saver.pending and self._save_problem is not None:  # why, as it stands
            self._failed(
                QCoreApplication.translate(
                    "InterviewFormEditor",
                    "This draft can be moved once your latest answers are saved. {0}",
                ).format(self._save_problem)
            )
            return False
        if self.saver.pending:
            self._failed(
                QCoreApplication.translate(
                    "InterviewFormEditor",
                    "Your latest answers are still being saved. Try again shortly.",
                )
            )
            return False
        return True

    def _plan_move(self, registry: FormRegistry, to_version: int) -> Migration:
        store = self._store()
        stored = store.interviews.get(self._interview_id)
        held = _readable(store.held_answers.get(self._interview_id))
        return plan_draft_migration(stored, registry, to_version, held)

    def _build_moved(self, registry: FormRegistry, migration: Migration) -> FormRenderer:
        """The screen of the draft on the target version, not yet shown. It is built in a
        hidden holder so that a screen failing half-way is thrown away whole."""
        target = registry.load(migration.target.form_id, migration.target.version)
        session, held = _draft_session(
            target, migration.answers, _readable(migration.held), self._clock
        )
        holder = QWidget(self)
        holder.hide()
        try:
            renderer = self._make_renderer(session, parent=holder)
            renderer.setParent(self)
        finally:
            holder.deleteLater()
        if held is not None:  # what the move kept aside, known as such
            renderer.resume_hidden(held)
        return renderer

    def _store_move(self, migration: Migration) -> ReturnInterview:
        with self._store().transaction(self._actor()) as tx:
            return apply_migration(
                tx, self._interview_id, migration, expected_version=self.writer.version
            )

    def _not_moved(self, to_version: int, error: Exception) -> None:
        self._failed(
            QCoreApplication.translate(
                "InterviewFormEditor",
                "This draft could not be moved to version {0} and stays on version {1}. {2}",
            ).format(to_version, self._form.version, error_text(error))
        )

    def _show_moved(self, renderer: FormRenderer, to_version: int) -> None:
        """Put the moved draft's screen in place of the old one, on the same section."""
        old = self.renderer
        self.renderer = renderer
        self.saver.read_from(self.renderer.session.record, _held_content(self.renderer))
        self._clear_check()
        layout = self.layout()
        assert layout is not None
        layout.replaceWidget(old, self.renderer)
        old.hide()
        old.deleteLater()
        self._offer_newer()
        moved = QCoreApplication.translate("InterviewFormEditor", "Moved to version {0}.").format(
            to_version
        )
        self.status.setText(moved)
        announce(self.status, moved)  # as a move that fails is: the focus is elsewhere
        section = old.current_section
        if section in self._form.sections and self.renderer.session.is_relevant(section):
            self.renderer.show_section(section, focus=True)
        else:
            self.renderer.show_section(self.renderer.current_section, focus=True)

    # --- closing -------------------------------------------------------------------------

    def hideEvent(self, event: QHideEvent) -> None:
        # Minimised (the window system hides it): saved as a timed save is, giving way to
        # a sync holding the store rather than freezing every window while it waits.
        if not self.window().property(SAVE_AFTER_HIDING):  # else saved once all is hidden
            self.flush(brief=event.spontaneous())
        super().hideEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        """Shown again (after unlocking, say): what could not be saved meanwhile goes now
        (restored from minimised, as a timed save does)."""
        super().showEvent(event)
        if self.saver.pending and not self.saver.stopped:
            self.flush(brief=event.spontaneous())

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing for good: the window asked first when answers a change hid were still
        # offered back, so they are let go of here rather than held for a reopening.
        self.renderer.let_go_of_hidden()
        self.flush()
        self.saver.stop()
        super().closeEvent(event)


SUMMARY_LINES = 12
"""The most lines of what a move would leave behind the question shows before 'more'."""


def _readable(content: dict[str, Any] | None) -> Holding | None:
    """The answers a change hid that the store holds for the interview, if any."""
    holding = None if content is None else Holding.from_content(content)
    if content is not None and holding is None:
        log.warning("held answers for an interview are not in a readable shape; left out")
    return holding


def _at(interview: ReturnInterview) -> Clock:
    """The moment a signed-off interview was signed off at: read-only, it is judged as it
    was then. Judged by today's date, a question asked only until a date had gone, with
    its answer, by the time a coordinator opened it."""
    signed_off = interview.completed_at
    assert signed_off is not None
    return lambda: signed_off


def _draft_session(
    form: Form, answers: dict[str, Any], holding: Holding | None, clock: Clock
) -> tuple[FormSession, Holding | None]:
    """The draft's session, with the held answers hidden in it again, and the holding;
    without them (and None) if they do not fit the form (the answers alone always must)."""
    language = form_language(form)
    if holding is not None:
        try:
            merged = with_held(answers, holding)
            return FormSession(form, merged, clock=clock, language=language), holding
        except ValueError:
            log.warning("held answers for an interview do not fit its form; left out")
    return FormSession(form, answers, clock=clock, language=language), None


def _held_content(renderer: FormRenderer) -> Callable[[], dict[str, Any] | None]:
    """The renderer's held answers for autosave, without keeping the renderer alive (the
    saver is the editor's child, and the renderer reaches the editor through signals)."""
    alive = weakref.ref(renderer)

    def held() -> dict[str, Any] | None:
        found = alive()
        holding = None if found is None else found.held_answers()
        return None if holding is None else holding.content()

    return held


def open_form_editor(
    *,
    store: Callable[[], Store],
    actor: Callable[[], str],
    interview_id: str,
    registry: FormRegistry,
    read_only: bool = False,
    on_saved: Callable[[], None] | None = None,
    clock: Clock = utc_now,
    runner: Runner | None = None,
    parent: QWidget | None = None,
) -> InterviewFormEditor:
    """The editor for a stored interview, on the form version it pinned.

    Raises FormNotInstalledError if that version is not on this device, and ValueError
    if the interview has not been started on a form yet.
    """
    interview = store().interviews.get(interview_id)
    if interview.form_id is None or interview.form_version is None:
        raise ValueError("This interview has not been started on a form yet.")
    form = registry.load(interview.form_id, interview.form_version)
    editor = InterviewFormEditor(
        interview,
        form,
        store=store,
        actor=actor,
        registry=registry,
        read_only=read_only,
        clock=clock,
        runner=runner,
        parent=parent,
    )
    if on_saved is not None:
        editor.saved.connect(on_saved)
    return editor


def _shortened(box: QMessageBox, summary: Summary) -> str:
    """The summary's first lines for `box`'s text, the whole of it in its details (which
    scroll) where it is longer: a box as tall as a long list put its buttons off the
    screen."""
    if len(summary.lines) <= SUMMARY_LINES:
        return summary.text
    box.setDetailedText(summary.text)
    more = QCoreApplication.translate(
        "InterviewFormEditor", "\u2026and {0} more: choose Show Details to read them all."
    ).format(summary.items_after(SUMMARY_LINES))
    return "\n".join([*summary.lines[:SUMMARY_LINES], more])
