"""The high-risk panel's rules, as data: a small TOML file, checked strictly, never run.

A service writes the rules its weekly panel agreed; each rule is one of three kinds,
and nothing in the file is ever evaluated as code.

    [[rules]]
    id = "repeat_missing"            # short identifier, shown with each reason
    label = "3 or more episodes in 90 days"
    kind = "episodes"                # episodes that started in the last `days`
    at_least = 3
    days = 90
    types = ["M", "A"]               # optional; both by default

    [[rules]]
    id = "exploitation"
    label = "Sexual or criminal exploitation indicator"
    kind = "answers"                 # any interview whose answers carry one of these keys
    report_keys = ["risk.cse", "risk.cce"]
    days = 365                       # optional look-back by return date; all by default

    [[rules]]
    id = "uasc_out_of_area"
    label = "UASC placed out of area"
    kind = "child"                   # the child's current details; every field given must match
    uasc = true
    placement_area = "out_of_area"   # or "in_area"; looked_after = true|false also allowed
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from rhi_desktop.domain.entities import EpisodeType, PlacementArea
from rhi_desktop.forms.model import REPORT_KEY
from rhi_desktop.reports.errors import ReportError

RuleId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
Label = Annotated[str, Field(min_length=1, max_length=120)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class EpisodesRule(_Strict):
    kind: Literal["episodes"]
    id: RuleId
    label: Label
    at_least: int = Field(ge=1, le=1000)
    days: int = Field(ge=1, le=3660)
    types: tuple[EpisodeType, ...] = Field(
        default=(EpisodeType.MISSING, EpisodeType.AWAY), min_length=1
    )


class AnswersRule(_Strict):
    kind: Literal["answers"]
    id: RuleId
    label: Label
    report_keys: tuple[Annotated[str, Field(pattern=REPORT_KEY)], ...] = Field(min_length=1)
    days: int | None = Field(default=None, ge=1, le=3660)


class ChildRule(_Strict):
    kind: Literal["child"]
    id: RuleId
    label: Label
    uasc: bool | None = None
    looked_after: bool | None = None
    placement_area: PlacementArea | None = None

    @model_validator(mode="after")
    def _says_something(self) -> ChildRule:
        if self.uasc is None and self.looked_after is None and self.placement_area is None:
            raise ValueError("a child rule needs uasc, looked_after or placement_area")
        return self


Rule = Annotated[EpisodesRule | AnswersRule | ChildRule, Field(discriminator="kind")]


class PanelRules(_Strict):
    rules: tuple[Rule, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> PanelRules:
        ids = [rule.id for rule in self.rules]
        repeated = sorted({rule_id for rule_id in ids if ids.count(rule_id) > 1})
        if repeated:
            raise ValueError(f"rule ids must be unique (repeated: {', '.join(repeated)})")
        return self


class PanelRulesError(ReportError):
    """A rules file that cannot be used; lists every problem by where it is."""

    def __init__(self, source: str, problems: list[str]) -> None:
        super().__init__(f"Panel rules in {source} cannot be used: " + "; ".join(problems))
        self.source = source
        self.problems = problems
        """Where each problem is and what it is, in English: details for IT."""


def _where(loc: tuple[int | str, ...]) -> str:
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            parts.append(f"[{item}]")
        elif item not in ("episodes", "answers", "child"):  # pydantic's union branch names
            parts.append(f".{item}" if parts else item)
    return "".join(parts) or "(file)"


def parse_rules(text: str, source: str) -> PanelRules:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise PanelRulesError(source, [f"not valid TOML ({error})"]) from None
    try:
        return PanelRules.model_validate(data)
    except ValidationError as error:
        problems = [f"{_where(item['loc'])}: {item['msg']}" for item in error.errors()]
        raise PanelRulesError(source, problems) from None


def load_rules(path: Path) -> PanelRules:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise PanelRulesError(path.name, [f"cannot be read ({type(error).__name__})"]) from None
    return parse_rules(text, path.name)


DEFAULT_RULES_TOML = """
[[rules]]
id = "repeat_missing"
label = "3 or more episodes in 90 days"
kind = "episodes"
at_least = 3
days = 90

[[rules]]
id = "exploitation"
label = "Sexual or criminal exploitation indicator"
kind = "answers"
report_keys = ["risk.cse", "risk.cce", "risk.county_lines", "risk.trafficking"]

[[rules]]
id = "immediate_concern"
label = "Immediate safeguarding concern"
kind = "answers"
report_keys = ["safeguarding.immediate_concern"]

[[rules]]
id = "uasc_out_of_area"
label = "UASC placed out of area"
kind = "child"
uasc = true
placement_area = "out_of_area"
"""
"""The defaults: the panel's criteria from the service's own description."""

DEFAULT_RULES = parse_rules(DEFAULT_RULES_TOML, "the built-in defaults")
