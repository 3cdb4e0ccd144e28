"""The submitted answers, read-only, section by section, for choosing what to comment on.

A tree: sections, their questions with the answer beside each, and the rows of repeat
groups under their group. The full text of the current answer is shown below the tree
(long answers do not fit a column). Answers are the interviewer's words, so they are
shown as plain text only. Choosing a question (or a row of a group, which comments on
the group) makes it the target of the next comment.

Answers the form marks sensitive are covered (in the tree, its tooltips and the detail
box alike) until the reader asks to see them; covering and showing change the text in
place, so the current question and the comment being written stay as they are.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rhi_desktop.review import AnswerLine, FieldText, SectionSummary
from ui.literal_text import tooltip
from ui.review.covered_texts import CoveredTexts, Texts, fields_text, hidden_answer_text

QUESTION_ROLE = Qt.ItemDataRole.UserRole + 1  # the question a comment here is about
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 2  # the full text shown below the tree


def _row_texts(title: str, fields: Sequence[FieldText], revealed: bool) -> Texts:
    """A repeat row's (summary, detail): its answers on one line, and one a line below."""
    one_a_line = fields_text(fields, revealed, "\n")
    return fields_text(fields, revealed), f"{title}\n{one_a_line}"


class AnswersView(QWidget):
    question_changed = Signal(object)  # the current question id, or None

    def __init__(self, sections: Sequence[SectionSummary], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewAnswers")
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("answersTree")
        self.tree.setAccessibleName(self.tr("Answers"))
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Question"), self.tr("Answer")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.header().setStretchLastSection(True)
        self.tree.setColumnWidth(0, 320)
        self.detail_heading = QLabel(self.tr("&Selected answer"), self)
        self.detail = QPlainTextEdit(self)
        self.detail.setObjectName("answerDetail")
        self.detail.setReadOnly(True)
        self.detail.setTabChangesFocus(True)
        self.detail.setAccessibleName(self.tr("Selected answer"))
        self.detail.setMaximumHeight(110)
        self.detail_heading.setBuddy(self.detail)
        self._covered = CoveredTexts(self._show_texts)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.detail_heading)
        layout.addWidget(self.detail)
        self._fill(sections)
        self.tree.currentItemChanged.connect(self._current_changed)
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)

    def _fill(self, sections: Sequence[SectionSummary]) -> None:
        for section in sections:
            top = QTreeWidgetItem(self.tree, [section.title, ""])
            top.setData(0, DETAIL_ROLE, section.title)
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            for line in section.lines:
                self._add_line(top, line)
        self.tree.expandAll()

    def _add_line(self, parent: QTreeWidgetItem, line: AnswerLine) -> None:
        item = QTreeWidgetItem(parent, [line.label, ""])
        item.setData(0, QUESTION_ROLE, line.question_id)
        revealed = (line.text, f"{line.label}\n{line.text}")
        if line.sensitive and line.answered:  # "Not answered" reveals nothing
            hidden = hidden_answer_text()
            self._covered.set(item, (hidden, f"{line.label}\n{hidden}"), revealed)
        else:
            self._covered.set(item, revealed, revealed)
        if not line.answered:
            font = item.font(1)
            font.setItalic(True)
            item.setFont(1, font)
        for row in line.rows:
            heading = self.tr("Row {0}").format(row.number)
            row_item = QTreeWidgetItem(item, [heading, ""])
            row_item.setData(0, QUESTION_ROLE, line.question_id)
            title = f"{line.label}, {heading}"
            covered = _row_texts(title, row.fields, revealed=False)
            self._covered.set(row_item, covered, _row_texts(title, row.fields, revealed=True))

    @staticmethod
    def _show_texts(item: QTreeWidgetItem, texts: Texts) -> None:
        answer, detail = texts
        item.setText(1, answer)
        item.setToolTip(1, tooltip(answer))
        item.setData(0, DETAIL_ROLE, detail)

    # -- sensitive answers ---------------------------------------------------------------

    def show_sensitive(self, revealed: bool) -> None:
        """Show the text of sensitive answers, or cover it again, where it stands."""
        self._covered.show_all(self.tree, revealed)
        self._show_detail(self.tree.currentItem())

    # -- reading -------------------------------------------------------------------------

    def current_question(self) -> str | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        question_id = item.data(0, QUESTION_ROLE)
        return question_id if isinstance(question_id, str) else None

    def select_question(self, question_id: str) -> bool:
        """Make the question's line current; False if it is not listed."""
        for item in self._question_items():
            if item.data(0, QUESTION_ROLE) == question_id:
                self.tree.setCurrentItem(item)
                return True
        return False

    def _question_items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []
        for n in range(self.tree.topLevelItemCount()):
            section = self.tree.topLevelItem(n)
            if section is not None:
                children = (section.child(k) for k in range(section.childCount()))
                found += [child for child in children if child is not None]
        return found

    def answer_texts(self) -> dict[str, str]:
        """Question id -> the answer shown beside it (for checks and screen readers)."""
        return {str(item.data(0, QUESTION_ROLE)): item.text(1) for item in self._question_items()}

    def clear(self) -> None:
        self.tree.clear()
        self.detail.clear()

    def _current_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        self._show_detail(current)
        self.question_changed.emit(self.current_question())

    def _show_detail(self, current: QTreeWidgetItem | None) -> None:
        detail = current.data(0, DETAIL_ROLE) if current is not None else None
        self.detail.setPlainText(detail if isinstance(detail, str) else "")
