"""Anyone who can reach the service, enrolled or not, cannot make it hold a body larger
than any push the protocol allows: it answers 413 before reading the rest. A push or pull
without a valid device token is answered 401 before any of its body is read, and every
request other than a push is held to a small body."""

from __future__ import annotations

import http.client
import io
import json
import select
import socket
import ssl
from collections.abc import Iterator
from contextlib import contextmanager

from sync import protocol
from sync.protocol import ErrorBody, ErrorCode, Role
from sync.server.body_limit import MAX_BODY_BYTES, MAX_OTHER_BODY_BYTES
from tests.sync.client.live_central import LiveCentral

CHUNK = b"x" * (1 << 20)
SOCKET_TIMEOUT_SECONDS = 30


@contextmanager
def connection(central: LiveCentral) -> Iterator[http.client.HTTPSConnection]:
    """A plain HTTPS connection over the service's real TLS, with no device token."""
    context = ssl.create_default_context(cadata=central.ca_pem)
    conn = http.client.HTTPSConnection(
        "localhost", central.port, context=context, timeout=SOCKET_TIMEOUT_SECONDS
    )
    try:
        yield conn
    finally:
        conn.close()


def _refused_as_too_large(response: http.client.HTTPResponse) -> None:
    assert response.status == 413
    body = ErrorBody.model_validate_json(response.read())
    assert body.code is ErrorCode.INVALID_REQUEST
    assert body.message.endswith("The request body is larger than the service accepts.")


def test_a_body_declared_larger_than_any_push_is_refused_before_it_arrives(
    central: LiveCentral,
) -> None:
    with connection(central) as conn:
        conn.putrequest("POST", protocol.PUSH_PATH)
        conn.putheader("Content-Type", "application/json")
        conn.putheader("Content-Length", str(MAX_BODY_BYTES + 1))
        conn.endheaders(b'{"changes": [')  # and not a byte more

        _refused_as_too_large(conn.getresponse())


def _device_token(central: LiveCentral) -> str:
    code = central.code_for(central.add_user(Role.INTERVIEWER))
    request = {"code": code, "device_name": "Test laptop", "app_version": "1.0"}
    with connection(central) as conn:
        conn.request(
            "POST",
            protocol.ENROL_PATH,
            json.dumps(request),
            {"Content-Type": "application/json"},
        )
        response = conn.getresponse()
        assert response.status == 201
        return str(json.loads(response.read())["device_token"])


def _stream_until_answered(
    conn: http.client.HTTPSConnection, path: str, token: str | None
) -> tuple[http.client.HTTPResponse | None, int]:
    """Send a never-ending chunked body to `path` until the service answers; returns the
    answer (None if it read twice the cap without one) and how much was sent."""
    conn.putrequest("POST", path)
    conn.putheader("Content-Type", "application/json")
    conn.putheader("Transfer-Encoding", "chunked")
    if token is not None:
        conn.putheader("Authorization", f"Bearer {token}")
    conn.endheaders()
    assert isinstance(conn.sock, ssl.SSLSocket)
    sent = 0
    answer = b""
    while not answer and sent <= 2 * MAX_BODY_BYTES:
        conn.send(b"%x\r\n%s\r\n" % (len(CHUNK), CHUNK))
        sent += len(CHUNK)
        answer = _answer_begun(conn.sock)
    if not answer:
        return None, sent
    response = http.client.HTTPResponse(_Answer(conn.sock, answer))  # type: ignore[arg-type]
    response.begin()
    return response, sent


def test_a_streamed_body_without_a_length_is_refused_once_it_passes_the_cap(
    central: LiveCentral,
) -> None:
    """The body never ends: the answer must come while it is still being sent."""
    token = _device_token(central)
    with connection(central) as conn:
        response, sent = _stream_until_answered(conn, protocol.PUSH_PATH, token)

        assert response is not None, "the service read the whole body before answering"
        assert sent > MAX_BODY_BYTES
        _refused_as_too_large(response)


def test_a_push_without_a_device_token_is_refused_before_its_body_is_read(
    central: LiveCentral,
) -> None:
    with connection(central) as conn:
        response, sent = _stream_until_answered(conn, protocol.PUSH_PATH, None)

        assert response is not None and response.status == 401
        assert sent < MAX_BODY_BYTES // 10  # answered at once, whatever the socket buffered
        body = ErrorBody.model_validate_json(response.read())
        assert body.code is ErrorCode.UNAUTHORISED


def test_a_push_with_a_forged_token_is_refused_before_its_body_is_read(
    central: LiveCentral,
) -> None:
    forged = _device_token(central).partition(".")[0] + ".not-the-secret"
    with connection(central) as conn:
        response, sent = _stream_until_answered(conn, protocol.PUSH_PATH, forged)

        assert response is not None and response.status == 401
        assert sent < MAX_BODY_BYTES // 10


def test_an_enrolment_larger_than_any_enrolment_is_refused_unread(central: LiveCentral) -> None:
    with connection(central) as conn:
        response, sent = _stream_until_answered(conn, protocol.ENROL_PATH, None)

        assert response is not None
        assert sent < MAX_BODY_BYTES // 10
        _refused_as_too_large(response)
    with connection(central) as conn:
        conn.putrequest("POST", protocol.ENROL_PATH)
        conn.putheader("Content-Type", "application/json")
        conn.putheader("Content-Length", str(MAX_OTHER_BODY_BYTES + 1))
        conn.endheaders(b'{"code": "')

        _refused_as_too_large(conn.getresponse())


def _answer_begun(sock: ssl.SSLSocket) -> bytes:
    """What the service has answered so far, without waiting (TLS session tickets, which
    also make the socket readable, are not an answer)."""
    if not select.select([sock], [], [], 0)[0]:
        return b""
    sock.setblocking(False)
    try:
        return sock.recv(1 << 16)
    except ssl.SSLWantReadError:
        return b""
    finally:
        sock.settimeout(SOCKET_TIMEOUT_SECONDS)


class _Answer:
    """The connection's socket with the answer's first bytes, already read, put back in
    front, for http.client to read the whole answer from."""

    def __init__(self, sock: socket.socket, begun: bytes) -> None:
        self._stream = io.BufferedReader(_Rest(sock, begun))

    def makefile(self, _mode: str) -> io.BufferedReader[_Rest]:
        return self._stream


class _Rest(io.RawIOBase):
    def __init__(self, sock: socket.socket, begun: bytes) -> None:
        self._sock = sock
        self._begun = begun

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._begun:
            n = min(len(buffer), len(self._begun))
            buffer[:n] = self._begun[:n]
            self._begun = self._begun[n:]
            return n
        return self._sock.recv_into(buffer)
