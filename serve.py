"""The app as it is served: ``app.py`` in Streamlit's ASGI app, behind kagraph's closed routes.

``streamlit run serve.py`` (run.sh, the Dockerfile) finds ``app`` below and serves it with every flag
``streamlit run app.py`` takes; ``ui.closed_routes`` says which of Streamlit's own routes it refuses and why.
On shutdown the app leaves the embedded store it opened: uvicorn ends a SIGTERM by raising the signal again
after its graceful shutdown, so no ``atexit`` handler runs after that.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import streamlit as st
from starlette.middleware import Middleware

from graph.servers.embedded import leave_servers
from ui.closed_routes import ClosedRoutes


@asynccontextmanager
async def leave_stores_on_shutdown(_app: st.App) -> AsyncIterator[None]:
    """Nothing to start; on shutdown, leave every embedded store this process uses (stopping those nobody else uses)."""
    yield
    leave_servers()


app = st.App("app.py", lifespan=leave_stores_on_shutdown, middleware=[Middleware(ClosedRoutes)])
