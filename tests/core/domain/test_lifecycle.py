from __future__ import annotations

import itertools

import pytest

from rhi_desktop.domain.entities import InterviewState as S
from rhi_desktop.domain.lifecycle import (
    TRANSITIONS,
    IllegalTransition,
    can_transition,
    check_transition,
)

LEGAL = {
    (S.ASSIGNED, S.OFFERED),
    (S.OFFERED, S.IN_PROGRESS),
    (S.OFFERED, S.DECLINED),
    (S.DECLINED, S.OFFERED),
    (S.IN_PROGRESS, S.COMPLETED),
    (S.COMPLETED, S.SUBMITTED),
    (S.SUBMITTED, S.APPROVED),
    (S.SUBMITTED, S.RETURNED),
    (S.RETURNED, S.IN_PROGRESS),
}


def test_table_covers_every_state() -> None:
    assert set(TRANSITIONS) == set(S)


@pytest.mark.parametrize(("current", "target"), list(itertools.product(S, S)))
def test_only_the_designed_transitions_are_legal(current: S, target: S) -> None:
    legal = (current, target) in LEGAL
    assert can_transition(current, target) is legal
    if legal:
        assert check_transition(current, target) is target
    else:
        with pytest.raises(IllegalTransition) as caught:
            check_transition(current, target)
        assert current.value in str(caught.value)
        assert target.value in str(caught.value)


def test_a_declined_offer_can_be_made_again_until_accepted() -> None:
    state = S.ASSIGNED
    for target in (S.OFFERED, S.DECLINED, S.OFFERED, S.IN_PROGRESS, S.COMPLETED):
        state = check_transition(state, target)
    assert state is S.COMPLETED


def test_approved_is_final() -> None:
    assert not TRANSITIONS[S.APPROVED]
