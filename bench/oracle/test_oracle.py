"""The oracle harness without PolicyEngine: generator, situation builder, counting, causes.

The one test that runs PolicyEngine itself needs the oracle venv (`make oracle`) and
ANYDOOR_ORACLE=1 (it takes about half a minute to import); otherwise it is skipped.
"""

from __future__ import annotations

import json
import os
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bot.eligibility import screen

from . import causes, situation
from . import households as gen
from .causes import classify
from .compare import by_household, compare, our_eligible, pe_eligible
from .programs import PROGRAMS, requests
from .situation import batch_situation, county_code, household_situation

ON = date(2026, 11, 24)
ORACLE_PYTHON = Path(__file__).resolve().parents[2] / ".venv-oracle" / "bin" / "python"


def test_the_same_seed_gives_the_same_households_and_another_seed_others() -> None:
    assert gen.generate(50, seed=7) == gen.generate(50, seed=7)
    assert gen.generate(50, seed=7) != gen.generate(50, seed=8)


def test_generated_households_cover_the_ranges_and_screen_cleanly() -> None:
    households = gen.generate(2000, seed=2026)
    assert len(households) == 2000
    assert {len(h["member_ages"]) for h in households} == set(range(1, 9))
    assert all(0 <= h["monthly_income"] <= gen.MAX_INCOME for h in households)
    assert all(h["member_ages"][0] >= 18 for h in households)
    assert {h["earned_income"] for h in households} == {True, False}
    assert any(h["housing_cost"] is None for h in households)
    assert any(h["pregnant"] for h in households) and any(h["disability"] for h in households)
    for household in households[:200]:
        screen(household, on=ON)  # every generated household is one the engine reads


def test_incomes_crowd_around_the_limits() -> None:
    # A household of one on 2026-11-24: CalFresh's 200% limit is $2,660 a month.
    rng_households = gen.generate(2000, seed=2026)
    singles = [h["monthly_income"] for h in rng_households if len(h["member_ages"]) == 1]
    near = [income for income in singles if 2655 <= income <= 2665]
    assert len(near) >= 5


def test_earned_income_goes_to_wages_and_other_income_to_a_pension() -> None:
    worker = {
        "id": "w",
        "member_ages": [30, 4],
        "monthly_income": 2000,
        "earned_income": True,
        "housing_cost": 900,
        "county": "San Mateo",
    }
    retiree = {
        **worker,
        "id": "r",
        "member_ages": [70],
        "earned_income": False,
        "housing_cost": None,
    }
    w = household_situation(worker, 2026)
    r = household_situation(retiree, 2026)
    assert w["people"]["w-p0"]["employment_income"] == {2026: 24_000}
    assert w["people"]["w-p0"]["taxable_private_pension_income"] == {2026: 0}
    assert w["people"]["w-p0"]["rent"] == {2026: 10_800}
    assert r["people"]["r-p0"]["taxable_private_pension_income"] == {2026: 24_000}
    assert r["people"]["r-p0"]["rent"] == {2026: 0}
    assert w["households"]["w"]["county_str"] == {2026: "SAN_MATEO_COUNTY_CA"}
    assert w["spm_units"]["w"]["has_heating_cooling_expense"] == {2026: True}
    assert w["spm_units"]["w"]["ca_tanf"] == {2026: 0}
    assert w["tax_units"]["w"]["members"] == ["w-p0", "w-p1"]


def test_pregnancy_and_disability_sit_on_a_plausible_member() -> None:
    household = {
        "id": "p",
        "member_ages": [50, 22, 3],
        "pregnant": True,
        "disability": True,
        "monthly_income": 0,
    }
    people = household_situation(household, 2026)["people"]
    assert [people[f"p-p{i}"]["is_pregnant"][2026] for i in range(3)] == [False, True, False]
    assert [people[f"p-p{i}"]["is_disabled"][2026] for i in range(3)] == [True, False, False]


def test_a_disabled_member_receives_disability_payments_as_snap_defines_it() -> None:
    household = {"id": "d", "member_ages": [70, 40], "disability": True, "monthly_income": 900}
    people = household_situation(household, 2026)["people"]
    assert people["d-p0"][situation.DISABILITY_RECEIPT] == {2026: True}
    assert situation.DISABILITY_RECEIPT not in people["d-p1"]


def test_nobody_pays_a_medicare_part_b_premium_because_the_screener_asks_no_medical_costs() -> None:
    household = {"id": "m", "member_ages": [70, 68], "disability": False, "monthly_income": 900}
    people = household_situation(household, 2026)["people"]
    assert people["m-p0"]["medicare_part_b_premium"] == {2026: 0.0}
    assert people["m-p1"]["medicare_part_b_premium"] == {2026: 0.0}


def test_batch_keeps_every_household_apart() -> None:
    households = gen.generate(5, seed=1)
    batch = batch_situation(households, ON)
    assert list(batch["spm_units"]) == [h["id"] for h in households]
    assert len(batch["people"]) == sum(len(h["member_ages"]) for h in households)
    assert county_code("Los Angeles") == "LOS_ANGELES_COUNTY_CA"


def test_snap_and_wic_are_asked_for_the_month_and_medicaid_for_the_year() -> None:
    periods = {r["variable"]: r["period"] for r in requests(ON)}
    assert periods["snap"] == "2026-11"
    assert periods["is_wic_eligible"] == "2026-11"
    assert periods["is_medicaid_eligible"] == "2026"
    assert periods["is_chip_eligible"] == "2026"


def test_possible_counts_as_eligible_and_needs_info_is_not_compared() -> None:
    assert our_eligible("likely") and our_eligible("possible")
    assert our_eligible("unlikely") is False
    assert our_eligible("needs_info") is None


def _fake_output(households: list[dict[str, Any]], eligible: dict[str, bool]) -> dict[str, Any]:
    """A PolicyEngine-shaped output: SNAP per SPM unit, Medicaid and WIC per person."""
    people = [f"{h['id']}-p{i}" for h in households for i in range(len(h["member_ages"]))]
    ids = [h["id"] for h in households]
    results: dict[str, Any] = {}
    for r in requests(ON):
        key = f"{r['variable']}@{r['period']}"
        if r["variable"] in (
            "is_medicaid_eligible",
            "is_wic_eligible",
            "is_chip_eligible",
            "is_snap_excluded_member",
            "medicaid_category",
        ):
            results[key] = {
                "entity": "person",
                "values": [
                    False if r["variable"] != "medicaid_category" else "NONE" for _ in people
                ],
            }
        else:
            results[key] = {"entity": "spm_unit", "values": [0 for _ in ids]}
    snap_key, eligible_key = "snap@2026-11", "is_snap_eligible@2026-11"
    results[eligible_key]["values"] = [eligible[h] for h in ids]
    results[snap_key]["values"] = [100.0 if eligible[h] else 0.0 for h in ids]
    results["meets_snap_asset_test@2026-11"]["values"] = [True for _ in ids]
    results["ca_snap_meets_allotment_requirement@2026-11"]["values"] = [True for _ in ids]
    results["tanf_non_cash_gross_income_limit@2026-11"]["values"] = [3606.67 for _ in ids]
    # The first household's second member is Medicaid-eligible: the household counts.
    results["is_medicaid_eligible@2026"]["values"][1] = True
    return {
        "version": "test",
        "timings": {},
        "results": results,
        "entities": {"person": people, "spm_unit": ids},
    }


def test_agreement_counts_a_household_as_eligible_when_anyone_in_it_is() -> None:
    households = [
        {
            "id": "a",
            "state": "CA",
            "member_ages": [30, 3],
            "monthly_income": 1000,
            "earned_income": True,
            "housing_cost": 800,
            "pregnant": False,
            "disability": False,
        },
        {
            "id": "b",
            "state": "CA",
            "member_ages": [40],
            "monthly_income": 9000,
            "earned_income": True,
            "housing_cost": 800,
            "pregnant": False,
            "disability": False,
        },
    ]
    ours = {h["id"]: screen(h, on=ON).to_dict() for h in households}
    pe = by_household(_fake_output(households, {"a": True, "b": False}), households)
    assert pe["a"]["is_medicaid_eligible@2026"] == [False, True]
    assert pe_eligible(PROGRAMS[1], pe["a"], "2026") and not pe_eligible(
        PROGRAMS[1], pe["b"], "2026"
    )
    summaries = {s.program.id: s for s in compare(households, ours, pe, ON, PROGRAMS)}
    assert (summaries["calfresh"].compared, summaries["calfresh"].agreed) == (2, 2)
    # Medi-Cal: ours likely for "a" (only PE's second member is eligible) and unlikely for "b".
    assert (summaries["medi_cal"].agreed, summaries["medi_cal"].compared) == (2, 2)
    # WIC: "a" has a child aged 3 and is within the chart, PE (fake) says nobody: one cause.
    assert summaries["wic"].ours_only == 1 and sum(summaries["wic"].causes.values()) == 1
    assert summaries["calfresh"].amount_compared == 1


def test_two_people_earning_3607_sit_between_the_cdss_chart_and_pe_exact_limit() -> None:
    # CDSS: 2 x ceil(21,640 / 12) = 2 x 1,804 = 3,608; PolicyEngine: 2 x 21,640 / 12 = 3,606.67.
    household = {
        "id": "r",
        "state": "CA",
        "member_ages": [30, 2],
        "monthly_income": 3607,
        "earned_income": True,
        "housing_cost": 1000,
        "pregnant": False,
        "disability": False,
    }
    result = screen(household, on=ON).to_dict()["programs"]["calfresh"]
    assert result["status"] == "likely"
    pe = by_household(_fake_output([household], {"r": False}), [household])["r"]
    cause = classify("calfresh", household, result, pe, ON)
    assert cause == "rounding at the 200% limit (CDSS chart vs PE exact)"


def test_an_adult_with_no_income_of_their_own_is_possible_and_a_cause_when_pe_says_no() -> None:
    # Three adults at $8,000: over 138% of 3 on the pooled income, but the third adult (not a
    # possible spouse) may be a one-person MAGI household (42 CFR 435.603(f)): "possible".
    household = {
        "id": "m",
        "state": "CA",
        "member_ages": [40, 25, 30],
        "monthly_income": 8000,
        "earned_income": True,
        "housing_cost": 1500,
        "pregnant": False,
        "disability": False,
    }
    result = screen(household, on=ON).to_dict()["programs"]["medi_cal"]
    assert result["status"] == "possible"
    nobody = {
        "is_medicaid_eligible@2026": [False, False, False],
        "is_chip_eligible@2026": [False, False, False],
    }
    assert classify("medi_cal", household, result, nobody, ON) == causes.POSSIBLE_OWN_INCOME


def test_pe_finding_a_one_person_magi_household_or_the_wdp_is_named() -> None:
    household = {
        "id": "m",
        "state": "CA",
        "member_ages": [40, 38],
        "monthly_income": 8000,
        "earned_income": True,
        "pregnant": False,
        "disability": False,
    }
    result = {"status": "unlikely", "reasons": ["over_income_limit"]}
    pe = {
        "is_medicaid_eligible@2026": [False, True],
        "is_chip_eligible@2026": [False, False],
        "medicaid_category@2026": ["NONE", "ADULT"],
        "medicaid_household_size@2026": [1, 1],
    }
    assert classify("medi_cal", household, result, pe, ON) == causes.MAGI_HOUSEHOLD
    pe["medicaid_category@2026"] = ["NONE", "WORKING_DISABLED_BUY_IN"]
    assert classify("medi_cal", household, result, pe, ON) == causes.WDP


def test_a_child_at_the_dhcs_chart_limit_is_a_rounding_cause() -> None:
    # 266% for 2 in 2026: DHCS 2.66 x 1,804 = 4,798.64 -> 4,799; PolicyEngine 4,797.
    household = {
        "id": "k",
        "state": "CA",
        "member_ages": [30, 0],
        "monthly_income": 4799,
        "earned_income": True,
        "housing_cost": 900,
        "pregnant": False,
        "disability": False,
    }
    result = screen(household, on=ON).to_dict()["programs"]["medi_cal"]
    assert result["status"] == "likely"
    pe = {"is_medicaid_eligible@2026": [False, False], "is_chip_eligible@2026": [False, False]}
    assert classify("medi_cal", household, result, pe, ON) == causes.MEDI_CAL_ROUNDING


@pytest.mark.skipif(
    not ORACLE_PYTHON.exists() or os.environ.get("ANYDOOR_ORACLE") != "1",
    reason="needs the oracle venv (make oracle) and ANYDOOR_ORACLE=1",
)
def test_policyengine_gives_a_family_of_four_with_2100_earned_our_high_end() -> None:
    household = {
        "id": "f",
        "state": "CA",
        "county": "Los Angeles",
        "member_ages": [34, 32, 6, 3],
        "monthly_income": 2100,
        "earned_income": True,
        "housing_cost": 1200,
        "pregnant": False,
        "disability": False,
    }
    batch = {"situation": batch_situation([household], ON), "requests": requests(ON)}
    runner = Path(__file__).with_name("pe_runner.py")
    done = subprocess.run(
        [str(ORACLE_PYTHON), str(runner)],
        input=json.dumps(batch),
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    pe = by_household(json.loads(done.stdout), [household])["f"]
    assert pe["is_snap_eligible@2026-11"] is True
    assert pe["snap@2026-11"] == 818  # tests/eligibility/test_calfresh.py: range (730, 818)


def test_a_wic_difference_behind_a_possible_medi_cal_is_named() -> None:
    # A parent and a pregnant daughter of 27 at $10,514: our Medi-Cal is "possible" (she may be
    # her own MAGI household), so WIC's adjunctive path does not apply for us; PE gives her
    # Medicaid and so WIC.
    household = {
        "id": "w",
        "state": "CA",
        "member_ages": [51, 27],
        "monthly_income": 10514,
        "earned_income": False,
        "pregnant": True,
        "disability": False,
    }
    result = screen(household, on=ON).to_dict()["programs"]["wic"]
    assert result["status"] == "unlikely"
    pe = {"is_wic_eligible@2026-11": [False, True]}
    assert classify("wic", household, result, pe, ON) == causes.WIC_FOLLOWS_POSSIBLE
