"""An interviewer's own supervision: their sessions, newest first, to read and
acknowledge."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.profile_holder import ProfileHolder
from ui.supervision.my_sessions import MySessionsPanel


class MySupervisionPage(QWidget):
    saved = Signal()  # an acknowledgement was saved: the service should have it soon

    def __init__(
        self,
        holder: ProfileHolder,
        clock: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mySupervisionPage")
        heading = QLabel(self.tr("My supervision"))
        heading.setObjectName("pageHeading")
        intro = QLabel(
            self.tr(
                "Your coordinator records each supervision session. Read each record and "
                "acknowledge it; the acknowledgement goes back at the next sync."
            )
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.sessions = MySessionsPanel(holder, clock)
        self.sessions.acknowledged.connect(self.saved)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.sessions, 1)

    def title(self) -> str:
        return self.tr("My supervision")

    def reload(self) -> None:
        self.sessions.reload()

    def clear(self) -> None:
        self.sessions.clear()
