"""The one typed accessor for every setting: machine policy > user settings > defaults.

Code never reads TOML or environment variables for settings itself; it asks a `Settings`
loaded once at start-up, so precedence and validation live in one place and the UI can
show where each value came from and which ones IT has fixed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar, cast

from rhi_desktop.config import keys
from rhi_desktop.config.errors import Problem, SettingsError
from rhi_desktop.config.keys import CATALOGUE, Key, unknown_key_problem
from rhi_desktop.config.parsers import InvalidValue, LogLevel
from rhi_desktop.config.policy import MachinePolicy, load_policy
from rhi_desktop.config.user_file import load_user_values, save_user_values
from rhi_desktop.profile import ProfilePaths

T = TypeVar("T")


class SourceKind(StrEnum):
    POLICY = "policy"
    USER = "user"
    DEFAULT = "default"


@dataclass(frozen=True, slots=True)
class Source:
    """Where a value came from; shown as "policy: <file>", "user: <file>" or "default"."""

    kind: SourceKind
    path: Path | None = None

    def __str__(self) -> str:
        return self.kind.value if self.path is None else f"{self.kind.value}: {self.path}"


@dataclass(frozen=True, slots=True)
class EffectiveValue:
    """One row of the diagnose listing."""

    key: str
    value: object
    source: Source
    editable: bool


class Settings:
    """Effective settings for this machine and (optionally) one user profile."""

    def __init__(
        self,
        policy: MachinePolicy,
        user_path: Path | None = None,
        user_values: Mapping[str, object] | None = None,
    ) -> None:
        self._policy = policy
        self._user_path = user_path
        self._user: dict[str, object] = dict(user_values or {})

    @classmethod
    def load(cls, profile: ProfilePaths | None, policy_path: Path | None = None) -> Settings:
        """Load and validate policy, then the profile's user settings if a profile is given.

        Raises PolicyError or SettingsError; nothing partial is ever returned.
        """
        policy = load_policy(policy_path)
        if profile is None:
            return cls(policy)
        return cls(policy, profile.settings, load_user_values(profile.settings))

    @property
    def policy(self) -> MachinePolicy:
        return self._policy

    @property
    def user_path(self) -> Path | None:
        return self._user_path

    def get(self, key: Key[T]) -> T:
        return cast(T, self._resolve(key.name)[0])

    def source(self, key: str) -> Source:
        return self._resolve(key)[1]

    def is_locked(self, key: str) -> bool:
        """True when machine policy fixes the key: the UI shows it read-only."""
        _require_known(key)
        return key in self._policy.values

    def is_editable(self, key: str) -> bool:
        """True when the user may change the key here and now."""
        return CATALOGUE[_require_known(key)].user_settable and not self.is_locked(key)

    def effective(self) -> list[EffectiveValue]:
        """Every key with its value and source, in catalogue order, for `diagnose`."""
        rows = []
        for name in CATALOGUE:
            value, source = self._resolve(name)
            rows.append(EffectiveValue(name, value, source, self.is_editable(name)))
        return rows

    def set_user(self, key: str, value: object) -> None:
        """Validate and save a user setting; refuse keys policy fixes or users may not set."""
        name = _require_known(key)
        user_path = self._writable_user_path(name)
        try:
            parsed = CATALOGUE[name].parse(value, user_path.parent)
        except InvalidValue as exc:
            raise SettingsError(None, [Problem(name, str(exc))]) from None
        self._save({**self._user, name: parsed})

    def clear_user(self, key: str) -> None:
        """Forget the user's own value so the default applies again."""
        name = _require_known(key)
        self._writable_user_path(name)
        if name in self._user:
            self._save({k: v for k, v in self._user.items() if k != name})

    def _writable_user_path(self, name: str) -> Path:
        if not CATALOGUE[name].user_settable:
            raise SettingsError(None, [Problem(name, "can only be set by machine policy")])
        if self.is_locked(name):
            message = f"fixed by machine policy ({self._policy.path}); it cannot be changed here"
            raise SettingsError(None, [Problem(name, message)])
        if self._user_path is None:
            message = "no profile is open, so user settings cannot be saved"
            raise SettingsError(None, [Problem(name, message)])
        return self._user_path

    def _save(self, values: dict[str, object]) -> None:
        assert self._user_path is not None
        plain = {name: _plain(value) for name, value in values.items()}
        try:
            save_user_values(self._user_path, plain)
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            problem = Problem(None, f"cannot be saved: {reason}")
            raise SettingsError(self._user_path, [problem]) from None
        self._user = values

    def _resolve(self, key: str) -> tuple[Any, Source]:
        name = _require_known(key)
        if name in self._policy.values:
            return self._policy.values[name], Source(SourceKind.POLICY, self._policy.path)
        if name in self._user:
            return self._user[name], Source(SourceKind.USER, self._user_path)
        return CATALOGUE[name].default, Source(SourceKind.DEFAULT)

    # Typed properties: the rest of the app reads settings only through these.

    @property
    def server_url(self) -> str | None:
        return self.get(keys.SERVER_URL)

    @property
    def ca_bundle(self) -> Path | None:
        return self.get(keys.CA_BUNDLE)

    @property
    def spki_pin(self) -> str | None:
        return self.get(keys.SPKI_PIN)

    @property
    def idle_lock_minutes(self) -> int:
        return self.get(keys.IDLE_LOCK_MINUTES)

    @property
    def retention_days(self) -> int:
        return self.get(keys.RETENTION_DAYS)

    @property
    def max_failed_unlocks(self) -> int:
        return self.get(keys.MAX_FAILED_UNLOCKS)

    @property
    def recovery_public_key(self) -> Path | None:
        return self.get(keys.RECOVERY_PUBLIC_KEY)

    @property
    def postcode_lookup(self) -> Path | None:
        return self.get(keys.POSTCODE_LOOKUP)

    @property
    def log_level(self) -> LogLevel:
        return self.get(keys.LOG_LEVEL)

    @property
    def sync_interval_minutes(self) -> int:
        return self.get(keys.SYNC_INTERVAL_MINUTES)

    @property
    def language(self) -> str:
        return self.get(keys.LANGUAGE)


def _require_known(key: str) -> str:
    if key not in CATALOGUE:
        raise SettingsError(None, [unknown_key_problem(key)])
    return key


def _plain(value: object) -> str | int:
    # User-settable keys are all strings or integers; anything else is a catalogue bug.
    if isinstance(value, str | int) and not isinstance(value, bool):
        return value
    raise TypeError(f"user settings hold only strings and integers, not {type(value).__name__}")
