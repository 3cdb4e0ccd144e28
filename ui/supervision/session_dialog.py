"""Recording a supervision session held with one person: when, the cases talked about,
reflections, the wellbeing and secondary trauma check, and the actions agreed.

The cases are picked from that person's interviews on this computer, by case reference.
Saving goes through `rhi_desktop.supervision.record_session` (audited, queued to send).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from rhi_desktop.store.team import TeamMember
from rhi_desktop.supervision import (
    CaseOption,
    SessionDraft,
    SupervisionError,
    SupervisionProblem,
    check_session,
)
from ui.dialog_parts import FieldProblem, buddy_label
from ui.messages import date_problem_text
from ui.screen_fit import resize_within_screen
from ui.supervision.actions_editor import ActionsEditor
from ui.supervision.saving import SupervisionDialog
from ui.uk_dates import InvalidDateText, format_uk_date, parse_uk_date

INTERVIEW_ROLE = Qt.ItemDataRole.UserRole


class RecordSessionDialog(SupervisionDialog[SessionDraft]):
    def __init__(
        self,
        save: Callable[[SessionDraft], None],
        supervisee: TeamMember,
        cases: Sequence[CaseOption],
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(save, parent)
        self.setObjectName("recordSessionDialog")
        self.setWindowTitle(self.tr("Record a supervision session"))
        self._supervisee = supervisee
        self._today = today
        who = QLabel(self.tr("Supervision with {0}").format(supervisee.name))
        who.setTextFormat(Qt.TextFormat.PlainText)
        who.setObjectName("supervisee")
        self.held_on = QLineEdit(format_uk_date(today))
        self.held_on.setAccessibleName(self.tr("Date held"))
        self.held_on.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.cases = QListWidget()
        self.cases.setAccessibleName(self.tr("Cases discussed"))
        self.cases.setMaximumHeight(110)
        for option in cases:
            item = QListWidgetItem(option.case_reference, self.cases)
            item.setData(INTERVIEW_ROLE, option.interview_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        if cases:
            self.cases.setCurrentRow(0)
        no_cases = QLabel(self.tr("No interviews of theirs are on this computer."))
        no_cases.setVisible(not cases)
        self.reflections = QPlainTextEdit()
        self.reflections.setAccessibleName(self.tr("Reflections"))
        self.reflections.setTabChangesFocus(True)
        self.reflections.setMaximumHeight(80)
        self.wellbeing = QPlainTextEdit()
        self.wellbeing.setAccessibleName(self.tr("Wellbeing and secondary trauma check"))
        self.wellbeing.setPlaceholderText(
            self.tr("How they are; signs of secondary trauma; support offered or agreed")
        )
        self.wellbeing.setTabChangesFocus(True)
        self.wellbeing.setMaximumHeight(80)
        self.agreed = ActionsEditor(supervisee.name, preceding=self.wellbeing)

        cases_box = QWidget()
        cases_layout = QVBoxLayout(cases_box)
        cases_layout.setContentsMargins(0, 0, 0, 0)
        cases_layout.addWidget(self.cases)
        cases_layout.addWidget(no_cases)
        form = QFormLayout()
        form.addRow(self.tr("&Date held:"), self.held_on)
        form.addRow(buddy_label(self.tr("&Cases discussed:"), self.cases), cases_box)
        form.addRow(self.tr("&Reflections:"), self.reflections)
        form.addRow(self.tr("&Wellbeing and secondary trauma check:"), self.wellbeing)
        self.actions_label = QLabel(self.tr("Agreed actions:"))
        fields = QWidget()
        fields_layout = QVBoxLayout(fields)
        fields_layout.addLayout(form)
        fields_layout.addWidget(self.actions_label)
        fields_layout.addWidget(self.agreed)
        fields_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(fields)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.addWidget(who)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        order = [self.held_on, self.cases, self.reflections, self.wellbeing]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)
        self.setTabOrder(self.wellbeing, self.agreed.add_button)  # until an action is added
        self.setTabOrder(self.agreed.add_button, self.buttons)
        resize_within_screen(self, 640, 620)
        self.held_on.setFocus()

    def chosen_cases(self) -> tuple[str, ...]:
        chosen: list[str] = []
        for row in range(self.cases.count()):
            item = self.cases.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                chosen.append(str(item.data(INTERVIEW_ROLE)))
        return tuple(chosen)

    def collect(self) -> SessionDraft:
        try:
            held_on = parse_uk_date(self.held_on.text())
        except InvalidDateText as exc:
            text = date_problem_text(exc.problem, self.tr("Date held"))
            raise FieldProblem(self.held_on, text) from None
        draft = SessionDraft(
            supervisee_id=self._supervisee.user_id,
            held_on=held_on,
            cases_discussed=self.chosen_cases(),
            reflections=self.reflections.toPlainText(),
            wellbeing=self.wellbeing.toPlainText(),
            actions=self.agreed.agreed_actions(),
        )
        check_session(draft, self._today)
        return draft

    def field_for_problem(self, error: SupervisionError) -> QWidget | None:
        if error.action is not None and error.action < len(self.agreed.rows):
            row = self.agreed.field(error.action)
            in_row: dict[SupervisionProblem, QWidget] = {
                SupervisionProblem.ACTION_MISSING_WHAT: row.what,
                SupervisionProblem.ACTION_MISSING_OWNER: row.owner,
                SupervisionProblem.ACTION_DUE_BEFORE_SESSION: row.due,
            }
            return in_row.get(error.problem)
        fields: dict[SupervisionProblem, QWidget] = {
            SupervisionProblem.HELD_IN_FUTURE: self.held_on,
            SupervisionProblem.MISSING_WELLBEING: self.wellbeing,
        }
        return fields.get(error.problem)
