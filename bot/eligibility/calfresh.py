"""CalFresh (California SNAP): eligibility under Modified Categorical Eligibility, benefit range.

The rule, in the order it reads:
1. Gross income at or under the CDSS 200% limit (MCE, ACL 14-56): eligible, no asset test.
2. Over it, a household with an elderly (60+) or disabled member may still qualify on the federal
   path: net income at or under 100% of the poverty line (7 USC 2014(c)), asset test unknown.
3. Benefit = maximum allotment - 30% of net income (7 USC 2017(a)), with the deductions of
   7 USC 2014(e); households of 1-2 get at least the minimum benefit, households of 3+ with a
   $0 benefit are denied (7 CFR 273.10(e)(2)(iii); ACL 14-56).
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import NamedTuple

from bot.eligibility import codes, fpl
from bot.eligibility.model import INCOME_UNKNOWN, Household, ProgramResult
from bot.eligibility.parameters import breakdown_keys, parameter, reference, value

SNAP = "us/usda/snap"
CDSS = "states/ca/cdss/calfresh"
ZERO = Decimal(0)

# The parameter tree is read once and never changes, so every figure below depends only on its
# arguments (a date, a household size): each is read once per day and size, then cached, and
# every household screened that day reuses it. Errors are not cached.


@lru_cache(maxsize=512)
def snap_vintage(on: date) -> int:
    """Guideline year SNAP standards use on `on` (the FY from Oct 1 uses that year's)."""
    return int(value(f"{SNAP}/fpl_vintage", on))


@lru_cache(maxsize=4096)
def gross_income_limit(size: int, on: date) -> int:
    """CDSS MCE gross limit: 200% of the guideline, as 2 x the rounded-up USDA net standard."""
    path = f"{CDSS}/gross_income_limit"
    share = value(path, on)
    return fpl.monthly_limit(size, snap_vintage(on), share, parameter(path).rounding or "")


@lru_cache(maxsize=4096)
def net_income_limit(size: int, on: date) -> int:
    """USDA net income standard: 100% of the guideline / 12, rounded up (7 CFR 273.9(a)(3))."""
    path = f"{SNAP}/income_limits"
    share = value(path, on, "net")
    return fpl.monthly_limit(size, snap_vintage(on), share, parameter(path).rounding or "")


def _by_size(path: str, size: int, on: date) -> Decimal:
    """A per-size SNAP figure; sizes over the table add `additional` or use the last row."""
    sizes = [int(k) for k in breakdown_keys(path) if k.isdigit()]
    largest = max(sizes)
    if size <= largest:
        return Decimal(str(value(path, on, size)))
    base = Decimal(str(value(path, on, largest)))
    if "additional" in breakdown_keys(path):
        return base + (size - largest) * Decimal(str(value(path, on, "additional")))
    return base


@lru_cache(maxsize=4096)
def max_allotment(size: int, on: date) -> int:
    """USDA maximum monthly allotment for the household size (FNS COLA)."""
    return int(_by_size(f"{SNAP}/max_allotment", size, on))


@lru_cache(maxsize=4096)
def standard_deduction(size: int, on: date) -> Decimal:
    """USDA standard deduction by household size; 6 means 6 or more (7 USC 2014(e)(1))."""
    return _by_size(f"{SNAP}/standard_deduction", size, on)


@lru_cache(maxsize=512)
def standard_utility_allowance(on: date) -> int:
    """California SUA (heating/cooling) from the CDSS COLA notice."""
    return int(value(f"{CDSS}/utility_allowances", on, "sua"))


@lru_cache(maxsize=512)
def utility_allowance_carried_forward(on: date) -> bool:
    """Whether the SUA in force on `on` is last year's amount carried forward, not published."""
    return reference(f"{CDSS}/utility_allowances", on, "sua").status == "carried_forward"


@lru_cache(maxsize=512)
def elderly_age(on: date) -> int:
    """The age from which a member is elderly (7 CFR 271.2: 60)."""
    return int(value(f"{SNAP}/elderly_age", on))


def is_elderly_or_disabled(household: Household, on: date) -> bool:
    """A member 60 or older, or a member with a disability (7 CFR 271.2)."""
    elderly_from = elderly_age(on)
    return bool(household.disability) or max(household.member_ages) >= elderly_from


@lru_cache(maxsize=512)
def earned_income_deduction_rate(on: date) -> Decimal:
    """Share of earnings deducted (7 USC 2014(e)(2): 20%)."""
    return Decimal(str(value(f"{SNAP}/earned_income_deduction_rate", on)))


@lru_cache(maxsize=512)
def shelter_income_share(on: date) -> Decimal:
    """Shelter costs count above this share of income (7 USC 2014(e)(6)(A): half)."""
    return Decimal(str(value(f"{SNAP}/shelter_income_share", on)))


@lru_cache(maxsize=512)
def excess_shelter_cap(on: date) -> Decimal:
    """The excess shelter deduction's cap, except for elderly or disabled members
    (7 USC 2014(e)(6)(B))."""
    return Decimal(value(f"{SNAP}/excess_shelter_cap", on))


@lru_cache(maxsize=512)
def benefit_reduction_rate(on: date) -> Decimal:
    """Share of net income by which the maximum allotment is reduced (7 USC 2017(a): 30%)."""
    return Decimal(str(value(f"{SNAP}/benefit_reduction_rate", on)))


@lru_cache(maxsize=512)
def minimum_benefit(on: date) -> int:
    """The minimum monthly benefit of households of one or two (7 USC 2017(a))."""
    return int(value(f"{SNAP}/minimum_benefit", on))


def _ceil(amount: Decimal) -> int:
    return int(amount.to_integral_value(rounding=ROUND_CEILING))


def net_income(
    gross: Decimal,
    size: int,
    on: date,
    *,
    earned: bool,
    shelter_costs: Decimal,
    elderly_or_disabled: bool,
) -> Decimal:
    """Net monthly income after the SNAP deductions, in the order 7 USC 2014(e) lists them,
    rounded to the dollar. `shelter_costs` are housing plus any utility allowance."""
    earned_deduction = gross * earned_income_deduction_rate(on)
    adjusted = max(ZERO, gross - (earned_deduction if earned else 0) - standard_deduction(size, on))
    excess_shelter = max(ZERO, shelter_costs - shelter_income_share(on) * adjusted)
    if not elderly_or_disabled:
        excess_shelter = min(excess_shelter, excess_shelter_cap(on))
    return _round_to_dollar(max(ZERO, adjusted - excess_shelter))


def _round_to_dollar(amount: Decimal) -> Decimal:
    """Net income to the nearest dollar, 50 cents up (7 CFR 273.10(e)(1)(ii)(A); CalFresh
    budgets in dollars and cents, then round the net income this way before the allotment)."""
    return amount.quantize(Decimal(1), rounding=ROUND_HALF_UP)


def benefit(size: int, net: Decimal, on: date) -> int:
    """Maximum allotment minus 30% of net income rounded up to the dollar (7 CFR 273.10(e)(2))."""
    return max(0, max_allotment(size, on) - _ceil(benefit_reduction_rate(on) * net))


def with_minimum_benefit(size: int, amount: int, on: date) -> int:
    """Eligible households of one or two get at least the minimum benefit (7 USC 2017(a))."""
    if size <= 2:
        return max(amount, minimum_benefit(on))
    return amount


def work_rules_may_apply(household: Household, on: date) -> bool:
    """H.R. 1 ABAWD time limit (CA from 2026-06-01): everyone 18-64, nobody disabled or pregnant,
    no child under 14."""
    if not _abawd_in_effect(on):
        return False
    low, high, child_under = _abawd_ages(on)
    ages = household.member_ages
    return (
        all(low <= age <= high for age in ages)
        and not any(age < child_under for age in ages)
        and not household.disability
        and not household.pregnant
    )


@lru_cache(maxsize=512)
def _abawd_in_effect(on: date) -> bool:
    return bool(value(f"{CDSS}/abawd_in_effect", on))


@lru_cache(maxsize=512)
def _abawd_ages(on: date) -> tuple[int, int, int]:
    """(youngest, oldest, exempt with a child under) of the ABAWD time limit."""
    return (
        int(value(f"{SNAP}/abawd", on, "min_age")),
        int(value(f"{SNAP}/abawd", on, "max_age")),
        int(value(f"{SNAP}/abawd", on, "exempt_child_under")),
    )


# Built for every household screened: a NamedTuple (immutable too) is much cheaper to build
# than a frozen dataclass.
class Estimate(NamedTuple):
    """Low and high monthly benefit and what shaped the range."""

    low: int
    high: int
    high_net_income: Decimal
    minimum_applied: bool


def estimate(household: Household, on: date) -> Estimate:
    """Benefit range: the low end without a utility allowance (unless elderly/disabled, who get
    the SUA through SUAS) and counting income as unearned when unsure; the high end with the SUA."""
    sua = standard_utility_allowance(on)
    elderly_or_disabled = is_elderly_or_disabled(household, on)
    gross = Decimal(str(household.monthly_income or 0))
    housing = Decimal(str(household.housing_cost or 0.0))
    size = household.size
    low_net = net_income(
        gross,
        size,
        on,
        earned=household.earned_income is True,
        shelter_costs=housing + (sua if elderly_or_disabled else 0),
        elderly_or_disabled=elderly_or_disabled,
    )
    high_net = net_income(
        gross,
        size,
        on,
        earned=household.earned_income is not False,
        shelter_costs=housing + sua,
        elderly_or_disabled=elderly_or_disabled,
    )
    low_raw, high_raw = benefit(size, low_net, on), benefit(size, high_net, on)
    low = with_minimum_benefit(size, low_raw, on)
    high = with_minimum_benefit(size, high_raw, on)
    return Estimate(low, high, high_net, minimum_applied=(low != low_raw or high != high_raw))


def screen(household: Household, on: date) -> ProgramResult:
    """CalFresh status, benefit range, reasons and next steps for `household` on `on`."""
    if household.monthly_income is None:
        return INCOME_UNKNOWN
    size = household.size
    elderly_or_disabled = is_elderly_or_disabled(household, on)
    reasons: list[str] = []
    status = "likely"
    if household.monthly_income <= gross_income_limit(size, on):
        reasons.append("gross_income_within_limit")
        amounts = estimate(household, on)
    elif elderly_or_disabled:
        reasons += ["gross_income_over_limit", "elderly_disabled_net_income_test"]
        amounts = estimate(household, on)
        if amounts.high_net_income > net_income_limit(size, on):
            return _unlikely((*reasons, "net_income_over_limit"))
        status = "possible"
    else:
        return _unlikely(("gross_income_over_limit",))

    if amounts.high == 0:
        return _unlikely((*reasons, "benefit_estimate_zero"))
    if amounts.minimum_applied:
        reasons.append("minimum_benefit")
    if household.housing_cost is None:
        reasons.append("housing_cost_unknown")
    if not elderly_or_disabled and amounts.low != amounts.high:
        reasons.append("utility_allowance_range")
    if utility_allowance_carried_forward(on):
        reasons.append("utility_allowance_carried_forward")
    if work_rules_may_apply(household, on):
        reasons.append("work_rules_may_apply")
    steps: tuple[str, ...] = (codes.APPLY_BENEFITSCAL, codes.DOCUMENTS_CHECKLIST)
    if status == "possible":
        steps = (codes.APPLY_BENEFITSCAL, codes.CALL_CALFRESH_LINE, codes.DOCUMENTS_CHECKLIST)
    return ProgramResult(
        status=status,  # type: ignore[arg-type]
        monthly_amount=(amounts.low, amounts.high),
        reasons=tuple(reasons),
        next_steps=steps,
    )


def _unlikely(reasons: tuple[str, ...]) -> ProgramResult:
    return ProgramResult(status="unlikely", reasons=reasons, next_steps=(codes.CALL_211,))
