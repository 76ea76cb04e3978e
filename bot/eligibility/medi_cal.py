"""Medi-Cal: MAGI groups by age and pregnancy, plus an approximation of the aged/disabled path.

The rule, in the order it reads (percentages of the poverty guideline, DHCS chart rounding):
- children 0-18: 266%; adults 19-64: 138% (42 CFR 435.118, 435.119; MAGI, 5% disregard included);
- a pregnant person: 213% full scope, up to 322% through the Medi-Cal Access Program (MCAP);
  the household counts the expected baby, for every MAGI group (DHCS ACWDL 20-10: the unborn
  children of a pregnant member belong to each member's household; 42 CFR 435.603(b));
- people 65+ or with a disability: the non-MAGI aged and disabled FPL program at 138%, approximated
  (no asset test asked, though DHCS reinstated one on 2026-01-01: $130,000 + $65,000 per person).
"""

from __future__ import annotations

from datetime import date

from bot.eligibility import codes, fpl
from bot.eligibility.model import Household, ProgramResult
from bot.eligibility.parameters import parameter, value

DHCS = "states/ca/dhcs/medi_cal"


def vintage(on: date, *, magi: bool) -> int:
    """Guideline year DHCS uses on `on`: MAGI from January 1, the ABD FPL program from April 1."""
    return int(value(f"{DHCS}/fpl_vintage", on, "magi" if magi else "non_magi"))


def monthly_income_limit(group: str, size: int, on: date) -> int:
    """Monthly limit of `group` for `size` people, rounded as the DHCS chart rounds."""
    path = f"{DHCS}/income_limits"
    share = value(path, on, group)
    year = vintage(on, magi=group != "senior_or_disabled")
    return fpl.monthly_limit(size, year, share, parameter(path).rounding or "")


def within_limit(household: Household, group: str, on: date, *, size: int | None = None) -> bool:
    """Monthly income x 12 at or under the group's limit x 12 (the annual comparison)."""
    limit = monthly_income_limit(group, size or household.size, on)
    return (household.monthly_income or 0) * 12 <= limit * 12


def magi_household_size(household: Household) -> int:
    """MAGI household size: everyone, plus the expected baby when someone is pregnant. California
    counts the unborn child in every member's household, not only the pregnant person's
    (DHCS ACWDL 20-10; 42 CFR 435.603(b))."""
    return household.size + (1 if household.pregnant else 0)


def screen(household: Household, on: date) -> ProgramResult:
    """Medi-Cal status, reasons and next steps for `household` on `on`."""
    if household.monthly_income is None:
        return ProgramResult(status="needs_info", reasons=("income_unknown",))
    child_max = int(value(f"{DHCS}/age_groups", on, "child_max_age"))
    adult_max = int(value(f"{DHCS}/age_groups", on, "adult_max_age"))
    ages = household.member_ages
    reasons: list[str] = []
    magi_size = magi_household_size(household)

    if any(age <= child_max for age in ages) and within_limit(
        household, "children", on, size=magi_size
    ):
        reasons.append("children_within_limit")
    if any(child_max < age <= adult_max for age in ages) and within_limit(
        household, "adults", on, size=magi_size
    ):
        reasons.append("adults_within_limit")
    if household.pregnant:
        if within_limit(household, "pregnant", on, size=magi_size):
            reasons.append("pregnant_within_limit")
        elif within_limit(household, "pregnant_mcap", on, size=magi_size):
            reasons.append("pregnant_mcap")
    senior_or_disabled = bool(household.disability) or any(age > adult_max for age in ages)
    if senior_or_disabled and within_limit(household, "senior_or_disabled", on):
        reasons.append("senior_or_disabled_within_limit")

    approximate = ("senior_or_disabled_path_approximate",) if senior_or_disabled else ()
    if not reasons:
        return ProgramResult(
            status="unlikely",
            reasons=("over_income_limit", *approximate),
            next_steps=(codes.APPLY_COVERED_CALIFORNIA, codes.CALL_211),
        )
    return ProgramResult(
        status="likely",
        reasons=(*reasons, *approximate),
        next_steps=(codes.APPLY_BENEFITSCAL, codes.DOCUMENTS_CHECKLIST),
    )
