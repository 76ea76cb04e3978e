"""The "what if" conversation: which change, the one or two numbers it needs, and the difference
it would make, as short messages (no Rasa here).

The person's real answers are never changed: a what-if keeps its own slots (`WHAT_IF_SLOTS`),
builds the changed household from a copy of the answers, and screens both on the same date with
`bot.eligibility.compare`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from bot.answers import UNKNOWN, Interpretation, household_from_answers
from bot.eligibility import compare, screen
from bot.eligibility.model import ProgramResult, Screening
from bot.parsing import is_dont_know, is_skip, parse_ages, parse_money_per_month
from bot.parsing.changes import (
    BABY,
    INCOME,
    KINDS,
    MARRIED,
    MOVES_IN,
    MOVES_OUT,
    Change,
    parse_change,
)
from bot.results import Message, calfresh_messages, medi_cal_messages, wic_messages

CHANGE = "what_if_change"
NEW_INCOME = "what_if_new_income"
AGE_IN = "what_if_age_in"
AGE_OUT = "what_if_age_out"
SPOUSE_AGE = "what_if_spouse_age"
THEIR_INCOME = "what_if_their_income"
EARNED = "what_if_earned"
STEP = "what_if_step"
WHAT_IF_SLOTS = (CHANGE, NEW_INCOME, AGE_IN, AGE_OUT, SPOUSE_AGE, THEIR_INCOME, EARNED, STEP)

# What to do after reading a what-if message (the `what_if_step` slot the rules follow).
COMPARE = "compare"  # everything is known: show the difference now
ASK = "ask"  # the what-if form asks what is missing
SCREEN_FIRST = "screen_first"  # no screening to compare with yet

# The questions each kind of change needs, in the order they are asked.
QUESTIONS: dict[str, tuple[str, ...]] = {
    INCOME: (NEW_INCOME,),
    MOVES_IN: (AGE_IN, THEIR_INCOME),
    MOVES_OUT: (AGE_OUT, THEIR_INCOME),
    BABY: (),
    MARRIED: (SPOUSE_AGE, THEIR_INCOME),
}
# A screening is complete when every question of the screening form has an answer.
SCREENING_QUESTIONS = (
    "zip_code",
    "member_ages",
    "pregnant",
    "disability",
    "monthly_income",
    "earned_income",
    "housing_cost",
)
SCREENING_STATE = "CA"
NEW_PERSON_AGE = range(0, 121)


def required_slots(answers: Mapping[str, Any]) -> list[str]:
    """The what-if form's questions: the change, then the numbers that change needs."""
    return [CHANGE, *QUESTIONS.get(answers.get(CHANGE) or "", ())]


def has_screening(answers: Mapping[str, Any]) -> bool:
    """True when the screening was finished in California, so there is something to compare."""
    finished = all(answers.get(slot) is not None for slot in SCREENING_QUESTIONS)
    return finished and answers.get("state") == SCREENING_STATE


def read(text: str, language: str, answers: Mapping[str, Any]) -> dict[str, Any]:
    """A what-if message as what-if slots: the last what-if is forgotten, what the message says
    is kept, and `what_if_step` says whether to compare now, ask, or screen first."""
    slots: dict[str, Any] = dict.fromkeys(WHAT_IF_SLOTS)
    if not has_screening(answers):
        return {**slots, STEP: SCREEN_FIRST}
    slots.update(_change_slots(parse_change(text, language), answers))
    complete = slots[CHANGE] is not None and all(
        slots.get(slot) is not None for slot in required_slots(slots)
    )
    return {**slots, STEP: COMPARE if complete else ASK, "retry_slot": None}


def _change_slots(change: Change, answers: Mapping[str, Any]) -> dict[str, Any]:
    """The slots a parsed change fills: its kind, the new income, or the person's age."""
    slots: dict[str, Any] = {CHANGE: change.kind, EARNED: True if change.earned else None}
    if change.kind == INCOME:
        slots[NEW_INCOME] = _new_income(change, _known(answers, "monthly_income"))
    elif change.kind == MOVES_IN:
        slots[AGE_IN] = change.age
    elif change.kind == MARRIED:
        slots[SPOUSE_AGE] = change.age
    elif change.kind == MOVES_OUT and _can_move_out(change.age, answers):
        slots[AGE_OUT] = change.age
    return slots


def _new_income(change: Change, current: float | None) -> float | None:
    """The home's income after the change: said outright, or today's plus or minus the change."""
    if change.income is not None:
        return change.income
    if change.income_change is None or current is None:
        return None
    return max(0.0, current + change.income_change)


def _known(answers: Mapping[str, Any], name: str) -> Any:
    value = answers.get(name)
    return None if value == UNKNOWN else value


def _ages(answers: Mapping[str, Any]) -> list[int]:
    return list(_known(answers, "member_ages") or [])


def _can_move_out(age: int | None, answers: Mapping[str, Any]) -> bool:
    """Someone of that age lives in the home, and someone else stays."""
    ages = _ages(answers)
    return age is not None and age in ages and len(ages) > 1


# The answers to the what-if form's questions.

Reader = Callable[[Any, str, Mapping[str, Any]], Interpretation]


def _again(slot: str) -> Interpretation:
    return Interpretation(slots={slot: None, "retry_slot": slot}, understood=False)


def _accept(slot: str, value: Any, **more: Any) -> Interpretation:
    return Interpretation(slots={slot: value, "retry_slot": None, **more})


def _number(value: Any) -> float | None:
    """A value already read (set by `read` before the form asked anything)."""
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def change(value: Any, language: str, answers: Mapping[str, Any]) -> Interpretation:
    """Which change: a button, a kind's code, or the person's words (which may say the numbers
    too: "I'd earn 300 more")."""
    text = str(value or "")
    if text.strip().lower() in KINDS:  # set by `read`: the numbers it read stay as they are
        return _accept(CHANGE, text.strip().lower())
    parsed = parse_change(text, language)
    if parsed.kind is None:
        return _again(CHANGE)
    return Interpretation(slots={**_change_slots(parsed, answers), "retry_slot": None})


def new_income(value: Any, language: str, answers: Mapping[str, Any]) -> Interpretation:
    """The home's monthly income after the change."""
    amount = _number(value)
    if amount is None:
        amount = parse_money_per_month(str(value or ""), language)
    return _again(NEW_INCOME) if amount is None else _accept(NEW_INCOME, amount)


def _age_of(value: Any, language: str) -> int | None:
    number = _number(value)
    if number is not None:
        return int(number)
    ages = parse_ages(str(value or ""), language)
    return ages[0] if ages and len(ages) == 1 and ages[0] in NEW_PERSON_AGE else None


def _new_person_age(slot: str) -> Reader:
    def interpret(value: Any, language: str, answers: Mapping[str, Any]) -> Interpretation:
        age = _age_of(value, language)
        return _again(slot) if age is None else _accept(slot, age)

    interpret.__doc__ = f"The age of the person for `{slot}`."
    return interpret


def age_out(value: Any, language: str, answers: Mapping[str, Any]) -> Interpretation:
    """The age of the person moving out: someone that age must live in the home."""
    age = _age_of(value, language)
    return _accept(AGE_OUT, age) if _can_move_out(age, answers) else _again(AGE_OUT)


def their_income(value: Any, language: str, answers: Mapping[str, Any]) -> Interpretation:
    """The money the person brings in or takes away each month; "no" and "I don't know" are 0."""
    amount = _number(value)
    text = str(value or "")
    if amount is None:
        amount = parse_money_per_month(text, language)
    if amount is None and (is_skip(text, language) or is_dont_know(text, language)):
        amount = 0.0
    return _again(THEIR_INCOME) if amount is None else _accept(THEIR_INCOME, amount)


INTERPRETERS: dict[str, Reader] = {
    CHANGE: change,
    NEW_INCOME: new_income,
    AGE_IN: _new_person_age(AGE_IN),
    AGE_OUT: age_out,
    SPOUSE_AGE: _new_person_age(SPOUSE_AGE),
    THEIR_INCOME: their_income,
}


def interpret(slot: str, value: Any, language: str, answers: Mapping[str, Any]) -> Interpretation:
    """What `value` means as the answer to the what-if question for `slot`."""
    return INTERPRETERS[slot](value, language, answers)


# The changed household and the difference it makes.


def households(answers: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The household as answered, and a copy with the what-if change applied."""
    before = household_from_answers(answers)
    after = {**before, "member_ages": list(before["member_ages"])}
    kind = answers.get(CHANGE)
    income = before["monthly_income"]
    if kind == INCOME:
        new = float(answers[NEW_INCOME])
        after["monthly_income"] = new
        after["earned_income"] = _earned_after(before, new, answers.get(EARNED))
    elif kind in (MOVES_IN, MARRIED):
        theirs = float(answers.get(THEIR_INCOME) or 0)
        after["member_ages"].append(int(answers[AGE_IN if kind == MOVES_IN else SPOUSE_AGE]))
        after["monthly_income"] = None if income is None else income + theirs
        if theirs and after["monthly_income"]:
            after["earned_income"] = _earned_after(before, after["monthly_income"], None)
    elif kind == MOVES_OUT:
        theirs = float(answers.get(THEIR_INCOME) or 0)
        after["member_ages"].remove(int(answers[AGE_OUT]))
        after["monthly_income"] = None if income is None else max(0.0, income - theirs)
    elif kind == BABY:
        after["member_ages"].append(0)
        if before["pregnant"]:
            after["pregnant"] = False  # the baby they were expecting is born
    return before, after


def _earned_after(before: Mapping[str, Any], income: float, earned: bool | None) -> bool | None:
    """Whether some of the new income is from work: said, kept, or unknown when new money
    comes into a home whose income was not from work."""
    if earned:
        return True
    if before["earned_income"] is False and income > (before["monthly_income"] or 0):
        return None
    return before["earned_income"]


def compose(answers: Mapping[str, Any], on: date) -> list[Message]:
    """The difference the change would make: what was assumed, each program that would change
    (old and new), a benefit-cliff warning, and the next step."""
    before, after = households(answers)
    comparison = compare(before, after, on=on)
    old, new = screen(before, on=on), screen(after, on=on)
    messages = [_intro(answers, before, after)]
    changed = _calfresh_change(old, new) + _shown_change(
        medi_cal_messages(old.programs["medi_cal"], before["member_ages"]),
        medi_cal_messages(new.programs["medi_cal"], after["member_ages"]),
    )
    wic_before, wic_after = wic_messages(old.programs["wic"]), wic_messages(new.programs["wic"])
    if wic_before != wic_after:
        changed += wic_after or [("what_if_wic_stops", {})]
    messages += changed or [("what_if_no_change", {})]
    if comparison.benefit_cliff and comparison.monthly_income_change is not None:
        messages.append(
            (
                "what_if_cliff",
                {
                    "raise_usd": comparison.monthly_income_change,
                    "loss_usd": -comparison.monthly_benefit_change,
                },
            )
        )
    return [*messages, ("what_if_next", {})]


def _intro(answers: Mapping[str, Any], before: dict[str, Any], after: dict[str, Any]) -> Message:
    """What the comparison assumes, in one line, so a misread change is easy to spot."""
    kind = answers.get(CHANGE)
    if kind == INCOME:
        old = before["monthly_income"]
        if old is None:
            return "what_if_intro_income_new", {"new_usd": after["monthly_income"]}
        return "what_if_intro_income", {"old_usd": old, "new_usd": after["monthly_income"]}
    if kind == MOVES_IN:
        return "what_if_intro_moves_in", {"age": answers[AGE_IN]}
    if kind == MOVES_OUT:
        return "what_if_intro_moves_out", {"age": answers[AGE_OUT]}
    if kind == MARRIED:
        return "what_if_intro_married", {"age": answers[SPOUSE_AGE]}
    return "what_if_intro_baby", {}


def _calfresh_change(old: Screening, new: Screening) -> list[Message]:
    """CalFresh before and after: both amounts, a new amount, or help that may stop."""
    before, after = old.programs["calfresh"], new.programs["calfresh"]
    if (before.status, before.monthly_amount) == (after.status, after.monthly_amount):
        return []
    if _has_amount(before) and _has_amount(after):
        return [
            (
                "what_if_calfresh_change",
                {"old_usd": before.monthly_amount, "new_usd": after.monthly_amount},
            )
        ]
    if _has_amount(before):
        return [("what_if_calfresh_stops", {"old_usd": before.monthly_amount})]
    return calfresh_messages(after)


def _has_amount(result: ProgramResult) -> bool:
    return result.status in ("likely", "possible") and bool(result.monthly_amount)


def _shown_change(before: list[Message], after: list[Message]) -> list[Message]:
    """A program's new result, when what the person would read about it changes."""
    return [] if before == after else after
