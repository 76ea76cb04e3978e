"""CARE: a 30-35% discount on electricity and 20% on natural gas from CPUC-regulated utilities.

The rule (PU Code 739.1; CPUC income guidelines, effective each June 1):
1. Categorical: someone in the household is enrolled in a listed program (Medi-Cal, CalFresh,
   WIC, CalWORKs/TANF, SSI, LIHEAP, NSLP free lunch, Head Start, ...). The screening counts
   CalFresh, Medi-Cal, WIC and CalWORKs when they are likely.
2. Income: total annual gross household income at or under 200% of the poverty guideline for
   the size (the table's first row is "1-2 people").
The discount is a share of the bill, not a dollar figure: the reason `care_discount_estimate`
says so. Municipal utilities (LADWP, SMUD, ...) run their own programs.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from bot.eligibility import codes, fpl
from bot.eligibility.model import INCOME_UNKNOWN, Household, ProgramResult
from bot.eligibility.parameters import value

CPUC = "states/ca/cpuc/care"


@lru_cache(maxsize=512)  # the parameter tree never changes
def vintage(on: date) -> int:
    """Guideline year of the CPUC table in force on `on` (a new table every June 1)."""
    return int(value(f"{CPUC}/fpl_vintage", on))


@lru_cache(maxsize=4096)
def annual_income_limit(program: str, size: int, on: date) -> int:
    """CPUC table: ceil(guideline x share) for the size, households of one on the 1-2 row."""
    table_size = max(size, int(value(f"{CPUC}/smallest_size", on)))
    share = value(f"{CPUC}/income_limits", on, program)
    return fpl.annual_limit(table_size, vintage(on), share)


def within_limit(household: Household, program: str, on: date) -> bool:
    """Monthly income x 12 at or under the program's annual limit."""
    income = household.monthly_income
    return income is not None and income * 12 <= annual_income_limit(program, household.size, on)


CAVEATS = ("care_discount_estimate", "care_cpuc_utilities_only")
# The three answers never vary (results are frozen): built once.
PROGRAM_BASED = ProgramResult(
    status="likely", reasons=("care_program_based", *CAVEATS), next_steps=(codes.APPLY_CARE,)
)
INCOME_WITHIN_LIMIT = ProgramResult(
    status="likely", reasons=("care_income_within_limit", *CAVEATS), next_steps=(codes.APPLY_CARE,)
)
INCOME_OVER_LIMIT = ProgramResult(status="unlikely", reasons=("care_income_over_limit",))


def screen(household: Household, on: date, *, programs: dict[str, ProgramResult]) -> ProgramResult:
    """CARE status from the programs already screened, then from income."""
    if any(result.status == "likely" for result in programs.values()):
        return PROGRAM_BASED
    if household.monthly_income is None:
        return INCOME_UNKNOWN
    if within_limit(household, "care", on):
        return INCOME_WITHIN_LIMIT
    return INCOME_OVER_LIMIT
