"""What a free-text answer to a screening question means, as slot values (no Rasa here).

Each question accepts rough answers; "skip" and "I don't know" are answers too, stored as
UNKNOWN, except where the screening cannot go on without one (ages).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from bot.geo import lookup_zip
from bot.parsing import (
    is_dont_know,
    is_skip,
    parse_ages,
    parse_money_per_month,
    parse_yes_no,
    parse_zip,
)

UNKNOWN = "unknown"
SCREENING_STATE = "CA"
# Only ask about pregnancy when someone in the home could be pregnant.
PREGNANCY_AGES = range(12, 56)
MAX_HOUSEHOLD_SIZE = 20


@dataclass(frozen=True)
class Interpretation:
    """Slot values to set (`None` asks the question again) and messages to send first."""

    slots: dict[str, Any]
    messages: tuple[tuple[str, dict[str, Any]], ...] = ()
    end_screening: bool = False
    understood: bool = True


Interpreter = Callable[[str, str, Mapping[str, Any]], Interpretation]


def _again(slot: str) -> Interpretation:
    return Interpretation(slots={slot: None, "retry_slot": slot}, understood=False)


def _accept(slot: str, value: Any, **more: Any) -> Interpretation:
    return Interpretation(slots={slot: value, "retry_slot": None, **more})


def _wants_to_skip(text: str, language: str) -> bool:
    return is_skip(text, language) or is_dont_know(text, language)


def zip_code(text: str, language: str, answers: Mapping[str, Any]) -> Interpretation:
    """A ZIP code sets the state and county; outside California the screening ends kindly."""
    found = parse_zip(text)
    if found is None:
        if _wants_to_skip(text, language):
            return Interpretation(
                slots={"zip_code": UNKNOWN, "state": SCREENING_STATE, "county": None,
                       "retry_slot": None},
                messages=(("utter_zip_skipped", {}),),
            )
        return _again("zip_code")
    place = lookup_zip(found)
    if place is None:
        return _again("zip_code")
    slots = {"zip_code": found, "state": place.state, "county": place.county, "retry_slot": None}
    if place.state != SCREENING_STATE:
        return Interpretation(
            slots=slots,
            messages=(("utter_out_of_state", {"zip_code": found, "state": place.state}),),
            end_screening=True,
        )
    return Interpretation(slots=slots)


def member_ages(text: str, language: str, answers: Mapping[str, Any]) -> Interpretation:
    """Everyone's age; a home where nobody could be pregnant is not asked about pregnancy."""
    ages = parse_ages(text, language)
    if not ages or len(ages) > MAX_HOUSEHOLD_SIZE:
        return _again("member_ages")
    more: dict[str, Any] = {}
    if not any(age in PREGNANCY_AGES for age in ages):
        more["pregnant"] = False
    return _accept("member_ages", ages, **more)


def _yes_no(slot: str) -> Interpreter:
    def interpret(text: str, language: str, answers: Mapping[str, Any]) -> Interpretation:
        answer = parse_yes_no(text, language)
        if answer is not None:
            return _accept(slot, answer)
        if _wants_to_skip(text, language):
            return _accept(slot, UNKNOWN)
        return _again(slot)

    interpret.__doc__ = f"Yes or no for `{slot}`; skip or I don't know is kept as unknown."
    return interpret


def monthly_income(text: str, language: str, answers: Mapping[str, Any]) -> Interpretation:
    """Income per month; no income means no work income either. One "I don't know" asks
    for a rough guess, a second is accepted."""
    amount = parse_money_per_month(text, language)
    if amount is not None:
        more: dict[str, Any] = {"earned_income": False} if amount == 0 else {}
        return _accept("monthly_income", amount, **more)
    if _wants_to_skip(text, language):
        if answers.get("retry_slot") == "monthly_income":
            return _accept("monthly_income", UNKNOWN, earned_income=UNKNOWN)
        return _again("monthly_income")
    return _again("monthly_income")


def housing_cost(text: str, language: str, answers: Mapping[str, Any]) -> Interpretation:
    """Rent or mortgage per month; optional."""
    amount = parse_money_per_month(text, language)
    if amount is not None:
        return _accept("housing_cost", amount)
    if _wants_to_skip(text, language):
        return _accept("housing_cost", UNKNOWN)
    return _again("housing_cost")


INTERPRETERS: dict[str, Interpreter] = {
    "zip_code": zip_code,
    "member_ages": member_ages,
    "pregnant": _yes_no("pregnant"),
    "disability": _yes_no("disability"),
    "monthly_income": monthly_income,
    "earned_income": _yes_no("earned_income"),
    "housing_cost": housing_cost,
}


def interpret(slot: str, text: str, language: str, answers: Mapping[str, Any]) -> Interpretation:
    """What `text` means as the answer to the question for `slot`."""
    return INTERPRETERS[slot](text or "", language, answers)


def household_from_answers(answers: Mapping[str, Any]) -> dict[str, Any]:
    """The household JSON of DESIGN.md from the screening answers (UNKNOWN becomes None)."""

    def known(name: str) -> Any:
        value = answers.get(name)
        return None if value == UNKNOWN else value

    return {
        "state": answers.get("state") or SCREENING_STATE,
        "zip_code": known("zip_code"),
        "county": known("county"),
        "member_ages": known("member_ages") or [],
        "pregnant": known("pregnant"),
        "disability": known("disability"),
        "monthly_income": known("monthly_income"),
        "earned_income": known("earned_income"),
        "housing_cost": known("housing_cost"),
    }
