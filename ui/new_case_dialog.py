"""Recording a found child who is not on the caseload yet (e.g. the school rang).

Dates are typed as dd/mm/yyyy and times as HH:MM, UK local time. Saving creates the
child, the missing episode and an assigned return interview in one transaction (see
`ui.casework.record_found_child`).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from rhi_desktop.domain.entities import EpisodeType
from ui.casework import CaseworkError, FoundChild, Problem
from ui.dialog_parts import (
    FieldProblem,
    SavingDialog,
    ScrollingFields,
    ShrinkingComboBox,
    buddy_label,
)
from ui.messages import date_problem_text, problem_text
from ui.uk_dates import InvalidDateText, london_instant, parse_clock, parse_uk_date


class NewCaseDialog(SavingDialog[FoundChild]):
    def __init__(
        self,
        save: Callable[[FoundChild], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(save, parent)
        self.setWindowTitle(self.tr("New found child"))
        self.case_reference = self._line(self.tr("Case reference"))
        self.name = self._line(self.tr("Child's name"))
        self.date_of_birth = self._line(self.tr("Date of birth"), self.tr("dd/mm/yyyy"))
        self.looked_after = QCheckBox(self.tr("&Looked after (in care)"))
        self.looked_after.setAccessibleName(self.tr("Looked after"))
        self.uasc = QCheckBox(self.tr("&Unaccompanied asylum-seeking child (UASC)"))
        self.uasc.setAccessibleName(self.tr("Unaccompanied asylum-seeking child"))
        self.episode_type = ShrinkingComboBox()
        self.episode_type.setAccessibleName(self.tr("Episode type"))
        self.episode_type.addItem(
            self.tr("M: missing, whereabouts unknown"), EpisodeType.MISSING.value
        )
        self.episode_type.addItem(
            self.tr("A: away from placement without authorisation, whereabouts known"),
            EpisodeType.AWAY.value,
        )
        self.start_date = self._line(self.tr("Start date"), self.tr("dd/mm/yyyy"))
        self.start_time = self._line(self.tr("Start time"), self.tr("HH:MM"))
        self.return_date = self._line(self.tr("Return date"), self.tr("dd/mm/yyyy"))
        self.return_time = self._line(self.tr("Return time"), self.tr("HH:MM"))

        child = QGroupBox(self.tr("Child"))
        child_form = QFormLayout(child)
        child_form.addRow(self.tr("Case &reference:"), self.case_reference)
        child_form.addRow(self.tr("&Name:"), self.name)
        child_form.addRow(self.tr("Date of &birth:"), self.date_of_birth)
        child_form.addRow("", self.looked_after)
        child_form.addRow("", self.uasc)
        episode = QGroupBox(self.tr("Missing episode (UK time)"))
        episode_form = QFormLayout(episode)
        episode_form.addRow(self.tr("&Type:"), self.episode_type)
        # Alt+letter goes to the date: a row of two fields cannot take the focus itself.
        episode_form.addRow(
            buddy_label(self.tr("Starte&d (last seen):"), self.start_date),
            _pair(self.start_date, self.start_time),
        )
        episode_form.addRow(
            buddy_label(self.tr("R&eturned or found:"), self.return_date),
            _pair(self.return_date, self.return_time),
        )
        fields = QWidget()
        fields_layout = QVBoxLayout(fields)
        fields_layout.setContentsMargins(0, 0, 0, 0)
        fields_layout.addWidget(child)
        fields_layout.addWidget(episode)
        layout = QVBoxLayout(self)
        layout.addWidget(ScrollingFields(fields), 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        order = [
            self.case_reference,
            self.name,
            self.date_of_birth,
            self.looked_after,
            self.uasc,
            self.episode_type,
            self.start_date,
            self.start_time,
            self.return_date,
            self.return_time,
            self.buttons,
        ]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)
        self.case_reference.setFocus()

    def collect(self) -> FoundChild:
        """Checked top to bottom, so the first problem named is the first one on screen."""
        for field, missing in (
            (self.case_reference, Problem.MISSING_CASE_REFERENCE),
            (self.name, Problem.MISSING_NAME),
        ):
            if not field.text().strip():
                raise FieldProblem(field, problem_text(missing))
        dob = self._date(self.date_of_birth, self.tr("Date of birth"))
        start = self._instant(self.start_date, self.start_time, self.tr("Start"))
        returned = self._instant(self.return_date, self.return_time, self.tr("Return"))
        return FoundChild(
            case_reference=self.case_reference.text(),
            name=self.name.text(),
            date_of_birth=dob,
            looked_after=self.looked_after.isChecked(),
            uasc=self.uasc.isChecked(),
            episode_type=EpisodeType(self.episode_type.currentData()),
            episode_start=start,
            returned_at=returned,
        )

    def field_for(self, error: CaseworkError) -> QWidget | None:
        fields: dict[Problem, QWidget] = {
            Problem.MISSING_CASE_REFERENCE: self.case_reference,
            Problem.CASE_REFERENCE_NOT_PLAIN: self.case_reference,
            Problem.DUPLICATE_CASE_REFERENCE: self.case_reference,
            Problem.MISSING_NAME: self.name,
            Problem.BORN_IN_FUTURE: self.date_of_birth,
            Problem.NOT_A_CHILD: self.date_of_birth,
            Problem.START_BEFORE_BIRTH: self.start_date,
            Problem.START_AFTER_RETURN: self.start_date,
            Problem.RETURN_IN_FUTURE: self.return_date,
            Problem.AWAY_NOT_LOOKED_AFTER: self.looked_after,
        }
        return fields.get(error.problem)

    def _line(self, accessible: str, placeholder: str = "") -> QLineEdit:
        line = QLineEdit()
        line.setAccessibleName(accessible)
        if placeholder:
            line.setPlaceholderText(placeholder)
        return line

    def _date(self, field: QLineEdit, what: str) -> date:
        try:
            return parse_uk_date(field.text())
        except InvalidDateText as exc:
            raise FieldProblem(field, date_problem_text(exc.problem, what)) from None

    def _instant(self, date_field: QLineEdit, time_field: QLineEdit, what: str) -> datetime:
        day = self._date(date_field, self.tr("{0} date").format(what))
        try:
            at, zone = parse_clock(time_field.text())
        except InvalidDateText as exc:
            label = self.tr("{0} time").format(what)
            raise FieldProblem(time_field, date_problem_text(exc.problem, label)) from None
        try:
            return london_instant(day, at, zone)
        except InvalidDateText as exc:
            label = self.tr("{0} time").format(what)
            raise FieldProblem(time_field, date_problem_text(exc.problem, label)) from None


def _pair(first: QWidget, second: QWidget) -> QWidget:
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(first, 2)
    row.addWidget(second, 1)
    return holder
