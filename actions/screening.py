"""The screening form's validation, and the result."""

from __future__ import annotations

import logging
import os
from datetime import date
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.answers import INTERPRETERS, SCREENING_STATE, household_from_answers, interpret
from bot.eligibility import ParameterError, screen
from bot.language import conversation_language
from bot.results import compose
from bot.what_if import WHAT_IF_SLOTS

logger = logging.getLogger(__name__)

SCREENING_SLOTS = (
    "zip_code",
    "state",
    "county",
    "member_ages",
    "pregnant",
    "disability",
    "monthly_income",
    "earned_income",
    "housing_cost",
    "retry_slot",
)


def screening_date() -> date:
    """Today, or ANYDOOR_TODAY (YYYY-MM-DD) so tests and demos can pin the rules' date."""
    pinned = os.environ.get("ANYDOOR_TODAY")
    return date.fromisoformat(pinned) if pinned else date.today()


def language_of(tracker: Tracker) -> str:
    """The conversation's language: chosen, or detected from the person's messages."""
    user_texts = (e.get("text") or "" for e in tracker.events if e.get("event") == "user")
    return conversation_language(tracker.get_slot("language"), user_texts)


def send(dispatcher: CollectingDispatcher, messages: Any) -> None:
    """Send (message id, arguments) pairs; the NLG endpoint renders them."""
    for message_id, args in messages:
        dispatcher.utter_message(response=message_id, **args)


class ValidateScreeningForm(FormValidationAction):
    """Turns each free-text answer into slot values with `bot.answers`.

    rasa-sdk calls `validate_<slot>` for each extracted slot; they are all the same adapter,
    so they are made below, one per question that `bot.answers` knows.
    """

    def name(self) -> str:
        """The action's name in the domain."""
        return "validate_screening_form"


def _validator(slot: str) -> Any:
    async def validate(
        self: ValidateScreeningForm,
        value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        result = interpret(slot, str(value or ""), language_of(tracker), tracker.slots)
        send(dispatcher, result.messages)
        slots = dict(result.slots)
        if result.end_screening:
            slots["requested_slot"] = None
        return slots

    validate.__doc__ = f"Validate the answer to `{slot}`."
    return validate


for _slot in INTERPRETERS:
    setattr(ValidateScreeningForm, f"validate_{_slot}", _validator(_slot))


class ActionShowResult(Action):
    """Screens the household and sends the result with next steps."""

    def name(self) -> str:
        """The action's name in the domain."""
        return "action_show_result"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Send the result messages; a household outside California got its referral already."""
        household = household_from_answers(tracker.slots)
        if household["state"] != SCREENING_STATE:
            return []
        try:
            screening = screen(household, on=screening_date())
        except ParameterError:  # this year's figures are not loaded yet: say so, kindly
            logger.error("No rules in force on %s: load this year's parameters", screening_date())
            dispatcher.utter_message(response="utter_rules_unavailable")
            return []
        send(dispatcher, compose(screening, household))
        return []


def cleared_answers() -> list[EventType]:
    """Events that forget every screening answer and what-if (the language stays)."""
    return [SlotSet(slot, None) for slot in (*SCREENING_SLOTS, *WHAT_IF_SLOTS)]
