"""Households per second of `bot.eligibility.screen()` on one core.

A fixed, seeded set of random California households (sizes, ages, income, flags) is screened
once to warm up (parameter tree loaded, caches filled), then timed for a few rounds with the
process's CPU time (`time.process_time`: one core, and other work on a shared machine does not
count); the best round is reported. Target: 10,000/s.

    .venv/bin/python bench/engine.py                 # 2,000 households, 5 rounds
    .venv/bin/python bench/engine.py -n 5000 --rounds 3 --on 2026-11-24 --json
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.eligibility import Household, screen  # noqa: E402

TARGET_PER_SECOND = 10_000
INCOME_STEPS = (0, 400, 900, 1500, 2100, 2800, 3600, 4500, 6000, 8000)


def random_household(rng: random.Random) -> Household:
    """One California household: 1-8 people (an adult first), any answer possibly unknown."""
    size = rng.choice((1, 1, 2, 2, 3, 3, 4, 4, 5, 6, 7, 8))
    ages = [rng.randint(18, 90)] + [rng.randint(0, 90) for _ in range(size - 1)]
    unknown = rng.random() < 0.08
    income = None if unknown else float(rng.choice(INCOME_STEPS) + rng.randint(0, 399))
    return Household(
        state="CA",
        member_ages=tuple(ages),
        monthly_income=income,
        zip_code="94110",
        pregnant=rng.choice((False, False, False, True, None)),
        disability=rng.choice((False, False, False, True, None)),
        earned_income=rng.choice((True, True, False, None)),
        housing_cost=rng.choice((None, 0.0, 600.0, 1200.0, 2000.0)),
    )


def households(count: int, seed: int = 2026) -> list[Household]:
    """The benchmark's fixed set: `count` households from a seeded generator."""
    rng = random.Random(seed)
    return [random_household(rng) for _ in range(count)]


def per_second(batch: list[Household], on: date, rounds: int) -> float:
    """Screen `batch` once untimed, then `rounds` times; households/s of the best round."""
    for household in batch:
        screen(household, on=on)
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for household in batch:
            screen(household, on=on)
        best = min(best, time.process_time() - start)
    return len(batch) / best


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print households per second (and one JSON line with --json)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--households", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--on", type=date.fromisoformat, default=date(2026, 11, 24))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    rate = per_second(households(args.households, args.seed), args.on, args.rounds)
    verdict = "meets" if rate >= TARGET_PER_SECOND else "below"
    print(f"screen(): {rate:,.0f} households/s ({verdict} the {TARGET_PER_SECOND:,}/s target)")
    if args.json:
        result: dict[str, Any] = {
            "households": args.households,
            "rounds": args.rounds,
            "on": args.on.isoformat(),
            "households_per_second": round(rate),
            "target": TARGET_PER_SECOND,
        }
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
