"""The Export dialog writes what the file's name says: a workbook under .xlsx and CSV
under .csv, whatever the format drop-down showed; a name with neither gets the chosen
format's extension, and the file chooser offers the two types by name."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from tests.ui.conftest import FakeClock
from tests.ui.driving import type_text
from ui.profile_holder import ProfileHolder
from ui.reports.export_dialog import ExportDialog
from ui.reports.export_jobs import ExportKind

CSV_FILTER = "CSV (*.csv)"
XLSX_FILTER = "Excel workbook (*.xlsx)"


def _annex_a_dialog(qtbot: QtBot, holder: ProfileHolder, clock: FakeClock) -> ExportDialog:
    dialog = ExportDialog(holder, clock)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.choose_kind(ExportKind.ANNEX_A)
    return dialog


def _choose_format(dialog: ExportDialog, file_format: str) -> None:
    dialog.file_format.setCurrentIndex(dialog.file_format.findData(file_format))


def _export(qtbot: QtBot, dialog: ExportDialog) -> None:
    with qtbot.waitSignal(dialog.finished_export, timeout=10_000) as done:
        dialog.export_button.click()
    assert done.args == [True], dialog.outcome.text()


def _last_export_format(holder: ProfileHolder) -> object:
    event = holder.store.audit.events()[-1]
    assert event.action == "export"
    return event.detail["format"]


def test_a_name_ending_xlsx_gets_a_workbook_though_the_drop_down_said_csv(
    qtbot: QtBot, holder: ProfileHolder, report_clock: FakeClock, tmp_path: Path
) -> None:
    dialog = _annex_a_dialog(qtbot, holder, report_clock)
    assert dialog.file_format.currentData() == "csv"  # the default
    out = tmp_path / "annex-a-list8.xlsx"
    type_text(dialog.out, str(out))

    _export(qtbot, dialog)

    assert zipfile.is_zipfile(out)
    assert _last_export_format(holder) == "xlsx"
    assert dialog.file_format.currentData() == "xlsx"  # what was written is what it shows
    dialog.close()


def test_a_name_ending_csv_gets_csv_though_the_drop_down_said_excel(
    qtbot: QtBot, holder: ProfileHolder, report_clock: FakeClock, tmp_path: Path
) -> None:
    dialog = _annex_a_dialog(qtbot, holder, report_clock)
    _choose_format(dialog, "xlsx")
    out = tmp_path / "annex-a-list8.CSV"
    type_text(dialog.out, str(out))

    _export(qtbot, dialog)

    assert not zipfile.is_zipfile(out)
    assert out.read_text(encoding="utf-8-sig").startswith("Child ")
    assert _last_export_format(holder) == "csv"
    dialog.close()


def test_a_name_without_either_extension_gets_the_chosen_formats(
    qtbot: QtBot, holder: ProfileHolder, report_clock: FakeClock, tmp_path: Path
) -> None:
    dialog = _annex_a_dialog(qtbot, holder, report_clock)
    _choose_format(dialog, "xlsx")
    type_text(dialog.out, str(tmp_path / "list8 for ofsted"))

    _export(qtbot, dialog)

    written = tmp_path / "list8 for ofsted.xlsx"
    assert zipfile.is_zipfile(written)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "profile") == [written.name]
    assert str(written) in dialog.outcome.text()
    dialog.close()


def test_changing_the_format_changes_the_extension_of_the_name(
    qtbot: QtBot, holder: ProfileHolder, report_clock: FakeClock, tmp_path: Path
) -> None:
    dialog = _annex_a_dialog(qtbot, holder, report_clock)
    type_text(dialog.out, str(tmp_path / "annex-a-list8.csv"))

    _choose_format(dialog, "xlsx")

    assert dialog.out.text() == str(tmp_path / "annex-a-list8.xlsx")
    dialog.close()


def _answer_file_chooser(answer: Callable[[QFileDialog], None]) -> None:
    """Once the (modal) file chooser is open, let `answer` fill it in; it must close it."""

    def when_open() -> None:
        chooser = QApplication.activeModalWidget()
        if isinstance(chooser, QFileDialog):
            answer(chooser)
        else:
            QTimer.singleShot(10, when_open)

    QTimer.singleShot(0, when_open)


def test_the_file_chooser_offers_csv_and_excel_and_its_type_sets_the_format(
    qtbot: QtBot, holder: ProfileHolder, report_clock: FakeClock, tmp_path: Path
) -> None:
    dialog = _annex_a_dialog(qtbot, holder, report_clock)
    offered: dict[str, object] = {}

    def pick_excel(chooser: QFileDialog) -> None:
        offered.update(filters=chooser.nameFilters(), selected=chooser.selectedNameFilter())
        try:
            chooser.selectNameFilter(XLSX_FILTER)
            chooser.selectFile(str(tmp_path / "list8"))
        finally:
            chooser.accept()

    _answer_file_chooser(pick_excel)
    dialog.choose.click()

    assert offered == {"filters": [CSV_FILTER, XLSX_FILTER], "selected": CSV_FILTER}
    assert dialog.file_format.currentData() == "xlsx"
    assert dialog.out.text() == str(tmp_path / "list8.xlsx")
    _export(qtbot, dialog)
    assert zipfile.is_zipfile(tmp_path / "list8.xlsx")
    dialog.close()


def test_the_file_chooser_offers_only_the_type_a_one_format_export_writes(
    qtbot: QtBot, holder: ProfileHolder, report_clock: FakeClock, tmp_path: Path
) -> None:
    dialog = _annex_a_dialog(qtbot, holder, report_clock)
    dialog.choose_kind(ExportKind.GEOJSON)
    offered: list[str] = []

    def cancel(chooser: QFileDialog) -> None:
        offered.extend(chooser.nameFilters())
        chooser.reject()

    _answer_file_chooser(cancel)
    dialog.choose.click()

    assert offered == ["GeoJSON (*.geojson)"]
    assert dialog.out.text() == ""
    dialog.close()


def test_a_one_format_export_refuses_a_name_for_another_and_names_one_without(
    qtbot: QtBot, holder: ProfileHolder, report_clock: FakeClock, tmp_path: Path
) -> None:
    """The SSDA903 return is CSV: named .xlsx it would be a file Excel refuses, so the
    name is refused; named without an extension it gets .csv."""
    dialog = _annex_a_dialog(qtbot, holder, report_clock)
    dialog.choose_kind(ExportKind.SSDA903)
    type_text(dialog.out, str(tmp_path / "return.xlsx"))

    dialog.export_button.click()

    assert dialog.outcome.text() == (
        "This export is written as CSV: end the file's name with .csv."
    )
    assert not (tmp_path / "return.xlsx").exists()
    dialog.out.clear()
    type_text(dialog.out, str(tmp_path / "return"))
    _export(qtbot, dialog)
    assert (tmp_path / "return.csv").read_bytes().startswith(b"CHILD,DOB,MISSING")
    dialog.close()
