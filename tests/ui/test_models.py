"""The caseload's Qt models: adapters over the store's rows that pass both model testers
through every change, hide names until asked, count down live and mark breaches in words."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QIcon
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from rhi_desktop.demo import generate
from rhi_desktop.domain.entities import InterviewState
from rhi_desktop.store import CaseloadRow, Store
from tests.ui.conftest import START
from ui.caseload_model import ID_ROLE, MASK, CaseloadModel, Column
from ui.caseload_proxy import CaseloadFilterProxy
from ui.caseload_views import CaseloadView, counts_for, rows_for
from ui.sidebar_model import ViewListModel

S = InterviewState
DISPLAY = Qt.ItemDataRole.DisplayRole


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = Store.create(tmp_path / "models.db", os.urandom(32))
    cases = list(generate(40, interviewer_id="me", now=START))
    with store.transaction("me") as tx:
        tx.children.add_many([c.child for c in cases])
        tx.episodes.add_many([e for c in cases for e in c.episodes])
        tx.interviews.add_many([i for c in cases for i in c.interviews])
    yield store
    store.close()


def _testers(qtmodeltester: ModelTester, *models: QAbstractItemModel) -> list[object]:
    """Both the Python tester (raises) and Qt's C++ tester (warns) on every model."""
    kept: list[object] = []
    for n, model in enumerate(models):
        tester = qtmodeltester if n == 0 else ModelTester(None)  # type: ignore[no-untyped-call]
        tester.check(model, force_py=True)  # type: ignore[no-untyped-call]
        kept.append(tester)
        kept.append(
            QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
        )
    return kept


def _column(model: object, column: Column) -> list[str]:
    return [
        str(model.index(r, column).data(DISPLAY))  # type: ignore[attr-defined]
        for r in range(model.rowCount())  # type: ignore[attr-defined]
    ]


def test_caseload_model_proxy_and_sidebar_pass_the_model_testers_through_every_change(
    qtbot: QtBot, qtmodeltester: ModelTester, qtlog: object, store: Store
) -> None:
    model = CaseloadModel(START)
    proxy = CaseloadFilterProxy(model)
    views = ViewListModel()
    kept = _testers(qtmodeltester, model, proxy, views)

    model.set_rows(rows_for(store, CaseloadView.ALL))
    views.set_counts(counts_for(store))
    assert model.rowCount() == 40 and proxy.rowCount() == 40
    model.set_now(START + timedelta(hours=30))
    model.set_names_revealed(True)
    for column in Column:
        proxy.sort(column, Qt.SortOrder.AscendingOrder)
        proxy.sort(column, Qt.SortOrder.DescendingOrder)
    for text in ("demo", "demo-000", "demo-0001", "demo-000", "assigned", "", "zzz", ""):
        proxy.set_search_text(text)
    model.set_names_revealed(False)
    model.set_rows(rows_for(store, CaseloadView.DUE))
    proxy.set_search_text("demo-00")
    model.set_rows(rows_for(store, CaseloadView.APPROVED))
    model.clear()
    views.clear_counts()
    assert proxy.rowCount() == 0
    failures = [r.message for r in qtlog.records if "FAIL" in r.message]  # type: ignore[attr-defined]
    assert failures == [] and len(kept) == 6


def test_sidebar_counts_match_the_store_and_each_view_lists_its_states(store: Store) -> None:
    counts = counts_for(store)
    by_state = store.interviews.count_by_state()
    assert counts[CaseloadView.ALL] == 40
    assert counts[CaseloadView.DUE] == sum(
        by_state[s] for s in (S.ASSIGNED, S.OFFERED, S.DECLINED, S.IN_PROGRESS)
    )
    assert counts[CaseloadView.SENT] == by_state[S.SUBMITTED]
    views = ViewListModel()
    views.set_counts(counts)
    row = views.row_of(CaseloadView.READY_TO_SEND)
    assert views.index(row).data(DISPLAY) == f"Ready to send  ({by_state[S.COMPLETED]})"
    for view in CaseloadView:
        assert {r.state for r in rows_for(store, view)} <= set(view.states)
    due = rows_for(store, CaseloadView.DUE)
    assert [r.due_by for r in due] == sorted(r.due_by for r in due)


def test_a_screen_reader_hears_each_view_with_its_count_in_words() -> None:
    views = ViewListModel()
    views.set_counts({CaseloadView.RETURNED: 1, CaseloadView.SENT: 4})
    spoken = Qt.ItemDataRole.AccessibleTextRole
    assert views.index(views.row_of(CaseloadView.RETURNED)).data(spoken) == (
        f"{CaseloadView.RETURNED.label()}, 1 interview"
    )
    assert views.index(views.row_of(CaseloadView.SENT)).data(spoken) == (
        f"{CaseloadView.SENT.label()}, 4 interviews"
    )


def test_names_stay_hidden_unsearchable_and_unsorted_until_revealed(store: Store) -> None:
    model = CaseloadModel(START)
    proxy = CaseloadFilterProxy(model)
    model.set_rows(rows_for(store, CaseloadView.ALL))
    names = [model.row_at(r).child_name for r in range(model.rowCount())]
    some_name = next(n for n in names if n.startswith(("Siân", "Łukasz", "Zoë")))
    first = some_name.split()[0]

    assert set(_column(model, Column.CHILD)) == {MASK}
    assert model.index(0, Column.CHILD).data(Qt.ItemDataRole.AccessibleTextRole) == "Name hidden"
    assert model.headerData(Column.CHILD, Qt.Orientation.Horizontal) == "Child (hidden)"
    proxy.set_search_text(first)
    assert proxy.rowCount() == 0  # a hidden name cannot be found by typing it
    proxy.set_search_text("")
    proxy.sort(Column.CHILD, Qt.SortOrder.AscendingOrder)
    assert _column(proxy, Column.CASE_REFERENCE) == sorted(_column(proxy, Column.CASE_REFERENCE))

    model.set_names_revealed(True)
    proxy.set_search_text(first.upper())
    assert proxy.rowCount() == sum(1 for n in names if first.casefold() in n.casefold())
    assert some_name in _column(proxy, Column.CHILD)
    proxy.set_search_text("")
    proxy.sort(Column.CHILD, Qt.SortOrder.AscendingOrder)
    shown = _column(proxy, Column.CHILD)
    assert shown == sorted(shown, key=str.casefold)


def test_a_name_is_found_however_its_accents_were_stored_or_typed(store: Store) -> None:
    """A name from a case system may hold an accent as a separate mark (NFD), which looks
    the same as the letter with its accent typed on a UK keyboard, but did not match."""
    rows = rows_for(store, CaseloadView.ALL)
    rows[0] = replace(rows[0], child_name="Zoe\u0308 Quist", case_reference="NFD-1")
    rows[1] = replace(rows[1], child_name="Zo\u00eb Quist", case_reference="NFC-1")
    rows[2] = replace(rows[2], child_name="Ｚｏｅ Ｑｕｉｓｔ", case_reference="WIDE-1")
    # A soft hyphen and a direction mark, pasted with the name: nothing to see.
    rows[3] = replace(rows[3], child_name="Zo\u00ebb Qu\u00adist\u200e", case_reference="SHY-1")
    model = CaseloadModel(START)
    proxy = CaseloadFilterProxy(model)
    model.set_rows(rows)
    model.set_names_revealed(True)
    for typed in ("zo\u00eb q", "ZOE\u0308 QUIST", "Zo\u00eb\u200b Quist"):
        proxy.set_search_text(typed)
        assert sorted(_column(proxy, Column.CASE_REFERENCE)) == ["NFC-1", "NFD-1"], typed
    proxy.set_search_text("zoe quist")
    assert _column(proxy, Column.CASE_REFERENCE) == ["WIDE-1"]
    proxy.set_search_text("zo\u00ebb quist")
    assert _column(proxy, Column.CASE_REFERENCE) == ["SHY-1"]


def test_the_countdown_follows_the_clock_and_a_breach_is_marked_in_words_and_an_icon(
    store: Store,
) -> None:
    model = CaseloadModel(START)
    model.set_rows(rows_for(store, CaseloadView.ALL))
    row = next(r for r in range(model.rowCount()) if model.row_at(r).state is S.ASSIGNED)
    item: CaseloadRow = model.row_at(row)

    def cell(column: Column, role: Qt.ItemDataRole = DISPLAY) -> object:
        return model.index(row, column).data(role)

    model.set_now(item.returned_at + timedelta(hours=10))
    assert cell(Column.TIME_LEFT) == "2d 14h 00m left"
    assert (
        cell(Column.DEADLINE) == "On time"
        and cell(Column.DEADLINE, Qt.ItemDataRole.DecorationRole) is None
    )
    model.set_now(item.returned_at + timedelta(hours=70, minutes=30))
    assert cell(Column.TIME_LEFT) == "1h 30m left"
    assert cell(Column.DEADLINE) == "Due within 24 hours"
    assert cell(Column.DEADLINE, Qt.ItemDataRole.DecorationRole) is not None
    model.set_now(item.returned_at + timedelta(hours=75, minutes=5))
    assert cell(Column.TIME_LEFT) == "3h 05m overdue"
    assert cell(Column.DEADLINE) == "OVERDUE: past 72 hours"
    icon = cell(Column.DEADLINE, Qt.ItemDataRole.DecorationRole)
    font = cell(Column.DEADLINE, Qt.ItemDataRole.FontRole)
    assert isinstance(icon, QIcon) and not icon.isNull()
    assert isinstance(font, QFont) and font.bold()
    # Signed off: the race is over, and whether it was won stays in words.
    signed_off = [r for r in range(model.rowCount()) if model.row_at(r).completed_at]
    late = {r: model.row_at(r).completed_at > model.row_at(r).due_by for r in signed_off}
    assert set(late.values()) == {True, False}  # the demo data has both
    for r, was_late in late.items():
        assert model.index(r, Column.TIME_LEFT).data(DISPLAY) == "—"
        assert model.index(r, Column.DEADLINE).data(DISPLAY) == (
            "Completed after 72 hours" if was_late else "Completed within 72 hours"
        )
        assert model.index(r, Column.DEADLINE).data(Qt.ItemDataRole.FontRole) is None
    # A declined offer ends the race: never shown as a breach, however long ago it was.
    declined = next(r for r in range(model.rowCount()) if model.row_at(r).state is S.DECLINED)
    assert model.row_at(declined).due_by < model.row_at(row).returned_at + timedelta(hours=75)
    assert model.index(declined, Column.TIME_LEFT).data(DISPLAY) == "—"
    assert model.index(declined, Column.DEADLINE).data(DISPLAY) == ""
    assert model.index(declined, Column.DEADLINE).data(Qt.ItemDataRole.FontRole) is None


def test_a_keystroke_that_changes_no_match_does_not_refilter_the_proxy(
    qtbot: QtBot, store: Store
) -> None:
    model = CaseloadModel(START)
    proxy = CaseloadFilterProxy(model)
    model.set_rows(rows_for(store, CaseloadView.ALL))
    changes: list[str] = []
    for signal in (proxy.rowsRemoved, proxy.rowsInserted, proxy.layoutChanged, proxy.modelReset):
        signal.connect(lambda *_: changes.append("changed"))
    # References run DEMO-00001 .. DEMO-00040: each of these keystrokes matches them all.
    for typed in ("D", "DE", "DEM", "DEMO", "DEMO-", "DEMO-0", "DEMO-00", "DEMO-000"):
        proxy.set_search_text(typed)
    assert changes == [] and proxy.rowCount() == 40
    proxy.set_search_text("DEMO-0001")
    assert changes and proxy.rowCount() == 10
    assert all(ref.startswith("DEMO-0001") for ref in _column(proxy, Column.CASE_REFERENCE))
    proxy.set_search_text("DEMO-00012")
    assert _column(proxy, Column.CASE_REFERENCE) == ["DEMO-00012"]
    proxy.set_search_text("DEMO-00")  # widening again
    assert proxy.rowCount() == 40


def test_sorting_reorders_in_the_model_and_keeps_the_selected_interview(store: Store) -> None:
    model = CaseloadModel(START)
    proxy = CaseloadFilterProxy(model)
    model.set_rows(rows_for(store, CaseloadView.ALL))
    marked = QPersistentModelIndex(proxy.index(5, Column.STATE))
    interview_id = marked.data(ID_ROLE)
    proxy.sort(Column.CASE_REFERENCE, Qt.SortOrder.DescendingOrder)
    refs = _column(proxy, Column.CASE_REFERENCE)
    assert refs == sorted(refs, reverse=True)
    assert marked.isValid() and marked.data(ID_ROLE) == interview_id
    assert marked.column() == Column.STATE
    proxy.sort(Column.DUE_BY, Qt.SortOrder.AscendingOrder)
    due = [model.row_at(proxy.mapToSource(proxy.index(r, 0)).row()).due_by for r in range(40)]
    assert due == sorted(due)
    assert marked.data(ID_ROLE) == interview_id


def test_big_changes_rebuild_the_filter_and_small_ones_recheck_only_their_rows(
    qtmodeltester: ModelTester, qtlog: object, tmp_path: Path
) -> None:
    store = Store.create(tmp_path / "big.db", os.urandom(32))
    try:
        cases = list(generate(300, interviewer_id="me", now=START))
        with store.transaction("me") as tx:
            tx.children.add_many([c.child for c in cases])
            tx.episodes.add_many([e for c in cases for e in c.episodes])
            tx.interviews.add_many([i for c in cases for i in c.interviews])
        rows = rows_for(store, CaseloadView.ALL)
    finally:
        store.close()
    model = CaseloadModel(START)
    proxy = CaseloadFilterProxy(model)
    kept = _testers(qtmodeltester, model, proxy)
    model.set_rows(rows)
    resets: list[str] = []
    proxy.layoutChanged.connect(lambda *_: resets.append("rebuilt"))

    def shown() -> set[str]:
        return set(_column(proxy, Column.CASE_REFERENCE))

    every = {r.case_reference for r in rows}
    expected = {"DEMO-00": every, "DEMO-001": {f"DEMO-{n:05d}" for n in range(100, 200)}}
    expected["DEMO-0012"] = {f"DEMO-{n:05d}" for n in range(120, 130)}
    expected["DEMO-00123"] = {"DEMO-00123"}
    steps = [  # (typed, rows shown or hidden: more than RECHECK_AT_MOST rebuilds)
        ("DEMO-00", False),  # 0: every reference still matches
        ("DEMO-001", True),  # 200
        ("DEMO-0012", True),  # 90
        ("DEMO-00123", False),  # 9
        ("DEMO-0012", False),  # 9
        ("DEMO-00", True),  # 290
    ]
    for typed, rebuilt in steps:
        before = len(resets)
        proxy.set_search_text(typed)
        assert shown() == expected[typed], typed
        assert (len(resets) > before) is rebuilt, typed
    proxy.set_search_text("DEMO-0012")
    model.set_now(START + timedelta(hours=5))  # the countdown moves; the search stays
    assert shown() == expected["DEMO-0012"]
    failures = [r.message for r in qtlog.records if "FAIL" in r.message]  # type: ignore[attr-defined]
    assert failures == [] and kept


def test_an_interview_moved_to_submitted_here_says_so_until_the_service_has_it(
    store: Store,
) -> None:
    """The sync moves a signed-off interview to submitted here before sending it; if the
    sending fails, a coordinator does not have it yet, and the caseload must not say it
    was sent."""
    model = CaseloadModel(START)
    model.set_rows(rows_for(store, CaseloadView.SENT))
    assert model.rowCount() > 0
    assert set(_column(model, Column.STATE)) == {"Not yet sent for review"}

    with store.transaction("me") as tx:
        tx.outbox.mark_sent([entry.change_id for entry in store.outbox.pending(limit=10_000)])
    model.set_rows(rows_for(store, CaseloadView.SENT))

    assert set(_column(model, Column.STATE)) == {"Sent for review"}
