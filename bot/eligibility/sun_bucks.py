"""SUN Bucks (Summer EBT): $120 a summer for each school-age child in a lower-income family.

The rule, in the order it reads (42 USC 1762; California's plan as CDSS describes it):
1. A school-age child (the screening counts ages 5-18).
2. Streamlined certification: a child in a household that gets CalFresh or CalWORKs, or
   Medi-Cal at the income levels of direct certification (185% of the poverty line), gets it
   without applying.
3. Otherwise by application (a school meal application or California's Universal Benefits
   Application): household income at or under the reduced-price school meal limit, 185% of
   the poverty line on the FNS chart that changes every July 1.
4. The amount is per child, once a summer (42 USC 1762(b)(2)(A)); it is reported as `amount`
   with the period `summer`, never as a monthly amount. From September on, it is next
   summer's amount.
Screened after CalFresh, Medi-Cal and CalWORKs, whose results it reads.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from bot.eligibility import codes, fpl
from bot.eligibility.model import INCOME_UNKNOWN, Household, ProgramResult
from bot.eligibility.parameters import parameter, reference, value

SCHOOL_MEALS = "us/usda/school_meals"
SUMMER_EBT = "us/usda/summer_ebt"
CDSS = "states/ca/cdss/sun_bucks"


# The parameter tree is read once and never changes: each figure below is read once per date
# (and size), then cached for every household screened that day. Errors are not cached.


@lru_cache(maxsize=512)
def vintage(on: date) -> int:
    """Guideline year of the Child Nutrition chart in force on `on` (a new chart every July 1)."""
    return int(value(f"{SCHOOL_MEALS}/fpl_vintage", on))


@lru_cache(maxsize=4096)
def monthly_income_limit(size: int, on: date) -> int:
    """Monthly reduced-price meal limit: ceil(ceil(guideline x 1.85) / 12)."""
    path = f"{SCHOOL_MEALS}/income_limits"
    share = value(path, on, "reduced_price")
    return fpl.monthly_limit(size, vintage(on), share, parameter(path).rounding or "")


def annual_income_limit(size: int, on: date) -> int:
    """Annual reduced-price meal limit: ceil(guideline x 1.85)."""
    share = value(f"{SCHOOL_MEALS}/income_limits", on, "reduced_price")
    return fpl.annual_limit(size, vintage(on), share)


def summer(on: date) -> date:
    """The summer a screening on `on` is about, as January 1 of its year: this summer until its
    last month (August), then next summer."""
    last_month = int(value(f"{CDSS}/summer", on, "last_month"))
    return date(on.year if on.month <= last_month else on.year + 1, 1, 1)


@lru_cache(maxsize=512)
def benefit_per_child(on: date) -> int:
    """Summer EBT for one child for the summer a screening on `on` is about."""
    return int(value(f"{SUMMER_EBT}/benefit", summer(on)))


@lru_cache(maxsize=512)  # the parameter tree never changes
def amount_carried_forward(on: date) -> bool:
    """Whether that summer's amount is an earlier one, carried forward until FNS publishes it."""
    return reference(f"{SUMMER_EBT}/benefit", summer(on)).status == "carried_forward"


@lru_cache(maxsize=512)
def age_bounds(on: date) -> tuple[int, int]:
    """Youngest and oldest age the screening counts as a school-age child (5-18)."""
    return int(value(f"{CDSS}/ages", on, "min_age")), int(value(f"{CDSS}/ages", on, "max_age"))


def eligible_children(household: Household, on: date) -> int:
    """How many members are of SUN Bucks age."""
    low, high = age_bounds(on)
    return sum(1 for age in household.member_ages if low <= age <= high)


def within_income_limit(household: Household, on: date) -> bool:
    """Monthly income at or under the reduced-price chart for the household size."""
    income = household.monthly_income
    return income is not None and income <= monthly_income_limit(household.size, on)


def program_reasons(
    household: Household,
    on: date,
    *,
    calfresh: ProgramResult,
    medi_cal: ProgramResult,
    calworks: ProgramResult,
) -> tuple[str, ...]:
    """The programs that certify a child without an application."""
    found = (
        ("sun_bucks_calfresh", calfresh.status == "likely"),
        ("sun_bucks_calworks", calworks.status == "likely"),
        ("sun_bucks_medi_cal", medi_cal.status == "likely" and within_income_limit(household, on)),
    )
    return tuple(reason for reason, present in found if present)


NO_SCHOOL_AGE_MEMBER = ProgramResult(status="unlikely", reasons=("no_school_age_member",))


def screen(
    household: Household,
    on: date,
    *,
    calfresh: ProgramResult,
    medi_cal: ProgramResult,
    calworks: ProgramResult,
) -> ProgramResult:
    """SUN Bucks status, the summer amount for the household's children, reasons, next steps."""
    children = eligible_children(household, on)
    if not children:
        return NO_SCHOOL_AGE_MEMBER
    automatic = program_reasons(
        household, on, calfresh=calfresh, medi_cal=medi_cal, calworks=calworks
    )
    by_income = ("sun_bucks_income_within_limit",) if within_income_limit(household, on) else ()
    if not automatic and not by_income:
        if household.monthly_income is None:
            return INCOME_UNKNOWN
        return ProgramResult(
            status="unlikely",
            reasons=("sun_bucks_income_over_limit",),
            next_steps=(codes.CALL_211,),
        )
    carried = ("sun_bucks_amount_carried_forward",) if amount_carried_forward(on) else ()
    total = children * benefit_per_child(on)
    step = codes.SUN_BUCKS_AUTOMATIC if automatic else codes.SCHOOL_MEAL_APPLICATION
    return ProgramResult(
        status="likely",
        reasons=(*automatic, *by_income, *carried),
        next_steps=(step,),
        amount=(total, total),
        amount_period="summer",
    )
