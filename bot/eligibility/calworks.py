"""CalWORKs (California TANF): cash aid for families with children, as an approximate range.

The rule, in the order it reads:
1. A needy child in the home (under 18, or 18 and finishing high school; W&I Code 11253), or
   a pregnant person.
2. Applicant test (W&I 11450.12): gross income minus $450 for each employed person at or under
   the Minimum Basic Standard of Adequate Care (MBSAC) for the family size and region.
3. Recipient test and grant (W&I 11450, 11451.5): net nonexempt income = earnings minus $600,
   minus 50% of the rest; it must be under the Maximum Aid Payment (MAP) for the AU size and
   region, and the grant is MAP minus that income, rounded down to the dollar.
Region 1 (17 high-cost counties) pays more than Region 2. What a screener cannot know (assets,
the 60-month time limit, who is in the assistance unit, exempt MAP, several earners) is left
out, and every answer says so with `calworks_approximate`.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_FLOOR, Decimal
from functools import lru_cache
from typing import NamedTuple

from bot.eligibility import codes
from bot.eligibility.model import Household, ProgramResult
from bot.eligibility.parameters import parameter, reference, value

CDSS = "states/ca/cdss/calworks"
REGION_1, REGION_2 = "region_1", "region_2"
ZERO = Decimal(0)


def county_name(county: str) -> str:
    """ "San Francisco County" and "san francisco" both read as "san francisco"."""
    name = county.strip().casefold()
    return name.removesuffix(" county").strip()


def region(household: Household, on: date) -> str | None:
    """The household's CalWORKs region, or None when the county is not known."""
    if not household.county:
        return None
    return REGION_1 if county_name(household.county) in _region_1(on) else REGION_2


@lru_cache(maxsize=512)  # the parameter tree never changes
def _region_1(on: date) -> frozenset[str]:
    return frozenset(county_name(c) for c in value(f"{CDSS}/region_1_counties", on))


@lru_cache(maxsize=64)
def _sizes(path: str, area: str) -> tuple[int, ...]:
    node = parameter(path).values[area]
    return tuple(sorted(int(k) for k in node if k.isdigit()))


@lru_cache(maxsize=4096)  # the parameter tree never changes
def maximum_aid_payment(area: str, size: int, on: date) -> int:
    """Non-exempt MAP for an AU of `size` in `area`; the largest row means "that many or more"."""
    path = f"{CDSS}/maximum_aid_payment"
    largest = max(_sizes(path, area))
    return int(value(path, on, area, min(size, largest)))


@lru_cache(maxsize=4096)
def mbsac(area: str, size: int, on: date) -> int:
    """MBSAC for a family of `size` in `area`; sizes over the table add `additional` each."""
    path = f"{CDSS}/mbsac"
    largest = max(_sizes(path, area))
    if size <= largest:
        return int(value(path, on, area, size))
    return int(value(path, on, area, largest)) + (size - largest) * int(
        value(path, on, area, "additional")
    )


@lru_cache(maxsize=512)
def map_carried_forward(on: date) -> bool:
    """Whether the MAP in force on `on` is an older figure carried forward, not published."""
    return reference(f"{CDSS}/maximum_aid_payment", on, REGION_1, 1).status == "carried_forward"


@lru_cache(maxsize=512)
def _disregards(on: date) -> tuple[Decimal, Decimal, Decimal]:
    """(applicant disregard per employed person, recipient flat disregard, share of the rest
    counted) in force on `on`."""
    path = f"{CDSS}/income_disregards"
    return (
        Decimal(str(value(path, on, "applicant_per_employed_person"))),
        Decimal(str(value(path, on, "recipient_flat"))),
        Decimal(str(value(path, on, "recipient_share_of_rest_counted"))),
    )


def passes_applicant_test(income: Decimal, area: str, size: int, on: date, *, earned: bool) -> bool:
    """Gross income less $450 (one employed person assumed) at or under the MBSAC."""
    disregard, _, _ = _disregards(on)
    countable = max(ZERO, income - disregard) if earned else income
    return countable <= mbsac(area, size, on)


def net_nonexempt_income(income: Decimal, on: date, *, earned: bool) -> Decimal:
    """Earnings less the first $600 and half of the rest; unearned income counts in full."""
    if not earned:
        return income
    _, flat, share = _disregards(on)
    return max(ZERO, income - flat) * share


def grant(income: Decimal, area: str, size: int, on: date, *, earned: bool) -> int:
    """Monthly grant, MAP minus net nonexempt income rounded down; 0 if a test is not met."""
    if not passes_applicant_test(income, area, size, on, earned=earned):
        return 0
    net = net_nonexempt_income(income, on, earned=earned)
    cap = maximum_aid_payment(area, size, on)
    if net >= cap:
        return 0
    return int((cap - net).to_integral_value(rounding=ROUND_FLOOR))


# Built for every household screened: a NamedTuple (immutable too) is much cheaper to build
# than a frozen dataclass.
class Estimate(NamedTuple):
    """Low and high monthly grant: the low end in Region 2 with income counted as unearned when
    unsure, the high end in Region 1 with income counted as earned when unsure."""

    low: int
    high: int


def estimate(household: Household, on: date) -> Estimate:
    """Grant range over what the screening does not know (region, whether income is earned)."""
    income = Decimal(str(household.monthly_income or 0))
    known = region(household, on)
    size = household.size
    low = grant(income, known or REGION_2, size, on, earned=household.earned_income is True)
    high = grant(income, known or REGION_1, size, on, earned=household.earned_income is not False)
    return Estimate(low=min(low, high), high=max(low, high))


@lru_cache(maxsize=512)
def child_max_age(on: date) -> int:
    """The oldest age of a needy child (W&I Code 11253: 18, finishing high school)."""
    return int(value(f"{CDSS}/ages", on, "child_max_age"))


def category_reasons(household: Household, on: date) -> tuple[str, ...]:
    """Who makes this a CalWORKs family: a child, or a pregnant person."""
    child_max = child_max_age(on)
    found = (
        ("calworks_child", min(household.member_ages) <= child_max),
        ("calworks_pregnant", bool(household.pregnant)),
    )
    return tuple(reason for reason, present in found if present)


NO_CHILD = ProgramResult(
    status="unlikely", reasons=("no_calworks_child",), next_steps=(codes.CALL_211,)
)


def screen(household: Household, on: date) -> ProgramResult:
    """CalWORKs status, monthly grant range, reasons and next steps."""
    categories = category_reasons(household, on)
    if not categories:
        return NO_CHILD
    if household.monthly_income is None:
        return ProgramResult(status="needs_info", reasons=(*categories, "income_unknown"))
    caveats: list[str] = []
    if region(household, on) is None:
        caveats.append("calworks_region_unknown")
    if map_carried_forward(on):
        caveats.append("calworks_map_carried_forward")
    caveats.append("calworks_approximate")
    amounts = estimate(household, on)
    if amounts.high == 0:
        return ProgramResult(
            status="unlikely",
            reasons=(*categories, "calworks_income_over_limit", *caveats),
            next_steps=(codes.CALL_211,),
        )
    return ProgramResult(
        status="likely" if amounts.low > 0 else "possible",
        monthly_amount=(amounts.low, amounts.high),
        reasons=(*categories, "calworks_income_within_limit", *caveats),
        next_steps=(codes.APPLY_BENEFITSCAL, codes.DOCUMENTS_CHECKLIST),
    )
