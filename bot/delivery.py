"""The delivery contract between the staff console and the channels (**contract**).

`POST /webhooks/<channel>/deliver` with `Authorization: Bearer <ANYDOOR_API_TOKEN>` and JSON
`{"conversation_id": "...", "text": "...", "from": "staff"}` answers 200 `{"delivered": n}`
(n messages sent), 401 without the right token, 400 for a bad body.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import Any

# Twilio's limit for one message body; a staff reply longer than this is refused.
MAX_TEXT_CHARS = 1600
MAX_CONVERSATION_ID_CHARS = 128


@dataclass(frozen=True)
class StaffReply:
    """A staff member's reply to deliver to a conversation."""

    conversation_id: str
    text: str


def authorized(header: str | None, token: str | None) -> bool:
    """Whether an `Authorization` header carries `Bearer <token>` (constant time)."""
    if not token or not header or not header.startswith("Bearer "):
        return False
    return hmac.compare_digest(header[len("Bearer ") :].strip().encode(), token.encode())


def staff_reply(body: Any) -> StaffReply | None:
    """The reply in a delivery request's JSON, or None when the body does not fit the contract."""
    if not isinstance(body, dict) or body.get("from") != "staff":
        return None
    conversation, text = body.get("conversation_id"), body.get("text")
    if not isinstance(conversation, str) or not isinstance(text, str):
        return None
    conversation, text = conversation.strip(), text.strip()
    if not conversation or len(conversation) > MAX_CONVERSATION_ID_CHARS:
        return None
    if not text or len(text) > MAX_TEXT_CHARS:
        return None
    return StaffReply(conversation_id=conversation, text=text)


def request(conversation_id: str, text: str) -> dict[str, str]:
    """The JSON body the console posts to a channel's deliver endpoint."""
    return {"conversation_id": conversation_id, "text": text, "from": "staff"}
