"""The intent classifier: trains, stores itself without pickle, loads, and reads folded text."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlu_components.cjk_tokenizer import CjkTokenizer
from nlu_components.linear_intent import LinearIntentClassifier, fold

EXAMPLES = {
    "affirm": ["yes", "yeah", "sí", "claro que sí", "是的", "对", "네", "맞아요", "có", "dạ có",
               "oo", "opo"],
    "deny": ["no", "nope", "no tengo", "nunca", "不是", "没有", "아니요", "없어요", "không",
             "ko co", "hindi", "wala"],
    "greet": ["hi", "hello", "hola", "buenas", "你好", "您好", "안녕하세요", "안녕", "xin chào",
              "chào", "kumusta", "magandang umaga"],
}

TOKENIZER = CjkTokenizer(CjkTokenizer.get_default_config())


def messages(texts: list[str], intents: list[str] | None = None) -> list[Message]:
    found = [
        Message(data={"text": text, **({"intent": intents[n]} if intents else {})})
        for n, text in enumerate(texts)
    ]
    TOKENIZER.process(found)
    return found


def trained(tmp_path: Path) -> tuple[LocalModelStorage, Resource]:
    storage = LocalModelStorage(tmp_path)
    resource = Resource("intents")
    context = ExecutionContext(GraphSchema({}), "test")
    classifier = LinearIntentClassifier.create(
        LinearIntentClassifier.get_default_config(), storage, resource, context
    )
    texts = [text for texts in EXAMPLES.values() for text in texts]
    labels = [intent for intent, texts in EXAMPLES.items() for _ in texts]
    classifier.train(TrainingData(messages(texts, labels)))
    return storage, resource


def test_folding_removes_case_accents_and_tones() -> None:
    assert fold("Sí, KHÔNG, Đồng ý, ñ") == "si, khong, dong y, n"
    assert fold("你好 안녕") == "你好 안녕"


def test_a_stored_model_loads_without_pickle_and_predicts_each_language(tmp_path: Path) -> None:
    storage, resource = trained(tmp_path)
    stored = {path.name for path in (tmp_path / resource.name).iterdir()}
    assert stored == {"vectorizers.json", "classes.json", "coef.npy", "intercept.npy"}
    for array in ("coef.npy", "intercept.npy"):
        np.load(tmp_path / resource.name / array, allow_pickle=False)
    classifier = LinearIntentClassifier.load(
        LinearIntentClassifier.get_default_config(), storage, resource,
        ExecutionContext(GraphSchema({}), "test"),
    )
    tests = {"yes please": "affirm", "SI": "affirm", "不是的": "deny", "khong": "deny",
             "hello po": "greet", "안녕하세요!": "greet"}
    parsed = classifier.process(messages(list(tests)))
    assert [m.get("intent")["name"] for m in parsed] == list(tests.values())
    for message in parsed:
        ranking = message.get("intent_ranking")
        assert ranking[0] == message.get("intent")
        assert abs(sum(r["confidence"] for r in ranking) - 1.0) < 1e-6
        assert [r["confidence"] for r in ranking] == sorted(
            (r["confidence"] for r in ranking), reverse=True
        )


def test_an_untrained_classifier_gives_no_intent_rather_than_failing(tmp_path: Path) -> None:
    classifier = LinearIntentClassifier.load(
        LinearIntentClassifier.get_default_config(), LocalModelStorage(tmp_path),
        Resource("nothing"), ExecutionContext(GraphSchema({}), "test"),
    )
    (message,) = classifier.process(messages(["hola"]))
    assert message.get("intent") == {"name": None, "confidence": 0.0}
