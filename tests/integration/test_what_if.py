"""What if, after a screening, through the real Rasa server, actions and NLG (REST webhook).

Amounts are the engine's on 2026-11-24 (FY 2027 CalFresh figures), worked in tests/test_what_if.py.
"""

from __future__ import annotations

import json
import urllib.request
from typing import Any

import pytest

from bot.i18n import render
from service.stack import Stack, api_token
from tests.integration.conftest import Chat

SCREENING = ["hi", "94110", "34, 6", "no", "no", "2100", "yes", "1200"]
ANSWERS = {
    "zip_code": "94110",
    "county": "San Francisco County",
    "member_ages": [34, 6],
    "pregnant": False,
    "disability": False,
    "monthly_income": 2100.0,
    "earned_income": True,
    "housing_cost": 1200.0,
}
NEXT = (
    "This is only an estimate. To ask or apply: BenefitsCal.com or 1-877-847-3663. Try another "
    "change?"
)


def texts(replies: list[dict[str, object]]) -> list[str]:
    return [str(reply.get("text", "")) for reply in replies]


def screened(chat: Chat, answers: list[str] = SCREENING) -> list[str]:
    said: list[str] = []
    for answer in answers:
        said = texts(chat(answer))
    return said


def tracker(stack: Stack, chat: Chat) -> dict[str, Any]:
    sender = chat.sender  # type: ignore[attr-defined]
    url = f"{stack.rasa_url}/conversations/{sender}/tracker?token={api_token()}"
    with urllib.request.urlopen(url) as response:
        return json.loads(response.read())


def test_earning_800_more_shows_the_new_calfresh_and_medi_cal(chat: Chat, stack: Stack) -> None:
    assert screened(chat)[-1] == "What would you like to do next?"
    after_screening = tracker(stack, chat)
    assert after_screening["slots"]["requested_slot"] is None  # the benchmark contract
    assert not (after_screening.get("active_loop") or {}).get("name")
    replies = texts(chat("what if I earn $800 more a month"))
    # $2,900 earned: CalFresh falls to $25-$161; Medi-Cal: over 138% for the adult.
    assert replies == [
        "If your home got $2,900 a month instead of $2,100:",
        "CalFresh: about $25 to $161 a month for food, instead of $263 to $353 now.",
        "Medi-Cal: your children may get free health coverage.",
        NEXT,
    ]
    slots = tracker(stack, chat)["slots"]
    assert {name: slots[name] for name in ANSWERS} == ANSWERS
    assert slots["what_if_new_income"] == 2900
    assert slots["requested_slot"] is None


def test_someone_moving_in_asks_their_age_then_their_income(chat: Chat, stack: Stack) -> None:
    screened(chat)
    assert texts(chat("what if someone moves in")) == ["How old is the person moving in?"]
    assert tracker(stack, chat)["slots"]["requested_slot"] == "what_if_age_in"
    assert texts(chat("banana")) == [render("utter_ask_what_if_age_in", "en", variant="retry").text]
    assert texts(chat("she is 70")) == [
        "Does this person get money each month, like pay or SSI? About how much? Say 0 if none."
    ]
    replies = texts(chat("900 a month from ssi"))
    assert replies[0] == "If a person who is 70 moved in:"
    assert replies[-1] == NEXT
    assert "Medi-Cal: people 65+ or with a disability may get free coverage." in replies[1:-1][-1]
    state = tracker(stack, chat)
    assert {name: state["slots"][name] for name in ANSWERS} == ANSWERS
    assert state["slots"]["requested_slot"] is None
    assert not (state.get("active_loop") or {}).get("name")


def test_asking_for_a_person_during_a_what_if_joins_the_queue_then_asks_again(
    chat: Chat, stack: Stack
) -> None:
    screened(chat)
    assert texts(chat("what if someone moves in")) == ["How old is the person moving in?"]
    replies = texts(chat("AGENT"))
    assert any("A person from our team" in text or "211" in text for text in replies), replies
    assert replies[-1] == "How old is the person moving in?"
    assert tracker(stack, chat)["slots"]["requested_slot"] == "what_if_age_in"


def test_a_what_if_without_a_change_offers_buttons_and_asks_the_one_number(chat: Chat) -> None:
    screened(chat)
    (question,) = chat("/what_if")
    assert question["text"] == "Sure! What would change in your home?"
    assert [b["title"] for b in question["buttons"]] == [  # type: ignore[attr-defined]
        "More or less income",
        "Someone moves in",
        "Someone moves out",
        "A baby",
        "Getting married",
    ]
    payload = question["buttons"][0]["payload"]  # type: ignore[index]
    assert texts(chat(str(payload))) == [
        "About how much money would your home get each month then, before taxes?"
    ]
    replies = texts(chat("1500"))
    assert replies[0] == "If your home got $1,500 a month instead of $2,100:"
    assert replies[-1] == NEXT
    # And the person can go on: another what-if, or anything else.
    assert texts(chat("thanks")) == ["You're welcome. I'm glad to help. Say MENU any time."]


def test_a_spanish_what_if_is_answered_in_spanish(chat: Chat, stack: Stack) -> None:
    screened(
        chat,
        [
            "hola, necesito ayuda",
            "94110",
            "yo 34 y mi hijo 6",
            "no",
            "no",
            "2100 al mes",
            "sí",
            "1200",
        ],
    )
    replies = texts(chat("y si gano 500 más al mes"))
    assert (
        replies[0] == render("what_if_intro_income", "es", {"old_usd": 2100, "new_usd": 2600}).text
    )
    assert replies[-1] == render("what_if_next", "es").text
    assert tracker(stack, chat)["slots"]["monthly_income"] == 2100


def test_a_small_raise_that_costs_more_food_help_warns_of_the_cliff(chat: Chat) -> None:
    # docs/rules.md: a parent and a baby, $3,600 earned, get CalFresh's $25 minimum; $3,620 is
    # over the $3,608 limit for two, so $20 more pay costs $25 of food help.
    screened(chat, ["hi", "94110", "30 and my baby is 4 months", "no", "no", "3600", "yes", "1500"])
    replies = texts(chat("what if I earn $20 more a month"))
    assert replies == [
        "If your home got $3,620 a month instead of $3,600:",
        "CalFresh: your food help of about $25 a month may stop.",
        "Careful: $20 more income a month may lower your food help by $25. Ask the county "
        "before you decide.",
        NEXT,
    ]


def parsed_intent(stack: Stack, text: str) -> str:
    request = urllib.request.Request(
        f"{stack.rasa_url}/model/parse?token={api_token()}",
        data=json.dumps({"text": text}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return str(json.loads(response.read())["intent"]["name"])


@pytest.mark.parametrize(
    "text",
    [
        "what if I start working 20 hours a week?",
        "what if my mother moves in?",
        "what if my son moves out",
        "y si tengo un bebé",
        "y si gano 500 más al mes",
        "如果我妈搬来住呢",
        "nếu tôi kiếm thêm 500 một tháng thì sao",
        "paano kung magtrabaho ako",
        "결혼하면 어떻게 돼요?",
    ],
)
def test_what_if_questions_are_understood_in_each_language(stack: Stack, text: str) -> None:
    assert parsed_intent(stack, text) == "what_if"
