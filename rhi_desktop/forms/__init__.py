"""The form engine: declarative interview forms (XLSForm-like), checked at load, run per keystroke.

Typical use::

    form = load_bundled_form("rhi-v1.json")          # or load_form(json_text_or_dict)
    session = FormSession(form, answers=draft_record, clock=clock)
    changes = session.set_answer("immediate_concern", "yes")   # -> Changes to repaint
    session.add_row("people"); session.set_answer("person_name", "Jay", row=0)
    report = session.validate()     # .ok, .by_question, .by_section
    record = session.record()       # JSON-ready answers to store (relevant and valid only)

- `load_form` raises `FormDefinitionError` whose `.problems` lists every problem by path
  (`sections[3].questions[2].relevant: unknown field ${where_slept}`).
- Expressions are parsed by our own parser and evaluated by walking the tree
  (`rhi_desktop.forms.expressions`); empty-answer rules are in `expressions.values`.
- `FormSession.set_answer` re-evaluates only dependent expressions;
  `FormSession.reevaluate_all` recomputes everything (call it when the date changes).
- `resources/forms/schema.json` is written by `python -m rhi_desktop.forms.schema`.
"""

from rhi_desktop.forms.answers import AnswerValue, InvalidAnswer, Location, decimal_text
from rhi_desktop.forms.changes import Changes, FieldKey
from rhi_desktop.forms.expressions import ExpressionError
from rhi_desktop.forms.form import FieldInfo, Form
from rhi_desktop.forms.held import Holding, with_held
from rhi_desktop.forms.loader import (
    INTERVIEW_FORM_ID,
    FormDefinitionError,
    load_bundled_form,
    load_form,
    load_form_file,
)
from rhi_desktop.forms.model import Choice, FormDefinition, Question, QuestionType, Section
from rhi_desktop.forms.session import FormSession, SessionState
from rhi_desktop.forms.validation import Issue, IssueKind, ValidationReport

__all__ = [
    "INTERVIEW_FORM_ID",
    "AnswerValue",
    "Changes",
    "Choice",
    "ExpressionError",
    "FieldInfo",
    "FieldKey",
    "Form",
    "FormDefinition",
    "FormDefinitionError",
    "FormSession",
    "Holding",
    "InvalidAnswer",
    "Issue",
    "IssueKind",
    "Location",
    "Question",
    "QuestionType",
    "Section",
    "SessionState",
    "ValidationReport",
    "decimal_text",
    "load_bundled_form",
    "load_form",
    "load_form_file",
    "with_held",
]
