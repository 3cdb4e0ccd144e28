"""Every window a coordinator works in answers each Alt+letter with one control: the
main window on every page, the export dialog for every kind of export, and the record of
a supervision session. (An ambiguous letter's first press only moves the focus, so the
advertised action never runs and what is typed next goes astray.)"""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from rhi_desktop.profile import ProfilePaths
from tests.ui.conftest import ControllerFactory, FakeClock
from tests.ui.mnemonics import mnemonic_clashes
from tests.ui.supervision.conftest import SAM
from tests.ui.test_locking_coordinator import coordinator_app
from ui.reports.export_dialog import ExportDialog
from ui.reports.export_jobs import ExportKind
from ui.reports.kpi_dashboard import KpiDashboardPage
from ui.roles import Page
from ui.supervision.supervision_page import SupervisionPage


def test_no_two_controls_share_an_alt_letter_in_a_coordinators_windows(
    qtbot: QtBot, seeded: ProfilePaths, make_controller: ControllerFactory, clock: FakeClock
) -> None:
    _controller, window = coordinator_app(qtbot, seeded, make_controller, clock.now)
    clashes = {}
    for page in window.workspace.pages:
        window.workspace.show_page(page)
        clashes[page.value] = mnemonic_clashes(window)

    window.workspace.show_page(Page.REPORTS)  # the loop above ended on another page
    dashboard = window.workspace.page(Page.REPORTS)
    assert isinstance(dashboard, KpiDashboardPage)
    qtbot.waitUntil(lambda: not dashboard.busy, timeout=20_000)
    assert dashboard.records_button.isVisibleTo(window)
    clashes["reports, figures shown"] = mnemonic_clashes(window)
    assert dashboard.verify_button.isEnabled()  # Verify's letter counts only while enabled
    dashboard.picker.kind.setCurrentIndex(1)  # a range of dates: From and To shown
    qtbot.waitUntil(lambda: not dashboard.busy, timeout=20_000)
    clashes["reports, a range of dates"] = mnemonic_clashes(window)
    dashboard.picker.kind.setCurrentIndex(0)
    qtbot.waitUntil(lambda: not dashboard.busy, timeout=20_000)
    dashboard.open_export()
    export = dashboard.export_dialog
    assert isinstance(export, ExportDialog)
    qtbot.waitExposed(export)
    for kind in ExportKind:
        export.choose_kind(kind)
        for range_or_month in (0, 1):
            export.picker.kind.setCurrentIndex(range_or_month)
            clashes[f"export {kind.value} {range_or_month}"] = mnemonic_clashes(export)
    export.close()

    window.workspace.show_page(Page.TEAM_SUPERVISION)
    supervision = window.workspace.page(Page.TEAM_SUPERVISION)
    assert isinstance(supervision, SupervisionPage)
    qtbot.waitUntil(lambda: supervision.roster.rowCount() > 0)
    names = [supervision.roster.texts(row)[0] for row in range(supervision.roster.rowCount())]
    supervision.roster.selectRow(names.index(SAM.name))
    record = supervision.open_record_dialog()
    assert record is not None
    qtbot.waitExposed(record)
    clashes["record a supervision session"] = mnemonic_clashes(record)
    record.reject()

    assert {where: found for where, found in clashes.items() if found} == {}
