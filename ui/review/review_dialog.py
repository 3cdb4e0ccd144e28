"""Reviewing one submitted interview: read it, comment on it, approve or return it.

Read-only throughout: the answers section by section, the offers and 72-hour timings,
and for a resubmitted interview what changed since the returned revision. Answers the
form marks sensitive stay covered until the coordinator ticks Show sensitive answers
(never ticked when the dialog opens, and unticked again when the app locks). The
coordinator's comments are kept here until they decide. Approve and Return each ask
for confirmation, and Return needs at least one comment. The decision goes to the
`save` callback (one store transaction); if the interview moved on since the dialog
opened, nothing is saved and the dialog says what to do instead.

Opened with `open()` as a modal child of the queue page. `discard()` closes it without
asking (the app is locking); closing it with unsent comments asks first.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rhi_desktop.counted import by_count
from rhi_desktop.domain.entities import ReviewDecision
from rhi_desktop.review import Decision, ReviewError, ReviewProblem, ReviewSubject
from ui.announce import announce
from ui.dialog_parts import ask_first
from ui.messages import error_text
from ui.review.answers_view import AnswersView
from ui.review.changes_view import ChangesView
from ui.review.comments_editor import CommentsEditor
from ui.review.timings_view import TimingsView
from ui.review.words import problem_text
from ui.screen_fit import resize_within_screen

Save = Callable[[Decision], None]
_FINAL = frozenset({ReviewProblem.STALE_REVISION, ReviewProblem.NOT_SUBMITTED})


def _button(text: str, name: str, accessible: str, parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAccessibleName(accessible)
    button.setAutoDefault(False)  # Enter in the answers must not decide anything
    return button


class ReviewDialog(QDialog):
    def __init__(self, subject: ReviewSubject, save: Save, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewDialog")
        self.setWindowTitle(self.tr("Review interview"))  # never a child's name or reference
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.subject = subject
        self._save = save
        self._discarding = False
        self.confirmation: QMessageBox | None = None

        revision = (
            self.tr("revision {0}, resubmitted").format(subject.revision)
            if subject.previous_revision is not None
            else self.tr("revision {0}").format(subject.revision)
        )
        self.about = QLabel(
            self.tr("Case {0} ({1}). Interviewer: {2}").format(
                subject.case_reference, revision, subject.interviewer
            ),
            self,
        )
        self.about.setObjectName("reviewAbout")
        self.about.setTextFormat(Qt.TextFormat.PlainText)
        self.about.setWordWrap(True)
        self.show_sensitive = QCheckBox(self.tr("S&how sensitive answers"), self)
        self.show_sensitive.setObjectName("showSensitiveAnswers")
        self.show_sensitive.setAccessibleName(self.tr("Show sensitive answers"))
        self.show_sensitive.setToolTip(
            self.tr("Answers the form marks sensitive are hidden until you tick this.")
        )

        self.answers = AnswersView(subject.sections, self)
        self.timings = TimingsView(subject.timings, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("reviewTabs")
        self.tabs.setAccessibleName(self.tr("Interview under review"))
        self.tabs.addTab(self.answers, self.tr("&Answers"))
        self.tabs.addTab(self.timings, self.tr("&Offers and timings"))
        self.changes: ChangesView | None = None
        if subject.previous_revision is not None:
            self.changes = ChangesView(subject, self)
            self.tabs.addTab(
                self.changes,
                self.tr("&What changed since revision {0}").format(subject.previous_revision),
            )

        self.comments = CommentsEditor(subject.questions, self)
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.return_button = _button(
            self.tr("&Return for amendment…"),
            "returnInterview",
            self.tr("Return for amendment"),
            self,
        )
        self.approve_button = _button(
            self.tr("A&pprove…"), "approveInterview", self.tr("Approve"), self
        )
        self.close_button = _button(self.tr("Close"), "closeReview", self.tr("Close"), self)

        splitter = QSplitter(self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.comments)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([700, 420])
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        buttons.addWidget(self.return_button)
        buttons.addWidget(self.approve_button)
        top = QHBoxLayout()
        top.addWidget(self.about, 1)
        top.addWidget(self.show_sensitive)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        # Every tab's controls straight after the tab bar (not the tab widget: it holds
        # them all, and ordering its children after it tangles the chain); those of tabs
        # not showing are hidden, so Tab passes over them.
        order: list[QWidget] = [
            self.show_sensitive,
            self.tabs.tabBar(),
            self.answers.tree,
            self.answers.detail,
            *self.timings.values.values(),
            self.timings.offers,
            *([] if self.changes is None else [self.changes.asked, self.changes.tree]),
            self.comments.comment,
            self.comments.add_button,
            self.comments.list,
            self.comments.remove_button,
            self.comments.overall,
            self.return_button,
            self.approve_button,
            self.close_button,
        ]
        for first, second in itertools.pairwise([*order, order[0]]):  # Close back to the top
            self.setTabOrder(first, second)

        self.show_sensitive.toggled.connect(self._show_sensitive)
        self.answers.question_changed.connect(self.comments.set_target)
        self.tabs.currentChanged.connect(lambda _index: self._follow_tab())
        self.answers.tree.itemActivated.connect(lambda *_: self._write_comment())
        self.comments.set_target(self.answers.current_question())
        self.return_button.clicked.connect(lambda: self.ask(ReviewDecision.RETURNED))
        self.approve_button.clicked.connect(lambda: self.ask(ReviewDecision.APPROVED))
        self.close_button.clicked.connect(self.reject)
        if self.changes is not None:
            self.changes.question_changed.connect(self.comments.set_target)
            self.changes.tree.itemActivated.connect(lambda *_: self.comments.comment.setFocus())
            self.tabs.setCurrentWidget(self.changes)  # a resubmission: start with what changed
        resize_within_screen(self, 1180, 720)
        (self.answers.tree if self.changes is None else self.changes.tree).setFocus()

    # -- deciding ------------------------------------------------------------------------

    def collect(self, kind: ReviewDecision) -> Decision:
        """The decision as it stands; ReviewError or a problem shown when it cannot be sent."""
        unsent = self.comments.unsent_question()
        if unsent is not None:
            self.comments.set_target(unsent)  # its text back in the box, to add or clear
            raise _Unsent(self.comments.label_of(unsent))
        comments = self.comments.question_comments()
        overall = self.comments.overall_comment() or None
        if kind is ReviewDecision.RETURNED and not comments and overall is None:
            raise ReviewError(ReviewProblem.NO_COMMENT)
        return Decision(kind, self.subject.revision, overall, comments)

    def ask(self, kind: ReviewDecision) -> None:
        """Check the decision, then ask to confirm it before sending."""
        try:
            decision = self.collect(kind)
        except _Unsent as unsent:
            self.show_problem(
                self.tr(
                    "You wrote a comment on “{0}” but did not add it. Add it, or clear it, "
                    "then decide."
                ).format(unsent.label),
                self.comments.comment,
            )
            return
        except ReviewError as exc:
            self.show_problem(problem_text(exc.problem), self.comments.overall)
            return
        box = self._confirm_box(decision)
        box.buttonClicked.connect(lambda button: self._confirmed(box, button, decision))
        box.open()

    def _confirm_box(self, decision: Decision) -> QMessageBox:
        if decision.decision is ReviewDecision.APPROVED:
            title = self.tr("Approve the interview")
            text = self.tr(
                "Approve revision {0} of this interview? The interviewer sees the approval "
                "after the next sync. This cannot be undone."
            ).format(decision.revision)
            confirm = self.tr("Approve")
        else:
            count = len(decision.question_comments) + (1 if decision.overall_comment else 0)
            title = self.tr("Return the interview")
            text = by_count(
                count,
                self.tr(
                    "Return revision {1} to the interviewer with 1 comment? They amend it and "
                    "send it again."
                ),
                self.tr(
                    "Return revision {1} to the interviewer with {0} comments? They amend it "
                    "and send it again."
                ),
                decision.revision,
            )
            confirm = self.tr("Return")
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        box.setObjectName("confirmDecision")
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        yes = box.addButton(confirm, QMessageBox.ButtonRole.AcceptRole)
        yes.setAccessibleName(confirm)
        no = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        no.setAccessibleName(self.tr("Cancel"))
        box.setDefaultButton(yes)
        box.setEscapeButton(no)
        self.confirmation = box
        return box

    def _confirmed(self, box: QMessageBox, button: QAbstractButton, decision: Decision) -> None:
        self.confirmation = None
        if box.buttonRole(button) is not QMessageBox.ButtonRole.AcceptRole:
            return
        try:
            self._save(decision)
        except ReviewError as exc:
            self.show_problem(problem_text(exc.problem), None)
            if exc.problem in _FINAL:
                self.return_button.setEnabled(False)
                self.approve_button.setEnabled(False)
                self.close_button.setFocus()
            return
        except Exception as exc:  # shown as an apology with a reference, and logged
            self.show_problem(error_text(exc), None)
            return
        self._discarding = True
        self.accept()

    def show_problem(self, text: str, field: QWidget | None) -> None:
        """Shown and read out, as the other dialogs' problems are."""
        self.problem.setText(text)
        self.problem.show()
        if field is not None:
            field.setFocus()
        announce(self.problem, text)

    def _follow_tab(self) -> None:
        """Comments are about the question chosen on the tab in view."""
        if self.changes is not None and self.tabs.currentWidget() is self.changes:
            self.comments.set_target(self.changes.current_question())
        elif self.tabs.currentWidget() is self.answers:
            self.comments.set_target(self.answers.current_question())

    def _write_comment(self) -> None:
        if self.answers.current_question() is not None:
            self.comments.comment.setFocus()

    # -- sensitive answers ---------------------------------------------------------------

    def _show_sensitive(self, revealed: bool) -> None:
        self.answers.show_sensitive(revealed)
        if self.changes is not None:
            self.changes.show_sensitive(revealed)

    def mask_sensitive(self) -> None:
        """Cover every sensitive answer again (the app is locking)."""
        self.show_sensitive.setChecked(False)

    # -- closing -------------------------------------------------------------------------

    def discard(self) -> None:
        """Close now, dropping what is shown and typed (the app is locking)."""
        self._discarding = True
        if self.confirmation is not None:
            self.confirmation.close()
            self.confirmation = None
        self.answers.clear()
        self.comments.clear()
        self.reject()

    def reject(self) -> None:
        if self._discarding or not (self.comments.has_comments() or self.comments.unsent_comment()):
            super().reject()
            return
        box = ask_first(
            self,
            self.tr("Close the review"),
            self.tr("Close without sending your comments? They are not kept."),
            (self.tr("Close without sending"), self.tr("Close without sending")),
            (self.tr("Keep reviewing"), self.tr("Keep reviewing")),
            lambda _box, close: self._close_answered(close),
        )
        box.setObjectName("confirmClose")
        self.confirmation = box

    def _close_answered(self, close: bool) -> None:
        self.confirmation = None
        if close:
            self._discarding = True
            super().reject()


class _Unsent(Exception):
    """A comment was typed on a question but not added to the list."""

    def __init__(self, label: str) -> None:
        super().__init__("unsent comment")
        self.label = label
