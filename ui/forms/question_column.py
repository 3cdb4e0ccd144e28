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
        """Directly below `before`, a part added earlier, and read out after it."""
        self.layout.insertWidget(self.layout.indexOf(before) + 1, part)
        last = before if isinstance(before, QWidget) else _last_widget(before)
        if last is not None:
            read_after(part, last)


def read_after(part: QWidget, before: QWidget) -> None:
    """Put `part` straight after `before` among their parent's children. Screen readers
    meet a page's parts in the order they were made (not as they are laid out), so a
    part made later, such as a question's message, would be read at the page's end."""
    parent = part.parentWidget()
    siblings = [] if parent is None else [c for c in parent.children() if isinstance(c, QWidget)]
    if before not in siblings:
        return
    following = siblings[siblings.index(before) + 1 :]
    after = next((widget for widget in following if widget is not part), None)
    if after is None:
        part.raise_()
    else:
        part.stackUnder(after)


def _last_widget(layout: QLayout) -> QWidget | None:
    for index in reversed(range(layout.count())):
        item = layout.itemAt(index)
        if item is None:
            continue
        widget = item.widget()
        nested = item.layout()
        found = widget if widget is not None else None if nested is None else _last_widget(nested)
        if found is not None:
            return found
    return None
