"""The KPI dashboard on the hand-worked January 2026: figures, filters, drill-down,
verification and the trend charts, driven from the keyboard where a person would."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCharts import QChartView, QLineSeries
from PySide6.QtCore import QSize, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QMessageBox,
    QScrollArea,
    QWidget,
)
from pytestqt.qtbot import QtBot

from rhi_desktop.domain.entities import InterviewState as S
from rhi_desktop.domain.entities import ReturnInterview
from rhi_desktop.reports.periods import Period
from rhi_desktop.reports.verification import verify_month
from rhi_desktop.retention import purge_expired
from rhi_desktop.store.team import TeamMember
from tests.core.reports.casebook import ACTOR, Casebook, utc
from tests.ui.conftest import FakeClock, Heard
from tests.ui.driving import screenshot, type_text
from tests.ui.reports.conftest import ReportBook
from ui.profile_holder import ProfileHolder
from ui.reports.kpi_dashboard import KpiDashboardPage
from ui.reports.text_table import TextTableModel

ALT = Qt.KeyboardModifier.AltModifier
JANUARY = Period.month(2026, 1)


def _roster(holder: ProfileHolder) -> None:
    """The team roster the service sends: how people are named on screen."""
    with holder.store.transaction(ACTOR) as tx:
        tx.team.replace(
            [
                TeamMember("iv-2", "sam.interviewer", "interviewer"),
                TeamMember(holder.actor, "alex.coordinator", "coordinator"),
            ]
        )


def _dashboard(qtbot: QtBot, holder: ProfileHolder, clock: FakeClock) -> KpiDashboardPage:
    page = KpiDashboardPage(holder, clock)
    qtbot.addWidget(page)
    page.resize(1280, 760)
    page.show()
    with qtbot.waitSignal(page.trend_refreshed, timeout=10_000):
        page.picker.show_month(JANUARY)
        page.reload()
    return page


def _figure(page: KpiDashboardPage, key: str) -> tuple[str, ...]:
    row = page.kpis.row_with_key(key)
    assert row >= 0, key
    return page.kpis.rows[row].cells


def _settle(qtbot: QtBot, page: KpiDashboardPage) -> None:
    qtbot.waitUntil(lambda: not page.busy, timeout=10_000)


def test_the_dashboard_shows_the_hand_worked_figures_and_filters_change_them(
    qtbot: QtBot, holder: ProfileHolder, report_clock: FakeClock, artifacts_dir: Path
) -> None:
    page = _dashboard(qtbot, holder, report_clock)
    assert page.title() == "KPI dashboard" and page.objectName() == "kpiDashboardPage"
    assert _figure(page, "found_episodes")[1] == "7"
    assert _figure(page, "children")[1] == "6"
    assert _figure(page, "repeat_children_12_months")[1] == "3"
    assert _figure(page, "rhis_offered_within_72h")[1] == "5"
    assert _figure(page, "median_hours_to_interview")[1] == "71.0"
    # Rates show their numerator and denominator.
    assert _figure(page, "rate:offered_within_72h_rate")[1:] == ("71.4%", "5 of 7")
    assert _figure(page, "rate:completed_within_72h_rate")[1:] == ("28.6%", "2 of 7")
    assert page.banner.text().startswith("Provisional:")
    assert page.verify_button.isEnabled()
    screenshot(page, "reports-01-kpi-dashboard", artifacts_dir)

    # UASC only: children A and D, their episodes A1, A2 and D1.
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.uasc.setFocus()
        QTest.keyClick(page.uasc, Qt.Key.Key_Down)  # Any -> Yes
    assert page.filters().uasc is True
    assert _figure(page, "found_episodes")[1] == "3"
    assert _figure(page, "children")[1] == "2"
    # A month is verified on all of its records: not from figures filtered down.
    _settle(qtbot, page)
    assert not page.verify_button.isEnabled()
    assert page.verify_button.toolTip() == "Clear the filters to verify the whole month."
    assert page.banner.text().endswith(
        "A month is verified on all of its records, not on filtered figures: clear the "
        "filters to verify it."
    )

    # The interviewer choices come from the records; iv-2 alone has IA2, IC, IF and IG.
    assert [page.interviewer.itemText(n) for n in range(page.interviewer.count())] == [
        "Any interviewer",
        "iv-1",
        "iv-2",
        "iv-3",
    ]
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.uasc.setCurrentIndex(0)
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.interviewer.setCurrentIndex(page.interviewer.findData("iv-2"))
    assert _figure(page, "rhis_due")[1] == "4"
    # A team of iv-1 alone, ticked from the keyboard: IA, IB, ID (and IX, due in Feb).
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.interviewer.setCurrentIndex(0)
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.team.setFocus()
        page.team.setCurrentRow(0)
        QTest.keyClick(page.team, Qt.Key.Key_Space)
    assert page.filters().team == frozenset({"iv-1"})
    assert _figure(page, "rhis_due")[1] == "3"
    # A filtered view carries the month's status.
    assert page.banner.text().startswith("Provisional:")
    _settle(qtbot, page)


def test_why_a_month_cannot_be_verified_yet_is_told_without_a_mouse(
    qtbot: QtBot, holder: ProfileHolder, report_clock: FakeClock
) -> None:
    """A disabled button takes no focus, so its tooltip reaches neither the keyboard nor
    a screen reader: the banner says why, and the button's description does too."""
    page = _dashboard(qtbot, holder, report_clock)
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.picker.show_month(Period.month(2026, 2))  # the month the clock is in
        page.reload()
    _settle(qtbot, page)

    why = "A month can be verified once it has ended."
    assert not page.verify_button.isEnabled()
    assert page.banner.text().startswith("Provisional:") and page.banner.text().endswith(why)
    assert page.verify_button.accessibleDescription() == why
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.picker.show_month(JANUARY)
        page.reload()
    _settle(qtbot, page)
    assert page.verify_button.isEnabled() and page.verify_button.accessibleDescription() == ""
    assert why not in page.banner.text()


def test_each_alt_letter_reaches_the_control_it_names_and_a_bad_date_is_heard(
    qtbot: QtBot, holder: ProfileHolder, report_clock: FakeClock, heard: Heard
) -> None:
    """Alt+R went to Verify as well as Show records, and Alt+M to Month while the dates
    were in use: the first press moved the focus, and a following Enter verified."""
    page = _dashboard(qtbot, holder, report_clock)
    _settle(qtbot, page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.table.setFocus()
    page.table.setCurrentIndex(page.kpis.index(0, 0))
    with qtbot.waitSignal(page.records_shown, timeout=10_000):
        QTest.keyClick(page.table, Qt.Key.Key_D, ALT)  # Show recor&ds…
    assert page.records_dialog is not None
    page.records_dialog.close()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    assert page.verify_button.isEnabled()
    QTest.keyClick(page.table, Qt.Key.Key_R, ALT)  # Ve&rify this month…
    qtbot.waitUntil(lambda: page.confirmation is not None)
    assert page.confirmation is not None
    page.confirmation.reject()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_M, ALT)
    assert page.focusWidget() is page.picker.month
    page.picker.kind.setCurrentIndex(1)  # a range of dates
    _settle(qtbot, page)
    QTest.keyClick(page.picker.kind, Qt.Key.Key_M, ALT)
    assert page.focusWidget() is page.picker.first
    page.picker.first.selectAll()
    type_text(page.picker.first, "31/02/2026")
    QTest.keyClick(page.picker.first, Qt.Key.Key_Return)
    qtbot.waitUntil(page.problem.isVisible)
    assert page.focusWidget() is page.picker.first
    assert heard[-1][0] == page.problem.text()
    _settle(qtbot, page)


def test_activating_a_figure_lists_the_records_behind_it(
    qtbot: QtBot, holder: ProfileHolder, report_clock: FakeClock
) -> None:
    _roster(holder)
    page = _dashboard(qtbot, holder, report_clock)
    page.table.setFocus()
    page.table.setCurrentIndex(page.kpis.index(page.kpis.row_with_key("found_episodes"), 0))
    with qtbot.waitSignal(page.records_shown, timeout=10_000):
        QTest.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.records_dialog
    assert dialog is not None and dialog.isVisible() and dialog.parent() is page
    assert dialog.heading.text() == "Found episodes: 7 records"
    assert dialog.model.column_texts(0) == ["A", "A", "B", "C", "D", "F", "G"]
    assert dialog.model.column_texts(1).count("Away (A)") == 1  # A2
    # A rate lists its numerator's records: completed within 72 hours are IA2 and IC.
    dialog.close()
    page.table.setCurrentIndex(
        page.kpis.index(page.kpis.row_with_key("rate:completed_within_72h_rate"), 0)
    )
    with qtbot.waitSignal(page.records_shown, timeout=10_000):
        page.records_button.click()
    assert page.records_dialog is not None
    assert page.records_dialog.model.column_texts(0) == ["A", "C"]
    assert page.records_dialog.model.column_texts(2) == ["sam.interviewer"] * 2  # by name
    table = page.records_dialog.table
    metrics = table.fontMetrics()
    for column in range(page.records_dialog.model.columnCount()):  # nothing cut off
        widest = max(
            metrics.horizontalAdvance(text)
            for text in page.records_dialog.model.column_texts(column)
        )
        assert table.columnWidth(column) >= widest, column
    page.records_dialog.close()
    _settle(qtbot, page)


def test_verifying_marks_the_month_and_a_later_edit_shows_what_changed(
    qtbot: QtBot, holder: ProfileHolder, report_clock: FakeClock, report_book: ReportBook
) -> None:
    _roster(holder)
    page = _dashboard(qtbot, holder, report_clock)
    page.verify_button.click()
    box = page.confirmation
    assert isinstance(box, QMessageBox) and box.isVisible() and box.parent() is page
    assert "January 2026" in box.text()
    with qtbot.waitSignal(page.verified, timeout=10_000):
        box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: page.banner.text().startswith("Verified:"), timeout=10_000)
    assert "verified by alex.coordinator on " in page.banner.text()
    assert not page.verify_button.isEnabled()
    store = holder.store
    event = store.audit.events()[-1]
    assert (event.action, event.entity, event.detail["month"]) == (
        "create",
        "kpi_verification",
        "2026-01",
    )

    # Someone corrects D1: the child was in fact found on 2 February.
    with store.transaction(ACTOR) as tx:
        d1 = tx.episodes.get(report_book.january.episodes["D1"])
        tx.episodes.update(dataclasses.replace(d1, end=utc(2026, 2, 2, 10)))
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.show_button.click()
    banner = page.banner.text()
    assert banner.startswith("Changed since verified:")
    assert "Found episodes was 7, now 6" in banner
    assert page.verify_button.isEnabled() and page.verify_button.text() == "Ve&rify again…"
    _settle(qtbot, page)


def test_a_verified_month_filtered_says_its_figures_are_filtered_not_to_clear_them(
    qtbot: QtBot, holder: ProfileHolder, report_clock: FakeClock
) -> None:
    verify_month(holder.store, JANUARY, holder.actor)
    page = _dashboard(qtbot, holder, report_clock)

    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.uasc.setCurrentIndex(1)

    banner = page.banner.text()
    assert banner.startswith("Verified:")
    assert "the month was verified on all of them, not on these figures" in banner
    assert "clear the filters" not in banner  # it is verified already: nothing to clear for
    assert page.verify_button.toolTip() == "This month is verified and unchanged."
    _settle(qtbot, page)


def test_the_trend_charts_name_their_lines_and_axes_and_have_a_table(
    qtbot: QtBot, holder: ProfileHolder, report_clock: FakeClock, artifacts_dir: Path
) -> None:
    page = _dashboard(qtbot, holder, report_clock)
    chart = page.rates_view.chart()
    lines = [s for s in chart.series() if type(s) is QLineSeries]
    names = {s.name() for s in lines}
    assert names == {"Offered within 72 hours", "Completed within 72 hours"}
    pens = {s.pen().style() for s in lines}
    assert len(pens) == 2  # told apart by line style, not colour alone
    assert {axis.titleText() for axis in chart.axes()} == {"Month (Feb 2025 to Jan 2026)", "%"}
    assert chart.title() == "RHIs within 72 hours as a % of RHIs due, last 12 months"
    assert isinstance(page.rates_view, QChartView) and page.rates_view.accessibleName()
    # The same numbers as a table: twelve months ending in January 2026.
    trend = page.trend
    assert isinstance(trend, TextTableModel) and trend.rowCount() == 12
    assert trend.rows[-1].cells[:4] == ("Jan 2026", "7", "6", "7")
    assert trend.rows[-1].cells[4:] == ("71.4%", "28.6%")
    assert trend.rows[0].cells[4] == "—"
    page.trend_tabs.setCurrentIndex(1)
    screenshot(page, "reports-02-kpi-trend-table", artifacts_dir)
    page.trend_tabs.setCurrentIndex(0)
    _settle(qtbot, page)


def test_locking_clears_every_figure_and_record(
    qtbot: QtBot, holder: ProfileHolder, report_clock: FakeClock, qtmodeltester: object
) -> None:
    page = _dashboard(qtbot, holder, report_clock)
    qtmodeltester.check(page.kpis)  # type: ignore[attr-defined]
    qtmodeltester.check(page.trend)  # type: ignore[attr-defined]
    page.table.setCurrentIndex(page.kpis.index(0, 0))
    with qtbot.waitSignal(page.records_shown, timeout=10_000):
        page.records_button.click()
    _settle(qtbot, page)
    page.clear()
    assert page.kpis.rowCount() == 0 and page.trend.rowCount() == 0
    assert page.records_dialog is None and page.banner.text() == ""
    assert page.team.count() == 0 and page.interviewer.count() == 1
    assert page.rates_view.chart().series() == []
    assert not page.verify_button.isEnabled()


def _approved_in_january(holder: ProfileHolder, reference: str) -> ReturnInterview:
    """A child found on 21 January 2026, interviewed, and approved the next day."""
    book = Casebook(holder.store)
    child = book.child(reference)
    episode = book.episode(child, utc(2026, 1, 20, 8), utc(2026, 1, 21, 9))
    interview = book.interview(child, [episode])
    states = (S.OFFERED, S.IN_PROGRESS, S.COMPLETED, S.SUBMITTED, S.APPROVED)
    book.move(interview, *states, at=utc(2026, 1, 22, 9))
    return interview


def _purged(holder: ProfileHolder) -> list[str]:
    """The retention purge on 1 March 2026, the service having had everything."""
    store = holder.store
    with store.transaction(ACTOR) as tx:
        tx.outbox.mark_sent([entry.change_id for entry in tx.outbox.pending(10_000)])
    return purge_expired(store, ACTOR, now=utc(2026, 3, 1)).interviews


def test_figures_short_of_purged_records_say_so_and_the_month_cannot_be_verified(
    qtbot: QtBot, holder: ProfileHolder, report_clock: FakeClock
) -> None:
    interview = _approved_in_january(holder, "PURGED-1")
    assert _purged(holder) == [interview.id]

    page = _dashboard(qtbot, holder, report_clock)
    banner = page.banner.text()
    assert banner.startswith("Provisional:")
    assert (
        "Records up to 21/01/2026 have been removed from this computer under the retention "
        "policy, so these figures may be lower than the true count: Found episodes, "
    ) in banner
    assert not page.verify_button.isEnabled()
    assert page.verify_button.toolTip() == (
        "Some of this month's records have been removed from this computer, so it cannot "
        "be verified here."
    )
    _settle(qtbot, page)


def test_a_month_verified_before_the_purge_stays_verified_and_says_what_is_lower_now(
    qtbot: QtBot, holder: ProfileHolder, report_clock: FakeClock
) -> None:
    _approved_in_january(holder, "PURGED-2")
    verify_month(holder.store, JANUARY, holder.actor)  # checked in early February
    _purged(holder)

    page = _dashboard(qtbot, holder, report_clock)
    banner = page.banner.text()
    assert banner.startswith("Verified: verified by local-user on ")
    assert (
        "Records have since been removed from this computer under the retention policy, "
        "so some figures here are lower than those verified: Found episodes was 8, now 7; "
        "Children was 7, now 6; RHIs due was 8, now 7"
    ) in banner
    assert not page.verify_button.isEnabled()
    _settle(qtbot, page)


def test_in_a_small_window_the_page_scrolls_rather_than_cutting_its_controls(
    qtbot: QtBot, holder: ProfileHolder, clock: FakeClock
) -> None:
    """On a laptop at 150% (910x512) the page needed 1119x722 and squeezed everything
    into less: 'Interviewe', 'Looked af', unreadable drop-downs, charts without axes."""
    page = _dashboard(qtbot, holder, clock)
    room = QSize(740, 420)  # what the main window leaves the page there
    assert page.minimumSizeHint().boundedTo(room) == page.minimumSizeHint()
    page.resize(room)
    QApplication.processEvents()
    assert page.size() == room

    squeezed = [
        f"{type(widget).__name__} {widget.accessibleName() or widget.objectName()}"
        for widget in page.findChildren(QWidget)
        if widget.isVisible()
        and isinstance(widget, QLabel | QAbstractButton | QComboBox)
        and not (isinstance(widget, QLabel) and widget.wordWrap())
        and widget.width() < widget.minimumSizeHint().width()
    ]
    assert squeezed == []
    assert page.rates_view.height() >= page.rates_view.minimumHeight()


def test_the_scrolling_around_the_page_is_no_tab_stop(
    qtbot: QtBot, holder: ProfileHolder, clock: FakeClock
) -> None:
    """The page's first Tab stop, where the keyboard lands on coming to it, was the
    unnamed scroll area round it, not the period to report on."""
    page = _dashboard(qtbot, holder, clock)

    stops = [
        scroll
        for scroll in page.findChildren(QScrollArea)
        if scroll.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]
    assert stops == []
