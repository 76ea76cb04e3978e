"""The trained model: answers are never mistaken for a request that interrupts the screening,
and the menu words are understood."""

from __future__ import annotations

import json
import urllib.request

import pytest
import yaml

from service.stack import ROOT, Stack, api_token

DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text())
INTERRUPTIONS = set(DOMAIN["slots"]["zip_code"]["mappings"][0]["not_intent"])

ANSWERS = [
    "94110", "my zip is 90011", "95814", "34, 32, 6 and 1", "just me, 67", "me 40 and my 3 kids",
    "29 and a baby", "45 43 17", "yes", "no", "yep", "nope", "not sure", "skip", "idk",
    "1,200", "$15 an hour, 20 hours a week", "500 every two weeks", "none", "nothing",
    "2100", "about 2000 a month", "900", "rent is 1500", "i dont know", "0", "36k a year",
    "my husband is disabled", "my wife is pregnant", "800 ssi",
]


def parse(stack: Stack, text: str) -> str:
    request = urllib.request.Request(
        f"{stack.rasa_url}/model/parse?token={api_token()}",
        data=json.dumps({"text": text}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return str(json.loads(response.read())["intent"]["name"])


@pytest.mark.parametrize("answer", ANSWERS)
def test_an_answer_does_not_interrupt_the_screening(stack: Stack, answer: str) -> None:
    assert parse(stack, answer) not in INTERRUPTIONS


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("DELETE", "delete_my_data"), ("erase my answers", "delete_my_data"),
        ("AGENT", "request_human"), ("talk to a person", "request_human"),
        ("start over", "restart"), ("MENU", "help"), ("LANG", "change_language"),
        ("why do you need my zip", "ask_privacy"), ("what papers do i need", "ask_documents"),
        ("hi", "greet"), ("thanks", "thank"),
    ],
)
def test_the_menu_words_are_understood(stack: Stack, text: str, intent: str) -> None:
    assert parse(stack, text) == intent
