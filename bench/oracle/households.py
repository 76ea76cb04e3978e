"""Random California households in DESIGN.md's JSON shape, seeded, shared by both engines.

Incomes are concentrated around the income limits the three programs use (100%, 130%, 138%,
185%, 200%, 213%, 266% and 322% of the poverty guideline, monthly), with a share exactly at
a limit and a dollar either side, because that is where two rule engines disagree. The
guideline table here only aims the samples; neither engine reads it.
"""

from __future__ import annotations

import math
import random
from typing import Any

MAX_INCOME = 12_000

# HHS 2026 guideline (48 states + DC): first person and each additional person, per year.
_GUIDELINE_FIRST, _GUIDELINE_EACH = 15_960, 5_680
_LIMIT_SHARES = (1.00, 1.30, 1.38, 1.85, 2.00, 2.13, 2.66, 3.22)

# Household size weights, roughly California's mix of low-income households.
_SIZE_WEIGHTS = {1: 26, 2: 24, 3: 17, 4: 15, 5: 9, 6: 5, 7: 2.5, 8: 1.5}

# California counties and rough population weights (PolicyEngine reads the county for
# county-run programs such as C-CHIP and ABAWD waivers; AnyDoor does not use it yet).
COUNTIES = {
    "Los Angeles": 25,
    "San Diego": 8,
    "Orange": 8,
    "Riverside": 6,
    "San Bernardino": 6,
    "Santa Clara": 5,
    "Alameda": 4,
    "Sacramento": 4,
    "Contra Costa": 3,
    "Fresno": 3,
    "Kern": 2.5,
    "San Francisco": 2,
    "San Mateo": 2,
    "Ventura": 2,
    "San Joaquin": 2,
    "Stanislaus": 1.5,
    "Tulare": 1.5,
    "Sonoma": 1,
    "Monterey": 1,
    "Humboldt": 0.5,
    "Imperial": 0.5,
    "Shasta": 0.5,
}


def _weighted(rng: random.Random, weights: dict[Any, float]) -> Any:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def member_ages(rng: random.Random, size: int) -> list[int]:
    """The respondent first (an adult), then the others: a partner, children, elders."""
    shape = rng.random()
    if size == 1:
        return [rng.choice((rng.randint(18, 59), rng.randint(18, 59), rng.randint(60, 90)))]
    if shape < 0.12:  # older adults living together
        return [rng.randint(55, 92) for _ in range(size)]
    if shape < 0.22 and size >= 2:  # adults only (roommates, grown children)
        return [rng.randint(18, 64) for _ in range(size)]
    adults = 1 if rng.random() < 0.45 or size == 2 else 2
    if size >= 4 and rng.random() < 0.2:
        adults += 1  # a grandparent or an adult child at home
    ages = [rng.randint(18, 50)]
    if adults >= 2:
        ages.append(max(18, ages[0] + rng.randint(-6, 6)))
    if adults >= 3:
        ages.append(rng.choice((rng.randint(55, 85), rng.randint(18, 24))))
    oldest_parent = min(ages[:2]) if len(ages) >= 2 else ages[0]
    while len(ages) < size:
        # Children of the respondent, some very young (WIC), some teens (Medi-Cal's 18/19 edge).
        top = max(0, min(18, oldest_parent - 16))
        ages.append(rng.choice((rng.randint(0, 4), rng.randint(0, top), rng.randint(0, top))))
    return ages


def _guideline(size: int) -> float:
    return _GUIDELINE_FIRST + (size - 1) * _GUIDELINE_EACH


def monthly_income(rng: random.Random, size: int, pregnant: bool) -> float:
    """0 to 12,000 a month: some zeros, many near a limit (some on it to the dollar), the rest
    spread over the whole range."""
    pick = rng.random()
    if pick < 0.08:
        return 0.0
    if pick < 0.33:
        income = rng.uniform(0, MAX_INCOME) if rng.random() < 0.5 else rng.uniform(0, 6_000)
        return float(round(income))
    share = rng.choice(_LIMIT_SHARES)
    counted = size + (1 if pregnant and share in (1.85, 2.13, 3.22) else 0)
    limit = _guideline(counted) * share / 12
    near = rng.random()
    if near < 0.45:  # on the limit, to the dollar or a few dollars either side
        income = math.ceil(limit) + rng.randint(-4, 4)
    elif near < 0.55:  # cents matter at a limit: x.50 either side
        income = math.ceil(limit) + rng.choice((-1.5, -0.5, 0.5))
    else:
        income = limit * rng.gauss(1.0, 0.06)
    return float(min(MAX_INCOME, max(0.0, round(income, 2))))


def housing_cost(rng: random.Random) -> float | None:
    """Rent or mortgage a month; sometimes skipped (None) or nothing (living with family)."""
    pick = rng.random()
    if pick < 0.12:
        return None
    if pick < 0.20:
        return 0.0
    return float(min(5_000, round(rng.lognormvariate(math.log(1_500), 0.45))))


def household(rng: random.Random, index: int) -> dict[str, Any]:
    """One household in DESIGN.md's JSON shape, plus an `id`."""
    size = _weighted(rng, _SIZE_WEIGHTS)
    ages = member_ages(rng, size)
    can_be_pregnant = any(15 <= age <= 45 for age in ages)
    pregnant = can_be_pregnant and rng.random() < 0.12
    disability = rng.random() < 0.12
    income = monthly_income(rng, size, pregnant)
    working_age = any(16 <= age <= 70 for age in ages)
    earned = income > 0 and working_age and rng.random() < 0.7
    return {
        "id": f"h{index:05d}",
        "state": "CA",
        "county": _weighted(rng, COUNTIES),
        "member_ages": ages,
        "pregnant": pregnant,
        "disability": disability,
        "monthly_income": income,
        "earned_income": earned,
        "housing_cost": housing_cost(rng),
    }


def generate(count: int, seed: int = 2026) -> list[dict[str, Any]]:
    """`count` households, the same for the same seed."""
    rng = random.Random(seed)
    return [household(rng, index) for index in range(count)]
