"""`screen()`: its inputs, its codes, and its refusals."""

from __future__ import annotations

import inspect
from dataclasses import MISSING, FrozenInstanceError, fields, replace
from datetime import date

import pytest

from bot.eligibility import (
    NEXT_STEP_KEYS,
    REASON_CODES,
    Household,
    ParameterError,
    ProgramResult,
    screen,
)

FAMILY = {
    "state": "CA",
    "member_ages": [34, 6],
    "monthly_income": 2100,
    "earned_income": True,
    "housing_cost": 1200,
}


def test_a_dict_and_a_household_give_the_same_screening() -> None:
    on = date(2026, 11, 24)
    assert screen(FAMILY, on=on) == screen(Household.from_dict(FAMILY), on=on)


def test_screening_defaults_to_today() -> None:
    assert screen(FAMILY).on == date.today()


def test_every_code_a_screening_uses_is_listed() -> None:
    households = [
        FAMILY,
        {**FAMILY, "monthly_income": None},
        {**FAMILY, "monthly_income": 9000},
        {**FAMILY, "member_ages": [70], "disability": True, "pregnant": True},
        {**FAMILY, "member_ages": [24, 0, 3], "monthly_income": None},
        {**FAMILY, "member_ages": [24, 3], "monthly_income": 20000},
    ]
    for household in households:
        for result in screen(household, on=date(2026, 11, 24)).programs.values():
            assert set(result.reasons) <= set(REASON_CODES)
            assert set(result.next_steps) <= set(NEXT_STEP_KEYS)


def test_other_states_are_refused() -> None:
    with pytest.raises(ValueError, match="only CA"):
        screen({**FAMILY, "state": "NV"})


def test_a_household_without_members_is_refused() -> None:
    with pytest.raises(ValueError, match="member_ages"):
        screen({**FAMILY, "member_ages": []})


def test_a_date_without_figures_raises() -> None:
    with pytest.raises(ParameterError):
        screen(FAMILY, on=date(2025, 9, 30))


def test_program_result_init_takes_every_field_with_its_default() -> None:
    # ProgramResult writes its own __init__ (one step instead of one setattr per field); it
    # must stay the dataclass's: every field, in order, with the same default.
    parameters = list(inspect.signature(ProgramResult).parameters.values())
    assert [(p.name, p.default) for p in parameters] == [
        (f.name, inspect.Parameter.empty if f.default is MISSING else f.default)
        for f in fields(ProgramResult)
    ]


def test_program_result_is_frozen_and_compares_by_value() -> None:
    result = ProgramResult(status="likely", reasons=("gross_income_within_limit",))
    assert result == ProgramResult("likely", None, ("gross_income_within_limit",))
    assert replace(result, status="possible").reasons == ("gross_income_within_limit",)
    with pytest.raises(FrozenInstanceError):
        result.status = "unlikely"  # type: ignore[misc]
