"""Configuration errors that say which file, which key and what is wrong.

Every problem in a file is collected before raising, so IT fixes a policy in one pass
instead of one restart per mistake. Values quoted back come only from configuration
files, which hold no personal data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one key (or with the file as a whole when `key` is None)."""

    key: str | None
    message: str

    def describe(self, path: Path | None) -> str:
        parts = [str(path)] if path is not None else []
        if self.key is not None:
            parts.append(self.key)
        parts.append(self.message)
        return ": ".join(parts)


class ConfigError(Exception):
    """Configuration that must not be used: one line per problem, each naming the file."""

    def __init__(self, path: Path | None, problems: Sequence[Problem]) -> None:
        if not problems:
            raise ValueError("a configuration error needs at least one problem")
        self.path = path
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(problem.describe(path) for problem in self.problems))


class PolicyError(ConfigError):
    """The machine policy file is unreadable or invalid; the app must not start."""


class SettingsError(ConfigError):
    """The user's settings file is unreadable or invalid, or a change was refused."""
