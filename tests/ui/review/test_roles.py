"""What each enrolled role is offered; an interviewer is never offered the team's work."""

from __future__ import annotations

from datetime import UTC, datetime

from rhi_desktop.store import Enrolment
from sync.protocol import Role
from ui.roles import Page, may_see, pages_for, role_of


def _enrolled(role: str) -> Enrolment:
    return Enrolment(
        server_url="https://central.example",
        device_id="device-1",
        user_id="user-1",
        role=role,
        team="North team",
        enrolled_at=datetime(2025, 3, 10, tzinfo=UTC),
    )


def test_an_interviewer_sees_their_caseload_and_their_supervision_only() -> None:
    pages = pages_for(_enrolled(Role.INTERVIEWER.value))

    assert pages == (Page.CASELOAD, Page.MY_SUPERVISION)
    assert not may_see(_enrolled("interviewer"), Page.REVIEW_QUEUE)
    assert not {Page.TEAM_SUPERVISION, Page.REPORTS, Page.PANEL, Page.THEMES} & set(pages)


def test_a_device_not_enrolled_yet_is_an_interviewer_working_locally() -> None:
    assert role_of(None) is Role.INTERVIEWER
    assert pages_for(None) == (Page.CASELOAD, Page.MY_SUPERVISION)


def test_a_coordinator_opens_on_the_review_queue_and_sees_the_team_pages() -> None:
    pages = pages_for(_enrolled("coordinator"))

    assert pages[0] is Page.REVIEW_QUEUE
    assert set(pages) == {
        Page.REVIEW_QUEUE,
        Page.TEAM_SUPERVISION,
        Page.REPORTS,
        Page.PANEL,
        Page.THEMES,
    }
    # Their own supervision is a tab of the supervision page, not a second page of it.
    assert Page.CASELOAD not in pages and Page.MY_SUPERVISION not in pages


def test_a_service_manager_rates_supervision_supervises_coordinators_and_reads_reports() -> None:
    assert pages_for(_enrolled("service_manager")) == (
        Page.SUPERVISION_QUALITY,
        Page.TEAM_SUPERVISION,
        Page.REPORTS,
    )


def test_an_administrator_and_an_unknown_role_see_nothing_personal() -> None:
    assert pages_for(_enrolled("administrator")) == ()
    assert role_of(_enrolled("auditor")) is None
    assert pages_for(_enrolled("auditor")) == ()
