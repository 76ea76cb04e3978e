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


def test_unknown_parameter_raises() -> None:
    with pytest.raises(ParameterError):
        value("us/usda/snap/nothing", date(2026, 1, 1))
