"""What changed since the revision the coordinator returned, beside what they asked for.

One line per changed question with its answer before and after; a repeat group lists
its added, removed and changed rows under it. Everything is the interviewer's or the
coordinator's own words, shown as plain text. Answers the form marks sensitive are
covered, before and after, until the reader asks to see them (in place, as in the
answers).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rhi_desktop.review import ChangeKind, QuestionChange, ReviewSubject, RowChange
from ui.literal_text import tooltip
from ui.review.covered_texts import CoveredTexts, Texts, fields_text, hidden_answer_text

QUESTION_ROLE = Qt.ItemDataRole.UserRole + 1


def _answers(change: QuestionChange, revealed: bool) -> Texts:
    """(before, now) of a changed question; a sensitive answer covered unless revealed
    ("Not answered", on the side of an answer added or cleared, reveals nothing, nor does
    the version a move left an answer behind on)."""
    if revealed or not change.sensitive:
        return change.before, change.after
    hidden = hidden_answer_text()
    before = change.before if change.kind is ChangeKind.ADDED else hidden
    after = change.after if change.kind in (ChangeKind.REMOVED, ChangeKind.LEFT_BEHIND) else hidden
    return before, after


def _row_answers(row: RowChange, revealed: bool) -> Texts:
    return fields_text(row.before, revealed), fields_text(row.after, revealed)


class ChangesView(QWidget):
    question_changed = Signal(object)  # the current changed question's id, or None

    def __init__(self, subject: ReviewSubject, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewChanges")
        previous = subject.previous_revision
        self._covered = CoveredTexts(self._show_texts)
        layout = QVBoxLayout(self)
        self.heading = QLabel(self.tr("What changed since revision {0}").format(previous), self)
        self.heading.setObjectName("changesHeading")
        layout.addWidget(self.heading)
        self.asked = QLabel(self._asked(subject), self)
        self.asked.setObjectName("previousComments")
        self.asked.setTextFormat(Qt.TextFormat.PlainText)
        self.asked.setWordWrap(True)
        self.asked.setAccessibleName(self.tr("What you asked for"))
        self.asked.setAccessibleDescription(self.asked.text())  # else not read out
        self.asked.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.asked.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # after: the flags reset it
        layout.addWidget(self.asked)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("changesTree")
        self.tree.setAccessibleName(self.tr("Changed answers"))
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Question"), self.tr("Before"), self.tr("Now")])
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setWordWrap(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.tree.header().setStretchLastSection(True)
        self.tree.setColumnWidth(0, 260)
        self.tree.setColumnWidth(1, 260)
        self.note = QLabel(self)
        self.note.setObjectName("changesNote")
        self.note.setWordWrap(True)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.note)
        if subject.changes is None:
            self.tree.hide()
            self.note.setText(
                self.tr(
                    "Revision {0} is not on this computer, so the changes cannot be shown. "
                    "Read the answers in full."
                ).format(previous)
            )
        elif not subject.changes:
            self.tree.hide()
            self.note.setText(self.tr("No answer changed."))
        else:
            self.note.hide()
            for change in subject.changes:
                self._add(change)
            self.tree.expandAll()
            self.tree.currentItemChanged.connect(
                lambda *_: self.question_changed.emit(self.current_question())
            )
            first = self.tree.topLevelItem(0)
            if first is not None:
                self.tree.setCurrentItem(first)

    def _asked(self, subject: ReviewSubject) -> str:
        review = subject.previous_feedback
        if review is None:
            return self.tr("The comments sent with revision {0} are not on this computer.").format(
                subject.previous_revision
            )
        lines = [self.tr("You asked for:")]
        if review.overall_comment:
            lines.append(self.tr("Overall: {0}").format(review.overall_comment))
        for question_id, comment in review.question_comments.items():
            label = subject.questions.get(question_id, question_id)
            lines.append(self.tr("{0}: {1}").format(label, comment))
        return "\n".join(lines)

    def _kind(self, kind: ChangeKind) -> str:
        return {
            ChangeKind.ADDED: self.tr("answered"),
            ChangeKind.REMOVED: self.tr("cleared"),
            ChangeKind.CHANGED: self.tr("changed"),
            ChangeKind.LEFT_BEHIND: self.tr("left behind by a move to a newer form version"),
            ChangeKind.MOVED: self.tr("changed by a move to a newer form version"),
        }[kind]

    def _add(self, change: QuestionChange) -> None:
        title = self.tr("{0} ({1})").format(change.label, self._kind(change.kind))
        item = QTreeWidgetItem(self.tree, [title, "", ""])
        item.setData(0, QUESTION_ROLE, change.question_id)
        item.setToolTip(0, title)
        self._covered.set(item, _answers(change, False), _answers(change, True))
        for row in change.rows:
            self._add_row(item, row)

    def _add_row(self, parent: QTreeWidgetItem, row: RowChange) -> None:
        if row.kind is ChangeKind.ADDED:
            title = self.tr("Row {0} added").format(row.after_number)
        elif row.kind is ChangeKind.REMOVED:
            title = self.tr("Row {0} removed").format(row.before_number)
        elif row.kind is ChangeKind.LEFT_BEHIND:
            title = self.tr("Row {0}, not on the form version it moved to").format(
                row.before_number
            )
        elif row.kind is ChangeKind.MOVED and row.before_number == row.after_number:
            title = self.tr("Row {0}, changed by a move to a newer form version").format(
                row.after_number
            )
        elif row.kind is ChangeKind.MOVED:
            title = self.tr(
                "Row {0}, changed by a move to a newer form version (now row {1})"
            ).format(row.before_number, row.after_number)
        elif row.before_number == row.after_number:
            title = self.tr("Row {0} changed").format(row.after_number)
        else:
            title = self.tr("Row {0} changed (now row {1})").format(
                row.before_number, row.after_number
            )
        item = QTreeWidgetItem(parent, [title, "", ""])
        item.setToolTip(0, title)
        self._covered.set(item, _row_answers(row, False), _row_answers(row, True))

    @staticmethod
    def _show_texts(item: QTreeWidgetItem, texts: Texts) -> None:
        for column, text in enumerate(texts, start=1):
            item.setText(column, text)
            item.setToolTip(column, tooltip(text))

    def show_sensitive(self, revealed: bool) -> None:
        """Show the text of sensitive answers, or cover it again, where it stands."""
        self._covered.show_all(self.tree, revealed)

    def current_question(self) -> str | None:
        """The changed question in view (a row's line: its group's question)."""
        item = self.tree.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        question_id = item.data(0, QUESTION_ROLE) if item is not None else None
        return question_id if isinstance(question_id, str) and not self.tree.isHidden() else None

    def change_texts(self) -> list[tuple[str, str, str]]:
        """Each changed question's line as shown: (question, before, now)."""
        items = [self.tree.topLevelItem(n) for n in range(self.tree.topLevelItemCount())]
        return [(i.text(0), i.text(1), i.text(2)) for i in items if i is not None]
