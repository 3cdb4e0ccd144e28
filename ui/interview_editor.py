"""Where "Open interview" lands: the interview's form in its own window.

The form itself (renderer, autosave, form versions) is `ui.forms`. This window only
frames it: a title without personal data, a line above the form saying which case it is
and when the 72 hours run out (so two open interviews are told apart, and the deadline
is in sight where the work is done), a sensible size, and the rule that the store is
asked for at each save through the ProfileHolder, never kept. Hiding the window
(locking) or closing it saves anything typed first, so the lock can close the database
right after. Answers that could not be saved (saving has stopped: the record was changed
on another computer) are not thrown away by the close button without asking first. One
window per interview: opening it again brings the same one forward.

A returned interview opens read-only with the coordinator's comments beside the form;
"Amend" (the caller's operation) moves it on to a new revision and swaps in an editable
form, the comments staying where they are. An editable interview is signed off from
here too ("Sign off…", the caller's operation, with the same keys as in the caseload).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import Enum, auto
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from rhi_desktop.domain.deadlines import due_by, format_london
from ui.announce import announce
from ui.dialog_parts import ask_first
from ui.forms.buttons import form_button
from ui.profile_holder import ProfileHolder
from ui.review_comments import ReviewCommentsPanel
from ui.screen_fit import resize_within_screen

if TYPE_CHECKING:
    from rhi_desktop.domain.entities import Review
    from rhi_desktop.forms.versions import FormRegistry
    from rhi_desktop.store import Store
    from ui.forms.editor import InterviewFormEditor

DEFAULT_SIZE = (1100, 760)
AMEND_KEYS = "Ctrl+E"
SIGN_OFF_KEYS = "Ctrl+Shift+S"

# Moves the returned interview on to a new revision and returns its editable form, or
# None when the move could not be made (the caller has told the person why).
Amend = Callable[[], "InterviewFormEditor | None"]
# Signs the interview off (asking first), showing its questions over the given window.
SignOff = Callable[[QWidget], None]


class AtRisk(Enum):
    """Why closing an interview window now would lose answers."""

    UNSAVED = auto()
    """Typed, but not in the store (saving failed or stopped)."""
    HIDDEN = auto()
    """Hidden by a change the form still offers to undo; no longer kept with the interview."""
    KEPT_ASIDE = auto()
    """Kept aside, not asked given the others: by a move to a newer version, a row added
    or removed, or the date changing; no Undo brings them back."""


class InterviewWindow(QWidget):
    def __init__(
        self,
        interview_id: str,
        editor: InterviewFormEditor,
        parent: QWidget | None = None,
        *,
        review: Review | None = None,
        amend: Amend | None = None,
        sign_off: SignOff | None = None,
        heading: str = "",
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("interviewWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.interview_id = interview_id
        self.editor = editor
        self._close_agreed = False
        self._amend = amend
        self._sign_off = sign_off
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(heading, self)
        self.heading.setObjectName("interviewHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.heading.setContentsMargins(9, 9, 9, 0)
        self.heading.setVisible(bool(heading))
        # Every interview window has the one title (no case in it): a screen reader
        # tells two apart, and hears the deadline, by this.
        self.setAccessibleDescription(heading)
        self._heading_told = False
        layout.addWidget(self.heading)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(editor)
        self.comments: ReviewCommentsPanel | None = None
        if review is not None:
            self.comments = ReviewCommentsPanel(
                review, lambda: self.editor.form, self.go_to_question, self.splitter
            )
            self.splitter.addWidget(self.comments)
            self.splitter.setStretchFactor(0, 3)
            self.splitter.setStretchFactor(1, 1)
            editor.moved.connect(self.comments.relabel)
        layout.addWidget(self.splitter, 1)
        self.amend_button = self._button(
            self.tr("&Amend"),
            self.tr("Amend"),
            AMEND_KEYS,
            self.tr("Amend the returned interview as a new revision ({0})"),
        )
        self.amend_button.setObjectName("amendButton")
        self.amend_button.clicked.connect(self.amend)
        self.sign_off_button = self._button(
            self.tr("&Sign off…"),
            self.tr("Sign off"),
            SIGN_OFF_KEYS,
            self.tr("Sign off the completed interview ({0})"),
        )
        self.sign_off_button.setObjectName("signOffButton")
        self.sign_off_button.clicked.connect(self.sign_off)
        actions = QHBoxLayout()
        actions.setContentsMargins(9, 0, 9, 9)
        actions.addStretch(1)
        actions.addWidget(self.amend_button)
        actions.addWidget(self.sign_off_button)
        layout.addLayout(actions)
        self.amend_button.setVisible(amend is not None)
        self._update_sign_off()
        self._update_title()
        resize_within_screen(self, *DEFAULT_SIZE)

    def _button(self, text: str, name: str, keys: str, tip: str) -> QPushButton:
        """A footer button with its own keys, named in its tooltip ({0} in `tip`), as well
        as the Alt letter its text underlines. (The button's own shortcut is that letter:
        given the keys instead, the letter underlined would do nothing.)"""
        button = form_button(self, text)
        button.setAccessibleName(name)
        sequence = QKeySequence(keys)
        shortcut = QShortcut(sequence, self)
        shortcut.activated.connect(partial(_press_if_shown, button))
        button.setToolTip(tip.format(sequence.toString(QKeySequence.SequenceFormat.NativeText)))
        return button

    def _update_title(self) -> None:
        read_only = self.editor.renderer.read_only
        self.setWindowTitle(self.tr("Interview (read-only)") if read_only else self.tr("Interview"))

    @property
    def can_amend(self) -> bool:
        return self._amend is not None

    def _update_sign_off(self) -> None:
        self.sign_off_button.setVisible(
            self._sign_off is not None and not self.editor.renderer.read_only
        )

    def sign_off(self) -> None:
        """Sign the interview off, as "Sign off…" in the caseload does."""
        # A form made read-only because its saving stopped is still asked: it says why not.
        editable = not self.editor.renderer.read_only or self.editor.saver.stopped
        if self._sign_off is not None and editable:
            self._sign_off(self)

    def amend(self) -> None:
        """Move the returned interview to a new revision and make its form editable."""
        if self._amend is None:
            return
        section = self.editor.renderer.current_section
        editable = self._amend()
        if editable is None:
            return
        self._amend = None
        old = self.editor
        self.editor = editable
        if self.comments is not None:
            editable.moved.connect(self.comments.relabel)
        self.splitter.replaceWidget(0, editable)
        old.close()
        old.deleteLater()
        self.amend_button.hide()
        self._update_title()
        self._update_sign_off()
        if section in editable.form.sections:
            editable.renderer.show_section(section, focus=True)
        else:
            editable.renderer.show_section(editable.renderer.current_section, focus=True)

    def go_to_question(self, question_id: str) -> None:
        """Show the section holding `question_id`, focused on it where it has its own field."""
        renderer = self.editor.renderer
        try:
            renderer.focus_field(question_id)
        except KeyError:  # a question inside repeat rows: show its section
            renderer.show_section(self.editor.form.field(question_id).section_id, focus=True)

    def save_now(self) -> bool:
        """Save what was typed; whether the store now holds all of it (not when saving
        has stopped, e.g. the record was changed on another computer)."""
        self.editor.flush()
        return not self._unsaved()

    def _unsaved(self) -> bool:
        saver = self.editor.saver
        return saver.pending or saver.stopped

    def answers_at_risk(self, *, save: bool = True) -> AtRisk | None:
        """What closing now would lose, if anything: answers that could not be saved, or
        answers a change hid that the form still offers to bring back. With `save`, what
        was typed is saved first. Without (locked: the store is closed) hidden answers are
        not at risk: the store holds them as last saved, and opening the interview again
        offers their Undo again."""
        if save:
            self.editor.flush()
        if self._unsaved():
            return AtRisk.UNSAVED
        renderer = self.editor.renderer
        if save and renderer.offers_undo:  # told, or about to be as typing ends: tell it now
            renderer.show_hidden_notice()
            return AtRisk.HIDDEN
        if save and self.editor.kept_aside():
            return AtRisk.KEPT_ASIDE
        return None

    def showEvent(self, event: QShowEvent) -> None:
        """Opened: which case it is, and its deadline, read out, as the focus goes to the
        section list rather than to the heading. (Not again as unlocking shows each open
        window: one after another, they would be read out over each other.)"""
        super().showEvent(event)
        if self.heading.text() and not self._heading_told:
            self._heading_told = True
            announce(self, self.heading.text())

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._close_agreed and (risk := self.answers_at_risk()) is not None:
            event.ignore()  # closed by the person, with answers it would lose
            self._ask_to_close(risk)
            return
        self.editor.close()  # saves what was typed and stops the autosave timer
        super().closeEvent(event)

    def close_without_asking(self) -> None:
        """Close, saving what can be saved: for the app, which asked already (quitting)
        or has the answers safe another way (signed off, or reopened as it now stands)."""
        self._close_agreed = True
        self.close()

    def _ask_to_close(self, risk: AtRisk) -> None:
        def answered(_box: QMessageBox, leave: bool) -> None:
            if leave:
                self._close_agreed = True
                self.close()

        titles = {
            AtRisk.UNSAVED: self.tr("Close without what was typed?"),
            AtRisk.HIDDEN: self.tr("Close without the hidden answers?"),
            AtRisk.KEPT_ASIDE: self.tr("Close without the answers kept aside?"),
        }
        texts = {
            AtRisk.UNSAVED: self.tr(
                "Some answers in this interview could not be saved, and closing it now "
                "would lose them. The message above the form says why."
            ),
            AtRisk.HIDDEN: self.tr(
                "A change to an answer hid answers already given, and they are no longer "
                "kept with the interview: closing it now would lose them for good. To keep "
                "them, choose Keep working, then Undo in the notice above the form."
            ),
            AtRisk.KEPT_ASIDE: self.tr(
                "Answers already given were kept aside, as their questions are no longer "
                "asked (after moving this draft to a newer version, adding or removing a "
                "row, or as the date changed): closing it now would lose them for good. To "
                "keep them, choose Keep working, then answer so that their questions are "
                "asked."
            ),
        }
        ask_first(
            self,
            titles[risk],
            texts[risk],
            (self.tr("&Close anyway"), self.tr("Close anyway")),
            (self.tr("&Keep working"), self.tr("Keep working")),
            answered,
        )


def heading_text(store: Store, interview_id: str) -> str:
    """The case and its deadline, e.g. 'Case CR-1042 · returned Mon 09 Mar 2026, 18:00 GMT ·
    72 hours end Thu 12 Mar 2026, 18:00 GMT' (no name: the window may be on screen)."""
    interview = store.interviews.get(interview_id)
    child = store.children.get(interview.child_id)
    return QCoreApplication.translate(
        "InterviewWindow", "Case {0} · returned {1} · 72 hours end {2}"
    ).format(
        child.case_reference,
        format_london(interview.returned_at),
        format_london(due_by(interview.returned_at)),
    )


def open_interview_editor(
    parent: QWidget,
    holder: ProfileHolder,
    interview_id: str,
    *,
    registry: FormRegistry,
    read_only: bool,
    on_saved: Callable[[], None],
    clock: Callable[[], datetime],
    review: Review | None = None,
    amend: Callable[[], bool] | None = None,
    sign_off: SignOff | None = None,
) -> InterviewWindow:
    """A window showing the interview on the form version it pinned (FormNotInstalledError
    if this device does not have that version).

    With `review`, the coordinator's comments show beside the form. With `amend` (the
    operation moving a returned interview to a new revision; False if it could not), the
    read-only form offers "Amend", after which it is shown again, editable. With
    `sign_off`, an editable form offers "Sign off…".
    """
    from ui.forms.editor import open_form_editor

    def editor_for(locked: bool) -> InterviewFormEditor:
        return open_form_editor(
            store=lambda: holder.store,
            actor=lambda: holder.actor,
            interview_id=interview_id,
            registry=registry,
            read_only=locked,
            on_saved=on_saved,
            clock=clock,
        )

    def amended() -> InterviewFormEditor | None:
        assert amend is not None
        return editor_for(False) if amend() else None

    window = InterviewWindow(
        interview_id,
        editor_for(read_only),
        parent,
        review=review,
        amend=None if amend is None else amended,
        sign_off=sign_off,
        heading=heading_text(holder.store, interview_id),
    )
    window.show()
    return window


def _press_if_shown(button: QPushButton) -> None:
    if button.isVisible() and button.isEnabled():
        button.animateClick()
