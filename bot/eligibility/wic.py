"""WIC: pregnant people, infants and young children, at 185% of the poverty line or adjunctively.

The rule, in the order it reads:
1. Category (42 USC 1786(b)): a pregnant person, an infant under 1, or a child under 5.
   Postpartum and breastfeeding people qualify too, but the screening does not ask about a
   recent birth, so it cannot find them.
2. Income at or under the FNS chart for the household size, 185% of the poverty guideline
   (42 USC 1786(d)(2)(A)(i)); a pregnant person counts the expected baby (42 USC 1786(d)(2)(D)).
   The chart changes every July 1 and rounds its own way (both in `parameters/us/usda/wic/`).
3. Adjunctive income eligibility (42 USC 1786(d)(2)(A)(ii)): Medi-Cal or CalFresh makes the
   income test pass, so WIC is screened after both.
4. Nutritional risk is assessed at the WIC clinic (7 CFR 246.7(e)); a screener assumes it.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from bot.eligibility import codes, fpl
from bot.eligibility.model import Household, ProgramResult
from bot.eligibility.parameters import parameter, value

WIC = "us/usda/wic"


# The parameter tree is read once and never changes: each figure below is read once per date
# (and size), then cached for every household screened that day. Errors are not cached.


@lru_cache(maxsize=512)
def vintage(on: date) -> int:
    """Guideline year of the WIC chart in force on `on` (a new chart every July 1)."""
    return int(value(f"{WIC}/fpl_vintage", on))


@lru_cache(maxsize=4096)
def monthly_income_limit(size: int, on: date) -> int:
    """Monthly column of the FNS WIC chart: ceil(ceil(guideline x 1.85) / 12)."""
    path = f"{WIC}/income_limit"
    share = value(path, on)
    return fpl.monthly_limit(size, vintage(on), share, parameter(path).rounding or "")


def annual_income_limit(size: int, on: date) -> int:
    """Annual column of the FNS WIC chart: ceil(guideline x 1.85)."""
    return fpl.annual_limit(size, vintage(on), value(f"{WIC}/income_limit", on))


def household_size(household: Household) -> int:
    """Household size for WIC: everyone, plus the expected baby of a pregnant person."""
    return household.size + (1 if household.pregnant else 0)


@lru_cache(maxsize=512)
def category_ages(on: date) -> tuple[int, int]:
    """The oldest age of an infant (0) and of a child (4) in the WIC categories."""
    return (
        int(value(f"{WIC}/categories", on, "infant_max_age")),
        int(value(f"{WIC}/categories", on, "child_max_age")),
    )


def category_reasons(household: Household, on: date) -> tuple[str, ...]:
    """Which WIC categories the household shows: pregnant, an infant, a child under 5."""
    infant_max, child_max = category_ages(on)
    ages = household.member_ages
    found = (
        ("wic_pregnant", bool(household.pregnant)),
        ("wic_infant", min(ages) <= infant_max),
        ("wic_child", any(infant_max < age <= child_max for age in ages)),
    )
    return tuple(reason for reason, present in found if present)


def medi_cal_covers_a_wic_member(household: Household, medi_cal: ProgramResult, on: date) -> bool:
    """Whether the Medi-Cal result gives full-scope Medi-Cal (Medicaid) to a WIC member, or to a
    pregnant person or infant in the family (42 USC 1786(d)(2)(A)(ii)-(iii)): the pregnant
    person within 213%, or a child under 5 within the children's 266%. Older children's
    Medi-Cal does not count, nor does the Medi-Cal Access Program (`pregnant_mcap`), which is
    CHIP-funded, not Medicaid."""
    if medi_cal.status != "likely":
        return False
    if "pregnant_within_limit" in medi_cal.reasons:
        return True
    _, child_max = category_ages(on)
    young_child = min(household.member_ages) <= child_max
    return "children_within_limit" in medi_cal.reasons and young_child


def adjunctive_reasons(
    household: Household, on: date, calfresh: ProgramResult, medi_cal: ProgramResult
) -> tuple[str, ...]:
    """Programs that make WIC's income test pass: Medi-Cal for a WIC member, or CalFresh."""
    reasons: list[str] = []
    if medi_cal_covers_a_wic_member(household, medi_cal, on):
        reasons.append("adjunctive_medi_cal")
    if calfresh.status == "likely":
        reasons.append("adjunctive_calfresh")
    return tuple(reasons)


NO_CATEGORY_MEMBER = ProgramResult(  # never varies (results are frozen): built once
    status="unlikely", reasons=("no_wic_category_member",), next_steps=(codes.CALL_211,)
)


def screen(
    household: Household, on: date, *, calfresh: ProgramResult, medi_cal: ProgramResult
) -> ProgramResult:
    """WIC status, reasons and next steps, given the household's CalFresh and Medi-Cal results."""
    categories = category_reasons(household, on)
    if not categories:
        return NO_CATEGORY_MEMBER
    adjunctive = adjunctive_reasons(household, on, calfresh, medi_cal)
    income = household.monthly_income
    if income is None:
        if adjunctive:
            return _likely((*categories, *adjunctive))
        return ProgramResult(status="needs_info", reasons=(*categories, "income_unknown"))
    if income <= monthly_income_limit(household_size(household), on):
        return _likely((*categories, "wic_income_within_limit", *adjunctive))
    if adjunctive:
        return _likely((*categories, *adjunctive))
    return ProgramResult(
        status="unlikely",
        reasons=(*categories, "wic_income_over_limit"),
        next_steps=(codes.CALL_211,),
    )


def _likely(reasons: tuple[str, ...]) -> ProgramResult:
    return ProgramResult(status="likely", reasons=reasons, next_steps=(codes.APPLY_WIC,))
