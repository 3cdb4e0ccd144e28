"""Where "Open interview" lands: the interview's form in its own window.

The form itself (renderer, autosave, form versions) is `ui.forms`. This window only
frames it: a title without personal data, a sensible size, and the rule that the store
is asked for at each save through the ProfileHolder, never kept. Hiding the window
(locking) or closing it saves anything typed first, so the lock can close the database
right after. One window per interview: opening it again brings the same one forward.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.profile_holder import ProfileHolder

if TYPE_CHECKING:
    from rhi_desktop.forms.versions import FormRegistry
    from ui.forms.editor import InterviewFormEditor

DEFAULT_SIZE = (1100, 760)


class InterviewWindow(QWidget):
    def __init__(
        self, interview_id: str, editor: InterviewFormEditor, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("interviewWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.interview_id = interview_id
        self.editor = editor
        read_only = editor.renderer.read_only
        self.setWindowTitle(self.tr("Interview (read-only)") if read_only else self.tr("Interview"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(editor)
        screen = self.screen().availableGeometry()
        self.resize(min(DEFAULT_SIZE[0], screen.width()), min(DEFAULT_SIZE[1], screen.height()))

    def save_now(self) -> None:
        self.editor.flush()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.editor.close()  # saves what was typed and stops the autosave timer
        super().closeEvent(event)


def open_interview_editor(
    parent: QWidget,
    holder: ProfileHolder,
    interview_id: str,
    *,
    registry: FormRegistry,
    read_only: bool,
    on_saved: Callable[[], None],
    clock: Callable[[], datetime],
) -> InterviewWindow:
    """A window showing the interview on the form version it pinned (FormNotInstalledError
    if this device does not have that version)."""
    from ui.forms.editor import open_form_editor

    editor = open_form_editor(
        store=lambda: holder.store,
        actor=lambda: holder.actor,
        interview_id=interview_id,
        registry=registry,
        read_only=read_only,
        on_saved=on_saved,
        clock=clock,
    )
    window = InterviewWindow(interview_id, editor, parent)
    window.show()
    return window
