"""The what-if conversation in `bot/`: reading the change, the questions it needs, and the
difference as messages. Amounts are the engine's on 2026-11-24 (FY 2027 CalFresh figures)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot import what_if
from bot.i18n import render

ON = date(2026, 11, 24)
# The screening of tests/test_results.py: a parent and a 6-year-old, $2,100 earned, $1,200 rent.
ANSWERS: dict[str, Any] = {
    "state": "CA",
    "zip_code": "94110",
    "county": "San Francisco County",
    "member_ages": [34, 6],
    "pregnant": False,
    "disability": False,
    "monthly_income": 2100.0,
    "earned_income": True,
    "housing_cost": 1200.0,
}
# docs/rules.md's benefit cliff: a parent and a baby, $3,600 earned, $1,500 rent.
PARENT_AND_BABY: dict[str, Any] = {
    **ANSWERS,
    "member_ages": [30, 0],
    "monthly_income": 3600.0,
    "housing_cost": 1500.0,
}


def asked(text: str, answers: dict[str, Any] = ANSWERS, lang: str = "en") -> dict[str, Any]:
    """The answers with a what-if message read into them."""
    return {**answers, **what_if.read(text, lang, answers)}


def answer(slots: dict[str, Any], slot: str, text: str, lang: str = "en") -> dict[str, Any]:
    return {**slots, **what_if.interpret(slot, text, lang, slots).slots}


def ids(messages: list[tuple[str, dict[str, Any]]]) -> list[str]:
    return [message_id for message_id, _ in messages]


def test_a_raise_said_in_full_is_compared_at_once() -> None:
    slots = asked("what if I earn $800 more a month")
    assert slots["what_if_step"] == what_if.COMPARE
    assert slots["what_if_new_income"] == 2900
    # $2,900 earned: 2900 - 580 - 217 = 2103; half 1051.50. Low end: shelter 148.50, net
    # 1954.50, 30% 587 > 562: the $25 minimum (FY 2027). High end: shelter capped at 769, net 1334,
    # 30% 401, 562 - 401 = 161. Medi-Cal: over 138% for the adult, under 266% for the child.
    assert what_if.compose(slots, ON) == [
        ("what_if_intro_income", {"old_usd": 2100.0, "new_usd": 2900.0}),
        ("what_if_calfresh_change", {"old_usd": (263, 353), "new_usd": (25, 161)}),
        ("result_medi_cal_likely_children", {}),
        ("what_if_next", {}),
    ]


def test_the_screening_answers_are_never_changed() -> None:
    before = dict(ANSWERS)
    slots = asked("what if my mom, 70, moves in")
    assert {key: slots[key] for key in ANSWERS} == before
    assert set(what_if.read("what if I have a baby", "en", ANSWERS)) <= {
        *what_if.WHAT_IF_SLOTS,
        "retry_slot",
    }


def test_someone_moving_in_asks_their_age_then_their_income() -> None:
    slots = asked("what if someone moves in")
    assert slots["what_if_step"] == what_if.ASK
    assert what_if.required_slots(slots) == [
        "what_if_change",
        "what_if_age_in",
        "what_if_their_income",
    ]
    slots = answer(slots, "what_if_age_in", "she is 70")
    assert slots["what_if_age_in"] == 70
    assert answer(slots, "what_if_their_income", "yes")["retry_slot"] == "what_if_their_income"
    slots = answer(slots, "what_if_their_income", "900 a month from ssi")
    before, after = what_if.households(slots)
    assert after["member_ages"] == [34, 6, 70] and after["monthly_income"] == 3000
    assert before["member_ages"] == [34, 6] and before["monthly_income"] == 2100


def test_the_age_given_in_the_message_is_not_asked_again() -> None:
    slots = asked("what if my mom, 70, moves in")
    assert slots["what_if_age_in"] == 70
    missing = [s for s in what_if.required_slots(slots) if slots.get(s) is None]
    assert missing == ["what_if_their_income"]


def test_the_person_moving_out_must_live_in_the_home() -> None:
    slots = asked("what if my son moves out")
    assert answer(slots, "what_if_age_out", "19")["retry_slot"] == "what_if_age_out"
    slots = answer(answer(slots, "what_if_age_out", "6"), "what_if_their_income", "no")
    assert what_if.households(slots)[1]["member_ages"] == [34]


def test_a_spanish_what_if_is_read_in_spanish() -> None:
    slots = asked("y si gano 300 menos al mes", lang="es")
    assert slots["what_if_new_income"] == 1800
    assert slots["what_if_step"] == what_if.COMPARE


def test_a_raise_that_costs_more_food_help_than_it_pays_is_a_cliff() -> None:
    # docs/rules.md: $3,600 gets CalFresh's $25 minimum; $3,620 is over the $3,608 limit.
    messages = what_if.compose(asked("what if I earn $20 more a month", PARENT_AND_BABY), ON)
    assert messages == [
        ("what_if_intro_income", {"old_usd": 3600.0, "new_usd": 3620.0}),
        ("what_if_calfresh_stops", {"old_usd": (25, 25)}),
        ("what_if_cliff", {"raise_usd": 20.0, "loss_usd": 25.0}),
        ("what_if_next", {}),
    ]
    cliff_id, cliff_args = messages[2]
    assert render(cliff_id, "en", cliff_args).text.startswith(
        "Careful: $20 more income a month may lower your food help by $25."
    )


def test_a_change_that_moves_nothing_says_so() -> None:
    slots = asked("what if I earn $5 more a month", PARENT_AND_BABY)
    # $3,605 is still under $3,608: the same $25, the same Medi-Cal and WIC.
    assert ids(what_if.compose(slots, ON)) == [
        "what_if_intro_income",
        "what_if_no_change",
        "what_if_next",
    ]


def test_a_baby_adds_wic_and_raises_calfresh() -> None:
    messages = what_if.compose(asked("what if I have a baby"), ON)
    assert ids(messages) == [
        "what_if_intro_baby",
        "what_if_calfresh_change",
        "result_wic_likely_children",
        "what_if_next",
    ]


def test_no_screening_yet_means_screen_first() -> None:
    assert what_if.read("what if I earn 500 more", "en", {})["what_if_step"] == (
        what_if.SCREEN_FIRST
    )
    out_of_state = {**ANSWERS, "state": "NY"}
    assert what_if.read("what if I earn 500 more", "en", out_of_state)["what_if_step"] == (
        what_if.SCREEN_FIRST
    )


def test_more_income_with_an_unknown_income_today_asks_the_new_total() -> None:
    unknown = {**ANSWERS, "monthly_income": "unknown", "earned_income": "unknown"}
    slots = asked("what if I earn 500 more a month", unknown)
    assert slots["what_if_step"] == what_if.ASK
    assert slots["what_if_new_income"] is None
    slots = answer(slots, "what_if_new_income", "2600")
    assert ids(what_if.compose(slots, ON))[0] == "what_if_intro_income_new"


def test_the_change_question_reads_a_button_and_words() -> None:
    slots = asked("what if")
    assert what_if.required_slots(slots) == ["what_if_change"]
    picked = answer(slots, "what_if_change", '/what_if{"what_if_change": "married"}')
    assert what_if.required_slots(picked) == [
        "what_if_change",
        "what_if_spouse_age",
        "what_if_their_income",
    ]
    said = answer(slots, "what_if_change", "I'd earn 300 more a month")
    assert said["what_if_new_income"] == 2400
    assert answer(slots, "what_if_change", "purple")["retry_slot"] == "what_if_change"


def test_a_value_read_before_the_form_is_kept_when_the_form_checks_it() -> None:
    slots = asked("what if my mom, 70, moves in")
    assert answer(slots, "what_if_change", "moves_in")["what_if_change"] == "moves_in"
    assert what_if.interpret("what_if_age_in", 70, "en", slots).slots["what_if_age_in"] == 70


@pytest.mark.parametrize("language", ["en", "es", "zh", "zh_Hant", "vi", "tl", "ko"])
def test_every_what_if_message_renders_in_every_language(language: str) -> None:
    cases = [
        asked("what if I earn $800 more a month"),
        asked("what if I earn $20 more a month", PARENT_AND_BABY),
        asked("what if I have a baby"),
        asked("what if I earn $5 more a month", PARENT_AND_BABY),
    ]
    for slots in cases:
        for message_id, args in what_if.compose(slots, ON):
            text = render(message_id, language, args).text
            assert text and "%(" not in text
