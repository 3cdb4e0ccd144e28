"""One JSON line per request, without personal data.

A line holds the method, the route template (`/v1/sync/pull`, never the query string or
a concrete path), the status, the duration and the calling device's id. Bodies, headers
and query strings are never logged: they carry tokens and case data.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOGGER_NAME = "sync.server.requests"
STATE_DEVICE_ID = "device_id"
STATE_ROUTE = "route"  # for a request answered before routing, the fixed path it was for


class RequestLogMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        logger: logging.Logger | None = None,
        timer: Callable[[], float] = time.perf_counter,
    ) -> None:
        self.app = app
        self.logger = logger or logging.getLogger(LOGGER_NAME)
        self.timer = timer

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = self.timer()
        state: dict[str, Any] = scope.setdefault("state", {})
        status = 500  # what the client sees if the app raises before answering

        async def send_and_note_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, send_and_note_status)
        finally:
            route = getattr(scope.get("route"), "path", None) or state.get(STATE_ROUTE)
            self.logger.info(
                json.dumps(
                    {
                        "event": "request",
                        "method": scope["method"],
                        "route": route or "unmatched",
                        "status": status,
                        "duration_ms": round((self.timer() - started) * 1000, 2),
                        "device_id": state.get(STATE_DEVICE_ID),
                    },
                    separators=(",", ":"),
                )
            )


class JsonLineFormatter(logging.Formatter):
    """Wraps each record as one JSON object; request lines are merged in, not nested."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
        }
        message = record.getMessage()
        try:
            parsed = json.loads(message)
        except ValueError:
            parsed = None
        if isinstance(parsed, dict):
            entry.update(parsed)
        else:
            entry["message"] = message
        if record.exc_info and record.exc_info[0] is not None:
            # The type only: exception messages can quote the data that was rejected.
            entry["exception"] = record.exc_info[0].__name__
        return json.dumps(entry, separators=(",", ":"))
