"""The caseload's views (the sidebar) and how each maps to interview states.

Each view is one call to the store's list query, which returns rows soonest deadline
first. Labels go through Qt's translation so the sidebar and the state column read in
the app's language.
"""

from __future__ import annotations

from enum import Enum
from functools import cache

from PySide6.QtCore import QCoreApplication

from rhi_desktop.domain.entities import InterviewState
from rhi_desktop.store import CaseloadRow, Store
from rhi_desktop.store.interviews import OPEN_STATES

translate = QCoreApplication.translate

S = InterviewState


class CaseloadView(Enum):
    DUE = "due"
    IN_PROGRESS = "in_progress"
    READY_TO_SEND = "ready_to_send"
    RETURNED = "returned"
    SENT = "sent"
    APPROVED = "approved"
    ALL = "all"

    @property
    def states(self) -> tuple[InterviewState, ...]:
        return _STATES[self]

    @property
    def icon_name(self) -> str:
        return f"view-{self.value.replace('_', '-')}"

    def label(self) -> str:
        return _view_labels()[self]


_STATES: dict[CaseloadView, tuple[InterviewState, ...]] = {
    CaseloadView.DUE: OPEN_STATES,
    CaseloadView.IN_PROGRESS: (S.IN_PROGRESS,),
    CaseloadView.READY_TO_SEND: (S.COMPLETED,),
    CaseloadView.RETURNED: (S.RETURNED,),
    CaseloadView.SENT: (S.SUBMITTED,),
    CaseloadView.APPROVED: (S.APPROVED,),
    CaseloadView.ALL: tuple(S),
}


def rows_for(store: Store, view: CaseloadView) -> list[CaseloadRow]:
    return store.interviews.list_by_state(*view.states)


def counts_for(store: Store) -> dict[CaseloadView, int]:
    by_state = store.interviews.count_by_state()
    return {view: sum(by_state[state] for state in view.states) for view in CaseloadView}


@cache
def _view_labels() -> dict[CaseloadView, str]:
    return {
        CaseloadView.DUE: translate("CaseloadView", "Due"),
        CaseloadView.IN_PROGRESS: translate("CaseloadView", "In progress"),
        CaseloadView.READY_TO_SEND: translate("CaseloadView", "Ready to send"),
        CaseloadView.RETURNED: translate("CaseloadView", "Returned for amendment"),
        CaseloadView.SENT: translate("CaseloadView", "Sent"),
        CaseloadView.APPROVED: translate("CaseloadView", "Approved"),
        CaseloadView.ALL: translate("CaseloadView", "All interviews"),
    }


@cache
def _state_labels() -> dict[InterviewState, str]:
    return {
        S.ASSIGNED: translate("InterviewState", "Assigned"),
        S.OFFERED: translate("InterviewState", "Offered"),
        S.DECLINED: translate("InterviewState", "Declined"),
        S.IN_PROGRESS: translate("InterviewState", "In progress"),
        S.COMPLETED: translate("InterviewState", "Signed off, ready to send"),
        S.SUBMITTED: translate("InterviewState", "Sent for review"),
        S.RETURNED: translate("InterviewState", "Returned for amendment"),
        S.APPROVED: translate("InterviewState", "Approved"),
    }


def state_label(state: InterviewState, unsent: bool = False) -> str:
    """`unsent`: a change to the interview has not reached the central service yet, so
    one moved to submitted here is not with a coordinator until the next sync."""
    if state is S.SUBMITTED and unsent:
        return translate("InterviewState", "Not yet sent for review")
    return _state_labels()[state]
