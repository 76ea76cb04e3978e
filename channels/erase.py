"""Erasing a conversation for real: its tracker and everything AnyDoor keeps about it.

The delete action asks for this with a custom message, `ERASE_SIGNAL`; channels act on it
after Rasa has saved the turn, under the conversation's lock, so nothing is written back.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from typing import Any

from bot import store
from bot.signals import ERASE_SIGNAL
from bot.store.handoffs import erase_handoffs

logger = logging.getLogger(__name__)


def erase_requested(messages: Iterable[dict[str, Any]]) -> bool:
    """Whether the bot's messages of this turn include the erase signal."""
    return any(message.get("custom") == ERASE_SIGNAL for message in messages)


def visible(messages: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The messages meant for the person (the erase signal is not one)."""
    return [message for message in messages if message.get("custom") != ERASE_SIGNAL]


def _delete_tracker(tracker_store: Any, conversation_id: str) -> None:
    inner = getattr(tracker_store, "_tracker_store", tracker_store)
    if hasattr(inner, "session_scope") and hasattr(inner, "SQLEvent"):
        with inner.session_scope() as session:
            session.query(inner.SQLEvent).filter(
                inner.SQLEvent.sender_id == conversation_id
            ).delete(synchronize_session=False)
            session.commit()
    elif isinstance(getattr(inner, "store", None), dict):
        inner.store.pop(conversation_id, None)
    else:
        raise NotImplementedError(f"cannot erase from {type(inner).__name__}")


async def erase_conversation(agent: Any, conversation_id: str) -> None:
    """Delete the conversation's tracker and AnyDoor's rows about it."""
    async with agent.lock_store.lock(conversation_id):
        await asyncio.to_thread(_delete_tracker, agent.tracker_store, conversation_id)
    await asyncio.to_thread(store.erase_conversation, conversation_id)
    await asyncio.to_thread(erase_handoffs, conversation_id)
    logger.info("Erased a conversation on request")
