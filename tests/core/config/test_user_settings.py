"""The user's own settings: saved safely, refused where IT decides, and never half-read."""

from __future__ import annotations

import tempfile
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from rhi_desktop.config import Settings, SettingsError
from rhi_desktop.profile import ProfilePaths
from tests.core.config.conftest import WritePolicy


def load(profile: ProfilePaths, policy: Path) -> Settings:
    return Settings.load(profile, policy_path=policy)


def settings_problems(profile: ProfilePaths, policy: Path) -> list[str]:
    with pytest.raises(SettingsError) as caught:
        load(profile, policy)
    assert caught.value.path == profile.settings
    return str(caught.value).splitlines()


def test_a_changed_setting_is_there_after_a_restart(
    missing_policy: Path, profile: ProfilePaths
) -> None:
    settings = load(profile, missing_policy)
    settings.set_user("idle_lock_minutes", 12)
    settings.set_user("language", "cy-GB")
    settings.set_user("log_level", "debug")

    assert settings.idle_lock_minutes == 12
    restarted = load(profile, missing_policy)
    assert restarted.idle_lock_minutes == 12
    assert restarted.language == "cy-GB"
    assert restarted.log_level == "DEBUG"
    assert str(restarted.source("language")) == f"user: {profile.settings}"
    assert tomllib.loads(profile.settings.read_text(encoding="utf-8")) == {
        "idle_lock_minutes": 12,
        "language": "cy-GB",
        "log_level": "DEBUG",
    }


def test_saving_leaves_no_temporary_files_in_the_profile(
    missing_policy: Path, profile: ProfilePaths
) -> None:
    settings = load(profile, missing_policy)
    for minutes in (10, 20, 30):
        settings.set_user("sync_interval_minutes", minutes)
    assert [p.name for p in profile.root.iterdir()] == ["settings.toml"]


def test_the_first_setting_creates_the_profile_folder(missing_policy: Path, tmp_path: Path) -> None:
    profile = ProfilePaths(tmp_path / "new" / "profile")
    load(profile, missing_policy).set_user("language", "pl")
    assert load(profile, missing_policy).language == "pl"


def test_a_key_fixed_by_policy_cannot_be_changed_by_the_user(
    write_policy: WritePolicy, profile: ProfilePaths
) -> None:
    policy = write_policy("idle_lock_minutes = 2\n")
    settings = load(profile, policy)

    with pytest.raises(SettingsError) as caught:
        settings.set_user("idle_lock_minutes", 30)

    assert str(caught.value) == (
        f"idle_lock_minutes: fixed by machine policy ({policy}); it cannot be changed here"
    )
    assert settings.idle_lock_minutes == 2
    assert not profile.settings.exists()
    with pytest.raises(SettingsError, match="fixed by machine policy"):
        settings.clear_user("idle_lock_minutes")


@pytest.mark.parametrize(
    ("key", "value"),
    [("retention_days", 365), ("max_failed_unlocks", 0), ("server_url", "https://evil.example")],
)
def test_keys_only_it_may_set_are_refused_even_without_a_policy(
    missing_policy: Path, profile: ProfilePaths, key: str, value: object
) -> None:
    settings = load(profile, missing_policy)
    with pytest.raises(SettingsError) as caught:
        settings.set_user(key, value)
    assert str(caught.value) == f"{key}: can only be set by machine policy"
    assert not profile.settings.exists()


def test_an_unknown_key_is_refused_with_a_suggestion(
    missing_policy: Path, profile: ProfilePaths
) -> None:
    settings = load(profile, missing_policy)
    with pytest.raises(SettingsError) as caught:
        settings.set_user("languge", "pl")
    assert str(caught.value) == 'languge: unknown key; did you mean "language"?'


LANGUAGE_TAG = 'a language tag like "en-GB"'
INJECTION_SHOWN = r'"en\"\nserver_url = \"x"'


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("idle_lock_minutes", 0, "expected an integer from 1 to 240, got 0"),
        ("idle_lock_minutes", "10", 'expected an integer from 1 to 240, got "10"'),
        ("sync_interval_minutes", True, "expected an integer from 1 to 1440, got true"),
        ("log_level", "TRACE", 'expected one of DEBUG, INFO, WARNING, ERROR, got "TRACE"'),
        # A value that would inject a second key if it were written unchecked.
        ("language", 'en"\nserver_url = "x', f"expected {LANGUAGE_TAG}, got {INJECTION_SHOWN}"),
    ],
)
def test_an_invalid_value_is_refused_and_the_saved_value_kept(
    missing_policy: Path, profile: ProfilePaths, key: str, value: object, message: str
) -> None:
    settings = load(profile, missing_policy)
    settings.set_user("idle_lock_minutes", 9)
    before = profile.settings.read_bytes()

    with pytest.raises(SettingsError) as caught:
        settings.set_user(key, value)

    assert str(caught.value) == f"{key}: {message}"
    assert profile.settings.read_bytes() == before
    assert settings.idle_lock_minutes == 9


def test_clearing_a_setting_returns_to_the_default(
    missing_policy: Path, profile: ProfilePaths
) -> None:
    settings = load(profile, missing_policy)
    settings.set_user("sync_interval_minutes", 5)
    settings.set_user("language", "pl")

    settings.clear_user("sync_interval_minutes")

    assert settings.sync_interval_minutes == 15
    assert str(settings.source("sync_interval_minutes")) == "default"
    restarted = load(profile, missing_policy)
    assert restarted.sync_interval_minutes == 15
    assert restarted.language == "pl"


def test_settings_cannot_be_saved_without_a_profile(missing_policy: Path) -> None:
    settings = Settings.load(None, policy_path=missing_policy)
    with pytest.raises(SettingsError) as caught:
        settings.set_user("language", "pl")
    assert str(caught.value) == "language: no profile is open, so user settings cannot be saved"


def test_a_save_that_fails_says_so_and_changes_nothing(
    missing_policy: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "profile"
    blocker.write_text("not a folder", encoding="utf-8")
    profile = ProfilePaths(blocker)
    settings = Settings(Settings.load(None, policy_path=missing_policy).policy, profile.settings)

    with pytest.raises(SettingsError) as caught:
        settings.set_user("language", "pl")

    assert str(caught.value).startswith(f"{profile.settings}: cannot be saved: ")
    assert settings.language == "en-GB"


def test_a_corrupt_user_file_is_named_with_its_line_and_column(
    missing_policy: Path, profile: ProfilePaths
) -> None:
    profile.settings.write_bytes(b'language = "pl"\nidle_lock_minutes = 1\x00\n')
    [line] = settings_problems(profile, missing_policy)
    assert line.startswith(f"{profile.settings}: malformed TOML: ")
    assert line.endswith("(at line 2, column 22)")


def test_a_truncated_user_file_is_named(missing_policy: Path, profile: ProfilePaths) -> None:
    profile.settings.write_text('language = "p', encoding="utf-8")
    assert settings_problems(profile, missing_policy) == [
        f"{profile.settings}: malformed TOML: Unterminated string (at end of document)"
    ]


def test_every_problem_in_the_user_file_is_reported(
    missing_policy: Path, profile: ProfilePaths
) -> None:
    profile.settings.write_text(
        'idle_lock_minutes = 0\nserver_url = "https://rhi.example.gov.uk"\nlangauge = "pl"\n',
        encoding="utf-8",
    )
    assert settings_problems(profile, missing_policy) == [
        f"{profile.settings}: idle_lock_minutes: expected an integer from 1 to 240, got 0",
        f"{profile.settings}: server_url: can only be set by machine policy",
        f'{profile.settings}: langauge: unknown key; did you mean "language"?',
    ]


def test_an_invalid_user_value_is_reported_even_when_policy_fixes_the_key(
    write_policy: WritePolicy, profile: ProfilePaths
) -> None:
    policy = write_policy("idle_lock_minutes = 2\n")
    profile.settings.write_text('idle_lock_minutes = "ten"\n', encoding="utf-8")
    assert settings_problems(profile, policy) == [
        f'{profile.settings}: idle_lock_minutes: expected an integer from 1 to 240, got "ten"'
    ]


def test_a_user_settings_path_that_is_a_directory_is_named(
    missing_policy: Path, profile: ProfilePaths
) -> None:
    profile.settings.mkdir()
    assert settings_problems(profile, missing_policy) == [
        f"{profile.settings}: is a directory, not a file"
    ]


@hypothesis_settings(max_examples=40, deadline=None)
@given(
    idle=st.integers(min_value=1, max_value=240),
    interval=st.integers(min_value=1, max_value=1440),
    language=st.from_regex(r"[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?", fullmatch=True),
    level=st.sampled_from(["DEBUG", "INFO", "WARNING", "ERROR"]),
)
def test_any_valid_user_choice_reads_back_exactly(
    idle: int, interval: int, language: str, level: str
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        profile = ProfilePaths(Path(folder))
        policy = Path(folder) / "no-policy.toml"
        settings = load(profile, policy)
        settings.set_user("idle_lock_minutes", idle)
        settings.set_user("sync_interval_minutes", interval)
        settings.set_user("language", language)
        settings.set_user("log_level", level)

        restarted = load(profile, policy)

        assert restarted.idle_lock_minutes == idle
        assert restarted.sync_interval_minutes == interval
        assert restarted.language == language
        assert restarted.log_level == level


@hypothesis_settings(max_examples=60, deadline=None)
@given(minutes=st.integers(min_value=-(2**64), max_value=2**64))
def test_idle_lock_accepts_exactly_one_to_240_minutes(minutes: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        settings = load(ProfilePaths(Path(folder)), Path(folder) / "no-policy.toml")
        if 1 <= minutes <= 240:
            settings.set_user("idle_lock_minutes", minutes)
            assert settings.idle_lock_minutes == minutes
        else:
            with pytest.raises(SettingsError, match="expected an integer from 1 to 240"):
                settings.set_user("idle_lock_minutes", minutes)
