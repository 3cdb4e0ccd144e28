"""HTTPS to the central service: who is trusted, how long to wait, what a failure means.

- The server certificate is verified against the OS trust store (`truststore`), or only
  against the CA bundle IT configured when there is one.
- An optional SPKI pin (base64 SHA-256 of the server's public key) is checked on the live
  connection right after the handshake, before any request is written on it, so a
  mismatch sends nothing.
- Every request has a connect and a read timeout, and another thread can cut the
  requests in flight at once (`abort`): locking the app does not wait for a slow server.
- Plain HTTP is refused except to this machine (demos and tests).
- Proxy, CA and netrc settings from the environment are ignored (`trust_env` off, and
  OpenSSL's SSL_CERT_FILE and SSL_CERT_DIR taken out of the environment before the OS
  trust store is read): an environment variable must not widen whom the device trusts.

Failures become SyncErrors: unreachable and timed out are transient; a certificate, host
name or pin that does not check out is not, and says which it was.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import ipaddress
import socket
import ssl
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import requests
import truststore
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.util.ssl_match_hostname import CertificateError

from sync.errors import ServiceUnreachable, SyncError, TlsRejected
from sync.trust_environment import forget_trust_from_environment

# X509_V_ERR_HOSTNAME_MISMATCH, X509_V_ERR_IP_ADDRESS_MISMATCH
_NAME_MISMATCH = frozenset({62, 64})


@dataclass(frozen=True, slots=True)
class Timeouts:
    connect_seconds: float = 10.0
    read_seconds: float = 60.0


@dataclass(frozen=True, slots=True)
class TlsSettings:
    ca_pem: str | None = None  # trusted instead of the OS trust store when given
    spki_pin: str | None = None  # base64 SHA-256 of the server's SubjectPublicKeyInfo


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    body: bytes


class PinMismatch(ssl.SSLError):
    """The server's public key is not the pinned one."""


def spki_pin_of(certificate_der: bytes) -> str:
    """The SPKI pin of a DER certificate: base64 of SHA-256 over its public key info."""
    public_key = x509.load_der_x509_certificate(certificate_der).public_key()
    spki = public_key.public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    return base64.b64encode(hashlib.sha256(spki).digest()).decode("ascii")


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class _InFlight:
    """The connections a transport's pools have handed out and not had back."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._connections: set[HTTPConnection] = set()

    def add(self, connection: HTTPConnection) -> None:
        with self._lock:
            self._connections.add(connection)

    def discard(self, connection: HTTPConnection | None) -> None:
        with self._lock:
            self._connections.discard(connection)

    def cut(self) -> None:
        """Shut every connection in use: a thread blocked reading from one wakes at once."""
        with self._lock:
            connections = list(self._connections)
        for connection in connections:
            sock = connection.sock
            if sock is not None:
                with contextlib.suppress(OSError):
                    # The plain socket's shutdown: an SSL socket's own would also drop the
                    # SSL state under the thread still reading from it.
                    socket.socket.shutdown(sock, socket.SHUT_RDWR)


def _tracked(pool: type[HTTPConnectionPool], in_flight: _InFlight) -> type[HTTPConnectionPool]:
    class TrackedPool(pool):  # type: ignore[valid-type,misc]
        def _get_conn(self, timeout: float | None = None) -> HTTPConnection:
            connection: HTTPConnection = super()._get_conn(timeout)
            in_flight.add(connection)
            return connection

        def _put_conn(self, conn: HTTPConnection | None) -> None:
            in_flight.discard(conn)
            super()._put_conn(conn)

    return TrackedPool


def _pinned_pool(pin: str) -> type[HTTPSConnectionPool]:
    class PinnedConnection(HTTPSConnection):
        def connect(self) -> None:
            super().connect()
            getpeercert = getattr(self.sock, "getpeercert", None)
            der = getpeercert(binary_form=True) if getpeercert is not None else None
            if not der or spki_pin_of(der) != pin:
                self.close()
                raise PinMismatch("the server's public key does not match the pinned key")

    class PinnedPool(HTTPSConnectionPool):
        ConnectionCls = PinnedConnection

    return PinnedPool


class _TlsAdapter(HTTPAdapter):
    """Every HTTPS connection uses our SSL context, and checks the pin when there is one;
    every connection handed out is known to `in_flight` until it comes back."""

    def __init__(self, context: ssl.SSLContext, pin: str | None, in_flight: _InFlight) -> None:
        self._context = context
        self._pin = pin
        self._in_flight = in_flight
        super().__init__()

    def init_poolmanager(
        self, connections: int, maxsize: int, block: bool = False, **pool_kwargs: Any
    ) -> None:
        super().init_poolmanager(
            connections, maxsize, block=block, ssl_context=self._context, **pool_kwargs
        )
        https = HTTPSConnectionPool if self._pin is None else _pinned_pool(self._pin)
        self.poolmanager.pool_classes_by_scheme = {
            "http": _tracked(HTTPConnectionPool, self._in_flight),
            "https": _tracked(https, self._in_flight),
        }


def tls_context(tls: TlsSettings) -> ssl.SSLContext:
    if tls.ca_pem is not None:
        context = ssl.create_default_context(cadata=tls.ca_pem)
    else:
        forget_trust_from_environment()
        context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


class Transport:
    """One base URL, one connection pool; thread-confined like `requests.Session`, but for
    `abort`, which any thread may call."""

    def __init__(
        self,
        base_url: str,
        tls: TlsSettings | None = None,
        timeouts: Timeouts | None = None,
        session: requests.Session | None = None,
    ) -> None:
        parts = urlsplit(base_url)
        if parts.scheme not in ("https", "http") or not parts.hostname:
            raise ValueError("The server address must be an https:// URL.")
        if parts.scheme == "http" and not is_loopback(parts.hostname):
            raise ValueError("Plain http is only allowed to this computer; use https.")
        self.base_url = base_url.rstrip("/")
        self.host = parts.hostname
        self.timeouts = timeouts or Timeouts()
        settings = tls or TlsSettings()
        self._session = session or requests.Session()
        self._session.trust_env = False
        self._in_flight = _InFlight()
        self._aborted = False
        adapter = _TlsAdapter(tls_context(settings), settings.spki_pin, self._in_flight)
        self._session.mount("https://", adapter)
        self._session.mount("http://", adapter)

    def request(
        self,
        method: str,
        path: str,
        *,
        body: bytes | None = None,
        params: Mapping[str, str | int] | None = None,
        token: str | None = None,
    ) -> Answer:
        if self._aborted:
            raise ServiceUnreachable(f"the connection to {self.host} was stopped")
        headers = {"Accept": "application/json"}
        if body is not None:
            headers["Content-Type"] = "application/json"
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        try:
            response = self._session.request(
                method,
                self.base_url + path,
                data=body,
                params=params,
                headers=headers,
                timeout=(self.timeouts.connect_seconds, self.timeouts.read_seconds),
                allow_redirects=False,
            )
            return Answer(response.status_code, response.content)
        except requests.exceptions.SSLError as exc:
            raise self._tls_failure(exc) from None
        except requests.exceptions.Timeout:
            raise ServiceUnreachable(f"{self.host} did not answer in time") from None
        except requests.exceptions.RequestException as exc:
            raise ServiceUnreachable(f"{type(exc).__name__} talking to {self.host}") from None

    def abort(self) -> None:
        """From any thread: every request in flight fails at once as unreachable, and no
        new one is sent. What the service had already applied stays applied; a later sync
        learns of it as of any answer lost on the way."""
        self._aborted = True
        self._in_flight.cut()

    def close(self) -> None:
        self._session.close()

    def _tls_failure(self, exc: BaseException) -> SyncError:
        for cause in _causes(exc):
            if isinstance(cause, PinMismatch):
                return TlsRejected(f"{self.host}'s public key does not match the pinned key")
            if isinstance(cause, CertificateError):
                return TlsRejected(f"its certificate is not valid for the name {self.host}")
            if isinstance(cause, ssl.SSLCertVerificationError):
                if cause.verify_code in _NAME_MISMATCH:
                    return TlsRejected(f"its certificate is not valid for the name {self.host}")
                reason = cause.verify_message or "the certificate was not accepted"
                return TlsRejected(f"{self.host}'s certificate is not trusted ({reason})")
        # Anything else (e.g. a connection cut during the handshake) is worth retrying.
        return ServiceUnreachable(f"the secure connection to {self.host} failed")


def _causes(exc: BaseException) -> list[BaseException]:
    """The exception and everything it wraps: requests and urllib3 nest the SSL error."""
    seen: list[BaseException] = []
    pending: list[object] = [exc]
    while pending:
        item = pending.pop()
        if not isinstance(item, BaseException) or any(item is s for s in seen):
            continue
        seen.append(item)
        pending += [item.__cause__, item.__context__, getattr(item, "reason", None), *item.args]
    return seen
