"""The deployment guide stays true to the code: every policy key with its real default,
and every `rhi-desktop` / `rhi-central` command and option it tells IT to type."""

from __future__ import annotations

import argparse
import re

import pytest

from rhi_desktop import cli
from rhi_desktop.config import CATALOGUE
from sync.server.cli import _parser as central_parser
from tests.packaging.processes import PACKAGING
from ui import diagnose, self_test

GUIDE = (PACKAGING / "README.md").read_text(encoding="utf-8")
# A command as typed: the program, then words and options up to a shell operator or the
# end of the line (a trailing backslash continues it).
_INVOCATION = re.compile(r"\b(rhi-desktop|rhi-central)((?: +[^\s|>&;`]+)*)")


def _documented_commands() -> list[tuple[str, list[str]]]:
    found = []
    joined = re.sub(r"\\\n\s*", " ", GUIDE)
    for program, rest in _INVOCATION.findall(joined):
        words = rest.split()
        if words and (words[0].startswith("--") or re.fullmatch(r"[a-z][a-z-]*", words[0])):
            found.append((program, words))
    return found


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _options(parser: argparse.ArgumentParser) -> set[str]:
    return {option for action in parser._actions for option in action.option_strings}


def _resolve(program: str, words: list[str]) -> tuple[argparse.ArgumentParser, list[str]]:
    """The parser the words lead to, and the options given to it."""
    if program == "rhi-desktop":
        if words[0] == "--self-test":
            return self_test.build_parser(), words[1:]
        if words[0] == "diagnose":
            return diagnose.build_parser(), words[1:]
        parser = cli.build_parser()
    else:
        parser = central_parser()
    while words and not words[0].startswith("-"):
        choices = _subparsers(parser)
        if not choices:
            break
        assert words[0] in choices, f"{program} has no command {words[0]!r}"
        parser, words = choices[words[0]], words[1:]
    return parser, words


def test_every_command_and_option_in_the_guide_exists() -> None:
    documented = _documented_commands()
    seen = {(program, words[0]) for program, words in documented}
    # The guide covers what IT needs: each of these must appear at least once.
    assert {
        ("rhi-desktop", "--self-test"),
        ("rhi-desktop", "diagnose"),
        ("rhi-desktop", "recover"),
        ("rhi-desktop", "import-xlsform"),
        ("rhi-central", "users"),
        ("rhi-central", "enrol-code"),
        ("rhi-central", "publish"),
        ("rhi-central", "devices"),
        ("rhi-central", "init"),
    } <= seen
    for program, words in documented:
        headless = ("--self-test", "diagnose", *cli.COMMANDS)
        if program == "rhi-desktop" and words[0] not in headless:
            continue  # prose such as "rhi-desktop and its console twin"
        parser, rest = _resolve(program, words)
        options = _options(parser)
        for word in (w.strip("[]") for w in rest):
            if word.startswith("--"):
                assert word.split("=", 1)[0] in options, f"{program} {' '.join(words)}: {word}"


@pytest.mark.parametrize("name", list(CATALOGUE))
def test_the_policy_table_lists_every_key_with_its_real_default(name: str) -> None:
    row = next((line for line in GUIDE.splitlines() if line.startswith(f"| `{name}` |")), None)
    assert row is not None, f"{name} is missing from the policy table"
    key = CATALOGUE[name]
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    default, user = cells[2], cells[3]
    if key.default is None:
        assert default.startswith("not set")
    elif isinstance(key.default, str):
        assert default.startswith(f'`"{key.default}"`')
    else:
        assert default.startswith(f"`{key.default}`")
    assert user == ("yes" if key.user_settable else "no")
    example = cells[4].strip("`")
    assert example.startswith(f"{name} = ")


def test_help_lists_every_command_not_only_the_cores(capsys: pytest.CaptureFixture[str]) -> None:
    from sync import cli as sync_cli
    from ui.app import main

    assert main(["--help"]) == 0
    said = capsys.readouterr().out
    listed = {line.split()[0] for line in said.splitlines() if line.startswith("  ")}
    expected = {*cli.COMMANDS, *sync_cli.COMMANDS, "diagnose", "--self-test"}
    assert expected <= listed, expected - listed
    assert "export report" in said


@pytest.mark.parametrize("typed", ["diagnos", "self-test", "--selftest"])
def test_a_mistyped_command_is_a_usage_error_even_without_a_display(
    typed: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Over SSH, with no display, a typo was blamed on the display (exit 1)."""
    from ui.app import main

    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(SystemExit) as ended:
        main([typed])
    assert ended.value.code == 2
    error = capsys.readouterr().err
    assert "unrecognized arguments" in error and "no display" not in error
