"""Federal EITC, CalEITC and the Young Child Tax Credit: yearly amounts from earned income."""

from __future__ import annotations

import json
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from bot.eligibility import compare, screen, tax_credits
from bot.eligibility.model import ProgramResult
from bot.eligibility.parameters import ParameterError, value
from bot.eligibility.what_if import midpoint
from tests.eligibility.conftest import published

IRS = published("irs_eitc_tables.yaml")
FTB = published("ftb_cal_eitc_yctc.yaml")
TY2025 = date(2026, 3, 2)  # filing season: the 2025 return
LAST_DAY_TY2025 = date(2026, 4, 15)
FIRST_DAY_TY2026 = date(2026, 4, 16)
TY2026 = date(2026, 11, 24)


def credit(program: str, on: date = TY2025, **answers: Any) -> ProgramResult:
    household = {"state": "CA", "member_ages": [30], "earned_income": True, **answers}
    return screen(household, on=on).programs[program]


def _round(amount: Decimal) -> int:
    return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))


# --- Published IRS tables, row by row -------------------------------------------------------


def _irs_rows() -> list[tuple[int, int, dict[str, int]]]:
    return [(y, int(k), row) for y, rows in IRS["rows"].items() for k, row in rows.items()]


@pytest.mark.parametrize(("year", "kids", "row"), _irs_rows())
def test_eitc_figures_match_the_irs_table(year: int, kids: int, row: dict[str, int]) -> None:
    on = date(year, 12, 31)
    path = "us/irs/eitc"
    assert value(f"{path}/earned_income_amount", on, kids) == row["earned_income_amount"]
    assert value(f"{path}/max_credit", on, kids) == row["max_credit"]
    assert value(f"{path}/phase_out_start", on, "single", min(kids, 1)) == row["single_start"]
    assert value(f"{path}/phase_out_start", on, "joint", min(kids, 1)) == row["joint_start"]


@pytest.mark.parametrize(("year", "kids", "row"), _irs_rows())
def test_eitc_maximum_and_completed_phaseout_follow_from_the_rates(
    year: int, kids: int, row: dict[str, int]
) -> None:
    on = date(year, 12, 31)
    phase_in = Decimal(str(value("us/irs/eitc/phase_in_rate", on, kids)))
    phase_out = Decimal(str(value("us/irs/eitc/phase_out_rate", on, kids)))
    assert _round(phase_in * row["earned_income_amount"]) == row["max_credit"]
    for schedule in ("single", "joint"):
        end = row[f"{schedule}_start"] + Decimal(row["max_credit"]) / phase_out
        assert _round(end) == row[f"{schedule}_end"]


@pytest.mark.parametrize(("year", "kids", "row"), _irs_rows())
def test_the_engine_pays_the_maximum_on_the_plateau_and_nothing_past_the_end(
    year: int, kids: int, row: dict[str, int]
) -> None:
    on = date(year + 1, 3, 1)  # the filing season of that tax year
    for schedule in ("single", "joint"):
        start = Decimal(row[f"{schedule}_start"])
        assert tax_credits.federal_eitc(start, kids, schedule, on) == row["max_credit"]
        end = Decimal(row[f"{schedule}_end"])
        assert tax_credits.federal_eitc(end + 1, kids, schedule, on) == 0
    amount = Decimal(row["earned_income_amount"])
    assert tax_credits.federal_eitc(amount, kids, "single", on) == row["max_credit"]


@pytest.mark.parametrize("year", list(FTB["rows"]))
def test_ftb_headline_figures_match(year: int) -> None:
    row = FTB["rows"][year]
    on = date(year, 12, 31)
    path = "states/ca/ftb"
    assert (
        value(f"{path}/cal_eitc/limits", on, "earned_income_limit")
        == row["cal_eitc_earned_income_limit"]
    )
    assert value(f"{path}/yctc/credit", on, "max_credit") == row["yctc_max_credit"]
    assert value(f"{path}/yctc/credit", on, "phase_out_start") == row["yctc_phase_out_start"]
    assert value(f"{path}/yctc/credit", on, "phase_out_per_100") == row["yctc_phase_out_per_100"]
    # The YCTC reaches about $0 at the CalEITC limit, as FTB's phase-out is designed to.
    filing = date(year + 1, 3, 1)
    assert tax_credits.yctc(Decimal(row["cal_eitc_earned_income_limit"]), filing) <= 1


# --- Federal EITC -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("income", "status", "amount"),
    [
        # TY2025, single, no child: 1,591 x 12 = 19,092; 7.65% x 8,490 = 649.49, less 7.65% x
        # (19,092 - 10,620) = 648.11: 1.38 -> $1. 1,592 x 12 = 19,104: 649.49 - 649.03 = 0.46
        # -> $0 (19,104 is the published completed phaseout).
        (1591, "likely", (1, 1)),
        (1592, "unlikely", None),
    ],
)
def test_single_worker_at_the_completed_phaseout_and_one_dollar_over(
    income: int, status: str, amount: tuple[int, int] | None
) -> None:
    result = credit("federal_eitc", monthly_income=income)
    assert result.status == status
    assert result.yearly_amount == amount
    assert result.monthly_amount is None  # yearly credits never fill the monthly contract


def test_two_adults_range_from_the_single_to_the_joint_schedule() -> None:
    # 1,592 x 12 = 19,104: single $0; joint 649.49 - 7.65% x (19,104 - 17,730) = 544.37 -> 544.
    result = credit("federal_eitc", member_ages=[34, 32], monthly_income=1592)
    assert result.status == "possible"
    assert result.yearly_amount == (0, 544)
    assert "filing_status_range" in result.reasons


def test_a_parent_and_child_on_the_plateau_get_the_maximum() -> None:
    # 1,500 x 12 = 18,000: over 12,730 and under 23,350 -> 4,328 for one child (TY2025).
    result = credit("federal_eitc", member_ages=[30, 4], monthly_income=1500)
    assert result.yearly_amount == (4328, 4328)
    assert result.next_steps == ("free_tax_help_vita", "myfreetaxes_211")


@pytest.mark.parametrize(
    ("age", "status"), [(24, "unlikely"), (25, "likely"), (64, "likely"), (65, "unlikely")]
)
def test_workers_without_children_must_be_25_to_64(age: int, status: str) -> None:
    result = credit("federal_eitc", member_ages=[age], monthly_income=1000)
    assert result.status == status
    if status == "unlikely":
        assert "childless_age_outside_range" in result.reasons


def test_the_tax_year_switches_after_the_april_15_filing_deadline() -> None:
    # 1,000 x 12 = 12,000, single, no child. TY2025: 7.65% x 8,490 = 649.49, less 7.65% x
    # (12,000 - 10,620) = 105.57: 543.92 -> 544. TY2026: 7.65% x 8,680 = 664.02, less 7.65% x
    # (12,000 - 10,860) = 87.21: 576.81 -> 577.
    assert credit("federal_eitc", LAST_DAY_TY2025, monthly_income=1000).yearly_amount == (544, 544)
    assert credit("federal_eitc", FIRST_DAY_TY2026, monthly_income=1000).yearly_amount == (577, 577)


def test_screenings_after_the_2026_filing_season_wait_for_the_2027_figures() -> None:
    assert tax_credits.tax_year(date(2027, 4, 15)) == 2026
    with pytest.raises(ParameterError, match="yearly update is missing"):
        tax_credits.tax_year(date(2027, 4, 16))


def test_unknown_earnings_need_info_and_no_earnings_mean_no_eitc() -> None:
    unknown = credit("federal_eitc", monthly_income=1500, earned_income=None)
    assert (unknown.status, unknown.reasons) == ("needs_info", ("earned_income_unknown",))
    none = credit("federal_eitc", monthly_income=1500, earned_income=False)
    assert (none.status, none.reasons) == ("unlikely", ("no_earned_income",))
    assert credit("federal_eitc", monthly_income=None).reasons == ("income_unknown",)


def test_children_are_under_19_and_older_students_are_flagged() -> None:
    # An 18-year-old counts as a child: one-child maximum 4,328 at 18,000 a year.
    assert credit("federal_eitc", member_ages=[40, 18], monthly_income=1500).yearly_amount == (
        4328,
        4328,
    )
    # A 20-year-old is an adult (maybe a student): two adults, no child.
    result = credit("federal_eitc", member_ages=[40, 20], monthly_income=1500)
    assert "older_student_may_count" in result.reasons
    assert "filing_status_range" in result.reasons
    # A 22-year-old living alone files for themselves: nobody else could be a student child.
    alone = credit("federal_eitc", member_ages=[22], monthly_income=800)
    assert "older_student_may_count" not in alone.reasons


# --- CalEITC ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("income", "status", "amount"),
    [
        # Limit 32,900. 2,741 x 12 = 32,892: 85% x 34% x 6,998 = 2,022.42 at the peak, then
        # 2,022.42 x (32,901 - 32,892) / (32,901 - 6,998) = 0.70 -> $1.
        (2741, "likely", (1, 1)),
        # 2,742 x 12 = 32,904 > 32,900.
        (2742, "unlikely", None),
    ],
)
def test_cal_eitc_at_the_earned_income_limit_and_one_dollar_over(
    income: int, status: str, amount: tuple[int, int] | None
) -> None:
    result = credit("cal_eitc", member_ages=[30, 3], monthly_income=income)
    assert result.status == status
    assert result.yearly_amount == amount


def test_cal_eitc_phase_in_and_peak() -> None:
    # 400 x 12 = 4,800 with two children: 85% x 40% x 4,800 = 1,632.
    assert credit("cal_eitc", member_ages=[30, 3, 5], monthly_income=400).yearly_amount == (
        1632,
        1632,
    )
    # At the peak, 9,823 for three children: 85% x 45% x 9,823 = 3,757.32 -> 3,757.
    assert tax_credits.cal_eitc(Decimal(9823), 3, TY2025) == 3757
    result = credit("cal_eitc", member_ages=[30, 3], monthly_income=1000)
    assert result.reasons[-1] == "cal_eitc_approximate"
    assert result.next_steps == ("file_with_calfile", "free_tax_help_vita", "myfreetaxes_211")


def test_cal_eitc_has_no_upper_age_and_starts_at_18() -> None:
    assert credit("cal_eitc", member_ages=[18], monthly_income=400).status == "likely"
    assert credit("cal_eitc", member_ages=[70], monthly_income=400).status == "likely"
    assert credit("federal_eitc", member_ages=[18], monthly_income=400).status == "unlikely"


def test_tax_year_2026_cal_eitc_figures_are_marked_carried_forward() -> None:
    result = credit("cal_eitc", TY2026, member_ages=[30, 3], monthly_income=1000)
    assert "cal_eitc_figures_carried_forward" in result.reasons
    before = credit("cal_eitc", LAST_DAY_TY2025, member_ages=[30, 3], monthly_income=1000)
    assert "cal_eitc_figures_carried_forward" not in before.reasons


# --- Young Child Tax Credit ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("income", "amount"),
    [
        # Phase-out from 27,425: 2,285 x 12 = 27,420 gets the full 1,189; 2,286 x 12 = 27,432
        # loses 21.71 x 7 / 100 = 1.52 -> 1,187.48 -> 1,187.
        (2285, 1189),
        (2286, 1187),
    ],
)
def test_yctc_at_the_phase_out_start_and_one_dollar_over(income: int, amount: int) -> None:
    result = credit("yctc", member_ages=[30, 2], monthly_income=income)
    assert result.status == "likely"
    assert result.yearly_amount == (amount, amount)


def test_yctc_ends_with_the_cal_eitc() -> None:
    # 2,742 x 12 = 32,904: over the CalEITC limit, so no YCTC either.
    result = credit("yctc", member_ages=[30, 2], monthly_income=2742)
    assert result.status == "unlikely"
    assert result.reasons == ("yctc_child_under_6", "earned_income_over_limit")


def test_yctc_needs_a_child_under_6() -> None:
    assert credit("yctc", member_ages=[30, 5], monthly_income=1000).status == "likely"
    six = credit("yctc", member_ages=[30, 6], monthly_income=1000)
    assert (six.status, six.reasons) == ("unlikely", ("no_child_under_6",))


def test_yctc_with_no_earned_income_pays_the_full_credit() -> None:
    result = credit("yctc", member_ages=[30, 1], monthly_income=900, earned_income=False)
    assert result.status == "likely"
    assert result.yearly_amount == (1189, 1189)
    assert "yctc_zero_earned_income" in result.reasons
    assert credit(
        "cal_eitc", member_ages=[30, 1], monthly_income=900, earned_income=False
    ).status == ("unlikely")


def test_yctc_is_one_credit_per_return() -> None:
    one = credit("yctc", member_ages=[30, 1], monthly_income=1000)
    three = credit("yctc", member_ages=[30, 1, 3, 4], monthly_income=1000)
    assert one.yearly_amount == three.yearly_amount == (1189, 1189)


def test_yearly_amounts_are_in_the_json_and_monthly_amount_stays_null() -> None:
    household = {
        "state": "CA",
        "member_ages": [30, 2],
        "monthly_income": 1500,
        "earned_income": True,
    }
    programs = screen(household, on=TY2025).to_dict()["programs"]
    assert programs["federal_eitc"]["monthly_amount"] is None
    assert programs["federal_eitc"]["yearly_amount"] == [4328, 4328]
    assert "yearly_amount" not in programs["calfresh"]


def test_the_cli_prints_the_new_programs_in_the_design_shape(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    household = tmp_path / "household.json"
    household.write_text(
        json.dumps(
            {"state": "CA", "member_ages": [34, 6], "monthly_income": 2100, "earned_income": True}
        )
    )
    assert main(["screen", "--json", str(household), "--on", "2026-11-24"]) == 0
    programs = json.loads(capsys.readouterr().out)["programs"]
    for name in ("covered_california", "federal_eitc", "cal_eitc", "yctc"):
        assert {"status", "monthly_amount", "reasons", "next_steps"} <= set(programs[name])
    # 2,100 x 12 = 25,200, one adult, one child, TY2026: 34% x 13,020 = 4,426.80 (26 USC
    # 32(a)(2)(A), before the published maximum's rounding to 4,427), less 15.98% x
    # (25,200 - 23,890) = 209.34: 4,217.46 -> 4,217.
    assert programs["federal_eitc"]["yearly_amount"] == [4217, 4217]
    assert set(programs["calfresh"]) == {"status", "monthly_amount", "reasons", "next_steps"}


def test_what_if_sums_never_count_a_yearly_credit_as_monthly_money() -> None:
    # A raise from $3,000 to $3,100 a month lowers the TY2025 EITC (34% x 12,730 = 4,328.20,
    # less 15.98% x (36,000 - 23,350) = 2,021.47 -> 2,307; at 37,200 less 2,213.23 -> 2,115)
    # and CalFresh; only CalFresh, a monthly amount, counts in the monthly benefit change.
    before = {"state": "CA", "member_ages": [30, 4], "monthly_income": 3000, "earned_income": True}
    after = {**before, "monthly_income": 3100}
    comparison = compare(before, after, on=TY2025)
    eitc = comparison.programs["federal_eitc"]
    assert eitc.old_monthly_amount is None and eitc.new_monthly_amount is None
    assert screen(before, on=TY2025).programs["federal_eitc"].yearly_amount == (2307, 2307)
    assert screen(after, on=TY2025).programs["federal_eitc"].yearly_amount == (2115, 2115)
    calfresh = comparison.programs["calfresh"]
    assert comparison.monthly_benefit_change == midpoint(calfresh.new_monthly_amount) - midpoint(
        calfresh.old_monthly_amount
    )
