"""A coordinator's review of submitted interviews, Qt-free.

- `queue.review_queue(store)`: the team's submitted interviews, oldest first, with the
  72-hour timings a coordinator checks before opening one.
- `subject.review_subject(...)`: everything the review screen shows for one interview:
  the answers section by section, the offers and timings, and for a resubmitted
  interview what changed since the revision that was returned.
- `returned_by.returning_review(store, interview_id)`: the decision that returned it;
  `returned_by.deciding_review` the one that made any given decision.
- `diff.revision_diff(old, new, form, old_form=...)`: per-question changes, in readable
  words, each revision read with the form version it was made on.
- `decisions.approve` / `decisions.return_for_amendment`: each one store transaction
  (the store audits the review and the lifecycle move, and queues both for sync).
"""

from rhi_desktop.review.answer_text import FieldText, Words
from rhi_desktop.review.decisions import (
    Decision,
    ReviewError,
    ReviewProblem,
    approve,
    decide,
    return_for_amendment,
)
from rhi_desktop.review.diff import ChangeKind, QuestionChange, RowChange, revision_diff
from rhi_desktop.review.queue import QueueRow, review_queue
from rhi_desktop.review.returned_by import deciding_review, returning_review
from rhi_desktop.review.subject import ReviewSubject, review_subject
from rhi_desktop.review.summary import AnswerLine, RowText, SectionSummary, answer_summary
from rhi_desktop.review.timings import OfferLine, Timings, timings_of

__all__ = [
    "AnswerLine",
    "ChangeKind",
    "Decision",
    "FieldText",
    "OfferLine",
    "QuestionChange",
    "QueueRow",
    "ReviewError",
    "ReviewProblem",
    "ReviewSubject",
    "RowChange",
    "RowText",
    "SectionSummary",
    "Timings",
    "Words",
    "answer_summary",
    "approve",
    "decide",
    "deciding_review",
    "return_for_amendment",
    "returning_review",
    "review_queue",
    "review_subject",
    "revision_diff",
    "timings_of",
]
