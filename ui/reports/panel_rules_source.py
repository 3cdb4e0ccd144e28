"""Which rules the high-risk panel list uses: IT's file beside the machine policy, or the
built-in defaults. Qt-free.

A service's own rules are a `panel-rules.toml` (see `rhi_desktop.reports.panel_rules`)
in the same administrator-only folder as `policy.toml`, so a user cannot change who the
panel is shown. A file that is there but cannot be used is reported, never ignored.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rhi_desktop.config.locations import policy_path
from rhi_desktop.reports.panel_rules import DEFAULT_RULES, PanelRules, load_rules

RULES_FILE_NAME = "panel-rules.toml"


@dataclass(frozen=True, slots=True)
class ChosenRules:
    rules: PanelRules
    source: Path | None
    """The file they came from; None for the built-in defaults."""


def rules_path() -> Path:
    return policy_path().parent / RULES_FILE_NAME


def panel_rules(path: Path | None = None) -> ChosenRules:
    """The service's rules if IT has installed them, else the defaults (PanelRulesError if
    the file is there but unusable)."""
    chosen = path if path is not None else rules_path()
    if not chosen.is_file():
        return ChosenRules(DEFAULT_RULES, None)
    return ChosenRules(load_rules(chosen), chosen)
