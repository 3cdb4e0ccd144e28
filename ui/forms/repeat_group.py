"""Repeat groups: a list of rows (places, people, actions) that grows and shrinks.

Adding and removing are buttons with accessible names and keyboard shortcuts that work
anywhere inside the group: Ctrl+Shift+A adds a row, Ctrl+Shift+Delete removes the row
holding the focus. The renderer owns the rows' questions; this is their frame.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Set
from functools import cache, partial

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from rhi_desktop.counted import by_count
from rhi_desktop.forms import FieldInfo, FieldKey, Issue
from ui.announce import announce
from ui.forms.buttons import form_button
from ui.forms.field_view import ISSUE_MARK, FieldView, issue_text
from ui.forms.question_column import QUESTION_GAP, QuestionColumn, read_after
from ui.literal_text import as_written, literal

ADD_ROW_KEYS = "Ctrl+Shift+A"
REMOVE_ROW_KEYS = "Ctrl+Shift+Delete"


def renumbered(keys: Iterable[FieldKey], removed: int, in_group: Set[str]) -> set[FieldKey]:
    """`keys` once row `removed` of a repeat group (whose questions are `in_group`) has
    gone: that row's keys dropped, the rows after it moved up one."""
    kept: set[FieldKey] = set()
    for key in keys:
        if key.id not in in_group or key.row is None:
            kept.add(key)
        elif key.row != removed:
            kept.add(FieldKey(key.id, key.row - 1) if key.row > removed else key)
    return kept


@cache
def native_keys(keys: str) -> str:
    """Keys as this platform writes them (read once: every row's tooltip names them)."""
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


class RowView:
    """One row's box, titled with the group and the row number: the row's questions
    (laid out in `column`) and, once they are all there (`finish`), the button that
    removes the row.

    The box is a stock `QGroupBox` held here, like the inputs' widgets: a row that was
    itself the box held its column, which holds the box, and that cycle kept a closed
    form alive until the cycle collector ran.
    """

    def __init__(
        self,
        group_label: str,
        index: int,
        on_remove: Callable[[RowView], None],
        parent: QWidget | None = None,
    ) -> None:
        self.box = QGroupBox(parent)
        self.box.setObjectName("repeatRow")
        self.index = index
        self.fields: dict[str, FieldView] = {}
        self._group_label = group_label
        layout = QVBoxLayout(self.box)
        self.column = QuestionColumn(self.box, layout)
        self.remove_button = form_button(self.box)
        self.remove_button.setToolTip(
            QCoreApplication.translate("RepeatGroup", "Remove this row ({0})").format(
                native_keys(REMOVE_ROW_KEYS)
            )
        )
        self.remove_button.clicked.connect(partial(on_remove, self))
        self.set_index(index)

    def title(self) -> str:
        return self.box.title()

    def add_field(self, view: FieldView) -> None:
        """Registers a question laid out in `column`."""
        self.fields[view.id] = view

    def finish(self) -> None:
        """Below the row's questions, so it comes after them in reading and tab order."""
        self.column.layout.addSpacing(QUESTION_GAP)
        self.column.layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.remove_button.raise_()  # and a screen reader meets it after them

    def set_index(self, index: int) -> None:
        self.index = index
        number = index + 1
        self.box.setTitle(
            QCoreApplication.translate("RepeatGroup", "{0}: row {1}").format(
                literal(self._group_label), number
            )
        )
        self.remove_button.setText(
            QCoreApplication.translate("RepeatGroup", "Remove row {0}").format(number)
        )
        self.remove_button.setAccessibleName(
            QCoreApplication.translate("RepeatGroup", "Remove row {0} from {1}").format(
                number, self._group_label
            )
        )
        for view in self.fields.values():
            view.set_row(index)

    def controls(self) -> list[QWidget]:
        found: list[QWidget] = []
        for view in self.fields.values():
            found.extend(view.controls())
        found.append(self.remove_button)
        return found


class RepeatGroupView:
    """A repeat group's heading, hint, rows and Add button, in one stock widget
    (`widget`) held here, like the rows.

    Nothing here points back at the renderer: adding and removing reach it through the
    buttons' signals, so a closed form is freed as soon as it is dropped.
    """

    def __init__(
        self,
        info: FieldInfo,
        label: str,
        hint: str | None,
        on_add: Callable[[], None],
        on_remove: Callable[[RowView], None],
        parent: QWidget | None = None,
        *,
        gap_above: int = 0,
    ) -> None:
        self.widget = widget = QWidget(parent)
        widget.setObjectName("repeatGroup")
        widget.setAccessibleName(label)
        self.info = info
        self.label = label
        self.rows: list[RowView] = []
        self._message: QLabel | None = None
        self._message_text = ""
        self._hint = hint or ""
        self._full_note: QLabel | None = None
        """Says the group holds as many rows as it takes, while it does."""
        self._layout = layout = QVBoxLayout(widget)
        layout.setContentsMargins(0, gap_above, 0, 0)
        heading = QLabel(widget)
        as_written(heading, label)
        heading.setObjectName("repeatHeading")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        if hint:
            hint_label = QLabel(widget)
            as_written(hint_label, hint)
            hint_label.setObjectName("fieldHint")
            hint_label.setWordWrap(True)
            layout.addWidget(hint_label)
        self._rows_layout = QVBoxLayout()
        layout.addLayout(self._rows_layout)
        self.add_button = form_button(
            widget,
            QCoreApplication.translate("RepeatGroup", "Add a row to {0}").format(literal(label)),
        )
        self.add_button.setAccessibleName(
            QCoreApplication.translate("RepeatGroup", "Add a row to {0}").format(label)
        )
        self.add_button.setToolTip(
            QCoreApplication.translate("RepeatGroup", "Add a row ({0})").format(
                native_keys(ADD_ROW_KEYS)
            )
        )
        self.add_button.setAccessibleDescription(self._hint)
        self.add_button.clicked.connect(on_add)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self._add_shortcut = QShortcut(QKeySequence(ADD_ROW_KEYS), widget, context=context)
        self._add_shortcut.activated.connect(self._add_by_key)
        self._remove_shortcut = QShortcut(QKeySequence(REMOVE_ROW_KEYS), widget, context=context)
        self._remove_shortcut.activated.connect(self._remove_by_key)

    def _add_by_key(self) -> None:
        if not self.add_button.isVisible():
            return
        if self.add_button.isEnabled():
            self.add_button.click()
        else:
            announce(self.widget, self.full_text())

    def _remove_by_key(self) -> None:
        """Removes the row holding the focus, as its Remove button would."""
        focused = QApplication.focusWidget()
        for row in self.rows:
            if (
                focused is not None
                and row.box.isAncestorOf(focused)
                and row.remove_button.isVisible()
            ):
                row.remove_button.click()
                return

    @property
    def shown(self) -> bool:
        """False while the group is hidden (it is not relevant)."""
        return not self.widget.isHidden()

    def set_shown(self, visible: bool) -> None:
        self.widget.setVisible(visible)

    def insert_row(self, row: RowView) -> None:
        """Lays out a row made as a child of this group's widget."""
        self._rows_layout.addWidget(row.box)
        row.box.stackUnder(self.add_button)  # read out before it, as laid out
        if self.widget.isVisible():  # added while on screen: show it now, not later
            row.box.show()
        self.rows.append(row)

    def take_row(self, index: int) -> None:
        row = self.rows.pop(index)
        self._rows_layout.removeWidget(row.box)
        row.box.hide()
        row.box.deleteLater()
        for later in self.rows[index:]:
            later.set_index(later.index - 1)

    def set_can_add(self, can_add: bool) -> None:
        """Whether another row can be added: when not, a note under the Add button says
        why."""
        full = not can_add
        if full == self.full:
            return
        self.add_button.setEnabled(can_add)
        if full and self._full_note is None:
            self._full_note = QLabel(self.widget)
            as_written(self._full_note, self.full_text())
            self._full_note.setObjectName("fieldHint")
            self._full_note.setWordWrap(True)
            self._layout.insertWidget(self._layout.indexOf(self.add_button) + 1, self._full_note)
            read_after(self._full_note, self.add_button)
        if self._full_note is not None:
            self._full_note.setVisible(full)

    @property
    def full(self) -> bool:
        return not self.add_button.isEnabled()

    def full_text(self) -> str:
        most = self.info.question.max_rows or 0
        return by_count(
            most,
            QCoreApplication.translate("RepeatGroup", "{1} takes at most 1 row."),
            QCoreApplication.translate("RepeatGroup", "{1} takes at most {0} rows."),
            self.label,
        )

    def removed_text(self, number: int) -> str:
        """What a screen reader is told when row `number` (from 1) has gone: the rows
        below move up, so the focus lands on a row with the same number as before."""
        return by_count(
            len(self.rows),
            QCoreApplication.translate("RepeatGroup", "Row {1} removed from {2}; 1 row left."),
            QCoreApplication.translate("RepeatGroup", "Row {1} removed from {2}; {0} rows left."),
            number,
            self.label,
        )

    def set_editable(self, editable: bool) -> None:
        self.add_button.setVisible(editable)
        for row in self.rows:
            row.remove_button.setVisible(editable)

    def controls(self) -> list[QWidget]:
        found: list[QWidget] = []
        for row in self.rows:
            found.extend(row.controls())
        found.append(self.add_button)
        return found

    def show_issues(self, issues: tuple[Issue, ...], revealed: bool) -> None:
        text = issue_text(issues[0], None) if issues and revealed else ""
        if text == self._message_text:
            return
        self._message_text = text
        if self._message is None:
            if not text:
                return
            self._message = QLabel(self.widget)
            self._message.setTextFormat(Qt.TextFormat.PlainText)
            self._message.setObjectName("fieldIssue")
            self._layout.addWidget(self._message)
        self._message.setText(f"{ISSUE_MARK} {text}")
        self._message.setVisible(bool(text))
        self.add_button.setAccessibleDescription(" ".join(p for p in (self._hint, text) if p))

    @property
    def message(self) -> str:
        return self._message_text
