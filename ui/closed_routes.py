"""Routes of Streamlit's own server that kagraph closes: they answer 404 to everyone, signed in or not.

Streamlit serves ``/_stcore/metrics`` (sessions, cache sizes and hit counts) to any visitor and has no setting
to turn it off; on a team deployment that tells an outsider who is using the app and how much. ``serve.py``
puts this guard in front of the whole app, so it holds under any ``--server.baseUrlPath`` and with no proxy.
"""

from __future__ import annotations

import re

from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Receive, Scope, Send

CLOSED = re.compile(r"(?:^|/)_stcore/metrics/?$")
"""Paths refused, wherever the app is mounted (``/_stcore/metrics``, ``/team/_stcore/metrics/``)."""


def closed(path: str) -> bool:
    """Whether a request path is one of the closed routes (repeated slashes read as one, as routers read them).

    >>> closed("/_stcore/metrics"), closed("//team//_stcore/metrics/"), closed("/_stcore/health")
    (True, True, False)
    """
    return CLOSED.search(re.sub(r"/{2,}", "/", path)) is not None


class ClosedRoutes:
    """ASGI middleware: a closed route gets 404 for any method; everything else passes through untouched."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and closed(str(scope.get("path", ""))):
            await PlainTextResponse("Not Found", status_code=404)(scope, receive, send)
            return
        await self.app(scope, receive, send)
