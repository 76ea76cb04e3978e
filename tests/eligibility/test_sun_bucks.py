"""SUN Bucks (Summer EBT): who gets it, the 185% chart switching July 1, $120 a child a summer."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.eligibility import fpl, screen, sun_bucks
from bot.eligibility.model import Household, ProgramResult
from bot.eligibility.parameters import ParameterError, value
from tests.eligibility.conftest import published, size_rows

CHART = published("fns_child_nutrition_income_guidelines.yaml")
LAST_DAY_2025_26 = date(2026, 6, 30)
FIRST_DAY_2026_27 = date(2026, 7, 1)
ON = date(2026, 3, 2)
NOT_LIKELY = ProgramResult(status="unlikely")
LIKELY = ProgramResult(status="likely")


def household(**answers: Any) -> Household:
    return Household.from_dict({"member_ages": [35, 8, 12], **answers})


def sun_bucks_alone(
    on: date = ON,
    *,
    calfresh: ProgramResult = NOT_LIKELY,
    medi_cal: ProgramResult = NOT_LIKELY,
    calworks: ProgramResult = NOT_LIKELY,
    **answers: Any,
) -> ProgramResult:
    return sun_bucks.screen(
        household(**answers), on, calfresh=calfresh, medi_cal=medi_cal, calworks=calworks
    )


def _chart_cases(tier: str) -> list[tuple[date, int, int]]:
    return [
        (on, size, amount)
        for on, tiers in CHART["rows"].items()
        for size, amount in size_rows(tiers[tier])
    ]


@pytest.mark.parametrize(("on", "size", "amount"), _chart_cases("reduced_price"))
def test_reduced_price_limit_matches_the_fns_chart(on: date, size: int, amount: int) -> None:
    assert sun_bucks.monthly_income_limit(size, on) == amount


@pytest.mark.parametrize(("on", "size", "amount"), _chart_cases("free"))
def test_free_meal_limit_matches_the_fns_chart(on: date, size: int, amount: int) -> None:
    share = value("us/usda/school_meals/income_limits", on, "free")
    limit = fpl.monthly_limit(size, sun_bucks.vintage(on), share, "rounded_up_annual_then_monthly")
    assert limit == amount


@pytest.mark.parametrize("on", list(CHART["rows"]))
def test_each_additional_member_matches_the_fns_chart(on: date) -> None:
    rows = CHART["rows"][on]["reduced_price"]
    assert sun_bucks.monthly_income_limit(9, on) == rows[8] + rows["additional"]


def test_the_summer_amount_is_the_statutes_40_a_month_for_three_months() -> None:
    for on, amount in CHART["summer_ebt_per_child"].items():
        assert sun_bucks.benefit_per_child(on) == amount


@pytest.mark.parametrize(
    ("on", "income", "status"),
    [
        # Three people, 2025-26 chart: 4,109 a month (ceil(ceil(26,650 x 1.85) / 12)).
        (LAST_DAY_2025_26, 4109, "likely"),
        (LAST_DAY_2025_26, 4110, "unlikely"),
        # The same household a day later, 2026-27 chart: 4,212 (ceil(50,542 / 12)).
        (FIRST_DAY_2026_27, 4110, "likely"),
        (FIRST_DAY_2026_27, 4212, "likely"),
        (FIRST_DAY_2026_27, 4213, "unlikely"),
    ],
)
def test_parent_and_two_children_at_the_limit_and_one_dollar_over(
    on: date, income: int, status: str
) -> None:
    result = sun_bucks_alone(on, monthly_income=income)
    assert result.status == status
    if status == "likely":
        assert result.reasons == ("sun_bucks_income_within_limit",)
        assert result.next_steps == ("school_meal_application",)
    else:
        assert result.reasons == ("sun_bucks_income_over_limit",)


def test_each_child_gets_120_once_a_summer_not_a_monthly_amount() -> None:
    result = sun_bucks_alone(monthly_income=2000)
    # Two children aged 8 and 12: 2 x $120.
    assert result.amount == (240, 240)
    assert result.amount_period == "summer"
    assert result.monthly_amount is None


def test_calfresh_certifies_the_children_without_an_application() -> None:
    result = sun_bucks_alone(calfresh=LIKELY, monthly_income=None)
    assert result.status == "likely"
    assert result.reasons == ("sun_bucks_calfresh",)
    assert result.next_steps == ("sun_bucks_automatic",)


def test_calworks_certifies_the_children_too() -> None:
    assert sun_bucks_alone(calworks=LIKELY, monthly_income=900).reasons[0] == "sun_bucks_calworks"


def test_medi_cal_counts_only_at_the_185_percent_direct_certification_level() -> None:
    # Medi-Cal covers children to 266%, but SUN Bucks certifies through it only to 185%.
    within = sun_bucks_alone(medi_cal=LIKELY, monthly_income=4109)
    assert within.reasons == ("sun_bucks_medi_cal", "sun_bucks_income_within_limit")
    assert within.next_steps == ("sun_bucks_automatic",)
    over = sun_bucks_alone(medi_cal=LIKELY, monthly_income=5000)
    assert over.status == "unlikely"


@pytest.mark.parametrize(("age", "counted"), [(4, 0), (5, 1), (18, 1), (19, 0)])
def test_children_five_through_eighteen_count(age: int, counted: int) -> None:
    assert sun_bucks.eligible_children(household(member_ages=[40, age]), ON) == counted


def test_no_school_age_child_is_not_shown_as_a_no() -> None:
    result = sun_bucks_alone(member_ages=[30, 2], monthly_income=1000)
    assert (result.status, result.reasons, result.next_steps) == (
        "unlikely",
        ("no_school_age_member",),
        (),
    )


def test_unknown_income_without_a_program_needs_info() -> None:
    result = sun_bucks_alone(monthly_income=None)
    assert (result.status, result.reasons) == ("needs_info", ("income_unknown",))


def test_from_september_the_amount_is_next_summers_and_2027_is_carried_forward() -> None:
    assert sun_bucks.summer(date(2026, 8, 31)) == date(2026, 1, 1)
    assert sun_bucks.summer(date(2026, 9, 1)) == date(2027, 1, 1)
    august = sun_bucks_alone(date(2026, 8, 31), calfresh=LIKELY)
    assert "sun_bucks_amount_carried_forward" not in august.reasons
    result = sun_bucks_alone(date(2026, 9, 1), calfresh=LIKELY)
    assert result.reasons == ("sun_bucks_calfresh", "sun_bucks_amount_carried_forward")
    assert result.amount == (240, 240)


def test_a_date_past_the_2026_27_chart_raises_instead_of_extrapolating() -> None:
    assert sun_bucks.vintage(date(2027, 6, 30)) == 2026
    with pytest.raises(ParameterError, match="yearly update is missing"):
        sun_bucks.vintage(date(2027, 7, 1))


def test_screen_reads_calfresh_for_sun_bucks() -> None:
    # Parent and a 7-year-old earning $2,100: CalFresh is likely, so the child is certified.
    result = screen({"member_ages": [34, 7], "monthly_income": 2100}, on=ON).programs
    assert result["calfresh"].status == "likely"
    assert result["sun_bucks"].reasons[0] == "sun_bucks_calfresh"
    assert result["sun_bucks"].amount == (120, 120)
