"""One section of the form on its own scrolling page, with buttons to the next and
previous relevant sections at the foot.

An answer on one page can show or hide questions on pages out of sight (the offer
outcome brings in whole sections). Qt then marks only the page's outer layout as out of
date: the column, the rows of tick boxes and the repeat rows nested in it keep the
sizes they had with those questions hidden, and a page out of sight never redoes them.
The scroll area would size the page from those old sizes as it comes into view,
drawing the questions shown meanwhile squashed over each other. So a page is brought
up to date (`renew_layout`) just before it is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.appearance import heading_font
from ui.forms.buttons import form_button
from ui.forms.question_column import QuestionColumn
from ui.literal_text import as_written, literal


def _invalidate(layout: QLayout) -> None:
    """Drop what `layout` and every layout within it measured, the layouts of widgets in
    it (repeat groups and their rows) included."""
    layout.invalidate()
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        inner = item.layout()
        if inner is None:
            widget = item.widget()
            inner = None if widget is None else widget.layout()
        if inner is not None:
            _invalidate(inner)


class SectionPage(QScrollArea):
    def __init__(
        self, section_id: str, title: str, hint: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.section_id = section_id
        self.title = title
        self.hint = hint or ""
        self.setAccessibleName(title)  # what the focus moves into, with its guidance
        self.setAccessibleDescription(self.hint)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        content = QWidget(self)
        content.setObjectName("sectionPage")
        self.setWidget(content)  # while empty: nothing to measure yet
        self._layout = QVBoxLayout(content)
        self._layout.setSpacing(12)
        heading = QLabel(content)
        as_written(heading, title)
        heading.setObjectName("sectionHeading")
        heading.setWordWrap(True)
        heading.setFont(heading_font(heading.font()))
        self._layout.addWidget(heading)
        if hint:
            hint_label = QLabel(content)
            as_written(hint_label, hint)
            hint_label.setObjectName("fieldHint")
            hint_label.setWordWrap(True)
            self._layout.addWidget(hint_label)
        self.not_needed = QLabel(
            QCoreApplication.translate(
                "SectionPage", "This section is not needed: earlier answers mean it does not apply."
            ),
            content,
        )
        self.not_needed.setWordWrap(True)
        self.not_needed.hide()
        self._layout.addWidget(self.not_needed)
        items = QVBoxLayout()
        self._layout.addLayout(items)
        self.column = QuestionColumn(content, items)
        """The section's questions, in form order."""
        self._layout.addStretch(1)
        self._titles: dict[QPushButton, tuple[str, str]] = {}
        """Each step button's text, as (its wording, the section title it names)."""
        self._buttons = buttons = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.previous_button = form_button(content)
        self.next_button = form_button(content)
        self.next_button.setDefault(False)
        buttons.addWidget(self.previous_button, 0, Qt.AlignmentFlag.AlignLeft)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignRight)
        self._layout.addLayout(buttons)

    def finish(self) -> None:
        """Once its questions are made: Previous and Next are read out after them (a
        screen reader meets a page's parts in the order they were made)."""
        self.previous_button.raise_()
        self.next_button.raise_()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_buttons()

    def _fit_buttons(self) -> None:
        """Previous and Next side by side where they fit, else one above the other: a
        button's text does not wrap, and side by side they would make a narrow window
        scroll sideways. The width is the page's less a scroll bar, whether one shows or
        not, so showing one cannot flip the buttons back and forth."""
        shown = [b for b in (self.previous_button, self.next_button) if not b.isHidden()]
        margins = self._layout.contentsMargins()
        beside = margins.left() + margins.right() + 2 * self.frameWidth()
        room = self.width() - self.verticalScrollBar().sizeHint().width()
        for button in shown:
            self._fit_title(button, room - beside)
        needed = sum(b.sizeHint().width() for b in shown) + self._buttons.spacing() + beside
        across = QBoxLayout.Direction.LeftToRight
        self._buttons.setDirection(across if needed <= room else QBoxLayout.Direction.TopToBottom)

    def _fit_title(self, button: QPushButton, room: int) -> None:
        """The section's title in full on its button where it fits `room`, else cut short
        with an ellipsis (its accessible name keeps it whole): with large text, 'Next:
        Referrals and information sharing' alone was wider than a narrow window."""
        template, title = self._titles.get(button, ("{0}", ""))
        button.setText(template.format(literal(title)))
        over = button.sizeHint().width() - room
        if over <= 0 or not title:
            return
        metrics = button.fontMetrics()
        width = max(0, metrics.horizontalAdvance(title) - over)
        cut = metrics.elidedText(title, Qt.TextElideMode.ElideRight, width)
        button.setText(template.format(literal(cut)))

    def renew_layout(self) -> None:
        """Have the page measured afresh when it is next shown: call before showing it.

        Qt measures and lays out an invalidated page as it shows it, and then the scroll
        area sizes the page to fit, so nothing stale is left to be drawn.
        """
        _invalidate(self._layout)

    def set_needed(self, needed: bool) -> None:
        self.not_needed.setVisible(not needed)

    def spoken(self) -> str:
        """The page as a screen reader is told it on arriving: its title, whether it is
        needed, and its guidance."""
        parts = [self.title]
        if not self.not_needed.isHidden():
            parts.append(self.not_needed.text())
        parts.append(self.hint)
        return " ".join(part for part in parts if part)

    def set_neighbours(self, previous: str | None, following: str | None) -> None:
        """Titles of the nearest relevant sections either side (None: there is none)."""
        for button, title, text in (
            (
                self.previous_button,
                previous,
                QCoreApplication.translate("SectionPage", "Previous: {0}"),
            ),
            (self.next_button, following, QCoreApplication.translate("SectionPage", "Next: {0}")),
        ):
            button.setVisible(title is not None)
            self._titles[button] = (text, title or "")
            if title is not None:
                button.setText(text.format(literal(title)))
                button.setAccessibleName(text.format(title))
        if self.isVisible():  # else the resize it has on being shown fits them
            self._fit_buttons()
