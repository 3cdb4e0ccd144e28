"""`rhi-central`: run and administer the central service.

Errors are one line on stderr with exit code 1; usage errors exit with 2. The database URL
comes from `--db` or the RHI_CENTRAL_DB environment variable (which keeps a PostgreSQL
password out of the process list). For the same reason `assign` reads the child's name
and date of birth from standard input, one per line: arguments are visible to every
account on the machine and kept in shell history.
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import logging
import os
import ssl
import stat
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError

from rhi_desktop.domain.deadlines import utc_now
from rhi_desktop.domain.entities import EpisodeType, RiskGrade
from rhi_desktop.forms import INTERVIEW_FORM_ID, FormDefinitionError, load_form
from rhi_desktop.forms.loader import BOM
from sync.protocol import EntityKind, Role
from sync.server import admin, migrations
from sync.server.db import DatabaseFileExposed, DatabaseUrlError, open_engine
from sync.server.handover import hand_over
from sync.server.request_log import JsonLineFormatter

PROG = "rhi-central"
DB_ENV = "RHI_CENTRAL_DB"
GRACEFUL_SHUTDOWN_SECONDS = 10


class CommandError(Exception):
    """A failure to report on one line; the text is safe to print."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.db:
        parser.error(f"the database URL is required: pass --db URL or set {DB_ENV}")
    if args.command == "serve":
        _check_serve_arguments(parser, args)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except (
        CommandError,
        admin.AdminError,
        migrations.SchemaTooNew,
        DatabaseUrlError,
        DatabaseFileExposed,
    ) as exc:
        _fail(str(exc))
    except SQLAlchemyError as exc:
        _fail(
            f"the database could not be used ({_why(exc)}); "
            "check the --db URL and that the database is running"
        )
    return 1


def _why(exc: SQLAlchemyError) -> str:
    """The driver's own first line where the connection failed (a wrong password or
    database name, no server, TLS refused), which quotes no data; otherwise only the
    kind of error, since the driver's text can quote a statement's parameters."""
    if isinstance(exc, DBAPIError) and exc.statement is None and exc.orig is not None:
        first = str(exc.orig).strip().splitlines()
        if first:
            return first[0].strip()[:300]
    return type(exc).__name__


def _fail(message: str) -> None:
    print(f"{PROG}: error: {message}", file=sys.stderr)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description="RHI Desktop central service.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help_text: str, handler: Callable[[argparse.Namespace], int]) -> Any:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        _add_db(sub)
        sub.set_defaults(handler=handler)
        return sub

    command("init", "Create or migrate the database schema.", _init)

    serve = command("serve", "Serve the API over HTTPS.", _serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8443)
    serve.add_argument("--tls-cert", type=Path, help="PEM certificate chain")
    serve.add_argument("--tls-key", type=Path, help="PEM private key")
    serve.add_argument(
        "--insecure-loopback",
        action="store_true",
        help="plain HTTP on a loopback address only, for demos and tests",
    )
    serve.add_argument("--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING"])

    users = commands.add_parser("users", help="Manage users.").add_subparsers(
        dest="users_command", required=True, metavar="ACTION"
    )
    add = users.add_parser("add", help="Create a user; prints the user id.")
    _add_db(add)
    add.add_argument("--username", required=True)
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument("--team")
    add.set_defaults(handler=_users_add)
    listing = users.add_parser("list", help="List users with their role and team.")
    _add_db(listing)
    listing.set_defaults(handler=_users_list)
    leave = users.add_parser(
        "leave",
        help="Someone leaves: revoke all their devices (each wipes at its next contact, "
        "erasing anything on it the service has not accepted: have them sync first) and "
        "cancel their unused enrolment code; no new code can be issued to them.",
    )
    _add_db(leave)
    leave.add_argument("username", metavar="USERNAME")
    leave.set_defaults(handler=_users_leave)
    hand = users.add_parser(
        "hand-over",
        help="Move the interviews a leaver had open (not yet approved) to an interviewer "
        "in their team, whose devices pull them at their next sync.",
    )
    _add_db(hand)
    hand.add_argument("username", metavar="LEAVER")
    hand.add_argument("--to", required=True, metavar="USERNAME", help="the new interviewer")
    hand.set_defaults(handler=_users_hand_over)

    code = command("enrol-code", "Issue a one-time enrolment code; prints the code.", _enrol_code)
    code.add_argument("--username", required=True)
    code.add_argument("--ttl-hours", type=float, default=24.0)

    devices = commands.add_parser("devices", help="List or revoke devices.").add_subparsers(
        dest="devices_command", required=True, metavar="ACTION"
    )
    listing = devices.add_parser("list", help="List enrolled devices.")
    _add_db(listing)
    listing.set_defaults(handler=_devices_list)
    revoke = devices.add_parser("revoke", help="Revoke a device; it wipes at next contact.")
    _add_db(revoke)
    revoke.add_argument("device_id", metavar="ID")
    revoke.set_defaults(handler=_devices_revoke)

    assign = command(
        "assign",
        "Assign a found child's return interview. Read from standard input, one per "
        "line, as they are personal data that a command line shows to every account: the "
        "child's name, date of birth (YYYY-MM-DD), and optionally where they were found "
        "and the police reference (an empty line for either not given).",
        _assign,
    )
    assign.add_argument("--interviewer", required=True, help="the interviewer's username")
    assign.add_argument("--child-ref", required=True, help="the child's central case reference")
    assign.add_argument("--episode-type", required=True, choices=[t.value for t in EpisodeType])
    assign.add_argument("--missing-since", required=True, type=_instant, help="ISO-8601")
    assign.add_argument("--returned-at", required=True, type=_instant, help="ISO-8601")
    assign.add_argument("--risk-grade", choices=[g.value for g in RiskGrade])
    assign.add_argument(
        "--looked-after",
        choices=("yes", "no"),
        help="whether the child is looked after (in care); an A episode implies yes",
    )
    assign.add_argument(
        "--move-child",
        action="store_true",
        help="the child's record is on another team's caseload: move it to this team",
    )

    publish = command(
        "publish",
        "Publish a form definition to all devices, which install it at their next sync.",
        _publish,
    )
    # Devices take their policy from the machine policy file IT installs, not the service.
    publish.add_argument("--entity", required=True, choices=[EntityKind.FORM_DEFINITION.value])
    publish.add_argument("--entity-id", required=True)
    publish.add_argument("--file", required=True, type=Path, help="a JSON object")

    command("seed-demo", "Create the demo team, users and fictional assignments.", _seed_demo)
    command("stats", "Print counts as JSON.", _stats)
    return parser


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        default=os.environ.get(DB_ENV),
        help=f"SQLAlchemy URL, e.g. sqlite:///central.db (default: ${DB_ENV})",
    )


def _instant(text: str) -> datetime:
    try:
        instant = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError("expected an ISO-8601 date and time") from None
    if instant.tzinfo is None:
        raise argparse.ArgumentTypeError("the time must carry a zone, e.g. 2024-05-01T09:30Z")
    return instant


def _ready(url: str) -> Engine:
    """An engine for a database already at the newest schema."""
    missing = _missing_sqlite_file(url)
    if missing is not None:
        raise CommandError(f"there is no database at {missing}; run `{PROG} init` first")
    engine = open_engine(url)
    version = migrations.current_version(engine)
    if version != migrations.LATEST:
        raise CommandError(
            f"the database schema is at version {version}, not {migrations.LATEST}; "
            f"run `{PROG} init` first"
        )
    return engine


def _missing_sqlite_file(url: str) -> Path | None:
    """SQLite would silently create an empty file; only `init` may do that."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None  # open_engine reports it
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    path = Path(parsed.database)
    return None if path.exists() else path


def _init(args: argparse.Namespace) -> int:
    engine = open_engine(args.db)
    applied = migrations.migrate(engine, utc_now)
    done = ", ".join(str(v) for v in applied) if applied else "none needed"
    print(f"schema at version {migrations.LATEST} (migrations applied: {done})")
    return 0


def _check_serve_arguments(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if args.insecure_loopback:
        if args.tls_cert or args.tls_key:
            parser.error("--insecure-loopback cannot be combined with --tls-cert/--tls-key")
        host = "127.0.0.1" if args.host == "localhost" else args.host
        try:
            loopback = ipaddress.ip_address(host).is_loopback
        except ValueError:
            loopback = False
        if not loopback:
            parser.error(
                f"--insecure-loopback only binds a loopback address; refusing host {args.host!r}"
            )
        args.host = host
    elif not (args.tls_cert and args.tls_key):
        parser.error("serve needs --tls-cert and --tls-key (or --insecure-loopback)")
    if not 0 < args.port < 65536:
        parser.error("--port must be between 1 and 65535")


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from sync.server.app import create_app

    for path in (args.tls_cert, args.tls_key):
        if path is not None and not path.is_file():
            raise CommandError(f"no such file: {path}")
    if args.tls_key is not None and os.name == "posix":
        mode = stat.S_IMODE(args.tls_key.stat().st_mode)
        if mode & 0o007:  # the service's own group may read it (the package sets 0640)
            raise CommandError(
                f"{args.tls_key} can be read by every account on this machine (mode "
                f"{mode:04o}), and anyone holding it can pose as this service; run "
                f"`chmod 640 {args.tls_key}` and start again"
            )
    if args.tls_cert is not None and args.tls_key is not None:
        _check_tls_pair(args.tls_cert, args.tls_key)
    engine = _ready(args.db)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonLineFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(args.log_level)
    uvicorn.run(
        create_app(engine),
        host=args.host,
        port=args.port,
        ssl_certfile=str(args.tls_cert) if args.tls_cert else None,
        ssl_keyfile=str(args.tls_key) if args.tls_key else None,
        log_config=None,
        access_log=False,  # the request log replaces it: it would print query strings
        server_header=False,
        # Idle keep-alive connections must not hold a restart up indefinitely.
        timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_SECONDS,
    )
    return 0


def _check_tls_pair(cert: Path, key: Path) -> None:
    """Load the pair as the server will, so a bad one is one line here, not a traceback
    from inside the server. A key with a passphrase is refused: a service started at
    boot has nobody to type it."""

    def no_passphrase() -> bytes:
        raise CommandError(
            f"{key} is protected by a passphrase, which a service started at boot cannot "
            "type; give the key without one (kept readable only by the service)"
        )

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    try:
        context.load_cert_chain(cert, key, password=no_passphrase)
    except ssl.SSLError as exc:
        reason = (
            "the key does not match the certificate"
            if "MISMATCH" in str(exc)
            else ("they are not a PEM certificate chain and a PEM private key")
        )
        raise CommandError(f"{cert} and {key} cannot be used for TLS: {reason}") from None
    except OSError as exc:
        raise CommandError(f"cannot read {cert} or {key}: {exc.strerror}") from None


def _users_add(args: argparse.Namespace) -> int:
    user_id = admin.add_user(_ready(args.db), args.username, Role(args.role), args.team, utc_now)
    print(user_id)
    return 0


def _users_list(args: argparse.Namespace) -> int:
    users = admin.list_users(_ready(args.db))  # before the header: a failure writes nothing
    print("\t".join(("user", "role", "team", "left")))
    for user in users:
        left = user.left_at.isoformat(timespec="minutes") if user.left_at else ""
        print("\t".join((user.username, user.role, user.team or "", left)))
    return 0


def _users_leave(args: argparse.Namespace) -> int:
    done = admin.user_leaves(_ready(args.db), args.username, utc_now)
    print(
        f"{args.username} has left: {done.devices_revoked} device(s) revoked, "
        f"{done.codes_cancelled} unused enrolment code(s) cancelled"
    )
    for device_id, last_seen in done.last_contacts:
        print(
            f"Device {device_id} last reached the service at "
            f"{last_seen.isoformat(timespec='minutes')}: anything on it the service has not "
            "accepted is erased when it next connects.",
            file=sys.stderr,
        )
    if done.open_interviews:
        print(
            f"{done.open_interviews} interview(s) on their caseload are not yet approved. "
            f"Move them to an interviewer in their team with: {PROG} users hand-over "
            f"{args.username} --to USERNAME",
            file=sys.stderr,
        )
    return 0


def _users_hand_over(args: argparse.Namespace) -> int:
    done = hand_over(_ready(args.db), args.username, args.to, utc_now)
    print(f"{len(done.interviews)} interview(s) moved from {args.username} to {args.to}")
    for interview_id in done.interviews:
        print(interview_id)
    return 0


def _enrol_code(args: argparse.Namespace) -> int:
    if not 0 < args.ttl_hours <= 24 * 7:
        raise CommandError("--ttl-hours must be more than 0 and at most a week (168)")
    code = admin.issue_enrolment_code(
        _ready(args.db), args.username, utc_now, timedelta(hours=args.ttl_hours)
    )
    print(code)
    return 0


def _devices_list(args: argparse.Namespace) -> int:
    columns = [
        "id",
        "user",
        "name",
        "app_version",
        "enrolled_at",
        "last_seen_at",
        "audit_seq",
        "status",
    ]
    devices = admin.list_devices(_ready(args.db))  # before the header: a failure writes nothing
    print("\t".join(columns))
    for device in devices:
        status = "revoked" if device.revoked_at else "active"
        row = [
            device.id,
            device.username,
            device.name,
            device.app_version,
            device.enrolled_at.isoformat(timespec="seconds"),
            device.last_seen_at.isoformat(timespec="seconds"),
            "-" if device.audit_seq is None else str(device.audit_seq),
            status,
        ]
        print("\t".join(row))
    return 0


def _devices_revoke(args: argparse.Namespace) -> int:
    if admin.revoke_device(_ready(args.db), args.device_id, utc_now):
        print(f"revoked {args.device_id}; it will wipe its data at its next contact")
    else:
        print(f"{args.device_id} was already revoked")
    return 0


@dataclass(frozen=True, slots=True)
class _FoundChild:
    """What `assign` reads from standard input: all of it personal data."""

    name: str
    date_of_birth: date
    where_found: str | None
    police_reference: str | None


def _child_from_stdin() -> _FoundChild:
    """The child's name, date of birth, and (optional) where they were found and the
    police reference, one per line; a problem is named, never the value."""
    name = sys.stdin.readline().strip()
    born = sys.stdin.readline().strip()
    where_found = sys.stdin.readline().strip() or None
    police_reference = sys.stdin.readline().strip() or None
    if not name:
        raise CommandError("give the child's name on the first line of standard input")
    try:
        date_of_birth = date.fromisoformat(born)
    except ValueError:
        raise CommandError(
            "give the child's date of birth as YYYY-MM-DD on the second line of standard input"
        ) from None
    return _FoundChild(name, date_of_birth, where_found, police_reference)


def _assign(args: argparse.Namespace) -> int:
    found = _child_from_stdin()
    spec = admin.AssignmentSpec(
        interviewer=args.interviewer,
        child_ref=args.child_ref,
        child_name=found.name,
        date_of_birth=found.date_of_birth,
        episode_type=EpisodeType(args.episode_type),
        missing_since=args.missing_since,
        returned_at=args.returned_at,
        risk_grade=RiskGrade(args.risk_grade) if args.risk_grade else None,
        where_found=found.where_found,
        police_reference=found.police_reference,
        looked_after=None if args.looked_after is None else args.looked_after == "yes",
        move_child=args.move_child,
    )
    made = admin.assign(_ready(args.db), spec, utc_now)
    print(
        json.dumps(
            {
                "child_id": made.child_id,
                "episode_id": made.episode_id,
                "interview_id": made.interview_id,
                "due_by": made.due_by.isoformat(),
            }
        )
    )
    return 0


def _publish(args: argparse.Namespace) -> int:
    try:
        text = args.file.read_text(encoding="utf-8").removeprefix(BOM)  # as Notepad saves
    except OSError:
        raise CommandError(f"cannot read {args.file}") from None
    except ValueError:
        raise CommandError(f"{args.file} is not UTF-8 text") from None
    try:
        # Read as a device reads a form file: a key given twice in one object is refused
        # by its path, where reading the JSON alone would keep the last and publish that.
        load_form(text)
    except FormDefinitionError as exc:
        raise CommandError(f"The form definition cannot be used: {exc}") from None
    payload = json.loads(text)  # an object: the check above says so
    admin.publish(_ready(args.db), EntityKind(args.entity), args.entity_id, payload, utc_now)
    # The form's own version: the document's revision on the service would read like it.
    print(
        f"published form {payload['form_id']} version {payload['version']} "
        f"as {args.entity} {args.entity_id}"
    )
    if payload["form_id"] != INTERVIEW_FORM_ID:
        print(
            f"warning: interviews are started only on form {INTERVIEW_FORM_ID}, so devices "
            f"will install form {payload['form_id']} but never start an interview on it",
            file=sys.stderr,
        )
    return 0


def _seed_demo(args: argparse.Namespace) -> int:
    made = admin.seed_demo(_ready(args.db), utc_now)
    if made is None:
        print("demo data already present")
    else:
        print(
            f"demo team {admin.DEMO_TEAM!r}: users {admin.DEMO_INTERVIEWER}, "
            f"{admin.DEMO_COORDINATOR}, {admin.DEMO_MANAGER}; {len(made)} assignments"
        )
    return 0


def _stats(args: argparse.Namespace) -> int:
    print(json.dumps(admin.stats(_ready(args.db)), sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
