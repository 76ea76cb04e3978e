"""Which PolicyEngine-US variables answer "eligible?" for each AnyDoor program, and when.

Adding a program to the comparison is one `Program` entry here (plus, if wanted, a cause
rule in causes.py). Periods: PolicyEngine's SNAP and WIC variables are monthly (the month of
the screening date, so 2026-11 is federal FY 2027), Medicaid and CHIP are yearly (the calendar
year of the screening date, with that year's poverty guidelines).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

MONTH, YEAR = "month", "year"


@dataclass(frozen=True)
class Program:
    """One program compared: our id, PolicyEngine's eligibility variables, their period."""

    id: str
    label: str
    eligible: tuple[str, ...]  # eligible when any of these is true for anyone in the household
    period: str  # MONTH or YEAR
    amount: str | None = None  # PolicyEngine's monthly amount, compared with our range
    diagnostics: tuple[tuple[str, str], ...] = ()  # (variable, period) the cause rules read


PROGRAMS: tuple[Program, ...] = (
    Program(
        id="calfresh",
        label="CalFresh",
        eligible=("is_snap_eligible",),
        period=MONTH,
        amount="snap",
        diagnostics=(
            ("is_tanf_non_cash_eligible", MONTH),
            ("meets_snap_gross_income_test", MONTH),
            ("meets_snap_net_income_test", MONTH),
            ("meets_snap_asset_test", MONTH),
            ("has_snap_elderly_disabled_member", MONTH),
            ("ca_snap_meets_allotment_requirement", MONTH),
            ("is_snap_excluded_member", MONTH),
            ("snap_gross_income", MONTH),
            ("snap_net_income", MONTH),
            ("snap_allotment_before_eligibility", MONTH),
            ("snap_utility_allowance", MONTH),
            ("snap_excess_medical_expense_deduction", MONTH),
            ("tanf_non_cash_gross_income_limit", MONTH),
        ),
    ),
    Program(
        id="medi_cal",
        label="Medi-Cal",
        # Full-scope Medi-Cal is Medicaid; the Medi-Cal Access Program (pregnancy, 213-322%)
        # is CHIP-funded, and PolicyEngine reports it as CHIP.
        eligible=("is_medicaid_eligible", "is_chip_eligible"),
        period=YEAR,
        diagnostics=(
            ("medicaid_category", YEAR),
            ("medicaid_income_level", YEAR),
            ("medicaid_household_size", YEAR),
            ("is_medicaid_immigration_status_eligible", YEAR),
        ),
    ),
    Program(
        id="wic",
        label="WIC",
        eligible=("is_wic_eligible",),
        period=MONTH,
        diagnostics=(
            ("wic_category", MONTH),
            ("meets_wic_income_test", MONTH),
            ("meets_wic_categorical_eligibility", MONTH),
        ),
    ),
)


def period_for(kind: str, on: date) -> str:
    """PolicyEngine's period string for a screening date: "2026-11" or "2026"."""
    return on.strftime("%Y-%m") if kind == MONTH else str(on.year)


def requests(on: date, programs: tuple[Program, ...] = PROGRAMS) -> list[dict[str, str]]:
    """Every variable to calculate, once each, with its period."""
    seen: dict[str, str] = {}
    for program in programs:
        for name in program.eligible:
            seen.setdefault(name, program.period)
        if program.amount:
            seen.setdefault(program.amount, program.period)
        for name, kind in program.diagnostics:
            seen.setdefault(name, kind)
    return [{"variable": name, "period": period_for(kind, on)} for name, kind in seen.items()]
