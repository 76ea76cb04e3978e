"""California LifeLine: program-based, or income at or under the CPUC limits (June 1)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.eligibility import lifeline, screen
from bot.eligibility.model import Household, ProgramResult
from bot.eligibility.parameters import ParameterError
from tests.eligibility.conftest import published, size_rows

LIMITS = published("cpuc_lifeline_income_limits.yaml")
ON = date(2026, 3, 2)
NOT_LIKELY = {"calfresh": ProgramResult(status="unlikely")}


def lifeline_alone(ages: list[int], income: float | None, on: date = ON) -> ProgramResult:
    household = Household.from_dict({"member_ages": ages, "monthly_income": income})
    return lifeline.screen(household, on, programs=NOT_LIKELY)


@pytest.mark.parametrize(
    ("on", "size", "amount"),
    [(on, size, amount) for on, rows in LIMITS["rows"].items() for size, amount in size_rows(rows)],
)
def test_limits_match_the_cpuc_table(on: date, size: int, amount: int) -> None:
    assert lifeline.annual_income_limit(size, on) == amount


def test_larger_households_add_the_each_additional_amount() -> None:
    rows = LIMITS["rows"][date(2025, 6, 1)]
    assert lifeline.annual_income_limit(5, ON) == rows[3] + 2 * rows["additional"]


@pytest.mark.parametrize(
    ("ages", "income", "status"),
    [
        ([30], 2016, "likely"),  # 2,016 x 12 = 24,192 <= 24,200
        ([30], 2017, "unlikely"),  # 2,017 x 12 = 24,204 > 24,200
        ([30, 5, 8], 3425, "likely"),  # 3,425 x 12 = 41,100, at the limit
        ([30, 5, 8], 3426, "unlikely"),  # 41,112: $12 a year over
        ([30, 31, 5, 8, 9], 4841, "likely"),  # 58,092 <= 41,100 + 2 x 8,500 = 58,100
        ([30, 31, 5, 8, 9], 4842, "unlikely"),  # 58,104
    ],
)
def test_income_at_the_limit_and_one_dollar_over(ages: list[int], income: int, status: str) -> None:
    result = lifeline_alone(ages, income)
    assert result.status == status
    expected = (
        "lifeline_income_within_limit" if status == "likely" else "lifeline_income_over_limit"
    )
    assert result.reasons[0] == expected


def test_a_program_the_household_likely_gets_qualifies_it() -> None:
    household = Household.from_dict({"member_ages": [30], "monthly_income": 9000})
    programs = {"medi_cal": ProgramResult(status="likely")}
    result = lifeline.screen(household, ON, programs=programs)
    assert (result.status, result.reasons) == ("likely", ("lifeline_program_based",))
    assert result.next_steps == ("apply_lifeline",)


def test_the_2026_27_limits_are_carried_forward_from_june_first_and_say_so() -> None:
    before = lifeline_alone([30], 2000, date(2026, 5, 31))
    after = lifeline_alone([30], 2000, date(2026, 6, 1))
    assert before.reasons == ("lifeline_income_within_limit",)
    assert after.reasons == ("lifeline_income_within_limit", "lifeline_limits_carried_forward")


def test_unknown_income_without_a_program_needs_info() -> None:
    assert lifeline_alone([30], None).status == "needs_info"


def test_a_date_past_the_2026_27_limits_raises_instead_of_extrapolating() -> None:
    with pytest.raises(ParameterError, match="yearly update is missing"):
        lifeline.annual_income_limit(1, date(2027, 6, 1))


def test_screen_reads_calfresh_for_lifeline() -> None:
    result = screen({"member_ages": [34, 7], "monthly_income": 2100}, on=ON).programs
    assert result["lifeline"].reasons == ("lifeline_program_based",)
