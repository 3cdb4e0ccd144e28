"""Realistic interview answers for benchmarks: records of the bundled RHI form."""

from __future__ import annotations

import random
from functools import cache
from typing import Any

from rhi_desktop.demo_answers import AnswerMaker, answer_maker
from rhi_desktop.forms import load_bundled_form


@cache
def _maker() -> AnswerMaker:
    return answer_maker(load_bundled_form("rhi-v1.json"))


def realistic_answers(rng: random.Random) -> dict[str, Any]:
    return _maker()(rng)
