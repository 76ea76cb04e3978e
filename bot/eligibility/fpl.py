"""HHS poverty guidelines and the monthly income limits programs derive from them.

Each program picks the guideline year by its own vintage rule and rounds its chart its own way;
both are data (`rounding:` in the limit's parameter file, `fpl_vintage.yaml` per program).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import ROUND_CEILING, Decimal
from functools import lru_cache

from bot.eligibility.parameters import ParameterError, breakdown_keys, value

GUIDELINES = "us/hhs/poverty_guidelines"


@lru_cache(maxsize=1)  # the parameter tree is loaded once and never changes
def _listed_sizes() -> int:
    return max(int(k) for k in breakdown_keys(GUIDELINES) if k.isdigit())


@lru_cache(maxsize=1024)  # pure: the same size and year always give the same guideline
def guideline(size: int, vintage: int) -> int:
    """Annual poverty guideline for a household of `size` in guideline year `vintage`."""
    if size < 1:
        raise ValueError("a household has at least one person")
    # The guideline of year Y is the one in force on Dec 31 of Y (notices take effect in January).
    year_end = date(vintage, 12, 31)
    largest = _listed_sizes()
    if size <= largest:
        return int(value(GUIDELINES, year_end, size))
    return int(value(GUIDELINES, year_end, largest)) + (size - largest) * int(
        value(GUIDELINES, year_end, "additional")
    )


def additional_person(vintage: int) -> int:
    """Annual guideline increment for each person over the largest listed size."""
    return int(value(GUIDELINES, date(vintage, 12, 31), "additional"))


def _ceil(amount: Decimal) -> int:
    return int(amount.to_integral_value(rounding=ROUND_CEILING))


def rounded_up_monthly(annual: int, share: Decimal) -> int:
    """USDA (7 CFR 273.9(a)(3)): annual guideline x share / 12, rounded up to the dollar."""
    return _ceil(Decimal(annual) * share / 12)


def percent_of_rounded_monthly_guideline(annual: int, share: Decimal) -> int:
    """CDSS and DHCS charts: the monthly 100% guideline rounded up, x share, rounded up again."""
    return _ceil(Decimal(_ceil(Decimal(annual) / 12)) * share)


def rounded_up_annual(annual: int, share: Decimal) -> int:
    """WIC chart's annual column: annual guideline x share, rounded up to the dollar."""
    return _ceil(Decimal(annual) * share)


def rounded_up_annual_then_monthly(annual: int, share: Decimal) -> int:
    """WIC chart's monthly column: the rounded-up annual limit / 12, rounded up again."""
    return _ceil(Decimal(rounded_up_annual(annual, share)) / 12)


ROUNDING_RULES: dict[str, Callable[[int, Decimal], int]] = {
    "rounded_up_monthly": rounded_up_monthly,
    "percent_of_rounded_monthly_guideline": percent_of_rounded_monthly_guideline,
    "rounded_up_annual_then_monthly": rounded_up_annual_then_monthly,
}


@lru_cache(maxsize=4096)  # the parameter tree is loaded once and never changes
def monthly_limit(size: int, vintage: int, share: float | Decimal, rounding: str) -> int:
    """Monthly income limit at `share` of the guideline, rounded by the program's rule.

    Published charts give sizes 1-8 and an "each additional" amount computed from the
    guideline increment, so larger sizes add that rounded increment per person.
    """
    try:
        rule = ROUNDING_RULES[rounding]
    except KeyError:
        raise ParameterError(f"unknown rounding rule {rounding!r}") from None
    pct = Decimal(str(share))
    largest = _listed_sizes()
    if size <= largest:
        return rule(guideline(size, vintage), pct)
    return rule(guideline(largest, vintage), pct) + (size - largest) * rule(
        additional_person(vintage), pct
    )


def annual_limit(size: int, vintage: int, share: float | Decimal) -> int:
    """Annual income limit at `share` of the guideline, rounded up (the WIC chart's annual
    column); sizes over the listed ones add the rounded-up increment per person."""
    pct = Decimal(str(share))
    largest = _listed_sizes()
    if size <= largest:
        return rounded_up_annual(guideline(size, vintage), pct)
    return rounded_up_annual(guideline(largest, vintage), pct) + (
        size - largest
    ) * rounded_up_annual(additional_person(vintage), pct)


def monthly_limit_increment(vintage: int, share: float | Decimal, rounding: str) -> int:
    """The chart's "each additional member" amount at `share` of the guideline."""
    return ROUNDING_RULES[rounding](additional_person(vintage), Decimal(str(share)))
