"""The supervision dialogs' save step: the app's saving dialog, also wording the
supervision core's problems next to the field at fault."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QWidget

from rhi_desktop.supervision import SupervisionError
from ui.dialog_parts import SavingDialog
from ui.supervision.wording import action_problem_text

T = TypeVar("T")


class SupervisionDialog(SavingDialog[T]):
    def field_for_problem(self, error: SupervisionError) -> QWidget | None:
        """Which field to focus for a problem the supervision core found."""
        return None

    def known_problem(self, error: Exception) -> tuple[str, QWidget | None] | None:
        if isinstance(error, SupervisionError):
            text = action_problem_text(error.problem, error.action)
            return text, self.field_for_problem(error)
        return super().known_problem(error)
