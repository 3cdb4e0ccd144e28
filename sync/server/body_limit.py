"""A cap on the size of a request body, applied before the API reads any of it.

The API reads and parses a body before it knows who is calling, so without a cap anyone
who can reach the service could make it hold a body of any size in memory. The cap
follows from the protocol: the largest request is a push of `MAX_BATCH` changes, each a
payload of at most `MAX_PAYLOAD_CHARS` characters of canonical JSON in a small envelope.
The desktop writes a payload as compact JSON in UTF-8, never longer in bytes than its
canonical form in characters (which escapes every character beyond ASCII), so no
request within the protocol comes near the cap.

Every other request is small (an enrolment is a code and a device name), and is held to
`MAX_OTHER_BODY_BYTES`, so a body that could not be a push is never read past that.

A body whose declared Content-Length is over the cap is answered 413 before any of it is
read. A body sent without one (chunked) is counted as it arrives and answered 413 as
soon as it passes the cap; the rest of it is never read.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping

from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync.protocol import MAX_BATCH, MAX_PAYLOAD_CHARS, PUSH_PATH, ErrorCode
from sync.server.errors import ApiError

# A change's fields around its payload: a UUID, a kind, an id of at most 100 characters,
# a version, a time and their keys. Well under this, which also covers the batch's
# audit head.
CHANGE_ENVELOPE_BYTES = 1024
MAX_BODY_BYTES = MAX_BATCH * (MAX_PAYLOAD_CHARS + CHANGE_ENVELOPE_BYTES)
MAX_OTHER_BODY_BYTES = 16 * 1024
LIMITS: Mapping[str, int] = {PUSH_PATH: MAX_BODY_BYTES}

TOO_LARGE = ApiError(
    413, ErrorCode.INVALID_REQUEST, detail="The request body is larger than the service accepts."
)


class _BodyTooLarge(Exception):
    """Raised to the app from `receive` once the body has passed the cap."""


class BodyLimitMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        limits: Mapping[str, int] = LIMITS,
        default: int = MAX_OTHER_BODY_BYTES,
    ) -> None:
        self.app = app
        self.limits = dict(limits)
        self.default = default

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limits.get(scope["path"], self.default)
        declared = _declared_length(scope)
        if declared is not None and declared > limit:
            await _refuse(scope, receive, send)
            return
        received = 0
        over = False
        answered = False

        async def counted() -> Message:
            nonlocal received, over
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    over = True
                    raise _BodyTooLarge
            return message

        async def answer(message: Message) -> None:
            nonlocal answered
            if over:
                return  # whatever the app makes of a body cut short, the caller gets 413
            if message["type"] == "http.response.start":
                answered = True
            await send(message)

        with contextlib.suppress(_BodyTooLarge):  # the app may also turn it into its own error
            await self.app(scope, counted, answer)
        if over and not answered:
            await _refuse(scope, receive, send)


def _declared_length(scope: Scope) -> int | None:
    value = Headers(scope=scope).get("content-length")
    try:
        return None if value is None else int(value)
    except ValueError:
        return None  # the server's HTTP parser refuses it; counting still applies


async def _refuse(scope: Scope, receive: Receive, send: Send) -> None:
    body = TOO_LARGE.body().model_dump(mode="json")
    await JSONResponse(status_code=TOO_LARGE.status, content=body)(scope, receive, send)
