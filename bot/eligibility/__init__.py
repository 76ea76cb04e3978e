"""AnyDoor's eligibility engine: `screen(household, on)` with the rules in force on that date."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from bot.eligibility import (
    calfresh,
    calworks,
    care,
    covered_california,
    fera,
    lifeline,
    medi_cal,
    school_meals,
    sun_bucks,
    tax_credits,
    what_if,
    wic,
)
from bot.eligibility.codes import CHANGE_CODES, NEXT_STEP_KEYS, REASON_CODES
from bot.eligibility.model import Household, ProgramResult, Screening
from bot.eligibility.parameters import ParameterError
from bot.eligibility.what_if import Comparison, ProgramChange

__all__ = [
    "CHANGE_CODES",
    "NEXT_STEP_KEYS",
    "REASON_CODES",
    "Comparison",
    "Household",
    "ParameterError",
    "ProgramChange",
    "ProgramResult",
    "Screening",
    "compare",
    "screen",
]

SUPPORTED_STATES = ("CA",)


def _household(household: Household | Mapping[str, Any]) -> Household:
    """Accept a `Household` or DESIGN.md's JSON shape; reject what no rule can read."""
    if not isinstance(household, Household):
        try:
            household = Household.from_dict(household)
        except (TypeError, ValueError) as error:
            raise ValueError(f"household is not in the expected shape: {error}") from None
    if household.state not in SUPPORTED_STATES:
        raise ValueError(f"only {', '.join(SUPPORTED_STATES)} households can be screened")
    if not household.member_ages:
        raise ValueError("member_ages needs at least one age")
    if min(household.member_ages) < 0 or max(household.member_ages) > 130:
        raise ValueError("member_ages must be between 0 and 130")
    if household.monthly_income is not None and household.monthly_income < 0:
        raise ValueError("monthly_income cannot be negative")
    if household.housing_cost is not None and household.housing_cost < 0:
        raise ValueError("housing_cost cannot be negative")
    return household


def screen(household: Household | Mapping[str, Any], on: date | None = None) -> Screening:
    """Screen one household for every program, with the rules in force on `on` (default today).

    Raises `ValueError` for a household no rule can read and `ParameterError` when no figures
    are in force on `on` (before the first dated value, or past a yearly update not yet loaded).
    """
    day = on or date.today()
    person = _household(household)
    # Dependency order: WIC reads the CalFresh and Medi-Cal results (adjunctive eligibility).
    calfresh_result = calfresh.screen(person, day)
    medi_cal_result = medi_cal.screen(person, day)
    programs = {
        "calfresh": calfresh_result,
        "medi_cal": medi_cal_result,
        "wic": wic.screen(person, day, calfresh=calfresh_result, medi_cal=medi_cal_result),
    }
    programs.update(_engine_a_programs(person, day, programs))
    # Covered California reads the Medi-Cal result; the tax credits (federal_eitc, cal_eitc,
    # yctc) are yearly, in `yearly_amount` (engine-b).
    programs["covered_california"] = covered_california.screen(
        person, day, medi_cal=medi_cal_result
    )
    programs.update(tax_credits.screen(person, day))
    return Screening(on=day, programs=programs)


def _engine_a_programs(
    person: Household, day: date, screened: dict[str, ProgramResult]
) -> dict[str, ProgramResult]:
    """School meals, CalWORKs, SUN Bucks, LifeLine, CARE, FERA, in dependency order: SUN Bucks
    reads CalFresh, Medi-Cal and CalWORKs; LifeLine and CARE read CalFresh, Medi-Cal, WIC and
    CalWORKs (program-based eligibility); FERA reads CARE."""
    calworks_result = calworks.screen(person, day)
    enrolled = {
        "calfresh": screened["calfresh"],
        "medi_cal": screened["medi_cal"],
        "wic": screened["wic"],
        "calworks": calworks_result,
    }
    care_result = care.screen(person, day, programs=enrolled)
    return {
        "school_meals": school_meals.screen(person, day),
        "sun_bucks": sun_bucks.screen(
            person,
            day,
            calfresh=screened["calfresh"],
            medi_cal=screened["medi_cal"],
            calworks=calworks_result,
        ),
        "calworks": calworks_result,
        "lifeline": lifeline.screen(person, day, programs=enrolled),
        "care": care_result,
        "fera": fera.screen(person, day, care_result=care_result),
    }


def compare(
    before: Household | Mapping[str, Any],
    after: Household | Mapping[str, Any],
    on: date | None = None,
) -> Comparison:
    """What changes, program by program, if the household `before` became `after` (same date).

    Raises what `screen` raises, for either household.
    """
    day = on or date.today()
    old, new = _household(before), _household(after)
    return what_if.compare_screenings(
        screen(old, day),
        screen(new, day),
        income_before=old.monthly_income,
        income_after=new.monthly_income,
    )
