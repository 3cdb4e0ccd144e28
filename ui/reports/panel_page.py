"""The weekly high-risk panel list: each child the panel should discuss, and every reason.

The week is chosen from a list (this week first). The list is worked out as at the end
of that week - or now, for the current week - so last week's panel can be produced
again. Each child is shown by case reference with the rules that put them on the list,
in words, with how many records lie behind each reason.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from rhi_desktop.counted import by_count
from rhi_desktop.domain.deadlines import london_date
from rhi_desktop.reports.exports.audited_write import profile_forms
from rhi_desktop.reports.kpi_definitions import RecordKind
from rhi_desktop.reports.panel import PanelList, Reason, panel_list
from rhi_desktop.reports.periods import london_midnight
from ui.messages import error_text, unreadable_interviews_text
from ui.profile_holder import ProfileAccess
from ui.reports.panel_rules_source import ChosenRules, panel_rules
from ui.reports.text_table import TextRow, TextTableModel, text_table_view
from ui.uk_dates import format_uk_date
from ui.workers import SerialWorker

WEEKS_LISTED = 12
RulesSource = Callable[[], ChosenRules]


def week_start(day: date) -> date:
    """The Monday of `day`'s week."""
    return day - timedelta(days=day.weekday())


class PanelPage(QWidget):
    refreshed = Signal()

    def __init__(
        self,
        holder: ProfileAccess,
        clock: Callable[[], datetime],
        parent: QWidget | None = None,
        *,
        worker: SerialWorker | None = None,
        rules: RulesSource = panel_rules,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("panelPage")
        self.setAccessibleName(self.title())
        self._holder = holder
        self._clock = clock
        self._rules = rules
        self._worker = worker if worker is not None else SerialWorker(self)
        self._generation = 0
        self._built_in = True  # the rules in force are the built-in ones
        self.week = QComboBox()
        self.week.setObjectName("panelWeek")
        self.week.setAccessibleName(self.tr("Panel week"))
        monday = week_start(london_date(clock()))
        for back in range(WEEKS_LISTED):
            first = monday - timedelta(weeks=back)
            self.week.addItem(
                self.tr("Week beginning {0}").format(format_uk_date(first)), first.isoformat()
            )
        self.week.currentIndexChanged.connect(lambda _index: self.reload())
        week_label = QLabel(self.tr("&Week:"))
        week_label.setBuddy(self.week)
        top = QHBoxLayout()
        top.addWidget(week_label)
        top.addWidget(self.week)
        top.addStretch(1)
        self.summary = QLabel()
        self.summary.setObjectName("panelSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.model = TextTableModel(
            [self.tr("Case reference"), self.tr("Reasons"), self.tr("Why on the list")], self
        )
        self.table = text_table_view(
            self.model, "panelTable", self.tr("Children for the panel"), stretch=2
        )
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def title(self) -> str:
        return self.tr("High-risk panel")

    def as_of(self) -> datetime:
        """The end of the chosen week, or now if the week has not ended."""
        first = date.fromisoformat(str(self.week.currentData()))
        return min(self._clock(), london_midnight(first + timedelta(days=7)))

    def reload(self) -> None:
        if not self._holder.is_open:
            return
        self._generation += 1
        generation = self._generation
        store = self._holder.store
        root = self._holder.profile.paths.root
        as_of, source = self.as_of(), self._rules
        self.summary.setText(self.tr("Working out the list…"))

        def work() -> tuple[PanelList, ChosenRules]:  # forms and rules are files: read here
            chosen = source()
            return panel_list(store, as_of, chosen.rules, profile_forms(root)), chosen

        self._worker.submit(
            work,
            lambda found: self._arrived(generation, *found),
            lambda exc: self._failed(generation, exc),
        )

    def _reason_text(self, reason: Reason) -> str:
        count = len(reason.ids)
        if reason.records is RecordKind.EPISODE:
            behind = by_count(count, self.tr("1 episode"), self.tr("{0} episodes"))
        elif reason.records is RecordKind.INTERVIEW:
            behind = by_count(count, self.tr("1 interview"), self.tr("{0} interviews"))
        else:
            behind = self.tr("the child's details")
        label = self._rule_label(reason.rule_id, reason.label)
        if reason.matched_labels:
            matched = ", ".join(reason.matched_labels)
            return self.tr("{0} ({1}; {2})").format(label, matched, behind)
        return self.tr("{0} ({1})").format(label, behind)

    def _rule_label(self, rule_id: str, label: str) -> str:
        """A built-in rule in the person's language; a rule IT wrote, as IT wrote it."""
        if not self._built_in:
            return label
        built_in = {
            "repeat_missing": self.tr("3 or more episodes in 90 days"),
            "exploitation": self.tr("Sexual or criminal exploitation indicator"),
            "immediate_concern": self.tr("Immediate safeguarding concern"),
            "uasc_out_of_area": self.tr("UASC placed out of area"),
        }
        return built_in.get(rule_id, label)

    def _arrived(self, generation: int, found: PanelList, chosen: ChosenRules) -> None:
        if generation != self._generation:
            return
        self._built_in = chosen.source is None
        rows = [
            TextRow(
                (
                    entry.case_reference,
                    str(len(entry.reasons)),
                    "; ".join(self._reason_text(reason) for reason in entry.reasons),
                ),
                entry.child_id,
            )
            for entry in found.entries
        ]
        self.model.set_rows(rows)
        self.table.resizeRowsToContents()
        source = (
            self.tr("the built-in rules")
            if chosen.source is None
            else self.tr("the rules in {0}").format(chosen.source.name)
        )
        summary = by_count(
            len(rows),
            self.tr("1 child for the panel, by {1}."),
            self.tr("{0} children for the panel, by {1}."),
            source,
        )
        if found.not_analysed:
            summary += " " + unreadable_interviews_text(len(found.not_analysed))
        if found.removed_through is not None and found.may_miss:
            labels = {rule.id: self._rule_label(rule.id, rule.label) for rule in found.rules.rules}
            summary += " " + self.tr(
                "Records up to {0} have been removed from this computer under the retention "
                "policy, so these rules may miss children: {1}."
            ).format(
                format_uk_date(found.removed_through),
                ", ".join(labels[rule_id] for rule_id in found.may_miss),
            )
        self.summary.setText(summary)
        self.refreshed.emit()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.model.clear()
            self.summary.setText(error_text(exc))
            self.refreshed.emit()

    def clear(self) -> None:
        """Drop every child shown (the app is locking)."""
        self._generation += 1
        self.model.clear()
        self.summary.setText("")
