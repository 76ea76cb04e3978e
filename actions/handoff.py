"""Talking to a person: thin adapters around `bot.handoff`."""

from __future__ import annotations

import asyncio

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.screening import language_of, send
from bot import handoff

SCREENING_FORM = "screening_form"


def channel_of(tracker: Tracker) -> str:
    """The channel the person last wrote from (`rest` when Rasa does not say)."""
    return str(tracker.get_latest_input_channel() or "rest")


class ActionRequestHuman(Action):
    """AGENT: queue the conversation for 211 staff, or say when they are in."""

    def name(self) -> str:
        """The action's name in the domain."""
        return "action_request_human"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Send what happens next; remember whether a yes/no about a reply was asked."""
        reply = await asyncio.to_thread(
            handoff.request_person,
            tracker.sender_id,
            channel_of(tracker),
            language_of(tracker),
            tracker.active_loop_name == SCREENING_FORM,
        )
        send(dispatcher, reply.messages)
        return [SlotSet("callback_offered", reply.callback_offered)]


class ActionAnswerCallback(Action):
    """The yes or no to "should someone write back when the team is in?"."""

    def name(self) -> str:
        """The action's name in the domain."""
        return "action_answer_callback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Yes flags the conversation in the staff queue; either way the offer is over."""
        wanted = (tracker.latest_message.get("intent") or {}).get("name") == "affirm"
        messages = await asyncio.to_thread(
            handoff.answer_callback,
            tracker.sender_id,
            channel_of(tracker),
            language_of(tracker),
            wanted,
        )
        send(dispatcher, messages)
        return [SlotSet("callback_offered", False)]
