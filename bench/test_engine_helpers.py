"""Unit tests for the household generator of bench/engine.py (no timing here)."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

from bot.eligibility import screen


def _load() -> ModuleType:
    """Import bench/engine.py by path (bench/ is not a package)."""
    path = Path(__file__).with_name("engine.py")
    spec = importlib.util.spec_from_file_location("bench_engine", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


engine = _load()


def test_the_household_set_is_fixed_by_its_seed() -> None:
    assert engine.households(50, seed=7) == engine.households(50, seed=7)
    assert engine.households(50, seed=7) != engine.households(50, seed=8)


def test_generated_households_are_california_households_screen_accepts() -> None:
    batch = engine.households(200)
    assert all(h.state == "CA" and 1 <= h.size <= 8 and h.member_ages[0] >= 18 for h in batch)
    assert any(h.monthly_income is None for h in batch)
    assert any(h.earned_income is None for h in batch)
    for household in batch:
        assert screen(household, on=date(2026, 11, 24)).programs
