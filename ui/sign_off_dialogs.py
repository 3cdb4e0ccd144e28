"""Signing off an interview: the confirmation, the late-reason prompt, and what blocks it.

Sign-off makes the record read-only on this computer. It is confirmed explicitly; when
it happens more than 72 hours after the child returned, the reason is asked for and
saved with the record (it is reported to managers and Ofsted).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from rhi_desktop.counted import by_count
from rhi_desktop.domain.deadlines import format_london
from ui.dialog_parts import FieldProblem, SavingDialog, dress_information_box
from ui.sign_off_check import Blocker, SignOffCheck

translate = QCoreApplication.translate

MAX_LISTED_ISSUES = 8


class SignOffDialog(SavingDialog[bool]):
    """Confirms the sign-off; `save(True)` runs when the person has confirmed."""

    def __init__(
        self,
        save: Callable[[bool], None],
        parent: QWidget | None = None,
        *,
        case_reference: str,
        hidden_answers: bool = False,
        kept_aside: bool = False,
    ) -> None:
        """`case_reference`: the case it is for, said first (never in the window title).
        `hidden_answers`: answers a change hid are still held for Undo; `kept_aside`:
        answers kept aside, no longer asked (after a move, a row, or the date changing).
        Signing off lets go of them (they are not part of the interview)."""
        super().__init__(save, parent)
        self.setWindowTitle(self.tr("Sign off the interview"))
        said = [
            self.tr("Case {0}.").format(case_reference),
            self.tr(
                "Once signed off, the interview is read-only on this computer and is ready "
                "to send for review. A coordinator can return it to you for changes."
            ),
        ]
        if hidden_answers:
            said.append(
                self.tr(
                    "\u26a0 A change to an answer hid answers already given. They are not part "
                    "of the interview, and signing off lets go of them for good. To keep "
                    "them, cancel, open the interview and choose Undo in the notice above "
                    "the form."
                )
            )
        if kept_aside:
            said.append(
                self.tr(
                    "\u26a0 Answers already given were kept aside, as their questions are no "
                    "longer asked (after moving the draft to a newer version, adding or "
                    "removing a row, or as the date changed). They are not part of the "
                    "interview, and signing off lets go of them for good. To keep them, "
                    "cancel and answer so that their questions are asked."
                )
            )
        text = QLabel("\n\n".join(said))
        text.setTextFormat(Qt.TextFormat.PlainText)  # a case reference is shown as typed
        self.setAccessibleDescription(" ".join(said))  # read out as the dialog opens
        text.setWordWrap(True)
        self.confirm = QCheckBox(self.tr("I &confirm this record is complete and accurate"))
        self.confirm.setAccessibleName(self.tr("Confirm the record is complete and accurate"))
        save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save_button.setText(self.tr("&Sign off"))
        save_button.setAccessibleName(self.tr("Sign off"))
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.confirm)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.confirm, self.buttons)
        self.confirm.setFocus()

    def entries(self) -> tuple[object, ...]:
        """One tick box: closing without it loses nothing worth a question."""
        return ()

    def collect(self) -> bool:
        if not self.confirm.isChecked():
            raise FieldProblem(self.confirm, self.tr("Tick the box to confirm the record."))
        return True


class LateReasonDialog(SavingDialog[str]):
    """Asks why the interview is being signed off after the 72 hours."""

    def __init__(
        self,
        save: Callable[[str], None],
        returned_at: datetime,
        now: datetime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(save, parent)
        self.setWindowTitle(self.tr("Signed off after 72 hours"))
        text = QLabel(
            " ".join(
                (
                    self._since_return(returned_at, now),
                    self.tr(
                        "Interviews should be completed within 72 hours. Record why this "
                        "one was not; managers and inspectors see this reason."
                    ),
                )
            )
        )
        text.setWordWrap(True)
        # Wide enough to read the explanation as a paragraph, not a column of words.
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 72)
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName(self.tr("Reason for completing after 72 hours"))
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(
            self.tr("For example: the young person was not available until after the weekend")
        )
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.reason)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.reason, self.buttons)
        self.reason.setFocus()

    def _since_return(self, returned_at: datetime, now: datetime) -> str:
        """When the child returned, and how long ago: hours under two days, else days."""
        when = format_london(returned_at)
        hours = int((now - returned_at).total_seconds() // 3600)
        if hours < 48:
            return by_count(
                hours,
                self.tr("The child returned on {1}, 1 hour ago."),
                self.tr("The child returned on {1}, {0} hours ago."),
                when,
            )
        return by_count(
            hours // 24,
            self.tr("The child returned on {1}, 1 day ago."),
            self.tr("The child returned on {1}, {0} days ago."),
            when,
        )

    def collect(self) -> str:
        text = self.reason.toPlainText().strip()
        if not text:
            raise FieldProblem(self.reason, self.tr("Write the reason before saving."))
        return text


def blocker_text(
    check: SignOffCheck, *, open_already: bool = False, listed: int = MAX_LISTED_ISSUES
) -> str:
    """Why the interview cannot be signed off yet, listing (up to `listed`) open questions
    by label; `open_already`: asked from the interview's own window."""
    if check.blocker is Blocker.NO_FORM:
        return translate(
            "SignOff", "This interview has not been started, so there is nothing to sign off."
        )
    if check.blocker is Blocker.UNKNOWN_FORM:
        return translate(
            "SignOff",
            "This interview uses a form this version of the app does not have. Update the "
            "app (ask IT), then sign it off.",
        )
    if check.blocker is Blocker.TOO_LONG_TO_SEND:
        return "\n".join(
            [
                translate(
                    "SignOff",
                    "The answers are too long to send to the central service in one record. "
                    "Shorten the longest of them:",
                ),
                *(f"• {question}" for question in check.longest),
                translate("SignOff", "Shorten them in the interview, then sign off.")
                if open_already
                else translate("SignOff", "Open the interview to shorten them."),
            ]
        )
    lines = [
        translate("SignOff", "Some answers need attention before you can sign off:"),
        *(
            f"• {issue.section}: {issue.question} — {issue.words()}"
            for issue in check.issues[:listed]
        ),
    ]
    hidden = len(check.issues) - listed
    if hidden > 0:
        lines.append(translate("SignOff", "…and {0} more.").format(hidden))
    lines.append(
        translate("SignOff", "Check answers in the interview takes you to each in turn.")
        if open_already
        else translate("SignOff", "Open the interview to complete them.")
    )
    return "\n".join(lines)


class _BlockerBox(QMessageBox):
    """`blocker_text` in a note that fits the screen: in large text on a small screen,
    eight questions listed made it taller than the screen, its OK out of reach, so it
    lists as many as fit (one at least). Its size is known only once it is shown."""

    def __init__(self, parent: QWidget | None, check: SignOffCheck, open_already: bool) -> None:
        super().__init__(QMessageBox.Icon.Information, "", "", parent=parent)
        self._text = partial(blocker_text, check, open_already=open_already)
        self._listed = MAX_LISTED_ISSUES
        self.setText(self._text(listed=self._listed))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        room = self.screen().availableGeometry().height()
        while self._listed > 1 and self.height() > room:
            self._listed -= 1
            self.setText(self._text(listed=self._listed))


def blocker_box(parent: QWidget, check: SignOffCheck, *, open_already: bool) -> QMessageBox:
    """Why the interview cannot be signed off yet, in a note with one OK button that fits
    the screen, for the caller to `open()`."""
    box = _BlockerBox(parent, check, open_already)
    dress_information_box(box)
    return box
