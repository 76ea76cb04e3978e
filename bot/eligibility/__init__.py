"""AnyDoor's eligibility engine: `screen(household, on)` with the rules in force on that date."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from bot.eligibility import calfresh, medi_cal
from bot.eligibility.codes import NEXT_STEP_KEYS, REASON_CODES
from bot.eligibility.model import Household, ProgramResult, Screening
from bot.eligibility.parameters import ParameterError

__all__ = [
    "NEXT_STEP_KEYS",
    "REASON_CODES",
    "Household",
    "ParameterError",
    "ProgramResult",
    "Screening",
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
    if any(age < 0 or age > 130 for age in household.member_ages):
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
    return Screening(
        on=day,
        programs={
            "calfresh": calfresh.screen(person, day),
            "medi_cal": medi_cal.screen(person, day),
        },
    )
