"""Rasa's calls to the actions and the NLG on kept-alive connections.

Rasa 3.6 (`rasa.utils.endpoints.EndpointConfig.request`) opens a new aiohttp session, so a
new TCP connection, for every call; a turn makes several (the NLG once per message, the
actions once per custom action), each with its own handshake on Rasa's side and on the
balancer's or service's side. Here each endpoint keeps one session per event loop and its
connections open between calls. What is sent and received is unchanged.

Idle connections are closed after `IDLE_SECONDS`, before the service (Sanic's default
keep-alive is 5 s) or a balancer would close them, so a call never lands on a connection
the other side is closing.
"""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
from rasa.utils.endpoints import DEFAULT_REQUEST_TIMEOUT, EndpointConfig

IDLE_SECONDS = 4.0


class _Kept:
    """`async with` on a kept session: nothing to open or close per call."""

    def __init__(self, session: aiohttp.ClientSession) -> None:
        self.session = session

    async def __aenter__(self) -> aiohttp.ClientSession:
        return self.session

    async def __aexit__(self, *_: Any) -> None:
        return None


def _kept_session(endpoint: EndpointConfig) -> _Kept:
    loop = asyncio.get_running_loop()
    kept: dict[Any, aiohttp.ClientSession] = endpoint.__dict__.setdefault("_anydoor_kept", {})
    session = kept.get(loop)
    if session is None or session.closed:
        auth = None
        if endpoint.basic_auth:
            auth = aiohttp.BasicAuth(
                endpoint.basic_auth["username"], endpoint.basic_auth["password"]
            )
        session = aiohttp.ClientSession(
            headers=endpoint.headers,
            auth=auth,
            timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
            connector=aiohttp.TCPConnector(keepalive_timeout=IDLE_SECONDS),
        )
        kept.clear()  # a session of a finished loop cannot be used again
        kept[loop] = session
    return _Kept(session)


def keep_connections() -> None:
    """Make every `EndpointConfig` reuse its connections (once per process)."""
    if getattr(EndpointConfig, "_anydoor_keeps_connections", False):
        return
    EndpointConfig.session = _kept_session  # type: ignore[assignment]
    EndpointConfig._anydoor_keeps_connections = True  # type: ignore[attr-defined]
