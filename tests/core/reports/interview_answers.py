"""Interview answers entered through a real form session on the bundled RHI form, so the
stored record has exactly the shape an interviewer's would."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import cache
from typing import Any

from rhi_desktop.forms import Form, FormSession, load_bundled_form
from tests.core.reports.casebook import utc


@cache
def rhi_form() -> Form:
    return load_bundled_form("rhi-v1.json")


def answers(
    *,
    push: Sequence[str] = (),
    pull: Sequence[str] = (),
    risks: Sequence[str] = (),
    immediate_concern: str | None = None,
    places: Sequence[tuple[str, str, str | None]] = (),
    people: Sequence[str] = (),
    now: datetime | None = None,
) -> dict[str, Any]:
    """`places` rows are (what the child called it, location description, postcode)."""
    moment = now or utc(2026, 2, 1)
    session = FormSession(rhi_form(), clock=lambda: moment)
    session.set_answer("offer_outcome", "accepted")  # the interview took place
    if push:
        session.set_answer("push_factors", list(push))
    if pull:
        session.set_answer("pull_factors", list(pull))
    if risks:
        session.set_answer("risk_indicators", list(risks))
    if immediate_concern is not None:
        session.set_answer("immediate_concern", immediate_concern)
    for row, (name, where, postcode) in enumerate(places):
        session.add_row("places")
        if name:
            session.set_answer("place_description", name, row=row)
        if where or postcode:
            session.set_answer(
                "place_location", {"description": where, "postcode": postcode}, row=row
            )
    for row, person in enumerate(people):
        session.add_row("people")
        session.set_answer("person_name", person, row=row)
    return session.record()
