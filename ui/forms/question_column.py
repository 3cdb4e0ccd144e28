"""Where a page or a repeat row lays out its questions: one box layout for all of them.

A question's parts (label, hint, input, message) are widgets of the page or row itself,
added to its column in form order; hidden parts take no space. One layout per page,
rather than a widget and a layout per question, keeps a form with hundreds of questions
quick to open.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLayout, QVBoxLayout, QWidget

PART_SPACING = 2
"""Between the parts of one question."""
QUESTION_GAP = 10
"""Added above each question but the first, on top of PART_SPACING."""


class QuestionColumn:
    def __init__(self, parent: QWidget, layout: QVBoxLayout) -> None:
        self.parent = parent
        """Every part is made as a child of this widget."""
        self.layout = layout
        layout.setSpacing(PART_SPACING)

    def gap_above(self) -> int:
        """Extra space above the next question: none for the first."""
        return QUESTION_GAP if self.layout.count() else 0

    def add(self, part: QWidget | QLayout) -> None:
        if isinstance(part, QWidget):
            self.layout.addWidget(part)
        else:
            self.layout.addLayout(part)

    def insert_after(self, before: QWidget | QLayout, part: QWidget) -> None:
        """Directly below `before`, a part added earlier."""
        self.layout.insertWidget(self.layout.indexOf(before) + 1, part)
