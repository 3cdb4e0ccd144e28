"""Machine policy beats the user's choice, which beats the default, for every key."""

from __future__ import annotations

from pathlib import Path

import pytest

from rhi_desktop.config import CATALOGUE, USER_SETTABLE, Settings, SettingsError, Source, SourceKind
from rhi_desktop.profile import ProfilePaths
from tests.core.config.conftest import WritePolicy

# For each key users may set: (a value IT might fix, a value a user might choose).
USER_KEY_VALUES: dict[str, tuple[object, object]] = {
    "idle_lock_minutes": (2, 15),
    "log_level": ("WARNING", "DEBUG"),
    "sync_interval_minutes": (120, 5),
    "language": ("cy-GB", "pl"),
}
# Policy-only keys: a value IT might set (paths are filled in by the test).
POLICY_ONLY_VALUES: dict[str, object] = {
    "server_url": "https://rhi.example.gov.uk",
    "spki_pin": "KJfhoj/Q1tbztkqUJnaVZvz0WuK6NYDZuqwAM9DuXrc=",
    "retention_days": 7,
    "max_failed_unlocks": 10,
}


def toml_line(key: str, value: object) -> str:
    return f'{key} = "{value}"\n' if isinstance(value, str | Path) else f"{key} = {value}\n"


def test_the_tables_cover_every_key_in_the_catalogue() -> None:
    assert set(USER_KEY_VALUES) == USER_SETTABLE
    assert set(USER_KEY_VALUES) | set(POLICY_ONLY_VALUES) | {
        "ca_bundle",
        "recovery_public_key",
        "postcode_lookup",
    } == set(CATALOGUE)


@pytest.mark.parametrize("key", sorted(USER_KEY_VALUES))
@pytest.mark.parametrize(
    ("in_policy", "in_user_file", "winner"),
    [
        (True, True, SourceKind.POLICY),
        (True, False, SourceKind.POLICY),
        (False, True, SourceKind.USER),
        (False, False, SourceKind.DEFAULT),
    ],
)
def test_policy_beats_user_beats_default(
    write_policy: WritePolicy,
    profile: ProfilePaths,
    key: str,
    in_policy: bool,
    in_user_file: bool,
    winner: SourceKind,
) -> None:
    policy_value, user_value = USER_KEY_VALUES[key]
    policy_path = write_policy(toml_line(key, policy_value) if in_policy else "")
    if in_user_file:
        profile.settings.write_text(toml_line(key, user_value), encoding="utf-8")

    settings = Settings.load(profile, policy_path=policy_path)

    expected = {
        SourceKind.POLICY: (policy_value, Source(SourceKind.POLICY, policy_path)),
        SourceKind.USER: (user_value, Source(SourceKind.USER, profile.settings)),
        SourceKind.DEFAULT: (CATALOGUE[key].default, Source(SourceKind.DEFAULT)),
    }[winner]
    assert (getattr(settings, key), settings.source(key)) == expected
    assert settings.is_locked(key) is in_policy
    assert settings.is_editable(key) is not in_policy


@pytest.mark.parametrize("key", [*POLICY_ONLY_VALUES, "ca_bundle", "recovery_public_key"])
@pytest.mark.parametrize("in_policy", [True, False])
def test_keys_only_it_may_set_come_from_policy_or_default(
    write_policy: WritePolicy,
    profile: ProfilePaths,
    ca_file: Path,
    recovery_key_file: Path,
    key: str,
    in_policy: bool,
) -> None:
    value = {**POLICY_ONLY_VALUES, "ca_bundle": ca_file, "recovery_public_key": recovery_key_file}[
        key
    ]
    policy_path = write_policy(toml_line(key, value) if in_policy else "")

    settings = Settings.load(profile, policy_path=policy_path)

    if in_policy:
        assert getattr(settings, key) == value
        assert settings.source(key) == Source(SourceKind.POLICY, policy_path)
    else:
        assert getattr(settings, key) == CATALOGUE[key].default
        assert settings.source(key) == Source(SourceKind.DEFAULT)
    assert settings.is_locked(key) is in_policy
    assert not settings.is_editable(key)


def test_sources_read_as_the_diagnose_command_prints_them(
    write_policy: WritePolicy, profile: ProfilePaths
) -> None:
    policy_path = write_policy("idle_lock_minutes = 2\n")
    profile.settings.write_text('language = "pl"\n', encoding="utf-8")

    settings = Settings.load(profile, policy_path=policy_path)

    assert str(settings.source("idle_lock_minutes")) == f"policy: {policy_path}"
    assert str(settings.source("language")) == f"user: {profile.settings}"
    assert str(settings.source("retention_days")) == "default"


def test_defaults_apply_on_a_machine_without_policy_or_user_settings(
    missing_policy: Path, profile: ProfilePaths
) -> None:
    settings = Settings.load(profile, policy_path=missing_policy)

    assert settings.server_url is None
    assert settings.ca_bundle is None
    assert settings.spki_pin is None
    assert settings.idle_lock_minutes == 5
    assert settings.retention_days == 30
    assert settings.max_failed_unlocks == 0
    assert settings.recovery_public_key is None
    assert settings.log_level == "INFO"
    assert settings.sync_interval_minutes == 15
    assert settings.language == "en-GB"


def test_the_effective_listing_shows_every_key_its_value_and_where_it_came_from(
    write_policy: WritePolicy, profile: ProfilePaths
) -> None:
    policy_path = write_policy('server_url = "https://rhi.example.gov.uk"\nidle_lock_minutes = 2\n')
    profile.settings.write_text("sync_interval_minutes = 30\n", encoding="utf-8")

    rows = Settings.load(profile, policy_path=policy_path).effective()

    assert [row.key for row in rows] == list(CATALOGUE)
    listing = {row.key: (row.value, str(row.source), row.editable) for row in rows}
    assert listing == {
        "server_url": ("https://rhi.example.gov.uk", f"policy: {policy_path}", False),
        "ca_bundle": (None, "default", False),
        "spki_pin": (None, "default", False),
        "idle_lock_minutes": (2, f"policy: {policy_path}", False),
        "retention_days": (30, "default", False),
        "max_failed_unlocks": (0, "default", False),
        "recovery_public_key": (None, "default", False),
        "postcode_lookup": (None, "default", False),
        "log_level": ("INFO", "default", True),
        "sync_interval_minutes": (30, f"user: {profile.settings}", True),
        "language": ("en-GB", "default", True),
    }


def test_a_value_the_user_saved_before_it_fixed_the_key_is_overridden_not_an_error(
    write_policy: WritePolicy, profile: ProfilePaths
) -> None:
    profile.settings.write_text("idle_lock_minutes = 60\n", encoding="utf-8")
    policy_path = write_policy("idle_lock_minutes = 2\n")

    settings = Settings.load(profile, policy_path=policy_path)

    assert settings.idle_lock_minutes == 2
    assert settings.is_locked("idle_lock_minutes")


def test_asking_about_a_key_that_does_not_exist_is_an_error(missing_policy: Path) -> None:
    settings = Settings.load(None, policy_path=missing_policy)
    with pytest.raises(SettingsError, match='did you mean "idle_lock_minutes"'):
        settings.source("idle_lock_minutes_")
    with pytest.raises(SettingsError, match="unknown key"):
        settings.is_locked("colour")
