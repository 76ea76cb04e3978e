"""Computed limits and loaded figures equal the published tables, row by row."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from bot.eligibility import calfresh, fpl
from bot.eligibility.parameters import value
from tests.eligibility.conftest import published, size_rows

GUIDELINES = published("hhs_poverty_guidelines.yaml")
SNAP_STANDARDS = published("snap_income_standards.yaml")
SNAP_FIGURES = published("snap_allotments_and_deductions.yaml")
CDSS_CHART = published("cdss_calfresh_gross_income_limits.yaml")
DHCS_CHART = published("dhcs_fpl_chart_2025.yaml")


@pytest.mark.parametrize(
    ("year", "size", "amount"),
    [
        (year, size, amount)
        for year, rows in GUIDELINES["rows"].items()
        for size, amount in size_rows(rows)
    ],
)
def test_poverty_guideline_matches_hhs_table(year: int, size: int, amount: int) -> None:
    assert fpl.guideline(size, year) == amount


@pytest.mark.parametrize("year", [2025, 2026])
def test_poverty_guideline_each_additional_person_matches_hhs(year: int) -> None:
    rows = GUIDELINES["rows"][year]
    assert fpl.additional_person(year) == rows["additional"]
    assert fpl.guideline(9, year) == rows[8] + rows["additional"]


def _snap_cases(test: str) -> list[tuple[date, int, int]]:
    return [
        (on, size, amount)
        for on, tables in SNAP_STANDARDS["rows"].items()
        for size, amount in size_rows(tables[test])
    ]


@pytest.mark.parametrize(("on", "size", "amount"), _snap_cases("net"))
def test_snap_net_standard_matches_fns_table(on: date, size: int, amount: int) -> None:
    assert calfresh.net_income_limit(size, on) == amount


@pytest.mark.parametrize(("on", "size", "amount"), _snap_cases("gross"))
def test_snap_gross_standard_matches_fns_table(on: date, size: int, amount: int) -> None:
    share = value("us/usda/snap/income_limits", on, "gross")
    limit = fpl.monthly_limit(size, calfresh.snap_vintage(on), share, "rounded_up_monthly")
    assert limit == amount


@pytest.mark.parametrize("on", list(SNAP_STANDARDS["rows"]))
def test_snap_each_additional_member_matches_fns_table(on: date) -> None:
    tables = SNAP_STANDARDS["rows"][on]
    year = calfresh.snap_vintage(on)
    assert fpl.monthly_limit_increment(year, 1, "rounded_up_monthly") == tables["net"]["additional"]
    assert (
        fpl.monthly_limit_increment(year, Decimal("1.3"), "rounded_up_monthly")
        == (tables["gross"]["additional"])
    )
    assert calfresh.net_income_limit(9, on) == tables["net"][8] + tables["net"]["additional"]


@pytest.mark.parametrize(
    ("on", "size", "amount"),
    [
        (on, size, amount)
        for on, rows in SNAP_FIGURES["rows"].items()
        for size, amount in size_rows(rows["max_allotment"])
    ],
)
def test_snap_max_allotment_matches_fns_table(on: date, size: int, amount: int) -> None:
    assert calfresh.max_allotment(size, on) == amount


@pytest.mark.parametrize(
    ("on", "size", "amount"),
    [
        (on, size, amount)
        for on, rows in SNAP_FIGURES["rows"].items()
        for size, amount in size_rows(rows["standard_deduction"])
    ],
)
def test_snap_standard_deduction_matches_fns_table(on: date, size: int, amount: int) -> None:
    assert calfresh.standard_deduction(size, on) == amount


@pytest.mark.parametrize("on", list(SNAP_FIGURES["rows"]))
def test_snap_shelter_cap_minimum_and_tenth_person_match_fns(on: date) -> None:
    rows = SNAP_FIGURES["rows"][on]
    assert value("us/usda/snap/excess_shelter_cap", on) == rows["excess_shelter_cap"]
    assert value("us/usda/snap/minimum_benefit", on) == rows["minimum_benefit"]
    allotments = rows["max_allotment"]
    assert calfresh.max_allotment(10, on) == allotments[8] + 2 * allotments["additional"]


@pytest.mark.parametrize(
    ("on", "size", "amount"),
    [
        (on, size, amount)
        for on, rows in CDSS_CHART["rows"].items()
        for size, amount in size_rows(rows)
    ],
)
def test_calfresh_200_percent_limit_matches_cdss_chart(on: date, size: int, amount: int) -> None:
    assert calfresh.gross_income_limit(size, on) == amount


@pytest.mark.parametrize("on", list(CDSS_CHART["rows"]))
def test_calfresh_200_percent_limit_is_twice_the_usda_net_standard(on: date) -> None:
    rows = CDSS_CHART["rows"][on]
    for size in range(1, 12):
        assert calfresh.gross_income_limit(size, on) == 2 * calfresh.net_income_limit(size, on)
    assert calfresh.gross_income_limit(9, on) == rows[8] + rows["additional"]


def test_calfresh_200_percent_is_not_ceil_of_twice_the_guideline() -> None:
    # 2 x 54,150 / 12 = 9,025.00 would give 9,025; CDSS publishes 2 x 4,513 = 9,026.
    assert fpl.rounded_up_monthly(54150, Decimal(2)) == 9025
    assert calfresh.gross_income_limit(8, date(2025, 10, 1)) == 9026


@pytest.mark.parametrize(("share", "amount"), list(DHCS_CHART["rows"].items()))
def test_dhcs_chart_rounding_matches_the_2025_chart(share: float, amount: int) -> None:
    annual = fpl.guideline(DHCS_CHART["size"], DHCS_CHART["vintage"])
    assert fpl.percent_of_rounded_monthly_guideline(annual, Decimal(str(share))) == amount
