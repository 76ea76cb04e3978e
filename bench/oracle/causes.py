"""Why AnyDoor and PolicyEngine disagree about a household: one cause per disagreement.

Each rule reads the household, our result and PolicyEngine's intermediate variables; the first
rule that fits names the cause, and "unexplained" is what is left. docs/oracle.md explains
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
C_CHIP_COUNTIES = frozenset({"San Francisco", "San Mateo", "Santa Clara"})

DISABILITY = "disability: PE needs disability benefits (7 CFR 271.2), we take the answer"
CALFRESH_ROUNDING = "rounding at the 200% limit (CDSS chart vs PE exact)"
NET_TEST = "elderly/disabled net test"
ASSET_TEST = "PE applies asset test"
EXCLUDED = "PE excludes every member (work, student or immigration rule)"
ZERO_BENEFIT = "$0 benefit for 3+ (amounts differ)"
MEDICAL = "PE deducts the Medicare Part B premium (65+); we ask no medical costs"
BENEFIT_ROUNDING = "rounding in the benefit formula"
RANGE = "our range vs PE point"
MEDI_CAL_ROUNDING = "rounding at the limit (DHCS chart vs PE monthly ceiling)"
NON_MAGI = "senior/disabled path: PE tests the person's or couple's own income"
MAGI_HOUSEHOLD = "MAGI household: other adults form their own household, with no income"
WDP = "250% Working Disabled Program (not screened)"
C_CHIP = "C-CHIP county, children 266-322% (not screened)"
IMMIGRATION = "PE immigration default"
POSSIBLE_OWN_INCOME = "we say possible: the income may be someone else's (PE gives it all to one)"
POSSIBLE_WDP = "we say possible: 250% Working Disabled Program, PE's tests differ"
POSSIBLE_C_CHIP = "we say possible: C-CHIP county, PE's child is over"
WIC_ROUNDING = "rounding at the limit (monthly chart vs PE annual column)"
WIC_FOLLOWS = "adjunctive: follows a Medi-Cal or CalFresh difference"
WIC_OWN_MEDICAID = "adjunctive: PE needs the WIC member's own Medicaid"
WIC_FOLLOWS_POSSIBLE = "adjunctive: PE's own-income Medicaid; our Medi-Cal says possible"


def _pe(pe: dict[str, Any], name: str, on: date, kind: str) -> Any:
    return pe.get(f"{name}@{period_for(kind, on)}")


def _near(income: float, limit: float) -> bool:
    return abs(income - limit) <= NEAR_LIMIT


def _calfresh(
    household: dict[str, Any], result: dict[str, Any], pe: dict[str, Any], on: date, amount: bool
) -> str:
    person = Household.from_dict(household)
    income = float(person.monthly_income or 0)
    excluded = _pe(pe, "is_snap_excluded_member", on, MONTH) or []
    if excluded and all(excluded):
        return EXCLUDED
    elderly_disabled_pe = bool(_pe(pe, "has_snap_elderly_disabled_member", on, MONTH))
    if calfresh.is_elderly_or_disabled(person, on) != elderly_disabled_pe:
        return DISABILITY
    if amount:
        return _calfresh_amount(result, pe, on)
    if not _pe(pe, "meets_snap_asset_test", on, MONTH):
        return ASSET_TEST
    limit = calfresh.gross_income_limit(person.size, on)
    pe_limit = float(_pe(pe, "tanf_non_cash_gross_income_limit", on, MONTH) or 0)
    if _near(income, limit) and (income <= limit) != (income <= pe_limit):
        return CALFRESH_ROUNDING
    medical = float(_pe(pe, "snap_excess_medical_expense_deduction", on, MONTH) or 0)
    if medical > 0 and result["status"] == "unlikely":
        return MEDICAL
    if "elderly_disabled_net_income_test" in result["reasons"]:
        return NET_TEST
    if not _pe(pe, "ca_snap_meets_allotment_requirement", on, MONTH):
        return ZERO_BENEFIT
    return UNEXPLAINED


def _calfresh_amount(result: dict[str, Any], pe: dict[str, Any], on: date) -> str:
    low, high = result["monthly_amount"]
    snap = float(_pe(pe, "snap", on, MONTH) or 0)
    if float(_pe(pe, "snap_excess_medical_expense_deduction", on, MONTH) or 0) > 0:
        return MEDICAL
    if abs(snap - high) <= 1 or abs(snap - low) <= 1:
        return BENEFIT_ROUNDING
    return RANGE


def _any(values: Any) -> bool:
    return any(values) if isinstance(values, list) else bool(values)


def _near_medi_cal_limit(person: Household, on: date) -> bool:
    income = float(person.monthly_income or 0)
    size = medi_cal.magi_household_size(person)
    return any(
        _near(income, medi_cal.monthly_income_limit(group, size, on))
        for group in ("children", "adults", "pregnant", "pregnant_mcap")
    )


def _medi_cal(
    household: dict[str, Any], result: dict[str, Any], pe: dict[str, Any], on: date
) -> str:
    person = Household.from_dict(household)
    reasons = set(result["reasons"])
    if result["status"] == "possible":
        # Over every limit on the pooled income; PolicyEngine gave all of it to the respondent.
        if "may_qualify_on_own_income" in reasons:
            return POSSIBLE_OWN_INCOME
        if "working_disabled_program_may_apply" in reasons:
            return POSSIBLE_WDP
        if "county_childrens_program_may_apply" in reasons:
            return POSSIBLE_C_CHIP
        return UNEXPLAINED
    if result["status"] == "likely":
        # PolicyEngine's limits round lower than the DHCS chart, so at a limit only we can be
        # the one saying yes.
        if _near_medi_cal_limit(person, on):
            return MEDI_CAL_ROUNDING
        if not _any(_pe(pe, "is_medicaid_immigration_status_eligible", on, YEAR) or [True]):
            return IMMIGRATION
        if reasons & {"senior_or_disabled_within_limit"} and not reasons & {
            "children_within_limit",
            "adults_within_limit",
            "pregnant_within_limit",
            "pregnant_mcap",
        }:
            return NON_MAGI
        return UNEXPLAINED
    # PolicyEngine finds someone eligible whom we do not: who, and through what?
    medicaid = _pe(pe, "is_medicaid_eligible", on, YEAR) or []
    chip = _pe(pe, "is_chip_eligible", on, YEAR) or []
    categories = _pe(pe, "medicaid_category", on, YEAR) or []
    sizes = _pe(pe, "medicaid_household_size", on, YEAR) or []
    eligible = [i for i in range(len(medicaid)) if medicaid[i] or chip[i]]
    chosen = {categories[i] for i in eligible}
    if "WORKING_DISABLED_BUY_IN" in chosen:
        return WDP
    if any(chip[i] and not medicaid[i] for i in eligible) and household.get("county") in (
        C_CHIP_COUNTIES
    ):
        return C_CHIP
    if "SENIOR_OR_DISABLED" in chosen:
        return NON_MAGI
    if any(sizes[i] < medi_cal.magi_household_size(person) for i in eligible):
        return MAGI_HOUSEHOLD
    return UNEXPLAINED


def _wic(
    household: dict[str, Any],
    result: dict[str, Any],
    pe: dict[str, Any],
    on: date,
    others: dict[str, bool],
) -> str:
    person = Household.from_dict(household)
    income = float(person.monthly_income or 0)
    reasons = set(result["reasons"])
    if others.get("medi_cal") and (
        "adjunctive_medi_cal" in reasons or result["status"] != "likely"
    ):
        return WIC_FOLLOWS
    if "adjunctive_medi_cal" in reasons and _near_medi_cal_limit(person, on):
        return WIC_FOLLOWS  # the WIC member's own Medi-Cal differs at a DHCS limit
    if others.get("calfresh") and (
        "adjunctive_calfresh" in reasons or result["status"] != "likely"
    ):
        return WIC_FOLLOWS
    if _near(income, wic.monthly_income_limit(wic.household_size(person), on)):
        return WIC_ROUNDING
    ours_medi_cal = medi_cal.screen(person, on)
    if result["status"] == "unlikely" and "may_qualify_on_own_income" in ours_medi_cal.reasons:
        # A pregnant adult daughter, say: her own Medicaid passes WIC in PolicyEngine; our
        # Medi-Cal answer is only "possible", which WIC's adjunctive path does not take.
        return WIC_FOLLOWS_POSSIBLE
    if "adjunctive_medi_cal" in reasons:
        return WIC_OWN_MEDICAID
    return UNEXPLAINED


def classify(
    program: str,
    household: dict[str, Any],
    result: dict[str, Any],
    pe: dict[str, Any],
    on: date,
    *,
    amount: bool = False,
    others: dict[str, bool] | None = None,
) -> str:
    """The cause of a disagreement about `program` (with `amount`, about the CalFresh amount).
    `others` says which other programs the two engines disagree on for this household."""
    if program == "calfresh":
        return _calfresh(household, result, pe, on, amount)
    if program == "medi_cal":
        return _medi_cal(household, result, pe, on)
    if program == "wic":
        return _wic(household, result, pe, on, others or {})
    return UNEXPLAINED
