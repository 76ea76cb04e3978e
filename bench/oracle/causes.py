"""Why AnyDoor and PolicyEngine disagree about a household: one cause per disagreement.

Each rule reads the household, our result and PolicyEngine's intermediate variables, and the
first rule that fits names the cause; "unexplained" is what is left. docs/oracle.md explains
every cause with its counts.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.eligibility import calfresh, medi_cal, wic
from bot.eligibility.model import Household

from .programs import MONTH, YEAR, period_for

UNEXPLAINED = "unexplained"
NEAR_LIMIT = 3.0  # dollars a month: where two ways of rounding a limit can disagree


def _pe(pe: dict[str, Any], name: str, on: date, kind: str) -> Any:
    return pe.get(f"{name}@{period_for(kind, on)}")


def _near(income: float, limit: float) -> bool:
    return abs(income - limit) <= NEAR_LIMIT


def _calfresh(
    household: dict[str, Any], result: dict[str, Any], pe: dict[str, Any], on: date, amount: bool
) -> str:
    person = Household.from_dict(household)
    income = float(person.monthly_income or 0)
    ours = result["status"] in ("likely", "possible")
    elderly_disabled_ours = calfresh.is_elderly_or_disabled(person, on)
    elderly_disabled_pe = bool(_pe(pe, "has_snap_elderly_disabled_member", on, MONTH))
    excluded = _pe(pe, "is_snap_excluded_member", on, MONTH) or []
    if excluded and all(excluded):
        return "PE excludes every member (work, student or immigration rule)"
    if elderly_disabled_ours != elderly_disabled_pe:
        return "disability: PE needs disability benefits (7 CFR 271.2), we take the answer"
    if amount:
        return _calfresh_amount(person, result, pe, on)
    if not _pe(pe, "meets_snap_asset_test", on, MONTH):
        return "PE applies asset test"
    limit = calfresh.gross_income_limit(person.size, on)
    pe_limit = float(_pe(pe, "tanf_non_cash_gross_income_limit", on, MONTH) or 0)
    if _near(income, limit) and (income <= limit) != (income <= pe_limit):
        return "rounding at the 200% limit (CDSS chart vs PE exact)"
    if "elderly_disabled_net_income_test" in result["reasons"]:
        return "elderly/disabled net test"
    if not _pe(pe, "ca_snap_meets_allotment_requirement", on, MONTH):
        return "$0 benefit for 3+ (amounts differ)"
    if ours and not _pe(pe, "meets_snap_gross_income_test", on, MONTH):
        return "PE gross test"
    return UNEXPLAINED


def _calfresh_amount(
    person: Household, result: dict[str, Any], pe: dict[str, Any], on: date
) -> str:
    low, high = result["monthly_amount"]
    snap = float(_pe(pe, "snap", on, MONTH) or 0)
    if abs(snap - high) <= 2 or abs(snap - low) <= 2:
        return "rounding in the benefit formula"
    return "our range vs PE point"


def _medi_cal(
    household: dict[str, Any], result: dict[str, Any], pe: dict[str, Any], on: date
) -> str:
    person = Household.from_dict(household)
    income = float(person.monthly_income or 0)
    ours = result["status"] == "likely"
    reasons = set(result["reasons"])
    categories = set(_pe(pe, "medicaid_category", on, YEAR) or [])
    near = []
    size = person.size
    for group, reason, group_size in (
        ("children", "children_within_limit", size),
        ("adults", "adults_within_limit", size),
        ("pregnant", "pregnant_within_limit", size + 1),
        ("pregnant_mcap", "pregnant_mcap", size + 1),
    ):
        limit = medi_cal.monthly_income_limit(group, group_size, on)
        if _near(income, limit):
            near.append(reason)
    if near:
        return "rounding at the limit (DHCS chart vs PE monthly ceiling)"
    if (
        ours
        and reasons & {"senior_or_disabled_within_limit"}
        and not (
            reasons & {"children_within_limit", "adults_within_limit", "pregnant_within_limit"}
        )
    ):
        return "senior/disabled path: PE counts the person's or couple's income"
    if not ours and " Senior or disabled" in categories or "SENIOR_OR_DISABLED" in categories:
        return "senior/disabled path: PE counts the person's or couple's income"
    return UNEXPLAINED


def _wic(household: dict[str, Any], result: dict[str, Any], pe: dict[str, Any], on: date) -> str:
    person = Household.from_dict(household)
    income = float(person.monthly_income or 0)
    limit = wic.monthly_income_limit(wic.household_size(person), on)
    if _near(income, limit):
        return "rounding at the limit (monthly chart vs PE annual column)"
    return UNEXPLAINED


def classify(
    program: str,
    household: dict[str, Any],
    result: dict[str, Any],
    pe: dict[str, Any],
    on: date,
    *,
    amount: bool = False,
) -> str:
    """The cause of a disagreement about `program` (or, with `amount`, about the amount)."""
    if program == "calfresh":
        return _calfresh(household, result, pe, on, amount)
    if program == "medi_cal":
        return _medi_cal(household, result, pe, on)
    if program == "wic":
        return _wic(household, result, pe, on)
    return UNEXPLAINED
