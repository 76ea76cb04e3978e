"""What if: read the change, ask what it leaves out (the what-if form), show the difference."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.screening import language_of, screening_date, send
from bot import what_if
from bot.eligibility import ParameterError

logger = logging.getLogger(__name__)


class ActionWhatIfRead(Action):
    """Reads a what-if message into the what-if slots; the rules then compare, ask or screen."""

    def name(self) -> str:
        """The action's name in the domain."""
        return "action_what_if_read"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Forget the last what-if, keep what this message says, set `what_if_step`."""
        text = tracker.latest_message.get("text") or ""
        slots = what_if.read(text, language_of(tracker), tracker.slots)
        return [SlotSet(name, value) for name, value in slots.items()]


class ValidateWhatIfForm(FormValidationAction):
    """Reads each what-if answer with `bot.what_if`; asks only what the change needs."""

    def name(self) -> str:
        """The action's name in the domain."""
        return "validate_what_if_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        """The change, then the questions that kind of change needs."""
        return what_if.required_slots(tracker.slots)


def _validator(slot: str) -> Any:
    async def validate(
        self: ValidateWhatIfForm,
        value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        return dict(what_if.interpret(slot, value, language_of(tracker), tracker.slots).slots)

    validate.__doc__ = f"Validate the answer to `{slot}`."
    return validate


for _slot in what_if.INTERPRETERS:
    setattr(ValidateWhatIfForm, f"validate_{_slot}", _validator(_slot))


class ActionShowWhatIf(Action):
    """Screens the household as answered and as changed, and sends the difference."""

    def name(self) -> str:
        """The action's name in the domain."""
        return "action_show_what_if"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Send the comparison; the screening answers are only read."""
        try:
            messages = what_if.compose(tracker.slots, screening_date())
        except ParameterError:  # this year's figures are not loaded yet: say so, kindly
            logger.error("No rules in force on %s: load this year's parameters", screening_date())
            dispatcher.utter_message(response="utter_rules_unavailable")
            return []
        except (KeyError, TypeError, ValueError):  # the what-if slots do not make a household
            logger.error("A what-if could not be compared")
            dispatcher.utter_message(response="utter_default")
            return []
        send(dispatcher, messages)
        return []
