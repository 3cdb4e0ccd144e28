"""Headless `rhi-desktop` commands for IT automation and support.

Passphrases come only from standard input (`--passphrase-stdin`), never from arguments or
the environment. A command that sets a new passphrase (`init`, `change-passphrase`,
`recover`) refuses one that is too easy to guess before it writes anything. Exit codes:
0 success, 1 failure (one line on stderr, no traceback), 2 usage error (argparse).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from rhi_desktop import __version__
from rhi_desktop.audit import AuditError, verify
from rhi_desktop.config import ConfigError, Settings
from rhi_desktop.demo import generate
from rhi_desktop.demo_answers import answer_maker
from rhi_desktop.forms import load_bundled_form
from rhi_desktop.forms.xlsform import command as xlsform_command
from rhi_desktop.logs import configure_logging
from rhi_desktop.profile import ProfilePaths, default_profile_dir
from rhi_desktop.reports.exports import command as export_command
from rhi_desktop.session import (
    LOCAL_ACTOR,
    KeyChange,
    OpenProfile,
    audit_key_change,
    create_profile,
    open_profile,
)
from rhi_desktop.store import StoreError
from rhi_desktop.vault import VaultError, detect_keystore, recover, require_strong

log = logging.getLogger(__name__)


class CommandError(Exception):
    """A failure to report as one line with exit code 1."""


def read_line(stream: TextIO, what: str) -> str:
    try:
        line = stream.readline()
    except UnicodeDecodeError:
        encoding = getattr(stream, "encoding", None) or "UTF-8"
        raise CommandError(f"{what} on standard input is not {encoding} text") from None
    if not line:
        raise CommandError(f"expected {what} on standard input, got nothing")
    return line.removesuffix("\n").removesuffix("\r")


def _paths(args: argparse.Namespace) -> ProfilePaths:
    return ProfilePaths(Path(args.profile) if args.profile else default_profile_dir())


def _settings(paths: ProfilePaths | None) -> Settings:
    return Settings.load(paths)


def _unlock(args: argparse.Namespace, stdin: TextIO) -> OpenProfile:
    paths = _paths(args)
    settings = _settings(paths)
    passphrase = read_line(stdin, "the passphrase")
    return open_profile(paths, passphrase, settings, detect_keystore())


# -- commands ------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    paths = _paths(args)
    settings = _settings(paths)
    passphrase = read_line(stdin, "the passphrase")
    require_strong(passphrase)
    profile = create_profile(paths, passphrase, settings, detect_keystore())
    profile.close()
    print(f"Created an encrypted profile in {paths.root}.", file=out)
    print(profile.vault.protection.describe(), file=out)
    return 0


def cmd_demo_seed(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    if args.children < 1:
        raise CommandError("--children must be at least 1")
    profile = _unlock(args, stdin)
    with profile.store as store:
        answers = answer_maker(load_bundled_form("rhi-v1.json"))
        cases = list(
            generate(args.children, interviewer_id=LOCAL_ACTOR, seed=args.seed, answers=answers)
        )
        with store.transaction(profile.actor) as tx:
            tx.children.add_many([case.child for case in cases])
            tx.episodes.add_many([e for case in cases for e in case.episodes])
            tx.interviews.add_many([i for case in cases for i in case.interviews])
            tx.offers.add_many([o for case in cases for o in case.offers])
            tx.reviews.add_many([r for case in cases for r in case.reviews])
    print(f"Added {len(cases)} fictional children with their episodes and interviews.", file=out)
    return 0


def cmd_stats(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    profile = _unlock(args, stdin)
    with profile.store as store:
        pending, quarantined = store.outbox.counts()
        counts = {
            "interviews_by_state": store.interviews.count_by_state(),
            "children": store.children.count(),
            "episodes": store.episodes.count(),
            "outbox_pending": pending,
            "quarantined": quarantined,
        }
    print(json.dumps(counts, sort_keys=True), file=out)
    return 0


def cmd_verify_audit(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    profile = _unlock(args, stdin)
    with profile.store as store:
        report = verify(store)
    if not report.ok:
        raise CommandError(str(report))
    print(f"OK: {report}", file=out)
    return 0


def cmd_change_passphrase(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    from rhi_desktop.vault import Vault

    paths = _paths(args)
    settings = _settings(paths)
    old = read_line(stdin, "the current passphrase")
    new = read_line(stdin, "the new passphrase")
    require_strong(new)
    vault = Vault.load(paths, keystore=detect_keystore())
    recovery = settings.recovery_public_key
    result = vault.change_passphrase(
        old,
        new,
        recovery_public_key=recovery.read_bytes() if recovery else None,
        max_failed_unlocks=settings.max_failed_unlocks or None,
    )
    audit_key_change(vault, result, KeyChange.PASSPHRASE_CHANGED)
    print("Passphrase changed.", file=out)
    return 0


def cmd_recover(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    paths = _paths(args)
    try:
        private_pem = Path(args.recovery_key).read_bytes()
    except OSError as exc:
        raise CommandError(f"cannot read the recovery key file: {exc.strerror}") from None
    key_password = read_line(stdin, "the recovery key's password") if args.key_password else None
    new = read_line(stdin, "the new passphrase")
    require_strong(new)
    vault, result = recover(
        paths,
        private_pem,
        key_password.encode() if key_password is not None else None,
        new,
        detect_keystore(),
    )
    audit_key_change(vault, result, KeyChange.RECOVERED)
    print("Recovered: the profile now opens with the new passphrase.", file=out)
    return 0


Handler = Callable[[argparse.Namespace, TextIO, TextIO], int]

COMMANDS: dict[str, tuple[Handler, str]] = {
    "init": (cmd_init, "create an encrypted profile"),
    "demo-seed": (cmd_demo_seed, "fill a profile with synthetic, fictional cases"),
    "stats": (cmd_stats, "print counts as JSON"),
    "verify-audit": (cmd_verify_audit, "check the tamper-evident audit chain"),
    "change-passphrase": (
        cmd_change_passphrase,
        "re-wrap the data key (old and new passphrase on stdin, one per line)",
    ),
    "recover": (
        cmd_recover,
        "IT: set a new passphrase using the organisation recovery key (new passphrase on stdin)",
    ),
    "import-xlsform": (xlsform_command.cmd_import_xlsform, xlsform_command.HELP),
    "export": (export_command.cmd_export, export_command.HELP),
}
# Commands that work on a profile; the others (form import) need none.
PROFILE_COMMANDS = ("init", "demo-seed", "stats", "verify-audit", "change-passphrase", "recover")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rhi-desktop", description="RHI Desktop")
    parser.add_argument("--version", action="version", version=f"rhi-desktop {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (_, help_text) in COMMANDS.items():
        cmd = sub.add_parser(name, help=help_text, description=help_text)
        if name in PROFILE_COMMANDS:
            cmd.add_argument(
                "--profile", metavar="DIR", help="profile directory (default: per-user)"
            )
        if name == "import-xlsform":
            xlsform_command.add_arguments(cmd)
        if name == "export":
            export_command.add_arguments(cmd)
        if name in ("init", "demo-seed", "stats", "verify-audit"):
            cmd.add_argument(
                "--passphrase-stdin",
                action="store_true",
                required=True,
                help="read the passphrase from the first line of standard input",
            )
        if name == "demo-seed":
            cmd.add_argument("--children", type=int, required=True, metavar="N")
            cmd.add_argument("--seed", type=int, default=2018, help=argparse.SUPPRESS)
        if name == "recover":
            cmd.add_argument("--recovery-key", required=True, metavar="FILE")
            cmd.add_argument(
                "--key-password",
                action="store_true",
                help="the private key is encrypted: its password is the first stdin line",
            )
    return parser


def main(
    argv: Sequence[str] | None = None, stdin: TextIO | None = None, out: TextIO | None = None
) -> int:
    args = build_parser().parse_args(argv)
    stdin = stdin or sys.stdin
    out = out or sys.stdout
    handler, _ = COMMANDS[args.command]
    return run_command(handler, args, stdin, out)


def run_command(
    handler: Handler,
    args: argparse.Namespace,
    stdin: TextIO,
    out: TextIO,
    failures: tuple[type[Exception], ...] = (),
) -> int:
    """Run one command: failures a person can act on (ours, and the layer's own
    `failures`) become one line and exit 1; anything else an apology with a reference."""
    expected: tuple[type[Exception], ...] = (
        CommandError,
        ConfigError,
        VaultError,
        StoreError,
        AuditError,
        *failures,
    )
    try:
        _start_logging(args)
        return handler(args, stdin, out)
    except expected as exc:
        print(f"rhi-desktop: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        # Which file, as the person gave it: with --out, --profile and key files about,
        # "Is a directory" alone does not say which one to fix.
        # A failed rename names its destination second, and that is the path given.
        named = exc.filename2 or exc.filename
        where = f"{named}: " if named else ""
        print(f"rhi-desktop: {where}{exc.strerror or type(exc).__name__}", file=sys.stderr)
        return 1
    except Exception as exc:
        reference = uuid.uuid4().hex[:8]
        log.error("unexpected %s (reference %s)", type(exc).__name__, reference, exc_info=True)
        print(
            f"rhi-desktop: something went wrong (reference {reference}); the log has details",
            file=sys.stderr,
        )
        return 1


def _start_logging(args: argparse.Namespace) -> None:
    """At the level the person's own settings ask for, below machine policy: those of
    the profile the command names, or of the usual one."""
    try:
        paths = _paths(args) if hasattr(args, "profile") else None
        configure_logging(Settings.load(paths).log_level)
    except (ConfigError, OSError):
        configure_logging("INFO")


if __name__ == "__main__":
    sys.exit(main())
