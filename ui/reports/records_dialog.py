"""The records behind one KPI figure: which episodes, children, interviews or sessions.

Opened from the dashboard by activating a figure (Enter or a double click). Rows show
case references and dates, never names. The dialog is a modal child of the dashboard,
opened with `open()` so locking can close it with everything else the page shows.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from rhi_desktop.counted import by_count
from rhi_desktop.domain.deadlines import format_london
from rhi_desktop.reports.kpi_definitions import RecordKind
from ui.caseload_views import state_label
from ui.reports.drill_down import (
    ChildRecord,
    EpisodeRecord,
    InterviewRecord,
    Record,
    SessionRecord,
)
from ui.reports.text_table import TextRow, TextTableModel, text_table_view
from ui.screen_fit import resize_within_screen
from ui.uk_dates import format_uk_date


class RecordsDialog(QDialog):
    def __init__(
        self,
        figure_name: str,
        kind: RecordKind,
        records: Sequence[Record],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recordsDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle(self.tr("Records behind a figure"))
        self.setAccessibleName(self.tr("Records behind {0}").format(figure_name))
        self.heading = QLabel(
            by_count(
                len(records), self.tr("{1}: 1 record"), self.tr("{1}: {0} records"), figure_name
            )
        )
        self.heading.setObjectName("recordsHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.model = TextTableModel(self._headers(kind), self)
        self.model.set_rows([self._row(record) for record in records])
        # Dates and states are as wide as their text; the first column takes what is left.
        self.table = text_table_view(self.model, "recordsTable", self.tr("Records"), stretch=0)
        if self.model.rowCount():
            self.table.selectRow(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setAccessibleName(self.tr("Close"))
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        resize_within_screen(self, 720, 420)
        self.table.setFocus()

    def _headers(self, kind: RecordKind) -> list[str]:
        if kind is RecordKind.EPISODE:
            return [
                self.tr("Case reference"),
                self.tr("Type"),
                self.tr("Went missing"),
                self.tr("Found or returned"),
            ]
        if kind is RecordKind.CHILD:
            return [self.tr("Case reference"), self.tr("Looked after"), self.tr("UASC")]
        if kind is RecordKind.INTERVIEW:
            return [
                self.tr("Case reference"),
                self.tr("Child returned"),
                self.tr("Interviewer"),
                self.tr("State"),
            ]
        return [self.tr("Supervisee"), self.tr("Supervisor"), self.tr("Held on")]

    def _yes_no(self, flag: bool) -> str:
        return self.tr("Yes") if flag else self.tr("No")

    def _row(self, record: Record) -> TextRow:
        if isinstance(record, EpisodeRecord):
            kind = self.tr("Missing (M)") if record.type == "M" else self.tr("Away (A)")
            end = format_london(record.end) if record.end is not None else self.tr("Still missing")
            return TextRow((record.case_reference, kind, format_london(record.start), end))
        if isinstance(record, ChildRecord):
            looked_after, uasc = self._yes_no(record.looked_after), self._yes_no(record.uasc)
            return TextRow((record.case_reference, looked_after, uasc))
        if isinstance(record, InterviewRecord):
            return TextRow(
                (
                    record.case_reference,
                    format_london(record.returned_at),
                    record.interviewer,
                    state_label(record.state),
                )
            )
        assert isinstance(record, SessionRecord)
        return TextRow((record.supervisee, record.supervisor, format_uk_date(record.held_on)))
