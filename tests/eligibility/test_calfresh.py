"""CalFresh: who may get it and roughly how much, worked by hand from the published figures."""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.eligibility import screen
from bot.eligibility.model import ProgramResult

FY2026 = date(2026, 3, 1)  # SNAP FY 2026 figures, 2025 guidelines, before the ABAWD change
FY2027 = date(2026, 11, 24)  # SNAP FY 2027 figures, 2026 guidelines, SUA carried forward


def calfresh(on: date, **answers: Any) -> ProgramResult:
    household = {"state": "CA", "zip_code": "94110", **answers}
    return screen(household, on=on).programs["calfresh"]


def test_household_of_four_with_2100_earned_may_get_calfresh() -> None:
    result = calfresh(
        FY2027,
        member_ages=[34, 32, 6, 3],
        monthly_income=2100,
        earned_income=True,
        housing_cost=1200,
    )
    # 2,100 - 20% earned (420) - standard deduction for 4 (229) = 1,451; half = 725.50
    # low, no SUA: shelter 1,200 - 725.50 = 474.50; net 976.50 -> 977 (50 cents round up);
    #   30% = 293.10 -> 294; 1,023 - 294 = 729
    # high, SUA 663: shelter 1,863 - 725.50 = 1,137.50, capped at 769; net 682; 30% = 204.60 -> 205;
    #   1,023 - 205 = 818
    assert result.status == "likely"
    assert result.monthly_amount == (729, 818)
    assert result.reasons == (
        "gross_income_within_limit",
        "utility_allowance_range",
        "utility_allowance_carried_forward",
    )
    assert result.next_steps == ("apply_benefitscal", "documents_checklist")


def test_single_adult_with_unknown_income_type_and_housing_gets_a_wide_range() -> None:
    result = calfresh(
        FY2026, member_ages=[30], monthly_income=1000, earned_income=None, housing_cost=None
    )
    # low, unearned, no housing, no SUA: 1,000 - 209 = 791; 30% = 237.30 -> 238; 298 - 238 = 60
    # high, earned, SUA: 1,000 - 200 - 209 = 591; shelter 663 - 295.50 = 367.50 (under 744);
    #   net 223.50; 30% = 67.05 -> 68; 298 - 68 = 230
    assert result.status == "likely"
    assert result.monthly_amount == (60, 230)
    assert result.reasons == (
        "gross_income_within_limit",
        "housing_cost_unknown",
        "utility_allowance_range",
    )


def test_elderly_couple_gets_the_sua_at_both_ends_and_no_shelter_cap() -> None:
    result = calfresh(
        FY2027, member_ages=[70, 68], monthly_income=2000, earned_income=False, housing_cost=900
    )
    # 2,000 - 217 = 1,783; half = 891.50; shelter 900 + 663 = 1,563; excess 671.50 (no cap)
    # net 1,111.50; 30% = 333.45 -> 334; 562 - 334 = 228 at both ends
    assert result.status == "likely"
    assert result.monthly_amount == (228, 228)
    assert "utility_allowance_range" not in result.reasons
    assert "work_rules_may_apply" not in result.reasons


def test_uncapped_shelter_for_a_disabled_member_raises_the_benefit() -> None:
    capped = calfresh(
        FY2027,
        member_ages=[40, 38, 10],
        monthly_income=2000,
        earned_income=False,
        housing_cost=2500,
    )
    uncapped = calfresh(
        FY2027,
        member_ages=[40, 38, 10],
        monthly_income=2000,
        earned_income=False,
        housing_cost=2500,
        disability=True,
    )
    # 2,000 - 217 = 1,783; half = 891.50
    # capped high end: shelter 3,163 - 891.50 = 2,271.50 -> 769; net 1,014; 30% = 304.20 -> 305;
    #   808 - 305 = 503
    # uncapped: excess 2,271.50 > 1,783, net 0; benefit 808 at both ends (SUA via SUAS)
    assert capped.monthly_amount is not None and capped.monthly_amount[1] == 503
    assert uncapped.monthly_amount == (808, 808)


def test_single_adult_near_the_limit_gets_the_minimum_benefit_and_work_rules() -> None:
    result = calfresh(
        FY2027, member_ages=[40], monthly_income=1600, earned_income=False, housing_cost=0
    )
    # 1,600 - 217 = 1,383; shelter 663 - 691.50 < 0, so net 1,383 at both ends
    # 30% = 414.90 -> 415 > 306, so 0; households of 1-2 get the FY 2027 minimum of 25
    assert result.status == "likely"
    assert result.monthly_amount == (25, 25)
    assert result.reasons == (
        "gross_income_within_limit",
        "minimum_benefit",
        "utility_allowance_carried_forward",
        "work_rules_may_apply",
    )


def test_net_income_is_rounded_to_the_dollar_before_the_30_percent() -> None:
    result = calfresh(
        FY2027,
        member_ages=[42, 14, 3, 0],
        monthly_income=3643.30,
        earned_income=False,
        housing_cost=1618,
    )
    # high end: 3,643.30 - 229 = 3,414.30; shelter 1,618 + 663 - 1,707.15 = 573.85 (under 769);
    # net 2,840.45 -> 2,840 (7 CFR 273.10(e)(1)(ii)(A)); 30% = 852; 1,023 - 852 = 171.
    # Unrounded, 30% of 2,840.45 = 852.14 -> 853 and the benefit would be 170.
    # low end: no SUA, shelter 1,618 - 1,707.15 < 0; net 3,414.30 -> 3,414; 30% = 1,024.20 -> 0
    assert result.monthly_amount == (0, 171)


def test_household_of_three_with_a_zero_benefit_is_unlikely() -> None:
    result = calfresh(
        FY2027, member_ages=[40, 38, 10], monthly_income=4000, earned_income=False, housing_cost=0
    )
    # 4,000 - 217 = 3,783; SUA 663 < half of it; 30% = 1,134.90 -> 1,135 > 808 -> 0
    assert result.status == "unlikely"
    assert result.monthly_amount is None
    assert result.reasons == ("gross_income_within_limit", "benefit_estimate_zero")
    assert result.next_steps == ("call_211",)


def test_household_of_four_at_the_200_percent_limit_is_within_it() -> None:
    result = calfresh(
        FY2027,
        member_ages=[34, 32, 6, 3],
        monthly_income=5500,
        earned_income=True,
        housing_cost=2000,
    )
    assert "gross_income_within_limit" in result.reasons


def test_household_of_four_one_dollar_over_the_limit_is_unlikely() -> None:
    result = calfresh(
        FY2027,
        member_ages=[34, 32, 6, 3],
        monthly_income=5501,
        earned_income=True,
        housing_cost=2000,
    )
    assert result.status == "unlikely"
    assert result.reasons == ("gross_income_over_limit",)


def test_the_limit_rises_on_october_first() -> None:
    answers: dict[str, Any] = {
        "member_ages": [34, 32, 6, 3],
        "monthly_income": 5400,
        "earned_income": True,
        "housing_cost": 2000,
    }
    assert calfresh(date(2026, 9, 30), **answers).reasons == ("gross_income_over_limit",)
    assert "gross_income_within_limit" in calfresh(date(2026, 10, 1), **answers).reasons


def test_work_rules_start_on_june_first_2026_for_adults_without_children() -> None:
    answers: dict[str, Any] = {
        "member_ages": [30],
        "monthly_income": 1000,
        "earned_income": True,
        "housing_cost": 800,
    }
    assert "work_rules_may_apply" not in calfresh(date(2026, 5, 31), **answers).reasons
    assert "work_rules_may_apply" in calfresh(date(2026, 6, 1), **answers).reasons
    assert (
        "work_rules_may_apply"
        not in calfresh(date(2026, 6, 1), **{**answers, "member_ages": [30, 13]}).reasons
    )
    assert (
        "work_rules_may_apply"
        not in calfresh(date(2026, 6, 1), **{**answers, "pregnant": True}).reasons
    )


def test_elderly_person_over_200_percent_may_pass_the_federal_net_test() -> None:
    result = calfresh(
        FY2027, member_ages=[70], monthly_income=2700, earned_income=False, housing_cost=2000
    )
    # over 2,660. Net: 2,700 - 217 = 2,483; shelter 2,663 - 1,241.50 = 1,421.50 (no cap);
    # net 1,061.50 <= 1,330 (100%). 306 - ceil(318.45) = -13 -> 0 -> minimum 25
    assert result.status == "possible"
    assert result.monthly_amount == (25, 25)
    assert result.reasons[:2] == ("gross_income_over_limit", "elderly_disabled_net_income_test")
    assert result.next_steps == ("apply_benefitscal", "call_calfresh_line", "documents_checklist")


def test_elderly_person_over_200_percent_with_high_net_income_is_unlikely() -> None:
    result = calfresh(
        FY2027, member_ages=[70], monthly_income=2700, earned_income=False, housing_cost=0
    )
    # net 2,483 (shelter 663 < 1,241.50) > 1,330
    assert result.status == "unlikely"
    assert result.reasons == (
        "gross_income_over_limit",
        "elderly_disabled_net_income_test",
        "net_income_over_limit",
    )


def test_unknown_income_needs_info() -> None:
    result = calfresh(FY2027, member_ages=[30], monthly_income=None)
    assert result.status == "needs_info"
    assert result.reasons == ("income_unknown",)
    assert result.monthly_amount is None
