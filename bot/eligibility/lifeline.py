"""California LifeLine: a discount on one home phone, cell phone or internet plan.

The rule (CPUC; PU Code 871-884), two ways in:
1. Program-based: someone in the household is enrolled in a listed program (Medi-Cal,
   CalFresh, WIC, CalWORKs/TANF, SSI, LIHEAP, Section 8, NSLP free lunch, ...). The screening
   counts CalFresh, Medi-Cal, WIC and CalWORKs when they are likely.
2. Income-based: total annual gross household income at or under the CPUC limit for the size,
   effective each June 1.
Screened after CalFresh, Medi-Cal, WIC and CalWORKs, whose results it reads.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from bot.eligibility import codes
from bot.eligibility.model import INCOME_UNKNOWN, Household, ProgramResult
from bot.eligibility.parameters import breakdown_keys, reference, value

CPUC = "states/ca/cpuc/lifeline"
LIMITS = f"{CPUC}/income_limits"


@lru_cache(maxsize=4096)  # the parameter tree never changes
def annual_income_limit(size: int, on: date) -> int:
    """CPUC LifeLine annual limit for `size` people; sizes over the table add `additional`."""
    largest = _largest_size()
    if size <= largest:
        return int(value(LIMITS, on, size))
    return int(value(LIMITS, on, largest)) + (size - largest) * int(value(LIMITS, on, "additional"))


@lru_cache(maxsize=1)
def _largest_size() -> int:
    return max(int(k) for k in breakdown_keys(LIMITS) if k.isdigit())


@lru_cache(maxsize=512)  # the parameter tree never changes
def limits_carried_forward(on: date) -> bool:
    """Whether the limits in force on `on` are last year's, carried forward."""
    return reference(LIMITS, on, 1).status == "carried_forward"


PROGRAM_BASED = ProgramResult(  # never varies (results are frozen): built once
    status="likely", reasons=("lifeline_program_based",), next_steps=(codes.APPLY_LIFELINE,)
)


def screen(household: Household, on: date, *, programs: dict[str, ProgramResult]) -> ProgramResult:
    """LifeLine status from the programs already screened, then from income."""
    steps = (codes.APPLY_LIFELINE,)
    if any(result.status == "likely" for result in programs.values()):
        return PROGRAM_BASED
    income = household.monthly_income
    if income is None:
        return INCOME_UNKNOWN
    carried = ("lifeline_limits_carried_forward",) if limits_carried_forward(on) else ()
    if income * 12 <= annual_income_limit(household.size, on):
        return ProgramResult(
            status="likely", reasons=("lifeline_income_within_limit", *carried), next_steps=steps
        )
    return ProgramResult(
        status="unlikely",
        reasons=("lifeline_income_over_limit", *carried),
        next_steps=(codes.CALL_211,),
    )
