"""Reading an interview's answers through its form's report keys.

A form definition ties answers to themes with `report_key`: on a choice (`push.bullying`,
`risk.cse`), or on a yes/no question (or a single choice offering "yes"), which then
counts when answered "yes" (`safeguarding.immediate_concern`). Places are the rows of
the repeat group whose text or location question carries `during.place`; associates the
answers to the text question carrying `during.associate`. Every interview is read
through the exact form version it pinned, so renaming a question in a later version
does not lose earlier interviews from the themes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rhi_desktop.forms import FieldInfo, Form, FormDefinitionError, QuestionType, load_form_file
from rhi_desktop.forms.loader import BUNDLED_FORMS_DIR
from rhi_desktop.reports import normalise

log = logging.getLogger(__name__)

PLACE_KEY = "during.place"
ASSOCIATE_KEY = "during.associate"

FormSource = Callable[[str, int], Form | None]
"""Finds the definition an interview pinned (form id, version), or None if not here."""


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """One place in one interview, made comparable."""

    text: str | None
    postcode: str | None
    coordinates: tuple[float, float] | None

    @property
    def key(self) -> str | None:
        """What identifies the place across interviews: postcode, else position, else text."""
        if self.postcode is not None:
            return f"postcode:{self.postcode}"
        if self.coordinates is not None:
            return "coordinates:{:.5f},{:.5f}".format(*self.coordinates)
        if self.text:
            return f"text:{self.text}"
        return None


def counts_yes(info: FieldInfo) -> bool:
    """Whether a key on the question itself counts when it is answered "yes": on a yes/no
    question, or on a single choice offering "yes" (a yes/no question whose list another
    language labels, as an XLSForm writes one)."""
    kind = info.question.type
    offered = info.choices or ()
    return kind is QuestionType.YES_NO or (kind is QuestionType.SINGLE_CHOICE and "yes" in offered)


_TEXT = (QuestionType.TEXT, QuestionType.LONG_TEXT)


def names_a_place(info: FieldInfo) -> bool:
    """Whether a question keyed `PLACE_KEY` is read as places: in words or as a location,
    a row of a repeat group each."""
    kinds = (*_TEXT, QuestionType.LOCATION)
    return info.question.type in kinds and info.repeat_id is not None


def names_a_person(info: FieldInfo) -> bool:
    """Whether a question keyed `ASSOCIATE_KEY` is read as people: its answer in words
    (a choice's values are no one's name)."""
    return info.question.type in _TEXT


UNREAD_KEY = (
    "no report counts this key (it is kept with the question): the reports count a key "
    f"on a question only on a yes/no question (when answered yes), as {ASSOCIATE_KEY} "
    f"on a text question, or as {PLACE_KEY} on a text or location question in a repeat; "
    "to count a choice question's answers, give its choices report keys"
)


def unread_keys(form: Form) -> Iterator[str]:
    """A loader-style problem (`path.report_key: message`) for each key on a question
    that no report counts (`AnswerReader`), for a form's author to be told of."""
    for info in form.fields.values():
        key = info.question.report_key
        if key is None or counts_yes(info):
            continue
        if (key == PLACE_KEY and names_a_place(info)) or (
            key == ASSOCIATE_KEY and names_a_person(info)
        ):
            continue
        yield f"{info.path}.report_key: {UNREAD_KEY}"


def _text_of(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


class AnswerReader:
    """What one form version's report keys pick out of its interviews' answers."""

    def __init__(self, form: Form) -> None:
        self.form = form
        self._choice_keys: dict[str, dict[str, str]] = {}
        self._yes_keys: dict[str, str] = {}
        self.labels: dict[str, str] = {}
        self._repeat_of: dict[str, str | None] = {}
        place = associate = location = None
        for info in form.fields.values():
            question = info.question
            self._repeat_of[info.id] = info.repeat_id
            if question.type in (QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE):
                for choice in form.definition.choice_lists.get(question.choices or "", ()):
                    if choice.report_key:
                        self._choice_keys.setdefault(info.id, {})[choice.value] = choice.report_key
                        self.labels.setdefault(choice.report_key, form.text(choice.label))
            if question.report_key and counts_yes(info):
                self._yes_keys[info.id] = question.report_key
                self.labels.setdefault(question.report_key, form.text(question.label))
            if question.report_key == PLACE_KEY and names_a_place(info):
                place = info
            elif question.report_key == ASSOCIATE_KEY and names_a_person(info):
                associate = info
        if place is not None and place.question.type is QuestionType.LOCATION:
            location = place.id  # the place keyed, not another location in its rows
        elif place is not None:  # in words: its row's location, if the row asks one
            location = next(
                (
                    info.id
                    for info in form.fields.values()
                    if info.repeat_id == place.repeat_id
                    and info.question.type is QuestionType.LOCATION
                ),
                None,
            )
        self._place = place
        self._place_location = location
        self._associate = associate

    def _values(self, answers: Mapping[str, Any], question_id: str) -> list[Any]:
        """Every answer to a question: one at top level, one per row inside a repeat."""
        repeat = self._repeat_of.get(question_id)
        if repeat is None:
            return [answers[question_id]] if question_id in answers else []
        rows = answers.get(repeat)
        if not isinstance(rows, list):
            return []
        return [row[question_id] for row in rows if isinstance(row, dict) and question_id in row]

    def keys(self, answers: Mapping[str, Any]) -> set[str]:
        """The report keys an interview's answers carry."""
        found: set[str] = set()
        for question_id, by_value in self._choice_keys.items():
            for value in self._values(answers, question_id):
                chosen = value if isinstance(value, list) else [value]
                found.update(by_value[v] for v in chosen if isinstance(v, str) and v in by_value)
        for question_id, key in self._yes_keys.items():
            if "yes" in self._values(answers, question_id):
                found.add(key)
        return found

    def places(self, answers: Mapping[str, Any]) -> list[PlaceMention]:
        if self._place is None or self._place.repeat_id is None:
            return []
        rows = answers.get(self._place.repeat_id)
        if not isinstance(rows, list):
            return []
        found = []
        for row in rows:
            if not isinstance(row, dict):
                continue
            text = _text_of(row.get(self._place.id))
            where = row.get(self._place_location) if self._place_location else None
            described = _text_of(where.get("description")) if isinstance(where, dict) else None
            code = _text_of(where.get("postcode")) if isinstance(where, dict) else None
            mention = PlaceMention(
                text=normalise.normalise_text(text or described or "") or None,
                postcode=normalise.postcode(code),
                coordinates=normalise.coordinates(described) or normalise.coordinates(text),
            )
            if mention.key is not None:
                found.append(mention)
        return found

    def associates(self, answers: Mapping[str, Any]) -> list[str]:
        if self._associate is None:
            return []
        texts = (_text_of(value) for value in self._values(answers, self._associate.id))
        names = (normalise.person_name(text) for text in texts if text)
        return [name for name in names if name]


class Readers:
    """An `AnswerReader` per pinned form version, made once each."""

    def __init__(self, forms: FormSource | None = None) -> None:
        self._forms = forms or bundled_forms()
        self._made: dict[tuple[str, int], AnswerReader | None] = {}

    def get(self, form_id: str | None, version: int | None) -> AnswerReader | None:
        if form_id is None or version is None:
            return None
        ref = (form_id, version)
        if ref not in self._made:
            form = self._forms(form_id, version)
            self._made[ref] = None if form is None else AnswerReader(form)
        return self._made[ref]


def bundled_forms(directories: Sequence[Path] = (BUNDLED_FORMS_DIR,)) -> FormSource:
    """Definitions found in `directories` (the app's bundled forms by default).

    A file that is not a usable definition is skipped (and logged by name): interviews
    pinned to it are then reported as not analysed rather than failing the report.
    """
    known: dict[tuple[str, int], Form] = {}
    for directory in directories:
        for path in sorted(directory.glob("*.json")):
            if path.name == "schema.json":
                continue
            try:
                form = load_form_file(path)
            except FormDefinitionError:
                log.warning("form definition %s skipped: it does not load", path.name)
                continue
            known.setdefault((form.form_id, form.version), form)

    def find(form_id: str, version: int) -> Form | None:
        return known.get((form_id, version))

    return find
