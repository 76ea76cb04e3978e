"""Only a confident guess may interrupt the screening.

During the screening every message is first taken as an answer, except for a few intents that
interrupt it (erase, start over, a person, privacy, ...; `not_intent` in domain.yml). A word
the model has never seen ("banana") can still land on one of those with middling confidence;
this gate turns such guesses into `nlu_fallback`, so the text is read as an answer and, if it
is none, the question is asked again with an example.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.training_data.message import Message

FALLBACK = "nlu_fallback"


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class InterruptionGate(GraphComponent):
    """Demotes low-confidence interrupting intents to `nlu_fallback`."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """Which intents interrupt, and how sure the model must be."""
        return {"intents": [], "threshold": 0.8}

    def __init__(self, config: dict[str, Any]) -> None:
        self.intents = set(config["intents"])
        self.threshold = float(config["threshold"])

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> InterruptionGate:
        """Build the gate from its config."""
        return cls(config)

    def process(self, messages: list[Message]) -> list[Message]:
        """Gate each message's intent."""
        for message in messages:
            intent = message.data.get("intent") or {}
            confidence = float(intent.get("confidence") or 0.0)
            if intent.get("name") in self.intents and confidence < self.threshold:
                message.data["intent"] = {"name": FALLBACK, "confidence": confidence}
                ranking = message.data.get("intent_ranking") or []
                message.data["intent_ranking"] = [message.data["intent"], *ranking]
        return messages
