"""A place: a description in the young person's words and, if known, a UK postcode."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from rhi_desktop.forms import InvalidAnswer, Location
from ui.forms.widgets.base import AnswerInput, handler

POSTCODE_CHARACTERS = 10


class LocationInput(AnswerInput):
    def __init__(self, parent: QWidget | None = None) -> None:
        self.box = QWidget(parent)
        super().__init__(self.box)
        layout = QHBoxLayout(self.box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.description = QLineEdit(self.box)
        self.description.setPlaceholderText(
            QCoreApplication.translate("LocationInput", "Description")
        )
        postcode_label = QLabel(QCoreApplication.translate("LocationInput", "Postcode"), self.box)
        self.postcode = QLineEdit(self.box)
        self.postcode.setPlaceholderText(QCoreApplication.translate("LocationInput", "optional"))
        width = self.postcode.fontMetrics().horizontalAdvance("W" * POSTCODE_CHARACTERS)
        self.postcode.setMaximumWidth(width)
        postcode_label.setBuddy(self.postcode)
        layout.addWidget(self.description, 1)
        layout.addWidget(postcode_label)
        layout.addWidget(self.postcode)
        for line in (self.description, self.postcode):
            line.textEdited.connect(handler(self, LocationInput._edited))
            line.editingFinished.connect(handler(self, LocationInput._finished))

    def _edited(self, _text: str = "") -> None:
        self._on_edit({"description": self.description.text(), "postcode": self.postcode.text()})

    def _finished(self) -> None:
        if not (self.description.hasFocus() or self.postcode.hasFocus()):
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

    def describe(self, name: str, description: str) -> None:
        self.box.setAccessibleName(name)
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
