"""The central service's HTTP API (FastAPI): health, enrolment, push and pull under /v1.

Every non-2xx answer is an `ErrorBody`; FastAPI's default validation errors are replaced
because they echo the rejected input, which may be case data. A body larger than any
request of the protocol is refused (413) before it is read (see `body_limit`).

No `from __future__ import annotations` here: FastAPI reads the endpoints' annotations at
runtime, and the dependency aliases are local to `create_app`.
"""

import logging
import uuid
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException

from rhi_desktop.domain.deadlines import utc_now
from sync import protocol
from sync.protocol import (
    EnrolmentRequest,
    EnrolmentResponse,
    ErrorBody,
    ErrorCode,
    Health,
    PullQuery,
    PullResponse,
    PushRequest,
    PushResponse,
)
from sync.server import enrolment, migrations, pull, push
from sync.server.auth import Principal, authenticate
from sync.server.authenticate_first import (
    AuthenticateFirstMiddleware,
    caller_of,
    error_response,
)
from sync.server.body_limit import BodyLimitMiddleware
from sync.server.db import Clock
from sync.server.errors import MESSAGES, ApiError
from sync.server.request_log import RequestLogMiddleware

log = logging.getLogger(__name__)

_bearer = HTTPBearer(auto_error=False, description="The device token from enrolment.")


def _errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    return {status: {"model": ErrorBody} for status in statuses}


def create_app(
    engine: Engine, clock: Clock = utc_now, *, request_logger: logging.Logger | None = None
) -> FastAPI:
    """The API bound to one database. The clock is injectable so tests control time."""
    app = FastAPI(
        title="RHI Desktop central service",
        version=protocol.API_VERSION,
        description="Enrolment and sync for RHI Desktop devices.",
    )
    # Innermost first: the token is checked before any body is read, and a body too large
    # for its path is refused before the token is looked up.
    app.add_middleware(
        AuthenticateFirstMiddleware,
        authenticate=lambda token: authenticate(engine, token, clock),
        paths=(protocol.PUSH_PATH, protocol.PULL_PATH),  # every route taking a Caller
    )
    app.add_middleware(BodyLimitMiddleware)
    app.add_middleware(RequestLogMiddleware, logger=request_logger)  # outermost: logs the 413
    _install_error_handlers(app)

    def principal(
        request: Request,
        _credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    ) -> Principal:
        """The caller the middleware found (`_bearer` only documents the scheme): every
        route that takes one is among the middleware's paths, so the token is checked once,
        before the body is read."""
        checked = caller_of(request.state)
        if checked is None:
            raise ApiError(401, ErrorCode.UNAUTHORISED)
        return checked

    Caller = Annotated[Principal, Depends(principal)]

    @app.get(
        protocol.HEALTH_PATH,
        response_model=Health,
        responses=_errors(503),
        summary="Whether the service and its database are up",
    )
    def health() -> Health:
        try:
            version = migrations.current_version(engine)
        except SQLAlchemyError:
            log.warning("health check could not reach the database")
            raise ApiError(503, ErrorCode.UNAVAILABLE) from None
        return Health(status="ok", api_version="v1", schema_version=version, server_time=clock())

    @app.post(
        protocol.ENROL_PATH,
        response_model=EnrolmentResponse,
        status_code=201,
        responses=_errors(400, 401, 413, 422),
        summary="Exchange a one-time enrolment code for a device token",
    )
    def enrol(body: EnrolmentRequest) -> EnrolmentResponse:
        return enrolment.enrol(engine, body, clock)

    @app.post(
        protocol.PUSH_PATH,
        response_model=PushResponse,
        responses=_errors(400, 401, 409, 413, 422),
        summary="Apply a batch of the device's changes",
    )
    def push_changes(body: PushRequest, caller: Caller) -> PushResponse:
        return push.push(engine, caller, body, clock)

    @app.get(
        protocol.PULL_PATH,
        response_model=PullResponse,
        responses=_errors(401, 422),
        summary="Changes after a cursor that this device's user may see",
    )
    def pull_changes(caller: Caller, query: Annotated[PullQuery, Query()]) -> PullResponse:
        return pull.pull(engine, caller, query.cursor, query.limit, clock)

    return app


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_request: Request, error: ApiError) -> JSONResponse:
        return error_response(error)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, error: RequestValidationError) -> JSONResponse:
        where = ", ".join(sorted({_location(e.get("loc", ())) for e in error.errors()})[:5])
        body = ErrorBody(
            code=ErrorCode.INVALID_REQUEST,
            message=f"{MESSAGES[ErrorCode.INVALID_REQUEST]} Check: {where}.",
        )
        return _respond(422, body)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, error: StarletteHTTPException) -> JSONResponse:
        code = {
            401: ErrorCode.UNAUTHORISED,
            404: ErrorCode.NOT_FOUND,
            405: ErrorCode.METHOD_NOT_ALLOWED,
        }.get(error.status_code, ErrorCode.INVALID_REQUEST)
        body = ErrorBody(code=code, message=MESSAGES[code])
        return _respond(error.status_code, body, dict(error.headers or {}))

    @app.exception_handler(Exception)
    async def failure(_request: Request, error: Exception) -> JSONResponse:
        reference = uuid.uuid4().hex[:12]
        # The type only: an exception's text can quote the data being processed.
        log.error("unhandled %s (reference %s)", type(error).__name__, reference)
        body = ErrorBody(
            code=ErrorCode.INTERNAL_ERROR,
            message=MESSAGES[ErrorCode.INTERNAL_ERROR],
            reference=reference,
        )
        return _respond(500, body)


def _respond(status: int, body: ErrorBody, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(status_code=status, content=body.model_dump(mode="json"), headers=headers)


def _known_fields() -> frozenset[str]:
    models: list[type[BaseModel]] = [
        EnrolmentRequest,
        PushRequest,
        protocol.Change,
        protocol.AuditHead,
    ]
    names = {name for model in models for name in model.model_fields}
    return frozenset(names | {"body", "query", "header", "cursor", "limit"})


_KNOWN_FIELDS = _known_fields()


def _location(loc: Any) -> str:
    """A validation error's location, with anything the client named itself masked:
    an unexpected key could be a person's name."""
    parts = [str(part) if isinstance(part, int) or part in _KNOWN_FIELDS else "*" for part in loc]
    return ".".join(parts) or "request"
