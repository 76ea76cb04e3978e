"""`compare(before, after)` and `anydoor what-if`: per-program changes and benefit cliffs."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from bot.eligibility import CHANGE_CODES, Household, ProgramResult, compare
from bot.eligibility.what_if import change_codes, is_benefit_cliff

ROOT = Path(__file__).resolve().parents[2]
ON = date(2026, 11, 24)  # FY 2027 SNAP figures; 2026-27 WIC chart
PARENT_AND_INFANT = {
    "state": "CA",
    "member_ages": [30, 0],
    "monthly_income": 3600,
    "earned_income": True,
    "housing_cost": 1500,
}


def with_income(household: dict[str, Any], income: float | None) -> dict[str, Any]:
    return {**household, "monthly_income": income}


def test_a_twenty_dollar_raise_that_loses_calfresh_is_a_benefit_cliff() -> None:
    # Parent and a baby, $3,600 a month earned, $1,500 rent, on 2026-11-24. CalFresh's 200%
    # limit for two people in FY 2027 is $3,608 (2 x the USDA net standard $1,804). At $3,600
    # the SNAP formula gives $0, so the household gets the $25 minimum benefit for 1-2 people.
    # A $20 raise to $3,620 puts gross income over $3,608: CalFresh stops. Pay +$20, food
    # -$25: the family is $5 a month worse off. Medi-Cal (the baby, 266%) and WIC (through
    # that Medi-Cal) do not change.
    comparison = compare(PARENT_AND_INFANT, with_income(PARENT_AND_INFANT, 3620), on=ON)
    calfresh = comparison.programs["calfresh"]
    assert (calfresh.old_status, calfresh.new_status) == ("likely", "unlikely")
    assert calfresh.old_monthly_amount == (25, 25)
    assert calfresh.new_monthly_amount is None
    assert calfresh.changes == ("became_unlikely", "amount_down")
    assert comparison.programs["medi_cal"].changes == ("unchanged",)
    assert comparison.programs["wic"].changes == ("unchanged",)
    assert comparison.monthly_income_change == 20
    assert comparison.monthly_benefit_change == -25
    assert comparison.benefit_cliff is True


def test_a_raise_that_loses_less_than_it_adds_is_not_a_cliff() -> None:
    # The same family, $3,600 -> $3,650: CalFresh's $25 stops, but pay is up $50.
    comparison = compare(PARENT_AND_INFANT, with_income(PARENT_AND_INFANT, 3650), on=ON)
    assert comparison.programs["calfresh"].changes == ("became_unlikely", "amount_down")
    assert comparison.benefit_cliff is False


def test_lower_income_raises_calfresh_and_is_never_a_cliff() -> None:
    # Family of two (parent and a 6-year-old), $2,100 -> $1,500 earned, $1,200 rent: the 30%
    # benefit reduction falls with net income, so both ends of the range go up.
    family = {
        "member_ages": [34, 6],
        "monthly_income": 2100,
        "earned_income": True,
        "housing_cost": 1200,
    }
    comparison = compare(family, with_income(family, 1500), on=ON)
    calfresh = comparison.programs["calfresh"]
    assert calfresh.changes == ("amount_up",)
    assert calfresh.new_monthly_amount is not None and calfresh.old_monthly_amount is not None
    assert calfresh.new_monthly_amount[0] > calfresh.old_monthly_amount[0]
    assert comparison.monthly_income_change == -600
    assert comparison.benefit_cliff is False


def test_a_baby_on_the_way_makes_wic_likely() -> None:
    # One adult, $2,000 a month: no WIC category. Pregnant: WIC counts two people (limit
    # $3,337 in 2026-27), and Medi-Cal's pregnancy limit makes it adjunctive anyway.
    alone = {"member_ages": [27], "monthly_income": 2000}
    comparison = compare(alone, {**alone, "pregnant": True}, on=ON)
    wic = comparison.programs["wic"]
    assert (wic.old_status, wic.new_status) == ("unlikely", "likely")
    assert wic.changes == ("became_likely",)
    assert "wic_pregnant" in wic.new_reasons


def test_the_same_household_is_unchanged_everywhere() -> None:
    comparison = compare(PARENT_AND_INFANT, Household.from_dict(PARENT_AND_INFANT), on=ON)
    assert all(change.changes == ("unchanged",) for change in comparison.programs.values())
    assert comparison.monthly_benefit_change == 0
    assert comparison.benefit_cliff is False


def test_unknown_income_cannot_be_a_cliff() -> None:
    comparison = compare(with_income(PARENT_AND_INFANT, None), PARENT_AND_INFANT, on=ON)
    assert comparison.monthly_income_change is None
    assert comparison.programs["calfresh"].changes == ("became_likely", "amount_up")
    assert comparison.benefit_cliff is False


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (ProgramResult("likely", (100, 200)), ProgramResult("likely", (120, 200)), ("amount_up",)),
        (ProgramResult("likely", (100, 200)), ProgramResult("likely", (90, 200)), ("amount_down",)),
        (ProgramResult("likely", (100, 200)), ProgramResult("likely", (50, 250)), ("unchanged",)),
        (ProgramResult("needs_info"), ProgramResult("possible"), ("became_possible",)),
        (ProgramResult("likely"), ProgramResult("needs_info"), ("became_needs_info",)),
    ],
)
def test_change_codes_compare_status_then_the_middle_of_the_range(
    old: ProgramResult, new: ProgramResult, expected: tuple[str, ...]
) -> None:
    assert change_codes(old, new) == expected
    assert set(expected) <= set(CHANGE_CODES)


@pytest.mark.parametrize(
    ("income_change", "benefit_change", "cliff"),
    [(20, -24, True), (24, -24, False), (-100, -300, False), (None, -300, False), (0, -5, False)],
)
def test_a_cliff_needs_a_raise_and_a_bigger_loss(
    income_change: float | None, benefit_change: float, cliff: bool
) -> None:
    assert is_benefit_cliff(income_change, benefit_change) is cliff


def test_to_dict_is_json_with_lists() -> None:
    comparison = compare(PARENT_AND_INFANT, with_income(PARENT_AND_INFANT, 3620), on=ON)
    data = json.loads(json.dumps(comparison.to_dict()))
    assert data["on"] == "2026-11-24"
    assert data["benefit_cliff"] is True
    assert data["programs"]["calfresh"]["old_monthly_amount"] == [25, 25]
    assert data["programs"]["calfresh"]["changes"] == ["became_unlikely", "amount_down"]


def test_bad_households_are_refused() -> None:
    with pytest.raises(ValueError, match="member_ages"):
        compare(PARENT_AND_INFANT, {**PARENT_AND_INFANT, "member_ages": []}, on=ON)


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        input=stdin,
        text=True,
        capture_output=True,
        cwd=ROOT,
        check=False,
    )


def test_what_if_cli_prints_the_comparison() -> None:
    pair = {"before": PARENT_AND_INFANT, "after": with_income(PARENT_AND_INFANT, 3620)}
    done = run("what-if", "--json", "-", "--on", "2026-11-24", stdin=json.dumps(pair))
    assert done.returncode == 0, done.stderr
    output = json.loads(done.stdout)
    assert output["benefit_cliff"] is True
    assert output["programs"]["calfresh"]["new_status"] == "unlikely"


def test_what_if_cli_reads_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "pair.json"
    file.write_text(json.dumps({"before": PARENT_AND_INFANT, "after": PARENT_AND_INFANT}))
    assert main(["what-if", "--json", str(file), "--on", "2026-11-24"]) == 0
    assert json.loads(capsys.readouterr().out)["benefit_cliff"] is False


@pytest.mark.parametrize(
    ("stdin", "args"),
    [
        ("{not json", ()),
        ("[1, 2]", ()),
        (json.dumps({"before": PARENT_AND_INFANT}), ()),
        (json.dumps({"before": PARENT_AND_INFANT, "after": [1]}), ()),
        (json.dumps({"before": PARENT_AND_INFANT, "after": {"member_ages": []}}), ()),
        (
            json.dumps({"before": PARENT_AND_INFANT, "after": PARENT_AND_INFANT}),
            ("--on", "2030-01-01"),
        ),
    ],
)
def test_what_if_bad_input_prints_one_error_line_and_exits_2(
    stdin: str, args: tuple[str, ...]
) -> None:
    done = run("what-if", "--json", "-", *args, stdin=stdin)
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr
