"""The offer history and the 72-hour timings of the interview under review, read-only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rhi_desktop.domain.deadlines import format_london
from rhi_desktop.review import Timings
from ui.literal_text import tooltip
from ui.offer_words import method_text, outcome_text
from ui.review.words import hours_text, within_text, yes_no_text


def _value(text: str, name: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setAccessibleName(name)
    label.setAccessibleDescription(text)  # a named label's text is not read out otherwise
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
    label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # after: the flags reset it
    return label


class TimingsView(QWidget):
    def __init__(self, timings: Timings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewTimings")
        not_recorded = self.tr("Not recorded")
        facts = [
            (self.tr("Found or returned"), format_london(timings.returned_at)),
            (self.tr("Interview due by (72 hours)"), format_london(timings.due_by)),
            (
                self.tr("Interview started"),
                format_london(timings.interviewed_at) if timings.interviewed_at else not_recorded,
            ),
            (self.tr("Return to interview"), hours_text(timings.hours_to_interview)),
            (
                self.tr("Signed off"),
                format_london(timings.signed_off_at) if timings.signed_off_at else not_recorded,
            ),
            (self.tr("Signed off within 72 hours"), within_text(timings.within_72_hours)),
        ]
        if timings.late_reason:
            facts.append((self.tr("Reason for the delay"), timings.late_reason))
        form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for name, text in facts:
            value = _value(text, name, self)
            self.values[name] = value
            form.addRow(self.tr("{0}:").format(name), value)

        self.offers_heading = QLabel(self.tr("O&ffers"), self)
        self.offers = QTableWidget(len(timings.offers), 7, self)
        self.offers.setObjectName("offerHistory")
        self.offers.setAccessibleName(self.tr("Offers"))
        self.offers_heading.setBuddy(self.offers)
        self.offers.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("After return"),
                self.tr("How"),
                self.tr("Outcome"),
                self.tr("By"),
                self.tr("Child chose venue and time"),
                self.tr("Reason"),
            ]
        )
        self.offers.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.offers.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.offers.setTabKeyNavigation(False)
        self.offers.verticalHeader().hide()
        self.offers.horizontalHeader().setStretchLastSection(True)
        self.offers.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for row, offer in enumerate(timings.offers):
            cells = [
                format_london(offer.offered_at),
                hours_text(offer.hours_from_return),
                method_text(offer.method),
                outcome_text(offer.outcome),
                offer.offered_by,
                yes_no_text(offer.child_chose_venue_and_time),
                offer.reason or "",
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(tooltip(text))
                self.offers.setItem(row, column, item)
        self.no_offers = QLabel(self.tr("No offer was recorded."), self)
        self.no_offers.setVisible(not timings.offers)
        self.offers.setVisible(bool(timings.offers))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.offers_heading)
        layout.addWidget(self.offers, 1)
        layout.addWidget(self.no_offers)

    def offer_texts(self) -> list[list[str]]:
        rows = range(self.offers.rowCount())
        columns = range(self.offers.columnCount())
        items = [[self.offers.item(r, c) for c in columns] for r in rows]
        return [[item.text() if item is not None else "" for item in row] for row in items]
