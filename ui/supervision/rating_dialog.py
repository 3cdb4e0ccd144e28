"""A service manager's rating of one supervision session's quality, with comments.

The record is shown above the rating so it can be read while rating. Saving goes through
`rhi_desktop.supervision.record_quality_review`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QComboBox, QFormLayout, QPlainTextEdit, QVBoxLayout, QWidget

from rhi_desktop.supervision import QualityRating
from ui.dialog_parts import FieldProblem
from ui.screen_fit import resize_within_screen
from ui.supervision.saving import SupervisionDialog
from ui.supervision.session_details import SessionDetails
from ui.supervision.wording import rating_label


@dataclass(frozen=True, slots=True)
class Rating:
    rating: QualityRating
    comments: str


class RateSessionDialog(SupervisionDialog[Rating]):
    def __init__(
        self, save: Callable[[Rating], None], record: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(save, parent)
        self.setObjectName("rateSessionDialog")
        self.setWindowTitle(self.tr("Rate the quality of supervision"))
        self.record = SessionDetails()
        self.record.setPlainText(record)
        self.rating = QComboBox()
        self.rating.setAccessibleName(self.tr("Quality rating"))
        self.rating.addItem(self.tr("Choose a rating"), None)
        for rating in QualityRating:
            self.rating.addItem(rating_label(rating), int(rating))
        self.comments = QPlainTextEdit()
        self.comments.setAccessibleName(self.tr("Comments"))
        self.comments.setTabChangesFocus(True)
        self.comments.setPlaceholderText(
            self.tr("What was done well, and what would make supervision better")
        )
        self.comments.setMaximumHeight(100)
        form = QFormLayout()
        form.addRow(self.tr("&Record:"), self.record)
        form.addRow(self.tr("R&ating:"), self.rating)
        form.addRow(self.tr("&Comments:"), self.comments)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.record, self.rating)
        self.setTabOrder(self.rating, self.comments)
        self.setTabOrder(self.comments, self.buttons)
        resize_within_screen(self, 600, 560)
        self.rating.setFocus()

    def collect(self) -> Rating:
        chosen = self.rating.currentData()
        if not isinstance(chosen, int):
            raise FieldProblem(self.rating, self.tr("Choose a rating from 1 to 4."))
        return Rating(QualityRating(chosen), self.comments.toPlainText())
