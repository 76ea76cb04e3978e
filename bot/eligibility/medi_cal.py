"""Medi-Cal: MAGI groups by age and pregnancy, plus an approximation of the aged/disabled path.

The rule, in the order it reads (percentages of the poverty guideline, DHCS chart rounding):
- children 0-18: 266%; adults 19-64: 138% (42 CFR 435.118, 435.119; MAGI, 5% disregard included);
- a pregnant person: 213% full scope, up to 322% through the Medi-Cal Access Program (MCAP);
  the household counts the expected baby, for every MAGI group (DHCS ACWDL 20-10: the unborn
  children of a pregnant member belong to each member's household; 42 CFR 435.603(b));
- people 65+ or with a disability: the non-MAGI aged and disabled FPL program at 138% of countable
  income ($230 disregarded, $310 for two or more; for earnings $65 more and half the rest, W&I
  Code 14005.40), approximated (the household's income and size stand for the person's or
  couple's; no asset test asked, though DHCS reinstated one on 2026-01-01: $130,000 + $65,000
  per person).

Over every limit on the combined income, the answer is `possible`, not `unlikely`, when the
screener cannot know whose income it is and Medi-Cal would not pool it all:
- an adult beyond the respondent and a possible spouse: as their own MAGI household, or on the
  aged/disabled path with their own income, they may qualify (`may_qualify_on_own_income`);
- a disability and earned income within the 250% Working Disabled Program, after the SSI
  exclusions (`working_disabled_program_may_apply`; W&I Code 14007.9);
- a child 0-18 within 322% in San Francisco, San Mateo or Santa Clara county
  (`county_childrens_program_may_apply`: C-CHIP).
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from bot.eligibility import codes, fpl
from bot.eligibility.model import INCOME_UNKNOWN, Household, ProgramResult
from bot.eligibility.parameters import parameter, value

DHCS = "states/ca/dhcs/medi_cal"
NON_MAGI_GROUPS = frozenset({"senior_or_disabled", "working_disabled"})
OWN_FILE_GROUPS = {"working_disabled": f"{DHCS}/working_disabled", "c_chip": f"{DHCS}/c_chip"}

# The parameter tree is read once and never changes, so each figure below depends only on its
# arguments (a date, a group, a size): read once, cached, and reused by every household
# screened that day. Errors are not cached.


@lru_cache(maxsize=512)
def vintage(on: date, *, magi: bool) -> int:
    """Guideline year DHCS uses on `on`: MAGI from January 1, the ABD FPL program from April 1."""
    return int(value(f"{DHCS}/fpl_vintage", on, "magi" if magi else "non_magi"))


@lru_cache(maxsize=4096)
def monthly_income_limit(group: str, size: int, on: date) -> int:
    """Monthly limit of `group` for `size` people, rounded as the DHCS chart rounds."""
    if group in OWN_FILE_GROUPS:
        path, keys = OWN_FILE_GROUPS[group], ("income_limit",)
    else:
        path, keys = f"{DHCS}/income_limits", (group,)
    share = value(path, on, *keys)
    year = vintage(on, magi=group not in NON_MAGI_GROUPS)
    return fpl.monthly_limit(size, year, share, parameter(path).rounding or "")


def within_limit(household: Household, group: str, on: date, *, size: int | None = None) -> bool:
    """Monthly income x 12 at or under the group's limit x 12 (the annual comparison)."""
    limit = monthly_income_limit(group, size or household.size, on)
    return (household.monthly_income or 0) * 12 <= limit * 12


@lru_cache(maxsize=512)
def age_groups(on: date) -> tuple[int, int]:
    """The oldest age of the children's group (18) and of the adults' group (64)."""
    return (
        int(value(f"{DHCS}/age_groups", on, "child_max_age")),
        int(value(f"{DHCS}/age_groups", on, "adult_max_age")),
    )


def magi_household_size(household: Household) -> int:
    """MAGI household size: everyone, plus the expected baby when someone is pregnant. California
    counts the unborn child in every member's household, not only the pregnant person's
    (DHCS ACWDL 20-10; 42 CFR 435.603(b))."""
    return household.size + (1 if household.pregnant else 0)


def screen(household: Household, on: date) -> ProgramResult:
    """Medi-Cal status, reasons and next steps for `household` on `on`."""
    if household.monthly_income is None:
        return INCOME_UNKNOWN
    child_max, adult_max = age_groups(on)
    ages = household.member_ages
    reasons: list[str] = []
    magi_size = magi_household_size(household)

    if min(ages) <= child_max and within_limit(household, "children", on, size=magi_size):
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
    senior_or_disabled = bool(household.disability) or max(ages) > adult_max
    if senior_or_disabled and (
        countable_aged_disabled_income(household, on)
        <= monthly_income_limit("senior_or_disabled", household.size, on)
    ):
        reasons.append("senior_or_disabled_within_limit")

    approximate = ("senior_or_disabled_path_approximate",) if senior_or_disabled else ()
    if not reasons:
        maybe = possible_reasons(household, on)
        if maybe:
            return ProgramResult(
                status="possible",
                reasons=("over_income_limit", *maybe, *approximate),
                next_steps=(codes.APPLY_BENEFITSCAL, codes.APPLY_COVERED_CALIFORNIA),
            )
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


def countable_aged_disabled_income(household: Household, on: date) -> float:
    """Monthly income as the aged and disabled FPL program counts it: less the $230 disregard
    ($310 for two or more, the couple's), and for earnings less $65 more and half the rest
    (W&I Code 14005.40; 20 CFR 416.1112). The screener asks one income, earned or not."""
    individual, couple, earned_exclusion, earned_share = _aged_disabled_figures(on)
    disregard = individual if household.size == 1 else couple
    income = max(float(household.monthly_income or 0) - disregard, 0.0)
    if not household.earned_income:
        return income
    return max(income - earned_exclusion, 0.0) * earned_share


@lru_cache(maxsize=512)
def _aged_disabled_figures(on: date) -> tuple[float, float, float, float]:
    """(individual disregard, couple disregard, earned exclusion, share of the rest counted)."""
    path = f"{DHCS}/aged_disabled_income"
    return (
        float(value(path, on, "individual_disregard")),
        float(value(path, on, "couple_disregard")),
        float(value(path, on, "earned_exclusion")),
        float(value(path, on, "earned_share_counted")),
    )


@lru_cache(maxsize=512)
def _own_income_figures(on: date) -> tuple[int, int]:
    """(youngest age of an adult who may file on their own, the spouse age gap)."""
    return (
        int(value(f"{DHCS}/own_income", on, "other_adult_min_age")),
        int(value(f"{DHCS}/own_income", on, "spouse_age_gap")),
    )


def other_adults_on_their_own(household: Household, on: date) -> int:
    """Adults beyond the respondent (the first member) and a possible spouse: each could be a
    MAGI household of their own (42 CFR 435.603(f)). The possible spouse is the first other
    adult within the screener's spouse age gap of the respondent."""
    min_age, gap = _own_income_figures(on)
    respondent, *others = household.member_ages
    adults = [age for age in others if age >= min_age]
    spouse = next((age for age in adults if abs(age - respondent) <= gap), None)
    return len(adults) - (1 if spouse is not None else 0)


def countable_working_disabled_income(household: Household, on: date) -> float:
    """Monthly income after the SSI exclusions (20 CFR 416.1112): $20 of any income, then $65
    of earnings and half of the rest. Only earnings are asked, so all of it is earnings."""
    general_exclusion, earned_exclusion, earned_share = _working_disabled_figures(on)
    income = float(household.monthly_income or 0)
    after_general = max(income - general_exclusion, 0.0)
    after_earned = max(after_general - earned_exclusion, 0.0)
    return after_earned * earned_share


@lru_cache(maxsize=512)
def _working_disabled_figures(on: date) -> tuple[float, float, float]:
    """(general exclusion, earned exclusion, share of the rest counted) of the SSI rules."""
    path = f"{DHCS}/working_disabled"
    return (
        float(value(path, on, "general_exclusion")),
        float(value(path, on, "earned_exclusion")),
        float(value(path, on, "earned_share_counted")),
    )


def possible_reasons(household: Household, on: date) -> tuple[str, ...]:
    """Why someone may still qualify when the combined income is over every limit."""
    ages = household.member_ages
    min_age, _ = _own_income_figures(on)
    child_max, _ = age_groups(on)
    adults = sum(1 for age in ages if age >= min_age)
    reasons: list[str] = []
    # A couple's income is counted together on both paths (MAGI and aged/disabled), so only an
    # adult outside the couple can be tested on an income of their own.
    if other_adults_on_their_own(household, on) > 0:
        reasons.append("may_qualify_on_own_income")
    if household.disability and household.earned_income and (household.monthly_income or 0) > 0:
        # The person alone, or with a possible spouse (the family counted is one or two).
        size = 2 if adults >= 2 else 1
        limit = monthly_income_limit("working_disabled", size, on)
        if countable_working_disabled_income(household, on) <= limit:
            reasons.append("working_disabled_program_may_apply")
    counties = value(f"{DHCS}/c_chip", on, "counties")
    if (
        household.county in counties
        and min(ages) <= child_max
        and within_limit(household, "c_chip", on, size=magi_household_size(household))
    ):
        reasons.append("county_childrens_program_may_apply")
    return tuple(reasons)
