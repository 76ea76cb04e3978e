"""Yearly tax credits from earned income: federal EITC, CalEITC and the Young Child Tax Credit.

What the screening knows and how it is read (the same for the three credits):
- Tax year: the return the person files next (`us/irs/tax_year`: until April 15, last
  year's; after, this year's). Amounts are yearly, in `yearly_amount`.
- Earned income for the year = monthly income x 12, only when `earned_income` is true; when
  it is unknown the credits need that answer, and `false` means $0 earned income.
- Qualifying children: members under 19 (26 USC 152(c)(3)). Students 19-23 can count too, but
  the screening cannot know who studies (reason `older_student_may_count`).
- Filing status, inferred conservatively: one adult (19+) files on the single/head of
  household schedule; two or more adults may be a married couple filing jointly or may not,
  so the range runs from the single schedule (low) to the joint schedule (high), all earnings
  and children on one return (`filing_status_range`).
Not asked, so not modelled: investment income limits, SSN/ITIN rules, AGI above earned income,
who in the household earns, and the qualifying child's residency and relationship tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import NamedTuple

from bot.eligibility import codes
from bot.eligibility.model import INCOME_UNKNOWN, Household, ProgramResult
from bot.eligibility.parameters import reference, value

IRS = "us/irs"
EITC = "us/irs/eitc"
CAL_EITC = "states/ca/ftb/cal_eitc"
YCTC = "states/ca/ftb/yctc/credit"
SINGLE, JOINT = "single", "joint"
ZERO = Decimal(0)


@lru_cache(maxsize=512)  # the parameter tree never changes
def tax_year(on: date) -> int:
    """The tax year whose return a person files next, on `on`."""
    return int(value(f"{IRS}/tax_year", on))


@lru_cache(maxsize=512)
def _year_end(on: date) -> date:
    # Tax-year figures are dated January 1 of the year; read them as of its last day.
    return date(tax_year(on), 12, 31)


@lru_cache(maxsize=64)
def _age_bounds(year_end: date) -> tuple[int, int, int]:
    """Qualifying child under-age, student under-age and YCTC child under-age for a tax year."""
    return (
        int(value(f"{EITC}/qualifying_child_age", year_end, "under_age")),
        int(value(f"{EITC}/qualifying_child_age", year_end, "student_under_age")),
        int(value(YCTC, year_end, "child_under_age")),
    )


def _dollars(amount: Decimal) -> int:
    return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))


# Built for every household screened: a NamedTuple (immutable too) is much cheaper to build
# than a frozen dataclass.
class TaxHousehold(NamedTuple):
    """The household as a tax return sees it: earnings, children, possible filing schedules."""

    earned: Decimal
    children: int
    children_under_6: int
    schedules: tuple[str, ...]
    adult_ages: tuple[int, ...]
    older_student_possible: bool


def tax_household(household: Household, on: date) -> TaxHousehold:
    """Yearly earnings and who could be on the return (see the module docstring)."""
    under, student_under, young = _age_bounds(_year_end(on))
    ages = household.member_ages
    oldest = max(ages)
    adults = tuple(age for age in ages if age >= under)
    children = [age for age in ages if age < under]
    if not adults:
        # Nobody 19+: the oldest files the return and cannot be their own qualifying child.
        children.remove(oldest)
        adults = (oldest,)
    earned = Decimal(str(household.monthly_income or 0)) * 12 if household.earned_income else ZERO
    return TaxHousehold(
        earned=earned,
        children=len(children),
        children_under_6=sum(1 for age in children if age < young),
        schedules=(SINGLE,) if len(adults) <= 1 else (SINGLE, JOINT),
        adult_ages=adults,
        # A member 19-23 other than the filer (the oldest) could be a student child.
        older_student_possible=sum(under <= age < student_under for age in ages)
        > (1 if under <= oldest < student_under else 0),
    )


@dataclass(frozen=True)
class EitcSchedule:
    """One row of the IRS table: rates, earned income amount, maximum, phaseout threshold."""

    phase_in: Decimal
    phase_out: Decimal
    amount: Decimal
    maximum: Decimal
    start: Decimal


@lru_cache(maxsize=256)
def eitc_schedule(year_end: date, kids: int, schedule: str) -> EitcSchedule:
    """The federal EITC figures of a tax year for 0-3 children and a filing schedule."""
    return EitcSchedule(
        phase_in=Decimal(str(value(f"{EITC}/phase_in_rate", year_end, kids))),
        phase_out=Decimal(str(value(f"{EITC}/phase_out_rate", year_end, kids))),
        amount=Decimal(value(f"{EITC}/earned_income_amount", year_end, kids)),
        maximum=Decimal(value(f"{EITC}/max_credit", year_end, kids)),
        start=Decimal(value(f"{EITC}/phase_out_start", year_end, schedule, min(kids, 1))),
    )


def federal_eitc(earned: Decimal, children: int, schedule: str, on: date) -> int:
    """26 USC 32(a): credit % x earned income up to the earned income amount, less the
    phaseout % of earned income over the threshold for the filing schedule, rounded to the
    dollar at the end (on exact income, not the $50 brackets of the IRS EIC Table)."""
    row = eitc_schedule(_year_end(on), min(children, 3), schedule)
    credit = row.phase_in * min(earned, row.amount)
    credit -= row.phase_out * max(ZERO, earned - row.start)
    return max(0, min(_dollars(credit), int(row.maximum)))


def childless_age_ok(adult_ages: tuple[int, ...], on: date) -> bool:
    """Without a qualifying child, the filer (or a spouse) must be 25-64."""
    low, high = _childless_ages(_year_end(on))
    return any(low <= age <= high for age in adult_ages)


@lru_cache(maxsize=64)
def _childless_ages(year_end: date) -> tuple[int, int]:
    return (
        int(value(f"{EITC}/childless_age", year_end, "min_age")),
        int(value(f"{EITC}/childless_age", year_end, "max_age")),
    )


@lru_cache(maxsize=64)
def _cal_eitc_figures(year_end: date, kids: int) -> tuple[Decimal, Decimal, Decimal, Decimal]:
    """(earned income limit, adjustment factor x credit %, peak earned income, maximum)."""
    limit = Decimal(value(f"{CAL_EITC}/limits", year_end, "earned_income_limit"))
    factor = Decimal(str(value(f"{CAL_EITC}/limits", year_end, "adjustment_factor")))
    rate = Decimal(str(value(f"{CAL_EITC}/credit_table", year_end, "credit_percentage", kids)))
    peak = Decimal(value(f"{CAL_EITC}/credit_table", year_end, "earned_income_amount", kids))
    return limit, factor * rate, peak, factor * rate * peak


def cal_eitc(earned: Decimal, children: int, on: date) -> int:
    """CalEITC, approximated: phase-in x 85% to the maximum at the earned income amount, then
    a straight line to $0 just above the earned income limit; whole dollars."""
    limit, rate, peak, maximum = _cal_eitc_figures(_year_end(on), min(children, 3))
    if earned <= 0 or earned > limit:
        return 0
    if earned <= peak:
        credit = rate * earned
    else:
        credit = maximum * (limit + 1 - earned) / (limit + 1 - peak)
    return _dollars(credit)


@lru_cache(maxsize=64)
def _yctc_figures(year_end: date) -> tuple[Decimal, Decimal, Decimal]:
    """(maximum credit, phase-out start, reduction per $100) of a tax year."""
    return (
        Decimal(value(YCTC, year_end, "max_credit")),
        Decimal(value(YCTC, year_end, "phase_out_start")),
        Decimal(str(value(YCTC, year_end, "phase_out_per_100"))),
    )


def yctc(earned: Decimal, on: date) -> int:
    """YCTC for one return: the full credit to the phase-out start, then less
    `phase_out_per_100` per $100 over it; $0 earned income gets the full credit."""
    maximum, start, per_100 = _yctc_figures(_year_end(on))
    return max(0, _dollars(maximum - per_100 * max(ZERO, earned - start) / 100))


@lru_cache(maxsize=512)  # the parameter tree never changes
def _carried_forward(path: str, on: date, *keys: object) -> bool:
    return reference(path, _year_end(on), *keys).status == "carried_forward"


EARNED_INCOME_UNKNOWN = ProgramResult(status="needs_info", reasons=("earned_income_unknown",))


def _income_gate(household: Household) -> ProgramResult | None:
    """Income or the earned-income answer missing: the credits need it."""
    if household.monthly_income is None:
        return INCOME_UNKNOWN
    if household.earned_income is None and household.monthly_income > 0:
        return EARNED_INCOME_UNKNOWN
    return None


def _unlikely(reasons: tuple[str, ...]) -> ProgramResult:
    return ProgramResult(status="unlikely", reasons=reasons, next_steps=(codes.CALL_211,))


def _result(amounts: tuple[int, int], reasons: list[str], steps: tuple[str, ...]) -> ProgramResult:
    """`likely` when both ends pay, `possible` when only the high end does, else `unlikely`."""
    low, high = amounts
    if high == 0:
        return _unlikely((*reasons, "earned_income_over_limit"))
    status = "likely" if low > 0 else "possible"
    return ProgramResult(
        status=status,  # type: ignore[arg-type]
        reasons=tuple(reasons),
        next_steps=steps,
        yearly_amount=amounts,
    )


def _shared_reasons(tax: TaxHousehold) -> list[str]:
    reasons = ["yearly_income_from_monthly"]
    if len(tax.schedules) > 1:
        reasons.append("filing_status_range")
    if tax.older_student_possible:
        reasons.append("older_student_may_count")
    return reasons


FEDERAL_STEPS = (codes.FREE_TAX_HELP_VITA, codes.MYFREETAXES_211)
STATE_STEPS = (codes.FILE_WITH_CALFILE, codes.FREE_TAX_HELP_VITA, codes.MYFREETAXES_211)


def screen(household: Household, on: date) -> dict[str, ProgramResult]:
    """The three credits for `household` on `on`, keyed by program id (YCTC reads CalEITC)."""
    tax = tax_household(household, on)
    cal = screen_cal_eitc(household, on, tax)
    return {
        "federal_eitc": screen_federal_eitc(household, on, tax),
        "cal_eitc": cal,
        "yctc": screen_yctc(household, on, tax, cal_eitc_result=cal),
    }


def screen_federal_eitc(household: Household, on: date, tax: TaxHousehold) -> ProgramResult:
    """Federal EITC for the tax year filed next: status, yearly range, reasons, next steps."""
    gate = _income_gate(household)
    if gate:
        return gate
    if tax.earned <= 0:
        return _unlikely(("no_earned_income",))
    reasons = _shared_reasons(tax)
    if tax.children == 0 and not childless_age_ok(tax.adult_ages, on):
        return _unlikely((*reasons, "childless_age_outside_range"))
    credits = [federal_eitc(tax.earned, tax.children, s, on) for s in tax.schedules]
    return _result((min(credits), max(credits)), reasons, FEDERAL_STEPS)


def screen_cal_eitc(household: Household, on: date, tax: TaxHousehold) -> ProgramResult:
    """CalEITC (approximate) for the tax year filed next; one schedule (no joint bonus)."""
    gate = _income_gate(household)
    if gate:
        return gate
    if tax.earned <= 0:
        return _unlikely(("no_earned_income",))
    reasons = [r for r in _shared_reasons(tax) if r != "filing_status_range"]
    minimum_age = _cal_eitc_childless_min_age(_year_end(on))
    if tax.children == 0 and not any(age >= minimum_age for age in tax.adult_ages):
        return _unlikely((*reasons, "childless_age_outside_range"))
    reasons.append("cal_eitc_approximate")
    if _carried_forward(f"{CAL_EITC}/limits", on, "earned_income_limit"):
        reasons.append("cal_eitc_figures_carried_forward")
    credit = cal_eitc(tax.earned, tax.children, on)
    return _result((credit, credit), reasons, STATE_STEPS)


@lru_cache(maxsize=64)
def _cal_eitc_childless_min_age(year_end: date) -> int:
    return int(value(f"{CAL_EITC}/limits", year_end, "childless_min_age"))


def screen_yctc(
    household: Household, on: date, tax: TaxHousehold, *, cal_eitc_result: ProgramResult
) -> ProgramResult:
    """YCTC: a child under 6 and CalEITC likely, or $0 earned income (from tax year 2022)."""
    if household.monthly_income is None:
        return INCOME_UNKNOWN
    if tax.children_under_6 == 0:
        return _unlikely(("no_child_under_6",))
    gate = _income_gate(household)
    if gate:
        return gate
    reasons = ["yctc_child_under_6"]
    if _carried_forward(YCTC, on, "max_credit"):
        reasons.append("cal_eitc_figures_carried_forward")
    if tax.earned <= 0:
        reasons.append("yctc_zero_earned_income")
    elif cal_eitc_result.status != "likely":
        return _unlikely((*reasons, "earned_income_over_limit"))
    else:
        reasons.append("yearly_income_from_monthly")
    credit = yctc(tax.earned, on)
    return _result((credit, credit), reasons, STATE_STEPS)
