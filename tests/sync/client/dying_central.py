"""The central service as its own process, which SIGKILLs itself in the middle of a push.

Usage: python -m tests.sync.client.dying_central DB_URL PORT CERT KEY [--die-on-push N]
[--phase before|after]. With --die-on-push N the Nth push request kills the process:
`before` as the request arrives, `after` once the service has applied it but before the
answer leaves. Prints uvicorn's "Uvicorn running on" line on stderr when ready.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys

import uvicorn
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync import protocol
from sync.server.app import create_app
from sync.server.db import open_engine


class DieOnPush:
    def __init__(self, app: ASGIApp, die_on: int, phase: str) -> None:
        self.app = app
        self.die_on = die_on
        self.phase = phase
        self.pushes = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != protocol.PUSH_PATH:
            await self.app(scope, receive, send)
            return
        self.pushes += 1
        if self.pushes != self.die_on:
            await self.app(scope, receive, send)
            return
        if self.phase == "before":
            os.kill(os.getpid(), signal.SIGKILL)

        async def swallow(_message: Message) -> None:
            return None

        await self.app(scope, receive, swallow)
        os.kill(os.getpid(), signal.SIGKILL)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("port", type=int)
    parser.add_argument("cert")
    parser.add_argument("key")
    parser.add_argument("--die-on-push", type=int, default=0)
    parser.add_argument("--phase", choices=["before", "after"], default="after")
    args = parser.parse_args()
    handler = logging.StreamHandler(sys.stderr)
    logging.getLogger().handlers[:] = [handler]
    logging.getLogger().setLevel("INFO")
    app = create_app(open_engine(args.db))
    uvicorn.run(
        DieOnPush(app, args.die_on_push, args.phase),
        host="127.0.0.1",
        port=args.port,
        ssl_certfile=args.cert,
        ssl_keyfile=args.key,
        log_config=None,
        access_log=False,
        timeout_graceful_shutdown=2,
    )


if __name__ == "__main__":
    main()
