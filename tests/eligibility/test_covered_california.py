"""Covered California: premium help for adults above Medi-Cal, with the 2026 return of the cap."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from bot.eligibility import covered_california, screen
from bot.eligibility.model import ProgramResult
from tests.eligibility.conftest import published

TABLES = published("irs_applicable_percentage.yaml")
LAST_DAY_2025 = date(2025, 12, 31)  # coverage 2025: enhanced credits, 2024 guidelines
FIRST_DAY_2026 = date(2026, 1, 1)  # coverage 2026: 400% cap back, 2025 guidelines
ON = date(2026, 11, 24)  # coverage 2026
COVERAGE_2027 = date(2027, 1, 1)  # coverage 2027: cap, 2026 guidelines, no table loaded


def covered(on: date = ON, **answers: Any) -> ProgramResult:
    household = {"state": "CA", "member_ages": [40], "earned_income": True, **answers}
    return screen(household, on=on).programs["covered_california"]


@pytest.mark.parametrize(
    ("income", "reason"),
    [
        # Medi-Cal adults, 2026 chart: ceil(1.38 x ceil(15,960 / 12)) = ceil(1.38 x 1,330) = 1,836.
        (1836, "covered_by_medi_cal"),
        (1837, "premium_tax_credit_within_limit"),
    ],
)
def test_a_single_adult_at_the_medi_cal_limit_and_one_dollar_over(income: int, reason: str) -> None:
    result = covered(monthly_income=income)
    assert result.reasons[0] == reason
    assert result.status == ("unlikely" if reason == "covered_by_medi_cal" else "likely")


def test_someone_on_medi_cal_is_sent_to_benefitscal_not_told_no() -> None:
    result = covered(monthly_income=1000)
    assert result.reasons == ("covered_by_medi_cal",)
    assert result.next_steps == ("apply_benefitscal",)


@pytest.mark.parametrize(
    ("on", "income", "status"),
    [
        # Coverage 2026 uses the 2025 guideline: 400% x 15,650 = 62,600 a year.
        # 5,216 x 12 = 62,592 is within; 5,217 x 12 = 62,604 is over the cap.
        (FIRST_DAY_2026, 5216, "likely"),
        (FIRST_DAY_2026, 5217, "unlikely"),
        # The day before, coverage 2025 had no cap (ARPA/IRA): still likely.
        (LAST_DAY_2025, 5217, "likely"),
        (LAST_DAY_2025, 20000, "likely"),
        # Coverage 2027 uses the 2026 guideline: 4 x 15,960 = 63,840 = 5,320 x 12.
        (COVERAGE_2027, 5320, "likely"),
        (COVERAGE_2027, 5321, "unlikely"),
    ],
)
def test_the_400_percent_cap_is_back_from_2026(on: date, income: int, status: str) -> None:
    result = covered(on, monthly_income=income)
    assert result.status == status
    if status == "unlikely":
        assert result.reasons == ("premium_tax_credit_over_limit",)
        assert result.next_steps == ("apply_covered_california", "call_211")


def test_the_enhanced_credit_is_named_only_in_2025() -> None:
    assert "enhanced_premium_tax_credit" in covered(LAST_DAY_2025, monthly_income=3000).reasons
    assert "enhanced_premium_tax_credit" not in covered(FIRST_DAY_2026, monthly_income=3000).reasons


def test_expected_contribution_in_2026_follows_rev_proc_2025_25() -> None:
    # 2,500 x 12 = 30,000; / 15,650 = 191.69% -> band 150-200%: 4.19 + 2.41 x 41.69 / 50
    # = 6.1996 -> 6.20%; 30,000 x 6.20% = 1,860 a year = 155 a month.
    result = covered(monthly_income=2500)
    assert result.monthly_contribution == (155, 155)


def test_expected_contribution_in_2025_follows_the_enhanced_table() -> None:
    # 3,000 x 12 = 36,000; / 15,060 (2024) = 239.04% -> 2 + 2 x 39.04 / 50 = 3.5618 -> 3.56%;
    # 36,000 x 3.56% = 1,281.60 a year = 106.80 -> 107 a month.
    assert covered(LAST_DAY_2025, monthly_income=3000).monthly_contribution == (107, 107)
    # The same income in 2026: / 15,650 = 230.03% -> 6.60 + 1.84 x 30.03 / 50 = 7.7052 -> 7.71%;
    # 36,000 x 7.71% = 2,775.60 a year = 231.30 -> 231 a month.
    assert covered(FIRST_DAY_2026, monthly_income=3000).monthly_contribution == (231, 231)


def test_2027_gives_status_and_reasons_only_until_its_table_is_loaded() -> None:
    result = covered(COVERAGE_2027, monthly_income=3000)
    assert result.status == "likely"
    assert "contribution_table_not_loaded" in result.reasons
    assert result.monthly_contribution is None


@pytest.mark.parametrize(
    ("income", "state_help"),
    [
        # 165% x 15,650 = 25,822.50 a year: 2,151 x 12 = 25,812 within, 2,152 x 12 = 25,824 over.
        (2151, True),
        (2152, False),
    ],
)
def test_californias_premium_subsidy_up_to_165_percent_in_2026(
    income: int, state_help: bool
) -> None:
    assert (
        "state_premium_subsidy_may_apply" in covered(monthly_income=income).reasons
    ) is state_help


def test_there_was_no_state_premium_subsidy_in_2025() -> None:
    assert (
        "state_premium_subsidy_may_apply" not in covered(LAST_DAY_2025, monthly_income=2000).reasons
    )


@pytest.mark.parametrize(
    ("income", "cost_sharing"),
    [
        # 250% x 15,650 = 39,125 a year: 3,260 x 12 = 39,120 within, 3,261 x 12 = 39,132 over.
        (3260, True),
        (3261, False),
    ],
)
def test_cost_sharing_help_up_to_250_percent(income: int, cost_sharing: bool) -> None:
    assert ("cost_sharing_help_may_apply" in covered(monthly_income=income).reasons) is cost_sharing


def test_children_under_266_percent_are_covered_by_medi_cal_not_the_target() -> None:
    # A parent over 138% with a child: the child has Medi-Cal, the parent may get premium help.
    family = covered(member_ages=[35, 8], monthly_income=3500)
    assert family.status == "likely"
    alone = screen({"state": "CA", "member_ages": [15], "monthly_income": 3000}, on=ON)
    assert alone.programs["covered_california"].reasons == ("covered_by_medi_cal",)


def test_people_65_and_older_are_not_the_target() -> None:
    result = covered(member_ages=[70], monthly_income=4000)
    assert result.status == "unlikely"
    assert result.reasons == ("no_adult_19_64",)


def test_unknown_income_needs_info() -> None:
    result = covered(monthly_income=None)
    assert result.status == "needs_info"
    assert result.reasons == ("income_unknown",)


@pytest.mark.parametrize(
    ("year", "row"), [(year, row) for year, rows in TABLES["rows"].items() for row in rows]
)
def test_applicable_percentage_table_matches_the_irs_table(year: int, row: list[float]) -> None:
    low, high, initial, final = (Decimal(str(x)) for x in row)
    on = date(year, 6, 1)
    assert covered_california.applicable_percentage(low, on) == initial / 100
    if not high.is_infinite():
        # The top of the band reaches the final percentage (the last band includes it).
        just_below = high - Decimal("0.0001")
        got = covered_california.applicable_percentage(just_below, on)
        assert got is not None
        assert abs(got - final / 100) <= Decimal("0.0001")


def test_the_rate_is_rounded_to_a_hundredth_of_a_percent() -> None:
    # 175% in 2026: 4.19 + 2.41 x 25 / 50 = 5.395 -> 5.40% (half up).
    assert covered_california.applicable_percentage(Decimal("1.75"), FIRST_DAY_2026) == Decimal(
        "0.0540"
    )
