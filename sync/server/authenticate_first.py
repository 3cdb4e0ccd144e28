"""A request that needs a device token has it checked before any of its body is read.

FastAPI reads and parses a request's body before it resolves the endpoint's
dependencies, the device token among them, so anyone who can reach the service could
make it parse the largest push the protocol allows (over a hundred megabytes, many times
that once parsed) only to be told they are not enrolled. This middleware answers an
unknown, forged or revoked token with the API's own 401 first, from the headers alone,
and hands the caller it found to the endpoint (`caller_of`), which then does not look
the token up again.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from sync.protocol import ErrorCode
from sync.server.auth import Principal
from sync.server.errors import ApiError
from sync.server.request_log import STATE_DEVICE_ID, STATE_ROUTE

STATE_PRINCIPAL = "principal"

Authenticate = Callable[[str | None], Principal]


def bearer_token(authorization: str | None) -> str | None:
    """The token of an `Authorization: Bearer <token>` header (scheme in any case)."""
    if authorization is None:
        return None
    scheme, _, token = authorization.strip().partition(" ")
    token = token.strip()
    return token if scheme.lower() == "bearer" and token else None


def error_response(error: ApiError) -> JSONResponse:
    """The API's answer to an ApiError: its body, and the scheme to use on a 401."""
    headers = {"WWW-Authenticate": "Bearer"} if error.status == 401 else None
    return JSONResponse(
        status_code=error.status, content=error.body().model_dump(mode="json"), headers=headers
    )


class AuthenticateFirstMiddleware:
    def __init__(self, app: ASGIApp, authenticate: Authenticate, paths: Collection[str]) -> None:
        self.app = app
        self.authenticate = authenticate
        self.paths = frozenset(paths)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] not in self.paths:
            await self.app(scope, receive, send)
            return
        state: dict[str, Any] = scope.setdefault("state", {})
        token = bearer_token(Headers(scope=scope).get("authorization"))
        try:
            state[STATE_PRINCIPAL] = await run_in_threadpool(self.authenticate, token)
        except ApiError as error:
            if error.code is ErrorCode.DEVICE_REVOKED and token is not None:
                # The secret matched, so the id is genuinely this device's.
                state[STATE_DEVICE_ID] = token.partition(".")[0]
            state[STATE_ROUTE] = scope["path"]  # the paths here are fixed, never personal
            await error_response(error)(scope, receive, send)
            return
        state[STATE_DEVICE_ID] = state[STATE_PRINCIPAL].device_id
        await self.app(scope, receive, send)


def caller_of(state: Any) -> Principal | None:
    """The caller this middleware found for the request, if it checked one."""
    found = getattr(state, STATE_PRINCIPAL, None)
    return found if isinstance(found, Principal) else None
