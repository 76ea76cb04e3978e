"""What each free-text answer means for the screening."""

from __future__ import annotations

import pytest

from bot.answers import UNKNOWN, household_from_answers, interpret


def test_a_california_zip_sets_state_and_county() -> None:
    result = interpret("zip_code", "my zip is 95814", "en", {})
    assert result.slots == {
        "zip_code": "95814", "state": "CA", "county": "Sacramento County", "retry_slot": None
    }
    assert not result.end_screening


def test_an_out_of_state_zip_ends_the_screening_with_a_referral() -> None:
    result = interpret("zip_code", "10001", "en", {})
    assert result.end_screening
    assert result.messages == (("utter_out_of_state", {"zip_code": "10001", "state": "NY"}),)


def test_a_zip_that_does_not_exist_is_asked_again() -> None:
    result = interpret("zip_code", "00000", "en", {})
    assert result.slots == {"zip_code": None, "retry_slot": "zip_code"}


def test_skipping_the_zip_uses_california_rules_and_says_so() -> None:
    result = interpret("zip_code", "skip", "en", {})
    assert result.slots["zip_code"] == UNKNOWN and result.slots["state"] == "CA"
    assert result.messages == (("utter_zip_skipped", {}),)


def test_a_home_where_nobody_could_be_pregnant_is_not_asked() -> None:
    assert interpret("member_ages", "just me, 67", "en", {}).slots["pregnant"] is False
    assert "pregnant" not in interpret("member_ages", "34, 6", "en", {}).slots


@pytest.mark.parametrize("text", ["", "banana", "just me", "2 adults 3 kids"])
def test_ages_that_cannot_be_read_are_asked_again(text: str) -> None:
    assert interpret("member_ages", text, "en", {}).slots == {
        "member_ages": None, "retry_slot": "member_ages"
    }


@pytest.mark.parametrize(
    ("text", "value"), [("yes", True), ("nope", False), ("not sure", UNKNOWN), ("skip", UNKNOWN)]
)
def test_yes_no_questions_accept_i_dont_know(text: str, value: object) -> None:
    assert interpret("disability", text, "en", {}).slots["disability"] == value


def test_no_income_means_no_work_income_so_that_question_is_skipped() -> None:
    slots = interpret("monthly_income", "none", "en", {}).slots
    assert slots["monthly_income"] == 0 and slots["earned_income"] is False


def test_income_i_dont_know_asks_once_for_a_guess_then_accepts_it() -> None:
    first = interpret("monthly_income", "idk", "en", {})
    assert first.slots == {"monthly_income": None, "retry_slot": "monthly_income"}
    second = interpret("monthly_income", "i don't know", "en", first.slots)
    assert second.slots["monthly_income"] == UNKNOWN


def test_hourly_pay_is_turned_into_a_monthly_amount() -> None:
    slots = interpret("monthly_income", "$15 an hour, 20 hours a week", "en", {}).slots
    assert slots["monthly_income"] == pytest.approx(1300)


def test_rent_can_be_skipped() -> None:
    assert interpret("housing_cost", "skip", "en", {}).slots["housing_cost"] == UNKNOWN


def test_unknown_answers_reach_the_engine_as_none() -> None:
    household = household_from_answers(
        {"state": "CA", "zip_code": UNKNOWN, "member_ages": [40], "pregnant": False,
         "disability": UNKNOWN, "monthly_income": 900.0, "earned_income": True,
         "housing_cost": UNKNOWN}
    )
    assert household["zip_code"] is None and household["disability"] is None
    assert household["housing_cost"] is None and household["monthly_income"] == 900.0
