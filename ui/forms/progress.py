"""How far a section has got: what the navigator's badge says. Qt-free.

Counted over the questions that are relevant now, rows of repeat groups included:
answers given, questions still needing an answer (a group with fewer rows than it needs
among them: rows are how it is answered), and problems (answers of the wrong shape,
answers a constraint refuses, too many rows).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from rhi_desktop.forms import FieldKey, FormSession, IssueKind


class SectionState(Enum):
    NOT_NEEDED = "not_needed"
    """Earlier answers make this section irrelevant."""
    NOT_STARTED = "not_started"
    """Nothing answered, and nothing required."""
    TO_ANSWER = "to_answer"
    PROBLEMS = "problems"
    COMPLETE = "complete"


@dataclass(frozen=True, slots=True)
class SectionProgress:
    state: SectionState
    answered: int = 0
    to_answer: int = 0
    problems: int = 0


def section_progress(
    session: FormSession, section_id: str, typing: FieldKey | None = None
) -> SectionProgress:
    """`typing`: the question being typed into, whose problem waits until the
    interviewer moves on, as its message does (half a date is no error): meanwhile it
    counts as still to answer if it must be answered, else not at all."""
    if not session.is_relevant(section_id):
        return SectionProgress(SectionState.NOT_NEEDED)
    form = session.form
    answered = to_answer = problems = 0
    for question_id in form.sections[section_id].question_ids:
        info = form.fields[question_id]
        rows = (None,) if info.repeat_id is None else range(session.row_count(info.repeat_id))
        for row in rows:
            if not session.is_relevant(question_id, row):
                continue
            issues = session.issues(question_id, row)
            waiting = bool(issues) and typing == FieldKey(question_id, row)  # half an answer
            if info.answerable and session.entry(question_id, row) is not None and not waiting:
                answered += 1
            for issue in issues:
                if issue.kind is IssueKind.REQUIRED or issue.min_rows is not None:
                    to_answer += 1
                elif typing == FieldKey(question_id, row):
                    to_answer += session.is_required(question_id, row)
                else:
                    problems += 1
    if problems:
        state = SectionState.PROBLEMS
    elif to_answer:
        state = SectionState.TO_ANSWER
    elif answered:
        state = SectionState.COMPLETE
    else:
        state = SectionState.NOT_STARTED
    return SectionProgress(state, answered, to_answer, problems)
