"""Full screenings through the real Rasa server, actions and NLG, over the REST webhook.

Amounts are worked by hand with the FY2027 figures in force on 2026-11-24 (see
tests/eligibility for the tables): max allotment 562 (2 people), standard deduction 217,
shelter cap 769, California SUA 663.
"""

from __future__ import annotations

import json
import urllib.request

from service.stack import Stack, api_token
from tests.integration.conftest import Chat


def texts(replies: list[dict[str, object]]) -> list[str]:
    return [str(reply.get("text", "")) for reply in replies]


def answer_all(chat: Chat, answers: list[str]) -> list[str]:
    """Send each answer; return every reply text of the conversation, in order."""
    said: list[str] = []
    for answer in answers:
        said += texts(chat(answer))
    return said


def test_household_of_two_with_2100_earned_may_get_calfresh_and_medi_cal(chat: Chat) -> None:
    greeting = texts(chat("hi"))
    assert greeting[0].startswith("Hi! I can help you find programs")
    assert "won't ask your name" in greeting[0]
    assert greeting[1] == "What is your ZIP code? It helps me find your county."
    assert texts(chat("my zip is 94110"))[0].startswith("How old is each person")
    assert texts(chat("34 and my son is 6")) == ["Is anyone in your home pregnant?"]
    assert texts(chat("no")) == ["Does anyone in your home have a disability?"]
    assert texts(chat("nope"))[0].startswith("About how much money does your home get")
    assert texts(chat("$2,100 a month")) == ["Does some of that money come from work?"]
    assert texts(chat("yes"))[0].startswith("How much is your rent or mortgage")
    result = texts(chat("1200"))
    # CalFresh, 2 people, $2,100 earned (under the $3,608 200% limit):
    #   2100 - 20% (420) - 217 = 1463 adjusted; half is 731.50.
    #   low:  shelter 1200 - 731.50 = 468.50; net 994.50; 30% = 298.35 -> 299; 562 - 299 = 263
    #   high: shelter 1200 + 663 SUA - 731.50 = 1131.50, capped at 769; net 694;
    #         30% = 208.20 -> 209; 562 - 209 = 353
    # Medi-Cal: $25,200 a year is under 138% (adult) and 266% (child) of the guideline for 2.
    assert result == [
        "Thanks! Here is what I found. The county makes the final decision.",
        "CalFresh: you may get about $263 to $353 a month for food.",
        "Medi-Cal: everyone in your home may get free health coverage.",
        "Apply online at BenefitsCal.com, call 1-877-847-3663, or visit your San Francisco "
        "County office. It's free.",
        "You may also qualify for free school meals, SUN Bucks, LifeLine, CARE, and tax credits "
        "(EITC). Ask 211 about them.",
        "What would you like to do next?",
    ]
    menu = chat("thanks")
    assert texts(menu) == ["You're welcome. I'm glad to help. Say MENU any time."]


def test_family_of_three_over_calfresh_limit_may_get_medi_cal_for_the_children(
    chat: Chat,
) -> None:
    # $4,800 a month is over CalFresh's 200% limit for 3 ($4,554, FY2027) and over 138% for
    # the adult ($3,142 a month for 3 in 2026), but under 266% for the children ($6,056).
    # WIC: the 4-year-old is a WIC child, and the children's Medi-Cal passes WIC's income test.
    said = answer_all(
        chat, ["hello", "90011", "35, 8, 4", "no", "no", "4800 a month", "yes", "skip"]
    )
    assert said[-8:] == [
        "Thanks! Here is what I found. The county makes the final decision.",
        "CalFresh may not be a match right now, based on your income. The county can still "
        "check for sure.",
        "Medi-Cal: your children may get free health coverage.",
        "WIC: healthy food for your children under 5 may be open to you.",
        "Apply online at BenefitsCal.com, call 1-877-847-3663, or visit your Los Angeles "
        "County office. It's free.",
        "For WIC, call 1-888-942-9675 or visit MyFamily.WIC.ca.gov to find an office near you.",
        "You may also qualify for free school meals, Covered California, LifeLine, CARE, and tax "
        "credits (EITC). Ask 211 about them.",
        "What would you like to do next?",
    ]


def test_single_adult_over_income_for_both_is_pointed_to_other_help(chat: Chat) -> None:
    # $5,000 a month is over 200% for 1 ($2,660) and 138% for 1 ($1,836 a month).
    said = answer_all(chat, ["hi", "95814", "30", "no", "no", "5000", "yes", "1500"])
    assert said[-5:] == [
        "Thanks! Here is what I found. The county makes the final decision.",
        "CalFresh may not be a match right now, based on your income. The county can still "
        "check for sure.",
        "Medi-Cal may not be a match right now. Covered California can help you find low-cost "
        "health plans: CoveredCA.com or 1-800-300-1506.",
        "Call or text 211 any time to find other help near you, like food banks.",
        "What would you like to do next?",
    ]


def test_a_garbage_answer_is_asked_again_with_an_example_and_nothing_is_lost(
    chat: Chat,
) -> None:
    chat("hi")
    assert texts(chat("purple")) == ["Sorry, I need a 5-digit ZIP code, like 94110. Or say skip."]
    assert texts(chat("93701"))[0].startswith("How old is each person")
    assert texts(chat("banana")) == [
        "Sorry, I didn't get that. Please list each person's age, you first. Like: 34, 6"
    ]
    assert texts(chat("67")) == ["Does anyone in your home have a disability?"]
    assert texts(chat("maybe later")) == [
        "Please answer yes or no. If you're not sure, say skip."
    ]
    assert texts(chat("no"))[0].startswith("About how much money")
    assert texts(chat("a lot"))[0].startswith("Sorry, I didn't get that. A rough number")
    assert texts(chat("1,100"))[0] == "Does some of that money come from work?"
    assert texts(chat("blue")) == ["Please answer yes or no."]
    assert texts(chat("no"))[0].startswith("How much is your rent")
    assert texts(chat("cheap"))[0].startswith("Sorry, I didn't get that. Please give a number")
    result = texts(chat("800"))
    # One person, 67, $1,100 unearned, rent $800 (elderly: SUA via SUAS, no shelter cap):
    #   1100 - 217 = 883; half 441.50; shelter 800 + 663 - 441.50 = 1021.50 (no cap);
    #   net 883 - 1021.50 < 0 -> 0; benefit 306 (the maximum for 1).
    # Medi-Cal: 65+ path at 138% ($1,836 a month for 1 in 2026): $1,100 is under it.
    assert result[1] == "CalFresh: you may get about $306 a month for food."
    assert result[2].startswith("Medi-Cal: people 65+ or with a disability may get free")
    assert "Fresno County" in result[3]


def test_an_out_of_state_zip_gets_an_honest_referral_not_a_screening(chat: Chat) -> None:
    chat("hi")
    replies = texts(chat("10001"))
    assert replies[0].startswith("ZIP code 10001 is in NY. For now I can only check California")
    assert "211" in replies[0]
    assert replies[-1] == "What would you like to do next?"
    assert not any(reply.startswith("How old") for reply in replies)


def test_a_question_in_the_middle_is_answered_and_the_screening_goes_on(chat: Chat) -> None:
    chat("hi")
    chat("94110")
    replies = texts(chat("why do you need this"))
    assert replies[0].startswith("Your answers are only used to check programs.")
    assert replies[1].startswith("How old is each person")
    assert texts(chat("40, 12"))[0] == "Is anyone in your home pregnant?"


def test_start_over_and_erase_clear_the_answers(chat: Chat) -> None:
    answer_all(chat, ["hi", "94110", "34, 6", "no", "no", "2100", "yes", "1200"])
    restarted = texts(chat("/restart"))
    assert restarted == [
        "OK, let's start over.",
        "What is your ZIP code? It helps me find your county.",
    ]
    erased = texts(chat("/delete_my_data"))
    assert erased == ["Done. I erased your answers. Say hi to start again."]


def test_erase_my_answers_deletes_the_stored_conversation(chat: Chat, stack: Stack) -> None:
    answer_all(chat, ["hi", "94110", "34, 6"])
    url = f"{stack.rasa_url}/conversations/{chat.sender}/tracker?token={api_token()}"  # type: ignore[attr-defined]
    with urllib.request.urlopen(url) as response:
        assert any(e["event"] == "user" for e in json.loads(response.read())["events"])
    assert texts(chat("erase my answers"))[0].startswith("Done. I erased your answers.")
    with urllib.request.urlopen(url) as response:
        assert not any(e["event"] == "user" for e in json.loads(response.read())["events"])
