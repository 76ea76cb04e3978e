"""CARE (200%) and FERA (200-250%) utility discounts: CPUC tables switching June 1."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from bot.eligibility import care, fera, fpl, screen
from bot.eligibility.model import Household, ProgramResult
from bot.eligibility.parameters import ParameterError
from tests.eligibility.conftest import published, size_rows

TABLES = published("cpuc_care_fera_income_guidelines.yaml")
ON = date(2026, 3, 2)
NONE_LIKELY: dict[str, ProgramResult] = {"calfresh": ProgramResult(status="unlikely")}


def household(ages: list[int], income: float | None) -> Household:
    return Household.from_dict({"member_ages": ages, "monthly_income": income})


def care_alone(ages: list[int], income: float | None, on: date = ON) -> ProgramResult:
    return care.screen(household(ages, income), on, programs=NONE_LIKELY)


def fera_alone(ages: list[int], income: float | None, on: date = ON) -> ProgramResult:
    person = household(ages, income)
    return fera.screen(person, on, care_result=care.screen(person, on, programs=NONE_LIKELY))


def test_the_rule_reproduces_the_published_2024_25_cpuc_table() -> None:
    table = TABLES["published_2024"]
    for size, amount in size_rows(table["care"]):
        assert fpl.rounded_up_annual(table["guidelines"][size], Decimal(2)) == amount
    assert (
        fpl.rounded_up_annual(table["guidelines"]["additional"], Decimal(2))
        == (table["care"]["additional"])
    )


@pytest.mark.parametrize(
    ("program", "on", "size", "amount"),
    [
        (program, on, size, amount)
        for on, programs in TABLES["rows"].items()
        for program, rows in programs.items()
        for size, amount in size_rows(rows)
    ],
)
def test_limits_match_the_cpuc_tables(program: str, on: date, size: int, amount: int) -> None:
    assert care.annual_income_limit(program, size, on) == amount


@pytest.mark.parametrize("on", list(TABLES["rows"]))
def test_nine_people_add_the_each_additional_amount(on: date) -> None:
    for program, rows in TABLES["rows"][on].items():
        assert care.annual_income_limit(program, 9, on) == rows[8] + rows["additional"]


@pytest.mark.parametrize(
    ("ages", "income", "status"),
    [
        # 2025-26 table (2025 guidelines) on 2026-03-02.
        ([30], 3525, "likely"),  # 3,525 x 12 = 42,300: the 1-2 row, at the limit
        ([30], 3526, "unlikely"),  # 42,312
        ([30, 31, 4, 9], 5358, "likely"),  # 64,296 <= 2 x 32,150 = 64,300
        ([30, 31, 4, 9], 5359, "unlikely"),  # 64,308
    ],
)
def test_care_income_at_the_limit_and_one_dollar_over(
    ages: list[int], income: int, status: str
) -> None:
    result = care_alone(ages, income)
    assert result.status == status
    if status == "likely":
        assert result.reasons == (
            "care_income_within_limit",
            "care_discount_estimate",
            "care_cpuc_utilities_only",
        )
        assert result.next_steps == ("apply_care",)


def test_the_care_table_switches_on_june_first() -> None:
    # Two people, $3,600 a month = 43,200: over 42,300 (2025-26), under 43,280 (2026-27).
    assert care_alone([30, 2], 3600, date(2026, 5, 31)).status == "unlikely"
    assert care_alone([30, 2], 3600, date(2026, 6, 1)).status == "likely"
    assert care_alone([30, 2], 3606, date(2026, 6, 1)).status == "likely"  # 43,272
    assert care_alone([30, 2], 3607, date(2026, 6, 1)).status == "unlikely"  # 43,284


def test_care_through_a_program_the_household_likely_gets() -> None:
    programs = {"wic": ProgramResult(status="likely")}
    result = care.screen(household([30, 0], 9000), ON, programs=programs)
    assert result.reasons[0] == "care_program_based"


@pytest.mark.parametrize(
    ("ages", "income", "on", "status"),
    [
        # One or two people, 2025-26: over 42,300 and at or under 2.5 x 21,150 = 52,875.
        ([30], 3526, ON, "likely"),  # 42,312: just over CARE
        ([30], 4406, ON, "likely"),  # 52,872
        ([30], 4407, ON, "unlikely"),  # 52,884
        # Three people, 2026-27: 2.5 x 27,320 = 68,300.
        ([30, 4, 9], 5691, date(2026, 6, 1), "likely"),  # 68,292
        ([30, 4, 9], 5692, date(2026, 6, 1), "unlikely"),  # 68,304
    ],
)
def test_fera_income_at_the_limit_and_one_dollar_over(
    ages: list[int], income: int, on: date, status: str
) -> None:
    result = fera_alone(ages, income, on)
    assert result.status == status
    if status == "likely":
        assert result.reasons[0] == "fera_income_within_range"
        assert result.next_steps == ("apply_fera",)


def test_a_household_within_care_gets_care_not_fera() -> None:
    result = fera_alone([30], 2000)
    assert (result.status, result.reasons) == ("unlikely", ("fera_care_instead",))


def test_fera_is_open_to_one_person_since_june_2025() -> None:
    # SB 1130 removed the 3-or-more rule; a single person at $4,000 (48,000) is within 200-250%.
    assert fera_alone([30], 4000).status == "likely"


def test_unknown_income_needs_info_for_both() -> None:
    assert care_alone([30], None).status == "needs_info"
    assert fera_alone([30], None).status == "needs_info"


def test_a_date_past_the_2026_27_table_raises_instead_of_extrapolating() -> None:
    with pytest.raises(ParameterError, match="yearly update is missing"):
        care.vintage(date(2027, 6, 1))


def test_screen_puts_fera_after_care() -> None:
    # One person at $4,000 a month on 2026-03-02: over CalFresh's 200% and Medi-Cal's 138%.
    result = screen({"member_ages": [30], "monthly_income": 4000}, on=ON).programs
    assert result["care"].status == "unlikely"
    assert result["fera"].status == "likely"


def test_the_fera_table_switches_on_june_first() -> None:
    # Two people at $4,450 a month = 53,400: over FERA's 52,875 (2025-26), then within
    # 43,280-54,100 (2026-27).
    assert fera_alone([30, 3], 4450, date(2026, 5, 31)).status == "unlikely"
    assert fera_alone([30, 3], 4450, date(2026, 6, 1)).status == "likely"
