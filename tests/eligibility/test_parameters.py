"""The parameter tree is healthy: every value dated and cited; no extrapolation."""

from __future__ import annotations

from datetime import date

import pytest

from bot.eligibility.parameters import ParameterError, load_all, problems, reference, value


def test_every_value_has_an_effective_date_and_a_covering_reference() -> None:
    assert problems() == []


def test_the_tree_holds_the_files_the_rules_read() -> None:
    expected = {
        "us/hhs/poverty_guidelines",
        "us/usda/snap/max_allotment",
        "us/usda/snap/standard_deduction",
        "us/usda/snap/excess_shelter_cap",
        "us/usda/snap/minimum_benefit",
        "us/usda/snap/earned_income_deduction_rate",
        "us/usda/snap/benefit_reduction_rate",
        "us/usda/snap/fpl_vintage",
        "states/ca/cdss/calfresh/gross_income_limit",
        "states/ca/cdss/calfresh/utility_allowances",
        "states/ca/dhcs/medi_cal/income_limits",
        "states/ca/dhcs/medi_cal/fpl_vintage",
        "us/usda/wic/income_limit",
        "us/usda/wic/fpl_vintage",
        "us/usda/wic/categories",
        "us/irs/aca/fpl_vintage",
        "us/irs/aca/income_limits",
        "us/irs/aca/applicable_percentage",
        "us/hhs/aca_cost_sharing_reduction",
        "states/ca/hbex/premium_subsidy",
        "us/irs/tax_year",
        "us/irs/eitc/phase_in_rate",
        "us/irs/eitc/phase_out_rate",
        "us/irs/eitc/earned_income_amount",
        "us/irs/eitc/max_credit",
        "us/irs/eitc/phase_out_start",
        "us/irs/eitc/childless_age",
        "us/irs/eitc/qualifying_child_age",
        "states/ca/ftb/cal_eitc/credit_table",
        "states/ca/ftb/cal_eitc/limits",
        "states/ca/ftb/yctc/credit",
    }
    assert expected <= set(load_all())


def test_references_cite_primary_sources_not_notes_or_policyengine() -> None:
    for param in load_all().values():
        for ref in param.references:
            assert "policyengine" not in ref.href.lower(), param.path
            assert "research" not in ref.href.lower(), param.path


def test_a_date_before_the_first_value_raises() -> None:
    with pytest.raises(ParameterError, match="no value before 2025-10-01"):
        value("us/usda/snap/max_allotment", date(2025, 9, 30), 4)


def test_a_date_past_the_snap_fiscal_year_raises_instead_of_extrapolating() -> None:
    assert value("us/usda/snap/max_allotment", date(2027, 9, 30), 4) == 1023
    with pytest.raises(ParameterError, match="yearly update is missing"):
        value("us/usda/snap/max_allotment", date(2027, 10, 1), 4)


def test_a_value_applies_from_its_date_until_the_next_one() -> None:
    assert value("us/usda/snap/max_allotment", date(2026, 9, 30), 4) == 994
    assert value("us/usda/snap/max_allotment", date(2026, 10, 1), 4) == 1023


def test_snap_uses_the_new_guidelines_from_october_first() -> None:
    assert value("us/usda/snap/fpl_vintage", date(2026, 9, 30)) == 2025
    assert value("us/usda/snap/fpl_vintage", date(2026, 10, 1)) == 2026


def test_medi_cal_switches_guideline_year_january_first_and_april_first_for_abd() -> None:
    path = "states/ca/dhcs/medi_cal/fpl_vintage"
    assert value(path, date(2025, 12, 31), "magi") == 2025
    assert value(path, date(2026, 1, 1), "magi") == 2026
    assert value(path, date(2026, 3, 31), "non_magi") == 2025
    assert value(path, date(2026, 4, 1), "non_magi") == 2026


def test_the_fy2027_utility_allowance_is_marked_carried_forward() -> None:
    path = "states/ca/cdss/calfresh/utility_allowances"
    assert reference(path, date(2025, 10, 1), "sua").status == "unverified"
    assert reference(path, date(2026, 10, 1), "sua").status == "carried_forward"


def test_the_enhanced_premium_credit_ends_with_2025() -> None:
    path = "us/irs/aca/income_limits"
    assert value(path, date(2025, 12, 31), "max_fpl_share") == float("inf")
    assert value(path, date(2026, 1, 1), "max_fpl_share") == 4.0
    assert value(path, date(2027, 1, 1), "max_fpl_share") == 4.0


def test_the_premium_tax_credit_uses_the_previous_years_guidelines() -> None:
    assert value("us/irs/aca/fpl_vintage", date(2025, 12, 31)) == 2024
    assert value("us/irs/aca/fpl_vintage", date(2026, 1, 1)) == 2025
    with pytest.raises(ParameterError, match="yearly update is missing"):
        value("us/irs/aca/fpl_vintage", date(2028, 1, 1))


def test_tax_year_2026_state_credit_figures_are_marked_carried_forward() -> None:
    for path, key in (
        ("states/ca/ftb/cal_eitc/limits", "earned_income_limit"),
        ("states/ca/ftb/yctc/credit", "max_credit"),
    ):
        assert reference(path, date(2025, 12, 31), key).status == "unverified"
        assert reference(path, date(2026, 12, 31), key).status == "carried_forward"


def test_a_cached_lookup_still_raises_every_time() -> None:
    for _ in range(2):
        with pytest.raises(ParameterError):
            value("us/usda/snap/max_allotment", date(2027, 10, 1), 4)


def test_unknown_parameter_raises() -> None:
    with pytest.raises(ParameterError):
        value("us/usda/snap/nothing", date(2026, 1, 1))
