"""bench/load.py's pure helpers: step lengths, households, lost and extra messages."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load import household_for, lost_and_extra, step_seconds  # noqa: E402


def test_a_configuration_shares_its_duration_between_its_steps() -> None:
    assert step_seconds(300, [2, 4, 8, 16]) == 75


def test_each_conversation_has_an_income_of_its_own() -> None:
    assert household_for(3)["monthly_income"] != household_for(4)["monthly_income"]


def test_lost_and_extra_messages_are_counted_as_multisets() -> None:
    assert lost_and_extra(["hi", "no", "no"], ["hi", "no", "no"]) == (0, 0)
    assert lost_and_extra(["hi", "no", "no"], ["hi", "no"]) == (1, 0)
    assert lost_and_extra(["hi"], ["hi", "hi", "94110"]) == (0, 2)
