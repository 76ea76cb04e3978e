"""School meals: California Universal Meals, free breakfast and lunch for every public-school pupil.

The rule (Education Code 49501.5(a)(1)(A)): since 2022-23, schools with kindergarten or grades
1-12 serve a free breakfast and a free lunch each school day to any pupil who asks, without
regard to the family's income. Nobody applies; the screening only needs someone of school age.
A 4-year-old may be in transitional kindergarten (covered) or in preschool (not covered).
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from bot.eligibility import codes
from bot.eligibility.model import Household, ProgramResult
from bot.eligibility.parameters import value

CDE = "states/ca/cde/school_meals"


@lru_cache(maxsize=512)  # the parameter tree never changes
def school_age_bounds(on: date) -> tuple[int, int]:
    """Youngest and oldest age read as "in kindergarten to grade 12"."""
    return (
        int(value(f"{CDE}/ages", on, "kindergarten_min_age")),
        int(value(f"{CDE}/ages", on, "max_age")),
    )


def school_age_members(household: Household, on: date) -> int:
    """How many members are of school age (kindergarten to grade 12)."""
    low, high = school_age_bounds(on)
    return sum(1 for age in household.member_ages if low <= age <= high)


@lru_cache(maxsize=512)
def transitional_kindergarten_age(on: date) -> int:
    """The age at which a child may be in transitional kindergarten (4)."""
    return int(value(f"{CDE}/ages", on, "tk_min_age"))


# The three answers never vary (results are frozen): built once.
LIKELY = ProgramResult(
    status="likely",
    reasons=("universal_school_meals",),
    next_steps=(codes.SCHOOL_MEALS_AT_SCHOOL,),
)
IF_IN_TRANSITIONAL_KINDERGARTEN = ProgramResult(
    status="possible",
    reasons=("universal_school_meals", "school_meals_if_in_transitional_kindergarten"),
    next_steps=(codes.SCHOOL_MEALS_AT_SCHOOL,),
)
# Not a "no": the program simply does not concern this household, so no next step.
NO_SCHOOL_AGE_MEMBER = ProgramResult(status="unlikely", reasons=("no_school_age_member",))


def screen(household: Household, on: date) -> ProgramResult:
    """School meals status: universal for pupils, so only age decides."""
    if school_age_members(household, on):
        return LIKELY
    if transitional_kindergarten_age(on) in household.member_ages:
        return IF_IN_TRANSITIONAL_KINDERGARTEN
    return NO_SCHOOL_AGE_MEMBER
