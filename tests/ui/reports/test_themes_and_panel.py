"""Themes and the weekly panel list on the report profile: counts, recurring places and
associates flagged in words, and each child on the panel with every reason."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rhi_desktop.domain.entities import InterviewState
from rhi_desktop.store import CaseloadRow
from tests.core.reports.casebook import Casebook, utc
from tests.ui.conftest import FakeClock
from tests.ui.driving import screenshot
from tests.ui.translators import translated
from ui.profile_holder import ProfileHolder
from ui.reports.panel_page import PanelPage
from ui.reports.panel_rules_source import panel_rules
from ui.reports.themes_page import ThemesPage


def test_themes_count_factors_and_flag_places_and_associates_that_recur(
    qtbot: QtBot,
    holder: ProfileHolder,
    report_clock: FakeClock,
    artifacts_dir: Path,
    qtmodeltester: object,
) -> None:
    page = ThemesPage(holder, report_clock)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.picker.show_range(date(2026, 2, 1), date(2026, 2, 9))
    covered = [row.cells[1] for row in page.model.rows if row.cells[0] in ("Place", "Associate")]
    assert covered and set(covered) == {"Hidden: tick Show names and places to read it."}
    page.show_names.setChecked(True)  # names and places are answers the form marks sensitive
    rows = {(row.cells[0], row.cells[1]): row.cells[2:] for row in page.model.rows}
    bullying = next(cells for (group, _), cells in rows.items() if group == "Push factor")
    assert bullying[:2] == ("2", "2")  # both children
    assert any(group == "Risk indicator" for group, _ in rows)
    assert rows[("Place", "bus station")] == ("2", "2", "Recurs: 2 children")
    assert rows[("Associate", "kim")] == ("2", "2", "Recurs: 2 children")
    assert "2 signed-off interviews analysed" in page.summary.text()
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]
    screenshot(page, "reports-03-themes", artifacts_dir)
    page.clear()
    assert page.model.rowCount() == 0 and page.summary.text() == ""
    assert not page.show_names.isChecked()  # as the app locks: covered again after


def test_a_period_with_no_themes_says_why(
    qtbot: QtBot, holder: ProfileHolder, report_clock: FakeClock
) -> None:
    page = ThemesPage(holder, report_clock)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.picker.show_range(date(2025, 6, 1), date(2025, 6, 2))
    assert page.model.rowCount() == 0
    assert page.summary.text() == (
        "0 signed-off interviews analysed. Recurring across different children: places 0, "
        "associates 0. Choose a longer period to see themes."
    )

    book = Casebook(holder.store)
    child = book.child()
    episode = book.episode(child, utc(2025, 7, 3, 8), utc(2025, 7, 3, 20))
    book.interview(child, [episode], state=InterviewState.COMPLETED, answers={})
    page.picker.show_range(date(2025, 7, 1), date(2025, 7, 9))
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.show_button.click()
    assert page.model.rowCount() == 0
    assert page.summary.text().startswith("1 signed-off interview analysed.")
    assert page.summary.text().endswith(
        "None of them records a push or pull factor, a risk indicator, a place or an associate."
    )


def test_interviews_on_a_form_version_not_here_are_counted_as_unread(
    qtbot: QtBot, holder: ProfileHolder, report_clock: FakeClock
) -> None:
    book = Casebook(holder.store)
    child = book.child()
    episode = book.episode(child, utc(2026, 2, 3, 8), utc(2026, 2, 3, 20))
    book.interview(child, [episode], state=InterviewState.COMPLETED, answers={}, form=("rhi", 99))
    page = ThemesPage(holder, report_clock)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.picker.show_range(date(2026, 2, 1), date(2026, 2, 9))
    assert page.summary.text().endswith(
        " 1 interview could not be read: its form version is not on this computer."
    )


def test_the_panel_lists_each_child_with_every_reason(
    qtbot: QtBot, holder: ProfileHolder, report_clock: FakeClock, artifacts_dir: Path
) -> None:
    page = PanelPage(holder, report_clock)
    qtbot.addWidget(page)
    page.resize(1000, 500)
    page.show()
    assert page.week.currentText() == "Week beginning 09/02/2026"
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.reload()
    why = {row.cells[0]: row.cells[2] for row in page.model.rows}
    assert set(why) == {"A", "P", "Q"}
    assert why["P"] == (
        "3 or more episodes in 90 days (3 episodes); "
        "Sexual or criminal exploitation indicator (Child sexual exploitation; 1 interview)"
    )
    assert why["Q"] == "Immediate safeguarding concern (1 interview)"
    assert why["A"] == "UASC placed out of area (the child's details)"
    assert page.model.rows[0].cells[:2] == ("P", "2")  # most reasons first
    assert "by the built-in rules" in page.summary.text()
    screenshot(page, "reports-04-panel", artifacts_dir)
    # The week before: P's and Q's February episodes had not happened yet.
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.week.setCurrentIndex(2)  # week beginning 26/01/2026
    assert {row.cells[0] for row in page.model.rows} == {"A"}
    page.clear()
    assert page.model.rowCount() == 0


def test_a_rules_file_that_cannot_be_used_names_it_and_leaves_the_detail_for_it(
    qtbot: QtBot, holder: ProfileHolder, report_clock: FakeClock, tmp_path: Path
) -> None:
    broken = tmp_path / "panel_rules.toml"
    broken.write_text("[[rules]\nid = ", encoding="utf-8")
    page = PanelPage(holder, report_clock, rules=lambda: panel_rules(broken))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.reload()
    said, detail = page.summary.text().split("\n")
    assert said == (
        "The panel rules in panel_rules.toml cannot be used, so no panel list was made. "
        "Ask IT to correct the file."
    )
    assert detail.startswith("Details for IT: not valid TOML")
    assert page.model.rowCount() == 0


def _purge_oldest(holder: ProfileHolder) -> CaseloadRow:
    """The interview whose child returned first, purged as the retention rule would."""
    store = holder.store
    oldest = min(store.interviews.list_by_state(*InterviewState), key=lambda r: r.returned_at)
    with store.transaction("retention") as tx:
        tx.retention.purge_interview(oldest.interview_id)
    return oldest


def test_the_panel_says_which_rules_may_miss_children_after_the_retention_purge(
    qtbot: QtBot, holder: ProfileHolder, report_clock: FakeClock
) -> None:
    oldest = _purge_oldest(holder)
    page = PanelPage(holder, report_clock)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.reload()
    assert page.summary.text().endswith(
        f"Records up to {oldest.returned_at.strftime('%d/%m/%Y')} have been removed from this "
        "computer under the retention policy, so these rules may miss children: 3 or more "
        "episodes in 90 days, Sexual or criminal exploitation indicator, Immediate "
        "safeguarding concern, UASC placed out of area."
    )


def test_themes_of_a_period_the_retention_purge_reached_say_they_may_be_short(
    qtbot: QtBot, holder: ProfileHolder, report_clock: FakeClock
) -> None:
    oldest = _purge_oldest(holder)
    page = ThemesPage(holder, report_clock)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.picker.show_range(date(2026, 2, 1), date(2026, 2, 9))  # after the purged one
    assert "removed" not in page.summary.text()
    page.picker.show_range(date(2026, 1, 1), date(2026, 2, 9))
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.reload()
    assert (
        f"Approved interviews whose child returned up to {oldest.returned_at:%d/%m/%Y} have "
        "been removed from this computer under the retention policy, so these themes may be "
        "lower than there were."
    ) in page.summary.text()


def test_the_built_in_rules_are_in_the_persons_language_and_its_own_as_it_wrote_them(
    qtbot: QtBot, qapp: QApplication, holder: ProfileHolder, report_clock: FakeClock,
    tmp_path: Path,
) -> None:  # fmt: skip
    welsh = {
        "UASC placed out of area": "Plentyn ar ei ben ei hun wedi'i leoli y tu allan i'r ardal"
    }
    with translated(tmp_path, {"PanelPage": welsh}):
        built_in = PanelPage(holder, report_clock)
        qtbot.addWidget(built_in)
        with qtbot.waitSignal(built_in.refreshed, timeout=10_000):
            built_in.reload()
        why = {row.cells[0]: row.cells[2] for row in built_in.model.rows}
        assert why["A"].startswith("Plentyn ar ei ben ei hun wedi'i leoli y tu allan i'r ardal")

        own = tmp_path / "panel_rules.toml"
        own.write_text(
            '[[rules]]\nid = "uasc_out_of_area"\nlabel = "UASC placed out of area"\n'
            'kind = "child"\nuasc = true\nplacement_area = "out_of_area"\n',
            encoding="utf-8",
        )
        theirs = PanelPage(holder, report_clock, rules=lambda: panel_rules(own))
        qtbot.addWidget(theirs)
        with qtbot.waitSignal(theirs.refreshed, timeout=10_000):
            theirs.reload()
        why = {row.cells[0]: row.cells[2] for row in theirs.model.rows}
        assert why["A"].startswith("UASC placed out of area")
