"""A place: a description in the young person's words and, if known, a UK postcode."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from rhi_desktop.forms import InvalidAnswer, Location
from ui.forms.widgets.base import AnswerInput, finish_on_leaving, finish_when_left, handler

POSTCODE_CHARACTERS = 10


_postcode_widths: dict[str, int] = {}


def _postcode_width(line: QLineEdit) -> int:
    """Room for a postcode in the line's font (worked out once per font: every row of a
    repeat group asks)."""
    key = line.font().key()
    width = _postcode_widths.get(key)
    if width is None:
        advance = line.fontMetrics().horizontalAdvance("W" * POSTCODE_CHARACTERS)
        width = _postcode_widths[key] = advance
    return width


class LocationInput(AnswerInput):
    """The description, the postcode's label and the postcode side by side in one layout
    of the page (no container widget)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.description = QLineEdit(parent)
        layout = QHBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        super().__init__(self.description, layout)
        self.description.setPlaceholderText(
            QCoreApplication.translate("LocationInput", "Description")
        )
        self.postcode_label = QLabel(
            QCoreApplication.translate("LocationInput", "Postcode"), parent
        )
        self.postcode = QLineEdit(parent)
        self.postcode.setPlaceholderText(QCoreApplication.translate("LocationInput", "optional"))
        self.postcode.setMaximumWidth(_postcode_width(self.postcode))
        self.postcode_label.setBuddy(self.postcode)
        layout.addWidget(self.description, 1)
        layout.addWidget(self.postcode_label)
        layout.addWidget(self.postcode)
        for line in (self.description, self.postcode):
            line.textEdited.connect(handler(self, LocationInput._edited))
            line.editingFinished.connect(handler(self, LocationInput._finished))

    def _edited(self, _text: str = "") -> None:
        self._on_edit({"description": self.description.text(), "postcode": self.postcode.text()})

    def _finished(self) -> None:
        """The place is finished once the focus has left both its lines. Left for the other
        line, it is finished when the focus leaves that one, typed into or not: the
        postcode typed, then the description mended, then on past the postcode, was never
        finished, and its problem never told."""
        finish = handler(self, LocationInput._finished)
        lines = (self.description, self.postcode)
        if any(finish_on_leaving(line, finish) for line in lines):
            return
        inside = next((line for line in lines if line.hasFocus()), None)
        if inside is not None:
            finish_when_left(inside, finish)
            return
        self._on_done()

    def show_value(self, value: object) -> None:
        if isinstance(value, InvalidAnswer):
            value = value.raw
        if isinstance(value, Location):
            description, postcode = value.description, value.postcode or ""
        elif isinstance(value, dict):
            description = str(value.get("description") or "")
            postcode = str(value.get("postcode") or "")
        else:
            description = postcode = ""
        self.description.setText(description)
        self.postcode.setText(postcode)

    def controls(self) -> list[QWidget]:
        return [self.description, self.postcode]

    def widgets(self) -> list[QWidget]:
        return [self.description, self.postcode_label, self.postcode]

    def describe(self, name: str, description: str) -> None:
        self.description.setAccessibleName(
            QCoreApplication.translate("LocationInput", "{0}: description").format(name)
        )
        self.postcode.setAccessibleName(
            QCoreApplication.translate("LocationInput", "{0}: postcode").format(name)
        )
        for line in self.controls():
            line.setAccessibleDescription(description)

    def set_read_only(self, read_only: bool) -> None:
        self.description.setReadOnly(read_only)
        self.postcode.setReadOnly(read_only)

    def maskable_lines(self) -> list[QLineEdit]:
        return [self.description, self.postcode]
