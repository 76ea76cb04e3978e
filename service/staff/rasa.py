"""The console's client for Rasa's HTTP API and the channels' deliver endpoints."""

from __future__ import annotations

import os
import time
from typing import Any
from urllib.parse import quote

import aiohttp

from bot import delivery
from bot.transcript import question_held_at_pause
from service.stack import api_token

TIMEOUT = aiohttp.ClientTimeout(total=30)


class RasaError(RuntimeError):
    """Rasa answered with an unexpected status (the status only; bodies are never kept)."""


def rasa_url() -> str:
    """Rasa's base URL: `ANYDOOR_RASA_URL`, else 127.0.0.1 on `ANYDOOR_RASA_PORT`."""
    configured = os.environ.get("ANYDOOR_RASA_URL")
    if configured:
        return configured.rstrip("/")
    return f"http://127.0.0.1:{os.environ.get('ANYDOOR_RASA_PORT', '5005')}"


class RasaApi:
    """Reads and appends tracker events; delivers staff replies through a channel."""

    def __init__(self, session: aiohttp.ClientSession, base_url: str, token: str) -> None:
        self.session, self.base_url, self.token = session, base_url, token

    @classmethod
    def from_env(cls) -> RasaApi:
        """A client on its own HTTP session (call inside the running loop)."""
        return cls(aiohttp.ClientSession(timeout=TIMEOUT), rasa_url(), api_token())

    async def close(self) -> None:
        """Close the HTTP session."""
        await self.session.close()

    def _tracker_url(self, conversation_id: str, suffix: str = "") -> str:
        return f"{self.base_url}/conversations/{quote(conversation_id, safe='')}/tracker{suffix}"

    async def tracker(self, conversation_id: str) -> dict[str, Any]:
        """The conversation's tracker, with every event."""
        async with self.session.get(
            self._tracker_url(conversation_id), params={"token": self.token}
        ) as response:
            if response.status != 200:
                raise RasaError(f"tracker: HTTP {response.status}")
            return dict(await response.json())

    async def append(self, conversation_id: str, events: list[dict[str, Any]]) -> None:
        """Append events (pause, resume, a staff bot message) to the tracker."""
        async with self.session.post(
            self._tracker_url(conversation_id, "/events"),
            params={"token": self.token, "include_events": "NONE"},
            json=events,
        ) as response:
            if response.status != 200:
                raise RasaError(f"append events: HTTP {response.status}")

    async def deliver(self, channel: str, conversation_id: str, text: str) -> int | None:
        """Post a staff reply to `/webhooks/<channel>/deliver`; None when the channel has no
        such endpoint (404), else how many messages it sent."""
        async with self.session.post(
            f"{self.base_url}/webhooks/{quote(channel, safe='')}/deliver",
            headers={"Authorization": f"Bearer {self.token}"},
            json=delivery.request(conversation_id, text),
        ) as response:
            if response.status == 404:
                return None
            if response.status != 200:
                raise RasaError(f"deliver: HTTP {response.status}")
            body = await response.json()
            return int(body.get("delivered") or 0)

    async def pause(self, conversation_id: str) -> None:
        """Staff take over: the bot stops answering, and what the person writes to staff is
        not taken as the answer to the pending question (`question_held_at_pause`)."""
        now = time.time()
        await self.append(
            conversation_id,
            [
                {"event": "pause", "timestamp": now},
                {"event": "slot", "name": "requested_slot", "value": None, "timestamp": now},
            ],
        )

    async def resume(self, conversation_id: str) -> None:
        """Back to the bot, with the question that was pending when staff took over."""
        now = time.time()
        events: list[dict[str, Any]] = [{"event": "resume", "timestamp": now}]
        pending = question_held_at_pause(await self.tracker(conversation_id))
        if pending:
            events.append(
                {"event": "slot", "name": "requested_slot", "value": pending, "timestamp": now}
            )
        await self.append(conversation_id, events)

    async def record_staff_message(self, conversation_id: str, text: str) -> None:
        """The staff reply in the transcript (and the web widget's history)."""
        await self.append(
            conversation_id,
            [
                {
                    "event": "bot",
                    "text": text,
                    "metadata": {"from": "staff"},
                    "timestamp": time.time(),
                }
            ],
        )
