"""WIC: categories, the FNS chart with its July 1 switch, and adjunctive eligibility."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from bot.eligibility import fpl, screen, wic
from bot.eligibility.model import Household, ProgramResult
from bot.eligibility.parameters import ParameterError, value
from tests.eligibility.conftest import published, size_rows

CHART = published("wic_income_eligibility_guidelines.yaml")
LAST_DAY_2025_26 = date(2026, 6, 30)
FIRST_DAY_2026_27 = date(2026, 7, 1)
# A screening date in the 2025-26 WIC year and the FY 2026 SNAP year.
ON = date(2026, 3, 2)


def _chart_cases(column: str) -> list[tuple[date, int, int]]:
    return [
        (on, size, amount)
        for on, tables in CHART["rows"].items()
        for size, amount in size_rows(tables[column])
    ]


@pytest.mark.parametrize(("on", "size", "amount"), _chart_cases("annual"))
def test_annual_limit_matches_the_fns_wic_chart(on: date, size: int, amount: int) -> None:
    assert wic.annual_income_limit(size, on) == amount


@pytest.mark.parametrize(("on", "size", "amount"), _chart_cases("monthly"))
def test_monthly_limit_matches_the_fns_wic_chart(on: date, size: int, amount: int) -> None:
    assert wic.monthly_income_limit(size, on) == amount


@pytest.mark.parametrize("on", list(CHART["rows"]))
def test_each_additional_member_matches_the_fns_wic_chart(on: date) -> None:
    tables = CHART["rows"][on]
    share = Decimal(str(value("us/usda/wic/income_limit", on)))
    assert (
        fpl.rounded_up_annual(fpl.additional_person(wic.vintage(on)), share)
        == (tables["annual"]["additional"])
    )
    assert (
        fpl.monthly_limit_increment(wic.vintage(on), share, "rounded_up_annual_then_monthly")
        == (tables["monthly"]["additional"])
    )
    assert (
        wic.annual_income_limit(10, on) == tables["annual"][8] + 2 * tables["annual"]["additional"]
    )
    assert wic.monthly_income_limit(9, on) == tables["monthly"][8] + tables["monthly"]["additional"]


def test_wic_rounds_the_annual_limit_up_then_the_monthly_limit() -> None:
    # 15,650 x 1.85 = 28,952.50 -> 28,953 a year; 28,953 / 12 = 2,412.75 -> 2,413 a month.
    # ceil(ceil(x) / 12) always equals ceil(x / 12), so the monthly column agrees with USDA's
    # ceil(guideline x share / 12); the annual column is what needs WIC's own rounding.
    assert fpl.rounded_up_annual(15650, Decimal("1.85")) == 28953
    assert fpl.rounded_up_annual_then_monthly(15650, Decimal("1.85")) == 2413
    for guideline in range(15000, 16000):
        assert fpl.rounded_up_annual_then_monthly(guideline, Decimal("1.85")) == (
            fpl.rounded_up_monthly(guideline, Decimal("1.85"))
        )


def test_the_chart_switches_on_july_first() -> None:
    assert wic.vintage(LAST_DAY_2025_26) == 2025
    assert wic.vintage(FIRST_DAY_2026_27) == 2026
    assert wic.monthly_income_limit(1, LAST_DAY_2025_26) == 2413
    assert wic.monthly_income_limit(1, FIRST_DAY_2026_27) == 2461


def test_a_date_past_the_2026_27_chart_raises_instead_of_extrapolating() -> None:
    assert wic.vintage(date(2027, 6, 30)) == 2026
    with pytest.raises(ParameterError, match="yearly update is missing"):
        wic.vintage(date(2027, 7, 1))


# Screening WIC alone, with CalFresh and Medi-Cal given, isolates the income rule.
NOT_LIKELY = ProgramResult(status="unlikely", reasons=("over_income_limit",))


def wic_alone(on: date = ON, **answers: Any) -> ProgramResult:
    household = screen_household(**answers)
    return wic.screen(household, on, calfresh=NOT_LIKELY, medi_cal=NOT_LIKELY)


def screen_household(**answers: Any) -> Household:
    return Household.from_dict({"state": "CA", "member_ages": [30, 3], **answers})


@pytest.mark.parametrize(
    ("on", "income", "status"),
    [
        # Two people, 2025-26 chart: 3,261 a month.
        (LAST_DAY_2025_26, 3261, "likely"),
        (LAST_DAY_2025_26, 3262, "unlikely"),
        # Same household a day later, 2026-27 chart: 3,337 a month.
        (FIRST_DAY_2026_27, 3262, "likely"),
        (FIRST_DAY_2026_27, 3337, "likely"),
        (FIRST_DAY_2026_27, 3338, "unlikely"),
    ],
)
def test_parent_and_three_year_old_at_the_limit_and_one_dollar_over(
    on: date, income: int, status: str
) -> None:
    result = wic_alone(on, monthly_income=income)
    assert result.status == status
    expected = "wic_income_within_limit" if status == "likely" else "wic_income_over_limit"
    assert result.reasons == ("wic_child", expected)


def test_a_pregnant_person_counts_the_expected_baby() -> None:
    # Alone but pregnant: size 2, limit 3,261 (2025-26), not 2,413 for one person.
    alone = {"member_ages": [26], "pregnant": True}
    assert wic_alone(LAST_DAY_2025_26, monthly_income=3261, **alone).status == "likely"
    assert wic_alone(LAST_DAY_2025_26, monthly_income=3262, **alone).status == "unlikely"
    assert wic_alone(ON, monthly_income=3000, **alone).reasons[0] == "wic_pregnant"


def test_infants_and_children_under_five_are_categories_five_year_olds_are_not() -> None:
    assert wic_alone(monthly_income=1000, member_ages=[30, 0]).reasons[0] == "wic_infant"
    assert wic_alone(monthly_income=1000, member_ages=[30, 4]).reasons[0] == "wic_child"
    five = wic_alone(monthly_income=1000, member_ages=[30, 5])
    assert five.status == "unlikely"
    assert five.reasons == ("no_wic_category_member",)


def test_unknown_income_without_another_program_needs_info() -> None:
    result = wic_alone(monthly_income=None)
    assert result.status == "needs_info"
    assert result.reasons == ("wic_child", "income_unknown")


def test_medi_cal_makes_wic_income_eligible_above_185_percent() -> None:
    medi_cal = ProgramResult(status="likely", reasons=("children_within_limit",))
    household = screen_household(monthly_income=5000)
    result = wic.screen(household, ON, calfresh=NOT_LIKELY, medi_cal=medi_cal)
    assert result.status == "likely"
    assert result.reasons == ("wic_child", "adjunctive_medi_cal")
    assert result.next_steps == ("apply_wic",)


def test_calfresh_makes_wic_income_eligible_even_when_income_is_unknown() -> None:
    calfresh = ProgramResult(status="likely", reasons=("gross_income_within_limit",))
    result = wic.screen(
        screen_household(monthly_income=None), ON, calfresh=calfresh, medi_cal=NOT_LIKELY
    )
    assert result.status == "likely"
    assert result.reasons == ("wic_child", "adjunctive_calfresh")


def test_the_medi_cal_access_program_alone_is_not_adjunctive() -> None:
    mcap = ProgramResult(status="likely", reasons=("pregnant_mcap",))
    household = screen_household(member_ages=[28], pregnant=True, monthly_income=5000)
    assert wic.screen(household, ON, calfresh=NOT_LIKELY, medi_cal=mcap).status == "unlikely"


def test_an_older_childs_medi_cal_does_not_make_a_pregnant_parent_wic_eligible() -> None:
    # A pregnant parent and a 13-year-old, $5,280 a month on 2026-11-24. Medi-Cal: the child is
    # within 266% of 3 (6,057, the baby counts), the parent only within MCAP (213% of 3 is
    # 4,851). WIC's member is the parent, who would not get Medicaid, and the family has no
    # infant on it, so WIC's income test stands: 5,280 > 4,212 (185% of 3, 2026-27 chart).
    household = {"member_ages": [31, 13], "pregnant": True, "monthly_income": 5280}
    screening = screen(household, on=date(2026, 11, 24))
    assert screening.programs["medi_cal"].reasons == ("children_within_limit", "pregnant_mcap")
    result = screening.programs["wic"]
    assert result.status == "unlikely"
    assert result.reasons == ("wic_pregnant", "wic_income_over_limit")
    # With a 3-year-old instead, the young child's own Medi-Cal passes WIC's income test.
    younger = screen({**household, "member_ages": [31, 3]}, on=date(2026, 11, 24))
    assert younger.programs["wic"].reasons == ("wic_pregnant", "wic_child", "adjunctive_medi_cal")


def test_screen_computes_wic_after_calfresh_and_medi_cal() -> None:
    # Parent and a 3-year-old, $4,000 a month on 2026-03-02: over WIC's 3,261 for two people,
    # but the child is within Medi-Cal's 266% limit, so WIC's income test passes.
    result = screen({"member_ages": [30, 3], "monthly_income": 4000}, on=ON).programs["wic"]
    assert result.status == "likely"
    assert "adjunctive_medi_cal" in result.reasons
    assert "wic_income_within_limit" not in result.reasons


def test_no_child_under_five_and_not_pregnant_is_not_a_wic_household() -> None:
    result = screen({"member_ages": [40, 12], "monthly_income": 1500}, on=ON).programs["wic"]
    assert result.status == "unlikely"
    assert result.reasons == ("no_wic_category_member",)
