"""Rasa's REST channel, with "erase my answers" carried out: same name, same URL.

Also: a request that is not `{"sender": "<id>", "message": "<text>"}` gets 400 (never a
5xx); the text is cleaned (`channels.safety`); a turn that produced nothing for the person
(the AnyDoor service or the database unreachable) answers "please try again in a moment" in
the person's language.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, Sanic
from sanic.exceptions import InvalidUsage
from sanic.request import Request

from channels.erase import erase_conversation, erase_requested, visible
from channels.safety import (
    clean_text,
    is_silent,
    kind_error,
    taken_over,
    tracker_language,
    valid_sender,
)
from channels.stores import fail_loudly

logger = logging.getLogger(__name__)


def _body(request: Request) -> dict[str, Any]:
    """The JSON object of the request, or 400 (Sanic answers 400 for JSON that does not parse)."""
    body = request.json
    if not isinstance(body, dict):
        raise InvalidUsage('Send a JSON object: {"sender": ..., "message": ...}')
    return body


class RestChannel(RestInput):
    """`/webhooks/rest/webhook`; erases the tracker after the turn when the person asked."""

    async def _extract_sender(self, req: Request) -> str | None:
        sender = _body(req).get("sender")
        if not valid_sender(sender):
            raise InvalidUsage("`sender` must be 1-128 letters, digits or _.:@+=-")
        return str(sender)

    def _extract_message(self, req: Request) -> str | None:
        message = _body(req).get("message")
        if not isinstance(message, str):
            raise InvalidUsage("`message` must be a string")
        return clean_text(message)  # cut to MAX_MESSAGE_CHARS: a long paste still gets a reply

    def _extract_input_channel(self, req: Request) -> str:
        return self.name()  # a client does not get to pose as another channel

    def get_metadata(self, request: Request) -> dict[str, Any] | None:
        """Client metadata is not kept: it would be stored unchecked in the conversation."""
        return None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Rasa's REST blueprint around a handler that carries out an erase request."""
        app_holder: dict[str, Sanic] = {}

        async def handle(message: UserMessage) -> None:
            output = message.output_channel
            agent = app_holder["app"].ctx.agent
            try:
                await on_new_message(message)
            except Exception as error:  # tracebacks can carry the message: log the kind only
                logger.error("Rasa could not handle a REST message: %s", type(error).__name__)
            if not isinstance(output, CollectingOutputChannel):
                return
            if erase_requested(output.messages):
                output.messages[:] = visible(output.messages)
                await erase_conversation(agent, message.sender_id)
            elif is_silent(output.messages) and not await taken_over(agent, message.sender_id):
                language = await tracker_language(agent, message.sender_id, message.text or "")
                output.messages[:] = [kind_error(language)]

        blueprint = super().blueprint(handle)

        @blueprint.listener("before_server_start")
        async def remember_app(app: Sanic, _: Any) -> None:
            app_holder["app"] = app

        @blueprint.listener("after_server_start")
        async def storage_errors_reach_the_channel(app: Sanic, _: Any) -> None:
            fail_loudly(app.ctx.agent)

        return blueprint
