"""The agreed actions of a session as an editable list: what, who, and by when.

One row of fields per action, added and removed with buttons, so everything is reached
with Tab and typed like the rest of the app's forms (UK dates, dd/mm/yyyy).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rhi_desktop.domain.entities import AgreedAction
from ui.dialog_parts import FieldProblem
from ui.messages import date_problem_text
from ui.uk_dates import InvalidDateText, parse_uk_date


@dataclass
class ActionRow:
    what: QLineEdit
    owner: QLineEdit
    due: QLineEdit
    remove: QPushButton


class ActionsEditor(QWidget):
    def __init__(
        self, default_owner: str, preceding: QWidget | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Agreed actions"))
        self._default_owner = default_owner
        self._preceding = preceding  # the field Tab comes from, into the first action
        self.rows: list[ActionRow] = []
        self._grid = QGridLayout()
        self._grid.setContentsMargins(0, 0, 0, 0)
        for column, stretch in enumerate((3, 1, 1, 0)):
            self._grid.setColumnStretch(column, stretch)
        for column, text in enumerate(
            (self.tr("What was agreed"), self.tr("Who"), self.tr("Due (dd/mm/yyyy)"))
        ):
            self._grid.addWidget(QLabel(text), 0, column)
        self.none_yet = QLabel(self.tr("No actions agreed yet."))
        self.add_button = QPushButton(self.tr("Add ac&tion"))
        self.add_button.setAccessibleName(self.tr("Add action"))
        self.add_button.setAutoDefault(False)  # Enter in a field saves; it adds nothing
        self.add_button.clicked.connect(self.add_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._grid)
        layout.addWidget(self.none_yet)
        layout.addLayout(buttons)

    def add_row(self) -> ActionRow:
        number = len(self.rows) + 1
        what = QLineEdit()
        what.setAccessibleName(self.tr("Action {0}: what was agreed").format(number))
        owner = QLineEdit(self._default_owner)
        owner.setAccessibleName(self.tr("Action {0}: who").format(number))
        due = QLineEdit()
        due.setPlaceholderText(self.tr("dd/mm/yyyy"))
        due.setAccessibleName(self.tr("Action {0}: due date").format(number))
        remove = QPushButton(self.tr("Remove"))
        remove.setAutoDefault(False)
        remove.setAccessibleName(self.tr("Remove action {0}").format(number))
        row = ActionRow(what, owner, due, remove)
        remove.clicked.connect(lambda: self.remove_row(row))
        self.rows.append(row)
        self._place()
        what.setFocus()
        return row

    def remove_row(self, row: ActionRow) -> None:
        index = self.rows.index(row)
        self.rows.remove(row)
        for widget in (row.what, row.owner, row.due, row.remove):
            self._grid.removeWidget(widget)
            widget.deleteLater()
        self._place()
        if self.rows:
            self.rows[min(index, len(self.rows) - 1)].what.setFocus()
        else:
            self.add_button.setFocus()

    def _place(self) -> None:
        for position, row in enumerate(self.rows):
            number = position + 1
            for column, widget in enumerate((row.what, row.owner, row.due, row.remove)):
                self._grid.addWidget(widget, number, column)
                widget.show()  # now, so that focus can move to it straight away
            row.what.setAccessibleName(self.tr("Action {0}: what was agreed").format(number))
            row.owner.setAccessibleName(self.tr("Action {0}: who").format(number))
            row.due.setAccessibleName(self.tr("Action {0}: due date").format(number))
            row.remove.setAccessibleName(self.tr("Remove action {0}").format(number))
        self.none_yet.setVisible(not self.rows)
        previous: QWidget | None = self._preceding
        for row in self.rows:
            for widget in (row.what, row.owner, row.due, row.remove):
                if previous is not None:
                    QWidget.setTabOrder(previous, widget)
                previous = widget
        if previous is not None:
            QWidget.setTabOrder(previous, self.add_button)

    def first_field(self) -> QWidget:
        return self.rows[0].what if self.rows else self.add_button

    def last_field(self) -> QWidget:
        return self.add_button

    def field(self, position: int) -> ActionRow:
        return self.rows[position]

    def agreed_actions(self) -> tuple[AgreedAction, ...]:
        """The rows as typed; a due date that is not a date is a FieldProblem."""
        found: list[AgreedAction] = []
        for number, row in enumerate(self.rows, start=1):
            try:
                due = parse_uk_date(row.due.text())
            except InvalidDateText as exc:
                label = self.tr("Action {0}: due date").format(number)
                raise FieldProblem(row.due, date_problem_text(exc.problem, label)) from None
            found.append(AgreedAction(what=row.what.text(), owner=row.owner.text(), due=due))
        return tuple(found)
