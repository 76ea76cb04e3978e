"""Covered California: federal premium tax credit and state help for adults above Medi-Cal.

The rule, in the order it reads (household income as a share of the poverty line of the year
before the coverage year, 26 CFR 1.36B-1(h); the household counts as one tax household):
1. Adults 19-64 whose Medi-Cal is likely are covered by Medi-Cal, not Covered California
   (a premium tax credit is not allowed to someone eligible for Medicaid, 26 USC 36B(c)(2)(B)).
   Children are covered by Medi-Cal up to 266% and people 65+ by Medicare: not the target.
2. Premium tax credit between 100% and 400% of the poverty line (26 USC 36B(c)(1)(A)); the
   enhanced credits of 2021-2025 had no 400% cap (36B(c)(1)(E)). Both are dated data.
3. Expected contribution for the benchmark silver plan: the applicable percentage of income
   (26 USC 36B(b)(3)(A), the year's IRS table), when the table is loaded.
4. Cost-sharing reductions up to 250% (42 USC 18071) and California's premium subsidy (2026:
   up to 165%) may add help; the screener names them and does not price them.
The share is used exactly; Form 8962's tables work in whole percentage points, so a tax
return can differ by a dollar or two a month. Not asked, so not modelled: an offer of
affordable job-based coverage (no credit), immigration status, the plan prices of the rating
area (the credit is benchmark premium - contribution).
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Any, NamedTuple

from bot.eligibility import codes, fpl
from bot.eligibility.model import INCOME_UNKNOWN, Household, ProgramResult
from bot.eligibility.parameters import value

ACA = "us/irs/aca"
MEDI_CAL_AGES = "states/ca/dhcs/medi_cal/age_groups"


# The parameter tree is read once and never changes: each figure below is read once per date,
# then cached for every household screened that day. Errors are not cached.


@lru_cache(maxsize=512)
def vintage(on: date) -> int:
    """Guideline year of the premium tax credit in force on `on` (the year before coverage)."""
    return int(value(f"{ACA}/fpl_vintage", on))


def fpl_share(household: Household, on: date) -> Decimal:
    """Yearly household income (monthly x 12) over the poverty guideline for its size."""
    income = Decimal(str(household.monthly_income or 0)) * 12
    return income / fpl.guideline(household.size, vintage(on))


def within_credit_limits(share: Decimal, on: date) -> bool:
    """At or over 100% and at or under the cap (400%, or none in 2021-2025)."""
    low, high = _credit_limits(on)
    return share >= low and float(share) <= high


@lru_cache(maxsize=512)
def _credit_limits(on: date) -> tuple[Decimal, float]:
    """(lowest share, highest share) of the poverty line with a premium tax credit."""
    return (
        Decimal(str(value(f"{ACA}/income_limits", on, "min_fpl_share"))),
        float(value(f"{ACA}/income_limits", on, "max_fpl_share")),
    )


@lru_cache(maxsize=512)
def _help_limits(on: date) -> tuple[Decimal, Decimal]:
    """(cost-sharing reductions, California premium subsidy): the highest share of the poverty
    line each may help."""
    return (
        Decimal(str(value("us/hhs/aca_cost_sharing_reduction", on))),
        Decimal(str(value("states/ca/hbex/premium_subsidy", on))),
    )


Band = tuple[Decimal, Decimal, Decimal, Decimal]


@lru_cache(maxsize=64)
def _bands(on: date) -> tuple[Band, ...]:
    """The table in force on `on` as (from, to, initial, final) Decimals, read once per date."""
    table: list[dict[str, Any]] = value(f"{ACA}/applicable_percentage", on)
    return tuple(
        (
            Decimal(str(band["from"])),
            Decimal(str(band["to"])),
            Decimal(str(band["initial"])),
            Decimal(str(band["final"])),
        )
        for band in table
    )


def applicable_percentage(share: Decimal, on: date) -> Decimal | None:
    """The applicable percentage for an income share, linear within its band, rounded to the
    nearest hundredth of a percent (26 CFR 1.36B-3(g)); `None` when no table is loaded."""
    bands = _bands(on)
    for index, (low, high, initial, final) in enumerate(bands):
        last = index == len(bands) - 1
        if low <= share < high or (last and share == high):
            if high.is_infinite() or initial == final:
                return initial
            rate = initial + (final - initial) * (share - low) / (high - low)
            return rate.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
    return None


# Built for every household screened: a NamedTuple (immutable too) is much cheaper to build
# than a frozen dataclass.
class Contribution(NamedTuple):
    """Expected yearly and monthly payment for the benchmark plan at one applicable rate."""

    rate: Decimal
    monthly: int


def expected_contribution(household: Household, on: date) -> Contribution | None:
    """Applicable percentage x yearly income, per month, rounded to the dollar."""
    share = fpl_share(household, on)
    rate = applicable_percentage(share, on)
    if rate is None:
        return None
    yearly = Decimal(str(household.monthly_income or 0)) * 12 * rate
    monthly = int((yearly / 12).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return Contribution(rate, monthly)


@lru_cache(maxsize=512)
def _medi_cal_ages(on: date) -> tuple[int, int]:
    return (
        int(value(MEDI_CAL_AGES, on, "child_max_age")),
        int(value(MEDI_CAL_AGES, on, "adult_max_age")),
    )


def has_marketplace_adult(household: Household, on: date) -> bool:
    """A member 19-64: older than Medi-Cal's children's group, younger than Medicare."""
    child_max, adult_max = _medi_cal_ages(on)
    return any(child_max < age <= adult_max for age in household.member_ages)


def screen(household: Household, on: date, *, medi_cal: ProgramResult) -> ProgramResult:
    """Covered California status, reasons and expected contribution, given the Medi-Cal result."""
    if household.monthly_income is None:
        return INCOME_UNKNOWN
    adults_on_medi_cal = medi_cal.status == "likely" and "adults_within_limit" in medi_cal.reasons
    if not has_marketplace_adult(household, on):
        if medi_cal.status == "likely":
            return COVERED_BY_MEDI_CAL
        return NO_ADULT_19_64
    if adults_on_medi_cal:
        return COVERED_BY_MEDI_CAL
    share = fpl_share(household, on)
    if not within_credit_limits(share, on):
        return OVER_LIMIT
    reasons = ["premium_tax_credit_within_limit"]
    if _credit_limits(on)[1] == float("inf"):
        reasons.append("enhanced_premium_tax_credit")
    cost_sharing_limit, state_subsidy_limit = _help_limits(on)
    if share <= cost_sharing_limit:
        reasons.append("cost_sharing_help_may_apply")
    if share <= state_subsidy_limit:
        reasons.append("state_premium_subsidy_may_apply")
    contribution = expected_contribution(household, on)
    if contribution is None:
        reasons.append("contribution_table_not_loaded")
    reasons.append("employer_coverage_not_asked")
    return ProgramResult(
        status="likely",
        reasons=tuple(reasons),
        next_steps=(codes.APPLY_COVERED_CALIFORNIA,),
        monthly_contribution=(
            (contribution.monthly, contribution.monthly) if contribution else None
        ),
    )


# Answers that never vary (results are frozen): built once.
# Not a "no": the household's coverage comes from Medi-Cal, which the Medi-Cal result shows.
COVERED_BY_MEDI_CAL = ProgramResult(
    status="unlikely",
    reasons=("covered_by_medi_cal",),
    next_steps=(codes.APPLY_BENEFITSCAL,),
)
NO_ADULT_19_64 = ProgramResult(
    status="unlikely", reasons=("no_adult_19_64",), next_steps=(codes.CALL_211,)
)
OVER_LIMIT = ProgramResult(
    status="unlikely",
    reasons=("premium_tax_credit_over_limit",),
    next_steps=(codes.APPLY_COVERED_CALIFORNIA, codes.CALL_211),
)
