"""An export whose file cannot be put in place: the dialog names the file the person
chose (never the hidden temporary one), says what to do, and the audit log says the
export was not written."""

from __future__ import annotations

import errno
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.conftest import FakeClock
from tests.ui.driving import active_modal, type_text
from ui.messages import error_text
from ui.profile_holder import ProfileHolder
from ui.reports.export_dialog import ExportDialog
from ui.reports.export_jobs import ExportKind


def test_a_file_that_cannot_be_replaced_is_named_as_chosen_and_audited_as_not_written(
    qtbot: QtBot, holder: ProfileHolder, report_clock: FakeClock, tmp_path: Path
) -> None:
    dialog = ExportDialog(holder, report_clock)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.choose_kind(ExportKind.ANNEX_A)
    out = tmp_path / "annex-a-list8.csv"
    out.mkdir()  # something the export cannot be renamed over, as a file open in Excel
    type_text(dialog.out, str(out))

    QTest.keyClick(dialog.out, Qt.Key.Key_Return)
    question = active_modal(qtbot, QMessageBox)
    with qtbot.waitSignal(dialog.finished_export, timeout=10_000) as done:
        QTest.keyClick(question, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # &Replace

    assert done.args == [False]
    shown = dialog.outcome.text()
    assert f"({out})" in shown and ".tmp" not in shown
    *_, exported, not_written = holder.store.audit.events()
    assert (exported.action, not_written.action) == ("export", "export")
    assert not_written.entity_id == exported.id
    assert dict(not_written.detail) == {
        **exported.detail,
        "written": False,
        "reason": "EISDIR",
    }
    dialog.close()


def test_a_file_open_in_another_program_is_named_and_the_person_told_to_close_it(
    tmp_path: Path,
) -> None:
    # What os.replace raises on Windows while Excel holds the old file open.
    chosen = tmp_path / "kpi-2026-01.xlsx"
    staged = tmp_path / ".kpi-2026-01.xlsx.a1b2c3.tmp"
    locked = PermissionError(errno.EACCES, "Access is denied", str(staged), None, str(chosen))

    shown = error_text(locked)

    assert shown == (
        f"The app could not replace {chosen}: it may be open in another program. "
        "Close it there and try again."
    )
