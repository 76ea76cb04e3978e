"""Rasa's NLG endpoint: renders every bot message from the Babel catalogs."""

from __future__ import annotations

import logging
from typing import Any

from sanic import Blueprint
from sanic.request import Request
from sanic.response import HTTPResponse, json

from bot.i18n import Rendered, UnknownMessage, numbered_choices, render
from bot.language import conversation_language

logger = logging.getLogger(__name__)

nlg = Blueprint("nlg")

ASK_PREFIX = "utter_ask_"
# Channels that show no buttons: choices are numbered in the text.
TEXT_ONLY_CHANNELS = {"twilio_sms"}


def variant_for(response: str, slots: dict[str, Any]) -> str:
    """Ask again with an example when the last answer to this question was not understood."""
    if response.startswith(ASK_PREFIX) and slots.get("retry_slot") == response[len(ASK_PREFIX):]:
        return "retry"
    return "text"


def language_of(tracker: dict[str, Any]) -> str:
    """The conversation's language: chosen, or detected from the person's messages."""
    events = tracker.get("events") or ()
    user_texts = (e.get("text") or "" for e in events if e.get("event") == "user")
    return conversation_language((tracker.get("slots") or {}).get("language"), user_texts)


def render_request(body: dict[str, Any]) -> Rendered:
    """Render Rasa's NLG request: response name, arguments and the conversation's slots."""
    response = str(body.get("response") or body.get("template") or "")
    tracker = body.get("tracker") or {}
    slots = tracker.get("slots") or {}
    arguments = dict(body.get("arguments") or {})
    language = arguments.pop("language", None) or language_of(tracker)
    channel = (body.get("channel") or {}).get("name")
    try:
        rendered = render(response, language, arguments, variant_for(response, slots))
        if channel in TEXT_ONLY_CHANNELS:
            return numbered_choices(rendered, language)
        return rendered
    except UnknownMessage:
        logger.error("NLG asked for an unknown message id: %s", response)
    except (KeyError, TypeError, ValueError):
        logger.error("NLG could not fill the placeholders of %s", response)
    return render("utter_error", language)


@nlg.post("/nlg")
async def generate(request: Request) -> HTTPResponse:
    """Answer Rasa with the text and buttons of one message."""
    rendered = render_request(request.json or {})
    return json(
        {
            "text": rendered.text,
            "buttons": [{"title": b.title, "payload": b.payload} for b in rendered.buttons],
        }
    )
