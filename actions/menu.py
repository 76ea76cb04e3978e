"""Menu actions: start over and erase my answers."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.screening import cleared_answers, language_of
from bot.language import SUPPORTED, named_language
from bot.signals import ERASE_SIGNAL


class ActionStartOver(Action):
    """Start over: replaces Rasa's default `action_restart`, which would also forget the
    conversation's language, and asks the screening questions again."""

    def name(self) -> str:
        """The action's name in the domain (Rasa's default rule for `restart` calls it)."""
        return "action_restart"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Clear the answers; the screening form then asks from the first question."""
        dispatcher.utter_message(response="utter_started_over")
        return [
            SlotSet("requested_slot", None),
            *cleared_answers(),
            FollowupAction("screening_form"),
        ]


class ActionDeleteMyData(Action):
    """Erases every answer the person gave."""

    def name(self) -> str:
        """The action's name in the domain."""
        return "action_delete_my_data"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Confirm, clear the answers, stop the screening, and ask the channel to erase."""
        dispatcher.utter_message(response="utter_deleted")
        # The channel erases the stored conversation once this turn is saved.
        dispatcher.utter_message(json_message=ERASE_SIGNAL)
        return [ActiveLoop(None), SlotSet("requested_slot", None), *cleared_answers()]


class ActionChangeLanguage(Action):
    """Switches the conversation's language (the answers stay), or offers the choice."""

    def name(self) -> str:
        """The action's name in the domain."""
        return "action_change_language"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Set the language the person named or picked; without one, show the languages."""
        picked = next(tracker.get_latest_entity_values("language"), None)
        language = picked if picked in SUPPORTED else named_language(
            tracker.latest_message.get("text") or ""
        )
        if language is None:
            dispatcher.utter_message(response="utter_language_menu", language=language_of(tracker))
            return []
        # The slot is set by this action's events, after the message is rendered: say which.
        dispatcher.utter_message(response="utter_language_changed", language=language)
        return [SlotSet("language", language)]
