"""The supervision dialogs' save step: the app's saving dialog, also wording the
supervision core's problems next to the field at fault."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QDialogButtonBox, QWidget

from rhi_desktop.supervision import SupervisionError
from ui.dialog_parts import FieldProblem, SavingDialog
from ui.messages import error_text
from ui.supervision.wording import action_problem_text

T = TypeVar("T")


class SupervisionDialog(SavingDialog[T]):
    def make_save_default(self) -> None:
        """Enter saves: called once the buttons are inside the dialog, where Qt looks."""
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setDefault(True)

    def field_for_problem(self, error: SupervisionError) -> QWidget | None:
        """Which field to focus for a problem the supervision core found."""
        return None

    def try_save(self) -> None:
        try:
            self._save(self.collect())
        except FieldProblem as problem:
            self.show_problem(problem.text, problem.field)
            return
        except SupervisionError as exc:
            text = action_problem_text(exc.problem, exc.action)
            self.show_problem(text, self.field_for_problem(exc))
            return
        except Exception as exc:  # shown as an apology with a reference, and logged
            self.show_problem(error_text(exc), None)
            return
        self.accept()
