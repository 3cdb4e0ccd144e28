"""Headless `rhi-desktop` commands for enrolling and syncing, for IT automation.

    rhi-desktop enrol --profile DIR --passphrase-stdin --code-stdin --server URL [--ca-bundle FILE]
    rhi-desktop sync --profile DIR --passphrase-stdin
    rhi-desktop purge-expired --profile DIR --passphrase-stdin

Passphrases come only from standard input, and so does the enrolment code (on the line
after the passphrase): whoever reads a code first, from the process list or a shell's
history, could enrol as that person. When `enrol` creates the profile it refuses a
passphrase that is too easy to guess, before anything is written or sent. `sync` prints
one line and exits 0 when everything due was sent (or nothing was due), 1 when it failed
(or the device was revoked and wiped), 3 when it synced but some changes are
quarantined. Other failures are one line on stderr with exit code 1; usage errors exit 2.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

from rhi_desktop import __version__
from rhi_desktop.cli import CommandError, read_line, run_command
from rhi_desktop.config import Settings
from rhi_desktop.config.parsers import InvalidValue, ca_bundle, read_pem, server_url, spki_pin
from rhi_desktop.domain.deadlines import utc_now
from rhi_desktop.profile import ProfilePaths, default_profile_dir
from rhi_desktop.retention import purge_expired
from rhi_desktop.session import OpenProfile, create_profile, open_profile
from rhi_desktop.vault import Keystore, detect_keystore, require_strong
from sync.apply import Observer
from sync.device import enrol_device, sync_engine
from sync.endpoint import policy_names_another
from sync.engine import SyncOutcome
from sync.errors import SyncError
from sync.retry import Sleep


def _paths(args: argparse.Namespace) -> ProfilePaths:
    return ProfilePaths(Path(args.profile) if args.profile else default_profile_dir())


def _unlock(
    paths: ProfilePaths, settings: Settings, stdin: TextIO
) -> tuple[OpenProfile, Keystore | None]:
    keystore = detect_keystore()
    profile = open_profile(paths, read_line(stdin, "the passphrase"), settings, keystore)
    return profile, keystore


def _checked(parse: Callable[[object, Path], object], raw: str, option: str) -> object:
    try:
        return parse(raw, Path.cwd())
    except InvalidValue as exc:
        raise CommandError(f"{option}: {exc}") from None


# -- commands ------------------------------------------------------------------------------


def cmd_enrol(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    paths = _paths(args)
    settings = Settings.load(paths)
    raw_url = args.server or settings.server_url
    if not raw_url:
        raise CommandError("pass --server URL (machine policy names no central service)")
    url = str(_checked(server_url, raw_url, "--server"))
    if policy_names_another(settings, url):
        raise CommandError(
            f"--server: machine policy names the central service {settings.server_url}; "
            "leave --server out, or give that address"
        )
    if settings.server_url is not None and args.ca_bundle:
        # IT chose the service, so IT chooses whom it is trusted by: a CA named here
        # would be kept and trusted at every sync. (A pin only narrows trust.)
        raise CommandError(
            "--ca-bundle: machine policy names the central service, so only machine "
            "policy names the CA it is trusted by (ca_bundle); leave --ca-bundle out"
        )
    ca_pem = None
    if args.ca_bundle:
        bundle = _checked(ca_bundle, args.ca_bundle, "--ca-bundle")
        ca_pem = read_pem(Path(str(bundle)))
    pin = str(_checked(spki_pin, args.spki_pin, "--spki-pin")) if args.spki_pin else None
    passphrase = read_line(stdin, "the passphrase")
    code = read_line(stdin, "the enrolment code after the passphrase").strip()
    creating = not paths.is_complete()  # a half-made profile is set aside and made again
    if creating:
        require_strong(passphrase)  # only a new profile's passphrase: an existing one opens
    keystore = detect_keystore()
    if creating:
        profile = create_profile(paths, passphrase, settings, keystore)
        print(f"Created an encrypted profile in {paths.root}.", file=out)
    else:
        profile = open_profile(paths, passphrase, settings, keystore)
    with profile.store:
        enrolment = enrol_device(
            profile,
            keystore,
            settings,
            server_url=url,
            code=code,
            ca_pem=ca_pem,
            spki_pin=pin,
            device_name=args.device_name or platform.node(),
        )
    print(
        f"Enrolled with {enrolment.server_url} as {enrolment.role} (device {enrolment.device_id}).",
        file=out,
    )
    return 0


def run_sync(
    args: argparse.Namespace,
    stdin: TextIO,
    out: TextIO,
    *,
    observer: Observer | None = None,
    sleep: Sleep = time.sleep,
    engine_options: Mapping[str, Any] | None = None,
) -> int:
    """`sync`, with the engine's step observer, back-off sleep and other options (batch
    size, pull limit) open to the caller."""
    paths = _paths(args)
    settings = Settings.load(paths)
    profile, keystore = _unlock(paths, settings, stdin)
    options: dict[str, Any] = dict(engine_options or {})
    if observer is not None:
        options["observer"] = observer
    try:
        with sync_engine(profile, keystore, settings, sleep=sleep, **options) as engine:
            report = engine.run()
    finally:
        if profile.vault.paths.db.exists():
            profile.close()
    print(report.summary(), file=out)
    if report.outcome is SyncOutcome.WIPED:
        print(f"rhi-desktop: {report.summary()}", file=sys.stderr)
    return report.exit_code


def cmd_sync(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    return run_sync(args, stdin, out)


def cmd_purge_expired(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    paths = _paths(args)
    settings = Settings.load(paths)
    profile, _ = _unlock(paths, settings, stdin)
    with profile.store as store:
        now = store.sync_state.server_now(utc_now())
        report = purge_expired(
            store, profile.actor, now=now, retention_days=settings.retention_days
        )
    kept = report.kept_for_unsent_work
    print(f"{str(report).capitalize()}; {kept} kept for unsent changes.", file=out)
    return 0


Handler = Callable[[argparse.Namespace, TextIO, TextIO], int]

COMMANDS: dict[str, tuple[Handler, str]] = {
    "enrol": (cmd_enrol, "enrol this device with the central service using a one-time code"),
    "sync": (cmd_sync, "send queued changes and receive updates; prints one line"),
    "purge-expired": (
        cmd_purge_expired,
        "remove approved interviews kept past the retention period",
    ),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rhi-desktop", description="RHI Desktop sync")
    parser.add_argument("--version", action="version", version=f"rhi-desktop {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (_, help_text) in COMMANDS.items():
        cmd = sub.add_parser(name, help=help_text, description=help_text)
        cmd.add_argument("--profile", metavar="DIR", help="profile directory (default: per-user)")
        cmd.add_argument(
            "--passphrase-stdin",
            action="store_true",
            required=True,
            help="read the passphrase from the first line of standard input",
        )
        if name == "enrol":
            cmd.add_argument("--server", metavar="URL", help="the central service's address")
            cmd.add_argument(
                "--code-stdin",
                action="store_true",
                required=True,
                help="read the one-time enrolment code from the second line of standard input",
            )
            cmd.add_argument("--code", help=argparse.SUPPRESS)  # refused: see `main`
            cmd.add_argument(
                "--ca-bundle", metavar="FILE", help="PEM CA certificates to trust for it"
            )
            cmd.add_argument("--spki-pin", metavar="PIN", help="base64 SHA-256 of its public key")
            cmd.add_argument("--device-name", metavar="NAME", help="how IT will see this device")
    return parser


def main(
    argv: Sequence[str] | None = None, stdin: TextIO | None = None, out: TextIO | None = None
) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "code", None) is not None:
        parser.error(
            "--code is not accepted: other accounts can read a command line. Give the code "
            "on the line after the passphrase, with --code-stdin"
        )
    handler, _ = COMMANDS[args.command]
    return run_command(handler, args, stdin or sys.stdin, out or sys.stdout, (SyncError,))


if __name__ == "__main__":
    sys.exit(main())
