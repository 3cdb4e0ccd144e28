"""Load a form definition and check all of it, reporting every problem by path at once.

A form author fixing a definition should see the whole list, not one error per run:
pydantic's field errors, then (on whatever survives them) ids, choice lists, languages,
type-specific fields, defaults, every expression (syntax, references, types) and
reference cycles, each as `sections[3].questions[2].relevant: unknown field ${x}`.
"""

from __future__ import annotations

import dataclasses
import difflib
import json
import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from rhi_desktop.forms.answers import (
    YES_NO,
    AnswerTypeError,
    AnswerValue,
    as_value,
    coerce_answer,
)
from rhi_desktop.forms.dependencies import (
    DependencyCycleError,
    DependencyGraph,
    Owner,
    Slot,
    SlotKind,
    build_graph,
)
from rhi_desktop.forms.expressions.errors import ExpressionError
from rhi_desktop.forms.expressions.evaluate import MappingContext, evaluate
from rhi_desktop.forms.expressions.nodes import Call, Expr, Ref, references, walk
from rhi_desktop.forms.expressions.parser import parse
from rhi_desktop.forms.expressions.tokens import is_identifier
from rhi_desktop.forms.expressions.typecheck import FieldType, check
from rhi_desktop.forms.expressions.values import ValueType
from rhi_desktop.forms.form import VALUE_TYPES, FieldInfo, Form, SectionInfo
from rhi_desktop.forms.model import (
    CHOICE_VALUE,
    FORM_ID,
    IDENTIFIER,
    LANGUAGE,
    MAX_EXPRESSION_LENGTH,
    REPORT_KEY,
    SCALE_POINT,
    Choice,
    FormDefinition,
    Identifier,
    LanguageCode,
    Question,
    QuestionType,
    Section,
)
from rhi_desktop.plain_text import needs_keeping, shows
from rhi_desktop.resources import resource_path

_Model = TypeVar("_Model", bound=BaseModel)

BUNDLED_FORMS_DIR = resource_path("forms")

INTERVIEW_FORM_ID = "rhi"
"""The form interviews are started on (on the newest version of it installed): another
form a device installs is never used for an interview."""

# Marks what stands in for an invalid item; no reference or choice value can spell it.
_STAND_IN = "#invalid-"
_CHOICE_TYPES = (QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE)
_CALCULABLE = frozenset(
    {
        QuestionType.TEXT,
        QuestionType.INTEGER,
        QuestionType.DECIMAL,
        QuestionType.DATE,
        QuestionType.DATETIME,
        QuestionType.TIME,
    }
)
_PATTERN_HINTS = {
    IDENTIFIER: "must be letters, digits and '_', not starting with a digit",
    REPORT_KEY: "must be lower-case words joined by dots, like risk.cse",
    CHOICE_VALUE: "must be letters, digits, '_' or '-' (no spaces)",
    LANGUAGE: "must be a language code like 'en' or 'cy'",
    FORM_ID: "must be lower-case letters, digits, '-' or '_', starting with a letter",
}


class FormDefinitionError(ValueError):
    """A definition that cannot be used; `problems` lists every problem found, by path."""

    def __init__(self, problems: list[str]) -> None:
        noun = "problem" if len(problems) == 1 else "problems"
        super().__init__(f"{len(problems)} {noun} in form definition:\n" + "\n".join(problems))
        self.problems = problems


def load_form_file(path: Path, *, published: bool = False) -> Form:
    """As `load_form`, from a file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise FormDefinitionError([f"(file): cannot read {path.name}: {error}"]) from error
    return load_form(text, published=published)


def load_bundled_form(file_name: str = "rhi-v1.json") -> Form:
    return load_form_file(BUNDLED_FORMS_DIR / file_name)


TOO_DEEP = "(file): nested too deeply to be a form definition"
BOM = "\ufeff"
"""The byte-order mark some editors (older Notepad) begin a saved definition with."""
SUGGESTED_NAMES = 20
"""How many unknown names in a definition are given a 'did you mean' suggestion."""
MISSING_DEFAULT_TEXT = "missing text in the default language"
"""How a problem with translated text begins when the default language's is missing."""


def load_form(source: str | bytes | Mapping[str, Any], *, published: bool = False) -> Form:
    """Check a definition (JSON text or already-parsed data); raises FormDefinitionError.

    A `published` definition (pulled from the service, or kept on this device) is held
    to the rules it was published under: the checks added since, `LATER_RULES`, would
    otherwise refuse it, and every draft on it would stop opening. Each guards against
    an author's mistake that loses nothing already recorded.
    """
    try:
        if not isinstance(source, str | bytes):
            return _checked(source, published)
        keys = _RepeatedKeys()
        data = _decoded(source, keys)
        repeated = keys.problems(data)
        try:
            form = _checked(data, published)
        except FormDefinitionError as error:
            raise FormDefinitionError(_in_order([*repeated, *error.problems])) from None
        if repeated:
            raise FormDefinitionError(_in_order(repeated))
        return form
    except RecursionError:  # e.g. thousands of brackets, or repeat groups within each other
        raise FormDefinitionError([TOO_DEEP]) from None


def _decoded(source: str | bytes, keys: _RepeatedKeys) -> Any:
    if isinstance(source, str):
        source = source.removeprefix(BOM)  # bytes with one are read by `json` already
    try:
        return json.loads(source, object_pairs_hook=keys)
    except json.JSONDecodeError as error:
        where = f"at line {error.lineno} column {error.colno}"
        raise FormDefinitionError([f"(file): not valid JSON: {error.msg} {where}"]) from None
    except UnicodeDecodeError:
        raise FormDefinitionError(["(file): not valid JSON: the text is not UTF-8"]) from None
    except ValueError as error:  # e.g. a number of more digits than Python reads
        raise FormDefinitionError([f"(file): not valid JSON: {error}"]) from None


class _RepeatedKeys:
    """Builds each JSON object, noting keys given twice in one: JSON keeps only the last,
    so a second choice list of the same name, or a second `relevant`, would silently
    replace the first."""

    def __init__(self) -> None:
        self._found: dict[int, tuple[dict[str, Any], list[str]]] = {}
        """By the object's id, the object (kept, so no later one takes its id) and its
        repeated keys."""

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        built: dict[str, Any] = {}
        repeated: list[str] = []
        for key, value in pairs:
            if key in built and key not in repeated:
                repeated.append(key)
            built[key] = value
        if repeated:
            self._found[id(built)] = (built, repeated)
        return built

    def problems(self, data: Any) -> list[str]:
        if not self._found:
            return []
        found: list[str] = []
        self._walk(data, (), found)
        return found

    def _walk(self, node: Any, loc: tuple[int | str, ...], found: list[str]) -> None:
        if isinstance(node, dict):
            entry = self._found.get(id(node))
            if entry is not None and entry[0] is node:
                found.extend(
                    f"{render_path((*loc, key))}: given more than once; give it once"
                    for key in entry[1]
                )
            for key, value in node.items():
                self._walk(value, (*loc, key), found)
        elif isinstance(node, list):
            for index, value in enumerate(node):
                self._walk(value, (*loc, index), found)


LATER_RULES = (
    "a choice list on a yes/no question (it was ignored)",
    "a note marked sensitive (it has no answer to cover)",
    'a scale point not written plainly as a whole number ("01", " 3", "+4")',
    "text holding a control character, or nothing but marks that show as nothing",
    "a language listed twice",
    "a default its own question's constraint refuses",
    "a required condition over 2,000 characters long (other expressions always were held to it)",
    "a date-time in an expression, without its offset, in the hour London has twice",
)
"""Checks added after definitions were first published, which `published` ones skip."""


def _checked(data: Any, published: bool) -> Form:
    problems: list[str] = [] if published else _scale_point_problems(data)
    broken: set[str] = set()
    try:
        definition: FormDefinition | None = FormDefinition.model_validate(data)
    except ValidationError as error:
        problems.extend(_render(detail) for detail in error.errors())
        definition = _salvage_form(data, broken)
    if definition is None:
        raise FormDefinitionError(problems)
    checker = _Checker(definition, broken, published=published)
    form = checker.run()
    problems.extend(checker.problems)
    if problems or form is None:
        raise FormDefinitionError(_in_order(problems))
    return form


def _scale_point_problems(data: Any) -> list[str]:
    """Scale points written other than plainly ("01" and "1" would both name point 1,
    and one label would be lost unseen), read from the definition as written."""
    found: list[str] = []

    def questions(raw: Any, path: str) -> None:
        for index, question in enumerate(raw if isinstance(raw, list) else ()):
            if not isinstance(question, dict):
                continue
            at = f"{path}.questions[{index}]"
            scale = question.get("scale")
            labels = scale.get("labels") if isinstance(scale, dict) else None
            for point in labels if isinstance(labels, dict) else ():
                if not re.fullmatch(SCALE_POINT, str(point)) and _reads_as_point(point):
                    found.append(
                        f"{at}.scale.labels: write each point as a whole number like 1, "
                        f"not {point!r}"
                    )
            questions(question.get("questions"), at)

    sections = data.get("sections") if isinstance(data, dict) else None
    for index, section in enumerate(sections if isinstance(sections, list) else ()):
        if isinstance(section, dict):
            questions(section.get("questions"), f"sections[{index}]")
    return found


def _reads_as_point(point: object) -> bool:
    """Whether validation reads `point` as a scale point (else it reports it itself)."""
    try:
        _SCALE_POINT.validate_python(point)
    except ValidationError:
        return False
    return True


def _in_order(problems: list[str]) -> list[str]:
    """Each problem once, by path: sections[2] before sections[10]."""
    return sorted(dict.fromkeys(problems), key=_path_order)


def _path_order(problem: str) -> list[Any]:
    path = problem.split(": ", 1)[0]
    return [
        (0, len(part), part) if part.isdigit() else (1, 0, part)  # any length of digits
        for part in re.split(r"(\d+)", path)
    ]


def render_path(loc: tuple[int | str, ...]) -> str:
    """('sections', 3, 'questions', 2, 'relevant') -> 'sections[3].questions[2].relevant'."""
    text = ""
    for part in loc:
        if part == "[key]":  # pydantic's marker for a bad mapping key: the path names it
            continue
        if isinstance(part, int):
            text += f"[{part}]"
        elif not is_identifier(part):
            text += f"[{_quoted(part)}]"
        else:
            text += f".{part}" if text else part
    return text or "(form)"


def _quoted(name: str) -> str:
    """`name` in double quotes as its author wrote it ("café"), but with any character
    that does not show (a control or direction mark) written as its code."""
    return "".join(
        c if c.isprintable() else f"\\u{ord(c):04x}" for c in json.dumps(name, ensure_ascii=False)
    )


def _render(detail: Any) -> str:
    kind, message = detail["type"], str(detail["msg"])
    if kind == "extra_forbidden":
        message = "unknown key"
    elif kind == "model_type":  # pydantic names its class: "instance of Question"
        message = "must be an object: { ... }"
    elif kind == "missing":
        message = "is required"
    elif kind == "string_pattern_mismatch":
        pattern = (detail.get("ctx") or {}).get("pattern", "")
        message = _PATTERN_HINTS.get(pattern, message)
    elif message.startswith("Value error, "):
        message = message.removeprefix("Value error, ")
    else:
        message = message[:1].lower() + message[1:]
    if detail["loc"] and detail["loc"][-1] == "[key]":
        message = f"the name {message}" if message.startswith("must") else f"bad name: {message}"
    return f"{render_path(tuple(detail['loc']))}: {message}"


# --- Keeping what is valid after pydantic errors, so later checks still run --------------


def _salvage(
    model: type[_Model],
    raw: dict[str, Any],
    placeholders: Mapping[str, object],
    dropped: set[str] | None = None,
) -> _Model | None:
    """Validate `raw`, dropping bad optional keys (named in `dropped`) and stubbing bad
    required ones, once. The errors were already reported; this keeps enough to check the rest.
    """
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        fixed = dict(raw)
        for detail in error.errors():
            key = detail["loc"][0] if detail["loc"] else None
            field = model.model_fields.get(str(key))
            if key in placeholders:
                fixed[str(key)] = placeholders[str(key)]
            elif field is None or not field.is_required():
                fixed.pop(str(key), None)
                if dropped is not None:
                    dropped.add(str(key))
            else:
                return None
        try:
            return model.model_validate(fixed)
        except ValidationError:
            return None


def _raw_ids(raw: object) -> Iterator[str]:
    if isinstance(raw, dict):
        if isinstance(raw.get("id"), str):
            yield raw["id"]
        children = raw.get("questions")
        for child in children if isinstance(children, list) else ():
            yield from _raw_ids(child)


_QUESTION_ID = "question_id_standing_in"
"""Stands in for a question's invalid id while the question is validated."""


def _salvage_question(raw: object, broken: set[str]) -> Question:
    """The valid part of a question, or a stand-in that keeps later siblings at their index.
    One with an invalid id keeps the rest, under an id no reference can spell (one of its
    own), so its other problems are listed too. So does one with an invalid or missing
    type, under a stand-in type: a repeat group if it holds questions, else text."""
    question = None
    if isinstance(raw, dict):
        fixed = dict(raw)
        rows = isinstance(raw.get("questions"), list)
        if rows:
            fixed["questions"] = [_salvage_question(child, broken) for child in raw["questions"]]
        stand_in_type = QuestionType.REPEAT if rows else QuestionType.TEXT
        placeholders = {"label": "?", "id": _QUESTION_ID, "type": stand_in_type}
        dropped: set[str] = set()
        question = _salvage(Question, fixed, placeholders, dropped)
        if question is not None and question.id == _QUESTION_ID != raw.get("id"):
            if isinstance(raw.get("id"), str):
                broken.add(raw["id"])  # so what refers to it is not blamed as well
            question = question.model_copy(update={"id": f"{_STAND_IN}{id(raw)}"})
        if question is not None and raw.get("type") != question.type.value:
            # What the type allows is not judged, nor what refers to its answer, nor (it
            # may not be a repeat group) what refers to those of the questions it holds.
            broken.update((question.id, f"{question.id}.type"))
            if rows:
                broken.update(_raw_ids(raw))
        # Checks that a field is present must not fire for one dropped as invalid.
        broken.update(f"{question.id}.{name}" for name in dropped if question is not None)
    if question is None:
        broken.update(_raw_ids(raw))
        question = Question.model_construct(id=_STAND_IN, type=QuestionType.NOTE, label="?")
    return question


_SECTION_ID = "section_id_standing_in"
"""Stands in for a section's invalid id while the section is validated."""


def _salvage_section(index: int, raw: object, broken: set[str]) -> Section:
    """The valid part of a section. One with an invalid id keeps its questions, under an
    id no reference can spell, so their problems are listed too."""
    section = None
    if isinstance(raw, dict):
        section_raw = dict(raw)
        if isinstance(raw.get("questions"), list):
            questions = [_salvage_question(child, broken) for child in raw["questions"]]
            section_raw["questions"] = questions
        section = _salvage(Section, section_raw, {"title": "?", "id": _SECTION_ID})
        if section is not None and section.id == _SECTION_ID != raw.get("id"):
            if isinstance(raw.get("id"), str):
                broken.add(raw["id"])  # so what refers to it is not blamed as well
            section = section.model_copy(update={"id": f"{_STAND_IN}{index}"})
    if section is None:
        broken.update(_raw_ids(raw))
        raw_id = raw.get("id") if isinstance(raw, dict) else None
        # Its id, where it has a valid one, still counts among the ids: a second section
        # of that id is a duplicate, whatever else is wrong with one of them.
        kept = raw_id if isinstance(raw_id, str) and _fits(_IDENTIFIER, raw_id) else _STAND_IN
        section = Section.model_construct(id=kept, title="?", questions=[])
    return section


_IDENTIFIER: TypeAdapter[str] = TypeAdapter(Identifier)
_SCALE_POINT: TypeAdapter[int] = TypeAdapter(int)
_LANGUAGE_CODE: TypeAdapter[str] = TypeAdapter(LanguageCode)


def _fits(kind: TypeAdapter[str], value: object) -> bool:
    """Whether `value` is what the model takes as `kind` (its problem is already listed)."""
    try:
        kind.validate_python(value)
    except ValidationError:
        return False
    return True


def _salvage_form(data: object, broken: set[str]) -> FormDefinition | None:
    if not isinstance(data, dict):
        return None
    fixed = dict(data)
    if isinstance(data.get("sections"), list):
        fixed["sections"] = [
            _salvage_section(index, raw, broken) for index, raw in enumerate(data["sections"])
        ]
    languages = data.get("languages")
    if isinstance(languages, list) and not all(_fits(_LANGUAGE_CODE, c) for c in languages):
        broken.add("languages")  # the codes were reported: translations are not checked
        fixed.pop("languages")
    if isinstance(data.get("choice_lists"), dict):
        lists: dict[str, list[Choice]] = {}
        for name, choices in data["choice_lists"].items():
            if not isinstance(choices, list) or not _fits(_IDENTIFIER, name):
                broken.add(f"choices:{name}")  # reported: what uses it is not blamed
                continue
            kept_choices: list[Choice] = []
            for index, raw in enumerate(choices):
                choice = _salvage(Choice, raw, {"label": "?"}) if isinstance(raw, dict) else None
                if choice is None:
                    # A stand-in keeps later choices at their own index for duplicate checks.
                    choice = Choice.model_construct(value=f"{_STAND_IN}{index}", label="?")
                    broken.add(f"choices:{name}")
                kept_choices.append(choice)
            lists[name] = kept_choices
        fixed["choice_lists"] = lists
    placeholders = {"form_id": "form", "version": 1, "title": "?", "languages": None}
    return _salvage(FormDefinition, fixed, placeholders)


# --- The checks that need the whole form ---------------------------------------------------


class _Checker:
    def __init__(self, definition: FormDefinition, broken: set[str], *, published: bool) -> None:
        self.definition = definition
        self.broken = broken
        self.published = published
        """Skip `LATER_RULES`."""
        self.problems: list[str] = []
        self.fields: dict[str, FieldInfo] = {}
        self.sections: dict[str, SectionInfo] = {}
        self.id_paths: dict[str, str] = {}
        self.owners: list[Owner] = []
        self.defaults: dict[str, AnswerValue] = {}
        self.default_paths: dict[str, str] = {}
        self.report_keys: dict[str, str] = {}
        self._near_names: dict[str, str] = {}
        """Each unknown name's suggestion, once worked out."""
        self.untyped: set[str] = set()
        """Questions whose answers cannot be typed (their choice list is unknown, as was
        reported): what refers to one is checked for all but the type of its answer."""

    def problem(self, path: str, message: str) -> None:
        self.problems.append(f"{path}: {message}")

    def run(self) -> Form | None:
        definition = self.definition
        languages = [] if self.published else definition.languages or []
        for index, language in enumerate(languages):
            if language in languages[:index]:
                self.problem(f"languages[{index}]", f"'{language}' is listed twice")
        self._labels("title", definition.title)
        self._choice_lists()
        for index, section in enumerate(definition.sections):
            self._section(index, section)
        expressions = self._expressions()
        graph = self._graph(expressions)
        if not self.published:
            self._defaults_within_constraints(expressions)
        if self.problems or graph is None:
            return None
        self._cover_calculations(expressions)
        return Form(definition, self.fields, self.sections, graph, self.defaults)

    def _cover_calculations(self, expressions: Mapping[Slot, Expr]) -> None:
        """A calculation that reads a sensitive answer is sensitive too, so lists and
        exports cover it: `coalesce(${harm_details}, 'none')` is the disclosure itself.
        Through calculations that read calculations (there are no cycles by now)."""
        reads = {
            slot.owner: references(expr)
            for slot, expr in expressions.items()
            if slot.kind is SlotKind.CALCULATION
        }
        covered = True
        while covered:
            covered = False
            for owner, names in reads.items():
                info = self.fields[owner]
                if not info.sensitive and any(self.fields[name].sensitive for name in names):
                    self.fields[owner] = dataclasses.replace(info, sensitive=True)
                    covered = True

    # ids, labels, report keys ----------------------------------------------------------

    def _claim_id(self, identifier: str, path: str) -> bool:
        first = self.id_paths.get(identifier)
        if first is not None:
            self.problem(f"{path}.id", f"duplicate id '{identifier}' (first used at {first})")
            return False
        self.id_paths[identifier] = path
        return True

    def _claim_report_key(self, key: str | None, path: str) -> None:
        if key is None:
            return
        first = self.report_keys.get(key)
        if first is not None:
            self.problem(
                f"{path}.report_key", f"duplicate report key '{key}' (first used at {first})"
            )
        else:
            self.report_keys[key] = path

    def _labels(self, path: str, label: str | dict[str, str] | None) -> None:
        if label is None:
            return
        if not self.published:  # text as shown: something to see, nothing a file drops
            for text in label.values() if isinstance(label, dict) else (label,):
                if needs_keeping(text):
                    self.problem(path, "must not hold control characters")
                elif not shows(text):
                    self.problem(path, "must not be blank")
        if not isinstance(label, dict) or "languages" in self.broken:
            return
        languages = self.definition.languages
        if not languages:
            self.problem(path, "translated text needs the form's 'languages' list")
            return
        if languages[0] not in label:
            self.problem(path, f"{MISSING_DEFAULT_TEXT} '{languages[0]}'")
        for language in label:
            if language not in languages:
                self.problem(path, f"language '{language}' is not in the form's languages")

    def _choice_lists(self) -> None:
        for name, choices in self.definition.choice_lists.items():
            if not choices:
                self.problem(f"choice_lists.{name}", "a choice list needs at least one choice")
            seen: set[str] = set()
            for index, choice in enumerate(choices):
                path = f"choice_lists.{name}[{index}]"
                if choice.value in seen:
                    self.problem(f"{path}.value", f"duplicate choice value '{choice.value}'")
                seen.add(choice.value)
                self._labels(f"{path}.label", choice.label)
                self._labels(f"{path}.hint", choice.hint)
                self._claim_report_key(choice.report_key, path)

    # sections and questions ------------------------------------------------------------

    def _section(self, index: int, section: Section) -> None:
        if section.id == _STAND_IN:
            return
        path = f"sections[{index}]"
        if not section.id.startswith(_STAND_IN):  # else its id was reported
            self._claim_id(section.id, path)
        self._labels(f"{path}.title", section.title)
        self._labels(f"{path}.hint", section.hint)
        self.owners.append(Owner(section.id, None, answerable=False))
        before = len(self.fields)
        for q_index, question in enumerate(section.questions):
            self._question(f"{path}.questions[{q_index}]", question, section.id, None)
        ids = tuple(list(self.fields)[before:])
        self.sections.setdefault(section.id, SectionInfo(section, path, ids))

    def _question(self, path: str, question: Question, section_id: str, repeat: str | None) -> None:
        if question.id == _STAND_IN:
            return
        if not question.id.startswith(_STAND_IN) and not self._claim_id(question.id, path):
            return  # else its id was reported
        kind = question.type
        typed = f"{question.id}.type" not in self.broken  # else it is a stand-in, reported
        choices = self._choices_of(path, question) if typed else None
        within = repeat is not None and self.fields[repeat].sensitive  # its rows are covered
        info = FieldInfo(
            question, path, section_id, repeat, VALUE_TYPES[kind], choices, sensitive=within
        )
        self.fields[question.id] = info
        answerable = kind not in (QuestionType.NOTE, QuestionType.REPEAT)
        self.owners.append(Owner(question.id, repeat or section_id, answerable=answerable))
        for name in ("label", "hint", "constraint_message"):
            self._labels(f"{path}.{name}", getattr(question, name))
        self._claim_report_key(question.report_key, path)
        if typed:
            self._type_rules(path, question, repeat)
            self._default(path, info)
        if question.scale is not None:
            for point, label in question.scale.labels.items():
                self._labels(f"{path}.scale.labels.{point}", label)
        if kind is QuestionType.REPEAT:
            # A stand-in for a misspelt type holding questions may be meant as a group:
            # its questions are checked where it stands, not as rows of their own.
            rows_of = question.id if typed else repeat
            for index, child in enumerate(question.questions or ()):
                self._question(f"{path}.questions[{index}]", child, section_id, rows_of)

    def _choices_of(self, path: str, question: Question) -> tuple[str, ...] | None:
        if question.type not in _CHOICE_TYPES:
            yes_no = question.type is QuestionType.YES_NO
            if question.choices is not None and not (yes_no and self.published):
                self.problem(f"{path}.choices", "only choice questions take a choice list")
            return YES_NO if yes_no else None
        if question.choices is None:
            if f"{question.id}.choices" not in self.broken:
                self.problem(
                    f"{path}.choices", f"a {question.type.value} question needs a choice list"
                )
            return None
        listed = self.definition.choice_lists.get(question.choices)
        if listed is None:
            if f"choices:{question.choices}" not in self.broken:
                self.problem(f"{path}.choices", f"unknown choice list '{question.choices}'")
            self.untyped.add(question.id)  # what its answer can be is not known
            return None
        return tuple(dict.fromkeys(choice.value for choice in listed))

    def _type_rules(self, path: str, question: Question, repeat: str | None) -> None:
        """Fields a question type does not use are mistakes, not silently ignored."""
        kind = question.type
        if kind is QuestionType.REPEAT:
            if not question.questions and f"{question.id}.questions" not in self.broken:
                self.problem(f"{path}.questions", "a repeat group needs at least one question")
            if repeat is not None:
                self.problem(f"{path}.type", "repeat groups cannot be nested")
            if question.required is not False:
                self.problem(f"{path}.required", "use min_rows to require rows in a repeat group")
            low, high = question.min_rows, question.max_rows
            if low is not None and high is not None and low > high:
                self.problem(f"{path}.min_rows", "min_rows is more than max_rows")
        else:
            for name in ("questions", "min_rows", "max_rows"):
                if getattr(question, name) is not None:
                    self.problem(f"{path}.{name}", "only repeat groups take this")
        if kind is QuestionType.SCALE:
            scale = question.scale
            if scale is None:
                if f"{question.id}.scale" not in self.broken:
                    self.problem(f"{path}.scale", "a scale question needs its min and max")
            elif scale.min >= scale.max:
                self.problem(f"{path}.scale", "the scale's min must be below its max")
            elif any(not scale.min <= point <= scale.max for point in scale.labels):
                self.problem(f"{path}.scale.labels", "labels must be for points on the scale")
        elif question.scale is not None:
            self.problem(f"{path}.scale", "only scale questions take this")
        unused: tuple[str, ...] = ()
        if kind is QuestionType.REPEAT:
            unused = ("constraint", "default", "calculation")
        elif kind is QuestionType.NOTE:
            unused = ("required", "constraint", "default", "calculation", "report_key")
            if not self.published:
                unused += ("sensitive",)
        elif question.calculation is not None:
            if kind not in _CALCULABLE:
                self.problem(f"{path}.calculation", f"{kind.value} questions cannot be calculated")
            unused = ("required", "constraint", "default")
        for name in unused:
            if getattr(question, name) not in (None, False):
                what = {QuestionType.NOTE: "a note", QuestionType.REPEAT: "a repeat group"}.get(
                    kind, "a calculated question"
                )
                self.problem(f"{path}.{name}", f"{what} takes no {name}")
        if question.constraint_message is not None and question.constraint is None:
            self.problem(f"{path}.constraint_message", "there is no constraint for this message")

    def _default(self, path: str, info: FieldInfo) -> None:
        question = info.question
        if question.default is None or not info.answerable or question.id in self.untyped:
            return  # (with no known choices, its default cannot be judged against them)
        try:
            value = coerce_answer(question, question.default, info.choices)
        except AnswerTypeError as error:
            self.problem(f"{path}.default", str(error))
            return
        if value is not None:
            self.defaults[question.id] = value
            self.default_paths[question.id] = f"{path}.default"

    def _defaults_within_constraints(self, expressions: Mapping[Slot, Expr]) -> None:
        """A default that its own question's constraint refuses: every new interview (or
        row) would start with a problem on it. Judged where the constraint reads only the
        answer itself (as `.` or by its id), not other answers or the date."""
        for question_id, default in self.defaults.items():
            expr = expressions.get(Slot(question_id, SlotKind.CONSTRAINT))
            if expr is None or references(expr) - {question_id} or _reads_clock(expr):
                continue  # ('${nights} <= 3' names the answer itself, as '.' does)
            value = as_value(default)
            context = MappingContext({question_id: value}, current_value=value)
            try:
                holds = evaluate(expr, context)
            except ExpressionError:
                continue
            if holds is False:
                self.problem(self.default_paths[question_id], "breaks the question's constraint")

    # expressions -----------------------------------------------------------------------

    def _expressions(self) -> dict[Slot, Expr]:
        parsed: dict[Slot, Expr] = {}
        for section in self.sections.values():
            if section.section.relevant is not None:
                slot = Slot(section.section.id, SlotKind.RELEVANT)
                self._expression(
                    parsed,
                    slot,
                    f"{section.path}.relevant",
                    section.section.relevant,
                    scope=None,
                    expect=ValueType.BOOLEAN,
                )
        for info in self.fields.values():
            question = info.question
            # A repeat group's own relevance is decided outside its rows.
            scope = None if question.type is QuestionType.REPEAT else info.repeat_id
            sources: list[tuple[SlotKind, str | None, ValueType | None]] = [
                (SlotKind.RELEVANT, question.relevant, ValueType.BOOLEAN),
                (
                    SlotKind.REQUIRED,
                    question.required if isinstance(question.required, str) else None,
                    ValueType.BOOLEAN,
                ),
                (SlotKind.CONSTRAINT, question.constraint, ValueType.BOOLEAN),
                (SlotKind.CALCULATION, question.calculation, info.value_type),
            ]
            for kind, text, expect in sources:
                if text is None or (
                    kind in (SlotKind.REQUIRED, SlotKind.CONSTRAINT) and not info.answerable
                ):
                    continue  # a note's or a calculation's `required` or constraint is a
                    # problem above: checking it too would add a contradictory one ('.')
                if kind is SlotKind.CALCULATION and question.type is QuestionType.REPEAT:
                    continue  # a problem above: rows are added, not worked out
                current = None
                if f"{question.id}.type" in self.broken:  # nothing is known of its answer
                    current = FieldType(None)
                    expect = ValueType.BOOLEAN if kind is not SlotKind.CALCULATION else None
                elif kind is SlotKind.CONSTRAINT and info.value_type is not None:
                    current = FieldType(info.value_type, info.choices or None)
                self._expression(
                    parsed,
                    Slot(question.id, kind),
                    f"{info.path}.{kind.field_name}",
                    text,
                    scope=scope,
                    expect=expect,
                    current=current,
                )
        return parsed

    def _expression(
        self,
        parsed: dict[Slot, Expr],
        slot: Slot,
        path: str,
        text: str,
        *,
        scope: str | None,
        expect: ValueType | None,
        current: FieldType | None = None,
    ) -> None:
        if len(text) > MAX_EXPRESSION_LENGTH and not self.published:
            self.problem(path, f"must be at most {MAX_EXPRESSION_LENGTH} characters")
            return
        try:
            expr = parse(text)
        except ExpressionError as error:
            self.problem(path, str(error))
            return
        strict = not self.published
        result = check(expr, self._resolver(scope), current=current, expect=expect, strict=strict)
        for message in result.problems:
            self.problem(path, message)
        parsed[slot] = expr

    def _near(self, name: str) -> str:
        """' (did you mean ${...}?)' for an unknown name, worked out once per name: a
        renamed question may be referred to thousands of times. Only the first
        `SUGGESTED_NAMES` names get one: each is compared with every question, and a form
        with every name misspelt would take minutes to report."""
        hint = self._near_names.get(name)
        if hint is None:
            close = (
                difflib.get_close_matches(name, list(self.fields), n=1)
                if len(self._near_names) < SUGGESTED_NAMES
                else []
            )
            hint = self._near_names[name] = f" (did you mean ${{{close[0]}}}?)" if close else ""
        return hint

    def _resolver(self, scope: str | None) -> Callable[[Ref], FieldType | str | None]:
        def resolve(ref: Ref) -> FieldType | str | None:
            name = ref.name
            if name in self.broken:
                return None
            info = self.fields.get(name)
            if info is None:
                if name in self.sections:
                    return f"${{{name}}} is a section, not a question"
                return f"unknown field ${{{name}}}{self._near(name)}"
            if info.value_type is None:
                return f"${{{name}}} is a note and has no answer"
            if info.repeat_id is not None and info.repeat_id != scope:
                group = info.repeat_id
                return (
                    f"${{{name}}} is inside repeat group ${{{group}}}: from outside its rows, "
                    f"count them with count(${{{group}}})"
                )
            if name in self.untyped:
                return None
            return FieldType(info.value_type, info.choices)

        return resolve

    def _graph(self, expressions: dict[Slot, Expr]) -> DependencyGraph | None:
        try:
            return build_graph(self.owners, expressions)
        except DependencyCycleError as error:
            for loop in error.cycles:
                anchor = next((slot for slot in loop if slot in expressions), loop[0])
                if len(loop) == 1:
                    message = f"reference cycle: {loop[0]} depends on itself"
                else:
                    route = " -> ".join(str(slot) for slot in (*loop, loop[0]))
                    message = f"reference cycle: {route}"
                self.problem(self._slot_path(anchor), message)
            return None

    def _slot_path(self, slot: Slot) -> str:
        if slot.owner in self.sections:
            base = self.sections[slot.owner].path
        else:
            base = self.fields[slot.owner].path
        return f"{base}.{slot.kind.field_name}"


def _reads_clock(expr: Expr) -> bool:
    return any(isinstance(node, Call) and node.name in ("today", "now") for node in walk(expr))
