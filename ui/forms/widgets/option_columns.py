"""A choice question's options, down as many columns as the width allows.

Two columns keep a list of a dozen tick boxes short on a laptop; in a narrow window, or
with long or translated option labels, two would push the page wider than the window,
and it would scroll sideways, hiding the right-hand side of every question on it. So the
options go down one column after another, in the form's order, which keeps the tab
order and the reading order the same however many columns there are. A choice's hint
sits under its tick box and wraps to the column's width. In one column too narrow for
an option's text, the text wraps (`wrapping`).

A scale's radio buttons (`across=True`) go across in one row where they fit, else down
one column: a scale read in two rows of columns would lose its order.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget

COLUMN_GAP = 16
OPTION_GAP = 6
"""Between one option (a tick box and its hint) and the next below it."""
HINT_GAP = 0
"""Between a tick box and its own hint."""


class OptionColumns(QLayout):
    def __init__(self, parent: QWidget, most_columns: int, *, across: bool = False) -> None:
        self._most = most_columns
        self._across = across
        self._items: list[QLayoutItem] = []
        self._options: list[tuple[QLayoutItem, QLayoutItem | None]] = []
        self._heights: dict[int, int] = {}
        """Height for a width, until something changes."""
        super().__init__(parent)
        self.setContentsMargins(0, 0, 0, 0)

    def add_option(self, box: QWidget, hint: QWidget | None = None) -> None:
        """A tick box, and the hint shown under it."""
        self.addWidget(box)
        shown_hint = None
        if hint is not None:
            self.addWidget(hint)
            shown_hint = self._items[-1]
        self._options.append((self._items[-1 if hint is None else -2], shown_hint))

    # --- QLayout -------------------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        item = self._items.pop(index)
        self._options = [
            (box, None if hint is item else hint) for box, hint in self._options if box is not item
        ]
        self.invalidate()
        return item

    def invalidate(self) -> None:
        self._heights.clear()
        super().invalidate()

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = self._arrange(QRect(0, 0, width, 0), place=False)
        return height

    def sizeHint(self) -> QSize:
        width = self._width_for(self._most)
        return QSize(width, self.heightForWidth(width))

    def minimumSize(self) -> QSize:
        margins = self.contentsMargins()
        narrowest = max((box.minimumSize().width() for box, _ in self._shown()), default=0)
        width = narrowest + margins.left() + margins.right()
        return QSize(width, self.heightForWidth(self._width_for(self._most)))

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    # --- arranging -------------------------------------------------------------------------

    def _shown(self) -> list[tuple[QLayoutItem, QLayoutItem | None]]:
        return [
            (box, None if hint is None or hint.isEmpty() else hint)
            for box, hint in self._options
            if not box.isEmpty()
        ]

    def _column_widths(self, columns: int) -> list[int]:
        """Each column as wide as its widest tick box, the options down one column after
        another."""
        options = self._shown()
        rows = max(1, -(-len(options) // columns))
        widths = [0] * columns
        for index, (box, _) in enumerate(options):
            column = index // rows
            widths[column] = max(widths[column], box.sizeHint().width())
        return widths

    def _width_for(self, columns: int) -> int:
        margins = self.contentsMargins()
        gaps = (columns - 1) * COLUMN_GAP + margins.left() + margins.right()
        return sum(self._column_widths(columns)) + gaps

    def _columns(self, width: int) -> int:
        """As many columns as fit `width`, one at least: all of them or one, `across`."""
        tried = [self._most] if self._across else range(self._most, 1, -1)
        return next((n for n in tried if n > 1 and self._width_for(n) <= width), 1)

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        """The height the options take laid out in `rect`'s width; placed there if `place`.
        Width to spare is shared among the columns, for their hints to wrap in."""
        options = self._shown()
        if not options:
            return 0
        margins = self.contentsMargins()
        inner = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        columns = self._columns(rect.width())
        rows = -(-len(options) // columns)
        widths = self._column_widths(columns)
        spare = max(0, inner.width() - (columns - 1) * COLUMN_GAP - sum(widths)) // columns
        if self._across:
            spare = 0  # a scale's points stay side by side, not spread over the page
        widths = [width + spare for width in widths]
        if columns == 1:
            widths = [max(0, inner.width())]
        lefts = [inner.x() + sum(widths[:n]) + n * COLUMN_GAP for n in range(columns)]
        heights = [0] * rows
        for index, (box, hint) in enumerate(options):
            row, column = index % rows, index // rows
            heights[row] = max(heights[row], self._option_height(box, hint, widths[column]))
        if place:
            for index, (box, hint) in enumerate(options):
                row, column = index % rows, index // rows
                x, width = lefts[column], widths[column]
                y = inner.y() + sum(heights[:row]) + row * OPTION_GAP
                box_width = min(width, box.sizeHint().width())
                box_height = _box_height(box, box_width)
                box.setGeometry(QRect(x, y, box_width, box_height))
                if hint is not None:
                    below = QRect(x, y + box_height + HINT_GAP, width, _hint_height(hint, width))
                    hint.setGeometry(below)
        return sum(heights) + (rows - 1) * OPTION_GAP + margins.top() + margins.bottom()

    @staticmethod
    def _option_height(box: QLayoutItem, hint: QLayoutItem | None, width: int) -> int:
        height = _box_height(box, min(width, box.sizeHint().width()))
        return height if hint is None else height + HINT_GAP + _hint_height(hint, width)


def _box_height(box: QLayoutItem, width: int) -> int:
    """A tick box's or radio button's height at `width`: taller where its text wraps."""
    return box.heightForWidth(width) if box.hasHeightForWidth() else box.sizeHint().height()


def _hint_height(hint: QLayoutItem, width: int) -> int:
    """A hint's height wrapped to `width`."""
    wrapped = hint.heightForWidth(width) if hint.hasHeightForWidth() else -1
    return wrapped if wrapped > 0 else hint.sizeHint().height()
