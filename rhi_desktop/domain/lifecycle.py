"""The ReturnInterview lifecycle: one table of legal transitions, nothing else."""

from __future__ import annotations

from rhi_desktop.domain.entities import InterviewState as S


class IllegalTransition(ValueError):
    """Raised for a lifecycle move the service does not allow."""

    def __init__(self, current: S, target: S) -> None:
        allowed = ", ".join(sorted(TRANSITIONS[current])) or "none"
        super().__init__(
            f"An interview that is {current.value} cannot become {target.value} "
            f"(allowed next: {allowed})."
        )
        self.current = current
        self.target = target


TRANSITIONS: dict[S, frozenset[S]] = {
    S.ASSIGNED: frozenset({S.OFFERED}),
    S.OFFERED: frozenset({S.IN_PROGRESS, S.DECLINED}),
    S.DECLINED: frozenset({S.OFFERED}),
    S.IN_PROGRESS: frozenset({S.COMPLETED}),
    S.COMPLETED: frozenset({S.SUBMITTED}),
    S.SUBMITTED: frozenset({S.APPROVED, S.RETURNED}),
    S.RETURNED: frozenset({S.IN_PROGRESS}),
    S.APPROVED: frozenset(),
}

# States in which the interviewer may not edit answers on the device.
READ_ONLY = frozenset({S.COMPLETED, S.SUBMITTED, S.APPROVED})


def can_transition(current: S, target: S) -> bool:
    return target in TRANSITIONS[current]


def check_transition(current: S, target: S) -> S:
    """Return `target` if the move is legal, else raise IllegalTransition."""
    if target not in TRANSITIONS[current]:
        raise IllegalTransition(current, target)
    return target
