from __future__ import annotations

import sys
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from rhi_desktop.config import Settings, SourceKind, locations, platform_policy_path, policy_path
from rhi_desktop.config.locations import chosen_policy_path
from tests.core.config.conftest import WritePolicy


def test_it_finds_the_policy_in_program_data_on_windows() -> None:
    location = platform_policy_path("win32", r"D:\Data")
    assert location == PureWindowsPath(r"D:\Data\RHI Desktop\policy.toml")


def test_windows_falls_back_to_the_usual_program_data_folder() -> None:
    location = platform_policy_path("win32")
    assert location == PureWindowsPath(r"C:\ProgramData\RHI Desktop\policy.toml")


def test_a_users_program_data_variable_names_no_policy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A user may set ProgramData for their own programs (setx): read from there, an
    installed copy took their policy for IT's, wipe limit and server and all."""
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    # What Windows says the machine's folder is (its API does not run here).
    monkeypatch.setattr(locations, "_known_folder", lambda _folder: r"E:\MachineData")
    chosen = policy_path({"ProgramData": r"C:\Users\kim\pd", "PROGRAMDATA": r"C:\Users\kim\pd"})
    assert "kim" not in str(chosen)
    assert PureWindowsPath(str(chosen)) == PureWindowsPath(
        r"E:\MachineData\RHI Desktop\policy.toml"
    )


def test_it_finds_the_policy_in_library_application_support_on_macos() -> None:
    location = platform_policy_path("darwin")
    assert location == PurePosixPath("/Library/Application Support/RHI Desktop/policy.toml")


def test_it_finds_the_policy_in_etc_on_linux() -> None:
    assert platform_policy_path("linux") == PurePosixPath("/etc/rhi-desktop/policy.toml")


def test_the_environment_variable_names_another_policy_file() -> None:
    chosen = policy_path({"RHI_DESKTOP_POLICY": "/srv/test/policy.toml"})
    assert chosen == Path("/srv/test/policy.toml")


def test_an_installed_copy_keeps_to_the_machine_policy_it_has(tmp_path: Path) -> None:
    machine = tmp_path / "etc" / "policy.toml"
    machine.parent.mkdir()
    machine.write_text("idle_lock_minutes = 2\n")
    own = str(tmp_path / "mine.toml")

    assert chosen_policy_path(own, machine, installed=True) == machine
    assert chosen_policy_path(own, machine, installed=False) == Path(own)


def test_an_installed_copy_with_no_machine_policy_follows_the_variable(tmp_path: Path) -> None:
    machine = tmp_path / "etc" / "policy.toml"
    own = str(tmp_path / "mine.toml")

    assert chosen_policy_path(own, machine, installed=True) == Path(own)
    assert chosen_policy_path("", machine, installed=True) == machine


@pytest.mark.parametrize("value", ["", "   "])
def test_an_empty_environment_variable_means_the_platform_location(value: str) -> None:
    chosen = policy_path({"RHI_DESKTOP_POLICY": value})
    assert chosen == Path(platform_policy_path(sys.platform))


def test_settings_follow_the_environment_variable_when_no_path_is_given(
    write_policy: WritePolicy, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_policy("idle_lock_minutes = 7\n")
    monkeypatch.setenv("RHI_DESKTOP_POLICY", str(path))

    settings = Settings.load(None)

    assert settings.idle_lock_minutes == 7
    assert str(settings.source("idle_lock_minutes")) == f"policy: {path}"


def test_the_suite_runs_without_a_machine_policy() -> None:
    # tests/conftest.py points RHI_DESKTOP_POLICY at a file that does not exist.
    settings = Settings.load(None)
    assert not settings.policy.present
    assert settings.source("idle_lock_minutes").kind is SourceKind.DEFAULT
