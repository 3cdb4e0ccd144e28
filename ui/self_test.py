"""`rhi-desktop --self-test`: prove, headless, that this installation works end to end.

IT runs it after installing or upgrading (a deployment tool can use its exit code as a
health check). Each check uses the real parts: a throw-away encrypted profile in a
temporary folder under a random passphrase, one record written and read back through the
store, the bundled RHI form drawn by the real renderer on Qt's offscreen platform, and
the TLS trust configuration the sync client would use. The user's own profile, keystore
and server are never touched, and nothing it prints can hold personal data.

Output is one line per check, `ok   <check>` or `FAIL <check>: <reason>`; the exit code
is 0 when every check passed and 1 otherwise. Bad machine policy stops it before any
check, with the policy problems (file, key, problem) on standard error, as the app does.
"""

from __future__ import annotations

import argparse
import logging
import os
import secrets
import ssl
import sys
import tempfile
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TextIO

from rhi_desktop.config import ConfigError, Settings
from rhi_desktop.config.parsers import read_pem
from rhi_desktop.counted import by_count
from rhi_desktop.domain.entities import Child
from rhi_desktop.forms import FormDefinitionError, FormSession, load_bundled_form
from rhi_desktop.logs import configure_logging
from rhi_desktop.profile import ProfilePaths
from rhi_desktop.session import create_profile, open_profile
from rhi_desktop.store import StoreError
from rhi_desktop.vault import VaultError

log = logging.getLogger(__name__)

PROG = "rhi-desktop --self-test"
# Errors whose messages are written for people and hold no personal data.
_EXPLAINED = (ConfigError, VaultError, StoreError, FormDefinitionError, ssl.SSLError, OSError)
_PLAINTEXT_HEADER = b"SQLite format 3\x00"


class CheckFailed(Exception):
    """A check found the installation wanting; the message says what to look at."""


@dataclass(frozen=True, slots=True)
class CheckResult:
    name: str
    ok: bool
    detail: str = ""

    def line(self) -> str:
        if self.ok:
            return f"ok   {self.name}" + (f" ({self.detail})" if self.detail else "")
        return f"FAIL {self.name}: {self.detail}"


@dataclass(slots=True)
class _Workspace:
    """What the checks share: settings and the throw-away profile's location and passphrase."""

    settings: Settings
    paths: ProfilePaths
    passphrase: str
    profile_ready: bool = False


Check = Callable[[_Workspace], str]


def run_self_test(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run every check, print one line each to `out`; 0 if all passed, else 1."""
    build_parser().parse_args(list(argv or []))
    out = out or sys.stdout
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        settings = Settings.load(None)
    except ConfigError as exc:
        print("FAIL machine policy: the policy file has problems; the app will not start", file=out)
        print(f"rhi-desktop: {exc}", file=sys.stderr)
        return 1
    _start_logging(settings)
    policy = settings.policy
    if policy.present:
        # The installers put an example with every key commented out: a policy that never
        # arrived from IT reads as one that sets nothing.
        count = by_count(len(policy.values), "1 setting", "{0} settings")
        server = settings.server_url
        named = f"central service {server}" if server else "no central service named"
        where = f"{policy.path}: {count}; {named}"
    else:
        where = f"none at {policy.path}; defaults apply"
    results = [CheckResult("machine policy", True, where)]
    print(results[0].line(), file=out, flush=True)
    with tempfile.TemporaryDirectory(prefix="rhi-self-test-") as temp:
        workspace = _Workspace(
            settings, ProfilePaths(Path(temp) / "profile"), secrets.token_urlsafe(24)
        )
        for name, check in CHECKS:
            results.append(_run(name, check, workspace))
            print(results[-1].line(), file=out, flush=True)
    return 0 if all(result.ok for result in results) else 1


def build_parser() -> argparse.ArgumentParser:
    return argparse.ArgumentParser(prog=PROG, description=__doc__.split("\n", 1)[0])


def _run(name: str, check: Check, workspace: _Workspace) -> CheckResult:
    try:
        return CheckResult(name, True, check(workspace))
    except CheckFailed as exc:
        return CheckResult(name, False, str(exc))
    except _EXPLAINED as exc:
        reason = (exc.strerror if isinstance(exc, OSError) else None) or str(exc)
        return CheckResult(name, False, f"{type(exc).__name__}: {reason}")
    except Exception as exc:
        reference = uuid.uuid4().hex[:8]
        log.error("self-test check %s failed (reference %s)", name, reference, exc_info=True)
        return CheckResult(name, False, f"unexpected {type(exc).__name__} (reference {reference})")


# -- the checks ----------------------------------------------------------------------------


def check_encrypted_profile(workspace: _Workspace) -> str:
    """A new profile's database is SQLCipher-encrypted and unlocks with its passphrase."""
    created = create_profile(workspace.paths, workspace.passphrase, workspace.settings, None)
    created.close()
    with workspace.paths.db.open("rb") as handle:
        header = handle.read(len(_PLAINTEXT_HEADER))
    if header == _PLAINTEXT_HEADER:
        raise CheckFailed("the new database is not encrypted")
    reopened = open_profile(workspace.paths, workspace.passphrase, workspace.settings, None)
    try:
        cipher = reopened.store.settings().cipher_version
    finally:
        reopened.close()
    workspace.profile_ready = True
    return f"SQLCipher {cipher}"


def check_store_round_trip(workspace: _Workspace) -> str:
    """One record written, the profile closed and unlocked again, and the record read back."""
    if not workspace.profile_ready:
        raise CheckFailed("not run: the encrypted profile check failed")
    # A made-up child: the record written into the throw-away profile.
    child = Child(
        id=str(uuid.uuid4()),
        case_reference="SELF-TEST-0001",
        name="Self Test",
        date_of_birth=date(2010, 1, 1),
    )
    profile = open_profile(workspace.paths, workspace.passphrase, workspace.settings, None)
    try:
        with profile.store.transaction(profile.actor) as tx:
            tx.children.add(child)
    finally:
        profile.close()
    profile = open_profile(workspace.paths, workspace.passphrase, workspace.settings, None)
    try:
        found = profile.store.children.find(child.id)
    finally:
        profile.close()
    if found is None:
        raise CheckFailed("the record written was not there after reopening")
    if (found.case_reference, found.name, found.date_of_birth) != (
        child.case_reference,
        child.name,
        child.date_of_birth,
    ):
        raise CheckFailed("the record read back differs from the one written")
    return "one record written, reopened and read back"


def check_form_rendering(workspace: _Workspace) -> str:
    """The bundled RHI form loads and every section is drawn by the real renderer."""
    from PySide6.QtWidgets import QApplication

    from ui.forms.renderer import FormRenderer

    form = load_bundled_form("rhi-v1.json")
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "rhi-desktop"])
    renderer = FormRenderer(FormSession(form))
    try:
        renderer.resize(1024, 768)
        missing = [
            info.id
            for info in form.fields.values()
            if info.repeat_id is None and not _has_view(renderer, info.id)
        ]
        if missing:
            raise CheckFailed(f"{len(missing)} questions have no widget (first: {missing[0]})")
        for section_id in form.sections:
            renderer.show_section(section_id)
            app.processEvents()
            if renderer.grab().isNull():
                raise CheckFailed(f"section {section_id} could not be drawn")
    finally:
        renderer.close()
        renderer.deleteLater()
        app.processEvents()
    return f"form {form.form_id} v{form.version}: {len(form.sections)} sections drawn"


def _has_view(renderer: object, question_id: str) -> bool:
    for lookup in ("field_view", "group_view"):
        try:
            getattr(renderer, lookup)(question_id)
        except KeyError:
            continue
        return True
    return False


def check_tls_trust(workspace: _Workspace) -> str:
    """The trust the sync client would use loads: the policy's CA bundle, or the OS store."""
    import truststore

    from sync.transport import TlsSettings, tls_context

    settings = workspace.settings
    if settings.ca_bundle is not None:
        pem = read_pem(settings.ca_bundle)
        context = tls_context(TlsSettings(ca_pem=pem, spki_pin=settings.spki_pin))
        authorities = context.cert_store_stats()["x509_ca"]
        if authorities < 1:
            raise CheckFailed(f"{settings.ca_bundle} holds no CA certificate")
        return f"{authorities} CA certificates from {settings.ca_bundle}"
    context = tls_context(TlsSettings(spki_pin=settings.spki_pin))
    if not isinstance(context, truststore.SSLContext):
        raise CheckFailed("the OS trust store is not in use")
    if context.verify_mode != ssl.CERT_REQUIRED or not context.check_hostname:
        raise CheckFailed("certificate or host name checks are switched off")
    if sys.platform.startswith("linux") and not _linux_trust_anchors():
        raise CheckFailed(
            "no system CA certificates found; install the ca-certificates package "
            "or set ca_bundle in the machine policy"
        )
    return "OS trust store"


def _linux_trust_anchors() -> bool:
    """Whether OpenSSL's default locations, or a distribution's usual bundle, hold CAs."""
    probe = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    probe.set_default_verify_paths()
    if probe.cert_store_stats()["x509_ca"] > 0:
        return True
    capath = ssl.get_default_verify_paths().capath
    if capath and Path(capath).is_dir() and any(p.suffix == ".0" for p in Path(capath).iterdir()):
        return True
    candidates = (
        "/etc/ssl/certs/ca-certificates.crt",
        "/etc/pki/tls/certs/ca-bundle.crt",
        "/etc/ssl/cert.pem",
        "/etc/ssl/ca-bundle.pem",
    )
    return any(Path(candidate).is_file() for candidate in candidates)


CHECKS: list[tuple[str, Check]] = [
    ("encrypted profile", check_encrypted_profile),
    ("store round trip", check_store_round_trip),
    ("RHI form rendering", check_form_rendering),
    ("TLS trust", check_tls_trust),
]


def _start_logging(settings: Settings) -> None:
    try:
        configure_logging(settings.log_level)
    except (OSError, ValueError):
        logging.basicConfig(level=logging.WARNING)


if __name__ == "__main__":
    sys.exit(run_self_test(sys.argv[1:]))
