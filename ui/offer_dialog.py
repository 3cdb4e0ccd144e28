"""Recording one attempt to offer a child their return interview (or to offer it again).

Every attempt is kept, whatever its outcome: when, how, by whom, what happened, whether
the child chose the venue and time, and why it was declined, not possible or not made.
The lifecycle moves it implies are made by `ui.casework.record_offer`. Nothing is
assumed: the outcome and whether the child chose start unanswered, and "by whom" starts
with the person's name when the app knows it, else empty for them to type.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from rhi_desktop.domain.entities import InterviewState, OfferMethod, OfferOutcome
from ui.casework import CaseworkError, OfferAttempt, Problem
from ui.dialog_parts import FieldProblem, SavingDialog, buddy_label
from ui.messages import date_problem_text, problem_text
from ui.offer_words import method_labels, outcome_labels
from ui.uk_dates import (
    InvalidDateText,
    format_london_date,
    format_london_time,
    london_instant,
    parse_clock,
    parse_uk_date,
)

_NOT_RECORDED = "not_recorded"


class OfferDialog(SavingDialog[OfferAttempt]):
    def __init__(
        self,
        save: Callable[[OfferAttempt], None],
        state: InterviewState,
        your_name: str,
        now: datetime,
        parent: QWidget | None = None,
        *,
        case_reference: str,
    ) -> None:
        """`case_reference`: the case it is for, said first (never in the window title,
        which the desktop shows to anyone looking)."""
        super().__init__(save, parent)
        again = state is InterviewState.DECLINED
        self.setWindowTitle(
            self.tr("Offer the interview again") if again else self.tr("Record an offer")
        )
        said = [
            self.tr("Case {0}.").format(case_reference),
            self.tr("The child declined before. Record this new offer and how it went.")
            if again
            else self.tr(
                "Record each attempt, including ones where you could not reach the child."
            ),
        ]
        intro = QLabel("\n".join(said))
        intro.setTextFormat(Qt.TextFormat.PlainText)  # a case reference is shown as typed
        intro.setWordWrap(True)
        self.setAccessibleDescription(" ".join(said))  # read out as the dialog opens
        # The moment the dialog opened, kept exactly while its date and time are left as
        # shown: in the hour the clocks go back, "01:40" alone could be either 01:40.
        self._opened = now.replace(second=0, microsecond=0)
        self._opened_texts = (format_london_date(now), format_london_time(now))
        self.offer_date = QLineEdit(format_london_date(now))
        self.offer_date.setAccessibleName(self.tr("Offer date"))
        self.offer_date.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.offer_time = QLineEdit(format_london_time(now))
        self.offer_time.setAccessibleName(self.tr("Offer time"))
        self.offer_time.setPlaceholderText(self.tr("HH:MM"))
        self.method = QComboBox()
        self.method.setAccessibleName(self.tr("How it was offered"))
        for method, text in method_labels().items():
            self.method.addItem(text, method.value)
        self.offered_by = QLineEdit(your_name)  # the person's name, or empty to type
        self.offered_by.setAccessibleName(self.tr("Offered by"))
        self.outcome = QComboBox()
        self.outcome.setAccessibleName(self.tr("Outcome"))
        # Nothing is chosen for the interviewer: one Enter must not record an acceptance.
        self.outcome.addItem(self.tr("Choose what happened"), None)
        for outcome, text in outcome_labels().items():
            self.outcome.addItem(text, outcome.value)
        self.child_chose = QComboBox()
        self.child_chose.setAccessibleName(self.tr("Child chose the venue and time"))
        self.child_chose.addItem(self.tr("Not recorded"), _NOT_RECORDED)
        self.child_chose.addItem(self.tr("Yes"), "yes")
        self.child_chose.addItem(self.tr("No"), "no")
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(
            self.tr("Why it was declined, why there was no contact, or why it was not offered")
        )
        self.reason.setMaximumHeight(90)

        when = QWidget()
        when_row = QHBoxLayout(when)
        when_row.setContentsMargins(0, 0, 0, 0)
        when_row.addWidget(self.offer_date, 2)
        when_row.addWidget(self.offer_time, 1)
        form = QFormLayout()
        form.addRow(buddy_label(self.tr("&When (UK time):"), self.offer_date), when)
        form.addRow(self.tr("&How:"), self.method)
        form.addRow(self.tr("&By whom:"), self.offered_by)
        form.addRow(self.tr("&Outcome:"), self.outcome)
        form.addRow(self.tr("&Child chose venue and time:"), self.child_chose)
        form.addRow(self.tr("&Reason:"), self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        order = [
            self.offer_date,
            self.offer_time,
            self.method,
            self.offered_by,
            self.outcome,
            self.child_chose,
            self.reason,
            self.buttons,
        ]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        self._outcome_changed()
        self.offer_date.setFocus()

    def collect(self) -> OfferAttempt:
        try:
            day = parse_uk_date(self.offer_date.text())
        except InvalidDateText as exc:
            text = date_problem_text(exc.problem, self.tr("Offer date"))
            raise FieldProblem(self.offer_date, text) from None
        try:
            at = london_instant(day, *parse_clock(self.offer_time.text()))
        except InvalidDateText as exc:
            text = date_problem_text(exc.problem, self.tr("Offer time"))
            raise FieldProblem(self.offer_time, text) from None
        if (self.offer_date.text(), self.offer_time.text()) == self._opened_texts:
            at = self._opened  # as shown when opened: that very moment, whichever 01:40
        if not self.offered_by.text().strip():
            raise FieldProblem(self.offered_by, problem_text(Problem.MISSING_OFFERED_BY))
        chosen = self.outcome.currentData()
        if chosen is None:
            text = self.tr("Choose the outcome: what happened when the interview was offered.")
            raise FieldProblem(self.outcome, text)
        outcome = OfferOutcome(chosen)
        chose = self.child_chose.currentData()
        return OfferAttempt(
            offered_at=at,
            method=OfferMethod(self.method.currentData()),
            offered_by=self.offered_by.text(),
            outcome=outcome,
            child_chose_venue_and_time=None if chose == _NOT_RECORDED else chose == "yes",
            reason=self.reason.toPlainText(),
        )

    def field_for(self, error: CaseworkError) -> QWidget | None:
        fields: dict[Problem, QWidget] = {
            Problem.MISSING_OFFERED_BY: self.offered_by,
            Problem.MISSING_REASON: self.reason,
            Problem.OFFER_IN_FUTURE: self.offer_date,
            Problem.OFFER_BEFORE_RETURN: self.offer_date,
        }
        return fields.get(error.problem)

    def _outcome_changed(self) -> None:
        chosen = self.outcome.currentData()
        accepted = chosen == OfferOutcome.ACCEPTED.value
        self.child_chose.setEnabled(accepted)
        self.reason.setEnabled(chosen is not None and not accepted)
