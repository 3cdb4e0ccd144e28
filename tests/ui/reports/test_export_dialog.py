"""Export… from the app: a KPI CSV written and audited, and an SSDA903 table the DfE would
reject refused with every problem listed in the dialog."""

from __future__ import annotations

import json
import stat
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from rhi_desktop.config import POLICY_ENV_VAR
from rhi_desktop.domain.entities import EpisodeType, InterviewState
from rhi_desktop.reports.exports.ssda903 import Rule, Ssda903Refused, Violation
from rhi_desktop.reports.periods import Period
from tests.core.reports.casebook import Casebook, utc
from tests.core.reports.interview_answers import answers
from tests.ui.accessibility import tab_walk, unnamed_controls
from tests.ui.conftest import FakeClock, Heard
from tests.ui.driving import active_modal, type_text
from tests.ui.reports.conftest import ReportBook
from ui.profile_holder import ProfileHolder
from ui.reports.export_dialog import ExportDialog
from ui.reports.export_jobs import ExportKind
from ui.reports.kpi_dashboard import KpiDashboardPage
from ui.reports.ssda903_refusal import refusal_text, rule_texts, violation_text


def _active_dialog(qtbot: QtBot, holder: ProfileHolder, clock: FakeClock) -> ExportDialog:
    """The dialog on screen, its window the active one, as the keyboard finds it."""
    dialog = ExportDialog(holder, clock)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def test_export_writes_a_kpi_csv_when_enter_is_pressed_and_audits_it(
    qtbot: QtBot, holder: ProfileHolder, report_clock: FakeClock, tmp_path: Path
) -> None:
    page = KpiDashboardPage(holder, report_clock)
    qtbot.addWidget(page)
    page.picker.show_month(Period.month(2026, 1))
    page.open_export()
    dialog = page.export_dialog
    assert isinstance(dialog, ExportDialog) and dialog.parent() is page
    assert dialog.chosen_kind is ExportKind.KPI and dialog.picker.period().label == "2026-01"
    qtbot.waitExposed(dialog)
    assert dialog.export_button.isDefault() and not dialog.choose.isDefault()
    out = tmp_path / "kpi-2026-01.csv"
    type_text(dialog.out, str(out))
    with qtbot.waitSignal(dialog.finished_export, timeout=10_000) as done:
        QTest.keyClick(dialog.out, Qt.Key.Key_Return)  # Enter exports
    assert done.args == [True]
    assert dialog.outcome.text() == (
        f"Wrote 1 row to {out}. The export is recorded in the audit log."
    )
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("Period start,Period end,Status,Records,Found episodes,")
    assert lines[1].startswith("2026-01-01,2026-01-31,provisional,all records,7,6,")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    event = holder.store.audit.events()[-1]
    assert (event.action, event.entity) == ("export", "export")
    assert dict(event.detail) == {
        "kind": "kpi",
        "format": "csv",
        "rows": 1,
        "first_day": "2026-01-01",
        "last_day": "2026-01-31",
    }
    dialog.close()
    qtbot.waitUntil(lambda: not page.busy)


def test_the_dashboards_filters_narrow_the_export_and_a_file_there_is_replaced_only_if_agreed(
    qtbot: QtBot, holder: ProfileHolder, report_clock: FakeClock, tmp_path: Path
) -> None:
    page = KpiDashboardPage(holder, report_clock)
    qtbot.addWidget(page)
    page.picker.show_month(Period.month(2026, 1))
    page.uasc.setCurrentIndex(page.uasc.findData(True))  # UASC only, as on screen
    page.open_export()
    dialog = page.export_dialog
    assert isinstance(dialog, ExportDialog)
    qtbot.waitExposed(dialog)
    assert dialog.records.isVisible() and dialog.records.text() == "UASC: Yes"
    out = tmp_path / "kpi-uasc.csv"
    out.write_text("last month's figures\n", encoding="utf-8")
    type_text(dialog.out, str(out))

    QTest.keyClick(dialog.out, Qt.Key.Key_Return)
    question = active_modal(qtbot, QMessageBox)
    assert question.text() == "kpi-uasc.csv already exists. Replace it with this export?"
    QTest.keyClick(question, Qt.Key.Key_Return)  # Keep it: the default
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is dialog)
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.out)  # back to the name
    assert out.read_text(encoding="utf-8") == "last month's figures\n"

    QTest.keyClick(dialog.out, Qt.Key.Key_Return)
    question = active_modal(qtbot, QMessageBox)
    with qtbot.waitSignal(dialog.finished_export, timeout=10_000) as done:
        QTest.keyClick(question, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # &Replace
    assert done.args == [True]
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[1].startswith("2026-01-01,2026-01-31,provisional,UASC,3,2,")
    event = holder.store.audit.events()[-1]
    assert dict(event.detail)["filter_uasc"] is True  # the audit says which records left
    dialog.choose_kind(ExportKind.ANNEX_A)
    dialog.as_at.clear()
    type_text(dialog.as_at, "31/01/2026")
    dialog.out.clear()
    type_text(dialog.out, str(tmp_path / "list8.csv"))
    with qtbot.waitSignal(dialog.finished_export, timeout=10_000) as done:
        QTest.keyClick(dialog.out, Qt.Key.Key_Return)
    assert done.args == [True]
    event = holder.store.audit.events()[-1]
    assert (dict(event.detail)["kind"], dict(event.detail)["as_at"]) == (
        "annex-a-list8",
        "2026-01-31",
    )
    assert "filter_uasc" not in dict(event.detail)  # Annex A is never filtered
    dialog.choose_kind(ExportKind.SSDA903)
    assert not dialog.records.isVisible()  # statutory returns are never filtered
    dialog.close()
    qtbot.waitUntil(lambda: not page.busy)


def test_an_ssda903_table_the_dfe_would_reject_is_refused_with_its_problems(
    qtbot: QtBot,
    holder: ProfileHolder,
    report_clock: FakeClock,
    report_book: ReportBook,
    tmp_path: Path,
) -> None:
    store = holder.store
    f = store.children.get(report_book.january.children["F"])
    # F went missing again before F1 (15 Jan, 08:00-20:00) had ended: the episodes overlap.
    Casebook(store).episode(f, utc(2026, 1, 15, 12), utc(2026, 1, 16, 9), EpisodeType.AWAY)
    dialog = ExportDialog(holder, report_clock)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choose_kind(ExportKind.SSDA903)
    assert dialog.collection_year.isVisible() and not dialog.picker.isVisible()
    assert dialog.collection_year.currentText() == "2025-26"
    out = tmp_path / "ssda903.csv"
    dialog.out.setText(str(out))
    with qtbot.waitSignal(dialog.finished_export, timeout=10_000) as done:
        dialog.export_button.click()
    assert done.args == [False]
    assert dialog.outcome.text().startswith("The SSDA903 missing table was not written")
    assert dialog.problems.isVisible()
    problems = [dialog.problems.item(n).text() for n in range(dialog.problems.count())]
    assert len(problems) == 1
    assert problems == [
        "F, A episode 15/01/2026 to 16/01/2026: the episode overlaps the child's previous episode"
    ]
    assert dialog.problems.wordWrap()
    assert not out.exists()
    assert not [e for e in store.audit.events() if e.action == "export"]


def test_places_for_the_gis_are_placed_by_the_postcode_lookup_it_set_in_policy(
    qtbot: QtBot,
    holder: ProfileHolder,
    report_clock: FakeClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    book = Casebook(holder.store)
    for ref, day in (("G1", 10), ("G2", 12)):
        child = book.child(ref)
        episode = book.episode(child, utc(2026, 2, day, 8), utc(2026, 2, day, 20))
        recorded = answers(places=[("Chicken shop", "", "ZZ99 3AA")])
        book.interview(child, [episode], state=InterviewState.COMPLETED, answers=recorded)
    lookup = tmp_path / "postcodes.csv"
    lookup.write_text("postcode,lat,lon\nZZ99 3AA,51.5,-0.12\n", encoding="utf-8")
    policy = tmp_path / "policy.toml"
    policy.write_text(f'postcode_lookup = "{lookup}"\n', encoding="utf-8")
    monkeypatch.setenv(POLICY_ENV_VAR, str(policy))
    dialog = ExportDialog(holder, report_clock)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choose_kind(ExportKind.GEOJSON)
    dialog.picker.show_range(date(2026, 2, 1), date(2026, 2, 28))
    out = tmp_path / "places.geojson"
    dialog.out.setText(str(out))

    with qtbot.waitSignal(dialog.finished_export, timeout=10_000) as done:
        dialog.export_button.click()

    assert done.args == [True], dialog.outcome.text()
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    placed = [f for f in features if f["properties"].get("placed_by") == "postcode"]
    assert [f["geometry"]["coordinates"] for f in placed] == [[-0.12, 51.5]]
    assert placed[0]["properties"]["children"] == 2


def test_every_dfe_rule_a_refusal_can_name_is_worded() -> None:
    rules = {value for name, value in vars(Rule).items() if not name.startswith("_")}
    assert set(rule_texts()) == rules
    refused = Ssda903Refused([Violation("", "e-1", Rule.BAD_CODE)])
    assert violation_text(refused.violations[0]) == (
        "(no case reference), episode e-1: the episode type is not M or A"
    )
    open_ended = Violation("C-7", "e-2", Rule.STILL_OPEN, "M", date(2026, 3, 30))
    assert violation_text(open_ended) == (
        "C-7, M episode from 30/03/2026, still missing: a new episode starts while the "
        "previous one is still open"
    )
    assert refusal_text(refused).startswith("The SSDA903 missing table was not written: 1 ")


def test_the_export_dialog_tabs_top_to_bottom_and_names_every_control(
    qtbot: QtBot, holder: ProfileHolder, report_clock: FakeClock
) -> None:
    dialog = _active_dialog(qtbot, holder, report_clock)
    assert unnamed_controls(dialog) == []
    close = dialog.buttons.buttons()[-1]
    assert tab_walk(qtbot, dialog.kind, 8) == [  # no stop on an outcome not yet given
        dialog.kind,
        dialog.picker.kind,
        dialog.picker.month,
        dialog.records,
        dialog.file_format,
        dialog.out,
        dialog.choose,
        dialog.export_button,
        close,
    ]
    dialog.start_export()  # no file named: the outcome says so, and can be read again
    assert tab_walk(qtbot, dialog.choose, 2) == [
        dialog.choose,
        dialog.outcome,
        dialog.export_button,
    ]
    dialog.choose_kind(ExportKind.ANNEX_A)
    assert tab_walk(qtbot, dialog.kind, 3) == [
        dialog.kind,
        dialog.as_at,
        dialog.file_format,
        dialog.out,
    ]


def test_an_export_pressed_by_keyboard_is_heard_and_keeps_the_focus_on_export(
    qtbot: QtBot, holder: ProfileHolder, report_clock: FakeClock, tmp_path: Path, heard: Heard
) -> None:
    """The button was disabled while exporting, which threw the focus on to Close: a
    second Space, pressed because nothing was heard, closed the dialog and its result."""
    dialog = _active_dialog(qtbot, holder, report_clock)
    dialog.export_button.setFocus()
    QTest.keyClick(dialog.export_button, Qt.Key.Key_Space)
    assert [text for text, _ in heard] == ["Choose the file to write."]
    assert dialog.focusWidget() is dialog.out
    out = tmp_path / "kpi.csv"
    type_text(dialog.out, str(out))
    dialog.export_button.setFocus()
    with qtbot.waitSignal(dialog.finished_export, timeout=10_000) as done:
        QTest.keyClick(dialog.export_button, Qt.Key.Key_Space)
        assert dialog.focusWidget() is dialog.export_button
        QTest.keyClick(dialog.export_button, Qt.Key.Key_Space)  # ignored while exporting
    assert done.args == [True]
    assert dialog.focusWidget() is dialog.export_button and dialog.isVisible()
    written = f"Wrote 1 row to {out}. The export is recorded in the audit log."
    assert [text for text, _ in heard[1:]] == ["Exporting…", written]
    assert [e.action for e in holder.store.audit.events()].count("export") == 1


def test_a_file_name_too_long_for_the_disk_is_told_not_raised(
    qtbot: QtBot, holder: ProfileHolder, report_clock: FakeClock, tmp_path: Path, heard: Heard
) -> None:
    dialog = ExportDialog(holder, report_clock)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.out, str(tmp_path / ("x" * 300 + ".csv")))
    QTest.keyClick(dialog.out, Qt.Key.Key_Return)
    assert dialog.outcome.text().startswith("The app could not use a file or folder (")
    assert "File name too long" in dialog.outcome.text()
    assert heard and heard[-1][0] == dialog.outcome.text()
    assert dialog.focusWidget() is dialog.out and dialog.out.hasSelectedText()


def test_a_refused_ssda903_table_is_heard_and_its_problems_take_the_focus(
    qtbot: QtBot,
    holder: ProfileHolder,
    report_clock: FakeClock,
    report_book: ReportBook,
    tmp_path: Path,
    heard: Heard,
) -> None:
    f = holder.store.children.get(report_book.january.children["F"])
    Casebook(holder.store).episode(f, utc(2026, 1, 15, 12), utc(2026, 1, 16, 9), EpisodeType.AWAY)
    dialog = _active_dialog(qtbot, holder, report_clock)
    dialog.choose_kind(ExportKind.SSDA903)
    type_text(dialog.out, str(tmp_path / "ssda903.csv"))
    with qtbot.waitSignal(dialog.finished_export, timeout=10_000):
        QTest.keyClick(dialog.out, Qt.Key.Key_Return)
    assert heard[-1][0] == dialog.outcome.text()
    assert heard[-1][0].startswith("The SSDA903 missing table was not written")
    assert dialog.focusWidget() is dialog.problems and dialog.problems.currentRow() == 0
