"""Who is due supervision: 28 days from the last session, in London dates."""

from __future__ import annotations

from datetime import UTC, date, datetime

from rhi_desktop.domain.deadlines import london_date
from rhi_desktop.domain.entities import SupervisionSession, new_id
from rhi_desktop.store import Store
from rhi_desktop.supervision import (
    SuperviseeStatus,
    supervisee_status,
    team_status,
)
from tests.core.supervision.conftest import COORDINATOR, KIM, MANAGER, SAM


def _session(
    supervisee: str, held_on: date, supervisor: str = COORDINATOR.user_id
) -> SupervisionSession:
    return SupervisionSession(
        id=new_id(), supervisor_id=supervisor, supervisee_id=supervisee, held_on=held_on
    )


def test_a_session_is_due_on_the_28th_day_and_overdue_from_the_29th() -> None:
    held = _session(SAM.user_id, date(2026, 1, 13))

    on_the_day = supervisee_status(SAM, [held], date(2026, 2, 10))
    a_day_later = supervisee_status(SAM, [held], date(2026, 2, 11))
    a_week_before = supervisee_status(SAM, [held], date(2026, 2, 3))

    assert on_the_day.next_due == date(2026, 2, 10)
    assert (on_the_day.overdue, on_the_day.days_overdue, on_the_day.days_until_due) == (
        False, 0, 0,
    )  # fmt: skip
    assert (a_day_later.overdue, a_day_later.days_overdue) == (True, 1)
    assert (a_week_before.overdue, a_week_before.days_until_due) == (False, 7)


def test_the_latest_session_sets_the_due_date_whatever_order_they_come_in() -> None:
    sessions = [
        _session(SAM.user_id, date(2026, 1, 20)),
        _session(SAM.user_id, date(2025, 12, 1)),
        _session(KIM.user_id, date(2026, 2, 1)),  # someone else's
    ]

    status = supervisee_status(SAM, sessions, date(2026, 2, 20))

    assert status.last_session is sessions[0]
    assert status.next_due == date(2026, 2, 17) and status.days_overdue == 3


def test_someone_never_supervised_is_overdue_with_no_due_date() -> None:
    status = supervisee_status(KIM, [], date(2026, 2, 10))

    assert status.never_supervised and status.overdue
    assert status.next_due is None and status.days_overdue is None


def test_today_is_the_london_date_across_midnight_and_the_clock_change() -> None:
    # 23:30 UTC on 30 June is 00:30 on 1 July in London (BST); in January it is the same day.
    assert london_date(datetime(2025, 6, 30, 23, 30, tzinfo=UTC)) == date(2025, 7, 1)
    assert london_date(datetime(2025, 1, 31, 23, 30, tzinfo=UTC)) == date(2025, 1, 31)
    held = _session(SAM.user_id, date(2025, 6, 3))

    just_due = supervisee_status(
        SAM, [held], london_date(datetime(2025, 6, 30, 22, 59, tzinfo=UTC))
    )
    london_midnight = supervisee_status(
        SAM, [held], london_date(datetime(2025, 6, 30, 23, 0, tzinfo=UTC))
    )

    assert just_due.next_due == date(2025, 7, 1) and not just_due.overdue
    assert just_due.days_until_due == 1  # still 30 June in London
    assert not london_midnight.overdue and london_midnight.days_until_due == 0  # 1 July
    later = supervisee_status(SAM, [held], london_date(datetime(2025, 7, 1, 23, 0, tzinfo=UTC)))
    assert later.overdue and later.days_overdue == 1


def _names(statuses: list[SuperviseeStatus]) -> list[str]:
    return [s.member.name for s in statuses]


def test_a_coordinator_sees_every_interviewer_on_the_roster_most_urgent_first(
    store: Store,
) -> None:
    with store.transaction(COORDINATOR.user_id) as tx:
        tx.supervision_sessions.add(_session(SAM.user_id, date(2026, 1, 2)))

    coordinator_view = team_status(store, "coordinator", date(2026, 2, 10))
    manager_view = team_status(store, "service_manager", date(2026, 2, 10))

    assert _names(coordinator_view) == [KIM.name, SAM.name]  # never supervised first
    assert coordinator_view[1].days_overdue == 11
    assert _names(manager_view) == [COORDINATOR.name]
    assert team_status(store, "interviewer", date(2026, 2, 10)) == []
    assert MANAGER.name not in _names(coordinator_view)
