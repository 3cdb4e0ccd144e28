"""Which pages a person sees, from the role the central service enrolled them with.

The service decides what data reaches the device (an interviewer's device never
receives another interviewer's cases); this decides which screens are offered over it.
A device not enrolled yet is an interviewer working locally. A role this version of the
app does not know shows nothing personal, as an administrator's does. Qt-free: the
window asks `pages_for(store.sync_state.enrolment())` and builds only those pages.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from rhi_desktop.store import Enrolment
from sync.protocol import Role


class Page(StrEnum):
    """The main window's pages, by key."""

    CASELOAD = "caseload"  # the interviewer's own assignments and interviews
    MY_SUPERVISION = "my_supervision"  # supervision sessions held with this person
    REVIEW_QUEUE = "review_queue"  # the team's submitted interviews
    TEAM_SUPERVISION = "team_supervision"  # sessions this coordinator holds with the team
    SUPERVISION_QUALITY = "supervision_quality"  # a service manager rates sessions
    REPORTS = "reports"  # KPIs, verification and exports
    PANEL = "panel"  # the high-risk panel list
    THEMES = "themes"  # theme analysis across interviews


PAGES: Mapping[Role, tuple[Page, ...]] = {
    Role.INTERVIEWER: (Page.CASELOAD, Page.MY_SUPERVISION),
    # A coordinator's own supervision is the "My supervision" tab of TEAM_SUPERVISION.
    Role.COORDINATOR: (
        Page.REVIEW_QUEUE,
        Page.TEAM_SUPERVISION,
        Page.REPORTS,
        Page.PANEL,
        Page.THEMES,
    ),
    # A manager rates the team's supervision and holds the coordinators' own.
    Role.SERVICE_MANAGER: (Page.SUPERVISION_QUALITY, Page.TEAM_SUPERVISION, Page.REPORTS),
    Role.ADMINISTRATOR: (),
}


def role_of(enrolment: Enrolment | None) -> Role | None:
    """The enrolled role; an interviewer when not enrolled; None for an unknown role."""
    if enrolment is None:
        return Role.INTERVIEWER
    try:
        return Role(enrolment.role)
    except ValueError:
        return None


def pages_for(enrolment: Enrolment | None) -> tuple[Page, ...]:
    """The pages to offer, in sidebar order (the first is the one to open on)."""
    role = role_of(enrolment)
    return PAGES[role] if role is not None else ()


def may_see(enrolment: Enrolment | None, page: Page) -> bool:
    return page in pages_for(enrolment)
