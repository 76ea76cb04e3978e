"""FERA: an 18% discount on electricity for households just over the CARE limit.

The rule (PU Code 739.12, as amended by SB 1130): customers of the three largest electric
utilities (PG&E, SCE, SDG&E) with total annual gross household income over 200% and at or
under 250% of the poverty guideline; since June 1, 2025 households of any size (before: 3 or
more). A household on CARE gets the larger CARE discount instead. Screened after CARE.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from bot.eligibility import care, codes
from bot.eligibility.model import INCOME_UNKNOWN, Household, ProgramResult
from bot.eligibility.parameters import value

CPUC = "states/ca/cpuc/care"


# The answers never vary (results are frozen): built once.
CARE_INSTEAD = ProgramResult(status="unlikely", reasons=("fera_care_instead",))
INCOME_WITHIN_RANGE = ProgramResult(
    status="likely",
    reasons=("fera_income_within_range", "fera_discount_estimate", "fera_large_utilities_only"),
    next_steps=(codes.APPLY_FERA,),
)
INCOME_OVER_LIMIT = ProgramResult(
    status="unlikely", reasons=("fera_income_over_limit",), next_steps=(codes.CALL_211,)
)


@lru_cache(maxsize=512)  # the parameter tree never changes
def smallest_household(on: date) -> int:
    """The smallest household FERA serves on `on` (any size since June 1, 2025; before, 3)."""
    return int(value(f"{CPUC}/fera_household_size", on))


def screen(household: Household, on: date, *, care_result: ProgramResult) -> ProgramResult:
    """FERA status: only for households over the CARE limit and within 250%."""
    if care_result.status == "likely":
        return CARE_INSTEAD
    if household.monthly_income is None:
        return INCOME_UNKNOWN
    big_enough = household.size >= smallest_household(on)
    if big_enough and care.within_limit(household, "fera", on):
        return INCOME_WITHIN_RANGE
    return INCOME_OVER_LIMIT
