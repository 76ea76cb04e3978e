"""What every channel does with input it cannot trust, and when a turn gives no answer.

- `clean_text`: a message as the bot may read and store it: valid Unicode (lone surrogates
  replaced), no NUL or other control characters except newline and tab (PostgreSQL refuses
  NUL), at most `MAX_MESSAGE_CHARS` characters (a Twilio SMS is at most 1600).
- `kind_reply_if_silent`: a turn that produced nothing for the person (the AnyDoor service
  was unreachable, so neither actions nor messages could run; or the turn failed) gets
  `utter_error` ("please try again in a moment") in the conversation's language, rendered
  here from the catalogs, since the NLG endpoint may be the thing that is down.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from bot.i18n import render
from bot.language import conversation_language

logger = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = 1600
MAX_SENDER_CHARS = 128
# A REST conversation id: letters, digits and a few separators; never markup or spaces.
_SENDER = re.compile(r"[A-Za-z0-9_.:@+=-]{1,128}")
_KEEP_CONTROLS = {"\n", "\t"}
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(raw: str) -> str:
    """The text with invalid Unicode replaced, control characters dropped, length capped."""
    valid = _SURROGATE.sub("\ufffd", raw)
    kept = "".join(
        char for char in valid if char in _KEEP_CONTROLS or unicodedata.category(char) != "Cc"
    )
    return kept[:MAX_MESSAGE_CHARS]


def valid_sender(sender: object) -> bool:
    """Whether a client-chosen conversation id is acceptable (and safe to show anywhere)."""
    return isinstance(sender, str) and _SENDER.fullmatch(sender) is not None


async def tracker_language(agent: Any, sender_id: str, text: str) -> str:
    """The conversation's language; from the message alone when the tracker is unreadable."""
    try:
        tracker = await agent.tracker_store.retrieve(sender_id)
    except Exception as error:  # storage down: the message still tells the language
        logger.warning(
            "Could not read the conversation for its language (%s)", type(error).__name__
        )
        tracker = None
    if tracker is None:
        return conversation_language(None, [text])
    texts = [event.text or "" for event in tracker.events if event.type_name == "user"]
    return conversation_language(tracker.get_slot("language"), [*texts, text])


def is_silent(messages: Iterable[dict[str, Any]]) -> bool:
    """Whether a turn's messages hold nothing the person would see."""
    return not any(
        message.get("text")
        or message.get("buttons")
        or message.get("image")
        or message.get("attachment")
        for message in messages
    )


async def taken_over(agent: Any, sender_id: str) -> bool:
    """Whether staff have taken the conversation over (Rasa's tracker is paused): the bot's
    silence is then expected, not a failure to apologize for."""
    try:
        tracker = await agent.tracker_store.retrieve(sender_id)
    except Exception as error:  # storage down: the turn failed, so it is not a takeover
        logger.warning("Could not read the conversation (%s)", type(error).__name__)
        return False
    return tracker is not None and tracker.is_paused()


def kind_error(language: str) -> dict[str, Any]:
    """The "something went wrong, try again in a moment" message, as a bot message."""
    return {"text": render("utter_error", language).text}
