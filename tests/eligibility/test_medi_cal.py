"""Medi-Cal: who is within their group's limit (DHCS chart rounding)."""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.eligibility import screen
from bot.eligibility.model import ProgramResult

TODAY = date(2026, 11, 24)


def medi_cal(on: date, **answers: Any) -> ProgramResult:
    return screen({"state": "CA", **answers}, on=on).programs["medi_cal"]


def test_single_adult_at_138_percent_is_likely() -> None:
    # 2026, 1 person: ceil(15,960 / 12) = 1,330; 1,330 x 1.38 = 1,835.40 -> 1,836
    result = medi_cal(TODAY, member_ages=[30], monthly_income=1836)
    assert result.status == "likely"
    assert result.reasons == ("adults_within_limit",)
    assert result.next_steps == ("apply_benefitscal", "documents_checklist")
    assert result.monthly_amount is None


def test_single_adult_one_dollar_over_138_percent_is_unlikely() -> None:
    result = medi_cal(TODAY, member_ages=[30], monthly_income=1837)
    assert result.status == "unlikely"
    assert result.reasons == ("over_income_limit",)
    assert result.next_steps == ("apply_covered_california", "call_211")


def test_the_2026_guidelines_apply_to_magi_groups_from_january_first() -> None:
    # 2025: 1,305 x 1.38 = 1,800.90 -> 1,801; 2026: 1,836
    assert medi_cal(date(2025, 12, 31), member_ages=[30], monthly_income=1830).status == "unlikely"
    assert medi_cal(date(2026, 1, 1), member_ages=[30], monthly_income=1830).status == "likely"


def test_the_aged_and_disabled_path_switches_on_april_first_and_is_labeled_approximate() -> None:
    # $2,060 less the $230 disregard = $1,830: over 2025's 1,801, within 2026's 1,836.
    before = medi_cal(date(2026, 3, 31), member_ages=[70], monthly_income=2060)
    after = medi_cal(date(2026, 4, 1), member_ages=[70], monthly_income=2060)
    assert before.reasons == ("over_income_limit", "senior_or_disabled_path_approximate")
    assert after.status == "likely"
    assert after.reasons == (
        "senior_or_disabled_within_limit",
        "senior_or_disabled_path_approximate",
    )


def test_a_senior_alone_has_230_disregarded_before_the_138_percent() -> None:
    # 2026, one person: 1,836 + 230 = 2,066 a month of pension or Social Security.
    assert medi_cal(TODAY, member_ages=[70], monthly_income=2066).status == "likely"
    assert medi_cal(TODAY, member_ages=[70], monthly_income=2067).status == "unlikely"


def test_a_working_senior_also_has_65_and_half_the_rest_of_earnings_not_counted() -> None:
    # (3,967 - 230 - 65) / 2 = 1,836.
    at_limit = medi_cal(TODAY, member_ages=[70], monthly_income=3967, earned_income=True)
    over = medi_cal(TODAY, member_ages=[70], monthly_income=3968, earned_income=True)
    assert at_limit.status == "likely"
    assert over.status == "unlikely"


def test_a_senior_couple_has_310_disregarded() -> None:
    # 2026, two people: 1,804 x 1.38 = 2,489.52 -> 2,490; + 310 = 2,800.
    assert medi_cal(TODAY, member_ages=[70, 68], monthly_income=2800).status == "likely"
    assert medi_cal(TODAY, member_ages=[70, 68], monthly_income=2801).status == "unlikely"


def test_child_is_covered_when_the_parent_is_over_the_adult_limit() -> None:
    # 2 people: ceil(21,640 / 12) = 1,804; 266% -> 4,798.64 -> 4,799; 138% -> 2,489.52 -> 2,490
    result = medi_cal(TODAY, member_ages=[35, 8], monthly_income=4000)
    assert result.status == "likely"
    assert result.reasons == ("children_within_limit",)


def test_pregnant_person_counts_the_baby_and_reaches_213_percent() -> None:
    # household of 1 + baby = 2: 1,804 x 2.13 = 3,842.52 -> 3,843
    result = medi_cal(TODAY, member_ages=[28], pregnant=True, monthly_income=3843)
    assert result.reasons == ("pregnant_within_limit",)


def test_an_expected_baby_counts_in_the_childs_household_too() -> None:
    # A pregnant parent and a 2-year-old at $4,988: for the child the household is 3 with the
    # baby (DHCS ACWDL 20-10): ceil(27,320 / 12) = 2,277; x 2.66 = 6,056.82 -> 6,057. Counting
    # only the 2 people born (266% of 2 = 4,799), the child would seem over the limit.
    result = medi_cal(TODAY, member_ages=[36, 2], pregnant=True, monthly_income=4988)
    assert result.status == "likely"
    assert result.reasons == ("children_within_limit", "pregnant_mcap")
    # 6,058 is a dollar over the child's limit; the parent stays within MCAP's 322%.
    assert medi_cal(TODAY, member_ages=[36, 2], pregnant=True, monthly_income=6058).reasons == (
        "pregnant_mcap",
    )


def test_pregnant_person_between_213_and_322_percent_gets_mcap() -> None:
    # 1,804 x 3.22 = 5,808.88 -> 5,809
    result = medi_cal(TODAY, member_ages=[28], pregnant=True, monthly_income=5809)
    assert result.status == "likely"
    assert result.reasons == ("pregnant_mcap",)
    assert medi_cal(TODAY, member_ages=[28], pregnant=True, monthly_income=5810).status == (
        "unlikely"
    )


def test_unknown_income_needs_info() -> None:
    result = medi_cal(TODAY, member_ages=[30], monthly_income=None)
    assert result.status == "needs_info"
    assert result.reasons == ("income_unknown",)


# --- Over the limit on the combined income: whose income is it? ---


def test_a_grandparent_living_with_a_working_family_may_qualify_on_their_own_income() -> None:
    result = medi_cal(TODAY, member_ages=[40, 38, 70], monthly_income=9000, earned_income=True)
    assert result.status == "possible"
    assert result.reasons == (
        "over_income_limit",
        "may_qualify_on_own_income",
        "senior_or_disabled_path_approximate",
    )
    assert result.next_steps == ("apply_benefitscal", "apply_covered_california")


def test_a_senior_living_alone_over_the_limit_is_unlikely_because_the_income_is_theirs() -> None:
    result = medi_cal(TODAY, member_ages=[70], monthly_income=3000)
    assert result.status == "unlikely"


def test_a_couple_over_the_limit_is_unlikely() -> None:
    # The second adult, 2 years apart, may be the spouse: one MAGI household, pooled income.
    assert medi_cal(TODAY, member_ages=[40, 38], monthly_income=5000).status == "unlikely"


def test_a_senior_couple_over_the_limit_is_unlikely_because_a_spouses_income_counts() -> None:
    # The aged/disabled path counts a spouse's income too (42 CFR 435.601).
    assert medi_cal(TODAY, member_ages=[77, 79], monthly_income=5000).status == "unlikely"


def test_a_disabled_parent_of_young_children_with_a_spouse_stays_unlikely() -> None:
    result = medi_cal(
        TODAY, member_ages=[47, 48, 1, 3], disability=True, monthly_income=8770, earned_income=False
    )
    assert result.status == "unlikely"


def test_an_adult_child_may_be_a_medi_cal_household_of_their_own() -> None:
    result = medi_cal(TODAY, member_ages=[40, 38, 19], monthly_income=7000)
    assert result.status == "possible"
    assert "may_qualify_on_own_income" in result.reasons


def test_an_18_year_old_is_in_the_parents_household_so_no_own_income_path() -> None:
    # Over 266% of 3 (6,057), and the 18-year-old is a child in the parents' MAGI household.
    assert medi_cal(TODAY, member_ages=[40, 38, 18], monthly_income=7000).status == "unlikely"


def test_an_adult_at_the_spouse_age_gap_may_be_the_spouse_one_year_more_is_their_own() -> None:
    # 15 years apart: possibly the spouse; 16: more likely a parent or an adult child.
    assert medi_cal(TODAY, member_ages=[40, 55], monthly_income=5000).status == "unlikely"
    assert medi_cal(TODAY, member_ages=[40, 56], monthly_income=5000).status == "possible"


def test_working_disabled_program_at_250_percent_after_the_ssi_exclusions() -> None:
    # 2026, one person: 1,330 x 2.5 = 3,325; earnings 6,735 - 20 - 65 = 6,650, half = 3,325.
    at_limit = medi_cal(
        TODAY, member_ages=[45], disability=True, monthly_income=6735, earned_income=True
    )
    assert at_limit.status == "possible"
    assert at_limit.reasons == (
        "over_income_limit",
        "working_disabled_program_may_apply",
        "senior_or_disabled_path_approximate",
    )
    over = medi_cal(
        TODAY, member_ages=[45], disability=True, monthly_income=6736, earned_income=True
    )
    assert over.status == "unlikely"


def test_working_disabled_program_needs_earnings() -> None:
    result = medi_cal(
        TODAY, member_ages=[45], disability=True, monthly_income=3000, earned_income=False
    )
    assert result.status == "unlikely"


def test_c_chip_covers_children_to_322_percent_in_three_counties() -> None:
    # 2026, two people: 1,804 x 3.22 = 5,808.88 -> 5,809 (over 266%: 4,799).
    at_limit = medi_cal(TODAY, member_ages=[35, 5], monthly_income=5809, county="Santa Clara")
    assert at_limit.status == "possible"
    assert at_limit.reasons == ("over_income_limit", "county_childrens_program_may_apply")
    over = medi_cal(TODAY, member_ages=[35, 5], monthly_income=5810, county="Santa Clara")
    assert over.status == "unlikely"


def test_c_chip_is_not_offered_in_other_counties() -> None:
    result = medi_cal(TODAY, member_ages=[35, 5], monthly_income=5809, county="Los Angeles")
    assert result.status == "unlikely"
