"""Plausible, fictional answers to a form, for demo profiles and benchmarks.

Answers are entered through a real `FormSession`, so they respect the form's skip logic
and types exactly as an interviewer's would; the stored record is what the session keeps.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from rhi_desktop.forms import Form, FormSession, QuestionType

SENTENCES = (
    "Said they stayed with an older friend and felt safe at first.",
    "Travelled by bus into the town centre in the evening.",
    "Did not want to talk about who they were with, and that was respected.",
    "Wants more time with their key worker after school.",
    "Was given a phone by someone they met in the park.",
    "Felt things at home had been tense for a few weeks.",
    "Knows how to contact the Missing People helpline now.",
    "Spent the night at a house they did not know the address of.",
    "Was worried about getting into trouble at school.",
    "Would like help to talk to their carer about curfew.",
)
POSTCODES = ("ZZ99 3AA", "ZZ99 3AB", "ZZ99 3AC", "ZZ99 3AD")

AnswerMaker = Callable[[random.Random], dict[str, Any]]


def _raw(kind: QuestionType, info: Any, rng: random.Random, now: datetime) -> object | None:
    choices = info.choices or ()
    question = info.question
    if kind is QuestionType.TEXT:
        return rng.choice(SENTENCES)[: rng.randint(12, 40)].strip()
    if kind is QuestionType.LONG_TEXT:
        return " ".join(rng.sample(SENTENCES, rng.randint(2, 4)))
    if kind is QuestionType.INTEGER:
        return rng.randint(0, 4)
    if kind is QuestionType.DECIMAL:
        return round(rng.uniform(0.5, 12.0), 1)
    if kind is QuestionType.DATE:
        return (now - timedelta(days=rng.randint(0, 3))).date().isoformat()
    if kind is QuestionType.DATETIME:
        return (now - timedelta(hours=rng.randint(1, 60))).isoformat()
    if kind is QuestionType.TIME:
        return f"{rng.randint(8, 17):02d}:{rng.choice((0, 15, 30, 45)):02d}"
    if kind in (QuestionType.YES_NO, QuestionType.SINGLE_CHOICE):
        return rng.choice(choices) if choices else None
    if kind is QuestionType.MULTIPLE_CHOICE:
        return list(rng.sample(choices, min(len(choices), rng.randint(1, 3)))) if choices else None
    if kind is QuestionType.SCALE and question.scale is not None:
        return rng.randint(question.scale.min, question.scale.max)
    if kind is QuestionType.LOCATION:
        return {"description": rng.choice(SENTENCES)[:30], "postcode": rng.choice(POSTCODES)}
    return None


def fill(form: Form, rng: random.Random, now: datetime | None = None) -> dict[str, Any]:
    """One complete-looking record: every relevant question answered, 1-3 rows per repeat."""
    now = now or datetime.now(UTC)
    session = FormSession(form, clock=lambda: now)
    for info in form.fields.values():
        kind = info.question.type
        if info.repeat_id is not None or not info.answerable:
            continue
        if kind is QuestionType.REPEAT:
            for row in range(rng.randint(1, 3)):
                session.add_row(info.id)
                for child_id in form.repeat_children(info.id):
                    child = form.field(child_id)
                    if child.answerable and child.question.type is not QuestionType.REPEAT:
                        value = _raw(child.question.type, child, rng, now)
                        if value is not None:
                            session.set_answer(child_id, value, row=row)
            continue
        value = _raw(kind, info, rng, now)
        if value is not None:
            session.set_answer(info.id, value)
    return session.record()


def answer_maker(form: Form, variety: int = 40, seed: int = 72) -> AnswerMaker:
    """A cheap maker that picks among `variety` records filled once through the session."""
    rng = random.Random(seed)  # noqa: S311 - reproducible fiction, not secrets
    records = [fill(form, rng) for _ in range(variety)]

    def make(pick: random.Random) -> dict[str, Any]:
        return dict(pick.choice(records))

    return make
