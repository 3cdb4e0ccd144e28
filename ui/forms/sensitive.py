"""Sensitive answers stay hidden until the interviewer asks to see them.

Interviews happen in schools and shared offices, and the screen may be shared or
captured. One-line answers use password echo (they can still be typed into while
hidden); longer answers sit behind a cover and are revealed to be read or changed. A
grab of the window while hidden shows no answer text, and assistive technology reads
no answer text either. The renderer covers them again when the section is left or the
app locks.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from ui.forms.widgets.base import AnswerInput, handler


class SensitiveCover(QWidget):
    """An input with a Show/Hide button; hidden to start with."""

    def __init__(self, answer: AnswerInput, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._answer = answer
        self._name = name
        self._lines = answer.maskable_lines()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._cover: QLabel | None = None
        if not self._lines:
            self._cover = QLabel(
                QCoreApplication.translate(
                    "SensitiveCover", "Hidden. Choose Show to read or change this answer."
                ),
                self,
            )
            self._cover.setObjectName("sensitiveCover")
            self._cover.setFrameShape(QFrame.Shape.StyledPanel)
            self._cover.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._cover.setMinimumHeight(answer.widget().minimumHeight())
            self._cover.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            layout.addWidget(self._cover, 1)
            answer.widget().setHidden(True)
        layout.addWidget(answer.widget(), 1)
        self.button = QPushButton(self)
        self.button.setObjectName("revealButton")
        self.button.setCheckable(True)
        self.button.toggled.connect(handler(self, SensitiveCover._toggled))
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)
        self._show_state(False)

    @property
    def revealed(self) -> bool:
        return self.button.isChecked()

    def set_revealed(self, revealed: bool) -> None:
        self.button.setChecked(revealed)

    def _toggled(self, revealed: bool) -> None:
        self._show_state(revealed)
        if revealed and self._cover is not None:
            self._answer.controls()[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_state(self, revealed: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if revealed else QLineEdit.EchoMode.Password
        for line in self._lines:
            line.setEchoMode(mode)
        if self._cover is not None and self._cover.isHidden() != revealed:
            self._cover.setHidden(revealed)
            self._answer.widget().setHidden(not revealed)
        if revealed:
            self.button.setText(QCoreApplication.translate("SensitiveCover", "Hide"))
            self.button.setAccessibleName(
                QCoreApplication.translate("SensitiveCover", "Hide answer: {0}").format(self._name)
            )
        else:
            self.button.setText(QCoreApplication.translate("SensitiveCover", "Show"))
            self.button.setAccessibleName(
                QCoreApplication.translate("SensitiveCover", "Show answer: {0}").format(self._name)
            )

    def controls(self) -> list[QWidget]:
        """The input first (when it can be typed into), then the button."""
        return [*self._answer.controls(), self.button]

    def set_read_only(self, read_only: bool) -> None:
        """Read-only answers can still be revealed to be read."""
