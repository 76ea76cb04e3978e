"""Rasa's REST channel, with "erase my answers" carried out: same name, same URL."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, Sanic

from channels.erase import erase_conversation, erase_requested, visible


class RestChannel(RestInput):
    """`/webhooks/rest/webhook`; erases the tracker after the turn when the person asked."""

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Rasa's REST blueprint around a handler that carries out an erase request."""
        app_holder: dict[str, Sanic] = {}

        async def handle(message: UserMessage) -> None:
            await on_new_message(message)
            output = message.output_channel
            if isinstance(output, CollectingOutputChannel) and erase_requested(output.messages):
                output.messages[:] = visible(output.messages)
                await erase_conversation(app_holder["app"].ctx.agent, message.sender_id)

        blueprint = super().blueprint(handle)

        @blueprint.listener("before_server_start")
        async def remember_app(app: Sanic, _: Any) -> None:
            app_holder["app"] = app

        return blueprint
