"""`rhi-desktop diagnose [--json] [--profile DIR]`: what support needs to know, safely.

Versions (app, Python, Qt, SQLCipher and its crypto provider), the effective settings
with where each came from, the keystore in use, the profile's location and file sizes,
the log file, and, when a server is configured, whether it answers and what certificate
chain it presents. It never opens the encrypted database, never asks for the passphrase
and prints nothing from a case: only configuration, versions, file names and sizes.

Bad machine policy stops it with the problems (file, key, problem) on standard error and
exit code 1, as it stops the app.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import socket
import ssl
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import urlsplit

from cryptography import x509
from cryptography.x509.oid import NameOID

from rhi_desktop import __version__
from rhi_desktop.config import ConfigError, Settings
from rhi_desktop.config.parsers import read_pem
from rhi_desktop.forms import FormDefinitionError
from rhi_desktop.forms.versions import FormRegistry
from rhi_desktop.logs import LOG_FILE_NAME, default_log_dir
from rhi_desktop.profile import ProfilePaths, default_profile_dir
from rhi_desktop.vault import Vault, VaultError, detect_keystore

PROG = "rhi-desktop diagnose"
DEFAULT_TIMEOUT_SECONDS = 5.0
MAX_TIMEOUT_SECONDS = 120.0
_DER = 2  # _ssl.ENCODING_DER: how the chain's certificate objects are asked for DER bytes


# -- the report ----------------------------------------------------------------------------


@dataclass(slots=True)
class CertificateSummary:
    subject_cn: str | None
    issuer: str
    not_after: str
    spki_pin: str
    pin_matches: bool | None  # None when no pin applies (none configured, or not the leaf)


@dataclass(slots=True)
class ServerReport:
    url: str
    reachable: bool = False
    connect_ms: float | None = None
    tls: str | None = None  # "ok (TLSv1.3)", "failed: ..." or None for plain http
    chain: list[CertificateSummary] = field(default_factory=list)
    health: str | None = None
    error: str | None = None


@dataclass(slots=True)
class Report:
    versions: dict[str, str]
    policy: dict[str, Any]
    settings: list[dict[str, Any]]
    keystore: dict[str, Any]
    profile: dict[str, Any]
    log_file: dict[str, Any]
    server: ServerReport | None


def run_diagnose(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Print the report (text or JSON) to `out`; 0 on success, 1 if the settings are bad."""
    args = build_parser().parse_args(list(argv or []))
    out = out or sys.stdout
    err = err or sys.stderr
    paths = ProfilePaths(Path(args.profile) if args.profile else default_profile_dir())
    try:
        settings = Settings.load(paths)
    except ConfigError as exc:
        print(f"rhi-desktop: {exc}", file=err)
        return 1
    report = build_report(settings, paths, timeout=args.timeout)
    if args.json:
        print(json.dumps(asdict(report), indent=2, default=str), file=out)
    else:
        print(render_text(report), file=out)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description=__doc__.split("\n", 1)[0])
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--profile", metavar="DIR", help="profile directory (default: per-user)")
    parser.add_argument(
        "--timeout",
        type=_timeout,
        default=DEFAULT_TIMEOUT_SECONDS,
        metavar="SECONDS",
        help=f"network timeout for the server checks (default {DEFAULT_TIMEOUT_SECONDS:g}, "
        f"at most {MAX_TIMEOUT_SECONDS:g})",
    )
    return parser


def _timeout(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        seconds = math.nan
    if not 0 < seconds <= MAX_TIMEOUT_SECONDS:  # NaN fails too
        raise argparse.ArgumentTypeError(
            f"give a number of seconds more than 0 and at most {MAX_TIMEOUT_SECONDS:g}"
        )
    return seconds


def _shown_instead(key: str, value: object) -> str | None:
    """What the app shows where the language set has no translation installed (the app
    falls back to British English then, and only its log says so)."""
    if key != "language" or not isinstance(value, str):
        return None
    from ui.appearance import falls_back_to_english  # Qt, only for the language row

    if not falls_back_to_english(value):
        return None
    return "British English: no translation for it is installed"


def build_report(settings: Settings, paths: ProfilePaths, *, timeout: float) -> Report:
    policy = settings.policy
    server_url = settings.server_url
    return Report(
        versions=versions(),
        policy={"file": str(policy.path), "present": policy.present},
        settings=[
            {
                "key": row.key,
                "value": _plain(row.value),
                "source": str(row.source),
                "editable": row.editable,
                **({"shown": shown} if (shown := _shown_instead(row.key, row.value)) else {}),
            }
            for row in settings.effective()
        ],
        keystore=keystore_report(),
        profile=profile_report(paths),
        log_file=_file_report(default_log_dir() / LOG_FILE_NAME),
        server=probe_server(server_url, settings, timeout) if server_url else None,
    )


def _plain(value: object) -> object:
    return str(value) if isinstance(value, Path) else value


# -- versions ------------------------------------------------------------------------------


def versions() -> dict[str, str]:
    build = "frozen bundle" if getattr(sys, "frozen", False) else "interpreter"
    found = {
        "app": __version__,
        "python": f"{platform.python_version()} ({build})",
        "platform": platform.platform(),
    }
    found.update(_qt_versions())
    found.update(_sqlcipher_versions())
    found["openssl (python)"] = ssl.OPENSSL_VERSION
    return found


def _qt_versions() -> dict[str, str]:
    try:
        import PySide6
        from PySide6.QtCore import qVersion
    except ImportError:
        return {"qt": "not installed"}
    return {"qt": qVersion(), "pyside6": PySide6.__version__}


def _sqlcipher_versions() -> dict[str, str]:
    """Asked of a keyed in-memory connection: what really encrypts the profile here."""
    import sqlcipher3

    conn = sqlcipher3.connect(":memory:")
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.set_key(b"x'" + os.urandom(32).hex().encode("ascii") + b"'")

        def pragma(name: str) -> str:
            row = conn.execute(f"PRAGMA {name}").fetchone()
            return str(row[0]) if row and row[0] else "unknown"

        provider = f"{pragma('cipher_provider')} {pragma('cipher_provider_version')}"
        return {
            "sqlcipher": pragma("cipher_version"),
            "sqlcipher provider": provider,
            "sqlite": str(conn.execute("SELECT sqlite_version()").fetchone()[0]),
        }
    finally:
        conn.close()


# -- keystore, profile, log ----------------------------------------------------------------


def keystore_report() -> dict[str, Any]:
    """Which keyring backend this user's session offers, and whether the vault would use it."""
    import keyring

    try:
        offered = keyring.get_keyring()
        offered_name = f"{type(offered).__module__}.{type(offered).__name__}"
    except Exception as exc:  # keyring's discovery runs third-party plugin code
        offered_name = f"discovery failed ({type(exc).__name__})"
    keystore = detect_keystore()
    if keystore is None:
        in_use = "none: passphrase-only protection for new profiles"
    else:
        in_use = f"{type(keystore).__module__}.{type(keystore).__name__}"
    return {"offered_backend": offered_name, "in_use": in_use}


def profile_report(paths: ProfilePaths) -> dict[str, Any]:
    """Location, protection and file sizes; the database itself is never opened."""
    files: list[dict[str, Any]] = [
        {"name": path.name, "bytes": path.stat().st_size}
        for path in (
            paths.vault,
            paths.db,
            paths.wal,
            paths.shm,
            *paths.migration_backups(),
            paths.unlock_state,
            paths.settings,
        )
        if path.is_file()
    ]
    protection: str | None = None
    if paths.vault.is_file():
        try:
            protection = Vault.load(paths).protection.value
        except VaultError as exc:
            protection = f"unreadable key vault ({exc})"
    return {
        "path": str(paths.root),
        "exists": paths.exists(),
        "protection": protection,
        "files": files,
        "total_bytes": sum(int(entry["bytes"]) for entry in files),
        "forms": forms_report(paths),
    }


def forms_report(paths: ProfilePaths) -> dict[str, Any]:
    """The form versions bundled and installed, and the definition files passed over (a
    published version that differs from one the app bundles, say: drafts pinned to it
    are then read with the bundled one). Only file names and versions, never answers."""
    registry = FormRegistry.for_profile(paths.root)
    unloadable = []
    for ref in registry.refs():  # each loaded as a draft pinned to it would be
        try:
            registry.load(ref.form_id, ref.version)
        except FormDefinitionError as error:
            unloadable.append({"version": str(ref), "problems": error.problems})
    return {
        "versions": [str(ref) for ref in registry.refs()],
        "passed_over": [
            {"file": item.file_name, "problem": item.problem} for item in registry.unusable
        ],
        "not_loadable": unloadable,
    }


def _file_report(path: Path) -> dict[str, Any]:
    exists = path.is_file()
    return {"path": str(path), "exists": exists, "bytes": path.stat().st_size if exists else None}


# -- the server ----------------------------------------------------------------------------


def probe_server(url: str, settings: Settings, timeout: float) -> ServerReport:
    """Connect, handshake and ask /v1/health; report each step's outcome, never raise."""
    report = ServerReport(url)
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    started = time.perf_counter()
    try:
        raw = socket.create_connection((host, port), timeout=timeout)
    except OSError as exc:
        report.error = f"cannot connect to {host}:{port}: {_reason(exc)}"
        return report
    report.reachable = True
    report.connect_ms = round((time.perf_counter() - started) * 1000, 1)
    raw.close()
    try:
        ca_pem = _read_ca(settings)
    except OSError as exc:
        report.error = f"cannot read the CA bundle: {_reason(exc)}"
        return report
    if parts.scheme == "https":
        report.tls, report.chain = _handshake(host, port, ca_pem, settings.spki_pin, timeout)
    report.health = _health(url, ca_pem, settings.spki_pin, timeout)
    return report


def _read_ca(settings: Settings) -> str | None:
    path = settings.ca_bundle
    return read_pem(path) if path is not None else None


def _handshake(
    host: str, port: int, ca_pem: str | None, pin: str | None, timeout: float
) -> tuple[str, list[CertificateSummary]]:
    """The verified handshake's result, and the chain presented (read unverified if need be)."""
    from sync.transport import TlsSettings, tls_context

    context = tls_context(TlsSettings(ca_pem=ca_pem, spki_pin=pin))
    try:
        with (
            socket.create_connection((host, port), timeout=timeout) as raw,
            context.wrap_socket(raw, server_hostname=host) as tls,
        ):
            outcome = f"ok ({tls.version()})"
            chain = _chain(tls, verified=True)
    except ssl.SSLCertVerificationError as exc:
        outcome = f"failed: {exc.verify_message or 'certificate not accepted'}"
        chain = _presented_chain(host, port, timeout)
    except (ssl.SSLError, OSError) as exc:
        return f"failed: {_reason(exc)}", []
    # The pin is checked on the server's own certificate (depth 0) only.
    summaries = [_summary(der, pin if depth == 0 else None) for depth, der in enumerate(chain)]
    if pin is not None and summaries and not summaries[0].pin_matches:
        outcome = "failed: the server's public key does not match the pinned key"
    return outcome, summaries


def _presented_chain(host: str, port: int, timeout: float) -> list[bytes]:
    """What the server sends, read without trusting it, only to describe it."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    try:
        with (
            socket.create_connection((host, port), timeout=timeout) as raw,
            context.wrap_socket(raw, server_hostname=host) as tls,
        ):
            return _chain(tls, verified=False)
    except (ssl.SSLError, OSError):
        return []


def _chain(tls: ssl.SSLSocket, *, verified: bool) -> list[bytes]:
    # Public from Python 3.13; 3.11 and 3.12 have the same methods on the inner object.
    name = "get_verified_chain" if verified else "get_unverified_chain"
    getter = getattr(tls, name, None) or getattr(getattr(tls, "_sslobj", None), name, None)
    if getter is None:
        leaf = tls.getpeercert(binary_form=True)
        return [leaf] if leaf else []
    return [_der(cert) for cert in getter() or []]


def _der(cert: object) -> bytes:
    if isinstance(cert, bytes):
        return cert
    public_bytes = getattr(cert, "public_bytes", None)
    if public_bytes is None:
        raise TypeError("unexpected certificate object")
    return bytes(public_bytes(_DER))


def _summary(der: bytes, pin: str | None) -> CertificateSummary:
    from sync.transport import spki_pin_of

    cert = x509.load_der_x509_certificate(der)
    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    not_after: datetime = cert.not_valid_after_utc
    own_pin = spki_pin_of(der)
    return CertificateSummary(
        subject_cn=str(names[0].value) if names else None,
        issuer=cert.issuer.rfc4514_string(),
        not_after=not_after.isoformat(),
        spki_pin=own_pin,
        pin_matches=None if pin is None else own_pin == pin,
    )


def _health(url: str, ca_pem: str | None, pin: str | None, timeout: float) -> str:
    from sync.errors import SyncError
    from sync.protocol import HEALTH_PATH
    from sync.transport import Timeouts, TlsSettings, Transport

    transport = Transport(url, TlsSettings(ca_pem=ca_pem, spki_pin=pin), Timeouts(timeout, timeout))
    try:
        answer = transport.request("GET", HEALTH_PATH)
    except SyncError as exc:
        return f"failed: {exc}"
    finally:
        transport.close()
    if answer.status != 200:
        return f"failed: HTTP {answer.status}"
    try:
        body = json.loads(answer.body)
    except ValueError:
        return "failed: the answer is not JSON"
    if not isinstance(body, dict):
        return "failed: unexpected answer"
    fields = ("status", "api_version", "schema_version")
    return ", ".join(f"{name} {body.get(name)}" for name in fields)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, ssl.SSLError):
        return exc.reason or type(exc).__name__
    if isinstance(exc, TimeoutError):
        return "timed out"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return type(exc).__name__


# -- text output ---------------------------------------------------------------------------


def render_text(report: Report) -> str:
    lines = ["RHI Desktop diagnostics", "", "Versions"]
    lines += [f"  {name:<20} {value}" for name, value in report.versions.items()]
    policy = report.policy
    state = "present" if policy["present"] else "absent: defaults and user settings apply"
    lines += ["", f"Machine policy: {policy['file']} ({state})", "", "Effective settings"]
    for row in report.settings:
        value = "(not set)" if row["value"] is None else json.dumps(row["value"])
        if row["editable"]:
            note = ""
        elif row["source"].startswith("policy"):
            note = ", fixed by policy"
        else:
            note = ", only policy sets it"
        if "shown" in row:
            note += f"; shows {row['shown']}"
        lines.append(f"  {row['key']:<22} {value:<34} [{row['source']}{note}]")
    keystore = report.keystore
    lines += [
        "",
        f"Keystore: {keystore['in_use']}",
        f"  offered by keyring: {keystore['offered_backend']}",
    ]
    profile = report.profile
    lines += ["", f"Profile: {profile['path']}"]
    if not profile["exists"]:
        lines.append("  no profile here yet")
    else:
        lines.append(f"  protection: {profile['protection'] or 'unknown (no key vault)'}")
        lines += [
            f"  {entry['name']:<34} {entry['bytes']:>12,} bytes" for entry in profile["files"]
        ]
        lines.append(f"  {'total':<34} {profile['total_bytes']:>12,} bytes")
    forms = profile["forms"]
    lines.append(f"  forms: {', '.join(forms['versions']) or 'none'}")
    lines += [
        f"  form file passed over: {item['file']}: {item['problem']}"
        for item in forms["passed_over"]
    ]
    lines += [
        f"  form {item['version']} cannot be loaded: {problem}"
        for item in forms["not_loadable"]
        for problem in item["problems"]
    ]
    log_file = report.log_file
    size = f"{log_file['bytes']:,} bytes" if log_file["exists"] else "not written yet"
    lines += ["", f"Log file: {log_file['path']} ({size})", ""]
    lines += _server_lines(report.server)
    return "\n".join(lines)


def _server_lines(server: ServerReport | None) -> list[str]:
    if server is None:
        return ["Server: none configured (server_url is not set)"]
    lines = [f"Server: {server.url}"]
    if not server.reachable:
        return [*lines, f"  reachable: no ({server.error})"]
    lines.append(f"  reachable: yes ({server.connect_ms} ms to connect)")
    if server.tls is not None:
        lines.append(f"  TLS handshake: {server.tls}")
    pin_words = {None: "", True: " (matches the pin)", False: " (does NOT match the pin)"}
    for depth, cert in enumerate(server.chain):
        lines += [
            f"  certificate {depth}: CN={cert.subject_cn or '(none)'}",
            f"    issuer: {cert.issuer}",
            f"    not after: {cert.not_after}",
            f"    SPKI pin: {cert.spki_pin}{pin_words[cert.pin_matches]}",
        ]
    lines.append(f"  health: {server.health}")
    return lines


if __name__ == "__main__":
    sys.exit(run_diagnose(sys.argv[1:]))
